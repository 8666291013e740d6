"""The anchoring eval's own parts, on a tiny invented doc, so the harness cannot silently break.

Tests that need the shared scorer (``../shared/tools/score_anchoring.py``) skip when it is absent.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from bench.anchoring_errors import context, find_errors, pick
from bench.eval_anchoring import extract_all, load_scorer, score, split_halves, system_line
from bench.eval_anchoring import write_jsonl as write
from bench.seed_check import meets

SCORER = Path(__file__).resolve().parents[2] / "shared" / "tools" / "score_anchoring.py"
needs_scorer = pytest.mark.skipif(not SCORER.is_file(), reason="../shared scorer is absent")

LINES = (
    "Marta Soler opened a bakery in Villaverde on 3 May 2019.",
    "The council approved its permit in April 2019 and the mayor visited it on Friday.",
    "Neighbours queued for bread.",
)
TEXT = "\n".join(LINES)


def doc(doc_id: str = "d1") -> dict:
    sentences, start = [], 0
    for i, line in enumerate(LINES):
        sentences.append({"id": i, "start": start, "end": start + len(line)})
        start += len(line) + 1
    return {"id": doc_id, "lang": "en", "dct": "2019-05-20", "title": "A bakery opens",
            "text": TEXT, "sentences": sentences}


def mention(word: str, sent: int, anchor: str, doc_id: str = "d1") -> dict:
    start = TEXT.index(word)
    return {"doc": doc_id, "sent": sent, "word": word, "start": start,
            "end": start + len(word), "anchor": anchor, "entity": "bakery"}


def test_halves_are_deterministic_disjoint_and_cover_every_doc() -> None:
    ids = ["30", "4", "112", "7", "58"]
    halves = split_halves(ids)
    assert halves == split_halves(reversed(ids))
    assert halves["tune"] & halves["held-out"] == frozenset()
    assert halves["tune"] | halves["held-out"] == set(ids)
    assert halves["tune"] == {"112", "4", "7"}  # sorted as strings: 112, 30, 4, 58, 7


def test_system_lines_have_the_scorer_shape() -> None:
    events = extract_all([doc()])["d1"]
    line = json.loads(json.dumps(system_line("d1", events)))
    assert line["doc"] == "d1" and len(line["events"]) == len(events) > 0
    for span in line["events"]:
        assert set(span) == {"start", "end", "date"}
        assert 0 <= span["start"] < span["end"] <= len(TEXT) and isinstance(span["date"], str)


def test_context_brackets_the_gold_word() -> None:
    start = TEXT.index("approved")
    assert "council [approved] its" in context(TEXT, start, start + 8, width=10)


#: Event spans (sentence 1 is 57..138): "approved" (69) is 4 from both 57..65 and 73..100, a
#: tie the first wins; "visited" (117) is nearer 100..115 than 121..138; nothing covers "queued".
SPANS = [(0, 56, "2019-05-03"), (57, 65, "2019-04"), (73, 100, "2019-05-10"),
         (100, 115, "2019-05-17"), (121, 138, "2019-04-30")]


def test_pick_takes_the_containing_span_else_the_nearest_first() -> None:
    spans = [(s, e) for s, e, _ in SPANS]
    assert [pick(spans, (57, 138), at) for at in (69, 111, 117)] == [1, 3, 3]
    assert pick(spans, (139, 167), 150) is None


@needs_scorer
@pytest.mark.parametrize(("word", "sent"), [
    ("opened", 0), ("approved", 1), ("mayor", 1), ("visited", 1), ("queued", 2),
])
def test_pick_rule_matches_the_scorer(tmp_path: Path, word: str, sent: int) -> None:
    gold = mention(word, sent, "1900")
    sentence = doc()["sentences"][sent]
    index = pick([(s, e) for s, e, _ in SPANS], (sentence["start"], sentence["end"]), gold["start"])
    gold["anchor"] = "1900" if index is None else SPANS[index][2]
    system = {"doc": "d1", "events": [{"start": s, "end": e, "date": d} for s, e, d in SPANS]}
    result = score(SCORER, write(tmp_path / "docs.jsonl", [doc()]),
                   write(tmp_path / "gold.jsonl", [gold]), write(tmp_path / "sys.jsonl", [system]))
    assert result["covered"] == (0 if index is None else 100)
    assert result["anchored_correctly"] == (0 if index is None else 100)


@needs_scorer
def test_error_listing_counts_what_the_scorer_counts(tmp_path: Path) -> None:
    docs = [doc()]
    gold = [mention("opened", 0, "2019-05-03"), mention("approved", 1, "2019-04"),
            mention("visited", 1, "2019-05-17"), mention("queued", 2, "2019-05-20")]
    events = extract_all(docs)
    system = write(tmp_path / "sys.jsonl", [system_line(i, e) for i, e in events.items()])
    result = score(SCORER, write(tmp_path / "docs.jsonl", docs),
                   write(tmp_path / "gold.jsonl", gold), system)
    errors = find_errors({"d1": docs[0]}, gold, events, load_scorer(SCORER).correct)
    assert len(gold) - len(errors) == round(result["anchored_correctly"] * len(gold) / 100)
    uncovered = round((100 - result["covered"]) * len(gold) / 100)
    assert sum(e.event is None for e in errors) == uncovered


@pytest.mark.parametrize(("wanted", "got", "met"), [
    ("194X", "1947/1949", True), ("194X", "1948", True), ("194X", "1939/1941", False),
    ("1978/1982", "1978/1982", True), ("1978/1982", "1980", False),
    ("2025-11-16", "2025-11-16", True), ("2025-11-16", "2025-11", False),
    ("2025-11-16", "not a date", False),
])
def test_seed_dates_are_met_by_bounds(wanted: str, got: str, met: bool) -> None:
    assert meets(wanted, got) is met
