"""Report text handling: decoding, HTML to text, sentence splitting.

Every offset the toolkit reports (mentions, incidents, claims, stances) is a
character offset into the string returned by :func:`decode_input`.  That
string is the input decoded from UTF-8 with any byte-order mark removed and
``\\r\\n`` / ``\\r`` line ends turned into ``\\n``; HTML input is converted to
plain text first, so offsets then refer to the *converted* text.

Size limit
----------
Inputs larger than :data:`MAX_INPUT_CHARS` characters (2 million, about
2 MB or 330,000 words of English, far beyond any news report) are refused
with an :class:`~geoconflict.errors.InputError` that names the limit and
says how to split the input, *before* any parsing, so a 10 MB "report"
costs a few milliseconds and no memory beyond its bytes.  Everything below
the limit is processed in time and memory linear in its length (about a
to two seconds of CPU per megabyte for sentence splitting and geoparsing).  Collections of
documents belong in ``geoconflict geoparse --jsonl`` (one document per line,
each under the limit).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from html.parser import HTMLParser

from geoconflict.errors import InputError

__all__ = [
    "MAX_INPUT_CHARS",
    "Sentence",
    "decode_input",
    "html_to_text",
    "looks_like_html",
    "split_sentences",
]

#: Largest input accepted by :func:`decode_input`, in characters (and bytes).
MAX_INPUT_CHARS = 2_000_000


@dataclass(frozen=True)
class Sentence:
    """One sentence of a text: ``text == source[start:end]``."""

    start: int
    end: int
    text: str


# ---------------------------------------------------------------- decoding
def decode_input(data: bytes | str) -> str:
    """Decode report input to text: UTF-8 (with or without BOM), or HTML.

    Parameters
    ----------
    data : bytes or str
        Raw file content or an already decoded string.

    Returns
    -------
    str
        Plain text with ``\\n`` line ends.  HTML documents are converted to
        text (scripts and styles dropped, paragraphs kept as blank lines).

    Raises
    ------
    InputError
        When the bytes are not UTF-8 (the message gives the byte offset and
        how to re-encode) or the input exceeds :data:`MAX_INPUT_CHARS`.

    Examples
    --------
    >>> decode_input(b"\\xef\\xbb\\xbfKabul\\r\\nKandahar")
    'Kabul\\nKandahar'
    >>> decode_input("<p>Strikes hit <b>Rafah</b>.</p><script>x()</script>")
    'Strikes hit Rafah.'
    """
    if isinstance(data, (bytes, bytearray, memoryview)):
        data = bytes(data)
        if len(data) > MAX_INPUT_CHARS:
            raise _too_large(len(data), "bytes")
        if data.startswith(b"\xef\xbb\xbf"):
            data = data[3:]
        elif data.startswith((b"\xff\xfe", b"\xfe\xff")):
            raise InputError(
                "input is UTF-16 encoded; re-encode it as UTF-8, e.g. "
                "`iconv -f UTF-16 -t UTF-8 report.txt > report-utf8.txt`"
            )
        try:
            text = data.decode("utf-8")
        except UnicodeDecodeError as exc:
            bad = data[exc.start : exc.start + 1]
            raise InputError(
                f"input is not valid UTF-8: byte 0x{bad.hex()} at byte offset {exc.start} "
                f"cannot be decoded ({exc.reason}); re-encode the file as UTF-8, e.g. "
                "`iconv -f WINDOWS-1252 -t UTF-8 report.txt > report-utf8.txt`"
            ) from None
    elif isinstance(data, str):
        text = data
        if len(text) > MAX_INPUT_CHARS:
            raise _too_large(len(text), "characters")
        if text.startswith("\ufeff"):
            text = text[1:]
    else:
        raise InputError(
            f"expected report text as str or bytes, got {type(data).__name__}"
        )
    if "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    if looks_like_html(text):
        text = html_to_text(text)
    return text


def _too_large(size: int, unit: str) -> InputError:
    return InputError(
        f"input is {size:,} {unit}, more than the limit of {MAX_INPUT_CHARS:,} "
        "(geoconflict.text.MAX_INPUT_CHARS); split the report into smaller files "
        "or use `geoconflict geoparse --jsonl` with one document per line"
    )


_HTML_HINT = re.compile(
    r"<!doctype\s+html|<html[\s>]|<body[\s>]|<head[\s>]|<(?:p|div|article|br|h[1-6]|span|script|style|li|table)[\s/>]",
    re.IGNORECASE,
)


def looks_like_html(text: str) -> bool:
    """True when ``text`` looks like an HTML document or fragment.

    Looks for an HTML doctype or at least two common block/inline tags in the
    first 20,000 characters, so prose that mentions a single ``<p>`` stays text.

    Examples
    --------
    >>> looks_like_html("<html><body><p>Hi</p></body></html>")
    True
    >>> looks_like_html("Rates rose 3% <and> fell.")
    False
    """
    head = text[:20_000]
    if re.match(r"\s*<!doctype\s+html", head, re.IGNORECASE):
        return True
    return len(_HTML_HINT.findall(head)) >= 2


_BLOCK_TAGS = frozenset(
    "p div article section header footer main aside nav blockquote pre h1 h2 h3 h4 h5 h6 "
    "ul ol li dl dt dd table tr thead tbody tfoot caption figure figcaption form fieldset "
    "address hr title body html".split()
)
_DROP_TAGS = frozenset({"script", "style", "noscript", "template", "head", "svg", "iframe", "object"})
_KEEP_IN_HEAD = frozenset({"title"})


class _TextExtractor(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self._skip = 0  # depth inside dropped elements
        self._in_title = False

    def handle_starttag(self, tag, attrs):
        if tag in _DROP_TAGS and not (tag == "head"):
            self._skip += 1
            return
        if tag == "title":
            self._in_title = True
        if tag == "br":
            self.parts.append("\n")
        elif tag in _BLOCK_TAGS:
            self.parts.append("\n\n")

    def handle_startendtag(self, tag, attrs):
        if tag == "br":
            self.parts.append("\n")
        elif tag in _BLOCK_TAGS:
            self.parts.append("\n\n")

    def handle_endtag(self, tag):
        if tag in _DROP_TAGS and tag != "head":
            self._skip = max(0, self._skip - 1)
            return
        if tag == "title":
            self._in_title = False
        if tag in _BLOCK_TAGS:
            self.parts.append("\n\n")

    def handle_data(self, data):
        if not self._skip:
            self.parts.append(data)


def html_to_text(html: str) -> str:
    """Plain text of an HTML document with the standard-library parser.

    ``<script>``, ``<style>`` and similar content is dropped; block elements
    (paragraphs, headings, list items, table rows) become blank-line breaks;
    runs of spaces inside a paragraph collapse to one.

    Examples
    --------
    >>> html_to_text("<h1>Title</h1><p>One&nbsp;two</p><p>Three</p>")
    'Title\\n\\nOne two\\n\\nThree'
    """
    parser = _TextExtractor()
    try:
        parser.feed(html)
        parser.close()
    except Exception as exc:  # html.parser is lenient; keep any failure typed
        raise InputError(f"could not parse the HTML input: {exc}") from None
    raw = "".join(parser.parts).replace("\xa0", " ")
    paragraphs = []
    for block in re.split(r"\n\s*\n", raw):
        lines = [re.sub(r"[ \t\f\v]+", " ", line).strip() for line in block.split("\n")]
        block = "\n".join(line for line in lines if line)
        if block:
            paragraphs.append(block)
    return "\n\n".join(paragraphs)


# ------------------------------------------------------- sentence splitting
#: Tokens ending in "." that do not end a sentence (compared case-insensitively
#: without the final dot).
ABBREVIATIONS = frozenset(
    """
    mr mrs ms dr prof gen lt col maj capt cpt sgt cpl pvt adm cmdr brig rev fr sr jr st mt ft
    gov sen rep pres amb sec hon supt insp det no nos vol fig approx est dept univ inc ltd co corp
    jan feb mar apr jun jul aug sep sept oct nov dec mon tue tues wed thu thur thurs fri sat sun
    vs etc al cf ca e.g i.e u.s u.k u.n u.s.a a.m p.m
    """.split()
)

# A candidate boundary: terminal punctuation, optional closing quotes/brackets,
# then whitespace.  Paragraph breaks always end a sentence.
_BOUNDARY = re.compile(r"[.!?…]+[\"'”’)\]]*(?=\s)|\n\s*\n|\n(?=\s*[-*•–—]\s)")
_INITIALISM = re.compile(r"(?:[a-z]\.)+[a-z]")


def split_sentences(text: str) -> list[Sentence]:
    """Split ``text`` into sentences with character offsets.

    Abbreviation-aware: titles ("Dr.", "Gen.", "St."), initialisms ("U.S.",
    "U.N."), single initials ("J. Smith") and decimals ("3.5 km") do not end a
    sentence.  Paragraph breaks always do.  Leading/trailing whitespace is not
    part of a sentence.

    Examples
    --------
    >>> [s.text for s in split_sentences("Gen. Dar visited St. Mary's. The U.S. said 3.5 km. Ok!")]
    ["Gen. Dar visited St. Mary's.", 'The U.S. said 3.5 km.', 'Ok!']
    >>> s = split_sentences("  One.  Two.")[1]
    >>> (s.start, s.end, s.text)
    (8, 12, 'Two.')
    """
    sentences: list[Sentence] = []
    start = 0
    n = len(text)
    for m in _BOUNDARY.finditer(text):
        end = m.end()
        token = m.group()
        if token[0] == ".":
            if not _ends_sentence(text, m.start(), m.end()):
                continue
        _append(sentences, text, start, end)
        start = end
    _append(sentences, text, start, n)
    return sentences


def _ends_sentence(text: str, dot: int, after: int) -> bool:
    """Decide whether the '.' at ``dot`` closes a sentence."""
    if text[dot : after].count(".") > 1 and text[dot:after].startswith("..."):
        return True  # ellipsis
    # the word the dot belongs to
    i = dot
    while i > 0 and not text[i - 1].isspace() and text[i - 1] not in "\"'“‘(":
        i -= 1
    word = text[i:dot]
    bare = word.rstrip(".").lower()
    # next non-space character
    j = after
    while j < len(text) and text[j] in " \t":
        j += 1
    nxt = text[j] if j < len(text) else ""
    if not word:
        return True
    if bare in ABBREVIATIONS:
        # "the U.S. said" -> continues; "... in the U.S. The next" -> ends.
        # Titles (Dr., Gen.) never end a sentence; initialisms do before a
        # capitalised ordinary sentence start only when followed by a newline.
        if bare in {"u.s", "u.k", "u.n", "u.s.a", "etc", "a.m", "p.m"}:
            return nxt == "" or text[after:j + 1].count("\n") > 0
        return False
    if len(bare) == 1 and bare.isalpha() and word[0].isupper():
        return False  # an initial: "J. Smith"
    if _INITIALISM.fullmatch(bare):
        return nxt == "" or (nxt.isupper() and text[after:j + 1].count("\n") > 0)
    if nxt and (nxt.islower() or nxt.isdigit()):
        return False  # "approx. five" or a lower-case continuation
    return True


def _append(out: list[Sentence], text: str, start: int, end: int) -> None:
    # str.strip() drops exactly the characters str.isspace() accepts, in C
    # rather than a Python loop per character
    piece = text[start:end]
    body = piece.strip()
    if body:
        start += len(piece) - len(piece.lstrip())
        out.append(Sentence(start, start + len(body), body))
