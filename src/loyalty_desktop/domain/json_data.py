"""The shape of data that leaves the program as JSON (events, audit details, exports)."""

from __future__ import annotations

JsonValue = str | int | bool | None | list["JsonValue"] | dict[str, "JsonValue"]
JsonObject = dict[str, JsonValue]
