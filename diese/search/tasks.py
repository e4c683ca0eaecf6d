from django_tasks import task
from wagtail.models import Page

from .vocabulary import add_page_terms


@task()
def add_page_terms_task(page_id: int) -> None:
    """Teach typo tolerance the words of a page just published."""
    page = Page.objects.filter(pk=page_id).first()
    if page is not None:
        add_page_terms(page)
