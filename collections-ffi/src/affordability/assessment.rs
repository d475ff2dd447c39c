//! The assessment across the ABI (the core's `affordability::assessment`): a `coll_statement` against
//! `coll_guidelines` under a `coll_assessment_policy` (`coll_assess`), giving the `coll_assessment`
//! handle: the figures, each guideline applied, the flags of unusually high and low spending, the
//! derivation line by line, and the affordability and debt-to-income ratios.

use std::ffi::c_char;

use collections_core::affordability::{
    assess, Assessment, AssessmentPolicy, Contingency, Flag, GuidelineUse,
};
use rust_decimal::Decimal;

use super::guidelines::coll_guidelines;
use super::statement::coll_statement;
use super::{
    category_constants, coll_category, coll_flag_kind, coll_guideline_rule, coll_line_kind,
    FLAG_KINDS, LINE_KINDS, RULES,
};
use crate::calendar::coll_date;
use crate::debt::{bad_index, Text};
use crate::error::{boundary, coll_status, FfiResult};
use crate::money::{
    coll_currency, coll_decimal, coll_rounding_mode, rounding_mode_constant, rounding_mode_of,
};
use crate::ptr;

/// A contingency allowance: `percent` of a positive surplus (a fraction, 0 to 1: 0.10 for 10%), at
/// most `cap` a month (zero or more). A plain value.
#[repr(C)]
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[allow(non_camel_case_types)]
pub struct coll_contingency {
    /// The fraction of the surplus.
    pub percent: coll_decimal,
    /// The most a month.
    pub cap: coll_decimal,
}

/// Choices of an assessment beyond the statement and the guidelines. Start from
/// `coll_assessment_policy_init`. A plain value.
#[repr(C)]
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[allow(non_camel_case_types)]
pub struct coll_assessment_policy {
    /// 1 when `contingency` applies, else 0 (the default).
    pub has_contingency: u8,
    /// A contingency allowance taken from a positive surplus (`coll_contingency_common_financial_tool`
    /// gives Scotland's Common Financial Tool's).
    pub contingency: coll_contingency,
    /// Spending below this fraction (0 to 1) of a guideline's standard is flagged as unusually low
    /// (FCA CONC 8.5). Default 0.5; 0 turns the flag off. A lesser-of guideline is never flagged low.
    pub low_spending_fraction: coll_decimal,
    /// A monthly debt administration fee, deducted before anything is available to creditors (zero or
    /// more, in the statement currency's minor units). Default 0.
    pub debt_administration_fee: coll_decimal,
    /// The rounding of the contingency allowance to minor units, a `COLL_ROUND_` constant. Default half
    /// up.
    pub rounding: coll_rounding_mode,
}

/// The figures of an assessment, each monthly in the statement's currency. `table` points into the
/// assessment (valid until it is freed, NUL-terminated) or is NULL when no guidelines were used. A
/// plain value.
#[repr(C)]
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[allow(non_camel_case_types)]
pub struct coll_assessment_figures {
    /// The statement's date.
    pub date: coll_date,
    /// The currency.
    pub currency: coll_currency,
    /// The name of the guideline table used, or NULL.
    pub table: *const c_char,
    /// Bytes in `table` (0 when NULL).
    pub table_len: usize,
    /// Total income.
    pub income: coll_decimal,
    /// Fixed costs as stated.
    pub fixed_costs: coll_decimal,
    /// Flexible costs as stated.
    pub flexible_costs: coll_decimal,
    /// Fixed plus flexible costs as stated.
    pub expenditure: coll_decimal,
    /// Fixed plus flexible costs as the guidelines allow them.
    pub allowable_expenditure: coll_decimal,
    /// The savings contribution.
    pub savings: coll_decimal,
    /// Payments offered to priority creditors.
    pub priority_debts: coll_decimal,
    /// The debt administration fee.
    pub debt_administration_fee: coll_decimal,
    /// income - allowable_expenditure - savings - debt_administration_fee - priority_debts (negative:
    /// a deficit).
    pub surplus: coll_decimal,
    /// The contingency allowance taken from a positive surplus.
    pub contingency: coll_decimal,
    /// surplus - contingency: what is available for non-priority creditors (negative: a deficit).
    pub disposable_income: coll_decimal,
    /// The most that can be paid a month to non-priority creditors: the disposable income, or zero.
    pub max_affordable_payment: coll_decimal,
    /// 1 when the disposable income is below zero, else 0.
    pub is_deficit: u8,
}

/// How one guideline was applied. Its text and categories point into the assessment (valid until it is
/// freed; text NUL-terminated); its verification marks are read with
/// `coll_assessment_guideline_mark_at`. A plain value.
#[repr(C)]
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[allow(non_camel_case_types)]
pub struct coll_guideline_use {
    /// The guideline's name.
    pub guideline: *const c_char,
    /// Bytes in `guideline`.
    pub guideline_len: usize,
    /// Its rule for this household, a `COLL_GUIDELINE_RULE_` constant.
    pub rule: coll_guideline_rule,
    /// The categories it covers (`COLL_CATEGORY_` constants).
    pub categories: *const coll_category,
    /// The number of `categories`.
    pub n_categories: usize,
    /// Monthly spending in them.
    pub actual: coll_decimal,
    /// The standard for the household.
    pub standard: coll_decimal,
    /// What is allowed.
    pub allowed: coll_decimal,
    /// How the standard was made (`"2 person_under_65 x 84 + 1 person_65_or_over x 149"`).
    pub derivation: *const c_char,
    /// Bytes in `derivation`.
    pub derivation_len: usize,
    /// The number of verification marks of the rows used.
    pub n_marks: usize,
}

/// Spending that stands out from a guideline. Its text and categories point into the assessment. A
/// plain value.
#[repr(C)]
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[allow(non_camel_case_types)]
pub struct coll_assessment_flag {
    /// The guideline's name.
    pub guideline: *const c_char,
    /// Bytes in `guideline`.
    pub guideline_len: usize,
    /// The categories it covers (`COLL_CATEGORY_` constants).
    pub categories: *const coll_category,
    /// The number of `categories`.
    pub n_categories: usize,
    /// High or low, a `COLL_FLAG_KIND_` constant.
    pub kind: coll_flag_kind,
    /// Monthly spending in those categories.
    pub actual: coll_decimal,
    /// The guideline's standard.
    pub standard: coll_decimal,
    /// actual - standard (positive when over, negative when under).
    pub difference: coll_decimal,
}

/// One line of the derivation. Its text points into the assessment. A plain value.
#[repr(C)]
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[allow(non_camel_case_types)]
pub struct coll_assessment_line {
    /// What it is about, a `COLL_LINE_KIND_` constant.
    pub kind: coll_line_kind,
    /// A short label (`earnings`, `housing (rent)`, `national_standards`, `disposable_income`).
    pub label: *const c_char,
    /// Bytes in `label`.
    pub label_len: usize,
    /// The monthly amount it arrives at.
    pub amount: coll_decimal,
    /// How (`"income 3200.00 - allowable expenditure 2267.00 - ... = 933.00"`).
    pub derivation: *const c_char,
    /// Bytes in `derivation`.
    pub derivation_len: usize,
}

/// A guideline use's text, kept by the assessment.
#[derive(Debug, Clone)]
struct UseText {
    guideline: Text,
    categories: Vec<coll_category>,
    derivation: Text,
    marks: Vec<Text>,
}

/// A flag's text, kept by the assessment.
#[derive(Debug, Clone)]
struct FlagText {
    guideline: Text,
    categories: Vec<coll_category>,
}

/// What a statement leaves to pay debts with, from `coll_assess`. Opaque; freed by
/// `coll_assessment_free`. It never changes, so threads may share it.
#[allow(non_camel_case_types)]
#[derive(Debug, Clone)]
pub struct coll_assessment {
    pub(crate) inner: Assessment,
    table: Option<Text>,
    uses: Vec<UseText>,
    flags: Vec<FlagText>,
    /// Per line, its label and derivation.
    lines: Vec<(Text, Text)>,
}

fn use_text(u: &GuidelineUse) -> FfiResult<UseText> {
    Ok(UseText {
        guideline: Text::new(&u.guideline),
        categories: category_constants(&u.categories)?,
        derivation: Text::new(&u.derivation),
        marks: u.marks.iter().map(|m| Text::new(m)).collect(),
    })
}

fn flag_text(f: &Flag) -> FfiResult<FlagText> {
    Ok(FlagText {
        guideline: Text::new(&f.guideline),
        categories: category_constants(&f.categories)?,
    })
}

fn into_handle(inner: Assessment) -> FfiResult<*mut coll_assessment> {
    let uses = inner
        .guidelines
        .iter()
        .map(use_text)
        .collect::<FfiResult<Vec<_>>>()?;
    let flags = inner
        .flags
        .iter()
        .map(flag_text)
        .collect::<FfiResult<Vec<_>>>()?;
    let lines = inner
        .lines
        .iter()
        .map(|l| (Text::new(&l.label), Text::new(&l.derivation)))
        .collect();
    Ok(ptr::into_handle(coll_assessment {
        table: inner.table.as_deref().map(Text::new),
        inner,
        uses,
        flags,
        lines,
    }))
}

impl coll_assessment_policy {
    /// The core policy (checked by `assess`); conversion errors name the field.
    fn to_core(self) -> FfiResult<AssessmentPolicy> {
        let contingency = crate::debt::optional(self.has_contingency, "has_contingency", || {
            Ok(Contingency {
                percent: self.contingency.percent.to_core("contingency.percent")?,
                cap: self.contingency.cap.to_core("contingency.cap")?,
            })
        })?;
        Ok(AssessmentPolicy {
            contingency,
            low_spending_fraction: self
                .low_spending_fraction
                .to_core("low_spending_fraction")?,
            debt_administration_fee: self
                .debt_administration_fee
                .to_core("debt_administration_fee")?,
            rounding: rounding_mode_of(self.rounding, "rounding")?,
        })
    }
}

/// Fills `*out` with the core's default policy: no contingency, a low-spending fraction of 0.5, no
/// debt administration fee, half-up rounding.
///
/// # Safety
/// `out` is NULL or points to a writable `coll_assessment_policy`.
#[no_mangle]
pub unsafe extern "C" fn coll_assessment_policy_init(
    out: *mut coll_assessment_policy,
) -> coll_status {
    boundary(|| {
        // SAFETY: the caller's contract.
        let out = unsafe { ptr::out(out, "out")? };
        let p = AssessmentPolicy::default();
        let zero = coll_decimal::from_core(Decimal::ZERO);
        out.write(coll_assessment_policy {
            has_contingency: 0,
            contingency: coll_contingency {
                percent: zero,
                cap: zero,
            },
            low_spending_fraction: coll_decimal::from_core(p.low_spending_fraction),
            debt_administration_fee: coll_decimal::from_core(p.debt_administration_fee),
            rounding: rounding_mode_constant(p.rounding),
        });
        Ok(())
    })
}

/// Fills `*out` with the contingency allowance of Scotland's Common Financial Tool: 10% of the
/// surplus (0.10), at most 20 a month.
///
/// # Safety
/// `out` is NULL or points to a writable `coll_contingency`.
#[no_mangle]
pub unsafe extern "C" fn coll_contingency_common_financial_tool(
    out: *mut coll_contingency,
) -> coll_status {
    boundary(|| {
        // SAFETY: the caller's contract.
        let out = unsafe { ptr::out(out, "out")? };
        let c = Contingency::common_financial_tool();
        out.write(coll_contingency {
            percent: coll_decimal::from_core(c.percent),
            cap: coll_decimal::from_core(c.cap),
        });
        Ok(())
    })
}

/// Assesses `statement` against `guidelines` (NULL: none, every cost as stated is allowed), using the
/// table in force on the statement's date, under `policy` (NULL: the defaults of
/// `coll_assessment_policy_init`). Allowable expenditure is the fixed and flexible costs as stated,
/// except that the categories a guideline covers are allowed by its rule (in full, the lesser of
/// spending and the standard, or as spent with a trigger figure that only flags); a guideline with no
/// row for the household is noted and allows what was spent. Then surplus = income - allowable
/// expenditure - savings - fee - priority debts, the contingency from a positive surplus, and the
/// disposable income.
///
/// Fails, naming the field: `COLL_INVALID_ARGUMENT` (`date`: the statement is dated before every
/// table, or after the `until` of the table it falls under; `guidelines`: rows of one guideline
/// matching the household with different rules; `contingency.percent`, `low_spending_fraction`: not
/// a fraction from 0 to 1; `contingency.cap`, `debt_administration_fee`: negative;
/// `debt_administration_fee` finer than the currency's minor units; `has_contingency` not 0 or 1;
/// `rounding` unknown), `COLL_INVALID_DECIMAL` (a policy field), `COLL_OVERFLOW`.
///
/// Ownership: the inputs are borrowed for the call. On success `*out` is a new handle the caller owns
/// and frees with `coll_assessment_free`.
///
/// # Safety
/// `statement` is NULL or a live handle; `guidelines` is NULL or a live handle; `policy` is NULL or
/// readable; `out` is NULL or points to a writable `coll_assessment *`.
#[no_mangle]
pub unsafe extern "C" fn coll_assess(
    statement: *const coll_statement,
    guidelines: *const coll_guidelines,
    policy: *const coll_assessment_policy,
    out: *mut *mut coll_assessment,
) -> coll_status {
    boundary(|| {
        // SAFETY: the caller's contract.
        let (s, policy, out) = unsafe {
            (
                ptr::handle(statement, "statement")?,
                ptr::read_optional(policy),
                ptr::out(out, "out")?,
            )
        };
        let g = if guidelines.is_null() {
            None
        } else {
            // SAFETY: a live handle by the caller's contract.
            Some(unsafe { ptr::handle(guidelines, "guidelines")? })
        };
        let policy = match policy {
            Some(p) => p.to_core()?,
            None => AssessmentPolicy::default(),
        };
        let inner = assess(&s.inner, g.map(|g| &g.inner), &policy)?;
        out.write(into_handle(inner)?);
        Ok(())
    })
}

/// Frees an assessment (and the text it lent). NULL is a no-op.
///
/// # Safety
/// `assessment` is NULL or a handle from this library that has not been freed.
#[no_mangle]
pub unsafe extern "C" fn coll_assessment_free(assessment: *mut coll_assessment) {
    // SAFETY: the caller's contract.
    unsafe { ptr::free_handle(assessment) }
}

/// A copy of an assessment, freed separately with `coll_assessment_free`.
///
/// Ownership: on success `*out` is a new handle the caller owns; the copy lends text of its own.
///
/// # Safety
/// `assessment` is NULL or a live handle; `out` is NULL or points to a writable `coll_assessment *`.
#[no_mangle]
pub unsafe extern "C" fn coll_assessment_clone(
    assessment: *const coll_assessment,
    out: *mut *mut coll_assessment,
) -> coll_status {
    // SAFETY: the caller's contract.
    unsafe {
        ptr::read_handle(assessment, "assessment", out, |a| {
            into_handle(a.inner.clone())
        })
    }
}

/// The figures (income, expenditure, allowable expenditure, surplus, contingency, disposable income,
/// ...) in `*out`, the table's name lent by the assessment.
///
/// # Safety
/// `assessment` is NULL or a live handle; `out` is NULL or points to a writable
/// `coll_assessment_figures`.
#[no_mangle]
pub unsafe extern "C" fn coll_assessment_get_figures(
    assessment: *const coll_assessment,
    out: *mut coll_assessment_figures,
) -> coll_status {
    // SAFETY: the caller's contract.
    unsafe {
        ptr::read_handle(assessment, "assessment", out, |a| {
            let i = &a.inner;
            let d = coll_decimal::from_core;
            Ok(coll_assessment_figures {
                date: coll_date::from_core(i.date),
                currency: coll_currency::from_core(i.currency),
                table: a.table.as_ref().map_or(std::ptr::null(), Text::ptr),
                table_len: a.table.as_ref().map_or(0, Text::len),
                income: d(i.income),
                fixed_costs: d(i.fixed_costs),
                flexible_costs: d(i.flexible_costs),
                expenditure: d(i.expenditure),
                allowable_expenditure: d(i.allowable_expenditure),
                savings: d(i.savings),
                priority_debts: d(i.priority_debts),
                debt_administration_fee: d(i.debt_administration_fee),
                surplus: d(i.surplus),
                contingency: d(i.contingency),
                disposable_income: d(i.disposable_income),
                max_affordable_payment: d(i.max_affordable_payment()),
                is_deficit: u8::from(i.is_deficit()),
            })
        })
    }
}

/// The number of guidelines applied (one per guideline with a row for the household, in the order
/// the table first names them).
///
/// # Safety
/// `assessment` is NULL or a live handle; `out` is NULL or points to a writable `size_t`.
#[no_mangle]
pub unsafe extern "C" fn coll_assessment_guideline_count(
    assessment: *const coll_assessment,
    out: *mut usize,
) -> coll_status {
    // SAFETY: the caller's contract.
    unsafe {
        ptr::read_handle(assessment, "assessment", out, |a| {
            Ok(a.inner.guidelines.len())
        })
    }
}

/// Guideline `index` as applied, in `*out` (its text and categories lent by the assessment). Past
/// the end: `COLL_INVALID_ARGUMENT` naming `index`.
///
/// # Safety
/// `assessment` is NULL or a live handle; `out` is NULL or points to a writable `coll_guideline_use`.
#[no_mangle]
pub unsafe extern "C" fn coll_assessment_guideline_at(
    assessment: *const coll_assessment,
    index: usize,
    out: *mut coll_guideline_use,
) -> coll_status {
    // SAFETY: the caller's contract.
    unsafe {
        ptr::read_handle(assessment, "assessment", out, |a| {
            let uses = &a.inner.guidelines;
            let (u, text) = uses
                .iter()
                .zip(&a.uses)
                .nth(index)
                .ok_or_else(|| bad_index("index", index, uses.len()))?;
            Ok(coll_guideline_use {
                guideline: text.guideline.ptr(),
                guideline_len: text.guideline.len(),
                rule: RULES.constant(u.rule)?,
                categories: text.categories.as_ptr(),
                n_categories: text.categories.len(),
                actual: coll_decimal::from_core(u.actual),
                standard: coll_decimal::from_core(u.standard),
                allowed: coll_decimal::from_core(u.allowed),
                derivation: text.derivation.ptr(),
                derivation_len: text.derivation.len(),
                n_marks: text.marks.len(),
            })
        })
    }
}

/// Verification mark `mark` (`"T"`) of guideline `index`'s rows, lent by the assessment
/// (NUL-terminated) in `*out_mark`, its length in bytes in `*out_len`. Past the end:
/// `COLL_INVALID_ARGUMENT` naming `index` or `mark`.
///
/// # Safety
/// `assessment` is NULL or a live handle; `out_mark` is NULL or points to a writable `const char *`;
/// `out_len` is NULL or points to a writable `size_t`.
#[no_mangle]
pub unsafe extern "C" fn coll_assessment_guideline_mark_at(
    assessment: *const coll_assessment,
    index: usize,
    mark: usize,
    out_mark: *mut *const c_char,
    out_len: *mut usize,
) -> coll_status {
    boundary(|| {
        // SAFETY: the caller's contract.
        let (a, out_mark, out_len) = unsafe {
            (
                ptr::handle(assessment, "assessment")?,
                ptr::out(out_mark, "out_mark")?,
                ptr::out(out_len, "out_len")?,
            )
        };
        let text = a
            .uses
            .get(index)
            .ok_or_else(|| bad_index("index", index, a.uses.len()))?;
        let m = text
            .marks
            .get(mark)
            .ok_or_else(|| bad_index("mark", mark, text.marks.len()))?;
        out_mark.write(m.ptr());
        out_len.write(m.len());
        Ok(())
    })
}

/// The number of flags of unusually high or low spending.
///
/// # Safety
/// `assessment` is NULL or a live handle; `out` is NULL or points to a writable `size_t`.
#[no_mangle]
pub unsafe extern "C" fn coll_assessment_flag_count(
    assessment: *const coll_assessment,
    out: *mut usize,
) -> coll_status {
    // SAFETY: the caller's contract.
    unsafe { ptr::read_handle(assessment, "assessment", out, |a| Ok(a.inner.flags.len())) }
}

/// Flag `index` in `*out` (its text and categories lent by the assessment). Past the end:
/// `COLL_INVALID_ARGUMENT` naming `index`.
///
/// # Safety
/// `assessment` is NULL or a live handle; `out` is NULL or points to a writable
/// `coll_assessment_flag`.
#[no_mangle]
pub unsafe extern "C" fn coll_assessment_flag_at(
    assessment: *const coll_assessment,
    index: usize,
    out: *mut coll_assessment_flag,
) -> coll_status {
    // SAFETY: the caller's contract.
    unsafe {
        ptr::read_handle(assessment, "assessment", out, |a| {
            let flags = &a.inner.flags;
            let (f, text) = flags
                .iter()
                .zip(&a.flags)
                .nth(index)
                .ok_or_else(|| bad_index("index", index, flags.len()))?;
            Ok(coll_assessment_flag {
                guideline: text.guideline.ptr(),
                guideline_len: text.guideline.len(),
                categories: text.categories.as_ptr(),
                n_categories: text.categories.len(),
                kind: FLAG_KINDS.constant(f.kind)?,
                actual: coll_decimal::from_core(f.actual),
                standard: coll_decimal::from_core(f.standard),
                difference: coll_decimal::from_core(f.difference),
            })
        })
    }
}

/// The number of lines of the derivation: each item normalized, notes, each guideline applied, then
/// the totals (income, expenditure, allowable expenditure, surplus, contingency when the policy has
/// one, disposable income).
///
/// # Safety
/// `assessment` is NULL or a live handle; `out` is NULL or points to a writable `size_t`.
#[no_mangle]
pub unsafe extern "C" fn coll_assessment_line_count(
    assessment: *const coll_assessment,
    out: *mut usize,
) -> coll_status {
    // SAFETY: the caller's contract.
    unsafe { ptr::read_handle(assessment, "assessment", out, |a| Ok(a.inner.lines.len())) }
}

/// Line `index` of the derivation in `*out` (its text lent by the assessment). Past the end:
/// `COLL_INVALID_ARGUMENT` naming `index`.
///
/// # Safety
/// `assessment` is NULL or a live handle; `out` is NULL or points to a writable
/// `coll_assessment_line`.
#[no_mangle]
pub unsafe extern "C" fn coll_assessment_line_at(
    assessment: *const coll_assessment,
    index: usize,
    out: *mut coll_assessment_line,
) -> coll_status {
    // SAFETY: the caller's contract.
    unsafe {
        ptr::read_handle(assessment, "assessment", out, |a| {
            let lines = &a.inner.lines;
            let (line, (label, derivation)) = lines
                .iter()
                .zip(&a.lines)
                .nth(index)
                .ok_or_else(|| bad_index("index", index, lines.len()))?;
            Ok(coll_assessment_line {
                kind: LINE_KINDS.constant(line.kind)?,
                label: label.ptr(),
                label_len: label.len(),
                amount: coll_decimal::from_core(line.amount),
                derivation: derivation.ptr(),
                derivation_len: derivation.len(),
            })
        })
    }
}

/// Writes an optional ratio: `*out_has_value` false and `*out` zero for none.
fn write_ratio(
    ratio: Option<Decimal>,
    out_has_value: ptr::Out<bool>,
    out: ptr::Out<coll_decimal>,
) -> FfiResult {
    out_has_value.write(ratio.is_some());
    out.write(coll_decimal::from_core(ratio.unwrap_or_default()));
    Ok(())
}

/// A proposed monthly `payment` as a fraction of the disposable income (above 1: unaffordable), in
/// `*out`; `*out_has_value` false (and `*out` zero) when there is no disposable income.
///
/// Fails, naming the field: `COLL_INVALID_ARGUMENT` (`payment` negative), `COLL_INVALID_DECIMAL`
/// (`payment`), `COLL_OVERFLOW`.
///
/// # Safety
/// `assessment` is NULL or a live handle; `payment` is NULL or readable; `out_has_value` is NULL or
/// points to a writable `bool`; `out` is NULL or points to a writable `coll_decimal`.
#[no_mangle]
pub unsafe extern "C" fn coll_assessment_affordability_ratio(
    assessment: *const coll_assessment,
    payment: *const coll_decimal,
    out_has_value: *mut bool,
    out: *mut coll_decimal,
) -> coll_status {
    boundary(|| {
        // SAFETY: the caller's contract.
        let (a, payment, has, out) = unsafe {
            (
                ptr::handle(assessment, "assessment")?,
                ptr::read(payment, "payment")?,
                ptr::out(out_has_value, "out_has_value")?,
                ptr::out(out, "out")?,
            )
        };
        let ratio = a.inner.affordability_ratio(payment.to_core("payment")?)?;
        write_ratio(ratio, has, out)
    })
}

/// Monthly debt payments (the priority-debt payments plus what non-priority creditors are paid) as a
/// fraction of monthly income, the debt-to-income ratio, in `*out`; `*out_has_value` false (and
/// `*out` zero) when there is no income.
///
/// Fails, naming the field: `COLL_INVALID_ARGUMENT` (`monthly_debt_payments` negative),
/// `COLL_INVALID_DECIMAL` (`monthly_debt_payments`), `COLL_OVERFLOW`.
///
/// # Safety
/// `assessment` is NULL or a live handle; `monthly_debt_payments` is NULL or readable;
/// `out_has_value` is NULL or points to a writable `bool`; `out` is NULL or points to a writable
/// `coll_decimal`.
#[no_mangle]
pub unsafe extern "C" fn coll_assessment_debt_to_income(
    assessment: *const coll_assessment,
    monthly_debt_payments: *const coll_decimal,
    out_has_value: *mut bool,
    out: *mut coll_decimal,
) -> coll_status {
    boundary(|| {
        // SAFETY: the caller's contract.
        let (a, payments, has, out) = unsafe {
            (
                ptr::handle(assessment, "assessment")?,
                ptr::read(monthly_debt_payments, "monthly_debt_payments")?,
                ptr::out(out_has_value, "out_has_value")?,
                ptr::out(out, "out")?,
            )
        };
        let ratio = a
            .inner
            .debt_to_income(payments.to_core("monthly_debt_payments")?)?;
        write_ratio(ratio, has, out)
    })
}
