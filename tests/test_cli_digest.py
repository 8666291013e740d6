"""``timeline digest``: the table says why each day was picked, JSON has the documented shape,
bad input exits with a one-line error naming the option."""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

from tests.digest.stories import bridge_articles
from timeline.archive import Archive
from timeline.cli import main
from timeline.ingest import ingest_articles


@pytest.fixture(scope="module")
def db(tmp_path_factory: pytest.TempPathFactory) -> str:
    path = str(tmp_path_factory.mktemp("digest") / "d.db")
    with Archive.open(path) as archive:
        ingest_articles(archive, bridge_articles(), actor="test")
    return path


def digest(db: str, *args: str) -> tuple[int, str]:
    result = CliRunner().invoke(main, ["--db", db, "digest", *args])
    return result.exit_code, result.output


def test_the_table_explains_each_day(db: str) -> None:
    code, out = digest(db, "--story", "bridge", "--dates", "2")
    assert code == 0, out
    assert "2024-03-03" in out and "looking back" in out and "publishers" in out


def test_json_with_the_only_story_implied(db: str) -> None:
    code, out = digest(db, "--format", "json", "--dates", "1", "--sentences", "1")
    doc = json.loads(out)
    assert code == 0 and doc["story"] == "bridge"
    assert [d["date"] for d in doc["dates"]] == ["2024-03-03"]
    assert len(doc["dates"][0]["summary"]) == 1


def test_a_range_with_nothing_in_it_is_an_empty_digest(db: str) -> None:
    code, out = digest(db, "--story", "bridge", "--from", "2030", "--to", "2031",
                       "--format", "json")
    assert code == 0 and json.loads(out)["dates"] == []


@pytest.mark.parametrize(("args", "word"), [
    (["--dates", "0"], "--dates"), (["--sentences", "11"], "--sentences"),
    (["--story", "nope"], "nope"), (["--from", "soon"], "from"),
])
def test_bad_input_is_one_line_naming_it(db: str, args: list[str], word: str) -> None:
    code, out = digest(db, *args)
    assert code != 0 and word in out


def test_the_table_says_when_a_day_is_off_the_story(tmp_path) -> None:
    from tests.digest.test_off_story import _TEXTS, CONCERT
    from timeline.extract.article import article_from_json

    path = str(tmp_path / "strike.db")
    with Archive.open(path) as archive:
        ingest_articles(archive, [article_from_json(
            {"text": text, "published": day, "lang": "en", "url": f"https://port.example/{i}",
             "story": "strike", "title": f"Strike {i}"}) for i, (day, text) in enumerate(_TEXTS)],
            actor="test")
    code, out = digest(path, "--story", "strike", "--dates", "10")
    line = next(x for x in out.splitlines() if x.startswith(CONCERT.isoformat()))
    assert code == 0 and "relevance 0." in line
