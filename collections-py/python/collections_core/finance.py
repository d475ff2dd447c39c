"""Time value of money in exact decimals, under numpy-financial's and pyxirr's names.

``fv, pv, pmt, nper, ipmt, ppmt, rate, npv, irr, mirr`` have numpy-financial's signatures, defaults and
sign convention (money paid out is negative; ``when`` is ``'end'``/``'begin'`` or 0/1), so a notebook can
switch with ``import collections_core.finance as npf``. ``cumipmt`` and ``cumprinc`` are Excel's
CUMIPMT and CUMPRINC with the same signs; ``xnpv`` and ``xirr`` take pyxirr's ``dates, amounts`` and a
day count (Actual/365 Fixed by default).

Annual percentage rates: ``apr_regulation_z`` is the US Regulation Z actuarial APR (12 CFR 1026,
Appendix J), returning a ``RegulationZApr`` with the unit period, the irregular-transaction test and the
section 1026.22(a) tolerance; ``aprc_eu`` is the EU APRC (Directive 2008/48/EC, Annex I), returning an
``Aprc`` (percent rounded half up, and the unrounded rate). Both take ``dates, amounts`` pairs of
arguments for the money lent and the money repaid, all amounts positive.

Differences from numpy-financial:

- Arguments are ``decimal.Decimal``, ``int`` or ``str`` and results are ``decimal.Decimal``; floats are
  refused for now (``InvalidArgumentError``). Array broadcasting and a float64 path are planned.
- Values hold 28 significant digits, as Python's default decimal context does: ``Decimal("0.08") / 12``
  (30 places in Python) is rounded to 28 places on the way in.
- ``npv`` discounts the first value at t = 0, like numpy-financial; Excel's NPV discounts it one period
  (Excel's ``NPV(r, v1, ..., vn)`` is ``npv(r, [0, v1, ..., vn])``).
- ``ipmt``/``ppmt`` compute the remaining balance so it cannot cancel (numpy-financial issue #35).
- Where numpy-financial returns NaN, these raise ``NoSolutionError``: a payment that never repays
  (``nper``), cash flows that never change sign, or several rates of return (``irr``, ``xirr``), which
  are listed in the message rather than one being picked.

>>> from decimal import Decimal
>>> round(pmt(Decimal("0.08") / 12, 60, 15000), 6)
Decimal('-304.145914')
>>> round(irr([-100, 39, 59, 55, 20]), 6)
Decimal('0.280948')
"""

from __future__ import annotations

from collections_core._collections_core import (
    Aprc,
    RegulationZApr,
    apr_regulation_z,
    aprc_eu,
    cumipmt,
    cumprinc,
    fv,
    ipmt,
    irr,
    mirr,
    nper,
    npv,
    pmt,
    ppmt,
    pv,
    rate,
    xirr,
    xnpv,
)

__all__ = [
    "fv",
    "pv",
    "pmt",
    "nper",
    "ipmt",
    "ppmt",
    "rate",
    "npv",
    "irr",
    "mirr",
    "cumipmt",
    "cumprinc",
    "xnpv",
    "xirr",
    "apr_regulation_z",
    "RegulationZApr",
    "aprc_eu",
    "Aprc",
]
