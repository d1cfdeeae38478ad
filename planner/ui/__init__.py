"""The Streamlit pages. `app.py` routes to them; each page is a thin `render()` over the library.

A page module runs as a script when `st.navigation` opens it (its `__name__` is then
`"__main__"`) and can be imported like any module for its helpers.
"""
