"""Text from the data (names of groups, venues, staff, seasons, notes) as literal text in
Streamlit's Markdown: headers, captions, alerts, expander and widget labels.

    st.caption(t("plan.group_at", lang, name=plain(group.name), venue=plain(venue.name)))

`plain` backslash-escapes every ASCII punctuation character (CommonMark lets any of them be
escaped, and each then reads as itself) and makes any run of white space one space (a card
shows a name on one line), so a name such as
`![p](http://host/x.png)`, `<img src=...>`, `[x](http://...)` or a bare `http://...` shows
as the text it is: never an image the viewer's browser fetches, a link, raw HTML, a heading,
LaTeX or a colour directive. Use it for data only, never for translated texts, and never for
`st.text`, `st.code` or table cells, which show their text as it is.
"""

from __future__ import annotations

import re
import string

_PUNCTUATION = re.compile("([" + re.escape(string.punctuation) + "])")


def plain(value: object) -> str:
    """`value` as text that Markdown shows literally, on one line."""
    return _PUNCTUATION.sub(r"\\\1", " ".join(str(value).split()))
