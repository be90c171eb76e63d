//! Everything the language server asks of the calque library, in one place:
//! the same calls `calque check` and `calque fix` make, so an editor sees
//! exactly what the command line reports (markup scoping, disable comments,
//! gettext escaping, the fixpoint of safe fixes).

use crate::cli::packs;
use crate::config::{self, Config};
use calque_core::markup;
use std::path::{Path, PathBuf};
use std::sync::Arc;

pub use crate::cli::packs::{Extra, selection};
pub use calque_core::engine::{Engine, Finding};
pub use calque_core::markup::Kind;
pub use calque_core::rule::{Level, Rule};

/// The findings of one version of a document, and the rules they refer to.
#[derive(Debug, Clone)]
pub struct Checked {
    pub version: i32,
    pub engine: Arc<Engine>,
    pub findings: Vec<Finding>,
}

impl Checked {
    pub fn rule(&self, finding: &Finding) -> &Rule {
        self.engine.rule(finding.rule)
    }
}

/// How a document is read: by its file's extension, as on the command
/// line; for a buffer without one, by the editor's language id.
pub fn kind_of(path: Option<&Path>, uri: &str, language_id: &str) -> Kind {
    let by_name = Kind::for_path(path.unwrap_or(Path::new(uri)));
    if by_name != Kind::Plain {
        return by_name;
    }
    match language_id {
        "markdown" => Kind::Markdown,
        "po" | "pot" | "gettext" => Kind::Gettext,
        "srt" | "vtt" | "subrip" | "webvtt" => Kind::Subtitles,
        _ => Kind::Plain,
    }
}

/// The findings in `text` read as `kind`.
pub fn check(engine: &Arc<Engine>, kind: Kind, text: &str, version: i32) -> Checked {
    Checked {
        version,
        engine: Arc::clone(engine),
        findings: markup::check_document(engine, kind, text),
    }
}

/// Whether `span` of `text` read as `kind` holds prose: a character that
/// is neither markup nor whitespace.
pub fn has_prose(kind: Kind, text: &str, span: std::ops::Range<usize>) -> bool {
    let excluded = markup::layout(kind, text).excluded;
    text[span.clone()].char_indices().any(|(i, c)| {
        let at = span.start + i;
        !c.is_whitespace() && !excluded.iter().any(|r| r.contains(&at))
    })
}

/// `text` with every safe fix applied, as `calque fix` would write it.
pub fn fix_safe(engine: &Engine, kind: Kind, text: &str) -> String {
    markup::fix_document(engine, kind, text, false).text
}

/// The config file for a document in `dir`: the nearest `calque.toml` or
/// `.calque.toml` in it or above it, as an absolute path.
pub fn find_config(dir: &Path) -> Option<PathBuf> {
    config::discover(dir).map(|relative| normalise(&dir.join(relative)))
}

/// Reads and validates a config file; its packs and globs are relative to
/// its own directory.
pub fn read_config(path: &Path) -> anyhow::Result<Config> {
    let dir = path.parent().unwrap_or(Path::new("/"));
    Ok(config::read(path, dir)?)
}

/// The rules of `config` and then `extra`, compiled.
pub fn load_engine(extra: &Extra, config: Option<&Config>) -> anyhow::Result<Engine> {
    packs::load_with(extra, config).map(|loaded| loaded.engine)
}

/// `dir/../../calque.toml` without the `..`, so that messages name the
/// file plainly and one file is one cache entry.
fn normalise(path: &Path) -> PathBuf {
    let mut out = PathBuf::new();
    for part in path.components() {
        match part {
            std::path::Component::ParentDir => {
                out.pop();
            }
            std::path::Component::CurDir => {}
            other => out.push(other),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn kinds_follow_the_extension_then_the_language() {
        let kind = |path: &str, language: &str| kind_of(Some(Path::new(path)), path, language);
        assert_eq!(kind("/a/b.md", "plaintext"), Kind::Markdown);
        assert_eq!(kind("/a/b.po", "plaintext"), Kind::Gettext);
        assert_eq!(kind("/a/b.vtt", "plaintext"), Kind::Subtitles);
        assert_eq!(kind("/a/b.txt", "plaintext"), Kind::Plain);
        assert_eq!(
            kind_of(None, "untitled:Untitled-1", "markdown"),
            Kind::Markdown
        );
    }

    #[test]
    fn parent_directories_are_resolved() {
        assert_eq!(
            normalise(Path::new("/p/docs/sub/../../calque.toml")),
            PathBuf::from("/p/calque.toml")
        );
    }
}
