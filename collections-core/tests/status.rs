//! The status lifecycle: every pair of the transition table against a hand-written matrix (the module
//! documentation's rules), and the history's own rules.

#![allow(clippy::unwrap_used)] // helpers of a test file: a panic is a failed test

use chrono::NaiveDate;
use collections_core::debt::status::{transition, Status, StatusHistory};
use proptest::prelude::*;

fn d(y: i32, m: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, day).unwrap()
}

/// Rows `from`, columns `to`, both in `Status::ALL` order:
/// cur del arr brk dis har fra leg bkr dec chg set pif wof clo rec sol.
const MATRIX: [(&str, &str); 17] = [
    ("current", "0 1 1 0 1 1 1 0 1 1 0 1 1 1 1 1 1"),
    ("delinquent", "1 0 1 0 1 1 1 1 1 1 1 1 1 1 1 1 1"),
    ("in_arrangement", "1 0 0 1 1 1 1 0 1 1 1 1 1 1 1 1 1"),
    ("arrangement_broken", "1 1 1 0 1 1 1 1 1 1 1 1 1 1 1 1 1"),
    ("disputed", "1 1 1 1 0 1 1 1 1 1 1 1 1 1 1 1 0"),
    ("hardship", "1 1 1 1 1 0 1 1 1 1 1 1 1 1 1 1 0"),
    ("fraud", "1 1 1 1 1 1 0 1 1 1 1 1 1 1 1 1 0"),
    ("legal", "0 0 1 0 1 1 1 0 1 1 1 1 1 1 1 1 1"),
    ("bankrupt", "0 1 0 0 0 0 0 0 0 1 1 1 1 1 1 1 0"),
    ("deceased", "0 0 0 0 0 0 0 1 0 0 1 1 1 1 1 1 1"),
    ("charged_off", "0 0 1 0 1 1 1 1 1 1 0 1 1 1 1 1 1"),
    ("settled", "0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0"),
    ("paid_in_full", "0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0"),
    ("written_off", "0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0"),
    ("closed", "0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0"),
    ("recalled", "0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0"),
    ("sold", "0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0"),
];

#[test]
fn every_pair_is_allowed_or_refused_as_documented() {
    let date = d(2026, 3, 1);
    let mut allowed = 0;
    for (row, (name, cells)) in MATRIX.iter().enumerate() {
        let from: Status = name.parse().unwrap();
        assert_eq!(from, Status::ALL[row]);
        assert_eq!(from.name(), *name);
        for (col, cell) in cells.split(' ').enumerate() {
            let to = Status::ALL[col];
            let result = transition(from, to, date, "test");
            match cell {
                "1" => {
                    let change = result.unwrap_or_else(|e| panic!("{from} -> {to} refused: {e}"));
                    assert_eq!((change.from, change.to, change.date), (from, to, date));
                    assert_eq!(change.reason, "test");
                    allowed += 1;
                }
                _ => {
                    let err = result.expect_err(&format!("{from} -> {to} allowed"));
                    assert_eq!(err.field(), "status");
                    assert_eq!(err.value(), format!("{from} -> {to}"));
                }
            }
            assert_eq!(from.can_become(to), cell == "1");
        }
    }
    assert_eq!(allowed, 145);
}

#[test]
fn groups() {
    let terminal: Vec<_> = Status::ALL
        .into_iter()
        .filter(|s| s.is_terminal())
        .collect();
    assert_eq!(
        terminal,
        [
            Status::Settled,
            Status::PaidInFull,
            Status::WrittenOff,
            Status::Closed,
            Status::Recalled,
            Status::Sold
        ]
    );
    let pauses: Vec<_> = Status::ALL.into_iter().filter(|s| s.is_pause()).collect();
    assert_eq!(pauses, [Status::Disputed, Status::Hardship, Status::Fraud]);
}

#[test]
fn names_round_trip_and_parse_loosely() {
    for s in Status::ALL {
        assert_eq!(s.name().parse::<Status>().unwrap(), s);
        assert_eq!(s.to_string(), s.name());
        let json = serde_json::to_string(&s).unwrap();
        assert_eq!(json, format!("\"{}\"", s.name()));
    }
    assert_eq!(
        "Paid In Full".parse::<Status>().unwrap(),
        Status::PaidInFull
    );
    assert_eq!("CHARGED-OFF".parse::<Status>().unwrap(), Status::ChargedOff);
    let err = "returned".parse::<Status>().unwrap_err();
    assert_eq!(
        (err.field(), err.value()),
        ("status", "returned".to_string())
    );
}

#[test]
fn an_empty_reason_is_refused() {
    let err = transition(Status::Current, Status::Delinquent, d(2026, 1, 2), "  ").unwrap_err();
    assert_eq!(err.field(), "reason");
}

#[test]
fn a_pause_returns_to_the_status_before_it() {
    let mut h = StatusHistory::new(Status::Delinquent, d(2026, 1, 1));
    h.change(Status::InArrangement, d(2026, 1, 10), "plan agreed")
        .unwrap();
    h.change(Status::Disputed, d(2026, 2, 1), "disputes interest")
        .unwrap();
    h.change(Status::Fraud, d(2026, 2, 5), "claims identity theft")
        .unwrap();
    assert_eq!(h.returns_to(), Some(Status::InArrangement));
    for wrong in [
        Status::Current,
        Status::Delinquent,
        Status::Legal,
        Status::ChargedOff,
    ] {
        let err = h.change(wrong, d(2026, 3, 1), "resolved").unwrap_err();
        assert_eq!(err.field(), "status");
        assert!(err.to_string().contains("in_arrangement"), "{err}");
    }
    h.change(Status::InArrangement, d(2026, 3, 1), "claim withdrawn")
        .unwrap();
    assert_eq!(h.current(), Status::InArrangement);
    assert_eq!(h.returns_to(), None);
    // A pause can also end the account, or meet a bankruptcy.
    let mut ended = StatusHistory::new(Status::Delinquent, d(2026, 1, 1));
    ended
        .change(Status::Disputed, d(2026, 1, 5), "not my debt")
        .unwrap();
    ended
        .change(Status::Closed, d(2026, 2, 1), "dispute upheld")
        .unwrap();
    assert!(ended
        .change(Status::Delinquent, d(2026, 2, 2), "reopen")
        .is_err());
    // Opened paused: no known prior, so the table alone decides.
    let mut imported = StatusHistory::new(Status::Hardship, d(2026, 1, 1));
    imported
        .change(Status::Legal, d(2026, 1, 2), "hardship ended")
        .unwrap();
}

#[test]
fn a_charge_off_is_never_undone_by_a_status() {
    let mut h = StatusHistory::new(Status::Delinquent, d(2026, 1, 1));
    h.change(Status::ChargedOff, d(2026, 5, 1), "120 days past due")
        .unwrap();
    h.change(Status::InArrangement, d(2026, 6, 1), "post-charge-off plan")
        .unwrap();
    h.change(
        Status::ArrangementBroken,
        d(2026, 8, 1),
        "two payments missed",
    )
    .unwrap();
    let err = h
        .change(Status::Delinquent, d(2026, 8, 2), "back to collections")
        .unwrap_err();
    assert_eq!(err.value(), "arrangement_broken -> delinquent");
    assert_eq!(
        h.change(Status::Current, d(2026, 8, 2), "arrears paid")
            .unwrap_err()
            .field(),
        "status"
    );
    h.change(
        Status::ChargedOff,
        d(2026, 8, 2),
        "back to charged-off collections",
    )
    .unwrap();
    // The pairwise table alone allows it; only the history knows.
    assert!(Status::ArrangementBroken.can_become(Status::Delinquent));
}

#[test]
fn dates_are_never_back_dated_and_same_day_changes_keep_their_order() {
    let mut h = StatusHistory::new(Status::Current, d(2026, 1, 1));
    assert_eq!(
        h.change(Status::Delinquent, d(2025, 12, 31), "before opening")
            .unwrap_err()
            .field(),
        "date"
    );
    h.change(Status::Delinquent, d(2026, 2, 2), "missed")
        .unwrap();
    h.change(Status::InArrangement, d(2026, 2, 10), "plan")
        .unwrap();
    h.change(
        Status::ArrangementBroken,
        d(2026, 2, 10),
        "first payment bounced",
    )
    .unwrap();
    let err = h
        .change(Status::Legal, d(2026, 2, 9), "claim issued")
        .unwrap_err();
    assert_eq!(err.field(), "date");
    assert!(err.to_string().contains("2026-02-10"), "{err}");
    // A refused change leaves the history as it was.
    assert_eq!(h.changes().len(), 3);
    assert_eq!(h.current(), Status::ArrangementBroken);
    assert_eq!(h.last_date(), d(2026, 2, 10));
    // Status as of a date: the last change of that day counts.
    assert_eq!(h.status_on(d(2025, 12, 31)), None);
    assert_eq!(h.status_on(d(2026, 1, 1)), Some(Status::Current));
    assert_eq!(h.status_on(d(2026, 2, 1)), Some(Status::Current));
    assert_eq!(h.status_on(d(2026, 2, 2)), Some(Status::Delinquent));
    assert_eq!(h.status_on(d(2026, 2, 9)), Some(Status::Delinquent));
    assert_eq!(h.status_on(d(2026, 2, 10)), Some(Status::ArrangementBroken));
    assert_eq!(h.status_on(d(2030, 1, 1)), Some(Status::ArrangementBroken));
}

#[test]
fn a_stored_history_is_replayed_through_the_rules() {
    let mut h = StatusHistory::new(Status::Current, d(2026, 1, 1));
    h.change(Status::Delinquent, d(2026, 2, 2), "missed")
        .unwrap();
    h.change(Status::PaidInFull, d(2026, 3, 1), "paid").unwrap();
    let json = serde_json::to_string(&h).unwrap();
    assert_eq!(serde_json::from_str::<StatusHistory>(&json).unwrap(), h);
    let tampered = json.replace("\"paid_in_full\"", "\"arrangement_broken\"");
    assert!(
        serde_json::from_str::<StatusHistory>(&tampered).is_err(),
        "{tampered}"
    );
    let gap = json.replace("\"from\":\"delinquent\"", "\"from\":\"legal\"");
    assert!(
        serde_json::from_str::<StatusHistory>(&gap).is_err(),
        "{gap}"
    );
}

proptest! {
    /// Whatever is asked, the history stays consistent: changes in date order, each allowed by the table,
    /// each from the status the one before left, and `status_on` the last change up to the date.
    #[test]
    fn random_requests_keep_the_history_consistent(
        requests in prop::collection::vec((0usize..17, 0u64..20), 0..40), start in 0usize..17,
    ) {
        let mut h = StatusHistory::new(Status::ALL[start], d(2026, 1, 1));
        let mut date = d(2026, 1, 1);
        for (to, step) in requests {
            date = date + chrono::Days::new(step);
            let _ = h.change(Status::ALL[to], date.pred_opt().unwrap(), "maybe back-dated");
            let _ = h.change(Status::ALL[to], date, "request");
        }
        let mut current = h.initial();
        for w in h.changes().windows(2) {
            prop_assert!(w[0].date <= w[1].date);
        }
        for c in h.changes() {
            prop_assert_eq!(c.from, current);
            prop_assert!(c.from.can_become(c.to));
            prop_assert_eq!(h.status_on(c.date).is_some(), true);
            current = c.to;
        }
        prop_assert_eq!(h.current(), current);
    }
}
