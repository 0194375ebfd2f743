"""Phrase tables and .ts helpers for scripts/translate-es.py and scripts/translate-en.py."""
