//! Markdown, parsed with pulldown-cmark (CommonMark plus the GitHub
//! extensions). Only prose is checked: the text of paragraphs, headings,
//! list items, tables, link texts and image descriptions. Code spans, code
//! blocks (fenced and indented), HTML (inline and blocks), link destinations,
//! autolinks, bare URLs and e-mail addresses, and front matter are excluded.
//!
//! Prose is what the parser reports as text outside code, HTML and metadata;
//! everything else is excluded, except gaps made only of whitespace (the
//! indentation of a list item's second line), so that a phrase broken across
//! lines still matches.

use super::directives;
use super::{Layout, lines};
use pulldown_cmark::{Event, LinkType, Options, Parser, Tag, TagEnd};
use regex::Regex;
use std::ops::Range;
use std::sync::LazyLock;

/// Bare URLs and e-mail addresses in prose. Trailing punctuation is left
/// out of a URL, as GitHub does for its autolinks.
static BARE_LINK: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r#"(?i)\b(?:(?:https?|ftp)://|www\.)[^\s<>]*[^\s<>.,;:!?'")\]*_]|\b[\w.+-]+@[\w-]+(?:\.[\w-]+)+"#,
    )
    .expect("valid regex")
});

static COMMENT: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(?s)<!--.*?-->").expect("valid regex"));

pub fn layout(text: &str) -> Layout {
    let body_start = front_matter_end(text);
    let body = &text[body_start..];
    let options = Options::ENABLE_TABLES
        | Options::ENABLE_FOOTNOTES
        | Options::ENABLE_STRIKETHROUGH
        | Options::ENABLE_TASKLISTS
        | Options::ENABLE_GFM;
    let mut prose: Vec<Range<usize>> = Vec::new();
    let mut html: Vec<Range<usize>> = Vec::new();
    // Depth inside code blocks, HTML blocks and autolinks, whose text is not prose.
    let mut opaque = 0usize;
    for (event, range) in Parser::new_ext(body, options).into_offset_iter() {
        let range = range.start + body_start..range.end + body_start;
        match event {
            Event::Start(Tag::CodeBlock(_) | Tag::HtmlBlock | Tag::MetadataBlock(_)) => opaque += 1,
            Event::End(TagEnd::CodeBlock | TagEnd::HtmlBlock | TagEnd::MetadataBlock(_)) => {
                opaque -= 1
            }
            Event::Start(Tag::Link {
                link_type: LinkType::Autolink | LinkType::Email,
                ..
            }) => opaque += 1,
            Event::End(TagEnd::Link) if opaque > 0 => opaque -= 1,
            Event::Text(_) if opaque == 0 => prose.push(range),
            Event::Html(_) | Event::InlineHtml(_) => html.push(range),
            _ => {}
        }
    }
    let prose = without_bare_links(text, super::normalise(prose));
    let excluded = complement(text, &prose);
    let comments: Vec<Range<usize>> = super::normalise(html)
        .into_iter()
        .flat_map(|r| {
            COMMENT
                .find_iter(&text[r.clone()])
                .map(move |m| r.start + m.start()..r.start + m.end())
        })
        .collect();
    Layout {
        excluded,
        suppressions: directives::from_comments(text, comments),
    }
}

/// Where the front matter ends (0 when there is none): a YAML block between
/// `---` lines or a TOML block between `+++` lines, at the very start of the
/// file (after a BOM). An unclosed block is not front matter.
fn front_matter_end(text: &str) -> usize {
    let start = if text.starts_with(crate::source::UTF8_BOM) {
        crate::source::UTF8_BOM.len()
    } else {
        0
    };
    let mut lines = lines(&text[start..]).map(|r| r.start + start..r.end + start);
    let Some(first) = lines.next() else { return 0 };
    let fence = text[first].trim_end();
    if fence != "---" && fence != "+++" {
        return 0;
    }
    for line in lines {
        let content = text[line.clone()].trim_end();
        if content == fence || (fence == "---" && content == "...") {
            return text[line.end..]
                .find('\n')
                .map_or(text.len(), |n| line.end + n + 1);
        }
    }
    0
}

/// The prose ranges with the bare URLs and e-mail addresses in them cut out.
fn without_bare_links(text: &str, prose: Vec<Range<usize>>) -> Vec<Range<usize>> {
    let mut kept = Vec::with_capacity(prose.len());
    for r in prose {
        let mut at = r.start;
        for m in BARE_LINK.find_iter(&text[r.clone()]) {
            kept.push(at..r.start + m.start());
            at = r.start + m.end();
        }
        kept.push(at..r.end);
    }
    kept.retain(|r| r.start < r.end);
    kept
}

/// Everything outside the sorted, disjoint `prose` ranges, except gaps that
/// hold only whitespace.
fn complement(text: &str, prose: &[Range<usize>]) -> Vec<Range<usize>> {
    let mut excluded = Vec::new();
    let mut at = 0;
    let ends = prose.iter().map(|r| (r.start, r.end));
    for (start, end) in ends.chain([(text.len(), text.len())]) {
        let gap = at..start;
        if !text[gap.clone()].chars().all(char::is_whitespace) {
            excluded.push(gap);
        }
        at = end;
    }
    excluded
}

#[cfg(test)]
mod tests {
    use super::super::{PLACEHOLDER, mask};
    use super::*;

    /// The text as the engine sees it, placeholders shown as `#`.
    fn seen(text: &str) -> String {
        mask(text, &super::super::normalise(layout(text).excluded))
            .replace(PLACEHOLDER as char, "#")
    }

    #[test]
    fn code_is_hidden() {
        assert_eq!(seen("say `XI` now"), "say #### now");
        assert_eq!(
            seen("XI said\n\n```text\nXI said\n```\n\n    XI said\n\nok"),
            "XI said\n\n#######\n#######\n###\n\n###########\n\nok"
        );
    }

    #[test]
    fn links_keep_their_text_and_hide_their_destination() {
        assert_eq!(
            seen("[XI said](https://x.org/XI) and <https://x.org/XI>"),
            "#XI said################### and ##################"
        );
        assert_eq!(
            seen("see https://x.org/XI, or mail XI@x.org."),
            "see ################, or mail ########."
        );
        assert_eq!(
            seen("[XI][ref]\n\n[ref]: /XI\n"),
            "#XI######\n\n##########\n"
        );
    }

    #[test]
    fn html_and_front_matter_are_hidden() {
        assert_eq!(seen("a <b>XI</b> b"), "a ###XI#### b");
        assert_eq!(seen("<div>\nXI\n</div>\n\nXI"), "#####\n##\n######\n\nXI");
        assert_eq!(seen("---\ntitle: XI\n---\nXI"), "###\n#########\n###\nXI");
        assert_eq!(seen("+++\nt = 'XI'\n+++\nXI"), "###\n########\n###\nXI");
        // A thematic break later in the file is not front matter.
        assert_eq!(seen("XI\n\n---\n\nXI"), "XI\n\n###\n\nXI");
    }

    #[test]
    fn list_continuations_stay_whitespace() {
        assert_eq!(
            seen("- all-terrain\n  friendship"),
            "##all-terrain\n  friendship"
        );
    }

    #[test]
    fn comments_become_suppressions() {
        let text = "<!-- calque-disable-next-line p/xi -->\nXI said\n\nXI again";
        let layout = layout(text);
        assert_eq!(layout.suppressions.len(), 1);
        let s = &layout.suppressions[0];
        assert!(s.silences("p/xi", text.find("XI said").unwrap()));
        assert!(!s.silences("p/xi", text.find("XI again").unwrap()));
        let inline = "a <!-- calque-disable --> b\n\nXI\n\n<!-- calque-enable -->\nXI";
        let s = &super::layout(inline).suppressions[0];
        assert!(s.silences("p/xi", inline.find("XI").unwrap()));
        assert!(!s.silences("p/xi", inline.rfind("XI").unwrap()));
    }
}
