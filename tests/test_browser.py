"""The dashboard in a real headless Chromium, driven by Playwright against a real uvicorn server.

Every page must work offline: no request may leave 127.0.0.1. Screenshots of each step are
saved under artifacts/screenshots/ at the project root.
"""

from __future__ import annotations

import os
import re
import shutil
import socket
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import quote, urlsplit

import httpx
import pytest
import uvicorn

import hoptac
from hoptac import store
from hoptac.web.app import create_app
from hoptac.web.auth import create_user

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
SCREENSHOTS = Path(__file__).parents[1] / "artifacts" / "screenshots"
HOST = "127.0.0.1"
TIMEOUT_MS = 15_000

if not (os.path.exists(CHROMIUM) and shutil.which(CHROMIUM)):
    if os.environ.get("CI"):
        raise RuntimeError(f"browser tests must run in CI, but {CHROMIUM} is missing: install the chromium package")
    pytest.skip(
        f"{CHROMIUM} is not installed (apt-get install chromium) - browser tests skipped", allow_module_level=True
    )

if os.environ.get("CI"):
    import playwright.sync_api as sync_api
else:
    sync_api = pytest.importorskip("playwright.sync_api", reason="the playwright package is not installed")

# Untranslated interface keys (t() falls back to the key itself), e.g. "kind_meeting".
RAW_KEY = re.compile(r"\b(?:kind|pkind|field|rel|role|act|total|nav|n)_[a-z_]+\b")


# --- server and browser ------------------------------------------------------------------


@dataclass
class Site:
    base: str
    db: str

    def api(self, path: str, **params: Any) -> Any:
        response = httpx.get(self.base + path, params=params, timeout=10)
        response.raise_for_status()
        return response.json()

    def party_id(self, query: str, name_vi: str) -> str:
        """The id of the party called `name_vi` among the party hits for `query`."""
        hits = self.api("/api/parties", q=query)["items"]
        ids = [p["id"] for p in hits if p["name_vi"] == name_vi]
        assert len(ids) == 1, hits
        return ids[0]

    def event_id(self, query: str, date: str) -> int:
        """The id of the one event on `date` among the event hits for `query`."""
        hits = self.api("/api/search", q=query)["events"]["items"]
        ids = [e["id"] for e in hits if (e["date"] or {}).get("value") == date]
        assert len(ids) == 1, hits
        return ids[0]

    def article_id(self, query: str, title_part: str) -> int:
        hits = self.api("/api/search", q=query)["articles"]["items"]
        ids = [a["id"] for a in hits if title_part in (a["title"] or "")]
        assert len(ids) == 1, hits
        return ids[0]


def _free_socket() -> socket.socket:
    sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    sock.bind((HOST, 0))
    return sock


@pytest.fixture
def site(sqlite_web_db: str) -> Iterator[Site]:
    """A uvicorn server over a fresh copy of the fixture database, on a free local port."""
    sock = _free_socket()
    port = sock.getsockname()[1]
    server = uvicorn.Server(uvicorn.Config(create_app(sqlite_web_db), host=HOST, port=port, log_level="warning"))
    thread = threading.Thread(target=server.run, kwargs={"sockets": [sock]}, daemon=True)
    thread.start()
    base = f"http://{HOST}:{port}"
    deadline = time.monotonic() + 15
    while True:
        try:
            if server.started and httpx.get(base + "/api/overview", timeout=2).status_code == 200:
                break
        except httpx.TransportError:
            pass
        if time.monotonic() > deadline or not thread.is_alive():
            server.should_exit = True
            raise RuntimeError("the test server did not start")
        time.sleep(0.05)
    yield Site(base, sqlite_web_db)
    server.should_exit = True
    thread.join(timeout=10)
    sock.close()
    assert not thread.is_alive(), "the test server did not stop"


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    with sync_api.sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS, headless=True)
        yield chromium
        chromium.close()


@dataclass
class Watch:
    """What a browser context did that it should not: script errors, foreign requests, dialogs."""

    errors: list[str] = field(default_factory=list)
    foreign: list[str] = field(default_factory=list)
    dialogs: list[str] = field(default_factory=list)

    def clean(self) -> None:
        assert self.errors == [], self.errors
        assert self.foreign == [], self.foreign
        assert self.dialogs == [], self.dialogs


@pytest.fixture
def tab(browser: Any, site: Site) -> Iterator[tuple[Any, Watch]]:
    """A page in a fresh context (no cookies) that records errors, off-site requests and dialogs."""
    context = browser.new_context(base_url=site.base, viewport={"width": 1280, "height": 900}, locale="vi-VN")
    context.set_default_timeout(TIMEOUT_MS)
    watch = Watch()

    def on_request(request: Any) -> None:
        parts = urlsplit(request.url)
        if parts.scheme in ("data", "blob", "about"):
            return
        if parts.scheme not in ("http", "https", "ws", "wss") or parts.hostname != HOST:
            watch.foreign.append(request.url)

    def block_foreign(route: Any) -> None:
        # Fail fast instead of waiting on a network that is not there; on_request has recorded it.
        if urlsplit(route.request.url).hostname == HOST:
            route.continue_()
        else:
            route.abort()

    def on_dialog(dialog: Any) -> None:
        watch.dialogs.append(f"{dialog.type}: {dialog.message}")
        dialog.dismiss()

    context.on("request", on_request)
    context.route(re.compile(r"^(?!http://127\.0\.0\.1[:/]).*"), block_foreign)
    page = context.new_page()
    page.on("pageerror", lambda exc: watch.errors.append(f"{page.url}: {exc}"))
    page.on("console", lambda msg: msg.type == "error" and watch.errors.append(f"{page.url}: console: {msg.text}"))
    page.on("dialog", on_dialog)
    yield page, watch
    context.close()



def wait_until(page: Any, expression: str, timeout: float = 30) -> None:
    """Poll `expression` from outside the page: `wait_for_function` evaluates it with eval inside the page,
    which the Content-Security-Policy forbids."""
    deadline = time.monotonic() + timeout
    while not page.evaluate(expression):
        assert time.monotonic() < deadline, f"not true after {timeout} s: {expression}"
        page.wait_for_timeout(50)

def shot(page: Any, name: str) -> None:
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SCREENSHOTS / f"{name}.png"), full_page=True)


def visit(page: Any, path: str) -> None:
    response = page.goto(path, wait_until="load")
    assert response is not None and response.status == 200, (path, response and response.status)


def texts(locator: Any) -> list[str]:
    return [t.strip() for t in locator.all_inner_texts()]


def links_resolve(page: Any, site: Site) -> None:
    """Every link on the page to another page of the site answers 200 (no dead links)."""
    hrefs = page.eval_on_selector_all("main a[href^='/']", "links => links.map((a) => a.getAttribute('href'))")
    assert hrefs, f"no links on {page.url}"
    with httpx.Client(base_url=site.base, timeout=10) as client:
        dead = {href: code for href in sorted(set(hrefs)) if (code := client.get(href).status_code) != 200}
    assert dead == {}, f"dead links on {page.url}"


def no_raw_keys(page: Any) -> None:
    body = page.inner_text("body")
    assert RAW_KEY.findall(body) == [], f"untranslated keys on {page.url}"


# --- 1. every page loads, without script errors and without leaving 127.0.0.1 ------------


def test_every_page_loads_offline_without_errors(tab: tuple[Any, Watch], site: Site) -> None:
    page, watch = tab
    hue = site.party_id("hue", "tỉnh Thừa Thiên Huế")
    gyeongju = site.party_id("gyeongju", "thành phố Gyeongju")
    article = site.article_id("gyeongju", "Thừa Thiên Huế và Gyeongju")
    overview = site.api("/api/overview")

    visit(page, "/")
    assert page.inner_text("h1") == "Tổng quan hợp tác quốc tế"
    totals = dict(zip(texts(page.locator(".total span")), texts(page.locator(".total b")), strict=True))
    assert totals["bài báo"] == str(overview["totals"]["articles"]) == "8"
    assert totals["sự kiện"] == str(overview["totals"]["events"])
    assert page.locator("#months-chart rect").count() == len(overview["events_per_month"])
    no_raw_keys(page)
    links_resolve(page, site)
    shot(page, "01-overview")

    visit(page, "/search?q=hue")
    assert page.input_value("#q") == "hue"
    # The city of Huế by its gazetteer name first (today's, then the one before 2025), then the
    # province that signed.
    assert texts(page.locator("#party-hits a.party")) == ["Thành phố Huế", "thành phố Huế", "tỉnh Thừa Thiên Huế"]
    assert "2019-11-13" in texts(page.locator("#event-hits a.when"))
    no_raw_keys(page)
    shot(page, "02-search-hue")

    visit(page, f"/party/{quote(hue, safe='')}")
    assert page.inner_text("h1").startswith("tỉnh Thừa Thiên Huế")
    assert page.inner_text("p.ids code") == hue
    assert texts(page.locator("#partners tbody td:first-child a.party")) == ["thành phố Gyeongju"]
    successor = site.api(f"/api/parties/{quote(hue, safe='')}")["successor"]
    assert successor is not None  # Thừa Thiên Huế became the city of Huế in 2025
    # The successor is linked only when it has a profile of its own; else it is named, with its id.
    linked = httpx.get(f"{site.base}/party/{quote(successor['id'], safe='')}").status_code == 200
    assert page.locator("#successor a.party").count() == int(linked)
    assert linked or page.inner_text("#successor code") == successor["id"]
    links_resolve(page, site)
    no_raw_keys(page)
    shot(page, "03-party")

    visit(page, f"/partnership/{quote(hue, safe='')}/{quote(gyeongju, safe='')}")
    assert texts(page.locator("h1 a.party")) == ["tỉnh Thừa Thiên Huế", "thành phố Gyeongju"]
    assert texts(page.locator("#pair-events .event-card h3 a")) == ["2019-11-13 · Ký kết"]
    assert texts(page.locator("#relations b.rel")) == ["hợp tác"]
    no_raw_keys(page)
    links_resolve(page, site)
    shot(page, "04-partnership")

    graph = site.api("/api/graph")
    visit(page, "/network")
    wait_until(page, "window.hoptacGraph && window.hoptacGraph.nodes().length > 0")
    assert page.evaluate("window.hoptacGraph.nodes().length") == len(graph["nodes"])
    assert page.evaluate("window.hoptacGraph.edges().length") == len(graph["edges"])
    assert page.evaluate(f"window.hoptacGraph.getElementById({hue!r}).data('label')") == "tỉnh Thừa Thiên Huế"
    assert page.inner_text("#graph-status") == f"{len(graph['nodes'])} nút · {len(graph['edges'])} cạnh"
    page.wait_for_timeout(300)  # let the canvas paint before the screenshot
    shot(page, "05-network")

    features = site.api("/api/map")["features"]
    visit(page, "/map")
    wait_until(page, "window.hoptacMapLayer && window.hoptacMapLayer.getLayers().length > 0")
    # The bundled country outlines are drawn as SVG paths in the overlay pane, from local files only.
    wait_until(page, "document.querySelectorAll('.leaflet-overlay-pane svg path').length > 100")
    assert page.evaluate("window.hoptacMapLayer.getLayers().length") == len(features)
    assert page.inner_text("#map-status") == f"{len(features)} đối tượng"
    assert page.locator(".leaflet-tile").count() == 0  # no online tiles unless asked for
    markers = page.evaluate(
        "window.hoptacMapLayer.getLayers().filter((l) => l.feature.properties.feature === 'party')"
        ".map((l) => [l.feature.properties.country, l.options.color, l.options.dashArray || null])"
    )
    assert markers, "no locality markers"
    # Vietnamese localities red, partners blue, solid outlines (not the partnership lines' style).
    assert {(cc == "VN", colour, dash) for cc, colour, dash in markers} == {
        (True, "#c0392b", None),
        (False, "#2b6cb0", None),
    }
    shot(page, "06-map")

    visit(page, f"/article/{article}")
    assert page.inner_text("h1") == "Thừa Thiên Huế và Gyeongju ký kết hợp tác phát triển du lịch di sản"
    assert page.locator("mark.fact").count() >= 2
    assert page.locator(".fact-item").count() == len(site.api(f"/api/articles/{article}")["facts"])
    no_raw_keys(page)
    links_resolve(page, site)
    shot(page, "07-article")

    visit(page, "/docs")
    title = page.locator(".swagger-ui .info .title")
    title.wait_for()
    assert page.title() == "hoptac API"
    assert title.inner_text().split()[:2] == ["hoptac", hoptac.__version__]
    page.locator(".opblock-summary-path", has_text="/api/search").first.wait_for()
    shot(page, "08-docs")

    visit(page, "/login")
    assert page.inner_text("h1") == "Đăng nhập"
    assert page.locator("form.login input[name=username]").is_visible()
    assert page.locator("form.login input[name=password][type=password]").is_visible()
    no_raw_keys(page)
    shot(page, "09-login")

    watch.clean()


# --- 2. search, profile, partnership, evidence -------------------------------------------


def test_search_to_profile_to_highlighted_evidence(tab: tuple[Any, Watch], site: Site) -> None:
    page, watch = tab
    hue = site.party_id("hue", "tỉnh Thừa Thiên Huế")
    gyeongju = site.party_id("gyeongju", "thành phố Gyeongju")
    event = site.event_id("gyeongju", "2019-11-13")

    visit(page, "/")
    box = page.locator("header form.quick input[name=q]")
    box.fill("hue")
    with page.expect_navigation():
        box.press("Enter")
    assert urlsplit(page.url).path == "/search" and urlsplit(page.url).query == "q=hue"
    hit = page.locator("#party-hits a.party", has_text="Thừa Thiên Huế")
    assert hit.count() == 1
    shot(page, "10-search-typed")

    with page.expect_navigation():
        hit.click()
    assert urlsplit(page.url).path == f"/party/{quote(hue, safe='')}"
    row = page.locator("#partners tbody tr", has=page.locator(f'a.party[href="/party/{quote(gyeongju, safe="")}"]'))
    assert row.count() == 1
    assert row.locator("td").nth(0).inner_text().strip() == "thành phố Gyeongju KR"
    # The relationship and where it is stated: the article.
    assert row.locator("td").nth(1).locator(".rel").inner_text().strip() == "hợp tác"
    assert texts(row.locator("td").nth(1).locator("a.origin")) == ["bài báo"]
    assert row.locator("td").nth(3).inner_text().strip() == "2019"
    shot(page, "11-profile")

    with page.expect_navigation():
        row.locator('a[href^="/partnership/"]').click()
    assert urlsplit(page.url).path == f"/partnership/{quote(hue, safe='')}/{quote(gyeongju, safe='')}"
    card = page.locator("#pair-events .event-card")
    assert card.count() == 1
    assert card.locator("h3 a").inner_text() == "2019-11-13 · Ký kết"
    assert texts(card.locator(".field")) == ["du lịch", "văn hóa", "di sản", "lễ hội"]
    shot(page, "12-partnership")

    source = card.locator(f'a[href$="?fact=e{event}"]')
    assert source.count() == 1
    with page.expect_navigation():
        source.click()
    assert urlsplit(page.url).path.startswith("/article/") and urlsplit(page.url).query == f"fact=e{event}"
    active = page.locator("mark.fact.active")
    active.first.wait_for()
    # The title and every sentence of the lead that tells the signing are its evidence.
    assert texts(active)[0] == "Thừa Thiên Huế và Gyeongju ký kết hợp tác phát triển du lịch di sản"
    assert any(text.startswith("Sáng 13/11, tại thành phố Huế") for text in texts(active))
    # The title states the cooperation agreement too: the relationship shares its words.
    assert active.first.get_attribute("data-facts").split() == [f"e{event}", "r1"]
    assert texts(active)[0] in page.inner_text("#article-text")
    item = page.locator(".fact-item.active")
    assert item.count() == 1
    assert item.get_attribute("id") == f"fact-e{event}"
    assert item.locator("b").first.inner_text() == "Ký kết"
    assert "2019-11-13" in item.inner_text()
    assert item.locator("details.structured").evaluate("d => d.open") is True
    # Other facts of the article are highlighted but not active.
    assert page.locator("mark.fact:not(.active)").count() >= 1
    shot(page, "13-evidence")

    # Clicking another fact in the panel moves the highlight there.
    other = page.locator(".fact-item:not(.active)").first
    other_id = other.get_attribute("data-fact")
    other.locator("b").first.click()
    assert page.locator(".fact-item.active").get_attribute("data-fact") == other_id
    for mark in page.locator("mark.fact.active").all():
        assert other_id in mark.get_attribute("data-facts").split()
    watch.clean()


# --- 3. diacritic-insensitive search -----------------------------------------------------


def test_search_ignores_diacritics(tab: tuple[Any, Watch], site: Site) -> None:
    page, watch = tab
    guangxi = site.party_id("Quảng Tây", "Khu tự trị dân tộc Choang Quảng Tây")
    danang = site.party_id("Đà Nẵng", "Thành phố Đà Nẵng")

    visit(page, "/search")
    page.fill("#q", "quang tay")
    with page.expect_navigation():
        page.press("#q", "Enter")
    hits = page.locator("#party-hits a.party")
    assert texts(hits) == ["Khu tự trị dân tộc Choang Quảng Tây"]
    assert hits.get_attribute("href") == f"/party/{quote(guangxi, safe='')}"
    # The talks and the memorandum signed after them.
    assert texts(page.locator("#event-hits a.when")) == ["2023-03-20", "2023-03-20"]
    shot(page, "14-search-romanised")

    # A place named only in the article text, typed without diacritics, finds that article.
    visit(page, "/search?q=gyeongsangbuk")
    assert texts(page.locator("#article-hits li > a")) == [
        "Thừa Thiên Huế và Gyeongju ký kết hợp tác phát triển du lịch di sản"
    ]
    assert texts(page.locator("#article-hits mark")) == ["Gyeongsangbuk"]

    visit(page, "/search")
    page.fill("#q", "Đà Nẵng")
    with page.expect_navigation():
        page.press("#q", "Enter")
    hits = page.locator("#party-hits a.party")
    assert texts(hits) == ["Thành phố Đà Nẵng"]
    assert hits.get_attribute("href") == f"/party/{quote(danang, safe='')}"
    assert "2019-04-10" in texts(page.locator("#event-hits a.when"))
    shot(page, "15-search-vietnamese")
    watch.clean()


# --- 4. escaping -------------------------------------------------------------------------


def test_markup_in_articles_is_shown_as_text(tab: tuple[Any, Watch], site: Site) -> None:
    page, watch = tab
    title = 'Cần Thơ tiếp đoàn thành phố Kumamoto <script>alert("x")</script>'
    article = site.article_id("kumamoto", "<script>")

    visit(page, f"/article/{article}")
    assert page.inner_text("h1") == title
    assert page.title() == f"{title} · hoptac"
    assert page.locator("main script").count() == 0
    text = page.locator("#article-text")
    assert '<b onmouseover="alert(1)">về hợp tác đào tạo</b>' in text.inner_text()
    assert text.locator("b").count() == 0
    text.hover()
    page.get_by_text("về hợp tác đào tạo", exact=False).first.hover()
    shot(page, "16-escaped-article")

    visit(page, "/search?q=kumamoto")
    link = page.locator(f'#article-hits a[href="/article/{article}"]')
    assert link.inner_text() == title
    event = site.event_id("kumamoto", "2021-11-04")
    visit(page, f"/event/{event}")
    assert page.locator("#sources a.evidence-link").inner_text() == title
    shot(page, "17-escaped-event")
    page.wait_for_timeout(200)
    assert watch.dialogs == []
    watch.clean()


# --- 5. an editor corrects an event -----------------------------------------------------


def test_editor_corrects_an_event(tab: tuple[Any, Watch], site: Site) -> None:
    page, watch = tab
    opened = store.open(site.db)
    with opened.session() as session:
        create_user(session, "editor", "a-long-password")
        session.commit()
    opened.close()
    event = site.event_id("daegu", "2019-04-10")
    before = site.api(f"/api/events/{event}")
    assert before["curated"] == [] and "health" in before["fields"] and "trade" not in before["fields"]

    visit(page, "/login")
    page.fill("form.login input[name=username]", "editor")
    page.fill("form.login input[name=password]", "a-long-password")
    with page.expect_navigation():
        page.click("#login-button")
    assert urlsplit(page.url).path == "/curation"
    assert page.inner_text("header .who span") == "editor"
    shot(page, "18-logged-in")

    visit(page, f"/event/{event}")
    # The article gave no year: the date is marked as inferred until an editor sets it.
    assert page.inner_text("h1") == "Hội kiến/làm việc · 2019-04-10 (suy ra)"
    form = page.locator("#edit-form")
    assert form.locator("input[name=date]").input_value() == "2019-04-10"
    form.locator("input[name=date]").fill("2019-04-11")
    form.locator('input[name=fields][value="health"]').uncheck()
    form.locator('input[name=fields][value="trade"]').check()
    form.locator("input[name=note]").fill("ngày theo thông cáo của thành phố")
    shot(page, "19-edit-form")
    with page.expect_navigation():
        page.click("#save-event")
    assert urlsplit(page.url).path == f"/event/{event}"
    assert page.inner_text("#flash") == "Đã lưu."
    heading = page.locator("h1")
    assert heading.inner_text() == "Hội kiến/làm việc · 2019-04-11 biên tập"
    mark = heading.locator(".human")
    assert mark.inner_text() == "biên tập"
    assert mark.get_attribute("title") == "Đã được biên tập viên chỉnh sửa: date, fields"
    fields = texts(page.locator("dl.facts dd .field"))
    assert "thương mại" in fields and "y tế" not in fields
    assert page.locator("#edit-form input[name=date]").input_value() == "2019-04-11"
    corrections = texts(page.locator("#event-corrections li"))
    assert len(corrections) == 1 and " · editor · edit " in corrections[0]
    assert corrections[0].endswith("— ngày theo thông cáo của thành phố")
    shot(page, "20-event-corrected")

    # An impossible date is refused on the event page itself, and nothing changes.
    page.fill("#edit-form input[name=date]", "2019-02-30")
    with page.expect_navigation():
        page.click("#save-event")
    assert urlsplit(page.url).path == f"/event/{event}"
    assert page.inner_text("#flash") == "'2019-02-30' is not a valid day"
    assert heading.inner_text() == "Hội kiến/làm việc · 2019-04-11 biên tập"
    assert page.locator("#event-corrections li").count() == 1

    visit(page, "/curation")
    assert page.locator("#flash").count() == 0  # the outcome was shown on the event page, not again here
    assert page.inner_text("#audit h2") == "Nhật ký chỉnh sửa (1)"
    cells = texts(page.locator("#audit tbody tr").first.locator("td"))
    assert cells[2:4] == ["editor", "sửa"]
    assert '"date": {"precision": "day", "value": "2019-04-11"}' in cells[5]
    assert cells[5].endswith("— ngày theo thông cáo của thành phố")
    shot(page, "21-audit-log")

    after = site.api(f"/api/events/{event}")
    assert "date" in after["curated"] and "fields" in after["curated"]
    assert after["date"] == {"value": "2019-04-11", "precision": "day", "inferred": False}
    assert "trade" in after["fields"] and "health" not in after["fields"]
    assert [c["author"] for c in after["corrections"]] == ["editor"]
    watch.clean()


# --- 6. language switch --------------------------------------------------------------------


def test_language_switch_persists(tab: tuple[Any, Watch], site: Site) -> None:
    page, watch = tab
    nav = page.locator("header nav a")

    visit(page, "/")
    assert page.get_attribute("html", "lang") == "vi"
    assert texts(nav)[:5] == ["Tổng quan", "Tìm kiếm", "Mạng lưới", "Bản đồ", "Biên tập"]
    assert page.inner_text(".lang a.on") == "VI"

    with page.expect_navigation():
        page.click("#lang-en")
    assert page.get_attribute("html", "lang") == "en"
    assert texts(nav)[:5] == ["Overview", "Search", "Network", "Map", "Curation"]
    assert page.inner_text("h1") == "Cooperation at a glance"
    assert page.inner_text(".lang a.on") == "EN"
    assert {c["name"]: c["value"] for c in page.context.cookies()}.get("lang") == "en"
    no_raw_keys(page)
    shot(page, "22-english-overview")

    with page.expect_navigation():
        nav.filter(has_text="Search").click()
    assert urlsplit(page.url).path == "/search" and "lang" not in urlsplit(page.url).query
    assert page.get_attribute("html", "lang") == "en"
    assert page.inner_text("main h1") == "Search"
    assert texts(nav)[0] == "Overview"
    page.fill("#q", "hue")
    with page.expect_navigation():
        page.press("#q", "Enter")
    assert texts(page.locator("#event-hits .kind")) == ["Signing"]
    no_raw_keys(page)
    shot(page, "23-english-search")

    with page.expect_navigation():
        page.click("#lang-vi")
    assert page.get_attribute("html", "lang") == "vi"
    assert texts(nav)[0] == "Tổng quan"
    visit(page, "/map")
    assert page.inner_text("main h1") == "Bản đồ"
    watch.clean()


# --- 7. partners with the registry, search by alias, the sample banner ---------------------


def test_partners_registry_alias_search_and_sample_banner(tab: tuple[Any, Watch], site: Site) -> None:
    page, watch = tab
    # "Pusan", the old spelling of Busan, finds the city the registry pairs with TP Hồ Chí Minh.
    visit(page, "/search?q=Pusan")
    assert texts(page.locator("#party-hits a.party"))[0] == "thành phố Busan"
    shot(page, "30-search-alias")
    with page.expect_navigation():
        page.locator("#party-hits a.party").first.click()
    assert urlsplit(page.url).path == "/party/KR-26"
    row = page.locator("#partners tbody tr", has=page.locator('a.party[href="/party/VN-SG"]'))
    assert row.count() == 1
    # No article names this pair: it is a partner from the registry, with its source linked.
    assert row.locator(".rel").first.inner_text().startswith("kết nghĩa")
    assert texts(row.locator("a.origin"))[0].startswith("danh mục")
    links_resolve(page, site)
    no_raw_keys(page)
    shot(page, "31-registry-partner")

    visit(page, "/party/VN-SG")
    assert "thành phố trực thuộc trung ương" in page.inner_text("h1 .kind")
    lineage = page.inner_text("#lineage")
    assert "Tỉnh Bình Dương" in lineage and "Tỉnh Bà Rịa - Vũng Tàu" in lineage
    shot(page, "32-hcmc-profile")

    # Đà Nẵng–Daegu: the article and the registry give different years; both sources show.
    daegu = site.party_id("daegu", "thành phố Daegu")
    visit(page, f"/partnership/VN-DN/{quote(daegu, safe='')}")
    sister = page.locator("#relations .relation").first
    assert "các nguồn ghi năm khác nhau" in sister.inner_text()
    assert sister.locator(".registry-source").count() >= 1
    shot(page, "33-years-disagree")

    sample = next(
        a for a in site.api("/api/search", q="Kitakyushu")["articles"]["items"] if a["outlet"] == "hoptac sample"
    )
    visit(page, f"/article/{sample['id']}")
    banner = page.locator("#sample-banner")
    assert banner.is_visible()
    assert "hư cấu" in banner.inner_text()
    shot(page, "34-sample-banner")

    visit(page, "/network")
    wait_until(page, "window.hoptacGraph && window.hoptacGraph.nodes().length > 0")
    assert page.locator("#graph-legend").is_visible()
    # Labels in the interface's language: English names after switching.
    visit(page, "/network?lang=en")
    wait_until(page, "window.hoptacGraph && window.hoptacGraph.nodes().length > 0")
    assert page.evaluate("window.hoptacGraph.getElementById('VN-SG').data('label')") == "Ho Chi Minh City"
    page.wait_for_timeout(300)
    shot(page, "35-network-legend-en")

    visit(page, "/map?lang=vi")
    wait_until(page, "window.hoptacMapLayer && window.hoptacMapLayer.getLayers().length > 0")
    # Opened on the data: the view holds every placed locality.
    inside = page.evaluate(
        "(() => { const b = window.hoptacMapLayer._map.getBounds();"
        " return window.hoptacMapLayer.getLayers().filter((l) => l.getLatLng)"
        ".every((l) => b.contains(l.getLatLng())); })()"
    )
    assert inside
    line = page.evaluate(
        "window.hoptacMapLayer.getLayers().find((l) => l.feature.properties.feature !== 'party'"
        " && l.feature.properties.target === 'VN-DN' || l.feature.properties.source === 'VN-DN')"
        ".getPopup().getContent()"
    )
    # Names and the relationship in the interface's language, not ids and codes.
    assert "Đà Nẵng" in line and "kết nghĩa" in line and "VN-DN" not in line.split('">', 1)[1]
    shot(page, "36-map-fitted")
    watch.clean()
