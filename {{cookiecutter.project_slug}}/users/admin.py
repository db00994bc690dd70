from django.contrib import admin
from django.contrib.auth.admin import UserAdmin as BaseUserAdmin
from django.contrib.auth.forms import AdminUserCreationForm, UserChangeForm
from django.utils.translation import gettext_lazy as _

{% if cookiecutter.token_strategy == "both" %}
from users.models import AuthToken, JWTSession, User
{% elif cookiecutter.token_strategy == "token" %}
from users.models import AuthToken, User
{% else %}
from users.models import JWTSession, User
{% endif %}


class UserCreationForm(AdminUserCreationForm):
    class Meta(AdminUserCreationForm.Meta):
        model = User
        fields = [User.USERNAME_FIELD, *User.REQUIRED_FIELDS]


class UserAdminChangeForm(UserChangeForm):
    class Meta(UserChangeForm.Meta):
        model = User


@admin.register(User)
class UserAdmin(BaseUserAdmin):
    form = UserAdminChangeForm
    add_form = UserCreationForm
    fieldsets = [
        (None, {"fields": [User.USERNAME_FIELD, *User.REQUIRED_FIELDS, "password"]}),
{% if cookiecutter.phone_number == "optional" %}
        (_("Personal info"), {"fields": ["name", "phone_number", "pending_email"]}),
{% else %}
        (_("Personal info"), {"fields": ["name", "pending_email"]}),
{% endif %}
        (
            _("Permissions"),
            {"fields": ["is_active", "is_staff", "is_superuser", "groups", "user_permissions"]},
        ),
        (_("Important dates"), {"fields": ["last_login", "date_joined"]}),
    ]
    add_fieldsets = [
        (
            None,
            {
                "classes": ["wide"],
                "fields": [User.USERNAME_FIELD, *User.REQUIRED_FIELDS, "password1", "password2"],
            },
        ),
    ]
    readonly_fields = ["pending_email"]
    list_display = [User.USERNAME_FIELD, "email", "name", "is_staff"]
{% if cookiecutter.phone_number != "none" %}
    search_fields = [User.USERNAME_FIELD, "email", "name", "phone_number"]
{% else %}
    search_fields = [User.USERNAME_FIELD, "email", "name"]
{% endif %}
    ordering = [User.USERNAME_FIELD]


class LoginAdmin(admin.ModelAdmin):
    """Who is logged in where. A login can be deleted, which logs that device out, but
    not made or changed here."""

    fields = ["user", "created", "last_used", "user_agent", "ip_address"]
    list_display = fields
    list_select_related = ["user"]
    search_fields = [f"user__{User.USERNAME_FIELD}", "user__email", "ip_address"]
    ordering = ["-created"]

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False
{% if cookiecutter.token_strategy in ["token", "both"] %}


@admin.register(AuthToken)
class AuthTokenAdmin(LoginAdmin):
    """DRF tokens; their keys are not stored, only hashes of them."""
{% endif %}
{% if cookiecutter.token_strategy in ["jwt", "both"] %}


@admin.register(JWTSession)
class JWTSessionAdmin(LoginAdmin):
    """JWT logins; deleting one refuses its refresh and access tokens."""
{% endif %}
