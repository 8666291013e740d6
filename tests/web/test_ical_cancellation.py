"""A retraction reaches calendars: CANCELLED with a higher SEQUENCE (RFC 5546), end to end."""

from __future__ import annotations

from flask.testing import FlaskClient
from icalendar import Calendar

from tests.web.conftest import AUTH, HARBOUR, ingest


def _event(client: FlaskClient, entry_id: str):  # type: ignore[no-untyped-def]
    data = client.get("/feeds/harbour.ics").data
    return next(e for e in Calendar.from_ical(data).walk("VEVENT")
                if str(e["UID"]).startswith(entry_id))


def test_a_retraction_bumps_the_sequence(client: FlaskClient) -> None:
    entry_id = ingest(client, HARBOUR)["events"][0]["id"]
    before = _event(client, entry_id)
    client.post(f"/api/events/{entry_id}/retraction", json={"reason": "wrong"}, headers=AUTH)
    after = _event(client, entry_id)
    assert (str(before["STATUS"]), str(after["STATUS"])) == ("CONFIRMED", "CANCELLED")
    assert after["SEQUENCE"] > before["SEQUENCE"]
