//! Findings as LSP diagnostics.

use super::analysis::{Checked, Finding, Level};
use super::position::{Encoding, Lines};
use lsp_types::{Diagnostic, DiagnosticSeverity, NumberOrString};
use serde::{Deserialize, Serialize};

/// Every diagnostic says it comes from calque.
pub const SOURCE: &str = "calque";

/// What a diagnostic carries in `data`: the replacements (the first is the
/// fix) and whether `calque fix` would apply it without `--unsafe`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Data {
    pub replacements: Vec<String>,
    pub safe: bool,
}

pub fn severity(level: Level) -> DiagnosticSeverity {
    match level {
        Level::Error => DiagnosticSeverity::ERROR,
        Level::Warning => DiagnosticSeverity::WARNING,
        Level::Info => DiagnosticSeverity::INFORMATION,
    }
}

/// The diagnostic of one finding in `text`.
pub fn diagnostic(
    checked: &Checked,
    finding: &Finding,
    text: &str,
    lines: &Lines,
    encoding: Encoding,
) -> Diagnostic {
    let rule = checked.rule(finding);
    let data = Data {
        replacements: finding.replacements().to_vec(),
        safe: finding.has_safe_fix(),
    };
    Diagnostic {
        range: lines.range(text, finding.span.clone(), encoding),
        severity: Some(severity(rule.level)),
        code: Some(NumberOrString::String(rule.id.clone())),
        source: Some(SOURCE.to_string()),
        message: rule.message.clone(),
        data: serde_json::to_value(data).ok(),
        ..Diagnostic::default()
    }
}

/// The diagnostics of every finding of a checked text.
pub fn all(checked: &Checked, text: &str, lines: &Lines, encoding: Encoding) -> Vec<Diagnostic> {
    checked
        .findings
        .iter()
        .map(|f| diagnostic(checked, f, text, lines, encoding))
        .collect()
}
