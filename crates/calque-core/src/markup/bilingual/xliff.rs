//! XLIFF 1.2 (`<trans-unit>`) and 2.x (`<unit>` with `<segment>`s): one unit
//! per segment with a source and a target. Alternative translations
//! (`<alt-trans>`), original data, notes and `<ignorable>` are not read.

use super::xml::{Xml, attribute};
use super::{ReadError, Unit};
use quick_xml::events::Event;

/// Elements whose contents are never checked.
const SKIPPED: [&[u8]; 6] = [
    b"alt-trans",
    b"originalData",
    b"notes",
    b"note",
    b"ignorable",
    b"seg-source",
];

pub fn read(text: &str) -> Result<Vec<Unit>, ReadError> {
    let mut xml = Xml::new(text);
    let mut units = Vec::new();
    let mut unit_id: Option<String> = None;
    let mut segments_in_unit = 0;
    let mut source: Option<Unit> = None;
    let mut target: Option<Unit> = None;
    // Source and target languages: on `<file>` in 1.2, on `<xliff>` in 2.x.
    let mut same_language = false;
    while let Some((event, range)) = xml.next()? {
        if let Event::Start(e) | Event::Empty(e) = &event
            && matches!(e.local_name().as_ref(), b"file" | b"xliff")
        {
            let (source, target) = match e.local_name().as_ref() {
                b"file" => ("source-language", "target-language"),
                _ => ("srcLang", "trgLang"),
            };
            if let (Some(s), Some(t)) = (attribute(e, source), attribute(e, target)) {
                same_language = super::same_language(&s, &t);
            }
        }
        match event {
            Event::Start(e) => match e.local_name().as_ref() {
                b"trans-unit" | b"unit" => {
                    unit_id = Some(attribute(&e, "id").unwrap_or_default());
                    segments_in_unit = 0;
                }
                name if SKIPPED.contains(&name) => xml.skip(&e)?,
                b"source" if unit_id.is_some() => source = Some(xml.content(range.end)?),
                b"target" if unit_id.is_some() => target = Some(xml.content(range.end)?),
                _ => {}
            },
            Event::End(e) => {
                let name = e.local_name();
                let closes_segment = name.as_ref() == b"segment"
                    || (name.as_ref() == b"trans-unit" && segments_in_unit == 0);
                if closes_segment
                    && let (Some(id), Some(s), Some(t)) = (&unit_id, source.take(), target.take())
                {
                    segments_in_unit += 1;
                    let id = if segments_in_unit > 1 {
                        format!("{id}#{segments_in_unit}")
                    } else {
                        id.clone()
                    };
                    let mut unit = pair(id, s, t);
                    unit.same_language = same_language;
                    units.push(unit);
                }
                if matches!(name.as_ref(), b"trans-unit" | b"unit") {
                    unit_id = None;
                    source = None;
                    target = None;
                }
            }
            _ => {}
        }
    }
    Ok(units)
}

/// A unit from the collected source and target elements.
pub(super) fn pair(id: String, source: Unit, target: Unit) -> Unit {
    Unit {
        id,
        source: source.target,
        source_codes: source.target_codes,
        ..target
    }
}
