from datetime import timedelta

from django_tasks import task

from . import services
from .enums import LetterStatus
from .models import Letter

# After an SMTP failure, the sending task tries again this much later.
RETRY_AFTER = timedelta(minutes=10)


@task()
def send_letter(letter_id: int) -> None:
    """Send (or resume sending) a letter; see `services.letter_send`.

    If the SMTP server fails, the letter stays « en cours d'envoi » and the
    task queues itself again for later, where it stopped: the worker alone
    brings the letter to everyone, with nobody getting it twice.
    """
    letter = Letter.objects.filter(pk=letter_id).first()
    if letter is None:
        return
    letter = services.letter_send(letter=letter)
    if letter.status == LetterStatus.SENDING:
        services.letter_retry_later(letter=letter, delay=RETRY_AFTER)
