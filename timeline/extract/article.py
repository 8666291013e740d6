"""Raw input (text, HTML, JSON objects, JSON lines) into validated ``Article`` records.

Every refusal is an ``InvalidInput`` naming the offending ``field``. Text is normalised (NFC,
``\\n`` line ends, outer whitespace stripped) before it is stored, so offsets into
``Article.text`` are stable. ``content_hash`` is the SHA-256 of the text with every run of
whitespace collapsed, so the same story re-flowed hashes the same; ``article_id`` is the SHA-256
of the URL when there is one, else the content hash.
"""

from __future__ import annotations

import hashlib
import json
import re
import unicodedata
from collections.abc import Iterable, Iterator
from datetime import date, datetime
from typing import Any

from timeline.errors import InvalidInput
from timeline.extract.langdetect import detect_language
from timeline.extract.tagger import supported_languages
from timeline.model import Article

#: Longest article text accepted, in characters (about 30,000 words: far beyond a news story,
#: small enough that extracting its events takes about a second; a 2,000-character story ~10 ms).
MAX_ARTICLE_CHARS = 200_000
#: Longest HTML page accepted before extraction, in characters.
MAX_HTML_CHARS = 5_000_000

JSON_KEYS = frozenset({"text", "html", "url", "title", "published", "lang", "story"})
_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")


def decode_text(data: bytes) -> str:
    """Bytes as UTF-8 text; binary data (NUL bytes) and invalid UTF-8 are refused."""
    if b"\x00" in data:
        raise InvalidInput("binary data (NUL bytes) is not article text", field="text")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as e:
        raise InvalidInput(f"text is not valid UTF-8 (byte {e.start})", field="text") from e


def article_from_text(
    text: str,
    *,
    published: date | datetime | str,
    lang: str | None,
    url: str | None = None,
    title: str | None = None,
    story: str | None = None,
) -> Article:
    """An article from its plain text; ``lang=None`` guesses between the languages we know."""
    body = normalise_text(text)
    content_hash = _sha256(" ".join(body.split()))
    link = _optional_str(url, "url")
    return Article(
        article_id=_sha256(link) if link else content_hash,
        text=body,
        published=parse_published(published),
        lang=check_lang(lang, body),
        url=link,
        title=_optional_str(title, "title"),
        story=_optional_str(story, "story"),
        content_hash=content_hash,
    )


def article_from_html(
    html: str,
    *,
    published: date | datetime | str | None = None,
    lang: str | None = None,
    url: str | None = None,
    title: str | None = None,
    story: str | None = None,
) -> Article:
    """An article from a web page: main text by trafilatura, date by htmldate when not given."""
    if not isinstance(html, str) or not html.strip():
        raise InvalidInput("html is empty", field="html")
    if len(html) > MAX_HTML_CHARS:
        raise InvalidInput(f"html longer than {MAX_HTML_CHARS} characters", field="html")
    import trafilatura  # slow imports: only when HTML actually arrives
    from htmldate import find_date

    text = trafilatura.extract(html, url=url, include_comments=False) or ""
    if not text.strip():
        raise InvalidInput("no article text found in the html", field="html")
    if published is None:
        published = find_date(html, url=url, original_date=True) or ""
        if not published:
            raise InvalidInput("no publication date given or found in the html", field="published")
    metadata = trafilatura.extract_metadata(html, default_url=url)
    page_title = title or (metadata.title if metadata is not None else None)
    return article_from_text(
        text, published=published, lang=lang, url=url, title=page_title, story=story
    )


def article_from_json(obj: dict[str, Any]) -> Article:
    """An article from ``{"text"|"html", "published", "lang", "url", "title", "story"}``."""
    if not isinstance(obj, dict):
        raise InvalidInput("an article must be a JSON object", field=None)
    unknown = sorted(set(obj) - JSON_KEYS)
    if unknown:
        raise InvalidInput(f"unknown key {unknown[0]!r}", field=unknown[0])
    if ("text" in obj) == ("html" in obj):
        raise InvalidInput("give exactly one of 'text' and 'html'", field="text")
    options = {k: obj.get(k) for k in ("url", "title", "story")}
    if "html" in obj:
        return article_from_html(
            obj["html"], published=obj.get("published"), lang=obj.get("lang"), **options
        )
    if obj.get("published") is None:
        raise InvalidInput("published is required with text", field="published")
    return article_from_text(
        obj["text"], published=obj["published"], lang=obj.get("lang"), **options
    )


def articles_from_jsonl(lines: Iterable[str]) -> Iterator[Article]:
    """One article per non-blank JSON line; errors name the line (``line 3: ...``)."""
    for number, line in enumerate(lines, start=1):
        if not line.strip():
            continue
        try:
            obj = json.loads(line)
        except json.JSONDecodeError as e:
            raise InvalidInput(f"line {number}: not JSON ({e.msg})", field="line") from e
        try:
            yield article_from_json(obj)
        except InvalidInput as e:
            raise InvalidInput(f"line {number}: {e.message}", field=e.field) from e


def normalise_text(text: str) -> str:
    """NFC, ``\\n`` line ends, stripped; empty, binary or oversized text is refused."""
    if not isinstance(text, str):
        raise InvalidInput("text must be a string", field="text")
    if "\x00" in text:
        raise InvalidInput("binary data (NUL bytes) is not article text", field="text")
    body = unicodedata.normalize("NFC", text.replace("\r\n", "\n").replace("\r", "\n")).strip()
    if not body:
        raise InvalidInput("text is empty", field="text")
    if len(body) > MAX_ARTICLE_CHARS:
        raise InvalidInput(f"text longer than {MAX_ARTICLE_CHARS} characters", field="text")
    return body


def parse_published(value: date | datetime | str) -> date:
    """``YYYY-MM-DD`` or an ISO 8601 datetime (its calendar date is kept)."""
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    if not isinstance(value, str) or not _DATE.match(value.strip()):
        raise InvalidInput(f"published must be YYYY-MM-DD, got {value!r}", field="published")
    text = value.strip()
    try:
        if len(text) == 10:
            return date.fromisoformat(text)
        return datetime.fromisoformat(text.replace("Z", "+00:00")).date()
    except ValueError as e:
        raise InvalidInput(f"published is not a valid date: {value!r}", field="published") from e


def check_lang(lang: str | None, text: str) -> str:
    """A supported language code (``es-CL`` -> ``es``), or the one detected in ``text``."""
    if lang is None:
        detected = detect_language(text, default="")
        if not detected:
            raise InvalidInput("cannot tell the article's language; give lang", field="lang")
        return detected
    if not isinstance(lang, str):
        raise InvalidInput("lang must be a language code", field="lang")
    code = lang.strip().lower().replace("_", "-")
    base = code.split("-", 1)[0]
    if base not in supported_languages():
        raise InvalidInput(f"unsupported language code {lang!r}", field="lang")
    return base


def _optional_str(value: object, field: str) -> str | None:
    if value is None:
        return None
    if not isinstance(value, str):
        raise InvalidInput(f"{field} must be a string", field=field)
    return value.strip() or None


def _sha256(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()
