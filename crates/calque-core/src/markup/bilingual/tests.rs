use super::*;

fn units(format: Format, text: &str) -> Vec<Unit> {
    read(format, text, &ReadOptions::default())
        .expect("readable")
        .expect("bilingual")
}

const XLIFF12: &str = r#"<?xml version="1.0" encoding="UTF-8"?>
<xliff version="1.2"><file source-language="zh" target-language="en" datatype="plaintext" original="a">
<body>
<trans-unit id="t1">
  <source>共有5万人参加。</source>
  <target>About 5,000 people &amp; friends <x id="1"/>took part.</target>
  <alt-trans><target>ignored</target></alt-trans>
</trans-unit>
<trans-unit id="t2"><source>Hi</source><target/></trans-unit>
</body></file></xliff>
"#;

#[test]
fn xliff_12_units_point_at_the_target_bytes() {
    let units = units(Format::Xliff, XLIFF12);
    assert_eq!(units.len(), 1, "the empty target is skipped");
    let u = &units[0];
    assert_eq!(u.id, "t1");
    assert_eq!(u.source, "共有5万人参加。");
    assert_eq!(u.target, "About 5,000 people & friends \u{fffc}took part.");
    assert_eq!(u.target_codes, ["<x id=\"1\"/>"]);
    assert_eq!(
        &XLIFF12[u.span.clone()],
        "About 5,000 people &amp; friends <x id=\"1\"/>took part."
    );
    // Verbatim text maps byte for byte; the entity maps to all of itself.
    let five = u.target.find("5,000").unwrap();
    assert_eq!(&XLIFF12[u.file_range(five..five + 5)], "5,000");
    let amp = u.target.find('&').unwrap();
    assert_eq!(&XLIFF12[u.file_range(amp..amp + 1)], "&amp;");
    assert_eq!(
        &XLIFF12[u.file_range(0..u.target.len())],
        &XLIFF12[u.span.clone()]
    );
}

#[test]
fn only_target_text_is_open_to_monolingual_rules() {
    let units = units(Format::Xliff, XLIFF12);
    let excluded = excluded(&units, XLIFF12.len());
    let masked = crate::markup::mask(XLIFF12, &excluded);
    let seen: String = masked
        .chars()
        .filter(|c| *c != '\u{1a}' && *c != '\n')
        .collect();
    assert_eq!(seen, "About 5,000 people  friends took part.");
}

#[test]
fn xliff_2_segments_and_codes() {
    let text = r#"<xliff xmlns="urn:oasis:names:tc:xliff:document:2.0" version="2.0" srcLang="en" trgLang="fr">
<file id="f"><unit id="u1">
<originalData><data id="d1">&lt;br/&gt;</data></originalData>
<segment><source>Line<ph id="1" dataRef="d1"/>two <pc id="2">bold</pc></source>
<target>Ligne deux <pc id="2">gras</pc></target></segment>
<segment><source>Three</source><target>Trois</target></segment>
</unit></file></xliff>"#;
    let units = units(Format::Xliff, text);
    let ids: Vec<&str> = units.iter().map(|u| u.id.as_str()).collect();
    assert_eq!(ids, ["u1", "u1#2"]);
    assert_eq!(
        units[0].source_codes,
        ["<ph id=\"1\"/>", "<pc id=\"2\">", "</pc id=\"2\">"]
    );
    let problems = Check::Placeholders.run(&units[0]);
    assert_eq!(problems.len(), 1);
    assert!(
        problems[0].detail.contains("<ph id=\"1\"/>"),
        "{problems:?}"
    );
    assert!(Check::Placeholders.run(&units[1]).is_empty());
}

#[test]
fn broken_xml_is_an_error_with_an_offset() {
    let err = read(
        Format::Xliff,
        "<xliff><trans-unit id=\"a\"><source>x</sorce>",
        &ReadOptions::default(),
    );
    assert!(matches!(err, Err(ReadError::Xml { .. })), "{err:?}");
}

const PO: &str = r#"msgid ""
msgstr "Language: fr\n"

#: a.c:1
msgid "Hello %s, you have %d new messages"
msgstr "Bonjour, vous avez %d nouveaux messages"

#, fuzzy
msgid "Fuzzy"
msgstr "Flou"

msgctxt "menu"
msgid "One file"
msgid_plural "%d files"
msgstr[0] "Un fichier"
msgstr[1] ""
"%d \"fichiers\""
"#;

#[test]
fn po_entries_pair_ids_with_translations() {
    let units = units(Format::Gettext, PO);
    let ids: Vec<&str> = units.iter().map(|u| u.id.as_str()).collect();
    assert_eq!(
        ids,
        [
            "Hello %s, you have %d new messages",
            "menu|One file[0]",
            "menu|One file[1]"
        ]
    );
    assert_eq!(units[2].source, "%d files");
    assert_eq!(units[2].plural.as_deref(), Some("One file"));
    assert_eq!(units[1].plural.as_deref(), Some("%d files"));
    assert!(units.iter().all(|u| !u.same_language));
    let english = format!("msgid \"\"\nmsgstr \"Language: en_GB\\n\"\n\n{PO}");
    assert!(
        read(Format::Gettext, &english, &ReadOptions::default())
            .unwrap()
            .unwrap()
            .iter()
            .all(|u| u.same_language)
    );
    assert_eq!(units[2].target, "%d \"fichiers\"");
    // The escaped quote maps to its two bytes.
    let quote = units[2].target.find('"').unwrap();
    assert_eq!(&PO[units[2].file_range(quote..quote + 1)], "\\\"");
    let with_fuzzy = read(
        Format::Gettext,
        PO,
        &ReadOptions {
            include_fuzzy: true,
            ..ReadOptions::default()
        },
    )
    .unwrap()
    .unwrap();
    assert!(with_fuzzy.iter().any(|u| u.id == "Fuzzy"));
    let problems = Check::Placeholders.run(&units[0]);
    assert_eq!(problems.len(), 1);
    assert_eq!(problems[0].detail, "missing in the target: `%s`");
}

#[test]
fn tmx_takes_the_source_language_from_the_header() {
    let text = r#"<tmx version="1.4"><header srclang="zh-CN" datatype="plaintext"/>
<body><tu tuid="7">
<tuv xml:lang="en-US"><seg>We support One Belt One Road.</seg></tuv>
<tuv xml:lang="zh-CN"><seg>我们支持一带一路。</seg></tuv>
<tuv xml:lang="fr"><seg>Nous soutenons <ph x="1">&lt;b&gt;</ph>la Ceinture.</seg></tuv>
</tu></body></tmx>"#;
    let all = units(Format::Tmx, text);
    assert_eq!(all.len(), 2);
    assert_eq!(all[0].id, "7/en-US");
    assert_eq!(all[0].source, "我们支持一带一路。");
    let options = ReadOptions {
        target_lang: Some("en".into()),
        ..ReadOptions::default()
    };
    let en = read(Format::Tmx, text, &options).unwrap().unwrap();
    assert_eq!(en.len(), 1);
    assert_eq!(&text[en[0].span.clone()], "We support One Belt One Road.");
}

#[test]
fn tables_need_a_header_naming_source_and_target() {
    let tsv = "id\tSource\ttarget\n1\t你好\tHello\n2\tA\tB\r\n";
    let units = units(Format::Tsv, tsv);
    assert_eq!(units.len(), 2);
    assert_eq!(units[0].id, "row 2");
    assert_eq!(&tsv[units[1].span.clone()], "B");
    assert_eq!(
        read(Format::Tsv, "a\tb\n1\t2\n", &ReadOptions::default()).unwrap(),
        None
    );
    let options = ReadOptions {
        columns: Some(("zh".into(), "en".into())),
        ..ReadOptions::default()
    };
    assert_eq!(
        read(Format::Tsv, "a\tb\n", &options),
        Err(ReadError::NoColumn("zh".into()))
    );
    let csv = "source,target\n\"一, 二\",\"One, \"\"two\"\"\nthree\"\n";
    let units = read(Format::Csv, csv, &ReadOptions::default())
        .unwrap()
        .unwrap();
    assert_eq!(units[0].source, "一, 二");
    assert_eq!(units[0].target, "One, \"two\"\nthree");
    let q = units[0].target.find('"').unwrap();
    assert_eq!(&csv[units[0].file_range(q..q + 1)], "\"\"");
}

#[test]
fn aligned_files_pair_lines() {
    let units = read_aligned("一\n你好吗？\n", "One\nHow are you.\n").unwrap();
    assert_eq!(units.len(), 2);
    assert_eq!(units[1].id, "line 2");
    assert_eq!(units[1].span, 4..16);
    assert_eq!(
        read_aligned("a\nb\n", "a\n"),
        Err(ReadError::LineCount {
            source_lines: 2,
            target_lines: 1
        })
    );
}

#[test]
fn unit_at_finds_the_target_holding_a_byte() {
    let units = units(Format::Gettext, PO);
    let inside = units[1].span.start + 1;
    assert_eq!(unit_at(&units, inside), Some(1));
    assert_eq!(unit_at(&units, 0), None);
}

mod numbers_tests {
    use super::super::numbers::{chinese_value, unmatched};

    /// The source's numbers that no target number renders.
    fn flagged(source: &str, target: &str) -> Vec<String> {
        unmatched(source, target)
            .0
            .into_iter()
            .map(|n| source[n.range].to_string())
            .collect()
    }

    #[test]
    fn chinese_units_are_multiplied() {
        assert_eq!(
            flagged("共有5万人参加。", "About 5,000 people took part."),
            ["5万"]
        );
        assert!(flagged("共有5万人参加。", "About 50,000 people took part.").is_empty());
        assert!(flagged("共有5万人参加。", "About 50 thousand people took part.").is_empty());
        assert!(flagged("投资1.2亿元", "120 million yuan").is_empty());
        assert!(flagged("投资1.2亿元", "1.2 billion yuan").len() == 1);
    }

    #[test]
    fn locale_forms_agree() {
        assert!(flagged("1,5 %", "1.5%").is_empty());
        assert!(flagged("1 000 fichiers", "1,000 files").is_empty());
        assert!(flagged("1.000 Dateien", "1,000 files").is_empty());
        assert!(flagged("1,234.5", "1.234,5").is_empty());
        assert_eq!(flagged("1,5 %", "15%"), ["1,5"]);
        assert!(flagged("version 1.2.3", "version 1.2.3").is_empty());
        assert_eq!(flagged("version 1.2.3", "version 1.2.4"), ["1.2.3"]);
    }

    #[test]
    fn dates_and_months() {
        assert_eq!(flagged("5月31日", "5 May"), ["31"]);
        assert!(flagged("5月31日", "May 31").is_empty());
        assert!(flagged("5月31日", "31 May").is_empty());
        assert_eq!(flagged("5月31日", "June 31"), ["5"]);
        assert!(flagged("二〇一九年五月", "May 2019").is_empty());
    }

    #[test]
    fn chinese_numerals_count_only_with_a_classifier() {
        assert!(flagged("我们支持一带一路。", "We support the Belt and Road.").is_empty());
        assert!(flagged("统一思想", "unify thinking").is_empty());
        assert_eq!(flagged("三个代表", "The Two Represents"), ["三"]);
        assert!(flagged("三个代表", "The Three Represents").is_empty());
        assert!(flagged("第三次", "the third time").is_empty());
        assert!(flagged("百分之五十", "50 percent").is_empty());
        assert!(flagged("两国", "both countries").is_empty());
    }

    #[test]
    fn chinese_values() {
        assert_eq!(chinese_value("三十五"), Some(35.0));
        assert_eq!(chinese_value("十五"), Some(15.0));
        assert_eq!(chinese_value("两千"), Some(2000.0));
        assert_eq!(chinese_value("五万三千"), Some(53000.0));
        assert_eq!(chinese_value("一亿二千万"), Some(120_000_000.0));
        assert_eq!(chinese_value("二〇一九"), Some(2019.0));
    }

    #[test]
    fn english_words_render_numbers() {
        assert!(flagged("3 files", "three files").is_empty());
        assert!(flagged("25", "twenty-five").is_empty());
        assert!(flagged("200万", "two million").is_empty());
        assert!(flagged("100万", "a million").is_empty());
        assert!(flagged("2 ani", "a two-year siege").is_empty());
    }

    #[test]
    fn multiplier_words_of_other_languages() {
        assert!(flagged("256 миллионов рублей", "256 million roubles").is_empty());
        assert!(flagged("более 5 тыс. человек", "more than 5 thousand people").is_empty());
        assert!(flagged("20 tuhande elanikuga", "with 20 000 inhabitants").is_empty());
        assert!(flagged("470 de milioane de biciclete", "470 million bicycles").is_empty());
        assert!(flagged("1,2 миллиарда записей", "1.2 billion records").is_empty());
        assert_eq!(flagged("5 млн рублей", "5 thousand roubles"), ["5 млн"]);
        // A multiplier no reader knows (Sinhala puts it before the number):
        // the target's `7.5 million` still renders the bare 7.5.
        assert!(flagged("මිලියන 7.5ක", "7.5 million pounds").is_empty());
        // Chinese units are read: 5万 is not 5 thousand.
        assert_eq!(flagged("5万人", "5 thousand people"), ["5万"]);
    }

    #[test]
    fn other_digits_and_decades() {
        assert!(flagged("२०१० मा", "in 2010").is_empty());
        assert_eq!(flagged("२०१० मा", "in 2001"), ["२०१०"]);
        assert!(flagged("11 : 45 - заморозки", "11.45am - frosts").is_empty());
        assert!(flagged("6 p.m.", "18.00").is_empty());
        assert!(flagged("Server Error (500)", "ಸರ್ವರ್ ದೋಷ (೫೦೦)").is_empty());
        assert!(flagged("IPv4 address", "အိုင်ပီဗီ၄လိပ်စာ").is_empty());
        assert_eq!(flagged("11 : 45", "11.50am"), ["45"]);
        assert!(flagged("३ सय", "300").is_empty());
        // Nepali years are Bikram Sambat; their days are not held.
        assert!(flagged("२०७२ बैशाख १२ गते", "April 25 , 2015").is_empty());
        assert!(flagged("२०७२ साल", "in 2016").is_empty());
        assert_eq!(flagged("२०७२ साल", "in 2027"), ["२०७२"]);
        assert!(flagged("în anii ' 90", "in the 1990s").is_empty());
        assert_eq!(flagged("în anii ' 80", "in the 1990s"), ["80"]);
    }
}

mod placeholder_tests {
    use super::super::placeholders::{compare, find, spaced};

    #[test]
    fn kinds_of_placeholder() {
        let found: Vec<String> =
            find("%s %1$d %(n)s %% {0} {name} {{ x }} ${v} <b a='1'> </b> <br/> 50% off")
                .into_iter()
                .map(|p| p.written)
                .collect();
        assert_eq!(
            found,
            [
                "%s",
                "%1$d",
                "%(n)s",
                "{0}",
                "{name}",
                "{{ x }}",
                "${v}",
                "<b a='1'>",
                "</b>",
                "<br/>"
            ]
        );
    }

    #[test]
    fn order_and_position_are_free_but_kinds_are_not() {
        assert!(compare(&find("%1$s %2$d"), &find("%d %s")).is_empty());
        let d = compare(&find("%s and %d"), &find("%d"));
        assert_eq!(d.missing, ["%s"]);
        let d = compare(&find("<b>x</b>"), &find("<i>x</i>"));
        assert_eq!(d.missing, ["<b>", "</b>"]);
        assert_eq!(d.added.len(), 2);
    }

    #[test]
    fn spaced_placeholders_are_found() {
        let missing = vec!["{count}".to_string(), "%s".to_string()];
        let found = spaced("Supprimer { count } fichiers de % s", &missing);
        let got: Vec<&str> = found.iter().map(|(_, w)| w.as_str()).collect();
        assert_eq!(got, ["{count}", "%s"]);
        assert!(spaced("100 % sûr", &["%d".to_string()]).is_empty());
    }
}

mod check_tests {
    use super::super::Unit;
    use super::super::checks::{Check, Term};

    fn unit(source: &str, target: &str) -> Unit {
        let mut unit = Unit {
            source: source.into(),
            span: 0..target.len(),
            ..Unit::default()
        };
        unit.push_verbatim(target, 0);
        unit
    }

    #[test]
    fn untranslated_targets() {
        let run = |s: &str, t: &str| Check::Untranslated.run(&unit(s, t));
        assert_eq!(run("共有5万人参加。", "共有5万人参加。").len(), 1);
        let left = run("他们用人民币支付。", "They paid in 人民币 yesterday.");
        assert_eq!(left.len(), 1);
        assert!(left[0].detail.contains("人民币"));
        assert!(run("OK", "OK").is_empty());
        assert!(run("他们用人民币支付。", "They paid in renminbi.").is_empty());
        assert!(
            run("東京", "東京タワー").is_empty(),
            "a CJK target is not flagged for CJK"
        );
        assert_eq!(run("ඉෂා සලාතය", "the ඉෂා prayer").len(), 1);
        // A Latin source kept as it is: running text is flagged, a title
        // or a product name is not.
        assert_eq!(
            run(
                "Save your changes before closing",
                "Save your changes before closing"
            )
            .len(),
            1
        );
        assert!(run("Star Wars Fallen order .", "Star Wars Fallen order .").is_empty());
        // A Latin source's sentence left inside the translation: its words
        // are the source's, and the language detector reads them as French.
        let left = run(
            "Le ministre a dit que la situation économique reste très difficile dans toute la région.",
            "The minister said that la situation économique reste très difficile dans toute la région.",
        );
        assert_eq!(left.len(), 1, "{left:?}");
        assert!(left[0].detail.contains("French"), "{}", left[0].detail);
        assert!(
            run(
                "Le ministre a dit que la situation économique reste très difficile dans toute la région.",
                "The minister said that the economic situation remains very difficult in the whole region.",
            )
            .is_empty()
        );
        // French words that are not the source's (a motto quoted by the
        // translator) are not this check's business.
        assert!(
            run(
                "Il a cité la devise de la ville.",
                "He quoted the city's motto, fluctuat nec mergitur, and la ville lumière est toujours belle.",
            )
            .is_empty()
        );
        assert!(
            run(
                "CoolerMaster MasterWatt Lite 600W",
                "CoolerMaster MasterWatt Lite 600W"
            )
            .is_empty()
        );
    }

    #[test]
    fn plural_forms_share_their_placeholders() {
        let run = |u: &Unit| Check::Placeholders.run(u);
        // Symfony forms joined by `|`: three forms for two is no error, nor
        // a singular that spells its number out.
        let forms = unit(
            "at least {{ limit }} choice.|at least {{ limit }} choices.",
            "хотя бы {{ limit }} вариант.|хотя бы {{ limit }} варианта.|хотя бы {{ limit }} вариантов.",
        );
        assert!(run(&forms).is_empty());
        let spelled = unit(
            "exactly {{ limit }} character.|exactly {{ limit }} characters.",
            "tasan yhden merkin.|tasan {{ limit }} merkkiä.",
        );
        assert!(run(&spelled).is_empty());
        // A PO plural form may take the other form's placeholder...
        let mut form = unit("a second ago", "%(count)s секунду назад");
        form.plural = Some("%(count)s seconds ago".into());
        assert!(run(&form).is_empty());
        // ...but not one of neither.
        let mut form = unit("a second ago", "%(name)s секунду назад");
        form.plural = Some("%(count)s seconds ago".into());
        assert_eq!(run(&form).len(), 1);
        // Typographic tags a language adds are no error; dropped ones are.
        assert!(run(&unit("{}st", "{}<sup>er</sup>")).is_empty());
        assert_eq!(
            run(&unit("Click <b>Save</b>", "Cliquez sur Enregistrer")).len(),
            1
        );
        // A named placeholder may be used once or twice.
        assert!(
            run(&unit(
                "The {name} was added. Add another {name}.",
                "{name} wurde hinzugefügt."
            ))
            .is_empty()
        );
        assert!(
            run(&unit(
                "Delete %(name)s?",
                "%(name)s löschen? %(name)s wird entfernt."
            ))
            .is_empty()
        );
        // Outside plurals, the count matters.
        assert_eq!(run(&unit("%s and %s", "%s et")).len(), 1);
    }

    #[test]
    fn a_placeholder_spaced_otherwise_is_fixed() {
        let target = "Значение {{limit}} слишком длинное.";
        let found = Check::Placeholders.run(&unit("The value {{ limit }} is too long.", target));
        assert_eq!(found.len(), 1, "{found:?}");
        assert_eq!(&target[found[0].range.clone()], "{{limit}}");
        assert_eq!(found[0].replacement.as_deref(), Some("{{ limit }}"));
        let target = "Supprimer { count } fichiers ?";
        let found = Check::Placeholders.run(&unit("Delete {count} files?", target));
        assert_eq!(found[0].replacement.as_deref(), Some("{count}"));
        assert_eq!(&target[found[0].range.clone()], "{ count }");
    }

    #[test]
    fn a_target_in_the_source_language_may_equal_it() {
        let mut same = unit(
            "Save your changes before closing",
            "Save your changes before closing",
        );
        same.same_language = true;
        assert!(Check::Untranslated.run(&same).is_empty());
        assert!(super::super::same_language("en_GB", "en-US"));
        assert!(!super::super::same_language("en", "fr"));
    }

    #[test]
    fn a_number_finding_points_at_the_number_that_differs() {
        let target = "About 5,000 people took part.";
        let found = Check::Numbers.run(&unit("共有5万人参加。", target));
        assert_eq!(found.len(), 1);
        assert_eq!(&target[found[0].range.clone()], "5,000");
        assert!(found[0].detail.contains("`5万`"), "{}", found[0].detail);
        // Two numbers changed: each points at its own.
        let target = "It rose 35% in 2018 and 12% in 2020.";
        let found = Check::Numbers.run(&unit("2019年增长3.5%，2020年增长12%。", target));
        let pointed: Vec<&str> = found.iter().map(|p| &target[p.range.clone()]).collect();
        assert_eq!(pointed, ["2018", "35"]);
        // A number word or a month does not stand for digits.
        let target = "On the one hand, it was held in March.";
        let found = Check::Numbers.run(&unit("2020 : в марте", target));
        assert_eq!(found[0].range, 0..target.len());
        // Nothing in the target stands for it: the whole target.
        let target = "The meeting was held.";
        let found = Check::Numbers.run(&unit("会议于5月31日举行。", target));
        assert_eq!(found.len(), 2);
        assert!(found.iter().all(|p| p.range == (0..target.len())));
    }

    #[test]
    fn a_number_finding_shows_the_source_number_in_english_digits() {
        let shown = |source: &str, target: &str| -> Vec<Option<String>> {
            let found = Check::Numbers.run(&unit(source, target));
            assert!(found.iter().all(|p| p.replacement.is_none()));
            found.into_iter().map(|p| p.shown).collect()
        };
        assert_eq!(
            shown("共有5万人参加。", "About 5,000 people took part."),
            [Some("50,000".to_string())]
        );
        assert_eq!(
            shown(
                "2019年增长3.5%，2020年增长12%。",
                "It rose 35% in 2018 and 12% in 2020."
            ),
            [Some("2019".to_string()), Some("3.5".to_string())]
        );
        // A stand-in in words, or none: nothing to show.
        assert_eq!(
            shown("2020 : в марте", "On the one hand, in March."),
            [None]
        );
        assert_eq!(shown("共有5万人参加。", "Many people took part."), [None]);
    }

    #[test]
    fn term_rules() {
        let term = Check::Term(Term {
            source: vec!["一带一路".into()],
            target: vec!["Belt and Road Initiative".into(), "Belt and Road".into()],
        });
        assert_eq!(
            term.run(&unit("我们支持一带一路。", "We support One Belt One Road."))
                .len(),
            1
        );
        assert!(
            term.run(&unit(
                "我们支持一带一路。",
                "We support the Belt and Road Initiative."
            ))
            .is_empty()
        );
        assert!(
            term.run(&unit("我们支持发展。", "We support One Belt One Road."))
                .is_empty()
        );
    }

    #[test]
    fn endings_and_lengths() {
        assert_eq!(
            Check::FinalPunctuation
                .run(&unit("你好吗？", "How are you."))
                .len(),
            1
        );
        assert!(
            Check::FinalPunctuation
                .run(&unit("你好吗？", "How are you?"))
                .is_empty()
        );
        // Tokenized text: `. . .` is an ellipsis; `: .` ends with a colon.
        let ending = |s: &str, t: &str| Check::FinalPunctuation.run(&unit(s, t)).len();
        assert_eq!(ending("सोचेकी थिईन . . .", "I thought so ..."), 0);
        assert_eq!(ending("его лозунг : .", "its slogan is :"), 0);
        assert_eq!(ending("его лозунг : .", "its slogan is ."), 1);
        // Full stops and question marks of other scripts; Thai has none.
        assert_eq!(ending("Enter a valid time.", "एक मान्य समय दर्ज करें।"), 0);
        assert_eq!(ending("Enter a valid time.", "Մուտքագրեք ժամ։"), 0);
        assert_eq!(ending("Are you sure?", "هل أنت متأكد؟"), 0);
        assert_eq!(ending("Enter a valid time.", "กรุณาใส่เวลาที่ถูกต้อง"), 0);
        assert_eq!(ending("Enter a valid time.", "Ingiza muda sahihi"), 1);
        assert_eq!(ending("6 p.m.", "18:00"), 0);
        assert_eq!(ending("Oct.", "okt"), 0);
        let long = "a sentence long enough to be measured against its translation";
        assert_eq!(Check::LengthRatio.run(&unit(long, "no")).len(), 1);
        assert!(Check::LengthRatio.run(&unit(long, long)).is_empty());
    }
}

/// A number-mismatch note shows the source's number, and no fix applies it,
/// not even with unsafe fixes allowed: it is `DisplayOnly`.
#[test]
fn a_shown_number_is_never_applied() {
    use crate::rule::Applicability;
    use crate::testing::{TestPack, TestRule};
    let engine = TestPack::new("bi")
        .rule(
            TestRule::check("numbers", "number-mismatch")
                .safe()
                .example_translated("共有5万人参加。", "About 5,000 people took part."),
        )
        .engine();
    let target = "About 5,000 people took part.\n";
    let units = read_aligned("共有5万人参加。\n", target).unwrap();
    let notes = super::check(&engine, None, &units);
    assert_eq!(notes.len(), 1);
    let finding = &notes[0].finding;
    let fix = finding.fix.as_ref().expect("a rendering is shown");
    assert_eq!(fix.replacements, ["50,000"]);
    assert_eq!(fix.applicability, Applicability::DisplayOnly);
    assert!(!crate::fix::is_fixable(finding, true));
    let (edits, _) = crate::fix::choose_edits(&engine, std::slice::from_ref(finding), true);
    assert!(edits.is_empty());
}
