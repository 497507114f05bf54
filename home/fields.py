"""A model field that stores a subset of fixed choices.

Stored as ``|a|b|`` text so that "has choice X" is a plain, indexable
``__contains="|x|"`` lookup on every database (SQLite has no JSON containment).
"""

from django import forms
from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _

SEPARATOR = "|"


def encode_choices(values):
    values = [value for value in values if value]
    return f"{SEPARATOR}{SEPARATOR.join(values)}{SEPARATOR}" if values else ""


def contains_lookup(field_name, value):
    return {f"{field_name}__contains": encode_choices([value])}


class ChoiceSetField(models.CharField):
    description = _("A set of fixed choices")

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("max_length", 255)
        kwargs.setdefault("blank", True)
        kwargs.setdefault("default", list)
        super().__init__(*args, **kwargs)

    def deconstruct(self):
        name, path, args, kwargs = super().deconstruct()
        if kwargs.get("max_length") == 255:
            del kwargs["max_length"]
        if self.blank:
            kwargs.pop("blank", None)
        else:
            kwargs["blank"] = False  # Django leaves out its own default, False, which is not ours
        if kwargs.get("default") is list:
            del kwargs["default"]
        return name, path, args, kwargs

    def from_db_value(self, value, expression, connection):
        return self.to_python(value)

    def to_python(self, value):
        if value is None or value == "":
            return []
        if isinstance(value, list | tuple | set):
            return [str(item) for item in value if item]
        return [item for item in str(value).split(SEPARATOR) if item]

    def get_prep_value(self, value):
        values = self.to_python(value)
        order = [choice for choice, _label in self.choices or []]
        values = sorted(set(values), key=lambda v: order.index(v) if v in order else len(order))
        return encode_choices(values)

    def value_to_string(self, obj):
        return self.get_prep_value(self.value_from_object(obj))

    def validate(self, value, model_instance):
        allowed = {choice for choice, _label in self.choices or []}
        unknown = [item for item in self.to_python(value) if item not in allowed]
        if unknown:
            raise ValidationError(_("Unknown value(s): %(values)s"), params={"values": ", ".join(unknown)})
        if not self.blank and not value:
            raise ValidationError(self.error_messages["blank"], code="blank")

    def formfield(self, **kwargs):
        return forms.TypedMultipleChoiceField(
            choices=self.choices,
            required=not self.blank,
            label=self.verbose_name,
            help_text=self.help_text,
            widget=forms.CheckboxSelectMultiple,
            **{key: value for key, value in kwargs.items() if key in {"label", "help_text"}},
        )
