"""What kind of answer a question wants: a count, a share, a year, an amount, a list, a
definition, a place; read from its question words in Chinese and English."""

from __future__ import annotations

import re

from assistant.answering.statements import asks_data_source

__all__ = [
    "AMOUNT_Q", "DEFINITION_Q", "HYPOTHETICAL", "JI", "LIST_Q", "NUMBER_Q", "PLACE_Q", "QUOTED",
    "SHARE_Q", "WHO_Q", "YEAR_Q",
    "asks_districts", "asks_divisions", "wants_amount", "wants_number", "wants_share",
    "wants_year",
]

# 几 asking how many: not 哪几 (which), 第几 (which one), 近几年 / 这几年 / 前几年 / 过去几年
# (recent years) nor 几乎 (almost)
JI = r"(?<![哪第近这這前去])[几幾](?!乎)"
NUMBER_Q = re.compile(
    rf"how (many|much)|number of|多少|{JI}|数量|數量|总量|總量|规模|規模|金额|金額"
    # "what is the total export value of…": a measure asked for is a figure
    # ("what was Beijing's count of…": a possessive before the measure)
    r"|\bwhat(?:'s|\s+is|\s+was|\s+are|\s+were)\s+(?:the\s+)?(?:[\w'’]+\s+){0,2}?"
    r"(?:total|value|amount|sum|count|size|revenue|profit|turnover|maximum|minimum|highest"
    r"|lowest|largest|smallest|increase|increment|additions?|gain|figure|number)\b"
    # "What total profit did…": a measure qualified as a total or average
    r"|^\s*what\s+(?:total|combined|average|overall)\s+",
    re.I,
)
# A question about the asker's own case or a supposed one ("Our SME scored only 55 points…",
# "A firm in Longgang spent 20 million yuan on R&D…", "龙岗一家企业去年研发投入8000万元", 如果…):
# its figures describe that case, the documents state thresholds and brackets instead
HYPOTHETICAL = re.compile(
    r"\b(?:our|my|we|I|suppose|supposing|if)\b|^\s*(?:an?|one)\s+[^?]{0,60}?\b(?:firm|company"
    r"|enterprise|SME|business)\b|我们|我們|我司|我公司|本公司|我家|如果|假如|假设|假設|若(?!干)"
    r"|^[^，,。？?]{0,12}?(?:(?<!每)一家|某家|某个|某個|某)[^，,。？?]{0,12}?(?:企业|企業|公司)",
    re.I,
)
# Who said it, or in what post ("…是谁、担任什么职务", "what was his position")
WHO_Q = re.compile(r"谁|誰|哪位|职务|職務|职位|職位|\bwho\b|\bposition\b|\bpost\b|\btitle\b",
                   re.I)
# A who/which question ("谁领先", "which city leads") picks one of the things it names: a
# count word in it (总量, number) says what is compared, not that a figure is the answer;
# 哪几 / 哪些 / 哪个 (哪几个领域, 哪些短板, 哪个区) pick: "which", not "how many".
_PICK_Q = re.compile(r"谁|誰|\bwho\b|\bwhich (?!year)|哪一?[几幾些个個家位座所种種类類]", re.I)
# 第几 asks which one of a series (第几次会议: the eleventh), no count
_COUNT_Q = re.compile(rf"how (?:many|much)|多少|{JI}", re.I)
# "share" asks for a proportion as a noun ("what share of", "market share"), not as a
# verb ("to share the risk")
SHARE_Q = re.compile(
    r"\b(?:what|which|the|a|its|their|market)\s+(?:\w+\s+)?shares?\b(?!\s+(?:the|its|their))"
    r"|\bshares?\s+of\b|\b(?:proportion|percent(?:age)?|ratio)s?\b|比重|占|佔|百分"
    # …not "in proportion" as a manner (同比例奖励, 按比例配套, 按一定比例)
    r"|(?<![同按等])(?<!一定)比例",
    re.I,
)
AMOUNT_Q = re.compile(
    r"how much|funding|funds?\b|investment|金额|金額|资金|資金|投资|投資|多少钱", re.I
)
# Questions that want several items (measures, kinds, sectors), and questions that ask
# what something is.
LIST_Q = re.compile(
    r"哪些|哪几|哪幾|有什么|有什麼|有何|什么样的|什麼樣的|几方面|幾方面|哪几个方面"
    r"|\bwhat (?:kinds?|types?|sorts?|measures|support|steps|policies|forms)\b"
    r"|\bwhich (?:\w+ ){0,2}(?:measures|steps|policies|kinds|types|ways|areas|sectors"
    r"|industries|fields|tools|problems|issues|challenges)\b|\blist\b|\bwhat are the\b",
    re.I,
)
DEFINITION_Q = re.compile(
    r"什么是|什麼是|是什么[？?。]?$|是什麼[？?。]?$|何为|何謂|何谓|指的是什么|的定义|的定義"
    r"|什么意思|什麼意思|指什么|指什麼|\bwhat does\b[^?]{1,60}?\bmean\b|\bwhat is meant by\b"
    # "是怎样界定…的", "如何定义"
    r"|(?:怎样|怎樣|怎么|怎麼|如何)(?:界定|定义|定義)"
    r"|^\s*what (?:is|are) (?:an? |the )?[\w\s\"“”'‘’-]{2,60}\?\s*$|\bdefin|\bmeaning of\b",
    re.I,
)

# A term the question quotes names exactly what it asks about ("“三维跃迁”包括哪三个方面")
QUOTED = re.compile(
    r"[“「『\"]([^”」』\"]{2,30})[”」』\"]"
    # 'single quotes' (not an apostrophe), and the Chinese term an English question adds
    # in brackets ("pilot testing (中試)")
    r"|(?<![A-Za-z])'([^']{2,30})'(?![A-Za-z])|[(（]([\u4e00-\u9fff]{2,12})[)）]"
)

# Questions whose answer is a place: "which districts", "哪些区", "哪个城市"
PLACE_Q = re.compile(
    r"\bwhich (?:\w+ )?(?:districts?|cit(?:y|ies)|provinces?|regions?|areas?|places?|counties)\b"
    r"|\bwhere\b(?! do| does| did| can| should| will)"
    r"|哪(?:个|個|些|几个|幾個)?(?:区|區|城市|市|省|省份|地区|地區|县|縣|地方)",
    re.I,
)

# …of them, those asking for administrative divisions by name ("which provinces", 哪些省份,
# 哪个区): a sentence naming none is no answer (not "where", nor a region such as 中西部)
_DIVISIONS_Q = re.compile(
    r"\bwhich (?:\w+ )?(?:districts?|cit(?:y|ies)|provinces?|counties)\b"
    r"|哪(?:个|個|些|几个|幾個)?(?:区|區|城市|省|省份|县|縣)(?![级級])",
    re.I,
)


def asks_divisions(text: str) -> bool:
    """Whether the question asks which provinces, cities or districts."""
    return bool(_DIVISIONS_Q.search(text))


_DISTRICTS_Q = re.compile(r"\bwhich (?:\w+ )?(?:districts?|counties)\b"
                          r"|哪(?:个|個|些|几个|幾個)?(?:区|區|县|縣)(?![级級])", re.I)


def asks_districts(text: str) -> bool:
    """Whether the question asks which districts or counties (a city names none)."""
    return bool(_DISTRICTS_Q.search(text))


# "when" asks for a date at the start of a question or clause, not in "when it comes to".
YEAR_Q = re.compile(
    r"(?:^|[,;:]\s*|\band\s+)when\b|what year|which year|deadline"
    r"|哪一?年|何时|何時|什么时候|什麼時候|截止(?:日期|时间|時間)"
    # a deadline or a period ("by what date", "from when to when", "哪几天", "哪一天之前")
    r"|\bby what date\b|\bfrom when\b|\buntil when\b"
    r"|哪[几幾]天|哪一?天(?:之前|以前|前)|(?:时间|時間)(?:是|为|為)哪",
    re.I,
)


def wants_number(text: str) -> bool:
    """A figure is the answer: a count word, unless the question picks one (who/which)
    without asking how many."""
    if not NUMBER_Q.search(text) or _RATE_ASKED.search(text):  # 利率是多少: a rate
        return False
    if asks_data_source(text):  # "企业数量数据来自哪里": a source, not a figure
        return False
    return not _PICK_Q.search(text) or bool(_COUNT_Q.search(text))


def wants_amount(text: str) -> bool:
    """A sum of money is the answer: a money word, unless the question picks one (which
    fund, 哪个基金) without asking how much."""
    if not AMOUNT_Q.search(text):
        return False
    return not _PICK_Q.search(text) or bool(_COUNT_Q.search(text))


# "When the study describes…, which district…": a clause saying when something is asked
# about, then the question proper
_WHEN_CLAUSE = re.compile(
    r"^\s*when\b(?!\s+(?:did|does|do|was|were|is|are|will|would|has|have|had|can|could)\b)"
    r"[^,?]*,\s*(?:which|what|who|whom|how|where|why)\b",
    re.I,
)


def wants_year(text: str) -> bool:
    """A date or year is the answer: a when-word asking, not a when-clause framing
    another question word."""
    return bool(YEAR_Q.search(_WHEN_CLAUSE.sub(" ", text)))


# A rate asked for is a percentage ("What VAT rate applies…", 年利率是多少), not a rate a
# question names as a condition (增速高于行业平均) or asks about in words (利率水平怎样)
_RATE_ASKED = re.compile(
    r"\bwhat\s+(?:is\s+|was\s+|are\s+|were\s+)?(?:the\s+)?(?:[\w-]+\s+){0,3}?rates?\b"
    r"|(?:利|税|稅|费|費|增长|增長|通过|通過|占有|佔有|覆盖|覆蓋|获贷|獲貸|转化|轉化|收益|回报|回報)率"
    r"[^，,。？?；;]{0,6}?(?:是多少|为多少|為多少|多少|几|幾|多高)"
    # how much something grew: a growth rate as often as an amount ("年均至少增长多少")
    r"|(?:增速|增幅|增长|增長)了?(?:是|为|為)?(?:多少|几|幾)(?![家个個项項件])",
    re.I,
)


# A share the question states ("which fields make up more than 40 percent",
# "佔…總數78%以上的是哪些領域"): the proportion is given, what holds it is asked
_STATED_SHARE = re.compile(
    r"(?:[占佔]|(?:make|makes|made|making) up|account(?:s|ed|ing)? for)?[^，,。？?；;]{0,16}?"
    r"\d[\d.,]*\s*(?:%|％|per\s?cent(?:age)?(?: points?)?)",
    re.I,
)


def wants_share(text: str) -> bool:
    """A proportion or a rate is the answer, not one the question states."""
    text = _STATED_SHARE.sub(" ", text)
    return bool(SHARE_Q.search(text) or _RATE_ASKED.search(text))
