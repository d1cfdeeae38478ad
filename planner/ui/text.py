"""Text from the data (names of groups, venues, staff, seasons, people) as literal text in
Streamlit's Markdown: headers, captions, alerts, `st.table` cells, expander and widget labels.

    st.caption(t("calpage.subscribe_intro", lang, what=plain(venue.name)))

CommonMark lets a backslash escape any ASCII punctuation, which then reads as itself. `plain`
escapes only what starts formatting, so times, dates and names read as before in the source:
emphasis, code, links and images (`[`, `]`), raw HTML and entities (`<`, `>`, `&`), tables,
LaTeX, strike-through; a heading, list, quote or numbered-list marker at the start; and the
bare addresses GitHub-flavoured Markdown turns into links (`://`, `www.`). Any run of white
space becomes one space (a card shows a name on one line). So a name such as
`![p](http://host/x.png)`, `<img src=...>` or `[x](http://...)` shows as the text it is:
never an image the viewer's browser fetches, a link or HTML.

For data only, never for translated texts (they are Markdown on purpose), and never for
`st.text`, `st.code`, `st.dataframe` or select box options, which show text as it is.
"""

from __future__ import annotations

import re

_INLINE = re.compile(r"([\\`*_\[\]<>~$|&])")
_BLOCK_MARK = re.compile(r"^([#>+=-])")
_ORDERED_MARK = re.compile(r"^(\d+)([.)])")
_SCHEME = re.compile(r"://")
_WWW = re.compile(r"(?i)\b(www)\.")


def plain(value: object) -> str:
    """`value` as text that Markdown shows literally, on one line."""
    text = _INLINE.sub(r"\\\1", " ".join(str(value).split()))
    text = _SCHEME.sub(r":\/\/", text)
    text = _WWW.sub(r"\1\.", text)
    text = _BLOCK_MARK.sub(r"\\\1", text)
    return _ORDERED_MARK.sub(r"\1\\\2", text)
