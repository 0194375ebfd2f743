"""Reads and edits a Qt Linguist .ts file in place, in the exact layout lupdate writes.

Only the <translation> elements that the scripts fill are rewritten; everything else (and the
layout of what is rewritten) stays as lupdate wrote it, so running update_translations after a
script changes nothing.
"""
import html
import re
from dataclasses import dataclass, field

_CONTEXT = re.compile(r"<context>\s*<name>(.*?)</name>(.*?)</context>", re.S)
_MESSAGE = re.compile(r"<message(\s[^>]*)?>(.*?)</message>", re.S)
_SOURCE = re.compile(r"<source>(.*?)</source>", re.S)
_TRANSLATION = re.compile(r"<translation(\s[^>]*)?>(.*?)</translation>|<translation(\s[^>]*)?/>", re.S)
_NUMERUS_FORM = re.compile(r"<numerusform>(.*?)</numerusform>", re.S)
_TYPE = re.compile(r'type="([^"]*)"')


def unescape(text: str) -> str:
    return html.unescape(text)


def escape(text: str) -> str:
    """lupdate's protect(): XML entities, and numeric ones for control and non-ASCII spaces."""
    out = []
    for ch in text:
        code = ord(ch)
        if ch == '"':
            out.append("&quot;")
        elif ch == "&":
            out.append("&amp;")
        elif ch == ">":
            out.append("&gt;")
        elif ch == "<":
            out.append("&lt;")
        elif ch == "'":
            out.append("&apos;")
        elif (code < 0x20 or (code > 0x7F and ch.isspace())) and ch not in "\n\t":
            out.append(f"&#x{code:x};")
        else:
            out.append(ch)
    return "".join(out)


@dataclass
class Message:
    context: str
    source: str
    numerus: bool
    finished: bool          # a translation without type="unfinished" (obsolete/vanished count as finished)
    translation: object     # str, or a list of str for numerus messages
    _span: tuple = field(repr=False, default=(0, 0))
    _new: object = field(repr=False, default=None)

    def set(self, translation) -> None:
        """Marks the message finished with this translation (a str, or a sequence for numerus)."""
        self._new = list(translation) if self.numerus else translation
        self.translation = self._new
        self.finished = True


class TsFile:
    def __init__(self, path):
        self.path = path
        with open(path, encoding="utf-8") as f:
            self.text = f.read()
        self.messages = []
        for ctx in _CONTEXT.finditer(self.text):
            name = unescape(ctx.group(1))
            base = ctx.start(2)
            for m in _MESSAGE.finditer(ctx.group(2)):
                body = m.group(2)
                source = _SOURCE.search(body)
                tr = _TRANSLATION.search(body)
                if source is None or tr is None:
                    continue
                attrs = tr.group(1) or tr.group(3) or ""
                kind = _TYPE.search(attrs)
                numerus = 'numerus="yes"' in (m.group(1) or "")
                inner = tr.group(2) or ""
                if numerus:
                    translation = [unescape(x) for x in _NUMERUS_FORM.findall(inner)]
                else:
                    translation = unescape(inner)
                start = base + m.start(2) + tr.start()
                end = base + m.start(2) + tr.end()
                self.messages.append(Message(name, unescape(source.group(1)), numerus,
                                             kind is None or kind.group(1) != "unfinished",
                                             translation, (start, end)))

    def save(self) -> None:
        text = self.text
        for msg in sorted(self.messages, key=lambda m: m._span[0], reverse=True):
            if msg._new is None:
                continue
            if msg.numerus:
                forms = "".join(f"\n            <numerusform>{escape(f)}</numerusform>" for f in msg._new)
                element = f"<translation>{forms}\n        </translation>"
            else:
                element = f"<translation>{escape(msg._new)}</translation>"
            text = text[:msg._span[0]] + element + text[msg._span[1]:]
        if text != self.text:
            with open(self.path, "w", encoding="utf-8") as f:
                f.write(text)
            self.text = text


_PLACEHOLDER = re.compile(r"%L?(?:\d+|n)")
_HTML_TAGS = ("a b big br code div em font h1 h2 h3 h4 h5 h6 hr i img li nobr ol p pre qt small span "
              "strong sub sup table td th tr tt u ul").split()
_TAG = re.compile(r"</?(?:" + "|".join(_HTML_TAGS) + r")\b[^<>]*>")
_ACCELERATOR = re.compile(r"&(?!&)(.)")


def _accelerators(text: str) -> list:
    return _ACCELERATOR.findall(text.replace("&&", ""))


def check(source: str, translation: str, numerus: bool = False) -> list:
    """What a translation must keep from its source: placeholders, HTML tags, one accelerator at
    most (when the source has one), surrounding whitespace, line breaks and a trailing ellipsis."""
    problems = []
    want = sorted(_PLACEHOLDER.findall(source))
    got = sorted(_PLACEHOLDER.findall(translation))
    if numerus:
        # A numerus form may leave %n (%Ln) out (e.g. "one item"), but nothing else.
        want = [p for p in want if p not in ("%n", "%Ln")]
        got = [p for p in got if p not in ("%n", "%Ln")]
    if want != got:
        problems.append(f"placeholders {want} != {got}")
    if _TAG.findall(source) != _TAG.findall(translation):
        problems.append("HTML tags differ")
    if len(_accelerators(source)) != len(_accelerators(translation)):
        problems.append("keyboard accelerator (&X) missing or extra")
    lead = lambda s: s[:len(s) - len(s.lstrip())]
    trail = lambda s: s[len(s.rstrip()):]
    if lead(source) != lead(translation) or trail(source) != trail(translation):
        problems.append("leading/trailing whitespace differs")
    if source.count("\n") != translation.count("\n"):
        problems.append("line breaks differ")
    if source.rstrip().endswith("…") != translation.rstrip().endswith("…"):
        problems.append("trailing … differs")
    return problems
