"""The Figures tab: the figures sheet as a filterable, sortable table, each row opening
the source viewer at its sentence; CSV download; the ``/facts`` API.

(No ``from __future__ import annotations``: Gradio reads ``gr.SelectData`` at run time.)
"""

import csv
import tempfile
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

import gradio as gr
from gradio.events import api

from assistant.schema import FactRecord
from assistant.service import AssistantService
from assistant.ui import render

__all__ = ["FiguresTab", "build_figures_tab", "wire_figures_tab"]

PRIVATE: dict[str, Any] = {"api_visibility": "private"}
ALL = ""
LABELS: dict[str, dict[str, str]] = {
    "en": {"tab": "Figures", "place": "Place", "metric": "Metric", "year": "Year",
           "all": "All", "csv": "Download CSV", "count": "{n} figures: click a row to see "
           "its sentence in the document.",
           "columns": "Place|Metric|As of|Kind|Value|Unit|Document|Sentence"},
    "zh": {"tab": "数据", "place": "地区", "metric": "指标", "year": "年份", "all": "全部",
           "csv": "下载 CSV", "count": "共 {n} 条数据：点击一行查看原文句子。",
           "columns": "地区|指标|日期|类型|数值|单位|文档|原句"},
}


def _label(lang: str, key: str) -> str:
    return LABELS["zh" if lang.startswith("zh") else "en"][key]


@dataclass
class FiguresTab:
    """The components of the Figures tab."""

    tab: gr.Tab
    intro: gr.Markdown
    place: gr.Dropdown
    metric: gr.Dropdown
    year: gr.Dropdown
    table: gr.Dataframe
    download: gr.Button
    file: gr.File
    shown: gr.State


def _year(record: FactRecord) -> str:
    return record.as_of[:4] if record.as_of[:4].isdigit() else ""


def _choices(values: Sequence[str], lang: str) -> list[tuple[str, str]]:
    return [(_label(lang, "all"), ALL), *((v, v) for v in sorted(set(values)) if v)]


def _filtered(records: Sequence[FactRecord], place: str, metric: str,
              year: str) -> list[FactRecord]:
    return [r for r in records if (not place or r.place == place)
            and (not metric or r.metric == metric) and (not year or _year(r) == year)]


def _table(records: Sequence[FactRecord], lang: str) -> dict[str, Any]:
    rows = [[r.place, r.metric, r.as_of, r.kind, r.value, r.unit, r.doc_id, r.quote]
            for r in records]
    return {"headers": _label(lang, "columns").split("|"), "data": rows}


def build_figures_tab(lang: str, service: AssistantService) -> FiguresTab:
    """Lay out the tab (call inside ``gr.Tabs``)."""
    records = service.facts()
    with gr.Tab(_label(lang, "tab"), id="figures", elem_id="figures-tab") as tab:
        intro = gr.Markdown(_label(lang, "count").format(n=len(records)))
        with gr.Row(elem_id="figures-filters"):
            place = gr.Dropdown(_choices([r.place for r in records], lang), value=ALL,
                                label=_label(lang, "place"), elem_id="figures-place")
            metric = gr.Dropdown(_choices([r.metric for r in records], lang), value=ALL,
                                 label=_label(lang, "metric"), elem_id="figures-metric")
            year = gr.Dropdown(_choices([_year(r) for r in records], lang), value=ALL,
                               label=_label(lang, "year"), elem_id="figures-year")
            download = gr.Button(_label(lang, "csv"), size="sm", scale=0, min_width=120,
                                 elem_id="figures-csv")
        table = gr.Dataframe(value=_table(records, lang), interactive=False, wrap=True,
                             elem_id="figures", max_height=520, buttons=[])
        file = gr.File(visible=False, elem_id="figures-file", interactive=False)
        shown: gr.State = gr.State(records)
    return FiguresTab(tab, intro, place, metric, year, table, download, file, shown)


def wire_figures_tab(
    fig: FiguresTab, service: AssistantService, lang: gr.Radio, modal: gr.Column,
    doc_view: gr.HTML,
) -> None:
    """Connect the tab's events and the ``/facts`` API (call inside ``gr.Blocks``)."""

    def refresh(place: str, metric: str, year: str, ui_lang: str) -> tuple[Any, ...]:
        records = _filtered(service.facts(), place or ALL, metric or ALL, year or ALL)
        intro = _label(ui_lang, "count").format(n=len(records))
        return _table(records, ui_lang), records, intro

    def relabel(ui_lang: str, place: str, metric: str, year: str) -> tuple[Any, ...]:
        table, records, intro = refresh(place, metric, year, ui_lang)
        everything = service.facts()
        return (
            gr.Tab(label=_label(ui_lang, "tab")), intro, table, records,
            gr.Dropdown(label=_label(ui_lang, "place"),
                        choices=_choices([r.place for r in everything], ui_lang)),
            gr.Dropdown(label=_label(ui_lang, "metric"),
                        choices=_choices([r.metric for r in everything], ui_lang)),
            gr.Dropdown(label=_label(ui_lang, "year"),
                        choices=_choices([_year(r) for r in everything], ui_lang)),
            gr.Button(_label(ui_lang, "csv")),
        )

    def open_source(records: list[FactRecord], ui_lang: str,
                    evt: gr.SelectData) -> tuple[Any, Any]:
        row = evt.index[0] if isinstance(evt.index, list | tuple) else evt.index
        if not 0 <= int(row) < len(records):
            return gr.HTML(), gr.Column()
        return _source_html(service, records[int(row)], ui_lang), gr.Column(visible=True)

    def download(records: list[FactRecord]) -> Any:
        return gr.File(value=_write_csv(records), visible=True)

    filters = [fig.place, fig.metric, fig.year, lang]
    for dropdown in (fig.place, fig.metric, fig.year):
        dropdown.change(refresh, filters, [fig.table, fig.shown, fig.intro], **PRIVATE)
    lang.change(relabel, [lang, fig.place, fig.metric, fig.year],
                [fig.tab, fig.intro, fig.table, fig.shown, fig.place, fig.metric, fig.year,
                 fig.download], queue=False, **PRIVATE)
    fig.table.select(open_source, [fig.shown, lang], [doc_view, modal], **PRIVATE)
    fig.download.click(download, [fig.shown], [fig.file], **PRIVATE)
    _wire_api(service)


def _wire_api(service: AssistantService) -> None:
    def facts(place: str | None = None, metric: str | None = None) -> list[dict[str, Any]]:
        """The figures sheet: every record ``srdi facts --json`` prints (optionally only
        one ``place``, e.g. 深圳, and metrics containing ``metric``)."""
        return [r.model_dump() for r in service.facts(place, metric)]

    api(facts, api_name="facts")


def _source_html(service: AssistantService, record: FactRecord, lang: str) -> str:
    """The record's document with its sentence highlighted."""
    try:
        view = service.document_view(record.doc_id)
    except KeyError:
        return render.message_html(record.quote, "error")
    found = view.text.find(record.quote)
    if found >= 0:
        view.highlight_start, view.highlight_end = found, found + len(record.quote)
    return render.document_html(view, lang)


def _write_csv(records: Sequence[FactRecord]) -> str:
    """The shown records as a CSV file (the columns of ``srdi facts --csv``)."""
    with tempfile.NamedTemporaryFile(
        "w", suffix=".csv", prefix="srdi-facts-", delete=False, encoding="utf-8-sig",
        newline="",
    ) as fh:
        writer = csv.DictWriter(fh, fieldnames=list(FactRecord.model_fields))
        writer.writeheader()
        writer.writerows(r.model_dump() for r in records)
        return fh.name
