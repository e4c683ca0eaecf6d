"""French text analysis for the SQLite search index, done in Python.

PostgreSQL does the same work in the database (text search configuration
`french_unaccent`, created by this app's migration); SQLite's FTS5 only
splits words and folds case, so without this "femme" would not find "femmes".
"""

import re
import threading
import unicodedata

import Stemmer

# Only at the start of a word: "aujourd'hui" and "presqu'île" keep theirs,
# as PostgreSQL's french configuration does.
ELISION = re.compile(r"\b(?:qu|[cdjlmnst])'")
# Same word boundaries as FTS5's unicode61 tokenizer, which splits on "_".
WORD = re.compile(r"[^\W_]+")
# Ligatures have no decomposition in Unicode; people type "oeuvre" for "œuvre".
LIGATURES = str.maketrans({"œ": "oe", "æ": "ae"})

# PyStemmer's stemmers keep a cache and are not safe to share between threads.
_local = threading.local()


def _stemmer():
    if not hasattr(_local, "stemmer"):
        _local.stemmer = Stemmer.Stemmer("french")
    return _local.stemmer


def fold(text: str) -> str:
    """Lower case, no accents, typographic apostrophes made plain."""
    text = text.casefold().translate(LIGATURES).replace("\u2019", "'")
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(char for char in decomposed if not unicodedata.combining(char))


def french_terms(text: str) -> list[str]:
    """The stems of `text`'s words, in order, elisions dropped.

    Accents go before stemming, so that a word typed without its accents
    ("educations") gets the same stem as the word written properly.
    """
    words = WORD.findall(ELISION.sub(" ", fold(text)))
    return _stemmer().stemWords(words)


def french_text(text: str) -> str:
    return " ".join(french_terms(text))
