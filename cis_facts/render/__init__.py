"""Renderers: one module per family of formats. Each takes an Answer and returns text.

``machine`` (json, jsonl, csv, tsv, plain, markdown) imports only the standard
library; ``terminal`` imports Rich and is loaded only when a table is drawn.
"""
