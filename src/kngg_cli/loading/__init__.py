"""Stage 1: files → plain data with the position of every key and value."""
