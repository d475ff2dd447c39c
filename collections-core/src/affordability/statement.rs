//! The income and expenditure statement: household, items, categories and their monthly amounts.

use std::fmt;

use chrono::NaiveDate;
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

use crate::calendar::Frequency;
use crate::error::{Error, Result};
use crate::money::{round_decimal, Currency, RoundingMode};

/// The largest amount an item may state (10^15).
pub const MAX_ITEM_AMOUNT: Decimal = Decimal::from_parts(2_764_472_320, 232_830, 0, false, 0);

/// The part of the statement a category belongs to, in the order of the UK Standard Financial
/// Statement (SFS).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum Section {
    /// Income (net of tax and deductions in the SFS; gross in the IRS forms, with taxes an expense).
    Income,
    /// Fixed costs: housing, utilities, care and health, transport, school, insurance, ...
    FixedCosts,
    /// Flexible costs: the three SFS categories with spending guidelines.
    FlexibleCosts,
    /// A regular savings contribution (the SFS allows one, for emergencies).
    Savings,
    /// Payments offered to priority creditors (arrears of rent, mortgage, council tax, energy, fines,
    /// taxes): deducted before anything is shared among non-priority creditors.
    PriorityDebts,
}

impl Section {
    /// `income`, `fixed_costs`, `flexible_costs`, `savings` or `priority_debts`.
    pub fn name(self) -> &'static str {
        match self {
            Section::Income => "income",
            Section::FixedCosts => "fixed_costs",
            Section::FlexibleCosts => "flexible_costs",
            Section::Savings => "savings",
            Section::PriorityDebts => "priority_debts",
        }
    }

    /// Every section, in statement order.
    pub const ALL: [Section; 5] = [
        Section::Income,
        Section::FixedCosts,
        Section::FlexibleCosts,
        Section::Savings,
        Section::PriorityDebts,
    ];
}

crate::debt::aging::by_name!(Section, "section");

macro_rules! categories {
    ($( $variant:ident => $name:literal, $section:ident, $sfs:literal, $irs:literal; )*) => {
        /// A statement category. The set follows the UK Standard Financial Statement's groups, split
        /// where the US IRS Collection Financial Standards treat parts differently (transport into vehicle
        /// ownership, vehicle operating and public transport; care and health into health insurance,
        /// out-of-pocket health care and care), so one statement maps onto both. [`Category::sfs_group`]
        /// and [`Category::irs_line`] give the documented mapping.
        ///
        /// | category | section | SFS group | IRS Form 433-A / 433-F line |
        /// |---|---|---|---|
        $( #[doc = concat!("| `", $name, "` | ", stringify!($section), " | ", $sfs, " | ", $irs, " |")] )*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
        #[serde(rename_all = "snake_case")]
        #[non_exhaustive]
        pub enum Category {
            $(
                #[doc = concat!("`", $name, "`: SFS ", $sfs, "; IRS ", $irs, ".")]
                $variant,
            )*
        }

        impl Category {
            /// Every category, in statement order.
            pub const ALL: [Category; 24] = [$(Category::$variant),*];

            /// The snake_case name.
            pub fn name(self) -> &'static str {
                match self { $(Category::$variant => $name),* }
            }

            /// The section of the statement it belongs to.
            pub fn section(self) -> Section {
                match self { $(Category::$variant => Section::$section),* }
            }

            /// The UK Standard Financial Statement group it belongs to.
            pub fn sfs_group(self) -> &'static str {
                match self { $(Category::$variant => $sfs),* }
            }

            /// The line of the US IRS Collection Information Statements (Form 433-A, section "Monthly
            /// Household Income and Expense Information"; Form 433-F, sections "Monthly Household Income"
            /// and "Monthly Expenses") it is reported on.
            pub fn irs_line(self) -> &'static str {
                match self { $(Category::$variant => $irs),* }
            }
        }
    };
}

categories! {
    Earnings => "earnings", Income, "income: earnings", "wages and salaries (net business income for the self-employed)";
    Benefits => "benefits", Income, "income: benefits and tax credits", "social security; other income";
    Pensions => "pensions", Income, "income: pensions", "pension income";
    OtherIncome => "other_income", Income, "income: other income (maintenance, lodgers, student loans)", "other income (child support and alimony received, net rental income, interest and dividends, distributions)";
    Housing => "housing", FixedCosts, "fixed costs: home and contents", "housing and utilities (rent or mortgage, property taxes, insurance)";
    Utilities => "utilities", FixedCosts, "fixed costs: utilities", "housing and utilities (gas, electricity, fuel, telephone, internet)";
    Water => "water", FixedCosts, "fixed costs: water", "housing and utilities (water, sewer, garbage)";
    HealthInsurance => "health_insurance", FixedCosts, "fixed costs: care and health", "health insurance";
    HealthCare => "health_care", FixedCosts, "fixed costs: care and health", "out-of-pocket health care costs";
    Care => "care", FixedCosts, "fixed costs: care and health (childcare, adult care)", "child / dependent care";
    VehicleOwnership => "vehicle_ownership", FixedCosts, "fixed costs: transport (car loan, hire purchase, lease)", "vehicle ownership costs (loan or lease payments)";
    VehicleOperating => "vehicle_operating", FixedCosts, "fixed costs: transport (fuel, insurance, tax, maintenance, parking)", "vehicle operating costs";
    PublicTransport => "public_transport", FixedCosts, "fixed costs: transport (public transport)", "public transportation costs";
    School => "school", FixedCosts, "fixed costs: school costs", "other expenses (education required for work or for a dependent child with special needs)";
    PensionsAndInsurance => "pensions_and_insurance", FixedCosts, "fixed costs: pensions and insurance", "term life insurance; secured debts and other necessary expenses (retirement contributions)";
    ProfessionalCosts => "professional_costs", FixedCosts, "fixed costs: professional costs", "other necessary expenses (union dues, professional licences)";
    Taxes => "taxes", FixedCosts, "none (SFS income is net of tax)", "current year taxes (income and FICA)";
    CourtOrderedPayments => "court_ordered_payments", FixedCosts, "fixed costs: other essential costs (maintenance paid)", "court-ordered payments (child support, alimony)";
    OtherEssentialCosts => "other_essential_costs", FixedCosts, "fixed costs: other essential costs", "other necessary expenses";
    CommunicationsAndLeisure => "communications_and_leisure", FlexibleCosts, "flexible costs: communications and leisure", "food, clothing and miscellaneous: miscellaneous";
    FoodAndHousekeeping => "food_and_housekeeping", FlexibleCosts, "flexible costs: food and housekeeping", "food, clothing and miscellaneous: food, housekeeping supplies";
    PersonalCosts => "personal_costs", FlexibleCosts, "flexible costs: personal costs", "food, clothing and miscellaneous: apparel and services, personal care products and services";
    SavingsContribution => "savings_contribution", Savings, "savings contribution", "none (not an allowable expense)";
    PriorityDebtPayments => "priority_debt_payments", PriorityDebts, "priority debts (offers to priority creditors)", "delinquent state and local taxes; secured debts";
}

crate::debt::aging::by_name!(Category, "category");

/// Converts an amount paid or received at `frequency` to a monthly amount, rounded to `currency`'s
/// minor units with `rounding`: the amount times the periods in a year, divided by 12 (weekly × 52 / 12,
/// fortnightly × 26 / 12, four-weekly × 13 / 12, semi-monthly × 2, quarterly × 4 / 12, annual ÷ 12).
///
/// The exact product is rounded once. Under the nearest-value modes (half-up, half-even, half-down),
/// converting back with [`from_monthly`] gives the original amount again for every frequency paid at
/// least monthly (the factor is at least 1, so the monthly rounding error shrinks on the way back);
/// for quarterly and annual amounts, [`from_monthly`] of a monthly amount converts back to it.
///
/// ```
/// use collections_core::affordability::{from_monthly, to_monthly};
/// use collections_core::{Currency, Frequency, RoundingMode};
/// use rust_decimal::Decimal;
///
/// // 50.00 every four weeks is 54.17 a month; 50.00 a week is 216.67 (half-up) or 216.66 (down).
/// let m = |a, f, r| to_monthly(Decimal::new(a, 2), f, Currency::GBP, r).unwrap().to_string();
/// assert_eq!(m(5000, Frequency::FourWeekly, RoundingMode::HalfUp), "54.17");
/// assert_eq!(m(5000, Frequency::Weekly, RoundingMode::HalfUp), "216.67");
/// assert_eq!(m(5000, Frequency::Weekly, RoundingMode::Down), "216.66");
/// let back = from_monthly(Decimal::new(21667, 2), Frequency::Weekly, Currency::GBP, RoundingMode::HalfUp);
/// assert_eq!(back.unwrap(), Decimal::new(5000, 2));
/// ```
pub fn to_monthly(
    amount: Decimal,
    frequency: Frequency,
    currency: Currency,
    rounding: RoundingMode,
) -> Result<Decimal> {
    convert(amount, frequency.periods_per_year(), 12, currency, rounding)
}

/// Converts a monthly amount to an amount at `frequency` (monthly × 12 / periods a year), rounded to
/// `currency`'s minor units with `rounding`. The inverse of [`to_monthly`].
pub fn from_monthly(
    monthly: Decimal,
    frequency: Frequency,
    currency: Currency,
    rounding: RoundingMode,
) -> Result<Decimal> {
    convert(
        monthly,
        12,
        frequency.periods_per_year(),
        currency,
        rounding,
    )
}

fn convert(
    amount: Decimal,
    times: u32,
    per: u32,
    currency: Currency,
    rounding: RoundingMode,
) -> Result<Decimal> {
    let exact = amount
        .checked_mul(Decimal::from(times))
        .and_then(|x| x.checked_div(Decimal::from(per)))
        .ok_or_else(|| Error::overflow("amount", amount))?;
    let units = currency.minor_units();
    let mut out = round_decimal(exact, units, rounding)?;
    if out.scale() < units {
        out.rescale(units);
    }
    Ok(out)
}

/// One line of a statement: a category, an amount and how often it is paid or received.
///
/// ```
/// use collections_core::affordability::{Category, Item};
/// use collections_core::Frequency;
/// use rust_decimal::Decimal;
///
/// let rent = Item::new(Category::Housing, Decimal::from(900), Frequency::Monthly)?.with_label("rent");
/// assert_eq!(rent.label(), "rent");
/// assert_eq!(Item::new(Category::Housing, Decimal::from(-1), Frequency::Monthly).unwrap_err().field(), "amount");
/// # Ok::<(), collections_core::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(try_from = "ItemRepr")]
pub struct Item {
    category: Category,
    amount: Decimal,
    frequency: Frequency,
    label: String,
}

/// An item as serialized, checked by [`Item::new`] on the way in.
#[derive(Deserialize)]
struct ItemRepr {
    category: Category,
    amount: Decimal,
    frequency: Frequency,
    #[serde(default)]
    label: String,
}

impl TryFrom<ItemRepr> for Item {
    type Error = Error;
    fn try_from(r: ItemRepr) -> Result<Item> {
        Ok(Item::new(r.category, r.amount, r.frequency)?.with_label(r.label))
    }
}

impl Item {
    /// An item; the amount must be zero or more and at most 10^15.
    pub fn new(category: Category, amount: Decimal, frequency: Frequency) -> Result<Item> {
        if amount.is_sign_negative() && !amount.is_zero() {
            return Err(Error::invalid(
                "amount",
                amount,
                format!("a {} amount must not be negative", category.name()),
            ));
        }
        if amount > MAX_ITEM_AMOUNT {
            return Err(Error::invalid("amount", amount, "must be at most 10^15"));
        }
        Ok(Item {
            category,
            amount,
            frequency,
            label: String::new(),
        })
    }

    /// The same item with a free-text label ("rent", "council tax", "child benefit").
    pub fn with_label(mut self, label: impl Into<String>) -> Item {
        self.label = label.into();
        self
    }

    /// The category.
    pub fn category(&self) -> Category {
        self.category
    }

    /// The amount as stated.
    pub fn amount(&self) -> Decimal {
        self.amount
    }

    /// How often it is paid or received.
    pub fn frequency(&self) -> Frequency {
        self.frequency
    }

    /// The label ("" if none).
    pub fn label(&self) -> &str {
        &self.label
    }
}

/// Who lives in the household, as the SFS asks, plus what the IRS standards need (people aged 65 or
/// more, vehicles, region).
///
/// ```
/// use collections_core::affordability::Household;
///
/// let h = Household::new(2, 1, 0)?.with_vehicles(1);
/// assert_eq!(h.persons(), 3);
/// assert_eq!(Household::new(0, 0, 0).unwrap_err().field(), "household");
/// # Ok::<(), collections_core::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(try_from = "HouseholdRepr")]
pub struct Household {
    adults: u32,
    children_under_16: u32,
    children_16_to_18: u32,
    other_dependants: u32,
    non_dependants: u32,
    aged_65_or_over: u32,
    vehicles: u32,
    region: Option<String>,
}

/// A household as serialized (counts default to zero), checked as [`Household::new`] checks on the
/// way in.
#[derive(Deserialize)]
struct HouseholdRepr {
    adults: u32,
    #[serde(default)]
    children_under_16: u32,
    #[serde(default)]
    children_16_to_18: u32,
    #[serde(default)]
    other_dependants: u32,
    #[serde(default)]
    non_dependants: u32,
    #[serde(default)]
    aged_65_or_over: u32,
    #[serde(default)]
    vehicles: u32,
    #[serde(default)]
    region: Option<String>,
}

impl TryFrom<HouseholdRepr> for Household {
    type Error = Error;
    fn try_from(r: HouseholdRepr) -> Result<Household> {
        let h = Household {
            adults: r.adults,
            children_under_16: r.children_under_16,
            children_16_to_18: r.children_16_to_18,
            other_dependants: r.other_dependants,
            non_dependants: r.non_dependants,
            aged_65_or_over: r.aged_65_or_over,
            vehicles: r.vehicles,
            region: r.region,
        };
        h.validate()?;
        Ok(h)
    }
}

/// The most people a household may have (a guard against nonsense input).
pub const MAX_PERSONS: u32 = 1_000;

impl Household {
    /// A household of `adults`, children under 16 and children aged 16 to 18. There must be at least one
    /// adult; nobody aged 65 or over, no vehicles, no region until set.
    pub fn new(adults: u32, children_under_16: u32, children_16_to_18: u32) -> Result<Household> {
        let h = Household {
            adults,
            children_under_16,
            children_16_to_18,
            other_dependants: 0,
            non_dependants: 0,
            aged_65_or_over: 0,
            vehicles: 0,
            region: None,
        };
        h.validate()?;
        Ok(h)
    }

    /// Sets other dependants (counted in the household size) and non-dependants (adults who live there
    /// and contribute, such as grown-up children; not counted).
    pub fn with_dependants(
        mut self,
        other_dependants: u32,
        non_dependants: u32,
    ) -> Result<Household> {
        self.other_dependants = other_dependants;
        self.non_dependants = non_dependants;
        self.validate()?;
        Ok(self)
    }

    /// Sets how many of the counted people are aged 65 or over (IRS out-of-pocket health care).
    pub fn with_aged_65_or_over(mut self, n: u32) -> Result<Household> {
        self.aged_65_or_over = n;
        self.validate()?;
        Ok(self)
    }

    /// Sets the number of vehicles.
    pub fn with_vehicles(mut self, vehicles: u32) -> Household {
        self.vehicles = vehicles;
        self
    }

    /// Sets the region guideline rows may be keyed by (the IRS operating-cost regions `northeast`,
    /// `midwest`, `south`, `west`; any name a user's table uses).
    pub fn with_region(mut self, region: impl Into<String>) -> Household {
        self.region = Some(region.into());
        self
    }

    fn validate(&self) -> Result<()> {
        let persons = self.checked_persons();
        match persons {
            None => Err(Error::invalid(
                "household",
                self.describe(),
                format!("at most {MAX_PERSONS} people"),
            )),
            Some(0) => Err(Error::invalid(
                "household",
                self.describe(),
                "a household of zero people",
            )),
            Some(_) if self.adults == 0 => Err(Error::invalid(
                "household",
                self.describe(),
                "at least one adult (the debtor)",
            )),
            Some(n) if n > MAX_PERSONS => Err(Error::invalid(
                "household",
                self.describe(),
                format!("at most {MAX_PERSONS} people"),
            )),
            Some(n) if self.aged_65_or_over > n => Err(Error::invalid(
                "aged_65_or_over",
                self.aged_65_or_over,
                format!("more than the {n} people in the household"),
            )),
            Some(_) => Ok(()),
        }
    }

    fn checked_persons(&self) -> Option<u32> {
        self.adults
            .checked_add(self.children_under_16)?
            .checked_add(self.children_16_to_18)?
            .checked_add(self.other_dependants)
    }

    fn describe(&self) -> String {
        format!(
            "{} adults, {} children under 16, {} aged 16-18, {} other dependants",
            self.adults, self.children_under_16, self.children_16_to_18, self.other_dependants
        )
    }

    /// Adults.
    pub fn adults(&self) -> u32 {
        self.adults
    }

    /// Children under 16 plus children aged 16 to 18.
    pub fn children(&self) -> u32 {
        self.children_under_16 + self.children_16_to_18
    }

    /// Children under 16.
    pub fn children_under_16(&self) -> u32 {
        self.children_under_16
    }

    /// Children aged 16 to 18.
    pub fn children_16_to_18(&self) -> u32 {
        self.children_16_to_18
    }

    /// Other dependants.
    pub fn other_dependants(&self) -> u32 {
        self.other_dependants
    }

    /// Non-dependants (not counted in [`Household::persons`]).
    pub fn non_dependants(&self) -> u32 {
        self.non_dependants
    }

    /// The household size: adults, children and other dependants (the IRS "persons in household").
    pub fn persons(&self) -> u32 {
        self.checked_persons().unwrap_or(MAX_PERSONS)
    }

    /// People aged 65 or over.
    pub fn aged_65_or_over(&self) -> u32 {
        self.aged_65_or_over
    }

    /// People under 65.
    pub fn under_65(&self) -> u32 {
        self.persons().saturating_sub(self.aged_65_or_over)
    }

    /// Vehicles.
    pub fn vehicles(&self) -> u32 {
        self.vehicles
    }

    /// The region, if set.
    pub fn region(&self) -> Option<&str> {
        self.region.as_deref()
    }
}

/// An income and expenditure statement: who, when, in which currency, and the items.
///
/// ```
/// use chrono::NaiveDate;
/// use collections_core::affordability::{Category, Household, Item, Statement};
/// use collections_core::{Currency, Frequency};
/// use rust_decimal::Decimal;
///
/// let items = vec![
///     Item::new(Category::Earnings, Decimal::from(450), Frequency::Weekly)?,
///     Item::new(Category::Housing, Decimal::from(700), Frequency::Monthly)?,
/// ];
/// let date = NaiveDate::from_ymd_opt(2025, 6, 1).unwrap();
/// let s = Statement::new(date, Currency::USD, Household::new(1, 0, 0)?, items)?;
/// // 450 a week is 1,950.00 a month.
/// assert_eq!(s.monthly(Category::Earnings), Decimal::new(195_000, 2));
/// assert_eq!(s.section_total(collections_core::affordability::Section::Income), Decimal::new(195_000, 2));
/// # Ok::<(), collections_core::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(try_from = "StatementRepr")]
pub struct Statement {
    date: NaiveDate,
    currency: Currency,
    household: Household,
    items: Vec<Item>,
    rounding: RoundingMode,
    /// The monthly amount of each item, in item order.
    monthly: Vec<Decimal>,
}

/// A statement as serialized. The monthly amounts are worked out again from the items (a serialized
/// `monthly` list is ignored), so a statement read back always agrees with its items.
#[derive(Deserialize)]
struct StatementRepr {
    date: NaiveDate,
    currency: Currency,
    household: Household,
    items: Vec<Item>,
    #[serde(default = "half_up")]
    rounding: RoundingMode,
}

fn half_up() -> RoundingMode {
    RoundingMode::HalfUp
}

impl TryFrom<StatementRepr> for Statement {
    type Error = Error;
    fn try_from(r: StatementRepr) -> Result<Statement> {
        Statement::with_rounding(r.date, r.currency, r.household, r.items, r.rounding)
    }
}

impl Statement {
    /// A statement dated `date` (the assessment date: it picks the guideline table in force), with
    /// amounts normalized to monthly under half-up rounding.
    pub fn new(
        date: NaiveDate,
        currency: Currency,
        household: Household,
        items: Vec<Item>,
    ) -> Result<Statement> {
        Statement::with_rounding(date, currency, household, items, RoundingMode::HalfUp)
    }

    /// A statement whose monthly amounts are rounded with `rounding` (SFS examples differ: 50.00 a
    /// week appears as both 216.67 and 216.66).
    pub fn with_rounding(
        date: NaiveDate,
        currency: Currency,
        household: Household,
        items: Vec<Item>,
        rounding: RoundingMode,
    ) -> Result<Statement> {
        household.validate()?;
        let monthly = items
            .iter()
            .enumerate()
            .map(|(i, item)| {
                let units = currency.minor_units();
                if item.amount.normalize().scale() > units {
                    return Err(Error::invalid(
                        "items",
                        format!("#{i} {}: {}", item.category.name(), item.amount),
                        format!("an amount must be in the {units} minor units of {currency}"),
                    ));
                }
                to_monthly(item.amount, item.frequency, currency, rounding).map_err(|e| {
                    e.with_field("items")
                        .map_value(|v| format!("#{i} {}: {v}", item.category.name()))
                })
            })
            .collect::<Result<Vec<_>>>()?;
        Ok(Statement {
            date,
            currency,
            household,
            items,
            rounding,
            monthly,
        })
    }

    /// The statement's date.
    pub fn date(&self) -> NaiveDate {
        self.date
    }

    /// The currency.
    pub fn currency(&self) -> Currency {
        self.currency
    }

    /// The household.
    pub fn household(&self) -> &Household {
        &self.household
    }

    /// The items as stated.
    pub fn items(&self) -> &[Item] {
        &self.items
    }

    /// The rounding used to normalize amounts to monthly.
    pub fn rounding(&self) -> RoundingMode {
        self.rounding
    }

    /// Each item's monthly amount, in item order.
    pub fn monthly_amounts(&self) -> &[Decimal] {
        &self.monthly
    }

    /// The monthly total of one category (the sum of its items' rounded monthly amounts).
    pub fn monthly(&self, category: Category) -> Decimal {
        self.items
            .iter()
            .zip(&self.monthly)
            .filter(|(item, _)| item.category == category)
            .fold(self.zero(), |acc, (_, m)| acc + *m)
    }

    /// The monthly total of a section.
    pub fn section_total(&self, section: Section) -> Decimal {
        self.items
            .iter()
            .zip(&self.monthly)
            .filter(|(item, _)| item.category.section() == section)
            .fold(self.zero(), |acc, (_, m)| acc + *m)
    }

    /// Zero in the currency's minor units (0.00 for USD), so that a total over no items reads as
    /// money like every other.
    fn zero(&self) -> Decimal {
        Decimal::new(0, self.currency.minor_units())
    }
}

impl fmt::Display for Item {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{} {} {}",
            self.category.name(),
            self.amount,
            self.frequency
        )
    }
}
