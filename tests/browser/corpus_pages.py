"""The whole corpus in the store, and the reading view's document frame once the page's
script has prepared it (names marked, evidence highlighted, frame sized)."""

import re
from functools import cache

from filings import ingest
from tests.corpus import main_rows

# White space as the page's script folds it (JavaScript's \s plus the zero-width characters
# the stored text drops): the frame's text and the stored text agree on everything else.
SPACES = re.compile(
    "[\t\n\v\f\r \u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000\ufeff\u200b\u2060]+"
)


def squeeze(text: str) -> str:
    return SPACES.sub("", text)


@cache
def _prepared() -> tuple:
    # Parsing and rendering is most of the cost of loading the corpus; do it once a process.
    return tuple(ingest.prepare(row.read(), row.name) for row in main_rows())


def load_corpus() -> None:
    """Store every corpus filing (the damaged copies aside)."""
    for prepared in _prepared():
        result = ingest.store(prepared)
        assert result.ok, result.message


PREPARED = """() => {
  const frame = document.querySelector('#document-frame');
  return !!frame && (frame.dataset.prepared || '').endsWith('/content');
}"""


def open_reading_view(page, url: str) -> None:
    """Open a reading-view URL and wait until the script has prepared its frame."""
    page.goto(url)
    page.wait_for_function(PREPARED, timeout=120_000, polling=50)


def reload_frame_without_names(page) -> None:
    """The same document as the page shows it when the filing names nobody."""
    page.evaluate(
        """() => {
          document.getElementById('known-names').textContent = '[]';
          const frame = document.querySelector('#document-frame');
          delete frame.dataset.prepared;
          frame.src = frame.src;
        }"""
    )
    page.wait_for_function(PREPARED, timeout=120_000, polling=50)
