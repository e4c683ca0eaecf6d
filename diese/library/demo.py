"""Demo documents: topics from well-known public bodies, with small real PDFs.

The PDFs are written here byte by byte, so the demo needs no PDF library and
every download opens in a PDF reader.
"""

from datetime import date

from django.core.files.base import ContentFile
from wagtail.documents import get_document_model

from diese.taxonomy.models import Audience, Theme

from .enums import DocumentKind
from .models import DocumentPage, LibraryIndexPage

DEMO_NOTICE = "Document de démonstration du site Diese."

DOCUMENTS = [
    {
        "title": "Repérer les situations d'illettrisme : guide pour les professionnels",
        "filename": "guide-reperage-illettrisme.pdf",
        "summary": "Des repères pour reconnaître les difficultés avec l'écrit sans stigmatiser, et orienter vers une formation adaptée.",
        "kind": DocumentKind.GUIDE,
        "author_or_publisher": "ANLCI (Agence nationale de lutte contre l'illettrisme)",
        "publication_date": date(2023, 3, 15),
        "body": "<p>Les signes qui doivent alerter en entretien, la manière d'en parler avec la personne, et les ressources vers lesquelles orienter.</p><p>Le fichier joint est un exemple de démonstration ; les guides de l'agence sont sur anlci.gouv.fr.</p>",
        "lines": [
            "Signes qui doivent alerter en entretien",
            "En parler avec la personne sans la mettre en difficulté",
            "Orienter vers une formation aux compétences de base",
        ],
        "themes": ["lecture-ecriture-calcul"],
        "audiences": ["actifs", "demandeurs-emploi"],
    },
    {
        "title": "L'accompagnement des allocataires du RSA : état des lieux",
        "filename": "rapport-accompagnement-allocataires-rsa.pdf",
        "summary": "Comment les allocataires du RSA sont orientés et accompagnés, et ce qui freine l'accès à un accompagnement régulier.",
        "kind": DocumentKind.REPORT,
        "author_or_publisher": "DREES (ministère des Solidarités)",
        "publication_date": date(2024, 6, 1),
        "body": "<p>Délais d'orientation, contrats d'engagement, fréquence des rendez-vous : un panorama utile pour situer sa pratique d'accompagnement.</p><p>Le fichier joint est un exemple de démonstration ; les publications de la DREES sont sur drees.solidarites-sante.gouv.fr.</p>",
        "lines": [
            "Orientation des allocataires : délais et critères",
            "Contrats d'engagement et rythme des rendez-vous",
            "Freins à un accompagnement régulier",
        ],
        "themes": ["trouver-un-emploi", "difficultes-financieres"],
        "audiences": ["beneficiaires-des-minimas-sociaux"],
    },
    {
        "title": "Rendre une formation accessible aux personnes en situation de handicap",
        "filename": "guide-accessibilite-formations.pdf",
        "summary": "Aménager les locaux, les supports et le rythme d'une formation pour accueillir des stagiaires en situation de handicap.",
        "kind": DocumentKind.GUIDE,
        "author_or_publisher": "Agefiph",
        "publication_date": date(2022, 11, 10),
        "body": "<p>Une démarche pas à pas pour les organismes de formation : repérer les besoins, adapter les supports, mobiliser les aides existantes.</p><p>Le fichier joint est un exemple de démonstration ; les guides de l'Agefiph sont sur agefiph.fr.</p>",
        "lines": [
            "Repérer les besoins de compensation avant l'entrée en formation",
            "Adapter les supports, les locaux et le rythme",
            "Mobiliser les aides et les référents handicap",
        ],
        "themes": ["se-former"],
        "audiences": ["personnes-en-situation-de-handicap"],
    },
]


def _pdf_text(text: str) -> bytes:
    """A PDF literal string in the standard fonts' WinAnsi (cp1252) encoding."""
    raw = text.encode("cp1252")
    return (
        b"("
        + raw.replace(b"\\", b"\\\\").replace(b"(", b"\\(").replace(b")", b"\\)")
        + b")"
    )


def _pdf_info_text(text: str) -> bytes:
    """A PDF text string for metadata: UTF-16 with its byte order mark."""
    return b"<" + ("\ufeff" + text).encode("utf-16-be").hex().upper().encode() + b">"


def demo_pdf(title: str, lines: list[str]) -> bytes:
    """A valid one-page A4 PDF: a title, some lines and the demo notice."""
    operations = [b"BT", b"/F1 14 Tf", b"56 780 Td", _pdf_text(title) + b" Tj"]
    operations += [b"/F1 11 Tf", b"0 -36 Td"]
    for line in lines:
        operations += [_pdf_text("- " + line) + b" Tj", b"0 -18 Td"]
    operations += [b"0 -18 Td", _pdf_text(DEMO_NOTICE) + b" Tj", b"ET"]
    content = b"\n".join(operations)

    objects = [
        b"<< /Type /Catalog /Pages 2 0 R /Lang (fr-FR) >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842]"
        b" /Resources << /Font << /F1 4 0 R >> >> /Contents 5 0 R >>",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica"
        b" /Encoding /WinAnsiEncoding >>",
        b"<< /Length %d >>\nstream\n%s\nendstream" % (len(content), content),
        b"<< /Title %s /Producer (Diese) >>" % _pdf_info_text(title),
    ]
    # The second line's high bytes tell transfer tools the file is binary.
    pdf = bytearray(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(pdf))
        pdf += b"%d 0 obj\n%s\nendobj\n" % (number, body)
    xref_offset = len(pdf)
    # Every cross-reference entry is exactly 20 bytes, end of line included.
    pdf += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    pdf += b"".join(b"%010d 00000 n \n" % offset for offset in offsets)
    pdf += b"trailer\n<< /Size %d /Root 1 0 R /Info %d 0 R >>\n" % (
        len(objects) + 1,
        len(objects),
    )
    pdf += b"startxref\n%d\n%%%%EOF\n" % xref_offset
    return bytes(pdf)


def _demo_document(*, title: str, filename: str, lines: list[str], owner):
    Document = get_document_model()
    document = Document.objects.filter(title=title).first()
    if document is None:
        document = Document(
            title=title,
            file=ContentFile(demo_pdf(title, lines), name=filename),
            uploaded_by_user=owner,
        )
        document._set_document_file_metadata()
        document.save()
    return document


def load_demo_documents(*, index: LibraryIndexPage, owner) -> None:
    for data in DOCUMENTS:
        data = dict(data)
        if DocumentPage.objects.filter(title=data["title"]).exists():
            continue
        themes = data.pop("themes")
        audiences = data.pop("audiences")
        document = _demo_document(
            title=data["title"],
            filename=data.pop("filename"),
            lines=data.pop("lines"),
            owner=owner,
        )
        page = DocumentPage(owner=owner, document=document, **data)
        page.themes.set(Theme.objects.filter(slug__in=themes))
        page.audiences.set(Audience.objects.filter(slug__in=audiences))
        index.add_child(instance=page)
        page.save_revision(user=owner).publish()
        index.refresh_from_db()
