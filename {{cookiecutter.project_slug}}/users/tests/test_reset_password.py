from users.tests.reset_requests import ResetRequestTests
from users.tokens import password_reset_token


class TestResetPassword(ResetRequestTests):
    url_name = "user-reset-password"
    token_generator = password_reset_token
