"""The bundle's entry point: ``loyalty-desktop`` (and ``loyalty-desktop --self-test``)."""

import os
import sys

from loyalty_desktop.entry import desktop_main

if __name__ == "__main__":
    if sys.stdout is None or sys.stderr is None:
        # A windowed program (the Windows bundle) has no standard streams; what the command
        # line would print goes nowhere, and the self-test writes self-test.txt instead.
        os.environ["LOYALTY_NO_CONSOLE"] = "1"
        sys.stdout = sys.stderr = open(os.devnull, "w", encoding="utf-8")  # noqa: SIM115
    desktop_main()
