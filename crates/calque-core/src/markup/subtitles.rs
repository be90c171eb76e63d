//! Subtitles: SubRip (`.srt`) and WebVTT (`.vtt`). A file is a series of
//! blocks separated by blank lines. In a cue, the lines up to and including
//! the timing line (`00:00:01,000 --> 00:00:04,000`, with WebVTT cue
//! settings after it) are excluded: the cue number or identifier and the
//! timecodes. The cue text after them is checked, except its tags (`<i>`,
//! `<v Speaker>`, `<00:00:02.000>`, SSA overrides like `{\an8}`). A block
//! with no timing line is WebVTT's header, a NOTE, STYLE or REGION block, or
//! stray text; in a `.vtt` file those are not cue text and are excluded, in
//! a `.srt` file (which has no such blocks) they are checked.

use super::{Layout, lines};
use regex::Regex;
use std::ops::Range;
use std::sync::LazyLock;

static TIMING: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^\s*(?:\d+:)?\d{1,2}:\d{2}[,.]\d{1,3}\s*-->\s*(?:\d+:)?\d{1,2}:\d{2}[,.]\d{1,3}")
        .expect("valid regex")
});

static TAG: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"<[^<>\n]*>|\{\\[^{}\n]*\}").expect("valid regex"));

pub fn layout(text: &str) -> Layout {
    let vtt = is_webvtt(text);
    let mut excluded = Vec::new();
    let mut block: Vec<Range<usize>> = Vec::new();
    for line in lines(text) {
        if text[line.clone()].trim().is_empty() {
            exclude_block(text, &block, vtt, &mut excluded);
            block.clear();
        } else {
            block.push(line);
        }
    }
    exclude_block(text, &block, vtt, &mut excluded);
    Layout {
        excluded,
        suppressions: Vec::new(),
    }
}

/// A WebVTT file starts with `WEBVTT` (after a BOM).
fn is_webvtt(text: &str) -> bool {
    text.trim_start_matches(crate::source::UTF8_BOM)
        .starts_with("WEBVTT")
}

fn exclude_block(text: &str, block: &[Range<usize>], vtt: bool, out: &mut Vec<Range<usize>>) {
    let timing = block.iter().position(|l| TIMING.is_match(&text[l.clone()]));
    let cue_text = match timing {
        Some(t) => {
            out.extend(block[..=t].iter().cloned());
            &block[t + 1..]
        }
        None if vtt => {
            out.extend(block.iter().cloned());
            return;
        }
        None => block,
    };
    for line in cue_text {
        out.extend(
            TAG.find_iter(&text[line.clone()])
                .map(|m| line.start + m.start()..line.start + m.end()),
        );
    }
}

#[cfg(test)]
mod tests {
    use super::super::{PLACEHOLDER, mask, normalise};
    use super::*;

    fn seen(text: &str) -> String {
        mask(text, &normalise(layout(text).excluded)).replace(PLACEHOLDER as char, "#")
    }

    #[test]
    fn srt_cue_numbers_and_timecodes_are_hidden() {
        let srt = "1\r\n00:00:01,000 --> 00:00:04,000\r\nXI said <i>XI</i>\r\n\r\n2\r\n00:00:05,000 --> 00:00:06,500 X1:10\r\n{\\an8}XI\r\n";
        assert_eq!(
            seen(srt),
            "#\r\n#############################\r\nXI said ###XI####\r\n\r\n#\r\n###################################\r\n######XI\r\n"
        );
    }

    #[test]
    fn vtt_header_notes_identifiers_and_settings_are_hidden() {
        let vtt = "WEBVTT - XI\n\nNOTE XI\nmore XI\n\nintro\n00:01.000 --> 00:04.000 align:start\n<v XI>XI said\n\n00:00:05.000 --> 00:00:06.000\nXI <00:00:05.500>again\n";
        assert_eq!(
            seen(vtt),
            "###########\n\n#######\n#######\n\n#####\n###################################\n######XI said\n\n#############################\nXI ##############again\n"
        );
    }

    #[test]
    fn srt_text_blocks_without_timing_are_checked() {
        assert_eq!(seen("XI said\n"), "XI said\n");
    }
}
