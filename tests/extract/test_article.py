"""Raw input into Articles: normalisation, ids, hashes, and every refusal with its field."""

from __future__ import annotations

import json
import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from timeline.errors import InvalidInput
from timeline.extract.article import (
    MAX_ARTICLE_CHARS,
    article_from_html,
    article_from_json,
    article_from_text,
    articles_from_jsonl,
    decode_text,
)

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "articles"
ES = "El sindicato votó el paro. La empresa respondió con una oferta."
EN = "The council voted on the plan. The mayor said it would pass."


def test_fixture_articles_load() -> None:
    for path in sorted(FIXTURES.glob("*.json")):
        article = article_from_json(json.loads(path.read_text(encoding="utf-8")))
        assert article.lang == path.name[:2]
        assert article.text and article.content_hash and article.article_id


def test_text_is_normalised_and_hashed_independently_of_layout() -> None:
    a = article_from_text(f"  {ES}\r\n", published="2026-03-10", lang="es")
    b = article_from_text(ES.replace(" ", "  \n"), published="2026-03-10", lang="es")
    assert a.text == ES
    assert a.content_hash == b.content_hash == a.article_id
    assert a.published == date(2026, 3, 10)


def test_article_id_comes_from_the_url_when_there_is_one() -> None:
    a = article_from_text(ES, published="2026-03-10", lang="es", url="https://example.org/a")
    b = article_from_text(EN, published="2026-03-10", lang="en", url="https://example.org/a")
    assert a.article_id == b.article_id != a.content_hash


@pytest.mark.parametrize(
    ("published", "expected"),
    [
        ("2026-03-10", date(2026, 3, 10)),
        ("2026-03-10T23:30:00-03:00", date(2026, 3, 10)),
        ("2026-03-10T12:00:00Z", date(2026, 3, 10)),
        (date(2026, 3, 10), date(2026, 3, 10)),
    ],
)
def test_published_formats(published: object, expected: date) -> None:
    assert article_from_text(EN, published=published, lang="en").published == expected  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("kwargs", "field"),
    [
        ({"text": "   \n\t "}, "text"),
        ({"text": "a\x00b"}, "text"),
        ({"text": "x" * (MAX_ARTICLE_CHARS + 1)}, "text"),
        ({"lang": "xx"}, "lang"),
        ({"lang": "klingon"}, "lang"),
        ({"published": "10/03/2026"}, "published"),
        ({"published": "2026-13-01"}, "published"),
        ({"published": "yesterday"}, "published"),
        ({"url": 42}, "url"),
    ],
)
def test_invalid_text_input_names_the_field(kwargs: dict[str, object], field: str) -> None:
    args: dict[str, object] = {"text": EN, "published": "2026-03-10", "lang": "en", **kwargs}
    with pytest.raises(InvalidInput) as info:
        article_from_text(**args)  # type: ignore[arg-type]
    assert info.value.field == field


@pytest.mark.parametrize(
    ("text", "lang", "expected"),
    [(ES, None, "es"), (EN, None, "en"), (EN, "EN", "en"), (ES, "es-CL", "es")],
)
def test_language_is_checked_or_detected(text: str, lang: str | None, expected: str) -> None:
    assert article_from_text(text, published="2026-03-10", lang=lang).lang == expected


def test_undetectable_language_is_refused() -> None:
    with pytest.raises(InvalidInput) as info:
        article_from_text("12345 67 89", published="2026-03-10", lang=None)
    assert info.value.field == "lang"


@pytest.mark.parametrize(
    ("data", "ok"),
    [("Año 2026: paro".encode(), True), (b"\xef\xbb\xbfhola", True), (b"\xff\xfeh", False),
     (b"PK\x03\x04\x00\x00", False), ("caf\u00e9".encode("latin-1"), False)],
)
def test_decode_text(data: bytes, ok: bool) -> None:
    if ok:
        assert "\ufeff" not in decode_text(data)
    else:
        with pytest.raises(InvalidInput) as info:
            decode_text(data)
        assert info.value.field == "text"


@given(st.text(min_size=1).filter(lambda t: "\x00" not in t and t.strip()))
def test_decode_text_round_trips_utf8(text: str) -> None:
    assert decode_text(text.encode("utf-8")) == text


@pytest.mark.parametrize(
    ("obj", "field"),
    [
        ({"text": EN, "published": "2026-03-10", "lang": "en", "author": "x"}, "author"),
        ({"published": "2026-03-10", "lang": "en"}, "text"),
        ({"text": EN, "html": "<p>x</p>", "published": "2026-03-10"}, "text"),
        ({"text": EN, "lang": "en"}, "published"),
        ({"text": EN, "published": "2026-03-10", "lang": "en", "story": ["a"]}, "story"),
    ],
)
def test_invalid_json_objects_name_the_field(obj: dict[str, object], field: str) -> None:
    with pytest.raises(InvalidInput) as info:
        article_from_json(obj)
    assert info.value.field == field


def test_jsonl_yields_articles_and_names_the_bad_line() -> None:
    good = json.dumps({"text": EN, "published": "2026-03-10", "lang": "en"})
    assert [a.lang for a in articles_from_jsonl([good, "", good])] == ["en", "en"]
    with pytest.raises(InvalidInput, match="line 2"):
        list(articles_from_jsonl([good, "{not json"]))
    with pytest.raises(InvalidInput, match="line 1") as info:
        list(articles_from_jsonl([json.dumps({"text": EN, "lang": "en"})]))
    assert info.value.field == "published"


HTML = (FIXTURES / "es-paro-portuario.html").read_text(encoding="utf-8")


def test_html_gives_main_text_date_and_title() -> None:
    article = article_from_html(HTML, lang="es", url="https://example.org/paro")
    assert "votarán el 16 de marzo" in article.text
    assert "derechos reservados" not in article.text
    assert article.published == date(2026, 3, 10)
    assert article.title == "Paro en el puerto"


@pytest.mark.parametrize(
    ("html", "kwargs", "field"),
    [("", {}, "html"), ("<html><body></body></html>", {}, "html"),
     (HTML.replace("2026-03-10T09:00:00-03:00", ""), {}, "published")],
)
def test_html_refusals(html: str, kwargs: dict[str, object], field: str) -> None:
    with pytest.raises(InvalidInput) as info:
        article_from_html(html, lang="es", **kwargs)  # type: ignore[arg-type]
    assert info.value.field == field


def test_html_libraries_are_imported_only_when_html_arrives() -> None:
    code = "import sys, timeline.extract.article; print('trafilatura' in sys.modules)"
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                            cwd=Path(__file__).resolve().parents[2], check=True)
    assert result.stdout.strip() == "False"
