"""How much of a season's files the import will read: every input limit, each with its reason.

A season is small (the sample's largest table, clients, is about 40 kB; ten times the sample
is under 1 MB), so anything far larger is a wrong file or an attack, and is refused before it
is read whole, unpacked or parsed: a file's size is checked on disk before a byte is read, a
workbook's parts by the sizes its zip directory declares before openpyxl opens it (zipfile
never returns more bytes than a part declares). Together they keep `planner check` and the
import page under a few hundred MB for any input.
"""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

from planner.io.fields import shown
from planner.io.problems import Message, msg

MAX_FILE_BYTES = 25 * 2**20
"""A season table (or workbook) larger than this is refused unread: the county's largest
table, clients, is a few hundred kilobytes even at ten times the sample. The app's upload
limit (`maxUploadSize` in .streamlit/config.toml) is the same 25 MB."""
MAX_ROWS = 100_000
"""Rows per table; more is a mistake (or an attack), not a season."""
MAX_COLUMNS = 1_000
"""Cells in a row once trailing empty ones are dropped; a season table has about twenty."""
MAX_CELLS = 2_000_000
"""Filled cells of all a season's tables together: the sample has 6,645, so even at scale 30
(10,000 clients, the benchmarks' largest) about 200,000. Each cell read costs up to about
100 bytes of memory."""
MAX_CELL_CHARS = 131_072
"""Characters in one cell: Python's csv reader refuses a longer field
(`csv.field_size_limit()`), and a workbook's cell is held to the same, so both formats refuse
the same cell. The longest real cell (a wish or a venue's note) is a few hundred."""
MAX_NAME_CHARS = 120
"""Characters in a name people read in a list or a calendar line: a season's name
(`planner.store.store`) or a theme's (the `themes` table)."""
MAX_UNPACKED_BYTES = 50 * 2**20
"""What one workbook may unpack to, every part and all of them together: a workbook of ten
times the sample unpacks to a few MB. A bigger part (a sheet, or shared strings that no cell
uses) would be parsed into memory by openpyxl."""
MAX_RATIO = 100
"""How many times smaller than its content a workbook part may be packed. Excel's sheets
pack 5-20 times; a zip bomb packs a thousand times and more."""
RATIO_FROM_BYTES = 2**20
"""The ratio is judged only for parts that unpack to more than this: a small part of
repeated XML (styles, an empty sheet) may pack very well and harms nobody."""
MAX_LISTED = 1_000
"""Problems with a row listed per file (errors and warnings apart); the rest are counted
("and 98,765 more errors"). A season with this many has a wrong file or column, and listing
every one of a hundred thousand bad rows would take gigabytes."""
MAX_PARTS = 10_000
"""Members of one workbook's zip; Excel writes a dozen plus one per sheet."""


def _mb(size: int) -> str:
    return f"{size / 2**20:.0f}"


def too_big(size: int) -> Message | None:
    """The refusal of a file of `size` bytes, or None when it may be read."""
    if size <= MAX_FILE_BYTES:
        return None
    return msg("too_big", mb=_mb(size), max=MAX_FILE_BYTES // 2**20)


def read_bounded(path: Path) -> bytes | Message:
    """A file's bytes, or the refusal when it is larger than a season file may be: the size
    is checked before reading, and the read stops one byte past the limit (a file that
    grows, or a device that reports no size, is not read whole either)."""
    with path.open("rb") as f:
        size = path.stat().st_size
        if (big := too_big(size)) is not None:
            return big
        data = f.read(MAX_FILE_BYTES + 1)
    if (big := too_big(len(data))) is not None:
        return big
    return data


def _declared_parts(data: bytes) -> int | None:
    """How many parts the zip's end record says it has, read before zipfile builds an entry
    for every one of them (None when there is no such record; 65,535 for a zip64)."""
    end = data.rfind(b"PK\x05\x06", max(0, len(data) - 22 - 65_535))
    if end < 0 or end + 22 > len(data):
        return None
    return int.from_bytes(data[end + 10 : end + 12], "little")


def workbook_bomb(data: bytes) -> Message | None:
    """Why this workbook must not be unpacked (too many parts, a part or the whole unpacks
    too large, or packs like a zip bomb), or None. A file that is no zip at all is left to
    openpyxl to refuse."""
    declared = _declared_parts(data)
    if declared is not None and MAX_PARTS < declared < 0xFFFF:
        return msg("workbook_parts", n=f"{declared:,}", max=f"{MAX_PARTS:,}")
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            parts = archive.infolist()
    except (zipfile.BadZipFile, ValueError, OSError):
        return None
    if len(parts) > MAX_PARTS:
        return msg("workbook_parts", n=f"{len(parts):,}", max=f"{MAX_PARTS:,}")
    total = 0
    for part in parts:
        size = part.file_size
        if size > MAX_UNPACKED_BYTES:
            return msg(
                "workbook_part_big",
                part=shown(part.filename),
                mb=_mb(size),
                max=_mb(MAX_UNPACKED_BYTES),
            )
        ratio = size / max(part.compress_size, 1)
        if size > RATIO_FROM_BYTES and ratio > MAX_RATIO:
            return msg(
                "workbook_part_packed",
                part=shown(part.filename),
                ratio=f"{ratio:.0f}",
                max=MAX_RATIO,
            )
        total += size
    if total > MAX_UNPACKED_BYTES:
        return msg("workbook_unpacked_big", mb=_mb(total), max=_mb(MAX_UNPACKED_BYTES))
    return None
