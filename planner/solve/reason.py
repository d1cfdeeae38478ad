"""`Reason`: why a group is unscheduled or a client unplaced, as a key and its parameters.

Solver-free (no OR-Tools), so `Result`, insight and the UI can hold and show reasons without
loading CP-SAT. The templates are the catalogue's `solver.*` texts; a parameter is phrased
in the reason's language when it is shown (weekdays, languages, pins, rules, times, people,
venues and groups).

Parameters are plain JSON values (they go to summary.json and the store). Besides the values
a template names, a reason may carry:

- `facts`: a list of facts that back it, each a dict with `"fact"` naming its kind
  (`workdays`, `languages`, `not_qualified`, `partners_elsewhere`, `busy`, `hours`,
  `opening`, `rooms`, `capacity`, `clients`, `leaders`, `venues_elsewhere`, `pins`). They are
  rendered after the sentence, in brackets: "... (working days: S003 Aino, S011 Bo: Mon-Thu)".
- `detail`: another reason (`{"key", "params"}`) that a template embeds, as the pinned
  values' conflict does: "pinned: weekday Friday; no qualified leader ...".

Staff and partners are named by id and name; groups, venues by id (venues with their name);
clients are only ever counted.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from planner import i18n, rules

PLAN_SUFFIX = "@plan"
"""Marks a rule key that is about the previous plan (kept pins, kept places)."""

TEXTS: Mapping[str, Mapping[str, str]] = {
    key.removeprefix("solver."): texts
    for key, texts in i18n.CATALOGUE.items()
    if key.startswith("solver.")
}
"""The reasons' templates by reason key: the catalogue's `solver.*` texts."""

MAX_LISTED = 6
"""People, venues or groups named in one fact; the rest are counted ("and 3 more")."""


def _t(key: str, lang: str, **params: Any) -> str:
    return i18n.t(f"solver.{key}", lang, **params)


def _render_value(name: str, value: Any, lang: str) -> str:
    """A reason's parameter as words in `lang`: weekdays, languages and ways of travelling
    from the catalogue, rules by their catalogue names, pinned values, facts and times."""
    lang = lang if lang in i18n.LANGUAGES else "en"
    if name == "days":
        words = [i18n.weekday_name(d, lang) for d in value]
        run = sorted(value) == list(range(min(value, default=0), max(value, default=0) + 1))
        if len(words) >= 3 and run:
            return f"{words[0]}–{words[-1]}"
        if len(words) <= 1:
            return "".join(words)
        return f"{', '.join(words[:-1])} {i18n.t('word.or', lang)} {words[-1]}"
    if name == "when":
        return f"{i18n.weekday_name(value['day'], lang, form='short')} {value['at']}"
    if name in ("language", "mode") and i18n.has(f"solver.{name}.{value}"):
        return i18n.t(f"solver.{name}.{value}", lang)
    if name in ("language", "mode"):
        return str(value)
    if name == "pins":
        return ", ".join(_pin_text(pin, lang) for pin in value)
    if name == "detail":
        return Reason("", value["key"], value.get("params", {})).text(lang)
    if name == "facts":
        return "; ".join(_fact_text(fact, lang) for fact in value)
    if name == "hours" and isinstance(value, int | float):
        return hours_text(value * 60, lang)
    if isinstance(value, Mapping):
        return str(value.get(lang) or value.get("fi") or next(iter(value.values()), ""))
    if name == "rules":
        return "; ".join(
            rules.rule_phrase(k.removesuffix(PLAN_SUFFIX), lang, with_plan=k.endswith(PLAN_SUFFIX))
            for k in value
        )
    if isinstance(value, list | tuple):
        return ", ".join(str(x) for x in value)
    return str(value)


def _pin_text(pin: Any, lang: str) -> str:
    """A pinned value as words in `lang`: {"pin": "weekday", "day": 4} -> "weekday Friday",
    {"pin": "start", "at": 600}, {"pin": "venue", "id", "name"}, {"pin": "leader", "id",
    "name"}. Older reasons name the field only ("weekday", "leader S-012")."""
    if isinstance(pin, Mapping):
        kind = pin.get("pin")
        if kind == "weekday":
            return _t("pinned.weekday", lang, day=i18n.weekday_name(pin["day"], lang))
        if kind == "start":
            return _t("pinned.start", lang, at=time_text(pin["at"], lang))
        if kind == "venue":
            return _t("pinned.venue", lang, venue=place_text(pin))
        if kind == "leader":
            return _t("pinned.leader", lang, who=person_text(pin))
        return str(pin)
    pin = str(pin)
    if pin.startswith("leader "):
        return _t("pin.leader", lang, id=pin.removeprefix("leader "))
    return _t(f"pin.{pin}", lang) if i18n.has(f"solver.pin.{pin}") else pin


# --- values inside facts ---


def time_text(minutes: int, lang: str) -> str:
    """Minutes after midnight as a clock time in `lang` ("10:00", "10.00")."""
    return _t("value.time", lang, h=f"{minutes // 60:02d}", m=f"{minutes % 60:02d}")


def span_text(start: int, end: int, lang: str) -> str:
    return f"{time_text(start, lang)}–{time_text(end, lang)}"


def hours_text(minutes: int | float, lang: str) -> str:
    """Minutes as hours, with the decimal sign of `lang` ("2.5", "2,5")."""
    hours = round(minutes / 60, 2)
    text = f"{hours:g}"
    return text.replace(".", _t("value.decimal", lang))


def day_span(days: Any, lang: str) -> str:
    """Weekdays in short, runs joined: [0, 1, 2, 3] -> "Mon–Thu", [0, 2] -> "Mon, Wed"."""
    days = sorted(set(days))
    if not days:
        return _t("value.no_days", lang)
    runs: list[list[int]] = []
    for d in days:
        if runs and d == runs[-1][-1] + 1:
            runs[-1].append(d)
        else:
            runs.append([d])

    def name(d: int) -> str:
        return i18n.weekday_name(d, lang, form="short")

    parts = []
    for run in runs:
        if len(run) >= 3:
            parts.append(f"{name(run[0])}–{name(run[-1])}")
        else:
            parts += [name(d) for d in run]
    return ", ".join(parts)


def person_text(person: Mapping[str, Any]) -> str:
    """A staff member or partner: id and name ("S003 Aino Ohjaaja")."""
    name = str(person.get("name") or "")
    return f"{person['id']} {name}".strip()


def place_text(venue: Mapping[str, Any]) -> str:
    """A venue: its id and name ("V2 Ekenäs bibliotek")."""
    name = str(venue.get("name") or "")
    return f"{venue['id']} {name}" if name and name != venue["id"] else str(venue["id"])


def session_text(session: Mapping[str, Any], lang: str) -> str:
    """Another group's session: "G3 Wed 10:00–13:00" (and its venue, when given)."""
    text = (
        f"{session['group']} {i18n.weekday_name(session['day'], lang, form='short')} "
        f"{span_text(session['start'], session['end'], lang)}"
    )
    venue = session.get("venue")
    return _t("value.session_at", lang, session=text, venue=venue) if venue else text


def _listed(items: list[str], more: int, lang: str) -> str:
    """Items joined, with "and N more" for those left out."""
    text = ", ".join(items)
    return f"{text} {_t('value.more', lang, n=more)}" if more else text


def _grouped(people: list[Mapping[str, Any]], value, lang: str, more: int = 0) -> str:
    """People who share a value named together: "S1 A, S2 B: Mon–Thu; S3 C: Tue"."""
    by_value: dict[str, list[str]] = {}
    for person in people:
        by_value.setdefault(value(person), []).append(person_text(person))
    text = "; ".join(f"{', '.join(who)}: {val}" for val, who in by_value.items())
    return f"{text} {_t('value.more', lang, n=more)}" if more else text


def _languages(codes: Any, lang: str) -> str:
    words = [
        _t(f"language.{c}", lang) if i18n.has(f"solver.language.{c}") else str(c) for c in codes
    ]
    return ", ".join(words) if words else _t("value.no_language", lang)


def _fact_text(fact: Mapping[str, Any], lang: str) -> str:
    """One fact behind a reason, as words in `lang` (see the module docstring)."""
    kind = fact.get("fact")
    more = int(fact.get("more", 0))
    people = list(fact.get("people", ()))
    venues = list(fact.get("venues", ()))
    if kind == "workdays":
        return _t(
            "fact.workdays",
            lang,
            list=_grouped(people, lambda p: day_span(p["days"], lang), lang, more),
        )
    if kind == "languages":
        listed = _grouped(people, lambda p: _languages(p["languages"], lang), lang, more)
        return _t("fact.languages", lang, list=listed)
    if kind == "not_qualified":
        who = _listed([person_text(p) for p in people], more, lang)
        return _t(
            "fact.not_qualified",
            lang,
            language=_render_value("language", fact["language"], lang),
            list=who,
        )
    if kind == "partners_elsewhere":
        who = _listed([person_text(p) for p in people], more, lang)
        return _t("fact.partners_elsewhere", lang, list=who)
    if kind == "busy":

        def sessions(p: Mapping[str, Any]) -> str:
            return ", ".join(session_text(s, lang) for s in p["sessions"]) or _t(
                "value.nothing", lang
            )

        return _t("fact.busy", lang, list=_grouped(people, sessions, lang, more))
    if kind == "hours":

        def used(p: Mapping[str, Any]) -> str:
            text = _t(
                "value.hours_used",
                lang,
                used=hours_text(p["used"], lang),
                cap=hours_text(p["cap"], lang),
            )
            groups = p.get("groups") or []
            return f"{text} ({', '.join(groups)})" if groups else text

        return _t(
            "fact.hours",
            lang,
            need=hours_text(fact["need"], lang),
            list=_grouped(people, used, lang, more),
        )
    if kind == "opening":

        def hours(v: Mapping[str, Any]) -> str:
            spans: dict[str, list[int]] = {}
            for day, start, end in v["open"]:
                spans.setdefault(span_text(start, end, lang), []).append(day)
            parts = [f"{day_span(days, lang)} {span}" for span, days in spans.items()]
            return ", ".join(parts) or _t("value.closed", lang)

        listed = "; ".join(f"{place_text(v)}: {hours(v)}" for v in venues)
        return _t("fact.opening", lang, list=_with_more(listed, more, lang))
    if kind == "rooms":
        parts = []
        for v in venues:
            held = ", ".join(session_text(s, lang) for s in v["sessions"])
            rooms = _t("value.rooms", lang, n=v["rooms"])
            parts.append(f"{place_text(v)} ({rooms}): {held or _t('value.nothing', lang)}")
        return _t("fact.rooms", lang, list=_with_more("; ".join(parts), more, lang))
    if kind == "capacity":
        listed = ", ".join(f"{place_text(v)} {v['capacity']}" for v in venues)
        return _t("fact.capacity", lang, list=_with_more(listed, more, lang))
    if kind == "venues_elsewhere":
        listed = ", ".join(
            f"{place_text(v)} ({_render_value('municipality', v['municipality'], lang)})"
            for v in venues
        )
        return _t("fact.venues_elsewhere", lang, list=_with_more(listed, more, lang))
    if kind == "clients":
        rule = str(fact["filter"])
        key = f"fact.clients.{rule}" if i18n.has(f"solver.fact.clients.{rule}") else "fact.clients"
        return _t(
            key,
            lang,
            removed=fact["removed"],
            of=fact["of"],
            left=fact["of"] - fact["removed"],
            language=_render_value("language", fact.get("language", ""), lang),
            days=_render_value("days", fact.get("days", []), lang),
        )
    if kind == "leaders":
        listed = "; ".join(f"{person_text(p)}: {_profile(p, lang)}" for p in people)
        return _t("fact.leaders", lang, list=_with_more(listed, more, lang))
    if kind == "pins":
        return _t("fact.pins", lang, pins=_render_value("pins", fact["pins"], lang))
    return ""


def _with_more(text: str, more: int, lang: str) -> str:
    return f"{text} {_t('value.more', lang, n=more)}" if more else text


def _profile(p: Mapping[str, Any], lang: str) -> str:
    """What matters about one possible leader: the facts a rule of the reason looks at."""
    parts = []
    if "languages" in p:
        parts.append(_t("value.speaks", lang, languages=_languages(p["languages"], lang)))
    if "qualified" in p:
        parts.append(_t("value.qualified" if p["qualified"] else "value.not_qualified", lang))
    if "days" in p:
        parts.append(_t("value.works", lang, days=day_span(p["days"], lang)))
    if p.get("sessions"):
        sessions = ", ".join(session_text(s, lang) for s in p["sessions"])
        parts.append(_t("value.leads", lang, sessions=sessions))
    if "cap" in p:
        parts.append(
            _t(
                "value.hours_used",
                lang,
                used=hours_text(p.get("used", 0), lang),
                cap=hours_text(p["cap"], lang),
            )
        )
    if p.get("elsewhere"):
        parts.append(_t("value.works_elsewhere", lang))
    return ", ".join(parts)


class _Values(dict):
    """Template values; one a stored reason lacks reads as an ellipsis, never an error."""

    def __missing__(self, key: str) -> str:
        return "…"


@dataclass(frozen=True)
class Reason:
    """Why a group is unscheduled or a client unplaced: a key, its parameters and the rules."""

    subject: str
    key: str
    params: Mapping[str, Any] = field(default_factory=dict)
    rules: tuple[str, ...] = ()

    def text(self, lang: str = "en") -> str:
        template = TEXTS[self.key].get(lang) or TEXTS[self.key]["en"]
        values = _Values({k: _render_value(k, v, lang) for k, v in self.params.items()})
        text = template.format_map(values)
        facts = [f for f in self.params.get("facts", ()) if f]
        if facts:
            text += f" ({_render_value('facts', facts, lang)})"
        return text

    def as_dict(self, lang: str = "en") -> dict[str, Any]:
        return {
            "key": self.key,
            "params": dict(self.params),
            "rules": list(self.rules),
            "text": self.text(lang),
        }
