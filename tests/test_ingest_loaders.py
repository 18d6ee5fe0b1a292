"""File loaders, discovery, the sources.yaml sidecar and skipping of bad files.

PDF and DOCX fixtures are generated here (a hand-written PDF with a real text
stream; python-docx for DOCX); HTML and Markdown samples live in tests/fixtures/ingest.
"""

from __future__ import annotations

import io
import logging
import re
import shutil
import zipfile
from pathlib import Path

import docx
import pytest

from assistant.config import Settings
from assistant.ingest import (
    SUPPORTED_SUFFIXES,
    LoadError,
    chunk_document,
    discover,
    load_corpus,
    load_document,
    load_sources,
)
from assistant.ingest.loaders import decode_text

FIXTURES = Path(__file__).parent / "fixtures" / "ingest"


def make_pdf(lines: list[str], title: str = "Provincial SRDI Report") -> bytes:
    """A minimal valid one-page PDF whose content stream draws ``lines`` in Helvetica."""

    def esc(text: str) -> bytes:
        return text.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)").encode("latin-1")

    content = b"BT /F1 11 Tf 72 740 Td 14 TL " + b" ".join(
        b"(" + esc(s) + b") Tj T*" for s in lines
    )
    content += b" ET"
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] "
        b"/Resources << /Font << /F1 4 0 R >> >> /Contents 5 0 R >>",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
        b"<< /Length %d >>\nstream\n" % len(content) + content + b"\nendstream",
        b"<< /Title (" + esc(title) + b") /CreationDate (D:20240115093000Z) >>",
    ]
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for number, obj in enumerate(objects, 1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + obj + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % offset for offset in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R /Info 6 0 R >>\n" % (len(objects) + 1)
    out += b"startxref\n%d\n%%%%EOF\n" % xref
    return bytes(out)


PDF_LINES = [
    "Annual SRDI Report",
    "",
    "The province recognised 512 specialized and innovative enterprises",
    "in 2023, an increase of 18 percent over the previous year, and",
    "financing support for them reached 3.2 billion yuan in total.",
    "",
    "Outlook",
    "",
    "More little giant firms are expected to be recognised in 2024.",
]


def make_docx() -> bytes:
    document = docx.Document()
    document.core_properties.title = "SRDI Policy Brief"
    document.add_heading("专精特新政策简报", level=0)
    document.add_paragraph("2024年，全市新增国家级专精特新“小巨人”企业85家。")
    document.add_paragraph("市财政安排专项资金2亿元，支持企业数字化转型。")
    table = document.add_table(rows=2, cols=2)
    table.cell(0, 0).text, table.cell(0, 1).text = "区县", "企业数"
    table.cell(1, 0).text, table.cell(1, 1).text = "海淀区", "312"
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def _settings(corpus: Path) -> Settings:
    return Settings(corpus_dir=corpus)


def _check_chunks(path: Path) -> str:
    doc = load_document(path, path.parent, {})
    chunks = chunk_document(doc, Settings())
    assert chunks
    for chunk in chunks:
        assert doc.text[chunk.metadata["start"] : chunk.metadata["end"]] == chunk.page_content
    return doc.cleaned_text()


def test_html_loader_extracts_article_text_and_page_metadata() -> None:
    path = FIXTURES / "sample.html"
    doc = load_document(path, FIXTURES, {})
    assert doc.title == "专精特新企业培育工作取得新进展"
    assert doc.publisher == "示例新闻网"
    assert (doc.date, doc.lang) == ("2024-05-06", "zh-Hans")
    assert doc.url == "https://news.example.org/srdi/2024/0506.html"
    cleaned = _check_chunks(path)
    assert "国家级专精特新“小巨人”企业186家" in cleaned
    assert "三项重点举措" in cleaned and "全年投放不少于50亿元" in cleaned
    for junk in ("tracking", "color", "首页", "热门文章", "Copyright", "浏览", "图1"):
        assert junk not in cleaned, junk


def test_markdown_is_its_own_original_text() -> None:
    path = FIXTURES / "sample.md"
    doc = load_document(path, FIXTURES, {})
    assert doc.text == path.read_text(encoding="utf-8")
    assert doc.title == "SRDI Support Measures in Example City"
    cleaned = _check_chunks(path)
    assert "Jane Doe  John Roe" in cleaned and "## Financing" in cleaned


def test_pdf_loader_reflows_wrapped_lines(tmp_path: Path) -> None:
    path = tmp_path / "report.pdf"
    path.write_bytes(make_pdf(PDF_LINES))
    doc = load_document(path, tmp_path, {})
    assert "512 specialized and innovative enterprises in 2023, an increase" in doc.text
    assert "Outlook" in doc.text
    assert (doc.title, doc.date, doc.lang) == ("Provincial SRDI Report", "2024-01-15", "en")
    assert "3.2 billion yuan" in _check_chunks(path)


def test_docx_loader_reads_paragraphs_tables_and_title(tmp_path: Path) -> None:
    path = tmp_path / "brief.docx"
    path.write_bytes(make_docx())
    doc = load_document(path, tmp_path, {})
    assert doc.title == "SRDI Policy Brief"
    assert doc.lang == "zh-Hans"
    cleaned = _check_chunks(path)
    assert "小巨人”企业85家" in cleaned and "海淀区 | 312" in cleaned


def test_text_decoding_handles_boms_and_legacy_chinese() -> None:
    sample = "专精特新“小巨人”企业共1214家。"
    assert decode_text("\ufeff".encode() + sample.encode()) == sample
    assert decode_text(sample.encode("utf-16")) == sample
    assert decode_text(sample.encode("gb18030")) == sample
    with pytest.raises(LoadError, match="NUL"):
        decode_text(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")
    with pytest.raises(LoadError, match="not valid UTF-8"):
        decode_text(bytes(range(128, 256)) * 4)


def test_gb18030_text_file_loads(tmp_path: Path) -> None:
    path = tmp_path / "legacy.txt"
    path.write_bytes("北京市累计培育国家级专精特新“小巨人”企业1214家。\n".encode("gb18030"))
    assert "1214家" in load_document(path, tmp_path, {}).cleaned_text()


BAD_FILES: dict[str, tuple[bytes, str]] = {
    "broken.pdf": (b"%PDF-1.4\n this is not really a pdf", "corrupt PDF"),
    "truncated.pdf": (make_pdf(PDF_LINES)[:120], "corrupt PDF"),
    "image.txt": (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00", "binary"),
    "archive.docx": (b"", "empty file"),
    "notes.docx": (b"PK\x03\x04 not a zip", "not a valid .docx"),
    "blank.md": (b"  \n\n\t\n", "empty file"),
    "data.xyz": (b"some data", "unsupported file type .xyz"),
    "LICENSE": (b"MIT License", "unsupported file type (no suffix)"),
    "chrome.txt": ("首页 > 新闻 > 正文\n\n来源：新华社 2024-05-06\n".encode(), "no content left"),
}


def _zip_without_word_document() -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("hello.txt", "hi")
    return buffer.getvalue()


@pytest.mark.parametrize("name", sorted(BAD_FILES))
def test_bad_file_raises_load_error_with_reason(tmp_path: Path, name: str) -> None:
    data, reason = BAD_FILES[name]
    path = tmp_path / name
    path.write_bytes(data)
    with pytest.raises(LoadError, match=re.escape(reason)):
        load_document(path, tmp_path, {})


def test_zip_that_is_not_a_docx(tmp_path: Path) -> None:
    path = tmp_path / "fake.docx"
    path.write_bytes(_zip_without_word_document())
    with pytest.raises(LoadError, match="without a Word document"):
        load_document(path, tmp_path, {})


def test_load_corpus_skips_bad_files_with_warnings(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    shutil.copy(FIXTURES / "sample.md", tmp_path / "good.md")
    for name, (data, _) in BAD_FILES.items():
        (tmp_path / name).write_bytes(data)
    with caplog.at_level(logging.WARNING):
        docs, skipped = load_corpus(_settings(tmp_path))
    assert [d.doc_id for d in docs] == ["good"]
    reasons = {s.path: s.reason for s in skipped}
    assert sorted(reasons) == sorted(BAD_FILES)
    for name, (_, reason) in BAD_FILES.items():
        assert reason in reasons[name]
        assert any(name in r.message and reason in r.message for r in caplog.records)


def test_discover_is_recursive_sorted_and_ignores_hidden_readme_and_sidecar(
    tmp_path: Path,
) -> None:
    for rel in (
        "b.txt",
        "a.md",
        "sub/report.html",
        "sub/deep/x.pdf",
        "sources.yaml",
        "README.md",
        "readme.txt",
        ".hidden.txt",
        ".git/config",
        "sub/.cache/y.txt",
    ):
        (tmp_path / rel).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / rel).write_text("x", encoding="utf-8")  # fmt: skip
    found = [p.relative_to(tmp_path).as_posix() for p in discover(tmp_path)]
    assert found == ["a.md", "b.txt", "sub/deep/x.pdf", "sub/report.html"]
    expected = {".txt", ".md", ".markdown", ".html", ".htm", ".pdf", ".docx"}
    assert expected == SUPPORTED_SUFFIXES


def test_nested_paths_duplicates_and_id_collisions(tmp_path: Path) -> None:
    (tmp_path / "sub").mkdir()
    text = (FIXTURES / "sample.md").read_bytes()
    (tmp_path / "sub" / "report.md").write_bytes(text)
    (tmp_path / "copy.md").write_bytes(text)
    (tmp_path / "note.md").write_bytes(text.replace(b"320", b"321"))
    (tmp_path / "note.txt").write_bytes(text.replace(b"320", b"322"))
    docs, skipped = load_corpus(_settings(tmp_path))
    assert [d.doc_id for d in docs] == ["copy", "note", "note.txt"]
    assert [(s.path, s.reason) for s in skipped] == [("sub/report.md", "duplicate of copy.md")]


def test_sources_yaml_sidecar(tmp_path: Path, caplog: pytest.LogCaptureFixture) -> None:
    shutil.copy(FIXTURES / "sample.md", tmp_path / "a.md")
    (tmp_path / "sources.yaml").write_text(
        "a.md:\n  title: 示例标题\n  site: Example Site\n  date: 2023-04-05\n"
        "  language: zh-CN\n  url: https://example.org/a\nmissing.md:\n  title: X\n",
        encoding="utf-8",
    )
    sources = load_sources(tmp_path)
    assert sources["a.md"]["date"] == "2023-04-05"  # an unquoted YAML date becomes ISO text
    with caplog.at_level(logging.WARNING):
        docs, _ = load_corpus(_settings(tmp_path))
    doc = docs[0]
    assert (doc.title, doc.publisher, doc.date, doc.lang, doc.url) == (
        "示例标题", "Example Site", "2023-04-05", "zh-Hans", "https://example.org/a",
    )  # fmt: skip
    assert chunk_document(doc, Settings())[0].metadata["title"] == "示例标题"
    assert any("missing.md" in r.message for r in caplog.records)


@pytest.mark.parametrize("content", ["a.md: [unclosed", "- just\n- a list\n", "a.md: plain"])
def test_malformed_sources_yaml_is_reported_not_fatal(
    tmp_path: Path, caplog: pytest.LogCaptureFixture, content: str
) -> None:
    shutil.copy(FIXTURES / "sample.md", tmp_path / "a.md")
    (tmp_path / "sources.yaml").write_text(content, encoding="utf-8")
    with caplog.at_level(logging.WARNING):
        docs, skipped = load_corpus(_settings(tmp_path))
    assert len(docs) == 1 and not skipped
    assert docs[0].title == "SRDI Support Measures in Example City"
    assert any("sources.yaml" in r.message for r in caplog.records)


def test_missing_corpus_directory_is_a_clear_error(tmp_path: Path) -> None:
    with pytest.raises(FileNotFoundError, match="corpus directory not found"):
        load_corpus(_settings(tmp_path / "nope"))
