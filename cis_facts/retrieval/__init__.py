"""Ranked full-text retrieval: an analyzer that turns text into terms, a BM25F index over
documents made of weighted fields, and a typo-tolerant neighbour index of the vocabulary.

Nothing here knows about facts or about any one language: the word lists (stop words,
suffixes, synonyms) come in as a ``Language`` value from ``cis_facts.retrieval.languages``.
"""
