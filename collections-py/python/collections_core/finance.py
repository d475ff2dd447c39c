"""Time value of money in exact decimals (and in floats, for analytics), under numpy-financial's and
pyxirr's names.

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

Three paths, chosen by the arguments:

- Exact: ``decimal.Decimal``, ``int`` or ``str`` arguments give a ``decimal.Decimal``, computed in exact
  decimals (28 significant digits, as Python's default decimal context: ``Decimal("0.08") / 12``, 30
  places in Python, is rounded to 28 on the way in).
- Float: any ``float`` among the arguments (or a float among the cash flows) gives a ``float``, computed
  in f64 by the same rules, for analytics: nothing a float path returns is money. Float results agree
  with the exact path to 1e-9 relative, and with numpy-financial's.
- Arrays: a numpy array, list or tuple among the arguments of ``fv, pv, pmt, nper, ipmt, ppmt, rate``
  (and ``cumipmt, cumprinc``) broadcasts by numpy's rules and gives a numpy array, as numpy-financial
  does. Numeric arrays (float or int) give float64 arrays, computed in Rust over the arrays' buffers
  (no Python object per element, the GIL released); object arrays of ``Decimal`` (or int arrays with a
  ``Decimal`` among the other arguments) give object arrays of ``Decimal``, each row exact. ``when``
  and, for the series functions, ``rate``/``guess`` are single values. ``npv, irr, mirr, xnpv, xirr``
  take the cash flows as any iterable or a one-dimensional numpy array (a float64 array is read from its
  buffer), and the dates of ``xnpv, xirr`` and the APRs may be a ``datetime64[D]`` array. numpy is needed only for arrays and lists: scalar calls never import it.

Differences from numpy-financial:

- Where numpy-financial returns NaN, these raise: ``NoSolutionError`` for a payment that never repays
  (``nper``), cash flows that never change sign, or several rates of return (``irr``, ``xirr``), which
  are listed in the message rather than one being picked; ``InvalidRateError`` for a rate at or below
  -100%; ``InvalidArgumentError`` for a NaN or an infinity, naming the argument. In an array the first
  bad row (in C order) raises, its index in the message and in the exception's ``value``
  (``'-2 at index 1'``): there is no NaN row to overlook.
- ``npv`` discounts the first value at t = 0, like numpy-financial; Excel's NPV discounts it one period
  (Excel's ``NPV(r, v1, ..., vn)`` is ``npv(r, [0, v1, ..., vn])``).
- ``ipmt``/``ppmt`` compute the remaining balance so it cannot cancel (numpy-financial issue #35), on
  both paths.

>>> from decimal import Decimal
>>> round(pmt(Decimal("0.08") / 12, 60, 15000), 6)
Decimal('-304.145914')
>>> round(irr([-100, 39, 59, 55, 20]), 6)
Decimal('0.280948')
>>> round(pmt(0.08 / 12, 60, 15000), 6)
-304.145914
>>> import numpy as np
>>> pmt(np.array([0.05, 0.06]) / 12, 360, 200000)
array([-1073.64324602, -1199.10105031])
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
