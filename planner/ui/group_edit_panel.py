"""The Plan page's "change one group by hand": pick a group, set its weekday, start, venue
and leaders, check the change with the independent validator (its verdict by rule name in
the page's language, and who would leave the group), and save it as the group's pins and a
new draft plan (`Store.pin_group`), or remove a group's pins. The live offering changes only
when the plan is published (the publish panel below shows the diff).

Coordinator-facing: participants who would leave appear by their pseudonymous code only, as
in the publish panel; every write asks for the right to plan again on the server.
"""

from __future__ import annotations

from collections.abc import Sequence

import streamlit as st

from planner import access, rules
from planner.i18n import t, weekday_name
from planner.model import WEEKDAYS, Group, Placement, Plan, Season, hhmm
from planner.store import PinEdit, PinRefused, Pins, Store, StoreError
from planner.ui import auth, common
from planner.ui.plan_rejected import problem_text, rejected_markdown
from planner.ui.text import plain

KEY = "plan_edit"
DONE_KEY = "plan_edit_done"  # (text key, params) of this session's last saved change
GRID_MIN = 30
FIRST_START, LAST_START = 7 * 60, 20 * 60
"""The start times offered: 07:00 to 20:00 on the half hour (the venue's hours decide)."""


def start_options(current: int | None) -> list[int]:
    starts = list(range(FIRST_START, LAST_START + 1, GRID_MIN))
    if current is not None and current not in starts:
        starts = sorted({*starts, current})
    return starts


def venue_options(season: Season, group: Group, lang: str) -> list[str]:
    """Venues of the group's municipality first, then the others, each by name."""

    def order(vid: str) -> tuple[bool, str]:
        venue = season.venue[vid]
        return venue.municipality != group.municipality, venue.display_name(lang)

    return sorted(season.venue, key=order)


# The texts below go into Markdown (captions, alerts): names through `plain`.


def where_text(season: Season, p: Placement, lang: str) -> str:
    venue = (
        plain(season.venue[p.venue_id].display_name(lang)) if p.venue_id in season.venue else "–"
    )
    return t(
        "plan_edit.where",
        lang,
        day=weekday_name(p.weekday, lang) if 0 <= p.weekday < len(WEEKDAYS) else "–",
        start=hhmm(p.start),
        end=hhmm(p.end),
        venue=venue,
    )


def names(season: Season, people: Sequence[str]) -> str:
    return (
        ", ".join(plain(season.person[p].name if p in season.person else p) for p in people) or "–"
    )


def pins_text(season: Season, pins: Pins, lang: str) -> str:
    parts = []
    if pins.weekday is not None and 0 <= pins.weekday < len(WEEKDAYS):
        parts.append(weekday_name(pins.weekday, lang))
    if pins.start is not None:
        parts.append(hhmm(pins.start))
    if pins.venue_id in season.venue:
        parts.append(plain(season.venue[pins.venue_id].display_name(lang)))
    if pins.leaders:
        parts.append(names(season, pins.leaders))
    return ", ".join(parts)


def verdict(edit: PinEdit, season: Season, lang: str) -> None:
    """The validator's verdict in words, and who would leave the group."""
    change_line(edit, season, lang)
    if edit.ok:
        st.success(t("plan_edit.check.ok", lang), icon=":material/task_alt:")
    else:
        lines = [t("plan_edit.check.refused", lang, n=len(edit.problems)), ""]
        lines += [f"- {problem_text(p, season, lang)}" for p in edit.problems]
        st.error("\n".join(lines), icon=":material/block:")
    leaving(edit, season, lang)


def change_line(edit: PinEdit, season: Season, lang: str) -> None:
    if edit.before is not None:
        before, after = where_text(season, edit.before, lang), where_text(season, edit.after, lang)
        st.markdown(t("plan_edit.change", lang, before=before, after=after))


def leaving(edit: PinEdit, season: Season, lang: str) -> None:
    """Who would leave the group (by code), or that the group is not in the plan."""
    if edit.before is None:
        st.info(t("plan_edit.check.unscheduled", lang), icon=":material/info:")
    elif edit.dropped:
        lines = [t("plan_edit.leaving", lang, n=len(edit.dropped)), ""]
        lines += [
            "- "
            + t("plan_edit.leaving_client", lang, client=code, rule=rules.rule_label(rule, lang))
            for code, rule in edit.dropped
        ]
        st.warning("\n".join(lines), icon=":material/group_remove:")
    else:
        st.caption(t("plan_edit.nobody_leaves", lang))


def _group_label(season: Season, plan: Plan, gid: str, lang: str) -> str:
    group = season.group[gid]
    mark = ""
    if gid not in plan.placement:
        mark = t("plan_edit.unscheduled_mark", lang)
    if Pins(group.weekday, group.start, group.venue_id, group.leaders).any:
        mark += t("plan_edit.pinned_mark", lang)
    return t("plan_edit.group_option", lang, group_id=gid, name=group.display_name(lang), mark=mark)


def _done(lang: str) -> None:
    done = st.session_state.pop(DONE_KEY, None)
    if done is not None:
        key, params = done
        st.success(t(key, lang, **params), icon=":material/push_pin:")


def _saved(key: str, **params: object) -> None:
    """A change was written: the season's pins changed, so load it again, and say so."""
    common.load_season.clear()
    st.session_state[DONE_KEY] = (key, params)
    st.rerun()


def group_edit_panel(db: Store, season: Season, season_id: int, plan: Plan, lang: str) -> None:
    """The expander below the plan: one group by hand (see the module docstring)."""
    expanded = st.session_state.get(DONE_KEY) is not None
    with st.expander(t("plan_edit.title", lang), expanded=expanded):
        _done(lang)
        st.caption(t("plan_edit.intro", lang))
        gids = [g.group_id for g in season.groups]
        gid = st.selectbox(
            t("plan_edit.group", lang),
            gids,
            format_func=lambda g: _group_label(season, plan, g, lang),
            key=f"{KEY}_group_{lang}",
        )
        if gid is None:
            return
        group = season.group[gid]
        current = plan.placement.get(gid)
        pins = Pins(group.weekday, group.start, group.venue_id, group.leaders)
        if current is not None:
            st.caption(
                t(
                    "plan_edit.now",
                    lang,
                    where=where_text(season, current, lang),
                    leaders=names(season, current.leaders),
                )
            )
        else:
            st.caption(t("plan_edit.now_unscheduled", lang))
        if pins.any:
            st.caption(t("plan_edit.pins_now", lang, pins=pins_text(season, pins, lang)))

        # Widget keys name the group and the language: each group starts from its own values.
        suffix = f"{gid}_{lang}"
        day_now = current.weekday if current else (group.weekday or 0)
        start_now = current.start if current else group.start
        day_col, start_col = st.columns(2)
        weekday = day_col.selectbox(
            t("plan_edit.weekday", lang),
            list(range(len(WEEKDAYS))),
            index=day_now if 0 <= day_now < len(WEEKDAYS) else 0,
            format_func=lambda d: weekday_name(d, lang),
            key=f"{KEY}_weekday_{suffix}",
        )
        starts = start_options(start_now)
        start = start_col.selectbox(
            t("plan_edit.start", lang),
            starts,
            index=starts.index(start_now) if start_now in starts else 0,
            format_func=hhmm,
            key=f"{KEY}_start_{suffix}",
        )
        venue_id: str | None = None
        if group.needs_venue:
            venues = venue_options(season, group, lang)
            venue_now = current.venue_id if current else group.venue_id
            venue_id = st.selectbox(
                t("plan_edit.venue", lang),
                venues,
                index=venues.index(venue_now) if venue_now in venues else 0,
                format_func=lambda v: t(
                    "plan_edit.venue_option",
                    lang,
                    name=season.venue[v].display_name(lang),
                    municipality=season.municipality[season.venue[v].municipality].name(lang),
                ),
                key=f"{KEY}_venue_{suffix}",
            )
        else:
            st.caption(t("plan_edit.remote", lang))
        people = [s.staff_id for s in season.staff] + [p.partner_id for p in season.partners]
        leaders_now = current.leaders if current else group.leaders
        leaders = st.multiselect(
            t("plan_edit.leaders", lang),
            people,
            default=[p for p in leaders_now if p in season.person],
            max_selections=rules.LEADERS_IN_GROUP,
            format_func=lambda p: t(
                "plan_edit.person_option", lang, person_id=p, name=season.person[p].name
            ),
            placeholder=t("plan_edit.leaders_none", lang),
            key=f"{KEY}_leaders_{suffix}",
        )
        edit_args = (season_id, gid, int(weekday), int(start), venue_id, tuple(leaders))

        check_col, save_col, unpin_col = st.columns(3)
        check = check_col.button(
            t("plan_edit.check", lang), key=f"{KEY}_check", icon=":material/rule:"
        )
        save = save_col.button(
            t("plan_edit.save", lang),
            key=f"{KEY}_save",
            type="primary",
            icon=":material/push_pin:",
        )
        unpin = unpin_col.button(
            t("plan_edit.unpin", lang),
            key=f"{KEY}_unpin",
            icon=":material/remove_circle:",
            disabled=not pins.any,
        )
        if check:
            try:
                edit = db.pin_preview(*edit_args)
            except StoreError as exc:
                st.error(t("plan_edit.failed", lang, reason=exc), icon=":material/error:")
            else:
                verdict(edit, season, lang)
        if save:
            auth.require(access.PLAN)
            try:
                edit = db.pin_group(*edit_args, actor=auth.actor())
            except PinRefused as exc:
                change_line(exc.edit, season, lang)
                st.error(rejected_markdown(exc, season, lang, "pin"), icon=":material/block:")
                leaving(exc.edit, season, lang)
            except StoreError as exc:
                st.error(t("plan_edit.failed", lang, reason=exc), icon=":material/error:")
            else:
                label = f"{gid} {plain(group.display_name(lang))}"
                if edit.plan_id is None:
                    _saved("plan_edit.saved_pins_only", group=label)
                _saved("plan_edit.saved", group=label, plan_id=edit.plan_id, n=len(edit.dropped))
        if unpin:
            auth.require(access.PLAN)
            try:
                db.unpin_group(season_id, gid, actor=auth.actor())
            except StoreError as exc:
                st.error(t("plan_edit.failed", lang, reason=exc), icon=":material/error:")
            else:
                _saved("plan_edit.unpinned", group=f"{gid} {plain(group.display_name(lang))}")
