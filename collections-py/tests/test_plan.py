"""collections_core.plan: arrangements, tracking, re-planning, scoring, forecasts, settlements, KPIs,
treatment, and the table entry points score_many and forecast_portfolio.

Every expected value is worked by hand in the comment beside it.
"""

from __future__ import annotations

import datetime
import json
import pickle
from decimal import Decimal
from typing import Any, Dict, List, Tuple

import pytest

import collections_core as cc
from collections_core.affordability import Household, Statement, assess
from collections_core import plan
from collections_core.debt import Account, AgingRules
from collections_core.plan import (
    ACTIONS,
    PROMISE_STATUSES,
    AccountState,
    AlternativePath,
    Arrangement,
    BreakRule,
    PlanBounds,
    PlanTerms,
    Probabilities,
    Recommendation,
    ReplanTerms,
    Scorer,
    SettlementPolicy,
    TreatmentPolicy,
    TreatmentRecommendation,
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

D = datetime.date
Q4 = Decimal("0.0001")


def three_hundred() -> Arrangement:
    """300 owed on a card from 2026-01-01, promised as 100 on the 15th of January, February, March."""
    terms = PlanTerms("USD", [("card", 300)], "2026-01-01")
    return Arrangement.from_promises(terms, [("2026-01-15", 100), ("2026-02-15", 100), ("2026-03-15", 100)])


# ---------------------------------------------------------------- arrangements


def test_arrangement_from_promises_with_a_down_payment() -> None:
    terms = PlanTerms("USD", [("card", 200), ("loan", 100)], "2026-01-01")
    plan = Arrangement.from_promises(
        terms, [("2026-02-01", 90), ("2026-03-01", 90), ("2026-04-01", 90)], down_payment=("2026-01-01", 30)
    )
    # 200 + 100 owed; 30 + 3 x 90 = 300 promised, the down payment first.
    assert plan.balance == 300
    assert plan.total_promised == 300
    assert plan.down_payment == (D(2026, 1, 1), Decimal(30))
    assert [p[1] for p in plan.promises] == [30, 90, 90, 90]
    assert len(plan.installments) == 3
    assert plan.frozen_period == (D(2026, 1, 1), D(2026, 4, 1))
    assert plan.currency == cc.Currency("USD")
    assert plan.debts == (("card", Decimal(200), Decimal(0)), ("loan", Decimal(100), Decimal(0)))
    # Split 2:1 by balance: 30 is 20.00 + 10.00, 90 is 60.00 + 30.00.
    assert plan.debt_shares()[0] == (Decimal("20.00"), Decimal("10.00"))
    assert plan.debt_shares()[1] == (Decimal("60.00"), Decimal("30.00"))
    assert plan.freeze_interest and plan.freeze_fees and plan.cancelled_on is None
    again = Arrangement.from_json(plan.to_json())
    assert again == plan and hash(again) == hash(plan)
    assert pickle.loads(pickle.dumps(plan)) == plan


def test_frozen_interest_caps_the_promises_at_the_balance() -> None:
    promises: List[Any] = [("2026-02-01", 150), ("2026-03-01", 151)]
    with pytest.raises(cc.InvalidArgumentError) as e:
        Arrangement.from_promises(PlanTerms("USD", [("card", 300)], "2026-01-01"), promises)
    # 150 + 151 = 301 > 300 with interest frozen.
    assert (e.value.field, Decimal(e.value.value or "")) == ("promises", Decimal(301))
    thawed = PlanTerms("USD", [("card", 300, "0.2")], "2026-01-01", freeze_interest=False)
    assert Arrangement.from_promises(thawed, promises).total_promised == 301


@pytest.mark.parametrize(
    ("promises", "value"),
    [
        ([("2026-03-01", 100), ("2026-02-01", 100)], "promise #1 on 2026-02-01"),  # out of order
        ([("2026-02-01", 100), ("2026-02-01", 100)], "promise #1 on 2026-02-01"),  # the same day twice
        ([("2025-12-31", 100)], "promise #0 on 2025-12-31"),  # before the start
        ([("2026-02-01", 0)], "promise #0: 0"),  # not above zero
        ([("2026-02-01", "10.001")], "promise #0: 10.001"),  # below a cent
        ([], "[]"),  # no installment
    ],
)
def test_bad_promises_name_the_promise(promises: List[Any], value: str) -> None:
    with pytest.raises(cc.InvalidArgumentError) as e:
        Arrangement.from_promises(PlanTerms("USD", [("card", 300)], "2026-01-01"), promises)
    assert (e.value.field, e.value.value) == ("promises", value)


def test_bad_debts_and_terms() -> None:
    one: List[Any] = [("2026-02-01", 10)]
    with pytest.raises(cc.InvalidArgumentError) as e:
        Arrangement.from_promises(PlanTerms("USD", [], "2026-01-01"), one)
    assert e.value.field == "debts"
    with pytest.raises(cc.InvalidArgumentError) as e:
        Arrangement.from_promises(PlanTerms("USD", [("a", 10), ("a", 20)], "2026-01-01"), one)
    assert (e.value.field, e.value.value) == ("id", "debt #1: a")
    with pytest.raises(cc.InvalidArgumentError) as e:
        PlanTerms("USD", [("a", 10)], "2026-01-01", tolerance=("percent", 120))
    assert e.value.field == "tolerance"
    with pytest.raises(cc.InvalidArgumentError) as e:
        PlanTerms("USD", [("a", 10)], "2026-01-01", max_term_months=0)
    assert e.value.field == "max_term_months"
    with pytest.raises(cc.InvalidArgumentError) as e:
        PlanTerms("USD", [("a", 10)], "2026-01-01", freeze_interest=1)  # type: ignore[arg-type]
    assert e.value.field == "freeze_interest"
    with pytest.raises(cc.UnknownCurrencyError):
        PlanTerms("XYZ", [("a", 10)], "2026-01-01")
    with pytest.raises(cc.InvalidArgumentError) as e:
        PlanTerms("USD", [("a", 10.0)], "2026-01-01")
    assert e.value.field == "balance"


def test_plans_beyond_the_bounds_name_the_bound() -> None:
    # Two months from 2026-01-01 ends on 2026-03-01; a promise on 2026-03-02 is beyond it.
    terms = PlanTerms("USD", [("card", 300)], "2026-01-01", max_term_months=2)
    with pytest.raises(cc.InvalidArgumentError) as e:
        Arrangement.from_promises(terms, [("2026-02-01", 150), ("2026-03-02", 150)])
    assert (e.value.field, e.value.value) == ("max_term_months", "2")
    assert Arrangement.from_promises(terms, [("2026-02-01", 150), ("2026-03-01", 150)]).total_promised == 300
    # A minimum of 50: 40 first is refused; 40 last is exempt (the last pays what remains).
    terms = PlanTerms("USD", [("card", 300)], "2026-01-01", minimum_installment=50)
    with pytest.raises(cc.InvalidArgumentError) as e:
        Arrangement.from_promises(terms, [("2026-02-01", 40), ("2026-03-01", 260)])
    assert (e.value.field, Decimal(e.value.value or "")) == ("minimum_installment", Decimal(50))
    assert Arrangement.from_promises(terms, [("2026-02-01", 260), ("2026-03-01", 40)]).balance == 300
    # IRS streamlined on 7,200: max(25, 7200 / 72) = 100 per installment; 90 is below it.
    irs = PlanTerms("USD", [("tax", 7200)], "2026-01-01", bounds=PlanBounds(72, "irs_streamlined"))
    assert irs.minimum_installment == "irs_streamlined"
    with pytest.raises(cc.InvalidArgumentError) as e:
        Arrangement.from_promises(irs, [("2026-02-01", 90), ("2026-03-01", 7110)])
    assert (e.value.field, Decimal(e.value.value or "")) == ("minimum_installment", Decimal(100))


def test_plan_terms_refuse_bounds_given_twice() -> None:
    # bounds= and max_term_months= / minimum_installment= are two ways to give the same bounds: both at
    # once is refused rather than one of them dropped without a word.
    with pytest.raises(cc.InvalidArgumentError) as e:
        PlanTerms("USD", [("card", 300)], "2026-01-01", bounds=PlanBounds(12), max_term_months=2)
    assert (e.value.field, e.value.value) == ("max_term_months", "2")
    with pytest.raises(cc.InvalidArgumentError) as e:
        PlanTerms("USD", [("card", 300)], "2026-01-01", bounds=PlanBounds(12), minimum_installment=50)
    assert (e.value.field, e.value.value) == ("minimum_installment", "50")
    # Either alone is taken.
    assert PlanTerms("USD", [("card", 300)], "2026-01-01", bounds=PlanBounds(12)).max_term_months == 12
    assert PlanTerms("USD", [("card", 300)], "2026-01-01", max_term_months=2).max_term_months == 2


def test_from_schedule_and_the_interest_freeze() -> None:
    terms = PlanTerms("USD", [("loan", 1000)], "2026-01-01")
    # 900 over 3 months at 0%: 300.00 each, after 100 down.
    s = cc.amortize(900, 0, "2026-01-01", "2026-02-01", term=3)
    plan = Arrangement.from_schedule(terms, s, down_payment=("2026-01-01", 100))
    assert [a for _, a in plan.installments] == [300, 300, 300]
    assert plan.total_promised == 1000
    interest = cc.amortize(900, "0.12", "2026-01-01", "2026-02-01", term=3)
    with pytest.raises(cc.InvalidArgumentError) as e:
        Arrangement.from_schedule(terms, interest, down_payment=("2026-01-01", 100))
    assert e.value.field == "freeze"
    with pytest.raises(cc.InvalidArgumentError) as e:
        Arrangement.from_schedule(terms, s)  # 900 principal, no down payment, 1000 owed
    assert e.value.field == "schedule"


def test_cancelled() -> None:
    plan = three_hundred()
    cancelled = plan.cancelled("2026-02-01")
    assert cancelled.cancelled_on == D(2026, 2, 1)
    t = track(cancelled, [("2026-01-15", 100)], "2026-02-10")
    assert (t.status, t.status_date) == ("cancelled", D(2026, 2, 1))
    with pytest.raises(cc.InvalidArgumentError) as e:
        plan.cancelled("2025-12-31")
    assert e.value.field == "cancelled_on"


# ---------------------------------------------------------------- tracking


def test_tracking_a_late_partial_payment() -> None:
    plan = three_hundred()
    t = track(plan, [("2026-01-14", 100), ("2026-02-20", 60)], "2026-03-01")
    # 100 on 01-14 keeps the first promise. 60 on 02-20 goes to the second, after its deadline (02-15):
    # paid 60, on time 0, so it is broken as of 03-01; the third is pending until 03-15.
    assert [p.status for p in t.promises] == ["kept", "broken", "pending"]
    assert [(p.paid, p.paid_on_time) for p in t.promises] == [(Decimal(a), Decimal(b)) for a, b in [(100, 100), (60, 0), (0, 0)]]
    assert t.promises[1].deadline == D(2026, 2, 15)
    # Paid 100 + 60 = 160; left 40 + 100 = 140; one missed, below the default two: still active.
    assert (t.paid, t.remaining, t.unmatched, t.tolerated_shortfall, t.missed) == (Decimal(160), Decimal(140), Decimal(0), Decimal(0), 1)
    assert (t.status, t.status_date) == ("active", None)
    # Two promises due (deadlines before 03-01), one kept.
    assert t.kept_rate == Decimal("0.5")
    # Three weeks later the third is missed too: the second miss breaks it the day after its deadline.
    later = plan.track([("2026-01-14", 100), ("2026-02-20", 60)], "2026-03-20")
    assert (later.status, later.status_date, later.missed) == ("broken", D(2026, 3, 16), 2)
    df = later.to_pandas()
    assert list(df.columns) == ["date", "amount", "deadline", "paid", "paid_on_time", "status"]
    assert list(df["status"]) == ["kept", "broken", "broken"]
    assert later.to_arrow().column("paid").to_pylist() == [Decimal(100), Decimal(60), Decimal(0)]
    assert pickle.loads(pickle.dumps(later)) == later
    assert later.to_dict()["status"] == "broken"


def test_grace_and_tolerance_keep_a_short_late_payment() -> None:
    terms = PlanTerms("USD", [("card", 100)], "2026-01-01", grace_days=3, tolerance=("percent", 10))
    plan = Arrangement.from_promises(terms, [("2026-01-15", 100)])
    t = track(plan, [("2026-01-18", 90)], "2026-01-31")
    # Deadline 01-15 + 3 = 01-18: on time. Short 10 <= 10% of 100: kept, and the plan completes that day.
    assert t.promises[0].status == "kept"
    assert (t.status, t.status_date) == ("completed", D(2026, 1, 18))
    assert (t.paid, t.tolerated_shortfall, t.remaining) == (Decimal(90), Decimal(10), Decimal(0))
    # A day later it is not on time: paid 90, on time 0, broken.
    late = track(plan, [("2026-01-19", 90)], "2026-01-31")
    assert late.promises[0].status == "broken"


def test_overpayment_is_unmatched() -> None:
    plan = Arrangement.from_promises(PlanTerms("USD", [("card", 100)], "2026-01-01"), [("2026-01-15", 100)])
    t = track(plan, [("2026-01-10", 150)], "2026-01-31")
    # 100 to the promise, 50 beyond it; completed on the day of the payment.
    assert (t.paid, t.unmatched, t.status, t.status_date) == (Decimal(100), Decimal(50), "completed", D(2026, 1, 10))


def test_break_rules() -> None:
    plan = three_hundred()
    rule = BreakRule(missed_installments=None, cumulative_shortfall=("amount", 50))
    assert (rule.missed_installments, rule.cumulative_shortfall) == (None, ("amount", Decimal(50)))
    # 60 of 100 by 01-15: short 40 <= 50, not broken as of 02-01.
    assert track(plan, [("2026-01-15", 60)], "2026-02-01", rule).status == "active"
    # By 02-15: 200 promised, 60 paid, short 140 > 50: broken on 02-16.
    t = track(plan, [("2026-01-15", 60)], "2026-03-01", rule)
    assert (t.status, t.status_date) == ("broken", D(2026, 2, 16))
    assert [p.status for p in t.promises] == ["partially-kept", "broken", "pending"]
    # One miss breaks it under missed_installments=1, the day after the first deadline.
    t = track(plan, [], "2026-02-01", BreakRule(missed_installments=1))
    assert (t.status, t.status_date) == ("broken", D(2026, 1, 16))
    assert BreakRule.from_json(rule.to_json()) == rule
    with pytest.raises(cc.InvalidArgumentError) as e:
        BreakRule(missed_installments=None)
    assert e.value.field == "break_rule"
    with pytest.raises(cc.InvalidArgumentError) as e:
        BreakRule(missed_installments=0)
    assert e.value.field == "missed_installments"
    with pytest.raises(cc.InvalidArgumentError) as e:
        BreakRule(cumulative_shortfall=("percent", 120))
    assert e.value.field == "cumulative_shortfall"
    with pytest.raises(cc.InvalidArgumentError) as e:
        BreakRule.from_json('{"missed_installments": 0}')
    assert e.value.field == "break_rule"


def test_bad_payments() -> None:
    with pytest.raises(cc.InvalidArgumentError) as e:
        track(three_hundred(), [("2026-01-15", 0)], "2026-02-01")
    assert (e.value.field, e.value.value) == ("payments", "payment #0: 0")
    with pytest.raises(cc.InvalidArgumentError) as e:
        track(three_hundred(), [("2026-01-15", 1.5)], "2026-02-01")
    assert e.value.field == "payments"


def test_replan_after_a_break() -> None:
    plan = three_hundred()
    t = track(plan, [("2026-01-14", 100), ("2026-02-20", 60)], "2026-03-20")
    assert t.status == "broken"
    # 300 owed less 160 paid = 140 left, over two months at 0%: 70 and 70.
    again = plan.replan(t, ReplanTerms("2026-03-20", "2026-04-20", "monthly", term=2))
    assert again.promises == ((D(2026, 4, 20), Decimal(70)), (D(2026, 5, 20), Decimal(70)))
    assert again.balance == 140
    assert again.start_date == D(2026, 3, 20)
    with pytest.raises(cc.InvalidArgumentError) as e:
        plan.replan(t, ReplanTerms("2026-03-19", "2026-04-20", term=2))
    assert e.value.field == "start_date"
    # A minimum installment of 80: the first 70 is below it.
    with pytest.raises(cc.InvalidArgumentError) as e:
        plan.replan(t, ReplanTerms("2026-03-20", "2026-04-20", term=2), PlanBounds(minimum_installment=80))
    assert e.value.field == "minimum_installment"
    # A tracking of another plan (150 + 150, not 100 x 3) is refused, naming tracking.
    other = Arrangement.from_promises(
        PlanTerms("USD", [("card", 300)], "2026-01-01"), [("2026-01-15", 150), ("2026-02-15", 150)]
    )
    with pytest.raises(cc.InvalidArgumentError) as e:
        plan.replan(track(other, [], "2026-03-20"), ReplanTerms("2026-03-20", "2026-04-20", term=2))
    assert (e.value.field, e.value.value) == ("tracking", "2 promises from 2026-01-15")
    terms = ReplanTerms("2026-03-20", "2026-04-20", term=2)
    assert ReplanTerms.from_json(terms.to_json()) == terms and terms.frequency == "monthly"


# ---------------------------------------------------------------- scoring


def year_plan() -> Arrangement:
    """500 now and 550 a year on (2026 has 365 days), 1,050 owed."""
    terms = PlanTerms("USD", [("card", 1050)], "2026-01-01")
    return Arrangement.from_promises(terms, [("2026-01-01", 500), ("2027-01-01", 550)])


def test_score_at_ten_percent() -> None:
    s = Scorer("0.10", disposable_income=1000).score(year_plan())
    # 550 a year on at 10% is 550 / 1.1 = 500: npv 500 + 500 = 1,000.00; recovery 1000 / 1050.
    assert s.npv == Decimal("1000.00")
    assert s.recovery_ratio.quantize(Q4) == Decimal("0.9524")
    assert (s.total, s.promises, s.duration_days) == (Decimal(1050), 2, 365)
    # The largest calendar month is January 2027's 550; 550 / 1000.
    assert s.largest_monthly_payment == 550
    assert s.payment_to_income == Decimal("0.55")
    assert (s.expected_value, s.expected_npv) == (Decimal(1050), Decimal("1000.00"))


def test_score_with_probabilities() -> None:
    scorer = Scorer("0.10")
    half = scorer.score(year_plan(), Probabilities.per_installment(["1", "0.5"]))
    # Expected 500 and 275.00: value 775.00; npv 500 + 275 / 1.1 = 750.00.
    assert (half.expected_value, half.expected_npv) == (Decimal("775.00"), Decimal("750.00"))
    assert half.payment_to_income is None
    hazard = scorer.score(year_plan(), Probabilities.constant_hazard("0.2"))
    # Paid with 0.8 then 0.64: 400.00 and 352.00; value 752.00; npv 400 + 352 / 1.1 = 720.00.
    assert (hazard.expected_value, hazard.expected_npv) == (Decimal("752.00"), Decimal("720.00"))
    assert Probabilities.constant_hazard("0.2").for_promises(2) == (Decimal("0.8"), Decimal("0.64"))
    # A count beyond a schedule's row limit (100,000) is refused before anything is allocated.
    with pytest.raises(cc.InvalidArgumentError) as e:
        Probabilities.certain().for_promises(4_294_967_295)
    assert e.value.field == "n"
    certain = scorer.score(year_plan())
    # By expected npv: 1000 (certain), 750 (half), 720 (hazard).
    assert rank([hazard, certain, half]) == [1, 2, 0]
    # By total all are 1,050: ties keep their order.
    assert rank([hazard, certain, half], by="total") == [0, 1, 2]
    pairs = compare_plans(scorer, [(year_plan(), Probabilities.constant_hazard("0.2")), year_plan()])
    assert [i for i, _ in pairs] == [1, 0]
    assert pairs[0][1] == certain


def test_probabilities_outside_zero_to_one() -> None:
    with pytest.raises(cc.InvalidArgumentError) as e:
        Probabilities.per_installment(["1", "1.2"])
    assert (e.value.field, e.value.value) == ("probabilities", "#1: 1.2")
    with pytest.raises(cc.InvalidArgumentError) as e:
        Probabilities.constant_hazard("-0.1")
    assert (e.value.field, e.value.value) == ("hazard", "-0.1")
    with pytest.raises(cc.InvalidArgumentError) as e:
        Probabilities.from_json('{"kind": "constant-hazard", "value": "2"}')
    assert e.value.field == "hazard"
    with pytest.raises(cc.InvalidArgumentError) as e:
        Probabilities.from_json('{"kind": "sometimes"}')
    assert e.value.field == "probabilities"
    # One probability for two promises.
    with pytest.raises(cc.InvalidArgumentError) as e:
        Scorer(0).score(year_plan(), Probabilities.per_installment(["1"]))
    assert (e.value.field, e.value.value) == ("probabilities", "1 values")
    p = Probabilities.per_installment(["1", "0.5"])
    assert (p.kind, p.value) == ("per-installment", (Decimal(1), Decimal("0.5")))
    assert Probabilities.from_json(p.to_json()) == p
    assert Probabilities.certain().kind == "certain"


def test_discount_rate_at_or_below_minus_one_hundred_percent() -> None:
    with pytest.raises(cc.InvalidRateError) as e:
        Scorer(-1)
    assert (e.value.field, e.value.value) == ("discount_rate", "-1")
    with pytest.raises(cc.InvalidRateError) as e:
        minimum_settlement(AlternativePath(), "2026-01-01", "-1.5", "USD")
    assert e.value.field == "discount_rate"
    with pytest.raises(cc.InvalidArgumentError) as bad:
        Scorer(0.1)  # type: ignore[arg-type]
    assert bad.value.field == "discount_rate"


def test_with_assessment_and_currency_mismatch() -> None:
    # 1,500 earned, 1,350 on housing: 150 a month to spare.
    a = assess(Statement("2025-06-01", "GBP", Household(1), [("earnings", 1500, "monthly"), ("housing", 1350, "monthly")]))
    scorer = Scorer("0.05").with_assessment(a)
    assert scorer.disposable_income == 150
    euro = Arrangement.from_promises(PlanTerms("EUR", [("card", 300)], "2026-01-01"), [("2026-02-01", 300)])
    with pytest.raises(cc.CurrencyMismatchError) as e:
        compare_plans(scorer, [year_plan(), euro])
    assert e.value.field == "plans"
    with pytest.raises(cc.CurrencyMismatchError) as e:
        forecast([year_plan(), euro], "2026-01-01")
    assert e.value.field == "plans"


# ---------------------------------------------------------------- forecasts


def forecast_plans() -> List[Any]:
    a = Arrangement.from_promises(
        PlanTerms("USD", [("a", 300)], "2026-01-01"), [("2026-01-10", 100), ("2026-02-10", 100), ("2026-03-10", 100)]
    )
    b = Arrangement.from_promises(PlanTerms("USD", [("b", 100)], "2026-01-01"), [("2026-01-20", 50), ("2026-03-05", 50)])
    return [a, (b, Probabilities.per_installment(["0.5", "0.25"]))]


def test_forecast_by_month() -> None:
    f = forecast(forecast_plans(), "2026-02-01")
    # January's promises are before the forecast date. February: a's 100. March: a's 100 and b's 50,
    # expected 100 + 50 x 0.25 = 112.50.
    rows = [(r.period_start, r.promises, r.scheduled, r.expected) for r in f.rows]
    assert rows == [
        (D(2026, 2, 1), 1, Decimal(100), Decimal(100)),
        (D(2026, 3, 1), 2, Decimal(150), Decimal("112.50")),
    ]
    assert f.totals == (3, Decimal(250), Decimal("112.50") + 100)
    assert f.currency == cc.Currency("USD") and f.period == "monthly"
    assert list(f.to_pandas()["expected"]) == [Decimal(100), Decimal("112.50")]


def test_forecast_by_week() -> None:
    f = forecast(forecast_plans(), "2026-02-01", "weekly")
    # 2026-02-01 is a Sunday: its week starts Monday 01-26. 02-10 falls in the week of 02-09, 03-05 in
    # the week of 03-02 and 03-10 in the week of 03-09: seven weeks, four of them empty.
    starts = [r.period_start for r in f.rows]
    assert starts == [D(2026, 1, 26) + datetime.timedelta(weeks=k) for k in range(7)]
    assert [r.promises for r in f.rows] == [0, 0, 1, 0, 0, 1, 1]
    assert [r.expected for r in f.rows][5:] == [Decimal("12.50"), Decimal(100)]
    with pytest.raises(cc.InvalidArgumentError) as e:
        forecast(forecast_plans(), "2026-02-01", "fortnightly")
    assert e.value.field == "period"


# ---------------------------------------------------------------- settlements


def test_settle() -> None:
    s = settle(1000, "USD", 60, ["2026-02-01", "2026-03-01", "2026-04-01"])
    # 60% of 1,000 = 600.00 in three parts of 200.00; 400.00 given up.
    assert (s.amount, s.discount) == (Decimal("600.00"), Decimal("400.00"))
    assert [a for _, a in s.installments] == [Decimal("200.00")] * 3
    odd = settle(100, "USD", "33.33", ["2026-02-01", "2026-03-01"])
    # 33.33 in two: 16.67 and 16.66 (the first takes the odd cent); 66.67 given up.
    assert [a for _, a in odd.installments] == [Decimal("16.67"), Decimal("16.66")]
    assert odd.discount == Decimal("66.67")


@pytest.mark.parametrize("percent", [0, "-5", "100.01"])
def test_settlement_percent_outside_zero_to_one_hundred(percent: Any) -> None:
    with pytest.raises(cc.InvalidArgumentError) as e:
        settle(1000, "USD", percent, ["2026-02-01"])
    assert (e.value.field, Decimal(e.value.value or "")) == ("percent", Decimal(percent))


def test_settle_bad_dates() -> None:
    with pytest.raises(cc.InvalidArgumentError) as e:
        settle(1000, "USD", 50, [])
    assert e.value.field == "dates"
    with pytest.raises(cc.InvalidArgumentError) as e:
        settle(1000, "USD", 50, ["2026-03-01", "2026-02-01"])
    assert (e.value.field, e.value.value) == ("dates", "2026-02-01")


def test_minimum_settlement() -> None:
    path = AlternativePath([("2027-01-01", 2200, "0.5")], [("2026-01-01", 100)])
    m = minimum_settlement(path, "2026-01-01", "0.10", "USD")
    # Expected 1,100 a year on at 10%: 1,000; costs 100 now: net 900.00.
    assert m.recovery_npv.quantize(Q4) == Decimal("1000.0000")
    assert m.cost_npv == 100
    assert (m.net, m.minimum, m.floor) == (Decimal("900.00"), Decimal("900.00"), None)
    assert minimum_settlement(path, "2026-01-01", "0.10", "USD", floor=950).minimum == 950
    # Costs above the recoveries: net never below zero.
    costly = AlternativePath([("2026-01-01", 100, "0.5")], [("2026-01-01", 80)])
    assert minimum_settlement(costly, "2026-01-01", 0, "USD").net == 0
    with pytest.raises(cc.InvalidArgumentError) as e:
        minimum_settlement(path, "2026-01-01", "0.1", "USD", floor=-1)
    assert e.value.field == "floor"
    with pytest.raises(cc.InvalidArgumentError) as e:
        minimum_settlement(AlternativePath([("2027-01-01", 100, "1.5")]), "2026-01-01", "0.1", "USD")
    assert (e.value.field, e.value.value) == ("probability", "recovery #0: 1.5")
    with pytest.raises(cc.InvalidArgumentError) as e:
        minimum_settlement(path, "2026-06-01", "0.1", "USD")  # the cost is before the valuation date
    assert e.value.field == "costs"
    assert AlternativePath.from_json(path.to_json()) == path
    with pytest.raises(cc.InvalidArgumentError) as e:
        AlternativePath.from_json("{}")
    assert e.value.field == "path"


def test_settlement_offers() -> None:
    policy = SettlementPolicy([(0, 10, 5, 3), (90, 30, 20, 6)])
    offers = settlement_offers(1000, "USD", 120, policy)
    # 120 days past due is the 90-day band: 30% off at once (700.00), 20% off over 6 (800.00).
    assert [(o.installments, o.amount, o.discount, o.at_minimum) for o in offers] == [
        (1, Decimal("700.00"), Decimal("300.00"), False),
        (6, Decimal("800.00"), Decimal("200.00"), False),
    ]
    assert {o.band_min_days_past_due for o in offers} == {90}
    # 30 days: the first band, 10% and 5% off: 900.00 and 950.00 over 3.
    assert [(o.installments, o.amount) for o in settlement_offers(1000, "USD", 30, policy)] == [
        (1, Decimal("900.00")),
        (3, Decimal("950.00")),
    ]
    # A minimum of 850 raises both of the 90-day band's.
    raised = settlement_offers(1000, "USD", 120, policy, minimum=850)
    assert [(o.amount, o.at_minimum) for o in raised] == [(Decimal(850), True), (Decimal(850), True)]
    assert SettlementPolicy.from_json(policy.to_json()) == policy
    assert policy.band_for(89) == (0, Decimal(10), Decimal(5), 3)


def test_bad_settlement_policies() -> None:
    with pytest.raises(cc.InvalidArgumentError) as e:
        SettlementPolicy([(30, 10, 5, 3)])
    assert e.value.field == "bands"
    with pytest.raises(cc.InvalidArgumentError) as e:
        SettlementPolicy([(0, 100, 5, 3)])
    assert (e.value.field, e.value.value) == ("lump_sum_discount_percent", "band #0: 100")
    with pytest.raises(cc.InvalidArgumentError) as e:
        SettlementPolicy([(0, 10, 15, 3)])
    assert e.value.field == "installment_discount_percent"
    with pytest.raises(cc.InvalidArgumentError) as e:
        SettlementPolicy.from_json('{"bands": []}')
    assert e.value.field == "policy"


# ---------------------------------------------------------------- KPIs


def test_kpis() -> None:
    # 1,000 + 600 / 3 = 1,200 available; collected 1,200 - 500 = 700 of 1,200 - 200 = 1,000: 70%.
    assert collection_effectiveness_index(1000, 600, 3, 500, 200) == 70
    assert collection_effectiveness_index(0, 0, 1, 0, 0) is None
    # 500 / 1,500 x 90 days = 30.
    assert days_sales_outstanding(500, 1500, 90) == 30
    assert days_sales_outstanding(500, 0, 90) is None
    assert recovery_rate(250, 1000) == Decimal("0.25")
    assert liquidation_rate(30, 120) == Decimal("0.25")
    assert right_party_contact_rate(15, 60) == Decimal("0.25")
    assert right_party_contact_rate(0, 0) is None


def test_bad_kpi_inputs() -> None:
    with pytest.raises(cc.InvalidArgumentError) as e:
        collection_effectiveness_index(1000, 600, 0, 500, 200)
    assert e.value.field == "months"
    with pytest.raises(cc.InvalidArgumentError) as e:
        collection_effectiveness_index(1000, 600, 3, 500, 501)
    assert e.value.field == "closing_current_receivables"
    with pytest.raises(cc.InvalidArgumentError) as e:
        recovery_rate(-1, 10)
    assert e.value.field == "collected"
    with pytest.raises(cc.InvalidArgumentError) as e:
        right_party_contact_rate(61, 60)
    assert e.value.field == "right_party_contacts"
    with pytest.raises(cc.InvalidArgumentError) as e:
        right_party_contact_rate(-1, 60)
    assert e.value.field == "right_party_contacts"


def test_promise_kept_rate() -> None:
    half = track(three_hundred(), [("2026-01-14", 100), ("2026-02-20", 60)], "2026-03-01")
    one = Arrangement.from_promises(PlanTerms("USD", [("card", 100)], "2026-01-01"), [("2026-01-15", 100)])
    kept = track(one, [("2026-01-10", 100)], "2026-01-31")
    # 1 of 2 due kept, and 1 of 1: 2 of 3.
    rate = promise_kept_rate([half, kept])
    assert rate is not None and rate.quantize(Q4) == Decimal("0.6667")
    assert promise_kept_rate([]) is None


def test_roll_rate_matrix() -> None:
    late = Account([("2026-01-01", 100, 0)])
    paid = Account([("2026-01-01", 100, 100)])
    m = roll_rate_matrix([late, paid], "2026-01-15", "2026-02-15")
    # The late account is 14 days past due on 01-15 (bucket 1) and 45 on 02-15 (bucket 2); the paid one
    # stays current (bucket 0), with nothing outstanding.
    labels = AgingRules().bucket_labels
    assert list(m.labels) == labels
    n = len(labels)
    expected = [[0] * n for _ in range(n)]
    expected[0][0] = 1
    expected[1][2] = 1
    assert [list(r) for r in m.accounts] == expected
    assert m.outstanding[1][2] == 100 and m.outstanding[0][0] == 0
    assert m.rates[1][2] == 1 and m.rates[1][1] == 0
    assert m.rates[0] == (None,) * n  # nothing outstanding in the current row
    with pytest.raises(cc.InvalidArgumentError) as e:
        roll_rate_matrix([late], "2026-02-15", "2026-02-15")
    assert e.value.field == "to"


# ---------------------------------------------------------------- treatment


@pytest.mark.parametrize(
    ("state", "action", "rule"),
    [
        (dict(disputed=True, days_past_due=200), "escalate-to-supervisor", "dispute"),
        (dict(days_past_due=200, balance=40), "write-off", "small-balance-write-off"),
        (dict(days_past_due=95, balance=800, last_contact="right-party-contact"), "settlement-offer", "settle"),
        (dict(days_past_due=95, balance=800, last_contact="no-answer"), "final-notice", "final-notice"),
        (dict(days_past_due=35, affordability="surplus"), "payment-plan-offer", "plan-offer"),
        (dict(days_past_due=35, affordability="surplus", active_plan=True), "call", "call"),
        (dict(days_past_due=10), "reminder", "reminder"),
    ],
)
def test_standard_treatment(state: Dict[str, Any], action: str, rule: str) -> None:
    r = TreatmentPolicy.standard().recommend(AccountState(**state))
    assert r is not None
    assert (r.action, r.rule) == (action, rule)
    assert r.action in ACTIONS


def test_treatment_details() -> None:
    policy = TreatmentPolicy.standard()
    assert policy.recommend(AccountState()) is None  # current: no rule fires
    r = policy.recommend(AccountState(days_past_due=200, balance=40))
    assert isinstance(r, TreatmentRecommendation) and Recommendation is TreatmentRecommendation
    assert r.facts == ("200 days past due >= 180", "balance 40 <= 50")
    # An assessment with no surplus (1,000 in, 1,350 out) makes the account unable to pay.
    deficit = assess(Statement("2025-06-01", "GBP", Household(1), [("earnings", 1000, "monthly"), ("housing", 1350, "monthly")]))
    r = policy.recommend(AccountState(days_past_due=35, affordability=deficit))
    assert r is not None and (r.action, r.rule) == ("hardship-review", "unable")
    assert policy.rules[2].when == {"min_days_past_due": 180, "max_balance": "50"}
    assert TreatmentPolicy.from_json(policy.to_json()) == policy
    own = TreatmentPolicy.from_json(
        json.dumps({"rules": [{"name": "big", "when": {"min_balance": "1000"}, "action": "call", "reason": "big"}]})
    )
    big = own.recommend(AccountState(balance=1500))
    assert big is not None and (big.action, big.rule, big.reason) == ("call", "big", "big")
    assert own.recommend(AccountState(balance=10)) is None
    state = AccountState(days_past_due=3, last_contact="promised-to-pay", hardship=True)
    assert AccountState.from_json(state.to_json()) == state
    assert pickle.loads(pickle.dumps(state)) == state


def test_bad_treatment_inputs() -> None:
    with pytest.raises(cc.InvalidArgumentError) as e:
        AccountState(last_contact="shouting")
    assert e.value.field == "last_contact"
    with pytest.raises(cc.InvalidArgumentError) as e:
        TreatmentPolicy([])
    assert e.value.field == "rules"
    with pytest.raises(cc.InvalidArgumentError) as e:
        TreatmentPolicy.from_json('{"rules": []}')
    assert e.value.field == "policy"
    with pytest.raises(cc.InvalidArgumentError) as e:
        TreatmentPolicy.from_json(
            '{"rules": [{"name": "x", "when": {"colour": "red"}, "action": "call", "reason": "r"}]}'
        )
    assert e.value.field == "policy"
    with pytest.raises(cc.InvalidArgumentError) as e:
        AccountState.from_json('{"days_past_due": -1}')
    assert e.value.field == "state"


def test_name_tuples() -> None:
    assert PROMISE_STATUSES == ("pending", "kept", "partially-kept", "broken")
    assert len(ACTIONS) == 10


# ---------------------------------------------------------------- tables


def promises_table() -> Dict[str, List[Any]]:
    """Plan a: year_plan() (500 now, 550 in a year, 1,050 owed), paid with 1 then 0.5. Plan b: 100 now on
    100 owed, with 200 a month to spare."""
    return {
        "plan_id": ["a", "a", "b"],
        "date": ["2026-01-01", "2027-01-01", "2026-01-01"],
        "amount": [500, 550, 100],
        "currency": ["USD"] * 3,
        "balance": [1050, 1050, 100],
        "start_date": ["2026-01-01"] * 3,
        "probability": ["1", "0.5", "1"],
        "disposable_income": [None, None, 200],
    }


def test_score_many() -> None:
    t = score_many(promises_table(), "0.10")
    got = t.to_pydict()
    assert got["plan_id"] == ["a", "b"]
    # a: npv 1,000.00, expected 775.00 and 750.00 (as in test_score_with_probabilities); b: 100.00 now.
    assert got["npv"] == [Decimal("1000.00"), Decimal("100.00")]
    assert got["expected_value"] == [Decimal("775.00"), Decimal("100.00")]
    assert got["expected_npv"] == [Decimal("750.00"), Decimal("100.00")]
    assert got["promises"] == [2, 1]
    assert got["duration_days"] == [365, 0]
    # b: 100 / 200.
    assert got["payment_to_income"] == [None, Decimal("0.5")]


def test_score_many_pandas() -> None:
    pd = pytest.importorskip("pandas")
    df = pd.DataFrame(promises_table())
    df["date"] = pd.to_datetime(df["date"])
    # pandas would make [None, None, 200] a float column, which is refused: keep the values as objects.
    df["disposable_income"] = pd.Series([None, None, 200], dtype=object)
    out = score_many(df, "0.10")
    assert isinstance(out, pd.DataFrame)
    assert list(out["plan_id"]) == ["a", "b"]
    assert list(out["npv"]) == [Decimal("1000.00"), Decimal("100.00")]


def test_forecast_portfolio() -> None:
    table = forecast_table()
    got = forecast_portfolio(table, "2026-02-01").to_pydict()
    # The same plans as test_forecast_by_month.
    assert got["period_start"] == [D(2026, 2, 1), D(2026, 3, 1)]
    assert got["scheduled"] == [Decimal(100), Decimal(150)]
    assert got["expected"] == [Decimal(100), Decimal("112.50")]
    pd = pytest.importorskip("pandas")
    out = forecast_portfolio(pd.DataFrame(table), "2026-02-01")
    assert list(out["promises"]) == [1, 2]


@pytest.mark.parametrize(
    ("change", "error", "field", "value"),
    [
        ({"amount": [500, None, 100]}, cc.InvalidArgumentError, "amount", "row 1: None"),
        ({"date": ["2026-01-01", "2027-01-01", None]}, cc.InvalidArgumentError, "date", "row 2: None"),
        ({"balance": [1050, 1051, 100]}, cc.InvalidArgumentError, "balance", "row 1: 1051"),
        ({"probability": ["1", "1.5", "1"]}, cc.InvalidArgumentError, "probability", "row 1: 1.5"),
        ({"amount": [500, "5.5.5", 100]}, cc.InvalidDecimalError, "amount", "row 1: 5.5.5"),
        ({"currency": ["USD", "USD", "XYZ"]}, cc.UnknownCurrencyError, "currency", "row 2: XYZ"),
        (
            {"date": ["2027-01-01", "2026-01-01", "2026-01-01"]},
            cc.InvalidArgumentError,
            "promises",
            "plan a: promise #1 on 2026-01-01",
        ),
        ({"amount": [500, 551, 100]}, cc.InvalidArgumentError, "promises", "plan a: 1051"),
        ({"amount": [500, 550]}, cc.InvalidArgumentError, "amount", "2 values"),
        # A plan id that cannot key a plan (a list is not hashable) names its column and row.
        ({"plan_id": ["a", ["a"], "b"]}, cc.InvalidArgumentError, "plan_id", "row 1: ['a']"),
        # Plan b's second row gives another income than its first: the value as Python shows it.
        (
            {
                "plan_id": ["a", "b", "b"],
                "balance": [500, 650, 650],
                "amount": [500, 550, 100],
                "disposable_income": [None, None, 200],
            },
            cc.InvalidArgumentError,
            "disposable_income",
            "row 2: 200",
        ),
    ],
)
def test_score_many_bad_cells(change: Dict[str, Any], error: Any, field: str, value: str) -> None:
    table = promises_table()
    table.update(change)
    with pytest.raises(error) as e:
        score_many(table, "0.10")
    assert (e.value.field, e.value.value) == (field, value)


def test_score_many_missing_column_and_float_column() -> None:
    table = promises_table()
    del table["balance"]
    with pytest.raises(cc.InvalidArgumentError) as e:
        score_many(table, 0)
    assert (e.value.field, e.value.value) == ("table", "balance")
    pd = pytest.importorskip("pandas")
    df = pd.DataFrame(dict(promises_table(), amount=[500.0, 550.0, 100.0]))
    with pytest.raises(cc.InvalidArgumentError) as e:
        score_many(df, 0)
    assert e.value.field == "amount"
    with pytest.raises(cc.InvalidArgumentError) as e:
        score_many([1, 2, 3], 0)
    assert e.value.field == "table"



# ---------------------------------------------------------------- the shared batch options: errors='column',
# float_rounding=, money='float64', progress=, mixed currencies (score_many and forecast_portfolio)


def with_plan_c(**cells: Any) -> Dict[str, List[Any]]:
    """promises_table() and a plan c of one promise of 10 on 10 owed, its cells changed by `cells`."""
    t = promises_table()
    c = {"plan_id": "c", "date": "2026-01-01", "amount": 10, "currency": "USD", "balance": 10,
         "start_date": "2026-01-01", "probability": "1", "disposable_income": None}
    c.update(cells)
    for name, value in c.items():
        t[name].append(value)
    return t


# ---------------------------------------------------------------- score_many


def test_score_many_errors_column_marks_the_bad_plan() -> None:
    t = score_many(with_plan_c(amount="5.5.5"), "0.10", errors="column").to_pydict()
    assert t["plan_id"] == ["a", "b", "c"]
    # a and b as in test_plan.test_score_many: npv 1,000.00 (500 + 550 / 1.1) and 100.00; c null.
    assert t["npv"] == [Decimal("1000.00"), Decimal("100.00"), None]
    assert t["promises"] == [2, 1, None]
    assert t["payment_to_income"] == [None, Decimal("0.5"), None]
    # Row 3 (0-based) is c's only row: the core's message for a bad decimal, the value led by the row.
    assert t["error"] == [None, None, 'amount: not a valid decimal number: "row 3: 5.5.5"']
    assert list(t)[-1] == "error"


def test_score_many_errors_column_keeps_a_plans_first_error() -> None:
    # b's rows disagree on balance (row 3, 99 against 100), and its row 4 has a null date: the first
    # error found in row order (the balance) stands.
    t = {k: v + [v[-1], v[-1]] for k, v in promises_table().items()}  # b's row repeated as rows 3 and 4
    t["balance"] = [1050, 1050, 100, 99, 100]
    t["date"] = ["2026-01-01", "2027-01-01", "2026-01-01", "2026-01-01", None]
    got = score_many(t, "0.10", errors="column").to_pydict()
    assert got["npv"] == [Decimal("1000.00"), None]
    assert got["error"] == [None, "balance: differs from the first row of plan b (got row 3: 99)"]


def test_score_many_errors_column_core_refusal() -> None:
    # c promises 20 on 10 owed: the core refuses the plan (more promised than owed), field promises.
    got = score_many(with_plan_c(amount=20), "0.10", errors="column").to_pydict()
    assert got["npv"][:2] == [Decimal("1000.00"), Decimal("100.00")] and got["npv"][2] is None
    assert got["error"][:2] == [None, None]
    assert got["error"][2].startswith("promises: ")
    # The same table without errors='column' raises, led by the plan.
    with pytest.raises(cc.InvalidArgumentError) as e:
        score_many(with_plan_c(amount=20), "0.10")
    assert e.value.field == "promises" and str(e.value.value).startswith("plan c: ")


def test_score_many_errors_column_with_nothing_wrong() -> None:
    got = score_many(promises_table(), "0.10", errors="column").to_pydict()
    assert got["error"] == [None, None]
    assert got["npv"] == [Decimal("1000.00"), Decimal("100.00")]


def test_score_many_errors_column_still_raises_for_the_table() -> None:
    t = promises_table()
    del t["balance"]
    with pytest.raises(cc.InvalidArgumentError) as e:
        score_many(t, "0.10", errors="column")
    assert (e.value.field, e.value.value) == ("table", "balance")
    t = promises_table()
    t["amount"] = [500, 550]
    with pytest.raises(cc.InvalidArgumentError) as e:
        score_many(t, "0.10", errors="column")
    assert (e.value.field, e.value.value) == ("amount", "2 values")
    # A null plan_id keys no plan: raised naming the column and row.
    t = promises_table()
    t["plan_id"] = ["a", None, "b"]
    with pytest.raises(cc.InvalidArgumentError) as e:
        score_many(t, "0.10", errors="column")
    assert (e.value.field, e.value.value) == ("plan_id", "row 1: None")


def test_errors_argument_is_checked() -> None:
    with pytest.raises(cc.InvalidArgumentError) as e:
        score_many(promises_table(), "0", errors="ignore")
    assert (e.value.field, e.value.value) == ("errors", "ignore")
    with pytest.raises(cc.InvalidArgumentError) as e:
        forecast_portfolio(promises_table(), "2026-01-01", errors="ignore")
    assert (e.value.field, e.value.value) == ("errors", "ignore")



def test_score_many_mixed_currency_in_a_plan() -> None:
    t = promises_table()
    t["currency"] = ["USD", "EUR", "USD"]
    with pytest.raises(cc.InvalidArgumentError) as e:
        score_many(t, "0.10")
    assert (e.value.field, e.value.value) == ("currency", "row 1: EUR")
    assert "plan a" in str(e.value)
    got = score_many(t, "0.10", errors="column").to_pydict()
    assert got["npv"] == [None, Decimal("100.00")]
    assert got["error"] == ["currency: differs from the first row of plan a (got row 1: EUR)", None]


def test_score_many_money_float64() -> None:
    pa = pytest.importorskip("pyarrow")
    t = score_many(promises_table(), "0.10", money="float64")
    assert t.schema.field("npv").type == pa.float64()
    # The same figures as exact decimals: 1,000.00 and 100.00; 775.00 and 100.00.
    assert t.column("npv").to_pylist() == [1000.0, 100.0]
    assert t.column("expected_value").to_pylist() == [775.0, 100.0]
    assert t.column("payment_to_income").to_pylist() == [None, 0.5]
    assert t.schema.field("promises").type == pa.int64()
    with pytest.raises(cc.InvalidArgumentError) as e:
        score_many(promises_table(), "0.10", money="float32")
    assert (e.value.field, e.value.value) == ("money", "float32")


def test_score_many_float_rounding() -> None:
    t = promises_table()
    # 0.1 + 0.2 as floats is 0.30000000000000004: read as its shortest text and rounded half-up to
    # cents, 0.30. Plan b becomes 0.30 promised now on 0.30 owed: npv 0.30.
    t["amount"] = [500.0, 550.0, 0.1 + 0.2]
    t["balance"] = [1050.0, 1050.0, 0.30000000000000004]
    got = score_many(t, "0.10", float_rounding="half-up").to_pydict()
    assert got["npv"] == [Decimal("1000.00"), Decimal("0.30")]
    with pytest.raises(cc.InvalidArgumentError) as e:
        score_many(t, "0.10")
    assert e.value.field == "amount"


# ---------------------------------------------------------------- forecast_portfolio


def forecast_table() -> Dict[str, List[Any]]:
    """As test_plan.test_forecast_portfolio: from 2026-02-01, February has a's 100 (certain) and March
    a's 100 and b's 50 at 0.25: scheduled 100 and 150, expected 100 and 112.50."""
    return {
        "plan_id": ["a", "a", "a", "b", "b"],
        "date": ["2026-01-10", "2026-02-10", "2026-03-10", "2026-01-20", "2026-03-05"],
        "amount": [100, 100, 100, 50, 50],
        "currency": ["USD"] * 5,
        "balance": [300, 300, 300, 100, 100],
        "start_date": ["2026-01-01"] * 5,
        "probability": ["1", "1", "1", "0.5", "0.25"],
    }


def test_forecast_portfolio_errors_column_gives_bad_plans_a_row() -> None:
    t = forecast_table()
    for name, value in {"plan_id": "c", "date": "2026-13-01", "amount": 999, "currency": "USD",
                        "balance": 999, "start_date": "2026-01-01", "probability": "1"}.items():
        t[name].append(value)
    got = forecast_portfolio(t, "2026-02-01", errors="column").to_pydict()
    # c is left out of the sums: the periods as without it, then c's row.
    assert got["period_start"] == [D(2026, 2, 1), D(2026, 3, 1), None]
    assert got["scheduled"] == [Decimal(100), Decimal(150), None]
    assert got["expected"] == [Decimal(100), Decimal("112.50"), None]
    assert got["promises"] == [1, 2, None]
    assert got["plan_id"] == [None, None, "c"]
    assert got["error"] == [None, None, 'date: not a valid date: "row 5: 2026-13-01"']
    with pytest.raises(cc.InvalidDateError):
        forecast_portfolio(t, "2026-02-01")


def test_forecast_portfolio_never_adds_two_currencies() -> None:
    t = forecast_table()
    t["currency"] = ["USD"] * 3 + ["EUR"] * 2
    for errors in ("raise", "column"):
        with pytest.raises(cc.CurrencyMismatchError) as e:
            forecast_portfolio(t, "2026-02-01", errors=errors)
        assert (e.value.field, e.value.value) == ("currency", "USD (plan a), EUR (plan b)")
    # Within one plan: an InvalidArgumentError naming currency and the plan.
    t["currency"] = ["USD", "EUR", "USD", "USD", "USD"]
    with pytest.raises(cc.InvalidArgumentError) as bad:
        forecast_portfolio(t, "2026-02-01")
    assert (bad.value.field, bad.value.value) == ("currency", "row 1: EUR") and "plan a" in str(bad.value)


def test_forecast_portfolio_progress_and_money() -> None:
    pa = pytest.importorskip("pyarrow")
    calls: List[Tuple[int, int]] = []
    got = forecast_portfolio(forecast_table(), "2026-02-01", money="float64",
                             progress=lambda done, total: calls.append((done, total)))
    # Two plans: the last report is (2, 2).
    assert calls[-1] == (2, 2)
    assert got.schema.field("expected").type == pa.float64()
    assert got.column("expected").to_pylist() == [100.0, 112.5]
    with pytest.raises(cc.InvalidArgumentError) as e:
        forecast_portfolio(forecast_table(), "2026-02-01", progress=3)  # type: ignore[arg-type]
    assert e.value.field == "progress"


def test_forecast_portfolio_float_rounding_half_even() -> None:
    t = forecast_table()
    # 100.005 half-even to cents is 100.00 (the 0 is even), half-up 100.01; plan a's three promises
    # then sum to 300.00 or 300.03, so a's balance is given as the sum.
    t["amount"] = [100.005, 100.005, 100.005, 50.0, 50.0]
    t["balance"] = [300.0, 300.0, 300.0, 100.0, 100.0]
    got = forecast_portfolio(t, "2026-02-01", float_rounding="half-even").to_pydict()
    # February: a's 100.00; March: a's 100.00 and b's 50.00.
    assert got["scheduled"] == [Decimal("100.00"), Decimal("150.00")]



def test_score_many_input_kinds_agree() -> None:
    """A dict, a typed pyarrow Table, a pandas and a polars DataFrame of the same plans: the same
    scores (npv 1,000.00 and 100.00, as test_score_many), each given back as its own kind."""
    pa = pytest.importorskip("pyarrow")
    pd = pytest.importorskip("pandas")
    t = promises_table()
    typed = pa.table({
        "plan_id": pa.array(t["plan_id"]),
        "date": pa.array([D(2026, 1, 1), D(2027, 1, 1), D(2026, 1, 1)], pa.date32()),
        "amount": pa.array([Decimal("500.00"), Decimal("550.00"), Decimal("100.00")], pa.decimal128(12, 2)),
        "currency": pa.array(t["currency"]).dictionary_encode(),
        "balance": pa.array([1050, 1050, 100], pa.int32()),
        "start_date": pa.array([datetime.datetime(2026, 1, 1, 12)] * 3, pa.timestamp("us")),
        "probability": pa.array(t["probability"], pa.large_string()),
        "disposable_income": pa.array([None, None, 200], pa.int64()),
    })
    frame = pd.DataFrame(t)
    frame["disposable_income"] = pd.Series([None, None, 200], dtype=object)
    outs = [score_many(t, "0.10"), score_many(typed, "0.10"), score_many(frame, "0.10").to_dict("list")]
    assert isinstance(outs[1], pa.Table)
    for out in outs:
        got = out if isinstance(out, dict) else out.to_pydict()
        assert list(got["plan_id"]) == ["a", "b"]
        assert list(got["npv"]) == [Decimal("1000.00"), Decimal("100.00")]
        assert list(got["expected_npv"]) == [Decimal("750.00"), Decimal("100.00")]
    assert score_many(typed, "0.10").schema.field("npv").type == pa.decimal128(38, 2)
    pl = pytest.importorskip("polars")
    out = score_many(pl.DataFrame(typed), "0.10")
    assert isinstance(out, pl.DataFrame)
    assert out["npv"].to_list() == [Decimal("1000.00"), Decimal("100.00")]


def test_score_many_ids_keep_their_type() -> None:
    pa = pytest.importorskip("pyarrow")
    t = promises_table()
    t["plan_id"] = [7, 7, 9]
    out = score_many(t, "0.10")
    assert out.schema.field("plan_id").type == pa.int64()
    assert out.column("plan_id").to_pylist() == [7, 9]
    # An id that is neither text nor a whole number is refused naming the column and row.
    t["plan_id"] = [1.5, 1.5, 2.5]
    with pytest.raises(cc.InvalidArgumentError) as e:
        score_many(t, "0.10", errors="column")
    assert e.value.field == "plan_id" and str(e.value.value).startswith("row 0: ")


def test_score_many_arrow_column_errors() -> None:
    pa = pytest.importorskip("pyarrow")
    t = promises_table()
    # A date column of nulls: the first row's null, named.
    table = pa.table(dict(t, date=pa.array([None, None, None], pa.date32())))
    with pytest.raises(cc.InvalidArgumentError) as e:
        score_many(table, "0.10")
    assert (e.value.field, e.value.value) == ("date", "row 0: None")
    # A bool is no amount.
    table = pa.table(dict(t, amount=pa.array([True, True, False])))
    with pytest.raises(cc.InvalidArgumentError) as e:
        score_many(table, "0.10")
    assert e.value.field == "amount" and str(e.value.value).startswith("row 0: ")
    # A float64 amount column is refused without float_rounding, read with it.
    table = pa.table(dict(t, amount=pa.array([500.0, 550.0, 100.0])))
    with pytest.raises(cc.InvalidArgumentError) as e:
        score_many(table, "0.10")
    assert (e.value.field, e.value.value) == ("amount", "row 0: 500.0")
    got = score_many(table, "0.10", float_rounding="half-even").to_pydict()
    assert got["npv"] == [Decimal("1000.00"), Decimal("100.00")]


def test_arrangement_in_one_call() -> None:
    a = plan.arrangement("USD", [("card", 250)], "2026-01-01", [("2026-02-01", 100), ("2026-03-01", 100)],
                         down_payment=("2026-01-01", 50), grace_days=2)
    # 50 down and two of 100: 250, the debt's balance; the terms' grace days carried.
    assert (a.total_promised, a.grace_days, len(a.installments)) == (Decimal(250), 2, 2)
    # One month from 2026-01-01 ends on 2026-02-01: 2026-03-01 is beyond it.
    with pytest.raises(cc.InvalidArgumentError) as e:
        plan.arrangement("USD", [("card", 250)], "2026-01-01", [("2026-02-01", 100), ("2026-03-01", 150)],
                         max_term_months=1)
    assert (e.value.field, e.value.value) == ("max_term_months", "1")
