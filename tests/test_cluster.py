"""Extraction on a real Dask cluster (two worker processes on this machine) equals in-process extraction."""

from __future__ import annotations

import gc
import json
from collections.abc import Iterator
from pathlib import Path

import pytest
from typer.testing import CliRunner

from hoptac import cluster
from hoptac.cli import app
from hoptac.ingest import Rejected, read_paths
from hoptac.models import ArticleResult, Document
from hoptac.pipeline import process

distributed = pytest.importorskip("distributed")

FIXTURES = Path(__file__).with_name("fixtures")
SAMPLES = Path(__file__).parents[1] / "src" / "hoptac" / "samples"
# About twenty articles of our own writing and 6 inputs that are rejected (empty, binary, English,
# a missing file, a line that is not JSON, an English line), in an order that mixes them.
INPUTS = [
    *(str(FIXTURES / name) for name in ("cantho_kumamoto.txt", "empty.txt", "danang_daegu_vov.txt", "english.txt")),
    str(FIXTURES / "extract"),
    str(FIXTURES / "photo_saved_as.txt"),
    str(FIXTURES / "no-such-article.txt"),
    str(FIXTURES / "laocai_vannam.jsonl"),
    str(SAMPLES),
]
# Two loose texts, two good lines of the JSON Lines file, every text of the two folders.
ARTICLES = 4 + len(list((FIXTURES / "extract").glob("*.txt"))) + len(list(SAMPLES.glob("*.txt")))

runner = CliRunner()


def run(*args: str):
    return runner.invoke(app, [str(a) for a in args])


@pytest.fixture(scope="module")
def client() -> Iterator[distributed.Client]:
    local = distributed.LocalCluster(
        n_workers=2, processes=True, threads_per_worker=1, dashboard_address="127.0.0.1:0"
    )
    connected = distributed.Client(local)
    yield connected
    connected.close()
    local.close()


@pytest.fixture(scope="module")
def in_process() -> list[ArticleResult | Rejected]:
    return [process(item) if isinstance(item, Document) else item for item in read_paths(INPUTS)]


def test_inputs_are_a_realistic_mix(in_process):
    kinds = [type(item).__name__ for item in in_process]
    assert ARTICLES >= 20
    assert kinds.count("ArticleResult") == ARTICLES
    assert kinds.count("Rejected") == 6
    assert sum(len(item.events) for item in in_process if isinstance(item, ArticleResult)) >= 15


@pytest.mark.parametrize(("batch_size", "in_flight"), [(4, None), (1, 2)])
def test_cluster_output_equals_in_process_output_in_order(client, in_process, batch_size, in_flight):
    got = list(cluster.extract(read_paths(INPUTS), client, batch_size=batch_size, in_flight=in_flight))
    assert got == in_process
    # The same JSON, byte for byte, as `hoptac extract` prints.
    assert [x.model_dump_json() for x in got if isinstance(x, ArticleResult)] == [
        x.model_dump_json() for x in in_process if isinstance(x, ArticleResult)
    ]


def test_input_is_read_only_as_far_as_the_window_reaches(client):
    doc = next(item for item in read_paths([str(SAMPLES)]) if isinstance(item, Document))
    pulled = 0

    def corpus() -> Iterator[Document]:
        nonlocal pulled
        for n in range(60):
            pulled += 1
            yield doc.model_copy(update={"source": f"bai-{n}.txt"})

    stream = cluster.extract(corpus(), client, batch_size=5, in_flight=2)
    first = next(stream)
    assert first.source == "bai-0.txt"
    assert pulled == 10  # two batches of five out, not the corpus
    rest = list(stream)
    assert [r.source for r in rest] == [f"bai-{n}.txt" for n in range(1, 60)]
    assert {r.model_dump_json(exclude={"source"}) for r in rest} == {first.model_dump_json(exclude={"source"})}


def test_no_document_stays_in_memory_once_its_result_is_handed_back(client):
    # The fixture's scheduler runs in this process, as a `local:N` one does: what it keeps shows here.
    doc = next(item for item in read_paths([str(SAMPLES)]) if isinstance(item, Document))
    corpus = (doc.model_copy(update={"source": f"giu-{n}.txt"}) for n in range(40))
    handed_back = [r.source for r in cluster.extract(corpus, client, batch_size=5, in_flight=2)]
    assert handed_back == [f"giu-{n}.txt" for n in range(40)]
    gc.collect()
    kept = [o.source for o in gc.get_objects() if isinstance(o, Document) and o.source.startswith("giu-")]
    assert kept == []


def test_a_document_the_extractor_raises_on_is_reported_in_place(client):
    good = Document(source="tot.txt", raw="Chiều 3/4, Chủ tịch UBND TP Đà Nẵng tiếp đoàn thành phố Daegu.")
    # What no reader makes (authors missing): the pipeline raises on it.
    broken = Document.model_construct(source="hong.txt", raw=good.raw, authors=None)
    first, second, third = cluster.extract([good, broken, Rejected("rong.txt", "empty file")], client)
    assert first == process(good)
    assert second == cluster.Failed("hong.txt", "extraction failed (TypeError: 'NoneType' object is not iterable)")
    assert third == Rejected("rong.txt", "empty file")


def test_workers_are_checked(client):
    assert cluster.check_workers(client) == []


def test_cli_extract_on_the_cluster_prints_the_same(client):
    address = client.scheduler.address
    here = run("extract", *INPUTS)
    there = run("extract", *INPUTS, "--cluster", address)
    assert here.exit_code == there.exit_code == 0
    assert there.stdout == here.stdout
    assert there.stderr == here.stderr
    assert len(there.stdout.splitlines()) == ARTICLES
    assert here.stderr.splitlines()[0] == f"{FIXTURES / 'empty.txt'}: empty file"


def test_extract_out_then_ingest_stores_what_a_direct_ingest_stores(client, tmp_path):
    address = client.scheduler.address
    out = tmp_path / "ket-qua.jsonl"
    written = run("extract", *INPUTS, "--cluster", address, "--out", out)
    assert written.exit_code == 0
    assert written.stdout == ""
    assert written.stderr.splitlines()[-1] == f"wrote {ARTICLES} articles to {out}"
    assert out.read_text(encoding="utf-8") == run("extract", *INPUTS).stdout

    dbs = {name: f"sqlite:///{tmp_path / name}.db" for name in ("direct", "stored", "on-cluster")}
    direct = run("ingest", *INPUTS, "--db", dbs["direct"])
    stored = run("ingest", out, "--db", dbs["stored"])
    on_cluster = run("ingest", *INPUTS, "--cluster", address, "--db", dbs["on-cluster"])
    assert direct.exit_code == stored.exit_code == on_cluster.exit_code == 0
    assert stored.stdout.startswith(f"read {ARTICLES}, new {ARTICLES}, unchanged 0, updated 0, rejected 0;")
    assert stored.stderr == ""
    assert on_cluster.stdout == direct.stdout
    assert direct.stdout.startswith(f"read {ARTICLES}, new {ARTICLES}, unchanged 0, updated 0, rejected 6;")

    exports = {
        fmt: {name: run("export", "--format", fmt, "--db", db).stdout for name, db in dbs.items()}
        for fmt in ("csv", "jsonl")
    }
    assert exports["csv"]["stored"] == exports["csv"]["direct"] == exports["csv"]["on-cluster"]
    assert exports["jsonl"]["stored"] == exports["jsonl"]["direct"] == exports["jsonl"]["on-cluster"]
    assert exports["csv"]["direct"].startswith("event_id,kind,")
    assert len(exports["csv"]["direct"].splitlines()) > 15  # the header and the merged events
    assert len(exports["jsonl"]["direct"].splitlines()) == ARTICLES

    # Stored results are not extracted again: a second run finds them unchanged.
    again = run("ingest", out, "--db", dbs["stored"])
    assert again.stdout.startswith(f"read {ARTICLES}, new 0, unchanged {ARTICLES}, updated 0, rejected 0;")


def test_a_bad_result_line_is_one_error_naming_file_and_line(tmp_path):
    good = run("extract", str(SAMPLES)).stdout.splitlines()
    broken = json.loads(good[1])
    broken["events"][0]["kind"] = "banquet"
    path = tmp_path / "ket-qua.jsonl"
    path.write_text("\n".join([good[0], json.dumps(broken, ensure_ascii=False), good[2][:200]]) + "\n", "utf-8")
    result = run("ingest", path, "--db", f"sqlite:///{tmp_path / 'x.db'}")
    assert result.exit_code == 0
    assert result.stderr.splitlines() == [
        f"{path}: line 2: not a valid extraction result (events.0.kind: Input should be 'meeting', 'conference', "
        "'signing', 'cultural_event', 'aid' or 'other')",
        f"{path}: line 3: not JSON",
    ]
    assert result.stdout.startswith("read 1, new 1, unchanged 0, updated 0, rejected 2;")


def test_local_cluster_from_the_command_line():
    here = run("extract", str(SAMPLES), str(FIXTURES / "empty.txt"))
    there = run("extract", str(SAMPLES), str(FIXTURES / "empty.txt"), "--cluster", "local:1")
    assert there.exit_code == 0
    assert (there.stdout, there.stderr) == (here.stdout, here.stderr)


def _worker_settings() -> tuple[bool, str, str]:
    import dask

    return (
        dask.config.get("distributed.worker.profile.enabled"),
        dask.config.get("distributed.admin.tick.interval"),
        dask.config.get("distributed.worker.memory.monitor-interval"),
    )


def test_a_local_cluster_sends_batches_straight_to_quiet_workers():
    import dask

    with cluster.connect("local:1") as local:
        assert local.direct_to_workers is True
        assert list(local.run(_worker_settings).values()) == [(False, "1s", "1s")]
        results = list(cluster.extract(read_paths([str(SAMPLES)]), local))
    assert results == [process(doc) for doc in read_paths([str(SAMPLES)])]
    # The quiet settings were for that cluster only, not for this process's later ones.
    assert dask.config.get("distributed.admin.tick.interval") == "20ms"


@pytest.mark.parametrize(
    ("address", "message"),
    [
        ("local:0", "error: bad cluster address 'local:0': use local:N with N >= 1, or tcp://HOST:PORT\n"),
        ("scheduler", "error: cannot reach the Dask scheduler at scheduler: missing port number in address "
         "'scheduler'\n"),
    ],
)
def test_a_bad_cluster_address_is_one_line(address, message):
    result = run("extract", str(SAMPLES), "--cluster", address)
    assert result.exit_code == 1
    assert (result.stdout, result.stderr) == ("", message)


def test_an_article_over_its_time_bound_is_reported_in_place(client):
    good = Document(source="tot.txt", raw="Chiều 3/4, Chủ tịch UBND TP Đà Nẵng tiếp đoàn thành phố Daegu.")
    names = "".join(f"ông {s} Văn {g} " for s in ("Nguyễn", "Trần", "Lê", "Phạm") for g in "ABCDEGHKLMN")
    names += "Chủ tịch UBND tỉnh tiếp đoàn công tác tỉnh Gyeonggi, hai bên hợp tác du lịch. "  # cooperation news
    slow = Document(source="cham.txt", raw="Tỉnh Quảng Ninh hợp tác với tỉnh Gyeonggi (Hàn Quốc).\n" + names * 300)
    first, second = cluster.extract([slow, good], client, time_limit=0.3)
    assert first == cluster.Failed("cham.txt", "extraction stopped: took over 0.3 s")
    assert second == process(good)
