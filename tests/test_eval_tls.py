"""The Timeline17 eval's own parts, on timelines and articles we write, so the harness cannot
silently break; the run against the shared scorer is skipped when ../shared is absent."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from bench.eval_tls import baseline, main, read_timeline, task_shape, write_timeline
from timeline.model import Article

SHARED = Path(__file__).resolve().parents[2] / "shared"


def article(day: str, text: str) -> Article:
    return Article(article_id=f"{day}-{text[:5]}", text=text, published=date.fromisoformat(day),
                   lang="en")


def test_a_timeline_is_written_and_read_back(tmp_path: Path) -> None:
    timeline = {"2024-03-03": ["The bridge fell.", "Two died."], "2024-06-14": ["It reopened."]}
    write_timeline(tmp_path / "t.txt", timeline)
    assert read_timeline(tmp_path / "t.txt") == timeline


def test_the_task_asks_for_the_gold_dates_and_mean_sentences() -> None:
    gold = {"2024-03-03": ["a", "b", "c"], "2024-06-14": ["d"], "2024-05-01": ["e", "f"]}
    assert task_shape(gold) == (3, 2, "2024-03-03", "2024-06-14")


def test_the_baseline_takes_the_busiest_publication_days_within_the_range() -> None:
    articles = [article("2024-03-04", "Bridge fell. More."), article("2024-03-04", "Again."),
                article("2024-05-01", "Council met."), article("2025-01-01", "Out of range.")]
    made = baseline(articles, (1, 1, "2024-01-01", "2024-12-31"))
    assert made == {"2024-03-04": ["Bridge fell."]}


def test_without_shared_data_it_skips_cleanly(tmp_path: Path, capsys) -> None:
    assert main(["--shared", str(tmp_path)]) == 0
    assert "skipped" in capsys.readouterr().out


@pytest.mark.skipif(not (SHARED / "tools" / "score_tls.py").is_file(), reason="no ../shared")
def test_the_shared_scorer_reads_our_files(tmp_path: Path) -> None:
    from bench.eval_tls import score

    gold, pred = tmp_path / "gold", tmp_path / "pred"
    gold.mkdir()
    pred.mkdir()
    write_timeline(gold / "t.txt", {"2024-03-03": ["The bridge fell."]})
    write_timeline(pred / "t.txt", {"2024-03-03": ["The bridge fell."]})
    assert score(SHARED / "tools" / "score_tls.py", gold, pred)["date_f1"] == 1.0


def _topic_file(data: Path, topic: str) -> Path:
    """An invented topic (the bridge story of tests/digest) as a JSON-lines file."""
    import json

    from tests.digest.stories import bridge_articles

    path = data / f"{topic}.jsonl"
    path.write_text("".join(json.dumps({"text": a.text, "url": a.url, "lang": "en",
                                        "published": a.published.isoformat()}) + "\n"
                            for a in bridge_articles()), encoding="utf-8")
    return path


def test_the_archive_cache_is_keyed_by_the_articles_and_the_extractor(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import bench.eval_tls as eval_tls

    one = _topic_file(tmp_path, "bridge")
    key = eval_tls.cache_dir([one])
    assert eval_tls.cache_dir([one]) == key
    monkeypatch.setattr(eval_tls, "EXTRACTOR_VERSION", "another")
    assert eval_tls.cache_dir([one]) != key
    monkeypatch.undo()
    one.write_text(one.read_text(encoding="utf-8") + "\n", encoding="utf-8")
    assert eval_tls.cache_dir([one]) != key


def test_a_topic_is_ingested_once_then_read_from_the_cache(tmp_path: Path, capsys) -> None:
    from bench.eval_tls import prepare

    _topic_file(tmp_path, "bridge")
    work = tmp_path / "work"
    work.mkdir()
    first = prepare(tmp_path, work, ["bridge"])
    assert "ingested bridge: 7 articles" in capsys.readouterr().out
    assert (work / "bridge.db").is_file() and not (work / "bridge.db.part").exists()
    assert len(prepare(tmp_path, work, ["bridge"])["bridge"]) == len(first["bridge"]) == 7
    assert "cached archive" in capsys.readouterr().out


def test_held_out_weights_are_restored_and_ties_keep_the_shipped_ones(tmp_path: Path) -> None:
    from bench.eval_tls import prepare
    from bench.tls_heldout import shipped, tune, weights
    from timeline.digest import scoring

    _topic_file(tmp_path, "bridge")
    work = tmp_path / "work"
    work.mkdir()
    prepare(tmp_path, work, ["bridge"])
    gold = tmp_path / "bridge--invented.txt"
    write_timeline(gold, {"2024-03-03": ["The bridge collapsed."],
                          "2024-06-14": ["The bridge reopened."]})
    before = shipped()
    with weights((0.0, 3, 1.0)):
        assert (scoring.LOOKBACK, scoring.LOOKBACK_DAYS, scoring.TIMING_WEIGHT["before"]) == (
            0.0, 3, 1.0)
    assert shipped() == before
    chosen, f1 = tune(work, [gold])
    assert (chosen, f1) == (before, 1.0)  # the invented story's key days, found as shipped
