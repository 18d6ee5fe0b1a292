"""Open-world places: every province, city and district, in any script or English."""

from __future__ import annotations

import pytest

from assistant.config import Settings
from assistant.knowledge import places_of
from assistant.knowledge.places import Places


@pytest.fixture(scope="module")
def places() -> Places:
    return places_of(Settings())


@pytest.mark.parametrize("text", ["温州市的企业", "溫州的企業", "firms in Wenzhou", "WENZHOU"])
def test_scripts_and_english_give_one_canonical_name(places: Places, text: str) -> None:
    assert places.mentioned(text) == {"温州"}


def test_common_words_are_not_places(places: Places) -> None:
    assert places.mentioned("朝阳产业发展迅速") == frozenset()
    assert places.mentioned("走在南京路上") == frozenset()
    assert places.mentioned("北京、深圳两大城市") == {"北京", "深圳"}  # not 大城 (河北)
    assert places.mentioned("Shenzhenese food") == frozenset()
    # an English name of several common words names the place only when capitalised…
    assert places.mentioned("Which cities of central and western China lead?") == frozenset()
    assert places.mentioned("the Central and Western District of Hong Kong") == {"中西区", "香港"}
    # …a one-word name in any case, and anything in a text typed all in lower case
    assert places.mentioned("How many little giants does shenzhen have?") == {"深圳"}
    assert places.mentioned("what about hong kong?") == {"香港"}


def test_district_with_its_city(places: Places) -> None:
    assert places.spans("北京市朝阳区") == [(0, 3, "北京"), (3, 6, "朝阳区")]
    assert places.mentioned("深圳市南山区、宝安区") == {"深圳", "南山", "宝安"}
    assert places.parent("南山") == "深圳"
    assert places.parent("朝阳区") == "北京"
    assert places.parent("深圳") == "广东"
    assert places.parent("广东") is None


def test_a_citys_english_name_is_not_taken_by_a_county_sharing_it(places: Places) -> None:
    # Wuxi: the city 无锡 and the county 巫溪 (Chongqing, a more frequent parent)
    assert places.mentioned("little giants in Wuxi") == {"无锡"}
    assert places.mentioned("Wuxi County, Chongqing") >= {"巫溪"}


def test_a_district_the_context_licenses_wins_an_overlap(places: Places) -> None:
    # 和顺 is a county of Shanxi; after 北京, "和顺义" is "and Shunyi"
    assert places.mentioned("通州、大兴和顺义等区", context=frozenset({"北京"})) >= {"顺义"}


def test_bare_district_name_needs_its_city(places: Places) -> None:
    assert places.mentioned("南山的企业") == frozenset()
    assert places.mentioned("南山的企业", context=frozenset({"深圳"})) == {"南山"}
    assert places.mentioned("南山区的企业") == {"南山"}


def test_every_level_is_present(places: Places) -> None:
    assert len(places) > 3000
    assert places.mentioned("广西壮族自治区与内蒙古、香港") == {"广西", "内蒙古", "香港"}
    assert places.mentioned("Inner Mongolia and Xi'an") == {"内蒙古", "西安"}


def test_english_names_texts_use_beside_the_pinyin(places: Places) -> None:
    # places_english.tsv: Hohhot and Xilingol League are what English texts write
    assert places.mentioned("firms in Hohhot and Xilingol League") == {"呼和浩特", "锡林郭勒"}
    assert places.mentioned("Huhehaote") == {"呼和浩特"}  # the pinyin still counts
    assert places.english("锡林郭勒") == "Xilingol League"


def test_repeated_long_passage_names_each_place_once() -> None:
    """Speed is measured by ``srdi bench``, not asserted here; this checks the matcher on a
    long repetitive passage (overlapping matches, cities with and without 市)."""
    places = places_of(Settings())
    passage = "截至2024年底，深圳市累计培育国家级专精特新“小巨人”企业1331家，北京1214家。" * 8
    assert places.mentioned(passage) == {"深圳", "北京"}


def test_supplement_adds_divisions_newer_than_the_table(places: Places) -> None:
    # 龙华区 of Shenzhen (2016) is in the supplement only; the table has Haikou's 龙华区
    assert places.mentioned("深圳市龍華區和龙岗区") == {"深圳", "龙华", "龙岗"}  # not 和龙 (吉林)
    assert places.mentioned("龙华与龙岗两区", context=frozenset({"深圳"})) == {"龙华", "龙岗"}
    assert places.parent("龙华区") == "深圳"
    assert places.parent("坪山") == "深圳"


def test_taiwans_cities_and_hong_kongs_districts_are_places(places: Places) -> None:
    assert places.mentioned("高雄有哪些夜市") == {"高雄"}
    assert places.mentioned("臺中市的企業") == places.mentioned("台中市") == {"台中市"}
    assert places.mentioned("台東縣") == places.mentioned("臺東") == {"台东"}  # 臺 or 台
    assert places.mentioned("香港荃灣區") == {"香港", "荃湾"}
    assert places.mentioned("荃湾") == frozenset()  # a bare district needs its city
    # strings holding a city's name that are no place
    assert places.mentioned("出台中小企业扶持政策，搭建平台中心") == frozenset()
