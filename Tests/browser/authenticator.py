"""An authenticator app for the journeys: RFC 6238 codes computed from the secret the set-up page shows."""
from __future__ import annotations

import base64
import hashlib
import hmac
import struct
import time


def totp(secret: str, step: int) -> str:
    """RFC 6238 with HMAC-SHA1, 6 digits, as an authenticator app computes it."""
    key = base64.b32decode(secret.replace(" ", "") + "=" * (-len(secret.replace(" ", "")) % 8))
    mac = hmac.new(key, struct.pack(">Q", step), hashlib.sha1).digest()
    offset = mac[-1] & 0x0F
    return "%06d" % ((struct.unpack(">I", mac[offset:offset + 4])[0] & 0x7FFFFFFF) % 1_000_000)


class Authenticator:
    """A phone's app: gives the current code, never one the server already accepted (it waits instead)."""

    def __init__(self, secret: str):
        self.secret = secret
        self.last_step = 0

    def code(self) -> str:
        step = int(time.time() // 30)
        if step <= self.last_step:
            time.sleep(30 - time.time() % 30 + 0.5)
            step = int(time.time() // 30)
        self.last_step = step
        return totp(self.secret, step)
