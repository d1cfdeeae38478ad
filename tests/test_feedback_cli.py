"""The paper feedback form and `planner feedback`: the A4 PDF read back in fi and sv (its
questions, boxes' numbers, lines, the round's link as text and as a QR code of exactly that
link), and the commands that open and close rounds, print the form and show the results,
with a bad `--out` path one clear line and no traceback."""

from __future__ import annotations

import io
import json
from collections.abc import Iterator
from pathlib import Path

import pytest
import segno
from PIL import Image
from pypdf import PdfReader
from toys import SUMMARY, toy_plan, toy_season

from planner.cli.main import main
from planner.feedback.answers import SCALES, Answer
from planner.feedback.paper import feedback_form_pdf
from planner.feedback.qr import qr_matrix, qr_png
from planner.feedback.rounds import hash_token, open_round
from planner.i18n import t
from planner.printing.pdf import latin1
from planner.store import Enrolments, Store
from planner.store.feedback import Feedback, add_web_answer

A4_MM = (210, 297)
URL = "https://palaute.example.fi/feedback/" + "a" * 32 + "?lang=sv"


def text_of(pdf: bytes) -> str:
    return "\n".join(page.extract_text() for page in PdfReader(io.BytesIO(pdf)).pages)


def flat(text: str) -> str:
    return " ".join(text.split())


@pytest.mark.parametrize("lang", ["fi", "sv"])
def test_the_paper_form_holds_every_question_in_its_language(lang: str) -> None:
    pdf = feedback_form_pdf("Luontoryhmä", lang)
    reader = PdfReader(io.BytesIO(pdf))
    box = reader.pages[0].mediabox
    assert (round(float(box.width) * 25.4 / 72), round(float(box.height) * 25.4 / 72)) == A4_MM
    assert len(reader.pages) == 1
    text = flat(text_of(pdf))
    for name in SCALES:
        assert latin1(t(f"feedback.q.{name}", lang)) in text
    for key in ("feedback.q.change", "feedback.q.change_hint", "feedback.paper.return"):
        assert flat(latin1(t(key, lang))) in text
    assert latin1(t("feedback.scale.low", lang)) in text and "Luontoryhmä" in text
    assert "1 2 3 4 5" in text.replace("  ", " ") or all(str(n) in text for n in range(1, 6))
    assert not reader.pages[0].images  # no link, no QR code


def test_the_paper_form_with_a_link_shows_it_and_its_qr_code() -> None:
    pdf = feedback_form_pdf("Pop-up kafé", "sv", URL)
    text = text_of(pdf)
    assert URL in text.replace("\n", "")
    [image] = PdfReader(io.BytesIO(pdf)).pages[0].images
    shown = image.image.convert("L")
    made = Image.open(io.BytesIO(qr_png(URL))).convert("L")
    assert shown.size == made.size and shown.tobytes() == made.tobytes()


def test_the_qr_code_is_the_link_s() -> None:
    # No QR decoder is installed: the code's matrix is checked against segno's for the link.
    matrix = qr_matrix(URL)
    assert matrix == tuple(tuple(bool(m) for m in row) for row in segno.make(URL, error="m").matrix)
    assert len(matrix) == len(matrix[0]) >= 21 and matrix != qr_matrix(URL + "x")
    image = Image.open(io.BytesIO(qr_png(URL, scale=1))).convert("1")
    border = 4
    assert image.size == (len(matrix) + 2 * border,) * 2
    # Module by module, the image is the matrix (dark = 0 in a PNG's pixels).
    for y, row in enumerate(matrix):
        for x, dark in enumerate(row):
            assert (image.getpixel((x + border, y + border)) == 0) == dark


# --- the command line ---


@pytest.fixture
def db(tmp_path: Path) -> Iterator[str]:
    url = f"sqlite:///{tmp_path / 'planner.sqlite3'}"
    with Store.open(url) as store:
        store.import_season(toy_season("published"), source="toy")
        store.save_plan(toy_plan(), SUMMARY, actor="coordinator")
        Enrolments(store).publish(actor="coordinator")
    yield url


def run(capsys, *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def test_open_rounds_close_and_results(capsys, db: str) -> None:
    code, out, _ = run(capsys, "feedback", "open", "G1", "--db", db, "--json", "--lang", "sv")
    assert code == 0
    opened = json.loads(out)
    assert opened["group_id"] == "G1" and opened["session_date"] == "2026-02-25"
    assert opened["url"].endswith("?lang=sv") and "/feedback/" in opened["url"]
    token = opened["url"].split("/feedback/")[1].split("?")[0]
    with Store.open(db) as store:
        for answer in (Answer(5, 4, 5, 4), Answer(4, 4, 4, 4), Answer(3, 4, 3, 4, "Kahvia")):
            assert add_web_answer(store, hash_token(token), answer)
        second = open_round(store, "G2", actor="anna")
        assert add_web_answer(store, hash_token(second.token), Answer(1, 1, 1, 1))
    code, out, _ = run(capsys, "feedback", "rounds", "--db", db)
    assert code == 0 and "G1" in out and "3/30" in out and "open" in out

    code, out, _ = run(capsys, "feedback", "results", "--db", db, "--json")
    assert json.loads(out)["groups"] == []  # open rounds show nothing yet
    code, out, _ = run(capsys, "feedback", "close", str(opened["id"]), "--db", db)
    assert code == 0 and "closed (3 answers)" in out
    with Store.open(db) as store:
        Feedback(store).close_round(second.round.id, actor="anna")
    code, out, _ = run(capsys, "feedback", "results", "--db", db, "--json")
    results = json.loads(out)
    g1, g2 = results["groups"]
    assert (g1["group_id"], g1["answers"], g1["shown"]) == ("G1", 3, True)
    assert g1["means"]["commitment"] == 4.0 and g1["recommend_share"] == pytest.approx(0.667)
    assert (g2["answers"], g2["shown"], g2["means"]) == (1, False, None)
    assert results["season"]["answers"] == 3 and results["minimum_answers"] == 3

    code, out, _ = run(capsys, "feedback", "results", "--db", db, "--lang", "fi")
    assert code == 0 and "G1 Luontoryhmä" in out and "alle 3 vastausta" in out
    assert "Koko kausi" in out and "käsikirja r. 527, 529" in out
    code, out, _ = run(
        capsys, "feedback", "results", "--db", db, "--lang", "sv", "--season", "Kevät 2026"
    )
    assert code == 0 and "Hela säsongen" in out

    code, out, _ = run(capsys, "feedback", "rounds", "G1", "--db", db, "--json")
    assert json.loads(out)[0]["state"] == "closed"


@pytest.mark.parametrize("lang", ["fi", "sv"])
def test_form_writes_the_pdf_and_with_open_the_link_of_a_new_round(
    capsys, db: str, tmp_path: Path, lang: str
) -> None:
    out_file = tmp_path / f"form-{lang}.pdf"
    form = ["feedback", "form", "G3", "--lang", lang, "--out", str(out_file), "--db", db]
    code, out, err = run(capsys, *form)
    assert code == 0, err
    assert latin1(t("feedback.q.benefit", lang)) in flat(text_of(out_file.read_bytes()))
    assert "http" not in text_of(out_file.read_bytes())
    code, out, err = run(capsys, *form, "--open", "--json")
    assert code == 0, err
    url = json.loads(out)["url"]
    assert url.endswith(f"?lang={lang}")
    assert url in text_of(out_file.read_bytes()).replace("\n", "")
    assert len(PdfReader(str(out_file)).pages[0].images) == 1


@pytest.mark.parametrize(
    "argv, said",
    [
        (["form", "G1", "--lang", "fi", "--out", "/no/such/folder/form.pdf"], "/no/such/folder"),
        (["form", "G9", "--lang", "fi", "--out", "{tmp}/x.pdf"], "no group 'G9'"),
        (["open", "G1", "--session", "2020-01-01"], "outside G1's term"),
        (["open", "G9"], "not in the published offering"),
        (["close", "99"], "no feedback round 99"),
        (["results", "--season", "no such"], "no season named 'no such'"),
    ],
)
def test_a_mistake_is_one_line_and_no_traceback(capsys, db, tmp_path, argv, said) -> None:
    argv = [a.replace("{tmp}", str(tmp_path)) for a in argv]
    code, out, err = run(capsys, "feedback", *argv, "--db", db)
    assert code == 2 and not out and "Traceback" not in err
    [line] = err.strip().splitlines()
    assert line.startswith("planner feedback: ") and said in line


def test_a_bad_out_path_is_checked_before_a_round_is_opened(capsys, db, tmp_path) -> None:
    folder = tmp_path / "folder"
    folder.mkdir()
    form = ["feedback", "form", "G1", "--lang", "sv", "--out", str(folder), "--open"]
    code, _, err = run(capsys, *form, "--db", db)
    assert code == 2 and len(err.strip().splitlines()) == 1
    with Store.open(db) as store:
        assert Feedback(store).rounds() == []
