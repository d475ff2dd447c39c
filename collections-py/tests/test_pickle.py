"""Every class of collections_core pickles, so values travel to Dask, Spark and multiprocessing workers.

The classes are found by walking the compiled module and every public submodule, so a class added later
without a sample here (or without pickling) fails ``test_every_class_has_a_sample`` by name. Each sample
round-trips through ``pickle`` (every protocol from 2) and ``cloudpickle``; an unpickled value is checked
again like any input, so a tampered pickle raises the library's error naming the field, never a panic.
"""

from __future__ import annotations

import datetime
import functools
import importlib
import json
import multiprocessing
import pickle
import pkgutil
from decimal import Decimal
from typing import Any, Callable, Dict, Iterator, List, Tuple

import cloudpickle
import pytest

import collections_core as cc
from collections_core import _collections_core as native
from collections_core import affordability as af
from collections_core import contact as ct
from collections_core import debt as dt
from collections_core import finance as fi
from collections_core import plan as pl
from collections_core.schedule import ScheduleBuilder

UTC = datetime.timezone.utc
CELL = "+1 212 555 0100"


# ---------------------------------------------------------------- the classes


def _modules() -> Iterator[Any]:
    """The package, its compiled module and every public submodule (found, not listed)."""
    yield cc
    yield native
    for info in pkgutil.iter_modules(cc.__path__):
        if not info.name.startswith("_") or info.name in ("_collections_core", "_errors"):
            yield importlib.import_module(f"collections_core.{info.name}")


def _classes() -> List[type]:
    """Every class defined by collections_core that its modules export, once each."""
    found: Dict[Tuple[str, str], type] = {}
    for module in _modules():
        for name in dir(module):
            value = getattr(module, name)
            if isinstance(value, type) and value.__module__.startswith("collections_core"):
                found[(value.__module__, value.__qualname__)] = value
    return [found[k] for k in sorted(found)]


CLASSES = _classes()


def _name(cls: type) -> str:
    return f"{cls.__module__}.{cls.__qualname__}"


# ---------------------------------------------------------------- samples, built once


def _plan_terms() -> Any:
    return pl.PlanTerms("USD", [("card", 1050)], "2026-01-01")


def _arrangement() -> Any:
    # 500.00 now and 550.00 in a year (365 days, 2026 is not a leap year).
    return pl.Arrangement.from_promises(_plan_terms(), [("2026-01-01", 500), ("2027-01-01", 550)])


def _statement() -> Any:
    return af.Statement(
        "2025-06-01", "GBP", af.Household(1), [("earnings", 1500, "monthly"), ("housing", 1000, "monthly")]
    )


def _assessment() -> Any:
    return af.assess(_statement())


def _dunning_run() -> Any:
    policy = dt.DunningPolicy(
        "EUR",
        [
            dt.DunningLevel(7, "reminder", grace_days=3),
            dt.DunningLevel(21, "final notice", fee="5.00", interest="erpnext", rate_percent=10),
        ],
    )
    invoices = [
        dt.Invoice("I-1", "C-1", "100.00", "2026-01-15", currency="EUR"),
        dt.Invoice("I-2", "C-2", "250.00", "2026-02-10", currency="EUR"),
    ]
    return dt.dunning_run(invoices, policy, "2026-03-01")


def _aging_account() -> Any:
    return dt.Account([("2026-01-01", 100, 0), ("2026-02-01", 100, 100)])


def _portfolio() -> Any:
    return dt.age_accounts(
        ["a1", "a2"], ["2026-01-31", "2026-03-10"], [40, 20], [0, 0], "2026-03-31"
    )


def _ledger() -> Any:
    account = dt.LedgerAccount("A-1", "USD", "2026-01-01", "1000.00", dt.Terms([("2026-01-01", "0.0365")]))
    return dt.Ledger(
        account,
        [
            dt.Event.obligation("2026-02-01", "500.00"),
            dt.Event.payment("2026-02-01", "P-1", "200.00", "USD"),
        ],
    )


def _reconciliation() -> Any:
    reported = [dt.PaymentRecord("T1", "A-1", "2026-01-02", "100.00", "USD")]
    posted = [
        dt.PaymentRecord("T1", "A-1", "2026-01-02", "100.00", "USD"),
        dt.PaymentRecord("T2", "A-2", "2026-01-03", "50.00", "USD"),
    ]
    return dt.reconcile(reported, posted)


def _comparison() -> Any:
    return dt.compare_to_expected(
        [("2026-01-01", "100.00"), ("2026-02-01", "100.00")], [("2026-01-03", "100.00")], 5, "2026-03-01"
    )


def _late_interest() -> Any:
    return dt.statutory_interest("de-bgb-288", "business", "10000.00", "EUR", "2025-03-14", "2025-09-29")


def _profile() -> Any:
    return ct.ContactProfile(
        "p1",
        ["America/New_York"],
        destinations=[ct.Destination(CELL, "phone", line="cell")],
        prior_consents=[ct.PriorConsent("card", "2026-01-01T12:00:00Z")],
        tcpa_consents=[ct.TcpaConsent(CELL, "2026-01-01T12:00:00Z")],
        opt_outs=[ct.OptOut("email", "2026-01-01T12:00:00Z")],
        time_place_consents=[ct.TimePlaceConsent("2026-01-01T12:00:00Z", channel="call")],
        inconvenient_times=[ct.WeeklyWindow("sunday", "08:00", "12:00")],
        flags=[ct.StatusFlag("bankruptcy", "2026-01-01T12:00:00Z", debt="loan")],
    )


def _history() -> Any:
    return ct.ContactHistory([ct.Attempt("2026-11-02T16:58:00Z", "call", "no_answer", CELL, ["card"])])


def _request(hour: int, minute: int = 0) -> Any:
    return ct.ContactRequest("p1", "card", "call", CELL, datetime.datetime(2026, 11, 2, hour, minute, tzinfo=UTC))


def _decision(hour: int, minute: int = 0) -> Any:
    # A New Yorker without consents: 03:00 UTC is 22:00 EST, too late (a reason); at 17:00 UTC, two
    # minutes after an unanswered call, the call is allowed with a rapid-succession warning.
    profile = ct.ContactProfile("p1", ["America/New_York"], destinations=[ct.Destination(CELL, "phone", line="cell")])
    history = _history() if hour >= 17 else None
    return ct.evaluate(ct.Policy.us_federal(), profile, history, _request(hour, minute))


def _first(items: Any) -> Any:
    """The first of a non-empty sequence (a sample that is missing fails here, not later)."""
    items = list(items)
    assert items, "the sample's source gave nothing"
    return items[0]


def _error(cls: type) -> Any:
    return cls("amount: not a decimal", "amount", "abc")


# One factory per class, by class. A class missing here fails `test_every_class_has_a_sample`.
SAMPLES: Dict[type, Callable[[], Any]] = {
    # the package root
    cc.Currency: lambda: cc.Currency("PTS", 0),
    cc.Money: lambda: cc.Money("2.50", "USD"),
    cc.Rate: lambda: cc.Rate("5.25%"),
    cc.Frequency: lambda: cc.Frequency.semi_monthly(15, 31),
    cc.DayCount: lambda: cc.DayCount("30E/360 ISDA", maturity="2030-02-28"),
    cc.HolidayCalendar: lambda: cc.HolidayCalendar(weekend=("fri", "sat"), holidays=["2026-03-19"]),
    cc.Schedule: lambda: cc.amortize(1000, "0.12", "2026-01-01", "2026-02-01", term=3),
    cc.ScheduleRow: lambda: cc.amortize(1000, "0.12", "2026-01-01", "2026-02-01", term=3).rows[1],
    cc.ScheduleTotals: lambda: cc.amortize(1000, "0.12", "2026-01-01", "2026-02-01", term=3).totals,
    ScheduleBuilder: lambda: ScheduleBuilder(2000, cc.Rate("10%"), "2026-01-01", "2026-02-01").term(24).level_principal(),
    # finance
    fi.RegulationZApr: lambda: fi.apr_regulation_z(["2026-01-01"], [1000], ["2026-04-01"], [1050]),
    fi.Aprc: lambda: fi.aprc_eu(["1994-01-01"], [1000], ["1995-07-01"], [1200], decimals=2),
    # debt: late interest
    dt.RateRow: lambda: dt.RateRow("2026-07-01", "1.27", "U"),
    dt.RateTable: dt.RateTable.de_basiszinssatz,
    dt.InterestSegment: lambda: _late_interest().segments[0],
    dt.LateInterest: _late_interest,
    dt.ErpNextDunning: lambda: dt.erpnext_dunning(
        1200, 12, "2026-01-15", "2026-03-01", currency="USD", dunning_fee=10, earlier_dunnings=1
    ),
    dt.FinanceChargeTerms: lambda: dt.FinanceChargeTerms("balance-due", "1.5", 30),
    dt.FinanceCharge: lambda: dt.FinanceChargeTerms("balance-due", "1.5", 30).charge(
        100, "2026-01-01", "2026-02-01", currency="EUR"
    ),
    # debt: dunning
    dt.DunningLevel: lambda: dt.DunningLevel(21, "final notice", fee="5.00", interest="erpnext", rate_percent=10),
    dt.DunningPolicy: lambda: dt.DunningPolicy("EUR", [dt.DunningLevel(7, "reminder", grace_days=3)]),
    dt.Invoice: lambda: dt.Invoice("I-1", "C-1", "100.00", "2026-01-15", currency="EUR", payments=[("2026-01-20", "10.00")]),
    dt.DunningLine: lambda: _first(_dunning_run().lines),
    dt.DunningTotals: lambda: _dunning_run().totals,
    dt.CustomerDunning: lambda: _first(_dunning_run().customers),
    dt.DunningRun: _dunning_run,
    # debt: aging
    dt.AgingRules: lambda: dt.AgingRules("cumulative", "amount", "12.50", 3, [29, 59]),
    dt.Aging: lambda: _aging_account().age("2026-03-01"),
    dt.ChargeOff: lambda: _aging_account().charge_off("2026-03-01", "closed-end"),
    dt.TimeBar: lambda: _aging_account().time_bar("2026-03-01", years=6),
    dt.Account: _aging_account,
    dt.DelinquencyChange: lambda: _first(
        dt.AccountActivity([("2026-01-01", 100)], []).delinquency_history("2026-01-01", "2026-01-05")
    ),
    dt.AccountActivity: lambda: dt.AccountActivity([("2026-01-01", 100)], [("2026-01-05", 50)]),
    dt.BucketTotals: lambda: _first(_portfolio().bucket_totals),
    dt.PortfolioAging: _portfolio,
    # debt: status
    dt.Status: lambda: dt.Status("charged_off"),
    dt.StatusChange: lambda: dt.transition("current", "delinquent", "2026-02-01", "missed payment"),
    dt.StatusHistory: lambda: dt.StatusHistory(
        "current", "2026-01-01", [dt.transition("current", "delinquent", "2026-02-01", "missed payment")]
    ),
    # debt: ledger
    dt.LateFeeRule: lambda: dt.LateFeeRule(flat="25.00", grace_days=10),
    dt.Terms: lambda: dt.Terms([("2026-01-01", "0.0365")], late_fee=dt.LateFeeRule(flat="25.00")),
    dt.LedgerAccount: lambda: _ledger().account,
    dt.Event: lambda: dt.Event.payment("2026-02-01", "P-1", "200.00", "USD"),
    dt.Allocation: lambda: _first(a for e in _ledger().entries for a in e.allocations),
    dt.Balances: lambda: _ledger().balances,
    dt.LedgerTotals: lambda: _ledger().totals,
    dt.Entry: lambda: _first(_ledger().entries),
    dt.Ledger: _ledger,
    # debt: reconciliation
    dt.PaymentRecord: lambda: dt.PaymentRecord("T1", "A-1", "2026-01-02", "100.00", "USD"),
    dt.Tolerances: lambda: dt.Tolerances(date_days=2, amount="0.05", match_window_days=5),
    dt.Discrepancy: lambda: _first(_reconciliation().discrepancies),
    dt.Reconciliation: _reconciliation,
    dt.ExpectedOutcome: lambda: _first(_comparison().installments),
    dt.ExpectedComparison: _comparison,
    # affordability
    af.Household: lambda: af.Household(2, 1, vehicles=1),
    af.Item: lambda: af.Item("earnings", 600, "weekly", "wages"),
    af.Statement: _statement,
    af.GuidelineTable: lambda: _first(af.Guidelines.irs().tables),
    af.Guidelines: af.Guidelines.irs,
    af.GuidelineUse: lambda: _first(af.assess(_statement_us(), af.Guidelines.irs()).guidelines),
    af.Flag: lambda: _first(af.assess(_statement_us(), af.Guidelines.irs()).flags),
    af.Line: lambda: _first(_assessment().lines),
    af.Assessment: _assessment,
    af.Offer: lambda: _first(af.fair_share(100, "GBP", [("bank", 6000), ("card", 3000)]).offers),
    af.FairShare: lambda: af.fair_share(100, "GBP", [("bank", 6000), ("card", 3000)], minimum=15),
    af.PlanPolicy: af.PlanPolicy.irs_streamlined,
    af.Plan: lambda: af.recommend(_assessment(), [("card", 2000, 0)])[0].plan,
    af.Recommendation: lambda: af.recommend(_assessment(), [("card", 2000, 0)])[0],
    # contact
    ct.Rule: lambda: ct.Policy.us_federal().rules[0],
    ct.RuleSet: lambda: ct.RuleSet.by_name("tcpa"),
    ct.Policy: ct.Policy.us_federal,
    ct.Destination: lambda: ct.Destination(CELL, "phone", line="cell"),
    ct.PriorConsent: lambda: ct.PriorConsent("card", "2026-01-01T12:00:00Z", until="2026-12-31"),
    ct.TcpaConsent: lambda: ct.TcpaConsent(CELL, "2026-01-01T12:00:00Z"),
    ct.OptOut: lambda: ct.OptOut("email", "2026-01-01T12:00:00Z"),
    ct.TimePlaceConsent: lambda: ct.TimePlaceConsent("2026-01-01T12:00:00Z", channel="call"),
    ct.WeeklyWindow: lambda: ct.WeeklyWindow("sunday", "08:00", "12:00"),
    ct.StatusFlag: lambda: ct.StatusFlag("bankruptcy", "2026-01-01T12:00:00Z", debt="loan"),
    ct.ContactProfile: _profile,
    ct.Attempt: lambda: _first(_history().attempts),
    ct.ContactHistory: _history,
    ct.ContactRequest: lambda: _request(17),
    ct.Reason: lambda: _first(_decision(3).reasons),
    ct.ContactWarning: lambda: _first(_decision(17).warnings),
    ct.Decision: lambda: _decision(3),
    # plan
    pl.PlanBounds: lambda: pl.PlanBounds(max_term_months=12),
    pl.PlanTerms: _plan_terms,
    pl.ReplanTerms: lambda: pl.ReplanTerms("2026-01-01", "2026-02-01", "monthly", term=12, annual_rate="0.05"),
    pl.Arrangement: _arrangement,
    pl.BreakRule: lambda: pl.BreakRule(missed_installments=2, consecutive=True),
    pl.PromiseTrack: lambda: _first(pl.track(_arrangement(), [("2026-01-01", 500)], "2026-06-01").promises),
    pl.Tracking: lambda: pl.track(_arrangement(), [("2026-01-01", 500)], "2026-06-01"),
    pl.Probabilities: lambda: pl.Probabilities.per_installment(["1", "0.5"]),
    pl.PlanScore: lambda: pl.Scorer("0.10").score(_arrangement()),
    pl.Scorer: lambda: pl.Scorer("0.10", disposable_income=600, rounding="half-even"),
    pl.ForecastRow: lambda: _first(pl.forecast([_arrangement()], "2026-01-01").rows),
    pl.Forecast: lambda: pl.forecast([_arrangement()], "2026-01-01"),
    pl.Settlement: lambda: pl.settle(1000, "USD", 60, ["2026-02-01", "2026-03-01", "2026-04-01"]),
    pl.AlternativePath: lambda: pl.AlternativePath([("2027-01-01", 2200, "0.5")], [("2026-01-01", 100)]),
    pl.MinimumSettlement: lambda: pl.minimum_settlement(
        pl.AlternativePath([("2027-01-01", 2200, "0.5")], [("2026-01-01", 100)]), "2026-01-01", "0.10", "USD"
    ),
    pl.SettlementPolicy: lambda: pl.SettlementPolicy([(0, 10, 5, 3), (90, 30, 20, 6)]),
    pl.SettlementOffer: lambda: _first(
        pl.settlement_offers(1000, "USD", 120, pl.SettlementPolicy([(0, 10, 5, 3), (90, 30, 20, 6)]))
    ),
    pl.RollMatrix: lambda: pl.roll_rate_matrix(
        [dt.Account([("2026-01-01", 100, 0)]), dt.Account([("2026-01-01", 100, 100)])], "2026-01-15", "2026-02-15"
    ),
    pl.AccountState: lambda: pl.AccountState(days_past_due=45, balance=1200, broken_promises=1),
    pl.TreatmentRule: lambda: _first(pl.TreatmentPolicy.standard().rules),
    pl.TreatmentRecommendation: lambda: pl.TreatmentPolicy.standard().recommend(pl.AccountState(days_past_due=45, balance=1200)),
    pl.TreatmentPolicy: pl.TreatmentPolicy.standard,
}


def _statement_us() -> Any:
    # Spending above the IRS allowances, so the assessment flags it and names the tables it used.
    return af.Statement(
        "2025-06-01",
        "USD",
        af.Household(1),
        [("earnings", 3000, "monthly"), ("housing", 2900, "monthly"), ("food_and_housekeeping", 900, "monthly")],
    )


# The exception classes (as found by the walk) share one sample shape.
for _cls in CLASSES:
    if issubclass(_cls, cc.CollectionsError):
        SAMPLES[_cls] = functools.partial(_error, _cls)


def _sample(cls: type) -> Any:
    factory = SAMPLES.get(cls)
    if factory is None:
        pytest.fail(f"{_name(cls)} has no sample in test_pickle.SAMPLES: add one (and pickling if it lacks it)")
    value = factory()
    assert type(value) is cls, f"the sample for {_name(cls)} is a {type(value).__name__}"
    return value


def _same(back: Any, value: Any) -> None:
    """``back`` is ``value`` again: equal where the class has equality, else the same JSON, fields or
    repr (and, for exceptions, the same message and fields)."""
    cls = type(value)
    assert type(back) is cls
    if isinstance(value, BaseException):
        assert (back.args, str(back)) == (value.args, str(value))
        assert (getattr(back, "field", None), getattr(back, "value", None)) == (
            getattr(value, "field", None),
            getattr(value, "value", None),
        )
        return
    if any("__eq__" in vars(k) for k in cls.__mro__[:-1]):  # equality of its own
        assert back == value and not (back != value)
        if cls.__hash__ is not None:
            assert hash(back) == hash(value)
    for method in ("to_json", "to_dict"):
        if hasattr(value, method):
            assert getattr(back, method)() == getattr(value, method)()
    assert repr(back) == repr(value)


# ---------------------------------------------------------------- the round trips


def test_every_class_has_a_sample() -> None:
    missing = [_name(c) for c in CLASSES if c not in SAMPLES]
    assert not missing, f"classes with no sample (and maybe no pickling): {missing}"
    # and every sample is of a class the modules export (a stale entry is a renamed class)
    assert not [_name(c) for c in SAMPLES if c not in CLASSES]


def test_the_walk_finds_every_module_and_the_classes_they_export() -> None:
    # At least the 105 compiled classes, the pure-Python ScheduleBuilder and the 10 exception classes
    # (a lower bound: a class added later is named by the test above, not counted here).
    assert len([c for c in CLASSES if c in vars(native).values()]) >= 105
    assert ScheduleBuilder in CLASSES and cc.NoSolutionError in CLASSES and pl.Scorer in CLASSES
    assert len(CLASSES) >= 116


def test_every_compiled_class_defines_reduce() -> None:
    # A compiled class pickles only through a `__reduce__` of its own (the pure-Python classes pickle
    # by their instance state, like any Python class).
    compiled = [c for c in CLASSES if c in vars(native).values()]
    assert not [_name(c) for c in compiled if "__reduce__" not in vars(c)], "compiled classes that do not pickle"


@pytest.mark.parametrize("cls", CLASSES, ids=_name)
@pytest.mark.parametrize("protocol", range(2, pickle.HIGHEST_PROTOCOL + 1))
def test_pickle_round_trip(cls: type, protocol: int) -> None:
    value = _sample(cls)
    _same(pickle.loads(pickle.dumps(value, protocol=protocol)), value)


@pytest.mark.parametrize("cls", CLASSES, ids=_name)
def test_cloudpickle_round_trip(cls: type) -> None:
    value = _sample(cls)
    _same(cloudpickle.loads(cloudpickle.dumps(value)), value)
    # twice over: a value that went to a worker and came back
    _same(pickle.loads(cloudpickle.dumps(pickle.loads(pickle.dumps(value)))), value)


def test_scorer_and_builder_work_the_same_after_a_round_trip() -> None:
    # Neither has equality: each must do what the original does.
    scorer = SAMPLES[pl.Scorer]()
    back = pickle.loads(pickle.dumps(scorer))
    assert back.score(_arrangement()) == scorer.score(_arrangement())
    assert (back.discount_rate, back.disposable_income, back.rounding) == (Decimal("0.10"), Decimal(600), "half-even")
    with_income = pl.Scorer("0.10").with_assessment(_assessment())
    assert pickle.loads(pickle.dumps(with_income)).disposable_income == with_income.disposable_income
    builder = SAMPLES[ScheduleBuilder]()
    assert pickle.loads(pickle.dumps(builder)).build() == builder.build()
    # 2,000.00 over 24 months, level principal at 10%: 2000 / 24 = 83.33 of principal and
    # 2000 x 0.10 / 12 = 16.67 of interest in the first payment, 100.00.
    first = cloudpickle.loads(cloudpickle.dumps(builder)).build().rows[0]
    assert (first.principal, first.interest, first.payment) == (Decimal("83.33"), Decimal("16.67"), Decimal("100.00"))


# ---------------------------------------------------------------- worker processes


def test_spawned_workers_score_pickled_plans_as_the_parent_does() -> None:
    # Plans and scorers go to fresh interpreters (spawn: nothing inherited, everything pickled) and
    # the scores come back pickled.
    scorer = pl.Scorer("0.10", disposable_income=600)
    certain = _arrangement()
    halved = (_arrangement(), pl.Probabilities.per_installment(["1", "0.5"]))
    small = pl.Arrangement.from_promises(
        pl.PlanTerms("USD", [("card", 300)], "2026-01-01"), [("2026-01-01", 300)]
    )
    jobs = [(scorer, certain, None), (scorer, *halved), (scorer, small, None)]
    with multiprocessing.get_context("spawn").Pool(2) as pool:
        remote = pool.starmap(pl.Scorer.score, jobs)
        assessments = pool.map(af.assess, [_statement()] * 2)
    local = [s.score(p, q) for s, p, q in jobs]
    assert remote == local
    assert assessments == [_assessment()] * 2
    # By hand: 500.00 now and 550.00 a year (365 days) later at 10% a year: NPV 500 + 550 / 1.1 = 1000.00
    # of a 1,050.00 balance. Paid with probabilities 1 and 0.5: 500 + 275 = 775.00, its NPV
    # 500 + 275 / 1.1 = 750.00. 300.00 now against 600.00 a month: a payment-to-income of 0.50.
    first, second, third = remote
    assert (first.total, first.npv) == (Decimal("1050.00"), Decimal("1000.00"))
    assert (second.expected_value, second.expected_npv) == (Decimal("775.00"), Decimal("750.00"))
    assert (third.npv, third.recovery_ratio, third.payment_to_income) == (
        Decimal("300.00"),
        Decimal("1.00"),
        Decimal("0.50"),
    )


# ---------------------------------------------------------------- tampered pickles


class _Forged:
    """Pickles as the reduce tuple given: what a tampered pickle holds."""

    def __init__(self, rebuild: Any, args: Tuple[Any, ...]) -> None:
        self.rebuild, self.args = rebuild, args

    def __reduce__(self) -> Tuple[Any, Tuple[Any, ...]]:
        return self.rebuild, self.args


def _forged(value: Any, edit: Callable[[Any], Any]) -> bytes:
    """A pickle of ``value`` whose JSON state went through ``edit``."""
    rebuild, (state, *rest) = value.__reduce__()
    return pickle.dumps(_Forged(rebuild, (json.dumps(edit(json.loads(state))), *rest)))


def _json_classes() -> List[type]:
    """The classes that pickle as their core value's JSON."""
    out = []
    for cls in CLASSES:
        if cls in SAMPLES and hasattr(cls, "_from_state"):
            out.append(cls)
    return out


@pytest.mark.parametrize("cls", _json_classes(), ids=_name)
@pytest.mark.parametrize("state", ["", "not json", "[1, 2", "null", '{"x": 1e999}', 7])
def test_malformed_state_is_the_library_error_naming_state(cls: type, state: Any) -> None:
    rebuild, args = _sample(cls).__reduce__()
    data = pickle.dumps(_Forged(rebuild, (state, *args[1:])))
    with pytest.raises(cc.CollectionsError) as err:
        pickle.loads(data)
    assert err.value.field == "state"


def _edits(state: Any, path: Tuple[Any, ...] = ()) -> Iterator[Tuple[Tuple[Any, ...], Any]]:
    """(path, bad value) pairs: every number and numeric or date text of ``state`` made wrong."""
    if isinstance(state, dict):
        for k, v in state.items():
            yield from _edits(v, path + (k,))
    elif isinstance(state, list):
        for i, v in enumerate(state):
            yield from _edits(v, path + (i,))
    elif isinstance(state, bool) or state is None:
        return
    elif isinstance(state, (int, float)):
        yield path, -(10**30)
        yield path, "x"
    elif isinstance(state, str):
        try:
            Decimal(state)
            yield path, "-99999999999999999999999999.99"
            yield path, "1e400"
        except ArithmeticError:
            pass
        if len(state) >= 10 and state[4:5] == "-" and state[7:8] == "-":
            yield path, "2026-02-30"
            yield path, "+262143-12-31"


def _set(state: Any, path: Tuple[Any, ...], value: Any) -> Any:
    copy = json.loads(json.dumps(state))
    target = copy
    for key in path[:-1]:
        target = target[key]
    target[path[-1]] = value
    return copy


@pytest.mark.parametrize("cls", _json_classes(), ids=_name)
def test_a_tampered_field_never_panics(cls: type) -> None:
    # Every field's value made wrong in turn: the value is either accepted by the core's checks or
    # refused with the library's error, never a panic or another exception.
    value = _sample(cls)
    _, (state, *_rest) = value.__reduce__()
    tried = 0
    for path, bad in _edits(json.loads(state)):
        data = _forged(value, lambda s: _set(s, path, bad))
        try:
            _use(pickle.loads(data))
        except cc.CollectionsError:
            pass
        tried += 1
        if tried >= 60:
            break


def _use(value: Any) -> None:
    """What a worker does with a value first: show it, read its fields, walk its rows."""
    repr(value)
    for method in ("to_dict", "to_json", "to_arrow"):
        if hasattr(value, method):
            getattr(value, method)()
    if hasattr(value, "__len__"):
        [repr(item) for item in value]


def _rebuilt_by_constructor(cls: type) -> bool:
    """Whether ``cls(**value.to_dict())`` makes the sample again (its fields are its constructor's)."""
    value = _sample(cls)
    try:
        return bool(cls(**value.to_dict()) == value)
    except (TypeError, cc.CollectionsError):
        return False


@pytest.mark.parametrize("cls", [c for c in _json_classes() if _rebuilt_by_constructor(c)], ids=_name)
def test_an_unpickled_value_passes_its_constructors_checks(cls: type) -> None:
    # Whatever a tampered pickle makes, the constructor would have made too: an unpickled value is
    # checked like any input (a negative fee or rate, say, is refused on the way in).
    value = _sample(cls)
    _, (state, *_rest) = value.__reduce__()
    for path, bad in _edits(json.loads(state)):
        try:
            back = pickle.loads(_forged(value, lambda s: _set(s, path, bad)))
        except cc.CollectionsError:
            continue
        assert cls(**back.to_dict()) == back, (path, bad)


def test_the_constructor_check_covers_the_classes_it_can() -> None:
    # The test above is not vacuous: these classes are rebuilt from their fields.
    names = {c.__name__ for c in _json_classes() if _rebuilt_by_constructor(c)}
    assert {"DunningLevel", "FinanceChargeTerms", "AccountActivity", "AgingRules", "RateTable"} <= names


def _refused(value: Any, edit: Callable[[Any], Any], field: str) -> None:
    with pytest.raises(cc.CollectionsError) as err:
        pickle.loads(_forged(value, edit))
    assert field in str(err.value), str(err.value)


def _at(*path: Any) -> Callable[[Any], Callable[[Any], Any]]:
    """An edit setting the value at ``path`` of a JSON state."""
    return lambda bad: lambda state: _set(state, path, bad)


@pytest.mark.parametrize(
    "cls, edit, bad, field",
    [
        # a promise of a negative amount, and one before the plan starts
        (pl.Arrangement, _at("promises", 1, "amount"), "-550", "promises"),
        (pl.Arrangement, _at("promises", 1, "date"), "2025-01-01", "promises"),
        (pl.Probabilities, _at("value", 1), "1.5", "probabilities"),
        (af.Household, _at("adults"), 0, "household"),
        (af.Statement, _at("items", 0, "amount"), "-1", "amount"),
        (dt.LedgerAccount, _at("principal"), "-1", "principal"),
        (ct.ContactRequest, _at("at"), "not an instant", "state"),
        # checks the deserializer alone did not run: the constructor's, added for pickling
        (dt.DunningLevel, _at("interest", "annual_rate_percent"), "-5", "rate_percent"),
        (dt.FinanceChargeTerms, _at("minimum_amount"), "-1", "minimum_amount"),
        (dt.AccountActivity, _at(1, 0, "amount"), "-100", "dues"),
        (dt.AccountActivity, _at(0, "dues", 0, "amount"), "90", "state"),
    ],
    ids=lambda v: v if isinstance(v, str) else getattr(v, "__name__", None),
)
def test_tampered_inputs_are_refused_naming_the_field(cls: type, edit: Any, bad: Any, field: str) -> None:
    # The core's own checks, run again on the way in: the library's error, naming the field.
    _refused(_sample(cls), edit(bad), field)


def test_a_tampered_scorer_is_refused_by_its_constructor() -> None:
    # A scorer pickles as its constructor's arguments: a discount rate of -100% or less is refused.
    rebuild, (_, income, rounding) = pl.Scorer("0.10").__reduce__()
    for args, field in (((Decimal("-1"), income, rounding), "discount_rate"), ((Decimal("0.1"), income, "up-ish"), "rounding")):
        with pytest.raises(cc.CollectionsError) as err:
            pickle.loads(pickle.dumps(_Forged(rebuild, args)))
        assert err.value.field == field
