"""The `hoptac` command, run in-process on real files and real SQLite databases."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest
from test_store import danang_article, quangninh_article, vietnamplus_article
from typer.testing import CliRunner

from hoptac import store
from hoptac.cli import SAMPLES, app
from hoptac.models import ArticleResult

runner = CliRunner()


def run(*args: str):
    return runner.invoke(app, [str(a) for a in args])


@pytest.fixture
def filled(tmp_path) -> str:
    url = f"sqlite:///{tmp_path / 'filled.db'}"
    opened = store.open(url)
    with opened.session() as s:
        for result in (danang_article(), vietnamplus_article(), quangninh_article()):
            store.ingest_result(s, result)
    opened.close()
    return url


# --- database commands (no extractor needed) -----------------------------------------


def test_every_command_has_help():
    for command in ("ingest", "extract", "reextract", "partners", "events", "show", "export"):
        result = run(command, "--help")
        assert result.exit_code == 0, command
        assert "--db" in result.output or command == "extract"


def test_partners_table(filled):
    result = run("partners", "đà nẵng", "--db", filled)
    assert result.exit_code == 0
    assert "Partners of thành phố Đà Nẵng (VN-DN)" in result.output
    assert "KR-27" in result.output and "Daegu" in result.output
    assert "friendship" in result.output and "2024-04-12" in result.output


def test_unknown_party_is_one_line(filled):
    # Named nowhere: in no article and in no gazetteer entry the partnership registry lists.
    result = run("partners", "Xứ Đoài", "--db", filled)
    assert result.exit_code == 1
    assert result.stderr == "error: no party matches 'Xứ Đoài'\n"
    assert result.stdout == ""


def test_bad_db_url_is_one_line(tmp_path):
    result = run("events", "--db", "mysqlx://nowhere/db")
    assert result.exit_code == 1
    assert result.stderr.startswith("error: bad database URL 'mysqlx://nowhere/db'")
    assert result.stderr.count("\n") == 1
    result = run("events", "--db", f"sqlite:///{tmp_path}/no/such/dir.db")
    assert result.exit_code == 1
    assert result.stderr.startswith("error: cannot open database")
    assert "Traceback" not in result.output + result.stderr


def test_events_filters(filled):
    result = run("events", "--country", "CN", "--db", filled)
    assert result.exit_code == 0
    assert "signing" in result.output and "meeting" not in result.output
    assert result.output.strip().endswith("1 events")
    result = run("events", "--since", "2024-01", "--field", "tourism", "--db", filled)
    assert "meeting" in result.output and result.output.strip().endswith("1 events")


def test_show_article_by_source_and_id(filled):
    result = run("show", "quangninh-2023-09-18.txt", "--db", filled)
    assert result.exit_code == 0
    assert "đã ký biên bản ghi nhớ về thương mại biên giới và logistics[1]" in result.output
    assert "hai thành phố kết nghĩa từ năm 2009[2]" in result.output
    assert "[1] signing 2023-09-18: tỉnh Quảng Ninh, Khu tự trị Quảng Tây [trade, logistics]" in result.output
    assert "[2] sister since 2009: thành phố Móng Cái, thành phố Đông Hưng" in result.output
    assert run("show", "1", "--db", filled).exit_code == 0
    missing = run("show", "999", "--db", filled)
    assert (missing.exit_code, missing.stderr) == (1, "error: no article matches '999'\n")


def test_export_formats(filled, tmp_path):
    out = tmp_path / "events.csv"
    result = run("export", "--format", "csv", "--output", out, "--db", filled)
    assert result.exit_code == 0
    assert result.stderr == f"wrote 2 events to {out}\n"
    rows = list(csv.DictReader(io.StringIO(out.read_text(encoding="utf-8"))))
    assert [r["party_ids"] for r in rows] == ["VN-13; CN-GX", "VN-DN; KR-27; KR"]
    result = run("export", "--format", "jsonl", "--db", filled)
    assert [json.loads(line)["source"] for line in result.stdout.splitlines()] == [
        "baodanang/2024-04-12-daegu.txt",
        "https://www.vietnamplus.vn/daegu-da-nang-dau-tu.vnp",
        "quangninh-2023-09-18.txt",
    ]
    result = run("export", "--format", "graphml", "--db", filled)
    assert result.stdout.startswith('<?xml version="1.0" encoding="UTF-8"?>\n<graphml')
    bad = run("export", "--format", "xlsx", "--db", filled)
    assert (bad.exit_code, bad.stderr) == (
        1,
        "error: unknown export format 'xlsx' (choose from csv, jsonl, graphml, geojson)\n",
    )


# --- read -> extract -> store (these need the whole pipeline) -------------------------


def _write_inputs(folder: Path) -> list[Path]:
    article = folder / "binh-dinh-laos.txt"
    article.write_text(
        "Bình Định hỗ trợ tỉnh Champasak (Lào) xây dựng trường học\n\n"
        "Ngày 5/10/2023, tại tỉnh Champasak, Phó Chủ tịch UBND tỉnh Bình Định Nguyễn Tuấn Thanh đã trao tặng "
        "công trình trường tiểu học trị giá 3 tỷ đồng cho tỉnh Champasak (Lào). Ông Xaysana Sombath, "
        "Phó Tỉnh trưởng tỉnh Champasak cảm ơn sự hỗ trợ của tỉnh Bình Định trong lĩnh vực giáo dục.\n",
        encoding="utf-8",
    )
    empty = folder / "empty.txt"
    empty.write_text("", encoding="utf-8")
    return [article, empty]


def test_ingest_then_reingest_is_unchanged(tmp_path):
    db = f"sqlite:///{tmp_path / 'run.db'}"
    article, empty = _write_inputs(tmp_path)
    missing = tmp_path / "missing.txt"
    first = run("ingest", article, empty, missing, "--samples", "--db", db)
    assert first.exit_code == 0, first.output
    assert f"{missing}: no such file or directory\n" in first.stderr
    assert first.stderr.count(f"{empty}: ") == 1
    assert first.stdout.startswith("read 4, new 4, unchanged 0, updated 0, rejected 2;")
    again = run("ingest", article, "--samples", "--db", db)
    assert again.stdout.startswith("read 4, new 0, unchanged 4, updated 0, rejected 0; events 0")
    partners = run("partners", "Hải Phòng", "--db", db)
    assert partners.exit_code == 0
    assert "Kitakyushu" in partners.output and "sister" in partners.output and "2014" in partners.output
    assert run("reextract", "--db", db).stdout.startswith("re-extracted 4 articles")


def test_ingest_with_nothing_readable_fails(tmp_path):
    result = run("ingest", tmp_path / "nothing-here.txt", "--db", f"sqlite:///{tmp_path / 'x.db'}")
    assert result.exit_code == 1
    assert result.stderr == f"{tmp_path / 'nothing-here.txt'}: no such file or directory\n"


def test_extract_jsonl_is_the_contract(tmp_path):
    article, _ = _write_inputs(tmp_path)
    result = run("extract", article, "--samples", "--format", "jsonl")
    assert result.exit_code == 0, result.stderr
    lines = result.stdout.splitlines()
    assert len(lines) == 4
    parsed = [ArticleResult.model_validate_json(line) for line in lines]
    assert [Path(r.source).name for r in parsed] == [
        "binh-dinh-laos.txt",
        *sorted(p.name for p in SAMPLES.glob("*.txt")),
    ]
    for line, parsed_result in zip(lines, parsed, strict=True):
        assert line == json.dumps(parsed_result.model_dump(mode="json"), ensure_ascii=False)
        text = parsed_result.article.text
        for event in parsed_result.events:
            for span in event.evidence:
                assert text[span.start : span.end] == span.text
    laos = parsed[0]
    assert any({"VN", "LA"} <= {p.country for p in e.parties} for e in laos.events)


def test_extract_table(tmp_path):
    article, _ = _write_inputs(tmp_path)
    result = run("extract", article, "--format", "table")
    assert result.exit_code == 0, result.stderr
    assert "binh-dinh-laos.txt" in result.output
    assert "2023-10-05" in result.output
