"""Questions asking two things, answered part by part (issue 9: parts stated in separate
sentences were refused as a whole)."""

from __future__ import annotations

import pytest
from langchain_core.documents import Document

from assistant.answering.extract import Extract
from assistant.answering.multipart import by_parts, part_queries
from assistant.answering.question import Idf, Question
from assistant.answering.selection import Candidate
from assistant.config import Settings
from assistant.knowledge import Knowledge, load_knowledge


@pytest.fixture(scope="module")
def knowledge() -> Knowledge:
    return load_knowledge(Settings())


def _parser(knowledge: Knowledge):  # type: ignore[no-untyped-def]
    idf = Idf.build(["海南小巨人企业", "单项冠军企业"], knowledge.tokenizer)
    return lambda text: Question.parse(text, knowledge.glossary, knowledge.gazetteer, idf,
                                       None, knowledge.place_names, knowledge.places.is_name)


def test_a_later_part_is_read_in_the_first_parts_frame(knowledge: Knowledge) -> None:
    parse = _parser(knowledge)
    assert part_queries("海南有多少家小巨人企业？", parse) == []  # one thing asked
    first, second = part_queries(
        "2023年海南共有几家小巨人企业？其中哪家还是单项冠军企业？", parse)
    assert first.startswith("2023年海南")
    assert "海南" in second and "2023年" in second and "单项冠军" in second
    # a part naming its own place keeps it
    _, own = part_queries("How many little giants does Hainan have, and how many does "
                          "Fujian have?", parse)
    assert "Hainan" not in own


def test_a_lead_clause_asking_nothing_belongs_to_the_first_part(knowledge: Knowledge) -> None:
    parse = _parser(knowledge)
    first, second = part_queries(
        "海口对小巨人企业的贷款给贴息，贷款额度上限是多少？同一企业最多补多少？", parse)
    assert first.startswith("海口对小巨人企业的贷款给贴息") and first.endswith("上限是多少")
    assert second.startswith("海口") and "同一企业" in second


def test_parts_are_answered_together_when_the_first_is_found(knowledge: Knowledge) -> None:
    """Plumbing (no meaning involved): a stand-in answers each part from a table."""
    parse = _parser(knowledge)
    doc = Document(page_content="海南共有13家。金盘科技是单项冠军。", id="d1",
                   metadata={"doc_id": "d", "title": "t"})
    cands = {"几家": Candidate(doc, 1, 0, 8, 1.0, 0.8),
             "哪家": Candidate(doc, 1, 8, 18, 1.0, 0.7)}

    def answer(q: Question) -> Extract:
        hit = next((c for k, c in cands.items() if k in q.text), None)
        return Extract(hit is not None, [hit] if hit else [], [], [], hit.coverage if hit else 0)

    merged = by_parts("海南共有几家小巨人？其中哪家还是单项冠军？", parse, answer)
    assert merged is not None and merged.found
    assert [q.text for q in merged.quotes] == ["海南共有13家。", "金盘科技是单项冠军。"]
    assert merged.marks == [1, 1] and merged.best_coverage == 0.7
    # the first part answered, a later one not: a partial answer naming the missing part
    partial = by_parts("海南共有几家小巨人？其中哪位是董事长？", parse, answer)
    assert partial is not None and partial.found
    assert [q.text for q in partial.quotes] == ["海南共有13家。"]
    assert partial.lines == ["未找到单独回答这一部分的句子：「其中哪位是董事长？」"]
    # …only as sure as a partial answer must be (the found part's support is 0.8 here)
    unsure = by_parts("海南共有几家小巨人？其中哪位是董事长？", parse, answer, partial_min=0.9)
    assert unsure is None
    assert by_parts("海南共有几家小巨人？其中哪家还是单项冠军？", parse, answer,
                    partial_min=0.9) is not None  # every part found: no partial answer
    # …but not without the first part, which names the subject
    assert by_parts("海南有哪位董事长？其中哪家还是单项冠军？", parse, answer) is None
