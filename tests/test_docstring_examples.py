"""Every ``>>>`` example in a docstring of the package runs and gives what it shows."""

from __future__ import annotations

import doctest
import importlib
import pkgutil

import pytest

import quoteattr

MODULES = sorted(m.name for m in pkgutil.walk_packages(quoteattr.__path__, "quoteattr.")
                 if m.name != "quoteattr.__main__")


@pytest.mark.parametrize("name", MODULES)
def test_docstring_examples_give_what_they_show(name: str) -> None:
    result = doctest.testmod(importlib.import_module(name), optionflags=doctest.ELLIPSIS)
    assert result.failed == 0, f"{result.failed} docstring example(s) of {name} fail"
