"""Language detection and script folding (assistant.text.lang)."""

from __future__ import annotations

import pytest

from assistant.text.lang import detect_lang, han_count, is_chinese, to_simplified, to_traditional


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("How many little giant enterprises are there?", "en"),
        ("专精特新小巨人企业的认定标准是什么？", "zh-Hans"),
        ("專精特新「小巨人」企業的認定條件有哪些？", "zh-Hant"),
        ("SRDI 小巨人企业 list", "zh-Hans"),  # ideographs outweigh Latin words
        ("The 小巨人 programme supports small and medium enterprises", "en"),
        ("", "en"),
        ("12345 ¥ 3.5%", "en"),
    ],
)
def test_detect_lang(text: str, lang: str) -> None:
    assert detect_lang(text) == lang


def test_is_chinese_weighs_ideographs_against_latin_words() -> None:
    assert is_chinese("深圳") and not is_chinese("Shenzhen")
    assert not is_chinese("")
    assert han_count("深圳 Shenzhen 企業") == 4


def test_script_folding_round_trips_and_leaves_latin_alone() -> None:
    assert to_simplified("專精特新企業") == "专精特新企业"
    assert to_traditional("专精特新企业") == "專精特新企業"
    assert to_simplified("little giant") == "little giant"


def test_an_english_text_glossing_a_term_in_chinese_is_in_the_other_script() -> None:
    from assistant.text.lang import other_script

    english = "In 2018 MIIT defined little giants (专精特新“小巨人”) by profit growth and patents."
    assert other_script("2018年工信部如何界定小巨人？", english)
    assert not other_script("How did MIIT define little giants?", english)
    assert not other_script("小巨人是什么？", "小巨人企业")
