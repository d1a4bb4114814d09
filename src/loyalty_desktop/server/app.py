"""The HTTP interface (FastAPI, OpenAPI at /openapi.json): push events, pull changes.

A store authenticates with ``Authorization: Bearer <token>``. A push answers 200 with one
result per event; a conflicting event is marked 409 in its own result, so the events
around it are still acknowledged.
"""

import json
import os
import uuid
from collections.abc import Callable
from datetime import UTC, datetime
from typing import Annotated, Any

from fastapi import Depends, FastAPI, HTTPException, Query, Request, Response
from fastapi.encoders import jsonable_encoder
from fastapi.exceptions import RequestValidationError
from pydantic import BaseModel, Field, PlainValidator, WithJsonSchema
from sqlalchemy import Engine

from loyalty_desktop.server.guard import STORE, Guard
from loyalty_desktop.server.holds import HoldConflict, hold_seconds, place_hold, release_hold
from loyalty_desktop.server.limits import storable_text
from loyalty_desktop.server.pull import MAX_PULL, changes_after
from loyalty_desktop.server.push import MAX_BATCH, WireEvent, push_batch
from loyalty_desktop.server.stores import store_for_token, store_number
from loyalty_desktop.server.transactions import in_transaction, server_engine

MAX_CURSOR = 2**63 - 1  # changes.pos is a bigint: a cursor past it is a 422, not a 500


def _as_sent(most: int) -> Callable[[Any], str]:
    """Take a string of at most ``most`` characters as sent.

    pydantic refuses a string holding half of a UTF-16 pair (a lone surrogate, which JSON
    can escape), and so the whole batch on every retry, which stops the store's queue; taken
    as sent, the one event is rejected alone (server/limits.py), and its inbox row and
    answer show U+FFFD instead.
    """

    def check(value: Any) -> str:
        if not isinstance(value, str):
            raise ValueError("Input should be a valid string")
        if len(value) > most:
            raise ValueError(f"String should have at most {most} characters")
        return value

    return check


EventKindText = Annotated[
    str, PlainValidator(_as_sent(40)), WithJsonSchema({"type": "string", "maxLength": 40})
]
EventKeyText = Annotated[
    str, PlainValidator(_as_sent(200)), WithJsonSchema({"type": "string", "maxLength": 200})
]


class EventIn(BaseModel):
    """One outbox event."""

    id: uuid.UUID
    device_id: uuid.UUID
    seq: int = Field(ge=1)
    kind: EventKindText
    version: int = Field(ge=1, le=32767)
    key: EventKeyText
    at: datetime
    payload: dict[str, Any]


class PushIn(BaseModel):
    """A batch of at most 100 events."""

    events: list[EventIn] = Field(max_length=MAX_BATCH)


class ResultOut(BaseModel):
    """What became of one event."""

    id: uuid.UUID
    key: str
    status: str  # applied | duplicate | rejected | conflict
    code: int  # 200, or 409 for a conflict
    reason: str | None = None
    first: str | None = None


class PushOut(BaseModel):
    """One result per event, in the order sent."""

    results: list[ResultOut]


class PullOut(BaseModel):
    """Changes after the cursor and the cursor to ask with next."""

    changes: list[dict[str, Any]]
    cursor: int


class HoldIn(BaseModel):
    """Points a till is about to redeem online; the id is the till's (asking again is harmless)."""

    hold_id: uuid.UUID
    member_id: uuid.UUID
    points: int = Field(gt=0, le=2**62)


class HoldOut(BaseModel):
    """Held (until ``expires_at``) or refused; ``available``: the balance less other live holds."""

    hold_id: uuid.UUID
    status: str  # held | refused
    available: int
    expires_at: datetime | None = None
    reason: str | None = None


class ReleaseOut(BaseModel):
    """A hold released (or already over); ``committed`` when its sale was applied first."""

    hold_id: uuid.UUID
    status: str  # released | committed


class StoreOut(BaseModel):
    """The store a token belongs to and its number: new members are numbered in its block."""

    store_id: uuid.UUID
    store_no: int


async def _unreadable(_request: Request, exc: Exception) -> Response:
    """422 with what pydantic found, as FastAPI answers, written as ASCII JSON.

    FastAPI's own answer echoes the input as UTF-8, and text holding a lone surrogate
    cannot be written so: the store got a 500 instead of the reason.
    """
    assert isinstance(exc, RequestValidationError)
    # a body that is not JSON is echoed as bytes, which need not be UTF-8 either
    as_text = {bytes: lambda b: b.decode("utf-8", "replace")}
    detail = jsonable_encoder(exc.errors(), custom_encoder=as_text)
    return Response(json.dumps({"detail": detail}), 422, media_type="application/json")


def create_app(engine: Engine, *, hold_for: int | None = None) -> FastAPI:
    """The server application on an engine whose schema is migrated.

    ``hold_for``: a redemption hold's time limit in seconds (default ``hold_seconds()``).
    """
    app = FastAPI(title="Loyalty central server", version="1")
    app.add_exception_handler(RequestValidationError, _unreadable)
    seconds = hold_for or hold_seconds()

    def authenticate(token: str) -> uuid.UUID | None:
        return _store_of(engine, token)

    # The token and the body's size are checked before the body is read (server/guard.py).
    app.add_middleware(Guard, authenticate=authenticate)

    def store(request: Request) -> uuid.UUID:
        found: uuid.UUID | None = getattr(request.state, STORE, None)
        if found is None:  # the guard let it through unchecked: never for a store's path
            raise HTTPException(401, "unknown or revoked store token")
        return found

    Store = Annotated[uuid.UUID, Depends(store)]  # noqa: N806 (a type alias)

    @app.post("/v1/events")
    def push(body: PushIn, store_id: Store) -> PushOut:
        # the validated payloads as they are: model_dump would copy every one
        events = [
            WireEvent(
                id=e.id,
                device_id=e.device_id,
                seq=e.seq,
                kind=e.kind,
                version=e.version,
                key=e.key,
                at=e.at,
                payload=e.payload,
            )
            for e in body.events
        ]
        results = in_transaction(engine, lambda c: push_batch(c, store_id, events))
        return PushOut(
            results=[
                ResultOut(
                    id=r.id,
                    key=storable_text(r.key),  # UTF-8 can write it (a lone surrogate cannot)
                    status=r.status,
                    code=409 if r.status == "conflict" else 200,
                    reason=r.reason,
                    first=r.first,
                )
                for r in results
            ]
        )

    @app.get("/v1/changes")
    def pull(
        store_id: Store,
        after: Annotated[int, Query(ge=0, le=MAX_CURSOR)] = 0,
        limit: Annotated[int, Query(ge=1, le=MAX_PULL)] = MAX_PULL,
    ) -> PullOut:
        rows, cursor = in_transaction(engine, lambda c: changes_after(c, after, limit))
        return PullOut(changes=rows, cursor=cursor)

    @app.post("/v1/holds")
    def hold(body: HoldIn, store_id: Store) -> HoldOut:
        now = datetime.now(UTC)  # the server's clock sets the time limit, never the till's
        try:
            answer = in_transaction(
                engine,
                lambda c: place_hold(
                    c, store_id, body.hold_id, body.member_id, body.points, now, seconds
                ),
            )
        except HoldConflict as exc:
            raise HTTPException(409, str(exc)) from exc
        return HoldOut(**answer)

    @app.post("/v1/holds/{hold_id}/release")
    def release(hold_id: uuid.UUID, store_id: Store) -> ReleaseOut:
        now = datetime.now(UTC)
        answer = in_transaction(engine, lambda c: release_hold(c, store_id, hold_id, now))
        return ReleaseOut(**answer)

    @app.get("/v1/store")
    def whoami(store_id: Store) -> StoreOut:
        number = in_transaction(engine, lambda c: store_number(c, store_id))
        return StoreOut(store_id=store_id, store_no=number)

    @app.get("/v1/health")
    def health() -> dict[str, str]:
        return {"status": "ok"}

    return app


def _store_of(engine: Engine, token: str) -> uuid.UUID | None:
    """The store a token belongs to, read outside a transaction (one read needs none).

    A push's token was looked up in a transaction of its own: BEGIN and COMMIT were two
    round trips to the database of the four it took, for every batch.
    """
    with engine.connect().execution_options(isolation_level="AUTOCOMMIT") as conn:
        return store_for_token(conn, token)


DB_VARIABLE = "LOYALTY_SERVER_DB"


def app_from_environment() -> FastAPI:
    """The app for one of several worker processes: the database URL comes from the environment."""
    return create_app(server_engine(os.environ[DB_VARIABLE]))
