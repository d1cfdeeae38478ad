"""The audit trail's hash chain checked (`planner audit verify`, `chain.*`): it holds, or its
first broken entry."""

from __future__ import annotations

TEXTS: dict[str, dict[str, str]] = {
    "chain.ok": {
        "fi": "Lokiketju kunnossa: {entries} merkintää, viimeisen tiiviste {head}.",
        "sv": "Loggkedjan är hel: {entries} poster, den sista postens hash {head}.",
        "en": "Audit chain OK: {entries} entries, the last one's hash {head}.",
    },
    "chain.broken.missing": {
        "fi": "Lokiketju katkeaa merkinnän {id} kohdalla: merkinnät {id}-{last} puuttuvat "
        "(poistettu merkinnän {before} jälkeen).",
        "sv": "Loggkedjan bryts vid post {id}: posterna {id}-{last} saknas (borttagna efter "
        "post {before}).",
        "en": "Audit chain broken at entry {id}: entries {id}-{last} are missing (deleted "
        "after entry {before}).",
    },
    "chain.broken.missing_start": {
        "fi": "Lokiketju katkeaa merkinnän {id} kohdalla: merkinnät {id}-{last} ketjun "
        "alusta puuttuvat (poistettu).",
        "sv": "Loggkedjan bryts vid post {id}: posterna {id}-{last} i kedjans början saknas "
        "(borttagna).",
        "en": "Audit chain broken at entry {id}: entries {id}-{last} at the chain's start are "
        "missing (deleted).",
    },
    "chain.broken.kept": {
        "fi": "Lokiketju ei sisällä tallessa olevaa tiivistettä {kept}: ketju on kirjoitettu "
        "uudelleen tai sen lopusta on poistettu merkintöjä (viimeinen nyt {id}).",
        "sv": "Loggkedjan innehåller inte den sparade hashen {kept}: kedjan har skrivits om "
        "eller poster har tagits bort i slutet (den sista nu {id}).",
        "en": "The audit chain does not hold the kept hash {kept}: it was rewritten, or "
        "entries were cut off its end (the last one now {id}).",
    },
    "chain.broken.first": {
        "fi": "Lokiketju katkeaa merkinnän {id} kohdalla: se ei ole ketjun ensimmäinen "
        "merkintä, vaikka sitä ennen ei ole mitään (alku poistettu).",
        "sv": "Loggkedjan bryts vid post {id}: den är inte kedjans första post, fast inget "
        "finns före den (början borttagen).",
        "en": "Audit chain broken at entry {id}: it was not written as the first entry, yet "
        "nothing is before it (the start was deleted).",
    },
    "chain.broken.link": {
        "fi": "Lokiketju katkeaa merkinnän {id} kohdalla: sitä ei ole ketjutettu edeltävään "
        "merkintään {before} (merkintä lisätty tai korvattu sovelluksen ohi).",
        "sv": "Loggkedjan bryts vid post {id}: den är inte kedjad till föregående post "
        "{before} (en post tillagd eller ersatt förbi programmet).",
        "en": "Audit chain broken at entry {id}: it is not chained to the entry before it, "
        "{before} (an entry was put in or replaced outside the planner).",
    },
    "chain.broken.content": {
        "fi": "Lokiketju katkeaa merkinnän {id} kohdalla: sen sisältöä on muutettu "
        "kirjaamisen jälkeen.",
        "sv": "Loggkedjan bryts vid post {id}: dess innehåll har ändrats efter att den skrevs.",
        "en": "Audit chain broken at entry {id}: its content was changed after it was written.",
    },
    "chain.broken.code": {
        "fi": "Lokiketju katkeaa merkinnän {id} kohdalla: sen asiakastunnusta on muutettu.",
        "sv": "Loggkedjan bryts vid post {id}: dess klientkod har ändrats.",
        "en": "Audit chain broken at entry {id}: its client code was changed.",
    },
    "chain.broken.time": {
        "fi": "Lokiketju katkeaa merkinnän {id} kohdalla: se on päivätty ennen edeltävää "
        "merkintää {before} (takautuvasti lisätty).",
        "sv": "Loggkedjan bryts vid post {id}: den är daterad före föregående post {before} "
        "(tillagd i efterhand).",
        "en": "Audit chain broken at entry {id}: it is dated before the entry before it, "
        "{before} (back-dated).",
    },
    "chain.broken.legacy": {
        "fi": "Lokiketju katkeaa merkinnän {id} kohdalla: se väittää olevansa ketjua "
        "vanhempi, mutta tulee ketjutetun merkinnän {before} jälkeen.",
        "sv": "Loggkedjan bryts vid post {id}: den utger sig för att vara äldre än kedjan men "
        "kommer efter den kedjade posten {before}.",
        "en": "Audit chain broken at entry {id}: it claims to predate the chain but follows "
        "entry {before}, which was written with it.",
    },
}
