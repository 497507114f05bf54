"""Forms of the public mailbox. Every field has a size limit."""

from django import forms
from django.core import signing
from django.utils.translation import gettext_lazy as _

from home.mailbox import CASE_CODE_INPUT_MAX_LENGTH, MESSAGE_MAX_LENGTH, PIN_INPUT_MAX_LENGTH, codes
from home.mailbox.selectors import active_schools
from home.models import MailboxCase

HONEYPOT_MAX_LENGTH = 200
TOKEN_MAX_LENGTH = 300


def message_field():
    return forms.CharField(
        label=_("Your message"),
        max_length=MESSAGE_MAX_LENGTH,
        help_text=_("Write in your own words. You don't need to give your name."),
        widget=forms.Textarea(attrs={"rows": 8, "maxlength": MESSAGE_MAX_LENGTH}),
        error_messages={"required": _("Please write your message.")},
    )


class MailboxMessageForm(forms.Form):
    """The first message of a case, with an optional school and topic."""

    message = message_field()
    school = forms.ModelChoiceField(
        label=_("Your school (optional)"),
        queryset=active_schools(),
        required=False,
        empty_label=_("I'd rather not say"),
    )
    topic = forms.ChoiceField(
        label=_("What is it about? (optional)"),
        choices=[("", _("I'd rather not say")), *MailboxCase.Topic.choices],
        required=False,
    )
    # Hidden from people by CSS; a bot filling every field fills this one too.
    website = forms.CharField(
        label=_("Leave this field empty"),
        required=False,
        max_length=HONEYPOT_MAX_LENGTH,
        widget=forms.TextInput(attrs={"autocomplete": "off", "tabindex": "-1"}),
    )
    form_token = forms.CharField(max_length=TOKEN_MAX_LENGTH, widget=forms.HiddenInput)

    def clean_form_token(self):
        try:
            return codes.open_form_token(self.cleaned_data["form_token"])
        except signing.SignatureExpired as error:
            raise forms.ValidationError(
                _("This form was open for a long time. Your message is still here: please send it again."),
                code="expired",
            ) from error
        except signing.BadSignature as error:
            raise forms.ValidationError(
                _("This form could not be checked. Your message is still here: please send it again."),
                code="invalid",
            ) from error

    @property
    def is_honeypot_filled(self):
        return bool(self.data.get("website", "").strip())


class CaseAccessForm(forms.Form):
    """The case code and PIN a student got when sending the first message."""

    code = forms.CharField(
        label=_("Case code"),
        max_length=CASE_CODE_INPUT_MAX_LENGTH,
        help_text=_("For example HT-7K4P-9QXM."),
        widget=forms.TextInput(attrs={"autocomplete": "off", "autocapitalize": "characters", "spellcheck": "false"}),
        error_messages={"required": _("Please enter your case code.")},
    )
    pin = forms.CharField(
        label=_("PIN"),
        max_length=PIN_INPUT_MAX_LENGTH,
        widget=forms.PasswordInput(attrs={"autocomplete": "off", "inputmode": "numeric"}),
        error_messages={"required": _("Please enter your PIN.")},
    )

    def clean_code(self):
        return codes.normalise_case_code(self.cleaned_data["code"])

    def clean_pin(self):
        return codes.normalise_pin(self.cleaned_data["pin"])


class FollowUpForm(forms.Form):
    """Writing again on a case the student has just opened."""

    message = message_field()
    access = forms.CharField(max_length=TOKEN_MAX_LENGTH, widget=forms.HiddenInput)
