//! Which packs and rules a run uses: the built-in packs, `--pack` files,
//! then `--select` and `--ignore`.

use super::Options;
use crate::engine::Engine;
use crate::pack::{self, Pack, RuleDef};
use crate::suggest;
use std::collections::BTreeSet;
use std::fs;
use std::path::Path;

pub struct Loaded {
    /// Every loaded pack, whole (for `calque test`).
    pub packs: Vec<Pack>,
    /// The rules left after `--select` / `--ignore`, compiled.
    pub engine: Engine,
}

pub fn load(options: &Options) -> Result<Loaded, String> {
    let mut packs = if options.no_default_packs {
        Vec::new()
    } else {
        pack::builtin().map_err(|e| e.to_string())?
    };
    for path in &options.packs {
        packs.push(load_file(path)?);
    }
    pack::check_unique(&packs).map_err(|e| e.to_string())?;
    let defs = select(&packs, &options.select, &options.ignore)?;
    let engine = Engine::new(defs).map_err(|e| format!("cannot compile the rules: {e}"))?;
    Ok(Loaded { packs, engine })
}

/// Reads and validates one pack file.
pub fn load_file(path: &Path) -> Result<Pack, String> {
    let label = path.display().to_string();
    let text =
        fs::read_to_string(path).map_err(|e| format!("{label}: cannot read the pack: {e}"))?;
    pack::load(&label, &text).map_err(|e| e.to_string())
}

/// The rules chosen by `--select` (all when empty) minus `--ignore`. Each
/// name must be a loaded pack or rule; an unknown one is an error with a
/// suggestion, since a typo would otherwise silently change what runs.
fn select(packs: &[Pack], select: &[String], ignore: &[String]) -> Result<Vec<RuleDef>, String> {
    let mut known: BTreeSet<&str> = BTreeSet::new();
    for p in packs {
        known.insert(&p.name);
        known.extend(p.rules.iter().map(|d| d.rule.id.as_str()));
    }
    for (flag, names) in [("--select", select), ("--ignore", ignore)] {
        for name in names {
            if !known.contains(name.as_str()) {
                return Err(format!(
                    "{flag} {name}: no loaded pack or rule has this name{}",
                    suggest::did_you_mean(name, known.iter().copied())
                ));
            }
        }
    }
    let named = |list: &[String], def: &RuleDef| {
        list.iter()
            .any(|n| *n == def.rule.id || *n == def.rule.pack)
    };
    Ok(packs
        .iter()
        .flat_map(|p| p.rules.iter())
        .filter(|d| select.is_empty() || named(select, d))
        .filter(|d| !named(ignore, d))
        .cloned()
        .collect())
}
