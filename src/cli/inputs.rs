//! Turning PATH arguments into inputs: files as given, directories walked
//! (honouring .gitignore, skipping hidden files) in a stable order, `-` for stdin.

use crate::config::PathFilter;
use calque_core::markup;
use calque_core::source::{self, NotText};
use std::fs;
use std::io::{self, Read};
use std::path::{Path, PathBuf};

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Input {
    Stdin,
    File {
        path: PathBuf,
        /// Named on the command line (a binary file then gets a note).
        explicit: bool,
    },
}

impl Input {
    /// How the input is named in output: the path as given, or `-`.
    pub fn label(&self) -> String {
        match self {
            Input::Stdin => "-".to_string(),
            Input::File { path, .. } => path.display().to_string(),
        }
    }
}

/// How an input is named in findings: stdin takes the name given with
/// `--stdin-filename`, if any.
pub fn display_name(input: &Input, stdin_filename: Option<&Path>) -> String {
    match (input, stdin_filename) {
        (Input::Stdin, Some(name)) => name.display().to_string(),
        _ => input.label(),
    }
}

/// How an input is read: by its extension, or for stdin by the extension
/// of `--stdin-filename`.
pub fn markup_kind(input: &Input, stdin_filename: Option<&Path>) -> markup::Kind {
    match (input, stdin_filename) {
        (Input::File { path, .. }, _) => markup::Kind::for_path(path),
        (Input::Stdin, Some(name)) => markup::Kind::for_path(name),
        (Input::Stdin, None) => markup::Kind::Plain,
    }
}

/// The inputs named by `paths` (the current directory when empty), and one
/// error message per path that could not be walked. `filter` (the config's
/// globs) chooses among walked files, and among named ones with `force-exclude`.
pub fn collect(paths: &[PathBuf], filter: &PathFilter) -> (Vec<Input>, Vec<String>) {
    let default = [PathBuf::from(".")];
    let paths = if paths.is_empty() {
        &default[..]
    } else {
        paths
    };
    let mut inputs = Vec::new();
    let mut errors = Vec::new();
    for path in paths {
        if path.as_os_str() == "-" {
            inputs.push(Input::Stdin);
        } else if path.is_dir() {
            walk(path, filter, &mut inputs, &mut errors);
        } else if filter.takes_named_file(path) {
            inputs.push(Input::File {
                path: path.clone(),
                explicit: true,
            });
        }
    }
    (inputs, errors)
}

fn walk(root: &Path, filter: &PathFilter, inputs: &mut Vec<Input>, errors: &mut Vec<String>) {
    let prune = filter.clone();
    let walker = ignore::WalkBuilder::new(root)
        .hidden(true)
        .require_git(false)
        .follow_links(false)
        .sort_by_file_name(|a, b| a.cmp(b))
        .filter_entry(move |entry| {
            !(entry.file_type().is_some_and(|t| t.is_dir()) && prune.skips_dir(entry.path()))
        })
        .build();
    for entry in walker {
        match entry {
            Ok(entry)
                if entry.file_type().is_some_and(|t| t.is_file())
                    && filter.takes_walked_file(entry.path()) =>
            {
                let path = entry.into_path();
                let path = path
                    .strip_prefix("./")
                    .map(Path::to_path_buf)
                    .unwrap_or(path);
                inputs.push(Input::File {
                    path,
                    explicit: false,
                });
            }
            Ok(_) => {}
            Err(e) => errors.push(e.to_string()),
        }
    }
}

/// Why an input could not be read as text.
#[derive(Debug, thiserror::Error)]
pub enum ReadError {
    /// Not text calque may touch (binary is reported by the caller as a note).
    #[error(transparent)]
    NotText(NotText),
    /// The file system or stdin failed.
    #[error("cannot read: {0}")]
    Io(io::Error),
    /// A bilingual file (XLIFF, TMX, a table, a `--source` pair) that cannot be read as one.
    #[error(transparent)]
    Bilingual(#[from] calque_core::bilingual::ReadError),
}

/// An input that could not be read, named as the user knows it.
#[derive(Debug, thiserror::Error)]
#[error("{label}: {source}{}", if *left_unchanged { "; the file was left unchanged" } else { "" })]
pub struct InputError {
    pub label: String,
    pub source: ReadError,
    /// A file the verb would have rewritten, refused for not being text:
    /// the message says it was left as it was.
    pub left_unchanged: bool,
}

/// The raw bytes of an input (stdin read to its end).
pub fn read_bytes(input: &Input) -> Result<Vec<u8>, ReadError> {
    match input {
        Input::Stdin => {
            let mut bytes = Vec::new();
            io::stdin()
                .lock()
                .read_to_end(&mut bytes)
                .map_err(ReadError::Io)?;
            Ok(bytes)
        }
        Input::File { path, .. } => {
            let meta = fs::metadata(path).map_err(ReadError::Io)?;
            if !meta.is_file() {
                return Err(ReadError::Io(io::Error::other("not a regular file")));
            }
            fs::read(path).map_err(ReadError::Io)
        }
    }
}

/// Reads an input and checks it is UTF-8 text. The text's bytes are the
/// input's bytes, unchanged (a BOM included).
pub fn read_text(input: &Input) -> Result<String, ReadError> {
    source::decode(read_bytes(input)?).map_err(ReadError::NotText)
}

/// An input read as text, with how it is named and how it is parsed.
pub struct Document {
    pub text: String,
    pub label: String,
    pub kind: markup::Kind,
}

/// Whether the verb reading an input would write to it: its error lines
/// then say that the file was left as it was.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Purpose {
    Read,
    Rewrite,
}

/// Reads an input for checking or fixing. `Ok(None)`: skipped, for binary
/// files (with a note when named on the command line); any other failure is
/// an error.
pub fn read_document(
    input: &Input,
    stdin_filename: Option<&Path>,
    purpose: Purpose,
) -> Result<Option<Document>, InputError> {
    match read_text(input) {
        Ok(text) => Ok(Some(Document {
            text,
            label: display_name(input, stdin_filename),
            kind: markup_kind(input, stdin_filename),
        })),
        Err(error @ ReadError::NotText(NotText::Binary)) => {
            if !matches!(
                input,
                Input::File {
                    explicit: false,
                    ..
                }
            ) {
                eprintln!("calque: note: {}: {error}", input.label());
            }
            Ok(None)
        }
        Err(source) => Err(InputError {
            label: input.label(),
            left_unchanged: purpose == Purpose::Rewrite
                && matches!(source, ReadError::NotText(_))
                && matches!(input, Input::File { .. }),
            source,
        }),
    }
}
