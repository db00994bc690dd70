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
    name = "Ada Lovelace"
    password = factory.django.Password(PASSWORD)
