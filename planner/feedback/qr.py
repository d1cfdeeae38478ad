"""The QR code of a feedback link, made with `segno` (pure Python): as PNG bytes for the
app's page and the paper form, and as its module matrix for tests."""

from __future__ import annotations

import io

import segno

ERROR_LEVEL = "m"  # survives a crease or a smudge on the printed form


def qr_png(url: str, scale: int = 8) -> bytes:
    """The link's QR code as a PNG image (black on white, with the standard quiet zone)."""
    out = io.BytesIO()
    segno.make(url, error=ERROR_LEVEL, micro=False).save(out, kind="png", scale=scale, border=4)
    return out.getvalue()


def qr_matrix(url: str) -> tuple[tuple[bool, ...], ...]:
    """The code's modules, dark as True, without the quiet zone."""
    code = segno.make(url, error=ERROR_LEVEL, micro=False)
    return tuple(tuple(bool(m) for m in row) for row in code.matrix)
