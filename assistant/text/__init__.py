"""Text handling for every stage: language and script, normalisation, figures, sentences."""
