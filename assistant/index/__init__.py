"""The index: Chroma collections, the lexical (BM25) index and the sync of both with the corpus."""
