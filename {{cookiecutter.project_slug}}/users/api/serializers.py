from contextlib import contextmanager

from django.contrib.auth.password_validation import validate_password
from django.core.exceptions import ValidationError as DjangoValidationError
from django.db import IntegrityError, transaction
from django.utils.translation import gettext_lazy as _
from rest_framework import serializers

from users import services
{% if cookiecutter.username_field == "username" %}
from users.auth_log import log_event
{% endif %}
from users.models import User
from users.tokens import decode_uid

DUPLICATE_EMAIL = _("A user with that email address already exists.")
{% if cookiecutter.username_field == "username" %}
DUPLICATE_USERNAME = _("A user with that username already exists.")
{% endif %}


class PasswordField(serializers.CharField):
    """A write-only password, kept exactly as typed and capped before hashing."""

    def __init__(self, **kwargs):
        kwargs.setdefault("max_length", 128)
        super().__init__(
            write_only=True, trim_whitespace=False, style={"input_type": "password"}, **kwargs
        )


def check_password_strength(password, user, field):
    try:
        validate_password(password, user)
    except DjangoValidationError as error:
        raise serializers.ValidationError({field: list(error.messages)}) from error


def check_retyped(attrs, field, retyped_field):
    if attrs[field] != attrs.pop(retyped_field):
        raise serializers.ValidationError(
            _("The two %(field)s fields didn't match.") % {"field": field.replace("_", " ")},
            code="mismatch",
        )


@contextmanager
def atomic_reporting_races(serializer):
    """Run the block in a transaction; if a concurrent request took a unique value
    after validation, answer with the field error that validating again gives."""
    try:
        with transaction.atomic():
            yield
    except IntegrityError:
        serializer.run_validation(serializer.initial_data)
        raise


def check_email_is_free(email, user=None):
    others = User.objects.with_email(email)
    if user is not None:
        others = others.exclude(pk=user.pk)
    if others.exists():
        raise serializers.ValidationError(DUPLICATE_EMAIL, code="unique")
    return email
{% if cookiecutter.username_field == "username" %}


def check_username_is_free(username):
    if User.objects.with_login(username).exists():
        raise serializers.ValidationError(DUPLICATE_USERNAME, code="unique")
    return username
{% endif %}


class UserSerializer(serializers.ModelSerializer):
    pending_email = serializers.CharField(
        read_only=True, help_text=_("A new address waiting for confirmation, or empty.")
    )
{% if cookiecutter.phone_number != "none" %}
    phone_verified = serializers.BooleanField(
        read_only=True, help_text=_("Whether a code texted to the phone number came back.")
    )
{% endif %}
{% if cookiecutter.profile_image %}
    # Uploaded and deleted at users/me/image/.
    image = serializers.ImageField(read_only=True, allow_null=True)
{% endif %}

{% set profile_fields = ["id"] + (["username"] if cookiecutter.username_field == "username" else []) + ["email", "pending_email", "name"] + (["phone_number", "phone_verified"] if cookiecutter.phone_number != "none" else []) + (["image"] if cookiecutter.profile_image else []) %}
{% set fields_line = "        fields = " ~ (profile_fields | tojson) %}
    class Meta:
        model = User
{% if fields_line | length <= 100 %}
{{ fields_line }}
{% else %}
        fields = [
{% for name in profile_fields %}
            "{{ name }}",
{% endfor %}
        ]
{% endif %}
{% if cookiecutter.username_field == "username" %}
        read_only_fields = ["username"]
{% else %}
        read_only_fields = ["email"]
{% endif %}
{% if cookiecutter.username_field == "username" and not cookiecutter.prevent_enumeration %}

    def validate_email(self, value):
        return check_email_is_free(value, user=self.instance)
{% endif %}
{% if cookiecutter.phone_number != "none" %}

    def validate(self, attrs):
        if "phone_number" in attrs and attrs["phone_number"] != self.instance.phone_number:
            # A new number counts as unverified until a code texted to it comes back.
            attrs["phone_verified_at"] = None
        return attrs

    def save(self, **kwargs):
        # A number another account took since validation answers 400 all the same.
        with atomic_reporting_races(self):
            return super().save(**kwargs)
{% endif %}
{% if cookiecutter.username_field == "username" %}

    def update(self, instance, validated_data):
        # A new address takes over once it is confirmed: see users/api/email_change.py.
        email = User.objects.normalize_email(validated_data.pop("email", instance.email))
        user = super().update(instance, validated_data)
        if email != user.email:
            log_event("email_change_requested", request=self.context["request"], user=user)
            services.email_change_request(user=user, email=email)
        return user
{% endif %}

    def to_representation(self, user):
        # users/me is the busiest endpoint, and building a ModelSerializer's fields costs
        # more than the rest of its request: the answer is read straight off the user.
        return {
            "id": user.pk,
{% if cookiecutter.username_field == "username" %}
            "username": user.username,
{% endif %}
            "email": user.email,
            "pending_email": user.pending_email,
            "name": user.name,
{% if cookiecutter.phone_number != "none" %}
            "phone_number": str(user.phone_number),
            "phone_verified": user.phone_verified,
{% endif %}
{% if cookiecutter.profile_image %}
            "image": self.fields["image"].to_representation(user.image),
{% endif %}
        }


class UserCreateSerializer(serializers.ModelSerializer):
    password = PasswordField()
{% if cookiecutter.user_create_password_retype %}
    re_password = PasswordField()
{% endif %}

{% set fields = ([] if cookiecutter.prevent_enumeration else ["id"]) + (["username"] if cookiecutter.username_field == "username" else []) + ["email"] + (["phone_number"] if cookiecutter.phone_number != "none" else []) + ["password"] + (["re_password"] if cookiecutter.user_create_password_retype else []) %}
    class Meta:
        model = User
        fields = {{ fields | tojson }}
{% if cookiecutter.prevent_enumeration and cookiecutter.phone_number == "optional" %}
        extra_kwargs = {
            # A taken address is no error here: see create().
            "email": {"validators": []},
            # Taken but not answered: the answer holds the login field and REQUIRED_FIELDS.
            "phone_number": {"write_only": True},
        }
{% elif cookiecutter.prevent_enumeration %}
        # A taken address is no error here: see create().
        extra_kwargs = {"email": {"validators": []}}
{% elif cookiecutter.phone_number == "optional" %}
        # Taken but not answered: the answer holds the login field and REQUIRED_FIELDS.
        extra_kwargs = {"phone_number": {"write_only": True}}
{% endif %}
{% if cookiecutter.username_field == "username" %}

    def validate_username(self, value):
        return check_username_is_free(value)
{% endif %}
{% if not cookiecutter.prevent_enumeration %}

    def validate_email(self, value):
        return check_email_is_free(value)
{% endif %}

    def validate(self, attrs):
{% if cookiecutter.user_create_password_retype %}
        check_retyped(attrs, "password", "re_password")
{% endif %}
        check_password_strength(attrs["password"], User(**attrs), "password")
        return attrs

    def create(self, validated_data):
{% if cookiecutter.prevent_enumeration %}
        # A taken address gets the answer a new one gets, so registration tells no one
        # who has an account; the owner of the address is told by mail instead.
        if User.objects.with_email(validated_data["email"]).exists():
            return self.answer_taken_email(validated_data)
        try:
            with atomic_reporting_races(self):
                return services.user_create(request=self.context["request"], **validated_data)
        except IntegrityError:
            return self.answer_taken_email(validated_data)

    def answer_taken_email(self, validated_data):
        services.user_register_taken_email(**validated_data)
        validated_data.pop("password")
        return User(**validated_data)
{% else %}
        with atomic_reporting_races(self):
            return services.user_create(request=self.context["request"], **validated_data)
{% endif %}


class CurrentPasswordSerializer(serializers.Serializer):
    current_password = PasswordField()

    def validate_current_password(self, value):
        if not self.context["request"].user.check_password(value):
            raise serializers.ValidationError(_("Invalid password."), code="invalid_password")
        return value


class EmailSerializer(serializers.Serializer):
    email = serializers.EmailField()


class UidAndTokenSerializer(serializers.Serializer):
    """Resolves a `{uid}/{token}` link into `attrs["user"]`."""

    token_generator = None

    uid = serializers.CharField()
    token = serializers.CharField()

    def validate_uid(self, value):
        try:
            # Locked until the action commits: two requests with one link cannot both pass
            # the token check before either has spent it.
            return User.objects.select_for_update().get(pk=decode_uid(value))
        except (ValueError, User.DoesNotExist) as error:
            raise serializers.ValidationError(
                _("Invalid user id or user doesn't exist."), code="invalid_uid"
            ) from error

    def validate(self, attrs):
        attrs["user"] = attrs.pop("uid")
        if not self.token_generator.check_token(attrs["user"], attrs["token"]):
            raise serializers.ValidationError(
                {"token": [_("Invalid token for given user.")]}, code="invalid_token"
            )
        return super().validate(attrs)
