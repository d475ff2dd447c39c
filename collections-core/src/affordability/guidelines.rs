//! Guideline tables as versioned data: rows keyed by household composition, each with its rule, in
//! tables keyed by effective date. The IRS Collection Financial Standards ship as the default; users
//! load their own (the UK SFS trigger figures are licensed: none ship) from JSON or CSV.

use std::collections::BTreeMap;

use chrono::NaiveDate;
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

use super::statement::{Category, Household, MAX_ITEM_AMOUNT};
use crate::error::{Error, Result};

/// How a guideline turns what was spent into what is allowed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum Rule {
    /// The standard is allowed whatever was actually spent, more or less (IRS national standards and
    /// out-of-pocket health care: "allowed in full without questioning the amount actually spent").
    AllowedInFull,
    /// The lesser of what was spent and the standard (IRS local standards).
    LesserOf,
    /// What was spent is allowed; the standard is a trigger figure that only flags spending above it
    /// (UK SFS spending guidelines).
    Trigger,
}

impl Rule {
    /// Every rule.
    pub const ALL: [Rule; 3] = [Rule::AllowedInFull, Rule::LesserOf, Rule::Trigger];

    /// `allowed_in_full`, `lesser_of` or `trigger`.
    pub fn name(self) -> &'static str {
        match self {
            Rule::AllowedInFull => "allowed_in_full",
            Rule::LesserOf => "lesser_of",
            Rule::Trigger => "trigger",
        }
    }

    /// What is allowed of `actual` under a standard of `standard`.
    pub fn allowed(self, actual: Decimal, standard: Decimal) -> Decimal {
        match self {
            Rule::AllowedInFull => standard,
            Rule::LesserOf => actual.min(standard),
            Rule::Trigger => actual,
        }
    }
}

crate::debt::aging::by_name!(Rule, "rule");

/// What a row's amount is per.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum Unit {
    /// The whole household.
    Household,
    /// Each person in the household.
    Person,
    /// Each person under 65.
    PersonUnder65,
    /// Each person aged 65 or over.
    Person65OrOver,
    /// Each vehicle (see [`GuidelineRow::max_units`]).
    Vehicle,
}

impl Unit {
    /// Every unit.
    pub const ALL: [Unit; 5] = [
        Unit::Household,
        Unit::Person,
        Unit::PersonUnder65,
        Unit::Person65OrOver,
        Unit::Vehicle,
    ];

    /// `household`, `person`, `person_under_65`, `person_65_or_over` or `vehicle`.
    pub fn name(self) -> &'static str {
        match self {
            Unit::Household => "household",
            Unit::Person => "person",
            Unit::PersonUnder65 => "person_under_65",
            Unit::Person65OrOver => "person_65_or_over",
            Unit::Vehicle => "vehicle",
        }
    }

    fn count(self, h: &Household) -> u32 {
        match self {
            Unit::Household => 1,
            Unit::Person => h.persons(),
            Unit::PersonUnder65 => h.under_65(),
            Unit::Person65OrOver => h.aged_65_or_over(),
            Unit::Vehicle => h.vehicles(),
        }
    }
}

crate::debt::aging::by_name!(Unit, "unit");

/// One row of a guideline table: a standard amount for the households it matches.
///
/// A row matches a household when every key it sets holds: `min_persons <= persons <= max_persons`,
/// `adults` and `children` equal, `min_vehicles <= vehicles <= max_vehicles`, `region` equal (ignoring
/// case). Its standard is `(amount + (persons - min_persons) x each_additional_person) x units`, where
/// units is the count of its [`Unit`] in the household, at most `max_units`. A guideline's standard is
/// the sum over its matching rows (so per-age-band health care is two rows); every matching row of one
/// guideline must have the same rule.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct GuidelineRow {
    /// The guideline's name (`national_standards`, `food_and_housekeeping`, ...).
    pub guideline: String,
    /// The statement categories whose spending the guideline covers.
    pub categories: Vec<Category>,
    /// How spending is allowed.
    pub rule: Rule,
    /// What `amount` is per.
    pub unit: Unit,
    /// The monthly standard.
    pub amount: Decimal,
    /// The least household size the row applies to.
    #[serde(default)]
    pub min_persons: Option<u32>,
    /// The largest household size the row applies to.
    #[serde(default)]
    pub max_persons: Option<u32>,
    /// Added for each person above `min_persons` (IRS: "each additional person").
    #[serde(default)]
    pub each_additional_person: Option<Decimal>,
    /// Adults, exactly (SFS compositions).
    #[serde(default)]
    pub adults: Option<u32>,
    /// Children (under 16 and 16-18), exactly.
    #[serde(default)]
    pub children: Option<u32>,
    /// The least number of vehicles.
    #[serde(default)]
    pub min_vehicles: Option<u32>,
    /// The most vehicles.
    #[serde(default)]
    pub max_vehicles: Option<u32>,
    /// The most units counted (IRS vehicles: two, one for a single person).
    #[serde(default)]
    pub max_units: Option<u32>,
    /// The region.
    #[serde(default)]
    pub region: Option<String>,
    /// A verification mark (IRS tables: `O` official, `T` two sources agree, `U` unverified).
    #[serde(default)]
    pub mark: Option<String>,
}

impl GuidelineRow {
    /// A row with no keys (it matches every household).
    pub fn new(
        guideline: impl Into<String>,
        categories: Vec<Category>,
        rule: Rule,
        unit: Unit,
        amount: Decimal,
    ) -> GuidelineRow {
        GuidelineRow {
            guideline: guideline.into(),
            categories,
            rule,
            unit,
            amount,
            min_persons: None,
            max_persons: None,
            each_additional_person: None,
            adults: None,
            children: None,
            min_vehicles: None,
            max_vehicles: None,
            max_units: None,
            region: None,
            mark: None,
        }
    }

    /// Keys the row to household sizes `min..=max` (`None`: no upper bound).
    pub fn persons(mut self, min: u32, max: Option<u32>) -> GuidelineRow {
        self.min_persons = Some(min);
        self.max_persons = max;
        self
    }

    /// Adds `amount` per person above the row's `min_persons`.
    pub fn each_additional(mut self, amount: Decimal) -> GuidelineRow {
        self.each_additional_person = Some(amount);
        self
    }

    /// Keys the row to `min..=max` vehicles.
    pub fn vehicles(mut self, min: Option<u32>, max: Option<u32>) -> GuidelineRow {
        self.min_vehicles = min;
        self.max_vehicles = max;
        self
    }

    /// Counts at most `n` units.
    pub fn at_most_units(mut self, n: u32) -> GuidelineRow {
        self.max_units = Some(n);
        self
    }

    /// Keys the row to a region.
    pub fn in_region(mut self, region: impl Into<String>) -> GuidelineRow {
        self.region = Some(region.into());
        self
    }

    /// Keys the row to a composition of adults and children.
    pub fn composition(mut self, adults: u32, children: u32) -> GuidelineRow {
        self.adults = Some(adults);
        self.children = Some(children);
        self
    }

    /// Sets the verification mark.
    pub fn marked(mut self, mark: impl Into<String>) -> GuidelineRow {
        self.mark = Some(mark.into());
        self
    }

    fn validate(&self, at: &str) -> Result<()> {
        let bad = |reason: String| Error::invalid("guidelines", at, reason);
        if self.guideline.trim().is_empty() {
            return Err(bad("a row must name its guideline".into()));
        }
        if self.categories.is_empty() {
            return Err(bad(format!(
                "guideline {} covers no category",
                self.guideline
            )));
        }
        for (name, v) in [
            ("amount", Some(self.amount)),
            ("each_additional_person", self.each_additional_person),
        ] {
            if let Some(v) = v {
                if v.is_sign_negative() && !v.is_zero() || v > MAX_ITEM_AMOUNT {
                    return Err(bad(format!("{name} {v} must be between 0 and 10^15")));
                }
            }
        }
        if let (Some(lo), Some(hi)) = (self.min_persons, self.max_persons) {
            if lo > hi {
                return Err(bad(format!("min_persons {lo} is above max_persons {hi}")));
            }
        }
        if let (Some(lo), Some(hi)) = (self.min_vehicles, self.max_vehicles) {
            if lo > hi {
                return Err(bad(format!("min_vehicles {lo} is above max_vehicles {hi}")));
            }
        }
        Ok(())
    }

    fn matches(&self, h: &Household) -> bool {
        let p = h.persons();
        let v = h.vehicles();
        self.min_persons.is_none_or(|m| p >= m)
            && self.max_persons.is_none_or(|m| p <= m)
            && self.adults.is_none_or(|a| h.adults() == a)
            && self.children.is_none_or(|c| h.children() == c)
            && self.min_vehicles.is_none_or(|m| v >= m)
            && self.max_vehicles.is_none_or(|m| v <= m)
            && self.region.as_deref().is_none_or(|r| {
                h.region()
                    .is_some_and(|hr| hr.trim().eq_ignore_ascii_case(r.trim()))
            })
    }

    /// The row's standard for a household it matches, with how it was made: the units counted times
    /// the amount a unit ("2 person_under_65 x 84", "1 household x (2129 + 1 x 394)").
    fn standard(&self, h: &Household) -> Option<(Decimal, String)> {
        let extra_persons = h.persons().saturating_sub(self.min_persons.unwrap_or(0));
        let (per_unit, per_unit_text) = match self.each_additional_person {
            Some(each) if extra_persons > 0 => (
                self.amount
                    .checked_add(each.checked_mul(Decimal::from(extra_persons))?)?,
                format!(
                    "({} + {extra_persons} x {})",
                    self.amount.normalize(),
                    each.normalize()
                ),
            ),
            _ => (self.amount, self.amount.normalize().to_string()),
        };
        let mut units = self.unit.count(h);
        if let Some(max) = self.max_units {
            units = units.min(max);
        }
        let amount = per_unit.checked_mul(Decimal::from(units))?;
        Some((
            amount,
            format!("{units} {} x {per_unit_text}", self.unit.name()),
        ))
    }
}

/// A guideline's standard for one household, as a table resolves it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Standard {
    /// The guideline's name.
    pub guideline: String,
    /// The categories it covers.
    pub categories: Vec<Category>,
    /// Its rule for this household.
    pub rule: Rule,
    /// The monthly standard.
    pub amount: Decimal,
    /// The marks of the rows used (deduplicated, in row order).
    pub marks: Vec<String>,
    /// How the standard was made ("1 household x 839" or "2 persons under 65 x 84 + ...").
    pub derivation: String,
}

/// A guideline table: rows in force from `effective` (through `until`, if set, else until the next
/// table of the set).
///
/// ```
/// use chrono::NaiveDate;
/// use collections_core::affordability::{Category, GuidelineRow, GuidelineTable, Household, Rule, Unit};
/// use rust_decimal::Decimal;
///
/// // A user's own trigger figure: food for one adult, 300 a month.
/// let row = GuidelineRow::new("food", vec![Category::FoodAndHousekeeping], Rule::Trigger, Unit::Household, Decimal::from(300))
///     .composition(1, 0);
/// let table = GuidelineTable::new("my-sfs-2025", NaiveDate::from_ymd_opt(2025, 4, 7).unwrap(), vec![row])?;
/// let standards = table.standards(&Household::new(1, 0, 0)?)?;
/// assert_eq!(standards[0].amount, Decimal::from(300));
/// assert!(table.standards(&Household::new(2, 0, 0)?)?.is_empty()); // no row for two adults
/// # Ok::<(), collections_core::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct GuidelineTable {
    name: String,
    effective: NaiveDate,
    #[serde(default)]
    until: Option<NaiveDate>,
    #[serde(default)]
    source: String,
    rows: Vec<GuidelineRow>,
}

impl GuidelineTable {
    /// A table of rows in force from `effective`. Checks each row, and that a category belongs to at
    /// most one guideline and a guideline always covers the same categories.
    pub fn new(
        name: impl Into<String>,
        effective: NaiveDate,
        rows: Vec<GuidelineRow>,
    ) -> Result<GuidelineTable> {
        let t = GuidelineTable {
            name: name.into(),
            effective,
            until: None,
            source: String::new(),
            rows,
        };
        t.validate()?;
        Ok(t)
    }

    /// The same table, in force through `until` (inclusive).
    pub fn until(mut self, until: NaiveDate) -> Result<GuidelineTable> {
        self.until = Some(until);
        self.validate()?;
        Ok(self)
    }

    /// The same table with a citation of its source.
    pub fn with_source(mut self, source: impl Into<String>) -> GuidelineTable {
        self.source = source.into();
        self
    }

    fn validate(&self) -> Result<()> {
        if self.name.trim().is_empty() {
            return Err(Error::invalid(
                "guidelines",
                format!("table effective {}", self.effective),
                "a table must have a name",
            ));
        }
        if let Some(until) = self.until {
            if until < self.effective {
                return Err(Error::invalid(
                    "guidelines",
                    format!("table {}", self.name),
                    format!(
                        "in force until {until}, before its effective date {}",
                        self.effective
                    ),
                ));
            }
        }
        let mut covers: BTreeMap<&str, &Vec<Category>> = BTreeMap::new();
        let mut owner: BTreeMap<Category, &str> = BTreeMap::new();
        for (i, row) in self.rows.iter().enumerate() {
            let at = format!("table {} row {i}", self.name);
            row.validate(&at)?;
            match covers.get(row.guideline.as_str()) {
                Some(cats) if **cats != row.categories => {
                    return Err(Error::invalid(
                        "guidelines",
                        at,
                        format!(
                            "guideline {} covers other categories in an earlier row",
                            row.guideline
                        ),
                    ))
                }
                Some(_) => {}
                None => {
                    covers.insert(&row.guideline, &row.categories);
                    for c in &row.categories {
                        if let Some(other) = owner.insert(*c, &row.guideline) {
                            return Err(Error::invalid(
                                "guidelines",
                                at,
                                format!(
                                    "category {} is covered by both {other} and {}",
                                    c.name(),
                                    row.guideline
                                ),
                            ));
                        }
                    }
                }
            }
        }
        Ok(())
    }

    /// The table's name.
    pub fn name(&self) -> &str {
        &self.name
    }

    /// The first day it is in force.
    pub fn effective(&self) -> NaiveDate {
        self.effective
    }

    /// The last day it is in force, if set.
    pub fn until_date(&self) -> Option<NaiveDate> {
        self.until
    }

    /// Its source.
    pub fn source(&self) -> &str {
        &self.source
    }

    /// Its rows.
    pub fn rows(&self) -> &[GuidelineRow] {
        &self.rows
    }

    /// The standard of every guideline with a row matching the household, in the order the
    /// guidelines first appear. A guideline whose matching rows disagree on the rule is an error.
    pub fn standards(&self, household: &Household) -> Result<Vec<Standard>> {
        let mut out: Vec<Standard> = Vec::new();
        for (i, row) in self.rows.iter().enumerate() {
            if !row.matches(household) {
                continue;
            }
            let (amount, part) = row.standard(household).ok_or_else(|| {
                Error::overflow("guidelines", format!("table {} row {i}", self.name))
            })?;
            match out.iter_mut().find(|s| s.guideline == row.guideline) {
                Some(s) => {
                    if s.rule != row.rule {
                        return Err(Error::invalid(
                            "guidelines",
                            format!("table {} row {i}", self.name),
                            format!(
                                "rows of guideline {} matching this household have rules {} and {}",
                                row.guideline,
                                s.rule.name(),
                                row.rule.name()
                            ),
                        ));
                    }
                    s.amount = s.amount.checked_add(amount).ok_or_else(|| {
                        Error::overflow("guidelines", format!("table {} row {i}", self.name))
                    })?;
                    s.derivation = format!("{} + {part}", s.derivation);
                    if let Some(m) = &row.mark {
                        if !s.marks.contains(m) {
                            s.marks.push(m.clone());
                        }
                    }
                }
                None => out.push(Standard {
                    guideline: row.guideline.clone(),
                    categories: row.categories.clone(),
                    rule: row.rule,
                    amount,
                    marks: row.mark.iter().cloned().collect(),
                    derivation: part,
                }),
            }
        }
        Ok(out)
    }
}

/// A set of guideline tables, one in force on any date from the first table's effective date.
///
/// ```
/// use chrono::NaiveDate;
/// use collections_core::affordability::{Guidelines, Household};
/// use rust_decimal::Decimal;
///
/// let irs = Guidelines::irs();
/// let d = |y, m, day| NaiveDate::from_ymd_opt(y, m, day).unwrap();
/// assert_eq!(irs.table_on(d(2025, 6, 1))?.name(), "irs-2025");
/// assert_eq!(irs.table_on(d(2025, 4, 20))?.name(), "irs-2024");
/// // Before every table: an error naming the date.
/// assert_eq!(irs.table_on(d(2024, 1, 1)).unwrap_err().field(), "date");
/// # Ok::<(), collections_core::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(try_from = "Vec<GuidelineTable>", into = "Vec<GuidelineTable>")]
pub struct Guidelines {
    tables: Vec<GuidelineTable>,
}

impl TryFrom<Vec<GuidelineTable>> for Guidelines {
    type Error = Error;
    fn try_from(tables: Vec<GuidelineTable>) -> Result<Guidelines> {
        Guidelines::new(tables)
    }
}

impl From<Guidelines> for Vec<GuidelineTable> {
    fn from(g: Guidelines) -> Vec<GuidelineTable> {
        g.tables
    }
}

impl Guidelines {
    /// A set of tables. Two tables may not take effect on the same day, and a table with an `until`
    /// may not overlap the next one.
    pub fn new(mut tables: Vec<GuidelineTable>) -> Result<Guidelines> {
        if tables.is_empty() {
            return Err(Error::invalid("guidelines", "[]", "at least one table"));
        }
        for t in &tables {
            t.validate()?;
        }
        tables.sort_by_key(|t| t.effective);
        for pair in tables.windows(2) {
            let (a, b) = (&pair[0], &pair[1]);
            if a.effective == b.effective {
                return Err(Error::invalid(
                    "guidelines",
                    format!("tables {} and {}", a.name, b.name),
                    format!("both take effect on {}", a.effective),
                ));
            }
            if a.until.is_some_and(|u| u >= b.effective) {
                return Err(Error::invalid(
                    "guidelines",
                    format!("tables {} and {}", a.name, b.name),
                    format!(
                        "overlap: {} is in force until {}, {} from {}",
                        a.name,
                        a.until.unwrap_or(a.effective),
                        b.name,
                        b.effective
                    ),
                ));
            }
        }
        Ok(Guidelines { tables })
    }

    /// The tables, by effective date.
    pub fn tables(&self) -> &[GuidelineTable] {
        &self.tables
    }

    /// The table in force on `date`: the latest to take effect on or before it, unless its `until`
    /// has passed.
    pub fn table_on(&self, date: NaiveDate) -> Result<&GuidelineTable> {
        let table = self
            .tables
            .iter()
            .rev()
            .find(|t| t.effective <= date)
            .ok_or_else(|| {
                Error::invalid(
                    "date",
                    date,
                    format!(
                        "before every guideline table (the first takes effect on {})",
                        self.tables[0].effective
                    ),
                )
            })?;
        if let Some(until) = table.until.filter(|u| *u < date) {
            return Err(Error::invalid(
                "date",
                date,
                format!(
                    "no guideline table in force: {} ended on {until}",
                    table.name
                ),
            ));
        }
        Ok(table)
    }

    /// The US IRS Collection Financial Standards as embedded: the 2024 set (effective 2024-04-22) and
    /// the 2025 set (effective 2025-04-21), with each row's verification mark as
    /// `../shared/reference/irs-collection-standards.md` records it (`O` official, `T` two sources
    /// agree, `U` one source or disagreeing sources).
    ///
    /// Guidelines: `national_standards` (food, housekeeping supplies, apparel and services, personal
    /// care, miscellaneous; allowed in full; by household size with an amount for each person over
    /// four), covering `food_and_housekeeping`, `personal_costs` and `communications_and_leisure`;
    /// `out_of_pocket_health_care` (allowed in full, per person by age band) covering `health_care`;
    /// and, for 2025 only (the 2024 figures were not found), `vehicle_ownership` and
    /// `vehicle_operating` (the lesser of actual and the standard, per vehicle, at most two, one for a
    /// single person; operating costs keyed by the region `northeast`, `midwest`, `south` or `west`)
    /// and `public_transportation` (allowed in full without a vehicle, else the lesser of actual and
    /// the standard). Housing and utilities standards are set by county and are not embedded: load
    /// them as rows of your own.
    pub fn irs() -> Guidelines {
        let tables = vec![irs_2024(), irs_2025()];
        Guidelines { tables }
    }

    /// Tables from JSON: a list of `{"name", "effective", "until"?, "source"?, "rows": [...]}` whose rows
    /// have the fields of [`GuidelineRow`] (categories, rules and units by name; amounts as text).
    ///
    /// ```
    /// use collections_core::affordability::Guidelines;
    ///
    /// let json = r#"[{"name": "t", "effective": "2025-04-07", "rows": [
    ///     {"guideline": "food", "categories": ["food_and_housekeeping"], "rule": "trigger",
    ///      "unit": "household", "amount": "300", "adults": 1, "children": 0}]}]"#;
    /// let g = Guidelines::from_json(json)?;
    /// assert_eq!(g.tables()[0].rows().len(), 1);
    /// assert_eq!(Guidelines::from_json("[]").unwrap_err().field(), "guidelines");
    /// # Ok::<(), collections_core::Error>(())
    /// ```
    pub fn from_json(text: &str) -> Result<Guidelines> {
        let tables: Vec<GuidelineTable> = serde_json::from_str(text).map_err(|e| {
            Error::invalid(
                "guidelines",
                format!("line {} column {}", e.line(), e.column()),
                format!("not a list of guideline tables: {e}"),
            )
        })?;
        Guidelines::new(tables)
    }

    /// The tables as JSON (the format [`Guidelines::from_json`] reads).
    pub fn to_json(&self) -> String {
        serde_json::to_string_pretty(&self.tables).unwrap_or_default()
    }

    /// Tables from CSV with a header row. Columns (any order; the first nine are required):
    /// `table`, `effective`, `guideline`, `categories` (names separated by `;`), `rule`, `unit`,
    /// `amount`, and optional `until`, `source`, `min_persons`, `max_persons`,
    /// `each_additional_person`, `adults`, `children`, `min_vehicles`, `max_vehicles`, `max_units`,
    /// `region`, `mark`. Rows with the same `table` and `effective` form one table; an empty cell is
    /// an unset key. Errors name the line.
    ///
    /// ```
    /// use collections_core::affordability::Guidelines;
    ///
    /// let csv = "table,effective,guideline,categories,rule,unit,amount,adults,children\n\
    ///            sfs,2025-04-07,food,food_and_housekeeping,trigger,household,300,1,0\n\
    ///            sfs,2025-04-07,food,food_and_housekeeping,trigger,household,480,2,0\n";
    /// let g = Guidelines::from_csv(csv)?;
    /// assert_eq!(g.tables()[0].rows().len(), 2);
    /// let missing = "table,effective,guideline,categories,rule,unit,amount\nsfs,,food,food_and_housekeeping,trigger,household,300\n";
    /// assert_eq!(Guidelines::from_csv(missing).unwrap_err().field(), "effective");
    /// # Ok::<(), collections_core::Error>(())
    /// ```
    pub fn from_csv(text: &str) -> Result<Guidelines> {
        let mut reader = csv::ReaderBuilder::new()
            .trim(csv::Trim::All)
            .from_reader(text.as_bytes());
        let headers = reader
            .headers()
            .map_err(|e| Error::invalid("guidelines", "header", format!("unreadable CSV: {e}")))?
            .clone();
        let col = |name: &str| headers.iter().position(|h| h.eq_ignore_ascii_case(name));
        for required in [
            "table",
            "effective",
            "guideline",
            "categories",
            "rule",
            "unit",
            "amount",
        ] {
            if col(required).is_none() {
                return Err(Error::invalid(
                    "guidelines",
                    headers.iter().collect::<Vec<_>>().join(","),
                    format!("the header has no column {required}"),
                ));
            }
        }
        let mut tables: Vec<GuidelineTable> = Vec::new();
        for (n, record) in reader.records().enumerate() {
            let line = n + 2;
            let record = record.map_err(|e| {
                Error::invalid(
                    "guidelines",
                    format!("line {line}"),
                    format!("unreadable CSV: {e}"),
                )
            })?;
            let cell = |name: &str| -> Option<&str> {
                col(name)
                    .and_then(|i| record.get(i))
                    .filter(|s| !s.is_empty())
            };
            let at = |field: &'static str, e: Error| {
                e.with_field(field)
                    .map_value(|v| format!("line {line}: {v}"))
            };
            let need = |field: &'static str| -> Result<&str> {
                cell(field).ok_or_else(|| {
                    Error::invalid(field, format!("line {line}"), "must not be empty")
                })
            };
            let number = |field: &'static str| -> Result<Option<u32>> {
                cell(field)
                    .map(|s| {
                        s.parse::<u32>().map_err(|_| {
                            Error::invalid(field, format!("line {line}: {s}"), "not a whole number")
                        })
                    })
                    .transpose()
            };
            let decimal = |field: &'static str| -> Result<Option<Decimal>> {
                cell(field)
                    .map(|s| crate::parse::decimal(field, s).map_err(|e| at(field, e)))
                    .transpose()
            };
            let name = need("table")?.to_string();
            let effective = crate::parse::date("effective", need("effective")?)
                .map_err(|e| at("effective", e))?;
            let until = cell("until")
                .map(|s| crate::parse::date("until", s).map_err(|e| at("until", e)))
                .transpose()?;
            let categories = need("categories")?
                .split(';')
                .map(|c| {
                    c.trim()
                        .parse::<Category>()
                        .map_err(|e| at("categories", e))
                })
                .collect::<Result<Vec<_>>>()?;
            let row = GuidelineRow {
                guideline: need("guideline")?.to_string(),
                categories,
                rule: need("rule")?.parse().map_err(|e| at("rule", e))?,
                unit: need("unit")?.parse().map_err(|e| at("unit", e))?,
                amount: decimal("amount")?.unwrap_or_default(),
                min_persons: number("min_persons")?,
                max_persons: number("max_persons")?,
                each_additional_person: decimal("each_additional_person")?,
                adults: number("adults")?,
                children: number("children")?,
                min_vehicles: number("min_vehicles")?,
                max_vehicles: number("max_vehicles")?,
                max_units: number("max_units")?,
                region: cell("region").map(str::to_string),
                mark: cell("mark").map(str::to_string),
            };
            match tables
                .iter_mut()
                .find(|t| t.name == name && t.effective == effective)
            {
                Some(t) => {
                    if until.is_some() && t.until != until {
                        return Err(Error::invalid(
                            "until",
                            format!("line {line}"),
                            format!("table {name} already ends on another date"),
                        ));
                    }
                    t.rows.push(row);
                }
                None => tables.push(GuidelineTable {
                    name,
                    effective,
                    until,
                    source: cell("source").unwrap_or_default().to_string(),
                    rows: vec![row],
                }),
            }
        }
        Guidelines::new(tables)
    }
}

const IRS_SOURCE: &str = "US Internal Revenue Service, Collection Financial Standards (irs.gov), as recorded with verification marks in ../shared/reference/irs-collection-standards.md";

fn national(sizes: [i64; 4], additional: i64, mark: &str) -> Vec<GuidelineRow> {
    let cats = vec![
        Category::FoodAndHousekeeping,
        Category::PersonalCosts,
        Category::CommunicationsAndLeisure,
    ];
    sizes
        .iter()
        .enumerate()
        .map(|(i, amount)| {
            let n = i as u32 + 1;
            let row = GuidelineRow::new(
                "national_standards",
                cats.clone(),
                Rule::AllowedInFull,
                Unit::Household,
                Decimal::from(*amount),
            )
            .marked(mark);
            if n < 4 {
                row.persons(n, Some(n))
            } else {
                row.persons(4, None)
                    .each_additional(Decimal::from(additional))
            }
        })
        .collect()
}

fn health(under_65: i64, over_65: i64, mark: &str) -> Vec<GuidelineRow> {
    [
        (Unit::PersonUnder65, under_65),
        (Unit::Person65OrOver, over_65),
    ]
    .into_iter()
    .map(|(unit, amount)| {
        GuidelineRow::new(
            "out_of_pocket_health_care",
            vec![Category::HealthCare],
            Rule::AllowedInFull,
            unit,
            Decimal::from(amount),
        )
        .marked(mark)
    })
    .collect()
}

fn irs_2024() -> GuidelineTable {
    let mut rows = national([808, 1411, 1677, 2027], 386, "U");
    rows.extend(health(83, 158, "O"));
    GuidelineTable {
        name: "irs-2024".into(),
        effective: NaiveDate::from_ymd_opt(2024, 4, 22).unwrap_or_default(),
        until: None,
        source: IRS_SOURCE.into(),
        rows,
    }
}

fn irs_2025() -> GuidelineTable {
    let mut rows = national([839, 1481, 1753, 2129], 394, "T");
    rows.extend(health(84, 149, "U"));
    for (single, max) in [(true, 1), (false, 2)] {
        let row = GuidelineRow::new(
            "vehicle_ownership",
            vec![Category::VehicleOwnership],
            Rule::LesserOf,
            Unit::Vehicle,
            Decimal::from(662),
        )
        .vehicles(Some(1), None)
        .at_most_units(max)
        .marked("T");
        rows.push(if single {
            row.persons(1, Some(1))
        } else {
            row.persons(2, None)
        });
    }
    for (region, amount, mark) in [
        ("northeast", 302, "T"),
        ("midwest", 259, "T"),
        ("south", 281, "O"),
        ("west", 297, "T"),
    ] {
        for (single, max) in [(true, 1), (false, 2)] {
            let row = GuidelineRow::new(
                "vehicle_operating",
                vec![Category::VehicleOperating],
                Rule::LesserOf,
                Unit::Vehicle,
                Decimal::from(amount),
            )
            .in_region(region)
            .vehicles(Some(1), None)
            .at_most_units(max)
            .marked(mark);
            rows.push(if single {
                row.persons(1, Some(1))
            } else {
                row.persons(2, None)
            });
        }
    }
    for (rule, min, max) in [
        (Rule::AllowedInFull, None, Some(0)),
        (Rule::LesserOf, Some(1), None),
    ] {
        rows.push(
            GuidelineRow::new(
                "public_transportation",
                vec![Category::PublicTransport],
                rule,
                Unit::Household,
                Decimal::from(244),
            )
            .vehicles(min, max)
            .marked("O"),
        );
    }
    GuidelineTable {
        name: "irs-2025".into(),
        effective: NaiveDate::from_ymd_opt(2025, 4, 21).unwrap_or_default(),
        until: None,
        source: IRS_SOURCE.into(),
        rows,
    }
}
