"""Whether a signed-in person still has access: their claims asked again from the provider.

A sign-in cookie lasts long (Streamlit's: 30 days) and its ID token's roles are frozen at
sign-in, so the app asks the provider's OpenID Connect userinfo endpoint again, with the
access token of the sign-in: a refused token means the account or its sign-in is gone, and
fresh claims carry the roles the person has now. This module knows nothing of Streamlit.
"""

from __future__ import annotations

import json
import urllib.error
import urllib.request
from collections.abc import Mapping
from functools import lru_cache
from typing import Any

TIMEOUT_S = 5.0
MAX_ANSWER_BYTES = 1_000_000
REFUSALS = ("invalid_token", "invalid_grant", "access_denied")
"""OAuth error codes by which a provider refuses the token itself (RFC 6749, 6750)."""


class AccessEnded(Exception):
    """The provider no longer accepts the sign-in (account removed, disabled or token revoked)."""


class ProviderUnreachable(Exception):
    """The provider could not be asked (network, an error page, an answer that is not JSON)."""


def _get_json(url: str, headers: Mapping[str, str], timeout: float) -> dict[str, Any]:
    request = urllib.request.Request(url, headers={"Accept": "application/json", **headers})
    try:
        with urllib.request.urlopen(request, timeout=timeout) as answer:
            body = answer.read(MAX_ANSWER_BYTES + 1)
    except urllib.error.HTTPError as exc:
        if exc.code in (401, 403) or _says_invalid_token(exc):
            raise AccessEnded(f"the provider refused the sign-in ({exc.code})") from exc
        raise ProviderUnreachable(f"the provider answered {exc.code}") from exc
    except (urllib.error.URLError, OSError, ValueError) as exc:
        raise ProviderUnreachable(str(exc)) from exc
    if len(body) > MAX_ANSWER_BYTES:
        raise ProviderUnreachable("the provider's answer is too long")
    try:
        found = json.loads(body)
    except ValueError as exc:
        raise ProviderUnreachable("the provider's answer is not JSON") from exc
    if not isinstance(found, dict):
        raise ProviderUnreachable("the provider's answer is not a JSON object")
    return found


def _says_invalid_token(error: urllib.error.HTTPError) -> bool:
    """RFC 6750's `invalid_token`, in the WWW-Authenticate header or an error body (some
    providers answer a revoked token with 400)."""
    if "invalid_token" in (error.headers.get("WWW-Authenticate") or ""):
        return True
    try:
        found = json.loads(error.read(MAX_ANSWER_BYTES))
    except (ValueError, OSError):
        return False
    return isinstance(found, dict) and found.get("error") in REFUSALS


@lru_cache(maxsize=8)
def userinfo_endpoint(server_metadata_url: str, timeout: float = TIMEOUT_S) -> str:
    """The userinfo address the provider's discovery document names."""
    endpoint = _get_json(server_metadata_url, {}, timeout).get("userinfo_endpoint")
    if not isinstance(endpoint, str) or not endpoint.startswith(("https://", "http://")):
        raise ProviderUnreachable("the provider's metadata names no userinfo endpoint")
    return endpoint


def current_claims(
    server_metadata_url: str, access_token: str, timeout: float = TIMEOUT_S
) -> dict[str, Any]:
    """The person's claims as the provider gives them now; AccessEnded when it refuses the
    sign-in, ProviderUnreachable when it cannot be asked."""
    endpoint = userinfo_endpoint(server_metadata_url, timeout)
    return _get_json(endpoint, {"Authorization": f"Bearer {access_token}"}, timeout)


def still_the_same_person(signed_in: Mapping[str, Any], now: Mapping[str, Any]) -> bool:
    """Whether the provider's answer is about the person of the sign-in (same subject)."""
    return bool(now.get("sub")) and now.get("sub") == signed_in.get("sub")
