//! Runs every case of every file in `tests/vectors/` against the core (the Python and C suites run the
//! same files). An unknown `op` fails the run, so a new kind of case cannot be skipped silently.

use std::path::PathBuf;
use std::str::FromStr;

use chrono::{NaiveDate, Weekday};
use collections_core::affordability::{
    assess, fair_share, recommend, to_monthly, Assessment, AssessmentPolicy, Contingency, Creditor,
    Debt, Guidelines, Household, Item, MinimumPayment, OfferPolicy, PlanPolicy, Statement,
};
use collections_core::contact::{
    eligible_windows, evaluate, ContactHistory, ContactProfile, ContactRequest, Policy,
};
use collections_core::debt::aging::{
    age_portfolio, AccountObligations, AgingRules, Buckets, ChargeOffPolicy, CreditType, DateRange,
    FrozenPeriods, LimitationPeriod, Obligation, Payment, ShortfallMethod, Tolerance,
};
use collections_core::debt::dunning::{
    dunning_run, DunningInterest, DunningLevel, DunningPolicy, DunningTotals, Invoice,
    Payment as DunningPayment,
};
use collections_core::debt::late_interest::{
    average_daily_balance_interest, erpnext_dunning, FinanceChargeTerms, StatutoryClaim,
    StatutoryTables,
};
use collections_core::debt::ledger::{
    Account, AllocationStrategy, Balances, Component, Event, EventKind, LateFeeRule, Ledger,
    RateHistory, Terms, Timing,
};
use collections_core::debt::reconcile::{
    compare_to_expected, reconcile, Expected, PaymentRecord, Tolerances,
};
use collections_core::debt::status::{transition, Status, StatusHistory};
use collections_core::finance::{self, AprcBasis, UnitPeriod, When};
use collections_core::plan::{
    collection_effectiveness_index, compare_plans, days_sales_outstanding, forecast,
    liquidation_rate, minimum_settlement, promise_kept_rate, recovery_rate,
    right_party_contact_rate, roll_rate_matrix, settle, settlement_offers, track, AccountState,
    AlternativePath, Arrangement, BreakRule, CeiInputs, PlanBounds, PlanTerms, Probabilities,
    Promise, ReplanTerms, Scorer, SettlementPolicy, Tracking, TreatmentPolicy,
};
use collections_core::schedule::{
    amortize, HolidayInterest, InterestMethod, KindParams, OddFirstPeriod, Reamortization, Row,
    ScheduleKind, ScheduleTerms, TermOrPayment,
};
use collections_core::{
    date_schedule, parse, round_decimal, BusinessDayConvention, Compounding, Currency, DayCount,
    Error, Frequency, HolidayCalendar, Money, Rate, RoundingMode, ScheduleEnd,
};
use rust_decimal::Decimal;
use serde_json::Value;

type Outcome = Result<Value, Error>;

fn vectors_dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../tests/vectors")
}

fn text<'a>(case: &'a Value, key: &str) -> &'a str {
    case[key]
        .as_str()
        .unwrap_or_else(|| panic!("case lacks text field {key}: {case}"))
}

fn item(list: &Value, i: usize) -> &str {
    list[i]
        .as_str()
        .unwrap_or_else(|| panic!("item {i} of {list} is not text"))
}

fn date(case: &Value, key: &'static str) -> Result<NaiveDate, Error> {
    parse::date(key, text(case, key))
}

fn dec(case: &Value, key: &'static str) -> Result<Decimal, Error> {
    parse::decimal(key, text(case, key))
}

fn currency(code: &str) -> Result<Currency, Error> {
    Currency::from_code(code)
}

fn money(v: &Value) -> Result<Money, Error> {
    Ok(Money::new(
        parse::decimal("amount", text(v, "amount"))?,
        currency(text(v, "currency"))?,
    ))
}

fn weekday(name: &str) -> Weekday {
    name.parse()
        .unwrap_or_else(|_| panic!("bad weekday {name}"))
}

fn calendar(case: &Value) -> Result<HolidayCalendar, Error> {
    match text(case, "calendar") {
        "custom" => {
            let weekend: Vec<Weekday> = case["weekend"]
                .as_array()
                .into_iter()
                .flatten()
                .filter_map(Value::as_str)
                .map(weekday)
                .collect();
            let holidays = case["holidays"]
                .as_array()
                .into_iter()
                .flatten()
                .map(|d| parse::date("holidays", d.as_str().unwrap_or_default()))
                .collect::<Result<Vec<_>, _>>()?;
            HolidayCalendar::new(&weekend, holidays)
        }
        name => HolidayCalendar::builtin(name),
    }
}

fn dates_json(dates: &[NaiveDate]) -> Value {
    Value::from(dates.iter().map(|d| d.to_string()).collect::<Vec<_>>())
}

fn day_count(case: &Value) -> Result<DayCount, Error> {
    let name = text(case, "convention");
    let mut dc = if name == "ACT/ACT ICMA" && case.get("reference_start").is_some() {
        DayCount::act_act_icma(
            date(case, "reference_start")?,
            date(case, "reference_end")?,
            Frequency::from_str(text(case, "frequency"))?,
        )?
    } else {
        DayCount::from_str(name)?
    };
    if let DayCount::Thirty360Us { end_of_month_rule } = &mut dc {
        *end_of_month_rule = case["end_of_month_rule"].as_bool().unwrap_or(true);
    }
    if let (DayCount::Thirty360EuropeanIsda { maturity }, Some(_)) = (&mut dc, case.get("maturity"))
    {
        *maturity = Some(date(case, "maturity")?);
    }
    Ok(dc)
}

fn dated(case: &Value, key: &'static str) -> Result<Vec<(NaiveDate, Decimal)>, Error> {
    case[key]
        .as_array()
        .expect("a list of [date, amount]")
        .iter()
        .map(|f| {
            let date = parse::date(key, f[0].as_str().unwrap_or_default())?;
            Ok((
                date,
                parse::decimal(key, f[1].as_str().unwrap_or_default())?,
            ))
        })
        .collect()
}

/// `months:3`, `weeks:1`, `days:90`, `semimonth`.
fn unit_period(name: &str) -> UnitPeriod {
    let (kind, n) = name.split_once(':').unwrap_or((name, "1"));
    let n: u32 = n.parse().expect("unit period count");
    match kind {
        "days" => UnitPeriod::Days(n),
        "weeks" => UnitPeriod::Weeks(n),
        "semimonth" => UnitPeriod::SemiMonth,
        "months" => UnitPeriod::Months(n),
        other => panic!("unknown unit period {other}"),
    }
}

fn unit_period_name(u: UnitPeriod) -> String {
    match u {
        UnitPeriod::Days(n) => format!("days:{n}"),
        UnitPeriod::Weeks(n) => format!("weeks:{n}"),
        UnitPeriod::SemiMonth => "semimonth".into(),
        UnitPeriod::Months(n) => format!("months:{n}"),
        other => format!("{other:?}"),
    }
}

fn compounding(case: &Value) -> Compounding {
    if case["continuous"].as_bool() == Some(true) {
        Compounding::Continuous
    } else {
        let m = case["periods_per_year"].as_u64().expect("periods_per_year");
        Compounding::PeriodsPerYear(u32::try_from(m).expect("periods_per_year fits u32"))
    }
}

fn places(case: &Value) -> u32 {
    u32::try_from(case["places"].as_u64().expect("places")).expect("places fits u32")
}

/// Runs one case and returns what it produced, as JSON comparable with `expected`.
fn run(case: &Value) -> Outcome {
    let op = text(case, "op");
    match op {
        "year_fraction" => {
            let dc = day_count(case)?;
            let (start, end) = (date(case, "start")?, date(case, "end")?);
            let mut out = serde_json::Map::new();
            out.insert("days".into(), Value::from(dc.days(start, end)));
            if case.get("year_fraction").is_some() {
                let yf = dc.year_fraction(start, end)?;
                out.insert(
                    "year_fraction".into(),
                    Value::from(
                        round_decimal(yf, places(case), RoundingMode::HalfEven)?.to_string(),
                    ),
                );
            } else {
                dc.year_fraction(start, end)?;
            }
            Ok(Value::Object(out))
        }
        "adjust" => {
            let cal = calendar(case)?;
            let conv = BusinessDayConvention::from_str(text(case, "convention"))?;
            Ok(Value::from(
                cal.adjust(date(case, "date")?, conv)?.to_string(),
            ))
        }
        "add_business_days" => {
            let cal = calendar(case)?;
            let n = case["n"].as_i64().expect("n");
            Ok(Value::from(
                cal.add_business_days(date(case, "date")?, n)?.to_string(),
            ))
        }
        "is_business_day" => Ok(Value::from(
            calendar(case)?.is_business_day(date(case, "date")?),
        )),
        "holidays" => {
            let cal = calendar(case)?;
            let year = i32::try_from(case["year"].as_i64().expect("year")).expect("year fits i32");
            Ok(dates_json(
                &cal.holidays(year)
                    .into_iter()
                    .map(|(d, _)| d)
                    .collect::<Vec<_>>(),
            ))
        }
        "date_schedule" => {
            let start = date(case, "start")?;
            let freq = Frequency::from_str(text(case, "frequency"))?;
            let until = case.get("until").map(|_| date(case, "until")).transpose()?;
            let end = ScheduleEnd::from_parts(case["count"].as_i64(), until)?;
            let dates = date_schedule(
                start,
                freq,
                end,
                case["end_of_month"].as_bool().unwrap_or(false),
            )?;
            let mut out = serde_json::Map::new();
            out.insert("expected".into(), dates_json(&dates));
            if case.get("calendar").is_some() {
                let conv = BusinessDayConvention::from_str(text(case, "convention"))?;
                out.insert(
                    "adjusted".into(),
                    dates_json(&calendar(case)?.adjust_all(&dates, conv)?),
                );
            }
            Ok(Value::Object(out))
        }
        "round" => {
            let m = Money::new(dec(case, "amount")?, currency(text(case, "currency"))?);
            let mode = RoundingMode::from_str(text(case, "mode"))?;
            Ok(Value::from(m.round(mode).amount().to_string()))
        }
        "round_decimal" => {
            let p =
                u32::try_from(case["places"].as_u64().expect("places")).expect("places fits u32");
            let mode = RoundingMode::from_str(text(case, "mode"))?;
            Ok(Value::from(
                round_decimal(dec(case, "value")?, p, mode)?.to_string(),
            ))
        }
        "round_to_multiple" => {
            let m = Money::new(dec(case, "amount")?, currency(text(case, "currency"))?);
            let mode = RoundingMode::from_str(text(case, "mode"))?;
            Ok(Value::from(
                m.round_to_multiple(dec(case, "multiple")?, mode)?
                    .amount()
                    .to_string(),
            ))
        }
        "split" => {
            let total = Money::new(dec(case, "total")?, currency(text(case, "currency"))?);
            let weights = case["weights"]
                .as_array()
                .expect("weights")
                .iter()
                .map(|w| parse::decimal("weights", w.as_str().unwrap_or_default()))
                .collect::<Result<Vec<_>, _>>()?;
            let parts = total.split(&weights)?;
            Ok(Value::from(
                parts
                    .iter()
                    .map(|p| p.amount().to_string())
                    .collect::<Vec<_>>(),
            ))
        }
        "add" => Ok(Value::from(
            money(&case["left"])?
                .checked_add(&money(&case["right"])?)?
                .amount()
                .to_string(),
        )),
        "minor_units" => Ok(Value::from(currency(text(case, "currency"))?.minor_units())),
        "to_minor_units" => {
            let m = Money::new(dec(case, "amount")?, currency(text(case, "currency"))?);
            Ok(Value::from(m.to_minor_units()?))
        }
        "parse_decimal" => Ok(Value::from(
            parse::decimal("text", text(case, "text"))?.to_string(),
        )),
        "periodic" => {
            let rate = Rate::from_fraction(dec(case, "rate")?)?;
            Ok(Value::from(
                rate.periodic(Frequency::from_str(text(case, "frequency"))?)
                    .to_string(),
            ))
        }
        "effective_annual" => {
            let rate = Rate::from_fraction(dec(case, "rate")?)?;
            let apy = rate.effective_annual(compounding(case))?;
            Ok(Value::from(
                round_decimal(apy.as_fraction(), places(case), RoundingMode::HalfEven)?.to_string(),
            ))
        }
        "nominal_from_effective" => {
            let apy = Rate::from_fraction(dec(case, "effective")?)?;
            let nominal = Rate::from_effective_annual(apy, compounding(case))?;
            Ok(Value::from(
                round_decimal(nominal.as_fraction(), places(case), RoundingMode::HalfEven)?
                    .to_string(),
            ))
        }
        "from_percent" => Ok(Value::from(
            Rate::from_percent(dec(case, "percent")?)?
                .as_fraction()
                .to_string(),
        )),
        "fv" | "pv" | "pmt" | "nper" | "ipmt" | "ppmt" | "rate" | "cumipmt" | "cumprinc" => {
            let when = When::from_str(text(case, "when"))?;
            let d = |key: &'static str| dec(case, key);
            let v = match op {
                "fv" => finance::fv(d("rate")?, d("nper")?, d("pmt")?, d("pv")?, when)?,
                "pv" => finance::pv(d("rate")?, d("nper")?, d("pmt")?, d("fv")?, when)?,
                "pmt" => finance::pmt(d("rate")?, d("nper")?, d("pv")?, d("fv")?, when)?,
                "nper" => finance::nper(d("rate")?, d("pmt")?, d("pv")?, d("fv")?, when)?,
                "ipmt" => {
                    finance::ipmt(d("rate")?, d("per")?, d("nper")?, d("pv")?, d("fv")?, when)?
                }
                "ppmt" => {
                    finance::ppmt(d("rate")?, d("per")?, d("nper")?, d("pv")?, d("fv")?, when)?
                }
                "rate" => finance::rate(d("nper")?, d("pmt")?, d("pv")?, d("fv")?, when, None)?,
                "cumipmt" => finance::cumipmt(
                    d("rate")?,
                    d("nper")?,
                    d("pv")?,
                    d("start_period")?,
                    d("end_period")?,
                    when,
                )?,
                _ => finance::cumprinc(
                    d("rate")?,
                    d("nper")?,
                    d("pv")?,
                    d("start_period")?,
                    d("end_period")?,
                    when,
                )?,
            };
            Ok(Value::from(
                round_decimal(v, places(case), RoundingMode::HalfEven)?.to_string(),
            ))
        }
        "npv" | "irr" | "mirr" => {
            let values = case["values"]
                .as_array()
                .expect("values")
                .iter()
                .map(|v| parse::decimal("values", v.as_str().unwrap_or_default()))
                .collect::<Result<Vec<_>, _>>()?;
            let v = match op {
                "npv" => finance::npv(dec(case, "rate")?, &values)?,
                "irr" => finance::irr(&values, None)?,
                _ => finance::mirr(
                    &values,
                    dec(case, "finance_rate")?,
                    dec(case, "reinvest_rate")?,
                )?,
            };
            Ok(Value::from(
                round_decimal(v, places(case), RoundingMode::HalfEven)?.to_string(),
            ))
        }
        "xnpv" | "xirr" => {
            let flows = case["flows"]
                .as_array()
                .expect("flows")
                .iter()
                .map(|f| {
                    let date = parse::date("dates", f[0].as_str().unwrap_or_default())?;
                    Ok((
                        date,
                        parse::decimal("values", f[1].as_str().unwrap_or_default())?,
                    ))
                })
                .collect::<Result<Vec<_>, Error>>()?;
            let day_count = DayCount::from_str(text(case, "day_count"))?;
            let v = match op {
                "xnpv" => finance::xnpv(dec(case, "rate")?, &flows, day_count)?,
                _ => finance::xirr(&flows, day_count, None)?,
            };
            Ok(Value::from(
                round_decimal(v, places(case), RoundingMode::HalfEven)?.to_string(),
            ))
        }
        "apr_regulation_z" => {
            let unit = case
                .get("unit_period")
                .map(|u| unit_period(u.as_str().unwrap_or_default()));
            let apr = finance::apr_regulation_z(
                &dated(case, "advances")?,
                &dated(case, "payments")?,
                unit,
            )?;
            let mut out = serde_json::Map::new();
            out.insert(
                "expected".into(),
                Value::from(
                    round_decimal(apr.apr, places(case), RoundingMode::HalfEven)?.to_string(),
                ),
            );
            out.insert(
                "expected_unit_period".into(),
                Value::from(unit_period_name(apr.unit_period)),
            );
            out.insert("expected_irregular".into(), Value::from(apr.irregular));
            Ok(Value::Object(out))
        }
        "aprc_eu" => {
            let basis = match text(case, "basis") {
                "days" => AprcBasis::Days,
                "weeks" => AprcBasis::Weeks,
                "months" => AprcBasis::Months,
                other => panic!("unknown basis {other}"),
            };
            let decimals =
                u32::try_from(case["decimals"].as_u64().expect("decimals")).expect("fits");
            let aprc = finance::aprc_eu(
                &dated(case, "drawdowns")?,
                &dated(case, "payments")?,
                basis,
                decimals,
            )?;
            Ok(Value::from(aprc.percent.to_string()))
        }
        "amortize" => amortize_case(case),
        "statutory_interest" => statutory_case(case),
        "erpnext_dunning" => {
            let r = erpnext_dunning(
                Money::new(dec(case, "outstanding")?, currency(text(case, "currency"))?),
                dec(case, "annual_rate_percent")?,
                date(case, "due_date")?,
                date(case, "posting_date")?,
                dec(case, "dunning_fee")?,
                opt_u32(case, "earlier_dunnings").unwrap_or(0),
                rounding(case, "rounding")?,
            )?;
            Ok(serde_json::json!({
                "expected_overdue_days": r.overdue_days,
                "expected_interest": r.interest.to_string(),
                "expected_dunning_amount": r.dunning_amount.to_string(),
                "expected_level": r.level,
            }))
        }
        "finance_charge" => finance_charge_case(case),
        "average_daily_balance" => {
            let items = case["items"]
                .as_array()
                .expect("items")
                .iter()
                .map(|i| {
                    let amount = parse::decimal("amount", i[0].as_str().unwrap_or_default())?;
                    Ok((amount, i[1].as_i64().expect("days")))
                })
                .collect::<Result<Vec<_>, Error>>()?;
            Ok(Value::from(
                average_daily_balance_interest(
                    &items,
                    dec(case, "rate_percent")?,
                    opt_u32(case, "interest_period_days").expect("interest_period_days"),
                    currency(text(case, "currency"))?,
                    rounding(case, "rounding")?,
                )?
                .to_string(),
            ))
        }
        "dunning_run" => dunning_case(case),
        "age_account" | "charge_off" | "time_bar" | "age_portfolio" => aging_case(case),
        "can_become" | "transition" | "status_history" => status_case(case),
        "ledger" => ledger_case(case),
        "reconcile" | "compare_to_expected" => reconcile_case(case),
        "to_monthly" | "assess" | "fair_share" | "recommend" | "guidelines_csv" => {
            affordability_case(case)
        }
        "evaluate" | "eligible_windows" => contact_case(case),
        "arrangement"
        | "track"
        | "replan"
        | "score"
        | "rank"
        | "settle"
        | "minimum_settlement"
        | "settlement_offers"
        | "forecast"
        | "cei"
        | "dso"
        | "recovery_rate"
        | "liquidation_rate"
        | "right_party_contact_rate"
        | "promise_kept_rate"
        | "roll_rate_matrix"
        | "treatment" => with_expected_error(case, plan_case),
        other => panic!("unknown op {other:?} in case {case}"),
    }
}

fn opt_u32(case: &Value, key: &str) -> Option<u32> {
    case.get(key)
        .map(|v| u32::try_from(v.as_u64().expect("a non-negative integer")).expect("fits u32"))
}

fn opt_dec(case: &Value, key: &'static str) -> Result<Option<Decimal>, Error> {
    case.get(key).map(|_| dec(case, key)).transpose()
}

fn dec_list(case: &Value, key: &'static str) -> Result<Option<Vec<Decimal>>, Error> {
    case.get(key)
        .map(|list| {
            list.as_array()
                .expect("a list of decimal text")
                .iter()
                .map(|v| parse::decimal(key, v.as_str().unwrap_or_default()))
                .collect()
        })
        .transpose()
}

/// The `schedules.json` terms of a case (see tests/vectors/README.md).
fn schedule_terms(case: &Value) -> Result<ScheduleTerms, Error> {
    let name = |key: &str, default: &'static str| {
        case.get(key)
            .and_then(Value::as_str)
            .unwrap_or(default)
            .to_string()
    };
    let term_or_payment = match (opt_u32(case, "term"), opt_dec(case, "payment")?) {
        (Some(n), None) => TermOrPayment::Term(n),
        (None, Some(p)) => TermOrPayment::Payment(p),
        _ => panic!("a schedule case gives exactly one of term and payment: {case}"),
    };
    let mut terms = ScheduleTerms::new(
        dec(case, "principal")?,
        currency(&name("currency", "USD"))?,
        Rate::from_fraction(dec(case, "annual_rate")?).map_err(|e| e.with_field("annual_rate"))?,
        date(case, "start_date")?,
        date(case, "first_due_date")?,
        Frequency::from_str(&name("frequency", "monthly"))?,
        term_or_payment,
    );
    terms.end_of_month = case["end_of_month"].as_bool().unwrap_or(false);
    let day_count = case
        .get("day_count")
        .map(|v| DayCount::from_str(v.as_str().unwrap_or_default()))
        .transpose()?;
    terms.interest_method =
        InterestMethod::from_parts(&name("interest_method", "periodic"), day_count)?;
    terms.kind = ScheduleKind::from_parts(
        &name("kind", "level_payment"),
        KindParams {
            amortization_periods: opt_u32(case, "amortization_periods"),
            step_percent: opt_dec(case, "step_percent")?,
            every: opt_u32(case, "every"),
            payments: dec_list(case, "payments")?,
        },
    )?;
    terms.odd_first_period =
        OddFirstPeriod::from_str(&name("odd_first_period", "add_to_first_installment"))?;
    terms.stub_day_count = DayCount::from_str(&name("stub_day_count", "ACT/365F"))?;
    terms.payment_holidays = case["payment_holidays"]
        .as_array()
        .into_iter()
        .flatten()
        .map(|h| u32::try_from(h.as_u64().expect("a period number")).expect("fits u32"))
        .collect();
    terms.holiday_interest = HolidayInterest::from_str(&name("holiday_interest", "capitalize"))?;
    terms.payment_rounding = RoundingMode::from_str(&name("payment_rounding", "half-up"))?;
    terms.interest_rounding = RoundingMode::from_str(&name("interest_rounding", "half-up"))?;
    terms.payment_multiple = opt_dec(case, "payment_multiple")?;
    if let Some(m) = opt_u32(case, "max_rows") {
        terms.max_rows = m;
    }
    Ok(terms)
}

fn row_json(row: &Row, wanted: &Value) -> Value {
    let mut out = serde_json::Map::new();
    for key in wanted.as_object().expect("a partial row").keys() {
        let v = match key.as_str() {
            "number" => wanted["number"].clone(),
            "due_date" => Value::from(row.due_date.to_string()),
            "days" => Value::from(row.days),
            "holiday" => Value::from(row.holiday),
            "opening_balance" => Value::from(row.opening_balance.to_string()),
            "payment" => Value::from(row.payment.to_string()),
            "interest" => Value::from(row.interest.to_string()),
            "deferred_interest" => Value::from(row.deferred_interest.to_string()),
            "principal" => Value::from(row.principal.to_string()),
            "closing_balance" => Value::from(row.closing_balance.to_string()),
            other => panic!("unknown row field {other}"),
        };
        out.insert(key.clone(), v);
    }
    Value::Object(out)
}

fn amortize_case(case: &Value) -> Outcome {
    let mut schedule = amortize(&schedule_terms(case)?)?;
    if let Some(change) = case.get("reamortize") {
        let from_row = opt_u32(change, "from_row").expect("from_row");
        let annual_rate = opt_dec(change, "annual_rate")?
            .map(Rate::from_fraction)
            .transpose()?;
        schedule = schedule.reamortize(
            from_row,
            Reamortization {
                annual_rate,
                term: opt_u32(change, "term"),
                payment: opt_dec(change, "payment")?,
            },
        )?;
    }
    let rows = schedule.rows();
    let mut out = serde_json::Map::new();
    out.insert(
        "expected_level_payment".into(),
        schedule
            .level_payment()
            .map_or(Value::Null, |p| Value::from(p.to_string())),
    );
    out.insert("expected_row_count".into(), Value::from(rows.len()));
    let wanted = case["expected_rows"]
        .as_array()
        .cloned()
        .unwrap_or_default();
    let picked: Vec<Value> = wanted
        .iter()
        .map(|w| {
            let n = w["number"].as_i64().expect("a row number");
            let len = i64::try_from(rows.len()).expect("fits");
            let index = if n < 0 { len + n } else { n - 1 };
            usize::try_from(index)
                .ok()
                .and_then(|i| rows.get(i))
                .map_or(Value::Null, |r| row_json(r, w))
        })
        .collect();
    out.insert("expected_rows".into(), Value::from(picked));
    let t = schedule.totals();
    out.insert(
        "expected_totals".into(),
        serde_json::json!({
            "payment": t.payment.to_string(),
            "interest": t.interest.to_string(),
            "principal": t.principal.to_string(),
        }),
    );
    Ok(Value::Object(out))
}

// ---------------------------------------------------------------- debts

fn opt_text<'a>(case: &'a Value, key: &str) -> Option<&'a str> {
    case.get(key).and_then(Value::as_str)
}

fn rounding(case: &Value, key: &str) -> Result<RoundingMode, Error> {
    opt_text(case, key).unwrap_or("half-up").parse()
}

fn opt_date(case: &Value, key: &'static str) -> Result<Option<NaiveDate>, Error> {
    opt_text(case, key).map(|t| parse::date(key, t)).transpose()
}

fn date_json(date: Option<NaiveDate>) -> Value {
    date.map_or(Value::Null, |d| Value::from(d.to_string()))
}

fn statutory_case(case: &Value) -> Outcome {
    let mut claim = StatutoryClaim::new(
        text(case, "statute").parse()?,
        text(case, "debtor").parse()?,
        dec(case, "principal")?,
        currency(text(case, "currency"))?,
        date(case, "due_date")?,
        date(case, "through")?,
    )?;
    claim.margin_points = opt_dec(case, "margin_points")?;
    claim.obligation_date = opt_date(case, "obligation_date")?;
    claim.day_count = opt_text(case, "day_count").map(str::parse).transpose()?;
    claim.rounding = rounding(case, "rounding")?;
    let r = claim.compute(&StatutoryTables::default())?;
    let segments: Vec<Value> = r
        .segments
        .iter()
        .map(|s| {
            serde_json::json!({
                "from": s.from.to_string(), "to": s.to.to_string(), "days": s.days,
                "rate_percent": s.rate_percent.to_string(), "year_basis": s.year_basis,
            })
        })
        .collect();
    Ok(serde_json::json!({
        "expected_interest": r.interest.to_string(),
        "expected_days": r.days,
        "expected_fixed_compensation": r.fixed_compensation.map_or(Value::Null, |m| serde_json::json!({
            "amount": m.amount().to_string(), "currency": m.currency().code(),
        })),
        "expected_any_unverified": r.any_unverified,
        "expected_segments": segments,
    }))
}

fn finance_charge_case(case: &Value) -> Outcome {
    let mut terms = FinanceChargeTerms::new(
        text(case, "method").parse()?,
        dec(case, "interest_rate_percent")?,
        opt_u32(case, "interest_period_days").unwrap_or(30),
    );
    terms.grace_days = opt_u32(case, "grace_days").unwrap_or(0);
    terms.minimum_amount = opt_dec(case, "minimum_amount")?.unwrap_or_default();
    terms.additional_fee = opt_dec(case, "additional_fee")?.unwrap_or_default();
    let c = terms.charge(
        Money::new(dec(case, "remaining")?, currency(text(case, "currency"))?),
        date(case, "due_date")?,
        date(case, "as_of")?,
        rounding(case, "rounding")?,
    )?;
    Ok(serde_json::json!({
        "expected_days_overdue": c.days_overdue,
        "expected_charged": c.charged,
        "expected_interest": c.interest.to_string(),
        "expected_total": c.total.to_string(),
    }))
}

fn dunning_policy(p: &Value) -> Result<DunningPolicy, Error> {
    let levels = p["levels"]
        .as_array()
        .expect("levels")
        .iter()
        .map(|l| {
            let mut level = DunningLevel::new(
                opt_u32(l, "days_overdue").expect("days_overdue"),
                text(l, "action"),
            );
            level.grace_days = opt_u32(l, "grace_days").unwrap_or(0);
            level.fee = opt_dec(l, "fee")?.unwrap_or_default();
            level.minimum_outstanding = opt_dec(l, "minimum_outstanding")?.unwrap_or_default();
            level.interest = l
                .get("interest")
                .map(|i| {
                    DunningInterest::from_parts(
                        text(i, "method"),
                        opt_dec(i, "rate_percent")?,
                        opt_u32(i, "interest_period_days"),
                        opt_text(i, "statute").map(str::parse).transpose()?,
                        opt_text(i, "debtor").map(str::parse).transpose()?,
                    )
                })
                .transpose()?;
            Ok(level)
        })
        .collect::<Result<Vec<_>, Error>>()?;
    Ok(DunningPolicy::new(currency(text(p, "currency"))?, levels)?
        .with_one_level_at_a_time(p["one_level_at_a_time"].as_bool().unwrap_or(true)))
}

fn dunning_case(case: &Value) -> Outcome {
    let policy = dunning_policy(&case["policy"])?;
    let invoices = case["invoices"]
        .as_array()
        .expect("invoices")
        .iter()
        .map(|i| {
            let code = opt_text(i, "currency").unwrap_or(text(&case["policy"], "currency"));
            let cur = currency(code)?;
            let mut inv = Invoice::new(
                text(i, "id"),
                text(i, "customer_id"),
                cur,
                dec(i, "amount")?,
                date(i, "due_date")?,
            );
            for p in i["payments"].as_array().into_iter().flatten() {
                inv.payments.push(DunningPayment {
                    date: parse::date("payments.date", text(p, "date"))?,
                    amount: parse::decimal("payments.amount", text(p, "amount"))?,
                    currency: opt_text(p, "currency").map_or(Ok(cur), currency)?,
                });
            }
            inv.dunning_level = opt_u32(i, "dunning_level").unwrap_or(0);
            inv.blocked = i["blocked"].as_bool().unwrap_or(false);
            Ok(inv)
        })
        .collect::<Result<Vec<_>, Error>>()?;
    let run = dunning_run(&invoices, &policy, date(case, "as_of")?)?;
    let totals = |t: &DunningTotals| -> serde_json::Map<String, Value> {
        let v = serde_json::json!({
            "invoices": t.invoices, "notices": t.notices, "outstanding": t.outstanding.to_string(),
            "fee": t.fee.to_string(), "interest": t.interest.to_string(), "total": t.total.to_string(),
        });
        v.as_object().cloned().unwrap_or_default()
    };
    let pick = |all: &serde_json::Map<String, Value>, wanted: &Value| -> Value {
        let keys = wanted.as_object().expect("a partial object").keys();
        Value::Object(
            keys.map(|k| {
                let v = all.get(k).cloned();
                (k.clone(), v.unwrap_or_else(|| panic!("unknown field {k}")))
            })
            .collect(),
        )
    };
    let wanted = |key: &str| case[key].as_array().cloned().unwrap_or_default();
    let lines: Vec<Value> = run
        .lines
        .iter()
        .zip(
            wanted("expected_lines")
                .iter()
                .chain(std::iter::repeat(&Value::Null)),
        )
        .map(|(l, w)| {
            let all = serde_json::json!({
                "invoice_id": invoices[l.invoice_index].id, "invoice_index": l.invoice_index,
                "outstanding": l.outstanding.to_string(), "days_overdue": l.days_overdue,
                "outcome": l.outcome.name(), "level": l.level, "action": run.action(l),
                "fee": l.fee.to_string(), "interest": l.interest.to_string(),
                "total": l.total.to_string(), "unverified_rate": l.unverified_rate,
            });
            if w.is_object() {
                pick(all.as_object().expect("an object"), w)
            } else {
                all
            }
        })
        .collect();
    let customers: Vec<Value> = run
        .customers
        .iter()
        .zip(
            wanted("expected_customers")
                .iter()
                .chain(std::iter::repeat(&Value::Null)),
        )
        .map(|(c, w)| {
            let mut all = totals(&c.totals);
            all.insert("customer_id".into(), Value::from(c.customer_id.clone()));
            all.insert("first_line".into(), Value::from(c.lines.start));
            all.insert("n_lines".into(), Value::from(c.lines.len()));
            if w.is_object() {
                pick(&all, w)
            } else {
                Value::Object(all)
            }
        })
        .collect();
    Ok(serde_json::json!({
        "expected_lines": lines,
        "expected_customers": customers,
        "expected_totals": Value::Object(totals(&run.totals)),
    }))
}

fn aging_rules(case: &Value) -> Result<AgingRules, Error> {
    let method =
        opt_text(case, "method").map_or(Ok(ShortfallMethod::PerInstallment), str::parse)?;
    let tolerance = match case.get("tolerance") {
        Some(t) => Tolerance::from_parts(text(t, "kind"), opt_dec(t, "value")?)?,
        None => Tolerance::None,
    };
    let buckets = match case.get("bucket_upper_bounds").and_then(Value::as_array) {
        Some(b) => Buckets::from_upper_bounds(
            &b.iter()
                .map(|x| u32::try_from(x.as_u64().expect("a bound")).expect("fits"))
                .collect::<Vec<_>>(),
        )?,
        None => Buckets::default(),
    };
    AgingRules::new(
        method,
        tolerance,
        opt_u32(case, "grace_days").unwrap_or(0),
        buckets,
    )
}

fn aging_account(case: &Value) -> Result<AccountObligations, Error> {
    let obligations = case["obligations"]
        .as_array()
        .expect("obligations")
        .iter()
        .map(|o| {
            let t = |i: usize| o[i].as_str().unwrap_or_default();
            Obligation::new(
                parse::date("due_date", t(0))?,
                parse::decimal("amount_due", t(1))?,
                parse::decimal("amount_paid", t(2))?,
            )
        })
        .collect::<Result<Vec<_>, Error>>()?;
    let frozen = case["frozen"]
        .as_array()
        .into_iter()
        .flatten()
        .map(|r| {
            let t = |i: usize| r[i].as_str().unwrap_or_default();
            DateRange::new(
                parse::date("frozen_periods", t(0))?,
                parse::date("frozen_periods", t(1))?,
            )
        })
        .collect::<Result<Vec<_>, Error>>()?;
    AccountObligations::with_frozen(obligations, FrozenPeriods::new(frozen)?)
}

fn limitation_period(name: &str) -> LimitationPeriod {
    let (unit, n) = name.split_once(':').expect("unit:count");
    let n: u32 = n.parse().expect("a count");
    match unit {
        "years" => LimitationPeriod::Years(n),
        "months" => LimitationPeriod::Months(n),
        "days" => LimitationPeriod::Days(n),
        other => panic!("unknown limitation unit {other}"),
    }
}

fn aging_case(case: &Value) -> Outcome {
    let op = text(case, "op");
    let rules = aging_rules(case)?;
    if op == "age_portfolio" {
        let accounts = case["accounts"]
            .as_array()
            .expect("accounts")
            .iter()
            .map(aging_account)
            .collect::<Result<Vec<_>, Error>>()?;
        let p = age_portfolio(&accounts, date(case, "as_of")?, &rules)?;
        return Ok(serde_json::json!({
            "expected_accounts": p.accounts.iter().map(|a| serde_json::json!([a.days_past_due, a.bucket])).collect::<Vec<_>>(),
            "expected_totals": p.totals.iter().map(|t| serde_json::json!({
                "accounts": t.accounts, "outstanding": t.outstanding.to_string(), "past_due": t.past_due.to_string(),
            })).collect::<Vec<_>>(),
        }));
    }
    let account = aging_account(case)?;
    let as_of = date(case, "as_of")?;
    match op {
        "age_account" => {
            let a = account.age(as_of, &rules)?;
            Ok(serde_json::json!({
                "expected_days_past_due": a.days_past_due,
                "expected_counting_from": date_json(a.counting_from),
                "expected_bucket": a.bucket,
                "expected_bucket_label": a.bucket_label,
                "expected_past_due_amount": a.past_due_amount.to_string(),
                "expected_tolerated_shortfall": a.tolerated_shortfall.to_string(),
                "expected_outstanding": a.outstanding.to_string(),
                "expected_past_due_by_bucket": a.past_due_by_bucket.iter().map(|d| d.to_string()).collect::<Vec<_>>(),
            }))
        }
        "charge_off" => {
            let default = ChargeOffPolicy::default();
            let policy = ChargeOffPolicy::new(
                opt_u32(case, "closed_end_days")
                    .unwrap_or(default.threshold(CreditType::ClosedEnd)),
                opt_u32(case, "open_end_days").unwrap_or(default.threshold(CreditType::OpenEnd)),
            )?;
            let c =
                account.charge_off(as_of, &rules, text(case, "credit_type").parse()?, &policy)?;
            Ok(serde_json::json!({
                "expected_threshold_days": c.threshold_days,
                "expected_days_past_due": c.days_past_due,
                "expected_eligible": c.eligible,
                "expected_eligible_on": date_json(c.eligible_on),
            }))
        }
        "time_bar" => {
            let t = account.time_bar(
                as_of,
                &rules,
                text(case, "limitation_start").parse()?,
                limitation_period(text(case, "limitation_period")),
                opt_date(case, "last_payment")?,
                opt_date(case, "last_acknowledgment")?,
            )?;
            Ok(serde_json::json!({
                "expected_start": date_json(t.start),
                "expected_barred_on": date_json(t.barred_on),
                "expected_time_barred": t.time_barred,
            }))
        }
        other => panic!("not an aging op: {other}"),
    }
}

fn status_case(case: &Value) -> Outcome {
    let status = |key: &str| -> Result<Status, Error> { text(case, key).parse() };
    match text(case, "op") {
        "can_become" => Ok(Value::from(status("from")?.can_become(status("to")?))),
        "transition" => {
            transition(
                status("from")?,
                status("to")?,
                date(case, "date")?,
                text(case, "reason"),
            )?;
            Ok(Value::from(true))
        }
        _ => {
            let mut h = StatusHistory::new(status("initial")?, date(case, "opened_on")?);
            for c in case["changes"].as_array().expect("changes") {
                h.change(
                    text(c, "to").parse()?,
                    parse::date("date", text(c, "date"))?,
                    text(c, "reason"),
                )?;
            }
            let on: Vec<Value> = case["expected_status_on"]
                .as_array()
                .into_iter()
                .flatten()
                .map(|pair| {
                    let d = parse::date("date", pair[0].as_str().unwrap_or_default())?;
                    Ok(serde_json::json!([
                        d.to_string(),
                        h.status_on(d).map(Status::name)
                    ]))
                })
                .collect::<Result<Vec<_>, Error>>()?;
            Ok(serde_json::json!({
                "expected_current": h.current().name(),
                "expected_change_count": h.changes().len(),
                "expected_returns_to": h.returns_to().map(Status::name),
                "expected_status_on": on,
            }))
        }
    }
}

fn ledger_terms(t: &Value) -> Result<Terms, Error> {
    let rates = dated(t, "rates")?;
    let mut terms = Terms::new(RateHistory::new(rates)?);
    let d = |key: &'static str| parse::decimal(key, t[key].as_str().unwrap_or_default());
    if let Some(p) = t.get("penalty_rate") {
        let after = p["after_days"].as_u64().expect("after_days") as u32;
        terms = terms.with_penalty_rate(parse::decimal("penalty_rate", text(p, "rate"))?, after)?;
    }
    if t.get("max_rate").is_some() {
        terms = terms.with_max_rate(d("max_rate")?)?;
    }
    if t.get("charge_cap").is_some() {
        terms = terms.with_charge_cap(d("charge_cap")?)?;
    }
    if let Some(list) = t.get("freezes").and_then(Value::as_array) {
        let ranges = list
            .iter()
            .map(|r| {
                DateRange::new(
                    parse::date("freezes", r[0].as_str().unwrap_or_default())?,
                    parse::date("freezes", r[1].as_str().unwrap_or_default())?,
                )
            })
            .collect::<Result<Vec<_>, Error>>()?;
        // The JSON key is `freezes`, as the Python and C surfaces name it.
        terms =
            terms.with_freezes(FrozenPeriods::new(ranges).map_err(|e| e.with_field("freezes"))?);
    }
    if let Some(name) = t.get("day_count").and_then(Value::as_str) {
        terms = terms.with_day_count(DayCount::from_str(name)?);
    }
    if let Some(name) = t.get("interest_mode").and_then(Value::as_str) {
        terms = terms.with_interest_mode(name.parse()?);
    }
    if let Some(f) = t.get("late_fee") {
        let fd = |key: &'static str| -> Result<Decimal, Error> {
            f.get(key)
                .and_then(Value::as_str)
                .map_or(Ok(Decimal::ZERO), |v| parse::decimal(key, v))
        };
        let rule = LateFeeRule {
            flat: fd("flat")?,
            percent: fd("percent")?,
            minimum: fd("minimum")?,
            maximum: match f.get("maximum").and_then(Value::as_str) {
                Some(v) => Some(parse::decimal("maximum", v)?),
                None => None,
            },
            grace_days: opt_u32(f, "grace_days").unwrap_or(0),
            component: f
                .get("component")
                .and_then(Value::as_str)
                .map_or(Ok(Component::Penalty), str::parse)?,
        };
        terms = terms.with_late_fee(rule)?;
    }
    if let Some(a) = t.get("allocation") {
        let strategy = match a.get("advanced").and_then(Value::as_array) {
            Some(order) => AllocationStrategy::advanced(
                order
                    .iter()
                    .map(|p| Ok((item(p, 0).parse()?, item(p, 1).parse()?)))
                    .collect::<Result<Vec<(Timing, Component)>, Error>>()
                    .map_err(|e| e.with_field("allocation"))?,
            )?,
            None => AllocationStrategy::from_parts(text(a, "order"), text(a, "scope"))?,
        };
        terms = terms.with_allocation(strategy);
    }
    if let Some(name) = t.get("overpayment").and_then(Value::as_str) {
        terms = terms.with_overpayment(name.parse()?);
    }
    if let Some(name) = t.get("rounding").and_then(Value::as_str) {
        terms = terms.with_rounding(name.parse()?);
    }
    Ok(terms)
}

fn ledger_event(e: &Value, currency: Currency) -> Result<Event, Error> {
    let date = parse::date("date", text(e, "date"))?;
    let amount = || parse::decimal("amount", text(e, "amount"));
    let reason = || text(e, "reason").to_string();
    let component = || -> Result<Component, Error> { text(e, "component").parse() };
    let kind = match text(e, "type") {
        "obligation" => EventKind::Obligation { amount: amount()? },
        "accrue" => EventKind::Accrue,
        "fee" => EventKind::Fee {
            component: component()?,
            amount: amount()?,
            reason: reason(),
        },
        "payment" => EventKind::Payment {
            id: text(e, "id").to_string(),
            amount: amount()?,
            currency: match e.get("currency").and_then(Value::as_str) {
                Some(code) => Currency::from_str(code)?,
                None => currency,
            },
        },
        "reversal" => EventKind::Reversal {
            payment_id: text(e, "payment_id").to_string(),
            reason: reason(),
        },
        "refund" => EventKind::Refund { amount: amount()? },
        "waiver" => EventKind::Waiver {
            component: component()?,
            amount: amount()?,
            reason: reason(),
        },
        "adjustment" => EventKind::Adjustment {
            component: component()?,
            amount: amount()?,
            reason: reason(),
        },
        "extension" => EventKind::Extension {
            days: opt_u32(e, "days").expect("days"),
            reason: reason(),
        },
        "settlement" => EventKind::Settlement { reason: reason() },
        "charge_off" => EventKind::ChargeOff { reason: reason() },
        "write_off" => EventKind::WriteOff { reason: reason() },
        "status_change" => EventKind::StatusChange {
            to: text(e, "to").parse()?,
            reason: reason(),
        },
        other => panic!("unknown event type {other}"),
    };
    Ok(Event::new(date, kind))
}

fn balances_json(b: &Balances) -> Value {
    serde_json::json!({
        "principal": b.principal.to_string(),
        "interest": b.interest.to_string(),
        "fees": b.fees.to_string(),
        "penalties": b.penalties.to_string(),
        "credit": b.credit.to_string(),
    })
}

fn by_component(values: &[Decimal; 4]) -> Value {
    let mut out = serde_json::Map::new();
    for (c, v) in Component::ALL.iter().zip(values) {
        out.insert(c.name().to_string(), Value::from(v.to_string()));
    }
    Value::Object(out)
}

fn ledger_case(case: &Value) -> Outcome {
    let a = &case["account"];
    let currency = currency(text(a, "currency"))?;
    let account = Account::new(
        text(a, "id"),
        currency,
        parse::date("opened", text(a, "opened"))?,
        parse::decimal("principal", text(a, "principal"))?,
        ledger_terms(&case["terms"])?,
    )?;
    let mut ledger = Ledger::new(account);
    for (i, e) in case["events"]
        .as_array()
        .expect("events")
        .iter()
        .enumerate()
    {
        let posted = ledger_event(e, currency).and_then(|ev| ledger.post(ev));
        match (e.get("refused").and_then(Value::as_str), posted) {
            (None, Err(err)) => return Err(err),
            (Some(kind), Ok(_)) => panic!("event {i} was accepted; expected a refusal {kind}"),
            (Some(kind), Err(err)) => {
                let field = e.get("refused_field").and_then(Value::as_str);
                assert!(
                    kind == error_kind(&err) && field.is_none_or(|f| f == err.field()),
                    "event {i}: expected a refusal {kind} {field:?}, got {err:?}"
                );
            }
            (None, Ok(_)) => {}
        }
    }
    let on = case["expected_on"]
        .as_array()
        .into_iter()
        .flatten()
        .map(|c| {
            let as_of = parse::date("as_of", text(c, "as_of"))?;
            let mut out = serde_json::Map::new();
            out.insert("as_of".into(), Value::from(as_of.to_string()));
            if c.get("balances").is_some() {
                out.insert(
                    "balances".into(),
                    balances_json(&ledger.balances_on(as_of)?),
                );
            }
            if c.get("days_past_due").is_some() {
                out.insert(
                    "days_past_due".into(),
                    Value::from(ledger.days_past_due(as_of)?),
                );
            }
            Ok(Value::Object(out))
        })
        .collect::<Result<Vec<_>, Error>>()?;
    let ids: Vec<&str> = case["events"]
        .as_array()
        .into_iter()
        .flatten()
        .filter(|e| e["type"] == "payment" && e.get("refused").is_none())
        .map(|e| text(e, "id"))
        .collect();
    let mut allocations = serde_json::Map::new();
    let mut to_credit = serde_json::Map::new();
    for id in &ids {
        if let Some(entry) = ledger.payment_entry(id) {
            let list: Vec<Value> = entry
                .allocations
                .iter()
                .map(|a| {
                    serde_json::json!([
                        a.component.name(),
                        a.due_date.map(|d| d.to_string()),
                        a.amount.to_string()
                    ])
                })
                .collect();
            allocations.insert(id.to_string(), Value::from(list));
            to_credit.insert(id.to_string(), Value::from(entry.to_credit.to_string()));
        }
    }
    // Only the payments the case names are compared.
    let named = |m: serde_json::Map<String, Value>, key: &str| {
        let wanted = case[key].as_object().cloned().unwrap_or_default();
        Value::Object(
            m.into_iter()
                .filter(|(k, _)| wanted.contains_key(k))
                .collect(),
        )
    };
    let entries: Vec<Value> = ledger
        .entries()
        .iter()
        .map(|e| serde_json::json!([e.date.to_string(), e.kind.name(), e.amount.to_string()]))
        .collect();
    let t = ledger.totals();
    let mut reversed: Vec<&str> = ids
        .iter()
        .copied()
        .filter(|id| ledger.is_reversed(id))
        .collect();
    reversed.sort_unstable();
    reversed.dedup();
    Ok(serde_json::json!({
        "expected_balances": balances_json(&ledger.balances()),
        "expected_status": ledger.status().name(),
        "expected_on": on,
        "expected_allocations": named(allocations, "expected_allocations"),
        "expected_to_credit": named(to_credit, "expected_to_credit"),
        "expected_entries": entries,
        "expected_totals": {
            "charged": by_component(&t.charged),
            "paid": by_component(&t.paid),
            "forgiven": by_component(&t.forgiven),
            "payments": t.payments.to_string(),
            "refunds": t.refunds.to_string(),
            "capped": t.capped.to_string(),
        },
        "expected_reversed": reversed,
    }))
}

fn records(case: &Value, key: &'static str) -> Result<Vec<PaymentRecord>, Error> {
    case[key]
        .as_array()
        .expect("a list of records")
        .iter()
        .map(|r| {
            PaymentRecord::new(
                item(r, 0),
                item(r, 1),
                parse::date(key, r[2].as_str().unwrap_or_default())?,
                parse::decimal(key, r[3].as_str().unwrap_or_default())?,
                currency(r[4].as_str().unwrap_or_default())?,
            )
        })
        .collect()
}

fn reconcile_case(case: &Value) -> Outcome {
    if text(case, "op") == "reconcile" {
        let mut tol = Tolerances::default();
        if let Some(t) = case.get("tolerances") {
            if let Some(days) = opt_u32(t, "date_days") {
                tol.date_days = days;
            }
            if let Some(a) = t.get("amount").and_then(Value::as_str) {
                tol.amount = parse::decimal("amount", a)?;
            }
            if let Some(days) = opt_u32(t, "match_window_days") {
                tol.match_window_days = days;
            }
        }
        let r = reconcile(&records(case, "reported")?, &records(case, "posted")?, &tol)?;
        let discrepancies: Vec<Value> = r
            .discrepancies
            .iter()
            .map(|d| {
                serde_json::json!([
                    d.kind.name(),
                    d.reported,
                    d.posted,
                    d.difference.map(|x| x.to_string()),
                    d.resolution
                ])
            })
            .collect();
        return Ok(serde_json::json!({
            "expected_matched": r.matched,
            "expected_discrepancies": discrepancies,
        }));
    }
    let expected: Vec<Expected> = dated(case, "expected")?
        .into_iter()
        .map(|(due_date, amount)| Expected { due_date, amount })
        .collect();
    let c = compare_to_expected(
        &expected,
        &dated(case, "received")?,
        opt_u32(case, "grace_days").unwrap_or(0),
        date(case, "as_of")?,
    )?;
    let installments: Vec<Value> = c
        .installments
        .iter()
        .map(|o| {
            serde_json::json!([
                o.covered.to_string(),
                o.shortfall.to_string(),
                o.paid_on.map(|d| d.to_string()),
                o.over.to_string(),
                o.status.name()
            ])
        })
        .collect();
    Ok(serde_json::json!({
        "expected_installments": installments,
        "expected_unapplied": c.unapplied.to_string(),
    }))
}

fn household(h: &Value) -> Result<Household, Error> {
    let n = |key: &str| opt_u32(h, key).unwrap_or(0);
    let mut out = Household::new(n("adults"), n("children_under_16"), n("children_16_to_18"))?
        .with_dependants(n("other_dependants"), n("non_dependants"))?
        .with_aged_65_or_over(n("aged_65_or_over"))?
        .with_vehicles(n("vehicles"));
    if let Some(r) = h.get("region").and_then(Value::as_str) {
        out = out.with_region(r);
    }
    Ok(out)
}

fn afford_statement(case: &Value) -> Result<Statement, Error> {
    let currency = currency(text(case, "currency"))?;
    let items = case["items"]
        .as_array()
        .expect("items")
        .iter()
        .map(|i| {
            Item::new(
                item(i, 0).parse()?,
                parse::decimal("amount", item(i, 1))?,
                Frequency::from_str(item(i, 2))?,
            )
        })
        .collect::<Result<Vec<_>, Error>>()?;
    let rounding = match case.get("rounding").and_then(Value::as_str) {
        Some(name) => name.parse()?,
        None => RoundingMode::HalfUp,
    };
    Statement::with_rounding(
        date(case, "date")?,
        currency,
        household(&case["household"])?,
        items,
        rounding,
    )
}

fn afford_assessment(case: &Value) -> Result<Assessment, Error> {
    let statement = afford_statement(case)?;
    let guidelines = match case.get("guidelines") {
        None | Some(Value::Null) => None,
        Some(Value::String(name)) if name == "irs" => Some(Guidelines::irs()),
        Some(tables) => Some(Guidelines::from_json(&tables.to_string())?),
    };
    let mut policy = AssessmentPolicy::default();
    if let Some(p) = case.get("policy") {
        let d = |key: &'static str, v: &Value| parse::decimal(key, text(v, key));
        if let Some(c) = p.get("contingency") {
            policy.contingency = Some(Contingency {
                percent: d("percent", c)?,
                cap: d("cap", c)?,
            });
        }
        if p.get("low_spending_fraction").is_some() {
            policy.low_spending_fraction = d("low_spending_fraction", p)?;
        }
        if p.get("debt_administration_fee").is_some() {
            policy.debt_administration_fee = d("debt_administration_fee", p)?;
        }
    }
    assess(&statement, guidelines.as_ref(), &policy)
}

fn affordability_case(case: &Value) -> Outcome {
    match text(case, "op") {
        "to_monthly" => Ok(Value::from(
            to_monthly(
                dec(case, "amount")?,
                Frequency::from_str(text(case, "frequency"))?,
                currency(text(case, "currency"))?,
                text(case, "rounding").parse()?,
            )?
            .to_string(),
        )),
        "assess" => {
            let a = afford_assessment(case)?;
            let guidelines: Vec<Value> = a
                .guidelines
                .iter()
                .map(|g| {
                    serde_json::json!([
                        g.guideline,
                        g.rule.name(),
                        g.actual.to_string(),
                        g.standard.to_string(),
                        g.allowed.to_string()
                    ])
                })
                .collect();
            let flags: Vec<Value> = a
                .flags
                .iter()
                .map(|f| serde_json::json!([f.guideline, f.kind.name(), f.difference.to_string()]))
                .collect();
            Ok(serde_json::json!({
                "expected_income": a.income.to_string(),
                "expected_expenditure": a.expenditure.to_string(),
                "expected_allowable_expenditure": a.allowable_expenditure.to_string(),
                "expected_surplus": a.surplus.to_string(),
                "expected_contingency": a.contingency.to_string(),
                "expected_disposable_income": a.disposable_income.to_string(),
                "expected_table": a.table,
                "expected_guidelines": guidelines,
                "expected_flags": flags,
            }))
        }
        "fair_share" => {
            let creditors: Vec<Creditor> = case["creditors"]
                .as_array()
                .expect("creditors")
                .iter()
                .map(|c| {
                    Ok(Creditor::new(
                        item(c, 0),
                        parse::decimal("balance", item(c, 1))?,
                    ))
                })
                .collect::<Result<_, Error>>()?;
            let mut policy = OfferPolicy::default();
            if case.get("token_payment").is_some() {
                policy.token_payment = dec(case, "token_payment")?;
            }
            if case.get("minimum").is_some() {
                policy.minimum = dec(case, "minimum")?;
            }
            let f = fair_share(
                dec(case, "available")?,
                currency(text(case, "currency"))?,
                &creditors,
                &policy,
            )?;
            let offers: Vec<Value> = f
                .offers
                .iter()
                .map(|o| serde_json::json!([o.amount.to_string(), o.basis.name()]))
                .collect();
            Ok(serde_json::json!({
                "expected_offers": offers,
                "expected_total": f.total.to_string(),
                "expected_no_surplus": f.no_surplus,
                "expected_minimum_set_aside": f.minimum_set_aside,
            }))
        }
        "recommend" => {
            let a = afford_assessment(case)?;
            let debts: Vec<Debt> = case["debts"]
                .as_array()
                .expect("debts")
                .iter()
                .map(|d| {
                    Ok(
                        Debt::new(item(d, 0), parse::decimal("balance", item(d, 1))?)
                            .with_rate(parse::decimal("annual_rate", item(d, 2))?),
                    )
                })
                .collect::<Result<_, Error>>()?;
            let policy = match &case["plan_policy"] {
                Value::String(s) if s == "irs_streamlined" => PlanPolicy::irs_streamlined(),
                Value::Object(p) => {
                    let mut out = PlanPolicy::default();
                    let obj = Value::Object(p.clone());
                    if let Some(n) = opt_u32(&obj, "max_term_months") {
                        out.max_term_months = n;
                    }
                    if obj.get("minimum_payment").is_some() {
                        out.minimum_payment = MinimumPayment::Fixed {
                            amount: dec(&obj, "minimum_payment")?,
                        };
                    }
                    if obj.get("max_share_of_surplus").is_some() {
                        out.max_share_of_surplus = dec(&obj, "max_share_of_surplus")?;
                    }
                    if let Some(f) = obj.get("freeze_interest").and_then(Value::as_str) {
                        out.freeze_interest = f.parse()?;
                    }
                    if obj.get("token_payment").is_some() {
                        out.token_payment = dec(&obj, "token_payment")?;
                    }
                    if let Some(n) = opt_u32(&obj, "breathing_space_days") {
                        out.breathing_space_days = n;
                    }
                    if let Some(n) = opt_u32(&obj, "forbearance_months") {
                        out.forbearance_months = n;
                    }
                    out
                }
                _ => PlanPolicy::default(),
            };
            let plans: Vec<Value> = recommend(&a, &debts, &policy)?
                .iter()
                .map(|r| match &r.plan {
                    Some(p) => serde_json::json!([
                        r.debt,
                        r.fair_share.to_string(),
                        p.payment.to_string(),
                        p.term_months,
                        p.final_payment.to_string(),
                        p.freeze_interest
                    ]),
                    None => serde_json::json!([r.debt, r.fair_share.to_string(), null]),
                })
                .collect();
            Ok(serde_json::json!({ "expected_plans": plans }))
        }
        _ => {
            let g = Guidelines::from_csv(text(case, "csv"))?;
            let tables: Vec<Value> = g
                .tables()
                .iter()
                .map(|t| serde_json::json!([t.name(), t.effective().to_string(), t.rows().len()]))
                .collect();
            Ok(serde_json::json!({ "expected_tables": tables }))
        }
    }
}

/// One of a case's inputs in the core's own JSON (contact: `policy`, `profile`, `history`, `request`;
/// plan: `terms`, `arrangement`, `break_rule`, ...); JSON the core refuses is an `invalid_argument`
/// naming the input.
fn json_input<T: serde::de::DeserializeOwned>(case: &Value, key: &'static str) -> Result<T, Error> {
    serde_json::from_value(case[key].clone()).map_err(|e| Error::InvalidArgument {
        field: key,
        value: case[key].to_string(),
        reason: e.to_string(),
    })
}

fn instant_json(t: chrono::DateTime<chrono::Utc>) -> Value {
    Value::from(t.to_rfc3339_opts(chrono::SecondsFormat::AutoSi, true))
}

/// `evaluate` and `eligible_windows` (contact.json). The results are named as the case's expectations;
/// an error is a result too, compared with `expected_error`.
fn contact_case(case: &Value) -> Outcome {
    let run = || -> Outcome {
        let policy: Policy = json_input(case, "policy")?;
        let profile: ContactProfile = json_input(case, "profile")?;
        let history: ContactHistory = json_input(case, "history")?;
        let request: ContactRequest = json_input(case, "request")?;
        if text(case, "op") == "evaluate" {
            let d = evaluate(&policy, &profile, &history, &request)?;
            Ok(serde_json::json!({
                "expected_allowed": d.allowed(),
                "expected_rules": d.reasons().iter().map(|r| r.rule.as_str()).collect::<Vec<_>>(),
                "expected_warnings": d.warnings().iter().map(|w| w.code.as_str()).collect::<Vec<_>>(),
                "expected_next_eligible": d.next_eligible().map_or(Value::Null, instant_json),
            }))
        } else {
            let days = case["days"]
                .as_u64()
                .and_then(|d| u32::try_from(d).ok())
                .unwrap_or_else(|| panic!("days is a count: {case}"));
            let windows = eligible_windows(&policy, &profile, &history, &request, days)?;
            Ok(serde_json::json!({
                "expected_windows": windows
                    .iter()
                    .map(|w| [instant_json(w.start), instant_json(w.end)])
                    .collect::<Vec<_>>(),
            }))
        }
    };
    with_expected_error(case, |_| run())
}

/// Runs a case whose bad input is stated as `expected_error: {"kind", "field"}` (contact.json,
/// plan.json): an error is then a result compared like the others, and a success fails the case.
fn with_expected_error(case: &Value, run: impl FnOnce(&Value) -> Outcome) -> Outcome {
    match (run(case), case.get("expected_error")) {
        (Ok(got), Some(_)) => {
            let mut got = match got {
                Value::Object(_) => got,
                other => serde_json::json!({ "expected": other }),
            };
            got["expected_error"] = Value::Null;
            Ok(got)
        }
        (Err(e), Some(_)) => Ok(serde_json::json!({
            "expected_error": {"kind": error_kind(&e), "field": e.field()},
        })),
        (outcome, None) => outcome,
    }
}

/// An optional input in the core's own JSON (`break_rule`, `probabilities`, `bounds`): absent or null
/// is the core's default.
fn opt_json_input<T: serde::de::DeserializeOwned + Default>(
    case: &Value,
    key: &'static str,
) -> Result<T, Error> {
    match case.get(key) {
        None | Some(Value::Null) => Ok(T::default()),
        Some(_) => json_input(case, key),
    }
}

fn promise_list(case: &Value, key: &'static str) -> Result<Vec<Promise>, Error> {
    Ok(dated(case, key)?
        .into_iter()
        .map(|(d, a)| Promise::new(d, a))
        .collect())
}

fn promises_json(promises: &[Promise]) -> Value {
    promises
        .iter()
        .map(|p| serde_json::json!([p.date.to_string(), p.amount.to_string()]))
        .collect()
}

fn decimals_json(values: &[Decimal]) -> Value {
    values.iter().map(|d| Value::from(d.to_string())).collect()
}

/// A KPI ratio rounded half-even to the case's `places`, as text, or null.
fn ratio_json(case: &Value, ratio: Option<Decimal>) -> Result<Value, Error> {
    ratio
        .map(|r| round_decimal(r, places(case), RoundingMode::HalfEven).map(|r| r.to_string()))
        .transpose()
        .map(|r| r.map_or(Value::Null, Value::from))
}

/// A `track` case's inputs (also each item of `promise_kept_rate`'s `trackings`).
fn plan_tracking(case: &Value) -> Result<(Arrangement, Tracking), Error> {
    let plan: Arrangement = json_input(case, "arrangement")?;
    let payments: Vec<Payment> = dated(case, "payments")?
        .into_iter()
        .map(|(date, amount)| Payment { date, amount })
        .collect();
    let rule: BreakRule = opt_json_input(case, "break_rule")?;
    let t = track(&plan, &payments, date(case, "as_of")?, &rule)?;
    Ok((plan, t))
}

/// `plans`: a list of `{"arrangement", "probabilities"?}`.
fn plan_list(case: &Value) -> Result<Vec<(Arrangement, Probabilities)>, Error> {
    case["plans"]
        .as_array()
        .expect("plans")
        .iter()
        .map(|p| {
            Ok((
                json_input(p, "arrangement")?,
                opt_json_input(p, "probabilities")?,
            ))
        })
        .collect()
}

/// The ops of plan.json (collections_core::plan). The results are named as the case's expectations.
fn plan_case(case: &Value) -> Outcome {
    let u64_of = |key: &str| {
        case[key]
            .as_u64()
            .unwrap_or_else(|| panic!("{key} is a count: {case}"))
    };
    let u32_of = |key: &str| u32::try_from(u64_of(key)).expect("fits u32");
    match text(case, "op") {
        "arrangement" => {
            let terms: PlanTerms = json_input(case, "terms")?;
            let down = match case.get("down_payment") {
                None | Some(Value::Null) => None,
                Some(d) => Some(Promise::new(
                    parse::date("down_payment", item(d, 0))?,
                    parse::decimal("down_payment", item(d, 1))?,
                )),
            };
            let plan = Arrangement::from_promises(&terms, down, promise_list(case, "promises")?)?;
            let shares: Vec<Value> = plan
                .debt_shares()?
                .iter()
                .map(|s| decimals_json(s))
                .collect();
            Ok(serde_json::json!({
                "expected_balance": plan.balance().to_string(),
                "expected_total_promised": plan.total_promised().to_string(),
                "expected_promises": promises_json(plan.promises()),
                "expected_debt_shares": shares,
            }))
        }
        "track" => {
            let (_, t) = plan_tracking(case)?;
            let promises: Vec<Value> = t
                .promises
                .iter()
                .map(|p| {
                    serde_json::json!([
                        p.status.name(),
                        p.paid.to_string(),
                        p.paid_on_time.to_string()
                    ])
                })
                .collect();
            Ok(serde_json::json!({
                "expected_status": t.status.name(),
                "expected_status_date": date_json(t.status_date),
                "expected_promises": promises,
                "expected_paid": t.paid.to_string(),
                "expected_unmatched": t.unmatched.to_string(),
                "expected_remaining": t.remaining.to_string(),
                "expected_missed": t.missed,
                "expected_tolerated_shortfall": t.tolerated_shortfall.to_string(),
            }))
        }
        "replan" => {
            let (plan, t) = plan_tracking(case)?;
            let terms: ReplanTerms = json_input(case, "replan")?;
            let bounds: PlanBounds = opt_json_input(case, "bounds")?;
            let again = plan.replan(&t, &terms, &bounds)?;
            let debts: Vec<Value> = again
                .debts()
                .iter()
                .map(|d| serde_json::json!([d.id, d.balance.to_string()]))
                .collect();
            Ok(serde_json::json!({
                "expected_promises": promises_json(again.promises()),
                "expected_balance": again.balance().to_string(),
                "expected_debts": debts,
            }))
        }
        "score" => {
            let plan: Arrangement = json_input(case, "arrangement")?;
            let probabilities: Probabilities = opt_json_input(case, "probabilities")?;
            let scorer = Scorer::new(
                dec(case, "discount_rate")?,
                opt_dec(case, "disposable_income")?,
                rounding(case, "rounding")?,
            )?;
            let s = scorer.score(&plan, &probabilities)?;
            Ok(serde_json::json!({
                "expected_total": s.total.to_string(),
                "expected_promise_count": s.promises,
                "expected_duration_days": s.duration_days,
                "expected_npv": s.npv.to_string(),
                "expected_recovery_ratio": s.recovery_ratio.to_string(),
                "expected_largest_monthly_payment": s.largest_monthly_payment.to_string(),
                "expected_payment_to_income": s.payment_to_income.map(|r| r.to_string()),
                "expected_expected_value": s.expected_value.to_string(),
                "expected_expected_npv": s.expected_npv.to_string(),
            }))
        }
        "rank" => {
            let plans = plan_list(case)?;
            let scorer = Scorer::new(
                dec(case, "discount_rate")?,
                opt_dec(case, "disposable_income")?,
                rounding(case, "rounding")?,
            )?;
            let refs: Vec<(&Arrangement, &Probabilities)> =
                plans.iter().map(|(a, p)| (a, p)).collect();
            let ranked = compare_plans(&scorer, &refs, text(case, "by").parse()?)?;
            Ok(serde_json::json!({
                "expected_order": ranked.iter().map(|(i, _)| *i).collect::<Vec<_>>(),
            }))
        }
        "settle" => {
            let dates = case["dates"]
                .as_array()
                .expect("dates")
                .iter()
                .map(|d| parse::date("dates", d.as_str().unwrap_or_default()))
                .collect::<Result<Vec<_>, Error>>()?;
            let s = settle(
                dec(case, "balance")?,
                currency(text(case, "currency"))?,
                dec(case, "percent")?,
                &dates,
                rounding(case, "rounding")?,
            )?;
            Ok(serde_json::json!({
                "expected_amount": s.amount.to_string(),
                "expected_discount": s.discount.to_string(),
                "expected_installments": promises_json(&s.installments),
            }))
        }
        "minimum_settlement" => {
            let path: AlternativePath = json_input(case, "path")?;
            let m = minimum_settlement(
                &path,
                date(case, "valuation_date")?,
                dec(case, "discount_rate")?,
                opt_dec(case, "floor")?,
                currency(text(case, "currency"))?,
                rounding(case, "rounding")?,
            )?;
            // The NPVs are not rounded by the core: compared after rounding half-even to `places`.
            let npv = |x: Decimal| match case.get("places") {
                Some(_) => ratio_json(case, Some(x)),
                None => Ok(Value::from(x.to_string())),
            };
            Ok(serde_json::json!({
                "expected_recovery_npv": npv(m.recovery_npv)?,
                "expected_cost_npv": npv(m.cost_npv)?,
                "expected_net": m.net.to_string(),
                "expected_minimum": m.minimum.to_string(),
            }))
        }
        "settlement_offers" => {
            let policy: SettlementPolicy = json_input(case, "policy")?;
            let offers = settlement_offers(
                dec(case, "balance")?,
                currency(text(case, "currency"))?,
                u32_of("days_past_due"),
                opt_dec(case, "minimum")?,
                &policy,
            )?;
            let offers: Vec<Value> = offers
                .iter()
                .map(|o| {
                    serde_json::json!([
                        o.installments,
                        o.amount.to_string(),
                        o.discount.to_string(),
                        o.band_min_days_past_due,
                        o.at_minimum
                    ])
                })
                .collect();
            Ok(serde_json::json!({ "expected_offers": offers }))
        }
        "forecast" => {
            let plans = plan_list(case)?;
            let f = forecast(
                plans.iter().map(|(a, p)| (a, p)),
                date(case, "from")?,
                text(case, "period").parse()?,
                rounding(case, "rounding")?,
            )?;
            let rows: Vec<Value> = f
                .rows
                .iter()
                .map(|r| {
                    serde_json::json!([
                        r.period_start.to_string(),
                        r.promises,
                        r.scheduled.to_string(),
                        r.expected.to_string()
                    ])
                })
                .collect();
            let (n, scheduled, expected) = f.totals()?;
            Ok(serde_json::json!({
                "expected_rows": rows,
                "expected_totals": [n, scheduled.to_string(), expected.to_string()],
            }))
        }
        "cei" => {
            let inputs = CeiInputs {
                opening_receivables: dec(case, "opening_receivables")?,
                credit_sales: dec(case, "credit_sales")?,
                months: u32_of("months"),
                closing_receivables: dec(case, "closing_receivables")?,
                closing_current_receivables: dec(case, "closing_current_receivables")?,
            };
            ratio_json(case, collection_effectiveness_index(&inputs)?)
        }
        "dso" => ratio_json(
            case,
            days_sales_outstanding(
                dec(case, "receivables")?,
                dec(case, "credit_sales")?,
                u32_of("days"),
            )?,
        ),
        "recovery_rate" => ratio_json(
            case,
            recovery_rate(dec(case, "collected")?, dec(case, "outstanding")?)?,
        ),
        "liquidation_rate" => ratio_json(
            case,
            liquidation_rate(dec(case, "gross_recoveries")?, dec(case, "placements")?)?,
        ),
        "right_party_contact_rate" => ratio_json(
            case,
            right_party_contact_rate(u64_of("right_party_contacts"), u64_of("denominator"))?,
        ),
        "promise_kept_rate" => {
            let trackings = case["trackings"]
                .as_array()
                .expect("trackings")
                .iter()
                .map(|t| plan_tracking(t).map(|(_, t)| t))
                .collect::<Result<Vec<_>, Error>>()?;
            ratio_json(case, promise_kept_rate(&trackings))
        }
        "roll_rate_matrix" => {
            let accounts = case["accounts"]
                .as_array()
                .expect("accounts")
                .iter()
                .map(aging_account)
                .collect::<Result<Vec<_>, Error>>()?;
            let m = roll_rate_matrix(
                &accounts,
                date(case, "from")?,
                date(case, "to")?,
                &aging_rules(case)?,
            )?;
            let rates = m
                .rates
                .iter()
                .map(|row| row.iter().map(|r| ratio_json(case, *r)).collect())
                .collect::<Result<Vec<Vec<Value>>, Error>>()?;
            Ok(serde_json::json!({
                "expected_accounts": m.accounts,
                "expected_outstanding": m.outstanding.iter().map(|row| decimals_json(row)).collect::<Vec<_>>(),
                "expected_rates": rates,
            }))
        }
        _ => {
            let policy = match &case["policy"] {
                Value::String(s) if s == "standard" => TreatmentPolicy::standard(),
                _ => json_input(case, "policy")?,
            };
            let state: AccountState = json_input(case, "state")?;
            let r = policy.recommend(&state);
            Ok(serde_json::json!({
                "expected_action": r.as_ref().map(|r| r.action.name()),
                "expected_rule": r.as_ref().map(|r| r.rule.as_str()),
            }))
        }
    }
}

fn error_kind(e: &Error) -> &'static str {
    match e {
        Error::InvalidArgument { .. } => "invalid_argument",
        Error::InvalidDecimal { .. } => "invalid_decimal",
        Error::InvalidDate { .. } => "invalid_date",
        Error::UnknownCurrency { .. } => "unknown_currency",
        Error::CurrencyMismatch { .. } => "currency_mismatch",
        Error::InvalidRate { .. } => "invalid_rate",
        Error::Overflow { .. } => "overflow",
        Error::DateOutOfRange { .. } => "date_out_of_range",
        Error::NoSolution { .. } => "no_solution",
        _ => "unknown",
    }
}

/// Decimal text compared as numbers unless `exact_text`; everything else compared as JSON.
fn same(expected: &Value, got: &Value, exact_text: bool) -> bool {
    match (expected, got) {
        (Value::String(e), Value::String(g)) if !exact_text => {
            match (Decimal::from_str(e), Decimal::from_str(g)) {
                (Ok(a), Ok(b)) => a == b,
                _ => e == g,
            }
        }
        (Value::Array(e), Value::Array(g)) => {
            e.len() == g.len() && e.iter().zip(g).all(|(a, b)| same(a, b, exact_text))
        }
        (Value::Object(e), Value::Object(g)) => {
            e.len() == g.len()
                && e.iter()
                    .all(|(k, a)| g.get(k).is_some_and(|b| same(a, b, exact_text)))
        }
        _ => expected == got,
    }
}

/// Checks one case; returns a description of the failure, if any.
fn check(case: &Value) -> Option<String> {
    let outcome = run(case);
    let exact = case["exact_text"].as_bool().unwrap_or(false);
    match (case.get("error"), outcome) {
        (Some(kind), Err(e)) => {
            if kind.as_str() != Some(error_kind(&e)) {
                Some(format!("expected error {kind}, got {e:?}"))
            } else {
                let field = case
                    .get("error_field")
                    .filter(|f| f.as_str() != Some(e.field()))
                    .map(|f| format!("expected the error to name {f}, got {e:?}"));
                field.or_else(|| {
                    case.get("error_value")
                        .filter(|v| v.as_str() != Some(e.value().as_str()))
                        .map(|v| format!("expected the error's value {v}, got {e:?}"))
                })
            }
        }
        (Some(kind), Ok(v)) => Some(format!("expected error {kind}, got {v}")),
        (None, Err(e)) => Some(format!("unexpected error {e}")),
        (None, Ok(got)) => {
            let mut failures = Vec::new();
            if let Value::Object(fields) = &got {
                // Ops with several results: compare each one the case states.
                for (key, value) in fields {
                    if let Some(exp) = case.get(key.as_str()) {
                        if !same(exp, value, exact) {
                            failures.push(format!("{key}: expected {exp}, got {value}"));
                        }
                    }
                }
                if !fields.keys().any(|k| case.get(k.as_str()).is_some()) {
                    failures.push("the case states no expected value".into());
                }
            } else if !same(&case["expected"], &got, exact) {
                failures.push(format!("expected {}, got {got}", case["expected"]));
            }
            (!failures.is_empty()).then(|| failures.join("; "))
        }
    }
}

#[test]
fn every_vector_file_passes() {
    let mut files: Vec<PathBuf> = std::fs::read_dir(vectors_dir())
        .expect("tests/vectors exists")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "json"))
        .collect();
    files.sort();
    assert!(
        files.len() >= 5,
        "expected the vector files, found {files:?}"
    );
    let mut failures = Vec::new();
    let mut total = 0;
    for file in &files {
        let doc: Value = serde_json::from_str(&std::fs::read_to_string(file).expect("readable"))
            .expect("valid JSON");
        let cases = doc["cases"].as_array().expect("cases array");
        assert!(!cases.is_empty(), "{} has no cases", file.display());
        for (i, case) in cases.iter().enumerate() {
            assert!(
                case.get("source").is_some(),
                "{} case {i} names no source",
                file.display()
            );
            total += 1;
            if let Some(why) = check(case) {
                failures.push(format!("{} case {i}: {why}\n    {case}", file.display()));
            }
        }
        println!(
            "{}: {} cases",
            file.file_name()
                .map(|n| n.to_string_lossy())
                .unwrap_or_default(),
            cases.len()
        );
    }
    assert!(
        failures.is_empty(),
        "{} of {total} vector cases failed:\n{}",
        failures.len(),
        failures.join("\n")
    );
    println!("{total} vector cases passed");
}
