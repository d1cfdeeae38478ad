"""Sign-in and role checks, on the server, for the app and every page.

Three ways the app can run:
- signed in (the default for a real season): Streamlit's OIDC sign-in (`st.login`) against the
  provider in `.streamlit/secrets.toml` `[auth]`; roles from the ID token (planner.access),
  asked again from the provider every `[planner] recheck_hours` and at every write
  (planner.access_check), so a removed account or role ends there, not when the cookie does;
- single-user mode (`PLANNER_SINGLE_USER=1`, which `planner demo` sets for the bundled sample
  season): one person on a laptop, every coordinator action, no sign-in;
- neither configured: the app says how to configure sign-in and shows nothing else.
"""

from __future__ import annotations

import hashlib
import os
import time
from collections.abc import Mapping
from typing import Any

import streamlit as st

from planner import access, access_check
from planner.access import AccessSettings, Identity
from planner.i18n import LANGUAGES, t
from planner.ui import common
from planner.ui.text import plain

SINGLE_USER_ENV = "PLANNER_SINGLE_USER"
_RECORDED_KEY = "auth_sign_in_recorded"
_LOCALE_KEY = "auth_locale_adopted"
_CHECK_KEY = "auth_provider_check"


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


def _record_sign_in(who: Identity, claims: Mapping[str, Any]) -> None:
    """One audit entry per sign-in, not per page load: the sign-in is named by its ID token's
    issue time (a reload opens a new browser session with the same cookie)."""
    sign_in = f"{who.user}@{claims.get('iat', '')}"
    if st.session_state.get(_RECORDED_KEY) == sign_in:
        return
    detail = {"roles": sorted(who.roles), "staff_id": who.staff_id, "sign_in": sign_in}
    common.store().record_event_once("auth.sign_in", detail, actor=who.user, key="sign_in")
    st.session_state[_RECORDED_KEY] = sign_in


def adopt_account_language() -> None:
    """Speak the account's language (its `locale` claim, e.g. sv-FI) once signed in, unless
    the address names one. Call before the language switch is drawn."""
    if single_user_mode() or not sign_in_configured() or not st.user.is_logged_in:
        return
    account = str(st.user.get("oid") or st.user.get("sub") or "")
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


def _metadata_url() -> str:
    """The provider's discovery address from `[auth]` (or its one named provider)."""
    auth = _secrets_section("auth") or {}
    if auth.get("server_metadata_url"):
        return str(auth["server_metadata_url"])
    named = [v for v in auth.values() if isinstance(v, Mapping) and v.get("server_metadata_url")]
    return str(named[0]["server_metadata_url"]) if len(named) == 1 else ""


def _access_ended(lang: str) -> None:
    st.session_state.pop(_CHECK_KEY, None)
    st.warning(t("auth.access_ended", lang), icon=":material/person_off:")
    st.button(t("auth.sign_in_again", lang), on_click=st.logout, key="auth_sign_in_again")
    st.stop()


def _ask_provider(claims: Mapping[str, Any], token: str, lang: str) -> dict[str, Any] | None:
    """The provider's claims now; None when it cannot be asked (stops if access ended)."""
    try:
        now = access_check.current_claims(_metadata_url(), token)
    except access_check.AccessEnded:
        _access_ended(lang)
    except access_check.ProviderUnreachable:
        return None
    if not access_check.still_the_same_person(claims, now):
        _access_ended(lang)
    return now


def _current_claims(settings: AccessSettings, lang: str, recheck: bool) -> dict[str, Any]:
    """The sign-in's claims with the roles the provider gives now: asked again when
    `recheck_hours` have passed since the last answer, or always when `recheck` (a write).
    A provider whose answer carries no role claim (Entra ID's userinfo) leaves the ID token's
    roles, which then last `recheck_hours` from the sign-in before a new sign-in is asked."""
    claims = {k: v for k, v in st.user.to_dict().items() if k not in ("tokens", "is_logged_in")}
    if settings.recheck_hours == 0:
        return claims
    token = str(st.user.tokens.to_dict().get("access", ""))
    if not token:
        _stop_with(t("auth.no_access_token", lang), ":material/settings:")
    mark = hashlib.sha256(token.encode()).hexdigest()
    kept = st.session_state.get(_CHECK_KEY)
    if not kept or kept["token"] != mark:
        kept = None
    interval_s = settings.recheck_hours * 3600
    if recheck or kept is None or time.monotonic() - kept["at"] >= interval_s:
        now = _ask_provider(claims, token, lang)
        if now is None and recheck:
            _stop_with(t("auth.provider_unreachable", lang), ":material/cloud_off:")
        if now is not None:
            kept = {"token": mark, "at": time.monotonic(), "claims": now}
            st.session_state[_CHECK_KEY] = kept
    if kept is None:  # never answered yet: the ID token's claims, and no writes
        return claims
    answer = kept["claims"]
    fresh = dict(claims)
    if settings.role_claim in answer:
        fresh[settings.role_claim] = answer[settings.role_claim]
    else:
        issued = claims.get("iat")
        if not isinstance(issued, int | float) or time.time() - issued >= interval_s:
            _access_ended(lang)
    if settings.staff_claim in answer:
        fresh[settings.staff_claim] = answer[settings.staff_claim]
    return fresh


def identity(recheck: bool = False) -> Identity:
    """The person using this session; stops the script with the sign-in screen if nobody is.
    `recheck` asks the provider again whatever the interval (before a write)."""
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
    claims = _current_claims(settings, lang, recheck)
    who = access.identity_from_claims(claims, settings)
    _record_sign_in(who, claims)
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
    """Who the audit trail names for what this session does, asked just before each write:
    the provider is asked again, and a person whose roles shrank since the page was drawn
    writes nothing (the page is drawn again for the roles they have now)."""
    drawn_for = identity()
    now = identity(recheck=True)
    if not drawn_for.roles <= now.roles or drawn_for.user != now.user:
        _stop_with(t("auth.roles_changed", common.lang()), ":material/block:")
    return now.user


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
