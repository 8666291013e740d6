"""A per-request CPU budget for ingest (TIMELINE_INGEST_CPU_SECONDS): an article whose
extraction runs past it is refused with 422 in the one error shape, nothing is written, and
the next request is served as usual."""

from __future__ import annotations

from typing import Any

import pytest

from tests.web.conftest import AUTH, HARBOUR
from timeline.budget import CpuBudget, OverBudget
from timeline.errors import InvalidInput
from timeline.extract.article import article_from_json
from timeline.extract.pipeline import STAGES, extract_events
from timeline.web import create_app
from timeline.web.config import from_environ


def test_an_ingest_past_its_budget_is_refused_and_writes_nothing(
        settings: dict[str, Any]) -> None:
    tight = create_app({**settings, "INGEST_CPU_SECONDS": 1e-9}).test_client()
    response = tight.post("/api/articles", json=HARBOUR, headers=AUTH)
    assert response.status_code == 422
    error = response.get_json()["error"]
    assert (error["code"], error["field"]) == ("over_cpu_budget", "text")
    assert "CPU budget" in error["message"] and "nothing was written" in error["message"]
    assert tight.get("/healthz").get_json()["head"] == 0
    assert tight.get("/api/events").get_json()["events"] == []


def test_within_the_default_budget_the_same_article_is_ingested(
        settings: dict[str, Any]) -> None:
    client = create_app({**settings, "INGEST_CPU_SECONDS": None}).test_client()
    assert client.post("/api/articles", json=HARBOUR, headers=AUTH).status_code == 201
    default = create_app(settings).test_client()  # 10 s by default
    assert default.post("/api/articles", json=HARBOUR, headers=AUTH).status_code == 200


def test_the_budget_is_checked_after_every_extraction_stage() -> None:
    calls: list[int] = []
    article = article_from_json(HARBOUR)
    extract_events(article, check=lambda: calls.append(1))
    assert len(calls) == len(STAGES)


def test_a_budget_stops_extraction_at_the_next_check() -> None:
    ticks = iter([0.0, 0.5, 3.0])
    budget = CpuBudget(1.0, clock=lambda: next(ticks))
    budget.check()
    with pytest.raises(OverBudget) as refused:
        budget.check()
    assert refused.value.field == "text" and isinstance(refused.value, ValueError)


@pytest.mark.parametrize("value", ["abc", "0", "-1", "nan"])
def test_a_bad_budget_setting_names_the_variable(value: str) -> None:
    with pytest.raises(InvalidInput, match="TIMELINE_INGEST_CPU_SECONDS"):
        from_environ({"TIMELINE_INGEST_CPU_SECONDS": value})


def test_the_budget_setting_comes_from_the_environment() -> None:
    assert from_environ({"TIMELINE_INGEST_CPU_SECONDS": "2.5"})["INGEST_CPU_SECONDS"] == 2.5
