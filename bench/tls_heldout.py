"""Leave one topic out: the digest's general weights tuned on one topic, scored on the other.

The shipped weights (``timeline/digest/scoring.py``) were chosen looking at all 4 Timeline17
dev tasks, so their figures are in-sample. Here, for each topic, a small grid of the scoring's
general weights (how much looking back counts, from how many days on an article looks back, how
much an announcement before the day counts) is tuned on the *other* topic's tasks by Date-F1;
the weights it picks are then scored on the left-out topic's tasks (Date-F1 and AR with the
shared scorer), beside the shipped weights on the same tasks. Ties go to the shipped weights.
"""

from __future__ import annotations

import itertools
import tempfile
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path

from bench.eval_tls import fmt_score, ours, read_timeline, score, task_shape, write_timeline
from timeline.digest import scoring, service

Weights = tuple[float, int, float]  # (LOOKBACK, LOOKBACK_DAYS, TIMING_WEIGHT["before"])
GRID: tuple[Sequence[float], Sequence[int], Sequence[float]] = (
    (0.0, 0.5, 1.0, 2.0), (3, 7, 14, 30), (0.25, 0.5, 1.0))


def shipped() -> Weights:
    return scoring.LOOKBACK, scoring.LOOKBACK_DAYS, scoring.TIMING_WEIGHT["before"]


@contextmanager
def weights(chosen: Weights) -> Iterator[None]:
    """Score with ``chosen`` for the duration (the digest cache is emptied both ways)."""
    saved = shipped(), dict(scoring.TIMING_WEIGHT)
    scoring.LOOKBACK, scoring.LOOKBACK_DAYS = chosen[0], int(chosen[1])
    scoring.TIMING_WEIGHT = {**saved[1], "before": chosen[2]}
    service._cache.clear()
    try:
        yield
    finally:
        scoring.LOOKBACK, scoring.LOOKBACK_DAYS = saved[0][0], saved[0][1]
        scoring.TIMING_WEIGHT = saved[1]
        service._cache.clear()


def date_f1(work: Path, golds: Sequence[Path]) -> float:
    """Date-F1 of the digest on ``golds`` (mean precision and recall over tasks, then F)."""
    precision = recall = 0.0
    for gold_path in golds:
        gold = read_timeline(gold_path)
        topic = gold_path.name.split("--")[0]
        made = ours(work / f"{topic}.db", topic, task_shape(gold))
        hit = len(set(made) & set(gold))
        precision += hit / len(made) if made else 0.0
        recall += hit / len(gold)
    precision, recall = precision / len(golds), recall / len(golds)
    return 2 * precision * recall / (precision + recall) if precision + recall else 0.0


def tune(work: Path, golds: Sequence[Path]) -> tuple[Weights, float]:
    """The grid's weights with the best Date-F1 on ``golds`` (the shipped ones on ties)."""
    best, best_f1 = shipped(), date_f1(work, golds)
    for point in itertools.product(*GRID):
        with weights(point):
            f1 = date_f1(work, golds)
        if f1 > best_f1 + 1e-9:
            best, best_f1 = point, f1
    return best, best_f1


def scored(work: Path, golds: Sequence[Path], scorer: Path,
           name: str) -> list[tuple[str, dict[str, float]]]:
    """The digest's files for ``golds`` under ``work/name``, scored by the shared scorer: each
    task, then all of them (when more than one)."""
    out = work / name
    out.mkdir(exist_ok=True)
    for gold_path in golds:
        gold = read_timeline(gold_path)
        topic = gold_path.name.split("--")[0]
        write_timeline(out / gold_path.name, ours(work / f"{topic}.db", topic, task_shape(gold)))
    groups = [[g] for g in golds] + ([list(golds)] if len(golds) > 1 else [])
    return [(group[0].stem if len(group) == 1 else "all of them", _score(scorer, group, out))
            for group in groups]


def _score(scorer: Path, golds: Sequence[Path], pred_dir: Path) -> dict[str, float]:
    with tempfile.TemporaryDirectory() as gold_dir:
        for gold_path in golds:
            (Path(gold_dir) / gold_path.name).write_bytes(gold_path.read_bytes())
        return score(scorer, Path(gold_dir), pred_dir)


def leave_one_topic_out(work: Path, golds: Sequence[Path], scorer: Path) -> None:
    topics = sorted({g.name.split("--")[0] for g in golds})
    print("held out: weights (LOOKBACK, LOOKBACK_DAYS, before) tuned on the other topic's"
          " tasks (tune F1), scored on the left-out topic's")
    print(f"{'task':40} {'weights':16} {'tune F1':>7} {'system':18}"
          f" {'Date-F1':>8} {'AR-1 F':>7} {'AR-2 F':>7}")
    for topic in topics:
        test = [g for g in golds if g.name.startswith(f"{topic}--")]
        train = [g for g in golds if g not in test]
        if not train:
            continue
        chosen, tune_f1 = tune(work, train)
        in_sample = scored(work, test, scorer, "in-sample")
        with weights(chosen):
            held_out = scored(work, test, scorer, "held-out")
        base = [(label, _score(scorer, group, work / "publication-count")) for label, group
                in [(g.stem, [g]) for g in test] + ([("all", test)] if len(test) > 1 else [])]
        for i, (label, _) in enumerate(held_out):
            name = label if label != "all of them" else f"{topic}: all its tasks"
            for system, point, s in (("shipped (in-sample)", shipped(), in_sample[i][1]),
                                     ("held-out", chosen, held_out[i][1]),
                                     ("publication-count", None, base[i][1])):
                print(f"{name[:40]:40} {str(point or ''):16} {tune_f1:7.3f} {system[:18]:18}"
                      f" {s.get('date_f1', 0):8.3f} {fmt_score(s.get('ar1_f'))}"
                      f" {fmt_score(s.get('ar2_f'))}")
