from django.contrib import admin
from django.http import JsonResponse
from django.urls import include, path

urlpatterns = [
    path("admin/", admin.site.urls),
    path("auth/", include("users.api.urls")),
]


def json_not_found(request, exception):
    return JsonResponse({"detail": "Not found."}, status=404)


# API clients expect JSON errors, also from URLs no view claims.
handler404 = json_not_found
handler500 = "rest_framework.exceptions.server_error"
