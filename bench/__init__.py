"""Benchmarks: one ``bench_*.py`` module per subject, each printing ours beside its baseline."""
