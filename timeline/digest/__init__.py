"""The story digest: a story's key days, each with its best sentences quoted from the articles.

``model`` (records), ``scoring`` (how important a day is), ``sentences`` (a day's summary),
``select`` (which days, without redundancy) are pure; ``service`` reads the read models and
caches each digest per log head.
"""
