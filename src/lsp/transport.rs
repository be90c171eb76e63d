//! JSON-RPC over stdio: `Content-Length` framed messages.
//!
//! lsp-server's own stdio transport stops at the first malformed message;
//! an editor's language server must not. This reader skips what it cannot
//! read, tells the client (an error reply when the message had an id, a log
//! message otherwise) and reads on. The messages themselves are
//! lsp-server's, so the rest of the server uses its `Connection`.

use crossbeam_channel::{Receiver, Sender, bounded, unbounded};
use lsp_server::{Connection, ErrorCode, Message, Notification, RequestId, Response};
use lsp_types::notification::{LogMessage, Notification as _};
use lsp_types::{LogMessageParams, MessageType};
use std::io::{self, BufRead, Read, Write};
use std::thread::{self, JoinHandle};

/// A message larger than this is skipped, not read into memory: it is not
/// a text anyone edits (a 50 MB document is ~50 MB of JSON).
pub const MAX_MESSAGE_BYTES: usize = 512 << 20;

/// The connection over stdin and stdout, and its writer, to be finished
/// when the server is done so that every reply is flushed.
pub fn stdio() -> (Connection, Writer) {
    let (to_client, outgoing) = unbounded::<Message>();
    let (incoming, from_client) = unbounded::<Message>();
    let (stop, stopped) = bounded::<()>(1);
    let thread = thread::spawn(move || write_all(&outgoing, &stopped, io::stdout().lock()));
    let errors = to_client.clone();
    // The reader is not joined: it may be blocked on a read when the
    // server exits, which ends it.
    thread::spawn(move || read_all(io::stdin().lock(), &incoming, &errors));
    let connection = Connection {
        sender: to_client,
        receiver: from_client,
    };
    (connection, Writer { thread, stop })
}

/// The thread that writes to stdout.
pub struct Writer {
    thread: JoinHandle<()>,
    stop: Sender<()>,
}

impl Writer {
    /// Writes what is queued, then stops. (The reader holds a sender too,
    /// so the queue alone would never close while stdin is open.)
    pub fn finish(self) {
        let _ = self.stop.send(());
        let _ = self.thread.join();
    }
}

fn write_all(outgoing: &Receiver<Message>, stopped: &Receiver<()>, mut out: impl Write) {
    loop {
        let message = crossbeam_channel::select! {
            recv(outgoing) -> message => match message {
                Ok(message) => message,
                Err(_) => return,
            },
            recv(stopped) -> _ => {
                for message in outgoing.try_iter() {
                    if message.write(&mut out).is_err() {
                        return;
                    }
                }
                return;
            },
        };
        if message.write(&mut out).is_err() {
            return; // The client is gone.
        }
    }
}

/// One step of reading.
#[derive(Debug)]
enum Frame {
    Body(Vec<u8>),
    /// A frame that could not be read; the reader has moved past it.
    Bad(String),
    End,
}

/// Reads messages until the input ends, sending each to `incoming`, and a
/// reply or log message about each bad one to `to_client`.
pub fn read_all(mut input: impl BufRead, incoming: &Sender<Message>, to_client: &Sender<Message>) {
    loop {
        let body = match next_frame(&mut input) {
            Frame::End => return,
            Frame::Bad(problem) => {
                let _ = to_client.send(log(format!("calque: skipped a message: {problem}")));
                continue;
            }
            Frame::Body(body) => body,
        };
        match parse(&body) {
            Ok(message) => {
                if incoming.send(message).is_err() {
                    return; // The server has stopped.
                }
            }
            Err(reply) => {
                let _ = to_client.send(reply);
            }
        }
    }
}

/// Reads one frame: headers up to an empty line, then the body.
fn next_frame(input: &mut impl BufRead) -> Frame {
    let mut length: Option<usize> = None;
    let mut problem: Option<String> = None;
    let mut line = Vec::new();
    loop {
        line.clear();
        match input.read_until(b'\n', &mut line) {
            Ok(0) | Err(_) => return Frame::End,
            Ok(_) => {}
        }
        let text = String::from_utf8_lossy(&line);
        let header = text.trim_end_matches(['\r', '\n']);
        if header.is_empty() {
            if length.is_some() || problem.is_some() {
                break;
            }
            continue; // Blank lines between messages.
        }
        // A header may follow the end of a body sent with a wrong length,
        // on the same line: look for it anywhere.
        let lower = header.to_ascii_lowercase();
        if let Some(at) = lower.find("content-length:") {
            let value = header[at + "content-length:".len()..].trim();
            match value.parse::<usize>() {
                Ok(n) => length = Some(n),
                Err(_) => problem = Some(format!("bad Content-Length `{value}`")),
            }
        } else if !header.contains(':') {
            problem.get_or_insert_with(|| format!("not a header: `{}`", clip(header)));
        }
    }
    let Some(length) = length else {
        return Frame::Bad(problem.unwrap_or_else(|| "no Content-Length".to_string()));
    };
    if length > MAX_MESSAGE_BYTES {
        let skipped = io::copy(&mut input.take(length as u64), &mut io::sink());
        return match skipped {
            Ok(_) => Frame::Bad(format!(
                "{length} bytes is over the limit of {MAX_MESSAGE_BYTES}"
            )),
            Err(_) => Frame::End,
        };
    }
    let mut body = vec![0; length];
    match input.read_exact(&mut body) {
        Ok(()) => Frame::Body(body),
        Err(_) => Frame::End,
    }
}

/// A body as a message, or what to tell the client about it: an error
/// reply when it has an id to reply to, a log message otherwise.
fn parse(body: &[u8]) -> Result<Message, Message> {
    let value: serde_json::Value = match serde_json::from_slice(body) {
        Ok(value) => value,
        Err(e) => {
            return Err(log(format!(
                "calque: skipped a message that is not JSON: {e}"
            )));
        }
    };
    let id: Option<RequestId> = value
        .get("id")
        .and_then(|id| serde_json::from_value(id.clone()).ok());
    match serde_json::from_value::<Message>(value) {
        Ok(message) => Ok(message),
        Err(e) => match id {
            Some(id) => Err(Message::Response(Response::new_err(
                id,
                ErrorCode::InvalidRequest as i32,
                format!("not a JSON-RPC request: {e}"),
            ))),
            None => Err(log(format!(
                "calque: skipped a message that is not JSON-RPC: {e}"
            ))),
        },
    }
}

/// A `window/logMessage` of type error.
pub fn log(message: String) -> Message {
    eprintln!("{message}");
    Message::Notification(Notification::new(
        LogMessage::METHOD.to_string(),
        LogMessageParams {
            typ: MessageType::ERROR,
            message,
        },
    ))
}

fn clip(text: &str) -> String {
    text.chars().take(60).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn frame(body: &str) -> String {
        format!("Content-Length: {}\r\n\r\n{body}", body.len())
    }

    /// What the reader passes on and what it tells the client, for `input`.
    fn read(input: &str) -> (Vec<Message>, Vec<Message>) {
        let (incoming, from_client) = unbounded();
        let (to_client, replies) = unbounded();
        read_all(input.as_bytes(), &incoming, &to_client);
        drop((incoming, to_client));
        (from_client.iter().collect(), replies.iter().collect())
    }

    const PING: &str = r#"{"jsonrpc":"2.0","id":1,"method":"shutdown"}"#;

    #[test]
    fn good_messages_pass_through() {
        let (messages, replies) = read(&(frame(PING) + &frame(PING)));
        assert_eq!(messages.len(), 2);
        assert!(replies.is_empty());
    }

    #[test]
    fn malformed_messages_are_skipped_and_reported() {
        let input = [
            frame("{not json"),
            frame(r#"{"jsonrpc":"2.0","id":7,"params":3}"#),
            frame(r#"[1, 2]"#),
            "Content-Length: abc\r\n\r\n".to_string(),
            "garbage\r\n\r\n".to_string(),
            frame(PING),
        ]
        .concat();
        let (messages, replies) = read(&input);
        assert_eq!(
            messages.len(),
            1,
            "the good message after the bad ones is read"
        );
        assert_eq!(replies.len(), 5);
        // The one with an id gets an error reply to that id.
        assert!(replies.iter().any(|r| matches!(r,
            Message::Response(Response { id, response_result: Err(e) })
                if *id == RequestId::from(7) && e.code == ErrorCode::InvalidRequest as i32)));
    }

    #[test]
    fn a_body_shorter_than_announced_ends_the_input() {
        let (messages, _) = read("Content-Length: 100\r\n\r\n{}");
        assert!(messages.is_empty());
    }

    #[test]
    fn a_huge_announced_length_is_skipped_without_allocating() {
        let input = format!("Content-Length: {}\r\n\r\n", MAX_MESSAGE_BYTES + 1);
        let (messages, replies) = read(&input);
        assert!(messages.is_empty());
        assert_eq!(replies.len(), 1);
    }
}
