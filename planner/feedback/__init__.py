"""Feedback from groups (handbook l. 527, 529): an anonymous form per group after THL's
national client-feedback measure, answered on a phone through a round's link or on paper,
and its results, shown only from `rules.FEEDBACK_MIN_ANSWERS` answers on.

    from planner.feedback.rounds import open_round
    from planner.feedback.paper import feedback_form_pdf
    from planner.feedback.results import season_results

    new = open_round(store, "G-001", actor="anna")      # the link: new.url()
    pdf = feedback_form_pdf("Luontoryhmä", "fi", new.url(lang="fi"))
    table = season_results(store)                       # per group and the whole season

`answers` reads and summarises answers (no store, no SQL), `rounds` makes the rounds' tokens
and links, `results` the results per group and season, `page` the HTML form that `planner
serve` answers with, `paper` the printable form and `qr` the QR code. The tables live in
`planner.store.feedback`. The package's own modules are imported one by one: the store reads
`answers`, and this package reads the store.
"""
