"""A requests session that answers from recorded responses, for tests without a network."""

from __future__ import annotations

import io
import json
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

import requests
import urllib3
from requests.adapters import BaseAdapter


@dataclass
class Sent:
    method: str
    url: str
    headers: Mapping[str, str]


@dataclass
class RecordedAdapter(BaseAdapter):
    """Routes (METHOD, url) -> responses, used in order (the last one repeats)."""

    routes: dict[tuple[str, str], list[tuple[int, dict[str, str], bytes]]] = field(
        default_factory=dict
    )
    sent: list[Sent] = field(default_factory=list)

    def __post_init__(self) -> None:
        super().__init__()

    def add(
        self,
        method: str,
        url: str,
        status: int = 200,
        headers: Mapping[str, str] | None = None,
        body: bytes | Any = b"",
    ) -> None:
        if not isinstance(body, bytes):
            body = json.dumps(body).encode()
        self.routes.setdefault((method, url), []).append((status, dict(headers or {}), body))

    def send(self, request: requests.PreparedRequest, **kwargs: Any) -> requests.Response:
        assert request.method and request.url
        self.sent.append(Sent(request.method, request.url, dict(request.headers)))
        answers = self.routes.get((request.method, request.url))
        if not answers:
            raise AssertionError(f"unexpected request {request.method} {request.url}")
        status, headers, body = answers.pop(0) if len(answers) > 1 else answers[0]
        headers = {"Content-Length": str(len(body)), **headers}
        raw = urllib3.HTTPResponse(
            body=io.BytesIO(b"" if request.method == "HEAD" else body),
            headers=headers,
            status=status,
            preload_content=False,
        )
        response = requests.Response()
        response.status_code = status
        response.headers = requests.structures.CaseInsensitiveDict(headers)
        response.raw = raw
        response.url = request.url
        response.request = request
        return response

    def close(self) -> None:
        pass


def recorded_session() -> tuple[requests.Session, RecordedAdapter]:
    session = requests.Session()
    adapter = RecordedAdapter()
    session.mount("http://", adapter)
    session.mount("https://", adapter)
    return session, adapter
