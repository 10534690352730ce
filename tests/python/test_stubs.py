"""The hand-written stub _core.pyi and the compiled module stay in step."""

from __future__ import annotations

import ast
import inspect
from pathlib import Path

import pytest

import dtiplan
from dtiplan import _core

STUB = Path(dtiplan.__file__).with_name("_core.pyi")


def _public(name: str) -> bool:
    return not name.startswith("_")


def _names(body: list[ast.stmt]) -> set[str]:
    names: set[str] = set()
    for node in body:
        if isinstance(node, (ast.ClassDef, ast.FunctionDef, ast.AsyncFunctionDef)):
            names.add(node.name)
        elif isinstance(node, ast.AnnAssign) and isinstance(node.target, ast.Name):
            names.add(node.target.id)
        elif isinstance(node, ast.Assign):
            names.update(t.id for t in node.targets if isinstance(t, ast.Name))
    return {n for n in names if _public(n)}


def _stub_tree() -> ast.Module:
    return ast.parse(STUB.read_text(encoding="utf-8"), filename=str(STUB))


def _stub_classes() -> dict[str, ast.ClassDef]:
    return {n.name: n for n in _stub_tree().body if isinstance(n, ast.ClassDef)}


def test_stub_and_py_typed_are_installed() -> None:
    assert STUB.is_file()
    assert STUB.with_name("py.typed").is_file()


def test_module_names_match_the_stub() -> None:
    runtime = {n for n in vars(_core) if _public(n) and not inspect.ismodule(getattr(_core, n))}
    stub = _names(_stub_tree().body)
    assert runtime - stub == set(), "in the module, missing from _core.pyi"
    assert stub - runtime == set(), "in _core.pyi, missing from the module"


@pytest.mark.parametrize("name", sorted(_stub_classes()))
def test_class_members_match_the_stub(name: str) -> None:
    cls = getattr(_core, name)
    runtime = {n for n in vars(cls) if _public(n)}
    stub = _names(_stub_classes()[name].body)
    assert runtime - stub == set(), f"{name}: in the module, missing from _core.pyi"
    assert stub - runtime == set(), f"{name}: in _core.pyi, missing from the module"


@pytest.mark.parametrize("name", sorted(_stub_classes()))
def test_every_binding_has_a_docstring(name: str) -> None:
    cls = getattr(_core, name)
    assert cls.__doc__, name
    for member, value in vars(cls).items():
        if _public(member) and callable(value) and not isinstance(value, cls):
            assert getattr(cls, member).__doc__, f"{name}.{member}"


def test_every_function_has_a_docstring() -> None:
    for name, value in vars(_core).items():
        if _public(name) and callable(value) and not isinstance(value, type):
            # pybind11 puts the signature on the first line; the docstring follows it.
            assert value.__doc__ and len(value.__doc__.strip().splitlines()) > 1, name
