from django.conf import settings
{% if cookiecutter.profile_image %}
from django.conf.urls.static import static
{% endif %}
from django.contrib import admin
from django.http import JsonResponse
from django.urls import include, path, re_path
from django.views.decorators.csrf import csrf_exempt
from drf_spectacular.views import SpectacularAPIView, SpectacularSwaggerView

from config.health import healthz


# Exempt, as the API views are: a PUT or DELETE to an unknown path is a 404, not a CSRF 403.
@csrf_exempt
def not_found(request, *args, **kwargs):
    return JsonResponse({"detail": "Not found."}, status=404)


urlpatterns = [
    path("admin/", admin.site.urls),
    path("auth/", include("users.api.urls")),
    path("healthz", healthz, name="healthz"),
]
if settings.API_DOCS_ENABLED:
    urlpatterns += [
        path("api/schema/", SpectacularAPIView.as_view(), name="schema"),
        path("api/docs/", SpectacularSwaggerView.as_view(url_name="schema"), name="docs"),
    ]
{% if cookiecutter.profile_image %}
# Uploaded images, with DEBUG on only (an empty list otherwise).
urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)
{% endif %}
urlpatterns += [
    # API clients get a JSON 404 for any other path, also with DEBUG on, and no
    # APPEND_SLASH redirect (which Django cannot do for a POST).
    re_path(r"^", not_found),
]

handler404 = not_found
handler500 = "rest_framework.exceptions.server_error"
