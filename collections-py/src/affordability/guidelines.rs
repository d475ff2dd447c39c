//! Guideline tables: `Guidelines` (the embedded IRS Collection Financial Standards, or tables loaded
//! from JSON or CSV) and `GuidelineTable` (over the core's `affordability::guidelines`).

use collections_core::affordability::{GuidelineTable, Guidelines};
use pyo3::prelude::*;

use crate::convert::{date_arg, str_arg, wrong_type};
use crate::debt::value_class;
use crate::errors::CoreResultExt;

value_class! {
    in "collections_core.affordability"
    /// One versioned table of a ``Guidelines``: its ``name``, the date it takes ``effective``, the last
    /// day it applies (``until``, ``None`` until the next table), its ``source`` and how many rows
    /// (``row_count``).
    ///
    /// >>> [(t.name, t.effective.isoformat()) for t in Guidelines.irs().tables]
    /// [('irs-2024', '2024-04-22'), ('irs-2025', '2025-04-21')]
    "GuidelineTable" PyGuidelineTable(GuidelineTable)
    check |t| Guidelines::new(vec![t.clone()]).map(|_| ());
    {
        /// The table's name.
        name: |t| t.name(),
        /// The first day it applies.
        effective: |t| t.effective(),
        /// The last day it applies, or ``None``.
        until: |t| t.until_date(),
        /// Where its figures come from.
        source: |t| t.source(),
        /// How many rows it has.
        row_count: |t| t.rows().len(),
    }
}

value_class! {
    in "collections_core.affordability"
    /// Versioned guideline tables: each row, keyed by household composition, covers categories with a
    /// rule (``allowed_in_full``, ``lesser_of`` or ``trigger``). ``Guidelines.irs()`` gives the embedded
    /// US IRS Collection Financial Standards (2024 and 2025); ``from_json`` and ``from_csv`` load your
    /// own (the formats of the core's ``Guidelines::from_json`` and ``from_csv``); ``to_json`` writes
    /// them back.
    ///
    /// >>> g = Guidelines.irs()
    /// >>> g.table_on("2025-06-01").name, Guidelines.from_json(g.to_json()) == g
    /// ('irs-2025', True)
    "Guidelines" PyGuidelines(Guidelines)
    repr |s, _py| Ok(format!(
        "<Guidelines {}>",
        s.0.tables().iter().map(|t| format!("{} from {}", t.name(), t.effective())).collect::<Vec<_>>().join(", ")
    ));
    {
        /// The tables, oldest first.
        tables: |g| g.tables().iter().cloned().map(PyGuidelineTable).collect::<Vec<_>>(),
    }

    /// The US IRS Collection Financial Standards as embedded (2024 and 2025).
    #[staticmethod]
    fn irs() -> Self {
        PyGuidelines(Guidelines::irs())
    }

    /// Tables from JSON: a list of ``{"name", "effective", "until"?, "source"?, "rows": [...]}``.
    #[staticmethod]
    fn from_json(text: &Bound<'_, PyAny>) -> PyResult<Self> {
        Guidelines::from_json(&str_arg(text, "text")?).or_raise().map(PyGuidelines)
    }

    /// Tables from CSV with a header row (``table, effective, guideline, categories, rule, unit,
    /// amount`` and the optional keys), one row per guideline row; categories separated by ``;``.
    #[staticmethod]
    fn from_csv(text: &Bound<'_, PyAny>) -> PyResult<Self> {
        Guidelines::from_csv(&str_arg(text, "text")?).or_raise().map(PyGuidelines)
    }

    /// The tables as JSON (what ``from_json`` reads).
    fn to_json(&self) -> String {
        self.0.to_json()
    }

    /// The table in force on ``date`` (an ``InvalidArgumentError`` naming ``date`` when none is).
    fn table_on(&self, date: &Bound<'_, PyAny>) -> PyResult<PyGuidelineTable> {
        let date = date_arg(date, "date")?;
        self.0.table_on(date).or_raise().map(|t| PyGuidelineTable(t.clone()))
    }
}

/// A guidelines argument: `Guidelines`, or `None` for none.
pub fn guidelines_arg(obj: Option<&Bound<'_, PyAny>>) -> PyResult<Option<Guidelines>> {
    match crate::debt::given(obj) {
        None => Ok(None),
        Some(g) => g
            .cast::<PyGuidelines>()
            .map(|g| Some(g.get().0.clone()))
            .map_err(|_| wrong_type(g, "guidelines", "a Guidelines or None")),
    }
}
