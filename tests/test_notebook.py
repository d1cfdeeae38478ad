"""The season analysis notebook runs clean, top to bottom, in a real Jupyter kernel."""

from __future__ import annotations

from pathlib import Path

import nbformat
import pytest
from nbclient import NotebookClient

NOTEBOOK = Path(__file__).resolve().parents[1] / "notebooks" / "season_analysis.ipynb"


def outputs_text(cell: nbformat.NotebookNode) -> str:
    parts = []
    for out in cell.get("outputs", []):
        parts.append(out.get("text", ""))
        parts.extend(str(v) for v in out.get("data", {}).values())
    return "\n".join(parts)


@pytest.mark.slow
def test_the_notebook_runs_and_compares_two_plans(tmp_path, monkeypatch) -> None:
    monkeypatch.delenv("PLANNER_DB_URL", raising=False)
    monkeypatch.setenv("PLANNER_NOTEBOOK_SECONDS", "4")
    monkeypatch.setenv("PLANNER_LANG", "sv")
    notebook = nbformat.read(NOTEBOOK, as_version=4)
    NotebookClient(
        notebook, timeout=300, kernel_name="python3", resources={"metadata": {"path": tmp_path}}
    ).execute()

    code = [c for c in notebook.cells if c.cell_type == "code"]
    errors = [o for c in code for o in c.get("outputs", []) if o.get("output_type") == "error"]
    assert not errors, errors
    text = "\n".join(outputs_text(c) for c in code)
    assert "groups scheduled" in text  # the plan the notebook made with the solver
    assert "Grupper / 10 000 inv." in text  # coverage table headed in Swedish
    assert "vega" in text.lower()  # the Altair charts rendered
    comparison = outputs_text(code[-2])
    for figure in ("groups_scheduled", "clients_placed", "staff_drive_min"):
        assert figure in comparison
    assert "groups exactly as before" in outputs_text(code[-1])
