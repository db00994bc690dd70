from phones.checks import sms_backend_check


def error_ids():
    return [error.id for error in sms_backend_check(None)]


def test_the_default_backend_passes_the_check(settings):
    settings.SMS_BACKEND = "phones.sms.ConsoleSMSBackend"

    assert error_ids() == []


def test_a_backend_that_cannot_be_imported_fails_the_check(settings):
    settings.SMS_BACKEND = "phones.sms.NoSuchBackend"

    assert error_ids() == ["phones.E001"]


def test_a_backend_path_without_a_module_fails_the_check(settings):
    settings.SMS_BACKEND = "Twilio"

    assert error_ids() == ["phones.E001"]


def test_twilio_without_its_credentials_fails_the_check(settings):
    settings.SMS_BACKEND = "phones.sms.TwilioSMSBackend"
    settings.TWILIO_ACCOUNT_SID = "AC123"
    settings.TWILIO_AUTH_TOKEN = ""
    settings.TWILIO_FROM_NUMBER = "+15017122661"

    (error,) = sms_backend_check(None)

    assert error.id == "phones.E002"
    assert "TWILIO_AUTH_TOKEN" in error.msg


def test_twilio_with_its_credentials_passes_the_check(settings):
    settings.SMS_BACKEND = "phones.sms.TwilioSMSBackend"
    settings.TWILIO_ACCOUNT_SID = "AC123"
    settings.TWILIO_AUTH_TOKEN = "secret"
    settings.TWILIO_FROM_NUMBER = "+15017122661"

    assert error_ids() == []
