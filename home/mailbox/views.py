"""Public mailbox views, served by the routes of `MailboxPage`.

Nothing here reads, stores or logs the visitor's address beyond handing it
to the cache-only rate limiter, and every response is `no-store`.
"""

from django.utils.translation import gettext_lazy as _
from django.views.decorators.cache import never_cache

from home.mailbox import codes, services
from home.mailbox.forms import CaseAccessForm, FollowUpForm, MailboxMessageForm
from home.mailbox.selectors import case_by_code, case_for_submission, case_thread, signals_danger
from home.network import client_address, rate_limit_exceeded

SUBMIT_SCOPE = "mailbox-submit"
SUBMIT_LIMIT = 10
SUBMIT_WINDOW_SECONDS = 60 * 60
READ_SCOPE = "mailbox-read"
READ_LIMIT = 20
READ_WINDOW_SECONDS = 15 * 60

WRITE_TEMPLATE = "home/mailbox/write.html"
SENT_TEMPLATE = "home/mailbox/sent.html"
READ_TEMPLATE = "home/mailbox/read.html"
THREAD_TEMPLATE = "home/mailbox/thread.html"

NOT_OPENED = _(
    "We could not open a case with this code and PIN. Check them and try again. "
    "After several wrong tries a case stays closed for 15 minutes."
)
HONEYPOT_REJECTED = _("Your message was not sent. Please leave the last field empty and send it again.")
TOO_MANY_SUBMISSIONS = _(
    "Many messages were sent from your network in a short time, so this one was not sent. "
    "Please wait a little and try again. If you are in danger now, call one of the numbers below."
)
TOO_MANY_TRIES = _("Too many tries from your network. Please wait 15 minutes and try again.")
ACCESS_EXPIRED = _("For your safety, please enter your case code and PIN again.")


def _render(page, request, template, status=200, **context):
    context = {"form_errors": [], "in_danger": False, "just_sent": False, "show_hotlines": False, **context}
    response = page.render(request, template=template, context_overrides=context)
    response.status_code = status
    return response


def _too_many_submissions(request):
    return rate_limit_exceeded(
        scope=SUBMIT_SCOPE, address=client_address(request), limit=SUBMIT_LIMIT, window_seconds=SUBMIT_WINDOW_SECONDS
    )


def _too_many_tries(request):
    return rate_limit_exceeded(
        scope=READ_SCOPE, address=client_address(request), limit=READ_LIMIT, window_seconds=READ_WINDOW_SECONDS
    )


@never_cache
def write_view(request, *, page):
    if request.method != "POST":
        return _write_form(page, request, MailboxMessageForm())
    form = MailboxMessageForm(request.POST)
    is_valid = form.is_valid()
    if form.is_honeypot_filled:
        form.add_error(None, HONEYPOT_REJECTED)
        return _write_form(page, request, form, status=400)
    if not is_valid:
        return _write_form(page, request, form, status=400)
    raw_token = form.cleaned_data["form_token"]
    is_retry = case_for_submission(digest=codes.submission_digest(raw_token)) is not None
    if not is_retry and _too_many_submissions(request):
        form.add_error(None, TOO_MANY_SUBMISSIONS)
        return _write_form(page, request, form, status=429, show_hotlines=True)
    submission = services.submit_case(
        raw_token=raw_token,
        text=form.cleaned_data["message"],
        school=form.cleaned_data["school"],
        topic=form.cleaned_data["topic"],
        language=page.locale.language_code,
    )
    return _render(
        page,
        request,
        SENT_TEMPLATE,
        case=submission.case,
        pin=codes.format_pin(submission.pin),
        in_danger=signals_danger(text=form.cleaned_data["message"]),
    )


def _write_form(page, request, form, *, status=200, show_hotlines=False):
    """The form, with what the student wrote kept and a fresh one-time token."""
    return _render(
        page,
        request,
        WRITE_TEMPLATE,
        status=status,
        form=form,
        form_errors=[*form.non_field_errors(), *form["form_token"].errors],
        form_token=codes.new_form_token(),
        show_hotlines=show_hotlines,
    )


@never_cache
def read_view(request, *, page):
    if request.method != "POST":
        return _render(page, request, READ_TEMPLATE, form=CaseAccessForm())
    if request.POST.get("action") == "write":
        return _follow_up(page, request)
    return _open(page, request)


def _open(page, request):
    form = CaseAccessForm(request.POST)
    if _too_many_tries(request):
        return _render(page, request, READ_TEMPLATE, status=429, form=CaseAccessForm(), form_errors=[TOO_MANY_TRIES])
    if not form.is_valid():
        return _render(page, request, READ_TEMPLATE, status=400, form=form)
    case = services.open_case(code=form.cleaned_data["code"], pin=form.cleaned_data["pin"])
    if case is None:
        return _render(page, request, READ_TEMPLATE, status=400, form=CaseAccessForm(), form_errors=[NOT_OPENED])
    return _thread(page, request, case=case, form=FollowUpForm(initial={"access": codes.case_access_token(case)}))


def _follow_up(page, request):
    form = FollowUpForm(request.POST)
    case = case_by_code(code=codes.code_from_access_token(request.POST.get("access", "")))
    if case is None:
        return _render(page, request, READ_TEMPLATE, status=400, form=CaseAccessForm(), form_errors=[ACCESS_EXPIRED])
    if not form.is_valid():
        return _thread(page, request, case=case, form=form, status=400)
    if _too_many_submissions(request):
        return _thread(page, request, case=case, form=form, status=429, form_errors=[TOO_MANY_SUBMISSIONS])
    case = services.add_student_message(case=case, text=form.cleaned_data["message"])
    return _thread(
        page,
        request,
        case=case,
        form=FollowUpForm(initial={"access": codes.case_access_token(case)}),
        just_sent=True,
        in_danger=signals_danger(text=form.cleaned_data["message"]),
    )


def _thread(page, request, *, case, form, status=200, **context):
    return _render(
        page, request, THREAD_TEMPLATE, status=status, case=case, thread=case_thread(case=case), form=form, **context
    )
