//! The packs in `rules/`, compiled into the binary (the list is made by build.rs).

include!(concat!(env!("OUT_DIR"), "/builtin_packs.rs"));
