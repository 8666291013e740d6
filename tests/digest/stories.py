"""An invented story for the digest's tests: a bridge in the invented town of Villaverde.

The key days are the collapse (3 March 2024), which every later article looks back at, and the
reopening (14 June 2024); the other articles report routine council business on their own day.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from datetime import date

from tests.projections.builders import stepping_clock
from timeline.archive import Archive
from timeline.extract.article import article_from_json
from timeline.ingest import ingest_articles
from timeline.model import Article

COLLAPSE, REOPENING = date(2024, 3, 3), date(2024, 6, 14)

_TEXTS: tuple[tuple[str, str, str], ...] = (
    ("2024-03-04", "https://one.example/a1",
     "The Villaverde river bridge collapsed on 3 March 2024, killing two drivers. "
     "Mayor Ana Ruiz closed the river road on 3 March 2024."),
    ("2024-03-05", "https://two.example/a2",
     "Engineers said the bridge collapsed on 3 March 2024 after weeks of rain. "
     "The council met on 5 March 2024 to discuss the budget."),
    ("2024-03-20", "https://one.example/a3",
     "The council approved a new bridge on 20 March 2024. "
     "The old bridge collapsed on 3 March 2024, killing two drivers."),
    ("2024-04-10", "https://three.example/a4",
     "A report published on 10 April 2024 blamed the collapse of 3 March 2024 on rust. "
     "Workers started building the new bridge on 8 April 2024."),
    ("2024-06-14", "https://two.example/a5",
     "The new Villaverde bridge reopened on 14 June 2024. "
     "Mayor Ana Ruiz cut the ribbon on 14 June 2024, three months after the collapse."),
    ("2024-06-20", "https://three.example/a6",
     "Traffic returned after the bridge reopened on 14 June 2024. "
     "The bridge collapsed on 3 March 2024, and families of the two drivers attended."),
    ("2024-05-02", "https://one.example/a7",
     "The council discussed parking fees on 2 May 2024 in a short meeting."),
)


def bridge_articles(story: str = "bridge") -> list[Article]:
    from timeline.extract.article import article_from_json

    return [
        article_from_json({"text": text, "url": url, "published": published, "lang": "en",
                           "story": story, "title": f"Bridge news {i}"})
        for i, (published, url, text) in enumerate(_TEXTS)
    ]


@contextmanager
def ingested(texts: Iterable[tuple[str, str]], *, story: str, site: str) -> Iterator[Archive]:
    """An in-memory archive of one invented story: ``(published, text)`` articles in English,
    at ``https://<site>/<i>``, titled after the story."""
    articles = [article_from_json({"text": text, "published": day, "lang": "en",
                                   "url": f"https://{site}/{i}", "story": story,
                                   "title": f"{story.title()} {i}"})
                for i, (day, text) in enumerate(texts)]
    with Archive.open(":memory:", clock=stepping_clock()) as archive:
        ingest_articles(archive, articles, actor="test")
        yield archive
