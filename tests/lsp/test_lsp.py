"""`calque lsp` driven by a real LSP client: diagnostics, positions, code
actions, configuration and bad input, as an editor would see them."""

import asyncio
import pathlib
import subprocess

from lsprotocol import types
from pytest_lsp import LanguageClient

from jsonrpc import Server, frame, read_message

SENTENCE = "XI reaffirmed the long -term plan.\n"
XI_RULE = "names-casing/xi-all-caps"
TIMEOUT = 30


async def start(client: LanguageClient, *, encodings=None, options=None, root=None):
    """Initializes the session; returns the server's InitializeResult."""
    general = None
    if encodings is not None:
        general = types.GeneralClientCapabilities(position_encodings=encodings)
    params = types.InitializeParams(
        capabilities=types.ClientCapabilities(general=general),
        initialization_options=options,
        root_uri=root.as_uri() if root else None,
    )
    return await client.initialize_session(params)


async def published(client: LanguageClient, uri: str, version: int | None = None):
    """Waits for the diagnostics of `uri` (of `version`, if given)."""

    async def wait():
        while True:
            params = await client.wait_for_notification(
                types.TEXT_DOCUMENT_PUBLISH_DIAGNOSTICS
            )
            if params.uri == uri and (version is None or params.version == version):
                return params.diagnostics

    return await asyncio.wait_for(wait(), TIMEOUT)


async def open_doc(client, uri, text, language="plaintext", version=1):
    client.text_document_did_open(
        types.DidOpenTextDocumentParams(
            text_document=types.TextDocumentItem(
                uri=uri, language_id=language, version=version, text=text
            )
        )
    )
    return await published(client, uri, version)


def by_rule(diagnostics, rule):
    return [d for d in diagnostics if d.code == rule]


def offset(text: str, position: types.Position, encoding: str = "utf-16") -> int:
    """The index in `text` of an LSP position, counting as the client does."""
    lines = text.split("\n")
    start = sum(len(line) + 1 for line in lines[: position.line])
    line = lines[position.line] if position.line < len(lines) else ""
    units = 0
    for i, c in enumerate(line):
        if units >= position.character:
            return start + i
        units += len(c.encode("utf-16-le")) // 2 if encoding == "utf-16" else len(c.encode())
    return start + len(line)


def apply(text: str, edits, encoding="utf-16") -> str:
    """`text` with LSP text edits applied (from the last to the first)."""
    spans = [
        (offset(text, e.range.start, encoding), offset(text, e.range.end, encoding), e.new_text)
        for e in edits
    ]
    for start, end, new in sorted(spans, reverse=True):
        text = text[:start] + new + text[end:]
    return text


async def code_actions(client, uri, range_, only=None):
    return await client.text_document_code_action_async(
        types.CodeActionParams(
            text_document=types.TextDocumentIdentifier(uri=uri),
            range=range_,
            context=types.CodeActionContext(diagnostics=[], only=only),
        )
    )


def rng(l1, c1, l2, c2):
    return types.Range(start=types.Position(line=l1, character=c1), end=types.Position(line=l2, character=c2))


async def test_diagnostics_name_the_rule_and_the_range(client: LanguageClient):
    result = await start(client)
    assert result.capabilities.position_encoding in (None, types.PositionEncodingKind.Utf16)
    uri = "file:///project/a.txt"
    diagnostics = await open_doc(client, uri, SENTENCE)
    [xi] = by_rule(diagnostics, XI_RULE)
    assert xi.range == rng(0, 0, 0, 2)
    assert xi.source == "calque"
    assert xi.severity == types.DiagnosticSeverity.Error
    assert xi.data == {"replacements": ["Xi"], "safe": True}
    [term] = [d for d in diagnostics if SENTENCE[d.range.start.character : d.range.end.character] == " -term"]
    assert term.range.start.line == 0
    assert term.data["replacements"] == ["-term"]


async def test_a_quick_fix_applied_then_sent_clears_the_diagnostic(client: LanguageClient):
    await start(client)
    uri = "file:///project/a.txt"
    await open_doc(client, uri, SENTENCE)
    actions = await code_actions(client, uri, rng(0, 0, 0, 2))
    fixes = [a for a in actions if a.kind == types.CodeActionKind.QuickFix and a.is_preferred]
    assert fixes, actions
    fix = fixes[0]
    assert fix.diagnostics[0].code == XI_RULE
    edits = fix.edit.changes[uri]
    fixed = apply(SENTENCE, edits)
    assert fixed.startswith("Xi reaffirmed ")
    # Sent as an incremental change, as an editor does.
    client.text_document_did_change(
        types.DidChangeTextDocumentParams(
            text_document=types.VersionedTextDocumentIdentifier(uri=uri, version=2),
            content_changes=[
                types.TextDocumentContentChangePartial(range=e.range, text=e.new_text) for e in edits
            ],
        )
    )
    diagnostics = await published(client, uri, 2)
    assert by_rule(diagnostics, XI_RULE) == []
    assert len(diagnostics) == 1  # " -term" is still there


async def test_utf16_positions_after_an_emoji_and_chinese(client: LanguageClient):
    result = await start(client, encodings=[types.PositionEncodingKind.Utf16])
    assert result.capabilities.position_encoding == types.PositionEncodingKind.Utf16
    uri = "file:///project/emoji.txt"
    diagnostics = await open_doc(client, uri, "😀 " + SENTENCE + "中国 XI said.\n")
    xis = sorted(by_rule(diagnostics, XI_RULE), key=lambda d: d.range.start.line)
    assert [x.range for x in xis] == [rng(0, 3, 0, 5), rng(1, 3, 1, 5)]


async def test_utf8_positions_when_offered(client: LanguageClient):
    result = await start(
        client, encodings=[types.PositionEncodingKind.Utf8, types.PositionEncodingKind.Utf16]
    )
    assert result.capabilities.position_encoding == types.PositionEncodingKind.Utf8
    uri = "file:///project/emoji.txt"
    text = "😀 " + SENTENCE
    diagnostics = await open_doc(client, uri, text)
    [xi] = by_rule(diagnostics, XI_RULE)
    assert xi.range == rng(0, 5, 0, 7)  # the emoji is four bytes
    actions = await code_actions(client, uri, xi.range)
    fix = next(a for a in actions if a.is_preferred)
    assert apply(text, fix.edit.changes[uri], "utf-8") == "😀 Xi" + SENTENCE[2:]


async def test_markdown_scoping_disable_comments_and_the_ignore_action(client: LanguageClient):
    await start(client)
    uri = "file:///project/notes.md"
    text = "`XI said` in code.\n\nThey met.\nXI said.\n\n<!-- calque-disable-next-line -->\nXI again.\n"
    diagnostics = await open_doc(client, uri, text, "markdown")
    [xi] = by_rule(diagnostics, XI_RULE)
    assert xi.range.start.line == 3
    actions = await code_actions(client, uri, xi.range)
    [ignore] = [a for a in actions if a.title.startswith("Ignore")]
    ignored = apply(text, ignore.edit.changes[uri])
    assert "They met. <!-- calque-disable-next-line names-casing/xi-all-caps -->\nXI said." in ignored
    client.text_document_did_change(
        types.DidChangeTextDocumentParams(
            text_document=types.VersionedTextDocumentIdentifier(uri=uri, version=2),
            content_changes=[types.TextDocumentContentChangeWholeDocument(text=ignored)],
        )
    )
    assert by_rule(await published(client, uri, 2), XI_RULE) == []


async def test_subtitles_and_gettext_are_scoped(client: LanguageClient):
    await start(client)
    srt = "file:///project/film.srt"
    diagnostics = await open_doc(client, srt, "1\n00:00:01,000 --> 00:00:02,000\nXI said.\n")
    [xi] = by_rule(diagnostics, XI_RULE)
    assert xi.range.start.line == 2
    po = "file:///project/fr.po"
    diagnostics = await open_doc(client, po, 'msgid "XI said"\nmsgstr "XI said"\n')
    [xi] = by_rule(diagnostics, XI_RULE)
    assert xi.range.start.line == 1


async def test_fix_all_gives_what_calque_fix_gives(client: LanguageClient, calque_bin):
    await start(client)
    uri = "file:///project/a.md"
    text = "# Notes\n\n" + SENTENCE + "\n```\nXI in code\n```\n\nThe all-terrain friendship of XI.\n"
    await open_doc(client, uri, text, "markdown")
    actions = await code_actions(
        client, uri, rng(0, 0, 0, 0), only=[types.CodeActionKind.SourceFixAll]
    )
    [fix_all] = actions
    assert fix_all.kind == "source.fixAll.calque"
    fixed = apply(text, fix_all.edit.changes[uri])
    cli = subprocess.run(
        [calque_bin, "fix", "-", "--stdin-filename", "a.md", "--no-config"],
        input=text.encode(),
        capture_output=True,
        check=False,
    )
    assert cli.returncode in (0, 1), cli.stderr
    assert fixed == cli.stdout.decode()
    assert "XI in code" in fixed and "Xi reaffirmed" in fixed


async def test_config_is_found_reloaded_and_a_broken_one_keeps_the_last_rules(
    client: LanguageClient, tmp_path: pathlib.Path
):
    (tmp_path / "docs").mkdir()
    config = tmp_path / "calque.toml"
    config.write_text('ignore = ["names-casing"]\n')
    await start(client, root=tmp_path)
    doc = tmp_path / "docs" / "a.txt"
    doc.write_text(SENTENCE)
    uri = doc.as_uri()
    diagnostics = await open_doc(client, uri, SENTENCE)
    assert by_rule(diagnostics, XI_RULE) == []
    assert len(diagnostics) == 1

    async def changed():
        client.workspace_did_change_watched_files(
            types.DidChangeWatchedFilesParams(
                changes=[types.FileEvent(uri=config.as_uri(), type=types.FileChangeType.Changed)]
            )
        )
        return await published(client, uri)

    config.write_text('ignore = ["spacing-punctuation"]\n')
    diagnostics = await changed()
    assert [d.code for d in diagnostics] == [XI_RULE]

    config.write_text('ignore = ["spacing-punctuatio"]\n')
    messages_before = len(client.messages)
    diagnostics = await changed()
    assert [d.code for d in diagnostics] == [XI_RULE], "the last good rules are kept"
    new = client.messages[messages_before:]
    assert any(
        m.type == types.MessageType.Error and "spacing-punctuatio" in m.message for m in new
    ), new


async def test_initialization_options_choose_rules(client: LanguageClient):
    await start(client, options={"ignore": ["spacing-punctuation"]})
    uri = "file:///project/a.txt"
    diagnostics = await open_doc(client, uri, SENTENCE)
    assert [d.code for d in diagnostics] == [XI_RULE]


async def test_the_latest_of_many_changes_is_published(client: LanguageClient):
    await start(client)
    uri = "file:///project/typing.txt"
    await open_doc(client, uri, "")
    typed = ""
    for version, char in enumerate(SENTENCE, start=2):
        position = types.Position(line=0, character=len(typed)) if "\n" not in typed else None
        typed += char
        client.text_document_did_change(
            types.DidChangeTextDocumentParams(
                text_document=types.VersionedTextDocumentIdentifier(uri=uri, version=version),
                content_changes=[
                    types.TextDocumentContentChangePartial(
                        range=types.Range(start=position, end=position), text=char
                    )
                ],
            )
        )
    last = 1 + len(SENTENCE)
    diagnostics = await published(client, uri, last)
    assert sorted(d.code for d in diagnostics) == sorted(
        [XI_RULE, "spacing-punctuation/space-before-compound-hyphen"]
    )


async def test_a_50_mb_document_is_refused_politely(client: LanguageClient):
    await start(client)
    uri = "file:///project/huge.txt"
    client.text_document_did_open(
        types.DidOpenTextDocumentParams(
            text_document=types.TextDocumentItem(
                uri=uri, language_id="plaintext", version=1, text=SENTENCE * (50 * 2**20 // len(SENTENCE))
            )
        )
    )
    await asyncio.wait_for(client.wait_for_notification(types.WINDOW_SHOW_MESSAGE), TIMEOUT)
    assert "MB" in client.messages[-1].message
    # The server still answers.
    small = "file:///project/small.txt"
    assert by_rule(await open_doc(client, small, SENTENCE), XI_RULE)


def test_malformed_input_unknown_methods_and_unopened_documents(calque_bin):
    """Raw bytes, not a client library: what no library would send."""
    lsp = Server(calque_bin, stderr=subprocess.PIPE)
    server, send = lsp.process, lsp.send

    def reply(id_):
        while True:
            message = lsp.read()
            if message.get("id") == id_ and "method" not in message:
                return message

    try:
        send(b"{this is not json")
        server.stdin.write(b"garbage without a header\r\n\r\n")
        send({"jsonrpc": "2.0", "id": 5, "params": {}})
        send({"jsonrpc": "2.0", "id": 1, "method": "initialize", "params": {"capabilities": {}}})
        # The bad messages were reported, and the good one after them answered.
        logs = []
        while True:
            message = lsp.read()
            if message.get("method") == "window/logMessage":
                logs.append(message)
            elif message.get("id") == 5:
                assert message["error"]["code"] == -32600
            elif message.get("id") == 1:
                assert "capabilities" in message["result"]
                break
        assert len(logs) >= 2
        send({"jsonrpc": "2.0", "method": "initialized", "params": {}})
        send({"jsonrpc": "2.0", "id": 2, "method": "calque/nothing", "params": {}})
        assert reply(2)["error"]["code"] == -32601
        send({
            "jsonrpc": "2.0", "id": 3, "method": "textDocument/codeAction",
            "params": {
                "textDocument": {"uri": "file:///never/opened.txt"},
                "range": {"start": {"line": 0, "character": 0}, "end": {"line": 0, "character": 0}},
                "context": {"diagnostics": []},
            },
        })
        assert reply(3)["error"]["code"] == -32602
        send({"jsonrpc": "2.0", "method": "textDocument/didChange", "params": {"bad": 1}})
        send({"jsonrpc": "2.0", "id": 4, "method": "shutdown"})
        assert reply(4)["result"] is None
        send({"jsonrpc": "2.0", "method": "exit"})
        assert server.wait(timeout=TIMEOUT) == 0
    finally:
        if server.poll() is None:
            server.kill()
            server.wait()


def test_closed_input_ends_the_server(calque_bin):
    server = subprocess.Popen([calque_bin, "lsp"], stdin=subprocess.PIPE, stdout=subprocess.PIPE)
    server.stdin.write(
        frame({"jsonrpc": "2.0", "id": 1, "method": "initialize", "params": {"capabilities": {}}})
    )
    server.stdin.close()
    assert read_message(server.stdout)["id"] == 1
    assert server.wait(timeout=TIMEOUT) == 0


def test_exit_without_shutdown_is_exit_code_1(calque_bin):
    body = frame({"jsonrpc": "2.0", "method": "exit"})
    done = subprocess.run([calque_bin, "lsp"], input=body, capture_output=True, timeout=TIMEOUT)
    assert done.returncode == 1
