//! The named rule sets: Regulation F, the TCPA, the status holds, Massachusetts, Washington, New York
//! City, Florida and the United Kingdom. Each rule cites its source and carries the verification mark of
//! `contact-rules.md` (V primary text read, S secondary source only, ? not verified); a rule marked S or
//! ? must be checked against its source before production use.

use chrono::{NaiveDate, NaiveTime};
use serde::{Deserialize, Serialize};

use super::kinds::{Channel, Verification};
use super::policy::{Boundaries, Counting, Numbers, Rule, RuleKind};
use crate::error::{Error, Result};

/// A named set of rules with its source and the weakest verification mark among them.
///
/// ```
/// use collections_core::contact::{RuleSet, Verification};
///
/// let wa = RuleSet::by_name("washington")?;
/// assert_eq!(wa.mark(), Verification::Secondary); // check RCW 19.16.250 before production use
/// assert!(RuleSet::names().contains(&"united_kingdom"));
/// # Ok::<(), collections_core::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct RuleSet {
    name: String,
    source: String,
    rules: Vec<Rule>,
}

const ALL_BUT_LETTERS: [Channel; 5] = [
    Channel::Call,
    Channel::RinglessVoicemail,
    Channel::Text,
    Channel::Email,
    Channel::Visit,
];

/// 8 a.m. to 9 p.m. local time, the window every preset uses.
fn eight_to_nine(boundaries: Boundaries, channels: &[Channel], consent_lifts: bool) -> RuleKind {
    let hour = |h| NaiveTime::from_hms_opt(h, 0, 0).unwrap_or(NaiveTime::MIN);
    RuleKind::TimeOfDay {
        start: hour(8),
        end: hour(21),
        boundaries,
        channels: channels.to_vec(),
        consent_lifts,
    }
}

/// A preset rule (the presets' kinds are checked when a policy is built, and by the tests).
fn rule(id: &str, citation: &str, mark: Verification, kind: RuleKind) -> Rule {
    Rule::preset(id, citation, mark, kind)
}

impl RuleSet {
    /// The names [`RuleSet::by_name`] knows.
    pub fn names() -> &'static [&'static str] {
        &[
            "regulation_f",
            "tcpa",
            "status_holds",
            "massachusetts",
            "washington",
            "new_york_city",
            "florida",
            "united_kingdom",
        ]
    }

    /// The rule set of a name (case, `_`, `-` and spaces not significant).
    ///
    /// ```
    /// use collections_core::contact::RuleSet;
    /// assert_eq!(RuleSet::by_name("New York City")?.name(), "new_york_city");
    /// assert_eq!(RuleSet::by_name("texas").unwrap_err().field(), "presets");
    /// # Ok::<(), collections_core::Error>(())
    /// ```
    pub fn by_name(name: &str) -> Result<RuleSet> {
        let known = RuleSet::names()
            .iter()
            .find(|n| crate::parse::same_name(name, n));
        Ok(match known.copied() {
            Some("regulation_f") => RuleSet::regulation_f(),
            Some("tcpa") => RuleSet::tcpa(),
            Some("status_holds") => RuleSet::status_holds(),
            Some("massachusetts") => RuleSet::massachusetts(),
            Some("washington") => RuleSet::washington(),
            Some("new_york_city") => RuleSet::new_york_city(),
            Some("florida") => RuleSet::florida(),
            Some("united_kingdom") => RuleSet::united_kingdom(),
            _ => {
                return Err(Error::invalid(
                    "presets",
                    name,
                    format!(
                        "unknown rule set; expected one of {}",
                        RuleSet::names().join(", ")
                    ),
                ))
            }
        })
    }

    fn new(name: &str, source: &str, rules: Vec<Rule>) -> RuleSet {
        RuleSet {
            name: name.into(),
            source: source.into(),
            rules,
        }
    }

    /// Regulation F (12 CFR 1006), mark V: the 8 a.m. to 9 p.m. window (inclusive, as the regulation's
    /// "before 8:00 a.m. and after 9:00 p.m." are the inconvenient times; letters are not timed), the
    /// person's inconvenient times, the call frequencies, attorney, cease, place of employment, opt-outs
    /// and the dispute hold.
    ///
    /// ```
    /// use collections_core::contact::RuleSet;
    /// let set = RuleSet::regulation_f();
    /// let ids: Vec<&str> = set.rules().iter().map(|r| r.id()).collect();
    /// assert!(ids.contains(&"reg_f.time_of_day") && ids.contains(&"reg_f.call_frequency"));
    /// ```
    pub fn regulation_f() -> RuleSet {
        let v = Verification::Verified;
        RuleSet::new(
            "regulation_f",
            "12 CFR 1006 (Regulation F) and its official interpretations",
            vec![
                rule(
                    "reg_f.time_of_day",
                    "12 CFR 1006.6(b)(1)(i); comment 6(b)(1)(i)-2",
                    v,
                    eight_to_nine(Boundaries::Inclusive, &ALL_BUT_LETTERS, true),
                ),
                rule(
                    "reg_f.inconvenient_times",
                    "12 CFR 1006.6(b)(1); comments 6(b)(1)-1, 6(b)(1)-2",
                    v,
                    RuleKind::InconvenientTimes,
                ),
                rule(
                    "reg_f.call_frequency",
                    "12 CFR 1006.14(b)(2)-(4)",
                    v,
                    RuleKind::CallFrequency {
                        max_calls: 7,
                        days: 7,
                        days_after_conversation: 7,
                    },
                ),
                rule(
                    "reg_f.attorney",
                    "12 CFR 1006.6(b)(2)",
                    v,
                    RuleKind::Attorney,
                ),
                rule("reg_f.cease", "12 CFR 1006.6(c)", v, RuleKind::Cease),
                rule(
                    "reg_f.place_of_employment",
                    "12 CFR 1006.6(b)(3); 1006.22(f)(3)",
                    v,
                    RuleKind::PlaceOfEmployment,
                ),
                rule(
                    "reg_f.opt_out",
                    "12 CFR 1006.14(h); 1006.6(e)",
                    v,
                    RuleKind::OptOut,
                ),
                rule(
                    "reg_f.dispute_hold",
                    "12 CFR 1006.34(b)(5); 1006.38",
                    v,
                    RuleKind::DisputeHold {
                        hold_during_validation: false,
                    },
                ),
            ],
        )
    }

    /// The TCPA's consent for autodialed or prerecorded calls to a cell phone, 47 CFR 64.1200(a)(1)(iii),
    /// mark V.
    ///
    /// ```
    /// use collections_core::contact::RuleSet;
    /// assert_eq!(RuleSet::tcpa().rules().len(), 1);
    /// ```
    pub fn tcpa() -> RuleSet {
        RuleSet::new(
            "tcpa",
            "47 U.S.C. 227; 47 CFR 64.1200",
            vec![rule(
                "tcpa.autodialer_consent",
                "47 CFR 64.1200(a)(1)(iii)",
                Verification::Verified,
                RuleKind::TcpaConsent,
            )],
        )
    }

    /// Holds outside Regulation F's text that every US policy should carry: an open bankruptcy (the
    /// automatic stay, 11 U.S.C. 362(a)(6)) and a deceased person. Mark `?`: not in the reference; check
    /// before production use.
    ///
    /// ```
    /// use collections_core::contact::RuleSet;
    /// assert!(RuleSet::status_holds().rules().iter().any(|r| r.id() == "status.bankruptcy"));
    /// ```
    pub fn status_holds() -> RuleSet {
        let q = Verification::Unverified;
        RuleSet::new(
            "status_holds",
            "11 U.S.C. 362(a)(6); creditor policy",
            vec![
                rule(
                    "status.bankruptcy",
                    "11 U.S.C. 362(a)(6)",
                    q,
                    RuleKind::Bankruptcy,
                ),
                rule("status.deceased", "creditor policy", q, RuleKind::Deceased),
            ],
        )
    }

    /// Massachusetts, 209 CMR 18.16(1) and 940 CMR 7.04(1)(f), mark V: contact "after 8:00 A.M. and before
    /// 9:00 P.M." (exclusive), and per debt at most two communications initiated by call, text or recorded
    /// message in each seven-day period to a residence, cell or personal number, and two in each thirty-day
    /// period to other numbers. "Communication" is read strictly: every connected call counts. (The
    /// ten-day lapse of an oral "not at work" is an [`OptOut`](super::OptOut) with an end.)
    ///
    /// ```
    /// use collections_core::contact::RuleSet;
    /// assert_eq!(RuleSet::massachusetts().rules().len(), 3);
    /// ```
    pub fn massachusetts() -> RuleSet {
        let v = Verification::Verified;
        let calls = vec![Channel::Call, Channel::RinglessVoicemail, Channel::Text];
        RuleSet::new(
            "massachusetts",
            "209 CMR 18.16(1); 940 CMR 7.04(1)(f)",
            vec![
                rule(
                    "ma.time_of_day",
                    "209 CMR 18.16(1)(e); 940 CMR 7.04(1)(f)",
                    v,
                    eight_to_nine(Boundaries::Exclusive, &ALL_BUT_LETTERS, false),
                ),
                rule(
                    "ma.calls_personal_numbers",
                    "209 CMR 18.16(1)(f); 940 CMR 7.04(1)(f)",
                    v,
                    RuleKind::AttemptCap {
                        channels: calls.clone(),
                        max: 2,
                        days: 7,
                        per_debt: true,
                        count: Counting::Connected,
                        numbers: Numbers::Personal,
                    },
                ),
                rule(
                    "ma.calls_other_numbers",
                    "209 CMR 18.16(1)(f); 940 CMR 7.04(1)(f)",
                    v,
                    RuleKind::AttemptCap {
                        channels: calls,
                        max: 2,
                        days: 30,
                        per_debt: true,
                        count: Counting::Connected,
                        numbers: Numbers::Work,
                    },
                ),
            ],
        )
    }

    /// Washington, RCW 19.16.250, mark S (secondary source only: check before production use): at most
    /// three communications a week with the debtor, one a week at the place of employment (counted over
    /// seven consecutive local dates, across debts, connected attempts on every channel but letters), and
    /// no contact before 8:00 a.m. or after 9:00 p.m. (the statute's 7:30 a.m. at home is less strict than
    /// the Attorney General's 8:00, so 8:00 is used).
    ///
    /// ```
    /// use collections_core::contact::{RuleSet, Verification};
    /// assert!(RuleSet::washington().rules().iter().all(|r| r.mark() == Some(Verification::Secondary)));
    /// ```
    pub fn washington() -> RuleSet {
        let s = Verification::Secondary;
        let cap = |max, numbers| RuleKind::AttemptCap {
            channels: ALL_BUT_LETTERS.to_vec(),
            max,
            days: 7,
            per_debt: false,
            count: Counting::Connected,
            numbers,
        };
        RuleSet::new(
            "washington",
            "RCW 19.16.250",
            vec![
                rule(
                    "wa.time_of_day",
                    "RCW 19.16.250(13)",
                    s,
                    eight_to_nine(Boundaries::Inclusive, &ALL_BUT_LETTERS, false),
                ),
                rule(
                    "wa.weekly_communications",
                    "RCW 19.16.250(13)",
                    s,
                    cap(3, Numbers::Any),
                ),
                rule(
                    "wa.weekly_at_work",
                    "RCW 19.16.250(13)",
                    s,
                    cap(1, Numbers::Work),
                ),
            ],
        )
    }

    /// New York City, 6 RCNY 5-77 as amended, mark S (check before production use): from 2026-09-01, at
    /// most three contacts or attempts per seven days across all channels, per account.
    ///
    /// ```
    /// use collections_core::contact::RuleSet;
    /// assert!(RuleSet::new_york_city().rules()[0].effective_from_date().is_some());
    /// ```
    pub fn new_york_city() -> RuleSet {
        let from = NaiveDate::from_ymd_opt(2026, 9, 1).unwrap_or(NaiveDate::MIN);
        let r = rule(
            "nyc.attempts_per_week",
            "6 RCNY 5-77 (as amended, from 2026-09-01)",
            Verification::Secondary,
            RuleKind::AttemptCap {
                channels: Channel::ALL.to_vec(),
                max: 3,
                days: 7,
                per_debt: true,
                count: Counting::Attempts,
                numbers: Numbers::Any,
            },
        );
        let r = r.clone().effective_from(from).unwrap_or(r);
        RuleSet::new("new_york_city", "6 RCNY 5-77", vec![r])
    }

    /// Florida, §559.72(17), Florida Statutes, mark V: no communication between 9 p.m. and 8 a.m. in the
    /// debtor's time zone (8:00 and 21:00 themselves allowed), emails excluded since 2025 (letters are not
    /// timed). Consent to other hours is not modelled: remove the rule for such a person.
    ///
    /// ```
    /// use collections_core::contact::RuleSet;
    /// assert_eq!(RuleSet::florida().rules()[0].id(), "fl.time_of_day");
    /// ```
    pub fn florida() -> RuleSet {
        RuleSet::new(
            "florida",
            "Fla. Stat. 559.72(17)",
            vec![rule(
                "fl.time_of_day",
                "Fla. Stat. 559.72(17)",
                Verification::Verified,
                eight_to_nine(
                    Boundaries::Inclusive,
                    &[
                        Channel::Call,
                        Channel::RinglessVoicemail,
                        Channel::Text,
                        Channel::Visit,
                    ],
                    true,
                ),
            )],
        )
    }

    /// The United Kingdom: reasonable hours 8 a.m. to 9 p.m. (MCOB 13.5 and CONC 7.9, V), recovery
    /// suspended while a debt is disputed (CONC 7.14.1R, V), and no contact about a debt in a breathing
    /// space (SI 2020/1311, S: check before production use). The person's own times (CONC 7.9) are the
    /// profile's inconvenient times.
    ///
    /// ```
    /// use collections_core::contact::{RuleSet, Verification};
    /// assert_eq!(RuleSet::united_kingdom().mark(), Verification::Secondary);
    /// ```
    pub fn united_kingdom() -> RuleSet {
        let v = Verification::Verified;
        RuleSet::new(
            "united_kingdom",
            "FCA Handbook CONC 7.9, 7.14; MCOB 13.5; SI 2020/1311",
            vec![
                rule(
                    "uk.reasonable_hours",
                    "FCA CONC 7.9.2R; MCOB 13.5",
                    v,
                    eight_to_nine(Boundaries::Inclusive, &ALL_BUT_LETTERS, false),
                ),
                rule(
                    "uk.customer_times",
                    "FCA CONC 7.9",
                    v,
                    RuleKind::InconvenientTimes,
                ),
                rule(
                    "uk.dispute_hold",
                    "FCA CONC 7.14.1R",
                    v,
                    RuleKind::DisputeHold {
                        hold_during_validation: false,
                    },
                ),
                rule(
                    "uk.breathing_space",
                    "The Debt Respite Scheme (Breathing Space Moratorium and Mental Health Crisis Moratorium) (England and Wales) Regulations 2020, SI 2020/1311",
                    Verification::Secondary,
                    RuleKind::BreathingSpace,
                ),
            ],
        )
    }

    /// The name.
    pub fn name(&self) -> &str {
        &self.name
    }

    /// The source it follows.
    pub fn source(&self) -> &str {
        &self.source
    }

    /// The rules.
    pub fn rules(&self) -> &[Rule] {
        &self.rules
    }

    /// The weakest mark among its rules (`?` weaker than `S` weaker than `V`).
    pub fn mark(&self) -> Verification {
        self.rules
            .iter()
            .filter_map(Rule::mark)
            .max()
            .unwrap_or(Verification::Unverified)
    }
}
