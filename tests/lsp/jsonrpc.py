"""JSON-RPC framing by hand, for what a client library would not send (the
tests of bad input) and for timing the server without one (the bench)."""

import json
import subprocess


def frame(body) -> bytes:
    """A message with its Content-Length header; `body` is bytes or JSON."""
    if not isinstance(body, bytes):
        body = json.dumps(body).encode()
    return b"Content-Length: %d\r\n\r\n" % len(body) + body


def read_message(stream) -> dict:
    """The next message the server wrote on `stream`."""
    length = None
    while True:
        line = stream.readline()
        if not line:
            raise EOFError("the server closed its output")
        if line in (b"\r\n", b"\n"):
            break
        name, _, value = line.decode().partition(":")
        if name.lower() == "content-length":
            length = int(value)
    return json.loads(stream.read(length))


class Server:
    """`calque lsp` as a child process, spoken to frame by frame."""

    def __init__(self, binary: str, **popen):
        self.process = subprocess.Popen(
            [binary, "lsp"], stdin=subprocess.PIPE, stdout=subprocess.PIPE, **popen
        )

    def send(self, message) -> None:
        self.process.stdin.write(frame(message))
        self.process.stdin.flush()

    def read(self) -> dict:
        return read_message(self.process.stdout)
