"""Language detection: English unless another language is clear."""

from __future__ import annotations

import pytest

from claimledger.language import detect_language

ENGLISH = (
    "The interior minister on Tuesday denied reports that security forces had detained more than 100 people "
    "in the northern province. Two human-rights groups said they had documented the detentions in interviews "
    "with relatives and former detainees over several weeks."
)


@pytest.mark.parametrize(
    ("text", "language"),
    [
        pytest.param(ENGLISH, "en", id="english-article"),
        pytest.param(
            "Le ministre de l'Intérieur a démenti mardi les informations selon lesquelles les forces de sécurité "
            "auraient arrêté plus de cent personnes dans la province du nord.",
            "fr", id="french",
        ),
        pytest.param(
            "Der Innenminister hat am Dienstag Berichte zurückgewiesen, wonach Sicherheitskräfte in der nördlichen "
            "Provinz mehr als hundert Menschen festgenommen hätten.",
            "de", id="german",
        ),
        pytest.param(
            "El ministro del Interior negó el martes las informaciones según las cuales las fuerzas de seguridad "
            "habrían detenido a más de cien personas en la provincia del norte.",
            "es", id="spanish",
        ),
        pytest.param("Lavrov dismisses Chechnya reports", "en", id="english-headline"),
        pytest.param("Le ministre dément les rumeurs", "en", id="short-french-is-not-rejected"),
        pytest.param(
            "Ramzan Kadyrov, Sergei Lavrov and Dmitry Peskov met in Grozny on Tuesday with Alvi Karimov.",
            "en", id="names-are-ambiguous",
        ),
        pytest.param("", "en", id="empty"),
    ],
)
def test_detect_language(text: str, language: str) -> None:
    assert detect_language(text) == language
