//! `--format sarif`: one SARIF 2.1.0 log for the whole run, for code
//! scanning services (GitHub code scanning, GitLab, Azure DevOps) and SARIF
//! viewers. The rules loaded are described in `tool.driver.rules`; each
//! finding is a result pointing at its rule by id and index, with its place
//! (lines and columns in Unicode code points, and bytes) and its fixes.
//!
//! Specification: OASIS SARIF 2.1.0 (errata01); the test suite validates
//! this output against the official JSON schema.

use super::Record;
use calque_core::engine::Engine;
use calque_core::rule::{Level, Rule};
use serde_json::{Value, json};
use std::collections::HashMap;
use std::io::{self, Write};

const SCHEMA: &str =
    "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json";

/// Collects results, then writes the log at the end (SARIF is one document).
pub struct SarifPrinter<'e> {
    engine: &'e Engine,
    rule_index: HashMap<&'e str, usize>,
    results: Vec<Value>,
}

impl<'e> SarifPrinter<'e> {
    pub fn new(engine: &'e Engine) -> SarifPrinter<'e> {
        let rule_index = engine
            .rules()
            .iter()
            .enumerate()
            .map(|(i, r)| (r.id.as_str(), i))
            .collect();
        SarifPrinter {
            engine,
            rule_index,
            results: Vec::new(),
        }
    }

    pub fn record(&mut self, record: &Record) {
        let mut result = json!({
            "ruleId": record.rule,
            "level": level(record.level),
            "message": { "text": super::message_with_fix(record) },
            "locations": [{
                "physicalLocation": {
                    "artifactLocation": { "uri": uri(&record.path) },
                    "region": region(record),
                }
            }],
        });
        if let Some(unit) = &record.unit {
            result["properties"] = json!({ "unit": unit });
        }
        if let Some(&index) = self.rule_index.get(record.rule.as_str()) {
            result["ruleIndex"] = json!(index);
        }
        if !record.replacements.is_empty() {
            result["fixes"] = record
                .replacements
                .iter()
                .map(|replacement| fix(record, replacement))
                .collect();
        }
        self.results.push(result);
    }

    pub fn finish(self, out: &mut impl Write) -> io::Result<()> {
        let rules: Vec<Value> = self.engine.rules().iter().map(describe_rule).collect();
        let log = json!({
            "$schema": SCHEMA,
            "version": "2.1.0",
            "runs": [{
                "tool": {
                    "driver": {
                        "name": "calque",
                        "version": env!("CARGO_PKG_VERSION"),
                        "rules": rules,
                    }
                },
                "columnKind": "unicodeCodePoints",
                "results": self.results,
            }],
        });
        serde_json::to_writer_pretty(&mut *out, &log).map_err(io::Error::from)?;
        out.write_all(b"\n")
    }
}

fn level(level: Level) -> &'static str {
    match level {
        Level::Error => "error",
        Level::Warning => "warning",
        Level::Info => "note",
    }
}

/// Lines and columns are 1-based, the end column is the one just past the
/// match; the byte offsets say the same in bytes.
fn region(record: &Record) -> Value {
    json!({
        "startLine": record.place.line,
        "startColumn": record.place.column,
        "endLine": record.place.end_line,
        "endColumn": record.place.end_column,
        "byteOffset": record.place.byte_start,
        "byteLength": record.place.byte_end - record.place.byte_start,
    })
}

fn fix(record: &Record, replacement: &str) -> Value {
    let kind = if record.safe { "fix" } else { "suggestion" };
    json!({
        "description": { "text": format!("{kind}: replace with \u{201c}{replacement}\u{201d}") },
        "artifactChanges": [{
            "artifactLocation": { "uri": uri(&record.path) },
            "replacements": [{
                "deletedRegion": region(record),
                "insertedContent": { "text": replacement },
            }],
        }],
    })
}

fn describe_rule(rule: &Rule) -> Value {
    let mut help = rule.message.clone();
    if let Some(rationale) = &rule.rationale {
        help.push_str("\n\n");
        help.push_str(rationale);
    }
    for example in &rule.examples {
        help.push_str(&format!("\n\nBad: {}", example.bad));
        if let Some(good) = &example.good {
            help.push_str(&format!("\nGood: {good}"));
        }
    }
    if let Some(reference) = &rule.reference {
        help.push_str(&format!("\n\nReference: {reference}"));
    }
    let mut described = json!({
        "id": rule.id,
        "shortDescription": { "text": rule.message },
        "fullDescription": { "text": rule.rationale.as_deref().unwrap_or(&rule.message) },
        "help": { "text": help },
        "defaultConfiguration": { "level": level(rule.level) },
        "properties": { "safe": rule.applicability.is_safe(), "kind": rule.kind },
    });
    if let Some(reference) = &rule.reference
        && (reference.starts_with("https://") || reference.starts_with("http://"))
        && !reference.contains(char::is_whitespace)
    {
        described["helpUri"] = json!(reference);
    }
    described
}

/// A path as a relative URI reference: `/` separators, and every byte
/// outside the unreserved set and `/` percent-encoded (RFC 3986).
fn uri(path: &str) -> String {
    let path = if cfg!(windows) {
        path.replace('\\', "/")
    } else {
        path.to_string()
    };
    let mut out = String::with_capacity(path.len());
    for &b in path.as_bytes() {
        if b.is_ascii_alphanumeric() || b"-._~/".contains(&b) {
            out.push(b as char);
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paths_become_uri_references() {
        assert_eq!(uri("docs/a b/é.md"), "docs/a%20b/%C3%A9.md");
        if !cfg!(windows) {
            assert_eq!(uri(r"odd\name.txt"), "odd%5Cname.txt");
        }
        assert_eq!(uri("-"), "-");
        assert_eq!(uri("50%:x.txt"), "50%25%3Ax.txt");
    }
}
