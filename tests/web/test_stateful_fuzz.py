"""A stateful fuzz of the service (hypothesis ``RuleBasedStateMachine`` on the Flask test
client): articles are ingested, entries corrected (with any text and any date string),
retracted, merged (from another process's archive, as the CLI does), put on stories, and every
feed read, conditionally or not, in any order. After every step: no answer was a 5xx, the log
still verifies, and every feed served is byte for byte its whole render from the log."""

from __future__ import annotations

import tempfile
from pathlib import Path
from typing import Any

from hypothesis import HealthCheck, settings
from hypothesis import strategies as st
from hypothesis.stateful import (
    Bundle,
    RuleBasedStateMachine,
    consumes,
    invariant,
    precondition,
    rule,
)

from events import verify
from tests.web.conftest import AUTH
from timeline import editorial as ed
from timeline.archive import Archive
from timeline.errors import TimelineError
from timeline.publish import publish
from timeline.web import create_app
from timeline.web.feeds import SUFFIXES
from timeline.web.warm import WARM

BASE = "http://fuzz.example.org"
LATER = "9999-01-01T00:00:00Z"
WORDS = st.sampled_from(["puerto", "huelga", "ferry", "vote", "pier", "metro", "ley"])
DATES = st.one_of(
    st.dates().map(lambda d: d.isoformat()),
    st.sampled_from(["2025-11", "2025-21", "194X", "1978/1982", "2025-11-16~", "19XX"]),
    st.text(max_size=30),
)
TEXT = st.text(max_size=60)


def _article(n: int, word: str, day: int, title: str) -> dict[str, Any]:
    return {"text": f"The {word} {n} reopened on {day} March 2025. Talks on the {word} resume"
                    f" on 14 December 2025.", "published": "2025-11-17", "lang": "en",
            "title": title, "url": f"https://news.example.org/{n}", "story": "fuzz"}


class Newsroom(RuleBasedStateMachine):
    entries = Bundle("entries")

    def __init__(self) -> None:
        super().__init__()
        self.folder = tempfile.TemporaryDirectory()
        self.db = str(Path(self.folder.name) / "fuzz.db")
        self.client = create_app({"TESTING": True, "DB": self.db, "BASE_URL": BASE,
                                  "API_TOKENS": f"fuzz:{AUTH['Authorization'][7:]}"}
                                 ).test_client()
        self.articles = 0
        self.served: dict[tuple[str, str, bool], tuple[str, bytes]] = {}
        self.failures: list[str] = []

    def teardown(self) -> None:
        WARM.clear()
        self.folder.cleanup()

    def _answer(self, response: Any, what: str) -> Any:
        if response.status_code >= 500:
            self.failures.append(f"{what}: {response.status_code} {response.data[:200]!r}")
        return response

    @rule(target=entries, word=WORDS, day=st.integers(1, 31), title=TEXT)
    def ingest(self, word: str, day: int, title: str) -> Any:
        self.articles += 1
        body = _article(self.articles, word, day, title)
        response = self._answer(self.client.post("/api/articles", json=body, headers=AUTH),
                                "ingest")
        made = response.get_json().get("events", []) if response.status_code < 300 else []
        return made[0]["id"] if made else "no-such-entry"

    @rule(entry=entries, date=st.none() | DATES, headline=st.none() | TEXT, reason=TEXT)
    def correct(self, entry: str, date: str | None, headline: str | None, reason: str) -> None:
        body = {k: v for k, v in {"date": date, "headline": headline}.items() if v is not None}
        self._answer(self.client.post(f"/api/events/{entry}/corrections",
                                      json={**body, "reason": reason}, headers=AUTH), "correct")

    @rule(entry=consumes(entries), reason=TEXT)
    def retract(self, entry: str, reason: str) -> None:
        self._answer(self.client.post(f"/api/events/{entry}/retraction",
                                      json={"reason": reason}, headers=AUTH), "retract")

    @rule(first=entries, second=entries)
    def merge(self, first: str, second: str) -> None:
        with Archive.open(self.db) as archive:  # another process, as `timeline merge`
            try:
                ed.merge_events(archive, [first, second], reason="same", actor="fuzz")
            except TimelineError:
                pass  # refused (unknown, the same, retracted...): a 4xx in the API

    @rule(entry=entries, slug=st.sampled_from(["fuzz", "other", "all"]))
    def put_on_story(self, entry: str, slug: str) -> None:
        self._answer(self.client.post("/api/stories", json={"slug": slug, "title": slug},
                                      headers=AUTH), "story")
        self._answer(self.client.post(f"/api/stories/{slug}/events",
                                      json={"event_ids": [entry]}, headers=AUTH), "add")

    @rule(slug=st.sampled_from(["all", "fuzz"]), minor=st.sampled_from([False, False, True]),
          again=st.booleans())
    def read_feeds(self, slug: str, minor: bool, again: bool) -> None:
        for suffix in sorted(SUFFIXES):
            self.read_feed(slug, suffix, minor, again)

    def read_feed(self, slug: str, suffix: str, minor: bool, again: bool) -> None:
        path = f"/feeds/{slug}.{suffix}" + ("?all=1" if minor else "")
        etag = self.served.get((slug, suffix, minor), ("", b""))[0]
        headers = {"If-None-Match": etag} if again and etag else {}
        response = self._answer(self.client.get(path, headers=headers), path)
        if response.status_code == 200:
            self.served[(slug, suffix, minor)] = (response.headers["ETag"], response.data)
            self._same_as_whole(slug, suffix, minor, response.data)
        elif response.status_code == 304:
            assert response.headers["ETag"] == etag
        else:
            assert response.status_code == 404 and slug != "all"

    @rule(slug=st.sampled_from(["other", "nope"]),
          suffix=st.sampled_from(["ics", "json", "digest.ics", "digest.json"]))
    def read_other_feed(self, slug: str, suffix: str) -> None:
        response = self._answer(self.client.get(f"/feeds/{slug}.{suffix}"), slug)
        assert response.status_code in (200, 404)

    def _same_as_whole(self, slug: str, suffix: str, minor: bool, body: bytes) -> None:
        with Archive.open(self.db) as archive:
            whole = publish(archive, SUFFIXES[suffix], story=None if slug == "all" else slug,
                            as_of=LATER, base_url=BASE, include_minor=minor).body
        assert body == whole, (slug, suffix, minor)

    @precondition(lambda self: self.articles > 0)
    @rule(entry=entries)
    def read_entry(self, entry: str) -> None:
        self._answer(self.client.get(f"/api/events/{entry}"), "entry")

    @invariant()
    def no_server_error_and_the_log_verifies(self) -> None:
        assert not self.failures, self.failures
        with Archive.open(self.db) as archive:
            assert verify(archive.log).first_broken is None


Newsroom.TestCase.settings = settings(
    max_examples=15, stateful_step_count=20, deadline=None, database=None,
    suppress_health_check=list(HealthCheck))
test_the_newsroom_never_breaks_the_service_or_the_log = Newsroom.TestCase
