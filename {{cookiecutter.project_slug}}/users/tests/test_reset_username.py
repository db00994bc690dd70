from users.tests.reset_requests import ResetRequestTests
from users.tokens import username_reset_token


class TestResetUsername(ResetRequestTests):
    url_name = "user-reset-username"
    token_generator = username_reset_token
