"""Minor entries, places and the actor rule on the web: the API, the feeds and the viewer leave
out entries scored below the threshold unless ``?all=1``; one entry is always shown by id.
The archive is written with hand-made events, whatever the extractor would find."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from flask.testing import FlaskClient

from events import NewEvent
from tests.projections.builders import append_article
from timeline.archive import Archive
from timeline.web.viewer import ViewFilters

ENTRIES = [
    ("Kast gana la segunda vuelta", "2025-12-14", "day",
     {"salience": 0.95, "kind": "result", "places": ["Chile"], "actors": ["José Antonio Kast"]}),
    ("Kast saluda en Santiago", "2025-12-14", "day",
     {"salience": 0.2, "kind": "action", "places": ["Santiago"],
      "actors": ["José Antonio Kast"], "derivation": "narrative"}),
    ("Kastner anuncia una inversión", "2025-12-16", "day",
     {"salience": 0.7, "actors": ["Kastner Group"], "derivation": "publication"}),
    ("Bachelet felicita al ganador", "2025-12-15", "day", None),  # stored as v1: not scored
]
NAMES = ("main", "minor", "kastner", "unscored")


@pytest.fixture
def ids(db_path: Path) -> dict[str, str]:
    with Archive.open(db_path) as archive:
        made = append_article(archive.log, "kast", 1, ENTRIES)
        archive.log.append("story-chile", [
            NewEvent("StoryCreated", {"slug": "chile", "title": "Chile 2025"}),
            *[NewEvent("EventAddedToStory", {"slug": "chile", "entry_id": e}) for e in made]])
    return dict(zip(NAMES, made, strict=True))


def listed(client: FlaskClient, query: str = "") -> list[str]:
    body = client.get("/api/events?limit=500" + query).get_json()
    return [e["id"] for e in body["events"]]


def test_the_api_leaves_minor_entries_out_unless_all(client: FlaskClient, ids: dict) -> None:
    assert listed(client) == [ids["main"], ids["unscored"], ids["kastner"]]
    assert set(listed(client, "&all=1")) == set(ids.values())
    assert listed(client, "&all=0") == listed(client)


def test_pages_of_all_keep_all_in_the_next_link(client: FlaskClient, ids: dict) -> None:
    seen, url = [], "/api/events?limit=1&all=1"
    while url:
        body = client.get(url).get_json()
        seen += [e["id"] for e in body["events"]]
        url = body["next"]
    assert sorted(seen) == sorted(ids.values())


def test_one_entry_is_shown_whatever_its_salience(client: FlaskClient, ids: dict) -> None:
    body = client.get(f"/api/events/{ids['minor']}").get_json()
    assert (body["places"], body["salience"], body["kind"]) == (["Santiago"], 0.2, "action")
    assert body["derivation"] == "narrative" and body["actors"] == ["José Antonio Kast"]
    unscored = client.get(f"/api/events/{ids['unscored']}").get_json()
    assert (unscored["places"], unscored["salience"], unscored["kind"]) == ([], None, None)


@pytest.mark.parametrize(("actor", "shown", "with_all"), [
    ("Kast", ["main"], ["main", "minor"]),
    ("kast", ["main"], ["main", "minor"]),
    ("JOSE ANTONIO KAST", ["main"], ["main", "minor"]),
    ("José Antonio Kast", ["main"], ["main", "minor"]),
    ("Kastner", ["kastner"], ["kastner"]),
    ("Kas", [], []),
])
def test_the_actor_filter_finds_any_name_he_goes_by(client: FlaskClient, ids: dict, actor: str,
                                                    shown: list[str], with_all: list[str]) -> None:
    assert listed(client, f"&actor={actor}") == [ids[n] for n in shown]
    assert listed(client, f"&actor={actor}&all=1") == [ids[n] for n in with_all]


@pytest.mark.parametrize("query", ["all=maybe", "all=1&all=0", "actor=%21%21"])
def test_bad_switches_name_their_field(client: FlaskClient, ids: dict, query: str) -> None:
    response = client.get("/api/events?" + query)
    assert response.status_code == 400
    assert response.get_json()["error"]["field"] == query.split("=")[0]


@pytest.mark.parametrize("path", ["/feeds/chile.json", "/feeds/all.json"])
def test_feeds_leave_minor_entries_out_unless_all(client: FlaskClient, ids: dict,
                                                  path: str) -> None:
    default = {e["id"] for e in client.get(path).get_json()["entries"]}
    every = {e["id"] for e in client.get(path + "?all=1").get_json()["entries"]}
    assert ids["minor"] not in default and every == default | {ids["minor"]}


@pytest.mark.parametrize("suffix", ["ics", "json", "timelinejs.json", "csv"])
def test_all_is_another_representation_with_its_own_etag(client: FlaskClient, ids: dict,
                                                         suffix: str) -> None:
    default = client.get(f"/feeds/chile.{suffix}")
    every = client.get(f"/feeds/chile.{suffix}?all=1")
    assert default.headers["ETag"] != every.headers["ETag"] and default.data != every.data
    stale = client.get(f"/feeds/chile.{suffix}?all=1",
                       headers={"If-None-Match": default.headers["ETag"]})
    assert stale.status_code == 200
    fresh = client.get(f"/feeds/chile.{suffix}?all=1",
                       headers={"If-None-Match": every.headers["ETag"]})
    assert fresh.status_code == 304


def test_a_bad_all_on_a_feed_is_400(client: FlaskClient, ids: dict) -> None:
    response = client.get("/feeds/chile.ics?all=maybe")
    assert response.status_code == 400 and response.get_json()["error"]["field"] == "all"


def html_of(client: FlaskClient, path: str) -> str:
    response = client.get(path)
    assert response.status_code == 200, response.data[:300]
    return response.get_data(as_text=True)


def test_the_viewer_hides_minor_entries_and_offers_them(client: FlaskClient, ids: dict) -> None:
    html = html_of(client, "/")
    assert f'id="entry-{ids["minor"]}"' not in html and f'id="entry-{ids["main"]}"' in html
    link = re.search(r'<a href="([^"]+)">Show all 4 events, including minor ones</a>', html)
    assert link and "all=1" in link.group(1)


def test_the_viewer_with_all_shows_them_and_the_way_back(client: FlaskClient,
                                                         ids: dict) -> None:
    html = html_of(client, "/stories/chile?all=1")
    assert f'id="entry-{ids["minor"]}"' in html and ">minor</span>" in html
    assert re.search(r'<a href="/stories/chile">Show only the main events</a>', html)
    assert 'name="all" value="1"' in html
    assert "/feeds/chile.ics?all=1" in html and "webcal://localhost/feeds/chile.ics?all=1" in html


def test_links_on_an_all_page_keep_all(client: FlaskClient, ids: dict) -> None:
    html = html_of(client, "/?all=1")
    actor_links = re.findall(r'<li><a href="([^"]+)">José Antonio Kast</a></li>', html)
    assert actor_links and all("all=1" in link for link in actor_links)
    buckets = re.findall(r'class="bucket[^"]*" href="([^"]+)"', html)
    assert buckets and all("all=1" in link for link in buckets)


def test_filter_args_keep_all_across_pages() -> None:
    filters = ViewFilters(actor="Kast", show_all="1")
    assert filters.args(cursor="abc") == {"actor": "Kast", "all": "1", "cursor": "abc"}
    assert filters.query().include_minor and not ViewFilters().query().include_minor


def test_places_are_shown_apart_from_actors(client: FlaskClient, ids: dict) -> None:
    html = html_of(client, "/")
    card = html[html.index(f'id="entry-{ids["main"]}"'):]
    card = card[:card.index("</li>\n", card.index('class="history"'))]
    actors = card[card.index('class="actors"'):card.index("</ul>", card.index('class="actors"'))]
    assert "José Antonio Kast" in actors and "Chile" not in actors
    assert re.search(r'class="places">.*Places:.*Chile', card)


def test_an_entry_dated_by_publication_is_flagged(client: FlaskClient, ids: dict) -> None:
    html = html_of(client, "/")
    card = html[html.index(f'id="entry-{ids["kastner"]}"'):]
    assert "dated by publication date" in card[:card.index("</article>")]
    main = html[html.index(f'id="entry-{ids["main"]}"'):]
    assert "dated by publication date" not in main[:main.index("</article>")]


@pytest.mark.parametrize(("name", "said", "kind", "salience"), [
    ("minor", "the date of what the article tells just before it", "action", "0.20: minor"),
    ("kastner", "the day the article was published", "not scored", "0.70: shown by default"),
    ("unscored", "a date written in the article", "not scored", "not scored (always shown)"),
])
def test_the_event_page_says_how_it_was_dated_in_plain_words(
    client: FlaskClient, ids: dict, name: str, said: str, kind: str, salience: str
) -> None:
    html = html_of(client, f"/events/{ids[name]}")
    facts = html[html.index('<dl class="facts">'):html.index("</dl>")]
    assert said in facts and f"<dd>{kind}</dd>" in facts and salience in facts
    assert not re.search(r">\s*(narrative|publication|explicit|relative)\s*<", facts)
