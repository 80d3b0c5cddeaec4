"""Speed and memory of reading web archives (`hoptac.ingest.read_paths` on a WARC).

    .venv/bin/python benchmarks/bench_warc.py                  # synthetic archive, 3,000 pages
    .venv/bin/python benchmarks/bench_warc.py --pages 20000    # bigger
    .venv/bin/python benchmarks/bench_warc.py --path CC-NEWS-....warc.gz

The synthetic archive mimics a news crawl: per 10 responses, 2 Vietnamese
pages (UTF-8, Windows-1258, TCVN3 in turn), 6 pages in other languages and 2
images, each response with its request record; pages are padded with page
furniture to about 40 KB, as news pages are. Prints responses/s (wall and CPU time), documents,
rejections by reason and peak RSS. Checks nothing.
"""

from __future__ import annotations

import argparse
import io
import resource
import sys
import tempfile
import time
import unicodedata
from collections import Counter
from functools import cache
from pathlib import Path

from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from hoptac.ingest import Rejected, read_paths

VI = (
    "Sáng {n}/5, tại thành phố Quy Nhơn, lãnh đạo tỉnh Bình Định đã tiếp đoàn công tác tỉnh Chungcheongnam "
    "(Hàn Quốc). Hai bên thống nhất tăng cường hợp tác trong lĩnh vực giáo dục, y tế và thủy sản, đồng thời "
    "khuyến khích trao đổi sinh viên giữa các trường đại học của hai địa phương. "
)
OTHER = [
    "The city council approved a new budget for public transport on Tuesday, after a long debate about fares "
    "and the maintenance of the tram network in the northern districts. ",
    "Der Stadtrat hat am Dienstag einen neuen Haushalt für den öffentlichen Nahverkehr beschlossen, nach einer "
    "langen Debatte über Fahrpreise und die Wartung des Straßenbahnnetzes. ",
    "Le conseil municipal a adopté mardi un nouveau budget pour les transports publics, après un long débat sur "
    "les tarifs et l'entretien du réseau de tramway dans les quartiers nord. ",
    "市议会周二通过了新的公共交通预算，此前就票价和北部地区电车网络的维护进行了长时间辩论。",
    "El concejo municipal aprobó el martes un nuevo presupuesto para el transporte público, tras un largo debate "
    "sobre las tarifas y el mantenimiento de la red de tranvías. ",
    "Городской совет во вторник утвердил новый бюджет на общественный транспорт после долгих дебатов о тарифах. ",
]
FURNITURE = "".join(f'<li><a href="/s-{i}">{i:03d}</a></li>' for i in range(400))  # menus, in no language


def _cp1258(text: str) -> bytes:
    out = []
    for ch in unicodedata.normalize("NFC", text):
        base, *marks = unicodedata.normalize("NFD", ch)
        tones = "".join(m for m in marks if m in "\u0300\u0301\u0303\u0309\u0323")
        out.append(unicodedata.normalize("NFC", base + "".join(m for m in marks if m not in tones)) + tones)
    return "".join(out).encode("cp1258")


@cache
def _tcvn3_table() -> dict[str, bytes]:
    from hoptac.ingest.encoding import _table

    return {ch: bytes([b]) for b, ch in enumerate(_table("tcvn3")) if ch != "\ufffe"}


def _tcvn3(text: str) -> bytes:
    table = _tcvn3_table()
    return b"".join(table.get(ch) or ch.encode("ascii") for ch in unicodedata.normalize("NFC", text))


def _page(title: str, body: str) -> str:
    return (
        f"<!DOCTYPE html><html><head><title>{title}</title><script>var x = 1;</script></head><body>"
        f"<nav><ul>{FURNITURE}</ul></nav><article><h1>{title}</h1>"
        + "".join(f"<p>{body}</p>" for _ in range(6))
        + f"</article><footer><ul>{FURNITURE}</ul></footer></body></html>"
    )


def build(path: Path, pages: int) -> None:
    with path.open("wb") as out:
        writer = WARCWriter(out, gzip=True)
        for n in range(pages):
            url = f"https://news{n % 97}.example/bai-{n}.html"
            kind = n % 10
            if kind < 2:
                text = _page(f"Bình Định hợp tác với Chungcheongnam số {n}", VI.format(n=n % 28 + 1))
                encoding = ("utf-8", "windows-1258", None)[n % 3]
                body = {"utf-8": text.encode(), "windows-1258": _cp1258(text), None: _tcvn3(text)}[encoding]
                ctype = f"text/html; charset={encoding}" if encoding else "text/html"
            elif kind < 8:
                body = _page(f"Council budget {n}", OTHER[n % len(OTHER)]).encode()
                ctype = "text/html; charset=utf-8"
            else:
                body, ctype = b"\xff\xd8\xff\xe0" + bytes(30_000), "image/jpeg"
            request = StatusAndHeaders(f"GET /bai-{n}.html HTTP/1.1", [("Host", "x")], is_http_request=True)
            writer.write_record(writer.create_warc_record(url, "request", http_headers=request))
            http = StatusAndHeaders("200 OK", [("Content-Type", ctype)], protocol="HTTP/1.1")
            writer.write_record(writer.create_warc_record(url, "response", payload=io.BytesIO(body), http_headers=http))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pages", type=int, default=3000)
    parser.add_argument("--path", type=Path, help="an existing .warc or .warc.gz instead of the synthetic one")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        path = args.path
        if path is None:
            path = Path(tmp) / "synthetic.warc.gz"
            started = time.perf_counter()
            build(path, args.pages)
            print(
                f"built {path.name}: {args.pages} responses, {path.stat().st_size / 1e6:.1f} MB "
                f"in {time.perf_counter() - started:.1f} s",
                file=sys.stderr,
            )
        reasons: Counter[str] = Counter()
        documents = 0
        started, cpu = time.perf_counter(), time.process_time()
        for item in read_paths([str(path)]):
            if isinstance(item, Rejected):
                reasons[item.reason] += 1
            else:
                documents += 1
        elapsed, cpu = time.perf_counter() - started, time.process_time() - cpu
    responses = documents + sum(reasons.values())
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"{responses} responses in {elapsed:.1f} s ({cpu:.1f} s CPU): {responses / elapsed:.1f} responses/s")
    print(f"documents {documents}; rejected {sum(reasons.values())}")
    for reason, count in reasons.most_common(10):
        print(f"  {count:6d}  {reason}")
    print(f"peak RSS {peak:.0f} MB")


if __name__ == "__main__":
    main()
