"""Result snippets: a short extract around the first matching word, with the
words that match the query (by their French stem) marked."""

import functools
import re
from dataclasses import dataclass
from html import unescape

from django.utils.html import escape
from django.utils.safestring import mark_safe
from wagtail.fields import RichTextField
from wagtail.models import Page

from .analysis import fold, french_terms

SNIPPET_LENGTH = 240
# Rich text is Wagtail's own, sanitised HTML: removing its tags is enough
# (django's strip_tags parses it, several times slower).
TAG = re.compile(r"<[^>]*>")


@functools.cache
def _text_fields(model) -> tuple[tuple[str, bool], ...]:
    """(name, is rich text) of a model's text fields, but Wagtail's own page
    fields (url_path…), which are not what readers see."""
    return tuple(
        (field.name, isinstance(field, RichTextField))
        for field in model._meta.get_fields()
        if getattr(field, "model", None) is not Page
        and (
            isinstance(field, RichTextField) or field.get_internal_type() == "TextField"
        )
    )


def page_text(page) -> str:
    """The words a reader sees on a page: summary, then its text fields,
    each text once (a description may repeat the summary word for word)."""
    parts = [getattr(page, "summary", "") or page.search_description or ""]
    for name, rich in _text_fields(type(page)):
        value = getattr(page, name, "")
        if value and isinstance(value, str):
            parts.append(unescape(TAG.sub(" ", value)) if rich else value)
    texts = dict.fromkeys(" ".join(part.split()) for part in parts)
    return " ".join(text for text in texts if text)


@functools.lru_cache(maxsize=20_000)
def _word_stems(word: str) -> frozenset[str]:
    """The stems of one word of a page; pages share most of their words."""
    return frozenset(french_terms(word))


@functools.cache
def _spellings() -> dict[str, frozenset[str]]:
    """Each letter → the letters that fold to it (either case, any accent,
    ligatures for their first letter): "e" → "eEéÉèÈ…"."""
    found = {}
    for char in map(chr, range(0x0250)):  # Latin, with its accents
        folded = fold(char)
        if char.isalnum() and folded:
            found.setdefault(folded[0], set()).add(char)
    return {letter: frozenset(chars) for letter, chars in found.items()}


@dataclass(frozen=True)
class QueryStems:
    """The stems highlight() marks, and the words that may have one.

    A French stem keeps its word's first letter (Snowball only changes
    endings), so only the words starting with a letter that folds to a
    stem's first one are stemmed: a page that holds none of the query's
    words (a match by its title) is not stemmed word by word.
    """

    stems: frozenset[str]
    candidates: re.Pattern

    def marked(self, word: str) -> bool:
        return bool(_word_stems(word) & self.stems)


def query_stems(query: str) -> QueryStems:
    """The stems of the query's words, for highlight()."""
    stems = frozenset(french_terms(query))
    letters = set()
    for stem in stems:
        letters |= _spellings().get(stem[0], {stem[0]}) | {stem[0], stem[0].upper()}
    if not letters:
        return QueryStems(stems, re.compile(r"(?!)"))
    starts = "".join(re.escape(letter) for letter in sorted(letters))
    # A whole word (as analysis.WORD finds them) starting with one of them.
    return QueryStems(stems, re.compile(rf"(?<![^\W_])[{starts}][^\W_]*"))


def highlight(text: str, query: QueryStems, length: int = SNIPPET_LENGTH) -> str:
    """An escaped extract of `text` with the words of the query (see
    query_stems()) in <mark>."""
    words = query.candidates
    first = next((m for m in words.finditer(text) if query.marked(m.group())), None)
    start = 0
    if first and first.start() > length // 3:
        start = text.rfind(" ", 0, first.start() - length // 3) + 1
    end = min(len(text), start + length)
    if end < len(text):
        end = max(text.rfind(" ", start, end), start + length // 2)
    pieces, cursor = [], start
    for match in words.finditer(text, start):
        if match.end() > end:
            break
        if not query.marked(match.group()):
            continue
        pieces.append(escape(text[cursor : match.start()]))
        pieces.append(f"<mark>{escape(match.group())}</mark>")
        cursor = match.end()
    pieces.append(escape(text[cursor:end]))
    extract = "".join(pieces)
    if start > 0:
        extract = "… " + extract
    if end < len(text):
        extract += " …"
    return mark_safe(extract)
