"""The `planner` command line, one module per command family.

`main` (the parser and `main()`, the `planner` entry point), `common` (errors, output,
reading a season), `season` (check, import, generate, demo), `solve` (solve, validate),
`offering` (find, publish, enrol, ...), `calendar` (ics, feed, serve), `mobile` (pickups,
allowance), `report`, `backup` (backup, restore, purge). `python -m planner.cli` runs it.
"""
