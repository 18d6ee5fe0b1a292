"""The attribute a question asks for ("What is the *weather* in Beijing?", "台北的*天气*如何？")
and whether the corpus ever mentions it.

A question that asks for an attribute no document names in any language (not as a word,
not through the glossary or the dictionary bridge) cannot be answered from the documents,
however well the rest of it (the place, the programme) is covered: quoting a sentence
about Beijing's firms for Beijing's weather is a confident wrong answer.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Collection

from assistant.answering.figure_kinds import names_count, names_money
from assistant.answering.statements import AUTHOR_Q
from assistant.answering.targets import names_target
from assistant.knowledge.glossary import Glossary

__all__ = [
    "absent_attribute", "asked_attribute", "attribution", "metric_phrase", "without_attribution",
]

# "What is the weather in …", "What was the combined annual revenue of …"
_EN = re.compile(
    r"^\s*what(?:'s|\s+is|\s+are|\s+was|\s+were)\s+(?:the\s+|an?\s+)?"
    r"(?P<np>(?:[a-z][\w-]*\s+){0,3}?[a-z][\w-]*)\s+(?:of|in|for|at|on|between)\b",
    re.I,
)
# "台北的天气如何", "北京小巨人企业的平均研发投入强度是多少"
_ZH = re.compile(
    r"的(?P<np>[\u4e00-\u9fff]{1,12}?)(?:一共|总共|總共|共)?"
    r"(?:是多少|有多少|多少|如何|怎么样|怎麼樣|怎样|怎樣|是什么|是什麼|是[几幾])"
    r"(?!时候|時候|时间|時間)"  # "是什么时候发布的" asks when, not for an attribute
)

# "小巨人企业研发费用加计扣除比例是多少", "…平均每家实现利润多少？": the clause before the
# question word
_ZH_CLAUSE = re.compile(
    r"(?:^|[，,。？?；;：:])\s*(?:截至|截止)?[^，,。？?；;：:]*?(?P<np>[\u4e00-\u9fff]{2,12}?)"
    r"(?:有多少|是多少|为多少|為多少|多少(?=\s*[？?]?\s*$))"
)

# "…有多少家「小巨人」企业新上市": the counted thing after the measure word
# "…一共缴了多少税": what follows 多少 (not money or times, which name no thing)
_ZH_TAIL = re.compile(
    r"(?:有多少|是多少)[家个個名项項]?(?P<np>[^，,。？?；;]{2,16})"
    r"|了多少(?![钱錢次倍年岁歲家个個名项項位只件条條])(?P<short>[\u4e00-\u9fff]{1,6})"
)


# "What total profit did…", "How much profit did…": the measure asked for, before the verb
_EN_MEASURE = re.compile(
    r"^\s*(?:what\s+(?P<np>(?:total|combined|average|annual|net|overall)\s+[a-z][\w-]*"
    r"(?:\s+[a-z][\w-]*)?)|how much\s+(?P<much>[a-z][\w-]*))"
    r"\s+(?:did|does|do|has|have|had|will|would|was|were|is|are)\b"
    # "What was the total profit, in yuan, earned by…", "…the total profit earned by…"
    r"|^\s*what(?:'s|\s+is|\s+was|\s+are|\s+were)\s+the\s+"
    r"(?P<the>(?:total|combined|average|annual|net|overall)\s+[a-z][\w-]*)\s*(?:,|\b(?:earned"
    r"|made|generated|achieved|reported|recorded|posted|reali[sz]ed|of|for|by|at|in)\b)",
    re.I,
)


def metric_phrase(text: str) -> str:
    """What a how-much question measures: the asked attribute, else the clause before
    "有多少 / 是多少"; with what follows "了多少" ("缴了多少税": 税), "" if none."""
    tail = _ZH_TAIL.search(text)
    counted = (tail["np"] or tail["short"]) if tail else ""
    measure = _EN_MEASURE.search(text)
    if measure:
        return str(measure["np"] or measure["much"] or measure["the"])
    found = asked_attribute(text)
    if found:
        return " ".join(x for x in (found, tail["short"] if tail else "") if x)
    m = _ZH_CLAUSE.search(text)
    return " ".join(x for x in (m["np"] if m else "", counted) if x)


# "Who is the chairman of …", "基金的董事长是谁": the role asked for (a byline may answer
# it without naming the role, so it only tells whether the corpus knows the role at all)
_WHO = re.compile(
    r"^\s*who(?:'s|\s+is|\s+was)\s+(?:the\s+)?(?P<np>(?:[a-z][\w-]*\s+){0,2}?[a-z][\w-]*)"
    r"\s+(?:of|at|in|for)\b"
    r"|的(?P<zh>[\u4e00-\u9fff]{1,8}?)(?:是谁|是誰|是哪位)",
    re.I,
)


_ABOUT = re.compile(
    r"(?<=[\u4e00-\u9fff])(?:约合|約合|折合|约为|約為|大约|大約|相当于|相當於|约|約)$")
_SAYS = re.compile(r"(?:讲|講|说|說|指|写|寫|提到|谈|談)的?$"
                   # …nor is a generic head ("带动效果怎么样": the 带动 is asked about)
                   r"|(?<=[\u4e00-\u9fff]{2})(?:效果|情况|情況|状况|狀況|表现|表現)$")


def asked_attribute(text: str) -> str:
    """The noun phrase naming what an attribute question asks for ("" if none)."""
    m = _EN.search(text) or _ZH.search(text)
    # "第五条措施讲的是什么": what the measure says is asked, 讲 is no attribute; nor is
    # 约合 in "总产值约合多少美元" (the output, restated in dollars)
    return _ABOUT.sub("", _SAYS.sub("", m["np"])) if m else ""


def absent_attribute(
    text: str, glossary: Glossary, vocabulary: Collection[str],
    forms: Callable[[str], tuple[str, ...]],
) -> str:
    """The asked attribute's head word when the corpus never mentions it in any language
    (``vocabulary``: the corpus words; ``forms``: dictionary translations found in the
    corpus), else ""."""
    who = None if AUTHOR_Q.search(text) else _WHO.search(text)  # a byline names no role
    phrase = asked_attribute(text) or (who["np"] or who["zh"] if who else "")
    if not phrase or _glossary_known(phrase, glossary, vocabulary):
        return ""
    words = glossary.tokenizer.tokenize(phrase, bigrams=False)
    if not words:
        return ""
    head = words[-1]
    said = (frozenset({head}),)
    if head in vocabulary or forms(head) or names_count(said) or names_money(said) or (
            names_target(said)):
        return ""  # the corpus has it, or it is "the number", the sum or the target a
        # figure states (将推动形成10万家)
    return head


def _glossary_known(phrase: str, glossary: Glossary, vocabulary: Collection[str]) -> bool:
    """Whether a glossary term ``phrase`` names is written by the corpus in some language
    (a glossary row alone, 总经理 = general manager, says nothing of the documents)."""
    tokenize = glossary.tokenizer.tokenize
    return any(
        terms and all(t in vocabulary for t in terms)
        for m in glossary.match(phrase) for term in (*m.entry.zh, *m.entry.en)
        for terms in (tokenize(term, bigrams=False),)
    )


# What a question may read from: a report, an article, a handbook, a notice…
_PIECES = (
    "报道|報道|报导|報導|报告|報告|文章|论文|論文|分析|评论|評論|通知|公告|新闻|新聞|消息|稿件"
    "|手册|手冊|白皮书|白皮書|研究|调查|調查|综述|綜述|摘要|访谈|訪談|专访|專訪"
)

# Who said it, where: "据工信部在国新办发布会上的介绍，…", "According to MIIT, …". The
# source frames the question; a sentence answering it need not name the source.
_ATTRIBUTION = re.compile(
    r"(?:^|[，,。；;])\s*(?P<zh>(?:据|據|根据|根據|按照|依据|依據)[^，,。？?；;]{2,40}?"
    r"(?:介绍|介紹|表示|说|說|称|稱|显示|顯示|报道|報道|发布|發布|数据|數據|统计|統計|口径|口徑"
    r"|报告|報告|文章|研究|调查|調查|通知|公告|文件|发布会|發布會|分析|评论|評論"
    # …or the policy it goes by ("按照台州市…的行动方案，")
    r"|方案|规划|規劃|计划|計劃|办法|辦法|意见|意見|细则|細則))\s*[，,]"
    # "…大会的报道中，", "新华社11月的英文报道中，": the report a question reads from
    r"|(?:^|[，,。；;])\s*(?P<zh_in>(?:在|据|據)?[^，,。？?；;]{2,40}?的[^，,。？?；;的]{0,4}?"
    rf"(?:{_PIECES})"
    r"(?:中|里|裡|裏))\s*[，,]"
    # "2022年南京…发展大会上，": the event a report covers opens the question
    r"|^\s*(?P<zh_at>在?[^，,。？?；;]{2,40}?(?:大会|大會|论坛|論壇|峰会|峰會|座谈会|座談會|发布会|發布會)上)"
    r"\s*[，,]"
    # "…的那篇报道，": the piece pointed at opens the question
    rf"|^\s*(?P<zh_that>[^，,。？?；;]{{2,40}}?(?:那|这|這)(?:篇|份|则|則|本)(?:{_PIECES}))\s*[，,]"
    # …also closing the question ("What shares do they contribute, according to Xinhua?")
    # (a comma between digits is no clause's end: "the report on the 1,188-firm list")
    r"|\b(?P<en>according to (?:[^,?]|(?<=\d),(?=\d)){2,80}?),(?!\d)"
    # "In the OFweek analysis of the top-30 cities, …", "Per the disruptive-innovation article, …"
    r"|^\s*(?P<en_in>(?:in|per)\s+(?:the|this|that|an?|its|his|her|their)\s+[^,?]{0,60}?"
    r"\b(?:paper|newspaper|report|article|analysis|study|survey|abstract|notice|interview"
    r"|commentary|piece|story|handbook|white paper|newsletter|digest|briefing|press release)\b"
    r"(?:[^,?]|(?<=\d),(?=\d)){0,80}?),(?!\d)"
    r"|(?<=,)\s*(?P<en_end>according to (?:[^,?]|(?<=\d),(?=\d)){2,80}?)(?=\s*\?\s*$)"
    # a publication named as the source: "亞洲時報說…", "covered by the Hong Kong paper",
    # "the Asia Times article says" (its place is where it is published, not the subject)
    r"|^\s*(?P<zh_outlet>[^，,。？?；;]{1,16}?(?:报|報|网|網|台|社|媒体|媒體|报告|報告|文章|论文|論文"
    r"|手册|手冊|白皮书|白皮書|研究|调查|調查|报道|報道|报导|報導|分析|评论|評論)"
    r"(?:说|說|称|稱|提到|显示|顯示|指出|报道|報道))"
    r"|\b(?P<en_outlet>(?:covered|reported|published|described|cited|quoted|mentioned)\s+(?:by|in)"
    r"\s+(?:the\s+)?[^,?]{1,40}?\b(?:paper|newspaper|daily|times|post|report|article|outlet"
    r"|media|magazine|website|site)\b"
    r"|(?:the|this|that)\s+[^,?]{1,40}?\b(?:paper|newspaper|daily|times|post|report|article)"
    r"\s+(?:says|said|reports|reported|states|stated|mentions|notes|writes|wrote)\b)",
    re.I,
)


def attribution(text: str) -> str:
    """The clause of ``text`` that names its source ("" if none)."""
    m = _ATTRIBUTION.search(text)
    if m is None:
        return ""
    return next((g for g in m.groups() if g), "")


def without_attribution(text: str) -> str:
    """``text`` with the clause naming its source blanked out (offsets kept): its places
    say where the source is published, not what the question is about."""
    found = attribution(text)
    if not found:
        return text
    start = text.find(found)
    return text[:start] + " " * len(found) + text[start + len(found):]
