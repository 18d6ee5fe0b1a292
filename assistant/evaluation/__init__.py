"""Evaluation: metrics over question files, and the benchmark."""
