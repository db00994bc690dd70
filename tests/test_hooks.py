import gettext
import io
import shutil
import subprocess

import pytest

from bakery import ALL_SOCIAL_PROVIDERS, TEMPLATE, all_booleans, full_answers, load_hook

pre_gen = load_hook("pre_gen_project")
post_gen = load_hook("post_gen_project")


@pytest.mark.parametrize(
    "overrides",
    [
        {},
        {"username_field": "username", "token_strategy": "both"},
        all_booleans(True, username_field="username"),
        all_booleans(False),
        {"project_slug": "a", "project_name": 'Zoë\'s "Auth" \\ API'},
        {"author_name": 'O\'Brien "\\\\" Ñandú', "description": 'Say "hi"'},
        {"social_providers": "github"},
        {"social_providers": " google-oauth2 , apple-id,"},
        {"social_providers": ALL_SOCIAL_PROVIDERS},
        {"phone_number": "optional"},
        {"phone_number": "required", "token_strategy": "token"},
    ],
    ids=[
        "defaults",
        "username-both",
        "all-on",
        "all-off",
        "short-slug",
        "hostile-text",
        "one-provider",
        "spaced-providers",
        "all-providers",
        "optional-phone",
        "required-phone",
    ],
)
def test_pre_gen_accepts_good_answers(overrides):
    assert list(pre_gen.errors(full_answers(**overrides))) == []


@pytest.mark.parametrize(
    ("field", "value"),
    [
        ("project_slug", "1abc"),
        ("project_slug", "class"),
        ("project_slug", "users"),
        ("project_slug", "config"),
        ("project_slug", "my-app"),
        ("project_slug", "MyApp"),
        ("project_slug", ""),
        ("username_field", "phone"),
        ("token_strategy", "session"),
        ("send_activation_email", "false"),
        ("logout_on_password_change", "yes"),
        ("project_name", "   "),
        ("author_name", "Ada 🚀"),
        ("description", "line\nbreak"),
        ("author_email", ""),
        ("social_providers", "twitter"),
        ("social_providers", "github,GitHub"),
        ("phone_number", "mandatory"),
        ("phone_number", True),
    ],
)
def test_pre_gen_rejects_a_bad_answer_with_one_message_naming_the_field(field, value):
    problems = list(pre_gen.errors(full_answers(**{field: value})))

    assert len(problems) == 1
    assert field in problems[0]
    assert "\n" not in problems[0]


def test_pre_gen_main_prints_each_problem_on_one_line_and_fails(capsys):
    code = pre_gen.main(full_answers(project_slug="class", author_name="🚀"))

    lines = capsys.readouterr().err.splitlines()
    assert code == 1
    assert len(lines) == 2
    assert lines[0].startswith("ERROR: project_slug")
    assert lines[1].startswith("ERROR: author_name")


def test_pre_gen_main_succeeds_silently_on_good_answers(capsys):
    assert pre_gen.main(full_answers()) == 0
    assert capsys.readouterr().err == ""


def removed(**overrides):
    return {path.as_posix() for path in post_gen.unneeded_paths(full_answers(**overrides))}


def test_post_gen_removes_activation_files_only_when_activation_is_off():
    activation = {
        "users/api/activation.py",
        "users/tests/test_activation.py",
        "users/templates/users/email/activation.html",
        "users/templates/users/email/activation.txt",
        "users/templates/users/email/activation_subject.txt",
    }
    assert activation <= removed(send_activation_email=False)
    assert not activation & removed(send_activation_email=True)


@pytest.mark.parametrize(
    ("strategy", "kept", "gone"),
    [
        ("jwt", {"users/api/jwt.py"}, {"users/api/authtoken.py"}),
        ("token", {"users/api/authtoken.py"}, {"users/api/jwt.py"}),
        ("both", {"users/api/jwt.py", "users/api/authtoken.py"}, set()),
    ],
)
def test_post_gen_keeps_only_the_chosen_token_modules(strategy, kept, gone):
    unneeded = removed(token_strategy=strategy)
    assert gone <= unneeded
    assert not kept & unneeded


@pytest.mark.parametrize(
    ("option", "template"),
    [
        ("send_confirmation_email", "confirmation"),
        ("password_changed_email_confirmation", "password_changed_confirmation"),
        ("username_changed_email_confirmation", "username_changed_confirmation"),
    ],
)
def test_post_gen_keeps_an_optional_email_only_when_chosen(option, template):
    files = {
        f"users/templates/users/email/{template}{suffix}"
        for suffix in ("_subject.txt", ".txt", ".html")
    }
    assert files <= removed(**{option: False})
    assert not files & removed(**{option: True})


def test_post_gen_removes_nothing_when_everything_is_chosen():
    everything = all_booleans(
        True,
        username_field="username",
        token_strategy="both",
        phone_number="required",
        social_providers=ALL_SOCIAL_PROVIDERS,
    )
    assert removed(**everything) == set()


@pytest.mark.parametrize(
    ("strategy", "kept", "gone"),
    [
        ("jwt", {"phones/jwt.py"}, {"phones/authtoken.py"}),
        ("token", {"phones/authtoken.py"}, {"phones/jwt.py"}),
    ],
)
def test_post_gen_keeps_the_phone_logins_of_the_chosen_tokens(strategy, kept, gone):
    unneeded = removed(phone_number="optional", token_strategy=strategy)
    assert gone <= unneeded
    assert not (kept | {"phones"}) & unneeded


def test_post_gen_removes_the_phones_app_without_phone_numbers():
    assert "phones" in removed(phone_number="none")


def test_pre_gen_names_the_unknown_providers_and_lists_the_supported_ones():
    (problem,) = pre_gen.errors(full_answers(social_providers="github, myspace"))

    assert "myspace" in problem
    assert "github" not in problem.split("choose from")[0]
    assert all(name in problem for name in ALL_SOCIAL_PROVIDERS.split(","))


@pytest.mark.parametrize("providers", ["github", "apple-id", ALL_SOCIAL_PROVIDERS])
def test_post_gen_keeps_the_social_files_when_a_provider_is_chosen(providers):
    assert not {path for path in removed(social_providers=providers) if "social" in path}


@pytest.mark.parametrize("providers", ["", " ", ","])
def test_post_gen_removes_the_social_files_when_no_provider_is_chosen(providers):
    social_files = {path for path in removed(social_providers="") if "social" in path}

    assert "users/social.py" in social_files
    assert "users/api/social.py" in social_files
    assert {
        path for path in removed(social_providers=providers) if "social" in path
    } == social_files


def test_post_gen_never_removes_the_always_needed_files():
    always = {
        "users/api/passwords.py",
        "users/api/usernames.py",
        "users/templates/users/email/password_reset.html",
        "users/templates/users/email/username_reset.html",
    }
    assert not always & removed(**all_booleans(False))


@pytest.fixture
def tree(tmp_path):
    """A project tree holding every optional file and a few that are always kept."""
    everything = post_gen.unneeded_paths(full_answers(**all_booleans(False, token_strategy="jwt")))
    everything += post_gen.unneeded_paths(full_answers(token_strategy="token"))
    for path in [*everything, "users/api/passwords.py", "users/api/jwt.py"]:
        path = tmp_path / path
        if path.suffix:
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text("# kept?\n")
        else:  # a whole app
            path.mkdir(parents=True, exist_ok=True)
    return tmp_path


def test_post_gen_main_deletes_unneeded_files_and_keeps_the_rest(tree):
    chosen = full_answers(**all_booleans(False, token_strategy="jwt"))

    assert post_gen.main(chosen, project_dir=tree) == 0

    assert not (tree / "users/api/activation.py").exists()
    assert not (tree / "users/api/authtoken.py").exists()
    assert not (tree / "users/templates/users/email/confirmation.html").exists()
    assert (tree / "users/api/jwt.py").exists()
    assert (tree / "users/api/passwords.py").exists()


def test_post_gen_main_writes_a_development_secret_to_dotenv(tree):
    post_gen.main(full_answers(), project_dir=tree)

    values = dict(line.split("=", 1) for line in (tree / ".env").read_text().splitlines())
    assert len(values["DJANGO_SECRET_KEY"]) >= 50


def test_post_gen_main_keeps_an_existing_dotenv(tree):
    (tree / ".env").write_text("DJANGO_SECRET_KEY=mine\n")

    post_gen.main(full_answers(), project_dir=tree)

    assert (tree / ".env").read_text() == "DJANGO_SECRET_KEY=mine\n"


def test_post_gen_main_tolerates_files_already_gone(tmp_path):
    assert post_gen.main(full_answers(**all_booleans(False)), project_dir=tmp_path) == 0


def test_pre_gen_refuses_jwt_cookies_without_jwts():
    problems = list(pre_gen.errors(full_answers(jwt_cookie=True, token_strategy="token")))

    assert problems == ["jwt_cookie needs token_strategy jwt or both"]


def test_pre_gen_refuses_login_by_email_or_username_with_email_logins():
    answers = full_answers(login_with_email_or_username=True, username_field="email")

    assert list(pre_gen.errors(answers)) == [
        "login_with_email_or_username needs username_field username"
    ]


CATALOG = """# A comment
msgid ""
msgstr ""
"Content-Type: text/plain; charset=UTF-8\\n"

msgid "Welcome to %(site_name)s."
msgstr "Willkommen bei %(site_name)s."

msgid "Invalid token."
msgstr ""
"Ungültiges "
"Token."

msgid "Say \\"hi\\""
msgstr "Sag \\"hallo\\""

msgid "Not translated yet."
msgstr ""
"""


def test_catalog_entries_are_read_with_continuation_lines_and_escapes():
    entries = {msgid: msgstr for msgid, msgstr, _ in post_gen.catalog_blocks(CATALOG)}

    assert entries["Invalid token."] == "Ungültiges Token."
    assert entries['Say "hi"'] == 'Sag "hallo"'
    assert entries[""].startswith("Content-Type")


def test_prune_catalog_keeps_the_header_and_the_messages_the_project_uses():
    sources = '_("Invalid token.")\n<p>{% blocktranslate %}Welcome to {{ site_name }}.'

    pruned = post_gen.prune_catalog(CATALOG, sources)

    assert [msgid for msgid, _, _ in post_gen.catalog_blocks(pruned)] == [
        "",
        "Welcome to %(site_name)s.",
        "Invalid token.",
    ]
    assert pruned.startswith("# A comment\n")


def test_compiled_catalog_translates_like_gettext_expects(tmp_path):
    catalog = gettext.GNUTranslations(io.BytesIO(post_gen.compile_catalog(CATALOG)))

    assert catalog.gettext("Invalid token.") == "Ungültiges Token."
    assert catalog.gettext('Say "hi"') == 'Sag "hallo"'
    assert catalog.gettext("Not translated yet.") == "Not translated yet."


@pytest.mark.skipif(not shutil.which("msgfmt"), reason="GNU gettext's msgfmt is not installed")
def test_compiled_catalog_holds_what_msgfmt_makes_of_the_template_catalog(tmp_path):
    po = TEMPLATE / "{{cookiecutter.project_slug}}/locale/de/LC_MESSAGES/django.po"
    subprocess.run(["msgfmt", "-o", tmp_path / "django.mo", po], check=True)
    reference = gettext.GNUTranslations((tmp_path / "django.mo").open("rb"))

    ours = gettext.GNUTranslations(io.BytesIO(post_gen.compile_catalog(po.read_text())))

    assert ours._catalog == reference._catalog
