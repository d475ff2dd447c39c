"""examples/portfolio.ipynb runs headless from top to bottom (nbclient, the `python3` kernel of this
interpreter's ipykernel) and draws its forecast: the notebook writes the figure and a summary of the forecast
to the directory in PORTFOLIO_NOTEBOOK_OUT."""

from __future__ import annotations

import json
import sys
from decimal import Decimal
from pathlib import Path

import pytest

nbformat = pytest.importorskip("nbformat")
nbclient = pytest.importorskip("nbclient")
pytest.importorskip("ipykernel")
pytest.importorskip("matplotlib")

NOTEBOOK = Path(__file__).resolve().parents[1] / "examples" / "portfolio.ipynb"
KERNEL = "collections-py-tests"
PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"


def test_the_notebook_is_committed_without_outputs() -> None:
    nb = nbformat.read(NOTEBOOK, as_version=4)
    code = [c for c in nb.cells if c.cell_type == "code"]
    assert code and all(c.outputs == [] and c.execution_count is None for c in code)


def test_the_portfolio_notebook_runs_and_plots_its_forecast(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("PORTFOLIO_NOTEBOOK_OUT", str(tmp_path))
    # The kernel is this interpreter (the venv's, where collections_core is installed), whatever kernel
    # specs the machine has: a spec of its own, found first on JUPYTER_PATH.
    spec = tmp_path / "jupyter" / "kernels" / KERNEL
    spec.mkdir(parents=True)
    (spec / "kernel.json").write_text(json.dumps({
        "argv": [sys.executable, "-m", "ipykernel_launcher", "-f", "{connection_file}"],
        "display_name": "collections-py tests",
        "language": "python",
    }))
    monkeypatch.setenv("JUPYTER_PATH", str(tmp_path / "jupyter"))
    nb = nbformat.read(NOTEBOOK, as_version=4)
    client = nbclient.NotebookClient(nb, timeout=120, kernel_name=KERNEL,
                                     resources={"metadata": {"path": str(tmp_path)}})
    client.execute()
    errors = [o for c in nb.cells if c.cell_type == "code" for o in c.outputs if o.output_type == "error"]
    assert errors == []

    png = tmp_path / "forecast.png"
    assert png.read_bytes()[:8] == PNG_SIGNATURE
    summary = json.loads((tmp_path / "summary.json").read_text())
    # 3,000 accounts, one plan chosen on each; their longest plan is 24 monthly promises, on the 15th from
    # April 2026: at most 24 months from March 2026 (the forecast starts at the plans' start, 2026-03-02).
    assert summary["accounts"] == 3000
    assert 1 <= summary["months"] <= 25
    scheduled = [Decimal(v) for v in summary["scheduled"]]
    expected = [Decimal(v) for v in summary["expected"]]
    # The forecast schedules every promise of the chosen plans, and expects no more than it schedules (each
    # promise times a probability of at most 0.99).
    assert sum(scheduled) == Decimal(summary["promised"])
    assert all(e <= s for e, s in zip(expected, scheduled))
    assert sum(summary["promises"]) >= 3000
