"""Every kind of bad input raises the right CollectionsError (a ValueError) naming the argument."""

# These tests pass wrong types on purpose; mypy, reading the stubs, rightly refuses them.
# mypy: disable-error-code="arg-type,list-item,operator,call-arg,call-overload"

from __future__ import annotations

import datetime
from decimal import Decimal
from typing import Any, Callable, List

import pytest

import collections_core as cc
from collections_core import finance as fin

USD = cc.Money("10.00", "USD")
US = cc.HolidayCalendar.us_federal()
MONTHLY = cc.Frequency("monthly")
# Excel's XIRR example.
DATES = ["2008-01-01", "2008-03-01", "2008-10-30", "2009-02-15", "2009-04-01"]
AMOUNTS = [-10000, 2750, 4250, 3250, 2750]
# A loan for the APR functions: 1,000 lent on 2026-01-01, two payments of 520.
LENT = (["2026-01-01"], [1000])
REPAID = (["2026-02-01", "2026-03-01"], [520, 520])
REG_Z = fin.apr_regulation_z(*LENT, *REPAID)


def apr(*args: Any, **kwargs: Any) -> Any:
    return fin.apr_regulation_z(*args, **kwargs)


def aprc(*args: Any, **kwargs: Any) -> Any:
    return fin.aprc_eu(*args, **kwargs)


def case(
    id: str, call: Callable[[], Any], error: type[cc.CollectionsError], field: str
) -> Any:
    return pytest.param(call, error, field, id=id)


BAD_INPUTS: List[Any] = [
    # dates that do not exist, or are not dates
    case("date-feb-30-str", lambda: cc.date_schedule("2025-02-30", "monthly", count=2), cc.InvalidDateError, "start"),
    case("date-feb-30-adjust", lambda: US.adjust("2025-02-30"), cc.InvalidDateError, "date"),
    case("date-not-iso", lambda: US.is_business_day("31/01/2024"), cc.InvalidDateError, "date"),
    case("date-empty", lambda: cc.DayCount("ACT/360").days("", "2024-01-01"), cc.InvalidDateError, "start"),
    case("date-until-bad", lambda: cc.date_schedule("2025-01-01", "monthly", until="2025-13-01"), cc.InvalidDateError, "until"),
    case("date-holiday-bad", lambda: cc.HolidayCalendar(holidays=["2025-02-29"]), cc.InvalidDateError, "holidays"),
    case("datetime-refused", lambda: US.adjust(datetime.datetime(2026, 7, 4, 12, 0)), cc.InvalidArgumentError, "date"),
    case("date-wrong-type", lambda: cc.date_schedule(20260101, "monthly", count=1), cc.InvalidArgumentError, "start"),
    # currencies
    case("currency-unknown", lambda: cc.Money("1", "XYZ"), cc.UnknownCurrencyError, "currency"),
    case("currency-unknown-code", lambda: cc.Currency("XYZ"), cc.UnknownCurrencyError, "code"),
    case("currency-malformed", lambda: cc.Currency("US1", 2), cc.UnknownCurrencyError, "code"),
    case("currency-minor-units-19", lambda: cc.Currency("PTS", 19), cc.InvalidArgumentError, "minor_units"),
    case("currency-minor-units-negative", lambda: cc.Currency("PTS", -1), cc.InvalidArgumentError, "minor_units"),
    case("currency-wrong-type", lambda: cc.Money("1", 840), cc.InvalidArgumentError, "currency"),
    case("currency-from-minor-units", lambda: cc.Money.from_minor_units(1, "ZZZ"), cc.UnknownCurrencyError, "currency"),
    # mixing currencies
    case("mix-add", lambda: USD + cc.Money("1.00", "EUR"), cc.CurrencyMismatchError, "currency"),
    case("mix-sub", lambda: USD - cc.Money("1", "JPY"), cc.CurrencyMismatchError, "currency"),
    case("mix-user-defined", lambda: USD + cc.Money("1", cc.Currency("USD", 3)), cc.CurrencyMismatchError, "currency"),
    # rates at or below -100%
    case("rate-percent-minus-100", lambda: cc.Rate.from_percent(-100), cc.InvalidRateError, "percent"),
    case("rate-fraction-minus-1", lambda: cc.Rate.from_fraction("-1.5"), cc.InvalidRateError, "fraction"),
    case("rate-text", lambda: cc.Rate("-150%"), cc.InvalidRateError, "value"),
    case("rate-effective", lambda: cc.Rate.from_effective_annual(-1, 12), cc.InvalidRateError, "effective"),
    case("rate-periods-zero", lambda: cc.Rate.from_percent(5).effective_annual(0), cc.InvalidArgumentError, "periods_per_year"),
    case("rate-no-compounding", lambda: cc.Rate.from_percent(5).effective_annual(), cc.InvalidArgumentError, "periods_per_year"),
    case("rate-both-compoundings", lambda: cc.Rate.from_percent(5).effective_annual(12, continuous=True), cc.InvalidArgumentError, "periods_per_year"),
    case("rate-periodic-frequency", lambda: cc.Rate.from_percent(5).periodic("sometimes"), cc.InvalidArgumentError, "frequency"),
    # splits
    case("split-weights-zero", lambda: USD.split([0, 0]), cc.InvalidArgumentError, "weights"),
    case("split-weights-empty", lambda: USD.split([]), cc.InvalidArgumentError, "weights"),
    case("split-weights-negative", lambda: USD.split([1, -1]), cc.InvalidArgumentError, "weights"),
    case("split-weights-text", lambda: USD.split(["1", "one"]), cc.InvalidDecimalError, "weights"),
    case("split-weights-str", lambda: USD.split("111"), cc.InvalidArgumentError, "weights"),
    case("split-weights-not-iterable", lambda: USD.split(3), cc.InvalidArgumentError, "weights"),
    case("split-unrounded-total", lambda: cc.Money("1.005", "USD").split([1, 1]), cc.InvalidArgumentError, "total"),
    # schedules
    case("schedule-count-zero", lambda: cc.date_schedule("2026-01-01", MONTHLY, count=0), cc.InvalidArgumentError, "count"),
    case("schedule-count-negative", lambda: cc.date_schedule("2026-01-01", MONTHLY, count=-3), cc.InvalidArgumentError, "count"),
    case("schedule-count-huge", lambda: cc.date_schedule("2026-01-01", MONTHLY, count=10**6), cc.InvalidArgumentError, "count"),
    case("schedule-count-float", lambda: cc.date_schedule("2026-01-01", MONTHLY, count=3.0), cc.InvalidArgumentError, "count"),
    case("schedule-count-and-until", lambda: cc.date_schedule("2026-01-01", MONTHLY, count=3, until="2026-12-01"), cc.InvalidArgumentError, "until"),
    case("schedule-no-end", lambda: cc.date_schedule("2026-01-01", MONTHLY), cc.InvalidArgumentError, "count"),
    case("schedule-end-before-start", lambda: cc.date_schedule("2026-06-01", MONTHLY, until="2026-05-01"), cc.InvalidArgumentError, "until"),
    case("schedule-frequency-unknown", lambda: cc.date_schedule("2026-06-01", "sometimes", count=2), cc.InvalidArgumentError, "frequency"),
    case("schedule-beyond-9999", lambda: cc.date_schedule("9999-11-01", MONTHLY, count=3), cc.DateOutOfRangeError, "start"),
    case("add-periods-beyond-9999", lambda: cc.Frequency("annual").add_periods("9999-06-01", 1), cc.DateOutOfRangeError, "anchor"),
    case("add-periods-huge", lambda: MONTHLY.add_periods("2026-01-01", 2**62), cc.DateOutOfRangeError, "anchor"),
    # non-numeric strings
    case("decimal-text", lambda: cc.Money("abc", "USD"), cc.InvalidDecimalError, "amount"),
    case("decimal-comma", lambda: cc.round_decimal("12,50", 2), cc.InvalidDecimalError, "value"),
    case("decimal-empty", lambda: cc.parse_decimal(""), cc.InvalidDecimalError, "text"),
    case("decimal-parse-abc", lambda: cc.parse_decimal("abc"), cc.InvalidDecimalError, "text"),
    case("decimal-rate-text", lambda: cc.Rate("five%"), cc.InvalidDecimalError, "value"),
    case("decimal-multiple", lambda: USD.round_to_multiple("five"), cc.InvalidDecimalError, "multiple"),
    # beyond Decimal's range
    case("decimal-1e40", lambda: cc.Money(Decimal("1e40"), "USD"), cc.InvalidDecimalError, "amount"),
    case("decimal-1e40-text", lambda: cc.Money("1e40", "USD"), cc.InvalidDecimalError, "amount"),
    case("decimal-huge-int", lambda: cc.Money(10**40, "USD"), cc.InvalidDecimalError, "amount"),
    case("parse-decimal-not-str", lambda: cc.parse_decimal(Decimal("1")), cc.InvalidArgumentError, "text"),
    # floats are refused
    case("float-amount", lambda: cc.Money(0.1, "USD"), cc.InvalidArgumentError, "amount"),
    case("float-round-decimal", lambda: cc.round_decimal(1.5, 0), cc.InvalidArgumentError, "value"),
    case("float-percent", lambda: cc.Rate.from_percent(5.0), cc.InvalidArgumentError, "percent"),
    case("float-rate", lambda: cc.Rate(0.05), cc.InvalidArgumentError, "value"),
    case("float-weights", lambda: USD.split([0.5, 0.5]), cc.InvalidArgumentError, "weights"),
    case("float-factor", lambda: USD * 1.5, cc.InvalidArgumentError, "factor"),
    case("float-factor-reflected", lambda: 1.5 * USD, cc.InvalidArgumentError, "factor"),
    case("float-units", lambda: cc.Money.from_minor_units(1.0, "USD"), cc.InvalidArgumentError, "units"),
    case("float-places", lambda: cc.round_decimal("1.5", 2.0), cc.InvalidArgumentError, "places"),
    # NaN and infinities
    case("decimal-nan", lambda: cc.Money(Decimal("NaN"), "USD"), cc.InvalidDecimalError, "amount"),
    case("decimal-snan", lambda: cc.Money(Decimal("sNaN"), "USD"), cc.InvalidDecimalError, "amount"),
    case("decimal-infinity", lambda: cc.Money(Decimal("Infinity"), "USD"), cc.InvalidDecimalError, "amount"),
    case("decimal-minus-infinity", lambda: cc.round_decimal(Decimal("-Infinity"), 2), cc.InvalidDecimalError, "value"),
    case("decimal-nan-text", lambda: cc.parse_decimal("NaN"), cc.InvalidDecimalError, "text"),
    case("decimal-nan-weight", lambda: USD.split([Decimal("NaN")]), cc.InvalidDecimalError, "weights"),
    # wrong types
    case("type-amount-list", lambda: cc.Money([], "USD"), cc.InvalidArgumentError, "amount"),
    case("type-amount-none", lambda: cc.Money(None, "USD"), cc.InvalidArgumentError, "amount"),
    case("type-amount-bool", lambda: cc.Money(True, "USD"), cc.InvalidArgumentError, "amount"),
    case("type-frequency-name", lambda: cc.Frequency(12), cc.InvalidArgumentError, "name"),
    case("type-day-count-name", lambda: cc.DayCount(None), cc.InvalidArgumentError, "name"),
    case("type-places", lambda: cc.round_decimal("1", "2"), cc.InvalidArgumentError, "places"),
    case("type-mode", lambda: USD.round(5), cc.InvalidArgumentError, "mode"),
    case("type-weekend-str", lambda: cc.HolidayCalendar(weekend="sat"), cc.InvalidArgumentError, "weekend"),
    case("type-union-other", lambda: US.union("us-federal"), cc.InvalidArgumentError, "other"),
    case("type-n", lambda: US.add_business_days("2026-01-02", "1"), cc.InvalidArgumentError, "n"),
    case("type-year", lambda: US.holidays("2026"), cc.InvalidArgumentError, "year"),
    case("type-code", lambda: cc.Currency(840), cc.InvalidArgumentError, "code"),
    # unknown names
    case("name-mode", lambda: USD.round("nearest"), cc.InvalidArgumentError, "mode"),
    case("name-mode-round-decimal", lambda: cc.round_decimal("1", 0, "nearest"), cc.InvalidArgumentError, "mode"),
    case("name-convention", lambda: US.adjust("2026-07-04", "sideways"), cc.InvalidArgumentError, "convention"),
    case("name-frequency", lambda: cc.Frequency("sometimes"), cc.InvalidArgumentError, "name"),
    case("name-day-count", lambda: cc.DayCount("30/360 ISDA"), cc.InvalidArgumentError, "name"),
    case("name-weekday", lambda: cc.HolidayCalendar(weekend=["caturday"]), cc.InvalidArgumentError, "weekend"),
    case("name-builtin", lambda: cc.HolidayCalendar.builtin("Narnia"), cc.InvalidArgumentError, "name"),
    case("name-rules", lambda: cc.HolidayCalendar(rules=["narnia"]), cc.InvalidArgumentError, "rules"),
    # values outside what a function accepts
    case("semi-monthly-days", lambda: cc.Frequency.semi_monthly(28, 31), cc.InvalidArgumentError, "first_day"),
    case("semi-monthly-order", lambda: cc.Frequency.semi_monthly(15, 15), cc.InvalidArgumentError, "second_day"),
    case("places-29", lambda: cc.round_decimal("1.5", 29), cc.InvalidArgumentError, "places"),
    case("places-negative", lambda: cc.round_decimal("1.5", -1), cc.InvalidArgumentError, "places"),
    case("multiple-zero", lambda: cc.round_to_multiple("10", "0"), cc.InvalidArgumentError, "multiple"),
    case("to-minor-units-unrounded", lambda: cc.Money("1.005", "USD").to_minor_units(), cc.InvalidArgumentError, "amount"),
    case("weekend-all-days", lambda: cc.HolidayCalendar(weekend=["mon", "tue", "wed", "thu", "fri", "sat", "sun"]), cc.InvalidArgumentError, "weekend"),
    case("union-all-days", lambda: cc.HolidayCalendar(weekend=["mon", "tue", "wed"]).union(cc.HolidayCalendar(weekend=["thu", "fri", "sat", "sun"])), cc.InvalidArgumentError, "other"),
    case("business-days-too-many", lambda: US.add_business_days("2026-01-02", 10**7), cc.InvalidArgumentError, "n"),
    case("icma-without-reference", lambda: cc.DayCount("ACT/ACT ICMA"), cc.InvalidArgumentError, "reference_start"),
    case("icma-reversed", lambda: cc.DayCount("ACT/ACT ICMA", reference_start="2026-07-01", reference_end="2026-01-01", frequency="semi-annual"), cc.InvalidArgumentError, "reference_end"),
    case("icma-weekly", lambda: cc.DayCount("ACT/ACT ICMA", reference_start="2026-01-01", reference_end="2026-07-01", frequency="weekly"), cc.InvalidArgumentError, "frequency"),
    case("reference-for-act360", lambda: cc.DayCount("ACT/360", reference_start="2026-01-01"), cc.InvalidArgumentError, "reference_start"),
    case("maturity-for-act360", lambda: cc.DayCount("ACT/360", maturity="2026-01-01"), cc.InvalidArgumentError, "maturity"),
    case("eom-rule-for-act360", lambda: cc.DayCount("ACT/360", end_of_month_rule=False), cc.InvalidArgumentError, "end_of_month_rule"),
    # time value of money: periods
    case("fin-pmt-nper-zero", lambda: fin.pmt("0.01", 0, 1000), cc.InvalidArgumentError, "nper"),
    case("fin-pmt-nper-negative", lambda: fin.pmt("0.01", -12, 1000), cc.InvalidArgumentError, "nper"),
    case("fin-fv-nper-zero", lambda: fin.fv("0.01", 0, -10, 1000), cc.InvalidArgumentError, "nper"),
    case("fin-pv-nper-negative", lambda: fin.pv("0.01", "-1", -10), cc.InvalidArgumentError, "nper"),
    case("fin-rate-nper-zero", lambda: fin.rate(0, -10, 1000, 0), cc.InvalidArgumentError, "nper"),
    case("fin-ipmt-per-zero", lambda: fin.ipmt("0.01", 0, 24, 2000), cc.InvalidArgumentError, "per"),
    case("fin-ipmt-per-past-term", lambda: fin.ipmt("0.01", 25, 24, 2000), cc.InvalidArgumentError, "per"),
    case("fin-ppmt-per-fraction", lambda: fin.ppmt("0.01", "1.5", 24, 2000), cc.InvalidArgumentError, "per"),
    case("fin-ipmt-nper-zero", lambda: fin.ipmt("0.01", 1, 0, 2000), cc.InvalidArgumentError, "nper"),
    case("fin-cumipmt-start-zero", lambda: fin.cumipmt("0.01", 24, 2000, 0, 4), cc.InvalidArgumentError, "start_period"),
    case("fin-cumipmt-end-before-start", lambda: fin.cumipmt("0.01", 24, 2000, 5, 4), cc.InvalidArgumentError, "end_period"),
    case("fin-cumprinc-end-past-term", lambda: fin.cumprinc("0.01", 24, 2000, 1, 25), cc.InvalidArgumentError, "end_period"),
    case("fin-cumprinc-nper-negative", lambda: fin.cumprinc("0.01", -24, 2000, 1, 2), cc.InvalidArgumentError, "nper"),
    # time value of money: rates at or below -100%
    case("fin-pmt-rate-minus-1", lambda: fin.pmt(-1, 12, 1000), cc.InvalidRateError, "rate"),
    case("fin-fv-rate-below", lambda: fin.fv("-1.5", 12, -10, 1000), cc.InvalidRateError, "rate"),
    case("fin-pv-rate-minus-1", lambda: fin.pv(-1, 12, -10), cc.InvalidRateError, "rate"),
    case("fin-nper-rate-minus-1", lambda: fin.nper(-1, -10, 1000), cc.InvalidRateError, "rate"),
    case("fin-ipmt-rate-minus-1", lambda: fin.ipmt(-1, 1, 12, 1000), cc.InvalidRateError, "rate"),
    case("fin-ppmt-rate-minus-1", lambda: fin.ppmt(-2, 1, 12, 1000), cc.InvalidRateError, "rate"),
    case("fin-cumipmt-rate-minus-1", lambda: fin.cumipmt(-1, 12, 1000, 1, 2), cc.InvalidRateError, "rate"),
    case("fin-cumprinc-rate-minus-1", lambda: fin.cumprinc(-1, 12, 1000, 1, 2), cc.InvalidRateError, "rate"),
    case("fin-npv-rate-minus-1", lambda: fin.npv(-1, [-100, 110]), cc.InvalidRateError, "rate"),
    case("fin-mirr-finance-rate", lambda: fin.mirr([-100, 110], -1, "0.1"), cc.InvalidRateError, "finance_rate"),
    case("fin-mirr-reinvest-rate", lambda: fin.mirr([-100, 110], "0.1", "-1.01"), cc.InvalidRateError, "reinvest_rate"),
    case("fin-xnpv-rate-minus-1", lambda: fin.xnpv(-1, DATES, AMOUNTS), cc.InvalidRateError, "rate"),
    case("fin-rate-guess-minus-1", lambda: fin.rate(10, 0, -3500, 10000, guess=-1), cc.InvalidRateError, "guess"),
    case("fin-irr-guess-minus-1", lambda: fin.irr([-100, 110], guess=-1), cc.InvalidRateError, "guess"),
    case("fin-xirr-guess-minus-1", lambda: fin.xirr(DATES, AMOUNTS, guess=-2), cc.InvalidRateError, "guess"),
    # time value of money: no solution (numpy-financial returns NaN)
    case("fin-nper-payment-too-small", lambda: fin.nper("0.01", -5, 1000), cc.NoSolutionError, "pmt"),
    case("fin-nper-payment-is-interest", lambda: fin.nper("0.01", -10, 1000), cc.NoSolutionError, "pmt"),
    case("fin-nper-payment-too-small-begin", lambda: fin.nper("0.01", -5, 1000, 0, "begin"), cc.NoSolutionError, "pmt"),
    case("fin-nper-zero-payment-zero-rate", lambda: fin.nper(0, 0, 1000), cc.NoSolutionError, "pmt"),
    case("fin-nper-wrong-way-zero-rate", lambda: fin.nper(0, 100, 1000), cc.NoSolutionError, "pmt"),
    case("fin-rate-no-rate", lambda: fin.rate(10, 0, 3500, 10000), cc.NoSolutionError, "rate"),
    case("fin-irr-no-sign-change", lambda: fin.irr([100, 50, 25]), cc.NoSolutionError, "values"),
    case("fin-irr-all-negative", lambda: fin.irr([-100, -50]), cc.NoSolutionError, "values"),
    case("fin-irr-two-roots", lambda: fin.irr([-100, 230, -132]), cc.NoSolutionError, "values"),
    case("fin-mirr-no-negative", lambda: fin.mirr([39000, 30000, 21000], "0.1", "0.12"), cc.NoSolutionError, "values"),
    case("fin-xirr-no-sign-change", lambda: fin.xirr(["2008-01-01", "2009-01-01"], [100, 50]), cc.NoSolutionError, "amounts"),
    case("fin-xirr-two-roots", lambda: fin.xirr(["2020-01-01", "2021-01-01", "2022-01-01"], [-100, 230, -132], "30/360 US"), cc.NoSolutionError, "amounts"),
    # time value of money: series and dated flows
    case("fin-npv-empty", lambda: fin.npv("0.05", []), cc.InvalidArgumentError, "values"),
    case("fin-irr-one-flow", lambda: fin.irr([-100]), cc.InvalidArgumentError, "values"),
    case("fin-irr-empty", lambda: fin.irr(iter([])), cc.InvalidArgumentError, "values"),
    case("fin-npv-values-str", lambda: fin.npv("0.05", "123"), cc.InvalidArgumentError, "values"),
    case("fin-irr-values-not-iterable", lambda: fin.irr(5), cc.InvalidArgumentError, "values"),
    case("fin-xirr-date-before-first", lambda: fin.xirr(["2008-03-01", "2008-01-01", "2009-01-01"], [-10000, 2750, 9000]), cc.InvalidArgumentError, "dates"),
    case("fin-xnpv-date-before-first", lambda: fin.xnpv("0.05", [datetime.date(2008, 3, 1), datetime.date(2008, 1, 1)], [-100, 110]), cc.InvalidArgumentError, "dates"),
    case("fin-xirr-one-flow", lambda: fin.xirr(["2008-01-01"], [-100]), cc.InvalidArgumentError, "amounts"),
    case("fin-xnpv-empty", lambda: fin.xnpv("0.05", [], []), cc.InvalidArgumentError, "amounts"),
    case("fin-xnpv-more-dates", lambda: fin.xnpv("0.05", DATES, AMOUNTS[:-1]), cc.InvalidArgumentError, "amounts"),
    case("fin-xirr-more-amounts", lambda: fin.xirr(DATES[:-1], AMOUNTS), cc.InvalidArgumentError, "amounts"),
    case("fin-xirr-no-such-date", lambda: fin.xirr(["2008-01-01", "2009-02-30"], [-100, 150]), cc.InvalidDateError, "dates"),
    case("fin-xirr-date-wrong-type", lambda: fin.xirr([20080101, 20090101], [-100, 150]), cc.InvalidArgumentError, "dates"),
    case("fin-xirr-datetime", lambda: fin.xirr([datetime.datetime(2008, 1, 1), "2009-01-01"], [-100, 150]), cc.InvalidArgumentError, "dates"),
    case("fin-xnpv-amount-text", lambda: fin.xnpv("0.05", ["2008-01-01", "2009-01-01"], [-100, "abc"]), cc.InvalidDecimalError, "amounts"),
    case("fin-xnpv-day-count-unknown", lambda: fin.xnpv("0.05", DATES, AMOUNTS, "30/360 ISDA"), cc.InvalidArgumentError, "day_count"),
    case("fin-xirr-day-count-icma-by-name", lambda: fin.xirr(DATES, AMOUNTS, "ACT/ACT ICMA"), cc.InvalidArgumentError, "day_count"),
    case("fin-xirr-day-count-wrong-type", lambda: fin.xirr(DATES, AMOUNTS, 365), cc.InvalidArgumentError, "day_count"),
    # time value of money, float path (a float among the arguments): the exact path's errors, and NaN or
    # infinity refused naming the argument
    case("fin-float-inf-nper", lambda: fin.pmt("0.01", float("inf"), 15000), cc.InvalidArgumentError, "nper"),
    case("fin-float-nan-fv", lambda: fin.pv("0.01", 60, -100, float("nan")), cc.InvalidArgumentError, "fv"),
    case("fin-float-nan-per", lambda: fin.ipmt(0.01, float("nan"), 60, 15000), cc.InvalidArgumentError, "per"),
    case("fin-float-nan-values", lambda: fin.npv(0.05, [-100, float("nan")]), cc.InvalidArgumentError, "values"),
    case("fin-float-nan-guess", lambda: fin.irr([-100, 110], float("nan")), cc.InvalidArgumentError, "guess"),
    case("fin-float-inf-amounts", lambda: fin.xirr(DATES, [-10000.0, 2750.0, float("inf"), 3250.0, 2750.0]), cc.InvalidArgumentError, "amounts"),
    case("fin-float-rate-minus-1", lambda: fin.pmt(-1.0, 12, 1000), cc.InvalidRateError, "rate"),
    case("fin-float-finance-rate", lambda: fin.mirr([-100, 110], -1.0, "0.1"), cc.InvalidRateError, "finance_rate"),
    case("fin-float-guess-minus-1", lambda: fin.rate(10, 0, -3500.0, 10000, guess=-1), cc.InvalidRateError, "guess"),
    case("fin-float-nper-zero", lambda: fin.pmt(0.01, 0, 1000), cc.InvalidArgumentError, "nper"),
    case("fin-float-start-period", lambda: fin.cumipmt(0.01, 24, 2000, 0, 4), cc.InvalidArgumentError, "start_period"),
    case("fin-float-per-fraction", lambda: fin.ppmt(0.01, 1.5, 24, 2000), cc.InvalidArgumentError, "per"),
    case("fin-float-payment-too-small", lambda: fin.nper(0.01, -5.0, 1000), cc.NoSolutionError, "pmt"),
    case("fin-float-no-rate", lambda: fin.rate(10, 0, 3500.0, 10000), cc.NoSolutionError, "rate"),
    case("fin-float-irr-no-sign-change", lambda: fin.irr([100.0, 50.0, 25.0]), cc.NoSolutionError, "values"),
    case("fin-float-irr-two-roots", lambda: fin.irr([-100.0, 230.0, -132.0]), cc.NoSolutionError, "values"),
    case("fin-float-xirr-no-sign-change", lambda: fin.xirr(["2008-01-01", "2009-01-01"], [100.0, 50.0]), cc.NoSolutionError, "amounts"),
    case("fin-float-overflow", lambda: fin.fv(10.0, 1000, -1, 1), cc.ArithmeticOverflowError, "fv"),
    case("fin-float-text", lambda: fin.pmt(0.01, "twelve", 1000), cc.InvalidDecimalError, "nper"),
    # time value of money, arrays: the first bad row raises, naming the argument
    case("fin-array-rate-minus-1", lambda: fin.pmt([0.01, -2.0], 12, 1000), cc.InvalidRateError, "rate"),
    case("fin-array-no-solution", lambda: fin.nper(0.01, [-100.0, -5.0], 1000), cc.NoSolutionError, "pmt"),
    case("fin-array-decimal-row", lambda: fin.pmt([Decimal("0.01"), Decimal("-1")], 12, 1000), cc.InvalidRateError, "rate"),
    case("fin-array-shapes", lambda: fin.pmt([0.01, 0.02], [12, 24, 36], 1000), cc.InvalidArgumentError, "nper"),
    case("fin-array-bools", lambda: fin.pmt([True, False], 12, 1000), cc.InvalidArgumentError, "rate"),
    case("fin-array-float-among-decimals", lambda: fin.pmt([Decimal("0.01"), 0.02], 12, 1000), cc.InvalidArgumentError, "rate"),
    case("fin-array-text-row", lambda: fin.pmt(["0.01", "x"], 12, 1000), cc.InvalidDecimalError, "rate"),
    case("fin-array-when", lambda: fin.pmt([0.01], 12, 1000, 0, ["end"]), cc.InvalidArgumentError, "when"),
    case("fin-series-rate-array", lambda: fin.npv([0.05, 0.06], [-100, 110]), cc.InvalidArgumentError, "rate"),
    case("fin-series-nested", lambda: fin.irr([[-100, 110]]), cc.InvalidArgumentError, "values"),
    # time value of money: NaN and infinities
    case("fin-nan-rate", lambda: fin.pmt(Decimal("NaN"), 60, 15000), cc.InvalidDecimalError, "rate"),
    case("fin-float-nan-rate", lambda: fin.pmt(float("nan"), 60, 15000), cc.InvalidArgumentError, "rate"),
    case("fin-nan-pv", lambda: fin.fv("0.01", 12, -10, "NaN"), cc.InvalidDecimalError, "pv"),
    case("fin-infinity-nper", lambda: fin.pmt("0.01", Decimal("Infinity"), 1000), cc.InvalidDecimalError, "nper"),
    case("fin-nan-values", lambda: fin.irr([Decimal("-100"), Decimal("NaN")]), cc.InvalidDecimalError, "values"),
    case("fin-nan-amounts", lambda: fin.xnpv("0.05", DATES[:2], [-100, Decimal("sNaN")]), cc.InvalidDecimalError, "amounts"),
    # time value of money: when
    case("fin-when-unknown", lambda: fin.pmt("0.01", 12, 1000, 0, "middle"), cc.InvalidArgumentError, "when"),
    case("fin-when-two", lambda: fin.fv("0.01", 12, -10, 1000, 2), cc.InvalidArgumentError, "when"),
    case("fin-when-bool", lambda: fin.pv("0.01", 12, -10, 0, True), cc.InvalidArgumentError, "when"),
    case("fin-when-float", lambda: fin.nper("0.01", -100, 1000, 0, 1.0), cc.InvalidArgumentError, "when"),
    case("fin-when-list", lambda: fin.ipmt("0.01", 1, 12, 1000, 0, ["end"]), cc.InvalidArgumentError, "when"),
    # Regulation Z APR: flows
    case("apr-no-advance", lambda: apr([], [], *REPAID), cc.InvalidArgumentError, "advance_dates"),
    case("apr-no-payment", lambda: apr(*LENT, [], []), cc.InvalidArgumentError, "payment_dates"),
    case("apr-payment-before-advance", lambda: apr(["2026-02-01"], [1000], ["2026-01-01"], [1100]), cc.InvalidArgumentError, "payment_dates"),
    case("apr-payment-on-advance-day", lambda: apr(*LENT, ["2026-01-01"], [1100]), cc.InvalidArgumentError, "payment_dates"),
    case("apr-payments-out-of-order", lambda: apr(*LENT, ["2026-03-01", "2026-02-01"], [600, 600]), cc.InvalidArgumentError, "payment_dates"),
    case("apr-advances-out-of-order", lambda: apr(["2026-02-01", "2026-01-01"], [500, 500], *REPAID), cc.InvalidArgumentError, "advance_dates"),
    case("apr-negative-payment", lambda: apr(*LENT, ["2026-02-01"], [-600]), cc.InvalidArgumentError, "payment_amounts"),
    case("apr-zero-advance", lambda: apr(["2026-01-01"], [0], *REPAID), cc.InvalidArgumentError, "advance_amounts"),
    case("apr-negative-and-out-of-order", lambda: apr(*LENT, ["2026-03-01", "2026-02-01"], [600, -600]), cc.InvalidArgumentError, "payment_amounts"),
    case("apr-fewer-advance-amounts", lambda: apr(["2026-01-01", "2026-01-02"], [1000], *REPAID), cc.InvalidArgumentError, "advance_amounts"),
    case("apr-more-payment-amounts", lambda: apr(*LENT, ["2026-02-01"], [520, 520]), cc.InvalidArgumentError, "payment_amounts"),
    case("apr-no-such-date", lambda: apr(["2026-02-30"], [1000], *REPAID), cc.InvalidDateError, "advance_dates"),
    case("apr-date-wrong-type", lambda: apr(*LENT, [20260201, 20260301], [520, 520]), cc.InvalidArgumentError, "payment_dates"),
    case("apr-float-amount", lambda: apr(*LENT, REPAID[0], [520.0, 520]), cc.InvalidArgumentError, "payment_amounts"),
    case("apr-nan-amount", lambda: apr(["2026-01-01"], [Decimal("NaN")], *REPAID), cc.InvalidDecimalError, "advance_amounts"),
    case("apr-amounts-str", lambda: apr(*LENT, REPAID[0], "520"), cc.InvalidArgumentError, "payment_amounts"),
    # Regulation Z APR: unit period
    case("apr-unit-period-unknown", lambda: apr(*LENT, *REPAID, unit_period="fortnightly"), cc.InvalidArgumentError, "unit_period"),
    case("apr-unit-period-no-count", lambda: apr(*LENT, *REPAID, unit_period="months:"), cc.InvalidArgumentError, "unit_period"),
    case("apr-unit-period-negative", lambda: apr(*LENT, *REPAID, unit_period="weeks:-1"), cc.InvalidArgumentError, "unit_period"),
    case("apr-unit-period-fraction", lambda: apr(*LENT, *REPAID, unit_period="months:1.5"), cc.InvalidArgumentError, "unit_period"),
    case("apr-unit-period-13-months", lambda: apr(*LENT, *REPAID, unit_period="months:13"), cc.InvalidArgumentError, "unit_period"),
    case("apr-unit-period-zero-days", lambda: apr(*LENT, *REPAID, unit_period="days:0"), cc.InvalidArgumentError, "unit_period"),
    case("apr-unit-period-53-weeks", lambda: apr(*LENT, *REPAID, unit_period="weeks:53"), cc.InvalidArgumentError, "unit_period"),
    case("apr-unit-period-wrong-type", lambda: apr(*LENT, *REPAID, unit_period=1), cc.InvalidArgumentError, "unit_period"),
    case("apr-is-accurate-float", lambda: REG_Z.is_accurate(0.1), cc.InvalidArgumentError, "disclosed"),
    case("apr-is-accurate-text", lambda: REG_Z.is_accurate("ten"), cc.InvalidDecimalError, "disclosed"),
    case("apr-built-irregular-int", lambda: fin.RegulationZApr("0.12", "0.01", "months:1", 12, 1), cc.InvalidArgumentError, "irregular"),
    case("apr-built-unit-period", lambda: fin.RegulationZApr("0.12", "0.01", "monthly", 12, False), cc.InvalidArgumentError, "unit_period"),
    case("apr-built-apr-float", lambda: fin.RegulationZApr(0.12, "0.01", "months:1", 12, False), cc.InvalidArgumentError, "apr"),
    # EU APRC
    case("aprc-no-drawdown", lambda: aprc([], [], *REPAID), cc.InvalidArgumentError, "drawdown_dates"),
    case("aprc-no-payment", lambda: aprc(*LENT, [], []), cc.InvalidArgumentError, "payment_dates"),
    case("aprc-payment-before-drawdown", lambda: aprc(["2026-02-01"], [1000], ["2026-01-01"], [1100]), cc.InvalidArgumentError, "payment_dates"),
    case("aprc-drawdowns-out-of-order", lambda: aprc(["2026-02-01", "2026-01-01"], [500, 500], *REPAID), cc.InvalidArgumentError, "drawdown_dates"),
    case("aprc-payments-out-of-order", lambda: aprc(*LENT, ["2026-03-01", "2026-02-01"], [600, 600]), cc.InvalidArgumentError, "payment_dates"),
    case("aprc-negative-drawdown", lambda: aprc(["2026-01-01"], [-1000], *REPAID), cc.InvalidArgumentError, "drawdown_amounts"),
    case("aprc-negative-payment", lambda: aprc(*LENT, REPAID[0], [520, -520]), cc.InvalidArgumentError, "payment_amounts"),
    case("aprc-fewer-drawdown-amounts", lambda: aprc(["2026-01-01", "2026-01-02"], [1000], *REPAID), cc.InvalidArgumentError, "drawdown_amounts"),
    case("aprc-same-day", lambda: aprc(*LENT, ["2026-01-01"], [1100]), cc.InvalidArgumentError, "payment_dates"),
    case("aprc-decimals-zero", lambda: aprc(*LENT, *REPAID, decimals=0), cc.InvalidArgumentError, "decimals"),
    case("aprc-decimals-11", lambda: aprc(*LENT, *REPAID, decimals=11), cc.InvalidArgumentError, "decimals"),
    case("aprc-decimals-negative", lambda: aprc(*LENT, *REPAID, decimals=-1), cc.InvalidArgumentError, "decimals"),
    case("aprc-decimals-float", lambda: aprc(*LENT, *REPAID, decimals=2.0), cc.InvalidArgumentError, "decimals"),
    case("aprc-decimals-bool", lambda: aprc(*LENT, *REPAID, decimals=True), cc.InvalidArgumentError, "decimals"),
    case("aprc-basis-unknown", lambda: aprc(*LENT, *REPAID, basis="years"), cc.InvalidArgumentError, "basis"),
    case("aprc-basis-wrong-type", lambda: aprc(*LENT, *REPAID, basis=365), cc.InvalidArgumentError, "basis"),
    case("aprc-no-such-date", lambda: aprc(*LENT, ["2027-02-30"], [1100]), cc.InvalidDateError, "payment_dates"),
    case("aprc-float-amount", lambda: aprc(["2026-01-01"], [1000.0], *REPAID), cc.InvalidArgumentError, "drawdown_amounts"),
    case("aprc-built-float", lambda: fin.Aprc("12.96", 0.1296), cc.InvalidArgumentError, "rate"),
    # flags take True or False only
    case("flag-end-of-month-int", lambda: cc.date_schedule("2026-01-31", MONTHLY, count=2, end_of_month=1), cc.InvalidArgumentError, "end_of_month"),
    case("flag-end-of-month-none", lambda: cc.date_schedule("2026-01-31", MONTHLY, count=2, end_of_month=None), cc.InvalidArgumentError, "end_of_month"),
    case("flag-add-periods-str", lambda: MONTHLY.add_periods("2026-01-31", 1, "yes"), cc.InvalidArgumentError, "end_of_month"),
    case("flag-continuous-int", lambda: cc.Rate.from_percent(5).effective_annual(continuous=1), cc.InvalidArgumentError, "continuous"),
    case("flag-continuous-from-effective", lambda: cc.Rate.from_effective_annual("0.05", continuous=0), cc.InvalidArgumentError, "continuous"),
    case("flag-end-of-month-rule-int", lambda: cc.DayCount("30/360 US", end_of_month_rule=1), cc.InvalidArgumentError, "end_of_month_rule"),
    case("flag-end-of-month-rule-str", lambda: cc.DayCount("30/360 US", end_of_month_rule="false"), cc.InvalidArgumentError, "end_of_month_rule"),
    # arithmetic beyond Decimal's range
    case("fin-overflow-fv", lambda: fin.fv(1000, 100, 0, 1), cc.ArithmeticOverflowError, "rate"),
    case("overflow-mul", lambda: cc.Money("79228162514264337593543950335", "USD") * 10, cc.ArithmeticOverflowError, "amount"),
    case("overflow-add", lambda: cc.Money("79228162514264337593543950335", "USD") + cc.Money("1", "USD"), cc.ArithmeticOverflowError, "amount"),
    case("overflow-minor-units", lambda: cc.Money("79228162514264337593543950335", "USD").to_minor_units(), cc.ArithmeticOverflowError, "amount"),
    case("overflow-from-minor-units", lambda: cc.Money.from_minor_units(2**70, "USD"), cc.ArithmeticOverflowError, "units"),
]


@pytest.mark.parametrize(("call", "error", "field"), BAD_INPUTS)
def test_bad_input(call: Callable[[], Any], error: type[cc.CollectionsError], field: str) -> None:
    with pytest.raises(error) as raised:
        call()
    e = raised.value
    assert type(e) is error
    assert isinstance(e, cc.CollectionsError)
    assert isinstance(e, ValueError)
    assert e.field == field
    assert str(e).startswith(f"{field}: "), str(e)
    assert e.value is not None


def test_float_message_says_why() -> None:
    with pytest.raises(cc.InvalidArgumentError, match=r"^amount: floats are refused"):
        cc.Money(0.1, "USD")


def test_wrong_type_message_names_the_type() -> None:
    with pytest.raises(cc.InvalidArgumentError, match=r"^amount: expected .*, not list"):
        cc.Money([], "USD")


def test_messages_are_the_core_display() -> None:
    with pytest.raises(cc.UnknownCurrencyError) as raised:
        cc.Money("1", "XYZ")
    assert str(raised.value) == 'currency: unknown ISO 4217 currency code "XYZ"'
    assert raised.value.value == "XYZ"
    with pytest.raises(cc.InvalidDateError) as bad_date:
        cc.date_schedule("2025-02-30", "monthly", count=1)
    assert str(bad_date.value) == 'start: not a valid date: "2025-02-30"'
    assert bad_date.value.value == "2025-02-30"


def test_unsupported_operands_are_type_errors() -> None:
    # Operators follow Python's protocol: an operand Money does not take gives NotImplemented.
    with pytest.raises(TypeError):
        USD + 1
    with pytest.raises(TypeError):
        USD * "2"
    assert (USD == "10.00 USD") is False


def test_missing_arguments_are_type_errors() -> None:
    with pytest.raises(TypeError):
        cc.Money("1")


def test_when_takes_numpy_financial_spellings() -> None:
    end = fin.pmt("0.01", 12, 1000)
    begin = fin.pmt("0.01", 12, 1000, 0, "begin")
    assert end != begin
    for spelling in ("end", "END", 0, "0", "finish"):
        assert fin.pmt("0.01", 12, 1000, 0, spelling) == end
    for spelling in ("begin", "Begin", 1, "1", "start"):
        assert fin.pmt("0.01", 12, 1000, 0, spelling) == begin
    assert fin.pmt("0.01", 12, 1000, when=1) == begin


def test_no_solution_says_why() -> None:
    with pytest.raises(cc.NoSolutionError, match=r"^pmt: ") as raised:
        fin.nper("0.01", -5, 1000)
    assert raised.value.field == "pmt"
    assert "-10" in str(raised.value), "the message gives the smallest payment that covers the interest"
    with pytest.raises(cc.NoSolutionError, match=r"0\.1, 0\.2"):
        fin.irr([-100, 230, -132])


def test_mismatched_lengths_message() -> None:
    with pytest.raises(cc.InvalidArgumentError, match=r"^amounts: .*5 dates") as raised:
        fin.xirr(DATES, AMOUNTS[:-1])
    assert raised.value.value == "4 amounts"


def test_flags_take_true_and_false() -> None:
    assert cc.date_schedule("2023-02-28", MONTHLY, count=2, end_of_month=True)[-1] == datetime.date(2023, 3, 31)
    assert cc.date_schedule("2023-02-28", MONTHLY, count=2, end_of_month=False)[-1] == datetime.date(2023, 3, 28)
    assert MONTHLY.add_periods("2023-02-28", 1, True) == datetime.date(2023, 3, 31)
    assert cc.Rate.from_percent(5).effective_annual(continuous=True) == cc.Rate.from_percent(5).effective_annual(
        None, continuous=True
    )
    assert cc.DayCount("30/360 US", end_of_month_rule=None) == cc.DayCount("30/360 US", end_of_month_rule=True)
    with pytest.raises(cc.InvalidArgumentError, match=r"^end_of_month: expected True or False, not int"):
        cc.date_schedule("2026-01-31", MONTHLY, count=2, end_of_month=1)


def test_schedule_end_rules_are_the_cores() -> None:
    with pytest.raises(cc.InvalidArgumentError, match=r"^count: give either count or until"):
        cc.date_schedule("2026-01-01", MONTHLY)
    with pytest.raises(cc.InvalidArgumentError, match=r"^until: give either count \(3\) or until, not both"):
        cc.date_schedule("2026-01-01", MONTHLY, count=3, until="2026-12-01")
    with pytest.raises(cc.InvalidArgumentError, match=r"^count: must be between 1 and 100000"):
        cc.date_schedule("2026-01-01", MONTHLY, count=0)


def test_apr_flow_errors_name_the_argument() -> None:
    with pytest.raises(cc.InvalidArgumentError, match=r"^payment_amounts: .*2 dates") as raised:
        fin.apr_regulation_z(*LENT, REPAID[0], [520])
    assert raised.value.value == "1 amounts"
    with pytest.raises(cc.InvalidArgumentError, match=r"^payment_dates: a payment is dated before"):
        fin.aprc_eu(["2026-02-01"], [1000], ["2026-01-01"], [1100])
    with pytest.raises(cc.InvalidArgumentError, match=r"^unit_period: expected 'months:N'") as bad:
        fin.apr_regulation_z(*LENT, *REPAID, unit_period="monthly")
    assert bad.value.value == "monthly"
