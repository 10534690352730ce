"""Sphinx configuration of the documentation site (``scripts/docs.sh`` builds it into
build/docs/html with warnings as errors; docs/site.md says how)."""

from __future__ import annotations

import sys
from pathlib import Path

# The site's own extensions (docs/_ext/): the C++ reference from the headers, and the notebooks
# with their outputs.
sys.path.insert(0, str(Path(__file__).parent / "_ext"))

project = "dtiplan"
author = "dtiplan"
language = "vi"
# myst_nb reads Markdown pages (with myst-parser) and the notebooks of docs/notebooks/.
extensions = ["myst_nb", "sphinx.ext.autodoc", "cpp_headers", "executed_notebooks"]
source_suffix = {".md": "myst-nb", ".ipynb": "myst-nb"}
root_doc = "index"
exclude_patterns = ["_ext/**", "**/.ipynb_checkpoints"]
# The notebooks are rendered with the outputs of their run in the tests (build/notebooks/), or
# of a run the build makes itself when that copy is missing or stale (docs/_ext/
# executed_notebooks.py); myst-nb executes nothing.
nb_execution_mode = "off"
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
# Room for the code blocks of the references and the notebooks (alabaster's default is 940px).
html_theme_options = {"page_width": "1240px", "sidebar_width": "260px"}
html_static_path: list[str] = []


def constant_doc(app, what, name, obj, options, lines):  # type: ignore[no-untyped-def]
    """A constant documented under the name ``dtiplan`` exports it by (``dtiplan.ILLUSTRATIVE_
    LABEL``) takes the ``#:`` comment written above it in the module that defines it, not the
    docstring of its type (``dict``, ``str``) autodoc falls back on."""

    def words(text_lines):  # type: ignore[no-untyped-def]
        return [line.strip() for line in text_lines if line.strip()]

    if what != "data" or words(lines) != words((type(obj).__doc__ or "").splitlines()):
        return
    import sys

    from sphinx.pycode import ModuleAnalyzer

    attribute = name.rpartition(".")[2]
    # The modules the package has imported (importing them all would run dtiplan.__main__).
    modules = sorted(m for m in sys.modules if m == "dtiplan" or m.startswith("dtiplan."))
    for module in modules:
        try:
            docs = ModuleAnalyzer.for_module(module).find_attr_docs()
        except Exception:  # noqa: BLE001 - a module without source (the extension)
            continue
        if ("", attribute) in docs:
            lines[:] = list(docs[("", attribute)])
            return
    lines[:] = []


def public_signature(app, what, name, obj, options, signature, return_annotation):  # type: ignore[no-untyped-def]
    """Signatures of compiled functions as users write them: ``dtiplan.Plan`` for the bindings'
    ``dtiplan._core.Plan``, and without the ``self`` pybind11 writes into methods' signatures."""
    import re

    def public(text):  # type: ignore[no-untyped-def]
        return None if text is None else text.replace("dtiplan._core.", "dtiplan.")

    if signature is not None:
        signature = re.sub(r"^\(self(?:: [\w.]+)?(?:, |(?=\)))", "(", signature)
    return public(signature), public(return_annotation)


def setup(app):  # type: ignore[no-untyped-def]
    """Languages of code blocks Pygments does not know: CSV as plain text, JSON with comments as
    JavaScript; the docstrings of exported constants."""
    from pygments.lexers import JavascriptLexer, TextLexer

    app.add_lexer("csv", TextLexer)
    app.add_lexer("jsonc", JavascriptLexer)
    app.connect("autodoc-process-docstring", constant_doc)
    app.connect("autodoc-process-signature", public_signature)
