use super::*;

fn parse_here(text: &str) -> Result<Config, String> {
    parse("calque.toml", text, Path::new(""), Path::new("/repo")).map_err(|e| e.to_string())
}

#[test]
fn reads_every_key() {
    let config = parse_here(
        r#"
packs = ["mt.toml", "../shared/house.toml"]
default-packs = false
select = ["zh-diplomatic", "names-casing/xi-all-caps"]
ignore = ["fr-calques"]
fail-on = "warning"
include = ["*.md"]
exclude = ["vendor/"]
force-exclude = true

[levels]
"names-casing" = "info"
"zh-diplomatic/all-weather-friendship" = "error"
"#,
    )
    .unwrap();
    assert_eq!(
        config.packs,
        vec![
            PathBuf::from("mt.toml"),
            PathBuf::from("../shared/house.toml")
        ]
    );
    assert_eq!(config.default_packs, Some(false));
    let select: Vec<&str> = config
        .selection
        .select
        .as_ref()
        .unwrap()
        .iter()
        .map(|n| n.name.as_str())
        .collect();
    assert_eq!(select, ["zh-diplomatic", "names-casing/xi-all-caps"]);
    assert_eq!(
        config.selection.ignore[0].origin,
        "calque.toml:5:11: ignore `fr-calques`"
    );
    assert_eq!(config.fail_on, Some(Level::Warning));
    assert!(config.paths.force_exclude);
    assert!(!config.paths.takes_walked_file(Path::new("a.txt")));
    assert!(!config.paths.takes_walked_file(Path::new("vendor/a.md")));
    assert!(config.paths.takes_walked_file(Path::new("a.md")));
    let levels: Vec<(&str, Level)> = config
        .levels
        .iter()
        .map(|(n, l)| (n.name.as_str(), *l))
        .collect();
    assert_eq!(
        levels,
        [
            ("names-casing", Level::Info),
            ("zh-diplomatic/all-weather-friendship", Level::Error)
        ]
    );
    assert!(config.levels[0].0.origin.starts_with("calque.toml:12:1: "));
}

#[test]
fn an_empty_file_changes_nothing() {
    let config = parse_here("").unwrap();
    assert!(config.packs.is_empty());
    assert_eq!(config.default_packs, None);
    assert!(config.selection.select.is_none());
    assert!(config.selection.ignore.is_empty());
    assert!(config.levels.is_empty());
    assert_eq!(config.fail_on, None);
}

#[test]
fn the_starter_file_is_valid_and_changes_nothing() {
    let config = parse_here(STARTER).unwrap();
    assert!(config.packs.is_empty());
    assert_eq!(config.default_packs, Some(true));
    assert!(config.selection.select.is_none());
    assert!(config.selection.ignore.is_empty());
    assert!(config.levels.is_empty());
    assert_eq!(config.fail_on, Some(Level::Info));
    assert_eq!(config.from, Some(calque_core::engine::gate::Origin::Auto));
    assert!(config.paths.takes_walked_file(Path::new("any/file.txt")));
}

#[test]
fn from_is_a_language_code_auto_or_any_and_a_bad_one_is_located() {
    use calque_core::engine::gate::Origin;
    let config = parse_here("from = \"zh\"\n").unwrap();
    assert_eq!(config.from, Some(Origin::Language("zh".into())));
    let e = parse_here("fail-on = \"error\"\nfrom = \"Chinese\"\n").unwrap_err();
    assert!(e.starts_with("calque.toml:2:8: from: `Chinese`"), "{e}");
}

#[test]
fn an_unknown_key_names_file_line_column_and_a_suggestion() {
    let e = parse_here("fail-on = \"error\"\nselct = [\"x\"]\n").unwrap_err();
    assert!(
        e.starts_with("calque.toml:2:1: unknown field `selct` (did you mean `select`?)"),
        "{e}"
    );
}

#[test]
fn a_bad_level_is_located() {
    let e = parse_here("\n[levels]\n\"fr-calques\" = \"loud\"\n").unwrap_err();
    assert!(e.starts_with("calque.toml:3:16: "), "{e}");
    assert!(e.contains("loud"), "{e}");
    let e = parse_here("fail-on = \"warn\"").unwrap_err();
    assert!(e.starts_with("calque.toml:1:11: "), "{e}");
}

#[test]
fn a_bad_glob_is_located() {
    let e = parse_here("exclude = [\"ok/\", \"bad{\"]").unwrap_err();
    assert!(
        e.starts_with("calque.toml:1:19: invalid `exclude` glob"),
        "{e}"
    );
}

#[test]
fn pack_paths_are_relative_to_the_config_file() {
    let config = parse(
        "../calque.toml",
        "packs = [\"rules/mt.toml\"]",
        Path::new(".."),
        Path::new("/repo/docs"),
    )
    .unwrap();
    assert_eq!(config.packs, vec![PathBuf::from("../rules/mt.toml")]);
}

#[test]
fn discovery_walks_up_and_prefers_the_nearest_file() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    let deep = root.join("a/b");
    fs::create_dir_all(&deep).unwrap();
    fs::write(root.join(".calque.toml"), "").unwrap();
    assert_eq!(discover(&deep), Some(PathBuf::from("../../.calque.toml")));
    fs::write(root.join("a/calque.toml"), "").unwrap();
    assert_eq!(discover(&deep), Some(PathBuf::from("../calque.toml")));
    fs::write(deep.join(".calque.toml"), "").unwrap();
    fs::write(deep.join("calque.toml"), "").unwrap();
    assert_eq!(discover(&deep), Some(PathBuf::from("calque.toml")));
}
