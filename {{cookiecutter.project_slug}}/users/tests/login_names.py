"""Sample values for the login field ({{ cookiecutter.username_field }}), for the tests that change it."""

{% if cookiecutter.username_field == "email" %}
NEW_LOGIN = "new.address@example.com"
INVALID_LOGINS = ["not-an-email", "two@@example.com", "", "a" * 400 + "@example.com"]
# (an address someone has, the same address in other letters)
TAKEN_LOGINS = [
    ("someone@example.com", "SomeOne@Example.COM"),
    ("emile@zoë.example.com", "Emile@ZOË.example.com"),
]
{% else %}
NEW_LOGIN = "new_name"
INVALID_LOGINS = ["with space", "semi;colon", "", "x" * 151]
# (a username someone has, the same name in other letters)
TAKEN_LOGINS = [("someone", "SomeOne"), ("émile", "ÉMILE")]
{% endif %}
