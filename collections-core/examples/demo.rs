//! `make demo`: a collections officer's day over the sample portfolio in `examples/portfolio` (300
//! synthetic loans with their installments, payments, contact attempts and household statements; see
//! `portfolio/generate.py`), through the Rust API. The C (`tests/c/demo.c`) and Python
//! (`collections-py/examples/demo.py`) demos print the same report, line for line, and `make demo`
//! compares them.
//!
//! The day, Monday 2026-03-02:
//! 1. put every loan on an event-sourced ledger (a precomputed-interest loan: principal the sum of its
//!    installments, rate 0, an obligation per installment, a payment event per payment) and age it;
//! 2. for each delinquent account, may we call, text or e-mail at 09:30 in New York under Regulation F,
//!    the TCPA and the status holds plus the state's rules (MA, WA, FL), and if not, when;
//! 3. assess the household statements against the IRS Collection Financial Standards;
//! 4. propose three plans for the arrears of each delinquent account with a statement, score and rank
//!    them, keep the best;
//! 5. freeze interest on the ledgers of the chosen plans over each plan, post the week's payments (to
//!    Friday 2026-03-06) as payment events, and track the chosen plans as of Saturday against the
//!    payments the ledgers posted;
//! 6. run dunning over the installments still overdue;
//! 7. the report: aging after the week, KPIs, treatment recommendations and the forecast.
//!
//! Run it with `cargo run -p collections-core --example demo [portfolio directory]` (or `make demo` for all
//! three languages).
//! It reads the CSVs by hand (no field is quoted or holds a comma).

use std::collections::{BTreeMap, HashMap};
use std::fs;
use std::path::{Path, PathBuf};

use chrono::{DateTime, Months, NaiveDate, NaiveDateTime, Utc};
use collections_core::affordability::{
    assess, Assessment, AssessmentPolicy, Category, Debt, Guidelines, Household, Item, Statement,
};
use collections_core::contact::{
    evaluate, Attempt, Channel, ContactHistory, ContactProfile, ContactRequest, Destination,
    Direction, Outcome, PhoneLine, Policy, TimeZone,
};
use collections_core::debt::aging::{
    age_portfolio, AccountObligations, AgingRules, DueAmount, FrozenPeriods, Payment,
    PortfolioAging,
};
use collections_core::debt::dunning::{dunning_run, DunningLevel, DunningPolicy, Invoice};
use collections_core::debt::ledger::{
    self, AllocationStrategy, Component, Event, Ledger, RateHistory, Terms, Timing,
};
use collections_core::debt::reconcile::PaymentRecord;
use collections_core::plan::{
    collection_effectiveness_index, forecast, promise_kept_rate, rank, recovery_rate,
    right_party_contact_rate, settle, track, AccountState, Affordability, Arrangement, BreakRule,
    CeiInputs, ContactOutcome, ForecastPeriod, PlanTerms, Probabilities, Promise, PromiseStatus,
    RankBy, Scorer, TreatmentPolicy,
};
use collections_core::{Currency, Error, Frequency, RoundingMode};
use rust_decimal::{Decimal, RoundingStrategy};

type Res<T> = Result<T, Box<dyn std::error::Error>>;

/// The officer's day, the officer's instant (09:30 in New York, EST) and the morning after the week.
const AS_OF: &str = "2026-03-02";
const OFFICER_AT: &str = "2026-03-02T14:30:00Z";
const WEEK_END: &str = "2026-03-07";
/// The first promise of every proposed plan: Friday of the officer's week; then monthly.
const FIRST_PROMISE: &str = "2026-03-06";
/// Plans: the discount rate of their NPV, the settlement's percentage, the longest affordable plan.
const DISCOUNT_RATE: &str = "0.10";
const SETTLEMENT_PERCENT: i64 = 80;
const MAX_PLAN_MONTHS: i64 = 12;
/// How many blocked contacts and plan choices the report lists.
const SHOW: usize = 5;

/// A CSV file: its header and rows, fields split on commas (the portfolio quotes nothing).
struct Csv {
    header: Vec<String>,
    rows: Vec<Vec<String>>,
}

impl Csv {
    fn read(dir: &Path, name: &str) -> Res<Csv> {
        let text = fs::read_to_string(dir.join(name))
            .map_err(|e| format!("{}: {e}", dir.join(name).display()))?;
        let mut lines = text.lines().filter(|l| !l.trim().is_empty());
        let header = lines
            .next()
            .ok_or_else(|| format!("{name}: empty"))?
            .split(',')
            .map(str::to_string)
            .collect::<Vec<_>>();
        let mut rows = Vec::new();
        for (i, line) in lines.enumerate() {
            let row: Vec<String> = line.split(',').map(str::to_string).collect();
            if row.len() != header.len() {
                return Err(format!(
                    "{name}: line {} has {} fields, not {}",
                    i + 2,
                    row.len(),
                    header.len()
                )
                .into());
            }
            rows.push(row);
        }
        Ok(Csv { header, rows })
    }

    /// The index of a column, or an error naming it.
    fn col(&self, name: &str) -> Res<usize> {
        self.header
            .iter()
            .position(|h| h == name)
            .ok_or_else(|| format!("no column {name}").into())
    }
}

fn date(s: &str) -> Res<NaiveDate> {
    Ok(NaiveDate::parse_from_str(s, "%Y-%m-%d").map_err(|e| format!("date {s}: {e}"))?)
}

fn amount(s: &str) -> Res<Decimal> {
    Ok(s.parse::<Decimal>()
        .map_err(|e| format!("amount {s}: {e}"))?)
}

/// An amount to the cent, half up, always with two decimals.
fn money(d: Decimal) -> String {
    let mut r = d.round_dp_with_strategy(2, RoundingStrategy::MidpointAwayFromZero);
    r.rescale(2);
    r.to_string()
}

/// A ratio as a percentage with one decimal, half up.
fn percent(ratio: Option<Decimal>) -> String {
    match ratio {
        Some(r) => {
            let mut p = (r * Decimal::ONE_HUNDRED)
                .round_dp_with_strategy(1, RoundingStrategy::MidpointAwayFromZero);
            p.rescale(1);
            format!("{p}%")
        }
        None => "n/a".to_string(),
    }
}

/// A percentage already in percent (CEI), one decimal, half up.
fn in_percent(p: Option<Decimal>) -> String {
    percent(p.map(|p| p / Decimal::ONE_HUNDRED))
}

struct Account {
    id: String,
    customer: String,
    opened: NaiveDate,
    state: String,
    zones: Vec<String>,
    phone: String,
    line: PhoneLine,
    email: String,
}

/// One row of contacts.csv: the instant, channel, outcome and destination kind (phone, email, address).
type Contact = (DateTime<Utc>, Channel, Outcome, String);

/// One row of payments.csv or week.csv: the payment's id, date and amount.
struct Received {
    id: String,
    date: NaiveDate,
    amount: Decimal,
}

/// Everything read from the portfolio, keyed by account id.
struct Portfolio {
    accounts: Vec<Account>,
    dues: HashMap<String, Vec<DueAmount>>,
    installments: usize,
    payments: HashMap<String, Vec<Received>>,
    payment_count: usize,
    week: HashMap<String, Vec<Received>>,
    week_count: usize,
    /// Each account's attempts.
    contacts: HashMap<String, Vec<Contact>>,
    calls: u64,
    right_party_calls: u64,
    /// Statements in file order: (account, statement).
    statements: Vec<(String, Statement)>,
}

fn grouped_payments(csv: &Csv) -> Res<(HashMap<String, Vec<Received>>, usize)> {
    let (a, id, d, m) = (
        csv.col("account_id")?,
        csv.col("payment_id")?,
        csv.col("date")?,
        csv.col("amount")?,
    );
    let mut out: HashMap<String, Vec<Received>> = HashMap::new();
    for r in &csv.rows {
        out.entry(r[a].clone()).or_default().push(Received {
            id: r[id].clone(),
            date: date(&r[d])?,
            amount: amount(&r[m])?,
        });
    }
    for list in out.values_mut() {
        list.sort_by_key(|p| p.date);
    }
    Ok((out, csv.rows.len()))
}

fn load(dir: &Path) -> Res<Portfolio> {
    let csv = Csv::read(dir, "accounts.csv")?;
    let c = |n| csv.col(n);
    let (id, cu, op, st, zo, ph, pt, em) = (
        c("account_id")?,
        c("customer_id")?,
        c("opened")?,
        c("state")?,
        c("time_zones")?,
        c("phone")?,
        c("phone_type")?,
        c("email")?,
    );
    let mut accounts = Vec::new();
    for r in &csv.rows {
        accounts.push(Account {
            id: r[id].clone(),
            customer: r[cu].clone(),
            opened: date(&r[op])?,
            state: r[st].clone(),
            zones: r[zo].split(';').map(str::to_string).collect(),
            phone: r[ph].clone(),
            line: r[pt].parse()?,
            email: r[em].clone(),
        });
    }

    let csv = Csv::read(dir, "installments.csv")?;
    let (a, d, m) = (
        csv.col("account_id")?,
        csv.col("due_date")?,
        csv.col("amount")?,
    );
    let mut dues: HashMap<String, Vec<DueAmount>> = HashMap::new();
    for r in &csv.rows {
        dues.entry(r[a].clone()).or_default().push(DueAmount {
            date: date(&r[d])?,
            amount: amount(&r[m])?,
        });
    }
    let installments = csv.rows.len();
    let (payments, payment_count) = grouped_payments(&Csv::read(dir, "payments.csv")?)?;
    let (week, week_count) = grouped_payments(&Csv::read(dir, "week.csv")?)?;

    let csv = Csv::read(dir, "contacts.csv")?;
    let (a, lt, tz, ch, oc, de) = (
        csv.col("account_id")?,
        csv.col("local_time")?,
        csv.col("time_zone")?,
        csv.col("channel")?,
        csv.col("outcome")?,
        csv.col("destination")?,
    );
    let mut contacts: HashMap<String, Vec<_>> = HashMap::new();
    let (mut calls, mut right_party_calls) = (0, 0);
    for r in &csv.rows {
        let local = NaiveDateTime::parse_from_str(&r[lt], "%Y-%m-%dT%H:%M")
            .map_err(|e| format!("local_time {}: {e}", r[lt]))?;
        let at = TimeZone::parse("time_zone", &r[tz])?.first_instant_at_or_after(local);
        let channel: Channel = r[ch].parse()?;
        // The portfolio's "right_party" is a conversation with the consumer.
        let outcome: Outcome = match r[oc].as_str() {
            "right_party" => Outcome::RightPartyConversation,
            other => other.parse()?,
        };
        if channel == Channel::Call {
            calls += 1;
            right_party_calls += u64::from(outcome == Outcome::RightPartyConversation);
        }
        contacts
            .entry(r[a].clone())
            .or_default()
            .push((at, channel, outcome, r[de].clone()));
    }

    let csv = Csv::read(dir, "statements.csv")?;
    let c = |n| csv.col(n);
    let (sid, sd, cur, ad, ch16, ve, rg, cat, am, fr) = (
        c("statement_id")?,
        c("date")?,
        c("currency")?,
        c("adults")?,
        c("children_under_16")?,
        c("vehicles")?,
        c("region")?,
        c("category")?,
        c("amount")?,
        c("frequency")?,
    );
    let mut statements = Vec::new();
    let mut i = 0;
    while i < csv.rows.len() {
        let first = &csv.rows[i];
        let mut items = Vec::new();
        while i < csv.rows.len() && csv.rows[i][sid] == first[sid] {
            let r = &csv.rows[i];
            let category: Category = r[cat].parse()?;
            let frequency: Frequency = r[fr].parse()?;
            items.push(Item::new(category, amount(&r[am])?, frequency)?);
            i += 1;
        }
        let household = Household::new(first[ad].parse()?, first[ch16].parse()?, 0)?
            .with_vehicles(first[ve].parse()?)
            .with_region(first[rg].clone());
        let statement = Statement::new(
            date(&first[sd])?,
            Currency::from_code(&first[cur])?,
            household,
            items,
        )?;
        statements.push((first[sid].clone(), statement));
    }
    Ok(Portfolio {
        accounts,
        dues,
        installments,
        payments,
        payment_count,
        week,
        week_count,
        contacts,
        calls,
        right_party_calls,
        statements,
    })
}

fn print_aging(p: &PortfolioAging) {
    println!(
        "  {:<9} {:>8} {:>14} {:>14}",
        "bucket", "accounts", "outstanding", "past due"
    );
    let (mut n, mut out, mut due) = (0, Decimal::ZERO, Decimal::ZERO);
    for (label, t) in p.labels.iter().zip(&p.totals) {
        println!(
            "  {:<9} {:>8} {:>14} {:>14}",
            label,
            t.accounts,
            money(t.outstanding),
            money(t.past_due)
        );
        n += t.accounts;
        out += t.outstanding;
        due += t.past_due;
    }
    println!(
        "  {:<9} {:>8} {:>14} {:>14}",
        "total",
        n,
        money(out),
        money(due)
    );
}

/// The contact policy for a state: the US federal rule sets plus the state's own where there is one.
fn policy_for(state: &str) -> Res<(Policy, String)> {
    let mut names = vec!["regulation_f", "tcpa", "status_holds"];
    match state {
        "MA" => names.push("massachusetts"),
        "WA" => names.push("washington"),
        "FL" => names.push("florida"),
        _ => {}
    }
    Ok((Policy::from_presets(&names)?, names.join("+")))
}

/// One proposed plan with its name, the hazard it is scored at and the arrangement.
struct Proposal {
    name: &'static str,
    hazard: Decimal,
    plan: Arrangement,
}

/// The chance a plan fails before each promise: low when the largest monthly payment fits the
/// disposable income, higher when it takes up to twice that, high beyond (or with no surplus).
fn hazard(largest_monthly: Decimal, disposable: Decimal) -> Decimal {
    if disposable > Decimal::ZERO && largest_monthly <= disposable {
        Decimal::new(5, 2)
    } else if disposable > Decimal::ZERO && largest_monthly <= disposable * Decimal::TWO {
        Decimal::new(25, 2)
    } else {
        Decimal::new(50, 2)
    }
}

/// An amount of whole cents as a count of cents.
fn cents(d: Decimal) -> Res<i128> {
    let mut c = d;
    c.rescale(2);
    if c != d {
        return Err(format!("{d} is not in cents").into());
    }
    Ok(c.mantissa())
}

fn monthly_dates(first: NaiveDate, n: i64) -> Res<Vec<NaiveDate>> {
    (0..n)
        .map(|k| {
            first
                .checked_add_months(Months::new(u32::try_from(k)?))
                .ok_or_else(|| "date out of range".into())
        })
        .collect()
}

/// Three plans for `arrears`: what the disposable income affords (at most 12 months; none without a
/// surplus), the arrears in three equal months, and a settlement at 80% in one payment.
fn proposals(account: &str, arrears: Decimal, disposable: Decimal) -> Res<Vec<Proposal>> {
    let (start, first) = (date(AS_OF)?, date(FIRST_PROMISE)?);
    let terms = PlanTerms::new(Currency::USD, vec![Debt::new(account, arrears)], start);
    let mut out = Vec::new();
    let step = disposable
        .round_dp_with_strategy(2, RoundingStrategy::ToZero)
        .min(arrears);
    if step > Decimal::ZERO {
        // The number of months, ceil(arrears / step), in whole cents.
        let (a, s) = (cents(arrears)?, cents(step)?);
        let n = i64::try_from((a + s - 1) / s)?;
        if n <= MAX_PLAN_MONTHS {
            let dates = monthly_dates(first, n)?;
            let last = arrears - step * Decimal::from(n - 1);
            let promises = dates
                .iter()
                .enumerate()
                .map(|(k, d)| Promise::new(*d, if k + 1 < dates.len() { step } else { last }))
                .collect();
            let plan = Arrangement::from_promises(&terms, None, promises)?;
            out.push(Proposal {
                name: "affordable",
                hazard: hazard(step, disposable),
                plan,
            });
        }
    }
    let three = settle(
        arrears,
        Currency::USD,
        Decimal::ONE_HUNDRED,
        &monthly_dates(first, 3)?,
        RoundingMode::HalfUp,
    )?;
    let largest = three.installments[0].amount;
    out.push(Proposal {
        name: "three-months",
        hazard: hazard(largest, disposable),
        plan: Arrangement::from_promises(&terms, None, three.installments)?,
    });
    let lump = settle(
        arrears,
        Currency::USD,
        Decimal::from(SETTLEMENT_PERCENT),
        &[first],
        RoundingMode::HalfUp,
    )?;
    out.push(Proposal {
        name: "settlement-80",
        hazard: hazard(lump.amount, disposable),
        plan: Arrangement::from_promises(&terms, None, lump.installments)?,
    });
    Ok(out)
}

/// How the demo's ledgers allocate a payment: principal (the only component of an add-on loan at rate 0)
/// past due, then due that day, then not yet due, each oldest due date first: oldest first, a payment
/// made before its installment's due date prepaying it, as the portfolio's figures have always been
/// worked (a named component order pays only what is due and holds the rest as credit, so money paid
/// ahead would be credit, not prepaid installments, and the outstanding balances would differ).
fn allocation() -> AllocationStrategy {
    ledger::AllocationStrategy::Advanced {
        order: vec![
            (Timing::PastDue, Component::Principal),
            (Timing::Due, Component::Principal),
            (Timing::NotYetDue, Component::Principal),
        ],
    }
}

fn strategy_name(s: &AllocationStrategy) -> String {
    match s {
        AllocationStrategy::Advanced { order } => format!(
            "advanced ({})",
            order
                .iter()
                .map(|(t, c)| format!("{} {}", t.name(), c.name()))
                .collect::<Vec<_>>()
                .join(", ")
        ),
        other => other.name().to_string(),
    }
}

/// An account's ledger with the payments of payments.csv posted. The portfolio's loans are
/// precomputed-interest (add-on) installment loans: the finance charge is already in the installments,
/// so the ledger opens on `opened` with the sum of the installments as its principal and a rate of 0,
/// and each installment is an obligation (they add up to the principal exactly, which the ledger
/// requires of them at most).
fn open_ledger(a: &Account, p: &Portfolio, strategy: &AllocationStrategy) -> Res<Ledger> {
    let dues = p.dues.get(&a.id).map_or(&[][..], Vec::as_slice);
    let principal: Decimal = dues.iter().map(|d| d.amount).sum();
    let terms =
        Terms::new(RateHistory::fixed(a.opened, Decimal::ZERO)?).with_allocation(strategy.clone());
    let account = ledger::Account::new(&a.id, Currency::USD, a.opened, principal, terms)?;
    let mut events: Vec<Event> = dues
        .iter()
        .map(|d| Event::obligation(d.date, d.amount))
        .collect();
    for x in p.payments.get(&a.id).map_or(&[][..], Vec::as_slice) {
        events.push(Event::payment(x.date, &x.id, x.amount, Currency::USD));
    }
    Ok(Ledger::with_events(account, events)?)
}

fn main() -> Res<()> {
    // The portfolio directory: the first argument, else the repository's.
    let dir = std::env::args_os().nth(1).map_or_else(
        || PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("examples/portfolio"),
        PathBuf::from,
    );
    let p = load(&dir)?;
    let (as_of, week_end) = (date(AS_OF)?, date(WEEK_END)?);
    let rules = AgingRules::default();

    println!("A collections officer's day, Monday {AS_OF}");
    println!(
        "portfolio: {} accounts, {} installments, {} payments to {}, {} payments in the week, {} contact attempts, {} statements",
        p.accounts.len(),
        p.installments,
        p.payment_count,
        as_of.pred_opt().ok_or("date")?,
        p.week_count,
        p.contacts.values().map(Vec::len).sum::<usize>(),
        p.statements.len()
    );

    // ------------------------------------------------------------------ 1. aging
    // Every loan on an event-sourced ledger, its payments to AS_OF posted; the week's come in step 5.
    let strategy = allocation();
    let mut ledgers = Vec::new();
    let mut before = Vec::new();
    for a in &p.accounts {
        let ledger = open_ledger(a, &p, &strategy)?;
        before.push(AccountObligations::new(ledger.obligations_on(as_of)?)?);
        ledgers.push(ledger);
    }
    let aged = age_portfolio(&before, as_of, &rules)?;
    let ages = ledgers
        .iter()
        .map(|l| l.aging(as_of, &rules))
        .collect::<Result<Vec<_>, Error>>()?;
    println!();
    println!("1. Aging as of {AS_OF} from the ledgers (add-on loans: principal the sum of the installments, rate 0; payments allocated {}; days past due from the oldest unpaid installment)", strategy_name(&strategy));
    print_aging(&aged);
    let delinquent: Vec<usize> = (0..p.accounts.len())
        .filter(|&i| ages[i].days_past_due > 0)
        .collect();
    println!("  delinquent accounts: {}", delinquent.len());

    // ------------------------------------------------------------------ 2. contact
    let at: DateTime<Utc> = OFFICER_AT.parse()?;
    println!();
    println!("2. Contact at {OFFICER_AT} (09:30 in New York): Regulation F, TCPA and status holds, plus MA, WA and FL rules");
    let mut policies: HashMap<String, (Policy, String)> = HashMap::new();
    let channels = [Channel::Call, Channel::Text, Channel::Email];
    let mut allowed = [0usize; 3];
    let mut blocked = [0usize; 3];
    let mut by_reason: BTreeMap<String, usize> = BTreeMap::new();
    let mut shown = Vec::new();
    for &i in &delinquent {
        let a = &p.accounts[i];
        if !policies.contains_key(&a.state) {
            policies.insert(a.state.clone(), policy_for(&a.state)?);
        }
        let (policy, _) = &policies[&a.state];
        let zones: Vec<&str> = a.zones.iter().map(String::as_str).collect();
        let profile = ContactProfile::new(&a.customer, &zones)?
            .with_destination(Destination::phone(&a.phone, a.line)?)?
            .with_destination(Destination::email(&a.email)?)?;
        let mut attempts = Vec::new();
        for (when, channel, outcome, kind) in p.contacts.get(&a.id).unwrap_or(&Vec::new()) {
            let destination = match kind.as_str() {
                "phone" => a.phone.clone(),
                "email" => a.email.clone(),
                _ => format!("postal address of {}", a.customer),
            };
            attempts.push(
                Attempt::new(*when, *channel, Direction::Outbound, *outcome, destination)?
                    .about([a.id.as_str()])?,
            );
        }
        let history = ContactHistory::new(attempts)?;
        for (c, channel) in channels.iter().enumerate() {
            let destination = if *channel == Channel::Email {
                &a.email
            } else {
                &a.phone
            };
            let request = ContactRequest::new(&a.customer, &a.id, *channel, destination, at)?;
            let decision = evaluate(policy, &profile, &history, &request)?;
            if decision.allowed() {
                allowed[c] += 1;
            } else {
                blocked[c] += 1;
                for r in decision.reasons() {
                    *by_reason.entry(r.rule.clone()).or_default() += 1;
                }
                if shown.len() < SHOW {
                    let next = decision
                        .next_eligible()
                        .map_or("none within the search".to_string(), |t| {
                            t.format("%Y-%m-%dT%H:%M:%SZ").to_string()
                        });
                    let reasons: Vec<&str> =
                        decision.reasons().iter().map(|r| r.rule.as_str()).collect();
                    shown.push(format!(
                        "    {} {:<5} {} ({}): blocked by {}; next eligible {}",
                        a.id,
                        channel.name(),
                        a.state,
                        a.zones.join(" "),
                        reasons.join(", "),
                        next
                    ));
                }
            }
        }
    }
    for (c, channel) in channels.iter().enumerate() {
        println!(
            "  {:<5} allowed {:>4}  blocked {:>4}",
            channel.name(),
            allowed[c],
            blocked[c]
        );
    }
    println!("  blocked by rule (a decision may cite several):");
    for (rule, n) in &by_reason {
        println!("    {rule:<34} {n:>4}");
    }
    println!(
        "  the first {} blocked, with the next eligible instant:",
        shown.len()
    );
    for line in &shown {
        println!("{line}");
    }

    // ------------------------------------------------------------------ 3. affordability
    println!();
    println!(
        "3. Affordability: {} statements against the IRS Collection Financial Standards",
        p.statements.len()
    );
    let guidelines = Guidelines::irs();
    let mut assessments: HashMap<String, Assessment> = HashMap::new();
    let (mut surplus, mut deficit) = (0, 0);
    println!(
        "  {:<7} {:>10} {:>10} {:>10}",
        "account", "income", "allowable", "disposable"
    );
    for (id, statement) in &p.statements {
        let a = assess(statement, Some(&guidelines), &AssessmentPolicy::default())?;
        println!(
            "  {:<7} {:>10} {:>10} {:>10}",
            id,
            money(a.income),
            money(a.allowable_expenditure),
            money(a.disposable_income)
        );
        if a.disposable_income > Decimal::ZERO {
            surplus += 1;
        } else {
            deficit += 1;
        }
        assessments.insert(id.clone(), a);
    }
    println!("  with a surplus: {surplus}; in deficit: {deficit}");

    // ------------------------------------------------------------------ 4. plans
    println!();
    println!(
        "4. Plans for the arrears of delinquent accounts with a statement: affordable (at most {MAX_PLAN_MONTHS} months), three months, settlement at {SETTLEMENT_PERCENT}% on {FIRST_PROMISE}"
    );
    println!("  scored at {DISCOUNT_RATE} a year, hazard 5% a promise if it fits the disposable income, 25% within twice it, else 50%; best by expected NPV");
    let discount: Decimal = DISCOUNT_RATE.parse()?;
    // (account index, chosen plan, its hazard) in portfolio order.
    let mut chosen: Vec<(usize, Proposal)> = Vec::new();
    let mut by_plan: BTreeMap<&str, usize> = BTreeMap::new();
    let mut listed = 0;
    for &i in &delinquent {
        let a = &p.accounts[i];
        let Some(assessment) = assessments.get(&a.id) else {
            continue;
        };
        let arrears = ages[i].past_due_amount;
        let disposable = assessment.disposable_income;
        let mut props = proposals(&a.id, arrears, disposable)?;
        let scorer = Scorer::new(discount, Some(disposable), RoundingMode::HalfUp)?;
        let probabilities: Vec<Probabilities> = props
            .iter()
            .map(|x| Probabilities::ConstantHazard(x.hazard))
            .collect();
        let scores = scorer.score_all(props.iter().map(|x| &x.plan).zip(&probabilities))?;
        let best = rank(&scores, RankBy::ExpectedNpv)[0];
        if listed < SHOW {
            println!(
                "  {} arrears {} disposable {}:",
                a.id,
                money(arrears),
                money(disposable)
            );
            for (k, (x, s)) in props.iter().zip(&scores).enumerate() {
                println!(
                    "    {} {:<13} {:>2} promises total {:>9} npv {:>9} expected npv {:>9}",
                    if k == best { "*" } else { " " },
                    x.name,
                    s.promises,
                    money(s.total),
                    money(s.npv),
                    money(s.expected_npv)
                );
            }
            listed += 1;
        }
        let pick = props.swap_remove(best);
        *by_plan.entry(pick.name).or_default() += 1;
        chosen.push((i, pick));
    }
    println!("  chosen plans: {}", chosen.len());
    for (name, n) in &by_plan {
        println!("    {name:<13} {n:>4}");
    }

    // ------------------------------------------------------------------ 5. the week
    // A chosen plan freezes interest (and fees) from its start to its last promise: the ledger's terms
    // take that freeze. Terms are fixed when an account opens, so the ledger is opened again with the
    // freeze and the same events. At rate 0 this changes no figure.
    let mut frozen = 0;
    for (i, x) in &chosen {
        if !x.plan.freeze().interest {
            continue;
        }
        let old = ledgers[*i].account();
        let terms = old
            .terms()
            .clone()
            .with_freezes(FrozenPeriods::new(vec![x.plan.frozen_period()?])?);
        let account = ledger::Account::new(
            old.id(),
            old.currency(),
            old.opened_on(),
            old.principal(),
            terms,
        )?;
        let events = ledgers[*i].events().to_vec();
        ledgers[*i] = Ledger::with_events(account, events)?;
        frozen += usize::from(!ledgers[*i].account().terms().freezes().ranges().is_empty());
    }
    for (a, l) in p.accounts.iter().zip(ledgers.iter_mut()) {
        let week = p.week.get(&a.id).map_or(&[][..], Vec::as_slice);
        l.post_all(
            week.iter()
                .map(|x| Event::payment(x.date, &x.id, x.amount, Currency::USD))
                .collect(),
        )?;
    }
    let after = ledgers
        .iter()
        .map(|l| Ok(AccountObligations::new(l.obligations_on(week_end)?)?))
        .collect::<Res<Vec<_>>>()?;
    let after_ages = ledgers
        .iter()
        .map(|l| l.aging(week_end, &rules))
        .collect::<Result<Vec<_>, Error>>()?;
    // The week's payments as the ledgers posted them.
    let in_week = |l: &Ledger| -> Vec<Payment> {
        l.posted_payments()
            .iter()
            .filter(|r| r.date >= as_of && r.date < week_end)
            .map(PaymentRecord::payment)
            .collect()
    };
    let (mut posted, mut collected, mut delinquent_collected) = (0, Decimal::ZERO, Decimal::ZERO);
    let mut cured = Vec::new();
    for (i, a) in p.accounts.iter().enumerate() {
        let week = in_week(&ledgers[i]);
        let paid: Decimal = week.iter().map(|x| x.amount).sum();
        posted += week.len();
        collected += paid;
        if ages[i].days_past_due > 0 {
            delinquent_collected += paid;
            if after_ages[i].days_past_due == 0 {
                cured.push(a.id.as_str());
            }
        }
    }
    println!();
    println!("5. The week: {posted} payments posted (2026-03-02 to 2026-03-06), as of {WEEK_END}");
    println!("  payment events on the ledgers; interest frozen on {frozen} ledgers over their chosen plan (its start to its last promise)");
    println!(
        "  collected {}, of which from delinquent accounts {}",
        money(collected),
        money(delinquent_collected)
    );
    println!("  the first {SHOW} posted, as the ledger allocated them:");
    let entries = p.accounts.iter().zip(&ledgers).flat_map(|(a, l)| {
        p.week
            .get(&a.id)
            .map_or(&[][..], Vec::as_slice)
            .iter()
            .filter_map(move |x| l.payment_entry(&x.id).map(|e| (x, e)))
    });
    for (x, e) in entries.take(SHOW) {
        let to: Vec<String> = e
            .allocations
            .iter()
            .map(|al| {
                let due = al
                    .due_date
                    .map_or("unscheduled".to_string(), |d| d.to_string());
                format!("{} due {due} {}", al.component.name(), money(al.amount))
            })
            .collect();
        println!(
            "    {} {} {}: {}; to credit {}",
            x.id,
            e.date,
            money(e.amount),
            if to.is_empty() {
                "nothing".to_string()
            } else {
                to.join(", ")
            },
            money(e.to_credit)
        );
    }
    println!("  accounts cured ({}): {}", cured.len(), cured.join(" "));
    // The chosen plans tracked against the payments the ledgers posted (those before the plan's start
    // are ignored by the tracking).
    let mut trackings = Vec::new();
    let (mut kept, mut broken_or_missed, mut with_payment) = (0, 0, 0);
    for (i, x) in &chosen {
        let l = &ledgers[*i];
        with_payment += usize::from(!in_week(l).is_empty());
        let paid: Vec<Payment> = l
            .posted_payments()
            .iter()
            .map(PaymentRecord::payment)
            .collect();
        let t = track(&x.plan, &paid, week_end, &BreakRule::default())?;
        let first = t.promises[0].status;
        kept += usize::from(first == PromiseStatus::Kept);
        broken_or_missed += usize::from(first.is_missed());
        trackings.push(t);
    }
    println!(
        "  first promises (due {FIRST_PROMISE}): kept {kept}, missed {broken_or_missed}, of {}; {with_payment} planned accounts paid in the week",
        chosen.len()
    );

    // ------------------------------------------------------------------ 6. dunning
    println!();
    println!("6. Dunning as of {WEEK_END}: reminder at 1 day overdue, second notice at 30, final notice at 60, pre-legal at 90 (no fee, no interest; levels may be skipped)");
    let levels = vec![
        DunningLevel::new(1, "reminder"),
        DunningLevel::new(30, "second notice"),
        DunningLevel::new(60, "final notice"),
        DunningLevel::new(90, "pre-legal"),
    ];
    let policy = DunningPolicy::new(Currency::USD, levels)?.with_one_level_at_a_time(false);
    let mut invoices = Vec::new();
    for (a, o) in p.accounts.iter().zip(&after) {
        for (k, ob) in o.obligations().iter().enumerate() {
            if ob.due_date() < week_end && ob.unpaid() > Decimal::ZERO {
                invoices.push(Invoice::new(
                    format!("{}-{:02}", a.id, k + 1),
                    a.customer.clone(),
                    Currency::USD,
                    ob.unpaid(),
                    ob.due_date(),
                ));
            }
        }
    }
    let run = dunning_run(&invoices, &policy, week_end)?;
    let mut highest = [0usize; 4];
    for c in &run.customers {
        if let Some(level) = run.customer_lines(c).iter().filter_map(|l| l.level).max() {
            highest[usize::try_from(level)? - 1] += 1;
        }
    }
    println!(
        "  {} overdue installments of {} customers, {} notices, outstanding {}",
        run.totals.invoices,
        run.customers.len(),
        run.totals.notices,
        money(run.totals.outstanding)
    );
    println!("  customers by the highest level reached:");
    for (k, n) in highest.iter().enumerate() {
        println!("    {} {:<14} {:>4}", k + 1, policy.levels()[k].action, n);
    }

    // ------------------------------------------------------------------ 7. report
    println!();
    println!("7. Report");
    println!("  aging as of {WEEK_END}:");
    let aged_after = age_portfolio(&after, week_end, &rules)?;
    print_aging(&aged_after);
    let past_due_before: Decimal = aged.totals.iter().map(|t| t.past_due).sum();
    let past_due_after: Decimal = aged_after.totals.iter().map(|t| t.past_due).sum();
    // Installments falling due during the week: what was billed between the two agings.
    let billed: Decimal = p
        .dues
        .values()
        .flatten()
        .filter(|d| d.date >= as_of && d.date < week_end)
        .map(|d| d.amount)
        .sum();
    let cei = collection_effectiveness_index(&CeiInputs {
        opening_receivables: past_due_before,
        credit_sales: billed,
        months: 1,
        closing_receivables: past_due_after,
        closing_current_receivables: Decimal::ZERO,
    })?;
    println!("  KPIs:");
    println!(
        "    promise-kept rate      {:>7}  (the chosen plans' promises due by {WEEK_END})",
        percent(promise_kept_rate(&trackings))
    );
    println!(
        "    recovery rate          {:>7}  (the week's payments from delinquent accounts / their past due on {AS_OF})",
        percent(recovery_rate(delinquent_collected, past_due_before)?)
    );
    println!(
        "    right-party contacts   {:>7}  ({} of {} calls in contacts.csv)",
        percent(right_party_contact_rate(p.right_party_calls, p.calls)?),
        p.right_party_calls,
        p.calls
    );
    println!(
        "    CEI (the week)         {:>7}  (past due {} + billed {} - past due {})",
        in_percent(cei),
        money(past_due_before),
        money(billed),
        money(past_due_after)
    );

    // Treatment: every account past due after the week, by the standard policy.
    let treatment = TreatmentPolicy::standard();
    let mut actions: BTreeMap<&str, usize> = BTreeMap::new();
    let planned: HashMap<usize, &collections_core::plan::Tracking> =
        chosen.iter().map(|(i, _)| *i).zip(&trackings).collect();
    for (i, a) in p.accounts.iter().enumerate() {
        let age = &after_ages[i];
        if age.days_past_due == 0 {
            continue;
        }
        let attempts = p.contacts.get(&a.id).map_or(&[][..], Vec::as_slice);
        let last_call = attempts
            .iter()
            .filter(|c| c.1 == Channel::Call)
            .max_by_key(|c| c.0);
        let last_contact = match last_call.map(|c| c.2) {
            None => ContactOutcome::NotAttempted,
            Some(Outcome::RightPartyConversation) => ContactOutcome::RightPartyContact,
            Some(Outcome::Voicemail) => ContactOutcome::LeftMessage,
            Some(Outcome::WrongNumber) => ContactOutcome::WrongParty,
            Some(_) => ContactOutcome::NoAnswer,
        };
        let failed = attempts
            .iter()
            .filter(|c| c.1 == Channel::Call && c.2 != Outcome::RightPartyConversation)
            .count();
        let tracking = planned.get(&i);
        let state = AccountState {
            days_past_due: age.days_past_due,
            balance: age.outstanding,
            broken_promises: tracking.map_or(0, |t| t.missed),
            failed_contact_attempts: u32::try_from(failed)?,
            last_contact,
            affordability: assessments
                .get(&a.id)
                .map_or(Affordability::NotAssessed, Affordability::of),
            disputed: false,
            hardship: false,
            active_plan: tracking
                .is_some_and(|t| t.status == collections_core::plan::ArrangementStatus::Active),
        };
        let action = treatment
            .recommend(&state)
            .map_or("none", |r| r.action.name());
        *actions.entry(action).or_default() += 1;
    }
    println!(
        "  treatment (standard policy) for the {} accounts past due:",
        actions.values().sum::<usize>()
    );
    for (action, n) in &actions {
        println!("    {action:<24} {n:>4}");
    }

    let probabilities: Vec<Probabilities> = chosen
        .iter()
        .map(|(_, x)| Probabilities::ConstantHazard(x.hazard))
        .collect();
    let f = forecast(
        chosen.iter().map(|(_, x)| &x.plan).zip(&probabilities),
        as_of,
        ForecastPeriod::Monthly,
        RoundingMode::HalfUp,
    )?;
    println!("  expected cash flow of the chosen plans by month:");
    println!(
        "    {:<7} {:>8} {:>12} {:>12}",
        "month", "promises", "scheduled", "expected"
    );
    for r in &f.rows {
        println!(
            "    {:<7} {:>8} {:>12} {:>12}",
            r.period_start.format("%Y-%m"),
            r.promises,
            money(r.scheduled),
            money(r.expected)
        );
    }
    let (n, scheduled, expected) = f.totals()?;
    println!(
        "    {:<7} {:>8} {:>12} {:>12}",
        "total",
        n,
        money(scheduled),
        money(expected)
    );
    Ok(())
}
