"""The ``loyalty`` command: the same services as the GUI, scriptable, with JSON output."""
