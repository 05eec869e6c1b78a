"""One pipeline for every upload: recognise the format, read records, aggregate to days.

The result is the ``ParseResult`` the canonical parser gives, so the service merges
and reports every format the same way (docs/imports/index.md).
"""

from __future__ import annotations

import codecs
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from typing import BinaryIO

from domain.columns import name_list
from domain.imports import (
    apple_health,
    cronometer,
    fitbit,
    garmin,
    google_fit,
    myfitnesspal,
    oura,
    renpho,
    whoop,
    withings,
)
from domain.imports.archive import READ_ERRORS, ArchiveRefusedError, BoundedArchive
from domain.imports.days import compacted, to_days
from domain.imports.detection import DESCRIPTIONS, csv_candidates, names_of
from domain.imports.records import Collector, Options
from domain.imports.tables import header_of
from domain.model import ImportSource, ParseResult, RowError
from domain.parsing import parse_csv
from domain.validation import latest_date

_SUPPORTED_ARCHIVES = "MyFitnessPal export ZIP (its Summary CSVs), Apple Health export.zip"

#: The CSV adapter of each app: file bytes, file name, options -> records.
_CSV_READERS: dict[ImportSource, Callable[[bytes, str, Options], Collector]] = {
    ImportSource.MYFITNESSPAL: lambda data, name, options: myfitnesspal.read(data, options),
    ImportSource.CRONOMETER: lambda data, name, options: cronometer.read(data, options),
    ImportSource.WITHINGS: withings.read,
    ImportSource.GARMIN: lambda data, name, options: garmin.read(data, options),
    ImportSource.GOOGLE_FIT: google_fit.read,
    ImportSource.FITBIT: lambda data, name, options: fitbit.read_research(data, options),
    ImportSource.OURA: lambda data, name, options: oura.read(data, options),
    ImportSource.WHOOP: lambda data, name, options: whoop.read(data, options),
    ImportSource.RENPHO: lambda data, name, options: renpho.read(data, options),
}


@dataclass(frozen=True, slots=True)
class Limits:
    """Bounds on what an upload may make us read: CSV text, archive members, inflated sizes."""

    max_csv_bytes: int
    max_archive_bytes: int


#: Binary files people send by mistake, by their first bytes, and what they are.
_BINARY = {
    b"\x1f\x8b": "a gzip file",
    b"%PDF": "a PDF document",
    b"\x89PNG": "a PNG image",
    b"\xff\xd8\xff": "a JPEG image",
    b"\xd0\xcf\x11\xe0": "an old Excel (.xls) workbook: save it as CSV",
}
_SUPPORTED = (
    "supported: CSV (canonical or an app's), Fitbit JSON, Apple Health export.xml or "
    "export.zip, the MyFitnessPal export ZIP"
)


def kind_of(head: bytes) -> str:
    """``zip``, ``xml``, ``json``, ``binary`` or ``csv`` from a file's first bytes."""
    if head.startswith((b"PK\x03\x04", b"PK\x05\x06")):
        return "zip"
    if head.startswith(tuple(_BINARY)) or head[8:12] == b".FIT":
        return "binary"
    text = head[len(codecs.BOM_UTF8) :] if head.startswith(codecs.BOM_UTF8) else head
    text = text.lstrip()
    if text.startswith(b"<"):
        return "xml"
    if text.startswith((b"{", b"[")):
        return "json"
    return "csv"


def read_upload(
    stream: BinaryIO,
    filename: str | None,
    *,
    source: ImportSource,
    options: Options,
    today: date,
    limits: Limits,
    csv_only: bool = False,
    progress: Callable[[int], None] | None = None,
) -> tuple[ParseResult, ImportSource]:
    """Read any supported file into days; never raises for bad content.

    Args:
        stream: the file, seekable, positioned at its start.
        filename: the client's file name (part of some signatures).
        source: the format the caller says it is, or ``AUTO``.
        csv_only: refuse anything but CSV (``uploadCsv``), naming ``importFile``.
        progress: called now and then with the bytes read so far (long files).
    """
    name = filename or ""
    head = stream.read(4096)
    stream.seek(0)
    kind = kind_of(head)
    if kind == "binary":
        what = "a Garmin FIT file" if head[8:12] == b".FIT" else None
        what = what or next(name for magic, name in _BINARY.items() if head.startswith(magic))
        return _refused(f"this is {what}; {_SUPPORTED}: export your data as one of these")
    if kind != "csv" and csv_only:
        what = {"zip": "a ZIP archive", "xml": "an XML file", "json": "a JSON file"}[kind]
        return _refused(
            f"this is {what}: uploadCsv takes CSV files only; send it with the importFile "
            "mutation (or healthhub ingest)"
        )
    if kind == "zip":
        return _read_zip(stream, source, options, today, limits, progress)
    if kind == "xml":
        return _read_xml(stream, source, options, today, progress)
    if kind == "json":
        return _read_json(stream.read(limits.max_csv_bytes + 1), name, source, options, today)
    return _read_csv(stream.read(), name, source, options, today)


def _read_csv(
    data: bytes, name: str, source: ImportSource, options: Options, today: date
) -> tuple[ParseResult, ImportSource]:
    names = header_of(data)
    found = csv_candidates(names, name)
    if source not in (ImportSource.AUTO, ImportSource.HUB) and source not in found:
        seen = (
            f"it looks like {names_of(found)}" if found else f"its columns are {name_list(names)}"
        )
        return _refused(
            f"the file does not match source {source.value} ({DESCRIPTIONS[source]}): {seen}; "
            "send source AUTO to let the hub recognise it, or the source it is",
            source,
        )
    if source is ImportSource.HUB and found:
        return _refused(
            f"the file was sent as source HUB but looks like {names_of(found)}; send source "
            "AUTO or the app's source",
            source,
        )
    if len(found) > 1:
        choices = " or ".join(s.value for s in sorted(found, key=str))
        return _refused(
            f"the file matches several app formats: {names_of(found)}; send source {choices} "
            "to say which"
        )
    if not found:
        parsed = parse_csv(
            data,
            today=today,
            date_order=options.date_order,
            number_format=options.number_format,
            weight_unit=options.weight_unit,
            profile_weight_unit=options.profile_weight_unit,
        )
        return parsed, ImportSource.HUB
    [app] = found
    return to_days(_CSV_READERS[app](data, name, options), today=today), app


def _read_json(
    data: bytes, name: str, source: ImportSource, options: Options, today: date
) -> tuple[ParseResult, ImportSource]:
    if fitbit.json_kind(name) is None or source not in (ImportSource.AUTO, ImportSource.FITBIT):
        return _refused(
            "this is a JSON file; supported JSON: Fitbit account-export files named "
            "weight-*.json, steps-*.json, sleep-*.json or food_logs*.json, whose name says "
            "what they hold: send such a file under the name the export gave it",
            source if source is not ImportSource.AUTO else ImportSource.UNKNOWN,
        )
    return to_days(fitbit.read_json(data, name, options), today=today), ImportSource.FITBIT


def _read_xml(
    stream: BinaryIO,
    source: ImportSource,
    options: Options,
    today: date,
    progress: Callable[[int], None] | None,
) -> tuple[ParseResult, ImportSource]:
    if source not in (ImportSource.AUTO, ImportSource.APPLE_HEALTH):
        return _refused(
            f"this is an XML file, not a {source.value} export; the XML the hub imports is "
            "Apple Health's export.xml: send it with source AUTO or APPLE_HEALTH",
            source,
        )
    latest = latest_date(today)
    return to_days(apple_health.read(stream, latest=latest, progress=progress), today=today), (
        ImportSource.APPLE_HEALTH
    )


def _read_zip(
    stream: BinaryIO,
    source: ImportSource,
    options: Options,
    today: date,
    limits: Limits,
    progress: Callable[[int], None] | None,
) -> tuple[ParseResult, ImportSource]:
    try:
        archive = BoundedArchive(stream, limits.max_archive_bytes)
        return _read_members(archive, source, options, today, limits, progress)
    except ArchiveRefusedError as refused:
        return _refused(str(refused))
    except READ_ERRORS as error:  # a member cut short or corrupt
        return _refused(f"this ZIP archive cannot be read: {str(error)[:100]}")


def _read_members(
    archive: BoundedArchive,
    source: ImportSource,
    options: Options,
    today: date,
    limits: Limits,
    progress: Callable[[int], None] | None,
) -> tuple[ParseResult, ImportSource]:
    members = archive.members
    names = [m.filename for m in members]
    apple = [m for m in members if m.filename.rsplit("/", 1)[-1] == "export.xml"]
    mfp = [m for m in members if _is_mfp_summary(m.filename)]
    if apple and source in (ImportSource.AUTO, ImportSource.APPLE_HEALTH):
        with archive.open(apple[0], limits.max_archive_bytes) as xml:
            latest = latest_date(today)
            collector = apple_health.read(xml, latest=latest, progress=progress)
        return to_days(collector, today=today), ImportSource.APPLE_HEALTH
    if mfp and source in (ImportSource.AUTO, ImportSource.MYFITNESSPAL):
        collector = Collector()
        for member in mfp:
            collector.absorb(myfitnesspal.read(archive.read(member, limits.max_csv_bytes), options))
            if collector.file_error is not None:
                break
            collector.records = compacted(collector.records)
        return to_days(collector, today=today), ImportSource.MYFITNESSPAL
    if "xl/workbook.xml" in names:
        return _refused(f"this is an Excel workbook: save it as CSV; {_SUPPORTED}")
    return _refused(
        f"this is a ZIP archive ({len(names)} file{'' if len(names) == 1 else 's'}: "
        f"{name_list(names)}); send the CSV inside it, or one of the supported archives: "
        f"{_SUPPORTED_ARCHIVES}",
        source if source is not ImportSource.AUTO else ImportSource.UNKNOWN,
    )


def _is_mfp_summary(path: str) -> bool:
    base = path.rsplit("/", 1)[-1].lower()
    return base.endswith(".csv") and base.startswith(
        ("nutrition-summary", "measurement-summary", "exercise-summary")
    )


def _refused(
    message: str, source: ImportSource = ImportSource.UNKNOWN
) -> tuple[ParseResult, ImportSource]:
    return ParseResult(file_error=RowError(None, None, None, message)), source
