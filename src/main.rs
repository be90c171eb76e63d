use clap::Parser;
use std::process::ExitCode;

fn main() -> ExitCode {
    calque::cli::run(calque::cli::Cli::parse())
}
