/*
 * The worked example through the C ABI: split a payment by balances, an ACT/ACT ISDA year fraction, and
 * monthly due dates rolled to US business days. Build: make -C tests/c demo.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "collections.h"

/* Stops the demo with the library's message when a call fails. */
static void check(coll_status status, const char *what) {
    if (status != COLL_OK) {
        fprintf(stderr, "%s failed: %s: %s\n", what, coll_status_name(status), coll_last_error_message());
        exit(1);
    }
}

static coll_decimal decimal(const char *text) {
    coll_decimal d;
    check(coll_decimal_from_string(text, strlen(text), &d), text);
    return d;
}

static void print_decimal(const coll_decimal *d) {
    char buf[COLL_DECIMAL_TEXT_CAPACITY];
    size_t len;
    check(coll_decimal_to_string(d, buf, sizeof buf, &len), "coll_decimal_to_string");
    printf(" %s", buf);
}

static void split(const char *total_text, const char *const *weight_texts, size_t n) {
    coll_money total, parts[3];
    coll_decimal weights[3];
    size_t i;
    check(coll_currency_from_code("USD", 3, &total.currency), "coll_currency_from_code");
    total.amount = decimal(total_text);
    for (i = 0; i < n; i++) {
        weights[i] = decimal(weight_texts[i]);
    }
    check(coll_money_split(&total, weights, n, parts, 3), "coll_money_split");
    printf("split %s USD by", total_text);
    for (i = 0; i < n; i++) {
        printf(" %s", weight_texts[i]);
    }
    printf(":");
    for (i = 0; i < n; i++) {
        print_decimal(&parts[i].amount);
    }
    printf("\n");
}

int main(void) {
    static const char *const balances[3] = {"500", "300", "200"};
    static const char *const equal[3] = {"1", "1", "1"};
    coll_day_count isda;
    coll_date start = {2003, 11, 1}, end = {2004, 5, 1};
    coll_decimal fraction;
    coll_frequency monthly;
    coll_date due[6];
    size_t n_due = 0, i;
    coll_calendar *us = NULL;

    printf("collections %s (C ABI)\n", coll_version());
    split("100.00", balances, 3);
    split("100.00", equal, 3);

    check(coll_day_count_init(COLL_DAY_COUNT_ACT_ACT_ISDA, &isda), "coll_day_count_init");
    check(coll_year_fraction(&isda, start, end, &fraction), "coll_year_fraction");
    check(coll_decimal_round(&fraction, 12, COLL_ROUND_HALF_EVEN, &fraction), "coll_decimal_round");
    printf("ACT/ACT ISDA 2003-11-01 -> 2004-05-01:");
    print_decimal(&fraction);
    printf("\n");

    check(coll_frequency_from_name("monthly", 7, &monthly), "coll_frequency_from_name");
    check(coll_date_schedule((coll_date){2026, 1, 31}, &monthly, 6, NULL, false, due, 6, &n_due),
          "coll_date_schedule");
    check(coll_calendar_builtin("us-federal", 10, &us), "coll_calendar_builtin");
    printf("monthly from 2026-01-31, rolled following (US federal):\n");
    for (i = 0; i < n_due; i++) {
        coll_date rolled;
        check(coll_calendar_adjust(us, due[i], COLL_BUSINESS_DAY_FOLLOWING, &rolled), "coll_calendar_adjust");
        printf("  %04d-%02u-%02u -> %04d-%02u-%02u\n", (int)due[i].year, (unsigned)due[i].month,
               (unsigned)due[i].day, (int)rolled.year, (unsigned)rolled.month, (unsigned)rolled.day);
    }
    coll_calendar_free(us);
    return 0;
}
