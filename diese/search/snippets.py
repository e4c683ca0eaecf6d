"""Result snippets: a short extract around the first matching word, with the
words that match the query (by their French stem) marked."""

import functools
import re
from html import unescape

from django.utils.html import escape
from django.utils.safestring import mark_safe
from wagtail.fields import RichTextField
from wagtail.models import Page

from .analysis import french_terms

SNIPPET_LENGTH = 240
WORD = re.compile(r"\w+", re.UNICODE)
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
    """The words a reader sees on a page: summary, then its text fields."""
    parts = [getattr(page, "summary", "") or page.search_description or ""]
    for name, rich in _text_fields(type(page)):
        value = getattr(page, name, "")
        if value and isinstance(value, str):
            parts.append(unescape(TAG.sub(" ", value)) if rich else value)
    return " ".join(" ".join(parts).split())


@functools.lru_cache(maxsize=20_000)
def _word_stems(word: str) -> frozenset[str]:
    """The stems of one word of a page; pages share most of their words."""
    return frozenset(french_terms(word))


def query_stems(query: str) -> frozenset[str]:
    """The stems highlight() marks: those of the query's words."""
    return frozenset(french_terms(query))


def highlight(text: str, stems: frozenset[str], length: int = SNIPPET_LENGTH) -> str:
    """An escaped extract of `text` with the words of these `stems` (see
    query_stems()) in <mark>."""
    first = next(
        (m for m in WORD.finditer(text) if _word_stems(m.group()) & stems), None
    )
    start = 0
    if first and first.start() > length // 3:
        start = text.rfind(" ", 0, first.start() - length // 3) + 1
    end = min(len(text), start + length)
    if end < len(text):
        end = max(text.rfind(" ", start, end), start + length // 2)
    pieces, cursor = [], start
    for match in WORD.finditer(text, start):
        if match.end() > end:
            break
        if not _word_stems(match.group()) & stems:
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
