from django.contrib import admin
from django.http import JsonResponse
from django.urls import include, path, re_path


def not_found(request, *args, **kwargs):
    return JsonResponse({"detail": "Not found."}, status=404)


urlpatterns = [
    path("admin/", admin.site.urls),
    path("auth/", include("users.api.urls")),
    # API clients get a JSON 404 for any other path, also with DEBUG on, and no
    # APPEND_SLASH redirect (which Django cannot do for a POST).
    re_path(r"^", not_found),
]

handler404 = not_found
handler500 = "rest_framework.exceptions.server_error"
