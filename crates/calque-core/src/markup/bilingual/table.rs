//! Tables of translations: TSV (cells split at tabs, no quoting) and CSV
//! (RFC 4180: a cell in double quotes may hold commas, line breaks and
//! doubled quotes). The header row names the columns; `source` and
//! `target` are found with no option, other names with `--columns`.
//! Unit ids are `row N`, N the line where the row starts.

use super::{ReadError, Unit};
use std::ops::Range;

/// One cell: its bytes in the file (inside the quotes, if quoted).
type Cell = Range<usize>;

pub fn read(
    text: &str,
    separator: u8,
    columns: Option<&(String, String)>,
) -> Result<Option<Vec<Unit>>, ReadError> {
    let rows = rows(text, separator);
    let Some((_, header)) = rows.first() else {
        return Ok(None);
    };
    let names: Vec<String> = header
        .iter()
        .map(|c| cell_text(text, c).trim().to_lowercase())
        .collect();
    let find = |name: &str| names.iter().position(|n| *n == name.to_lowercase());
    let (source_name, target_name) = match columns {
        Some((s, t)) => (s.as_str(), t.as_str()),
        None => ("source", "target"),
    };
    let (source, target) = match (find(source_name), find(target_name)) {
        (Some(s), Some(t)) => (s, t),
        // Without asked-for columns, a table that names none is no
        // bilingual file: an ordinary text.
        _ if columns.is_none() => return Ok(None),
        (None, _) => return Err(ReadError::NoColumn(source_name.to_string())),
        (_, None) => return Err(ReadError::NoColumn(target_name.to_string())),
    };
    let mut units = Vec::new();
    for (line, cells) in rows.iter().skip(1) {
        let (Some(s), Some(t)) = (cells.get(source), cells.get(target)) else {
            continue;
        };
        let mut unit = Unit {
            id: format!("row {line}"),
            source: cell_text(text, s),
            span: t.clone(),
            ..Unit::default()
        };
        // Doubled quotes are escapes: decoded as one quote, never verbatim.
        let mut at = t.start;
        for (i, _) in text[t.clone()].match_indices("\"\"") {
            let quote = t.start + i;
            if quote < at {
                continue;
            }
            unit.push_verbatim(&text[at..quote], at);
            unit.push_decoded("\"", quote..quote + 2);
            at = quote + 2;
        }
        unit.push_verbatim(&text[at..t.end], at);
        units.push(unit);
    }
    Ok(Some(units))
}

fn cell_text(text: &str, cell: &Cell) -> String {
    text[cell.clone()].replace("\"\"", "\"")
}

/// The rows of a table, each with the 1-based line it starts on.
fn rows(text: &str, separator: u8) -> Vec<(usize, Vec<Cell>)> {
    let bytes = text.as_bytes();
    let quoting = separator == b',';
    let mut rows = Vec::new();
    let mut cells = Vec::new();
    let mut line = 1;
    let mut row_line = 1;
    let mut i = 0;
    while i < bytes.len() {
        let cell = if quoting && bytes[i] == b'"' {
            let start = i + 1;
            let mut j = start;
            loop {
                match bytes.get(j) {
                    None => break,
                    Some(b'"') if bytes.get(j + 1) == Some(&b'"') => j += 2,
                    Some(b'"') => break,
                    Some(b'\n') => {
                        line += 1;
                        j += 1;
                    }
                    Some(_) => j += 1,
                }
            }
            i = (j + 1).min(bytes.len());
            // Anything between the closing quote and the separator is dropped.
            while i < bytes.len() && bytes[i] != separator && bytes[i] != b'\n' {
                i += 1;
            }
            start..j.min(bytes.len())
        } else {
            let start = i;
            while i < bytes.len() && bytes[i] != separator && bytes[i] != b'\n' {
                i += 1;
            }
            let end = if i > start && bytes[i - 1] == b'\r' && bytes.get(i) != Some(&separator) {
                i - 1
            } else {
                i
            };
            start..end
        };
        cells.push(cell);
        match bytes.get(i) {
            Some(&b) if b == separator => {
                i += 1;
                if i == bytes.len() {
                    cells.push(i..i);
                }
            }
            _ => {
                // The end of a row (a line break or the end of the text).
                i += 1;
                rows.push((row_line, std::mem::take(&mut cells)));
                line += 1;
                row_line = line;
            }
        }
    }
    if !cells.is_empty() {
        rows.push((row_line, cells));
    }
    rows
}
