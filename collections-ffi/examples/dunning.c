/*
 * A dunning run through the C ABI, as an ERP plugin would call it: seven EUR invoices of three customers
 * (one paid in part, one in dispute) run as of 2026-03-01 through a three-level policy:
 *   1. reminder at 7 days overdue plus 3 grace days, no fee;
 *   2. final notice at 21 days, a 5.00 fee and ERPNext interest at 10% a year;
 *   3. legal handover at 45 days for 100.00 or more outstanding, a 40.00 fee and German statutory
 *      interest between businesses (BGB 288: base rate + 9 points).
 * The policy lets an invoice jump levels (one_level_at_a_time 0). The lines are printed grouped by
 * customer, with each customer's totals and the run's.
 *
 * Build and run: make -C tests/c dunning-example (the C tests build and run it too), or by hand against
 * an installed library: cc dunning.c $(pkg-config --cflags --libs collections).
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

/* An invoice with no payments, not blocked, never dunned. */
static coll_dunning_invoice invoice(const char *id, const char *customer, const coll_currency *eur,
                                    const char *amount, coll_date due) {
    coll_dunning_invoice inv;
    check(coll_dunning_invoice_init(&inv), "coll_dunning_invoice_init");
    inv.id = id;
    inv.id_len = strlen(id);
    inv.customer_id = customer;
    inv.customer_id_len = strlen(customer);
    inv.currency = *eur;
    inv.amount = decimal(amount);
    inv.due_date = due;
    return inv;
}

static void print_totals(const char *label, const coll_dunning_totals *t) {
    char a[COLL_DECIMAL_TEXT_CAPACITY], b[COLL_DECIMAL_TEXT_CAPACITY], c[COLL_DECIMAL_TEXT_CAPACITY],
        d[COLL_DECIMAL_TEXT_CAPACITY];
    printf("  %-8s %lu invoices, %lu notices: outstanding %s, fees %s, interest %s, total %s\n", label,
           (unsigned long)t->invoices, (unsigned long)t->notices, text(&t->outstanding, a), text(&t->fee, b),
           text(&t->interest, c), text(&t->total, d));
}

int main(void) {
    coll_currency eur;
    coll_dunning_level levels[3];
    coll_dunning_policy policy;
    coll_dunning_invoice invoices[7];
    coll_dunning_payment partial;
    coll_dunning_run *run = NULL;
    coll_dunning_totals totals;
    size_t n_customers = 0, c, i;
    char a[COLL_DECIMAL_TEXT_CAPACITY], b[COLL_DECIMAL_TEXT_CAPACITY], d[COLL_DECIMAL_TEXT_CAPACITY],
        e[COLL_DECIMAL_TEXT_CAPACITY];

    check(coll_currency_from_code("EUR", 3, &eur), "currency");

    /* The ladder. */
    check(coll_dunning_level_init(7, &levels[0]), "coll_dunning_level_init");
    levels[0].grace_days = 3;
    levels[0].action = "reminder";
    levels[0].action_len = strlen(levels[0].action);
    check(coll_dunning_level_init(21, &levels[1]), "coll_dunning_level_init");
    levels[1].fee = decimal("5.00");
    levels[1].interest_method = COLL_DUNNING_INTEREST_ERPNEXT;
    levels[1].rate_percent = decimal("10");
    levels[1].action = "final notice";
    levels[1].action_len = strlen(levels[1].action);
    check(coll_dunning_level_init(45, &levels[2]), "coll_dunning_level_init");
    levels[2].fee = decimal("40.00");
    levels[2].minimum_outstanding = decimal("100");
    levels[2].interest_method = COLL_DUNNING_INTEREST_STATUTORY;
    levels[2].statute = COLL_STATUTE_DE_BGB_288;
    levels[2].debtor = COLL_DEBTOR_BUSINESS;
    levels[2].action = "legal handover";
    levels[2].action_len = strlen(levels[2].action);

    check(coll_dunning_policy_init(&policy), "coll_dunning_policy_init");
    policy.currency = eur;
    policy.levels = levels;
    policy.n_levels = 3;
    policy.one_level_at_a_time = 0;

    /* The invoices, in no particular order: the run sorts them by customer, due date and id. */
    invoices[0] = invoice("I-5", "bravo", &eur, "100.00", ymd(2026, 1, 10));
    invoices[1] = invoice("I-2", "alpha", &eur, "365.00", ymd(2026, 2, 8));
    invoices[2] = invoice("I-9", "charlie", &eur, "50.00", ymd(2026, 2, 28));
    invoices[3] = invoice("I-1", "alpha", &eur, "365.00", ymd(2026, 2, 8));
    invoices[4] = invoice("I-3", "alpha", &eur, "200.00", ymd(2026, 1, 1));
    invoices[5] = invoice("P-1", "bravo", &eur, "2000.00", ymd(2026, 1, 15));
    invoices[6] = invoice("D-1", "charlie", &eur, "800.00", ymd(2025, 12, 31));
    /* P-1 was paid in part on 2026-02-04 (currency {0}: the invoice's). */
    memset(&partial, 0, sizeof partial);
    partial.date = ymd(2026, 2, 4);
    partial.amount = decimal("1000.00");
    invoices[5].payments = &partial;
    invoices[5].n_payments = 1;
    /* D-1 is disputed. */
    invoices[6].blocked = 1;

    check(coll_dunning_run_new(invoices, 7, &policy, ymd(2026, 3, 1), &run), "coll_dunning_run_new");

    printf("Dunning run as of 2026-03-01 (EUR)\n\n");
    printf("  %-8s %-6s %5s  %-16s %-5s %-16s %8s %8s %8s %8s\n", "customer", "inv", "days", "outcome", "level",
           "action", "outst.", "fee", "interest", "total");
    check(coll_dunning_run_customer_count(run, &n_customers), "coll_dunning_run_customer_count");
    for (c = 0; c < n_customers; c++) {
        coll_dunning_customer customer;
        check(coll_dunning_run_customer_at(run, c, &customer), "coll_dunning_run_customer_at");
        for (i = customer.first_line; i < customer.first_line + customer.n_lines; i++) {
            coll_dunning_line line;
            const char *outcome;
            check(coll_dunning_run_line_at(run, i, &line), "coll_dunning_run_line_at");
            check(coll_dunning_outcome_name(line.outcome, &outcome), "coll_dunning_outcome_name");
            printf("  %-8.*s %-6.*s %5lld  %-16s %5u %-16.*s %8s %8s %8s %8s\n", (int)customer.customer_id_len,
                   customer.customer_id, (int)line.invoice_id_len, line.invoice_id, (long long)line.days_overdue,
                   outcome, (unsigned)line.level, (int)line.action_len, line.action ? line.action : "",
                   text(&line.outstanding, a), text(&line.fee, b), text(&line.interest, d),
                   text(&line.total, e));
        }
        {
            char label[64];
            snprintf(label, sizeof label, "%.*s", (int)customer.customer_id_len, customer.customer_id);
            print_totals(label, &customer.totals);
        }
        printf("\n");
    }
    check(coll_dunning_run_get_totals(run, &totals), "coll_dunning_run_get_totals");
    print_totals("run", &totals);

    coll_dunning_run_free(run);
    return 0;
}
