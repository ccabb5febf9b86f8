"""The commands that write region files: `kngg init`, `kngg advance`, `kngg sign`.

Every change to an existing file goes through `edit.textedit`: the file is patched in its
original text, line by line, at the positions the loader recorded, so that comments, blank lines,
key order, flow style, quoting, indentation, line endings and a BOM stay as they were; the result
is parsed again before it is written atomically.
"""
