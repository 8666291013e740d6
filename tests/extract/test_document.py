"""The Document's lookups by offset follow whichever layer the document holds, however it was
made: their memo of start offsets is never carried to a document with another layer."""

from __future__ import annotations

import dataclasses
from datetime import date

from timeline.extract.document import Document
from timeline.extract.pipeline import run


def _doc() -> Document:
    text = "Ana Ruiz met Tom on Monday. They agreed on May 3."
    return run(Document(text=text, lang="en", published=date(2026, 3, 10)), until="find_entities")


def test_lookups_find_the_token_date_and_names_at_an_offset() -> None:
    doc = _doc()
    assert (token := doc.token_at(5)) is not None and token.text == "Ruiz"
    assert doc.token_at(3) is None  # the space between two words
    assert (timex := doc.timex_at(22)) is not None and timex.text == "Monday"
    assert [m.name for m in doc.mentions_between(0, 20)] == ["Ana Ruiz", "Tom"]


def test_a_new_layer_is_looked_up_not_the_one_it_replaced() -> None:
    doc = _doc()
    assert doc.token_at(0) is not None and doc.timex_at(22) is not None
    later = doc.with_layer(tokens=doc.tokens[2:], timexes=())
    assert later.token_at(0) is None and later.timex_at(22) is None
    assert (token := later.token_at(9)) is not None and token.text == "met"
    assert [m.name for m in later.mentions_between(0, 20)] == ["Ana Ruiz", "Tom"]
    assert doc.token_at(0) is not None and doc.timex_at(22) is not None  # unchanged


def test_a_document_copied_another_way_looks_up_its_own_layers() -> None:
    doc = _doc()
    assert doc.token_at(5) is not None
    copied = dataclasses.replace(doc, tokens=doc.tokens[:1], mentions=())
    assert copied.token_at(5) is None and copied.mentions_between(0, 20) == ()
    assert copied == dataclasses.replace(doc, tokens=doc.tokens[:1], mentions=())
