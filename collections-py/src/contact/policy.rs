//! `Policy`, `Rule`, `RuleSet` and `presets()`: the rules that apply, in code or JSON (over the core's
//! `contact::Policy`, `Rule` and `RuleSet`).

use collections_core::contact::{MissingTimeZone, Policy, Rule, RuleSet, TimeZone};
use pyo3::prelude::*;

use super::{class_arg, from_json, opt_str};
use crate::convert::{int_arg, str_arg};
use crate::debt::{given, value_class};
use crate::errors::CoreResultExt;

value_class! {
    in "collections_core.contact"
    /// One rule of a policy: its ``id`` (``reg_f.time_of_day``, ``ma.calls_personal_numbers``, ...),
    /// its ``citation``, its verification ``mark`` (``V`` the primary text was read, ``S`` a secondary
    /// source only, ``?`` not verified; ``None`` for the creditor's own rules), its ``kind`` and the
    /// local date it applies from (``effective_from``). ``to_json()`` gives it whole, as
    /// ``Rule.from_json`` reads it.
    ///
    /// >>> r = Rule.from_json('{"id": "creditor.two_a_day", "kind": "attempt_cap", "channels": ["call"], "max": 2, "days": 1, "per_debt": false, "count": "attempts", "numbers": "any"}')
    /// >>> r.id, r.kind, r.citation, r.mark
    /// ('creditor.two_a_day', 'attempt_cap', 'creditor policy', None)
    "Rule" PyRule(Rule) {
        /// The rule's id.
        id: |r| r.id(),
        /// Its source.
        citation: |r| r.citation(),
        /// ``V``, ``S``, ``?`` or ``None``.
        mark: |r| r.mark().map(|m| m.name()),
        /// What it checks (``time_of_day``, ``call_frequency``, ``attempt_cap``, ...).
        kind: |r| r.kind().name(),
        /// The first local date it applies, or ``None``.
        effective_from: |r| r.effective_from_date(),
    }

    /// A rule from its JSON (the core's: ``id``, ``kind`` and the kind's fields, optional
    /// ``citation``, ``mark`` and ``effective_from``).
    #[staticmethod]
    fn from_json(text: &Bound<'_, PyAny>) -> PyResult<Self> {
        from_json!(Rule, text, "rule").map(PyRule)
    }

    /// The rule as JSON.
    fn to_json(&self) -> String {
        self.state()
    }
}

value_class! {
    in "collections_core.contact"
    /// A named rule set (a preset): its ``name``, its ``source``, its ``mark`` (the weakest of its
    /// rules') and its ``rules``.
    ///
    /// >>> [(s.name, s.mark) for s in presets()][:3]
    /// [('regulation_f', 'V'), ('tcpa', 'V'), ('status_holds', '?')]
    "RuleSet" PyRuleSet(RuleSet) {
        /// The preset's name, as ``Policy`` takes it.
        name: |s| s.name(),
        /// Its sources.
        source: |s| s.source(),
        /// The weakest verification mark of its rules.
        mark: |s| s.mark().name(),
        /// Its rules, in order.
        rules: |s| s.rules().iter().cloned().map(PyRule).collect::<Vec<_>>(),
    }

    /// The preset of a name (case, ``_``, ``-`` and spaces are not significant).
    #[staticmethod]
    fn by_name(name: &Bound<'_, PyAny>) -> PyResult<Self> {
        RuleSet::by_name(&str_arg(name, "presets")?)
            .or_raise()
            .map(PyRuleSet)
    }
}

/// Every preset, in order: Regulation F, the TCPA, the status holds, Massachusetts, Washington, New York
/// City, Florida and the United Kingdom, each with its sources and verification mark.
///
/// >>> [s.name for s in presets()][3:]
/// ['massachusetts', 'washington', 'new_york_city', 'florida', 'united_kingdom']
#[pyfunction]
pub fn presets() -> PyResult<Vec<PyRuleSet>> {
    RuleSet::names()
        .iter()
        .map(|n| RuleSet::by_name(n).or_raise().map(PyRuleSet))
        .collect()
}

value_class! {
    in "collections_core.contact"
    /// A contact policy: the rules of named presets (``presets()``), less those ``disable``d, plus the
    /// creditor's own (``with_rule``); what to do for a profile with no time zone (block, the default,
    /// or ``assume_time_zone``); and how many days ahead the next eligible instant is searched
    /// (``search_days``, 400 by default). ``Policy.us_federal()`` is Regulation F, the TCPA and the
    /// status holds. ``from_json``/``to_json`` read and write the core's JSON (``presets``, ``rules``,
    /// ``disable``, ``missing_time_zone``, ``search_days``). A contradictory policy (windows that leave
    /// no time, two rules with one id, no rules) is an ``InvalidArgumentError``.
    ///
    /// >>> p = Policy("regulation_f", "massachusetts", disable=["reg_f.inconvenient_times"])
    /// >>> p.rule_ids[:3]
    /// ('reg_f.time_of_day', 'reg_f.call_frequency', 'reg_f.attorney')
    /// >>> Policy.from_json(p.to_json()) == p
    /// True
    "Policy" PyPolicy(Policy) {
        /// The ids of the rules, in order.
        rule_ids: |p| p.rules().iter().map(Rule::id).collect::<Vec<_>>(),
        /// The rules, in order.
        rules: |p| p.rules().iter().cloned().map(PyRule).collect::<Vec<_>>(),
        /// The zone assumed for a profile with none, or ``None`` (such a profile is blocked).
        assume_time_zone: |p| match p.missing_time_zone() {
            MissingTimeZone::Assume(z) => Some(z.name()),
            _ => None,
        },
        /// How many days ahead the next eligible instant is searched.
        search_days: |p| p.search_days(),
    }

    #[new]
    #[pyo3(signature = (*presets, disable = None, assume_time_zone = None, search_days = None))]
    fn new(
        presets: &Bound<'_, pyo3::types::PyTuple>,
        disable: Option<&Bound<'_, PyAny>>,
        assume_time_zone: Option<&Bound<'_, PyAny>>,
        search_days: Option<&Bound<'_, PyAny>>,
    ) -> PyResult<Self> {
        let names = presets
            .iter()
            .map(|n| str_arg(&n, "presets"))
            .collect::<PyResult<Vec<_>>>()?;
        let names: Vec<&str> = names.iter().map(String::as_str).collect();
        let mut policy = Policy::from_presets(&names).or_raise()?;
        for id in super::each(disable, "disable", |o| str_arg(o, "disable"))? {
            policy = policy.without(&id).or_raise()?;
        }
        policy = with_zone(policy, assume_time_zone)?;
        if let Some(days) = given(search_days) {
            policy = policy
                .with_search_days(int_arg::<u32>(days, "search_days")?)
                .or_raise()?;
        }
        Ok(PyPolicy(policy))
    }

    /// The US federal baseline: Regulation F, the TCPA and the status holds.
    #[staticmethod]
    fn us_federal() -> Self {
        PyPolicy(Policy::us_federal())
    }

    /// A policy from its JSON.
    ///
    /// >>> Policy.from_json('{"presets": ["united_kingdom"]}').rule_ids
    /// ('uk.reasonable_hours', 'uk.breathing_space', 'uk.dispute_hold')
    #[staticmethod]
    fn from_json(text: &Bound<'_, PyAny>) -> PyResult<Self> {
        from_json!(Policy, text, "policy").map(PyPolicy)
    }

    /// The policy as JSON (its rules in full).
    fn to_json(&self) -> String {
        self.state()
    }

    /// The rule of an id, or ``None``.
    fn rule(&self, id: &Bound<'_, PyAny>) -> PyResult<Option<PyRule>> {
        Ok(self.0.rule(&str_arg(id, "id")?).cloned().map(PyRule))
    }

    /// This policy and one more rule (its id must be new, and the policy must stay consistent).
    fn with_rule(&self, rule: &Bound<'_, PyAny>) -> PyResult<Self> {
        let rule = class_arg::<PyRule>(rule, "rule", "a Rule")?.get().0.clone();
        self.0.clone().with_rule(rule).or_raise().map(PyPolicy)
    }

    /// This policy without the rule of an id.
    fn without(&self, id: &Bound<'_, PyAny>) -> PyResult<Self> {
        self.0
            .clone()
            .without(&str_arg(id, "id")?)
            .or_raise()
            .map(PyPolicy)
    }

    /// This policy, assuming a zone (an IANA name) for profiles with none, or blocking them (``None``).
    fn with_assumed_time_zone(&self, zone: Option<&Bound<'_, PyAny>>) -> PyResult<Self> {
        let policy = self.0.clone().with_missing_time_zone(MissingTimeZone::Block);
        with_zone(policy, zone).map(PyPolicy)
    }
}

fn with_zone(policy: Policy, zone: Option<&Bound<'_, PyAny>>) -> PyResult<Policy> {
    Ok(match opt_str(zone, "assume_time_zone")? {
        None => policy,
        Some(name) => policy.with_missing_time_zone(MissingTimeZone::Assume(
            TimeZone::parse("assume_time_zone", &name).or_raise()?,
        )),
    })
}

/// Registers the classes and functions on the compiled module.
pub fn register(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add_class::<PyRule>()?;
    m.add_class::<PyRuleSet>()?;
    m.add_class::<PyPolicy>()?;
    m.add_function(wrap_pyfunction!(presets, m)?)?;
    Ok(())
}
