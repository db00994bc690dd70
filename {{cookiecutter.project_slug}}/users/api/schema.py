"""The OpenAPI schema (drf-spectacular) with the errors every endpoint can answer.

drf-spectacular documents success responses only; `AutoSchema` adds the 4xx ones each
view can give, in DRF's shapes: `{"field": ["message", ...]}` for invalid input and
`{"detail": "message"}` for everything else.
"""

from django.utils.translation import gettext_lazy as _
from drf_spectacular import openapi
{% if cookiecutter.token_strategy in ["jwt", "both"] %}
from drf_spectacular.contrib.rest_framework_simplejwt import SimpleJWTScheme
{% endif %}
from drf_spectacular.utils import OpenApiResponse
{% if cookiecutter.token_strategy in ["jwt", "both"] %}
from rest_framework_simplejwt.views import TokenViewBase
{% endif %}

DETAIL = {
    "type": "object",
    "properties": {"detail": {"type": "string"}},
    "required": ["detail"],
}
FIELD_ERRORS = {
    "type": "object",
    "description": _('Messages by field name, or under "non_field_errors".'),
    "additionalProperties": {"type": "array", "items": {"type": "string"}},
}

BAD_REQUEST = OpenApiResponse({"anyOf": [FIELD_ERRORS, DETAIL]}, _("Invalid input."))
UNAUTHORIZED = OpenApiResponse(DETAIL, _("Missing, invalid or expired credentials."))
FORBIDDEN = OpenApiResponse(DETAIL, _("Not allowed."))
NOT_FOUND = OpenApiResponse(DETAIL, _("Not found."))
UNSUPPORTED_MEDIA_TYPE = OpenApiResponse(DETAIL, _("A body this content type cannot carry."))
TOO_MANY_REQUESTS = OpenApiResponse(DETAIL, _("Rate limit reached; retry later."))


class AutoSchema(openapi.AutoSchema):
    def _get_response_bodies(self, direction="response"):
        responses = super()._get_response_bodies(direction)
        for code, response in self.error_responses().items():
            responses.setdefault(str(code), self._get_response_for_code(response, str(code)))
        return responses

    def error_responses(self):
        errors = {}
        if self.method in ("POST", "PUT", "PATCH", "DELETE") and self.takes_input():
            errors[400] = BAD_REQUEST
            errors[415] = UNSUPPORTED_MEDIA_TYPE
        if self.view.get_authenticators() or self.checks_credentials():
            errors[401] = UNAUTHORIZED
        if "{" in self.path or (self._is_list_view() and self._get_paginator()):
            errors[404] = NOT_FOUND
        if self.view.get_throttles():
            errors[429] = TOO_MANY_REQUESTS
        return errors

    def takes_input(self):
        try:
            return bool(self.view.get_serializer().fields)
        except (AttributeError, AssertionError):
            return False

    def checks_credentials(self):
        """Login and token views answer 401 to bad credentials without authenticating."""
{% if cookiecutter.token_strategy in ["jwt", "both"] %}
        return isinstance(self.view, TokenViewBase)
{% else %}
        return False
{% endif %}
{% if cookiecutter.token_strategy in ["jwt", "both"] %}


class JWTScheme(SimpleJWTScheme):
    """The `Bearer` header type; the `JWT` one is also accepted, for djoser's clients."""

    priority = 1
    match_subclasses = True

    def get_security_definition(self, auto_schema):
        return {"type": "http", "scheme": "bearer", "bearerFormat": "JWT"}
{% endif %}
