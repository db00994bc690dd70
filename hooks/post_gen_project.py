"""Remove the files the answers do not need, fit the translation catalogs to what is left
and write a development `.env`."""

import ast
import json
import re
import secrets
import shutil
import struct
import sys
from pathlib import Path

# Cookiecutter renders this before it runs the hook; JSON escapes keep any answer inside
# the raw string.
ANSWERS_JSON = r"""{{ cookiecutter | tojson }}"""

EMAIL_TEMPLATES = Path("users/templates/users/email")


def email_files(name):
    return [
        EMAIL_TEMPLATES / f"{name}{suffix}"
        for suffix in ("_subject.txt", ".txt", ".html")
    ]


def unneeded_paths(answers):
    """Every optional file, mapped to whether these answers keep it."""
    jwt = answers["token_strategy"] in ("jwt", "both")
    drf_token = answers["token_strategy"] in ("token", "both")
    activation = answers["send_activation_email"]
    social = any(name.strip() for name in answers["social_providers"].split(","))
    # After 0002_authtoken when that is kept too, as the templated file name says.
    number = "0003" if jwt and drf_token else "0002"
    jwt_sessions_migration = Path(f"users/migrations/{number}_jwtsession.py")
    username = answers["username_field"] == "username"
    email_login = answers["login_with_email_or_username"]
    phone = answers["phone_number"] != "none"
    keep = {
        Path("users/api/activation.py"): activation,
        Path("users/tests/test_activation.py"): activation,
        Path("users/tests/test_resend_activation.py"): activation,
        Path("users/api/authtoken.py"): drf_token,
        Path("users/authtoken.py"): drf_token,
        Path("users/migrations/0002_authtoken.py"): drf_token,
        Path("users/tests/test_token_authentication.py"): drf_token,
        Path("users/tests/test_token_login.py"): drf_token,
        Path("users/tests/test_token_logout.py"): drf_token,
        Path("users/backends.py"): email_login,
        Path("users/validators.py"): email_login,
        Path("users/tests/test_login_with_email.py"): email_login,
        Path("users/api/check_username.py"): username,
        Path("users/tests/test_check_username.py"): username,
        Path("users/api/jwt.py"): jwt,
        Path("users/jwt.py"): jwt,
        jwt_sessions_migration: jwt,
        Path("users/tests/test_jwt_logout.py"): jwt,
        Path("users/tests/test_jwt_revocation.py"): jwt,
        Path("users/tests/test_jwt_create.py"): jwt,
        Path("users/tests/test_jwt_refresh.py"): jwt,
        Path("users/tests/test_jwt_verify.py"): jwt,
        Path("demo"): answers["demo_page"],
        Path("users/tests/test_enumeration.py"): answers["prevent_enumeration"],
        Path("users/jwt_cookies.py"): answers["jwt_cookie"],
        Path("users/tests/test_jwt_cookies.py"): answers["jwt_cookie"],
        Path("login_codes"): answers["login_by_code"],
        Path("login_codes/authtoken.py"): answers["login_by_code"] and drf_token,
        Path("login_codes/jwt.py"): answers["login_by_code"] and jwt,
        Path("login_codes/tests/test_token_code_login.py"): answers["login_by_code"]
        and drf_token,
        Path("login_codes/tests/test_jwt_code_login.py"): answers["login_by_code"]
        and jwt,
        Path("mfa"): answers["mfa"],
        Path("mfa/jwt.py"): answers["mfa"] and jwt,
        Path("mfa/authtoken.py"): answers["mfa"] and drf_token,
        Path("mfa/tests/test_jwt_mfa_verify.py"): answers["mfa"] and jwt,
        Path("mfa/tests/test_token_mfa_verify.py"): answers["mfa"] and drf_token,
        Path("phones"): phone,
        Path("phones/authtoken.py"): phone and drf_token,
        Path("phones/jwt.py"): phone and jwt,
        Path("phones/tests/test_token_phone_login.py"): phone and drf_token,
        Path("phones/tests/test_token_phone_code_login.py"): phone and drf_token,
        Path("phones/tests/test_jwt_phone_login.py"): phone and jwt,
        Path("phones/tests/test_jwt_phone_code_login.py"): phone and jwt,
        Path("config/celery.py"): answers["use_celery"],
        Path("users/tasks.py"): answers["use_celery"],
        Path("users/tests/test_tasks.py"): answers["use_celery"],
        Path("users/images.py"): answers["profile_image"],
        Path("users/api/images.py"): answers["profile_image"],
        Path("users/tests/test_me_image.py"): answers["profile_image"],
        Path("users/social.py"): social,
        Path("users/api/social.py"): social,
        Path("users/tests/social_providers.py"): social,
        Path("users/tests/test_social_login.py"): social,
        Path("users/tests/test_social_connect.py"): social,
        Path("users/tests/test_social_accounts.py"): social,
        Path("users/tests/test_social_account_deletion.py"): social,
    }
    for path in email_files("activation"):
        keep[path] = activation
    for path in email_files("confirmation"):
        keep[path] = answers["send_confirmation_email"]
    for path in email_files("password_changed_confirmation"):
        keep[path] = answers["password_changed_email_confirmation"]
    for path in email_files("username_changed_confirmation"):
        keep[path] = answers["username_changed_email_confirmation"]
    for path in email_files("account_exists"):
        keep[path] = answers["prevent_enumeration"]
    return [path for path, kept in keep.items() if not kept]


def remove(path):
    if path.is_dir():
        shutil.rmtree(path)
    elif path.exists():
        path.unlink()


def write_dotenv(project_dir):
    dotenv = project_dir / ".env"
    if not dotenv.exists():
        dotenv.write_text(
            f"DJANGO_SECRET_KEY={secrets.token_urlsafe(50)}\nDJANGO_DEBUG=true\n"
        )


def catalog_blocks(po_text):
    """The entries of a .po file, as (msgid, msgstr, text of the entry)."""
    for block in po_text.strip().split("\n\n"):
        fields, current = {}, None
        for line in block.splitlines():
            keyword, _, rest = line.partition(" ")
            if keyword in ("msgid", "msgstr"):
                current, line = keyword, rest
            if line.startswith('"') and current:
                fields[current] = fields.get(current, "") + ast.literal_eval(line)
        if "msgid" in fields:
            yield fields["msgid"], fields.get("msgstr", ""), block


def is_used(msgid, sources):
    # Python code holds a message as it is; Django templates write %(name)s as a
    # variable tag (spelled out below so that cookiecutter does not render it).
    as_template = re.sub(r"%\((\w+)\)s", "{" * 2 + r" \1 " + "}" * 2, msgid)
    return msgid in sources or as_template in sources


def prune_catalog(po_text, sources):
    """The .po text without the messages that no file of the project uses."""
    kept = [
        block
        for msgid, _, block in catalog_blocks(po_text)
        if not msgid or is_used(msgid, sources)
    ]
    return "\n\n".join(kept) + "\n"


def compile_catalog(po_text):
    """The GNU .mo file of a .po text, without the optional hash table; untranslated entries
    are left out, as msgfmt does."""
    messages = sorted(
        (msgid.encode(), msgstr.encode())
        for msgid, msgstr, _ in catalog_blocks(po_text)
        if msgstr
    )
    header_size, entry_size = 7 * 4, 8
    keys_start = header_size + 2 * entry_size * len(messages)
    values_start = keys_start + sum(len(msgid) + 1 for msgid, _ in messages)
    key_table, value_table, keys, values = [], [], b"", b""
    for msgid, msgstr in messages:
        key_table += [len(msgid), keys_start + len(keys)]
        value_table += [len(msgstr), values_start + len(values)]
        keys += msgid + b"\0"
        values += msgstr + b"\0"
    header = struct.pack(
        "<Iiiiiii",
        0x950412DE,
        0,
        len(messages),
        header_size,
        header_size + entry_size * len(messages),
        0,
        0,
    )
    tables = struct.pack(f"<{len(key_table) * 2}i", *key_table, *value_table)
    return header + tables + keys + values


def project_sources(project_dir):
    return "\n".join(
        path.read_text(encoding="utf-8")
        for pattern in ("**/*.py", "**/*.html", "**/*.txt")
        for path in project_dir.glob(pattern)
        if "locale" not in path.relative_to(project_dir).parts
    )


def build_catalogs(project_dir):
    sources = project_sources(project_dir)
    for po in project_dir.glob("locale/*/LC_MESSAGES/django.po"):
        po_text = prune_catalog(po.read_text(encoding="utf-8"), sources)
        po.write_text(po_text, encoding="utf-8")
        po.with_suffix(".mo").write_bytes(compile_catalog(po_text))


def main(answers, project_dir=Path()):
    for path in unneeded_paths(answers):
        remove(project_dir / path)
    build_catalogs(project_dir)
    write_dotenv(project_dir)
    return 0


if __name__ == "__main__":
    sys.exit(main(json.loads(ANSWERS_JSON)))
