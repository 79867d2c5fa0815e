"""Keys and pastes handled one at a time, so each goes where the previous one left the focus.

Textual hands every key the terminal sends to the focused widget's queue as soon as the app
reads it, and runs the key's binding when the key comes back up to the app. A burst of keys in
one read (a paste without bracketed paste, typing ahead over a slow link, `/migrants` typed fast)
is therefore queued to the list before `/` has moved the focus to the search box, and the list
then runs `m` `i` `g` `r` ... as commands. `OrderedInputApp` holds each key or paste until the one
before it has been handled all the way up (by the focused widget, its parents, the screen and the
app's bindings), then routes it with the focus as that left it. Nothing is dropped: a key that
never comes back (its widget was removed meanwhile) releases the next after `STALL_SECONDS`.
"""

from __future__ import annotations

from collections import deque

from textual import events
from textual.app import App
from textual.message_pump import MessagePump
from textual.timer import Timer

STALL_SECONDS = 0.5
"""The longest a key waits for the previous one to come back before it is routed anyway."""

InputEvent = events.Key | events.Paste


class OrderedInputApp(App[None]):
    """An App whose keys and pastes are routed in order, each after the previous one is done."""

    def __init__(self) -> None:
        super().__init__()
        self._held: deque[InputEvent] = deque()
        self._in_flight: InputEvent | None = None
        self._stall: Timer | None = None

    async def on_event(self, event: events.Event) -> None:
        if isinstance(event, (events.Key, events.Paste)) and not event.is_forwarded:
            self._held.append(event)
            if self._in_flight is None:
                await self._route_held()
            return
        await super().on_event(event)

    @property
    def input_pending(self) -> int:
        """Keys and pastes read from the terminal and not yet handled (0 when idle)."""
        return len(self._held) + (self._in_flight is not None)

    async def _route_held(self) -> None:
        while self._in_flight is None and self._held:
            event = self._held.popleft()
            # Textual's own routing: priority bindings, then the focused widget (or the screen).
            await super().on_event(event)
            if not event.is_forwarded:
                continue  # a priority binding handled it here
            target: MessagePump = self.focused or self.screen
            self._in_flight = event
            self._stall = self.set_timer(STALL_SECONDS, lambda e=event: self._done(e))
            if not target.call_later(self._climbed, event, target):
                self._finish(event)

    def _climbed(self, event: InputEvent, node: MessagePump) -> None:
        """Runs in `node`'s queue after `event` (so `node` has handled it); follow it upwards."""
        if self._in_flight is not event:
            return
        parent = node._parent
        if node is self or parent is None:
            self.call_later(self._done, event)
            return
        if not parent.call_later(self._climbed, event, parent):
            self.call_later(self._done, event)

    def _finish(self, event: InputEvent) -> bool:
        """Forget `event` as the key in flight; False when it was not (any more)."""
        if self._in_flight is not event:
            return False
        self._in_flight = None
        if self._stall is not None:
            self._stall.stop()
            self._stall = None
        return True

    async def _done(self, event: InputEvent) -> None:
        if self._finish(event):
            await self._route_held()
