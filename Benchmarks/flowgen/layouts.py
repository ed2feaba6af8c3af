"""Renders one log line in a layout. Each renderer takes (clock_ms, logger, level, message, fields).

basic   2025-08-02 07:07:57,123 - services.user_service - INFO - 💳 [USER_SERVICE] ...
json    {"timestamp": "2025-08-02T07:07:57.123Z", "level": "INFO", "logger": ..., "message": ...}
default INFO:httpx:HTTP Request: ...   /  INFO:     10.0.0.7:51234 - "GET / HTTP/1.1" 200 OK
"""

import json
import time

from .flows import PHRASES

EPOCH_MS = 1754118000000  # 2025-08-02 07:00:00 UTC
_dumps = json.JSONEncoder(ensure_ascii=True).encode  # Python's default: emoji as \ud83d\udd0d


class Clock:
    """Formats simulated milliseconds, caching the per-second part."""

    def __init__(self):
        self.sec = -1
        self.basic = self.iso = ""

    def _second(self, sec):
        t = time.gmtime((EPOCH_MS // 1000) + sec)
        self.sec = sec
        self.basic = time.strftime("%Y-%m-%d %H:%M:%S", t)
        self.iso = time.strftime("%Y-%m-%dT%H:%M:%S", t)

    def parts(self, ms):
        ms = int(ms)
        sec = ms // 1000
        if sec != self.sec:
            self._second(sec)
        return ms % 1000


class Renderer:
    """One layout's line renderer, with the per-(logger, level) prefixes precomputed."""

    def __init__(self, layout):
        self.clock = Clock()
        self.layout = layout
        self.cache = {}
        self.render = {"basic": self.basic, "json": self.json, "default": self.default}[layout]

    def basic(self, ms, logger, level, msg, fields):
        c = self.clock
        frac = c.parts(ms)
        key = (logger, level)
        mid = self.cache.get(key)
        if mid is None:
            mid = self.cache[key] = f" - {logger} - {level} - "
        return f"{c.basic},{frac:03d}{mid}{msg}\n"

    def json(self, ms, logger, level, msg, fields):
        c = self.clock
        frac = c.parts(ms)
        key = (logger, level)
        mid = self.cache.get(key)
        if mid is None:
            mid = self.cache[key] = f'Z", "level": "{level}", "logger": "{logger}", "message": '
        extra = ""
        if fields:
            extra = ", " + _dumps(fields)[1:-1]
        return f'{{"timestamp": "{c.iso}.{frac:03d}{mid}{_dumps(msg)}{extra}}}\n'

    def default(self, ms, logger, level, msg, fields):
        if logger == "uvicorn.access":
            status = int(msg.rsplit(" ", 1)[1])
            return f"{level}:     {msg} {PHRASES[status]}\n"
        return f"{level}:{logger}:{msg}\n"
