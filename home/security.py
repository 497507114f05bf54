"""Security headers on every response: pages, documents, errors, redirects and static files.

Sits right after Django's `SecurityMiddleware` (which adds HSTS on HTTPS,
`nosniff`, Referrer-Policy and Cross-Origin-Opener-Policy), so it also wraps
WhiteNoise's static responses and the error pages Django builds from
exceptions. Headers a view already set are kept: Wagtail's document view sends
its own stricter `Content-Security-Policy: default-src 'none'`.

Public pages get a policy with no inline script or style at all. The Wagtail
admin (and its previews, which render public templates inside the editor)
needs inline scripts and styles, so pages under the admin prefix get their own
policy; it still loads nothing from other sites.
"""

from django.conf import settings
from django.contrib.auth.views import redirect_to_login
from django.shortcuts import redirect
from django.urls import reverse
from wagtail.models import PageViewRestriction

PUBLIC_POLICY = (
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
    "object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'"
)
ADMIN_POLICY = (
    "default-src 'self'; script-src 'self' 'unsafe-inline'; style-src 'self' 'unsafe-inline'; "
    "img-src 'self' data: blob:; font-src 'self' data:; media-src 'self' blob:; connect-src 'self'; "
    "frame-src 'self'; worker-src 'self' blob:; object-src 'none'; base-uri 'self'; form-action 'self'"
)
# No powerful browser feature is used anywhere on the portal.
PERMISSIONS_POLICY = (
    "accelerometer=(), autoplay=(), camera=(), display-capture=(), geolocation=(), gyroscope=(), "
    "magnetometer=(), microphone=(), midi=(), payment=(), usb=(), browsing-topics=()"
)


def frame_ancestors(response):
    """`'self'` only where a view allowed same-origin framing (Wagtail's preview); X-Frame-Options agrees."""
    if response.get("X-Frame-Options", "").upper() == "SAMEORIGIN":
        return "frame-ancestors 'self'"
    return "frame-ancestors 'none'"


def with_frame_ancestors(policy, response):
    """A policy a view set itself (documents) still forbids other sites from framing the response."""
    if "frame-ancestors" in policy:
        return policy
    return f"{policy}; {frame_ancestors(response)}"


def admin_prefix():
    return reverse("wagtailadmin_home")


def add_security_headers(*, path, response):
    existing_policy = response.get("Content-Security-Policy")
    if path.startswith(admin_prefix()):
        # Replaces the public policy a preview picked up while Wagtail rendered the page inside the admin.
        response["Content-Security-Policy"] = f"{ADMIN_POLICY}; {frame_ancestors(response)}"
    elif existing_policy:
        response["Content-Security-Policy"] = with_frame_ancestors(existing_policy, response)
    else:
        response["Content-Security-Policy"] = PUBLIC_POLICY
    response.headers.setdefault("X-Frame-Options", "DENY")
    response.headers.setdefault("X-Content-Type-Options", "nosniff")
    response.headers.setdefault("Referrer-Policy", settings.SECURE_REFERRER_POLICY or "same-origin")
    opener_policy = settings.SECURE_CROSS_ORIGIN_OPENER_POLICY or "same-origin"
    response.headers.setdefault("Cross-Origin-Opener-Policy", opener_policy)
    response.headers.setdefault("Permissions-Policy", PERMISSIONS_POLICY)
    return response


class SecurityHeadersMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        return add_security_headers(path=request.path, response=response)


def page_privacy_refusal(*, request, pages):
    """A response refusing a document when every live page linking it is private to this visitor, else None.

    Wagtail already enforces a document collection's own privacy. A file
    attached to a private guidance page sits in an ordinary collection, so
    without this check anyone with its URL could fetch it.
    """
    if not pages:
        return None
    refused = []
    for page in pages:
        restrictions = page.get_view_restrictions()
        failed = [restriction for restriction in restrictions if not restriction.accept_request(request)]
        if not failed:
            return None
        refused.append((page, failed[0]))
    page, restriction = refused[0]
    if restriction.restriction_type == PageViewRestriction.PASSWORD:
        return redirect(page.url)  # the page asks for its password; then the file is served
    login_url = getattr(settings, "WAGTAIL_FRONTEND_LOGIN_URL", None) or reverse("wagtailcore_login")
    return redirect_to_login(request.get_full_path(), login_url)
