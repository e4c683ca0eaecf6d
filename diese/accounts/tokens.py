"""One-time links sent by e-mail: sign-up confirmation and sign-in.

A link carries the user's id and a fingerprint of the state it is meant to
change; once that state has changed (account activated, user signed in) the
link no longer matches and reads as used.
"""

from django.core import signing
from django.utils.crypto import salted_hmac

from .models import User

SIGNUP = "signup"
LOGIN = "login"


class LinkError(Exception):
    pass


class LinkExpired(LinkError):
    pass


class LinkInvalid(LinkError):
    pass


class LinkUsed(LinkError):
    pass


def _fingerprint(user: User, purpose: str) -> str:
    if purpose == SIGNUP:
        state = f"{user.is_active}"
    else:
        state = f"{user.is_active}{user.last_login}{user.password}"
    return salted_hmac(f"diese.accounts.{purpose}", state).hexdigest()[:20]


def make_link_token(user: User, purpose: str) -> str:
    return signing.dumps(
        [user.pk, _fingerprint(user, purpose)], salt=f"diese.accounts.{purpose}"
    )


def read_link_token(token: str, purpose: str, max_age: int) -> User:
    """Return the user a link is for, or raise LinkExpired/LinkInvalid/LinkUsed."""
    try:
        pk, fingerprint = signing.loads(
            token, salt=f"diese.accounts.{purpose}", max_age=max_age
        )
    except signing.SignatureExpired:
        raise LinkExpired from None
    except (signing.BadSignature, ValueError, TypeError):
        raise LinkInvalid from None
    user = User.objects.filter(pk=pk).first()
    if user is None:
        raise LinkInvalid
    if _fingerprint(user, purpose) != fingerprint:
        raise LinkUsed
    return user
