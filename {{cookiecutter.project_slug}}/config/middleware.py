"""The language of each answer, from the request."""

from django.utils import translation
from django.utils.cache import patch_vary_headers


def language_middleware(get_response):
    """Answers in the language the client asks for: the language cookie, else
    Accept-Language, else LANGUAGE_CODE.

    Django's LocaleMiddleware does the same and also reads a language prefix from the
    path, for i18n_patterns(), which this API does not use: every path such as /auth/...
    makes it look "auth" up as a language twice, and fail, which costs it more than the
    rest of its work.
    """

    def middleware(request):
        translation.activate(translation.get_language_from_request(request))
        request.LANGUAGE_CODE = translation.get_language()
        response = get_response(request)
        patch_vary_headers(response, ("Accept-Language",))
        response.headers.setdefault("Content-Language", translation.get_language())
        return response

    return middleware
