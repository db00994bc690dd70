import floor
from django.urls import path

urlpatterns = [
    path("auth/users/me/", floor.me),
    path("auth/jwt/verify/", floor.jwt_verify),
    path("auth/token/login/", floor.token_login),
    path("auth/jwt/create/", floor.jwt_create),
    path("auth/users/", floor.register),
    path("auth/users/reset_password/", floor.reset_password),
    path("hash/check/", floor.hash_check),
    path("hash/make/", floor.hash_make),
]
