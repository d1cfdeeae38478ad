"""Plan page: the current season's stored plan, and a solver run that is stored only on save."""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

import streamlit as st

from planner import access, rules
from planner.i18n import has, t
from planner.model import Plan, Season
from planner.store import PlanRejected, StoreError
from planner.ui import auth, common
from planner.ui.group_edit_panel import group_edit_panel
from planner.ui.plan_rejected import rejected_markdown
from planner.ui.publish_panel import render_publish
from planner.ui.replan_panel import Replan, replan_inputs
from planner.ui.summary import (
    plan_signed_gap,
    plan_status,
    plan_words,
    soft_rule_lines,
    week_words,
)
from planner.ui.week_grid import (
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
JOB_KEY = "plan_job"  # the session's solver run (a SolveJob), None when there is none
SAVED_KEY = "plan_saved"  # id of the plan this session saved last, for the confirmation
STATE_DEFAULTS: dict[str, Any] = {
    JOB_KEY: None,
    SAVED_KEY: None,
    "plan_time_limit": 30,
}
TIME_LIMIT_S = (10, 120)
WORKERS = 2
MISSING = "–"
log = logging.getLogger("planner")


@dataclass
class SolveJob:
    """One solver run in a background thread; the thread writes, the page reads (under lock)."""

    season_id: int
    time_limit_s: int
    started: float = field(default_factory=time.monotonic)
    lock: threading.Lock = field(default_factory=threading.Lock)
    objective: float | None = None
    bound: float | None = None
    wall_s: float = 0.0
    done: bool = False
    result: Any = None
    error: str | None = None
    previous: Plan | None = None  # a re-plan's previous plan (the live offering): the diff's base
    changes: Any = None  # a re-plan's Changes (absent, closed, cancelled)

    def progress(self, objective: float, bound: float, wall_s: float) -> None:
        """The solver's `on_progress`; called from its thread, so it only stores numbers."""
        with self.lock:
            self.objective, self.bound, self.wall_s = objective, bound, wall_s

    def snapshot(self) -> dict[str, Any]:
        with self.lock:
            return {
                "objective": self.objective,
                "bound": self.bound,
                "done": self.done,
                "elapsed": time.monotonic() - self.started,
            }

    def finish(self, result: Any = None, error: str | None = None) -> None:
        with self.lock:
            self.result, self.error, self.done = result, error, True


@st.cache_resource(show_spinner=False)
def _solver_slot() -> threading.Lock:
    # One solve at a time across all sessions: the server has few cores. Holds no user data.
    return threading.Lock()


def init_state() -> None:
    for key, value in STATE_DEFAULTS.items():
        st.session_state.setdefault(key, value)


def _number(value: float | None, digits: int = 0) -> str:
    return MISSING if value is None else f"{value:,.{digits}f}".replace(",", "\u202f")


def _status(status: str | None, lang: str) -> str:
    if not status:
        return MISSING
    key = f"plan.status.{status}"
    return t(key, lang) if has(key) else status


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
        ("plan.metric.groups", f"{counts['groups_scheduled']} / {counts['groups']}"),
        ("plan.metric.clients", f"{counts['clients_placed']} / {counts['clients']}"),
        ("plan.metric.status", _status(status, lang)),
    ]
    for column, (key, value) in zip(st.columns(len(values)), values, strict=True):
        column.metric(t(key, lang), value, border=True)
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
            ("plan.metric.model_status", _status(summary.get("status"), lang)),
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
        st.table(week_grid(season, sessions, lang), hide_index=True)
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


def _solve_in_background(job: SolveJob, season: Season, lang: str, slot: threading.Lock) -> None:
    try:
        from planner import solve as solver

        params = solver.SolveParams(time_limit_s=job.time_limit_s, workers=WORKERS, language=lang)
        result = solver.solve(
            season, params, previous=job.previous, changes=job.changes, on_progress=job.progress
        )
        job.finish(result=result)
    except Exception as exc:  # shown to the coordinator; the page keeps working
        # log.log, not log.error: the translation check reads .error(...) as st.error
        log.log(logging.ERROR, "planning season %d failed", job.season_id, exc_info=True)
        job.finish(error=f"{type(exc).__name__}: {exc}")
    finally:
        slot.release()


def start_solve(
    season: Season, season_id: int, lang: str, time_limit_s: int, replan: Replan | None = None
) -> str | None:
    """Start a run (a re-plan with `replan`) in a background thread; an error message when
    it cannot start."""
    try:
        import planner.solve  # noqa: F401  (fails early when the solver is not installed)
    except ImportError as exc:
        return t("plan.solve.unavailable", lang, reason=exc)
    slot = _solver_slot()
    if not slot.acquire(blocking=False):
        return t("plan.solve.busy", lang)
    job = SolveJob(season_id=season_id, time_limit_s=time_limit_s)
    if replan is not None:
        job.previous, job.changes = replan.previous, replan.changes
    st.session_state[JOB_KEY] = job
    st.session_state[SAVED_KEY] = None
    try:
        threading.Thread(
            target=_solve_in_background,
            args=(job, season, lang, slot),
            name="planner-solve",
            daemon=True,
        ).start()
    except RuntimeError as exc:
        slot.release()
        st.session_state[JOB_KEY] = None
        return t("plan.solve.failed", lang, reason=exc)
    return None


@st.fragment(run_every=1)
def progress_panel(job: SolveJob, lang: str) -> None:
    """Objective and bound as they improve; reruns the page once the run has finished."""
    now = job.snapshot()
    if now["done"]:
        st.rerun()
    st.progress(
        min(now["elapsed"] / job.time_limit_s, 1.0),
        text=t("plan.solve.running", lang, elapsed=round(now["elapsed"]), limit=job.time_limit_s),
    )
    objective, bound = st.columns(2)
    objective.metric(t("plan.metric.objective", lang), _number(now["objective"]), border=True)
    bound.metric(t("plan.metric.bound", lang), _number(now["bound"]), border=True)
    st.caption(t("plan.solve.progress_note", lang))


def result_summary(result: Any) -> dict[str, Any]:
    """What the store keeps about a run: `result.summary()` when it has one."""
    summary = getattr(result, "summary", None)
    if callable(summary):
        found = dict(summary())
        if found.get("state") is not None:
            # Cancelled groups are not requested: the plain words count the others.
            found["groups_requested"] = len(result.plan.placements) + found["groups_left_out"]
        return found
    return {
        "status": result.status,
        "objective": result.objective,
        "best_bound": result.best_bound,
        "wall_s": result.wall_s,
    }


def show_result(
    job: SolveJob,
    season: Season,
    previous: Plan | None,
    lang: str,
    save: Callable[[Plan, dict[str, Any]], int],
) -> None:
    """The finished run: its metrics and plan, what changed, and the save / discard buttons."""
    st.subheader(t("plan.result.title", lang))
    if job.error is not None:
        st.error(t("plan.solve.failed", lang, reason=job.error), icon=":material/error:")
        if st.button(t("plan.result.discard", lang), key="plan_discard"):
            st.session_state[JOB_KEY] = None
            st.rerun()
        return
    result = job.result
    plan: Plan = result.plan
    summary = result_summary(result)
    if not plan.placements:
        st.warning(
            t("plan.result.no_plan", lang, status=_status(result.status, lang)),
            icon=":material/warning:",
        )
    save_col, discard_col = st.columns(2)
    clicked = save_col.button(
        t("plan.result.save", lang),
        type="primary",
        key="plan_save",
        icon=":material/save:",
        disabled=not plan.placements,
    )
    if discard_col.button(t("plan.result.discard", lang), key="plan_discard"):
        st.session_state[JOB_KEY] = None
        st.rerun()
    if clicked:
        try:
            plan_id = save(plan, {**summary, "params": {"time_limit_s": job.time_limit_s}})
        except PlanRejected as exc:
            st.error(rejected_markdown(exc, season, lang, "save"), icon=":material/block:")
        except StoreError as exc:
            st.error(t("plan.result.save_failed", lang, reason=exc), icon=":material/error:")
        else:
            st.session_state[JOB_KEY] = None
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
    reasons = {r.subject: r.text(lang) for r in getattr(result, "unscheduled", ())}
    show_plan(season, plan, lang, "plan_new", reasons)


def solve_controls(season: Season, season_id: int, lang: str) -> None:
    job: SolveJob | None = st.session_state[JOB_KEY]
    running = job is not None and not job.done
    st.subheader(t("plan.solve.title", lang))
    st.markdown(t("plan.solve.intro", lang))
    limit = st.slider(
        t("plan.solve.time_limit", lang),
        *TIME_LIMIT_S,
        step=5,
        key="plan_time_limit",
        disabled=running,
    )
    replan = replan_inputs(common.store(), season, season_id, lang, disabled=running)
    if st.button(
        t("plan.solve.button", lang),
        type="primary",
        key="plan_solve",
        disabled=running,
        icon=":material/play_arrow:",
    ):
        problem = start_solve(season, season_id, lang, int(limit), replan)
        if problem is not None:
            st.error(problem, icon=":material/error:")
        job = st.session_state[JOB_KEY]
    if job is not None and job.season_id == season_id and not job.done:
        progress_panel(job, lang)


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
    solve_controls(season, season_id, lang)
    job: SolveJob | None = st.session_state[JOB_KEY]
    if job is not None and job.season_id == season_id and job.done:
        show_result(
            job,
            season,
            job.previous if job.previous is not None else plan,
            lang,
            lambda new, about: db.save_plan(
                new, about, season_id=season_id, actor=auth.actor(), note="app"
            ),
        )
        st.divider()

    if plan is None or summary is None:
        st.info(t("plan.no_plan", lang, season=info["name"]), icon=":material/event_note:")
        return
    st.header(t("plan.current_title", lang))
    st.caption(
        t(
            "plan.current",
            lang,
            season=info["name"],
            plan_id=summary["id"],
            saved_at=common.local_time(summary["created_at"]),
            saved_by=summary["created_by"],
        )
    )
    metrics(season, plan, summary, lang)
    show_plan(season, plan, lang, "plan_current")
    group_edit_panel(db, season, season_id, plan, lang)
    st.divider()
    render_publish(db, season, season_id, lang)


if __name__ == "__main__":  # st.navigation runs this file as the page
    render()
