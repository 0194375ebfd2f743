#!/usr/bin/env python3
"""Fills Spanish translations into translations/timonel_es.ts from the phrase table.

Usage: scripts/translate-es.py [--update]
       (after `cmake --build build --target update_translations`)

The table is ours: scripts/translations/phrases_es.py (conventions in its docstring), which
merges phrases_es_console.py, phrases_es_editor.py, phrases_es_details.py, phrases_es_logs.py and
phrases_es_rollouts.py; add a new area file there when one grows past ~600 lines. It maps each English source text to its Spanish translation; a plural (numerus)
source maps to a (singular, plural) tuple, Spanish having those two forms. A (context, source)
key overrides the plain source in one context.

Unfinished entries found in the table are filled; entries already translated are kept, unless
--update, which rewrites them where the table now says otherwise. Sources missing from the table
are listed so a human adds them; a translation that drops a placeholder (%1, %n, %L1), an HTML
tag, the &-accelerator, surrounding spaces, a line break or a trailing "…" is reported and not
written. Exit status 1 if anything is listed. The test translations_es_complete fails while an
entry is unfinished.
"""
import argparse
import pathlib
import sys

sys.dont_write_bytecode = True  # no __pycache__ in scripts/translations
sys.path.insert(0, str(pathlib.Path(__file__).resolve().parent))
from translations.fill import fill  # noqa: E402
from translations.phrases_es import PHRASES  # noqa: E402


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--update", action="store_true",
                        help="also rewrite translated entries that differ from the table")
    args = parser.parse_args()
    path = pathlib.Path(__file__).resolve().parent.parent / "translations" / "timonel_es.ts"
    return fill(path, PHRASES, forms=2, update=args.update)


if __name__ == "__main__":
    sys.exit(main())
