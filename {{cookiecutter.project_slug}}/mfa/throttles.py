from users.api.throttles import FailedLoginPerIPThrottle, FailureThrottle, Throttle


class FailedCodePerUserThrottle(FailureThrottle, Throttle):
    """Counts wrong passwords and codes a logged-in user sends to the MFA endpoints."""

    scope = "mfa_failed"

    def get_cache_key(self, request, view):
        return self.key_for(request.user.pk) if request.user.is_authenticated else None


# Logins send codes anonymously: each challenge allows a few attempts (see
# mfa.challenges), and failures count against the client's address like failed logins.
VERIFY_THROTTLES = [FailedLoginPerIPThrottle]
