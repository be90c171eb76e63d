//! `calque lsp`: a language server over stdio, so that every editor that
//! speaks the Language Server Protocol underlines what `calque check`
//! reports and offers its fixes.
//!
//! A thin layer over the library: [`analysis`] makes the same calls as the
//! command line; the rest is the protocol. [`transport`] reads and writes
//! framed JSON-RPC, [`server`] holds the loop and the open [`document`]s,
//! [`position`] converts between LSP positions and byte offsets,
//! [`diagnostics`] and [`actions`] turn findings into what the editor
//! shows, and [`settings`] chooses the rules for each document.

// `lsp_types::Uri` keeps a lazily parsed part in a `Cell`, which its
// hashing and comparison never read; the protocol's own types key maps by it.
#![allow(clippy::mutable_key_type)]

mod actions;
mod analysis;
mod diagnostics;
mod document;
mod position;
mod server;
mod settings;
mod transport;

pub use settings::Additions;

use std::process::ExitCode;

/// Serves on stdin and stdout until `exit` or the end of input.
pub fn run(flags: Additions) -> ExitCode {
    let (connection, writer) = transport::stdio();
    let end = server::serve(&connection, flags);
    drop(connection);
    writer.finish();
    ExitCode::from(server::exit_code(end))
}
