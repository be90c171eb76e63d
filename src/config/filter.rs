//! Which files a directory walk checks: the config file's `include` and
//! `exclude` globs, in .gitignore syntax, relative to the config file's
//! directory (so `docs/` and `*.md` mean what they mean in a .gitignore
//! placed next to it).

use ignore::gitignore::{Gitignore, GitignoreBuilder};
use std::ops::Range;
use std::path::{Component, Path, PathBuf};
use std::sync::Arc;
use toml::Spanned;

/// Include and exclude globs; the default filter lets everything through.
#[derive(Debug, Clone, Default)]
pub struct PathFilter {
    globs: Option<Arc<Globs>>,
    /// Apply `exclude` to files named on the command line too.
    pub force_exclude: bool,
}

#[derive(Debug)]
struct Globs {
    /// Absolute, normalised directory the globs are relative to.
    root: PathBuf,
    /// Absolute working directory, to place relative paths.
    cwd: PathBuf,
    /// `None` when no `include` is given: every file is included.
    include: Option<Gitignore>,
    exclude: Gitignore,
}

impl PathFilter {
    /// Compiles the globs; an invalid one is returned with its span.
    pub fn new(
        root: &Path,
        cwd: &Path,
        include: &[Spanned<String>],
        exclude: &[Spanned<String>],
        force_exclude: bool,
    ) -> Result<PathFilter, (Range<usize>, String)> {
        if include.is_empty() && exclude.is_empty() {
            return Ok(PathFilter {
                globs: None,
                force_exclude,
            });
        }
        let root = normalise(root);
        let compile = |key: &str, list: &[Spanned<String>]| {
            let mut all = GitignoreBuilder::new(&root);
            for glob in list {
                // Alone first: the builder reports a bad glob only when
                // building, and then without saying which one it was.
                let mut one = GitignoreBuilder::new(&root);
                one.add_line(None, glob.get_ref())
                    .and_then(|b| b.build().map(|_| ()))
                    .map_err(|e| (glob.span(), format!("invalid `{key}` glob: {e}")))?;
                all.add_line(None, glob.get_ref())
                    .map_err(|e| (glob.span(), format!("invalid `{key}` glob: {e}")))?;
            }
            all.build()
                .map_err(|e| (0..0, format!("invalid `{key}` globs: {e}")))
        };
        let include = if include.is_empty() {
            None
        } else {
            Some(compile("include", include)?)
        };
        let exclude = compile("exclude", exclude)?;
        Ok(PathFilter {
            globs: Some(Arc::new(Globs {
                root,
                cwd: normalise(cwd),
                include,
                exclude,
            })),
            force_exclude,
        })
    }

    /// Whether a walk should skip this directory (and all it holds).
    pub fn skips_dir(&self, path: &Path) -> bool {
        self.excluded(path, true)
    }

    /// Whether a file found by walking is checked.
    pub fn takes_walked_file(&self, path: &Path) -> bool {
        let Some(globs) = &self.globs else {
            return true;
        };
        let Some(relative) = globs.relative(path) else {
            return true;
        };
        let included = match &globs.include {
            None => true,
            Some(include) => include
                .matched_path_or_any_parents(relative, false)
                .is_ignore(),
        };
        included && !self.excluded(path, false)
    }

    /// Whether a file named on the command line is checked: always, unless
    /// `force-exclude` is on and an `exclude` glob matches it.
    pub fn takes_named_file(&self, path: &Path) -> bool {
        !(self.force_exclude && self.excluded(path, false))
    }

    fn excluded(&self, path: &Path, is_dir: bool) -> bool {
        let Some(globs) = &self.globs else {
            return false;
        };
        match globs.relative(path) {
            // The root itself: a glob like `*` must not exclude the whole tree.
            Some(relative) if relative.as_os_str().is_empty() => false,
            Some(relative) => globs
                .exclude
                .matched_path_or_any_parents(relative, is_dir)
                .is_ignore(),
            None => false,
        }
    }
}

impl Globs {
    /// `path` relative to the globs' root, or `None` when it lies outside
    /// (the globs then say nothing about it).
    fn relative(&self, path: &Path) -> Option<PathBuf> {
        let absolute = normalise(&self.cwd.join(path));
        absolute
            .strip_prefix(&self.root)
            .ok()
            .map(Path::to_path_buf)
    }
}

/// Removes `.` and resolves `..` without touching the file system (paths
/// may name files through symlinks; the globs are about names).
fn normalise(path: &Path) -> PathBuf {
    let mut out = PathBuf::new();
    for component in path.components() {
        match component {
            Component::CurDir => {}
            Component::ParentDir => {
                out.pop();
            }
            other => out.push(other),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn spanned(list: &[&str]) -> Vec<Spanned<String>> {
        list.iter()
            .map(|s| Spanned::new(0..0, s.to_string()))
            .collect()
    }

    fn filter(include: &[&str], exclude: &[&str]) -> PathFilter {
        PathFilter::new(
            Path::new("/repo"),
            Path::new("/repo/docs"),
            &spanned(include),
            &spanned(exclude),
            false,
        )
        .unwrap()
    }

    #[test]
    fn globs_are_relative_to_the_config_directory() {
        // The working directory is /repo/docs; the config is in /repo.
        let f = filter(&["*.md"], &["drafts/", "/docs/old.md"]);
        assert!(f.takes_walked_file(Path::new("guide.md")));
        assert!(f.takes_walked_file(Path::new("../README.md")));
        assert!(!f.takes_walked_file(Path::new("notes.txt")));
        assert!(!f.takes_walked_file(Path::new("old.md")));
        assert!(!f.takes_walked_file(Path::new("drafts/new.md")));
        assert!(f.skips_dir(Path::new("drafts")));
        assert!(!f.skips_dir(Path::new("./api")));
    }

    #[test]
    fn files_outside_the_config_directory_are_not_filtered() {
        let f = filter(&["*.md"], &["*"]);
        assert!(f.takes_walked_file(Path::new("/elsewhere/notes.txt")));
        assert!(!f.skips_dir(Path::new("/repo")));
    }

    #[test]
    fn named_files_are_excluded_only_with_force_exclude() {
        let mut f = filter(&[], &["vendor/"]);
        let file = Path::new("../vendor/a.txt");
        assert!(!f.takes_walked_file(file));
        assert!(f.takes_named_file(file));
        f.force_exclude = true;
        assert!(!f.takes_named_file(file));
    }

    #[test]
    fn no_globs_take_everything() {
        let f = PathFilter::default();
        assert!(f.takes_walked_file(Path::new("a.txt")));
        assert!(f.takes_named_file(Path::new("a.txt")));
        assert!(!f.skips_dir(Path::new("a")));
    }
}
