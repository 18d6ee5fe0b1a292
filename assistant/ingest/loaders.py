"""File loaders: bytes on disk to plain text plus the metadata the file format carries.

Plain text and Markdown are decoded as they are (their text is the original the
chunk offsets point into); HTML, PDF and DOCX are converted to plain text with
paragraphs separated by blank lines. Every failure is a :class:`LoadError` with a
human-readable reason.
"""

from __future__ import annotations

import codecs
import io
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from assistant.ingest.document import SUPPORTED_SUFFIXES, LoadError
from assistant.ingest.limits import UNLIMITED, Limits
from assistant.ingest.metadata import clean_title, parse_date
from assistant.text.lang import han_count

_BOMS = (
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)
_CONTROL = re.compile(r"[\x00-\x08\x0e-\x1f\x7f-\x9f]")  # C0/C1 controls but tab, newlines
_CJK_PUNCT = re.compile(r"[\u3000-\u303f\uff00-\uffef\u2018-\u201d\u2026\u00b7]")
_JUNK_TITLE = re.compile(
    r"^(?:microsoft (?:word|powerpoint) - |untitled\b|document\d*$)|\.(?:docx?|pdf|tex|dvi|rtf)$",
    re.I,
)
_SENTENCE_END = re.compile(r"[。！？.!?:：;；”\"']$")


@dataclass(frozen=True)
class Extracted:
    """Plain text of a file, with metadata from its format (``strong`` beats text
    clues; ``weak`` — PDF/DOCX properties — only fills what nothing else gives)."""

    text: str
    strong: dict[str, str] = field(default_factory=dict)
    weak: dict[str, str] = field(default_factory=dict)


def _looks_binary(text: str) -> bool:
    return len(_CONTROL.findall(text)) > max(2, len(text) // 1000)


def _plausible_chinese(text: str) -> bool:
    non_ascii = sum(1 for ch in text if ord(ch) > 127)
    cjk = han_count(text) + len(_CJK_PUNCT.findall(text))
    return non_ascii > 0 and cjk >= 0.8 * non_ascii


def _try_wide(data: bytes, encoding: str) -> str:
    """``data`` decoded as BOM-less UTF-16/32 if that gives clean text, else ``""``."""
    try:
        text = data.decode(encoding)
    except UnicodeDecodeError:
        return ""
    clean = "\x00" not in text and not _looks_binary(text)
    readable = sum(ch.isprintable() or ch.isspace() for ch in text) >= 0.98 * len(text)
    return text if clean and readable and (text.isascii() or _plausible_chinese(text)) else ""


def _detect(data: bytes) -> str:
    """Text of BOM-less, non-UTF-8 bytes (UTF-16/32, Big5, GB18030…) via charset-normalizer."""
    from charset_normalizer import from_bytes

    binary = b"\x00" in data
    if binary:
        odd_nuls = data[1::2].count(0) >= data[0::2].count(0)  # ASCII in UTF-16-LE
        sixteen = ("utf-16-le", "utf-16-be") if odd_nuls else ("utf-16-be", "utf-16-le")
        for encoding in ("utf-32-le", "utf-32-be", *sixteen):
            wide = _try_wide(data, encoding)
            if wide:
                return wide
    best = from_bytes(data[:200_000]).best()
    if best is not None:
        try:
            text = data.decode(best.encoding)
        except (UnicodeDecodeError, LookupError):
            text = ""
        is_wide = best.encoding.startswith(("utf_16", "utf_32"))
        if text and "\x00" not in text and (is_wide or _plausible_chinese(text)):
            return text
    if not binary:
        try:
            text = data.decode("gb18030")
            if _plausible_chinese(text):
                return text
        except UnicodeDecodeError:
            pass
    kind = "binary data, not text (contains NUL bytes)" if binary else "not valid UTF-8 text"
    raise LoadError(f"{kind}; no text encoding recognised")


def decode_text(data: bytes) -> str:
    """Decode text bytes: BOM-marked UTF-8/16/32, else UTF-8, else the detected encoding
    (GB18030, Big5, BOM-less UTF-16/32… found by charset-normalizer)."""
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                text = data[len(bom) :].decode(encoding)
            except UnicodeDecodeError as exc:
                raise LoadError(f"not valid {encoding.upper()} text despite its BOM") from exc
            break
    else:
        try:
            if b"\x00" in data:  # NUL is valid UTF-8 but only wide encodings contain it
                raise UnicodeDecodeError("utf-8", data, 0, 1, "NUL byte")
            text = data.decode("utf-8")
        except UnicodeDecodeError:
            text = _detect(data)
    if _looks_binary(text):
        raise LoadError("binary data, not text (control characters)")
    return text


def _tidy(text: str) -> str:
    """Collapse spaces inside lines and runs of blank lines; strip every line."""
    lines = (re.sub(r"[ \t\u00a0\u3000]+", " ", line).strip() for line in text.splitlines())
    return re.sub(r"\n{3,}", "\n\n", "\n".join(lines)).strip()


def _load_text(data: bytes, limits: Limits) -> Extracted:
    return Extracted(decode_text(data))


def _load_html(data: bytes, limits: Limits) -> Extracted:
    from assistant.ingest.htmltext import html_to_text

    if b"\x00" in data:
        raise LoadError("binary data, not HTML (contains NUL bytes)")
    text, meta = html_to_text(data)
    return Extracted(_tidy(text), strong=meta)


def _reflow(page: str) -> str:
    """Join the hard-wrapped lines of a PDF page into paragraphs."""
    lines = [ln.strip() for ln in page.splitlines()]
    lengths = sorted((len(ln) for ln in lines if ln), reverse=True)
    typical = lengths[len(lengths) // 4] if lengths else 0
    paras: list[str] = []
    last = ""  # the previous raw line ("" after a blank line)
    for line in lines:
        if line and last and len(last) >= 0.7 * typical and not _SENTENCE_END.search(last):
            if last.endswith("-") and line[:1].islower():
                paras[-1] = paras[-1][:-1] + line
            else:
                glue = "" if han_count(last[-1] + line[0]) == 2 else " "
                paras[-1] += glue + line
        elif line:
            paras.append(line)
        last = line
    return "\n\n".join(paras)


def _sane_title(title: str) -> str:
    """A document-properties title, unless it is a file name or a tool's placeholder."""
    title = clean_title(title)
    junk = _JUNK_TITLE.search(title) or len(title) < 4
    return "" if junk else title


def _pdf_meta(reader: Any) -> tuple[dict[str, str], dict[str, str]]:
    """(strong, weak) metadata from the PDF info dictionary: title, creation date."""
    try:
        info = reader.metadata
        title = str(info.title or "") if info else ""
        created = info.creation_date if info else None
    except Exception:  # malformed info dictionaries are common; they are only hints
        return {}, {}
    date = created.date().isoformat() if created else ""
    return {"title": _sane_title(title)}, {"date": date}


def _load_pdf(data: bytes, limits: Limits) -> Extracted:
    from pypdf import PdfReader

    try:
        reader = PdfReader(io.BytesIO(data))
        if reader.is_encrypted and not reader.decrypt(""):
            raise LoadError("encrypted PDF (password required)")
        limits.pdf_pages(len(reader.pages))
        pages = [page.extract_text() or "" for page in reader.pages]
    except LoadError:
        raise
    except Exception as exc:
        raise LoadError(f"corrupt PDF: {exc}") from exc
    text = _tidy("\n\n".join(_reflow(page) for page in pages))
    strong, weak = _pdf_meta(reader)
    return Extracted(text, strong=strong, weak=weak)


def _docx_blocks(document: Any) -> list[str]:
    from docx.table import Table

    blocks: list[str] = []
    for item in document.iter_inner_content():
        if isinstance(item, Table):
            for row in item.rows:
                cells = [c.text.strip() for c in row.cells]
                blocks.append(" | ".join(c for c in dict.fromkeys(cells) if c))
        else:
            blocks.append(item.text.strip())
    return [b for b in blocks if b]


def _docx_title(document: Any) -> str:
    title = str(document.core_properties.title or "")
    if not title:
        for para in document.paragraphs:
            style = str(getattr(para.style, "name", "") or "")
            if para.text.strip() and style in ("Title", "Heading 1"):
                title = para.text
                break
    return clean_title(title)


def _load_docx(data: bytes, limits: Limits) -> Extracted:
    import zipfile

    import docx

    limits.zip_directory(data)  # a zip bomb is refused before any part is unpacked

    try:
        document = docx.Document(io.BytesIO(data))
    except zipfile.BadZipFile as exc:
        raise LoadError("not a valid .docx (not a zip archive)") from exc
    except KeyError as exc:
        raise LoadError("not a valid .docx (a zip archive without a Word document)") from exc
    except Exception as exc:
        raise LoadError(f"corrupt DOCX: {exc}") from exc
    text = _tidy("\n\n".join(_docx_blocks(document)))
    created = document.core_properties.created
    weak = {"date": created.date().isoformat() if created else ""}
    return Extracted(text, strong={"title": _sane_title(_docx_title(document))}, weak=weak)


_LOADERS: dict[str, Callable[[bytes, Limits], Extracted]] = {
    ".txt": _load_text,
    ".md": _load_text,
    ".markdown": _load_text,
    ".html": _load_html,
    ".htm": _load_html,
    ".pdf": _load_pdf,
    ".docx": _load_docx,
}
assert frozenset(_LOADERS) == SUPPORTED_SUFFIXES


def read_bytes(path: Path, limits: Limits = UNLIMITED) -> bytes:
    """The bytes of ``path`` (its size checked first); an unreadable file is a
    :class:`LoadError`."""
    try:
        limits.file_size(path.stat().st_size)
        return path.read_bytes()
    except OSError as exc:
        raise LoadError(f"unreadable: {exc.strerror or exc}") from exc


def extract(path: Path, data: bytes | None = None, limits: Limits = UNLIMITED) -> Extracted:
    """Plain text of ``path`` (or of its already-read ``data``); :class:`LoadError` if unusable
    or over one of ``limits``."""
    suffix = path.suffix.lower()
    loader = _LOADERS.get(suffix)
    if loader is None:
        raise LoadError(f"unsupported file type {suffix or '(no suffix)'}")
    data = read_bytes(path, limits) if data is None else data
    if not data.strip():
        raise LoadError("empty file")
    extracted = loader(data, limits)
    if not extracted.text.strip():
        raise LoadError("no text content")
    limits.document_chars(len(extracted.text))
    weak = {k: parse_date(v) if k == "date" else v for k, v in extracted.weak.items()}
    return Extracted(extracted.text, extracted.strong, weak)
