"""The language server (`kngg lsp`, the `lsp` extra): kngg's findings in the editor while typing.

regions.py keeps the open regions in memory (no protocol); features.py turns findings and
documents into diagnostics, completion, hover and quick fixes; server.py wires them to pygls.
"""
