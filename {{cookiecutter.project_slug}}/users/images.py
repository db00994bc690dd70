"""Profile images: checked, re-encoded and kept in Django's default storage.

An upload is decoded with Pillow, so only real JPEG, PNG and WebP images pass, and then
encoded anew, scaled down to `STORED_SIZE`: what is stored carries none of the upload's
metadata (camera, place, time) nor any bytes besides the pixels.
"""

import io
import secrets
import warnings
from pathlib import Path

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.db import transaction
from django.db.models.signals import post_delete
from django.dispatch import receiver
from django.utils.translation import gettext_lazy as _
from PIL import Image, ImageOps

# Pillow format name: file extension.
FORMATS = {"JPEG": "jpg", "PNG": "png", "WEBP": "webp"}
# Width and height of the stored image at most, in pixels.
STORED_SIZE = 1024

NOT_AN_IMAGE = _("Upload a JPEG, PNG or WebP image.")


def image_path(user, filename):
    # A new random name for every upload: the old address stops working and no cache
    # serves the old picture.
    return f"users/images/{secrets.token_urlsafe(16)}{Path(filename).suffix}"


def image_clean(upload):
    """The upload re-encoded as a new file, or ValidationError if it is no acceptable image."""
    if upload.size > settings.PROFILE_IMAGE_MAX_BYTES:
        raise ValidationError(
            _("The image is larger than %(limit)d bytes."),
            code="too_large",
            params={"limit": settings.PROFILE_IMAGE_MAX_BYTES},
        )
    try:
        # Opening reads the header only: the size is known before any pixel is decoded,
        # so a small file that unpacks to gigabytes (a decompression bomb) costs nothing.
        with warnings.catch_warnings():
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            image = Image.open(upload, formats=list(FORMATS))
    except (Image.DecompressionBombError, Image.DecompressionBombWarning) as error:
        raise _too_many_pixels() from error
    except OSError as error:
        raise ValidationError(NOT_AN_IMAGE, code="invalid_image") from error
    if image.width * image.height > settings.PROFILE_IMAGE_MAX_PIXELS:
        raise _too_many_pixels()
    try:
        return _encode(image)
    except (OSError, SyntaxError, ValueError) as error:
        # A truncated or corrupt file fails only once its pixels are decoded.
        raise ValidationError(NOT_AN_IMAGE, code="invalid_image") from error


def _too_many_pixels():
    return ValidationError(
        _("The image has more than %(limit)d pixels."),
        code="too_many_pixels",
        params={"limit": settings.PROFILE_IMAGE_MAX_PIXELS},
    )


def _encode(image):
    # Phones write JPEGs with extra pictures appended (MPO): keep the main one.
    image_format = "JPEG" if image.format == "MPO" else image.format
    # Turn the pixels as the metadata says before the metadata is dropped.
    image = ImageOps.exif_transpose(image)
    image.thumbnail((STORED_SIZE, STORED_SIZE))
    has_alpha = image.mode in ("RGBA", "LA", "PA") or "transparency" in image.info
    image = image.convert("RGBA" if has_alpha and image_format != "JPEG" else "RGB")
    # Pillow would write some of it (an ICC profile, PNG text) back from here.
    image.info = {}
    output = io.BytesIO()
    image.save(output, image_format)
    return ContentFile(output.getvalue(), name=f"image.{FORMATS[image_format]}")


def profile_image_set(*, user, image):
    old_name = user.image.name
    user.image.save(image.name, image, save=False)
    user.save(update_fields=["image"])
    if old_name:
        _delete_after_commit(user.image.storage, old_name)


def profile_image_delete(*, user):
    if user.image:
        _delete_after_commit(user.image.storage, user.image.name)
        user.image = ""
        user.save(update_fields=["image"])


# users/models.py imports this module for image_path(): the model is named, not imported.
@receiver(post_delete, sender="users.User")
def delete_image_of_deleted_user(sender, instance, **kwargs):
    if instance.image:
        _delete_after_commit(instance.image.storage, instance.image.name)


def _delete_after_commit(storage, name):
    # Only once the database no longer points at the file: if the transaction rolls
    # back, the file is still there.
    transaction.on_commit(lambda: storage.delete(name))
