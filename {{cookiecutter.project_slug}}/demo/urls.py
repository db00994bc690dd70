"""The API's URLs with the demo page at /; local settings use this module as ROOT_URLCONF."""

from django.urls import path

from config.urls import handler404, handler500
from config.urls import urlpatterns as api_urlpatterns
from demo.views import DemoPageView

__all__ = ["handler404", "handler500", "urlpatterns"]

urlpatterns = [
    path("", DemoPageView.as_view(), name="demo"),
    *api_urlpatterns,
]
