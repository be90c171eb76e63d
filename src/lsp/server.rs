//! The server's state and its loop: one thread takes messages in order,
//! keeps the documents in step, and checks the documents that changed once
//! no message is waiting, so a burst of keystrokes costs one check of the
//! latest text, not one per keystroke. A check whose document changed again
//! while it ran is not published: the next one is.

use super::actions;
use super::analysis;
use super::diagnostics;
use super::document::{self, Document};
use super::position::Encoding;
use super::settings::{Additions, Settings};
use super::transport;
use lsp_server::{Connection, ErrorCode, Message, Notification, Request, RequestId, Response};
use lsp_types::notification::{
    DidChangeTextDocument, DidChangeWatchedFiles, DidCloseTextDocument, DidOpenTextDocument,
    DidSaveTextDocument, Notification as _, PublishDiagnostics, ShowMessage,
};
use lsp_types::request::{CodeActionRequest, RegisterCapability, Request as _};
use lsp_types::{
    CodeActionKind, CodeActionOptions, CodeActionOrCommand, CodeActionParams,
    CodeActionProviderCapability, DidChangeTextDocumentParams, DidChangeWatchedFilesParams,
    DidChangeWatchedFilesRegistrationOptions, DidCloseTextDocumentParams,
    DidOpenTextDocumentParams, DidSaveTextDocumentParams, FileSystemWatcher, GlobPattern,
    InitializeParams, InitializeResult, MessageType, PublishDiagnosticsParams, Registration,
    RegistrationParams, SaveOptions, ServerCapabilities, ServerInfo, ShowMessageParams,
    TextDocumentSyncCapability, TextDocumentSyncKind, TextDocumentSyncOptions,
    TextDocumentSyncSaveOptions, Uri,
};
use std::collections::{BTreeSet, HashMap, HashSet, VecDeque};

/// Documents larger than this are not checked: the user is told once.
/// Checking is fast enough for much more (see docs/editors.md), but the
/// diagnostics of a text this long would flood an editor.
pub const MAX_CHECKED_BYTES: usize = 16 << 20;

/// How the server ended.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum End {
    /// `exit` after `shutdown`, as the protocol asks.
    Exit,
    /// `exit` without `shutdown` (the protocol's exit code 1).
    ExitWithoutShutdown,
    /// The input closed.
    Closed,
}

/// Runs the server on `connection` until `exit` or the end of input.
/// `flags` are the packs and rule choice `calque lsp` was started with.
pub fn serve(connection: &Connection, flags: Additions) -> End {
    let (id, params) = match wait_for_initialize(connection) {
        Ok(initialize) => initialize,
        Err(end) => return end,
    };
    let encoding = Encoding::negotiate(
        params
            .capabilities
            .general
            .as_ref()
            .and_then(|g| g.position_encodings.as_deref()),
    );
    // Older clients name the root only in the deprecated `rootUri`.
    #[allow(deprecated)]
    let root = params
        .workspace_folders
        .as_ref()
        .and_then(|folders| folders.first())
        .map(|folder| &folder.uri)
        .or(params.root_uri.as_ref())
        .and_then(document::file_path);
    let mut problems = Vec::new();
    let editor = Additions::from_json(params.initialization_options.clone()).unwrap_or_else(|e| {
        problems.push(e);
        Additions::default()
    });
    let editor = match &root {
        Some(root) => editor.rooted(root),
        None => editor,
    };
    let watch = params
        .capabilities
        .workspace
        .as_ref()
        .and_then(|w| w.did_change_watched_files)
        .and_then(|w| w.dynamic_registration)
        .unwrap_or(false);
    let mut server = Server {
        connection,
        encoding,
        settings: Settings::new(flags.then(editor), root),
        documents: HashMap::new(),
        dirty: BTreeSet::new(),
        backlog: VecDeque::new(),
        shutting_down: false,
        too_large: HashSet::new(),
        watch,
    };
    server.reply(Response::new_ok(id, initialize_result(encoding)));
    for problem in problems {
        server.show(MessageType::ERROR, problem);
    }
    server.run()
}

/// Answers everything before `initialize` with an error, as the protocol
/// asks; how the server ends if the input ends or `exit` comes first.
fn wait_for_initialize(connection: &Connection) -> Result<(RequestId, InitializeParams), End> {
    for message in &connection.receiver {
        match message {
            Message::Request(request) if request.method == "initialize" => {
                match serde_json::from_value::<InitializeParams>(request.params) {
                    Ok(params) => return Ok((request.id, params)),
                    Err(e) => send(
                        connection,
                        Response::new_err(
                            request.id,
                            ErrorCode::InvalidParams as i32,
                            format!("initialize: {e}"),
                        ),
                    ),
                }
            }
            Message::Request(request) => send(
                connection,
                Response::new_err(
                    request.id,
                    ErrorCode::ServerNotInitialized as i32,
                    "the server is not initialized".to_string(),
                ),
            ),
            Message::Notification(n) if n.method == "exit" => return Err(End::ExitWithoutShutdown),
            _ => {}
        }
    }
    Err(End::Closed)
}

fn initialize_result(encoding: Encoding) -> InitializeResult {
    InitializeResult {
        capabilities: ServerCapabilities {
            position_encoding: Some(encoding.kind()),
            text_document_sync: Some(TextDocumentSyncCapability::Options(
                TextDocumentSyncOptions {
                    open_close: Some(true),
                    change: Some(TextDocumentSyncKind::INCREMENTAL),
                    save: Some(TextDocumentSyncSaveOptions::SaveOptions(SaveOptions {
                        include_text: Some(false),
                    })),
                    ..TextDocumentSyncOptions::default()
                },
            )),
            code_action_provider: Some(CodeActionProviderCapability::Options(CodeActionOptions {
                code_action_kinds: Some(vec![CodeActionKind::QUICKFIX, actions::fix_all_kind()]),
                ..CodeActionOptions::default()
            })),
            ..ServerCapabilities::default()
        },
        server_info: Some(ServerInfo {
            name: "calque".to_string(),
            version: Some(env!("CARGO_PKG_VERSION").to_string()),
        }),
    }
}

fn send(connection: &Connection, message: impl Into<Message>) {
    // Fails only when the writer has stopped (the client is gone); the
    // loop then ends when the input closes.
    let _ = connection.sender.send(message.into());
}

struct Server<'c> {
    connection: &'c Connection,
    encoding: Encoding,
    settings: Settings,
    documents: HashMap<Uri, Document>,
    /// Documents changed since their last check.
    dirty: BTreeSet<Uri>,
    /// Messages taken from the connection but not handled yet.
    backlog: VecDeque<Message>,
    shutting_down: bool,
    /// Documents the user was told are too large to check.
    too_large: HashSet<Uri>,
    /// Whether the client lets the server ask to watch files.
    watch: bool,
}

impl Server<'_> {
    fn run(&mut self) -> End {
        loop {
            let Some(message) = self.next_message() else {
                return End::Closed;
            };
            match message {
                Message::Request(request) => {
                    let id = request.id.clone();
                    let method = request.method.clone();
                    if self.guarded(|server| server.on_request(request)).is_err() {
                        self.reply(Response::new_err(
                            id,
                            ErrorCode::InternalError as i32,
                            format!("calque failed on `{method}` (a bug: please report it)"),
                        ));
                    }
                }
                Message::Notification(n) if n.method == "exit" => {
                    return if self.shutting_down {
                        End::Exit
                    } else {
                        End::ExitWithoutShutdown
                    };
                }
                Message::Notification(notification) => {
                    let _ = self.guarded(|server| server.on_notification(notification));
                }
                // Replies to the server's own requests (registrations).
                Message::Response(_) => {}
            }
        }
    }

    /// Runs `handle`; a panic in it (a bug) becomes a log message and
    /// the server goes on with the next message instead of dying with it.
    fn guarded(&mut self, handle: impl FnOnce(&mut Self)) -> Result<(), ()> {
        let outcome = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| handle(self)));
        outcome.map_err(|_| {
            send(
                self.connection,
                transport::log("calque: internal error (a bug: please report it)".to_string()),
            );
        })
    }

    /// The next message to handle. While documents wait for a check, they
    /// are checked as soon as no message is waiting.
    fn next_message(&mut self) -> Option<Message> {
        loop {
            if let Some(message) = self.backlog.pop_front() {
                return Some(message);
            }
            if let Ok(message) = self.connection.receiver.try_recv() {
                return Some(message);
            }
            match self.dirty.pop_first() {
                Some(uri) => {
                    let _ = self.guarded(|server| server.check_in_background(uri));
                }
                None => return self.connection.receiver.recv().ok(),
            }
        }
    }

    fn reply(&self, response: Response) {
        send(self.connection, response);
    }

    fn show(&self, typ: MessageType, message: String) {
        eprintln!("calque: {message}");
        send(
            self.connection,
            Notification::new(
                ShowMessage::METHOD.to_string(),
                ShowMessageParams { typ, message },
            ),
        );
    }

    fn on_request(&mut self, request: Request) {
        let id = request.id.clone();
        if self.shutting_down {
            return self.reply(Response::new_err(
                id,
                ErrorCode::InvalidRequest as i32,
                "the server is shutting down".to_string(),
            ));
        }
        match request.method.as_str() {
            "shutdown" => {
                self.shutting_down = true;
                self.reply(Response::new_ok(id, ()));
            }
            CodeActionRequest::METHOD => {
                let response = match serde_json::from_value::<CodeActionParams>(request.params) {
                    Ok(params) => self.code_actions(id, params),
                    Err(e) => invalid_params(id, e),
                };
                self.reply(response);
            }
            "initialize" => self.reply(Response::new_err(
                id,
                ErrorCode::InvalidRequest as i32,
                "the server is already initialized".to_string(),
            )),
            method => self.reply(Response::new_err(
                id,
                ErrorCode::MethodNotFound as i32,
                format!("calque does not handle `{method}`"),
            )),
        }
    }

    fn on_notification(&mut self, notification: Notification) {
        let method = notification.method.clone();
        let handled = match method.as_str() {
            "initialized" => {
                self.register_watchers();
                Ok(())
            }
            DidOpenTextDocument::METHOD => notification
                .extract::<DidOpenTextDocumentParams>(DidOpenTextDocument::METHOD)
                .map(|p| self.did_open(p)),
            DidChangeTextDocument::METHOD => notification
                .extract::<DidChangeTextDocumentParams>(DidChangeTextDocument::METHOD)
                .map(|p| self.did_change(p)),
            DidSaveTextDocument::METHOD => notification
                .extract::<DidSaveTextDocumentParams>(DidSaveTextDocument::METHOD)
                .map(|p| self.did_save(p)),
            DidCloseTextDocument::METHOD => notification
                .extract::<DidCloseTextDocumentParams>(DidCloseTextDocument::METHOD)
                .map(|p| self.did_close(p)),
            DidChangeWatchedFiles::METHOD => notification
                .extract::<DidChangeWatchedFilesParams>(DidChangeWatchedFiles::METHOD)
                .map(|_| self.reload()),
            // Other notifications ($/cancelRequest, $/setTrace, settings
            // pushed by the client...) need nothing from calque.
            _ => Ok(()),
        };
        if let Err(e) = handled {
            send(
                self.connection,
                transport::log(format!("calque: {method}: {e}")),
            );
        }
    }

    /// Asks the client to report changes to TOML files (config files and
    /// packs), when it lets servers ask.
    fn register_watchers(&mut self) {
        if !self.watch {
            return;
        }
        let watchers = ["**/calque.toml", "**/.calque.toml", "**/*.toml"]
            .into_iter()
            .map(|glob| FileSystemWatcher {
                glob_pattern: GlobPattern::String(glob.to_string()),
                kind: None,
            })
            .collect();
        let options = DidChangeWatchedFilesRegistrationOptions { watchers };
        let params = RegistrationParams {
            registrations: vec![Registration {
                id: "calque-watch-toml".to_string(),
                method: DidChangeWatchedFiles::METHOD.to_string(),
                register_options: serde_json::to_value(options).ok(),
            }],
        };
        send(
            self.connection,
            Request::new(
                RequestId::from("calque-register-watchers".to_string()),
                RegisterCapability::METHOD.to_string(),
                params,
            ),
        );
    }

    fn did_open(&mut self, params: DidOpenTextDocumentParams) {
        let item = params.text_document;
        let document = Document::new(&item.uri, &item.language_id, item.version, item.text);
        self.documents.insert(item.uri.clone(), document);
        self.dirty.insert(item.uri);
    }

    fn did_change(&mut self, params: DidChangeTextDocumentParams) {
        let uri = params.text_document.uri;
        let Some(document) = self.documents.get_mut(&uri) else {
            let message = format!("calque: a change to {} which is not open", uri.as_str());
            return send(self.connection, transport::log(message));
        };
        document.apply(
            params.text_document.version,
            params.content_changes,
            self.encoding,
        );
        self.dirty.insert(uri);
    }

    fn did_save(&mut self, params: DidSaveTextDocumentParams) {
        let uri = params.text_document.uri;
        if uri.as_str().ends_with(".toml") {
            // A config or pack saved from the editor: as if watched.
            return self.reload();
        }
        if self.documents.contains_key(&uri) {
            self.dirty.insert(uri);
        }
    }

    fn did_close(&mut self, params: DidCloseTextDocumentParams) {
        let uri = params.text_document.uri;
        self.documents.remove(&uri);
        self.dirty.remove(&uri);
        self.too_large.remove(&uri);
        self.publish(uri, Vec::new(), None);
    }

    /// A config or pack file changed: read them again, check everything again.
    fn reload(&mut self) {
        self.settings.reload();
        self.dirty.extend(self.documents.keys().cloned());
    }

    /// Checks a document between messages. If a newer version (or its
    /// closing) has arrived meanwhile, the result is dropped: that message
    /// will mark the document for a check of the newer text.
    fn check_in_background(&mut self, uri: Uri) {
        let Some(checked) = self.check(&uri) else {
            return;
        };
        self.backlog.extend(self.connection.receiver.try_iter());
        let superseded = self.backlog.iter().any(|m| changes(m, &uri));
        if !superseded {
            self.publish_checked(uri, checked);
        }
    }

    /// The findings of the current text of `uri`; `None` when it is not
    /// open or too large (the user is then told, once).
    fn check(&mut self, uri: &Uri) -> Option<analysis::Checked> {
        let document = self.documents.get(uri)?;
        if document.text.len() > MAX_CHECKED_BYTES {
            if self.too_large.insert(uri.clone()) {
                let message = format!(
                    "{} is {} MB: calque checks documents up to {} MB",
                    uri.as_str(),
                    document.text.len() >> 20,
                    MAX_CHECKED_BYTES >> 20
                );
                self.show(MessageType::WARNING, message);
                self.publish(uri.clone(), Vec::new(), Some(document.version));
            }
            return None;
        }
        self.too_large.remove(uri);
        let mut errors = Vec::new();
        let dir = document.path.as_deref().and_then(|p| p.parent());
        let engine = self.settings.engine_for(dir, &mut errors);
        for error in errors {
            self.show(MessageType::ERROR, error);
        }
        let document = &self.documents[uri];
        Some(analysis::check(
            &engine,
            document.kind,
            &document.text,
            document.version,
        ))
    }

    fn publish_checked(&mut self, uri: Uri, checked: analysis::Checked) {
        let Some(document) = self.documents.get_mut(&uri) else {
            return;
        };
        let diagnostics =
            diagnostics::all(&checked, &document.text, &document.lines, self.encoding);
        let version = checked.version;
        document.checked = Some(checked);
        self.publish(uri, diagnostics, Some(version));
    }

    fn publish(&self, uri: Uri, diagnostics: Vec<lsp_types::Diagnostic>, version: Option<i32>) {
        send(
            self.connection,
            Notification::new(
                PublishDiagnostics::METHOD.to_string(),
                PublishDiagnosticsParams {
                    uri,
                    diagnostics,
                    version,
                },
            ),
        );
    }

    fn code_actions(&mut self, id: RequestId, params: CodeActionParams) -> Response {
        let uri = params.text_document.uri;
        if !self.documents.contains_key(&uri) {
            return Response::new_err(
                id,
                ErrorCode::InvalidParams as i32,
                format!("{} is not open", uri.as_str()),
            );
        }
        // A request answers for the text as it is now: check it first if
        // the last check is older.
        if self.documents[&uri].fresh().is_none()
            && let Some(checked) = self.check(&uri)
        {
            self.dirty.remove(&uri);
            self.publish_checked(uri.clone(), checked);
        }
        let document = &self.documents[&uri];
        let Some(checked) = document.fresh() else {
            return Response::new_ok(id, Vec::<CodeActionOrCommand>::new());
        };
        let request = actions::Request {
            uri: &uri,
            range: params.range,
            only: params.context.only.as_deref(),
            encoding: self.encoding,
        };
        let found: Vec<CodeActionOrCommand> = actions::actions(&request, document, checked)
            .into_iter()
            .map(CodeActionOrCommand::CodeAction)
            .collect();
        Response::new_ok(id, found)
    }
}

fn invalid_params(id: RequestId, error: serde_json::Error) -> Response {
    Response::new_err(id, ErrorCode::InvalidParams as i32, error.to_string())
}

/// Whether `message` changes or closes the document `uri`.
fn changes(message: &Message, uri: &Uri) -> bool {
    let Message::Notification(n) = message else {
        return false;
    };
    (n.method == DidChangeTextDocument::METHOD || n.method == DidCloseTextDocument::METHOD)
        && n.params["textDocument"]["uri"].as_str() == Some(uri.as_str())
}

/// The exit code for how the server ended: 1 for `exit` without
/// `shutdown`, as the protocol says; 0 otherwise.
pub fn exit_code(end: End) -> u8 {
    match end {
        End::ExitWithoutShutdown => 1,
        End::Exit | End::Closed => 0,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::{Value, json};
    use std::time::Duration;

    fn request(id: i32, method: &str, params: Value) -> Message {
        Message::Request(Request::new(id.into(), method.to_string(), params))
    }

    fn notification(method: &str, params: Value) -> Message {
        Message::Notification(Notification::new(method.to_string(), params))
    }

    const URI: &str = "file:///project/a.txt";

    fn open(text: &str) -> Message {
        notification(
            "textDocument/didOpen",
            json!({"textDocument": {"uri": URI, "languageId": "plaintext", "version": 1, "text": text}}),
        )
    }

    fn change(version: i32, text: &str) -> Message {
        notification(
            "textDocument/didChange",
            json!({"textDocument": {"uri": URI, "version": version}, "contentChanges": [{"text": text}]}),
        )
    }

    /// Starts a server with `queued` waiting for it; returns the client's
    /// end and the server's thread.
    fn start(queued: Vec<Message>) -> (Connection, std::thread::JoinHandle<End>) {
        let (server, client) = Connection::memory();
        client
            .sender
            .send(request(1, "initialize", json!({"capabilities": {}})))
            .unwrap();
        client
            .sender
            .send(notification("initialized", json!({})))
            .unwrap();
        for message in queued {
            client.sender.send(message).unwrap();
        }
        let thread = std::thread::spawn(move || serve(&server, Additions::default()));
        (client, thread)
    }

    fn next(client: &Connection) -> Message {
        client
            .receiver
            .recv_timeout(Duration::from_secs(20))
            .expect("the server answers")
    }

    fn stop(client: Connection, thread: std::thread::JoinHandle<End>) -> End {
        client
            .sender
            .send(request(99, "shutdown", Value::Null))
            .unwrap();
        client
            .sender
            .send(notification("exit", Value::Null))
            .unwrap();
        thread.join().unwrap()
    }

    #[test]
    fn only_the_latest_of_queued_changes_is_checked() {
        let mut queued = vec![open("XI said.\n")];
        for version in 2..=20 {
            let text = if version % 2 == 0 {
                "Xi said.\n"
            } else {
                "XI said.\n"
            };
            queued.push(change(version, text));
        }
        queued.push(change(21, "XI said, long -term.\n"));
        let (client, thread) = start(queued);
        let published = loop {
            match next(&client) {
                Message::Notification(n) if n.method == PublishDiagnostics::METHOD => break n,
                _ => continue,
            }
        };
        assert_eq!(published.params["version"], 21);
        assert_eq!(published.params["diagnostics"].as_array().unwrap().len(), 2);
        assert_eq!(stop(client, thread), End::Exit);
    }

    #[test]
    fn bad_requests_get_error_replies() {
        let queued = vec![
            request(
                2,
                "textDocument/codeAction",
                json!({
                "textDocument": {"uri": "file:///never/opened.txt"},
                "range": {"start": {"line": 0, "character": 0}, "end": {"line": 0, "character": 1}},
                "context": {"diagnostics": []}}),
            ),
            request(3, "calque/unknown", Value::Null),
            request(4, "textDocument/codeAction", json!({"nonsense": true})),
        ];
        let (client, thread) = start(queued);
        let mut errors = HashMap::new();
        while errors.len() < 3 {
            if let Message::Response(Response {
                id,
                response_result: Err(e),
            }) = next(&client)
            {
                errors.insert(id, e.code);
            }
        }
        assert_eq!(errors[&2.into()], ErrorCode::InvalidParams as i32);
        assert_eq!(errors[&3.into()], ErrorCode::MethodNotFound as i32);
        assert_eq!(errors[&4.into()], ErrorCode::InvalidParams as i32);
        assert_eq!(stop(client, thread), End::Exit);
    }

    #[test]
    fn exit_without_shutdown_and_closed_input_end_the_server() {
        let (client, thread) = start(vec![notification("exit", Value::Null)]);
        assert_eq!(thread.join().unwrap(), End::ExitWithoutShutdown);
        drop(client);
        let (client, thread) = start(vec![open("XI")]);
        drop(client);
        assert_eq!(thread.join().unwrap(), End::Closed);
    }
}
