import re
from datetime import date

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from wagtail.documents.forms import get_document_form
from wagtail.documents.models import Document
from wagtail.models import Collection
from wagtail.test.utils.form_data import nested_form_data, rich_text

from diese.library.demo import DOCUMENTS, load_demo_documents
from diese.library.enums import DocumentKind
from diese.library.models import DocumentPage

from ..factories import PdfDocumentFactory
from ..utils import EVERY_FACET, query_counts, text

MEGABYTE = 1024 * 1024


@pytest.fixture(autouse=True)
def media_root(settings, tmp_path):
    """Uploaded files, some of them 20 MB, go to a folder deleted afterwards."""
    settings.MEDIA_ROOT = tmp_path


def _pdf_of_size(size):
    return b"%PDF-1.4\n%" + b"x" * (size - 10)


def test_document_page_shows_a_download_link_with_format_and_size(
    client, make_document_page
):
    document = PdfDocumentFactory(
        file__filename="rapport.pdf", file__data=_pdf_of_size(int(1.2 * MEGABYTE))
    )
    page = make_document_page(
        title="Rapport sur l'accompagnement",
        document=document,
        kind=DocumentKind.REPORT,
        author_or_publisher="Agence de démonstration",
        publication_date=date(2024, 6, 1),
        body="<p>Un panorama des pratiques.</p>",
        terms={"audiences": ["jeunes"]},
    )

    html = text(client.get(page.url))

    link = re.search(r'<a class="button" href="([^"]+)">([^<]+)</a>', html)
    assert link.group(2) == "Télécharger le document (PDF, 1,2\xa0Mo)"
    assert link.group(1) == document.url
    download = client.get(document.url)
    assert download.status_code == 200
    assert b"".join(download.streaming_content).startswith(b"%PDF-")
    download.close()
    for label, value in [
        ("Type de document", "Rapport"),
        ("Auteur ou éditeur", "Agence de démonstration"),
        ("Date de parution", "1 juin 2024"),
    ]:
        assert f"<dt>{label}</dt><dd>{value}</dd>" in html
    assert "<h2>Présentation</h2>" in html
    assert 'href="/publics/jeunes/"' in html
    assert 'href="/documentation/?type=rapport"' in html


def test_index_lists_documents_with_their_format_and_filters_by_kind(
    client, make_document_page
):
    make_document_page(title="Un guide", kind=DocumentKind.GUIDE)
    make_document_page(title="Un rapport", kind=DocumentKind.REPORT)

    every = client.get("/documentation/")
    reports = client.get("/documentation/?type=rapport")

    assert [i.title for i in every.context["items"]] == ["Un rapport", "Un guide"]
    assert "· PDF, " in text(every)
    assert [i.title for i in reports.context["items"]] == ["Un rapport"]


def _page_form(document, action="action-publish"):
    data = nested_form_data(
        {
            "title": "Guide du repérage",
            "slug": "guide-du-reperage",
            "summary": "Un guide pour repérer les difficultés avec l'écrit.",
            "document": document.pk,
            "kind": DocumentKind.GUIDE,
            "author_or_publisher": "Agence de démonstration",
            "publication_date": "2024-03-01",
            "body": rich_text(""),
            "collected_from": "",
            "review_date": "",
            "comments": {"TOTAL_FORMS": 0, "INITIAL_FORMS": 0},
        }
    )
    data[action] = "1"
    return data


@pytest.mark.ignore_template_errors  # Wagtail's admin templates, not ours
@pytest.mark.parametrize(
    "document_kwargs,message",
    [
        (
            {"fake": True},
            "Le fichier doit être un PDF : « faux.pdf » porte l'extension .pdf "
            "mais son contenu n'est pas celui d'un PDF.",
        ),
        (
            {"file__filename": "notes.txt"},
            "Le fichier doit être un PDF : « notes.txt » n'a pas l'extension .pdf.",
        ),
        (
            {
                "file__filename": "enorme.pdf",
                "file__data": _pdf_of_size(20 * MEGABYTE + 1),
            },
            "Le fichier dépasse 20 Mo.",
        ),
    ],
)
@pytest.mark.parametrize("action", ["action-publish", "action-save"])
def test_a_page_with_a_fake_or_oversized_pdf_is_refused_and_not_saved(
    client, library_index, superuser, document_kwargs, message, action
):
    document = PdfDocumentFactory(**document_kwargs)
    client.force_login(superuser)

    response = client.post(
        f"/admin/pages/add/library/documentpage/{library_index.pk}/",
        _page_form(document, action),
    )

    assert response.status_code == 200
    assert message in text(response)
    assert not DocumentPage.objects.exists()


def test_a_page_with_a_real_pdf_is_published_from_the_admin(
    client, library_index, superuser
):
    client.force_login(superuser)

    response = client.post(
        f"/admin/pages/add/library/documentpage/{library_index.pk}/",
        _page_form(PdfDocumentFactory()),
    )

    assert response.status_code == 302
    assert DocumentPage.objects.get().live


def test_the_model_refuses_a_fake_pdf_on_the_document_field(library_index):
    page = DocumentPage(
        title="Faux",
        slug="faux",
        summary="x",
        document=PdfDocumentFactory(fake=True),
        kind=DocumentKind.OTHER,
        author_or_publisher="x",
        publication_date=date(2024, 1, 1),
    )

    with pytest.raises(ValidationError) as error:
        page.full_clean()

    assert error.value.message_dict["document"][0].startswith(
        "Le fichier doit être un PDF : "
    )


def _upload_form(name, content):
    form_class = get_document_form(Document)
    return form_class(
        data={
            "title": "Un document",
            "collection": Collection.get_first_root_node().pk,
        },
        files={"file": SimpleUploadedFile(name, content)},
    )


def test_document_upload_refuses_a_file_named_pdf_that_is_not_one(db):
    form = _upload_form("faux.pdf", b"PK\x03\x04 un document Word renomme")

    assert not form.is_valid()
    assert form.errors["file"] == [
        "Le fichier doit être un PDF : « faux.pdf » porte l'extension .pdf "
        "mais son contenu n'est pas celui d'un PDF."
    ]


def test_document_upload_of_an_oversized_file_gives_only_the_size_reason(db, settings):
    settings.WAGTAILDOCS_MAX_UPLOAD_SIZE = 1000
    form = _upload_form("gros.pdf", _pdf_of_size(2000))

    assert not form.is_valid()
    (message,) = form.errors["file"]
    assert message.startswith("Ce fichier est trop gros")


def test_document_upload_accepts_a_real_pdf_and_other_formats(db):
    pdf = _upload_form("vrai.PDF", _pdf_of_size(1000))
    spreadsheet = _upload_form("tableau.csv", b"nom;public\n")

    assert pdf.is_valid(), pdf.errors
    assert spreadsheet.is_valid(), spreadsheet.errors
    document = pdf.save()
    with document.open_file() as f:
        assert f.read(5) == b"%PDF-"  # the check left the upload rewound


def _check_pdf_structure(data: bytes):
    """Header, trailer and every cross-reference offset pointing at its object."""
    assert data.startswith(b"%PDF-")
    assert data.rstrip().endswith(b"%%EOF")
    xref = int(re.search(rb"startxref\n(\d+)\n%%EOF", data).group(1))
    assert data[xref:].startswith(b"xref\n0 ")
    count = int(re.match(rb"xref\n0 (\d+)\n", data[xref:]).group(1))
    entries = re.findall(rb"(\d{10}) 00000 n \n", data[xref:])
    assert len(entries) == count - 1
    for number, offset in enumerate(entries, start=1):
        assert data[int(offset) :].startswith(b"%d 0 obj" % number)


def test_demo_documents_are_real_pdfs_and_loading_twice_adds_nothing(
    library_index, author
):
    load_demo_documents(index=library_index, owner=author)
    load_demo_documents(index=library_index, owner=author)

    pages = DocumentPage.objects.live()
    assert pages.count() == len(DOCUMENTS) == 3
    assert Document.objects.count() == 3
    for page in pages:
        page.full_clean()
        with page.document.open_file() as f:
            _check_pdf_structure(f.read())
        assert page.document.file_size == page.document.file.size


def test_index_query_count_does_not_grow_with_items(client, make_document_page):
    def add_documents(n):
        for _ in range(n):
            make_document_page(terms=EVERY_FACET)

    few, many = query_counts(client, "/documentation/?public=jeunes", add_documents)

    assert many == few <= 30
