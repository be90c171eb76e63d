//! An open document: its text as the editor holds it, kept in step by
//! incremental changes, and the findings of its last check.

use super::analysis::{self, Checked, Kind};
use super::position::{Encoding, Lines};
use lsp_types::{TextDocumentContentChangeEvent, Uri};
use std::path::PathBuf;

#[derive(Debug)]
pub struct Document {
    pub text: String,
    pub version: i32,
    pub kind: Kind,
    /// The file behind the document, for `file:` URIs (where its config is found).
    pub path: Option<PathBuf>,
    pub lines: Lines,
    /// The findings of the last check, if it was of this version.
    pub checked: Option<Checked>,
}

impl Document {
    pub fn new(uri: &Uri, language_id: &str, version: i32, text: String) -> Document {
        let path = file_path(uri);
        let kind = analysis::kind_of(path.as_deref(), uri.as_str(), language_id);
        let lines = Lines::new(&text);
        Document {
            text,
            version,
            kind,
            path,
            lines,
            checked: None,
        }
    }

    /// Applies the changes of one `didChange`, in order: each change's range
    /// is in the text the changes before it made.
    pub fn apply(
        &mut self,
        version: i32,
        changes: Vec<TextDocumentContentChangeEvent>,
        encoding: Encoding,
    ) {
        for change in changes {
            match change.range {
                Some(range) => {
                    let span = self.lines.span(&self.text, range, encoding);
                    self.text.replace_range(span, &change.text);
                }
                None => self.text = change.text,
            }
            self.lines = Lines::new(&self.text);
        }
        self.version = version;
        self.checked = None;
    }

    /// The findings of the current version, if it has been checked.
    pub fn fresh(&self) -> Option<&Checked> {
        self.checked.as_ref().filter(|c| c.version == self.version)
    }
}

/// The path of a `file:` URI, percent-decoded; `None` for other schemes
/// (an unsaved buffer) or a URI that does not decode to UTF-8.
pub fn file_path(uri: &Uri) -> Option<PathBuf> {
    let rest = uri.as_str().strip_prefix("file://")?;
    // `file://host/path` names a host; only the path matters here.
    let path = &rest[rest.find('/')?..];
    let path = path.split(['?', '#']).next().unwrap_or(path);
    let mut bytes = Vec::with_capacity(path.len());
    let mut raw = path.bytes();
    while let Some(b) = raw.next() {
        if b == b'%' {
            let hex = [raw.next()?, raw.next()?];
            let hex = std::str::from_utf8(&hex).ok()?;
            bytes.push(u8::from_str_radix(hex, 16).ok()?);
        } else {
            bytes.push(b);
        }
    }
    let path = String::from_utf8(bytes).ok()?;
    // `file:///C:/dir` on Windows: the drive letter follows the slash.
    #[cfg(windows)]
    let path = path.strip_prefix('/').map(str::to_string).unwrap_or(path);
    Some(PathBuf::from(path))
}

#[cfg(test)]
mod tests {
    use super::*;
    use lsp_types::{Position, Range};
    use std::str::FromStr;

    fn change(
        range: Option<((u32, u32), (u32, u32))>,
        text: &str,
    ) -> TextDocumentContentChangeEvent {
        TextDocumentContentChangeEvent {
            range: range
                .map(|((a, b), (c, d))| Range::new(Position::new(a, b), Position::new(c, d))),
            range_length: None,
            text: text.to_string(),
        }
    }

    fn document(text: &str) -> Document {
        let uri = Uri::from_str("file:///project/a.txt").unwrap();
        Document::new(&uri, "plaintext", 1, text.to_string())
    }

    #[test]
    fn incremental_changes_apply_in_order() {
        let mut doc = document("XI reaffirmed the long -term plan.\n");
        doc.apply(
            2,
            vec![
                change(Some(((0, 0), (0, 2))), "Xi"),
                // In the text the first change made.
                change(Some(((0, 22), (0, 24))), "-"),
                change(Some(((1, 0), (1, 0))), "New line 😀 here\n"),
                change(Some(((1, 9), (1, 11))), "🙂"),
            ],
            Encoding::Utf16,
        );
        assert_eq!(
            doc.text,
            "Xi reaffirmed the long-term plan.\nNew line 🙂 here\n"
        );
        assert_eq!(doc.version, 2);
        assert_eq!(doc.lines.line_text(&doc.text, 1), "New line 🙂 here");
    }

    #[test]
    fn utf8_ranges_count_bytes() {
        let mut doc = document("é XI");
        doc.apply(
            2,
            vec![change(Some(((0, 3), (0, 5))), "Xi")],
            Encoding::Utf8,
        );
        assert_eq!(doc.text, "é Xi");
    }

    #[test]
    fn a_change_without_a_range_replaces_everything() {
        let mut doc = document("old\ntext");
        doc.apply(5, vec![change(None, "new")], Encoding::Utf16);
        assert_eq!(doc.text, "new");
        assert_eq!(doc.lines.line_text(&doc.text, 1), "");
    }

    #[test]
    fn a_stale_range_is_clamped_not_a_panic() {
        let mut doc = document("short");
        doc.apply(
            2,
            vec![change(Some(((3, 0), (9, 9))), "!")],
            Encoding::Utf16,
        );
        assert_eq!(doc.text, "short!");
        // Ends given in reverse order are put in order.
        doc.apply(3, vec![change(Some(((0, 5), (0, 0))), "")], Encoding::Utf16);
        assert_eq!(doc.text, "!");
    }

    #[test]
    fn file_uris_become_paths() {
        let uri = |s: &str| Uri::from_str(s).unwrap();
        assert_eq!(
            file_path(&uri("file:///home/me/My%20Notes/a%C3%A9.md")),
            Some(PathBuf::from("/home/me/My Notes/aé.md"))
        );
        assert_eq!(file_path(&uri("untitled:Untitled-1")), None);
        // Percent-escapes that are not UTF-8.
        assert_eq!(file_path(&uri("file:///bad%FF")), None);
    }
}
