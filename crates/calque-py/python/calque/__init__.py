"""calque: find and fix the damage machine translation leaves in English text.

>>> import calque
>>> linter = calque.Linter()
>>> linter.fix("XI reaffirmed the long -term plan.")
'Xi reaffirmed the long-term plan.'

`Linter` loads rule packs once (the built-in ones, extra pack files, a
calque.toml); `check` returns `Finding`s, `fix` the fixed text;
`check_batch` and `fix_batch` work through many segments on every core
with the GIL released. An invalid pack raises `PackError`.
"""

from ._calque import Finding, Linter, PackError, __version__

__all__ = ["Finding", "Linter", "PackError", "__version__"]
