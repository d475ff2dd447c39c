//! `collections_core.debt`: late-payment interest, dunning runs, aging, the status lifecycle and the
//! account ledger, over the core's `debt` modules.
//!
//! - [`late_interest`]: `statutory_interest` (EU 2011/7/EU, BGB §288, UK 1998 Act) with `RateTable`s and
//!   its `LateInterest` breakdown; `erpnext_dunning`, `FinanceChargeTerms` (Business Central) and
//!   `average_daily_balance_interest`.
//! - [`dunning`]: `DunningLevel`, `DunningPolicy`, `Invoice` and `dunning_run`, whose `DunningRun` groups
//!   its lines by customer and exports them to Arrow and pandas.
//! - [`aging`]: `AgingRules`, `Account` (aging, charge-off, time-bar), `AccountActivity` (history), and
//!   `age_accounts` over columns, whose `PortfolioAging` exports to Arrow and pandas.
//! - [`status`]: `Status`, `transition`, `StatusChange` and `StatusHistory`.
//! - [`ledger`]: the account ledger: `Terms` (with `LateFeeRule`), `LedgerAccount`, `Event` and the
//!   mutable `Ledger` (post, replay, balances, entries, exports), over `debt::ledger`.
//! - [`reconcile`]: `PaymentRecord`, `Tolerances` and `reconcile` (a `Reconciliation` of matched pairs
//!   and `Discrepancy`s), and `compare_to_expected` (an `ExpectedComparison` of `ExpectedOutcome`s),
//!   each exported to Arrow and pandas.
//!
//! Every class but `Ledger` is an immutable value over a core value: it compares and hashes by that
//! value's JSON (so `Decimal('2.5')` and `Decimal('2.50')` make different values), and it pickles as
//! that JSON, which the core validates again on the way in. `Ledger` is mutable: it compares by its
//! account and events, is not hashable, and pickles as its account and events, replayed on the way in. The compiled names are re-exported by
//! `collections_core/debt.py`.

pub(crate) mod aging;
pub(crate) mod batch;
mod dunning;
mod dunning_many;
mod late_interest;
mod ledger;
mod reconcile;
mod status;
pub(crate) mod table;

use std::str::FromStr;

use chrono::NaiveDate;
use collections_core::{Currency, Error, Money, RoundingMode};
use pyo3::prelude::*;
use pyo3::types::{PyDict, PyString, PyTuple};
use rust_decimal::Decimal;

use crate::convert::{date_out, decimal_arg, decimal_out, describe, str_arg};
use crate::errors::{invalid, raise};
use crate::money::{currency_arg, PyCurrency, PyMoney};

/// A core value (or a field of one) as a Python value.
pub trait Out {
    /// The Python value.
    fn out<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>>;
}

impl Out for Decimal {
    fn out<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        decimal_out(py, *self)
    }
}

impl Out for NaiveDate {
    fn out<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        Ok(date_out(py, *self, "date")?.into_any())
    }
}

impl Out for bool {
    fn out<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        Ok(pyo3::types::PyBool::new(py, *self).to_owned().into_any())
    }
}

macro_rules! out_int {
    ($($t:ty),*) => {
        $(impl Out for $t {
            fn out<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
                Ok(self.into_pyobject(py)?.into_any())
            }
        })*
    };
}
out_int!(i64, u32, u64, usize);

impl Out for str {
    fn out<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        Ok(PyString::new(py, self).into_any())
    }
}

impl Out for String {
    fn out<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        self.as_str().out(py)
    }
}

impl<T: Out + ?Sized> Out for &T {
    fn out<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        (**self).out(py)
    }
}

impl<T: Out> Out for Option<T> {
    fn out<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        match self {
            Some(v) => v.out(py),
            None => Ok(py.None().into_bound(py)),
        }
    }
}

/// A list out as a tuple.
impl<T: Out> Out for Vec<T> {
    fn out<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        let items = self
            .iter()
            .map(|v| v.out(py))
            .collect::<PyResult<Vec<_>>>()?;
        Ok(PyTuple::new(py, items)?.into_any())
    }
}

impl<A: Out, B: Out> Out for (A, B) {
    fn out<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        Ok(PyTuple::new(py, [self.0.out(py)?, self.1.out(py)?])?.into_any())
    }
}

impl<A: Out, B: Out, C: Out> Out for (A, B, C) {
    fn out<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        Ok(PyTuple::new(py, [self.0.out(py)?, self.1.out(py)?, self.2.out(py)?])?.into_any())
    }
}

impl Out for Currency {
    fn out<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        Ok(Bound::new(py, PyCurrency(*self))?.into_any())
    }
}

impl Out for Money {
    fn out<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        Ok(Bound::new(py, PyMoney(*self))?.into_any())
    }
}

/// Pairs out as a `dict` (bucket labels to amounts, say).
#[derive(Debug)]
pub struct Dict<K, V>(pub Vec<(K, V)>);

impl<K: Out, V: Out> Out for Dict<K, V> {
    fn out<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        let d = PyDict::new(py);
        for (k, v) in &self.0 {
            d.set_item(k.out(py)?, v.out(py)?)?;
        }
        Ok(d.into_any())
    }
}

/// The pickled state's text.
pub fn state_text(state: &Bound<'_, PyAny>) -> PyResult<String> {
    str_arg(state, "state")
}

/// A pickled state the core's deserializer refused.
pub fn bad_state(err: &serde_json::Error) -> PyErr {
    invalid("state", "<pickled state>", err.to_string())
}

/// `Name(field=repr(value), ...)` from a class's `to_dict()`.
pub fn dict_repr(name: &str, dict: &Bound<'_, PyDict>) -> PyResult<String> {
    let mut parts = Vec::with_capacity(dict.len());
    for (k, v) in dict.iter() {
        parts.push(format!("{}={}", k.str()?.to_cow()?, v.repr()?.to_cow()?));
    }
    Ok(format!("{name}({})", parts.join(", ")))
}

/// An immutable value class over a core value `$inner` (serde-serializable): a pyclass in
/// `collections_core.debt` (or the module named by a leading `in "module"`) with a getter per field (each computed from `&self.0` by its expression,
/// converted by [`Out`]), `to_dict` by the same names, `__repr__` from `to_dict`, equality and hash by
/// the value's JSON, and pickling as that JSON. `repr |s, py| expr;` replaces the `__repr__` (for a
/// result too long to show whole); `check |v| expr;` runs the core's validation (a `Result<()>`) on a
/// value unpickled, for a type whose deserializer does not validate. Further methods (a constructor,
/// say) follow the fields.
macro_rules! value_class {
    // A class of another module (`in "collections_core.affordability"`).
    (
        in $module:literal
        $(#[$meta:meta])*
        $name:literal $py:ident($inner:ty)
        $(repr |$rs:ident, $rpy:ident| $repr:expr;)?
        $(check |$cv:ident| $check:expr;)?
        {
            $( $(#[$fmeta:meta])* $field:ident: |$r:ident| $expr:expr ),* $(,)?
        }
        $($extra:tt)*
    ) => {
        $(#[$meta])*
        #[pyo3::pyclass(module = $module, name = $name, frozen, eq, hash)]
        #[derive(Debug, Clone)]
        pub struct $py(pub $inner);

        impl $py {
            /// The JSON the value compares, hashes and pickles by (empty if it cannot be written,
            /// which the core's types never refuse).
            fn state(&self) -> String {
                serde_json::to_string(&self.0).unwrap_or_default()
            }
        }

        impl PartialEq for $py {
            fn eq(&self, other: &Self) -> bool {
                self.state() == other.state()
            }
        }

        impl Eq for $py {}

        impl std::hash::Hash for $py {
            fn hash<H: std::hash::Hasher>(&self, state: &mut H) {
                self.state().hash(state);
            }
        }

        impl $crate::debt::Out for $py {
            fn out<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
                Ok(Bound::new(py, self.clone())?.into_any())
            }
        }

        #[pyo3::pymethods]
        impl $py {
            $(
                $(#[$fmeta])*
                #[getter]
                #[allow(clippy::wrong_self_convention)]
                fn $field<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
                    let $r = &self.0;
                    $crate::debt::Out::out(&$expr, py)
                }
            )*

            /// The fields by name.
            fn to_dict<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, pyo3::types::PyDict>> {
                let dict = pyo3::types::PyDict::new(py);
                $({
                    let $r = &self.0;
                    dict.set_item(stringify!($field), $crate::debt::Out::out(&$expr, py)?)?;
                })*
                Ok(dict)
            }

            #[allow(unreachable_code)]
            fn __repr__(&self, py: Python<'_>) -> PyResult<String> {
                $(
                    let ($rs, $rpy) = (self, py);
                    return $repr;
                )?
                $crate::debt::dict_repr($name, &self.to_dict(py)?)
            }

            /// Rebuilds a value from the state ``__reduce__`` gives (its JSON).
            #[classmethod]
            fn _from_state(
                _cls: &Bound<'_, pyo3::types::PyType>,
                state: &Bound<'_, PyAny>,
            ) -> PyResult<Self> {
                let text = $crate::debt::state_text(state)?;
                let value = serde_json::from_str::<$inner>(&text)
                    .map_err(|e| $crate::debt::bad_state(&e))?;
                $({
                    let $cv = &value;
                    $crate::errors::CoreResultExt::or_raise($check)?;
                })?
                Ok($py(value))
            }

            fn __reduce__<'py>(slf: &Bound<'py, Self>) -> PyResult<(Bound<'py, PyAny>, (String,))> {
                Ok((
                    slf.get_type().getattr("_from_state")?,
                    (slf.get().state(),),
                ))
            }

            $($extra)*
        }
    };
    // A class of `collections_core.debt`, the default.
    (
        $(#[$meta:meta])*
        $name:literal $py:ident($inner:ty)
        $($rest:tt)*
    ) => {
        $crate::debt::value_class! {
            in "collections_core.debt"
            $(#[$meta])*
            $name $py($inner)
            $($rest)*
        }
    };
}
pub(crate) use value_class;

/// A name parsed by the core's `FromStr` (the one name rule: case, `_`, `-` and spaces are not
/// significant); a bad name names `field`, whatever the core calls it.
pub fn name_arg<T: FromStr<Err = Error>>(
    obj: &Bound<'_, PyAny>,
    field: &'static str,
) -> PyResult<T> {
    str_arg(obj, field)?
        .parse::<T>()
        .map_err(|e| raise(e.with_field(field)))
}

/// An optional name: `None` (or not given) gives `default`.
pub fn name_or<T: FromStr<Err = Error>>(
    obj: Option<&Bound<'_, PyAny>>,
    field: &'static str,
    default: T,
) -> PyResult<T> {
    match obj {
        Some(o) if !o.is_none() => name_arg(o, field),
        _ => Ok(default),
    }
}

/// A rounding-mode name (``'half-up'`` when not given).
pub fn rounding_arg(obj: Option<&Bound<'_, PyAny>>, field: &'static str) -> PyResult<RoundingMode> {
    name_or(obj, field, RoundingMode::HalfUp)
}

/// An optional argument: `None` and not given are the same.
pub fn given<'a, 'py>(obj: Option<&'a Bound<'py, PyAny>>) -> Option<&'a Bound<'py, PyAny>> {
    obj.filter(|o| !o.is_none())
}

/// An optional decimal (an amount, a rate, a margin).
pub fn opt_decimal(
    obj: Option<&Bound<'_, PyAny>>,
    field: &'static str,
) -> PyResult<Option<Decimal>> {
    given(obj).map(|o| decimal_arg(o, field)).transpose()
}

/// A decimal, or `default` when not given.
pub fn decimal_or(
    obj: Option<&Bound<'_, PyAny>>,
    field: &'static str,
    default: Decimal,
) -> PyResult<Decimal> {
    Ok(opt_decimal(obj, field)?.unwrap_or(default))
}

/// An amount of money: a `Money`, or a `Decimal`/`int`/`str` amount in `currency` (a `Currency` or a
/// code). A `Money` and a different `currency` are a `CurrencyMismatchError`.
pub fn money_arg(
    amount: &Bound<'_, PyAny>,
    currency: Option<&Bound<'_, PyAny>>,
    field: &'static str,
) -> PyResult<Money> {
    let currency = given(currency)
        .map(|c| currency_arg(c, "currency"))
        .transpose()?;
    if let Ok(m) = amount.cast::<PyMoney>() {
        let m = m.get().0;
        return match currency {
            Some(c) if c != m.currency() => Err(raise(Error::CurrencyMismatch {
                field: "currency",
                left: m.currency().to_string(),
                right: c.to_string(),
            })),
            _ => Ok(m),
        };
    }
    let value = decimal_arg(amount, field)?;
    match currency {
        Some(c) => Ok(Money::new(value, c)),
        None => Err(invalid(
            "currency",
            describe(amount),
            format!("{field} is a plain amount: give its currency, or pass a Money"),
        )),
    }
}

/// Registers the classes and functions on the compiled module.
pub fn register(m: &Bound<'_, PyModule>) -> PyResult<()> {
    late_interest::register(m)?;
    dunning::register(m)?;
    dunning_many::register(m)?;
    aging::register(m)?;
    status::register(m)?;
    ledger::register(m)?;
    reconcile::register(m)?;
    Ok(())
}
