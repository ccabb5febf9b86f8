"""One content digest for kngg's own bookkeeping (the result cache, the compiled catalogue).

BLAKE2b from CPython's own `_blake2` module where it has one: `hashlib` loads OpenSSL first,
which costs a cached `kngg check` more than all its hashing."""

from __future__ import annotations


def digest(data: bytes) -> str:
    """A 256-bit BLAKE2b digest of data, as 64 hexadecimal digits."""
    try:
        from _blake2 import blake2b
    except ImportError:  # another Python: hashlib has BLAKE2 everywhere
        from hashlib import blake2b
    return blake2b(data, digest_size=32).hexdigest()
