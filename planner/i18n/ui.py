"""The app's own texts: frame, pages, tables and messages (keys as the pages use them)."""

from __future__ import annotations

TEXTS: dict[str, dict[str, str]] = {
    # --- the app frame ---
    "app.name": {
        "fi": "Sosku-ryhmäsuunnittelu",
        "sv": "Sosku-gruppplanering",
        "en": "Sosku group planner",
    },
    "app.tagline": {
        "fi": "Sosiaalisen kuntoutuksen ryhmätoiminta, Länsi-Uudenmaan hyvinvointialue",
        "sv": "Gruppverksamhet inom social rehabilitering, Västra Nylands välfärdsområde",
        "en": "Social rehabilitation group work, Western Uusimaa wellbeing services county",
    },
    # The same in every language, so anyone finds the switch (and the widget keeps its identity).
    "app.language": {
        "fi": "Kieli · Språk · Language",
        "sv": "Kieli · Språk · Language",
        "en": "Kieli · Språk · Language",
    },
    "nav.season": {"fi": "Kausi", "sv": "Säsong", "en": "Season"},
    "nav.overview": {"fi": "Yleiskuva", "sv": "Översikt", "en": "Overview"},
    "nav.import": {"fi": "Tuo tiedot", "sv": "Importera data", "en": "Import data"},
    "store.unavailable": {
        "fi": "Tietokantaan ei saada yhteyttä: {reason}",
        "sv": "Det går inte att ansluta till databasen: {reason}",
        "en": "Cannot reach the database: {reason}",
    },
    # --- overview ---
    "overview.title": {
        "fi": "Kauden yleiskuva",
        "sv": "Översikt över säsongen",
        "en": "Season overview",
    },
    "overview.season": {
        "fi": "Kausi **{name}**, tuotu {imported_at} ({imported_by}), lähde: {source}",
        "sv": "Säsong **{name}**, importerad {imported_at} ({imported_by}), källa: {source}",
        "en": "Season **{name}**, imported {imported_at} ({imported_by}), source: {source}",
    },
    "overview.empty": {
        "fi": "Tietokannassa ei ole vielä kautta. Tuo kauden tiedot (CSV-tiedostot tai "
        "Excel-työkirja) tai lataa esimerkkikausi komennolla `planner demo`.",
        "sv": "Databasen innehåller ännu ingen säsong. Importera säsongens data (CSV-filer "
        "eller en Excel-arbetsbok) eller ladda exempelsäsongen med kommandot `planner demo`.",
        "en": "The database holds no season yet. Import the season's data (CSV files or an "
        "Excel workbook) or load the sample season with the command `planner demo`.",
    },
    "overview.go_import": {
        "fi": "Siirry tuomaan tiedot",
        "sv": "Gå till importen",
        "en": "Go to the import",
    },
    "overview.by_municipality": {
        "fi": "Kunnittain",
        "sv": "Per kommun",
        "en": "By municipality",
    },
    "overview.map": {"fi": "Kartta", "sv": "Karta", "en": "Map"},
    "overview.map_caption": {
        "fi": "Siniset ympyrät: kuntakeskukset, koko kertoo asiakasmäärän. "
        "Pisteet: toimipaikat (vihreä = esteetön, oranssi = ei esteetön).",
        "sv": "Blå cirklar: kommuncentrum, storleken enligt antalet klienter. "
        "Punkter: lokaler (grön = tillgänglig, orange = inte tillgänglig).",
        "en": "Blue circles: municipal centres, sized by number of clients. "
        "Dots: venues (green = accessible, orange = not accessible).",
    },
    "map.municipality_tip": {
        "fi": "{name}: {clients} asiakasta, {groups} ryhmää",
        "sv": "{name}: {clients} klienter, {groups} grupper",
        "en": "{name}: {clients} clients, {groups} groups",
    },
    "map.venue_tip": {
        "fi": "{name}, {address}. Esteetön: {accessible}",
        "sv": "{name}, {address}. Tillgänglig: {accessible}",
        "en": "{name}, {address}. Accessible: {accessible}",
    },
    "yes": {"fi": "kyllä", "sv": "ja", "en": "yes"},
    "no": {"fi": "ei", "sv": "nej", "en": "no"},
    # --- counts (metrics and table columns) ---
    "count.municipalities": {"fi": "Kunnat", "sv": "Kommuner", "en": "Municipalities"},
    "count.groups": {"fi": "Ryhmät", "sv": "Grupper", "en": "Groups"},
    "count.venues": {"fi": "Toimipaikat", "sv": "Lokaler", "en": "Venues"},
    "count.staff": {"fi": "Henkilöstö", "sv": "Personal", "en": "Staff"},
    "count.partners": {
        "fi": "Yhteistyökumppanit",
        "sv": "Samarbetspartner",
        "en": "Partners",
    },
    "count.clients": {"fi": "Asiakkaat", "sv": "Klienter", "en": "Clients"},
    "col.municipality": {"fi": "Kunta", "sv": "Kommun", "en": "Municipality"},
    "col.groups_fi": {
        "fi": "Suomenkieliset ryhmät",
        "sv": "Finskspråkiga grupper",
        "en": "Finnish groups",
    },
    "col.groups_sv": {
        "fi": "Ruotsinkieliset ryhmät",
        "sv": "Svenskspråkiga grupper",
        "en": "Swedish groups",
    },
    "col.venues_accessible": {
        "fi": "Esteettömät toimipaikat",
        "sv": "Tillgängliga lokaler",
        "en": "Accessible venues",
    },
    "col.staff_based": {
        "fi": "Henkilöstöä sijoitettu",
        "sv": "Personal stationerad",
        "en": "Staff based here",
    },
    # --- import ---
    "import.title": {
        "fi": "Tuo kauden tiedot",
        "sv": "Importera säsongens data",
        "en": "Import the season's data",
    },
    "import.intro": {
        "fi": "Lataa kauden taulukot CSV-tiedostoina (municipalities, venues, staff, partners, "
        "groups, clients) tai yhtenä Excel-työkirjana, jossa on yksi välilehti taulukkoa "
        "kohden. Tiedot tarkistetaan ensin; mitään ei tallenneta, jos niissä on virheitä.",
        "sv": "Ladda upp säsongens tabeller som CSV-filer (municipalities, venues, staff, "
        "partners, groups, clients) eller som en Excel-arbetsbok med ett blad per tabell. "
        "Uppgifterna kontrolleras först; ingenting sparas om de innehåller fel.",
        "en": "Upload the season's tables as CSV files (municipalities, venues, staff, "
        "partners, groups, clients) or as one Excel workbook with one sheet per table. "
        "The data is checked first; nothing is stored if it has errors.",
    },
    "import.upload_limit": {
        "fi": "enintään {mb} Mt tiedostoa kohden • CSV, XLSX",
        "sv": "högst {mb} MB per fil • CSV, XLSX",
        "en": "{mb} MB per file at most • CSV, XLSX",
    },
    "import.uploader": {
        "fi": "CSV-tiedostot tai Excel-työkirja",
        "sv": "CSV-filer eller en Excel-arbetsbok",
        "en": "CSV files or an Excel workbook",
    },
    "import.mixed": {
        "fi": "Lataa joko CSV-tiedostot tai yksi Excel-työkirja, ei molempia.",
        "sv": "Ladda upp antingen CSV-filer eller en Excel-arbetsbok, inte båda.",
        "en": "Upload either CSV files or one Excel workbook, not both.",
    },
    "import.invalid": {
        "fi": "Tiedoissa on {n} virhettä, joten mitään ei tuotu. Korjaa virheet ja lataa "
        "tiedostot uudelleen.",
        "sv": "Uppgifterna innehåller {n} fel, så ingenting importerades. Rätta felen och "
        "ladda upp filerna på nytt.",
        "en": "The data has {n} error(s), so nothing was imported. Fix them and upload the "
        "files again.",
    },
    "import.valid": {
        "fi": "Tiedot ovat kunnossa ja valmiita tuotavaksi.",
        "sv": "Uppgifterna är i sin ordning och klara att importeras.",
        "en": "The data is valid and ready to import.",
    },
    "import.errors": {"fi": "Virheet ({n})", "sv": "Fel ({n})", "en": "Errors ({n})"},
    "import.warnings": {
        "fi": "Huomautukset ({n})",
        "sv": "Anmärkningar ({n})",
        "en": "Warnings ({n})",
    },
    "import.button": {
        "fi": "Tuo kausi",
        "sv": "Importera säsongen",
        "en": "Import the season",
    },
    "import.done": {
        "fi": "Kausi tuotiin luonnokseksi (nro {season_id}): {summary}. Julkaistu kausi pysyy "
        "käytössä, kunnes vaihdat kauden alempana.",
        "sv": "Säsongen importerades som utkast (nr {season_id}): {summary}. Den publicerade "
        "säsongen gäller tills du byter säsong nedan.",
        "en": "The season was imported as a draft (no. {season_id}): {summary}. The live season "
        "stays live until you switch below.",
    },
    "import.done_live": {
        "fi": "Kausi tuotiin (nro {season_id}) ja se on julkaistu kausi, koska se on "
        "tietokannan ensimmäinen: {summary}.",
        "sv": "Säsongen importerades (nr {season_id}) och är den publicerade säsongen, "
        "eftersom den är databasens första: {summary}.",
        "en": "The season was imported (no. {season_id}) and is the live season, being the "
        "store's first: {summary}.",
    },
    "import.name": {
        "fi": "Kauden nimi",
        "sv": "Säsongens namn",
        "en": "The season's name",
    },
    # --- seasons side by side ---
    "season.state.draft": {"fi": "luonnos", "sv": "utkast", "en": "draft"},
    "season.state.published": {
        "fi": "julkaistu, käytössä",
        "sv": "publicerad, i bruk",
        "en": "published, live",
    },
    "season.state.archived": {"fi": "arkistoitu", "sv": "arkiverad", "en": "archived"},
    "season.option": {
        "fi": "{name} (nro {id}, {state})",
        "sv": "{name} (nr {id}, {state})",
        "en": "{name} (no. {id}, {state})",
    },
    "season.picker": {"fi": "Kausi", "sv": "Säsong", "en": "Season"},
    "season.picker_help": {
        "fi": "Kausi, jota suunnittelet ja tarkastelet näillä sivuilla. Työntekijät, "
        "kalenterit ja syötteet käyttävät aina julkaistua kautta.",
        "sv": "Säsongen du planerar och granskar på de här sidorna. Arbetstagare, kalendrar "
        "och flöden använder alltid den publicerade säsongen.",
        "en": "The season you plan and review on these pages. Workers, calendars and feeds "
        "always use the live (published) season.",
    },
    "season.not_live": {
        "fi": "Työstät kautta {season}. Työntekijät, kalenterit ja syötteet käyttävät "
        "julkaistua kautta {live}.",
        "sv": "Du arbetar med säsongen {season}. Arbetstagare, kalendrar och flöden använder "
        "den publicerade säsongen {live}.",
        "en": "You are working on {season}. Workers, calendars and feeds use the live season "
        "{live}.",
    },
    "seasons.title": {"fi": "Kaudet", "sv": "Säsonger", "en": "Seasons"},
    "seasons.intro": {
        "fi": "Tuonti tekee uuden luonnoksen; julkaistu kausi pysyy käytössä, kunnes vaihdat "
        "kauden. Vaihto julkaisee kauden tallennetun suunnitelman ja arkistoi vanhan kauden "
        "kokonaisena.",
        "sv": "En import skapar ett nytt utkast; den publicerade säsongen gäller tills du byter "
        "säsong. Bytet publicerar säsongens sparade plan och arkiverar den gamla säsongen i "
        "sin helhet.",
        "en": "An import makes a new draft; the live season stays live until you switch. "
        "Switching publishes the season's saved plan and archives the old season whole.",
    },
    "seasons.col.id": {"fi": "Nro", "sv": "Nr", "en": "No."},
    "seasons.col.name": {"fi": "Nimi", "sv": "Namn", "en": "Name"},
    "seasons.col.state": {"fi": "Tila", "sv": "Status", "en": "State"},
    "seasons.col.imported": {"fi": "Tuotu", "sv": "Importerad", "en": "Imported"},
    "seasons.col.plans": {"fi": "Suunnitelmia", "sv": "Planer", "en": "Plans"},
    "seasons.col.open_groups": {
        "fi": "Avoimia ryhmiä",
        "sv": "Öppna grupper",
        "en": "Open groups",
    },
    "seasons.col.enrolled": {"fi": "Ilmoittautuneita", "sv": "Anmälda", "en": "Enrolled"},
    "seasons.col.group": {"fi": "Ryhmä", "sv": "Grupp", "en": "Group"},
    "seasons.col.waiting": {"fi": "Jonossa", "sv": "I kö", "en": "Waiting"},
    "seasons.chosen": {
        "fi": "Valittu kausi: {season}",
        "sv": "Vald säsong: {season}",
        "en": "Chosen season: {season}",
    },
    "seasons.rename_button": {"fi": "Nimeä uudelleen", "sv": "Byt namn", "en": "Rename"},
    "seasons.renamed": {
        "fi": "Kauden nimi on nyt {name}.",
        "sv": "Säsongen heter nu {name}.",
        "en": "The season is now called {name}.",
    },
    "seasons.archive_button": {"fi": "Arkistoi", "sv": "Arkivera", "en": "Archive"},
    "seasons.archive_live": {
        "fi": "Julkaistu kausi arkistoituu, kun vaihdat toiseen kauteen.",
        "sv": "Den publicerade säsongen arkiveras när du byter till en annan säsong.",
        "en": "The live season is archived by switching to another season.",
    },
    "seasons.archived": {
        "fi": "Kausi {name} on arkistoitu.",
        "sv": "Säsongen {name} har arkiverats.",
        "en": "The season {name} is archived.",
    },
    "seasons.switch_button": {
        "fi": "Ota tämä kausi käyttöön…",
        "sv": "Ta den här säsongen i bruk…",
        "en": "Make this season live…",
    },
    "seasons.preview.title": {
        "fi": "Mitä vaihto muuttaa",
        "sv": "Vad bytet ändrar",
        "en": "What the switch changes",
    },
    "seasons.preview.first": {
        "fi": "{season} tulee julkaistuksi kaudeksi.",
        "sv": "{season} blir den publicerade säsongen.",
        "en": "{season} becomes the live season.",
    },
    "seasons.preview.replaces": {
        "fi": "{season} tulee julkaistuksi kaudeksi, ja {live} arkistoidaan (se säilyy "
        "kokonaisena ja sen voi ottaa taas käyttöön).",
        "sv": "{season} blir den publicerade säsongen och {live} arkiveras (den bevaras i sin "
        "helhet och kan tas i bruk igen).",
        "en": "{season} becomes the live season and {live} is archived (kept whole; it can "
        "be made live again).",
    },
    "seasons.preview.stopping": {
        "fi": "Ei enää tarjolla: {n} avointa ryhmää, joissa {active} ilmoittautunutta ja "
        "{waiting} jonossa.",
        "sv": "Erbjuds inte längre: {n} öppna grupper med {active} anmälda och {waiting} i kö.",
        "en": "No longer offered: {n} open groups with {active} enrolled and {waiting} waiting.",
    },
    "seasons.preview.opening": {
        "fi": "Avautuu ilmoittautumiselle: {n} ryhmää suunnitelmasta {plan_id}.",
        "sv": "Öppnas för anmälan: {n} grupper ur plan {plan_id}.",
        "en": "Opens for enrolment: {n} groups of plan {plan_id}.",
    },
    "seasons.confirm": {
        "fi": "Vaihda julkaistu kausi",
        "sv": "Byt publicerad säsong",
        "en": "Switch the live season",
    },
    "seasons.cancel": {"fi": "Peruuta", "sv": "Avbryt", "en": "Cancel"},
    "seasons.switched": {
        "fi": "{season} on nyt julkaistu kausi.",
        "sv": "{season} är nu den publicerade säsongen.",
        "en": "{season} is now the live season.",
    },
    "seasons.problem.no_plan": {
        "fi": "Kaudella {season} ei ole tallennettua suunnitelmaa: suunnittele se ensin.",
        "sv": "Säsongen {season} har ingen sparad plan: planera den först.",
        "en": "{season} has no saved plan: plan it first.",
    },
    "seasons.problem.live": {
        "fi": "{season} on jo julkaistu kausi.",
        "sv": "{season} är redan den publicerade säsongen.",
        "en": "{season} is the live season already.",
    },
    "seasons.failed": {
        "fi": "Mitään ei muutettu: {reason}",
        "sv": "Ingenting ändrades: {reason}",
        "en": "Nothing changed: {reason}",
    },
    "import.failed": {
        "fi": "Tallennus epäonnistui, mitään ei tuotu: {reason}",
        "sv": "Det gick inte att spara, ingenting importerades: {reason}",
        "en": "Saving failed, nothing was imported: {reason}",
    },
    "col.file": {"fi": "Tiedosto", "sv": "Fil", "en": "File"},
    "col.row": {"fi": "Rivi", "sv": "Rad", "en": "Row"},
    "col.column": {"fi": "Sarake", "sv": "Kolumn", "en": "Column"},
    "col.value": {"fi": "Arvo", "sv": "Värde", "en": "Value"},
    "col.problem": {"fi": "Ongelma", "sv": "Problem", "en": "Problem"},
    # --- plan the season ---
    "nav.plan": {"fi": "Suunnittele kausi", "sv": "Planera säsongen", "en": "Plan the season"},
    "plan.title": {"fi": "Kauden suunnitelma", "sv": "Säsongens plan", "en": "The season's plan"},
    "plan.no_season": {
        "fi": "Tietokannassa ei ole vielä kautta, joten suunniteltavaa ei ole. Tuo ensin "
        "kauden tiedot.",
        "sv": "Databasen innehåller ännu ingen säsong, så det finns inget att planera. "
        "Importera först säsongens data.",
        "en": "The database holds no season yet, so there is nothing to plan. Import the "
        "season's data first.",
    },
    "plan.no_plan": {
        "fi": "Kaudelle {season} ei ole vielä suunnitelmaa. Laadi se alla olevalla painikkeella.",
        "sv": "Säsongen {season} har ännu ingen plan. Gör den med knappen nedan.",
        "en": "The season {season} has no plan yet. Make one with the button below.",
    },
    "plan.current_title": {
        "fi": "Nykyinen suunnitelma",
        "sv": "Aktuell plan",
        "en": "Current plan",
    },
    "plan.current": {
        "fi": "Kausi **{season}**, nykyinen suunnitelma nro {plan_id}, tallennettu {saved_at} "
        "({saved_by})",
        "sv": "Säsong **{season}**, aktuell plan nr {plan_id}, sparad {saved_at} ({saved_by})",
        "en": "Season **{season}**, current plan no. {plan_id}, saved {saved_at} ({saved_by})",
    },
    "plan.metric.groups": {
        "fi": "Ryhmiä aikataulutettu",
        "sv": "Schemalagda grupper",
        "en": "Groups scheduled",
    },
    "plan.metric.clients": {
        "fi": "Asiakkaita sijoitettu",
        "sv": "Placerade klienter",
        "en": "Clients placed",
    },
    "plan.metric.status": {"fi": "Tila", "sv": "Status", "en": "Status"},
    "plan.metric.objective": {"fi": "Tavoitearvo", "sv": "Målvärde", "en": "Objective"},
    "plan.metric.bound": {"fi": "Paras raja", "sv": "Bästa gräns", "en": "Best bound"},
    "plan.metric.gap": {"fi": "Ero rajaan", "sv": "Gap till gränsen", "en": "Gap"},
    "plan.metric.wall": {"fi": "Laskenta-aika", "sv": "Beräkningstid", "en": "Solve time"},
    # CP-SAT's statuses and the plan's, in short words for a metric (`plan.status_help.*` says
    # each in a sentence, as the metric's tooltip; see `planner.ui.summary`).
    "plan.status.OPTIMAL": {"fi": "paras", "sv": "bäst", "en": "best"},
    "plan.status.FEASIBLE": {"fi": "kelvollinen", "sv": "giltig", "en": "valid"},
    "plan.status.INFEASIBLE": {"fi": "mahdoton", "sv": "omöjlig", "en": "impossible"},
    "plan.status.UNKNOWN": {"fi": "ei ratkaisua", "sv": "ingen lösning", "en": "no solution"},
    "plan.status.MODEL_INVALID": {
        "fi": "laskentavirhe",
        "sv": "beräkningsfel",
        "en": "solver fault",
    },
    "plan.status_help.OPTIMAL": {
        "fi": "Laskenta osoitti, ettei sen läpikäymistä vaihtoehdoista löydy parempaa "
        "suunnitelmaa.",
        "sv": "Beräkningen visade att ingen bättre plan finns bland de alternativ den prövade.",
        "en": "The solver proved that no better plan exists among the options it considered.",
    },
    "plan.status_help.FEASIBLE": {
        "fi": "Suunnitelma täyttää kaikki säännöt, mutta parempikin voi olla: laskennan aika "
        "loppui ennen kuin se ehti osoittaa tämän parhaaksi.",
        "sv": "Planen följer alla regler, men en bättre kan finnas: tiden tog slut innan "
        "beräkningen hann visa att den är bäst.",
        "en": "The plan follows every rule, but a better one may exist: the time ran out "
        "before the solver could prove this one best.",
    },
    "plan.status_help.INFEASIBLE": {
        "fi": "Kauden säännöt ja tiedot eivät salli yhtään suunnitelmaa; lisäaika ei auta.",
        "sv": "Säsongens regler och data tillåter ingen plan; mer tid hjälper inte.",
        "en": "The season's rules and data allow no plan at all; more time will not help.",
    },
    "plan.status_help.UNKNOWN": {
        "fi": "Laskenta ei löytänyt ratkaisua annetussa ajassa.",
        "sv": "Beräkningen hittade ingen lösning inom den givna tiden.",
        "en": "The solver found no solution in the time given.",
    },
    "plan.status_help.MODEL_INVALID": {
        "fi": "Laskenta ei voinut käsitellä malliaan: vika on suunnittelijassa, ei tiedoissa.",
        "sv": "Beräkningen kunde inte hantera sin modell: felet ligger i planeraren, inte i datan.",
        "en": "The solver could not handle its model: the fault is in the planner, not the data.",
    },
    "plan.status_help.FIRST_FIT": {
        "fi": "Haku ei löytänyt omaa suunnitelmaa ajoissa, joten tämä on ensimmäinen sopiva "
        "suunnitelma; se täyttää kaikki säännöt.",
        "sv": "Sökningen hittade ingen egen plan i tid, så det här är den första passande "
        "planen; den följer alla regler.",
        "en": "The search found no plan of its own in time, so this is the first-fit plan; "
        "it follows every rule.",
    },
    "plan.status_help.NO_PLAN": {
        "fi": "Yhtään ryhmää ei voitu sijoittaa.",
        "sv": "Ingen grupp kunde placeras.",
        "en": "No group could be placed.",
    },
    "plan.status.FIRST_FIT": {"fi": "pikaratkaisu", "sv": "snabbplan", "en": "first-fit plan"},
    "plan.status.NO_PLAN": {"fi": "ei suunnitelmaa", "sv": "ingen plan", "en": "no plan"},
    "plan.metric.model_status": {
        "fi": "Mallin tila (vaihe 1)",
        "sv": "Modellens status (steg 1)",
        "en": "Model status (stage 1)",
    },
    "plan.metric.plan_objective": {
        "fi": "Suunnitelman tavoitearvo",
        "sv": "Planens målvärde",
        "en": "Plan objective",
    },
    "plan.metric.signed_gap": {
        "fi": "Suunnitelman ero rajaan (etumerkillinen)",
        "sv": "Planens gap till gränsen (med tecken)",
        "en": "Plan gap to the bound (signed)",
    },
    "plan.metric.source": {"fi": "Suunnitelman lähde", "sv": "Planens källa", "en": "Plan source"},
    "plan.source.cost": {
        "fi": "haku (vaihe 2, matkat ja kuormitus)",
        "sv": "sökning (steg 2, resor och belastning)",
        "en": "search (stage 2, travel and load)",
    },
    "plan.source.coverage": {
        "fi": "haku (vaihe 1, ryhmät ja asiakkaat)",
        "sv": "sökning (steg 1, grupper och klienter)",
        "en": "search (stage 1, groups and clients)",
    },
    "plan.source.warm_start": {
        "fi": "ensimmäinen sopiva suunnitelma (haku ei löytänyt omaansa)",
        "sv": "första passande plan (sökningen hittade ingen egen)",
        "en": "first-fit plan (the search found none of its own)",
    },
    "plan.details": {
        "fi": "Laskennan yksityiskohdat",
        "sv": "Beräkningens detaljer",
        "en": "Details of the run",
    },
    "plan.details.note": {
        "fi": "Tila, tavoitearvo ja raja ovat mallin omat (vaihe 1), ja raja koskee vain "
        "vaihtoehtoja, jotka malli otti mukaan. Haun jälkeiset vaiheet voivat katsoa niiden "
        "ohi; suunnitelman tavoitearvo on lopullisen suunnitelman arvo samalla mittarilla. "
        "Pienempi on parempi.",
        "sv": "Status, målvärde och gräns är modellens egna (steg 1), och gränsen gäller bara "
        "de alternativ som modellen tog med. Stegen efter sökningen kan se förbi dem; planens "
        "målvärde är den slutliga planens värde med samma mått. Mindre är bättre.",
        "en": "Status, objective and bound are the model's own (stage 1), and the bound holds "
        "only over the options the model kept. The steps after the search may look past them; "
        "the plan objective is the final plan's value on the same measure. Lower is better.",
    },
    "plan.state.every_group": {
        "fi": "Kaikki ryhmät on sijoitettu",
        "sv": "Alla grupper är placerade",
        "en": "Every group is placed",
    },
    "plan.state.one_group_left_out": {
        "fi": "Yhtä ryhmää ei voitu sijoittaa: syy on alla",
        "sv": "En grupp kunde inte placeras: orsaken står nedan",
        "en": "One group could not be placed: see why below",
    },
    "plan.state.some_groups_left_out": {
        "fi": "{n} ryhmää ei voitu sijoittaa: syyt ovat alla",
        "sv": "{n} grupper kunde inte placeras: orsakerna står nedan",
        "en": "{n} groups could not be placed: see why below",
    },
    "plan.state.no_plan": {
        "fi": "Suunnitelmaa ei ole: yhtään ryhmää ei voitu sijoittaa",
        "sv": "Ingen plan: ingen grupp kunde placeras",
        "en": "No plan: no group could be placed",
    },
    "plan.quality.best": {
        "fi": "paras suunnitelma niistä vaihtoehdoista, jotka laskenta kävi läpi",
        "sv": "den bästa planen bland de alternativ som beräkningen prövade",
        "en": "the best plan among the options considered",
    },
    "plan.quality.within": {
        "fi": "enintään {gap} parhaasta suunnitelmasta niistä vaihtoehdoista, jotka laskenta "
        "kävi läpi",
        "sv": "högst {gap} från den bästa planen bland de alternativ som beräkningen prövade",
        "en": "at most {gap} from the best plan among the options considered",
    },
    "plan.quality.beyond": {
        "fi": "parempi kuin paras suunnitelma niistä vaihtoehdoista, jotka haku kävi läpi: "
        "haun jälkeiset vaiheet katsoivat pidemmälle",
        "sv": "bättre än den bästa planen bland de alternativ som sökningen prövade: stegen "
        "efter den såg längre",
        "en": "better than the best plan among the options the search considered: the steps "
        "after it looked further",
    },
    "plan.quality.first_fit": {
        "fi": "pikaratkaisu eli ensimmäinen sopiva suunnitelma: haku ei löytänyt parempaa "
        "annetussa ajassa",
        "sv": "snabbplan, den första passande planen: sökningen hittade ingen bättre inom den "
        "givna tiden",
        "en": "a first-fit plan: the search found no better one in the time given",
    },
    "groups.no_sessions_yet": {
        "fi": "Ryhmä ei ole vielä kokoontunut: läsnäolon voi kirjata ensimmäisen kokoontumisen "
        "jälkeen.",
        "sv": "Gruppen har inte träffats ännu: närvaron kan föras efter den första träffen.",
        "en": "The group has not met yet: attendance can be recorded after its first session.",
    },
    "plan.replan.toggle": {
        "fi": "Suunnittele uudelleen julkaistun tarjonnan pohjalta",
        "sv": "Planera om utifrån det publicerade utbudet",
        "en": "Re-plan from the published offering",
    },
    "plan.replan.help": {
        "fi": "Ilmoittautuneet asiakkaat pysyvät ryhmissään, ellei heitä vapauteta tai ryhmä "
        "ei voi toteutua. Laskenta muuttaa mahdollisimman vähän; tulos näytetään muutoksina "
        "ennen tallennusta, ja julkaisu näyttää vielä kenen paikka muuttuu.",
        "sv": "Inskrivna klienter stannar i sina grupper om de inte frigörs eller gruppen inte "
        "kan genomföras. Beräkningen ändrar så lite som möjligt; resultatet visas som ändringar "
        "innan det sparas, och publiceringen visar ännu vems plats som ändras.",
        "en": "Enrolled clients stay in their groups unless you free them or the group cannot "
        "run. The search changes as little as it can; the result is shown as changes before "
        "you save it, and publishing shows once more whose place changes.",
    },
    "plan.replan.absent": {
        "fi": "Poissa koko kauden (ohjaajat)",
        "sv": "Borta hela säsongen (handledare)",
        "en": "Away for the season (leaders)",
    },
    "plan.replan.closed": {
        "fi": "Suljetut toimitilat",
        "sv": "Stängda lokaler",
        "en": "Closed venues",
    },
    "plan.replan.cancelled": {
        "fi": "Perutut ryhmät",
        "sv": "Inställda grupper",
        "en": "Cancelled groups",
    },
    "plan.replan.freed": {
        "fi": "Vapautettavat asiakkaat (saavat siirtyä)",
        "sv": "Klienter som frigörs (får flyttas)",
        "en": "Clients to free (may be moved)",
    },
    "plan.replan.none": {"fi": "Ei yhtään", "sv": "Ingen", "en": "None"},
    "plan.replan.kept": {
        "fi": "{n} ilmoittautunutta paikkaa pidetään ennallaan, jos mahdollista.",
        "sv": "{n} inskrivna platser behålls som de är om det går.",
        "en": "{n} enrolled places are kept as they are where possible.",
    },
    "plan.shape.days": {
        "fi": "Ryhmiä viikonpäivittäin: {days}",
        "sv": "Grupper per veckodag: {days}",
        "en": "Groups per weekday: {days}",
    },
    "plan.shape.skills": {
        "fi": "{n}/{of} ryhmällä on ohjaaja, jonka osaaminen vastaa ryhmän teemaa",
        "sv": "{n} av {of} grupper har en handledare vars kunnande motsvarar gruppens tema",
        "en": "{n} of {of} groups have a leader whose skills match the theme",
    },
    "plan.shape.remote": {
        "fi": "{n}/{of} osallistujasta osallistuu etänä (sovittu asiakkaan kanssa)",
        "sv": "{n} av {of} deltagare deltar på distans (överenskommet med klienten)",
        "en": "{n} of {of} participants join remotely (agreed with the client)",
    },
    "plan.soft_rules": {
        "fi": "Mikä tekee suunnitelmasta paremman (tärkein ensin)",
        "sv": "Vad som gör en plan bättre (viktigast först)",
        "en": "What makes a plan better (most important first)",
    },
    "plan.soft_rules.note": {
        "fi": "Ehdottomat säännöt pätevät aina. Näistä tavoitteista ylempi voittaa aina "
        "alemmat; ohjaajan osaaminen ja tasainen viikko punnitaan työntekijöiden "
        "ajominuutteina (osaaminen {skills} min, liian täysi päivä {spread} min).",
        "sv": "De absoluta reglerna gäller alltid. Av dessa mål väger ett högre alltid mer än "
        "de lägre; handledarens kunnande och en jämn vecka vägs i personalens körminuter "
        "(kunnande {skills} min, en för full dag {spread} min).",
        "en": "The hard rules always hold. Of these aims, a higher one always outweighs the "
        "ones below; leaders' skills and an even week are weighed in the staff's driving "
        "minutes (skills {skills} min, a day too full {spread} min).",
    },
    "plan.week": {"fi": "Viikko-ohjelma", "sv": "Veckoschema", "en": "Week schedule"},
    "plan.view_by": {"fi": "Näytä", "sv": "Visa", "en": "View by"},
    "plan.view.municipality": {"fi": "Kunnittain", "sv": "Per kommun", "en": "Municipality"},
    "plan.view.venue": {"fi": "Toimipaikoittain", "sv": "Per lokal", "en": "Venue"},
    "plan.view.leader": {"fi": "Ohjaajittain", "sv": "Per ledare", "en": "Leader"},
    "plan.no_sessions": {
        "fi": "Suunnitelmassa ei ole yhtään kokoontumista.",
        "sv": "Planen innehåller inga träffar.",
        "en": "The plan has no sessions.",
    },
    "plan.groups": {
        "fi": "Ryhmät ja osallistujamäärät",
        "sv": "Grupper och antal deltagare",
        "en": "Groups and number of participants",
    },
    "plan.privacy": {
        "fi": "Asiakkaat näkyvät tällä sivulla vain lukumäärinä.",
        "sv": "Klienterna visas på den här sidan endast som antal.",
        "en": "Clients appear on this page as counts only.",
    },
    "plan.unscheduled": {
        "fi": "Aikatauluttamatta jääneet ryhmät ({n})",
        "sv": "Grupper utan schema ({n})",
        "en": "Unscheduled groups ({n})",
    },
    "plan.all_scheduled": {
        "fi": "Kaikki ryhmät on aikataulutettu.",
        "sv": "Alla grupper är schemalagda.",
        "en": "Every group is scheduled.",
    },
    "plan.remote": {"fi": "etänä", "sv": "på distans", "en": "remote"},
    "plan.col.start": {"fi": "Alkaa", "sv": "Börjar", "en": "Starts"},
    "plan.col.group": {"fi": "Ryhmä", "sv": "Grupp", "en": "Group"},
    "plan.col.name": {"fi": "Nimi", "sv": "Namn", "en": "Name"},
    "plan.col.day": {"fi": "Päivä", "sv": "Dag", "en": "Day"},
    "plan.col.time": {"fi": "Aika", "sv": "Tid", "en": "Time"},
    "plan.col.venue": {"fi": "Toimipaikka", "sv": "Lokal", "en": "Venue"},
    "plan.col.leaders": {"fi": "Ohjaajat", "sv": "Ledare", "en": "Leaders"},
    "plan.col.participants": {"fi": "Osallistujia", "sv": "Deltagare", "en": "Participants"},
    "plan.col.reason": {"fi": "Syy", "sv": "Orsak", "en": "Reason"},
    "plan.col.before": {"fi": "Ennen", "sv": "Förut", "en": "Before"},
    "plan.col.after": {"fi": "Nyt", "sv": "Nu", "en": "Now"},
    "plan.result.no_changes": {
        "fi": "Uusi suunnitelma on sama kuin nykyinen.",
        "sv": "Den nya planen är densamma som den aktuella.",
        "en": "The new plan is the same as the current one.",
    },
    "plan.solve.title": {"fi": "Uusi suunnitelma", "sv": "Ny plan", "en": "A new plan"},
    "plan.solve.intro": {
        "fi": "Laskenta etsii kauden parhaan suunnitelman annetussa ajassa. Uusi suunnitelma "
        "tallennetaan vasta, kun hyväksyt sen.",
        "sv": "Beräkningen söker säsongens bästa plan inom den givna tiden. Den nya planen "
        "sparas först när du godkänner den.",
        "en": "The solver looks for the season's best plan within the time given. The new "
        "plan is stored only when you save it.",
    },
    "plan.solve.time_limit": {
        "fi": "Aikaraja (sekuntia)",
        "sv": "Tidsgräns (sekunder)",
        "en": "Time limit (seconds)",
    },
    "plan.solve.button": {
        "fi": "Suunnittele kausi",
        "sv": "Planera säsongen",
        "en": "Plan the season",
    },
    "plan.solve.running": {
        "fi": "Suunnitellaan… {elapsed} s / {limit} s",
        "sv": "Planerar… {elapsed} s / {limit} s",
        "en": "Planning… {elapsed} s of {limit} s",
    },
    "plan.solve.progress_note": {
        "fi": "Luvut alkavat alusta, kun haku siirtyy ryhmien aikataulutuksesta matkojen ja "
        "kustannusten vähentämiseen. Pienempi on parempi.",
        "sv": "Siffrorna börjar om när sökningen går från att schemalägga grupper till att "
        "minska resor och kostnader. Mindre är bättre.",
        "en": "The numbers start over when the search moves on from scheduling groups to "
        "cutting travel and costs. Lower is better.",
    },
    "plan.solve.busy": {
        "fi": "Toinen suunnittelu on jo käynnissä. Yritä hetken kuluttua uudelleen.",
        "sv": "En annan planering pågår redan. Försök igen om en stund.",
        "en": "Another planning run is already under way. Try again in a moment.",
    },
    "plan.solve.unavailable": {
        "fi": "Suunnittelija ei ole käytettävissä: {reason}",
        "sv": "Planeraren är inte tillgänglig: {reason}",
        "en": "The planner is not available: {reason}",
    },
    "plan.solve.failed": {
        "fi": "Suunnittelu epäonnistui: {reason}",
        "sv": "Planeringen misslyckades: {reason}",
        "en": "Planning failed: {reason}",
    },
    "plan.result.title": {
        "fi": "Uusi suunnitelma (ei vielä tallennettu)",
        "sv": "Ny plan (ännu inte sparad)",
        "en": "New plan (not saved yet)",
    },
    "plan.result.no_plan": {
        "fi": "Aikarajan sisällä ei löytynyt suunnitelmaa ({status}). Kokeile pidempää aikaa.",
        "sv": "Ingen plan hittades inom tidsgränsen ({status}). Prova en längre tid.",
        "en": "No plan was found within the time limit ({status}). Try a longer time.",
    },
    "plan.result.changes": {
        "fi": "Muuttuneet ryhmät nykyiseen suunnitelmaan verrattuna ({n})",
        "sv": "Ändrade grupper jämfört med den aktuella planen ({n})",
        "en": "Groups that change from the current plan ({n})",
    },
    "plan.result.save": {
        "fi": "Tallenna nykyiseksi suunnitelmaksi",
        "sv": "Spara som aktuell plan",
        "en": "Save as current plan",
    },
    "plan.result.discard": {"fi": "Hylkää", "sv": "Förkasta", "en": "Discard"},
    "plan.result.saved": {
        "fi": "Suunnitelma tallennettiin (nro {plan_id}) ja se on nyt nykyinen suunnitelma.",
        "sv": "Planen sparades (nr {plan_id}) och är nu den aktuella planen.",
        "en": "The plan was saved (no. {plan_id}) and is now the current plan.",
    },
    # A plan the independent validator rejects (`PlanRejected`): nothing saved or published.
    "plan.rejected.save": {
        "fi": "Suunnitelmaa ei tallennettu, koska se ei täytä kauden sääntöjä ({n} ongelmaa)."
        " Nykyinen suunnitelma pysyi ennallaan.",
        "sv": "Planen sparades inte, eftersom den inte följer säsongens regler ({n} problem)."
        " Den aktuella planen är oförändrad.",
        "en": "The plan was not saved: it breaks the season's rules ({n} problems)."
        " The current plan is unchanged.",
    },
    "plan.rejected.publish": {
        "fi": "Suunnitelmaa ei julkaistu, koska se ei täytä kauden sääntöjä ({n} ongelmaa)."
        " Julkaistu tarjonta pysyi ennallaan.",
        "sv": "Planen publicerades inte, eftersom den inte följer säsongens regler ({n} problem)."
        " Det publicerade utbudet är oförändrat.",
        "en": "The plan was not published: it breaks the season's rules ({n} problems)."
        " The live offering is unchanged.",
    },
    "plan.rejected.clients": {"fi": "asiakkaita: {n}", "sv": "klienter: {n}", "en": "clients: {n}"},
    "plan.rejected.more": {
        "fi": "… ja {n} muuta ongelmaa",
        "sv": "… och {n} problem till",
        "en": "… and {n} more problems",
    },
    "plan.result.save_failed": {
        "fi": "Tallennus epäonnistui: {reason}",
        "sv": "Det gick inte att spara: {reason}",
        "en": "Saving failed: {reason}",
    },
    # --- find a group with a client ---
    "nav.offering": {"fi": "Ryhmätarjonta", "sv": "Grupputbud", "en": "Group offering"},
    "nav.find": {"fi": "Etsi ryhmä", "sv": "Hitta en grupp", "en": "Find a group"},
    "nav.figures": {"fi": "Tiimin luvut", "sv": "Teamets siffror", "en": "Team figures"},
    "find.wanted_first": {
        "fi": "Ryhmä {group} kalenterista näytetään ensimmäisenä.",
        "sv": "Gruppen {group} från kalendern visas först.",
        "en": "Group {group} from the calendar is shown first.",
    },
    "find.wanted_unsuitable": {
        "fi": "Ryhmä {group} ei sovi asiakkaalle: {why}",
        "sv": "Gruppen {group} passar inte klienten: {why}",
        "en": "Group {group} does not suit this client: {why}",
    },
    "find.wanted_missing": {
        "fi": "Ryhmä {group} ei ole tarjonnassa.",
        "sv": "Gruppen {group} finns inte i utbudet.",
        "en": "Group {group} is not in the offering.",
    },
    "find.title": {
        "fi": "Etsi ryhmä asiakkaan kanssa",
        "sv": "Hitta en grupp tillsammans med klienten",
        "en": "Find a group with a client",
    },
    "find.no_season": {
        "fi": "Tietokannassa ei ole vielä kautta, joten ryhmiä ei ole. Tuo ensin kauden tiedot.",
        "sv": "Databasen innehåller ännu ingen säsong, så det finns inga grupper. Importera "
        "först säsongens data.",
        "en": "The database holds no season yet, so there are no groups. Import the season's "
        "data first.",
    },
    "find.no_plan": {
        "fi": "Kaudelle {season} ei ole vielä suunnitelmaa, joten ryhmillä ei ole aikoja eikä "
        "paikkoja. Laadi ensin suunnitelma.",
        "sv": "Säsongen {season} har ännu ingen plan, så grupperna har varken tider eller "
        "lokaler. Gör först en plan.",
        "en": "The season {season} has no plan yet, so the groups have no times or venues. "
        "Make a plan first.",
    },
    "find.go_plan": {
        "fi": "Siirry suunnittelemaan kautta",
        "sv": "Gå till planeringen",
        "en": "Go to planning",
    },
    "find.not_published": {
        "fi": "Suunnitelmaa ei ole vielä julkaistu, joten ryhmiin ei voi ilmoittaa asiakkaita. "
        "Alla olevat ryhmät ovat suunnitelman mukaisia; paikkatilanne on suunnitelman "
        "osallistujien mukainen. Koordinaattori julkaisee suunnitelman.",
        "sv": "Planen är ännu inte publicerad, så klienter kan inte skrivas in i grupperna. "
        "Grupperna nedan följer planen; platserna räknas enligt planens deltagare. "
        "Koordinatorn publicerar planen.",
        "en": "The plan is not published yet, so clients cannot be enrolled. The groups below "
        "follow the plan; seats are counted from the plan's participants. The coordinator "
        "publishes the plan.",
    },
    "find.newer_plan": {
        "fi": "Ilmoittautumiset koskevat julkaistua suunnitelmaa nro {published}. Uudempi "
        "suunnitelma nro {current} on tallennettu mutta ei julkaistu.",
        "sv": "Inskrivningarna gäller den publicerade planen nr {published}. En nyare plan "
        "nr {current} är sparad men inte publicerad.",
        "en": "Enrolments follow the published plan no. {published}. A newer plan no. "
        "{current} is saved but not published.",
    },
    "find.publish": {
        "fi": "Julkaise nykyinen suunnitelma",
        "sv": "Publicera den aktuella planen",
        "en": "Publish the current plan",
    },
    "find.publish_help": {
        "fi": "Koordinaattorin tehtävä: suunnitelman ryhmät avautuvat ilmoittautumisille ja "
        "suunnitelman osallistujat ilmoitetaan ryhmiinsä.",
        "sv": "Koordinatorns uppgift: planens grupper öppnas för inskrivning och planens "
        "deltagare skrivs in i sina grupper.",
        "en": "A coordinator's task: the plan's groups open for enrolment and the plan's "
        "participants are enrolled in their groups.",
    },
    "find.published": {
        "fi": "Suunnitelma nro {plan_id} julkaistiin: {groups} ryhmää avoinna, {added} "
        "asiakasta ilmoitettu.",
        "sv": "Plan nr {plan_id} publicerades: {groups} grupper öppna, {added} klienter inskrivna.",
        "en": "Plan no. {plan_id} was published: {groups} groups open, {added} clients enrolled.",
    },
    "find.publish_failed": {
        "fi": "Julkaisu epäonnistui: {reason}",
        "sv": "Publiceringen misslyckades: {reason}",
        "en": "Publishing failed: {reason}",
    },
    "find.who": {"fi": "Asiakas", "sv": "Klient", "en": "Client"},
    "find.by.client": {
        "fi": "Asiakaskoodilla",
        "sv": "Med klientkod",
        "en": "By client code",
    },
    "find.by.describe": {
        "fi": "Kuvaile asiakas",
        "sv": "Beskriv klienten",
        "en": "Describe the client",
    },
    "find.client": {"fi": "Asiakaskoodi", "sv": "Klientkod", "en": "Client code"},
    "find.client_placeholder": {
        "fi": "Valitse tai kirjoita koodi",
        "sv": "Välj eller skriv koden",
        "en": "Pick or type the code",
    },
    "find.client_help": {
        "fi": "Vain koodit, ei nimiä.",
        "sv": "Endast koder, inga namn.",
        "en": "Codes only, never names.",
    },
    "find.pick_client": {
        "fi": "Valitse asiakkaan koodi tai kuvaile asiakas, niin sopivat ryhmät näkyvät tässä.",
        "sv": "Välj klientens kod eller beskriv klienten, så visas de passande grupperna här.",
        "en": "Pick the client's code or describe the client to see the groups that suit.",
    },
    "find.profile": {
        "fi": "{municipality} · kielet: {languages} · päivät: {days} · {limit} min {travel}"
        " · esteetön tila: {accessible} · omatyöntekijä: {counsellor}",
        "sv": "{municipality} · språk: {languages} · dagar: {days} · {limit} min {travel}"
        " · tillgänglig lokal: {accessible} · kontaktperson: {counsellor}",
        "en": "{municipality} · languages: {languages} · days: {days} · {limit} min {travel}"
        " · accessible venue: {accessible} · counsellor: {counsellor}",
    },
    "find.municipality": {"fi": "Kotikunta", "sv": "Hemkommun", "en": "Home municipality"},
    "find.languages": {
        "fi": "Kielet, joilla asiakas pärjää",
        "sv": "Språk som klienten klarar sig på",
        "en": "Languages the client manages",
    },
    "find.interests": {"fi": "Kiinnostukset", "sv": "Intressen", "en": "Interests"},
    "find.audience": {
        "fi": "Asiakas kuuluu kohderyhmään",
        "sv": "Klienten hör till målgruppen",
        "en": "The client belongs to",
    },
    "find.days": {
        "fi": "Päivät, jolloin asiakas pääsee",
        "sv": "Dagar då klienten kan",
        "en": "Days the client can come",
    },
    "find.travel": {"fi": "Kulkutapa", "sv": "Färdsätt", "en": "Travel mode"},
    "find.travel.car": {"fi": "Oma auto", "sv": "Egen bil", "en": "Own car"},
    "find.travel.transit": {"fi": "Julkiset", "sv": "Kollektivt", "en": "Transit"},
    "find.travel.ride": {"fi": "Työauto", "sv": "Arbetsbil", "en": "Work car"},
    "find.travel_help": {
        "fi": "Oma auto, julkinen liikenne tai tiimin työauton kyyti.",
        "sv": "Egen bil, kollektivtrafik eller skjuts med teamets arbetsbil.",
        "en": "Own car, public transport, or a ride in the team's work car.",
    },
    "find.choose": {"fi": "Valitse", "sv": "Välj", "en": "Choose"},
    "find.max_travel": {
        "fi": "Matka enintään (min)",
        "sv": "Resan högst (min)",
        "en": "Longest trip (min)",
    },
    "find.needs_accessible": {
        "fi": "Tarvitsee esteettömän tilan",
        "sv": "Behöver en tillgänglig lokal",
        "en": "Needs an accessible venue",
    },
    "find.prefers_small": {
        "fi": "Toivoo pientä ryhmää",
        "sv": "Önskar en liten grupp",
        "en": "Prefers small groups",
    },
    "find.need_language": {
        "fi": "Valitse vähintään yksi kieli.",
        "sv": "Välj minst ett språk.",
        "en": "Choose at least one language.",
    },
    "find.need_day": {
        "fi": "Valitse vähintään yksi päivä.",
        "sv": "Välj minst en dag.",
        "en": "Choose at least one day.",
    },
    "find.show_failed": {
        "fi": "Näytä myös ryhmät, jotka eivät sovi",
        "sv": "Visa också grupper som inte passar",
        "en": "Show groups that don't fit",
    },
    "find.results": {
        "fi": "Sopivat ryhmät ({n})",
        "sv": "Passande grupper ({n})",
        "en": "Groups that suit ({n})",
    },
    "find.none": {
        "fi": "Sopivia ryhmiä ei löytynyt. Kokeile pidempää matkaa tai useampaa päivää.",
        "sv": "Inga passande grupper hittades. Prova en längre resa eller fler dagar.",
        "en": "No group suits. Try a longer trip or more days.",
    },
    "find.failed_title": {
        "fi": "Ryhmät, jotka eivät sovi ({n})",
        "sv": "Grupper som inte passar ({n})",
        "en": "Groups that don't fit ({n})",
    },
    "find.col.fails": {"fi": "Miksi ei sovi", "sv": "Varför inte", "en": "Why not"},
    "find.card.language": {"fi": "Kieli", "sv": "Språk", "en": "Language"},
    "find.card.theme": {"fi": "Teema", "sv": "Tema", "en": "Theme"},
    "find.card.audience": {"fi": "Kohderyhmä", "sv": "Målgrupp", "en": "For"},
    "find.card.accessible": {
        "fi": "Esteetön toimipaikka",
        "sv": "Tillgänglig lokal",
        "en": "Accessible venue",
    },
    "find.card.not_accessible": {
        "fi": "Toimipaikka ei ole esteetön",
        "sv": "Lokalen är inte tillgänglig",
        "en": "Venue not accessible",
    },
    "find.card.remote": {
        "fi": "Etänä, ei toimipaikkaa",
        "sv": "På distans, ingen lokal",
        "en": "Remote, no venue",
    },
    "find.card.travel": {
        "fi": "{minutes} min {mode}",
        "sv": "{minutes} min {mode}",
        "en": "{minutes} min {mode}",
    },
    "find.card.drop_in": {
        "fi": "Avoin ryhmä: ilmoittautumista ei tarvita",
        "sv": "Öppen grupp: ingen anmälan behövs",
        "en": "Drop in: no enrolment needed",
    },
    "find.card.free": {
        "fi": "Vapaita paikkoja: {n}",
        "sv": "Lediga platser: {n}",
        "en": "Free seats: {n}",
    },
    "find.card.full": {
        "fi": "Täynnä: jonossa {n}",
        "sv": "Fullsatt: {n} i kö",
        "en": "Full: waiting list {n}",
    },
    "find.card.member": {
        "fi": "Asiakas on jo tässä ryhmässä",
        "sv": "Klienten är redan med i gruppen",
        "en": "The client is already in this group",
    },
    "find.card.waiting": {
        "fi": "Asiakas on jonossa sijalla {position}",
        "sv": "Klienten står i kö på plats {position}",
        "en": "The client is on the waiting list, position {position}",
    },
    "find.mode.in_person": {"fi": "lähiryhmä", "sv": "närgrupp", "en": "in person"},
    "find.mode.hybrid": {"fi": "hybridiryhmä", "sv": "hybridgrupp", "en": "hybrid"},
    "find.mode.remote": {"fi": "etäryhmä", "sv": "distansgrupp", "en": "remote"},
    "find.enrol": {"fi": "Ilmoita ryhmään", "sv": "Skriv in i gruppen", "en": "Enrol"},
    "find.enrol_waiting": {
        "fi": "Ilmoita jonoon",
        "sv": "Skriv in i kön",
        "en": "Join the waiting list",
    },
    "find.enrol_flagged": {
        "fi": "Ilmoita silti ja merkitse toisen ohjaajan tarve",
        "sv": "Skriv in ändå och markera behovet av en andra ledare",
        "en": "Enrol anyway and flag the need for a second leader",
    },
    "find.enrol_needs_code": {
        "fi": "Ilmoittaminen ryhmään onnistuu, kun asiakas valitaan koodilla.",
        "sv": "Inskrivning i en grupp går när klienten väljs med sin kod.",
        "en": "To enrol, pick the client by code.",
    },
    "find.enrolled": {
        "fi": "{client} on ilmoitettu ryhmään {group}.",
        "sv": "{client} är inskriven i gruppen {group}.",
        "en": "{client} is enrolled in {group}.",
    },
    "find.enrolled_flagged": {
        "fi": "{client} on ilmoitettu ryhmään {group}. Ryhmä tarvitsee toisen ohjaajan.",
        "sv": "{client} är inskriven i gruppen {group}. Gruppen behöver en andra ledare.",
        "en": "{client} is enrolled in {group}. The group needs a second leader.",
    },
    "find.waiting": {
        "fi": "Ryhmä {group} on täynnä: {client} on jonossa sijalla {position}.",
        "sv": "Gruppen {group} är fullsatt: {client} står i kö på plats {position}.",
        "en": "{group} is full: {client} is on the waiting list, position {position}.",
    },
    "find.refused": {
        "fi": "Ei ilmoitettu ryhmään {group}: {reason}",
        "sv": "Inte inskriven i gruppen {group}: {reason}",
        "en": "Not enrolled in {group}: {reason}",
    },
    "find.enrol_failed": {
        "fi": "Ilmoittaminen epäonnistui: {reason}",
        "sv": "Inskrivningen misslyckades: {reason}",
        "en": "Enrolling failed: {reason}",
    },
    "refusal.client_overlap": {
        "fi": "asiakas on jo ryhmässä {other}, joka kokoontuu samaan aikaan: {rule}",
        "sv": "klienten är redan med i gruppen {other}, som träffas samtidigt: {rule}",
        "en": "the client is already in group {other}, which meets at the same time: {rule}",
    },
    "refusal.cannot_attend": {
        "fi": "asiakas ei voi osallistua ryhmän tapaamisiin: {rule}",
        "sv": "klienten kan inte delta i gruppens träffar: {rule}",
        "en": "the client cannot take part in the group's sessions: {rule}",
    },
    "refusal.drop_in": {
        "fi": "avoin pop up -ryhmä: tule paikalle, ilmoittautumista ei tarvita",
        "sv": "öppen pop up-grupp: kom på plats, ingen anmälan behövs",
        "en": "a drop-in pop-up group: just come along, no enrolment needed",
    },
    "refusal.service_ended": {
        "fi": "asiakkaan sosiaalinen kuntoutus on päättynyt (palvelun aikajana)",
        "sv": "klientens sociala rehabilitering har upphört (tjänstens tidslinje)",
        "en": "the client's social rehabilitation has ended (the service timeline)",
    },
    "refusal.unknown_group": {
        "fi": "ryhmä ei ole julkaistussa tarjonnassa",
        "sv": "gruppen finns inte i det publicerade utbudet",
        "en": "the group is not in the published offering",
    },
    "refusal.group_cancelled": {
        "fi": "ryhmä ei kokoonnu nykyisessä suunnitelmassa",
        "sv": "gruppen träffas inte enligt den aktuella planen",
        "en": "the group does not run in the current plan",
    },
    "refusal.unknown_client": {
        "fi": "asiakasta ei ole tämän kauden tiedoissa",
        "sv": "klienten finns inte i säsongens uppgifter",
        "en": "the client is not in this season's data",
    },
    "refusal.already_enrolled": {
        "fi": "asiakas on jo ryhmässä",
        "sv": "klienten är redan med i gruppen",
        "en": "the client is already in the group",
    },
    "refusal.already_waiting": {
        "fi": "asiakas on jo ryhmän jonossa",
        "sv": "klienten står redan i gruppens kö",
        "en": "the client is already on the group's waiting list",
    },
    "refusal.already_in_group": {
        "fi": "asiakas on jo niin monessa ryhmässä kuin hänelle on sovittu",
        "sv": "klienten är redan med i så många grupper som överenskommits",
        "en": "the client is already in as many groups as agreed",
    },
    "refusal.needs_second_leader": {
        "fi": "viiden osallistujan ryhmässä tarvitaan kaksi ohjaajaa, ja ryhmällä on yksi",
        "sv": "en grupp med fem deltagare behöver två ledare, och gruppen har en",
        "en": "from five participants a group needs two leaders, and this one has one",
    },
    "refusal.full": {
        "fi": "ryhmä on täynnä",
        "sv": "gruppen är fullsatt",
        "en": "the group is full",
    },
    "refusal.cancelled_before": {
        "fi": "asiakas lähti ryhmästä aiemmin; ilmoita uudelleen vain harkiten",
        "sv": "klienten lämnade gruppen tidigare; skriv in på nytt endast efter övervägande",
        "en": "the client left the group earlier; enrol again only after thought",
    },
    "find.meetings": {
        "fi": "Ehdotetut yhteiset aloitustapaamiset (omatyöntekijä ja ohjaaja)",
        "sv": "Förslag till gemensamma startmöten (kontaktperson och ledare)",
        "en": "Suggested joint start meetings (counsellor and leader)",
    },
    "find.meetings_none": {
        "fi": "Yhteistä aloitustapaamista ei tarvita: omatyöntekijä ohjaa ryhmää.",
        "sv": "Inget gemensamt startmöte behövs: kontaktpersonen leder gruppen.",
        "en": "No joint start meeting is needed: the counsellor leads the group.",
    },
    "find.meetings_no_slot": {
        "fi": "Ryhmän kahdelta ensimmäiseltä viikolta ei löytynyt yhteistä aikaa.",
        "sv": "Ingen gemensam tid hittades under gruppens två första veckor.",
        "en": "No common time was found in the group's first two weeks.",
    },
    "find.col.date": {"fi": "Päivä", "sv": "Datum", "en": "Date"},
    "find.col.time": {"fi": "Aika", "sv": "Tid", "en": "Time"},
    "find.col.counsellor": {"fi": "Omatyöntekijä", "sv": "Kontaktperson", "en": "Counsellor"},
    "find.col.leader": {"fi": "Ohjaaja", "sv": "Ledare", "en": "Leader"},
    "find.col.place": {"fi": "Paikka", "sv": "Plats", "en": "Place"},
    "find.history": {
        "fi": "Asiakkaan ryhmät",
        "sv": "Klientens grupper",
        "en": "The client's groups",
    },
    "find.history_none": {
        "fi": "Asiakas ei ole vielä ollut ryhmissä.",
        "sv": "Klienten har ännu inte deltagit i grupper.",
        "en": "The client has not been in any group yet.",
    },
    "find.col.status": {"fi": "Tila", "sv": "Status", "en": "Status"},
    "find.col.since": {"fi": "Alkaen", "sv": "Från", "en": "Since"},
    "find.col.ended": {"fi": "Päättyi", "sv": "Slutade", "en": "Ended"},
    "find.col.present": {"fi": "Läsnä", "sv": "Närvarande", "en": "Present"},
    "status.active": {"fi": "ryhmässä", "sv": "med i gruppen", "en": "in the group"},
    "status.waiting": {"fi": "jonossa", "sv": "i kö", "en": "waiting"},
    "status.cancelled": {"fi": "lopettanut", "sv": "slutat", "en": "left"},
    "status.withdrawn": {"fi": "poistunut jonosta", "sv": "lämnat kön", "en": "left the list"},
    "status.group_cancelled": {
        "fi": "ryhmä peruttu",
        "sv": "gruppen inställd",
        "en": "group cancelled",
    },
    "status.open": {"fi": "avoinna", "sv": "öppen", "en": "open"},
    "status.moved": {
        "fi": "siirretty toiseen ryhmään",
        "sv": "flyttad till en annan grupp",
        "en": "moved to another group",
    },
    "status.dropped": {
        "fi": "poistettu jonosta (ryhmä muuttui)",
        "sv": "struken ur kön (gruppen ändrades)",
        "en": "taken off the list (the group changed)",
    },
    # --- publishing a plan over the live offering (Plan page) ---
    "publish.title": {"fi": "Julkaisu", "sv": "Publicering", "en": "Publishing"},
    "publish.intro": {
        "fi": "Suunnitelman tallentaminen ei muuta mitään, mitä työntekijät, ohjaajat tai "
        "kalenterin tilaajat näkevät. Vasta julkaisu muuttaa ilmoittautumisten tarjonnan.",
        "sv": "Att spara en plan ändrar inget som arbetstagare, ledare eller kalenderns "
        "prenumeranter ser. Först publiceringen ändrar utbudet för inskrivning.",
        "en": "Saving a plan changes nothing workers, leaders or calendar subscribers see. "
        "Only publishing changes the offering clients enrol into.",
    },
    "publish.is_live": {
        "fi": "Suunnitelma nro {plan_id} on julkaistu tarjonta.",
        "sv": "Plan nr {plan_id} är det publicerade utbudet.",
        "en": "Plan no. {plan_id} is the live offering.",
    },
    "publish.first": {
        "fi": "Mitään ei ole vielä julkaistu: julkaisu avaa {groups} ryhmää ilmoittautumisille.",
        "sv": "Inget är publicerat ännu: publiceringen öppnar {groups} grupper för inskrivning.",
        "en": "Nothing is published yet: publishing opens {groups} groups for enrolment.",
    },
    "publish.over_live": {
        "fi": "Suunnitelman nro {plan_id} julkaisu korvaa julkaistun suunnitelman nro {live}. "
        "Näin tarjonta muuttuisi:",
        "sv": "Att publicera plan nr {plan_id} ersätter den publicerade planen nr {live}. "
        "Så här skulle utbudet ändras:",
        "en": "Publishing plan no. {plan_id} replaces the live plan no. {live}. "
        "This is how the offering would change:",
    },
    "publish.metric.moved": {
        "fi": "Siirtyviä ryhmiä",
        "sv": "Flyttade grupper",
        "en": "Groups moved",
    },
    "publish.metric.leaders": {
        "fi": "Ohjaajat vaihtuvat",
        "sv": "Nya ledare",
        "en": "Leaders changed",
    },
    "publish.metric.opened": {"fi": "Uusia ryhmiä", "sv": "Nya grupper", "en": "Groups opened"},
    "publish.metric.cancelled": {
        "fi": "Peruttavia ryhmiä",
        "sv": "Inställda grupper",
        "en": "Groups cancelled",
    },
    "publish.metric.affected": {
        "fi": "Asiakkaita, joita muutos koskee",
        "sv": "Berörda klienter",
        "en": "Clients affected",
    },
    "publish.metric.stranded": {
        "fi": "Ei pääse uuteen aikaan",
        "sv": "Kan inte komma på den nya tiden",
        "en": "Cannot attend the new session",
    },
    "publish.groups": {
        "fi": "Muuttuvat ryhmät",
        "sv": "Grupper som ändras",
        "en": "Groups that change",
    },
    "publish.clients": {
        "fi": "Asiakkaat, joita muutos koskee (asiakaskoodit)",
        "sv": "Berörda klienter (klientkoder)",
        "en": "Clients affected (client codes)",
    },
    "publish.col.group": {"fi": "Ryhmä", "sv": "Grupp", "en": "Group"},
    "publish.col.before": {"fi": "Ennen", "sv": "Före", "en": "Before"},
    "publish.col.after": {"fi": "Jälkeen", "sv": "Efter", "en": "After"},
    "publish.col.leaders_before": {
        "fi": "Ohjaajat ennen",
        "sv": "Ledare före",
        "en": "Leaders before",
    },
    "publish.col.leaders_after": {
        "fi": "Ohjaajat jälkeen",
        "sv": "Ledare efter",
        "en": "Leaders after",
    },
    "publish.col.client": {"fi": "Asiakaskoodi", "sv": "Klientkod", "en": "Client code"},
    "publish.col.place": {"fi": "Paikka", "sv": "Plats", "en": "Place"},
    "publish.col.change": {"fi": "Muutos", "sv": "Ändring", "en": "Change"},
    "publish.col.attend": {
        "fi": "Pääseekö asiakas?",
        "sv": "Kan klienten komma?",
        "en": "Can the client attend?",
    },
    "publish.change.moved": {
        "fi": "aika tai paikka muuttuu",
        "sv": "tid eller plats ändras",
        "en": "moves",
    },
    "publish.change.leaders": {
        "fi": "ohjaajat vaihtuvat",
        "sv": "nya ledare",
        "en": "other leaders",
    },
    "publish.change.cancelled": {
        "fi": "ryhmä perutaan",
        "sv": "gruppen ställs in",
        "en": "group cancelled",
    },
    "publish.can_attend": {"fi": "pääsee", "sv": "kan komma", "en": "can attend"},
    "publish.cannot_attend": {
        "fi": "ei pääse: {rule}",
        "sv": "kan inte komma: {rule}",
        "en": "cannot attend: {rule}",
    },
    "publish.no_clients": {
        "fi": "Muutos ei koske yhdenkään asiakkaan paikkaa.",
        "sv": "Ändringen berör ingen klients plats.",
        "en": "The change affects no client's place.",
    },
    "publish.waiting_dropped": {
        "fi": "{n} jonottajaa ei pääsisi uuteen aikaan; heidät poistetaan jonosta julkaisussa "
        "(kirjataan lokiin).",
        "sv": "{n} i kö kan inte komma på den nya tiden; de stryks ur kön vid publiceringen "
        "(loggas).",
        "en": "{n} on waiting lists could not attend the new session; they are taken off the "
        "list when publishing (recorded in the audit trail).",
    },
    "publish.resolve": {
        "fi": "Päätä jokaisesta asiakkaasta, joka ei pääse uuteen aikaan",
        "sv": "Bestäm för varje klient som inte kan komma på den nya tiden",
        "en": "Decide for each client who cannot attend the new session",
    },
    "publish.case": {
        "fi": "{client} ryhmässä {group}: {rule}",
        "sv": "{client} i {group}: {rule}",
        "en": "{client} in {group}: {rule}",
    },
    "publish.choice.none": {"fi": "Valitse…", "sv": "Välj…", "en": "Choose…"},
    "publish.choice.keep": {
        "fi": "Pidä paikka (merkitään)",
        "sv": "Behåll platsen (markeras)",
        "en": "Keep the place (flagged)",
    },
    "publish.choice.end": {
        "fi": "Päätä paikka",
        "sv": "Avsluta platsen",
        "en": "End the place",
    },
    "publish.choice.move": {
        "fi": "Siirrä ryhmään {group} {name}",
        "sv": "Flytta till {group} {name}",
        "en": "Move to {group} {name}",
    },
    "publish.no_targets": {
        "fi": "Ei muuta ryhmää, johon asiakas pääsisi ja jossa on tilaa.",
        "sv": "Ingen annan grupp som klienten kan komma till och som har plats.",
        "en": "No other group the client can attend with a free place.",
    },
    "publish.unresolved": {
        "fi": "Päätä ensin jokaisesta asiakkaasta ({n} jäljellä).",
        "sv": "Bestäm först för varje klient ({n} kvar).",
        "en": "Decide for every client first ({n} left).",
    },
    "publish.button": {
        "fi": "Julkaise suunnitelma nro {plan_id}",
        "sv": "Publicera plan nr {plan_id}",
        "en": "Publish plan no. {plan_id}",
    },
    "publish.done": {
        "fi": "Suunnitelma nro {plan_id} julkaistiin: {groups} ryhmää avoinna; {moved} siirretty, "
        "{kept} paikkaa pidetty merkittynä, {ended} paikkaa päätetty, "
        "{dropped} poistettu jonosta.",
        "sv": "Plan nr {plan_id} publicerades: {groups} grupper öppna; {moved} flyttade, "
        "{kept} platser behållna med markering, {ended} platser avslutade, "
        "{dropped} strukna ur kön.",
        "en": "Plan no. {plan_id} was published: {groups} groups open; {moved} moved, "
        "{kept} places kept with a flag, {ended} places ended, "
        "{dropped} taken off waiting lists.",
    },
    "publish.refused": {
        "fi": "Suunnitelmaa ei julkaistu eikä mitään muutettu: {n} asiakasta ei pääsisi "
        "ryhmänsä uuteen aikaan. Päätä jokaisesta (siirrä, pidä tai päätä paikka):",
        "sv": "Planen publicerades inte och inget ändrades: {n} klienter kan inte komma på sin "
        "grupps nya tid. Bestäm för var och en (flytta, behåll eller avsluta platsen):",
        "en": "The plan was not published and nothing changed: {n} client(s) could not attend "
        "their group's new session. Decide for each (move, keep or end the place):",
    },
    "publish.refused_move": {
        "fi": "Suunnitelmaa ei julkaistu eikä mitään muutettu: asiakkaan {client} siirto "
        "ryhmästä {group} ryhmään {target} ei onnistunut: {reason}",
        "sv": "Planen publicerades inte och inget ändrades: klienten {client} kunde inte flyttas "
        "från {group} till {target}: {reason}",
        "en": "The plan was not published and nothing changed: moving {client} from {group} "
        "to {target} failed: {reason}",
    },
    "publish.reason.full": {
        "fi": "ryhmä on täynnä",
        "sv": "gruppen är full",
        "en": "the group is full",
    },
    "publish.reason.already_in_group": {
        "fi": "asiakas on jo enimmäismäärässä ryhmiä",
        "sv": "klienten är redan med i högsta antalet grupper",
        "en": "the client is already in their maximum of groups",
    },
    "publish.reason.already_enrolled": {
        "fi": "asiakas on jo ryhmässä",
        "sv": "klienten är redan med i gruppen",
        "en": "the client is already in the group",
    },
    "publish.reason.unknown_group": {
        "fi": "ryhmä ei ole suunnitelmassa",
        "sv": "gruppen finns inte i planen",
        "en": "the group is not in the plan",
    },
    "publish.reason.group_cancelled": {
        "fi": "ryhmä ei toimi tässä suunnitelmassa",
        "sv": "gruppen går inte i den här planen",
        "en": "the group does not run in this plan",
    },
    "publish.reason.needs_second_leader": {
        "fi": "ryhmä tarvitsisi toisen ohjaajan",
        "sv": "gruppen skulle behöva en andra ledare",
        "en": "the group would need a second leader",
    },
    "publish.reason.not_affected": {
        "fi": "suunnitelma ei muuta asiakkaan paikkaa",
        "sv": "planen ändrar inte klientens plats",
        "en": "the plan does not change the client's place",
    },
    "publish.failed": {
        "fi": "Julkaisu epäonnistui: {reason}",
        "sv": "Publiceringen misslyckades: {reason}",
        "en": "Publishing failed: {reason}",
    },
    "publish.ask_coordinator": {
        "fi": "Koordinaattori julkaisee suunnitelman Suunnitelma-sivulla.",
        "sv": "Koordinatorn publicerar planen på sidan Plan.",
        "en": "A coordinator publishes the plan on the Plan page.",
    },
    "language.fi": {"fi": "suomi", "sv": "finska", "en": "Finnish"},
    "language.sv": {"fi": "ruotsi", "sv": "svenska", "en": "Swedish"},
    "language.en": {"fi": "englanti", "sv": "engelska", "en": "English"},
    "language.ar": {"fi": "arabia", "sv": "arabiska", "en": "Arabic"},
    "language.et": {"fi": "viro", "sv": "estniska", "en": "Estonian"},
    "language.fa": {"fi": "persia", "sv": "persiska", "en": "Persian"},
    "language.ku": {"fi": "kurdi", "sv": "kurdiska", "en": "Kurdish"},
    "language.ru": {"fi": "venäjä", "sv": "ryska", "en": "Russian"},
    "language.so": {"fi": "somali", "sv": "somaliska", "en": "Somali"},
    "language.uk": {"fi": "ukraina", "sv": "ukrainska", "en": "Ukrainian"},
    # --- team figures ---
    "fig.title": {"fi": "Tiimin seurantaluvut", "sv": "Teamets uppföljning", "en": "Team figures"},
    "fig.intro": {
        "fi": "Kauden {season} seurattavat luvut ajalta {period}: ryhmä- ja yksilötyön "
        "asiakkaat (kukin kerran), jonottajat erikseen, päättymissyyt, jatkopolut ja ryhmien "
        "paikat nyt.",
        "sv": "Uppföljningssiffror för säsongen {season} för perioden {period}: klienter i "
        "grupp- och individuellt arbete (var och en en gång), de köande för sig, orsaker till "
        "avslut, fortsatta vägar och gruppernas platser nu.",
        "en": "The tracked figures of the season {season} for {period}: clients in group and "
        "individual work (each once), those waiting apart, ending reasons, follow-up paths "
        "and the groups' seats now.",
    },
    "fig.period": {"fi": "Ajanjakso", "sv": "Period", "en": "Period"},
    "fig.period.term": {"fi": "Kauden jakso", "sv": "Säsongens termin", "en": "The term"},
    "fig.period.month": {"fi": "Kuukausi", "sv": "Månad", "en": "Month"},
    "fig.period.quarter": {"fi": "Neljännes", "sv": "Kvartal", "en": "Quarter"},
    "fig.period.year": {"fi": "Vuosi", "sv": "År", "en": "Year"},
    "fig.period.range": {"fi": "Aikaväli", "sv": "Datumintervall", "en": "Date range"},
    "fig.period.from": {"fi": "Alkaen", "sv": "Från", "en": "From"},
    "fig.period.to": {"fi": "Päättyen", "sv": "Till", "en": "To"},
    "fig.period.bad": {
        "fi": "Ajanjakso päättyy ennen kuin se alkaa.",
        "sv": "Perioden slutar innan den börjar.",
        "en": "The period ends before it starts.",
    },
    "fig.not_published": {
        "fi": "Suunnitelmaa ei ole vielä julkaistu, joten ryhmissä ei ole ilmoittautumisia "
        "eikä lukuja. Julkaise suunnitelma Etsi ryhmä -sivulla.",
        "sv": "Planen är ännu inte publicerad, så det finns inga inskrivningar och inga "
        "siffror. Publicera planen på sidan Hitta en grupp.",
        "en": "No plan is published yet, so there are no enrolments and no figures. "
        "Publish the plan on the Find a group page.",
    },
    "fig.clients": {
        "fi": "Asiakkaat kunnittain: ryhmätyö ja yksilötyö",
        "sv": "Klienter per kommun: grupparbete och individuellt arbete",
        "en": "Clients per municipality: group work and individual work",
    },
    "fig.endings": {
        "fi": "Palvelun päättymisen syyt",
        "sv": "Orsaker till att tjänsten upphört",
        "en": "Why the service ended",
    },
    "fig.endings_caption": {
        "fi": "Asiakkaat, joiden sosiaalinen kuntoutus päättyi ajanjaksolla, kukin kerran, "
        "asiakkaan oman työntekijän kirjaamana (asiakkaan aikajana). Ryhmäpaikan päättyminen "
        "palvelun jatkuessa ei ole palvelun päättyminen.",
        "sv": "Klienter vars sociala rehabilitering upphörde under perioden, var och en en "
        "gång, som klientens egen kontaktperson antecknat (klientens tidslinje). En gruppplats "
        "som upphör medan tjänsten fortsätter är inget slut på tjänsten.",
        "en": "Clients whose social rehabilitation ended in the period, each once, as their own "
        "worker recorded it (the client's timeline). A group place that ends while the service "
        "goes on is no end of the service.",
    },
    "fig.follow_up": {"fi": "Jatkopolut", "sv": "Fortsatta vägar", "en": "Follow-up paths"},
    "fig.seats": {
        "fi": "Paikat ryhmittäin",
        "sv": "Platser per grupp",
        "en": "Seats per group",
    },
    "fig.drop_in": {
        "fi": "Avoimet pop up -ryhmät: kävijät kerroittain",
        "sv": "Öppna pop up-grupper: besökare per träff",
        "en": "Drop-in pop-up groups: visitors per session",
    },
    "fig.drop_in_help": {
        "fi": "Kävijöitä ei kirjata nimellä, joten he eivät ole mukana asiakasluvuissa.",
        "sv": "Besökarna antecknas inte med namn, så de ingår inte i klientsiffrorna.",
        "en": "Visitors are not recorded by name, so they are not in the client figures.",
    },
    "fig.at_risk_note": {
        "fi": "{n} ryhmää on vaarassa jäädä toteutumatta (alle 3 osallistujaa).",
        "sv": "{n} grupper riskerar att inte bli av (färre än 3 deltagare).",
        "en": "{n} groups are at risk of not running (fewer than 3 participants).",
    },
    "fig.download": {
        "fi": "Lataa Excel-työkirja",
        "sv": "Ladda ner Excel-arbetsboken",
        "en": "Download the Excel workbook",
    },
    "fig.col.clients": {"fi": "Asiakkaita", "sv": "Klienter", "en": "Clients"},
    "fig.col.group_work": {"fi": "Ryhmätyössä", "sv": "I grupparbete", "en": "In group work"},
    "fig.col.individual_only": {
        "fi": "Vain yksilötyössä",
        "sv": "Endast individuellt arbete",
        "en": "Individual work only",
    },
    "fig.col.waiting_clients": {
        "fi": "Jonossa ryhmään",
        "sv": "I kö till en grupp",
        "en": "Waiting for a group",
    },
    "fig.col.reason": {"fi": "Syy", "sv": "Orsak", "en": "Reason"},
    "fig.col.follow_up": {"fi": "Jatkopolku", "sv": "Fortsatt väg", "en": "Follow-up path"},
    "fig.col.status": {"fi": "Tila", "sv": "Status", "en": "Status"},
    "fig.col.taken": {"fi": "Varattu", "sv": "Tagna", "en": "Taken"},
    "fig.col.max_size": {"fi": "Paikkoja", "sv": "Platser", "en": "Seats"},
    "fig.col.used": {"fi": "Käyttöaste", "sv": "Beläggning", "en": "Used"},
    "fig.col.waiting": {"fi": "Jonossa", "sv": "I kö", "en": "Waiting"},
    "fig.col.leaders": {"fi": "Ohjaajia", "sv": "Ledare", "en": "Leaders"},
    "fig.col.at_risk": {"fi": "Vaarassa", "sv": "I fara", "en": "At risk"},
    "fig.col.needs_second_leader": {
        "fi": "Tarvitsee toisen ohjaajan",
        "sv": "Behöver en andra ledare",
        "en": "Needs a second leader",
    },
    "fig.col.what": {"fi": "Mitä", "sv": "Vad", "en": "What"},
    "fig.col.value": {"fi": "Arvo", "sv": "Värde", "en": "Value"},
    "fig.col.season": {"fi": "Kausi", "sv": "Säsong", "en": "Season"},
    "fig.sheet.period": {"fi": "Ajanjakso", "sv": "Period", "en": "Period"},
    "fig.sheet.clients": {"fi": "Asiakkaat", "sv": "Klienter", "en": "Clients"},
    "fig.sheet.endings": {"fi": "Lähtemiset", "sv": "Avslut", "en": "Endings"},
    "fig.sheet.follow_up": {"fi": "Jatkopolut", "sv": "Fortsatta vägar", "en": "Follow-up"},
    "fig.sheet.seats": {"fi": "Paikat", "sv": "Platser", "en": "Seats"},
    "fig.sheet.drop_in": {"fi": "Avoimet ryhmät", "sv": "Öppna grupper", "en": "Drop-in"},
    "fig.col.sessions": {
        "fi": "Kertoja (kävijämäärä kirjattu)",
        "sv": "Träffar (antal besökare antecknat)",
        "en": "Sessions (head count recorded)",
    },
    "fig.col.visits": {"fi": "Käyntejä", "sv": "Besök", "en": "Visits"},
    "fig.col.mean_visits": {
        "fi": "Kävijöitä keskimäärin",
        "sv": "Besökare i genomsnitt",
        "en": "Mean visitors per session",
    },
    "ending.moved_to_work": {"fi": "siirtyi töihin", "sv": "fick arbete", "en": "moved to work"},
    "ending.studies": {"fi": "opinnot", "sv": "studier", "en": "studies"},
    "ending.other_service": {"fi": "muu palvelu", "sv": "annan tjänst", "en": "other service"},
    "ending.dropped_out": {"fi": "keskeytti", "sv": "avbröt", "en": "dropped out"},
    "ending.other": {"fi": "muu syy", "sv": "annan orsak", "en": "other"},
    "ending.not_recorded": {"fi": "ei kirjattu", "sv": "inte antecknat", "en": "not recorded"},
    "path.work": {"fi": "työ", "sv": "arbete", "en": "work"},
    "path.work_trial": {"fi": "työkokeilu", "sv": "arbetsprövning", "en": "work trial"},
    "path.studies": {"fi": "opinnot", "sv": "studier", "en": "studies"},
    "path.workshop": {"fi": "työpaja", "sv": "verkstad", "en": "workshop"},
    "path.rehabilitation": {"fi": "kuntoutus", "sv": "rehabilitering", "en": "rehabilitation"},
    "path.other_service": {"fi": "muu palvelu", "sv": "annan tjänst", "en": "other service"},
    "path.expert_by_experience_training": {
        "fi": "kokemusasiantuntijakoulutus",
        "sv": "utbildning till erfarenhetsexpert",
        "en": "expert-by-experience training",
    },
    "path.individual_work": {
        "fi": "yksilötyö",
        "sv": "individuellt arbete",
        "en": "individual work",
    },
    "path.none": {"fi": "ei jatkopolkua", "sv": "ingen fortsatt väg", "en": "none"},
    "path.not_recorded": {"fi": "ei kirjattu", "sv": "inte antecknat", "en": "not recorded"},
    "find.at_max_groups": {
        "fi": "{client} on jo {n} ryhmässä, niin monessa kuin on sovittu. Ilmoittaminen uuteen "
        "ryhmään onnistuu, kun jokin paikka päättyy.",
        "sv": "{client} är redan med i {n} grupper, så många som överenskommits. Inskrivning i "
        "en ny grupp går när någon plats avslutas.",
        "en": "{client} is already in {n} group(s), as many as agreed. Enrolling in another "
        "group is possible once a place ends.",
    },
    # --- group calendar page ---
    "nav.calendar": {"fi": "Ryhmäkalenteri", "sv": "Gruppkalender", "en": "Group calendar"},
    "calpage.title": {"fi": "Ryhmäkalenteri", "sv": "Gruppkalender", "en": "Group calendar"},
    "calpage.intro": {
        "fi": "Ryhmien kokoontumiskerrat kauden suunnitelman mukaan. Arkipyhinä ryhmät eivät "
        "kokoonnu. Valitse ryhmä nähdäksesi sen tiedot.",
        "sv": "Gruppernas träffar enligt säsongens plan. På helgdagar träffas grupperna inte. "
        "Välj en grupp för att se dess uppgifter.",
        "en": "The groups' sessions as the season's plan has them. Groups do not meet on public "
        "holidays. Pick a group to see its details.",
    },
    "calpage.no_season": {
        "fi": "Tietokannassa ei ole vielä kautta, joten kalenteri on tyhjä.",
        "sv": "Databasen innehåller ännu ingen säsong, så kalendern är tom.",
        "en": "The database holds no season yet, so the calendar is empty.",
    },
    "calpage.view": {"fi": "Näkymä", "sv": "Vy", "en": "View"},
    "calpage.view.week": {"fi": "Viikko", "sv": "Vecka", "en": "Week"},
    "calpage.view.month": {"fi": "Kuukausi", "sv": "Månad", "en": "Month"},
    "calpage.day": {"fi": "Siirry päivään", "sv": "Gå till dag", "en": "Go to date"},
    "calpage.previous": {"fi": "Edellinen", "sv": "Föregående", "en": "Previous"},
    "calpage.next": {"fi": "Seuraava", "sv": "Nästa", "en": "Next"},
    "calpage.season_start": {
        "fi": "Kauden alkuun",
        "sv": "Till säsongens början",
        "en": "Season start",
    },
    "calpage.week_heading": {
        "fi": "Viikko {week}: {first} – {last}",
        "sv": "Vecka {week}: {first} – {last}",
        "en": "Week {week}: {first} – {last}",
    },
    "calpage.month_heading": {
        "fi": "{month} {year}",
        "sv": "{month} {year}",
        "en": "{month} {year}",
    },
    "calpage.month.1": {"fi": "Tammikuu", "sv": "Januari", "en": "January"},
    "calpage.month.2": {"fi": "Helmikuu", "sv": "Februari", "en": "February"},
    "calpage.month.3": {"fi": "Maaliskuu", "sv": "Mars", "en": "March"},
    "calpage.month.4": {"fi": "Huhtikuu", "sv": "April", "en": "April"},
    "calpage.month.5": {"fi": "Toukokuu", "sv": "Maj", "en": "May"},
    "calpage.month.6": {"fi": "Kesäkuu", "sv": "Juni", "en": "June"},
    "calpage.month.7": {"fi": "Heinäkuu", "sv": "Juli", "en": "July"},
    "calpage.month.8": {"fi": "Elokuu", "sv": "Augusti", "en": "August"},
    "calpage.month.9": {"fi": "Syyskuu", "sv": "September", "en": "September"},
    "calpage.month.10": {"fi": "Lokakuu", "sv": "Oktober", "en": "October"},
    "calpage.month.11": {"fi": "Marraskuu", "sv": "November", "en": "November"},
    "calpage.month.12": {"fi": "Joulukuu", "sv": "December", "en": "December"},
    "calpage.sessions": {
        "fi": "Kokoontumiskertoja: {n}",
        "sv": "Träffar: {n}",
        "en": "Sessions: {n}",
    },
    "calpage.none": {
        "fi": "Ei kokoontumiskertoja tällä aikavälillä näillä rajauksilla.",
        "sv": "Inga träffar under den här perioden med de här avgränsningarna.",
        "en": "No sessions in this period with these filters.",
    },
    "calpage.by": {"fi": "Näytä", "sv": "Visa", "en": "Show"},
    "calpage.by.offering": {"fi": "Tarjonta", "sv": "Utbudet", "en": "Offering"},
    "calpage.by.leader": {"fi": "Ohjaaja", "sv": "Handledare", "en": "Leader"},
    "calpage.by.venue": {"fi": "Toimipaikka", "sv": "Lokal", "en": "Venue"},
    "calpage.pick": {"fi": "Valitse", "sv": "Välj", "en": "Choose"},
    "calpage.all": {"fi": "Kaikki", "sv": "Alla", "en": "All"},
    "page.number": {"fi": "Sivu", "sv": "Sida", "en": "Page"},
    "plan.page_of": {
        "fi": "Viikkonäkymässä istunnot {first}–{last} / {total}; alla oleva taulukko "
        "luettelee kaikki.",
        "sv": "Veckovyn visar sessionerna {first}–{last} av {total}; tabellen nedan listar alla.",
        "en": "The week shows sessions {first}–{last} of {total}; the table below lists them all.",
    },
    "calpage.weekdays": {"fi": "Viikonpäivä", "sv": "Veckodag", "en": "Weekday"},
    "calpage.page_of": {
        "fi": "Ryhmät {first}–{last} / {total}: rajaa kunnalla, viikonpäivällä tai teemalla, "
        "tai selaa sivuja.",
        "sv": "Grupperna {first}–{last} av {total}: avgränsa med kommun, veckodag eller tema, "
        "eller bläddra mellan sidorna.",
        "en": "Groups {first}–{last} of {total}: narrow by municipality, weekday or theme, "
        "or turn the pages.",
    },
    "calpage.municipalities": {"fi": "Kunta", "sv": "Kommun", "en": "Municipality"},
    "calpage.languages": {"fi": "Ryhmän kieli", "sv": "Gruppens språk", "en": "Language"},
    "calpage.themes": {"fi": "Teema", "sv": "Tema", "en": "Theme"},
    "calpage.audiences": {"fi": "Kohderyhmä", "sv": "Målgrupp", "en": "Audience"},
    "calpage.kinds": {"fi": "Ryhmän tyyppi", "sv": "Typ av grupp", "en": "Kind of group"},
    "calpage.free": {
        "fi": "Vapaita {free}/{size}",
        "sv": "Lediga {free}/{size}",
        "en": "Free {free}/{size}",
    },
    "calpage.full": {"fi": "Täynnä ({size})", "sv": "Fullsatt ({size})", "en": "Full ({size})"},
    "calpage.remote": {"fi": "Etänä", "sv": "På distans", "en": "Online"},
    "calpage.seats_live": {
        "fi": "Vapaat paikat julkaistusta tarjonnasta, tilanne nyt.",
        "sv": "Lediga platser enligt det publicerade utbudet, läget just nu.",
        "en": "Free seats from the published offering, as of now.",
    },
    "calpage.seats_plan": {
        "fi": "Tarjontaa ei ole julkaistu: vapaat paikat suunnitelman mukaan.",
        "sv": "Utbudet är inte publicerat: lediga platser enligt planen.",
        "en": "The offering is not published: free seats as the plan has them.",
    },
    "calpage.details": {"fi": "Ryhmän tiedot", "sv": "Gruppens uppgifter", "en": "Group details"},
    "calpage.when": {
        "fi": "{weekday} klo {start}–{end}",
        "sv": "{weekday} kl. {start}–{end}",
        "en": "{weekday} {start}–{end}",
    },
    "calpage.term": {
        "fi": "Kausi {first} – {last}, {n} kertaa",
        "sv": "Period {first} – {last}, {n} träffar",
        "en": "Term {first} – {last}, {n} sessions",
    },
    "calpage.popup": {
        "fi": "Avoin pop-up-ryhmä: kalenterissa sen {weeks} ensimmäistä viikkoa",
        "sv": "Öppen pop up-grupp: kalendern visar dess {weeks} första veckor",
        "en": "Open pop-up group: the calendar shows its first {weeks} weeks",
    },
    "calpage.skipped": {
        "fi": "Ei kokoontumista: {dates}",
        "sv": "Ingen träff: {dates}",
        "en": "No session on: {dates}",
    },
    "calpage.place": {"fi": "Paikka: {place}", "sv": "Plats: {place}", "en": "Place: {place}"},
    "calpage.leaders": {
        "fi": "Ohjaajat: {names}",
        "sv": "Handledare: {names}",
        "en": "Leaders: {names}",
    },
    "calpage.kind_line": {
        "fi": "Tyyppi: {kind}",
        "sv": "Typ: {kind}",
        "en": "Kind: {kind}",
    },
    "calpage.enrol": {
        "fi": "Ilmoita asiakas tähän ryhmään",
        "sv": "Skriv in en klient i gruppen",
        "en": "Enrol a client in this group",
    },
    "calpage.enrol_help": {
        "fi": "Avaa Etsi ryhmä -sivun tämä ryhmä valittuna.",
        "sv": "Öppnar sidan Hitta en grupp med den här gruppen vald.",
        "en": "Opens the Find a group page with this group chosen.",
    },
    "calpage.close": {"fi": "Sulje", "sv": "Stäng", "en": "Close"},
    "calpage.download": {
        "fi": "Lataa näkymän ryhmät (.ics)",
        "sv": "Ladda ned vyns grupper (.ics)",
        "en": "Download these groups (.ics)",
    },
    "calpage.download_help": {
        "fi": "Näkymän ryhmät koko kaudelta kalenteritiedostona Outlookiin tai Teamsiin.",
        "sv": "Vyns grupper för hela säsongen som kalenderfil för Outlook eller Teams.",
        "en": "The groups in this view for the whole season, as a calendar file for Outlook "
        "or Teams.",
    },
    "calpage.download_group": {
        "fi": "Lataa ryhmän kalenteri (.ics)",
        "sv": "Ladda ned gruppens kalender (.ics)",
        "en": "Download the group's calendar (.ics)",
    },
    "calpage.subscribe": {
        "fi": "Tilaa kalenteri",
        "sv": "Prenumerera på kalendern",
        "en": "Subscribe to this calendar",
    },
    "calpage.subscribe_intro": {
        "fi": "Tilattu kalenteri päivittyy itsestään, kun suunnitelma muuttuu. Linkki on "
        "salainen: kuka tahansa, jolla se on, näkee ryhmät, paikat ja ohjaajat (ei asiakkaita). "
        "Tilaus koskee tätä näkymää: {what}.",
        "sv": "En prenumererad kalender uppdateras av sig själv när planen ändras. Länken är "
        "hemlig: den som har den ser grupper, platser och handledare (inga klienter). "
        "Prenumerationen gäller den här vyn: {what}.",
        "en": "A subscribed calendar updates itself when the plan changes. The link is secret: "
        "anyone who has it sees groups, places and leaders (no clients). The subscription "
        "covers this view: {what}.",
    },
    "calpage.subscribe_button": {
        "fi": "Luo tilauslinkki",
        "sv": "Skapa prenumerationslänk",
        "en": "Create a subscription link",
    },
    "calpage.subscribe_done": {
        "fi": "Tilauslinkki nro {id} luotu. Linkki näytetään vain nyt: kopioi se talteen.",
        "sv": "Prenumerationslänk nr {id} har skapats. Länken visas bara nu: kopiera den.",
        "en": "Subscription link no. {id} created. The link is shown only now: copy it.",
    },
    "calpage.subscribe_failed": {
        "fi": "Tilauslinkkiä ei voitu luoda: {reason}",
        "sv": "Prenumerationslänken kunde inte skapas: {reason}",
        "en": "The subscription link could not be created: {reason}",
    },
    "calpage.https_link": {
        "fi": "Outlook ja Teams (https):",
        "sv": "Outlook och Teams (https):",
        "en": "Outlook and Teams (https):",
    },
    "calpage.http_link": {
        "fi": "Tilausosoite (http, salaamaton):",
        "sv": "Prenumerationsadress (http, okrypterad):",
        "en": "Subscription address (http, not encrypted):",
    },
    "calpage.http_note": {
        "fi": "Tämä on salaamaton http-osoite: Outlookin työpöytäsovellus ja muut "
        "kalenterisovellukset voivat tilata sen, mutta Outlook verkossa ja Teams tilaavat vain "
        "https-osoitteita (asetus PLANNER_FEED_URL).",
        "sv": "Det här är en okrypterad http-adress: Outlooks skrivbordsapp och andra "
        "kalenderappar kan prenumerera på den, men Outlook på webben och Teams prenumererar "
        "bara på https-adresser (inställningen PLANNER_FEED_URL).",
        "en": "This is a plain http address: Outlook for desktop and other calendar apps can "
        "subscribe to it, but Outlook on the web and Teams subscribe only to https addresses "
        "(the setting PLANNER_FEED_URL).",
    },
    "calpage.webcal_link": {
        "fi": "Muut kalenterisovellukset (webcal):",
        "sv": "Andra kalenderappar (webcal):",
        "en": "Other calendar apps (webcal):",
    },
    "calpage.outlook_note": {
        "fi": "Outlook verkossa tilaa vain https-osoitteita: valitse Lisää kalenteri → Tilaa "
        "verkosta ja liitä https-linkki. webcal-linkki avaa tilauksen suoraan esimerkiksi "
        "Outlookin työpöytäsovelluksessa ja Applen kalenterissa.",
        "sv": "Outlook på webben prenumererar bara på https-adresser: välj Lägg till kalender → "
        "Prenumerera från webben och klistra in https-länken. webcal-länken öppnar "
        "prenumerationen direkt till exempel i Outlooks skrivbordsapp och Apples kalender.",
        "en": "Outlook on the web subscribes only to https addresses: choose Add calendar → "
        "Subscribe from web and paste the https link. The webcal link opens the subscription "
        "directly in, for example, Outlook for desktop and Apple Calendar.",
    },
    "calpage.whole_offering": {
        "fi": "koko tarjonta",
        "sv": "hela utbudet",
        "en": "the whole offering",
    },
    # The routes page (planner/ui/map_page.py).
    "nav.map": {"fi": "Reitit ja kartta", "sv": "Rutter och karta", "en": "Routes and map"},
    "routes.title": {
        "fi": "Viikon reitit ja matkat",
        "sv": "Veckans rutter och resor",
        "en": "The week's routes and travel",
    },
    "routes.no_season": {
        "fi": "Kautta ei ole vielä tuotu.",
        "sv": "Ingen säsong har importerats ännu.",
        "en": "No season has been imported yet.",
    },
    "routes.no_plan": {
        "fi": "Kaudella ei ole vielä suunnitelmaa: reitit lasketaan suunnitelmasta.",
        "sv": "Säsongen har ingen plan ännu: rutterna räknas ut från planen.",
        "en": "The season has no plan yet: routes are worked out from the plan.",
    },
    "routes.go_plan": {
        "fi": "Suunnittele kausi",
        "sv": "Planera säsongen",
        "en": "Plan the season",
    },
    "routes.computing": {
        "fi": "Lasketaan työauton ajoja…",
        "sv": "Tjänstebilens körningar räknas ut…",
        "en": "Working out the work car's runs…",
    },
    "routes.weekday": {"fi": "Viikonpäivä", "sv": "Veckodag", "en": "Weekday"},
    "routes.all_days": {"fi": "Kaikki päivät", "sv": "Alla dagar", "en": "All days"},
    "routes.who": {
        "fi": "Työntekijä tai auto",
        "sv": "Anställd eller bil",
        "en": "Staff member or vehicle",
    },
    "routes.everyone": {"fi": "Kaikki", "sv": "Alla", "en": "Everyone"},
    "routes.not_computed": {
        "fi": "Työauton ajoja ei ole vielä laskettu tälle suunnitelmalle. Laskenta ratkaisee "
        "jokaisen arkipäivän ajot, suuressa kaudessa puolikin minuuttia; tulos tallennetaan, "
        "joten seuraava katselu lukee sen heti.",
        "sv": "Tjänstebilens körningar har inte räknats ut för den här planen ännu. "
        "Beräkningen löser körningarna för varje vardag, i en stor säsong upp till en halv "
        "minut; resultatet sparas, så nästa visning läser det genast.",
        "en": "The work car's runs are not computed for this plan yet. Computing solves the "
        "runs of every weekday, up to half a minute in a large season; the result is stored, "
        "so the next view reads it at once.",
    },
    "routes.compute": {"fi": "Laske reitit", "sv": "Räkna ut rutterna", "en": "Compute the routes"},
    "routes.vehicle_named": {"fi": "Työauto {id}", "sv": "Tjänstebil {id}", "en": "Work car {id}"},
    "routes.one_at_a_time": {
        "fi": "{count} työntekijää ja autoa: kartta näyttää yhden kerrallaan.",
        "sv": "{count} anställda och bilar: kartan visar en i taget.",
        "en": "{count} staff members and vehicles: the map shows one at a time.",
    },
    "routes.map_caption": {
        "fi": "Sininen: työntekijöiden kotitoimipisteet; harmaa: muut toimipaikat; värilliset "
        "viivat: työntekijöiden reitit käyntijärjestyksessä; oranssi: työauton ajot. "
        "Asiakkaiden kodit ovat kunnan keskustassa (osoitteita ei tallenneta).",
        "sv": "Blått: personalens hemmakontor; grått: andra platser; färgade linjer: "
        "personalens rutter i besöksordning; orange: tjänstebilens körningar. Klienternas hem "
        "visas i kommunens centrum (adresser sparas inte).",
        "en": "Blue: staff bases; grey: other venues; coloured lines: staff routes in visiting "
        "order; orange: the work car's runs. Clients' homes are shown at their municipality's "
        "centre (addresses are not stored).",
    },
    "routes.route_tip": {
        "fi": "{who}, {day}: {km} km",
        "sv": "{who}, {day}: {km} km",
        "en": "{who}, {day}: {km} km",
    },
    "routes.run_tip": {
        "fi": "Työauto {who}, {day}: {km} km",
        "sv": "Tjänstebil {who}, {day}: {km} km",
        "en": "Work car {who}, {day}: {km} km",
    },
    "routes.home_in": {"fi": "Koti, {name}", "sv": "Hem, {name}", "en": "Home, {name}"},
    "routes.staff_routes": {
        "fi": "Työntekijöiden reitit",
        "sv": "Personalens rutter",
        "en": "Staff routes",
    },
    "routes.col.staff": {"fi": "Työntekijä", "sv": "Anställd", "en": "Staff member"},
    "routes.col.weekday": {"fi": "Päivä", "sv": "Dag", "en": "Day"},
    "routes.col.stops": {"fi": "Reitti", "sv": "Rutt", "en": "Route"},
    "routes.col.km": {"fi": "km", "sv": "km", "en": "km"},
    "routes.col.minutes": {"fi": "Matka-aika (min)", "sv": "Restid (min)", "en": "Travel (min)"},
    "routes.runsheet": {
        "fi": "Työauton ajolista",
        "sv": "Tjänstebilens körlista",
        "en": "The work car's run sheet",
    },
    "routes.vehicle": {"fi": "Auto", "sv": "Bil", "en": "Vehicle"},
    "routes.day": {"fi": "Päivä", "sv": "Dag", "en": "Day"},
    "routes.col.order": {"fi": "Järjestys", "sv": "Ordning", "en": "Order"},
    "routes.col.time": {"fi": "Aika", "sv": "Tid", "en": "Time"},
    "routes.col.action": {"fi": "Tapahtuma", "sv": "Händelse", "en": "Action"},
    "routes.col.place": {"fi": "Paikka", "sv": "Plats", "en": "Place"},
    "routes.col.clients": {
        "fi": "Asiakkaat (koodit)",
        "sv": "Klienter (koder)",
        "en": "Clients (codes)",
    },
    "routes.pickup": {"fi": "Nouto", "sv": "Hämtning", "en": "Pick-up"},
    "routes.dropoff": {"fi": "Jättö", "sv": "Avstigning", "en": "Drop-off"},
    "routes.run_caption": {
        "fi": "Ajo yhteensä {km} km, {minutes} min.",
        "sv": "Körningen totalt {km} km, {minutes} min.",
        "en": "Run in total {km} km, {minutes} min.",
    },
    "routes.driver": {
        "fi": "Kuljettaja: {name}, vapaa {start}–{end}.",
        "sv": "Förare: {name}, ledig {start}–{end}.",
        "en": "Driver: {name}, free {start}–{end}.",
    },
    "routes.no_driver": {
        "fi": "Kukaan ajokykyinen työntekijä ei ole vapaana {start}–{end}: sovi kuljettaja "
        "tai siirrä ajo.",
        "sv": "Ingen anställd som kör är ledig {start}–{end}: ordna en förare eller flytta "
        "körningen.",
        "en": "No staff member who drives is free {start}–{end}: arrange a driver or move the run.",
    },
    "routes.no_runs": {
        "fi": "Kukaan ei tarvitse työauton kyytiä tässä suunnitelmassa.",
        "sv": "Ingen behöver skjuts med tjänstebilen i den här planen.",
        "en": "Nobody needs a ride in the work car in this plan.",
    },
    "routes.dropped": {
        "fi": "{count} kyytiä jäi työauton ulkopuolelle (ei mahdu aikaan tai paikkoihin).",
        "sv": "{count} skjutsar ryms inte i tjänstebilen (tid eller platser räcker inte).",
        "en": "{count} rides do not fit the work car (time or seats).",
    },
    "routes.offices": {
        "fi": "Tilapäinen toimipiste",
        "sv": "Tillfälligt kontor",
        "en": "Temporary office days",
    },
    "routes.offices_caption": {
        "fi": "Päivät, joina työskentely toisesta toimipisteestä lähempänä ryhmiä säästää "
        "vähintään 20 km (käsikirja: tilapäinen työskentely toisesta toimipisteestä).",
        "sv": "Dagar då arbete från ett annat kontor närmare grupperna sparar minst 20 km "
        "(handboken: tillfälligt arbete från ett annat kontor).",
        "en": "Days when working from another office closer to the groups saves at least "
        "20 km (handbook: temporarily working from another office).",
    },
    "routes.no_offices": {
        "fi": "Toisesta toimipisteestä työskentely ei säästäisi kilometrejä tällä viikolla.",
        "sv": "Arbete från ett annat kontor skulle inte spara kilometer den här veckan.",
        "en": "Working from another office would save no kilometres this week.",
    },
    "routes.col.group": {"fi": "Ryhmä", "sv": "Grupp", "en": "Group"},
    "routes.col.reason": {"fi": "Syy", "sv": "Orsak", "en": "Reason"},
    "routes.col.leg": {"fi": "Matka", "sv": "Resa", "en": "Leg"},
    "routes.leg.to": {"fi": "ryhmään", "sv": "till gruppen", "en": "to the group"},
    "routes.leg.from": {"fi": "kotiin", "sv": "hem", "en": "home"},
    "routes.col.hub": {"fi": "Kohtaamispaikka", "sv": "Mötesplats", "en": "Hub"},
    "routes.col.own_minutes": {
        "fi": "Oma matka (min)",
        "sv": "Egen resa (min)",
        "en": "Own trip (min)",
    },
    "routes.hubs": {
        "fi": "Kohtaamispaikat (solmukohdat)",
        "sv": "Mötesplatser (knutpunkter)",
        "en": "Hubs: clients met on the way",
    },
    "routes.hubs_caption": {
        "fi": "Asiakas kulkee itse joukkoliikenteellä tai kävellen kohtaamispaikkaan, jos "
        "se lyhentää kyytiä (enintään {minutes} min, {source}).",
        "sv": "Klienten tar sig själv med kollektivtrafik eller till fots till mötesplatsen "
        "när det förkortar skjutsen (högst {minutes} min, {source}).",
        "en": "The client gets to the hub on their own by public transport or on foot, where "
        "that shortens the ride (at most {minutes} min, {source}).",
    },
    "routes.travel": {
        "fi": "Matkakorvaus: edullisin kohtuullinen kulkutapa",
        "sv": "Reseersättning: det billigaste rimliga färdsättet",
        "en": "Reimbursement: the cheapest reasonable way",
    },
    "routes.travel_none": {
        "fi": "Suunnitelmassa ei ole asiakkaita ryhmissä, joilla on kokoontumispaikka.",
        "sv": "Planen har inga klienter i grupper med en mötesplats.",
        "en": "The plan has no clients in groups that meet at a venue.",
    },
    "routes.col.mode": {"fi": "Kulkutapa", "sv": "Färdsätt", "en": "Way"},
    "routes.col.one_way_min": {
        "fi": "Yhteen suuntaan (min)",
        "sv": "En väg (min)",
        "en": "One way (min)",
    },
    "routes.col.eur_session": {
        "fi": "€ / kerta (meno-paluu)",
        "sv": "€ / gång (tur och retur)",
        "en": "€ a session (there and back)",
    },
    "routes.col.reasonable": {
        "fi": "Kohtuullinen",
        "sv": "Rimligt",
        "en": "Reasonable",
    },
    "routes.yes": {"fi": "kyllä", "sv": "ja", "en": "yes"},
    "routes.no": {"fi": "ei", "sv": "nej", "en": "no"},
    "routes.mode.transit": {
        "fi": "joukkoliikenne",
        "sv": "kollektivtrafik",
        "en": "public transport",
    },
    "routes.mode.car": {"fi": "oma auto", "sv": "egen bil", "en": "own car"},
    "routes.mode.ride": {
        "fi": "työauton kyyti",
        "sv": "skjuts med tjänstebilen",
        "en": "a ride in the work car",
    },
    "routes.travel_best": {
        "fi": "Edullisin kohtuullinen: {mode}, {minutes} min, noin {eur} € kerralta.",
        "sv": "Billigast rimliga: {mode}, {minutes} min, cirka {eur} € per gång.",
        "en": "Cheapest reasonable: {mode}, {minutes} min, about {eur} € a session.",
    },
    "routes.travel_no_reasonable": {
        "fi": "Mikään kulkutapa ei mahdu asiakkaan matka-aikarajaan.",
        "sv": "Inget färdsätt ryms inom klientens gräns för restid.",
        "en": "No way fits within the client's travel time limit.",
    },
    "routes.travel_caption": {
        "fi": "Matkakulut korvataan edullisimman kulkutavan mukaan ({source}). "
        "Lippuhinnat ovat arvioita; oma auto verovapaan kilometrikorvauksen mukaan.",
        "sv": "Resekostnader ersätts enligt det billigaste färdsättet ({source}). "
        "Biljettpriserna är uppskattningar; egen bil enligt skattefri "
        "kilometerersättning.",
        "en": "Travel costs are reimbursed by the cheapest way ({source}). "
        "Ticket prices are estimates; own car at the tax-free kilometre rate.",
    },
    "routes.col.base": {"fi": "Oma toimipiste", "sv": "Eget kontor", "en": "Base"},
    "routes.col.office": {
        "fi": "Ehdotettu toimipiste",
        "sv": "Föreslaget kontor",
        "en": "Suggested office",
    },
    "routes.col.km_base": {
        "fi": "km omasta",
        "sv": "km från eget",
        "en": "km from base",
    },
    "routes.col.km_office": {
        "fi": "km ehdotetusta",
        "sv": "km från föreslaget",
        "en": "km from office",
    },
    "routes.col.saved": {"fi": "Säästö (km)", "sv": "Besparing (km)", "en": "Saved (km)"},
    "routes.allowance": {
        "fi": "Kilometrikorvaukset",
        "sv": "Kilometerersättningar",
        "en": "Kilometre allowance",
    },
    "routes.col.eur": {"fi": "€", "sv": "€", "en": "€"},
    "routes.no_allowance": {
        "fi": "Kukaan ei aja omalla autolla tässä suunnitelmassa.",
        "sv": "Ingen kör med egen bil i den här planen.",
        "en": "Nobody drives their own car in this plan.",
    },
    "routes.allowance_caption": {
        "fi": "Omalla autolla ajavien viikon korvaus, {rate} €/km (Verohallinnon verovapaa "
        "kilometrikorvaus).",
        "sv": "Veckans ersättning för dem som kör egen bil, {rate} €/km (Skatteförvaltningens "
        "skattefria kilometerersättning).",
        "en": "The week's allowance for staff driving their own car, {rate} €/km (the Tax "
        "Administration's tax-free kilometre allowance).",
    },
    # --- audit trail ---
    "nav.audit": {"fi": "Muutoshistoria", "sv": "Ändringslogg", "en": "Audit trail"},
    "audit.title": {"fi": "Muutoshistoria", "sv": "Ändringslogg", "en": "Audit trail"},
    "audit.intro": {
        "fi": "Jokainen tuonti, suunnitelman tallennus, julkaisu, ilmoittautuminen, peruutus ja "
        "syötteen muutos, uusin ensin (enintään {limit}). Merkintöjä ei voi muuttaa.",
        "sv": "Varje import, sparad plan, publicering, anmälan, avbokning och ändring av flöden, "
        "nyaste först (högst {limit}). Posterna kan inte ändras.",
        "en": "Every import, plan save, publication, enrolment, cancellation and feed change, "
        "newest first (at most {limit}). Entries cannot be changed.",
    },
    "audit.empty": {
        "fi": "Muutoshistoria on tyhjä.",
        "sv": "Ändringsloggen är tom.",
        "en": "The audit trail is empty.",
    },
    "audit.all": {"fi": "Kaikki", "sv": "Alla", "en": "All"},
    "audit.col.at": {"fi": "Aika", "sv": "Tid", "en": "Time"},
    "audit.col.actor": {"fi": "Kuka", "sv": "Vem", "en": "Who"},
    "audit.col.action": {"fi": "Mitä", "sv": "Vad", "en": "What"},
    "audit.col.detail": {"fi": "Tiedot", "sv": "Uppgifter", "en": "Details"},
    # --- dashboard ---
    "nav.dashboard": {
        "fi": "Kattavuus ja kuormitus",
        "sv": "Täckning och belastning",
        "en": "Coverage and load",
    },
    "dash.title": {
        "fi": "Tavoittaako tarjonta kaikki?",
        "sv": "Når utbudet alla?",
        "en": "Does the offering reach everyone?",
    },
    "dash.intro": {
        "fi": "Kausi **{season}**, suunnitelma nro {plan_id}. Matka-ajat ovat arvioita "
        "(linnuntie × tiekerroin, kulkutavan nopeus).",
        "sv": "Säsong **{season}**, plan nr {plan_id}. Restiderna är uppskattningar "
        "(fågelvägen × vägfaktor, färdsättets hastighet).",
        "en": "Season **{season}**, plan no. {plan_id}. Travel times are estimates "
        "(straight line × road factor, speed of the way of travelling).",
    },
    "dash.no_plan": {
        "fi": "Kaudella {season} ei ole vielä suunnitelmaa.",
        "sv": "Säsongen {season} har ingen plan ännu.",
        "en": "Season {season} has no plan yet.",
    },
    "dash.coverage": {
        "fi": "Kattavuus kunnittain",
        "sv": "Täckning per kommun",
        "en": "Coverage by municipality",
    },
    "dash.seats": {
        "fi": "Paikkoja 10 000 asukasta kohden",
        "sv": "Platser per 10 000 invånare",
        "en": "Seats per 10,000 residents",
    },
    "dash.languages": {
        "fi": "Ruotsinkieliset asiakkaat ja ryhmät",
        "sv": "Svenskspråkiga klienter och grupper",
        "en": "Swedish-speaking clients and groups",
    },
    "dash.travel": {
        "fi": "Asiakkaiden matkat kulkutavoittain",
        "sv": "Klienternas resor per färdsätt",
        "en": "Clients' trips by way of travelling",
    },
    "dash.load": {
        "fi": "Henkilöstön kuormitus",
        "sv": "Personalens belastning",
        "en": "Staff load",
    },
    "dash.load_caption": {
        "fi": "Palkki: viikon ryhmätunnit (sis. {allowance} min ennen ja jälkeen); punainen "
        "viiva: työntekijän enimmäismäärä. Tasaisuus: {low}–{high} enimmäismäärästä, "
        "mediaani {median}.",
        "sv": "Stapel: veckans grupptimmar (inkl. {allowance} min före och efter); röd linje: "
        "den anställdas maximum. Jämnhet: {low}–{high} av maximum, median {median}.",
        "en": "Bar: the week's group hours (incl. {allowance} min before and after); red "
        "line: the person's cap. Spread: {low}–{high} of the cap, median {median}.",
    },
    "dash.map": {
        "fi": "Ryhmässä olevien osuus kunnittain",
        "sv": "Andel i grupp per kommun",
        "en": "Share of clients placed, by municipality",
    },
    "dash.map_caption": {
        "fi": "Vihreä: lähes kaikki asiakkaat ryhmässä; punainen: harva. Koko: asiakkaita.",
        "sv": "Grönt: nästan alla klienter i grupp; rött: få. Storlek: klienter.",
        "en": "Green: nearly every client placed; red: few. Size: clients.",
    },
    "dash.map_tip": {
        "fi": "{name}: {placed}/{clients} asiakasta ryhmässä, {groups} ryhmää, {seats} paikkaa",
        "sv": "{name}: {placed}/{clients} klienter i grupp, {groups} grupper, {seats} platser",
        "en": "{name}: {placed}/{clients} clients placed, {groups} groups, {seats} seats",
    },
    "dash.left_out": {
        "fi": "Ulkopuolelle jääneet ja syyt",
        "sv": "De som blev utanför, och varför",
        "en": "Left out, and why",
    },
    "dash.unscheduled": {
        "fi": "Ryhmät ilman aikaa ({n})",
        "sv": "Grupper utan tid ({n})",
        "en": "Groups not scheduled ({n})",
    },
    "dash.unplaced": {
        "fi": "Asiakkaat ilman ryhmää ({n})",
        "sv": "Klienter utan grupp ({n})",
        "en": "Clients without a group ({n})",
    },
    "dash.download": {
        "fi": "Lataa kauden raportti (Excel)",
        "sv": "Ladda ner säsongsrapporten (Excel)",
        "en": "Download the season report (Excel)",
    },
    "dash.series": {"fi": "Sarja", "sv": "Serie", "en": "Series"},
    "dash.share": {"fi": "Osuus", "sv": "Andel", "en": "Share"},
    "dash.minutes": {"fi": "Minuuttia", "sv": "Minuter", "en": "Minutes"},
    "dash.hours_axis": {
        "fi": "Ryhmätunteja viikossa",
        "sv": "Grupptimmar per vecka",
        "en": "Group hours a week",
    },
    # --- sign-in and roles ---
    "nav.groups": {"fi": "Omat ryhmät", "sv": "Mina grupper", "en": "My groups"},
    "auth.please_sign_in": {
        "fi": "Kirjaudu sisään hyvinvointialueen tunnuksilla.",
        "sv": "Logga in med välfärdsområdets användarkonto.",
        "en": "Sign in with your wellbeing services county account.",
    },
    "auth.sign_in": {"fi": "Kirjaudu sisään", "sv": "Logga in", "en": "Sign in"},
    "auth.sign_out": {"fi": "Kirjaudu ulos", "sv": "Logga ut", "en": "Sign out"},
    "auth.not_configured": {
        "fi": "Kirjautumista ei ole määritetty. Lisää [auth]-osio tiedostoon "
        ".streamlit/secrets.toml (ks. README, Kirjautuminen ja roolit), tai käynnistä "
        "yhden käyttäjän esittelytila: {env}=1.",
        "sv": "Inloggningen är inte konfigurerad. Lägg till avsnittet [auth] i "
        ".streamlit/secrets.toml (se README, Inloggning och roller), eller starta "
        "enanvändarläget för demonstration: {env}=1.",
        "en": "Sign-in is not configured. Add an [auth] section to .streamlit/secrets.toml "
        "(see the README, Sign-in and roles), or start the single-user demo mode: {env}=1.",
    },
    "auth.bad_settings": {
        "fi": "Kirjautumisen rooliasetuksissa on virhe: {reason}",
        "sv": "Fel i inloggningens rollinställningar: {reason}",
        "en": "The sign-in role settings are wrong: {reason}",
    },
    "auth.no_role": {
        "fi": "Tunnuksella {user} ei ole roolia tässä sovelluksessa. Pyydä koordinaattoria "
        "lisäämään sinulle rooli (koordinaattori, työntekijä, ohjaaja tai lukuoikeus).",
        "sv": "Kontot {user} har ingen roll i appen. Be koordinatorn ge dig en roll "
        "(koordinator, arbetare, ledare eller läsbehörighet).",
        "en": "The account {user} has no role in this app. Ask the coordinator for one "
        "(coordinator, worker, leader or read-only).",
    },
    "auth.not_allowed": {
        "fi": "Roolisi ei salli tätä.",
        "sv": "Din roll tillåter inte detta.",
        "en": "Your role does not allow this.",
    },
    "auth.no_access_token": {
        "fi": "Roolien tarkistus palveluntarjoajalta tarvitsee kirjautumisen "
        'käyttöoikeustunnuksen: lisää [auth]-osioon expose_tokens = ["access"] (ks. README, '
        "Kirjautuminen ja roolit).",
        "sv": "Kontrollen av rollerna hos leverantören behöver inloggningens åtkomsttoken: "
        'lägg till expose_tokens = ["access"] i avsnittet [auth] (se README, Inloggning och '
        "roller).",
        "en": "Re-checking roles with the provider needs the sign-in's access token: add "
        'expose_tokens = ["access"] to the [auth] section (see the README, Sign-in and roles).',
    },
    "auth.access_ended": {
        "fi": "Kirjautumisesi ei ole enää voimassa: tunnus tai sen oikeudet on poistettu tai "
        "kirjautuminen on vanhentunut. Kirjaudu uudelleen.",
        "sv": "Din inloggning gäller inte längre: kontot eller dess behörighet har tagits bort "
        "eller inloggningen har gått ut. Logga in på nytt.",
        "en": "Your sign-in is no longer valid: the account or its access was removed, or the "
        "sign-in has expired. Sign in again.",
    },
    "auth.provider_unreachable": {
        "fi": "Oikeuksiasi ei voitu tarkistaa kirjautumispalvelusta juuri nyt, joten mitään ei "
        "tallennettu. Yritä hetken päästä uudelleen.",
        "sv": "Din behörighet kunde inte kontrolleras hos inloggningstjänsten just nu, så "
        "inget sparades. Försök igen om en stund.",
        "en": "Your access could not be checked with the sign-in service just now, so nothing "
        "was saved. Try again in a moment.",
    },
    "auth.roles_changed": {
        "fi": "Roolisi ovat muuttuneet kirjautumisen jälkeen, joten mitään ei tallennettu. "
        "Sivu näyttää nyt nykyisen roolisi mukaiset toiminnot.",
        "sv": "Dina roller har ändrats sedan inloggningen, så inget sparades. Sidan visar nu "
        "det som din nuvarande roll tillåter.",
        "en": "Your roles have changed since you signed in, so nothing was saved. The page now "
        "shows what your current role allows.",
    },
    "auth.sign_in_again": {
        "fi": "Kirjaudu uudelleen",
        "sv": "Logga in på nytt",
        "en": "Sign in again",
    },
    "auth.single_user": {
        "fi": "Yhden käyttäjän esittelytila: ei kirjautumista.",
        "sv": "Enanvändarläge för demonstration: ingen inloggning.",
        "en": "Single-user demo mode: no sign-in.",
    },
    "auth.signed_in_as": {
        "fi": "Kirjautunut: {user} ({role})",
        "sv": "Inloggad: {user} ({role})",
        "en": "Signed in: {user} ({role})",
    },
    "role.coordinator": {"fi": "koordinaattori", "sv": "koordinator", "en": "coordinator"},
    "role.worker": {"fi": "työntekijä", "sv": "arbetare", "en": "worker"},
    "role.leader": {"fi": "ryhmänohjaaja", "sv": "gruppledare", "en": "group leader"},
    "role.read_only": {"fi": "lukuoikeus", "sv": "läsbehörighet", "en": "read-only"},
    "find.ask_coordinator_to_publish": {
        "fi": "Uusin suunnitelma ei ole vielä ilmoittautumisten pohjana; koordinaattori "
        "julkaisee sen.",
        "sv": "Den senaste planen är ännu inte öppen för anmälan; koordinatorn publicerar den.",
        "en": "The newest plan is not open for enrolment yet; the coordinator publishes it.",
    },
    # --- my groups (leaders) ---
    "groups.title": {"fi": "Omat ryhmät", "sv": "Mina grupper", "en": "My groups"},
    "groups.not_published": {
        "fi": "Tarjontaa ei ole vielä julkaistu; ryhmät näkyvät täällä julkaisun jälkeen.",
        "sv": "Utbudet har inte publicerats ännu; grupperna syns här efter publiceringen.",
        "en": "The offering is not published yet; your groups show here once it is.",
    },
    "groups.no_staff_id": {
        "fi": "Kirjautumisesi ei kerro henkilöstötunnustasi (staff_id), joten ryhmiäsi ei "
        "löydy. Pyydä ylläpitoa lisäämään se tunnukseesi.",
        "sv": "Din inloggning anger inte ditt personal-id (staff_id), så dina grupper kan inte "
        "hittas. Be administratören lägga till det.",
        "en": "Your sign-in carries no staff id (staff_id), so your groups cannot be found. "
        "Ask the administrator to add it to your account.",
    },
    "groups.none": {
        "fi": "Et ohjaa julkaistussa tarjonnassa yhtään ryhmää.",
        "sv": "Du leder ingen grupp i det publicerade utbudet.",
        "en": "You lead no group in the published offering.",
    },
    "groups.group": {"fi": "Ryhmä", "sv": "Grupp", "en": "Group"},
    "groups.remote": {"fi": "etänä", "sv": "på distans", "en": "remote"},
    "groups.participants": {
        "fi": "Osallistujat ({n}/{max})",
        "sv": "Deltagare ({n}/{max})",
        "en": "Participants ({n}/{max})",
    },
    "groups.waiting": {"fi": "Jonossa ({n})", "sv": "I kö ({n})", "en": "Waiting list ({n})"},
    "groups.col.client": {"fi": "Asiakaskoodi", "sv": "Klientkod", "en": "Client code"},
    "groups.col.mode": {"fi": "Osallistuu", "sv": "Deltar", "en": "Takes part"},
    "groups.mode.on_site": {"fi": "paikan päällä", "sv": "på plats", "en": "on site"},
    "groups.mode.remote": {"fi": "etänä", "sv": "på distans", "en": "remotely"},
    "groups.col.since": {"fi": "Jonossa alkaen", "sv": "I kö sedan", "en": "Waiting since"},
    "groups.attendance": {"fi": "Läsnäolot", "sv": "Närvaro", "en": "Attendance"},
    "groups.session": {"fi": "Tapaamiskerta", "sv": "Träff", "en": "Session"},
    "groups.record": {
        "fi": "Tallenna läsnäolot",
        "sv": "Spara närvaron",
        "en": "Record attendance",
    },
    "groups.drop_in_help": {
        "fi": "Avoin pop up -ryhmä: kirjaa joka kerralta kävijämäärä, ei nimiä.",
        "sv": "Öppen pop up-grupp: anteckna antalet besökare varje gång, inga namn.",
        "en": "Drop-in pop-up group: record how many came to each session, not names.",
    },
    "groups.visitors": {"fi": "Kävijöitä", "sv": "Besökare", "en": "Visitors"},
    "groups.record_count": {
        "fi": "Tallenna kävijämäärä",
        "sv": "Spara antalet besökare",
        "en": "Record the head count",
    },
    "groups.visitors_help": {
        "fi": "Montako tuli tälle kerralle: 0–{max}.",
        "sv": "Hur många som kom till träffen: 0–{max}.",
        "en": "How many came to this session: 0-{max}.",
    },
    "groups.count_refused": {
        "fi": "Kävijämäärä {n} ei käy: kirjaa 0–{max}. Mitään ei tallennettu.",
        "sv": "Antalet besökare {n} går inte: anteckna 0–{max}. Inget sparades.",
        "en": "A head count of {n} cannot be right: record 0-{max}. Nothing was saved.",
    },
    "groups.count_recorded": {
        "fi": "Tallennettu {day}: {n} kävijää.",
        "sv": "Sparat {day}: {n} besökare.",
        "en": "Recorded {day}: {n} visitors.",
    },
    "groups.recorded": {
        "fi": "Tallennettu {day}: {present} paikalla, {absent} poissa.",
        "sv": "Sparat {day}: {present} närvarande, {absent} frånvarande.",
        "en": "Recorded {day}: {present} present, {absent} absent.",
    },
    "groups.summary": {
        "fi": "Yhteenveto asiakkaan ryhmäjaksosta",
        "sv": "Sammanfattning av klientens gruppperiod",
        "en": "Summary of the client's group period",
    },
    "groups.summary_help": {
        "fi": "Omatyöntekijän loppuarviointia varten. Ei näy kalentereissa eikä muutoshistoriassa.",
        "sv": "För den egna arbetarens slututvärdering. Syns inte i kalendrar eller i loggen.",
        "en": "For the counsellor's final evaluation. Never in calendars or the audit trail.",
    },
    "groups.save_summary": {
        "fi": "Tallenna yhteenveto",
        "sv": "Spara sammanfattningen",
        "en": "Save the summary",
    },
    "groups.summary_saved": {
        "fi": "Yhteenveto tallennettu ({code}).",
        "sv": "Sammanfattningen har sparats ({code}).",
        "en": "Summary saved ({code}).",
    },
    # --- dated changes (planner.store.changes): why a change is refused, and the forms ---
    "change.refused.unknown_group": {
        "fi": "Kaudella ei ole ryhmää {group}.",
        "sv": "Säsongen har ingen grupp {group}.",
        "en": "The season has no group {group}.",
    },
    "change.refused.unknown_venue": {
        "fi": "Kaudella ei ole toimipaikkaa {venue}.",
        "sv": "Säsongen har ingen verksamhetsplats {venue}.",
        "en": "The season has no venue {venue}.",
    },
    "change.refused.unknown_person": {
        "fi": "Kaudella ei ole työntekijää tai kumppania {person}.",
        "sv": "Säsongen har ingen anställd eller partner {person}.",
        "en": "The season has no staff member or partner {person}.",
    },
    "change.refused.unknown_change": {
        "fi": "Muutosta {id} ei ole (tai se on jo poistettu).",
        "sv": "Ändring {id} finns inte (eller är redan borttagen).",
        "en": "There is no change {id} (or it was already removed).",
    },
    "change.refused.not_published_season": {
        "fi": "Kauden tarjontaa ei ole vielä julkaistu.",
        "sv": "Säsongens utbud har inte publicerats ännu.",
        "en": "The season's offering has not been published yet.",
    },
    "change.refused.not_published": {
        "fi": "Ryhmä {group} ei ole julkaistussa tarjonnassa.",
        "sv": "Gruppen {group} finns inte i det publicerade utbudet.",
        "en": "Group {group} is not in the published offering.",
    },
    "change.refused.not_a_session": {
        "fi": "Ryhmällä {group} ei ole tapaamiskertaa {date} (ei sen viikonpäivä tai jakso, "
        "pyhäpäivä tai suljettu).",
        "sv": "Gruppen {group} har ingen träff {date} (inte dess veckodag eller period, "
        "en helgdag eller stängt).",
        "en": "Group {group} has no session on {date} (not its weekday or term, a public "
        "holiday, or closed).",
    },
    "change.refused.twice": {
        "fi": "Ryhmän {group} tapaamiskertaa {date} on jo muutettu (muutos {id}).",
        "sv": "Gruppens {group} träff {date} är redan ändrad (ändring {id}).",
        "en": "The session of {group} on {date} is already changed (change {id}).",
    },
    "change.refused.dst_gap": {
        "fi": "Aikaa {start} ei ole Suomen aikaa (kellot siirretään eteenpäin).",
        "sv": "Tiden {start} finns inte i finsk tid (klockan ställs fram).",
        "en": "The time {start} does not exist in Helsinki (the clocks go forward).",
    },
    "change.refused.dst_fold": {
        "fi": "Aika {start} esiintyy kahdesti Suomen aikaa (kellot siirretään taaksepäin).",
        "sv": "Tiden {start} förekommer två gånger i finsk tid (klockan ställs tillbaka).",
        "en": "The time {start} occurs twice in Helsinki (the clocks go back).",
    },
    "change.refused.weekend": {
        "fi": "Tapaamiskertaa ei voi siirtää viikonloppuun ({start}): ryhmät kokoontuvat ma–pe.",
        "sv": "En träff kan inte flyttas till en helg ({start}): grupperna träffas mån–fre.",
        "en": "A session cannot move to a weekend ({start}): groups meet Monday to Friday.",
    },
    "change.refused.past_midnight": {
        "fi": "Siirretty tapaamiskerta ({start}) päättyisi vasta seuraavana päivänä.",
        "sv": "Den flyttade träffen ({start}) skulle sluta först nästa dag.",
        "en": "The moved session ({start}) would end on the next day.",
    },
    "change.refused.holiday": {
        "fi": "{date} on arkipyhä: tapaamiskertaa ei voi siirtää sille.",
        "sv": "{date} är en helgdag: träffen kan inte flyttas dit.",
        "en": "{date} is a public holiday: the session cannot move there.",
    },
    "change.refused.onto_session": {
        "fi": "Ryhmällä {group} on jo tapaamiskerta {date}.",
        "sv": "Gruppen {group} har redan en träff {date}.",
        "en": "Group {group} already has a session on {date}.",
    },
    "change.refused.ends_before": {
        "fi": "Viimeinen päivä {last} on ennen ensimmäistä päivää {first}.",
        "sv": "Sista dagen {last} är före första dagen {first}.",
        "en": "The last day {last} is before the first day {first}.",
    },
    "change.refused.not_a_leader": {
        "fi": "{person} ei ole kauden työntekijä tai kumppani, joten ei voi ohjata ryhmää.",
        "sv": "{person} är inte säsongens anställd eller partner och kan inte leda gruppen.",
        "en": "{person} is not a staff member or partner of the season, so cannot lead.",
    },
    "change.refused.already_leads": {
        "fi": "{person} ohjaa jo ryhmää {group}.",
        "sv": "{person} leder redan gruppen {group}.",
        "en": "{person} already leads group {group}.",
    },
    "change.refused.which_leader": {
        "fi": "Ryhmällä {group} on useampi ohjaaja ({leaders}): kerro, kenen sijainen.",
        "sv": "Gruppen {group} har flera ledare ({leaders}): ange vems vikarie.",
        "en": "Group {group} has several leaders ({leaders}): say whom the substitute replaces.",
    },
    "change.refused.not_leader_of_group": {
        "fi": "{person} ei ohjaa ryhmää {group}.",
        "sv": "{person} leder inte gruppen {group}.",
        "en": "{person} does not lead group {group}.",
    },
    "change.refused.overlap": {
        "fi": "Ryhmän {group} ohjaajalla {person} on jo sijainen osin samoina päivinä "
        "(muutos {id}).",
        "sv": "Gruppens {group} ledare {person} har redan en vikarie delvis samma dagar "
        "(ändring {id}).",
        "en": "{person} of group {group} already has a substitute on some of these days "
        "(change {id}).",
    },
    "change.refused.note_too_long": {
        "fi": "Huomautus on liian pitkä (enintään {max} merkkiä).",
        "sv": "Anteckningen är för lång (högst {max} tecken).",
        "en": "The note is too long (at most {max} characters).",
    },
    "groups.changes": {
        "fi": "Peruutukset ja siirrot",
        "sv": "Inställda och flyttade träffar",
        "en": "Cancelled and moved sessions",
    },
    "groups.changes_none": {
        "fi": "Ryhmällä ei ole päivättyjä muutoksia.",
        "sv": "Gruppen har inga daterade ändringar.",
        "en": "The group has no dated changes.",
    },
    "groups.change_session": {
        "fi": "Muutettava kerta",
        "sv": "Träffen som ändras",
        "en": "Session to change",
    },
    "groups.change_kind": {"fi": "Muutos", "sv": "Ändring", "en": "Change"},
    "groups.change_kind.cancel": {"fi": "Peru kerta", "sv": "Ställ in", "en": "Cancel"},
    "groups.change_kind.move": {"fi": "Siirrä kerta", "sv": "Flytta", "en": "Move"},
    "groups.new_date": {"fi": "Uusi päivä", "sv": "Nytt datum", "en": "New date"},
    "groups.new_time": {"fi": "Uusi alkamisaika", "sv": "Ny starttid", "en": "New start time"},
    "groups.change_note": {
        "fi": "Huomautus (valinnainen)",
        "sv": "Anteckning (valfri)",
        "en": "Note (optional)",
    },
    "groups.change_note_help": {
        "fi": "Enintään 200 merkkiä, esim. ”tila varattu”. Älä kirjoita asiakastietoja: "
        "huomautus näkyy kaikille, jotka näkevät muutokset.",
        "sv": "Högst 200 tecken, t.ex. ”lokalen bokad”. Skriv inga klientuppgifter: "
        "anteckningen syns för alla som ser ändringarna.",
        "en": 'At most 200 characters, e.g. "room booked". Never write client data: '
        "everyone who sees the changes sees the note.",
    },
    "groups.change_save": {"fi": "Tallenna muutos", "sv": "Spara ändringen", "en": "Save change"},
    "groups.change_saved": {
        "fi": "Muutos tallennettu: {what}",
        "sv": "Ändringen har sparats: {what}",
        "en": "Change saved: {what}",
    },
    "groups.change_removed": {
        "fi": "Muutos poistettu: {what}",
        "sv": "Ändringen har tagits bort: {what}",
        "en": "Change removed: {what}",
    },
    "groups.col.change": {"fi": "Muutos", "sv": "Ändring", "en": "Change"},
    "groups.col.note": {"fi": "Huomautus", "sv": "Anteckning", "en": "Note"},
    "groups.col.by": {"fi": "Kirjannut", "sv": "Registrerad av", "en": "Recorded by"},
    "groups.season_changes": {
        "fi": "Sulkemiset ja poissaolot (koordinaattori)",
        "sv": "Stängningar och frånvaro (koordinator)",
        "en": "Closures and absences (coordinator)",
    },
    "groups.season_change_kind.closure": {
        "fi": "Sulkeminen",
        "sv": "Stängning",
        "en": "Closure",
    },
    "groups.season_change_kind.absence": {
        "fi": "Poissaolo",
        "sv": "Frånvaro",
        "en": "Absence",
    },
    "groups.change_from": {"fi": "Alkaen", "sv": "Från", "en": "From"},
    "groups.change_to": {"fi": "Päättyen", "sv": "Till", "en": "To"},
    "groups.change_venue": {"fi": "Toimipaikka", "sv": "Verksamhetsplats", "en": "Venue"},
    "groups.change_all_venues": {
        "fi": "Kaikki toimipaikat",
        "sv": "Alla verksamhetsplatser",
        "en": "All venues",
    },
    "groups.change_person": {
        "fi": "Työntekijä tai kumppani",
        "sv": "Anställd eller partner",
        "en": "Staff member or partner",
    },
    "groups.change_remove": {
        "fi": "Poista muutos",
        "sv": "Ta bort ändringen",
        "en": "Remove the change",
    },
}
