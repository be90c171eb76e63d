//! `calque man`: the manual pages, in roff. calque(1) and a page per
//! subcommand come from the clap definitions (so their options never drift
//! from the real ones), with EXAMPLES and SEE ALSO added here; the file
//! formats, calque-pack(5) and calque.toml(5), are the docs/ pages of the
//! same names converted, compiled into the binary for users who have the
//! binary and not the repository.

mod markdown;

use super::output;
use super::{Cli, Status};
use anyhow::{Result, anyhow, bail};
use clap::CommandFactory;
use markdown::escape;
use std::fs;
use std::path::Path;

/// One manual page: its name, section, and how it is written.
struct Page {
    name: String,
    section: &'static str,
    roff: String,
}

impl Page {
    fn file_name(&self) -> String {
        format!("{}.{}", self.name, self.section)
    }
}

/// A subcommand's examples: a command line and what it does.
fn examples(verb: &str) -> &'static [(&'static str, &'static str)] {
    match verb {
        "calque" => &[
            (
                "calque check article.txt",
                "Report what machine translation left in a file.",
            ),
            (
                "calque diff article.txt | less",
                "Review the safe fixes as a unified diff.",
            ),
            ("calque fix article.txt", "Apply them in place."),
            (
                "calque rules zh-diplomatic",
                "List the rules of one built-in pack.",
            ),
        ],
        "check" => &[
            (
                "calque check article.txt",
                "Report findings; exit 1 when there are any.",
            ),
            (
                "calque check docs/ --format sarif > calque.sarif",
                "Check a directory for code scanning.",
            ),
            (
                "calque check --fail-on error .",
                "Fail only on errors; warnings are still shown.",
            ),
            (
                "mt-tool | calque check - --stdin-filename out.md",
                "Check stdin as Markdown.",
            ),
        ],
        "diff" => &[
            (
                "calque diff article.txt",
                "Show the safe fixes as a unified diff.",
            ),
            (
                "calque diff --unsafe article.txt > review.patch",
                "Include the suggestions, to review.",
            ),
            ("calque diff docs/ | git apply", "Apply the diff with git."),
        ],
        "fix" => &[
            ("calque fix article.txt", "Apply the safe fixes in place."),
            (
                "calque fix .",
                "Fix every text file under the current directory.",
            ),
            (
                "calque fix - < in.txt > out.txt",
                "Fix a stream, stdin to stdout.",
            ),
            (
                "calque fix --format json article.txt",
                "Apply the fixes and describe them in JSON.",
            ),
        ],
        "rules" => &[
            ("calque rules", "List every loaded rule."),
            ("calque rules glossary", "List the rules of one pack."),
            (
                "calque rules names-casing/xi-all-caps",
                "Explain one rule, with its examples.",
            ),
            (
                "calque rules --format json",
                "Every rule as JSON: id, level, safe, message.",
            ),
        ],
        "eval" => &[(
            "calque eval gold.toml article.txt",
            "Score the loaded packs against an annotated text.",
        )],
        "test" => &[
            ("calque test", "Run every loaded rule's own examples."),
            (
                "calque test --pack house.toml house.toml",
                "Test a pack of one's own.",
            ),
        ],
        "init" => &[(
            "calque init",
            "Write a commented calque.toml in the working directory.",
        )],
        "completions" => &[(
            "calque completions bash > ~/.local/share/bash-completion/completions/calque",
            "Install bash completions.",
        )],
        "man" => &[
            (
                "calque man --dir ~/.local/share/man/man1",
                "Write every page (then man calque-check).",
            ),
            (
                "calque man calque.toml | man -l -",
                "Read one page without installing it.",
            ),
        ],
        _ => &[],
    }
}

/// The pages a subcommand's SEE ALSO names, besides calque(1).
fn related(verb: &str) -> &'static [&'static str] {
    match verb {
        "check" | "diff" | "fix" => &[
            "calque-check(1)",
            "calque-diff(1)",
            "calque-fix(1)",
            "calque.toml(5)",
        ],
        "rules" | "test" => &["calque-rules(1)", "calque-test(1)", "calque-pack(5)"],
        "eval" => &["calque-check(1)", "calque-pack(5)"],
        "init" => &["calque.toml(5)"],
        _ => &[],
    }
}

fn examples_section(verb: &str) -> String {
    let mut roff = String::from(".SH EXAMPLES\n");
    for (command, what) in examples(verb) {
        roff.push_str(&format!(
            ".TP\n\\fB{}\\fR\n{}\n",
            escape(command),
            escape(what)
        ));
    }
    roff
}

fn see_also_section(names: &[String]) -> String {
    let refs: Vec<String> = names
        .iter()
        .map(|n| {
            let (name, section) = n.split_once('(').unwrap_or((n, ")"));
            format!("\\fB{}\\fR({section}", escape(name))
        })
        .collect();
    format!(".SH \"SEE ALSO\"\n{}\n", refs.join(", "))
}

/// Every page: calque(1), one per subcommand, calque-pack(5), calque.toml(5).
fn pages() -> Result<Vec<Page>> {
    let mut root = Cli::command().disable_help_subcommand(true);
    root.build();
    let subcommands: Vec<clap::Command> = root.get_subcommands().cloned().collect();
    let render = |command: clap::Command| -> Result<String> {
        let mut out = Vec::new();
        clap_mangen::Man::new(command)
            .render(&mut out)
            .map_err(|e| anyhow!("cannot render a man page: {e}"))?;
        Ok(String::from_utf8(out)?)
    };
    let mut pages = Vec::new();

    let mut all_others: Vec<String> = subcommands
        .iter()
        .map(|c| format!("calque-{}(1)", c.get_name()))
        .collect();
    all_others.extend(["calque-pack(5)".to_string(), "calque.toml(5)".to_string()]);
    pages.push(Page {
        name: "calque".into(),
        section: "1",
        roff: render(root.clone())? + &examples_section("calque") + &see_also_section(&all_others),
    });

    for sub in subcommands {
        let verb = sub.get_name().to_string();
        let mut see_also = vec!["calque(1)".to_string()];
        see_also.extend(
            related(&verb)
                .iter()
                .map(|s| s.to_string())
                .filter(|s| *s != format!("calque-{verb}(1)")),
        );
        pages.push(Page {
            name: format!("calque-{verb}"),
            section: "1",
            roff: render(sub)? + &examples_section(&verb) + &see_also_section(&see_also),
        });
    }

    pages.push(format_page(
        "calque-pack",
        "the rule-pack file format of calque",
        include_str!("../../../docs/rule-packs.md"),
        PACK_EXAMPLE,
        &[
            "calque(1)",
            "calque-rules(1)",
            "calque-test(1)",
            "calque.toml(5)",
        ],
    ));
    pages.push(format_page(
        "calque.toml",
        "the configuration file of calque",
        include_str!("../../../docs/configuration.md"),
        CONFIG_EXAMPLE,
        &[
            "calque(1)",
            "calque-init(1)",
            "calque-check(1)",
            "calque-pack(5)",
        ],
    ));
    Ok(pages)
}

const PACK_EXAMPLE: &str = r#"[pack]
name = "house"
description = "Our house style for translated press releases"

[[rule]]
id = "all-weather-friendship"
phrase = ["all-terrain friendship", "all terrain friendship"]
replace = "all-weather friendship"
level = "error"
safe = true
message = "literal rendering of a set phrase"
examples = [{ bad = "an all-terrain friendship", good = "an all-weather friendship" }]
ok = ["an all-terrain vehicle"]
"#;

const CONFIG_EXAMPLE: &str = r#"packs = ["rules/house.toml"]
ignore = ["fr-calques"]
fail-on = "warning"
exclude = ["vendor/**"]

[levels]
"glossary" = "info"
"#;

/// A section 5 page: NAME, the docs/ page as its body, an example file.
fn format_page(name: &str, what: &str, markdown: &str, example: &str, see_also: &[&str]) -> Page {
    let mut roff = format!(
        ".TH {} 5 \"\" \"calque {}\"\n.SH NAME\n{} \\- {}\n.SH DESCRIPTION\n",
        name.to_uppercase(),
        env!("CARGO_PKG_VERSION"),
        escape(name),
        escape(what)
    );
    roff.push_str(&markdown::to_roff(markdown));
    roff.push_str(".SH EXAMPLES\n.PP\nA small file:\n.PP\n.RS 4\n.nf\n");
    for line in example.lines() {
        roff.push_str(&escape(line));
        roff.push('\n');
    }
    roff.push_str(".fi\n.RE\n");
    let names: Vec<String> = see_also.iter().map(|s| s.to_string()).collect();
    roff.push_str(&see_also_section(&names));
    Page {
        name: name.to_string(),
        section: "5",
        roff,
    }
}

/// `calque man [PAGE] [--dir DIR]`.
pub fn man(page: Option<&str>, dir: Option<&Path>) -> Result<Status> {
    let pages = pages()?;
    if let Some(dir) = dir {
        return write_all(&pages, dir);
    }
    let wanted = page.unwrap_or("calque");
    let Some(found) = pages.iter().find(|p| {
        p.name == wanted || p.file_name() == wanted || p.name == format!("calque-{wanted}")
    }) else {
        let names: Vec<String> = pages.iter().map(|p| p.name.clone()).collect();
        bail!(
            "no manual page `{wanted}`{}",
            calque_core::suggest::did_you_mean(wanted, names.iter().map(String::as_str))
        );
    };
    output::to_stdout(|out| out.write_all(found.roff.as_bytes()))
}

fn write_all(pages: &[Page], dir: &Path) -> Result<Status> {
    // The layout `man` searches: DIR/man1/calque.1, DIR/man5/calque.toml.5.
    pages
        .iter()
        .try_for_each(|page| {
            let section = dir.join(format!("man{}", page.section));
            fs::create_dir_all(&section)?;
            fs::write(section.join(page.file_name()), &page.roff)
        })
        .map_err(|e| anyhow!("{}: cannot write the manual pages: {e}", dir.display()))?;
    eprintln!(
        "Wrote {} manual pages under {} (man1/, man5/); with it in MANPATH, `man calque-check`.",
        pages.len(),
        dir.display(),
    );
    Ok(Status::default())
}
