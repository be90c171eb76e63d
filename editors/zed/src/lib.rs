//! Starts `calque lsp` from PATH, with the `initialization_options` of the
//! user's `lsp.calque` settings. Everything else is the server's.

use zed_extension_api::{self as zed, LanguageServerId, Result, settings::LspSettings};

struct Calque;

impl zed::Extension for Calque {
    fn new() -> Self {
        Calque
    }

    fn language_server_command(
        &mut self,
        _id: &LanguageServerId,
        worktree: &zed::Worktree,
    ) -> Result<zed::Command> {
        let command = worktree
            .which("calque")
            .ok_or("calque is not on PATH: install it with `cargo install --path .`")?;
        Ok(zed::Command {
            command,
            args: vec!["lsp".to_string()],
            env: Vec::new(),
        })
    }

    fn language_server_initialization_options(
        &mut self,
        _id: &LanguageServerId,
        worktree: &zed::Worktree,
    ) -> Result<Option<zed::serde_json::Value>> {
        Ok(LspSettings::for_worktree("calque", worktree)
            .ok()
            .and_then(|settings| settings.initialization_options))
    }
}

zed::register_extension!(Calque);
