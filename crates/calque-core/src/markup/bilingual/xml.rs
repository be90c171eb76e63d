//! What XLIFF and TMX share: an XML reader that gives each event with its
//! byte range, and the collection of one element's text (a `<source>`, a
//! `<target>`, a `<seg>`) with its inline codes and escapes.

use super::{CODE_MARK, ReadError, Unit};
use quick_xml::Reader;
use quick_xml::events::{BytesStart, Event};
use std::ops::Range;

pub(super) struct Xml<'a> {
    reader: Reader<&'a [u8]>,
    text: &'a str,
}

/// Inline elements whose content is native code, not text (XLIFF 1.2, TMX).
const OPAQUE: [&[u8]; 5] = [b"ph", b"bpt", b"ept", b"it", b"ut"];
/// Inline elements that are a code around translatable text.
const PAIRED: [&[u8]; 2] = [b"g", b"pc"];
/// Inline elements that are neither codes nor text (markers, annotations).
const TRANSPARENT: [&[u8]; 5] = [b"mrk", b"sm", b"em", b"hi", b"sub"];

impl<'a> Xml<'a> {
    pub fn new(text: &'a str) -> Xml<'a> {
        Xml {
            reader: Reader::from_str(text),
            text,
        }
    }

    /// The next event and its bytes in the file; `None` at the end.
    pub fn next(&mut self) -> Result<Option<(Event<'a>, Range<usize>)>, ReadError> {
        let start = self.position();
        let event = self.reader.read_event().map_err(|e| ReadError::Xml {
            offset: self.reader.error_position() as usize,
            message: e.to_string(),
        })?;
        let end = self.position();
        Ok(match event {
            Event::Eof => None,
            event => Some((event, start..end)),
        })
    }

    fn position(&self) -> usize {
        self.reader.buffer_position() as usize
    }

    /// Skips to the end of the element that `start` opened.
    pub fn skip(&mut self, start: &BytesStart<'_>) -> Result<(), ReadError> {
        let name = start.name().as_ref().to_vec();
        self.reader
            .read_to_end(quick_xml::name::QName(&name))
            .map(|_| ())
            .map_err(|e| ReadError::Xml {
                offset: self.reader.error_position() as usize,
                message: e.to_string(),
            })
    }

    /// The content of the element just opened (its start tag ended at
    /// `from`), up to its end tag: text in `target`, codes in
    /// `target_codes`, pieces and span filled in.
    pub fn content(&mut self, from: usize) -> Result<Unit, ReadError> {
        let mut unit = Unit {
            span: from..from,
            ..Unit::default()
        };
        // Names of the open paired codes and transparent elements.
        let mut open: Vec<(Vec<u8>, Option<String>)> = Vec::new();
        loop {
            let Some((event, range)) = self.next()? else {
                return Err(ReadError::Xml {
                    offset: self.text.len(),
                    message: "unclosed element".into(),
                });
            };
            match event {
                Event::Text(_) => unit.push_verbatim(&self.text[range.clone()], range.start),
                Event::CData(_) => {
                    let inner = range.start + "<![CDATA[".len()..range.end - "]]>".len();
                    unit.push_verbatim(&self.text[inner.clone()], inner.start);
                }
                Event::GeneralRef(r) => {
                    let raw = &self.text[range.clone()];
                    let decoded = match r.resolve_char_ref() {
                        Ok(Some(c)) => c.to_string(),
                        _ => std::str::from_utf8(&r)
                            .ok()
                            .and_then(quick_xml::escape::resolve_predefined_entity)
                            .map_or_else(|| raw.to_string(), str::to_string),
                    };
                    unit.push_decoded(&decoded, range);
                }
                Event::Empty(e) => {
                    let name = e.local_name().as_ref().to_vec();
                    if !TRANSPARENT.contains(&name.as_slice()) {
                        let code = format!("<{}{}/>", show(&name), id_of(&e));
                        unit.target_codes.push(code);
                        unit.push_decoded(&CODE_MARK.to_string(), range);
                    }
                }
                Event::Start(e) => {
                    let name = e.local_name().as_ref().to_vec();
                    if OPAQUE.contains(&name.as_slice()) {
                        let code = format!("<{}{}/>", show(&name), id_of(&e));
                        self.skip(&e)?;
                        unit.target_codes.push(code);
                        let whole = range.start..self.position();
                        unit.push_decoded(&CODE_MARK.to_string(), whole);
                    } else if PAIRED.contains(&name.as_slice()) {
                        let id = id_of(&e);
                        unit.target_codes.push(format!("<{}{id}>", show(&name)));
                        unit.push_decoded(&CODE_MARK.to_string(), range);
                        open.push((name, Some(id)));
                    } else {
                        // A transparent or unknown element: its text counts.
                        open.push((name, None));
                    }
                }
                Event::End(e) => match open.pop() {
                    Some((name, Some(id))) => {
                        unit.target_codes.push(format!("</{}{id}>", show(&name)));
                        unit.push_decoded(&CODE_MARK.to_string(), range);
                    }
                    Some((_, None)) => {}
                    None => {
                        let _ = e;
                        unit.span = from..range.start;
                        return Ok(unit);
                    }
                },
                // Comments, processing instructions: not text.
                _ => {}
            }
        }
    }
}

/// ` id="1"` (or the TMX `i`/`x` attribute), or nothing.
fn id_of(e: &BytesStart<'_>) -> String {
    ["id", "i", "x"]
        .iter()
        .find_map(|name| e.try_get_attribute(name).ok().flatten())
        .and_then(|a| a.unescape_value().ok().map(|v| format!(" id=\"{v}\"")))
        .unwrap_or_default()
}

/// An attribute's value, unescaped.
pub(super) fn attribute(e: &BytesStart<'_>, name: &str) -> Option<String> {
    e.try_get_attribute(name)
        .ok()
        .flatten()
        .and_then(|a| a.unescape_value().ok().map(|v| v.into_owned()))
}

fn show(name: &[u8]) -> String {
    String::from_utf8_lossy(name).into_owned()
}
