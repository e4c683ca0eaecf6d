from django_tasks import task

from . import services
from .models import Letter


@task()
def send_letter(letter_id: int) -> None:
    """Send (or resume sending) a letter; see `services.letter_send`."""
    letter = Letter.objects.filter(pk=letter_id).first()
    if letter is not None:
        services.letter_send(letter=letter)
