//! Which packs and rules a run uses: the built-in packs, the config file's
//! packs, `--pack` files; then the config's `select`/`ignore`, `--select` and
//! `--ignore`; then the config's `[levels]`.

use super::Options;
use crate::config::{Config, Name, Selection};
use anyhow::{Result, anyhow, bail};
use calque_core::engine::Engine;
use calque_core::engine::gate::Origin;
use calque_core::pack::{self, Pack, RuleDef};
use calque_core::rule::Level;
use calque_core::suggest;
use std::collections::BTreeSet;
use std::fs;
use std::path::{Path, PathBuf};

pub struct Loaded {
    /// Every loaded pack, whole (for `calque test`).
    pub packs: Vec<Pack>,
    /// The rules left after `--select` / `--ignore`, compiled.
    pub engine: Engine,
}

pub fn load(options: &Options, config: Option<&Config>) -> Result<Loaded> {
    let extra = Extra {
        no_default_packs: options.no_default_packs,
        packs: &options.packs,
        selection: flags_selection(options),
        from: options.from.clone().unwrap_or_default(),
    };
    load_with(&extra, config)
}

/// What a run adds to the config file: the command line's flags, or a
/// language server's initialization options. It is applied after the file.
pub struct Extra<'a> {
    pub no_default_packs: bool,
    /// Pack files loaded after the config's.
    pub packs: &'a [PathBuf],
    /// The last layer of rule choice.
    pub selection: Selection,
    /// What the text was translated from, for the gates of sourced packs.
    pub from: Origin,
}

/// The packs and rules of the config file and then `extra`, compiled.
pub fn load_with(extra: &Extra, config: Option<&Config>) -> Result<Loaded> {
    let default_packs =
        !extra.no_default_packs && config.and_then(|c| c.default_packs).unwrap_or(true);
    let mut packs = if default_packs {
        pack::builtin()?
    } else {
        Vec::new()
    };
    let config_packs = config.map(|c| c.packs.as_slice()).unwrap_or_default();
    let mut enabled: BTreeSet<String> = BTreeSet::new();
    for path in config_packs.iter().chain(extra.packs) {
        match opt_in_name(&packs, path) {
            Some(name) => {
                enabled.insert(name);
            }
            None => packs.push(load_file(path)?),
        }
    }
    pack::check_unique(&packs)?;
    let mut layers: Vec<Selection> = config.map(|c| c.selection.clone()).into_iter().collect();
    layers.push(extra.selection.clone());
    let mut defs = select(&packs, &layers, &enabled)?;
    if let Some(config) = config {
        set_levels(&packs, &mut defs, &config.levels)?;
    }
    let engine = Engine::new(defs)
        .map_err(|e| anyhow!("cannot compile the rules: {e}"))?
        .with_gate(
            extra.from.clone(),
            packs.iter().map(|p| (p.name.as_str(), &p.gate)),
        );
    Ok(Loaded { packs, engine })
}

/// `--pack NAME` (or a config `packs` entry) that is no file but the name
/// of a loaded opt-in pack turns that pack on.
fn opt_in_name(packs: &[Pack], path: &Path) -> Option<String> {
    if path.exists() {
        return None;
    }
    let name = path.file_name()?.to_str()?;
    packs
        .iter()
        .any(|p| p.opt_in && p.name == name)
        .then(|| name.to_string())
}

/// Reads and validates one pack file.
/// Reads and validates one pack file; an unreadable file is a
/// [`PackError`](pack::PackError) without a place, so that every front end
/// (the Python package's `PackError` among them) sees one error type.
pub fn load_file(path: &Path) -> Result<Pack> {
    let label = path.display().to_string();
    let text = fs::read_to_string(path).map_err(|e| pack::PackError {
        file: label.clone(),
        position: None,
        rule: None,
        message: format!("cannot read the pack: {e}"),
    })?;
    Ok(pack::load(&label, &text)?)
}

/// `--select` and `--ignore` as the last layer of rule choice.
fn flags_selection(options: &Options) -> Selection {
    selection("--select", &options.select, "--ignore", &options.ignore)
}

/// A layer of rule choice from lists of names; an empty `select` chooses
/// nothing new. Each name's origin in messages is its label and the name.
pub fn selection(
    select_label: &str,
    select: &[String],
    ignore_label: &str,
    ignore: &[String],
) -> Selection {
    let names = |label: &str, list: &[String]| -> Vec<Name> {
        list.iter()
            .map(|name| Name {
                name: name.clone(),
                origin: format!("{label} {name}"),
            })
            .collect()
    };
    Selection {
        select: (!select.is_empty()).then(|| names(select_label, select)),
        ignore: names(ignore_label, ignore),
    }
}

/// Every pack name and rule id loaded.
fn known_names(packs: &[Pack]) -> BTreeSet<&str> {
    let mut known: BTreeSet<&str> = BTreeSet::new();
    for p in packs {
        known.insert(&p.name);
        known.extend(p.rules.iter().map(|d| d.rule.id.as_str()));
    }
    known
}

/// Each name must be a loaded pack or rule; an unknown one is an error with
/// a suggestion, since a typo would otherwise silently change what runs.
fn check_known<'a>(
    known: &BTreeSet<&str>,
    names: impl IntoIterator<Item = &'a Name>,
) -> Result<()> {
    for name in names {
        if !known.contains(name.name.as_str()) {
            bail!(
                "{}: no loaded pack or rule has this name{}",
                name.origin,
                suggest::did_you_mean(&name.name, known.iter().copied())
            );
        }
    }
    Ok(())
}

/// The rules left after each layer of choice in turn: a layer's `select`
/// (when given) picks from every loaded rule, replacing what came before;
/// its `ignore` then removes rules.
/// Opt-in packs start off unless `enabled`; a `select` naming them (or one
/// of their rules) turns them on like any other.
fn select(
    packs: &[Pack],
    layers: &[Selection],
    enabled: &BTreeSet<String>,
) -> Result<Vec<RuleDef>> {
    let known = known_names(packs);
    for layer in layers {
        check_known(&known, layer.select.iter().flatten().chain(&layer.ignore))?;
    }
    let named = |list: &[Name], def: &RuleDef| {
        list.iter()
            .any(|n| n.name == def.rule.id || n.name == def.rule.pack)
    };
    let all: Vec<&RuleDef> = packs.iter().flat_map(|p| p.rules.iter()).collect();
    let mut chosen: Vec<bool> = packs
        .iter()
        .flat_map(|p| {
            let on = !p.opt_in || enabled.contains(&p.name);
            std::iter::repeat_n(on, p.rules.len())
        })
        .collect();
    for layer in layers {
        for (def, on) in all.iter().zip(chosen.iter_mut()) {
            if let Some(select) = &layer.select {
                *on = named(select, def);
            }
            if named(&layer.ignore, def) {
                *on = false;
            }
        }
    }
    Ok(all
        .into_iter()
        .zip(chosen)
        .filter(|(_, on)| *on)
        .map(|(def, _)| def.clone())
        .collect())
}

/// Gives rules the levels of the config's `[levels]`: a rule's own entry
/// beats its pack's. Done on the definitions, before the engine is built,
/// so that the engine and every printer see one level per rule.
fn set_levels(packs: &[Pack], defs: &mut [RuleDef], levels: &[(Name, Level)]) -> Result<()> {
    check_known(&known_names(packs), levels.iter().map(|(name, _)| name))?;
    let level_of = |name: &str| levels.iter().find(|(n, _)| n.name == name).map(|(_, l)| *l);
    for def in defs {
        if let Some(level) = level_of(&def.rule.id).or_else(|| level_of(&def.rule.pack)) {
            def.rule.level = level;
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    use calque_core::testing::{TestPack, TestRule};

    /// Two report-only rules of two levels.
    fn packs() -> Vec<Pack> {
        let pack = TestPack::new("demo")
            .rule(TestRule::phrase("one", "aaa").level("error"))
            .rule(TestRule::phrase("two", "bbb"));
        vec![pack.load()]
    }

    fn names(list: &[&str]) -> Vec<Name> {
        list.iter()
            .map(|n| Name {
                name: n.to_string(),
                origin: format!("at {n}"),
            })
            .collect()
    }

    fn layer(select: Option<&[&str]>, ignore: &[&str]) -> Selection {
        Selection {
            select: select.map(names),
            ignore: names(ignore),
        }
    }

    fn ids(defs: &[RuleDef]) -> Vec<&str> {
        defs.iter().map(|d| d.rule.id.as_str()).collect()
    }

    #[test]
    fn a_later_select_replaces_an_earlier_choice() {
        let packs = packs();
        let config = layer(None, &["demo/one"]);
        assert_eq!(
            ids(&select(&packs, std::slice::from_ref(&config), &BTreeSet::new()).unwrap()),
            ["demo/two"]
        );
        // --select demo/one on the command line brings back what the file ignored.
        let flags = layer(Some(&["demo/one"]), &[]);
        let defs = select(&packs, &[config.clone(), flags], &BTreeSet::new()).unwrap();
        assert_eq!(ids(&defs), ["demo/one"]);
        // --ignore adds to the file's ignore list.
        let config = layer(Some(&["demo"]), &[]);
        let flags = layer(None, &["demo/two"]);
        assert_eq!(
            ids(&select(&packs, &[config, flags], &BTreeSet::new()).unwrap()),
            ["demo/one"]
        );
    }

    #[test]
    fn an_unknown_name_is_reported_at_its_origin() {
        let e = select(&packs(), &[layer(Some(&["dem"]), &[])], &BTreeSet::new()).unwrap_err();
        assert_eq!(
            e.to_string(),
            "at dem: no loaded pack or rule has this name (did you mean `demo`?)"
        );
    }

    #[test]
    fn a_rule_level_beats_its_pack_level() {
        let packs = packs();
        let mut defs = select(&packs, &[], &BTreeSet::new()).unwrap();
        let levels = [
            (names(&["demo/two"]).remove(0), Level::Error),
            (names(&["demo"]).remove(0), Level::Info),
        ];
        set_levels(&packs, &mut defs, &levels).unwrap();
        let got: Vec<Level> = defs.iter().map(|d| d.rule.level).collect();
        assert_eq!(got, [Level::Info, Level::Error]);
        let bad = [(names(&["demo/thre"]).remove(0), Level::Info)];
        let e = set_levels(&packs, &mut defs, &bad).unwrap_err().to_string();
        assert!(e.starts_with("at demo/thre: no loaded pack"), "{e}");
    }
}
