"""compose.yaml gives the server time to drain before Docker kills it, and the Caddy
override makes the API trust Caddy's forwarded addresses only (docs/operations.md)."""

from __future__ import annotations

import ipaddress
import re
from pathlib import Path

from graph.server.limits import IN_FLIGHT_GRACE_SECONDS, SHUTDOWN_TIMEOUT_SECONDS

ROOT = Path(__file__).resolve().parents[1]


def _seconds(duration: str) -> float:
    """A compose duration such as ``40s`` or ``1m30s``, in seconds."""
    parts = re.findall(r"(\d+(?:\.\d+)?)(h|ms|m|s)", duration)
    assert "".join(n + u for n, u in parts) == duration, duration
    scale = {"h": 3600.0, "m": 60.0, "s": 1.0, "ms": 0.001}
    return sum(float(number) * scale[unit] for number, unit in parts)


def test_the_api_is_given_longer_to_stop_than_the_server_takes_to_drain() -> None:
    compose = (ROOT / "compose.yaml").read_text(encoding="utf-8")
    # The api service's block: from its key to the next service or top-level key.
    api = re.search(r"^  api:\n(.*?)(?=^  \S|^\S)", compose, re.MULTILINE | re.DOTALL)
    assert api is not None
    period = re.search(r"^    stop_grace_period: (\S+)$", api[1], re.MULTILINE)
    assert period is not None, "the api service sets stop_grace_period"
    grace = _seconds(period[1])

    assert grace > SHUTDOWN_TIMEOUT_SECONDS > IN_FLIGHT_GRACE_SECONDS


def test_behind_caddy_the_api_trusts_caddys_fixed_address_only() -> None:
    caddy = (ROOT / "compose.caddy.yaml").read_text(encoding="utf-8")
    trusted = re.search(r"^      HEALTHHUB_TRUSTED_PROXIES: (\S+)$", caddy, re.MULTILINE)
    fixed = re.search(r"^        ipv4_address: (\S+)$", caddy, re.MULTILINE)
    subnet = re.search(r"^        - subnet: (\S+)$", caddy, re.MULTILINE)
    dynamic = re.search(r"^          ip_range: (\S+)$", caddy, re.MULTILINE)
    assert trusted, "the API trusts a proxy"
    assert fixed, "Caddy has a fixed address"
    assert subnet, "the network's subnet is set"
    assert dynamic, "the range Docker hands out is set"

    address = ipaddress.ip_address(fixed[1])
    assert ipaddress.ip_network(trusted[1]) == ipaddress.ip_network(f"{address}/32")
    assert address in ipaddress.ip_network(subnet[1])
    # No other container can be given Caddy's address.
    assert address not in ipaddress.ip_network(dynamic[1])
