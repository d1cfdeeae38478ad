"""Wait for a Streamlit page to be ready, instead of sleeping a fixed time.

`settled(page)` returns once the app has connected, its script run has ended (the app root's
own `data-test-script-state`, and the "Running..." status widget is gone), no element is
still a loading skeleton, the fonts are in, and the network has been quiet (the map's and
the data grid's lazy chunks are loaded); then it lets the browser draw two more frames.
Each wait ends as soon as its condition holds; `SETTLE_MS` is only a backstop.
"""

from __future__ import annotations

SETTLE_MS = 60_000
"""The most any one condition may take before the test fails: a backstop, not a pause."""

SKELETONS = '[data-testid="stSkeleton"], [data-testid="stSkeletonElement"]'

READY = f"""() => {{
    const app = document.querySelector('[data-testid="stApp"]');
    return !!app
        && app.dataset.testConnectionState === 'CONNECTED'
        && app.dataset.testScriptState === 'notRunning'
        && !document.querySelector('[data-testid="stStatusWidget"]')
        && !document.querySelector('{SKELETONS}');
}}"""

FRAMES = "() => new Promise(done => requestAnimationFrame(() => requestAnimationFrame(done)))"


def settled(page, timeout_ms: int = SETTLE_MS) -> None:
    """Wait until the Streamlit app in `page` has finished running and drawing."""
    page.wait_for_function(READY, timeout=timeout_ms)
    page.wait_for_load_state("networkidle", timeout=timeout_ms)
    page.evaluate("() => document.fonts.ready.then(() => true)")
    # The network may have woken the script again (a component's first value): settle once more.
    page.wait_for_function(READY, timeout=timeout_ms)
    page.evaluate(FRAMES)


def drawn(page, timeout_ms: int = SETTLE_MS) -> None:
    """`settled`, without waiting for the network to go quiet: for a page whose map tiles may
    never load (a machine without internet keeps retrying them)."""
    page.wait_for_function(READY, timeout=timeout_ms)
    page.evaluate("() => document.fonts.ready.then(() => true)")
    page.wait_for_function(READY, timeout=timeout_ms)
    page.evaluate(FRAMES)
