"""Statutory late-payment interest and the ERP formulas: the core's hand-worked cases
(collections-core/tests/late_interest.rs, arithmetic beside each), the breakdown rows and their export,
rate tables with user rows, pickling, and bad input.

Days run from the day after the due date through ``through``; interest = Σ principal × rate% × days /
(100 × year basis), summed exactly and rounded once.
"""

from __future__ import annotations

import datetime
import pickle
from decimal import Decimal
from typing import Any, List, Optional, Tuple

import pandas as pd
import pyarrow as pa
import pytest

from collections_core import (
    CollectionsError,
    CurrencyMismatchError,
    InvalidArgumentError,
    InvalidDateError,
    Money,
    UnknownCurrencyError,
)
from collections_core.debt import (
    STATUTES,
    FinanceChargeTerms,
    LateInterest,
    RateRow,
    RateTable,
    average_daily_balance_interest,
    erpnext_dunning,
    statutory_interest,
)

Segment = Tuple[str, str, int, str, int]

# (name, statute, debtor, principal, currency, due, through, options, segments, interest, fixed, unverified)
CASES: List[Tuple[str, str, str, str, str, str, str, dict[str, Any], List[Segment], str, Optional[str], bool]] = [
    # Germany B2B across the half-year: 108 days × 11.27% + 91 days × 10.27% on 10,000:
    # (12,171,600 + 9,345,700) / 36500 = 589.51506849... -> 589.52; EUR 40 flat fee; 2025 rows are U.
    (
        "de_b2b_across_half_year", "de-bgb-288", "business", "10000.00", "EUR", "2025-03-14", "2025-09-29", {},
        [("2025-03-15", "2025-07-01", 108, "11.27", 365), ("2025-07-01", "2025-09-30", 91, "10.27", 365)],
        "589.52", "40.00 EUR", True,
    ),
    # Germany consumer across the year end, 1.27 + 5 = 6.27% in both half-years:
    # 2500 × 6.27 × (31 + 46) / 36500 = 33.0678... -> 33.07; no flat fee for consumers.
    (
        "de_consumer_across_year_end", "de-bgb-288", "consumer", "2500", "EUR", "2025-11-30", "2026-02-15", {},
        [("2025-12-01", "2026-01-01", 31, "6.27", 365), ("2026-01-01", "2026-02-16", 46, "6.27", 365)],
        "33.07", None, True,
    ),
    # Germany B2B, obligation before the 2014 reform: 8 points, no fee:
    # 3000 × 11.62 × 30 / 36500 = 28.6520... -> 28.65.
    (
        "de_b2b_obligation_before_2014_07_29", "de-bgb-288", "business", "3000", "EUR", "2024-03-31", "2024-04-30",
        {"obligation_date": "2014-06-01"},
        [("2024-04-01", "2024-05-01", 30, "11.62", 365)],
        "28.65", None, True,
    ),
    # EU, the rate fixed per half-year: 30 days × 12.50% + 62 days × 12.25% on 8,000:
    # (3,000,000 + 6,076,000) / 36500 = 248.6575... -> 248.66; EUR 40; ECB rows are V.
    (
        "eu_rate_fixed_per_half_year", "eu-2011-7", "business", "8000", "EUR", "2024-05-31", "2024-08-31", {},
        [("2024-06-01", "2024-07-01", 30, "12.50", 365), ("2024-07-01", "2024-09-01", 62, "12.25", 365)],
        "248.66", "40.00 EUR", False,
    ),
    # EU, margin 9, ACT/ACT ISDA across 2024/2025: (243,000 × 366 + 212,000 × 365) / 13,359,000
    # = 12.4498839... -> 12.45.
    (
        "eu_margin_9_act_act_isda", "eu-2011-7", "business", "1000", "EUR", "2024-12-15", "2025-01-20",
        {"margin_points": 9, "day_count": "ACT/ACT ISDA"},
        [("2024-12-16", "2025-01-01", 16, "13.25", 366), ("2025-01-01", "2025-01-21", 20, "12.15", 365)],
        "12.45", "40.00 EUR", False,
    ),
    # A true half cent: 100.20 × 12.5 × 73 / 36500 = 2.505 exactly: half-even 2.50, half-up 2.51.
    (
        "eu_tie_half_even", "eu-2011-7", "business", "100.20", "EUR", "2023-12-31", "2024-03-13",
        {"rounding": "half-even"},
        [("2024-01-01", "2024-03-14", 73, "12.50", 365)],
        "2.50", "40.00 EUR", False,
    ),
    (
        "eu_tie_half_up", "eu-2011-7", "business", "100.20", "EUR", "2023-12-31", "2024-03-13", {},
        [("2024-01-01", "2024-03-14", 73, "12.50", 365)],
        "2.51", "40.00 EUR", False,
    ),
    # UK, due in H2 2024 (Bank Rate 5.25): 13.25% for the life of the debt:
    # 12000 × 13.25 × 200 / 36500 = 871.2328... -> 871.23; GBP 100 (10,000 or more).
    (
        "uk_fixed_for_life_of_debt", "uk-late-payment-1998", "business", "12000", "GBP", "2024-08-15", "2025-03-03",
        {},
        [("2024-08-16", "2025-03-04", 200, "13.25", 365)],
        "871.23", "100.00 GBP", False,
    ),
    # UK small debt, H1 2026 (3.75, U): 750 × 11.75 × 30 / 36500 = 7.2431... -> 7.24; GBP 40.
    (
        "uk_small_debt", "uk-late-payment-1998", "business", "750", "GBP", "2026-01-10", "2026-02-09", {},
        [("2026-01-11", "2026-02-10", 30, "11.75", 365)],
        "7.24", "40.00 GBP", True,
    ),
]


def compute(case: Any) -> LateInterest:
    _, statute, debtor, principal, currency, due, through, options = case[:8]
    return statutory_interest(statute, debtor, principal, currency, due, through, **options)


@pytest.mark.parametrize("case", CASES, ids=[c[0] for c in CASES])
def test_statutory_cases_worked_by_hand(case: Any) -> None:
    segments, interest, fixed, unverified = case[8:]
    result = compute(case)
    assert result.interest == Decimal(interest) and str(result.interest) == interest
    got = [
        (s.from_date.isoformat(), s.to_date.isoformat(), s.days, str(s.rate_percent), s.year_basis)
        for s in result.segments
    ]
    assert got == segments
    assert (str(result.fixed_compensation) if result.fixed_compensation else None) == fixed
    assert result.any_unverified is unverified
    assert result.days == sum(s[2] for s in segments)


def test_breakdown_rows_and_marks() -> None:
    result = compute(CASES[0])
    rows = [(s.reference.effective_from, s.reference.percent, s.reference.mark, s.margin_points) for s in result.segments]
    assert rows == [
        (datetime.date(2025, 1, 1), Decimal("2.27"), "U", Decimal("9")),
        (datetime.date(2025, 7, 1), Decimal("1.27"), "U", Decimal("9")),
    ]
    # The exact fraction: (12,171,600 + 9,345,700) / 36500.
    assert (result.numerator, result.denominator) == (Decimal("21517300.0000"), Decimal("36500"))
    assert round(result.unrounded, 8) == Decimal("589.51506849")
    assert result.statute == "de-bgb-288" and result.day_count == "ACT/365F" and result.rounding == "half-up"
    assert result.currency.code == "EUR" and result.principal == Decimal("10000.00")
    assert result.fixed_compensation == Money("40.00", "EUR")


def test_breakdown_to_pandas_and_arrow() -> None:
    result = compute(CASES[0])
    table = result.to_arrow()
    assert isinstance(table, pa.Table) and table.num_rows == 2
    assert table.schema.field("from_date").type == pa.date32()
    assert pa.types.is_decimal(table.schema.field("interest").type)
    df = result.to_pandas()
    assert isinstance(df, pd.DataFrame)
    assert list(df.columns) == [
        "from_date", "to_date", "days", "reference_from", "reference_percent", "verification",
        "margin_points", "rate_percent", "year_basis", "interest",
    ]
    assert list(df["days"]) == [108, 91]
    assert list(df["rate_percent"]) == [Decimal("11.27"), Decimal("10.27")]
    assert list(df["verification"]) == ["unverified", "unverified"]
    # The segments' unrounded interest adds up to the exact total (to Decimal's 28 digits).
    assert abs(sum(df["interest"], Decimal(0)) - result.unrounded) < Decimal("1e-20")


def test_user_rows_extend_the_tables() -> None:
    # EU interest in 2026 H1 needs the ECB rate on 2026-01-01, after the built-in table's last date.
    with pytest.raises(InvalidArgumentError) as err:
        statutory_interest("eu-2011-7", "business", 8000, "EUR", "2025-12-31", "2026-01-31")
    assert err.value.field == "from" and err.value.value == "2026-01-01"
    assert "2026-01-01" in str(err.value)
    ecb = RateTable.ecb_main_refinancing().extended_through("2026-06-30")
    # 31 days × (2.15 + 8 = 10.15%): 8000 × 10.15 × 31 / 36500 = 68.964... -> 68.96
    r = statutory_interest("eu-2011-7", "business", 8000, "EUR", "2025-12-31", "2026-01-31", ecb=ecb)
    assert r.interest == Decimal("68.96")
    # A new German half-year row, marked unverified, is used and reported.
    de = RateTable.de_basiszinssatz().with_row(RateRow("2026-07-01", "1.50", "U"), "2026-12-31")
    assert de.rows[-1] == RateRow(datetime.date(2026, 7, 1), Decimal("1.50"), "unverified")
    # 2026-06-30 .. 2026-07-10: 1 day at 6.27% and 10 at 6.50%: 1000 × (6.27 + 65.00) / 36500 = 1.9526 -> 1.95
    r = statutory_interest("de-bgb-288", "consumer", 1000, "EUR", "2026-06-29", "2026-07-10", de_base_rate=de)
    assert [(s.days, s.rate_percent) for s in r.segments] == [(1, Decimal("6.27")), (10, Decimal("6.50"))]
    assert (r.interest, r.any_unverified) == (Decimal("1.95"), True)
    # A table of one's own.
    mine = RateTable("mine", [("2026-01-01", "3", "V")], "2026-12-31")
    assert mine.all_verified and mine.lookup("2026-05-05").percent == Decimal("3")
    assert mine.next_change_after("2026-05-05") is None
    assert RateTable.de_basiszinssatz().next_change_after("2025-03-15") == datetime.date(2025, 7, 1)


def test_erpnext_formula() -> None:
    # 2345.67 × 9.5 × 50 / 36500 = 30.5258... -> 30.53; + 7.50 = 38.03; two earlier dunnings -> level 3.
    r = erpnext_dunning(Money("2345.67", "EUR"), "9.5", "2025-10-01", "2025-11-20", dunning_fee="7.50", earlier_dunnings=2)
    assert (r.overdue_days, r.interest, r.dunning_fee, r.dunning_amount, r.level) == (
        50, Decimal("30.53"), Decimal("7.50"), Decimal("38.03"), 3,
    )
    # Not yet overdue: no interest.
    early = erpnext_dunning(100, 10, "2026-01-10", "2026-01-01", currency="EUR")
    assert (early.overdue_days, early.interest, early.dunning_amount) == (-9, Decimal("0.00"), Decimal("0.00"))


def test_business_central_balance_due() -> None:
    # 1,234.56 × 1.5 / 100 = 18.5184 -> 18.52, + 2.50 fee = 21.02, once past a 10-day grace period.
    terms = FinanceChargeTerms("balance-due", "1.5", 30, grace_days=10, additional_fee="2.50")
    within = terms.charge("1234.56", "2026-01-01", "2026-01-11", currency="USD")
    assert (within.charged, within.total) == (False, Decimal("0.00"))
    past = terms.charge(Money("1234.56", "USD"), "2026-01-01", "2026-01-12")
    assert (past.days_overdue, past.charged, past.interest, past.additional_fee, past.total) == (
        11, True, Decimal("18.52"), Decimal("2.50"), Decimal("21.02"),
    )


def test_business_central_average_daily_balance() -> None:
    # (1000 × 40 + 250.50 × 12) / 30 × 2 / 100 = 86,012 / 3000 = 28.6706... -> 28.67.
    assert average_daily_balance_interest([("1000.00", 40), ("250.50", 12)], 2, 30, "EUR") == Decimal("28.67")
    # 3,000 for 47 days at 1.5% per 30 days = 70.50; with a minimum of 75.00 nothing is charged.
    terms = FinanceChargeTerms("Average Daily Balance", "1.5", 30)
    c = terms.charge(3000, "2026-01-01", "2026-02-17", currency="EUR")
    assert (c.days_overdue, c.interest) == (47, Decimal("70.50"))
    assert terms.method == "average-daily-balance"
    strict = FinanceChargeTerms(**{**terms.to_dict(), "minimum_amount": "75.00"})
    assert strict.charge(3000, "2026-01-01", "2026-02-17", currency="EUR").charged is False


def test_values_pickle_compare_and_rebuild() -> None:
    result = compute(CASES[4])
    values: List[Any] = [
        result,
        result.segments[0],
        RateTable.de_basiszinssatz(),
        RateRow("2026-07-01", "1.27", "U"),
        erpnext_dunning(1200, 12, "2026-01-15", "2026-03-01", currency="USD", dunning_fee=10, earlier_dunnings=1),
        FinanceChargeTerms("balance-due", "1.5", 30),
        FinanceChargeTerms("balance-due", "1.5", 30).charge(100, "2026-01-01", "2026-02-01", currency="EUR"),
    ]
    for value in values:
        back = pickle.loads(pickle.dumps(value))
        assert back == value and hash(back) == hash(value)
        assert type(back).__module__ == "collections_core.debt"
    assert compute(CASES[5]) != compute(CASES[6])
    row = RateRow("2026-07-01", "1.27", "V")
    assert RateRow(**row.to_dict()) == row
    table = RateTable.uk_bank_rate_reference()
    assert RateTable(**table.to_dict()) == table
    assert "LateInterest eu-2011-7 1000 36 days in 2 segments: interest=12.45" in repr(result)
    assert STATUTES == ("eu-2011-7", "de-bgb-288", "uk-late-payment-1998")
    # Names are parsed loosely, by the core's one rule.
    assert compute(CASES[0]) == statutory_interest("DE_BGB_288", "Business", "10000.00", "eur", "2025-03-14", "2025-09-29")


def fails(error: type, field: str, value: Optional[str], make: Any) -> CollectionsError:
    with pytest.raises(error) as err:
        make()
    assert isinstance(err.value, CollectionsError)
    assert err.value.field == field, err.value
    if value is not None:
        assert err.value.value == value
    return err.value


def test_bad_input_names_the_field_and_value() -> None:
    args = ("business", 1000, "EUR", "2025-01-01", "2025-02-01")
    fails(InvalidArgumentError, "statute", "us-ucc", lambda: statutory_interest("us-ucc", *args))
    fails(InvalidArgumentError, "debtor", "person", lambda: statutory_interest("de-bgb-288", "person", 1, "EUR", "2025-01-01", "2025-02-01"))
    fails(InvalidArgumentError, "debtor", "consumer", lambda: statutory_interest("eu-2011-7", "consumer", 1, "EUR", "2025-01-01", "2025-02-01"))
    fails(CurrencyMismatchError, "currency", "GBP, EUR", lambda: statutory_interest("uk-late-payment-1998", *args))
    fails(InvalidArgumentError, "principal", "0", lambda: statutory_interest("eu-2011-7", "business", 0, "EUR", "2025-01-01", "2025-02-01"))
    fails(InvalidArgumentError, "principal", "1000.5", lambda: statutory_interest("eu-2011-7", "business", 1000.5, "EUR", "2025-01-01", "2025-02-01"))  # type: ignore[arg-type]
    fails(UnknownCurrencyError, "currency", None, lambda: statutory_interest("eu-2011-7", "business", 1, "XXQ", "2025-01-01", "2025-02-01"))
    fails(InvalidArgumentError, "rounding", "nearest", lambda: statutory_interest("eu-2011-7", *args, rounding="nearest"))
    fails(InvalidArgumentError, "day_count", None, lambda: statutory_interest("eu-2011-7", *args, day_count="30/365"))
    fails(InvalidArgumentError, "to", None, lambda: statutory_interest("eu-2011-7", "business", 1, "EUR", "2025-02-01", "2025-01-01"))
    fails(InvalidArgumentError, "margin_points", None, lambda: statutory_interest("eu-2011-7", *args, margin_points=7))
    fails(InvalidArgumentError, "ecb", None, lambda: statutory_interest("eu-2011-7", *args, ecb="ECB"))  # type: ignore[arg-type]
    fails(InvalidDateError, "through", None, lambda: statutory_interest("eu-2011-7", "business", 1, "EUR", "2025-01-01", "2025-02-30"))
    fails(InvalidArgumentError, "verification", "maybe", lambda: RateRow("2026-01-01", 1, "maybe"))
    fails(InvalidArgumentError, "rows.effective_from", "2025-01-01", lambda: RateTable("mine", [("2025-01-01", 1, "V"), ("2025-01-01", 2, "V")], "2025-12-31"))
    fails(InvalidArgumentError, "rows.percent", None, lambda: RateTable("mine", [("2025-01-01", 100, "V")], "2025-12-31"))
    fails(InvalidArgumentError, "rows", "[]", lambda: RateTable("mine", [], "2025-12-31"))
    fails(InvalidArgumentError, "valid_through", "2026-01-01", lambda: RateTable.de_basiszinssatz().extended_through("2026-01-01"))
    fails(InvalidArgumentError, "rows.effective_from", "2026-09-01", lambda: RateTable.de_basiszinssatz().with_row(("2026-09-01", 1, "U"), "2026-12-31"))
    fails(InvalidArgumentError, "date", "2023-12-31", lambda: RateTable.de_basiszinssatz().lookup("2023-12-31"))
    fails(InvalidArgumentError, "annual_rate_percent", "-1", lambda: erpnext_dunning(1, -1, "2026-01-01", "2026-02-01", currency="EUR"))
    fails(InvalidArgumentError, "currency", None, lambda: erpnext_dunning(1, 1, "2026-01-01", "2026-02-01"))
    fails(InvalidArgumentError, "method", "monthly", lambda: FinanceChargeTerms("monthly", 1, 30))
    fails(InvalidArgumentError, "interest_period_days", "0", lambda: FinanceChargeTerms("average-daily-balance", 1, 0))
    fails(InvalidArgumentError, "minimum_amount", "-1", lambda: FinanceChargeTerms("balance-due", 1, 30, minimum_amount=-1))
    fails(InvalidArgumentError, "days", "-1", lambda: average_daily_balance_interest([(1, -1)], 1, 30, "EUR"))
    fails(InvalidArgumentError, "items", None, lambda: average_daily_balance_interest([1], 1, 30, "EUR"))  # type: ignore[list-item]
