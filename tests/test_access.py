"""Roles and permissions (planner.access): what each role may do, and how claims map to roles."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from planner import access
from planner.access import AccessSettings, Identity, identity_from_claims, may

DEFAULT = AccessSettings()


def person(*roles: str, staff_id: str | None = None) -> Identity:
    return Identity(user="someone@example.fi", roles=frozenset(roles), staff_id=staff_id)


def test_each_role_does_its_own_work_and_no_more() -> None:
    coordinator, worker = person(access.COORDINATOR), person(access.WORKER)
    leader, reader = person(access.LEADER, staff_id="S-1"), person(access.READ_ONLY)
    assert all(may(coordinator, a) for a in access.ACTIONS)
    assert may(worker, access.FIND) and may(worker, access.ENROL)
    assert not may(worker, access.IMPORT) and not may(worker, access.PLAN)
    assert not may(worker, access.PUBLISH) and not may(worker, access.AUDIT)
    assert may(leader, access.OWN_GROUPS) and not may(leader, access.ALL_GROUPS)
    assert not may(leader, access.FIND) and not may(leader, access.ENROL)
    assert {a for a in access.ACTIONS if may(reader, a)} == {access.VIEW_OFFERING}


def test_nobody_signed_out_and_no_role_may_do_anything() -> None:
    assert not any(may(None, a) for a in access.ACTIONS)
    assert not any(may(person(), a) for a in access.ACTIONS)


def test_an_unknown_action_is_a_programming_error() -> None:
    with pytest.raises(KeyError):
        may(person(access.COORDINATOR), "delete_everything")


def test_every_page_needs_a_known_action_and_everyone_with_a_role_sees_the_overview() -> None:
    assert set(access.PAGE_ACTION.values()) <= set(access.ACTIONS)
    for role in access.ROLES:
        assert access.may_see_page(person(role), "overview")
    assert not access.may_see_page(person(access.WORKER), "import")
    assert not access.may_see_page(person(access.READ_ONLY), "find")
    assert access.may_see_page(person(access.LEADER), "groups")


def test_a_leader_sees_only_the_groups_they_lead() -> None:
    leader = person(access.LEADER, staff_id="S-1")
    assert access.may_lead(leader, ("S-1", "P-2"))
    assert not access.may_lead(leader, ("S-2",))
    assert not access.may_lead(person(access.LEADER), ("S-1",)), "no staff id, no groups"
    assert access.may_lead(person(access.COORDINATOR), ("S-9",))
    assert not access.may_lead(person(access.WORKER, staff_id="S-1"), ("S-1",))


def test_entra_id_style_claims_map_to_roles_and_staff() -> None:
    claims = {
        "sub": "abc",
        "email": "anna@hyvil.fi",
        "name": "Anna",
        "roles": ["Sosku.Worker", "Other.App"],
        "employee_id": "S-ANNA",
    }
    settings = AccessSettings.from_mapping(
        {"staff_claim": "employee_id", "role_names": {"Sosku.Worker": "worker"}}
    )
    who = identity_from_claims(claims, settings)
    assert who.user == "abc" and who.name == "Anna"
    assert who.roles == {access.WORKER} and who.staff_id == "S-ANNA"


def test_our_own_role_names_count_and_a_roles_claim_that_is_not_a_list_of_strings_gives_none():
    who = identity_from_claims({"sub": "x", "roles": ["leader", "read_only"]}, DEFAULT)
    assert who.roles == {access.LEADER, access.READ_ONLY} and who.user == "x"
    assert identity_from_claims({"sub": "x"}, DEFAULT).roles == frozenset()
    for odd in ("coordinator", "leader read_only", ["coordinator", 1], 7, {"coordinator": 1}):
        assert identity_from_claims({"sub": "x", "roles": odd}, DEFAULT).roles == frozenset()


def test_the_actor_is_the_stable_object_id_not_the_e_mail() -> None:
    claims = {"oid": "9f1c-oid", "sub": "pairwise-sub", "email": "anna@hyvil.fi"}
    who = identity_from_claims(claims, DEFAULT)
    assert who.user == "9f1c-oid" and who.name == "anna@hyvil.fi"
    assert identity_from_claims({"sub": "s-1", "email": "a@b.fi"}, DEFAULT).user == "s-1"


@pytest.mark.parametrize("hours", ["often", -1, float("nan"), float("inf")])
def test_a_recheck_interval_that_is_not_hours_is_refused(hours) -> None:
    with pytest.raises(ValueError, match="recheck_hours"):
        AccessSettings.from_mapping({"recheck_hours": hours})
    assert AccessSettings.from_mapping({"recheck_hours": 0}).recheck_hours == 0
    assert AccessSettings().recheck_hours == 8


def test_settings_mapping_to_an_unknown_role_are_refused() -> None:
    with pytest.raises(ValueError, match="admin"):
        AccessSettings.from_mapping({"role_names": {"Sosku.Admin": "admin"}})


@settings(deadline=None)  # the first example pays for imports
@given(
    st.dictionaries(
        st.sampled_from(["sub", "email", "roles", "staff_id", "name", "groups"]),
        st.one_of(
            st.text(max_size=20),
            st.lists(st.text(max_size=12), max_size=4),
            st.none(),
            st.integers(),
        ),
    )
)
def test_any_claims_give_only_known_roles_and_never_more_than_the_roles_allow(claims) -> None:
    who = identity_from_claims(claims, DEFAULT)
    assert who.roles <= set(access.ROLES)
    assert who.user
    allowed = {a for a in access.ACTIONS if may(who, a)}
    assert allowed == set().union(*(access.PERMISSIONS[r] for r in who.roles))
    if access.COORDINATOR not in who.roles:
        assert access.IMPORT not in allowed and access.AUDIT not in allowed
