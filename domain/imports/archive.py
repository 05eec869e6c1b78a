"""A ZIP archive opened within bounds: its directory checked before it is parsed, its
members read within an inflation budget (docs/imports/index.md, "Limits").

Python's ``zipfile`` reads every entry of the central directory into memory before
anyone can count them, and a member's declared size is the only bound on what it
inflates to. So before ``zipfile`` sees the archive, its end record must promise at
most ``MAX_ZIP_MEMBERS`` members in at most ``MAX_DIRECTORY_BYTES``, and the directory
itself is walked (an end record can lie) counting entries up to that bound. A member
is read only if it is stored or deflated, declares at most ``MAX_INFLATION`` times its
compressed size, and fits in what is left of the archive's total; ``zipfile`` never
inflates a member past its declared size.
"""

from __future__ import annotations

import struct
import zipfile
import zlib
from typing import BinaryIO

#: Members an archive may list (an export has a few dozen).
MAX_ZIP_MEMBERS = 10_000
#: The largest central directory read: 10,000 entries with names of 700 bytes.
MAX_DIRECTORY_BYTES = MAX_ZIP_MEMBERS * 768
#: A member may inflate to at most this many times its compressed size
#: (CSV and XML exports compress 5 to 30 times)...
MAX_INFLATION = 100
#: ... except a small one, however well it compresses.
SMALL_MEMBER_BYTES = 64 * 1024
#: Errors reading a member that mean the archive is malformed, not the server broken.
READ_ERRORS = (zipfile.BadZipFile, zlib.error, EOFError, OSError, ValueError, RuntimeError)

_END = struct.Struct("<4s4H2LH")
_END_SIGNATURE = b"PK\x05\x06"
_LOCATOR = struct.Struct("<4sLQL")
_LOCATOR_SIGNATURE = b"PK\x06\x07"
_END64 = struct.Struct("<4sQ2H2L4Q")
_END64_SIGNATURE = b"PK\x06\x06"
_ENTRY = struct.Struct("<4s4B4HL2L5H2L")
_ENTRY_SIGNATURE = b"PK\x01\x02"
_MAX_COMMENT = 0xFFFF
_READABLE = frozenset({zipfile.ZIP_STORED, zipfile.ZIP_DEFLATED})


class ArchiveRefusedError(Exception):
    """The archive cannot be read within the bounds; the message says why."""


class BoundedArchive:
    """An archive whose directory was bounded, and the inflation budget left.

    Args:
        stream: the archive, seekable.
        max_total_bytes: what all members read may inflate to together.

    Raises:
        ArchiveRefusedError: a directory over the bounds, or no ZIP at all.
    """

    def __init__(self, stream: BinaryIO, max_total_bytes: int) -> None:
        _check_directory(stream)
        try:
            self.zip = zipfile.ZipFile(stream)
        except READ_ERRORS as error:
            message = f"this ZIP archive cannot be read: {str(error)[:100]}"
            raise ArchiveRefusedError(message) from error
        self.members = self.zip.infolist()
        self.budget = max_total_bytes

    def open(self, member: zipfile.ZipInfo, limit: int) -> BinaryIO:
        """A member's stream, once its declared size passes every bound.

        Raises:
            ArchiveRefusedError: the member is over a bound or in a method not read.
        """
        name = member.filename[:100]
        if member.compress_type not in _READABLE:
            raise ArchiveRefusedError(
                f'the archive member "{name}" is compressed with method {member.compress_type}; '
                "only stored and deflated members are read"
            )
        if member.flag_bits & 0x1:
            raise ArchiveRefusedError(f'the archive member "{name}" is encrypted')
        allowed = max(MAX_INFLATION * member.compress_size, SMALL_MEMBER_BYTES)
        if member.file_size > allowed:
            raise ArchiveRefusedError(
                f'the archive member "{name}" inflates {member.file_size:,} bytes from '
                f"{member.compress_size:,}; at most {MAX_INFLATION} times its compressed size"
            )
        if member.file_size > min(limit, self.budget):
            raise ArchiveRefusedError(
                f'the archive member "{name}" inflates to {member.file_size:,} bytes; the limit '
                f"is {min(limit, self.budget):,} bytes"
                + ("" if limit <= self.budget else " (what is left of the archive's total)")
            )
        self.budget -= member.file_size
        return self.zip.open(member)  # type: ignore[return-value]

    def read(self, member: zipfile.ZipInfo, limit: int) -> bytes:
        """A member's bytes (see ``open``)."""
        with self.open(member, limit) as stream:
            return stream.read()


def _check_directory(stream: BinaryIO) -> None:
    """Refuse an archive whose end record or directory is over the bounds."""
    size = stream.seek(0, 2)
    tail_start = max(0, size - _END.size - _MAX_COMMENT)
    stream.seek(tail_start)
    tail = stream.read()
    at = tail.rfind(_END_SIGNATURE)
    if at < 0 or len(tail) - at < _END.size:
        raise ArchiveRefusedError("this ZIP archive has no end record: it is cut short")
    end = tail_start + at
    _, _, _, _, count, directory_size, _, _ = _END.unpack_from(tail, at)
    directory_end = end
    if count == 0xFFFF or directory_size == 0xFFFFFFFF:
        count, directory_size, directory_end = _zip64(stream, end)
    if count > MAX_ZIP_MEMBERS:
        raise ArchiveRefusedError(
            f"this ZIP archive lists {count:,} files; at most {MAX_ZIP_MEMBERS:,}"
        )
    if directory_size > MAX_DIRECTORY_BYTES or directory_size > directory_end:
        raise ArchiveRefusedError(
            f"this ZIP archive's directory is {directory_size:,} bytes; at most "
            f"{MAX_DIRECTORY_BYTES:,}"
        )
    stream.seek(directory_end - directory_size)
    _count_entries(stream.read(directory_size))
    stream.seek(0)


def _zip64(stream: BinaryIO, end: int) -> tuple[int, int, int]:
    """Members, directory size and where the directory ends, from the ZIP64 end record."""
    if end < _LOCATOR.size:
        raise ArchiveRefusedError("this ZIP archive's ZIP64 end record is missing")
    stream.seek(end - _LOCATOR.size)
    signature, _, _, _ = _LOCATOR.unpack(stream.read(_LOCATOR.size))
    record_at = end - _LOCATOR.size - _END64.size
    if signature != _LOCATOR_SIGNATURE or record_at < 0:
        raise ArchiveRefusedError("this ZIP archive's ZIP64 end record is missing")
    stream.seek(record_at)
    record = _END64.unpack(stream.read(_END64.size))
    if record[0] != _END64_SIGNATURE:
        raise ArchiveRefusedError("this ZIP archive's ZIP64 end record is malformed")
    return record[7], record[8], record_at


def _count_entries(directory: bytes) -> None:
    """Walk the directory's entries, refusing it past ``MAX_ZIP_MEMBERS`` of them."""
    at, count = 0, 0
    while at + _ENTRY.size <= len(directory):
        entry = _ENTRY.unpack_from(directory, at)
        if entry[0] != _ENTRY_SIGNATURE:
            break
        count += 1
        if count > MAX_ZIP_MEMBERS:
            raise ArchiveRefusedError(
                f"this ZIP archive lists more than {MAX_ZIP_MEMBERS:,} files (its end record "
                "says fewer)"
            )
        name_length, extra_length, comment_length = entry[12], entry[13], entry[14]
        at += _ENTRY.size + name_length + extra_length + comment_length
