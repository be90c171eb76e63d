//! Which rules run on a document: its `calque.toml` (found from the
//! document's folder upwards, as `calque check` finds one from the working
//! directory), then what the editor adds (`initializationOptions`) and the
//! flags `calque lsp` was started with.
//!
//! A config or pack that does not load never stops the checking: the error
//! is shown to the user, and the document keeps the rules it had (the last
//! good ones for that config file), or, if it never had any, the rules of
//! no config file at all.

use super::analysis::{self, Engine, Extra};

use serde::Deserialize;
use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::Arc;

/// What an editor may send as `initializationOptions` (all optional):
/// `{"packs": ["house.toml"], "select": [...], "ignore": [...], "noDefaultPacks": false}`.
#[derive(Debug, Default, Clone, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct Additions {
    /// Extra pack files, relative to the workspace root.
    #[serde(default)]
    pub packs: Vec<PathBuf>,
    #[serde(default)]
    pub select: Vec<String>,
    #[serde(default)]
    pub ignore: Vec<String>,
    #[serde(default)]
    pub no_default_packs: bool,
}

impl Additions {
    /// Reads `initializationOptions`; `null` or absent adds nothing.
    pub fn from_json(value: Option<serde_json::Value>) -> Result<Additions, String> {
        match value {
            None | Some(serde_json::Value::Null) => Ok(Additions::default()),
            Some(value) => {
                serde_json::from_value(value).map_err(|e| format!("initializationOptions: {e}"))
            }
        }
    }

    /// These additions, then `later`'s: the command line's flags first,
    /// the editor's options after them.
    pub fn then(mut self, later: Additions) -> Additions {
        self.packs.extend(later.packs);
        self.select.extend(later.select);
        self.ignore.extend(later.ignore);
        self.no_default_packs |= later.no_default_packs;
        self
    }

    /// Pack paths made absolute against `root`.
    pub fn rooted(mut self, root: &Path) -> Additions {
        for pack in &mut self.packs {
            if pack.is_relative() {
                *pack = root.join(&*pack);
            }
        }
        self
    }
}

/// The config file a set of rules comes from (`None`: no config file).
type Source = Option<PathBuf>;

pub struct Settings {
    additions: Additions,
    /// Where documents without a file of their own look for a config.
    root: Option<PathBuf>,
    /// A document folder's config file, as discovered.
    configs: HashMap<PathBuf, Source>,
    /// The rules of each config file, as last read.
    current: HashMap<Source, Arc<Engine>>,
    /// The last rules of each config file that loaded; kept across reloads.
    last_good: HashMap<Source, Arc<Engine>>,
}

impl Settings {
    pub fn new(additions: Additions, root: Option<PathBuf>) -> Settings {
        Settings {
            additions,
            root,
            configs: HashMap::new(),
            current: HashMap::new(),
            last_good: HashMap::new(),
        }
    }

    /// Forgets every config file read, so that the next check reads them
    /// again (a config or pack file changed on disk).
    pub fn reload(&mut self) {
        self.configs.clear();
        self.current.clear();
    }

    /// The rules for a document in `dir` (or, for a buffer without a
    /// file, in the workspace root). Problems are pushed onto `errors`, to
    /// be shown to the user once: the rules are read again only after
    /// [`reload`](Self::reload).
    pub fn engine_for(&mut self, dir: Option<&Path>, errors: &mut Vec<String>) -> Arc<Engine> {
        let dir = dir.or(self.root.as_deref()).map(Path::to_path_buf);
        let source = match dir {
            Some(dir) => self
                .configs
                .entry(dir.clone())
                .or_insert_with(|| analysis::find_config(&dir))
                .clone(),
            None => None,
        };
        self.engine_of(source, errors)
    }

    fn engine_of(&mut self, source: Source, errors: &mut Vec<String>) -> Arc<Engine> {
        if let Some(engine) = self.current.get(&source) {
            return Arc::clone(engine);
        }
        let engine = match self.load(source.as_deref()) {
            Ok(engine) => {
                let engine = Arc::new(engine);
                self.last_good.insert(source.clone(), Arc::clone(&engine));
                engine
            }
            Err(message) => {
                errors.push(format!(
                    "{message:#} (calque keeps the last rules that loaded)"
                ));
                match self.last_good.get(&source) {
                    Some(engine) => Arc::clone(engine),
                    None if source.is_some() => self.engine_of(None, errors),
                    None => Arc::new(builtin_only()),
                }
            }
        };
        self.current.insert(source, Arc::clone(&engine));
        engine
    }

    fn load(&self, config_file: Option<&Path>) -> anyhow::Result<Engine> {
        let config = config_file.map(analysis::read_config).transpose()?;
        let a = &self.additions;
        let extra = Extra {
            no_default_packs: a.no_default_packs,
            packs: &a.packs,
            selection: analysis::selection(
                "initializationOptions select",
                &a.select,
                "initializationOptions ignore",
                &a.ignore,
            ),
            // The config's `from`, as on the command line; `auto` without one.
            from: config
                .as_ref()
                .and_then(|c| c.from.clone())
                .unwrap_or_default(),
        };
        analysis::load_engine(&extra, config.as_ref())
    }
}

/// The built-in packs alone: what checks a document when nothing the user
/// configured has ever loaded.
fn builtin_only() -> Engine {
    let extra = Extra {
        no_default_packs: false,
        packs: &[],
        selection: Default::default(),
        from: Default::default(),
    };
    analysis::load_engine(&extra, None)
        .or_else(|_| Engine::new(Vec::new()).map_err(anyhow::Error::from))
        .expect("an engine without rules compiles")
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::fs;

    fn rule_ids(engine: &Engine) -> Vec<String> {
        engine.rules().iter().map(|r| r.id.clone()).collect()
    }

    #[test]
    fn a_broken_config_keeps_the_last_good_rules() {
        let dir = tempfile::tempdir().unwrap();
        let sub = dir.path().join("docs");
        fs::create_dir(&sub).unwrap();
        let config = dir.path().join("calque.toml");
        fs::write(&config, "select = [\"names-casing\"]\n").unwrap();
        let mut settings = Settings::new(Additions::default(), None);
        let mut errors = Vec::new();
        let first = settings.engine_for(Some(&sub), &mut errors);
        assert!(errors.is_empty(), "{errors:?}");
        assert!(
            rule_ids(&first)
                .iter()
                .all(|id| id.starts_with("names-casing/"))
        );

        fs::write(&config, "select = [\"names-casin\"]\n").unwrap();
        settings.reload();
        let kept = settings.engine_for(Some(&sub), &mut errors);
        assert_eq!(errors.len(), 1);
        assert!(errors[0].contains("names-casin"), "{errors:?}");
        assert_eq!(rule_ids(&kept), rule_ids(&first));
        // Shown once, not on every check.
        settings.engine_for(Some(&sub), &mut errors);
        assert_eq!(errors.len(), 1);

        fs::write(&config, "ignore = [\"names-casing\"]\n").unwrap();
        settings.reload();
        let fixed = settings.engine_for(Some(&sub), &mut errors);
        assert_eq!(errors.len(), 1);
        assert!(
            rule_ids(&fixed)
                .iter()
                .all(|id| !id.starts_with("names-casing/"))
        );
    }

    #[test]
    fn a_config_broken_from_the_start_falls_back_to_no_config() {
        let dir = tempfile::tempdir().unwrap();
        fs::write(dir.path().join("calque.toml"), "fail-onn = 1\n").unwrap();
        let additions = Additions {
            ignore: vec!["glossary".into()],
            ..Additions::default()
        };
        let mut settings = Settings::new(additions, None);
        let mut errors = Vec::new();
        let engine = settings.engine_for(Some(dir.path()), &mut errors);
        assert_eq!(errors.len(), 1);
        assert!(!engine.rules().is_empty());
        assert!(
            rule_ids(&engine)
                .iter()
                .all(|id| !id.starts_with("glossary/"))
        );
    }

    #[test]
    fn initialization_options_are_checked() {
        let options = serde_json::json!({"select": ["names-casing"], "noDefaultPacks": false});
        let additions = Additions::from_json(Some(options)).unwrap();
        assert_eq!(additions.select, ["names-casing"]);
        assert!(Additions::from_json(Some(serde_json::json!({"selct": []}))).is_err());
        assert!(Additions::from_json(None).unwrap().packs.is_empty());
    }
}
