"""The README's app command on a machine where Streamlit has never run.

`./dev.sh app` must start the app with no question asked, with or without a terminal, and
say in one line where it is. A fresh HOME has no `~/.streamlit/credentials.toml`, which is
when Streamlit would otherwise stop at its e-mail prompt.
"""

from __future__ import annotations

import os
import signal
import subprocess
import time
import urllib.request
from pathlib import Path

import pytest
from appserver import free_port

REPO = Path(__file__).resolve().parents[1]

APP_START_S = 300
"""How long `./dev.sh app` may take to set up and start: a backstop, the wait ends when it is up
(a first run installs the virtualenv)."""


def _answers(url: str) -> bool:
    try:
        with urllib.request.urlopen(f"{url}/_stcore/health", timeout=2) as response:
            return response.status == 200
    except OSError:
        return False


@pytest.mark.slow
def test_the_app_command_starts_without_a_prompt_on_a_fresh_home(tmp_path):
    home = tmp_path / "home"
    home.mkdir()
    port = free_port()
    env = {
        key: value
        for key, value in os.environ.items()
        if key not in ("DISPLAY", "WAYLAND_DISPLAY", "PLANNER_DB_URL")
    }
    env.update(HOME=str(home), XDG_CONFIG_HOME=str(home / ".config"))
    env.setdefault("PIP_CACHE_DIR", str(Path.home() / ".cache" / "pip"))
    out = tmp_path / "app.log"
    with out.open("wb") as log:
        server = subprocess.Popen(
            ["./dev.sh", "app", "--port", str(port), "--db", f"sqlite:///{tmp_path / 'd.db'}"],
            cwd=REPO,
            env=env,
            stdin=subprocess.DEVNULL,
            stdout=log,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
    url = f"http://localhost:{port}"
    ready = f"sosku planner is running at {url}"
    try:
        # Wait for our own line (Streamlit's "Local URL" names the same address, and may come
        # first), and for the server to answer; the deadline is only a backstop.
        said = ""
        deadline = time.monotonic() + APP_START_S
        while server.poll() is None and time.monotonic() < deadline:
            said = out.read_text(errors="replace")
            if ready in said and _answers(url):
                break
            time.sleep(0.5)
        assert server.poll() is None, f"the app command exited:\n{out.read_text()}"
        assert ready in said, said
        assert _answers(url)
        assert "email" not in said.lower()
        assert not (home / ".streamlit" / "credentials.toml").exists()
    finally:
        os.killpg(server.pid, signal.SIGTERM)
        try:
            server.wait(timeout=15)
        except subprocess.TimeoutExpired:
            os.killpg(server.pid, signal.SIGKILL)
            server.wait()
