"""Every notebook in notebooks/ runs end to end, offline, in this interpreter.

The kernel is a kernelspec written to a temporary JUPYTER_PATH whose argv is
``sys.executable``: a ``python3`` kernelspec found elsewhere on the machine
(``~/.local/share/jupyter``) could point at another Python without the project.
"""

from __future__ import annotations

import json
import sys

import nbclient
import nbformat

import pytest

from common import REPO_ROOT

NOTEBOOKS = sorted((REPO_ROOT / "notebooks").glob("*.ipynb"))
KERNEL = "geoconflict-tests"


def test_there_are_notebooks():
    names = {p.name for p in NOTEBOOKS}
    assert {"01_walkthrough.ipynb", "02_acled_csv.ipynb"} <= names


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.name)
def test_notebook_is_committed_without_outputs(path):
    nb = nbformat.read(path, as_version=4)
    for cell in nb.cells:
        if cell.cell_type == "code":
            assert cell.outputs == [] and cell.execution_count is None, (
                f"{path.name}: clear outputs before committing (Kernel > Restart & Clear Output)"
            )


@pytest.fixture(scope="module")
def kernel_path(tmp_path_factory):
    root = tmp_path_factory.mktemp("jupyter")
    spec = root / "kernels" / KERNEL
    spec.mkdir(parents=True)
    (spec / "kernel.json").write_text(
        json.dumps(
            {
                "argv": [sys.executable, "-m", "ipykernel_launcher", "-f", "{connection_file}"],
                "display_name": "geoconflict tests",
                "language": "python",
            }
        ),
        encoding="utf-8",
    )
    return root


@pytest.mark.slow
@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.name)
def test_notebook_runs(path, tmp_path, kernel_path, monkeypatch):
    monkeypatch.setenv("JUPYTER_PATH", str(kernel_path))
    # no network: any attempt to open a socket to the outside fails loudly
    monkeypatch.setenv("http_proxy", "http://127.0.0.1:9")
    monkeypatch.setenv("https_proxy", "http://127.0.0.1:9")
    nb = nbformat.read(path, as_version=4)
    before = sorted(p.name for p in (REPO_ROOT / "notebooks").iterdir())
    client = nbclient.NotebookClient(
        nb,
        timeout=300,
        startup_timeout=180,  # a loaded 2-core CI machine starts kernels slowly
        kernel_name=KERNEL,
        resources={"metadata": {"path": str(tmp_path)}},
    )
    client.execute()
    errors = [
        out for cell in nb.cells if cell.cell_type == "code" for out in cell.outputs
        if out.get("output_type") == "error"
    ]
    assert not errors
    # the notebooks write only to temporary folders
    assert sorted(p.name for p in (REPO_ROOT / "notebooks").iterdir()) == before
    assert sorted(p.name for p in tmp_path.iterdir()) == []
