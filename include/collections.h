/*
 * collections.h: the C ABI of the collections library (exact money, rates, day counts, frequencies,
 * date schedules, business-day calendars, the time-value-of-money solvers, APRs, amortized
 * repayment schedules, statutory late interest, dunning runs, aging and the status lifecycle of
 * debts, the event-sourced account ledger and payment reconciliation, and affordability: income and
 * expenditure statements assessed against guideline tables, fair shares and plan recommendations; and
 * contact rules: may this person be contacted now, on this channel, about this debt, and if not, why
 * and when; and repayment plans: arrangements tracked against payments, re-plans, scores and
 * rankings, settlements, forecasts, portfolio KPIs and the treatment policy; for debt collections).
 *
 * API conventions
 * ---------------
 * Status codes and errors. Every fallible function returns a coll_status: COLL_OK (0) on success,
 * otherwise one of the COLL_ status codes below. The numbers are stable and never reused.
 * coll_status_name() gives a code's name. After a failure, coll_last_error_message() returns a message
 * for this thread that names the argument and the value at fault ("start: not a valid date:
 * \"2025-02-30\""); it stays valid until the next failing call on the same thread. Enumerations
 * (rounding modes, conventions, kinds) are uint32_t values of COLL_ constants; any other number gives
 * COLL_INVALID_ARGUMENT. A panic inside the library is caught and reported as COLL_PANIC.
 *
 * Out-parameters. Results are written through pointer arguments, and only when the call returns
 * COLL_OK; on failure they are left as they were. The one exception: a call that fills a caller's
 * buffer and fails with COLL_BUFFER_TOO_SMALL writes the size needed to its length out-parameter
 * (coll_decimal_to_string, coll_date_schedule, coll_calendar_holidays, coll_schedule_rows,
 * coll_age_account_by_bucket, coll_aging_bucket_label, coll_ledger_obligations_on,
 * coll_ledger_posted_payments, coll_account_activity_obligations_on, coll_month_end_agings,
 * coll_roll_rates, coll_portfolio_roll_rates, coll_guidelines_to_json, coll_instant_to_rfc3339 and the
 * coll_contact_<thing>_to_json functions; for plans coll_plan_rank, coll_settlement_offers,
 * coll_arrangement_debt_shares and the coll_<plan thing>_to_json functions), so the caller can retry. Those also accept a NULL buffer with a capacity of 0, to ask for the size without a buffer: the
 * call fails with COLL_BUFFER_TOO_SMALL and writes the size needed (or succeeds
 * with a length of 0 when nothing is needed). A NULL buffer with a non-zero capacity is COLL_NULL_ARGUMENT.
 * Inputs are read before outputs are written, so a single-value output may point at an input
 * (coll_decimal_round(&x, 2, COLL_ROUND_HALF_UP, &x)); arrays passed in and out must not overlap.
 *
 * Pointers and ownership. Every pointer argument must be non-NULL (COLL_NULL_ARGUMENT otherwise) except
 * where a function says NULL is allowed. `const T *` arguments are borrowed for the duration of the call
 * and never kept. Text is passed as a pointer and a length in bytes (UTF-8, no NUL terminator needed);
 * bad UTF-8 gives COLL_INVALID_UTF8. Arrays and output buffers always carry their length or capacity.
 * Small values (coll_decimal, coll_date, coll_currency, coll_money, coll_frequency, coll_day_count,
 * coll_unit_period, coll_regulation_z_apr, coll_schedule_terms, coll_reamortization,
 * coll_schedule_row, coll_schedule_totals) are plain structs owned by whoever holds them; they are
 * checked every time they are passed in (a struct that points to arrays, coll_schedule_terms, is
 * read with them during the call and kept by neither). The debt structs (coll_statutory_claim,
 * coll_dunning_invoice, coll_dunning_level, coll_dunning_policy, coll_aging_account, coll_aging_rules,
 * coll_limitation, coll_ledger_terms, coll_ledger_event, coll_payment_record, coll_tolerances,
 * coll_account_activity, ... and the results) are plain values too; the invoices, levels, accounts,
 * terms, events, records and rules point to arrays and text that are read during the call only. So
 * are the affordability structs (coll_household, coll_statement_item, coll_guideline_row,
 * coll_guideline_table, coll_assessment_policy, coll_creditor, coll_offer_policy, coll_plan_debt,
 * coll_plan_policy and the results): their text, categories and rows are read during the call only.
 * So are the contact structs (coll_contact_text, coll_contact_attempt, coll_contact_request_fields,
 * coll_contact_batch_item), and the plan structs (coll_promise, coll_plan_payment, coll_plan_terms,
 * coll_plan_bounds, coll_probabilities, coll_break_rule, coll_replan_terms, coll_account_state,
 * coll_expected_recovery, coll_discount_band, coll_cei_inputs and the results). Instants cross as int64_t Unix seconds (UTC); coll_instant_from_rfc3339
 * and coll_instant_to_rfc3339 convert RFC 3339 text, and attempts and requests also take it.
 * Rich objects are opaque handles: a handle made by coll_<thing>_new (or coll_calendar_builtin,
 * coll_schedule_reamortize, coll_ledger_clone, coll_ledger_status_history, coll_reconcile,
 * coll_compare_to_expected, coll_guidelines_irs, coll_guidelines_from_json, coll_guidelines_from_csv,
 * coll_assess, coll_recommend, coll_contact_<thing>_from_json, coll_contact_policy_us_federal,
 * coll_contact_policy_from_presets, coll_contact_request_at, coll_contact_evaluate,
 * coll_contact_eligible_windows, coll_contact_evaluate_batch, coll_arrangement_new_with_terms_json,
 * coll_arrangement_from_schedule, coll_arrangement_from_json, coll_arrangement_cancel,
 * coll_arrangement_replan, coll_plan_track, coll_plan_forecast, coll_treatment_policy_standard,
 * coll_treatment_policy_from_json, coll_treatment_recommend, coll_settlement_policy_from_json,
 * coll_roll_rate_matrix, or a coll_<thing>_clone) is owned by the caller and freed by
 * coll_<thing>_free, which accepts NULL.
 * Strings returned as `const char *` (coll_version, coll_status_name, coll_last_error_message, and
 * the coll_<enumeration>_name functions: coll_dunning_outcome_name, coll_debt_status_name,
 * coll_component_name, coll_ledger_entry_kind_name, ..., and coll_category_sfs_group and
 * coll_category_irs_line) belong to the library: never free them. Text a
 * handle lends in a result struct (a coll_dunning_line's invoice_id and action, a coll_dunning_customer's
 * customer_id, a coll_status_change's reason, a coll_ledger_event's id and reason and a
 * coll_ledger_account's id read from a coll_ledger, the references and account ids of
 * coll_ledger_posted_payments, a coll_discrepancy's resolution, a coll_delinquency_change's
 * bucket_label; a coll_statement's item labels and region, a coll_guidelines' table names, sources and
 * rows with their text and categories, a coll_assessment's table name, guideline names, categories,
 * marks, derivations and line labels, a coll_fair_share's creditor ids, a coll_recommendations' debt
 * ids and reasons; a coll_contact_policy's rule ids, citations, marks and kinds, a coll_contact_decision's
 * reasons and warnings; a coll_arrangement's debt ids, a coll_treatment_policy's rule names and
 * reasons, a coll_treatment's rule, reason and facts, a coll_roll_matrix's labels) is owned by the handle: it stays valid until the handle is freed (posting more events
 * to a coll_ledger does not move it), is NUL-terminated, and comes with its length in bytes (an id
 * may itself contain NUL bytes). An index that is absent is COLL_NO_INDEX (SIZE_MAX).
 * No function returns a string the caller must free (text is written into caller buffers), so there is
 * no coll_string_free yet; one will come with the first function that needs it.
 *
 * Values. Amounts are exact decimals (coll_decimal: a 128-bit mantissa and a scale), never floats, and
 * nothing is rounded unless a function takes a rounding mode. Dates are {year, month, day}.
 *
 * Flags. Yes/no fields inside structs (coll_day_count's end_of_month_rule and has_maturity,
 * coll_regulation_z_apr's irregular, coll_schedule_terms' end_of_month and has_ fields,
 * coll_reamortization's has_ fields, coll_schedule_row's holiday, and the has_ fields and yes/no
 * fields of the debt, affordability and plan structs: blocked, one_level_at_a_time, charged, eligible,
 * has_until, has_contingency, has_min_persons, freeze_interest, has_bounds, consecutive, disputed, ...)
 * are uint8_t, not bool, so that every byte the library reads from caller memory can be checked: 0 or
 * 1, anything else gives COLL_INVALID_ARGUMENT naming the field.
 * A bool passed by value (coll_date_schedule's end_of_month, the rate functions' continuous) is a C99
 * bool, which is always 0 or 1 in C; a caller from another language must pass exactly 0 or 1 there.
 * bool out-parameters are written as 0 or 1.
 *
 * Thread safety. All functions may be called from any thread. The last error message is per thread.
 * A coll_calendar, coll_schedule, coll_late_interest, coll_dunning_run, coll_reconciliation,
 * coll_expected_comparison, coll_delinquency_history, coll_statement, coll_guidelines, coll_assessment,
 * coll_fair_share, coll_recommendations, coll_arrangement, coll_tracking, coll_forecast,
 * coll_treatment_policy, coll_treatment, coll_settlement_policy or coll_roll_matrix never changes after
 * it is made, so one handle may be shared
 * by threads; free it once, after every thread is done with it. A coll_statutory_tables,
 * coll_status_history or coll_ledger changes (coll_statutory_tables_push, coll_status_history_change,
 * coll_ledger_post, coll_ledger_post_all): no other thread may use it during such a call.
 *
 * Examples. tests/c/demo.c (a collections officer's day over the sample portfolio: aging, contact rules,
 * affordability, plans scored and tracked, dunning, KPIs and a forecast),
 * collections-ffi/examples/schedule.c (an amortized loan printed as a table),
 * collections-ffi/examples/dunning.c (a dunning run over invoices, grouped by customer),
 * collections-ffi/examples/ledger.c (an account's obligations, payments and a reversal, with its
 * balances and journal), collections-ffi/examples/affordability.c (a household's statement assessed
 * against the IRS standards, its flags and derivation, a fair-share split and a plan per debt) and
 * collections-ffi/examples/plan.c (a repayment plan tracked against payments, two alternatives ranked
 * by expected value, a settlement offer).
 *
 * Version. coll_version() returns "MAJOR.MINOR.PATCH" of the library; COLL_VERSION_MAJOR/MINOR/PATCH
 * are those of this header.
 */

#ifndef COLLECTIONS_H
#define COLLECTIONS_H

/* Generated by cbindgen from collections-ffi: do not edit. Run `make header` to regenerate. */

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/**
 * The index a result holds where there is none: a ledger entry no event made (coll_ledger_entry's
 * event), a discrepancy with no reported or no posted record (coll_discrepancy's reported and posted),
 * a payment with no journal entry (coll_ledger_payment_entry). Equal to SIZE_MAX.
 */
#define COLL_NO_INDEX SIZE_MAX

/**
 * The major version of the library this header belongs to (Cargo.toml's version).
 */
#define COLL_VERSION_MAJOR 0

/**
 * The minor version of the library this header belongs to.
 */
#define COLL_VERSION_MINOR 1

/**
 * The patch version of the library this header belongs to.
 */
#define COLL_VERSION_PATCH 0

/**
 * The largest scale a `coll_decimal` may have.
 */
#define COLL_DECIMAL_MAX_SCALE 28

/**
 * A buffer size that always holds a decimal's text and its NUL (`coll_decimal_to_string`).
 */
#define COLL_DECIMAL_TEXT_CAPACITY 64

/**
 * The most people a household may have (`coll_household`).
 */
#define COLL_MAX_PERSONS 1000

/**
 * The longest plan a `coll_plan_policy` may allow, in months (100 years).
 */
#define COLL_MAX_TERM_MONTHS 1200

/**
 * A repayment arrangement: a down payment (optional) and installments on one or more debts, with
 * what is frozen and when a promise counts as kept. Valid by construction. Opaque; made by
 * `coll_arrangement_new`, `coll_arrangement_new_with_terms_json`, `coll_arrangement_from_schedule`,
 * `coll_arrangement_from_json`, `coll_arrangement_cancel`, `coll_arrangement_replan` or
 * `coll_arrangement_clone`, freed by `coll_arrangement_free`. It never changes, so one handle may be
 * shared by threads.
 */
typedef struct coll_arrangement coll_arrangement;

/**
 * What a statement leaves to pay debts with, from `coll_assess`. Opaque; freed by
 * `coll_assessment_free`. It never changes, so threads may share it.
 */
typedef struct coll_assessment coll_assessment;

/**
 * A holiday calendar: weekend days, listed holidays and built-in holiday rules. Opaque; made by
 * `coll_calendar_builtin` or `coll_calendar_new` and freed by `coll_calendar_free`. It never changes
 * after it is made, so one calendar may be used from several threads at once.
 */
typedef struct coll_calendar coll_calendar;

/**
 * The results of `coll_contact_evaluate_batch`, one per item in order: a decision or the item's own
 * error. Opaque; freed by `coll_contact_batch_free`.
 */
typedef struct coll_contact_batch coll_contact_batch;

/**
 * The answer to a request: allowed or not, every rule that blocks, warnings that do not, and the next
 * eligible instant. Opaque; made by `coll_contact_evaluate` or `coll_contact_decision_clone` (and lent
 * by a `coll_contact_batch`), freed by `coll_contact_decision_free`. It never changes, so threads may
 * share it.
 */
typedef struct coll_contact_decision coll_contact_decision;

/**
 * A person's contact history: attempts and contacts in time order. Opaque; made by
 * `coll_contact_history_new` (empty), `coll_contact_history_from_json` or `coll_contact_history_clone`,
 * grown by `coll_contact_history_append`, freed by `coll_contact_history_free`. Not to be appended to
 * while another thread reads it.
 */
typedef struct coll_contact_history coll_contact_history;

/**
 * A contact policy: the rules that apply (each with an id, a citation and a verification mark), what
 * to do for a profile with no time zone, and how far ahead the next eligible instant is searched.
 * Opaque; made by `coll_contact_policy_us_federal`, `coll_contact_policy_from_presets`,
 * `coll_contact_policy_from_json` or `coll_contact_policy_clone`, freed by
 * `coll_contact_policy_free`. It never changes, so threads may share it.
 */
typedef struct coll_contact_policy coll_contact_policy;

/**
 * Everything known about how and when a person may be contacted: the IANA time zones they may be in,
 * their destinations (phone numbers, email and postal addresses, with line kind, place of employment
 * and who is there), consents, opt-outs, inconvenient times and dates, status flags with effective
 * instants, and debts counted as one. Opaque; made by `coll_contact_profile_from_json`,
 * `coll_contact_profile_new` (then `coll_contact_profile_add_destination` and
 * `coll_contact_profile_add_flag`; consents, opt-outs and inconvenient times come through JSON) or
 * `coll_contact_profile_clone`, freed by `coll_contact_profile_free`. Not to be added to while another
 * thread reads it.
 */
typedef struct coll_contact_profile coll_contact_profile;

/**
 * The question: may this channel be used now to reach this person at this destination about this
 * debt? Opaque; made by `coll_contact_request_new`, `coll_contact_request_from_json` or
 * `coll_contact_request_at`, freed by `coll_contact_request_free`. It never changes.
 */
typedef struct coll_contact_request coll_contact_request;

/**
 * The eligible windows over a horizon. Opaque; made by `coll_contact_eligible_windows`, freed by
 * `coll_contact_windows_free`.
 */
typedef struct coll_contact_windows coll_contact_windows;

/**
 * A delinquency history (`coll_delinquency_history_new`). Opaque; freed by
 * `coll_delinquency_history_free`. It never changes, so threads may share it.
 */
typedef struct coll_delinquency_history coll_delinquency_history;

/**
 * The result of a dunning run. Opaque; made by `coll_dunning_run_new`, freed by
 * `coll_dunning_run_free`. It never changes, so threads may share it.
 */
typedef struct coll_dunning_run coll_dunning_run;

/**
 * The result of `coll_compare_to_expected`. Opaque; freed by `coll_expected_comparison_free`. It
 * never changes, so threads may share it.
 */
typedef struct coll_expected_comparison coll_expected_comparison;

/**
 * Offers to every creditor, from `coll_fair_share_new`. Opaque; freed by `coll_fair_share_free`. It
 * never changes, so threads may share it.
 */
typedef struct coll_fair_share coll_fair_share;

/**
 * The expected cash flows of a portfolio of plans by period. Opaque; made by `coll_plan_forecast` or
 * `coll_forecast_clone`, freed by `coll_forecast_free`. It never changes.
 */
typedef struct coll_forecast coll_forecast;

/**
 * A set of guideline tables, at most one in force on any date from the first table's effective date.
 * Opaque; made by `coll_guidelines_irs`, `coll_guidelines_new`, `coll_guidelines_from_json`,
 * `coll_guidelines_from_csv` or `coll_guidelines_clone`, freed by `coll_guidelines_free`. It never
 * changes, so threads may share it.
 */
typedef struct coll_guidelines coll_guidelines;

/**
 * The statutory interest of a claim: its summary and its breakdown by rate. Opaque; made by
 * `coll_late_interest_new`, freed by `coll_late_interest_free`; it never changes, so threads may share
 * it.
 */
typedef struct coll_late_interest coll_late_interest;

/**
 * An account and the events posted to it. Opaque; made by `coll_ledger_new` (or `coll_ledger_clone`),
 * changed by `coll_ledger_post` and `coll_ledger_post_all`, freed by `coll_ledger_free`. Balances,
 * totals, status and entries are derived by replaying the events in date order, so an event posted
 * late (back-dated) re-derives everything after it; an event that cannot be applied is refused and
 * the ledger is left exactly as it was. No other thread may use a ledger while it is posted to.
 *
 * Text the ledger lends (`coll_ledger_event_at`'s id and reason, `coll_ledger_get_account`'s id,
 * `coll_ledger_posted_payments`' references and account ids) stays valid until the ledger is freed:
 * posting more events never moves it.
 */
typedef struct coll_ledger coll_ledger;

/**
 * The recommendations of `coll_recommend`, one per debt in the order given. Opaque; freed by
 * `coll_recommendations_free`. It never changes, so threads may share it.
 */
typedef struct coll_recommendations coll_recommendations;

/**
 * The result of `coll_reconcile`. Opaque; freed by `coll_reconciliation_free`. It never changes, so
 * threads may share it.
 */
typedef struct coll_reconciliation coll_reconciliation;

/**
 * Where accounts in each bucket on one date were on a later date. Opaque; made by
 * `coll_roll_rate_matrix`, freed by `coll_roll_matrix_free`. It never changes.
 */
typedef struct coll_roll_matrix coll_roll_matrix;

/**
 * An amortized schedule: the rows and totals built from a `coll_schedule_terms`. Opaque; made by
 * `coll_schedule_new` or `coll_schedule_reamortize` and freed by `coll_schedule_free`. It never
 * changes after it is made, so one schedule may be read from several threads at once.
 */
typedef struct coll_schedule coll_schedule;

/**
 * Settlement discount bands by days past due. Opaque; made by `coll_settlement_policy_new`,
 * `coll_settlement_policy_from_json` or `coll_settlement_policy_clone`, freed by
 * `coll_settlement_policy_free`. It never changes.
 */
typedef struct coll_settlement_policy coll_settlement_policy;

/**
 * An income and expenditure statement: its date, currency, household and items, each item's amount
 * normalized to monthly. Opaque; made by `coll_statement_new` (or `coll_statement_clone`), freed by
 * `coll_statement_free`. It never changes, so threads may share it.
 */
typedef struct coll_statement coll_statement;

/**
 * Every status change of one account, with the history's rules (no back-dating, a pause returns to
 * the status before it, never current or delinquent again after a charge-off). Opaque; made by
 * `coll_status_history_new`, changed by `coll_status_history_change`, freed by
 * `coll_status_history_free`. It must not be changed while another thread reads it.
 */
typedef struct coll_status_history coll_status_history;

/**
 * The reference-rate tables statutory interest is computed from: the ECB main refinancing rate
 * (EU 2011/7), the Basiszinssatz (BGB §288) and the Bank of England reference rates (UK 1998 Act).
 * Opaque; `coll_statutory_tables_new` makes the built-in tables (the project's reference figures,
 * known through a last date each: a date after it is an error naming the date, never an
 * extrapolation), `coll_statutory_tables_push` and `coll_statutory_tables_extend_through` add what
 * has been published since, `coll_statutory_tables_free` frees them. Functions that take tables
 * read them during the call only. A table being changed must not be read by another thread at the
 * same time.
 */
typedef struct coll_statutory_tables coll_statutory_tables;

/**
 * An arrangement tracked against payments as of a date: each promise's standing and the
 * arrangement's. Opaque; made by `coll_plan_track` or `coll_tracking_clone`, freed by
 * `coll_tracking_free`. It never changes.
 */
typedef struct coll_tracking coll_tracking;

/**
 * What a policy recommends for an account: the action, the rule that fired, why and the facts that
 * held; or that no rule fired. Opaque; made by `coll_treatment_recommend`, freed by
 * `coll_treatment_free`. It never changes.
 */
typedef struct coll_treatment coll_treatment;

/**
 * Rules, as data, from an account's state to the next action, tried in order (the first whose every
 * condition holds fires). Opaque; made by `coll_treatment_policy_standard`,
 * `coll_treatment_policy_from_json` or `coll_treatment_policy_clone`, freed by
 * `coll_treatment_policy_free`. It never changes.
 */
typedef struct coll_treatment_policy coll_treatment_policy;

/**
 * The result of every fallible function: `COLL_OK` (0) or one of the other `COLL_` status codes.
 * The numbers are stable and never reused.
 */
typedef uint32_t coll_status;

/**
 * An exact decimal number: `mantissa / 10^scale`, where `mantissa` is the 128-bit two's-complement
 * integer `(hi << 64) | lo`.
 *
 * Valid values have `scale <= 28` and `|mantissa| < 2^96` (the range of Rust's `rust_decimal`, about
 * +-7.9e28 with up to 28 decimal places); any other value gives `COLL_INVALID_DECIMAL`. For example 12.34
 * is `{ .lo = 1234, .hi = 0, .scale = 2 }` and -1 is `{ .lo = UINT64_MAX, .hi = -1, .scale = 0 }`.
 * Results keep their scale (`2.50` has scale 2), which is how rounding results show their places.
 * A plain value: copy it freely.
 */
typedef struct coll_decimal {
    /**
     * The low 64 bits of the mantissa.
     */
    uint64_t lo;
    /**
     * The high 64 bits of the mantissa, with its sign.
     */
    int64_t hi;
    /**
     * The number of decimal places, 0 to 28.
     */
    uint32_t scale;
} coll_decimal;

/**
 * A currency: a three-letter upper-case code, NUL-terminated, and the number of decimal places of its
 * minor unit (USD 2, JPY 0, KWD 3; at most 18).
 *
 * Make one with `coll_currency_from_code` (ISO 4217) or `coll_currency_new` (a caller-defined
 * currency). Every function that takes one checks it again (`COLL_UNKNOWN_CURRENCY` for a malformed
 * code, `COLL_INVALID_ARGUMENT` for too many minor units). Two currencies are the same when the code
 * and the minor units are both equal. A plain value: copy it freely.
 */
typedef struct coll_currency {
    /**
     * The code, e.g. `"USD"`, with a NUL in `code[3]`.
     */
    char code[4];
    /**
     * Decimal places of the minor unit.
     */
    uint32_t minor_units;
} coll_currency;

/**
 * An amount of money in one currency. The amount may have more decimal places than the currency's
 * minor unit (an interest accrual before rounding); `coll_money_round` brings it to minor units.
 * A plain value: copy it freely.
 */
typedef struct coll_money {
    /**
     * The amount.
     */
    struct coll_decimal amount;
    /**
     * Its currency.
     */
    struct coll_currency currency;
} coll_money;

/**
 * A rounding mode: one of the `COLL_ROUND_` constants. Every function that rounds takes one; nothing
 * rounds silently.
 */
typedef uint32_t coll_rounding_mode;

/**
 * A frequency kind: one of the `COLL_FREQUENCY_` constants.
 */
typedef uint32_t coll_frequency_kind;

/**
 * How often a payment falls due. `first_day` and `second_day` are used by
 * `COLL_FREQUENCY_SEMI_MONTHLY` only (first in 1..=27, second after it and at most 31, where a day past
 * a month's end means its last day) and must be 0 for every other kind. A plain value: copy it freely.
 */
typedef struct coll_frequency {
    /**
     * A `COLL_FREQUENCY_` constant.
     */
    coll_frequency_kind kind;
    /**
     * Semi-monthly: the first day of the month; otherwise 0.
     */
    uint32_t first_day;
    /**
     * Semi-monthly: the second day of the month; otherwise 0.
     */
    uint32_t second_day;
} coll_frequency;

/**
 * A day of the week: one of the `COLL_WEEKDAY_` constants, Monday 0 to Sunday 6.
 */
typedef uint32_t coll_weekday;

/**
 * A calendar date (proleptic Gregorian). Every function that takes one checks that it exists:
 * `{2025, 2, 30}` gives `COLL_INVALID_DATE`. A plain value: copy it freely.
 */
typedef struct coll_date {
    /**
     * The year, e.g. 2026.
     */
    int32_t year;
    /**
     * The month, 1 to 12.
     */
    uint32_t month;
    /**
     * The day of the month, 1 to 31.
     */
    uint32_t day;
} coll_date;

/**
 * A business-day convention: one of the `COLL_BUSINESS_DAY_` constants (ISDA 2006, section 4.12).
 */
typedef uint32_t coll_business_day_convention;

/**
 * A day-count convention: one of the `COLL_DAY_COUNT_` constants.
 */
typedef uint32_t coll_day_count_kind;

/**
 * A day-count convention and the data some conventions need. Start from `coll_day_count_init` or
 * `coll_day_count_from_name`, then set what the convention needs. The convention is built from `kind`
 * and the data given, by the same rules as every other surface: data a convention does not take is
 * refused (`COLL_INVALID_ARGUMENT` naming the field), so a mistake is not silently ignored. What
 * counts as given:
 * - `reference_start`, `reference_end`: any date other than `{0, 0, 0}` (then it must exist);
 * - `frequency`: anything other than all zeros (`{COLL_FREQUENCY_WEEKLY, 0, 0}`, which ACT/ACT ICMA
 *   could not use anyway);
 * - `end_of_month_rule`: 0 (1, the standard rule, is the default and is accepted by every kind);
 * - `maturity`: when `has_maturity` is 1.
 *
 * The flags are `uint8_t`, not `bool`, so that any byte can be checked: a value other than 0 or 1 gives
 * `COLL_INVALID_ARGUMENT` naming the flag. A plain value: copy it freely.
 */
typedef struct coll_day_count {
    /**
     * A `COLL_DAY_COUNT_` constant.
     */
    coll_day_count_kind kind;
    /**
     * 30/360 US: 1 to apply the February month-end adjustments (the standard rule, and the default), 0
     * not to (30/360 US only).
     */
    uint8_t end_of_month_rule;
    /**
     * ACT/ACT ICMA: the start of a regular coupon period of the schedule; `{0, 0, 0}` when not given.
     */
    struct coll_date reference_start;
    /**
     * ACT/ACT ICMA: the end of that period; `{0, 0, 0}` when not given.
     */
    struct coll_date reference_end;
    /**
     * ACT/ACT ICMA: the schedule's frequency, made of whole months; all zeros when not given.
     */
    struct coll_frequency frequency;
    /**
     * 30E/360 ISDA: 1 when `maturity` is given, else 0.
     */
    uint8_t has_maturity;
    /**
     * 30E/360 ISDA: the instrument's maturity date, when `has_maturity` is 1.
     */
    struct coll_date maturity;
} coll_day_count;

/**
 * When payments fall within each period: one of the `COLL_WHEN_` constants.
 */
typedef uint32_t coll_when;

/**
 * The kind of a Regulation Z unit period: one of the `COLL_UNIT_PERIOD_` constants.
 */
typedef uint32_t coll_unit_period_kind;

/**
 * The unit period of Regulation Z's equation (Appendix J (b)(4)): a kind and a count. Counts beyond a
 * year, or 0 for days, weeks and months, give `COLL_INVALID_ARGUMENT` naming `unit_period`. A plain
 * value: copy it freely.
 */
typedef struct coll_unit_period {
    /**
     * A `COLL_UNIT_PERIOD_` constant.
     */
    coll_unit_period_kind kind;
    /**
     * How many days, weeks or months; 0 for `COLL_UNIT_PERIOD_SEMIMONTH`.
     */
    uint32_t count;
} coll_unit_period;

/**
 * The result of `coll_apr_regulation_z`. Every rate is a fraction (0.0969 for 9.69%), unrounded.
 * A plain value: copy it freely.
 */
typedef struct coll_regulation_z_apr {
    /**
     * The annual percentage rate: `rate_per_unit_period` × `unit_periods_per_year`.
     */
    struct coll_decimal apr;
    /**
     * The rate per unit period, i, that solves the equation.
     */
    struct coll_decimal rate_per_unit_period;
    /**
     * The unit period used.
     */
    struct coll_unit_period unit_period;
    /**
     * Unit periods in a year (12 for a month; 365 / days for a single advance and payment).
     */
    struct coll_decimal unit_periods_per_year;
    /**
     * 1 when the transaction is irregular under §1026.22(a)(3) (several advances, irregular payment
     * periods, or irregular payment amounts other than the first and last), else 0. A `uint8_t`, not a
     * `bool`, so that it can be checked when the struct comes back in.
     */
    uint8_t irregular;
    /**
     * The §1026.22(a) tolerance for this transaction: 0.00125 (1/8 of a percentage point), or 0.0025
     * when `irregular`. Output only: `coll_apr_is_accurate` does not read it.
     */
    struct coll_decimal tolerance;
} coll_regulation_z_apr;

/**
 * How the EU APRC counts time: one of the `COLL_APRC_BASIS_` constants.
 */
typedef uint32_t coll_aprc_basis;

/**
 * The shape of a schedule's payments: one of the `COLL_SCHEDULE_KIND_` constants.
 */
typedef uint32_t coll_schedule_kind;

/**
 * How each row's interest is computed: one of the `COLL_INTEREST_METHOD_` constants.
 */
typedef uint32_t coll_interest_method;

/**
 * What happens to the interest of an odd first period (from the start date to one regular period
 * before the first due date): one of the `COLL_ODD_FIRST_PERIOD_` constants.
 */
typedef uint32_t coll_odd_first_period;

/**
 * What a payment holiday does with its interest: one of the `COLL_HOLIDAY_INTEREST_` constants.
 */
typedef uint32_t coll_holiday_interest;

/**
 * Everything needed to build an amortized schedule (`coll_schedule_new`). Start from
 * `coll_schedule_terms_init`, which sets every option to its default, then set at least `principal`,
 * `currency`, `annual_rate`, `start_date`, `first_due_date` and the term (`term`, or `has_payment` and
 * `payment`).
 *
 * The term or the payment: a schedule has either a number of periods (`term`, payment holidays
 * included, with `has_payment` 0) or a level payment whose number of periods is solved (`has_payment`
 * 1, `payment`, and `term` 0). A term of 0 without a payment gives `COLL_INVALID_ARGUMENT` naming
 * `term`; a non-zero term beside a payment too.
 *
 * Kind data: `amortization_periods` belongs to `COLL_SCHEDULE_KIND_BALLOON`, `step_percent` and
 * `every` to `COLL_SCHEDULE_KIND_GRADUATED`, `payments` to `COLL_SCHEDULE_KIND_CUSTOM`. The kind a
 * field belongs to always reads it (so a 0 there is checked as a value: a graduated `every` of 0 is
 * refused). Any other kind refuses it when it is given, that is not zero (`n_payments` not 0 for
 * `payments`), with `COLL_INVALID_ARGUMENT` naming the field, so a mistake is not silently ignored.
 *
 * Flags (`end_of_month`, `has_payment`, `has_day_count`, `has_payment_multiple`) are `uint8_t`, 0 or
 * 1; anything else gives `COLL_INVALID_ARGUMENT` naming the flag. Data behind a flag that is 0 is not
 * read. Every error names the field at fault (`principal: ...`, `payment_holidays: ...`); errors inside
 * a day count name it as `stub_day_count.<field>` or `day_count.<field>`.
 *
 * Ownership: the struct and the arrays it points to belong to the caller; `coll_schedule_new` copies
 * what it needs, so they may be freed or reused as soon as it returns. A plain value: copy it freely.
 */
typedef struct coll_schedule_terms {
    /**
     * The amount lent, greater than zero, in `currency`.
     */
    struct coll_decimal principal;
    /**
     * The currency: every amount of the schedule is rounded to its minor units. No default: set it
     * with `coll_currency_from_code`.
     */
    struct coll_currency currency;
    /**
     * The annual nominal rate as a fraction (0.06 for 6%), greater than -1.
     */
    struct coll_decimal annual_rate;
    /**
     * The disbursement date (interest runs from here).
     */
    struct coll_date start_date;
    /**
     * The first due date, after `start_date`; later due dates step from it by `frequency`.
     */
    struct coll_date first_due_date;
    /**
     * How often payments fall due. Default: monthly.
     */
    struct coll_frequency frequency;
    /**
     * 1 to keep month ends for due dates when `first_due_date` is one; default 0.
     */
    uint8_t end_of_month;
    /**
     * The number of periods (payment holidays included), at least 1 and at most `max_rows`; 0 when
     * `has_payment` is 1. Default 0: set it (or the payment).
     */
    uint32_t term;
    /**
     * 1 when `payment` fixes the level payment and the term is solved from it; default 0.
     */
    uint8_t has_payment;
    /**
     * The level payment, when `has_payment` is 1 (level-payment schedules only). A payment that never
     * repays the loan gives `COLL_NO_SOLUTION` naming `payment`, with the minimum payment in the message.
     */
    struct coll_decimal payment;
    /**
     * The shape of the payments, a `COLL_SCHEDULE_KIND_` constant. Default: level payment.
     */
    coll_schedule_kind kind;
    /**
     * Balloon: the (longer) number of periods the payment is computed over; 0 for other kinds.
     */
    uint32_t amortization_periods;
    /**
     * Graduated: the step in percent (5 for 5%), greater than -100; zero for other kinds.
     */
    struct coll_decimal step_percent;
    /**
     * Graduated: paying periods between steps, at least 1; 0 for other kinds.
     */
    uint32_t every;
    /**
     * Custom: the payment of each paying period, none negative. NULL when `n_payments` is 0.
     */
    const struct coll_decimal *payments;
    /**
     * Custom: the number of `payments`, at least 1; 0 for other kinds.
     */
    size_t n_payments;
    /**
     * Periodic or daily interest, a `COLL_INTEREST_METHOD_` constant. Default: periodic.
     */
    coll_interest_method interest_method;
    /**
     * 1 when `day_count` is given (daily interest only; daily interest without one uses Actual/365
     * Fixed); default 0.
     */
    uint8_t has_day_count;
    /**
     * Daily interest: the day count of the year fractions between due dates, when `has_day_count` is 1.
     */
    struct coll_day_count day_count;
    /**
     * The odd-first-period rule, a `COLL_ODD_FIRST_PERIOD_` constant. Default: add to the first
     * installment.
     */
    coll_odd_first_period odd_first_period;
    /**
     * The day count of the odd first period's interest under periodic interest. Default: Actual/365
     * Fixed.
     */
    struct coll_day_count stub_day_count;
    /**
     * The periods (1-based) with no payment due, each from 1 to the term; the last period must pay.
     * NULL when `n_payment_holidays` is 0.
     */
    const uint32_t *payment_holidays;
    /**
     * The number of `payment_holidays`; default 0.
     */
    size_t n_payment_holidays;
    /**
     * What a payment holiday does with its interest, a `COLL_HOLIDAY_INTEREST_` constant. Default:
     * capitalize.
     */
    coll_holiday_interest holiday_interest;
    /**
     * How the level payment is rounded to minor units, a `COLL_ROUND_` constant. Default: half up.
     */
    coll_rounding_mode payment_rounding;
    /**
     * How each row's interest is rounded to minor units, a `COLL_ROUND_` constant. Default: half up.
     */
    coll_rounding_mode interest_rounding;
    /**
     * 1 when the payment is rounded to a multiple of `payment_multiple` (with `payment_rounding`);
     * default 0.
     */
    uint8_t has_payment_multiple;
    /**
     * The multiple (5 for multiples of 5), greater than zero, when `has_payment_multiple` is 1.
     */
    struct coll_decimal payment_multiple;
    /**
     * The most rows the schedule may have, at least 1; more is `COLL_INVALID_ARGUMENT` naming `term`
     * (a term beyond it) or `max_rows` (a payment that does not repay within it). Default: 1200.
     */
    uint32_t max_rows;
} coll_schedule_terms;

/**
 * Changes for `coll_schedule_reamortize`. Each change applies only when its flag is 1; a struct of
 * zeros (`coll_reamortization changes = {0};`) keeps the rate and re-amortizes over the remaining
 * periods. `has_term` and `has_payment` must not both be 1. The flags are `uint8_t`, 0 or 1. A plain
 * value: copy it freely.
 */
typedef struct coll_reamortization {
    /**
     * 1 to change the annual rate to `annual_rate`.
     */
    uint8_t has_annual_rate;
    /**
     * The new annual rate as a fraction, greater than -1.
     */
    struct coll_decimal annual_rate;
    /**
     * 1 to change the number of periods from the re-amortized row on to `term`.
     */
    uint8_t has_term;
    /**
     * The new number of periods from `from_row` on, at least 1.
     */
    uint32_t term;
    /**
     * 1 to change to a level payment of `payment` (the term follows from it).
     */
    uint8_t has_payment;
    /**
     * The new level payment, greater than zero.
     */
    struct coll_decimal payment;
} coll_reamortization;

/**
 * One installment of a schedule. Amounts have the currency's minor units (`"1000.00"`). A plain
 * value: copy it freely.
 */
typedef struct coll_schedule_row {
    /**
     * The installment number, from 1 (the row at index i has number i + 1).
     */
    uint32_t number;
    /**
     * The due date.
     */
    struct coll_date due_date;
    /**
     * Days since the previous due date (for the first row, since the interest start).
     */
    int64_t days;
    /**
     * The balance before this row.
     */
    struct coll_decimal opening_balance;
    /**
     * The amount due (zero on a payment holiday).
     */
    struct coll_decimal payment;
    /**
     * The interest charged in this row, with any deferred from holidays before it (on a capitalizing
     * holiday, the interest added to the balance).
     */
    struct coll_decimal interest;
    /**
     * On a deferring holiday, the interest accrued and carried to the next paying row; else zero.
     */
    struct coll_decimal deferred_interest;
    /**
     * The principal repaid (negative when interest is capitalized).
     */
    struct coll_decimal principal;
    /**
     * The balance after this row (zero after the last row).
     */
    struct coll_decimal closing_balance;
    /**
     * 1 when this row is a payment holiday, else 0.
     */
    uint8_t holiday;
} coll_schedule_row;

/**
 * The sums of a schedule's columns. A plain value: copy it freely.
 */
typedef struct coll_schedule_totals {
    /**
     * All payments.
     */
    struct coll_decimal payment;
    /**
     * All interest.
     */
    struct coll_decimal interest;
    /**
     * All principal: the principal lent (plus any capitalized odd-period interest).
     */
    struct coll_decimal principal;
} coll_schedule_totals;

/**
 * A late-payment law: one of the `COLL_STATUTE_` constants.
 */
typedef uint32_t coll_statute;

/**
 * Who owes: one of the `COLL_DEBTOR_` constants.
 */
typedef uint32_t coll_debtor_kind;

/**
 * How Business Central computes a finance charge: one of the `COLL_FINANCE_CHARGE_` constants.
 */
typedef uint32_t coll_finance_charge_method;

/**
 * One claim for statutory late-payment interest. Start from `coll_statutory_claim_init`, then set
 * `statute`, `debtor`, `principal`, `currency`, `due_date` and `through`.
 *
 * Interest runs from the day after `due_date` through `through` (both included: the number of days is
 * `through - due_date`), simple, at the reference rate plus the law's margin, by the law's day count
 * (ACT/365 Fixed), summed exactly over the rate's segments and rounded once to the currency's minor
 * units. The flags are `uint8_t`, 0 or 1; data behind a flag that is 0 is not read.
 *
 * Ownership: the struct belongs to the caller; `tables` is borrowed during the call. A plain value.
 */
typedef struct coll_statutory_claim {
    /**
     * The law, a `COLL_STATUTE_` constant. Default: EU 2011/7.
     */
    coll_statute statute;
    /**
     * The debtor, a `COLL_DEBTOR_` constant. Default: business.
     */
    coll_debtor_kind debtor;
    /**
     * The amount overdue, greater than zero.
     */
    struct coll_decimal principal;
    /**
     * Its currency (EUR for BGB §288, GBP for the UK Act). No default.
     */
    struct coll_currency currency;
    /**
     * The date payment was due; interest runs from the next day.
     */
    struct coll_date due_date;
    /**
     * The last day interest runs (the payment date, or the date of the claim).
     */
    struct coll_date through;
    /**
     * 1 when `margin_points` replaces the law's margin; default 0.
     */
    uint8_t has_margin_points;
    /**
     * A contractual margin in points, at least the law's and below 100.
     */
    struct coll_decimal margin_points;
    /**
     * 1 when `obligation_date` is given (BGB §288: the date the obligation arose, for the 2014
     * reform); default 0 (the due date is used).
     */
    uint8_t has_obligation_date;
    /**
     * The date the obligation arose.
     */
    struct coll_date obligation_date;
    /**
     * 1 when `day_count` replaces the law's (ACT/365 Fixed); default 0.
     */
    uint8_t has_day_count;
    /**
     * ACT/365 Fixed, ACT/360 or ACT/ACT ISDA.
     */
    struct coll_day_count day_count;
    /**
     * The rounding of the total, a `COLL_ROUND_` constant. Default: half up.
     */
    coll_rounding_mode rounding;
    /**
     * The rate tables, or NULL for the built-in ones (the default).
     */
    const struct coll_statutory_tables *tables;
} coll_statutory_claim;

/**
 * The totals of a `coll_late_interest`. A plain value.
 */
typedef struct coll_late_interest_summary {
    /**
     * The law, a `COLL_STATUTE_` constant.
     */
    coll_statute statute;
    /**
     * The principal.
     */
    struct coll_decimal principal;
    /**
     * The currency of the principal and the interest.
     */
    struct coll_currency currency;
    /**
     * The day count used, a `COLL_DAY_COUNT_` constant.
     */
    coll_day_count_kind day_count;
    /**
     * Days of interest (`through - due_date`).
     */
    int64_t days;
    /**
     * The interest, rounded once to the currency's minor units.
     */
    struct coll_decimal interest;
    /**
     * The exact interest is `numerator / denominator` (before rounding).
     */
    struct coll_decimal numerator;
    /**
     * See `numerator`: 100 × the year basis (36500, 36000, or 100 × 365 × 366 across leap years).
     */
    struct coll_decimal denominator;
    /**
     * The rounding applied, a `COLL_ROUND_` constant.
     */
    coll_rounding_mode rounding;
    /**
     * 1 when the law grants fixed compensation (EUR 40; the UK's GBP 40, 70 or 100), else 0.
     */
    uint8_t has_fixed_compensation;
    /**
     * The fixed compensation, in its own currency (EUR or GBP), when `has_fixed_compensation` is 1.
     */
    struct coll_money fixed_compensation;
    /**
     * 1 when a reference rate used is marked unverified in the tables, else 0.
     */
    uint8_t any_unverified;
} coll_late_interest_summary;

/**
 * One row of the breakdown: a run of days at one rate. A plain value.
 */
typedef struct coll_interest_segment {
    /**
     * The first day.
     */
    struct coll_date from;
    /**
     * The day after the last.
     */
    struct coll_date to;
    /**
     * Days in the segment.
     */
    int64_t days;
    /**
     * The date the reference rate row applied is in force from.
     */
    struct coll_date reference_from;
    /**
     * The reference rate in percent.
     */
    struct coll_decimal reference_percent;
    /**
     * 1 when that reference row is marked unverified, else 0.
     */
    uint8_t reference_unverified;
    /**
     * The margin in points.
     */
    struct coll_decimal margin_points;
    /**
     * The rate applied in percent: reference + margin, never below zero.
     */
    struct coll_decimal rate_percent;
    /**
     * The year basis of the segment (365, 360 or 366).
     */
    uint32_t year_basis;
    /**
     * The segment's interest, unrounded (the total is rounded once, not the segments).
     */
    struct coll_decimal interest;
} coll_interest_segment;

/**
 * ERPNext's dunning amounts (`coll_erpnext_dunning`). A plain value.
 */
typedef struct coll_erpnext_dunning_result {
    /**
     * posting date - due date (negative before the due date).
     */
    int64_t overdue_days;
    /**
     * outstanding × rate / 100 / 365 × overdue days, rounded; zero when not overdue.
     */
    struct coll_decimal interest;
    /**
     * The fee charged.
     */
    struct coll_decimal dunning_fee;
    /**
     * interest + fee.
     */
    struct coll_decimal dunning_amount;
    /**
     * The dunning level: earlier dunnings + 1.
     */
    uint32_t level;
} coll_erpnext_dunning_result;

/**
 * Business Central finance charge terms. Start from `coll_finance_charge_terms_init`. A plain value.
 */
typedef struct coll_finance_charge_terms {
    /**
     * A `COLL_FINANCE_CHARGE_` constant. Default: balance due.
     */
    coll_finance_charge_method method;
    /**
     * The rate in percent (per charge for balance due, per interest period for the average daily
     * balance), at least zero.
     */
    struct coll_decimal interest_rate_percent;
    /**
     * Days in the interest period (at least 1 for the average daily balance). Default 30.
     */
    uint32_t interest_period_days;
    /**
     * Days after the due date with no charge. Default 0.
     */
    uint32_t grace_days;
    /**
     * Interest below this is not charged. Default 0.
     */
    struct coll_decimal minimum_amount;
    /**
     * A fee added to a charge. Default 0.
     */
    struct coll_decimal additional_fee;
} coll_finance_charge_terms;

/**
 * A Business Central finance charge (`coll_finance_charge`). A plain value.
 */
typedef struct coll_finance_charge_result {
    /**
     * as-of date - due date.
     */
    int64_t days_overdue;
    /**
     * 1 when a charge is made (past the grace days, something remaining, interest at least the
     * minimum), else 0 and every amount zero.
     */
    uint8_t charged;
    /**
     * The interest.
     */
    struct coll_decimal interest;
    /**
     * The additional fee.
     */
    struct coll_decimal additional_fee;
    /**
     * interest + fee.
     */
    struct coll_decimal total;
} coll_finance_charge_result;

/**
 * An amount outstanding for a number of days (`coll_average_daily_balance_interest`). A plain value.
 */
typedef struct coll_balance_days {
    /**
     * The amount, at least zero.
     */
    struct coll_decimal amount;
    /**
     * The days it was outstanding, at least zero.
     */
    int64_t days;
} coll_balance_days;

/**
 * A payment against an invoice. A plain value.
 */
typedef struct coll_dunning_payment {
    /**
     * The day it was received; a payment after the run date is ignored (not yet known).
     */
    struct coll_date date;
    /**
     * The amount, greater than zero.
     */
    struct coll_decimal amount;
    /**
     * Its currency, which must be the invoice's; all zeros (`{0}`) means the invoice's currency.
     */
    struct coll_currency currency;
} coll_dunning_payment;

/**
 * An invoice as a dunning run sees it. Start from `coll_dunning_invoice_init`, then set `id`,
 * `customer_id`, `currency`, `amount`, `due_date` and any payments. Text is UTF-8 with its length
 * (no NUL needed). `blocked` is a `uint8_t` flag, 0 or 1.
 *
 * Ownership: the struct, its text and its payments belong to the caller and are copied by
 * `coll_dunning_run_new`.
 */
typedef struct coll_dunning_invoice {
    /**
     * The invoice id, unique within a run.
     */
    const char *id;
    /**
     * Bytes in `id`.
     */
    size_t id_len;
    /**
     * The customer it belongs to.
     */
    const char *customer_id;
    /**
     * Bytes in `customer_id`.
     */
    size_t customer_id_len;
    /**
     * Its currency, which must be the policy's.
     */
    struct coll_currency currency;
    /**
     * The invoiced amount, greater than zero.
     */
    struct coll_decimal amount;
    /**
     * The date payment was due.
     */
    struct coll_date due_date;
    /**
     * The payments, in date order; NULL when `n_payments` is 0.
     */
    const struct coll_dunning_payment *payments;
    /**
     * The number of `payments`.
     */
    size_t n_payments;
    /**
     * The level of the last notice already sent (0: none).
     */
    uint32_t dunning_level;
    /**
     * 1 when blocked from dunning (litigation, dispute, handed over), else 0.
     */
    uint8_t blocked;
} coll_dunning_invoice;

/**
 * How a dunning level charges interest: one of the `COLL_DUNNING_INTEREST_` constants.
 */
typedef uint32_t coll_dunning_interest_method;

/**
 * One rung of a dunning ladder. Start from `coll_dunning_level_init`. The interest data belongs to
 * the methods that take it: `rate_percent` to ERPNext, balance due and average daily balance,
 * `interest_period_days` to the average daily balance, `statute` and `debtor` to statutory interest.
 * A method always reads its own fields; any other method refuses one that is given, that is not zero,
 * with `COLL_INVALID_ARGUMENT` naming it (so `COLL_STATUTE_EU_2011_7` and `COLL_DEBTOR_BUSINESS`, both
 * 0, are what a statutory level gets unless it says otherwise). A plain value.
 */
typedef struct coll_dunning_level {
    /**
     * Days overdue at which the level is reached (before grace days); strictly increasing from level
     * to level.
     */
    uint32_t days_overdue;
    /**
     * Further days of tolerance: the level is reached at `days_overdue + grace_days`. Default 0.
     */
    uint32_t grace_days;
    /**
     * The fee charged with the notice, at least zero, with at most the currency's minor units.
     */
    struct coll_decimal fee;
    /**
     * The level is reached only when at least this much is outstanding. Default 0.
     */
    struct coll_decimal minimum_outstanding;
    /**
     * A `COLL_DUNNING_INTEREST_` constant. Default: none.
     */
    coll_dunning_interest_method interest_method;
    /**
     * The rate in percent (annual for ERPNext, per charge for balance due, per interest period for
     * the average daily balance), at least zero.
     */
    struct coll_decimal rate_percent;
    /**
     * Average daily balance: days in the interest period, at least 1.
     */
    uint32_t interest_period_days;
    /**
     * Statutory: the law, a `COLL_STATUTE_` constant.
     */
    coll_statute statute;
    /**
     * Statutory: the debtor, a `COLL_DEBTOR_` constant.
     */
    coll_debtor_kind debtor;
    /**
     * What to do: a key such as `reminder`, `final notice`, `legal handover` (UTF-8, may be empty).
     */
    const char *action;
    /**
     * Bytes in `action`.
     */
    size_t action_len;
} coll_dunning_level;

/**
 * A dunning ladder in one currency. Start from `coll_dunning_policy_init`, then set `currency` and the
 * levels. `one_level_at_a_time` is a `uint8_t` flag. A plain value: the levels and tables are borrowed
 * by `coll_dunning_run_new` for the call.
 */
typedef struct coll_dunning_policy {
    /**
     * The currency of every invoice and fee.
     */
    struct coll_currency currency;
    /**
     * The levels, level 1 first; at least one.
     */
    const struct coll_dunning_level *levels;
    /**
     * The number of `levels`.
     */
    size_t n_levels;
    /**
     * The rounding of interest, a `COLL_ROUND_` constant. Default: half up.
     */
    coll_rounding_mode rounding;
    /**
     * 1 (the default): an invoice climbs at most one level above its `dunning_level` per run, so no
     * notice is skipped; 0: it gets the highest level reached.
     */
    uint8_t one_level_at_a_time;
    /**
     * The statutory rate tables, or NULL for the built-in ones (the default).
     */
    const struct coll_statutory_tables *tables;
} coll_dunning_policy;

/**
 * What a run decided for an invoice: one of the `COLL_DUNNING_OUTCOME_` constants.
 */
typedef uint32_t coll_dunning_outcome;

/**
 * One invoice's line of a run. Amounts have the currency's minor units. The text pointers point into
 * the run: they stay valid until `coll_dunning_run_free`, are NUL-terminated, and hold their length
 * in bytes (ids may contain NUL bytes). A plain value.
 */
typedef struct coll_dunning_line {
    /**
     * The invoice's position in the array given to `coll_dunning_run_new`.
     */
    size_t invoice_index;
    /**
     * The invoice id (owned by the run).
     */
    const char *invoice_id;
    /**
     * Bytes in `invoice_id`.
     */
    size_t invoice_id_len;
    /**
     * Amount - payments known at the run date, never below zero.
     */
    struct coll_decimal outstanding;
    /**
     * Run date - due date (negative before the due date).
     */
    int64_t days_overdue;
    /**
     * The decision, a `COLL_DUNNING_OUTCOME_` constant.
     */
    coll_dunning_outcome outcome;
    /**
     * The level reached (1 is the first) for a notice or one already sent; 0 for none.
     */
    uint32_t level;
    /**
     * The level's action key (owned by the run), or NULL when `level` is 0.
     */
    const char *action;
    /**
     * Bytes in `action` (0 when NULL).
     */
    size_t action_len;
    /**
     * The level's fee (zero unless a notice).
     */
    struct coll_decimal fee;
    /**
     * The interest (zero unless a notice at a level with interest).
     */
    struct coll_decimal interest;
    /**
     * fee + interest.
     */
    struct coll_decimal total;
    /**
     * 1 when the interest used a reference-rate row marked unverified (statutory only), else 0.
     */
    uint8_t unverified_rate;
} coll_dunning_line;

/**
 * Sums over some lines. A plain value.
 */
typedef struct coll_dunning_totals {
    /**
     * Invoices.
     */
    size_t invoices;
    /**
     * New notices.
     */
    size_t notices;
    /**
     * Outstanding over all the invoices (blocked ones included).
     */
    struct coll_decimal outstanding;
    /**
     * Fees of the notices.
     */
    struct coll_decimal fee;
    /**
     * Interest of the notices.
     */
    struct coll_decimal interest;
    /**
     * fee + interest.
     */
    struct coll_decimal total;
} coll_dunning_totals;

/**
 * One customer's group of lines: lines `first_line` to `first_line + n_lines - 1` of the run. The
 * `customer_id` text is owned by the run (valid until `coll_dunning_run_free`, NUL-terminated). A
 * plain value.
 */
typedef struct coll_dunning_customer {
    /**
     * The customer id.
     */
    const char *customer_id;
    /**
     * Bytes in `customer_id`.
     */
    size_t customer_id_len;
    /**
     * The index of the customer's first line.
     */
    size_t first_line;
    /**
     * The number of the customer's lines (at least 1).
     */
    size_t n_lines;
    /**
     * The customer's totals.
     */
    struct coll_dunning_totals totals;
} coll_dunning_customer;

/**
 * How shortfalls are judged: one of the `COLL_SHORTFALL_` constants (FFIEC's two methods).
 */
typedef uint32_t coll_shortfall_method;

/**
 * The kind of tolerance: one of the `COLL_TOLERANCE_` constants.
 */
typedef uint32_t coll_tolerance_kind;

/**
 * How accounts are aged. Start from `coll_aging_rules_init`. Ownership: the caller's; the bucket
 * bounds are read during each call only.
 */
typedef struct coll_aging_rules {
    /**
     * A `COLL_SHORTFALL_` constant. Default: per installment.
     */
    coll_shortfall_method method;
    /**
     * A `COLL_TOLERANCE_` constant. Default: none.
     */
    coll_tolerance_kind tolerance_kind;
    /**
     * The tolerance: an amount (at least zero) or a percentage (0 to 100); zero for none.
     */
    struct coll_decimal tolerance;
    /**
     * Days subtracted from every count of days past due. Default 0.
     */
    uint32_t grace_days;
    /**
     * The buckets' upper bounds in days, strictly increasing: buckets `0..=b0` (labelled `current`
     * when b0 is 0), `b0+1..=b1` (`"a-b"`), ..., and an open last one (`"n+"`). NULL with 0 for the
     * default buckets: current, 1-30, 31-60, 61-90, 91-120, 121-150, 151-180, 181+.
     */
    const uint32_t *bucket_upper_bounds;
    /**
     * The number of `bucket_upper_bounds`.
     */
    size_t n_bucket_upper_bounds;
} coll_aging_rules;

/**
 * Closed-end or open-end credit, for charge-off: one of the `COLL_CREDIT_` constants.
 */
typedef uint32_t coll_credit_type;

/**
 * Where a limitation period starts: one of the `COLL_LIMITATION_FROM_` constants.
 */
typedef uint32_t coll_limitation_start;

/**
 * The unit of a limitation period: one of the `COLL_LIMITATION_UNIT_` constants.
 */
typedef uint32_t coll_limitation_unit;

/**
 * One obligation of an account: what fell (or falls) due on a date and how much of it is paid. A
 * plain value.
 */
typedef struct coll_obligation {
    /**
     * The due date.
     */
    struct coll_date due_date;
    /**
     * The amount due, at least zero.
     */
    struct coll_decimal amount_due;
    /**
     * The amount paid towards it, at least zero (more than due counts as fully paid).
     */
    struct coll_decimal amount_paid;
} coll_obligation;

/**
 * An inclusive range of dates. A plain value.
 */
typedef struct coll_date_range {
    /**
     * The first day.
     */
    struct coll_date start;
    /**
     * The last day, not before `start`.
     */
    struct coll_date end;
} coll_date_range;

/**
 * An account as aging reads it: its obligations in due-date order, and its frozen periods (a dispute,
 * a breathing space: days past due stand still) in date order, not overlapping. Either array may be
 * NULL when its count is 0. Ownership: the caller's; read during the call only.
 */
typedef struct coll_aging_account {
    /**
     * The obligations.
     */
    const struct coll_obligation *obligations;
    /**
     * The number of `obligations`.
     */
    size_t n_obligations;
    /**
     * The frozen periods.
     */
    const struct coll_date_range *frozen;
    /**
     * The number of `frozen` periods.
     */
    size_t n_frozen;
} coll_aging_account;

/**
 * One account aged as of a date (`coll_age_account`). A plain value.
 */
typedef struct coll_aging_result {
    /**
     * Days past due: from the oldest past-due obligation not counted as paid, less frozen and grace
     * days, never below zero.
     */
    uint32_t days_past_due;
    /**
     * 1 when something is past due (then `counting_from` is the due date counted from), else 0.
     */
    uint8_t has_counting_from;
    /**
     * The due date the days count from.
     */
    struct coll_date counting_from;
    /**
     * The index of the account's bucket (see `coll_aging_bucket_label`).
     */
    uint32_t bucket;
    /**
     * Unpaid amounts of past-due obligations not counted as paid.
     */
    struct coll_decimal past_due_amount;
    /**
     * Unpaid amounts of past-due obligations counted as paid under the tolerance (still owed).
     */
    struct coll_decimal tolerated_shortfall;
    /**
     * Everything unpaid, due or not.
     */
    struct coll_decimal outstanding;
} coll_aging_result;

/**
 * Days past due at which each credit type becomes eligible for charge-off. A plain value.
 */
typedef struct coll_charge_off_policy {
    /**
     * Closed-end credit, at least 1. Default (FFIEC) 120.
     */
    uint32_t closed_end_days;
    /**
     * Open-end credit, at least 1. Default (FFIEC) 180.
     */
    uint32_t open_end_days;
} coll_charge_off_policy;

/**
 * Charge-off eligibility of an account (`coll_charge_off`). A plain value.
 */
typedef struct coll_charge_off_result {
    /**
     * The days past due that make it eligible.
     */
    uint32_t threshold_days;
    /**
     * Its days past due as of the date asked.
     */
    uint32_t days_past_due;
    /**
     * 1 when eligible as of that date, else 0.
     */
    uint8_t eligible;
    /**
     * 1 when something is past due (then `eligible_on` is set), else 0.
     */
    uint8_t has_eligible_on;
    /**
     * The first date it is (or was) eligible if nothing more is paid.
     */
    struct coll_date eligible_on;
} coll_charge_off_result;

/**
 * A limitation period and the facts that may restart it. Start from `coll_limitation_init`. The flags
 * are `uint8_t`, 0 or 1. A plain value.
 */
typedef struct coll_limitation {
    /**
     * A `COLL_LIMITATION_FROM_` constant. Default: the due date.
     */
    coll_limitation_start start;
    /**
     * A `COLL_LIMITATION_UNIT_` constant. Default: years.
     */
    coll_limitation_unit unit;
    /**
     * The number of units, at least 1. Default 6.
     */
    uint32_t length;
    /**
     * 1 when `last_payment` is given; default 0.
     */
    uint8_t has_last_payment;
    /**
     * The last payment, not after the as-of date.
     */
    struct coll_date last_payment;
    /**
     * 1 when `last_acknowledgment` is given; default 0.
     */
    uint8_t has_last_acknowledgment;
    /**
     * The last written acknowledgment, not after the as-of date.
     */
    struct coll_date last_acknowledgment;
} coll_limitation;

/**
 * Whether a debt is time-barred (`coll_time_bar`). A plain value.
 */
typedef struct coll_time_bar_result {
    /**
     * 1 when something is past due (then `start` and `barred_on` are set), else 0.
     */
    uint8_t has_start;
    /**
     * The date the period runs from (not counted).
     */
    struct coll_date start;
    /**
     * 1 when `barred_on` is set, else 0.
     */
    uint8_t has_barred_on;
    /**
     * The first day the debt is time-barred: the day after the period's anniversary of `start`.
     */
    struct coll_date barred_on;
    /**
     * 1 when time-barred as of the date asked, else 0.
     */
    uint8_t time_barred;
} coll_time_bar_result;

/**
 * One account of a portfolio aging. A plain value.
 */
typedef struct coll_account_age {
    /**
     * Days past due.
     */
    uint32_t days_past_due;
    /**
     * The bucket index.
     */
    uint32_t bucket;
} coll_account_age;

/**
 * Totals of the accounts in one bucket of a portfolio aging. A plain value.
 */
typedef struct coll_bucket_totals {
    /**
     * How many accounts.
     */
    uint64_t accounts;
    /**
     * Their outstanding amounts.
     */
    struct coll_decimal outstanding;
    /**
     * Their past-due amounts.
     */
    struct coll_decimal past_due;
} coll_bucket_totals;

/**
 * Which balance a roll rate compares: one of the `COLL_ROLL_MEASURE_` constants.
 */
typedef uint32_t coll_roll_measure;

/**
 * One roll rate: the balance in bucket k+1 now ÷ the balance in bucket k before. A plain value.
 */
typedef struct coll_roll_rate {
    /**
     * 1 when bucket k held something before (then `rate` is set), else 0.
     */
    uint8_t has_rate;
    /**
     * The rate (1 is everything rolled; above 1 when more arrived than was there).
     */
    struct coll_decimal rate;
} coll_roll_rate;

/**
 * An amount on a date (a payment received; an amount due). A plain value.
 */
typedef struct coll_dated_amount {
    /**
     * The date.
     */
    struct coll_date date;
    /**
     * The amount.
     */
    struct coll_decimal amount;
} coll_dated_amount;

/**
 * An account's dated facts: what fell due (in date order), what was paid and when (in date order), and
 * its frozen periods (in order, not overlapping). Payments are applied to the oldest unpaid amount
 * first on the day they are received; a payment beyond everything due is a credit aging ignores. Any
 * array may be NULL when its count is 0. Ownership: the caller's; read during each call only.
 */
typedef struct coll_account_activity {
    /**
     * The amounts due (installments, minimum payments, fees), each at least zero.
     */
    const struct coll_dated_amount *dues;
    /**
     * The number of `dues`.
     */
    size_t n_dues;
    /**
     * The payments received, each at least zero.
     */
    const struct coll_dated_amount *payments;
    /**
     * The number of `payments`.
     */
    size_t n_payments;
    /**
     * The frozen periods (days past due stand still).
     */
    const struct coll_date_range *frozen;
    /**
     * The number of `frozen` periods.
     */
    size_t n_frozen;
} coll_account_activity;

/**
 * An aging at a month end (`coll_month_end_agings`). A plain value.
 */
typedef struct coll_month_end_aging {
    /**
     * The month end.
     */
    struct coll_date as_of;
    /**
     * The account aged on it.
     */
    struct coll_aging_result aging;
} coll_month_end_aging;

/**
 * One point of a delinquency history: the account's aging on a date where its bucket, the due date
 * its days count from, its past-due amount or its frozen state changed (between two points the days
 * past due grow by one a day, except on frozen days). `bucket_label` points into the history (valid
 * until it is freed, NUL-terminated). A plain value.
 */
typedef struct coll_delinquency_change {
    /**
     * The date of the change.
     */
    struct coll_date date;
    /**
     * Days past due on that date.
     */
    uint32_t days_past_due;
    /**
     * 1 when something is past due (then `counting_from` is set), else 0.
     */
    uint8_t has_counting_from;
    /**
     * The due date the days count from.
     */
    struct coll_date counting_from;
    /**
     * The bucket index.
     */
    uint32_t bucket;
    /**
     * Its label (owned by the history).
     */
    const char *bucket_label;
    /**
     * Bytes in `bucket_label`.
     */
    size_t bucket_label_len;
    /**
     * The past-due amount on that date.
     */
    struct coll_decimal past_due_amount;
    /**
     * 1 when the date is in a frozen period, else 0.
     */
    uint8_t frozen;
} coll_delinquency_change;

/**
 * The status of a debt: one of the `COLL_DEBT_STATUS_` constants.
 */
typedef uint32_t coll_debt_status;

/**
 * One recorded change. `reason` points into the history: valid until the history is freed,
 * NUL-terminated, `reason_len` bytes. A plain value.
 */
typedef struct coll_status_change {
    /**
     * The status before.
     */
    coll_debt_status from;
    /**
     * The status after.
     */
    coll_debt_status to;
    /**
     * The date it took effect.
     */
    struct coll_date date;
    /**
     * Why (owned by the history).
     */
    const char *reason;
    /**
     * Bytes in `reason`.
     */
    size_t reason_len;
} coll_status_change;

/**
 * A balance component: one of the `COLL_COMPONENT_` constants. The constants are also the indices
 * of the per-component arrays of `coll_ledger_totals`.
 */
typedef uint32_t coll_component;

/**
 * When a charge falls due relative to the day a payment is made: one of the `COLL_TIMING_`
 * constants (for advanced allocation orders).
 */
typedef uint32_t coll_timing;

/**
 * How interest accrues: one of the `COLL_INTEREST_MODE_` constants.
 */
typedef uint32_t coll_interest_mode;

/**
 * A named order in which a payment pays the four components: one of the `COLL_ALLOCATION_ORDER_`
 * constants.
 */
typedef uint32_t coll_allocation_order;

/**
 * Whether an allocation order runs within each obligation or across them: one of the
 * `COLL_ALLOCATION_SCOPE_` constants.
 */
typedef uint32_t coll_allocation_scope;

/**
 * What happens to money a payment has left after its allocation: one of the `COLL_OVERPAYMENT_`
 * constants.
 */
typedef uint32_t coll_overpayment_rule;

/**
 * What a replay derived at one step of the journal: one of the `COLL_LEDGER_ENTRY_` constants.
 */
typedef uint32_t coll_ledger_entry_kind;

/**
 * What happened to an account: one of the `COLL_LEDGER_EVENT_` constants.
 */
typedef uint32_t coll_ledger_event_kind;

/**
 * One event, of any kind. Start from `coll_ledger_event_init(kind, date, &e)`, then set the fields
 * the kind takes:
 *
 * | kind | fields |
 * |---|---|
 * | obligation, refund | `amount` |
 * | accrue | none |
 * | fee, waiver, adjustment | `component`, `amount` (signed for an adjustment), `reason` |
 * | payment | `id`, `amount`, `currency` (all zeros: the account's) |
 * | reversal | `id` (the payment's), `reason` |
 * | extension | `days`, `reason` |
 * | settlement, charge off, write off | `reason` |
 * | status change | `to`, `reason` |
 *
 * A field the kind does not take must be left as `_init` leaves it (zero, NULL with length 0, all-zero
 * currency); one that is given is refused with `COLL_INVALID_ARGUMENT` naming it. Text is UTF-8 with
 * its length (no NUL needed); NULL with length 0 is empty (refused where the core needs text).
 *
 * Ownership: the struct and its text belong to the caller; posting copies them. An event read back
 * from a ledger (`coll_ledger_event_at`) points to text owned by the ledger, valid until it is freed.
 */
typedef struct coll_ledger_event {
    /**
     * The effective date, not before the account opened.
     */
    struct coll_date date;
    /**
     * A `COLL_LEDGER_EVENT_` constant.
     */
    coll_ledger_event_kind kind;
    /**
     * The amount: greater than zero with at most the currency's minor units (an adjustment's is signed
     * and not zero).
     */
    struct coll_decimal amount;
    /**
     * A `COLL_COMPONENT_` constant (a fee event: fee or penalty).
     */
    coll_component component;
    /**
     * A payment's unique id, or the id of the payment a reversal reverses.
     */
    const char *id;
    /**
     * Bytes in `id`.
     */
    size_t id_len;
    /**
     * Why (not empty where the kind takes it).
     */
    const char *reason;
    /**
     * Bytes in `reason`.
     */
    size_t reason_len;
    /**
     * An extension's days, 1 to 36,500.
     */
    uint32_t days;
    /**
     * A status change's new status, a `COLL_DEBT_STATUS_` constant.
     */
    coll_debt_status to;
    /**
     * A payment's currency, which must be the account's; all zeros for the account's currency.
     */
    struct coll_currency currency;
} coll_ledger_event;

/**
 * A late-fee rule: assessed once per obligation still short after its due date plus `grace_days`,
 * as `flat + percent × the overdue amount`, held between `minimum` and `maximum`; never pyramided
 * (FTC Credit Practices Rule, 16 CFR 444.4) and not on a day in a freeze. A plain value, part of
 * `coll_ledger_terms`.
 */
typedef struct coll_late_fee_rule {
    /**
     * A fixed amount, at least zero. Default 0.
     */
    struct coll_decimal flat;
    /**
     * A fraction of the overdue amount (0.05 for 5%), 0 to 1. Default 0.
     */
    struct coll_decimal percent;
    /**
     * The least fee charged when a fee is due at all, at least zero. Default 0.
     */
    struct coll_decimal minimum;
    /**
     * 1 when `maximum` is given; default 0 (no maximum).
     */
    uint8_t has_maximum;
    /**
     * The most charged, not below `minimum`.
     */
    struct coll_decimal maximum;
    /**
     * Days after the due date before the fee applies (assessed on day `grace_days + 1`). Default 0.
     */
    uint32_t grace_days;
    /**
     * `COLL_COMPONENT_PENALTY` (the default, as Apache Fineract books late fees) or
     * `COLL_COMPONENT_FEE`.
     */
    coll_component component;
} coll_late_fee_rule;

/**
 * One pair of an advanced allocation order (Apache Fineract's advanced payment allocation): the
 * charges of `component` falling due with `timing`. A plain value.
 */
typedef struct coll_allocation_pair {
    /**
     * A `COLL_TIMING_` constant.
     */
    coll_timing timing;
    /**
     * A `COLL_COMPONENT_` constant.
     */
    coll_component component;
} coll_allocation_pair;

/**
 * Everything that decides how an account's balances move. Start from `coll_ledger_terms_init` (the
 * core's defaults), then set the rate history and what differs. The flags are `uint8_t`, 0 or 1; a
 * value behind a flag of 0 is not read.
 *
 * Ownership: the struct and its arrays belong to the caller; `coll_ledger_new` reads them during the
 * call and keeps a copy of the terms, not the arrays.
 */
typedef struct coll_ledger_terms {
    /**
     * The effective dates of the annual rates, strictly increasing; the first on or before the day
     * the account opens (a history with a gap at the start is refused, naming `rates`).
     */
    const struct coll_date *rate_dates;
    /**
     * The annual rates (fractions, 0 to 100), `rates[i]` in force from `rate_dates[i]` until the next.
     */
    const struct coll_decimal *rates;
    /**
     * The number of `rate_dates` and of `rates`, at least 1 (use a rate of 0 for none).
     */
    size_t n_rates;
    /**
     * 1 when a penalty (default) rate applies once more than `penalty_after_days` past due.
     */
    uint8_t has_penalty_rate;
    /**
     * The penalty rate (a fraction, 0 to 100), replacing the contract rate.
     */
    struct coll_decimal penalty_rate;
    /**
     * Days past due after which the penalty rate applies (from day `penalty_after_days + 1`).
     */
    uint32_t penalty_after_days;
    /**
     * 1 when `max_rate` is given.
     */
    uint8_t has_max_rate;
    /**
     * A maximum annual rate every rate is held under (a fraction, 0 to 100).
     */
    struct coll_decimal max_rate;
    /**
     * 1 when `charge_cap` is given.
     */
    uint8_t has_charge_cap;
    /**
     * A cap on the interest, fees and penalties charged over the account's life, as a fraction of the
     * original principal (0 to 1000; 0.5 is half the principal).
     */
    struct coll_decimal charge_cap;
    /**
     * Date ranges (both ends included, in order, not overlapping) on which no interest accrues and no
     * late fee is assessed; NULL when `n_freezes` is 0.
     */
    const struct coll_date_range *freezes;
    /**
     * The number of `freezes`.
     */
    size_t n_freezes;
    /**
     * The day count that turns days into a fraction of a year. Default Actual/365 Fixed.
     */
    struct coll_day_count day_count;
    /**
     * A `COLL_INTEREST_MODE_` constant. Default simple.
     */
    coll_interest_mode interest_mode;
    /**
     * 1 when `late_fee` applies. Default 0.
     */
    uint8_t has_late_fee;
    /**
     * The late-fee rule.
     */
    struct coll_late_fee_rule late_fee;
    /**
     * A `COLL_ALLOCATION_ORDER_` constant. Default fees, interest, principal, penalties.
     */
    coll_allocation_order allocation_order;
    /**
     * A `COLL_ALLOCATION_SCOPE_` constant. Default oldest first.
     */
    coll_allocation_scope allocation_scope;
    /**
     * An advanced allocation order instead of `allocation_order` and `allocation_scope` (which must
     * then be left at their defaults): the (timing, component) pairs in the order they are paid, each
     * at most once. NULL when `n_advanced_allocation` is 0 (the named order applies).
     */
    const struct coll_allocation_pair *advanced_allocation;
    /**
     * The number of `advanced_allocation` pairs.
     */
    size_t n_advanced_allocation;
    /**
     * A `COLL_OVERPAYMENT_` constant. Default hold as credit.
     */
    coll_overpayment_rule overpayment;
    /**
     * How interest, percentage fees and pro-rata splits are rounded, a `COLL_ROUND_` constant.
     * Default half up.
     */
    coll_rounding_mode rounding;
} coll_ledger_terms;

/**
 * The account of a ledger (`coll_ledger_get_account`). `id` points into the ledger (valid until it is
 * freed, NUL-terminated, `id_len` bytes). A plain value.
 */
typedef struct coll_ledger_account {
    /**
     * The account id (owned by the ledger).
     */
    const char *id;
    /**
     * Bytes in `id`.
     */
    size_t id_len;
    /**
     * The currency of every amount.
     */
    struct coll_currency currency;
    /**
     * The day the principal was lent or placed.
     */
    struct coll_date opened_on;
    /**
     * The original principal.
     */
    struct coll_decimal principal;
} coll_ledger_account;

/**
 * The balances of an account at a point of the replay. A plain value.
 */
typedef struct coll_ledger_balances {
    /**
     * Principal outstanding (due or not).
     */
    struct coll_decimal principal;
    /**
     * Interest posted and unpaid.
     */
    struct coll_decimal interest;
    /**
     * Fees unpaid.
     */
    struct coll_decimal fees;
    /**
     * Penalties unpaid.
     */
    struct coll_decimal penalties;
    /**
     * Money received and not applied to any charge (owed back to the debtor or held for later).
     */
    struct coll_decimal credit;
    /**
     * principal + interest + fees + penalties (the credit is not netted).
     */
    struct coll_decimal owed;
} coll_ledger_balances;

/**
 * The running totals of a ledger. The arrays are indexed by the `COLL_COMPONENT_` constants
 * (penalty, fee, interest, principal). A plain value.
 */
typedef struct coll_ledger_totals {
    /**
     * Charged (principal: the original principal plus positive adjustments).
     */
    struct coll_decimal charged[4];
    /**
     * Paid by payments and credit.
     */
    struct coll_decimal paid[4];
    /**
     * Forgiven: waivers, negative adjustments, settlements, write-offs.
     */
    struct coll_decimal forgiven[4];
    /**
     * Payments received (reversed payments excluded).
     */
    struct coll_decimal payments;
    /**
     * Credit refunded.
     */
    struct coll_decimal refunds;
    /**
     * Interest, fees and penalties a cap cut off (never charged).
     */
    struct coll_decimal capped;
} coll_ledger_totals;

/**
 * One step of the journal: what an event (or a rule of the terms) did, and the balances after it. A
 * plain value; its allocations are read with `coll_ledger_entry_allocation_at`.
 */
typedef struct coll_ledger_entry {
    /**
     * The effective date.
     */
    struct coll_date date;
    /**
     * A `COLL_LEDGER_ENTRY_` constant.
     */
    coll_ledger_entry_kind kind;
    /**
     * The index (`coll_ledger_event_at`) of the event that made it, or `COLL_NO_INDEX` for what the
     * terms made (interest, late fees, credit applied).
     */
    size_t event;
    /**
     * The amount: charged, paid, refunded, waived or written off (signed for adjustments).
     */
    struct coll_decimal amount;
    /**
     * For payments: the part held as credit.
     */
    struct coll_decimal to_credit;
    /**
     * For charges: the part a cap cut off (not charged).
     */
    struct coll_decimal capped;
    /**
     * The balances after this step.
     */
    struct coll_ledger_balances balances;
    /**
     * For status entries the new status, otherwise the status after the step: a
     * `COLL_DEBT_STATUS_` constant.
     */
    coll_debt_status status;
    /**
     * How many allocations (where the amount went: payments, credit applied, waivers, settlements,
     * write-offs); for a payment they add up, with `to_credit`, to the amount.
     */
    size_t n_allocations;
} coll_ledger_entry;

/**
 * Where part of an entry's amount went. A plain value.
 */
typedef struct coll_ledger_allocation {
    /**
     * A `COLL_COMPONENT_` constant.
     */
    coll_component component;
    /**
     * 1 when the charge has a due date; 0 for principal no obligation has made due yet.
     */
    uint8_t has_due_date;
    /**
     * The due date of the charge it went to.
     */
    struct coll_date due_date;
    /**
     * The amount.
     */
    struct coll_decimal amount;
} coll_ledger_allocation;

/**
 * One payment as a bank statement, a processor's file or the ledger records it. Text is UTF-8 with
 * its length (no NUL needed). A plain value; a record from `coll_ledger_posted_payments` points to
 * text owned by the ledger.
 */
typedef struct coll_payment_record {
    /**
     * The payment's reference (the ledger's payment id; the bank's transaction reference), not blank.
     */
    const char *reference;
    /**
     * Bytes in `reference`.
     */
    size_t reference_len;
    /**
     * The account it is for, not blank.
     */
    const char *account_id;
    /**
     * Bytes in `account_id`.
     */
    size_t account_id_len;
    /**
     * The value date.
     */
    struct coll_date date;
    /**
     * The amount, greater than zero.
     */
    struct coll_decimal amount;
    /**
     * Its currency.
     */
    struct coll_currency currency;
} coll_payment_record;

/**
 * A payment received: `amount` (above zero) on `date`. A plain value.
 */
typedef struct coll_plan_payment {
    /**
     * The day it was received.
     */
    struct coll_date date;
    /**
     * How much.
     */
    struct coll_decimal amount;
} coll_plan_payment;

/**
 * How far apart a matched pair may be and still agree. Start from `coll_tolerances_init`. A plain
 * value.
 */
typedef struct coll_tolerances {
    /**
     * Days the two dates may differ by (value date against posting date). Default 0.
     */
    uint32_t date_days;
    /**
     * The amount the two may differ by, at least zero. Default 0.
     */
    struct coll_decimal amount;
    /**
     * For matching without a reference: the days the dates may differ by. Default 3.
     */
    uint32_t match_window_days;
} coll_tolerances;

/**
 * What kind of discrepancy: one of the `COLL_DISCREPANCY_` constants.
 */
typedef uint32_t coll_discrepancy_kind;

/**
 * One discrepancy of a reconciliation. `resolution` points into the `coll_reconciliation` (valid
 * until it is freed, NUL-terminated, `resolution_len` bytes). A plain value.
 */
typedef struct coll_discrepancy {
    /**
     * A `COLL_DISCREPANCY_` constant.
     */
    coll_discrepancy_kind kind;
    /**
     * The index of the reported record involved, or `COLL_NO_INDEX`.
     */
    size_t reported;
    /**
     * The index of the posted record involved, or `COLL_NO_INDEX`.
     */
    size_t posted;
    /**
     * 1 when `difference` is set (amount and date mismatches), else 0.
     */
    uint8_t has_difference;
    /**
     * Reported amount - posted amount (amount mismatches), or the days reported - posted (date
     * mismatches).
     */
    struct coll_decimal difference;
    /**
     * What to do about it, in words (owned by the reconciliation).
     */
    const char *resolution;
    /**
     * Bytes in `resolution`.
     */
    size_t resolution_len;
} coll_discrepancy;

/**
 * An installment a schedule or plan expected. A plain value.
 */
typedef struct coll_expected_installment {
    /**
     * The due date.
     */
    struct coll_date due_date;
    /**
     * The amount, greater than zero.
     */
    struct coll_decimal amount;
} coll_expected_installment;

/**
 * What became of an expected installment: one of the `COLL_EXPECTED_` constants.
 */
typedef uint32_t coll_expected_status;

/**
 * One expected installment after the comparison. A plain value.
 */
typedef struct coll_expected_outcome {
    /**
     * The installment's due date.
     */
    struct coll_date due_date;
    /**
     * The installment's amount.
     */
    struct coll_decimal amount;
    /**
     * What the payments covered of it (oldest installment first).
     */
    struct coll_decimal covered;
    /**
     * amount - covered.
     */
    struct coll_decimal shortfall;
    /**
     * 1 when it was covered in full (then `paid_on` is set), else 0.
     */
    uint8_t has_paid_on;
    /**
     * The date its last cent was covered.
     */
    struct coll_date paid_on;
    /**
     * Payments dated in its period (after the previous due date, up to its own) minus its amount, when
     * positive: more came in than it asked for.
     */
    struct coll_decimal over;
    /**
     * A `COLL_EXPECTED_` constant.
     */
    coll_expected_status status;
} coll_expected_outcome;

/**
 * A statement category: one of the `COLL_CATEGORY_` constants. The set follows the UK Standard
 * Financial Statement's groups, split where the US IRS Collection Financial Standards treat parts
 * differently, so one statement maps onto both (`coll_category_sfs_group`, `coll_category_irs_line`).
 */
typedef uint32_t coll_category;

/**
 * The part of a statement a category belongs to: one of the `COLL_SECTION_` constants, in the order
 * of the UK Standard Financial Statement.
 */
typedef uint32_t coll_section;

/**
 * How a guideline turns what was spent into what is allowed: one of the `COLL_GUIDELINE_RULE_`
 * constants.
 */
typedef uint32_t coll_guideline_rule;

/**
 * What a guideline row's amount is per: one of the `COLL_GUIDELINE_UNIT_` constants.
 */
typedef uint32_t coll_guideline_unit;

/**
 * Which way spending stands out from a guideline: one of the `COLL_FLAG_KIND_` constants.
 */
typedef uint32_t coll_flag_kind;

/**
 * What a line of an assessment's derivation is about: one of the `COLL_LINE_KIND_` constants.
 */
typedef uint32_t coll_line_kind;

/**
 * How a fair-share offer was made: one of the `COLL_OFFER_BASIS_` constants.
 */
typedef uint32_t coll_offer_basis;

/**
 * When a plan asks the creditor to freeze interest: one of the `COLL_FREEZE_INTEREST_` constants.
 */
typedef uint32_t coll_freeze_interest;

/**
 * The kind of a plan policy's least payment per debt: one of the `COLL_MINIMUM_PAYMENT_` constants
 * (the names are the core's `MinimumPayment` tags).
 */
typedef uint32_t coll_minimum_payment_kind;

/**
 * A way forward when a plan cannot be afforded: one of the `COLL_FALLBACK_` constants (the names are
 * the core's `Fallback` tags).
 */
typedef uint32_t coll_fallback_kind;

/**
 * Who lives in the household, as the UK Standard Financial Statement asks, plus what the IRS
 * standards need. At least one adult; at most `COLL_MAX_PERSONS` people counted (adults, children and
 * other dependants); no more people aged 65 or over than are counted. Start from
 * `coll_household_init`. A plain value: the region is read during the call that takes it.
 */
typedef struct coll_household {
    /**
     * Adults (the debtor is one).
     */
    uint32_t adults;
    /**
     * Children under 16.
     */
    uint32_t children_under_16;
    /**
     * Children aged 16 to 18.
     */
    uint32_t children_16_to_18;
    /**
     * Other dependants (counted in the household size).
     */
    uint32_t other_dependants;
    /**
     * Adults who live there and contribute, such as grown-up children (not counted).
     */
    uint32_t non_dependants;
    /**
     * How many of the people counted are aged 65 or over (IRS out-of-pocket health care).
     */
    uint32_t aged_65_or_over;
    /**
     * Vehicles.
     */
    uint32_t vehicles;
    /**
     * The region guideline rows may be keyed by (UTF-8, `region_len` bytes: the IRS operating-cost
     * regions `northeast`, `midwest`, `south`, `west`, or any name a table of your own uses), or NULL
     * (with `region_len` 0) for none.
     */
    const char *region;
    /**
     * Bytes in `region`.
     */
    size_t region_len;
} coll_household;

/**
 * One line of a statement: a category, an amount (zero or more, at most 10^15, in the statement
 * currency's minor units) and how often it is paid or received, with an optional label ("rent"). A
 * plain value; an item read from a `coll_statement` points to a label owned by the statement.
 */
typedef struct coll_statement_item {
    /**
     * A `COLL_CATEGORY_` constant.
     */
    coll_category category;
    /**
     * The amount as stated.
     */
    struct coll_decimal amount;
    /**
     * How often.
     */
    struct coll_frequency frequency;
    /**
     * A free-text label (UTF-8, `label_len` bytes; NULL with 0 for none).
     */
    const char *label;
    /**
     * Bytes in `label`.
     */
    size_t label_len;
} coll_statement_item;

/**
 * What a statement is about (`coll_statement_get_info`). The household's region points into the
 * statement (valid until it is freed, NUL-terminated) or is NULL. A plain value.
 */
typedef struct coll_statement_info {
    /**
     * The statement's date (it picks the guideline table in force).
     */
    struct coll_date date;
    /**
     * The currency of every amount.
     */
    struct coll_currency currency;
    /**
     * The household.
     */
    struct coll_household household;
    /**
     * The rounding of the monthly amounts, a `COLL_ROUND_` constant.
     */
    coll_rounding_mode rounding;
} coll_statement_info;

/**
 * One row of a guideline table: a monthly standard for the households it matches. A row matches a
 * household when every key it sets holds (`min_persons <= persons <= max_persons`, `adults` and
 * `children` equal, `min_vehicles <= vehicles <= max_vehicles`, `region` equal ignoring case); its
 * standard is `(amount + (persons - min_persons) × each_additional_person) × units`, units being the
 * count of its unit in the household, at most `max_units`. A guideline's standard is the sum over its
 * matching rows. Start from `coll_guideline_row_init`. The keys are `uint8_t` `has_` flags, 0 or 1,
 * with their values (a value behind a flag of 0 is not read).
 *
 * Ownership: a plain value; its text and categories are read during the call that takes it. A row
 * read from a `coll_guidelines` points to text and categories owned by the guidelines.
 */
typedef struct coll_guideline_row {
    /**
     * The guideline's name (`national_standards`, `food`, ...; UTF-8), not blank.
     */
    const char *guideline;
    /**
     * Bytes in `guideline`.
     */
    size_t guideline_len;
    /**
     * The categories whose spending the guideline covers (`COLL_CATEGORY_` constants), at least one;
     * every row of a guideline covers the same ones, and a category belongs to one guideline only.
     */
    const coll_category *categories;
    /**
     * The number of `categories`.
     */
    size_t n_categories;
    /**
     * A `COLL_GUIDELINE_RULE_` constant. Default allowed in full.
     */
    coll_guideline_rule rule;
    /**
     * A `COLL_GUIDELINE_UNIT_` constant. Default household.
     */
    coll_guideline_unit unit;
    /**
     * The monthly standard, 0 to 10^15.
     */
    struct coll_decimal amount;
    /**
     * 1 when `min_persons` is set.
     */
    uint8_t has_min_persons;
    /**
     * The least household size the row applies to.
     */
    uint32_t min_persons;
    /**
     * 1 when `max_persons` is set.
     */
    uint8_t has_max_persons;
    /**
     * The largest household size the row applies to.
     */
    uint32_t max_persons;
    /**
     * 1 when `each_additional_person` is set.
     */
    uint8_t has_each_additional_person;
    /**
     * Added for each person above `min_persons` (IRS: "each additional person"), 0 to 10^15.
     */
    struct coll_decimal each_additional_person;
    /**
     * 1 when `adults` is set.
     */
    uint8_t has_adults;
    /**
     * Adults, exactly (SFS compositions).
     */
    uint32_t adults;
    /**
     * 1 when `children` is set.
     */
    uint8_t has_children;
    /**
     * Children (under 16 and 16 to 18), exactly.
     */
    uint32_t children;
    /**
     * 1 when `min_vehicles` is set.
     */
    uint8_t has_min_vehicles;
    /**
     * The least number of vehicles.
     */
    uint32_t min_vehicles;
    /**
     * 1 when `max_vehicles` is set.
     */
    uint8_t has_max_vehicles;
    /**
     * The most vehicles.
     */
    uint32_t max_vehicles;
    /**
     * 1 when `max_units` is set.
     */
    uint8_t has_max_units;
    /**
     * The most units counted (IRS vehicles: two, one for a single person).
     */
    uint32_t max_units;
    /**
     * The region (UTF-8), or NULL (with `region_len` 0) for any region.
     */
    const char *region;
    /**
     * Bytes in `region`.
     */
    size_t region_len;
    /**
     * A verification mark (the IRS tables: `O` official, `T` two sources agree, `U` unverified), or
     * NULL (with `mark_len` 0) for none.
     */
    const char *mark;
    /**
     * Bytes in `mark`.
     */
    size_t mark_len;
} coll_guideline_row;

/**
 * A guideline table: rows in force from `effective` (through `until` when `has_until` is 1, else
 * until the next table of the set). Start from `coll_guideline_table_init`.
 *
 * Ownership: a plain value; its text and rows are read during the call that takes it. A table read
 * from a `coll_guidelines` (`coll_guidelines_table_at`) points to text and rows owned by the
 * guidelines, and may be passed back to `coll_guidelines_new`.
 */
typedef struct coll_guideline_table {
    /**
     * The table's name (UTF-8), not blank.
     */
    const char *name;
    /**
     * Bytes in `name`.
     */
    size_t name_len;
    /**
     * The first day it is in force.
     */
    struct coll_date effective;
    /**
     * 1 when `until` is set, else 0.
     */
    uint8_t has_until;
    /**
     * The last day it is in force, not before `effective`.
     */
    struct coll_date until;
    /**
     * A citation of its source (UTF-8; NULL with 0 for none).
     */
    const char *source;
    /**
     * Bytes in `source`.
     */
    size_t source_len;
    /**
     * The rows; NULL when `n_rows` is 0.
     */
    const struct coll_guideline_row *rows;
    /**
     * The number of `rows`.
     */
    size_t n_rows;
} coll_guideline_table;

/**
 * A contingency allowance: `percent` of a positive surplus (a fraction, 0 to 1: 0.10 for 10%), at
 * most `cap` a month (zero or more). A plain value.
 */
typedef struct coll_contingency {
    /**
     * The fraction of the surplus.
     */
    struct coll_decimal percent;
    /**
     * The most a month.
     */
    struct coll_decimal cap;
} coll_contingency;

/**
 * Choices of an assessment beyond the statement and the guidelines. Start from
 * `coll_assessment_policy_init`. A plain value.
 */
typedef struct coll_assessment_policy {
    /**
     * 1 when `contingency` applies, else 0 (the default).
     */
    uint8_t has_contingency;
    /**
     * A contingency allowance taken from a positive surplus (`coll_contingency_common_financial_tool`
     * gives Scotland's Common Financial Tool's).
     */
    struct coll_contingency contingency;
    /**
     * Spending below this fraction (0 to 1) of a guideline's standard is flagged as unusually low
     * (FCA CONC 8.5). Default 0.5; 0 turns the flag off. A lesser-of guideline is never flagged low.
     */
    struct coll_decimal low_spending_fraction;
    /**
     * A monthly debt administration fee, deducted before anything is available to creditors (zero or
     * more, in the statement currency's minor units). Default 0.
     */
    struct coll_decimal debt_administration_fee;
    /**
     * The rounding of the contingency allowance to minor units, a `COLL_ROUND_` constant. Default half
     * up.
     */
    coll_rounding_mode rounding;
} coll_assessment_policy;

/**
 * The figures of an assessment, each monthly in the statement's currency. `table` points into the
 * assessment (valid until it is freed, NUL-terminated) or is NULL when no guidelines were used. A
 * plain value.
 */
typedef struct coll_assessment_figures {
    /**
     * The statement's date.
     */
    struct coll_date date;
    /**
     * The currency.
     */
    struct coll_currency currency;
    /**
     * The name of the guideline table used, or NULL.
     */
    const char *table;
    /**
     * Bytes in `table` (0 when NULL).
     */
    size_t table_len;
    /**
     * Total income.
     */
    struct coll_decimal income;
    /**
     * Fixed costs as stated.
     */
    struct coll_decimal fixed_costs;
    /**
     * Flexible costs as stated.
     */
    struct coll_decimal flexible_costs;
    /**
     * Fixed plus flexible costs as stated.
     */
    struct coll_decimal expenditure;
    /**
     * Fixed plus flexible costs as the guidelines allow them.
     */
    struct coll_decimal allowable_expenditure;
    /**
     * The savings contribution.
     */
    struct coll_decimal savings;
    /**
     * Payments offered to priority creditors.
     */
    struct coll_decimal priority_debts;
    /**
     * The debt administration fee.
     */
    struct coll_decimal debt_administration_fee;
    /**
     * income - allowable_expenditure - savings - debt_administration_fee - priority_debts (negative:
     * a deficit).
     */
    struct coll_decimal surplus;
    /**
     * The contingency allowance taken from a positive surplus.
     */
    struct coll_decimal contingency;
    /**
     * surplus - contingency: what is available for non-priority creditors (negative: a deficit).
     */
    struct coll_decimal disposable_income;
    /**
     * The most that can be paid a month to non-priority creditors: the disposable income, or zero.
     */
    struct coll_decimal max_affordable_payment;
    /**
     * 1 when the disposable income is below zero, else 0.
     */
    uint8_t is_deficit;
} coll_assessment_figures;

/**
 * How one guideline was applied. Its text and categories point into the assessment (valid until it is
 * freed; text NUL-terminated); its verification marks are read with
 * `coll_assessment_guideline_mark_at`. A plain value.
 */
typedef struct coll_guideline_use {
    /**
     * The guideline's name.
     */
    const char *guideline;
    /**
     * Bytes in `guideline`.
     */
    size_t guideline_len;
    /**
     * Its rule for this household, a `COLL_GUIDELINE_RULE_` constant.
     */
    coll_guideline_rule rule;
    /**
     * The categories it covers (`COLL_CATEGORY_` constants).
     */
    const coll_category *categories;
    /**
     * The number of `categories`.
     */
    size_t n_categories;
    /**
     * Monthly spending in them.
     */
    struct coll_decimal actual;
    /**
     * The standard for the household.
     */
    struct coll_decimal standard;
    /**
     * What is allowed.
     */
    struct coll_decimal allowed;
    /**
     * How the standard was made (`"2 person_under_65 x 84 + 1 person_65_or_over x 149"`).
     */
    const char *derivation;
    /**
     * Bytes in `derivation`.
     */
    size_t derivation_len;
    /**
     * The number of verification marks of the rows used.
     */
    size_t n_marks;
} coll_guideline_use;

/**
 * Spending that stands out from a guideline. Its text and categories point into the assessment. A
 * plain value.
 */
typedef struct coll_assessment_flag {
    /**
     * The guideline's name.
     */
    const char *guideline;
    /**
     * Bytes in `guideline`.
     */
    size_t guideline_len;
    /**
     * The categories it covers (`COLL_CATEGORY_` constants).
     */
    const coll_category *categories;
    /**
     * The number of `categories`.
     */
    size_t n_categories;
    /**
     * High or low, a `COLL_FLAG_KIND_` constant.
     */
    coll_flag_kind kind;
    /**
     * Monthly spending in those categories.
     */
    struct coll_decimal actual;
    /**
     * The guideline's standard.
     */
    struct coll_decimal standard;
    /**
     * actual - standard (positive when over, negative when under).
     */
    struct coll_decimal difference;
} coll_assessment_flag;

/**
 * One line of the derivation. Its text points into the assessment. A plain value.
 */
typedef struct coll_assessment_line {
    /**
     * What it is about, a `COLL_LINE_KIND_` constant.
     */
    coll_line_kind kind;
    /**
     * A short label (`earnings`, `housing (rent)`, `national_standards`, `disposable_income`).
     */
    const char *label;
    /**
     * Bytes in `label`.
     */
    size_t label_len;
    /**
     * The monthly amount it arrives at.
     */
    struct coll_decimal amount;
    /**
     * How (`"income 3200.00 - allowable expenditure 2267.00 - ... = 933.00"`).
     */
    const char *derivation;
    /**
     * Bytes in `derivation`.
     */
    size_t derivation_len;
} coll_assessment_line;

/**
 * Token payments and the per-creditor minimum. Start from `coll_offer_policy_init`. A plain value.
 */
typedef struct coll_offer_policy {
    /**
     * The token payment offered to each creditor when nothing is available, and to a creditor whose
     * share falls below `minimum` (zero or more, in minor units). Default 1.
     */
    struct coll_decimal token_payment;
    /**
     * The least pro-rata offer; a creditor whose share is below it gets the token payment and the rest
     * is shared again among the others (zero or more). Default 0: no minimum.
     */
    struct coll_decimal minimum;
} coll_offer_policy;

/**
 * A non-priority creditor and what is owed to it. A plain value; its id is read during the call.
 */
typedef struct coll_creditor {
    /**
     * The creditor's (or the debt's) reference (UTF-8), not blank, unique in the list.
     */
    const char *id;
    /**
     * Bytes in `id`.
     */
    size_t id_len;
    /**
     * The balance owed, above zero, in the currency's minor units.
     */
    struct coll_decimal balance;
} coll_creditor;

/**
 * The totals of a fair share. A plain value.
 */
typedef struct coll_fair_share_totals {
    /**
     * What was available a month.
     */
    struct coll_decimal available;
    /**
     * The sum of the offers: `available` exactly whenever it is above zero.
     */
    struct coll_decimal total;
    /**
     * 1 when there was no surplus and every offer is a token payment, else 0.
     */
    uint8_t no_surplus;
    /**
     * 1 when the token payments of the creditors below the minimum would have taken everything, so
     * the minimum was set aside and `available` shared pro rata among all creditors; else 0.
     */
    uint8_t minimum_set_aside;
} coll_fair_share_totals;

/**
 * One creditor's offer. `creditor` points into the `coll_fair_share` (valid until it is freed,
 * NUL-terminated). A plain value.
 */
typedef struct coll_offer {
    /**
     * The creditor's id.
     */
    const char *creditor;
    /**
     * Bytes in `creditor`.
     */
    size_t creditor_len;
    /**
     * What it is owed.
     */
    struct coll_decimal balance;
    /**
     * The monthly offer.
     */
    struct coll_decimal amount;
    /**
     * How it was made, a `COLL_OFFER_BASIS_` constant.
     */
    coll_offer_basis basis;
} coll_offer;

/**
 * What a recommendation may propose. Start from `coll_plan_policy_init` (the default) or
 * `coll_plan_policy_irs_streamlined`. A plain value.
 */
typedef struct coll_plan_policy {
    /**
     * The longest plan, in months, 1 to `COLL_MAX_TERM_MONTHS`. Default 60.
     */
    uint32_t max_term_months;
    /**
     * The kind of the least payment per debt, a `COLL_MINIMUM_PAYMENT_` constant. Default fixed.
     */
    coll_minimum_payment_kind minimum_payment_kind;
    /**
     * For `COLL_MINIMUM_PAYMENT_FIXED`: the least payment per debt, zero or more (0: no minimum, the
     * default). Must be 0 for `COLL_MINIMUM_PAYMENT_IRS_STREAMLINED`.
     */
    struct coll_decimal minimum_payment;
    /**
     * The most of the disposable income the plans may take together, a fraction above 0 and at most 1.
     * Default 1.
     */
    struct coll_decimal max_share_of_surplus;
    /**
     * When to ask for interest to be frozen, a `COLL_FREEZE_INTEREST_` constant. Default when the
     * payment does not cover a month's interest.
     */
    coll_freeze_interest freeze_interest;
    /**
     * The token payment offered when a plan cannot be afforded, zero or more. Default 1.
     */
    struct coll_decimal token_payment;
    /**
     * The breathing space offered, in days (60 by default, England and Wales' standard breathing
     * space); 0 offers none.
     */
    uint32_t breathing_space_days;
    /**
     * The forbearance offered, in months (3 by default); 0 offers none.
     */
    uint32_t forbearance_months;
    /**
     * The rounding of monthly interest to the cent, a `COLL_ROUND_` constant. Default half up.
     */
    coll_rounding_mode rounding;
} coll_plan_policy;

/**
 * A non-priority debt to plan for. A plain value; its id is read during the call.
 */
typedef struct coll_plan_debt {
    /**
     * The debt's reference (UTF-8), not blank, unique in the list.
     */
    const char *id;
    /**
     * Bytes in `id`.
     */
    size_t id_len;
    /**
     * The balance owed, above zero, in the currency's minor units.
     */
    struct coll_decimal balance;
    /**
     * The annual interest rate as a fraction, 0 to 10 (0.199 for 19.9%; 0 when interest is already
     * frozen), charged monthly on the balance.
     */
    struct coll_decimal annual_rate;
} coll_plan_debt;

/**
 * A proposed plan for one debt. A plain value.
 */
typedef struct coll_plan {
    /**
     * The monthly payment.
     */
    struct coll_decimal payment;
    /**
     * Months to clear the debt.
     */
    uint32_t term_months;
    /**
     * The last payment (at most `payment`).
     */
    struct coll_decimal final_payment;
    /**
     * 1 when the creditor is asked to freeze interest, else 0.
     */
    uint8_t freeze_interest;
    /**
     * Everything paid over the plan.
     */
    struct coll_decimal total_paid;
} coll_plan;

/**
 * The recommendation for one debt. `debt` points into the `coll_recommendations` (valid until it is
 * freed, NUL-terminated); the fallbacks and reasons are read with `coll_recommendations_fallback_at`
 * and `coll_recommendations_reason_at`. A plain value.
 */
typedef struct coll_recommendation {
    /**
     * The debt's id.
     */
    const char *debt;
    /**
     * Bytes in `debt`.
     */
    size_t debt_len;
    /**
     * Its fair share of what is available a month (zero when nothing is).
     */
    struct coll_decimal fair_share;
    /**
     * 1 when `plan` is set, 0 when the debt cannot be afforded (see the fallbacks).
     */
    uint8_t has_plan;
    /**
     * The plan (all zero when `has_plan` is 0).
     */
    struct coll_plan plan;
    /**
     * The number of fallbacks (when there is no plan).
     */
    size_t n_fallbacks;
    /**
     * The number of reasons, in words.
     */
    size_t n_reasons;
} coll_recommendation;

/**
 * A way forward when a plan cannot be afforded. A plain value.
 */
typedef struct coll_fallback {
    /**
     * A `COLL_FALLBACK_` constant.
     */
    coll_fallback_kind kind;
    /**
     * `COLL_FALLBACK_TOKEN_PAYMENT`: the amount a month; zero otherwise.
     */
    struct coll_decimal amount;
    /**
     * `COLL_FALLBACK_BREATHING_SPACE`: the days; 0 otherwise.
     */
    uint32_t days;
    /**
     * `COLL_FALLBACK_FORBEARANCE`: the months; 0 otherwise.
     */
    uint32_t months;
} coll_fallback;

/**
 * How a contact is made: one of the `COLL_CONTACT_CHANNEL_` constants.
 */
typedef uint32_t coll_contact_channel;

/**
 * Who started a contact: one of the `COLL_CONTACT_DIRECTION_` constants.
 */
typedef uint32_t coll_contact_direction;

/**
 * What came of an attempt: one of the `COLL_CONTACT_OUTCOME_` constants. For calls, "connected"
 * follows comment 14(b)(3)(ii)-1: busy and not in service did not connect; the others did.
 */
typedef uint32_t coll_contact_outcome;

/**
 * A status that holds or limits contact (a profile's flags, given in its JSON): one of the
 * `COLL_CONTACT_FLAG_` constants.
 */
typedef uint32_t coll_contact_flag_kind;

/**
 * Why a contact is made: one of the `COLL_CONTACT_PURPOSE_` constants. The cease and opt-out rules
 * let the named notices through; every other rule still applies.
 */
typedef uint32_t coll_contact_purpose;

/**
 * A borrowed piece of UTF-8 text in an array (preset names, debt ids): `len` bytes at `ptr`, no NUL
 * needed. A plain value; the text is read during the call that takes it.
 */
typedef struct coll_contact_text {
    /**
     * The bytes (NULL only with `len` 0, for the empty string).
     */
    const char *ptr;
    /**
     * Their number.
     */
    size_t len;
} coll_contact_text;

/**
 * One rule of a policy, as `coll_contact_policy_rule_at` lends it: every text is owned by the policy
 * (valid until it is freed), NUL-terminated, with its length.
 */
typedef struct coll_contact_rule_info {
    /**
     * The rule's id (`reg_f.time_of_day`, `ma.calls_personal_numbers`, ...), unique in the policy.
     */
    const char *id;
    /**
     * Bytes in `id`.
     */
    size_t id_len;
    /**
     * The citation of its source (`12 CFR 1006.14(b)(2)(i)`, `creditor policy`).
     */
    const char *citation;
    /**
     * Bytes in `citation`.
     */
    size_t citation_len;
    /**
     * Its verification mark: `V` (primary text read), `S` (secondary source only), `?` (not
     * verified), or empty for the creditor's own rules. Rules marked `S` or `?` must be checked
     * before production use.
     */
    const char *mark;
    /**
     * Bytes in `mark`.
     */
    size_t mark_len;
    /**
     * What it checks, as in JSON (`time_of_day`, `call_frequency`, `attempt_cap`, `cease`, ...).
     */
    const char *kind;
    /**
     * Bytes in `kind`.
     */
    size_t kind_len;
} coll_contact_rule_info;

/**
 * One attempt or contact, for `coll_contact_history_append`. Start from `coll_contact_attempt_init`.
 * The instant is `at` (Unix seconds, UTC) unless `at_text` is set, then RFC 3339 text
 * (`2026-04-08T10:15:00-04:00`). `debts` are the debts it was made about: an unanswered call or a
 * limited-content message counts toward the first only, a conversation or voicemail toward each, and
 * an attempt with none toward every debt. `also_discussed` are debts the person raised in a
 * conversation not placed about them.
 *
 * Ownership: a plain value; its text is read during the call that takes it.
 */
typedef struct coll_contact_attempt {
    /**
     * When, in Unix seconds (used when `at_text` is NULL).
     */
    int64_t at;
    /**
     * When, as RFC 3339 text (UTF-8), or NULL to use `at`.
     */
    const char *at_text;
    /**
     * Bytes in `at_text`.
     */
    size_t at_text_len;
    /**
     * A `COLL_CONTACT_CHANNEL_` constant. Default call.
     */
    coll_contact_channel channel;
    /**
     * A `COLL_CONTACT_DIRECTION_` constant. Default outbound.
     */
    coll_contact_direction direction;
    /**
     * A `COLL_CONTACT_OUTCOME_` constant (a call cannot be `sent` or `undeliverable`). Default
     * no answer.
     */
    coll_contact_outcome outcome;
    /**
     * The number or address (UTF-8), not blank.
     */
    const char *destination;
    /**
     * Bytes in `destination`.
     */
    size_t destination_len;
    /**
     * The debts it was made about; NULL when `n_debts` is 0.
     */
    const struct coll_contact_text *debts;
    /**
     * The number of `debts`.
     */
    size_t n_debts;
    /**
     * Debts raised in a conversation besides those; NULL when `n_also_discussed` is 0.
     */
    const struct coll_contact_text *also_discussed;
    /**
     * The number of `also_discussed`.
     */
    size_t n_also_discussed;
} coll_contact_attempt;

/**
 * What `coll_contact_request_new` makes a request of. Start from `coll_contact_request_fields_init`.
 * The instant is `at` (Unix seconds, UTC) unless `at_text` is set, then RFC 3339 text.
 *
 * Ownership: a plain value; its text is read during the call that takes it.
 */
typedef struct coll_contact_request_fields {
    /**
     * The person's id (UTF-8), not blank; must be the profile's.
     */
    const char *person;
    /**
     * Bytes in `person`.
     */
    size_t person_len;
    /**
     * The debt's id (UTF-8), not blank.
     */
    const char *debt;
    /**
     * Bytes in `debt`.
     */
    size_t debt_len;
    /**
     * A `COLL_CONTACT_CHANNEL_` constant. Default call.
     */
    coll_contact_channel channel;
    /**
     * The number or address (UTF-8): one of the profile's destinations, of the channel's kind.
     */
    const char *destination;
    /**
     * Bytes in `destination`.
     */
    size_t destination_len;
    /**
     * When, in Unix seconds (used when `at_text` is NULL), in the years 1900 to 2200.
     */
    int64_t at;
    /**
     * When, as RFC 3339 text (UTF-8), or NULL to use `at`.
     */
    const char *at_text;
    /**
     * Bytes in `at_text`.
     */
    size_t at_text_len;
    /**
     * 1 when an autodialer or an artificial or prerecorded voice is used (the TCPA), else 0.
     */
    uint8_t autodialed;
    /**
     * A `COLL_CONTACT_PURPOSE_` constant. Default collection.
     */
    coll_contact_purpose purpose;
} coll_contact_request_fields;

/**
 * The kind of address a destination is: one of the `COLL_CONTACT_MEDIUM_` constants.
 */
typedef uint32_t coll_contact_medium;

/**
 * The kind of telephone line: one of the `COLL_CONTACT_LINE_` constants. An unknown line is treated
 * as a cell phone wherever that is stricter (the TCPA's autodialer consent).
 */
typedef uint32_t coll_contact_line;

/**
 * Who is at a destination: one of the `COLL_CONTACT_PARTY_` constants. Calls to the consumer's
 * attorney, a consumer reporting agency, the creditor and the attorneys of the creditor or collector
 * do not count toward the call frequencies (§1006.14(b)(3)(iii)).
 */
typedef uint32_t coll_contact_party;

/**
 * A phone number, email or postal address of the person, for `coll_contact_profile_add_destination`.
 * Start from `coll_contact_destination_init`. The flags are `uint8_t`, 0 or 1.
 *
 * Ownership: a plain value; its text is read during the call that takes it.
 */
typedef struct coll_contact_destination {
    /**
     * The number or address (UTF-8), not blank, new to the profile.
     */
    const char *address;
    /**
     * Bytes in `address`.
     */
    size_t address_len;
    /**
     * A `COLL_CONTACT_MEDIUM_` constant. Default phone.
     */
    coll_contact_medium medium;
    /**
     * A `COLL_CONTACT_LINE_` constant (phones only; otherwise unknown). Default unknown.
     */
    coll_contact_line line;
    /**
     * 1 when it is at the person's place of employment.
     */
    uint8_t place_of_employment;
    /**
     * 1 when the employer prohibits such communications there (§1006.6(b)(3); implies the place of
     * employment).
     */
    uint8_t employer_prohibits_contact;
    /**
     * 1 for an email address the employer provided (§1006.22(f)(3); email addresses only).
     */
    uint8_t employer_provided_email;
    /**
     * A `COLL_CONTACT_PARTY_` constant. Default the consumer.
     */
    coll_contact_party party;
} coll_contact_destination;

/**
 * A half-open interval of instants `[start, end)` in Unix seconds (UTC) in which contact is allowed.
 */
typedef struct coll_contact_window {
    /**
     * The first instant contact is allowed.
     */
    int64_t start;
    /**
     * The first instant after it that contact is not allowed (or the horizon's end).
     */
    int64_t end;
} coll_contact_window;

/**
 * Why a contact is blocked, as `coll_contact_decision_reason_at` lends it: every text is owned by the
 * decision (valid until it is freed), NUL-terminated, with its length.
 */
typedef struct coll_contact_reason {
    /**
     * The rule's id (`reg_f.time_of_day`, `reg_f.call_frequency`, ...).
     */
    const char *rule;
    /**
     * Bytes in `rule`.
     */
    size_t rule_len;
    /**
     * Its source (`12 CFR 1006.6(b)(1)(i)`).
     */
    const char *citation;
    /**
     * Bytes in `citation`.
     */
    size_t citation_len;
    /**
     * Its verification mark (`V`, `S`, `?`), empty for the creditor's own rules.
     */
    const char *mark;
    /**
     * Bytes in `mark`.
     */
    size_t mark_len;
    /**
     * What is wrong, in a sentence a collector understands.
     */
    const char *message;
    /**
     * Bytes in `message`.
     */
    size_t message_len;
} coll_contact_reason;

/**
 * Something that does not block but a collector should see (calls in rapid succession or highly
 * concentrated), as `coll_contact_decision_warning_at` lends it; text owned by the decision.
 */
typedef struct coll_contact_warning {
    /**
     * `rapid_succession` or `high_concentration`.
     */
    const char *code;
    /**
     * Bytes in `code`.
     */
    size_t code_len;
    /**
     * Its source.
     */
    const char *citation;
    /**
     * Bytes in `citation`.
     */
    size_t citation_len;
    /**
     * What it means, in a sentence.
     */
    const char *message;
    /**
     * Bytes in `message`.
     */
    size_t message_len;
} coll_contact_warning;

/**
 * One request of a batch with the profile and history it is decided against (all borrowed for the
 * call).
 */
typedef struct coll_contact_batch_item {
    /**
     * The person's profile.
     */
    const struct coll_contact_profile *profile;
    /**
     * Their contact history.
     */
    const struct coll_contact_history *history;
    /**
     * The request.
     */
    const struct coll_contact_request *request;
} coll_contact_batch_item;

/**
 * The policy bounds a plan must stay within. A plain value; `coll_plan_bounds_init` gives none.
 */
typedef struct coll_plan_bounds {
    /**
     * The longest plan, in months from its start to its last promise, 1 to `COLL_MAX_TERM_MONTHS`.
     * Default `COLL_MAX_TERM_MONTHS`.
     */
    uint32_t max_term_months;
    /**
     * The kind of the least installment, a `COLL_MINIMUM_PAYMENT_` constant. Default fixed.
     */
    coll_minimum_payment_kind minimum_installment_kind;
    /**
     * For `COLL_MINIMUM_PAYMENT_FIXED`: the least installment, zero or more (0: none, the default);
     * must be 0 for `COLL_MINIMUM_PAYMENT_IRS_STREAMLINED`. The down payment and the last installment
     * are exempt.
     */
    struct coll_decimal minimum_installment;
} coll_plan_bounds;

/**
 * How likely each promise is to be paid: one of the `COLL_PROBABILITIES_` constants.
 */
typedef uint32_t coll_probabilities_kind;

/**
 * A promise's standing: one of the `COLL_PROMISE_` constants.
 */
typedef uint32_t coll_promise_status;

/**
 * An arrangement's standing: one of the `COLL_ARRANGEMENT_` constants.
 */
typedef uint32_t coll_arrangement_status;

/**
 * What plans are ranked by: one of the `COLL_RANK_BY_` constants (best first).
 */
typedef uint32_t coll_rank_by;

/**
 * The periods of a forecast: one of the `COLL_FORECAST_` constants.
 */
typedef uint32_t coll_forecast_period;

/**
 * The next step for an account: one of the `COLL_ACTION_` constants.
 */
typedef uint32_t coll_action;

/**
 * The outcome of the last contact with an account's debtor (the treatment policy's view): one of the
 * `COLL_LAST_CONTACT_` constants.
 */
typedef uint32_t coll_last_contact;

/**
 * What an affordability assessment found (the treatment policy's view): one of the
 * `COLL_AFFORDABILITY_` constants.
 */
typedef uint32_t coll_affordability;

/**
 * What every arrangement on a set of debts shares. Start from `coll_plan_terms_init`. A plain value;
 * the debts and their ids are read during the call that takes it.
 */
typedef struct coll_plan_terms {
    /**
     * The currency of every amount. No default: set it with `coll_currency_from_code`.
     */
    struct coll_currency currency;
    /**
     * The debts covered (ids not blank and distinct, balances above zero in minor units, rates not
     * negative).
     */
    const struct coll_plan_debt *debts;
    /**
     * The number of `debts`, at least 1.
     */
    size_t n_debts;
    /**
     * The day the arrangement starts; no promise may be before it.
     */
    struct coll_date start_date;
    /**
     * 1 when no interest accrues while the arrangement runs (then the promises add up to no more than
     * the balance). Default 1.
     */
    uint8_t freeze_interest;
    /**
     * 1 when no fees are charged while it runs. Default 1.
     */
    uint8_t freeze_fees;
    /**
     * Days after a promise's date that a payment still counts as on time. Default 0.
     */
    uint32_t grace_days;
    /**
     * The shortfall that still counts as kept, a `COLL_TOLERANCE_` constant. Default none.
     */
    coll_tolerance_kind tolerance_kind;
    /**
     * The tolerance: an amount, or a percentage of the promise from 0 to 100 (10 for "90% counts as
     * paid"); zero for none.
     */
    struct coll_decimal tolerance;
    /**
     * 1 when `bounds` apply; default 0 (no bounds).
     */
    uint8_t has_bounds;
    /**
     * The policy bounds, when `has_bounds` is 1: a plan beyond one is refused naming
     * `max_term_months` or `minimum_installment`.
     */
    struct coll_plan_bounds bounds;
} coll_plan_terms;

/**
 * A promise to pay `amount` on `date` (a down payment or an installment of an arrangement; also a
 * settlement's installment and a cost of an alternative path). A plain value.
 */
typedef struct coll_promise {
    /**
     * When the payment is promised.
     */
    struct coll_date date;
    /**
     * How much: above zero, in the currency's minor units.
     */
    struct coll_decimal amount;
} coll_promise;

/**
 * When an arrangement is broken: after `missed_installments` promises missed (partially kept or
 * broken; consecutively when `consecutive` is 1), or when the cumulative shortfall exceeds a
 * tolerance, or either. Start from `coll_break_rule_init` (two missed installments) or read one with
 * `coll_break_rule_from_json`. A plain value.
 */
typedef struct coll_break_rule {
    /**
     * 1 when `missed_installments` applies.
     */
    uint8_t has_missed_installments;
    /**
     * The missed promises that break the arrangement, at least 1.
     */
    uint32_t missed_installments;
    /**
     * 1 when they must be consecutive.
     */
    uint8_t consecutive;
    /**
     * 1 when the cumulative shortfall applies.
     */
    uint8_t has_cumulative_shortfall;
    /**
     * Its kind, a `COLL_TOLERANCE_` constant (an amount or a percentage of what was promised so far).
     */
    coll_tolerance_kind shortfall_kind;
    /**
     * Its value.
     */
    struct coll_decimal shortfall;
} coll_break_rule;

/**
 * A tracking's figures. A plain value.
 */
typedef struct coll_tracking_summary {
    /**
     * The day tracked to.
     */
    struct coll_date as_of;
    /**
     * A `COLL_ARRANGEMENT_` constant.
     */
    coll_arrangement_status status;
    /**
     * 1 when `status_date` is set (the day it completed, broke or was cancelled); 0 while active.
     */
    uint8_t has_status_date;
    /**
     * That day ({0, 0, 0} when there is none).
     */
    struct coll_date status_date;
    /**
     * Everything paid toward the promises.
     */
    struct coll_decimal paid;
    /**
     * Payments beyond the last promise.
     */
    struct coll_decimal unmatched;
    /**
     * Shortfalls tolerated on settled promises (still owed on the debt).
     */
    struct coll_decimal tolerated_shortfall;
    /**
     * What is left of the unsettled promises.
     */
    struct coll_decimal remaining;
    /**
     * Promises whose deadline has passed, partially kept or broken.
     */
    uint32_t missed;
    /**
     * The number of promises (`coll_tracking_promise_at`).
     */
    size_t n_promises;
} coll_tracking_summary;

/**
 * One promise's standing. A plain value.
 */
typedef struct coll_promise_track {
    /**
     * The promise's date.
     */
    struct coll_date date;
    /**
     * The amount promised.
     */
    struct coll_decimal amount;
    /**
     * The last day a payment counts on time (date plus grace days).
     */
    struct coll_date deadline;
    /**
     * Paid toward it (on time or late).
     */
    struct coll_decimal paid;
    /**
     * Paid toward it by the deadline.
     */
    struct coll_decimal paid_on_time;
    /**
     * A `COLL_PROMISE_` constant.
     */
    coll_promise_status status;
} coll_promise_track;

/**
 * How to re-plan what is left after a break: a schedule from `start_date` (not before the tracking
 * date) with its first installment on `first_due_date`, every `frequency`, over `term` installments
 * or at a level `payment`. Start from `coll_replan_terms_init` or `coll_replan_terms_from_json`. A
 * plain value.
 */
typedef struct coll_replan_terms {
    /**
     * The new plan's start.
     */
    struct coll_date start_date;
    /**
     * Its first installment.
     */
    struct coll_date first_due_date;
    /**
     * How often. Default monthly.
     */
    struct coll_frequency frequency;
    /**
     * The number of installments; 0 when `has_payment` is 1.
     */
    uint32_t term;
    /**
     * 1 when `payment` fixes the installment and the term follows.
     */
    uint8_t has_payment;
    /**
     * The installment, when `has_payment` is 1.
     */
    struct coll_decimal payment;
    /**
     * The annual rate as a fraction, used only when interest is not frozen. Default 0.
     */
    struct coll_decimal annual_rate;
    /**
     * 1 when `balance` gives what is owed now (required when interest is not frozen); 0: the
     * balance less what was paid.
     */
    uint8_t has_balance;
    /**
     * What is owed now, when `has_balance` is 1.
     */
    struct coll_decimal balance;
} coll_replan_terms;

/**
 * The probability that each promise of a plan is paid. A plain value; `values` is read during the
 * call that takes it.
 */
typedef struct coll_probabilities {
    /**
     * A `COLL_PROBABILITIES_` constant.
     */
    coll_probabilities_kind kind;
    /**
     * `COLL_PROBABILITIES_PER_INSTALLMENT`: one probability per promise (the down payment first),
     * each from 0 to 1; NULL otherwise.
     */
    const struct coll_decimal *values;
    /**
     * The number of `values` (0 for the other kinds).
     */
    size_t n_values;
    /**
     * `COLL_PROBABILITIES_CONSTANT_HAZARD`: the hazard, 0 to 1; zero otherwise.
     */
    struct coll_decimal hazard;
} coll_probabilities;

/**
 * A plan's score. A plain value.
 */
typedef struct coll_plan_score_result {
    /**
     * The sum of every promise.
     */
    struct coll_decimal total;
    /**
     * The number of promises (the down payment included).
     */
    uint32_t promises;
    /**
     * Days from the start to the last promise.
     */
    int64_t duration_days;
    /**
     * The promises discounted to the start (Actual/365 Fixed, as XNPV), rounded to minor units.
     */
    struct coll_decimal npv;
    /**
     * `npv` / the debts' balance (not rounded).
     */
    struct coll_decimal recovery_ratio;
    /**
     * The largest calendar month's installments (the down payment aside).
     */
    struct coll_decimal largest_monthly_payment;
    /**
     * 1 when `payment_to_income` is set (a disposable income above zero was given).
     */
    uint8_t has_payment_to_income;
    /**
     * `largest_monthly_payment` / the monthly disposable income (not rounded).
     */
    struct coll_decimal payment_to_income;
    /**
     * Each promise times the probability it is paid, each rounded to minor units, summed.
     */
    struct coll_decimal expected_value;
    /**
     * Those expected amounts discounted as `npv`, rounded to minor units.
     */
    struct coll_decimal expected_npv;
} coll_plan_score_result;

/**
 * One period of a forecast (or, from `coll_forecast_totals`, every period: `period_start` is then
 * the first row's, or {0, 0, 0} when there is none). A plain value.
 */
typedef struct coll_forecast_row {
    /**
     * The first day of the period (a Monday, or the first of a month).
     */
    struct coll_date period_start;
    /**
     * The promises falling in it.
     */
    uint64_t promises;
    /**
     * What they promise.
     */
    struct coll_decimal scheduled;
    /**
     * What they are expected to bring (each promise times its probability, rounded).
     */
    struct coll_decimal expected;
} coll_forecast_row;

/**
 * A rule of a policy (its conditions are in the policy's JSON). `name` and `reason` point into the
 * policy (valid until it is freed, NUL-terminated). A plain value.
 */
typedef struct coll_treatment_rule {
    /**
     * The rule's name.
     */
    const char *name;
    /**
     * Bytes in `name`.
     */
    size_t name_len;
    /**
     * The action it recommends, a `COLL_ACTION_` constant.
     */
    coll_action action;
    /**
     * Why, in words.
     */
    const char *reason;
    /**
     * Bytes in `reason`.
     */
    size_t reason_len;
} coll_treatment_rule;

/**
 * What is known of an account when choosing the next action. Start from `coll_account_state_init`
 * or `coll_account_state_from_json`. A plain value.
 */
typedef struct coll_account_state {
    /**
     * Days past due.
     */
    uint32_t days_past_due;
    /**
     * The balance owed.
     */
    struct coll_decimal balance;
    /**
     * Promises broken so far.
     */
    uint32_t broken_promises;
    /**
     * Contact attempts that reached nobody, in a row.
     */
    uint32_t failed_contact_attempts;
    /**
     * The last contact's outcome, a `COLL_LAST_CONTACT_` constant. Default not attempted.
     */
    coll_last_contact last_contact;
    /**
     * What an assessment found, a `COLL_AFFORDABILITY_` constant. Default not assessed.
     */
    coll_affordability affordability;
    /**
     * 1 when the debt is disputed.
     */
    uint8_t disputed;
    /**
     * 1 when the debtor reported financial difficulty.
     */
    uint8_t hardship;
    /**
     * 1 when a repayment plan is running.
     */
    uint8_t active_plan;
} coll_account_state;

/**
 * A recommendation's figures: `rule` and `reason` point into the `coll_treatment` (valid until it is
 * freed, NUL-terminated). A plain value.
 */
typedef struct coll_treatment_result {
    /**
     * 1 when a rule fired; 0 when none did (then the rest is empty: action 0, no text, no facts).
     */
    uint8_t fired;
    /**
     * The action, a `COLL_ACTION_` constant.
     */
    coll_action action;
    /**
     * The rule's name.
     */
    const char *rule;
    /**
     * Bytes in `rule`.
     */
    size_t rule_len;
    /**
     * The rule's reason.
     */
    const char *reason;
    /**
     * Bytes in `reason`.
     */
    size_t reason_len;
    /**
     * The number of facts (`coll_treatment_fact_at`): each condition that held, in words.
     */
    size_t n_facts;
} coll_treatment_result;

/**
 * A settlement: `amount` (`percent` of `balance`, rounded) paid in installments that add up to it
 * exactly (`coll_settle` writes them to its array). A plain value.
 */
typedef struct coll_settlement {
    /**
     * The balance settled.
     */
    struct coll_decimal balance;
    /**
     * The percentage of it paid, above 0 and at most 100.
     */
    struct coll_decimal percent;
    /**
     * What is paid.
     */
    struct coll_decimal amount;
    /**
     * What is forgiven: `balance - amount`.
     */
    struct coll_decimal discount;
    /**
     * The number of installments (one per date).
     */
    size_t n_installments;
} coll_settlement;

/**
 * An amount the alternative path is expected to recover: `amount` on `date`, with `probability` (0
 * to 1). A plain value.
 */
typedef struct coll_expected_recovery {
    /**
     * When.
     */
    struct coll_date date;
    /**
     * How much, above zero.
     */
    struct coll_decimal amount;
    /**
     * How likely, from 0 to 1.
     */
    struct coll_decimal probability;
} coll_expected_recovery;

/**
 * The least settlement worth accepting. A plain value.
 */
typedef struct coll_minimum_settlement_result {
    /**
     * The expected recoveries discounted to the valuation date (not rounded).
     */
    struct coll_decimal recovery_npv;
    /**
     * The costs discounted likewise (not rounded).
     */
    struct coll_decimal cost_npv;
    /**
     * `recovery_npv - cost_npv`, not below zero, rounded to minor units.
     */
    struct coll_decimal net;
    /**
     * 1 when a floor was given.
     */
    uint8_t has_floor;
    /**
     * The floor.
     */
    struct coll_decimal floor;
    /**
     * The larger of `net` and the floor.
     */
    struct coll_decimal minimum;
} coll_minimum_settlement_result;

/**
 * A discount band of a settlement policy: from `min_days_past_due` on (the first band from 0, each
 * later band from more days), a lump sum may be discounted by `lump_sum_discount_percent` and up to
 * `max_installments` installments by `installment_discount_percent` (both from 0 to below 100, the
 * installments' no more than the lump sum's). A plain value.
 */
typedef struct coll_discount_band {
    /**
     * Where the band starts, in days past due.
     */
    uint32_t min_days_past_due;
    /**
     * The lump sum's discount, in percent.
     */
    struct coll_decimal lump_sum_discount_percent;
    /**
     * The installments' discount, in percent.
     */
    struct coll_decimal installment_discount_percent;
    /**
     * The most installments, at least 1 (1: a lump sum only).
     */
    uint32_t max_installments;
} coll_discount_band;

/**
 * A settlement offer. A plain value.
 */
typedef struct coll_settlement_offer {
    /**
     * 1 for a lump sum, else the most installments.
     */
    uint32_t installments;
    /**
     * What is paid (rounded up to minor units; at least the minimum, at most the balance).
     */
    struct coll_decimal amount;
    /**
     * What is forgiven.
     */
    struct coll_decimal discount;
    /**
     * The band's start, in days past due.
     */
    uint32_t band_min_days_past_due;
    /**
     * 1 when the minimum, not the policy's discount, set the amount.
     */
    uint8_t at_minimum;
} coll_settlement_offer;

/**
 * The inputs of the collection effectiveness index. A plain value.
 */
typedef struct coll_cei_inputs {
    /**
     * Receivables at the start of the period.
     */
    struct coll_decimal opening_receivables;
    /**
     * Credit sales over the period.
     */
    struct coll_decimal credit_sales;
    /**
     * N: the months the credit sales cover, at least 1.
     */
    uint32_t months;
    /**
     * Receivables at the end.
     */
    struct coll_decimal closing_receivables;
    /**
     * Receivables at the end not yet due (at most `closing_receivables`).
     */
    struct coll_decimal closing_current_receivables;
} coll_cei_inputs;

/**
 * A ratio that may be undefined (a zero denominator). A plain value.
 */
typedef struct coll_kpi {
    /**
     * 1 when `value` is set; 0 when the denominator was zero.
     */
    uint8_t defined;
    /**
     * The exact quotient (not rounded; zero when undefined).
     */
    struct coll_decimal value;
} coll_kpi;

/**
 * One cell of a roll-rate matrix: the accounts in bucket `from` on the earlier date and in bucket
 * `to` on the later one. A plain value.
 */
typedef struct coll_roll_cell {
    /**
     * How many accounts.
     */
    uint64_t accounts;
    /**
     * What they had outstanding on the earlier date.
     */
    struct coll_decimal outstanding;
    /**
     * 1 when `rate` is set (the row held something).
     */
    uint8_t has_rate;
    /**
     * `outstanding` / the row's outstanding (not rounded).
     */
    struct coll_decimal rate;
} coll_roll_cell;

/**
 * Success.
 */
#define COLL_OK 0

/**
 * A pointer argument was NULL.
 */
#define COLL_NULL_ARGUMENT 1

/**
 * A value is outside what the function accepts (a zero count, an unknown enum value, weights that sum
 * to zero, ...).
 */
#define COLL_INVALID_ARGUMENT 2

/**
 * Text that is not a decimal number, or a `coll_decimal` outside Decimal's range (scale above 28, or a
 * mantissa of 2^96 or more in absolute value).
 */
#define COLL_INVALID_DECIMAL 3

/**
 * A date that does not exist (2025-02-30), or text that is not `YYYY-MM-DD`.
 */
#define COLL_INVALID_DATE 4

/**
 * A currency code that is not ISO 4217 or is malformed.
 */
#define COLL_UNKNOWN_CURRENCY 5

/**
 * An operation combined amounts in two different currencies.
 */
#define COLL_CURRENCY_MISMATCH 6

/**
 * A rate at or below -100%.
 */
#define COLL_INVALID_RATE 7

/**
 * Arithmetic overflowed Decimal's range, or a result does not fit the C type.
 */
#define COLL_OVERFLOW 8

/**
 * A date computation left the supported range of dates.
 */
#define COLL_DATE_OUT_OF_RANGE 9

/**
 * An output buffer is too small; where the function has a length out-parameter, it holds the size
 * needed.
 */
#define COLL_BUFFER_TOO_SMALL 10

/**
 * Text that is not valid UTF-8.
 */
#define COLL_INVALID_UTF8 11

/**
 * An equation has no solution for the inputs: a payment too small ever to repay the balance, cash flows
 * that never change sign, or several rates of return where the function must not pick one. The message
 * names the argument at fault (or, for `coll_rate`, the rate sought) and says why.
 */
#define COLL_NO_SOLUTION 12

/**
 * A bug: the library panicked. The call had no effect on its out-parameters.
 */
#define COLL_PANIC 99

/**
 * Round to nearest, ties away from zero (2.5 -> 3, -2.5 -> -3): commercial rounding.
 */
#define COLL_ROUND_HALF_UP 0

/**
 * Round to nearest, ties to the even neighbour (2.5 -> 2, 3.5 -> 4): banker's rounding.
 */
#define COLL_ROUND_HALF_EVEN 1

/**
 * Round to nearest, ties toward zero (2.5 -> 2, -2.5 -> -2).
 */
#define COLL_ROUND_HALF_DOWN 2

/**
 * Away from zero (2.1 -> 3, -2.1 -> -3).
 */
#define COLL_ROUND_UP 3

/**
 * Toward zero, truncation (2.9 -> 2, -2.9 -> -2).
 */
#define COLL_ROUND_DOWN 4

/**
 * Toward positive infinity (2.1 -> 3, -2.9 -> -2).
 */
#define COLL_ROUND_CEILING 5

/**
 * Toward negative infinity (2.9 -> 2, -2.1 -> -3).
 */
#define COLL_ROUND_FLOOR 6

/**
 * Leave the date as it is.
 */
#define COLL_BUSINESS_DAY_UNADJUSTED 0

/**
 * The next business day.
 */
#define COLL_BUSINESS_DAY_FOLLOWING 1

/**
 * The next business day, unless that is in the next month: then the previous one.
 */
#define COLL_BUSINESS_DAY_MODIFIED_FOLLOWING 2

/**
 * The previous business day.
 */
#define COLL_BUSINESS_DAY_PRECEDING 3

/**
 * The previous business day, unless that is in the previous month: then the next one.
 */
#define COLL_BUSINESS_DAY_MODIFIED_PRECEDING 4

/**
 * Monday.
 */
#define COLL_WEEKDAY_MONDAY 0

/**
 * Tuesday.
 */
#define COLL_WEEKDAY_TUESDAY 1

/**
 * Wednesday.
 */
#define COLL_WEEKDAY_WEDNESDAY 2

/**
 * Thursday.
 */
#define COLL_WEEKDAY_THURSDAY 3

/**
 * Friday.
 */
#define COLL_WEEKDAY_FRIDAY 4

/**
 * Saturday.
 */
#define COLL_WEEKDAY_SATURDAY 5

/**
 * Sunday.
 */
#define COLL_WEEKDAY_SUNDAY 6

/**
 * Actual/365 Fixed.
 */
#define COLL_DAY_COUNT_ACT_365_FIXED 0

/**
 * Actual/360.
 */
#define COLL_DAY_COUNT_ACT_360 1

/**
 * Actual/364.
 */
#define COLL_DAY_COUNT_ACT_364 2

/**
 * Actual/Actual ISDA.
 */
#define COLL_DAY_COUNT_ACT_ACT_ISDA 3

/**
 * Actual/Actual ICMA: needs `reference_start`, `reference_end` and a whole-month `frequency`.
 */
#define COLL_DAY_COUNT_ACT_ACT_ICMA 4

/**
 * Actual/Actual AFB.
 */
#define COLL_DAY_COUNT_ACT_ACT_AFB 5

/**
 * 30/360 US (SIA), with `end_of_month_rule`.
 */
#define COLL_DAY_COUNT_30_360_US 6

/**
 * 30/360 bond basis (ISDA 2006 4.16(f)).
 */
#define COLL_DAY_COUNT_30_360_BOND_BASIS 7

/**
 * 30E/360, Eurobond basis (ISDA 2006 4.16(g)).
 */
#define COLL_DAY_COUNT_30E_360 8

/**
 * 30E/360 ISDA (ISDA 2006 4.16(h)), with an optional `maturity`.
 */
#define COLL_DAY_COUNT_30E_360_ISDA 9

/**
 * Every 7 days (52 a year).
 */
#define COLL_FREQUENCY_WEEKLY 0

/**
 * Every 14 days, fortnightly (26 a year).
 */
#define COLL_FREQUENCY_BIWEEKLY 1

/**
 * Every 28 days (13 a year).
 */
#define COLL_FREQUENCY_FOUR_WEEKLY 2

/**
 * Twice a month on `first_day` and `second_day` (24 a year).
 */
#define COLL_FREQUENCY_SEMI_MONTHLY 3

/**
 * Every month (12 a year).
 */
#define COLL_FREQUENCY_MONTHLY 4

/**
 * Every two months (6 a year).
 */
#define COLL_FREQUENCY_BIMONTHLY 5

/**
 * Every three months (4 a year).
 */
#define COLL_FREQUENCY_QUARTERLY 6

/**
 * Every six months (2 a year).
 */
#define COLL_FREQUENCY_SEMI_ANNUAL 7

/**
 * Every year.
 */
#define COLL_FREQUENCY_ANNUAL 8

/**
 * At the end of each period (an ordinary annuity; numpy-financial's `'end'` or 0).
 */
#define COLL_WHEN_END 0

/**
 * At the start of each period (an annuity due; numpy-financial's `'begin'` or 1).
 */
#define COLL_WHEN_BEGIN 1

/**
 * `count` days (365 / count unit periods a year; count 1 to 365).
 */
#define COLL_UNIT_PERIOD_DAYS 0

/**
 * `count` weeks (52 / count a year; count 1 to 52).
 */
#define COLL_UNIT_PERIOD_WEEKS 1

/**
 * Half a month (24 a year); `count` must be 0.
 */
#define COLL_UNIT_PERIOD_SEMIMONTH 2

/**
 * `count` months (12 / count a year; count 1 to 12, 12 being a year).
 */
#define COLL_UNIT_PERIOD_MONTHS 3

/**
 * Whole years and the remaining days over the days (365 or 366) of the year ending there.
 */
#define COLL_APRC_BASIS_DAYS 0

/**
 * Whole weeks (52 a year) and the remaining days.
 */
#define COLL_APRC_BASIS_WEEKS 1

/**
 * Whole equal months (12 a year) and the remaining days.
 */
#define COLL_APRC_BASIS_MONTHS 2

/**
 * Equal payments (an annuity); the last one absorbs the rounding. Takes no kind data.
 */
#define COLL_SCHEDULE_KIND_LEVEL_PAYMENT 0

/**
 * Equal principal in each payment, plus that row's interest. Takes no kind data.
 */
#define COLL_SCHEDULE_KIND_LEVEL_PRINCIPAL 1

/**
 * Interest only in every payment, and the whole principal with the last one. Takes no kind data.
 */
#define COLL_SCHEDULE_KIND_INTEREST_ONLY 2

/**
 * Payments as if amortizing over `amortization_periods` (at least the term), maturing at the term with
 * a balloon.
 */
#define COLL_SCHEDULE_KIND_BALLOON 3

/**
 * Level payments that step up by `step_percent` percent every `every` paying periods.
 */
#define COLL_SCHEDULE_KIND_GRADUATED 4

/**
 * The caller's payment for each paying period (`payments`, `n_payments`); the last row pays off what
 * remains.
 */
#define COLL_SCHEDULE_KIND_CUSTOM 5

/**
 * The annual rate divided by the periods in a year, on each row's opening balance.
 */
#define COLL_INTEREST_METHOD_PERIODIC 0

/**
 * The annual rate times the day count's year fraction between due dates (US simple-interest loans).
 */
#define COLL_INTEREST_METHOD_DAILY 1

/**
 * Added to (or, for a short period, taken from) the first installment's interest. The default.
 */
#define COLL_ODD_FIRST_PERIOD_ADD_TO_FIRST_INSTALLMENT 0

/**
 * Added to the principal before the schedule is built.
 */
#define COLL_ODD_FIRST_PERIOD_CAPITALIZE 1

/**
 * Not charged: the first period counts as a regular one.
 */
#define COLL_ODD_FIRST_PERIOD_IGNORE 2

/**
 * Added to the balance (it then bears interest). The default.
 */
#define COLL_HOLIDAY_INTEREST_CAPITALIZE 0

/**
 * Kept apart and paid with the next paying installment.
 */
#define COLL_HOLIDAY_INTEREST_DEFER 1

/**
 * EU Directive 2011/7/EU: the ECB main refinancing rate in force on the first day of each half-year,
 * plus 8 points; EUR 40 fixed compensation. Commercial debts only; any currency.
 */
#define COLL_STATUTE_EU_2011_7 0

/**
 * Germany, BGB §288: the Basiszinssatz plus 9 points between businesses (8 for obligations before
 * 2014-07-29) or 5 with a consumer; EUR 40 between businesses. EUR only.
 */
#define COLL_STATUTE_DE_BGB_288 1

/**
 * UK Late Payment of Commercial Debts (Interest) Act 1998: Bank Rate on the 31 December or 30 June
 * before the debt fell due, plus 8 points, fixed for the life of the debt; GBP 40, 70 or 100 fixed
 * sums by the size of the debt. Commercial debts only; GBP only.
 */
#define COLL_STATUTE_UK_LATE_PAYMENT_1998 2

/**
 * A business (a commercial debt). The default.
 */
#define COLL_DEBTOR_BUSINESS 0

/**
 * A consumer (only BGB §288 covers consumer debts).
 */
#define COLL_DEBTOR_CONSUMER 1

/**
 * "Balance due": remaining amount × rate / 100, once.
 */
#define COLL_FINANCE_CHARGE_BALANCE_DUE 0

/**
 * "Average daily balance": remaining amount × days overdue / interest period days × rate / 100.
 */
#define COLL_FINANCE_CHARGE_AVERAGE_DAILY_BALANCE 1

/**
 * No interest (the default).
 */
#define COLL_DUNNING_INTEREST_NONE 0

/**
 * ERPNext: outstanding × `rate_percent` (annual) / 100 / 365 × days overdue.
 */
#define COLL_DUNNING_INTEREST_ERPNEXT 1

/**
 * Business Central balance due: outstanding × `rate_percent` / 100.
 */
#define COLL_DUNNING_INTEREST_BALANCE_DUE 2

/**
 * Business Central average daily balance: Σ balance × days from the due date ÷
 * `interest_period_days` × `rate_percent` / 100, the balance falling with each payment.
 */
#define COLL_DUNNING_INTEREST_AVERAGE_DAILY_BALANCE 3

/**
 * Statutory interest under `statute` for `debtor`, from the day after the due date through the run
 * date, on the balance as payments reduce it, from the policy's tables (fixed compensation not added:
 * make it the level's fee).
 */
#define COLL_DUNNING_INTEREST_STATUTORY 4

/**
 * Blocked from dunning (litigation, dispute).
 */
#define COLL_DUNNING_OUTCOME_BLOCKED 0

/**
 * Nothing outstanding.
 */
#define COLL_DUNNING_OUTCOME_PAID 1

/**
 * Not past its due date.
 */
#define COLL_DUNNING_OUTCOME_NOT_OVERDUE 2

/**
 * Overdue, but no level's days and minimum reached.
 */
#define COLL_DUNNING_OUTCOME_NO_LEVEL_REACHED 3

/**
 * The level reached was already sent (no fee, no interest).
 */
#define COLL_DUNNING_OUTCOME_ALREADY_NOTIFIED 4

/**
 * A new notice at the line's level.
 */
#define COLL_DUNNING_OUTCOME_NOTICE 5

/**
 * Each installment on its own: one short by no more than the tolerance counts as paid. The default.
 */
#define COLL_SHORTFALL_PER_INSTALLMENT 0

/**
 * Shortfalls add up: payments are pooled against the installments oldest first.
 */
#define COLL_SHORTFALL_CUMULATIVE 1

/**
 * Every shortfall counts (the default); the tolerance value must be zero.
 */
#define COLL_TOLERANCE_NONE 0

/**
 * A shortfall of at most the tolerance amount counts as paid.
 */
#define COLL_TOLERANCE_AMOUNT 1

/**
 * A shortfall of at most the tolerance percentage (0 to 100) of the installment counts as paid (10 for
 * FFIEC's "a payment of at least 90% counts as full").
 */
#define COLL_TOLERANCE_PERCENT 2

/**
 * Installment credit (FFIEC: charge-off at 120 days past due).
 */
#define COLL_CREDIT_CLOSED_END 0

/**
 * Revolving credit (FFIEC: charge-off at 180 days past due).
 */
#define COLL_CREDIT_OPEN_END 1

/**
 * The due date of the oldest past-due obligation; later payments do not restart it.
 */
#define COLL_LIMITATION_FROM_DUE_DATE 0

/**
 * The latest of that due date, the last payment and the last written acknowledgment (England and
 * Wales, Limitation Act 1980 s.29(5)).
 */
#define COLL_LIMITATION_FROM_LAST_PAYMENT_OR_ACKNOWLEDGMENT 1

/**
 * Whole years (the day of the month kept, or the month's last day).
 */
#define COLL_LIMITATION_UNIT_YEARS 0

/**
 * Whole months.
 */
#define COLL_LIMITATION_UNIT_MONTHS 1

/**
 * Days.
 */
#define COLL_LIMITATION_UNIT_DAYS 2

/**
 * The accounts' outstanding amounts. The default.
 */
#define COLL_ROLL_MEASURE_OUTSTANDING 0

/**
 * Their past-due amounts.
 */
#define COLL_ROLL_MEASURE_PAST_DUE 1

/**
 * The number of accounts.
 */
#define COLL_ROLL_MEASURE_ACCOUNTS 2

/**
 * Up to date.
 */
#define COLL_DEBT_STATUS_CURRENT 0

/**
 * Past due, in ordinary collections.
 */
#define COLL_DEBT_STATUS_DELINQUENT 1

/**
 * Paying under a repayment arrangement.
 */
#define COLL_DEBT_STATUS_IN_ARRANGEMENT 2

/**
 * An arrangement was broken.
 */
#define COLL_DEBT_STATUS_ARRANGEMENT_BROKEN 3

/**
 * Disputed; collection paused.
 */
#define COLL_DEBT_STATUS_DISPUTED 4

/**
 * Hardship, breathing space or forbearance; collection paused.
 */
#define COLL_DEBT_STATUS_HARDSHIP 5

/**
 * A fraud or identity-theft claim under investigation; collection paused.
 */
#define COLL_DEBT_STATUS_FRAUD 6

/**
 * In legal proceedings or under a judgment.
 */
#define COLL_DEBT_STATUS_LEGAL 7

/**
 * The debtor is in bankruptcy or another insolvency procedure.
 */
#define COLL_DEBT_STATUS_BANKRUPT 8

/**
 * The debtor has died.
 */
#define COLL_DEBT_STATUS_DECEASED 9

/**
 * Charged off the books; collection may continue.
 */
#define COLL_DEBT_STATUS_CHARGED_OFF 10

/**
 * Settled for less than the balance (terminal).
 */
#define COLL_DEBT_STATUS_SETTLED 11

/**
 * Paid in full (terminal).
 */
#define COLL_DEBT_STATUS_PAID_IN_FULL 12

/**
 * Written off (terminal).
 */
#define COLL_DEBT_STATUS_WRITTEN_OFF 13

/**
 * Closed administratively without a loss (terminal).
 */
#define COLL_DEBT_STATUS_CLOSED 14

/**
 * Returned to the client that placed it (terminal).
 */
#define COLL_DEBT_STATUS_RECALLED 15

/**
 * Sold to a debt buyer (terminal).
 */
#define COLL_DEBT_STATUS_SOLD 16

/**
 * Penalties: late fees (as Apache Fineract books them) and other penalty charges.
 */
#define COLL_COMPONENT_PENALTY 0

/**
 * Fees: servicing, dunning and other charges.
 */
#define COLL_COMPONENT_FEE 1

/**
 * Interest.
 */
#define COLL_COMPONENT_INTEREST 2

/**
 * Principal.
 */
#define COLL_COMPONENT_PRINCIPAL 3

/**
 * Due before the payment date.
 */
#define COLL_TIMING_PAST_DUE 0

/**
 * Due on the payment date.
 */
#define COLL_TIMING_DUE 1

/**
 * Due after it (including principal no obligation has made due yet).
 */
#define COLL_TIMING_NOT_YET_DUE 2

/**
 * Simple daily interest on the outstanding principal only (US simple-interest loans). The default.
 */
#define COLL_INTEREST_MODE_SIMPLE 0

/**
 * Compounded at each obligation's due date: interest unpaid on a due date bears interest from then
 * on, until it is paid.
 */
#define COLL_INTEREST_MODE_COMPOUND_AT_DUE_DATES 1

/**
 * Fees, interest, principal, then penalties (penalties last, so a late fee never eats an
 * installment). The default.
 */
#define COLL_ALLOCATION_ORDER_FEES_INTEREST_PRINCIPAL 0

/**
 * Interest, principal, fees, then penalties.
 */
#define COLL_ALLOCATION_ORDER_INTEREST_PRINCIPAL_FEES 1

/**
 * Penalties, fees, interest, principal (Apache Fineract's "penalties, fees, interest, principal
 * order").
 */
#define COLL_ALLOCATION_ORDER_PENALTIES_FEES_INTEREST_PRINCIPAL 2

/**
 * Interest, principal, penalties, fees (Apache Fineract's "interest, principal, penalties, fees
 * order").
 */
#define COLL_ALLOCATION_ORDER_INTEREST_PRINCIPAL_PENALTIES_FEES 3

/**
 * Principal, interest, penalties, fees (Apache Fineract's "principal, interest, penalties, fees
 * order").
 */
#define COLL_ALLOCATION_ORDER_PRINCIPAL_INTEREST_PENALTIES_FEES 4

/**
 * Everything due on the oldest date, in component order, then the next date ("horizontal"). The
 * default.
 */
#define COLL_ALLOCATION_SCOPE_OLDEST_FIRST 0

/**
 * The first component on every date, oldest first, then the next component ("vertical").
 */
#define COLL_ALLOCATION_SCOPE_COMPONENT_FIRST 1

/**
 * Held as a credit balance, applied to charges as they fall due (and refundable). The default.
 */
#define COLL_OVERPAYMENT_HOLD_AS_CREDIT 0

/**
 * Prepays principal from the end (the term shortens); any rest is credit.
 */
#define COLL_OVERPAYMENT_REDUCE_TERM 1

/**
 * Prepays the principal of every not-yet-due obligation pro rata (each installment gets smaller);
 * any rest is credit.
 */
#define COLL_OVERPAYMENT_REDUCE_PAYMENT 2

/**
 * Principal fell due (an obligation event).
 */
#define COLL_LEDGER_ENTRY_OBLIGATION 0

/**
 * Interest posted.
 */
#define COLL_LEDGER_ENTRY_INTEREST 1

/**
 * A late fee assessed by the terms' rule.
 */
#define COLL_LEDGER_ENTRY_LATE_FEE 2

/**
 * A fee or penalty posted by an event.
 */
#define COLL_LEDGER_ENTRY_FEE 3

/**
 * A payment allocated.
 */
#define COLL_LEDGER_ENTRY_PAYMENT 4

/**
 * Credit balance applied to charges as they fell due.
 */
#define COLL_LEDGER_ENTRY_CREDIT_APPLIED 5

/**
 * A payment reversed (the payment's own entry is gone; this records the reversal).
 */
#define COLL_LEDGER_ENTRY_REVERSAL 6

/**
 * Credit refunded.
 */
#define COLL_LEDGER_ENTRY_REFUND 7

/**
 * A waiver.
 */
#define COLL_LEDGER_ENTRY_WAIVER 8

/**
 * An adjustment.
 */
#define COLL_LEDGER_ENTRY_ADJUSTMENT 9

/**
 * Due dates extended.
 */
#define COLL_LEDGER_ENTRY_EXTENSION 10

/**
 * A status change (including those a settlement, charge-off or write-off makes).
 */
#define COLL_LEDGER_ENTRY_STATUS 11

/**
 * What was still owed, forgiven by a settlement.
 */
#define COLL_LEDGER_ENTRY_SETTLEMENT 12

/**
 * A charge-off.
 */
#define COLL_LEDGER_ENTRY_CHARGE_OFF 13

/**
 * What was still owed, written off.
 */
#define COLL_LEDGER_ENTRY_WRITE_OFF 14

/**
 * `amount` of the principal falls due on the event's date (an installment or an invoice).
 */
#define COLL_LEDGER_EVENT_OBLIGATION 0

/**
 * Post the interest accrued up to the date (interest is also posted at every other event).
 */
#define COLL_LEDGER_EVENT_ACCRUE 1

/**
 * A fee or penalty assessed (`component`, `amount`, `reason`).
 */
#define COLL_LEDGER_EVENT_FEE 2

/**
 * A payment received (`id`, `amount`, `currency`), allocated by the terms.
 */
#define COLL_LEDGER_EVENT_PAYMENT 3

/**
 * A returned, dishonoured or mistaken payment (`id`: the payment's id; `reason`): taken out as if it
 * had never been made.
 */
#define COLL_LEDGER_EVENT_REVERSAL 4

/**
 * Part or all of a credit balance paid back (`amount`).
 */
#define COLL_LEDGER_EVENT_REFUND 5

/**
 * A charge forgiven (`component`, `amount`, `reason`).
 */
#define COLL_LEDGER_EVENT_WAIVER 6

/**
 * A correction (`component`, signed `amount`, `reason`); a component never goes below zero.
 */
#define COLL_LEDGER_EVENT_ADJUSTMENT 7

/**
 * A due-date extension (`days`, `reason`).
 */
#define COLL_LEDGER_EVENT_EXTENSION 8

/**
 * A settlement (`reason`): what is still owed is forgiven; the status becomes settled.
 */
#define COLL_LEDGER_EVENT_SETTLEMENT 9

/**
 * A charge-off (`reason`): balances stay owed, interest stops.
 */
#define COLL_LEDGER_EVENT_CHARGE_OFF 10

/**
 * A write-off (`reason`): everything owed is written off.
 */
#define COLL_LEDGER_EVENT_WRITE_OFF 11

/**
 * A change of status (`to`, `reason`), checked against the status transitions.
 */
#define COLL_LEDGER_EVENT_STATUS_CHANGE 12

/**
 * A reference appears more than once on one side.
 */
#define COLL_DISCREPANCY_DUPLICATE 0

/**
 * The same reference, posted to another account.
 */
#define COLL_DISCREPANCY_WRONG_ACCOUNT 1

/**
 * The same reference, in another currency.
 */
#define COLL_DISCREPANCY_CURRENCY_MISMATCH 2

/**
 * The same reference, amounts apart by more than the tolerance.
 */
#define COLL_DISCREPANCY_AMOUNT_MISMATCH 3

/**
 * The same reference, dates apart by more than the tolerance.
 */
#define COLL_DISCREPANCY_DATE_MISMATCH 4

/**
 * Same account, currency and amount, dates within the window, different references.
 */
#define COLL_DISCREPANCY_REFERENCE_MISMATCH 5

/**
 * Reported, not in the ledger.
 */
#define COLL_DISCREPANCY_MISSING_IN_LEDGER 6

/**
 * In the ledger, not reported.
 */
#define COLL_DISCREPANCY_MISSING_IN_REPORT 7

/**
 * Covered in full by its due date plus grace.
 */
#define COLL_EXPECTED_PAID 0

/**
 * Covered in full, after the grace days.
 */
#define COLL_EXPECTED_LATE 1

/**
 * Due, partly covered.
 */
#define COLL_EXPECTED_SHORT 2

/**
 * Due, nothing covered.
 */
#define COLL_EXPECTED_MISSED 3

/**
 * Not yet due, or still in its grace days, on the as-of date (whatever it has received).
 */
#define COLL_EXPECTED_NOT_DUE 4

/**
 * Income: earnings (wages and salaries; net business income for the self-employed).
 */
#define COLL_CATEGORY_EARNINGS 0

/**
 * Income: benefits and tax credits (IRS: social security, other income).
 */
#define COLL_CATEGORY_BENEFITS 1

/**
 * Income: pensions.
 */
#define COLL_CATEGORY_PENSIONS 2

/**
 * Income: other income (maintenance, lodgers, student loans; child support and alimony received,
 * rental income, interest and dividends).
 */
#define COLL_CATEGORY_OTHER_INCOME 3

/**
 * Fixed costs: home and contents (rent or mortgage, property taxes, insurance).
 */
#define COLL_CATEGORY_HOUSING 4

/**
 * Fixed costs: utilities (gas, electricity, fuel, telephone, internet).
 */
#define COLL_CATEGORY_UTILITIES 5

/**
 * Fixed costs: water (water, sewer, garbage).
 */
#define COLL_CATEGORY_WATER 6

/**
 * Fixed costs: health insurance.
 */
#define COLL_CATEGORY_HEALTH_INSURANCE 7

/**
 * Fixed costs: out-of-pocket health care.
 */
#define COLL_CATEGORY_HEALTH_CARE 8

/**
 * Fixed costs: care (childcare, adult care; IRS child / dependent care).
 */
#define COLL_CATEGORY_CARE 9

/**
 * Fixed costs: vehicle ownership (loan, hire purchase or lease payments).
 */
#define COLL_CATEGORY_VEHICLE_OWNERSHIP 10

/**
 * Fixed costs: vehicle operating costs (fuel, insurance, tax, maintenance, parking).
 */
#define COLL_CATEGORY_VEHICLE_OPERATING 11

/**
 * Fixed costs: public transport.
 */
#define COLL_CATEGORY_PUBLIC_TRANSPORT 12

/**
 * Fixed costs: school costs.
 */
#define COLL_CATEGORY_SCHOOL 13

/**
 * Fixed costs: pensions and insurance (term life insurance, retirement contributions).
 */
#define COLL_CATEGORY_PENSIONS_AND_INSURANCE 14

/**
 * Fixed costs: professional costs (union dues, professional licences).
 */
#define COLL_CATEGORY_PROFESSIONAL_COSTS 15

/**
 * Fixed costs: current taxes (the IRS counts income gross, taxes as an expense; SFS income is net).
 */
#define COLL_CATEGORY_TAXES 16

/**
 * Fixed costs: court-ordered payments (child support, alimony, maintenance paid).
 */
#define COLL_CATEGORY_COURT_ORDERED_PAYMENTS 17

/**
 * Fixed costs: other essential costs.
 */
#define COLL_CATEGORY_OTHER_ESSENTIAL_COSTS 18

/**
 * Flexible costs: communications and leisure.
 */
#define COLL_CATEGORY_COMMUNICATIONS_AND_LEISURE 19

/**
 * Flexible costs: food and housekeeping.
 */
#define COLL_CATEGORY_FOOD_AND_HOUSEKEEPING 20

/**
 * Flexible costs: personal costs (clothing, personal care).
 */
#define COLL_CATEGORY_PERSONAL_COSTS 21

/**
 * A regular savings contribution.
 */
#define COLL_CATEGORY_SAVINGS_CONTRIBUTION 22

/**
 * Payments offered to priority creditors (arrears of rent, mortgage, council tax, energy, fines,
 * taxes).
 */
#define COLL_CATEGORY_PRIORITY_DEBT_PAYMENTS 23

/**
 * Income.
 */
#define COLL_SECTION_INCOME 0

/**
 * Fixed costs.
 */
#define COLL_SECTION_FIXED_COSTS 1

/**
 * Flexible costs (the categories with SFS spending guidelines).
 */
#define COLL_SECTION_FLEXIBLE_COSTS 2

/**
 * A regular savings contribution.
 */
#define COLL_SECTION_SAVINGS 3

/**
 * Payments offered to priority creditors, deducted before anything is shared among the others.
 */
#define COLL_SECTION_PRIORITY_DEBTS 4

/**
 * The standard is allowed whatever was spent (IRS national standards, out-of-pocket health care).
 */
#define COLL_GUIDELINE_RULE_ALLOWED_IN_FULL 0

/**
 * The lesser of what was spent and the standard (IRS local standards).
 */
#define COLL_GUIDELINE_RULE_LESSER_OF 1

/**
 * What was spent is allowed; the standard is a trigger figure that only flags (UK SFS).
 */
#define COLL_GUIDELINE_RULE_TRIGGER 2

/**
 * The whole household.
 */
#define COLL_GUIDELINE_UNIT_HOUSEHOLD 0

/**
 * Each person in the household.
 */
#define COLL_GUIDELINE_UNIT_PERSON 1

/**
 * Each person under 65.
 */
#define COLL_GUIDELINE_UNIT_PERSON_UNDER_65 2

/**
 * Each person aged 65 or over.
 */
#define COLL_GUIDELINE_UNIT_PERSON_65_OR_OVER 3

/**
 * Each vehicle (at most the row's `max_units`).
 */
#define COLL_GUIDELINE_UNIT_VEHICLE 4

/**
 * More than the standard.
 */
#define COLL_FLAG_KIND_UNUSUALLY_HIGH 0

/**
 * Below the policy's low-spending fraction of the standard.
 */
#define COLL_FLAG_KIND_UNUSUALLY_LOW 1

/**
 * A statement item normalized to monthly.
 */
#define COLL_LINE_KIND_ITEM 0

/**
 * A guideline applied.
 */
#define COLL_LINE_KIND_GUIDELINE 1

/**
 * A total or a result.
 */
#define COLL_LINE_KIND_TOTAL 2

/**
 * A note (a guideline with no row for the household, ...).
 */
#define COLL_LINE_KIND_NOTE 3

/**
 * A pro-rata share of what is available.
 */
#define COLL_OFFER_BASIS_PRO_RATA 0

/**
 * A token payment (no surplus, or a share below the minimum).
 */
#define COLL_OFFER_BASIS_TOKEN 1

/**
 * Never: a plan whose payment does not cover the interest cannot be afforded.
 */
#define COLL_FREEZE_INTEREST_NEVER 0

/**
 * When the payment does not cover a month's interest (the balance would never fall).
 */
#define COLL_FREEZE_INTEREST_WHEN_PAYMENT_BELOW_INTEREST 1

/**
 * Always (a debt management plan, the Debt Arrangement Scheme).
 */
#define COLL_FREEZE_INTEREST_ALWAYS 2

/**
 * A fixed amount (`coll_plan_policy`'s `minimum_payment`; 0: no minimum).
 */
#define COLL_MINIMUM_PAYMENT_FIXED 0

/**
 * The IRS streamlined installment agreement: the larger of 25 and the balance / 72, rounded up to the
 * cent (IRM 4.20.4.3).
 */
#define COLL_MINIMUM_PAYMENT_IRS_STREAMLINED 1

/**
 * A token payment a month while circumstances are reviewed (`coll_fallback`'s `amount`).
 */
#define COLL_FALLBACK_TOKEN_PAYMENT 0

/**
 * A breathing space: enforcement, interest and charges paused (`coll_fallback`'s `days`).
 */
#define COLL_FALLBACK_BREATHING_SPACE 1

/**
 * Forbearance: reduced or no payments with interest frozen (`coll_fallback`'s `months`).
 */
#define COLL_FALLBACK_FORBEARANCE 2

/**
 * A telephone call.
 */
#define COLL_CONTACT_CHANNEL_CALL 0

/**
 * A voicemail left without the phone ringing (a telephone call for §1006.14(b), comment 14(b)-1).
 */
#define COLL_CONTACT_CHANNEL_RINGLESS_VOICEMAIL 1

/**
 * A text message (SMS).
 */
#define COLL_CONTACT_CHANNEL_TEXT 2

/**
 * An email.
 */
#define COLL_CONTACT_CHANNEL_EMAIL 3

/**
 * A letter.
 */
#define COLL_CONTACT_CHANNEL_LETTER 4

/**
 * A visit in person.
 */
#define COLL_CONTACT_CHANNEL_VISIT 5

/**
 * Placed or sent by the collector.
 */
#define COLL_CONTACT_DIRECTION_OUTBOUND 0

/**
 * Initiated by the person (they called, texted or wrote).
 */
#define COLL_CONTACT_DIRECTION_INBOUND 1

/**
 * A busy signal (a call that did not connect).
 */
#define COLL_CONTACT_OUTCOME_BUSY 0

/**
 * The number is not in service (a call that did not connect).
 */
#define COLL_CONTACT_OUTCOME_NOT_IN_SERVICE 1

/**
 * The phone rang and nobody answered (connected).
 */
#define COLL_CONTACT_OUTCOME_NO_ANSWER 2

/**
 * A voicemail message about the debts listed (connected; counts toward each).
 */
#define COLL_CONTACT_OUTCOME_VOICEMAIL 3

/**
 * A limited-content message, §1006.2(j) (connected; refers to no particular debt).
 */
#define COLL_CONTACT_OUTCOME_LIMITED_CONTENT_MESSAGE 4

/**
 * A conversation with the person.
 */
#define COLL_CONTACT_OUTCOME_RIGHT_PARTY_CONVERSATION 5

/**
 * Someone other than the person answered (connected).
 */
#define COLL_CONTACT_OUTCOME_THIRD_PARTY 6

/**
 * The number turned out not to be the person's (comment 14(b)(2)(i)-3).
 */
#define COLL_CONTACT_OUTCOME_WRONG_NUMBER 7

/**
 * A text, email or letter sent (not an outcome of a call).
 */
#define COLL_CONTACT_OUTCOME_SENT 8

/**
 * A text, email or letter that bounced or was returned (not an outcome of a call).
 */
#define COLL_CONTACT_OUTCOME_UNDELIVERABLE 9

/**
 * A written refusal to pay or request to cease communication received, §1006.6(c).
 */
#define COLL_CONTACT_FLAG_CEASE_RECEIVED 0

/**
 * Represented by an attorney about the debt, §1006.6(b)(2).
 */
#define COLL_CONTACT_FLAG_ATTORNEY_REPRESENTATION 1

/**
 * A bankruptcy case is open.
 */
#define COLL_CONTACT_FLAG_BANKRUPTCY 2

/**
 * The person has died.
 */
#define COLL_CONTACT_FLAG_DECEASED 3

/**
 * A dispute (or a request for the original creditor) is pending.
 */
#define COLL_CONTACT_FLAG_DISPUTE_PENDING 4

/**
 * The validation period of §1006.34(b)(5) is running.
 */
#define COLL_CONTACT_FLAG_VALIDATION_PERIOD 5

/**
 * A UK debt respite (breathing space) moratorium.
 */
#define COLL_CONTACT_FLAG_BREATHING_SPACE 6

/**
 * Collecting the debt (the default).
 */
#define COLL_CONTACT_PURPOSE_COLLECTION 0

/**
 * After a cease: advising that collection is terminated or a remedy invoked, §1006.6(c)(2).
 */
#define COLL_CONTACT_PURPOSE_CEASE_NOTICE 1

/**
 * The one electronic confirmation of an opt-out, §1006.14(h)(2)(i).
 */
#define COLL_CONTACT_PURPOSE_OPT_OUT_CONFIRMATION 2

/**
 * A telephone number (calls, ringless voicemails, texts).
 */
#define COLL_CONTACT_MEDIUM_PHONE 0

/**
 * An email address.
 */
#define COLL_CONTACT_MEDIUM_EMAIL 1

/**
 * A postal address (letters, visits).
 */
#define COLL_CONTACT_MEDIUM_POSTAL 2

/**
 * A mobile phone.
 */
#define COLL_CONTACT_LINE_CELL 0

/**
 * A fixed line.
 */
#define COLL_CONTACT_LINE_LANDLINE 1

/**
 * Not known (or not a phone).
 */
#define COLL_CONTACT_LINE_UNKNOWN 2

/**
 * The person the profile describes.
 */
#define COLL_CONTACT_PARTY_CONSUMER 0

/**
 * The consumer's attorney.
 */
#define COLL_CONTACT_PARTY_CONSUMER_ATTORNEY 1

/**
 * A consumer reporting agency.
 */
#define COLL_CONTACT_PARTY_CONSUMER_REPORTING_AGENCY 2

/**
 * The creditor.
 */
#define COLL_CONTACT_PARTY_CREDITOR 3

/**
 * The creditor's attorney.
 */
#define COLL_CONTACT_PARTY_CREDITOR_ATTORNEY 4

/**
 * The debt collector's attorney.
 */
#define COLL_CONTACT_PARTY_COLLECTOR_ATTORNEY 5

/**
 * Anyone else (a relative, a neighbour asked for location information).
 */
#define COLL_CONTACT_PARTY_THIRD_PARTY 6

/**
 * Every promise is paid (the default).
 */
#define COLL_PROBABILITIES_CERTAIN 0

/**
 * A probability per promise, each from 0 to 1 (`coll_probabilities`' `values`).
 */
#define COLL_PROBABILITIES_PER_INSTALLMENT 1

/**
 * A constant hazard h (`coll_probabilities`' `hazard`, 0 to 1): promise k (from 1) is paid with
 * probability (1 - h)^k.
 */
#define COLL_PROBABILITIES_CONSTANT_HAZARD 2

/**
 * Its deadline (date plus grace days) has not passed and it is not yet kept.
 */
#define COLL_PROMISE_PENDING 0

/**
 * Paid by its deadline, short by no more than the tolerance.
 */
#define COLL_PROMISE_KEPT 1

/**
 * Some money by the deadline, but short by more than the tolerance.
 */
#define COLL_PROMISE_PARTIALLY_KEPT 2

/**
 * Nothing by the deadline.
 */
#define COLL_PROMISE_BROKEN 3

/**
 * Running.
 */
#define COLL_ARRANGEMENT_ACTIVE 0

/**
 * Every promise settled.
 */
#define COLL_ARRANGEMENT_COMPLETED 1

/**
 * The break rule was met.
 */
#define COLL_ARRANGEMENT_BROKEN 2

/**
 * Cancelled.
 */
#define COLL_ARRANGEMENT_CANCELLED 3

/**
 * The expected NPV, highest first (the default).
 */
#define COLL_RANK_BY_EXPECTED_NPV 0

/**
 * The NPV, highest first.
 */
#define COLL_RANK_BY_NPV 1

/**
 * The expected value, highest first.
 */
#define COLL_RANK_BY_EXPECTED_VALUE 2

/**
 * The total promised, highest first.
 */
#define COLL_RANK_BY_TOTAL 3

/**
 * The duration, shortest first.
 */
#define COLL_RANK_BY_DURATION 4

/**
 * The payment-to-income ratio, lowest first (plans without one last).
 */
#define COLL_RANK_BY_PAYMENT_TO_INCOME 5

/**
 * Weeks, Monday to Sunday.
 */
#define COLL_FORECAST_WEEKLY 0

/**
 * Calendar months.
 */
#define COLL_FORECAST_MONTHLY 1

/**
 * A payment reminder.
 */
#define COLL_ACTION_REMINDER 0

/**
 * A collection call.
 */
#define COLL_ACTION_CALL 1

/**
 * Offer a repayment plan.
 */
#define COLL_ACTION_PAYMENT_PLAN_OFFER 2

/**
 * Offer a settlement.
 */
#define COLL_ACTION_SETTLEMENT_OFFER 3

/**
 * The final notice before escalation.
 */
#define COLL_ACTION_FINAL_NOTICE 4

/**
 * Bring the account to a supervisor.
 */
#define COLL_ACTION_ESCALATE_TO_SUPERVISOR 5

/**
 * Review for legal action.
 */
#define COLL_ACTION_LEGAL_REVIEW 6

/**
 * Place with an agency.
 */
#define COLL_ACTION_AGENCY_PLACEMENT 7

/**
 * Review for hardship (forbearance).
 */
#define COLL_ACTION_HARDSHIP_REVIEW 8

/**
 * Write the balance off.
 */
#define COLL_ACTION_WRITE_OFF 9

/**
 * No contact attempted (the default).
 */
#define COLL_LAST_CONTACT_NOT_ATTEMPTED 0

/**
 * Nobody answered.
 */
#define COLL_LAST_CONTACT_NO_ANSWER 1

/**
 * A message was left.
 */
#define COLL_LAST_CONTACT_LEFT_MESSAGE 2

/**
 * Someone other than the debtor.
 */
#define COLL_LAST_CONTACT_WRONG_PARTY 3

/**
 * The debtor was reached.
 */
#define COLL_LAST_CONTACT_RIGHT_PARTY_CONTACT 4

/**
 * The debtor promised to pay.
 */
#define COLL_LAST_CONTACT_PROMISED_TO_PAY 5

/**
 * The debtor refused to pay.
 */
#define COLL_LAST_CONTACT_REFUSED_TO_PAY 6

/**
 * Not assessed (the default).
 */
#define COLL_AFFORDABILITY_NOT_ASSESSED 0

/**
 * A surplus to pay from.
 */
#define COLL_AFFORDABILITY_SURPLUS 1

/**
 * No surplus.
 */
#define COLL_AFFORDABILITY_DEFICIT 2

#ifdef __cplusplus
extern "C" {
#endif // __cplusplus

/**
 * The version of the library, `"MAJOR.MINOR.PATCH"` as in Cargo.toml (compare it with the
 * `COLL_VERSION_` macros to detect a header/library mismatch).
 *
 * Ownership: a static string; never NULL; do not free it.
 */
const char *coll_version(void);

/**
 * The message of the last failed call on this thread: the core error's text, which names the field
 * and value at fault (`"due_date: not a valid date: \"2025-02-30\""`). An empty string when no call
 * has failed on this thread yet. Successful calls leave it as it is.
 *
 * Ownership: the string belongs to the library. It stays valid until the next failing call on the same
 * thread; copy it to keep it longer. Never NULL; do not free it.
 */
const char *coll_last_error_message(void);

/**
 * The name of a status code, `"COLL_INVALID_DATE"` for `COLL_INVALID_DATE`, or
 * `"COLL_UNKNOWN_STATUS"` for a number that is not a status code.
 *
 * Ownership: a static string; never NULL; do not free it.
 */
const char *coll_status_name(coll_status status);

/**
 * `left + right`, unrounded. Fails with `COLL_CURRENCY_MISMATCH` when the currencies differ, or
 * `COLL_OVERFLOW`.
 *
 * # Safety
 * `left` and `right` are NULL or point to readable `coll_money` values; `out` is NULL or points to a
 * writable `coll_money` (it may be one of the inputs).
 */
coll_status coll_money_add(const struct coll_money *left,
                           const struct coll_money *right,
                           struct coll_money *out);

/**
 * `left - right`, unrounded. Fails with `COLL_CURRENCY_MISMATCH` when the currencies differ, or
 * `COLL_OVERFLOW`.
 *
 * # Safety
 * As for `coll_money_add`.
 */
coll_status coll_money_sub(const struct coll_money *left,
                           const struct coll_money *right,
                           struct coll_money *out);

/**
 * Rounds to the currency's minor units with `mode`; the result shows exactly that many decimal places
 * (`7` USD -> `7.00`).
 *
 * # Safety
 * `money` is NULL or points to a readable `coll_money`; `out` is NULL or points to a writable
 * `coll_money` (it may be `money` itself).
 */
coll_status coll_money_round(const struct coll_money *money,
                             coll_rounding_mode mode,
                             struct coll_money *out);

/**
 * Rounds to an integer multiple of `multiple` (positive) with `mode`: installments in multiples of 5,
 * say. The result shows at least the currency's decimal places.
 *
 * # Safety
 * `money` is NULL or points to a readable `coll_money`; `multiple` is NULL or points to a readable
 * `coll_decimal`; `out` is NULL or points to a writable `coll_money` (it may be `money` itself).
 */
coll_status coll_money_round_to_multiple(const struct coll_money *money,
                                         const struct coll_decimal *multiple,
                                         coll_rounding_mode mode,
                                         struct coll_money *out);

/**
 * Splits `total` into `n_weights` parts proportional to `weights`, each rounded to minor units, adding
 * up to `total` exactly (largest remainder; ties to the earlier part). `total` must already be rounded
 * to minor units; weights must be non-negative with a positive sum (`COLL_INVALID_ARGUMENT`).
 *
 * `out_parts` has room for `out_cap` values; `out_cap < n_weights` gives `COLL_BUFFER_TOO_SMALL`.
 * On success `out_parts[0 .. n_weights]` hold the parts. Ownership: both arrays belong to the caller
 * and must not overlap.
 *
 * # Safety
 * `total` is NULL or points to a readable `coll_money`; `weights` is NULL or points to `n_weights`
 * readable `coll_decimal`s; `out_parts` is NULL or points to `out_cap` writable `coll_money`s.
 */
coll_status coll_money_split(const struct coll_money *total,
                             const struct coll_decimal *weights,
                             size_t n_weights,
                             struct coll_money *out_parts,
                             size_t out_cap);

/**
 * An amount from a whole number of minor units of `currency` (`12345` USD cents -> `123.45` USD).
 *
 * # Safety
 * `currency` is NULL or points to a readable `coll_currency`; `out` is NULL or points to a writable
 * `coll_money`.
 */
coll_status coll_money_from_minor_units(int64_t units,
                                        const struct coll_currency *currency,
                                        struct coll_money *out);

/**
 * The amount as a whole number of minor units (`-19.99` USD -> `-1999`). Fails with
 * `COLL_INVALID_ARGUMENT` when the amount has more decimal places than the currency's minor unit
 * (round it first), or `COLL_OVERFLOW` beyond 64 bits.
 *
 * # Safety
 * `money` is NULL or points to a readable `coll_money`; `out` is NULL or points to a writable
 * `int64_t`.
 */
coll_status coll_money_to_minor_units(const struct coll_money *money, int64_t *out);

/**
 * Looks up an ISO 4217 currency by its alphabetic code (`"usd"` works too). `code` is `len` bytes of
 * UTF-8, not necessarily NUL-terminated. Unknown codes give `COLL_UNKNOWN_CURRENCY`.
 *
 * # Safety
 * `code` is NULL or points to `len` readable bytes; `out` is NULL or points to a writable
 * `coll_currency`.
 */
coll_status coll_currency_from_code(const char *code,
                                    size_t len,
                                    struct coll_currency *out);

/**
 * Defines a currency that need not be in ISO 4217 (loyalty points, a fund): `code` is three ASCII
 * letters (stored upper-case; otherwise `COLL_UNKNOWN_CURRENCY`), `minor_units` at most 18
 * (otherwise `COLL_INVALID_ARGUMENT`).
 *
 * # Safety
 * `code` is NULL or points to `len` readable bytes; `out` is NULL or points to a writable
 * `coll_currency`.
 */
coll_status coll_currency_new(const char *code,
                              size_t len,
                              uint32_t minor_units,
                              struct coll_currency *out);

/**
 * Parses decimal text (`"-1234.5678"`, `"1.5e3"`; surrounding spaces are ignored) exactly.
 *
 * `text` is `len` bytes of UTF-8 and need not be NUL-terminated. Fails with `COLL_INVALID_UTF8`, or
 * `COLL_INVALID_DECIMAL` for text that is not a number or needs more than 28 significant digits (it is
 * never rounded). Ownership: `text` is borrowed for the call.
 *
 * # Safety
 * `text` is NULL or points to `len` readable bytes; `out` is NULL or points to a writable
 * `coll_decimal`.
 */
coll_status coll_decimal_from_string(const char *text,
                                     size_t len,
                                     struct coll_decimal *out);

/**
 * Writes the decimal's canonical text (`"-12.50"`: a leading `-` when negative, the scale's decimal
 * places, no exponent) into `buf` with a terminating NUL.
 *
 * On success `*out_len` is the text's length without the NUL. When `buf_len` is too small the
 * call fails with `COLL_BUFFER_TOO_SMALL`, leaves `buf` untouched and, as the documented exception to "out-
 * parameters only on success", writes the size needed (including the NUL) to `*out_len`. A buffer of
 * `COLL_DECIMAL_TEXT_CAPACITY` bytes always suffices. `buf` may be NULL when `buf_len` is 0, to ask
 * for the size: the call then fails with `COLL_BUFFER_TOO_SMALL` and sets `*out_len`. Ownership: `buf`
 * belongs to the caller.
 *
 * # Safety
 * `value` is NULL or points to a readable `coll_decimal`; `buf` is NULL or points to `buf_len`
 * writable bytes; `out_len` is NULL or points to a writable `size_t`.
 */
coll_status coll_decimal_to_string(const struct coll_decimal *value,
                                   char *buf,
                                   size_t buf_len,
                                   size_t *out_len);

/**
 * `units / 10^minor_units` exactly (`12345` with 2 minor units is `123.45`). `minor_units` is at most
 * 18.
 *
 * # Safety
 * `out` is NULL or points to a writable `coll_decimal`.
 */
coll_status coll_decimal_from_minor_units(int64_t units,
                                          uint32_t minor_units,
                                          struct coll_decimal *out);

/**
 * `value × 10^minor_units` as a 64-bit integer (`123.45` with 2 minor units is `12345`).
 *
 * Fails with `COLL_INVALID_ARGUMENT` naming `value` when the value has more decimal places than
 * `minor_units` (round it first: nothing is rounded here) or naming `minor_units` when it is above 18,
 * or `COLL_OVERFLOW` naming `value` when the result does not fit 64 bits.
 *
 * # Safety
 * `value` is NULL or points to a readable `coll_decimal`; `out` is NULL or points to a writable
 * `int64_t`.
 */
coll_status coll_decimal_to_minor_units(const struct coll_decimal *value,
                                        uint32_t minor_units,
                                        int64_t *out);

/**
 * Rounds `value` to `places` decimal places (at most 28) with `mode`. The result has exactly
 * `places` decimal places when `value` had at least that many (`1.005` -> `1.01` half-up).
 *
 * # Safety
 * `value` is NULL or points to a readable `coll_decimal`; `out` is NULL or points to a writable
 * `coll_decimal` (it may be `value` itself).
 */
coll_status coll_decimal_round(const struct coll_decimal *value,
                               uint32_t places,
                               coll_rounding_mode mode,
                               struct coll_decimal *out);

/**
 * Rounds `value` to an integer multiple of `multiple` (which must be positive) with `mode`:
 * 122 to a multiple of 5 is 125 rounding up, 120 half-up.
 *
 * # Safety
 * `value` and `multiple` are NULL or point to readable `coll_decimal`s; `out` is NULL or points to a
 * writable `coll_decimal` (it may be one of the inputs).
 */
coll_status coll_decimal_round_to_multiple(const struct coll_decimal *value,
                                           const struct coll_decimal *multiple,
                                           coll_rounding_mode mode,
                                           struct coll_decimal *out);

/**
 * Compares two decimals by value (`0.5` equals `0.500`): `*out` is -1, 0 or 1 as `left` is less than,
 * equal to or greater than `right`.
 *
 * # Safety
 * `left` and `right` are NULL or point to readable `coll_decimal`s; `out` is NULL or points to a
 * writable `int32_t`.
 */
coll_status coll_decimal_cmp(const struct coll_decimal *left,
                             const struct coll_decimal *right,
                             int32_t *out);

/**
 * The rounding mode named by `name` (`"half-up"`, `"HALF_EVEN"`, `"floor"`, ...: case, `-` and `_`
 * are not significant). Unknown names give `COLL_INVALID_ARGUMENT`.
 *
 * # Safety
 * `name` is NULL or points to `len` readable bytes; `out` is NULL or points to a writable
 * `coll_rounding_mode`.
 */
coll_status coll_rounding_mode_from_name(const char *name, size_t len, coll_rounding_mode *out);

/**
 * The fraction of a percentage (`5.25` -> `0.0525`). Fails with `COLL_INVALID_RATE` at or below -100.
 *
 * # Safety
 * `percent` is NULL or points to a readable `coll_decimal`; `out_fraction` is NULL or points to a
 * writable `coll_decimal` (it may be `percent` itself).
 */
coll_status coll_rate_from_percent(const struct coll_decimal *percent,
                                   struct coll_decimal *out_fraction);

/**
 * Checks that `fraction` is a valid annual rate: `COLL_OK`, or `COLL_INVALID_RATE` at or below -1
 * (-100%).
 *
 * # Safety
 * `fraction` is NULL or points to a readable `coll_decimal`.
 */
coll_status coll_rate_check(const struct coll_decimal *fraction);

/**
 * The rate per period of `frequency`: the annual `rate` (a fraction) divided by the periods in a
 * year (12 monthly, 26 biweekly, 24 semi-monthly, 13 four-weekly, 52 weekly).
 *
 * # Safety
 * `rate` is NULL or points to a readable `coll_decimal`; `frequency` is NULL or points to a readable
 * `coll_frequency`; `out` is NULL or points to a writable `coll_decimal`.
 */
coll_status coll_rate_periodic(const struct coll_decimal *rate,
                               const struct coll_frequency *frequency,
                               struct coll_decimal *out);

/**
 * The effective annual rate (APY) of the nominal annual `rate` compounded `periods_per_year` times a
 * year ((1 + r/m)^m - 1; `periods_per_year` at least 1), or, when `continuous` is true, continuously
 * (e^r - 1; `periods_per_year` must then be 0). Computed to Decimal's 28 significant digits.
 *
 * # Safety
 * `rate` is NULL or points to a readable `coll_decimal`; `out` is NULL or points to a writable
 * `coll_decimal` (it may be `rate` itself).
 */
coll_status coll_rate_effective_annual(const struct coll_decimal *rate,
                                       uint32_t periods_per_year,
                                       bool continuous,
                                       struct coll_decimal *out);

/**
 * The nominal annual rate that, compounded `periods_per_year` times a year (or continuously when
 * `continuous` is true, with `periods_per_year` 0), has the effective annual rate `effective`.
 *
 * # Safety
 * `effective` is NULL or points to a readable `coll_decimal`; `out` is NULL or points to a writable
 * `coll_decimal` (it may be `effective` itself).
 */
coll_status coll_rate_nominal_from_effective(const struct coll_decimal *effective,
                                             uint32_t periods_per_year,
                                             bool continuous,
                                             struct coll_decimal *out);

/**
 * A built-in calendar by name: `us-federal` (US federal holidays, 5 U.S.C. 6103, as observed),
 * `england-and-wales` (bank holidays), or `weekends` (Saturday and Sunday only); each has Saturday and
 * Sunday weekends. Unknown names give `COLL_INVALID_ARGUMENT`.
 *
 * Ownership: on success `*out` is a new calendar that the caller owns and frees with
 * `coll_calendar_free`.
 *
 * # Safety
 * `name` is NULL or points to `len` readable bytes; `out` is NULL or points to a writable
 * `coll_calendar *`.
 */
coll_status coll_calendar_builtin(const char *name,
                                  size_t len,
                                  struct coll_calendar **out);

/**
 * A calendar with the given weekend days (`COLL_WEEKDAY_` values) and listed holidays. Either array
 * may be NULL when its count is 0. At least one day of the week must be a business day, and every
 * weekday value and date must be valid (`COLL_INVALID_ARGUMENT`, `COLL_INVALID_DATE`).
 *
 * Ownership: the arrays are borrowed for the call (copied). On success `*out` is a new calendar that
 * the caller owns and frees with `coll_calendar_free`.
 *
 * # Safety
 * `weekend_days` is NULL or points to `n_weekend` readable values; `holidays` is NULL or points to
 * `n_holidays` readable `coll_date`s; `out` is NULL or points to a writable `coll_calendar *`.
 */
coll_status coll_calendar_new(const coll_weekday *weekend_days,
                              size_t n_weekend,
                              const struct coll_date *holidays,
                              size_t n_holidays,
                              struct coll_calendar **out);

/**
 * Frees a calendar made by `coll_calendar_builtin` or `coll_calendar_new`. NULL is a no-op.
 *
 * # Safety
 * `calendar` is NULL or a handle from this library that has not been freed; it must not be used
 * afterwards.
 */
void coll_calendar_free(struct coll_calendar *calendar);

/**
 * Whether `date` is a business day: neither a weekend day nor a holiday.
 *
 * # Safety
 * `calendar` is NULL or a live handle; `out` is NULL or points to a writable `bool`.
 */
coll_status coll_calendar_is_business_day(const struct coll_calendar *calendar,
                                          struct coll_date date,
                                          bool *out);

/**
 * Whether `date` is a holiday of the calendar (listed or by its built-in rules; weekends aside).
 *
 * # Safety
 * `calendar` is NULL or a live handle; `out` is NULL or points to a writable `bool`.
 */
coll_status coll_calendar_is_holiday(const struct coll_calendar *calendar,
                                     struct coll_date date,
                                     bool *out);

/**
 * Rolls `date` to a business day by `convention` (a `COLL_BUSINESS_DAY_` constant).
 *
 * # Safety
 * `calendar` is NULL or a live handle; `out` is NULL or points to a writable `coll_date`.
 */
coll_status coll_calendar_adjust(const struct coll_calendar *calendar,
                                 struct coll_date date,
                                 coll_business_day_convention convention,
                                 struct coll_date *out);

/**
 * The date `n` business days after `date` (before it when `n` is negative; `|n|` at most 1,000,000).
 * Counting starts from `date` whether or not it is a business day; `n = 0` rolls `date` to the
 * following business day.
 *
 * # Safety
 * `calendar` is NULL or a live handle; `out` is NULL or points to a writable `coll_date`.
 */
coll_status coll_calendar_add_business_days(const struct coll_calendar *calendar,
                                            struct coll_date date,
                                            int64_t n,
                                            struct coll_date *out);

/**
 * The holidays of the calendar in `year` (listed and by rule), sorted.
 *
 * `out` has room for `out_cap` dates. On success `*out_len` is the number written. When they do not fit
 * the call fails with `COLL_BUFFER_TOO_SMALL`, writes nothing to `out` and, as an exception to "out-
 * parameters only on success", sets `*out_len` to the number needed. `out` may be NULL when `out_cap`
 * is 0, to ask for that number. Ownership: `out` belongs to the caller.
 *
 * # Safety
 * `calendar` is NULL or a live handle; `out` is NULL or points to `out_cap` writable `coll_date`s;
 * `out_len` is NULL or points to a writable `size_t`.
 */
coll_status coll_calendar_holidays(const struct coll_calendar *calendar,
                                   int32_t year,
                                   struct coll_date *out,
                                   size_t out_cap,
                                   size_t *out_len);

/**
 * The business-day convention named by `name`: `unadjusted`, `following`, `modified-following`,
 * `preceding`, `modified-preceding` (case, `-`, `_` and spaces are not significant). Unknown names
 * give `COLL_INVALID_ARGUMENT`.
 *
 * # Safety
 * `name` is NULL or points to `len` readable bytes; `out` is NULL or points to a writable
 * `coll_business_day_convention`.
 */
coll_status coll_business_day_convention_from_name(const char *name,
                                                   size_t len,
                                                   coll_business_day_convention *out);

/**
 * Parses an ISO 8601 date, `YYYY-MM-DD` (surrounding spaces are ignored). `text` is `len` bytes of
 * UTF-8, not necessarily NUL-terminated. Text that is not a date, or a date that does not exist,
 * gives `COLL_INVALID_DATE`.
 *
 * # Safety
 * `text` is NULL or points to `len` readable bytes; `out` is NULL or points to a writable `coll_date`.
 */
coll_status coll_date_from_string(const char *text,
                                  size_t len,
                                  struct coll_date *out);

/**
 * Fills `*out` with the convention `kind` and nothing else given: `end_of_month_rule` 1 (the
 * default), `has_maturity` 0, and zeros in the reference dates, the frequency and the maturity. An
 * ACT/ACT ICMA caller must then set `reference_start`, `reference_end` and `frequency`. An unknown
 * `kind` gives `COLL_INVALID_ARGUMENT`.
 *
 * # Safety
 * `out` is NULL or points to a writable `coll_day_count`.
 */
coll_status coll_day_count_init(coll_day_count_kind kind, struct coll_day_count *out);

/**
 * The convention named by `name` (case-insensitive; `ACTUAL` may stand for `ACT`): `ACT/365F`,
 * `ACT/360`, `ACT/364`, `ACT/ACT ISDA`, `ACT/ACT AFB`, `30/360 US`, `30/360 BOND BASIS`, `30E/360`,
 * `30E/360 ISDA`, and aliases. `ACT/ACT ICMA` is refused (`COLL_INVALID_ARGUMENT`) because it needs a
 * reference period: use `coll_day_count_init(COLL_DAY_COUNT_ACT_ACT_ICMA, ...)` and set its fields.
 *
 * # Safety
 * `name` is NULL or points to `len` readable bytes; `out` is NULL or points to a writable
 * `coll_day_count`.
 */
coll_status coll_day_count_from_name(const char *name,
                                     size_t len,
                                     struct coll_day_count *out);

/**
 * The days from `start` to `end` under the convention: actual days for the Actual conventions, the
 * 30-day-month count for the 30/360 family; negative when `end` is before `start`.
 *
 * # Safety
 * `day_count` is NULL or points to a readable `coll_day_count`; `out` is NULL or points to a writable
 * `int64_t`.
 */
coll_status coll_day_count_days(const struct coll_day_count *day_count,
                                struct coll_date start,
                                struct coll_date end,
                                int64_t *out);

/**
 * The fraction of a year from `start` to `end` under the convention, exact to Decimal's 28
 * significant digits; negative when `end` is before `start`.
 *
 * # Safety
 * `day_count` is NULL or points to a readable `coll_day_count`; `out` is NULL or points to a writable
 * `coll_decimal`.
 */
coll_status coll_year_fraction(const struct coll_day_count *day_count,
                               struct coll_date start,
                               struct coll_date end,
                               struct coll_decimal *out);

/**
 * The frequency named by `name`: `weekly`, `biweekly` (`fortnightly`), `four-weekly`,
 * `semi-monthly` (the 1st and 15th), `semi-monthly(15,31)`, `monthly`, `bimonthly`, `quarterly`,
 * `semi-annual`, `annual` (`yearly`); case, `-`, `_` and spaces are not significant. Unknown names
 * give `COLL_INVALID_ARGUMENT`.
 *
 * # Safety
 * `name` is NULL or points to `len` readable bytes; `out` is NULL or points to a writable
 * `coll_frequency`.
 */
coll_status coll_frequency_from_name(const char *name, size_t len, struct coll_frequency *out);

/**
 * The dates `start`, `start + 1 period`, `start + 2 periods`, ... of `frequency`, each stepped from
 * `start` itself so the anchor day survives short months (Jan 31 -> Feb 28 -> Mar 31). With
 * `end_of_month`, a start on a month's last day gives month ends. Semi-monthly schedules begin on the
 * first of the two days on or after `start`.
 *
 * The schedule stops after `count` dates (`count` from 1 to 100,000, `until` NULL), or at the last date
 * on or before `*until` (`count` 0, `until` not NULL). Any other count with NULL `until` gives
 * `COLL_INVALID_ARGUMENT` naming `count` (with the count as given), and a non-zero count with a date
 * gives `COLL_INVALID_ARGUMENT` naming `until` (give one or the other).
 *
 * `end_of_month` is a C `bool` passed by value: 0 or 1 (any C caller's `bool` is; a caller from
 * another language must pass exactly 0 or 1).
 *
 * `out` has room for `out_cap` dates. On success `*out_len` is the number written. When they do not fit
 * the call fails with `COLL_BUFFER_TOO_SMALL`, writes nothing to `out` and, as an exception to "out-
 * parameters only on success", sets `*out_len` to the number of dates needed. `out` may be NULL when
 * `out_cap` is 0, to ask for that number. Ownership: `out` belongs to the caller.
 *
 * # Safety
 * `frequency` is NULL or points to a readable `coll_frequency`; `until` is NULL or points to a readable
 * `coll_date`; `out` is NULL or points to `out_cap` writable `coll_date`s; `out_len` is NULL or points
 * to a writable `size_t`.
 */
coll_status coll_date_schedule(struct coll_date start,
                               const struct coll_frequency *frequency,
                               int64_t count,
                               const struct coll_date *until,
                               bool end_of_month,
                               struct coll_date *out,
                               size_t out_cap,
                               size_t *out_len);

/**
 * The `COLL_WHEN_` constant named by `name`: `end` (also `finish` or `0`) or `begin` (also `start` or
 * `1`), as numpy-financial accepts them; case and surrounding spaces are not significant. Unknown
 * names give `COLL_INVALID_ARGUMENT` naming `when`.
 *
 * # Safety
 * `name` is NULL or points to `len` readable bytes; `out` is NULL or points to a writable `coll_when`.
 */
coll_status coll_when_from_name(const char *name,
                                size_t len,
                                coll_when *out);

/**
 * The future value: what `pv` now and `nper` payments of `pmt` grow to at `rate` per period
 * (numpy-financial's `fv`). `fv(0.075, 20, -2000, 0, END)` is 86609.362673...
 *
 * Fails with `COLL_INVALID_RATE` when `rate` is at or below -1 (-100%), `COLL_INVALID_ARGUMENT` when
 * `nper` is not positive or `when` is not a `COLL_WHEN_` constant, or `COLL_OVERFLOW`.
 *
 * # Safety
 * `rate`, `nper`, `pmt` and `pv` are NULL or point to readable `coll_decimal`s; `out` is NULL or points
 * to a writable `coll_decimal` (it may be one of the inputs).
 */
coll_status coll_fv(const struct coll_decimal *rate,
                    const struct coll_decimal *nper,
                    const struct coll_decimal *pmt,
                    const struct coll_decimal *pv,
                    coll_when when,
                    struct coll_decimal *out);

/**
 * The present value of `nper` payments of `pmt` and a final `fv` at `rate` per period
 * (numpy-financial's `pv`). `pv(0.07, 20, 12000, 0, END)` is -127128.1709461939...
 *
 * Fails as `coll_fv` does.
 *
 * # Safety
 * `rate`, `nper`, `pmt` and `fv` are NULL or point to readable `coll_decimal`s; `out` is NULL or points
 * to a writable `coll_decimal` (it may be one of the inputs).
 */
coll_status coll_pv(const struct coll_decimal *rate,
                    const struct coll_decimal *nper,
                    const struct coll_decimal *pmt,
                    const struct coll_decimal *fv,
                    coll_when when,
                    struct coll_decimal *out);

/**
 * The level payment per period that turns `pv` into `fv` over `nper` periods at `rate`
 * (numpy-financial's `pmt`). `pmt(0.08/12, 60, 15000, 0, END)` is -304.145914...
 *
 * Fails as `coll_fv` does.
 *
 * # Safety
 * `rate`, `nper`, `pv` and `fv` are NULL or point to readable `coll_decimal`s; `out` is NULL or points
 * to a writable `coll_decimal` (it may be one of the inputs).
 */
coll_status coll_pmt(const struct coll_decimal *rate,
                     const struct coll_decimal *nper,
                     const struct coll_decimal *pv,
                     const struct coll_decimal *fv,
                     coll_when when,
                     struct coll_decimal *out);

/**
 * The number of periods (fractional in general) for `pv` to reach `fv` paying `pmt` each period at
 * `rate` (numpy-financial's `nper`). `nper(0.075, -2000, 0, 100000, END)` is 21.5449442...
 *
 * Fails with `COLL_NO_SOLUTION` naming `pmt` when the payment never gets there (it does not cover the
 * interest: the message gives the smallest payment that does; or it is zero at a zero rate),
 * `COLL_INVALID_RATE` when `rate` is at or below -1, `COLL_INVALID_ARGUMENT` for an unknown `when`, or
 * `COLL_OVERFLOW`.
 *
 * # Safety
 * `rate`, `pmt`, `pv` and `fv` are NULL or point to readable `coll_decimal`s; `out` is NULL or points
 * to a writable `coll_decimal` (it may be one of the inputs).
 */
coll_status coll_nper(const struct coll_decimal *rate,
                      const struct coll_decimal *pmt,
                      const struct coll_decimal *pv,
                      const struct coll_decimal *fv,
                      coll_when when,
                      struct coll_decimal *out);

/**
 * The interest part of payment number `per` (a whole number from 1 to `nper`) of a level-payment loan
 * (numpy-financial's `ipmt`, computed prospectively so it stays exact where floats cancel:
 * `ipmt(0.1479, 297, 300, -270.51, 0, END)` is 16.9656..., not 0.0).
 *
 * Fails as `coll_fv` does, or with `COLL_INVALID_ARGUMENT` naming `per` when it is not a whole period
 * from 1 to `nper`.
 *
 * # Safety
 * `rate`, `per`, `nper`, `pv` and `fv` are NULL or point to readable `coll_decimal`s; `out` is NULL or
 * points to a writable `coll_decimal` (it may be one of the inputs).
 */
coll_status coll_ipmt(const struct coll_decimal *rate,
                      const struct coll_decimal *per,
                      const struct coll_decimal *nper,
                      const struct coll_decimal *pv,
                      const struct coll_decimal *fv,
                      coll_when when,
                      struct coll_decimal *out);

/**
 * The principal part of payment number `per`: `pmt - ipmt` (numpy-financial's `ppmt`).
 * `ppmt(0.1/12, 1, 60, 55000, 0, END)` is -710.254126...
 *
 * Fails as `coll_ipmt` does.
 *
 * # Safety
 * As for `coll_ipmt`.
 */
coll_status coll_ppmt(const struct coll_decimal *rate,
                      const struct coll_decimal *per,
                      const struct coll_decimal *nper,
                      const struct coll_decimal *pv,
                      const struct coll_decimal *fv,
                      coll_when when,
                      struct coll_decimal *out);

/**
 * Cumulative interest paid from period `start_period` to `end_period` inclusive on a loan of `pv`
 * repaid in `nper` level payments (Excel's CUMIPMT with numpy-financial's signs: negative for a loan
 * received as a positive `pv`).
 *
 * Fails as `coll_fv` does, or with `COLL_INVALID_ARGUMENT` naming `start_period` or `end_period` when
 * one is not a whole period from 1 to `nper` or `end_period` is before `start_period`.
 *
 * # Safety
 * `rate`, `nper`, `pv`, `start_period` and `end_period` are NULL or point to readable `coll_decimal`s;
 * `out` is NULL or points to a writable `coll_decimal` (it may be one of the inputs).
 */
coll_status coll_cumipmt(const struct coll_decimal *rate,
                         const struct coll_decimal *nper,
                         const struct coll_decimal *pv,
                         const struct coll_decimal *start_period,
                         const struct coll_decimal *end_period,
                         coll_when when,
                         struct coll_decimal *out);

/**
 * Cumulative principal repaid from period `start_period` to `end_period` inclusive (Excel's CUMPRINC
 * with numpy-financial's signs).
 *
 * Fails as `coll_cumipmt` does.
 *
 * # Safety
 * As for `coll_cumipmt`.
 */
coll_status coll_cumprinc(const struct coll_decimal *rate,
                          const struct coll_decimal *nper,
                          const struct coll_decimal *pv,
                          const struct coll_decimal *start_period,
                          const struct coll_decimal *end_period,
                          coll_when when,
                          struct coll_decimal *out);

/**
 * The rate per period at which `pv` and `nper` payments of `pmt` reach `fv` (numpy-financial's
 * `rate`). `rate(10, 0, -3500, 10000, END, NULL)` is 0.1106908537...
 *
 * Solved by Newton's method from `guess`, with a bisection fallback over rates from -99.99% to
 * 100000%. `guess` MAY be NULL: NULL means the default guess, 0.1.
 *
 * Fails with `COLL_NO_SOLUTION` when no rate solves the equation (the message names `rate`, the
 * result sought, and lists the inputs), `COLL_INVALID_ARGUMENT` when `nper` is not positive or `when`
 * is unknown, `COLL_INVALID_RATE` naming `guess` when it is at or below -1, or `COLL_OVERFLOW`.
 *
 * # Safety
 * `nper`, `pmt`, `pv` and `fv` are NULL or point to readable `coll_decimal`s; `guess` is NULL or points
 * to a readable `coll_decimal`; `out` is NULL or points to a writable `coll_decimal` (it may be one of
 * the inputs).
 */
coll_status coll_rate(const struct coll_decimal *nper,
                      const struct coll_decimal *pmt,
                      const struct coll_decimal *pv,
                      const struct coll_decimal *fv,
                      coll_when when,
                      const struct coll_decimal *guess,
                      struct coll_decimal *out);

/**
 * Net present value of `values` at `rate` per period: the sum of `values[t] / (1 + rate)^t` for
 * t = 0, 1, 2, ... (numpy-financial's `npv`: the first value is not discounted; Excel's NPV discounts
 * it one period).
 *
 * Fails with `COLL_INVALID_RATE` when `rate` is at or below -1, `COLL_INVALID_ARGUMENT` naming
 * `values` when `n_values` is 0, `COLL_INVALID_DECIMAL` naming `values` for an invalid element, or
 * `COLL_OVERFLOW`. Ownership: `values` is borrowed for the call.
 *
 * # Safety
 * `rate` is NULL or points to a readable `coll_decimal`; `values` is NULL or points to `n_values`
 * readable `coll_decimal`s (NULL is refused even when `n_values` is 0); `out` is NULL or points to a
 * writable `coll_decimal`.
 */
coll_status coll_npv(const struct coll_decimal *rate,
                     const struct coll_decimal *values,
                     size_t n_values,
                     struct coll_decimal *out);

/**
 * The internal rate of return of `values` (one per period): the rate at which `coll_npv` is zero
 * (numpy-financial's `irr`). `guess` MAY be NULL: NULL means the default guess, 0.1.
 *
 * Fails with `COLL_NO_SOLUTION` naming `values` when the flows never change sign, or change sign more
 * than once and have several rates of return (the message lists them: the function does not pick
 * one); `COLL_INVALID_ARGUMENT` naming `values` for fewer than two values; `COLL_INVALID_RATE` naming
 * `guess` when it is at or below -1; `COLL_INVALID_DECIMAL`; or `COLL_OVERFLOW`.
 *
 * # Safety
 * `values` is NULL or points to `n_values` readable `coll_decimal`s (NULL is refused even when
 * `n_values` is 0); `guess` is NULL or points to a readable `coll_decimal`; `out` is NULL or points to a
 * writable `coll_decimal`.
 */
coll_status coll_irr(const struct coll_decimal *values,
                     size_t n_values,
                     const struct coll_decimal *guess,
                     struct coll_decimal *out);

/**
 * The modified internal rate of return of `values`: negative flows financed at `finance_rate`,
 * positive flows reinvested at `reinvest_rate` (numpy-financial's `mirr`, equal to Excel's MIRR).
 *
 * Fails with `COLL_NO_SOLUTION` naming `values` unless there are at least one positive and one
 * negative value (so also when `n_values` is 0 or 1), `COLL_INVALID_RATE` naming `finance_rate` or
 * `reinvest_rate` at or below -1, `COLL_INVALID_DECIMAL`, or `COLL_OVERFLOW`.
 *
 * # Safety
 * `values` is NULL or points to `n_values` readable `coll_decimal`s (NULL is refused even when
 * `n_values` is 0); `finance_rate` and `reinvest_rate` are NULL or point to readable `coll_decimal`s;
 * `out` is NULL or points to a writable `coll_decimal`.
 */
coll_status coll_mirr(const struct coll_decimal *values,
                      size_t n_values,
                      const struct coll_decimal *finance_rate,
                      const struct coll_decimal *reinvest_rate,
                      struct coll_decimal *out);

/**
 * The net present value at the annual `rate` of `n` dated flows (`amounts[i]` on `dates[i]`),
 * discounted from the first date by `day_count`'s year fraction (Excel's XNPV uses Actual/365 Fixed).
 * The first date must be the earliest; the others may come in any order.
 *
 * Fails with `COLL_INVALID_RATE` when `rate` is at or below -1, `COLL_INVALID_ARGUMENT` naming
 * `amounts` when `n` is 0 or `dates` when a date is before the first, `COLL_INVALID_DATE` naming
 * `dates`, `COLL_INVALID_DECIMAL` naming `amounts`, `COLL_INVALID_ARGUMENT` for an invalid
 * `day_count`, or `COLL_OVERFLOW`. Ownership: the arrays are borrowed for the call.
 *
 * # Safety
 * `rate` is NULL or points to a readable `coll_decimal`; `dates` and `amounts` are NULL or point to `n`
 * readable elements each (NULL is refused even when `n` is 0); `day_count` is NULL or points to a
 * readable `coll_day_count`; `out` is NULL or points to a writable `coll_decimal`.
 */
coll_status coll_xnpv(const struct coll_decimal *rate,
                      const struct coll_date *dates,
                      const struct coll_decimal *amounts,
                      size_t n,
                      const struct coll_day_count *day_count,
                      struct coll_decimal *out);

/**
 * The annual internal rate of return of `n` dated flows: the rate at which `coll_xnpv` is zero (Excel's
 * XIRR with a selectable day count). `guess` MAY be NULL: NULL means the default guess, 0.1.
 *
 * Fails with `COLL_NO_SOLUTION` naming `amounts` when the flows (in date order) never change sign, or
 * have several rates of return; `COLL_INVALID_ARGUMENT` naming `amounts` for fewer than two flows or
 * `dates` when a date is before the first; `COLL_INVALID_RATE` naming `guess` at or below -1; and
 * otherwise as `coll_xnpv`.
 *
 * # Safety
 * `dates` and `amounts` are NULL or point to `n` readable elements each (NULL is refused even when `n`
 * is 0); `day_count` is NULL or points to a readable `coll_day_count`; `guess` is NULL or points to a
 * readable `coll_decimal`; `out` is NULL or points to a writable `coll_decimal`.
 */
coll_status coll_xirr(const struct coll_date *dates,
                      const struct coll_decimal *amounts,
                      size_t n,
                      const struct coll_day_count *day_count,
                      const struct coll_decimal *guess,
                      struct coll_decimal *out);

/**
 * The Regulation Z actuarial APR (12 CFR 1026, Appendix J) of `n_advances` advances and `n_payments`
 * payments: amounts positive, each list in date order, no payment before the first advance. Time is
 * counted from the first advance in whole unit periods back from each date and a fraction (leftover
 * days over 30, 15 or 7). `unit_period` MAY be NULL: NULL means the most common period between
 * payments (the shorter on a tie); otherwise it overrides it. A single advance repaid by a single
 * payment within a year, with a NULL `unit_period`, is one unit period of that many days.
 *
 * On success `*out` holds the APR, the rate per unit period, the unit period and periods per year,
 * the §1026.22(a)(3) irregular flag and the tolerance that goes with it (see `coll_apr_is_accurate`).
 *
 * Fails with `COLL_INVALID_ARGUMENT` naming `advance_amounts` or `payment_amounts` when an amount is
 * not positive, or `advance_dates` or `payment_dates` when a list is empty, its dates are out of order,
 * or a payment comes before the first advance (or on its day, with no `unit_period`: a period of zero
 * length); `COLL_INVALID_ARGUMENT` naming `unit_period` for an unknown kind, a semimonth with a count,
 * or a count of 0 or beyond a year; `COLL_INVALID_DATE` or `COLL_INVALID_DECIMAL` naming the array of
 * an invalid element; `COLL_NO_SOLUTION` naming `payment_amounts` when no rate balances the flows; or
 * `COLL_OVERFLOW`.
 * Ownership: the arrays are borrowed for the call.
 *
 * # Safety
 * `advance_dates` and `advance_amounts` are NULL or point to `n_advances` readable elements each, and
 * `payment_dates` and `payment_amounts` to `n_payments` (NULL is refused even when the count is 0);
 * `unit_period` is NULL or points to a readable `coll_unit_period`; `out` is NULL or points to a
 * writable `coll_regulation_z_apr`.
 */
coll_status coll_apr_regulation_z(const struct coll_date *advance_dates,
                                  const struct coll_decimal *advance_amounts,
                                  size_t n_advances,
                                  const struct coll_date *payment_dates,
                                  const struct coll_decimal *payment_amounts,
                                  size_t n_payments,
                                  const struct coll_unit_period *unit_period,
                                  struct coll_regulation_z_apr *out);

/**
 * Whether a disclosed APR (a fraction: 0.0975 for 9.75%) is accurate under §1026.22(a): within the
 * tolerance of the APR `computed` by `coll_apr_regulation_z` (1/8 of a percentage point, or 1/4 when
 * `computed->irregular`). `computed` is checked as it comes in: its decimals, unit period and
 * `irregular` flag (0 or 1) must be valid (`COLL_INVALID_DECIMAL` or `COLL_INVALID_ARGUMENT` naming
 * `computed.<field>`); its `tolerance` is not read.
 *
 * # Safety
 * `computed` is NULL or points to a readable `coll_regulation_z_apr`; `disclosed` is NULL or points to
 * a readable `coll_decimal`; `out` is NULL or points to a writable `bool`.
 */
coll_status coll_apr_is_accurate(const struct coll_regulation_z_apr *computed,
                                 const struct coll_decimal *disclosed,
                                 bool *out);

/**
 * The EU annual percentage rate of charge (Directive 2008/48/EC, Annex I, as amended by Directive
 * 2011/90/EU) of `n_drawdowns` drawdowns and `n_payments` payments (amounts positive, each list in
 * date order, no payment before the first drawdown). Time is counted from the first drawdown in whole
 * years, weeks or months by `basis` (a `COLL_APRC_BASIS_` constant) back from each date, plus the
 * remaining days over the days of the year ending there.
 *
 * On success `*out_percent` is the APRC in percent rounded half up to `decimals` places (1 to 10), and
 * `*out_rate` the unrounded annual rate as a fraction; they must be two different objects.
 *
 * Fails with `COLL_INVALID_ARGUMENT` naming the array at fault for the flows, as
 * `coll_apr_regulation_z` does (`drawdown_amounts`, `drawdown_dates`, `payment_amounts`,
 * `payment_dates`), `basis` for an unknown constant, or `decimals` outside 1 to 10;
 * `COLL_INVALID_DATE` or `COLL_INVALID_DECIMAL` naming the array of an invalid element;
 * `COLL_NO_SOLUTION` naming `payment_amounts`; or `COLL_OVERFLOW`. Ownership: the arrays are borrowed for the
 * call.
 *
 * # Safety
 * `drawdown_dates` and `drawdown_amounts` are NULL or point to `n_drawdowns` readable elements each,
 * and `payment_dates` and `payment_amounts` to `n_payments` (NULL is refused even when the count is
 * 0); `out_percent` and `out_rate` are NULL or point to writable `coll_decimal`s.
 */
coll_status coll_aprc_eu(const struct coll_date *drawdown_dates,
                         const struct coll_decimal *drawdown_amounts,
                         size_t n_drawdowns,
                         const struct coll_date *payment_dates,
                         const struct coll_decimal *payment_amounts,
                         size_t n_payments,
                         coll_aprc_basis basis,
                         uint32_t decimals,
                         struct coll_decimal *out_percent,
                         struct coll_decimal *out_rate);

/**
 * Fills `*out` with the default terms, so that a caller sets only what it needs: a monthly
 * level-payment schedule with periodic interest, the odd first period added to the first installment
 * (its interest by Actual/365 Fixed), no payment holidays (capitalized if there were), payments and
 * interest rounded half up, no payment multiple, at most 1200 rows. Every amount, date and the currency
 * are zero: set `principal`, `currency`, `annual_rate`, `start_date`, `first_due_date` and `term` (or
 * `has_payment` and `payment`) before calling `coll_schedule_new`.
 *
 * # Safety
 * `out` is NULL or points to a writable `coll_schedule_terms`.
 */
coll_status coll_schedule_terms_init(struct coll_schedule_terms *out);

/**
 * The `COLL_SCHEDULE_KIND_` constant named by `name`: `level_payment`, `level_principal`,
 * `interest_only` (also `interest_only_then_balloon`), `balloon`, `graduated` or `custom`; case, `-`,
 * `_` and spaces are not significant. Unknown names give `COLL_INVALID_ARGUMENT` naming `kind`.
 *
 * # Safety
 * `name` is NULL or points to `len` readable bytes; `out` is NULL or points to a writable
 * `coll_schedule_kind`.
 */
coll_status coll_schedule_kind_from_name(const char *name,
                                         size_t len,
                                         coll_schedule_kind *out);

/**
 * The `COLL_INTEREST_METHOD_` constant named by `name`: `periodic` or `daily` (case, `-`, `_` and
 * spaces are not significant). Unknown names give `COLL_INVALID_ARGUMENT` naming `interest_method`.
 *
 * # Safety
 * `name` is NULL or points to `len` readable bytes; `out` is NULL or points to a writable
 * `coll_interest_method`.
 */
coll_status coll_interest_method_from_name(const char *name, size_t len, coll_interest_method *out);

/**
 * The `COLL_ODD_FIRST_PERIOD_` constant named by `name`: `add_to_first_installment`, `capitalize` or
 * `ignore` (case, `-`, `_` and spaces are not significant). Unknown names give
 * `COLL_INVALID_ARGUMENT` naming `odd_first_period`.
 *
 * # Safety
 * `name` is NULL or points to `len` readable bytes; `out` is NULL or points to a writable
 * `coll_odd_first_period`.
 */
coll_status coll_odd_first_period_from_name(const char *name,
                                            size_t len,
                                            coll_odd_first_period *out);

/**
 * The `COLL_HOLIDAY_INTEREST_` constant named by `name`: `capitalize` or `defer` (case, `-`, `_` and
 * spaces are not significant). Unknown names give `COLL_INVALID_ARGUMENT` naming `holiday_interest`.
 *
 * # Safety
 * `name` is NULL or points to `len` readable bytes; `out` is NULL or points to a writable
 * `coll_holiday_interest`.
 */
coll_status coll_holiday_interest_from_name(const char *name,
                                            size_t len,
                                            coll_holiday_interest *out);

/**
 * Builds the amortized schedule of `*terms` (see `coll_schedule_terms`; start from
 * `coll_schedule_terms_init`). For example, 2000 at 10% over 24 months:
 *
 * ```c
 * coll_schedule_terms terms;
 * coll_schedule *schedule = NULL;
 * coll_schedule_terms_init(&terms);
 * coll_decimal_from_string("2000", 4, &terms.principal);
 * coll_currency_from_code("USD", 3, &terms.currency);
 * coll_decimal_from_string("0.10", 4, &terms.annual_rate);
 * terms.start_date = (coll_date){2026, 1, 1};
 * terms.first_due_date = (coll_date){2026, 2, 1};
 * terms.term = 24;
 * if (coll_schedule_new(&terms, &schedule) == COLL_OK) {
 *     ... coll_schedule_row_count, coll_schedule_row_at, coll_schedule_get_totals ...
 *     coll_schedule_free(schedule);
 * }
 * ```
 *
 * (`collections-ffi/examples/schedule.c` prints that schedule as a table.)
 *
 * Fails, naming the field at fault, with `COLL_INVALID_ARGUMENT` (`principal` not positive,
 * `first_due_date` not after `start_date`, `term` 0 or beyond `max_rows`, an unknown constant, kind
 * data the kind does not take, `payment_holidays` outside the term or on its last period, a schedule
 * that does not end within `max_rows`, ...), `COLL_NO_SOLUTION` naming `payment` when a fixed payment
 * never repays the loan (the message gives the minimum), `COLL_INVALID_DECIMAL`, `COLL_INVALID_DATE`,
 * `COLL_UNKNOWN_CURRENCY`, `COLL_INVALID_RATE` naming `annual_rate`, `COLL_DATE_OUT_OF_RANGE` or
 * `COLL_OVERFLOW`.
 *
 * Ownership: `terms` and its arrays are borrowed for the call (copied). On success `*out` is a new
 * schedule that the caller owns and frees with `coll_schedule_free`.
 *
 * # Safety
 * `terms` is NULL or points to a readable `coll_schedule_terms` whose `payments` is NULL or points to
 * `n_payments` readable `coll_decimal`s and whose `payment_holidays` is NULL or points to
 * `n_payment_holidays` readable `uint32_t`s (NULL only with a count of 0); `out` is NULL or points to
 * a writable `coll_schedule *`.
 */
coll_status coll_schedule_new(const struct coll_schedule_terms *terms,
                              struct coll_schedule **out);

/**
 * A new schedule that keeps the rows before `from_row` (1-based) and rebuilds the rest from that row's
 * opening balance with the `changes` (a new rate, term or payment; a struct of zeros keeps the rate
 * and the remaining periods). Payment holidays from `from_row` on are kept; a new payment makes the
 * rest a level-payment schedule. `schedule` itself is unchanged.
 *
 * Fails with `COLL_INVALID_ARGUMENT` naming `from_row` when it is 0, past the last row, or at a row
 * whose opening balance is already zero, `payment` when both a term and a payment are given, or a flag
 * of `changes` that is not 0 or 1; `COLL_NO_SOLUTION` naming `payment` when the new payment never
 * repays the balance; `COLL_INVALID_RATE` naming `annual_rate`; `COLL_INVALID_DECIMAL`; or the errors
 * of `coll_schedule_new` for the rebuilt part (`term` 0, ...).
 *
 * Ownership: `changes` is borrowed for the call. On success `*out` is a new schedule that the caller
 * owns and frees with `coll_schedule_free`, independently of `schedule`.
 *
 * # Safety
 * `schedule` is NULL or a live handle; `changes` is NULL or points to a readable
 * `coll_reamortization`; `out` is NULL or points to a writable `coll_schedule *`.
 */
coll_status coll_schedule_reamortize(const struct coll_schedule *schedule,
                                     uint32_t from_row,
                                     const struct coll_reamortization *changes,
                                     struct coll_schedule **out);

/**
 * Frees a schedule made by `coll_schedule_new` or `coll_schedule_reamortize`. NULL is a no-op.
 *
 * # Safety
 * `schedule` is NULL or a handle from this library that has not been freed; it must not be used
 * afterwards.
 */
void coll_schedule_free(struct coll_schedule *schedule);

/**
 * The number of rows of the schedule (at least 1).
 *
 * # Safety
 * `schedule` is NULL or a live handle; `out` is NULL or points to a writable `size_t`.
 */
coll_status coll_schedule_row_count(const struct coll_schedule *schedule, size_t *out);

/**
 * The row at `index`, from 0 to the row count - 1 (its `number` is `index + 1`). An index past the
 * last row gives `COLL_INVALID_ARGUMENT` naming `index`. (The accessor is not called
 * `coll_schedule_row`: in C a function may not share its name with the struct type.)
 *
 * # Safety
 * `schedule` is NULL or a live handle; `out` is NULL or points to a writable `coll_schedule_row`.
 */
coll_status coll_schedule_row_at(const struct coll_schedule *schedule,
                                 size_t index,
                                 struct coll_schedule_row *out);

/**
 * Copies every row, in order, into `out`, which has room for `out_cap` rows. On success `*out_len` is
 * the number written (the row count). When they do not fit the call fails with
 * `COLL_BUFFER_TOO_SMALL`, writes nothing to `out` and, as an exception to "out-parameters only on
 * success", sets `*out_len` to the number of rows needed. `out` may be NULL when `out_cap` is 0, to ask
 * for that number. Ownership: `out` belongs to the caller.
 *
 * # Safety
 * `schedule` is NULL or a live handle; `out` is NULL or points to `out_cap` writable
 * `coll_schedule_row`s; `out_len` is NULL or points to a writable `size_t`.
 */
coll_status coll_schedule_rows(const struct coll_schedule *schedule,
                               struct coll_schedule_row *out,
                               size_t out_cap,
                               size_t *out_len);

/**
 * The sums of the payment, interest and principal columns. (Not `coll_schedule_totals`: that is the
 * struct's name.)
 *
 * # Safety
 * `schedule` is NULL or a live handle; `out` is NULL or points to a writable `coll_schedule_totals`.
 */
coll_status coll_schedule_get_totals(const struct coll_schedule *schedule,
                                     struct coll_schedule_totals *out);

/**
 * The rounded level payment, for kinds that have one (level payment and balloon; the first step of a
 * graduated schedule; for a re-amortized schedule, that of the rebuilt part). On success
 * `*out_has_value` is true and `*out` the payment, or `*out_has_value` is false and `*out` zero
 * (level principal, interest only, custom). `out_has_value` and `out` must not overlap.
 *
 * # Safety
 * `schedule` is NULL or a live handle; `out_has_value` is NULL or points to a writable `bool`; `out`
 * is NULL or points to a writable `coll_decimal`.
 */
coll_status coll_schedule_level_payment(const struct coll_schedule *schedule,
                                        bool *out_has_value,
                                        struct coll_decimal *out);

/**
 * The `COLL_STATUTE_` constant named by `name`: `eu-2011-7`, `de-bgb-288` or `uk-late-payment-1998`
 * (case, `-`, `_` and spaces are not significant). Unknown names give `COLL_INVALID_ARGUMENT` naming
 * `statute`.
 *
 * # Safety
 * `name` is NULL or points to `len` readable bytes; `out` is NULL or points to a writable
 * `coll_statute`.
 */
coll_status coll_statute_from_name(const char *name,
                                   size_t len,
                                   coll_statute *out);

/**
 * The `COLL_DEBTOR_` constant named by `name`: `business` or `consumer` (case-insensitive). Unknown
 * names give `COLL_INVALID_ARGUMENT` naming `debtor`.
 *
 * # Safety
 * `name` is NULL or points to `len` readable bytes; `out` is NULL or points to a writable
 * `coll_debtor_kind`.
 */
coll_status coll_debtor_kind_from_name(const char *name, size_t len, coll_debtor_kind *out);

/**
 * The `COLL_FINANCE_CHARGE_` constant named by `name`: `balance-due` or `average-daily-balance` (case,
 * `-`, `_` and spaces are not significant). Unknown names give `COLL_INVALID_ARGUMENT` naming `method`.
 *
 * # Safety
 * `name` is NULL or points to `len` readable bytes; `out` is NULL or points to a writable
 * `coll_finance_charge_method`.
 */
coll_status coll_finance_charge_method_from_name(const char *name,
                                                 size_t len,
                                                 coll_finance_charge_method *out);

/**
 * Makes the built-in tables: ECB from 2023-09-20 through 2025-12-22, Basiszinssatz and Bank of
 * England reference rates from 2024-01-01 through 2026-06-30, each row marked verified or not.
 *
 * Ownership: on success `*out` is a new handle the caller owns and frees with
 * `coll_statutory_tables_free`.
 *
 * # Safety
 * `out` is NULL or points to a writable `coll_statutory_tables *`.
 */
coll_status coll_statutory_tables_new(struct coll_statutory_tables **out);

/**
 * Adds a row to the table of `statute`: `percent` (2.15 for 2.15%, strictly between -100 and 100) in
 * force from `effective_from`, marked `verified` or not, and the table now known through
 * `valid_through`. The row's date must be after the table's last row and no later than the day after
 * its last known date; `valid_through` may not move back. Fails with `COLL_INVALID_ARGUMENT` naming
 * `rows.effective_from`, `rows.percent` or `valid_through`; on failure the table is unchanged.
 *
 * # Safety
 * `tables` is NULL or a live handle not used by another thread during the call; `percent` is NULL or
 * points to a readable `coll_decimal`.
 */
coll_status coll_statutory_tables_push(struct coll_statutory_tables *tables,
                                       coll_statute statute,
                                       struct coll_date effective_from,
                                       const struct coll_decimal *percent,
                                       bool verified,
                                       struct coll_date valid_through);

/**
 * Declares the last row of the table of `statute` still in force through `date` (a rate confirmed
 * unchanged). `date` may not be before the table's last known date (`COLL_INVALID_ARGUMENT` naming
 * `valid_through`).
 *
 * # Safety
 * `tables` is NULL or a live handle not used by another thread during the call.
 */
coll_status coll_statutory_tables_extend_through(struct coll_statutory_tables *tables,
                                                 coll_statute statute,
                                                 struct coll_date date);

/**
 * Frees tables made by `coll_statutory_tables_new`. NULL is a no-op.
 *
 * # Safety
 * `tables` is NULL or a handle from this library that has not been freed; it must not be used
 * afterwards.
 */
void coll_statutory_tables_free(struct coll_statutory_tables *tables);

/**
 * Fills `*out` with the defaults: EU 2011/7, a business debtor, the law's margin and day count, half-up
 * rounding, the built-in tables; zero principal, currency and dates (set them).
 *
 * # Safety
 * `out` is NULL or points to a writable `coll_statutory_claim`.
 */
coll_status coll_statutory_claim_init(struct coll_statutory_claim *out);

/**
 * Computes the statutory interest of `*claim` (see `coll_statutory_claim`). For example, GBP 5,000
 * due 2025-02-28, paid 2025-04-29, under the UK Act: 60 days at 4.75 + 8 = 12.75%, interest 104.79
 * and GBP 70.00 fixed compensation.
 *
 * Fails, naming the field: `COLL_INVALID_ARGUMENT` (`principal` not above zero, `through` before
 * `due_date` as `to`, `debtor` a consumer under a commercial-only law, `margin_points` below the
 * law's, `day_count` not one of the three, a date outside the tables as `from`, `to` or `due_date`,
 * an unknown constant, a flag not 0 or 1), `COLL_CURRENCY_MISMATCH` naming `currency`,
 * `COLL_INVALID_DECIMAL`, `COLL_INVALID_DATE`, `COLL_UNKNOWN_CURRENCY`, `COLL_DATE_OUT_OF_RANGE` or
 * `COLL_OVERFLOW`.
 *
 * Ownership: `claim` (and the tables it points to) are borrowed for the call. On success `*out` is a
 * new handle the caller owns and frees with `coll_late_interest_free`.
 *
 * # Safety
 * `claim` is NULL or points to a readable `coll_statutory_claim` whose `tables` is NULL or a live
 * handle; `out` is NULL or points to a writable `coll_late_interest *`.
 */
coll_status coll_late_interest_new(const struct coll_statutory_claim *claim,
                                   struct coll_late_interest **out);

/**
 * Frees a result of `coll_late_interest_new`. NULL is a no-op.
 *
 * # Safety
 * `late_interest` is NULL or a handle from this library that has not been freed.
 */
void coll_late_interest_free(struct coll_late_interest *late_interest);

/**
 * The summary: interest, its exact fraction, days, fixed compensation, verification.
 *
 * # Safety
 * `late_interest` is NULL or a live handle; `out` is NULL or points to a writable
 * `coll_late_interest_summary`.
 */
coll_status coll_late_interest_get_summary(const struct coll_late_interest *late_interest,
                                           struct coll_late_interest_summary *out);

/**
 * The number of breakdown rows (0 when no day of interest runs).
 *
 * # Safety
 * `late_interest` is NULL or a live handle; `out` is NULL or points to a writable `size_t`.
 */
coll_status coll_late_interest_segment_count(const struct coll_late_interest *late_interest,
                                             size_t *out);

/**
 * The breakdown row at `index` (0 to the count - 1; past the end: `COLL_INVALID_ARGUMENT` naming
 * `index`).
 *
 * # Safety
 * `late_interest` is NULL or a live handle; `out` is NULL or points to a writable
 * `coll_interest_segment`.
 */
coll_status coll_late_interest_segment_at(const struct coll_late_interest *late_interest,
                                          size_t index,
                                          struct coll_interest_segment *out);

/**
 * ERPNext's dunning: simple interest at `annual_rate_percent` (9.5 for 9.5%) on `outstanding` for the
 * days from `due_date` to `posting_date`, over a 365-day year, rounded with `rounding`; plus
 * `dunning_fee`. Fails with `COLL_INVALID_ARGUMENT` naming `outstanding`, `annual_rate_percent` or
 * `dunning_fee` when negative, or `COLL_OVERFLOW`.
 *
 * # Safety
 * `outstanding`, `annual_rate_percent` and `dunning_fee` are NULL or point to readable values; `out`
 * is NULL or points to a writable `coll_erpnext_dunning_result`.
 */
coll_status coll_erpnext_dunning(const struct coll_money *outstanding,
                                 const struct coll_decimal *annual_rate_percent,
                                 struct coll_date due_date,
                                 struct coll_date posting_date,
                                 const struct coll_decimal *dunning_fee,
                                 uint32_t earlier_dunnings,
                                 coll_rounding_mode rounding,
                                 struct coll_erpnext_dunning_result *out);

/**
 * Fills `*out` with the defaults: balance due, rate 0, a 30-day interest period, no grace days, no
 * minimum, no fee.
 *
 * # Safety
 * `out` is NULL or points to a writable `coll_finance_charge_terms`.
 */
coll_status coll_finance_charge_terms_init(struct coll_finance_charge_terms *out);

/**
 * The finance charge on `remaining` (due on `due_date`) as of `as_of` under `terms`, interest rounded
 * with `rounding`. Fails with `COLL_INVALID_ARGUMENT` naming `interest_rate_percent`,
 * `minimum_amount`, `additional_fee` or `remaining` when negative, `interest_period_days` 0 for the
 * average daily balance, `method` unknown; or `COLL_OVERFLOW`.
 *
 * # Safety
 * `terms` and `remaining` are NULL or point to readable values; `out` is NULL or points to a writable
 * `coll_finance_charge_result`.
 */
coll_status coll_finance_charge(const struct coll_finance_charge_terms *terms,
                                const struct coll_money *remaining,
                                struct coll_date due_date,
                                struct coll_date as_of,
                                coll_rounding_mode rounding,
                                struct coll_finance_charge_result *out);

/**
 * Business Central's average daily balance interest over several balances: Σ amount × days ÷
 * `interest_period_days` × `rate_percent` / 100, rounded once to the minor units of `currency` with
 * `mode`. Fails with `COLL_INVALID_ARGUMENT` naming `rate_percent`, `interest_period_days` (0),
 * `amount` or `days` (negative); or `COLL_OVERFLOW`. `items` may be NULL when `n_items` is 0.
 *
 * # Safety
 * `items` is NULL or points to `n_items` readable `coll_balance_days`; `rate_percent` and `currency`
 * are NULL or point to readable values; `out` is NULL or points to a writable `coll_decimal`.
 */
coll_status coll_average_daily_balance_interest(const struct coll_balance_days *items,
                                                size_t n_items,
                                                const struct coll_decimal *rate_percent,
                                                uint32_t interest_period_days,
                                                const struct coll_currency *currency,
                                                coll_rounding_mode mode,
                                                struct coll_decimal *out);

/**
 * Fills `*out` with an empty invoice: no text (NULL, 0), zero amount, currency and due date, no
 * payments, dunning level 0, not blocked.
 *
 * # Safety
 * `out` is NULL or points to a writable `coll_dunning_invoice`.
 */
coll_status coll_dunning_invoice_init(struct coll_dunning_invoice *out);

/**
 * Fills `*out` with a level reached at `days_overdue` days: no grace days, no fee, no minimum, no
 * interest, no action text (NULL, 0).
 *
 * # Safety
 * `out` is NULL or points to a writable `coll_dunning_level`.
 */
coll_status coll_dunning_level_init(uint32_t days_overdue, struct coll_dunning_level *out);

/**
 * Fills `*out` with the defaults: no currency and no levels (set them), half-up rounding, one level at
 * a time, the built-in statutory tables.
 *
 * # Safety
 * `out` is NULL or points to a writable `coll_dunning_policy`.
 */
coll_status coll_dunning_policy_init(struct coll_dunning_policy *out);

/**
 * The `COLL_DUNNING_INTEREST_` constant named by `name`: `none`, `erpnext`, `balance-due`,
 * `average-daily-balance` or `statutory` (case, `-`, `_` and spaces are not significant). Unknown
 * names give `COLL_INVALID_ARGUMENT` naming `interest_method`.
 *
 * # Safety
 * `name` is NULL or points to `len` readable bytes; `out` is NULL or points to a writable
 * `coll_dunning_interest_method`.
 */
coll_status coll_dunning_interest_method_from_name(const char *name,
                                                   size_t len,
                                                   coll_dunning_interest_method *out);

/**
 * The name of a `COLL_DUNNING_OUTCOME_` constant (`"notice"`, `"already_notified"`, ...) in `*out`.
 * An unknown number gives `COLL_INVALID_ARGUMENT` naming `outcome`.
 *
 * Ownership: `*out` is a static string; never free it.
 *
 * # Safety
 * `out` is NULL or points to a writable `const char *`.
 */
coll_status coll_dunning_outcome_name(coll_dunning_outcome outcome, const char **out);

/**
 * Runs `policy` over `n_invoices` invoices as of `as_of` (see the core's `dunning_run` for the rules:
 * payments after `as_of` ignored; outstanding = amount - payments; blocked invoices get no level; the
 * level reached is the highest whose days (plus grace) and minimum the invoice reaches, at most one
 * above its `dunning_level` when the policy says so; a new level charges its fee and interest).
 *
 * Fails, naming the field and the invoice (`amount: -5 (invoice "A-1"): ...`), with
 * `COLL_INVALID_ARGUMENT` (a duplicate `id`, `amount` or `payments.amount` not above zero,
 * `payments.date` out of order, `levels` empty, `levels.days_overdue` not increasing, `levels.fee`
 * negative or with more places than the currency, interest data a method does not take, a period the
 * statutory tables do not cover as `due_date` or `as_of`, an unknown constant, a flag not 0 or 1),
 * `COLL_CURRENCY_MISMATCH` (`currency`, `payments.currency`), `COLL_INVALID_DECIMAL`,
 * `COLL_INVALID_DATE`, `COLL_UNKNOWN_CURRENCY`, `COLL_INVALID_UTF8` or `COLL_OVERFLOW`. The first bad
 * invoice in the input is the one reported.
 *
 * Ownership: the invoices, their payments and text, the policy, its levels and tables are borrowed for
 * the call (copied). On success `*out` is a new run the caller owns and frees with
 * `coll_dunning_run_free`. `invoices` may be NULL when `n_invoices` is 0 (an empty run).
 *
 * # Safety
 * `invoices` is NULL or points to `n_invoices` readable `coll_dunning_invoice`s whose pointers are
 * valid for their lengths; `policy` is NULL or points to a readable `coll_dunning_policy` whose
 * `levels` point to `n_levels` readable levels and whose `tables` is NULL or a live handle; `out` is
 * NULL or points to a writable `coll_dunning_run *`.
 */
coll_status coll_dunning_run_new(const struct coll_dunning_invoice *invoices,
                                 size_t n_invoices,
                                 const struct coll_dunning_policy *policy,
                                 struct coll_date as_of,
                                 struct coll_dunning_run **out);

/**
 * Frees a run made by `coll_dunning_run_new` (and with it every text pointer its lines and customers
 * lent). NULL is a no-op.
 *
 * # Safety
 * `run` is NULL or a handle from this library that has not been freed.
 */
void coll_dunning_run_free(struct coll_dunning_run *run);

/**
 * The number of lines: one per invoice.
 *
 * # Safety
 * `run` is NULL or a live handle; `out` is NULL or points to a writable `size_t`.
 */
coll_status coll_dunning_run_line_count(const struct coll_dunning_run *run, size_t *out);

/**
 * The line at `index` in run order (by customer id, then due date, then invoice id); past the end:
 * `COLL_INVALID_ARGUMENT` naming `index`. Its text points into the run.
 *
 * # Safety
 * `run` is NULL or a live handle; `out` is NULL or points to a writable `coll_dunning_line`.
 */
coll_status coll_dunning_run_line_at(const struct coll_dunning_run *run,
                                     size_t index,
                                     struct coll_dunning_line *out);

/**
 * The number of customers (groups of lines).
 *
 * # Safety
 * `run` is NULL or a live handle; `out` is NULL or points to a writable `size_t`.
 */
coll_status coll_dunning_run_customer_count(const struct coll_dunning_run *run, size_t *out);

/**
 * The customer at `index`, by customer id: their lines and totals; past the end:
 * `COLL_INVALID_ARGUMENT` naming `index`. Its text points into the run.
 *
 * # Safety
 * `run` is NULL or a live handle; `out` is NULL or points to a writable `coll_dunning_customer`.
 */
coll_status coll_dunning_run_customer_at(const struct coll_dunning_run *run,
                                         size_t index,
                                         struct coll_dunning_customer *out);

/**
 * The totals over every line. (Not `coll_dunning_totals`: that is the struct's name.)
 *
 * # Safety
 * `run` is NULL or a live handle; `out` is NULL or points to a writable `coll_dunning_totals`.
 */
coll_status coll_dunning_run_get_totals(const struct coll_dunning_run *run,
                                        struct coll_dunning_totals *out);

/**
 * Fills `*out` with the default rules: per installment, no tolerance, no grace days, the default
 * buckets (no bounds: NULL, 0).
 *
 * # Safety
 * `out` is NULL or points to a writable `coll_aging_rules`.
 */
coll_status coll_aging_rules_init(struct coll_aging_rules *out);

/**
 * The `COLL_SHORTFALL_` constant named by `name`: `per-installment` or `cumulative` (case, `-`,
 * `_` and spaces are not significant). Unknown names give `COLL_INVALID_ARGUMENT` naming
 * `shortfall_method`.
 *
 * # Safety
 * `name` is NULL or points to `len` readable bytes; `out` is NULL or points to a writable
 * `coll_shortfall_method`.
 */
coll_status coll_shortfall_method_from_name(const char *name,
                                            size_t len,
                                            coll_shortfall_method *out);

/**
 * The `COLL_TOLERANCE_` constant named by `name`: `none`, `amount` or `percent`. Unknown names give
 * `COLL_INVALID_ARGUMENT` naming `tolerance`.
 *
 * # Safety
 * `name` is NULL or points to `len` readable bytes; `out` is NULL or points to a writable
 * `coll_tolerance_kind`.
 */
coll_status coll_tolerance_kind_from_name(const char *name, size_t len, coll_tolerance_kind *out);

/**
 * The `COLL_CREDIT_` constant named by `name`: `closed-end` or `open-end`. Unknown names give
 * `COLL_INVALID_ARGUMENT` naming `credit_type`.
 *
 * # Safety
 * `name` is NULL or points to `len` readable bytes; `out` is NULL or points to a writable
 * `coll_credit_type`.
 */
coll_status coll_credit_type_from_name(const char *name, size_t len, coll_credit_type *out);

/**
 * The `COLL_LIMITATION_FROM_` constant named by `name`: `due-date` or
 * `last-payment-or-acknowledgment`. Unknown names give `COLL_INVALID_ARGUMENT` naming
 * `limitation_start`.
 *
 * # Safety
 * `name` is NULL or points to `len` readable bytes; `out` is NULL or points to a writable
 * `coll_limitation_start`.
 */
coll_status coll_limitation_start_from_name(const char *name,
                                            size_t len,
                                            coll_limitation_start *out);

/**
 * The `COLL_LIMITATION_UNIT_` constant named by `name`: `years`, `months` or `days`. Unknown names
 * give `COLL_INVALID_ARGUMENT` naming `unit`.
 *
 * # Safety
 * `name` is NULL or points to `len` readable bytes; `out` is NULL or points to a writable
 * `coll_limitation_unit`.
 */
coll_status coll_limitation_unit_from_name(const char *name, size_t len, coll_limitation_unit *out);

/**
 * Ages one account as of `as_of`. For example, 100 due on the 1st of each month from January 2026,
 * January paid and February and March missed, aged on 2026-03-15: 42 days past due from February 1,
 * bucket 2 (`31-60`), 200.00 past due.
 *
 * Fails, naming the field: `COLL_INVALID_ARGUMENT` (`amount_due` or `amount_paid` negative,
 * `obligations` out of due-date order, `frozen_periods` out of order or overlapping, `tolerance`
 * outside its range or given with none, `buckets` bounds not increasing, an unknown constant),
 * `COLL_INVALID_DECIMAL`, `COLL_INVALID_DATE` or `COLL_OVERFLOW`.
 *
 * Ownership: `account`, `rules` and their arrays are borrowed for the call.
 *
 * # Safety
 * `account` and `rules` are NULL or point to readable structs whose arrays are NULL or valid for their
 * counts; `out` is NULL or points to a writable `coll_aging_result`.
 */
coll_status coll_age_account(const struct coll_aging_account *account,
                             struct coll_date as_of,
                             const struct coll_aging_rules *rules,
                             struct coll_aging_result *out);

/**
 * The account's past-due amount split by bucket, each obligation by its own days past due
 * (receivables aging): one amount per bucket into `out`, which has room for `out_cap`. On success
 * `*out_len` is the number of buckets. When they do not fit the call fails with
 * `COLL_BUFFER_TOO_SMALL`, writes nothing to `out` and sets `*out_len` to the number needed; `out` may
 * be NULL when `out_cap` is 0, to ask for it. Fails otherwise as `coll_age_account`.
 *
 * # Safety
 * As for `coll_age_account`; `out` is NULL or points to `out_cap` writable `coll_decimal`s; `out_len`
 * is NULL or points to a writable `size_t`.
 */
coll_status coll_age_account_by_bucket(const struct coll_aging_account *account,
                                       struct coll_date as_of,
                                       const struct coll_aging_rules *rules,
                                       struct coll_decimal *out,
                                       size_t out_cap,
                                       size_t *out_len);

/**
 * The number of buckets of `rules` (the default set has 8).
 *
 * # Safety
 * `rules` is NULL or points to a readable `coll_aging_rules` whose bounds are NULL or valid for their
 * count; `out` is NULL or points to a writable `size_t`.
 */
coll_status coll_aging_bucket_count(const struct coll_aging_rules *rules,
                                    size_t *out);

/**
 * The label of bucket `index` of `rules` (`"current"`, `"31-60"`, `"181+"`), written into `buf` with a
 * NUL; `*out_len` is its length without the NUL. When `buf_len` is too small: `COLL_BUFFER_TOO_SMALL`,
 * `buf` untouched, `*out_len` the size needed (with the NUL); `buf` may be NULL when `buf_len` is 0.
 * An index past the last bucket gives `COLL_INVALID_ARGUMENT` naming `index`.
 *
 * # Safety
 * `rules` is NULL or points to a readable `coll_aging_rules`; `buf` is NULL or points to `buf_len`
 * writable bytes; `out_len` is NULL or points to a writable `size_t`.
 */
coll_status coll_aging_bucket_label(const struct coll_aging_rules *rules,
                                    size_t index,
                                    char *buf,
                                    size_t buf_len,
                                    size_t *out_len);

/**
 * Fills `*out` with FFIEC's thresholds: 120 days closed-end, 180 open-end.
 *
 * # Safety
 * `out` is NULL or points to a writable `coll_charge_off_policy`.
 */
coll_status coll_charge_off_policy_init(struct coll_charge_off_policy *out);

/**
 * When the account becomes eligible for charge-off if nothing more is paid: the first date its days
 * past due reach the policy's threshold for `credit_type` (frozen periods and grace included), and
 * whether it is eligible as of `as_of`. Fails as `coll_age_account`, or with `COLL_INVALID_ARGUMENT`
 * naming `closed_end_days` or `open_end_days` (0) or `credit_type` (unknown).
 *
 * # Safety
 * As for `coll_age_account`; `policy` is NULL or points to a readable `coll_charge_off_policy`; `out`
 * is NULL or points to a writable `coll_charge_off_result`.
 */
coll_status coll_charge_off(const struct coll_aging_account *account,
                            struct coll_date as_of,
                            const struct coll_aging_rules *rules,
                            coll_credit_type credit_type,
                            const struct coll_charge_off_policy *policy,
                            struct coll_charge_off_result *out);

/**
 * Fills `*out` with a six-year period from the due date, no payment and no acknowledgment.
 *
 * # Safety
 * `out` is NULL or points to a writable `coll_limitation`.
 */
coll_status coll_limitation_init(struct coll_limitation *out);

/**
 * Whether the account's debt is time-barred as of `as_of`, and from when: the period runs from the
 * oldest past-due obligation's due date (or, by the limitation's rule, a later payment or
 * acknowledgment), which is not counted; the last day to bring a claim is the period's anniversary of
 * it, and the debt is time-barred from the next day. Fails as `coll_age_account`, or with
 * `COLL_INVALID_ARGUMENT` naming `limitation_period` (a length of 0), `last_payment` or
 * `last_acknowledgment` (after `as_of`), `start` or `unit` (unknown), a flag not 0 or 1.
 *
 * # Safety
 * As for `coll_age_account`; `limitation` is NULL or points to a readable `coll_limitation`; `out` is
 * NULL or points to a writable `coll_time_bar_result`.
 */
coll_status coll_time_bar(const struct coll_aging_account *account,
                          struct coll_date as_of,
                          const struct coll_aging_rules *rules,
                          const struct coll_limitation *limitation,
                          struct coll_time_bar_result *out);

/**
 * Ages `n_accounts` accounts as of one date: each account's days past due and bucket into `out_ages`
 * (room for `ages_cap`, at least `n_accounts`), in input order, and per-bucket totals (accounts placed
 * by their own days past due) into `out_totals` (room for `totals_cap`, at least the number of buckets:
 * see `coll_aging_bucket_count`). Too little room gives `COLL_BUFFER_TOO_SMALL` naming the array, and
 * nothing is written. An error in an account keeps its kind and field, and its message names the
 * account (`amount_due: account #12: -5: ...`). `accounts` may be NULL when `n_accounts` is 0.
 *
 * Ownership: every input is borrowed for the call; the output arrays belong to the caller and must not
 * overlap.
 *
 * # Safety
 * `accounts` is NULL or points to `n_accounts` readable `coll_aging_account`s whose arrays are NULL or
 * valid for their counts; `rules` is NULL or readable; `out_ages` is NULL or points to `ages_cap`
 * writable `coll_account_age`s; `out_totals` is NULL or points to `totals_cap` writable
 * `coll_bucket_totals`.
 */
coll_status coll_age_portfolio(const struct coll_aging_account *accounts,
                               size_t n_accounts,
                               struct coll_date as_of,
                               const struct coll_aging_rules *rules,
                               struct coll_account_age *out_ages,
                               size_t ages_cap,
                               struct coll_bucket_totals *out_totals,
                               size_t totals_cap);

/**
 * The `COLL_ROLL_MEASURE_` constant named by `name`: `outstanding`, `past-due` or `accounts`. Unknown
 * names give `COLL_INVALID_ARGUMENT` naming `roll_measure`.
 *
 * # Safety
 * `name` is NULL or points to `len` readable bytes; `out` is NULL or points to a writable
 * `coll_roll_measure`.
 */
coll_status coll_roll_measure_from_name(const char *name,
                                        size_t len,
                                        coll_roll_measure *out);

/**
 * The name of a `COLL_ROLL_MEASURE_` constant (`"past-due"`) in `*out`. An unknown number gives
 * `COLL_INVALID_ARGUMENT` naming `roll_measure`.
 *
 * Ownership: `*out` is a static string; never free it.
 *
 * # Safety
 * `out` is NULL or points to a writable `const char *`.
 */
coll_status coll_roll_measure_name(coll_roll_measure measure, const char **out);

/**
 * Roll rates from per-bucket balances: `now[k + 1] / earlier[k]` for each bucket k but the last, into
 * `out` (room for `out_cap`, at least `n_buckets - 1`); `*out_len` is their number. A rate is absent
 * (`has_rate` 0) where `earlier[k]` is zero. For example earlier 1000, 200, 50 and now 900, 100, 40
 * give 0.1 and 0.2. When they do not fit: `COLL_BUFFER_TOO_SMALL`, nothing written to `out`,
 * `*out_len` the number needed; `out` may be NULL when `out_cap` is 0, to ask for it.
 *
 * Fails, naming the field: `COLL_INVALID_ARGUMENT` (`now` for fewer than two buckets, `earlier` or
 * `now` for a negative balance) or `COLL_INVALID_DECIMAL`.
 *
 * # Safety
 * `earlier` and `now` are NULL or point to `n_buckets` readable `coll_decimal`s; `out` is NULL or
 * points to `out_cap` writable `coll_roll_rate`s; `out_len` is NULL or points to a writable `size_t`.
 */
coll_status coll_roll_rates(const struct coll_decimal *earlier,
                            const struct coll_decimal *now,
                            size_t n_buckets,
                            struct coll_roll_rate *out,
                            size_t out_cap,
                            size_t *out_len);

/**
 * Roll rates between two portfolio agings (the bucket totals `coll_age_portfolio` wrote, under the
 * same rules): the `measure` of bucket k+1 on `as_of` ÷ that of bucket k on `earlier_as_of`, for each
 * bucket k but the last, into `out` as `coll_roll_rates` does.
 *
 * Fails, naming the field: `COLL_INVALID_ARGUMENT` (`earlier` dated on or after `as_of`, `now` for
 * fewer than two buckets, `measure` unknown), `COLL_INVALID_DECIMAL` or `COLL_INVALID_DATE`.
 *
 * # Safety
 * `earlier` and `now` are NULL or point to `n_buckets` readable `coll_bucket_totals`; `out` is NULL or
 * points to `out_cap` writable `coll_roll_rate`s; `out_len` is NULL or points to a writable `size_t`.
 */
coll_status coll_portfolio_roll_rates(const struct coll_bucket_totals *earlier,
                                      struct coll_date earlier_as_of,
                                      const struct coll_bucket_totals *now,
                                      struct coll_date as_of,
                                      size_t n_buckets,
                                      coll_roll_measure measure,
                                      struct coll_roll_rate *out,
                                      size_t out_cap,
                                      size_t *out_len);

/**
 * The account's obligations as they stood at the end of `date` (payments received up to it applied
 * oldest first), in due order, into `out` (room for `out_cap`); `*out_len` is their number. Too little
 * room: `COLL_BUFFER_TOO_SMALL` with the number needed in `*out_len` (`out` may be NULL when `out_cap`
 * is 0). Fails, naming the field: `COLL_INVALID_ARGUMENT` (`dues` or `payments` negative or out of
 * date order, `frozen_periods`), `COLL_INVALID_DECIMAL`, `COLL_INVALID_DATE` or `COLL_OVERFLOW`.
 *
 * # Safety
 * `activity` is NULL or points to a readable `coll_account_activity` whose arrays are NULL or valid for
 * their counts; `out` is NULL or points to `out_cap` writable `coll_obligation`s; `out_len` is NULL or
 * points to a writable `size_t`.
 */
coll_status coll_account_activity_obligations_on(const struct coll_account_activity *activity,
                                                 struct coll_date date,
                                                 struct coll_obligation *out,
                                                 size_t out_cap,
                                                 size_t *out_len);

/**
 * The last payment (of a non-zero amount) received on or before `date`: `*out_has_value` false (and
 * `*out` zeros) when none. Fails as `coll_account_activity_obligations_on`.
 *
 * # Safety
 * `activity` is NULL or points to a readable `coll_account_activity` whose arrays are NULL or valid for
 * their counts; `out_has_value` is NULL or points to a writable `bool`; `out` is NULL or points to a
 * writable `coll_date`.
 */
coll_status coll_account_activity_last_payment_on(const struct coll_account_activity *activity,
                                                  struct coll_date date,
                                                  bool *out_has_value,
                                                  struct coll_date *out);

/**
 * The account aged at each month end from `from` to `to` (both included), for month-on-month charts
 * and roll rates, into `out` (room for `out_cap`); `*out_len` is their number. Too little room: as
 * `coll_account_activity_obligations_on`. Fails as it does, as `coll_age_account` for the rules, or
 * with `COLL_INVALID_ARGUMENT` naming `to` (before `from`).
 *
 * # Safety
 * `activity` and `rules` are NULL or point to readable structs whose arrays are NULL or valid for their
 * counts; `out` is NULL or points to `out_cap` writable `coll_month_end_aging`s; `out_len` is NULL or
 * points to a writable `size_t`.
 */
coll_status coll_month_end_agings(const struct coll_account_activity *activity,
                                  struct coll_date from,
                                  struct coll_date to,
                                  const struct coll_aging_rules *rules,
                                  struct coll_month_end_aging *out,
                                  size_t out_cap,
                                  size_t *out_len);

/**
 * The account's delinquency history from `from` to `to` (both included): a point on `from`, and one
 * on every later date where the bucket, the due date the days count from, the past-due amount or the
 * frozen state changes. Fails as `coll_month_end_agings`.
 *
 * Ownership: the inputs are borrowed for the call. On success `*out` is a new handle the caller owns
 * and frees with `coll_delinquency_history_free`.
 *
 * # Safety
 * `activity` and `rules` are NULL or point to readable structs whose arrays are NULL or valid for their
 * counts; `out` is NULL or points to a writable `coll_delinquency_history *`.
 */
coll_status coll_delinquency_history_new(const struct coll_account_activity *activity,
                                         struct coll_date from,
                                         struct coll_date to,
                                         const struct coll_aging_rules *rules,
                                         struct coll_delinquency_history **out);

/**
 * Frees a delinquency history. NULL is a no-op.
 *
 * # Safety
 * `history` is NULL or a handle from this library that has not been freed.
 */
void coll_delinquency_history_free(struct coll_delinquency_history *history);

/**
 * The number of points of a delinquency history (at least 1).
 *
 * # Safety
 * `history` is NULL or a live handle; `out` is NULL or points to a writable `size_t`.
 */
coll_status coll_delinquency_history_count(const struct coll_delinquency_history *history,
                                           size_t *out);

/**
 * Point `index` of a delinquency history, in date order, in `*out` (its label lent by the history).
 * Past the end: `COLL_INVALID_ARGUMENT` naming `index`.
 *
 * # Safety
 * `history` is NULL or a live handle; `out` is NULL or points to a writable
 * `coll_delinquency_change`.
 */
coll_status coll_delinquency_history_at(const struct coll_delinquency_history *history,
                                        size_t index,
                                        struct coll_delinquency_change *out);

/**
 * The `COLL_DEBT_STATUS_` constant named by `name` (`"paid_in_full"`, `"Paid In Full"` and
 * `"paid-in-full"` alike). Unknown names give `COLL_INVALID_ARGUMENT` naming `status`.
 *
 * # Safety
 * `name` is NULL or points to `len` readable bytes; `out` is NULL or points to a writable
 * `coll_debt_status`.
 */
coll_status coll_debt_status_from_name(const char *name, size_t len, coll_debt_status *out);

/**
 * The snake_case name of a status (`"in_arrangement"`) in `*out`. An unknown number gives
 * `COLL_INVALID_ARGUMENT` naming `status`.
 *
 * Ownership: `*out` is a static string; never free it.
 *
 * # Safety
 * `out` is NULL or points to a writable `const char *`.
 */
coll_status coll_debt_status_name(coll_debt_status status, const char **out);

/**
 * Whether `status` is terminal (settled, paid in full, written off, closed, recalled, sold: nothing
 * follows) in `*out_terminal`, and a pause (disputed, hardship, fraud: collection stops, and the
 * account returns to the status before) in `*out_pause`.
 *
 * # Safety
 * `out_terminal` and `out_pause` are NULL or point to writable `bool`s (not the same one).
 */
coll_status coll_debt_status_kind(coll_debt_status status, bool *out_terminal, bool *out_pause);

/**
 * Whether the transition table allows `from` to become `to` (the rules of the core's `debt::status`,
 * without a history's rules), in `*out`.
 *
 * # Safety
 * `out` is NULL or points to a writable `bool`.
 */
coll_status coll_debt_status_can_become(coll_debt_status from,
                                        coll_debt_status to,
                                        bool *out);

/**
 * Checks a change from `from` to `to` on `date` for `reason` against the table: `COLL_OK` when
 * allowed; otherwise `COLL_INVALID_ARGUMENT` naming `status` with both states and why
 * (`status: "paid_in_full -> delinquent": nothing follows a terminal status`), or naming `reason` when
 * it is empty.
 *
 * # Safety
 * `reason` is NULL or points to `reason_len` readable bytes.
 */
coll_status coll_debt_status_transition(coll_debt_status from,
                                        coll_debt_status to,
                                        struct coll_date date,
                                        const char *reason,
                                        size_t reason_len);

/**
 * A history that starts in `initial` on `opened_on` (any status, so an account can be taken over
 * mid-life).
 *
 * Ownership: on success `*out` is a new handle the caller owns and frees with
 * `coll_status_history_free`.
 *
 * # Safety
 * `out` is NULL or points to a writable `coll_status_history *`.
 */
coll_status coll_status_history_new(coll_debt_status initial,
                                    struct coll_date opened_on,
                                    struct coll_status_history **out);

/**
 * Frees a history. NULL is a no-op.
 *
 * # Safety
 * `history` is NULL or a handle from this library that has not been freed.
 */
void coll_status_history_free(struct coll_status_history *history);

/**
 * Records a change to `to` on `date` for `reason`, after the table's and the history's rules. Fails
 * with `COLL_INVALID_ARGUMENT` naming `status` (a transition refused, with both states:
 * `"disputed -> current"`), `date` (before the last change) or `reason` (empty); the history is then
 * unchanged.
 *
 * # Safety
 * `history` is NULL or a live handle not read by another thread during the call; `reason` is NULL or
 * points to `reason_len` readable bytes.
 */
coll_status coll_status_history_change(struct coll_status_history *history,
                                       coll_debt_status to,
                                       struct coll_date date,
                                       const char *reason,
                                       size_t reason_len);

/**
 * The status now, in `*out`.
 *
 * # Safety
 * `history` is NULL or a live handle; `out` is NULL or points to a writable `coll_debt_status`.
 */
coll_status coll_status_history_current(const struct coll_status_history *history,
                                        coll_debt_status *out);

/**
 * The status in force at the end of `date`: `*out_has_value` false (and `*out` 0) before the history
 * opens.
 *
 * # Safety
 * `history` is NULL or a live handle; `out_has_value` is NULL or points to a writable `bool`; `out` is
 * NULL or points to a writable `coll_debt_status`.
 */
coll_status coll_status_history_status_on(const struct coll_status_history *history,
                                          struct coll_date date,
                                          bool *out_has_value,
                                          coll_debt_status *out);

/**
 * The working status a pause would return to: `*out_has_value` false (and `*out` 0) when the account
 * is not paused, or was opened paused.
 *
 * # Safety
 * `history` is NULL or a live handle; `out_has_value` is NULL or points to a writable `bool`; `out` is
 * NULL or points to a writable `coll_debt_status`.
 */
coll_status coll_status_history_returns_to(const struct coll_status_history *history,
                                           bool *out_has_value,
                                           coll_debt_status *out);

/**
 * The number of changes recorded.
 *
 * # Safety
 * `history` is NULL or a live handle; `out` is NULL or points to a writable `size_t`.
 */
coll_status coll_status_history_change_count(const struct coll_status_history *history,
                                             size_t *out);

/**
 * The change at `index`, oldest first; past the end: `COLL_INVALID_ARGUMENT` naming `index`.
 *
 * # Safety
 * `history` is NULL or a live handle; `out` is NULL or points to a writable `coll_status_change`.
 */
coll_status coll_status_history_change_at(const struct coll_status_history *history,
                                          size_t index,
                                          struct coll_status_change *out);

/**
 * The `COLL_COMPONENT_` constant named by `name`: `penalty`, `fee`, `interest` or `principal` (case,
 * `-`, `_` and spaces are not significant). Unknown names give `COLL_INVALID_ARGUMENT` naming
 * `component`.
 *
 * # Safety
 * `name` is NULL or points to `len` readable bytes; `out` is NULL or points to a writable
 * `coll_component`.
 */
coll_status coll_component_from_name(const char *name,
                                     size_t len,
                                     coll_component *out);

/**
 * The name of a `COLL_COMPONENT_` constant (`"interest"`) in `*out`. An unknown number gives
 * `COLL_INVALID_ARGUMENT` naming `component`.
 *
 * Ownership: `*out` is a static string; never free it.
 *
 * # Safety
 * `out` is NULL or points to a writable `const char *`.
 */
coll_status coll_component_name(coll_component component, const char **out);

/**
 * The `COLL_TIMING_` constant named by `name`: `past_due`, `due` or `not_yet_due`. Unknown names give
 * `COLL_INVALID_ARGUMENT` naming `timing`.
 *
 * # Safety
 * `name` is NULL or points to `len` readable bytes; `out` is NULL or points to a writable
 * `coll_timing`.
 */
coll_status coll_timing_from_name(const char *name,
                                  size_t len,
                                  coll_timing *out);

/**
 * The name of a `COLL_TIMING_` constant (`"past_due"`) in `*out`. An unknown number gives
 * `COLL_INVALID_ARGUMENT` naming `timing`.
 *
 * Ownership: `*out` is a static string; never free it.
 *
 * # Safety
 * `out` is NULL or points to a writable `const char *`.
 */
coll_status coll_timing_name(coll_timing timing, const char **out);

/**
 * The `COLL_INTEREST_MODE_` constant named by `name`: `simple` or `compound_at_due_dates`. Unknown
 * names give `COLL_INVALID_ARGUMENT` naming `interest_mode`.
 *
 * # Safety
 * `name` is NULL or points to `len` readable bytes; `out` is NULL or points to a writable
 * `coll_interest_mode`.
 */
coll_status coll_interest_mode_from_name(const char *name, size_t len, coll_interest_mode *out);

/**
 * The name of a `COLL_INTEREST_MODE_` constant (`"simple"`) in `*out`. An unknown number gives
 * `COLL_INVALID_ARGUMENT` naming `interest_mode`.
 *
 * Ownership: `*out` is a static string; never free it.
 *
 * # Safety
 * `out` is NULL or points to a writable `const char *`.
 */
coll_status coll_interest_mode_name(coll_interest_mode mode, const char **out);

/**
 * The `COLL_ALLOCATION_ORDER_` constant named by `name`: `fees-interest-principal`,
 * `interest-principal-fees`, `penalties-fees-interest-principal`,
 * `interest-principal-penalties-fees` or `principal-interest-penalties-fees`. Unknown names give
 * `COLL_INVALID_ARGUMENT` naming `allocation`.
 *
 * # Safety
 * `name` is NULL or points to `len` readable bytes; `out` is NULL or points to a writable
 * `coll_allocation_order`.
 */
coll_status coll_allocation_order_from_name(const char *name,
                                            size_t len,
                                            coll_allocation_order *out);

/**
 * The name of a `COLL_ALLOCATION_ORDER_` constant (`"fees-interest-principal"`) in `*out`. An
 * unknown number gives `COLL_INVALID_ARGUMENT` naming `allocation`.
 *
 * Ownership: `*out` is a static string; never free it.
 *
 * # Safety
 * `out` is NULL or points to a writable `const char *`.
 */
coll_status coll_allocation_order_name(coll_allocation_order order, const char **out);

/**
 * The `COLL_ALLOCATION_SCOPE_` constant named by `name`: `oldest_first` or `component_first`.
 * Unknown names give `COLL_INVALID_ARGUMENT` naming `scope`.
 *
 * # Safety
 * `name` is NULL or points to `len` readable bytes; `out` is NULL or points to a writable
 * `coll_allocation_scope`.
 */
coll_status coll_allocation_scope_from_name(const char *name,
                                            size_t len,
                                            coll_allocation_scope *out);

/**
 * The name of a `COLL_ALLOCATION_SCOPE_` constant (`"oldest_first"`) in `*out`. An unknown number
 * gives `COLL_INVALID_ARGUMENT` naming `scope`.
 *
 * Ownership: `*out` is a static string; never free it.
 *
 * # Safety
 * `out` is NULL or points to a writable `const char *`.
 */
coll_status coll_allocation_scope_name(coll_allocation_scope scope, const char **out);

/**
 * The `COLL_OVERPAYMENT_` constant named by `name`: `hold_as_credit`, `reduce_term` or
 * `reduce_payment`. Unknown names give `COLL_INVALID_ARGUMENT` naming `overpayment`.
 *
 * # Safety
 * `name` is NULL or points to `len` readable bytes; `out` is NULL or points to a writable
 * `coll_overpayment_rule`.
 */
coll_status coll_overpayment_rule_from_name(const char *name,
                                            size_t len,
                                            coll_overpayment_rule *out);

/**
 * The name of a `COLL_OVERPAYMENT_` constant (`"reduce_term"`) in `*out`. An unknown number gives
 * `COLL_INVALID_ARGUMENT` naming `overpayment`.
 *
 * Ownership: `*out` is a static string; never free it.
 *
 * # Safety
 * `out` is NULL or points to a writable `const char *`.
 */
coll_status coll_overpayment_rule_name(coll_overpayment_rule rule, const char **out);

/**
 * The `COLL_LEDGER_ENTRY_` constant named by `name` (`obligation`, `interest`, `late_fee`, `fee`,
 * `payment`, `credit_applied`, `reversal`, `refund`, `waiver`, `adjustment`, `extension`, `status`,
 * `settlement`, `charge_off`, `write_off`). Unknown names give `COLL_INVALID_ARGUMENT` naming
 * `entry_kind`.
 *
 * # Safety
 * `name` is NULL or points to `len` readable bytes; `out` is NULL or points to a writable
 * `coll_ledger_entry_kind`.
 */
coll_status coll_ledger_entry_kind_from_name(const char *name,
                                             size_t len,
                                             coll_ledger_entry_kind *out);

/**
 * The name of a `COLL_LEDGER_ENTRY_` constant (`"late_fee"`) in `*out`. An unknown number gives
 * `COLL_INVALID_ARGUMENT` naming `entry_kind`.
 *
 * Ownership: `*out` is a static string; never free it.
 *
 * # Safety
 * `out` is NULL or points to a writable `const char *`.
 */
coll_status coll_ledger_entry_kind_name(coll_ledger_entry_kind kind, const char **out);

/**
 * Fills `*out` with an event of `kind` on `date` and nothing else given: a zero amount, component 0,
 * NULL text of length 0, 0 days, `to` 0 and an all-zero currency. Set the fields the kind takes (see
 * `coll_ledger_event`). An unknown `kind` gives `COLL_INVALID_ARGUMENT` naming `kind`; the date is
 * checked when the event is posted.
 *
 * # Safety
 * `out` is NULL or points to a writable `coll_ledger_event`.
 */
coll_status coll_ledger_event_init(coll_ledger_event_kind kind,
                                   struct coll_date date,
                                   struct coll_ledger_event *out);

/**
 * The `COLL_LEDGER_EVENT_` constant named by `name` (`obligation`, `accrue`, `fee`, `payment`,
 * `reversal`, `refund`, `waiver`, `adjustment`, `extension`, `settlement`, `charge_off`, `write_off`,
 * `status_change`; case, `-`, `_` and spaces are not significant). Unknown names give
 * `COLL_INVALID_ARGUMENT` naming `kind`.
 *
 * # Safety
 * `name` is NULL or points to `len` readable bytes; `out` is NULL or points to a writable
 * `coll_ledger_event_kind`.
 */
coll_status coll_ledger_event_kind_from_name(const char *name,
                                             size_t len,
                                             coll_ledger_event_kind *out);

/**
 * The name of a `COLL_LEDGER_EVENT_` constant (`"status_change"`) in `*out`. An unknown number
 * gives `COLL_INVALID_ARGUMENT` naming `kind`.
 *
 * Ownership: `*out` is a static string; never free it.
 *
 * # Safety
 * `out` is NULL or points to a writable `const char *`.
 */
coll_status coll_ledger_event_kind_name(coll_ledger_event_kind kind, const char **out);

/**
 * A ledger with no events for an account: `id` (`id_len` bytes of UTF-8, not blank), `currency`,
 * the day it opened, its `principal` (greater than zero, at most 10^15, in the currency's minor
 * units) and its `terms`.
 *
 * Fails, naming the field: `COLL_INVALID_ARGUMENT` (`id` blank, `principal`, `rates` empty, not
 * increasing, out of range or starting after `opened_on`, `penalty_rate`, `max_rate`,
 * `charge_cap`, `freezes` out of order or overlapping, `late_fee.*`, `allocation`, an unknown
 * constant, a flag not 0 or 1, `allocation_order` or `allocation_scope` given beside
 * `advanced_allocation`), `COLL_INVALID_DECIMAL`, `COLL_INVALID_DATE`, `COLL_UNKNOWN_CURRENCY` or
 * `COLL_INVALID_UTF8`.
 *
 * Ownership: every input is borrowed for the call. On success `*out` is a new handle the caller owns
 * and frees with `coll_ledger_free`.
 *
 * # Safety
 * `id` is NULL or points to `id_len` readable bytes; `currency`, `principal` and `terms` are NULL or
 * readable, the terms' arrays NULL or valid for their counts; `out` is NULL or points to a writable
 * `coll_ledger *`.
 */
coll_status coll_ledger_new(const char *id,
                            size_t id_len,
                            const struct coll_currency *currency,
                            struct coll_date opened_on,
                            const struct coll_decimal *principal,
                            const struct coll_ledger_terms *terms,
                            struct coll_ledger **out);

/**
 * Frees a ledger. NULL is a no-op. Text it lent is invalid afterwards.
 *
 * # Safety
 * `ledger` is NULL or a handle from this library that has not been freed.
 */
void coll_ledger_free(struct coll_ledger *ledger);

/**
 * A copy of a ledger (the same account and events), to try events on without changing the original.
 *
 * Ownership: on success `*out` is a new handle the caller owns and frees with `coll_ledger_free`; it
 * lends text of its own.
 *
 * # Safety
 * `ledger` is NULL or a live handle; `out` is NULL or points to a writable `coll_ledger *`.
 */
coll_status coll_ledger_clone(const struct coll_ledger *ledger,
                              struct coll_ledger **out);

/**
 * Posts one event (see `coll_ledger_event`) and writes its index (0 for the first event, then 1, ...)
 * to `*out_index`. An event dated before others re-derives everything after it.
 *
 * A refused event leaves the ledger exactly as it was. Fails, naming the field:
 * `COLL_INVALID_ARGUMENT` (`date` before the account opened or before the payment a reversal
 * reverses, `amount` not above zero, above 10^15 or with more decimals than the currency, or
 * obligations adding up to more than the principal, `id` empty or a payment id already posted,
 * `payment_id` of a reversal naming no payment or one already reversed, `reason` empty, `days` out of
 * range, `status` for a transition the status rules refuse, `component` not a fee or penalty for a
 * fee event, a refund beyond the credit or a waiver beyond the balance, any field the kind does not
 * take, an unknown constant; an error met while replaying later events has the event named in its
 * message), `COLL_CURRENCY_MISMATCH` naming `currency` (a payment in another currency),
 * `COLL_INVALID_DECIMAL`, `COLL_INVALID_DATE`, `COLL_UNKNOWN_CURRENCY`, `COLL_INVALID_UTF8`,
 * `COLL_OVERFLOW` or `COLL_DATE_OUT_OF_RANGE`.
 *
 * Ownership: `event` and its text are borrowed for the call (the ledger keeps copies).
 *
 * # Safety
 * `ledger` is NULL or a live handle no other thread uses during the call; `event` is NULL or points to
 * a readable `coll_ledger_event` whose text is NULL or valid for its length; `out_index` is NULL or
 * points to a writable `size_t`.
 */
coll_status coll_ledger_post(struct coll_ledger *ledger,
                             const struct coll_ledger_event *event,
                             size_t *out_index);

/**
 * Posts `n` events, all or nothing, with one replay (their indices follow the ledger's last, in array
 * order). Fails as `coll_ledger_post`, the message naming the event at fault (`amount: event #4: ...`
 * or `... (event #4)`); then nothing is posted. `events` may be NULL when `n` is 0.
 *
 * # Safety
 * `ledger` is NULL or a live handle no other thread uses during the call; `events` is NULL or points
 * to `n` readable `coll_ledger_event`s whose text is NULL or valid for its length.
 */
coll_status coll_ledger_post_all(struct coll_ledger *ledger,
                                 const struct coll_ledger_event *events,
                                 size_t n);

/**
 * The ledger's account in `*out` (its id lent by the ledger).
 *
 * # Safety
 * `ledger` is NULL or a live handle; `out` is NULL or points to a writable `coll_ledger_account`.
 */
coll_status coll_ledger_get_account(const struct coll_ledger *ledger,
                                    struct coll_ledger_account *out);

/**
 * The balances after the last event, in `*out`.
 *
 * # Safety
 * `ledger` is NULL or a live handle; `out` is NULL or points to a writable `coll_ledger_balances`.
 */
coll_status coll_ledger_get_balances(const struct coll_ledger *ledger,
                                     struct coll_ledger_balances *out);

/**
 * The balances at the end of `as_of`, with interest accrued up to it (what a payoff that day must
 * cover, less the credit); events after `as_of` are left out. Fails with `COLL_INVALID_ARGUMENT`
 * naming `as_of` (before the account opened) or `COLL_INVALID_DATE`.
 *
 * # Safety
 * `ledger` is NULL or a live handle; `out` is NULL or points to a writable `coll_ledger_balances`.
 */
coll_status coll_ledger_balances_on(const struct coll_ledger *ledger,
                                    struct coll_date as_of,
                                    struct coll_ledger_balances *out);

/**
 * The running totals after the last event, in `*out`.
 *
 * # Safety
 * `ledger` is NULL or a live handle; `out` is NULL or points to a writable `coll_ledger_totals`.
 */
coll_status coll_ledger_get_totals(const struct coll_ledger *ledger,
                                   struct coll_ledger_totals *out);

/**
 * The running totals at the end of `as_of` (as `coll_ledger_balances_on`), in `*out`.
 *
 * # Safety
 * `ledger` is NULL or a live handle; `out` is NULL or points to a writable `coll_ledger_totals`.
 */
coll_status coll_ledger_totals_on(const struct coll_ledger *ledger,
                                  struct coll_date as_of,
                                  struct coll_ledger_totals *out);

/**
 * The status after the last event (a `COLL_DEBT_STATUS_` constant), in `*out`.
 *
 * # Safety
 * `ledger` is NULL or a live handle; `out` is NULL or points to a writable `coll_debt_status`.
 */
coll_status coll_ledger_status(const struct coll_ledger *ledger, coll_debt_status *out);

/**
 * Every status change of the account, dated, as a new `coll_status_history` (a copy: posting more
 * events does not change it, and changing it does not change the ledger).
 *
 * Ownership: on success `*out` is a new handle the caller owns and frees with
 * `coll_status_history_free`.
 *
 * # Safety
 * `ledger` is NULL or a live handle; `out` is NULL or points to a writable `coll_status_history *`.
 */
coll_status coll_ledger_status_history(const struct coll_ledger *ledger,
                                       struct coll_status_history **out);

/**
 * The date of the last step replayed (the last event's, or the opening day), in `*out`.
 *
 * # Safety
 * `ledger` is NULL or a live handle; `out` is NULL or points to a writable `coll_date`.
 */
coll_status coll_ledger_last_date(const struct coll_ledger *ledger, struct coll_date *out);

/**
 * Days past due on `as_of`: from the oldest obligation (principal or interest) not fully paid whose
 * due date has passed; 0 when none. Fails as `coll_ledger_balances_on`.
 *
 * # Safety
 * `ledger` is NULL or a live handle; `out` is NULL or points to a writable `uint32_t`.
 */
coll_status coll_ledger_days_past_due(const struct coll_ledger *ledger,
                                      struct coll_date as_of,
                                      uint32_t *out);

/**
 * The number of events posted.
 *
 * # Safety
 * `ledger` is NULL or a live handle; `out` is NULL or points to a writable `size_t`.
 */
coll_status coll_ledger_event_count(const struct coll_ledger *ledger, size_t *out);

/**
 * The event at `index`, in posting order, in `*out`: the kind's fields set, the others as
 * `coll_ledger_event_init` leaves them; a payment's currency is given. Its `id` and `reason` point
 * into the ledger (valid until it is freed, NUL-terminated), NULL with length 0 for a kind without
 * them. Past the end: `COLL_INVALID_ARGUMENT` naming `index`.
 *
 * # Safety
 * `ledger` is NULL or a live handle; `out` is NULL or points to a writable `coll_ledger_event`.
 */
coll_status coll_ledger_event_at(const struct coll_ledger *ledger,
                                 size_t index,
                                 struct coll_ledger_event *out);

/**
 * The number of entries in the journal.
 *
 * # Safety
 * `ledger` is NULL or a live handle; `out` is NULL or points to a writable `size_t`.
 */
coll_status coll_ledger_entry_count(const struct coll_ledger *ledger, size_t *out);

/**
 * The journal entry at `index` (entries are in date order: what each event and each rule of the terms
 * did), in `*out`. Posting an event re-derives the journal, so indices are only stable until the next
 * post. Past the end: `COLL_INVALID_ARGUMENT` naming `index`.
 *
 * # Safety
 * `ledger` is NULL or a live handle; `out` is NULL or points to a writable `coll_ledger_entry`.
 */
coll_status coll_ledger_entry_at(const struct coll_ledger *ledger,
                                 size_t index,
                                 struct coll_ledger_entry *out);

/**
 * Allocation `index` of entry `entry`, in `*out` (in the order the money was applied). Past the end:
 * `COLL_INVALID_ARGUMENT` naming `entry` or `index`.
 *
 * # Safety
 * `ledger` is NULL or a live handle; `out` is NULL or points to a writable `coll_ledger_allocation`.
 */
coll_status coll_ledger_entry_allocation_at(const struct coll_ledger *ledger,
                                            size_t entry,
                                            size_t index,
                                            struct coll_ledger_allocation *out);

/**
 * The journal entry of payment `id` (`id_len` bytes): `*out_found` true and `*out_index` its index
 * (for `coll_ledger_entry_at`) when the payment was posted and not reversed; otherwise false and
 * `COLL_NO_INDEX`.
 *
 * # Safety
 * `ledger` is NULL or a live handle; `id` is NULL or points to `id_len` readable bytes; `out_found`
 * and `out_index` are NULL or point to a writable `bool` and `size_t`.
 */
coll_status coll_ledger_payment_entry(const struct coll_ledger *ledger,
                                      const char *id,
                                      size_t id_len,
                                      bool *out_found,
                                      size_t *out_index);

/**
 * Whether payment `id` (`id_len` bytes) has been reversed, in `*out` (false for an id never posted).
 *
 * # Safety
 * `ledger` is NULL or a live handle; `id` is NULL or points to `id_len` readable bytes; `out` is NULL
 * or points to a writable `bool`.
 */
coll_status coll_ledger_is_reversed(const struct coll_ledger *ledger,
                                    const char *id,
                                    size_t id_len,
                                    bool *out);

/**
 * The account aged on `as_of` under `rules` (its obligations as `coll_ledger_obligations_on` gives
 * them), in `*out`. Fails as `coll_ledger_balances_on` and `coll_age_account` (for the rules).
 *
 * # Safety
 * `ledger` is NULL or a live handle; `rules` is NULL or points to a readable `coll_aging_rules` whose
 * bounds are NULL or valid for their count; `out` is NULL or points to a writable
 * `coll_aging_result`.
 */
coll_status coll_ledger_aging(const struct coll_ledger *ledger,
                              struct coll_date as_of,
                              const struct coll_aging_rules *rules,
                              struct coll_aging_result *out);

/**
 * The obligations as aging sees them on `as_of` (per due date, the principal and interest due and
 * what was paid of them; fees and penalties are not obligations), in due-date order, into `out`
 * (room for `out_cap`); `*out_len` is their number. When they do not fit: `COLL_BUFFER_TOO_SMALL`,
 * nothing written to `out`, `*out_len` the number needed; `out` may be NULL when `out_cap` is 0, to
 * ask for it. Fails otherwise as `coll_ledger_balances_on`.
 *
 * # Safety
 * `ledger` is NULL or a live handle; `out` is NULL or points to `out_cap` writable
 * `coll_obligation`s; `out_len` is NULL or points to a writable `size_t`.
 */
coll_status coll_ledger_obligations_on(const struct coll_ledger *ledger,
                                       struct coll_date as_of,
                                       struct coll_obligation *out,
                                       size_t out_cap,
                                       size_t *out_len);

/**
 * The payments posted and not reversed, in posting order, as reconciliation records (reference =
 * payment id, the account's id, date, amount, currency) into `out` (room for `out_cap`), ready to be
 * passed to `coll_reconcile` as `posted`; `*out_len` is their number. Their text points into the
 * ledger (valid until it is freed). Too little room: as `coll_ledger_obligations_on`.
 *
 * # Safety
 * `ledger` is NULL or a live handle; `out` is NULL or points to `out_cap` writable
 * `coll_payment_record`s; `out_len` is NULL or points to a writable `size_t`.
 */
coll_status coll_ledger_posted_payments(const struct coll_ledger *ledger,
                                        struct coll_payment_record *out,
                                        size_t out_cap,
                                        size_t *out_len);

/**
 * Fills `*out` with the core's default terms (`Terms::new`): no penalty rate, no maximum rate, no
 * charge cap, no freezes, Actual/365 Fixed, simple interest, no late fee (the rule zeroed, booked as
 * a penalty), fees-interest-principal oldest first, overpayment held as credit, half-up rounding. The
 * rates are empty (NULL, 0): set `rate_dates`, `rates` and `n_rates`.
 *
 * # Safety
 * `out` is NULL or points to a writable `coll_ledger_terms`.
 */
coll_status coll_ledger_terms_init(struct coll_ledger_terms *out);

/**
 * The payments of `n` records (the payments a ledger posted, from `coll_ledger_posted_payments`) as
 * plan tracking takes them (`coll_plan_track`): each record's date and amount, into `out` (room for
 * `n`), in the same order. Every record is checked first (reference and account id not blank, an
 * amount above zero): `COLL_INVALID_ARGUMENT` naming the record's field, its index in the message
 * (`amount: records #2: ...`), and nothing is written; also `COLL_INVALID_DECIMAL`,
 * `COLL_INVALID_DATE`, `COLL_UNKNOWN_CURRENCY` or `COLL_INVALID_UTF8`. `records` and `out` may be
 * NULL when `n` is 0.
 *
 * Ownership: the records are borrowed for the call; the caller owns `out`.
 *
 * # Safety
 * `records` is NULL or points to `n` readable `coll_payment_record`s whose text is NULL or valid for
 * its length; `out` is NULL or points to `n` writable `coll_plan_payment`s.
 */
coll_status coll_payment_records_to_plan_payments(const struct coll_payment_record *records,
                                                  size_t n,
                                                  struct coll_plan_payment *out);

/**
 * Fills `*out` with the core's default tolerances: 0 days, a zero amount, a match window of 3 days.
 *
 * # Safety
 * `out` is NULL or points to a writable `coll_tolerances`.
 */
coll_status coll_tolerances_init(struct coll_tolerances *out);

/**
 * Reconciles `n_reported` records a bank or processor reported against `n_posted` records the ledger
 * posted (see `coll_ledger_posted_payments`): matched by reference first, then, for what is left, by
 * account, currency, an amount within tolerance and the nearest date within the match window. Every
 * discrepancy (duplicates, wrong account, currency, amount or date, a reference mismatch, missing on
 * either side) comes with a suggested resolution, in the order of the reported list, then of the
 * posted list. Either array may be NULL when its count is 0.
 *
 * Fails, naming the field: `COLL_INVALID_ARGUMENT` (`reference`, `account_id` or `amount` for a blank
 * reference or account id or an amount not above zero, the value naming the list and the record:
 * `amount: ... (got posted #2 T9: 0)`;
 * `tolerances.amount` negative), `COLL_INVALID_DECIMAL`, `COLL_INVALID_DATE`,
 * `COLL_UNKNOWN_CURRENCY` or `COLL_INVALID_UTF8` (naming the side).
 *
 * Ownership: every input is borrowed for the call. On success `*out` is a new handle the caller owns
 * and frees with `coll_reconciliation_free`.
 *
 * # Safety
 * `reported` and `posted` are NULL or point to that many readable records whose text is NULL or valid
 * for its length; `tolerances` is NULL or readable; `out` is NULL or points to a writable
 * `coll_reconciliation *`.
 */
coll_status coll_reconcile(const struct coll_payment_record *reported,
                           size_t n_reported,
                           const struct coll_payment_record *posted,
                           size_t n_posted,
                           const struct coll_tolerances *tolerances,
                           struct coll_reconciliation **out);

/**
 * Frees a reconciliation. NULL is a no-op.
 *
 * # Safety
 * `reconciliation` is NULL or a handle from this library that has not been freed.
 */
void coll_reconciliation_free(struct coll_reconciliation *reconciliation);

/**
 * The number of pairs that agree.
 *
 * # Safety
 * `reconciliation` is NULL or a live handle; `out` is NULL or points to a writable `size_t`.
 */
coll_status coll_reconciliation_matched_count(const struct coll_reconciliation *reconciliation,
                                              size_t *out);

/**
 * Pair `index` that agrees: the reported record's index in `*out_reported` and the posted record's
 * in `*out_posted`. Past the end: `COLL_INVALID_ARGUMENT` naming `index`.
 *
 * # Safety
 * `reconciliation` is NULL or a live handle; `out_reported` and `out_posted` are NULL or point to
 * writable `size_t`s.
 */
coll_status coll_reconciliation_matched_at(const struct coll_reconciliation *reconciliation,
                                           size_t index,
                                           size_t *out_reported,
                                           size_t *out_posted);

/**
 * The number of discrepancies.
 *
 * # Safety
 * `reconciliation` is NULL or a live handle; `out` is NULL or points to a writable `size_t`.
 */
coll_status coll_reconciliation_discrepancy_count(const struct coll_reconciliation *reconciliation,
                                                  size_t *out);

/**
 * Discrepancy `index` in `*out` (its resolution lent by the reconciliation). Past the end:
 * `COLL_INVALID_ARGUMENT` naming `index`.
 *
 * # Safety
 * `reconciliation` is NULL or a live handle; `out` is NULL or points to a writable
 * `coll_discrepancy`.
 */
coll_status coll_reconciliation_discrepancy_at(const struct coll_reconciliation *reconciliation,
                                               size_t index,
                                               struct coll_discrepancy *out);

/**
 * Spreads the `n_received` payments received (in date order; those after `as_of` are not yet known)
 * over the `n_expected` installments a schedule or plan expected (in due-date order), oldest first,
 * and judges each with `grace_days` of grace: paid, late, short, missed or not due. Either array may
 * be NULL when its count is 0.
 *
 * Fails, naming the field: `COLL_INVALID_ARGUMENT` (`expected`: an amount not above zero, above
 * 10^15 or out of due-date order; `received`: an amount not above zero, above 10^15 or out of date
 * order), `COLL_INVALID_DECIMAL` or `COLL_INVALID_DATE` (naming `expected`, `received` or `as_of`),
 * `COLL_DATE_OUT_OF_RANGE` naming `grace_days`.
 *
 * Ownership: the arrays are borrowed for the call. On success `*out` is a new handle the caller owns
 * and frees with `coll_expected_comparison_free`.
 *
 * # Safety
 * `expected` and `received` are NULL or point to that many readable structs; `out` is NULL or points
 * to a writable `coll_expected_comparison *`.
 */
coll_status coll_compare_to_expected(const struct coll_expected_installment *expected,
                                     size_t n_expected,
                                     const struct coll_dated_amount *received,
                                     size_t n_received,
                                     uint32_t grace_days,
                                     struct coll_date as_of,
                                     struct coll_expected_comparison **out);

/**
 * Frees a comparison. NULL is a no-op.
 *
 * # Safety
 * `comparison` is NULL or a handle from this library that has not been freed.
 */
void coll_expected_comparison_free(struct coll_expected_comparison *comparison);

/**
 * The number of installments (one per expected installment, in due-date order).
 *
 * # Safety
 * `comparison` is NULL or a live handle; `out` is NULL or points to a writable `size_t`.
 */
coll_status coll_expected_comparison_installment_count(const struct coll_expected_comparison *comparison,
                                                       size_t *out);

/**
 * Installment `index` after the comparison, in `*out`. Past the end: `COLL_INVALID_ARGUMENT` naming
 * `index`.
 *
 * # Safety
 * `comparison` is NULL or a live handle; `out` is NULL or points to a writable
 * `coll_expected_outcome`.
 */
coll_status coll_expected_comparison_installment_at(const struct coll_expected_comparison *comparison,
                                                    size_t index,
                                                    struct coll_expected_outcome *out);

/**
 * What was received (up to the as-of date) and taken by no installment, in `*out`.
 *
 * # Safety
 * `comparison` is NULL or a live handle; `out` is NULL or points to a writable `coll_decimal`.
 */
coll_status coll_expected_comparison_unapplied(const struct coll_expected_comparison *comparison,
                                               struct coll_decimal *out);

/**
 * The `COLL_DISCREPANCY_` constant named by `name` (`duplicate`, `wrong_account`,
 * `currency_mismatch`, `amount_mismatch`, `date_mismatch`, `reference_mismatch`,
 * `missing_in_ledger`, `missing_in_report`). Unknown names give `COLL_INVALID_ARGUMENT` naming `kind`.
 *
 * # Safety
 * `name` is NULL or points to `len` readable bytes; `out` is NULL or points to a writable
 * `coll_discrepancy_kind`.
 */
coll_status coll_discrepancy_kind_from_name(const char *name,
                                            size_t len,
                                            coll_discrepancy_kind *out);

/**
 * The name of a `COLL_DISCREPANCY_` constant (`"wrong_account"`) in `*out`. An unknown number gives
 * `COLL_INVALID_ARGUMENT` naming `kind`.
 *
 * Ownership: `*out` is a static string; never free it.
 *
 * # Safety
 * `out` is NULL or points to a writable `const char *`.
 */
coll_status coll_discrepancy_kind_name(coll_discrepancy_kind kind, const char **out);

/**
 * The `COLL_EXPECTED_` constant named by `name` (`paid`, `late`, `short`, `missed`, `not_due`).
 * Unknown names give `COLL_INVALID_ARGUMENT` naming `expected_status`.
 *
 * # Safety
 * `name` is NULL or points to `len` readable bytes; `out` is NULL or points to a writable
 * `coll_expected_status`.
 */
coll_status coll_expected_status_from_name(const char *name, size_t len, coll_expected_status *out);

/**
 * The name of a `COLL_EXPECTED_` constant (`"not_due"`) in `*out`. An unknown number gives
 * `COLL_INVALID_ARGUMENT` naming `expected_status`.
 *
 * Ownership: `*out` is a static string; never free it.
 *
 * # Safety
 * `out` is NULL or points to a writable `const char *`.
 */
coll_status coll_expected_status_name(coll_expected_status status, const char **out);

/**
 * The `COLL_CATEGORY_` constant named by `name` (`earnings`, `housing`, `food_and_housekeeping`,
 * `priority_debt_payments`, ...: the names of the constants in lower case; case, `-`, `_` and spaces
 * are not significant). Unknown names give `COLL_INVALID_ARGUMENT` naming `category`.
 *
 * # Safety
 * `name` is NULL or points to `len` readable bytes; `out` is NULL or points to a writable
 * `coll_category`.
 */
coll_status coll_category_from_name(const char *name,
                                    size_t len,
                                    coll_category *out);

/**
 * The name of a `COLL_CATEGORY_` constant (`"food_and_housekeeping"`) in `*out`. An unknown number
 * gives `COLL_INVALID_ARGUMENT` naming `category`.
 *
 * Ownership: `*out` is a static string; never free it.
 *
 * # Safety
 * `out` is NULL or points to a writable `const char *`.
 */
coll_status coll_category_name(coll_category category, const char **out);

/**
 * The section a category belongs to (`COLL_SECTION_INCOME` for `COLL_CATEGORY_EARNINGS`) in `*out`.
 * An unknown number gives `COLL_INVALID_ARGUMENT` naming `category`.
 *
 * # Safety
 * `out` is NULL or points to a writable `coll_section`.
 */
coll_status coll_category_section(coll_category category, coll_section *out);

/**
 * The UK Standard Financial Statement group a category belongs to (`"fixed costs: utilities"`) in
 * `*out`. An unknown number gives `COLL_INVALID_ARGUMENT` naming `category`.
 *
 * Ownership: `*out` is a static string; never free it.
 *
 * # Safety
 * `out` is NULL or points to a writable `const char *`.
 */
coll_status coll_category_sfs_group(coll_category category, const char **out);

/**
 * The line of the US IRS Collection Information Statements (Form 433-A, "Monthly Household Income
 * and Expense Information"; Form 433-F, "Monthly Household Income" and "Monthly Expenses") a category
 * is reported on (`"public transportation costs"`) in `*out`. An unknown number gives
 * `COLL_INVALID_ARGUMENT` naming `category`.
 *
 * Ownership: `*out` is a static string; never free it.
 *
 * # Safety
 * `out` is NULL or points to a writable `const char *`.
 */
coll_status coll_category_irs_line(coll_category category,
                                   const char **out);

/**
 * The `COLL_SECTION_` constant named by `name`: `income`, `fixed_costs`, `flexible_costs`, `savings`
 * or `priority_debts`. Unknown names give `COLL_INVALID_ARGUMENT` naming `section`.
 *
 * # Safety
 * `name` is NULL or points to `len` readable bytes; `out` is NULL or points to a writable
 * `coll_section`.
 */
coll_status coll_section_from_name(const char *name,
                                   size_t len,
                                   coll_section *out);

/**
 * The name of a `COLL_SECTION_` constant (`"fixed_costs"`) in `*out`. An unknown number gives
 * `COLL_INVALID_ARGUMENT` naming `section`.
 *
 * Ownership: `*out` is a static string; never free it.
 *
 * # Safety
 * `out` is NULL or points to a writable `const char *`.
 */
coll_status coll_section_name(coll_section section, const char **out);

/**
 * The `COLL_GUIDELINE_RULE_` constant named by `name`: `allowed_in_full`, `lesser_of` or `trigger`.
 * Unknown names give `COLL_INVALID_ARGUMENT` naming `rule`.
 *
 * # Safety
 * `name` is NULL or points to `len` readable bytes; `out` is NULL or points to a writable
 * `coll_guideline_rule`.
 */
coll_status coll_guideline_rule_from_name(const char *name, size_t len, coll_guideline_rule *out);

/**
 * The name of a `COLL_GUIDELINE_RULE_` constant (`"lesser_of"`) in `*out`. An unknown number gives
 * `COLL_INVALID_ARGUMENT` naming `rule`.
 *
 * Ownership: `*out` is a static string; never free it.
 *
 * # Safety
 * `out` is NULL or points to a writable `const char *`.
 */
coll_status coll_guideline_rule_name(coll_guideline_rule rule, const char **out);

/**
 * The `COLL_GUIDELINE_UNIT_` constant named by `name`: `household`, `person`, `person_under_65`,
 * `person_65_or_over` or `vehicle`. Unknown names give `COLL_INVALID_ARGUMENT` naming `unit`.
 *
 * # Safety
 * `name` is NULL or points to `len` readable bytes; `out` is NULL or points to a writable
 * `coll_guideline_unit`.
 */
coll_status coll_guideline_unit_from_name(const char *name, size_t len, coll_guideline_unit *out);

/**
 * The name of a `COLL_GUIDELINE_UNIT_` constant (`"person_under_65"`) in `*out`. An unknown number
 * gives `COLL_INVALID_ARGUMENT` naming `unit`.
 *
 * Ownership: `*out` is a static string; never free it.
 *
 * # Safety
 * `out` is NULL or points to a writable `const char *`.
 */
coll_status coll_guideline_unit_name(coll_guideline_unit unit, const char **out);

/**
 * The `COLL_FLAG_KIND_` constant named by `name`: `unusually_high` or `unusually_low`. Unknown names
 * give `COLL_INVALID_ARGUMENT` naming `flag`.
 *
 * # Safety
 * `name` is NULL or points to `len` readable bytes; `out` is NULL or points to a writable
 * `coll_flag_kind`.
 */
coll_status coll_flag_kind_from_name(const char *name,
                                     size_t len,
                                     coll_flag_kind *out);

/**
 * The name of a `COLL_FLAG_KIND_` constant (`"unusually_high"`) in `*out`. An unknown number gives
 * `COLL_INVALID_ARGUMENT` naming `flag`.
 *
 * Ownership: `*out` is a static string; never free it.
 *
 * # Safety
 * `out` is NULL or points to a writable `const char *`.
 */
coll_status coll_flag_kind_name(coll_flag_kind kind, const char **out);

/**
 * The `COLL_LINE_KIND_` constant named by `name`: `item`, `guideline`, `total` or `note`. Unknown
 * names give `COLL_INVALID_ARGUMENT` naming `line_kind`.
 *
 * # Safety
 * `name` is NULL or points to `len` readable bytes; `out` is NULL or points to a writable
 * `coll_line_kind`.
 */
coll_status coll_line_kind_from_name(const char *name, size_t len, coll_line_kind *out);

/**
 * The name of a `COLL_LINE_KIND_` constant (`"guideline"`) in `*out`. An unknown number gives
 * `COLL_INVALID_ARGUMENT` naming `line_kind`.
 *
 * Ownership: `*out` is a static string; never free it.
 *
 * # Safety
 * `out` is NULL or points to a writable `const char *`.
 */
coll_status coll_line_kind_name(coll_line_kind kind, const char **out);

/**
 * The `COLL_OFFER_BASIS_` constant named by `name`: `pro_rata` or `token`. Unknown names give
 * `COLL_INVALID_ARGUMENT` naming `basis`.
 *
 * # Safety
 * `name` is NULL or points to `len` readable bytes; `out` is NULL or points to a writable
 * `coll_offer_basis`.
 */
coll_status coll_offer_basis_from_name(const char *name, size_t len, coll_offer_basis *out);

/**
 * The name of a `COLL_OFFER_BASIS_` constant (`"pro_rata"`) in `*out`. An unknown number gives
 * `COLL_INVALID_ARGUMENT` naming `basis`.
 *
 * Ownership: `*out` is a static string; never free it.
 *
 * # Safety
 * `out` is NULL or points to a writable `const char *`.
 */
coll_status coll_offer_basis_name(coll_offer_basis basis, const char **out);

/**
 * The `COLL_FREEZE_INTEREST_` constant named by `name`: `never`, `when_payment_below_interest` or
 * `always`. Unknown names give `COLL_INVALID_ARGUMENT` naming `freeze_interest`.
 *
 * # Safety
 * `name` is NULL or points to `len` readable bytes; `out` is NULL or points to a writable
 * `coll_freeze_interest`.
 */
coll_status coll_freeze_interest_from_name(const char *name, size_t len, coll_freeze_interest *out);

/**
 * The name of a `COLL_FREEZE_INTEREST_` constant (`"always"`) in `*out`. An unknown number gives
 * `COLL_INVALID_ARGUMENT` naming `freeze_interest`.
 *
 * Ownership: `*out` is a static string; never free it.
 *
 * # Safety
 * `out` is NULL or points to a writable `const char *`.
 */
coll_status coll_freeze_interest_name(coll_freeze_interest freeze, const char **out);

/**
 * The `COLL_MINIMUM_PAYMENT_` constant named by `name`: `fixed` or `irs_streamlined`. Unknown names
 * give `COLL_INVALID_ARGUMENT` naming `minimum_payment_kind`.
 *
 * # Safety
 * `name` is NULL or points to `len` readable bytes; `out` is NULL or points to a writable
 * `coll_minimum_payment_kind`.
 */
coll_status coll_minimum_payment_kind_from_name(const char *name,
                                                size_t len,
                                                coll_minimum_payment_kind *out);

/**
 * The name of a `COLL_MINIMUM_PAYMENT_` constant (`"irs_streamlined"`) in `*out`. An unknown number
 * gives `COLL_INVALID_ARGUMENT` naming `minimum_payment_kind`.
 *
 * Ownership: `*out` is a static string; never free it.
 *
 * # Safety
 * `out` is NULL or points to a writable `const char *`.
 */
coll_status coll_minimum_payment_kind_name(coll_minimum_payment_kind kind, const char **out);

/**
 * The `COLL_FALLBACK_` constant named by `name`: `token_payment`, `breathing_space` or
 * `forbearance`. Unknown names give `COLL_INVALID_ARGUMENT` naming `fallback`.
 *
 * # Safety
 * `name` is NULL or points to `len` readable bytes; `out` is NULL or points to a writable
 * `coll_fallback_kind`.
 */
coll_status coll_fallback_kind_from_name(const char *name, size_t len, coll_fallback_kind *out);

/**
 * The name of a `COLL_FALLBACK_` constant (`"breathing_space"`) in `*out`. An unknown number gives
 * `COLL_INVALID_ARGUMENT` naming `fallback`.
 *
 * Ownership: `*out` is a static string; never free it.
 *
 * # Safety
 * `out` is NULL or points to a writable `const char *`.
 */
coll_status coll_fallback_kind_name(coll_fallback_kind kind, const char **out);

/**
 * Fills `*out` with a household of `adults` adults and nobody else: no children, dependants or
 * non-dependants, nobody aged 65 or over, no vehicles, no region (NULL, 0). Set the rest.
 *
 * # Safety
 * `out` is NULL or points to a writable `coll_household`.
 */
coll_status coll_household_init(uint32_t adults, struct coll_household *out);

/**
 * Checks a household and writes its size to `*out`: adults, children and other dependants (the IRS
 * "persons in household"; non-dependants are not counted).
 *
 * Fails, naming the field: `COLL_INVALID_ARGUMENT` (`household`: no adult, zero people, or more than
 * `COLL_MAX_PERSONS`; `aged_65_or_over` above the people counted), `COLL_INVALID_UTF8` (`region`),
 * `COLL_NULL_ARGUMENT` (`region` NULL with a length).
 *
 * # Safety
 * `household` is NULL or points to a readable `coll_household` whose region is NULL or valid for its
 * length; `out` is NULL or points to a writable `uint32_t`.
 */
coll_status coll_household_persons(const struct coll_household *household,
                                   uint32_t *out);

/**
 * Converts `amount` paid or received at `frequency` to a monthly amount: the amount times the
 * periods in a year, divided by 12 (weekly × 52 / 12, fortnightly × 26 / 12, four-weekly × 13 / 12,
 * semi-monthly × 2, quarterly × 4 / 12, annual ÷ 12), rounded once to `currency`'s minor units with
 * `rounding` (50.00 weekly is 216.67 half-up, 216.66 down). The result always has the currency's
 * minor units (`"100.00"`).
 *
 * Fails, naming the field: `COLL_INVALID_ARGUMENT` (`frequency`, `rounding`: an unknown constant),
 * `COLL_INVALID_DECIMAL` (`amount`), `COLL_UNKNOWN_CURRENCY` (`currency`), `COLL_OVERFLOW`.
 *
 * # Safety
 * `amount`, `frequency` and `currency` are NULL or readable; `out` is NULL or points to a writable
 * `coll_decimal` (it may be `amount`).
 */
coll_status coll_to_monthly(const struct coll_decimal *amount,
                            const struct coll_frequency *frequency,
                            const struct coll_currency *currency,
                            coll_rounding_mode rounding,
                            struct coll_decimal *out);

/**
 * Converts a monthly amount to an amount at `frequency` (monthly × 12 / periods a year), rounded to
 * `currency`'s minor units with `rounding`: the inverse of `coll_to_monthly` (216.67 a month is 50.00
 * a week, half-up).
 *
 * Fails, naming the field: `COLL_INVALID_ARGUMENT` (`frequency`, `rounding`), `COLL_INVALID_DECIMAL`
 * (`monthly`), `COLL_UNKNOWN_CURRENCY` (`currency`), `COLL_OVERFLOW` (`amount`).
 *
 * # Safety
 * `monthly`, `frequency` and `currency` are NULL or readable; `out` is NULL or points to a writable
 * `coll_decimal` (it may be `monthly`).
 */
coll_status coll_from_monthly(const struct coll_decimal *monthly,
                              const struct coll_frequency *frequency,
                              const struct coll_currency *currency,
                              coll_rounding_mode rounding,
                              struct coll_decimal *out);

/**
 * A statement dated `date` (the assessment date: it picks the guideline table in force) in
 * `currency`, for `household`, of `n_items` items, each normalized to monthly and rounded to the
 * currency's minor units with `rounding` (`COLL_ROUND_HALF_UP` is the usual choice; SFS examples
 * show both half-up and down). `items` may be NULL when `n_items` is 0.
 *
 * Fails, naming the field: `COLL_INVALID_ARGUMENT` (`household`: no adult, zero people or too many;
 * `aged_65_or_over`; `amount`: an item's amount negative or above 10^15; `items`: an amount finer
 * than the currency's minor units, the value naming the item, `#1 housing: 5.001`;
 * `items.category`, `items.frequency`, `rounding`: an unknown constant), `COLL_INVALID_DECIMAL`
 * (`items.amount`), `COLL_INVALID_DATE` (`date`), `COLL_UNKNOWN_CURRENCY` (`currency`),
 * `COLL_INVALID_UTF8` (`items.label`, `region`) or `COLL_OVERFLOW`. An error about one item names it
 * (`#2`) after the field.
 *
 * Ownership: every input is borrowed for the call (the statement keeps copies). On success `*out` is
 * a new handle the caller owns and frees with `coll_statement_free`.
 *
 * # Safety
 * `currency` and `household` are NULL or readable, the region NULL or valid for its length; `items`
 * is NULL or points to `n_items` readable items whose labels are NULL or valid for their lengths;
 * `out` is NULL or points to a writable `coll_statement *`.
 */
coll_status coll_statement_new(struct coll_date date,
                               const struct coll_currency *currency,
                               const struct coll_household *household,
                               const struct coll_statement_item *items,
                               size_t n_items,
                               coll_rounding_mode rounding,
                               struct coll_statement **out);

/**
 * Frees a statement (and the labels and region it lent). NULL is a no-op.
 *
 * # Safety
 * `statement` is NULL or a handle from this library that has not been freed.
 */
void coll_statement_free(struct coll_statement *statement);

/**
 * A copy of a statement, freed separately with `coll_statement_free`.
 *
 * Ownership: on success `*out` is a new handle the caller owns; the copy lends text of its own.
 *
 * # Safety
 * `statement` is NULL or a live handle; `out` is NULL or points to a writable `coll_statement *`.
 */
coll_status coll_statement_clone(const struct coll_statement *statement,
                                 struct coll_statement **out);

/**
 * The statement's date, currency, household (its region lent by the statement) and rounding, in
 * `*out`.
 *
 * # Safety
 * `statement` is NULL or a live handle; `out` is NULL or points to a writable `coll_statement_info`.
 */
coll_status coll_statement_get_info(const struct coll_statement *statement,
                                    struct coll_statement_info *out);

/**
 * The number of items.
 *
 * # Safety
 * `statement` is NULL or a live handle; `out` is NULL or points to a writable `size_t`.
 */
coll_status coll_statement_item_count(const struct coll_statement *statement, size_t *out);

/**
 * Item `index` as stated in `*out_item` (its label lent by the statement, NUL-terminated) and its
 * monthly amount in `*out_monthly`. Past the end: `COLL_INVALID_ARGUMENT` naming `index`.
 *
 * # Safety
 * `statement` is NULL or a live handle; `out_item` is NULL or points to a writable
 * `coll_statement_item`; `out_monthly` is NULL or points to a writable `coll_decimal`.
 */
coll_status coll_statement_item_at(const struct coll_statement *statement,
                                   size_t index,
                                   struct coll_statement_item *out_item,
                                   struct coll_decimal *out_monthly);

/**
 * The monthly total of one category (the sum of its items' rounded monthly amounts; zero when it has
 * none) in `*out`. An unknown number gives `COLL_INVALID_ARGUMENT` naming `category`.
 *
 * # Safety
 * `statement` is NULL or a live handle; `out` is NULL or points to a writable `coll_decimal`.
 */
coll_status coll_statement_monthly(const struct coll_statement *statement,
                                   coll_category category,
                                   struct coll_decimal *out);

/**
 * The monthly total of a section (income, fixed costs, ...) in `*out`. An unknown number gives
 * `COLL_INVALID_ARGUMENT` naming `section`.
 *
 * # Safety
 * `statement` is NULL or a live handle; `out` is NULL or points to a writable `coll_decimal`.
 */
coll_status coll_statement_section_total(const struct coll_statement *statement,
                                         coll_section section,
                                         struct coll_decimal *out);

/**
 * Fills `*out` with an empty row: no guideline name or categories (set them), allowed in full, per
 * household, an amount of 0, no keys (it matches every household), no region, no mark.
 *
 * # Safety
 * `out` is NULL or points to a writable `coll_guideline_row`.
 */
coll_status coll_guideline_row_init(struct coll_guideline_row *out);

/**
 * Fills `*out` with an empty table: no name (set it), an effective date of `effective`, no `until`,
 * no source, no rows.
 *
 * # Safety
 * `out` is NULL or points to a writable `coll_guideline_table`.
 */
coll_status coll_guideline_table_init(struct coll_date effective, struct coll_guideline_table *out);

/**
 * Guidelines of `n_tables` tables of the caller's own (the UK SFS trigger figures are licensed: none
 * ship). Two tables may not take effect on the same day, and a table with an `until` may not overlap
 * the next one; the tables are kept by effective date.
 *
 * Fails, naming the field: `COLL_INVALID_ARGUMENT` (`guidelines`: no table, a blank table name or
 * guideline, a guideline covering no category or other categories than in an earlier row, a category
 * in two guidelines, an amount outside 0 to 10^15, min above max, `until` before `effective`, two
 * tables effective the same day, overlapping tables, the value naming the table and row;
 * `tables.has_until` and the rows' `has_` flags not 0 or 1; `rows.rule`, `rows.unit`,
 * `rows.categories`: an unknown constant), `COLL_INVALID_DATE` (`tables.effective`, `tables.until`),
 * `COLL_INVALID_DECIMAL` (`rows.amount`, `rows.each_additional_person`), `COLL_INVALID_UTF8`
 * (`tables.name`, `tables.source`, `rows.guideline`, `rows.region`, `rows.mark`) or
 * `COLL_NULL_ARGUMENT` (an array or text NULL with a length). A conversion error names the table and
 * row after the field (`rows.rule: table #0 row #2: ...`).
 *
 * Ownership: every input is borrowed for the call (copied). On success `*out` is a new handle the
 * caller owns and frees with `coll_guidelines_free`.
 *
 * # Safety
 * `tables` is NULL or points to `n_tables` readable tables whose text, rows and the rows' text and
 * categories are NULL or valid for their lengths; `out` is NULL or points to a writable
 * `coll_guidelines *`.
 */
coll_status coll_guidelines_new(const struct coll_guideline_table *tables,
                                size_t n_tables,
                                struct coll_guidelines **out);

/**
 * The US IRS Collection Financial Standards as embedded: the 2024 set (`irs-2024`, effective
 * 2024-04-22) and the 2025 set (`irs-2025`, effective 2025-04-21), each row with its verification
 * mark. Guidelines: `national_standards` (allowed in full; food and housekeeping, personal costs,
 * communications and leisure), `out_of_pocket_health_care` (allowed in full, per person by age
 * band) and, for 2025, `vehicle_ownership` and `vehicle_operating` (the lesser of actual and the
 * standard, per vehicle, at most two; operating costs by region) and `public_transportation`.
 * Housing and utilities standards are set by county and are not embedded.
 *
 * Ownership: on success `*out` is a new handle the caller owns and frees with
 * `coll_guidelines_free`.
 *
 * # Safety
 * `out` is NULL or points to a writable `coll_guidelines *`.
 */
coll_status coll_guidelines_irs(struct coll_guidelines **out);

/**
 * Guidelines from JSON (`len` bytes of UTF-8): a list of `{"name", "effective", "until"?, "source"?,
 * "rows": [...]}` whose rows have the fields of `coll_guideline_row` (`guideline`, `categories`,
 * `rule` and `unit` by name, `amount` and `each_additional_person` as text, the keys as numbers,
 * `region` and `mark` as text; absent keys unset) — what `coll_guidelines_to_json` writes.
 *
 * Fails, naming the field: `COLL_INVALID_ARGUMENT` (`guidelines`: not JSON or not a list of tables,
 * the value giving the line and column, or any rule of `coll_guidelines_new`), `COLL_INVALID_UTF8`
 * (`text`).
 *
 * Ownership: `text` is borrowed for the call. On success `*out` is a new handle the caller owns and
 * frees with `coll_guidelines_free`.
 *
 * # Safety
 * `text` is NULL or points to `len` readable bytes; `out` is NULL or points to a writable
 * `coll_guidelines *`.
 */
coll_status coll_guidelines_from_json(const char *text,
                                      size_t len,
                                      struct coll_guidelines **out);

/**
 * Guidelines from CSV (`len` bytes of UTF-8) with a header row. Columns, in any order (the first
 * seven required): `table`, `effective`, `guideline`, `categories` (names separated by `;`), `rule`,
 * `unit`, `amount`, and optional `until`, `source`, `min_persons`, `max_persons`,
 * `each_additional_person`, `adults`, `children`, `min_vehicles`, `max_vehicles`, `max_units`,
 * `region`, `mark`. Rows with the same `table` and `effective` form one table; an empty cell is an
 * unset key.
 *
 * Fails, naming the field: `COLL_INVALID_ARGUMENT` (the column at fault, the value giving the line:
 * `effective` empty, `rule` unknown (`line 2: sometimes`), `until` differing within a table, a key
 * that is not a whole number; `guidelines`: a header without a required column, unreadable CSV, or
 * any rule of `coll_guidelines_new`), `COLL_INVALID_DATE` (`effective`, `until`),
 * `COLL_INVALID_DECIMAL` (`amount`, `each_additional_person`), `COLL_INVALID_UTF8` (`text`).
 *
 * Ownership: `text` is borrowed for the call. On success `*out` is a new handle the caller owns and
 * frees with `coll_guidelines_free`.
 *
 * # Safety
 * `text` is NULL or points to `len` readable bytes; `out` is NULL or points to a writable
 * `coll_guidelines *`.
 */
coll_status coll_guidelines_from_csv(const char *text,
                                     size_t len,
                                     struct coll_guidelines **out);

/**
 * The tables as JSON (the format `coll_guidelines_from_json` reads), written into `buf` with a NUL;
 * `*out_len` is its length without the NUL. When `buf_len` is too small: `COLL_BUFFER_TOO_SMALL`,
 * `buf` untouched, `*out_len` the size needed (with the NUL); `buf` may be NULL when `buf_len` is 0,
 * to ask for the size.
 *
 * # Safety
 * `guidelines` is NULL or a live handle; `buf` is NULL or points to `buf_len` writable bytes;
 * `out_len` is NULL or points to a writable `size_t`.
 */
coll_status coll_guidelines_to_json(const struct coll_guidelines *guidelines,
                                    char *buf,
                                    size_t buf_len,
                                    size_t *out_len);

/**
 * Frees guidelines (and the text and rows they lent). NULL is a no-op.
 *
 * # Safety
 * `guidelines` is NULL or a handle from this library that has not been freed.
 */
void coll_guidelines_free(struct coll_guidelines *guidelines);

/**
 * A copy of the guidelines, freed separately with `coll_guidelines_free`.
 *
 * Ownership: on success `*out` is a new handle the caller owns; the copy lends text of its own.
 *
 * # Safety
 * `guidelines` is NULL or a live handle; `out` is NULL or points to a writable `coll_guidelines *`.
 */
coll_status coll_guidelines_clone(const struct coll_guidelines *guidelines,
                                  struct coll_guidelines **out);

/**
 * The number of tables.
 *
 * # Safety
 * `guidelines` is NULL or a live handle; `out` is NULL or points to a writable `size_t`.
 */
coll_status coll_guidelines_table_count(const struct coll_guidelines *guidelines, size_t *out);

/**
 * Table `index` (by effective date) in `*out`: its name, dates, source and rows, all lent by the
 * guidelines (valid until they are freed; text NUL-terminated). Past the end:
 * `COLL_INVALID_ARGUMENT` naming `index`.
 *
 * # Safety
 * `guidelines` is NULL or a live handle; `out` is NULL or points to a writable
 * `coll_guideline_table`.
 */
coll_status coll_guidelines_table_at(const struct coll_guidelines *guidelines,
                                     size_t index,
                                     struct coll_guideline_table *out);

/**
 * The index (`coll_guidelines_table_at`) of the table in force on `date` in `*out_index`: the latest
 * to take effect on or before it, unless its `until` has passed.
 *
 * Fails, naming the field: `COLL_INVALID_ARGUMENT` (`date`: before every table, or after the `until`
 * of the table it falls under), `COLL_INVALID_DATE` (`date`).
 *
 * # Safety
 * `guidelines` is NULL or a live handle; `out_index` is NULL or points to a writable `size_t`.
 */
coll_status coll_guidelines_table_on(const struct coll_guidelines *guidelines,
                                     struct coll_date date,
                                     size_t *out_index);

/**
 * Fills `*out` with the core's default policy: no contingency, a low-spending fraction of 0.5, no
 * debt administration fee, half-up rounding.
 *
 * # Safety
 * `out` is NULL or points to a writable `coll_assessment_policy`.
 */
coll_status coll_assessment_policy_init(struct coll_assessment_policy *out);

/**
 * Fills `*out` with the contingency allowance of Scotland's Common Financial Tool: 10% of the
 * surplus (0.10), at most 20 a month.
 *
 * # Safety
 * `out` is NULL or points to a writable `coll_contingency`.
 */
coll_status coll_contingency_common_financial_tool(struct coll_contingency *out);

/**
 * Assesses `statement` against `guidelines` (NULL: none, every cost as stated is allowed), using the
 * table in force on the statement's date, under `policy` (NULL: the defaults of
 * `coll_assessment_policy_init`). Allowable expenditure is the fixed and flexible costs as stated,
 * except that the categories a guideline covers are allowed by its rule (in full, the lesser of
 * spending and the standard, or as spent with a trigger figure that only flags); a guideline with no
 * row for the household is noted and allows what was spent. Then surplus = income - allowable
 * expenditure - savings - fee - priority debts, the contingency from a positive surplus, and the
 * disposable income.
 *
 * Fails, naming the field: `COLL_INVALID_ARGUMENT` (`date`: the statement is dated before every
 * table, or after the `until` of the table it falls under; `guidelines`: rows of one guideline
 * matching the household with different rules; `contingency.percent`, `low_spending_fraction`: not
 * a fraction from 0 to 1; `contingency.cap`, `debt_administration_fee`: negative;
 * `debt_administration_fee` finer than the currency's minor units; `has_contingency` not 0 or 1;
 * `rounding` unknown), `COLL_INVALID_DECIMAL` (a policy field), `COLL_OVERFLOW`.
 *
 * Ownership: the inputs are borrowed for the call. On success `*out` is a new handle the caller owns
 * and frees with `coll_assessment_free`.
 *
 * # Safety
 * `statement` is NULL or a live handle; `guidelines` is NULL or a live handle; `policy` is NULL or
 * readable; `out` is NULL or points to a writable `coll_assessment *`.
 */
coll_status coll_assess(const struct coll_statement *statement,
                        const struct coll_guidelines *guidelines,
                        const struct coll_assessment_policy *policy,
                        struct coll_assessment **out);

/**
 * Frees an assessment (and the text it lent). NULL is a no-op.
 *
 * # Safety
 * `assessment` is NULL or a handle from this library that has not been freed.
 */
void coll_assessment_free(struct coll_assessment *assessment);

/**
 * A copy of an assessment, freed separately with `coll_assessment_free`.
 *
 * Ownership: on success `*out` is a new handle the caller owns; the copy lends text of its own.
 *
 * # Safety
 * `assessment` is NULL or a live handle; `out` is NULL or points to a writable `coll_assessment *`.
 */
coll_status coll_assessment_clone(const struct coll_assessment *assessment,
                                  struct coll_assessment **out);

/**
 * The figures (income, expenditure, allowable expenditure, surplus, contingency, disposable income,
 * ...) in `*out`, the table's name lent by the assessment.
 *
 * # Safety
 * `assessment` is NULL or a live handle; `out` is NULL or points to a writable
 * `coll_assessment_figures`.
 */
coll_status coll_assessment_get_figures(const struct coll_assessment *assessment,
                                        struct coll_assessment_figures *out);

/**
 * The number of guidelines applied (one per guideline with a row for the household, in the order
 * the table first names them).
 *
 * # Safety
 * `assessment` is NULL or a live handle; `out` is NULL or points to a writable `size_t`.
 */
coll_status coll_assessment_guideline_count(const struct coll_assessment *assessment, size_t *out);

/**
 * Guideline `index` as applied, in `*out` (its text and categories lent by the assessment). Past
 * the end: `COLL_INVALID_ARGUMENT` naming `index`.
 *
 * # Safety
 * `assessment` is NULL or a live handle; `out` is NULL or points to a writable `coll_guideline_use`.
 */
coll_status coll_assessment_guideline_at(const struct coll_assessment *assessment,
                                         size_t index,
                                         struct coll_guideline_use *out);

/**
 * Verification mark `mark` (`"T"`) of guideline `index`'s rows, lent by the assessment
 * (NUL-terminated) in `*out_mark`, its length in bytes in `*out_len`. Past the end:
 * `COLL_INVALID_ARGUMENT` naming `index` or `mark`.
 *
 * # Safety
 * `assessment` is NULL or a live handle; `out_mark` is NULL or points to a writable `const char *`;
 * `out_len` is NULL or points to a writable `size_t`.
 */
coll_status coll_assessment_guideline_mark_at(const struct coll_assessment *assessment,
                                              size_t index,
                                              size_t mark,
                                              const char **out_mark,
                                              size_t *out_len);

/**
 * The number of flags of unusually high or low spending.
 *
 * # Safety
 * `assessment` is NULL or a live handle; `out` is NULL or points to a writable `size_t`.
 */
coll_status coll_assessment_flag_count(const struct coll_assessment *assessment, size_t *out);

/**
 * Flag `index` in `*out` (its text and categories lent by the assessment). Past the end:
 * `COLL_INVALID_ARGUMENT` naming `index`.
 *
 * # Safety
 * `assessment` is NULL or a live handle; `out` is NULL or points to a writable
 * `coll_assessment_flag`.
 */
coll_status coll_assessment_flag_at(const struct coll_assessment *assessment,
                                    size_t index,
                                    struct coll_assessment_flag *out);

/**
 * The number of lines of the derivation: each item normalized, notes, each guideline applied, then
 * the totals (income, expenditure, allowable expenditure, surplus, contingency when the policy has
 * one, disposable income).
 *
 * # Safety
 * `assessment` is NULL or a live handle; `out` is NULL or points to a writable `size_t`.
 */
coll_status coll_assessment_line_count(const struct coll_assessment *assessment, size_t *out);

/**
 * Line `index` of the derivation in `*out` (its text lent by the assessment). Past the end:
 * `COLL_INVALID_ARGUMENT` naming `index`.
 *
 * # Safety
 * `assessment` is NULL or a live handle; `out` is NULL or points to a writable
 * `coll_assessment_line`.
 */
coll_status coll_assessment_line_at(const struct coll_assessment *assessment,
                                    size_t index,
                                    struct coll_assessment_line *out);

/**
 * A proposed monthly `payment` as a fraction of the disposable income (above 1: unaffordable), in
 * `*out`; `*out_has_value` false (and `*out` zero) when there is no disposable income.
 *
 * Fails, naming the field: `COLL_INVALID_ARGUMENT` (`payment` negative), `COLL_INVALID_DECIMAL`
 * (`payment`), `COLL_OVERFLOW`.
 *
 * # Safety
 * `assessment` is NULL or a live handle; `payment` is NULL or readable; `out_has_value` is NULL or
 * points to a writable `bool`; `out` is NULL or points to a writable `coll_decimal`.
 */
coll_status coll_assessment_affordability_ratio(const struct coll_assessment *assessment,
                                                const struct coll_decimal *payment,
                                                bool *out_has_value,
                                                struct coll_decimal *out);

/**
 * Monthly debt payments (the priority-debt payments plus what non-priority creditors are paid) as a
 * fraction of monthly income, the debt-to-income ratio, in `*out`; `*out_has_value` false (and
 * `*out` zero) when there is no income.
 *
 * Fails, naming the field: `COLL_INVALID_ARGUMENT` (`monthly_debt_payments` negative),
 * `COLL_INVALID_DECIMAL` (`monthly_debt_payments`), `COLL_OVERFLOW`.
 *
 * # Safety
 * `assessment` is NULL or a live handle; `monthly_debt_payments` is NULL or readable;
 * `out_has_value` is NULL or points to a writable `bool`; `out` is NULL or points to a writable
 * `coll_decimal`.
 */
coll_status coll_assessment_debt_to_income(const struct coll_assessment *assessment,
                                           const struct coll_decimal *monthly_debt_payments,
                                           bool *out_has_value,
                                           struct coll_decimal *out);

/**
 * Fills `*out` with the core's defaults: a token payment of 1, no minimum.
 *
 * # Safety
 * `out` is NULL or points to a writable `coll_offer_policy`.
 */
coll_status coll_offer_policy_init(struct coll_offer_policy *out);

/**
 * Splits `available` a month (in `currency`) among `n_creditors` creditors pro rata by balance
 * (available × balance / total owed), each offer rounded to the currency's minor units by the
 * largest-remainder method so the offers add up to `available` exactly (the cents left over go to the
 * largest remainders, ties to the earlier creditor). With nothing available (zero or less) every
 * creditor is offered the token payment. A creditor whose share falls below the policy's minimum gets
 * the token payment instead and the rest is shared again among the others; if the tokens would take
 * everything, the minimum is set aside and `available` is shared among all. `policy` may be NULL (the
 * defaults of `coll_offer_policy_init`); `creditors` may be NULL when `n_creditors` is 0 (which is
 * refused).
 *
 * Fails, naming the field: `COLL_INVALID_ARGUMENT` (`creditors`: none, a blank or repeated id, a
 * balance not above zero or finer than the currency's minor units, the value naming the creditor;
 * `available`, `token_payment`, `minimum`: finer than the minor units; `token_payment`, `minimum`:
 * negative), `COLL_INVALID_DECIMAL` (`available`, `creditors.balance`, `token_payment`, `minimum`),
 * `COLL_UNKNOWN_CURRENCY` (`currency`), `COLL_INVALID_UTF8` (`creditors.id`) or `COLL_OVERFLOW`. An
 * error about one creditor names it (`#1`) after the field.
 *
 * Ownership: every input is borrowed for the call. On success `*out` is a new handle the caller owns
 * and frees with `coll_fair_share_free`.
 *
 * # Safety
 * `available` and `currency` are NULL or readable; `creditors` is NULL or points to `n_creditors`
 * readable creditors whose ids are NULL or valid for their lengths; `policy` is NULL or readable;
 * `out` is NULL or points to a writable `coll_fair_share *`.
 */
coll_status coll_fair_share_new(const struct coll_decimal *available,
                                const struct coll_currency *currency,
                                const struct coll_creditor *creditors,
                                size_t n_creditors,
                                const struct coll_offer_policy *policy,
                                struct coll_fair_share **out);

/**
 * Frees a fair share (and the ids it lent). NULL is a no-op.
 *
 * # Safety
 * `fair_share` is NULL or a handle from this library that has not been freed.
 */
void coll_fair_share_free(struct coll_fair_share *fair_share);

/**
 * A copy of a fair share, freed separately with `coll_fair_share_free`.
 *
 * Ownership: on success `*out` is a new handle the caller owns; the copy lends text of its own.
 *
 * # Safety
 * `fair_share` is NULL or a live handle; `out` is NULL or points to a writable `coll_fair_share *`.
 */
coll_status coll_fair_share_clone(const struct coll_fair_share *fair_share,
                                  struct coll_fair_share **out);

/**
 * What was available, the total offered and the two flags, in `*out`.
 *
 * # Safety
 * `fair_share` is NULL or a live handle; `out` is NULL or points to a writable
 * `coll_fair_share_totals`.
 */
coll_status coll_fair_share_get_totals(const struct coll_fair_share *fair_share,
                                       struct coll_fair_share_totals *out);

/**
 * The number of offers: one per creditor, in the order given.
 *
 * # Safety
 * `fair_share` is NULL or a live handle; `out` is NULL or points to a writable `size_t`.
 */
coll_status coll_fair_share_offer_count(const struct coll_fair_share *fair_share, size_t *out);

/**
 * Offer `index` (the creditor at `index` in the list given) in `*out`, its creditor id lent by the
 * fair share. Past the end: `COLL_INVALID_ARGUMENT` naming `index`.
 *
 * # Safety
 * `fair_share` is NULL or a live handle; `out` is NULL or points to a writable `coll_offer`.
 */
coll_status coll_fair_share_offer_at(const struct coll_fair_share *fair_share,
                                     size_t index,
                                     struct coll_offer *out);

/**
 * Fills `*out` with the core's default policy: at most 60 months, no minimum payment, all of the
 * disposable income, interest frozen when the payment does not cover it, fallbacks of a token payment
 * of 1, 60 days of breathing space and 3 months of forbearance, half-up rounding.
 *
 * # Safety
 * `out` is NULL or points to a writable `coll_plan_policy`.
 */
coll_status coll_plan_policy_init(struct coll_plan_policy *out);

/**
 * Fills `*out` with the IRS streamlined installment agreement: at most 72 months, a minimum of the
 * larger of 25 and the balance / 72 (rounded up to the cent), interest never frozen; the other
 * fields as `coll_plan_policy_init`.
 *
 * # Safety
 * `out` is NULL or points to a writable `coll_plan_policy`.
 */
coll_status coll_plan_policy_irs_streamlined(struct coll_plan_policy *out);

/**
 * Proposes a plan per debt from `assessment`: its disposable income (times the policy's share,
 * rounded down to the cent) is shared among the `n_debts` debts pro rata by balance, as
 * `coll_fair_share_new` does; each debt's share is its payment (never more than clears it), accepted
 * when it is at least the policy's minimum, covers the month's interest (or interest is frozen) and
 * clears the debt within the longest term. Otherwise the debt gets the fallbacks (a token payment, a
 * breathing space, forbearance), each recommendation with its reasons. `policy` may be NULL (the
 * defaults of `coll_plan_policy_init`).
 *
 * Fails, naming the field: `COLL_INVALID_ARGUMENT` (`debts`: none, a blank or repeated id, a balance
 * not above zero or finer than the currency's minor units, an annual rate outside 0 to 10, the value
 * naming the debt; `max_term_months` outside 1 to `COLL_MAX_TERM_MONTHS`; `max_share_of_surplus` not
 * above 0 and at most 1; `token_payment`, `minimum_payment` negative; `minimum_payment` given with
 * `COLL_MINIMUM_PAYMENT_IRS_STREAMLINED`; `minimum_payment_kind`, `freeze_interest`, `rounding`
 * unknown), `COLL_INVALID_DECIMAL` (`debts.balance`, `debts.annual_rate`, a policy field),
 * `COLL_INVALID_UTF8` (`debts.id`) or `COLL_OVERFLOW`. An error about one debt the C side reads names
 * it (`#1`) after the field.
 *
 * Ownership: every input is borrowed for the call. On success `*out` is a new handle the caller owns
 * and frees with `coll_recommendations_free`.
 *
 * # Safety
 * `assessment` is NULL or a live handle; `debts` is NULL or points to `n_debts` readable debts whose
 * ids are NULL or valid for their lengths; `policy` is NULL or readable; `out` is NULL or points to a
 * writable `coll_recommendations *`.
 */
coll_status coll_recommend(const struct coll_assessment *assessment,
                           const struct coll_plan_debt *debts,
                           size_t n_debts,
                           const struct coll_plan_policy *policy,
                           struct coll_recommendations **out);

/**
 * Frees recommendations (and the text they lent). NULL is a no-op.
 *
 * # Safety
 * `recommendations` is NULL or a handle from this library that has not been freed.
 */
void coll_recommendations_free(struct coll_recommendations *recommendations);

/**
 * A copy of the recommendations, freed separately with `coll_recommendations_free`.
 *
 * Ownership: on success `*out` is a new handle the caller owns; the copy lends text of its own.
 *
 * # Safety
 * `recommendations` is NULL or a live handle; `out` is NULL or points to a writable
 * `coll_recommendations *`.
 */
coll_status coll_recommendations_clone(const struct coll_recommendations *recommendations,
                                       struct coll_recommendations **out);

/**
 * The number of recommendations: one per debt, in the order given.
 *
 * # Safety
 * `recommendations` is NULL or a live handle; `out` is NULL or points to a writable `size_t`.
 */
coll_status coll_recommendations_count(const struct coll_recommendations *recommendations,
                                       size_t *out);

/**
 * Recommendation `index` (for the debt at `index`) in `*out`, its debt id lent by the
 * recommendations. Past the end: `COLL_INVALID_ARGUMENT` naming `index`.
 *
 * # Safety
 * `recommendations` is NULL or a live handle; `out` is NULL or points to a writable
 * `coll_recommendation`.
 */
coll_status coll_recommendations_at(const struct coll_recommendations *recommendations,
                                    size_t index,
                                    struct coll_recommendation *out);

/**
 * Fallback `fallback` of recommendation `index` in `*out`. Past the end: `COLL_INVALID_ARGUMENT`
 * naming `index` or `fallback`.
 *
 * # Safety
 * `recommendations` is NULL or a live handle; `out` is NULL or points to a writable `coll_fallback`.
 */
coll_status coll_recommendations_fallback_at(const struct coll_recommendations *recommendations,
                                             size_t index,
                                             size_t fallback,
                                             struct coll_fallback *out);

/**
 * Reason `reason` of recommendation `index` (`"fair share of 150.00 available: ..."`), lent by the
 * recommendations (NUL-terminated) in `*out_reason`, its length in bytes in `*out_len`. Past the end:
 * `COLL_INVALID_ARGUMENT` naming `index` or `reason`.
 *
 * # Safety
 * `recommendations` is NULL or a live handle; `out_reason` is NULL or points to a writable
 * `const char *`; `out_len` is NULL or points to a writable `size_t`.
 */
coll_status coll_recommendations_reason_at(const struct coll_recommendations *recommendations,
                                           size_t index,
                                           size_t reason,
                                           const char **out_reason,
                                           size_t *out_len);

/**
 * The instant of RFC 3339 text (`"2026-04-08T08:00:00-04:00"`, any offset; `Z` for UTC) as Unix
 * seconds in `*out` (fractions of a second are dropped). Other text: `COLL_INVALID_DATE` naming
 * `text`; bad UTF-8: `COLL_INVALID_UTF8`.
 *
 * # Safety
 * `text` is NULL or points to `len` readable bytes; `out` is NULL or points to a writable `int64_t`.
 */
coll_status coll_instant_from_rfc3339(const char *text,
                                      size_t len,
                                      int64_t *out);

/**
 * The RFC 3339 text of an instant in UTC (`"2026-04-08T12:00:00Z"`) written into `buf` with a NUL;
 * `*out_len` is its length without the NUL. When `buf_len` is too small: `COLL_BUFFER_TOO_SMALL`,
 * `buf` untouched, `*out_len` the size needed (with the NUL); `buf` may be NULL when `buf_len` is 0,
 * to ask for the size. An instant chrono cannot represent: `COLL_DATE_OUT_OF_RANGE` naming `seconds`.
 *
 * # Safety
 * `buf` is NULL or points to `buf_len` writable bytes; `out_len` is NULL or points to a writable
 * `size_t`.
 */
coll_status coll_instant_to_rfc3339(int64_t seconds,
                                    char *buf,
                                    size_t buf_len,
                                    size_t *out_len);

/**
 * The `COLL_CONTACT_CHANNEL_` constant named by `name`: `call`, `ringless_voicemail`, `text`, `email`, `letter` or `visit`. Case, `-`, `_` and spaces are not significant.
 * Unknown names give `COLL_INVALID_ARGUMENT` naming `channel`.
 *
 * # Safety
 * `name` is NULL or points to `len` readable bytes; `out` is NULL or points to a writable
 * `coll_contact_channel`.
 */
coll_status coll_contact_channel_from_name(const char *name,
                                           size_t len,
                                           coll_contact_channel *out);

/**
 * The name of a `COLL_CONTACT_CHANNEL_` constant (`"ringless_voicemail"`) in `*out`. An unknown number gives
 * `COLL_INVALID_ARGUMENT` naming `channel`.
 *
 * Ownership: `*out` is a static string; never free it.
 *
 * # Safety
 * `out` is NULL or points to a writable `const char *`.
 */
coll_status coll_contact_channel_name(coll_contact_channel channel,
                                      const char **out);

/**
 * The `COLL_CONTACT_DIRECTION_` constant named by `name`: `outbound` or `inbound`. Case, `-`, `_` and spaces are not significant.
 * Unknown names give `COLL_INVALID_ARGUMENT` naming `direction`.
 *
 * # Safety
 * `name` is NULL or points to `len` readable bytes; `out` is NULL or points to a writable
 * `coll_contact_direction`.
 */
coll_status coll_contact_direction_from_name(const char *name,
                                             size_t len,
                                             coll_contact_direction *out);

/**
 * The name of a `COLL_CONTACT_DIRECTION_` constant (`"inbound"`) in `*out`. An unknown number gives
 * `COLL_INVALID_ARGUMENT` naming `direction`.
 *
 * Ownership: `*out` is a static string; never free it.
 *
 * # Safety
 * `out` is NULL or points to a writable `const char *`.
 */
coll_status coll_contact_direction_name(coll_contact_direction direction, const char **out);

/**
 * The `COLL_CONTACT_OUTCOME_` constant named by `name`: `busy`, `not_in_service`, `no_answer`, `voicemail`,
 * `limited_content_message`, `right_party_conversation`, `third_party`, `wrong_number`, `sent` or
 * `undeliverable`. Case, `-`, `_` and spaces are not significant.
 * Unknown names give `COLL_INVALID_ARGUMENT` naming `outcome`.
 *
 * # Safety
 * `name` is NULL or points to `len` readable bytes; `out` is NULL or points to a writable
 * `coll_contact_outcome`.
 */
coll_status coll_contact_outcome_from_name(const char *name,
                                           size_t len,
                                           coll_contact_outcome *out);

/**
 * The name of a `COLL_CONTACT_OUTCOME_` constant (`"no_answer"`) in `*out`. An unknown number gives
 * `COLL_INVALID_ARGUMENT` naming `outcome`.
 *
 * Ownership: `*out` is a static string; never free it.
 *
 * # Safety
 * `out` is NULL or points to a writable `const char *`.
 */
coll_status coll_contact_outcome_name(coll_contact_outcome outcome, const char **out);

/**
 * The `COLL_CONTACT_FLAG_` constant named by `name`: `cease_received`, `attorney_representation`,
 * `bankruptcy`, `deceased`, `dispute_pending`, `validation_period` or `breathing_space`. Case, `-`, `_` and spaces are not significant.
 * Unknown names give `COLL_INVALID_ARGUMENT` naming `flags.kind`.
 *
 * # Safety
 * `name` is NULL or points to `len` readable bytes; `out` is NULL or points to a writable
 * `coll_contact_flag_kind`.
 */
coll_status coll_contact_flag_kind_from_name(const char *name,
                                             size_t len,
                                             coll_contact_flag_kind *out);

/**
 * The name of a `COLL_CONTACT_FLAG_` constant (`"cease_received"`) in `*out`. An unknown number gives
 * `COLL_INVALID_ARGUMENT` naming `flags.kind`.
 *
 * Ownership: `*out` is a static string; never free it.
 *
 * # Safety
 * `out` is NULL or points to a writable `const char *`.
 */
coll_status coll_contact_flag_kind_name(coll_contact_flag_kind kind,
                                        const char **out);

/**
 * The `COLL_CONTACT_PURPOSE_` constant named by `name`: `collection`, `cease_notice` or `opt_out_confirmation`. Case, `-`, `_` and spaces are not significant.
 * Unknown names give `COLL_INVALID_ARGUMENT` naming `purpose`.
 *
 * # Safety
 * `name` is NULL or points to `len` readable bytes; `out` is NULL or points to a writable
 * `coll_contact_purpose`.
 */
coll_status coll_contact_purpose_from_name(const char *name,
                                           size_t len,
                                           coll_contact_purpose *out);

/**
 * The name of a `COLL_CONTACT_PURPOSE_` constant (`"cease_notice"`) in `*out`. An unknown number gives
 * `COLL_INVALID_ARGUMENT` naming `purpose`.
 *
 * Ownership: `*out` is a static string; never free it.
 *
 * # Safety
 * `out` is NULL or points to a writable `const char *`.
 */
coll_status coll_contact_purpose_name(coll_contact_purpose purpose,
                                      const char **out);

/**
 * The US federal baseline: Regulation F (time of day at every candidate zone, inconvenient times, the
 * seven-in-seven and post-conversation call frequencies, attorney, cease, place of employment,
 * opt-outs, dispute hold), the TCPA's autodialer consent and the status holds (bankruptcy, deceased).
 * A profile with no time zone is blocked; the next eligible instant is searched 400 days ahead.
 *
 * Ownership: on success `*out` is a new handle the caller owns and frees with
 * `coll_contact_policy_free`.
 *
 * # Safety
 * `out` is NULL or points to a writable `coll_contact_policy *`.
 */
coll_status coll_contact_policy_us_federal(struct coll_contact_policy **out);

/**
 * The rules of the named presets, in order: `regulation_f`, `tcpa`, `status_holds`,
 * `massachusetts`, `washington`, `new_york_city`, `florida`, `united_kingdom` (case, `-`, `_` and
 * spaces not significant). A profile with no time zone is blocked.
 *
 * Fails, naming the field: `COLL_INVALID_ARGUMENT` (`presets`: an unknown name, or none; `rules.id`:
 * a preset named twice; `rules`: time-of-day windows that leave no time on a channel),
 * `COLL_INVALID_UTF8` or `COLL_NULL_ARGUMENT` (`names`: the array NULL with a count, or a name NULL
 * with a length; the message names the item, `names: #1: ...`).
 *
 * Ownership: the names are borrowed for the call. On success `*out` is a new handle the caller owns
 * and frees with `coll_contact_policy_free`.
 *
 * # Safety
 * `names` is NULL or points to `n_names` readable `coll_contact_text`s, each valid for its length;
 * `out` is NULL or points to a writable `coll_contact_policy *`.
 */
coll_status coll_contact_policy_from_presets(const struct coll_contact_text *names,
                                             size_t n_names,
                                             struct coll_contact_policy **out);

/**
 * A policy from JSON (`len` bytes of UTF-8), the core's form: `{"presets": [names], "rules": [rules],
 * "disable": [rule ids], "missing_time_zone": "block" | {"assume": "America/New_York"},
 * "search_days": 400}`, every member optional but some rule required; a rule is `{"id", "citation"?,
 * "mark"?, "effective_from"?, "kind", ...settings}` (`coll_contact_policy_to_json` writes the rules
 * out in full).
 *
 * Fails, naming `policy` and then the core's field: `COLL_INVALID_ARGUMENT` (`policy: presets: ...`
 * for an unknown preset; `disable`, `rules`, `rules.id`, `rules.end`, `time_zones` (an assumed zone),
 * `search_days`, ...; not JSON or not a policy: the line and column); `COLL_INVALID_UTF8` naming
 * `text`.
 *
 * Ownership: `text` is borrowed for the call. On success `*out` is a new handle the caller owns and
 * frees with `coll_contact_policy_free`.
 *
 * # Safety
 * `text` is NULL or points to `len` readable bytes; `out` is NULL or points to a writable
 * `coll_contact_policy *`.
 */
coll_status coll_contact_policy_from_json(const char *text,
                                          size_t len,
                                          struct coll_contact_policy **out);

/**
 * The policy as JSON (every rule in full, the form `coll_contact_policy_from_json` reads), written
 * into `buf` with a NUL; `*out_len` is its length without the NUL. When `buf_len` is too small:
 * `COLL_BUFFER_TOO_SMALL`, `buf` untouched, `*out_len` the size needed (with the NUL); `buf` may be
 * NULL when `buf_len` is 0, to ask for the size.
 *
 * # Safety
 * `policy` is NULL or a live handle; `buf` is NULL or points to `buf_len` writable bytes; `out_len`
 * is NULL or points to a writable `size_t`.
 */
coll_status coll_contact_policy_to_json(const struct coll_contact_policy *policy,
                                        char *buf,
                                        size_t buf_len,
                                        size_t *out_len);

/**
 * A copy of the policy, freed separately with `coll_contact_policy_free`.
 *
 * # Safety
 * `policy` is NULL or a live handle; `out` is NULL or points to a writable `coll_contact_policy *`.
 */
coll_status coll_contact_policy_clone(const struct coll_contact_policy *policy,
                                      struct coll_contact_policy **out);

/**
 * Frees a policy (and the text it lent). NULL is a no-op.
 *
 * # Safety
 * `policy` is NULL or a handle from this library that has not been freed.
 */
void coll_contact_policy_free(struct coll_contact_policy *policy);

/**
 * The number of rules.
 *
 * # Safety
 * `policy` is NULL or a live handle; `out` is NULL or points to a writable `size_t`.
 */
coll_status coll_contact_policy_rule_count(const struct coll_contact_policy *policy, size_t *out);

/**
 * Rule `index` (in the policy's order) in `*out`, its text lent by the policy. Past the end:
 * `COLL_INVALID_ARGUMENT` naming `index`.
 *
 * # Safety
 * `policy` is NULL or a live handle; `out` is NULL or points to a writable `coll_contact_rule_info`.
 */
coll_status coll_contact_policy_rule_at(const struct coll_contact_policy *policy,
                                        size_t index,
                                        struct coll_contact_rule_info *out);

/**
 * Fills `*out` with an attempt at `at` 0 with no `at_text`: an outbound call with no answer, no
 * destination (set it) and no debts.
 *
 * # Safety
 * `out` is NULL or points to a writable `coll_contact_attempt`.
 */
coll_status coll_contact_attempt_init(struct coll_contact_attempt *out);

/**
 * Fills `*out` with a request at `at` 0 with no `at_text`: a call, not autodialed, for collection,
 * with no person, debt or destination (set them).
 *
 * # Safety
 * `out` is NULL or points to a writable `coll_contact_request_fields`.
 */
coll_status coll_contact_request_fields_init(struct coll_contact_request_fields *out);

/**
 * A profile from JSON (`len` bytes of UTF-8), the core's form: `{"person", "time_zones": [IANA
 * names], "destinations": [{"address", "medium": "phone" | "email" | "postal", "line"?: "cell" |
 * "landline" | "unknown", "place_of_employment"?, "employer_prohibits_contact"?,
 * "employer_provided_email"?, "party"?}], "prior_consents"?, "tcpa_consents"?, "opt_outs"?,
 * "time_place_consents"?, "inconvenient_times"?, "inconvenient_dates"?, "flags"?: [{"kind", "debt"?,
 * "from", "until"?}], "combined_debts"?}`; instants are RFC 3339 text.
 *
 * Fails, naming `profile` and then the core's field where there is one: `COLL_INVALID_ARGUMENT`
 * (`profile: time_zones: ...` for an unknown zone name; `person`, `destinations.address`,
 * `tcpa_consents.destination`, `flags.until`, ...; not JSON or not a profile: the line and column),
 * `COLL_INVALID_DATE` (`profile: ...: not a valid date`); `COLL_INVALID_UTF8` naming `text`.
 *
 * Ownership: `text` is borrowed for the call. On success `*out` is a new handle the caller owns and
 * frees with `coll_contact_profile_free`.
 *
 * # Safety
 * `text` is NULL or points to `len` readable bytes; `out` is NULL or points to a writable
 * `coll_contact_profile *`.
 */
coll_status coll_contact_profile_from_json(const char *text,
                                           size_t len,
                                           struct coll_contact_profile **out);

/**
 * The profile as JSON (the form `coll_contact_profile_from_json` reads), written into `buf` with a
 * NUL; `*out_len` is its length without the NUL. When `buf_len` is too small:
 * `COLL_BUFFER_TOO_SMALL`, `buf` untouched, `*out_len` the size needed (with the NUL); `buf` may be
 * NULL when `buf_len` is 0, to ask for the size.
 *
 * # Safety
 * `profile` is NULL or a live handle; `buf` is NULL or points to `buf_len` writable bytes; `out_len`
 * is NULL or points to a writable `size_t`.
 */
coll_status coll_contact_profile_to_json(const struct coll_contact_profile *profile,
                                         char *buf,
                                         size_t buf_len,
                                         size_t *out_len);

/**
 * A copy of the profile, freed separately with `coll_contact_profile_free`.
 *
 * # Safety
 * `profile` is NULL or a live handle; `out` is NULL or points to a writable
 * `coll_contact_profile *`.
 */
coll_status coll_contact_profile_clone(const struct coll_contact_profile *profile,
                                       struct coll_contact_profile **out);

/**
 * Frees a profile. NULL is a no-op.
 *
 * # Safety
 * `profile` is NULL or a handle from this library that has not been freed.
 */
void coll_contact_profile_free(struct coll_contact_profile *profile);

/**
 * An empty history.
 *
 * Ownership: on success `*out` is a new handle the caller owns and frees with
 * `coll_contact_history_free`.
 *
 * # Safety
 * `out` is NULL or points to a writable `coll_contact_history *`.
 */
coll_status coll_contact_history_new(struct coll_contact_history **out);

/**
 * A history from JSON (`len` bytes of UTF-8), the core's form: a list of attempts `{"at": RFC 3339,
 * "channel", "direction", "outcome", "destination", "debts"?: [ids], "also_discussed"?: [ids]}` in
 * any order (they are sorted by instant).
 *
 * Fails, naming `history` and then the core's field: `COLL_INVALID_ARGUMENT` (`history.channel`,
 * `history.direction`, `history.outcome`: an unknown name, naming the attempt, as in `history:
 * history.outcome: attempt #0: ...`; an attempt the core refuses: `history.at`, `history.outcome`,
 * `history.destination`, `history.debts`; not JSON or not a list of attempts: the line and column);
 * `COLL_INVALID_UTF8` naming `text`.
 *
 * Ownership: `text` is borrowed for the call. On success `*out` is a new handle the caller owns and
 * frees with `coll_contact_history_free`.
 *
 * # Safety
 * `text` is NULL or points to `len` readable bytes; `out` is NULL or points to a writable
 * `coll_contact_history *`.
 */
coll_status coll_contact_history_from_json(const char *text,
                                           size_t len,
                                           struct coll_contact_history **out);

/**
 * The history as JSON (the form `coll_contact_history_from_json` reads, oldest first), written into
 * `buf` with a NUL; `*out_len` is its length without the NUL. When `buf_len` is too small:
 * `COLL_BUFFER_TOO_SMALL`, `buf` untouched, `*out_len` the size needed (with the NUL); `buf` may be
 * NULL when `buf_len` is 0, to ask for the size.
 *
 * # Safety
 * `history` is NULL or a live handle; `buf` is NULL or points to `buf_len` writable bytes; `out_len`
 * is NULL or points to a writable `size_t`.
 */
coll_status coll_contact_history_to_json(const struct coll_contact_history *history,
                                         char *buf,
                                         size_t buf_len,
                                         size_t *out_len);

/**
 * Adds an attempt to the history (kept in time order). Nothing changes on failure.
 *
 * Fails, naming the field: `COLL_INVALID_ARGUMENT` (`history.channel`, `history.direction`,
 * `history.outcome`: an unknown constant, or a message outcome for a call; `history.destination`:
 * blank; `history.debts`, `history.also_discussed`: a blank id; `history.at`: outside the years 1900
 * to 2200), `COLL_INVALID_DATE` (`history.at`: `at_text` not RFC 3339), `COLL_DATE_OUT_OF_RANGE`
 * (`history.at`), `COLL_INVALID_UTF8` or `COLL_NULL_ARGUMENT` (a text or array NULL with a length).
 *
 * Ownership: `attempt` and its text are borrowed for the call (copied).
 *
 * # Safety
 * `history` is NULL or a live handle no other thread uses during the call; `attempt` is NULL or
 * points to a readable `coll_contact_attempt` whose text and arrays are valid for their lengths.
 */
coll_status coll_contact_history_append(struct coll_contact_history *history,
                                        const struct coll_contact_attempt *attempt);

/**
 * The number of attempts.
 *
 * # Safety
 * `history` is NULL or a live handle; `out` is NULL or points to a writable `size_t`.
 */
coll_status coll_contact_history_count(const struct coll_contact_history *history, size_t *out);

/**
 * A copy of the history, freed separately with `coll_contact_history_free`.
 *
 * # Safety
 * `history` is NULL or a live handle; `out` is NULL or points to a writable
 * `coll_contact_history *`.
 */
coll_status coll_contact_history_clone(const struct coll_contact_history *history,
                                       struct coll_contact_history **out);

/**
 * Frees a history. NULL is a no-op.
 *
 * # Safety
 * `history` is NULL or a handle from this library that has not been freed.
 */
void coll_contact_history_free(struct coll_contact_history *history);

/**
 * A request from its fields.
 *
 * Fails, naming the field: `COLL_INVALID_ARGUMENT` (`person`, `debt`: blank; `channel`, `purpose`:
 * an unknown constant; `autodialed`: not 0 or 1; `at`: outside the years 1900 to 2200),
 * `COLL_INVALID_DATE` (`at`: `at_text` not RFC 3339), `COLL_DATE_OUT_OF_RANGE` (`at`),
 * `COLL_INVALID_UTF8` or `COLL_NULL_ARGUMENT` (a text NULL with a length).
 *
 * Ownership: `fields` and its text are borrowed for the call (copied). On success `*out` is a new
 * handle the caller owns and frees with `coll_contact_request_free`.
 *
 * # Safety
 * `fields` is NULL or points to a readable `coll_contact_request_fields` whose text is valid for its
 * lengths; `out` is NULL or points to a writable `coll_contact_request *`.
 */
coll_status coll_contact_request_new(const struct coll_contact_request_fields *fields,
                                     struct coll_contact_request **out);

/**
 * A request from JSON (`len` bytes of UTF-8), the core's form: `{"person", "debt", "channel",
 * "destination", "at": RFC 3339, "autodialed"?: false, "purpose"?: "collection"}`.
 *
 * Fails, naming `request` and then the core's field: `COLL_INVALID_ARGUMENT` (`request: channel:
 * ...`, `purpose`: an unknown name; `person`, `debt`, `at`: blank, or outside the years 1900 to
 * 2200; not JSON or not a request: the line and column); `COLL_INVALID_UTF8` naming `text`.
 *
 * Ownership: `text` is borrowed for the call. On success `*out` is a new handle the caller owns and
 * frees with `coll_contact_request_free`.
 *
 * # Safety
 * `text` is NULL or points to `len` readable bytes; `out` is NULL or points to a writable
 * `coll_contact_request *`.
 */
coll_status coll_contact_request_from_json(const char *text,
                                           size_t len,
                                           struct coll_contact_request **out);

/**
 * The same request at another instant (`at`, Unix seconds): a scheduler asking again.
 *
 * Fails, naming the field: `COLL_INVALID_ARGUMENT` (`at`: outside the years 1900 to 2200),
 * `COLL_DATE_OUT_OF_RANGE` (`at`).
 *
 * Ownership: on success `*out` is a new handle the caller owns and frees with
 * `coll_contact_request_free`.
 *
 * # Safety
 * `request` is NULL or a live handle; `out` is NULL or points to a writable `coll_contact_request *`.
 */
coll_status coll_contact_request_at(const struct coll_contact_request *request,
                                    int64_t at,
                                    struct coll_contact_request **out);

/**
 * The request as JSON (the form `coll_contact_request_from_json` reads), written into `buf` with a
 * NUL; `*out_len` is its length without the NUL. When `buf_len` is too small:
 * `COLL_BUFFER_TOO_SMALL`, `buf` untouched, `*out_len` the size needed (with the NUL); `buf` may be
 * NULL when `buf_len` is 0, to ask for the size.
 *
 * # Safety
 * `request` is NULL or a live handle; `buf` is NULL or points to `buf_len` writable bytes; `out_len`
 * is NULL or points to a writable `size_t`.
 */
coll_status coll_contact_request_to_json(const struct coll_contact_request *request,
                                         char *buf,
                                         size_t buf_len,
                                         size_t *out_len);

/**
 * Frees a request. NULL is a no-op.
 *
 * # Safety
 * `request` is NULL or a handle from this library that has not been freed.
 */
void coll_contact_request_free(struct coll_contact_request *request);

/**
 * Fills `*out` with a destination: no address (set it), a phone of unknown line, not at work, the
 * consumer's.
 *
 * # Safety
 * `out` is NULL or points to a writable `coll_contact_destination`.
 */
coll_status coll_contact_destination_init(struct coll_contact_destination *out);

/**
 * A profile for a person (a non-blank id) in zero or more IANA time zones (`America/New_York`, ...;
 * contact must suit every one), with no destinations yet. A profile with no zone is blocked or given
 * an assumed zone by the policy.
 *
 * Fails, naming the field: `COLL_INVALID_ARGUMENT` (`person`: blank; `time_zones`: an unknown zone
 * name), `COLL_INVALID_UTF8` or `COLL_NULL_ARGUMENT` (`person`, `time_zones`: text or array NULL with a
 * length).
 *
 * Ownership: the text is borrowed for the call. On success `*out` is a new handle the caller owns and
 * frees with `coll_contact_profile_free`.
 *
 * # Safety
 * `person` is NULL or points to `person_len` readable bytes; `time_zones` is NULL or points to
 * `n_time_zones` readable `coll_contact_text`s, each valid for its length; `out` is NULL or points to a
 * writable `coll_contact_profile *`.
 */
coll_status coll_contact_profile_new(const char *person,
                                     size_t person_len,
                                     const struct coll_contact_text *time_zones,
                                     size_t n_time_zones,
                                     struct coll_contact_profile **out);

/**
 * Adds a destination to the profile. Nothing changes on failure.
 *
 * Fails, naming the field: `COLL_INVALID_ARGUMENT` (`destinations.address`: blank or already in the
 * profile; `destinations.medium`, `destinations.line`, `destinations.party`: an unknown constant, or a
 * line kind for what is not a phone; `destinations.place_of_employment`,
 * `destinations.employer_prohibits_contact`, `destinations.employer_provided_email`: not 0 or 1, or
 * an employer-provided address that is not an email), `COLL_INVALID_UTF8` or `COLL_NULL_ARGUMENT`.
 *
 * # Safety
 * `profile` is NULL or a live handle no other thread uses during the call; `destination` is NULL or
 * points to a readable `coll_contact_destination` whose text is valid for its length.
 */
coll_status coll_contact_profile_add_destination(struct coll_contact_profile *profile,
                                                 const struct coll_contact_destination *destination);

/**
 * Adds a status flag: `kind` (a `COLL_CONTACT_FLAG_` constant) in force from `from` (Unix seconds)
 * until `until` (exclusive) when `has_until` is 1, about the debt `debt` or, when `debt` is NULL with
 * `debt_len` 0, every debt of the person. Nothing changes on failure.
 *
 * Fails, naming the field: `COLL_INVALID_ARGUMENT` (`flags.kind`: an unknown constant; `flags.debt`:
 * blank; `flags.from`, `flags.until`: outside the years 1900 to 2200, or `until` not after `from`;
 * `has_until`: not 0 or 1), `COLL_DATE_OUT_OF_RANGE` (`flags.from`, `flags.until`),
 * `COLL_INVALID_UTF8` or `COLL_NULL_ARGUMENT`.
 *
 * # Safety
 * `profile` is NULL or a live handle no other thread uses during the call; `debt` is NULL or points
 * to `debt_len` readable bytes.
 */
coll_status coll_contact_profile_add_flag(struct coll_contact_profile *profile,
                                          coll_contact_flag_kind kind,
                                          const char *debt,
                                          size_t debt_len,
                                          int64_t from,
                                          uint8_t has_until,
                                          int64_t until);

/**
 * The `COLL_CONTACT_MEDIUM_` constant named by `name`: `phone`, `email` or `postal`. Case, `-`, `_`
 * and spaces are not significant. Unknown names give `COLL_INVALID_ARGUMENT` naming `medium`.
 *
 * # Safety
 * `name` is NULL or points to `len` readable bytes; `out` is NULL or points to a writable
 * `coll_contact_medium`.
 */
coll_status coll_contact_medium_from_name(const char *name, size_t len, coll_contact_medium *out);

/**
 * The name of a `COLL_CONTACT_MEDIUM_` constant (`"postal"`) in `*out`. An unknown number gives
 * `COLL_INVALID_ARGUMENT` naming `medium`.
 *
 * Ownership: `*out` is a static string; never free it.
 *
 * # Safety
 * `out` is NULL or points to a writable `const char *`.
 */
coll_status coll_contact_medium_name(coll_contact_medium medium, const char **out);

/**
 * The `COLL_CONTACT_LINE_` constant named by `name`: `cell`, `landline` or `unknown`. Case, `-`, `_`
 * and spaces are not significant. Unknown names give `COLL_INVALID_ARGUMENT` naming `line`.
 *
 * # Safety
 * `name` is NULL or points to `len` readable bytes; `out` is NULL or points to a writable
 * `coll_contact_line`.
 */
coll_status coll_contact_line_from_name(const char *name,
                                        size_t len,
                                        coll_contact_line *out);

/**
 * The name of a `COLL_CONTACT_LINE_` constant (`"landline"`) in `*out`. An unknown number gives
 * `COLL_INVALID_ARGUMENT` naming `line`.
 *
 * Ownership: `*out` is a static string; never free it.
 *
 * # Safety
 * `out` is NULL or points to a writable `const char *`.
 */
coll_status coll_contact_line_name(coll_contact_line line, const char **out);

/**
 * The `COLL_CONTACT_PARTY_` constant named by `name`: `consumer`, `consumer_attorney`,
 * `consumer_reporting_agency`, `creditor`, `creditor_attorney`, `collector_attorney` or
 * `third_party`. Case, `-`, `_` and spaces are not significant. Unknown names give
 * `COLL_INVALID_ARGUMENT` naming `party`.
 *
 * # Safety
 * `name` is NULL or points to `len` readable bytes; `out` is NULL or points to a writable
 * `coll_contact_party`.
 */
coll_status coll_contact_party_from_name(const char *name, size_t len, coll_contact_party *out);

/**
 * The name of a `COLL_CONTACT_PARTY_` constant (`"consumer_attorney"`) in `*out`. An unknown number
 * gives `COLL_INVALID_ARGUMENT` naming `party`.
 *
 * Ownership: `*out` is a static string; never free it.
 *
 * # Safety
 * `out` is NULL or points to a writable `const char *`.
 */
coll_status coll_contact_party_name(coll_contact_party party, const char **out);

/**
 * Decides a request: may its channel be used at its instant to reach the person at its destination
 * about its debt, and if not, why and when? Every rule of the policy is checked in every time zone of
 * the profile; the decision holds every rule that blocks (a profile with no time zone under a policy
 * that blocks gives the reason `policy.missing_time_zone` and no next eligible instant).
 *
 * Fails (never answering "allowed"), naming the field: `COLL_INVALID_ARGUMENT` (`person`: the request
 * is for another person than the profile; `destination`: not a destination of the profile, or one the
 * channel cannot reach; `history.at`: an attempt after the request's instant, naming it),
 * `COLL_NULL_ARGUMENT` (`policy`, `profile`, `history`, `request`, `out`).
 *
 * Ownership: the inputs are borrowed for the call. On success `*out` is a new handle the caller owns
 * and frees with `coll_contact_decision_free`.
 *
 * # Safety
 * `policy`, `profile`, `history` and `request` are NULL or live handles; `out` is NULL or points to a
 * writable `coll_contact_decision *`.
 */
coll_status coll_contact_evaluate(const struct coll_contact_policy *policy,
                                  const struct coll_contact_profile *profile,
                                  const struct coll_contact_history *history,
                                  const struct coll_contact_request *request,
                                  struct coll_contact_decision **out);

/**
 * The earliest instant at or after the request's when every rule allows it: `*out_has` 1 and
 * `*out_at` that instant in Unix seconds, or `*out_has` 0 and `*out_at` 0 when none comes within the
 * policy's search horizon (after a cease, say). Same checks and errors as `coll_contact_evaluate`.
 *
 * # Safety
 * `policy`, `profile`, `history` and `request` are NULL or live handles; `out_has` is NULL or points to
 * a writable `uint8_t`; `out_at` is NULL or points to a writable `int64_t`.
 */
coll_status coll_contact_next_eligible(const struct coll_contact_policy *policy,
                                       const struct coll_contact_profile *profile,
                                       const struct coll_contact_history *history,
                                       const struct coll_contact_request *request,
                                       uint8_t *out_has,
                                       int64_t *out_at);

/**
 * The intervals in the `days` days (1 to 3660) from the request's instant in which every rule allows
 * the request, assuming no further attempts are made (for dialer scheduling). Same checks and errors
 * as `coll_contact_evaluate`, and `COLL_INVALID_ARGUMENT` naming `days`.
 *
 * Ownership: on success `*out` is a new handle the caller owns and frees with
 * `coll_contact_windows_free`.
 *
 * # Safety
 * `policy`, `profile`, `history` and `request` are NULL or live handles; `out` is NULL or points to a
 * writable `coll_contact_windows *`.
 */
coll_status coll_contact_eligible_windows(const struct coll_contact_policy *policy,
                                          const struct coll_contact_profile *profile,
                                          const struct coll_contact_history *history,
                                          const struct coll_contact_request *request,
                                          uint32_t days,
                                          struct coll_contact_windows **out);

/**
 * The number of windows.
 *
 * # Safety
 * `windows` is NULL or a live handle; `out` is NULL or points to a writable `size_t`.
 */
coll_status coll_contact_windows_count(const struct coll_contact_windows *windows, size_t *out);

/**
 * Window `index` (in time order) in `*out`. Past the end: `COLL_INVALID_ARGUMENT` naming `index`.
 *
 * # Safety
 * `windows` is NULL or a live handle; `out` is NULL or points to a writable `coll_contact_window`.
 */
coll_status coll_contact_windows_at(const struct coll_contact_windows *windows,
                                    size_t index,
                                    struct coll_contact_window *out);

/**
 * Frees windows. NULL is a no-op.
 *
 * # Safety
 * `windows` is NULL or a handle from this library that has not been freed.
 */
void coll_contact_windows_free(struct coll_contact_windows *windows);

/**
 * Whether the contact may be made at the request's instant, in `*out`.
 *
 * # Safety
 * `decision` is NULL or a live handle; `out` is NULL or points to a writable `bool`.
 */
coll_status coll_contact_decision_allowed(const struct coll_contact_decision *decision, bool *out);

/**
 * The request's instant (Unix seconds) in `*out`.
 *
 * # Safety
 * `decision` is NULL or a live handle; `out` is NULL or points to a writable `int64_t`.
 */
coll_status coll_contact_decision_instant(const struct coll_contact_decision *decision,
                                          int64_t *out);

/**
 * The next eligible instant: `*out_has` 1 and `*out_at` the earliest instant at or after the request
 * when every rule allows (the request's own instant when allowed), in Unix seconds; or `*out_has` 0
 * and `*out_at` 0 when none comes within the policy's search horizon.
 *
 * # Safety
 * `decision` is NULL or a live handle; `out_has` is NULL or points to a writable `uint8_t`; `out_at`
 * is NULL or points to a writable `int64_t`.
 */
coll_status coll_contact_decision_next_eligible(const struct coll_contact_decision *decision,
                                                uint8_t *out_has,
                                                int64_t *out_at);

/**
 * The number of reasons (rules that block; 0 when allowed).
 *
 * # Safety
 * `decision` is NULL or a live handle; `out` is NULL or points to a writable `size_t`.
 */
coll_status coll_contact_decision_reason_count(const struct coll_contact_decision *decision,
                                               size_t *out);

/**
 * Reason `index` (in the policy's order of rules) in `*out`, its text lent by the decision. Past the
 * end: `COLL_INVALID_ARGUMENT` naming `index`.
 *
 * # Safety
 * `decision` is NULL or a live handle; `out` is NULL or points to a writable `coll_contact_reason`.
 */
coll_status coll_contact_decision_reason_at(const struct coll_contact_decision *decision,
                                            size_t index,
                                            struct coll_contact_reason *out);

/**
 * The number of warnings.
 *
 * # Safety
 * `decision` is NULL or a live handle; `out` is NULL or points to a writable `size_t`.
 */
coll_status coll_contact_decision_warning_count(const struct coll_contact_decision *decision,
                                                size_t *out);

/**
 * Warning `index` in `*out`, its text lent by the decision. Past the end: `COLL_INVALID_ARGUMENT`
 * naming `index`.
 *
 * # Safety
 * `decision` is NULL or a live handle; `out` is NULL or points to a writable `coll_contact_warning`.
 */
coll_status coll_contact_decision_warning_at(const struct coll_contact_decision *decision,
                                             size_t index,
                                             struct coll_contact_warning *out);

/**
 * The decision as one line of JSON for logging (`{"allowed", "at", "reasons": [{"rule", "citation",
 * "mark", "message"}], "warnings": [{"code", "citation", "message"}], "next_eligible"}`, instants as
 * RFC 3339 text), written into `buf` with a NUL; `*out_len` is its length without the NUL. When
 * `buf_len` is too small: `COLL_BUFFER_TOO_SMALL`, `buf` untouched, `*out_len` the size needed (with
 * the NUL); `buf` may be NULL when `buf_len` is 0, to ask for the size.
 *
 * # Safety
 * `decision` is NULL or a live handle; `buf` is NULL or points to `buf_len` writable bytes; `out_len`
 * is NULL or points to a writable `size_t`.
 */
coll_status coll_contact_decision_to_json(const struct coll_contact_decision *decision,
                                          char *buf,
                                          size_t buf_len,
                                          size_t *out_len);

/**
 * A copy of the decision, freed separately with `coll_contact_decision_free`.
 *
 * # Safety
 * `decision` is NULL or a live handle; `out` is NULL or points to a writable
 * `coll_contact_decision *`.
 */
coll_status coll_contact_decision_clone(const struct coll_contact_decision *decision,
                                        struct coll_contact_decision **out);

/**
 * Frees a decision (and the text it lent). NULL is a no-op. Never free a decision lent by a
 * `coll_contact_batch`.
 *
 * # Safety
 * `decision` is NULL or a handle from this library that has not been freed.
 */
void coll_contact_decision_free(struct coll_contact_decision *decision);

/**
 * Decides `n_items` requests, each against its own profile and history, over every core (small
 * batches stay on the calling thread). One item's error does not stop the others: it is kept as that
 * item's result (`coll_contact_batch_decision`).
 *
 * Fails as a whole only when an argument is missing: `COLL_NULL_ARGUMENT` (`policy`, `items` NULL
 * with a count, `out`; `items.profile`, `items.history`, `items.request`, naming the item:
 * `items.profile: item #3: must not be NULL`).
 *
 * Ownership: the inputs are borrowed for the call. On success `*out` is a new handle the caller owns
 * and frees with `coll_contact_batch_free`.
 *
 * # Safety
 * `policy` is NULL or a live handle; `items` is NULL or points to `n_items` readable items whose
 * handles are NULL or live; `out` is NULL or points to a writable `coll_contact_batch *`.
 */
coll_status coll_contact_evaluate_batch(const struct coll_contact_policy *policy,
                                        const struct coll_contact_batch_item *items,
                                        size_t n_items,
                                        struct coll_contact_batch **out);

/**
 * The number of results (the batch's items).
 *
 * # Safety
 * `batch` is NULL or a live handle; `out` is NULL or points to a writable `size_t`.
 */
coll_status coll_contact_batch_count(const struct coll_contact_batch *batch, size_t *out);

/**
 * The result of item `index`: on success `*out` is its decision, lent by the batch (valid until the
 * batch is freed; never free it, `coll_contact_decision_clone` it to keep it longer). When the item
 * itself failed, this returns that item's status (`COLL_INVALID_ARGUMENT`, ...) and its message is the
 * last error message, as `coll_contact_evaluate` would have given. Past the end:
 * `COLL_INVALID_ARGUMENT` naming `index`.
 *
 * # Safety
 * `batch` is NULL or a live handle; `out` is NULL or points to a writable
 * `const coll_contact_decision *`.
 */
coll_status coll_contact_batch_decision(const struct coll_contact_batch *batch,
                                        size_t index,
                                        const struct coll_contact_decision **out);

/**
 * Frees a batch and the decisions it lent. NULL is a no-op.
 *
 * # Safety
 * `batch` is NULL or a handle from this library that has not been freed.
 */
void coll_contact_batch_free(struct coll_contact_batch *batch);

/**
 * Fills `*out` with no bounds: `COLL_MAX_TERM_MONTHS` months and no minimum installment.
 *
 * # Safety
 * `out` is NULL or points to a writable `coll_plan_bounds`.
 */
coll_status coll_plan_bounds_init(struct coll_plan_bounds *out);

/**
 * Bounds from JSON (`len` bytes of UTF-8), the core's form: `{"max_term_months": 24,
 * "minimum_installment": {"type": "fixed", "amount": "25"}}` (or `{"type": "irs_streamlined"}`), into
 * `*out`. Fails naming `bounds` (`bounds: max_term_months: ...`; not JSON: the line and column);
 * `COLL_INVALID_UTF8` naming `text`.
 *
 * # Safety
 * `text` is NULL or points to `len` readable bytes; `out` is NULL or points to a writable
 * `coll_plan_bounds`.
 */
coll_status coll_plan_bounds_from_json(const char *text,
                                       size_t len,
                                       struct coll_plan_bounds *out);

/**
 * The `COLL_PROBABILITIES_` constant named by `name`: `certain`, `per-installment` or `constant-hazard` (the core's names; case, `-`, `_` and
 * spaces are not significant). Unknown names give `COLL_INVALID_ARGUMENT` naming `probabilities`.
 *
 * # Safety
 * `name` is NULL or points to `len` readable bytes; `out` is NULL or points to a writable `coll_probabilities_kind`.
 */
coll_status coll_probabilities_kind_from_name(const char *name,
                                              size_t len,
                                              coll_probabilities_kind *out);

/**
 * The name of a `COLL_PROBABILITIES_` constant (`"per-installment"`) in `*out`. An unknown number gives
 * `COLL_INVALID_ARGUMENT` naming `probabilities`.
 *
 * Ownership: `*out` is a static string; never free it.
 *
 * # Safety
 * `out` is NULL or points to a writable `const char *`.
 */
coll_status coll_probabilities_kind_name(coll_probabilities_kind value,
                                         const char **out);

/**
 * The `COLL_PROMISE_` constant named by `name`: `pending`, `kept`, `partially-kept` or `broken` (the core's names; case, `-`, `_` and
 * spaces are not significant). Unknown names give `COLL_INVALID_ARGUMENT` naming `promise_status`.
 *
 * # Safety
 * `name` is NULL or points to `len` readable bytes; `out` is NULL or points to a writable `coll_promise_status`.
 */
coll_status coll_promise_status_from_name(const char *name,
                                          size_t len,
                                          coll_promise_status *out);

/**
 * The name of a `COLL_PROMISE_` constant (`"partially-kept"`) in `*out`. An unknown number gives
 * `COLL_INVALID_ARGUMENT` naming `promise_status`.
 *
 * Ownership: `*out` is a static string; never free it.
 *
 * # Safety
 * `out` is NULL or points to a writable `const char *`.
 */
coll_status coll_promise_status_name(coll_promise_status value, const char **out);

/**
 * The `COLL_ARRANGEMENT_` constant named by `name`: `active`, `completed`, `broken` or `cancelled` (the core's names; case, `-`, `_` and
 * spaces are not significant). Unknown names give `COLL_INVALID_ARGUMENT` naming `arrangement_status`.
 *
 * # Safety
 * `name` is NULL or points to `len` readable bytes; `out` is NULL or points to a writable `coll_arrangement_status`.
 */
coll_status coll_arrangement_status_from_name(const char *name,
                                              size_t len,
                                              coll_arrangement_status *out);

/**
 * The name of a `COLL_ARRANGEMENT_` constant (`"completed"`) in `*out`. An unknown number gives
 * `COLL_INVALID_ARGUMENT` naming `arrangement_status`.
 *
 * Ownership: `*out` is a static string; never free it.
 *
 * # Safety
 * `out` is NULL or points to a writable `const char *`.
 */
coll_status coll_arrangement_status_name(coll_arrangement_status value, const char **out);

/**
 * The `COLL_RANK_BY_` constant named by `name`: `expected-npv`, `npv`, `expected-value`, `total`, `duration` or `payment-to-income` (the core's names; case, `-`, `_` and
 * spaces are not significant). Unknown names give `COLL_INVALID_ARGUMENT` naming `rank_by`.
 *
 * # Safety
 * `name` is NULL or points to `len` readable bytes; `out` is NULL or points to a writable `coll_rank_by`.
 */
coll_status coll_rank_by_from_name(const char *name,
                                   size_t len,
                                   coll_rank_by *out);

/**
 * The name of a `COLL_RANK_BY_` constant (`"expected-npv"`) in `*out`. An unknown number gives
 * `COLL_INVALID_ARGUMENT` naming `rank_by`.
 *
 * Ownership: `*out` is a static string; never free it.
 *
 * # Safety
 * `out` is NULL or points to a writable `const char *`.
 */
coll_status coll_rank_by_name(coll_rank_by value, const char **out);

/**
 * The `COLL_FORECAST_` constant named by `name`: `weekly` or `monthly` (the core's names; case, `-`, `_` and
 * spaces are not significant). Unknown names give `COLL_INVALID_ARGUMENT` naming `period`.
 *
 * # Safety
 * `name` is NULL or points to `len` readable bytes; `out` is NULL or points to a writable `coll_forecast_period`.
 */
coll_status coll_forecast_period_from_name(const char *name,
                                           size_t len,
                                           coll_forecast_period *out);

/**
 * The name of a `COLL_FORECAST_` constant (`"monthly"`) in `*out`. An unknown number gives
 * `COLL_INVALID_ARGUMENT` naming `period`.
 *
 * Ownership: `*out` is a static string; never free it.
 *
 * # Safety
 * `out` is NULL or points to a writable `const char *`.
 */
coll_status coll_forecast_period_name(coll_forecast_period value, const char **out);

/**
 * The `COLL_ACTION_` constant named by `name`: `reminder`, `call`, `payment-plan-offer`, `settlement-offer`, `final-notice`, `escalate-to-supervisor`, `legal-review`, `agency-placement`, `hardship-review` or `write-off` (the core's names; case, `-`, `_` and
 * spaces are not significant). Unknown names give `COLL_INVALID_ARGUMENT` naming `action`.
 *
 * # Safety
 * `name` is NULL or points to `len` readable bytes; `out` is NULL or points to a writable `coll_action`.
 */
coll_status coll_action_from_name(const char *name,
                                  size_t len,
                                  coll_action *out);

/**
 * The name of a `COLL_ACTION_` constant (`"hardship-review"`) in `*out`. An unknown number gives
 * `COLL_INVALID_ARGUMENT` naming `action`.
 *
 * Ownership: `*out` is a static string; never free it.
 *
 * # Safety
 * `out` is NULL or points to a writable `const char *`.
 */
coll_status coll_action_name(coll_action value, const char **out);

/**
 * The `COLL_LAST_CONTACT_` constant named by `name`: `not-attempted`, `no-answer`, `left-message`, `wrong-party`, `right-party-contact`, `promised-to-pay` or `refused-to-pay` (the core's names; case, `-`, `_` and
 * spaces are not significant). Unknown names give `COLL_INVALID_ARGUMENT` naming `last_contact`.
 *
 * # Safety
 * `name` is NULL or points to `len` readable bytes; `out` is NULL or points to a writable `coll_last_contact`.
 */
coll_status coll_last_contact_from_name(const char *name,
                                        size_t len,
                                        coll_last_contact *out);

/**
 * The name of a `COLL_LAST_CONTACT_` constant (`"promised-to-pay"`) in `*out`. An unknown number gives
 * `COLL_INVALID_ARGUMENT` naming `last_contact`.
 *
 * Ownership: `*out` is a static string; never free it.
 *
 * # Safety
 * `out` is NULL or points to a writable `const char *`.
 */
coll_status coll_last_contact_name(coll_last_contact value,
                                   const char **out);

/**
 * The `COLL_AFFORDABILITY_` constant named by `name`: `not-assessed`, `surplus` or `deficit` (the core's names; case, `-`, `_` and
 * spaces are not significant). Unknown names give `COLL_INVALID_ARGUMENT` naming `affordability`.
 *
 * # Safety
 * `name` is NULL or points to `len` readable bytes; `out` is NULL or points to a writable `coll_affordability`.
 */
coll_status coll_affordability_from_name(const char *name,
                                         size_t len,
                                         coll_affordability *out);

/**
 * The name of a `COLL_AFFORDABILITY_` constant (`"surplus"`) in `*out`. An unknown number gives
 * `COLL_INVALID_ARGUMENT` naming `affordability`.
 *
 * Ownership: `*out` is a static string; never free it.
 *
 * # Safety
 * `out` is NULL or points to a writable `const char *`.
 */
coll_status coll_affordability_name(coll_affordability value, const char **out);

/**
 * Fills `*out` with the default terms: no currency (set it), no debts, start 0000-00-00 (set it),
 * interest and fees frozen, no grace days, no tolerance, no bounds.
 *
 * # Safety
 * `out` is NULL or points to a writable `coll_plan_terms`.
 */
coll_status coll_plan_terms_init(struct coll_plan_terms *out);

/**
 * An arrangement of an optional down payment (NULL for none) and `n_installments` installments, in
 * strictly increasing date order, none before the start, each above zero in minor units.
 *
 * Fails naming the field at fault: `COLL_INVALID_ARGUMENT` naming `promises` (none, out of order,
 * before the plan's start, not above zero, more than the balance with interest frozen: the message
 * names the promise), `max_term_months` or `minimum_installment` (a plan beyond the bounds: the
 * message names the promise), `debts`, `id`, `balance`, `annual_rate`, `tolerance`, a flag, ...;
 * `COLL_INVALID_DATE`, `COLL_INVALID_DECIMAL`, `COLL_UNKNOWN_CURRENCY`.
 *
 * Ownership: the inputs are borrowed for the call (copied). On success `*out` is a new handle the
 * caller owns and frees with `coll_arrangement_free`.
 *
 * # Safety
 * `terms` is NULL or readable, its debts valid for their count; `down_payment` is NULL or readable;
 * `installments` is NULL or points to `n_installments` readable `coll_promise`s; `out` is NULL or
 * points to a writable `coll_arrangement *`.
 */
coll_status coll_arrangement_new(const struct coll_plan_terms *terms,
                                 const struct coll_promise *down_payment,
                                 const struct coll_promise *installments,
                                 size_t n_installments,
                                 struct coll_arrangement **out);

/**
 * As `coll_arrangement_new`, with the terms as JSON (`terms_len` bytes of UTF-8), the core's
 * `PlanTerms`: `{"currency": "USD", "debts": [{"id", "balance", "annual_rate"}], "start_date",
 * "freeze": {"interest", "fees"}, "kept": {"grace_days", "tolerance": {"kind": "percent", "value":
 * "10"}}, "bounds": {"max_term_months", "minimum_installment": {"type": "fixed", "amount"}}}`.
 * JSON the core refuses as terms fails naming `terms`; the checks of the promises name their fields
 * as `coll_arrangement_new`'s do.
 *
 * # Safety
 * `terms_json` is NULL or points to `terms_len` readable bytes; the rest as for
 * `coll_arrangement_new`.
 */
coll_status coll_arrangement_new_with_terms_json(const char *terms_json,
                                                 size_t terms_len,
                                                 const struct coll_promise *down_payment,
                                                 const struct coll_promise *installments,
                                                 size_t n_installments,
                                                 struct coll_arrangement **out);

/**
 * An arrangement whose installments are a schedule's paying rows, after an optional down payment
 * (NULL for none): the schedule's principal plus the down payment must be the debts' balance
 * (`COLL_INVALID_ARGUMENT` naming `schedule`), and a schedule bearing interest needs interest not
 * frozen (naming `freeze`); another currency is `COLL_CURRENCY_MISMATCH` naming `schedule`.
 *
 * Ownership: on success `*out` is a new handle the caller owns and frees with
 * `coll_arrangement_free`; the schedule stays the caller's.
 *
 * # Safety
 * `terms` is NULL or readable, its debts valid for their count; `down_payment` is NULL or readable;
 * `schedule` is NULL or a live handle; `out` is NULL or points to a writable `coll_arrangement *`.
 */
coll_status coll_arrangement_from_schedule(const struct coll_plan_terms *terms,
                                           const struct coll_promise *down_payment,
                                           const struct coll_schedule *schedule,
                                           struct coll_arrangement **out);

/**
 * An arrangement from JSON (`len` bytes of UTF-8), the core's form (what `coll_arrangement_to_json`
 * writes): `{"currency", "debts", "start_date", "freeze", "kept", "has_down_payment", "promises":
 * [{"date", "amount"}], "cancelled_on"}`, checked as the constructors check (bounds are not stored).
 * Fails naming `arrangement` (`arrangement: promises: ...`; not JSON: the line and column);
 * `COLL_INVALID_UTF8` naming `text`.
 *
 * Ownership: on success `*out` is a new handle the caller owns and frees with
 * `coll_arrangement_free`.
 *
 * # Safety
 * `text` is NULL or points to `len` readable bytes; `out` is NULL or points to a writable
 * `coll_arrangement *`.
 */
coll_status coll_arrangement_from_json(const char *text,
                                       size_t len,
                                       struct coll_arrangement **out);

/**
 * The arrangement as JSON (the form `coll_arrangement_from_json` reads), written into `buf` with a
 * NUL; `*out_len` is its length without the NUL. When `buf_len` is too small: `COLL_BUFFER_TOO_SMALL`,
 * `buf` untouched, `*out_len` the size needed (with the NUL); `buf` may be NULL when `buf_len` is 0.
 *
 * # Safety
 * `arrangement` is NULL or a live handle; `buf` is NULL or points to `buf_len` writable bytes;
 * `out_len` is NULL or points to a writable `size_t`.
 */
coll_status coll_arrangement_to_json(const struct coll_arrangement *arrangement,
                                     char *buf,
                                     size_t buf_len,
                                     size_t *out_len);

/**
 * A copy of the arrangement, freed separately with `coll_arrangement_free`.
 *
 * # Safety
 * `arrangement` is NULL or a live handle; `out` is NULL or points to a writable `coll_arrangement *`.
 */
coll_status coll_arrangement_clone(const struct coll_arrangement *arrangement,
                                   struct coll_arrangement **out);

/**
 * Frees an arrangement. NULL is a no-op.
 *
 * # Safety
 * `arrangement` is NULL or a handle from this library that has not been freed.
 */
void coll_arrangement_free(struct coll_arrangement *arrangement);

/**
 * A copy of the arrangement cancelled on `on` (not before its start: `COLL_INVALID_ARGUMENT` naming
 * `cancelled_on`), in `*out`, a new handle the caller frees with `coll_arrangement_free`.
 *
 * # Safety
 * `arrangement` is NULL or a live handle; `out` is NULL or points to a writable `coll_arrangement *`.
 */
coll_status coll_arrangement_cancel(const struct coll_arrangement *arrangement,
                                    struct coll_date on,
                                    struct coll_arrangement **out);

/**
 * The day the arrangement was cancelled: `*out_cancelled` 1 and `*out_on` the day, or 0 and
 * `*out_on` left as it was when it was not.
 *
 * # Safety
 * `arrangement` is NULL or a live handle; `out_cancelled` and `out_on` are NULL or writable.
 */
coll_status coll_arrangement_cancelled_on(const struct coll_arrangement *arrangement,
                                          bool *out_cancelled,
                                          struct coll_date *out_on);

/**
 * The currency of every amount, in `*out`.
 *
 * # Safety
 * `arrangement` is NULL or a live handle; `out` is NULL or writable.
 */
coll_status coll_arrangement_currency(const struct coll_arrangement *arrangement,
                                      struct coll_currency *out);

/**
 * The sum of the debts' balances, in `*out`.
 *
 * # Safety
 * `arrangement` is NULL or a live handle; `out` is NULL or writable.
 */
coll_status coll_arrangement_balance(const struct coll_arrangement *arrangement,
                                     struct coll_decimal *out);

/**
 * The sum of every promise (the down payment included), in `*out`.
 *
 * # Safety
 * `arrangement` is NULL or a live handle; `out` is NULL or writable.
 */
coll_status coll_arrangement_total_promised(const struct coll_arrangement *arrangement,
                                            struct coll_decimal *out);

/**
 * The start date, in `*out`.
 *
 * # Safety
 * `arrangement` is NULL or a live handle; `out` is NULL or writable.
 */
coll_status coll_arrangement_start_date(const struct coll_arrangement *arrangement,
                                        struct coll_date *out);

/**
 * 1 in `*out` when the first promise is a down payment, else 0.
 *
 * # Safety
 * `arrangement` is NULL or a live handle; `out` is NULL or writable.
 */
coll_status coll_arrangement_has_down_payment(const struct coll_arrangement *arrangement,
                                              bool *out);

/**
 * The number of promises (the down payment included), in `*out`.
 *
 * # Safety
 * `arrangement` is NULL or a live handle; `out` is NULL or writable.
 */
coll_status coll_arrangement_promise_count(const struct coll_arrangement *arrangement, size_t *out);

/**
 * Promise `index` (0 is the down payment when there is one), in date order, in `*out`. An index past
 * the end gives `COLL_INVALID_ARGUMENT` naming `index`.
 *
 * # Safety
 * `arrangement` is NULL or a live handle; `out` is NULL or writable.
 */
coll_status coll_arrangement_promise_at(const struct coll_arrangement *arrangement,
                                        size_t index,
                                        struct coll_promise *out);

/**
 * What the arrangement freezes: `*out_interest` and `*out_fees` 1 when frozen, else 0.
 *
 * # Safety
 * `arrangement` is NULL or a live handle; `out_interest` and `out_fees` are NULL or writable.
 */
coll_status coll_arrangement_freeze(const struct coll_arrangement *arrangement,
                                    bool *out_interest,
                                    bool *out_fees);

/**
 * When a promise counts as kept: the grace days in `*out_grace_days` and the tolerance's kind (a
 * `COLL_TOLERANCE_` constant) and value in `*out_tolerance_kind` and `*out_tolerance`.
 *
 * # Safety
 * `arrangement` is NULL or a live handle; the out-pointers are NULL or writable.
 */
coll_status coll_arrangement_kept_rule(const struct coll_arrangement *arrangement,
                                       uint32_t *out_grace_days,
                                       coll_tolerance_kind *out_tolerance_kind,
                                       struct coll_decimal *out_tolerance);

/**
 * The days to freeze on the ledger while the arrangement runs (when interest or fees are frozen): from
 * its start to its last promise, inclusive, in `*out`.
 *
 * # Safety
 * `arrangement` is NULL or a live handle; `out` is NULL or writable.
 */
coll_status coll_arrangement_frozen_period(const struct coll_arrangement *arrangement,
                                           struct coll_date_range *out);

/**
 * The number of debts the arrangement covers, in `*out`.
 *
 * # Safety
 * `arrangement` is NULL or a live handle; `out` is NULL or writable.
 */
coll_status coll_arrangement_debt_count(const struct coll_arrangement *arrangement, size_t *out);

/**
 * Debt `index` (in the order given), in `*out`: its `id` points into the arrangement (valid until it
 * is freed, NUL-terminated). An index past the end gives `COLL_INVALID_ARGUMENT` naming `index`.
 *
 * # Safety
 * `arrangement` is NULL or a live handle; `out` is NULL or writable.
 */
coll_status coll_arrangement_debt_at(const struct coll_arrangement *arrangement,
                                     size_t index,
                                     struct coll_plan_debt *out);

/**
 * Promise `index` split across the debts pro rata to their balances, to the minor unit (the
 * largest-remainder method: the shares add up to the promise exactly), into `out` (room for
 * `out_cap`, one per debt) with their number in `*out_len`; too small an array gives
 * `COLL_BUFFER_TOO_SMALL` with the number needed in `*out_len`. An index past the end gives
 * `COLL_INVALID_ARGUMENT` naming `index`.
 *
 * # Safety
 * `arrangement` is NULL or a live handle; `out` is NULL or points to `out_cap` writable
 * `coll_decimal`s; `out_len` is NULL or writable.
 */
coll_status coll_arrangement_debt_shares(const struct coll_arrangement *arrangement,
                                         size_t index,
                                         struct coll_decimal *out,
                                         size_t out_cap,
                                         size_t *out_len);

/**
 * Fills `*out` with the default break rule: two missed installments, not necessarily consecutive.
 *
 * # Safety
 * `out` is NULL or points to a writable `coll_break_rule`.
 */
coll_status coll_break_rule_init(struct coll_break_rule *out);

/**
 * A break rule from JSON (`len` bytes of UTF-8), the core's form: `{"missed_installments": 2,
 * "consecutive": false, "cumulative_shortfall": {"kind": "amount", "value": "50"}}` (either test may
 * be null), into `*out`. Fails naming `break_rule` (`break_rule: missed_installments: ...`; not JSON:
 * the line and column); `COLL_INVALID_UTF8` naming `text`.
 *
 * # Safety
 * `text` is NULL or points to `len` readable bytes; `out` is NULL or points to a writable
 * `coll_break_rule`.
 */
coll_status coll_break_rule_from_json(const char *text,
                                      size_t len,
                                      struct coll_break_rule *out);

/**
 * Tracks an arrangement against `n_payments` payments (any order; those before the start or after
 * `as_of` are ignored) as of `as_of`, breaking it by `rule` (NULL: the default, two missed
 * installments). `payments` may be NULL when `n_payments` is 0.
 *
 * Fails: `COLL_INVALID_ARGUMENT` naming `payments` (an amount not above zero: the message names the
 * payment), `break_rule`, `missed_installments`, `tolerance`, a flag or a constant; `COLL_INVALID_DATE`,
 * `COLL_INVALID_DECIMAL`.
 *
 * Ownership: on success `*out` is a new handle the caller owns and frees with `coll_tracking_free`.
 *
 * # Safety
 * `arrangement` is NULL or a live handle; `payments` is NULL or points to `n_payments` readable
 * `coll_plan_payment`s; `rule` is NULL or readable; `out` is NULL or points to a writable
 * `coll_tracking *`.
 */
coll_status coll_plan_track(const struct coll_arrangement *arrangement,
                            const struct coll_plan_payment *payments,
                            size_t n_payments,
                            struct coll_date as_of,
                            const struct coll_break_rule *rule,
                            struct coll_tracking **out);

/**
 * The tracking's figures, in `*out`.
 *
 * # Safety
 * `tracking` is NULL or a live handle; `out` is NULL or writable.
 */
coll_status coll_tracking_get_summary(const struct coll_tracking *tracking,
                                      struct coll_tracking_summary *out);

/**
 * Promise `index`'s standing, in `*out`. An index past the end gives `COLL_INVALID_ARGUMENT` naming
 * `index`.
 *
 * # Safety
 * `tracking` is NULL or a live handle; `out` is NULL or writable.
 */
coll_status coll_tracking_promise_at(const struct coll_tracking *tracking,
                                     size_t index,
                                     struct coll_promise_track *out);

/**
 * The tracking as JSON (the core's form), written into `buf` with a NUL as
 * `coll_arrangement_to_json` writes.
 *
 * # Safety
 * `tracking` is NULL or a live handle; `buf` is NULL or points to `buf_len` writable bytes; `out_len`
 * is NULL or points to a writable `size_t`.
 */
coll_status coll_tracking_to_json(const struct coll_tracking *tracking,
                                  char *buf,
                                  size_t buf_len,
                                  size_t *out_len);

/**
 * A copy of the tracking, freed separately with `coll_tracking_free`.
 *
 * # Safety
 * `tracking` is NULL or a live handle; `out` is NULL or points to a writable `coll_tracking *`.
 */
coll_status coll_tracking_clone(const struct coll_tracking *tracking, struct coll_tracking **out);

/**
 * Frees a tracking. NULL is a no-op.
 *
 * # Safety
 * `tracking` is NULL or a handle from this library that has not been freed.
 */
void coll_tracking_free(struct coll_tracking *tracking);

/**
 * Fills `*out` with the default re-plan terms: monthly, rate 0, no balance; the dates ({0, 0, 0}) and
 * the term (0) or payment are to be set.
 *
 * # Safety
 * `out` is NULL or points to a writable `coll_replan_terms`.
 */
coll_status coll_replan_terms_init(struct coll_replan_terms *out);

/**
 * Re-plan terms from JSON (`len` bytes of UTF-8), the core's `ReplanTerms`: `{"start_date",
 * "first_due_date", "frequency": "monthly", "term_or_payment": {"term": 6} | {"payment": "50"},
 * "annual_rate": "0", "balance": null}`, into `*out`. Fails naming `replan`; `COLL_INVALID_UTF8`
 * naming `text`.
 *
 * # Safety
 * `text` is NULL or points to `len` readable bytes; `out` is NULL or points to a writable
 * `coll_replan_terms`.
 */
coll_status coll_replan_terms_from_json(const char *text,
                                        size_t len,
                                        struct coll_replan_terms *out);

/**
 * A new arrangement for what is left after `tracking` (of this arrangement): the balance less what
 * was paid (interest frozen) or the terms' balance, amortized by the terms, on the same debts (pro
 * rata), freeze and kept rule, within `bounds` (NULL: none). Fails naming `start_date` (before the
 * tracking date), `balance` (nothing left, or none given with interest not frozen),
 * `max_term_months` / `minimum_installment` (beyond the bounds), or a schedule field.
 *
 * Ownership: on success `*out` is a new handle the caller owns and frees with
 * `coll_arrangement_free`.
 *
 * # Safety
 * `arrangement` and `tracking` are NULL or live handles; `terms` is NULL or readable; `bounds` is
 * NULL or readable; `out` is NULL or points to a writable `coll_arrangement *`.
 */
coll_status coll_arrangement_replan(const struct coll_arrangement *arrangement,
                                    const struct coll_tracking *tracking,
                                    const struct coll_replan_terms *terms,
                                    const struct coll_plan_bounds *bounds,
                                    struct coll_arrangement **out);

/**
 * Scores a plan whose promises are paid with `probabilities` (NULL: certain), discounted at
 * `discount_rate` (an annual fraction above -1: 0.08 for 8%), with the payment-to-income ratio
 * against `disposable_income` a month (NULL: none), expected amounts rounded by `rounding` (a
 * `COLL_ROUND_` constant), into `*out`.
 *
 * Fails: `COLL_INVALID_RATE` naming `discount_rate` (at or below -100%); `COLL_INVALID_ARGUMENT`
 * naming `probabilities` (outside [0, 1], the message naming the position; not one per promise),
 * `hazard` (outside [0, 1]), `values`, `rounding`; `COLL_INVALID_DECIMAL`; `COLL_OVERFLOW`.
 *
 * # Safety
 * `arrangement` is NULL or a live handle; `probabilities` is NULL or readable, its `values` valid for
 * its count; `disposable_income` is NULL or readable; `out` is NULL or writable.
 */
coll_status coll_plan_score(const struct coll_arrangement *arrangement,
                            const struct coll_probabilities *probabilities,
                            struct coll_decimal discount_rate,
                            const struct coll_decimal *disposable_income,
                            coll_rounding_mode rounding,
                            struct coll_plan_score_result *out);

/**
 * Ranks `n_plans` plans for one debtor (all in one currency: `COLL_CURRENCY_MISMATCH` naming
 * `plans`), each scored as `coll_plan_score` scores with `probabilities[i]` (`probabilities` NULL:
 * all certain), best first by `by` (a `COLL_RANK_BY_` constant; ties keep the input order): the
 * plans' indices into `out_order` (room for `order_cap`) and their number into `*out_len`; too small
 * an array gives `COLL_BUFFER_TOO_SMALL` with the number needed in `*out_len`. Optionally, with
 * `out_scores` not NULL (room for `order_cap` too), each plan's score in the same order. An error in
 * a plan names it (`probabilities: plan #1: ...`).
 *
 * # Safety
 * `plans` is NULL or points to `n_plans` live handles; `probabilities` is NULL or points to `n_plans`
 * readable `coll_probabilities`; `disposable_income` is NULL or readable; `out_order` is NULL or
 * points to `order_cap` writable `size_t`s; `out_scores` is NULL or points to `order_cap` writable
 * `coll_plan_score_result`s; `out_len` is NULL or writable.
 */
coll_status coll_plan_rank(const struct coll_arrangement *const *plans,
                           const struct coll_probabilities *probabilities,
                           size_t n_plans,
                           struct coll_decimal discount_rate,
                           const struct coll_decimal *disposable_income,
                           coll_rounding_mode rounding,
                           coll_rank_by by,
                           size_t *out_order,
                           struct coll_plan_score_result *out_scores,
                           size_t order_cap,
                           size_t *out_len);

/**
 * The forecast of `n_plans` plans (one currency: `COLL_CURRENCY_MISMATCH` naming `plans`), each
 * paid with `probabilities[i]` (`probabilities` NULL: all certain), of the promises on or after
 * `from`, by `period` (a `COLL_FORECAST_` constant) from `from`'s period on, expected amounts rounded
 * by `rounding`. Periods with no promise in between are rows of zero. An error in a plan names it
 * (`probabilities: plan #1: ...`).
 *
 * Ownership: on success `*out` is a new handle the caller owns and frees with `coll_forecast_free`.
 *
 * # Safety
 * `plans` is NULL or points to `n_plans` live handles; `probabilities` is NULL or points to `n_plans`
 * readable `coll_probabilities`; `out` is NULL or points to a writable `coll_forecast *`.
 */
coll_status coll_plan_forecast(const struct coll_arrangement *const *plans,
                               const struct coll_probabilities *probabilities,
                               size_t n_plans,
                               struct coll_date from,
                               coll_forecast_period period,
                               coll_rounding_mode rounding,
                               struct coll_forecast **out);

/**
 * The number of rows (periods), in `*out`.
 *
 * # Safety
 * `forecast` is NULL or a live handle; `out` is NULL or writable.
 */
coll_status coll_forecast_row_count(const struct coll_forecast *forecast, size_t *out);

/**
 * Row `index`, in `*out`. An index past the end gives `COLL_INVALID_ARGUMENT` naming `index`.
 *
 * # Safety
 * `forecast` is NULL or a live handle; `out` is NULL or writable.
 */
coll_status coll_forecast_row_at(const struct coll_forecast *forecast,
                                 size_t index,
                                 struct coll_forecast_row *out);

/**
 * The totals over every row, in `*out` (`period_start` is the first row's).
 *
 * # Safety
 * `forecast` is NULL or a live handle; `out` is NULL or writable.
 */
coll_status coll_forecast_totals(const struct coll_forecast *forecast,
                                 struct coll_forecast_row *out);

/**
 * The forecast as JSON (the core's form), written into `buf` with a NUL as
 * `coll_arrangement_to_json` writes.
 *
 * # Safety
 * `forecast` is NULL or a live handle; `buf` is NULL or points to `buf_len` writable bytes; `out_len`
 * is NULL or points to a writable `size_t`.
 */
coll_status coll_forecast_to_json(const struct coll_forecast *forecast,
                                  char *buf,
                                  size_t buf_len,
                                  size_t *out_len);

/**
 * A copy of the forecast, freed separately with `coll_forecast_free`.
 *
 * # Safety
 * `forecast` is NULL or a live handle; `out` is NULL or points to a writable `coll_forecast *`.
 */
coll_status coll_forecast_clone(const struct coll_forecast *forecast, struct coll_forecast **out);

/**
 * Frees a forecast. NULL is a no-op.
 *
 * # Safety
 * `forecast` is NULL or a handle from this library that has not been freed.
 */
void coll_forecast_free(struct coll_forecast *forecast);

/**
 * The standard policy (a starting point, not advice): a dispute is verified first (FDCPA 809(b)),
 * hardship is reviewed (FCA CONC 7.3.4), then small-balance write-off, legal review, agency
 * placement, the unwilling and the unable, settlement, final notice, plan offer, call, reminder.
 *
 * Ownership: on success `*out` is a new handle the caller owns and frees with
 * `coll_treatment_policy_free`.
 *
 * # Safety
 * `out` is NULL or points to a writable `coll_treatment_policy *`.
 */
coll_status coll_treatment_policy_standard(struct coll_treatment_policy **out);

/**
 * A policy from JSON (`len` bytes of UTF-8), the core's form: `{"rules": [{"name", "when":
 * {"min_days_past_due"?, "max_days_past_due"?, "min_balance"?, "max_balance"?,
 * "min_broken_promises"?, "min_failed_contact_attempts"?, "last_contact"?: [...], "affordability"?:
 * [...], "disputed"?, "hardship"?, "active_plan"?}, "action", "reason"}]}`. Fails naming `policy`
 * (`policy: name: ...`; not JSON: the line and column); `COLL_INVALID_UTF8` naming `text`.
 *
 * Ownership: on success `*out` is a new handle the caller owns and frees with
 * `coll_treatment_policy_free`.
 *
 * # Safety
 * `text` is NULL or points to `len` readable bytes; `out` is NULL or points to a writable
 * `coll_treatment_policy *`.
 */
coll_status coll_treatment_policy_from_json(const char *text,
                                            size_t len,
                                            struct coll_treatment_policy **out);

/**
 * The policy as JSON (the form `coll_treatment_policy_from_json` reads), written into `buf` with a
 * NUL as `coll_arrangement_to_json` writes.
 *
 * # Safety
 * `policy` is NULL or a live handle; `buf` is NULL or points to `buf_len` writable bytes; `out_len`
 * is NULL or points to a writable `size_t`.
 */
coll_status coll_treatment_policy_to_json(const struct coll_treatment_policy *policy,
                                          char *buf,
                                          size_t buf_len,
                                          size_t *out_len);

/**
 * The number of rules, in `*out`.
 *
 * # Safety
 * `policy` is NULL or a live handle; `out` is NULL or writable.
 */
coll_status coll_treatment_policy_rule_count(const struct coll_treatment_policy *policy,
                                             size_t *out);

/**
 * Rule `index` (in the order they are tried), in `*out`. An index past the end gives
 * `COLL_INVALID_ARGUMENT` naming `index`.
 *
 * # Safety
 * `policy` is NULL or a live handle; `out` is NULL or writable.
 */
coll_status coll_treatment_policy_rule_at(const struct coll_treatment_policy *policy,
                                          size_t index,
                                          struct coll_treatment_rule *out);

/**
 * A copy of the policy, freed separately with `coll_treatment_policy_free`.
 *
 * # Safety
 * `policy` is NULL or a live handle; `out` is NULL or points to a writable
 * `coll_treatment_policy *`.
 */
coll_status coll_treatment_policy_clone(const struct coll_treatment_policy *policy,
                                        struct coll_treatment_policy **out);

/**
 * Frees a policy. NULL is a no-op.
 *
 * # Safety
 * `policy` is NULL or a handle from this library that has not been freed.
 */
void coll_treatment_policy_free(struct coll_treatment_policy *policy);

/**
 * Fills `*out` with an account current and clear: 0 days past due, balance 0, nothing broken or
 * failed, no contact attempted, not assessed, not disputed, no hardship, no plan.
 *
 * # Safety
 * `out` is NULL or points to a writable `coll_account_state`.
 */
coll_status coll_account_state_init(struct coll_account_state *out);

/**
 * An account state from JSON (`len` bytes of UTF-8), the core's form: `{"days_past_due", "balance",
 * "broken_promises", "failed_contact_attempts", "last_contact": "promised-to-pay", "affordability":
 * "surplus", "disputed", "hardship", "active_plan"}`, into `*out`. Fails naming `state`;
 * `COLL_INVALID_UTF8` naming `text`.
 *
 * # Safety
 * `text` is NULL or points to `len` readable bytes; `out` is NULL or points to a writable
 * `coll_account_state`.
 */
coll_status coll_account_state_from_json(const char *text,
                                         size_t len,
                                         struct coll_account_state *out);

/**
 * The first rule of `policy` whose every condition holds for `state`, into `*out` (a handle even when
 * no rule fires: see `coll_treatment_result`'s `fired`). Fails naming a field of `state` (an unknown
 * constant, a flag not 0 or 1, `COLL_INVALID_DECIMAL` naming `balance`).
 *
 * Ownership: on success `*out` is a new handle the caller owns and frees with `coll_treatment_free`.
 *
 * # Safety
 * `policy` is NULL or a live handle; `state` is NULL or readable; `out` is NULL or points to a
 * writable `coll_treatment *`.
 */
coll_status coll_treatment_recommend(const struct coll_treatment_policy *policy,
                                     const struct coll_account_state *state,
                                     struct coll_treatment **out);

/**
 * The recommendation, in `*out`.
 *
 * # Safety
 * `treatment` is NULL or a live handle; `out` is NULL or writable.
 */
coll_status coll_treatment_get_result(const struct coll_treatment *treatment,
                                      struct coll_treatment_result *out);

/**
 * Fact `index` (`"120 days past due >= 90"`): `*out` points into the handle (valid until it is freed,
 * NUL-terminated) and `*out_len` is its length in bytes. An index past the end gives
 * `COLL_INVALID_ARGUMENT` naming `index`.
 *
 * # Safety
 * `treatment` is NULL or a live handle; `out` and `out_len` are NULL or writable.
 */
coll_status coll_treatment_fact_at(const struct coll_treatment *treatment,
                                   size_t index,
                                   const char **out,
                                   size_t *out_len);

/**
 * Frees a recommendation. NULL is a no-op.
 *
 * # Safety
 * `treatment` is NULL or a handle from this library that has not been freed.
 */
void coll_treatment_free(struct coll_treatment *treatment);

/**
 * Settles `balance` (above zero, in `currency`'s minor units) at `percent` of it (above 0 and at most
 * 100: `COLL_INVALID_ARGUMENT` naming `percent` otherwise), rounded by `rounding`, paid in equal
 * parts (the largest-remainder split) on `n_dates` dates in strictly increasing order (naming
 * `dates`): the settlement into `*out` and its installments into `out_installments` (room for
 * `installments_cap`, at least `n_dates`: `COLL_BUFFER_TOO_SMALL` naming `out_installments`).
 *
 * # Safety
 * `dates` is NULL or points to `n_dates` readable `coll_date`s; `out` is NULL or writable;
 * `out_installments` is NULL or points to `installments_cap` writable `coll_promise`s.
 */
coll_status coll_settle(struct coll_decimal balance,
                        struct coll_currency currency,
                        struct coll_decimal percent,
                        const struct coll_date *dates,
                        size_t n_dates,
                        coll_rounding_mode rounding,
                        struct coll_settlement *out,
                        struct coll_promise *out_installments,
                        size_t installments_cap);

/**
 * The least settlement to accept: the NPV at `discount_rate` (an annual fraction above -1), from
 * `valuation_date`, of what the alternative path (`n_recoveries` expected recoveries and `n_costs`
 * costs, none before the valuation date) is expected to bring, less its costs, not below zero,
 * rounded by `rounding`; at least `floor` (NULL: none). Either array may be NULL with a count of 0.
 *
 * Fails: `COLL_INVALID_RATE` naming `discount_rate`; `COLL_INVALID_ARGUMENT` naming `probability`
 * (outside [0, 1]), `recoveries` / `costs` (not above zero, before the valuation date), `floor`;
 * `COLL_INVALID_DATE`, `COLL_INVALID_DECIMAL`, `COLL_UNKNOWN_CURRENCY`.
 *
 * # Safety
 * `recoveries` is NULL or points to `n_recoveries` readable structs; `costs` is NULL or points to
 * `n_costs` readable `coll_promise`s; `floor` is NULL or readable; `out` is NULL or writable.
 */
coll_status coll_minimum_settlement(const struct coll_expected_recovery *recoveries,
                                    size_t n_recoveries,
                                    const struct coll_promise *costs,
                                    size_t n_costs,
                                    struct coll_date valuation_date,
                                    struct coll_decimal discount_rate,
                                    const struct coll_decimal *floor,
                                    struct coll_currency currency,
                                    coll_rounding_mode rounding,
                                    struct coll_minimum_settlement_result *out);

/**
 * As `coll_minimum_settlement`, with the alternative path as JSON (`path_len` bytes of UTF-8), the
 * core's `AlternativePath`: `{"recoveries": [{"date", "amount", "probability"}], "costs": [{"date",
 * "amount"}]}`. JSON that is no such path fails naming `path`; the checks of its amounts name their
 * fields as `coll_minimum_settlement`'s do.
 *
 * # Safety
 * `path_json` is NULL or points to `path_len` readable bytes; `floor` is NULL or readable; `out` is
 * NULL or writable.
 */
coll_status coll_minimum_settlement_with_path_json(const char *path_json,
                                                   size_t path_len,
                                                   struct coll_date valuation_date,
                                                   struct coll_decimal discount_rate,
                                                   const struct coll_decimal *floor,
                                                   struct coll_currency currency,
                                                   coll_rounding_mode rounding,
                                                   struct coll_minimum_settlement_result *out);

/**
 * A policy of `n_bands` bands. Fails naming `bands` (none, the first not from 0, days not
 * increasing), `lump_sum_discount_percent`, `installment_discount_percent` or `max_installments`
 * (the message names the band).
 *
 * Ownership: on success `*out` is a new handle the caller owns and frees with
 * `coll_settlement_policy_free`.
 *
 * # Safety
 * `bands` is NULL or points to `n_bands` readable `coll_discount_band`s; `out` is NULL or points to a
 * writable `coll_settlement_policy *`.
 */
coll_status coll_settlement_policy_new(const struct coll_discount_band *bands,
                                       size_t n_bands,
                                       struct coll_settlement_policy **out);

/**
 * A policy from JSON (`len` bytes of UTF-8), the core's form: `{"bands": [{"min_days_past_due",
 * "lump_sum_discount_percent", "installment_discount_percent", "max_installments"}]}`. Fails naming
 * `policy`; `COLL_INVALID_UTF8` naming `text`.
 *
 * Ownership: on success `*out` is a new handle the caller owns and frees with
 * `coll_settlement_policy_free`.
 *
 * # Safety
 * `text` is NULL or points to `len` readable bytes; `out` is NULL or points to a writable
 * `coll_settlement_policy *`.
 */
coll_status coll_settlement_policy_from_json(const char *text,
                                             size_t len,
                                             struct coll_settlement_policy **out);

/**
 * The policy as JSON (the form `coll_settlement_policy_from_json` reads), written into `buf` with a
 * NUL as `coll_arrangement_to_json` writes.
 *
 * # Safety
 * `policy` is NULL or a live handle; `buf` is NULL or points to `buf_len` writable bytes; `out_len`
 * is NULL or points to a writable `size_t`.
 */
coll_status coll_settlement_policy_to_json(const struct coll_settlement_policy *policy,
                                           char *buf,
                                           size_t buf_len,
                                           size_t *out_len);

/**
 * The number of bands, in `*out`.
 *
 * # Safety
 * `policy` is NULL or a live handle; `out` is NULL or writable.
 */
coll_status coll_settlement_policy_band_count(const struct coll_settlement_policy *policy,
                                              size_t *out);

/**
 * Band `index`, in `*out`. An index past the end gives `COLL_INVALID_ARGUMENT` naming `index`.
 *
 * # Safety
 * `policy` is NULL or a live handle; `out` is NULL or writable.
 */
coll_status coll_settlement_policy_band_at(const struct coll_settlement_policy *policy,
                                           size_t index,
                                           struct coll_discount_band *out);

/**
 * A copy of the policy, freed separately with `coll_settlement_policy_free`.
 *
 * # Safety
 * `policy` is NULL or a live handle; `out` is NULL or points to a writable
 * `coll_settlement_policy *`.
 */
coll_status coll_settlement_policy_clone(const struct coll_settlement_policy *policy,
                                         struct coll_settlement_policy **out);

/**
 * Frees a policy. NULL is a no-op.
 *
 * # Safety
 * `policy` is NULL or a handle from this library that has not been freed.
 */
void coll_settlement_policy_free(struct coll_settlement_policy *policy);

/**
 * The offers the policy allows for `balance` (above zero in `currency`'s minor units) at
 * `days_past_due`, none below `minimum` (NULL: none; not negative): the lump sum, then the
 * installment offer when the band allows more than one installment, into `out` (room for `out_cap`;
 * 2 is always enough) with their number in `*out_len`; too small an array gives
 * `COLL_BUFFER_TOO_SMALL` with the number needed in `*out_len`.
 *
 * # Safety
 * `minimum` is NULL or readable; `policy` is NULL or a live handle; `out` is NULL or points to
 * `out_cap` writable `coll_settlement_offer`s; `out_len` is NULL or writable.
 */
coll_status coll_settlement_offers(struct coll_decimal balance,
                                   struct coll_currency currency,
                                   uint32_t days_past_due,
                                   const struct coll_decimal *minimum,
                                   const struct coll_settlement_policy *policy,
                                   struct coll_settlement_offer *out,
                                   size_t out_cap,
                                   size_t *out_len);

/**
 * The collection effectiveness index, (opening + credit sales / N - closing) / (opening + credit
 * sales / N - closing current) x 100, into `*out`. Fails naming `months` (0), a negative amount's
 * field, or `closing_current_receivables` (above the closing receivables).
 *
 * # Safety
 * `inputs` is NULL or readable; `out` is NULL or writable.
 */
coll_status coll_collection_effectiveness_index(const struct coll_cei_inputs *inputs,
                                                struct coll_kpi *out);

/**
 * Days sales outstanding, receivables / credit sales x `days`, into `*out`. Fails naming a negative
 * amount's field.
 *
 * # Safety
 * `out` is NULL or writable.
 */
coll_status coll_days_sales_outstanding(struct coll_decimal receivables,
                                        struct coll_decimal credit_sales,
                                        uint32_t days,
                                        struct coll_kpi *out);

/**
 * The recovery rate, collected / outstanding, into `*out`. Fails naming a negative amount's field.
 *
 * # Safety
 * `out` is NULL or writable.
 */
coll_status coll_recovery_rate(struct coll_decimal collected,
                               struct coll_decimal outstanding,
                               struct coll_kpi *out);

/**
 * The liquidation rate, gross recoveries / placements, into `*out`. Fails naming a negative amount's
 * field.
 *
 * # Safety
 * `out` is NULL or writable.
 */
coll_status coll_liquidation_rate(struct coll_decimal gross_recoveries,
                                  struct coll_decimal placements,
                                  struct coll_kpi *out);

/**
 * The promise-kept rate over `n_trackings` trackings: promises kept / promises whose deadline has
 * passed, into `*out`. `trackings` may be NULL when `n_trackings` is 0.
 *
 * # Safety
 * `trackings` is NULL or points to `n_trackings` live handles; `out` is NULL or writable.
 */
coll_status coll_promise_kept_rate(const struct coll_tracking *const *trackings,
                                   size_t n_trackings,
                                   struct coll_kpi *out);

/**
 * The right-party-contact rate, right-party contacts / `denominator` (dial attempts, connected calls:
 * the caller's choice), into `*out`. More contacts than the denominator fails naming
 * `right_party_contacts`.
 *
 * # Safety
 * `out` is NULL or writable.
 */
coll_status coll_right_party_contact_rate(uint64_t right_party_contacts,
                                          uint64_t denominator,
                                          struct coll_kpi *out);

/**
 * The roll-rate matrix of `n_accounts` accounts (as `coll_age_portfolio` takes them) aged by `rules`
 * on `from` and on `to` (after `from`: `COLL_INVALID_ARGUMENT` naming `to` otherwise). An error in an
 * account names it (`amount_due: account #2: ...`). `accounts` may be NULL when `n_accounts` is 0.
 *
 * Ownership: on success `*out` is a new handle the caller owns and frees with
 * `coll_roll_matrix_free`.
 *
 * # Safety
 * `accounts` is NULL or points to `n_accounts` readable `coll_aging_account`s whose arrays are NULL
 * or valid for their counts; `rules` is NULL or readable; `out` is NULL or points to a writable
 * `coll_roll_matrix *`.
 */
coll_status coll_roll_rate_matrix(const struct coll_aging_account *accounts,
                                  size_t n_accounts,
                                  struct coll_date from,
                                  struct coll_date to,
                                  const struct coll_aging_rules *rules,
                                  struct coll_roll_matrix **out);

/**
 * The number of buckets (rows and columns), in `*out`.
 *
 * # Safety
 * `matrix` is NULL or a live handle; `out` is NULL or writable.
 */
coll_status coll_roll_matrix_size(const struct coll_roll_matrix *matrix, size_t *out);

/**
 * The cell from bucket `from` to bucket `to`, in `*out`. An index past the end gives
 * `COLL_INVALID_ARGUMENT` naming `from` or `to`.
 *
 * # Safety
 * `matrix` is NULL or a live handle; `out` is NULL or writable.
 */
coll_status coll_roll_matrix_cell(const struct coll_roll_matrix *matrix,
                                  size_t from,
                                  size_t to,
                                  struct coll_roll_cell *out);

/**
 * Bucket `index`'s label (`"1-30"`): `*out` points into the handle (valid until it is freed,
 * NUL-terminated), `*out_len` its length. An index past the end gives `COLL_INVALID_ARGUMENT` naming
 * `index`.
 *
 * # Safety
 * `matrix` is NULL or a live handle; `out` and `out_len` are NULL or writable.
 */
coll_status coll_roll_matrix_label(const struct coll_roll_matrix *matrix,
                                   size_t index,
                                   const char **out,
                                   size_t *out_len);

/**
 * Frees a matrix. NULL is a no-op.
 *
 * # Safety
 * `matrix` is NULL or a handle from this library that has not been freed.
 */
void coll_roll_matrix_free(struct coll_roll_matrix *matrix);

#ifdef __cplusplus
}  // extern "C"
#endif  // __cplusplus

#endif  /* COLLECTIONS_H */
