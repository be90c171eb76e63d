//! Code actions: a quick fix per finding and per replacement, "Ignore this
//! rule here" where the format has a disable comment, and "fix all safe
//! findings" as the `source.fixAll.calque` action editors run on save.

use super::analysis::{self, Checked, Finding, Kind};
use super::diagnostics;
use super::document::Document;
use super::position::Encoding;
use calque_core::rule::Applicability;
use lsp_types::{CodeAction, CodeActionKind, Range, TextEdit, Uri, WorkspaceEdit};
use std::collections::HashMap;
use std::ops::Range as Span;

/// The kind of the fix-all action: a `source.fixAll` of calque's own, so
/// that `editor.codeActionsOnSave` can ask for it by name.
pub fn fix_all_kind() -> CodeActionKind {
    CodeActionKind::new("source.fixAll.calque")
}

/// What a code action request asks for.
pub struct Request<'a> {
    pub uri: &'a Uri,
    pub range: Range,
    /// `context.only`: the kinds the client wants, or all of them.
    pub only: Option<&'a [CodeActionKind]>,
    pub encoding: Encoding,
}

impl Request<'_> {
    /// Whether the client wants actions of `kind`: it asked for that kind or
    /// for one it belongs to (`source.fixAll` covers `source.fixAll.calque`).
    fn wants(&self, kind: &CodeActionKind) -> bool {
        self.only.is_none_or(|only| {
            only.iter().any(|o| {
                kind.as_str() == o.as_str()
                    || kind
                        .as_str()
                        .strip_prefix(o.as_str())
                        .is_some_and(|rest| rest.starts_with('.'))
            })
        })
    }
}

/// The actions for `request.range` of `doc`, whose findings are `checked`.
pub fn actions(request: &Request, doc: &Document, checked: &Checked) -> Vec<CodeAction> {
    let mut actions = Vec::new();
    let span = doc.lines.span(&doc.text, request.range, request.encoding);
    if request.wants(&CodeActionKind::QUICKFIX) {
        for finding in checked.findings.iter().filter(|f| touches(&f.span, &span)) {
            quick_fixes(request, doc, checked, finding, &mut actions);
        }
    }
    if request.wants(&fix_all_kind())
        && let Some(action) = fix_all(request, doc, checked)
    {
        actions.push(action);
    }
    actions
}

/// Whether a finding is under the cursor or the selection (a finding that
/// ends where the cursor is counts: the cursor is just after it).
fn touches(finding: &Span<usize>, selection: &Span<usize>) -> bool {
    finding.start <= selection.end && selection.start <= finding.end
}

fn quick_fixes(
    request: &Request,
    doc: &Document,
    checked: &Checked,
    finding: &Finding,
    actions: &mut Vec<CodeAction>,
) {
    let diagnostic =
        diagnostics::diagnostic(checked, finding, &doc.text, &doc.lines, request.encoding);
    let range = diagnostic.range;
    let matched = &doc.text[finding.span.clone()];
    // Display-only advice is shown in the diagnostic, never offered as an edit.
    let fix = finding
        .fix
        .as_ref()
        .filter(|fix| fix.applicability != Applicability::DisplayOnly);
    for (i, replacement) in fix.iter().flat_map(|f| &f.replacements).enumerate() {
        actions.push(CodeAction {
            title: format!("Replace “{}” with “{replacement}”", matched.trim()),
            kind: Some(CodeActionKind::QUICKFIX),
            diagnostics: Some(vec![diagnostic.clone()]),
            edit: Some(edit(request.uri, range, replacement.clone())),
            // The fix `calque fix` would apply is the one to take.
            is_preferred: Some(i == 0 && finding.has_safe_fix()),
            ..CodeAction::default()
        });
    }
    let rule_id = &checked.rule(finding).id;
    if let Some((at, comment)) = ignore_comment(doc, finding.span.start, rule_id) {
        let position = doc.lines.position(&doc.text, at, request.encoding);
        actions.push(CodeAction {
            title: format!("Ignore {rule_id} here"),
            kind: Some(CodeActionKind::QUICKFIX),
            diagnostics: Some(vec![diagnostic]),
            edit: Some(edit(request.uri, Range::new(position, position), comment)),
            ..CodeAction::default()
        });
    }
}

fn edit(uri: &Uri, range: Range, new_text: String) -> WorkspaceEdit {
    let changes = HashMap::from([(uri.clone(), vec![TextEdit { range, new_text }])]);
    WorkspaceEdit {
        changes: Some(changes),
        ..WorkspaceEdit::default()
    }
}

/// Where to insert a comment that silences `rule_id` on the line of byte
/// `at`, and the text to insert; `None` for formats without such comments
/// (plain text, subtitles and gettext have none calque reads).
///
/// The comment is `<!-- calque-disable-next-line ID -->`, which silences
/// the line after the one it ends on. When the line before is prose (a
/// paragraph, list item, heading or table row), it goes at the end of that
/// line, where it is inline HTML and leaves the paragraph whole; otherwise
/// (first line, after a blank line, a fence or other markup) on a line of
/// its own before the finding's line, indented as that line is.
pub fn ignore_comment(doc: &Document, at: usize, rule_id: &str) -> Option<(usize, String)> {
    if doc.kind != Kind::Markdown {
        return None;
    }
    let text = &doc.text;
    let lines = &doc.lines;
    let comment = format!("<!-- calque-disable-next-line {rule_id} -->");
    let line = lines.line_of(at);
    if line > 0 {
        let before = lines.line_start(line - 1, text);
        let content = lines.line_text(text, line - 1).trim_end();
        if analysis::has_prose(doc.kind, text, before..before + content.len()) {
            return Some((before + content.len(), format!(" {comment}")));
        }
    }
    let start = lines.line_start(line, text);
    let own = lines.line_text(text, line);
    let indent = &own[..own.len() - own.trim_start().len()];
    // The line break the file uses, seen at the end of the line.
    let end = start + own.len();
    let newline = if text[end..].starts_with("\r\n") || text[..start].ends_with("\r\n") {
        "\r\n"
    } else {
        "\n"
    };
    Some((start, format!("{indent}{comment}{newline}")))
}

/// One action that applies every safe fix, as `calque fix` would; `None`
/// when there is nothing to fix.
fn fix_all(request: &Request, doc: &Document, checked: &Checked) -> Option<CodeAction> {
    if !checked.findings.iter().any(|f| f.has_safe_fix()) {
        return None;
    }
    let fixed = analysis::fix_safe(&checked.engine, doc.kind, &doc.text);
    let (span, replacement) = difference(&doc.text, &fixed)?;
    let range = doc.lines.range(&doc.text, span, request.encoding);
    Some(CodeAction {
        title: "Fix all safe calque findings".to_string(),
        kind: Some(fix_all_kind()),
        edit: Some(edit(request.uri, range, replacement.to_string())),
        ..CodeAction::default()
    })
}

/// The one edit that turns `old` into `new`: the bytes between their
/// common start and common end (whole characters), or `None` if they are equal.
fn difference<'n>(old: &str, new: &'n str) -> Option<(Span<usize>, &'n str)> {
    if old == new {
        return None;
    }
    let mut prefix = old
        .bytes()
        .zip(new.bytes())
        .take_while(|(a, b)| a == b)
        .count();
    while !old.is_char_boundary(prefix) || !new.is_char_boundary(prefix) {
        prefix -= 1;
    }
    let most = old.len().min(new.len()) - prefix;
    let mut suffix = old
        .bytes()
        .rev()
        .zip(new.bytes().rev())
        .take(most)
        .take_while(|(a, b)| a == b)
        .count();
    while !old.is_char_boundary(old.len() - suffix) || !new.is_char_boundary(new.len() - suffix) {
        suffix -= 1;
    }
    Some((prefix..old.len() - suffix, &new[prefix..new.len() - suffix]))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lsp::settings::{Additions, Settings};
    use std::str::FromStr;
    use std::sync::Arc;

    fn builtin() -> Arc<analysis::Engine> {
        Settings::new(Additions::default(), None).engine_for(None, &mut Vec::new())
    }

    fn markdown(text: &str) -> Document {
        let uri = Uri::from_str("file:///p/a.md").unwrap();
        Document::new(&uri, "markdown", 1, text.to_string())
    }

    /// The rule ids found on each line of `text`, read as Markdown.
    fn found(text: &str) -> Vec<(usize, String)> {
        let engine = builtin();
        let doc = markdown(text);
        let checked = analysis::check(&engine, doc.kind, &doc.text, 1);
        checked
            .findings
            .iter()
            .map(|f| (doc.lines.line_of(f.span.start), checked.rule(f).id.clone()))
            .collect()
    }

    /// `text` with the ignore comment for the first finding on the line
    /// holding `needle` inserted.
    fn ignored(text: &str, needle: &str) -> String {
        let engine = builtin();
        let doc = markdown(text);
        let checked = analysis::check(&engine, doc.kind, &doc.text, 1);
        let at = text.find(needle).unwrap();
        let line = doc.lines.line_of(at);
        let finding = checked
            .findings
            .iter()
            .find(|f| doc.lines.line_of(f.span.start) == line)
            .expect("a finding on that line");
        let (at, comment) = ignore_comment(&doc, finding.span.start, &checked.rule(finding).id)
            .expect("Markdown has comments");
        let mut out = text.to_string();
        out.insert_str(at, &comment);
        out
    }

    #[test]
    fn ignoring_silences_that_line_only() {
        let cases = [
            // First line: a comment line of its own.
            "XI said.\n\nXI again.\n",
            // Inside a paragraph: at the end of the line before, inline.
            "They met.\nXI said.\n\nXI again.\n",
            // After a blank line, indented as the list item is.
            "- one\n\n  XI said.\n\nXI again.\n",
            // After a code fence: never on the fence.
            "```\ncode\n```\nXI said.\n\nXI again.\n",
        ];
        for text in cases {
            let before = found(text);
            let after_text = ignored(text, "XI said");
            let after = found(&after_text);
            assert_eq!(after.len(), before.len() - 1, "{after_text:?}");
            assert!(
                after.iter().any(|(_, id)| id == "names-casing/xi-all-caps"),
                "{after_text:?}"
            );
            // The fence and the paragraph are intact.
            assert!(after_text.contains("```\ncode\n```") || !text.contains("```"));
        }
        let inline = ignored("They met.\nXI said.\n", "XI said");
        assert_eq!(
            inline,
            "They met. <!-- calque-disable-next-line names-casing/xi-all-caps -->\nXI said.\n"
        );
    }

    #[test]
    fn plain_text_has_no_ignore_comment() {
        let uri = Uri::from_str("file:///p/a.txt").unwrap();
        let doc = Document::new(&uri, "plaintext", 1, "XI said".to_string());
        assert_eq!(ignore_comment(&doc, 0, "names-casing/xi-all-caps"), None);
    }

    #[test]
    fn one_edit_covers_the_difference() {
        assert_eq!(difference("abc", "abc"), None);
        assert_eq!(difference("XI said", "Xi said"), Some((1..2, "i")));
        assert_eq!(difference("long -term", "long-term"), Some((4..5, "")));
        // Whole characters: é and è share their first byte.
        assert_eq!(difference("café", "cafè"), Some((3..5, "è")));
        assert_eq!(difference("aa", "aaa"), Some((2..2, "a")));
    }

    #[test]
    fn the_kinds_asked_for_are_honoured() {
        let uri = Uri::from_str("file:///p/a.txt").unwrap();
        let request = |only: Option<&'static [CodeActionKind]>| Request {
            uri: &uri,
            range: Range::default(),
            only,
            encoding: Encoding::Utf16,
        };
        static FIX_ALL: [CodeActionKind; 1] = [CodeActionKind::SOURCE_FIX_ALL];
        static QUICK: [CodeActionKind; 1] = [CodeActionKind::QUICKFIX];
        assert!(request(Some(&FIX_ALL)).wants(&fix_all_kind()));
        assert!(!request(Some(&FIX_ALL)).wants(&CodeActionKind::QUICKFIX));
        assert!(!request(Some(&QUICK)).wants(&fix_all_kind()));
        assert!(request(None).wants(&fix_all_kind()));
    }
}
