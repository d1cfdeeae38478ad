"""What the import says is wrong with a season's files (`planner.io`).

File, row and column come from the problem itself (`io.where.*`); these texts name the rule.
`{value}` is a cell as the coordinator typed it, quoted, and only from cells that are not
personal data; `{source}` is a handbook citation in the same language (`planner.rules`).
`io.out.*` is what a command says about a path it was told to write to and cannot.
"""

from __future__ import annotations

TEXTS: dict[str, dict[str, str]] = {
    # --- where ---
    "io.where.row": {"fi": "rivi {row}", "sv": "rad {row}", "en": "row {row}"},
    "io.where.column": {
        "fi": "sarake {column}",
        "sv": "kolumn {column}",
        "en": "column {column}",
    },
    # --- one cell ---
    "io.too_large": {
        "fi": "{value} on aivan liian suuri",
        "sv": "{value} är alldeles för stort",
        "en": "{value} is far too large",
    },
    "io.not_whole_number": {
        "fi": "{value} ei ole kokonaisluku",
        "sv": "{value} är inget heltal",
        "en": "{value} is not a whole number",
    },
    "io.decimal_comma": {
        "fi": "{value} ei kelpaa luvuksi tässä: kirjoita {written} desimaalipisteellä "
        "pilkuin erotetussa tiedostossa",
        "sv": "{value} är inget tal här: skriv {written} med decimalpunkt i en kommaseparerad fil",
        "en": "{value} is not a number here: write {written} with a decimal point in a "
        "comma-separated file",
    },
    "io.not_number": {
        "fi": "{value} ei ole luku",
        "sv": "{value} är inget tal",
        "en": "{value} is not a number",
    },
    "io.not_bool": {
        "fi": "{value} ei ole tosi tai epätosi (kirjoita true/false, yes/no, 1/0, kyllä/ei "
        "tai ja/nej)",
        "sv": "{value} är varken sant eller falskt (skriv true/false, yes/no, 1/0, kyllä/ei "
        "eller ja/nej)",
        "en": "{value} is not true or false (write true/false, yes/no, 1/0, kyllä/ei or ja/nej)",
    },
    "io.not_weekday": {
        "fi": "{value} ei ole viikonpäivä (kirjoita ma-pe, Mon-Fri tai må-fr)",
        "sv": "{value} är ingen veckodag (skriv må-fr, ma-pe eller Mon-Fri)",
        "en": "{value} is not a weekday (write Mon-Fri, ma-pe or må-fr)",
    },
    "io.weekend.0": {
        "fi": "lauantai ({value}) ei ole palvelun työpäivä (ma-pe)",
        "sv": "lördag ({value}) är ingen arbetsdag i tjänsten (må-fr)",
        "en": "Saturday ({value}) is not a working day of the service (Mon-Fri)",
    },
    "io.weekend.1": {
        "fi": "sunnuntai ({value}) ei ole palvelun työpäivä (ma-pe)",
        "sv": "söndag ({value}) är ingen arbetsdag i tjänsten (må-fr)",
        "en": "Sunday ({value}) is not a working day of the service (Mon-Fri)",
    },
    "io.days_backwards": {
        "fi": "{value} kulkee takaperin (kirjoita esim. ma-to)",
        "sv": "{value} går baklänges (skriv t.ex. må-to)",
        "en": "{value} runs backwards (write e.g. Mon-Thu)",
    },
    "io.no_weekday": {
        "fi": "{value} ei nimeä viikonpäivää (kirjoita esim. ma-pe)",
        "sv": "{value} anger ingen veckodag (skriv t.ex. må-fr)",
        "en": "{value} names no weekday (write e.g. Mon-Fri)",
    },
    "io.many_weekdays": {
        "fi": "{value} on useampi kuin yksi viikonpäivä: kiinnitä ryhmä yhteen päivään",
        "sv": "{value} är mer än en veckodag: lås gruppen till en dag",
        "en": "{value} is more than one weekday: pin a group to one day",
    },
    "io.not_time": {
        "fi": "{value} ei ole kellonaika (kirjoita HH:MM, esim. 09:30)",
        "sv": "{value} är ingen klockslag (skriv HH:MM, t.ex. 09:30)",
        "en": "{value} is not a time of day (write HH:MM, e.g. 09:30)",
    },
    "io.not_opening_time": {
        "fi": "{value} ei ole aukioloaika (kirjoita esim. ma-pe 09:00-16:00)",
        "sv": "{value} är ingen öppettid (skriv t.ex. må-fr 09:00-16:00)",
        "en": "{value} is not an opening time (write e.g. Mon-Fri 09:00-16:00)",
    },
    "io.closes_before_opening": {
        "fi": "{value}: sulkemisajan on oltava avaamisajan jälkeen",
        "sv": "{value}: stängningstiden måste vara efter öppningstiden",
        "en": "{value}: the closing time must be after the opening time",
    },
    "io.days_without_time": {
        "fi": "{value}: aukioloaika puuttuu (kirjoita esim. pe 09:00-16:00)",
        "sv": "{value} har ingen öppettid (skriv t.ex. fre 09:00-16:00)",
        "en": "{value} has no opening time (write e.g. Fri 09:00-16:00)",
    },
    "io.no_opening_time": {
        "fi": "{value} ei nimeä aukioloaikaa (kirjoita esim. ma-pe 09:00-16:00)",
        "sv": "{value} anger ingen öppettid (skriv t.ex. må-fr 09:00-16:00)",
        "en": "{value} names no opening time (write e.g. Mon-Fri 09:00-16:00)",
    },
    "io.not_date": {
        "fi": "{value} ei ole päivämäärä (kirjoita d.m.vvvv tai VVVV-KK-PP)",
        "sv": "{value} är inget datum (skriv ÅÅÅÅ-MM-DD eller d.m.åååå)",
        "en": "{value} is not a date (write YYYY-MM-DD or d.m.yyyy)",
    },
    "io.not_choice": {
        "fi": "{value} ei ole sallittu {what} (yksi näistä: {options})",
        "sv": "{value} är ingen giltig {what} (en av {options})",
        "en": "{value} is not a {what} (one of {options})",
    },
    "io.what.partner_kind": {
        "fi": "kumppanin tyyppi",
        "sv": "partnertyp",
        "en": "partner kind",
    },
    "io.what.group_kind": {"fi": "ryhmän tyyppi", "sv": "grupptyp", "en": "group kind"},
    "io.what.group_mode": {
        "fi": "ryhmän toteutustapa",
        "sv": "gruppform",
        "en": "group mode",
    },
    "io.what.travel_mode": {"fi": "kulkutapa", "sv": "färdsätt", "en": "travel mode"},
    "io.not_language": {
        "fi": "{value} ei ole kielikoodi (kaksi kirjainta, esim. fi, sv, en)",
        "sv": "{value} är ingen språkkod (två bokstäver, t.ex. fi, sv, en)",
        "en": "{value} is not a language code (two letters, e.g. fi, sv, en)",
    },
    "io.no_language": {
        "fi": "{value} ei nimeä kieltä (kirjoita esim. fi;sv)",
        "sv": "{value} anger inget språk (skriv t.ex. fi;sv)",
        "en": "{value} names no language (write e.g. fi;sv)",
    },
    "io.not_id": {
        "fi": "{value} ei kelpaa tunnisteeksi: tunniste on 1-{max} merkkiä A-Z, a-z, 0-9, "
        "'-', '_' tai '.' ja alkaa kirjaimella tai numerolla (ei välilyöntejä, ääkkösiä, "
        "samannäköisiä kirjaimia muista kirjaimistoista eikä näkymättömiä merkkejä)",
        "sv": "{value} är inget id: ett id har 1-{max} tecken A-Z, a-z, 0-9, '-', '_' eller "
        "'.' och börjar med en bokstav eller siffra (inga mellanslag, å, ä, ö, likadana "
        "bokstäver från andra alfabet eller osynliga tecken)",
        "en": "{value} is not an id: an id is 1-{max} characters A-Z, a-z, 0-9, '-', '_' or "
        "'.', beginning with a letter or digit (no spaces, no letters such as ä, no "
        "look-alike letters of other scripts, no invisible characters)",
    },
    "io.not_municipality_code": {
        "fi": "{value} ei ole kolminumeroinen kuntakoodi (esim. 049)",
        "sv": "{value} är ingen tresiffrig kommunkod (t.ex. 049)",
        "en": "{value} is not a three-digit municipality code (e.g. 049)",
    },
    "io.postal_code_4_digits": {
        "fi": "{value} on nelinumeroinen, postinumerossa on viisi numeroa: pudottiko Excel "
        "alkunollan ({padded})? Muotoile sarake tekstiksi ja kirjoita koodi uudelleen",
        "sv": "{value} har 4 siffror, ett postnummer har 5: tappade Excel den inledande nollan "
        "i {padded}? Formatera kolumnen som text och skriv koden igen",
        "en": "{value} has 4 digits, a postal code has 5: did Excel drop the leading zero of "
        "{padded}? Format the column as text and type the code again",
    },
    "io.not_postal_code": {
        "fi": "{value} ei ole postinumero (viisi numeroa, esim. 02100)",
        "sv": "{value} är inget postnummer (fem siffror, t.ex. 02100)",
        "en": "{value} is not a postal code (five digits, e.g. 02100)",
    },
    "io.client_code_hetu": {
        "fi": "näyttää henkilötunnukselta (arvo piilotettu): käytä pseudonyymiä kuten "
        "C-00012, ei koskaan henkilötietoja",
        "sv": "ser ut som en finsk personbeteckning (henkilötunnus) (värdet dolt): använd en "
        "pseudonym som C-00012, aldrig personuppgifter",
        "en": "looks like a Finnish personal identity code (henkilötunnus) (value hidden): "
        "use a pseudonym such as C-00012, never personal data",
    },
    "io.client_code_phone": {
        "fi": "sisältää puhelinnumeron (arvo piilotettu): käytä pseudonyymiä kuten C-00012, "
        "ei koskaan henkilötietoja",
        "sv": "innehåller ett telefonnummer (värdet dolt): använd en pseudonym som C-00012, "
        "aldrig personuppgifter",
        "en": "holds a phone number (value hidden): use a pseudonym such as C-00012, never "
        "personal data",
    },
    "io.client_code_email": {
        "fi": "sisältää sähköpostiosoitteen (arvo piilotettu): käytä pseudonyymiä kuten "
        "C-00012, ei koskaan henkilötietoja",
        "sv": "innehåller en e-postadress (värdet dolt): använd en pseudonym som C-00012, "
        "aldrig personuppgifter",
        "en": "holds an e-mail address (value hidden): use a pseudonym such as C-00012, never "
        "personal data",
    },
    "io.client_code_first_name": {
        "fi": "sisältää yleisen etunimen (arvo piilotettu): käytä pseudonyymiä kuten C-00012, "
        "ei koskaan henkilötietoja",
        "sv": "innehåller ett vanligt förnamn (värdet dolt): använd en pseudonym som C-00012, "
        "aldrig personuppgifter",
        "en": "holds a common first name (value hidden): use a pseudonym such as C-00012, "
        "never personal data",
    },
    "io.client_code_name": {
        "fi": "näyttää henkilön nimeltä (arvo piilotettu): käytä pseudonyymiä kuten C-00012",
        "sv": "ser ut som ett personnamn (värdet dolt): använd en pseudonym som C-00012",
        "en": "looks like a person's name (value hidden): use a pseudonym such as C-00012",
    },
    "io.not_client_code": {
        "fi": "ei ole asiakaskoodi (arvo piilotettu): käytä 1-{max} merkkiä A-Z, numeroita, "
        "'-', '_' ja '.', alussa kirjain tai numero, kuten C-00012",
        "sv": "är ingen klientkod (värdet dolt): använd 1-{max} tecken A-Z, siffror, '-', '_' "
        "och '.', med en bokstav eller siffra först, som C-00012",
        "en": "is not a client code (value hidden): use 1-{max} letters A-Z, digits, '-', '_' "
        "and '.', beginning with a letter or digit, such as C-00012",
    },
    # --- a client entered by hand (planner.io.client_entry, planner.store.clients) ---
    "io.client_code_taken": {
        "fi": "kaudella on jo asiakas tällä koodilla (arvo piilotettu): valitse toinen pseudonyymi",
        "sv": "säsongen har redan en klient med den koden (värdet dolt): välj en annan pseudonym",
        "en": "the season already has a client with this code (value hidden): choose another "
        "pseudonym",
    },
    "io.client_code_changed": {
        "fi": "asiakkaan koodia ei voi muuttaa (arvo piilotettu)",
        "sv": "klientens kod kan inte ändras (värdet dolt)",
        "en": "a client's code cannot be changed (value hidden)",
    },
    "io.client_unknown": {
        "fi": "kaudella ei ole asiakasta tällä koodilla (arvo piilotettu)",
        "sv": "säsongen har ingen klient med den koden (värdet dolt)",
        "en": "the season has no client with this code (value hidden)",
    },
    "io.max_groups_below_places": {
        "fi": "asiakkaalla on nyt {n} ryhmäpaikkaa: päätä paikka ennen kuin lasket "
        "max_groups-arvoksi {max}",
        "sv": "klienten har nu {n} gruppplatser: avsluta en plats innan du sänker det högsta "
        "antalet till {max}",
        "en": "the client holds {n} group places now: end a place before lowering max_groups "
        "to {max}",
    },
    # --- one cell, with the handbook's rule ---
    "io.group_size_over": {
        "fi": "{n} ylittää suurimman ryhmäkoon {max} ({source})",
        "sv": "{n} är över den största gruppstorleken {max} ({source})",
        "en": "{n} is over the maximum group size {max} ({source})",
    },
    "io.group_size_under": {
        "fi": "{n} alittaa pienimmän ryhmäkoon {min} ({source})",
        "sv": "{n} är under den minsta gruppstorleken {min} ({source})",
        "en": "{n} is under the minimum group size {min} ({source})",
    },
    "io.session_too_long": {
        "fi": "{hours} tuntia ylittää pisimmän kokoontumisen, {max} tuntia ({source})",
        "sv": "{hours} timmar är över den längsta träffen, {max} timmar ({source})",
        "en": "{hours} hours is over the longest session, {max} hours ({source})",
    },
    "io.session_too_short": {
        "fi": "{hours} tuntia alittaa lyhimmän kokoontumisen, {min} tuntia ({source})",
        "sv": "{hours} timmar är under den kortaste träffen, {min} timmar ({source})",
        "en": "{hours} hours is under the shortest session, {min} hours ({source})",
    },
    "io.session_half_hours": {
        "fi": "{hours} tuntia ei ole puolen tunnin tarkkuudella (kirjoita esim. 2, 2,5 tai 3)",
        "sv": "{hours} timmar är inte i halvtimmar (skriv t.ex. 2, 2,5 eller 3)",
        "en": "{hours} hours is not in half hours (write e.g. 2, 2.5 or 3)",
    },
    "io.not_group_language": {
        "fi": "{value} ei ole ryhmän kieli: ryhmät toimivat suomeksi (fi) tai ruotsiksi (sv) "
        "ilman tulkkia ({source})",
        "sv": "{value} är inget gruppspråk: grupperna hålls på finska (fi) eller svenska (sv) "
        "utan tolk ({source})",
        "en": "{value} is not a group language: groups run in Finnish (fi) or Swedish (sv), "
        "without an interpreter ({source})",
    },
    # --- a table or a row ---
    "io.personal_id": {
        "fi": "näyttää henkilötunnukselta (arvo piilotettu): henkilötiedot eivät kuulu kauden "
        "tiedostoihin",
        "sv": "ser ut som en finsk personbeteckning (henkilötunnus) (värdet dolt): "
        "personuppgifter hör inte hemma i säsongens filer",
        "en": "looks like a Finnish personal identity code (henkilötunnus) (value hidden): "
        "personal data does not belong in the season files",
    },
    "io.column_missing": {
        "fi": "pakollinen sarake puuttuu",
        "sv": "den obligatoriska kolumnen saknas",
        "en": "the required column is missing",
    },
    "io.extra_column": {
        "fi": "sarake {names} ei kuulu taulukkoon {table}, ja se ohitetaan",
        "sv": "kolumnen {names} hör inte till tabellen {table} och ignoreras",
        "en": "column {names} is not part of the {table} table and is ignored",
    },
    "io.extra_columns": {
        "fi": "sarakkeet {names} eivät kuulu taulukkoon {table}, ja ne ohitetaan",
        "sv": "kolumnerna {names} hör inte till tabellen {table} och ignoreras",
        "en": "columns {names} are not part of the {table} table and are ignored",
    },
    "io.cell_empty": {
        "fi": "{column} on pakollinen, mutta solu on tyhjä",
        "sv": "{column} är obligatorisk men cellen är tom",
        "en": "{column} is required but the cell is empty",
    },
    "io.too_many_leaders": {
        "fi": "{n} ohjaajaa on kiinnitetty, ryhmässä on enintään {max} ({source})",
        "sv": "{n} ledare är fastlåsta, en grupp har högst {max} ({source})",
        "en": "{n} leaders are pinned, a group has at most {max} ({source})",
    },
    "io.listed_twice": {
        "fi": "{value} on luettelossa kahdesti",
        "sv": "{value} finns två gånger i listan",
        "en": "{value} is listed twice",
    },
    "io.client_no_group_language": {
        "fi": "asiakas ei puhu suomea eikä ruotsia: mikään ryhmä ei voi ottaa häntä, sillä "
        "ryhmissä ei ole tulkkia ({source}); tuonti jatkuu",
        "sv": "klienten talar varken finska eller svenska: ingen grupp kan ta emot hen, "
        "eftersom grupperna saknar tolk ({source}); importen fortsätter",
        "en": "the client speaks neither Finnish nor Swedish: no group can take them, as "
        "groups have no interpreter ({source}); imported all the same",
    },
    "io.weeks_empty": {
        "fi": "weeks on tyhjä, mutta vain pop up -ryhmä voi toimia ilman määräaikaa "
        "({kind} tarvitsee sen; {source})",
        "sv": "weeks är tom, men bara pop up-grupper får hållas utan fast period "
        "({kind} behöver en; {source})",
        "en": "weeks is empty, but only pop-up groups may run without a fixed term "
        "(a {kind} group needs one; {source})",
    },
    "io.drop_in_kind": {
        "fi": "drop_in on kyllä, mutta vain pop up -ryhmä voi olla avoin ilman ilmoittautumista "
        "({kind} ei voi; {source})",
        "sv": "drop_in är ja, men bara en pop up-grupp kan vara öppen utan anmälan "
        "({kind} kan inte; {source})",
        "en": "drop_in is yes, but only a pop-up group can be open without enrolment "
        "(a {kind} group cannot; {source})",
    },
    "io.kind.process": {"fi": "prosessiryhmä", "sv": "en processgrupp", "en": "process"},
    "io.kind.targeted": {"fi": "kohdennettu ryhmä", "sv": "en riktad grupp", "en": "targeted"},
    "io.kind.theme": {"fi": "teemaryhmä", "sv": "en temagrupp", "en": "theme"},
    "io.kind.peer": {"fi": "vertaisryhmä", "sv": "en kamratgrupp", "en": "peer"},
    # --- warnings ---
    "io.only_venue_not_accessible": {
        "fi": "{venue} on kunnan {municipality} ainoa toimitila eikä ole esteetön, mutta "
        "{n} siellä asuva asiakas tarvitsee esteettömän tilan ({source})",
        "sv": "{venue} är den enda lokalen i {municipality} och är inte tillgänglig, men "
        "{n} klient där behöver en tillgänglig lokal ({source})",
        "en": "{venue} is the only venue in {municipality} and is not accessible, but "
        "{n} client there needs an accessible venue ({source})",
    },
    "io.only_venue_not_accessible_many": {
        "fi": "{venue} on kunnan {municipality} ainoa toimitila eikä ole esteetön, mutta "
        "{n} siellä asuvaa asiakasta tarvitsee esteettömän tilan ({source})",
        "sv": "{venue} är den enda lokalen i {municipality} och är inte tillgänglig, men "
        "{n} klienter där behöver en tillgänglig lokal ({source})",
        "en": "{venue} is the only venue in {municipality} and is not accessible, but "
        "{n} clients there need an accessible venue ({source})",
    },
    # --- references and rules across rows ---
    "io.note_more_cell": {
        "fi": "{note}; tässä sarakkeessa on {n} muu samanlainen solu",
        "sv": "{note}; {n} cell till i den här kolumnen är likadan",
        "en": "{note}; {n} more cell in this column like this",
    },
    "io.note_more_cells": {
        "fi": "{note}; tässä sarakkeessa on {n} muuta samanlaista solua",
        "sv": "{note}; {n} celler till i den här kolumnen är likadana",
        "en": "{note}; {n} more cells in this column like this",
    },
    "io.name_too_long": {
        "fi": "nimessä on {n} merkkiä, enintään {max} mahtuu luetteloon ja kalenteriin",
        "sv": "namnet har {n} tecken, högst {max} ryms i en lista och en kalender",
        "en": "the name has {n} characters, at most {max} fit in a list and a calendar",
    },
    "io.used_twice": {
        "fi": "{value} on käytössä kahdesti: sarakkeen {column} on oltava yksilöllinen "
        "(ensin rivillä {row})",
        "sv": "{value} används två gånger: {column} måste vara unikt (först på rad {row})",
        "en": "{value} is used twice: {column} must be unique (first on row {row})",
    },
    "io.partner_is_staff": {
        "fi": "{value} on myös staff_id ({source} rivi {row}): työntekijöiden ja kumppanien "
        "tunnisteiden on oltava yksilöllisiä molemmissa taulukoissa",
        "sv": "{value} är också ett staff_id ({source} rad {row}): personalens och "
        "partnernas id måste vara unika i båda tabellerna",
        "en": "{value} is also a staff_id ({source} row {row}): staff and partner ids must be "
        "unique across both tables",
    },
    "io.unknown_municipality": {
        "fi": "{value} ei ole kuntakoodi tai kunnan nimi tiedostossa {table}",
        "sv": "{value} är ingen kommunkod eller kommunnamn i {table}",
        "en": "{value} is not a municipality code or name in {table}",
    },
    "io.unknown_ref": {
        "fi": "{value} ei ole {column} tiedostossa {table}",
        "sv": "{value} är inget {column} i {table}",
        "en": "{value} is not a {column} in {table}",
    },
    "io.unknown_leader": {
        "fi": "{value} ei ole staff_id tiedostossa {staff} eikä partner_id tiedostossa {partners}",
        "sv": "{value} är inget staff_id i {staff} eller partner_id i {partners}",
        "en": "{value} is not a staff_id in {staff} or a partner_id in {partners}",
    },
    "io.counsellor_partner": {
        "fi": "{value} on kumppani: omatyöntekijän on oltava työntekijä (staff_id "
        "tiedostossa {table})",
        "sv": "{value} är en partner: den egna arbetaren måste vara anställd (ett staff_id "
        "i {table})",
        "en": "{value} is a partner: the counsellor must be a staff member (a staff_id in {table})",
    },
    "io.wish_twice": {
        "fi": "{value} on luettelossa kahdesti: toiveet ovat järjestyksessä, kukin ryhmä kerran",
        "sv": "{value} finns två gånger: önskemålen är rangordnade, varje grupp en gång",
        "en": "{value} is listed twice: wishes are ranked, each group once",
    },
    "io.unknown_place": {
        "fi": "{value} ei ole venue_id tiedostossa {venues} eikä kunta tiedostossa "
        "{municipalities}",
        "sv": "{value} är inget venue_id i {venues} eller någon kommun i {municipalities}",
        "en": "{value} is not a venue_id in {venues} or a municipality in {municipalities}",
    },
    "io.travel_time_twice": {
        "fi": "matka-aika ({mode}) välillä {start} - {end} on annettu kahdesti (ensin "
        "rivillä {row})",
        "sv": "restiden ({mode}) från {start} till {end} anges två gånger (först på rad {row})",
        "en": "the {mode} time from {start} to {end} is given twice (first on row {row})",
    },
    "io.lat_lon_swapped": {
        "fi": "{place}: lat ja lon näyttävät olevan väärin päin (Länsi-Uusimaa on {area})",
        "sv": "{place}: lat och lon verkar ha bytt plats (Västra Nyland är {area})",
        "en": "{place}: looks like lat and lon are swapped (Western Uusimaa is {area})",
    },
    "io.outside_county": {
        "fi": "{place} on Länsi-Uudenmaan ulkopuolella ({area})",
        "sv": "{place} ligger utanför Västra Nyland ({area})",
        "en": "{place} is outside Western Uusimaa ({area})",
    },
    "io.postal_centre_swapped": {
        "fi": "{place}: lat ja lon näyttävät olevan väärin päin (Suomi on {area})",
        "sv": "{place}: lat och lon verkar ha bytt plats (Finland är {area})",
        "en": "{place}: looks like lat and lon are swapped (Finland is {area})",
    },
    "io.postal_centre_outside_finland": {
        "fi": "postinumeroalueen keskipiste {place} on Suomen ulkopuolella ({area})",
        "sv": "postnummerområdets mittpunkt {place} ligger utanför Finland ({area})",
        "en": "the postal area's centre {place} is outside Finland ({area})",
    },
    "io.postal_centre_outside_county": {
        "fi": "postinumeroalueen keskipiste {place} on Länsi-Uudenmaan ulkopuolella ({area}): "
        "tarkista koordinaatit",
        "sv": "postnummerområdets mittpunkt {place} ligger utanför Västra Nyland ({area}): "
        "kontrollera koordinaterna",
        "en": "the postal area's centre {place} is outside Western Uusimaa ({area}): "
        "check the coordinates",
    },
    "io.postal_code_unknown": {
        "fi": "postinumeroa {value} ei ole taulukossa {table}: asiakas matkustaa kuntansa "
        "keskustasta",
        "sv": "postnumret {value} finns inte i {table}: klienten reser från sin kommuns centrum",
        "en": "postal code {value} is not in {table}: the client travels from their "
        "municipality's centre",
    },
    "io.postal_code_elsewhere": {
        "fi": "postinumeroalue {value} ({area}) on kunnassa {other}, asiakkaan kunta on {own}: "
        "tarkista postinumero tai kunta",
        "sv": "postnummerområdet {value} ({area}) ligger i {other}, klientens kommun är {own}: "
        "kontrollera postnumret eller kommunen",
        "en": "postal area {value} ({area}) lies in {other}, the client's municipality is {own}: "
        "check the postal code or the municipality",
    },
    "io.min_over_max": {
        "fi": "min_size {min} on suurempi kuin max_size {max}",
        "sv": "min_size {min} är större än max_size {max}",
        "en": "min_size {min} is larger than max_size {max}",
    },
    "io.after_midnight": {
        "fi": "klo {start} alkava {hours} tunnin kokoontuminen päättyisi keskiyön jälkeen",
        "sv": "en träff på {hours} timmar som börjar {start} skulle sluta efter midnatt",
        "en": "a session of {hours} hours starting at {start} would end after midnight",
    },
    "io.no_group_planned": {
        "fi": "kuntaan {municipality} ({code}) ei ole suunniteltu yhtään ryhmää",
        "sv": "ingen grupp är planerad i {municipality} ({code})",
        "en": "no group is planned in {municipality} ({code})",
    },
    # --- ranges ---
    "io.under_minimum": {
        "fi": "{x} alittaa pienimmän sallitun arvon {lo}",
        "sv": "{x} är under minimum {lo}",
        "en": "{x} is under the minimum {lo}",
    },
    "io.over_maximum": {
        "fi": "{x} ylittää suurimman sallitun arvon {hi}",
        "sv": "{x} är över maximum {hi}",
        "en": "{x} is over the maximum {hi}",
    },
    "io.under_minimum_unit": {
        "fi": "{x} {unit} alittaa pienimmän sallitun arvon {lo} {unit}",
        "sv": "{x} {unit} är under minimum {lo} {unit}",
        "en": "{x} {unit} is under the minimum {lo} {unit}",
    },
    "io.over_maximum_unit": {
        "fi": "{x} {unit} ylittää suurimman sallitun arvon {hi} {unit}",
        "sv": "{x} {unit} är över maximum {hi} {unit}",
        "en": "{x} {unit} is over the maximum {hi} {unit}",
    },
    "io.unit.hours": {"fi": "tuntia", "sv": "timmar", "en": "hours"},
    "io.unit.weeks": {"fi": "viikkoa", "sv": "veckor", "en": "weeks"},
    "io.unit.minutes": {"fi": "minuuttia", "sv": "minuter", "en": "minutes"},
    "io.padded_municipality_code": {
        "fi": "{written} luettiin kuntakoodiksi {code}: Excel pudotti alkunollan (muotoile "
        "sarake tekstiksi)",
        "sv": "{written} lästes som kommunkod {code}: Excel tappade den inledande nollan "
        "(formatera kolumnen som text)",
        "en": "{written} was read as municipality code {code}: Excel dropped the leading zero "
        "(format the column as text)",
    },
    "io.padded_postal_code": {
        "fi": "{written} luettiin postinumeroksi {code}: Excel pudotti alkunollan (muotoile "
        "sarake tekstiksi)",
        "sv": "{written} lästes som postnummer {code}: Excel tappade den inledande nollan "
        "(formatera kolumnen som text)",
        "en": "{written} was read as postal code {code}: Excel dropped the leading zero "
        "(format the column as text)",
    },
    # --- files, sheets and headers ---
    "io.not_utf8": {
        "fi": "ei ole UTF-8-tekstiä: tallenna Excelissä muodossa CSV UTF-8",
        "sv": "inte UTF-8-text: spara som CSV UTF-8 i Excel",
        "en": "not UTF-8 text: save as CSV UTF-8 in Excel",
    },
    "io.too_many_rows": {
        "fi": "yli {max} riviä: tämä ei ole kauden taulukko",
        "sv": "mer än {max} rader: detta är ingen säsongstabell",
        "en": "more than {max} rows: this is not a season table",
    },
    "io.too_big": {
        "fi": "tiedosto on {mb} Mt, enemmän kuin kauden taulukon suurin sallittu {max} Mt: "
        "tarkista, että tiedosto on oikea",
        "sv": "filen är {mb} MB, mer än de {max} MB en säsongstabell får vara: kontrollera "
        "att det är rätt fil",
        "en": "the file is {mb} MB, more than the {max} MB a season table may be: check that "
        "this is the right file",
    },
    "io.unlisted_errors": {
        "fi": "ja {n} virhettä lisää tässä tiedostossa, joita ei luetella: korjaa luetellut "
        "ja tarkista uudelleen",
        "sv": "och {n} fel till i den här filen som inte listas: rätta de listade och "
        "kontrollera igen",
        "en": "and {n} more errors in this file, not listed: fix those listed and check again",
    },
    "io.unlisted_warnings": {
        "fi": "ja {n} varoitusta lisää tässä tiedostossa, joita ei luetella",
        "sv": "och {n} varningar till i den här filen som inte listas",
        "en": "and {n} more warnings in this file, not listed",
    },
    "io.too_many_cells": {
        "fi": "kauden taulukoissa on tähän riviin mennessä yli {max} täytettyä solua: tämä ei "
        "ole kauden aineisto; tarkista, että tiedostot ovat oikeat",
        "sv": "säsongens tabeller har till och med den här raden över {max} ifyllda celler: "
        "detta är inga säsongsdata; kontrollera att det är rätt filer",
        "en": "the season's tables hold more than {max} filled cells up to this row: this is "
        "not a season; check that these are the right files",
    },
    "io.too_many_columns": {
        "fi": "rivillä on {cells} solua, enemmän kuin kauden taulukon suurin sallittu {max}: "
        "tarkista, että tiedosto on oikea",
        "sv": "raden har {cells} celler, fler än de {max} en säsongstabell får ha: kontrollera "
        "att det är rätt fil",
        "en": "the row has {cells} cells, more than the {max} a season table may have: check "
        "that this is the right file",
    },
    "io.cell_too_long": {
        "fi": "solussa on {n} merkkiä, enemmän kuin solun suurin sallittu {max}: tarkista, "
        "että tiedosto on oikea",
        "sv": "cellen har {n} tecken, fler än de {max} en cell får ha: kontrollera att det är "
        "rätt fil",
        "en": "the cell has {n} characters, more than the {max} a cell may have: check that "
        "this is the right file",
    },
    "io.unclosed_quote": {
        "fi": 'solu alkaa lainausmerkillä ("), jota ei suljeta: kaikki sen jälkeen tiedoston '
        "loppuun asti olisi yksi solu; lisää sulkeva lainausmerkki tai poista avaava",
        "sv": 'cellen börjar med ett citattecken (") som aldrig stängs: allt efter det till '
        "filens slut skulle bli en cell; lägg till det stängande eller ta bort det inledande",
        "en": 'the cell opens a quote (") that is never closed: everything after it to the '
        "end of the file would be one cell; close the quote or remove it",
    },
    "io.workbook_parts": {
        "fi": "työkirjassa on {n} osaa, enemmän kuin {max}: tämä ei ole kauden työkirja",
        "sv": "arbetsboken har {n} delar, fler än {max}: detta är ingen säsongsarbetsbok",
        "en": "the workbook has {n} parts, more than {max}: this is not a season workbook",
    },
    "io.workbook_part_big": {
        "fi": "työkirjan osa {part} purkautuu {mb} Mt:ksi, enemmän kuin sallitut {max} Mt: "
        "tämä ei ole kauden työkirja",
        "sv": "arbetsbokens del {part} packas upp till {mb} MB, mer än tillåtna {max} MB: "
        "detta är ingen säsongsarbetsbok",
        "en": "the workbook's part {part} unpacks to {mb} MB, more than the {max} MB allowed: "
        "this is not a season workbook",
    },
    "io.workbook_part_packed": {
        "fi": "työkirjan osa {part} on pakattu {ratio} kertaa pienemmäksi kuin se purkautuu "
        "(sallittu enintään {max}): tämä ei ole kauden työkirja",
        "sv": "arbetsbokens del {part} är packad {ratio} gånger mindre än den packas upp till "
        "(högst {max} tillåts): detta är ingen säsongsarbetsbok",
        "en": "the workbook's part {part} is packed {ratio} times smaller than it unpacks "
        "(at most {max} allowed): this is not a season workbook",
    },
    "io.workbook_unpacked_big": {
        "fi": "työkirja purkautuu {mb} Mt:ksi, enemmän kuin sallitut {max} Mt: tämä ei ole "
        "kauden työkirja",
        "sv": "arbetsboken packas upp till {mb} MB, mer än tillåtna {max} MB: detta är ingen "
        "säsongsarbetsbok",
        "en": "the workbook unpacks to {mb} MB, more than the {max} MB allowed: this is not "
        "a season workbook",
    },
    "io.row_too_wide": {
        "fi": "rivillä on {cells} solua, mutta otsikkorivi nimeää {columns} saraketta: onko "
        "arvon sisällä ';' tai ',' ilman lainausmerkkejä?",
        "sv": "raden har {cells} celler men rubriken anger {columns} kolumner: finns ';' eller "
        "',' i ett värde utan citattecken?",
        "en": "the row has {cells} cells but the header names {columns} columns: is a ';' or "
        "',' inside a value not quoted?",
    },
    "io.header_twice": {
        "fi": "sarake {column} on otsikkorivillä kahdesti; vain ensimmäinen luetaan",
        "sv": "kolumnen {column} finns två gånger i rubriken; bara den första läses",
        "en": "column {column} appears twice in the header; only the first is read",
    },
    "io.csv_is_workbook": {
        "fi": "tämä on Excel-työkirja eikä CSV-tiedosto: tallenna taulukko muodossa CSV UTF-8",
        "sv": "detta är en Excel-arbetsbok, inte en CSV-fil: spara bladet som CSV UTF-8",
        "en": "this is an Excel workbook, not a CSV file: save the sheet as CSV UTF-8",
    },
    "io.not_text": {
        "fi": "ei ole tekstitiedosto: tallenna Excelissä muodossa CSV UTF-8",
        "sv": "ingen textfil: spara som CSV UTF-8 i Excel",
        "en": "not a text file: save as CSV UTF-8 in Excel",
    },
    "io.file_empty": {
        "fi": "tiedosto on tyhjä: ensimmäisen rivin on nimettävä sarakkeet",
        "sv": "filen är tom: den första raden ska ange kolumnerna",
        "en": "the file is empty: the first row must name the columns",
    },
    "io.not_csv": {
        "fi": "ei voi lukea CSV-tiedostona: {reason}",
        "sv": "kan inte läsas som CSV: {reason}",
        "en": "cannot be read as CSV: {reason}",
    },
    "io.first_row_empty": {
        "fi": "ensimmäinen rivi on tyhjä: sen on nimettävä sarakkeet",
        "sv": "den första raden är tom: den ska ange kolumnerna",
        "en": "the first row is empty: it must name the columns",
    },
    "io.not_workbook": {
        "fi": "ei ole luettava Excel-työkirja (.xlsx): tallenna se uudelleen Excelissä",
        "sv": "ingen läsbar Excel-arbetsbok (.xlsx): spara den igen i Excel",
        "en": "not a readable Excel workbook (.xlsx): save it again in Excel",
    },
    "io.sheet_missing": {
        "fi": "taulukko puuttuu työkirjasta",
        "sv": "bladet saknas i arbetsboken",
        "en": "the sheet is missing from the workbook",
    },
    "io.sheet_empty": {
        "fi": "taulukko on tyhjä: ensimmäisen rivin on nimettävä sarakkeet",
        "sv": "bladet är tomt: den första raden ska ange kolumnerna",
        "en": "the sheet is empty: the first row must name the columns",
    },
    "io.file_missing_folder": {
        "fi": "tiedosto puuttuu kauden kansiosta",
        "sv": "filen saknas i säsongens mapp",
        "en": "the file is missing from the season folder",
    },
    "io.file_missing_upload": {
        "fi": "tiedosto puuttuu ladatuista tiedostoista",
        "sv": "filen saknas bland de uppladdade filerna",
        "en": "the file is missing from the upload",
    },
    "io.unreadable": {
        "fi": "ei voi lukea: {reason}",
        "sv": "kan inte läsas: {reason}",
        "en": "cannot be read: {reason}",
    },
    "io.mixed_upload": {
        "fi": "lataa joko yksi .xlsx-työkirja tai CSV-tiedostot, ei molempia eikä useita",
        "sv": "ladda upp antingen en .xlsx-arbetsbok eller CSV-filerna, inte båda eller flera",
        "en": "upload either one .xlsx workbook or the CSV files, not both or several",
    },
    "io.not_season_table": {
        "fi": "ei ole kauden taulukko; ohitetaan",
        "sv": "ingen säsongstabell; ignoreras",
        "en": "not a season table; ignored",
    },
    "io.no_such_path": {
        "fi": "kansiota tai tiedostoa ei ole",
        "sv": "ingen sådan mapp eller fil",
        "en": "no such folder or file",
    },
    "io.not_season_path": {
        "fi": "odotettiin CSV-tiedostojen kansiota tai .xlsx-työkirjaa",
        "sv": "förväntade en mapp med CSV-filer eller en .xlsx-arbetsbok",
        "en": "expected a folder of CSV files or an .xlsx workbook",
    },
    "io.old_excel": {
        "fi": "odotettiin CSV-tiedostojen kansiota tai .xlsx-työkirjaa (vanha .xls-työkirja: "
        "tallenna se muodossa .xlsx)",
        "sv": "förväntade en mapp med CSV-filer eller en .xlsx-arbetsbok (en gammal "
        ".xls-arbetsbok: spara den som .xlsx)",
        "en": "expected a folder of CSV files or an .xlsx workbook (an old .xls workbook: "
        "save it as .xlsx)",
    },
    "io.season_invariant": {
        "fi": "kauden tiedot eivät sovi yhteen: {problem}",
        "sv": "säsongens uppgifter går inte ihop: {problem}",
        "en": "the season's data do not fit together: {problem}",
    },
    # --- where a command writes (`planner.cli.common.writable_file`, `writable_folder`) ---
    "io.out.is_folder": {
        "fi": "{path} on kansio: anna tiedoston nimi",
        "sv": "{path} är en mapp: ange ett filnamn",
        "en": "{path} is a folder: give a file name",
    },
    "io.out.is_file": {
        "fi": "{path} on tiedosto: anna kansio",
        "sv": "{path} är en fil: ange en mapp",
        "en": "{path} is a file: give a folder",
    },
    "io.out.no_folder": {
        "fi": "{path}: kansiota {folder} ei ole",
        "sv": "{path}: mappen {folder} finns inte",
        "en": "{path}: the folder {folder} does not exist",
    },
    "io.out.not_folder": {
        "fi": "{path}: {folder} on tiedosto eikä kansio",
        "sv": "{path}: {folder} är en fil, inte en mapp",
        "en": "{path}: {folder} is a file, not a folder",
    },
    "io.out.read_only": {
        "fi": "{path}: kansioon {folder} ei voi kirjoittaa",
        "sv": "{path}: mappen {folder} går inte att skriva i",
        "en": "{path}: the folder {folder} cannot be written to",
    },
    "io.out.file_read_only": {
        "fi": "{path}: tiedostoon ei voi kirjoittaa",
        "sv": "{path}: filen går inte att skriva",
        "en": "{path}: the file cannot be written to",
    },
    "io.out.failed": {
        "fi": "{path}: kirjoittaminen epäonnistui: {reason}",
        "sv": "{path}: kunde inte skrivas: {reason}",
        "en": "{path}: could not be written: {reason}",
    },
}
