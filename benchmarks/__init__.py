"""Benchmarks behind ``make bench``: synthetic corpora, stage timings, MkDocs builds.

Nothing in ``generator`` imports this package; it drives the generator from outside,
the way the curator and the reader meet it. Scratch output goes to ``.cache/bench/``.
"""
