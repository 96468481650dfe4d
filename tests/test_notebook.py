"""The example notebook runs on a real Jupyter kernel and shows rich HTML, so it cannot rot."""

from __future__ import annotations

from pathlib import Path

import nbformat
from ipykernel.kernelspec import write_kernel_spec
from jupyter_client.kernelspec import KernelSpecManager
from jupyter_client.manager import KernelManager
from nbclient import NotebookClient

NOTEBOOK = Path(__file__).resolve().parent.parent / "examples" / "quickstart.ipynb"


def test_quickstart_notebook_runs_and_renders_html(tmp_path):
    notebook = nbformat.read(NOTEBOOK, as_version=4)
    code = [cell for cell in notebook.cells if cell.cell_type == "code"]
    stored_clean = all(not cell.outputs and cell.execution_count is None for cell in code)
    assert code and stored_clean, "store the notebook without outputs"

    # A kernel spec pointing at this very interpreter (the venv running pytest), whatever
    # "python3" kernels the machine has registered elsewhere.
    write_kernel_spec(tmp_path / "kernels" / "summarize-test")
    specs = KernelSpecManager(kernel_dirs=[str(tmp_path / "kernels")], ensure_native_kernel=False)
    kernel = KernelManager(kernel_name="summarize-test", kernel_spec_manager=specs)
    client = NotebookClient(
        notebook, km=kernel, timeout=600, resources={"metadata": {"path": str(NOTEBOOK.parent)}}
    )
    client.execute()  # raises CellExecutionError on the first failing cell

    outputs = [output for cell in code for output in cell.outputs]
    assert not [output for output in outputs if output.output_type == "error"]
    html = [output.data["text/html"] for output in outputs if "text/html" in output.get("data", {})]
    summaries = [page for page in html if "Summary: 3 of " in page and "sentences selected" in page]
    assert len(summaries) == 2  # the document-IDF and the corpus-IDF summaries
    assert any(page.startswith('<div style="') and "Quotes: " in page and "<table" in page for page in html)
    assert any("<table" in page and "speaker_mention" in page for page in html)  # a DataFrame
