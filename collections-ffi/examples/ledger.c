/*
 * An account ledger through the C ABI, as an ERP plugin would keep one: a 10,000.00 USD loan opened on
 * 2026-01-01 at 7.30% a year (Actual/365 Fixed: 2.00 a day on the whole principal), repaid in four
 * installments of 2,500.00 due at each month end from January to April. The plugin posts:
 *   - the four obligations;
 *   - P-1, 2,560.00 on January 31: 30 days of interest (60.00) and the first installment;
 *   - P-2, 2,542.00 on February 28, returned unpaid (NSF) on March 3: a reversal takes it out as if it
 *     had never been made, and a 25.00 returned-payment fee is charged;
 *   - P-3, 2,600.00 on March 10: February's interest (42.00) and principal, then the fee, oldest first;
 *     the 33.00 left is held as credit.
 * It prints the journal (every entry with the balances after it, and where each payment went), the
 * balances now and a payoff quote for March 31, and the payments as reconciliation records.
 *
 * Build and run: make -C tests/c ledger-example (the C tests build and run it too), or by hand against
 * an installed library: cc ledger.c $(pkg-config --cflags --libs collections).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "collections.h"

/* Stops the example with the library's message when a call fails. */
static void check(coll_status status, const char *what) {
    if (status != COLL_OK) {
        fprintf(stderr, "%s failed: %s: %s\n", what, coll_status_name(status), coll_last_error_message());
        exit(1);
    }
}

/* The decimal's canonical text ("52.66") in buf, which has COLL_DECIMAL_TEXT_CAPACITY bytes. */
static const char *text(const coll_decimal *d, char *buf) {
    size_t len;
    check(coll_decimal_to_string(d, buf, COLL_DECIMAL_TEXT_CAPACITY, &len), "coll_decimal_to_string");
    return buf;
}

static coll_decimal decimal(const char *s) {
    coll_decimal d;
    check(coll_decimal_from_string(s, strlen(s), &d), s);
    return d;
}

static coll_date ymd(int year, unsigned month, unsigned day) {
    coll_date d;
    d.year = year;
    d.month = month;
    d.day = day;
    return d;
}

static void date_text(coll_date d, char *buf, size_t cap) {
    snprintf(buf, cap, "%04d-%02u-%02u", (int)d.year, (unsigned)d.month, (unsigned)d.day);
}

/* Posts one event and says so. */
static void post(coll_ledger *ledger, const coll_ledger_event *event, const char *what) {
    size_t index;
    check(coll_ledger_post(ledger, event, &index), what);
    printf("  posted #%lu: %s\n", (unsigned long)index, what);
}

static void post_obligation(coll_ledger *ledger, coll_date due, const char *amount) {
    coll_ledger_event e;
    check(coll_ledger_event_init(COLL_LEDGER_EVENT_OBLIGATION, due, &e), "coll_ledger_event_init");
    e.amount = decimal(amount);
    post(ledger, &e, "obligation");
}

static void post_payment(coll_ledger *ledger, coll_date date, const char *id, const char *amount) {
    coll_ledger_event e;
    check(coll_ledger_event_init(COLL_LEDGER_EVENT_PAYMENT, date, &e), "coll_ledger_event_init");
    e.id = id;
    e.id_len = strlen(id);
    e.amount = decimal(amount); /* the currency is left all zeros: the account's */
    post(ledger, &e, id);
}

static void print_balances(const char *label, const coll_ledger_balances *b) {
    char p[COLL_DECIMAL_TEXT_CAPACITY], i[COLL_DECIMAL_TEXT_CAPACITY], f[COLL_DECIMAL_TEXT_CAPACITY],
        n[COLL_DECIMAL_TEXT_CAPACITY], c[COLL_DECIMAL_TEXT_CAPACITY], o[COLL_DECIMAL_TEXT_CAPACITY];
    printf("%-20s principal %s, interest %s, fees %s, penalties %s, credit %s, owed %s\n", label,
           text(&b->principal, p), text(&b->interest, i), text(&b->fees, f), text(&b->penalties, n),
           text(&b->credit, c), text(&b->owed, o));
}

int main(void) {
    coll_currency usd;
    coll_ledger_terms terms;
    coll_date rate_date = ymd(2026, 1, 1);
    coll_decimal rate = decimal("0.073"), principal = decimal("10000.00");
    coll_ledger *ledger = NULL;
    coll_ledger_event e;
    coll_ledger_balances balances;
    coll_ledger_totals totals;
    coll_payment_record records[8];
    coll_debt_status status;
    const char *status_name;
    size_t n_entries = 0, n_records = 0, i, j;
    uint32_t days = 0;
    bool reversed = false;
    char a[COLL_DECIMAL_TEXT_CAPACITY], b[COLL_DECIMAL_TEXT_CAPACITY], c[COLL_DECIMAL_TEXT_CAPACITY],
        d[COLL_DECIMAL_TEXT_CAPACITY], credit[COLL_DECIMAL_TEXT_CAPACITY], when[16];

    /* The account and its terms: the core's defaults (simple interest, fees-interest-principal oldest
     * first, overpayment held as credit, half-up rounding) and one rate. */
    check(coll_currency_from_code("USD", 3, &usd), "coll_currency_from_code");
    check(coll_ledger_terms_init(&terms), "coll_ledger_terms_init");
    terms.rate_dates = &rate_date;
    terms.rates = &rate;
    terms.n_rates = 1;
    check(coll_ledger_new("LOAN-7", 6, &usd, ymd(2026, 1, 1), &principal, &terms, &ledger), "coll_ledger_new");

    printf("LOAN-7: 10000.00 USD from 2026-01-01 at 7.30%%\n");
    post_obligation(ledger, ymd(2026, 1, 31), "2500.00");
    post_obligation(ledger, ymd(2026, 2, 28), "2500.00");
    post_obligation(ledger, ymd(2026, 3, 31), "2500.00");
    post_obligation(ledger, ymd(2026, 4, 30), "2500.00");
    post_payment(ledger, ymd(2026, 1, 31), "P-1", "2560.00");
    post_payment(ledger, ymd(2026, 2, 28), "P-2", "2542.00");

    /* The bank returns P-2: reverse it and charge the returned-payment fee. */
    check(coll_ledger_event_init(COLL_LEDGER_EVENT_REVERSAL, ymd(2026, 3, 3), &e), "coll_ledger_event_init");
    e.id = "P-2";
    e.id_len = 3;
    e.reason = "NSF";
    e.reason_len = 3;
    post(ledger, &e, "reversal of P-2");
    check(coll_ledger_event_init(COLL_LEDGER_EVENT_FEE, ymd(2026, 3, 3), &e), "coll_ledger_event_init");
    e.component = COLL_COMPONENT_FEE;
    e.amount = decimal("25.00");
    e.reason = "returned payment";
    e.reason_len = strlen(e.reason);
    post(ledger, &e, "returned-payment fee");
    post_payment(ledger, ymd(2026, 3, 10), "P-3", "2600.00");

    /* A second reversal of P-2 is refused, and the ledger is left as it was. */
    check(coll_ledger_event_init(COLL_LEDGER_EVENT_REVERSAL, ymd(2026, 3, 11), &e), "coll_ledger_event_init");
    e.id = "P-2";
    e.id_len = 3;
    e.reason = "again";
    e.reason_len = 5;
    {
        size_t index;
        coll_status st = coll_ledger_post(ledger, &e, &index);
        printf("  refused: %s: %s\n", coll_status_name(st), coll_last_error_message());
    }
    check(coll_ledger_is_reversed(ledger, "P-2", 3, &reversed), "coll_ledger_is_reversed");

    /* The journal. */
    printf("\n%-10s  %-15s %10s %10s %9s %7s %7s  %s\n", "date", "entry", "amount", "principal", "interest",
           "fees", "credit", "status");
    check(coll_ledger_entry_count(ledger, &n_entries), "coll_ledger_entry_count");
    for (i = 0; i < n_entries; i++) {
        coll_ledger_entry entry;
        const char *kind;
        check(coll_ledger_entry_at(ledger, i, &entry), "coll_ledger_entry_at");
        check(coll_ledger_entry_kind_name(entry.kind, &kind), "coll_ledger_entry_kind_name");
        check(coll_debt_status_name(entry.status, &status_name), "coll_debt_status_name");
        date_text(entry.date, when, sizeof when);
        printf("%-10s  %-15s %10s %10s %9s %7s %7s  %s\n", when, kind, text(&entry.amount, a),
               text(&entry.balances.principal, b), text(&entry.balances.interest, c),
               text(&entry.balances.fees, d), text(&entry.balances.credit, credit), status_name);
        for (j = 0; j < entry.n_allocations; j++) {
            coll_ledger_allocation alloc;
            const char *component;
            check(coll_ledger_entry_allocation_at(ledger, i, j, &alloc), "coll_ledger_entry_allocation_at");
            check(coll_component_name(alloc.component, &component), "coll_component_name");
            if (alloc.has_due_date) {
                date_text(alloc.due_date, when, sizeof when);
            } else {
                snprintf(when, sizeof when, "not due");
            }
            printf("%12s-> %-9s due %-10s %10s\n", "", component, when, text(&alloc.amount, a));
        }
        if (entry.kind == COLL_LEDGER_ENTRY_PAYMENT) {
            printf("%12s-> credit %34s\n", "", text(&entry.to_credit, a));
        }
    }

    /* Now, and a payoff quote for March 31 (the credit is applied as March's charges fall due). */
    printf("\n");
    check(coll_ledger_get_balances(ledger, &balances), "coll_ledger_get_balances");
    print_balances("balances now:", &balances);
    check(coll_ledger_balances_on(ledger, ymd(2026, 3, 31), &balances), "coll_ledger_balances_on");
    print_balances("on 2026-03-31:", &balances);
    check(coll_ledger_days_past_due(ledger, ymd(2026, 4, 15), &days), "coll_ledger_days_past_due");
    check(coll_ledger_status(ledger, &status), "coll_ledger_status");
    check(coll_debt_status_name(status, &status_name), "coll_debt_status_name");
    printf("status %s; P-2 reversed: %s; days past due on 2026-04-15: %u\n", status_name, reversed ? "yes" : "no",
           (unsigned)days);
    check(coll_ledger_get_totals(ledger, &totals), "coll_ledger_get_totals");
    printf("totals: payments %s, interest charged %s, interest paid %s, fees paid %s\n", text(&totals.payments, a),
           text(&totals.charged[COLL_COMPONENT_INTEREST], b), text(&totals.paid[COLL_COMPONENT_INTEREST], c),
           text(&totals.paid[COLL_COMPONENT_FEE], d));

    /* The payments as the bank should report them (P-2 is gone). */
    check(coll_ledger_posted_payments(ledger, records, 8, &n_records), "coll_ledger_posted_payments");
    printf("\nposted payments:\n");
    for (i = 0; i < n_records; i++) {
        date_text(records[i].date, when, sizeof when);
        printf("  %.*s  %.*s  %s  %s %s\n", (int)records[i].reference_len, records[i].reference,
               (int)records[i].account_id_len, records[i].account_id, when, text(&records[i].amount, a),
               records[i].currency.code);
    }

    coll_ledger_free(ledger);
    return 0;
}
