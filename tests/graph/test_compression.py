"""Responses of 1 KiB or more are gzip-compressed for clients that accept it (docs/api.md)."""

from __future__ import annotations

import gzip

from fastapi.testclient import TestClient

from graph.http.compression import accepts_gzip
from tests.graph.api import upload

LONG = {"query": 'query { kpis(start: "2025-01-01", end: "2025-12-31") { id date weightTrend } }'}


def _year() -> bytes:
    rows = [f"2025-{m:02d}-{d:02d},80.{d}" for m in range(1, 13) for d in range(1, 29)]
    return ("date,weight_kg\n" + "\n".join(rows) + "\n").encode()


def test_a_large_answer_is_gzipped_and_a_small_one_is_not(client: TestClient) -> None:
    upload(client, _year())

    large = client.post("/graphql", json=LONG, headers={"Accept-Encoding": "gzip"})
    small = client.post(
        "/graphql", json={"query": "{ profile { id } }"}, headers={"Accept-Encoding": "gzip"}
    )

    assert large.headers["content-encoding"] == "gzip"
    assert "accept-encoding" in large.headers["vary"].lower()
    assert len(large.json()["data"]["kpis"]) == 336
    assert "content-encoding" not in small.headers


def test_the_compressed_body_is_the_plain_one(client: TestClient) -> None:
    upload(client, _year())
    plain = client.post("/graphql", json=LONG, headers={"Accept-Encoding": "identity"})

    with client.stream(
        "POST", "/graphql", json=LONG, headers={"Accept-Encoding": "gzip"}
    ) as response:
        raw = b"".join(response.iter_raw())

    assert "content-encoding" not in plain.headers
    assert int(response.headers["content-length"]) == len(raw) < len(plain.content) / 3
    assert gzip.decompress(raw) == plain.content


def test_gzip_refused_with_q_zero_is_not_used() -> None:
    assert accepts_gzip(b"gzip, deflate, br")
    assert accepts_gzip(b"*")
    assert not accepts_gzip(b"gzip;q=0, identity")
    assert not accepts_gzip(b"identity")
