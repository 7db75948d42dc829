"""Địa chỉ của người dùng: the client address the rate limits count by.

REMOTE_ADDR is whoever opened the connection; behind a reverse proxy that is the proxy, the same for every client.
MOTCUA_TRUSTED_PROXIES (addresses or networks, default none) names the proxies whose X-Forwarded-For is believed:
- a request whose REMOTE_ADDR is not one of them is counted by REMOTE_ADDR, whatever headers it sends (a client
  cannot choose its own address by writing the header);
- a request from a trusted proxy is counted by the right-most address of X-Forwarded-For that is not itself a
  trusted proxy: each proxy appends the address it saw, so everything left of that was written by the client;
- a request from a trusted proxy without a usable header (missing, or garbage where the proxy's entry should be)
  is counted by the proxy's address, the strict choice.
"""

import ipaddress
from functools import lru_cache

from django.conf import settings

UNKNOWN = "0.0.0.0"  # no REMOTE_ADDR (a Unix socket without a trusted proxy): such requests share one count


@lru_cache(maxsize=8)
def _networks(entries: tuple[str, ...]) -> tuple:
    return tuple(ipaddress.ip_network(entry.strip(), strict=False) for entry in entries if entry.strip())


def trusted_networks() -> tuple:
    return _networks(tuple(getattr(settings, "MOTCUA_TRUSTED_PROXIES", ()) or ()))


def parse(value: str):
    """An address as a proxy writes it ('203.0.113.7', '[2001:db8::1]:443', '203.0.113.7:5000'); None if not one."""
    value = (value or "").strip().strip('"')
    if value.startswith("[") and "]" in value:
        value = value[1 : value.index("]")]
    elif value.count(":") == 1:  # IPv4 with a port
        value = value.split(":", 1)[0]
    try:
        address = ipaddress.ip_address(value)
    except ValueError:
        return None
    return getattr(address, "ipv4_mapped", None) or address


def is_trusted(address, networks=None) -> bool:
    networks = trusted_networks() if networks is None else networks
    return any(address.version == network.version and address in network for network in networks)


def client_address(request) -> str:
    """The address of the client that made `request`, as the rules above decide."""
    remote = parse(request.META.get("REMOTE_ADDR", ""))
    if remote is None:
        return UNKNOWN
    networks = trusted_networks()
    if not networks or not is_trusted(remote, networks):
        return str(remote)
    for hop in reversed(request.META.get("HTTP_X_FORWARDED_FOR", "").split(",")):
        address = parse(hop)
        if address is None:
            break
        if not is_trusted(address, networks):
            return str(address)
    return str(remote)


def client_network(request) -> str:
    """The client address as a rate limit key: an IPv6 client is its /64 (one subscriber's network), as
    django-ratelimit counts it."""
    address = ipaddress.ip_address(client_address(request))
    if address.version == 6:
        mask = getattr(settings, "RATELIMIT_IPV6_MASK", 64)
        return str(ipaddress.ip_network(f"{address}/{mask}", strict=False).network_address)
    return str(address)
