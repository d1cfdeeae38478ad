"""Texts of a solve run on the Plan page (`planner.solve_runs`, `planner.store.solve_runs`):
who started it, its progress in plain words, Stop, and how it ended."""

TEXTS: dict[str, dict[str, str]] = {
    "run.refused.busy": {
        "fi": "Tämän kauden suunnittelu on jo käynnissä (aloittaja {who}). Odota sen "
        "valmistumista tai pysäytä se.",
        "sv": "En planering av den här säsongen pågår redan (startad av {who}). Vänta tills "
        "den är klar eller stoppa den.",
        "en": "A planning run of this season is already under way (started by {who}). Wait "
        "for it to finish, or stop it.",
    },
    "run.refused.active": {
        "fi": "Suunnittelu on yhä käynnissä: pysäytä se ensin.",
        "sv": "Planeringen pågår fortfarande: stoppa den först.",
        "en": "The run is still under way: stop it first.",
    },
    "run.refused.closed": {
        "fi": "Tämä tulos on jo tallennettu tai hylätty.",
        "sv": "Det här resultatet har redan sparats eller förkastats.",
        "en": "This result has already been saved or discarded.",
    },
    "run.refused.no_plan": {
        "fi": "Suunnittelussa ei syntynyt tallennettavaa suunnitelmaa.",
        "sv": "Planeringen gav ingen plan att spara.",
        "en": "The run has no plan to save.",
    },
    "run.started": {
        "fi": "Aloittanut {who} {at}, aikaraja {limit} s.",
        "sv": "Startad av {who} {at}, tidsgräns {limit} s.",
        "en": "Started by {who} at {at}, time limit {limit} s.",
    },
    "run.progress.none": {
        "fi": "Suunnitelmaa ei ole vielä löytynyt: laskenta rakentaa mallia tai etsii "
        "ensimmäistä ratkaisua.",
        "sv": "Ingen plan har hittats ännu: beräkningen bygger modellen eller söker den "
        "första lösningen.",
        "en": "No plan found yet: the solver is building its model or looking for a first "
        "solution.",
    },
    "run.progress.found": {
        "fi": "Löydettyjä suunnitelmia tähän mennessä: {n}. Paras niistä on enintään {gap} "
        "parhaasta mahdollisesta tässä vaiheessa.",
        "sv": "Planer som hittats hittills: {n}. Den bästa av dem är högst {gap} från den "
        "bästa möjliga i det här steget.",
        "en": "Plans found so far: {n}. The best of them is at most {gap} from the best "
        "possible in this stage.",
    },
    "run.progress.best": {
        "fi": "Löydettyjä suunnitelmia tähän mennessä: {n}. Paras niistä on tämän vaiheen "
        "paras mahdollinen.",
        "sv": "Planer som hittats hittills: {n}. Den bästa av dem är den bästa möjliga i det "
        "här steget.",
        "en": "Plans found so far: {n}. The best of them is the best possible in this stage.",
    },
    "run.stop": {"fi": "Pysäytä", "sv": "Stoppa", "en": "Stop"},
    "run.stop.help": {
        "fi": "Lopettaa haun nyt; tähän mennessä paras suunnitelma jää tulokseksi.",
        "sv": "Avslutar sökningen nu; den bästa planen hittills blir resultatet.",
        "en": "Ends the search now; the best plan so far becomes the result.",
    },
    "run.stopping": {
        "fi": "Pysäytetään ({who} pyysi pysäytystä). Tähän mennessä paras suunnitelma "
        "jää tulokseksi.",
        "sv": "Stoppar ({who} bad om stopp). Den bästa planen hittills blir resultatet.",
        "en": "Stopping ({who} asked for it). The best plan so far becomes the result.",
    },
    "run.finished": {
        "fi": "Suunnittelu valmistui {at} (aloittaja {who}).",
        "sv": "Planeringen blev klar {at} (startad av {who}).",
        "en": "The run finished at {at} (started by {who}).",
    },
    "run.stopped_by": {
        "fi": "{who} pysäytti suunnittelun {at}: tämä on paras siihen mennessä löytynyt "
        "suunnitelma.",
        "sv": "{who} stoppade planeringen {at}: det här är den bästa plan som hittats dittills.",
        "en": "Stopped by {who} at {at}: this is the best plan found by then.",
    },
    "run.interrupted": {
        "fi": "Suunnittelu, jonka {who} aloitti {at}, keskeytyi: laskenta lakkasi "
        "vastaamasta (esimerkiksi palvelin käynnistettiin uudelleen). Mitään ei "
        "tallennettu; aloita uusi suunnittelu.",
        "sv": "Planeringen som {who} startade {at} avbröts: beräkningen slutade svara "
        "(servern startades till exempel om). Inget sparades; starta en ny planering.",
        "en": "The run {who} started at {at} was interrupted: its worker stopped answering "
        "(the server was restarted, say). Nothing was saved; start a new run.",
    },
    "run.no_plan.UNKNOWN": {
        "fi": "Aikarajan sisällä ei löytynyt suunnitelmaa. Kokeile pidempää aikaa.",
        "sv": "Ingen plan hittades inom tidsgränsen. Prova en längre tid.",
        "en": "No plan was found within the time limit. Try a longer time.",
    },
    "run.no_plan.INFEASIBLE": {
        "fi": "Kauden säännöt eivät jätä yhdellekään ryhmälle mahdollista aikaa, paikkaa ja "
        "ohjaajia. Lisäaika ei auta: tarkista tiedot (ohjaajien päivät, tilojen "
        "aukioloajat) alla olevista syistä.",
        "sv": "Säsongens regler lämnar ingen grupp någon möjlig tid, lokal och ledare. Mer "
        "tid hjälper inte: kontrollera uppgifterna (ledarnas dagar, lokalernas öppettider) "
        "utifrån orsakerna nedan.",
        "en": "The season's rules leave no group a possible time, venue and leaders. More "
        "time will not help: check the data (leaders' days, venues' hours) against the "
        "reasons below.",
    },
    "run.no_plan.MODEL_INVALID": {
        "fi": "Laskenta ei voinut käsitellä malliaan: vika on suunnittelijassa, ei kauden "
        "tiedoissa. Kerro ylläpidolle.",
        "sv": "Beräkningen kunde inte hantera sin modell: felet ligger i planeraren, inte i "
        "säsongens data. Meddela underhållet.",
        "en": "The solver could not handle its model: the fault is in the planner, not in "
        "the season's data. Tell the maintainers.",
    },
    "run.no_plan.stopped": {
        "fi": "Suunnittelu pysäytettiin ennen kuin suunnitelma löytyi. Aloita uusi "
        "suunnittelu ja anna sen jatkua pidempään.",
        "sv": "Planeringen stoppades innan en plan hittades. Starta en ny planering och låt "
        "den fortsätta längre.",
        "en": "The run was stopped before a plan was found. Start a new run and let it go on "
        "longer.",
    },
}
