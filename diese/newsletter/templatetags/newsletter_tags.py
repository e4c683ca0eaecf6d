from django import template
from django.urls import reverse

from ..models import Subscriber
from ..services import manage_token

register = template.Library()


@register.inclusion_tag("newsletter/partials/profile_subscription.html")
def newsletter_subscription(user):
    """A member's subscription to La Lettre, for their profile page.

    Their account address is verified, so they get their management link.
    """
    subscriber = Subscriber.objects.filter(email=user.email.strip().lower()).first()
    manage_url = (
        reverse("newsletter:manage", args=[manage_token(subscriber)])
        if subscriber is not None and subscriber.is_confirmed
        else ""
    )
    return {
        "email": user.email,
        "subscriber": subscriber,
        "manage_url": manage_url,
        "signup_url": reverse("newsletter:signup"),
    }
