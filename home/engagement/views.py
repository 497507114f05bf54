"""The public endpoint behind every "Was this page helpful?" form."""

from django.http import HttpResponseRedirect
from django.shortcuts import render
from django.utils.translation import gettext_lazy as _
from django.views.decorators.cache import never_cache
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_POST

from home.engagement.forms import FeedbackForm
from home.engagement.selectors import page_accepting_feedback
from home.engagement.services import record_feedback
from home.network import client_address, rate_limit_exceeded

# Schools share one address between many pupils: generous, but enough to stop a flood.
RATE_LIMIT_SCOPE = "page-feedback"
RATE_LIMIT = 30
RATE_LIMIT_WINDOW_SECONDS = 600

THANKS_FRAGMENT = "feedback-thanks"


# CSRF-exempt on purpose: a token on the page would make article pages
# uncacheable (Vary: Cookie). A forged answer can do no more than a real one,
# and the honeypot and rate limit bound both.
@csrf_exempt
@require_POST
@never_cache
def submit_feedback(request, page_id):
    page = page_accepting_feedback(page_id=page_id)
    if page is None:
        return _problem(request, page=None, status=404, message=_("This page does not take answers."))

    form = FeedbackForm(request.POST)
    if not form.is_valid():
        return _problem(request, page=page, status=400, form=form)
    if form.is_robot:
        return _thanks(request, page)
    if rate_limit_exceeded(
        scope=RATE_LIMIT_SCOPE,
        address=client_address(request),
        limit=RATE_LIMIT,
        window_seconds=RATE_LIMIT_WINDOW_SECONDS,
    ):
        return _problem(
            request, page=page, status=429, form=form, message=_("Too many answers at once. Please try again later.")
        )

    record_feedback(page=page, helpful=form.cleaned_data["helpful"], comment=form.cleaned_data["comment"])
    return _thanks(request, page)


def _thanks(request, page):
    # A fragment, not a query string: every visitor gets the same cached page,
    # and the thank-you is shown by CSS (:target).
    return HttpResponseRedirect(f"{page.get_url(request)}#{THANKS_FRAGMENT}")


def _problem(request, *, page, status, form=None, message=""):
    context = {"feedback_page": page, "feedback_form": form, "message": message}
    return render(request, "home/feedback_problem.html", context, status=status)
