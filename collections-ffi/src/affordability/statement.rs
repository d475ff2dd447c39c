//! Income and expenditure statements across the ABI (the core's `affordability::statement`): the
//! household (`coll_household`), the items (`coll_statement_item`), the `coll_statement` handle with
//! each item's monthly amount, and the monthly conversions `coll_to_monthly` / `coll_from_monthly`.

use std::ffi::c_char;

use collections_core::affordability::{from_monthly, to_monthly, Household, Item, Statement};
use collections_core::{Currency, Frequency, RoundingMode};
use rust_decimal::Decimal;

use super::{coll_category, coll_section, text_or_none, CATEGORIES, SECTIONS};
use crate::calendar::{coll_date, coll_frequency};
use crate::debt::{at_item, bad_index, text_or_empty, Text};
use crate::error::{boundary, coll_status, FfiResult};
use crate::money::{
    coll_currency, coll_decimal, coll_rounding_mode, rounding_mode_constant, rounding_mode_of,
};
use crate::ptr;

/// Who lives in the household, as the UK Standard Financial Statement asks, plus what the IRS
/// standards need. At least one adult; at most `COLL_MAX_PERSONS` people counted (adults, children and
/// other dependants); no more people aged 65 or over than are counted. Start from
/// `coll_household_init`. A plain value: the region is read during the call that takes it.
#[repr(C)]
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[allow(non_camel_case_types)]
pub struct coll_household {
    /// Adults (the debtor is one).
    pub adults: u32,
    /// Children under 16.
    pub children_under_16: u32,
    /// Children aged 16 to 18.
    pub children_16_to_18: u32,
    /// Other dependants (counted in the household size).
    pub other_dependants: u32,
    /// Adults who live there and contribute, such as grown-up children (not counted).
    pub non_dependants: u32,
    /// How many of the people counted are aged 65 or over (IRS out-of-pocket health care).
    pub aged_65_or_over: u32,
    /// Vehicles.
    pub vehicles: u32,
    /// The region guideline rows may be keyed by (UTF-8, `region_len` bytes: the IRS operating-cost
    /// regions `northeast`, `midwest`, `south`, `west`, or any name a table of your own uses), or NULL
    /// (with `region_len` 0) for none.
    pub region: *const c_char,
    /// Bytes in `region`.
    pub region_len: usize,
}

/// One line of a statement: a category, an amount (zero or more, at most 10^15, in the statement
/// currency's minor units) and how often it is paid or received, with an optional label ("rent"). A
/// plain value; an item read from a `coll_statement` points to a label owned by the statement.
#[repr(C)]
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[allow(non_camel_case_types)]
pub struct coll_statement_item {
    /// A `COLL_CATEGORY_` constant.
    pub category: coll_category,
    /// The amount as stated.
    pub amount: coll_decimal,
    /// How often.
    pub frequency: coll_frequency,
    /// A free-text label (UTF-8, `label_len` bytes; NULL with 0 for none).
    pub label: *const c_char,
    /// Bytes in `label`.
    pub label_len: usize,
}

/// What a statement is about (`coll_statement_get_info`). The household's region points into the
/// statement (valid until it is freed, NUL-terminated) or is NULL. A plain value.
#[repr(C)]
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[allow(non_camel_case_types)]
pub struct coll_statement_info {
    /// The statement's date (it picks the guideline table in force).
    pub date: coll_date,
    /// The currency of every amount.
    pub currency: coll_currency,
    /// The household.
    pub household: coll_household,
    /// The rounding of the monthly amounts, a `COLL_ROUND_` constant.
    pub rounding: coll_rounding_mode,
}

/// An income and expenditure statement: its date, currency, household and items, each item's amount
/// normalized to monthly. Opaque; made by `coll_statement_new` (or `coll_statement_clone`), freed by
/// `coll_statement_free`. It never changes, so threads may share it.
#[allow(non_camel_case_types)]
#[derive(Debug, Clone)]
pub struct coll_statement {
    pub(crate) inner: Statement,
    /// Per item, its label.
    labels: Vec<Text>,
    /// The household's region.
    region: Option<Text>,
}

impl coll_household {
    /// The core household, built through its constructors (which check it).
    ///
    /// # Safety
    /// `region` is NULL or valid for `region_len` bytes.
    pub(crate) unsafe fn to_core(self) -> FfiResult<Household> {
        // SAFETY: the caller's contract.
        let region = unsafe { text_or_none(self.region, self.region_len, "region")? };
        let mut household =
            Household::new(self.adults, self.children_under_16, self.children_16_to_18)?
                .with_dependants(self.other_dependants, self.non_dependants)?
                .with_aged_65_or_over(self.aged_65_or_over)?
                .with_vehicles(self.vehicles);
        if let Some(r) = region {
            household = household.with_region(r);
        }
        Ok(household)
    }

    /// A household for C, its region lent by `region`.
    fn from_core(h: &Household, region: Option<&Text>) -> coll_household {
        coll_household {
            adults: h.adults(),
            children_under_16: h.children_under_16(),
            children_16_to_18: h.children_16_to_18(),
            other_dependants: h.other_dependants(),
            non_dependants: h.non_dependants(),
            aged_65_or_over: h.aged_65_or_over(),
            vehicles: h.vehicles(),
            region: region.map_or(std::ptr::null(), Text::ptr),
            region_len: region.map_or(0, Text::len),
        }
    }
}

impl coll_statement_item {
    /// The core item (the core checks the amount); conversion errors name `items.<field>`.
    ///
    /// # Safety
    /// `label` is NULL or valid for `label_len` bytes.
    unsafe fn to_core(self) -> FfiResult<Item> {
        // SAFETY: the caller's contract.
        let label = unsafe { text_or_empty(self.label, self.label_len, "items.label")? };
        let item = Item::new(
            CATEGORIES.core(self.category, "items.category")?,
            self.amount.to_core("items.amount")?,
            self.frequency.to_core("items.frequency")?,
        )?;
        Ok(item.with_label(label))
    }
}

fn into_handle(inner: Statement) -> *mut coll_statement {
    let labels = inner.items().iter().map(|i| Text::new(i.label())).collect();
    let region = inner.household().region().map(Text::new);
    ptr::into_handle(coll_statement {
        inner,
        labels,
        region,
    })
}

/// Fills `*out` with a household of `adults` adults and nobody else: no children, dependants or
/// non-dependants, nobody aged 65 or over, no vehicles, no region (NULL, 0). Set the rest.
///
/// # Safety
/// `out` is NULL or points to a writable `coll_household`.
#[no_mangle]
pub unsafe extern "C" fn coll_household_init(adults: u32, out: *mut coll_household) -> coll_status {
    boundary(|| {
        // SAFETY: the caller's contract.
        let out = unsafe { ptr::out(out, "out")? };
        out.write(coll_household {
            adults,
            children_under_16: 0,
            children_16_to_18: 0,
            other_dependants: 0,
            non_dependants: 0,
            aged_65_or_over: 0,
            vehicles: 0,
            region: std::ptr::null(),
            region_len: 0,
        });
        Ok(())
    })
}

/// Checks a household and writes its size to `*out`: adults, children and other dependants (the IRS
/// "persons in household"; non-dependants are not counted).
///
/// Fails, naming the field: `COLL_INVALID_ARGUMENT` (`household`: no adult, zero people, or more than
/// `COLL_MAX_PERSONS`; `aged_65_or_over` above the people counted), `COLL_INVALID_UTF8` (`region`),
/// `COLL_NULL_ARGUMENT` (`region` NULL with a length).
///
/// # Safety
/// `household` is NULL or points to a readable `coll_household` whose region is NULL or valid for its
/// length; `out` is NULL or points to a writable `uint32_t`.
#[no_mangle]
pub unsafe extern "C" fn coll_household_persons(
    household: *const coll_household,
    out: *mut u32,
) -> coll_status {
    boundary(|| {
        // SAFETY: the caller's contract.
        let (household, out) =
            unsafe { (ptr::read(household, "household")?, ptr::out(out, "out")?) };
        // SAFETY: the caller's contract for the region.
        let household = unsafe { household.to_core()? };
        out.write(household.persons());
        Ok(())
    })
}

/// The body of `coll_to_monthly` and `coll_from_monthly`.
///
/// # Safety
/// The pointers are NULL or valid as the two functions say.
unsafe fn conversion(
    amount: *const coll_decimal,
    field: &'static str,
    frequency: *const coll_frequency,
    currency: *const coll_currency,
    rounding: coll_rounding_mode,
    out: *mut coll_decimal,
    convert: fn(Decimal, Frequency, Currency, RoundingMode) -> collections_core::Result<Decimal>,
) -> coll_status {
    boundary(|| {
        // SAFETY: the caller's contract.
        let (amount, frequency, currency, out) = unsafe {
            (
                ptr::read(amount, field)?,
                ptr::read(frequency, "frequency")?,
                ptr::read(currency, "currency")?,
                ptr::out(out, "out")?,
            )
        };
        let value = convert(
            amount.to_core(field)?,
            frequency.to_core("frequency")?,
            currency.to_core("currency")?,
            rounding_mode_of(rounding, "rounding")?,
        )?;
        out.write(coll_decimal::from_core(value));
        Ok(())
    })
}

/// Converts `amount` paid or received at `frequency` to a monthly amount: the amount times the
/// periods in a year, divided by 12 (weekly × 52 / 12, fortnightly × 26 / 12, four-weekly × 13 / 12,
/// semi-monthly × 2, quarterly × 4 / 12, annual ÷ 12), rounded once to `currency`'s minor units with
/// `rounding` (50.00 weekly is 216.67 half-up, 216.66 down). The result always has the currency's
/// minor units (`"100.00"`).
///
/// Fails, naming the field: `COLL_INVALID_ARGUMENT` (`frequency`, `rounding`: an unknown constant),
/// `COLL_INVALID_DECIMAL` (`amount`), `COLL_UNKNOWN_CURRENCY` (`currency`), `COLL_OVERFLOW`.
///
/// # Safety
/// `amount`, `frequency` and `currency` are NULL or readable; `out` is NULL or points to a writable
/// `coll_decimal` (it may be `amount`).
#[no_mangle]
pub unsafe extern "C" fn coll_to_monthly(
    amount: *const coll_decimal,
    frequency: *const coll_frequency,
    currency: *const coll_currency,
    rounding: coll_rounding_mode,
    out: *mut coll_decimal,
) -> coll_status {
    // SAFETY: the caller's contract.
    unsafe {
        conversion(
            amount, "amount", frequency, currency, rounding, out, to_monthly,
        )
    }
}

/// Converts a monthly amount to an amount at `frequency` (monthly × 12 / periods a year), rounded to
/// `currency`'s minor units with `rounding`: the inverse of `coll_to_monthly` (216.67 a month is 50.00
/// a week, half-up).
///
/// Fails, naming the field: `COLL_INVALID_ARGUMENT` (`frequency`, `rounding`), `COLL_INVALID_DECIMAL`
/// (`monthly`), `COLL_UNKNOWN_CURRENCY` (`currency`), `COLL_OVERFLOW` (`amount`).
///
/// # Safety
/// `monthly`, `frequency` and `currency` are NULL or readable; `out` is NULL or points to a writable
/// `coll_decimal` (it may be `monthly`).
#[no_mangle]
pub unsafe extern "C" fn coll_from_monthly(
    monthly: *const coll_decimal,
    frequency: *const coll_frequency,
    currency: *const coll_currency,
    rounding: coll_rounding_mode,
    out: *mut coll_decimal,
) -> coll_status {
    // SAFETY: the caller's contract.
    unsafe {
        conversion(
            monthly,
            "monthly",
            frequency,
            currency,
            rounding,
            out,
            from_monthly,
        )
    }
}

/// A statement dated `date` (the assessment date: it picks the guideline table in force) in
/// `currency`, for `household`, of `n_items` items, each normalized to monthly and rounded to the
/// currency's minor units with `rounding` (`COLL_ROUND_HALF_UP` is the usual choice; SFS examples
/// show both half-up and down). `items` may be NULL when `n_items` is 0.
///
/// Fails, naming the field: `COLL_INVALID_ARGUMENT` (`household`: no adult, zero people or too many;
/// `aged_65_or_over`; `amount`: an item's amount negative or above 10^15; `items`: an amount finer
/// than the currency's minor units, the value naming the item, `#1 housing: 5.001`;
/// `items.category`, `items.frequency`, `rounding`: an unknown constant), `COLL_INVALID_DECIMAL`
/// (`items.amount`), `COLL_INVALID_DATE` (`date`), `COLL_UNKNOWN_CURRENCY` (`currency`),
/// `COLL_INVALID_UTF8` (`items.label`, `region`) or `COLL_OVERFLOW`. An error about one item names it
/// (`#2`) after the field.
///
/// Ownership: every input is borrowed for the call (the statement keeps copies). On success `*out` is
/// a new handle the caller owns and frees with `coll_statement_free`.
///
/// # Safety
/// `currency` and `household` are NULL or readable, the region NULL or valid for its length; `items`
/// is NULL or points to `n_items` readable items whose labels are NULL or valid for their lengths;
/// `out` is NULL or points to a writable `coll_statement *`.
#[no_mangle]
pub unsafe extern "C" fn coll_statement_new(
    date: coll_date,
    currency: *const coll_currency,
    household: *const coll_household,
    items: *const coll_statement_item,
    n_items: usize,
    rounding: coll_rounding_mode,
    out: *mut *mut coll_statement,
) -> coll_status {
    boundary(|| {
        // SAFETY: the caller's contract.
        let (currency, household, items, out) = unsafe {
            (
                ptr::read(currency, "currency")?,
                ptr::read(household, "household")?,
                ptr::read_slice_or_empty(items, n_items, "items")?,
                ptr::out(out, "out")?,
            )
        };
        let date = date.to_core("date")?;
        let currency = currency.to_core("currency")?;
        // SAFETY: the caller's contract for the region.
        let household = unsafe { household.to_core()? };
        let items = items
            .iter()
            .enumerate()
            .map(|(i, item)| {
                // SAFETY: the caller's contract for each label.
                unsafe { item.to_core() }.map_err(|f| at_item(f, &format!("#{i}")))
            })
            .collect::<FfiResult<Vec<_>>>()?;
        let rounding = rounding_mode_of(rounding, "rounding")?;
        let inner = Statement::with_rounding(date, currency, household, items, rounding)?;
        out.write(into_handle(inner));
        Ok(())
    })
}

/// Frees a statement (and the labels and region it lent). NULL is a no-op.
///
/// # Safety
/// `statement` is NULL or a handle from this library that has not been freed.
#[no_mangle]
pub unsafe extern "C" fn coll_statement_free(statement: *mut coll_statement) {
    // SAFETY: the caller's contract.
    unsafe { ptr::free_handle(statement) }
}

/// A copy of a statement, freed separately with `coll_statement_free`.
///
/// Ownership: on success `*out` is a new handle the caller owns; the copy lends text of its own.
///
/// # Safety
/// `statement` is NULL or a live handle; `out` is NULL or points to a writable `coll_statement *`.
#[no_mangle]
pub unsafe extern "C" fn coll_statement_clone(
    statement: *const coll_statement,
    out: *mut *mut coll_statement,
) -> coll_status {
    // SAFETY: the caller's contract.
    unsafe {
        ptr::read_handle(statement, "statement", out, |s| {
            Ok(into_handle(s.inner.clone()))
        })
    }
}

/// The statement's date, currency, household (its region lent by the statement) and rounding, in
/// `*out`.
///
/// # Safety
/// `statement` is NULL or a live handle; `out` is NULL or points to a writable `coll_statement_info`.
#[no_mangle]
pub unsafe extern "C" fn coll_statement_get_info(
    statement: *const coll_statement,
    out: *mut coll_statement_info,
) -> coll_status {
    // SAFETY: the caller's contract.
    unsafe {
        ptr::read_handle(statement, "statement", out, |s| {
            Ok(coll_statement_info {
                date: coll_date::from_core(s.inner.date()),
                currency: coll_currency::from_core(s.inner.currency()),
                household: coll_household::from_core(s.inner.household(), s.region.as_ref()),
                rounding: rounding_mode_constant(s.inner.rounding()),
            })
        })
    }
}

/// The number of items.
///
/// # Safety
/// `statement` is NULL or a live handle; `out` is NULL or points to a writable `size_t`.
#[no_mangle]
pub unsafe extern "C" fn coll_statement_item_count(
    statement: *const coll_statement,
    out: *mut usize,
) -> coll_status {
    // SAFETY: the caller's contract.
    unsafe { ptr::read_handle(statement, "statement", out, |s| Ok(s.inner.items().len())) }
}

/// Item `index` as stated in `*out_item` (its label lent by the statement, NUL-terminated) and its
/// monthly amount in `*out_monthly`. Past the end: `COLL_INVALID_ARGUMENT` naming `index`.
///
/// # Safety
/// `statement` is NULL or a live handle; `out_item` is NULL or points to a writable
/// `coll_statement_item`; `out_monthly` is NULL or points to a writable `coll_decimal`.
#[no_mangle]
pub unsafe extern "C" fn coll_statement_item_at(
    statement: *const coll_statement,
    index: usize,
    out_item: *mut coll_statement_item,
    out_monthly: *mut coll_decimal,
) -> coll_status {
    boundary(|| {
        // SAFETY: the caller's contract.
        let (s, out_item, out_monthly) = unsafe {
            (
                ptr::handle(statement, "statement")?,
                ptr::out(out_item, "out_item")?,
                ptr::out(out_monthly, "out_monthly")?,
            )
        };
        let items = s.inner.items();
        let ((item, monthly), label) = items
            .iter()
            .zip(s.inner.monthly_amounts())
            .zip(&s.labels)
            .nth(index)
            .ok_or_else(|| bad_index("index", index, items.len()))?;
        out_item.write(coll_statement_item {
            category: CATEGORIES.constant(item.category())?,
            amount: coll_decimal::from_core(item.amount()),
            frequency: coll_frequency::from_core(item.frequency())?,
            label: label.ptr(),
            label_len: label.len(),
        });
        out_monthly.write(coll_decimal::from_core(*monthly));
        Ok(())
    })
}

/// The monthly total of one category (the sum of its items' rounded monthly amounts; zero when it has
/// none) in `*out`. An unknown number gives `COLL_INVALID_ARGUMENT` naming `category`.
///
/// # Safety
/// `statement` is NULL or a live handle; `out` is NULL or points to a writable `coll_decimal`.
#[no_mangle]
pub unsafe extern "C" fn coll_statement_monthly(
    statement: *const coll_statement,
    category: coll_category,
    out: *mut coll_decimal,
) -> coll_status {
    // SAFETY: the caller's contract.
    unsafe {
        ptr::read_handle(statement, "statement", out, |s| {
            let category = CATEGORIES.core(category, "category")?;
            Ok(coll_decimal::from_core(s.inner.monthly(category)))
        })
    }
}

/// The monthly total of a section (income, fixed costs, ...) in `*out`. An unknown number gives
/// `COLL_INVALID_ARGUMENT` naming `section`.
///
/// # Safety
/// `statement` is NULL or a live handle; `out` is NULL or points to a writable `coll_decimal`.
#[no_mangle]
pub unsafe extern "C" fn coll_statement_section_total(
    statement: *const coll_statement,
    section: coll_section,
    out: *mut coll_decimal,
) -> coll_status {
    // SAFETY: the caller's contract.
    unsafe {
        ptr::read_handle(statement, "statement", out, |s| {
            let section = SECTIONS.core(section, "section")?;
            Ok(coll_decimal::from_core(s.inner.section_total(section)))
        })
    }
}
