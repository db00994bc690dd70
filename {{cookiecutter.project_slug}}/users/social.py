"""Social login with python-social-auth, for API clients that keep no session.

python-social-auth keeps the OAuth `state` in the server session, which a single-page or
mobile app calling the API does not have. Here the state is signed instead: it names the
redirect URI it was issued for (and, to connect a provider, the user), expires after
SOCIAL_AUTH_STATE_MAX_AGE seconds and is spent on first use, which the database records
so that every worker sees it.
"""

import hashlib
{% if cookiecutter.username_field == "username" %}
import re
{% endif %}
import secrets
import time

from django.conf import settings
from django.core import signing
from django.db import IntegrityError, transaction
from django.utils.module_loading import import_string
from django.utils.translation import gettext_lazy as _
from social_core.utils import url_add_parameters
from social_django.models import DjangoStorage, Nonce
from social_django.strategy import DjangoStrategy

from users import signals
from users.models import User

NONCE_SCOPE = "users.social.state"
EMAIL_TAKEN = _("This email address has an account: log in to it and connect the provider.")


class SocialLoginError(Exception):
    """A login the API refuses, with a message for the client."""


class InvalidState(SocialLoginError):
    pass


class Strategy(DjangoStrategy):
    """python-social-auth's Django strategy, reading the callback parameters from the
    validated request body and keeping nothing in the session."""

    def __init__(self, request, data):
        super().__init__(DjangoStorage, request)
        self.session = {}
        self.data = data

    def get_request_data(self, merge=True):
        return self.data

    def authenticate(self, backend, **kwargs):
        # Straight to the pipeline: the providers are not Django AUTHENTICATION_BACKENDS,
        # so password logins never try them.
        kwargs.update(strategy=self, storage=self.storage, backend=backend)
        return backend.authenticate(self.request, **kwargs)


class IdentifyingStrategy(Strategy):
    """Finds the user the provider account is connected to, and changes nothing."""

    def authenticate(self, backend, response, **kwargs):
        uid = backend.get_user_id(backend.get_user_details(response), response)
        account = self.storage.user.get_social_auth(backend.name, str(uid), backend.id_key())
        return account.user if account is not None else None


def providers():
    """The names of the providers users can log in with."""
    return {import_string(path).name for path in settings.SOCIAL_AUTH_AUTHENTICATION_BACKENDS}


def load_backend(request, provider, *, data=None, strategy_class=Strategy):
    backend = strategy_class(request, data or {}).get_backend(provider)
    # The state is ours (see spend_state), not the backend's, which lives in a session.
    backend.STATE_PARAMETER = backend.REDIRECT_STATE = False
    return backend


def authorization_url(request, provider, *, redirect_uri, state):
    backend = load_backend(request, provider)
    backend.redirect_uri = redirect_uri
    return url_add_parameters(backend.auth_url(), {"state": state})


def issue_state(*, provider, redirect_uri, user=None):
    value = f"{secrets.token_urlsafe(16)}.{int(time.time())}.{_digest(redirect_uri)}"
    return _signer(provider, user).sign(value)


def spend_state(*, provider, state, user=None):
    """Return the redirect URI `state` was issued for, the first time only."""
    try:
        nonce, issued, digest = _signer(provider, user).unsign(state).split(".")
        issued = int(issued)
    except (signing.BadSignature, ValueError) as error:
        raise InvalidState(_("Invalid state.")) from error
    max_age = settings.SOCIAL_AUTH_STATE_MAX_AGE
    if not 0 <= time.time() - issued <= max_age:
        raise InvalidState(_("The state has expired: start the login again."))
    redirect_uri = next(
        (uri for uri in settings.SOCIAL_AUTH_ALLOWED_REDIRECT_URIS if _digest(uri) == digest),
        None,
    )
    if redirect_uri is None:
        raise InvalidState(_("The redirect URI of this state is no longer allowed."))
    Nonce.objects.filter(server_url=NONCE_SCOPE, timestamp__lt=time.time() - max_age).delete()
    try:
        with transaction.atomic():
            Nonce.objects.create(server_url=NONCE_SCOPE, timestamp=issued, salt=nonce)
    except IntegrityError as error:
        raise InvalidState(_("This state has already been used.")) from error
    return redirect_uri


def _signer(provider, user):
    # A state is good for one provider, and a connect state for one user only.
    purpose = f"connect:{user.pk}" if user is not None else "login"
    return signing.Signer(salt=f"{NONCE_SCOPE}:{provider}:{purpose}")


def _digest(redirect_uri):
    return hashlib.sha256(redirect_uri.encode()).hexdigest()[:16]


def email_verification(response, email):
    """True or False when the provider says whether it verified `email`, in an OpenID
    Connect `email_verified` claim (Google, Apple) or a list of `emails` (GitHub); None
    when it does not say (Facebook, GitLab)."""
    if "email_verified" in response:
        return response["email_verified"] in (True, "true")
    emails = response.get("emails")
    if not isinstance(emails, list):
        return None
    return any(
        isinstance(entry, dict) and entry.get("email") == email and entry.get("verified") is True
        for entry in emails
    )


def associate_by_verified_email(backend, details, response, user=None, *args, **kwargs):
    """Pipeline step: log in the account that owns the provider's verified address, when
    the project opts in. Never an unverified one: whoever controls the provider account
    would take over the account that owns the address."""
    if user is not None or not settings.SOCIAL_AUTH_ASSOCIATE_BY_VERIFIED_EMAIL:
        return None
    email = details.get("email")
    if not email or email_verification(response, email) is not True:
        return None
    owner = User.objects.with_email(email).first()
    return {"user": owner} if owner is not None else None


def create_user(strategy, backend, details, response, user=None, *args, **kwargs):
    """Pipeline step: a new account for a new provider account, with an unusable
    password until the user sets one through a password reset."""
    if user is not None:
        return {"is_new": False}
    email = details.get("email")
    if not email:
        raise SocialLoginError(_("The provider did not share an email address."))
    # Someone else's address, unverified, would leave its owner an account they can reset
    # the password of, and whoever made it a way in.
    if email_verification(response, email) is False:
        raise SocialLoginError(_("Verify your email address with the provider first."))
    if User.objects.with_email(email).exists():
        raise SocialLoginError(EMAIL_TAKEN)
    try:
        with transaction.atomic():
{% if cookiecutter.username_field == "username" %}
            username = _free_username(details.get("username") or email)
            user = User.objects.create_user(username=username, email=email, password=None)
{% else %}
            user = User.objects.create_user(email=email, password=None)
{% endif %}
    except IntegrityError as error:
        # Taken by a concurrent registration in the meantime.
        raise SocialLoginError(_("This account could not be created; try again.")) from error
    signals.user_registered.send(sender=User, user=user, request=strategy.request)
    return {"user": user, "is_new": True}


{% if cookiecutter.username_field == "username" %}
def _free_username(wanted):
    """`wanted`, cut to what usernames allow, with a number added if it is taken."""
    base = re.sub(r"[^\w.@+-]", "", wanted.split("@")[0])[:140] or "user"
    username = base
    while User.objects.filter(username__iexact=username).exists():
        username = f"{base}{secrets.randbelow(10**6)}"
    return username


{% endif %}
def social_authenticate(request, provider, *, code, state, user=None):
    """Finish a provider login (or, given `user`, connect the provider to that user) and
    return the user it logs in. Raises SocialLoginError or python-social-auth's errors."""
    backend = load_backend(request, provider, data={"code": code, "state": state})
    # Spent even if the login then fails.
    backend.redirect_uri = spend_state(provider=provider, state=state, user=user)
    with transaction.atomic():
        logged_in = backend.auth_complete(user=user)
    if not isinstance(logged_in, User):
        raise SocialLoginError(_("The provider did not confirm the login."))
    if not logged_in.is_active:
        raise SocialLoginError(_("This account is inactive."))
    return logged_in


def social_confirm(request, provider, *, code, state, user):
    """Whether the provider has just logged in one of `user`'s connected accounts."""
    data = {"code": code, "state": state}
    backend = load_backend(request, provider, data=data, strategy_class=IdentifyingStrategy)
    backend.redirect_uri = spend_state(provider=provider, state=state, user=user)
    return backend.auth_complete() == user
