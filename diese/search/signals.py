from django.db import transaction
from django.dispatch import receiver
from wagtail.signals import page_published


@receiver(page_published)
def learn_published_words(sender, instance, **kwargs):
    from .tasks import add_page_terms_task

    transaction.on_commit(lambda: add_page_terms_task.enqueue(instance.pk))
