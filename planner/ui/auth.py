"""Sign-in and role checks, on the server, for the app and every page.

Three ways the app can run:
- signed in (the default for a real season): Streamlit's OIDC sign-in (`st.login`) against the
  provider in `.streamlit/secrets.toml` `[auth]`; roles from the ID token (planner.access);
- single-user mode (`PLANNER_SINGLE_USER=1`, which `planner demo` sets for the bundled sample
  season): one person on a laptop, every coordinator action, no sign-in;
- neither configured: the app says how to configure sign-in and shows nothing else.
"""

from __future__ import annotations

import os

import streamlit as st

from planner import access
from planner.access import AccessSettings, Identity
from planner.i18n import LANGUAGES, t
from planner.ui import common
from planner.ui.text import plain

SINGLE_USER_ENV = "PLANNER_SINGLE_USER"
_RECORDED_KEY = "auth_sign_in_recorded"
_LOCALE_KEY = "auth_locale_adopted"


def single_user_mode() -> bool:
    return os.environ.get(SINGLE_USER_ENV, "").strip().lower() in {"1", "true", "yes"}


def _secrets_section(name: str) -> dict | None:
    try:
        section = st.secrets.get(name)
    except (FileNotFoundError, st.errors.StreamlitSecretNotFoundError):
        return None
    return dict(section) if section is not None else None


def sign_in_configured() -> bool:
    return _secrets_section("auth") is not None


def _stop_with(message: str, icon: str) -> None:
    st.error(message, icon=icon)
    st.stop()


def _record_sign_in(who: Identity) -> None:
    """One audit entry per browser session and person (st.user persists in a cookie)."""
    if st.session_state.get(_RECORDED_KEY) == who.user:
        return
    common.store().record_event(
        "auth.sign_in", {"roles": sorted(who.roles), "staff_id": who.staff_id}, actor=who.user
    )
    st.session_state[_RECORDED_KEY] = who.user


def adopt_account_language() -> None:
    """Speak the account's language (its `locale` claim, e.g. sv-FI) once signed in, unless
    the address names one. Call before the language switch is drawn."""
    if single_user_mode() or not sign_in_configured() or not st.user.is_logged_in:
        return
    account = str(st.user.get("email") or st.user.get("sub") or "")
    if st.session_state.get(_LOCALE_KEY) == account:
        return
    st.session_state[_LOCALE_KEY] = account
    language = str(st.user.get("locale") or "").split("-")[0].lower()
    if language in LANGUAGES and "lang" not in st.query_params:
        st.session_state[common.LANG_KEY] = language


def sign_in_screen(lang: str) -> None:
    st.title(t("app.name", lang))
    st.info(t("auth.please_sign_in", lang), icon=":material/lock:")
    st.button(
        t("auth.sign_in", lang),
        type="primary",
        icon=":material/login:",
        on_click=st.login,
        key="auth_sign_in",
    )


def identity() -> Identity:
    """The person using this session; stops the script with the sign-in screen if nobody is."""
    lang = common.lang()
    if single_user_mode():
        return access.single_user()
    if not sign_in_configured():
        _stop_with(t("auth.not_configured", lang, env=SINGLE_USER_ENV), ":material/lock:")
    if not st.user.is_logged_in:
        sign_in_screen(lang)
        st.stop()
    try:
        settings = AccessSettings.from_mapping(_secrets_section("planner"))
    except ValueError as exc:
        _stop_with(t("auth.bad_settings", lang, reason=exc), ":material/settings:")
    who = access.identity_from_claims(st.user.to_dict(), settings)
    _record_sign_in(who)
    if not who.roles:
        st.warning(t("auth.no_role", lang, user=plain(who.user)), icon=":material/person_off:")
        st.button(t("auth.sign_out", lang), on_click=st.logout, key="auth_sign_out_norole")
        st.stop()
    return who


def allowed(action: str) -> bool:
    """Whether this session's person may take `action` (checked again at every use)."""
    return access.may(identity(), action)


def require(action: str) -> Identity:
    """Stop the page unless this session's person may take `action`."""
    who = identity()
    if not access.may(who, action):
        _stop_with(t("auth.not_allowed", common.lang()), ":material/block:")
    return who


def actor() -> str:
    """Who the audit trail names for what this session does."""
    return identity().user


def sidebar_identity(who: Identity, lang: str) -> None:
    """Who is signed in and in which role, and the sign-out button."""
    if who.user == access.SINGLE_USER:
        st.caption(t("auth.single_user", lang))
        return
    role = access.main_role(who)
    st.caption(
        t(
            "auth.signed_in_as",
            lang,
            user=plain(who.name or who.user),
            role=t(f"role.{role}", lang),
        )
    )
    st.button(
        t("auth.sign_out", lang), on_click=st.logout, icon=":material/logout:", key="auth_sign_out"
    )
