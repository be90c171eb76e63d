//! Terminal colours, on only when wanted: `--color`, a terminal, NO_COLOR.

use std::io::IsTerminal;

#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum ColorChoice {
    Auto,
    Always,
    Never,
}

impl ColorChoice {
    /// Whether to colour a stream: `always`, or `auto` on a terminal without
    /// NO_COLOR set (https://no-color.org).
    pub fn enabled(self, is_terminal: bool) -> bool {
        match self {
            ColorChoice::Always => true,
            ColorChoice::Never => false,
            ColorChoice::Auto => {
                is_terminal && std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty())
            }
        }
    }

    pub fn for_stdout(self) -> Style {
        Style {
            on: self.enabled(std::io::stdout().is_terminal()),
        }
    }

    pub fn for_stderr(self) -> Style {
        Style {
            on: self.enabled(std::io::stderr().is_terminal()),
        }
    }
}

/// Wraps text in ANSI colour codes when colour is on.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Style {
    pub on: bool,
}

impl Style {
    pub const PLAIN: Style = Style { on: false };

    pub fn paint(self, code: &str, text: &str) -> String {
        if self.on {
            format!("\x1b[{code}m{text}\x1b[0m")
        } else {
            text.to_string()
        }
    }

    pub fn red(self, t: &str) -> String {
        self.paint("1;31", t)
    }
    pub fn yellow(self, t: &str) -> String {
        self.paint("1;33", t)
    }
    pub fn blue(self, t: &str) -> String {
        self.paint("1;34", t)
    }
    pub fn green(self, t: &str) -> String {
        self.paint("32", t)
    }
    pub fn cyan(self, t: &str) -> String {
        self.paint("36", t)
    }
    pub fn bold(self, t: &str) -> String {
        self.paint("1", t)
    }
    pub fn dim(self, t: &str) -> String {
        self.paint("2", t)
    }
}
