"""The words of a question that frame it rather than name what it asks about.

Interrogatives (哪一年, 几个), hedges and aggregators of the answer (roughly, 大约,
combined, 分别), a year's time frame (截至…年底, as of the end of) and batch
ordinals (第六批, the first six batches: anchors checked against a
sentence's context, like years) are no concepts a sentence must express: rare as they are,
they would otherwise be the key words an answer cannot contain.
"""

from __future__ import annotations

import re

from assistant.answering.anchors import ordinal_spans

__all__ = ["content_text", "without_answer_form"]

# …and a reference back to the batch already named (这一批, this batch)
_FRAMING = re.compile(
    r"哪一?(?:年|个|個|些|家|种|種|批|项|項|类|類)?|第?[几幾](?:个|個|家|年|项|項|种|種|批|次|位|件|类|類)?"
    r"|[这這该該本此]一?[批届屆轮輪]|\b(?:this|that|the same) (?:batch|round|list)\b"
    r"|多少|什么|什麼|大约|大約|大概|大致|左右|将近|將近|一共|总共|總共|合计|合計|分别|分別"
    r"|共有|共计|共計|总计|總計"
    r"|\b(?:roughly|approximately|approx|around|nearly|almost|combined|altogether"
    r"|respectively)\b"
    # the time frame of a year, an anchor checked against the sentence's dates like the year
    # itself (截至2024年底, as of the end of 2024): the year's end is no word to express
    r"|截至|截止|(?<=\d{4})\s*年[底末初]|\b(?:as of|by|at|until)(?: the)? end of\b"
    r"|\bas of\b|\byear[- ]end\b"
    # "带动效果怎么样", "发展情况如何": a generic head before "how is it" names no attribute
    r"|(?:效果|情况|情況|状况|狀況|表现|表現)(?=\s*(?:怎么样|怎麼樣|如何|怎样|怎樣))",
    re.I,
)


# How the answer should be put (in one sentence, briefly, 简要介绍, 用一句话说): a wish about
# the reply's form, never about what it says, so no concept and no reason to read the
# question as anything but the question it wraps.
_ANSWER_FORM = re.compile(
    r"\b(?:in (?:one|a|a single|two|three|a few|few) (?:short )?(?:sentences?|words?|lines?"
    r"|phrases?|paragraphs?)|briefly|in brief|in short|in a nutshell|in summary|in plain terms"
    r"|put simply|simply put|explained simply)\b"
    r"|[请請]?(?:[用以]?[一两兩几幾三]句[话話]?(?:[说說]{1,2}|[来來]?[概总總][括结結]|解[释釋])?"
    r"|[简簡]要(?:地)?(?:[说說]{1,2}(?:明)?|介[绍紹](?:一下)?|[讲講]{1,2}|回答|概括)?"
    r"|[简簡][单單](?:地)?(?:[说說]{1,2}(?:明)?|介[绍紹](?:一下)?|[讲講]{1,2}|回答|概括)"
    r"|[简簡]而言之|概括(?:地|一下)?(?:[说說])?)",
    re.I,
)
_DANGLING = re.compile(r"^[\s,，:：]+|[\s,，:：]+(?=[?？。.!！]?\s*$)")


def without_answer_form(text: str) -> str:
    """``text`` without the words asking for a form of answer (see ``_ANSWER_FORM``);
    the text itself when it has none."""
    stripped = _ANSWER_FORM.sub(" ", text)
    if stripped == text:
        return text
    return _DANGLING.sub("", re.sub(r"\s{2,}", " ", stripped)).strip() or text


def content_text(text: str) -> str:
    """``text`` without its framing words and batch ordinals (see ``_FRAMING``)."""
    drop = {i for start, end in ordinal_spans(text) for i in range(start, end)}
    text = "".join(" " if i in drop else ch for i, ch in enumerate(text))
    return _FRAMING.sub(" ", text)
