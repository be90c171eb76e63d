//! The command line: parse arguments, load packs, hand the work to a verb.
//! Everything that touches files, threads or the terminal lives here, not in
//! the engine.

mod check;
mod fix;
mod inputs;
mod interrupt;
mod packs;
mod rules;

use crate::report::Format;
use crate::report::style::ColorChoice;
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
    /// Number of files processed at once (default: one per core)
    #[arg(short = 'j', long, value_name = "N", global = true)]
    pub threads: Option<usize>,
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
    /// Run every rule's own examples (exit 1 on any failure)
    Test {
        /// Pack names or pack files (default: every loaded pack)
        #[arg(value_name = "PACK")]
        pack_names: Vec<String>,
    },
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
    let options = &cli.options;
    let loaded = match packs::load(options) {
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
        Command::Test { pack_names } => rules::test(&loaded, pack_names),
    };
    status.exit_code()
}
