"""The documentation site cannot fall behind the code (docs/site.md): every name ``dtiplan``
exports is on a page of the Python reference, every header under include/dtiplan/ has its
section in the C++ reference, and the notebooks are shown with the outputs of a current run.
The site itself is built by scripts/docs.sh with warnings as errors."""

from __future__ import annotations

import importlib.util
import os
import re
import sys
from pathlib import Path
from types import ModuleType

import pytest

import dtiplan

ROOT = Path(__file__).resolve().parents[2]
DOCS = ROOT / "docs"
DIRECTIVE = re.compile(
    r"^\.\. auto(?:class|function|data|exception|attribute)::\s+dtiplan\.(\w+)\s*$", re.M
)


def extension(name: str) -> ModuleType:
    """One of the site's own Sphinx extensions (docs/_ext/), imported from its file."""
    if name in sys.modules:
        return sys.modules[name]
    spec = importlib.util.spec_from_file_location(name, DOCS / "_ext" / f"{name}.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module
    spec.loader.exec_module(module)
    return module


def documented(text: str) -> list[str]:
    """The names ``dtiplan.NAME`` that autodoc directives of a page document."""
    return DIRECTIVE.findall(text)


def reference_names() -> list[str]:
    return [n for page in sorted((DOCS / "api").glob("*.md")) for n in documented(page.read_text())]


# --- the Python reference ------------------------------------------------------------------


def test_every_exported_name_is_in_the_python_reference_once() -> None:
    names = reference_names()
    missing = sorted(set(dtiplan.__all__) - set(names))
    assert not missing, f"exported by dtiplan but on no page of docs/api/: {missing}"
    twice = sorted({n for n in names if names.count(n) > 1})
    assert not twice, f"documented more than once in docs/api/: {twice}"
    # A page may not document a top-level name the package does not export (a stale entry).
    stale = sorted(set(names) - set(dtiplan.__all__))
    assert not stale, f"documented as dtiplan.NAME but not exported: {stale}"


#: The public modules whose ``__all__`` holds names ``dtiplan`` does not export itself.
MODULES = [
    "dtiplan.plan",
    "dtiplan.scoring",
    "dtiplan.track",
    "dtiplan.projection",
    "dtiplan.plots",
    "dtiplan.dossiers",
    "dtiplan.collect",
    "dtiplan.rank",
    "dtiplan.rank.scenario",
    "dtiplan.rank.sensitivity",
]


def resolve(path: str) -> object:
    """The object a directive's dotted name stands for, as autodoc finds it: the attribute of the
    module named by all but the last part (``dtiplan.rank.scenario`` is the function the package
    ``dtiplan.rank`` holds, ``dtiplan.collect.Change`` the class of the module)."""
    module, _, name = path.rpartition(".")
    return getattr(importlib.import_module(module), name)


def test_the_names_only_a_module_holds_are_in_the_python_reference() -> None:
    text = "\n".join(page.read_text() for page in (DOCS / "api").glob("*.md"))
    paths = re.findall(r"^\.\. auto(?!module)\w+:: (dtiplan\.[\w.]+)$", text, re.M)
    documented_objects = {id(resolve(path)) for path in paths}
    exported = {id(getattr(dtiplan, name)) for name in dtiplan.__all__}
    missing = []
    for module_name in MODULES:
        module = importlib.import_module(module_name)
        for name in module.__all__:
            value = getattr(module, name)
            if id(value) in exported or id(value) in documented_objects:
                continue
            missing.append(f"{module_name}.{name}")
    assert not missing, f"on no page of docs/api/: {missing}"


def test_a_name_left_out_of_the_pages_is_seen() -> None:
    page = (DOCS / "api" / "plan.md").read_text()
    assert "Plan" in documented(page)
    without = page.replace(".. autoclass:: dtiplan.Plan\n", "")
    assert "Plan" not in documented(without)
    # Names of a submodule are not taken for exported ones.
    assert documented(".. autoclass:: dtiplan.collect.Change\n") == []


def test_every_reference_page_is_in_the_table_of_contents() -> None:
    index = (DOCS / "api" / "index.md").read_text()
    pages = {p.stem for p in (DOCS / "api").glob("*.md")} - {"index"}
    listed = set(re.findall(r"^(\w+)$", index.split("```{toctree}")[1], re.M))
    assert pages == listed


# --- the C++ reference ---------------------------------------------------------------------


def headers() -> list[str]:
    root = ROOT / "include" / "dtiplan"
    return sorted(p.relative_to(root).as_posix() for p in root.rglob("*.hpp"))


def test_every_header_has_one_section_in_the_cpp_reference() -> None:
    cpp = extension("cpp_headers")
    pages, unplaced = cpp.render_pages(ROOT / "include")
    assert unplaced == []
    sections = [
        h for text in pages.values() for h in re.findall(r"^## `dtiplan/(.+)`$", text, re.M)
    ]
    assert sorted(sections) == headers()
    # Each layer's page is in the C++ reference's table of contents.
    index = (DOCS / "cpp" / "index.md").read_text()
    listed = re.findall(r"^(\w+)$", index.split("```{toctree}")[1], re.M)
    assert listed == list(pages)


def test_a_header_in_a_folder_of_no_layer_is_reported(tmp_path: Path) -> None:
    cpp = extension("cpp_headers")
    folder = tmp_path / "dtiplan" / "bao_cao"
    folder.mkdir(parents=True)
    (folder / "mau.hpp").write_text("// Mẫu báo cáo.\n#pragma once\n", encoding="utf-8")
    (tmp_path / "dtiplan" / "version.hpp").write_text("#pragma once\n", encoding="utf-8")
    pages, unplaced = cpp.render_pages(tmp_path)
    assert unplaced == ["bao_cao/mau.hpp"]
    assert "## `dtiplan/version.hpp`" in pages["library"]
    assert all("Mẫu báo cáo" not in text for text in pages.values())


def test_a_header_section_has_its_comment_and_its_declarations() -> None:
    cpp = extension("cpp_headers")
    pages, _ = cpp.render_pages(ROOT / "include")
    target = pages["model"].split("## `dtiplan/model/target.hpp`")[1].split("\n## ")[0]
    # The header's leading comment, with its Vietnamese term.
    assert target.lstrip().startswith("A target (chỉ tiêu) for one milestone year")
    period = pages["track"].split("## `dtiplan/track/period.hpp`")[1].split("\n## ")[0]
    # A function under its heading, the comment written above it before its signature.
    entry = period.split("### `parse_date`")[1]
    assert entry.index("A date as a person writes it") < entry.index(
        "[[nodiscard]] Date parse_date(std::string_view text);"
    )
    # A struct with its members' comments.
    assert "### struct `Period`" in period
    assert "int index = 1;  ///< month 1..12, quarter 1..4, 0 for a year" in period


def test_function_bodies_and_private_members_are_left_out() -> None:
    cpp = extension("cpp_headers")
    pages, _ = cpp.render_pages(ROOT / "include")
    library = pages["library"]
    progress = library.split("### class `Progress`")[1].split("```")[1]
    assert "[[nodiscard]] bool stopped() const noexcept;" in progress
    assert "bool keep_going(std::size_t done);" in progress
    assert "return stopped_" not in progress and "last_done_" not in progress
    model = pages["model"]
    target_value = model.split("### struct `TargetValue`")[1].split("```")[1]
    assert "[[nodiscard]] bool met(double observed) const noexcept;" in target_value
    assert "switch" not in target_value


def test_a_header_the_reader_cannot_follow_still_gets_its_section() -> None:
    cpp = extension("cpp_headers")
    text = (
        "// Chỉ tiêu của kế hoạch: <vector> and a_b stay as written.\n"
        "#pragma once\n"
        "namespace dtiplan {\n"
        "/// Số liệu minh họa (không phải số liệu chính thức).\n"
        "inline constexpr char kQuote = '{';\n"
        "struct Broken {\n"
        "    int a = 1'000;\n"
        "    void f() { if (a) {\n"
        "}  // namespace dtiplan\n"
    )
    header = cpp.parse_header(text, "dtiplan/broken.hpp")
    section = cpp.render_header(header)
    assert section.startswith("## `dtiplan/broken.hpp`")
    assert r"Chỉ tiêu của kế hoạch: \<vector\> and a\_b stay as written." in section
    assert "### `kQuote`" in section and "Số liệu minh họa" in section
    assert "struct Broken" in section


# --- the notebooks -------------------------------------------------------------------------


def test_the_site_takes_a_notebooks_executed_copy_only_while_it_is_current(tmp_path: Path) -> None:
    nbformat = pytest.importorskip("nbformat")
    notebooks = extension("executed_notebooks")
    source = tmp_path / "top10.ipynb"
    notebook = nbformat.v4.new_notebook()
    notebook.cells = [
        nbformat.v4.new_markdown_cell("# Khả năng vào top 10"),
        nbformat.v4.new_code_cell("1 + 1"),
    ]
    nbformat.write(notebook, source)
    copy = tmp_path / "build" / "top10.ipynb"
    assert notebooks.current_copy(source, copy, package_time=0.0) is None  # none yet

    executed = nbformat.read(source, as_version=4)
    executed.cells[1].outputs = [
        nbformat.v4.new_output("execute_result", {"text/plain": "2"}, execution_count=1)
    ]
    notebooks.save_copy(executed, copy)
    found = notebooks.current_copy(source, copy, package_time=0.0)
    assert found is not None and found.cells[1].outputs[0]["data"]["text/plain"] == "2"
    # Older than the installed package: its outputs may be out of date.
    assert notebooks.current_copy(source, copy, package_time=copy.stat().st_mtime + 10) is None
    # The notebook edited since the run: the copy is not taken.
    notebook.cells[1].source = "1 + 2"
    nbformat.write(notebook, source)
    os.utime(copy)
    assert notebooks.current_copy(source, copy, package_time=0.0) is None
