"""The Python API against the command line on the same texts."""

import json
import textwrap

import pytest

import calque

JSON_FIELDS = [
    "rule", "level", "message", "matched", "replacements", "safe",
    "line", "column", "end_line", "end_column", "byte_start", "byte_end",
]


@pytest.fixture(scope="module")
def linter() -> calque.Linter:
    return calque.Linter()


def as_cli_record(finding: calque.Finding) -> dict:
    return {name: getattr(finding, name) for name in JSON_FIELDS}


def cli_records(run_cli, text: str, *args: str) -> list:
    records = json.loads(run_cli(["check", "--format", "json", *args, "-"], text))
    for r in records:
        del r["path"]
    return records


def test_the_readme_sentence(linter):
    assert linter.fix("XI reaffirmed the long -term plan.") == "Xi reaffirmed the long-term plan."


def test_check_of_the_seed_is_the_cli_json(linter, run_cli, seed_text):
    findings = linter.check(seed_text)
    assert findings, "the seed has known errors"
    for f in findings:
        assert seed_text[f.start:f.end] == f.matched
    assert [as_cli_record(f) for f in findings] == cli_records(run_cli, seed_text)


def test_character_offsets_past_non_ascii_text(linter, run_cli):
    text = "Zhōngguó — «déjà vu» 中国 🙂\nXI reaffirmed the long -term plan.\n"
    findings = linter.check(text)
    assert len(findings) >= 2
    for f in findings:
        assert text[f.start:f.end] == f.matched
        assert f.byte_start != f.start  # the bytes before are not all ASCII
    assert [as_cli_record(f) for f in findings] == cli_records(run_cli, text)


def test_markup_is_read_by_file_name(linter, run_cli):
    text = "XI spoke.\n\n```\nXI reaffirmed the long -term plan.\n```\n"
    plain = linter.check(text)
    markdown = linter.check(text, filename="notes.md")
    assert [f.line for f in plain] == [1, 4, 4]
    assert [f.line for f in markdown] == [1]  # the code block is not prose
    cli = cli_records(run_cli, text, "--stdin-filename", "notes.md")
    assert [as_cli_record(f) for f in markdown] == cli
    assert linter.fix(text, filename="notes.md") == run_cli(
        ["fix", "--stdin-filename", "notes.md", "-"], text
    )
    assert linter.fix_batch([text], filename="notes.md") == [linter.fix(text, filename="notes.md")]


def test_fix_is_the_cli_fix(linter, run_cli, seed_text):
    assert linter.fix(seed_text) == run_cli(["fix", "-"], seed_text)
    assert linter.fix(seed_text, unsafe=True) == run_cli(["fix", "--unsafe", "-"], seed_text)
    assert linter.fix(seed_text) != linter.fix(seed_text, unsafe=True)


def test_fix_batch_of_the_seed_lines_is_the_cli_fix_of_them_joined(run_cli, seed_text):
    # With `from` named, no pack depends on the evidence of one segment
    # (fix_batch) against that of the whole stream (`fix -`).
    lines = seed_text.splitlines()
    fixed = calque.Linter(from_="any").fix_batch(lines)
    assert len(fixed) == len(lines)
    assert "".join(line + "\n" for line in fixed) == run_cli(
        ["--from", "any", "fix", "-"], "".join(line + "\n" for line in lines)
    )
    assert fixed != lines


def test_batches_take_any_iterable_and_equal_one_call_each(linter, seed_text):
    lines = seed_text.splitlines()
    assert linter.fix_batch(iter(lines), threads=1) == [linter.fix(t) for t in lines]
    assert linter.fix_batch((t for t in lines), unsafe=True) == [
        linter.fix(t, unsafe=True) for t in lines
    ]
    assert linter.check_batch(tuple(lines)) == [linter.check(t) for t in lines]
    assert linter.fix_batch([]) == []
    with pytest.raises(TypeError):
        linter.fix_batch("one string")
    with pytest.raises(TypeError):
        linter.fix_batch(["a", 3])


def test_select_and_ignore_choose_rules(run_cli, seed_text):
    rule = "spacing-punctuation/space-before-compound-hyphen"
    only = calque.Linter(select=[rule]).check(seed_text)
    assert only and {f.rule for f in only} == {rule}
    assert [as_cli_record(f) for f in only] == cli_records(run_cli, seed_text, "--select", rule)
    without = calque.Linter(ignore=["spacing-punctuation"]).check(seed_text)
    assert not any(f.rule.startswith("spacing-punctuation/") for f in without)
    assert calque.Linter(default_packs=False).check(seed_text) == []
    with pytest.raises(ValueError, match="did you mean"):
        calque.Linter(select=["spacing-punctuatio"])


BROKEN = textwrap.dedent(
    """\
    [pack]
    name = "broken"
    description = "a pack with an invalid regex"

    [[rule]]
    id = "unclosed"
    pattern = '(abc'
    message = "m"
    examples = [{ bad = "abc" }]
    """
)


def test_a_broken_pack_raises_pack_error_with_its_place(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "broken.toml").write_text(BROKEN)
    with pytest.raises(calque.PackError) as caught:
        calque.Linter(packs=["broken.toml"])
    e = caught.value
    assert e.path == "broken.toml"
    assert e.line == 7
    assert e.column is not None
    assert e.rule == "unclosed"  # the id as the pack writes it
    assert "broken.toml:7:" in str(e)
    # str(e) is the command line's one-line message: place, rule, message.
    assert " ".join(e.message.split()) in " ".join(str(e).split())


def test_a_missing_pack_raises_pack_error_without_a_place(tmp_path):
    with pytest.raises(calque.PackError) as caught:
        calque.Linter(packs=[tmp_path / "none.toml"])
    assert caught.value.path == str(tmp_path / "none.toml")
    assert caught.value.line is None


def test_a_config_file_chooses_the_packs(tmp_path, seed_text):
    (tmp_path / "mine.toml").write_text(
        BROKEN.replace("(abc", "abc").replace('"broken"', '"mine"').replace("abc", "Moscow")
    )
    (tmp_path / "calque.toml").write_text('packs = ["mine.toml"]\ndefault-packs = false\n')
    found = calque.Linter(config=tmp_path / "calque.toml").check(seed_text)
    assert found and {f.rule for f in found} == {"mine/unclosed"}
    (tmp_path / "bad.toml").write_text("selct = []\n")
    with pytest.raises(calque.PackError) as caught:
        calque.Linter(config=tmp_path / "bad.toml")
    assert caught.value.line == 1


def test_from_decides_where_a_language_pack_applies():
    segment = "They spoke of a community with a common future."
    assert calque.Linter().check(segment) == []  # no evidence in one segment
    assert calque.Linter(from_="zh").check(segment) != []
    with pytest.raises(ValueError):
        calque.Linter(from_="Chinese")
