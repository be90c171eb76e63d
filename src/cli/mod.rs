//! The command line: parse arguments, load packs, hand the work to a verb.
//! Everything that touches files, threads or the terminal lives here, not in
//! the engine; [`calque_core::parallel`] spreads one large text over the thread
//! pool set up here.

mod check;
mod eval;
mod fix;
mod generated;
mod init;
mod inputs;
mod interrupt;
pub mod packs;
mod progress;
mod rules;
mod settings;

use crate::config::PathFilter;
use crate::report::Format;
use crate::report::style::ColorChoice;
use calque_core::rule::Level;
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
Exit codes: 0 nothing found, 1 findings (or changes), 2 error."
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
    /// Output format of findings
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
    /// `check` exits 1 only for findings at or above this level [default: info]
    #[arg(long, value_enum, value_name = "LEVEL", global = true)]
    pub fail_on: Option<Level>,
    /// Apply the config's `exclude` globs to files named on the command line too
    #[arg(long, global = true)]
    pub force_exclude: bool,
    /// Which walked files are checked (the config's include/exclude globs).
    #[arg(skip)]
    pub path_filter: PathFilter,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Report findings (exit 0 none, 1 findings, 2 error)
    Check {
        /// Files, directories (walked, honouring .gitignore) or `-` for stdin
        #[arg(value_name = "PATH")]
        paths: Vec<PathBuf>,
    },
    /// Print a unified diff of the fixes (exit 0 no change, 1 changes, 2 error)
    Diff {
        #[arg(value_name = "PATH")]
        paths: Vec<PathBuf>,
    },
    /// Apply the fixes in place, atomically; `-` filters stdin to stdout
    Fix {
        #[arg(value_name = "PATH")]
        paths: Vec<PathBuf>,
    },
    /// List the rules, or explain one
    Rules {
        /// A rule id (`pack/rule`)
        id: Option<String>,
    },
    /// Score the loaded packs against a gold annotation of a text
    Eval {
        /// The gold file (`[[error]]` and `[[keep]]` entries; see docs/eval.md)
        gold: PathBuf,
        /// The annotated text, for entries without a `file` field
        text: Option<PathBuf>,
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
        #[arg(value_enum)]
        shell: clap_complete::Shell,
    },
    /// Print the man page (roff), e.g. `calque man > calque.1`
    Man,
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

/// Prints one error line, `calque: ...`, on stderr.
pub fn report_error(message: impl std::fmt::Display) {
    eprintln!("calque: {message}");
}

pub fn run(cli: Cli) -> ExitCode {
    if let Some(n) = cli.options.threads {
        // Only fails if a pool exists already, which cannot happen this early.
        let _ = rayon::ThreadPoolBuilder::new()
            .num_threads(n.max(1))
            .build_global();
    }
    match &cli.command {
        Command::Init => return init::run().exit_code(),
        Command::Completions { shell } => return generated::completions(*shell).exit_code(),
        Command::Man => return generated::man().exit_code(),
        _ => {}
    }
    let (options, config) = match settings::resolve(&cli.options) {
        Ok(resolved) => resolved,
        Err(message) => {
            report_error(message);
            return ExitCode::from(2);
        }
    };
    let options = &options;
    let loaded = match packs::load(options, config.as_ref()) {
        Ok(loaded) => loaded,
        Err(message) => {
            report_error(message);
            return ExitCode::from(2);
        }
    };
    let status = match &cli.command {
        Command::Check { paths } => check::run(&loaded.engine, options, paths),
        Command::Diff { paths } => fix::diff(&loaded.engine, options, paths),
        Command::Fix { paths } => fix::fix(&loaded.engine, options, paths),
        Command::Rules { id } => rules::list_or_explain(&loaded, options, id.as_deref()),
        Command::Eval { gold, text } => eval::run(&loaded.engine, options, gold, text.as_deref()),
        Command::Test { pack_names } => rules::test(&loaded, pack_names),
        Command::Init | Command::Completions { .. } | Command::Man => unreachable!("run above"),
    };
    status.exit_code()
}
