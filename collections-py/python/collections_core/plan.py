"""Repayment arrangements: promises to pay, tracking them, settlements, scoring, forecasts, KPIs and treatment.

``PlanTerms`` holds what every arrangement on a set of debts shares (currency, debts, start date, what is
frozen, when a promise counts as kept, policy bounds); ``Arrangement.from_promises(terms, promises,
down_payment=None)`` (or ``from_schedule`` with an amortization ``Schedule``) builds a valid arrangement,
its promises ``(date, amount)`` pairs. ``track(arrangement, payments, as_of, break_rule)`` matches posted
payments to promises earliest first: each promise pending, kept, partially kept or broken, the
arrangement active, completed, broken (by a ``BreakRule``) or cancelled; ``Arrangement.replan`` amortizes
what is left after a break (``ReplanTerms``).

``Scorer(discount_rate, disposable_income)`` scores a plan (``PlanScore``: NPV, recovery ratio,
payment-to-income, expected value with ``Probabilities``); ``rank`` and ``compare_plans`` order plans.
``settle`` settles at a percentage, ``minimum_settlement`` values the ``AlternativePath`` (expected
recoveries less costs, discounted), ``settlement_offers`` applies a ``SettlementPolicy``'s discount bands.
``forecast`` gives expected cash flows of a portfolio by week or month; ``score_many`` and
``forecast_portfolio`` do the same for a long table of promises (pandas, pyarrow or a dict of columns).
The KPIs (``collection_effectiveness_index``, ``days_sales_outstanding``, ``recovery_rate``,
``liquidation_rate``, ``promise_kept_rate``, ``right_party_contact_rate``) and ``roll_rate_matrix``
measure a portfolio; a ``TreatmentPolicy`` recommends the next action for an ``AccountState``.

Amounts are ``Decimal`` (or ``int``/``str``; floats are refused), dates ``datetime.date`` (or
``"YYYY-MM-DD"``), enumerations names. A bad argument raises a ``CollectionsError`` naming the field and
the value. Every class but ``Scorer`` is an immutable value: it compares, hashes and pickles, and
``to_dict()`` gives its fields; the inputs read the core's JSON with ``from_json``. ``Scorer`` pickles
too (as its constructor's arguments), so scorers and plans travel to worker processes; an unpickled
value is checked again like any input.

>>> from collections_core.plan import PlanTerms, Arrangement, track, Scorer
>>> terms = PlanTerms("USD", [("card", 300)], "2026-01-01")
>>> plan = Arrangement.from_promises(terms, [("2026-01-15", 100), ("2026-02-15", 100), ("2026-03-15", 100)])
>>> t = track(plan, [("2026-01-14", 100)], "2026-02-01")
>>> t.status, [p.status for p in t.promises]
('active', ['kept', 'pending', 'pending'])
"""

from __future__ import annotations

from typing import Any, Iterable, Optional

from collections_core._collections_core import (
    ACTIONS,
    AFFORDABILITY_RESULTS,
    ARRANGEMENT_STATUSES,
    CONTACT_OUTCOMES,
    FORECAST_PERIODS,
    PROMISE_STATUSES,
    RANK_BY,
    AccountState,
    AlternativePath,
    Arrangement,
    BreakRule,
    Forecast,
    ForecastRow,
    MinimumSettlement,
    PlanBounds,
    PlanScore,
    PlanTerms,
    Probabilities,
    PromiseTrack,
    ReplanTerms,
    RollMatrix,
    Scorer,
    Settlement,
    SettlementOffer,
    SettlementPolicy,
    Tracking,
    TreatmentPolicy,
    TreatmentRecommendation,
    TreatmentRule,
    collection_effectiveness_index,
    compare_plans,
    days_sales_outstanding,
    forecast,
    forecast_portfolio,
    liquidation_rate,
    minimum_settlement,
    promise_kept_rate,
    rank,
    recovery_rate,
    right_party_contact_rate,
    roll_rate_matrix,
    score_many,
    settle,
    settlement_offers,
    track,
)

Recommendation = TreatmentRecommendation
"""``TreatmentRecommendation`` under the name the treatment policy gives it (``affordability`` has its
own ``Recommendation``)."""



def arrangement(
    currency: Any,
    debts: Iterable[Any],
    start_date: Any,
    promises: Iterable[Any],
    *,
    down_payment: Optional[Any] = None,
    **terms: Any,
) -> Arrangement:
    """An arrangement in one call: ``PlanTerms(currency, debts, start_date, **terms)`` (``freeze_interest``,
    ``freeze_fees``, ``grace_days``, ``tolerance``, ``max_term_months``, ``minimum_installment``,
    ``bounds``), then ``Arrangement.from_promises`` with ``promises`` (``(date, amount)`` pairs) after the
    optional ``down_payment``.

    >>> a = arrangement("USD", [("card", 250)], "2026-01-01", [("2026-02-01", 100), ("2026-03-01", 100)],
    ...     down_payment=("2026-01-01", 50), max_term_months=3)
    >>> a.down_payment[1], a.total_promised
    (Decimal('50'), Decimal('250'))
    """
    return Arrangement.from_promises(PlanTerms(currency, list(debts), start_date, **terms), promises, down_payment)


__all__ = [
    "arrangement",
    "ACTIONS",
    "AFFORDABILITY_RESULTS",
    "ARRANGEMENT_STATUSES",
    "CONTACT_OUTCOMES",
    "FORECAST_PERIODS",
    "PROMISE_STATUSES",
    "RANK_BY",
    "PlanTerms",
    "PlanBounds",
    "Arrangement",
    "ReplanTerms",
    "BreakRule",
    "track",
    "Tracking",
    "PromiseTrack",
    "Probabilities",
    "Scorer",
    "PlanScore",
    "rank",
    "compare_plans",
    "settle",
    "Settlement",
    "AlternativePath",
    "minimum_settlement",
    "MinimumSettlement",
    "SettlementPolicy",
    "settlement_offers",
    "SettlementOffer",
    "forecast",
    "Forecast",
    "ForecastRow",
    "score_many",
    "forecast_portfolio",
    "collection_effectiveness_index",
    "days_sales_outstanding",
    "recovery_rate",
    "liquidation_rate",
    "promise_kept_rate",
    "right_party_contact_rate",
    "roll_rate_matrix",
    "RollMatrix",
    "AccountState",
    "TreatmentRule",
    "TreatmentPolicy",
    "TreatmentRecommendation",
    "Recommendation",
]
