"""The profile image of the logged-in user: upload or replace it, or delete it."""

from django.core.exceptions import ValidationError as DjangoValidationError
from django.utils.translation import gettext_lazy as _
from drf_spectacular.utils import extend_schema
from rest_framework import generics, parsers, serializers, status
from rest_framework.response import Response

from users.images import image_clean, profile_image_delete, profile_image_set
from users.models import User


class ProfileImageSerializer(serializers.ModelSerializer):
    image = serializers.FileField(help_text=_("A JPEG, PNG or WebP image."))

    class Meta:
        model = User
        fields = ["image"]

    def validate_image(self, upload):
        try:
            return image_clean(upload)
        except DjangoValidationError as error:
            raise serializers.ValidationError(list(error.messages)) from error

    def update(self, instance, validated_data):
        profile_image_set(user=instance, image=validated_data["image"])
        return instance


class ProfileImageView(generics.GenericAPIView):
    serializer_class = ProfileImageSerializer
    parser_classes = [parsers.MultiPartParser]

    def get_object(self):
        return self.request.user

    def put(self, request):
        serializer = self.get_serializer(self.get_object(), data=request.data)
        serializer.is_valid(raise_exception=True)
        serializer.save()
        return Response(serializer.data)

    def post(self, request):
        return self.put(request)

    @extend_schema(responses={204: None})
    def delete(self, request):
        profile_image_delete(user=self.get_object())
        return Response(status=status.HTTP_204_NO_CONTENT)
