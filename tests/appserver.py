"""Run the Streamlit app as a real server on a loopback port, for browser tests and screenshots.

A test harness, not part of the planner: tests import it as `appserver` (tests/ is on
`sys.path` under pytest); docs/screenshots.py puts tests/ on the path itself.

with running_app("sqlite:///demo.sqlite3", log_path) as url:
    ...  # http://127.0.0.1:PORT, answering its health check
"""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from pathlib import Path

APP = Path(__file__).resolve().parents[1] / "app.py"
START_TIMEOUT_S = 30
CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
"""Debian's chromium, driven by Playwright without a browser download of its own."""


class AppDidNotStart(RuntimeError):
    pass


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def wait_until_healthy(url: str, server: subprocess.Popen[bytes], timeout_s: float) -> None:
    deadline = time.monotonic() + timeout_s
    while time.monotonic() < deadline:
        if server.poll() is not None:
            raise AppDidNotStart(f"the app exited with code {server.returncode} before answering")
        try:
            with urllib.request.urlopen(f"{url}/_stcore/health", timeout=2) as response:
                if response.status == 200:
                    return
        except OSError:
            time.sleep(0.3)
    raise AppDidNotStart(f"the app did not answer at {url} within {timeout_s:.0f} s")


@contextmanager
def running_app(
    db_url: str,
    log_path: Path,
    cwd: Path | None = None,
    timeout_s: float = START_TIMEOUT_S,
    env: Mapping[str, str | None] | None = None,
    port: int | None = None,
) -> Iterator[str]:
    """The app serving the store at `db_url`; stopped on exit whatever happens.

    `env` adds environment variables (None removes one), e.g. PLANNER_SINGLE_USER; `cwd` is
    where Streamlit looks for `.streamlit/secrets.toml`.
    """
    port = port or free_port()
    environment = {**os.environ, "PLANNER_DB_URL": db_url}
    for name, value in (env or {}).items():
        if value is None:
            environment.pop(name, None)
        else:
            environment[name] = value
    with log_path.open("wb") as log:
        server = subprocess.Popen(
            [
                sys.executable,
                "-m",
                "streamlit",
                "run",
                str(APP),
                "--server.headless",
                "true",
                "--server.port",
                str(port),
                "--server.address",
                "127.0.0.1",
                "--server.fileWatcherType",
                "none",
                "--browser.gatherUsageStats",
                "false",
            ],
            cwd=cwd or log_path.parent,
            env=environment,
            stdout=log,
            stderr=subprocess.STDOUT,
        )
        try:
            url = f"http://127.0.0.1:{port}"
            wait_until_healthy(url, server, timeout_s)
            yield url
        finally:
            server.terminate()
            try:
                server.wait(timeout=10)
            except subprocess.TimeoutExpired:
                server.kill()
                server.wait()
