"""Which address a request comes from: its peer, or ``X-Forwarded-For`` when the peer
is a trusted proxy (``HEALTHHUB_TRUSTED_PROXIES``, docs/security.md)."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from ipaddress import IPv4Network, IPv6Network, ip_address


def client_address(
    peer: str | None,
    headers: Iterable[tuple[bytes, bytes]],
    trusted: Sequence[IPv4Network | IPv6Network],
) -> str:
    """The client's address: ``peer``, or, when ``peer`` is a trusted proxy, the
    nearest address of ``X-Forwarded-For`` that is not itself a trusted proxy (a
    client can write any address of its own into the header; only what the trusted
    proxies appended counts)."""
    address = peer or ""
    if not trusted or not _trusted(address, trusted):
        return address
    forwarded = b",".join(value for name, value in headers if name == b"x-forwarded-for")
    for hop in reversed(forwarded.decode("latin-1").split(",")):
        hop = hop.strip()
        if not hop:
            continue
        if not _trusted(hop, trusted):
            return hop[:64]
        address = hop
    return address


def is_trusted_proxy(peer: str | None, trusted: Sequence[IPv4Network | IPv6Network]) -> bool:
    """Whether ``peer`` is one of ``HEALTHHUB_TRUSTED_PROXIES`` (its connections then
    carry many clients)."""
    return bool(trusted) and _trusted(peer or "", trusted)


def _trusted(address: str, trusted: Sequence[IPv4Network | IPv6Network]) -> bool:
    try:
        parsed = ip_address(address)
    except ValueError:
        return False
    return any(parsed in network for network in trusted)
