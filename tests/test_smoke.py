from __future__ import annotations

from helpers import check, codes


def test_minimal_region_is_clean(region) -> None:  # type: ignore[no-untyped-def]
    result = check(region())
    assert [c for c in codes(result) if c[0] in "SRP"] == []
    assert result.exit_code() == 0
