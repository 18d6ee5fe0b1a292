"""HTML to plain text (one paragraph per block element) plus the page's own metadata."""

from __future__ import annotations

from bs4 import BeautifulSoup, Tag

from assistant.ingest.metadata import clean_title, parse_date

_DROP = (
    "script", "style", "noscript", "template", "iframe", "svg", "canvas",
    "form", "button", "select", "nav", "aside", "footer", "head",
)  # fmt: skip
_BLOCKS = (
    "p", "div", "section", "article", "main", "header", "h1", "h2", "h3", "h4", "h5",
    "h6", "li", "dt", "dd", "tr", "pre", "blockquote", "figcaption", "table", "ul",
    "ol", "dl", "address", "hr",
)  # fmt: skip
_META_KEYS = {
    "title": ("og:title", "citation_title", "dc.title", "twitter:title"),
    "publisher": ("og:site_name", "publisher", "citation_publisher", "dc.publisher"),
    "date": (
        "article:published_time", "citation_publication_date", "citation_date",
        "dc.date", "date", "pubdate", "publishdate", "publish-date",
    ),
    "url": ("og:url",),
}  # fmt: skip


def _meta_content(soup: BeautifulSoup, key: str) -> str:
    for attr in ("property", "name"):
        tag = soup.find("meta", attrs={attr: key})
        if isinstance(tag, Tag):
            content = tag.get("content")
            if isinstance(content, str) and content.strip():
                return content.strip()
    return ""


def _first(soup: BeautifulSoup, keys: tuple[str, ...]) -> str:
    return next((v for v in (_meta_content(soup, k) for k in keys) if v), "")


def _page_meta(soup: BeautifulSoup) -> dict[str, str]:
    meta = {field: _first(soup, keys) for field, keys in _META_KEYS.items()}
    if not meta["title"]:
        h1, title = soup.find("h1"), soup.find("title")
        source = h1 if isinstance(h1, Tag) else title
        meta["title"] = source.get_text(" ", strip=True) if isinstance(source, Tag) else ""
    if not meta["date"]:
        time = soup.find("time", attrs={"datetime": True})
        meta["date"] = str(time.get("datetime") or "") if isinstance(time, Tag) else ""
    canonical = soup.find("link", attrs={"rel": "canonical"})
    if isinstance(canonical, Tag) and isinstance(canonical.get("href"), str):
        meta["url"] = str(canonical["href"]).strip()
    meta["title"] = clean_title(meta["title"])
    meta["date"] = parse_date(meta["date"])
    if not meta["url"].startswith(("http://", "https://")):
        meta["url"] = ""
    return meta


def html_to_text(data: bytes) -> tuple[str, dict[str, str]]:
    """Plain text of an HTML page (blocks separated by blank lines) and its metadata."""
    soup = BeautifulSoup(data, "lxml")
    meta = _page_meta(soup)
    for tag in soup.find_all(_DROP):
        tag.decompose()
    root = soup.find("article") or soup.find("main") or soup.find("body") or soup
    if not isinstance(root, Tag):
        return "", meta
    for br in root.find_all("br"):
        br.replace_with("\n")
    for tag in root.find_all(_BLOCKS):
        tag.insert_before("\n\n")
        tag.insert_after("\n\n")
    return root.get_text(), meta
