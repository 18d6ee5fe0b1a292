"""The figures sheet: extraction against the gold list, sync with the corpus, `srdi facts`."""

from __future__ import annotations

import csv
import gzip
import io
import json
from collections.abc import Callable

import pytest
from click.testing import CliRunner

from assistant.cli import main
from assistant.config import PROJECT_ROOT, Settings
from assistant.index.facts import facts_path, read_facts, sync_facts
from assistant.ingest import load_corpus
from assistant.knowledge.factsheet import FactSheet, conflicts, lookup
from assistant.knowledge.figure_rules import load_metrics
from assistant.knowledge.figures import DocText, extract_figures
from assistant.knowledge.places import load_places
from assistant.schema import FactRecord

GOLD = PROJECT_ROOT / "eval" / "facts" / "gold.jsonl"


@pytest.fixture(scope="module")
def sheet() -> list[FactRecord]:
    settings = Settings()
    places = load_places(
        settings.places_path, settings.place_stoplist_path, settings.places_supplement_path
    )
    metrics = load_metrics(settings.metrics_path)
    docs, _ = load_corpus(settings)
    return [r for d in docs for r in extract_figures(
        DocText(d.doc_id, d.text, d.segments, d.date), places, metrics)]


def _extract(text: str) -> list[FactRecord]:
    settings = Settings()
    places = load_places(
        settings.places_path, settings.place_stoplist_path, settings.places_supplement_path
    )
    doc = DocText("d", text, ((0, len(text)),), "2025-01-01")
    return extract_figures(doc, places, load_metrics(settings.metrics_path))


def test_values_in_every_script_and_language() -> None:
    records = _extract("截至2024年底，省級專精特新中小企業超14.1萬家，“小巨人”企業1.46万家，"
                       "超六成集中在新一代信息技术。The MOF allocated 12 billion yuan in funding.")
    values = {(r.value, r.unit, r.kind) for r in records}
    assert {(141000, "家", "other"), (14600, "家", "other"), (0.6, "share", "share"),
            (12000000000, "yuan", "money")} <= values
    assert {r.as_of for r in records if r.value == 14600} == {"2024-12-31"}
    assert all(r.place == "全国" for r in records)


def test_place_is_the_subject_not_the_comparison() -> None:
    records = _extract(
        "深圳市累计培育“小巨人”企业1331家，总量较北京多117家。北京市的“小巨人”企业为331家。"
    )
    assert [(r.value, r.place) for r in records] == [(1331, "深圳"), (117, "深圳"), (331, "北京")]
    assert records[0].metric == "national little giants" and records[0].kind == "stock"
    assert records[0].as_of == "2025-01-01 (document date)"


def test_gold_recall_and_quotes(sheet: list[FactRecord]) -> None:
    texts = {d.doc_id: d.text for d in load_corpus(Settings())[0]}
    for r in sheet:
        assert texts[r.doc_id][r.start : r.end] == r.quote
    gold = [json.loads(line) for line in GOLD.read_text(encoding="utf-8").splitlines()]
    for split in ("dev", "test"):
        items = [g for g in gold if g["split"] == split]
        found = sum(any(
            r.doc_id == g["doc"].rsplit(".", 1)[0] and float(r.value) == g["value"]
            and r.place == g["place"] for r in sheet) for g in items)
        assert found / len(items) >= 0.9, split


def test_same_fact_shares_an_id_across_scripts(sheet: list[FactRecord]) -> None:
    ids = {r.doc_id[:3]: r.fact_id for r in sheet
           if r.value == 14600 and r.metric == "national little giants"}
    assert ids["002"] == ids["003"]
    beijing = {r.doc_id[:3]: r.fact_id for r in sheet if r.value == 1214 and r.place == "北京"
               and r.metric == "national little giants"}
    assert beijing["000"] == beijing["004"]


def test_lookup_latest_first_and_conflicts(sheet: list[FactRecord]) -> None:
    found = lookup(sheet, "深圳", "national little giants", kind="stock")
    assert 1331 in {r.value for r in found}
    assert lookup(sheet, "深圳", "national little giants", year=1999) == []
    a = sheet[0].model_copy(update={"as_of": "2024", "value": 1})
    b = a.model_copy(update={"value": 2})
    assert conflicts([a, b]) == [[a, b]]


def test_indexed_sheet_agrees_with_scanning_it(sheet: list[FactRecord]) -> None:
    """The lookups answers use (by document, by metric and place, conflicting group)
    return what a scan of the whole sheet returns, in the sheet's order."""
    clash = sheet[0].model_copy(update={"as_of": "2024", "value": -1.0})
    records = [*sheet, clash, clash.model_copy(update={"value": -2.0})]
    indexed = FactSheet.of(records)
    for r in records[::7]:
        assert indexed.of_doc(r.doc_id) == [o for o in records if o.doc_id == r.doc_id]
        assert indexed.about(r.metric, r.place) == [
            o for o in records if (o.metric, o.place) == (r.metric, r.place)]
    groups = conflicts(records)
    assert groups
    for r in records:
        found = indexed.conflict_group(r)
        holding = [n for n, g in enumerate(groups) if r in g]
        assert (found[0] if found else None) == (holding[0] if holding else None)
    assert indexed.of_doc("no such document") == []


def test_a_count_of_a_part_is_not_the_places_stock() -> None:
    def kinds(text: str) -> list[tuple[int | float, str]]:
        return [(r.value, r.kind) for r in _extract(text) if r.place == "深圳"]

    assert kinds("第七批名单中，深圳上述四领域的“小巨人”企业合计122家。") == [(122, "other")]
    assert kinds("Shenzhen's little giants in the electronics sector totalled 134.") == [
        (134, "other")]
    # "其中" at the clause's start points back: Shenzhen's all of them
    assert kinds("全国共有1.46万家，其中深圳累计培育1331家。") == [(1331, "stock")]


def test_batches_years_and_levels_are_no_count_of_firms() -> None:
    """Written from the failure class (a batch or year count shown as a number of firms),
    with sentences not in any corpus."""
    def counted(text: str) -> set[tuple[int | float, str]]:
        return {(r.value, r.unit) for r in _extract(text) if r.kind in ("stock", "increment")}

    assert counted("2019年以来，工信部已累计开展五批“小巨人”企业培育。") == set()
    assert counted("杭州连续四年新增“小巨人”企业数量居全省第一。") == set()
    assert counted("国家将小巨人企业分为3个层次进行培育，累计覆盖30个城市。") == set()
    assert counted("全省累计培育200个专精特新企业和45家小巨人企业。") == {(200, "个"), (45, "家")}


def test_a_figure_listed_under_one_verb_counts_like_the_first() -> None:
    records = _extract("截至2024年底,我國已累計培育科技和創新型中小企業超60萬家,"
                       "省級專精特新中小企業超14.1萬家,專精特新“小巨人”企業1.46萬家。"
                       "2023年深圳增量300家，超北京93家。")
    kinds = {r.value: r.kind for r in records}
    assert kinds[600000] == "stock" and kinds[14600] == "stock"
    assert kinds[300] == "increment" and kinds[93] != "increment"  # a difference, not added


def test_changed_figure_rules_reread_every_document(
    settings_factory: Callable[..., Settings],
) -> None:
    settings = settings_factory()
    docs, _ = load_corpus(settings)
    assert sync_facts(settings, docs) == len(docs)
    metrics = settings.vectorstore_dir.parent / "metrics.yaml"
    metrics.write_text(settings.metrics_path.read_text(encoding="utf-8") + "\n# edited\n",
                       encoding="utf-8")
    edited = settings.model_copy(update={"metrics_path": metrics})
    assert sync_facts(edited, docs) == len(docs)  # the data changed: figures read again
    assert sync_facts(edited, docs) == 0


def test_sync_follows_the_corpus(settings_factory: Callable[..., Settings]) -> None:
    settings = settings_factory()
    docs, _ = load_corpus(settings)
    assert sync_facts(settings, docs) == len(docs)
    assert sync_facts(settings, docs) == 0  # unchanged: nothing re-read
    assert {r.doc_id for r in read_facts(settings)} == {d.doc_id for d in docs}
    (settings.corpus_dir / f"{docs[0].doc_id}.txt").unlink()
    docs, _ = load_corpus(settings)
    sync_facts(settings, docs)
    assert docs and {r.doc_id for r in read_facts(settings)} == {d.doc_id for d in docs}


def test_a_plain_sheet_of_an_older_store_reads_and_is_replaced(
    settings_factory: Callable[..., Settings],
) -> None:
    settings = settings_factory()
    docs, _ = load_corpus(settings)
    sync_facts(settings, docs)
    written = read_facts(settings)
    packed = facts_path(settings)
    plain = packed.with_name("facts.jsonl")
    plain.write_bytes(gzip.decompress(packed.read_bytes()))  # as the previous version kept it
    packed.unlink()
    assert read_facts(settings) == written
    assert sync_facts(settings, docs) == 0  # its hashes hold: nothing re-read
    assert packed.is_file() and not plain.exists() and read_facts(settings) == written


def test_cli_csv_and_json(settings_factory: Callable[..., Settings],
                          monkeypatch: pytest.MonkeyPatch) -> None:
    settings = settings_factory()
    sync_facts(settings, load_corpus(settings)[0])
    monkeypatch.setenv("SRDI_CORPUS_DIR", str(settings.corpus_dir))
    monkeypatch.setenv("SRDI_VECTORSTORE_DIR", str(settings.vectorstore_dir))
    runner = CliRunner()
    out = runner.invoke(main, ["facts", "--csv", "--place", "Shenzhen"]).output
    rows = list(csv.DictReader(io.StringIO(out)))
    assert rows and set(rows[0]) == set(FactRecord.model_fields)
    assert {row["place"] for row in rows} == {"深圳"}
    lines = runner.invoke(main, ["facts", "--json", "--metric", "little giants"]).output
    objects = [json.loads(line) for line in lines.splitlines()]
    assert objects and all(set(o) == set(FactRecord.model_fields) for o in objects)


def test_a_target_year_before_the_document_is_history() -> None:
    records = _extract("杭州2021年超越宁波，到2023年超越上海，新增数量达300家。"
                       "到2030年力争达到2000家。")
    kinds = {r.value: r.kind for r in records if r.unit == "家"}
    assert kinds[2000] == "target" and kinds[300] != "target"  # the document is of 2025
    # a count that looks like a year dates nothing (2028家, 2,028 listed firms)
    from assistant.knowledge.figure_rules import as_of_in
    assert as_of_in("累计有2028家专精特新中小企业在A股上市", 3) is None


def test_a_sum_of_money_is_funding_or_revenue_not_a_count_of_firms() -> None:
    records = _extract("计划为专精特新“小巨人”企业新增投放信贷支持不低于30亿元，"
                       "营业收入合计120亿元。")
    assert {(r.value, r.metric) for r in records if r.unit == "yuan"} == {
        (3000000000, "funding"), (12000000000, "revenue")}
