/*
 * An amortized loan through the C ABI: 2000 USD lent on 2026-01-01 at 10% a year, repaid in 24 monthly
 * level payments from 2026-02-01, printed as a table (row, due date, payment, interest, principal,
 * balance) with the totals.
 *
 * Build and run: make -C tests/c schedule-example (the C tests build and run it too), or by hand against
 * an installed library: cc schedule.c $(pkg-config --cflags --libs collections).
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

/* The decimal's canonical text ("1924.38") in buf, which has COLL_DECIMAL_TEXT_CAPACITY bytes. */
static const char *text(const coll_decimal *d, char *buf) {
    size_t len;
    check(coll_decimal_to_string(d, buf, COLL_DECIMAL_TEXT_CAPACITY, &len), "coll_decimal_to_string");
    return buf;
}

int main(void) {
    coll_schedule_terms terms;
    coll_schedule *schedule = NULL;
    coll_schedule_row *rows;
    coll_schedule_totals totals;
    coll_decimal level;
    bool has_level;
    size_t n_rows = 0, i;
    char a[COLL_DECIMAL_TEXT_CAPACITY], b[COLL_DECIMAL_TEXT_CAPACITY], c[COLL_DECIMAL_TEXT_CAPACITY],
        d[COLL_DECIMAL_TEXT_CAPACITY];

    /* The defaults (monthly, level payment, periodic interest, half-up rounding), then the loan. */
    check(coll_schedule_terms_init(&terms), "coll_schedule_terms_init");
    check(coll_decimal_from_string("2000", 4, &terms.principal), "principal");
    check(coll_currency_from_code("USD", 3, &terms.currency), "currency");
    check(coll_decimal_from_string("0.10", 4, &terms.annual_rate), "annual_rate");
    terms.start_date.year = 2026;
    terms.start_date.month = 1;
    terms.start_date.day = 1;
    terms.first_due_date.year = 2026;
    terms.first_due_date.month = 2;
    terms.first_due_date.day = 1;
    terms.term = 24;
    check(coll_schedule_new(&terms, &schedule), "coll_schedule_new");

    /* Ask for the number of rows (no buffer, capacity 0), then copy them all. */
    if (coll_schedule_rows(schedule, NULL, 0, &n_rows) != COLL_BUFFER_TOO_SMALL) {
        fprintf(stderr, "coll_schedule_rows did not report its size\n");
        return 1;
    }
    rows = (coll_schedule_row *)calloc(n_rows, sizeof *rows);
    if (rows == NULL) {
        fprintf(stderr, "out of memory\n");
        return 1;
    }
    check(coll_schedule_rows(schedule, rows, n_rows, &n_rows), "coll_schedule_rows");

    check(coll_schedule_level_payment(schedule, &has_level, &level), "coll_schedule_level_payment");
    printf("2000.00 USD at 10%% over 24 months from 2026-01-01: level payment %s\n\n",
           has_level ? text(&level, a) : "(none)");
    printf("%4s  %-10s  %9s  %9s  %9s  %9s\n", "row", "due date", "payment", "interest", "principal", "balance");
    for (i = 0; i < n_rows; i++) {
        const coll_schedule_row *r = &rows[i];
        printf("%4lu  %04d-%02u-%02u  %9s  %9s  %9s  %9s\n", (unsigned long)r->number, (int)r->due_date.year,
               (unsigned)r->due_date.month, (unsigned)r->due_date.day, text(&r->payment, a),
               text(&r->interest, b), text(&r->principal, c), text(&r->closing_balance, d));
    }
    check(coll_schedule_get_totals(schedule, &totals), "coll_schedule_get_totals");
    printf("%4s  %-10s  %9s  %9s  %9s\n", "", "total", text(&totals.payment, a), text(&totals.interest, b),
           text(&totals.principal, c));

    free(rows);
    coll_schedule_free(schedule);
    return 0;
}
