"""The footer, narrowed on a small terminal so that help and quit always stay on it.

Textual's footer lays out every shown binding in a row and cuts what does not fit: at 80
columns that was ``? help`` and ``q quit``, the two keys a new user needs most. On a narrow
screen this footer leaves out the keys that are in the help and the
command palette anyway (:data:`~verifier.tui.commands.NARROW_FOOTER_HIDES`).
"""

from __future__ import annotations

from textual.reactive import reactive
from textual.widgets import Footer

from verifier.tui.commands import NARROW_FOOTER_HIDES


class DeskFooter(Footer):
    narrow: reactive[bool] = reactive(False)

    def watch_narrow(self, narrow: bool) -> None:
        self._hide_keys()

    async def recompose(self) -> None:
        await super().recompose()
        self._hide_keys()

    def on_mount(self) -> None:
        super().on_mount()
        self._hide_keys()

    def _hide_keys(self) -> None:
        # By type name: FooterKey is not public API; its ``action`` is the binding's action.
        for key in self.query("FooterKey"):
            action = getattr(key, "action", None)
            key.display = not (self.narrow and action in NARROW_FOOTER_HIDES)
