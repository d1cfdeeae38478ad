"""The one error the store raises for problems a user can cause or fix."""

from __future__ import annotations

import sqlalchemy as sa


class StoreError(Exception):
    """A database problem explained in one line; the original error is the `__cause__`."""


def reason(exc: BaseException) -> str:
    """The first line of what the database driver said, without SQLAlchemy's wrapping."""
    cause = exc.orig if isinstance(exc, sa.exc.DBAPIError) and exc.orig is not None else exc
    lines = [line.strip() for line in str(cause).splitlines() if line.strip()]
    return lines[0] if lines else type(cause).__name__
