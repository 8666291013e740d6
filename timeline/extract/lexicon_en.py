"""English words the date grammar is built from: months, weekdays, numbers, units, modifiers."""

from __future__ import annotations

MONTHS: dict[str, int] = {
    "january": 1, "jan": 1, "february": 2, "feb": 2, "march": 3, "mar": 3, "april": 4,
    "apr": 4, "may": 5, "june": 6, "jun": 6, "july": 7, "jul": 7, "august": 8, "aug": 8,
    "september": 9, "sept": 9, "sep": 9, "october": 10, "oct": 10, "november": 11, "nov": 11,
    "december": 12, "dec": 12,
}

WEEKDAYS: dict[str, int] = {
    "monday": 0, "tuesday": 1, "wednesday": 2, "thursday": 3, "friday": 4, "saturday": 5,
    "sunday": 6,
}

NUMBERS: dict[str, int] = {
    "a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
    "seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13,
    "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18,
    "nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60,
    "seventy": 70, "eighty": 80, "ninety": 90, "hundred": 100, "a hundred": 100,
    "a dozen": 12, "dozen": 12,
}

#: Quantities that leave the count unknown: "several years" is PXY.
VAGUE_NUMBERS: frozenset[str] = frozenset(
    {"several", "a few", "few", "some", "many", "a couple of", "couple of"}
)

#: unit word -> TIMEX3 duration unit (T prefix for clock units)
UNITS: dict[str, str] = {
    "day": "D", "days": "D", "week": "W", "weeks": "W", "month": "M", "months": "M",
    "year": "Y", "years": "Y", "decade": "DE", "decades": "DE", "century": "CE",
    "centuries": "CE", "quarter": "Q", "quarters": "Q", "hour": "TH", "hours": "TH",
    "minute": "TM", "minutes": "TM", "second": "TS", "seconds": "TS",
    "trading day": "D", "trading days": "D", "season": "Y", "seasons": "Y",
}

ORDINALS: dict[str, int] = {
    "first": 1, "1st": 1, "second": 2, "2nd": 2, "third": 3, "3rd": 3, "fourth": 4, "4th": 4,
    "final": 4, "last": 4,
}

SEASONS: dict[str, str] = {
    "spring": "SP", "summer": "SU", "autumn": "FA", "fall": "FA", "winter": "WI",
}

PARTS_OF_DAY: dict[str, str] = {
    "morning": "MO", "afternoon": "AF", "evening": "EV", "night": "NI",
}

#: Words that refer to the document's own time or vaguely to the past or future.
REFS: dict[str, str] = {
    "now": "PRESENT_REF", "currently": "PRESENT_REF", "at present": "PRESENT_REF",
    "nowadays": "PRESENT_REF", "these days": "PRESENT_REF", "the time being": "PRESENT_REF",
    "at the moment": "PRESENT_REF", "current": "PRESENT_REF", "recently": "PAST_REF",
    "more recently": "PAST_REF", "the past": "PAST_REF",
    "recent years": "PAST_REF", "previously": "PAST_REF", "formerly": "PAST_REF",
    "soon": "FUTURE_REF", "very soon": "FUTURE_REF", "the future": "FUTURE_REF",
    "the near future": "FUTURE_REF", "the near term": "FUTURE_REF",
    "the long term": "FUTURE_REF", "the short term": "FUTURE_REF", "short-term": "FUTURE_REF",
    "long-term": "FUTURE_REF",
}

SETS: dict[str, str] = {
    "daily": "P1D", "weekly": "P1W", "monthly": "P1M", "annually": "P1Y", "annual": "P1Y",
    "yearly": "P1Y", "every day": "P1D", "every week": "P1W", "every month": "P1M",
    "every year": "P1Y", "each year": "P1Y", "a year": "P1Y", "per year": "P1Y",
    "hourly": "PT1H", "every season": "P1Y", "each season": "P1Y", "every night": "P1D",
    "each day": "P1D", "each week": "P1W", "each month": "P1M", "nightly": "P1D",
    "every other week": "P2W", "every other day": "P2D", "every other month": "P2M",
    "every other year": "P2Y", "quarterly": "P3M", "biannual": "P6M", "semiannual": "P6M",
}

#: Amounts measured over a year: "annual profit" is a DURATION (P1Y), "annual meeting" a SET.
YEARLY_AMOUNTS = (
    "profit", "profits", "loss", "losses", "revenue", "revenues", "sales", "earnings", "growth",
    "income", "budget", "deficit", "surplus", "output", "production", "rate", "inflation",
    "result", "results", "salary", "salaries", "increase", "decline", "rise", "fall", "gain",
    "turnover", "pay", "rent", "return", "returns",
)

#: Phrases put before a date that set TIMEX3 @mod.
MODS: dict[str, str] = {
    "late": "END", "the late": "END", "the end of": "END", "end of": "END",
    "the close of": "END", "early": "START", "the early": "START", "the beginning of": "START",
    "the start of": "START", "beginning of": "START", "start of": "START", "mid": "MID",
    "mid-": "MID", "the middle of": "MID", "the mid": "MID", "middle of": "MID",
    "around": "APPROX", "about": "APPROX", "circa": "APPROX", "approximately": "APPROX",
    "roughly": "APPROX", "some time in": "APPROX",
}

#: "last", "this", "next" before a unit or weekday -> offset.
SHIFTS: dict[str, int] = {
    "last": -1, "past": -1, "this past": -1, "previous": -1, "preceding": -1, "this": 0,
    "current": 0, "this coming": 1,
    "next": 1, "coming": 1, "following": 1,
}

DAY_WORDS: dict[str, int] = {
    "today": 0, "yesterday": -1, "tomorrow": 1, "tonight": 0,
}
