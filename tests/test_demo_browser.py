"""The demo page in headless Chromium: every flow of the API, as a user walks it.

Links come from the mails the file-based backend writes; screenshots of the main screens go
to build/screenshots/<bake>/.
"""

import os
import re
import secrets
from pathlib import Path

import pytest
from selenium import webdriver
from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import WebDriverWait

from bakery import TEMPLATE, answers, clean_env
from devserver import free_port, mails, runserver, text_body

pytestmark = pytest.mark.slow

CHROMIUM = Path("/usr/bin/chromium")
CHROMEDRIVER = Path("/usr/bin/chromedriver")
SCREENSHOTS = TEMPLATE / "build" / "screenshots"
WAIT_SECONDS = 10
DESKTOP = (1280, 900)
PHONE = (390, 844)
RETYPE = [
    "user_create_password_retype",
    "set_password_retype",
    "set_username_retype",
    "password_reset_confirm_retype",
    "username_reset_confirm_retype",
]
BAKES = {
    # JWT cookies on: the page's browser login passes the API's CSRF check.
    "email-jwt-cookie": answers(demo_page=True, jwt_cookie=True),
    "username-token-retype": answers(
        demo_page=True,
        username_field="username",
        token_strategy="token",
        **dict.fromkeys(RETYPE, True),
    ),
}
# What each bake's user is called along the way: registered, then set, then reset.
LOGINS = {
    "email": ["ada@example.com", "ada.l@example.com", "countess@example.com"],
    "username": ["ada", "ada_l", "countess"],
}
PASSWORDS = ["first pass phrase", "second pass phrase", "third pass phrase"]


@pytest.fixture(scope="module")
def browser(tmp_path_factory):
    missing = [str(path) for path in (CHROMIUM, CHROMEDRIVER) if not path.exists()]
    if missing:
        message = f"not installed: {', '.join(missing)} (Debian: chromium, chromium-driver)"
        if os.environ.get("CI"):
            pytest.fail(message)
        pytest.skip(message)

    options = webdriver.ChromeOptions()
    options.binary_location = str(CHROMIUM)
    for argument in (
        "--headless=new",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-dev-shm-usage",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        f"--user-data-dir={tmp_path_factory.mktemp('chromium')}",
    ):
        options.add_argument(argument)
    # An explicit driver path keeps Selenium Manager from downloading anything.
    driver = webdriver.Chrome(service=webdriver.ChromeService(str(CHROMEDRIVER)), options=options)
    set_viewport(driver, *DESKTOP)
    try:
        yield driver
    finally:
        driver.quit()


@pytest.fixture(scope="module", params=list(BAKES))
def demo(request, bake, browser, tmp_path_factory):
    """A bake with the demo page, served with its mail written to files, open in the browser."""
    name = request.param
    root = tmp_path_factory.mktemp(name)
    maildir = root / "mail"
    maildir.mkdir()
    port = free_port()
    env = clean_env(
        DJANGO_SECRET_KEY=secrets.token_urlsafe(50),
        EMAIL_URL=f"filemail:///{maildir}",
        EMAIL_FRONTEND_DOMAIN=f"127.0.0.1:{port}",
    )
    screenshots = SCREENSHOTS / name
    screenshots.mkdir(parents=True, exist_ok=True)
    with runserver(bake(BAKES[name]), env, root / "runserver.log", port=port) as base_url:
        yield DemoPage(browser, base_url, maildir, screenshots, BAKES[name])


class DemoPage:
    """The demo page as the test sees it: by its data-testid attributes."""

    def __init__(self, driver, base_url, maildir, screenshots, answers):
        self.driver = driver
        self.base_url = base_url
        self.maildir = maildir
        self.screenshots = screenshots
        self.field = answers["username_field"]
        self.retype = {name: answers[name] for name in RETYPE}

    def find(self, testid):
        return self.driver.find_element(By.CSS_SELECTOR, f'[data-testid="{testid}"]')

    def wait(self, condition, message):
        return WebDriverWait(self.driver, WAIT_SECONDS).until(lambda _: condition(), message)

    def wait_for_screen(self, screen):
        self.wait(lambda: self.find(f"screen-{screen}").is_displayed(), f"screen {screen}")

    def wait_for_text(self, testid, text):
        self.wait(lambda: text in self.find(testid).text, f"{text!r} in {testid}")
        return self.find(testid).text

    def open(self, url):
        assert url.startswith(f"{self.base_url}/#/"), url
        self.driver.get(url)

    def click(self, testid):
        self.find(testid).click()

    def submit(self, form, **values):
        for name, value in values.items():
            field = self.find(f"{form}-{name}")
            field.clear()
            field.send_keys(value)
        self.click(f"{form}-submit")

    def with_retype(self, option, name, value):
        """`{name: value}`, plus `re_{name}` when the bake asks for it twice."""
        return {name: value, f"re_{name}": value} if self.retype[option] else {name: value}

    def screenshot(self, name):
        self.driver.save_screenshot(str(self.screenshots / f"{name}.png"))

    def mailed_link(self, to, route):
        """The newest link to the page's `route` mailed to `to`."""
        pattern = re.compile(rf"{re.escape(self.base_url)}/{re.escape(route)}[\w/-]+")
        for message in mails(self.maildir):
            match = pattern.search(text_body(message))
            if message["To"] == to and match:
                return match[0]
        raise AssertionError(f"no {route} link mailed to {to}")

    def log_in(self, login, password):
        self.submit("login", **{self.field: login, "password": password})
        self.wait_for_screen("me")
        self.wait_for_text("me-details", login)

    def log_out(self):
        self.click("logout")
        self.wait_for_text("flash", "logged out")
        self.wait_for_screen("login")


def test_every_flow_in_the_browser(demo):
    field = demo.field
    logins, passwords = LOGINS[field], PASSWORDS
    email = logins[0] if field == "email" else "ada@example.com"

    demo.driver.get(f"{demo.base_url}/")
    demo.wait_for_screen("login")
    demo.screenshot("login")

    register_and_activate(demo, logins[0], email, passwords[0])
    demo.log_in(logins[0], passwords[0])
    demo.screenshot("profile")

    edit_profile(demo)
    set_password(demo, passwords[0], passwords[1])
    demo.log_out()
    reset_password(demo, email, passwords[2])
    demo.log_in(logins[0], passwords[2])
    end_this_session(demo)
    demo.log_in(logins[0], passwords[2])

    set_login(demo, logins[1], passwords[2])
    if field == "email":
        email = logins[1]
    demo.log_out()
    reset_login(demo, email, logins[2])
    demo.log_in(logins[2], passwords[2])

    check_phone_layout(demo)
    delete_account(demo, logins[2], passwords[2])


def register_and_activate(demo, login, email, password):
    field = demo.field
    demo.click("nav-register")
    demo.wait_for_screen("register")
    identity = {field: login, "email": email}
    weak = demo.with_retype("user_create_password_retype", "password", "password")
    demo.submit("register", **identity, **weak)
    assert "too common" in demo.wait_for_text("register-password-error", "too common")
    demo.screenshot("register-error")

    demo.submit(
        "register",
        **identity,
        **demo.with_retype("user_create_password_retype", "password", password),
    )
    demo.wait_for_text("flash", "activation link")
    demo.wait_for_screen("login")

    # Not active yet: the login is refused, and the message is shown above the form.
    demo.submit("login", **{field: login, "password": password})
    demo.wait(lambda: demo.find("login-errors").text, "a login error")
    demo.screenshot("login-error")

    demo.open(demo.mailed_link(email, "#/activate/"))
    demo.wait_for_screen("activate")
    demo.wait_for_text("activate-status", "Your account is active")
    demo.screenshot("activated")
    demo.driver.get(f"{demo.base_url}/#/login")
    demo.wait_for_screen("login")


def edit_profile(demo):
    demo.submit("profile", name="Ada Lovelace")
    demo.wait_for_text("flash", "profile is saved")
    assert "Lovelace" in demo.wait_for_text("me-details", "Lovelace")


def set_password(demo, current, new):
    demo.click("nav-set-password")
    demo.wait_for_screen("set-password")
    new_values = demo.with_retype("set_password_retype", "new_password", new)
    demo.submit("set-password", **new_values, current_password="not my password")
    demo.wait_for_text("set-password-current_password-error", "Invalid password")
    demo.screenshot("set-password-error")

    demo.submit("set-password", **new_values, current_password=current)
    demo.wait_for_text("flash", "password is changed")
    demo.wait_for_screen("me")


def reset_password(demo, email, new):
    demo.click("link-password-reset")
    demo.wait_for_screen("password-reset")
    demo.submit("password-reset", email=email)
    demo.wait_for_text("flash", "reset link is on its way")

    demo.open(demo.mailed_link(email, "#/password/reset/confirm/"))
    demo.wait_for_screen("password-reset-confirm")
    demo.screenshot("password-reset-confirm")
    values = demo.with_retype("password_reset_confirm_retype", "new_password", new)
    demo.submit("password-reset-confirm", **values)
    demo.wait_for_text("flash", "log in with the new one")
    demo.wait_for_screen("login")


def end_this_session(demo):
    demo.click("nav-sessions")
    demo.wait_for_screen("sessions")
    # The reset ended every other login.
    demo.wait_for_text("sessions", "(this one)")
    demo.screenshot("sessions")
    (end,) = demo.find("sessions").find_elements(By.CSS_SELECTOR, "button")
    end.click()
    demo.wait_for_text("flash", "logged out")
    demo.wait_for_screen("login")


def set_login(demo, new_login, password):
    field = demo.field
    demo.click("nav-set-username")
    demo.wait_for_screen("set-username")
    values = demo.with_retype("set_username_retype", f"new_{field}", new_login)
    demo.screenshot("set-username")
    demo.submit("set-username", **values, current_password=password)
    if field == "email":
        # The new address takes over once the link mailed to it is opened.
        demo.wait_for_text("flash", f"mailed to {new_login}")
        demo.open(demo.mailed_link(new_login, "#/email/change/confirm/"))
        demo.wait_for_screen("email-change-confirm")
        demo.wait_for_text("email-change-confirm-status", "is confirmed")
        demo.click("nav-me")
        demo.wait_for_screen("me")
    else:
        demo.wait_for_text("flash", f"is now {new_login}")
    demo.wait_for_text("me-details", new_login)


def reset_login(demo, email, new_login):
    field = demo.field
    demo.click("link-username-reset")
    demo.wait_for_screen("username-reset")
    demo.submit("username-reset", email=email)
    demo.wait_for_text("flash", "on its way")

    demo.open(demo.mailed_link(email, "#/username/reset/confirm/"))
    demo.wait_for_screen("username-reset-confirm")
    values = demo.with_retype("username_reset_confirm_retype", f"new_{field}", new_login)
    demo.submit("username-reset-confirm", **values)
    demo.wait_for_text("flash", f"is now {new_login}")
    demo.wait_for_screen("login")


def set_viewport(driver, width, height, mobile=False):
    """Size the page as a screen of that many CSS pixels; `mobile` honours the viewport meta."""
    metrics = {"width": width, "height": height, "deviceScaleFactor": 2 if mobile else 1}
    driver.execute_cdp_cmd("Emulation.setDeviceMetricsOverride", {**metrics, "mobile": mobile})


def check_phone_layout(demo):
    set_viewport(demo.driver, *PHONE, mobile=True)
    try:
        width = demo.driver.execute_script("return window.innerWidth")
        overflow = demo.driver.execute_script(
            "return document.documentElement.scrollWidth - window.innerWidth"
        )
        demo.screenshot("profile-phone")
        assert width == PHONE[0]
        assert overflow <= 0, "the page scrolls sideways on a phone"
    finally:
        set_viewport(demo.driver, *DESKTOP)


def delete_account(demo, login, password):
    field = demo.field
    demo.click("nav-delete")
    demo.wait_for_screen("delete")
    demo.submit("delete", current_password="not my password")
    demo.wait_for_text("delete-current_password-error", "Invalid password")
    demo.screenshot("delete-error")

    demo.submit("delete", current_password=password)
    demo.wait_for_text("flash", "account is deleted")
    demo.wait_for_screen("login")
    demo.submit("login", **{field: login, "password": password})
    demo.wait(lambda: demo.find("login-errors").text, "a login error")
