import pytest
from django.conf import settings
from django.urls import reverse

ENGLISH = "Authentication credentials were not provided."
URL = reverse("user-me")


def detail_and_language(client, **headers):
    response = client.get(URL, **headers)
    assert response.status_code == 401
    assert "Accept-Language" in response["Vary"]
    return response.json()["detail"], response["Content-Language"]


def test_answers_in_english_by_default(client):
    assert detail_and_language(client) == (ENGLISH, "en")


@pytest.mark.parametrize("accept", ["de", "de-AT", "fr;q=0.9, de;q=0.8"])
def test_answers_in_the_language_of_accept_language(client, accept):
    detail, language = detail_and_language(client, HTTP_ACCEPT_LANGUAGE=accept)

    assert language == "de"
    assert detail != ENGLISH


def test_the_language_cookie_wins_over_accept_language(client):
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "de"

    assert detail_and_language(client, HTTP_ACCEPT_LANGUAGE="en")[1] == "de"


def test_a_language_the_project_lacks_answers_in_english(client):
    assert detail_and_language(client, HTTP_ACCEPT_LANGUAGE="fr") == (ENGLISH, "en")


def test_a_request_does_not_inherit_the_language_of_the_one_before(client):
    detail_and_language(client, HTTP_ACCEPT_LANGUAGE="de")

    assert detail_and_language(client) == (ENGLISH, "en")
