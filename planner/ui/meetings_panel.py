"""The joint meetings (l. 379) in the app: after an enrolment on the Find a group page, the
times the counsellor and the group's leader can meet the client before the client's first
session (and after the group's last), a Book button, the booked meetings with their
invitation (.ics) and a Cancel button; on My groups, the group's meetings with "mark held"
for its leader.

Every write checks the role again on the server: booking and cancelling need
`access.ENROL`, marking held `access.may_lead` the group. An invitation is mailed when the
secrets file's `[notify]` section is set up (`planner.mailer`), and is always offered as a
download; it carries no client code.
"""

from __future__ import annotations

import logging
import smtplib

import pandas as pd
import streamlit as st

from planner import access, terms
from planner.calendar.invitation import invitation, invitation_mail
from planner.i18n import t
from planner.mailer import MailSettings, MailSettingsError, send_mail
from planner.model import Client, Plan, Season, hhmm
from planner.store import Meeting, MeetingRefused, Meetings, MeetingSlot, Store, StoreError
from planner.store.meetings import AFTER, KINDS
from planner.ui import auth, common
from planner.ui.offering import date_text, day_name

DONE_KEY = "meetings_done"  # the last booking, cancellation or record: (kind, message)
SHOWN = 12  # slots offered per kind (the earliest)
log = logging.getLogger("planner")


def mail_settings() -> MailSettings | None:
    """The `[notify]` settings of the secrets file, or None when it has none (or bad ones)."""
    try:
        raw = st.secrets.get("notify")
    except (FileNotFoundError, st.errors.StreamlitSecretNotFoundError):
        return None
    if raw is None:
        return None
    try:
        return MailSettings.from_mapping(dict(raw))
    except MailSettingsError as exc:
        log.log(logging.WARNING, "meetings: no invitations by e-mail: %s", exc)
        return None


def when_text(day, start: int, end: int, lang: str) -> str:
    return f"{day_name(day.weekday(), lang)} {date_text(day)} {hhmm(start)}–{hhmm(end)}"


def place_text(season: Season, venue_id: str | None, lang: str) -> str:
    venue = season.venue.get(venue_id) if venue_id else None
    return venue.display_name(lang) if venue is not None else t("meetings.remote", lang)


def meetings_table(
    season: Season, meetings: list[Meeting], lang: str, client: bool
) -> pd.DataFrame:
    """The meetings as a table; `client`: with the client's code (a leader's view)."""
    people = {s.staff_id: s.name for s in season.staff}
    rows = []
    for m in meetings:
        row = {t("meetings.col.kind", lang): t(f"meetings.kind.{m.kind}", lang)}
        if client:
            row[t("meetings.col.client", lang)] = m.client_code
        row |= {
            t("meetings.col.date", lang): f"{day_name(m.date.weekday(), lang)} {date_text(m.date)}",
            t("meetings.col.time", lang): f"{hhmm(m.start)}–{hhmm(m.end)}",
            t("meetings.col.counsellor", lang): people.get(m.counsellor, m.counsellor),
            t("meetings.col.leader", lang): people.get(m.leader, m.leader),
            t("meetings.col.place", lang): place_text(season, m.venue_id, lang),
            t("meetings.col.status", lang): t(f"meetings.status.{m.status}", lang),
        }
        rows.append(row)
    return pd.DataFrame(rows)


def invitation_bytes(meeting: Meeting, season: Season, lang: str) -> bytes:
    settings = mail_settings()
    addresses = dict(settings.addresses) if settings is not None else {}
    return invitation(meeting, season, lang, addresses=addresses)


def _send(meeting: Meeting, season: Season, lang: str) -> tuple[str, str] | None:
    """Mail the invitation when e-mail is set up; what to say about it (None: not set up)."""
    settings = mail_settings()
    if settings is None:
        return None
    addresses = dict(settings.addresses)
    body = invitation(meeting, season, lang, addresses=addresses, organizer=settings.sender)
    mail = invitation_mail(body, meeting, season, lang, sender=settings.sender, addresses=addresses)
    if mail is None:
        return None
    try:
        send_mail(settings, mail)
    except (OSError, smtplib.SMTPException) as exc:
        log.log(logging.WARNING, "meetings: invitation %s not sent: %s", meeting.id, exc)
        return "warning", t("meetings.send_failed", lang, reason=exc)
    return "info", t("meetings.sent", lang, to=mail["To"])


def _refusal(exc: StoreError, lang: str) -> str:
    return exc.message_in(lang) if isinstance(exc, MeetingRefused) else str(exc)


def book(
    db: Store,
    season: Season,
    season_id: int,
    slot: MeetingSlot,
    client_code: str,
    group_id: str,
) -> None:
    """The Book button's callback (before the rerun, so what is shown next is fresh)."""
    lang = common.lang()
    if not auth.allowed(access.ENROL):
        st.session_state[DONE_KEY] = [("error", t("auth.not_allowed", lang))]
        return
    try:
        meeting = Meetings(db, season_id).book(
            group_id, client_code, slot.kind, slot.date, slot.start, actor=auth.actor()
        )
    except StoreError as exc:
        st.session_state[DONE_KEY] = [("error", _refusal(exc, lang))]
        return
    kind = t(f"meetings.kind.{meeting.kind}", lang).capitalize()
    when = when_text(meeting.date, meeting.start, meeting.end, lang)
    said = [("success", t("meetings.booked_ok", lang, kind=kind, when=when))]
    sent = _send(meeting, season, lang)
    said.append(sent or ("info", t("meetings.not_sent", lang)))
    st.session_state[DONE_KEY] = said


def cancel(db: Store, season: Season, season_id: int, meeting_id: int) -> None:
    lang = common.lang()
    if not auth.allowed(access.ENROL):
        st.session_state[DONE_KEY] = [("error", t("auth.not_allowed", lang))]
        return
    try:
        meeting = Meetings(db, season_id).cancel(meeting_id, actor=auth.actor())
    except StoreError as exc:
        st.session_state[DONE_KEY] = [("error", _refusal(exc, lang))]
        return
    kind = t(f"meetings.kind.{meeting.kind}", lang).capitalize()
    when = when_text(meeting.date, meeting.start, meeting.end, lang)
    said = [("success", t("meetings.cancelled_ok", lang, kind=kind, when=when))]
    sent = _send(meeting, season, lang)
    if sent is not None:
        said.append(sent)
    st.session_state[DONE_KEY] = said


def mark_held(db: Store, season_id: int, meeting_id: int, leaders: tuple[str, ...]) -> None:
    lang = common.lang()
    if not access.may_lead(auth.identity(), leaders):
        st.session_state[DONE_KEY] = [("error", t("auth.not_allowed", lang))]
        return
    try:
        meeting = Meetings(db, season_id).mark_held(meeting_id, actor=auth.actor())
    except StoreError as exc:
        st.session_state[DONE_KEY] = [("error", _refusal(exc, lang))]
        return
    kind = t(f"meetings.kind.{meeting.kind}", lang).capitalize()
    when = when_text(meeting.date, meeting.start, meeting.end, lang)
    st.session_state[DONE_KEY] = [("success", t("meetings.held_ok", lang, kind=kind, when=when))]


def show_done() -> None:
    for kind, message in st.session_state.pop(DONE_KEY, None) or ():
        {"success": st.success, "info": st.info, "warning": st.warning}.get(kind, st.error)(message)


def _slot_picker(
    db: Store,
    season: Season,
    season_id: int,
    slots: list[MeetingSlot],
    client_code: str,
    group_id: str,
    kind: str,
    lang: str,
    may_book: bool,
) -> None:
    st.markdown(t(f"meetings.slots.{kind}", lang))
    if not slots:
        st.caption(t(f"meetings.no_slot.{kind}", lang))
        return
    shown = {str(s): s for s in slots[:SHOWN]}
    key = f"meetings_pick_{kind}_{group_id}_{client_code}"
    if st.session_state.get(key) not in shown:
        st.session_state.pop(key, None)
    picked = st.selectbox(
        t("meetings.pick", lang),
        list(shown),
        format_func=lambda k: when_text(shown[k].date, shown[k].start, shown[k].end, lang),
        key=key,
    )
    if may_book and picked is not None:
        st.button(
            t("meetings.book", lang),
            key=f"meetings_book_{kind}_{group_id}_{client_code}",
            icon=":material/event_available:",
            on_click=book,
            args=(db, season, season_id, shown[picked], client_code, group_id),
        )


def meetings_section(
    db: Store,
    season: Season,
    plan: Plan,
    season_id: int,
    client: Client,
    group_id: str,
    lang: str,
) -> None:
    """The client's joint meetings for `group_id`: times to book and the booked ones."""
    st.markdown(f"**{t('meetings.title', lang)}**")
    st.caption(t("meetings.help", lang))
    show_done()
    placement = plan.placement.get(group_id)
    if placement is not None and client.counsellor in placement.leaders:
        st.caption(t("meetings.none_needed", lang))
        return
    live = Meetings(db, season_id)
    try:
        slots = live.suggest(group_id, client.client_code)
        booked = live.list_meetings(client_code=client.client_code, group_id=group_id)
    except (StoreError, ValueError) as exc:
        log.log(logging.WARNING, "meetings: nothing to suggest for %s: %s", group_id, exc)
        return
    may_book = auth.allowed(access.ENROL)
    taken = {m.kind for m in booked if m.status != "cancelled"}
    for kind in KINDS:
        if kind in taken:
            continue
        ours = [s for s in slots if s.kind == kind]
        if kind == AFTER:
            with st.expander(t(f"meetings.slots.{kind}", lang)):
                _slot_picker(
                    db, season, season_id, ours, client.client_code, group_id, kind, lang, may_book
                )
        else:
            _slot_picker(
                db, season, season_id, ours, client.client_code, group_id, kind, lang, may_book
            )
    st.markdown(f"**{t('meetings.booked', lang)}**")
    if not booked:
        st.caption(t("meetings.none_booked", lang))
        return
    st.dataframe(meetings_table(season, booked, lang, client=False), hide_index=True)
    for m in booked:
        when = when_text(m.date, m.start, m.end, lang)
        label, download, act = st.columns([3, 2, 2], vertical_alignment="center")
        label.caption(f"{t(f'meetings.kind.{m.kind}', lang).capitalize()} · {when}")
        download.download_button(
            t("meetings.download_cancel" if m.status == "cancelled" else "meetings.download", lang),
            invitation_bytes(m, season, lang),
            file_name=f"sosku-meeting-{m.id}.ics",
            mime="text/calendar",
            key=f"meetings_ics_{m.id}",
            icon=":material/download:",
            on_click="ignore",
        )
        if m.status == "booked" and may_book:
            act.button(
                t("meetings.cancel", lang),
                key=f"meetings_cancel_{m.id}",
                icon=":material/event_busy:",
                on_click=cancel,
                args=(db, season, season_id, m.id),
            )


def group_meetings_section(
    db: Store, season: Season, season_id: int, group_id: str, leaders: tuple[str, ...], lang: str
) -> None:
    """My groups: the group's booked and held meetings; its leader marks one held."""
    st.subheader(t("meetings.group_title", lang))
    show_done()
    try:
        found = Meetings(db, season_id).list_meetings(
            group_id=group_id, statuses=("booked", "held")
        )
    except StoreError as exc:
        log.log(logging.WARNING, "meetings: cannot list %s: %s", group_id, exc)
        return
    if not found:
        st.caption(t("meetings.group_none", lang))
        return
    st.dataframe(meetings_table(season, found, lang, client=True), hide_index=True)
    today = terms.local_today()
    may = access.may_lead(auth.identity(), leaders)
    for m in found:
        if m.status != "booked" or m.date > today or not may:
            continue
        when = when_text(m.date, m.start, m.end, lang)
        label, act = st.columns([3, 2], vertical_alignment="center")
        kind = t(f"meetings.kind.{m.kind}", lang).capitalize()
        label.caption(f"{kind} · {m.client_code} · {when}")
        act.button(
            t("meetings.mark_held", lang),
            key=f"meetings_held_{m.id}",
            icon=":material/task_alt:",
            on_click=mark_held,
            args=(db, season_id, m.id, leaders),
        )
