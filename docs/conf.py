"""Sphinx configuration of the documentation site (``scripts/docs.sh`` builds it into
build/docs/html with warnings as errors; docs/site.md says how)."""

from __future__ import annotations

project = "dtiplan"
author = "dtiplan"
language = "vi"
extensions = ["myst_parser", "sphinx.ext.autodoc"]
source_suffix = {".md": "markdown"}
root_doc = "index"
exclude_patterns = ["notebooks/**", "**/.ipynb_checkpoints"]
myst_heading_anchors = 3
myst_enable_extensions = ["colon_fence"]
# Every link between pages is checked as the site is built: a link to a missing page or anchor is
# a warning, and the build treats warnings as errors (-W). Links to files outside docs/ (sources,
# headers) are not pages and are written as code, not links.
nitpicky = False
autodoc_member_order = "bysource"
autodoc_typehints = "description"
html_theme = "alabaster"
html_title = "dtiplan"
html_static_path: list[str] = []


def setup(app):  # type: ignore[no-untyped-def]
    """Languages of code blocks Pygments does not know: CSV as plain text, JSON with comments as
    JavaScript."""
    from pygments.lexers import JavascriptLexer, TextLexer

    app.add_lexer("csv", TextLexer)
    app.add_lexer("jsonc", JavascriptLexer)
