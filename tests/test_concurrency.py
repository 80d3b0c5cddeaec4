"""Several `hoptac ingest` processes on one database lose and duplicate nothing."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from conftest import FIXTURES, SAMPLES
from sqlalchemy import func, select

from hoptac import store
from hoptac.store.models import Article, EventRow, EventSource, PartyRow, PersonRow, RelationRow

HOPTAC = str(Path(sys.executable).with_name("hoptac"))


def _counts(url: str) -> list[int]:
    opened = store.open(url)
    with opened.session() as session:
        models = (Article, EventRow, EventSource, RelationRow, PersonRow, PartyRow)
        counts = [session.scalar(select(func.count()).select_from(m)) or 0 for m in models]
    opened.close()
    return counts


def test_concurrent_ingest_processes(db_url, tmp_path):
    inputs = sorted(str(p) for p in [*(FIXTURES / "web").glob("*.txt"), *SAMPLES.glob("*.txt")])
    inputs += [str(FIXTURES / "danang_daegu_vov.txt"), str(FIXTURES / "cantho_kumamoto.txt")]
    # Each process reads every article, starting at a different one, so all of them race on all rows.
    orders = [inputs[i:] + inputs[:i] for i in range(0, len(inputs), 3)][:4]
    processes = [
        subprocess.Popen([HOPTAC, "ingest", *order, "--db", db_url], stdout=subprocess.PIPE, stderr=subprocess.PIPE)
        for order in orders
    ]
    results = [p.communicate(timeout=240) for p in processes]
    assert [p.returncode for p in processes] == [0] * len(processes), [r[1].decode()[-500:] for r in results]
    concurrent = _counts(db_url)
    single = f"sqlite:///{tmp_path / 'single.db'}"
    subprocess.run([HOPTAC, "ingest", *inputs, "--db", single], check=True, capture_output=True)
    assert concurrent == _counts(single)
    assert concurrent[0] == len(inputs)
