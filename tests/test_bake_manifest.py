from bakery import combinations_where, each_combination, files_mentioning, generated_files

EMAIL = "users/templates/users/email"


def email_templates(name):
    return [f"{EMAIL}/{name}{suffix}" for suffix in ("_subject.txt", ".txt", ".html")]


def issues_jwt(answers):
    return answers["token_strategy"] in ("jwt", "both")


def issues_drf_token(answers):
    return answers["token_strategy"] in ("token", "both")


def has_usernames(answers):
    return answers["username_field"] == "username"


def option(name):
    return lambda answers: answers[name]


def chooses_social(answers):
    return bool(answers["social_providers"].strip(" ,"))


def has_phones(answers):
    return answers["phone_number"] != "none"


OPTIONAL_FILES = {
    "users/api/activation.py": option("send_activation_email"),
    "users/tests/test_activation.py": option("send_activation_email"),
    **dict.fromkeys(email_templates("activation"), option("send_activation_email")),
    "users/api/authtoken.py": issues_drf_token,
    "users/authtoken.py": issues_drf_token,
    "users/migrations/0002_authtoken.py": issues_drf_token,
    "users/tests/test_token_authentication.py": issues_drf_token,
    "users/backends.py": option("login_with_email_or_username"),
    "users/validators.py": option("login_with_email_or_username"),
    "users/tests/test_login_with_email.py": option("login_with_email_or_username"),
    "users/api/check_username.py": has_usernames,
    "users/tests/test_check_username.py": has_usernames,
    "users/api/jwt.py": issues_jwt,
    "users/jwt.py": issues_jwt,
    "users/migrations/0002_jwtsession.py": lambda answers: answers["token_strategy"] == "jwt",
    "users/migrations/0003_jwtsession.py": lambda answers: answers["token_strategy"] == "both",
    "users/tests/test_jwt_logout.py": issues_jwt,
    "users/tests/test_jwt_revocation.py": issues_jwt,
    **dict.fromkeys(email_templates("confirmation"), option("send_confirmation_email")),
    **dict.fromkeys(
        email_templates("password_changed_confirmation"),
        option("password_changed_email_confirmation"),
    ),
    **dict.fromkeys(
        email_templates("username_changed_confirmation"),
        option("username_changed_email_confirmation"),
    ),
    "users/tests/test_enumeration.py": option("prevent_enumeration"),
    "users/jwt_cookies.py": option("jwt_cookie"),
    "users/tests/test_jwt_cookies.py": option("jwt_cookie"),
    "users/images.py": option("profile_image"),
    "users/api/images.py": option("profile_image"),
    "users/tests/test_me_image.py": option("profile_image"),
    **dict.fromkeys(email_templates("account_exists"), option("prevent_enumeration")),
    "login_codes/models.py": option("login_by_code"),
    "login_codes/migrations/0001_initial.py": option("login_by_code"),
    "login_codes/templates/users/email/login_code.html": option("login_by_code"),
    "login_codes/tests/test_login_code_request.py": option("login_by_code"),
    "login_codes/jwt.py": lambda answers: answers["login_by_code"] and issues_jwt(answers),
    "login_codes/authtoken.py": lambda answers: (
        answers["login_by_code"] and issues_drf_token(answers)
    ),
    "mfa/models.py": option("mfa"),
    "mfa/migrations/0001_initial.py": option("mfa"),
    "mfa/tests/test_mfa_activate.py": option("mfa"),
    "mfa/jwt.py": lambda answers: answers["mfa"] and issues_jwt(answers),
    "mfa/tests/test_jwt_mfa_verify.py": lambda answers: answers["mfa"] and issues_jwt(answers),
    "mfa/authtoken.py": lambda answers: answers["mfa"] and issues_drf_token(answers),
    "mfa/tests/test_token_mfa_verify.py": lambda answers: (
        answers["mfa"] and issues_drf_token(answers)
    ),
    "phones/models.py": has_phones,
    "phones/sms.py": has_phones,
    "phones/backends.py": has_phones,
    "phones/migrations/0001_initial.py": has_phones,
    "phones/tests/test_phone_verify.py": has_phones,
    "phones/tests/test_phone_code_request.py": has_phones,
    "phones/authtoken.py": lambda answers: has_phones(answers) and issues_drf_token(answers),
    "phones/tests/test_token_phone_login.py": lambda answers: (
        has_phones(answers) and issues_drf_token(answers)
    ),
    "phones/tests/test_token_phone_code_login.py": lambda answers: (
        has_phones(answers) and issues_drf_token(answers)
    ),
    "phones/jwt.py": lambda answers: has_phones(answers) and issues_jwt(answers),
    "phones/tests/test_jwt_phone_login.py": lambda answers: (
        has_phones(answers) and issues_jwt(answers)
    ),
    "phones/tests/test_jwt_phone_code_login.py": lambda answers: (
        has_phones(answers) and issues_jwt(answers)
    ),
    "config/celery.py": option("use_celery"),
    "users/tasks.py": option("use_celery"),
    "users/tests/test_tasks.py": option("use_celery"),
    "demo/views.py": option("demo_page"),
    "demo/urls.py": option("demo_page"),
    "demo/templates/demo/index.html": option("demo_page"),
    "demo/tests/test_demo_page.py": option("demo_page"),
    "users/social.py": chooses_social,
    "users/api/social.py": chooses_social,
    "users/tests/social_providers.py": chooses_social,
    "users/tests/test_social_login.py": chooses_social,
    "users/tests/test_social_connect.py": chooses_social,
    "users/tests/test_social_accounts.py": chooses_social,
    "users/tests/test_social_account_deletion.py": chooses_social,
}
ALWAYS_PRESENT = [
    ".cruft.json",
    ".env",
    ".env.example",
    ".gitignore",
    "README.md",
    "SECURITY.md",
    "conftest.py",
    "manage.py",
    "pyproject.toml",
    "config/settings/base.py",
    "config/settings/local.py",
    "config/settings/production.py",
    "config/settings/test.py",
    "config/urls.py",
    "users/models.py",
    "users/migrations/0001_initial.py",
    "users/api/passwords.py",
    "users/api/serializers.py",
    "users/api/urls.py",
    "users/api/usernames.py",
    "users/api/email_change.py",
    "users/tests/test_change_email_confirm.py",
    "users/api/views.py",
    "users/api/schema.py",
    "users/api/sessions.py",
    "users/sessions.py",
    "users/devices.py",
    "users/tests/test_sessions_list.py",
    "users/tests/test_sessions_revoke.py",
    "users/api/throttles.py",
    "users/tests/test_mail_delivery.py",
    "users/tests/test_translations.py",
    "locale/de/LC_MESSAGES/django.po",
    "locale/de/LC_MESSAGES/django.mo",
    *email_templates("password_reset"),
    *email_templates("username_reset"),
    *email_templates("email_change"),
    *email_templates("email_change_requested"),
]


@each_combination
def test_bake_holds_exactly_the_optional_files_its_answers_choose(project, combination):
    present = {path: (project / path).exists() for path in OPTIONAL_FILES}
    chosen = {path: keeps(combination) for path, keeps in OPTIONAL_FILES.items()}
    assert present == chosen


@each_combination
def test_bake_holds_the_files_every_project_needs(project):
    assert [path for path in ALWAYS_PRESENT if not (project / path).is_file()] == []


@each_combination
def test_bake_has_no_empty_python_modules_besides_packages(project):
    empty = [
        relative.as_posix()
        for relative in generated_files(project)
        if relative.suffix == ".py"
        and relative.name != "__init__.py"
        and not (project / relative).read_text(encoding="utf-8").strip()
    ]
    assert empty == []


@combinations_where(lambda answers: not issues_jwt(answers))
def test_bake_without_jwt_never_mentions_simplejwt(project):
    assert files_mentioning(project, "simplejwt") == []
    assert files_mentioning(project, "SIMPLE_JWT") == []


@combinations_where(lambda answers: not issues_drf_token(answers))
def test_bake_without_drf_tokens_never_mentions_authtoken(project):
    assert files_mentioning(project, "authtoken") == []


@combinations_where(lambda answers: not answers["user_create_password_retype"])
def test_bake_without_registration_retype_never_mentions_re_password(project):
    assert files_mentioning(project, "re_password") == []


@combinations_where(
    lambda answers: not (answers["set_password_retype"] or answers["password_reset_confirm_retype"])
)
def test_bake_without_new_password_retype_never_mentions_re_new_password(project):
    assert files_mentioning(project, "re_new_password") == []


@combinations_where(
    lambda answers: not (answers["set_username_retype"] or answers["username_reset_confirm_retype"])
)
def test_bake_without_new_login_name_retype_never_mentions_it(project, combination):
    assert files_mentioning(project, f"re_new_{combination['username_field']}") == []


@combinations_where(lambda answers: not answers["send_activation_email"])
def test_bake_without_activation_routes_no_activation_url(project):
    assert "activation" not in (project / "users/api/urls.py").read_text(encoding="utf-8")


@combinations_where(lambda answers: not answers["demo_page"])
def test_bake_without_demo_page_never_mentions_it(project):
    # .cruft.json records every answer, demo_page=false included.
    assert files_mentioning(project, "demo") in ([], [".cruft.json"])


@combinations_where(lambda answers: not answers["use_celery"])
def test_bake_without_celery_never_mentions_it(project):
    # .cruft.json records every answer, use_celery=false included.
    assert files_mentioning(project, "celery") in ([], [".cruft.json"])
    assert files_mentioning(project, "CELERY") == []


@combinations_where(lambda answers: not answers["send_activation_email"])
def test_bake_without_activation_has_no_activation_messages_to_translate(project):
    catalog = (project / "locale/de/LC_MESSAGES/django.po").read_text(encoding="utf-8")
    assert "Activate your" not in catalog
    assert "Welcome to" not in catalog


@combinations_where(lambda answers: not issues_jwt(answers))
def test_bake_without_jwt_has_no_jwt_messages_to_translate(project):
    catalog = (project / "locale/de/LC_MESSAGES/django.po").read_text(encoding="utf-8")
    assert "blacklisted" not in catalog


@combinations_where(lambda answers: not answers["mfa"])
def test_bake_without_mfa_never_mentions_it(project):
    # .cruft.json records every answer, mfa=false included.
    assert files_mentioning(project, "mfa") in ([], [".cruft.json"])
    assert files_mentioning(project, "pyotp") == []
    assert files_mentioning(project, "Two-factor") == []


@combinations_where(lambda answers: not answers["login_by_code"])
def test_bake_without_login_by_code_never_mentions_it(project):
    # .cruft.json records every answer, login_by_code=false included.
    assert files_mentioning(project, "login_code") in ([], [".cruft.json"])
    assert files_mentioning(project, "LOGIN_CODE") == []


@combinations_where(lambda answers: not has_phones(answers))
def test_bake_without_phone_numbers_never_mentions_them(project):
    # .cruft.json records every answer, phone_number=none included.
    assert files_mentioning(project, "phone_number") in ([], [".cruft.json"])
    assert files_mentioning(project, "phonenumber") == []
    assert files_mentioning(project, "phones") == []
    assert files_mentioning(project, "PHONE_") == []
    assert files_mentioning(project, "sms") == []
    assert files_mentioning(project, "SMS") == []


@combinations_where(has_phones)
def test_bake_with_phone_numbers_depends_on_phonenumber_field(project):
    pyproject = (project / "pyproject.toml").read_text(encoding="utf-8")
    settings = (project / "config/settings/base.py").read_text(encoding="utf-8")

    assert '"django-phonenumber-field[phonenumberslite]>=' in pyproject
    assert '"phones*"' in pyproject
    assert '"phones"' in settings
    assert "phones.backends.PhoneNumberBackend" in settings


@combinations_where(lambda answers: answers["phone_number"] == "required")
def test_bake_with_required_phone_numbers_asks_for_them_at_registration(project):
    models = (project / "users/models.py").read_text(encoding="utf-8")

    assert '"phone_number"]' in models.split("REQUIRED_FIELDS = ")[1].splitlines()[0]


@combinations_where(lambda answers: not answers["profile_image"])
def test_bake_without_profile_image_never_mentions_it(project):
    assert files_mentioning(project, "pillow") == []
    assert files_mentioning(project, "from PIL") == []
    assert files_mentioning(project, "MEDIA_ROOT") == []
    assert files_mentioning(project, "MEDIA_URL") == []
    # .cruft.json records every answer, profile_image=false included.
    assert files_mentioning(project, "image") in ([], [".cruft.json"])


@combinations_where(lambda answers: answers["profile_image"])
def test_bake_with_profile_image_depends_on_pillow(project):
    assert '"pillow>=' in (project / "pyproject.toml").read_text(encoding="utf-8")


@combinations_where(lambda answers: not chooses_social(answers))
def test_bake_without_social_providers_has_no_trace_of_social_auth(project):
    # .cruft.json records every answer, the empty social_providers included.
    assert files_mentioning(project, "social") in ([], [".cruft.json"])
    assert files_mentioning(project, "SOCIAL_AUTH") == []
    assert files_mentioning(project, "responses>=") == []
    assert files_mentioning(project, "o/{provider}") == []


@combinations_where(chooses_social)
def test_bake_with_social_providers_configures_each_chosen_one(project, combination):
    settings = (project / "config/settings/base.py").read_text(encoding="utf-8")
    example = (project / ".env.example").read_text(encoding="utf-8")
    pyproject = (project / "pyproject.toml").read_text(encoding="utf-8")

    assert '"social_django"' in settings
    assert "social-auth-app-django" in pyproject
    assert "responses>=" in pyproject
    for provider in combination["social_providers"].split(","):
        prefix = "SOCIAL_AUTH_" + provider.strip().upper().replace("-", "_")
        assert f"{prefix}_" in settings
        assert f"{prefix}_" in example
    assert "SOCIAL_AUTH_ALLOWED_REDIRECT_URIS=" in example


@combinations_where(lambda answers: not has_usernames(answers))
def test_bake_with_email_logins_has_no_username_check(project):
    # An email check would tell anyone which addresses have an account.
    assert files_mentioning(project, "check_username") == []


@combinations_where(lambda answers: not answers["login_with_email_or_username"])
def test_bake_without_login_by_email_or_username_never_mentions_it(project):
    assert files_mentioning(project, "UsernameOrEmailBackend") == []
    assert files_mentioning(project, "with_username_or_email") == []
    assert files_mentioning(project, "users.validators") == []


@combinations_where(lambda answers: not issues_jwt(answers))
def test_bake_without_jwt_has_no_jwt_sessions(project):
    assert files_mentioning(project, "JWTSession") == []
    assert files_mentioning(project, "jwtsession") == []
