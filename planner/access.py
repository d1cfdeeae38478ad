"""Who may do what: the four roles, what each may do, and how an identity gets its roles.

Roles come from the sign-in provider's ID token (county Microsoft Entra ID in production),
by default from its `roles` claim, the claim Entra ID fills with the app roles assigned to a
person. A county may name the roles differently there; `AccessSettings.role_names` maps its
names to ours. A leader is matched to the plan's staff by a claim holding their `staff_id`.

This module knows nothing of Streamlit: the app asks `may(identity, action)` on the server
for every page and every action, and tests ask it directly.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

COORDINATOR, WORKER, LEADER, READ_ONLY = "coordinator", "worker", "leader", "read_only"
ROLES = (COORDINATOR, WORKER, LEADER, READ_ONLY)

# Actions: one per thing a page shows or changes.
VIEW_OFFERING = "view_offering"  # the season's groups, venues and calendars (no clients)
IMPORT = "import"  # import a season
PLAN = "plan"  # plan the season and save plans
PUBLISH = "publish"  # make a plan the live offering
INSIGHT = "insight"  # coverage, load and left-out clients (client codes)
AUDIT = "audit"  # read the audit trail
FIND = "find"  # find a group with a client (client codes, history)
ENROL = "enrol"  # enrol, put on a waiting list, cancel
CLIENTS = "clients"  # add and edit clients (pseudonymous codes and their profiles)
FIGURES = "figures"  # the team's figures (counts only)
MOBILE = "mobile"  # staff routes and the car's run sheets (client codes)
FEEDS = "feeds"  # create calendar feed links (an unguessable token each)
OWN_GROUPS = "own_groups"  # a leader's groups: participants, attendance, summaries
ALL_GROUPS = "all_groups"  # any group's participants and records
NOTICES = "notices"  # the changes to one's own clients' places and groups

ACTIONS = (
    VIEW_OFFERING,
    IMPORT,
    PLAN,
    PUBLISH,
    INSIGHT,
    AUDIT,
    FIND,
    ENROL,
    CLIENTS,
    FIGURES,
    MOBILE,
    FEEDS,
    OWN_GROUPS,
    ALL_GROUPS,
    NOTICES,
)

PERMISSIONS: dict[str, frozenset[str]] = {
    COORDINATOR: frozenset(ACTIONS),
    WORKER: frozenset({VIEW_OFFERING, FIND, ENROL, CLIENTS, FIGURES, MOBILE, FEEDS, NOTICES}),
    LEADER: frozenset({VIEW_OFFERING, OWN_GROUPS, FEEDS, NOTICES}),
    READ_ONLY: frozenset({VIEW_OFFERING}),
}

PAGE_ACTION: dict[str, str] = {
    "overview": VIEW_OFFERING,
    "import": IMPORT,
    "plan": PLAN,
    "dashboard": INSIGHT,
    "audit": AUDIT,
    "find": FIND,
    "groups": OWN_GROUPS,
    "feedback": OWN_GROUPS,
    "figures": FIGURES,
    "calendar": VIEW_OFFERING,
    "map": MOBILE,
    "changes": NOTICES,
}
"""The action a page needs before it shows anything; actions inside a page are checked again."""

SINGLE_USER = "single-user"
"""The actor the audit trail names in single-user (laptop demo) mode."""


@dataclass(frozen=True)
class AccessSettings:
    """How the identity's claims are read (the `[planner]` section of secrets.toml)."""

    role_claim: str = "roles"
    staff_claim: str = "staff_id"
    role_names: Mapping[str, str] = field(default_factory=dict)
    """The provider's role value -> one of ROLES; our own role names always count."""
    recheck_hours: float = 8.0
    """How often the person's roles are asked again from the provider (and at every write);
    0 turns the re-check off (a test set-up only: a removed role would last the session)."""

    @classmethod
    def from_mapping(cls, raw: Mapping[str, Any] | None) -> AccessSettings:
        """Settings from a secrets section; unknown target roles are a configuration error."""
        raw = raw or {}
        names = {str(k): str(v) for k, v in dict(raw.get("role_names", {})).items()}
        wrong = sorted(v for v in names.values() if v not in ROLES)
        if wrong:
            raise ValueError(
                f"[planner.role_names] maps to unknown roles {', '.join(wrong)}; "
                f"use {', '.join(ROLES)}"
            )
        try:
            hours = float(raw.get("recheck_hours", cls.recheck_hours))
        except (TypeError, ValueError):
            hours = math.nan
        if not math.isfinite(hours) or hours < 0:
            raise ValueError("[planner] recheck_hours must be a number of hours, 0 or more")
        return cls(
            role_claim=str(raw.get("role_claim", cls.role_claim)),
            staff_claim=str(raw.get("staff_claim", cls.staff_claim)),
            role_names=names,
            recheck_hours=hours,
        )


@dataclass(frozen=True)
class Identity:
    """A signed-in person as the app sees them: who, in which roles, and as which staff."""

    user: str
    roles: frozenset[str]
    staff_id: str | None = None
    name: str | None = None

    @property
    def actions(self) -> frozenset[str]:
        return frozenset(a for role in self.roles for a in PERMISSIONS[role])


def single_user() -> Identity:
    """The laptop demo: one person, every role, no sign-in."""
    return Identity(user=SINGLE_USER, roles=frozenset({COORDINATOR}), name=None)


STABLE_ID_CLAIMS = ("oid", "sub")
"""The claims that name a person for good (Entra ID's object id, else the OIDC subject): the
audit trail's actor. An e-mail address can be renamed or given to someone else."""


def role_values(value: Any) -> list[str]:
    """The role claim's values; anything but a list of strings gives none (a provider that
    sends one string, a number or a mixed list is misconfigured, and guessing could grant)."""
    if isinstance(value, list | tuple) and all(isinstance(v, str) for v in value):
        return list(value)
    return []


def identity_from_claims(claims: Mapping[str, Any], settings: AccessSettings) -> Identity:
    """Map an ID token's claims to an Identity; unknown role values are ignored."""
    user = next((str(claims[k]) for k in STABLE_ID_CLAIMS if claims.get(k)), "unknown")
    shown = next(
        (str(claims[k]) for k in ("name", "email", "preferred_username") if claims.get(k)), None
    )
    roles = set()
    for value in role_values(claims.get(settings.role_claim)):
        role = settings.role_names.get(value, value)
        if role in ROLES:
            roles.add(role)
    staff = claims.get(settings.staff_claim)
    return Identity(
        user=user,
        roles=frozenset(roles),
        staff_id=str(staff) if staff not in (None, "") else None,
        name=shown,
    )


def may(identity: Identity | None, action: str) -> bool:
    """Whether the identity may take the action (nobody may do anything signed out)."""
    if action not in ACTIONS:
        raise KeyError(f"unknown action {action!r}")
    return identity is not None and action in identity.actions


def may_end_service(identity: Identity | None, counsellor: str | None) -> bool:
    """Whether the identity may record the end of a client's service: the client's own worker
    (their counsellor, by staff id), or whoever may act on every group (a coordinator)."""
    if not may(identity, CLIENTS):
        return False
    if may(identity, ALL_GROUPS):
        return True
    return bool(counsellor) and identity.staff_id == counsellor


def may_see_page(identity: Identity | None, page: str) -> bool:
    return may(identity, PAGE_ACTION[page])


def may_lead(identity: Identity | None, group_leaders: Iterable[str]) -> bool:
    """Whether the identity may see and record this group's participants."""
    if may(identity, ALL_GROUPS):
        return True
    return (
        identity is not None
        and may(identity, OWN_GROUPS)
        and identity.staff_id is not None
        and identity.staff_id in set(group_leaders)
    )


def main_role(identity: Identity) -> str | None:
    """The broadest of the identity's roles, for showing who is signed in."""
    return next((r for r in ROLES if r in identity.roles), None)
