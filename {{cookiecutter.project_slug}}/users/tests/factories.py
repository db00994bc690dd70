import factory

from users.models import User

PASSWORD = "correct horse battery staple"


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = User
        skip_postgeneration_save = True

{% if cookiecutter.username_field == "username" %}
    username = factory.Sequence(lambda n: f"user{n}")
{% endif %}
    email = factory.Sequence(lambda n: f"user{n}@example.com")
{% if cookiecutter.phone_number != "none" %}
    # German mobile numbers, unverified: see phones/tests/ for verified ones.
    phone_number = factory.Sequence(lambda n: f"+49151{n:08d}")
{% endif %}
    name = "Ada Lovelace"
    password = factory.django.Password(PASSWORD)
