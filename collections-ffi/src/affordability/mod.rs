//! Affordability across the ABI (the core's `affordability`): income and expenditure statements,
//! guideline tables, the assessment of what a debtor can afford, fair shares among creditors and plan
//! recommendations. Every rule is the core's; this converts values and maps errors.
//!
//! - this file: the enumerations (categories and their sections, guideline rules and units, flag and
//!   line kinds, offer bases, interest freezing, minimum payments, fallbacks), each with `_from_name`
//!   and `_name`, and the category mapping onto the UK SFS and the US IRS forms;
//! - `statement`: `coll_household`, `coll_statement_item`, the `coll_statement` handle (monthly
//!   normalization with a named rounding), `coll_to_monthly` and `coll_from_monthly`;
//! - `guidelines`: `coll_guideline_row`, `coll_guideline_table` and the `coll_guidelines` handle (the
//!   embedded IRS standards, tables of the caller's own, JSON and CSV);
//! - `assessment`: `coll_assessment_policy`, `coll_assess` into the `coll_assessment` handle (figures,
//!   guidelines applied, flags, the derivation line by line, ratios);
//! - `offers`: `coll_creditor`, `coll_offer_policy`, `coll_fair_share_new` into the `coll_fair_share`
//!   handle;
//! - `recommend`: `coll_plan_debt`, `coll_plan_policy`, `coll_recommend` into the
//!   `coll_recommendations` handle (a plan per debt, or the fallbacks and the reasons).

// In the order the header presents them: a statement, the guidelines it is assessed against, the
// assessment, then what is done with its disposable income.
mod statement;

mod guidelines;

mod assessment;

mod offers;

mod recommend;

pub use assessment::*;
pub use guidelines::*;
pub use offers::*;
pub use recommend::*;
pub use statement::*;

use std::ffi::{c_char, CStr, CString};
use std::sync::OnceLock;

use chrono::NaiveDate;
use collections_core::affordability::{
    Category, FlagKind, FreezeInterest, LineKind, OfferBasis, Rule, Section, Unit,
};

use crate::calendar::coll_date;
use crate::debt::{at_item, CEnum};
use crate::error::{boundary, coll_status, FfiResult};
use crate::ptr;

// Written as numbers: cbindgen cannot follow a constant into the core (the unit tests check them).
/// The most people a household may have (`coll_household`).
pub const COLL_MAX_PERSONS: u32 = 1_000;

/// The longest plan a `coll_plan_policy` may allow, in months (100 years).
pub const COLL_MAX_TERM_MONTHS: u32 = 1_200;

/// A statement category: one of the `COLL_CATEGORY_` constants. The set follows the UK Standard
/// Financial Statement's groups, split where the US IRS Collection Financial Standards treat parts
/// differently, so one statement maps onto both (`coll_category_sfs_group`, `coll_category_irs_line`).
#[allow(non_camel_case_types)]
pub type coll_category = u32;

/// Income: earnings (wages and salaries; net business income for the self-employed).
pub const COLL_CATEGORY_EARNINGS: coll_category = 0;
/// Income: benefits and tax credits (IRS: social security, other income).
pub const COLL_CATEGORY_BENEFITS: coll_category = 1;
/// Income: pensions.
pub const COLL_CATEGORY_PENSIONS: coll_category = 2;
/// Income: other income (maintenance, lodgers, student loans; child support and alimony received,
/// rental income, interest and dividends).
pub const COLL_CATEGORY_OTHER_INCOME: coll_category = 3;
/// Fixed costs: home and contents (rent or mortgage, property taxes, insurance).
pub const COLL_CATEGORY_HOUSING: coll_category = 4;
/// Fixed costs: utilities (gas, electricity, fuel, telephone, internet).
pub const COLL_CATEGORY_UTILITIES: coll_category = 5;
/// Fixed costs: water (water, sewer, garbage).
pub const COLL_CATEGORY_WATER: coll_category = 6;
/// Fixed costs: health insurance.
pub const COLL_CATEGORY_HEALTH_INSURANCE: coll_category = 7;
/// Fixed costs: out-of-pocket health care.
pub const COLL_CATEGORY_HEALTH_CARE: coll_category = 8;
/// Fixed costs: care (childcare, adult care; IRS child / dependent care).
pub const COLL_CATEGORY_CARE: coll_category = 9;
/// Fixed costs: vehicle ownership (loan, hire purchase or lease payments).
pub const COLL_CATEGORY_VEHICLE_OWNERSHIP: coll_category = 10;
/// Fixed costs: vehicle operating costs (fuel, insurance, tax, maintenance, parking).
pub const COLL_CATEGORY_VEHICLE_OPERATING: coll_category = 11;
/// Fixed costs: public transport.
pub const COLL_CATEGORY_PUBLIC_TRANSPORT: coll_category = 12;
/// Fixed costs: school costs.
pub const COLL_CATEGORY_SCHOOL: coll_category = 13;
/// Fixed costs: pensions and insurance (term life insurance, retirement contributions).
pub const COLL_CATEGORY_PENSIONS_AND_INSURANCE: coll_category = 14;
/// Fixed costs: professional costs (union dues, professional licences).
pub const COLL_CATEGORY_PROFESSIONAL_COSTS: coll_category = 15;
/// Fixed costs: current taxes (the IRS counts income gross, taxes as an expense; SFS income is net).
pub const COLL_CATEGORY_TAXES: coll_category = 16;
/// Fixed costs: court-ordered payments (child support, alimony, maintenance paid).
pub const COLL_CATEGORY_COURT_ORDERED_PAYMENTS: coll_category = 17;
/// Fixed costs: other essential costs.
pub const COLL_CATEGORY_OTHER_ESSENTIAL_COSTS: coll_category = 18;
/// Flexible costs: communications and leisure.
pub const COLL_CATEGORY_COMMUNICATIONS_AND_LEISURE: coll_category = 19;
/// Flexible costs: food and housekeeping.
pub const COLL_CATEGORY_FOOD_AND_HOUSEKEEPING: coll_category = 20;
/// Flexible costs: personal costs (clothing, personal care).
pub const COLL_CATEGORY_PERSONAL_COSTS: coll_category = 21;
/// A regular savings contribution.
pub const COLL_CATEGORY_SAVINGS_CONTRIBUTION: coll_category = 22;
/// Payments offered to priority creditors (arrears of rent, mortgage, council tax, energy, fines,
/// taxes).
pub const COLL_CATEGORY_PRIORITY_DEBT_PAYMENTS: coll_category = 23;

pub(crate) const CATEGORIES: CEnum<Category> = CEnum {
    prefix: "COLL_CATEGORY_",
    field: "category",
    constants: &[
        (COLL_CATEGORY_EARNINGS, Category::Earnings, c"earnings"),
        (COLL_CATEGORY_BENEFITS, Category::Benefits, c"benefits"),
        (COLL_CATEGORY_PENSIONS, Category::Pensions, c"pensions"),
        (
            COLL_CATEGORY_OTHER_INCOME,
            Category::OtherIncome,
            c"other_income",
        ),
        (COLL_CATEGORY_HOUSING, Category::Housing, c"housing"),
        (COLL_CATEGORY_UTILITIES, Category::Utilities, c"utilities"),
        (COLL_CATEGORY_WATER, Category::Water, c"water"),
        (
            COLL_CATEGORY_HEALTH_INSURANCE,
            Category::HealthInsurance,
            c"health_insurance",
        ),
        (
            COLL_CATEGORY_HEALTH_CARE,
            Category::HealthCare,
            c"health_care",
        ),
        (COLL_CATEGORY_CARE, Category::Care, c"care"),
        (
            COLL_CATEGORY_VEHICLE_OWNERSHIP,
            Category::VehicleOwnership,
            c"vehicle_ownership",
        ),
        (
            COLL_CATEGORY_VEHICLE_OPERATING,
            Category::VehicleOperating,
            c"vehicle_operating",
        ),
        (
            COLL_CATEGORY_PUBLIC_TRANSPORT,
            Category::PublicTransport,
            c"public_transport",
        ),
        (COLL_CATEGORY_SCHOOL, Category::School, c"school"),
        (
            COLL_CATEGORY_PENSIONS_AND_INSURANCE,
            Category::PensionsAndInsurance,
            c"pensions_and_insurance",
        ),
        (
            COLL_CATEGORY_PROFESSIONAL_COSTS,
            Category::ProfessionalCosts,
            c"professional_costs",
        ),
        (COLL_CATEGORY_TAXES, Category::Taxes, c"taxes"),
        (
            COLL_CATEGORY_COURT_ORDERED_PAYMENTS,
            Category::CourtOrderedPayments,
            c"court_ordered_payments",
        ),
        (
            COLL_CATEGORY_OTHER_ESSENTIAL_COSTS,
            Category::OtherEssentialCosts,
            c"other_essential_costs",
        ),
        (
            COLL_CATEGORY_COMMUNICATIONS_AND_LEISURE,
            Category::CommunicationsAndLeisure,
            c"communications_and_leisure",
        ),
        (
            COLL_CATEGORY_FOOD_AND_HOUSEKEEPING,
            Category::FoodAndHousekeeping,
            c"food_and_housekeeping",
        ),
        (
            COLL_CATEGORY_PERSONAL_COSTS,
            Category::PersonalCosts,
            c"personal_costs",
        ),
        (
            COLL_CATEGORY_SAVINGS_CONTRIBUTION,
            Category::SavingsContribution,
            c"savings_contribution",
        ),
        (
            COLL_CATEGORY_PRIORITY_DEBT_PAYMENTS,
            Category::PriorityDebtPayments,
            c"priority_debt_payments",
        ),
    ],
};

/// The part of a statement a category belongs to: one of the `COLL_SECTION_` constants, in the order
/// of the UK Standard Financial Statement.
#[allow(non_camel_case_types)]
pub type coll_section = u32;

/// Income.
pub const COLL_SECTION_INCOME: coll_section = 0;
/// Fixed costs.
pub const COLL_SECTION_FIXED_COSTS: coll_section = 1;
/// Flexible costs (the categories with SFS spending guidelines).
pub const COLL_SECTION_FLEXIBLE_COSTS: coll_section = 2;
/// A regular savings contribution.
pub const COLL_SECTION_SAVINGS: coll_section = 3;
/// Payments offered to priority creditors, deducted before anything is shared among the others.
pub const COLL_SECTION_PRIORITY_DEBTS: coll_section = 4;

pub(crate) const SECTIONS: CEnum<Section> = CEnum {
    prefix: "COLL_SECTION_",
    field: "section",
    constants: &[
        (COLL_SECTION_INCOME, Section::Income, c"income"),
        (
            COLL_SECTION_FIXED_COSTS,
            Section::FixedCosts,
            c"fixed_costs",
        ),
        (
            COLL_SECTION_FLEXIBLE_COSTS,
            Section::FlexibleCosts,
            c"flexible_costs",
        ),
        (COLL_SECTION_SAVINGS, Section::Savings, c"savings"),
        (
            COLL_SECTION_PRIORITY_DEBTS,
            Section::PriorityDebts,
            c"priority_debts",
        ),
    ],
};

/// How a guideline turns what was spent into what is allowed: one of the `COLL_GUIDELINE_RULE_`
/// constants.
#[allow(non_camel_case_types)]
pub type coll_guideline_rule = u32;

/// The standard is allowed whatever was spent (IRS national standards, out-of-pocket health care).
pub const COLL_GUIDELINE_RULE_ALLOWED_IN_FULL: coll_guideline_rule = 0;
/// The lesser of what was spent and the standard (IRS local standards).
pub const COLL_GUIDELINE_RULE_LESSER_OF: coll_guideline_rule = 1;
/// What was spent is allowed; the standard is a trigger figure that only flags (UK SFS).
pub const COLL_GUIDELINE_RULE_TRIGGER: coll_guideline_rule = 2;

pub(crate) const RULES: CEnum<Rule> = CEnum {
    prefix: "COLL_GUIDELINE_RULE_",
    field: "rule",
    constants: &[
        (
            COLL_GUIDELINE_RULE_ALLOWED_IN_FULL,
            Rule::AllowedInFull,
            c"allowed_in_full",
        ),
        (COLL_GUIDELINE_RULE_LESSER_OF, Rule::LesserOf, c"lesser_of"),
        (COLL_GUIDELINE_RULE_TRIGGER, Rule::Trigger, c"trigger"),
    ],
};

/// What a guideline row's amount is per: one of the `COLL_GUIDELINE_UNIT_` constants.
#[allow(non_camel_case_types)]
pub type coll_guideline_unit = u32;

/// The whole household.
pub const COLL_GUIDELINE_UNIT_HOUSEHOLD: coll_guideline_unit = 0;
/// Each person in the household.
pub const COLL_GUIDELINE_UNIT_PERSON: coll_guideline_unit = 1;
/// Each person under 65.
pub const COLL_GUIDELINE_UNIT_PERSON_UNDER_65: coll_guideline_unit = 2;
/// Each person aged 65 or over.
pub const COLL_GUIDELINE_UNIT_PERSON_65_OR_OVER: coll_guideline_unit = 3;
/// Each vehicle (at most the row's `max_units`).
pub const COLL_GUIDELINE_UNIT_VEHICLE: coll_guideline_unit = 4;

pub(crate) const UNITS: CEnum<Unit> = CEnum {
    prefix: "COLL_GUIDELINE_UNIT_",
    field: "unit",
    constants: &[
        (COLL_GUIDELINE_UNIT_HOUSEHOLD, Unit::Household, c"household"),
        (COLL_GUIDELINE_UNIT_PERSON, Unit::Person, c"person"),
        (
            COLL_GUIDELINE_UNIT_PERSON_UNDER_65,
            Unit::PersonUnder65,
            c"person_under_65",
        ),
        (
            COLL_GUIDELINE_UNIT_PERSON_65_OR_OVER,
            Unit::Person65OrOver,
            c"person_65_or_over",
        ),
        (COLL_GUIDELINE_UNIT_VEHICLE, Unit::Vehicle, c"vehicle"),
    ],
};

/// Which way spending stands out from a guideline: one of the `COLL_FLAG_KIND_` constants.
#[allow(non_camel_case_types)]
pub type coll_flag_kind = u32;

/// More than the standard.
pub const COLL_FLAG_KIND_UNUSUALLY_HIGH: coll_flag_kind = 0;
/// Below the policy's low-spending fraction of the standard.
pub const COLL_FLAG_KIND_UNUSUALLY_LOW: coll_flag_kind = 1;

pub(crate) const FLAG_KINDS: CEnum<FlagKind> = CEnum {
    prefix: "COLL_FLAG_KIND_",
    field: "flag",
    constants: &[
        (
            COLL_FLAG_KIND_UNUSUALLY_HIGH,
            FlagKind::UnusuallyHigh,
            c"unusually_high",
        ),
        (
            COLL_FLAG_KIND_UNUSUALLY_LOW,
            FlagKind::UnusuallyLow,
            c"unusually_low",
        ),
    ],
};

/// What a line of an assessment's derivation is about: one of the `COLL_LINE_KIND_` constants.
#[allow(non_camel_case_types)]
pub type coll_line_kind = u32;

/// A statement item normalized to monthly.
pub const COLL_LINE_KIND_ITEM: coll_line_kind = 0;
/// A guideline applied.
pub const COLL_LINE_KIND_GUIDELINE: coll_line_kind = 1;
/// A total or a result.
pub const COLL_LINE_KIND_TOTAL: coll_line_kind = 2;
/// A note (a guideline with no row for the household, ...).
pub const COLL_LINE_KIND_NOTE: coll_line_kind = 3;

pub(crate) const LINE_KINDS: CEnum<LineKind> = CEnum {
    prefix: "COLL_LINE_KIND_",
    field: "line_kind",
    constants: &[
        (COLL_LINE_KIND_ITEM, LineKind::Item, c"item"),
        (COLL_LINE_KIND_GUIDELINE, LineKind::Guideline, c"guideline"),
        (COLL_LINE_KIND_TOTAL, LineKind::Total, c"total"),
        (COLL_LINE_KIND_NOTE, LineKind::Note, c"note"),
    ],
};

/// How a fair-share offer was made: one of the `COLL_OFFER_BASIS_` constants.
#[allow(non_camel_case_types)]
pub type coll_offer_basis = u32;

/// A pro-rata share of what is available.
pub const COLL_OFFER_BASIS_PRO_RATA: coll_offer_basis = 0;
/// A token payment (no surplus, or a share below the minimum).
pub const COLL_OFFER_BASIS_TOKEN: coll_offer_basis = 1;

pub(crate) const OFFER_BASES: CEnum<OfferBasis> = CEnum {
    prefix: "COLL_OFFER_BASIS_",
    field: "basis",
    constants: &[
        (COLL_OFFER_BASIS_PRO_RATA, OfferBasis::ProRata, c"pro_rata"),
        (COLL_OFFER_BASIS_TOKEN, OfferBasis::Token, c"token"),
    ],
};

/// When a plan asks the creditor to freeze interest: one of the `COLL_FREEZE_INTEREST_` constants.
#[allow(non_camel_case_types)]
pub type coll_freeze_interest = u32;

/// Never: a plan whose payment does not cover the interest cannot be afforded.
pub const COLL_FREEZE_INTEREST_NEVER: coll_freeze_interest = 0;
/// When the payment does not cover a month's interest (the balance would never fall).
pub const COLL_FREEZE_INTEREST_WHEN_PAYMENT_BELOW_INTEREST: coll_freeze_interest = 1;
/// Always (a debt management plan, the Debt Arrangement Scheme).
pub const COLL_FREEZE_INTEREST_ALWAYS: coll_freeze_interest = 2;

pub(crate) const FREEZES: CEnum<FreezeInterest> = CEnum {
    prefix: "COLL_FREEZE_INTEREST_",
    field: "freeze_interest",
    constants: &[
        (COLL_FREEZE_INTEREST_NEVER, FreezeInterest::Never, c"never"),
        (
            COLL_FREEZE_INTEREST_WHEN_PAYMENT_BELOW_INTEREST,
            FreezeInterest::WhenPaymentBelowInterest,
            c"when_payment_below_interest",
        ),
        (
            COLL_FREEZE_INTEREST_ALWAYS,
            FreezeInterest::Always,
            c"always",
        ),
    ],
};

/// The kind of a plan policy's least payment per debt: one of the `COLL_MINIMUM_PAYMENT_` constants
/// (the names are the core's `MinimumPayment` tags).
#[allow(non_camel_case_types)]
pub type coll_minimum_payment_kind = u32;

/// A fixed amount (`coll_plan_policy`'s `minimum_payment`; 0: no minimum).
pub const COLL_MINIMUM_PAYMENT_FIXED: coll_minimum_payment_kind = 0;
/// The IRS streamlined installment agreement: the larger of 25 and the balance / 72, rounded up to the
/// cent (IRM 4.20.4.3).
pub const COLL_MINIMUM_PAYMENT_IRS_STREAMLINED: coll_minimum_payment_kind = 1;

/// The kinds of the core's `MinimumPayment` (whose variants carry data, so the table is of kinds).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum MinimumKind {
    Fixed,
    IrsStreamlined,
}

pub(crate) const MINIMUM_KINDS: CEnum<MinimumKind> = CEnum {
    prefix: "COLL_MINIMUM_PAYMENT_",
    field: "minimum_payment_kind",
    constants: &[
        (COLL_MINIMUM_PAYMENT_FIXED, MinimumKind::Fixed, c"fixed"),
        (
            COLL_MINIMUM_PAYMENT_IRS_STREAMLINED,
            MinimumKind::IrsStreamlined,
            c"irs_streamlined",
        ),
    ],
};

/// A way forward when a plan cannot be afforded: one of the `COLL_FALLBACK_` constants (the names are
/// the core's `Fallback` tags).
#[allow(non_camel_case_types)]
pub type coll_fallback_kind = u32;

/// A token payment a month while circumstances are reviewed (`coll_fallback`'s `amount`).
pub const COLL_FALLBACK_TOKEN_PAYMENT: coll_fallback_kind = 0;
/// A breathing space: enforcement, interest and charges paused (`coll_fallback`'s `days`).
pub const COLL_FALLBACK_BREATHING_SPACE: coll_fallback_kind = 1;
/// Forbearance: reduced or no payments with interest frozen (`coll_fallback`'s `months`).
pub const COLL_FALLBACK_FORBEARANCE: coll_fallback_kind = 2;

/// The kinds of the core's `Fallback` (whose variants carry data).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum FallbackKind {
    TokenPayment,
    BreathingSpace,
    Forbearance,
}

pub(crate) const FALLBACK_KINDS: CEnum<FallbackKind> = CEnum {
    prefix: "COLL_FALLBACK_",
    field: "fallback",
    constants: &[
        (
            COLL_FALLBACK_TOKEN_PAYMENT,
            FallbackKind::TokenPayment,
            c"token_payment",
        ),
        (
            COLL_FALLBACK_BREATHING_SPACE,
            FallbackKind::BreathingSpace,
            c"breathing_space",
        ),
        (
            COLL_FALLBACK_FORBEARANCE,
            FallbackKind::Forbearance,
            c"forbearance",
        ),
    ],
};

/// The date of an unset date field (`{0, 0, 0}`, which is no date).
pub(crate) const NO_DATE: coll_date = coll_date {
    year: 0,
    month: 0,
    day: 0,
};

/// An optional date for C: its `has_` flag and the date (`NO_DATE` when there is none).
pub(crate) fn date_or_none(date: Option<NaiveDate>) -> (u8, coll_date) {
    date.map_or((0, NO_DATE), |d| (1, coll_date::from_core(d)))
}

/// Optional text from C: NULL with a length of 0 is none; NULL with a length is `COLL_NULL_ARGUMENT`.
///
/// # Safety
/// `p` is NULL or valid for `len` readable bytes.
pub(crate) unsafe fn text_or_none<'a>(
    p: *const c_char,
    len: usize,
    field: &str,
) -> FfiResult<Option<&'a str>> {
    if p.is_null() && len == 0 {
        return Ok(None);
    }
    // SAFETY: the caller's contract.
    unsafe { ptr::text(p, len, field) }.map(Some)
}

/// A list of categories from C (`field` names the list; an unknown constant names its position).
///
/// # Safety
/// `p` is NULL or valid for `n` readable constants.
pub(crate) unsafe fn categories_of(
    p: *const coll_category,
    n: usize,
    field: &'static str,
) -> FfiResult<Vec<Category>> {
    // SAFETY: the caller's contract.
    let list = unsafe { ptr::read_slice_or_empty(p, n, field)? };
    list.iter()
        .enumerate()
        .map(|(i, c)| {
            CATEGORIES
                .core(*c, field)
                .map_err(|f| at_item(f, &format!("#{i}")))
        })
        .collect()
}

/// The constants of core categories (lent to C as an array kept by a handle).
pub(crate) fn category_constants(categories: &[Category]) -> FfiResult<Vec<coll_category>> {
    categories.iter().map(|c| CATEGORIES.constant(*c)).collect()
}

/// A NUL-terminated copy of static core text (which holds no NUL).
fn c_text(text: &str) -> CString {
    CString::new(text).unwrap_or_default()
}

/// Per category constant (the constants run from 0 in order), its SFS group and IRS line as C
/// strings, made once.
fn category_mapping() -> &'static [(CString, CString)] {
    static MAPPING: OnceLock<Vec<(CString, CString)>> = OnceLock::new();
    MAPPING.get_or_init(|| {
        CATEGORIES
            .constants
            .iter()
            .map(|(_, c, _)| (c_text(c.sfs_group()), c_text(c.irs_line())))
            .collect()
    })
}

/// The `COLL_CATEGORY_` constant named by `name` (`earnings`, `housing`, `food_and_housekeeping`,
/// `priority_debt_payments`, ...: the names of the constants in lower case; case, `-`, `_` and spaces
/// are not significant). Unknown names give `COLL_INVALID_ARGUMENT` naming `category`.
///
/// # Safety
/// `name` is NULL or points to `len` readable bytes; `out` is NULL or points to a writable
/// `coll_category`.
#[no_mangle]
pub unsafe extern "C" fn coll_category_from_name(
    name: *const c_char,
    len: usize,
    out: *mut coll_category,
) -> coll_status {
    // SAFETY: the caller's contract.
    unsafe { CATEGORIES.parse_name_call(name, len, out) }
}

/// The name of a `COLL_CATEGORY_` constant (`"food_and_housekeeping"`) in `*out`. An unknown number
/// gives `COLL_INVALID_ARGUMENT` naming `category`.
///
/// Ownership: `*out` is a static string; never free it.
///
/// # Safety
/// `out` is NULL or points to a writable `const char *`.
#[no_mangle]
pub unsafe extern "C" fn coll_category_name(
    category: coll_category,
    out: *mut *const c_char,
) -> coll_status {
    // SAFETY: the caller's contract.
    unsafe { CATEGORIES.write_name_call(category, out) }
}

/// The section a category belongs to (`COLL_SECTION_INCOME` for `COLL_CATEGORY_EARNINGS`) in `*out`.
/// An unknown number gives `COLL_INVALID_ARGUMENT` naming `category`.
///
/// # Safety
/// `out` is NULL or points to a writable `coll_section`.
#[no_mangle]
pub unsafe extern "C" fn coll_category_section(
    category: coll_category,
    out: *mut coll_section,
) -> coll_status {
    boundary(|| {
        // SAFETY: the caller's contract.
        let out = unsafe { ptr::out(out, "out")? };
        let category = CATEGORIES.core(category, "category")?;
        out.write(SECTIONS.constant(category.section())?);
        Ok(())
    })
}

/// The body of `coll_category_sfs_group` and `coll_category_irs_line`: one column of the mapping.
///
/// # Safety
/// `out` is NULL or writable.
unsafe fn mapping_call(
    category: coll_category,
    out: *mut *const c_char,
    column: fn(&(CString, CString)) -> &CStr,
) -> coll_status {
    boundary(|| {
        // SAFETY: the caller's contract.
        let out = unsafe { ptr::out(out, "out")? };
        let texts = category_mapping()
            .get(category as usize)
            .ok_or_else(|| CATEGORIES.unknown(category, "category"))?;
        out.write(column(texts).as_ptr());
        Ok(())
    })
}

/// The UK Standard Financial Statement group a category belongs to (`"fixed costs: utilities"`) in
/// `*out`. An unknown number gives `COLL_INVALID_ARGUMENT` naming `category`.
///
/// Ownership: `*out` is a static string; never free it.
///
/// # Safety
/// `out` is NULL or points to a writable `const char *`.
#[no_mangle]
pub unsafe extern "C" fn coll_category_sfs_group(
    category: coll_category,
    out: *mut *const c_char,
) -> coll_status {
    // SAFETY: the caller's contract.
    unsafe { mapping_call(category, out, |t| t.0.as_c_str()) }
}

/// The line of the US IRS Collection Information Statements (Form 433-A, "Monthly Household Income
/// and Expense Information"; Form 433-F, "Monthly Household Income" and "Monthly Expenses") a category
/// is reported on (`"public transportation costs"`) in `*out`. An unknown number gives
/// `COLL_INVALID_ARGUMENT` naming `category`.
///
/// Ownership: `*out` is a static string; never free it.
///
/// # Safety
/// `out` is NULL or points to a writable `const char *`.
#[no_mangle]
pub unsafe extern "C" fn coll_category_irs_line(
    category: coll_category,
    out: *mut *const c_char,
) -> coll_status {
    // SAFETY: the caller's contract.
    unsafe { mapping_call(category, out, |t| t.1.as_c_str()) }
}

/// The `COLL_SECTION_` constant named by `name`: `income`, `fixed_costs`, `flexible_costs`, `savings`
/// or `priority_debts`. Unknown names give `COLL_INVALID_ARGUMENT` naming `section`.
///
/// # Safety
/// `name` is NULL or points to `len` readable bytes; `out` is NULL or points to a writable
/// `coll_section`.
#[no_mangle]
pub unsafe extern "C" fn coll_section_from_name(
    name: *const c_char,
    len: usize,
    out: *mut coll_section,
) -> coll_status {
    // SAFETY: the caller's contract.
    unsafe { SECTIONS.parse_name_call(name, len, out) }
}

/// The name of a `COLL_SECTION_` constant (`"fixed_costs"`) in `*out`. An unknown number gives
/// `COLL_INVALID_ARGUMENT` naming `section`.
///
/// Ownership: `*out` is a static string; never free it.
///
/// # Safety
/// `out` is NULL or points to a writable `const char *`.
#[no_mangle]
pub unsafe extern "C" fn coll_section_name(
    section: coll_section,
    out: *mut *const c_char,
) -> coll_status {
    // SAFETY: the caller's contract.
    unsafe { SECTIONS.write_name_call(section, out) }
}

/// The `COLL_GUIDELINE_RULE_` constant named by `name`: `allowed_in_full`, `lesser_of` or `trigger`.
/// Unknown names give `COLL_INVALID_ARGUMENT` naming `rule`.
///
/// # Safety
/// `name` is NULL or points to `len` readable bytes; `out` is NULL or points to a writable
/// `coll_guideline_rule`.
#[no_mangle]
pub unsafe extern "C" fn coll_guideline_rule_from_name(
    name: *const c_char,
    len: usize,
    out: *mut coll_guideline_rule,
) -> coll_status {
    // SAFETY: the caller's contract.
    unsafe { RULES.parse_name_call(name, len, out) }
}

/// The name of a `COLL_GUIDELINE_RULE_` constant (`"lesser_of"`) in `*out`. An unknown number gives
/// `COLL_INVALID_ARGUMENT` naming `rule`.
///
/// Ownership: `*out` is a static string; never free it.
///
/// # Safety
/// `out` is NULL or points to a writable `const char *`.
#[no_mangle]
pub unsafe extern "C" fn coll_guideline_rule_name(
    rule: coll_guideline_rule,
    out: *mut *const c_char,
) -> coll_status {
    // SAFETY: the caller's contract.
    unsafe { RULES.write_name_call(rule, out) }
}

/// The `COLL_GUIDELINE_UNIT_` constant named by `name`: `household`, `person`, `person_under_65`,
/// `person_65_or_over` or `vehicle`. Unknown names give `COLL_INVALID_ARGUMENT` naming `unit`.
///
/// # Safety
/// `name` is NULL or points to `len` readable bytes; `out` is NULL or points to a writable
/// `coll_guideline_unit`.
#[no_mangle]
pub unsafe extern "C" fn coll_guideline_unit_from_name(
    name: *const c_char,
    len: usize,
    out: *mut coll_guideline_unit,
) -> coll_status {
    // SAFETY: the caller's contract.
    unsafe { UNITS.parse_name_call(name, len, out) }
}

/// The name of a `COLL_GUIDELINE_UNIT_` constant (`"person_under_65"`) in `*out`. An unknown number
/// gives `COLL_INVALID_ARGUMENT` naming `unit`.
///
/// Ownership: `*out` is a static string; never free it.
///
/// # Safety
/// `out` is NULL or points to a writable `const char *`.
#[no_mangle]
pub unsafe extern "C" fn coll_guideline_unit_name(
    unit: coll_guideline_unit,
    out: *mut *const c_char,
) -> coll_status {
    // SAFETY: the caller's contract.
    unsafe { UNITS.write_name_call(unit, out) }
}

/// The `COLL_FLAG_KIND_` constant named by `name`: `unusually_high` or `unusually_low`. Unknown names
/// give `COLL_INVALID_ARGUMENT` naming `flag`.
///
/// # Safety
/// `name` is NULL or points to `len` readable bytes; `out` is NULL or points to a writable
/// `coll_flag_kind`.
#[no_mangle]
pub unsafe extern "C" fn coll_flag_kind_from_name(
    name: *const c_char,
    len: usize,
    out: *mut coll_flag_kind,
) -> coll_status {
    // SAFETY: the caller's contract.
    unsafe { FLAG_KINDS.parse_name_call(name, len, out) }
}

/// The name of a `COLL_FLAG_KIND_` constant (`"unusually_high"`) in `*out`. An unknown number gives
/// `COLL_INVALID_ARGUMENT` naming `flag`.
///
/// Ownership: `*out` is a static string; never free it.
///
/// # Safety
/// `out` is NULL or points to a writable `const char *`.
#[no_mangle]
pub unsafe extern "C" fn coll_flag_kind_name(
    kind: coll_flag_kind,
    out: *mut *const c_char,
) -> coll_status {
    // SAFETY: the caller's contract.
    unsafe { FLAG_KINDS.write_name_call(kind, out) }
}

/// The `COLL_LINE_KIND_` constant named by `name`: `item`, `guideline`, `total` or `note`. Unknown
/// names give `COLL_INVALID_ARGUMENT` naming `line_kind`.
///
/// # Safety
/// `name` is NULL or points to `len` readable bytes; `out` is NULL or points to a writable
/// `coll_line_kind`.
#[no_mangle]
pub unsafe extern "C" fn coll_line_kind_from_name(
    name: *const c_char,
    len: usize,
    out: *mut coll_line_kind,
) -> coll_status {
    // SAFETY: the caller's contract.
    unsafe { LINE_KINDS.parse_name_call(name, len, out) }
}

/// The name of a `COLL_LINE_KIND_` constant (`"guideline"`) in `*out`. An unknown number gives
/// `COLL_INVALID_ARGUMENT` naming `line_kind`.
///
/// Ownership: `*out` is a static string; never free it.
///
/// # Safety
/// `out` is NULL or points to a writable `const char *`.
#[no_mangle]
pub unsafe extern "C" fn coll_line_kind_name(
    kind: coll_line_kind,
    out: *mut *const c_char,
) -> coll_status {
    // SAFETY: the caller's contract.
    unsafe { LINE_KINDS.write_name_call(kind, out) }
}

/// The `COLL_OFFER_BASIS_` constant named by `name`: `pro_rata` or `token`. Unknown names give
/// `COLL_INVALID_ARGUMENT` naming `basis`.
///
/// # Safety
/// `name` is NULL or points to `len` readable bytes; `out` is NULL or points to a writable
/// `coll_offer_basis`.
#[no_mangle]
pub unsafe extern "C" fn coll_offer_basis_from_name(
    name: *const c_char,
    len: usize,
    out: *mut coll_offer_basis,
) -> coll_status {
    // SAFETY: the caller's contract.
    unsafe { OFFER_BASES.parse_name_call(name, len, out) }
}

/// The name of a `COLL_OFFER_BASIS_` constant (`"pro_rata"`) in `*out`. An unknown number gives
/// `COLL_INVALID_ARGUMENT` naming `basis`.
///
/// Ownership: `*out` is a static string; never free it.
///
/// # Safety
/// `out` is NULL or points to a writable `const char *`.
#[no_mangle]
pub unsafe extern "C" fn coll_offer_basis_name(
    basis: coll_offer_basis,
    out: *mut *const c_char,
) -> coll_status {
    // SAFETY: the caller's contract.
    unsafe { OFFER_BASES.write_name_call(basis, out) }
}

/// The `COLL_FREEZE_INTEREST_` constant named by `name`: `never`, `when_payment_below_interest` or
/// `always`. Unknown names give `COLL_INVALID_ARGUMENT` naming `freeze_interest`.
///
/// # Safety
/// `name` is NULL or points to `len` readable bytes; `out` is NULL or points to a writable
/// `coll_freeze_interest`.
#[no_mangle]
pub unsafe extern "C" fn coll_freeze_interest_from_name(
    name: *const c_char,
    len: usize,
    out: *mut coll_freeze_interest,
) -> coll_status {
    // SAFETY: the caller's contract.
    unsafe { FREEZES.parse_name_call(name, len, out) }
}

/// The name of a `COLL_FREEZE_INTEREST_` constant (`"always"`) in `*out`. An unknown number gives
/// `COLL_INVALID_ARGUMENT` naming `freeze_interest`.
///
/// Ownership: `*out` is a static string; never free it.
///
/// # Safety
/// `out` is NULL or points to a writable `const char *`.
#[no_mangle]
pub unsafe extern "C" fn coll_freeze_interest_name(
    freeze: coll_freeze_interest,
    out: *mut *const c_char,
) -> coll_status {
    // SAFETY: the caller's contract.
    unsafe { FREEZES.write_name_call(freeze, out) }
}

/// The `COLL_MINIMUM_PAYMENT_` constant named by `name`: `fixed` or `irs_streamlined`. Unknown names
/// give `COLL_INVALID_ARGUMENT` naming `minimum_payment_kind`.
///
/// # Safety
/// `name` is NULL or points to `len` readable bytes; `out` is NULL or points to a writable
/// `coll_minimum_payment_kind`.
#[no_mangle]
pub unsafe extern "C" fn coll_minimum_payment_kind_from_name(
    name: *const c_char,
    len: usize,
    out: *mut coll_minimum_payment_kind,
) -> coll_status {
    // SAFETY: the caller's contract.
    unsafe { MINIMUM_KINDS.parse_name_call(name, len, out) }
}

/// The name of a `COLL_MINIMUM_PAYMENT_` constant (`"irs_streamlined"`) in `*out`. An unknown number
/// gives `COLL_INVALID_ARGUMENT` naming `minimum_payment_kind`.
///
/// Ownership: `*out` is a static string; never free it.
///
/// # Safety
/// `out` is NULL or points to a writable `const char *`.
#[no_mangle]
pub unsafe extern "C" fn coll_minimum_payment_kind_name(
    kind: coll_minimum_payment_kind,
    out: *mut *const c_char,
) -> coll_status {
    // SAFETY: the caller's contract.
    unsafe { MINIMUM_KINDS.write_name_call(kind, out) }
}

/// The `COLL_FALLBACK_` constant named by `name`: `token_payment`, `breathing_space` or
/// `forbearance`. Unknown names give `COLL_INVALID_ARGUMENT` naming `fallback`.
///
/// # Safety
/// `name` is NULL or points to `len` readable bytes; `out` is NULL or points to a writable
/// `coll_fallback_kind`.
#[no_mangle]
pub unsafe extern "C" fn coll_fallback_kind_from_name(
    name: *const c_char,
    len: usize,
    out: *mut coll_fallback_kind,
) -> coll_status {
    // SAFETY: the caller's contract.
    unsafe { FALLBACK_KINDS.parse_name_call(name, len, out) }
}

/// The name of a `COLL_FALLBACK_` constant (`"breathing_space"`) in `*out`. An unknown number gives
/// `COLL_INVALID_ARGUMENT` naming `fallback`.
///
/// Ownership: `*out` is a static string; never free it.
///
/// # Safety
/// `out` is NULL or points to a writable `const char *`.
#[no_mangle]
pub unsafe extern "C" fn coll_fallback_kind_name(
    kind: coll_fallback_kind,
    out: *mut *const c_char,
) -> coll_status {
    // SAFETY: the caller's contract.
    unsafe { FALLBACK_KINDS.write_name_call(kind, out) }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn limits_are_the_cores() {
        use collections_core::affordability::{MAX_PERSONS, MAX_TERM_MONTHS};
        assert_eq!(COLL_MAX_PERSONS, MAX_PERSONS);
        assert_eq!(COLL_MAX_TERM_MONTHS, MAX_TERM_MONTHS);
    }

    #[test]
    fn tables_are_the_cores() {
        CATEGORIES.check(&Category::ALL, Category::name);
        SECTIONS.check(&Section::ALL, Section::name);
        RULES.check(&Rule::ALL, Rule::name);
        UNITS.check(&Unit::ALL, Unit::name);
        FLAG_KINDS.check(&FlagKind::ALL, FlagKind::name);
        let line_kinds: Vec<LineKind> = LINE_KINDS.constants.iter().map(|c| c.1).collect();
        LINE_KINDS.check(&line_kinds, LineKind::name);
        OFFER_BASES.check(&OfferBasis::ALL, OfferBasis::name);
        FREEZES.check(&FreezeInterest::ALL, FreezeInterest::name);
        // Each category's section is the core's, and its mapping texts are there.
        for (constant, category, _) in CATEGORIES.constants {
            assert_eq!(
                SECTIONS.core(SECTIONS.constant(category.section()).unwrap(), "s"),
                Ok(category.section())
            );
            let (sfs, irs) = &category_mapping()[*constant as usize];
            assert_eq!(sfs.to_str().unwrap(), category.sfs_group());
            assert_eq!(irs.to_str().unwrap(), category.irs_line());
        }
    }
}
