"""Retrieval: dense, lexical and hybrid retrievers over the index, and the tutorial baseline."""
