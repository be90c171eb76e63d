use super::*;

const HEADER: &str = "[pack]\nname = \"demo\"\ndescription = \"d\"\n";

fn load_rule(rule: &str) -> Result<Pack, PackError> {
    load("demo.toml", &format!("{HEADER}\n[[rule]]\n{rule}"))
}

fn error(rule: &str) -> String {
    load_rule(rule).unwrap_err().to_string()
}

const BASE: &str =
    "id = \"r\"\nmessage = \"m\"\nexamples = [{ bad = \"a b\", good = \"c\" }]\nreplace = \"c\"\n";

#[test]
fn loads_a_valid_phrase_rule() {
    let pack = load_rule(&format!("{BASE}phrase = [\"  a   b \"]")).unwrap();
    assert_eq!(pack.rules[0].rule.id, "demo/r");
    match &pack.rules[0].matcher {
        Matcher::Phrase(p) => assert_eq!(p, &vec!["a b".to_string()]),
        other => panic!("{other:?}"),
    }
    assert_eq!(pack.rules[0].rule.level, Level::Warning);
    assert!(!pack.rules[0].rule.applicability.is_safe());
}

#[test]
fn an_invalid_regex_names_file_line_column_and_rule() {
    let e = error(&format!("{BASE}pattern = '(unclosed'"));
    assert!(
        e.starts_with("demo.toml:10:11: rule `r`: invalid `pattern`: unclosed group\n"),
        "{e}"
    );
}

#[test]
fn an_invalid_regex_keeps_the_caret_diagram_on_lines_of_its_own() {
    let e = error(&format!("{BASE}pattern = '\\bPrime (minister\\b'"));
    let lines: Vec<&str> = e.lines().collect();
    assert_eq!(lines.len(), 3, "{e}");
    assert!(
        lines[0].ends_with("invalid `pattern`: unclosed group"),
        "{e}"
    );
    // The caret stands under the parenthesis that is not closed.
    let paren = lines[1].find('(').unwrap();
    assert_eq!(lines[2].find('^'), Some(paren), "{e}");
    assert_eq!(lines[1].trim(), "\\bPrime (minister\\b");
    // A context condition gets the same shape.
    let e = error(&format!("{BASE}phrase = \"a b\"\nnot_before = 'x{{2,1}}'"));
    assert!(
        e.lines().next().unwrap().ends_with(
            "invalid `not_before`: invalid repetition count range, the start must be <= the end"
        ),
        "{e}"
    );
    assert!(e.lines().nth(2).is_some_and(|l| l.contains('^')), "{e}");
}

#[test]
fn a_file_without_a_pack_table_says_so() {
    let rule =
        "[[rule]]\nid = \"x\"\nmessage = \"m\"\nphrase = \"a\"\nexamples = [{ bad = \"a\" }]\n";
    let e = load("demo.toml", rule).unwrap_err().to_string();
    assert!(e.starts_with("demo.toml: no `[pack]` table"), "{e}");
    assert!(!e.contains("rule `x`"), "{e}");
}

#[test]
fn unknown_fields_get_a_suggestion() {
    let e = error(&format!("{BASE}phrase = \"a b\"\nmesage = \"x\""));
    assert!(e.contains("rule `r`"), "{e}");
    assert!(
        e.contains("unknown field `mesage` (did you mean `message`?)"),
        "{e}"
    );
}

#[test]
fn rejects_what_a_rule_cannot_be() {
    assert!(error(&format!("{BASE}phrase = \"\"")).contains("empty phrase"));
    assert!(error(&format!("{BASE}phrase = []")).contains("empty list"));
    assert!(error(BASE).contains("no matcher"));
    assert!(error(&format!("{BASE}phrase = \"a\"\npattern = \"a\"")).contains("not both"));
    let e = error(
        "id = \"r\"\nmessage = \"m\"\nreplace = \"$2\"\npattern = '(a) b'\nexamples = [{ bad = \"a b\", good = \"c\" }]",
    );
    assert!(e.contains("group `2`"), "{e}");
    let e = error("id = \"r\"\nmessage = \"m\"\nphrase = \"a\"\nexamples = [{ bad = 3 }]");
    assert!(e.contains("rule `r`") && e.contains("string"), "{e}");
    let e = error(
        "id = \"r\"\nmessage = \"m\"\nphrase = \"a\"\nreplace = \"b\"\nexamples = [{ bad = \"a\" }]",
    );
    assert!(e.contains("needs `good`"), "{e}");
    let e = error("id = \"r\"\nmessage = \"m\"\nphrase = \"a\"\nexamples = []");
    assert!(e.contains("at least one example"), "{e}");
    let e = error("id = \"Bad Id\"\nmessage = \"m\"\nphrase = \"a\"\nexamples = [{ bad = \"a\" }]");
    assert!(e.contains("lowercase"), "{e}");
}

#[test]
fn a_missing_id_is_reported_with_a_position() {
    let e = error("message = \"m\"\nphrase = \"a\"\nexamples = [{ bad = \"a\" }]");
    assert!(e.starts_with("demo.toml:5:1:"), "{e}");
    assert!(e.contains("missing field `id`"), "{e}");
}

#[test]
fn duplicate_ids_are_refused_within_and_across_packs() {
    let rule =
        "[[rule]]\nid = \"r\"\nmessage = \"m\"\nphrase = \"a\"\nexamples = [{ bad = \"a\" }]\n";
    let e = load("demo.toml", &format!("{HEADER}{rule}{rule}")).unwrap_err();
    // The second `r` is on line 10; the first, which it points at, on line 5.
    assert_eq!(
        e.to_string(),
        "demo.toml:10:6: rule `r`: duplicate rule id (first defined at demo.toml:5:6)"
    );

    let a = load("a.toml", &format!("{HEADER}{rule}")).unwrap();
    let b = load("b.toml", &format!("{HEADER}{rule}")).unwrap();
    let e = check_unique(&[a, b]).unwrap_err().to_string();
    assert!(e.contains("already loaded from a.toml"), "{e}");
}

#[test]
fn builtin_packs_load() {
    let packs = builtin().unwrap();
    check_unique(&packs).unwrap();
}

#[test]
fn loads_glossary_and_consistency_rules() {
    let pack = load_rule(
        "id = \"g\"\nmessage = \"m\"\nsafe = true\n\
         glossary = [{ name = \"Vladimir  Putin\", foreign = [\"Vladimir Poutine\"], threshold = 0.9, fuzzy_safe = true }]\n\
         examples = [{ bad = \"Vladimir Poutine\", good = \"Vladimir Putin\" }]\n\
         [[rule]]\nid = \"c\"\nmessage = \"m\"\nconsistency = [[\"Kyiv\", \"Kiev\"], [\"theatre\", \"theater\"]]\n\
         prefer = \"Kyiv\"\nexamples = [{ bad = \"Kiev, Kyiv\", good = \"Kyiv, Kyiv\" }]",
    )
    .unwrap();
    match &pack.rules[0].matcher {
        Matcher::Glossary(entries) => {
            assert_eq!(entries[0].name, "Vladimir Putin");
            assert_eq!(entries[0].threshold, 0.9);
            assert!(entries[0].fuzzy_safe);
        }
        other => panic!("{other:?}"),
    }
    assert_eq!(pack.rules[0].rule.kind, "glossary");
    match &pack.rules[1].matcher {
        Matcher::Consistency(crate::engine::kinds::consistency::Groups::Phrases(groups)) => {
            assert_eq!(groups[0].preferred, Some(0));
            assert_eq!(groups[1].preferred, None);
        }
        other => panic!("{other:?}"),
    }
}

#[test]
fn rejects_what_a_glossary_or_consistency_rule_cannot_be() {
    const EX: &str = "id = \"r\"\nmessage = \"m\"\nexamples = [{ bad = \"a\", good = \"b\" }]\n";
    let e = error(&format!("{EX}glossary = [{{ name = \"putin\" }}]"));
    assert!(e.contains("`putin` has no capitalised word"), "{e}");
    let e = error(&format!(
        "{EX}glossary = [{{ name = \"Putin, Vladimir\" }}]"
    ));
    assert!(e.contains("is not a name"), "{e}");
    let e = error(&format!(
        "{EX}glossary = [{{ name = \"Putin\", threshold = 1.5 }}]"
    ));
    assert!(e.contains("threshold"), "{e}");
    let e = error(&format!(
        "{EX}glossary = [{{ name = \"Putin\", varients = [] }}]"
    ));
    assert!(e.contains("(did you mean `variants`?)"), "{e}");
    let e = error(&format!(
        "{EX}glossary = [{{ name = \"Putin\", variants = [\"Putin\"] }}]"
    ));
    assert!(e.contains("listed twice"), "{e}");
    let e = error(&format!("{EX}glossary = []"));
    assert!(e.contains("empty list"), "{e}");
    let e = error(&format!(
        "{EX}glossary = [{{ name = \"Putin\" }}]\nphrase = \"x\""
    ));
    assert!(e.contains("not both `glossary` and `phrase`"), "{e}");
    let e = error(&format!(
        "{EX}glossary = [{{ name = \"Putin\" }}]\nreplace = \"x\""
    ));
    assert!(e.contains("`replace` is not used"), "{e}");
    let e = error(&format!("{EX}consistency = \"apostrophe\""));
    assert!(e.contains("(did you mean `apostrophes`?)"), "{e}");
    let e = error(&format!("{EX}consistency = [[\"a\"]]"));
    assert!(e.contains("two or more"), "{e}");
    let e = error(&format!("{EX}consistency = [[\"a\", \"A\"]]"));
    assert!(e.contains("listed twice"), "{e}");
    let e = error(&format!(
        "{EX}consistency = [[\"a\", \"b\"]]\nprefer = \"c\""
    ));
    assert!(e.contains("not a member"), "{e}");
    let e = error(&format!(
        "{EX}consistency = \"apostrophes\"\nprefer = \"x\""
    ));
    assert!(e.contains("`prefer` for apostrophes"), "{e}");
    let e = error(&format!("{EX}phrase = \"a\"\nprefer = \"a\""));
    assert!(e.contains("`prefer` belongs to `consistency`"), "{e}");
    let e = error(
        "id = \"r\"\nmessage = \"m\"\nglossary = [{ name = \"Putin\" }]\nexamples = [{ bad = \"a\" }]",
    );
    assert!(e.contains("needs `good`"), "{e}");
}

#[test]
fn detector_rules_load_and_refuse_what_they_cannot_be() {
    let rule = "id = \"m\"\nmessage = \"m\"\ndetector = \"mojibake\"\nexamples = [{ bad = \"cafÃ©\", good = \"café\" }]\n";
    let pack = load_rule(rule).unwrap();
    assert!(matches!(
        pack.rules[0].matcher,
        Matcher::Detector(crate::engine::detect::Detector::Mojibake)
    ));
    let unknown = error(&rule.replace("\"mojibake\"", "\"telepathy\""));
    assert!(
        unknown.contains("unknown detector `telepathy`"),
        "{unknown}"
    );
    assert!(unknown.contains("mojibake"), "{unknown}");
    let with_replace = error(&format!("{rule}replace = \"x\"\n"));
    assert!(
        with_replace.contains("the detector gives the fixes"),
        "{with_replace}"
    );
    let two = error(&format!("{rule}phrase = \"a\"\n"));
    assert!(two.contains("exactly one matcher"), "{two}");
}

#[test]
fn a_second_matcher_is_refused_at_its_value() {
    // The TOML reader hands the keys over in name order, not file order.
    let e = error(&format!("{BASE}phrase = \"a\"\ndetector = \"mojibake\""));
    assert!(
        e.starts_with(
            "demo.toml:10:10: rule `r`: a rule has exactly one matcher, not both `detector` and `phrase`"
        ),
        "{e}"
    );
    let e = error(&format!("{BASE}pattern = \"a\"\nphrase = \"b\""));
    assert!(
        e.starts_with(
            "demo.toml:11:10: rule `r`: a rule has either `phrase` or `pattern`, not both"
        ),
        "{e}"
    );
}

#[test]
fn a_rule_without_matcher_names_every_kind() {
    let e = error(BASE);
    assert!(
        e.contains("rule `r`: the rule has no matcher: add `phrase`, `pattern`"),
        "{e}"
    );
}
