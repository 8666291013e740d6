"""axe-core scans every viewer page in Chromium, at desktop and phone size, in English and in
Spanish: no serious or critical violations (issue 12, items 5 and 6). Needs ``npm install`` in
tests/js (``make test`` does it)."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.web.test_browser import CHROMIUM, base_url, live_app  # noqa: F401
from tests.web.test_browser_newsroom import tab  # noqa: F401

AXE = Path(__file__).resolve().parents[1] / "js" / "node_modules" / "axe-core" / "axe.min.js"
pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(not CHROMIUM.exists(), reason="needs /usr/bin/chromium"),
    pytest.mark.skipif(not AXE.exists(), reason="tests/js/node_modules/axe-core: run make install"),
]
PAGES = ["/", "/?all=1&order=newest&as_of=2030-01-01T00:00", "/stories/harbour",
         "/stories/harbour/key-dates", "/embed/stories/harbour", "/sign-in", "/stories/typo",
         "/?from=someday", "ENTRY"]


def serious(page) -> list[str]:
    page.add_script_tag(path=str(AXE))
    result = page.evaluate("axe.run(document, {resultTypes: ['violations']})")
    return [f"{v['id']}: {v['help']} ({len(v['nodes'])}: {v['nodes'][0]['target']})"
            for v in result["violations"] if v["impact"] in ("serious", "critical")]


@pytest.mark.parametrize("language", ["en", "es"])
@pytest.mark.parametrize("path", PAGES)
def test_no_serious_accessibility_violations(tab, base_url, live_app, path, language):  # noqa: F811
    tab.set_extra_http_headers({"Accept-Language": language})
    if path == "ENTRY":
        entry = live_app.test_client().get("/api/events?story=harbour").get_json()["events"][0]
        path = f"/events/{entry['id']}"
    tab.goto(base_url + path)
    assert tab.locator("html").get_attribute("lang") == language
    assert serious(tab) == []
