from django import template

from home.models.feedback import FEEDBACK_COMMENT_MAX_LENGTH

register = template.Library()


@register.inclusion_tag("includes/feedback_form.html")
def feedback_form(page, form=None):
    """The "Was this page helpful?" form; `form` is a bound form to show again with its errors."""
    return {"feedback_page": page, "feedback_form": form, "comment_max_length": FEEDBACK_COMMENT_MAX_LENGTH}
