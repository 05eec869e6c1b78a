"""Recognising formats by signature, file names included where the app needs them."""

from __future__ import annotations

import pytest

from domain.imports.detection import csv_candidates
from domain.imports.pipeline import kind_of
from domain.model import ImportSource


@pytest.mark.parametrize(
    ("header", "filename", "expected"),
    [
        ("date,meal,calories,protein (g)", "x.csv", {ImportSource.MYFITNESSPAL}),
        ("date,weight", "Measurement-Summary-2026.csv", {ImportSource.MYFITNESSPAL}),
        ("date,weight", "my weights.csv", set()),
        ("date,value", "aggregates_steps.csv", {ImportSource.WITHINGS}),
        ("date,value", "steps.csv", set()),
        ("activity type,date,calories,title", "a.csv", {ImportSource.GARMIN}),
        ("date,total sleep duration,steps", "o.csv", {ImportSource.OURA}),
        ("date,weight_kg,kcal_in", "hub.csv", set()),
    ],
)
def test_csv_signatures(header: str, filename: str, expected: set[ImportSource]) -> None:
    assert csv_candidates(header.split(","), filename) == expected


@pytest.mark.parametrize(
    ("head", "kind"),
    [
        (b"PK\x03\x04rest", "zip"),
        (b"\xef\xbb\xbf  <?xml version='1.0'?>", "xml"),
        (b"\n [{", "json"),
        (b"date,steps\n", "csv"),
    ],
)
def test_the_kind_of_file_comes_from_its_first_bytes(head: bytes, kind: str) -> None:
    assert kind_of(head) == kind
