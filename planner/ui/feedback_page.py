"""Feedback (fi "Palaute", sv "Respons"): anonymous feedback from a leader's groups
(l. 527, 529). Per group: its results (withheld below `rules.FEEDBACK_MIN_ANSWERS` answers),
its rounds, opening one (the link and QR code shown once, with the paper form carrying
them) and closing one, typing in paper answers one at a time, and the leaders' own
evaluation of the group beside the results. Below: the season's results per group.

A leader sees the groups they lead; a coordinator any group. Every write checks again that
the person may lead the group (`access.may_lead`) and names them by `auth.actor()`.
"""

from __future__ import annotations

import datetime as dt

import pandas as pd
import streamlit as st

from planner import access, rules, terms
from planner.feedback.answers import (
    MAX_CHANGE_CHARS,
    SCALE,
    SCALES,
    Answer,
    FeedbackError,
    clean_text,
)
from planner.feedback.paper import feedback_form_pdf
from planner.feedback.qr import qr_png
from planner.feedback.results import SeasonResults, season_results
from planner.feedback.rounds import open_round
from planner.i18n import has, t
from planner.model import Group, Season
from planner.store import Enrolments, StoreError
from planner.store.feedback import OPEN, Feedback, FeedbackRound
from planner.terms import last_session
from planner.ui import auth, common
from planner.ui.offering import date_text, published_plan_id
from planner.ui.text import plain

GROUP_KEY = "feedback_group"
LINKS_KEY = "feedback_links"  # round id -> its link, known only in the session that opened it
DONE_KEY = "feedback_done"
PDF = "application/pdf"


def _source(lang: str) -> str:
    return rules.handbook_source(rules.FEEDBACK_LINES, lang)


def _ends(name: str, lang: str) -> tuple[str, str]:
    if has(f"feedback.scale.low.{name}"):
        return t(f"feedback.scale.low.{name}", lang), t(f"feedback.scale.high.{name}", lang)
    return t("feedback.scale.low", lang), t("feedback.scale.high", lang)


def results_frame(results: SeasonResults, groups: list[str] | None, lang: str) -> pd.DataFrame:
    """The season's table (`SeasonResults.table`), only `groups`' rows when given."""
    headers, rows = results.table(lang)
    keep = [
        row
        for group_id, row in zip([*results.groups, None], rows, strict=True)
        if group_id is None or groups is None or group_id in groups
    ]
    return pd.DataFrame(keep, columns=list(headers))


def rounds_frame(rounds: list[FeedbackRound], today: dt.date, lang: str) -> pd.DataFrame:
    return pd.DataFrame(
        {
            "#": [r.id for r in rounds],
            t("feedback.round.col.session", lang): [date_text(r.session_date) for r in rounds],
            t("feedback.round.col.closes", lang): [date_text(r.closes_on) for r in rounds],
            t("feedback.col.answers", lang): [f"{r.answers}/{r.max_answers}" for r in rounds],
            t("feedback.round.col.state", lang): [
                t(f"feedback.round.state.{r.state(today)}", lang) for r in rounds
            ],
        }
    )


def _may_write(leaders: list[str]) -> bool:
    return access.may_lead(auth.identity(), leaders)


def _opening(
    season: Season, group_id: str, weekday: int, leaders: list[str], today: dt.date, lang: str
) -> None:
    group = season.group[group_id]
    db = common.store()
    last = last_session(group, weekday)
    if last is not None:
        st.caption(t("feedback.round.last_session", lang, date=date_text(last)))
    with st.form(f"feedback_open_{group_id}"):
        session = st.date_input(
            t("feedback.round.session", lang),
            value=last or max(today, group.start_date),
            min_value=group.start_date,
            max_value=last,
            format="DD.MM.YYYY",
            key=f"feedback_session_{group_id}",
        )
        days = st.number_input(
            t("feedback.round.days", lang),
            min_value=1,
            max_value=365,
            value=rules.FEEDBACK_ROUND_DAYS,
            key=f"feedback_days_{group_id}",
        )
        if st.form_submit_button(t("feedback.round.open", lang), icon=":material/add_link:"):
            if not _may_write(leaders):
                st.error(t("auth.not_allowed", lang))
                return
            try:
                new = open_round(
                    db, group_id, actor=auth.actor(), session_date=session, days=int(days)
                )
            except StoreError as exc:
                st.error(str(exc), icon=":material/error:")
                return
            st.session_state[LINKS_KEY][new.round.id] = new.url()
            st.rerun()


def _new_links(group: Group, rounds: list[FeedbackRound], lang: str) -> None:
    """The links this session opened for the group: shown now, never again (the store keeps
    only the token's hash)."""
    links = st.session_state[LINKS_KEY]
    group_id = group.group_id
    for r in rounds:
        token_url = links.get(r.id)
        if token_url is None:
            continue
        url = f"{token_url}?lang={group.language}"
        st.success(t("feedback.round.opened", lang, closes=date_text(r.closes_on)))
        st.code(url, language=None)
        qr, paper = st.columns([1, 2])
        with qr:
            st.image(qr_png(url), caption=t("feedback.round.qr", lang), width=220)
        with paper:
            for form_lang in ("fi", "sv"):
                st.download_button(
                    f"{t('feedback.paper.download', lang)} · {form_lang}",
                    feedback_form_pdf(
                        group.display_name(form_lang), form_lang, f"{token_url}?lang={form_lang}"
                    ),
                    file_name=f"feedback-{group_id}-{r.id}-{form_lang}.pdf",
                    mime=PDF,
                    key=f"feedback_pdf_link_{r.id}_{form_lang}",
                    icon=":material/print:",
                )


def _closing(group_id: str, leaders: list[str], rounds: list[FeedbackRound], today, lang) -> None:
    open_rounds = [r for r in rounds if r.state(today) == OPEN]
    if not open_rounds:
        return
    with st.form(f"feedback_close_{group_id}"):
        chosen = st.selectbox(
            t("feedback.round.pick", lang),
            [r.id for r in open_rounds],
            format_func=lambda i: _round_label(
                next(r for r in open_rounds if r.id == i), today, lang
            ),
            key=f"feedback_close_pick_{group_id}",
        )
        if st.form_submit_button(t("feedback.round.close", lang), icon=":material/link_off:"):
            if not _may_write(leaders):
                st.error(t("auth.not_allowed", lang))
                return
            try:
                Feedback(common.store()).close_round(int(chosen), auth.actor())
            except StoreError as exc:
                st.error(str(exc), icon=":material/error:")
                return
            st.session_state[DONE_KEY] = t("feedback.round.closed", lang)
            st.rerun()


def _round_label(r: FeedbackRound, today: dt.date, lang: str) -> str:
    return t(
        "feedback.round.label",
        lang,
        session=date_text(r.session_date),
        answers=r.answers,
        state=t(f"feedback.round.state.{r.state(today)}", lang),
    )


def _paper(group_id: str, leaders: list[str], rounds: list[FeedbackRound], today, lang) -> None:
    st.caption(t("feedback.paper.enter", lang))
    with st.form(f"feedback_paper_{group_id}", clear_on_submit=True):
        chosen = st.selectbox(
            t("feedback.round.pick", lang),
            [r.id for r in rounds],
            format_func=lambda i: _round_label(next(r for r in rounds if r.id == i), today, lang),
            key=f"feedback_paper_round_{group_id}",
        )
        scores = {}
        for name in SCALES:
            low, high = _ends(name, lang)
            scores[name] = st.radio(
                t(f"feedback.q.{name}", lang),
                SCALE,
                index=None,
                horizontal=True,
                help=t("feedback.scale.hint", lang, low=low, high=high),
                key=f"feedback_paper_{name}_{group_id}",
            )
        change = st.text_area(
            t("feedback.q.change", lang),
            help=t("feedback.q.change_hint", lang),
            key=f"feedback_paper_change_{group_id}",
        )
        if st.form_submit_button(t("feedback.paper.add", lang), icon=":material/edit_note:"):
            if not _may_write(leaders):
                st.error(t("auth.not_allowed", lang))
                return
            try:
                answer = Answer(**scores, change=clean_text(change or ""))
                Feedback(common.store()).add_paper_answers(int(chosen), [answer], auth.actor())
            except FeedbackError as exc:
                st.error(t(f"feedback.error.{exc.key}", lang, chars=MAX_CHANGE_CHARS))
                return
            except StoreError as exc:
                st.error(str(exc), icon=":material/error:")
                return
            st.session_state[DONE_KEY] = t("feedback.paper.added", lang)
            st.rerun()


def _evaluation(group_id: str, leaders: list[str], lang: str) -> None:
    st.subheader(t("feedback.eval.heading", lang))
    st.caption(t("feedback.eval.intro", lang, source=_source(lang)))
    feedback = Feedback(common.store())
    written = feedback.evaluations(group_id)
    if not written:
        st.caption(t("feedback.eval.none", lang))
    for e in written:
        with st.container(border=True):
            st.caption(
                t("feedback.eval.by", lang, who=plain(e.written_by), date=date_text(e.written_on))
            )
            for field in ("went_well", "to_change", "notes"):
                text = getattr(e, field)
                if text:
                    st.markdown(f"**{t(f'feedback.eval.{field}', lang)}**")
                    st.text(text)
    if not _may_write(leaders):
        return
    with st.form(f"feedback_eval_{group_id}"):
        texts = {
            field: st.text_area(
                t(f"feedback.eval.{field}", lang), key=f"feedback_eval_{field}_{group_id}"
            )
            for field in ("went_well", "to_change", "notes")
        }
        if st.form_submit_button(t("feedback.eval.save", lang), icon=":material/save:"):
            if not _may_write(leaders):
                st.error(t("auth.not_allowed", lang))
                return
            try:
                feedback.write_evaluation(group_id, actor=auth.actor(), **texts)
            except StoreError as exc:
                st.error(str(exc), icon=":material/error:")
                return
            st.session_state[DONE_KEY] = t("feedback.eval.saved", lang)
            st.rerun()


def _group_results(results: SeasonResults, group_id: str, lang: str) -> None:
    found = results.groups.get(group_id)
    first, second = st.columns(2)
    first.metric(t("feedback.col.answers", lang), found.answers if found is not None else 0)
    if found is None or found.means is None:
        st.info(
            t("feedback.results.rule", lang, n=rules.FEEDBACK_MIN_ANSWERS, source=_source(lang)),
            icon=":material/visibility_off:",
        )
        return
    second.metric(
        t("feedback.col.recommend_share", lang), f"{round(100 * (found.recommend_share or 0))} %"
    )
    for i, name in enumerate(SCALES):
        (first if i % 2 == 0 else second).metric(
            t(f"feedback.col.{name}", lang), f"{found.means[name]:.1f}"
        )
    if found.changes:
        st.markdown(f"**{t('feedback.results.changes', lang)}**")
        for text in found.changes:
            st.text(text)


def render() -> None:
    who = auth.require(access.OWN_GROUPS)
    lang = common.lang()
    st.session_state.setdefault(LINKS_KEY, {})
    st.session_state.setdefault(DONE_KEY, None)
    st.title(t("nav.feedback", lang))
    st.caption(t("feedback.page.intro", lang, source=_source(lang)))
    db = common.store()
    info = common.live_season_info(db)
    if info is None:
        common.ask_for_import("find.no_season", lang)
        return
    season_id: int = info["id"]
    try:
        offerings = Enrolments(db, season_id).offerings()
        published = published_plan_id(offerings)
        plan = db.load_plan(plan_id=published) if published is not None else None
    except StoreError as exc:
        st.error(t("store.unavailable", lang, reason=exc), icon=":material/error:")
        return
    if plan is None:
        st.info(t("feedback.page.not_published", lang), icon=":material/unpublished:")
        return
    season = common.load_season(common.db_url(), season_id)
    leaders_of = {o.group_id: list(o.leaders) for o in offerings if o.status == "open"}
    mine = [
        g
        for g, leaders in leaders_of.items()
        if g in season.group and access.may_lead(who, leaders)
    ]
    if not mine:
        st.info(t("feedback.page.no_groups", lang), icon=":material/groups:")
        return
    if st.session_state.get(GROUP_KEY) not in mine:
        st.session_state[GROUP_KEY] = mine[0]
    group_id = st.selectbox(
        t("feedback.page.group", lang),
        mine,
        key=GROUP_KEY,
        format_func=lambda g: f"{g} · {season.group[g].display_name(lang)}",
    )
    done = st.session_state[DONE_KEY]
    if done is not None:
        st.success(done)
        st.session_state[DONE_KEY] = None
    leaders = leaders_of[group_id]
    today = terms.local_today()
    try:
        results = season_results(db, season_id)
        rounds = Feedback(db, season_id).rounds(group_id)
    except StoreError as exc:
        st.error(t("store.unavailable", lang, reason=exc), icon=":material/error:")
        return

    answers, evaluation = st.columns(2)
    with answers:
        _group_results(results, group_id, lang)
    with evaluation:
        _evaluation(group_id, leaders, lang)

    st.subheader(t("feedback.round.heading", lang))
    _new_links(season.group[group_id], rounds, lang)
    if rounds:
        st.dataframe(rounds_frame(rounds, today, lang), hide_index=True, width="stretch")
    else:
        st.caption(t("feedback.round.none", lang))
    _opening(season, group_id, plan.placement[group_id].weekday, leaders, today, lang)
    _closing(group_id, leaders, rounds, today, lang)

    st.subheader(t("feedback.paper.heading", lang))
    for form_lang in ("fi", "sv"):
        st.download_button(
            f"{t('feedback.paper.download', lang)} · {form_lang}",
            feedback_form_pdf(season.group[group_id].display_name(form_lang), form_lang),
            file_name=f"feedback-{group_id}-{form_lang}.pdf",
            mime=PDF,
            key=f"feedback_pdf_{group_id}_{form_lang}",
            icon=":material/print:",
        )
    if rounds:
        _paper(group_id, leaders, rounds, today, lang)

    st.subheader(t("feedback.results.season", lang))
    everyone = access.may(who, access.ALL_GROUPS)
    if not results.groups:
        st.caption(t("feedback.results.none", lang))
    else:
        st.dataframe(
            results_frame(results, None if everyone else mine, lang),
            hide_index=True,
            width="stretch",
        )
        st.caption(
            t("feedback.results.rule", lang, n=rules.FEEDBACK_MIN_ANSWERS, source=_source(lang))
        )


if __name__ == "__main__":  # st.navigation runs this file as the page
    render()
