from django import forms
from django.utils.translation import gettext_lazy as _

from home.models.feedback import FEEDBACK_COMMENT_MAX_LENGTH


class FeedbackForm(forms.Form):
    helpful = forms.TypedChoiceField(
        choices=[("yes", _("Yes")), ("no", _("No"))],
        coerce=lambda value: value == "yes",
        error_messages={
            "required": _("Choose “Yes” or “No”."),
            "invalid_choice": _("Choose “Yes” or “No”."),
        },
    )
    comment = forms.CharField(
        required=False,
        max_length=FEEDBACK_COMMENT_MAX_LENGTH,
        error_messages={
            "max_length": _("Your comment is too long: keep it to %(limit_value)d characters (it has %(show_value)d).")
        },
    )
    # Honeypot: hidden from people by CSS, filled in by form-stuffing robots.
    website = forms.CharField(required=False)

    @property
    def is_robot(self):
        return bool(self.cleaned_data.get("website"))
