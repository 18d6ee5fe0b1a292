"""Answering: question analysis, sentence selection, grounded LLM answers, follow-ups, replies."""
