"""Settings shared by every environment, read from the environment or a `.env` file."""

{% if cookiecutter.token_strategy in ["jwt", "both"] %}
from datetime import timedelta
{% endif %}
from pathlib import Path

import environ

BASE_DIR = Path(__file__).resolve().parent.parent.parent

env = environ.Env()
env.read_env(BASE_DIR / ".env")

# https://docs.djangoproject.com/en/stable/ref/settings/#core-settings
DEBUG = env.bool("DJANGO_DEBUG", default=False)
ALLOWED_HOSTS = env.list("DJANGO_ALLOWED_HOSTS", default=[])
ROOT_URLCONF = "config.urls"
WSGI_APPLICATION = "config.wsgi.application"
TIME_ZONE = "UTC"
USE_TZ = True

# https://docs.djangoproject.com/en/stable/topics/i18n/translation/
# Answers and mail follow the request's Accept-Language; add a language here and its
# catalog under locale/ (manage.py makemessages -l <code>, then compilemessages).
USE_I18N = True
LANGUAGE_CODE = "en"
LANGUAGES = [("en", "English"), ("de", "Deutsch")]
LOCALE_PATHS = [BASE_DIR / "locale"]

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "rest_framework",
{% if cookiecutter.token_strategy in ["jwt", "both"] %}
    "rest_framework_simplejwt.token_blacklist",
{% endif %}
    "corsheaders",
    "drf_spectacular",
{% if cookiecutter.phone_number != "none" %}
    "phonenumber_field",
{% endif %}
{% if cookiecutter.__social %}
    "social_django",
{% endif %}
    "users",
{% if cookiecutter.mfa %}
    "mfa",
{% endif %}
{% if cookiecutter.login_by_code %}
    "login_codes",
{% endif %}
{% if cookiecutter.phone_number != "none" %}
    "phones",
{% endif %}
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "config.middleware.language_middleware",
    "corsheaders.middleware.CorsMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
]

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
            ],
        },
    },
]

# https://django-environ.readthedocs.io/en/latest/types.html
DATABASES = {"default": env.db("DATABASE_URL", default=f"sqlite:///{BASE_DIR / 'db.sqlite3'}")}
# https://docs.djangoproject.com/en/stable/ref/databases/#server-side-parameters-binding
# On PostgreSQL, a statement a connection has run a few times is prepared, so PostgreSQL
# stops planning it anew: most of its work for the lookups each request makes. Turn it
# off behind a pooler that loses prepared statements (PgBouncer in transaction mode
# before 1.21, or without max_prepared_statements).
if DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql" and env.bool(
    "DJANGO_DB_PREPARED_STATEMENTS", default=True
):
    DATABASES["default"].setdefault("OPTIONS", {}).update(
        server_side_binding=True, prepare_threshold=5
    )
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"
CACHES = {"default": env.cache("CACHE_URL", default="locmemcache://")}

STATIC_URL = "static/"
STATIC_ROOT = BASE_DIR / "staticfiles"
{% if cookiecutter.profile_image %}

# https://docs.djangoproject.com/en/stable/topics/files/
# Profile images go to the default storage: files under MEDIA_ROOT, served at MEDIA_URL
# by the web server in production (runserver serves them with DEBUG on). Another
# storage backend (S3 and the like) can be set in STORAGES.
MEDIA_ROOT = env.path("MEDIA_ROOT", default=BASE_DIR / "media")
MEDIA_URL = env("MEDIA_URL", default="media/")
# users/images.py refuses larger uploads.
PROFILE_IMAGE_MAX_BYTES = env.int("PROFILE_IMAGE_MAX_BYTES", default=5 * 1024 * 1024)
PROFILE_IMAGE_MAX_PIXELS = env.int("PROFILE_IMAGE_MAX_PIXELS", default=25_000_000)
{% endif %}

# https://docs.djangoproject.com/en/stable/topics/auth/customizing/
AUTH_USER_MODEL = "users.User"
{% if cookiecutter.phone_number != "none" %}
AUTHENTICATION_BACKENDS = [
{% if cookiecutter.login_with_email_or_username %}
    # The username or the email address.
    "users.backends.UsernameOrEmailBackend",
{% else %}
    "django.contrib.auth.backends.ModelBackend",
{% endif %}
    # A verified phone number, at token/login/phone/ and jwt/create/phone/.
    "phones.backends.PhoneNumberBackend",
]
{% elif cookiecutter.login_with_email_or_username %}
# Logins take the username or the email address.
AUTHENTICATION_BACKENDS = ["users.backends.UsernameOrEmailBackend"]
{% endif %}
AUTH_PASSWORD_VALIDATORS = [
    {
        "NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator",
        # Django's default list names first_name and last_name; this model has one name.
{% if cookiecutter.username_field == "username" %}
        "OPTIONS": {"user_attributes": ["username", "email", "name"]},
{% else %}
        "OPTIONS": {"user_attributes": ["email", "name"]},
{% endif %}
    },
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
# Argon2 for new hashes; the others still check older hashes, which are then upgraded.
PASSWORD_HASHERS = [
    "django.contrib.auth.hashers.Argon2PasswordHasher",
    "django.contrib.auth.hashers.PBKDF2PasswordHasher",
    "django.contrib.auth.hashers.PBKDF2SHA1PasswordHasher",
    "django.contrib.auth.hashers.ScryptPasswordHasher",
]
# Lifetime of activation, reset and email change links, in seconds.
PASSWORD_RESET_TIMEOUT = env.int("PASSWORD_RESET_TIMEOUT", default=60 * 60 * 24 * 3)
{% if cookiecutter.login_by_code %}
# How long a mailed login code works, in seconds.
LOGIN_CODE_TIMEOUT = env.int("LOGIN_CODE_TIMEOUT", default=10 * 60)
{% endif %}
{% if cookiecutter.phone_number != "none" %}
# How long a texted phone code works, in seconds.
PHONE_CODE_TIMEOUT = env.int("PHONE_CODE_TIMEOUT", default=10 * 60)
{% endif %}
{% if cookiecutter.mfa %}
# How long a login's two-factor challenge waits for its code, in seconds.
MFA_CHALLENGE_TIMEOUT = env.int("MFA_CHALLENGE_TIMEOUT", default=5 * 60)
{% endif %}

# https://www.django-rest-framework.org/api-guide/settings/
REST_FRAMEWORK = {
    # The first class answers unauthenticated requests with 401 and WWW-Authenticate.
    "DEFAULT_AUTHENTICATION_CLASSES": [
{% if cookiecutter.jwt_cookie %}
        "users.jwt_cookies.CookieJWTAuthentication",
{% elif cookiecutter.token_strategy in ["jwt", "both"] %}
        "users.jwt.JWTAuthentication",
{% endif %}
{% if cookiecutter.token_strategy in ["token", "both"] %}
        "users.authtoken.TokenAuthentication",
{% endif %}
    ],
    "DEFAULT_PERMISSION_CLASSES": ["rest_framework.permissions.IsAuthenticated"],
    "DEFAULT_PARSER_CLASSES": [
        "users.api.parsers.JSONParser",
        "rest_framework.parsers.FormParser",
        "rest_framework.parsers.MultiPartParser",
    ],
    "DEFAULT_RENDERER_CLASSES": ["rest_framework.renderers.JSONRenderer"],
    "DEFAULT_SCHEMA_CLASS": "users.api.schema.AutoSchema",
    "DEFAULT_PAGINATION_CLASS": "rest_framework.pagination.PageNumberPagination",
    "PAGE_SIZE": 50,
    # Trusted proxies in front of the app; 0 means the client is REMOTE_ADDR and
    # X-Forwarded-For, which anyone can write, is ignored.
    "NUM_PROXIES": env.int("DJANGO_NUM_PROXIES", default=0),
}

# Rate limits of users/api/throttles.py, counted in the default cache (CACHE_URL), so
# every worker sharing that cache counts together. Each rate can be set as
# THROTTLE_<SCOPE>, e.g. THROTTLE_LOGIN_FAILED=5/min; THROTTLE_ENABLED=false turns all off.
THROTTLE_ENABLED = env.bool("THROTTLE_ENABLED", default=True)
THROTTLE_RATES = {
    scope: env(f"THROTTLE_{scope.upper()}", default=rate) if THROTTLE_ENABLED else None
    for scope, rate in {
        "login_failed": "5/min",  # failed logins per account
        "login_failed_ip": "30/min",  # failed logins per client address
        "registration": "20/hour",  # registrations per client address
        "account_mail": "3/hour",  # reset and activation mails per email address
        "account_mail_ip": "30/hour",  # reset and activation requests per client address
{% if cookiecutter.phone_number != "none" %}
        "sms": "3/hour",  # texted codes per phone number
        "sms_ip": "30/hour",  # texted code requests per client address
{% endif %}
{% if cookiecutter.mfa %}
        "mfa_failed": "5/min",  # wrong passwords and codes per user at the mfa/ endpoints
{% endif %}
{% if cookiecutter.username_field == "username" %}
        "check_username": "60/min",  # username availability checks per client address
{% endif %}
    }.items()
}
{% if cookiecutter.token_strategy in ["jwt", "both"] %}

# https://django-rest-framework-simplejwt.readthedocs.io/en/latest/settings.html
SIMPLE_JWT = {
    "ALGORITHM": "HS256",
    "ACCESS_TOKEN_LIFETIME": timedelta(minutes=env.int("JWT_ACCESS_MINUTES", default=5)),
    "REFRESH_TOKEN_LIFETIME": timedelta(days=env.int("JWT_REFRESH_DAYS", default=1)),
    "AUTH_HEADER_TYPES": ("Bearer", "JWT"),
    # users.api.jwt sends user_logged_in instead, which also updates last_login.
    "UPDATE_LAST_LOGIN": False,
    # Tokens carry a hash of the password: changing it ends every earlier token.
    "CHECK_REVOKE_TOKEN": True,
    # Each refresh answers with a new refresh token and spends the old one.
    "ROTATE_REFRESH_TOKENS": True,
    "BLACKLIST_AFTER_ROTATION": True,
}
{% endif %}
{% if cookiecutter.jwt_cookie %}

# users/jwt_cookies.py: browsers get their JWTs as httpOnly cookies as well, and send
# the X-CSRFToken header with them. Lax keeps the cookies from requests other sites
# start; a frontend on another site needs None (and Secure).
JWT_COOKIE_SECURE = env.bool("JWT_COOKIE_SECURE", default=True)
JWT_COOKIE_SAMESITE = env("JWT_COOKIE_SAMESITE", default="Lax")
# https://docs.djangoproject.com/en/stable/ref/settings/#csrf-trusted-origins
# Origins of a frontend on another origin, e.g. https://app.example.com.
CSRF_TRUSTED_ORIGINS = env.list("CSRF_TRUSTED_ORIGINS", default=[])
{% endif %}

{% if cookiecutter.__social %}
# https://python-social-auth.readthedocs.io/en/latest/configuration/settings.html
# users/social.py runs these providers' logins for o/{provider}/. Each one's client id
# and secret come from the environment under python-social-auth's own names.
SOCIAL_AUTH_AUTHENTICATION_BACKENDS = [
{% for provider in cookiecutter.__social.split(",") %}
    "{{ cookiecutter._social_backends[provider]["class"] }}",
{% endfor %}
]
{% for provider in cookiecutter.__social.split(",") %}
{% set prefix = "SOCIAL_AUTH_" ~ provider.upper().replace("-", "_") %}
{% for name in cookiecutter._social_backends[provider]["settings"] %}
{% if provider == "apple-id" and name == "SECRET" %}
# The private key (PEM), its line breaks written as \n.
{{ prefix }}_{{ name }} = env.str("{{ prefix }}_{{ name }}", default="", multiline=True)
{% else %}
{{ prefix }}_{{ name }} = env("{{ prefix }}_{{ name }}", default="")
{% endif %}
{% endfor %}
{% for name, value in cookiecutter._social_backends[provider]["extra"].items() %}
{{ prefix }}_{{ name }} = {{ value | tojson }}
{% endfor %}
{% endfor %}
# Frontend pages the provider may send the user back to, each matched exactly.
SOCIAL_AUTH_ALLOWED_REDIRECT_URIS = env.list("SOCIAL_AUTH_ALLOWED_REDIRECT_URIS", default=[])
# Seconds a user has to come back from the provider with the state o/{provider}/ issued.
SOCIAL_AUTH_STATE_MAX_AGE = env.int("SOCIAL_AUTH_STATE_MAX_AGE", default=10 * 60)
# Log an existing account in by its email address, when the provider says it verified
# that address. Off: such a login answers 400, and the owner connects the provider
# from their account instead.
SOCIAL_AUTH_ASSOCIATE_BY_VERIFIED_EMAIL = env.bool(
    "SOCIAL_AUTH_ASSOCIATE_BY_VERIFIED_EMAIL", default=False
)
SOCIAL_AUTH_PIPELINE = [
    "social_core.pipeline.social_auth.social_details",
    "social_core.pipeline.social_auth.social_uid",
    "social_core.pipeline.social_auth.auth_allowed",
    "social_core.pipeline.social_auth.social_user",
    "users.social.associate_by_verified_email",
    "users.social.create_user",
    "social_core.pipeline.social_auth.associate_user",
    "social_core.pipeline.social_auth.load_extra_data",
]

{% endif %}
# https://drf-spectacular.readthedocs.io/en/latest/settings.html
# The schema at /api/schema/ and Swagger UI at /api/docs/; production turns them off
# unless API_DOCS_ENABLED=true.
API_DOCS_ENABLED = env.bool("API_DOCS_ENABLED", default=True)
SPECTACULAR_SETTINGS = {
    "TITLE": "{{ cookiecutter.project_slug }}",
    "VERSION": "0.1.0",
    "SERVE_INCLUDE_SCHEMA": False,
    "COMPONENT_SPLIT_REQUEST": True,
}

# https://github.com/adamchainz/django-cors-headers#configuration
# Origins of a browser frontend served from another site, e.g. https://app.example.com;
# none by default, so browsers allow same-origin calls only.
CORS_ALLOWED_ORIGINS = env.list("CORS_ALLOWED_ORIGINS", default=[])
{% if cookiecutter.jwt_cookie %}
# Lets those origins send the JWT cookies (fetch with credentials: "include").
CORS_ALLOW_CREDENTIALS = True
{% endif %}

# https://docs.djangoproject.com/en/stable/topics/email/
globals().update(env.email_url("EMAIL_URL", default="consolemail://"))
DEFAULT_FROM_EMAIL = env("DEFAULT_FROM_EMAIL", default="webmaster@localhost")

# Links in emails point at the frontend: {protocol}://{domain}/{url}.
EMAIL_FRONTEND_PROTOCOL = env("EMAIL_FRONTEND_PROTOCOL", default="http")
EMAIL_FRONTEND_DOMAIN = env("EMAIL_FRONTEND_DOMAIN", default="localhost:8000")
EMAIL_FRONTEND_SITE_NAME = env("EMAIL_FRONTEND_SITE_NAME", default="{{ cookiecutter.project_slug }}")
{% if cookiecutter.send_activation_email %}
ACTIVATION_URL = env("ACTIVATION_URL", default="#/activate/{uid}/{token}")
{% endif %}
PASSWORD_RESET_CONFIRM_URL = env(
    "PASSWORD_RESET_CONFIRM_URL", default="#/password/reset/confirm/{uid}/{token}"
)
USERNAME_RESET_CONFIRM_URL = env(
    "USERNAME_RESET_CONFIRM_URL", default="#/username/reset/confirm/{uid}/{token}"
)
EMAIL_CHANGE_CONFIRM_URL = env(
    "EMAIL_CHANGE_CONFIRM_URL", default="#/email/change/confirm/{uid}/{token}"
)
{% if cookiecutter.phone_number != "none" %}

# phones/sms.py: the backend that sends text messages, e.g. phones.sms.TwilioSMSBackend;
# the default prints them.
SMS_BACKEND = env("SMS_BACKEND", default="phones.sms.ConsoleSMSBackend")
# https://www.twilio.com/docs/usage/requests-to-twilio: for TwilioSMSBackend.
TWILIO_ACCOUNT_SID = env("TWILIO_ACCOUNT_SID", default="")
TWILIO_AUTH_TOKEN = env("TWILIO_AUTH_TOKEN", default="")
# The sender: a number of the Twilio account, in E.164 (+15017122661).
TWILIO_FROM_NUMBER = env("TWILIO_FROM_NUMBER", default="")
{% endif %}
{% if cookiecutter.use_celery %}

# https://docs.celeryq.dev/en/stable/django/first-steps-with-django.html
# Account mail is sent by a worker (`celery -A config worker`) through this Redis
# broker, e.g. redis://localhost:6379/0. Without a broker, tasks run in the web
# process, so runserver needs no worker.
CELERY_BROKER_URL = env("CELERY_BROKER_URL", default="")
CELERY_TASK_ALWAYS_EAGER = not CELERY_BROKER_URL
{% endif %}
