//! The `calque` command line: argument parsing, walking and configuration
//! discovery, printers, atomic writes and streaming, over the pure library
//! [`calque_core`].

pub mod cli;
pub mod config;
pub mod diff;
pub mod report;
pub mod stream;
pub mod write;
