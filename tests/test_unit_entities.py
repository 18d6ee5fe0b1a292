"""The gazetteer: entity mentions in English, Simplified and Traditional Chinese."""

from __future__ import annotations

import pytest

from assistant.config import Settings
from assistant.knowledge.entities import Gazetteer, build_gazetteer, read_entity_rows

ROWS = [
    ("place", {"en": ["Shenzhen"], "zh": ["深圳", "深圳市"]}),
    ("place", {"en": ["Beijing"], "zh": ["北京", "北京市"]}),
    ("market", {"en": ["Beijing Stock Exchange", "BSE"], "zh": ["北交所", "北京证券交易所"]}),
]


@pytest.fixture(scope="module")
def small() -> Gazetteer:
    return build_gazetteer(ROWS)


def test_aliases_in_every_script_name_one_entity(small: Gazetteer) -> None:
    for text in ("Shenzhen firms", "深圳企业", "深圳市的企業", "SHENZHEN"):
        assert small.mentioned(text) == frozenset({"Shenzhen"}), text


def test_longest_alias_wins(small: Gazetteer) -> None:
    assert small.mentioned("北京证券交易所上市") == frozenset({"Beijing Stock Exchange"})
    assert small.mentioned("Listed on the Beijing Stock Exchange") == frozenset(
        {"Beijing Stock Exchange"}
    )


def test_latin_aliases_need_word_boundaries(small: Gazetteer) -> None:
    assert small.mentioned("BSE listing") == frozenset({"Beijing Stock Exchange"})
    assert small.mentioned("ABSENT data") == frozenset()


def test_spans_point_into_the_original_text(small: Gazetteer) -> None:
    text = "北京與深圳市"
    spans = small.spans(text)
    assert [(text[s:e], entity.key) for s, e, entity in spans] == [
        ("北京", "Beijing"), ("深圳市", "Shenzhen"),
    ]


def test_no_mentions(small: Gazetteer) -> None:
    assert small.spans("nothing here") == [] and small.mentioned("") == frozenset()


def test_bundled_table_loads_with_kinds_and_unique_keys() -> None:
    rows = read_entity_rows(Settings().entities_path)
    gazetteer = build_gazetteer(rows)
    keys = [e.key for e in gazetteer.entities]
    assert len(keys) > 50 and len(set(keys)) == len(keys)
    assert {kind for kind, _ in rows} >= {"place"}
    assert gazetteer.mentioned("南山区和宝安区") >= frozenset({"Nanshan"})
    # the large banks are named bodies: a question about one is not answered about another
    assert gazetteer.mentioned("中國建設銀行的授信") == frozenset({"China Construction Bank"})
    assert gazetteer.mentioned("Bank of China credit lines") == frozenset({"Bank of China"})
    assert gazetteer.mentioned("the People's Bank of China") == frozenset(
        {"People's Bank of China"})


def test_a_name_that_is_a_common_word_counts_only_where_places_are_listed() -> None:
    rows = [
        ("place", {"en": ["Chaoyang"], "zh": ["朝阳", "朝阳区"]}),
        ("place", {"en": ["Changping"], "zh": ["昌平", "昌平区"]}),
    ]
    gazetteer = build_gazetteer(rows, ambiguous=frozenset({"朝阳"}))
    chaoyang = frozenset({"Chaoyang"})
    assert gazetteer.mentioned("第二梯队的朝阳、昌平两区仅有190家") == chaoyang | {"Changping"}
    assert gazetteer.mentioned("海淀、朝阳等区") == chaoyang
    assert gazetteer.mentioned("朝陽區的企業") == chaoyang  # the full name, any script
    assert gazetteer.mentioned("新能源是朝阳产业") == frozenset()  # "sunrise industry"


def test_the_grouped_matcher_finds_what_the_one_alternation_finds() -> None:
    """Spans over the whole corpus and tricky boundaries equal ``pattern.finditer``'s."""
    from assistant.config import PROJECT_ROOT

    gazetteer = build_gazetteer(read_entity_rows(Settings().entities_path))
    texts = [p.read_text(encoding="utf-8") for p in sorted((PROJECT_ROOT / "corpus").glob("*"))
             if p.suffix in {".txt", ".md"}]
    texts += ["BeijingShenzhen", "beijing,shenzhen.", "北京beijing", "(Beijing) 深圳市南山区"]
    mixed = build_gazetteer([*ROWS, ("market", {"en": ["A-shares"], "zh": ["a股"]})])
    for text in ("xa股 a-shares", "a股市场", "ba-shares"):  # "a" starts both kinds of alias
        assert mixed.spans(text) == Gazetteer(mixed.entities, mixed.pattern,
                                              mixed.by_alias).spans(text)
    scanning = Gazetteer(gazetteer.entities, gazetteer.pattern, gazetteer.by_alias)
    assert gazetteer.starts and not scanning.starts
    for text in texts:
        found = [(a, b, e.key) for a, b, e in gazetteer.spans(text)]
        assert found == [(a, b, e.key) for a, b, e in scanning.spans(text)]
    assert sum(len(gazetteer.spans(t)) for t in texts) > 50


def test_a_sentence_in_a_passage_about_the_asked_exchange_speaks_of_it() -> None:
    from assistant.answering.markets import market_figure_missing
    from assistant.knowledge import load_knowledge

    gazetteer = load_knowledge(Settings()).gazetteer
    bse, sse = "Beijing Stock Exchange", "Shanghai Stock Exchange"
    asked = frozenset({bse})
    # a document opening "北交所正式开市。": its "71家精选层公司中，有13家…" is the BSE's
    assert not market_figure_missing(asked, frozenset(), frozenset({bse}), gazetteer)
    # a document about several exchanges: the sentence must name the asked one
    assert market_figure_missing(asked, frozenset(), frozenset({bse, sse}), gazetteer)
    assert market_figure_missing(asked, frozenset({sse}), frozenset({bse}), gazetteer)
    assert not market_figure_missing(asked, frozenset({bse}), frozenset(), gazetteer)
