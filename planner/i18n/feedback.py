"""Feedback from groups (`planner.feedback`, handbook l. 527, 529): the anonymous form on a
phone and on paper, its results, the Feedback page and `planner feedback`. Plain language:
the four themes of THL's national client-feedback measure as short questions, a 1-5 scale
with words at its ends."""

from __future__ import annotations

TEXTS: dict[str, dict[str, str]] = {
    "nav.feedback": {"fi": "Palaute", "sv": "Respons", "en": "Feedback"},
    # --- the form ---
    "feedback.form.title": {
        "fi": "Palaute ryhmästä",
        "sv": "Respons om gruppen",
        "en": "Feedback on the group",
    },
    "feedback.form.group": {"fi": "Ryhmä: {group}", "sv": "Grupp: {group}", "en": "Group: {group}"},
    "feedback.form.intro": {
        "fi": "Kerro, millainen ryhmä oli sinulle. Vastaat nimettömänä, ja vastaaminen vie "
        "pari minuuttia.",
        "sv": "Berätta hur gruppen var för dig. Du svarar anonymt, och det tar ett par minuter.",
        "en": "Tell us what the group was like for you. You answer anonymously; it takes a "
        "couple of minutes.",
    },
    "feedback.form.anonymous": {
        "fi": "Emme tallenna nimeäsi, asiakasnumeroasi, laitteesi osoitetta emmekä "
        "vastausaikaa. Ohjaajat näkevät vain yhteenvedon, kun vastauksia on vähintään {n}.",
        "sv": "Vi sparar inte ditt namn, ditt klientnummer, din enhets adress eller när du "
        "svarade. Ledarna ser bara en sammanfattning, när det finns minst {n} svar.",
        "en": "We store no name, client number, device address or time of answering. The "
        "leaders see only a summary, once there are at least {n} answers.",
    },
    "feedback.q.satisfaction": {
        "fi": "Kuinka tyytyväinen olet ryhmään?",
        "sv": "Hur nöjd är du med gruppen?",
        "en": "How satisfied are you with the group?",
    },
    "feedback.q.commitment": {
        "fi": "Kuinka tärkeää ryhmään osallistuminen on ollut sinulle?",
        "sv": "Hur viktigt har det varit för dig att delta i gruppen?",
        "en": "How much has taking part in the group mattered to you?",
    },
    "feedback.q.recommend": {
        "fi": "Suosittelisitko ryhmää muille?",
        "sv": "Skulle du rekommendera gruppen åt andra?",
        "en": "Would you recommend the group to others?",
    },
    "feedback.q.benefit": {
        "fi": "Kuinka paljon ryhmästä on ollut sinulle hyötyä?",
        "sv": "Hur mycket nytta har du haft av gruppen?",
        "en": "How much has the group helped you?",
    },
    "feedback.q.change": {
        "fi": "Mitä haluaisit muuttaa?",
        "sv": "Vad skulle du vilja ändra?",
        "en": "What would you like to change?",
    },
    "feedback.q.change_hint": {
        "fi": "Vapaaehtoinen. Älä kirjoita nimiä, omaasi tai muiden.",
        "sv": "Frivilligt. Skriv inga namn, varken ditt eget eller andras.",
        "en": "Optional. Please do not write names, yours or anyone else's.",
    },
    "feedback.scale.low": {"fi": "ei lainkaan", "sv": "inte alls", "en": "not at all"},
    "feedback.scale.high": {"fi": "erittäin paljon", "sv": "väldigt mycket", "en": "very much"},
    "feedback.scale.low.recommend": {
        "fi": "en varmasti",
        "sv": "absolut inte",
        "en": "certainly not",
    },
    "feedback.scale.high.recommend": {
        "fi": "varmasti",
        "sv": "absolut",
        "en": "certainly",
    },
    "feedback.scale.hint": {
        "fi": "Valitse yksi: 1 = {low}, 5 = {high}",
        "sv": "Välj ett: 1 = {low}, 5 = {high}",
        "en": "Choose one: 1 = {low}, 5 = {high}",
    },
    "feedback.form.send": {"fi": "Lähetä vastaus", "sv": "Skicka svaret", "en": "Send the answer"},
    "feedback.form.language": {"fi": "Kieli", "sv": "Språk", "en": "Language"},
    "feedback.thanks.title": {
        "fi": "Kiitos palautteestasi!",
        "sv": "Tack för din respons!",
        "en": "Thank you for your feedback!",
    },
    "feedback.thanks.body": {
        "fi": "Vastauksesi on tallennettu nimettömänä. Voit sulkea sivun.",
        "sv": "Ditt svar har sparats anonymt. Du kan stänga sidan.",
        "en": "Your answer has been stored anonymously. You can close the page.",
    },
    "feedback.closed.title": {
        "fi": "Tämä palautekysely ei ole auki",
        "sv": "Den här enkäten är inte öppen",
        "en": "This feedback form is not open",
    },
    "feedback.closed.body": {
        "fi": "Linkki on vanhentunut tai kysely on suljettu. Kysy tarvittaessa ryhmän ohjaajalta.",
        "sv": "Länken har gått ut eller enkäten är stängd. Fråga gruppens ledare vid behov.",
        "en": "The link has expired or the form is closed. Ask the group's leader if needed.",
    },
    "feedback.error.title": {
        "fi": "Tarkista vastauksesi",
        "sv": "Kontrollera ditt svar",
        "en": "Please check your answer",
    },
    "feedback.error.missing": {
        "fi": "Valitse jokaiseen kysymykseen yksi vaihtoehto 1-5. Mitään ei tallennettu.",
        "sv": "Välj ett alternativ 1-5 för varje fråga. Ingenting sparades.",
        "en": "Choose one option 1-5 for every question. Nothing was stored.",
    },
    "feedback.error.scale": {
        "fi": "Valitse jokaiseen kysymykseen yksi vaihtoehto 1-5. Mitään ei tallennettu.",
        "sv": "Välj ett alternativ 1-5 för varje fråga. Ingenting sparades.",
        "en": "Choose one option 1-5 for every question. Nothing was stored.",
    },
    "feedback.error.change": {
        "fi": "Vastaus on liian pitkä (enintään {chars} merkkiä). Mitään ei tallennettu.",
        "sv": "Svaret är för långt (högst {chars} tecken). Ingenting sparades.",
        "en": "The answer is too long (at most {chars} characters). Nothing was stored.",
    },
    # --- the paper form ---
    "feedback.paper.tick": {
        "fi": "Rastita yksi ruutu jokaisen kysymyksen kohdalla.",
        "sv": "Kryssa i en ruta för varje fråga.",
        "en": "Tick one box for every question.",
    },
    "feedback.paper.return": {
        "fi": "Palauta lomake suljetussa kirjekuoressa ryhmän ohjaajalle.",
        "sv": "Lämna blanketten i ett slutet kuvert till gruppens ledare.",
        "en": "Hand the form to the group's leader in a sealed envelope.",
    },
    "feedback.paper.link": {
        "fi": "Voit vastata myös puhelimella: lue QR-koodi tai avaa {url}",
        "sv": "Du kan också svara med telefonen: läs QR-koden eller öppna {url}",
        "en": "You can also answer on a phone: scan the QR code or open {url}",
    },
    # --- results ---
    "feedback.col.group": {"fi": "Ryhmä", "sv": "Grupp", "en": "Group"},
    "feedback.col.answers": {"fi": "Vastauksia", "sv": "Svar", "en": "Answers"},
    "feedback.col.satisfaction": {"fi": "Tyytyväisyys", "sv": "Nöjdhet", "en": "Satisfaction"},
    "feedback.col.commitment": {"fi": "Sitoutuminen", "sv": "Engagemang", "en": "Commitment"},
    "feedback.col.recommend": {"fi": "Suosittelu", "sv": "Rekommendation", "en": "Recommend"},
    "feedback.col.benefit": {"fi": "Hyöty", "sv": "Nytta", "en": "Benefit"},
    "feedback.col.recommend_share": {
        "fi": "Suosittelisi (4-5)",
        "sv": "Skulle rekommendera (4-5)",
        "en": "Would recommend (4-5)",
    },
    "feedback.results.season": {
        "fi": "Koko kausi",
        "sv": "Hela säsongen",
        "en": "The whole season",
    },
    "feedback.results.withheld": {
        "fi": "alle {n} vastausta",
        "sv": "under {n} svar",
        "en": "fewer than {n} answers",
    },
    "feedback.results.rule": {
        "fi": "Tulokset näytetään vasta, kun kierros on päättynyt ja vastauksia on vähintään "
        "{n}, jotta yksittäistä vastausta ei voi tunnistaa (kysely on nimetön, {source}).",
        "sv": "Resultaten visas först när omgången har avslutats och det finns minst {n} svar, "
        "så att inget enskilt svar kan kännas igen (enkäten är anonym, {source}).",
        "en": "Results show once a round has closed, and only from {n} answers on, so that no "
        "single answer can be recognised (the questionnaire is anonymous, {source}).",
    },
    "feedback.results.none": {
        "fi": "Kaudelta ei ole vielä palautetta.",
        "sv": "Det finns ännu ingen respons för säsongen.",
        "en": "No feedback for the season yet.",
    },
    "feedback.results.changes": {
        "fi": "Mitä vastaajat muuttaisivat",
        "sv": "Vad de som svarade skulle ändra",
        "en": "What the respondents would change",
    },
    # --- the Feedback page ---
    "feedback.page.intro": {
        "fi": "Kerää ryhmältä nimetön palaute ryhmän päätteeksi tai minkä tahansa tapaamisen "
        "jälkeen ({source}): avaa kierros, jaa linkki tai QR-koodi tai tulosta paperilomake.",
        "sv": "Samla anonym respons av gruppen när den slutar eller efter vilken träff som "
        "helst ({source}): öppna en omgång, dela länken eller QR-koden eller skriv ut "
        "blanketten.",
        "en": "Collect anonymous feedback from a group at its end or after any session "
        "({source}): open a round, share the link or QR code, or print the paper form.",
    },
    "feedback.page.group": {"fi": "Ryhmä", "sv": "Grupp", "en": "Group"},
    "feedback.page.no_groups": {
        "fi": "Julkaistussa tarjonnassa ei ole ryhmiäsi.",
        "sv": "Det publicerade utbudet har inga av dina grupper.",
        "en": "The published offering holds none of your groups.",
    },
    "feedback.page.not_published": {
        "fi": "Palautetta kerätään julkaistuista ryhmistä: julkaise ensin suunnitelma.",
        "sv": "Respons samlas in från publicerade grupper: publicera planen först.",
        "en": "Feedback is collected from published groups: publish the plan first.",
    },
    "feedback.round.heading": {
        "fi": "Palautekierrokset",
        "sv": "Responsomgångar",
        "en": "Feedback rounds",
    },
    "feedback.round.session": {
        "fi": "Tapaaminen, josta palautetta kerätään",
        "sv": "Träffen som responsen gäller",
        "en": "The session the feedback is for",
    },
    "feedback.round.last_session": {
        "fi": "Ryhmän viimeinen tapaaminen on {date}.",
        "sv": "Gruppens sista träff är {date}.",
        "en": "The group's last session is on {date}.",
    },
    "feedback.round.days": {
        "fi": "Auki päivää tapaamisen jälkeen",
        "sv": "Öppen dagar efter träffen",
        "en": "Open for days after the session",
    },
    "feedback.round.open": {"fi": "Avaa kierros", "sv": "Öppna omgången", "en": "Open a round"},
    "feedback.round.opened": {
        "fi": "Kierros on auki {closes} asti. Linkki ja QR-koodi näytetään vain nyt: jaa tai "
        "tulosta ne heti.",
        "sv": "Omgången är öppen till {closes}. Länken och QR-koden visas bara nu: dela eller "
        "skriv ut dem genast.",
        "en": "The round is open until {closes}. The link and QR code are shown only now: "
        "share or print them right away.",
    },
    "feedback.round.qr": {
        "fi": "QR-koodi palautelomakkeeseen",
        "sv": "QR-kod till responsblanketten",
        "en": "QR code to the feedback form",
    },
    "feedback.round.close": {
        "fi": "Sulje kierros",
        "sv": "Stäng omgången",
        "en": "Close the round",
    },
    "feedback.round.closed": {
        "fi": "Kierros suljettu.",
        "sv": "Omgången är stängd.",
        "en": "The round is closed.",
    },
    "feedback.round.none": {
        "fi": "Ryhmälle ei ole vielä avattu palautekierrosta.",
        "sv": "Ingen responsomgång har öppnats för gruppen ännu.",
        "en": "No feedback round has been opened for the group yet.",
    },
    "feedback.round.col.session": {"fi": "Tapaaminen", "sv": "Träff", "en": "Session"},
    "feedback.round.col.closes": {"fi": "Auki asti", "sv": "Öppen till", "en": "Open until"},
    "feedback.round.col.state": {"fi": "Tila", "sv": "Status", "en": "State"},
    "feedback.round.state.open": {"fi": "auki", "sv": "öppen", "en": "open"},
    "feedback.round.state.closed": {"fi": "suljettu", "sv": "stängd", "en": "closed"},
    "feedback.round.state.expired": {"fi": "päättynyt", "sv": "utgången", "en": "expired"},
    "feedback.round.state.full": {
        "fi": "vastauksia enimmäismäärä",
        "sv": "högsta antalet svar",
        "en": "answers at the maximum",
    },
    "feedback.round.pick": {"fi": "Kierros", "sv": "Omgång", "en": "Round"},
    "feedback.round.label": {
        "fi": "{session} ({answers} vastausta, {state})",
        "sv": "{session} ({answers} svar, {state})",
        "en": "{session} ({answers} answers, {state})",
    },
    "feedback.paper.heading": {
        "fi": "Paperilomakkeet",
        "sv": "Pappersblanketter",
        "en": "Paper forms",
    },
    "feedback.paper.download": {
        "fi": "Tulostettava lomake (PDF)",
        "sv": "Blankett att skriva ut (PDF)",
        "en": "Printable form (PDF)",
    },
    "feedback.paper.count": {
        "fi": "Montako vastasi {value}",
        "sv": "Hur många svarade {value}",
        "en": "How many answered {value}",
    },
    "feedback.paper.enter": {
        "fi": "Kirjaa yksi paperivastaus kerrallaan: valitse kunkin kysymyksen vastaus.",
        "sv": "Registrera ett pappersvar i taget: välj svaret på varje fråga.",
        "en": "Type in one paper answer at a time: choose the answer to each question.",
    },
    "feedback.paper.add": {"fi": "Tallenna vastaus", "sv": "Spara svaret", "en": "Save the answer"},
    "feedback.paper.added": {
        "fi": "Paperivastaus tallennettu.",
        "sv": "Pappersvaret har sparats.",
        "en": "The paper answer is stored.",
    },
    "feedback.eval.heading": {
        "fi": "Ohjaajien arvio ryhmästä",
        "sv": "Ledarnas utvärdering av gruppen",
        "en": "The leaders' evaluation of the group",
    },
    "feedback.eval.intro": {
        "fi": "Arvioi ryhmän toimintaa ja muutostarpeita seuraaviin ryhmiin ({source}). "
        "Älä kirjoita asiakkaiden nimiä tai tunnisteita.",
        "sv": "Utvärdera gruppens verksamhet och vad som behöver ändras i kommande grupper "
        "({source}). Skriv inga klienters namn eller koder.",
        "en": "Evaluate the group and what to change in the next groups ({source}). Write no "
        "client's name or code.",
    },
    "feedback.eval.went_well": {
        "fi": "Mikä onnistui?",
        "sv": "Vad gick bra?",
        "en": "What went well?",
    },
    "feedback.eval.to_change": {
        "fi": "Mitä muuttaisit seuraavalla kerralla?",
        "sv": "Vad skulle du ändra nästa gång?",
        "en": "What would you change next time?",
    },
    "feedback.eval.notes": {"fi": "Muuta", "sv": "Övrigt", "en": "Other notes"},
    "feedback.eval.save": {"fi": "Tallenna arvio", "sv": "Spara utvärderingen", "en": "Save"},
    "feedback.eval.saved": {
        "fi": "Arvio tallennettu.",
        "sv": "Utvärderingen har sparats.",
        "en": "The evaluation is saved.",
    },
    "feedback.eval.by": {
        "fi": "{who}, {date}",
        "sv": "{who}, {date}",
        "en": "{who}, {date}",
    },
    "feedback.eval.none": {
        "fi": "Ohjaajat eivät ole vielä kirjanneet arviota.",
        "sv": "Ledarna har inte skrivit någon utvärdering ännu.",
        "en": "The leaders have not written an evaluation yet.",
    },
    "feedback.read_only": {
        "fi": "Näet ryhmän tulokset; kierroksia avaavat ja arvioita kirjaavat ryhmän ohjaajat "
        "ja koordinaattorit.",
        "sv": "Du ser gruppens resultat; omgångar öppnas och utvärderingar skrivs av gruppens "
        "ledare och koordinatorerna.",
        "en": "You see the group's results; the group's leaders and the coordinators open "
        "rounds and write evaluations.",
    },
}
