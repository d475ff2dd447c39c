//! Income and expenditure statements: `Household`, `Item`, `Statement`, and the monthly conversions
//! `to_monthly` / `from_monthly` (over the core's `affordability::statement`).

use collections_core::affordability::{
    self as core, Category, Household, Item, Section, Statement,
};
use collections_core::{Error, Frequency, RoundingMode};
use pyo3::prelude::*;
use pyo3::types::{PyString, PyTuple};
use rust_decimal::Decimal;

use crate::calendar::frequency_arg;
use crate::convert::{date_arg, decimal_arg, decimal_out, int_arg, items_arg, str_arg, wrong_type};
use crate::debt::{name_arg, rounding_arg, value_class, Dict};
use crate::errors::CoreResultExt;
use crate::money::currency_arg;

/// A household built through the core's constructors (which check it).
#[allow(clippy::too_many_arguments)]
pub fn household(
    adults: u32,
    children_under_16: u32,
    children_16_to_18: u32,
    other_dependants: u32,
    non_dependants: u32,
    aged_65_or_over: u32,
    vehicles: u32,
    region: Option<&str>,
) -> Result<Household, Error> {
    let mut h = Household::new(adults, children_under_16, children_16_to_18)?
        .with_dependants(other_dependants, non_dependants)?
        .with_aged_65_or_over(aged_65_or_over)?
        .with_vehicles(vehicles);
    if let Some(r) = region {
        h = h.with_region(r);
    }
    Ok(h)
}

/// The same household rebuilt through the constructors: the check of a value unpickled (the core's
/// `Household::validate` is private).
fn rebuilt(h: &Household) -> Result<Household, Error> {
    household(
        h.adults(),
        h.children_under_16(),
        h.children_16_to_18(),
        h.other_dependants(),
        h.non_dependants(),
        h.aged_65_or_over(),
        h.vehicles(),
        h.region(),
    )
}

/// An unpickled value that its constructor would not have made.
fn tampered(what: &'static str) -> Error {
    Error::InvalidArgument {
        field: "state",
        value: String::from("<pickled state>"),
        reason: format!("not a valid {what}"),
    }
}

value_class! {
    in "collections_core.affordability"
    /// Who lives in the household, as the UK Standard Financial Statement asks, plus what the IRS
    /// standards need: people aged 65 or over, vehicles, and a region (``None`` for none).
    ///
    /// There must be at least one adult, at most 1,000 people, and no more people aged 65 or over than
    /// adults and other dependants.
    ///
    /// >>> h = Household(2, 1, vehicles=1)
    /// >>> h.persons, h.vehicles, h.region
    /// (3, 1, None)
    "Household" PyHousehold(Household)
    check |h| rebuilt(h).and_then(|r| if r == *h { Ok(()) } else { Err(tampered("Household")) });
    {
        /// Adults.
        adults: |h| h.adults(),
        /// Children under 16.
        children_under_16: |h| h.children_under_16(),
        /// Children aged 16 to 18.
        children_16_to_18: |h| h.children_16_to_18(),
        /// Other dependants.
        other_dependants: |h| h.other_dependants(),
        /// Non-dependants (adults who live there but are not supported).
        non_dependants: |h| h.non_dependants(),
        /// People aged 65 or over.
        aged_65_or_over: |h| h.aged_65_or_over(),
        /// Vehicles.
        vehicles: |h| h.vehicles(),
        /// The region, or ``None``.
        region: |h| h.region(),
    }

    #[new]
    #[pyo3(signature = (adults, children_under_16 = None, children_16_to_18 = None, *,
                        other_dependants = None, non_dependants = None, aged_65_or_over = None,
                        vehicles = None, region = None))]
    #[allow(clippy::too_many_arguments)]
    fn new(
        adults: &Bound<'_, PyAny>,
        children_under_16: Option<&Bound<'_, PyAny>>,
        children_16_to_18: Option<&Bound<'_, PyAny>>,
        other_dependants: Option<&Bound<'_, PyAny>>,
        non_dependants: Option<&Bound<'_, PyAny>>,
        aged_65_or_over: Option<&Bound<'_, PyAny>>,
        vehicles: Option<&Bound<'_, PyAny>>,
        region: Option<&Bound<'_, PyAny>>,
    ) -> PyResult<Self> {
        let count = |obj: Option<&Bound<'_, PyAny>>, field: &'static str| {
            crate::debt::given(obj).map_or(Ok(0), |o| int_arg::<u32>(o, field))
        };
        let region = crate::debt::given(region).map(|r| str_arg(r, "region")).transpose()?;
        household(
            int_arg(adults, "adults")?,
            count(children_under_16, "children_under_16")?,
            count(children_16_to_18, "children_16_to_18")?,
            count(other_dependants, "other_dependants")?,
            count(non_dependants, "non_dependants")?,
            count(aged_65_or_over, "aged_65_or_over")?,
            count(vehicles, "vehicles")?,
            region.as_deref(),
        )
        .or_raise()
        .map(PyHousehold)
    }

    /// Everyone: adults, children, other dependants and non-dependants.
    #[getter]
    fn persons(&self) -> u32 {
        self.0.persons()
    }
}

/// A category by name (the core's field `category` when it is no category).
pub fn category_arg(obj: &Bound<'_, PyAny>) -> PyResult<Category> {
    name_arg(obj, "category")
}

/// An item from its parts, with the core's checks.
pub fn item(
    category: &Bound<'_, PyAny>,
    amount: &Bound<'_, PyAny>,
    frequency: &Bound<'_, PyAny>,
    label: Option<&Bound<'_, PyAny>>,
) -> PyResult<Item> {
    let category = category_arg(category)?;
    let amount = decimal_arg(amount, "amount")?;
    let frequency = frequency_arg(frequency, "frequency")?;
    let item = Item::new(category, amount, frequency).or_raise()?;
    Ok(match crate::debt::given(label) {
        Some(l) => item.with_label(str_arg(l, "label")?),
        None => item,
    })
}

value_class! {
    in "collections_core.affordability"
    /// One line of a statement: a ``category`` (by name: ``'earnings'``, ``'housing'``,
    /// ``'food_and_housekeeping'``, ... see ``CATEGORIES``), an ``amount`` (a Decimal, int or str, zero
    /// or more; floats are refused), how often it is paid or received (a ``Frequency`` or a name:
    /// ``'weekly'``, ``'four-weekly'``, ``'monthly'``, ...) and an optional ``label``.
    ///
    /// >>> Item("housing", "950.00", "monthly", "rent")
    /// Item(category='housing', amount=Decimal('950.00'), frequency='monthly', label='rent')
    "Item" PyItem(Item)
    check |i| Item::new(i.category(), i.amount(), i.frequency()).map(|_| ());
    {
        /// The category's name.
        category: |i| i.category().name(),
        /// The amount as stated.
        amount: |i| i.amount(),
        /// How often, by name.
        frequency: |i| i.frequency().to_string(),
        /// The label ("" if none).
        label: |i| i.label(),
    }

    #[new]
    #[pyo3(signature = (category, amount, frequency, label = None))]
    fn new(
        category: &Bound<'_, PyAny>,
        amount: &Bound<'_, PyAny>,
        frequency: &Bound<'_, PyAny>,
        label: Option<&Bound<'_, PyAny>>,
    ) -> PyResult<Self> {
        item(category, amount, frequency, label).map(PyItem)
    }

    /// The category's section: ``income``, ``fixed_costs``, ``flexible_costs``, ``savings`` or
    /// ``priority_debts``.
    #[getter]
    fn section(&self) -> &'static str {
        self.0.category().section().name()
    }
}

/// An item argument: an `Item`, or a `(category, amount, frequency)` or `(category, amount, frequency,
/// label)` tuple.
pub fn item_arg(obj: &Bound<'_, PyAny>) -> PyResult<Item> {
    if let Ok(i) = obj.cast::<PyItem>() {
        return Ok(i.get().0.clone());
    }
    if let Ok(t) = obj.cast::<PyTuple>() {
        if t.len() == 3 || t.len() == 4 {
            let label = if t.len() == 4 {
                Some(t.get_item(3)?)
            } else {
                None
            };
            return item(
                &t.get_item(0)?,
                &t.get_item(1)?,
                &t.get_item(2)?,
                label.as_ref(),
            );
        }
    }
    Err(wrong_type(
        obj,
        "items",
        "an Item or a (category, amount, frequency) tuple",
    ))
}

/// A statement checked again through its constructor (a value unpickled).
fn check_statement(s: &Statement) -> Result<(), Error> {
    let items = s
        .items()
        .iter()
        .map(|i| {
            Item::new(i.category(), i.amount(), i.frequency()).map(|n| n.with_label(i.label()))
        })
        .collect::<Result<Vec<_>, Error>>()?;
    let again = Statement::with_rounding(
        s.date(),
        s.currency(),
        rebuilt(s.household())?,
        items,
        s.rounding(),
    )?;
    if again == *s {
        Ok(())
    } else {
        Err(tampered("Statement"))
    }
}

value_class! {
    in "collections_core.affordability"
    /// An income and expenditure statement: its ``date`` (which picks the guideline table in force), a
    /// ``currency``, the ``household`` and the ``items`` (``Item``s or ``(category, amount,
    /// frequency)`` tuples), each normalized to monthly and rounded to the currency's minor units with
    /// ``rounding`` (a rounding-mode name, ``'half-up'`` by default).
    ///
    /// >>> s = Statement("2025-06-01", "USD", Household(1), [("earnings", 450, "weekly"), ("housing", 700, "monthly")])
    /// >>> s.monthly_amounts, s.section_total("income")
    /// ([Decimal('1950.00'), Decimal('700.00')], Decimal('1950.00'))
    "Statement" PyStatement(Statement)
    repr |s, _py| Ok(format!(
        "<Statement {} {}, {} persons, {} items>",
        s.0.date(), s.0.currency(), s.0.household().persons(), s.0.items().len()
    ));
    check |s| check_statement(s);
    {
        /// The statement's date.
        date: |s| s.date(),
        /// The currency.
        currency: |s| s.currency(),
        /// The household.
        household: |s| PyHousehold(s.household().clone()),
        /// The items as stated.
        items: |s| s.items().iter().cloned().map(PyItem).collect::<Vec<_>>(),
        /// The rounding of the monthly amounts, by name.
        rounding: |s| s.rounding().name(),
    }

    #[new]
    #[pyo3(signature = (date, currency, household, items, rounding = None))]
    fn new(
        date: &Bound<'_, PyAny>,
        currency: &Bound<'_, PyAny>,
        household: &Bound<'_, PyAny>,
        items: &Bound<'_, PyAny>,
        rounding: Option<&Bound<'_, PyAny>>,
    ) -> PyResult<Self> {
        let date = date_arg(date, "date")?;
        let currency = currency_arg(currency, "currency")?;
        let household = household
            .cast::<PyHousehold>()
            .map(|h| h.get().0.clone())
            .map_err(|_| wrong_type(household, "household", "a Household"))?;
        let items = items_arg(items, "items")?
            .iter()
            .map(item_arg)
            .collect::<PyResult<Vec<_>>>()?;
        let rounding = rounding_arg(rounding, "rounding")?;
        Statement::with_rounding(date, currency, household, items, rounding)
            .or_raise()
            .map(PyStatement)
    }

    /// Each item's monthly amount, in item order.
    #[getter]
    fn monthly_amounts<'py>(&self, py: Python<'py>) -> PyResult<Vec<Bound<'py, PyAny>>> {
        self.0.monthly_amounts().iter().map(|m| decimal_out(py, *m)).collect()
    }

    /// The monthly total of one category (by name).
    fn monthly<'py>(&self, py: Python<'py>, category: &Bound<'py, PyAny>) -> PyResult<Bound<'py, PyAny>> {
        decimal_out(py, self.0.monthly(category_arg(category)?))
    }

    /// The monthly total of a section: ``income``, ``fixed_costs``, ``flexible_costs``, ``savings`` or
    /// ``priority_debts``.
    fn section_total<'py>(&self, py: Python<'py>, section: &Bound<'py, PyAny>) -> PyResult<Bound<'py, PyAny>> {
        let section: Section = name_arg(section, "section")?;
        decimal_out(py, self.0.section_total(section))
    }

    /// Every section's monthly total, by section name.
    #[getter]
    fn section_totals<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        crate::debt::Out::out(
            &Dict(
                Section::ALL
                    .iter()
                    .map(|s| (s.name(), self.0.section_total(*s)))
                    .collect(),
            ),
            py,
        )
    }
}

/// Converts an amount paid at ``frequency`` to a monthly amount in ``currency``'s minor units: the
/// amount times the periods in a year, divided by 12, rounded once with ``rounding`` (half-up by
/// default).
///
/// >>> to_monthly("50.00", "four-weekly", "GBP"), to_monthly("50.00", "weekly", "GBP", "down")
/// (Decimal('54.17'), Decimal('216.66'))
#[pyfunction]
#[pyo3(signature = (amount, frequency, currency, rounding = None))]
pub fn to_monthly<'py>(
    py: Python<'py>,
    amount: &Bound<'py, PyAny>,
    frequency: &Bound<'py, PyAny>,
    currency: &Bound<'py, PyAny>,
    rounding: Option<&Bound<'py, PyAny>>,
) -> PyResult<Bound<'py, PyAny>> {
    let (a, f, c, r) = conversion(amount, frequency, currency, rounding, "amount")?;
    decimal_out(py, core::to_monthly(a, f, c, r).or_raise()?)
}

/// Converts a monthly amount to an amount at ``frequency`` (monthly times 12 divided by the periods
/// in a year), rounded with ``rounding`` (half-up by default): the inverse of ``to_monthly``.
///
/// >>> from_monthly("216.67", "weekly", "GBP")
/// Decimal('50.00')
#[pyfunction]
#[pyo3(signature = (monthly, frequency, currency, rounding = None))]
pub fn from_monthly<'py>(
    py: Python<'py>,
    monthly: &Bound<'py, PyAny>,
    frequency: &Bound<'py, PyAny>,
    currency: &Bound<'py, PyAny>,
    rounding: Option<&Bound<'py, PyAny>>,
) -> PyResult<Bound<'py, PyAny>> {
    let (a, f, c, r) = conversion(monthly, frequency, currency, rounding, "monthly")?;
    decimal_out(py, core::from_monthly(a, f, c, r).or_raise()?)
}

fn conversion(
    amount: &Bound<'_, PyAny>,
    frequency: &Bound<'_, PyAny>,
    currency: &Bound<'_, PyAny>,
    rounding: Option<&Bound<'_, PyAny>>,
    field: &'static str,
) -> PyResult<(Decimal, Frequency, collections_core::Currency, RoundingMode)> {
    Ok((
        decimal_arg(amount, field)?,
        frequency_arg(frequency, "frequency")?,
        currency_arg(currency, "currency")?,
        rounding_arg(rounding, "rounding")?,
    ))
}

/// Every category name, in statement order.
pub fn category_names(py: Python<'_>) -> PyResult<Bound<'_, PyTuple>> {
    PyTuple::new(
        py,
        Category::ALL.iter().map(|c| PyString::new(py, c.name())),
    )
}

/// The items of `obj` (an iterable), each a tuple or list of `len` values (`expected` says what they
/// are, for the error), as tuples.
pub fn pair_items<'py>(
    obj: &Bound<'py, PyAny>,
    field: &'static str,
    lens: std::ops::RangeInclusive<usize>,
    expected: &str,
) -> PyResult<Vec<Bound<'py, PyTuple>>> {
    items_arg(obj, field)?
        .into_iter()
        .map(|item| {
            let tuple = match item.cast::<pyo3::types::PyList>() {
                Ok(list) => list.to_tuple(),
                Err(_) => item
                    .cast::<PyTuple>()
                    .map_err(|_| wrong_type(&item, field, expected))?
                    .clone(),
            };
            if lens.contains(&tuple.len()) {
                Ok(tuple)
            } else {
                Err(wrong_type(&item, field, expected))
            }
        })
        .collect()
}
