"""A small SMTP server on 127.0.0.1 for the browser journeys: it accepts every message and keeps it, so a
test can read the link the app mailed. Optional STARTTLS (port 587 style) or implicit TLS (465 style)
with a certificate the test makes. Standard library only."""

from __future__ import annotations

import email
import email.policy
import socket
import socketserver
import ssl
import threading
import time


class _Handler(socketserver.StreamRequestHandler):
    def handle(self) -> None:
        catcher: SMTPCatcher = self.server.catcher  # type: ignore[attr-defined]
        connection = self.connection
        if catcher.implicit_tls:
            connection = catcher.context.wrap_socket(connection, server_side=True)
        reader = connection.makefile("rb")

        def reply(text: str) -> None:
            connection.sendall((text + "\r\n").encode())

        reply("220 catcher.test ESMTP")
        tls = catcher.implicit_tls
        data_lines: list[bytes] = []
        while True:
            line = reader.readline()
            if not line:
                return
            command = line.decode("utf-8", "replace").rstrip("\r\n")
            upper = command.upper()
            catcher.commands.append(command)
            if upper.startswith("EHLO") or upper.startswith("HELO"):
                extras = ["AUTH PLAIN LOGIN"] + (["STARTTLS"] if catcher.context and not tls else [])
                lines = ["catcher.test"] + extras + ["8BITMIME"]
                reply("\r\n".join(f"250-{x}" for x in lines[:-1]) + f"\r\n250 {lines[-1]}")
            elif upper == "STARTTLS" and catcher.context and not tls:
                reply("220 go ahead")
                connection = catcher.context.wrap_socket(connection, server_side=True)
                reader = connection.makefile("rb")
                tls = True
            elif upper.startswith("AUTH"):
                reply("235 ok")
            elif upper.startswith("MAIL FROM") or upper.startswith("RCPT TO") or upper == "RSET" or upper == "NOOP":
                reply("250 ok")
            elif upper == "DATA":
                reply("354 go on")
                data_lines = []
                while True:
                    data = reader.readline()
                    if not data or data in (b".\r\n", b".\n"):
                        break
                    data_lines.append(data[1:] if data.startswith(b"..") else data)
                raw = b"".join(data_lines)
                catcher.messages.append(email.message_from_bytes(raw, policy=email.policy.default))
                catcher.tls_used.append(tls)
                reply("250 queued")
            elif upper == "QUIT":
                reply("221 bye")
                return
            else:
                reply("502 not implemented")


class _Server(socketserver.ThreadingMixIn, socketserver.TCPServer):
    daemon_threads = True
    allow_reuse_address = True


class SMTPCatcher:
    def __init__(self, context: ssl.SSLContext | None = None, implicit_tls: bool = False):
        self.context = context
        self.implicit_tls = implicit_tls
        self.messages: list[email.message.EmailMessage] = []
        self.commands: list[str] = []
        self.tls_used: list[bool] = []
        self._server = _Server(("127.0.0.1", 0), _Handler)
        self._server.catcher = self  # type: ignore[attr-defined]
        self.port = self._server.server_address[1]
        threading.Thread(target=self._server.serve_forever, daemon=True).start()

    def wait_for(self, count: int, timeout: float = 15) -> list:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline and len(self.messages) < count:
            time.sleep(0.1)
        assert len(self.messages) >= count, f"{len(self.messages)} message(s) caught, {count} expected"
        return self.messages

    @staticmethod
    def body(message) -> str:
        return message.get_body(preferencelist=("plain",)).get_content()

    def stop(self) -> None:
        self._server.shutdown()
        self._server.server_close()
