"""Terminal manners shared by every command: plain output when piped or NO_COLOR, progress bars."""

from __future__ import annotations

import os
import sys

from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

CONTEXT = {"help_option_names": ["-h", "--help"], "max_content_width": 100}


def consoles() -> tuple[Console, Console]:
    """stdout for results, stderr for progress and errors; plain when not a terminal or NO_COLOR."""
    no_color = bool(os.environ.get("NO_COLOR"))
    width = None if sys.stdout.isatty() else 160  # pipes and logs: do not fold file names at 80
    return (
        Console(no_color=no_color, highlight=False, width=width),
        Console(stderr=True, no_color=no_color, highlight=False, width=width),
    )


class ProgressBar:
    """A rich progress bar on a terminal; nothing when output is piped or for JSON."""

    def __init__(self, console: Console, label: str, enabled: bool = True):
        self.console, self.label = console, label
        self.enabled = enabled and console.is_terminal
        self.bar: Progress | None = None
        self.task = None

    def __enter__(self) -> "ProgressBar":
        return self

    def start(self, total: int) -> None:
        if self.enabled and total > 1:
            self.bar = Progress(
                TextColumn(self.label), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn(),
                console=self.console, transient=True,
            )
            self.bar.start()
            self.task = self.bar.add_task(self.label, total=total)

    def advance(self, result: object) -> None:
        if self.bar is not None:
            self.bar.advance(self.task)

    def __exit__(self, *exc: object) -> None:
        if self.bar is not None:
            self.bar.stop()
