# ruff: noqa: E501 - the table holds whole sentences, one case per entry, easier to read unwrapped
"""Who said it in press styles beyond the wire dispatch (issue 10, item 5), tenth round.

Every sentence is our own. A surname written without the Arabic article bound to it by a hyphen
("Sissi" after "Abdel Fattah al-Sissi", "Béchir" after "Omar el-Béchir") is the same person. A
people that speaks ("les Américains ont affirmé", tagged MISC by the model) is its state. The
content of a statement that opens the text starts after the wire dateline ("BAMAKO, 3 mars
(AMAP) -", "PRAGUE, 4 juin (Xinhua) --"). A cleft that opens its sentence ("C'est ce qu'a
annoncé X", "C'est ce que X a déclaré") makes the sentence before it X's statement; "C'est ainsi
que" is no cleft. A body of any kind ("le front commun intersyndical") speaks through a
reporting verb. A name the model missed before a title in apposition ("a annoncé mardi Abebe
Aemro Kassa, directeur …") is a person. In an interview ("Écoutez X en discuter avec Y"), the
answer in quotes to a question asked in narration is the guest's, not that of whom the question
names. A generic title ("le dirigeant", "le responsable", "cet émissaire") points back to the
latest person even when the text gave that person a more precise title ("son PDG X"). "Le
syndicat", "la fédération" point back to the latest union named.
Helpers and conventions are those of `tests/test_quotes_table.py`.
"""

from __future__ import annotations

import pytest
from test_quotes_table import DAY, D, I, M, _observed

PRESS_CASES: list[tuple] = [
    ("surname_without_its_arabic_article", "Le président égyptien Abdel Fattah al-Sissi a reçu l'émissaire. Sissi a dit qu'il défendrait les intérêts de son pays.",
     [I("a dit", "Abdel Fattah al-Sissi")]),
    ("surname_without_el", "Le président soudanais Omar el-Béchir a reçu les médiateurs. Béchir a déclaré qu'il signerait l'accord.",
     [I("a déclaré", "Omar el-Béchir")]),
    ("a_people_speaking_is_its_state", "Les Américains ont ensuite affirmé qu'ils voulaient inclure l'agriculture dans les discussions.",
     [I("affirmé", "United States")]),
    ("a_people_quoted_is_its_state", "« Nous ne céderons rien sur les frontières », ont répété les Ukrainiens.",
     [D("Nous ne céderons rien sur les frontières", "Ukraine")]),
    # a cleft that opens its sentence points back to the sentence before: what X said
    ("cleft_after_a_sentence_inverted", "La Slovénie va signer un contrat de gaz avec l'Algérie. C'est ce qu'a annoncé jeudi le ministre des Infrastructures, Bojan Kremec.",
     [I("a annoncé", "Bojan Kremec")]),
    ("cleft_after_a_sentence_subject_first", "Les publicités ont tout changé. C'est ce que le premier ministre Marc Dallaire a déclaré lundi.",
     [I("a déclaré", "Marc Dallaire")]),
    ("c_est_ainsi_que_is_no_cleft", "Le ministre Paul Verne a visité la mine. C'est ainsi que le ministre estime que le contrat est juste.",
     [I("estime", "Paul Verne")]),
    # a body of any kind speaks through a reporting verb
    ("a_labour_front_speaks", "Le front commun intersyndical a annoncé jeudi avoir conclu une entente de principe avec le gouvernement.",
     [I("a annoncé", "?Le front commun intersyndical")]),
    # a generic title points back to a person the text gave a more precise one
    ("generic_title_points_back_past_a_precise_one", "Le contrat a été résilié, a indiqué son PDG Pierre Martel au quotidien Le Figaro. « Nous ferons valoir tous nos droits », a ajouté le dirigeant.",
     [I("a indiqué", "Pierre Martel"), D("Nous ferons valoir tous nos droits", "Pierre Martel")]),
    # "le syndicat" points back to the latest union named
    ("the_union_points_back_to_the_union_named", "La présidente de la Fédération interprofessionnelle de la santé, Julie Bourque, a salué l'offre. Selon le syndicat, l'entente prévoit des hausses de salaire.",
     [I("a salué", "Julie Bourque"), I("Selon", "Fédération interprofessionnelle de la santé")]),
    # a name the model missed before a title in apposition
    ("untagged_name_before_its_title", "Le programme reprendra après l'audit, a annoncé mardi Abebe Aemro Kassa, directeur du département Afrique du Fonds.",
     [I("a annoncé", "Abebe Aemro Kassa")]),
]


@pytest.mark.parametrize("case", PRESS_CASES, ids=[c[0] for c in PRESS_CASES])
def test_press_speakers_tenth_round(nlp, run, case):
    observed = _observed(run(nlp, case[1], published=DAY))
    assert observed == case[2]


@pytest.mark.parametrize(("text", "content"), [
    ("BAMAKO, 3 mars (AMAP) - Le Mali a signé un accord avec la société Lithor, a déclaré le ministère des Mines.",
     "Le Mali a signé un accord avec la société Lithor"),
    ("PRAGUE, 4 juin (Xinhua) -- Une entreprise tchèque a signé le contrat final, selon le gouvernement tchèque.",
     "Une entreprise tchèque a signé le contrat final"),
])
def test_press_statement_content_starts_after_the_dateline(nlp, run, text, content):
    [item] = [q for q in run(nlp, text, published=DAY)._.filon_quotes if q["kind"] == "indirect"]
    assert item["text"] == content


@pytest.mark.parametrize(("text", "expected"), [
    # a title whose portfolios run on after a comma is one speaker, not a coordination
    ("Aziz Benkirane, ministre de l’Energie, des Mines et de l’Environnement précise que « le pays bénéficiera de cette coopération ».",
     [M("précise", "Aziz Benkirane", "le pays bénéficiera de cette coopération")]),
    # the title and the name in apposition both parsed as subjects before a colon: the name
    ("La présidente d’Unia, Vania Albertini tire un bilan contrasté de la campagne: «Nous avons obtenu des hausses de salaire.»",
     [D("Nous avons obtenu des hausses de salaire.", "Vania Albertini")]),
])
def test_press_speakers_of_titles_with_complements(nlp, run, text, expected):
    assert _observed(run(nlp, text, published=DAY)) == expected


def test_press_interview_answers_are_the_guests(nlp, run):
    # radio copy: the guest is named after "Écoutez" (untagged here), the host after "avec";
    # each question in narration is answered in quotes by the guest, not by whom it names
    text = ("Qu'en sera-t-il des droits régionaux?\nÉcoutez Hugues Lebrac en discuter avec Mario Lavoie.\n"
            "Rogers a donc décidé de payer trop cher?\n«Oui. Ils ont payé très cher, mais le marché a évolué.»\n"
            "Et pour la suite?\n«Le premier appel va se faire avec Amazon.»")
    assert _observed(run(nlp, text, published=DAY)) == [
        D("Oui. Ils ont payé très cher, mais le marché a évolué.", "Hugues Lebrac"),
        D("Le premier appel va se faire avec Amazon.", "Hugues Lebrac"),
    ]


def test_press_headline_fragment_is_its_subjects_wording(nlp, run):
    text = ("Tunisie: le président Kais Saied rejette les \"diktats\" du FMI\n"
            "Le président tunisien a rejeté jeudi les conditions du Fonds.")
    assert _observed(run(nlp, text, published=DAY)) == [D("diktats", "Kais Saied")]
