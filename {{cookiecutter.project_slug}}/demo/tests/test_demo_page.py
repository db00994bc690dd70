import pytest
from django.urls import reverse


@pytest.fixture
def demo_settings(settings):
    settings.INSTALLED_APPS = [*settings.INSTALLED_APPS, "demo"]
    settings.ROOT_URLCONF = "demo.urls"
    return settings


def test_demo_page_is_served_at_the_root(client, demo_settings):
    response = client.get("/")

    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/html")


def test_demo_page_is_configured_for_this_project(client, demo_settings):
    response = client.get("/")

    assert response.context["config"]["loginField"] == "{{ cookiecutter.username_field }}"
    assert b'<script id="demo-config" type="application/json">' in response.content


def test_api_stays_mounted_beside_the_demo_page(client, demo_settings):
    assert reverse("user-list") == "/auth/users/"
    assert client.get("/auth/users/me/").status_code == 401


def test_demo_page_is_not_served_with_the_test_settings(client, db):
    assert client.get("/").status_code == 404


def test_demo_page_loads_nothing_from_other_sites(client, demo_settings):
    page = client.get("/").content.decode()

    assert "://" not in page
    assert "src=" not in page
