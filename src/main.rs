use calque::cli::{Cli, Command};
use clap::Parser;
use std::process::ExitCode;

/// Two front ends over one core: the command line's verbs, and the language
/// server, which speaks to an editor and reports its own errors there.
fn main() -> ExitCode {
    let cli = Cli::parse();
    if let Command::Lsp = cli.command {
        // Each document's config is found from its folder by the server.
        let options = &cli.options;
        return calque::lsp::run(calque::lsp::Additions {
            packs: options.packs.clone(),
            select: options.select.clone(),
            ignore: options.ignore.clone(),
            no_default_packs: options.no_default_packs,
        });
    }
    calque::cli::run(cli)
}
