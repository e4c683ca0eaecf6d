from wagtail.documents.forms import BaseDocumentForm

from .validators import is_pdf_name, validate_pdf_content


class DocumentForm(BaseDocumentForm):
    """Wagtail's document upload form (WAGTAILDOCS_DOCUMENT_FORM_BASE).

    Other formats stay allowed (WAGTAILDOCS_EXTENSIONS), so only a file that
    claims to be a PDF has its content checked; the size limit is already
    enforced by Wagtail's file field.
    """

    def clean_file(self):
        file = self.cleaned_data.get("file")
        if file and "file" in self.changed_data and is_pdf_name(file.name):
            validate_pdf_content(file)
        return file

    def _post_clean(self):
        # Wagtail's Document.clean() checks the extension of the instance's
        # file, still empty when the upload itself was refused (not a PDF, too
        # large): it would add "extension «  » not allowed" to the real reason.
        refused = len(self._errors.get("file", []))
        super()._post_clean()
        if refused:
            del self._errors["file"][refused:]
