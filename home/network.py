"""Who is asking, for rate limits and sign-in lockout only: never stored with content.

The client address is the socket peer unless `TRUSTED_PROXY_COUNT` says how
many reverse proxies in front of the app append to `X-Forwarded-For`; then the
address those proxies saw is taken from the right of that header. Trusting a
header no proxy of ours sets would let anyone pick their own address.
"""

import hashlib
import hmac
import logging

from django.conf import settings
from django.core.cache import cache

logger = logging.getLogger(__name__)


def client_address(request):
    proxies = getattr(settings, "TRUSTED_PROXY_COUNT", 0)
    if proxies > 0:
        forwarded = [part.strip() for part in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",") if part.strip()]
        if len(forwarded) >= proxies:
            return forwarded[-proxies]
    return request.META.get("REMOTE_ADDR", "")


def address_fingerprint(address):
    """A keyed hash of an address: cache keys never hold the address itself."""
    return hmac.new(settings.SECRET_KEY.encode(), address.encode(), hashlib.sha256).hexdigest()[:32]


def _counter_key(scope, address):
    return f"ratelimit:{scope}:{address_fingerprint(address)}"


def rate_limit_exceeded(*, scope, address, limit, window_seconds):
    """Count one attempt for `address` in `scope`; True once more than `limit` fell within the window.

    Counters live only in the cache. When the cache is unreachable the attempt
    is allowed: a broken cache must not stop a student from asking for help.
    """
    key = _counter_key(scope, address)
    try:
        if cache.add(key, 1, timeout=window_seconds):
            return False
        return cache.incr(key) > limit
    except ValueError:  # expired between add() and incr()
        return False
    except Exception:  # cache down: fail open, but say so
        logger.warning("rate limit cache unavailable for scope %s; allowing", scope)
        return False


def rate_limit_count(*, scope, address):
    try:
        return cache.get(_counter_key(scope, address), 0)
    except Exception:
        return 0


def rate_limit_reset(*, scope, address):
    try:
        cache.delete(_counter_key(scope, address))
    except Exception:
        logger.warning("rate limit cache unavailable for scope %s; could not reset", scope)
