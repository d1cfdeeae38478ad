"""Sign-in that ends when access does: the person's roles are asked again from the provider
(a real OIDC provider, oidc-provider-mock, in a thread) at every write and at an interval, so a
removed role or account is refused at the next write, not 30 days later when the cookie ends.

The pages run in AppTest with the sign-in's claims and its real access token from the provider.
"""

from __future__ import annotations

import json
import shutil
import urllib.parse
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest
from streamlit.testing.v1 import AppTest
from test_find_page import enrollable  # pytest puts tests/ on the path

from planner import access_check
from planner.i18n import t
from planner.store import Enrolments, Store

APP = str(Path(__file__).resolve().parents[1] / "app.py")
TIMEOUT_S = 60
WORKER = "wanda-oid-1"
REDIRECT = "http://127.0.0.1:8501/oauth2callback"


@pytest.fixture
def provider() -> Iterator[str]:
    """A provider with one worker; its base address."""
    from oidc_provider_mock import User, run_server_in_thread

    worker = User(sub=WORKER, claims={"email": "wanda@hyvil.fi", "roles": ["worker"]})
    with run_server_in_thread(user_claims=[worker]) as server:
        yield f"http://localhost:{server.server_port}"
    access_check.userinfo_endpoint.cache_clear()


def access_token(base: str, sub: str) -> str:
    """Sign `sub` in at the provider by the authorization-code flow, as st.login does."""
    query = {
        "client_id": "sosku-planner",
        "redirect_uri": REDIRECT,
        "response_type": "code",
        "scope": "openid email",
        "state": "s",
    }
    with httpx.Client(base_url=base) as client:
        answer = client.post(
            f"/oauth2/authorize?{urllib.parse.urlencode(query)}", data={"sub": sub}
        )
        assert answer.status_code == 302, answer.text
        code = urllib.parse.parse_qs(urllib.parse.urlparse(answer.headers["location"]).query)
        token = client.post(
            "/oauth2/token",
            data={
                "grant_type": "authorization_code",
                "code": code["code"][0],
                "redirect_uri": REDIRECT,
                "client_id": "sosku-planner",
                "client_secret": "not-a-real-secret",
            },
        )
    assert token.status_code == 200, token.text
    return token.json()["access_token"]


def set_claims(base: str, sub: str, claims: dict) -> None:
    """The county changes the person's account at the provider."""
    request = urllib.request.Request(
        f"{base}/users/{sub}",
        data=json.dumps(claims).encode(),
        headers={"Content-Type": "application/json"},
        method="PUT",
    )
    with urllib.request.urlopen(request) as answer:
        assert answer.status == 204


def revoke(base: str, sub: str) -> None:
    request = urllib.request.Request(f"{base}/users/{sub}/revoke-tokens", method="POST")
    with urllib.request.urlopen(request) as answer:
        assert answer.status == 204


@pytest.fixture
def live_url(published_db: Path, tmp_path: Path) -> str:
    db = tmp_path / "planner.sqlite3"
    shutil.copy(published_db, db)
    return f"sqlite:///{db}"


def auth_section(base: str) -> dict:
    """The `[auth]` section pointed at the test's provider."""
    return {
        "redirect_uri": REDIRECT,
        "cookie_secret": "test-secret-not-used-by-apptest",
        "client_id": "sosku-planner",
        "client_secret": "not-a-real-secret",
        "server_metadata_url": f"{base}/.well-known/openid-configuration",
    }


def find_page_as_worker(
    url: str, base: str, token: str, monkeypatch, planner: dict | None = None
) -> AppTest:
    monkeypatch.delenv("PLANNER_SINGLE_USER", raising=False)
    monkeypatch.setenv("PLANNER_DB_URL", url)
    at = AppTest.from_file(APP, default_timeout=TIMEOUT_S)
    at.secrets["auth"] = {**auth_section(base), "expose_tokens": ["access"]}
    if planner is not None:
        at.secrets["planner"] = planner
    at.user = {
        "is_logged_in": True,
        "sub": WORKER,
        "email": "wanda@hyvil.fi",
        "roles": ["worker"],
        "iat": 1_800_000_000,
        "tokens": {"access": token},
    }
    at.query_params["lang"] = "en"
    at.run()
    at.switch_page("planner/ui/find_page.py").run()
    assert not at.exception, [e.value for e in at.exception]
    return at


def texts(at: AppTest) -> str:
    return "\n".join(str(e.value) for kind in ("error", "warning") for e in getattr(at, kind))


def pick_enrollable(at: AppTest, url: str) -> tuple[str, str]:
    with Store.open(url) as store:
        season = store.load_season()
    code, match = enrollable(url, season, full=False)
    at.selectbox(key="find_client").set_value(code).run()
    return match.group_id, code


def places(url: str, group: str) -> list[str]:
    with Store.open(url) as store:
        return Enrolments(store).participants(group)


def test_a_role_removed_at_the_provider_refuses_the_next_write(
    provider, live_url, monkeypatch
) -> None:
    token = access_token(provider, WORKER)
    at = find_page_as_worker(live_url, provider, token, monkeypatch)
    group, code = pick_enrollable(at, live_url)
    button = at.button(key=f"find_enrol_{group}")
    # The county takes the worker role away while the page is open.
    set_claims(provider, WORKER, {"email": "wanda@hyvil.fi", "roles": []})
    button.click().run()
    assert code not in places(live_url, group)
    assert t("auth.no_role", "en", user=WORKER) in texts(at)


def test_an_account_whose_sign_in_the_provider_revoked_writes_nothing_and_is_signed_out(
    provider, live_url, monkeypatch
) -> None:
    token = access_token(provider, WORKER)
    at = find_page_as_worker(live_url, provider, token, monkeypatch)
    group, code = pick_enrollable(at, live_url)
    revoke(provider, WORKER)
    at.button(key=f"find_enrol_{group}").click().run()
    assert code not in places(live_url, group)
    assert t("auth.access_ended", "en") in texts(at)
    assert at.button(key="auth_sign_in_again").label == t("auth.sign_in_again", "en")


def test_with_the_role_still_there_the_write_goes_through(provider, live_url, monkeypatch) -> None:
    token = access_token(provider, WORKER)
    at = find_page_as_worker(live_url, provider, token, monkeypatch)
    group, code = pick_enrollable(at, live_url)
    at.button(key=f"find_enrol_{group}").click().run()
    assert not at.exception
    assert code in places(live_url, group)
    with Store.open(live_url) as store:
        enrolled = [e for e in store.events(limit=5) if e["action"] == "enrolment.enrol"]
    assert enrolled and enrolled[0]["actor"] == WORKER  # the stable subject, not the e-mail


def test_the_interval_check_ends_a_revoked_sign_in_even_without_a_write(
    provider, live_url, monkeypatch
) -> None:
    token = access_token(provider, WORKER)
    # An interval that has always passed: every page load asks the provider again.
    at = find_page_as_worker(
        live_url, provider, token, monkeypatch, planner={"recheck_hours": 1e-9}
    )
    assert t("auth.access_ended", "en") not in texts(at)
    revoke(provider, WORKER)
    at.run()
    assert t("auth.access_ended", "en") in texts(at)
    assert not at.dataframe, "nothing of the season once the sign-in is gone"


def test_a_sign_in_without_the_access_token_says_how_to_configure_it(
    provider, live_url, monkeypatch
) -> None:
    at = find_page_as_worker(live_url, provider, "", monkeypatch)
    assert t("auth.no_access_token", "en") in texts(at)
    assert not at.dataframe


def test_one_sign_in_is_one_audit_entry_however_many_page_loads(
    provider, live_url, monkeypatch
) -> None:
    token = access_token(provider, WORKER)
    for _ in range(3):  # three browser sessions (reloads) of one sign-in
        find_page_as_worker(live_url, provider, token, monkeypatch)
    with Store.open(live_url) as store:
        sign_ins = [e for e in store.events(limit=50) if e["action"] == "auth.sign_in"]
    assert [e["actor"] for e in sign_ins] == [WORKER]


def test_a_write_is_refused_when_the_provider_cannot_be_asked(
    provider, live_url, monkeypatch
) -> None:
    token = access_token(provider, WORKER)
    at = find_page_as_worker(live_url, provider, token, monkeypatch)
    group, code = pick_enrollable(at, live_url)

    def unreachable(*_args: object, **_kwargs: object) -> dict:
        raise access_check.ProviderUnreachable("down")

    monkeypatch.setattr(access_check, "current_claims", unreachable)
    at.button(key=f"find_enrol_{group}").click().run()
    assert code not in places(live_url, group)
    assert t("auth.provider_unreachable", "en") in texts(at)


@pytest.mark.parametrize("signed_in_hours_ago, ended", [(1, False), (9, True)])
def test_a_provider_that_answers_without_roles_leaves_the_id_tokens_for_the_interval_only(
    provider, live_url, monkeypatch, signed_in_hours_ago, ended
) -> None:
    """Entra ID's userinfo carries no app roles: the ID token's roles then last `recheck_hours`
    (8) from the sign-in, and a new sign-in brings the roles of now."""
    import time

    monkeypatch.setattr(access_check, "current_claims", lambda *_a, **_k: {"sub": WORKER})
    monkeypatch.delenv("PLANNER_SINGLE_USER", raising=False)
    monkeypatch.setenv("PLANNER_DB_URL", live_url)
    at = AppTest.from_file(APP, default_timeout=TIMEOUT_S)
    at.secrets["auth"] = auth_section(provider)
    at.user = {
        "is_logged_in": True,
        "sub": WORKER,
        "roles": ["worker"],
        "iat": int(time.time() - signed_in_hours_ago * 3600),
        "tokens": {"access": "a-token"},
    }
    at.query_params["lang"] = "en"
    at.run()
    assert not at.exception
    assert (t("auth.access_ended", "en") in texts(at)) == ended
