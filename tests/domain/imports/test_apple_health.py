"""Apple Health streams: what a hostile export.xml cannot make the parser do."""

from __future__ import annotations

import io
from datetime import date

from domain.imports.apple_health import MAX_ELEMENT_BYTES
from domain.imports.pipeline import Limits, read_upload
from domain.imports.records import Options
from domain.model import ImportSource, ParseResult


class _GiantTag(io.RawIOBase):
    """``<HealthData><Record value="aaaa…`` for four times the element limit."""

    def __init__(self) -> None:
        self.served = 0

    def readable(self) -> bool:
        return True

    def seekable(self) -> bool:
        return True

    def readinto(self, buffer: bytearray) -> int:  # type: ignore[override]
        if self.served >= 4 * MAX_ELEMENT_BYTES:
            return 0
        head = b'<HealthData><Record value="' if self.served == 0 else b""
        piece = (head + b"a" * len(buffer))[: len(buffer)]
        buffer[: len(piece)] = piece
        self.served += len(piece)
        return len(piece)

    def seek(self, offset: int, whence: int = 0) -> int:
        self.served = 0
        return 0


def _read(stream: io.RawIOBase) -> ParseResult:
    parsed, _ = read_upload(
        stream,  # type: ignore[arg-type]
        "export.xml",
        source=ImportSource.AUTO,
        options=Options(),
        today=date(2026, 3, 18),
        limits=Limits(1 << 20, 1 << 40),
    )
    return parsed


def test_one_giant_tag_is_refused_without_reading_it_all() -> None:
    stream = _GiantTag()
    parsed = _read(stream)
    assert parsed.file_error is not None
    assert "single element over 64 MiB" in parsed.file_error.message
    assert stream.served < 2 * MAX_ELEMENT_BYTES


def test_a_root_other_than_health_data_is_refused_naming_it() -> None:
    parsed = _read(io.BytesIO(b'<?xml version="1.0"?><gpx><trk/></gpx>'))  # type: ignore[arg-type]
    assert parsed.file_error is not None
    assert "<gpx>" in parsed.file_error.message
