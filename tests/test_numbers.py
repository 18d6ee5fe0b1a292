"""Figures: parsing every spelling to one canonical value, with exact offsets."""

from __future__ import annotations

import pytest

from assistant.text.normalize import Tokenizer
from assistant.text.numbers import Figure, canonical, figure_keys, find_figures


def keys(text: str) -> list[str]:
    return [canonical(f.value, f.percent) for f in find_figures(text)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("累计认定1214家", ["1214"]),
        ("1,214 national-level enterprises", ["1214"]),
        ("100,000 SMEs, 10,000 little giants", ["100000", "10000"]),
        ("12,000,000 yuan", ["12000000"]),
        ("专精特新“小巨人”企业1.46萬家", ["14600"]),
        ("1.46万家", ["14600"]),
        ("14600 and 14,600", ["14600", "14600"]),
        ("１２１４家，１，２１４家", ["1214", "1214"]),
        ("３５％ and ８．５％", ["35%", "8.5%"]),
        ("2.7 billion yuan", ["2700000000"]),
        ("27亿元", ["2700000000"]),
        ("11 trillion yuan and 11万亿元", ["11000000000000", "11000000000000"]),
        (
            "1 million innovative SMEs; 150 Billion yuan; 3 thousand",
            ["1000000", "150000000000", "3000"],
        ),
        ("5百亿 and 3千家", ["50000000000", "3000"]),
        ("占全市总量的54%", ["54%"]),
        ("8.5% of patents, 1.2 %", ["8.5%", "1.2%"]),
        ("78 percent and 12 per cent", ["78%", "12%"]),
        ("2019年至2025年", ["2019", "2025"]),
        ("In 2011, the Ministry", ["2011"]),
        ("2.41万家 and 1.7万家", ["24100", "17000"]),
        ("百分之三十五, 百分之8.5, 超六成", ["35%", "8.5%", "60%"]),
        ("投资数量占比超3成, 近7成半; 13成员", ["30%", "75%", "13"]),
        # thousands grouped by spaces before a Chinese word; not in English prose
        ("浙江省擁有1 059 家, 總數達4 410家", ["1059", "4410"]),
        ("in 2024 100 firms, top 10 200", ["2024", "100", "10", "200"]),
        ("中央財政設立百億獎補資金, 三千亿元, 十二万家", ["10000000000", "300000000000", "120000"]),
        # a Chinese count before a counter of firms, cities, items, people
        ("我市六家企业, 擁有百家及以上, 四百余家, 十余座, 三名代表",
         ["6", "100", "400", "10", "3"]),
        # …of batches, products, people ("分三批" funds three batches; 第三批 is one batch)
        ("分三批支持, 第三批名单, 推出两款产品, 三位记者", ["3", "2", "3"]),
        ("一万二千家", ["12000"]),
    ],
)
def test_figure_values(text: str, expected: list[str]) -> None:
    assert keys(text) == expected


def test_offsets_point_at_the_figure_as_written() -> None:
    text = "截至2024年底，专精特新“小巨人”企业１．４６萬家，贡献了8.5%的有效发明专利。"
    figures = find_figures(text)
    assert [f.text for f in figures] == ["2024", "１．４６萬", "8.5%"]
    for f in figures:
        assert text[f.start : f.end] == f.text
    assert figures[1] == Figure("１．４６萬", figures[1].start, figures[1].end, 14600.0, False)
    assert figures[2].percent and figures[2].value == 8.5


@pytest.mark.parametrize(
    "text",
    [
        "实现对产业格局的颠覆[1-2]。",
        "through development funds [2][10]",
        "营商环境[6],赋予企业",
        "见文献[15,16]",
        "增量<sup>1</sup>",
        "DOI:10.15957/j.cnki.jjdl.2022.10.013.",
        "1.專精特新中小企業發展迅猛",
        "2、第二点",
        "(3) Leveraging technological innovation",
        "## 2.2 重点区域表现突出",
        "5G networks, H100 chips, the 14th Five-Year Plan, the 1990s",
        "数十亿元的投入",
        "形成六大产业",
        # "a firm", which-questions, ordinals, names
        "是一家专注于机器人的企业",
        "哪三家企业, 前四家, 第六家, 每家",
        "发布于百家号, 百家争鸣, 走进千家万户",
        "实现两位数增长, 前三批复审",
    ],
)
def test_non_figures_are_skipped(text: str) -> None:
    assert find_figures(text) == []


def test_decimal_after_list_marker_is_still_a_figure() -> None:
    assert keys("1.46万家 at the start of a line") == ["14600"]


def test_canonical_is_stable() -> None:
    assert canonical(1.46 * 10_000, False) == "14600"
    assert canonical(2.7e9, False) == "2700000000"
    assert canonical(8.5, True) == "8.5%"
    assert canonical(35.0, True) == "35%"
    assert canonical(0.0, False) == "0"


def test_figure_keys_match_across_spellings() -> None:
    english = "there are 14,600 little giants and 2.7 billion yuan; 35% in software"
    chinese = "小巨人企业1.46萬家，中央财政27亿元，35％集中在软件业"
    assert figure_keys(english) == figure_keys(chinese) == {"14600", "2700000000", "35%"}


@pytest.mark.parametrize(
    ("spellings", "token"),
    [
        (["1,214", "1214家", "1214", "１２１４", "1,214 national-level"], "1214"),
        (["1.46万", "1.46萬", "14,600", "14600", "１．４６万家"], "14600"),
        (["2.7 billion", "27亿", "27億元", "2.7bn"], "2700000000"),
        (["54%", "５４％", "54 percent"], "54%"),
    ],
)
def test_figure_tokens(spellings: list[str], token: str) -> None:
    for text in spellings:
        assert token in Tokenizer().tokenize(text), text


@pytest.mark.parametrize(
    ("text", "values"),
    [
        ("revenue of 100-400 million yuan", [(1e8, False), (4e8, False)]),
        ("奖励3至5万元", [(3e4, False), (5e4, False)]),
        ("占比10-15%", [(10.0, True), (15.0, True)]),
        # no shared scale: years, batches, a bound that would pass the upper one
        ("2019-2022年", [(2019.0, False), (2022.0, False)]),
        ("第1-3批", [(1.0, False), (3.0, False)]),
        ("from 100 to 1.2 million", [(100.0, False), (1.2e6, False)]),
    ],
)
def test_a_ranges_lower_bound_takes_the_scale_written_after_the_upper(
    text: str, values: list[tuple[float, bool]]
) -> None:
    assert [(f.value, f.percent) for f in find_figures(text)] == values


def test_counts_written_as_english_words() -> None:
    from assistant.text.numbers import word_counts

    assert word_counts("the report on six Lu'an companies and the two cities") == {"6", "2"}
    assert word_counts("one of the firms; in two; Two-thirds") == frozenset()


def test_a_count_of_firms_spelt_out_is_a_figure_other_number_words_are_not() -> None:
    from assistant.text.numbers import firm_counts_in_digits

    assert firm_counts_in_digits("Six companies in Quzhou made the list.") == (
        "6 companies in Quzhou made the list.")
    assert firm_counts_in_digits('the city has eight "small giant" enterprises') == (
        'the city has 8 "small giant" enterprises')
    assert firm_counts_in_digits("Five measures to promote unicorn enterprises") == (
        "Five measures to promote unicorn enterprises")
    assert firm_counts_in_digits("one of the most") == "one of the most"
