"""Statements and non-statements: which sentences can be quoted as a finding.

A heading, a title, a byline or an author note names a topic or a person; it states
nothing a question can be answered with. A defining sentence ("X是指…", "X refers to…")
answers "what is X".
"""

from __future__ import annotations

import re

__all__ = [
    "AUTHOR_Q", "DEFINES", "asks_data_source", "asks_person", "asks_source", "cites_source",
    "is_statement", "names_document", "names_role",
]

# A question for who wrote a text (not one that names the author and asks about them):
# its byline answers it.
AUTHOR_Q = re.compile(
    r"\bwho (?:wrote|authored|is the author|are the authors)|\bwritten by whom\b"
    r"|作者是谁|作者是誰|作者有哪些|哪些作者|哪位作者|谁写|誰寫|谁撰写|誰撰寫|由谁|由誰",
    re.I,
)

# Lines that name or describe a document rather than state a finding: headings, titles,
# bylines, author notes, abstracts' labels, source lines.
_NON_STATEMENT = re.compile(
    r"^\s*(?:#{1,6}\s|【?(?:作者简介|作者|收稿日期|基金项目|关键词|關鍵詞|摘要|中图分类号)】?\s*[:：]?"
    r"|(?:author|authors|keywords|abstract|doi)\b\s*[:：]?"
    # a source line: the document a rule or a figure comes from ("依据:…办法", "Source: …")
    r"|(?:依据|依據|资料来源|資料來源|数据来源|數據來源|来源|來源)\s*[:：]|sources?\s*:)",
    re.I,
)
_SOURCE_LINE = re.compile(r"^\s*(?:依据|依據|根据|根據|basis|legal basis)\s*[:：]", re.I)

# A question for the document a rule or a measure rests on ("依据的是哪份办法", "文号是什么",
# "What policy document is the basis for…"): a source line then answers it.
# Not "依据工信部数据，…" (a source cited) nor "what measures…" (a list of measures).
_SOURCE_Q = re.compile(
    r"(?:依据|依據|根据|根據)(?:的)?(?:是|哪|什么|什麼|何)|哪份|哪个文件|哪個文件|哪项政策|哪項政策"
    r"|哪个政策|哪個政策|文号|文號|\bbasis\b|\bbased on (?:which|what)\b"
    r"|\b(?:which|what) (?:\w+ )?(?:document|regulation)s?\b(?! (?:say|state))",
    re.I,
)
# A document named: a title in book-title marks, a measures/notice/regulations/plan name
# (news often writes one without marks: "武汉出台的…高质量发展行动计划,"), a document
# number (并财建〔2020〕201号)
_DOCUMENT = re.compile(
    r"《[^》]{2,80}》|(?:办法|辦法|条例|條例|细则|細則|实施意见|實施意見|若干意见|若干意見|指导意见"
    r"|指導意見|行动计划|行動計劃|行动方案|行動方案|实施方案|實施方案|工作方案|工作报告|工作報告)"
    r"(?=$|[(（。;；,，\s”」])"
    r"|〔\d{4}〕\s*\d+\s*[号號]"
    r"|\b(?:Measures|Regulations|Provisions|Notice) (?:on|for)\b"
    r"|\b[A-Z][\w-]*\s+(?:Work\s+)?(?:Plan|Report|Opinions|Guidelines)\b",
)


# A question for a person or a newsroom: who answered, which official, which outlet asked
_PERSON_Q = re.compile(
    r"谁|誰|哪位|哪家媒体|哪家媒體|哪个媒体|哪個媒體|\bwho(?:m|se)?\b"
    r"|\bwhich (?:\w+ )?(?:official|minister|reporter|journalist|outlet|newspaper|person"
    r"|expert|leader)s?\b",
    re.I,
)
# …and a sentence naming one by a role or a title (Deputy Minister, 记者, 副部长)
_ROLE = re.compile(
    r"部长|部長|司长|司長|局长|局長|厅长|廳長|处长|處長|省长|省長|市长|市長|区长|區長|主任|主席"
    r"|书记|書記|会长|會長|院长|院長|行长|行長|秘书长|秘書長|记者|記者|董事长|董事長|总经理|總經理"
    r"|总裁|總裁|教授|研究员|研究員|发言人|發言人"
    r"|\b(?:minister|director|reporter|journalist|spokes(?:person|man|woman)|chair(?:man|woman)?"
    r"|president|professor|researcher|correspondent|governor|mayor|secretary|dean|ceo)\b",
    re.I,
)


# Who reported or edited a news item: its credit line ("(记者邵长春)") is the answer
_CREDIT_Q = re.compile(
    r"\b(?:which|what) (?:\w+ )?(?:reporters?|journalists?|correspondents?|editors?)\b"
    r"|\bwho (?:reported|filed|edited)\b|(?:记者|記者|编辑|編輯)是(?:谁|誰)"
    r"|哪(?:位|个|個)(?:记者|記者|编辑|編輯)",
    re.I,
)


def asks_credit(question: str) -> bool:
    """Whether a question asks which reporter or editor a news item credits."""
    return bool(_CREDIT_Q.search(question))


# A question for where a text's figures or news come from ("数据来自哪里", "was based on
# which outlet's report"), and a sentence saying it ("数据来源: …", "据央视新聞消息")
_DATA_SOURCE_Q = re.compile(
    r"数据来[自源]|數據來[自源]|资料来源|資料來源|消息来源|消息來源|出处|出處"
    r"|(?:数据|數據|资料|資料|消息)[^，,。？?]{0,4}?(?:从|從)哪(?:里|裡|儿|兒)?(?:来|來)"
    r"|(?:数据|數據|资料|資料|消息)[^，,。？?]{0,4}?(?:来自|來自|出自)(?:哪|什么|什麼|何)"
    r"|来源(?:是|为|為)?(?:哪|什么|什麼|何)|來源(?:是|為)?(?:哪|什麼|何)"
    r"|\bsources? of (?:the |its |their )?(?:data|figures|numbers|information|news)\b"
    r"|\b(?:data|figures|numbers|information) (?:come|came) from\b"
    r"|\bbased on (?:which|what|whose) (?:\w+ )?(?:news|outlet|source|report|media|broadcaster)"
    r"|\b(?:which|what|whose) (?:news )?(?:outlet|source|media|broadcaster)'s report\b",
    re.I,
)
_CITES_SOURCE = re.compile(
    r"数据来源|數據來源|资料来源|資料來源|来源\s*[:：]|來源\s*[:：]"
    r"|[据據][^，,。；;]{2,14}?(?:消息|报道|報道|报导|報導)"
    r"|\bsources?\s*:|\b(?:data|figures) (?:are |were )?(?:from|sourced from)\b",
    re.I,
)


def asks_data_source(question: str) -> bool:
    """Whether a question asks where a text's data or news come from."""
    return bool(_DATA_SOURCE_Q.search(question))


def cites_source(sentence: str) -> bool:
    """Whether a sentence says where its data or news come from (数据来源, 据…消息)."""
    return bool(_CITES_SOURCE.search(sentence))


def asks_person(question: str) -> bool:
    """Whether a question asks who: a person, an official, a newsroom."""
    return bool(_PERSON_Q.search(question))


def names_role(sentence: str) -> bool:
    """Whether a sentence names someone by a role or title (Deputy Minister, 记者)."""
    return bool(_ROLE.search(sentence))


def asks_source(question: str) -> bool:
    """Whether a question asks for the document a rule or a measure rests on."""
    return bool(_SOURCE_Q.search(question))


def names_document(sentence: str) -> bool:
    """Whether a sentence names a document (a title, a measures' name, a number)."""
    return bool(_DOCUMENT.search(sentence))


# An entry of a reference list: "[2] 丁建军,…[J].经济地理,2022,42(10):109-118.DOI:…",
# "- [5] Smith J. … doi:10.…" — it names a source, its figures are volume and pages.
_REFERENCE = re.compile(
    r"^\s*(?:[-*]\s*)?\[\d+\]\s|\[(?:J|M|C|D|N|R|S|Z|EB/OL|J/OL)\]|\bdoi\s*:\s*10\.", re.I
)


# How a sentence defines something: "X是指…", "X refers to…", "X are … enterprises that…"
DEFINES = re.compile(
    r"是指|指的是|即是|定义为|定義為|是一种|是一類|是一类|是.{2,30}的\w{0,6}(?:企业|企業|中小企业)"
    # a quoted term glossed: "「中試」即「中間性試驗」"
    r"|[」”』\"]\s*(?:即|就是|也就是|亦即|則是|则是)"
    # …or opening the sentence as its subject: "“小巨人”是…的排頭兵企業"
    r"|^\s*[“「『\"][^”」』\"]{1,12}[”」』\"]\s*是"
    r"|\brefers? to\b|\bis defined as\b|\bare defined as\b|\bmeans\b"
    r"|\b(?:is|are) (?:an? |the )?(?:\w+ ){0,6}(?:enterprises?|companies|firms|smes)\b",
    re.I,
)


# a sentence ending by pointing to a figure or table of the paper says where its content is
_POINTS_TO_FIGURE = re.compile(
    r"(?:如|见|見)(?:下)?(?:图|圖|表)\s*\d*\s*(?:所示|所列)?\s*[。.]?\s*$"
    r"|\b(?:as )?(?:shown|illustrated|presented) in (?:figure|fig\.|table) ?\d+\.?\s*$",
    re.I,
)

# Fewer non-space characters than this, with no sentence end: a name, not a statement.
_SHORT_LINE = 12
_ENDS = re.compile(r"[。！？!?.;；…:：][”’」』)）\]\"'*]*$")


def _title_case(text: str) -> bool:
    """Most words (of four letters or more) capitalised, as in an English title."""
    words = [w for w in re.findall(r"[A-Za-z]{4,}", text)]
    capitals = sum(w[0].isupper() for w in words)
    # "Group 1: Policy and Recommendations": three words, every one capitalised
    return (len(words) >= 4 and capitals >= 0.7 * len(words)) or (
        len(words) == 3 and capitals == 3)


def _names_line(line: str) -> bool:
    """A line that names rather than states: no sentence end, and short (a byline, "任媛
    钱思昭") or every word capitalised ("Yuan Ren Sizhao Qian")."""
    if _ENDS.search(line):
        return False
    words = re.findall(r"[A-Za-z]+", line)
    capitalised = len(words) >= 2 and all(w[0].isupper() for w in words)
    return len(re.sub(r"\s", "", line)) < _SHORT_LINE or capitalised


def is_statement(text: str, sources: bool = False) -> bool:
    """False for headings, titles, bylines and questions: text that names a topic, not a
    fact (``sources``: a source line, "依据:…办法", states what the question asks)."""
    body = text.strip()
    if sources and (_SOURCE_LINE.match(body) or cites_source(body)):
        return True
    if _REFERENCE.search(body):
        return False  # a bibliography entry
    if _POINTS_TO_FIGURE.search(body):
        return False  # "…构建理论框架, 具体内容如图1所示": the paper's layout, no finding
    if body.endswith(("?", "？")) and "\n" not in body:
        return False  # a question (a headline "…奖励有多少?", an FAQ's), not its answer
    if "\n" not in body and not _ENDS.search(body) and _title_case(body):
        return False  # a title line: Most Words Capitalised, no sentence end
    lines = [ln.strip() for ln in body.splitlines() if ln.strip()]
    if len(lines) > 1 and _NON_STATEMENT.match(lines[-1]) and not _ENDS.search(lines[0]):
        return False  # a line before a heading: an affiliation, a byline, a label
    if _NON_STATEMENT.match(body):
        # "## 2.4 Heading\n A sentence." — a heading joined to its first sentence states it;
        # joined to a byline or to another heading, it still only names
        return (
            len(lines) > 1 and not _NON_STATEMENT.match(lines[-1]) and not _names_line(lines[-1])
        )
    return True
