from django.db import models
from django.utils.translation import gettext_lazy as _


class Audience(models.TextChoices):
    PARENTS = "parents", _("Parents")
    STUDENTS = "students", _("Students")
    TEACHERS = "teachers", _("Teachers")


class SchoolLevel(models.TextChoices):
    PRESCHOOL = "preschool", _("Preschool")
    PRIMARY = "primary", _("Primary school")
    LOWER_SECONDARY = "lower-secondary", _("Lower secondary school")
    UPPER_SECONDARY = "upper-secondary", _("Upper secondary school")
