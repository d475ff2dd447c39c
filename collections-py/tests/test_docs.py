"""The examples in the docstrings run and give what they show."""

from __future__ import annotations

import doctest
import inspect
from decimal import Decimal
from typing import Any, Dict, List

import pytest

import collections_core as cc
from collections_core import affordability, contact, debt, finance, plan


def docstrings() -> List[Any]:
    found = [
        pytest.param("collections_core", cc.__doc__, id="collections_core"),
        pytest.param("collections_core.finance", finance.__doc__, id="finance"),
        pytest.param("collections_core.debt", debt.__doc__, id="debt"),
        pytest.param("collections_core.affordability", affordability.__doc__, id="affordability"),
        pytest.param("collections_core.contact", contact.__doc__, id="contact"),
        pytest.param("collections_core.plan", plan.__doc__, id="plan"),
    ]
    for name in finance.__all__:
        found.append(pytest.param(f"finance.{name}", getattr(finance, name).__doc__, id=f"finance.{name}"))
    for module, name in (
        [(cc, n) for n in cc.__all__]
        + [(debt, n) for n in debt.__all__]
        + [(affordability, n) for n in affordability.__all__]
        + [(contact, n) for n in contact.__all__]
        + [(plan, n) for n in plan.__all__]
    ):
        obj = getattr(module, name)
        if inspect.isclass(obj) or callable(obj):
            found.append(pytest.param(name, obj.__doc__, id=name))
        if inspect.isclass(obj):
            for attr, member in vars(obj).items():
                doc = getattr(member, "__doc__", None)
                if not attr.startswith("_") and doc and ">>>" in doc:
                    found.append(pytest.param(f"{name}.{attr}", doc, id=f"{name}.{attr}"))
    return found


DOCSTRINGS = docstrings()


def test_there_are_examples() -> None:
    assert sum(">>>" in (p.values[1] or "") for p in DOCSTRINGS) >= 10


@pytest.mark.parametrize(("name", "doc"), DOCSTRINGS)
def test_docstring_examples(name: str, doc: str | None) -> None:
    assert doc, f"{name} has no docstring"
    # The package's names, the finance and debt names (their docstrings call them unqualified) and Decimal.
    globs: Dict[str, Any] = {n: getattr(cc, n) for n in cc.__all__}
    globs.update({n: getattr(finance, n) for n in finance.__all__})
    globs.update({n: getattr(debt, n) for n in debt.__all__})
    globs.update({n: getattr(affordability, n) for n in affordability.__all__})
    globs.update({n: getattr(contact, n) for n in contact.__all__})
    globs.update({n: getattr(plan, n) for n in plan.__all__})
    globs["Decimal"] = Decimal
    test = doctest.DocTestParser().get_doctest(doc, globs, name, None, 0)
    runner = doctest.DocTestRunner(optionflags=doctest.ELLIPSIS)
    result = runner.run(test, out=lambda text: pytest.fail(text))
    assert result.failed == 0
