"""Figures in answers: conflicting figures are flagged, the sheet's years are named."""

from __future__ import annotations

from assistant.answering.figures import conflict_values
from assistant.knowledge.factsheet import FactSheet
from assistant.schema import Citation, FactRecord, Quote


def record(value: float, doc: str, start: int, kind: str = "stock") -> FactRecord:
    return FactRecord(
        fact_id=f"f{value}", metric="national little giants", place="深圳",
        as_of="2024-12-31", kind=kind, value=value, unit="家", doc_id=doc,
        start=start, end=start + 20, quote="x" * 20,
    )


SENTENCE = "深圳有专精特新中小企业11062家，小巨人企业1214家。"


def cited(doc: str, start: int, sentence: str = SENTENCE) -> Citation:
    return Citation(n=1, doc_id=doc, title="t", chunk_id="c", text=sentence + "x" * 20,
                    start=start, quotes=[Quote(text=sentence, start=0, end=len(sentence))])


def test_a_quoted_figure_other_documents_contradict_is_flagged() -> None:
    real, injected = record(1040, "news", 100), record(9999, "hostile", 0)
    found = conflict_values([cited("hostile", 0)], FactSheet.of([real, injected]))
    assert [(q.value, [o.value for o in others]) for q, others in found] == [(9999, [1040])]


def test_agreeing_or_unquoted_figures_are_not_flagged() -> None:
    same = [record(1040, "news", 100), record(1040, "report", 0)]
    assert conflict_values([cited("report", 0)], FactSheet.of(same)) == []
    shares = [record(15.6, "a", 0, "share"), record(3.9, "b", 0, "share")]
    # shares of different wholes
    assert conflict_values([cited("a", 0)], FactSheet.of(shares)) == []


def test_lines_name_the_asked_metric_first() -> None:
    """A quoted sentence with two figures of one place: the line of the metric the
    question asks about comes first, whatever the sentence's order."""
    from assistant.answering.figures import figure_lines
    from assistant.config import Settings
    from assistant.knowledge import load_knowledge

    knowledge = load_knowledge(Settings())
    smes = record(11062, "doc", 0).model_copy(update={"metric": "SRDI SMEs", "fact_id": "a"})
    giants = record(1214, "doc", 10).model_copy(update={"fact_id": "b"})
    sheet = FactSheet.of([smes, giants])
    lines = figure_lines(knowledge, [cited("doc", 0)], sheet, frozenset({"深圳"}),
                         "How many national little giant enterprises does Shenzhen have?")
    assert "1,214 national little giants" in lines[0] and "11,062" in lines[1]
    plain = figure_lines(knowledge, [cited("doc", 0)], sheet, frozenset({"深圳"}))
    assert "11,062" in plain[0]  # no metric asked: the sentence's order


def test_a_line_names_only_a_place_the_sentence_gives_its_figure() -> None:
    """The sheet may take a figure's place from the document (a Shenzhen report); a line
    prints it only when the quoted sentence names the place before the figure, not in an
    organisation's name, and not among places the figures go to "respectively"."""
    from assistant.answering.figures import figure_lines
    from assistant.config import Settings
    from assistant.knowledge import load_knowledge

    knowledge = load_knowledge(Settings())
    share = record(45, "doc", 0, "share").model_copy(update={"unit": "%"})
    sheet = FactSheet.of([share])
    for sentence in ("据深圳大学统计,1364家位于长三角地区,占比达到45%,广东(含深圳)居前。",
                     "长三角地区占比达到45%,深圳其次。",
                     "江苏、深圳分别占45%和20%。"):
        assert figure_lines(knowledge, [cited("doc", 0, sentence)], sheet, frozenset()) == []
    shown = figure_lines(knowledge, [cited("doc", 0, "深圳的企业占比达到45%。")], sheet,
                         frozenset())
    assert shown and shown[0].startswith("Shenzhen: 45%")


def test_a_gap_between_two_figures_is_no_total() -> None:
    from assistant.knowledge.figure_rules import kind_of

    assert kind_of("总量距北京仅相差10家", "家", False) == "other"
    assert kind_of("深圳市累计培育1331家", "家", False) == "stock"
