"""The worked example of `make demo`, through the Python package: a money split, a day count, and a
monthly schedule of due dates rolled to business days. The Rust and C demos print the same figures."""

from __future__ import annotations

from datetime import date

import collections_core as cc


def main() -> None:
    payment = cc.Money("100.00", "USD")
    by_balance = payment.split([500, 300, 200])
    evenly = payment.split([1, 1, 1])
    print(f"split {payment} by balances 500/300/200: {' + '.join(str(p.amount) for p in by_balance)}")
    print(f"split {payment} evenly in three:        {' + '.join(str(p.amount) for p in evenly)}")

    start, end = date(2003, 11, 1), date(2004, 5, 1)
    fraction = cc.DayCount("ACT/ACT ISDA").year_fraction(start, end)
    print(f"ACT/ACT ISDA {start} -> {end}: {cc.round_decimal(fraction, 12, 'half-even')}")

    dates = cc.date_schedule(date(2026, 1, 31), "monthly", count=6)
    due = cc.HolidayCalendar.us_federal().adjust_all(dates, "following")
    print("monthly from 2026-01-31, rolled following (US federal):")
    for scheduled, rolled in zip(dates, due):
        print(f"  {scheduled} -> {rolled}")


if __name__ == "__main__":
    main()
