"""Pure extraction: temporal expressions (TIMEX3), EDTF dates, and events from articles."""

from timeline.dates import edtf_bounds, edtf_precision, humanize_edtf
from timeline.extract.actors import find_actors
from timeline.extract.article import (
    MAX_ARTICLE_CHARS,
    article_from_html,
    article_from_json,
    article_from_text,
    articles_from_jsonl,
    decode_text,
)
from timeline.extract.events import (
    EXTRACTOR_VERSION,
    ExtractedEvent,
    entry_id_for,
    extract_events,
)
from timeline.extract.headline import make_headline
from timeline.extract.normalize import timex_to_edtf
from timeline.extract.sentences import Span, split_sentences
from timeline.extract.tagger import tag, tag_for_events

__all__ = [
    "edtf_bounds",
    "edtf_precision",
    "humanize_edtf",
    "tag",
    "tag_for_events",
    "timex_to_edtf",
    # sentences, actors, headlines, events, articles
    "EXTRACTOR_VERSION",
    "MAX_ARTICLE_CHARS",
    "ExtractedEvent",
    "Span",
    "article_from_html",
    "article_from_json",
    "article_from_text",
    "articles_from_jsonl",
    "decode_text",
    "entry_id_for",
    "extract_events",
    "find_actors",
    "make_headline",
    "split_sentences",
]
