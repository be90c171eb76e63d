//! The command line: parse arguments, load packs, hand the work to a verb.
//! Everything that touches files, threads or the terminal lives here, not in
//! the engine; [`calque_core::parallel`] spreads one large text over the thread
//! pool set up here.

mod check;
mod eval;
mod fix;
mod fix_report;
mod formats;
mod generated;
mod init;
mod inputs;
mod interrupt;
mod man;
mod output;
pub mod packs;
mod progress;
mod rules;
pub mod settings;

use crate::report::Format;
use crate::report::style::ColorChoice;
use calque_core::engine::gate::Origin;
use calque_core::rule::Level;
use clap::builder::TypedValueParser;
use clap::{Args, Parser, Subcommand};
use std::path::PathBuf;
use std::process::ExitCode;

#[derive(Debug, Parser)]
#[command(
    name = "calque",
    version,
    about = "Find and fix the damage machine translation leaves in English text",
    long_about = "Find and fix the damage machine translation leaves in English text: \
all-caps surnames, tokenizer spacing, literal calques of set phrases, mistranslated \
acronyms, untranslated leftovers. Rules live in TOML rule packs.\n\n\
`check` and `diff` with no PATH read the current directory; `fix` needs its PATH \
named (`calque fix .` for the current directory), since it rewrites files.\n\n\
Exit codes: 0 nothing found, 1 findings (or changes), 2 error. Findings go to \
stdout, the summary to stderr.",
    after_help = "Manual pages: `calque man --dir DIR` writes one per subcommand, the rule-pack \
format calque-pack(5) and the config file calque.toml(5); `calque man PAGE | man -l -` \
reads one."
)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Command,
    #[command(flatten)]
    pub options: Options,
}

/// Options every verb understands; they may come before or after the verb.
#[derive(Debug, Clone, Args)]
pub struct Options {
    /// Load an extra rule pack (repeatable)
    #[arg(long = "pack", value_name = "FILE", global = true)]
    pub packs: Vec<PathBuf>,
    /// Do not load the built-in packs
    #[arg(long, global = true)]
    pub no_default_packs: bool,
    /// Only use these rules or packs (a rule id `pack/rule` or a pack name; repeatable)
    #[arg(long, value_name = "ID", global = true)]
    pub select: Vec<String>,
    /// Do not use these rules or packs (repeatable)
    #[arg(long, value_name = "ID", global = true)]
    pub ignore: Vec<String>,
    /// Output format: `check` prints all four; `fix`, `rules` and `eval`
    /// print human or json; the other verbs refuse a format they cannot print
    #[arg(long, value_enum, default_value_t = Format::Human, global = true)]
    pub format: Format,
    /// When to use colours
    #[arg(long, value_enum, default_value_t = ColorChoice::Auto, global = true)]
    pub color: ColorChoice,
    /// Also apply the fixes of rules marked unsafe (suggestions)
    #[arg(long = "unsafe", global = true)]
    pub unsafe_fixes: bool,
    /// Read stdin as a file of this name: its extension picks Markdown,
    /// subtitles or gettext, and findings are reported under this name
    #[arg(long, value_name = "NAME", global = true)]
    pub stdin_filename: Option<PathBuf>,
    /// Number of threads: files processed at once, and parts of a file of
    /// megabytes searched at once (default: one per core)
    #[arg(short = 'j', long, value_name = "N", global = true)]
    pub threads: Option<usize>,
    /// Read this config file instead of looking for calque.toml / .calque.toml
    #[arg(long, value_name = "FILE", global = true)]
    pub config: Option<PathBuf>,
    /// Read no config file
    #[arg(long, global = true, conflicts_with = "config")]
    pub no_config: bool,
    /// Apply the config's `exclude` globs to files named on the command line too
    #[arg(long, global = true)]
    pub force_exclude: bool,
    /// Which language the texts were machine-translated from: `auto`
    /// (decide per document from its evidence), `any` (every pack
    /// everywhere) or a code such as `zh` or `fr` [default: auto]
    #[arg(long, value_name = "LANG|auto|any", global = true)]
    pub from: Option<Origin>,
    /// Check each line of the target against the same line of this source
    /// file: `check --source SOURCE.txt TARGET.txt`
    #[arg(long, value_name = "FILE", global = true)]
    pub source: Option<PathBuf>,
    /// TMX: the language of the translations to check (default: every
    /// language but the header's `srclang`)
    #[arg(long, value_name = "LANG", global = true)]
    pub target_lang: Option<String>,
    /// TSV/CSV: the names of the source and target columns [default: source,target]
    #[arg(long, value_name = "SOURCE,TARGET", global = true, value_parser = parse_columns)]
    pub columns: Option<(String, String)>,
    /// PO: check fuzzy entries too (skipped by the bilingual checks by default)
    #[arg(long, global = true)]
    pub fuzzy: bool,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Report findings (exit 0 none, 1 findings, 2 error)
    Check {
        /// Files, directories (walked, honouring .gitignore) or `-` for
        /// stdin [default: the current directory]
        #[arg(value_name = "PATH")]
        paths: Vec<PathBuf>,
        /// Exit 1 only for findings at or above this level (findings below
        /// it are still reported) [default: the config's `fail-on`, else info]
        #[arg(long, value_name = "LEVEL", value_parser = level_parser())]
        fail_on: Option<Level>,
    },
    /// Print a unified diff of the fixes (exit 0 no change, 1 changes, 2 error)
    Diff {
        /// Files, directories (walked, honouring .gitignore) or `-` for
        /// stdin [default: the current directory]
        #[arg(value_name = "PATH")]
        paths: Vec<PathBuf>,
    },
    /// Apply the fixes in place, atomically; `-` filters stdin to stdout
    Fix {
        /// Files or directories (walked, honouring .gitignore) to fix in
        /// place, or `-` to fix stdin to stdout. Required: give `.` for the
        /// current directory
        #[arg(value_name = "PATH", required = true)]
        paths: Vec<PathBuf>,
    },
    /// List the rules (all, or a pack's), or explain one
    Rules {
        /// A pack name (lists its rules) or a rule id `pack/rule` (explains it)
        #[arg(value_name = "PACK|ID")]
        id: Option<String>,
    },
    /// Score the loaded packs against a gold annotation, and on clean English
    Eval {
        /// The gold file (`[[error]]` and `[[keep]]` entries; see docs/eval.md)
        #[arg(required_unless_present = "clean")]
        gold: Option<PathBuf>,
        /// The annotated text, for entries without a `file` field
        text: Option<PathBuf>,
        /// Edited English (a file, or a directory's .txt and .md files):
        /// report every edit `fix` makes there and the findings per MB (repeatable)
        #[arg(long, value_name = "PATH")]
        clean: Vec<PathBuf>,
        /// The real typos of the --clean texts, `FILE<TAB>SNIPPET` a line:
        /// edits there are right
        #[arg(long, value_name = "FILE", requires = "clean")]
        right_edits: Option<PathBuf>,
        /// Exit 1 when a figure falls below this file's floors (see docs/eval.md)
        #[arg(long, value_name = "FILE")]
        floor: Option<PathBuf>,
        /// Print the figures only, not the errors, edits and findings of
        /// each text: for a held-out set, whose misses nobody may read
        #[arg(long)]
        totals_only: bool,
    },
    /// Run every rule's own examples (exit 1 on any failure)
    Test {
        /// Pack names or pack files (default: every loaded pack)
        #[arg(value_name = "PACK")]
        pack_names: Vec<String>,
    },
    /// Write a commented starter calque.toml in the working directory
    Init,
    /// Print a shell completion script (e.g. `calque completions bash > ~/.local/share/bash-completion/completions/calque`)
    Completions {
        /// The shell to write the script for
        #[arg(value_enum)]
        shell: clap_complete::Shell,
    },
    /// Print a manual page (roff), e.g. `calque man check | man -l -`, or
    /// write them all with `--dir`
    Man {
        /// The page: `calque` (the default), a subcommand (`check`,
        /// `calque-check`), `calque-pack` (the rule-pack format) or
        /// `calque.toml` (the config file)
        #[arg(value_name = "PAGE")]
        page: Option<String>,
        /// Write every page under this directory, in `man1/` and `man5/`
        /// (created if missing): calque(1), one per subcommand,
        /// calque-pack(5), calque.toml(5)
        #[arg(long, value_name = "DIR", conflicts_with = "page")]
        dir: Option<PathBuf>,
    },
    /// Run a language server on stdin and stdout, for editors (see docs/editors.md)
    Lsp,
}

/// `--columns SOURCE,TARGET`.
fn parse_columns(value: &str) -> Result<(String, String), String> {
    match value.split_once(',') {
        Some((s, t)) if !s.trim().is_empty() && !t.trim().is_empty() => {
            Ok((s.trim().to_string(), t.trim().to_string()))
        }
        _ => Err("expected two column names: SOURCE,TARGET".into()),
    }
}

/// `info`, `warning` or `error`, offered as the possible values in `--help`
/// and completions (the core's [`Level`] knows nothing of clap).
fn level_parser() -> impl TypedValueParser<Value = Level> {
    clap::builder::PossibleValuesParser::new(Level::ALL.map(Level::as_str))
        .map(|name| name.parse::<Level>().expect("one of Level::ALL's names"))
}

/// What a run found, folded into the exit code: 2 beats 1 beats 0.
#[derive(Debug, Default, Clone, Copy)]
pub struct Status {
    pub error: bool,
    pub found: bool,
}

impl Status {
    pub fn exit_code(self) -> ExitCode {
        if self.error {
            ExitCode::from(2)
        } else if self.found {
            ExitCode::from(1)
        } else {
            ExitCode::SUCCESS
        }
    }
}

/// Prints one error line, `calque: ...`, on stderr: the one place errors
/// are shown, whether they end the run ([`run`]) or only fail one input.
pub fn report_error(error: impl std::fmt::Display) {
    eprintln!("calque: {error}");
}

/// Runs the command; the one place where an error that ends the run is
/// reported and turned into exit code 2.
pub fn run(cli: Cli) -> ExitCode {
    let status = execute(&cli).unwrap_or_else(|error| {
        report_error(error);
        Status {
            error: true,
            found: false,
        }
    });
    status.exit_code()
}

fn execute(cli: &Cli) -> anyhow::Result<Status> {
    if let Some(n) = cli.options.threads {
        // Only fails if a pool exists already, which cannot happen this early.
        let _ = rayon::ThreadPoolBuilder::new()
            .num_threads(n.max(1))
            .build_global();
    }
    match &cli.command {
        Command::Init => return init::run(),
        Command::Completions { shell } => return generated::completions(*shell),
        Command::Man { page, dir } => return man::man(page.as_deref(), dir.as_deref()),
        // main starts the server before the verbs' set-up (src/main.rs).
        Command::Lsp => anyhow::bail!("the language server is started by `calque lsp` itself"),
        _ => {}
    }
    // Refused before anything is read or written.
    formats::check_supported(&cli.command, cli.options.format)?;
    let fail_on = match &cli.command {
        Command::Check { fail_on, .. } => *fail_on,
        _ => None,
    };
    let (options, config) = settings::resolve(&cli.options, fail_on)?;
    let options = &options;
    let loaded = packs::load(options, config.as_ref())?;
    match &cli.command {
        Command::Check { paths, .. } => Ok(check::run(&loaded.engine, options, paths)),
        Command::Diff { paths } => Ok(fix::diff(&loaded.engine, options, paths)),
        Command::Fix { paths } => fix::fix(&loaded.engine, options, paths),
        Command::Rules { id } => rules::list_or_explain(&loaded, options, id.as_deref()),
        Command::Eval {
            gold,
            text,
            clean,
            right_edits,
            floor,
            totals_only,
        } => eval::run(
            &loaded.engine,
            options,
            &eval::Request {
                gold: gold.as_deref(),
                text: text.as_deref(),
                clean,
                right_edits: right_edits.as_deref(),
                floor: floor.as_deref(),
                totals_only: *totals_only,
            },
        ),
        Command::Test { pack_names } => rules::test(&loaded, pack_names),
        Command::Init | Command::Completions { .. } | Command::Man { .. } | Command::Lsp => {
            unreachable!("run above")
        }
    }
}
