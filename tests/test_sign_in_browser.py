"""Sign-in end to end: the real app, a real OIDC provider (oidc-provider-mock) started by the
test, Streamlit's own `st.login` flow, in headless Chromium. Roles come from the ID token."""

from __future__ import annotations

import re
import secrets
import shutil
from pathlib import Path

import pytest
from appserver import CHROMIUM_ARGS, AppDidNotStart, free_port, running_app
from page_ready import drawn

from planner.i18n import t
from planner.store import Store

pytestmark = pytest.mark.browser

REPO = Path(__file__).resolve().parents[1]
COORDINATOR = "cecilia@hyvil.fi"
READER = "rasmus@hyvil.fi"


def write_secrets(folder: Path, app_port: int, provider_port: int) -> None:
    """The `[auth]` section a county writes for Entra ID, pointed at the local provider."""
    streamlit_dir = folder / ".streamlit"
    streamlit_dir.mkdir(parents=True, exist_ok=True)
    (streamlit_dir / "secrets.toml").write_text(
        "[auth]\n"
        f'redirect_uri = "http://127.0.0.1:{app_port}/oauth2callback"\n'
        f'cookie_secret = "{secrets.token_hex(32)}"\n'
        'client_id = "sosku-planner"\n'
        'client_secret = "not-a-real-secret"\n'
        f'server_metadata_url = "http://localhost:{provider_port}'
        '/.well-known/openid-configuration"\n'
        'expose_tokens = ["access"]\n'
        "\n[planner]\n"
        'role_claim = "roles"\n'
        "[planner.role_names]\n"
        '"Sosku.ReadOnly" = "read_only"\n',
        encoding="utf-8",
    )


def sign_in(page, app_url: str, who: str) -> None:
    from playwright.sync_api import expect

    page.goto(app_url, wait_until="domcontentloaded")
    button = page.get_by_role("button", name=t("auth.sign_in", "fi"))
    expect(button).to_be_visible(timeout=30_000)
    button.click()
    # The provider's page: pick the predefined user.
    page.wait_for_url(re.compile(r"/oauth2/authorize"), timeout=30_000)
    page.get_by_role("button", name=who).click()
    page.wait_for_url(re.compile(r"127\.0\.0\.1"), timeout=30_000)


def test_signing_in_gives_each_person_the_pages_of_their_role(
    chromium, published_db, tmp_path
) -> None:
    from oidc_provider_mock import User, run_server_in_thread
    from playwright.sync_api import expect, sync_playwright

    db = tmp_path / "planner.sqlite3"
    shutil.copy(published_db, db)
    url = f"sqlite:///{db}"
    people = [
        User(
            sub=COORDINATOR,
            claims={
                "email": COORDINATOR,
                "name": "Cecilia Koordinaattori",
                "roles": ["coordinator"],
                "locale": "en",
            },
        ),
        User(
            sub=READER,
            claims={
                "email": READER,
                "name": "Rasmus Läsare",
                "roles": ["Sosku.ReadOnly"],
                "locale": "sv-FI",
            },
        ),
    ]
    app_port = free_port()
    with run_server_in_thread(user_claims=people) as provider:
        write_secrets(tmp_path, app_port, provider.server_port)
        try:
            running = running_app(
                url,
                tmp_path / "streamlit.log",
                cwd=tmp_path,
                env={"PLANNER_SINGLE_USER": None},
                port=app_port,
            )
            with running as app_url, sync_playwright() as pw:
                browser = pw.chromium.launch(executable_path=str(chromium), args=CHROMIUM_ARGS)
                try:
                    page = browser.new_page(viewport={"width": 1440, "height": 1000})
                    sign_in(page, app_url, COORDINATOR)
                    sidebar = page.get_by_test_id("stSidebar")
                    expect(sidebar.get_by_text("Cecilia Koordinaattori")).to_be_visible(
                        timeout=30_000
                    )
                    expect(sidebar.get_by_text(t("nav.import", "en"))).to_be_visible()
                    expect(sidebar.get_by_text(t("nav.audit", "en"))).to_be_visible()
                    expect(
                        page.get_by_role("heading", name=t("overview.title", "en"))
                    ).to_be_visible(timeout=30_000)
                    drawn(page)  # the data grid and the map have drawn
                    page.screenshot(path=str(tmp_path / "signed_in.png"), full_page=True)

                    sidebar.get_by_role("button", name=t("auth.sign_out", "en")).click()
                    # Signing out also ends the session at the provider (as with Entra ID).
                    page.wait_for_url(re.compile(r"/oauth2/end_session"), timeout=30_000)
                    page.get_by_role("button", name="End session").click()
                    expect(page.get_by_role("button", name=t("auth.sign_in", "fi"))).to_be_visible(
                        timeout=30_000
                    )

                    sign_in(page, app_url, READER)
                    sidebar = page.get_by_test_id("stSidebar")
                    expect(sidebar.get_by_text("Rasmus Läsare")).to_be_visible(timeout=30_000)
                    # His account's locale is Swedish: the app speaks Swedish to him.
                    expect(sidebar.get_by_text(t("nav.calendar", "sv"))).to_be_visible()
                    role = sidebar.get_by_text(t("role.read_only", "sv"), exact=False)
                    expect(role).to_be_visible()
                    expect(sidebar.get_by_text(t("nav.import", "sv"))).to_have_count(0)
                    expect(sidebar.get_by_text(t("nav.find", "sv"))).to_have_count(0)
                    # Typing a forbidden page's address shows no import page either.
                    page.goto(f"{app_url}/import", wait_until="domcontentloaded")
                    expect(sidebar.get_by_text("Rasmus Läsare")).to_be_visible(timeout=30_000)
                    expect(page.get_by_role("heading", name=t("import.title", "sv"))).to_have_count(
                        0
                    )
                finally:
                    browser.close()
        except AppDidNotStart as exc:
            pytest.fail(str(exc))

    with Store.open(url) as store:
        sign_ins = [e for e in store.events(limit=20) if e["action"] == "auth.sign_in"]
    assert {e["actor"] for e in sign_ins} == {COORDINATOR, READER}
    assert {tuple(e["detail"]["roles"]) for e in sign_ins} == {("coordinator",), ("read_only",)}
    shot = REPO / "test-output" / "signed_in.png"
    shot.parent.mkdir(exist_ok=True)
    shutil.copy(tmp_path / "signed_in.png", shot)
