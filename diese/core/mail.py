from django.conf import settings
from django.core.mail import EmailMessage
from django.template.loader import render_to_string


def send_templated_mail(*, to: str, template: str, context: dict) -> None:
    """Send a plain-text e-mail from `<template>_subject.txt` and `<template>.txt`."""
    context = {"site_name": settings.WAGTAIL_SITE_NAME, **context}
    subject = " ".join(render_to_string(f"{template}_subject.txt", context).split())
    body = render_to_string(f"{template}.txt", context)
    EmailMessage(subject=subject, body=body, to=[to]).send()
