//! Markdown to roff, for the man pages of the file formats: their text is
//! the docs/ page itself, so the offline reference and the docs never
//! drift apart. Only what those pages use is rendered: headings,
//! paragraphs, lists, tables, code blocks, inline code, emphasis and links.

use pulldown_cmark::{Event, HeadingLevel, Options, Parser, Tag, TagEnd};

/// `markdown` as the body of a man page: the top heading is dropped (the
/// page's NAME says it), `##` headings become sections, deeper ones
/// subsections.
pub fn to_roff(markdown: &str) -> String {
    let mut out = Roff::default();
    let mut in_heading: Option<HeadingLevel> = None;
    let mut heading = String::new();
    let mut cell = 0usize;
    let mut list_depth = 0usize;
    let mut in_table_head = false;
    for event in Parser::new_ext(markdown, Options::ENABLE_TABLES) {
        match event {
            Event::Start(Tag::Heading { level, .. }) => {
                in_heading = Some(level);
                heading.clear();
            }
            Event::End(TagEnd::Heading(level)) => {
                in_heading = None;
                match level {
                    HeadingLevel::H1 => {}
                    HeadingLevel::H2 => out.control(&format!(".SH \"{}\"", heading.to_uppercase())),
                    _ => out.control(&format!(".SS \"{heading}\"")),
                }
            }
            // A paragraph in a list item continues the item.
            Event::Start(Tag::Paragraph) if list_depth == 0 => out.control(".PP"),
            Event::End(TagEnd::Paragraph) => out.end_line(),
            Event::Start(Tag::List(_)) => {
                if list_depth > 0 {
                    out.control(".RS");
                }
                list_depth += 1;
            }
            Event::End(TagEnd::List(_)) => {
                list_depth -= 1;
                if list_depth > 0 {
                    out.control(".RE");
                }
            }
            Event::Start(Tag::Item) => out.control(".IP \\(bu 2"),
            Event::End(TagEnd::Item) => out.end_line(),
            Event::Start(Tag::CodeBlock(_)) => {
                out.control(".PP");
                out.control(".RS 4");
                out.control(".nf");
            }
            Event::End(TagEnd::CodeBlock) => {
                out.control(".fi");
                out.control(".RE");
            }
            Event::Start(Tag::Table(_)) => {}
            Event::End(TagEnd::Table) => out.end_line(),
            Event::Start(Tag::TableHead) => {
                in_table_head = true;
                cell = 0;
            }
            Event::End(TagEnd::TableHead) => in_table_head = false,
            Event::Start(Tag::TableRow) => cell = 0,
            Event::End(TagEnd::TableRow) => out.end_line(),
            // A table row becomes a tagged paragraph: the first cell is the
            // tag, the others follow it, separated by a dash. The header
            // row says what the columns are, once.
            Event::Start(Tag::TableCell) => {
                if in_table_head && cell == 0 {
                    out.control(".PP");
                } else if cell == 0 {
                    out.control(".TP");
                } else if cell == 1 && !in_table_head {
                    out.end_line();
                } else {
                    out.text(" \u{2014} ");
                }
                cell += 1;
            }
            Event::End(TagEnd::TableCell) => {}
            Event::Start(Tag::Emphasis) => out.raw("\\fI"),
            Event::Start(Tag::Strong) => out.raw("\\fB"),
            Event::End(TagEnd::Emphasis | TagEnd::Strong) => out.raw("\\fR"),
            Event::Code(code) => {
                if in_heading.is_some() {
                    heading.push_str(&code);
                } else {
                    out.raw("\\fB");
                    out.text(&code);
                    out.raw("\\fR");
                }
            }
            Event::Text(text) => {
                if in_heading.is_some() {
                    heading.push_str(&text);
                } else if out.in_code_block() {
                    out.code_text(&text);
                } else {
                    out.text(&text);
                }
            }
            Event::SoftBreak => out.text(" "),
            Event::HardBreak => out.control(".br"),
            Event::Html(_) | Event::InlineHtml(_) => {}
            _ => {}
        }
    }
    out.finish()
}

/// Roff being written: control lines start a line of their own, text is
/// escaped so that it is never read as a request.
#[derive(Default)]
struct Roff {
    out: String,
    no_fill: bool,
}

impl Roff {
    fn end_line(&mut self) {
        if !self.out.is_empty() && !self.out.ends_with('\n') {
            self.out.push('\n');
        }
    }

    fn control(&mut self, line: &str) {
        self.end_line();
        self.out.push_str(line);
        self.out.push('\n');
        match line {
            ".nf" => self.no_fill = true,
            ".fi" => self.no_fill = false,
            _ => {}
        }
    }

    fn in_code_block(&self) -> bool {
        self.no_fill
    }

    fn raw(&mut self, text: &str) {
        self.out.push_str(text);
    }

    /// Running text: a line never starts with `.` or `'`, which roff
    /// would take for a request.
    fn text(&mut self, text: &str) {
        let at_line_start = self.out.is_empty() || self.out.ends_with('\n');
        let escaped = escape(text.trim_start_matches('\n'));
        if at_line_start && (escaped.starts_with('.') || escaped.starts_with('\'')) {
            self.out.push_str("\\&");
        }
        self.out.push_str(&escaped);
    }

    /// The lines of a code block, each kept as it is.
    fn code_text(&mut self, text: &str) {
        for line in text.split_inclusive('\n') {
            self.text(line);
        }
    }

    fn finish(mut self) -> String {
        self.end_line();
        self.out
    }
}

/// Escapes roff's special characters in running text.
pub fn escape(text: &str) -> String {
    text.replace('\\', "\\e").replace('-', "\\-")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn headings_code_and_tables_become_roff() {
        let roff = to_roff(
            "# Title\n\nIntro `--pack FILE` here.\n\n## Keys\n\n| key | meaning |\n|---|---|\n| `packs` | extra packs |\n\n```toml\n.hidden = 1\n```\n",
        );
        assert!(!roff.contains("Title"), "{roff}");
        assert!(
            roff.contains(".PP\nIntro \\fB\\-\\-pack FILE\\fR here.\n"),
            "{roff}"
        );
        assert!(roff.contains(".SH \"KEYS\"\n"), "{roff}");
        assert!(roff.contains(".TP\n\\fBpacks\\fR\nextra packs\n"), "{roff}");
        // A code line starting with a dot is not read as a request.
        assert!(roff.contains(".nf\n\\&.hidden = 1\n.fi\n"), "{roff}");
    }
}
