"""What happened: the one in-process bus from the layer that acts to the layers that listen (docs/architecture.md).

The lifecycle publishes the row that records what happened (a dossier `Event`; PAKN its `FeedbackEvent`; the
rating service a `Rating`) inside the action's transaction, and every subscriber to that kind of row runs there,
at once, in the order of its number. So a committed action has every aggregate and every outbox row it caused, and
a subscriber that fails rolls the whole action back. Nothing here reaches outside the database: a subscriber that
must tell the world (a notice; later the national portal) writes a row and enqueues a task, and the worker delivers
it after commit.

Subscribers are registered in their app's `AppConfig.ready()`, where a reader finds every listener:

    happened.subscribe(Event, facts.on_event, order=10)       # indicators/apps.py

The publisher never imports its listeners (the layers contract in pyproject.toml forbids it); `subscribers(Event)`
lists them in their order, which a test pins.
"""

from collections.abc import Callable
from dataclasses import dataclass

from django.db import transaction


@dataclass(frozen=True)
class Subscriber:
    order: int
    handler: Callable[[object], None]

    @property
    def name(self) -> str:
        return f"{self.handler.__module__}.{self.handler.__qualname__}"


_subscribers: dict[type, list[Subscriber]] = {}


def subscribe(kind: type, handler: Callable[[object], None], *, order: int) -> None:
    """Call `handler(row)` for every published row of class `kind`, after those with a lower `order`.

    Each kind's numbers are unique, so the order is never left to the order the apps load in. Subscribing the same
    handler again at the same number does nothing (a `ready()` run twice)."""
    current = _subscribers.setdefault(kind, [])
    for subscriber in current:
        if subscriber.order == order:
            if subscriber.handler is handler:
                return
            raise ValueError(f"{kind.__name__}: order {order} is taken by {subscriber.name}")
        if subscriber.handler is handler:
            raise ValueError(f"{kind.__name__}: {subscriber.name} is subscribed already, at order {subscriber.order}")
    current.append(Subscriber(order, handler))
    current.sort(key=lambda subscriber: subscriber.order)


def unsubscribe(kind: type, handler: Callable[[object], None]) -> None:
    """Take `handler` off `kind` (tests that subscribe one of their own)."""
    _subscribers[kind] = [s for s in _subscribers.get(kind, []) if s.handler is not handler]


def subscribers(kind: type) -> list[Subscriber]:
    """The subscribers of `kind`, in the order they run."""
    return list(_subscribers.get(kind, []))


def publish(row) -> None:
    """Run every subscriber of `type(row)`, in order, in the caller's transaction; an exception goes through to the
    caller, whose transaction it rolls back."""
    if not transaction.get_connection().in_atomic_block:
        raise RuntimeError(
            f"{type(row).__name__} published outside a transaction: the action and what its "
            "subscribers write must commit together"
        )
    for subscriber in subscribers(type(row)):
        subscriber.handler(row)
