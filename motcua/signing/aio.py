"""pyHanko's work is asyncio (fetching CRLs, asking a TSA); its sync wrappers call `asyncio.run`, which fails in a
thread that already runs an event loop (an ASGI server, Playwright's sync API in a test process). `run` works
from anywhere: in this thread when no loop runs here, otherwise in a worker thread of its own."""

import asyncio
from collections.abc import Awaitable, Callable
from concurrent.futures import ThreadPoolExecutor
from typing import TypeVar

T = TypeVar("T")


def run(make: Callable[[], Awaitable[T]]) -> T:
    """The result of the coroutine `make()` (made where it runs)."""
    try:
        asyncio.get_running_loop()
    except RuntimeError:
        return asyncio.run(make())
    with ThreadPoolExecutor(1) as pool:
        return pool.submit(lambda: asyncio.run(make())).result()
