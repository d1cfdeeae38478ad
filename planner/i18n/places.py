"""A client's places in the live offering on the Find a group page: ending a place or a wait
with the handbook's reasons (l. 542-543), moving to another group, waiting-list positions."""

TEXTS: dict[str, dict[str, str]] = {
    "places.title": {
        "fi": "Asiakkaan paikat tällä kaudella",
        "sv": "Klientens platser den här säsongen",
        "en": "The client's places this season",
    },
    "places.none": {
        "fi": "Asiakkaalla ei ole paikkaa eikä jonopaikkaa tämän kauden ryhmissä.",
        "sv": "Klienten har ingen plats och ingen köplats i säsongens grupper.",
        "en": "The client has no place and no waiting-list place in this season's groups.",
    },
    "places.active": {
        "fi": "Ryhmässä {since} alkaen",
        "sv": "Med i gruppen sedan {since}",
        "en": "In the group since {since}",
    },
    "places.waiting": {
        "fi": "Jonossa sijalla {position}/{length} ({since} alkaen)",
        "sv": "I kö på plats {position} av {length} (sedan {since})",
        "en": "On the waiting list: number {position} of {length} (since {since})",
    },
    "places.flagged": {
        "fi": "Koordinaattori tarkistaa tämän paikan: {rule}",
        "sv": "Koordinatorn granskar platsen: {rule}",
        "en": "The coordinator is reviewing this place: {rule}",
    },
    "places.end": {
        "fi": "Päätä paikka",
        "sv": "Avsluta platsen",
        "en": "End the place",
    },
    "places.leave_list": {
        "fi": "Poista jonosta",
        "sv": "Ta bort ur kön",
        "en": "Take off the waiting list",
    },
    "places.reason": {
        "fi": "Syy",
        "sv": "Orsak",
        "en": "Reason",
    },
    "places.reason_help": {
        "fi": "Lopettamisen syy tilastoidaan tiimin lukuihin (käsikirja r. {line}).",
        "sv": "Orsaken räknas in i teamets siffror (handboken r. {line}).",
        "en": "The reason counts in the team's figures (handbook l. {line}).",
    },
    "places.follow_up": {
        "fi": "Jatkopolku",
        "sv": "Fortsatt väg",
        "en": "Follow-up path",
    },
    "places.follow_up_help": {
        "fi": "Mihin asiakas siirtyy (käsikirja r. {line}). Tyhjä: päätellään syystä, jos se "
        "kertoo sen.",
        "sv": "Vart klienten går vidare (handboken r. {line}). Tomt: härleds ur orsaken när den "
        "säger det.",
        "en": "Where the client goes next (handbook l. {line}). Empty: taken from the reason "
        "where it says.",
    },
    "places.follow_up_from_reason": {
        "fi": "(syyn mukaan)",
        "sv": "(enligt orsaken)",
        "en": "(from the reason)",
    },
    "places.note": {
        "fi": "Lyhyt huomio (ei henkilötietoja)",
        "sv": "En kort anteckning (inga personuppgifter)",
        "en": "A short note (no personal details)",
    },
    "places.confirm_end": {
        "fi": "Päätä paikka ryhmässä {group}",
        "sv": "Avsluta platsen i gruppen {group}",
        "en": "End the place in {group}",
    },
    "places.confirm_leave": {
        "fi": "Poista ryhmän {group} jonosta",
        "sv": "Ta bort ur kön till {group}",
        "en": "Take off the waiting list of {group}",
    },
    "places.move": {
        "fi": "Siirrä toiseen ryhmään",
        "sv": "Flytta till en annan grupp",
        "en": "Move to another group",
    },
    "places.move_to": {
        "fi": "Uusi ryhmä",
        "sv": "Ny grupp",
        "en": "New group",
    },
    "places.move_help": {
        "fi": "Ryhmät, jotka sopivat asiakkaalle ja joissa on tilaa. Uusi paikka varataan "
        "ensin, ja vasta sitten vanha vapautuu jonon seuraavalle.",
        "sv": "Grupper som passar klienten och har plats. Den nya platsen tas först, först "
        "därefter går den gamla till nästa i kön.",
        "en": "Groups that suit the client and have a free seat. The new seat is taken first; "
        "only then does the old one go to the next on the waiting list.",
    },
    "places.move_none": {
        "fi": "Asiakkaalle sopivissa ryhmissä ei ole nyt vapaata paikkaa.",
        "sv": "Det finns ingen ledig plats i de grupper som passar klienten just nu.",
        "en": "No group that suits the client has a free seat now.",
    },
    "places.confirm_move": {
        "fi": "Siirrä",
        "sv": "Flytta",
        "en": "Move",
    },
    "places.ended": {
        "fi": "Asiakkaan {client} paikka ryhmässä {group} päättyi ({reason}).",
        "sv": "Klientens {client} plats i gruppen {group} avslutades ({reason}).",
        "en": "{client}'s place in {group} ended ({reason}).",
    },
    "places.withdrawn": {
        "fi": "{client} poistettiin ryhmän {group} jonosta ({reason}).",
        "sv": "{client} togs bort ur kön till {group} ({reason}).",
        "en": "{client} was taken off the waiting list of {group} ({reason}).",
    },
    "places.moved": {
        "fi": "{client} siirtyi ryhmästä {old} ryhmään {group}.",
        "sv": "{client} flyttade från gruppen {old} till {group}.",
        "en": "{client} moved from {old} to {group}.",
    },
    "places.promoted": {
        "fi": "Vapautunut paikka annettiin jonosta: {clients}.",
        "sv": "Den lediga platsen gick till nästa i kön: {clients}.",
        "en": "The freed seat went to the waiting list: {clients}.",
    },
    "places.refused": {
        "fi": "Ei tehty: {reason}",
        "sv": "Inte gjort: {reason}",
        "en": "Not done: {reason}",
    },
    "places.ask_for_rights": {
        "fi": "Paikkojen muuttaminen vaatii työntekijän oikeudet.",
        "sv": "Att ändra platser kräver arbetstagarens behörighet.",
        "en": "Changing places needs a worker's rights.",
    },
    "places.meetings": {
        "fi": "Yhteiset tapaamiset (omatyöntekijä, ohjaaja ja asiakas)",
        "sv": "Gemensamma möten (socialhandledare, ledare och klient)",
        "en": "Joint meetings (counsellor, leader and client)",
    },
    "places.book_meeting_hint": {
        "fi": "Varaa yhteinen aloitustapaaminen kohdasta Asiakkaan paikat tällä kaudella.",
        "sv": "Boka det gemensamma startmötet under Klientens platser den här säsongen.",
        "en": "Book the joint start meeting under The client's places this season.",
    },
    "places.summary": {
        "fi": "Ohjaajan yhteenveto: {group} ({leader})",
        "sv": "Ledarens sammanfattning: {group} ({leader})",
        "en": "The leader's summary: {group} ({leader})",
    },
    "find.postal_code": {
        "fi": "Postinumero (valinnainen)",
        "sv": "Postnummer (frivilligt)",
        "en": "Postal code (optional)",
    },
    "find.postal_code_help": {
        "fi": "Matkat lasketaan postinumeroalueen keskeltä; ilman sitä kotikunnan keskustasta.",
        "sv": "Resorna räknas från postnummerområdets mitt; utan det från hemkommunens centrum.",
        "en": "Trips are measured from the postal area's centre; without it from the home "
        "municipality's centre.",
    },
    "find.postal_code_bad": {
        "fi": "Postinumerossa on viisi numeroa, esim. 02600. Matkat lasketaan nyt kotikunnan "
        "keskustasta.",
        "sv": "Ett postnummer har fem siffror, t.ex. 02600. Resorna räknas nu från hemkommunens "
        "centrum.",
        "en": "A postal code has five digits, e.g. 02600. Trips are now measured from the home "
        "municipality's centre.",
    },
    "find.add_client": {
        "fi": "Lisää uutena asiakkaana (kuvauksen tiedoin)",
        "sv": "Lägg till som ny klient (med beskrivningens uppgifter)",
        "en": "Add as a new client (with the description's details)",
    },
    "find.client_added": {
        "fi": "Asiakas {code} lisättiin. Valitse ryhmä ja ilmoita hänet siihen.",
        "sv": "Klienten {code} lades till. Välj en grupp och skriv in klienten i den.",
        "en": "Client {code} was added. Choose a group and enrol them.",
    },
    "refusal.same_group": {
        "fi": "asiakas on jo tässä ryhmässä; valitse toinen ryhmä",
        "sv": "klienten är redan med i den här gruppen; välj en annan grupp",
        "en": "the client is already in this group; pick another one",
    },
    "refusal.not_enrolled": {
        "fi": "asiakkaalla ei ole paikkaa eikä jonopaikkaa ryhmässä",
        "sv": "klienten har ingen plats och ingen köplats i gruppen",
        "en": "the client has neither a place nor a waiting-list place in the group",
    },
    "find.audience_help": {
        "fi": "Jätä tyhjäksi, jos et tiedä: kohdennetut ryhmät näytetään silloin "
        "merkinnällä, jolle ne on tarkoitettu.",
        "sv": "Lämna tomt om du inte vet: riktade grupper visas då med vem de är avsedda för.",
        "en": "Leave empty when you do not know: targeted groups are then shown with whom "
        "they are meant for.",
    },
}
