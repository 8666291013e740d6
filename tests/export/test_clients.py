"""Acceptance by real clients: ical.js parses our feed; TimelineJS3 renders our JSON in Chromium.

Both need ``npm install`` in tests/js (``make test`` does it) and skip cleanly without it;
the browser test also needs /usr/bin/chromium (``.ci/run`` installs it).
"""

from __future__ import annotations

import functools
import http.server
import json
import shutil
import subprocess
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest

from timeline.export import to_ical, to_timelinejs_json

ROOT = Path(__file__).resolve().parents[2]
JS = ROOT / "tests" / "js"
TIMELINEJS_DIST = JS / "node_modules" / "@knight-lab" / "timelinejs" / "dist"
CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic",
                 "--no-first-run", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync"]
ARTIFACTS = ROOT / "test-artifacts"


def _need_node_module(name: str) -> None:
    if shutil.which("node") is None:
        pytest.skip("node is not installed")
    if not (JS / "node_modules" / name).is_dir():
        pytest.skip(f"tests/js/node_modules/{name} missing: run `make test`")


def test_ical_js_reads_every_event(entries, meta, tmp_path):
    _need_node_module("ical.js")
    feed = tmp_path / "feed.ics"
    feed.write_bytes(to_ical(entries, meta))
    run = subprocess.run(["node", str(JS / "parse_ical.mjs"), str(feed)], capture_output=True,
                         text=True, timeout=60, check=True)
    seen = json.loads(run.stdout)
    assert seen["count"] == len(entries)
    assert seen["uids"] == [f"{e.entry_id}@timeline-archive" for e in entries]
    assert seen["name"] == meta.title and seen["refresh"] == "PT1H"
    assert seen["summaries"][14] == entries[14].headline.replace("\r\n", "\n")


def test_ical_js_sees_dates_status_and_sequence(entries, meta, tmp_path):
    _need_node_module("ical.js")
    feed = tmp_path / "feed.ics"
    feed.write_bytes(to_ical(entries, meta))
    run = subprocess.run(["node", str(JS / "parse_ical.mjs"), str(feed)], capture_output=True,
                         text=True, timeout=60, check=True)
    events = {e["uid"].split("@")[0]: e for e in json.loads(run.stdout)["events"]}
    assert (events["ev-0010"]["start"], events["ev-0010"]["end"]) == ("2025-11-03", "2025-11-08")
    assert all(event["isDate"] for event in events.values())
    assert events["ev-0012"]["status"] == "CANCELLED" and events["ev-0013"]["sequence"] == 2
    assert events["ev-0001"]["categories"] == ["vivienda"]
    assert events["ev-0001"]["location"] == "Madrid, España"


PAGE = """<!doctype html><html><head><meta charset="utf-8">
<link rel="icon" href="data:,"><link rel="stylesheet" href="tl/css/timeline.css">
<script src="tl/js/timeline.js"></script></head>
<body><div id="timeline-embed" style="width:1000px;height:650px"></div><script>
fetch("data.json").then(r => r.json()).then(data => {
  window.tl = new TL.Timeline("timeline-embed", data, {
    script_path: new URL("tl/js/", location.href).href});
});
</script></body></html>"""


@pytest.fixture
def served(tmp_path: Path) -> Iterator[tuple[Path, str]]:
    """A directory served on 127.0.0.1 (ephemeral port) with TimelineJS's dist under tl/."""
    if not TIMELINEJS_DIST.is_dir():
        pytest.skip("tests/js/node_modules/@knight-lab/timelinejs missing: run `make test`")
    (tmp_path / "tl").symlink_to(TIMELINEJS_DIST, target_is_directory=True)
    (tmp_path / "index.html").write_text(PAGE, encoding="utf-8")
    handler = functools.partial(_QuietHandler, directory=str(tmp_path))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield tmp_path, f"http://127.0.0.1:{server.server_address[1]}/index.html"
    finally:
        server.shutdown()
        server.server_close()


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:  # noqa: A002
        pass


@pytest.mark.browser
def test_timelinejs_renders_every_event(entries, meta, served):
    sync_api = pytest.importorskip("playwright.sync_api")
    if not CHROMIUM.exists():
        pytest.skip("no /usr/bin/chromium")
    directory, url = served
    (directory / "data.json").write_text(to_timelinejs_json(entries, meta), encoding="utf-8")
    expected = sum(e.status == "active" for e in entries)
    with sync_api.sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        try:
            result = _render(browser.new_page(), url)
        finally:
            browser.close()
    assert result["errors"] == [] and result["dialogs"] == 0
    assert result["message"] == ""
    assert result["events"] == expected
    assert result["slides"] == expected + 1  # the title slide
    assert result["injected"] == 0
    headline, quote = result["hostile"]  # shown as text, neither run nor garbled
    assert headline == entries[14].headline.replace("\r\n", "\n")  # HTML parsing folds CRLF
    assert "<script>alert(1)</script> & más" in quote


def _render(page, url: str) -> dict:
    errors: list[str] = []
    dialogs: list[str] = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.on("console", lambda msg: errors.append(msg.text) if msg.type == "error" else None)
    page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
    # No network in tests: TimelineJS's CSS asks Google Fonts; answer with an empty stylesheet.
    page.route(lambda u: not u.startswith("http://127.0.0.1:"),
               lambda route: route.fulfill(status=200, body="", content_type="text/css"))
    page.goto(url)
    page.wait_for_function("window.tl && window.tl.ready === true", timeout=20_000)
    page.wait_for_timeout(500)
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / "timelinejs.png"), full_page=True)
    counts = page.evaluate("""() => ({
        slides: document.querySelectorAll('.tl-slide').length,
        events: window.tl.config.events.length,
        message: (document.querySelector('.tl-message-content') || {}).textContent || '',
        injected: document.querySelectorAll('.tl-slide script, .tl-slide b').length,
        hostile: [...document.querySelectorAll('#ev-0015 h2, #ev-0015 blockquote')]
            .map(node => node.textContent),
    })""")
    return {**counts, "errors": errors, "dialogs": len(dialogs)}
