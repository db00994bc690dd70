{% set providers = cookiecutter.__social.split(",") %}
"""Stand-ins for the providers: each answers the token and user-info requests its
python-social-auth backend makes, through the `responses` library, so a test walks the
whole login: GET o/{provider}/, the provider's answers, POST o/{provider}/."""

{% if "apple-id" in providers %}
import json
import time
{% endif %}
from contextlib import contextmanager
from dataclasses import dataclass
from urllib.parse import parse_qs, urlencode, urlsplit

{% if "apple-id" in providers %}
import jwt
{% endif %}
import responses
{% if "apple-id" in providers %}
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric import ec, rsa
{% endif %}
from django.urls import reverse
{% if "apple-id" in providers %}
from jwt.algorithms import RSAAlgorithm
{% endif %}
{% if "facebook" in providers %}
from social_core.backends.facebook import API_VERSION
{% endif %}
from social_django.models import UserSocialAuth

from users.social import load_backend

PROVIDERS = {{ providers | tojson }}
REDIRECT_URI = "https://app.example.com/social/callback/"
TOKEN_URLS = {
{% if "apple-id" in providers %}
    "apple-id": ("POST", "https://appleid.apple.com/auth/token"),
{% endif %}
{% if "facebook" in providers %}
    "facebook": ("GET", f"https://graph.facebook.com/v{API_VERSION}/oauth/access_token"),
{% endif %}
{% if "github" in providers %}
    "github": ("POST", "https://github.com/login/oauth/access_token"),
{% endif %}
{% if "gitlab" in providers %}
    "gitlab": ("POST", "https://gitlab.com/oauth/token"),
{% endif %}
{% if "google-oauth2" in providers %}
    "google-oauth2": ("POST", "https://accounts.google.com/o/oauth2/token"),
{% endif %}
}
{% if "apple-id" in providers %}
APPLE_CLIENT_ID = "com.example.app"
# Apple signs id_tokens with a key it publishes; our client secret is a JWT we sign.
APPLE_SIGNING_KEY = rsa.generate_private_key(public_exponent=65537, key_size=2048)
APPLE_CLIENT_KEY = ec.generate_private_key(ec.SECP256R1())
{% endif %}


@dataclass
class Profile:
    """The provider account a login comes back with."""

    uid: str = "Ab12Cd"
    email: str = "social.user@example.com"
    email_verified: bool = True
    username: str = "socialuser"


class FakeProvider:
    def __init__(self, name, mock):
        self.name = name
        self.mock = mock

    def answer(self, profile=None):
        """Answer the next login with `profile`'s tokens and account."""
        profile = profile or Profile()
        method, url = TOKEN_URLS[self.name]
        self.mock.add(method, url, json=self.token_response(profile))
        for method, url, body in self.user_info(profile):
            self.mock.add(method, url, json=body)

    def refuse_code(self):
        """Answer the code exchange as providers answer a bad or used code."""
        method, url = TOKEN_URLS[self.name]
        self.mock.add(method, url, status=400, json={"error": "invalid_grant"})

    def token_response(self, profile):
        token = {"access_token": "provider-access-token", "token_type": "bearer"}
{% if "apple-id" in providers %}
        if self.name == "apple-id":
            token["id_token"] = apple_id_token(profile)
{% endif %}
        return token

    def user_info(self, profile):
        return {
{% if "apple-id" in providers %}
            "apple-id": [("GET", "https://appleid.apple.com/auth/keys", apple_keys())],
{% endif %}
{% if "facebook" in providers %}
            "facebook": [
                (
                    "GET",
                    f"https://graph.facebook.com/v{API_VERSION}/me",
                    {"id": profile.uid, "name": "Social User", "email": profile.email},
                )
            ],
{% endif %}
{% if "github" in providers %}
            "github": [
                (
                    "GET",
                    "https://api.github.com/user",
                    {"id": profile.uid, "login": profile.username, "email": profile.email},
                ),
                (
                    "GET",
                    "https://api.github.com/user/emails",
                    [
                        {
                            "email": profile.email,
                            "primary": True,
                            "verified": profile.email_verified,
                        }
                    ],
                ),
            ],
{% endif %}
{% if "gitlab" in providers %}
            "gitlab": [
                (
                    "GET",
                    "https://gitlab.com/api/v4/user",
                    {"id": profile.uid, "username": profile.username, "email": profile.email},
                )
            ],
{% endif %}
{% if "google-oauth2" in providers %}
            "google-oauth2": [
                (
                    "GET",
                    "https://www.googleapis.com/oauth2/v3/userinfo",
                    {
                        "sub": profile.uid,
                        "email": profile.email,
                        "email_verified": profile.email_verified,
                    },
                )
            ],
{% endif %}
        }[self.name]
{% if "apple-id" in providers %}


def apple_id_token(profile):
    now = int(time.time())
    claims = {
        "iss": "https://appleid.apple.com",
        "aud": APPLE_CLIENT_ID,
        "sub": profile.uid,
        "email": profile.email,
        "email_verified": "true" if profile.email_verified else "false",
        "iat": now,
        "exp": now + 600,
    }
    return jwt.encode(claims, APPLE_SIGNING_KEY, algorithm="RS256", headers={"kid": "test"})


def apple_keys():
    public_key = json.loads(RSAAlgorithm.to_jwk(APPLE_SIGNING_KEY.public_key()))
    return {"keys": [{**public_key, "kid": "test", "alg": "RS256", "use": "sig"}]}


def apple_settings(settings):
    settings.SOCIAL_AUTH_APPLE_ID_CLIENT = APPLE_CLIENT_ID
    settings.SOCIAL_AUTH_APPLE_ID_TEAM = "TEAMID"
    settings.SOCIAL_AUTH_APPLE_ID_KEY = "KEYID"
    settings.SOCIAL_AUTH_APPLE_ID_SECRET = APPLE_CLIENT_KEY.private_bytes(
        serialization.Encoding.PEM,
        serialization.PrivateFormat.PKCS8,
        serialization.NoEncryption(),
    ).decode()
{% endif %}


@contextmanager
def fake_provider(name, settings):
    """Settings for `name` with our redirect URI allowed, and a FakeProvider answering
    its requests; any other request fails as an unreachable host does."""
    settings.SOCIAL_AUTH_ALLOWED_REDIRECT_URIS = [REDIRECT_URI]
{% if "apple-id" in providers %}
    apple_settings(settings)
{% endif %}
    with responses.RequestsMock(assert_all_requests_are_fired=False) as mock:
        yield FakeProvider(name, mock)


def connected_account(user, provider, uid=Profile.uid):
    """A provider account connected to `user`, stored as a login through it stores it."""
    id_key = load_backend(None, provider).id_key()
    return UserSocialAuth.objects.create(user=user, provider=provider, uid=uid, id_key=id_key)


def start_login(client, provider, url_name="provider-auth"):
    """GET o/{provider}/ (or its connect variant) and return the state it issued."""
    url = reverse(url_name, args=[provider])
    response = client.get(url, {"redirect_uri": REDIRECT_URI})
    assert response.status_code == 200, response.content
    query = parse_qs(urlsplit(response.json()["authorization_url"]).query)
    return query["state"][0]


def finish_login(client, provider, state, url_name="provider-auth"):
    """POST what the provider sends back to o/{provider}/ (or its connect variant), form-encoded
    as djoser's clients send it."""
    url = reverse(url_name, args=[provider])
    body = urlencode({"code": "provider-code", "state": state})
    return client.post(url, body, content_type="application/x-www-form-urlencoded")
