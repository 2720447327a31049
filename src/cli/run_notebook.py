"""Executes one notebook with Jupyter's nbclient (what `jupyter nbconvert --execute` uses) and
writes the executed copy. Called by src/cli/notebooks.ts.

The Deno kernel can report a cell idle a moment before that cell's last output reaches Jupyter
(it gives its output channels 5 ms to flush). nbclient stops listening for a cell at idle, so on a
busy machine such an output is dropped. This client keeps listening for a short while after idle
and files late outputs under their own cell.

usage: python3 run_notebook.py IN.ipynb OUT.ipynb KERNEL TIMEOUT_SECONDS [WORKING_DIR]

WORKING_DIR (default: the folder of IN) is where the kernel runs: the notebooks' folder, so that
their imports resolve through the kit's deno.json even when IN is a copy elsewhere.
"""
import queue
import sys

import nbformat
from nbclient import NotebookClient
from nbclient.exceptions import CellExecutionComplete
from nbclient.util import ensure_async

LATE_OUTPUT_SECONDS = 0.3


class PatientClient(NotebookClient):
    async def _async_poll_output_msg(self, parent_msg_id, cell, cell_index):
        assert self.kc is not None
        idle = False
        while True:
            try:
                msg = await ensure_async(
                    self.kc.iopub_channel.get_msg(timeout=LATE_OUTPUT_SECONDS if idle else None)
                )
            except queue.Empty:
                return
            if msg["parent_header"].get("msg_id") != parent_msg_id:
                continue
            if idle and msg["msg_type"] == "status":
                continue
            try:
                self.process_message(msg, cell, cell_index)
            except CellExecutionComplete:
                idle = True


def main() -> int:
    source, target, kernel, timeout = sys.argv[1:5]
    cwd = sys.argv[5] if len(sys.argv) > 5 else (source.rsplit("/", 1)[0] if "/" in source else ".")
    nb = nbformat.read(source, as_version=4)
    client = PatientClient(
        nb,
        kernel_name=kernel,
        timeout=int(timeout),
        resources={"metadata": {"path": cwd}},
    )
    try:
        client.execute()
    finally:
        nbformat.write(nb, target)
    return 0


if __name__ == "__main__":
    sys.exit(main())
