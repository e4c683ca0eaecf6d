"""Checks on uploaded PDFs, shared by the document page and the upload form.

A name ending in .pdf proves nothing: readers are promised a PDF they can
open, so the content itself must start with the PDF signature.
"""

import os

from django.conf import settings
from django.core.exceptions import ValidationError

PDF_SIGNATURE = b"%PDF-"
MEGABYTE = 1024 * 1024


def is_pdf_name(name: str) -> bool:
    return name.lower().endswith(".pdf")


def validate_pdf(file) -> None:
    """Refuse a file not named .pdf or whose content is not a PDF."""
    name = os.path.basename(file.name or "")
    if not is_pdf_name(name):
        raise ValidationError(
            f"Le fichier doit être un PDF : « {name} » n'a pas l'extension .pdf.",
            code="not_pdf",
        )
    validate_pdf_content(file)


def validate_pdf_content(file) -> None:
    if _head(file, len(PDF_SIGNATURE)) != PDF_SIGNATURE:
        name = os.path.basename(file.name or "")
        raise ValidationError(
            f"Le fichier doit être un PDF : « {name} » porte l'extension .pdf "
            "mais son contenu n'est pas celui d'un PDF.",
            code="not_pdf",
        )


def validate_pdf_size(file) -> None:
    limit = settings.WAGTAILDOCS_MAX_UPLOAD_SIZE
    if limit is None:
        return
    try:
        size = file.size
    except OSError:
        size = 0  # a missing file is reported as not a PDF
    if size > limit:
        raise ValidationError(
            f"Le fichier dépasse {limit // MEGABYTE} Mo.", code="too_large"
        )


def _head(file, length: int) -> bytes:
    """The file's first bytes, leaving the file open or closed as it was.

    An upload being validated is open and will be saved next, so it is only
    rewound; a stored file is opened for the check and closed again.
    """
    was_closed = file.closed
    try:
        if was_closed:
            file.open("rb")
        file.seek(0)
        return file.read(length)
    except OSError:
        return b""
    finally:
        if was_closed:
            file.close()
        else:
            file.seek(0)
