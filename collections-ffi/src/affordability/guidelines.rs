//! Guideline tables across the ABI (the core's `affordability::guidelines`): rows keyed by household
//! composition (`coll_guideline_row`), tables in force from an effective date (`coll_guideline_table`)
//! and the `coll_guidelines` handle: the embedded IRS Collection Financial Standards, tables of the
//! caller's own (from structs, JSON or CSV), the table in force on a date, the tables as JSON.

use std::ffi::c_char;

use collections_core::affordability::{GuidelineRow, GuidelineTable, Guidelines};

use super::{
    categories_of, category_constants, coll_category, coll_guideline_rule, coll_guideline_unit,
    date_or_none, text_or_none, NO_DATE, RULES, UNITS,
};
use crate::calendar::coll_date;
use crate::debt::{at_item, bad_index, optional, text_or_empty, Text};
use crate::error::{boundary, coll_status, Failure, FfiResult, COLL_PANIC};
use crate::money::{coll_decimal, write_text};
use crate::ptr;

/// One row of a guideline table: a monthly standard for the households it matches. A row matches a
/// household when every key it sets holds (`min_persons <= persons <= max_persons`, `adults` and
/// `children` equal, `min_vehicles <= vehicles <= max_vehicles`, `region` equal ignoring case); its
/// standard is `(amount + (persons - min_persons) × each_additional_person) × units`, units being the
/// count of its unit in the household, at most `max_units`. A guideline's standard is the sum over its
/// matching rows. Start from `coll_guideline_row_init`. The keys are `uint8_t` `has_` flags, 0 or 1,
/// with their values (a value behind a flag of 0 is not read).
///
/// Ownership: a plain value; its text and categories are read during the call that takes it. A row
/// read from a `coll_guidelines` points to text and categories owned by the guidelines.
#[repr(C)]
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[allow(non_camel_case_types)]
pub struct coll_guideline_row {
    /// The guideline's name (`national_standards`, `food`, ...; UTF-8), not blank.
    pub guideline: *const c_char,
    /// Bytes in `guideline`.
    pub guideline_len: usize,
    /// The categories whose spending the guideline covers (`COLL_CATEGORY_` constants), at least one;
    /// every row of a guideline covers the same ones, and a category belongs to one guideline only.
    pub categories: *const coll_category,
    /// The number of `categories`.
    pub n_categories: usize,
    /// A `COLL_GUIDELINE_RULE_` constant. Default allowed in full.
    pub rule: coll_guideline_rule,
    /// A `COLL_GUIDELINE_UNIT_` constant. Default household.
    pub unit: coll_guideline_unit,
    /// The monthly standard, 0 to 10^15.
    pub amount: coll_decimal,
    /// 1 when `min_persons` is set.
    pub has_min_persons: u8,
    /// The least household size the row applies to.
    pub min_persons: u32,
    /// 1 when `max_persons` is set.
    pub has_max_persons: u8,
    /// The largest household size the row applies to.
    pub max_persons: u32,
    /// 1 when `each_additional_person` is set.
    pub has_each_additional_person: u8,
    /// Added for each person above `min_persons` (IRS: "each additional person"), 0 to 10^15.
    pub each_additional_person: coll_decimal,
    /// 1 when `adults` is set.
    pub has_adults: u8,
    /// Adults, exactly (SFS compositions).
    pub adults: u32,
    /// 1 when `children` is set.
    pub has_children: u8,
    /// Children (under 16 and 16 to 18), exactly.
    pub children: u32,
    /// 1 when `min_vehicles` is set.
    pub has_min_vehicles: u8,
    /// The least number of vehicles.
    pub min_vehicles: u32,
    /// 1 when `max_vehicles` is set.
    pub has_max_vehicles: u8,
    /// The most vehicles.
    pub max_vehicles: u32,
    /// 1 when `max_units` is set.
    pub has_max_units: u8,
    /// The most units counted (IRS vehicles: two, one for a single person).
    pub max_units: u32,
    /// The region (UTF-8), or NULL (with `region_len` 0) for any region.
    pub region: *const c_char,
    /// Bytes in `region`.
    pub region_len: usize,
    /// A verification mark (the IRS tables: `O` official, `T` two sources agree, `U` unverified), or
    /// NULL (with `mark_len` 0) for none.
    pub mark: *const c_char,
    /// Bytes in `mark`.
    pub mark_len: usize,
}

/// A guideline table: rows in force from `effective` (through `until` when `has_until` is 1, else
/// until the next table of the set). Start from `coll_guideline_table_init`.
///
/// Ownership: a plain value; its text and rows are read during the call that takes it. A table read
/// from a `coll_guidelines` (`coll_guidelines_table_at`) points to text and rows owned by the
/// guidelines, and may be passed back to `coll_guidelines_new`.
#[repr(C)]
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[allow(non_camel_case_types)]
pub struct coll_guideline_table {
    /// The table's name (UTF-8), not blank.
    pub name: *const c_char,
    /// Bytes in `name`.
    pub name_len: usize,
    /// The first day it is in force.
    pub effective: coll_date,
    /// 1 when `until` is set, else 0.
    pub has_until: u8,
    /// The last day it is in force, not before `effective`.
    pub until: coll_date,
    /// A citation of its source (UTF-8; NULL with 0 for none).
    pub source: *const c_char,
    /// Bytes in `source`.
    pub source_len: usize,
    /// The rows; NULL when `n_rows` is 0.
    pub rows: *const coll_guideline_row,
    /// The number of `rows`.
    pub n_rows: usize,
}

/// A row's text and categories, kept by the guidelines for the rows they lend.
#[derive(Debug)]
struct LentRow {
    guideline: Text,
    categories: Vec<coll_category>,
    region: Option<Text>,
    mark: Option<Text>,
}

/// A table's text and rows, kept by the guidelines. `rows` points into `text` (heap data that never
/// moves while the guidelines live).
#[derive(Debug)]
struct LentTable {
    name: Text,
    source: Text,
    /// Never read: it owns what `rows` points to.
    #[allow(dead_code)]
    text: Vec<LentRow>,
    rows: Vec<coll_guideline_row>,
}

/// A set of guideline tables, at most one in force on any date from the first table's effective date.
/// Opaque; made by `coll_guidelines_irs`, `coll_guidelines_new`, `coll_guidelines_from_json`,
/// `coll_guidelines_from_csv` or `coll_guidelines_clone`, freed by `coll_guidelines_free`. It never
/// changes, so threads may share it.
#[allow(non_camel_case_types)]
#[derive(Debug)]
pub struct coll_guidelines {
    pub(crate) inner: Guidelines,
    /// Per table, by effective date.
    tables: Vec<LentTable>,
}

fn text_ptr(text: Option<&Text>) -> (*const c_char, usize) {
    text.map_or((std::ptr::null(), 0), |t| (t.ptr(), t.len()))
}

fn lent_row(row: &GuidelineRow) -> FfiResult<LentRow> {
    Ok(LentRow {
        guideline: Text::new(&row.guideline),
        categories: category_constants(&row.categories)?,
        region: row.region.as_deref().map(Text::new),
        mark: row.mark.as_deref().map(Text::new),
    })
}

/// A value and its `has_` flag.
fn has<T: Default>(value: Option<T>) -> (u8, T) {
    value.map_or((0, T::default()), |v| (1, v))
}

fn row_of(row: &GuidelineRow, text: &LentRow) -> FfiResult<coll_guideline_row> {
    let (guideline, guideline_len) = text_ptr(Some(&text.guideline));
    let (region, region_len) = text_ptr(text.region.as_ref());
    let (mark, mark_len) = text_ptr(text.mark.as_ref());
    let (has_min_persons, min_persons) = has(row.min_persons);
    let (has_max_persons, max_persons) = has(row.max_persons);
    let (has_each_additional_person, each) = has(row.each_additional_person);
    let (has_adults, adults) = has(row.adults);
    let (has_children, children) = has(row.children);
    let (has_min_vehicles, min_vehicles) = has(row.min_vehicles);
    let (has_max_vehicles, max_vehicles) = has(row.max_vehicles);
    let (has_max_units, max_units) = has(row.max_units);
    Ok(coll_guideline_row {
        guideline,
        guideline_len,
        categories: text.categories.as_ptr(),
        n_categories: text.categories.len(),
        rule: RULES.constant(row.rule)?,
        unit: UNITS.constant(row.unit)?,
        amount: coll_decimal::from_core(row.amount),
        has_min_persons,
        min_persons,
        has_max_persons,
        max_persons,
        has_each_additional_person,
        each_additional_person: coll_decimal::from_core(each),
        has_adults,
        adults,
        has_children,
        children,
        has_min_vehicles,
        min_vehicles,
        has_max_vehicles,
        max_vehicles,
        has_max_units,
        max_units,
        region,
        region_len,
        mark,
        mark_len,
    })
}

fn lent_table(table: &GuidelineTable) -> FfiResult<LentTable> {
    let text = table
        .rows()
        .iter()
        .map(lent_row)
        .collect::<FfiResult<Vec<_>>>()?;
    let rows = table
        .rows()
        .iter()
        .zip(&text)
        .map(|(row, t)| row_of(row, t))
        .collect::<FfiResult<Vec<_>>>()?;
    Ok(LentTable {
        name: Text::new(table.name()),
        source: Text::new(table.source()),
        text,
        rows,
    })
}

fn handle(inner: Guidelines) -> FfiResult<*mut coll_guidelines> {
    let tables = inner
        .tables()
        .iter()
        .map(lent_table)
        .collect::<FfiResult<Vec<_>>>()?;
    Ok(ptr::into_handle(coll_guidelines { inner, tables }))
}

impl coll_guideline_row {
    /// The core row; conversion errors name `rows.<field>` (the caller adds which row).
    ///
    /// # Safety
    /// The pointers are NULL or valid for their lengths.
    unsafe fn to_core(self) -> FfiResult<GuidelineRow> {
        // SAFETY: the caller's contract.
        let (guideline, categories, region, mark) = unsafe {
            (
                text_or_empty(self.guideline, self.guideline_len, "rows.guideline")?,
                categories_of(self.categories, self.n_categories, "rows.categories")?,
                text_or_none(self.region, self.region_len, "rows.region")?,
                text_or_none(self.mark, self.mark_len, "rows.mark")?,
            )
        };
        let count = |flag: u8, field: &'static str, value: u32| optional(flag, field, || Ok(value));
        Ok(GuidelineRow {
            guideline: guideline.to_string(),
            categories,
            rule: RULES.core(self.rule, "rows.rule")?,
            unit: UNITS.core(self.unit, "rows.unit")?,
            amount: self.amount.to_core("rows.amount")?,
            min_persons: count(
                self.has_min_persons,
                "rows.has_min_persons",
                self.min_persons,
            )?,
            max_persons: count(
                self.has_max_persons,
                "rows.has_max_persons",
                self.max_persons,
            )?,
            each_additional_person: optional(
                self.has_each_additional_person,
                "rows.has_each_additional_person",
                || {
                    self.each_additional_person
                        .to_core("rows.each_additional_person")
                },
            )?,
            adults: count(self.has_adults, "rows.has_adults", self.adults)?,
            children: count(self.has_children, "rows.has_children", self.children)?,
            min_vehicles: count(
                self.has_min_vehicles,
                "rows.has_min_vehicles",
                self.min_vehicles,
            )?,
            max_vehicles: count(
                self.has_max_vehicles,
                "rows.has_max_vehicles",
                self.max_vehicles,
            )?,
            max_units: count(self.has_max_units, "rows.has_max_units", self.max_units)?,
            region: region.map(str::to_string),
            mark: mark.map(str::to_string),
        })
    }
}

impl coll_guideline_table {
    /// The core table, checked by its constructor; conversion errors name `tables.<field>` or
    /// `rows.<field>` and, after the field, the table (`table #1`) and row (`row #0`).
    ///
    /// # Safety
    /// The pointers are NULL or valid for their lengths, the rows' too.
    unsafe fn to_core(self, index: usize) -> FfiResult<GuidelineTable> {
        let convert = || -> FfiResult<_> {
            // SAFETY: the caller's contract.
            let (name, source, rows) = unsafe {
                (
                    text_or_empty(self.name, self.name_len, "tables.name")?,
                    text_or_empty(self.source, self.source_len, "tables.source")?,
                    ptr::read_slice_or_empty(self.rows, self.n_rows, "tables.rows")?,
                )
            };
            let effective = self.effective.to_core("tables.effective")?;
            let until = optional(self.has_until, "tables.has_until", || {
                self.until.to_core("tables.until")
            })?;
            Ok((name, source, rows, effective, until))
        };
        let (name, source, rows, effective, until) =
            convert().map_err(|f| at_item(f, &format!("table #{index}")))?;
        let rows = rows
            .iter()
            .enumerate()
            .map(|(j, row)| {
                // SAFETY: the caller's contract for each row's pointers.
                unsafe { row.to_core() }
                    .map_err(|f| at_item(f, &format!("table #{index} row #{j}")))
            })
            .collect::<FfiResult<Vec<_>>>()?;
        let mut table = GuidelineTable::new(name, effective, rows)?;
        if let Some(until) = until {
            table = table.until(until)?;
        }
        Ok(table.with_source(source))
    }
}

/// Fills `*out` with an empty row: no guideline name or categories (set them), allowed in full, per
/// household, an amount of 0, no keys (it matches every household), no region, no mark.
///
/// # Safety
/// `out` is NULL or points to a writable `coll_guideline_row`.
#[no_mangle]
pub unsafe extern "C" fn coll_guideline_row_init(out: *mut coll_guideline_row) -> coll_status {
    boundary(|| {
        // SAFETY: the caller's contract.
        let out = unsafe { ptr::out(out, "out")? };
        let zero = coll_decimal::from_core(rust_decimal::Decimal::ZERO);
        out.write(coll_guideline_row {
            guideline: std::ptr::null(),
            guideline_len: 0,
            categories: std::ptr::null(),
            n_categories: 0,
            rule: super::COLL_GUIDELINE_RULE_ALLOWED_IN_FULL,
            unit: super::COLL_GUIDELINE_UNIT_HOUSEHOLD,
            amount: zero,
            has_min_persons: 0,
            min_persons: 0,
            has_max_persons: 0,
            max_persons: 0,
            has_each_additional_person: 0,
            each_additional_person: zero,
            has_adults: 0,
            adults: 0,
            has_children: 0,
            children: 0,
            has_min_vehicles: 0,
            min_vehicles: 0,
            has_max_vehicles: 0,
            max_vehicles: 0,
            has_max_units: 0,
            max_units: 0,
            region: std::ptr::null(),
            region_len: 0,
            mark: std::ptr::null(),
            mark_len: 0,
        });
        Ok(())
    })
}

/// Fills `*out` with an empty table: no name (set it), an effective date of `effective`, no `until`,
/// no source, no rows.
///
/// # Safety
/// `out` is NULL or points to a writable `coll_guideline_table`.
#[no_mangle]
pub unsafe extern "C" fn coll_guideline_table_init(
    effective: coll_date,
    out: *mut coll_guideline_table,
) -> coll_status {
    boundary(|| {
        // SAFETY: the caller's contract.
        let out = unsafe { ptr::out(out, "out")? };
        out.write(coll_guideline_table {
            name: std::ptr::null(),
            name_len: 0,
            effective,
            has_until: 0,
            until: NO_DATE,
            source: std::ptr::null(),
            source_len: 0,
            rows: std::ptr::null(),
            n_rows: 0,
        });
        Ok(())
    })
}

/// Guidelines of `n_tables` tables of the caller's own (the UK SFS trigger figures are licensed: none
/// ship). Two tables may not take effect on the same day, and a table with an `until` may not overlap
/// the next one; the tables are kept by effective date.
///
/// Fails, naming the field: `COLL_INVALID_ARGUMENT` (`guidelines`: no table, a blank table name or
/// guideline, a guideline covering no category or other categories than in an earlier row, a category
/// in two guidelines, an amount outside 0 to 10^15, min above max, `until` before `effective`, two
/// tables effective the same day, overlapping tables, the value naming the table and row;
/// `tables.has_until` and the rows' `has_` flags not 0 or 1; `rows.rule`, `rows.unit`,
/// `rows.categories`: an unknown constant), `COLL_INVALID_DATE` (`tables.effective`, `tables.until`),
/// `COLL_INVALID_DECIMAL` (`rows.amount`, `rows.each_additional_person`), `COLL_INVALID_UTF8`
/// (`tables.name`, `tables.source`, `rows.guideline`, `rows.region`, `rows.mark`) or
/// `COLL_NULL_ARGUMENT` (an array or text NULL with a length). A conversion error names the table and
/// row after the field (`rows.rule: table #0 row #2: ...`).
///
/// Ownership: every input is borrowed for the call (copied). On success `*out` is a new handle the
/// caller owns and frees with `coll_guidelines_free`.
///
/// # Safety
/// `tables` is NULL or points to `n_tables` readable tables whose text, rows and the rows' text and
/// categories are NULL or valid for their lengths; `out` is NULL or points to a writable
/// `coll_guidelines *`.
#[no_mangle]
pub unsafe extern "C" fn coll_guidelines_new(
    tables: *const coll_guideline_table,
    n_tables: usize,
    out: *mut *mut coll_guidelines,
) -> coll_status {
    boundary(|| {
        // SAFETY: the caller's contract.
        let (tables, out) = unsafe {
            (
                ptr::read_slice_or_empty(tables, n_tables, "tables")?,
                ptr::out(out, "out")?,
            )
        };
        let tables = tables
            .iter()
            .enumerate()
            // SAFETY: the caller's contract for each table's pointers.
            .map(|(i, t)| unsafe { t.to_core(i) })
            .collect::<FfiResult<Vec<_>>>()?;
        out.write(handle(Guidelines::new(tables)?)?);
        Ok(())
    })
}

/// The US IRS Collection Financial Standards as embedded: the 2024 set (`irs-2024`, effective
/// 2024-04-22) and the 2025 set (`irs-2025`, effective 2025-04-21), each row with its verification
/// mark. Guidelines: `national_standards` (allowed in full; food and housekeeping, personal costs,
/// communications and leisure), `out_of_pocket_health_care` (allowed in full, per person by age
/// band) and, for 2025, `vehicle_ownership` and `vehicle_operating` (the lesser of actual and the
/// standard, per vehicle, at most two; operating costs by region) and `public_transportation`.
/// Housing and utilities standards are set by county and are not embedded.
///
/// Ownership: on success `*out` is a new handle the caller owns and frees with
/// `coll_guidelines_free`.
///
/// # Safety
/// `out` is NULL or points to a writable `coll_guidelines *`.
#[no_mangle]
pub unsafe extern "C" fn coll_guidelines_irs(out: *mut *mut coll_guidelines) -> coll_status {
    boundary(|| {
        // SAFETY: the caller's contract.
        let out = unsafe { ptr::out(out, "out")? };
        out.write(handle(Guidelines::irs())?);
        Ok(())
    })
}

/// The body of the two loaders.
///
/// # Safety
/// `text` is NULL or valid for `len` bytes; `out` is NULL or writable.
unsafe fn load(
    text: *const c_char,
    len: usize,
    out: *mut *mut coll_guidelines,
    parse: fn(&str) -> collections_core::Result<Guidelines>,
) -> coll_status {
    boundary(|| {
        // SAFETY: the caller's contract.
        let (text, out) = unsafe { (ptr::text(text, len, "text")?, ptr::out(out, "out")?) };
        out.write(handle(parse(text)?)?);
        Ok(())
    })
}

/// Guidelines from JSON (`len` bytes of UTF-8): a list of `{"name", "effective", "until"?, "source"?,
/// "rows": [...]}` whose rows have the fields of `coll_guideline_row` (`guideline`, `categories`,
/// `rule` and `unit` by name, `amount` and `each_additional_person` as text, the keys as numbers,
/// `region` and `mark` as text; absent keys unset) — what `coll_guidelines_to_json` writes.
///
/// Fails, naming the field: `COLL_INVALID_ARGUMENT` (`guidelines`: not JSON or not a list of tables,
/// the value giving the line and column, or any rule of `coll_guidelines_new`), `COLL_INVALID_UTF8`
/// (`text`).
///
/// Ownership: `text` is borrowed for the call. On success `*out` is a new handle the caller owns and
/// frees with `coll_guidelines_free`.
///
/// # Safety
/// `text` is NULL or points to `len` readable bytes; `out` is NULL or points to a writable
/// `coll_guidelines *`.
#[no_mangle]
pub unsafe extern "C" fn coll_guidelines_from_json(
    text: *const c_char,
    len: usize,
    out: *mut *mut coll_guidelines,
) -> coll_status {
    // SAFETY: the caller's contract.
    unsafe { load(text, len, out, Guidelines::from_json) }
}

/// Guidelines from CSV (`len` bytes of UTF-8) with a header row. Columns, in any order (the first
/// seven required): `table`, `effective`, `guideline`, `categories` (names separated by `;`), `rule`,
/// `unit`, `amount`, and optional `until`, `source`, `min_persons`, `max_persons`,
/// `each_additional_person`, `adults`, `children`, `min_vehicles`, `max_vehicles`, `max_units`,
/// `region`, `mark`. Rows with the same `table` and `effective` form one table; an empty cell is an
/// unset key.
///
/// Fails, naming the field: `COLL_INVALID_ARGUMENT` (the column at fault, the value giving the line:
/// `effective` empty, `rule` unknown (`line 2: sometimes`), `until` differing within a table, a key
/// that is not a whole number; `guidelines`: a header without a required column, unreadable CSV, or
/// any rule of `coll_guidelines_new`), `COLL_INVALID_DATE` (`effective`, `until`),
/// `COLL_INVALID_DECIMAL` (`amount`, `each_additional_person`), `COLL_INVALID_UTF8` (`text`).
///
/// Ownership: `text` is borrowed for the call. On success `*out` is a new handle the caller owns and
/// frees with `coll_guidelines_free`.
///
/// # Safety
/// `text` is NULL or points to `len` readable bytes; `out` is NULL or points to a writable
/// `coll_guidelines *`.
#[no_mangle]
pub unsafe extern "C" fn coll_guidelines_from_csv(
    text: *const c_char,
    len: usize,
    out: *mut *mut coll_guidelines,
) -> coll_status {
    // SAFETY: the caller's contract.
    unsafe { load(text, len, out, Guidelines::from_csv) }
}

/// The tables as JSON (the format `coll_guidelines_from_json` reads), written into `buf` with a NUL;
/// `*out_len` is its length without the NUL. When `buf_len` is too small: `COLL_BUFFER_TOO_SMALL`,
/// `buf` untouched, `*out_len` the size needed (with the NUL); `buf` may be NULL when `buf_len` is 0,
/// to ask for the size.
///
/// # Safety
/// `guidelines` is NULL or a live handle; `buf` is NULL or points to `buf_len` writable bytes;
/// `out_len` is NULL or points to a writable `size_t`.
#[no_mangle]
pub unsafe extern "C" fn coll_guidelines_to_json(
    guidelines: *const coll_guidelines,
    buf: *mut c_char,
    buf_len: usize,
    out_len: *mut usize,
) -> coll_status {
    boundary(|| {
        // SAFETY: the caller's contract.
        let (g, buf, out_len) = unsafe {
            (
                ptr::handle(guidelines, "guidelines")?,
                ptr::out_slice_or_size_query(buf.cast::<u8>(), buf_len, "buf")?,
                ptr::out(out_len, "out_len")?,
            )
        };
        write_text(&g.inner.to_json(), buf, out_len)
    })
}

/// Frees guidelines (and the text and rows they lent). NULL is a no-op.
///
/// # Safety
/// `guidelines` is NULL or a handle from this library that has not been freed.
#[no_mangle]
pub unsafe extern "C" fn coll_guidelines_free(guidelines: *mut coll_guidelines) {
    // SAFETY: the caller's contract.
    unsafe { ptr::free_handle(guidelines) }
}

/// A copy of the guidelines, freed separately with `coll_guidelines_free`.
///
/// Ownership: on success `*out` is a new handle the caller owns; the copy lends text of its own.
///
/// # Safety
/// `guidelines` is NULL or a live handle; `out` is NULL or points to a writable `coll_guidelines *`.
#[no_mangle]
pub unsafe extern "C" fn coll_guidelines_clone(
    guidelines: *const coll_guidelines,
    out: *mut *mut coll_guidelines,
) -> coll_status {
    // SAFETY: the caller's contract.
    unsafe { ptr::read_handle(guidelines, "guidelines", out, |g| handle(g.inner.clone())) }
}

/// The number of tables.
///
/// # Safety
/// `guidelines` is NULL or a live handle; `out` is NULL or points to a writable `size_t`.
#[no_mangle]
pub unsafe extern "C" fn coll_guidelines_table_count(
    guidelines: *const coll_guidelines,
    out: *mut usize,
) -> coll_status {
    // SAFETY: the caller's contract.
    unsafe {
        ptr::read_handle(guidelines, "guidelines", out, |g| {
            Ok(g.inner.tables().len())
        })
    }
}

/// Table `index` (by effective date) in `*out`: its name, dates, source and rows, all lent by the
/// guidelines (valid until they are freed; text NUL-terminated). Past the end:
/// `COLL_INVALID_ARGUMENT` naming `index`.
///
/// # Safety
/// `guidelines` is NULL or a live handle; `out` is NULL or points to a writable
/// `coll_guideline_table`.
#[no_mangle]
pub unsafe extern "C" fn coll_guidelines_table_at(
    guidelines: *const coll_guidelines,
    index: usize,
    out: *mut coll_guideline_table,
) -> coll_status {
    // SAFETY: the caller's contract.
    unsafe {
        ptr::read_handle(guidelines, "guidelines", out, |g| {
            let tables = g.inner.tables();
            let (table, lent) = tables
                .iter()
                .zip(&g.tables)
                .nth(index)
                .ok_or_else(|| bad_index("index", index, tables.len()))?;
            let (has_until, until) = date_or_none(table.until_date());
            Ok(coll_guideline_table {
                name: lent.name.ptr(),
                name_len: lent.name.len(),
                effective: coll_date::from_core(table.effective()),
                has_until,
                until,
                source: lent.source.ptr(),
                source_len: lent.source.len(),
                rows: if lent.rows.is_empty() {
                    std::ptr::null()
                } else {
                    lent.rows.as_ptr()
                },
                n_rows: lent.rows.len(),
            })
        })
    }
}

/// The index (`coll_guidelines_table_at`) of the table in force on `date` in `*out_index`: the latest
/// to take effect on or before it, unless its `until` has passed.
///
/// Fails, naming the field: `COLL_INVALID_ARGUMENT` (`date`: before every table, or after the `until`
/// of the table it falls under), `COLL_INVALID_DATE` (`date`).
///
/// # Safety
/// `guidelines` is NULL or a live handle; `out_index` is NULL or points to a writable `size_t`.
#[no_mangle]
pub unsafe extern "C" fn coll_guidelines_table_on(
    guidelines: *const coll_guidelines,
    date: coll_date,
    out_index: *mut usize,
) -> coll_status {
    boundary(|| {
        // SAFETY: the caller's contract.
        let (g, out) = unsafe {
            (
                ptr::handle(guidelines, "guidelines")?,
                ptr::out(out_index, "out_index")?,
            )
        };
        let table = g.inner.table_on(date.to_core("date")?)?;
        let index = g
            .inner
            .tables()
            .iter()
            .position(|t| std::ptr::eq(t, table))
            .ok_or_else(|| {
                Failure::new(COLL_PANIC, "the table in force is not in the set (a bug)")
            })?;
        out.write(index);
        Ok(())
    })
}
