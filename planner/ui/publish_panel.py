"""The Plan page's publishing part: the diff of the current plan against the live offering
(groups moved, leaders changed, clients affected), a choice for each enrolled client who
could not attend their group's new session (move to a group they can attend with a free
place, keep the place flagged, end it), and the Publish button, enabled only when every such
client is decided. A refusal reads in the page's language, never as a traceback.

Coordinator-facing: clients appear by their pseudonymous code only, and only to those who
may publish.
"""

from __future__ import annotations

import logging

import pandas as pd
import streamlit as st

from planner import access, rules
from planner.i18n import has, t, weekday_name
from planner.model import Season, hhmm
from planner.store import (
    Enrolments,
    PlanRejected,
    PublishPreview,
    Resolution,
    ResolutionRefused,
    Store,
    StoreError,
    StrandedClients,
)
from planner.store.publish_diff import Where
from planner.ui import auth
from planner.ui.plan_rejected import rejected_markdown
from planner.ui.text import plain

log = logging.getLogger("planner")
DONE_KEY = "plan_published"  # what this session's last publish did, for the confirmation
CHOICES = ("", "keep", "end")  # and "move:GROUP" per group offered


def rule_text(rule: str, lang: str) -> str:
    """A rule key (or a refusal key) in words: the catalogue's name, else the page's text."""
    if rule in rules.RULES:
        return rules.rule_label(rule, lang)
    if has(f"publish.reason.{rule}"):
        return t(f"publish.reason.{rule}", lang)
    return rule


def where_text(where: Where, season: Season, lang: str) -> str:
    venue = season.venue[where.venue_id].display_name(lang) if where.venue_id else "–"
    return f"{weekday_name(where.weekday, lang)} {hhmm(where.start)}-{hhmm(where.end)}, {venue}"


def group_name(season: Season | None, gid: str, lang: str) -> str:
    group = season.group.get(gid) if season is not None else None
    return f"{gid} {group.display_name(lang)}" if group is not None else gid


def groups_table(preview: PublishPreview, season: Season, lang: str) -> pd.DataFrame:
    rows = [
        {
            t("publish.col.group", lang): group_name(season, c.group_id, lang),
            t("publish.col.before", lang): where_text(c.before, season, lang),
            t("publish.col.after", lang): where_text(c.after, season, lang),
            t("publish.col.leaders_before", lang): ", ".join(_names(season, c.leaders_before)),
            t("publish.col.leaders_after", lang): ", ".join(_names(season, c.leaders_after)),
        }
        for c in preview.changed
    ]
    return pd.DataFrame(rows)


def clients_table(preview: PublishPreview, season: Season, lang: str) -> pd.DataFrame:
    rows = [
        {
            t("publish.col.client", lang): a.client_code,
            t("publish.col.group", lang): group_name(season, a.group_id, lang),
            t("publish.col.place", lang): t(f"status.{a.status}", lang),
            t("publish.col.change", lang): t(f"publish.change.{a.change}", lang),
            t("publish.col.attend", lang): (
                t("publish.can_attend", lang)
                if a.can_attend
                else t("publish.cannot_attend", lang, rule=_rule(a.rule, lang))
            ),
        }
        for a in preview.affected
    ]
    return pd.DataFrame(rows)


def refusal_markdown(exc: StoreError, season: Season | None, lang: str) -> str:
    """A refused publish (`StrandedClients`, `ResolutionRefused`) in the page's language."""
    log.log(logging.INFO, "publish refused: %s", exc)
    if isinstance(exc, ResolutionRefused):
        [case] = exc.cases
        return t(
            "publish.refused_move",
            lang,
            client=case.client_code,
            group=plain(group_name(season, case.group_id, lang)),
            target=plain(group_name(season, case.target, lang)) if case.target else "–",
            reason=rule_text(case.rule, lang),
        )
    cases = exc.cases if isinstance(exc, StrandedClients) else ()
    lines = [t("publish.refused", lang, n=len(cases)), ""]
    lines += [
        "- "
        + t(
            "publish.case",
            lang,
            client=c.client_code,
            group=plain(group_name(season, c.group_id, lang)),
            rule=rule_text(c.rule, lang),
        )
        for c in cases
    ]
    return "\n".join(lines)


def choices(preview: PublishPreview, season: Season, lang: str) -> dict[tuple[str, str], str]:
    """A selectbox per stranded client; the chosen action per case ("" while undecided)."""
    chosen: dict[tuple[str, str], str] = {}
    for a in preview.stranded:
        targets = preview.targets_of(a.case)
        options = [*CHOICES, *(f"move:{g}" for g in targets)]

        def label(option: str) -> str:
            if option.startswith("move:"):
                gid = option.split(":", 1)[1]
                name = season.group[gid].display_name(lang) if gid in season.group else ""
                return t("publish.choice.move", lang, group=gid, name=name)
            return t(f"publish.choice.{option or 'none'}", lang)

        case_text = t(
            "publish.case",
            lang,
            client=a.client_code,
            group=plain(group_name(season, a.group_id, lang)),  # a label: Markdown
            rule=_rule(a.rule, lang),
        )
        chosen[a.case] = st.selectbox(
            case_text,
            options,
            format_func=label,
            key=f"publish_choice_{preview.plan_id}_{a.client_code}_{a.group_id}",
        )
        if not targets:
            st.caption(t("publish.no_targets", lang))
    return chosen


def resolutions_of(chosen: dict[tuple[str, str], str]) -> dict[tuple[str, str], Resolution]:
    out = {}
    for case, option in chosen.items():
        if option.startswith("move:"):
            out[case] = Resolution("move", target=option.split(":", 1)[1])
        elif option:
            out[case] = Resolution(option)
    return out


def render_publish(db: Store, season: Season, season_id: int, lang: str) -> None:
    """The publishing part of the Plan page (see the module)."""
    st.header(t("publish.title", lang))
    done = st.session_state.get(DONE_KEY)
    if done is not None:
        st.success(t("publish.done", lang, **done), icon=":material/publish:")
    st.caption(t("publish.intro", lang))
    if not auth.allowed(access.PUBLISH):
        st.info(t("publish.ask_coordinator", lang), icon=":material/unpublished:")
        return
    live = Enrolments(db, season_id)
    try:
        preview = live.preview()
    except StoreError as exc:
        st.error(t("publish.failed", lang, reason=exc), icon=":material/error:")
        return
    if preview.live_plan_id == preview.plan_id and not preview.changes_anything:
        st.info(t("publish.is_live", lang, plan_id=preview.plan_id), icon=":material/check:")
        return
    if preview.live_plan_id is None:
        st.info(t("publish.first", lang, groups=len(preview.opened)), icon=":material/unpublished:")
    else:
        live_id = preview.live_plan_id
        st.markdown(t("publish.over_live", lang, plan_id=preview.plan_id, live=live_id))
        columns = st.columns(6)
        figures = (
            ("moved", len(preview.moved)),
            ("leaders", len(preview.leaders_changed)),
            ("opened", len(preview.opened)),
            ("cancelled", len(preview.cancelled)),
            ("affected", len({a.client_code for a in preview.affected})),
            ("stranded", len(preview.stranded)),
        )
        for column, (key, n) in zip(columns, figures, strict=True):
            column.metric(t(f"publish.metric.{key}", lang), n)
        if preview.changed:
            st.subheader(t("publish.groups", lang))
            st.dataframe(groups_table(preview, season, lang), hide_index=True, width="stretch")
        st.subheader(t("publish.clients", lang))
        if preview.affected:
            st.dataframe(clients_table(preview, season, lang), hide_index=True, width="stretch")
        else:
            st.markdown(t("publish.no_clients", lang))
        if preview.waiting_dropped:
            st.warning(
                t("publish.waiting_dropped", lang, n=len(preview.waiting_dropped)),
                icon=":material/playlist_remove:",
            )
    chosen: dict[tuple[str, str], str] = {}
    if preview.stranded:
        st.subheader(t("publish.resolve", lang))
        chosen = choices(preview, season, lang)
    left = sum(1 for option in chosen.values() if not option)
    if left:
        st.caption(t("publish.unresolved", lang, n=left))
    if st.button(
        t("publish.button", lang, plan_id=preview.plan_id),
        type="primary",
        key="plan_publish",
        icon=":material/publish:",
        disabled=bool(left),
    ):
        try:
            auth.require(access.PUBLISH)
            report = live.publish(
                preview.plan_id, actor=auth.actor(), resolutions=resolutions_of(chosen)
            )
        except PlanRejected as exc:
            st.error(rejected_markdown(exc, season, lang, "publish"), icon=":material/block:")
            return
        except (StrandedClients, ResolutionRefused) as exc:
            st.error(refusal_markdown(exc, season, lang), icon=":material/block:")
            return
        except StoreError as exc:
            st.error(t("publish.failed", lang, reason=exc), icon=":material/error:")
            return
        st.session_state[DONE_KEY] = {
            "plan_id": report.plan_id,
            "groups": len(report.opened) + len(report.kept),
            "moved": len(report.moved_clients),
            "kept": len(report.kept_flagged),
            "ended": len(report.ended),
            "dropped": len(report.waiting_dropped),
        }
        st.rerun()


def _rule(rule: str, lang: str) -> str:
    return t("status.group_cancelled", lang) if rule == "group_cancelled" else rule_text(rule, lang)


def _names(season: Season, people: tuple[str, ...]) -> list[str]:
    return [season.person[p].name if p in season.person else p for p in people]
