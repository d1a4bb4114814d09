"""The bundle's entry point: ``loyalty-desktop`` (and ``loyalty-desktop --self-test``)."""

from loyalty_desktop.entry import desktop_main

if __name__ == "__main__":
    desktop_main()
