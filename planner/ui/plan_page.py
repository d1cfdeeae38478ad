"""Plan page: the season's stored plan, and its solve runs (stored, seen by every session);
a run's plan becomes the current plan only when a coordinator saves it."""

from __future__ import annotations

import logging
from typing import Any

import streamlit as st

from planner import access, rules, solve_runs
from planner.i18n import has, t
from planner.model import Plan, Season
from planner.solve.reason import Reason
from planner.store import PlanRejected, RunRefused, SolveRun, SolveRuns, Store, StoreError
from planner.store.live import utcnow
from planner.store.plan_gate import unsolved
from planner.ui import auth, common
from planner.ui.group_edit_panel import group_edit_panel
from planner.ui.plan_rejected import rejected_markdown
from planner.ui.publish_panel import render_publish
from planner.ui.replan_panel import Replan, replan_inputs
from planner.ui.summary import (
    no_plan_words,
    plan_signed_gap,
    plan_status,
    plan_words,
    progress_words,
    soft_rule_lines,
    status_help,
    status_words,
    week_words,
)
from planner.ui.text import plain
from planner.ui.week_grid import (
    GRID_PAGE,
    VIEW_BY,
    changes_table,
    group_table,
    placements_for,
    plan_counts,
    relative_gap,
    unscheduled_table,
    view_options,
    week_grid,
)

# Page scripts show bare string expressions (Streamlit "magic"), so no attribute docstrings here.
SAVED_KEY = "plan_saved"  # id of the plan this session saved last, for the confirmation
STATE_DEFAULTS: dict[str, Any] = {
    SAVED_KEY: None,
    "plan_time_limit": 30,
}
TIME_LIMIT_S = (10, 120)
MISSING = "–"
log = logging.getLogger("planner")


def init_state() -> None:
    for key, value in STATE_DEFAULTS.items():
        st.session_state.setdefault(key, value)


def _number(value: float | None, digits: int = 0) -> str:
    return MISSING if value is None else f"{value:,.{digits}f}".replace(",", "\u202f")


def metrics(season: Season, plan: Plan, summary: dict[str, Any], lang: str) -> None:
    """The run in plain words (every group placed or how many not, how close to the best plan
    among the options considered, the time), groups, clients and the plan's own status; the
    model's raw figures in an expander."""
    counts = plan_counts(season, plan)
    groups = int(summary.get("groups_requested", counts["groups"]))
    words = plan_words(summary, groups, counts["groups_scheduled"], lang)
    status = plan_status(summary, counts["groups_scheduled"])
    if status == "NO_PLAN":
        st.warning(words, icon=":material/warning:")
    elif counts["groups_scheduled"] < groups:
        st.info(words, icon=":material/info:")
    else:
        st.success(words, icon=":material/task_alt:")
    values = [
        ("plan.metric.groups", f"{counts['groups_scheduled']} / {counts['groups']}", None),
        ("plan.metric.clients", f"{counts['clients_placed']} / {counts['clients']}", None),
        ("plan.metric.status", status_words(status, lang), status_help(status, lang)),
    ]
    for column, (key, value, help_text) in zip(st.columns(len(values)), values, strict=True):
        column.metric(t(key, lang), value, border=True, help=help_text)
    if plan.placements:
        st.markdown("\n".join(f"- {line}" for line in week_words(season, plan, lang)))
    with st.expander(t("plan.soft_rules", lang)):
        st.markdown("\n".join(f"{i}. {line}" for i, line in enumerate(soft_rule_lines(lang), 1)))
        st.caption(
            t("plan.soft_rules.note", lang, skills=rules.SKILLS_MIN, spread=rules.SPREAD_MIN)
        )
    with st.expander(t("plan.details", lang)):
        gap = relative_gap(summary.get("objective"), summary.get("best_bound"))
        signed = plan_signed_gap(summary)
        wall = summary.get("wall_s")
        source = summary.get("plan_source")
        details = [
            ("plan.metric.model_status", status_words(summary.get("status"), lang)),
            ("plan.metric.objective", _number(summary.get("objective"))),
            ("plan.metric.bound", _number(summary.get("best_bound"))),
            ("plan.metric.gap", MISSING if gap is None else f"{gap:.1%}"),
            ("plan.metric.plan_objective", _number(summary.get("plan_objective"))),
            ("plan.metric.signed_gap", MISSING if signed is None else f"{signed:+.1%}"),
            ("plan.metric.wall", MISSING if wall is None else f"{wall:.1f} s"),
            (
                "plan.metric.source",
                t(f"plan.source.{source}", lang) if has(f"plan.source.{source}") else MISSING,
            ),
        ]
        for row in (details[:4], details[4:]):  # the model's figures, then the plan's
            for column, (key, value) in zip(st.columns(len(row)), row, strict=True):
                column.metric(t(key, lang), value, border=True)
        st.caption(t("plan.details.note", lang))


def show_plan(
    season: Season, plan: Plan, lang: str, key: str, reasons: dict[str, str] | None = None
) -> None:
    """The week grid for the chosen municipality, venue or leader, its groups, the unscheduled."""
    st.subheader(t("plan.week", lang))
    by = st.segmented_control(
        t("plan.view_by", lang),
        VIEW_BY,
        format_func=lambda v: t(f"plan.view.{v}", lang),
        default=VIEW_BY[0],
        required=True,
        key=f"{key}_view_by",
    )
    options = view_options(season, plan, by, lang)
    if not options:
        st.info(t("plan.no_sessions", lang), icon=":material/event_busy:")
    else:
        # The widget's key names the language: a kept widget would go on showing the old
        # language's name of the chosen item. The choice itself outlives the switch.
        kept = f"{key}_chosen_{by}"
        codes = list(options)
        chosen = st.selectbox(
            t(f"plan.view.{by}", lang),
            codes,
            format_func=options.__getitem__,
            index=codes.index(st.session_state[kept])
            if st.session_state.get(kept) in options
            else 0,
            key=f"{key}_view_{by}_{lang}",
        )
        st.session_state[kept] = chosen
        sessions = placements_for(season, plan, by, chosen)
        # Espoo alone has 94 sessions at 376 groups: the grid draws a page of them.
        paged = common.one_page(st, sessions, GRID_PAGE, f"{key}_grid_page", "plan.page_of", lang)
        st.table(week_grid(season, paged, lang, markdown=True), hide_index=True)
        st.subheader(t("plan.groups", lang))
        st.dataframe(group_table(season, plan, sessions, lang), hide_index=True, width="stretch")
        st.caption(t("plan.privacy", lang))

    st.subheader(t("plan.unscheduled", lang, n=len(plan.unscheduled)))
    if plan.unscheduled:
        st.dataframe(
            unscheduled_table(season, plan, lang, reasons), hide_index=True, width="stretch"
        )
    else:
        st.success(t("plan.all_scheduled", lang), icon=":material/task_alt:")


def start_solve(
    db: Store, season_id: int, lang: str, time_limit_s: int, replan: Replan | None = None
) -> str | None:
    """Start a stored run (a re-plan with `replan`) with its worker; an error message in the
    page's language when it cannot start."""
    try:
        import planner.solve  # noqa: F401  (fails early when the solver is not installed)
    except ImportError as exc:
        return t("plan.solve.unavailable", lang, reason=exc)
    changes = replan.changes if replan is not None else None
    previous = replan.previous if replan is not None else None
    try:
        solve_runs.start_run(
            db,
            season_id,
            auth.actor(),
            solve_runs.run_params(time_limit_s, lang, changes),
            previous,
        )
    except RunRefused as exc:
        return exc.message_in(lang)
    except (StoreError, OSError, RuntimeError) as exc:
        return t("plan.solve.failed", lang, reason=exc)
    st.session_state[SAVED_KEY] = None
    return None


def _who_and_when(run: SolveRun, lang: str) -> str:
    return t(
        "run.started",
        lang,
        who=plain(run.started_by),
        at=common.local_time(run.started_at),
        limit=_limit(run),
    )


def _limit(run: SolveRun) -> int:
    return round(float(run.params.get("time_limit_s", 0)))


@st.fragment(run_every=1)
def progress_panel(db: Store, run_id: int, lang: str) -> None:
    """The stored run as its worker reports it, read again each second; the whole page
    runs again once the run has ended (or its worker is gone)."""
    runs = SolveRuns(db)
    run = runs.get(run_id)
    if run is None or not run.active or run.stale():
        st.rerun()
        return
    elapsed = (utcnow() - run.started_at).total_seconds()
    limit = max(_limit(run), 1)
    st.progress(
        min(max(elapsed, 0) / limit, 1.0),
        text=t("plan.solve.running", lang, elapsed=round(max(elapsed, 0)), limit=limit),
    )
    st.caption(_who_and_when(run, lang))
    st.markdown(progress_words(run, lang))
    if run.state == "stopping":
        st.info(
            t("run.stopping", lang, who=plain(run.stop_requested_by or MISSING)),
            icon=":material/hourglass_top:",
        )
    elif st.button(
        t("run.stop", lang),
        key="plan_stop",
        icon=":material/stop_circle:",
        help=t("run.stop.help", lang),
    ):
        runs.request_stop(run.id, auth.actor())
        st.rerun()
    objective, bound = st.columns(2)
    objective.metric(t("plan.metric.objective", lang), _number(run.objective), border=True)
    bound.metric(t("plan.metric.bound", lang), _number(run.bound), border=True)
    st.caption(t("plan.solve.progress_note", lang))


def _reasons(summary: dict[str, Any], lang: str) -> dict[str, str]:
    return {
        r["subject"]: Reason(
            r["subject"], r["key"], r.get("params", {}), tuple(r.get("rules", ()))
        ).text(lang)
        for r in summary.get("reasons", ())
        if has(f"solver.{r.get('key')}")
    }


def ended_words(run: SolveRun, lang: str) -> tuple[str, str]:
    """How the run ended, as (kind, sentence): who stopped it and when, or when it ended."""
    at = common.local_time(run.finished_at or run.heartbeat_at)
    if run.state == "stopped":
        who = plain(run.stop_requested_by or MISSING)
        return "info", t("run.stopped_by", lang, who=who, at=at)
    return "success", t("run.finished", lang, who=plain(run.started_by), at=at)


def _discard(db: Store, run: SolveRun) -> None:
    SolveRuns(db).close(run.id, auth.actor())
    st.rerun()


def show_interrupted(db: Store, run: SolveRun, lang: str) -> None:
    """A run whose worker is gone: said so, and put aside with one click."""
    st.warning(
        t(
            "run.interrupted",
            lang,
            who=plain(run.started_by),
            at=common.local_time(run.started_at),
        ),
        icon=":material/sync_problem:",
    )
    if st.button(t("plan.result.discard", lang), key="plan_discard"):
        _discard(db, run)


def show_result(db: Store, run: SolveRun, season: Season, previous: Plan | None, lang: str) -> None:
    """The ended run: how it ended, its metrics and plan, what changed, save / discard."""
    st.subheader(t("plan.result.title", lang))
    if run.state == "failed" or run.plan is None:
        st.error(t("plan.solve.failed", lang, reason=run.error or MISSING), icon=":material/error:")
        if st.button(t("plan.result.discard", lang), key="plan_discard"):
            _discard(db, run)
        return
    plan = run.plan
    summary = dict(run.summary or {})
    kind, words = ended_words(run, lang)
    (st.info if kind == "info" else st.success)(words, icon=":material/flag:")
    savable = bool(plan.placements) and unsolved(summary) is None
    if not savable:
        st.warning(no_plan_words(run, summary, lang), icon=":material/warning:")
    save_col, discard_col = st.columns(2)
    clicked = save_col.button(
        t("plan.result.save", lang),
        type="primary",
        key="plan_save",
        icon=":material/save:",
        disabled=not savable,
    )
    if discard_col.button(t("plan.result.discard", lang), key="plan_discard"):
        _discard(db, run)
    if clicked:
        try:
            plan_id = SolveRuns(db).save(run.id, auth.actor())
        except PlanRejected as exc:
            st.error(rejected_markdown(exc, season, lang, "save"), icon=":material/block:")
        except RunRefused as exc:
            st.error(exc.message_in(lang), icon=":material/block:")
        except StoreError as exc:
            st.error(t("plan.result.save_failed", lang, reason=exc), icon=":material/error:")
        else:
            st.session_state[SAVED_KEY] = plan_id
            st.rerun()
    metrics(season, plan, summary, lang)
    if previous is not None:
        # Group-level and translated; `result.diff` would name clients, which this page never does.
        changes = changes_table(season, previous, plan, lang)
        with st.expander(t("plan.result.changes", lang, n=len(changes))):
            if changes.empty:
                st.markdown(t("plan.result.no_changes", lang))
            else:
                st.dataframe(changes, hide_index=True, width="stretch")
    show_plan(season, plan, lang, "plan_new", _reasons(summary, lang))


def solve_controls(db: Store, season: Season, season_id: int, lang: str) -> SolveRun | None:
    """The time limit, the re-plan's inputs and the button; the season's run under way as
    the store has it. Returns the season's newest open run (after a start, the new one)."""
    run = SolveRuns(db).latest(season_id)
    running = run is not None and run.active and not run.stale()
    st.subheader(t("plan.solve.title", lang))
    st.markdown(t("plan.solve.intro", lang))
    if running:
        # The run's own limit, under a key of its own: the session's choice stays for the next.
        st.slider(
            t("plan.solve.time_limit", lang),
            *TIME_LIMIT_S,
            value=min(max(_limit(run), TIME_LIMIT_S[0]), TIME_LIMIT_S[1]),
            step=5,
            key=f"plan_time_limit_run_{run.id}",
            disabled=True,
        )
        limit = st.session_state.get("plan_time_limit", STATE_DEFAULTS["plan_time_limit"])
    else:
        limit = st.slider(
            t("plan.solve.time_limit", lang), *TIME_LIMIT_S, step=5, key="plan_time_limit"
        )
    replan = replan_inputs(db, season, season_id, lang, disabled=running)
    if st.button(
        t("plan.solve.button", lang),
        type="primary",
        key="plan_solve",
        # Not disabled while a run is under way: a click then says whose run it is (the store
        # refuses a second run of the season), where a greyed-out button would say nothing.
        icon=":material/play_arrow:",
    ):
        problem = start_solve(db, season_id, lang, int(limit), replan)
        if problem is not None:
            st.error(problem, icon=":material/error:")
        run = SolveRuns(db).latest(season_id)
    if run is not None and run.active and not run.stale():
        progress_panel(db, run.id, lang)
    return run


def render() -> None:
    auth.require(access.PLAN)
    init_state()
    lang = common.lang()
    st.title(t("plan.title", lang))
    db = common.store()
    info = common.working_season_info(db, lang)  # the season picker's
    if info is None:
        common.ask_for_import("plan.no_season", lang)
        return
    season_id: int = info["id"]
    season = common.load_season(common.db_url(), season_id)
    plan = db.load_plan(season_id=season_id)
    summary = db.plan_summary(season_id=season_id) if plan is not None else None

    if st.session_state[SAVED_KEY] is not None:
        st.success(
            t("plan.result.saved", lang, plan_id=st.session_state[SAVED_KEY]),
            icon=":material/check_circle:",
        )
    run = solve_controls(db, season, season_id, lang)
    if run is not None and run.stale():
        show_interrupted(db, run, lang)
        st.divider()
    elif run is not None and not run.active:
        show_result(db, run, season, run.previous if run.previous is not None else plan, lang)
        st.divider()

    if plan is None or summary is None:
        st.info(t("plan.no_plan", lang, season=plain(info["name"])), icon=":material/event_note:")
        return
    st.header(t("plan.current_title", lang))
    st.caption(
        t(
            "plan.current",
            lang,
            season=plain(info["name"]),
            plan_id=summary["id"],
            saved_at=common.local_time(summary["created_at"]),
            saved_by=plain(summary["created_by"]),
        )
    )
    metrics(season, plan, summary, lang)
    show_plan(season, plan, lang, "plan_current")
    group_edit_panel(db, season, season_id, plan, lang)
    st.divider()
    render_publish(db, season, season_id, lang)


if __name__ == "__main__":  # st.navigation runs this file as the page
    render()
