import io
import struct
import zlib

import pytest
from django.core.files.storage import default_storage
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from PIL import Image

from users.images import STORED_SIZE
from users.tests.helpers import assert_field_error

URL = reverse("user-me-image")


def image_bytes(image_format="PNG", size=(64, 48), mode="RGB", **save_options):
    output = io.BytesIO()
    Image.new(mode, size, "teal").save(output, image_format, **save_options)
    return output.getvalue()


def upload(content, name="me.png", content_type="image/png"):
    return SimpleUploadedFile(name, content, content_type=content_type)


def put_image(client, content=None, **file_options):
    file = upload(image_bytes() if content is None else content, **file_options)
    return client.put(URL, {"image": file}, format="multipart")


def stored_image(user):
    user.refresh_from_db()
    with default_storage.open(user.image.name) as file:
        image = Image.open(io.BytesIO(file.read()))
        image.load()
    return image


def png_claiming_size(width, height):
    """A 1x1 PNG whose header claims `width` x `height` pixels."""
    content = image_bytes(size=(1, 1))
    header = b"IHDR" + struct.pack(">II", width, height) + content[24:29]
    return content[:12] + header + struct.pack(">I", zlib.crc32(header)) + content[33:]


@pytest.mark.parametrize(
    ("image_format", "name", "content_type"),
    [
        ("PNG", "me.png", "image/png"),
        ("JPEG", "me.jpg", "image/jpeg"),
        ("WEBP", "me.webp", "image/webp"),
    ],
)
def test_upload_stores_the_image(auth_client, user, image_format, name, content_type):
    content = image_bytes(image_format)

    response = put_image(auth_client, content, name=name, content_type=content_type)

    assert response.status_code == 200
    user.refresh_from_db()
    assert response.json()["image"].endswith(user.image.url)
    assert stored_image(user).format == image_format
    assert stored_image(user).size == (64, 48)


def test_upload_by_post_works_as_by_put(auth_client, user):
    response = auth_client.post(URL, {"image": upload(image_bytes())}, format="multipart")

    assert response.status_code == 200
    assert stored_image(user).size == (64, 48)


def test_uploaded_image_shows_on_me(auth_client, user):
    put_image(auth_client)

    response = auth_client.get(reverse("user-me"))

    user.refresh_from_db()
    assert response.json()["image"].endswith(user.image.url)


def test_large_image_is_scaled_down(auth_client, user):
    put_image(auth_client, image_bytes(size=(STORED_SIZE * 2, STORED_SIZE)))

    assert stored_image(user).size == (STORED_SIZE, STORED_SIZE // 2)


def test_stored_image_carries_no_metadata(auth_client, user):
    exif = Image.Exif()
    exif[0x010F] = "Camera maker"  # the Make tag
    content = image_bytes("JPEG", exif=exif, comment=b"secret")

    put_image(auth_client, content, name="me.jpg", content_type="image/jpeg")

    stored = stored_image(user)
    assert dict(stored.getexif()) == {}
    assert "comment" not in stored.info
    assert b"Camera maker" not in default_storage.open(user.image.name).read()


def test_transparency_is_kept(auth_client, user):
    put_image(auth_client, image_bytes(mode="RGBA"))

    assert stored_image(user).mode == "RGBA"


def test_replacing_the_image_deletes_the_old_file(auth_client, user):
    put_image(auth_client)
    user.refresh_from_db()
    old_name = user.image.name

    response = put_image(auth_client)

    assert response.status_code == 200
    user.refresh_from_db()
    assert user.image.name != old_name
    assert not default_storage.exists(old_name)
    assert default_storage.exists(user.image.name)


def test_delete_removes_the_image(auth_client, user):
    put_image(auth_client)
    user.refresh_from_db()
    name = user.image.name

    response = auth_client.delete(URL)

    assert response.status_code == 204
    user.refresh_from_db()
    assert not user.image
    assert not default_storage.exists(name)
    assert auth_client.get(reverse("user-me")).json()["image"] is None


def test_delete_without_an_image_is_answered_alike(auth_client):
    response = auth_client.delete(URL)

    assert response.status_code == 204


def test_deleting_the_account_deletes_its_image(auth_client, user, password):
    put_image(auth_client)
    user.refresh_from_db()

    auth_client.delete(reverse("user-me"), {"current_password": password}, format="json")

    assert not default_storage.exists(user.image.name)


@pytest.mark.parametrize(
    "content",
    [b"not an image at all", image_bytes("JPEG")[:200], b""],
    ids=["text", "truncated_jpeg", "empty"],
)
def test_upload_of_something_else_than_an_image_is_refused(auth_client, user, content):
    response = put_image(auth_client, content)

    assert_field_error(response, "image")
    user.refresh_from_db()
    assert not user.image


def test_refused_upload_keeps_the_earlier_image(auth_client, user):
    put_image(auth_client)
    user.refresh_from_db()
    name = user.image.name

    response = put_image(auth_client, b"not an image at all")

    assert_field_error(response, "image")
    user.refresh_from_db()
    assert user.image.name == name
    assert default_storage.exists(name)


@pytest.mark.parametrize("image_format", ["GIF", "BMP", "TIFF"])
def test_upload_of_another_image_type_is_refused(auth_client, user, image_format):
    response = put_image(auth_client, image_bytes(image_format))

    assert_field_error(response, "image")
    user.refresh_from_db()
    assert not user.image


def test_upload_of_too_many_bytes_is_refused(auth_client, user, settings):
    content = image_bytes()
    settings.PROFILE_IMAGE_MAX_BYTES = len(content) - 1

    response = put_image(auth_client, content)

    assert_field_error(response, "image")
    assert "bytes" in response.json()["image"][0]


def test_upload_of_too_many_pixels_is_refused(auth_client, user, settings):
    settings.PROFILE_IMAGE_MAX_PIXELS = 64 * 48 - 1

    response = put_image(auth_client)

    assert_field_error(response, "image")
    assert "pixels" in response.json()["image"][0]


@pytest.mark.parametrize("side", [10_000, 100_000])
def test_upload_of_a_decompression_bomb_is_refused(auth_client, user, side):
    response = put_image(auth_client, png_claiming_size(side, side))

    assert_field_error(response, "image")
    assert "pixels" in response.json()["image"][0]


def test_upload_without_a_file_is_refused(auth_client):
    response = auth_client.put(URL, {}, format="multipart")

    assert_field_error(response, "image")


def test_upload_as_json_is_refused(auth_client):
    response = auth_client.put(URL, {"image": "aGVsbG8="}, format="json")

    assert response.status_code == 415
    assert "detail" in response.json()


@pytest.mark.parametrize("method", ["put", "post", "delete"])
def test_image_requires_authentication(api_client, method):
    data = {"image": upload(image_bytes())}

    response = getattr(api_client, method)(URL, data, format="multipart")

    assert response.status_code == 401
