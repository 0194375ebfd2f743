#!/usr/bin/env python3
"""Fills the English plural forms into translations/timonel_en.ts.

Usage: scripts/translate-en.py [--update]
       (after `cmake --build build --target update_translations`)

The sources are English already, so only plural (numerus) messages need a translation: without
one Qt would show the source, such as "%n match(es)". scripts/translations/phrases_en.py maps
each plural source to its (singular, plural) forms. Other English entries stay unfinished on
purpose (Qt then shows the source text). Plural sources missing from the table are listed; exit
status 1 if any. --update rewrites finished plural entries that differ from the table.
"""
import argparse
import pathlib
import sys

sys.dont_write_bytecode = True  # no __pycache__ in scripts/translations
sys.path.insert(0, str(pathlib.Path(__file__).resolve().parent))
from translations.fill import fill  # noqa: E402
from translations.phrases_en import PHRASES  # noqa: E402


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--update", action="store_true",
                        help="also rewrite translated plural entries that differ from the table")
    args = parser.parse_args()
    path = pathlib.Path(__file__).resolve().parent.parent / "translations" / "timonel_en.ts"
    return fill(path, PHRASES, forms=2, numerus_only=True, update=args.update)


if __name__ == "__main__":
    sys.exit(main())
