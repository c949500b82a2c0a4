"""The HTTP layer: one Bot API call from request to answer.

Why its own module: parsing (JSON, form or multipart, ``attach://`` parts), recording, the rule
check, injected faults, the chat checks and the answer happen in this order for every method;
the method families in ``methods/`` only see typed parameters of a valid call.
"""

from __future__ import annotations

import asyncio
import json
from time import monotonic
from typing import Any, Final

from aiohttp import web

from .fault_hooks import FaultHooks
from .records import SEND_METHODS, ApiError, Request
from .rules import UploadedFile, canonical_method, check_request, normalize_params

# Everything that talks to a chat fails with 403 once the user blocked the bot.
_BLOCKABLE_METHODS: Final = SEND_METHODS | {"sendChatAction"}


class HttpLayer(FaultHooks):
    """Answers every ``/bot<token>/<method>`` request (file downloads: ``methods/files.py``)."""

    async def _handle(self, request: web.Request) -> web.Response:
        """One Bot API call: parse, record, check, answer (then the optional latency)."""
        raw_method = request.match_info["method"]
        method = canonical_method(raw_method) or raw_method
        if method == "sendMessage" and not self._sends_open.is_set():  # see hold_sends()
            self.held_sends += 1
            self._requests_signal.notify()
            await self._sends_open.wait()
            if request.transport is None or request.transport.is_closing():
                return web.Response(status=499, text="client gone")  # never reached Telegram
        self._in_flight += 1
        record = Request(method, {}, monotonic())
        try:
            try:
                record.params = await self._read_params(request, method)
            except ConnectionResetError:
                # The client died mid-upload (e.g. a SIGKILLed bot): Telegram never saw a call.
                return web.Response(status=400, text="connection lost")
            self._record(record)
            record.fault = (
                self.faults.draw(method, record.chat_id) if self.faults is not None else None
            )
            payload = self._fault_before(record.fault) or await self._dispatch(
                request.match_info["token"], method, record.params
            )
        except ApiError as error:
            if record.index < 0:
                self._record(record)
            payload = self._error_payload(method, error)
        finally:
            self._in_flight -= 1
        self._answer(record, payload)
        if self.faults is not None and payload["ok"]:
            # Under faults a client can lose any answer (to a fault, or to its own read timeout
            # while a fault elsewhere keeps it busy): a repeat of this call is no violation.
            self._lost_answers.remember(method, record.params)
        if record.fault is not None:
            return await self._faulty_answer(request, record, payload)
        if self.delay_ms:
            await asyncio.sleep(self.delay_ms / 1000)
        status = 200 if payload["ok"] else int(payload["error_code"])
        return web.json_response(payload, status=status)

    async def _read_params(self, request: web.Request, method: str) -> dict[str, Any]:
        """Merge query string, JSON body or (multipart) form into one typed dict."""
        params: dict[str, Any] = dict(request.query)
        if request.content_type == "application/json":
            try:
                body = json.loads(await request.read() or b"{}")
            except ValueError as exc:
                raise ApiError(400, "Bad Request: can't parse JSON", violation=True) from exc
            if not isinstance(body, dict):
                raise ApiError(400, "Bad Request: JSON body must be an object", violation=True)
            params.update(body)
        elif request.content_type in {"application/x-www-form-urlencoded", "multipart/form-data"}:
            form = await request.post()
            for name, value in form.items():
                params[name] = (
                    self._uploaded(name, value) if isinstance(value, web.FileField) else value
                )
        return normalize_params(method, self._resolve_attachments(params))

    @staticmethod
    def _uploaded(name: str, value: web.FileField) -> UploadedFile:
        return UploadedFile(name, value.filename, value.content_type, value.file.read())

    @staticmethod
    def _resolve_attachments(params: dict[str, Any]) -> dict[str, Any]:
        """Replace ``attach://<name>`` references by the uploaded part they name."""
        consumed = set()
        resolved = dict(params)
        for name, value in params.items():
            if isinstance(value, str) and value.startswith("attach://"):
                part = value.removeprefix("attach://")
                if isinstance(params.get(part), UploadedFile):
                    resolved[name] = params[part]
                    consumed.add(part)
        return {name: value for name, value in resolved.items() if name not in consumed}

    async def _dispatch(self, token: str, method: str, params: dict[str, Any]) -> dict[str, Any]:
        """Rules first (a broken request is the bot's bug), then injected faults, then state."""
        if token != self.token:
            raise ApiError(401, "Unauthorized", violation=True)
        if method not in self._handlers:
            raise ApiError(404, "Not Found", violation=True)
        problems = check_request(method, params)
        if problems:
            self.violations.extend(problems)
            detail = problems[0].split(": ", 1)[1]
            more = f" (and {len(problems) - 1} more)" if len(problems) > 1 else ""
            return {"ok": False, "error_code": 400, "description": f"Bad Request: {detail}{more}"}
        if self._failures[method]:
            raise self._failures[method].popleft()
        self._check_chat(method, params)
        return {"ok": True, "result": await self._handlers[method](self, params)}

    def _error_payload(self, method: str, error: ApiError) -> dict[str, Any]:
        if error.violation:
            self.violations.append(f"{method}: {error.description}")
        return error.payload()

    def _record(self, record: Request) -> None:
        record.index = len(self.requests)
        self.requests.append(record)
        for observe in self.observers:
            observe(record)
        self._requests_signal.notify()

    def _answer(self, record: Request, payload: dict[str, Any]) -> None:
        record.ok = bool(payload["ok"])
        record.result = payload.get("result")
        record.error_code = payload.get("error_code")
        record.description = payload.get("description")
        record.answered_at = monotonic()
        for observe in self.observers:
            observe(record)
        self._requests_signal.notify()

    def _check_chat(self, method: str, params: dict[str, Any]) -> None:
        """403 for blocked users, 400 for chats Telegram would not know."""
        if method not in _BLOCKABLE_METHODS or "chat_id" not in params:
            return
        chat_id = params["chat_id"]
        if isinstance(chat_id, str) or (self.require_known_chats and chat_id not in self._chats):
            raise ApiError(400, "Bad Request: chat not found", violation=True)
        if chat_id in self._blocked:
            reason = (
                "bot was blocked by the user"
                if chat_id > 0
                else "bot was kicked from the group chat"
            )
            raise ApiError(403, f"Forbidden: {reason}")
