//! Compiles every `rules/*.toml` of the workspace's top level into the
//! library: the list is generated here so that adding a pack is adding a
//! file, with no code to touch. Also chooses, ahead of time, the trigger
//! literals of the built-in patterns (see `src/engine/precomputed.rs`), with
//! the very code start-up would run (the `calque-literals` crate).

use std::env;
use std::fmt::Write as _;
use std::fs;
use std::path::{Path, PathBuf};

use calque_literals as literals;

fn main() {
    println!("cargo:rerun-if-changed=../../rules");
    let manifest = env::var("CARGO_MANIFEST_DIR").expect("cargo sets CARGO_MANIFEST_DIR");
    let rules = Path::new(&manifest).join("../../rules");
    let mut files: Vec<PathBuf> = fs::read_dir(&rules)
        .map(|dir| {
            dir.filter_map(Result::ok)
                .map(|entry| entry.path())
                .filter(|p| p.extension().is_some_and(|e| e == "toml"))
                .collect()
        })
        .unwrap_or_default();
    files.sort();
    let out = PathBuf::from(env::var("OUT_DIR").expect("cargo sets OUT_DIR"));
    fs::write(out.join("builtin_packs.rs"), pack_list(&files))
        .expect("write the list of built-in packs");
    fs::write(out.join("pattern_analyses.rs"), pattern_analyses(&files))
        .expect("write the analyses of the built-in patterns");
}

fn pack_list(files: &[PathBuf]) -> String {
    let mut code = String::from(
        "/// The built-in packs, `(file, TOML text)`: every `rules/*.toml` of the\n\
         /// top level, in file-name order.\n\
         pub static BUILTIN_PACKS: &[(&str, &str)] = &[\n",
    );
    for path in files {
        let name = path.file_name().unwrap().to_string_lossy();
        writeln!(
            code,
            "    (\"rules/{name}\", include_str!({:?})),",
            path.display().to_string()
        )
        .unwrap();
    }
    code.push_str("];\n");
    code
}

/// `static ENTRIES: &[Entry]` for `src/engine/precomputed.rs`. A pack that
/// is not valid TOML, or a pattern that does not parse, is left out: loading
/// the pack reports it, with its location, as for any other pack.
fn pattern_analyses(files: &[PathBuf]) -> String {
    let mut sources: Vec<String> = Vec::new();
    for path in files {
        let Ok(text) = fs::read_to_string(path) else {
            continue;
        };
        let Ok(table) = text.parse::<toml::Table>() else {
            continue;
        };
        let Some(rules) = table.get("rule").and_then(toml::Value::as_array) else {
            continue;
        };
        sources.extend(
            rules
                .iter()
                .filter_map(|rule| rule.get("pattern")?.as_str())
                .map(str::to_string),
        );
    }
    sources.sort();
    sources.dedup();
    let mut code = String::from("static ENTRIES: &[Entry] = &[\n");
    for source in sources {
        let Ok(hir) = regex_syntax::parse(&source) else {
            continue;
        };
        let analysis = literals::analyse(&hir);
        let triggers = match &analysis.triggers {
            None => "None".to_string(),
            Some(list) => {
                let items: Vec<String> = list
                    .iter()
                    .map(|t| {
                        format!(
                            "StaticTrigger {{ bytes: &{:?}, before: {}, after: {} }}",
                            t.bytes,
                            boundary(t.before),
                            boundary(t.after)
                        )
                    })
                    .collect();
                format!("Some(&[{}])", items.join(", "))
            }
        };
        writeln!(
            code,
            "    Entry {{ source: {source:?}, needs_paragraph: {}, triggers: {triggers} }},",
            analysis.needs_paragraph
        )
        .unwrap();
    }
    code.push_str("];\n");
    code
}

fn boundary(b: Option<literals::Boundary>) -> String {
    match b {
        None => "None".into(),
        Some(literals::Boundary::Word { unicode }) => {
            format!("Some(Boundary::Word {{ unicode: {unicode} }})")
        }
        Some(literals::Boundary::NotWord { unicode }) => {
            format!("Some(Boundary::NotWord {{ unicode: {unicode} }})")
        }
    }
}
