import pytest
from django.core.cache import cache
from rest_framework.test import APIClient

{% if cookiecutter.phone_number != "none" %}
from phones import sms
{% endif %}
from users.tests.factories import PASSWORD, UserFactory


@pytest.fixture(autouse=True)
def commit_per_request(django_capture_on_commit_callbacks, monkeypatch):
    """Run each API request's on-commit callbacks (mail) as the request returns.

    In production every request commits on its own; a test runs in one transaction
    that never commits, so its callbacks would otherwise never run.
    """
    request = APIClient.request

    def request_and_commit(self, **kwargs):
        with django_capture_on_commit_callbacks(execute=True):
            return request(self, **kwargs)

    monkeypatch.setattr(APIClient, "request", request_and_commit)


@pytest.fixture
def rates(settings):
    """Switch throttle scopes on for one test: `rates(login_failed="2/min")`."""
    cache.clear()

    def switch_on(**scopes):
        settings.THROTTLE_RATES = {**settings.THROTTLE_RATES, **scopes}

    yield switch_on
    cache.clear()


{% if cookiecutter.phone_number != "none" %}
@pytest.fixture
def sms_outbox():
    """The text messages a test sends, as `mailoutbox` holds its mail (test settings
    send them with phones.sms.LocmemSMSBackend)."""
    sms.outbox.clear()
    yield sms.outbox
    sms.outbox.clear()


{% endif %}
@pytest.fixture
def api_client():
    return APIClient()


@pytest.fixture
def password():
    return PASSWORD


@pytest.fixture
def user(db):
    return UserFactory()


@pytest.fixture
def other_user(db):
    return UserFactory()


@pytest.fixture
def auth_client(user):
    """A client authenticated as `user`; the login tests cover real credentials."""
    client = APIClient()
    client.force_authenticate(user)
    return client


@pytest.fixture
def inactive_user(db):
    return UserFactory(is_active=False)


@pytest.fixture
def staff_user(db):
    return UserFactory(is_staff=True)


@pytest.fixture
def staff_client(staff_user):
    client = APIClient()
    client.force_authenticate(staff_user)
    return client


@pytest.fixture
def catch_signal():
    """Record what a signal is sent with: `calls = catch_signal(user_registered)`."""
    connected = []

    def catch(signal):
        calls = []

        def receiver(sender, **kwargs):
            calls.append({"sender": sender, **kwargs})

        signal.connect(receiver, weak=False)
        connected.append((signal, receiver))
        return calls

    yield catch
    for signal, receiver in connected:
        signal.disconnect(receiver)


MALFORMED_JSON_BODIES = {
    "list": '[{"password": "x"}]',
    "string": '"hello"',
    "number": "42",
    "null": "null",
    "not_json": "this is not JSON",
    "truncated": '{"password": ',
    "deeply_nested_list": "[" * 100_000,
    "deeply_nested_object": '{"a":' * 100_000,
}


@pytest.fixture(params=MALFORMED_JSON_BODIES.values(), ids=MALFORMED_JSON_BODIES.keys())
def malformed_json(request):
    """A body sent as application/json that is not a JSON object."""
    return request.param


HOSTILE_VALUES = {
    "zero": 0,
    "negative": -1,
    "huge_number": 2**70,
    "float": 1.5,
    "null": None,
    "true": True,
    "empty": "",
    "list": ["MQ"],
    "object": {"uid": "MQ"},
    "nul_character": "MQ\x00",
    "100_kb": "M" * 100_000,
}


@pytest.fixture(params=HOSTILE_VALUES.values(), ids=HOSTILE_VALUES.keys())
def hostile_value(request):
    """A value a client may send where the API expects a short string."""
    return request.param
