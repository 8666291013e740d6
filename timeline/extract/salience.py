"""How much a journalist would want an event on a timeline, from 0 to 1.

The kind of happening sets the base (deaths, results, decisions and votes above launches and
legal steps, above announcements and plans, above routine statements and states); a date of
its own, a named actor and a place in the article's lead raise it;
an event dated only by publication, one whose subject could not be named, or one told in the
first person (someone's words, "I wanted to help him") lowers it.
``timeline.model.SALIENCE_THRESHOLD`` is where default views stop.
"""

from __future__ import annotations

from timeline.model import Derivation

BASE: dict[str, float] = {
    "death": 0.85, "result": 0.8, "decision": 0.75, "vote": 0.75, "launch": 0.7, "legal": 0.7,
    "announcement": 0.6, "plan": 0.55, "action": 0.5, "statement": 0.4, "state": 0.25,
}
_OWN_DATE = 0.15
_ACTOR = 0.05
_LEAD = 0.05
_ONLY_PUBLICATION = 0.1
_NO_SUBJECT = 0.15
_IN_PERSON = 0.3


def salience(
    kind: str, *, derivation: Derivation, has_actor: bool, has_subject: bool,
    in_lead: bool, in_person: bool = False,
) -> float:
    """The event's salience (rounded to two decimals)."""
    score = BASE.get(kind, BASE["action"])
    if derivation in ("explicit", "relative"):
        score += _OWN_DATE
    elif derivation == "publication":
        score -= _ONLY_PUBLICATION
    score += _ACTOR if has_actor else 0.0
    score += _LEAD if in_lead else 0.0
    score -= 0.0 if has_subject else _NO_SUBJECT
    score -= _IN_PERSON if in_person else 0.0
    return round(min(1.0, max(0.0, score)), 2)
