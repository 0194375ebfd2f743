"""Fills a .ts file from a phrase table; shared by scripts/translate-es.py and translate-en.py."""
import sys

from .tsfile import TsFile, check


def lookup(phrases, context, source):
    if (context, source) in phrases:
        return phrases[(context, source)]
    return phrases.get(source)


def fill(path, phrases, *, forms, numerus_only=False, update=False) -> int:
    """Writes the table's translation into each unfinished message (each message, with update)
    of the .ts file at path. A numerus message takes a tuple of `forms` strings. Returns the
    process exit status: 1 when a source is missing from the table or a translation is wrong."""
    ts = TsFile(path)
    missing, wrong, filled = [], [], 0
    for msg in ts.messages:
        if numerus_only and not msg.numerus:
            continue
        if msg.finished and not update:
            continue
        value = lookup(phrases, msg.context, msg.source)
        if value is None:
            if not msg.finished:
                missing.append(msg)
            continue
        if msg.numerus:
            if isinstance(value, str) or len(value) != forms:
                wrong.append((msg, f"needs a tuple of {forms} forms (singular, plural)"))
                continue
            problems = [p for form in value for p in check(msg.source, form, numerus=True)]
            if not any("%n" in form or "%Ln" in form for form in value) and ("%n" in msg.source or "%Ln" in msg.source):
                problems.append("no form shows %n")
        else:
            if not isinstance(value, str):
                wrong.append((msg, "is not a plural source: needs a single string"))
                continue
            problems = check(msg.source, value)
        if problems:
            wrong.append((msg, "; ".join(problems)))
            continue
        if msg.finished and msg.translation == (list(value) if msg.numerus else value):
            continue
        msg.set(value)
        filled += 1
    ts.save()
    for msg in missing:
        kind = "untranslated plural" if msg.numerus else "untranslated"
        print(f"{kind} [{msg.context}]: {msg.source!r}", file=sys.stderr)
    for msg, problem in wrong:
        print(f"not written [{msg.context}] {msg.source!r}: {problem}", file=sys.stderr)
    unfinished = sum(1 for m in ts.messages if not m.finished and (m.numerus or not numerus_only))
    print(f"{path}: {filled} filled, {unfinished} still unfinished", file=sys.stderr)
    return 1 if missing or wrong else 0
