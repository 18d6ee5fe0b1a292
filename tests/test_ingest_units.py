"""Unit tests of the ingestion rules on synthetic text: dates, cleaning, sentences, chunks."""

from __future__ import annotations

from itertools import pairwise

import pytest

from assistant.config import Settings
from assistant.ingest import SourceDoc, chunk_document
from assistant.ingest.chunking import TAIL_SLACK, Budget, chunk_id, chunk_spans
from assistant.ingest.clean import clean_text
from assistant.ingest.metadata import (
    clean_title,
    find_dates,
    merge_metadata,
    normalise_lang,
    parse_date,
    text_metadata,
)
from assistant.text.sentences import split_sentences


@pytest.mark.parametrize(
    ("text", "iso"),
    [
        ("2026-01-27", "2026-01-27"),
        ("日期:2025-10-22", "2025-10-22"),
        ("Published on 08/27/2022", "2022-08-27"),
        ("Upload time:2024-10-15", "2024-10-15"),
        ("Bei Ke Cai Jing· 2026-01-27 14:24", "2026-01-27"),
        ("发布时间：2024年10月15日 09:00", "2024-10-15"),
        ("Posted on Oct. 14, 2024", "2024-10-14"),
        ("14 October 2024", "2024-10-14"),
        ("27/08/2022", "2022-08-27"),
        ("2024/3/5", "2024-03-05"),
        ("2024-13-45", ""),
        ("DOI:10.15957/j.cnki.jjdl.2022.10.013", ""),
        ("累计培育1.46万家", ""),
        ("no date here", ""),
    ],
)
def test_dates_in_every_byline_format(text: str, iso: str) -> None:
    assert parse_date(text) == iso


def test_dates_are_listed_in_order() -> None:
    assert find_dates("from 2023-01-02 until 05/06/2024") == ["2023-01-02", "2024-05-06"]


@pytest.mark.parametrize(
    ("line", "publisher", "date", "url"),
    [
        (
            "來源:高新院 achie.org 日期:2025-10-22 點擊:",
            "高新院 achie.org",
            "2025-10-22",
            "http://achie.org",
        ),
        (
            "2025-10-22 來源:高新院 achie.org 點擊:",
            "高新院 achie.org",
            "2025-10-22",
            "http://achie.org",
        ),
        ("Bei Ke Cai Jing· 2026-01-27 14:24", "Bei Ke Cai Jing", "2026-01-27", ""),
        ("Article source: Upload time:2024-10-15", "", "2024-10-15", ""),
        (
            "来源：新华网 https://www.news.cn/a.html 时间：2024-05-06",
            "新华网",
            "2024-05-06",
            "https://www.news.cn/a.html",
        ),
        # a government site's "信息来源" (and a repost's "文章来源") name the source too
        ("信息来源: 市投资促进局 发布时间: 2023-05-19 15:27 浏览次数:", "市投资促进局",
         "2023-05-19", ""),
        ("文章来源：新华社 2024-05-06", "新华社", "2024-05-06", ""),
    ],
)
def test_byline_metadata(line: str, publisher: str, date: str, url: str) -> None:
    meta = text_metadata([line], "")
    assert (meta["publisher"], meta["date"], meta["url"]) == (publisher, date, url)


def test_a_journal_issue_line_dates_an_undated_article_by_its_year() -> None:
    body = "摘要\n11月15日,北交所正式开市。\n出处\n《纺织服装周刊》\n2021年第43期8-8,共1页"
    assert text_metadata([], "", body)["date"] == "2021"
    # a byline's full date wins; a body without an issue line gives none
    assert text_metadata(["来源：新华网 2024-05-06"], "", body)["date"] == "2024-05-06"
    assert text_metadata([], "", "2021年，企业数量增长。")["date"] == ""
    # a reference entry's issue is another article's
    reference = "参考文献\n[1] 李金华.境况与出路[J].改革,2021年第5期:1-9"
    assert text_metadata([], "", reference)["date"] == ""


def test_sidecar_beats_text_metadata() -> None:
    merged = merge_metadata(
        {"title": "Sidecar", "date": ""}, {"title": "Text", "date": "2024-01-02"}
    )
    assert merged["title"] == "Sidecar" and merged["date"] == "2024-01-02"
    assert merged["url"] == ""


def test_titles_and_language_tags() -> None:
    assert clean_title("## 2.4 上市培育<sup>①</sup>") == "2.4 上市培育①"
    long = clean_title("word " * 80)
    assert len(long) <= 161 and long.endswith("…")
    assert [normalise_lang(t) for t in ("zh", "zh-CN", "zh_TW", "zh-Hant", "en-US", "fr", "")] == [
        "zh-Hans", "zh-Hans", "zh-Hant", "zh-Hant", "en", "", "",
    ]  # fmt: skip


# A made-up scraped page: none of these lines are in the bundled corpus, so the rules
# are shown to generalise rather than to match known strings.
SCRAPED = """免费电影-高清视频在线-最新影视大全-手机在线观看
Login
您的位置：首页 > 政策解读 > 正文
欢迎访问某某产业园官网！
浙江省专精特新企业培育情况通报
来源：浙江日报 时间：2024-05-06 10:21 浏览：
截至2024年3月底，浙江省累计培育国家级专精特新“小巨人”企业1458家，居全国前列。全省专精特新中小企业营业收入同比增长12.3%，研发投入强度达到6.1%。
二、下一步工作
下一步将完善梯度培育体系，强化金融服务，推动更多企业登陆北交所。
作者：王小明
Part No: XK2019-8831
首页 > 政策解读 >
浙江省专精特新企业培育情况通报
2024-05-06 来源：浙江日报
截至2024年3月底，浙江省累计培育国家级专精特新“小巨人”企业1458家，居全国前列。全省专精特新中小企业营业收入同比增长12.3%，研发投入强度达到6.1%。
二、下一步工作
下一步将完善梯度培育体系，强化金融服务，推动更多企业登陆北交所。
Share
"""


def test_cleaning_rules_generalise_to_an_unseen_page() -> None:
    text = SCRAPED.replace("\n", "\n\n")
    cleaned = clean_text(text)
    kept = "\n\n".join(text[s:e] for s, e in cleaned.segments)
    reasons = dict((v, k) for k, v in cleaned.dropped)
    assert reasons["免费电影-高清视频在线-最新影视大全-手机在线观看"] == "keyword-spam"
    assert reasons["Login"] == reasons["Share"] == "chrome"
    assert reasons["您的位置：首页 > 政策解读 > 正文"] == "breadcrumb"
    assert reasons["欢迎访问某某产业园官网！"] == "banner"
    assert reasons["来源：浙江日报 时间：2024-05-06 10:21 浏览："] == "meta"
    assert reasons["Part No: XK2019-8831"] == "code"
    assert cleaned.title == "浙江省专精特新企业培育情况通报"
    assert kept.count("1458家") == 1  # the repeated article is dropped
    assert "二、下一步工作" in kept and "作者：王小明" in kept
    assert "2024-05-06" not in kept and "首页" not in kept
    meta = text_metadata(cleaned.meta_lines, cleaned.title)
    assert (meta["publisher"], meta["date"]) == ("浙江日报", "2024-05-06")


@pytest.mark.parametrize(
    "line",
    [
        "On 2024-01-05 the ministry held a meeting.",
        "2024年1月5日，工信部召开专题会议。",
        "数据来源: 北京市统计局 2024-01-05 发布的公报。",
    ],
)
def test_dated_sentences_are_content_not_bylines(line: str) -> None:
    text = f"{line}\n\n{'A real paragraph of body text that is long enough to count. ' * 2}"
    assert clean_text(text).segments[0][0] == 0


def test_crlf_text_keeps_exact_offsets() -> None:
    text = "Title line\r\n\r\nFirst sentence here. Second sentence here.\r\nThird one.\r\n"
    doc = _doc(text, clean_text(text).segments)
    for chunk in chunk_document(doc, Settings()):
        start, end = chunk.metadata["start"], chunk.metadata["end"]
        assert text[start:end] == chunk.page_content == chunk.page_content.strip()
    assert "\r" not in text[slice(*doc.segments[-1])][-1:]


def test_short_repeated_lines_are_not_duplicates() -> None:
    text = "## 摘要\n\n第一部分的内容，足够长的一句话。\n\n## 摘要\n\n第二部分的内容，另一句话。"
    kept = "".join(text[s:e] for s, e in clean_text(text).segments)
    assert kept.count("## 摘要") == 2


def test_author_and_heading_lines_survive_cleaning() -> None:
    text = "# A Study of SRDI Firms\n\nAda Lovelace Alan Turing\n\n张三 李四\n\n## 1 引言\n\n正文。"
    assert clean_text(text).segments == ((0, len(text)),)


def _sentences(text: str) -> list[str]:
    return [text[s:e] for s, e in split_sentences(text)]


def test_sentences_keep_decimals_abbreviations_and_initials_together() -> None:
    text = (
        "Output rose 1.46 times in the U.S. economy. Clayton M. Christensen wrote it, "
        "see No. 5 and Fig. 3. Next sentence? Yes! Last one; then more."
    )
    assert _sentences(text) == [
        "Output rose 1.46 times in the U.S. economy.",
        "Clayton M. Christensen wrote it, see No. 5 and Fig. 3.",
        "Next sentence?",
        "Yes!",
        "Last one;",
        "then more.",
    ]


def test_chinese_sentences_and_closing_quotes() -> None:
    text = "他说：“必须加强科技创新。”随后指出，要推动融合发展！是否可行？当然;继续"
    assert _sentences(text) == [
        "他说：“必须加强科技创新。”",
        "随后指出，要推动融合发展！",
        "是否可行？",
        "当然;",
        "继续",
    ]
    assert _sentences("专精特新企业1.46万家，占1.2%。下一句。") == [
        "专精特新企业1.46万家，占1.2%。",
        "下一句。",
    ]


def test_one_line_bullet_summary_is_split_at_bullets_and_citations() -> None:
    text = (
        "Core View - First point here [1] Group 1: Topic - Second point [2][10] - Third point [3]"
    )
    assert _sentences(text) == [
        "Core View",
        "First point here [1]",
        "Group 1: Topic",
        "Second point [2][10]",
        "Third point [3]",
    ]


def test_a_range_of_numbers_is_no_bullet() -> None:
    text = "各省数量在 120 - 150 家左右,构成第二梯队。Key facts - Output rose - 3 cities"
    assert _sentences(text) == [
        "各省数量在 120 - 150 家左右,构成第二梯队。", "Key facts", "Output rose", "3 cities",
    ]


def test_line_breaks_end_headings_and_list_items() -> None:
    first = "The first line of a paragraph that a plain-text file has hard-wrapped"
    text = f"## Heading\n{first}\nin the middle. Second.\n- item one\n- item two"
    assert _sentences(text) == [
        "## Heading",
        f"{first}\nin the middle.",
        "Second.",
        "- item one",
        "- item two",
    ]


def _doc(text: str, segments: tuple[tuple[int, int], ...] | None = None) -> SourceDoc:
    return SourceDoc(
        doc_id="t", path="t.txt", title="T", publisher="", date="", url="", lang="en",
        text=text, file_hash="0" * 64, segments=segments or ((0, len(text)),),
    )  # fmt: skip


def test_long_chinese_text_is_cut_at_sentence_ends_with_overlap() -> None:
    settings = Settings()
    sentence = "专精特新中小企业是推动创新的重要力量，在产业链关键环节发挥着不可替代的作用。"
    text = sentence * 30
    spans = chunk_spans(text, ((0, len(text)),), settings)
    assert len(spans) > 3
    budget = Budget(text, settings)
    for start, end in spans:
        assert text[start:end].endswith("。")
        assert budget.cost(start, end) <= settings.chunk_max_chars_zh * TAIL_SLACK
    assert all(b[0] < a[1] for a, b in pairwise(spans))  # one-sentence overlap


def test_an_over_long_sentence_is_split_at_clause_punctuation() -> None:
    settings = Settings()
    text = "，".join(["专精特新企业持续发展壮大"] * 60) + "。"
    spans = chunk_spans(text, ((0, len(text)),), settings)
    assert len(spans) > 1 and spans[-1][1] == len(text)
    budget = Budget(text, settings)
    for start, end in spans:
        assert budget.cost(start, end) <= settings.chunk_max_chars_zh
        assert text[start:end][-1] in "，。"


def test_no_overlap_without_setting() -> None:
    settings = Settings(chunk_overlap_sentences=0)
    text = "This is one sentence of a moderately long English text about SRDI firms. " * 40
    spans = chunk_spans(text, ((0, len(text.rstrip())),), settings)
    assert all(b[0] > a[1] for a, b in pairwise(spans))


def test_equal_chunk_texts_get_distinct_deterministic_ids() -> None:
    text = "Same words in a sentence here.\n\nDropped junk\n\nSame words in a sentence here."
    doc = _doc(text, ((0, 30), (payload := text.rindex("Same"), len(text))))
    chunks = chunk_document(doc, Settings())
    assert [c.page_content for c in chunks] == ["Same words in a sentence here."] * 2
    assert chunks[0].id != chunks[1].id
    assert chunks[0].id == chunk_id("t", "Same words in a sentence here.")
    assert chunks[1].metadata["start"] == payload
    assert [c.id for c in chunk_document(doc, Settings())] == [c.id for c in chunks]


def test_a_keyword_lines_semicolons_separate_terms_not_sentences() -> None:
    text = ("## 关键词\n\n专精特新“小巨人”企业; 梯度培育; 高质量发展\n\n## 1 引言\n\n"
            "北京累计培育1214家; 深圳市累计培育1331家。")
    parts = [text[a:b] for a, b in split_sentences(text)]
    assert "专精特新“小巨人”企业; 梯度培育; 高质量发展" in parts
    assert "北京累计培育1214家;" in parts  # a clause elsewhere still ends at its semicolon
    inline = "Keywords: SRDI; little giants; policy\nThe study finds X; and Y."
    first, *_ = split_sentences(inline)
    assert inline[slice(*first)] == "Keywords: SRDI; little giants; policy"
    # …also when the keyword line is not the text's first
    later = "摘要一句。\n关键词: 专精特新; 梯度培育; 高质量发展\n正文; 第二句。"
    parts = [later[a:b] for a, b in split_sentences(later)]
    assert "关键词: 专精特新; 梯度培育; 高质量发展" in parts and "正文;" in parts
