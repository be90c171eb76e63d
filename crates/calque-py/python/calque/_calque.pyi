"""Type stubs of the native module; see the package docstring."""

from collections.abc import Iterable
from os import PathLike
from typing import Literal, Optional, Sequence, Union

__version__: str

_Path = Union[str, "PathLike[str]"]

class PackError(Exception):
    """A rule pack or config file that cannot be read or is invalid."""

    path: str
    """The file, as it was named."""
    line: Optional[int]
    """1-based line of the error, or None when it has no place."""
    column: Optional[int]
    """1-based column (in characters), or None."""
    rule: Optional[str]
    """The id of the rule at fault, or None."""
    message: str
    """The error without its place."""

class Finding:
    """One finding: the fields of `calque check --format json` (without the
    path) and character offsets, `text[f.start:f.end] == f.matched`."""

    @property
    def rule(self) -> str:
        """The rule's id, `pack/rule`."""
    @property
    def level(self) -> Literal["error", "warning", "info"]: ...
    @property
    def message(self) -> str: ...
    @property
    def matched(self) -> str:
        """The text the finding covers."""
    @property
    def replacements(self) -> list[str]:
        """Suggested replacements, the first being the fix."""
    @property
    def safe(self) -> bool:
        """Whether `fix` applies it without `unsafe=True`."""
    @property
    def line(self) -> int:
        """1-based line of the start."""
    @property
    def column(self) -> int:
        """1-based column of the start, in characters."""
    @property
    def end_line(self) -> int: ...
    @property
    def end_column(self) -> int: ...
    @property
    def byte_start(self) -> int:
        """Byte offset of the start in the text encoded as UTF-8."""
    @property
    def byte_end(self) -> int: ...
    @property
    def start(self) -> int:
        """Character offset of the start in the Python string."""
    @property
    def end(self) -> int:
        """Character offset of the end in the Python string."""

class Linter:
    """Rule packs compiled once; check and fix strings with them.

    The arguments mean what the command line's `--pack`,
    `--no-default-packs`, `--select`, `--ignore` and `--config` mean; no
    config file is looked for unless `config` names one. Raises `PackError`
    for an invalid pack or config, `ValueError` for a name in `select` or
    `ignore` that matches no loaded pack or rule.
    """

    def __init__(
        self,
        packs: Sequence[_Path] = (),
        *,
        default_packs: bool = True,
        select: Optional[Sequence[str]] = None,
        ignore: Optional[Sequence[str]] = None,
        config: Optional[_Path] = None,
        from_: Optional[str] = None,
    ) -> None: ...
    def check(self, text: str, *, filename: Optional[_Path] = None) -> list[Finding]:
        """The findings in `text`, in order; `filename` (".md", ".srt",
        ".po", ...) reads it as that kind of file."""
    def fix(
        self, text: str, *, unsafe: bool = False, filename: Optional[_Path] = None
    ) -> str:
        """`text` with the fixes applied until it stops changing; with
        `unsafe=True`, suggestions too."""
    def check_batch(
        self,
        texts: Iterable[str],
        *,
        filename: Optional[_Path] = None,
        threads: Optional[int] = None,
    ) -> list[list[Finding]]:
        """`check` of each text, on every core (or `threads`), GIL released."""
    def fix_batch(
        self,
        texts: Iterable[str],
        *,
        unsafe: bool = False,
        filename: Optional[_Path] = None,
        threads: Optional[int] = None,
    ) -> list[str]:
        """`fix` of each text, on every core (or `threads`), GIL released."""
