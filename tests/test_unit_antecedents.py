"""A quoted sentence that points back ("This is the first time…", "这是首次…") is quoted
with the sentence before it, in its passage or at the end of the passage before."""

from __future__ import annotations

from langchain_core.documents import Document

from assistant.answering.passages import SentenceCache
from assistant.answering.selection import Candidate, with_antecedents
from assistant.config import Settings
from assistant.knowledge import load_knowledge


def _doc(cid: str, seq: int, text: str) -> Document:
    return Document(id=cid, page_content=text, metadata={"doc_id": "d", "seq": seq})


def _cand(doc: Document, sentence: str) -> Candidate:
    start = doc.page_content.index(sentence)
    return Candidate(doc, rank=1, start=start, end=start + len(sentence), score=1.0,
                     coverage=1.0)


def _cache() -> SentenceCache:
    knowledge = load_knowledge(Settings())
    return SentenceCache(knowledge.tokenizer, knowledge.place_names)


def _quoted(
    cache: SentenceCache, doc: Document, sentence: str,
    preceding: dict[str, Document] | None = None, people: bool = False,
) -> tuple[Candidate, list[str]]:
    """``sentence`` of ``doc`` as the chosen candidate, and the texts quoted with it."""
    best = _cand(doc, sentence)
    chosen = with_antecedents([best], cache, preceding or {}, max_quotes=3, people=people)
    return best, [c.text for c in chosen]


def test_a_sentence_pointing_back_brings_the_one_before() -> None:
    cache = _cache()
    text = ("The report proposed support in funds, talents and incubation. "
            "This is the first time that the term was written into the report.")
    best, got = _quoted(cache, _doc("a", 0, text),
                        "This is the first time that the term was written into the report.")
    assert got == ["The report proposed support in funds, talents and incubation.", best.text]
    zh = _doc("z", 0, "报告提出在资金、人才方面给予支持。这是首次写进政府工作报告。")
    _, got = _quoted(cache, zh, "这是首次写进政府工作报告。")
    assert got == ["报告提出在资金、人才方面给予支持。", "这是首次写进政府工作报告。"]


def test_the_sentence_before_may_end_the_passage_before() -> None:
    cache = _cache()
    first = _doc("a", 0, "Opening line. The report proposed support in funds and talents.")
    # passages overlap: the next one may repeat the sentence quoted
    second = _doc("b", 1, "This is the first time that the term was written into it. Then more.")
    best, got = _quoted(cache, second, "This is the first time that the term was written into it.",
                        {"b": first})
    assert got == ["The report proposed support in funds and talents.", best.text]
    assert with_antecedents([best], cache, {}, max_quotes=3) == [best]  # no passage before


def test_a_sentence_that_does_not_point_back_stands_alone() -> None:
    cache = _cache()
    doc = _doc("a", 0, "Heading line. This year, the report proposed support. It is recommended "
                       "to shift the focus.")
    for sentence in ("This year, the report proposed support.", "It is recommended to shift "
                     "the focus."):
        best = _cand(doc, sentence)
        assert with_antecedents([best], cache, {}, max_quotes=3) == [best]


def test_a_speakers_first_mention_gives_the_title_when_who_is_asked() -> None:
    cache = _cache()
    text = ("在今天开幕的大会上，北京证券交易所副总经理李永春表示，北交所已初步形成服务体系。"
            "会议还发布了报告。李永春介绍称，目前北交所上市公司186家。")
    best, got = _quoted(cache, _doc("a", 0, text), "李永春介绍称，目前北交所上市公司186家。",
                        people=True)
    assert got[0].startswith("在今天开幕的大会上") and got[1] == best.text
    # no who asked: the sentence alone; nor for a name never mentioned before
    assert with_antecedents([best], cache, {}, max_quotes=3) == [best]
    alone = _doc("b", 0, "会议还发布了报告。李永春介绍称，目前北交所上市公司186家。")
    best = _cand(alone, "李永春介绍称，目前北交所上市公司186家。")
    assert with_antecedents([best], cache, {}, max_quotes=3, people=True) == [best]
    # a body speaking is no person introduced earlier
    body = _doc("c", 0, "工信部发布了通知。工信部表示，目前北交所上市公司186家。")
    best = _cand(body, "工信部表示，目前北交所上市公司186家。")
    assert with_antecedents([best], cache, {}, max_quotes=3, people=True) == [best]


def test_a_sentence_whose_subject_is_it_or_the_company_brings_who_that_is() -> None:
    cache = _cache()
    text = ("Global Design Information is an industrial leader in virtual reality. "
            "It has developed China's first virtual reality engine software. "
            "It is expected that more firms will follow.")
    _, got = _quoted(cache, _doc("g", 0, text),
                     "It has developed China's first virtual reality engine software.")
    assert got[0] == "Global Design Information is an industrial leader in virtual reality."
    _, got = _quoted(cache, _doc("g", 0, text), "It is expected that more firms will follow.")
    assert got == ["It is expected that more firms will follow."]  # "it" stands for nothing
    zh = _doc("h", 0, "上海毓恬冠佳科技股份有限公司深耕汽车天窗。该公司突破国外技术垄断。")
    _, got = _quoted(cache, zh, "该公司突破国外技术垄断。")
    assert got == ["上海毓恬冠佳科技股份有限公司深耕汽车天窗。", "该公司突破国外技术垄断。"]
