"""gunicorn's settings file, read from the folder it starts in (the Procfile's and the tests').

The request metrics' multiprocess mode (``cms.core.request_metrics``) keeps each worker's values
in files under ``PROMETHEUS_MULTIPROC_DIR``. Files of a previous run would add its counts to this
one's and, once their processes are gone, never change again, so the folder is emptied before
the first worker starts (prometheus_client's documented rule). A restart then looks to
Prometheus like any counter reset.
"""

import os
from pathlib import Path
from typing import Any


def on_starting(server: Any) -> None:
    folder = os.environ.get("PROMETHEUS_MULTIPROC_DIR")
    if not folder:
        return
    Path(folder).mkdir(parents=True, exist_ok=True)
    for values in Path(folder).glob("*.db"):
        values.unlink()
