/*
 * Every bad input through the C ABI: NULL for each pointer argument of each function, invalid values of
 * every kind, out-of-range enum numbers, invalid structs, buffers too small, bad UTF-8. Each failure is
 * checked for its exact status, a message that starts with the field at fault, and out-parameters left
 * untouched. Also: status names, the version, per-thread error messages, aliasing of in and out.
 *
 * The Makefile's `coverage` target checks that this file calls every function in collections.h.
 */
#define _POSIX_C_SOURCE 200809L

#include <pthread.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "collections.h"

#ifndef COLL_EXPECTED_VERSION
#error "build with -DCOLL_EXPECTED_VERSION='\"x.y.z\"' (the Makefile passes Cargo.toml's version)"
#endif

static int checks = 0;
static int failures = 0;

static void fail_at(int line, const char *what, const char *detail) {
    failures++;
    printf("FAIL line %d: %s: %s\n", line, what, detail);
}

/* The call returned `want`; on failure the message is non-empty and starts with "field:". */
static void expect_status(int line, const char *call, coll_status got, coll_status want, const char *field) {
    char detail[512];
    const char *msg;
    checks++;
    if (got != want) {
        snprintf(detail, sizeof detail, "got %s, expected %s (%s)", coll_status_name(got), coll_status_name(want),
                 got == COLL_OK ? "no error" : coll_last_error_message());
        fail_at(line, call, detail);
        return;
    }
    if (want == COLL_OK) {
        return;
    }
    msg = coll_last_error_message();
    if (msg == NULL || msg[0] == '\0') {
        fail_at(line, call, "empty last error message");
        return;
    }
    if (field != NULL) {
        size_t n = strlen(field);
        if (strncmp(msg, field, n) != 0 || msg[n] != ':') {
            snprintf(detail, sizeof detail, "message \"%s\" does not start with \"%s:\"", msg, field);
            fail_at(line, call, detail);
        }
    }
}

#define EXPECT(call, status, field) expect_status(__LINE__, #call, (call), (status), (field))
#define EXPECT_OK(call) expect_status(__LINE__, #call, (call), COLL_OK, NULL)
#define EXPECT_NULL(call, field) EXPECT(call, COLL_NULL_ARGUMENT, field)
#define EXPECT_TRUE(cond)                                                                          \
    do {                                                                                           \
        checks++;                                                                                  \
        if (!(cond)) {                                                                             \
            fail_at(__LINE__, #cond, "is false");                                                  \
        }                                                                                          \
    } while (0)

/* Out-parameters are filled with this byte before a failing call and must still hold it after. */
#define SENTINEL 0xA5

static void poison(void *p, size_t n) {
    memset(p, SENTINEL, n);
}

static void expect_untouched(int line, const char *name, const void *p, size_t n) {
    const unsigned char *b = (const unsigned char *)p;
    size_t i;
    checks++;
    for (i = 0; i < n; i++) {
        if (b[i] != SENTINEL) {
            fail_at(line, name, "out-parameter was written by a failing call");
            return;
        }
    }
}

#define POISON(var) poison(&(var), sizeof(var))
#define UNTOUCHED(var) expect_untouched(__LINE__, #var, &(var), sizeof(var))

/* ---------------------------------------------------------------- fixtures */

static coll_decimal dec(const char *text) {
    coll_decimal d;
    memset(&d, 0, sizeof d);
    if (coll_decimal_from_string(text, strlen(text), &d) != COLL_OK) {
        printf("FAIL fixture: %s is not a decimal: %s\n", text, coll_last_error_message());
        failures++;
    }
    return d;
}

static coll_currency currency(const char *code) {
    coll_currency c;
    memset(&c, 0, sizeof c);
    if (coll_currency_from_code(code, strlen(code), &c) != COLL_OK) {
        printf("FAIL fixture: %s is not a currency\n", code);
        failures++;
    }
    return c;
}

static coll_money money(const char *amount, const char *code) {
    coll_money m;
    m.amount = dec(amount);
    m.currency = currency(code);
    return m;
}

static coll_date ymd(int32_t y, uint32_t m, uint32_t d) {
    coll_date date;
    date.year = y;
    date.month = m;
    date.day = d;
    return date;
}

static int text_is(const coll_decimal *d, const char *want) {
    char buf[COLL_DECIMAL_TEXT_CAPACITY];
    size_t len;
    return coll_decimal_to_string(d, buf, sizeof buf, &len) == COLL_OK && strcmp(buf, want) == 0 &&
           len == strlen(want);
}

static int same_date(coll_date a, coll_date b) {
    return a.year == b.year && a.month == b.month && a.day == b.day;
}

static const char BAD_UTF8[] = "\xff\xfe";

/* ---------------------------------------------------------------- conventions */

static void *thread_messages(void *arg) {
    coll_date d;
    int *ok = (int *)arg;
    /* A new thread has no last error, whatever other threads did. */
    *ok = coll_last_error_message()[0] == '\0';
    *ok = *ok && coll_date_from_string("2025-02-31", 10, &d) == COLL_INVALID_DATE;
    *ok = *ok && strncmp(coll_last_error_message(), "text:", 5) == 0;
    return NULL;
}

static void test_conventions(void) {
    char version[64];
    pthread_t thread;
    int thread_ok = 0;
    coll_decimal d;

    /* Nothing has failed yet on this thread. */
    EXPECT_TRUE(coll_last_error_message() != NULL && coll_last_error_message()[0] == '\0');

    EXPECT_TRUE(strcmp(coll_version(), COLL_EXPECTED_VERSION) == 0);
    snprintf(version, sizeof version, "%d.%d.%d", COLL_VERSION_MAJOR, COLL_VERSION_MINOR, COLL_VERSION_PATCH);
    EXPECT_TRUE(strcmp(version, coll_version()) == 0);

    EXPECT_TRUE(strcmp(coll_status_name(COLL_OK), "COLL_OK") == 0);
    EXPECT_TRUE(strcmp(coll_status_name(COLL_NULL_ARGUMENT), "COLL_NULL_ARGUMENT") == 0);
    EXPECT_TRUE(strcmp(coll_status_name(COLL_INVALID_ARGUMENT), "COLL_INVALID_ARGUMENT") == 0);
    EXPECT_TRUE(strcmp(coll_status_name(COLL_INVALID_DECIMAL), "COLL_INVALID_DECIMAL") == 0);
    EXPECT_TRUE(strcmp(coll_status_name(COLL_INVALID_DATE), "COLL_INVALID_DATE") == 0);
    EXPECT_TRUE(strcmp(coll_status_name(COLL_UNKNOWN_CURRENCY), "COLL_UNKNOWN_CURRENCY") == 0);
    EXPECT_TRUE(strcmp(coll_status_name(COLL_CURRENCY_MISMATCH), "COLL_CURRENCY_MISMATCH") == 0);
    EXPECT_TRUE(strcmp(coll_status_name(COLL_INVALID_RATE), "COLL_INVALID_RATE") == 0);
    EXPECT_TRUE(strcmp(coll_status_name(COLL_OVERFLOW), "COLL_OVERFLOW") == 0);
    EXPECT_TRUE(strcmp(coll_status_name(COLL_DATE_OUT_OF_RANGE), "COLL_DATE_OUT_OF_RANGE") == 0);
    EXPECT_TRUE(strcmp(coll_status_name(COLL_BUFFER_TOO_SMALL), "COLL_BUFFER_TOO_SMALL") == 0);
    EXPECT_TRUE(strcmp(coll_status_name(COLL_INVALID_UTF8), "COLL_INVALID_UTF8") == 0);
    EXPECT_TRUE(strcmp(coll_status_name(COLL_NO_SOLUTION), "COLL_NO_SOLUTION") == 0);
    EXPECT_TRUE(strcmp(coll_status_name(COLL_PANIC), "COLL_PANIC") == 0);
    EXPECT_TRUE(strcmp(coll_status_name(13), "COLL_UNKNOWN_STATUS") == 0);
    EXPECT_TRUE(strcmp(coll_status_name(UINT32_MAX), "COLL_UNKNOWN_STATUS") == 0);
    EXPECT_TRUE(COLL_OK == 0 && COLL_NULL_ARGUMENT == 1 && COLL_INVALID_ARGUMENT == 2 &&
                COLL_INVALID_DECIMAL == 3 && COLL_INVALID_DATE == 4 && COLL_UNKNOWN_CURRENCY == 5 &&
                COLL_CURRENCY_MISMATCH == 6 && COLL_INVALID_RATE == 7 && COLL_OVERFLOW == 8 &&
                COLL_DATE_OUT_OF_RANGE == 9 && COLL_BUFFER_TOO_SMALL == 10 && COLL_INVALID_UTF8 == 11 &&
                COLL_NO_SOLUTION == 12 && COLL_PANIC == 99);

    /* The last error is per thread, and a success does not clear it. */
    EXPECT(coll_decimal_from_string("x", 1, &d), COLL_INVALID_DECIMAL, "text");
    EXPECT_TRUE(pthread_create(&thread, NULL, thread_messages, &thread_ok) == 0);
    EXPECT_TRUE(pthread_join(thread, NULL) == 0);
    EXPECT_TRUE(thread_ok);
    EXPECT_OK(coll_decimal_from_string("1", 1, &d));
    EXPECT_TRUE(strncmp(coll_last_error_message(), "text:", 5) == 0);

    /* Text carries its length: no NUL needed, and bytes after `len` are not read. */
    EXPECT_OK(coll_decimal_from_string("12.5xyz", 4, &d));
    EXPECT_TRUE(text_is(&d, "12.5"));
    /* An embedded NUL is just a bad byte, shown escaped in the message. */
    EXPECT(coll_decimal_from_string("1\0002", 3, &d), COLL_INVALID_DECIMAL, "text");
    EXPECT_TRUE(strstr(coll_last_error_message(), "\\0") != NULL);
}

/* ---------------------------------------------------------------- NULL for every pointer argument */

static void test_null_arguments(void) {
    coll_money m = money("10.00", "USD"), m_out;
    coll_currency usd = currency("USD"), cur_out;
    coll_decimal one = dec("1"), d_out, weights[2];
    coll_money parts[2];
    coll_date date = ymd(2026, 1, 15), date_out, dates[4];
    coll_frequency monthly, freq_out;
    coll_day_count dc, dc_out;
    coll_calendar *cal = NULL, *cal_out;
    coll_weekday weekend[2] = {COLL_WEEKDAY_SATURDAY, COLL_WEEKDAY_SUNDAY};
    coll_rounding_mode mode_out;
    coll_business_day_convention conv_out;
    char buf[COLL_DECIMAL_TEXT_CAPACITY];
    size_t len_out;
    int64_t i64_out;
    int32_t i32_out;
    bool bool_out;
    coll_when when_out;
    coll_unit_period unit;
    coll_regulation_z_apr apr_in, apr_out;
    coll_decimal d_out2;

    unit.kind = COLL_UNIT_PERIOD_MONTHS;
    unit.count = 1;
    memset(&apr_in, 0, sizeof apr_in);
    weights[0] = one;
    weights[1] = one;
    EXPECT_OK(coll_frequency_from_name("monthly", 7, &monthly));
    EXPECT_OK(coll_day_count_init(COLL_DAY_COUNT_ACT_360, &dc));
    EXPECT_OK(coll_calendar_builtin("weekends", 8, &cal));

    POISON(m_out);
    POISON(cur_out);
    POISON(d_out);
    POISON(parts);
    POISON(date_out);
    POISON(dates);
    POISON(freq_out);
    POISON(dc_out);
    POISON(cal_out);
    POISON(mode_out);
    POISON(conv_out);
    POISON(buf);
    POISON(len_out);
    POISON(i64_out);
    POISON(i32_out);
    POISON(bool_out);
    POISON(when_out);
    POISON(apr_out);
    POISON(d_out2);

    /* money */
    EXPECT_NULL(coll_money_add(NULL, &m, &m_out), "left");
    EXPECT_NULL(coll_money_add(&m, NULL, &m_out), "right");
    EXPECT_NULL(coll_money_add(&m, &m, NULL), "out");
    EXPECT_NULL(coll_money_sub(NULL, &m, &m_out), "left");
    EXPECT_NULL(coll_money_sub(&m, NULL, &m_out), "right");
    EXPECT_NULL(coll_money_sub(&m, &m, NULL), "out");
    EXPECT_NULL(coll_money_round(NULL, COLL_ROUND_HALF_UP, &m_out), "money");
    EXPECT_NULL(coll_money_round(&m, COLL_ROUND_HALF_UP, NULL), "out");
    EXPECT_NULL(coll_money_round_to_multiple(NULL, &one, COLL_ROUND_UP, &m_out), "money");
    EXPECT_NULL(coll_money_round_to_multiple(&m, NULL, COLL_ROUND_UP, &m_out), "multiple");
    EXPECT_NULL(coll_money_round_to_multiple(&m, &one, COLL_ROUND_UP, NULL), "out");
    EXPECT_NULL(coll_money_split(NULL, weights, 2, parts, 2), "total");
    EXPECT_NULL(coll_money_split(&m, NULL, 2, parts, 2), "weights");
    EXPECT_NULL(coll_money_split(&m, NULL, 0, parts, 2), "weights");
    EXPECT_NULL(coll_money_split(&m, weights, 2, NULL, 2), "out_parts");
    EXPECT_NULL(coll_money_from_minor_units(100, NULL, &m_out), "currency");
    EXPECT_NULL(coll_money_from_minor_units(100, &usd, NULL), "out");
    EXPECT_NULL(coll_money_to_minor_units(NULL, &i64_out), "money");
    EXPECT_NULL(coll_money_to_minor_units(&m, NULL), "out");

    /* currencies */
    EXPECT_NULL(coll_currency_from_code(NULL, 3, &cur_out), "code");
    EXPECT_NULL(coll_currency_from_code("USD", 3, NULL), "out");
    EXPECT_NULL(coll_currency_new(NULL, 3, 2, &cur_out), "code");
    EXPECT_NULL(coll_currency_new("PTS", 3, 0, NULL), "out");

    /* decimals and rounding */
    EXPECT_NULL(coll_decimal_from_string(NULL, 1, &d_out), "text");
    EXPECT_NULL(coll_decimal_from_string(NULL, 0, &d_out), "text");
    EXPECT_NULL(coll_decimal_from_string("1", 1, NULL), "out");
    EXPECT_NULL(coll_decimal_to_string(NULL, buf, sizeof buf, &len_out), "value");
    EXPECT_NULL(coll_decimal_to_string(&one, NULL, sizeof buf, &len_out), "buf");
    EXPECT_NULL(coll_decimal_to_string(&one, buf, sizeof buf, NULL), "out_len");
    EXPECT_NULL(coll_decimal_from_minor_units(100, 2, NULL), "out");
    EXPECT_NULL(coll_decimal_to_minor_units(NULL, 2, &i64_out), "value");
    EXPECT_NULL(coll_decimal_to_minor_units(&one, 2, NULL), "out");
    EXPECT_NULL(coll_decimal_round(NULL, 2, COLL_ROUND_HALF_UP, &d_out), "value");
    EXPECT_NULL(coll_decimal_round(&one, 2, COLL_ROUND_HALF_UP, NULL), "out");
    EXPECT_NULL(coll_decimal_round_to_multiple(NULL, &one, COLL_ROUND_UP, &d_out), "value");
    EXPECT_NULL(coll_decimal_round_to_multiple(&one, NULL, COLL_ROUND_UP, &d_out), "multiple");
    EXPECT_NULL(coll_decimal_round_to_multiple(&one, &one, COLL_ROUND_UP, NULL), "out");
    EXPECT_NULL(coll_decimal_cmp(NULL, &one, &i32_out), "left");
    EXPECT_NULL(coll_decimal_cmp(&one, NULL, &i32_out), "right");
    EXPECT_NULL(coll_decimal_cmp(&one, &one, NULL), "out");
    EXPECT_NULL(coll_rounding_mode_from_name(NULL, 7, &mode_out), "name");
    EXPECT_NULL(coll_rounding_mode_from_name("half-up", 7, NULL), "out");

    /* rates */
    EXPECT_NULL(coll_rate_from_percent(NULL, &d_out), "percent");
    EXPECT_NULL(coll_rate_from_percent(&one, NULL), "out_fraction");
    EXPECT_NULL(coll_rate_check(NULL), "fraction");
    EXPECT_NULL(coll_rate_periodic(NULL, &monthly, &d_out), "rate");
    EXPECT_NULL(coll_rate_periodic(&one, NULL, &d_out), "frequency");
    EXPECT_NULL(coll_rate_periodic(&one, &monthly, NULL), "out");
    EXPECT_NULL(coll_rate_effective_annual(NULL, 12, false, &d_out), "rate");
    EXPECT_NULL(coll_rate_effective_annual(&one, 12, false, NULL), "out");
    EXPECT_NULL(coll_rate_nominal_from_effective(NULL, 12, false, &d_out), "effective");
    EXPECT_NULL(coll_rate_nominal_from_effective(&one, 12, false, NULL), "out");

    /* calendars */
    EXPECT_NULL(coll_calendar_builtin(NULL, 2, &cal_out), "name");
    EXPECT_NULL(coll_calendar_builtin("US", 2, NULL), "out");
    EXPECT_NULL(coll_calendar_new(NULL, 2, &date, 1, &cal_out), "weekend_days");
    EXPECT_NULL(coll_calendar_new(weekend, 2, NULL, 1, &cal_out), "holidays");
    EXPECT_NULL(coll_calendar_new(weekend, 2, &date, 1, NULL), "out");
    coll_calendar_free(NULL); /* a no-op */
    EXPECT_NULL(coll_calendar_is_business_day(NULL, date, &bool_out), "calendar");
    EXPECT_NULL(coll_calendar_is_business_day(cal, date, NULL), "out");
    EXPECT_NULL(coll_calendar_is_holiday(NULL, date, &bool_out), "calendar");
    EXPECT_NULL(coll_calendar_is_holiday(cal, date, NULL), "out");
    EXPECT_NULL(coll_calendar_adjust(NULL, date, COLL_BUSINESS_DAY_FOLLOWING, &date_out), "calendar");
    EXPECT_NULL(coll_calendar_adjust(cal, date, COLL_BUSINESS_DAY_FOLLOWING, NULL), "out");
    EXPECT_NULL(coll_calendar_add_business_days(NULL, date, 1, &date_out), "calendar");
    EXPECT_NULL(coll_calendar_add_business_days(cal, date, 1, NULL), "out");
    EXPECT_NULL(coll_calendar_holidays(NULL, 2026, dates, 4, &len_out), "calendar");
    EXPECT_NULL(coll_calendar_holidays(cal, 2026, NULL, 4, &len_out), "out");
    EXPECT_NULL(coll_calendar_holidays(cal, 2026, dates, 4, NULL), "out_len");
    EXPECT_NULL(coll_business_day_convention_from_name(NULL, 9, &conv_out), "name");
    EXPECT_NULL(coll_business_day_convention_from_name("following", 9, NULL), "out");

    /* dates, day counts, frequencies, schedules */
    EXPECT_NULL(coll_date_from_string(NULL, 10, &date_out), "text");
    EXPECT_NULL(coll_date_from_string("2026-01-01", 10, NULL), "out");
    EXPECT_NULL(coll_day_count_init(COLL_DAY_COUNT_ACT_360, NULL), "out");
    EXPECT_NULL(coll_day_count_from_name(NULL, 7, &dc_out), "name");
    EXPECT_NULL(coll_day_count_from_name("ACT/360", 7, NULL), "out");
    EXPECT_NULL(coll_day_count_days(NULL, date, date, &i64_out), "day_count");
    EXPECT_NULL(coll_day_count_days(&dc, date, date, NULL), "out");
    EXPECT_NULL(coll_year_fraction(NULL, date, date, &d_out), "day_count");
    EXPECT_NULL(coll_year_fraction(&dc, date, date, NULL), "out");
    EXPECT_NULL(coll_frequency_from_name(NULL, 7, &freq_out), "name");
    EXPECT_NULL(coll_frequency_from_name("monthly", 7, NULL), "out");
    EXPECT_NULL(coll_date_schedule(date, NULL, 3, NULL, false, dates, 4, &len_out), "frequency");
    EXPECT_NULL(coll_date_schedule(date, &monthly, 3, NULL, false, NULL, 4, &len_out), "out");
    EXPECT_NULL(coll_date_schedule(date, &monthly, 3, NULL, false, dates, 4, NULL), "out_len");

    /* finance (a NULL guess is allowed: it is tested in test_finance) */
    EXPECT_NULL(coll_fv(NULL, &one, &one, &one, COLL_WHEN_END, &d_out), "rate");
    EXPECT_NULL(coll_fv(&one, NULL, &one, &one, COLL_WHEN_END, &d_out), "nper");
    EXPECT_NULL(coll_fv(&one, &one, NULL, &one, COLL_WHEN_END, &d_out), "pmt");
    EXPECT_NULL(coll_fv(&one, &one, &one, NULL, COLL_WHEN_END, &d_out), "pv");
    EXPECT_NULL(coll_fv(&one, &one, &one, &one, COLL_WHEN_END, NULL), "out");
    EXPECT_NULL(coll_pv(NULL, &one, &one, &one, COLL_WHEN_END, &d_out), "rate");
    EXPECT_NULL(coll_pv(&one, NULL, &one, &one, COLL_WHEN_END, &d_out), "nper");
    EXPECT_NULL(coll_pv(&one, &one, NULL, &one, COLL_WHEN_END, &d_out), "pmt");
    EXPECT_NULL(coll_pv(&one, &one, &one, NULL, COLL_WHEN_END, &d_out), "fv");
    EXPECT_NULL(coll_pv(&one, &one, &one, &one, COLL_WHEN_END, NULL), "out");
    EXPECT_NULL(coll_pmt(NULL, &one, &one, &one, COLL_WHEN_END, &d_out), "rate");
    EXPECT_NULL(coll_pmt(&one, NULL, &one, &one, COLL_WHEN_END, &d_out), "nper");
    EXPECT_NULL(coll_pmt(&one, &one, NULL, &one, COLL_WHEN_END, &d_out), "pv");
    EXPECT_NULL(coll_pmt(&one, &one, &one, NULL, COLL_WHEN_END, &d_out), "fv");
    EXPECT_NULL(coll_pmt(&one, &one, &one, &one, COLL_WHEN_END, NULL), "out");
    EXPECT_NULL(coll_nper(NULL, &one, &one, &one, COLL_WHEN_END, &d_out), "rate");
    EXPECT_NULL(coll_nper(&one, NULL, &one, &one, COLL_WHEN_END, &d_out), "pmt");
    EXPECT_NULL(coll_nper(&one, &one, NULL, &one, COLL_WHEN_END, &d_out), "pv");
    EXPECT_NULL(coll_nper(&one, &one, &one, NULL, COLL_WHEN_END, &d_out), "fv");
    EXPECT_NULL(coll_nper(&one, &one, &one, &one, COLL_WHEN_END, NULL), "out");
    EXPECT_NULL(coll_ipmt(NULL, &one, &one, &one, &one, COLL_WHEN_END, &d_out), "rate");
    EXPECT_NULL(coll_ipmt(&one, NULL, &one, &one, &one, COLL_WHEN_END, &d_out), "per");
    EXPECT_NULL(coll_ipmt(&one, &one, NULL, &one, &one, COLL_WHEN_END, &d_out), "nper");
    EXPECT_NULL(coll_ipmt(&one, &one, &one, NULL, &one, COLL_WHEN_END, &d_out), "pv");
    EXPECT_NULL(coll_ipmt(&one, &one, &one, &one, NULL, COLL_WHEN_END, &d_out), "fv");
    EXPECT_NULL(coll_ipmt(&one, &one, &one, &one, &one, COLL_WHEN_END, NULL), "out");
    EXPECT_NULL(coll_ppmt(NULL, &one, &one, &one, &one, COLL_WHEN_END, &d_out), "rate");
    EXPECT_NULL(coll_ppmt(&one, NULL, &one, &one, &one, COLL_WHEN_END, &d_out), "per");
    EXPECT_NULL(coll_ppmt(&one, &one, NULL, &one, &one, COLL_WHEN_END, &d_out), "nper");
    EXPECT_NULL(coll_ppmt(&one, &one, &one, NULL, &one, COLL_WHEN_END, &d_out), "pv");
    EXPECT_NULL(coll_ppmt(&one, &one, &one, &one, NULL, COLL_WHEN_END, &d_out), "fv");
    EXPECT_NULL(coll_ppmt(&one, &one, &one, &one, &one, COLL_WHEN_END, NULL), "out");
    EXPECT_NULL(coll_cumipmt(NULL, &one, &one, &one, &one, COLL_WHEN_END, &d_out), "rate");
    EXPECT_NULL(coll_cumipmt(&one, NULL, &one, &one, &one, COLL_WHEN_END, &d_out), "nper");
    EXPECT_NULL(coll_cumipmt(&one, &one, NULL, &one, &one, COLL_WHEN_END, &d_out), "pv");
    EXPECT_NULL(coll_cumipmt(&one, &one, &one, NULL, &one, COLL_WHEN_END, &d_out), "start_period");
    EXPECT_NULL(coll_cumipmt(&one, &one, &one, &one, NULL, COLL_WHEN_END, &d_out), "end_period");
    EXPECT_NULL(coll_cumipmt(&one, &one, &one, &one, &one, COLL_WHEN_END, NULL), "out");
    EXPECT_NULL(coll_cumprinc(NULL, &one, &one, &one, &one, COLL_WHEN_END, &d_out), "rate");
    EXPECT_NULL(coll_cumprinc(&one, NULL, &one, &one, &one, COLL_WHEN_END, &d_out), "nper");
    EXPECT_NULL(coll_cumprinc(&one, &one, NULL, &one, &one, COLL_WHEN_END, &d_out), "pv");
    EXPECT_NULL(coll_cumprinc(&one, &one, &one, NULL, &one, COLL_WHEN_END, &d_out), "start_period");
    EXPECT_NULL(coll_cumprinc(&one, &one, &one, &one, NULL, COLL_WHEN_END, &d_out), "end_period");
    EXPECT_NULL(coll_cumprinc(&one, &one, &one, &one, &one, COLL_WHEN_END, NULL), "out");
    EXPECT_NULL(coll_rate(NULL, &one, &one, &one, COLL_WHEN_END, &one, &d_out), "nper");
    EXPECT_NULL(coll_rate(&one, NULL, &one, &one, COLL_WHEN_END, &one, &d_out), "pmt");
    EXPECT_NULL(coll_rate(&one, &one, NULL, &one, COLL_WHEN_END, &one, &d_out), "pv");
    EXPECT_NULL(coll_rate(&one, &one, &one, NULL, COLL_WHEN_END, &one, &d_out), "fv");
    EXPECT_NULL(coll_rate(&one, &one, &one, &one, COLL_WHEN_END, &one, NULL), "out");
    EXPECT_NULL(coll_rate(&one, &one, &one, &one, COLL_WHEN_END, NULL, NULL), "out");
    EXPECT_NULL(coll_npv(NULL, weights, 2, &d_out), "rate");
    EXPECT_NULL(coll_npv(&one, NULL, 2, &d_out), "values");
    EXPECT_NULL(coll_npv(&one, NULL, 0, &d_out), "values");
    EXPECT_NULL(coll_npv(&one, weights, 2, NULL), "out");
    EXPECT_NULL(coll_irr(NULL, 2, &one, &d_out), "values");
    EXPECT_NULL(coll_irr(NULL, 0, NULL, &d_out), "values");
    EXPECT_NULL(coll_irr(weights, 2, &one, NULL), "out");
    EXPECT_NULL(coll_irr(weights, 2, NULL, NULL), "out");
    EXPECT_NULL(coll_mirr(NULL, 2, &one, &one, &d_out), "values");
    EXPECT_NULL(coll_mirr(NULL, 0, &one, &one, &d_out), "values");
    EXPECT_NULL(coll_mirr(weights, 2, NULL, &one, &d_out), "finance_rate");
    EXPECT_NULL(coll_mirr(weights, 2, &one, NULL, &d_out), "reinvest_rate");
    EXPECT_NULL(coll_mirr(weights, 2, &one, &one, NULL), "out");
    EXPECT_NULL(coll_xnpv(NULL, dates, weights, 2, &dc, &d_out), "rate");
    EXPECT_NULL(coll_xnpv(&one, NULL, weights, 2, &dc, &d_out), "dates");
    EXPECT_NULL(coll_xnpv(&one, NULL, weights, 0, &dc, &d_out), "dates");
    EXPECT_NULL(coll_xnpv(&one, dates, NULL, 2, &dc, &d_out), "amounts");
    EXPECT_NULL(coll_xnpv(&one, dates, NULL, 0, &dc, &d_out), "amounts");
    EXPECT_NULL(coll_xnpv(&one, dates, weights, 2, NULL, &d_out), "day_count");
    EXPECT_NULL(coll_xnpv(&one, dates, weights, 2, &dc, NULL), "out");
    EXPECT_NULL(coll_xirr(NULL, weights, 2, &dc, &one, &d_out), "dates");
    EXPECT_NULL(coll_xirr(NULL, weights, 0, &dc, NULL, &d_out), "dates");
    EXPECT_NULL(coll_xirr(dates, NULL, 2, &dc, &one, &d_out), "amounts");
    EXPECT_NULL(coll_xirr(dates, NULL, 0, &dc, NULL, &d_out), "amounts");
    EXPECT_NULL(coll_xirr(dates, weights, 2, NULL, &one, &d_out), "day_count");
    EXPECT_NULL(coll_xirr(dates, weights, 2, &dc, &one, NULL), "out");
    EXPECT_NULL(coll_xirr(dates, weights, 2, &dc, NULL, NULL), "out");
    EXPECT_NULL(coll_when_from_name(NULL, 3, &when_out), "name");
    EXPECT_NULL(coll_when_from_name("end", 3, NULL), "out");

    /* annual percentage rates (a NULL unit_period is allowed: it is tested in test_apr) */
    EXPECT_NULL(coll_apr_regulation_z(NULL, weights, 1, dates, weights, 2, &unit, &apr_out), "advance_dates");
    EXPECT_NULL(coll_apr_regulation_z(NULL, weights, 0, dates, weights, 2, NULL, &apr_out), "advance_dates");
    EXPECT_NULL(coll_apr_regulation_z(dates, NULL, 1, dates, weights, 2, &unit, &apr_out), "advance_amounts");
    EXPECT_NULL(coll_apr_regulation_z(dates, NULL, 0, dates, weights, 2, NULL, &apr_out), "advance_amounts");
    EXPECT_NULL(coll_apr_regulation_z(dates, weights, 1, NULL, weights, 2, &unit, &apr_out), "payment_dates");
    EXPECT_NULL(coll_apr_regulation_z(dates, weights, 1, NULL, weights, 0, NULL, &apr_out), "payment_dates");
    EXPECT_NULL(coll_apr_regulation_z(dates, weights, 1, dates, NULL, 2, &unit, &apr_out), "payment_amounts");
    EXPECT_NULL(coll_apr_regulation_z(dates, weights, 1, dates, NULL, 0, NULL, &apr_out), "payment_amounts");
    EXPECT_NULL(coll_apr_regulation_z(dates, weights, 1, dates, weights, 2, &unit, NULL), "out");
    EXPECT_NULL(coll_apr_regulation_z(dates, weights, 1, dates, weights, 2, NULL, NULL), "out");
    EXPECT_NULL(coll_apr_is_accurate(NULL, &one, &bool_out), "computed");
    EXPECT_NULL(coll_apr_is_accurate(&apr_in, NULL, &bool_out), "disclosed");
    EXPECT_NULL(coll_apr_is_accurate(&apr_in, &one, NULL), "out");
    EXPECT_NULL(coll_aprc_eu(NULL, weights, 1, dates, weights, 2, COLL_APRC_BASIS_DAYS, 2, &d_out, &d_out2),
                "drawdown_dates");
    EXPECT_NULL(coll_aprc_eu(NULL, weights, 0, dates, weights, 2, COLL_APRC_BASIS_DAYS, 2, &d_out, &d_out2),
                "drawdown_dates");
    EXPECT_NULL(coll_aprc_eu(dates, NULL, 1, dates, weights, 2, COLL_APRC_BASIS_DAYS, 2, &d_out, &d_out2),
                "drawdown_amounts");
    EXPECT_NULL(coll_aprc_eu(dates, weights, 1, NULL, weights, 2, COLL_APRC_BASIS_DAYS, 2, &d_out, &d_out2),
                "payment_dates");
    EXPECT_NULL(coll_aprc_eu(dates, weights, 1, dates, NULL, 2, COLL_APRC_BASIS_DAYS, 2, &d_out, &d_out2),
                "payment_amounts");
    EXPECT_NULL(coll_aprc_eu(dates, weights, 1, dates, NULL, 0, COLL_APRC_BASIS_DAYS, 2, &d_out, &d_out2),
                "payment_amounts");
    EXPECT_NULL(coll_aprc_eu(dates, weights, 1, dates, weights, 2, COLL_APRC_BASIS_DAYS, 2, NULL, &d_out2),
                "out_percent");
    EXPECT_NULL(coll_aprc_eu(dates, weights, 1, dates, weights, 2, COLL_APRC_BASIS_DAYS, 2, &d_out, NULL),
                "out_rate");

    UNTOUCHED(m_out);
    UNTOUCHED(cur_out);
    UNTOUCHED(d_out);
    UNTOUCHED(parts);
    UNTOUCHED(date_out);
    UNTOUCHED(dates);
    UNTOUCHED(freq_out);
    UNTOUCHED(dc_out);
    UNTOUCHED(cal_out);
    UNTOUCHED(mode_out);
    UNTOUCHED(conv_out);
    UNTOUCHED(buf);
    UNTOUCHED(len_out);
    UNTOUCHED(i64_out);
    UNTOUCHED(i32_out);
    UNTOUCHED(bool_out);
    UNTOUCHED(when_out);
    UNTOUCHED(apr_out);
    UNTOUCHED(d_out2);
    coll_calendar_free(cal);
}

/* ---------------------------------------------------------------- decimals */

static void test_decimals(void) {
    coll_decimal d, out, big, one = dec("1");
    char buf[COLL_DECIMAL_TEXT_CAPACITY];
    size_t len;
    int64_t units;
    int32_t order;
    static const char *const not_numbers[] = {"", " ", "abc", "12,50", "1.2.3", "--1", "NaN", "inf", "0x10", "1e"};
    static const char *const too_big[] = {"1e40", "79228162514264337593543950336",
                                          "-79228162514264337593543950336"};
    size_t i;

    POISON(out);
    for (i = 0; i < sizeof not_numbers / sizeof not_numbers[0]; i++) {
        EXPECT(coll_decimal_from_string(not_numbers[i], strlen(not_numbers[i]), &out), COLL_INVALID_DECIMAL,
               "text");
    }
    for (i = 0; i < sizeof too_big / sizeof too_big[0]; i++) {
        EXPECT(coll_decimal_from_string(too_big[i], strlen(too_big[i]), &out), COLL_INVALID_DECIMAL, "text");
    }
    EXPECT(coll_decimal_from_string(BAD_UTF8, 2, &out), COLL_INVALID_UTF8, "text");
    UNTOUCHED(out);

    /* The largest and smallest values, and the struct layout of -1 and 2^64. */
    EXPECT_OK(coll_decimal_from_string("79228162514264337593543950335", 29, &big));
    EXPECT_TRUE(big.lo == UINT64_MAX && big.hi == 0xFFFFFFFF && big.scale == 0);
    EXPECT_OK(coll_decimal_from_string("-1", 2, &d));
    EXPECT_TRUE(d.lo == UINT64_MAX && d.hi == -1 && d.scale == 0);
    EXPECT_OK(coll_decimal_from_string("18446744073709551616", 20, &d));
    EXPECT_TRUE(d.lo == 0 && d.hi == 1 && d.scale == 0);
    EXPECT_OK(coll_decimal_from_string("-0.0000000000000000000000000001", 31, &d));
    EXPECT_TRUE(d.scale == 28 && text_is(&d, "-0.0000000000000000000000000001"));

    /* Invalid structs: scale above 28, |mantissa| of 2^96 or more. */
    {
        coll_decimal bad_scale = {1, 0, 29};
        coll_decimal too_large = {0, (int64_t)1 << 32, 0};
        coll_decimal too_small = {0, -((int64_t)1 << 32), 0};
        coll_decimal huge = {0, INT64_MAX, 0};
        coll_decimal largest = {UINT64_MAX, 0xFFFFFFFF, 28};
        const coll_decimal *bad[4];
        bad[0] = &bad_scale;
        bad[1] = &too_large;
        bad[2] = &too_small;
        bad[3] = &huge;
        POISON(buf);
        POISON(len);
        POISON(out);
        POISON(order);
        for (i = 0; i < 4; i++) {
            EXPECT(coll_decimal_to_string(bad[i], buf, sizeof buf, &len), COLL_INVALID_DECIMAL, "value");
            EXPECT(coll_decimal_round(bad[i], 2, COLL_ROUND_HALF_UP, &out), COLL_INVALID_DECIMAL, "value");
            EXPECT(coll_decimal_cmp(&one, bad[i], &order), COLL_INVALID_DECIMAL, "right");
            EXPECT(coll_rate_check(bad[i]), COLL_INVALID_DECIMAL, "fraction");
        }
        UNTOUCHED(buf);
        UNTOUCHED(len);
        UNTOUCHED(out);
        UNTOUCHED(order);
        EXPECT_OK(coll_decimal_to_string(&largest, buf, sizeof buf, &len));
        EXPECT_TRUE(strcmp(buf, "7.9228162514264337593543950335") == 0 && len == 30);
    }

    /* Text buffers: too small reports the size needed (with the NUL) and leaves buf alone. */
    d = dec("-1234.50");
    POISON(buf);
    EXPECT(coll_decimal_to_string(&d, buf, 8, &len), COLL_BUFFER_TOO_SMALL, "buf");
    EXPECT_TRUE(len == 9);
    EXPECT(coll_decimal_to_string(&d, buf, 0, &len), COLL_BUFFER_TOO_SMALL, "buf");
    EXPECT_TRUE(len == 9);
    UNTOUCHED(buf);
    /* No buffer at all, capacity 0: a size query. */
    len = 0;
    EXPECT(coll_decimal_to_string(&d, NULL, 0, &len), COLL_BUFFER_TOO_SMALL, "buf");
    EXPECT_TRUE(len == 9);
    EXPECT_NULL(coll_decimal_to_string(&d, NULL, 1, &len), "buf");
    EXPECT_OK(coll_decimal_to_string(&d, buf, 9, &len));
    EXPECT_TRUE(len == 8 && strcmp(buf, "-1234.50") == 0);

    /* Minor units. */
    POISON(units);
    POISON(out);
    EXPECT(coll_decimal_to_minor_units(&d, 0, &units), COLL_INVALID_ARGUMENT, "value");
    EXPECT(coll_decimal_to_minor_units(&big, 2, &units), COLL_OVERFLOW, "value");
    EXPECT(coll_decimal_to_minor_units(&d, 19, &units), COLL_INVALID_ARGUMENT, "minor_units");
    EXPECT(coll_decimal_from_minor_units(1, 19, &out), COLL_INVALID_ARGUMENT, "minor_units");
    EXPECT(coll_decimal_from_minor_units(1, UINT32_MAX, &out), COLL_INVALID_ARGUMENT, "minor_units");
    UNTOUCHED(units);
    UNTOUCHED(out);
    EXPECT_OK(coll_decimal_to_minor_units(&d, 2, &units));
    EXPECT_TRUE(units == -123450);
    EXPECT_OK(coll_decimal_from_minor_units(INT64_MIN, 18, &out));
    EXPECT_TRUE(text_is(&out, "-9.223372036854775808"));

    /* Rounding: places above 28, unknown modes, bad multiples. */
    POISON(out);
    EXPECT(coll_decimal_round(&d, 29, COLL_ROUND_HALF_UP, &out), COLL_INVALID_ARGUMENT, "places");
    EXPECT(coll_decimal_round(&d, 2, 7, &out), COLL_INVALID_ARGUMENT, "mode");
    EXPECT(coll_decimal_round(&d, 2, UINT32_MAX, &out), COLL_INVALID_ARGUMENT, "mode");
    {
        coll_decimal zero = dec("0"), minus = dec("-5"), tiny = dec("0.0000000000000000000000000001");
        EXPECT(coll_decimal_round_to_multiple(&d, &zero, COLL_ROUND_UP, &out), COLL_INVALID_ARGUMENT, "multiple");
        EXPECT(coll_decimal_round_to_multiple(&d, &minus, COLL_ROUND_UP, &out), COLL_INVALID_ARGUMENT,
               "multiple");
        EXPECT(coll_decimal_round_to_multiple(&d, &one, 99, &out), COLL_INVALID_ARGUMENT, "mode");
        EXPECT(coll_decimal_round_to_multiple(&big, &tiny, COLL_ROUND_UP, &out), COLL_OVERFLOW, "value");
    }
    UNTOUCHED(out);
    {
        coll_rounding_mode mode;
        POISON(mode);
        EXPECT(coll_rounding_mode_from_name("nearest", 7, &mode), COLL_INVALID_ARGUMENT, "rounding_mode");
        EXPECT(coll_rounding_mode_from_name(BAD_UTF8, 2, &mode), COLL_INVALID_UTF8, "name");
        UNTOUCHED(mode);
        EXPECT_OK(coll_rounding_mode_from_name("HALF_EVEN", 9, &mode));
        EXPECT_TRUE(mode == COLL_ROUND_HALF_EVEN);
    }

    /* In and out may be the same object. */
    d = dec("2.345");
    EXPECT_OK(coll_decimal_round(&d, 2, COLL_ROUND_HALF_EVEN, &d));
    EXPECT_TRUE(text_is(&d, "2.34"));
    EXPECT_OK(coll_decimal_cmp(&d, &d, &order));
    EXPECT_TRUE(order == 0);
}

/* ---------------------------------------------------------------- currencies and money */

static void test_money(void) {
    coll_currency cur, bad_cur;
    coll_money usd = money("10.00", "USD"), eur = money("1.00", "EUR"), out, max = money("79228162514264337593543950335", "USD");
    coll_money parts[3];
    coll_decimal weights[3], one = dec("1"), five = dec("5");
    int64_t units;

    POISON(cur);
    EXPECT(coll_currency_from_code("XYZ", 3, &cur), COLL_UNKNOWN_CURRENCY, "currency");
    EXPECT(coll_currency_from_code("US", 2, &cur), COLL_UNKNOWN_CURRENCY, "currency");
    EXPECT(coll_currency_from_code("", 0, &cur), COLL_UNKNOWN_CURRENCY, "currency");
    EXPECT(coll_currency_from_code(BAD_UTF8, 2, &cur), COLL_INVALID_UTF8, "code");
    EXPECT(coll_currency_new("AB1", 3, 2, &cur), COLL_UNKNOWN_CURRENCY, "code");
    EXPECT(coll_currency_new("ABCD", 4, 2, &cur), COLL_UNKNOWN_CURRENCY, "code");
    EXPECT(coll_currency_new("PTS", 3, 19, &cur), COLL_INVALID_ARGUMENT, "minor_units");
    EXPECT(coll_currency_new(BAD_UTF8, 2, 2, &cur), COLL_INVALID_UTF8, "code");
    UNTOUCHED(cur);
    EXPECT_OK(coll_currency_new("pts", 3, 0, &cur));
    EXPECT_TRUE(strcmp(cur.code, "PTS") == 0 && cur.minor_units == 0);
    EXPECT_OK(coll_currency_from_code("kwd", 3, &cur));
    EXPECT_TRUE(strcmp(cur.code, "KWD") == 0 && cur.minor_units == 3);

    /* Currency structs are checked whenever they come in. */
    POISON(out);
    bad_cur = usd.currency;
    bad_cur.code[3] = 'X'; /* no NUL terminator */
    out.currency = bad_cur;
    {
        coll_money bad = usd;
        bad.currency = bad_cur;
        EXPECT(coll_money_add(&bad, &usd, &out), COLL_UNKNOWN_CURRENCY, "left.currency");
        bad.currency.code[3] = '\0';
        bad.currency.code[1] = '1';
        EXPECT(coll_money_add(&usd, &bad, &out), COLL_UNKNOWN_CURRENCY, "right.currency");
        bad.currency = usd.currency;
        bad.currency.minor_units = 19;
        EXPECT(coll_money_round(&bad, COLL_ROUND_HALF_UP, &out), COLL_INVALID_ARGUMENT, "money.currency");
        bad = usd;
        bad.amount.scale = 29;
        EXPECT(coll_money_round(&bad, COLL_ROUND_HALF_UP, &out), COLL_INVALID_DECIMAL, "money.amount");
    }
    POISON(out);

    /* Mixing currencies, overflow. */
    EXPECT(coll_money_add(&usd, &eur, &out), COLL_CURRENCY_MISMATCH, "currency");
    EXPECT(coll_money_sub(&eur, &usd, &out), COLL_CURRENCY_MISMATCH, "currency");
    EXPECT(coll_money_add(&max, &max, &out), COLL_OVERFLOW, "amount");
    {
        coll_money min = max;
        min.amount = dec("-79228162514264337593543950335");
        EXPECT(coll_money_sub(&min, &max, &out), COLL_OVERFLOW, "amount");
    }
    EXPECT(coll_money_round(&usd, 7, &out), COLL_INVALID_ARGUMENT, "mode");
    EXPECT(coll_money_round_to_multiple(&usd, &five, 7, &out), COLL_INVALID_ARGUMENT, "mode");
    {
        coll_decimal zero = dec("0");
        EXPECT(coll_money_round_to_multiple(&usd, &zero, COLL_ROUND_UP, &out), COLL_INVALID_ARGUMENT, "multiple");
    }
    UNTOUCHED(out);

    /* Splits: weights summing to zero, negative, empty, unrounded totals, too small an output. */
    POISON(parts);
    weights[0] = dec("0");
    weights[1] = dec("0");
    weights[2] = dec("0");
    EXPECT(coll_money_split(&usd, weights, 3, parts, 3), COLL_INVALID_ARGUMENT, "weights");
    weights[1] = dec("-1");
    EXPECT(coll_money_split(&usd, weights, 3, parts, 3), COLL_INVALID_ARGUMENT, "weights");
    EXPECT(coll_money_split(&usd, weights, 0, parts, 3), COLL_INVALID_ARGUMENT, "weights");
    weights[0] = one;
    weights[1] = one;
    weights[2] = one;
    EXPECT(coll_money_split(&usd, weights, 3, parts, 2), COLL_BUFFER_TOO_SMALL, "out_parts");
    EXPECT(coll_money_split(&usd, weights, 3, parts, 0), COLL_BUFFER_TOO_SMALL, "out_parts");
    {
        coll_money unrounded = money("1.005", "USD");
        EXPECT(coll_money_split(&unrounded, weights, 3, parts, 3), COLL_INVALID_ARGUMENT, "total");
        weights[2].scale = 30;
        EXPECT(coll_money_split(&usd, weights, 3, parts, 3), COLL_INVALID_DECIMAL, "weights");
        weights[2].scale = 0;
    }
    UNTOUCHED(parts);
    EXPECT_OK(coll_money_split(&usd, weights, 3, parts, 3));
    EXPECT_TRUE(text_is(&parts[0].amount, "3.34") && text_is(&parts[1].amount, "3.33") &&
                text_is(&parts[2].amount, "3.33"));

    /* Minor units. */
    POISON(units);
    POISON(out);
    {
        coll_money unrounded = money("1.005", "USD");
        EXPECT(coll_money_to_minor_units(&unrounded, &units), COLL_INVALID_ARGUMENT, "amount");
        EXPECT(coll_money_to_minor_units(&max, &units), COLL_OVERFLOW, "amount");
        EXPECT(coll_money_from_minor_units(1, &bad_cur, &out), COLL_UNKNOWN_CURRENCY, "currency");
    }
    UNTOUCHED(units);
    UNTOUCHED(out);
    EXPECT_OK(coll_money_from_minor_units(-1999, &usd.currency, &out));
    EXPECT_TRUE(text_is(&out.amount, "-19.99"));
    EXPECT_OK(coll_money_to_minor_units(&out, &units));
    EXPECT_TRUE(units == -1999);

    /* In and out may be the same object. */
    out = money("2.345", "EUR");
    EXPECT_OK(coll_money_round(&out, COLL_ROUND_HALF_UP, &out));
    EXPECT_TRUE(text_is(&out.amount, "2.35"));
    EXPECT_OK(coll_money_add(&out, &out, &out));
    EXPECT_TRUE(text_is(&out.amount, "4.70"));
    EXPECT_OK(coll_money_sub(&out, &eur, &out));
    EXPECT_TRUE(text_is(&out.amount, "3.70"));
    EXPECT_OK(coll_money_round_to_multiple(&out, &five, COLL_ROUND_UP, &out));
    EXPECT_TRUE(text_is(&out.amount, "5.00"));
}

/* ---------------------------------------------------------------- rates */

static void test_rates(void) {
    coll_decimal out, minus_100 = dec("-100"), minus_150 = dec("-150"), minus_one = dec("-1"),
                 minus_1_5 = dec("-1.5"), twelve = dec("0.12"), huge = dec("79228162514264337593543950335");
    coll_frequency freq;

    POISON(out);
    EXPECT(coll_rate_from_percent(&minus_100, &out), COLL_INVALID_RATE, "percent");
    EXPECT(coll_rate_from_percent(&minus_150, &out), COLL_INVALID_RATE, "percent");
    EXPECT(coll_rate_check(&minus_one), COLL_INVALID_RATE, "fraction");
    EXPECT(coll_rate_check(&minus_1_5), COLL_INVALID_RATE, "fraction");
    EXPECT_OK(coll_frequency_from_name("monthly", 7, &freq));
    EXPECT(coll_rate_periodic(&minus_one, &freq, &out), COLL_INVALID_RATE, "rate");
    EXPECT(coll_rate_effective_annual(&minus_one, 12, false, &out), COLL_INVALID_RATE, "rate");
    EXPECT(coll_rate_nominal_from_effective(&minus_one, 12, false, &out), COLL_INVALID_RATE, "effective");
    EXPECT(coll_rate_effective_annual(&twelve, 0, false, &out), COLL_INVALID_ARGUMENT, "periods_per_year");
    EXPECT(coll_rate_nominal_from_effective(&twelve, 0, false, &out), COLL_INVALID_ARGUMENT, "periods_per_year");
    EXPECT(coll_rate_effective_annual(&twelve, 12, true, &out), COLL_INVALID_ARGUMENT, "periods_per_year");
    EXPECT(coll_rate_effective_annual(&huge, 12, false, &out), COLL_OVERFLOW, "rate");
    EXPECT(coll_rate_effective_annual(&huge, 0, true, &out), COLL_OVERFLOW, "rate");
    freq.kind = 9;
    EXPECT(coll_rate_periodic(&twelve, &freq, &out), COLL_INVALID_ARGUMENT, "frequency");
    UNTOUCHED(out);
    EXPECT_OK(coll_rate_check(&twelve));
    EXPECT_OK(coll_rate_effective_annual(&twelve, 0, true, &out));
    EXPECT_OK(coll_rate_nominal_from_effective(&out, 0, true, &out));
    EXPECT_OK(coll_decimal_round(&out, 20, COLL_ROUND_HALF_EVEN, &out));
    EXPECT_TRUE(text_is(&out, "0.12000000000000000000"));
}

/* ---------------------------------------------------------------- dates, frequencies, day counts */

static void test_dates_and_day_counts(void) {
    coll_date date, bad = ymd(2025, 2, 30), ok = ymd(2025, 2, 28);
    coll_frequency freq;
    coll_day_count dc;
    coll_decimal yf;
    int64_t days;
    static const char *const not_dates[] = {"2025-02-30", "2025-13-01", "31/01/2024", "", "2024-1-1x", "tomorrow"};
    size_t i;

    POISON(date);
    for (i = 0; i < sizeof not_dates / sizeof not_dates[0]; i++) {
        EXPECT(coll_date_from_string(not_dates[i], strlen(not_dates[i]), &date), COLL_INVALID_DATE, "text");
    }
    EXPECT(coll_date_from_string(BAD_UTF8, 2, &date), COLL_INVALID_UTF8, "text");
    UNTOUCHED(date);

    /* Frequencies. */
    POISON(freq);
    EXPECT(coll_frequency_from_name("daily", 5, &freq), COLL_INVALID_ARGUMENT, "frequency");
    EXPECT(coll_frequency_from_name("semi-monthly(15,15)", 19, &freq), COLL_INVALID_ARGUMENT, "second_day");
    EXPECT(coll_frequency_from_name("semi-monthly(28,31)", 19, &freq), COLL_INVALID_ARGUMENT, "first_day");
    EXPECT(coll_frequency_from_name(BAD_UTF8, 2, &freq), COLL_INVALID_UTF8, "name");
    UNTOUCHED(freq);
    EXPECT_OK(coll_frequency_from_name("semi-monthly(15,31)", 19, &freq));
    EXPECT_TRUE(freq.kind == COLL_FREQUENCY_SEMI_MONTHLY && freq.first_day == 15 && freq.second_day == 31);

    /* Day counts: unknown kinds and names, invalid dates in the struct and arguments. */
    POISON(dc);
    EXPECT(coll_day_count_init(10, &dc), COLL_INVALID_ARGUMENT, "kind");
    EXPECT(coll_day_count_init(UINT32_MAX, &dc), COLL_INVALID_ARGUMENT, "kind");
    EXPECT(coll_day_count_from_name("30/360 ISDA", 11, &dc), COLL_INVALID_ARGUMENT, "day_count");
    EXPECT(coll_day_count_from_name("ACT/ACT ICMA", 12, &dc), COLL_INVALID_ARGUMENT, "day_count");
    EXPECT(coll_day_count_from_name(BAD_UTF8, 2, &dc), COLL_INVALID_UTF8, "name");
    UNTOUCHED(dc);
    EXPECT_OK(coll_day_count_from_name("act/360", 7, &dc));
    EXPECT_TRUE(dc.kind == COLL_DAY_COUNT_ACT_360);
    POISON(days);
    POISON(yf);
    EXPECT(coll_day_count_days(&dc, bad, ok, &days), COLL_INVALID_DATE, "start");
    EXPECT(coll_day_count_days(&dc, ok, bad, &days), COLL_INVALID_DATE, "end");
    EXPECT(coll_year_fraction(&dc, bad, ok, &yf), COLL_INVALID_DATE, "start");
    EXPECT(coll_year_fraction(&dc, ok, ymd(2025, 0, 1), &yf), COLL_INVALID_DATE, "end");
    dc.kind = 10;
    EXPECT(coll_day_count_days(&dc, ok, ok, &days), COLL_INVALID_ARGUMENT, "day_count");
    EXPECT(coll_year_fraction(&dc, ok, ok, &yf), COLL_INVALID_ARGUMENT, "day_count");
    /* ACT/ACT ICMA needs its reference period and a whole-month frequency. */
    EXPECT_OK(coll_day_count_init(COLL_DAY_COUNT_ACT_ACT_ICMA, &dc));
    EXPECT(coll_year_fraction(&dc, ok, ok, &yf), COLL_INVALID_ARGUMENT, "reference_start");
    dc.reference_start = ymd(2026, 2, 30);
    EXPECT(coll_year_fraction(&dc, ok, ok, &yf), COLL_INVALID_DATE, "reference_start");
    dc.reference_start = ymd(2026, 7, 1);
    dc.reference_end = ymd(2026, 1, 1);
    dc.frequency.kind = COLL_FREQUENCY_SEMI_ANNUAL;
    EXPECT(coll_year_fraction(&dc, ok, ok, &yf), COLL_INVALID_ARGUMENT, "reference_end");
    dc.reference_end = ymd(2027, 1, 1);
    dc.frequency.kind = COLL_FREQUENCY_WEEKLY;
    EXPECT(coll_year_fraction(&dc, ok, ok, &yf), COLL_INVALID_ARGUMENT, "frequency");
    dc.frequency.kind = COLL_FREQUENCY_MONTHLY;
    dc.frequency.first_day = 1;
    EXPECT(coll_year_fraction(&dc, ok, ok, &yf), COLL_INVALID_ARGUMENT, "frequency");
    /* 30E/360 ISDA checks its maturity when it has one. */
    EXPECT_OK(coll_day_count_init(COLL_DAY_COUNT_30E_360_ISDA, &dc));
    dc.has_maturity = 1;
    dc.maturity = bad;
    EXPECT(coll_day_count_days(&dc, ok, ok, &days), COLL_INVALID_DATE, "maturity");
    /* Flags are bytes checked to be 0 or 1. */
    {
        static const uint8_t bad_flags[] = {2, 0x80, 0xFF};
        for (i = 0; i < sizeof bad_flags; i++) {
            EXPECT_OK(coll_day_count_init(COLL_DAY_COUNT_30E_360_ISDA, &dc));
            dc.has_maturity = bad_flags[i];
            EXPECT(coll_day_count_days(&dc, ok, ok, &days), COLL_INVALID_ARGUMENT, "has_maturity");
            EXPECT(coll_year_fraction(&dc, ok, ok, &yf), COLL_INVALID_ARGUMENT, "has_maturity");
            EXPECT_OK(coll_day_count_init(COLL_DAY_COUNT_30_360_US, &dc));
            dc.end_of_month_rule = bad_flags[i];
            EXPECT(coll_day_count_days(&dc, ok, ok, &days), COLL_INVALID_ARGUMENT, "end_of_month_rule");
            EXPECT(coll_year_fraction(&dc, ok, ok, &yf), COLL_INVALID_ARGUMENT, "end_of_month_rule");
        }
    }
    /* Data the convention does not take is refused, as on every surface. */
    EXPECT_OK(coll_day_count_init(COLL_DAY_COUNT_ACT_360, &dc));
    dc.has_maturity = 1;
    dc.maturity = ymd(2030, 1, 1);
    EXPECT(coll_year_fraction(&dc, ok, ok, &yf), COLL_INVALID_ARGUMENT, "maturity");
    EXPECT_OK(coll_day_count_from_name("ACT/365F", 8, &dc));
    dc.end_of_month_rule = 0;
    EXPECT(coll_day_count_days(&dc, ok, ok, &days), COLL_INVALID_ARGUMENT, "end_of_month_rule");
    EXPECT_OK(coll_day_count_init(COLL_DAY_COUNT_30E_360, &dc));
    dc.reference_end = ymd(2026, 1, 1);
    EXPECT(coll_year_fraction(&dc, ok, ok, &yf), COLL_INVALID_ARGUMENT, "reference_end");
    EXPECT_OK(coll_day_count_init(COLL_DAY_COUNT_ACT_ACT_ISDA, &dc));
    dc.frequency.kind = COLL_FREQUENCY_QUARTERLY;
    EXPECT(coll_year_fraction(&dc, ok, ok, &yf), COLL_INVALID_ARGUMENT, "frequency");
    UNTOUCHED(days);
    UNTOUCHED(yf);

    EXPECT_OK(coll_day_count_init(COLL_DAY_COUNT_30_360_US, &dc));
    EXPECT_TRUE(dc.end_of_month_rule == 1 && dc.has_maturity == 0);
    EXPECT_OK(coll_day_count_days(&dc, ymd(2007, 2, 28), ymd(2007, 3, 31), &days));
    EXPECT_TRUE(days == 30);
    EXPECT_OK(coll_year_fraction(&dc, ymd(2007, 3, 31), ymd(2007, 2, 28), &yf));
    EXPECT_TRUE(text_is(&yf, "-0.0833333333333333333333333333"));
}

/* ---------------------------------------------------------------- schedules */

static void test_schedules(void) {
    coll_date start = ymd(2026, 1, 31), until = ymd(2026, 6, 30), before = ymd(2025, 12, 1), out[6];
    coll_frequency monthly, weekly;
    size_t len;

    EXPECT_OK(coll_frequency_from_name("monthly", 7, &monthly));
    EXPECT_OK(coll_frequency_from_name("weekly", 6, &weekly));
    POISON(out);
    POISON(len);
    EXPECT(coll_date_schedule(start, &monthly, 0, NULL, false, out, 6, &len), COLL_INVALID_ARGUMENT, "count");
    EXPECT(coll_date_schedule(start, &monthly, -1, NULL, false, out, 6, &len), COLL_INVALID_ARGUMENT, "count");
    EXPECT(coll_date_schedule(start, &monthly, INT64_MIN, NULL, false, out, 6, &len), COLL_INVALID_ARGUMENT,
           "count");
    EXPECT_TRUE(strstr(coll_last_error_message(), "-9223372036854775808") != NULL);
    EXPECT(coll_date_schedule(start, &monthly, INT64_MIN, &until, false, out, 6, &len), COLL_INVALID_ARGUMENT,
           "until");
    EXPECT(coll_date_schedule(start, &monthly, 3, &until, false, out, 6, &len), COLL_INVALID_ARGUMENT, "until");
    EXPECT(coll_date_schedule(start, &monthly, 0, &before, false, out, 6, &len), COLL_INVALID_ARGUMENT, "until");
    EXPECT(coll_date_schedule(start, &monthly, INT64_MAX, NULL, false, out, 6, &len), COLL_INVALID_ARGUMENT,
           "count");
    /* The count as the caller gave it, not a saturated 4294967295. */
    EXPECT_TRUE(strstr(coll_last_error_message(), "9223372036854775807") != NULL);
    EXPECT_TRUE(strstr(coll_last_error_message(), "4294967295") == NULL);
    EXPECT(coll_date_schedule(start, &monthly, 4294967296LL, NULL, false, out, 6, &len), COLL_INVALID_ARGUMENT,
           "count");
    EXPECT_TRUE(strstr(coll_last_error_message(), "4294967296") != NULL);
    EXPECT(coll_date_schedule(start, &monthly, 100001, NULL, false, out, 6, &len), COLL_INVALID_ARGUMENT, "count");
    EXPECT(coll_date_schedule(ymd(2025, 2, 30), &monthly, 3, NULL, false, out, 6, &len), COLL_INVALID_DATE,
           "start");
    EXPECT(coll_date_schedule(start, &monthly, 0, &(coll_date){2026, 2, 30}, false, out, 6, &len),
           COLL_INVALID_DATE, "until");
    EXPECT(coll_date_schedule(ymd(262142, 12, 31), &weekly, 2, NULL, false, out, 6, &len),
           COLL_DATE_OUT_OF_RANGE, "date");
    {
        coll_frequency bad = monthly;
        bad.kind = 42;
        EXPECT(coll_date_schedule(start, &bad, 3, NULL, false, out, 6, &len), COLL_INVALID_ARGUMENT, "frequency");
        bad.kind = COLL_FREQUENCY_SEMI_MONTHLY;
        bad.first_day = 0;
        bad.second_day = 15;
        EXPECT(coll_date_schedule(start, &bad, 3, NULL, false, out, 6, &len), COLL_INVALID_ARGUMENT, "first_day");
    }
    UNTOUCHED(len);
    /* Too small an array: nothing written to it, the count needed in len. */
    EXPECT(coll_date_schedule(start, &monthly, 0, &until, false, out, 5, &len), COLL_BUFFER_TOO_SMALL, "out");
    EXPECT_TRUE(len == 6);
    EXPECT(coll_date_schedule(start, &weekly, 100, NULL, false, out, 6, &len), COLL_BUFFER_TOO_SMALL, "out");
    EXPECT_TRUE(len == 100);
    UNTOUCHED(out);
    /* No array at all, capacity 0: a size query. A NULL array with a capacity is still refused. */
    len = 0;
    EXPECT(coll_date_schedule(start, &monthly, 0, &until, false, NULL, 0, &len), COLL_BUFFER_TOO_SMALL, "out");
    EXPECT_TRUE(len == 6);
    EXPECT_NULL(coll_date_schedule(start, &monthly, 0, &until, false, NULL, 6, &len), "out");
    EXPECT_OK(coll_date_schedule(start, &monthly, 0, &until, false, out, 6, &len));
    EXPECT_TRUE(len == 6 && same_date(out[1], ymd(2026, 2, 28)) && same_date(out[5], ymd(2026, 6, 30)));
}

/* ---------------------------------------------------------------- calendars */

static void test_calendars(void) {
    coll_calendar *cal = NULL, *us = NULL;
    coll_weekday all[7] = {0, 1, 2, 3, 4, 5, 6}, bad_day[1] = {7}, fri_sat[2] = {4, 5};
    coll_date holidays[2], out_dates[12], out;
    coll_business_day_convention conv;
    bool flag;
    size_t len;

    holidays[0] = ymd(2026, 3, 19);
    holidays[1] = ymd(2026, 2, 30);
    POISON(cal);
    EXPECT(coll_calendar_builtin("Narnia", 6, &cal), COLL_INVALID_ARGUMENT, "calendar");
    EXPECT(coll_calendar_builtin(BAD_UTF8, 2, &cal), COLL_INVALID_UTF8, "name");
    EXPECT(coll_calendar_new(all, 7, NULL, 0, &cal), COLL_INVALID_ARGUMENT, "weekend");
    EXPECT(coll_calendar_new(bad_day, 1, NULL, 0, &cal), COLL_INVALID_ARGUMENT, "weekend_days");
    EXPECT(coll_calendar_new(fri_sat, 2, holidays, 2, &cal), COLL_INVALID_DATE, "holidays");
    UNTOUCHED(cal);

    /* Empty lists may be NULL. */
    EXPECT_OK(coll_calendar_new(NULL, 0, NULL, 0, &cal));
    EXPECT_OK(coll_calendar_is_business_day(cal, ymd(2026, 11, 21), &flag));
    EXPECT_TRUE(flag); /* no weekend at all */
    coll_calendar_free(cal);

    EXPECT_OK(coll_calendar_new(fri_sat, 2, holidays, 1, &cal));
    EXPECT_OK(coll_calendar_builtin("us-federal", 10, &us));
    POISON(flag);
    POISON(out);
    POISON(out_dates);
    POISON(conv);
    EXPECT(coll_calendar_is_business_day(cal, ymd(2026, 2, 29), &flag), COLL_INVALID_DATE, "date");
    EXPECT(coll_calendar_is_holiday(cal, ymd(2026, 4, 31), &flag), COLL_INVALID_DATE, "date");
    EXPECT(coll_calendar_adjust(cal, ymd(2026, 1, 32), COLL_BUSINESS_DAY_FOLLOWING, &out), COLL_INVALID_DATE,
           "date");
    EXPECT(coll_calendar_adjust(cal, ymd(2026, 1, 2), 5, &out), COLL_INVALID_ARGUMENT, "convention");
    EXPECT(coll_calendar_adjust(cal, ymd(2026, 1, 2), UINT32_MAX, &out), COLL_INVALID_ARGUMENT, "convention");
    EXPECT(coll_calendar_add_business_days(cal, ymd(2026, 13, 1), 1, &out), COLL_INVALID_DATE, "date");
    EXPECT(coll_calendar_add_business_days(cal, ymd(2026, 1, 1), 1000001, &out), COLL_INVALID_ARGUMENT, "n");
    EXPECT(coll_calendar_add_business_days(cal, ymd(2026, 1, 1), INT64_MIN, &out), COLL_INVALID_ARGUMENT, "n");
    EXPECT(coll_calendar_add_business_days(us, ymd(262142, 12, 30), 5, &out), COLL_DATE_OUT_OF_RANGE, "date");
    EXPECT(coll_calendar_holidays(us, 2021, out_dates, 11, &len), COLL_BUFFER_TOO_SMALL, "out");
    EXPECT_TRUE(len == 12);
    /* No array at all, capacity 0: a size query. */
    len = 0;
    EXPECT(coll_calendar_holidays(us, 2021, NULL, 0, &len), COLL_BUFFER_TOO_SMALL, "out");
    EXPECT_TRUE(len == 12);
    EXPECT_NULL(coll_calendar_holidays(us, 2021, NULL, 12, &len), "out");
    /* Nothing needed: the size query succeeds with a length of 0. */
    len = 99;
    EXPECT_OK(coll_calendar_holidays(cal, 2025, NULL, 0, &len));
    EXPECT_TRUE(len == 0);
    EXPECT(coll_business_day_convention_from_name("nearest", 7, &conv), COLL_INVALID_ARGUMENT, "convention");
    EXPECT(coll_business_day_convention_from_name(BAD_UTF8, 2, &conv), COLL_INVALID_UTF8, "name");
    UNTOUCHED(flag);
    UNTOUCHED(out);
    UNTOUCHED(out_dates);
    UNTOUCHED(conv);

    EXPECT_OK(coll_calendar_holidays(us, 2021, out_dates, 12, &len));
    EXPECT_TRUE(len == 12 && same_date(out_dates[11], ymd(2021, 12, 31)));
    EXPECT_OK(coll_calendar_is_holiday(cal, ymd(2026, 3, 19), &flag));
    EXPECT_TRUE(flag);
    EXPECT_OK(coll_business_day_convention_from_name("Modified Following", 18, &conv));
    EXPECT_TRUE(conv == COLL_BUSINESS_DAY_MODIFIED_FOLLOWING);
    EXPECT_OK(coll_calendar_adjust(us, ymd(2026, 7, 4), conv, &out));
    EXPECT_TRUE(same_date(out, ymd(2026, 7, 6)));
    out = ymd(2026, 3, 18);
    EXPECT_OK(coll_calendar_add_business_days(cal, out, 1, &out));
    EXPECT_TRUE(same_date(out, ymd(2026, 3, 22)));
    coll_calendar_free(cal);
    coll_calendar_free(us);
}

/* ---------------------------------------------------------------- finance */

/* The functions that share a signature, for checking an invalid struct in every decimal argument. */
typedef coll_status (*tvm4_fn)(const coll_decimal *, const coll_decimal *, const coll_decimal *,
                               const coll_decimal *, coll_when, coll_decimal *);
typedef coll_status (*tvm5_fn)(const coll_decimal *, const coll_decimal *, const coll_decimal *,
                               const coll_decimal *, const coll_decimal *, coll_when, coll_decimal *);

static void test_finance_structs(void) {
    static const struct {
        const char *name;
        tvm4_fn fn;
        const char *args[4];
    } four[] = {
        {"coll_fv", coll_fv, {"rate", "nper", "pmt", "pv"}},
        {"coll_pv", coll_pv, {"rate", "nper", "pmt", "fv"}},
        {"coll_pmt", coll_pmt, {"rate", "nper", "pv", "fv"}},
        {"coll_nper", coll_nper, {"rate", "pmt", "pv", "fv"}},
    };
    static const struct {
        const char *name;
        tvm5_fn fn;
        const char *args[5];
    } five[] = {
        {"coll_ipmt", coll_ipmt, {"rate", "per", "nper", "pv", "fv"}},
        {"coll_ppmt", coll_ppmt, {"rate", "per", "nper", "pv", "fv"}},
        {"coll_cumipmt", coll_cumipmt, {"rate", "nper", "pv", "start_period", "end_period"}},
        {"coll_cumprinc", coll_cumprinc, {"rate", "nper", "pv", "start_period", "end_period"}},
    };
    coll_decimal bad_scale = {1, 0, 29}, too_large = {0, (int64_t)1 << 32, 0}, bad[2];
    coll_decimal a[5], out;
    char call[64];
    size_t f, k, b;

    bad[0] = bad_scale;
    bad[1] = too_large;
    POISON(out);
    for (f = 0; f < sizeof four / sizeof four[0]; f++) {
        for (k = 0; k < 4; k++) {
            for (b = 0; b < 2; b++) {
                a[0] = dec("0.01");
                a[1] = dec("1");
                a[2] = dec("1");
                a[3] = dec("1");
                a[k] = bad[b];
                snprintf(call, sizeof call, "%s with an invalid %s", four[f].name, four[f].args[k]);
                expect_status(__LINE__, call, four[f].fn(&a[0], &a[1], &a[2], &a[3], COLL_WHEN_END, &out),
                              COLL_INVALID_DECIMAL, four[f].args[k]);
            }
        }
    }
    for (f = 0; f < sizeof five / sizeof five[0]; f++) {
        for (k = 0; k < 5; k++) {
            for (b = 0; b < 2; b++) {
                a[0] = dec("0.01");
                a[1] = dec("1");
                a[2] = dec("1");
                a[3] = dec("1");
                a[4] = dec("1");
                a[k] = bad[b];
                snprintf(call, sizeof call, "%s with an invalid %s", five[f].name, five[f].args[k]);
                expect_status(__LINE__, call,
                              five[f].fn(&a[0], &a[1], &a[2], &a[3], &a[4], COLL_WHEN_END, &out),
                              COLL_INVALID_DECIMAL, five[f].args[k]);
            }
        }
    }
    /* An unknown `when`, in every function that takes one. */
    for (b = 0; b < 2; b++) {
        coll_when when = b == 0 ? 2 : UINT32_MAX;
        a[0] = dec("0.01");
        a[1] = dec("1");
        a[2] = dec("12");
        a[3] = dec("1000");
        a[4] = dec("0");
        for (f = 0; f < sizeof four / sizeof four[0]; f++) {
            expect_status(__LINE__, four[f].name, four[f].fn(&a[0], &a[1], &a[2], &a[3], when, &out),
                          COLL_INVALID_ARGUMENT, "when");
        }
        for (f = 0; f < sizeof five / sizeof five[0]; f++) {
            expect_status(__LINE__, five[f].name, five[f].fn(&a[0], &a[1], &a[2], &a[3], &a[4], when, &out),
                          COLL_INVALID_ARGUMENT, "when");
        }
        EXPECT(coll_rate(&a[2], &a[0], &a[3], &a[4], when, NULL, &out), COLL_INVALID_ARGUMENT, "when");
    }
    UNTOUCHED(out);
}

static void test_finance(void) {
    coll_decimal out, got, rate = dec("0.01"), nper = dec("12"), pmt = dec("-100"), pv = dec("1000"),
                           fv = dec("0"), zero = dec("0"), minus_12 = dec("-12"), minus_one = dec("-1"),
                           minus_1_5 = dec("-1.5"), one = dec("1"), per_0 = dec("0"), per_13 = dec("13"),
                           per_half = dec("1.5"), bad_scale = {1, 0, 29};
    coll_decimal values[3], flows_amounts[3];
    coll_date flows_dates[3];
    coll_day_count act365, bad_dc;
    int32_t order;

    EXPECT_OK(coll_day_count_init(COLL_DAY_COUNT_ACT_365_FIXED, &act365));
    bad_dc = act365;
    bad_dc.kind = 10;
    POISON(out);

    /* Zero and negative periods. */
    EXPECT(coll_fv(&rate, &zero, &pmt, &pv, COLL_WHEN_END, &out), COLL_INVALID_ARGUMENT, "nper");
    EXPECT(coll_pv(&rate, &minus_12, &pmt, &fv, COLL_WHEN_END, &out), COLL_INVALID_ARGUMENT, "nper");
    EXPECT(coll_pmt(&rate, &zero, &pv, &fv, COLL_WHEN_END, &out), COLL_INVALID_ARGUMENT, "nper");
    EXPECT(coll_pmt(&rate, &minus_12, &pv, &fv, COLL_WHEN_BEGIN, &out), COLL_INVALID_ARGUMENT, "nper");
    EXPECT(coll_ipmt(&rate, &one, &zero, &pv, &fv, COLL_WHEN_END, &out), COLL_INVALID_ARGUMENT, "nper");
    EXPECT(coll_ppmt(&rate, &one, &minus_12, &pv, &fv, COLL_WHEN_END, &out), COLL_INVALID_ARGUMENT, "nper");
    EXPECT(coll_cumipmt(&rate, &zero, &pv, &one, &one, COLL_WHEN_END, &out), COLL_INVALID_ARGUMENT, "nper");
    EXPECT(coll_cumprinc(&rate, &minus_12, &pv, &one, &one, COLL_WHEN_END, &out), COLL_INVALID_ARGUMENT,
           "nper");
    EXPECT(coll_rate(&zero, &pmt, &pv, &fv, COLL_WHEN_END, NULL, &out), COLL_INVALID_ARGUMENT, "nper");
    EXPECT(coll_rate(&minus_12, &pmt, &pv, &fv, COLL_WHEN_END, &rate, &out), COLL_INVALID_ARGUMENT, "nper");

    /* Rates at or below -100%. */
    EXPECT(coll_fv(&minus_one, &nper, &pmt, &pv, COLL_WHEN_END, &out), COLL_INVALID_RATE, "rate");
    EXPECT(coll_fv(&minus_1_5, &nper, &pmt, &pv, COLL_WHEN_END, &out), COLL_INVALID_RATE, "rate");
    EXPECT(coll_pv(&minus_one, &nper, &pmt, &fv, COLL_WHEN_END, &out), COLL_INVALID_RATE, "rate");
    EXPECT(coll_pmt(&minus_1_5, &nper, &pv, &fv, COLL_WHEN_END, &out), COLL_INVALID_RATE, "rate");
    EXPECT(coll_nper(&minus_one, &pmt, &pv, &fv, COLL_WHEN_END, &out), COLL_INVALID_RATE, "rate");
    EXPECT(coll_ipmt(&minus_one, &one, &nper, &pv, &fv, COLL_WHEN_END, &out), COLL_INVALID_RATE, "rate");
    EXPECT(coll_ppmt(&minus_one, &one, &nper, &pv, &fv, COLL_WHEN_END, &out), COLL_INVALID_RATE, "rate");
    EXPECT(coll_cumipmt(&minus_one, &nper, &pv, &one, &one, COLL_WHEN_END, &out), COLL_INVALID_RATE, "rate");
    EXPECT(coll_cumprinc(&minus_one, &nper, &pv, &one, &one, COLL_WHEN_END, &out), COLL_INVALID_RATE, "rate");
    EXPECT(coll_rate(&nper, &pmt, &pv, &fv, COLL_WHEN_END, &minus_one, &out), COLL_INVALID_RATE, "guess");
    EXPECT(coll_rate(&nper, &pmt, &pv, &fv, COLL_WHEN_END, &bad_scale, &out), COLL_INVALID_DECIMAL, "guess");

    /* Payments too small ever to repay: the message names pmt. */
    {
        coll_decimal five = dec("-5"), ten = dec("-10");
        EXPECT(coll_nper(&rate, &five, &pv, &fv, COLL_WHEN_END, &out), COLL_NO_SOLUTION, "pmt");
        EXPECT_TRUE(strstr(coll_last_error_message(), "interest") != NULL);
        EXPECT(coll_nper(&rate, &ten, &pv, &fv, COLL_WHEN_END, &out), COLL_NO_SOLUTION, "pmt");
        EXPECT(coll_nper(&rate, &five, &pv, &fv, COLL_WHEN_BEGIN, &out), COLL_NO_SOLUTION, "pmt");
        EXPECT(coll_nper(&zero, &zero, &pv, &fv, COLL_WHEN_END, &out), COLL_NO_SOLUTION, "pmt");
        EXPECT(coll_nper(&zero, &one, &pv, &fv, COLL_WHEN_END, &out), COLL_NO_SOLUTION, "pmt");
    }
    /* No rate: both flows received. */
    {
        coll_decimal rate_nper = dec("10"), rate_pv = dec("3500"), rate_fv = dec("10000");
        EXPECT(coll_rate(&rate_nper, &zero, &rate_pv, &rate_fv, COLL_WHEN_END, NULL, &out), COLL_NO_SOLUTION,
               "rate");
    }

    /* Periods outside the term. */
    EXPECT(coll_ipmt(&rate, &per_0, &nper, &pv, &fv, COLL_WHEN_END, &out), COLL_INVALID_ARGUMENT, "per");
    EXPECT(coll_ipmt(&rate, &per_13, &nper, &pv, &fv, COLL_WHEN_END, &out), COLL_INVALID_ARGUMENT, "per");
    EXPECT(coll_ppmt(&rate, &per_half, &nper, &pv, &fv, COLL_WHEN_BEGIN, &out), COLL_INVALID_ARGUMENT, "per");
    EXPECT(coll_ppmt(&rate, &minus_one, &nper, &pv, &fv, COLL_WHEN_END, &out), COLL_INVALID_ARGUMENT, "per");
    EXPECT(coll_cumipmt(&rate, &nper, &pv, &per_0, &one, COLL_WHEN_END, &out), COLL_INVALID_ARGUMENT,
           "start_period");
    EXPECT(coll_cumipmt(&rate, &nper, &pv, &one, &per_13, COLL_WHEN_END, &out), COLL_INVALID_ARGUMENT,
           "end_period");
    EXPECT(coll_cumprinc(&rate, &nper, &pv, &per_half, &nper, COLL_WHEN_END, &out), COLL_INVALID_ARGUMENT,
           "start_period");
    EXPECT(coll_cumprinc(&rate, &nper, &pv, &nper, &one, COLL_WHEN_END, &out), COLL_INVALID_ARGUMENT,
           "end_period");

    /* npv, irr, mirr: empty and one-value lists, no sign change, two rates, bad rates and elements. */
    values[0] = dec("100");
    values[1] = dec("50");
    values[2] = dec("25");
    EXPECT(coll_npv(&rate, values, 0, &out), COLL_INVALID_ARGUMENT, "values");
    EXPECT(coll_npv(&minus_one, values, 3, &out), COLL_INVALID_RATE, "rate");
    EXPECT(coll_npv(&bad_scale, values, 3, &out), COLL_INVALID_DECIMAL, "rate");
    EXPECT(coll_irr(values, 0, NULL, &out), COLL_INVALID_ARGUMENT, "values");
    EXPECT(coll_irr(values, 1, NULL, &out), COLL_INVALID_ARGUMENT, "values");
    EXPECT(coll_irr(values, 3, NULL, &out), COLL_NO_SOLUTION, "values");
    EXPECT(coll_irr(values, 3, &rate, &out), COLL_NO_SOLUTION, "values");
    EXPECT(coll_mirr(values, 0, &rate, &rate, &out), COLL_NO_SOLUTION, "values");
    EXPECT(coll_mirr(values, 3, &rate, &rate, &out), COLL_NO_SOLUTION, "values");
    values[0] = dec("-100");
    values[1] = dec("230");
    values[2] = dec("-132");
    EXPECT(coll_irr(values, 3, NULL, &out), COLL_NO_SOLUTION, "values");
    EXPECT_TRUE(strstr(coll_last_error_message(), "0.1, 0.2") != NULL);
    EXPECT(coll_irr(values, 3, &minus_one, &out), COLL_INVALID_RATE, "guess");
    EXPECT(coll_irr(values, 3, &bad_scale, &out), COLL_INVALID_DECIMAL, "guess");
    EXPECT(coll_mirr(values, 3, &minus_one, &rate, &out), COLL_INVALID_RATE, "finance_rate");
    EXPECT(coll_mirr(values, 3, &rate, &minus_1_5, &out), COLL_INVALID_RATE, "reinvest_rate");
    EXPECT(coll_mirr(values, 3, &bad_scale, &rate, &out), COLL_INVALID_DECIMAL, "finance_rate");
    EXPECT(coll_mirr(values, 3, &rate, &bad_scale, &out), COLL_INVALID_DECIMAL, "reinvest_rate");
    values[1] = bad_scale;
    EXPECT(coll_npv(&rate, values, 3, &out), COLL_INVALID_DECIMAL, "values");
    EXPECT(coll_irr(values, 3, NULL, &out), COLL_INVALID_DECIMAL, "values");
    EXPECT(coll_mirr(values, 3, &rate, &rate, &out), COLL_INVALID_DECIMAL, "values");

    /* xnpv, xirr: empty lists, a date before the first, no sign change, bad dates, amounts, day counts. */
    flows_dates[0] = ymd(2008, 3, 1);
    flows_dates[1] = ymd(2008, 1, 1);
    flows_dates[2] = ymd(2009, 1, 1);
    flows_amounts[0] = dec("-10000");
    flows_amounts[1] = dec("2750");
    flows_amounts[2] = dec("9000");
    EXPECT(coll_xnpv(&rate, flows_dates, flows_amounts, 0, &act365, &out), COLL_INVALID_ARGUMENT, "amounts");
    EXPECT(coll_xirr(flows_dates, flows_amounts, 0, &act365, NULL, &out), COLL_INVALID_ARGUMENT, "amounts");
    EXPECT(coll_xirr(flows_dates, flows_amounts, 1, &act365, NULL, &out), COLL_INVALID_ARGUMENT, "amounts");
    EXPECT(coll_xnpv(&rate, flows_dates, flows_amounts, 3, &act365, &out), COLL_INVALID_ARGUMENT, "dates");
    EXPECT(coll_xirr(flows_dates, flows_amounts, 3, &act365, NULL, &out), COLL_INVALID_ARGUMENT, "dates");
    EXPECT(coll_xirr(flows_dates, flows_amounts, 3, &act365, &rate, &out), COLL_INVALID_ARGUMENT, "dates");
    flows_dates[1] = ymd(2008, 10, 30);
    EXPECT(coll_xnpv(&minus_one, flows_dates, flows_amounts, 3, &act365, &out), COLL_INVALID_RATE, "rate");
    EXPECT(coll_xnpv(&rate, flows_dates, flows_amounts, 3, &bad_dc, &out), COLL_INVALID_ARGUMENT, "day_count");
    EXPECT(coll_xirr(flows_dates, flows_amounts, 3, &bad_dc, NULL, &out), COLL_INVALID_ARGUMENT, "day_count");
    EXPECT(coll_xirr(flows_dates, flows_amounts, 3, &act365, &minus_1_5, &out), COLL_INVALID_RATE, "guess");
    EXPECT(coll_xirr(flows_dates, flows_amounts, 3, &act365, &bad_scale, &out), COLL_INVALID_DECIMAL, "guess");
    flows_amounts[0] = dec("10000");
    EXPECT(coll_xirr(flows_dates, flows_amounts, 3, &act365, NULL, &out), COLL_NO_SOLUTION, "amounts");
    flows_amounts[0] = dec("-100");
    flows_amounts[1] = dec("230");
    flows_amounts[2] = dec("-132");
    flows_dates[1] = ymd(2009, 1, 1);
    flows_dates[2] = ymd(2010, 1, 1);
    EXPECT(coll_xirr(flows_dates, flows_amounts, 3, &act365, NULL, &out), COLL_NO_SOLUTION, "amounts");
    flows_amounts[2] = bad_scale;
    EXPECT(coll_xnpv(&rate, flows_dates, flows_amounts, 3, &act365, &out), COLL_INVALID_DECIMAL, "amounts");
    EXPECT(coll_xirr(flows_dates, flows_amounts, 3, &act365, NULL, &out), COLL_INVALID_DECIMAL, "amounts");
    flows_amounts[2] = dec("-132");
    flows_dates[2] = ymd(2009, 2, 30);
    EXPECT(coll_xnpv(&rate, flows_dates, flows_amounts, 3, &act365, &out), COLL_INVALID_DATE, "dates");
    EXPECT(coll_xirr(flows_dates, flows_amounts, 3, &act365, NULL, &out), COLL_INVALID_DATE, "dates");
    flows_dates[2] = ymd(2010, 13, 1);
    EXPECT(coll_xirr(flows_dates, flows_amounts, 3, &act365, &rate, &out), COLL_INVALID_DATE, "dates");
    UNTOUCHED(out);

    /* Successes: a NULL guess is the default; a given guess; in and out may be the same object. */
    EXPECT_OK(coll_pmt(&rate, &nper, &pv, &fv, COLL_WHEN_END, &got));
    EXPECT_OK(coll_decimal_round(&got, 2, COLL_ROUND_HALF_EVEN, &got));
    EXPECT_TRUE(text_is(&got, "-88.85"));
    {
        coll_decimal r_nper = dec("10"), r_pv = dec("-3500"), r_fv = dec("10000"), want = dec("0.1106908537"),
                     guess = dec("0.5"), r;
        EXPECT_OK(coll_rate(&r_nper, &zero, &r_pv, &r_fv, COLL_WHEN_END, NULL, &r));
        EXPECT_OK(coll_decimal_round(&r, 10, COLL_ROUND_HALF_EVEN, &r));
        EXPECT_OK(coll_decimal_cmp(&r, &want, &order));
        EXPECT_TRUE(order == 0);
        EXPECT_OK(coll_rate(&r_nper, &zero, &r_pv, &r_fv, COLL_WHEN_END, &guess, &guess));
        EXPECT_OK(coll_decimal_round(&guess, 10, COLL_ROUND_HALF_EVEN, &guess));
        EXPECT_OK(coll_decimal_cmp(&guess, &want, &order));
        EXPECT_TRUE(order == 0);
    }
    values[0] = dec("-100");
    values[1] = dec("39");
    values[2] = dec("80");
    EXPECT_OK(coll_irr(values, 3, NULL, &got));
    EXPECT_OK(coll_irr(values, 3, &rate, &out));
    EXPECT_OK(coll_decimal_cmp(&got, &out, &order));
    EXPECT_TRUE(order == 0);
    EXPECT_OK(coll_npv(&got, values, 3, &got));
    EXPECT_OK(coll_decimal_round(&got, 12, COLL_ROUND_HALF_EVEN, &got));
    EXPECT_OK(coll_decimal_cmp(&got, &zero, &order));
    EXPECT_TRUE(order == 0);
    flows_dates[0] = ymd(2008, 1, 1);
    flows_dates[1] = ymd(2008, 7, 1);
    flows_dates[2] = ymd(2009, 1, 1);
    flows_amounts[0] = dec("-100");
    flows_amounts[1] = dec("39");
    flows_amounts[2] = dec("80");
    EXPECT_OK(coll_xirr(flows_dates, flows_amounts, 3, &act365, NULL, &got));
    EXPECT_OK(coll_xnpv(&got, flows_dates, flows_amounts, 3, &act365, &got));
    EXPECT_OK(coll_decimal_round(&got, 12, COLL_ROUND_HALF_EVEN, &got));
    EXPECT_OK(coll_decimal_cmp(&got, &zero, &order));
    EXPECT_TRUE(order == 0);
    EXPECT_OK(coll_pmt(&rate, &nper, &pv, &fv, COLL_WHEN_END, &rate));
    EXPECT_OK(coll_decimal_round(&rate, 2, COLL_ROUND_HALF_EVEN, &rate));
    EXPECT_TRUE(text_is(&rate, "-88.85"));
}

/* ---------------------------------------------------------------- when, APR and APRC */

static void test_when(void) {
    coll_when when;
    POISON(when);
    EXPECT(coll_when_from_name("middle", 6, &when), COLL_INVALID_ARGUMENT, "when");
    EXPECT(coll_when_from_name("", 0, &when), COLL_INVALID_ARGUMENT, "when");
    EXPECT(coll_when_from_name("2", 1, &when), COLL_INVALID_ARGUMENT, "when");
    EXPECT(coll_when_from_name(BAD_UTF8, 2, &when), COLL_INVALID_UTF8, "name");
    UNTOUCHED(when);
    EXPECT_OK(coll_when_from_name("Begin", 5, &when));
    EXPECT_TRUE(when == COLL_WHEN_BEGIN);
    EXPECT_OK(coll_when_from_name("0", 1, &when));
    EXPECT_TRUE(when == COLL_WHEN_END);
    EXPECT_OK(coll_when_from_name(" start ", 7, &when));
    EXPECT_TRUE(when == COLL_WHEN_BEGIN);
}

/* Appendix J (c)(1)(i): 5000 advanced 1978-01-10 and 24 monthly payments of 230 from 1978-02-10. */
static void appendix_j(coll_date *advance, coll_decimal *principal, coll_date *dates, coll_decimal *amounts) {
    int k;
    *advance = ymd(1978, 1, 10);
    *principal = dec("5000");
    for (k = 1; k <= 24; k++) {
        dates[k - 1] = ymd(1978 + k / 12, (uint32_t)(k % 12 + 1), 10);
        amounts[k - 1] = dec("230");
    }
}

static void test_apr(void) {
    coll_date advance, dates[24], saved_date;
    coll_decimal principal, amounts[24], saved_amount, bad_scale = {1, 0, 29}, percent, rate, got, want;
    coll_decimal disclosed = dec("0.0975");
    coll_unit_period unit;
    coll_regulation_z_apr apr, good, bad;
    bool accurate;
    int32_t order;
    size_t i;
    static const struct {
        coll_unit_period unit;
        coll_status status;
    } bad_units[] = {
        {{4, 1}, COLL_INVALID_ARGUMENT},                         /* unknown kind */
        {{UINT32_MAX, 1}, COLL_INVALID_ARGUMENT},                /* unknown kind */
        {{COLL_UNIT_PERIOD_SEMIMONTH, 1}, COLL_INVALID_ARGUMENT}, /* a semimonth has no count */
        {{COLL_UNIT_PERIOD_DAYS, 0}, COLL_INVALID_ARGUMENT},
        {{COLL_UNIT_PERIOD_DAYS, 366}, COLL_INVALID_ARGUMENT},
        {{COLL_UNIT_PERIOD_WEEKS, 53}, COLL_INVALID_ARGUMENT},
        {{COLL_UNIT_PERIOD_MONTHS, 0}, COLL_INVALID_ARGUMENT},
        {{COLL_UNIT_PERIOD_MONTHS, 13}, COLL_INVALID_ARGUMENT},
        {{COLL_UNIT_PERIOD_MONTHS, UINT32_MAX}, COLL_INVALID_ARGUMENT},
    };

    appendix_j(&advance, &principal, dates, amounts);
    POISON(apr);
    POISON(percent);
    POISON(rate);
    POISON(accurate);

    /* Empty lists: the dates are at fault (as in Python). */
    EXPECT(coll_apr_regulation_z(&advance, &principal, 0, dates, amounts, 24, NULL, &apr), COLL_INVALID_ARGUMENT,
           "advance_dates");
    EXPECT(coll_apr_regulation_z(&advance, &principal, 1, dates, amounts, 0, NULL, &apr), COLL_INVALID_ARGUMENT,
           "payment_dates");
    EXPECT(coll_aprc_eu(&advance, &principal, 0, dates, amounts, 24, COLL_APRC_BASIS_DAYS, 2, &percent, &rate),
           COLL_INVALID_ARGUMENT, "drawdown_dates");
    EXPECT(coll_aprc_eu(&advance, &principal, 1, dates, amounts, 0, COLL_APRC_BASIS_DAYS, 2, &percent, &rate),
           COLL_INVALID_ARGUMENT, "payment_dates");

    /* Dates out of order. */
    saved_date = dates[5];
    dates[5] = dates[4];
    dates[4] = saved_date;
    EXPECT(coll_apr_regulation_z(&advance, &principal, 1, dates, amounts, 24, NULL, &apr), COLL_INVALID_ARGUMENT,
           "payment_dates");
    EXPECT_TRUE(strstr(coll_last_error_message(), "in order") != NULL);
    EXPECT(coll_aprc_eu(&advance, &principal, 1, dates, amounts, 24, COLL_APRC_BASIS_MONTHS, 2, &percent, &rate),
           COLL_INVALID_ARGUMENT, "payment_dates");
    EXPECT_TRUE(strstr(coll_last_error_message(), "in order") != NULL);
    dates[4] = dates[5];
    dates[5] = saved_date;
    {
        coll_date two[2];
        coll_decimal halves[2];
        two[0] = ymd(1978, 1, 20);
        two[1] = ymd(1978, 1, 10);
        halves[0] = dec("2500");
        halves[1] = dec("2500");
        EXPECT(coll_apr_regulation_z(two, halves, 2, dates, amounts, 24, NULL, &apr), COLL_INVALID_ARGUMENT,
               "advance_dates");
        EXPECT(coll_aprc_eu(two, halves, 2, dates, amounts, 24, COLL_APRC_BASIS_DAYS, 2, &percent, &rate),
               COLL_INVALID_ARGUMENT, "drawdown_dates");
    }

    /* Amounts that are not positive. */
    saved_amount = amounts[3];
    amounts[3] = dec("-230");
    EXPECT(coll_apr_regulation_z(&advance, &principal, 1, dates, amounts, 24, NULL, &apr), COLL_INVALID_ARGUMENT,
           "payment_amounts");
    EXPECT_TRUE(strstr(coll_last_error_message(), "positive") != NULL);
    EXPECT(coll_aprc_eu(&advance, &principal, 1, dates, amounts, 24, COLL_APRC_BASIS_WEEKS, 2, &percent, &rate),
           COLL_INVALID_ARGUMENT, "payment_amounts");
    amounts[3] = dec("0");
    EXPECT(coll_apr_regulation_z(&advance, &principal, 1, dates, amounts, 24, NULL, &apr), COLL_INVALID_ARGUMENT,
           "payment_amounts");
    amounts[3] = saved_amount;
    {
        coll_decimal minus = dec("-5000");
        EXPECT(coll_apr_regulation_z(&advance, &minus, 1, dates, amounts, 24, NULL, &apr), COLL_INVALID_ARGUMENT,
               "advance_amounts");
        EXPECT(coll_aprc_eu(&advance, &minus, 1, dates, amounts, 24, COLL_APRC_BASIS_DAYS, 2, &percent, &rate),
               COLL_INVALID_ARGUMENT, "drawdown_amounts");
    }

    /* A payment before the advance. */
    {
        coll_date late = ymd(1978, 3, 1), same_day = ymd(1978, 1, 10);
        EXPECT(coll_apr_regulation_z(&late, &principal, 1, dates, amounts, 24, NULL, &apr), COLL_INVALID_ARGUMENT,
               "payment_dates");
        EXPECT_TRUE(strstr(coll_last_error_message(), "before the first advance") != NULL);
        EXPECT(coll_aprc_eu(&late, &principal, 1, dates, amounts, 24, COLL_APRC_BASIS_DAYS, 2, &percent, &rate),
               COLL_INVALID_ARGUMENT, "payment_dates");
        /* 230 repaid on the day 5000 is advanced: a transaction of zero days has no rate; the dates are named. */
        EXPECT(coll_apr_regulation_z(&advance, &principal, 1, &same_day, &amounts[0], 1, NULL, &apr),
               COLL_INVALID_ARGUMENT, "payment_dates");
        EXPECT_TRUE(strstr(coll_last_error_message(), "the term is zero days") != NULL);
        EXPECT(coll_aprc_eu(&advance, &principal, 1, &same_day, &amounts[0], 1, COLL_APRC_BASIS_DAYS, 2, &percent,
                            &rate),
               COLL_INVALID_ARGUMENT, "payment_dates");
    }

    /* Invalid elements name their array. */
    saved_date = dates[7];
    dates[7] = ymd(1978, 9, 31);
    EXPECT(coll_apr_regulation_z(&advance, &principal, 1, dates, amounts, 24, NULL, &apr), COLL_INVALID_DATE,
           "payment_dates");
    EXPECT(coll_aprc_eu(&advance, &principal, 1, dates, amounts, 24, COLL_APRC_BASIS_DAYS, 2, &percent, &rate),
           COLL_INVALID_DATE, "payment_dates");
    dates[7] = saved_date;
    amounts[7] = bad_scale;
    EXPECT(coll_apr_regulation_z(&advance, &principal, 1, dates, amounts, 24, NULL, &apr), COLL_INVALID_DECIMAL,
           "payment_amounts");
    EXPECT(coll_aprc_eu(&advance, &principal, 1, dates, amounts, 24, COLL_APRC_BASIS_DAYS, 2, &percent, &rate),
           COLL_INVALID_DECIMAL, "payment_amounts");
    amounts[7] = saved_amount;
    {
        coll_date no_day = ymd(1978, 0, 10);
        EXPECT(coll_apr_regulation_z(&no_day, &principal, 1, dates, amounts, 24, NULL, &apr), COLL_INVALID_DATE,
               "advance_dates");
        EXPECT(coll_apr_regulation_z(&advance, &bad_scale, 1, dates, amounts, 24, NULL, &apr),
               COLL_INVALID_DECIMAL, "advance_amounts");
        EXPECT(coll_aprc_eu(&no_day, &principal, 1, dates, amounts, 24, COLL_APRC_BASIS_DAYS, 2, &percent, &rate),
               COLL_INVALID_DATE, "drawdown_dates");
        EXPECT(coll_aprc_eu(&advance, &bad_scale, 1, dates, amounts, 24, COLL_APRC_BASIS_DAYS, 2, &percent,
                            &rate),
               COLL_INVALID_DECIMAL, "drawdown_amounts");
    }

    /* Invalid unit periods. */
    for (i = 0; i < sizeof bad_units / sizeof bad_units[0]; i++) {
        char call[96];
        snprintf(call, sizeof call, "coll_apr_regulation_z with unit period {%lu, %lu}",
                 (unsigned long)bad_units[i].unit.kind, (unsigned long)bad_units[i].unit.count);
        expect_status(__LINE__, call,
                      coll_apr_regulation_z(&advance, &principal, 1, dates, amounts, 24, &bad_units[i].unit, &apr),
                      bad_units[i].status, "unit_period");
    }

    /* The APRC's basis and decimals. */
    EXPECT(coll_aprc_eu(&advance, &principal, 1, dates, amounts, 24, 3, 2, &percent, &rate), COLL_INVALID_ARGUMENT,
           "basis");
    EXPECT(coll_aprc_eu(&advance, &principal, 1, dates, amounts, 24, UINT32_MAX, 2, &percent, &rate),
           COLL_INVALID_ARGUMENT, "basis");
    EXPECT(coll_aprc_eu(&advance, &principal, 1, dates, amounts, 24, COLL_APRC_BASIS_DAYS, 0, &percent, &rate),
           COLL_INVALID_ARGUMENT, "decimals");
    EXPECT(coll_aprc_eu(&advance, &principal, 1, dates, amounts, 24, COLL_APRC_BASIS_DAYS, 11, &percent, &rate),
           COLL_INVALID_ARGUMENT, "decimals");
    EXPECT(coll_aprc_eu(&advance, &principal, 1, dates, amounts, 24, COLL_APRC_BASIS_DAYS, UINT32_MAX, &percent,
                        &rate),
           COLL_INVALID_ARGUMENT, "decimals");
    UNTOUCHED(apr);
    UNTOUCHED(percent);
    UNTOUCHED(rate);

    /* The Appendix J example: 9.69%, monthly, regular; a NULL unit period is the most common one. */
    EXPECT_OK(coll_apr_regulation_z(&advance, &principal, 1, dates, amounts, 24, NULL, &good));
    EXPECT_OK(coll_decimal_round(&good.apr, 4, COLL_ROUND_HALF_EVEN, &got));
    EXPECT_TRUE(text_is(&got, "0.0969"));
    EXPECT_TRUE(good.unit_period.kind == COLL_UNIT_PERIOD_MONTHS && good.unit_period.count == 1);
    EXPECT_TRUE(good.irregular == 0);
    want = dec("0.00125");
    EXPECT_OK(coll_decimal_cmp(&good.tolerance, &want, &order));
    EXPECT_TRUE(order == 0);
    want = dec("12");
    EXPECT_OK(coll_decimal_cmp(&good.unit_periods_per_year, &want, &order));
    EXPECT_TRUE(order == 0);
    /* The same override gives the same result. */
    unit.kind = COLL_UNIT_PERIOD_MONTHS;
    unit.count = 1;
    EXPECT_OK(coll_apr_regulation_z(&advance, &principal, 1, dates, amounts, 24, &unit, &apr));
    EXPECT_OK(coll_decimal_cmp(&apr.apr, &good.apr, &order));
    EXPECT_TRUE(order == 0);
    /* A semimonthly override: 24 a year, and the monthly payments make the transaction irregular. */
    unit.kind = COLL_UNIT_PERIOD_SEMIMONTH;
    unit.count = 0;
    EXPECT_OK(coll_apr_regulation_z(&advance, &principal, 1, dates, amounts, 24, &unit, &apr));
    EXPECT_TRUE(apr.unit_period.kind == COLL_UNIT_PERIOD_SEMIMONTH && apr.unit_period.count == 0);
    EXPECT_TRUE(apr.irregular == 1);
    want = dec("0.0025");
    EXPECT_OK(coll_decimal_cmp(&apr.tolerance, &want, &order));
    EXPECT_TRUE(order == 0);

    /* Accuracy: within 1/8 of a point when regular, 1/4 when irregular. */
    EXPECT_OK(coll_apr_is_accurate(&good, &disclosed, &accurate));
    EXPECT_TRUE(accurate);
    disclosed = dec("0.0985");
    EXPECT_OK(coll_apr_is_accurate(&good, &disclosed, &accurate));
    EXPECT_TRUE(!accurate);
    bad = good;
    bad.irregular = 1;
    EXPECT_OK(coll_apr_is_accurate(&bad, &disclosed, &accurate));
    EXPECT_TRUE(accurate);
    /* The tolerance field is output only. */
    bad.tolerance = bad_scale;
    EXPECT_OK(coll_apr_is_accurate(&bad, &disclosed, &accurate));

    /* A result coming back in is checked. */
    POISON(accurate);
    bad = good;
    bad.irregular = 2;
    EXPECT(coll_apr_is_accurate(&bad, &disclosed, &accurate), COLL_INVALID_ARGUMENT, "computed.irregular");
    bad.irregular = 0xFF;
    EXPECT(coll_apr_is_accurate(&bad, &disclosed, &accurate), COLL_INVALID_ARGUMENT, "computed.irregular");
    bad = good;
    bad.apr = bad_scale;
    EXPECT(coll_apr_is_accurate(&bad, &disclosed, &accurate), COLL_INVALID_DECIMAL, "computed.apr");
    bad = good;
    bad.rate_per_unit_period = bad_scale;
    EXPECT(coll_apr_is_accurate(&bad, &disclosed, &accurate), COLL_INVALID_DECIMAL,
           "computed.rate_per_unit_period");
    bad = good;
    bad.unit_periods_per_year = bad_scale;
    EXPECT(coll_apr_is_accurate(&bad, &disclosed, &accurate), COLL_INVALID_DECIMAL,
           "computed.unit_periods_per_year");
    bad = good;
    bad.unit_period.kind = 9;
    EXPECT(coll_apr_is_accurate(&bad, &disclosed, &accurate), COLL_INVALID_ARGUMENT, "computed.unit_period");
    bad.unit_period.kind = COLL_UNIT_PERIOD_SEMIMONTH;
    bad.unit_period.count = 2;
    EXPECT(coll_apr_is_accurate(&bad, &disclosed, &accurate), COLL_INVALID_ARGUMENT, "computed.unit_period");
    EXPECT(coll_apr_is_accurate(&good, &bad_scale, &accurate), COLL_INVALID_DECIMAL, "disclosed");
    UNTOUCHED(accurate);

    /* The APRC: Directive 98/7/EC, Annex III, example 1 (1000 lent, 1200 repaid 18 months later). */
    {
        coll_date lent_on = ymd(1994, 1, 1), repaid_on = ymd(1995, 7, 1);
        coll_decimal lent = dec("1000"), repaid = dec("1200");
        EXPECT_OK(coll_aprc_eu(&lent_on, &lent, 1, &repaid_on, &repaid, 1, COLL_APRC_BASIS_DAYS, 2, &percent,
                               &rate));
        EXPECT_TRUE(text_is(&percent, "12.96"));
        EXPECT_OK(coll_decimal_round(&rate, 4, COLL_ROUND_HALF_EVEN, &got));
        EXPECT_TRUE(text_is(&got, "0.1296"));
        EXPECT_OK(coll_aprc_eu(&lent_on, &lent, 1, &repaid_on, &repaid, 1, COLL_APRC_BASIS_MONTHS, 2, &percent,
                               &rate));
        EXPECT_TRUE(text_is(&percent, "12.92"));
    }
}

/* ---------------------------------------------------------------- amortized schedules */

/* 2000 USD at 10% from 2026-01-01, 24 monthly payments from 2026-02-01. */
static coll_schedule_terms loan_terms(void) {
    coll_schedule_terms t;
    memset(&t, 0, sizeof t);
    if (coll_schedule_terms_init(&t) != COLL_OK) {
        printf("FAIL fixture: coll_schedule_terms_init: %s\n", coll_last_error_message());
        failures++;
    }
    t.principal = dec("2000");
    t.currency = currency("USD");
    t.annual_rate = dec("0.10");
    t.start_date = ymd(2026, 1, 1);
    t.first_due_date = ymd(2026, 2, 1);
    t.term = 24;
    return t;
}

/* coll_schedule_new(&t, &out) fails with `status` naming `field`, leaving `out` untouched. */
static void expect_new_fails(int line, const char *what, const coll_schedule_terms *t, coll_status status,
                             const char *field) {
    coll_schedule *out;
    POISON(out);
    expect_status(line, what, coll_schedule_new(t, &out), status, field);
    expect_untouched(line, what, &out, sizeof out);
}

#define NEW_FAILS(terms, status, field) expect_new_fails(__LINE__, #terms " -> " #field, &(terms), status, field)

static int same_decimal(const coll_decimal *a, const coll_decimal *b) {
    /* The same value and the same scale (amounts keep the currency's minor units). */
    return a->lo == b->lo && a->hi == b->hi && a->scale == b->scale;
}

/* Field by field: the padding inside a struct is not part of its value. */
static int same_row(const coll_schedule_row *a, const coll_schedule_row *b) {
    return a->number == b->number && same_date(a->due_date, b->due_date) && a->days == b->days &&
           same_decimal(&a->opening_balance, &b->opening_balance) && same_decimal(&a->payment, &b->payment) &&
           same_decimal(&a->interest, &b->interest) && same_decimal(&a->deferred_interest, &b->deferred_interest) &&
           same_decimal(&a->principal, &b->principal) && same_decimal(&a->closing_balance, &b->closing_balance) &&
           a->holiday == b->holiday;
}

static void test_schedule_null_arguments(void) {
    coll_schedule_terms t = loan_terms(), t_out;
    coll_schedule *s = NULL, *s_out;
    coll_reamortization changes;
    coll_schedule_row row, rows[4];
    coll_schedule_totals totals;
    coll_decimal d_out;
    uint32_t u32_out;
    size_t len_out;
    bool bool_out;

    memset(&changes, 0, sizeof changes);
    EXPECT_OK(coll_schedule_new(&t, &s));
    POISON(t_out);
    POISON(s_out);
    POISON(row);
    POISON(rows);
    POISON(totals);
    POISON(d_out);
    POISON(u32_out);
    POISON(len_out);
    POISON(bool_out);

    EXPECT_NULL(coll_schedule_terms_init(NULL), "out");
    EXPECT_NULL(coll_schedule_kind_from_name(NULL, 7, &u32_out), "name");
    EXPECT_NULL(coll_schedule_kind_from_name("balloon", 7, NULL), "out");
    EXPECT_NULL(coll_interest_method_from_name(NULL, 5, &u32_out), "name");
    EXPECT_NULL(coll_interest_method_from_name("daily", 5, NULL), "out");
    EXPECT_NULL(coll_odd_first_period_from_name(NULL, 6, &u32_out), "name");
    EXPECT_NULL(coll_odd_first_period_from_name("ignore", 6, NULL), "out");
    EXPECT_NULL(coll_holiday_interest_from_name(NULL, 5, &u32_out), "name");
    EXPECT_NULL(coll_holiday_interest_from_name("defer", 5, NULL), "out");

    EXPECT_NULL(coll_schedule_new(NULL, &s_out), "terms");
    EXPECT_NULL(coll_schedule_new(&t, NULL), "out");
    /* The arrays inside the terms: NULL is allowed only with a count of 0. */
    t.kind = COLL_SCHEDULE_KIND_CUSTOM;
    t.n_payments = 2;
    EXPECT_NULL(coll_schedule_new(&t, &s_out), "payments");
    t = loan_terms();
    t.n_payment_holidays = 1;
    EXPECT_NULL(coll_schedule_new(&t, &s_out), "payment_holidays");
    t = loan_terms();

    EXPECT_NULL(coll_schedule_reamortize(NULL, 13, &changes, &s_out), "schedule");
    EXPECT_NULL(coll_schedule_reamortize(s, 13, NULL, &s_out), "changes");
    EXPECT_NULL(coll_schedule_reamortize(s, 13, &changes, NULL), "out");
    coll_schedule_free(NULL); /* a no-op */
    EXPECT_NULL(coll_schedule_row_count(NULL, &len_out), "schedule");
    EXPECT_NULL(coll_schedule_row_count(s, NULL), "out");
    EXPECT_NULL(coll_schedule_row_at(NULL, 0, &row), "schedule");
    EXPECT_NULL(coll_schedule_row_at(s, 0, NULL), "out");
    EXPECT_NULL(coll_schedule_rows(NULL, rows, 4, &len_out), "schedule");
    EXPECT_NULL(coll_schedule_rows(s, NULL, 4, &len_out), "out");
    EXPECT_NULL(coll_schedule_rows(s, rows, 4, NULL), "out_len");
    EXPECT_NULL(coll_schedule_rows(s, NULL, 0, NULL), "out_len");
    EXPECT_NULL(coll_schedule_get_totals(NULL, &totals), "schedule");
    EXPECT_NULL(coll_schedule_get_totals(s, NULL), "out");
    EXPECT_NULL(coll_schedule_level_payment(NULL, &bool_out, &d_out), "schedule");
    EXPECT_NULL(coll_schedule_level_payment(s, NULL, &d_out), "out_has_value");
    EXPECT_NULL(coll_schedule_level_payment(s, &bool_out, NULL), "out");

    UNTOUCHED(t_out);
    UNTOUCHED(s_out);
    UNTOUCHED(row);
    UNTOUCHED(rows);
    UNTOUCHED(totals);
    UNTOUCHED(d_out);
    UNTOUCHED(u32_out);
    UNTOUCHED(len_out);
    UNTOUCHED(bool_out);
    coll_schedule_free(s);
}

static void test_schedule_names(void) {
    coll_schedule_kind kind;
    coll_interest_method method;
    coll_odd_first_period odd;
    coll_holiday_interest holiday;
    POISON(kind);
    POISON(method);
    POISON(odd);
    POISON(holiday);
    EXPECT(coll_schedule_kind_from_name("bullet", 6, &kind), COLL_INVALID_ARGUMENT, "kind");
    EXPECT(coll_schedule_kind_from_name("", 0, &kind), COLL_INVALID_ARGUMENT, "kind");
    EXPECT(coll_schedule_kind_from_name(BAD_UTF8, 2, &kind), COLL_INVALID_UTF8, "name");
    EXPECT(coll_interest_method_from_name("weekly", 6, &method), COLL_INVALID_ARGUMENT, "interest_method");
    EXPECT(coll_interest_method_from_name(BAD_UTF8, 2, &method), COLL_INVALID_UTF8, "name");
    EXPECT(coll_odd_first_period_from_name("skip", 4, &odd), COLL_INVALID_ARGUMENT, "odd_first_period");
    EXPECT(coll_odd_first_period_from_name(BAD_UTF8, 2, &odd), COLL_INVALID_UTF8, "name");
    EXPECT(coll_holiday_interest_from_name("waive", 5, &holiday), COLL_INVALID_ARGUMENT, "holiday_interest");
    EXPECT(coll_holiday_interest_from_name(BAD_UTF8, 2, &holiday), COLL_INVALID_UTF8, "name");
    UNTOUCHED(kind);
    UNTOUCHED(method);
    UNTOUCHED(odd);
    UNTOUCHED(holiday);

    /* Every constant by its name; case, '-' and '_' are not significant; the core's aliases work. */
    EXPECT_OK(coll_schedule_kind_from_name("level_payment", 13, &kind));
    EXPECT_TRUE(kind == COLL_SCHEDULE_KIND_LEVEL_PAYMENT);
    EXPECT_OK(coll_schedule_kind_from_name("Level-Principal", 15, &kind));
    EXPECT_TRUE(kind == COLL_SCHEDULE_KIND_LEVEL_PRINCIPAL);
    EXPECT_OK(coll_schedule_kind_from_name("interest_only", 13, &kind));
    EXPECT_TRUE(kind == COLL_SCHEDULE_KIND_INTEREST_ONLY);
    EXPECT_OK(coll_schedule_kind_from_name("interest_only_then_balloon", 26, &kind));
    EXPECT_TRUE(kind == COLL_SCHEDULE_KIND_INTEREST_ONLY);
    EXPECT_OK(coll_schedule_kind_from_name("BALLOON", 7, &kind));
    EXPECT_TRUE(kind == COLL_SCHEDULE_KIND_BALLOON);
    EXPECT_OK(coll_schedule_kind_from_name("graduated", 9, &kind));
    EXPECT_TRUE(kind == COLL_SCHEDULE_KIND_GRADUATED);
    EXPECT_OK(coll_schedule_kind_from_name("custom", 6, &kind));
    EXPECT_TRUE(kind == COLL_SCHEDULE_KIND_CUSTOM);
    EXPECT_OK(coll_interest_method_from_name("periodic", 8, &method));
    EXPECT_TRUE(method == COLL_INTEREST_METHOD_PERIODIC);
    EXPECT_OK(coll_interest_method_from_name("Daily", 5, &method));
    EXPECT_TRUE(method == COLL_INTEREST_METHOD_DAILY);
    EXPECT_OK(coll_odd_first_period_from_name("add-to-first-installment", 24, &odd));
    EXPECT_TRUE(odd == COLL_ODD_FIRST_PERIOD_ADD_TO_FIRST_INSTALLMENT);
    EXPECT_OK(coll_odd_first_period_from_name("capitalize", 10, &odd));
    EXPECT_TRUE(odd == COLL_ODD_FIRST_PERIOD_CAPITALIZE);
    EXPECT_OK(coll_odd_first_period_from_name("IGNORE", 6, &odd));
    EXPECT_TRUE(odd == COLL_ODD_FIRST_PERIOD_IGNORE);
    EXPECT_OK(coll_holiday_interest_from_name("capitalize", 10, &holiday));
    EXPECT_TRUE(holiday == COLL_HOLIDAY_INTEREST_CAPITALIZE);
    EXPECT_OK(coll_holiday_interest_from_name("DEFER", 5, &holiday));
    EXPECT_TRUE(holiday == COLL_HOLIDAY_INTEREST_DEFER);
}

static void test_schedule_terms(void) {
    coll_schedule_terms t = loan_terms(), init;
    coll_decimal bad_scale = {1, 0, 29}, list[3];
    uint32_t holidays[3] = {1, 2, 3};

    /* The defaults. */
    EXPECT_OK(coll_schedule_terms_init(&init));
    EXPECT_TRUE(init.frequency.kind == COLL_FREQUENCY_MONTHLY && init.kind == COLL_SCHEDULE_KIND_LEVEL_PAYMENT &&
                init.interest_method == COLL_INTEREST_METHOD_PERIODIC &&
                init.odd_first_period == COLL_ODD_FIRST_PERIOD_ADD_TO_FIRST_INSTALLMENT &&
                init.stub_day_count.kind == COLL_DAY_COUNT_ACT_365_FIXED &&
                init.holiday_interest == COLL_HOLIDAY_INTEREST_CAPITALIZE &&
                init.payment_rounding == COLL_ROUND_HALF_UP && init.interest_rounding == COLL_ROUND_HALF_UP &&
                init.max_rows == 1200 && init.term == 0 && init.has_payment == 0 && init.payments == NULL &&
                init.n_payments == 0 && init.payment_holidays == NULL && init.n_payment_holidays == 0 &&
                init.has_day_count == 0 && init.has_payment_multiple == 0 && init.end_of_month == 0);
    /* Left as initialized, the terms lack a currency (each field is converted before the core checks
     * how they fit together, so the zero principal is not reached). */
    NEW_FAILS(init, COLL_UNKNOWN_CURRENCY, "currency");

    /* Amounts, currency, rate, dates, frequency. */
    t.principal = dec("0");
    NEW_FAILS(t, COLL_INVALID_ARGUMENT, "principal");
    t.principal = dec("-5");
    NEW_FAILS(t, COLL_INVALID_ARGUMENT, "principal");
    t.principal = bad_scale;
    NEW_FAILS(t, COLL_INVALID_DECIMAL, "principal");
    t = loan_terms();
    memset(&t.currency, 0, sizeof t.currency);
    NEW_FAILS(t, COLL_UNKNOWN_CURRENCY, "currency");
    t = loan_terms();
    t.annual_rate = dec("-1");
    NEW_FAILS(t, COLL_INVALID_RATE, "annual_rate");
    t.annual_rate = bad_scale;
    NEW_FAILS(t, COLL_INVALID_DECIMAL, "annual_rate");
    t = loan_terms();
    t.start_date = ymd(2026, 2, 30);
    NEW_FAILS(t, COLL_INVALID_DATE, "start_date");
    t = loan_terms();
    t.first_due_date = ymd(0, 0, 0);
    NEW_FAILS(t, COLL_INVALID_DATE, "first_due_date");
    t.first_due_date = ymd(2026, 1, 1);
    NEW_FAILS(t, COLL_INVALID_ARGUMENT, "first_due_date");
    t.first_due_date = ymd(2025, 12, 1);
    NEW_FAILS(t, COLL_INVALID_ARGUMENT, "first_due_date");
    t = loan_terms();
    t.frequency.kind = 99;
    NEW_FAILS(t, COLL_INVALID_ARGUMENT, "frequency");
    t = loan_terms();
    t.end_of_month = 2;
    NEW_FAILS(t, COLL_INVALID_ARGUMENT, "end_of_month");

    /* The term, the payment and the row cap. */
    t = loan_terms();
    t.term = 0;
    NEW_FAILS(t, COLL_INVALID_ARGUMENT, "term");
    t.term = 25;
    t.max_rows = 24;
    NEW_FAILS(t, COLL_INVALID_ARGUMENT, "term");
    t.term = 24;
    t.max_rows = 0;
    NEW_FAILS(t, COLL_INVALID_ARGUMENT, "max_rows");
    t = loan_terms();
    t.has_payment = 2;
    NEW_FAILS(t, COLL_INVALID_ARGUMENT, "has_payment");
    t.has_payment = 1;
    t.payment = dec("100");
    NEW_FAILS(t, COLL_INVALID_ARGUMENT, "term"); /* a term and a payment */
    t.term = 0;
    t.payment = dec("16.67");                    /* only the first month's interest */
    NEW_FAILS(t, COLL_NO_SOLUTION, "payment");
    EXPECT_TRUE(strstr(coll_last_error_message(), "16.68") != NULL);
    t.payment = dec("-100");
    NEW_FAILS(t, COLL_INVALID_ARGUMENT, "payment");
    t.payment = bad_scale;
    NEW_FAILS(t, COLL_INVALID_DECIMAL, "payment");
    t.payment = dec("100");
    t.max_rows = 12;                             /* 22 rows needed */
    NEW_FAILS(t, COLL_INVALID_ARGUMENT, "max_rows");
    t.max_rows = 1200;
    t.kind = COLL_SCHEDULE_KIND_LEVEL_PRINCIPAL;
    NEW_FAILS(t, COLL_INVALID_ARGUMENT, "payment");

    /* Kinds and the data that belongs to them. */
    t = loan_terms();
    t.kind = 6;
    NEW_FAILS(t, COLL_INVALID_ARGUMENT, "kind");
    t.kind = UINT32_MAX;
    NEW_FAILS(t, COLL_INVALID_ARGUMENT, "kind");
    t.kind = COLL_SCHEDULE_KIND_BALLOON;
    NEW_FAILS(t, COLL_INVALID_ARGUMENT, "amortization_periods"); /* 0: fewer than the term */
    t.amortization_periods = 12;
    NEW_FAILS(t, COLL_INVALID_ARGUMENT, "amortization_periods");
    t.kind = COLL_SCHEDULE_KIND_LEVEL_PAYMENT;
    NEW_FAILS(t, COLL_INVALID_ARGUMENT, "amortization_periods"); /* not a balloon */
    t = loan_terms();
    t.kind = COLL_SCHEDULE_KIND_GRADUATED;
    t.step_percent = dec("5");
    NEW_FAILS(t, COLL_INVALID_ARGUMENT, "every");
    t.every = 12;
    t.step_percent = dec("-100");
    NEW_FAILS(t, COLL_INVALID_ARGUMENT, "step_percent");
    t.step_percent = bad_scale;
    NEW_FAILS(t, COLL_INVALID_DECIMAL, "step_percent");
    t.step_percent = dec("5");
    t.kind = COLL_SCHEDULE_KIND_LEVEL_PRINCIPAL;
    NEW_FAILS(t, COLL_INVALID_ARGUMENT, "step_percent"); /* not graduated */
    t.step_percent = dec("0");
    NEW_FAILS(t, COLL_INVALID_ARGUMENT, "every");
    t = loan_terms();
    t.kind = COLL_SCHEDULE_KIND_CUSTOM;
    NEW_FAILS(t, COLL_INVALID_ARGUMENT, "payments"); /* none */
    list[0] = dec("100");
    list[1] = dec("-1");
    list[2] = dec("100");
    t.payments = list;
    t.n_payments = 3;
    NEW_FAILS(t, COLL_INVALID_ARGUMENT, "payments");
    list[1] = bad_scale;
    NEW_FAILS(t, COLL_INVALID_DECIMAL, "payments");
    list[1] = dec("100");
    t.kind = COLL_SCHEDULE_KIND_INTEREST_ONLY;
    NEW_FAILS(t, COLL_INVALID_ARGUMENT, "payments"); /* not custom */

    /* Interest: the method and its day count, the odd first period's day count. */
    t = loan_terms();
    t.interest_method = 2;
    NEW_FAILS(t, COLL_INVALID_ARGUMENT, "interest_method");
    t.interest_method = COLL_INTEREST_METHOD_PERIODIC;
    t.has_day_count = 1;
    NEW_FAILS(t, COLL_INVALID_ARGUMENT, "day_count"); /* periodic interest takes none */
    t.has_day_count = 2;
    NEW_FAILS(t, COLL_INVALID_ARGUMENT, "has_day_count");
    t.interest_method = COLL_INTEREST_METHOD_DAILY;
    t.has_day_count = 1;
    t.day_count.kind = 10;
    NEW_FAILS(t, COLL_INVALID_ARGUMENT, "day_count");
    t.day_count.kind = COLL_DAY_COUNT_ACT_360;
    t.day_count.has_maturity = 1;
    t.day_count.maturity = ymd(2030, 1, 1);
    NEW_FAILS(t, COLL_INVALID_ARGUMENT, "day_count.maturity");
    t = loan_terms();
    t.stub_day_count.kind = 10;
    NEW_FAILS(t, COLL_INVALID_ARGUMENT, "stub_day_count");
    t.stub_day_count.kind = COLL_DAY_COUNT_30_360_US;
    t.stub_day_count.end_of_month_rule = 2;
    NEW_FAILS(t, COLL_INVALID_ARGUMENT, "stub_day_count.end_of_month_rule");
    t = loan_terms();
    t.stub_day_count.kind = COLL_DAY_COUNT_ACT_ACT_ICMA; /* without its reference period */
    NEW_FAILS(t, COLL_INVALID_ARGUMENT, "stub_day_count.reference_start");
    t = loan_terms();
    t.odd_first_period = 3;
    NEW_FAILS(t, COLL_INVALID_ARGUMENT, "odd_first_period");

    /* Payment holidays. */
    t = loan_terms();
    t.term = 3;
    t.payment_holidays = holidays;
    t.n_payment_holidays = 3; /* the whole term */
    NEW_FAILS(t, COLL_INVALID_ARGUMENT, "payment_holidays");
    t.n_payment_holidays = 2;
    t.holiday_interest = 2;
    NEW_FAILS(t, COLL_INVALID_ARGUMENT, "holiday_interest");
    t = loan_terms();
    holidays[0] = 0;
    t.payment_holidays = holidays;
    t.n_payment_holidays = 1;
    NEW_FAILS(t, COLL_INVALID_ARGUMENT, "payment_holidays");
    holidays[0] = 25;
    NEW_FAILS(t, COLL_INVALID_ARGUMENT, "payment_holidays");
    holidays[0] = 24; /* the last period */
    NEW_FAILS(t, COLL_INVALID_ARGUMENT, "payment_holidays");

    /* Rounding. */
    t = loan_terms();
    t.payment_rounding = 7;
    NEW_FAILS(t, COLL_INVALID_ARGUMENT, "payment_rounding");
    t.payment_rounding = COLL_ROUND_HALF_EVEN;
    t.interest_rounding = UINT32_MAX;
    NEW_FAILS(t, COLL_INVALID_ARGUMENT, "interest_rounding");
    t = loan_terms();
    t.has_payment_multiple = 1;
    t.payment_multiple = dec("0");
    NEW_FAILS(t, COLL_INVALID_ARGUMENT, "payment_multiple");
    t.payment_multiple = bad_scale;
    NEW_FAILS(t, COLL_INVALID_DECIMAL, "payment_multiple");
    t.has_payment_multiple = 3;
    NEW_FAILS(t, COLL_INVALID_ARGUMENT, "has_payment_multiple");
    /* Data behind a flag that is 0 is not read. */
    t.has_payment_multiple = 0;
    t.payment = bad_scale;
    t.day_count.kind = UINT32_MAX;
    {
        coll_schedule *s = NULL;
        EXPECT_OK(coll_schedule_new(&t, &s));
        coll_schedule_free(s);
    }
}

static void test_schedule_results(void) {
    coll_schedule_terms t = loan_terms();
    coll_schedule *s = NULL, *cheaper = NULL, *custom = NULL, *out;
    coll_schedule_row row, first, rows[24], small[3];
    coll_schedule_totals totals;
    coll_reamortization changes;
    coll_decimal level, bad_scale = {1, 0, 29}, payments[2];
    bool has_level;
    size_t count, len;
    size_t i;

    EXPECT_OK(coll_schedule_new(&t, &s));
    EXPECT_OK(coll_schedule_row_count(s, &count));
    EXPECT_TRUE(count == 24);
    EXPECT_OK(coll_schedule_level_payment(s, &has_level, &level));
    EXPECT_TRUE(has_level && text_is(&level, "92.29"));
    EXPECT_OK(coll_schedule_row_at(s, 0, &first));
    EXPECT_TRUE(first.number == 1 && same_date(first.due_date, ymd(2026, 2, 1)) && first.days == 31 &&
                first.holiday == 0);
    EXPECT_TRUE(text_is(&first.opening_balance, "2000.00") && text_is(&first.payment, "92.29") &&
                text_is(&first.interest, "16.67") && text_is(&first.principal, "75.62") &&
                text_is(&first.closing_balance, "1924.38") && text_is(&first.deferred_interest, "0.00"));
    EXPECT_OK(coll_schedule_row_at(s, 23, &row));
    EXPECT_TRUE(row.number == 24 && same_date(row.due_date, ymd(2028, 1, 1)) && text_is(&row.payment, "92.28") &&
                text_is(&row.closing_balance, "0.00"));
    EXPECT_OK(coll_schedule_get_totals(s, &totals));
    EXPECT_TRUE(text_is(&totals.payment, "2214.95") && text_is(&totals.interest, "214.95") &&
                text_is(&totals.principal, "2000.00"));

    /* Rows in bulk: the size query, a buffer too small, then all of them. */
    POISON(row);
    POISON(small);
    len = 0;
    EXPECT(coll_schedule_row_at(s, 24, &row), COLL_INVALID_ARGUMENT, "index");
    EXPECT(coll_schedule_row_at(s, SIZE_MAX, &row), COLL_INVALID_ARGUMENT, "index");
    EXPECT(coll_schedule_rows(s, NULL, 0, &len), COLL_BUFFER_TOO_SMALL, "out");
    EXPECT_TRUE(len == 24);
    len = 0;
    EXPECT(coll_schedule_rows(s, small, 3, &len), COLL_BUFFER_TOO_SMALL, "out");
    EXPECT_TRUE(len == 24);
    EXPECT(coll_schedule_rows(s, NULL, 5, &len), COLL_NULL_ARGUMENT, "out");
    UNTOUCHED(row);
    UNTOUCHED(small);
    EXPECT_OK(coll_schedule_rows(s, rows, 24, &len));
    EXPECT_TRUE(len == 24);
    for (i = 0; i < len; i++) {
        EXPECT_TRUE(rows[i].number == (uint32_t)i + 1);
    }
    EXPECT_TRUE(same_row(&rows[0], &first));

    /* Re-amortization: bad rows and changes leave *out untouched. */
    memset(&changes, 0, sizeof changes);
    POISON(out);
    EXPECT(coll_schedule_reamortize(s, 0, &changes, &out), COLL_INVALID_ARGUMENT, "from_row");
    EXPECT(coll_schedule_reamortize(s, 25, &changes, &out), COLL_INVALID_ARGUMENT, "from_row");
    EXPECT(coll_schedule_reamortize(s, UINT32_MAX, &changes, &out), COLL_INVALID_ARGUMENT, "from_row");
    changes.has_term = 1;
    changes.term = 12;
    changes.has_payment = 1;
    changes.payment = dec("100");
    EXPECT(coll_schedule_reamortize(s, 13, &changes, &out), COLL_INVALID_ARGUMENT, "payment");
    changes.has_term = 0;
    changes.payment = dec("8.75"); /* row 13's interest: never repays */
    EXPECT(coll_schedule_reamortize(s, 13, &changes, &out), COLL_NO_SOLUTION, "payment");
    changes.payment = bad_scale;
    EXPECT(coll_schedule_reamortize(s, 13, &changes, &out), COLL_INVALID_DECIMAL, "payment");
    memset(&changes, 0, sizeof changes);
    changes.has_term = 1;
    EXPECT(coll_schedule_reamortize(s, 13, &changes, &out), COLL_INVALID_ARGUMENT, "term");
    changes.has_term = 2;
    EXPECT(coll_schedule_reamortize(s, 13, &changes, &out), COLL_INVALID_ARGUMENT, "has_term");
    changes.has_term = 0;
    changes.has_payment = 0xFF;
    EXPECT(coll_schedule_reamortize(s, 13, &changes, &out), COLL_INVALID_ARGUMENT, "has_payment");
    changes.has_payment = 0;
    changes.has_annual_rate = 1;
    changes.annual_rate = dec("-1");
    EXPECT(coll_schedule_reamortize(s, 13, &changes, &out), COLL_INVALID_RATE, "annual_rate");
    changes.has_annual_rate = 2;
    EXPECT(coll_schedule_reamortize(s, 13, &changes, &out), COLL_INVALID_ARGUMENT, "has_annual_rate");
    UNTOUCHED(out);

    /* A new rate from row 13: a new handle that keeps rows 1 to 12 and outlives the original. */
    changes.has_annual_rate = 1;
    changes.annual_rate = dec("0.05");
    EXPECT_OK(coll_schedule_reamortize(s, 13, &changes, &cheaper));
    coll_schedule_free(s);
    EXPECT_OK(coll_schedule_row_count(cheaper, &count));
    EXPECT_TRUE(count == 24);
    EXPECT_OK(coll_schedule_row_at(cheaper, 11, &row));
    EXPECT_TRUE(same_row(&row, &rows[11]));
    EXPECT_OK(coll_schedule_row_at(cheaper, 12, &row));
    EXPECT_TRUE(row.number == 13 && text_is(&row.opening_balance, "1049.75") && text_is(&row.interest, "4.37"));
    EXPECT_OK(coll_schedule_get_totals(cheaper, &totals));
    EXPECT_TRUE(text_is(&totals.principal, "2000.00"));
    /* With no changes at all, the same schedule again. */
    memset(&changes, 0, sizeof changes);
    EXPECT_OK(coll_schedule_reamortize(cheaper, 1, &changes, &out));
    EXPECT_OK(coll_schedule_row_count(out, &count));
    EXPECT_TRUE(count == 24);
    coll_schedule_free(out);
    coll_schedule_free(cheaper);

    /* A custom schedule has no level payment: the flag is false and the amount zero. */
    t = loan_terms();
    t.term = 2;
    t.kind = COLL_SCHEDULE_KIND_CUSTOM;
    payments[0] = dec("1000");
    payments[1] = dec("1000");
    t.payments = payments;
    t.n_payments = 2;
    EXPECT_OK(coll_schedule_new(&t, &custom));
    /* The terms' arrays were copied: changing them now changes nothing. */
    payments[0] = bad_scale;
    EXPECT_OK(coll_schedule_level_payment(custom, &has_level, &level));
    EXPECT_TRUE(!has_level && text_is(&level, "0"));
    EXPECT_OK(coll_schedule_row_at(custom, 0, &row));
    EXPECT_TRUE(text_is(&row.payment, "1000.00") && text_is(&row.interest, "16.67"));
    coll_schedule_free(custom);
}

/* ---------------------------------------------------------------- late interest */

static coll_statutory_claim uk_claim(void) {
    coll_statutory_claim c;
    EXPECT_OK(coll_statutory_claim_init(&c));
    c.statute = COLL_STATUTE_UK_LATE_PAYMENT_1998;
    c.principal = dec("5000");
    c.currency = currency("GBP");
    c.due_date = ymd(2025, 2, 28);
    c.through = ymd(2025, 4, 29);
    return c;
}

static void test_late_interest(void) {
    coll_statute statute;
    coll_debtor_kind debtor;
    coll_finance_charge_method method;
    coll_statutory_tables *tables = NULL, *t_out;
    coll_statutory_claim claim = uk_claim(), bad;
    coll_late_interest *li = NULL, *li_out;
    coll_late_interest_summary summary, s_out;
    coll_interest_segment seg, seg_out;
    coll_erpnext_dunning_result erp, erp_out;
    coll_finance_charge_terms terms;
    coll_finance_charge_result charge, charge_out;
    coll_balance_days items[2];
    coll_money outstanding = money("2345.67", "EUR"), remaining = money("1234.56", "USD");
    coll_decimal rate = dec("9.5"), fee = dec("7.50"), d_out, pct = dec("2.15");
    coll_currency eur = currency("EUR");
    size_t n = 99;

    /* Names. */
    EXPECT_OK(coll_statute_from_name("de-bgb-288", 10, &statute));
    EXPECT_TRUE(statute == COLL_STATUTE_DE_BGB_288);
    EXPECT_OK(coll_statute_from_name("UK Late Payment 1998", 20, &statute));
    EXPECT_TRUE(statute == COLL_STATUTE_UK_LATE_PAYMENT_1998);
    POISON(statute);
    EXPECT(coll_statute_from_name("us", 2, &statute), COLL_INVALID_ARGUMENT, "statute");
    UNTOUCHED(statute);
    EXPECT_NULL(coll_statute_from_name(NULL, 0, &statute), "name");
    EXPECT_NULL(coll_statute_from_name("eu-2011-7", 9, NULL), "out");
    EXPECT(coll_statute_from_name(BAD_UTF8, 2, &statute), COLL_INVALID_UTF8, "name");
    EXPECT_OK(coll_debtor_kind_from_name("Consumer", 8, &debtor));
    EXPECT_TRUE(debtor == COLL_DEBTOR_CONSUMER && COLL_DEBTOR_BUSINESS == 0);
    EXPECT(coll_debtor_kind_from_name("state", 5, &debtor), COLL_INVALID_ARGUMENT, "debtor");
    EXPECT_NULL(coll_debtor_kind_from_name(NULL, 0, &debtor), "name");
    EXPECT_NULL(coll_debtor_kind_from_name("business", 8, NULL), "out");
    EXPECT_OK(coll_finance_charge_method_from_name("average_daily_balance", 21, &method));
    EXPECT_TRUE(method == COLL_FINANCE_CHARGE_AVERAGE_DAILY_BALANCE);
    EXPECT(coll_finance_charge_method_from_name("flat", 4, &method), COLL_INVALID_ARGUMENT, "method");
    EXPECT_NULL(coll_finance_charge_method_from_name(NULL, 0, &method), "name");
    EXPECT_NULL(coll_finance_charge_method_from_name("balance-due", 11, NULL), "out");

    /* The worked example of coll_late_interest_new: 60 days at 12.75%, 104.79 and GBP 70. */
    EXPECT_OK(coll_late_interest_new(&claim, &li));
    EXPECT_OK(coll_late_interest_get_summary(li, &summary));
    EXPECT_TRUE(summary.days == 60 && text_is(&summary.interest, "104.79"));
    EXPECT_TRUE(summary.has_fixed_compensation == 1 && text_is(&summary.fixed_compensation.amount, "70.00") &&
                strcmp(summary.fixed_compensation.currency.code, "GBP") == 0);
    EXPECT_TRUE(summary.any_unverified == 1 && summary.statute == COLL_STATUTE_UK_LATE_PAYMENT_1998);
    EXPECT_TRUE(summary.day_count == COLL_DAY_COUNT_ACT_365_FIXED && summary.rounding == COLL_ROUND_HALF_UP);
    EXPECT_OK(coll_late_interest_segment_count(li, &n));
    EXPECT_TRUE(n == 1);
    EXPECT_OK(coll_late_interest_segment_at(li, 0, &seg));
    EXPECT_TRUE(seg.days == 60 && text_is(&seg.rate_percent, "12.75") && seg.year_basis == 365 &&
                seg.reference_unverified == 1 && same_date(seg.reference_from, ymd(2025, 1, 1)));
    POISON(seg_out);
    EXPECT(coll_late_interest_segment_at(li, 1, &seg_out), COLL_INVALID_ARGUMENT, "index");
    UNTOUCHED(seg_out);
    EXPECT_NULL(coll_late_interest_segment_at(NULL, 0, &seg_out), "late_interest");
    EXPECT_NULL(coll_late_interest_segment_at(li, 0, NULL), "out");
    EXPECT_NULL(coll_late_interest_segment_count(NULL, &n), "late_interest");
    EXPECT_NULL(coll_late_interest_segment_count(li, NULL), "out");
    EXPECT_NULL(coll_late_interest_get_summary(NULL, &s_out), "late_interest");
    EXPECT_NULL(coll_late_interest_get_summary(li, NULL), "out");
    coll_late_interest_free(li);
    coll_late_interest_free(NULL);

    /* Bad claims: each names its field and leaves *out alone. */
    EXPECT_NULL(coll_late_interest_new(NULL, &li_out), "claim");
    EXPECT_NULL(coll_late_interest_new(&claim, NULL), "out");
    bad = claim;
    bad.currency = currency("EUR");
    POISON(li_out);
    EXPECT(coll_late_interest_new(&bad, &li_out), COLL_CURRENCY_MISMATCH, "currency");
    UNTOUCHED(li_out);
    bad = claim;
    bad.debtor = COLL_DEBTOR_CONSUMER;
    EXPECT(coll_late_interest_new(&bad, &li_out), COLL_INVALID_ARGUMENT, "debtor");
    bad.debtor = 7;
    EXPECT(coll_late_interest_new(&bad, &li_out), COLL_INVALID_ARGUMENT, "debtor");
    bad = claim;
    bad.statute = 3;
    EXPECT(coll_late_interest_new(&bad, &li_out), COLL_INVALID_ARGUMENT, "statute");
    bad = claim;
    bad.principal = dec("0");
    EXPECT(coll_late_interest_new(&bad, &li_out), COLL_INVALID_ARGUMENT, "principal");
    bad = claim;
    bad.through = ymd(2025, 2, 30);
    EXPECT(coll_late_interest_new(&bad, &li_out), COLL_INVALID_DATE, "through");
    bad = claim;
    bad.through = ymd(2025, 2, 26);
    EXPECT(coll_late_interest_new(&bad, &li_out), COLL_INVALID_ARGUMENT, "to");
    bad = claim;
    bad.has_margin_points = 1;
    bad.margin_points = dec("7");
    EXPECT(coll_late_interest_new(&bad, &li_out), COLL_INVALID_ARGUMENT, "margin_points");
    bad.has_margin_points = 2;
    EXPECT(coll_late_interest_new(&bad, &li_out), COLL_INVALID_ARGUMENT, "has_margin_points");
    bad = claim;
    bad.has_day_count = 1;
    EXPECT_OK(coll_day_count_init(COLL_DAY_COUNT_30E_360, &bad.day_count));
    EXPECT(coll_late_interest_new(&bad, &li_out), COLL_INVALID_ARGUMENT, "day_count");
    bad = claim;
    bad.rounding = 7;
    EXPECT(coll_late_interest_new(&bad, &li_out), COLL_INVALID_ARGUMENT, "rounding");
    bad = claim;
    bad.due_date = ymd(2026, 9, 1);
    bad.through = ymd(2026, 10, 1);
    EXPECT(coll_late_interest_new(&bad, &li_out), COLL_INVALID_ARGUMENT, "due_date");

    /* Tables: an EU claim in 2026 H1 needs the ECB table extended. */
    EXPECT_OK(coll_statutory_tables_new(&tables));
    EXPECT_OK(coll_statutory_claim_init(&bad));
    bad.principal = dec("8000");
    bad.currency = eur;
    bad.due_date = ymd(2025, 12, 31);
    bad.through = ymd(2026, 1, 31);
    bad.tables = tables;
    EXPECT(coll_late_interest_new(&bad, &li_out), COLL_INVALID_ARGUMENT, "from");
    EXPECT(coll_statutory_tables_extend_through(tables, COLL_STATUTE_EU_2011_7, ymd(2025, 1, 1)),
           COLL_INVALID_ARGUMENT, "valid_through");
    EXPECT(coll_statutory_tables_extend_through(tables, 9, ymd(2026, 6, 30)), COLL_INVALID_ARGUMENT, "statute");
    EXPECT(coll_statutory_tables_extend_through(tables, COLL_STATUTE_EU_2011_7, ymd(2026, 2, 30)),
           COLL_INVALID_DATE, "date");
    EXPECT_NULL(coll_statutory_tables_extend_through(NULL, COLL_STATUTE_EU_2011_7, ymd(2026, 6, 30)), "tables");
    EXPECT_OK(coll_statutory_tables_extend_through(tables, COLL_STATUTE_EU_2011_7, ymd(2026, 6, 30)));
    EXPECT_OK(coll_late_interest_new(&bad, &li));
    EXPECT_OK(coll_late_interest_get_summary(li, &summary));
    /* 8000 × 10.15 × 31 / 36500 = 68.96 */
    EXPECT_TRUE(text_is(&summary.interest, "68.96"));
    coll_late_interest_free(li);
    EXPECT(coll_statutory_tables_push(tables, COLL_STATUTE_DE_BGB_288, ymd(2026, 7, 2), &pct, true,
                                      ymd(2026, 12, 31)),
           COLL_INVALID_ARGUMENT, "rows.effective_from");
    pct = dec("100");
    EXPECT(coll_statutory_tables_push(tables, COLL_STATUTE_DE_BGB_288, ymd(2026, 7, 1), &pct, true,
                                      ymd(2026, 12, 31)),
           COLL_INVALID_ARGUMENT, "rows.percent");
    pct = dec("1.27");
    EXPECT(coll_statutory_tables_push(tables, COLL_STATUTE_DE_BGB_288, ymd(2026, 7, 1), &pct, true,
                                      ymd(2026, 6, 30)),
           COLL_INVALID_ARGUMENT, "valid_through");
    EXPECT_NULL(coll_statutory_tables_push(NULL, COLL_STATUTE_DE_BGB_288, ymd(2026, 7, 1), &pct, true,
                                           ymd(2026, 12, 31)),
                "tables");
    EXPECT_NULL(coll_statutory_tables_push(tables, COLL_STATUTE_DE_BGB_288, ymd(2026, 7, 1), NULL, true,
                                           ymd(2026, 12, 31)),
                "percent");
    EXPECT_OK(coll_statutory_tables_push(tables, COLL_STATUTE_DE_BGB_288, ymd(2026, 7, 1), &pct, false,
                                         ymd(2026, 12, 31)));
    EXPECT_NULL(coll_statutory_tables_new(NULL), "out");
    coll_statutory_tables_free(tables);
    coll_statutory_tables_free(NULL);
    (void)t_out;

    /* ERPNext: 2345.67 × 9.5 × 50 / 36500 = 30.53, + 7.50 = 38.03, level 3. */
    EXPECT_OK(coll_erpnext_dunning(&outstanding, &rate, ymd(2025, 10, 1), ymd(2025, 11, 20), &fee, 2,
                                   COLL_ROUND_HALF_UP, &erp));
    EXPECT_TRUE(erp.overdue_days == 50 && erp.level == 3 && text_is(&erp.interest, "30.53") &&
                text_is(&erp.dunning_amount, "38.03"));
    POISON(erp_out);
    rate = dec("-1");
    EXPECT(coll_erpnext_dunning(&outstanding, &rate, ymd(2025, 10, 1), ymd(2025, 11, 20), &fee, 2,
                                COLL_ROUND_HALF_UP, &erp_out),
           COLL_INVALID_ARGUMENT, "annual_rate_percent");
    UNTOUCHED(erp_out);
    rate = dec("9.5");
    EXPECT(coll_erpnext_dunning(&outstanding, &rate, ymd(2025, 10, 1), ymd(2025, 11, 20), &fee, UINT32_MAX,
                                COLL_ROUND_HALF_UP, &erp_out),
           COLL_OVERFLOW, "earlier_dunnings");
    EXPECT(coll_erpnext_dunning(&outstanding, &rate, ymd(2025, 10, 1), ymd(2025, 11, 20), &fee, 2, 9, &erp_out),
           COLL_INVALID_ARGUMENT, "rounding");
    EXPECT_NULL(coll_erpnext_dunning(NULL, &rate, ymd(2025, 10, 1), ymd(2025, 11, 20), &fee, 2,
                                     COLL_ROUND_HALF_UP, &erp_out),
                "outstanding");
    EXPECT_NULL(coll_erpnext_dunning(&outstanding, NULL, ymd(2025, 10, 1), ymd(2025, 11, 20), &fee, 2,
                                     COLL_ROUND_HALF_UP, &erp_out),
                "annual_rate_percent");
    EXPECT_NULL(coll_erpnext_dunning(&outstanding, &rate, ymd(2025, 10, 1), ymd(2025, 11, 20), NULL, 2,
                                     COLL_ROUND_HALF_UP, &erp_out),
                "dunning_fee");
    EXPECT_NULL(coll_erpnext_dunning(&outstanding, &rate, ymd(2025, 10, 1), ymd(2025, 11, 20), &fee, 2,
                                     COLL_ROUND_HALF_UP, NULL),
                "out");

    /* Business Central balance due: 1234.56 × 1.5% = 18.52, + 2.50 after 10 grace days. */
    EXPECT_OK(coll_finance_charge_terms_init(&terms));
    EXPECT_TRUE(terms.method == COLL_FINANCE_CHARGE_BALANCE_DUE && terms.interest_period_days == 30);
    terms.interest_rate_percent = dec("1.5");
    terms.grace_days = 10;
    terms.additional_fee = dec("2.50");
    EXPECT_OK(coll_finance_charge(&terms, &remaining, ymd(2026, 1, 1), ymd(2026, 1, 11), COLL_ROUND_HALF_UP,
                                  &charge));
    EXPECT_TRUE(charge.charged == 0 && text_is(&charge.total, "0.00"));
    EXPECT_OK(coll_finance_charge(&terms, &remaining, ymd(2026, 1, 1), ymd(2026, 1, 12), COLL_ROUND_HALF_UP,
                                  &charge));
    EXPECT_TRUE(charge.charged == 1 && text_is(&charge.interest, "18.52") && text_is(&charge.total, "21.02"));
    POISON(charge_out);
    terms.method = COLL_FINANCE_CHARGE_AVERAGE_DAILY_BALANCE;
    terms.interest_period_days = 0;
    EXPECT(coll_finance_charge(&terms, &remaining, ymd(2026, 1, 1), ymd(2026, 1, 12), COLL_ROUND_HALF_UP,
                               &charge_out),
           COLL_INVALID_ARGUMENT, "interest_period_days");
    terms.method = 2;
    EXPECT(coll_finance_charge(&terms, &remaining, ymd(2026, 1, 1), ymd(2026, 1, 12), COLL_ROUND_HALF_UP,
                               &charge_out),
           COLL_INVALID_ARGUMENT, "method");
    UNTOUCHED(charge_out);
    EXPECT_NULL(coll_finance_charge(NULL, &remaining, ymd(2026, 1, 1), ymd(2026, 1, 12), COLL_ROUND_HALF_UP,
                                    &charge_out),
                "terms");
    EXPECT_NULL(coll_finance_charge(&terms, NULL, ymd(2026, 1, 1), ymd(2026, 1, 12), COLL_ROUND_HALF_UP,
                                    &charge_out),
                "remaining");
    EXPECT_NULL(coll_finance_charge(&terms, &remaining, ymd(2026, 1, 1), ymd(2026, 1, 12), COLL_ROUND_HALF_UP,
                                    NULL),
                "out");
    EXPECT_NULL(coll_finance_charge_terms_init(NULL), "out");

    /* Average daily balance: (1000 × 40 + 250.50 × 12) / 30 × 2% = 28.67. */
    items[0].amount = dec("1000.00");
    items[0].days = 40;
    items[1].amount = dec("250.50");
    items[1].days = 12;
    rate = dec("2");
    EXPECT_OK(coll_average_daily_balance_interest(items, 2, &rate, 30, &eur, COLL_ROUND_HALF_UP, &d_out));
    EXPECT_TRUE(text_is(&d_out, "28.67"));
    EXPECT_OK(coll_average_daily_balance_interest(NULL, 0, &rate, 30, &eur, COLL_ROUND_HALF_UP, &d_out));
    EXPECT_TRUE(text_is(&d_out, "0.00"));
    items[1].days = -1;
    POISON(d_out);
    EXPECT(coll_average_daily_balance_interest(items, 2, &rate, 30, &eur, COLL_ROUND_HALF_UP, &d_out),
           COLL_INVALID_ARGUMENT, "days");
    EXPECT(coll_average_daily_balance_interest(items, 1, &rate, 0, &eur, COLL_ROUND_HALF_UP, &d_out),
           COLL_INVALID_ARGUMENT, "interest_period_days");
    EXPECT(coll_average_daily_balance_interest(items, 1, &rate, 30, &eur, 8, &d_out), COLL_INVALID_ARGUMENT,
           "mode");
    UNTOUCHED(d_out);
    EXPECT_NULL(coll_average_daily_balance_interest(NULL, 1, &rate, 30, &eur, COLL_ROUND_HALF_UP, &d_out),
                "items");
    EXPECT_NULL(coll_average_daily_balance_interest(items, 1, NULL, 30, &eur, COLL_ROUND_HALF_UP, &d_out),
                "rate_percent");
    EXPECT_NULL(coll_average_daily_balance_interest(items, 1, &rate, 30, NULL, COLL_ROUND_HALF_UP, &d_out),
                "currency");
    EXPECT_NULL(coll_average_daily_balance_interest(items, 1, &rate, 30, &eur, COLL_ROUND_HALF_UP, NULL), "out");
    EXPECT_NULL(coll_statutory_claim_init(NULL), "out");
}

/* ---------------------------------------------------------------- dunning runs */

static coll_dunning_invoice dunning_invoice(const char *id, const char *customer, const char *amount,
                                            coll_date due) {
    coll_dunning_invoice inv;
    EXPECT_OK(coll_dunning_invoice_init(&inv));
    inv.id = id;
    inv.id_len = strlen(id);
    inv.customer_id = customer;
    inv.customer_id_len = strlen(customer);
    inv.currency = currency("EUR");
    inv.amount = dec(amount);
    inv.due_date = due;
    return inv;
}

static void expect_run_fails(int line, const char *what, const coll_dunning_invoice *invoices, size_t n,
                             const coll_dunning_policy *policy, coll_status status, const char *field) {
    coll_dunning_run *run;
    poison(&run, sizeof run);
    expect_status(line, what, coll_dunning_run_new(invoices, n, policy, ymd(2026, 3, 1), &run), status, field);
    expect_untouched(line, "run", &run, sizeof run);
}

#define RUN_FAILS(invoices, n, policy, status, field)                                                    \
    expect_run_fails(__LINE__, "coll_dunning_run_new", invoices, n, policy, status, field)

static void test_dunning(void) {
    coll_dunning_level levels[2], bad_levels[2];
    coll_dunning_policy policy, bad;
    coll_dunning_invoice invoices[3], bad_inv[2];
    coll_dunning_payment pay;
    coll_dunning_run *run = NULL, *run_out;
    coll_dunning_line line, line_out;
    coll_dunning_customer customer, customer_out;
    coll_dunning_totals totals, totals_out;
    coll_dunning_interest_method method;
    const char *name = NULL;
    size_t n = 99;

    EXPECT_OK(coll_dunning_level_init(7, &levels[0]));
    EXPECT_TRUE(levels[0].days_overdue == 7 && levels[0].interest_method == COLL_DUNNING_INTEREST_NONE &&
                levels[0].action == NULL);
    levels[0].action = "reminder";
    levels[0].action_len = 8;
    EXPECT_OK(coll_dunning_level_init(21, &levels[1]));
    levels[1].fee = dec("5.00");
    levels[1].interest_method = COLL_DUNNING_INTEREST_ERPNEXT;
    levels[1].rate_percent = dec("10");
    levels[1].action = "final notice";
    levels[1].action_len = 12;
    EXPECT_OK(coll_dunning_policy_init(&policy));
    EXPECT_TRUE(policy.one_level_at_a_time == 1 && policy.rounding == COLL_ROUND_HALF_UP && policy.tables == NULL);
    policy.currency = currency("EUR");
    policy.levels = levels;
    policy.n_levels = 2;

    invoices[0] = dunning_invoice("A-2", "ACME", "730", ymd(2026, 1, 10));
    invoices[0].dunning_level = 1;
    invoices[1] = dunning_invoice("A-1", "ACME", "100", ymd(2026, 2, 25));
    invoices[2] = dunning_invoice("B-1", "Beta", "50", ymd(2026, 2, 1));
    memset(&pay, 0, sizeof pay);
    pay.date = ymd(2026, 2, 5);
    pay.amount = dec("50");
    invoices[2].payments = &pay;
    invoices[2].n_payments = 1;

    EXPECT_OK(coll_dunning_run_new(invoices, 3, &policy, ymd(2026, 3, 1), &run));
    EXPECT_OK(coll_dunning_run_line_count(run, &n));
    EXPECT_TRUE(n == 3);
    /* A-2 first (ACME, earlier due date): 50 days, level 2, 730 × 10 × 50 / 36500 = 10.00 + 5.00. */
    EXPECT_OK(coll_dunning_run_line_at(run, 0, &line));
    EXPECT_TRUE(line.invoice_index == 0 && line.invoice_id_len == 3 && strcmp(line.invoice_id, "A-2") == 0);
    EXPECT_TRUE(line.level == 2 && line.outcome == COLL_DUNNING_OUTCOME_NOTICE && line.days_overdue == 50);
    EXPECT_TRUE(line.action_len == 12 && strcmp(line.action, "final notice") == 0);
    EXPECT_TRUE(text_is(&line.interest, "10.00") && text_is(&line.total, "15.00") && line.unverified_rate == 0);
    EXPECT_OK(coll_dunning_run_line_at(run, 1, &line));
    EXPECT_TRUE(line.outcome == COLL_DUNNING_OUTCOME_NO_LEVEL_REACHED && line.level == 0 && line.action == NULL &&
                line.action_len == 0);
    EXPECT_OK(coll_dunning_run_line_at(run, 2, &line));
    EXPECT_TRUE(line.outcome == COLL_DUNNING_OUTCOME_PAID && text_is(&line.outstanding, "0"));
    POISON(line_out);
    EXPECT(coll_dunning_run_line_at(run, 3, &line_out), COLL_INVALID_ARGUMENT, "index");
    UNTOUCHED(line_out);
    EXPECT_OK(coll_dunning_run_customer_count(run, &n));
    EXPECT_TRUE(n == 2);
    EXPECT_OK(coll_dunning_run_customer_at(run, 1, &customer));
    EXPECT_TRUE(customer.customer_id_len == 4 && strcmp(customer.customer_id, "Beta") == 0 &&
                customer.first_line == 2 && customer.n_lines == 1 && customer.totals.invoices == 1);
    POISON(customer_out);
    EXPECT(coll_dunning_run_customer_at(run, 2, &customer_out), COLL_INVALID_ARGUMENT, "index");
    UNTOUCHED(customer_out);
    EXPECT_OK(coll_dunning_run_get_totals(run, &totals));
    EXPECT_TRUE(totals.invoices == 3 && totals.notices == 1 && text_is(&totals.total, "15.00"));
    EXPECT_NULL(coll_dunning_run_line_count(NULL, &n), "run");
    EXPECT_NULL(coll_dunning_run_line_count(run, NULL), "out");
    EXPECT_NULL(coll_dunning_run_line_at(NULL, 0, &line_out), "run");
    EXPECT_NULL(coll_dunning_run_line_at(run, 0, NULL), "out");
    EXPECT_NULL(coll_dunning_run_customer_count(NULL, &n), "run");
    EXPECT_NULL(coll_dunning_run_customer_count(run, NULL), "out");
    EXPECT_NULL(coll_dunning_run_customer_at(NULL, 0, &customer_out), "run");
    EXPECT_NULL(coll_dunning_run_customer_at(run, 0, NULL), "out");
    EXPECT_NULL(coll_dunning_run_get_totals(NULL, &totals_out), "run");
    EXPECT_NULL(coll_dunning_run_get_totals(run, NULL), "out");
    coll_dunning_run_free(run);
    coll_dunning_run_free(NULL);

    /* An empty run. */
    EXPECT_OK(coll_dunning_run_new(NULL, 0, &policy, ymd(2026, 3, 1), &run));
    EXPECT_OK(coll_dunning_run_line_count(run, &n));
    EXPECT_TRUE(n == 0);
    EXPECT(coll_dunning_run_line_at(run, 0, &line_out), COLL_INVALID_ARGUMENT, "index");
    coll_dunning_run_free(run);

    /* Bad input. */
    EXPECT_NULL(coll_dunning_run_new(NULL, 1, &policy, ymd(2026, 3, 1), &run_out), "invoices");
    EXPECT_NULL(coll_dunning_run_new(invoices, 3, NULL, ymd(2026, 3, 1), &run_out), "policy");
    EXPECT_NULL(coll_dunning_run_new(invoices, 3, &policy, ymd(2026, 3, 1), NULL), "out");
    EXPECT(coll_dunning_run_new(invoices, 3, &policy, ymd(2026, 2, 30), &run_out), COLL_INVALID_DATE, "as_of");
    bad_inv[0] = invoices[0];
    bad_inv[1] = invoices[1];
    bad_inv[1].id = "A-2";
    bad_inv[1].id_len = 3;
    RUN_FAILS(bad_inv, 2, &policy, COLL_INVALID_ARGUMENT, "id");
    bad_inv[1] = invoices[1];
    bad_inv[1].amount = dec("-1");
    RUN_FAILS(bad_inv, 2, &policy, COLL_INVALID_ARGUMENT, "amount");
    EXPECT_TRUE(strstr(coll_last_error_message(), "invoice \"A-1\"") != NULL);
    bad_inv[1] = invoices[1];
    bad_inv[1].currency = currency("USD");
    RUN_FAILS(bad_inv, 2, &policy, COLL_CURRENCY_MISMATCH, "currency");
    bad_inv[1] = invoices[1];
    bad_inv[1].id = BAD_UTF8;
    bad_inv[1].id_len = 2;
    RUN_FAILS(bad_inv, 2, &policy, COLL_INVALID_UTF8, "id");
    bad_inv[1] = invoices[1];
    bad_inv[1].customer_id = NULL;
    RUN_FAILS(bad_inv, 2, &policy, COLL_NULL_ARGUMENT, "customer_id");
    bad_inv[1] = invoices[1];
    bad_inv[1].blocked = 2;
    RUN_FAILS(bad_inv, 2, &policy, COLL_INVALID_ARGUMENT, "blocked");
    bad_inv[1] = invoices[2];
    bad_inv[1].payments = NULL;
    RUN_FAILS(bad_inv, 2, &policy, COLL_NULL_ARGUMENT, "payments");
    pay.amount = dec("0");
    RUN_FAILS(invoices, 3, &policy, COLL_INVALID_ARGUMENT, "payments.amount");
    pay.amount = dec("50");
    pay.currency = currency("GBP");
    RUN_FAILS(invoices, 3, &policy, COLL_CURRENCY_MISMATCH, "payments.currency");
    memset(&pay.currency, 0, sizeof pay.currency);
    pay.date = ymd(2026, 2, 29);
    RUN_FAILS(invoices, 3, &policy, COLL_INVALID_DATE, "payments.date");
    pay.date = ymd(2026, 2, 5);

    bad = policy;
    bad.n_levels = 0;
    RUN_FAILS(invoices, 3, &bad, COLL_INVALID_ARGUMENT, "levels");
    bad.levels = NULL;
    bad.n_levels = 1;
    RUN_FAILS(invoices, 3, &bad, COLL_NULL_ARGUMENT, "levels");
    bad = policy;
    bad.one_level_at_a_time = 3;
    RUN_FAILS(invoices, 3, &bad, COLL_INVALID_ARGUMENT, "one_level_at_a_time");
    bad = policy;
    bad.rounding = 10;
    RUN_FAILS(invoices, 3, &bad, COLL_INVALID_ARGUMENT, "rounding");
    bad.levels = bad_levels;
    bad.rounding = COLL_ROUND_HALF_UP;
    bad_levels[0] = levels[0];
    bad_levels[1] = levels[1];
    bad_levels[1].days_overdue = 7;
    RUN_FAILS(invoices, 3, &bad, COLL_INVALID_ARGUMENT, "levels.days_overdue");
    bad_levels[1] = levels[1];
    bad_levels[1].fee = dec("5.001");
    RUN_FAILS(invoices, 3, &bad, COLL_INVALID_ARGUMENT, "levels.fee");
    bad_levels[1] = levels[1];
    bad_levels[1].interest_period_days = 30;
    RUN_FAILS(invoices, 3, &bad, COLL_INVALID_ARGUMENT, "interest_period_days");
    bad_levels[1] = levels[1];
    bad_levels[1].statute = COLL_STATUTE_DE_BGB_288;
    RUN_FAILS(invoices, 3, &bad, COLL_INVALID_ARGUMENT, "statute");
    bad_levels[1] = levels[1];
    bad_levels[1].interest_method = COLL_DUNNING_INTEREST_STATUTORY;
    RUN_FAILS(invoices, 3, &bad, COLL_INVALID_ARGUMENT, "rate_percent");
    bad_levels[1].rate_percent = dec("0");
    bad_levels[1].statute = COLL_STATUTE_UK_LATE_PAYMENT_1998;
    RUN_FAILS(invoices, 3, &bad, COLL_CURRENCY_MISMATCH, "currency");
    bad_levels[1].statute = 5;
    RUN_FAILS(invoices, 3, &bad, COLL_INVALID_ARGUMENT, "statute");
    bad_levels[1] = levels[1];
    bad_levels[1].interest_method = COLL_DUNNING_INTEREST_AVERAGE_DAILY_BALANCE;
    RUN_FAILS(invoices, 3, &bad, COLL_INVALID_ARGUMENT, "interest_period_days");
    bad_levels[1].interest_method = 5;
    RUN_FAILS(invoices, 3, &bad, COLL_INVALID_ARGUMENT, "interest_method");
    bad_levels[1] = levels[1];
    bad_levels[1].rate_percent = dec("-1");
    RUN_FAILS(invoices, 3, &bad, COLL_INVALID_ARGUMENT, "rate_percent");
    bad_levels[1] = levels[1];
    bad_levels[0].rate_percent = dec("3");
    RUN_FAILS(invoices, 3, &bad, COLL_INVALID_ARGUMENT, "rate_percent");
    bad_levels[0] = levels[0];
    bad_levels[0].debtor = COLL_DEBTOR_CONSUMER;
    RUN_FAILS(invoices, 3, &bad, COLL_INVALID_ARGUMENT, "debtor");
    bad_levels[0] = levels[0];
    bad_levels[0].action = BAD_UTF8;
    bad_levels[0].action_len = 2;
    RUN_FAILS(invoices, 3, &bad, COLL_INVALID_UTF8, "levels.action");
    bad_levels[0].action = NULL;
    RUN_FAILS(invoices, 3, &bad, COLL_NULL_ARGUMENT, "levels.action");

    /* Statutory interest past the tables' last date names as_of and the invoice. */
    bad_levels[0] = levels[0];
    bad_levels[1] = levels[1];
    bad_levels[1].interest_method = COLL_DUNNING_INTEREST_STATUTORY;
    bad_levels[1].rate_percent = dec("0");
    bad_levels[1].statute = COLL_STATUTE_DE_BGB_288;
    EXPECT(coll_dunning_run_new(invoices, 1, &bad, ymd(2026, 7, 15), &run_out), COLL_INVALID_ARGUMENT, "as_of");
    EXPECT_TRUE(strstr(coll_last_error_message(), "invoice \"A-2\"") != NULL);

    /* Names. */
    EXPECT_OK(coll_dunning_interest_method_from_name("Average Daily Balance", 21, &method));
    EXPECT_TRUE(method == COLL_DUNNING_INTEREST_AVERAGE_DAILY_BALANCE);
    EXPECT_OK(coll_dunning_interest_method_from_name("none", 4, &method));
    EXPECT_TRUE(method == COLL_DUNNING_INTEREST_NONE);
    POISON(method);
    EXPECT(coll_dunning_interest_method_from_name("compound", 8, &method), COLL_INVALID_ARGUMENT,
           "interest_method");
    UNTOUCHED(method);
    EXPECT_NULL(coll_dunning_interest_method_from_name(NULL, 0, &method), "name");
    EXPECT_NULL(coll_dunning_interest_method_from_name("erpnext", 7, NULL), "out");
    EXPECT_OK(coll_dunning_outcome_name(COLL_DUNNING_OUTCOME_ALREADY_NOTIFIED, &name));
    EXPECT_TRUE(name != NULL && strcmp(name, "already_notified") == 0);
    EXPECT(coll_dunning_outcome_name(6, &name), COLL_INVALID_ARGUMENT, "outcome");
    EXPECT_NULL(coll_dunning_outcome_name(COLL_DUNNING_OUTCOME_NOTICE, NULL), "out");
    EXPECT_NULL(coll_dunning_invoice_init(NULL), "out");
    EXPECT_NULL(coll_dunning_level_init(1, NULL), "out");
    EXPECT_NULL(coll_dunning_policy_init(NULL), "out");
}

/* ---------------------------------------------------------------- aging */

static void test_aging(void) {
    coll_obligation obligations[3];
    coll_date_range frozen[2];
    coll_aging_account account, bad, accounts[2];
    coll_aging_rules rules, bad_rules;
    coll_aging_result aging, aging_out;
    coll_charge_off_policy policy, bad_policy;
    coll_charge_off_result co, co_out;
    coll_limitation lim, bad_lim;
    coll_time_bar_result tb, tb_out;
    coll_account_age ages[2], ages_out[2];
    coll_bucket_totals totals[8], totals_out[8];
    coll_decimal by_bucket[8];
    uint32_t bounds[3] = {29, 59, 89}, bad_bounds[2] = {30, 30};
    char label[16];
    size_t n = 99;
    uint32_t constant;

    /* 100 due on the 1st of January to March 2026, January paid; aged on 2026-03-15. */
    obligations[0].due_date = ymd(2026, 1, 1);
    obligations[0].amount_due = dec("100");
    obligations[0].amount_paid = dec("100");
    obligations[1].due_date = ymd(2026, 2, 1);
    obligations[1].amount_due = dec("100");
    obligations[1].amount_paid = dec("0");
    obligations[2].due_date = ymd(2026, 3, 1);
    obligations[2].amount_due = dec("100");
    obligations[2].amount_paid = dec("0");
    account.obligations = obligations;
    account.n_obligations = 3;
    account.frozen = NULL;
    account.n_frozen = 0;
    EXPECT_OK(coll_aging_rules_init(&rules));
    EXPECT_TRUE(rules.method == COLL_SHORTFALL_PER_INSTALLMENT && rules.tolerance_kind == COLL_TOLERANCE_NONE &&
                rules.bucket_upper_bounds == NULL && rules.n_bucket_upper_bounds == 0);
    EXPECT_OK(coll_age_account(&account, ymd(2026, 3, 15), &rules, &aging));
    EXPECT_TRUE(aging.days_past_due == 42 && aging.bucket == 2 && aging.has_counting_from == 1 &&
                same_date(aging.counting_from, ymd(2026, 2, 1)));
    EXPECT_TRUE(text_is(&aging.past_due_amount, "200") && text_is(&aging.outstanding, "200") &&
                text_is(&aging.tolerated_shortfall, "0"));
    EXPECT(coll_age_account_by_bucket(&account, ymd(2026, 3, 15), &rules, NULL, 0, &n), COLL_BUFFER_TOO_SMALL,
           "out");
    EXPECT_TRUE(n == 8);
    EXPECT_OK(coll_age_account_by_bucket(&account, ymd(2026, 3, 15), &rules, by_bucket, 8, &n));
    EXPECT_TRUE(n == 8 && text_is(&by_bucket[1], "100") && text_is(&by_bucket[2], "100"));
    EXPECT_NULL(coll_age_account_by_bucket(NULL, ymd(2026, 3, 15), &rules, by_bucket, 8, &n), "account");
    EXPECT_NULL(coll_age_account_by_bucket(&account, ymd(2026, 3, 15), NULL, by_bucket, 8, &n), "rules");
    EXPECT_NULL(coll_age_account_by_bucket(&account, ymd(2026, 3, 15), &rules, NULL, 8, &n), "out");
    EXPECT_NULL(coll_age_account_by_bucket(&account, ymd(2026, 3, 15), &rules, by_bucket, 8, NULL), "out_len");
    EXPECT_OK(coll_aging_bucket_count(&rules, &n));
    EXPECT_TRUE(n == 8);
    EXPECT_OK(coll_aging_bucket_label(&rules, 2, label, sizeof label, &n));
    EXPECT_TRUE(strcmp(label, "31-60") == 0 && n == 5);
    EXPECT(coll_aging_bucket_label(&rules, 7, NULL, 0, &n), COLL_BUFFER_TOO_SMALL, "buf");
    EXPECT_TRUE(n == 5); /* "181+" and its NUL */
    EXPECT(coll_aging_bucket_label(&rules, 8, label, sizeof label, &n), COLL_INVALID_ARGUMENT, "index");
    EXPECT_NULL(coll_aging_bucket_label(NULL, 0, label, sizeof label, &n), "rules");
    EXPECT_NULL(coll_aging_bucket_label(&rules, 0, label, sizeof label, NULL), "out_len");
    EXPECT_NULL(coll_aging_bucket_count(NULL, &n), "rules");
    EXPECT_NULL(coll_aging_bucket_count(&rules, NULL), "out");

    /* Custom buckets and an FFIEC tolerance: 90.00 of 100 counts as paid. */
    bad_rules = rules;
    bad_rules.bucket_upper_bounds = bounds;
    bad_rules.n_bucket_upper_bounds = 3;
    EXPECT_OK(coll_aging_bucket_label(&bad_rules, 3, label, sizeof label, &n));
    EXPECT_TRUE(strcmp(label, "90+") == 0);
    bad_rules.bucket_upper_bounds = bad_bounds;
    bad_rules.n_bucket_upper_bounds = 2;
    POISON(aging_out);
    EXPECT(coll_age_account(&account, ymd(2026, 3, 15), &bad_rules, &aging_out), COLL_INVALID_ARGUMENT, "buckets");
    UNTOUCHED(aging_out);
    bad_rules.bucket_upper_bounds = NULL;
    EXPECT(coll_age_account(&account, ymd(2026, 3, 15), &bad_rules, &aging_out), COLL_NULL_ARGUMENT,
           "bucket_upper_bounds");
    bad_rules = rules;
    bad_rules.tolerance_kind = COLL_TOLERANCE_PERCENT;
    bad_rules.tolerance = dec("101");
    EXPECT(coll_age_account(&account, ymd(2026, 3, 15), &bad_rules, &aging_out), COLL_INVALID_ARGUMENT, "tolerance");
    bad_rules.tolerance_kind = COLL_TOLERANCE_NONE;
    bad_rules.tolerance = dec("1");
    EXPECT(coll_age_account(&account, ymd(2026, 3, 15), &bad_rules, &aging_out), COLL_INVALID_ARGUMENT, "tolerance");
    bad_rules.tolerance_kind = 3;
    EXPECT(coll_age_account(&account, ymd(2026, 3, 15), &bad_rules, &aging_out), COLL_INVALID_ARGUMENT,
           "tolerance_kind");
    bad_rules = rules;
    bad_rules.method = 2;
    EXPECT(coll_age_account(&account, ymd(2026, 3, 15), &bad_rules, &aging_out), COLL_INVALID_ARGUMENT, "method");
    bad_rules = rules;
    bad_rules.tolerance_kind = COLL_TOLERANCE_PERCENT;
    bad_rules.tolerance = dec("10");
    obligations[1].amount_paid = dec("90");
    obligations[2].amount_paid = dec("90");
    EXPECT_OK(coll_age_account(&account, ymd(2026, 3, 15), &bad_rules, &aging));
    EXPECT_TRUE(aging.days_past_due == 0 && aging.has_counting_from == 0 && text_is(&aging.tolerated_shortfall, "20"));
    obligations[1].amount_paid = dec("0");
    obligations[2].amount_paid = dec("0");

    /* Bad accounts. */
    bad = account;
    bad.obligations = NULL;
    EXPECT(coll_age_account(&bad, ymd(2026, 3, 15), &rules, &aging_out), COLL_NULL_ARGUMENT, "obligations");
    obligations[2].due_date = ymd(2026, 1, 15);
    EXPECT(coll_age_account(&account, ymd(2026, 3, 15), &rules, &aging_out), COLL_INVALID_ARGUMENT, "obligations");
    obligations[2].due_date = ymd(2026, 3, 1);
    obligations[2].amount_paid = dec("-1");
    EXPECT(coll_age_account(&account, ymd(2026, 3, 15), &rules, &aging_out), COLL_INVALID_ARGUMENT, "amount_paid");
    obligations[2].amount_paid = dec("0");
    frozen[0].start = ymd(2026, 2, 10);
    frozen[0].end = ymd(2026, 2, 19);
    frozen[1].start = ymd(2026, 2, 15);
    frozen[1].end = ymd(2026, 2, 20);
    bad = account;
    bad.frozen = frozen;
    bad.n_frozen = 2;
    EXPECT(coll_age_account(&bad, ymd(2026, 3, 15), &rules, &aging_out), COLL_INVALID_ARGUMENT, "frozen_periods");
    bad.n_frozen = 1;
    EXPECT_OK(coll_age_account(&bad, ymd(2026, 3, 15), &rules, &aging));
    EXPECT_TRUE(aging.days_past_due == 32); /* 42 - 10 frozen days */
    EXPECT(coll_age_account(&account, ymd(2026, 2, 30), &rules, &aging_out), COLL_INVALID_DATE, "as_of");
    UNTOUCHED(aging_out);
    EXPECT_NULL(coll_age_account(NULL, ymd(2026, 3, 15), &rules, &aging_out), "account");
    EXPECT_NULL(coll_age_account(&account, ymd(2026, 3, 15), NULL, &aging_out), "rules");
    EXPECT_NULL(coll_age_account(&account, ymd(2026, 3, 15), &rules, NULL), "out");
    EXPECT_NULL(coll_aging_rules_init(NULL), "out");

    /* Charge-off: February 1 + 120 days = June 1. */
    EXPECT_OK(coll_charge_off_policy_init(&policy));
    EXPECT_TRUE(policy.closed_end_days == 120 && policy.open_end_days == 180);
    EXPECT_OK(coll_charge_off(&account, ymd(2026, 3, 15), &rules, COLL_CREDIT_CLOSED_END, &policy, &co));
    EXPECT_TRUE(co.threshold_days == 120 && co.days_past_due == 42 && co.eligible == 0 && co.has_eligible_on == 1 &&
                same_date(co.eligible_on, ymd(2026, 6, 1)));
    POISON(co_out);
    EXPECT(coll_charge_off(&account, ymd(2026, 3, 15), &rules, 2, &policy, &co_out), COLL_INVALID_ARGUMENT,
           "credit_type");
    bad_policy = policy;
    bad_policy.open_end_days = 0;
    EXPECT(coll_charge_off(&account, ymd(2026, 3, 15), &rules, COLL_CREDIT_OPEN_END, &bad_policy, &co_out),
           COLL_INVALID_ARGUMENT, "open_end_days");
    UNTOUCHED(co_out);
    EXPECT_NULL(coll_charge_off(NULL, ymd(2026, 3, 15), &rules, COLL_CREDIT_OPEN_END, &policy, &co_out), "account");
    EXPECT_NULL(coll_charge_off(&account, ymd(2026, 3, 15), NULL, COLL_CREDIT_OPEN_END, &policy, &co_out), "rules");
    EXPECT_NULL(coll_charge_off(&account, ymd(2026, 3, 15), &rules, COLL_CREDIT_OPEN_END, NULL, &co_out), "policy");
    EXPECT_NULL(coll_charge_off(&account, ymd(2026, 3, 15), &rules, COLL_CREDIT_OPEN_END, &policy, NULL), "out");
    EXPECT_NULL(coll_charge_off_policy_init(NULL), "out");

    /* Time bar: six years from 2026-02-01, barred from 2032-02-02. */
    EXPECT_OK(coll_limitation_init(&lim));
    EXPECT_TRUE(lim.start == COLL_LIMITATION_FROM_DUE_DATE && lim.unit == COLL_LIMITATION_UNIT_YEARS && lim.length == 6);
    EXPECT_OK(coll_time_bar(&account, ymd(2026, 3, 15), &rules, &lim, &tb));
    EXPECT_TRUE(tb.has_start == 1 && same_date(tb.start, ymd(2026, 2, 1)) && tb.has_barred_on == 1 &&
                same_date(tb.barred_on, ymd(2032, 2, 2)) && tb.time_barred == 0);
    POISON(tb_out);
    bad_lim = lim;
    bad_lim.length = 0;
    EXPECT(coll_time_bar(&account, ymd(2026, 3, 15), &rules, &bad_lim, &tb_out), COLL_INVALID_ARGUMENT,
           "limitation_period");
    bad_lim = lim;
    bad_lim.has_last_payment = 1;
    bad_lim.last_payment = ymd(2026, 4, 1);
    EXPECT(coll_time_bar(&account, ymd(2026, 3, 15), &rules, &bad_lim, &tb_out), COLL_INVALID_ARGUMENT,
           "last_payment");
    bad_lim.has_last_payment = 2;
    EXPECT(coll_time_bar(&account, ymd(2026, 3, 15), &rules, &bad_lim, &tb_out), COLL_INVALID_ARGUMENT,
           "has_last_payment");
    bad_lim = lim;
    bad_lim.unit = 3;
    EXPECT(coll_time_bar(&account, ymd(2026, 3, 15), &rules, &bad_lim, &tb_out), COLL_INVALID_ARGUMENT, "unit");
    bad_lim = lim;
    bad_lim.start = 2;
    EXPECT(coll_time_bar(&account, ymd(2026, 3, 15), &rules, &bad_lim, &tb_out), COLL_INVALID_ARGUMENT, "start");
    UNTOUCHED(tb_out);
    EXPECT_NULL(coll_time_bar(NULL, ymd(2026, 3, 15), &rules, &lim, &tb_out), "account");
    EXPECT_NULL(coll_time_bar(&account, ymd(2026, 3, 15), NULL, &lim, &tb_out), "rules");
    EXPECT_NULL(coll_time_bar(&account, ymd(2026, 3, 15), &rules, NULL, &tb_out), "limitation");
    EXPECT_NULL(coll_time_bar(&account, ymd(2026, 3, 15), &rules, &lim, NULL), "out");
    EXPECT_NULL(coll_limitation_init(NULL), "out");

    /* A portfolio of two: the account above and one with nothing due. */
    accounts[0] = account;
    accounts[1].obligations = NULL;
    accounts[1].n_obligations = 0;
    accounts[1].frozen = NULL;
    accounts[1].n_frozen = 0;
    EXPECT_OK(coll_age_portfolio(accounts, 2, ymd(2026, 3, 15), &rules, ages, 2, totals, 8));
    EXPECT_TRUE(ages[0].days_past_due == 42 && ages[0].bucket == 2 && ages[1].bucket == 0);
    EXPECT_TRUE(totals[0].accounts == 1 && totals[2].accounts == 1 && text_is(&totals[2].past_due, "200"));
    POISON(ages_out);
    POISON(totals_out);
    EXPECT(coll_age_portfolio(accounts, 2, ymd(2026, 3, 15), &rules, ages_out, 1, totals_out, 8),
           COLL_BUFFER_TOO_SMALL, "out_ages");
    EXPECT(coll_age_portfolio(accounts, 2, ymd(2026, 3, 15), &rules, ages_out, 2, totals_out, 7),
           COLL_BUFFER_TOO_SMALL, "out_totals");
    obligations[1].amount_due = dec("-5");
    EXPECT(coll_age_portfolio(accounts, 2, ymd(2026, 3, 15), &rules, ages_out, 2, totals_out, 8),
           COLL_INVALID_ARGUMENT, "amount_due");
    EXPECT_TRUE(strstr(coll_last_error_message(), "account #0") != NULL);
    obligations[1].amount_due = dec("100");
    UNTOUCHED(ages_out);
    UNTOUCHED(totals_out);
    EXPECT_NULL(coll_age_portfolio(NULL, 2, ymd(2026, 3, 15), &rules, ages_out, 2, totals_out, 8), "accounts");
    EXPECT_NULL(coll_age_portfolio(accounts, 2, ymd(2026, 3, 15), NULL, ages_out, 2, totals_out, 8), "rules");
    EXPECT_NULL(coll_age_portfolio(accounts, 2, ymd(2026, 3, 15), &rules, NULL, 2, totals_out, 8), "out_ages");
    EXPECT_NULL(coll_age_portfolio(accounts, 2, ymd(2026, 3, 15), &rules, ages_out, 2, NULL, 8), "out_totals");

    /* Names. */
    EXPECT_OK(coll_shortfall_method_from_name("Cumulative", 10, &constant));
    EXPECT_TRUE(constant == COLL_SHORTFALL_CUMULATIVE);
    EXPECT(coll_shortfall_method_from_name("both", 4, &constant), COLL_INVALID_ARGUMENT, "shortfall_method");
    EXPECT_NULL(coll_shortfall_method_from_name(NULL, 0, &constant), "name");
    EXPECT_NULL(coll_shortfall_method_from_name("cumulative", 10, NULL), "out");
    EXPECT_OK(coll_tolerance_kind_from_name("PERCENT", 7, &constant));
    EXPECT_TRUE(constant == COLL_TOLERANCE_PERCENT);
    EXPECT(coll_tolerance_kind_from_name("ratio", 5, &constant), COLL_INVALID_ARGUMENT, "tolerance");
    EXPECT_NULL(coll_tolerance_kind_from_name(NULL, 0, &constant), "name");
    EXPECT_NULL(coll_tolerance_kind_from_name("none", 4, NULL), "out");
    EXPECT_OK(coll_credit_type_from_name("open_end", 8, &constant));
    EXPECT_TRUE(constant == COLL_CREDIT_OPEN_END);
    EXPECT(coll_credit_type_from_name("mortgage", 8, &constant), COLL_INVALID_ARGUMENT, "credit_type");
    EXPECT_NULL(coll_credit_type_from_name(NULL, 0, &constant), "name");
    EXPECT_NULL(coll_credit_type_from_name("open-end", 8, NULL), "out");
    EXPECT_OK(coll_limitation_start_from_name("last payment or acknowledgment", 30, &constant));
    EXPECT_TRUE(constant == COLL_LIMITATION_FROM_LAST_PAYMENT_OR_ACKNOWLEDGMENT);
    EXPECT(coll_limitation_start_from_name("judgment", 8, &constant), COLL_INVALID_ARGUMENT, "limitation_start");
    EXPECT_NULL(coll_limitation_start_from_name(NULL, 0, &constant), "name");
    EXPECT_NULL(coll_limitation_start_from_name("due-date", 8, NULL), "out");
    EXPECT_OK(coll_limitation_unit_from_name("Months", 6, &constant));
    EXPECT_TRUE(constant == COLL_LIMITATION_UNIT_MONTHS);
    EXPECT(coll_limitation_unit_from_name("weeks", 5, &constant), COLL_INVALID_ARGUMENT, "unit");
    EXPECT_NULL(coll_limitation_unit_from_name(NULL, 0, &constant), "name");
    EXPECT_NULL(coll_limitation_unit_from_name("days", 4, NULL), "out");
    EXPECT(coll_limitation_unit_from_name(BAD_UTF8, 2, &constant), COLL_INVALID_UTF8, "name");
}

/* ---------------------------------------------------------------- status lifecycle */

static void test_debt_status(void) {
    coll_debt_status s, s_out;
    coll_status_history *h = NULL, *h_out;
    coll_status_change change, change_out;
    const char *name = NULL;
    bool yes = false, pause = false, has = true;
    size_t n = 99;

    EXPECT_OK(coll_debt_status_from_name("Paid In Full", 12, &s));
    EXPECT_TRUE(s == COLL_DEBT_STATUS_PAID_IN_FULL);
    POISON(s_out);
    EXPECT(coll_debt_status_from_name("lost", 4, &s_out), COLL_INVALID_ARGUMENT, "status");
    UNTOUCHED(s_out);
    EXPECT_NULL(coll_debt_status_from_name(NULL, 0, &s), "name");
    EXPECT_NULL(coll_debt_status_from_name("sold", 4, NULL), "out");
    EXPECT_OK(coll_debt_status_name(COLL_DEBT_STATUS_ARRANGEMENT_BROKEN, &name));
    EXPECT_TRUE(name != NULL && strcmp(name, "arrangement_broken") == 0);
    EXPECT(coll_debt_status_name(17, &name), COLL_INVALID_ARGUMENT, "status");
    EXPECT_NULL(coll_debt_status_name(0, NULL), "out");
    EXPECT_OK(coll_debt_status_kind(COLL_DEBT_STATUS_SOLD, &yes, &pause));
    EXPECT_TRUE(yes && !pause);
    EXPECT_OK(coll_debt_status_kind(COLL_DEBT_STATUS_HARDSHIP, &yes, &pause));
    EXPECT_TRUE(!yes && pause);
    EXPECT(coll_debt_status_kind(99, &yes, &pause), COLL_INVALID_ARGUMENT, "status");
    EXPECT_NULL(coll_debt_status_kind(0, NULL, &pause), "out_terminal");
    EXPECT_NULL(coll_debt_status_kind(0, &yes, NULL), "out_pause");
    EXPECT_OK(coll_debt_status_can_become(COLL_DEBT_STATUS_DELINQUENT, COLL_DEBT_STATUS_IN_ARRANGEMENT, &yes));
    EXPECT_TRUE(yes);
    EXPECT_OK(coll_debt_status_can_become(COLL_DEBT_STATUS_PAID_IN_FULL, COLL_DEBT_STATUS_DELINQUENT, &yes));
    EXPECT_TRUE(!yes);
    EXPECT(coll_debt_status_can_become(17, 0, &yes), COLL_INVALID_ARGUMENT, "from");
    EXPECT(coll_debt_status_can_become(0, 17, &yes), COLL_INVALID_ARGUMENT, "to");
    EXPECT_NULL(coll_debt_status_can_become(0, 1, NULL), "out");
    EXPECT_OK(coll_debt_status_transition(COLL_DEBT_STATUS_DELINQUENT, COLL_DEBT_STATUS_IN_ARRANGEMENT,
                                          ymd(2026, 3, 1), "plan agreed", 11));
    EXPECT(coll_debt_status_transition(COLL_DEBT_STATUS_PAID_IN_FULL, COLL_DEBT_STATUS_DELINQUENT, ymd(2026, 3, 1),
                                       "payment reversed", 16),
           COLL_INVALID_ARGUMENT, "status");
    EXPECT_TRUE(strstr(coll_last_error_message(), "paid_in_full -> delinquent") != NULL);
    EXPECT(coll_debt_status_transition(COLL_DEBT_STATUS_CURRENT, COLL_DEBT_STATUS_DELINQUENT, ymd(2026, 3, 1), " ", 1),
           COLL_INVALID_ARGUMENT, "reason");
    EXPECT(coll_debt_status_transition(COLL_DEBT_STATUS_CURRENT, COLL_DEBT_STATUS_DELINQUENT, ymd(2026, 3, 1),
                                       BAD_UTF8, 2),
           COLL_INVALID_UTF8, "reason");
    EXPECT(coll_debt_status_transition(COLL_DEBT_STATUS_CURRENT, COLL_DEBT_STATUS_DELINQUENT, ymd(2026, 2, 29),
                                       "missed", 6),
           COLL_INVALID_DATE, "date");
    EXPECT_NULL(coll_debt_status_transition(COLL_DEBT_STATUS_CURRENT, COLL_DEBT_STATUS_DELINQUENT, ymd(2026, 3, 1),
                                            NULL, 0),
                "reason");

    /* A history: a pause returns only to the status before it. */
    EXPECT_OK(coll_status_history_new(COLL_DEBT_STATUS_CURRENT, ymd(2026, 1, 1), &h));
    EXPECT_OK(coll_status_history_change(h, COLL_DEBT_STATUS_DELINQUENT, ymd(2026, 2, 2), "January missed", 14));
    EXPECT_OK(coll_status_history_change(h, COLL_DEBT_STATUS_DISPUTED, ymd(2026, 2, 10), "disputes the amount", 19));
    EXPECT_OK(coll_status_history_returns_to(h, &has, &s));
    EXPECT_TRUE(has && s == COLL_DEBT_STATUS_DELINQUENT);
    EXPECT(coll_status_history_change(h, COLL_DEBT_STATUS_CURRENT, ymd(2026, 3, 1), "dispute resolved", 16),
           COLL_INVALID_ARGUMENT, "status");
    EXPECT_TRUE(strstr(coll_last_error_message(), "disputed -> current") != NULL);
    EXPECT(coll_status_history_change(h, COLL_DEBT_STATUS_DELINQUENT, ymd(2026, 2, 9), "back-dated", 10),
           COLL_INVALID_ARGUMENT, "date");
    EXPECT(coll_status_history_change(h, 40, ymd(2026, 3, 1), "x", 1), COLL_INVALID_ARGUMENT, "to");
    EXPECT_OK(coll_status_history_change(h, COLL_DEBT_STATUS_DELINQUENT, ymd(2026, 3, 1), "dispute rejected", 16));
    EXPECT_OK(coll_status_history_current(h, &s));
    EXPECT_TRUE(s == COLL_DEBT_STATUS_DELINQUENT);
    EXPECT_OK(coll_status_history_returns_to(h, &has, &s));
    EXPECT_TRUE(!has && s == 0);
    EXPECT_OK(coll_status_history_status_on(h, ymd(2026, 2, 15), &has, &s));
    EXPECT_TRUE(has && s == COLL_DEBT_STATUS_DISPUTED);
    EXPECT_OK(coll_status_history_status_on(h, ymd(2025, 12, 31), &has, &s));
    EXPECT_TRUE(!has);
    EXPECT_OK(coll_status_history_change_count(h, &n));
    EXPECT_TRUE(n == 3);
    EXPECT_OK(coll_status_history_change_at(h, 1, &change));
    EXPECT_TRUE(change.from == COLL_DEBT_STATUS_DELINQUENT && change.to == COLL_DEBT_STATUS_DISPUTED &&
                same_date(change.date, ymd(2026, 2, 10)) && change.reason_len == 19 &&
                strcmp(change.reason, "disputes the amount") == 0);
    POISON(change_out);
    EXPECT(coll_status_history_change_at(h, 3, &change_out), COLL_INVALID_ARGUMENT, "index");
    UNTOUCHED(change_out);
    EXPECT_NULL(coll_status_history_change_at(NULL, 0, &change_out), "history");
    EXPECT_NULL(coll_status_history_change_at(h, 0, NULL), "out");
    EXPECT_NULL(coll_status_history_change_count(NULL, &n), "history");
    EXPECT_NULL(coll_status_history_change_count(h, NULL), "out");
    EXPECT_NULL(coll_status_history_current(NULL, &s), "history");
    EXPECT_NULL(coll_status_history_current(h, NULL), "out");
    EXPECT_NULL(coll_status_history_status_on(NULL, ymd(2026, 1, 1), &has, &s), "history");
    EXPECT_NULL(coll_status_history_status_on(h, ymd(2026, 1, 1), NULL, &s), "out_has_value");
    EXPECT_NULL(coll_status_history_status_on(h, ymd(2026, 1, 1), &has, NULL), "out");
    EXPECT(coll_status_history_status_on(h, ymd(2026, 1, 32), &has, &s), COLL_INVALID_DATE, "date");
    EXPECT_NULL(coll_status_history_returns_to(NULL, &has, &s), "history");
    EXPECT_NULL(coll_status_history_returns_to(h, NULL, &s), "out_has_value");
    EXPECT_NULL(coll_status_history_returns_to(h, &has, NULL), "out");
    EXPECT_NULL(coll_status_history_change(NULL, COLL_DEBT_STATUS_LEGAL, ymd(2026, 3, 2), "claim", 5), "history");
    EXPECT_NULL(coll_status_history_change(h, COLL_DEBT_STATUS_LEGAL, ymd(2026, 3, 2), NULL, 5), "reason");
    /* After a charge-off, never delinquent again. */
    EXPECT_OK(coll_status_history_change(h, COLL_DEBT_STATUS_CHARGED_OFF, ymd(2026, 6, 1), "120 days", 8));
    EXPECT_OK(coll_status_history_change(h, COLL_DEBT_STATUS_IN_ARRANGEMENT, ymd(2026, 6, 2), "plan", 4));
    EXPECT(coll_status_history_change(h, COLL_DEBT_STATUS_DELINQUENT, ymd(2026, 6, 3), "missed", 6),
           COLL_INVALID_ARGUMENT, "status");
    coll_status_history_free(h);
    coll_status_history_free(NULL);
    POISON(h_out);
    EXPECT(coll_status_history_new(17, ymd(2026, 1, 1), &h_out), COLL_INVALID_ARGUMENT, "initial");
    EXPECT(coll_status_history_new(0, ymd(2026, 13, 1), &h_out), COLL_INVALID_DATE, "opened_on");
    UNTOUCHED(h_out);
    EXPECT_NULL(coll_status_history_new(0, ymd(2026, 1, 1), NULL), "out");
}

/* ---------------------------------------------------------------- the account ledger */

static int same_decimal_repr(const coll_decimal *a, const coll_decimal *b) {
    return a->lo == b->lo && a->hi == b->hi && a->scale == b->scale;
}

static int same_balances(const coll_ledger_balances *a, const coll_ledger_balances *b) {
    return same_decimal_repr(&a->principal, &b->principal) && same_decimal_repr(&a->interest, &b->interest) &&
           same_decimal_repr(&a->fees, &b->fees) && same_decimal_repr(&a->penalties, &b->penalties) &&
           same_decimal_repr(&a->credit, &b->credit) && same_decimal_repr(&a->owed, &b->owed);
}

static int same_totals(const coll_ledger_totals *a, const coll_ledger_totals *b) {
    int i;
    for (i = 0; i < 4; i++) {
        if (!same_decimal_repr(&a->charged[i], &b->charged[i]) || !same_decimal_repr(&a->paid[i], &b->paid[i]) ||
            !same_decimal_repr(&a->forgiven[i], &b->forgiven[i])) {
            return 0;
        }
    }
    return same_decimal_repr(&a->payments, &b->payments) && same_decimal_repr(&a->refunds, &b->refunds) &&
           same_decimal_repr(&a->capped, &b->capped);
}

/* What a refused event must leave as it was: the events, the journal, balances, totals, status. */
typedef struct {
    size_t events, entries;
    coll_ledger_balances balances, on;
    coll_ledger_totals totals;
    coll_debt_status status;
    coll_date last;
    uint32_t days_past_due;
} ledger_state;

static ledger_state snapshot(const coll_ledger *l) {
    ledger_state s;
    memset(&s, 0, sizeof s);
    if (coll_ledger_event_count(l, &s.events) != COLL_OK || coll_ledger_entry_count(l, &s.entries) != COLL_OK ||
        coll_ledger_get_balances(l, &s.balances) != COLL_OK ||
        coll_ledger_balances_on(l, ymd(2026, 6, 30), &s.on) != COLL_OK ||
        coll_ledger_get_totals(l, &s.totals) != COLL_OK || coll_ledger_status(l, &s.status) != COLL_OK ||
        coll_ledger_last_date(l, &s.last) != COLL_OK ||
        coll_ledger_days_past_due(l, ymd(2026, 6, 30), &s.days_past_due) != COLL_OK) {
        printf("FAIL fixture: cannot read the ledger: %s\n", coll_last_error_message());
        failures++;
    }
    return s;
}

static void expect_unchanged(int line, const coll_ledger *l, const ledger_state *before) {
    ledger_state now = snapshot(l);
    checks++;
    if (now.events != before->events || now.entries != before->entries ||
        !same_balances(&now.balances, &before->balances) || !same_balances(&now.on, &before->on) ||
        !same_totals(&now.totals, &before->totals) || now.status != before->status ||
        !same_date(now.last, before->last) || now.days_past_due != before->days_past_due) {
        fail_at(line, "ledger", "a refused event changed the ledger");
    }
}

/* Posts `e`, expects it refused with `status` naming `field`, the index untouched and the ledger as it was. */
static void expect_refused(int line, const char *what, coll_ledger *l, const coll_ledger_event *e, coll_status status,
                           const char *field) {
    ledger_state before = snapshot(l);
    size_t index;
    poison(&index, sizeof index);
    expect_status(line, what, coll_ledger_post(l, e, &index), status, field);
    expect_untouched(line, "index", &index, sizeof index);
    expect_unchanged(line, l, &before);
}

#define REFUSED(l, e, status, field) expect_refused(__LINE__, #e, l, &(e), status, field)

static coll_ledger_event ledger_event(coll_ledger_event_kind kind, coll_date date) {
    coll_ledger_event e;
    memset(&e, 0, sizeof e);
    if (coll_ledger_event_init(kind, date, &e) != COLL_OK) {
        printf("FAIL fixture: coll_ledger_event_init(%u): %s\n", (unsigned)kind, coll_last_error_message());
        failures++;
    }
    return e;
}

static coll_ledger_event payment_event(coll_date date, const char *id, const char *amount) {
    coll_ledger_event e = ledger_event(COLL_LEDGER_EVENT_PAYMENT, date);
    e.id = id;
    e.id_len = strlen(id);
    e.amount = dec(amount);
    return e;
}

static coll_ledger_event reversal_event(coll_date date, const char *id, const char *reason) {
    coll_ledger_event e = ledger_event(COLL_LEDGER_EVENT_REVERSAL, date);
    e.id = id;
    e.id_len = strlen(id);
    e.reason = reason;
    e.reason_len = strlen(reason);
    return e;
}

static void expect_new_ledger_fails(int line, const char *what, const coll_ledger_terms *t, coll_status status,
                                    const char *field) {
    coll_currency usd = currency("USD");
    coll_decimal principal = dec("10000.00");
    coll_ledger *l;
    poison(&l, sizeof l);
    expect_status(line, what, coll_ledger_new("A-1", 3, &usd, ymd(2026, 1, 1), &principal, t, &l), status, field);
    expect_untouched(line, "ledger", &l, sizeof l);
}

#define NEW_LEDGER_FAILS(t, status, field) expect_new_ledger_fails(__LINE__, "coll_ledger_new", &(t), status, field)

/* Checks a _from_name/_name pair: `name` gives `constant` and back; `bad` is refused naming `field`; NULLs. */
typedef coll_status (*from_name_fn)(const char *, size_t, uint32_t *);
typedef coll_status (*name_fn)(uint32_t, const char **);

static void expect_names(int line, from_name_fn from_name, name_fn name_of, const char *given, const char *canonical,
                         uint32_t constant, uint32_t unknown, const char *field) {
    uint32_t got, got_out;
    const char *name = NULL, *name_out;
    expect_status(line, "from_name", from_name(given, strlen(given), &got), COLL_OK, NULL);
    checks++;
    if (got != constant) {
        fail_at(line, given, "named another constant");
    }
    expect_status(line, "name", name_of(constant, &name), COLL_OK, NULL);
    checks++;
    if (name == NULL || strcmp(name, canonical) != 0) {
        fail_at(line, canonical, "is not the name given back");
    }
    poison(&got_out, sizeof got_out);
    expect_status(line, "from_name", from_name("no such name", 12, &got_out), COLL_INVALID_ARGUMENT, field);
    expect_untouched(line, "out", &got_out, sizeof got_out);
    expect_status(line, "from_name", from_name(BAD_UTF8, 2, &got_out), COLL_INVALID_UTF8, "name");
    expect_status(line, "from_name", from_name(NULL, 0, &got_out), COLL_NULL_ARGUMENT, "name");
    expect_status(line, "from_name", from_name(given, strlen(given), NULL), COLL_NULL_ARGUMENT, "out");
    poison(&name_out, sizeof name_out);
    expect_status(line, "name", name_of(unknown, &name_out), COLL_INVALID_ARGUMENT, field);
    expect_untouched(line, "name", &name_out, sizeof name_out);
    expect_status(line, "name", name_of(constant, NULL), COLL_NULL_ARGUMENT, "out");
}

/* Each pair through expect_names, and each function also called by name (the coverage check reads calls). */
#define NAMES(prefix, given, canonical, constant, unknown, field)                                        \
    expect_names(__LINE__, coll_##prefix##_from_name, coll_##prefix##_name, given, canonical, constant, unknown, field)

static void test_ledger_names(void) {
    NAMES(component, "Principal", "principal", COLL_COMPONENT_PRINCIPAL, 4, "component");
    NAMES(timing, "not-yet-due", "not_yet_due", COLL_TIMING_NOT_YET_DUE, 3, "timing");
    NAMES(interest_mode, "compound at due dates", "compound_at_due_dates", COLL_INTEREST_MODE_COMPOUND_AT_DUE_DATES,
          2, "interest_mode");
    NAMES(allocation_order, "PENALTIES_FEES_INTEREST_PRINCIPAL", "penalties-fees-interest-principal",
          COLL_ALLOCATION_ORDER_PENALTIES_FEES_INTEREST_PRINCIPAL, 5, "allocation");
    NAMES(allocation_scope, "component-first", "component_first", COLL_ALLOCATION_SCOPE_COMPONENT_FIRST, 2, "scope");
    NAMES(overpayment_rule, "reduce payment", "reduce_payment", COLL_OVERPAYMENT_REDUCE_PAYMENT, 3, "overpayment");
    NAMES(ledger_event_kind, "Charge-Off", "charge_off", COLL_LEDGER_EVENT_CHARGE_OFF, 13, "kind");
    NAMES(ledger_entry_kind, "credit applied", "credit_applied", COLL_LEDGER_ENTRY_CREDIT_APPLIED, 15, "entry_kind");
    NAMES(discrepancy_kind, "missing-in-report", "missing_in_report", COLL_DISCREPANCY_MISSING_IN_REPORT, 8, "kind");
    NAMES(expected_status, "NOT_DUE", "not_due", COLL_EXPECTED_NOT_DUE, 5, "expected_status");
    NAMES(roll_measure, "past_due", "past-due", COLL_ROLL_MEASURE_PAST_DUE, 3, "roll_measure");
    EXPECT_NULL(coll_component_from_name("fee", 3, NULL), "out");
    EXPECT_NULL(coll_component_name(COLL_COMPONENT_FEE, NULL), "out");
    EXPECT_NULL(coll_timing_from_name("due", 3, NULL), "out");
    EXPECT_NULL(coll_timing_name(COLL_TIMING_DUE, NULL), "out");
    EXPECT_NULL(coll_interest_mode_from_name("simple", 6, NULL), "out");
    EXPECT_NULL(coll_interest_mode_name(COLL_INTEREST_MODE_SIMPLE, NULL), "out");
    EXPECT_NULL(coll_allocation_order_from_name("fees-interest-principal", 23, NULL), "out");
    EXPECT_NULL(coll_allocation_order_name(COLL_ALLOCATION_ORDER_FEES_INTEREST_PRINCIPAL, NULL), "out");
    EXPECT_NULL(coll_allocation_scope_from_name("oldest_first", 12, NULL), "out");
    EXPECT_NULL(coll_allocation_scope_name(COLL_ALLOCATION_SCOPE_OLDEST_FIRST, NULL), "out");
    EXPECT_NULL(coll_overpayment_rule_from_name("reduce_term", 11, NULL), "out");
    EXPECT_NULL(coll_overpayment_rule_name(COLL_OVERPAYMENT_REDUCE_TERM, NULL), "out");
    EXPECT_NULL(coll_ledger_event_kind_from_name("payment", 7, NULL), "out");
    EXPECT_NULL(coll_ledger_event_kind_name(COLL_LEDGER_EVENT_PAYMENT, NULL), "out");
    EXPECT_NULL(coll_ledger_entry_kind_from_name("late_fee", 8, NULL), "out");
    EXPECT_NULL(coll_ledger_entry_kind_name(COLL_LEDGER_ENTRY_LATE_FEE, NULL), "out");
    EXPECT_NULL(coll_discrepancy_kind_from_name("duplicate", 9, NULL), "out");
    EXPECT_NULL(coll_discrepancy_kind_name(COLL_DISCREPANCY_DUPLICATE, NULL), "out");
    EXPECT_NULL(coll_expected_status_from_name("paid", 4, NULL), "out");
    EXPECT_NULL(coll_expected_status_name(COLL_EXPECTED_PAID, NULL), "out");
    EXPECT_NULL(coll_roll_measure_from_name("accounts", 8, NULL), "out");
    EXPECT_NULL(coll_roll_measure_name(COLL_ROLL_MEASURE_ACCOUNTS, NULL), "out");
}

static void test_ledger_terms(void) {
    coll_ledger_terms t, bad;
    coll_date rate_dates[2] = {{2026, 1, 1}, {2026, 7, 1}};
    coll_date late_dates[1] = {{2026, 2, 1}};
    coll_decimal rates[2];
    coll_date_range freezes[2];
    coll_allocation_pair pairs[2];
    coll_currency usd = currency("USD"), bad_currency;
    coll_decimal principal = dec("10000.00"), bad_principal;
    coll_ledger *l = NULL, *l_out;

    rates[0] = dec("0.073");
    rates[1] = dec("0.0365");
    EXPECT_OK(coll_ledger_terms_init(&t));
    EXPECT_TRUE(t.rate_dates == NULL && t.rates == NULL && t.n_rates == 0 && t.has_penalty_rate == 0 &&
                t.has_max_rate == 0 && t.has_charge_cap == 0 && t.freezes == NULL && t.n_freezes == 0);
    EXPECT_TRUE(t.day_count.kind == COLL_DAY_COUNT_ACT_365_FIXED && t.interest_mode == COLL_INTEREST_MODE_SIMPLE &&
                t.has_late_fee == 0 && t.late_fee.component == COLL_COMPONENT_PENALTY &&
                t.late_fee.has_maximum == 0 && text_is(&t.late_fee.flat, "0"));
    EXPECT_TRUE(t.allocation_order == COLL_ALLOCATION_ORDER_FEES_INTEREST_PRINCIPAL &&
                t.allocation_scope == COLL_ALLOCATION_SCOPE_OLDEST_FIRST && t.advanced_allocation == NULL &&
                t.n_advanced_allocation == 0 && t.overpayment == COLL_OVERPAYMENT_HOLD_AS_CREDIT &&
                t.rounding == COLL_ROUND_HALF_UP);
    EXPECT_NULL(coll_ledger_terms_init(NULL), "out");

    /* No rates at all. */
    NEW_LEDGER_FAILS(t, COLL_INVALID_ARGUMENT, "rates");
    t.rate_dates = rate_dates;
    t.rates = rates;
    t.n_rates = 2;
    EXPECT_OK(coll_ledger_new("A-1", 3, &usd, ymd(2026, 1, 1), &principal, &t, &l));
    coll_ledger_free(l);
    l = NULL;

    /* A rate table with a gap at the start: the first rate takes effect after the account opens. */
    bad = t;
    bad.rate_dates = late_dates;
    bad.n_rates = 1;
    NEW_LEDGER_FAILS(bad, COLL_INVALID_ARGUMENT, "rates");
    EXPECT_TRUE(strstr(coll_last_error_message(), "2026-02-01") != NULL);
    /* Dates that do not increase; a rate out of range; arrays missing. */
    bad = t;
    rate_dates[1] = ymd(2026, 1, 1);
    NEW_LEDGER_FAILS(bad, COLL_INVALID_ARGUMENT, "rates");
    rate_dates[1] = ymd(2026, 7, 1);
    rates[1] = dec("-0.01");
    NEW_LEDGER_FAILS(bad, COLL_INVALID_ARGUMENT, "rates");
    rates[1] = dec("0.0365");
    rate_dates[1] = ymd(2026, 2, 30);
    NEW_LEDGER_FAILS(bad, COLL_INVALID_DATE, "rates");
    EXPECT_TRUE(strstr(coll_last_error_message(), "#1") != NULL);
    rate_dates[1] = ymd(2026, 7, 1);
    bad.rate_dates = NULL;
    NEW_LEDGER_FAILS(bad, COLL_NULL_ARGUMENT, "rate_dates");
    bad = t;
    bad.rates = NULL;
    NEW_LEDGER_FAILS(bad, COLL_NULL_ARGUMENT, "rates");

    /* Overlapping freezes. */
    freezes[0].start = ymd(2026, 3, 1);
    freezes[0].end = ymd(2026, 3, 31);
    freezes[1].start = ymd(2026, 3, 15);
    freezes[1].end = ymd(2026, 4, 15);
    bad = t;
    bad.freezes = freezes;
    bad.n_freezes = 2;
    NEW_LEDGER_FAILS(bad, COLL_INVALID_ARGUMENT, "freezes");
    bad.n_freezes = 1;
    EXPECT_OK(coll_ledger_new("A-1", 3, &usd, ymd(2026, 1, 1), &principal, &bad, &l));
    coll_ledger_free(l);
    l = NULL;
    bad.freezes = NULL;
    NEW_LEDGER_FAILS(bad, COLL_NULL_ARGUMENT, "freezes");

    /* Penalty and maximum rates, the charge cap; flags other than 0 or 1. */
    bad = t;
    bad.has_penalty_rate = 1;
    bad.penalty_rate = dec("-0.05");
    NEW_LEDGER_FAILS(bad, COLL_INVALID_ARGUMENT, "penalty_rate");
    bad.has_penalty_rate = 2;
    NEW_LEDGER_FAILS(bad, COLL_INVALID_ARGUMENT, "has_penalty_rate");
    bad.has_penalty_rate = 0; /* the value behind a 0 flag is not read */
    EXPECT_OK(coll_ledger_new("A-1", 3, &usd, ymd(2026, 1, 1), &principal, &bad, &l));
    coll_ledger_free(l);
    l = NULL;
    bad = t;
    bad.has_max_rate = 1;
    bad.max_rate = dec("101");
    NEW_LEDGER_FAILS(bad, COLL_INVALID_ARGUMENT, "max_rate");
    bad.has_max_rate = 7;
    NEW_LEDGER_FAILS(bad, COLL_INVALID_ARGUMENT, "has_max_rate");
    bad = t;
    bad.has_charge_cap = 1;
    bad.charge_cap = dec("1000.01");
    NEW_LEDGER_FAILS(bad, COLL_INVALID_ARGUMENT, "charge_cap");
    bad.charge_cap.scale = 29;
    NEW_LEDGER_FAILS(bad, COLL_INVALID_DECIMAL, "charge_cap");

    /* Unknown constants. */
    bad = t;
    bad.day_count.kind = 99;
    NEW_LEDGER_FAILS(bad, COLL_INVALID_ARGUMENT, "day_count");
    bad = t;
    bad.interest_mode = 2;
    NEW_LEDGER_FAILS(bad, COLL_INVALID_ARGUMENT, "interest_mode");
    bad = t;
    bad.allocation_order = 5;
    NEW_LEDGER_FAILS(bad, COLL_INVALID_ARGUMENT, "allocation_order");
    bad = t;
    bad.allocation_scope = 2;
    NEW_LEDGER_FAILS(bad, COLL_INVALID_ARGUMENT, "allocation_scope");
    bad = t;
    bad.overpayment = 3;
    NEW_LEDGER_FAILS(bad, COLL_INVALID_ARGUMENT, "overpayment");
    bad = t;
    bad.rounding = 7;
    NEW_LEDGER_FAILS(bad, COLL_INVALID_ARGUMENT, "rounding");

    /* Late fees. */
    bad = t;
    bad.has_late_fee = 1;
    bad.late_fee.flat = dec("25.00");
    bad.late_fee.grace_days = 10;
    EXPECT_OK(coll_ledger_new("A-1", 3, &usd, ymd(2026, 1, 1), &principal, &bad, &l));
    coll_ledger_free(l);
    l = NULL;
    bad.late_fee.percent = dec("1.5");
    NEW_LEDGER_FAILS(bad, COLL_INVALID_ARGUMENT, "late_fee.percent");
    bad.late_fee.percent = dec("0.05");
    bad.late_fee.minimum = dec("10");
    bad.late_fee.has_maximum = 1;
    bad.late_fee.maximum = dec("5");
    NEW_LEDGER_FAILS(bad, COLL_INVALID_ARGUMENT, "late_fee.maximum");
    bad.late_fee.has_maximum = 3;
    NEW_LEDGER_FAILS(bad, COLL_INVALID_ARGUMENT, "late_fee.has_maximum");
    bad.late_fee.has_maximum = 0;
    bad.late_fee.component = COLL_COMPONENT_INTEREST;
    NEW_LEDGER_FAILS(bad, COLL_INVALID_ARGUMENT, "late_fee.component");
    bad.late_fee.component = 9;
    NEW_LEDGER_FAILS(bad, COLL_INVALID_ARGUMENT, "late_fee.component");
    bad.late_fee.component = COLL_COMPONENT_FEE;
    bad.late_fee.flat.scale = 40;
    NEW_LEDGER_FAILS(bad, COLL_INVALID_DECIMAL, "late_fee.flat");
    bad.has_late_fee = 2;
    NEW_LEDGER_FAILS(bad, COLL_INVALID_ARGUMENT, "has_late_fee");

    /* Advanced allocation: pairs instead of a named order, each once. */
    pairs[0].timing = COLL_TIMING_PAST_DUE;
    pairs[0].component = COLL_COMPONENT_INTEREST;
    pairs[1].timing = COLL_TIMING_PAST_DUE;
    pairs[1].component = COLL_COMPONENT_PRINCIPAL;
    bad = t;
    bad.advanced_allocation = pairs;
    bad.n_advanced_allocation = 2;
    EXPECT_OK(coll_ledger_new("A-1", 3, &usd, ymd(2026, 1, 1), &principal, &bad, &l));
    coll_ledger_free(l);
    l = NULL;
    bad.allocation_order = COLL_ALLOCATION_ORDER_INTEREST_PRINCIPAL_FEES;
    NEW_LEDGER_FAILS(bad, COLL_INVALID_ARGUMENT, "allocation_order");
    bad.allocation_order = COLL_ALLOCATION_ORDER_FEES_INTEREST_PRINCIPAL;
    bad.allocation_scope = COLL_ALLOCATION_SCOPE_COMPONENT_FIRST;
    NEW_LEDGER_FAILS(bad, COLL_INVALID_ARGUMENT, "allocation_scope");
    bad.allocation_scope = COLL_ALLOCATION_SCOPE_OLDEST_FIRST;
    pairs[1].component = COLL_COMPONENT_INTEREST;
    NEW_LEDGER_FAILS(bad, COLL_INVALID_ARGUMENT, "allocation");
    pairs[1].timing = 3;
    NEW_LEDGER_FAILS(bad, COLL_INVALID_ARGUMENT, "advanced_allocation.timing");
    pairs[1].timing = COLL_TIMING_DUE;
    pairs[1].component = 4;
    NEW_LEDGER_FAILS(bad, COLL_INVALID_ARGUMENT, "advanced_allocation.component");
    bad.advanced_allocation = NULL;
    NEW_LEDGER_FAILS(bad, COLL_NULL_ARGUMENT, "advanced_allocation");

    /* The account. */
    POISON(l_out);
    EXPECT(coll_ledger_new(" ", 1, &usd, ymd(2026, 1, 1), &principal, &t, &l_out), COLL_INVALID_ARGUMENT, "id");
    EXPECT(coll_ledger_new(NULL, 0, &usd, ymd(2026, 1, 1), &principal, &t, &l_out), COLL_INVALID_ARGUMENT, "id");
    EXPECT(coll_ledger_new(BAD_UTF8, 2, &usd, ymd(2026, 1, 1), &principal, &t, &l_out), COLL_INVALID_UTF8, "id");
    bad_principal = dec("0");
    EXPECT(coll_ledger_new("A-1", 3, &usd, ymd(2026, 1, 1), &bad_principal, &t, &l_out), COLL_INVALID_ARGUMENT,
           "principal");
    bad_principal = dec("100.001");
    EXPECT(coll_ledger_new("A-1", 3, &usd, ymd(2026, 1, 1), &bad_principal, &t, &l_out), COLL_INVALID_ARGUMENT,
           "principal");
    bad_principal = dec("-100");
    EXPECT(coll_ledger_new("A-1", 3, &usd, ymd(2026, 1, 1), &bad_principal, &t, &l_out), COLL_INVALID_ARGUMENT,
           "principal");
    bad_currency = usd;
    bad_currency.code[0] = '1';
    EXPECT(coll_ledger_new("A-1", 3, &bad_currency, ymd(2026, 1, 1), &principal, &t, &l_out),
           COLL_UNKNOWN_CURRENCY, "currency");
    EXPECT(coll_ledger_new("A-1", 3, &usd, ymd(2026, 2, 29), &principal, &t, &l_out), COLL_INVALID_DATE,
           "opened_on");
    UNTOUCHED(l_out);
    EXPECT_NULL(coll_ledger_new(NULL, 3, &usd, ymd(2026, 1, 1), &principal, &t, &l_out), "id");
    EXPECT_NULL(coll_ledger_new("A-1", 3, NULL, ymd(2026, 1, 1), &principal, &t, &l_out), "currency");
    EXPECT_NULL(coll_ledger_new("A-1", 3, &usd, ymd(2026, 1, 1), NULL, &t, &l_out), "principal");
    EXPECT_NULL(coll_ledger_new("A-1", 3, &usd, ymd(2026, 1, 1), &principal, NULL, &l_out), "terms");
    EXPECT_NULL(coll_ledger_new("A-1", 3, &usd, ymd(2026, 1, 1), &principal, &t, NULL), "out");
    coll_ledger_free(NULL);
}

/* 10,000.00 USD opened 2026-01-01 at 7.30% (2.00 a day under Actual/365 Fixed). */
static coll_ledger *seven_thirty(void) {
    coll_ledger_terms t;
    coll_date rate_date = {2026, 1, 1};
    coll_decimal rate = dec("0.073");
    coll_currency usd = currency("USD");
    coll_decimal principal = dec("10000.00");
    coll_ledger *l = NULL;
    EXPECT_OK(coll_ledger_terms_init(&t));
    t.rate_dates = &rate_date;
    t.rates = &rate;
    t.n_rates = 1;
    EXPECT_OK(coll_ledger_new("A-1", 3, &usd, ymd(2026, 1, 1), &principal, &t, &l));
    return l;
}

static void test_ledger_posting(void) {
    coll_ledger *l = seven_thirty(), *copy = NULL, *copy_out;
    coll_ledger_event e, bad, events[3];
    coll_ledger_balances b, b_out;
    coll_ledger_totals totals, totals_out;
    coll_ledger_account account, account_out;
    coll_ledger_entry entry, entry_out;
    coll_ledger_allocation alloc, alloc_out;
    coll_ledger_event got, got_out;
    coll_aging_rules rules;
    coll_aging_result aging, aging_out;
    coll_status_history *history = NULL, *history_out;
    coll_obligation obligations[4], obligations_out[4];
    coll_payment_record records[4], records_out[4];
    coll_debt_status status, status_out;
    coll_date last, last_out;
    size_t index = 99, n = 99, n_out, i, pay_entry = 0;
    uint32_t days = 99, days_out;
    bool yes = true, yes_out;
    ledger_state before;

    /* 10,000.00 due on January 31; 5,000.00 paid on February 1: the 62.00 of interest first. */
    e = ledger_event(COLL_LEDGER_EVENT_OBLIGATION, ymd(2026, 1, 31));
    e.amount = dec("10000.00");
    EXPECT_OK(coll_ledger_post(l, &e, &index));
    EXPECT_TRUE(index == 0);
    e = payment_event(ymd(2026, 2, 1), "P1", "5000.00");
    EXPECT_OK(coll_ledger_post(l, &e, &index));
    EXPECT_TRUE(index == 1);
    EXPECT_OK(coll_ledger_get_balances(l, &b));
    EXPECT_TRUE(text_is(&b.principal, "5062.00") && text_is(&b.interest, "0.00") && text_is(&b.credit, "0.00") &&
                text_is(&b.owed, "5062.00"));
    EXPECT_OK(coll_ledger_payment_entry(l, "P1", 2, &yes, &pay_entry));
    EXPECT_TRUE(yes && pay_entry != COLL_NO_INDEX);
    EXPECT_OK(coll_ledger_entry_at(l, pay_entry, &entry));
    EXPECT_TRUE(entry.kind == COLL_LEDGER_ENTRY_PAYMENT && entry.event == 1 && entry.n_allocations == 2 &&
                text_is(&entry.amount, "5000.00") && same_date(entry.date, ymd(2026, 2, 1)) &&
                entry.status == COLL_DEBT_STATUS_CURRENT);
    EXPECT_OK(coll_ledger_entry_allocation_at(l, pay_entry, 0, &alloc));
    EXPECT_TRUE(alloc.component == COLL_COMPONENT_INTEREST && alloc.has_due_date == 1 &&
                same_date(alloc.due_date, ymd(2026, 1, 31)) && text_is(&alloc.amount, "62.00"));
    EXPECT_OK(coll_ledger_entry_allocation_at(l, pay_entry, 1, &alloc));
    EXPECT_TRUE(alloc.component == COLL_COMPONENT_PRINCIPAL && text_is(&alloc.amount, "4938.00"));
    POISON(alloc_out);
    EXPECT(coll_ledger_entry_allocation_at(l, pay_entry, 2, &alloc_out), COLL_INVALID_ARGUMENT, "index");
    EXPECT(coll_ledger_entry_allocation_at(l, 1000, 0, &alloc_out), COLL_INVALID_ARGUMENT, "entry");
    UNTOUCHED(alloc_out);
    EXPECT_NULL(coll_ledger_entry_allocation_at(NULL, 0, 0, &alloc_out), "ledger");
    EXPECT_NULL(coll_ledger_entry_allocation_at(l, pay_entry, 0, NULL), "out");

    /* Every refusal leaves the ledger as it was. */
    bad = payment_event(ymd(2026, 2, 2), "P2", "0");
    REFUSED(l, bad, COLL_INVALID_ARGUMENT, "amount"); /* a zero payment */
    bad.amount = dec("-5.00");
    REFUSED(l, bad, COLL_INVALID_ARGUMENT, "amount"); /* a negative payment */
    bad.amount = dec("5.001");
    REFUSED(l, bad, COLL_INVALID_ARGUMENT, "amount"); /* more decimals than USD has */
    bad.amount = dec("5.00");
    bad.amount.scale = 29;
    REFUSED(l, bad, COLL_INVALID_DECIMAL, "amount");
    bad.amount = dec("5.00");
    bad.currency = currency("EUR");
    REFUSED(l, bad, COLL_CURRENCY_MISMATCH, "currency"); /* a payment in another currency */
    bad.currency.code[1] = '!';
    REFUSED(l, bad, COLL_UNKNOWN_CURRENCY, "currency");
    bad = payment_event(ymd(2026, 2, 2), "P1", "5.00");
    REFUSED(l, bad, COLL_INVALID_ARGUMENT, "id"); /* the id is already posted */
    bad = payment_event(ymd(2026, 2, 2), " ", "5.00");
    REFUSED(l, bad, COLL_INVALID_ARGUMENT, "id");
    bad.id = BAD_UTF8;
    bad.id_len = 2;
    REFUSED(l, bad, COLL_INVALID_UTF8, "id");
    bad = payment_event(ymd(2025, 12, 31), "P2", "5.00");
    REFUSED(l, bad, COLL_INVALID_ARGUMENT, "date"); /* before the account opened */
    EXPECT_TRUE(strstr(coll_last_error_message(), "2025-12-31") != NULL);
    bad.date = ymd(2026, 2, 30);
    REFUSED(l, bad, COLL_INVALID_DATE, "date");
    bad = reversal_event(ymd(2026, 2, 6), "P9", "unknown");
    REFUSED(l, bad, COLL_INVALID_ARGUMENT, "payment_id"); /* a reversal of an unknown payment */
    bad = reversal_event(ymd(2026, 1, 31), "P1", "too early");
    REFUSED(l, bad, COLL_INVALID_ARGUMENT, "date"); /* before the payment it reverses */
    bad = reversal_event(ymd(2026, 2, 6), "P1", "");
    REFUSED(l, bad, COLL_INVALID_ARGUMENT, "reason");
    bad = ledger_event(COLL_LEDGER_EVENT_STATUS_CHANGE, ymd(2026, 2, 6));
    bad.to = COLL_DEBT_STATUS_ARRANGEMENT_BROKEN;
    bad.reason = "no arrangement";
    bad.reason_len = 14;
    REFUSED(l, bad, COLL_INVALID_ARGUMENT, "status"); /* an invalid status transition */
    EXPECT_TRUE(strstr(coll_last_error_message(), "current -> arrangement_broken") != NULL);
    bad.to = 17;
    REFUSED(l, bad, COLL_INVALID_ARGUMENT, "to");
    bad = ledger_event(COLL_LEDGER_EVENT_OBLIGATION, ymd(2026, 3, 31));
    bad.amount = dec("0.01");
    REFUSED(l, bad, COLL_INVALID_ARGUMENT, "amount"); /* obligations beyond the principal */
    bad.reason = "why";
    bad.reason_len = 3;
    REFUSED(l, bad, COLL_INVALID_ARGUMENT, "reason"); /* a field an obligation does not take */
    EXPECT_TRUE(strstr(coll_last_error_message(), "obligation event does not take reason") != NULL);
    bad = ledger_event(COLL_LEDGER_EVENT_ACCRUE, ymd(2026, 3, 1));
    bad.amount = dec("1");
    REFUSED(l, bad, COLL_INVALID_ARGUMENT, "amount");
    bad = ledger_event(COLL_LEDGER_EVENT_ACCRUE, ymd(2026, 3, 1));
    bad.days = 3;
    REFUSED(l, bad, COLL_INVALID_ARGUMENT, "days");
    bad = ledger_event(COLL_LEDGER_EVENT_ACCRUE, ymd(2026, 3, 1));
    bad.to = COLL_DEBT_STATUS_LEGAL;
    REFUSED(l, bad, COLL_INVALID_ARGUMENT, "to");
    bad = ledger_event(COLL_LEDGER_EVENT_ACCRUE, ymd(2026, 3, 1));
    bad.currency = currency("USD");
    REFUSED(l, bad, COLL_INVALID_ARGUMENT, "currency");
    bad = ledger_event(COLL_LEDGER_EVENT_ACCRUE, ymd(2026, 3, 1));
    bad.component = COLL_COMPONENT_FEE;
    REFUSED(l, bad, COLL_INVALID_ARGUMENT, "component");
    bad = ledger_event(COLL_LEDGER_EVENT_ACCRUE, ymd(2026, 3, 1));
    bad.id = "P1";
    bad.id_len = 2;
    REFUSED(l, bad, COLL_INVALID_ARGUMENT, "id");
    bad = ledger_event(COLL_LEDGER_EVENT_FEE, ymd(2026, 3, 1));
    bad.component = COLL_COMPONENT_INTEREST;
    bad.amount = dec("10.00");
    bad.reason = "fee";
    bad.reason_len = 3;
    REFUSED(l, bad, COLL_INVALID_ARGUMENT, "component"); /* a fee is a fee or a penalty */
    bad.component = 4;
    REFUSED(l, bad, COLL_INVALID_ARGUMENT, "component");
    bad = ledger_event(COLL_LEDGER_EVENT_REFUND, ymd(2026, 3, 1));
    bad.amount = dec("1.00");
    REFUSED(l, bad, COLL_INVALID_ARGUMENT, "amount"); /* a refund beyond the credit */
    bad = ledger_event(COLL_LEDGER_EVENT_WAIVER, ymd(2026, 3, 1));
    bad.component = COLL_COMPONENT_FEE;
    bad.amount = dec("1.00");
    bad.reason = "goodwill";
    bad.reason_len = 8;
    REFUSED(l, bad, COLL_INVALID_ARGUMENT, "amount"); /* a waiver beyond the balance */
    bad = ledger_event(COLL_LEDGER_EVENT_ADJUSTMENT, ymd(2026, 3, 1));
    bad.component = COLL_COMPONENT_FEE;
    bad.reason = "correction";
    bad.reason_len = 10;
    REFUSED(l, bad, COLL_INVALID_ARGUMENT, "amount"); /* an adjustment of zero */
    bad = ledger_event(COLL_LEDGER_EVENT_EXTENSION, ymd(2026, 3, 1));
    bad.reason = "hardship";
    bad.reason_len = 8;
    REFUSED(l, bad, COLL_INVALID_ARGUMENT, "days"); /* zero days */
    bad.kind = 13;
    REFUSED(l, bad, COLL_INVALID_ARGUMENT, "kind");
    bad = ledger_event(COLL_LEDGER_EVENT_SETTLEMENT, ymd(2026, 3, 1));
    bad.reason = NULL;
    bad.reason_len = 4;
    REFUSED(l, bad, COLL_NULL_ARGUMENT, "reason");
    bad = payment_event(ymd(2026, 2, 2), "P2", "5.00");
    before = snapshot(l);
    EXPECT_NULL(coll_ledger_post(NULL, &bad, &index), "ledger");
    EXPECT_NULL(coll_ledger_post(l, NULL, &index), "event");
    EXPECT_NULL(coll_ledger_post(l, &bad, NULL), "out_index");
    expect_unchanged(__LINE__, l, &before);

    /* post_all is all or nothing: the second event's error refuses the first too. */
    events[0] = payment_event(ymd(2026, 2, 10), "P2", "100.00");
    events[1] = payment_event(ymd(2026, 2, 11), "P3", "0");
    EXPECT(coll_ledger_post_all(l, events, 2), COLL_INVALID_ARGUMENT, "amount");
    EXPECT_TRUE(strstr(coll_last_error_message(), "event #3") != NULL);
    expect_unchanged(__LINE__, l, &before);
    EXPECT_OK(coll_ledger_payment_entry(l, "P2", 2, &yes, &n));
    EXPECT_TRUE(!yes && n == COLL_NO_INDEX);
    events[1] = payment_event(ymd(2026, 2, 11), "P2", "1.00"); /* the same id twice in one call */
    EXPECT(coll_ledger_post_all(l, events, 2), COLL_INVALID_ARGUMENT, "id");
    events[1] = reversal_event(ymd(2026, 2, 12), "P2", "NSF");
    events[2] = reversal_event(ymd(2026, 2, 13), "P2", "again");
    EXPECT(coll_ledger_post_all(l, events, 3), COLL_INVALID_ARGUMENT, "payment_id");
    events[1] = ledger_event(COLL_LEDGER_EVENT_ACCRUE, ymd(2026, 2, 11));
    events[1].amount = dec("1");
    events[1].amount.scale = 30;
    EXPECT(coll_ledger_post_all(l, events, 2), COLL_INVALID_ARGUMENT, "amount"); /* not taken: named first */
    EXPECT_TRUE(strstr(coll_last_error_message(), "event #3") != NULL);
    expect_unchanged(__LINE__, l, &before);
    EXPECT_NULL(coll_ledger_post_all(NULL, events, 1), "ledger");
    EXPECT_NULL(coll_ledger_post_all(l, NULL, 1), "events");
    EXPECT_OK(coll_ledger_post_all(l, NULL, 0));
    expect_unchanged(__LINE__, l, &before);

    /* A reversal restores the balances as if the payment had never been made; a second one is refused. */
    e = reversal_event(ymd(2026, 2, 5), "P1", "NSF");
    EXPECT_OK(coll_ledger_post(l, &e, &index));
    EXPECT_TRUE(index == 2);
    EXPECT_OK(coll_ledger_is_reversed(l, "P1", 2, &yes));
    EXPECT_TRUE(yes);
    EXPECT_OK(coll_ledger_is_reversed(l, "P9", 2, &yes));
    EXPECT_TRUE(!yes);
    POISON(yes_out);
    EXPECT(coll_ledger_is_reversed(l, BAD_UTF8, 2, &yes_out), COLL_INVALID_UTF8, "id");
    UNTOUCHED(yes_out);
    EXPECT_NULL(coll_ledger_is_reversed(NULL, "P1", 2, &yes), "ledger");
    EXPECT_NULL(coll_ledger_is_reversed(l, "P1", 2, NULL), "out");
    e = reversal_event(ymd(2026, 2, 6), "P1", "again");
    REFUSED(l, e, COLL_INVALID_ARGUMENT, "payment_id"); /* already reversed */
    EXPECT_TRUE(strstr(coll_last_error_message(), "already reversed") != NULL);
    EXPECT_OK(coll_ledger_payment_entry(l, "P1", 2, &yes, &n));
    EXPECT_TRUE(!yes && n == COLL_NO_INDEX);
    EXPECT_NULL(coll_ledger_payment_entry(NULL, "P1", 2, &yes, &n), "ledger");
    EXPECT_NULL(coll_ledger_payment_entry(l, NULL, 2, &yes, &n), "id");
    EXPECT_NULL(coll_ledger_payment_entry(l, "P1", 2, NULL, &n), "out_found");
    EXPECT_NULL(coll_ledger_payment_entry(l, "P1", 2, &yes, NULL), "out_index");

    /* Balances on a date: 10,000.00 and 89 days of 2.00 by March 31, 59 days past due. */
    EXPECT_OK(coll_ledger_balances_on(l, ymd(2026, 3, 31), &b));
    EXPECT_TRUE(text_is(&b.principal, "10000.00") && text_is(&b.interest, "178.00") &&
                text_is(&b.owed, "10178.00"));
    EXPECT_OK(coll_ledger_days_past_due(l, ymd(2026, 3, 31), &days));
    EXPECT_TRUE(days == 59);
    POISON(b_out);
    POISON(days_out);
    EXPECT(coll_ledger_balances_on(l, ymd(2025, 12, 31), &b_out), COLL_INVALID_ARGUMENT, "as_of");
    EXPECT(coll_ledger_balances_on(l, ymd(2026, 4, 31), &b_out), COLL_INVALID_DATE, "as_of");
    EXPECT(coll_ledger_days_past_due(l, ymd(2025, 12, 31), &days_out), COLL_INVALID_ARGUMENT, "as_of");
    UNTOUCHED(b_out);
    UNTOUCHED(days_out);
    EXPECT_NULL(coll_ledger_balances_on(NULL, ymd(2026, 3, 31), &b), "ledger");
    EXPECT_NULL(coll_ledger_balances_on(l, ymd(2026, 3, 31), NULL), "out");
    EXPECT_NULL(coll_ledger_days_past_due(NULL, ymd(2026, 3, 31), &days), "ledger");
    EXPECT_NULL(coll_ledger_days_past_due(l, ymd(2026, 3, 31), NULL), "out");
    EXPECT_OK(coll_ledger_get_balances(l, &b));
    EXPECT_TRUE(text_is(&b.principal, "10000.00"));
    EXPECT_NULL(coll_ledger_get_balances(NULL, &b), "ledger");
    EXPECT_NULL(coll_ledger_get_balances(l, NULL), "out");

    /* Totals: indexed by component. */
    EXPECT_OK(coll_ledger_get_totals(l, &totals));
    EXPECT_TRUE(text_is(&totals.charged[COLL_COMPONENT_PRINCIPAL], "10000.00") &&
                text_is(&totals.payments, "0") && text_is(&totals.paid[COLL_COMPONENT_INTEREST], "0"));
    EXPECT_OK(coll_ledger_totals_on(l, ymd(2026, 3, 31), &totals));
    EXPECT_TRUE(text_is(&totals.charged[COLL_COMPONENT_INTEREST], "178.00"));
    POISON(totals_out);
    EXPECT(coll_ledger_totals_on(l, ymd(2025, 1, 1), &totals_out), COLL_INVALID_ARGUMENT, "as_of");
    UNTOUCHED(totals_out);
    EXPECT_NULL(coll_ledger_get_totals(NULL, &totals), "ledger");
    EXPECT_NULL(coll_ledger_get_totals(l, NULL), "out");
    EXPECT_NULL(coll_ledger_totals_on(NULL, ymd(2026, 3, 31), &totals), "ledger");
    EXPECT_NULL(coll_ledger_totals_on(l, ymd(2026, 3, 31), NULL), "out");

    /* Status, last date, account. */
    EXPECT_OK(coll_ledger_status(l, &status));
    EXPECT_TRUE(status == COLL_DEBT_STATUS_CURRENT);
    EXPECT_NULL(coll_ledger_status(NULL, &status_out), "ledger");
    EXPECT_NULL(coll_ledger_status(l, NULL), "out");
    EXPECT_OK(coll_ledger_last_date(l, &last));
    EXPECT_TRUE(same_date(last, ymd(2026, 2, 5)));
    EXPECT_NULL(coll_ledger_last_date(NULL, &last_out), "ledger");
    EXPECT_NULL(coll_ledger_last_date(l, NULL), "out");
    EXPECT_OK(coll_ledger_get_account(l, &account));
    EXPECT_TRUE(account.id_len == 3 && strcmp(account.id, "A-1") == 0 && strcmp(account.currency.code, "USD") == 0 &&
                same_date(account.opened_on, ymd(2026, 1, 1)) && text_is(&account.principal, "10000.00"));
    EXPECT_NULL(coll_ledger_get_account(NULL, &account_out), "ledger");
    EXPECT_NULL(coll_ledger_get_account(l, NULL), "out");

    /* Events read back, with the ledger's text. */
    EXPECT_OK(coll_ledger_event_count(l, &n));
    EXPECT_TRUE(n == 3);
    EXPECT_OK(coll_ledger_event_at(l, 1, &got));
    EXPECT_TRUE(got.kind == COLL_LEDGER_EVENT_PAYMENT && got.id_len == 2 && strcmp(got.id, "P1") == 0 &&
                got.reason == NULL && got.reason_len == 0 && text_is(&got.amount, "5000.00") &&
                strcmp(got.currency.code, "USD") == 0 && same_date(got.date, ymd(2026, 2, 1)));
    EXPECT_OK(coll_ledger_event_at(l, 2, &got));
    EXPECT_TRUE(got.kind == COLL_LEDGER_EVENT_REVERSAL && strcmp(got.id, "P1") == 0 &&
                strcmp(got.reason, "NSF") == 0 && got.reason_len == 3);
    POISON(got_out);
    EXPECT(coll_ledger_event_at(l, 3, &got_out), COLL_INVALID_ARGUMENT, "index");
    UNTOUCHED(got_out);
    EXPECT_NULL(coll_ledger_event_at(NULL, 0, &got), "ledger");
    EXPECT_NULL(coll_ledger_event_at(l, 0, NULL), "out");
    EXPECT_NULL(coll_ledger_event_count(NULL, &n), "ledger");
    EXPECT_NULL(coll_ledger_event_count(l, NULL), "out");
    /* An event read back posts again as the same event (on a copy). */
    EXPECT_OK(coll_ledger_clone(l, &copy));
    EXPECT_OK(coll_ledger_event_at(l, 1, &got));
    REFUSED(copy, got, COLL_INVALID_ARGUMENT, "id"); /* P1 is posted already */
    got.id = "P1b";
    got.id_len = 3;
    EXPECT_OK(coll_ledger_post(copy, &got, &index));
    EXPECT_TRUE(index == 3);
    EXPECT_OK(coll_ledger_event_count(l, &n));
    EXPECT_TRUE(n == 3); /* the original is unchanged */
    EXPECT_NULL(coll_ledger_clone(NULL, &copy_out), "ledger");
    EXPECT_NULL(coll_ledger_clone(l, NULL), "out");

    /* The journal. */
    EXPECT_OK(coll_ledger_entry_count(l, &n));
    EXPECT_TRUE(n >= 2);
    for (i = 0; i < n; i++) {
        EXPECT_OK(coll_ledger_entry_at(l, i, &entry));
        if (entry.kind == COLL_LEDGER_ENTRY_REVERSAL) {
            EXPECT_TRUE(entry.event == 2 && same_date(entry.date, ymd(2026, 2, 5)));
        }
        if (entry.kind == COLL_LEDGER_ENTRY_INTEREST) {
            EXPECT_TRUE(entry.event == COLL_NO_INDEX);
        }
    }
    POISON(entry_out);
    EXPECT(coll_ledger_entry_at(l, n, &entry_out), COLL_INVALID_ARGUMENT, "index");
    UNTOUCHED(entry_out);
    EXPECT_NULL(coll_ledger_entry_at(NULL, 0, &entry), "ledger");
    EXPECT_NULL(coll_ledger_entry_at(l, 0, NULL), "out");
    EXPECT_NULL(coll_ledger_entry_count(NULL, &n), "ledger");
    EXPECT_NULL(coll_ledger_entry_count(l, NULL), "out");

    /* Aging, obligations, status history, posted payments. */
    EXPECT_OK(coll_aging_rules_init(&rules));
    EXPECT_OK(coll_ledger_aging(l, ymd(2026, 3, 31), &rules, &aging));
    EXPECT_TRUE(aging.days_past_due == 59 && aging.bucket == 2 && aging.has_counting_from == 1 &&
                same_date(aging.counting_from, ymd(2026, 1, 31)));
    POISON(aging_out);
    rules.method = 9;
    EXPECT(coll_ledger_aging(l, ymd(2026, 3, 31), &rules, &aging_out), COLL_INVALID_ARGUMENT, "method");
    rules.method = COLL_SHORTFALL_PER_INSTALLMENT;
    EXPECT(coll_ledger_aging(l, ymd(2025, 3, 31), &rules, &aging_out), COLL_INVALID_ARGUMENT, "as_of");
    UNTOUCHED(aging_out);
    EXPECT_NULL(coll_ledger_aging(NULL, ymd(2026, 3, 31), &rules, &aging), "ledger");
    EXPECT_NULL(coll_ledger_aging(l, ymd(2026, 3, 31), NULL, &aging), "rules");
    EXPECT_NULL(coll_ledger_aging(l, ymd(2026, 3, 31), &rules, NULL), "out");

    EXPECT(coll_ledger_obligations_on(l, ymd(2026, 3, 31), NULL, 0, &n), COLL_BUFFER_TOO_SMALL, "out");
    EXPECT_TRUE(n == 1);
    EXPECT_OK(coll_ledger_obligations_on(l, ymd(2026, 3, 31), obligations, 4, &n));
    EXPECT_TRUE(n == 1 && same_date(obligations[0].due_date, ymd(2026, 1, 31)) &&
                text_is(&obligations[0].amount_due, "10178.00") && text_is(&obligations[0].amount_paid, "0"));
    POISON(obligations_out);
    POISON(n_out);
    EXPECT(coll_ledger_obligations_on(l, ymd(2025, 3, 31), obligations_out, 4, &n_out), COLL_INVALID_ARGUMENT,
           "as_of");
    UNTOUCHED(obligations_out);
    UNTOUCHED(n_out);
    EXPECT_NULL(coll_ledger_obligations_on(NULL, ymd(2026, 3, 31), obligations, 4, &n), "ledger");
    EXPECT_NULL(coll_ledger_obligations_on(l, ymd(2026, 3, 31), NULL, 4, &n), "out");
    EXPECT_NULL(coll_ledger_obligations_on(l, ymd(2026, 3, 31), obligations, 4, NULL), "out_len");

    EXPECT_OK(coll_ledger_status_history(l, &history));
    EXPECT_OK(coll_status_history_current(history, &status));
    EXPECT_TRUE(status == COLL_DEBT_STATUS_CURRENT);
    coll_status_history_free(history);
    EXPECT_NULL(coll_ledger_status_history(NULL, &history_out), "ledger");
    EXPECT_NULL(coll_ledger_status_history(l, NULL), "out");

    /* The reversed P1 is not a posted payment; the copy's P1b is. */
    EXPECT_OK(coll_ledger_posted_payments(l, records, 4, &n));
    EXPECT_TRUE(n == 0);
    EXPECT(coll_ledger_posted_payments(copy, NULL, 0, &n), COLL_BUFFER_TOO_SMALL, "out");
    EXPECT_TRUE(n == 1);
    POISON(records_out);
    POISON(n_out);
    EXPECT_NULL(coll_ledger_posted_payments(NULL, records_out, 4, &n_out), "ledger");
    EXPECT_NULL(coll_ledger_posted_payments(copy, NULL, 4, &n_out), "out");
    EXPECT_NULL(coll_ledger_posted_payments(copy, records_out, 4, NULL), "out_len");
    UNTOUCHED(records_out);
    UNTOUCHED(n_out);
    EXPECT_OK(coll_ledger_posted_payments(copy, records, 4, &n));
    EXPECT_TRUE(n == 1 && records[0].reference_len == 3 && strcmp(records[0].reference, "P1b") == 0 &&
                strcmp(records[0].account_id, "A-1") == 0 && text_is(&records[0].amount, "5000.00") &&
                same_date(records[0].date, ymd(2026, 2, 1)));
    /* Lent text stays valid while more events are posted. */
    for (i = 0; i < 50; i++) {
        char id[16];
        snprintf(id, sizeof id, "X%lu", (unsigned long)i);
        e = payment_event(ymd(2026, 3, 1), id, "1.00");
        EXPECT_OK(coll_ledger_post(copy, &e, &index));
    }
    EXPECT_TRUE(strcmp(records[0].reference, "P1b") == 0 && strcmp(records[0].account_id, "A-1") == 0);
    /* The posted payments as plan tracking takes them: P1b's date and amount. A record with a zero amount
     * is refused, naming it, and nothing is written. */
    {
        coll_plan_payment plan_payments[2], plan_out[2];
        coll_payment_record bad_records[2];
        EXPECT_OK(coll_payment_records_to_plan_payments(records, 1, plan_payments));
        EXPECT_TRUE(same_date(plan_payments[0].date, ymd(2026, 2, 1)) &&
                    text_is(&plan_payments[0].amount, "5000.00"));
        EXPECT_OK(coll_payment_records_to_plan_payments(NULL, 0, NULL));
        bad_records[0] = records[0];
        bad_records[1] = records[0];
        bad_records[1].amount = dec("0");
        POISON(plan_out);
        EXPECT(coll_payment_records_to_plan_payments(bad_records, 2, plan_out), COLL_INVALID_ARGUMENT, "amount");
        UNTOUCHED(plan_out);
        EXPECT_NULL(coll_payment_records_to_plan_payments(NULL, 1, plan_out), "records");
        EXPECT_NULL(coll_payment_records_to_plan_payments(records, 1, NULL), "out");
    }
    coll_ledger_free(copy);
    coll_ledger_free(l);
}

/* ---------------------------------------------------------------- reconciliation */

static coll_payment_record record(const char *reference, const char *account, coll_date date, const char *amount,
                                  const char *code) {
    coll_payment_record r;
    r.reference = reference;
    r.reference_len = strlen(reference);
    r.account_id = account;
    r.account_id_len = strlen(account);
    r.date = date;
    r.amount = dec(amount);
    r.currency = currency(code);
    return r;
}

static void test_reconcile(void) {
    coll_payment_record bank[3], posted[2], bad[1];
    coll_tolerances tol, bad_tol;
    coll_reconciliation *r = NULL, *r_out;
    coll_discrepancy d, d_out;
    coll_expected_installment plan[3], bad_plan[2];
    coll_dated_amount paid[2], bad_paid[2];
    coll_expected_comparison *c = NULL, *c_out;
    coll_expected_outcome o, o_out;
    coll_decimal unapplied;
    size_t n = 99, i_rep = 99, j_post = 99, rep_out, post_out;
    coll_ledger *l;
    coll_ledger_event e;
    coll_payment_record from_ledger[2];
    size_t index;

    EXPECT_OK(coll_tolerances_init(&tol));
    EXPECT_TRUE(tol.date_days == 0 && text_is(&tol.amount, "0") && tol.match_window_days == 3);
    EXPECT_NULL(coll_tolerances_init(NULL), "out");

    /* T1 agrees; T2 was posted to A-9 but reported for A-2; T3 was never posted. */
    bank[0] = record("T1", "A-1", ymd(2026, 3, 2), "100.00", "EUR");
    bank[1] = record("T2", "A-2", ymd(2026, 3, 3), "50.00", "EUR");
    bank[2] = record("T3", "A-3", ymd(2026, 3, 4), "7.00", "EUR");
    posted[0] = record("T1", "A-1", ymd(2026, 3, 2), "100.00", "EUR");
    posted[1] = record("T2", "A-9", ymd(2026, 3, 3), "50.00", "EUR");
    EXPECT_OK(coll_reconcile(bank, 3, posted, 2, &tol, &r));
    EXPECT_OK(coll_reconciliation_matched_count(r, &n));
    EXPECT_TRUE(n == 1);
    EXPECT_OK(coll_reconciliation_matched_at(r, 0, &i_rep, &j_post));
    EXPECT_TRUE(i_rep == 0 && j_post == 0);
    POISON(rep_out);
    POISON(post_out);
    EXPECT(coll_reconciliation_matched_at(r, 1, &rep_out, &post_out), COLL_INVALID_ARGUMENT, "index");
    UNTOUCHED(rep_out);
    UNTOUCHED(post_out);
    EXPECT_NULL(coll_reconciliation_matched_at(NULL, 0, &i_rep, &j_post), "reconciliation");
    EXPECT_NULL(coll_reconciliation_matched_at(r, 0, NULL, &j_post), "out_reported");
    EXPECT_NULL(coll_reconciliation_matched_at(r, 0, &i_rep, NULL), "out_posted");
    EXPECT_NULL(coll_reconciliation_matched_count(NULL, &n), "reconciliation");
    EXPECT_NULL(coll_reconciliation_matched_count(r, NULL), "out");
    EXPECT_OK(coll_reconciliation_discrepancy_count(r, &n));
    EXPECT_TRUE(n == 2);
    EXPECT_OK(coll_reconciliation_discrepancy_at(r, 0, &d));
    EXPECT_TRUE(d.kind == COLL_DISCREPANCY_WRONG_ACCOUNT && d.reported == 1 && d.posted == 1 &&
                d.has_difference == 0 && strcmp(d.resolution, "move the posting from account A-9 to A-2") == 0 &&
                d.resolution_len == strlen(d.resolution));
    EXPECT_OK(coll_reconciliation_discrepancy_at(r, 1, &d));
    EXPECT_TRUE(d.kind == COLL_DISCREPANCY_MISSING_IN_LEDGER && d.reported == 2 && d.posted == COLL_NO_INDEX &&
                strcmp(d.resolution, "post 7.00 EUR to account A-3 dated 2026-03-04") == 0);
    POISON(d_out);
    EXPECT(coll_reconciliation_discrepancy_at(r, 2, &d_out), COLL_INVALID_ARGUMENT, "index");
    UNTOUCHED(d_out);
    EXPECT_NULL(coll_reconciliation_discrepancy_at(NULL, 0, &d), "reconciliation");
    EXPECT_NULL(coll_reconciliation_discrepancy_at(r, 0, NULL), "out");
    EXPECT_NULL(coll_reconciliation_discrepancy_count(NULL, &n), "reconciliation");
    EXPECT_NULL(coll_reconciliation_discrepancy_count(r, NULL), "out");
    coll_reconciliation_free(r);
    coll_reconciliation_free(NULL);

    /* An amount mismatch has its difference. */
    posted[1] = record("T2", "A-2", ymd(2026, 3, 3), "45.00", "EUR");
    EXPECT_OK(coll_reconcile(bank, 2, posted, 2, &tol, &r));
    EXPECT_OK(coll_reconciliation_discrepancy_at(r, 0, &d));
    EXPECT_TRUE(d.kind == COLL_DISCREPANCY_AMOUNT_MISMATCH && d.has_difference == 1 && text_is(&d.difference, "5.00"));
    coll_reconciliation_free(r);
    r = NULL;
    /* Empty lists may be NULL. */
    EXPECT_OK(coll_reconcile(NULL, 0, NULL, 0, &tol, &r));
    EXPECT_OK(coll_reconciliation_discrepancy_count(r, &n));
    EXPECT_TRUE(n == 0);
    coll_reconciliation_free(r);

    /* Bad input names its side and record. */
    POISON(r_out);
    bad[0] = record(" ", "A-1", ymd(2026, 3, 2), "1.00", "EUR");
    EXPECT(coll_reconcile(bad, 1, posted, 2, &tol, &r_out), COLL_INVALID_ARGUMENT, "reference");
    bad[0] = record("T1", "", ymd(2026, 3, 2), "1.00", "EUR");
    EXPECT(coll_reconcile(bank, 3, bad, 1, &tol, &r_out), COLL_INVALID_ARGUMENT, "account_id");
    bad[0] = record("T1", "A-1", ymd(2026, 3, 2), "-1.00", "EUR");
    EXPECT(coll_reconcile(bank, 3, bad, 1, &tol, &r_out), COLL_INVALID_ARGUMENT, "amount");
    bad[0] = record("T1", "A-1", ymd(2026, 3, 2), "0", "EUR");
    EXPECT(coll_reconcile(bad, 1, posted, 2, &tol, &r_out), COLL_INVALID_ARGUMENT, "amount");
    bad[0] = record("T1", "A-1", ymd(2026, 3, 32), "1.00", "EUR");
    EXPECT(coll_reconcile(bad, 1, posted, 2, &tol, &r_out), COLL_INVALID_DATE, "reported");
    EXPECT_TRUE(strstr(coll_last_error_message(), "#0") != NULL);
    bad[0] = record("T1", "A-1", ymd(2026, 3, 2), "1.00", "EUR");
    bad[0].currency.code[0] = 'e';
    bad[0].currency.code[2] = '1';
    EXPECT(coll_reconcile(bad, 1, posted, 2, &tol, &r_out), COLL_UNKNOWN_CURRENCY, "reported");
    bad[0] = record("T1", "A-1", ymd(2026, 3, 2), "1.00", "EUR");
    bad[0].reference = BAD_UTF8;
    bad[0].reference_len = 2;
    EXPECT(coll_reconcile(bank, 3, bad, 1, &tol, &r_out), COLL_INVALID_UTF8, "posted");
    bad_tol = tol;
    bad_tol.amount = dec("-0.01");
    EXPECT(coll_reconcile(bank, 3, posted, 2, &bad_tol, &r_out), COLL_INVALID_ARGUMENT, "tolerances.amount");
    bad_tol.amount.scale = 31;
    EXPECT(coll_reconcile(bank, 3, posted, 2, &bad_tol, &r_out), COLL_INVALID_DECIMAL, "tolerances.amount");
    UNTOUCHED(r_out);
    EXPECT_NULL(coll_reconcile(NULL, 3, posted, 2, &tol, &r_out), "reported");
    EXPECT_NULL(coll_reconcile(bank, 3, NULL, 2, &tol, &r_out), "posted");
    EXPECT_NULL(coll_reconcile(bank, 3, posted, 2, NULL, &r_out), "tolerances");
    EXPECT_NULL(coll_reconcile(bank, 3, posted, 2, &tol, NULL), "out");

    /* The ledger's posted payments reconcile against a bank report directly. */
    l = seven_thirty();
    e = payment_event(ymd(2026, 2, 1), "T1", "100.00");
    EXPECT_OK(coll_ledger_post(l, &e, &index));
    EXPECT_OK(coll_ledger_posted_payments(l, from_ledger, 2, &n));
    bank[0] = record("T1", "A-1", ymd(2026, 2, 1), "100.00", "USD");
    EXPECT_OK(coll_reconcile(bank, 1, from_ledger, n, &tol, &r));
    EXPECT_OK(coll_reconciliation_matched_count(r, &n));
    EXPECT_TRUE(n == 1);
    coll_reconciliation_free(r);
    coll_ledger_free(l);

    /* 100 due on the 28th of January to March, 5 days' grace; 100 paid January 27 and 60 March 5. */
    plan[0].due_date = ymd(2026, 1, 28);
    plan[1].due_date = ymd(2026, 2, 28);
    plan[2].due_date = ymd(2026, 3, 28);
    plan[0].amount = plan[1].amount = plan[2].amount = dec("100");
    paid[0].date = ymd(2026, 1, 27);
    paid[0].amount = dec("100");
    paid[1].date = ymd(2026, 3, 5);
    paid[1].amount = dec("60");
    EXPECT_OK(coll_compare_to_expected(plan, 3, paid, 2, 5, ymd(2026, 4, 10), &c));
    EXPECT_OK(coll_expected_comparison_installment_count(c, &n));
    EXPECT_TRUE(n == 3);
    EXPECT_OK(coll_expected_comparison_installment_at(c, 0, &o));
    EXPECT_TRUE(o.status == COLL_EXPECTED_PAID && o.has_paid_on == 1 && same_date(o.paid_on, ymd(2026, 1, 27)) &&
                text_is(&o.covered, "100") && same_date(o.due_date, ymd(2026, 1, 28)) && text_is(&o.amount, "100"));
    EXPECT_OK(coll_expected_comparison_installment_at(c, 1, &o));
    EXPECT_TRUE(o.status == COLL_EXPECTED_SHORT && o.has_paid_on == 0 && text_is(&o.shortfall, "40"));
    EXPECT_OK(coll_expected_comparison_installment_at(c, 2, &o));
    EXPECT_TRUE(o.status == COLL_EXPECTED_MISSED && text_is(&o.covered, "0"));
    EXPECT_OK(coll_expected_comparison_unapplied(c, &unapplied));
    EXPECT_TRUE(text_is(&unapplied, "0"));
    POISON(o_out);
    EXPECT(coll_expected_comparison_installment_at(c, 3, &o_out), COLL_INVALID_ARGUMENT, "index");
    UNTOUCHED(o_out);
    EXPECT_NULL(coll_expected_comparison_installment_at(NULL, 0, &o), "comparison");
    EXPECT_NULL(coll_expected_comparison_installment_at(c, 0, NULL), "out");
    EXPECT_NULL(coll_expected_comparison_installment_count(NULL, &n), "comparison");
    EXPECT_NULL(coll_expected_comparison_installment_count(c, NULL), "out");
    EXPECT_NULL(coll_expected_comparison_unapplied(NULL, &unapplied), "comparison");
    EXPECT_NULL(coll_expected_comparison_unapplied(c, NULL), "out");
    coll_expected_comparison_free(c);
    coll_expected_comparison_free(NULL);
    /* On March 31 the March installment is still in its grace days. */
    EXPECT_OK(coll_compare_to_expected(plan, 3, paid, 2, 5, ymd(2026, 3, 31), &c));
    EXPECT_OK(coll_expected_comparison_installment_at(c, 2, &o));
    EXPECT_TRUE(o.status == COLL_EXPECTED_NOT_DUE);
    coll_expected_comparison_free(c);

    POISON(c_out);
    bad_plan[0] = plan[1];
    bad_plan[1] = plan[0];
    EXPECT(coll_compare_to_expected(bad_plan, 2, paid, 2, 5, ymd(2026, 4, 10), &c_out), COLL_INVALID_ARGUMENT,
           "expected");
    bad_plan[0] = plan[0];
    bad_plan[1] = plan[1];
    bad_plan[1].amount = dec("0");
    EXPECT(coll_compare_to_expected(bad_plan, 2, paid, 2, 5, ymd(2026, 4, 10), &c_out), COLL_INVALID_ARGUMENT,
           "expected");
    bad_plan[1].due_date = ymd(2026, 2, 29);
    EXPECT(coll_compare_to_expected(bad_plan, 2, paid, 2, 5, ymd(2026, 4, 10), &c_out), COLL_INVALID_DATE,
           "expected");
    bad_paid[0] = paid[1];
    bad_paid[1] = paid[0];
    EXPECT(coll_compare_to_expected(plan, 3, bad_paid, 2, 5, ymd(2026, 4, 10), &c_out), COLL_INVALID_ARGUMENT,
           "received");
    bad_paid[0] = paid[0];
    bad_paid[1] = paid[1];
    bad_paid[1].amount = dec("-60");
    EXPECT(coll_compare_to_expected(plan, 3, bad_paid, 2, 5, ymd(2026, 4, 10), &c_out), COLL_INVALID_ARGUMENT,
           "received");
    bad_paid[1].amount.scale = 29;
    EXPECT(coll_compare_to_expected(plan, 3, bad_paid, 2, 5, ymd(2026, 4, 10), &c_out), COLL_INVALID_DECIMAL,
           "received");
    EXPECT(coll_compare_to_expected(plan, 3, paid, 2, 5, ymd(2026, 4, 31), &c_out), COLL_INVALID_DATE, "as_of");
    /* Amounts above 10^15 (whose sums could leave the decimal range) are refused, not summed. */
    bad_paid[0] = paid[0];
    bad_paid[1] = paid[1];
    bad_paid[0].amount = dec("50000000000000000000000000000");
    bad_paid[1].amount = dec("50000000000000000000000000000");
    EXPECT(coll_compare_to_expected(plan, 3, bad_paid, 2, 5, ymd(2026, 4, 10), &c_out), COLL_INVALID_ARGUMENT,
           "received");
    EXPECT(coll_compare_to_expected(plan, 3, bad_paid, 2, 5, ymd(2026, 2, 1), &c_out), COLL_INVALID_ARGUMENT,
           "received");
    UNTOUCHED(c_out);
    EXPECT_NULL(coll_compare_to_expected(NULL, 3, paid, 2, 5, ymd(2026, 4, 10), &c_out), "expected");
    EXPECT_NULL(coll_compare_to_expected(plan, 3, NULL, 2, 5, ymd(2026, 4, 10), &c_out), "received");
    EXPECT_NULL(coll_compare_to_expected(plan, 3, paid, 2, 5, ymd(2026, 4, 10), NULL), "out");
    EXPECT_OK(coll_compare_to_expected(NULL, 0, NULL, 0, 0, ymd(2026, 4, 10), &c));
    coll_expected_comparison_free(c);
}

/* ---------------------------------------------------------------- aging over time, roll rates */

static void test_aging_history(void) {
    coll_decimal earlier[3], now[3];
    coll_roll_rate rates[2], rates_out[2];
    coll_obligation ob[2], obligations[3], obligations_out[3];
    coll_aging_account accounts[2];
    coll_aging_rules rules;
    coll_account_age ages[2];
    coll_bucket_totals january[8], february[8];
    coll_dated_amount dues[3], payments[1], bad_dues[2];
    coll_account_activity activity, bad;
    coll_month_end_aging months[4], months_out[4];
    coll_delinquency_history *h = NULL, *h_out;
    coll_delinquency_change point, point_out;
    coll_date last, last_out;
    bool has = false, has_out;
    size_t n = 99, n_out;

    /* Roll rates from balances: 100 / 1000 and 40 / 200. */
    earlier[0] = dec("1000");
    earlier[1] = dec("200");
    earlier[2] = dec("50");
    now[0] = dec("900");
    now[1] = dec("100");
    now[2] = dec("40");
    EXPECT(coll_roll_rates(earlier, now, 3, NULL, 0, &n), COLL_BUFFER_TOO_SMALL, "out");
    EXPECT_TRUE(n == 2);
    EXPECT_OK(coll_roll_rates(earlier, now, 3, rates, 2, &n));
    EXPECT_TRUE(n == 2 && rates[0].has_rate == 1 && text_is(&rates[0].rate, "0.10") && rates[1].has_rate == 1 &&
                text_is(&rates[1].rate, "0.20"));
    earlier[1] = dec("0");
    EXPECT_OK(coll_roll_rates(earlier, now, 3, rates, 2, &n));
    EXPECT_TRUE(rates[1].has_rate == 0);
    POISON(rates_out);
    POISON(n_out);
    EXPECT(coll_roll_rates(earlier, now, 1, rates_out, 2, &n_out), COLL_INVALID_ARGUMENT, "now");
    earlier[1] = dec("-1");
    EXPECT(coll_roll_rates(earlier, now, 3, rates_out, 2, &n_out), COLL_INVALID_ARGUMENT, "earlier");
    earlier[1].scale = 29;
    EXPECT(coll_roll_rates(earlier, now, 3, rates_out, 2, &n_out), COLL_INVALID_DECIMAL, "earlier");
    earlier[1] = dec("200");
    EXPECT_NULL(coll_roll_rates(NULL, now, 3, rates_out, 2, &n_out), "earlier");
    EXPECT_NULL(coll_roll_rates(earlier, NULL, 3, rates_out, 2, &n_out), "now");
    EXPECT_NULL(coll_roll_rates(earlier, now, 3, NULL, 2, &n_out), "out");
    EXPECT_NULL(coll_roll_rates(earlier, now, 3, rates_out, 2, NULL), "out_len");
    UNTOUCHED(rates_out);
    UNTOUCHED(n_out);

    /* Between two portfolio agings: both accounts in 1-30 on January 31 and in 31-60 on February 28. */
    ob[0].due_date = ymd(2026, 1, 10);
    ob[1].due_date = ymd(2026, 1, 20);
    ob[0].amount_due = ob[1].amount_due = dec("10");
    ob[0].amount_paid = ob[1].amount_paid = dec("0");
    accounts[0].obligations = &ob[0];
    accounts[1].obligations = &ob[1];
    accounts[0].n_obligations = accounts[1].n_obligations = 1;
    accounts[0].frozen = accounts[1].frozen = NULL;
    accounts[0].n_frozen = accounts[1].n_frozen = 0;
    EXPECT_OK(coll_aging_rules_init(&rules));
    EXPECT_OK(coll_age_portfolio(accounts, 2, ymd(2026, 1, 31), &rules, ages, 2, january, 8));
    EXPECT_OK(coll_age_portfolio(accounts, 2, ymd(2026, 2, 28), &rules, ages, 2, february, 8));
    EXPECT(coll_portfolio_roll_rates(january, ymd(2026, 1, 31), february, ymd(2026, 2, 28), 8,
                                     COLL_ROLL_MEASURE_OUTSTANDING, NULL, 0, &n),
           COLL_BUFFER_TOO_SMALL, "out");
    EXPECT_TRUE(n == 7);
    {
        coll_roll_rate seven[7];
        EXPECT_OK(coll_portfolio_roll_rates(january, ymd(2026, 1, 31), february, ymd(2026, 2, 28), 8,
                                            COLL_ROLL_MEASURE_ACCOUNTS, seven, 7, &n));
        EXPECT_TRUE(n == 7 && seven[1].has_rate == 1 && text_is(&seven[1].rate, "1") && seven[2].has_rate == 0);
    }
    POISON(rates_out);
    EXPECT(coll_portfolio_roll_rates(february, ymd(2026, 2, 28), january, ymd(2026, 1, 31), 8,
                                     COLL_ROLL_MEASURE_OUTSTANDING, rates_out, 2, &n_out),
           COLL_INVALID_ARGUMENT, "earlier");
    EXPECT(coll_portfolio_roll_rates(january, ymd(2026, 1, 31), february, ymd(2026, 2, 28), 8, 3, rates_out, 2,
                                     &n_out),
           COLL_INVALID_ARGUMENT, "measure");
    EXPECT(coll_portfolio_roll_rates(january, ymd(2026, 1, 32), february, ymd(2026, 2, 28), 8,
                                     COLL_ROLL_MEASURE_PAST_DUE, rates_out, 2, &n_out),
           COLL_INVALID_DATE, "earlier");
    EXPECT(coll_portfolio_roll_rates(january, ymd(2026, 1, 31), february, ymd(2026, 2, 28), 8,
                                     COLL_ROLL_MEASURE_PAST_DUE, rates_out, 2, &n_out),
           COLL_BUFFER_TOO_SMALL, "out");
    EXPECT_TRUE(n_out == 7);
    UNTOUCHED(rates_out);
    EXPECT_NULL(coll_portfolio_roll_rates(NULL, ymd(2026, 1, 31), february, ymd(2026, 2, 28), 8,
                                          COLL_ROLL_MEASURE_PAST_DUE, rates, 2, &n),
                "earlier");
    EXPECT_NULL(coll_portfolio_roll_rates(january, ymd(2026, 1, 31), NULL, ymd(2026, 2, 28), 8,
                                          COLL_ROLL_MEASURE_PAST_DUE, rates, 2, &n),
                "now");
    EXPECT_NULL(coll_portfolio_roll_rates(january, ymd(2026, 1, 31), february, ymd(2026, 2, 28), 8,
                                          COLL_ROLL_MEASURE_PAST_DUE, rates, 2, NULL),
                "out_len");

    /* 100 due on the 1st of January to March, 100 paid on February 20. */
    dues[0].date = ymd(2026, 1, 1);
    dues[1].date = ymd(2026, 2, 1);
    dues[2].date = ymd(2026, 3, 1);
    dues[0].amount = dues[1].amount = dues[2].amount = dec("100");
    payments[0].date = ymd(2026, 2, 20);
    payments[0].amount = dec("100");
    activity.dues = dues;
    activity.n_dues = 3;
    activity.payments = payments;
    activity.n_payments = 1;
    activity.frozen = NULL;
    activity.n_frozen = 0;
    EXPECT_OK(coll_delinquency_history_new(&activity, ymd(2026, 1, 1), ymd(2026, 3, 31), &rules, &h));
    EXPECT_OK(coll_delinquency_history_count(h, &n));
    EXPECT_TRUE(n == 7);
    EXPECT_OK(coll_delinquency_history_at(h, 4, &point));
    EXPECT_TRUE(same_date(point.date, ymd(2026, 2, 20)) && point.days_past_due == 19 && point.bucket == 1 &&
                strcmp(point.bucket_label, "1-30") == 0 && point.bucket_label_len == 4 &&
                point.has_counting_from == 1 && same_date(point.counting_from, ymd(2026, 2, 1)) &&
                point.frozen == 0 && text_is(&point.past_due_amount, "100"));
    EXPECT_OK(coll_delinquency_history_at(h, 0, &point));
    EXPECT_TRUE(point.has_counting_from == 0 && strcmp(point.bucket_label, "current") == 0);
    POISON(point_out);
    EXPECT(coll_delinquency_history_at(h, 7, &point_out), COLL_INVALID_ARGUMENT, "index");
    UNTOUCHED(point_out);
    EXPECT_NULL(coll_delinquency_history_at(NULL, 0, &point), "history");
    EXPECT_NULL(coll_delinquency_history_at(h, 0, NULL), "out");
    EXPECT_NULL(coll_delinquency_history_count(NULL, &n), "history");
    EXPECT_NULL(coll_delinquency_history_count(h, NULL), "out");
    coll_delinquency_history_free(h);
    coll_delinquency_history_free(NULL);
    POISON(h_out);
    EXPECT(coll_delinquency_history_new(&activity, ymd(2026, 3, 1), ymd(2026, 2, 1), &rules, &h_out),
           COLL_INVALID_ARGUMENT, "to");
    bad = activity;
    bad_dues[0] = dues[1];
    bad_dues[1] = dues[0];
    bad.dues = bad_dues;
    bad.n_dues = 2;
    EXPECT(coll_delinquency_history_new(&bad, ymd(2026, 1, 1), ymd(2026, 3, 31), &rules, &h_out),
           COLL_INVALID_ARGUMENT, "dues");
    bad = activity;
    bad_dues[0] = payments[0];
    bad_dues[0].amount = dec("-1");
    bad.payments = bad_dues;
    EXPECT(coll_delinquency_history_new(&bad, ymd(2026, 1, 1), ymd(2026, 3, 31), &rules, &h_out),
           COLL_INVALID_ARGUMENT, "payments");
    bad_dues[0].date = ymd(2026, 2, 30);
    EXPECT(coll_delinquency_history_new(&bad, ymd(2026, 1, 1), ymd(2026, 3, 31), &rules, &h_out),
           COLL_INVALID_DATE, "payments");
    bad = activity;
    bad.frozen = NULL;
    bad.n_frozen = 1;
    EXPECT(coll_delinquency_history_new(&bad, ymd(2026, 1, 1), ymd(2026, 3, 31), &rules, &h_out),
           COLL_NULL_ARGUMENT, "frozen");
    UNTOUCHED(h_out);
    EXPECT_NULL(coll_delinquency_history_new(NULL, ymd(2026, 1, 1), ymd(2026, 3, 31), &rules, &h_out), "activity");
    EXPECT_NULL(coll_delinquency_history_new(&activity, ymd(2026, 1, 1), ymd(2026, 3, 31), NULL, &h_out), "rules");
    EXPECT_NULL(coll_delinquency_history_new(&activity, ymd(2026, 1, 1), ymd(2026, 3, 31), &rules, NULL), "out");

    /* Month ends: January 31 (30 days), February 28 (27 days, from February 1), March 31 (58 days). */
    EXPECT(coll_month_end_agings(&activity, ymd(2026, 1, 1), ymd(2026, 3, 31), &rules, NULL, 0, &n),
           COLL_BUFFER_TOO_SMALL, "out");
    EXPECT_TRUE(n == 3);
    EXPECT_OK(coll_month_end_agings(&activity, ymd(2026, 1, 1), ymd(2026, 3, 31), &rules, months, 4, &n));
    EXPECT_TRUE(n == 3 && same_date(months[0].as_of, ymd(2026, 1, 31)) && months[0].aging.days_past_due == 30 &&
                same_date(months[1].as_of, ymd(2026, 2, 28)) && months[1].aging.days_past_due == 27 &&
                months[2].aging.days_past_due == 58);
    POISON(months_out);
    POISON(n_out);
    EXPECT(coll_month_end_agings(&activity, ymd(2026, 3, 1), ymd(2026, 1, 1), &rules, months_out, 4, &n_out),
           COLL_INVALID_ARGUMENT, "to");
    EXPECT(coll_month_end_agings(&activity, ymd(2026, 1, 1), ymd(2026, 3, 31), &rules, months_out, 2, &n_out),
           COLL_BUFFER_TOO_SMALL, "out");
    EXPECT_TRUE(n_out == 3);
    UNTOUCHED(months_out);
    EXPECT_NULL(coll_month_end_agings(NULL, ymd(2026, 1, 1), ymd(2026, 3, 31), &rules, months, 4, &n), "activity");
    EXPECT_NULL(coll_month_end_agings(&activity, ymd(2026, 1, 1), ymd(2026, 3, 31), NULL, months, 4, &n), "rules");
    EXPECT_NULL(coll_month_end_agings(&activity, ymd(2026, 1, 1), ymd(2026, 3, 31), &rules, NULL, 4, &n), "out");
    EXPECT_NULL(coll_month_end_agings(&activity, ymd(2026, 1, 1), ymd(2026, 3, 31), &rules, months, 4, NULL),
                "out_len");

    /* Obligations and the last payment on a date. */
    EXPECT_OK(coll_account_activity_obligations_on(&activity, ymd(2026, 2, 28), obligations, 3, &n));
    EXPECT_TRUE(n == 3 && text_is(&obligations[0].amount_paid, "100") && text_is(&obligations[1].amount_paid, "0"));
    EXPECT(coll_account_activity_obligations_on(&activity, ymd(2026, 2, 28), NULL, 0, &n), COLL_BUFFER_TOO_SMALL,
           "out");
    EXPECT_TRUE(n == 3);
    POISON(obligations_out);
    POISON(n_out);
    EXPECT(coll_account_activity_obligations_on(&activity, ymd(2026, 2, 29), obligations_out, 3, &n_out),
           COLL_INVALID_DATE, "date");
    UNTOUCHED(obligations_out);
    UNTOUCHED(n_out);
    EXPECT_NULL(coll_account_activity_obligations_on(NULL, ymd(2026, 2, 28), obligations, 3, &n), "activity");
    EXPECT_NULL(coll_account_activity_obligations_on(&activity, ymd(2026, 2, 28), NULL, 3, &n), "out");
    EXPECT_NULL(coll_account_activity_obligations_on(&activity, ymd(2026, 2, 28), obligations, 3, NULL), "out_len");
    EXPECT_OK(coll_account_activity_last_payment_on(&activity, ymd(2026, 3, 31), &has, &last));
    EXPECT_TRUE(has && same_date(last, ymd(2026, 2, 20)));
    EXPECT_OK(coll_account_activity_last_payment_on(&activity, ymd(2026, 2, 19), &has, &last));
    EXPECT_TRUE(!has && last.year == 0);
    POISON(has_out);
    POISON(last_out);
    EXPECT(coll_account_activity_last_payment_on(&activity, ymd(2026, 2, 30), &has_out, &last_out), COLL_INVALID_DATE,
           "date");
    UNTOUCHED(has_out);
    UNTOUCHED(last_out);
    EXPECT_NULL(coll_account_activity_last_payment_on(NULL, ymd(2026, 3, 31), &has, &last), "activity");
    EXPECT_NULL(coll_account_activity_last_payment_on(&activity, ymd(2026, 3, 31), NULL, &last), "out_has_value");
    EXPECT_NULL(coll_account_activity_last_payment_on(&activity, ymd(2026, 3, 31), &has, NULL), "out");
}

/* ---------------------------------------------------------------- affordability */

static void test_affordability_names(void) {
    coll_section section, section_out;
    const char *text = NULL, *text_out;

    NAMES(category, "Food and Housekeeping", "food_and_housekeeping", COLL_CATEGORY_FOOD_AND_HOUSEKEEPING, 24,
          "category");
    NAMES(section, "Fixed-Costs", "fixed_costs", COLL_SECTION_FIXED_COSTS, 5, "section");
    NAMES(guideline_rule, "LESSER OF", "lesser_of", COLL_GUIDELINE_RULE_LESSER_OF, 3, "rule");
    NAMES(guideline_unit, "person-65-or-over", "person_65_or_over", COLL_GUIDELINE_UNIT_PERSON_65_OR_OVER, 5, "unit");
    NAMES(flag_kind, "Unusually High", "unusually_high", COLL_FLAG_KIND_UNUSUALLY_HIGH, 2, "flag");
    NAMES(line_kind, "NOTE", "note", COLL_LINE_KIND_NOTE, 4, "line_kind");
    NAMES(offer_basis, "pro-rata", "pro_rata", COLL_OFFER_BASIS_PRO_RATA, 2, "basis");
    NAMES(freeze_interest, "when payment below interest", "when_payment_below_interest",
          COLL_FREEZE_INTEREST_WHEN_PAYMENT_BELOW_INTEREST, 3, "freeze_interest");
    NAMES(minimum_payment_kind, "IRS-Streamlined", "irs_streamlined", COLL_MINIMUM_PAYMENT_IRS_STREAMLINED, 2,
          "minimum_payment_kind");
    NAMES(fallback_kind, "Breathing Space", "breathing_space", COLL_FALLBACK_BREATHING_SPACE, 3, "fallback");
    EXPECT_NULL(coll_category_from_name("care", 4, NULL), "out");
    EXPECT_NULL(coll_category_name(COLL_CATEGORY_CARE, NULL), "out");
    EXPECT_NULL(coll_section_from_name("income", 6, NULL), "out");
    EXPECT_NULL(coll_section_name(COLL_SECTION_INCOME, NULL), "out");
    EXPECT_NULL(coll_guideline_rule_from_name("trigger", 7, NULL), "out");
    EXPECT_NULL(coll_guideline_rule_name(COLL_GUIDELINE_RULE_TRIGGER, NULL), "out");
    EXPECT_NULL(coll_guideline_unit_from_name("person", 6, NULL), "out");
    EXPECT_NULL(coll_guideline_unit_name(COLL_GUIDELINE_UNIT_PERSON, NULL), "out");
    EXPECT_NULL(coll_flag_kind_from_name("unusually_low", 13, NULL), "out");
    EXPECT_NULL(coll_flag_kind_name(COLL_FLAG_KIND_UNUSUALLY_LOW, NULL), "out");
    EXPECT_NULL(coll_line_kind_from_name("item", 4, NULL), "out");
    EXPECT_NULL(coll_line_kind_name(COLL_LINE_KIND_ITEM, NULL), "out");
    EXPECT_NULL(coll_offer_basis_from_name("token", 5, NULL), "out");
    EXPECT_NULL(coll_offer_basis_name(COLL_OFFER_BASIS_TOKEN, NULL), "out");
    EXPECT_NULL(coll_freeze_interest_from_name("never", 5, NULL), "out");
    EXPECT_NULL(coll_freeze_interest_name(COLL_FREEZE_INTEREST_NEVER, NULL), "out");
    EXPECT_NULL(coll_minimum_payment_kind_from_name("fixed", 5, NULL), "out");
    EXPECT_NULL(coll_minimum_payment_kind_name(COLL_MINIMUM_PAYMENT_FIXED, NULL), "out");
    EXPECT_NULL(coll_fallback_kind_from_name("forbearance", 11, NULL), "out");
    EXPECT_NULL(coll_fallback_kind_name(COLL_FALLBACK_FORBEARANCE, NULL), "out");

    /* The categories' sections and their SFS and IRS mapping. */
    EXPECT_OK(coll_category_section(COLL_CATEGORY_EARNINGS, &section));
    EXPECT_TRUE(section == COLL_SECTION_INCOME);
    EXPECT_OK(coll_category_section(COLL_CATEGORY_SAVINGS_CONTRIBUTION, &section));
    EXPECT_TRUE(section == COLL_SECTION_SAVINGS);
    EXPECT_OK(coll_category_section(COLL_CATEGORY_PRIORITY_DEBT_PAYMENTS, &section));
    EXPECT_TRUE(section == COLL_SECTION_PRIORITY_DEBTS);
    EXPECT_OK(coll_category_section(COLL_CATEGORY_PERSONAL_COSTS, &section));
    EXPECT_TRUE(section == COLL_SECTION_FLEXIBLE_COSTS);
    POISON(section_out);
    EXPECT(coll_category_section(24, &section_out), COLL_INVALID_ARGUMENT, "category");
    UNTOUCHED(section_out);
    EXPECT_NULL(coll_category_section(COLL_CATEGORY_EARNINGS, NULL), "out");
    EXPECT_OK(coll_category_sfs_group(COLL_CATEGORY_UTILITIES, &text));
    EXPECT_TRUE(text != NULL && strcmp(text, "fixed costs: utilities") == 0);
    EXPECT_OK(coll_category_irs_line(COLL_CATEGORY_PUBLIC_TRANSPORT, &text));
    EXPECT_TRUE(text != NULL && strcmp(text, "public transportation costs") == 0);
    POISON(text_out);
    EXPECT(coll_category_sfs_group(24, &text_out), COLL_INVALID_ARGUMENT, "category");
    EXPECT(coll_category_irs_line(UINT32_MAX, &text_out), COLL_INVALID_ARGUMENT, "category");
    UNTOUCHED(text_out);
    EXPECT_NULL(coll_category_sfs_group(COLL_CATEGORY_CARE, NULL), "out");
    EXPECT_NULL(coll_category_irs_line(COLL_CATEGORY_CARE, NULL), "out");
}

/* A statement item: a category, decimal text and a frequency by name, no label. */
static coll_statement_item statement_item(coll_category category, const char *amount, const char *frequency) {
    coll_statement_item it;
    memset(&it, 0, sizeof it);
    it.category = category;
    it.amount = dec(amount);
    if (coll_frequency_from_name(frequency, strlen(frequency), &it.frequency) != COLL_OK) {
        printf("FAIL fixture: %s is not a frequency\n", frequency);
        failures++;
    }
    return it;
}

/* A statement that must be refused with `status` naming `field`, leaving *out untouched. */
static void expect_statement_fails(int line, coll_date date, const coll_currency *cur, const coll_household *h,
                                   const coll_statement_item *items, size_t n, coll_rounding_mode rounding,
                                   coll_status status, const char *field) {
    coll_statement *out;
    poison(&out, sizeof out);
    expect_status(line, "coll_statement_new", coll_statement_new(date, cur, h, items, n, rounding, &out), status,
                  field);
    expect_untouched(line, "out", &out, sizeof out);
}

#define STATEMENT_FAILS(date, cur, h, items, n, rounding, status, field)                                           \
    expect_statement_fails(__LINE__, date, cur, h, items, n, rounding, status, field)

static void test_household_and_monthly(void) {
    coll_household h, bad;
    coll_currency gbp = currency("GBP"), bad_cur = currency("GBP");
    coll_frequency weekly, bad_freq;
    coll_decimal amount = dec("50.00"), got, x, bad_amount = dec("1"), huge = dec("79228162514264337593543950335");
    uint32_t persons = 0, persons_out;

    EXPECT_OK(coll_household_init(2, &h));
    EXPECT_TRUE(h.adults == 2 && h.children_under_16 == 0 && h.children_16_to_18 == 0 && h.other_dependants == 0 &&
                h.non_dependants == 0 && h.aged_65_or_over == 0 && h.vehicles == 0 && h.region == NULL &&
                h.region_len == 0);
    EXPECT_NULL(coll_household_init(1, NULL), "out");
    /* Non-dependants live there but are not counted. */
    h.children_16_to_18 = 1;
    h.other_dependants = 1;
    h.non_dependants = 2;
    h.aged_65_or_over = 1;
    h.region = "midwest";
    h.region_len = 7;
    EXPECT_OK(coll_household_persons(&h, &persons));
    EXPECT_TRUE(persons == 4);
    POISON(persons_out);
    bad = h;
    bad.adults = 0;
    bad.children_16_to_18 = 0;
    bad.other_dependants = 0;
    bad.aged_65_or_over = 0;
    EXPECT(coll_household_persons(&bad, &persons_out), COLL_INVALID_ARGUMENT, "household"); /* zero people */
    bad.children_under_16 = 2;
    EXPECT(coll_household_persons(&bad, &persons_out), COLL_INVALID_ARGUMENT, "household"); /* no adult */
    bad.adults = COLL_MAX_PERSONS;
    EXPECT(coll_household_persons(&bad, &persons_out), COLL_INVALID_ARGUMENT, "household"); /* too many */
    bad.adults = UINT32_MAX;
    bad.children_under_16 = UINT32_MAX;
    EXPECT(coll_household_persons(&bad, &persons_out), COLL_INVALID_ARGUMENT, "household"); /* overflows */
    bad = h;
    bad.aged_65_or_over = 5;
    EXPECT(coll_household_persons(&bad, &persons_out), COLL_INVALID_ARGUMENT, "aged_65_or_over");
    bad = h;
    bad.region = BAD_UTF8;
    bad.region_len = 2;
    EXPECT(coll_household_persons(&bad, &persons_out), COLL_INVALID_UTF8, "region");
    bad.region = NULL;
    EXPECT(coll_household_persons(&bad, &persons_out), COLL_NULL_ARGUMENT, "region");
    UNTOUCHED(persons_out);
    EXPECT_NULL(coll_household_persons(NULL, &persons), "household");
    EXPECT_NULL(coll_household_persons(&h, NULL), "out");

    /* 50.00 a week: 216.67 a month half-up, 216.66 down; back to 50.00. In and out may be one decimal. */
    EXPECT_OK(coll_frequency_from_name("weekly", 6, &weekly));
    EXPECT_OK(coll_to_monthly(&amount, &weekly, &gbp, COLL_ROUND_HALF_UP, &got));
    EXPECT_TRUE(text_is(&got, "216.67"));
    x = amount;
    EXPECT_OK(coll_to_monthly(&x, &weekly, &gbp, COLL_ROUND_DOWN, &x));
    EXPECT_TRUE(text_is(&x, "216.66"));
    EXPECT_OK(coll_from_monthly(&got, &weekly, &gbp, COLL_ROUND_HALF_UP, &got));
    EXPECT_TRUE(text_is(&got, "50.00"));
    POISON(x);
    bad_freq = weekly;
    bad_freq.kind = 99;
    EXPECT(coll_to_monthly(&amount, &bad_freq, &gbp, COLL_ROUND_HALF_UP, &x), COLL_INVALID_ARGUMENT, "frequency");
    EXPECT(coll_from_monthly(&amount, &bad_freq, &gbp, COLL_ROUND_HALF_UP, &x), COLL_INVALID_ARGUMENT, "frequency");
    bad_freq = weekly;
    bad_freq.first_day = 1;
    EXPECT(coll_to_monthly(&amount, &bad_freq, &gbp, COLL_ROUND_HALF_UP, &x), COLL_INVALID_ARGUMENT, "frequency");
    EXPECT(coll_to_monthly(&amount, &weekly, &gbp, 7, &x), COLL_INVALID_ARGUMENT, "rounding");
    EXPECT(coll_from_monthly(&amount, &weekly, &gbp, 7, &x), COLL_INVALID_ARGUMENT, "rounding");
    bad_cur.code[1] = '$';
    EXPECT(coll_to_monthly(&amount, &weekly, &bad_cur, COLL_ROUND_HALF_UP, &x), COLL_UNKNOWN_CURRENCY, "currency");
    EXPECT(coll_from_monthly(&amount, &weekly, &bad_cur, COLL_ROUND_HALF_UP, &x), COLL_UNKNOWN_CURRENCY,
           "currency");
    bad_amount.scale = 29;
    EXPECT(coll_to_monthly(&bad_amount, &weekly, &gbp, COLL_ROUND_HALF_UP, &x), COLL_INVALID_DECIMAL, "amount");
    EXPECT(coll_from_monthly(&bad_amount, &weekly, &gbp, COLL_ROUND_HALF_UP, &x), COLL_INVALID_DECIMAL, "monthly");
    EXPECT(coll_to_monthly(&huge, &weekly, &gbp, COLL_ROUND_HALF_UP, &x), COLL_OVERFLOW, "amount");
    UNTOUCHED(x);
    EXPECT_NULL(coll_to_monthly(NULL, &weekly, &gbp, COLL_ROUND_HALF_UP, &x), "amount");
    EXPECT_NULL(coll_to_monthly(&amount, NULL, &gbp, COLL_ROUND_HALF_UP, &x), "frequency");
    EXPECT_NULL(coll_to_monthly(&amount, &weekly, NULL, COLL_ROUND_HALF_UP, &x), "currency");
    EXPECT_NULL(coll_to_monthly(&amount, &weekly, &gbp, COLL_ROUND_HALF_UP, NULL), "out");
    EXPECT_NULL(coll_from_monthly(NULL, &weekly, &gbp, COLL_ROUND_HALF_UP, &x), "monthly");
    EXPECT_NULL(coll_from_monthly(&amount, NULL, &gbp, COLL_ROUND_HALF_UP, &x), "frequency");
    EXPECT_NULL(coll_from_monthly(&amount, &weekly, NULL, COLL_ROUND_HALF_UP, &x), "currency");
    EXPECT_NULL(coll_from_monthly(&amount, &weekly, &gbp, COLL_ROUND_HALF_UP, NULL), "out");
}

static void test_statements(void) {
    coll_statement_item items[3], bad[3], got_item, item_out;
    coll_household h, bad_h;
    coll_currency usd = currency("USD"), jpy = currency("JPY"), bad_cur = currency("USD");
    coll_date june = ymd(2025, 6, 1);
    coll_statement *s = NULL, *copy = NULL, *empty = NULL, *s_out;
    coll_statement_info info, info_out;
    coll_decimal monthly, monthly_out;
    size_t n = 99, n_out;
    char label[8];

    items[0] = statement_item(COLL_CATEGORY_EARNINGS, "450.00", "weekly");
    items[1] = statement_item(COLL_CATEGORY_HOUSING, "700.00", "monthly");
    strcpy(label, "rent");
    items[1].label = label;
    items[1].label_len = 4;
    items[2] = statement_item(COLL_CATEGORY_FOOD_AND_HOUSEKEEPING, "250", "monthly");
    EXPECT_OK(coll_household_init(1, &h));
    h.region = "West";
    h.region_len = 4;
    EXPECT_OK(coll_statement_new(june, &usd, &h, items, 3, COLL_ROUND_HALF_UP, &s));
    /* The statement keeps copies: the caller's label may change. */
    strcpy(label, "xxxx");
    EXPECT_OK(coll_statement_item_count(s, &n));
    EXPECT_TRUE(n == 3);
    EXPECT_OK(coll_statement_item_at(s, 1, &got_item, &monthly));
    EXPECT_TRUE(got_item.category == COLL_CATEGORY_HOUSING && text_is(&got_item.amount, "700.00") &&
                got_item.frequency.kind == COLL_FREQUENCY_MONTHLY && got_item.label_len == 4 &&
                strcmp(got_item.label, "rent") == 0 && text_is(&monthly, "700.00"));
    EXPECT_OK(coll_statement_item_at(s, 0, &got_item, &monthly));
    EXPECT_TRUE(text_is(&monthly, "1950.00") && got_item.label != NULL && got_item.label_len == 0 &&
                got_item.label[0] == '\0');
    EXPECT_OK(coll_statement_monthly(s, COLL_CATEGORY_EARNINGS, &monthly));
    EXPECT_TRUE(text_is(&monthly, "1950.00"));
    EXPECT_OK(coll_statement_monthly(s, COLL_CATEGORY_CARE, &monthly));
    EXPECT_TRUE(text_is(&monthly, "0.00"));
    EXPECT_OK(coll_statement_section_total(s, COLL_SECTION_FLEXIBLE_COSTS, &monthly));
    EXPECT_TRUE(text_is(&monthly, "250.00"));
    EXPECT_OK(coll_statement_get_info(s, &info));
    EXPECT_TRUE(same_date(info.date, june) && strcmp(info.currency.code, "USD") == 0 && info.household.adults == 1 &&
                info.household.region_len == 4 && strcmp(info.household.region, "West") == 0 &&
                info.household.region != h.region && info.rounding == COLL_ROUND_HALF_UP);
    /* A copy lends its own text and outlives the original. */
    EXPECT_OK(coll_statement_clone(s, &copy));
    coll_statement_free(s);
    s = NULL;
    EXPECT_OK(coll_statement_item_at(copy, 1, &got_item, &monthly));
    EXPECT_TRUE(strcmp(got_item.label, "rent") == 0 && text_is(&monthly, "700.00"));
    /* No items: NULL with 0; rounded down. */
    EXPECT_OK(coll_statement_new(june, &usd, &h, NULL, 0, COLL_ROUND_DOWN, &empty));
    EXPECT_OK(coll_statement_get_info(empty, &info));
    EXPECT_TRUE(info.rounding == COLL_ROUND_DOWN);
    EXPECT_OK(coll_statement_section_total(empty, COLL_SECTION_INCOME, &monthly));
    EXPECT_TRUE(text_is(&monthly, "0.00"));
    coll_statement_free(empty);

    /* Bad input names its field (and the item), and makes nothing. */
    STATEMENT_FAILS(ymd(2025, 2, 30), &usd, &h, items, 3, COLL_ROUND_HALF_UP, COLL_INVALID_DATE, "date");
    bad_cur.code[0] = '1';
    STATEMENT_FAILS(june, &bad_cur, &h, items, 3, COLL_ROUND_HALF_UP, COLL_UNKNOWN_CURRENCY, "currency");
    bad_h = h;
    bad_h.adults = 0;
    STATEMENT_FAILS(june, &usd, &bad_h, items, 3, COLL_ROUND_HALF_UP, COLL_INVALID_ARGUMENT, "household");
    bad_h = h;
    bad_h.aged_65_or_over = 2;
    STATEMENT_FAILS(june, &usd, &bad_h, items, 3, COLL_ROUND_HALF_UP, COLL_INVALID_ARGUMENT, "aged_65_or_over");
    bad_h = h;
    bad_h.region = BAD_UTF8;
    bad_h.region_len = 2;
    STATEMENT_FAILS(june, &usd, &bad_h, items, 3, COLL_ROUND_HALF_UP, COLL_INVALID_UTF8, "region");
    memcpy(bad, items, sizeof bad);
    bad[1].category = 24;
    STATEMENT_FAILS(june, &usd, &h, bad, 3, COLL_ROUND_HALF_UP, COLL_INVALID_ARGUMENT, "items.category");
    EXPECT_TRUE(strstr(coll_last_error_message(), "#1") != NULL);
    memcpy(bad, items, sizeof bad);
    bad[2].amount = dec("-5");
    STATEMENT_FAILS(june, &usd, &h, bad, 3, COLL_ROUND_HALF_UP, COLL_INVALID_ARGUMENT, "amount");
    EXPECT_TRUE(strstr(coll_last_error_message(), "#2") != NULL);
    bad[2].amount = dec("1000000000000000.01");
    STATEMENT_FAILS(june, &usd, &h, bad, 3, COLL_ROUND_HALF_UP, COLL_INVALID_ARGUMENT, "amount");
    bad[2].amount.scale = 29;
    STATEMENT_FAILS(june, &usd, &h, bad, 3, COLL_ROUND_HALF_UP, COLL_INVALID_DECIMAL, "items.amount");
    bad[2].amount = dec("5.001");
    STATEMENT_FAILS(june, &usd, &h, bad, 3, COLL_ROUND_HALF_UP, COLL_INVALID_ARGUMENT, "items");
    EXPECT_TRUE(strstr(coll_last_error_message(), "#2 food_and_housekeeping: 5.001") != NULL);
    bad[2].amount = dec("10.5");
    STATEMENT_FAILS(june, &jpy, &h, bad, 3, COLL_ROUND_HALF_UP, COLL_INVALID_ARGUMENT, "items");
    memcpy(bad, items, sizeof bad);
    bad[0].frequency.kind = 99;
    STATEMENT_FAILS(june, &usd, &h, bad, 3, COLL_ROUND_HALF_UP, COLL_INVALID_ARGUMENT, "items.frequency");
    memcpy(bad, items, sizeof bad);
    bad[1].label = BAD_UTF8;
    bad[1].label_len = 2;
    STATEMENT_FAILS(june, &usd, &h, bad, 3, COLL_ROUND_HALF_UP, COLL_INVALID_UTF8, "items.label");
    bad[1].label = NULL;
    STATEMENT_FAILS(june, &usd, &h, bad, 3, COLL_ROUND_HALF_UP, COLL_NULL_ARGUMENT, "items.label");
    STATEMENT_FAILS(june, &usd, &h, items, 3, 7, COLL_INVALID_ARGUMENT, "rounding");
    STATEMENT_FAILS(june, &usd, &h, NULL, 2, COLL_ROUND_HALF_UP, COLL_NULL_ARGUMENT, "items");
    STATEMENT_FAILS(june, NULL, &h, items, 3, COLL_ROUND_HALF_UP, COLL_NULL_ARGUMENT, "currency");
    STATEMENT_FAILS(june, &usd, NULL, items, 3, COLL_ROUND_HALF_UP, COLL_NULL_ARGUMENT, "household");
    EXPECT_NULL(coll_statement_new(june, &usd, &h, items, 3, COLL_ROUND_HALF_UP, NULL), "out");

    /* Reading past the end or with NULLs. */
    POISON(item_out);
    POISON(monthly_out);
    EXPECT(coll_statement_item_at(copy, 3, &item_out, &monthly_out), COLL_INVALID_ARGUMENT, "index");
    EXPECT(coll_statement_monthly(copy, 24, &monthly_out), COLL_INVALID_ARGUMENT, "category");
    EXPECT(coll_statement_section_total(copy, 5, &monthly_out), COLL_INVALID_ARGUMENT, "section");
    UNTOUCHED(item_out);
    UNTOUCHED(monthly_out);
    EXPECT_NULL(coll_statement_item_at(NULL, 0, &got_item, &monthly), "statement");
    EXPECT_NULL(coll_statement_item_at(copy, 0, NULL, &monthly), "out_item");
    EXPECT_NULL(coll_statement_item_at(copy, 0, &got_item, NULL), "out_monthly");
    EXPECT_NULL(coll_statement_monthly(NULL, COLL_CATEGORY_CARE, &monthly), "statement");
    EXPECT_NULL(coll_statement_monthly(copy, COLL_CATEGORY_CARE, NULL), "out");
    EXPECT_NULL(coll_statement_section_total(NULL, COLL_SECTION_INCOME, &monthly), "statement");
    EXPECT_NULL(coll_statement_section_total(copy, COLL_SECTION_INCOME, NULL), "out");
    POISON(n_out);
    POISON(info_out);
    POISON(s_out);
    EXPECT_NULL(coll_statement_item_count(NULL, &n_out), "statement");
    EXPECT_NULL(coll_statement_item_count(copy, NULL), "out");
    EXPECT_NULL(coll_statement_get_info(NULL, &info_out), "statement");
    EXPECT_NULL(coll_statement_get_info(copy, NULL), "out");
    EXPECT_NULL(coll_statement_clone(NULL, &s_out), "statement");
    EXPECT_NULL(coll_statement_clone(copy, NULL), "out");
    UNTOUCHED(n_out);
    UNTOUCHED(info_out);
    UNTOUCHED(s_out);
    coll_statement_free(copy);
    coll_statement_free(NULL);
}

/* Guidelines that must be refused with `status` naming `field`, leaving *out untouched. */
static void expect_guidelines_fail(int line, const coll_guideline_table *tables, size_t n, coll_status status,
                                   const char *field) {
    coll_guidelines *out;
    poison(&out, sizeof out);
    expect_status(line, "coll_guidelines_new", coll_guidelines_new(tables, n, &out), status, field);
    expect_untouched(line, "out", &out, sizeof out);
}

#define GUIDELINES_FAIL(tables, n, status, field) expect_guidelines_fail(__LINE__, tables, n, status, field)

/* A table of one row whose row (a copy of `row`) is changed by the caller through *row_out. */
static void one_row_table(coll_guideline_table *t, coll_guideline_row *row, const char *name) {
    if (coll_guideline_table_init(ymd(2025, 4, 7), t) != COLL_OK) {
        failures++;
    }
    t->name = name;
    t->name_len = strlen(name);
    t->rows = row;
    t->n_rows = 1;
}

static void test_guidelines(void) {
    static const coll_category food = COLL_CATEGORY_FOOD_AND_HOUSEKEEPING;
    static const coll_category bad_category = 24;
    static const char csv[] = "table,effective,guideline,categories,rule,unit,amount,adults,children\n"
                              "sfs,2025-04-07,food,food_and_housekeeping,trigger,household,300,1,0\n";
    coll_guideline_row row, rows[2], bad_row;
    coll_guideline_table table, tables[2], bad, got, got_out;
    coll_guidelines *g = NULL, *again = NULL, *copy = NULL, *irs = NULL, *g_out;
    size_t n = 99, n_out, index = 99, index_out, len = 0, len_out;
    char *json = NULL, *json2 = NULL, small[4];

    EXPECT_OK(coll_guideline_row_init(&row));
    EXPECT_TRUE(row.guideline == NULL && row.guideline_len == 0 && row.categories == NULL && row.n_categories == 0 &&
                row.rule == COLL_GUIDELINE_RULE_ALLOWED_IN_FULL && row.unit == COLL_GUIDELINE_UNIT_HOUSEHOLD &&
                text_is(&row.amount, "0") && row.has_min_persons == 0 && row.has_max_persons == 0 &&
                row.has_each_additional_person == 0 && row.has_adults == 0 && row.has_children == 0 &&
                row.has_min_vehicles == 0 && row.has_max_vehicles == 0 && row.has_max_units == 0 &&
                row.region == NULL && row.mark == NULL);
    EXPECT_NULL(coll_guideline_row_init(NULL), "out");
    EXPECT_OK(coll_guideline_table_init(ymd(2025, 4, 7), &table));
    EXPECT_TRUE(table.name == NULL && same_date(table.effective, ymd(2025, 4, 7)) && table.has_until == 0 &&
                table.source == NULL && table.rows == NULL && table.n_rows == 0);
    EXPECT_NULL(coll_guideline_table_init(ymd(2025, 4, 7), NULL), "out");

    /* A user's trigger figures for food: 300 for one adult, 480 for two. */
    row.guideline = "food";
    row.guideline_len = 4;
    row.categories = &food;
    row.n_categories = 1;
    row.rule = COLL_GUIDELINE_RULE_TRIGGER;
    row.amount = dec("300");
    row.has_adults = 1;
    row.adults = 1;
    row.has_children = 1;
    row.children = 0;
    row.mark = "X";
    row.mark_len = 1;
    rows[0] = row;
    rows[1] = row;
    rows[1].amount = dec("480");
    rows[1].adults = 2;
    rows[1].region = "west";
    rows[1].region_len = 4;
    table.name = "my-sfs";
    table.name_len = 6;
    table.source = "own figures";
    table.source_len = 11;
    table.rows = rows;
    table.n_rows = 2;
    EXPECT_OK(coll_guidelines_new(&table, 1, &g));
    EXPECT_OK(coll_guidelines_table_count(g, &n));
    EXPECT_TRUE(n == 1);
    EXPECT_OK(coll_guidelines_table_at(g, 0, &got));
    EXPECT_TRUE(got.name_len == 6 && strcmp(got.name, "my-sfs") == 0 && got.name != table.name &&
                same_date(got.effective, ymd(2025, 4, 7)) && got.has_until == 0 && strcmp(got.source, "own figures") == 0 &&
                got.n_rows == 2 && got.rows != NULL);
    if (got.rows != NULL && got.n_rows == 2) {
        EXPECT_TRUE(strcmp(got.rows[0].guideline, "food") == 0 && got.rows[0].n_categories == 1 &&
                    got.rows[0].categories[0] == food && got.rows[0].rule == COLL_GUIDELINE_RULE_TRIGGER &&
                    text_is(&got.rows[1].amount, "480") && got.rows[1].has_adults == 1 && got.rows[1].adults == 2 &&
                    got.rows[0].region == NULL && strcmp(got.rows[1].region, "west") == 0 &&
                    strcmp(got.rows[0].mark, "X") == 0 && got.rows[0].has_min_persons == 0);
    }
    /* What a table lends is a table: it goes back in, and both give the same JSON. */
    EXPECT_OK(coll_guidelines_new(&got, 1, &again));
    EXPECT(coll_guidelines_to_json(g, NULL, 0, &len), COLL_BUFFER_TOO_SMALL, "buf");
    EXPECT_TRUE(len > 100);
    json = (char *)malloc(len);
    json2 = (char *)malloc(len);
    if (json != NULL && json2 != NULL) {
        size_t written = 0, written2 = 0;
        EXPECT_OK(coll_guidelines_to_json(g, json, len, &written));
        EXPECT_OK(coll_guidelines_to_json(again, json2, len, &written2));
        EXPECT_TRUE(written == len - 1 && written2 == written && strcmp(json, json2) == 0 &&
                    strstr(json, "\"my-sfs\"") != NULL);
        coll_guidelines_free(again);
        again = NULL;
        /* And the JSON goes back in. */
        EXPECT_OK(coll_guidelines_from_json(json, written, &again));
        EXPECT_OK(coll_guidelines_to_json(again, json2, len, &written2));
        EXPECT_TRUE(written2 == written && strcmp(json, json2) == 0);
    }
    POISON(small);
    POISON(len_out);
    len = 0;
    EXPECT(coll_guidelines_to_json(g, small, sizeof small, &len), COLL_BUFFER_TOO_SMALL, "buf");
    UNTOUCHED(small);
    EXPECT_TRUE(json != NULL && len == strlen(json) + 1);
    EXPECT_NULL(coll_guidelines_to_json(g, NULL, 5, &len_out), "buf");
    EXPECT_NULL(coll_guidelines_to_json(NULL, small, sizeof small, &len_out), "guidelines");
    EXPECT_NULL(coll_guidelines_to_json(g, small, sizeof small, NULL), "out_len");
    UNTOUCHED(len_out);

    /* The table in force on a date. */
    EXPECT_OK(coll_guidelines_table_on(g, ymd(2026, 1, 1), &index));
    EXPECT_TRUE(index == 0);
    POISON(index_out);
    EXPECT(coll_guidelines_table_on(g, ymd(2025, 4, 6), &index_out), COLL_INVALID_ARGUMENT, "date");
    EXPECT(coll_guidelines_table_on(g, ymd(2025, 2, 30), &index_out), COLL_INVALID_DATE, "date");
    UNTOUCHED(index_out);
    EXPECT_NULL(coll_guidelines_table_on(NULL, ymd(2026, 1, 1), &index), "guidelines");
    EXPECT_NULL(coll_guidelines_table_on(g, ymd(2026, 1, 1), NULL), "out_index");
    /* A table with an end: after it no table is in force. */
    tables[0] = table;
    tables[0].has_until = 1;
    tables[0].until = ymd(2025, 12, 31);
    EXPECT_OK(coll_guidelines_new(tables, 1, &copy));
    EXPECT(coll_guidelines_table_on(copy, ymd(2026, 1, 1), &index_out), COLL_INVALID_ARGUMENT, "date");
    UNTOUCHED(index_out);
    EXPECT_OK(coll_guidelines_table_at(copy, 0, &got));
    EXPECT_TRUE(got.has_until == 1 && same_date(got.until, ymd(2025, 12, 31)));
    coll_guidelines_free(copy);
    copy = NULL;

    /* The embedded IRS standards: 2024 and 2025; before the first, an error naming the date. */
    EXPECT_OK(coll_guidelines_irs(&irs));
    EXPECT_OK(coll_guidelines_table_count(irs, &n));
    EXPECT_TRUE(n == 2);
    EXPECT_OK(coll_guidelines_table_at(irs, 1, &got));
    EXPECT_TRUE(strcmp(got.name, "irs-2025") == 0 && same_date(got.effective, ymd(2025, 4, 21)) && got.n_rows > 10);
    EXPECT_OK(coll_guidelines_table_on(irs, ymd(2025, 4, 20), &index));
    EXPECT_TRUE(index == 0);
    EXPECT(coll_guidelines_table_on(irs, ymd(2024, 1, 1), &index_out), COLL_INVALID_ARGUMENT, "date");
    EXPECT_TRUE(strstr(coll_last_error_message(), "2024-01-01") != NULL);
    UNTOUCHED(index_out);
    EXPECT_NULL(coll_guidelines_irs(NULL), "out");
    EXPECT_OK(coll_guidelines_clone(irs, &copy));
    coll_guidelines_free(irs);
    EXPECT_OK(coll_guidelines_table_at(copy, 0, &got));
    EXPECT_TRUE(strcmp(got.name, "irs-2024") == 0);
    coll_guidelines_free(copy);

    /* Tables of the caller's own: every bad input names its field, and makes nothing. */
    GUIDELINES_FAIL(NULL, 0, COLL_INVALID_ARGUMENT, "guidelines"); /* no table */
    GUIDELINES_FAIL(NULL, 1, COLL_NULL_ARGUMENT, "tables");
    tables[0] = table;
    tables[1] = table;
    tables[1].name = "other";
    tables[1].name_len = 5;
    GUIDELINES_FAIL(tables, 2, COLL_INVALID_ARGUMENT, "guidelines"); /* the same effective date */
    tables[0].has_until = 1;
    tables[0].until = ymd(2026, 5, 1);
    tables[1].effective = ymd(2026, 4, 6);
    GUIDELINES_FAIL(tables, 2, COLL_INVALID_ARGUMENT, "guidelines"); /* overlapping */
    EXPECT_TRUE(strstr(coll_last_error_message(), "overlap") != NULL);
    bad = table;
    bad.effective = ymd(0, 0, 0); /* missing */
    GUIDELINES_FAIL(&bad, 1, COLL_INVALID_DATE, "tables.effective");
    EXPECT_TRUE(strstr(coll_last_error_message(), "table #0") != NULL);
    bad = table;
    bad.has_until = 1;
    bad.until = ymd(2025, 4, 6);
    GUIDELINES_FAIL(&bad, 1, COLL_INVALID_ARGUMENT, "guidelines"); /* ends before it starts */
    bad.until = ymd(2025, 13, 1);
    GUIDELINES_FAIL(&bad, 1, COLL_INVALID_DATE, "tables.until");
    bad.has_until = 2;
    GUIDELINES_FAIL(&bad, 1, COLL_INVALID_ARGUMENT, "tables.has_until");
    bad.has_until = 0; /* an until behind a flag of 0 is not read */
    EXPECT_OK(coll_guidelines_new(&bad, 1, &copy));
    coll_guidelines_free(copy);
    bad = table;
    bad.name = "  ";
    bad.name_len = 2;
    GUIDELINES_FAIL(&bad, 1, COLL_INVALID_ARGUMENT, "guidelines");
    bad.name = BAD_UTF8;
    GUIDELINES_FAIL(&bad, 1, COLL_INVALID_UTF8, "tables.name");
    bad = table;
    bad.source = BAD_UTF8;
    bad.source_len = 2;
    GUIDELINES_FAIL(&bad, 1, COLL_INVALID_UTF8, "tables.source");
    bad = table;
    bad.rows = NULL;
    GUIDELINES_FAIL(&bad, 1, COLL_NULL_ARGUMENT, "tables.rows");
    one_row_table(&bad, &bad_row, "t");
    bad_row = row;
    bad_row.rule = 3;
    GUIDELINES_FAIL(&bad, 1, COLL_INVALID_ARGUMENT, "rows.rule");
    EXPECT_TRUE(strstr(coll_last_error_message(), "table #0 row #0") != NULL);
    bad_row = row;
    bad_row.unit = 5;
    GUIDELINES_FAIL(&bad, 1, COLL_INVALID_ARGUMENT, "rows.unit");
    bad_row = row;
    bad_row.categories = &bad_category;
    GUIDELINES_FAIL(&bad, 1, COLL_INVALID_ARGUMENT, "rows.categories");
    bad_row.categories = NULL;
    GUIDELINES_FAIL(&bad, 1, COLL_NULL_ARGUMENT, "rows.categories");
    bad_row.n_categories = 0;
    GUIDELINES_FAIL(&bad, 1, COLL_INVALID_ARGUMENT, "guidelines"); /* covers no category */
    bad_row = row;
    bad_row.guideline = " ";
    bad_row.guideline_len = 1;
    GUIDELINES_FAIL(&bad, 1, COLL_INVALID_ARGUMENT, "guidelines");
    bad_row.guideline = BAD_UTF8;
    bad_row.guideline_len = 2;
    GUIDELINES_FAIL(&bad, 1, COLL_INVALID_UTF8, "rows.guideline");
    bad_row = row;
    bad_row.amount = dec("-1");
    GUIDELINES_FAIL(&bad, 1, COLL_INVALID_ARGUMENT, "guidelines");
    bad_row.amount.scale = 29;
    GUIDELINES_FAIL(&bad, 1, COLL_INVALID_DECIMAL, "rows.amount");
    bad_row = row;
    bad_row.each_additional_person.scale = 29; /* not read behind a flag of 0 */
    EXPECT_OK(coll_guidelines_new(&bad, 1, &copy));
    coll_guidelines_free(copy);
    bad_row.has_each_additional_person = 1;
    GUIDELINES_FAIL(&bad, 1, COLL_INVALID_DECIMAL, "rows.each_additional_person");
    {
        /* Every key's flag: 0 or 1. */
        uint8_t *const flags[7] = {&bad_row.has_min_persons,  &bad_row.has_max_persons,  &bad_row.has_adults,
                                   &bad_row.has_children,     &bad_row.has_min_vehicles, &bad_row.has_max_vehicles,
                                   &bad_row.has_max_units};
        static const char *const fields[7] = {"rows.has_min_persons",  "rows.has_max_persons",  "rows.has_adults",
                                              "rows.has_children",     "rows.has_min_vehicles", "rows.has_max_vehicles",
                                              "rows.has_max_units"};
        size_t k;
        for (k = 0; k < 7; k++) {
            bad_row = row;
            *flags[k] = 2;
            GUIDELINES_FAIL(&bad, 1, COLL_INVALID_ARGUMENT, fields[k]);
        }
    }
    bad_row = row;
    bad_row.has_min_persons = 1;
    bad_row.min_persons = 3;
    bad_row.has_max_persons = 1;
    bad_row.max_persons = 2;
    GUIDELINES_FAIL(&bad, 1, COLL_INVALID_ARGUMENT, "guidelines"); /* min above max */
    bad_row = row;
    bad_row.region = BAD_UTF8;
    bad_row.region_len = 2;
    GUIDELINES_FAIL(&bad, 1, COLL_INVALID_UTF8, "rows.region");
    bad_row.region = NULL;
    GUIDELINES_FAIL(&bad, 1, COLL_NULL_ARGUMENT, "rows.region");
    bad_row = row;
    bad_row.mark = BAD_UTF8;
    bad_row.mark_len = 2;
    GUIDELINES_FAIL(&bad, 1, COLL_INVALID_UTF8, "rows.mark");
    /* One category in two guidelines. */
    rows[1] = row;
    rows[1].guideline = "groceries";
    rows[1].guideline_len = 9;
    bad = table;
    GUIDELINES_FAIL(&bad, 1, COLL_INVALID_ARGUMENT, "guidelines");
    EXPECT_TRUE(strstr(coll_last_error_message(), "covered by both") != NULL);
    EXPECT_NULL(coll_guidelines_new(&got, 1, NULL), "out");

    /* From JSON and CSV. */
    POISON(g_out);
    EXPECT(coll_guidelines_from_json("[", 1, &g_out), COLL_INVALID_ARGUMENT, "guidelines");
    EXPECT(coll_guidelines_from_json("[]", 2, &g_out), COLL_INVALID_ARGUMENT, "guidelines");
    EXPECT(coll_guidelines_from_json(BAD_UTF8, 2, &g_out), COLL_INVALID_UTF8, "text");
    EXPECT_NULL(coll_guidelines_from_json(NULL, 2, &g_out), "text");
    UNTOUCHED(g_out);
    EXPECT_NULL(coll_guidelines_from_json("[]", 2, NULL), "out");
    EXPECT_OK(coll_guidelines_from_csv(csv, strlen(csv), &copy));
    EXPECT_OK(coll_guidelines_table_at(copy, 0, &got));
    EXPECT_TRUE(strcmp(got.name, "sfs") == 0 && got.n_rows == 1 && got.rows[0].has_adults == 1 &&
                got.rows[0].has_min_persons == 0 && text_is(&got.rows[0].amount, "300"));
    coll_guidelines_free(copy);
    EXPECT(coll_guidelines_from_csv("table,effective\nsfs,2025-04-07\n", 31, &g_out), COLL_INVALID_ARGUMENT,
           "guidelines");
    {
        static const char no_date[] = "table,effective,guideline,categories,rule,unit,amount\n"
                                      "sfs,,food,food_and_housekeeping,trigger,household,300\n";
        static const char bad_rule[] = "table,effective,guideline,categories,rule,unit,amount\n"
                                       "sfs,2025-04-07,food,food_and_housekeeping,sometimes,household,300\n";
        EXPECT(coll_guidelines_from_csv(no_date, strlen(no_date), &g_out), COLL_INVALID_ARGUMENT, "effective");
        EXPECT_TRUE(strstr(coll_last_error_message(), "line 2") != NULL);
        EXPECT(coll_guidelines_from_csv(bad_rule, strlen(bad_rule), &g_out), COLL_INVALID_ARGUMENT, "rule");
        EXPECT_TRUE(strstr(coll_last_error_message(), "line 2: sometimes") != NULL);
    }
    EXPECT(coll_guidelines_from_csv(BAD_UTF8, 2, &g_out), COLL_INVALID_UTF8, "text");
    EXPECT_NULL(coll_guidelines_from_csv(NULL, 2, &g_out), "text");
    UNTOUCHED(g_out);
    EXPECT_NULL(coll_guidelines_from_csv(csv, strlen(csv), NULL), "out");

    /* Reading past the end or with NULLs. */
    POISON(got_out);
    POISON(n_out);
    EXPECT(coll_guidelines_table_at(g, 1, &got_out), COLL_INVALID_ARGUMENT, "index");
    EXPECT_NULL(coll_guidelines_table_at(NULL, 0, &got_out), "guidelines");
    EXPECT_NULL(coll_guidelines_table_at(g, 0, NULL), "out");
    EXPECT_NULL(coll_guidelines_table_count(NULL, &n_out), "guidelines");
    EXPECT_NULL(coll_guidelines_table_count(g, NULL), "out");
    EXPECT_NULL(coll_guidelines_clone(NULL, &g_out), "guidelines");
    EXPECT_NULL(coll_guidelines_clone(g, NULL), "out");
    UNTOUCHED(got_out);
    UNTOUCHED(n_out);
    UNTOUCHED(g_out);
    coll_guidelines_free(again);
    coll_guidelines_free(g);
    coll_guidelines_free(NULL);
    free(json);
    free(json2);
}

/* The statement of the assessment tests: one adult in June 2025 earning 450.00 a week (1,950.00 a
 * month), paying 700.00 rent and spending 250 on food; or, with `deficit`, earning 1,000.00 and paying
 * 1,100.00; with `no_income`, only the rent. */
static coll_statement *assessment_statement(const char *which) {
    coll_statement_item items[3];
    coll_household h;
    coll_currency usd = currency("USD");
    coll_statement *s = NULL;
    size_t n = 3;
    items[0] = statement_item(COLL_CATEGORY_EARNINGS, "450.00", "weekly");
    items[1] = statement_item(COLL_CATEGORY_HOUSING, "700.00", "monthly");
    items[2] = statement_item(COLL_CATEGORY_FOOD_AND_HOUSEKEEPING, "250", "monthly");
    if (strcmp(which, "deficit") == 0) {
        items[0] = statement_item(COLL_CATEGORY_EARNINGS, "1000.00", "monthly");
        items[1] = statement_item(COLL_CATEGORY_HOUSING, "1100.00", "monthly");
        n = 2;
    } else if (strcmp(which, "no_income") == 0) {
        items[0] = items[1];
        n = 1;
    } else if (strcmp(which, "early") == 0) {
        n = 1;
    }
    if (coll_household_init(1, &h) != COLL_OK ||
        coll_statement_new(strcmp(which, "early") == 0 ? ymd(2024, 1, 31) : ymd(2025, 6, 1), &usd, &h, items, n,
                           COLL_ROUND_HALF_UP, &s) != COLL_OK) {
        printf("FAIL fixture: statement %s: %s\n", which, coll_last_error_message());
        failures++;
    }
    return s;
}

/* An assessment that must be refused with `status` naming `field`, leaving *out untouched. */
static void expect_assess_fails(int line, const coll_statement *s, const coll_guidelines *g,
                                const coll_assessment_policy *p, coll_status status, const char *field) {
    coll_assessment *out;
    poison(&out, sizeof out);
    expect_status(line, "coll_assess", coll_assess(s, g, p, &out), status, field);
    expect_untouched(line, "out", &out, sizeof out);
}

#define ASSESS_FAILS(s, g, p, status, field) expect_assess_fails(__LINE__, s, g, p, status, field)

static void test_assessments(void) {
    static const char mixed_rules[] =
        "[{\"name\": \"t\", \"effective\": \"2025-01-01\", \"rows\": ["
        "{\"guideline\": \"food\", \"categories\": [\"food_and_housekeeping\"], \"rule\": \"trigger\", "
        "\"unit\": \"household\", \"amount\": \"300\"},"
        "{\"guideline\": \"food\", \"categories\": [\"food_and_housekeeping\"], \"rule\": \"lesser_of\", "
        "\"unit\": \"household\", \"amount\": \"100\"}]}]";
    coll_statement *s = assessment_statement("main"), *deficit = assessment_statement("deficit"),
                   *no_income = assessment_statement("no_income"), *early = assessment_statement("early");
    coll_guidelines *irs = NULL, *mixed = NULL;
    coll_assessment *a = NULL, *copy = NULL, *plain = NULL, *a_out;
    coll_assessment_policy policy, bad;
    coll_contingency cft;
    coll_assessment_figures f, f_out;
    coll_guideline_use u, u_out;
    coll_assessment_flag flag, flag_out;
    coll_assessment_line line, line_out;
    coll_decimal ratio = dec("7"), ratio_out, payment = dec("41.50"), bad_payment = dec("1");
    bool has = true, has_out;
    const char *mark = NULL, *mark_out;
    size_t n = 99, n_out, len = 0, len_out;

    EXPECT_OK(coll_assessment_policy_init(&policy));
    EXPECT_TRUE(policy.has_contingency == 0 && text_is(&policy.low_spending_fraction, "0.5") &&
                text_is(&policy.debt_administration_fee, "0") && policy.rounding == COLL_ROUND_HALF_UP);
    EXPECT_NULL(coll_assessment_policy_init(NULL), "out");
    EXPECT_OK(coll_contingency_common_financial_tool(&cft));
    EXPECT_TRUE(text_is(&cft.percent, "0.10") && text_is(&cft.cap, "20"));
    EXPECT_NULL(coll_contingency_common_financial_tool(NULL), "out");

    /* Against the IRS 2025 standards for one person without a vehicle: national standards 839 in full
     * (250 spent), health care 84 and public transportation 244 in full (nothing spent); no vehicle rows
     * match (two notes). Allowable 700 + 839 + 84 + 244 = 1,867.00; disposable 1,950.00 - 1,867.00. */
    EXPECT_OK(coll_guidelines_irs(&irs));
    EXPECT_OK(coll_assess(s, irs, &policy, &a));
    EXPECT_OK(coll_assessment_get_figures(a, &f));
    EXPECT_TRUE(same_date(f.date, ymd(2025, 6, 1)) && strcmp(f.currency.code, "USD") == 0 && f.table_len == 8 &&
                strcmp(f.table, "irs-2025") == 0 && text_is(&f.income, "1950.00") &&
                text_is(&f.fixed_costs, "700.00") && text_is(&f.flexible_costs, "250.00") &&
                text_is(&f.expenditure, "950.00") && text_is(&f.allowable_expenditure, "1867.00") &&
                text_is(&f.savings, "0.00") && text_is(&f.priority_debts, "0.00") &&
                text_is(&f.debt_administration_fee, "0.00") && text_is(&f.surplus, "83.00") &&
                text_is(&f.contingency, "0.00") && text_is(&f.disposable_income, "83.00") &&
                text_is(&f.max_affordable_payment, "83.00") && f.is_deficit == 0);
    EXPECT_OK(coll_assessment_guideline_count(a, &n));
    EXPECT_TRUE(n == 3);
    EXPECT_OK(coll_assessment_guideline_at(a, 0, &u));
    EXPECT_TRUE(strcmp(u.guideline, "national_standards") == 0 && u.guideline_len == 18 &&
                u.rule == COLL_GUIDELINE_RULE_ALLOWED_IN_FULL && u.n_categories == 3 &&
                u.categories[0] == COLL_CATEGORY_FOOD_AND_HOUSEKEEPING && text_is(&u.actual, "250.00") &&
                text_is(&u.standard, "839.00") && text_is(&u.allowed, "839.00") &&
                strcmp(u.derivation, "1 household x 839") == 0 && u.n_marks == 1);
    EXPECT_OK(coll_assessment_guideline_mark_at(a, 0, 0, &mark, &len));
    EXPECT_TRUE(mark != NULL && strcmp(mark, "T") == 0 && len == 1);
    EXPECT_OK(coll_assessment_guideline_at(a, 2, &u));
    EXPECT_TRUE(strcmp(u.guideline, "public_transportation") == 0 && text_is(&u.allowed, "244.00"));
    EXPECT_OK(coll_assessment_flag_count(a, &n));
    EXPECT_TRUE(n == 3);
    EXPECT_OK(coll_assessment_flag_at(a, 0, &flag));
    EXPECT_TRUE(strcmp(flag.guideline, "national_standards") == 0 && flag.kind == COLL_FLAG_KIND_UNUSUALLY_LOW &&
                flag.n_categories == 3 && flag.categories[2] == COLL_CATEGORY_COMMUNICATIONS_AND_LEISURE &&
                text_is(&flag.actual, "250.00") && text_is(&flag.standard, "839.00") &&
                text_is(&flag.difference, "-589.00"));
    EXPECT_OK(coll_assessment_line_count(a, &n));
    EXPECT_TRUE(n == 13);
    EXPECT_OK(coll_assessment_line_at(a, 1, &line));
    EXPECT_TRUE(line.kind == COLL_LINE_KIND_ITEM && strcmp(line.label, "housing") == 0 &&
                text_is(&line.amount, "700.00") && line.derivation_len == strlen(line.derivation) &&
                strstr(line.derivation, "fixed_costs: 700.00 monthly") != NULL);
    EXPECT_OK(coll_assessment_line_at(a, 3, &line));
    EXPECT_TRUE(line.kind == COLL_LINE_KIND_NOTE && strcmp(line.label, "vehicle_ownership") == 0);
    EXPECT_OK(coll_assessment_line_at(a, 12, &line));
    EXPECT_TRUE(line.kind == COLL_LINE_KIND_TOTAL && strcmp(line.label, "disposable_income") == 0 &&
                text_is(&line.amount, "83.00"));
    /* 41.50 of the 83.00 is half of it; 975.00 of the 1,950.00 income is half of it. */
    EXPECT_OK(coll_assessment_affordability_ratio(a, &payment, &has, &ratio));
    EXPECT_TRUE(has && text_is(&ratio, "0.50"));
    payment = dec("975.00");
    EXPECT_OK(coll_assessment_debt_to_income(a, &payment, &has, &ratio));
    EXPECT_TRUE(has && text_is(&ratio, "0.50"));
    /* A copy outlives the original and lends its own text. */
    EXPECT_OK(coll_assessment_clone(a, &copy));
    coll_assessment_free(a);
    a = NULL;
    EXPECT_OK(coll_assessment_get_figures(copy, &f));
    EXPECT_TRUE(strcmp(f.table, "irs-2025") == 0 && text_is(&f.disposable_income, "83.00"));

    /* Without guidelines (NULL) and with the default policy (NULL); a deficit has no ratio, and no income
     * no debt-to-income. */
    EXPECT_OK(coll_assess(deficit, NULL, NULL, &plain));
    EXPECT_OK(coll_assessment_get_figures(plain, &f));
    EXPECT_TRUE(f.table == NULL && f.table_len == 0 && text_is(&f.disposable_income, "-100.00") &&
                text_is(&f.max_affordable_payment, "0.00") && f.is_deficit == 1);
    payment = dec("10");
    EXPECT_OK(coll_assessment_affordability_ratio(plain, &payment, &has, &ratio));
    EXPECT_TRUE(!has && text_is(&ratio, "0"));
    EXPECT_OK(coll_assessment_guideline_count(plain, &n));
    EXPECT_TRUE(n == 0);
    coll_assessment_free(plain);
    EXPECT_OK(coll_assess(no_income, NULL, NULL, &plain));
    has = true;
    EXPECT_OK(coll_assessment_debt_to_income(plain, &payment, &has, &ratio));
    EXPECT_TRUE(!has && text_is(&ratio, "0"));
    coll_assessment_free(plain);
    /* The Common Financial Tool's contingency: 10% of the 1,000.00 surplus, at most 20. */
    policy.has_contingency = 1;
    policy.contingency = cft;
    EXPECT_OK(coll_assess(s, NULL, &policy, &plain));
    EXPECT_OK(coll_assessment_get_figures(plain, &f));
    EXPECT_TRUE(text_is(&f.surplus, "1000.00") && text_is(&f.contingency, "20") &&
                text_is(&f.disposable_income, "980.00"));
    EXPECT_OK(coll_assessment_line_count(plain, &n));
    EXPECT_TRUE(n == 9);
    coll_assessment_free(plain);
    policy.has_contingency = 0;

    /* Bad input names its field, and makes nothing. */
    ASSESS_FAILS(early, irs, NULL, COLL_INVALID_ARGUMENT, "date"); /* before every table */
    EXPECT_TRUE(strstr(coll_last_error_message(), "2024-01-31") != NULL);
    EXPECT_OK(coll_guidelines_from_json(mixed_rules, strlen(mixed_rules), &mixed));
    ASSESS_FAILS(s, mixed, NULL, COLL_INVALID_ARGUMENT, "guidelines");
    bad = policy;
    bad.has_contingency = 2;
    ASSESS_FAILS(s, NULL, &bad, COLL_INVALID_ARGUMENT, "has_contingency");
    bad.has_contingency = 1;
    bad.contingency = cft;
    bad.contingency.percent = dec("1.5");
    ASSESS_FAILS(s, NULL, &bad, COLL_INVALID_ARGUMENT, "contingency.percent");
    bad.contingency.percent.scale = 29;
    ASSESS_FAILS(s, NULL, &bad, COLL_INVALID_DECIMAL, "contingency.percent");
    bad.contingency = cft;
    bad.contingency.cap = dec("-1");
    ASSESS_FAILS(s, NULL, &bad, COLL_INVALID_ARGUMENT, "contingency.cap");
    bad.contingency.cap.scale = 29;
    ASSESS_FAILS(s, NULL, &bad, COLL_INVALID_DECIMAL, "contingency.cap");
    bad = policy;
    bad.low_spending_fraction = dec("2");
    ASSESS_FAILS(s, NULL, &bad, COLL_INVALID_ARGUMENT, "low_spending_fraction");
    bad.low_spending_fraction.scale = 29;
    ASSESS_FAILS(s, NULL, &bad, COLL_INVALID_DECIMAL, "low_spending_fraction");
    bad = policy;
    bad.debt_administration_fee = dec("-1");
    ASSESS_FAILS(s, NULL, &bad, COLL_INVALID_ARGUMENT, "debt_administration_fee");
    bad.debt_administration_fee = dec("0.001");
    ASSESS_FAILS(s, NULL, &bad, COLL_INVALID_ARGUMENT, "debt_administration_fee");
    bad.debt_administration_fee.scale = 29;
    ASSESS_FAILS(s, NULL, &bad, COLL_INVALID_DECIMAL, "debt_administration_fee");
    bad = policy;
    bad.rounding = 7;
    ASSESS_FAILS(s, NULL, &bad, COLL_INVALID_ARGUMENT, "rounding");
    ASSESS_FAILS(NULL, irs, &policy, COLL_NULL_ARGUMENT, "statement");
    EXPECT_NULL(coll_assess(s, irs, &policy, NULL), "out");

    /* Reading past the end or with NULLs. */
    POISON(f_out);
    POISON(u_out);
    POISON(flag_out);
    POISON(line_out);
    POISON(mark_out);
    POISON(len_out);
    POISON(n_out);
    POISON(a_out);
    EXPECT(coll_assessment_guideline_at(copy, 3, &u_out), COLL_INVALID_ARGUMENT, "index");
    EXPECT(coll_assessment_guideline_mark_at(copy, 0, 1, &mark_out, &len_out), COLL_INVALID_ARGUMENT, "mark");
    EXPECT(coll_assessment_guideline_mark_at(copy, 3, 0, &mark_out, &len_out), COLL_INVALID_ARGUMENT, "index");
    EXPECT(coll_assessment_flag_at(copy, 3, &flag_out), COLL_INVALID_ARGUMENT, "index");
    EXPECT(coll_assessment_line_at(copy, 13, &line_out), COLL_INVALID_ARGUMENT, "index");
    EXPECT_NULL(coll_assessment_get_figures(NULL, &f_out), "assessment");
    EXPECT_NULL(coll_assessment_get_figures(copy, NULL), "out");
    EXPECT_NULL(coll_assessment_guideline_count(NULL, &n_out), "assessment");
    EXPECT_NULL(coll_assessment_guideline_count(copy, NULL), "out");
    EXPECT_NULL(coll_assessment_guideline_at(NULL, 0, &u_out), "assessment");
    EXPECT_NULL(coll_assessment_guideline_at(copy, 0, NULL), "out");
    EXPECT_NULL(coll_assessment_guideline_mark_at(NULL, 0, 0, &mark_out, &len_out), "assessment");
    EXPECT_NULL(coll_assessment_guideline_mark_at(copy, 0, 0, NULL, &len_out), "out_mark");
    EXPECT_NULL(coll_assessment_guideline_mark_at(copy, 0, 0, &mark_out, NULL), "out_len");
    EXPECT_NULL(coll_assessment_flag_count(NULL, &n_out), "assessment");
    EXPECT_NULL(coll_assessment_flag_count(copy, NULL), "out");
    EXPECT_NULL(coll_assessment_flag_at(NULL, 0, &flag_out), "assessment");
    EXPECT_NULL(coll_assessment_flag_at(copy, 0, NULL), "out");
    EXPECT_NULL(coll_assessment_line_count(NULL, &n_out), "assessment");
    EXPECT_NULL(coll_assessment_line_count(copy, NULL), "out");
    EXPECT_NULL(coll_assessment_line_at(NULL, 0, &line_out), "assessment");
    EXPECT_NULL(coll_assessment_line_at(copy, 0, NULL), "out");
    EXPECT_NULL(coll_assessment_clone(NULL, &a_out), "assessment");
    EXPECT_NULL(coll_assessment_clone(copy, NULL), "out");
    UNTOUCHED(f_out);
    UNTOUCHED(u_out);
    UNTOUCHED(flag_out);
    UNTOUCHED(line_out);
    UNTOUCHED(mark_out);
    UNTOUCHED(len_out);
    UNTOUCHED(n_out);
    UNTOUCHED(a_out);
    /* The ratios refuse a negative or invalid amount and NULLs. */
    POISON(has_out);
    POISON(ratio_out);
    payment = dec("-1");
    EXPECT(coll_assessment_affordability_ratio(copy, &payment, &has_out, &ratio_out), COLL_INVALID_ARGUMENT,
           "payment");
    EXPECT(coll_assessment_debt_to_income(copy, &payment, &has_out, &ratio_out), COLL_INVALID_ARGUMENT,
           "monthly_debt_payments");
    bad_payment.scale = 29;
    EXPECT(coll_assessment_affordability_ratio(copy, &bad_payment, &has_out, &ratio_out), COLL_INVALID_DECIMAL,
           "payment");
    EXPECT(coll_assessment_debt_to_income(copy, &bad_payment, &has_out, &ratio_out), COLL_INVALID_DECIMAL,
           "monthly_debt_payments");
    UNTOUCHED(has_out);
    UNTOUCHED(ratio_out);
    payment = dec("1");
    EXPECT_NULL(coll_assessment_affordability_ratio(NULL, &payment, &has, &ratio), "assessment");
    EXPECT_NULL(coll_assessment_affordability_ratio(copy, NULL, &has, &ratio), "payment");
    EXPECT_NULL(coll_assessment_affordability_ratio(copy, &payment, NULL, &ratio), "out_has_value");
    EXPECT_NULL(coll_assessment_affordability_ratio(copy, &payment, &has, NULL), "out");
    EXPECT_NULL(coll_assessment_debt_to_income(NULL, &payment, &has, &ratio), "assessment");
    EXPECT_NULL(coll_assessment_debt_to_income(copy, NULL, &has, &ratio), "monthly_debt_payments");
    EXPECT_NULL(coll_assessment_debt_to_income(copy, &payment, NULL, &ratio), "out_has_value");
    EXPECT_NULL(coll_assessment_debt_to_income(copy, &payment, &has, NULL), "out");
    coll_assessment_free(copy);
    coll_assessment_free(NULL);
    coll_guidelines_free(mixed);
    coll_guidelines_free(irs);
    coll_statement_free(s);
    coll_statement_free(deficit);
    coll_statement_free(no_income);
    coll_statement_free(early);
}

static coll_creditor creditor(const char *id, const char *balance) {
    coll_creditor c;
    c.id = id;
    c.id_len = strlen(id);
    c.balance = dec(balance);
    return c;
}

/* A fair share that must be refused with `status` naming `field`, leaving *out untouched. */
static void expect_share_fails(int line, const coll_decimal *available, const coll_currency *cur,
                               const coll_creditor *creditors, size_t n, const coll_offer_policy *p,
                               coll_status status, const char *field) {
    coll_fair_share *out;
    poison(&out, sizeof out);
    expect_status(line, "coll_fair_share_new", coll_fair_share_new(available, cur, creditors, n, p, &out), status,
                  field);
    expect_untouched(line, "out", &out, sizeof out);
}

#define SHARE_FAILS(available, cur, creditors, n, p, status, field)                                                \
    expect_share_fails(__LINE__, available, cur, creditors, n, p, status, field)

static void test_fair_shares(void) {
    coll_creditor creditors[3], bad[2];
    coll_offer_policy policy, bad_policy;
    coll_currency gbp = currency("GBP"), bad_cur = currency("GBP");
    coll_decimal available = dec("100"), bad_available;
    coll_fair_share *f = NULL, *copy = NULL, *f_out;
    coll_fair_share_totals t, t_out;
    coll_offer offer, offer_out;
    size_t n = 99, n_out;

    EXPECT_OK(coll_offer_policy_init(&policy));
    EXPECT_TRUE(text_is(&policy.token_payment, "1") && text_is(&policy.minimum, "0"));
    EXPECT_NULL(coll_offer_policy_init(NULL), "out");

    /* 100.00 by 3,000 / 1,500 / 500: 60.00 / 30.00 / 10.00. */
    creditors[0] = creditor("bank", "3000");
    creditors[1] = creditor("card", "1500");
    creditors[2] = creditor("catalogue", "500");
    EXPECT_OK(coll_fair_share_new(&available, &gbp, creditors, 3, NULL, &f));
    EXPECT_OK(coll_fair_share_offer_count(f, &n));
    EXPECT_TRUE(n == 3);
    EXPECT_OK(coll_fair_share_offer_at(f, 2, &offer));
    EXPECT_TRUE(strcmp(offer.creditor, "catalogue") == 0 && offer.creditor_len == 9 &&
                offer.creditor != creditors[2].id && text_is(&offer.balance, "500") &&
                text_is(&offer.amount, "10.00") && offer.basis == COLL_OFFER_BASIS_PRO_RATA);
    EXPECT_OK(coll_fair_share_get_totals(f, &t));
    EXPECT_TRUE(text_is(&t.available, "100") && text_is(&t.total, "100.00") && t.no_surplus == 0 &&
                t.minimum_set_aside == 0);
    /* A minimum of 15: the catalogue gets a token 1.00 and 99.00 is shared by the other two. */
    policy.minimum = dec("15");
    EXPECT_OK(coll_fair_share_new(&available, &gbp, creditors, 3, &policy, &copy));
    EXPECT_OK(coll_fair_share_offer_at(copy, 0, &offer));
    EXPECT_TRUE(text_is(&offer.amount, "66.00") && offer.basis == COLL_OFFER_BASIS_PRO_RATA);
    EXPECT_OK(coll_fair_share_offer_at(copy, 2, &offer));
    EXPECT_TRUE(text_is(&offer.amount, "1.00") && offer.basis == COLL_OFFER_BASIS_TOKEN);
    coll_fair_share_free(copy);
    /* Nothing available: a token to each. A copy outlives the original. */
    available = dec("0");
    EXPECT_OK(coll_fair_share_new(&available, &gbp, creditors, 2, NULL, &copy));
    coll_fair_share_free(f);
    EXPECT_OK(coll_fair_share_clone(copy, &f));
    coll_fair_share_free(copy);
    copy = NULL;
    EXPECT_OK(coll_fair_share_get_totals(f, &t));
    EXPECT_TRUE(t.no_surplus == 1 && text_is(&t.total, "2.00"));
    EXPECT_OK(coll_fair_share_offer_at(f, 1, &offer));
    EXPECT_TRUE(strcmp(offer.creditor, "card") == 0 && offer.basis == COLL_OFFER_BASIS_TOKEN);

    /* Bad input names its field, and makes nothing. */
    available = dec("100");
    SHARE_FAILS(&available, &gbp, NULL, 0, NULL, COLL_INVALID_ARGUMENT, "creditors"); /* none */
    SHARE_FAILS(&available, &gbp, NULL, 2, NULL, COLL_NULL_ARGUMENT, "creditors");
    bad[0] = creditor("a", "10");
    bad[1] = creditor("a", "20");
    SHARE_FAILS(&available, &gbp, bad, 2, NULL, COLL_INVALID_ARGUMENT, "creditors"); /* the same id twice */
    bad[1] = creditor(" ", "20");
    SHARE_FAILS(&available, &gbp, bad, 2, NULL, COLL_INVALID_ARGUMENT, "creditors"); /* no id */
    bad[1] = creditor("b", "0");
    SHARE_FAILS(&available, &gbp, bad, 2, NULL, COLL_INVALID_ARGUMENT, "creditors"); /* nothing owed */
    EXPECT_TRUE(strstr(coll_last_error_message(), "#1 b: 0") != NULL);
    bad[1] = creditor("b", "-3");
    SHARE_FAILS(&available, &gbp, bad, 2, NULL, COLL_INVALID_ARGUMENT, "creditors");
    bad[1] = creditor("b", "2.001");
    SHARE_FAILS(&available, &gbp, bad, 2, NULL, COLL_INVALID_ARGUMENT, "creditors");
    bad[1].balance.scale = 29;
    SHARE_FAILS(&available, &gbp, bad, 2, NULL, COLL_INVALID_DECIMAL, "creditors.balance");
    EXPECT_TRUE(strstr(coll_last_error_message(), "#1") != NULL);
    bad[1] = creditor("b", "20");
    bad[1].id = BAD_UTF8;
    bad[1].id_len = 2;
    SHARE_FAILS(&available, &gbp, bad, 2, NULL, COLL_INVALID_UTF8, "creditors.id");
    bad[1].id = NULL;
    SHARE_FAILS(&available, &gbp, bad, 2, NULL, COLL_NULL_ARGUMENT, "creditors.id");
    bad_available = dec("10.001");
    SHARE_FAILS(&bad_available, &gbp, creditors, 3, NULL, COLL_INVALID_ARGUMENT, "available");
    bad_available.scale = 29;
    SHARE_FAILS(&bad_available, &gbp, creditors, 3, NULL, COLL_INVALID_DECIMAL, "available");
    bad_policy = policy;
    bad_policy.token_payment = dec("-1");
    SHARE_FAILS(&available, &gbp, creditors, 3, &bad_policy, COLL_INVALID_ARGUMENT, "token_payment");
    bad_policy.token_payment.scale = 29;
    SHARE_FAILS(&available, &gbp, creditors, 3, &bad_policy, COLL_INVALID_DECIMAL, "token_payment");
    bad_policy = policy;
    bad_policy.minimum = dec("-1");
    SHARE_FAILS(&available, &gbp, creditors, 3, &bad_policy, COLL_INVALID_ARGUMENT, "minimum");
    bad_policy.minimum = dec("0.001");
    SHARE_FAILS(&available, &gbp, creditors, 3, &bad_policy, COLL_INVALID_ARGUMENT, "minimum");
    bad_policy.minimum.scale = 29;
    SHARE_FAILS(&available, &gbp, creditors, 3, &bad_policy, COLL_INVALID_DECIMAL, "minimum");
    bad_cur.code[2] = '9';
    SHARE_FAILS(&available, &bad_cur, creditors, 3, NULL, COLL_UNKNOWN_CURRENCY, "currency");
    SHARE_FAILS(NULL, &gbp, creditors, 3, NULL, COLL_NULL_ARGUMENT, "available");
    SHARE_FAILS(&available, NULL, creditors, 3, NULL, COLL_NULL_ARGUMENT, "currency");
    EXPECT_NULL(coll_fair_share_new(&available, &gbp, creditors, 3, NULL, NULL), "out");

    /* Reading past the end or with NULLs. */
    POISON(offer_out);
    POISON(t_out);
    POISON(n_out);
    POISON(f_out);
    EXPECT(coll_fair_share_offer_at(f, 2, &offer_out), COLL_INVALID_ARGUMENT, "index");
    EXPECT_NULL(coll_fair_share_offer_at(NULL, 0, &offer_out), "fair_share");
    EXPECT_NULL(coll_fair_share_offer_at(f, 0, NULL), "out");
    EXPECT_NULL(coll_fair_share_offer_count(NULL, &n_out), "fair_share");
    EXPECT_NULL(coll_fair_share_offer_count(f, NULL), "out");
    EXPECT_NULL(coll_fair_share_get_totals(NULL, &t_out), "fair_share");
    EXPECT_NULL(coll_fair_share_get_totals(f, NULL), "out");
    EXPECT_NULL(coll_fair_share_clone(NULL, &f_out), "fair_share");
    EXPECT_NULL(coll_fair_share_clone(f, NULL), "out");
    UNTOUCHED(offer_out);
    UNTOUCHED(t_out);
    UNTOUCHED(n_out);
    UNTOUCHED(f_out);
    coll_fair_share_free(f);
    coll_fair_share_free(NULL);
}

static coll_plan_debt plan_debt(const char *id, const char *balance, const char *rate) {
    coll_plan_debt d;
    d.id = id;
    d.id_len = strlen(id);
    d.balance = dec(balance);
    d.annual_rate = dec(rate);
    return d;
}

/* Recommendations that must be refused with `status` naming `field`, leaving *out untouched. */
static void expect_recommend_fails(int line, const coll_assessment *a, const coll_plan_debt *debts, size_t n,
                                   const coll_plan_policy *p, coll_status status, const char *field) {
    coll_recommendations *out;
    poison(&out, sizeof out);
    expect_status(line, "coll_recommend", coll_recommend(a, debts, n, p, &out), status, field);
    expect_untouched(line, "out", &out, sizeof out);
}

#define RECOMMEND_FAILS(a, debts, n, p, status, field) expect_recommend_fails(__LINE__, a, debts, n, p, status, field)

static void test_recommendations(void) {
    coll_statement_item items[2];
    coll_household h;
    coll_currency gbp = currency("GBP");
    coll_statement *s = NULL;
    coll_assessment *a = NULL;
    coll_plan_debt debts[2], bad[2];
    coll_plan_policy policy, irs, bad_policy;
    coll_recommendations *r = NULL, *copy = NULL, *r_out;
    coll_recommendation rec, rec_out;
    coll_fallback f, f_out;
    const char *reason = NULL, *reason_out;
    size_t n = 99, n_out, len = 0, len_out;

    EXPECT_OK(coll_plan_policy_init(&policy));
    EXPECT_TRUE(policy.max_term_months == 60 && policy.minimum_payment_kind == COLL_MINIMUM_PAYMENT_FIXED &&
                text_is(&policy.minimum_payment, "0") && text_is(&policy.max_share_of_surplus, "1") &&
                policy.freeze_interest == COLL_FREEZE_INTEREST_WHEN_PAYMENT_BELOW_INTEREST &&
                text_is(&policy.token_payment, "1") && policy.breathing_space_days == 60 &&
                policy.forbearance_months == 3 && policy.rounding == COLL_ROUND_HALF_UP);
    EXPECT_OK(coll_plan_policy_irs_streamlined(&irs));
    EXPECT_TRUE(irs.max_term_months == 72 && irs.minimum_payment_kind == COLL_MINIMUM_PAYMENT_IRS_STREAMLINED &&
                text_is(&irs.minimum_payment, "0") && irs.freeze_interest == COLL_FREEZE_INTEREST_NEVER);
    EXPECT_NULL(coll_plan_policy_init(NULL), "out");
    EXPECT_NULL(coll_plan_policy_irs_streamlined(NULL), "out");

    /* 150.00 a month shared 50.00 / 100.00 by 2,000 / 4,000: 40 months each. */
    items[0] = statement_item(COLL_CATEGORY_EARNINGS, "1500", "monthly");
    items[1] = statement_item(COLL_CATEGORY_HOUSING, "1350", "monthly");
    EXPECT_OK(coll_household_init(1, &h));
    EXPECT_OK(coll_statement_new(ymd(2025, 6, 1), &gbp, &h, items, 2, COLL_ROUND_HALF_UP, &s));
    EXPECT_OK(coll_assess(s, NULL, NULL, &a));
    debts[0] = plan_debt("card", "2000", "0");
    debts[1] = plan_debt("loan", "4000", "0");
    EXPECT_OK(coll_recommend(a, debts, 2, &policy, &r));
    EXPECT_OK(coll_recommendations_count(r, &n));
    EXPECT_TRUE(n == 2);
    EXPECT_OK(coll_recommendations_at(r, 0, &rec));
    EXPECT_TRUE(strcmp(rec.debt, "card") == 0 && rec.debt_len == 4 && rec.debt != debts[0].id &&
                text_is(&rec.fair_share, "50.00") && rec.has_plan == 1 && text_is(&rec.plan.payment, "50.00") &&
                rec.plan.term_months == 40 && text_is(&rec.plan.final_payment, "50.00") &&
                rec.plan.freeze_interest == 0 && text_is(&rec.plan.total_paid, "2000.00") && rec.n_fallbacks == 0 &&
                rec.n_reasons == 2);
    EXPECT_OK(coll_recommendations_reason_at(r, 0, 0, &reason, &len));
    EXPECT_TRUE(reason != NULL && len == strlen(reason) && strncmp(reason, "fair share of 150.00 available", 30) == 0);
    coll_recommendations_free(r);
    r = NULL;
    /* At most 24 months: neither can be afforded; the fallbacks. The default policy is NULL. */
    policy.max_term_months = 24;
    EXPECT_OK(coll_recommend(a, debts, 2, &policy, &copy));
    EXPECT_OK(coll_recommendations_clone(copy, &r));
    coll_recommendations_free(copy);
    EXPECT_OK(coll_recommendations_at(r, 1, &rec));
    EXPECT_TRUE(strcmp(rec.debt, "loan") == 0 && rec.has_plan == 0 && text_is(&rec.plan.payment, "0") &&
                rec.plan.term_months == 0 && rec.n_fallbacks == 3 && rec.n_reasons == 2);
    EXPECT_OK(coll_recommendations_fallback_at(r, 1, 0, &f));
    EXPECT_TRUE(f.kind == COLL_FALLBACK_TOKEN_PAYMENT && text_is(&f.amount, "1.00") && f.days == 0 && f.months == 0);
    EXPECT_OK(coll_recommendations_fallback_at(r, 1, 1, &f));
    EXPECT_TRUE(f.kind == COLL_FALLBACK_BREATHING_SPACE && f.days == 60 && text_is(&f.amount, "0"));
    EXPECT_OK(coll_recommendations_fallback_at(r, 1, 2, &f));
    EXPECT_TRUE(f.kind == COLL_FALLBACK_FORBEARANCE && f.months == 3);
    EXPECT_OK(coll_recommendations_reason_at(r, 1, 1, &reason, &len));
    EXPECT_TRUE(strstr(reason, "more than the policy's 24 months") != NULL);
    copy = NULL;
    EXPECT_OK(coll_recommend(a, debts, 2, NULL, &copy));
    EXPECT_OK(coll_recommendations_at(copy, 1, &rec));
    EXPECT_TRUE(rec.has_plan == 1 && text_is(&rec.plan.payment, "100.00"));
    coll_recommendations_free(copy);
    policy.max_term_months = 60;

    /* Bad input names its field, and makes nothing. */
    RECOMMEND_FAILS(a, NULL, 0, &policy, COLL_INVALID_ARGUMENT, "debts"); /* none */
    RECOMMEND_FAILS(a, NULL, 2, &policy, COLL_NULL_ARGUMENT, "debts");
    bad[0] = debts[0];
    bad[1] = plan_debt("card", "10", "0");
    RECOMMEND_FAILS(a, bad, 2, &policy, COLL_INVALID_ARGUMENT, "debts"); /* the same id twice */
    bad[1] = plan_debt("x", "0", "0");
    RECOMMEND_FAILS(a, bad, 2, &policy, COLL_INVALID_ARGUMENT, "debts"); /* nothing owed */
    bad[1] = plan_debt("x", "10", "-0.1");
    RECOMMEND_FAILS(a, bad, 2, &policy, COLL_INVALID_ARGUMENT, "debts"); /* a negative rate */
    EXPECT_TRUE(strstr(coll_last_error_message(), "#1 x") != NULL);
    bad[1] = plan_debt("x", "10", "11");
    RECOMMEND_FAILS(a, bad, 2, &policy, COLL_INVALID_ARGUMENT, "debts");
    bad[1].annual_rate.scale = 29;
    RECOMMEND_FAILS(a, bad, 2, &policy, COLL_INVALID_DECIMAL, "debts.annual_rate");
    bad[1] = plan_debt("x", "10", "0");
    bad[1].balance.scale = 29;
    RECOMMEND_FAILS(a, bad, 2, &policy, COLL_INVALID_DECIMAL, "debts.balance");
    bad[1] = plan_debt("x", "10", "0");
    bad[1].id = BAD_UTF8;
    bad[1].id_len = 2;
    RECOMMEND_FAILS(a, bad, 2, &policy, COLL_INVALID_UTF8, "debts.id");
    EXPECT_TRUE(strstr(coll_last_error_message(), "#1") != NULL);
    bad_policy = policy;
    bad_policy.max_term_months = 0;
    RECOMMEND_FAILS(a, debts, 2, &bad_policy, COLL_INVALID_ARGUMENT, "max_term_months");
    bad_policy.max_term_months = COLL_MAX_TERM_MONTHS + 1;
    RECOMMEND_FAILS(a, debts, 2, &bad_policy, COLL_INVALID_ARGUMENT, "max_term_months");
    bad_policy = policy;
    bad_policy.max_share_of_surplus = dec("0");
    RECOMMEND_FAILS(a, debts, 2, &bad_policy, COLL_INVALID_ARGUMENT, "max_share_of_surplus");
    bad_policy.max_share_of_surplus = dec("1.5");
    RECOMMEND_FAILS(a, debts, 2, &bad_policy, COLL_INVALID_ARGUMENT, "max_share_of_surplus");
    bad_policy.max_share_of_surplus.scale = 29;
    RECOMMEND_FAILS(a, debts, 2, &bad_policy, COLL_INVALID_DECIMAL, "max_share_of_surplus");
    bad_policy = policy;
    bad_policy.token_payment = dec("-1");
    RECOMMEND_FAILS(a, debts, 2, &bad_policy, COLL_INVALID_ARGUMENT, "token_payment");
    bad_policy.token_payment.scale = 29;
    RECOMMEND_FAILS(a, debts, 2, &bad_policy, COLL_INVALID_DECIMAL, "token_payment");
    bad_policy = policy;
    bad_policy.minimum_payment = dec("-1");
    RECOMMEND_FAILS(a, debts, 2, &bad_policy, COLL_INVALID_ARGUMENT, "minimum_payment");
    bad_policy.minimum_payment.scale = 29;
    RECOMMEND_FAILS(a, debts, 2, &bad_policy, COLL_INVALID_DECIMAL, "minimum_payment");
    bad_policy = irs;
    bad_policy.minimum_payment = dec("5");
    RECOMMEND_FAILS(a, debts, 2, &bad_policy, COLL_INVALID_ARGUMENT, "minimum_payment"); /* not taken */
    bad_policy = policy;
    bad_policy.minimum_payment_kind = 2;
    RECOMMEND_FAILS(a, debts, 2, &bad_policy, COLL_INVALID_ARGUMENT, "minimum_payment_kind");
    bad_policy = policy;
    bad_policy.freeze_interest = 3;
    RECOMMEND_FAILS(a, debts, 2, &bad_policy, COLL_INVALID_ARGUMENT, "freeze_interest");
    bad_policy = policy;
    bad_policy.rounding = 7;
    RECOMMEND_FAILS(a, debts, 2, &bad_policy, COLL_INVALID_ARGUMENT, "rounding");
    RECOMMEND_FAILS(NULL, debts, 2, &policy, COLL_NULL_ARGUMENT, "assessment");
    EXPECT_NULL(coll_recommend(a, debts, 2, &policy, NULL), "out");

    /* Reading past the end or with NULLs. */
    POISON(rec_out);
    POISON(f_out);
    POISON(reason_out);
    POISON(len_out);
    POISON(n_out);
    POISON(r_out);
    EXPECT(coll_recommendations_at(r, 2, &rec_out), COLL_INVALID_ARGUMENT, "index");
    EXPECT(coll_recommendations_fallback_at(r, 1, 3, &f_out), COLL_INVALID_ARGUMENT, "fallback");
    EXPECT(coll_recommendations_fallback_at(r, 2, 0, &f_out), COLL_INVALID_ARGUMENT, "index");
    EXPECT(coll_recommendations_reason_at(r, 0, 2, &reason_out, &len_out), COLL_INVALID_ARGUMENT, "reason");
    EXPECT(coll_recommendations_reason_at(r, 2, 0, &reason_out, &len_out), COLL_INVALID_ARGUMENT, "index");
    EXPECT_NULL(coll_recommendations_at(NULL, 0, &rec_out), "recommendations");
    EXPECT_NULL(coll_recommendations_at(r, 0, NULL), "out");
    EXPECT_NULL(coll_recommendations_fallback_at(NULL, 1, 0, &f_out), "recommendations");
    EXPECT_NULL(coll_recommendations_fallback_at(r, 1, 0, NULL), "out");
    EXPECT_NULL(coll_recommendations_reason_at(NULL, 0, 0, &reason_out, &len_out), "recommendations");
    EXPECT_NULL(coll_recommendations_reason_at(r, 0, 0, NULL, &len_out), "out_reason");
    EXPECT_NULL(coll_recommendations_reason_at(r, 0, 0, &reason_out, NULL), "out_len");
    EXPECT_NULL(coll_recommendations_count(NULL, &n_out), "recommendations");
    EXPECT_NULL(coll_recommendations_count(r, NULL), "out");
    EXPECT_NULL(coll_recommendations_clone(NULL, &r_out), "recommendations");
    EXPECT_NULL(coll_recommendations_clone(r, NULL), "out");
    UNTOUCHED(rec_out);
    UNTOUCHED(f_out);
    UNTOUCHED(reason_out);
    UNTOUCHED(len_out);
    UNTOUCHED(n_out);
    UNTOUCHED(r_out);
    coll_recommendations_free(r);
    coll_recommendations_free(NULL);
    coll_assessment_free(a);
    coll_statement_free(s);
}

/* ---------------------------------------------------------------- contact rules */

static coll_contact_text contact_text(const char *s) {
    coll_contact_text t;
    t.ptr = s;
    t.len = strlen(s);
    return t;
}

/* Whether lent text of `len` bytes equals `want` and is NUL-terminated. */
static int lent_is(const char *got, size_t len, const char *want) {
    return got != NULL && strlen(want) == len && memcmp(got, want, len) == 0 && got[len] == '\0';
}

#define CONTACT_CELL "+1 212 555 0100"
/* Comment 6(b)(1)(i)-2.i: an Eastern mobile number and a Pacific address. */
static const char CONTACT_PROFILE[] =
    "{\"person\":\"p1\",\"time_zones\":[\"America/New_York\",\"America/Los_Angeles\"],"
    "\"destinations\":[{\"address\":\"+1 212 555 0100\",\"medium\":\"phone\",\"line\":\"cell\"},"
    "{\"address\":\"pat@example.com\",\"medium\":\"email\"}]}";
/* 2026-04-08T15:00:00Z: 11:00 a.m. in New York (EDT), 8:00 a.m. in Los Angeles (PDT). */
#define CONTACT_ELEVEN_ET 1775660400LL

static void test_contact_names(void) {
    uint32_t v;
    const char *name;
    int64_t t;
    char buf[64];
    size_t len;

    EXPECT_OK(coll_contact_channel_from_name("ringless voicemail", 18, &v));
    EXPECT_TRUE(v == COLL_CONTACT_CHANNEL_RINGLESS_VOICEMAIL);
    EXPECT_OK(coll_contact_channel_name(COLL_CONTACT_CHANNEL_EMAIL, &name));
    EXPECT_TRUE(strcmp(name, "email") == 0);
    POISON(v);
    EXPECT(coll_contact_channel_from_name("fax", 3, &v), COLL_INVALID_ARGUMENT, "channel");
    UNTOUCHED(v);
    EXPECT(coll_contact_channel_from_name("\xff", 1, &v), COLL_INVALID_UTF8, "name");
    EXPECT_NULL(coll_contact_channel_from_name(NULL, 4, &v), "name");
    EXPECT_NULL(coll_contact_channel_from_name("call", 4, NULL), "out");
    EXPECT(coll_contact_channel_name(6, &name), COLL_INVALID_ARGUMENT, "channel");
    EXPECT_NULL(coll_contact_channel_name(0, NULL), "out");

    EXPECT_OK(coll_contact_direction_from_name("Inbound", 7, &v));
    EXPECT_TRUE(v == COLL_CONTACT_DIRECTION_INBOUND);
    EXPECT_OK(coll_contact_direction_name(COLL_CONTACT_DIRECTION_OUTBOUND, &name));
    EXPECT_TRUE(strcmp(name, "outbound") == 0);
    EXPECT(coll_contact_direction_from_name("sideways", 8, &v), COLL_INVALID_ARGUMENT, "direction");
    EXPECT(coll_contact_direction_name(2, &name), COLL_INVALID_ARGUMENT, "direction");
    EXPECT_NULL(coll_contact_direction_from_name(NULL, 0, &v), "name");
    EXPECT_NULL(coll_contact_direction_name(0, NULL), "out");

    EXPECT_OK(coll_contact_outcome_from_name("wrong-number", 12, &v));
    EXPECT_TRUE(v == COLL_CONTACT_OUTCOME_WRONG_NUMBER);
    EXPECT_OK(coll_contact_outcome_name(COLL_CONTACT_OUTCOME_LIMITED_CONTENT_MESSAGE, &name));
    EXPECT_TRUE(strcmp(name, "limited_content_message") == 0);
    EXPECT(coll_contact_outcome_from_name("hung up", 7, &v), COLL_INVALID_ARGUMENT, "outcome");
    EXPECT(coll_contact_outcome_name(10, &name), COLL_INVALID_ARGUMENT, "outcome");
    EXPECT_NULL(coll_contact_outcome_from_name("busy", 4, NULL), "out");
    EXPECT_NULL(coll_contact_outcome_name(0, NULL), "out");

    EXPECT_OK(coll_contact_flag_kind_from_name("breathing space", 15, &v));
    EXPECT_TRUE(v == COLL_CONTACT_FLAG_BREATHING_SPACE);
    EXPECT_OK(coll_contact_flag_kind_name(COLL_CONTACT_FLAG_CEASE_RECEIVED, &name));
    EXPECT_TRUE(strcmp(name, "cease_received") == 0);
    EXPECT(coll_contact_flag_kind_from_name("jail", 4, &v), COLL_INVALID_ARGUMENT, "flags.kind");
    EXPECT(coll_contact_flag_kind_name(7, &name), COLL_INVALID_ARGUMENT, "flags.kind");
    EXPECT_NULL(coll_contact_flag_kind_from_name(NULL, 1, &v), "name");
    EXPECT_NULL(coll_contact_flag_kind_name(0, NULL), "out");

    EXPECT_OK(coll_contact_purpose_from_name("cease notice", 12, &v));
    EXPECT_TRUE(v == COLL_CONTACT_PURPOSE_CEASE_NOTICE);
    EXPECT_OK(coll_contact_purpose_name(COLL_CONTACT_PURPOSE_OPT_OUT_CONFIRMATION, &name));
    EXPECT_TRUE(strcmp(name, "opt_out_confirmation") == 0);
    EXPECT(coll_contact_purpose_from_name("marketing", 9, &v), COLL_INVALID_ARGUMENT, "purpose");
    EXPECT(coll_contact_purpose_name(3, &name), COLL_INVALID_ARGUMENT, "purpose");
    EXPECT_NULL(coll_contact_purpose_from_name(NULL, 1, &v), "name");
    EXPECT_NULL(coll_contact_purpose_name(0, NULL), "out");

    /* Instants: RFC 3339 text with any offset, Unix seconds, text back in UTC. */
    EXPECT_OK(coll_instant_from_rfc3339("2026-04-08T11:00:00-04:00", 25, &t));
    EXPECT_TRUE(t == CONTACT_ELEVEN_ET);
    POISON(t);
    EXPECT(coll_instant_from_rfc3339("2026-04-08 11:00", 16, &t), COLL_INVALID_DATE, "text");
    UNTOUCHED(t);
    EXPECT(coll_instant_from_rfc3339("\xc3", 1, &t), COLL_INVALID_UTF8, "text");
    EXPECT_NULL(coll_instant_from_rfc3339(NULL, 3, &t), "text");
    EXPECT_NULL(coll_instant_from_rfc3339("2026-04-08T11:00:00Z", 20, NULL), "out");
    EXPECT_OK(coll_instant_to_rfc3339(CONTACT_ELEVEN_ET, buf, sizeof buf, &len));
    EXPECT_TRUE(strcmp(buf, "2026-04-08T15:00:00Z") == 0 && len == 20);
    EXPECT(coll_instant_to_rfc3339(CONTACT_ELEVEN_ET, NULL, 0, &len), COLL_BUFFER_TOO_SMALL, "buf");
    EXPECT_TRUE(len == 21);
    EXPECT(coll_instant_to_rfc3339(INT64_MAX, buf, sizeof buf, &len), COLL_DATE_OUT_OF_RANGE, "seconds");
    EXPECT_NULL(coll_instant_to_rfc3339(0, NULL, 5, &len), "buf");
    EXPECT_NULL(coll_instant_to_rfc3339(0, buf, sizeof buf, NULL), "out_len");
}

static void test_contact_policies(void) {
    coll_contact_policy *p = NULL, *copy = NULL, *again = NULL, *out;
    coll_contact_text names[2], bad[1];
    coll_contact_rule_info rule;
    size_t n = 0, len = 0, written = 0;
    char small[4];
    char *json = NULL;

    EXPECT_OK(coll_contact_policy_us_federal(&p));
    EXPECT_NULL(coll_contact_policy_us_federal(NULL), "out");
    EXPECT_OK(coll_contact_policy_rule_count(p, &n));
    EXPECT_TRUE(n >= 10);
    EXPECT_OK(coll_contact_policy_rule_at(p, 0, &rule));
    EXPECT_TRUE(lent_is(rule.id, rule.id_len, "reg_f.time_of_day"));
    EXPECT_TRUE(lent_is(rule.mark, rule.mark_len, "V"));
    EXPECT_TRUE(lent_is(rule.kind, rule.kind_len, "time_of_day"));
    EXPECT_TRUE(rule.citation_len > 0 && strstr(rule.citation, "1006.6(b)(1)(i)") != NULL);
    POISON(rule);
    EXPECT(coll_contact_policy_rule_at(p, n, &rule), COLL_INVALID_ARGUMENT, "index");
    UNTOUCHED(rule);
    EXPECT_NULL(coll_contact_policy_rule_at(NULL, 0, &rule), "policy");
    EXPECT_NULL(coll_contact_policy_rule_at(p, 0, NULL), "out");
    EXPECT_NULL(coll_contact_policy_rule_count(NULL, &n), "policy");
    EXPECT_NULL(coll_contact_policy_rule_count(p, NULL), "out");

    names[0] = contact_text("regulation_f");
    names[1] = contact_text("Massachusetts");
    out = NULL;
    EXPECT_OK(coll_contact_policy_from_presets(names, 2, &out));
    coll_contact_policy_free(out);
    bad[0] = contact_text("texas");
    out = (coll_contact_policy *)NULL;
    POISON(out);
    EXPECT(coll_contact_policy_from_presets(bad, 1, &out), COLL_INVALID_ARGUMENT, "presets");
    UNTOUCHED(out);
    EXPECT(coll_contact_policy_from_presets(NULL, 0, &out), COLL_INVALID_ARGUMENT, "presets");
    bad[0] = contact_text("\xff");
    EXPECT(coll_contact_policy_from_presets(bad, 1, &out), COLL_INVALID_UTF8, "names");
    bad[0].ptr = NULL;
    bad[0].len = 3;
    EXPECT_NULL(coll_contact_policy_from_presets(bad, 1, &out), "names");
    EXPECT_NULL(coll_contact_policy_from_presets(NULL, 1, &out), "names");
    EXPECT_NULL(coll_contact_policy_from_presets(names, 1, NULL), "out");
    names[1] = contact_text("regulation-f");
    EXPECT(coll_contact_policy_from_presets(names, 2, &out), COLL_INVALID_ARGUMENT, "rules.id");

    /* JSON: the core's field for what it refuses, `policy` for what is not a policy at all. */
    {
        static const char disable[] = "{\"presets\":[\"regulation_f\"],\"disable\":[\"reg_f.nope\"]}";
        static const char unknown[] = "{\"presets\":[\"mars\"]}";
        static const char empty[] = "{\"rules\":[]}";
        static const char wrong[] = "{\"presets\":\"regulation_f\"}";
        EXPECT(coll_contact_policy_from_json(disable, strlen(disable), &out), COLL_INVALID_ARGUMENT, "policy");
        EXPECT_TRUE(strncmp(coll_last_error_message(), "policy: disable: ", 17) == 0);
        EXPECT(coll_contact_policy_from_json(unknown, strlen(unknown), &out), COLL_INVALID_ARGUMENT, "policy");
        EXPECT_TRUE(strncmp(coll_last_error_message(), "policy: presets: ", 17) == 0);
        EXPECT(coll_contact_policy_from_json(empty, strlen(empty), &out), COLL_INVALID_ARGUMENT, "policy");
        EXPECT_TRUE(strncmp(coll_last_error_message(), "policy: rules: ", 15) == 0);
        EXPECT(coll_contact_policy_from_json(wrong, strlen(wrong), &out), COLL_INVALID_ARGUMENT, "policy");
        EXPECT(coll_contact_policy_from_json("{", 1, &out), COLL_INVALID_ARGUMENT, "policy");
        EXPECT(coll_contact_policy_from_json("\xff", 1, &out), COLL_INVALID_UTF8, "text");
        EXPECT_NULL(coll_contact_policy_from_json(NULL, 2, &out), "text");
        EXPECT_NULL(coll_contact_policy_from_json("{}", 2, NULL), "out");
    }

    EXPECT(coll_contact_policy_to_json(p, NULL, 0, &len), COLL_BUFFER_TOO_SMALL, "buf");
    EXPECT_TRUE(len > 100);
    json = (char *)malloc(len);
    if (json != NULL) {
        EXPECT_OK(coll_contact_policy_to_json(p, json, len, &written));
        EXPECT_TRUE(written == len - 1 && json[written] == '\0');
        EXPECT_OK(coll_contact_policy_from_json(json, written, &again));
        EXPECT_OK(coll_contact_policy_rule_count(again, &written));
        EXPECT_TRUE(written == n);
        free(json);
    }
    EXPECT(coll_contact_policy_to_json(p, small, sizeof small, &len), COLL_BUFFER_TOO_SMALL, "buf");
    EXPECT_NULL(coll_contact_policy_to_json(NULL, small, sizeof small, &len), "policy");
    EXPECT_NULL(coll_contact_policy_to_json(p, NULL, 5, &len), "buf");
    EXPECT_NULL(coll_contact_policy_to_json(p, small, sizeof small, NULL), "out_len");

    EXPECT_OK(coll_contact_policy_clone(p, &copy));
    EXPECT_TRUE(copy != NULL && copy != p);
    EXPECT_NULL(coll_contact_policy_clone(NULL, &out), "policy");
    EXPECT_NULL(coll_contact_policy_clone(p, NULL), "out");
    coll_contact_policy_free(NULL);
    coll_contact_policy_free(copy);
    coll_contact_policy_free(again);
    coll_contact_policy_free(p);
}

static void test_contact_inputs(void) {
    coll_contact_profile *profile = NULL, *pcopy = NULL, *pout;
    coll_contact_history *history = NULL, *hcopy = NULL, *hout;
    coll_contact_request *request = NULL, *later = NULL, *rout;
    coll_contact_attempt a;
    coll_contact_request_fields f;
    coll_contact_text debts[2];
    size_t n = 0, len = 0;
    char buf[1024];

    /* Profiles. */
    EXPECT_OK(coll_contact_profile_from_json(CONTACT_PROFILE, strlen(CONTACT_PROFILE), &profile));
    {
        static const char mars[] = "{\"person\":\"p1\",\"time_zones\":[\"Mars/Base\"]}";
        static const char blank[] = "{\"person\":\" \"}";
        static const char twice[] = "{\"person\":\"p1\",\"destinations\":[{\"address\":\"a@b.c\",\"medium\":\"email\"},"
                                    "{\"address\":\"a@b.c\",\"medium\":\"email\"}]}";
        static const char no_person[] = "{\"time_zones\":[]}";
        POISON(pout);
        EXPECT(coll_contact_profile_from_json(mars, strlen(mars), &pout), COLL_INVALID_ARGUMENT, "profile");
        EXPECT_TRUE(strncmp(coll_last_error_message(), "profile: time_zones: ", 21) == 0);
        EXPECT_TRUE(strstr(coll_last_error_message(), "Mars/Base") != NULL);
        UNTOUCHED(pout);
        EXPECT(coll_contact_profile_from_json(blank, strlen(blank), &pout), COLL_INVALID_ARGUMENT, "profile");
        EXPECT_TRUE(strncmp(coll_last_error_message(), "profile: person: ", 17) == 0);
        EXPECT(coll_contact_profile_from_json(twice, strlen(twice), &pout), COLL_INVALID_ARGUMENT, "profile");
        EXPECT_TRUE(strncmp(coll_last_error_message(), "profile: destinations.address: ", 31) == 0);
        EXPECT(coll_contact_profile_from_json(no_person, strlen(no_person), &pout), COLL_INVALID_ARGUMENT, "profile");
        EXPECT(coll_contact_profile_from_json("[1,", 3, &pout), COLL_INVALID_ARGUMENT, "profile");
        EXPECT(coll_contact_profile_from_json("\xfe", 1, &pout), COLL_INVALID_UTF8, "text");
        EXPECT_NULL(coll_contact_profile_from_json(NULL, 1, &pout), "text");
        EXPECT_NULL(coll_contact_profile_from_json("{}", 2, NULL), "out");
    }
    EXPECT_OK(coll_contact_profile_to_json(profile, buf, sizeof buf, &len));
    EXPECT_TRUE(strstr(buf, "America/Los_Angeles") != NULL);
    EXPECT_OK(coll_contact_profile_from_json(buf, len, &pcopy));
    coll_contact_profile_free(pcopy);
    pcopy = NULL;
    EXPECT(coll_contact_profile_to_json(profile, buf, 3, &len), COLL_BUFFER_TOO_SMALL, "buf");
    EXPECT_NULL(coll_contact_profile_to_json(NULL, buf, sizeof buf, &len), "profile");
    EXPECT_NULL(coll_contact_profile_to_json(profile, buf, sizeof buf, NULL), "out_len");
    EXPECT_OK(coll_contact_profile_clone(profile, &pcopy));
    EXPECT_NULL(coll_contact_profile_clone(NULL, &pout), "profile");
    EXPECT_NULL(coll_contact_profile_clone(profile, NULL), "out");
    coll_contact_profile_free(pcopy);
    coll_contact_profile_free(NULL);

    /* Histories, attempt by attempt. */
    EXPECT_OK(coll_contact_history_new(&history));
    EXPECT_NULL(coll_contact_history_new(NULL), "out");
    EXPECT_OK(coll_contact_attempt_init(&a));
    EXPECT_NULL(coll_contact_attempt_init(NULL), "out");
    EXPECT_TRUE(a.channel == COLL_CONTACT_CHANNEL_CALL && a.outcome == COLL_CONTACT_OUTCOME_NO_ANSWER);
    debts[0] = contact_text("card");
    debts[1] = contact_text("loan");
    a.at_text = "2026-04-07T10:00:00-04:00";
    a.at_text_len = strlen(a.at_text);
    a.destination = CONTACT_CELL;
    a.destination_len = strlen(CONTACT_CELL);
    a.debts = debts;
    a.n_debts = 2;
    EXPECT_OK(coll_contact_history_append(history, &a));
    a.at_text = NULL;
    a.at_text_len = 0;
    a.at = CONTACT_ELEVEN_ET - 2 * 86400;
    a.outcome = COLL_CONTACT_OUTCOME_VOICEMAIL;
    EXPECT_OK(coll_contact_history_append(history, &a));
    EXPECT_OK(coll_contact_history_count(history, &n));
    EXPECT_TRUE(n == 2);
    a.outcome = 10;
    EXPECT(coll_contact_history_append(history, &a), COLL_INVALID_ARGUMENT, "history.outcome");
    a.outcome = COLL_CONTACT_OUTCOME_SENT;
    EXPECT(coll_contact_history_append(history, &a), COLL_INVALID_ARGUMENT, "history.outcome");
    a.outcome = COLL_CONTACT_OUTCOME_NO_ANSWER;
    a.channel = 6;
    EXPECT(coll_contact_history_append(history, &a), COLL_INVALID_ARGUMENT, "history.channel");
    a.channel = COLL_CONTACT_CHANNEL_CALL;
    a.direction = 2;
    EXPECT(coll_contact_history_append(history, &a), COLL_INVALID_ARGUMENT, "history.direction");
    a.direction = COLL_CONTACT_DIRECTION_OUTBOUND;
    a.destination = " ";
    a.destination_len = 1;
    EXPECT(coll_contact_history_append(history, &a), COLL_INVALID_ARGUMENT, "history.destination");
    a.destination = CONTACT_CELL;
    a.destination_len = strlen(CONTACT_CELL);
    debts[1] = contact_text("");
    EXPECT(coll_contact_history_append(history, &a), COLL_INVALID_ARGUMENT, "history.debts");
    debts[1].ptr = NULL;
    debts[1].len = 2;
    EXPECT_NULL(coll_contact_history_append(history, &a), "history.debts");
    debts[1] = contact_text("loan");
    a.also_discussed = NULL;
    a.n_also_discussed = 1;
    EXPECT_NULL(coll_contact_history_append(history, &a), "history.also_discussed");
    a.n_also_discussed = 0;
    a.at_text = "last Tuesday";
    a.at_text_len = strlen(a.at_text);
    EXPECT(coll_contact_history_append(history, &a), COLL_INVALID_DATE, "history.at");
    a.at_text = "2999-01-01T00:00:00Z";
    a.at_text_len = strlen(a.at_text);
    EXPECT(coll_contact_history_append(history, &a), COLL_INVALID_ARGUMENT, "history.at");
    a.at_text = NULL;
    a.at_text_len = 0;
    a.at = INT64_MIN;
    EXPECT(coll_contact_history_append(history, &a), COLL_DATE_OUT_OF_RANGE, "history.at");
    EXPECT_NULL(coll_contact_history_append(NULL, &a), "history");
    EXPECT_NULL(coll_contact_history_append(history, NULL), "attempt");
    EXPECT_OK(coll_contact_history_count(history, &n));
    EXPECT_TRUE(n == 2); /* nothing changed on failure */
    EXPECT_NULL(coll_contact_history_count(NULL, &n), "history");
    EXPECT_NULL(coll_contact_history_count(history, NULL), "out");

    EXPECT_OK(coll_contact_history_to_json(history, buf, sizeof buf, &len));
    EXPECT_TRUE(strstr(buf, "\"voicemail\"") != NULL && strstr(buf, "\"no_answer\"") != NULL);
    EXPECT_OK(coll_contact_history_from_json(buf, len, &hcopy));
    EXPECT_OK(coll_contact_history_count(hcopy, &n));
    EXPECT_TRUE(n == 2);
    coll_contact_history_free(hcopy);
    hcopy = NULL;
    EXPECT(coll_contact_history_to_json(history, NULL, 0, &len), COLL_BUFFER_TOO_SMALL, "buf");
    EXPECT_NULL(coll_contact_history_to_json(NULL, buf, sizeof buf, &len), "history");
    EXPECT_NULL(coll_contact_history_to_json(history, buf, sizeof buf, NULL), "out_len");
    {
        static const char hung_up[] = "[{\"at\":\"2026-04-08T10:00:00Z\",\"channel\":\"call\",\"direction\":\"outbound\","
                                      "\"outcome\":\"hung_up\",\"destination\":\"555\"}]";
        static const char fax[] = "[{\"at\":\"2026-04-08T10:00:00Z\",\"channel\":\"fax\",\"direction\":\"outbound\","
                                  "\"outcome\":\"sent\",\"destination\":\"555\"}]";
        static const char sideways[] = "[{\"at\":\"2026-04-08T10:00:00Z\",\"channel\":\"call\",\"direction\":\"up\","
                                       "\"outcome\":\"busy\",\"destination\":\"555\"}]";
        static const char blank[] = "[{\"at\":\"2026-04-08T10:00:00Z\",\"channel\":\"call\",\"direction\":\"outbound\","
                                    "\"outcome\":\"busy\",\"destination\":\"\"}]";
        POISON(hout);
        EXPECT(coll_contact_history_from_json(hung_up, strlen(hung_up), &hout), COLL_INVALID_ARGUMENT, "history");
        UNTOUCHED(hout);
        EXPECT_TRUE(strncmp(coll_last_error_message(), "history: history.outcome: attempt #0: ", 38) == 0);
        EXPECT(coll_contact_history_from_json(fax, strlen(fax), &hout), COLL_INVALID_ARGUMENT, "history");
        EXPECT_TRUE(strncmp(coll_last_error_message(), "history: history.channel: attempt #0: ", 38) == 0);
        EXPECT(coll_contact_history_from_json(sideways, strlen(sideways), &hout), COLL_INVALID_ARGUMENT, "history");
        EXPECT_TRUE(strncmp(coll_last_error_message(), "history: history.direction: ", 28) == 0);
        EXPECT(coll_contact_history_from_json(blank, strlen(blank), &hout), COLL_INVALID_ARGUMENT, "history");
        EXPECT_TRUE(strncmp(coll_last_error_message(), "history: history.destination: ", 30) == 0);
        EXPECT(coll_contact_history_from_json("{}", 2, &hout), COLL_INVALID_ARGUMENT, "history");
        EXPECT(coll_contact_history_from_json("\xff", 1, &hout), COLL_INVALID_UTF8, "text");
        EXPECT_NULL(coll_contact_history_from_json(NULL, 2, &hout), "text");
        EXPECT_NULL(coll_contact_history_from_json("[]", 2, NULL), "out");
    }
    EXPECT_OK(coll_contact_history_clone(history, &hcopy));
    EXPECT_NULL(coll_contact_history_clone(NULL, &hout), "history");
    EXPECT_NULL(coll_contact_history_clone(history, NULL), "out");
    coll_contact_history_free(hcopy);
    coll_contact_history_free(NULL);

    /* Requests. */
    EXPECT_OK(coll_contact_request_fields_init(&f));
    EXPECT_NULL(coll_contact_request_fields_init(NULL), "out");
    EXPECT_TRUE(f.channel == COLL_CONTACT_CHANNEL_CALL && f.purpose == COLL_CONTACT_PURPOSE_COLLECTION);
    f.person = "p1";
    f.person_len = 2;
    f.debt = "card";
    f.debt_len = 4;
    f.destination = CONTACT_CELL;
    f.destination_len = strlen(CONTACT_CELL);
    f.at = CONTACT_ELEVEN_ET;
    EXPECT_OK(coll_contact_request_new(&f, &request));
    f.person = " ";
    f.person_len = 1;
    POISON(rout);
    EXPECT(coll_contact_request_new(&f, &rout), COLL_INVALID_ARGUMENT, "person");
    UNTOUCHED(rout);
    f.person = "p1";
    f.person_len = 2;
    f.debt_len = 0;
    EXPECT(coll_contact_request_new(&f, &rout), COLL_INVALID_ARGUMENT, "debt");
    f.debt_len = 4;
    f.channel = 99;
    EXPECT(coll_contact_request_new(&f, &rout), COLL_INVALID_ARGUMENT, "channel");
    f.channel = COLL_CONTACT_CHANNEL_CALL;
    f.purpose = 3;
    EXPECT(coll_contact_request_new(&f, &rout), COLL_INVALID_ARGUMENT, "purpose");
    f.purpose = COLL_CONTACT_PURPOSE_COLLECTION;
    f.autodialed = 2;
    EXPECT(coll_contact_request_new(&f, &rout), COLL_INVALID_ARGUMENT, "autodialed");
    f.autodialed = 0;
    f.at_text = "tomorrow";
    f.at_text_len = 8;
    EXPECT(coll_contact_request_new(&f, &rout), COLL_INVALID_DATE, "at");
    f.at_text = NULL;
    f.at_text_len = 3;
    f.at = 40000000000LL; /* the year 3237 */
    EXPECT(coll_contact_request_new(&f, &rout), COLL_INVALID_ARGUMENT, "at");
    f.at = CONTACT_ELEVEN_ET;
    f.destination = NULL;
    EXPECT_NULL(coll_contact_request_new(&f, &rout), "destination");
    f.destination = CONTACT_CELL;
    EXPECT_NULL(coll_contact_request_new(NULL, &rout), "fields");
    EXPECT_NULL(coll_contact_request_new(&f, NULL), "out");
    {
        static const char fax[] = "{\"person\":\"p1\",\"debt\":\"d\",\"channel\":\"fax\",\"destination\":\"555\","
                                  "\"at\":\"2026-04-08T10:00:00Z\"}";
        static const char purpose[] = "{\"person\":\"p1\",\"debt\":\"d\",\"channel\":\"call\",\"destination\":\"555\","
                                      "\"at\":\"2026-04-08T10:00:00Z\",\"purpose\":\"sales\"}";
        static const char far[] = "{\"person\":\"p1\",\"debt\":\"d\",\"channel\":\"call\",\"destination\":\"555\","
                                  "\"at\":\"2999-04-08T10:00:00Z\"}";
        EXPECT(coll_contact_request_from_json(fax, strlen(fax), &rout), COLL_INVALID_ARGUMENT, "request");
        EXPECT_TRUE(strncmp(coll_last_error_message(), "request: channel: ", 18) == 0);
        EXPECT(coll_contact_request_from_json(purpose, strlen(purpose), &rout), COLL_INVALID_ARGUMENT, "request");
        EXPECT_TRUE(strncmp(coll_last_error_message(), "request: purpose: ", 18) == 0);
        EXPECT(coll_contact_request_from_json(far, strlen(far), &rout), COLL_INVALID_ARGUMENT, "request");
        EXPECT_TRUE(strncmp(coll_last_error_message(), "request: at: ", 13) == 0);
        EXPECT(coll_contact_request_from_json("[]", 2, &rout), COLL_INVALID_ARGUMENT, "request");
        EXPECT(coll_contact_request_from_json("\x80", 1, &rout), COLL_INVALID_UTF8, "text");
        EXPECT_NULL(coll_contact_request_from_json(NULL, 1, &rout), "text");
        EXPECT_NULL(coll_contact_request_from_json("{}", 2, NULL), "out");
    }
    EXPECT_OK(coll_contact_request_to_json(request, buf, sizeof buf, &len));
    EXPECT_TRUE(strstr(buf, "\"2026-04-08T15:00:00Z\"") != NULL);
    EXPECT_OK(coll_contact_request_from_json(buf, len, &later));
    coll_contact_request_free(later);
    later = NULL;
    EXPECT(coll_contact_request_to_json(request, buf, 2, &len), COLL_BUFFER_TOO_SMALL, "buf");
    EXPECT_NULL(coll_contact_request_to_json(NULL, buf, sizeof buf, &len), "request");
    EXPECT_NULL(coll_contact_request_to_json(request, buf, sizeof buf, NULL), "out_len");
    EXPECT_OK(coll_contact_request_at(request, CONTACT_ELEVEN_ET + 3600, &later));
    EXPECT(coll_contact_request_at(request, INT64_MAX, &rout), COLL_DATE_OUT_OF_RANGE, "at");
    EXPECT(coll_contact_request_at(request, -4000000000LL, &rout), COLL_INVALID_ARGUMENT, "at");
    EXPECT_NULL(coll_contact_request_at(NULL, 0, &rout), "request");
    EXPECT_NULL(coll_contact_request_at(request, 0, NULL), "out");
    coll_contact_request_free(later);
    coll_contact_request_free(NULL);

    coll_contact_request_free(request);
    coll_contact_history_free(history);
    coll_contact_profile_free(profile);
}

/* A request for p1's cell at `at` (Unix seconds). */
static coll_contact_request *contact_request(const char *person, const char *destination, int64_t at) {
    coll_contact_request_fields f;
    coll_contact_request *r = NULL;
    coll_contact_request_fields_init(&f);
    f.person = person;
    f.person_len = strlen(person);
    f.debt = "card";
    f.debt_len = 4;
    f.destination = destination;
    f.destination_len = strlen(destination);
    f.at = at;
    if (coll_contact_request_new(&f, &r) != COLL_OK) {
        printf("FAIL fixture: request: %s\n", coll_last_error_message());
        failures++;
    }
    return r;
}

static void test_contact_decisions(void) {
    coll_contact_policy *policy = NULL;
    coll_contact_profile *profile = NULL;
    coll_contact_history *none = NULL, *late = NULL;
    coll_contact_request *early, *eleven, *nine, *after_nine, *other, *nowhere;
    coll_contact_decision *d = NULL, *copy = NULL, *dout;
    coll_contact_windows *w = NULL, *wout;
    coll_contact_batch *batch = NULL, *bout;
    coll_contact_batch_item items[3];
    const coll_contact_decision *lent;
    coll_contact_reason reason;
    coll_contact_warning warning;
    coll_contact_window window;
    coll_contact_attempt a;
    bool allowed = true;
    uint8_t has = 0;
    int64_t at = 0;
    size_t n = 0, len = 0;
    char buf[2048];

    EXPECT_OK(coll_contact_policy_us_federal(&policy));
    EXPECT_OK(coll_contact_profile_from_json(CONTACT_PROFILE, strlen(CONTACT_PROFILE), &profile));
    EXPECT_OK(coll_contact_history_new(&none));
    early = contact_request("p1", CONTACT_CELL, CONTACT_ELEVEN_ET - 1);
    eleven = contact_request("p1", CONTACT_CELL, CONTACT_ELEVEN_ET);
    nine = contact_request("p1", CONTACT_CELL, CONTACT_ELEVEN_ET + 10 * 3600);
    after_nine = contact_request("p1", CONTACT_CELL, CONTACT_ELEVEN_ET + 10 * 3600 + 1);
    other = contact_request("p2", CONTACT_CELL, CONTACT_ELEVEN_ET);
    nowhere = contact_request("p1", "+1 000 000 0000", CONTACT_ELEVEN_ET);

    /* Comment 6(b)(1)(i)-2.i, worked by hand: 10:59:59 a.m. Eastern is 7:59:59 a.m. Pacific, before 8 a.m.
     * where the person may be: blocked by the time of day until 11:00 a.m. Eastern (15:00 UTC). */
    EXPECT_OK(coll_contact_evaluate(policy, profile, none, early, &d));
    EXPECT_OK(coll_contact_decision_allowed(d, &allowed));
    EXPECT_TRUE(!allowed);
    EXPECT_OK(coll_contact_decision_instant(d, &at));
    EXPECT_TRUE(at == CONTACT_ELEVEN_ET - 1);
    EXPECT_OK(coll_contact_decision_reason_count(d, &n));
    EXPECT_TRUE(n == 1);
    EXPECT_OK(coll_contact_decision_reason_at(d, 0, &reason));
    EXPECT_TRUE(lent_is(reason.rule, reason.rule_len, "reg_f.time_of_day"));
    EXPECT_TRUE(lent_is(reason.mark, reason.mark_len, "V"));
    EXPECT_TRUE(strstr(reason.citation, "6(b)(1)(i)-2") != NULL && reason.message_len > 20);
    EXPECT_OK(coll_contact_decision_next_eligible(d, &has, &at));
    EXPECT_TRUE(has == 1 && at == CONTACT_ELEVEN_ET);
    EXPECT_OK(coll_contact_decision_warning_count(d, &n));
    EXPECT_TRUE(n == 0);
    POISON(warning);
    EXPECT(coll_contact_decision_warning_at(d, 0, &warning), COLL_INVALID_ARGUMENT, "index");
    UNTOUCHED(warning);
    POISON(reason);
    EXPECT(coll_contact_decision_reason_at(d, 1, &reason), COLL_INVALID_ARGUMENT, "index");
    UNTOUCHED(reason);
    EXPECT_OK(coll_contact_decision_to_json(d, buf, sizeof buf, &len));
    EXPECT_TRUE(strstr(buf, "\"allowed\":false") != NULL && strstr(buf, "\"next_eligible\":\"2026-04-08T15:00:00Z\"") != NULL);
    EXPECT(coll_contact_decision_to_json(d, NULL, 0, &len), COLL_BUFFER_TOO_SMALL, "buf");
    EXPECT_TRUE(len > 50);
    EXPECT_NULL(coll_contact_decision_to_json(NULL, buf, sizeof buf, &len), "decision");
    EXPECT_NULL(coll_contact_decision_to_json(d, buf, sizeof buf, NULL), "out_len");
    EXPECT_OK(coll_contact_decision_clone(d, &copy));
    EXPECT_OK(coll_contact_decision_reason_count(copy, &n));
    EXPECT_TRUE(n == 1);
    EXPECT_NULL(coll_contact_decision_clone(NULL, &dout), "decision");
    EXPECT_NULL(coll_contact_decision_clone(d, NULL), "out");
    EXPECT_NULL(coll_contact_decision_allowed(NULL, &allowed), "decision");
    EXPECT_NULL(coll_contact_decision_allowed(d, NULL), "out");
    EXPECT_NULL(coll_contact_decision_instant(NULL, &at), "decision");
    EXPECT_NULL(coll_contact_decision_instant(d, NULL), "out");
    EXPECT_NULL(coll_contact_decision_next_eligible(NULL, &has, &at), "decision");
    EXPECT_NULL(coll_contact_decision_next_eligible(d, NULL, &at), "out_has");
    EXPECT_NULL(coll_contact_decision_next_eligible(d, &has, NULL), "out_at");
    EXPECT_NULL(coll_contact_decision_reason_count(NULL, &n), "decision");
    EXPECT_NULL(coll_contact_decision_reason_count(d, NULL), "out");
    EXPECT_NULL(coll_contact_decision_reason_at(NULL, 0, &reason), "decision");
    EXPECT_NULL(coll_contact_decision_reason_at(d, 0, NULL), "out");
    EXPECT_NULL(coll_contact_decision_warning_count(NULL, &n), "decision");
    EXPECT_NULL(coll_contact_decision_warning_count(d, NULL), "out");
    EXPECT_NULL(coll_contact_decision_warning_at(NULL, 0, &warning), "decision");
    EXPECT_NULL(coll_contact_decision_warning_at(d, 0, NULL), "out");
    coll_contact_decision_free(copy);
    coll_contact_decision_free(d);
    coll_contact_decision_free(NULL);
    d = NULL;

    /* 11:00 a.m. and 9:00 p.m. Eastern are allowed (the boundaries are inclusive); 9:00:01 p.m. is not,
     * and the next time is 11:00 a.m. Eastern the next day. */
    EXPECT_OK(coll_contact_evaluate(policy, profile, none, eleven, &d));
    EXPECT_OK(coll_contact_decision_allowed(d, &allowed));
    EXPECT_TRUE(allowed);
    EXPECT_OK(coll_contact_decision_next_eligible(d, &has, &at));
    EXPECT_TRUE(has == 1 && at == CONTACT_ELEVEN_ET);
    coll_contact_decision_free(d);
    d = NULL;
    EXPECT_OK(coll_contact_evaluate(policy, profile, none, nine, &d));
    EXPECT_OK(coll_contact_decision_allowed(d, &allowed));
    EXPECT_TRUE(allowed);
    coll_contact_decision_free(d);
    d = NULL;
    EXPECT_OK(coll_contact_next_eligible(policy, profile, none, after_nine, &has, &at));
    EXPECT_TRUE(has == 1 && at == CONTACT_ELEVEN_ET + 86400);

    /* Errors: never an "allowed". */
    POISON(dout);
    EXPECT(coll_contact_evaluate(policy, profile, none, other, &dout), COLL_INVALID_ARGUMENT, "person");
    UNTOUCHED(dout);
    EXPECT(coll_contact_evaluate(policy, profile, none, nowhere, &dout), COLL_INVALID_ARGUMENT, "destination");
    EXPECT_OK(coll_contact_history_new(&late));
    coll_contact_attempt_init(&a);
    a.at = CONTACT_ELEVEN_ET + 60;
    a.destination = CONTACT_CELL;
    a.destination_len = strlen(CONTACT_CELL);
    EXPECT_OK(coll_contact_history_append(late, &a));
    EXPECT(coll_contact_evaluate(policy, profile, late, eleven, &dout), COLL_INVALID_ARGUMENT, "history.at");
    EXPECT(coll_contact_next_eligible(policy, profile, late, eleven, &has, &at), COLL_INVALID_ARGUMENT, "history.at");
    EXPECT(coll_contact_eligible_windows(policy, profile, late, eleven, 2, &wout), COLL_INVALID_ARGUMENT,
           "history.at");
    EXPECT_NULL(coll_contact_evaluate(NULL, profile, none, eleven, &dout), "policy");
    EXPECT_NULL(coll_contact_evaluate(policy, NULL, none, eleven, &dout), "profile");
    EXPECT_NULL(coll_contact_evaluate(policy, profile, NULL, eleven, &dout), "history");
    EXPECT_NULL(coll_contact_evaluate(policy, profile, none, NULL, &dout), "request");
    EXPECT_NULL(coll_contact_evaluate(policy, profile, none, eleven, NULL), "out");
    EXPECT_NULL(coll_contact_next_eligible(NULL, profile, none, eleven, &has, &at), "policy");
    EXPECT_NULL(coll_contact_next_eligible(policy, profile, none, eleven, NULL, &at), "out_has");
    EXPECT_NULL(coll_contact_next_eligible(policy, profile, none, eleven, &has, NULL), "out_at");

    /* Eligible windows over two days: 11:00 a.m. to just after 9:00 p.m. Eastern, each day. */
    EXPECT_OK(coll_contact_eligible_windows(policy, profile, none, early, 2, &w));
    EXPECT_OK(coll_contact_windows_count(w, &n));
    EXPECT_TRUE(n == 2);
    EXPECT_OK(coll_contact_windows_at(w, 1, &window));
    EXPECT_TRUE(window.start == CONTACT_ELEVEN_ET + 86400 && window.end == CONTACT_ELEVEN_ET + 86400 + 10 * 3600 + 1);
    POISON(window);
    EXPECT(coll_contact_windows_at(w, 2, &window), COLL_INVALID_ARGUMENT, "index");
    UNTOUCHED(window);
    EXPECT_NULL(coll_contact_windows_at(NULL, 0, &window), "windows");
    EXPECT_NULL(coll_contact_windows_at(w, 0, NULL), "out");
    EXPECT_NULL(coll_contact_windows_count(NULL, &n), "windows");
    EXPECT_NULL(coll_contact_windows_count(w, NULL), "out");
    EXPECT(coll_contact_eligible_windows(policy, profile, none, early, 0, &wout), COLL_INVALID_ARGUMENT, "days");
    EXPECT(coll_contact_eligible_windows(policy, profile, none, early, 3661, &wout), COLL_INVALID_ARGUMENT, "days");
    EXPECT_NULL(coll_contact_eligible_windows(policy, NULL, none, early, 2, &wout), "profile");
    EXPECT_NULL(coll_contact_eligible_windows(policy, profile, none, early, 2, NULL), "out");
    coll_contact_windows_free(w);
    coll_contact_windows_free(NULL);

    /* A batch: two decisions and one item's own error. */
    items[0].profile = profile;
    items[0].history = none;
    items[0].request = early;
    items[1].profile = profile;
    items[1].history = none;
    items[1].request = eleven;
    items[2].profile = profile;
    items[2].history = none;
    items[2].request = other;
    EXPECT_OK(coll_contact_evaluate_batch(policy, items, 3, &batch));
    EXPECT_OK(coll_contact_batch_count(batch, &n));
    EXPECT_TRUE(n == 3);
    EXPECT_OK(coll_contact_batch_decision(batch, 0, &lent));
    EXPECT_OK(coll_contact_decision_allowed(lent, &allowed));
    EXPECT_TRUE(!allowed);
    EXPECT_OK(coll_contact_batch_decision(batch, 1, &lent));
    EXPECT_OK(coll_contact_decision_allowed(lent, &allowed));
    EXPECT_TRUE(allowed);
    POISON(lent);
    EXPECT(coll_contact_batch_decision(batch, 2, &lent), COLL_INVALID_ARGUMENT, "person");
    UNTOUCHED(lent);
    EXPECT(coll_contact_batch_decision(batch, 3, &lent), COLL_INVALID_ARGUMENT, "index");
    EXPECT_NULL(coll_contact_batch_decision(NULL, 0, &lent), "batch");
    EXPECT_NULL(coll_contact_batch_decision(batch, 0, NULL), "out");
    EXPECT_NULL(coll_contact_batch_count(NULL, &n), "batch");
    EXPECT_NULL(coll_contact_batch_count(batch, NULL), "out");
    coll_contact_batch_free(batch);
    coll_contact_batch_free(NULL);
    batch = NULL;
    EXPECT_OK(coll_contact_evaluate_batch(policy, NULL, 0, &batch));
    EXPECT_OK(coll_contact_batch_count(batch, &n));
    EXPECT_TRUE(n == 0);
    coll_contact_batch_free(batch);
    items[1].history = NULL;
    POISON(bout);
    EXPECT_NULL(coll_contact_evaluate_batch(policy, items, 3, &bout), "items.history");
    UNTOUCHED(bout);
    EXPECT_TRUE(strstr(coll_last_error_message(), "item #1") != NULL);
    EXPECT_NULL(coll_contact_evaluate_batch(NULL, items, 1, &bout), "policy");
    EXPECT_NULL(coll_contact_evaluate_batch(policy, NULL, 1, &bout), "items");
    EXPECT_NULL(coll_contact_evaluate_batch(policy, items, 1, NULL), "out");

    coll_contact_request_free(early);
    coll_contact_request_free(eleven);
    coll_contact_request_free(nine);
    coll_contact_request_free(after_nine);
    coll_contact_request_free(other);
    coll_contact_request_free(nowhere);
    coll_contact_history_free(late);
    coll_contact_history_free(none);
    coll_contact_profile_free(profile);
    coll_contact_policy_free(policy);
}

static void test_contact_native_profiles(void) {
    coll_contact_policy *policy = NULL;
    coll_contact_profile *p = NULL, *pout;
    coll_contact_history *none = NULL;
    coll_contact_request *req;
    coll_contact_decision *d = NULL;
    coll_contact_destination dest;
    coll_contact_text zones[2];
    coll_contact_reason reason;
    uint32_t v;
    const char *name;
    bool allowed = true;
    uint8_t has = 1;
    int64_t at = 1;
    size_t n = 0, len = 0;
    char buf[1024];

    EXPECT_OK(coll_contact_medium_from_name("Postal", 6, &v));
    EXPECT_TRUE(v == COLL_CONTACT_MEDIUM_POSTAL);
    EXPECT_OK(coll_contact_medium_name(COLL_CONTACT_MEDIUM_EMAIL, &name));
    EXPECT_TRUE(strcmp(name, "email") == 0);
    EXPECT(coll_contact_medium_from_name("fax", 3, &v), COLL_INVALID_ARGUMENT, "medium");
    EXPECT(coll_contact_medium_name(3, &name), COLL_INVALID_ARGUMENT, "medium");
    EXPECT_NULL(coll_contact_medium_from_name(NULL, 1, &v), "name");
    EXPECT_NULL(coll_contact_medium_name(0, NULL), "out");
    EXPECT_OK(coll_contact_line_from_name("land line", 9, &v));
    EXPECT_TRUE(v == COLL_CONTACT_LINE_LANDLINE);
    EXPECT_OK(coll_contact_line_name(COLL_CONTACT_LINE_CELL, &name));
    EXPECT_TRUE(strcmp(name, "cell") == 0);
    EXPECT(coll_contact_line_from_name("satellite", 9, &v), COLL_INVALID_ARGUMENT, "line");
    EXPECT(coll_contact_line_name(3, &name), COLL_INVALID_ARGUMENT, "line");
    EXPECT_NULL(coll_contact_line_from_name("cell", 4, NULL), "out");
    EXPECT_NULL(coll_contact_line_name(0, NULL), "out");
    EXPECT_OK(coll_contact_party_from_name("consumer-attorney", 17, &v));
    EXPECT_TRUE(v == COLL_CONTACT_PARTY_CONSUMER_ATTORNEY);
    EXPECT_OK(coll_contact_party_name(COLL_CONTACT_PARTY_THIRD_PARTY, &name));
    EXPECT_TRUE(strcmp(name, "third_party") == 0);
    EXPECT(coll_contact_party_from_name("neighbour", 9, &v), COLL_INVALID_ARGUMENT, "party");
    EXPECT(coll_contact_party_name(7, &name), COLL_INVALID_ARGUMENT, "party");
    EXPECT_NULL(coll_contact_party_from_name(NULL, 2, &v), "name");
    EXPECT_NULL(coll_contact_party_name(0, NULL), "out");

    /* The profile of comment 6(b)(1)(i)-2.i, built natively. */
    zones[0] = contact_text("America/New_York");
    zones[1] = contact_text("America/Los_Angeles");
    EXPECT_OK(coll_contact_profile_new("p1", 2, zones, 2, &p));
    POISON(pout);
    EXPECT(coll_contact_profile_new(" ", 1, zones, 2, &pout), COLL_INVALID_ARGUMENT, "person");
    UNTOUCHED(pout);
    zones[1] = contact_text("US/Eastern Standard");
    EXPECT(coll_contact_profile_new("p1", 2, zones, 2, &pout), COLL_INVALID_ARGUMENT, "time_zones");
    zones[1] = contact_text("\xff");
    EXPECT(coll_contact_profile_new("p1", 2, zones, 2, &pout), COLL_INVALID_UTF8, "time_zones");
    EXPECT_NULL(coll_contact_profile_new("p1", 2, NULL, 1, &pout), "time_zones");
    EXPECT_NULL(coll_contact_profile_new(NULL, 2, zones, 0, &pout), "person");
    EXPECT_NULL(coll_contact_profile_new("p1", 2, zones, 0, NULL), "out");

    EXPECT_OK(coll_contact_destination_init(&dest));
    EXPECT_NULL(coll_contact_destination_init(NULL), "out");
    EXPECT_TRUE(dest.medium == COLL_CONTACT_MEDIUM_PHONE && dest.party == COLL_CONTACT_PARTY_CONSUMER);
    dest.address = CONTACT_CELL;
    dest.address_len = strlen(CONTACT_CELL);
    dest.line = COLL_CONTACT_LINE_CELL;
    EXPECT_OK(coll_contact_profile_add_destination(p, &dest));
    EXPECT(coll_contact_profile_add_destination(p, &dest), COLL_INVALID_ARGUMENT, "destinations.address");
    dest.address = "pat@employer.example";
    dest.address_len = strlen(dest.address);
    dest.medium = 3;
    EXPECT(coll_contact_profile_add_destination(p, &dest), COLL_INVALID_ARGUMENT, "destinations.medium");
    dest.medium = COLL_CONTACT_MEDIUM_EMAIL;
    EXPECT(coll_contact_profile_add_destination(p, &dest), COLL_INVALID_ARGUMENT, "destinations.line");
    dest.line = COLL_CONTACT_LINE_UNKNOWN;
    dest.party = 9;
    EXPECT(coll_contact_profile_add_destination(p, &dest), COLL_INVALID_ARGUMENT, "destinations.party");
    dest.party = COLL_CONTACT_PARTY_CONSUMER;
    dest.place_of_employment = 2;
    EXPECT(coll_contact_profile_add_destination(p, &dest), COLL_INVALID_ARGUMENT,
           "destinations.place_of_employment");
    dest.place_of_employment = 0;
    dest.employer_prohibits_contact = 7;
    EXPECT(coll_contact_profile_add_destination(p, &dest), COLL_INVALID_ARGUMENT,
           "destinations.employer_prohibits_contact");
    dest.employer_prohibits_contact = 0;
    dest.employer_provided_email = 1;
    dest.medium = COLL_CONTACT_MEDIUM_POSTAL;
    EXPECT(coll_contact_profile_add_destination(p, &dest), COLL_INVALID_ARGUMENT,
           "destinations.employer_provided_email");
    dest.medium = COLL_CONTACT_MEDIUM_EMAIL;
    dest.address_len = 0;
    EXPECT(coll_contact_profile_add_destination(p, &dest), COLL_INVALID_ARGUMENT, "destinations.address");
    dest.address = NULL;
    dest.address_len = 4;
    EXPECT_NULL(coll_contact_profile_add_destination(p, &dest), "destinations.address");
    dest.address = "pat@employer.example";
    dest.address_len = strlen(dest.address);
    EXPECT_OK(coll_contact_profile_add_destination(p, &dest));
    EXPECT_NULL(coll_contact_profile_add_destination(NULL, &dest), "profile");
    EXPECT_NULL(coll_contact_profile_add_destination(p, NULL), "destination");
    EXPECT_OK(coll_contact_profile_to_json(p, buf, sizeof buf, &len));
    EXPECT_TRUE(strstr(buf, "\"employer_provided_email\":true") != NULL);

    EXPECT(coll_contact_profile_add_flag(p, 7, NULL, 0, CONTACT_ELEVEN_ET, 0, 0), COLL_INVALID_ARGUMENT, "flags.kind");
    EXPECT(coll_contact_profile_add_flag(p, COLL_CONTACT_FLAG_DISPUTE_PENDING, " ", 1, CONTACT_ELEVEN_ET, 0, 0),
           COLL_INVALID_ARGUMENT, "flags.debt");
    EXPECT(coll_contact_profile_add_flag(p, COLL_CONTACT_FLAG_DISPUTE_PENDING, NULL, 3, CONTACT_ELEVEN_ET, 0, 0),
           COLL_NULL_ARGUMENT, "flags.debt");
    EXPECT(coll_contact_profile_add_flag(p, COLL_CONTACT_FLAG_CEASE_RECEIVED, NULL, 0, CONTACT_ELEVEN_ET, 1,
                                         CONTACT_ELEVEN_ET),
           COLL_INVALID_ARGUMENT, "flags.until");
    EXPECT(coll_contact_profile_add_flag(p, COLL_CONTACT_FLAG_CEASE_RECEIVED, NULL, 0, CONTACT_ELEVEN_ET, 2, 0),
           COLL_INVALID_ARGUMENT, "has_until");
    EXPECT(coll_contact_profile_add_flag(p, COLL_CONTACT_FLAG_CEASE_RECEIVED, NULL, 0, INT64_MAX, 0, 0),
           COLL_DATE_OUT_OF_RANGE, "flags.from");
    EXPECT(coll_contact_profile_add_flag(p, COLL_CONTACT_FLAG_CEASE_RECEIVED, NULL, 0, 40000000000LL, 0, 0),
           COLL_INVALID_ARGUMENT, "flags.from");
    EXPECT_NULL(coll_contact_profile_add_flag(NULL, COLL_CONTACT_FLAG_CEASE_RECEIVED, NULL, 0, 0, 0, 0), "profile");

    /* Before any flag: the hand-checked window of comment 6(b)(1)(i)-2.i. */
    EXPECT_OK(coll_contact_policy_us_federal(&policy));
    EXPECT_OK(coll_contact_history_new(&none));
    req = contact_request("p1", CONTACT_CELL, CONTACT_ELEVEN_ET - 1);
    EXPECT_OK(coll_contact_next_eligible(policy, p, none, req, &has, &at));
    EXPECT_TRUE(has == 1 && at == CONTACT_ELEVEN_ET);

    /* A cease received (about every debt) blocks for good: no next eligible instant. */
    EXPECT_OK(coll_contact_profile_add_flag(p, COLL_CONTACT_FLAG_CEASE_RECEIVED, NULL, 0, CONTACT_ELEVEN_ET - 86400,
                                            0, 0));
    EXPECT_OK(coll_contact_evaluate(policy, p, none, req, &d));
    EXPECT_OK(coll_contact_decision_allowed(d, &allowed));
    EXPECT_TRUE(!allowed);
    EXPECT_OK(coll_contact_decision_reason_count(d, &n));
    EXPECT_TRUE(n == 2); /* the time of day and the cease */
    EXPECT_OK(coll_contact_decision_reason_at(d, 1, &reason));
    EXPECT_TRUE(lent_is(reason.rule, reason.rule_len, "reg_f.cease"));
    EXPECT_OK(coll_contact_decision_next_eligible(d, &has, &at));
    EXPECT_TRUE(has == 0 && at == 0);

    coll_contact_decision_free(d);
    coll_contact_request_free(req);
    coll_contact_history_free(none);
    coll_contact_policy_free(policy);
    coll_contact_profile_free(p);
}

/* ---------------------------------------------------------------- repayment plans */

/* Whether a decimal equals `want` as a number (scale aside). */
static int num_is(coll_decimal d, const char *want) {
    coll_decimal w = dec(want);
    int32_t c = 1;
    return coll_decimal_cmp(&d, &w, &c) == COLL_OK && c == 0;
}

static coll_promise promise(coll_date date, const char *amount) {
    coll_promise p;
    p.date = date;
    p.amount = dec(amount);
    return p;
}

/* USD, one debt "card" of 300.00, from 2026-01-01, interest and fees frozen, no grace, no bounds. */
static coll_plan_debt PLAN_CARD;

static coll_plan_terms card_terms(void) {
    coll_plan_terms t;
    memset(&t, 0, sizeof t);
    EXPECT_OK(coll_plan_terms_init(&t));
    PLAN_CARD = plan_debt("card", "300.00", "0");
    t.currency = currency("USD");
    t.debts = &PLAN_CARD;
    t.n_debts = 1;
    t.start_date = ymd(2026, 1, 1);
    return t;
}

/* 100.00 on the 15th of January, February and March 2026. */
static void three_promises(coll_promise *p) {
    p[0] = promise(ymd(2026, 1, 15), "100.00");
    p[1] = promise(ymd(2026, 2, 15), "100.00");
    p[2] = promise(ymd(2026, 3, 15), "100.00");
}

static coll_arrangement *card_plan(void) {
    coll_plan_terms t = card_terms();
    coll_promise p[3];
    coll_arrangement *a = NULL;
    three_promises(p);
    EXPECT_OK(coll_arrangement_new(&t, NULL, p, 3, &a));
    return a;
}

/* coll_arrangement_new fails with `status` naming `field`, leaving `out` untouched. */
static void expect_arrangement_fails(int line, const coll_plan_terms *t, const coll_promise *down,
                                     const coll_promise *p, size_t n, coll_status status, const char *field) {
    coll_arrangement *out;
    poison(&out, sizeof out);
    expect_status(line, "coll_arrangement_new", coll_arrangement_new(t, down, p, n, &out), status, field);
    expect_untouched(line, "out", &out, sizeof out);
}
#define ARRANGEMENT_FAILS(t, down, p, n, status, field) \
    expect_arrangement_fails(__LINE__, &(t), down, p, n, status, field)

static void test_plan_names(void) {
    uint32_t v;
    const char *name;

    NAMES(probabilities_kind, "Per Installment", "per-installment", COLL_PROBABILITIES_PER_INSTALLMENT, 3,
          "probabilities");
    NAMES(promise_status, "partially_kept", "partially-kept", COLL_PROMISE_PARTIALLY_KEPT, 4, "promise_status");
    NAMES(arrangement_status, "Cancelled", "cancelled", COLL_ARRANGEMENT_CANCELLED, 4, "arrangement_status");
    NAMES(rank_by, "payment to income", "payment-to-income", COLL_RANK_BY_PAYMENT_TO_INCOME, 6, "rank_by");
    NAMES(forecast_period, "WEEKLY", "weekly", COLL_FORECAST_WEEKLY, 2, "period");
    NAMES(action, "escalate_to_supervisor", "escalate-to-supervisor", COLL_ACTION_ESCALATE_TO_SUPERVISOR, 10,
          "action");
    NAMES(last_contact, "promised to pay", "promised-to-pay", COLL_LAST_CONTACT_PROMISED_TO_PAY, 7, "last_contact");
    NAMES(affordability, "Deficit", "deficit", COLL_AFFORDABILITY_DEFICIT, 3, "affordability");
    EXPECT_OK(coll_probabilities_kind_from_name("constant-hazard", 15, &v));
    EXPECT_TRUE(v == COLL_PROBABILITIES_CONSTANT_HAZARD);
    EXPECT_OK(coll_probabilities_kind_name(COLL_PROBABILITIES_CONSTANT_HAZARD, &name));
    EXPECT_TRUE(strcmp(name, "constant-hazard") == 0);
    EXPECT_OK(coll_promise_status_from_name("kept", 4, &v));
    EXPECT_TRUE(v == COLL_PROMISE_KEPT);
    EXPECT_OK(coll_promise_status_name(COLL_PROMISE_KEPT, &name));
    EXPECT_TRUE(strcmp(name, "kept") == 0);
    EXPECT_OK(coll_arrangement_status_from_name("broken", 6, &v));
    EXPECT_TRUE(v == COLL_ARRANGEMENT_BROKEN);
    EXPECT_OK(coll_arrangement_status_name(COLL_ARRANGEMENT_BROKEN, &name));
    EXPECT_TRUE(strcmp(name, "broken") == 0);
    EXPECT_OK(coll_rank_by_from_name("npv", 3, &v));
    EXPECT_TRUE(v == COLL_RANK_BY_NPV);
    EXPECT_OK(coll_rank_by_name(COLL_RANK_BY_NPV, &name));
    EXPECT_TRUE(strcmp(name, "npv") == 0);
    EXPECT_OK(coll_forecast_period_from_name("monthly", 7, &v));
    EXPECT_TRUE(v == COLL_FORECAST_MONTHLY);
    EXPECT_OK(coll_forecast_period_name(COLL_FORECAST_MONTHLY, &name));
    EXPECT_TRUE(strcmp(name, "monthly") == 0);
    EXPECT_OK(coll_action_from_name("write-off", 9, &v));
    EXPECT_TRUE(v == COLL_ACTION_WRITE_OFF);
    EXPECT_OK(coll_action_name(COLL_ACTION_WRITE_OFF, &name));
    EXPECT_TRUE(strcmp(name, "write-off") == 0);
    EXPECT_OK(coll_last_contact_from_name("wrong-party", 11, &v));
    EXPECT_TRUE(v == COLL_LAST_CONTACT_WRONG_PARTY);
    EXPECT_OK(coll_last_contact_name(COLL_LAST_CONTACT_WRONG_PARTY, &name));
    EXPECT_TRUE(strcmp(name, "wrong-party") == 0);
    EXPECT_OK(coll_affordability_from_name("not-assessed", 12, &v));
    EXPECT_TRUE(v == COLL_AFFORDABILITY_NOT_ASSESSED);
    EXPECT_OK(coll_affordability_name(COLL_AFFORDABILITY_NOT_ASSESSED, &name));
    EXPECT_TRUE(strcmp(name, "not-assessed") == 0);
}

static void test_plan_arrangements(void) {
    coll_plan_terms t = card_terms(), bad;
    coll_promise p[3], q[3], down, got;
    coll_arrangement *a = NULL, *b = NULL, *c = NULL;
    coll_schedule_terms st;
    coll_schedule *s = NULL;
    coll_decimal d;
    coll_currency cur;
    coll_date day;
    coll_plan_debt debt;
    coll_date_range range;
    coll_tolerance_kind kind;
    uint32_t grace;
    size_t n, len;
    bool yes, yes2;
    char buf[2048];
    static const char TERMS_JSON[] =
        "{\"currency\":\"USD\",\"debts\":[{\"id\":\"card\",\"balance\":\"300\",\"annual_rate\":\"0\"}],"
        "\"start_date\":\"2026-01-01\",\"freeze\":{\"interest\":true,\"fees\":true},"
        "\"kept\":{\"grace_days\":0,\"tolerance\":{\"kind\":\"none\"}},"
        "\"bounds\":{\"max_term_months\":2,\"minimum_installment\":{\"type\":\"fixed\",\"amount\":\"0\"}}}";

    EXPECT_NULL(coll_plan_terms_init(NULL), "out");
    EXPECT_NULL(coll_plan_bounds_init(NULL), "out");
    three_promises(p);
    EXPECT_OK(coll_arrangement_new(&t, NULL, p, 3, &a));
    /* 3 x 100.00 on a 300.00 debt. */
    EXPECT_OK(coll_arrangement_balance(a, &d));
    EXPECT_TRUE(num_is(d, "300"));
    EXPECT_OK(coll_arrangement_total_promised(a, &d));
    EXPECT_TRUE(num_is(d, "300"));
    EXPECT_OK(coll_arrangement_promise_count(a, &n));
    EXPECT_TRUE(n == 3);
    EXPECT_OK(coll_arrangement_promise_at(a, 2, &got));
    EXPECT_TRUE(same_date(got.date, ymd(2026, 3, 15)) && num_is(got.amount, "100"));
    POISON(got);
    EXPECT(coll_arrangement_promise_at(a, 3, &got), COLL_INVALID_ARGUMENT, "index");
    UNTOUCHED(got);
    EXPECT_OK(coll_arrangement_currency(a, &cur));
    EXPECT_TRUE(strcmp(cur.code, "USD") == 0 && cur.minor_units == 2);
    EXPECT_OK(coll_arrangement_start_date(a, &day));
    EXPECT_TRUE(same_date(day, ymd(2026, 1, 1)));
    EXPECT_OK(coll_arrangement_has_down_payment(a, &yes));
    EXPECT_TRUE(!yes);
    EXPECT_OK(coll_arrangement_cancelled_on(a, &yes, &day));
    EXPECT_TRUE(!yes);
    EXPECT_OK(coll_arrangement_debt_count(a, &n));
    EXPECT_TRUE(n == 1);
    EXPECT_OK(coll_arrangement_debt_at(a, 0, &debt));
    EXPECT_TRUE(lent_is(debt.id, debt.id_len, "card") && num_is(debt.balance, "300"));
    EXPECT(coll_arrangement_debt_at(a, 1, &debt), COLL_INVALID_ARGUMENT, "index");
    EXPECT_NULL(coll_arrangement_debt_at(NULL, 0, &debt), "arrangement");
    EXPECT_NULL(coll_arrangement_debt_count(NULL, &n), "arrangement");
    /* One debt: each promise is all its share. */
    EXPECT_OK(coll_arrangement_debt_shares(a, 1, &d, 1, &n));
    EXPECT_TRUE(n == 1 && num_is(d, "100"));
    EXPECT(coll_arrangement_debt_shares(a, 1, NULL, 0, &n), COLL_BUFFER_TOO_SMALL, "out");
    EXPECT_TRUE(n == 1);
    EXPECT(coll_arrangement_debt_shares(a, 3, &d, 1, &n), COLL_INVALID_ARGUMENT, "index");
    EXPECT_NULL(coll_arrangement_debt_shares(NULL, 0, &d, 1, &n), "arrangement");
    EXPECT_NULL(coll_arrangement_debt_shares(a, 0, &d, 1, NULL), "out_len");
    EXPECT_NULL(coll_arrangement_balance(NULL, &d), "arrangement");
    EXPECT_NULL(coll_arrangement_balance(a, NULL), "out");
    EXPECT_NULL(coll_arrangement_total_promised(NULL, &d), "arrangement");
    EXPECT_NULL(coll_arrangement_promise_count(NULL, &n), "arrangement");
    EXPECT_NULL(coll_arrangement_promise_at(NULL, 0, &got), "arrangement");
    EXPECT_NULL(coll_arrangement_currency(NULL, &cur), "arrangement");
    EXPECT_NULL(coll_arrangement_start_date(NULL, &day), "arrangement");
    EXPECT_NULL(coll_arrangement_has_down_payment(NULL, &yes), "arrangement");
    EXPECT_NULL(coll_arrangement_cancelled_on(NULL, &yes, &day), "arrangement");
    EXPECT_NULL(coll_arrangement_cancelled_on(a, NULL, &day), "out_cancelled");
    /* Frozen both ways (the default terms), no grace, no tolerance; the ledger freeze runs from the start
       to the last promise, 2026-01-01 to 2026-03-15. */
    EXPECT_OK(coll_arrangement_freeze(a, &yes, &yes2));
    EXPECT_TRUE(yes && yes2);
    EXPECT_OK(coll_arrangement_kept_rule(a, &grace, &kind, &d));
    EXPECT_TRUE(grace == 0 && kind == COLL_TOLERANCE_NONE && num_is(d, "0"));
    EXPECT_OK(coll_arrangement_frozen_period(a, &range));
    EXPECT_TRUE(same_date(range.start, ymd(2026, 1, 1)) && same_date(range.end, ymd(2026, 3, 15)));
    EXPECT_NULL(coll_arrangement_freeze(NULL, &yes, &yes2), "arrangement");
    EXPECT_NULL(coll_arrangement_freeze(a, &yes, NULL), "out_fees");
    EXPECT_NULL(coll_arrangement_kept_rule(NULL, &grace, &kind, &d), "arrangement");
    EXPECT_NULL(coll_arrangement_kept_rule(a, &grace, NULL, &d), "out_tolerance_kind");
    EXPECT_NULL(coll_arrangement_frozen_period(NULL, &range), "arrangement");
    EXPECT_NULL(coll_arrangement_frozen_period(a, NULL), "out");

    /* 3 grace days and a 10% tolerance are kept as given. */
    bad = t;
    bad.grace_days = 3;
    bad.tolerance_kind = COLL_TOLERANCE_PERCENT;
    bad.tolerance = dec("10");
    bad.freeze_fees = 0;
    EXPECT_OK(coll_arrangement_new(&bad, NULL, p, 3, &b));
    EXPECT_OK(coll_arrangement_kept_rule(b, &grace, &kind, &d));
    EXPECT_TRUE(grace == 3 && kind == COLL_TOLERANCE_PERCENT && num_is(d, "10"));
    EXPECT_OK(coll_arrangement_freeze(b, &yes, &yes2));
    EXPECT_TRUE(yes && !yes2);
    coll_arrangement_free(b);
    b = NULL;

    /* The issue's bad inputs: promises out of order, before the start. */
    memcpy(q, p, sizeof q);
    q[1].date = ymd(2026, 1, 15);
    ARRANGEMENT_FAILS(t, NULL, q, 3, COLL_INVALID_ARGUMENT, "promises");
    memcpy(q, p, sizeof q);
    q[0].date = ymd(2025, 12, 31);
    ARRANGEMENT_FAILS(t, NULL, q, 3, COLL_INVALID_ARGUMENT, "promises");
    down = promise(ymd(2025, 12, 1), "10.00");
    ARRANGEMENT_FAILS(t, &down, p, 3, COLL_INVALID_ARGUMENT, "promises");
    memcpy(q, p, sizeof q);
    q[2].amount = dec("0");
    ARRANGEMENT_FAILS(t, NULL, q, 3, COLL_INVALID_ARGUMENT, "promises");
    q[2].amount = dec("100.005");
    ARRANGEMENT_FAILS(t, NULL, q, 3, COLL_INVALID_ARGUMENT, "promises");
    /* 3 x 100.01 = 300.03 > 300.00 with interest frozen. */
    q[0].amount = q[1].amount = q[2].amount = dec("100.01");
    ARRANGEMENT_FAILS(t, NULL, q, 3, COLL_INVALID_ARGUMENT, "promises");
    ARRANGEMENT_FAILS(t, NULL, p, 0, COLL_INVALID_ARGUMENT, "promises");
    q[1].date = ymd(2026, 2, 30);
    ARRANGEMENT_FAILS(t, NULL, q, 3, COLL_INVALID_DATE, "promises");
    /* Beyond the bounds, naming the bound: 2 months from 2026-01-01 end on 2026-03-01, before 03-15. */
    bad = t;
    bad.has_bounds = 1;
    bad.bounds.max_term_months = 2;
    ARRANGEMENT_FAILS(bad, NULL, p, 3, COLL_INVALID_ARGUMENT, "max_term_months");
    /* A minimum installment of 150: 100.00 (promise #0, not the last) is below it. */
    bad.bounds.max_term_months = 12;
    bad.bounds.minimum_installment = dec("150");
    ARRANGEMENT_FAILS(bad, NULL, p, 3, COLL_INVALID_ARGUMENT, "minimum_installment");
    bad.bounds.max_term_months = 0;
    ARRANGEMENT_FAILS(bad, NULL, p, 3, COLL_INVALID_ARGUMENT, "max_term_months");
    bad = t;
    bad.has_bounds = 1;
    bad.bounds.minimum_installment_kind = 7;
    ARRANGEMENT_FAILS(bad, NULL, p, 3, COLL_INVALID_ARGUMENT, "minimum_installment_kind");
    bad.bounds.minimum_installment_kind = COLL_MINIMUM_PAYMENT_IRS_STREAMLINED;
    bad.bounds.minimum_installment = dec("5");
    ARRANGEMENT_FAILS(bad, NULL, p, 3, COLL_INVALID_ARGUMENT, "minimum_installment");
    bad = t;
    bad.has_bounds = 2;
    ARRANGEMENT_FAILS(bad, NULL, p, 3, COLL_INVALID_ARGUMENT, "has_bounds");
    bad = t;
    bad.freeze_interest = 2;
    ARRANGEMENT_FAILS(bad, NULL, p, 3, COLL_INVALID_ARGUMENT, "freeze_interest");
    bad = t;
    bad.tolerance_kind = 9;
    ARRANGEMENT_FAILS(bad, NULL, p, 3, COLL_INVALID_ARGUMENT, "tolerance_kind");
    bad.tolerance_kind = COLL_TOLERANCE_PERCENT;
    bad.tolerance = dec("120");
    ARRANGEMENT_FAILS(bad, NULL, p, 3, COLL_INVALID_ARGUMENT, "tolerance");
    bad = t;
    bad.n_debts = 0;
    ARRANGEMENT_FAILS(bad, NULL, p, 3, COLL_INVALID_ARGUMENT, "debts");
    bad = t;
    bad.start_date = ymd(2026, 2, 29);
    ARRANGEMENT_FAILS(bad, NULL, p, 3, COLL_INVALID_DATE, "start_date");
    bad = t;
    memset(bad.currency.code, 0, sizeof bad.currency.code);
    ARRANGEMENT_FAILS(bad, NULL, p, 3, COLL_UNKNOWN_CURRENCY, "currency");
    bad = t;
    bad.debts = NULL;
    ARRANGEMENT_FAILS(bad, NULL, p, 3, COLL_NULL_ARGUMENT, "debts");
    ARRANGEMENT_FAILS(t, NULL, NULL, 3, COLL_NULL_ARGUMENT, "promises");
    EXPECT_NULL(coll_arrangement_new(NULL, NULL, p, 3, &b), "terms");
    EXPECT_NULL(coll_arrangement_new(&t, NULL, p, 3, NULL), "out");

    /* Terms as JSON: the same plan; bounds of 2 months refuse it naming the bound. */
    EXPECT_OK(coll_arrangement_new_with_terms_json(TERMS_JSON, strlen(TERMS_JSON), NULL, p, 2, &b));
    coll_arrangement_free(b);
    b = NULL;
    EXPECT(coll_arrangement_new_with_terms_json(TERMS_JSON, strlen(TERMS_JSON), NULL, p, 3, &b),
           COLL_INVALID_ARGUMENT, "max_term_months");
    EXPECT(coll_arrangement_new_with_terms_json("{\"currency\":\"USD\"}", 18, NULL, p, 3, &b), COLL_INVALID_ARGUMENT,
           "terms");
    EXPECT(coll_arrangement_new_with_terms_json(BAD_UTF8, 2, NULL, p, 3, &b), COLL_INVALID_UTF8, "terms_json");
    EXPECT_NULL(coll_arrangement_new_with_terms_json(NULL, 0, NULL, p, 3, &b), "terms_json");
    EXPECT_NULL(coll_arrangement_new_with_terms_json(TERMS_JSON, strlen(TERMS_JSON), NULL, p, 2, NULL), "out");
    EXPECT_TRUE(b == NULL);

    /* From a 0% schedule: 300.00 over 3 months from 2026-02-01 is 100.00 each. */
    memset(&st, 0, sizeof st);
    EXPECT_OK(coll_schedule_terms_init(&st));
    st.principal = dec("300");
    st.currency = currency("USD");
    st.annual_rate = dec("0");
    st.start_date = ymd(2026, 1, 1);
    st.first_due_date = ymd(2026, 2, 1);
    st.term = 3;
    EXPECT_OK(coll_schedule_new(&st, &s));
    EXPECT_OK(coll_arrangement_from_schedule(&t, NULL, s, &b));
    EXPECT_OK(coll_arrangement_promise_at(b, 0, &got));
    EXPECT_TRUE(same_date(got.date, ymd(2026, 2, 1)) && num_is(got.amount, "100"));
    coll_arrangement_free(b);
    b = NULL;
    /* With a 50.00 down payment the schedule's 300.00 covers 350.00, not the balance 300.00. */
    down = promise(ymd(2026, 1, 1), "50.00");
    EXPECT(coll_arrangement_from_schedule(&t, &down, s, &b), COLL_INVALID_ARGUMENT, "schedule");
    EXPECT_NULL(coll_arrangement_from_schedule(&t, NULL, NULL, &b), "schedule");
    EXPECT_NULL(coll_arrangement_from_schedule(NULL, NULL, s, &b), "terms");
    EXPECT_NULL(coll_arrangement_from_schedule(&t, NULL, s, NULL), "out");
    coll_schedule_free(s);

    /* JSON both ways. */
    EXPECT(coll_arrangement_to_json(a, NULL, 0, &len), COLL_BUFFER_TOO_SMALL, "buf");
    EXPECT_TRUE(len > 1 && len < sizeof buf);
    EXPECT_OK(coll_arrangement_to_json(a, buf, sizeof buf, &len));
    EXPECT_TRUE(strlen(buf) == len && strstr(buf, "\"promises\"") != NULL);
    EXPECT_OK(coll_arrangement_from_json(buf, len, &b));
    EXPECT_OK(coll_arrangement_total_promised(b, &d));
    EXPECT_TRUE(num_is(d, "300"));
    coll_arrangement_free(b);
    b = NULL;
    EXPECT(coll_arrangement_from_json("{}", 2, &b), COLL_INVALID_ARGUMENT, "arrangement");
    EXPECT(coll_arrangement_from_json("[", 1, &b), COLL_INVALID_ARGUMENT, "arrangement");
    EXPECT(coll_arrangement_from_json(BAD_UTF8, 2, &b), COLL_INVALID_UTF8, "text");
    EXPECT_NULL(coll_arrangement_from_json(NULL, 0, &b), "text");
    EXPECT_NULL(coll_arrangement_from_json("{}", 2, NULL), "out");
    EXPECT_NULL(coll_arrangement_to_json(NULL, buf, sizeof buf, &len), "arrangement");
    EXPECT_NULL(coll_arrangement_to_json(a, buf, sizeof buf, NULL), "out_len");
    EXPECT_NULL(coll_arrangement_to_json(a, NULL, 8, &len), "buf");

    /* Cancelled, clone. */
    EXPECT(coll_arrangement_cancel(a, ymd(2025, 12, 31), &c), COLL_INVALID_ARGUMENT, "cancelled_on");
    EXPECT(coll_arrangement_cancel(a, ymd(2026, 13, 1), &c), COLL_INVALID_DATE, "cancelled_on");
    EXPECT_OK(coll_arrangement_cancel(a, ymd(2026, 2, 1), &c));
    EXPECT_OK(coll_arrangement_cancelled_on(c, &yes, &day));
    EXPECT_TRUE(yes && same_date(day, ymd(2026, 2, 1)));
    EXPECT_NULL(coll_arrangement_cancel(NULL, ymd(2026, 2, 1), &c), "arrangement");
    EXPECT_OK(coll_arrangement_clone(c, &b));
    EXPECT_NULL(coll_arrangement_clone(NULL, &b), "arrangement");
    EXPECT_NULL(coll_arrangement_clone(c, NULL), "out");
    coll_arrangement_free(b);
    coll_arrangement_free(c);
    coll_arrangement_free(NULL);
    coll_arrangement_free(a);
}

static void test_plan_tracking(void) {
    coll_arrangement *a = card_plan(), *r = NULL;
    coll_plan_payment pay[2];
    coll_break_rule rule;
    coll_tracking *t = NULL, *u = NULL;
    coll_tracking_summary sum;
    coll_promise_track pt;
    coll_replan_terms rt;
    coll_plan_bounds bounds;
    coll_promise got;
    char buf[2048];
    size_t len;
    static const char RULE[] = "{\"missed_installments\":1,\"consecutive\":false,\"cumulative_shortfall\":null}";
    static const char REPLAN[] = "{\"start_date\":\"2026-03-01\",\"first_due_date\":\"2026-04-01\","
                                 "\"frequency\":\"monthly\",\"term_or_payment\":{\"term\":2},\"annual_rate\":\"0\","
                                 "\"balance\":null}";
    static const char BOUNDS[] = "{\"max_term_months\":24,\"minimum_installment\":{\"type\":\"irs_streamlined\"}}";
    static const char NO_MONTHS[] = "{\"max_term_months\":0,\"minimum_installment\":{\"type\":\"irs_streamlined\"}}";

    pay[0].date = ymd(2026, 1, 14);
    pay[0].amount = dec("100.00");
    pay[1].date = ymd(2026, 2, 20);
    pay[1].amount = dec("-5");
    /* As of 2026-02-01: the January promise kept (paid the day before), February's pending. */
    EXPECT_OK(coll_plan_track(a, pay, 1, ymd(2026, 2, 1), NULL, &t));
    EXPECT_OK(coll_tracking_get_summary(t, &sum));
    EXPECT_TRUE(sum.status == COLL_ARRANGEMENT_ACTIVE && sum.has_status_date == 0 && sum.n_promises == 3);
    EXPECT_TRUE(num_is(sum.paid, "100") && num_is(sum.unmatched, "0") && num_is(sum.remaining, "200"));
    EXPECT_TRUE(sum.missed == 0);
    EXPECT_OK(coll_tracking_promise_at(t, 0, &pt));
    EXPECT_TRUE(pt.status == COLL_PROMISE_KEPT && num_is(pt.paid_on_time, "100"));
    EXPECT_OK(coll_tracking_promise_at(t, 1, &pt));
    EXPECT_TRUE(pt.status == COLL_PROMISE_PENDING && num_is(pt.paid, "0"));
    EXPECT(coll_tracking_promise_at(t, 3, &pt), COLL_INVALID_ARGUMENT, "index");
    EXPECT_NULL(coll_tracking_promise_at(NULL, 0, &pt), "tracking");
    EXPECT_NULL(coll_tracking_get_summary(NULL, &sum), "tracking");
    EXPECT_NULL(coll_tracking_get_summary(t, NULL), "out");
    EXPECT_OK(coll_tracking_to_json(t, buf, sizeof buf, &len));
    EXPECT_TRUE(strstr(buf, "\"status\":\"active\"") != NULL);
    EXPECT_NULL(coll_tracking_to_json(NULL, buf, sizeof buf, &len), "tracking");
    EXPECT_OK(coll_tracking_clone(t, &u));
    EXPECT_NULL(coll_tracking_clone(NULL, &u), "tracking");
    coll_tracking_free(u);
    u = NULL;

    /* A payment not above zero (inside the window) names the payments. */
    EXPECT(coll_plan_track(a, pay, 2, ymd(2026, 3, 1), NULL, &u), COLL_INVALID_ARGUMENT, "payments");
    pay[1].date = ymd(2026, 2, 31);
    EXPECT(coll_plan_track(a, pay, 2, ymd(2026, 3, 1), NULL, &u), COLL_INVALID_DATE, "payments");
    EXPECT(coll_plan_track(a, pay, 1, ymd(2026, 2, 30), NULL, &u), COLL_INVALID_DATE, "as_of");
    EXPECT_NULL(coll_plan_track(NULL, pay, 1, ymd(2026, 2, 1), NULL, &u), "arrangement");
    EXPECT_NULL(coll_plan_track(a, NULL, 1, ymd(2026, 2, 1), NULL, &u), "payments");
    EXPECT_NULL(coll_plan_track(a, pay, 1, ymd(2026, 2, 1), NULL, NULL), "out");
    EXPECT_TRUE(u == NULL);

    /* Break rules: one missed installment breaks it on the day after February's deadline. */
    EXPECT_NULL(coll_break_rule_init(NULL), "out");
    EXPECT_OK(coll_break_rule_init(&rule));
    EXPECT_TRUE(rule.has_missed_installments == 1 && rule.missed_installments == 2 && rule.consecutive == 0);
    EXPECT_OK(coll_break_rule_from_json(RULE, strlen(RULE), &rule));
    EXPECT_TRUE(rule.missed_installments == 1 && rule.has_cumulative_shortfall == 0);
    EXPECT_OK(coll_plan_track(a, pay, 1, ymd(2026, 3, 1), &rule, &u));
    EXPECT_OK(coll_tracking_get_summary(u, &sum));
    EXPECT_TRUE(sum.status == COLL_ARRANGEMENT_BROKEN && sum.has_status_date == 1 &&
                same_date(sum.status_date, ymd(2026, 2, 16)) && sum.missed == 1);
    coll_tracking_free(u);
    u = NULL;
    EXPECT(coll_break_rule_from_json("{\"missed_installments\":0,\"consecutive\":false,\"cumulative_shortfall\":null}",
                                     74, &rule),
           COLL_INVALID_ARGUMENT, "break_rule");
    EXPECT(coll_break_rule_from_json("nope", 4, &rule), COLL_INVALID_ARGUMENT, "break_rule");
    EXPECT_NULL(coll_break_rule_from_json(NULL, 0, &rule), "text");
    EXPECT_NULL(coll_break_rule_from_json(RULE, strlen(RULE), NULL), "out");
    EXPECT_OK(coll_break_rule_init(&rule));
    rule.missed_installments = 0;
    EXPECT(coll_plan_track(a, pay, 1, ymd(2026, 3, 1), &rule, &u), COLL_INVALID_ARGUMENT, "missed_installments");
    rule.has_missed_installments = 0;
    EXPECT(coll_plan_track(a, pay, 1, ymd(2026, 3, 1), &rule, &u), COLL_INVALID_ARGUMENT, "break_rule");
    rule.has_cumulative_shortfall = 1;
    rule.shortfall_kind = 5;
    EXPECT(coll_plan_track(a, pay, 1, ymd(2026, 3, 1), &rule, &u), COLL_INVALID_ARGUMENT, "tolerance_kind");
    rule.shortfall_kind = COLL_TOLERANCE_PERCENT;
    rule.shortfall = dec("101");
    EXPECT(coll_plan_track(a, pay, 1, ymd(2026, 3, 1), &rule, &u), COLL_INVALID_ARGUMENT, "tolerance");
    EXPECT_OK(coll_break_rule_init(&rule));
    rule.consecutive = 2;
    EXPECT(coll_plan_track(a, pay, 1, ymd(2026, 3, 1), &rule, &u), COLL_INVALID_ARGUMENT, "consecutive");
    EXPECT_TRUE(u == NULL);

    /* Re-plan what is left after 2026-03-01 (300.00 - 100.00 paid = 200.00) over 2 months: 100.00 each. */
    coll_tracking_free(t);
    t = NULL;
    EXPECT_OK(coll_plan_track(a, pay, 1, ymd(2026, 3, 1), NULL, &t));
    EXPECT_NULL(coll_replan_terms_init(NULL), "out");
    EXPECT_OK(coll_replan_terms_init(&rt));
    rt.start_date = ymd(2026, 3, 1);
    rt.first_due_date = ymd(2026, 4, 1);
    rt.term = 2;
    EXPECT_OK(coll_arrangement_replan(a, t, &rt, NULL, &r));
    EXPECT_OK(coll_arrangement_promise_at(r, 1, &got));
    EXPECT_TRUE(same_date(got.date, ymd(2026, 5, 1)) && num_is(got.amount, "100"));
    coll_arrangement_free(r);
    r = NULL;
    EXPECT_OK(coll_replan_terms_from_json(REPLAN, strlen(REPLAN), &rt));
    EXPECT_TRUE(rt.term == 2 && rt.has_payment == 0 && same_date(rt.first_due_date, ymd(2026, 4, 1)));
    EXPECT(coll_replan_terms_from_json("{\"start_date\":\"2026-03-01\"}", 27, &rt), COLL_INVALID_ARGUMENT, "replan");
    EXPECT_NULL(coll_replan_terms_from_json(NULL, 0, &rt), "text");
    EXPECT_NULL(coll_replan_terms_from_json(REPLAN, strlen(REPLAN), NULL), "out");
    /* Bounds of 1 month end on 2026-04-01, before the last installment on 2026-05-01. */
    EXPECT_OK(coll_plan_bounds_init(&bounds));
    bounds.max_term_months = 1;
    EXPECT(coll_arrangement_replan(a, t, &rt, &bounds, &r), COLL_INVALID_ARGUMENT, "max_term_months");
    EXPECT_OK(coll_plan_bounds_from_json(BOUNDS, strlen(BOUNDS), &bounds));
    EXPECT_TRUE(bounds.max_term_months == 24 && bounds.minimum_installment_kind == COLL_MINIMUM_PAYMENT_IRS_STREAMLINED);
    EXPECT(coll_plan_bounds_from_json(NO_MONTHS, strlen(NO_MONTHS), &bounds), COLL_INVALID_ARGUMENT, "bounds");
    EXPECT_NULL(coll_plan_bounds_from_json(NULL, 0, &bounds), "text");
    rt.start_date = ymd(2026, 2, 28);
    EXPECT(coll_arrangement_replan(a, t, &rt, NULL, &r), COLL_INVALID_ARGUMENT, "start_date");
    rt.start_date = ymd(2026, 3, 1);
    rt.has_payment = 1;
    rt.payment = dec("50");
    EXPECT(coll_arrangement_replan(a, t, &rt, NULL, &r), COLL_INVALID_ARGUMENT, "term");
    rt.has_payment = 3;
    EXPECT(coll_arrangement_replan(a, t, &rt, NULL, &r), COLL_INVALID_ARGUMENT, "has_payment");
    EXPECT_NULL(coll_arrangement_replan(NULL, t, &rt, NULL, &r), "arrangement");
    EXPECT_NULL(coll_arrangement_replan(a, NULL, &rt, NULL, &r), "tracking");
    EXPECT_NULL(coll_arrangement_replan(a, t, NULL, NULL, &r), "terms");
    EXPECT_NULL(coll_arrangement_replan(a, t, &rt, NULL, NULL), "out");
    EXPECT_TRUE(r == NULL);
    coll_tracking_free(NULL);
    coll_tracking_free(t);
    coll_arrangement_free(a);
}

static void test_plan_scores(void) {
    coll_arrangement *a = card_plan(), *b = NULL, *e = NULL;
    const coll_arrangement *plans[2];
    coll_plan_terms t = card_terms();
    coll_promise p[2];
    coll_probabilities prob, probs[2];
    coll_decimal values[3], income = dec("400");
    coll_plan_score_result s, scores[2];
    coll_forecast *f = NULL, *g = NULL;
    coll_forecast_row row;
    size_t order[2], n;
    char buf[1024];

    /* At 0%: the NPV is the total, 300.00; 73 days from 2026-01-01 to 03-15 (30 + 28 + 15). */
    EXPECT_OK(coll_plan_score(a, NULL, dec("0"), &income, COLL_ROUND_HALF_EVEN, &s));
    EXPECT_TRUE(num_is(s.total, "300") && s.promises == 3 && s.duration_days == 73 && num_is(s.npv, "300"));
    EXPECT_TRUE(num_is(s.recovery_ratio, "1") && num_is(s.expected_value, "300"));
    /* The largest month is 100.00 against 400.00 a month: 0.25. */
    EXPECT_TRUE(s.has_payment_to_income == 1 && num_is(s.payment_to_income, "0.25"));
    /* Per installment 1, 0.5, 0: 100.00 + 50.00 + 0 = 150.00 expected. */
    values[0] = dec("1");
    values[1] = dec("0.5");
    values[2] = dec("0");
    prob.kind = COLL_PROBABILITIES_PER_INSTALLMENT;
    prob.values = values;
    prob.n_values = 3;
    prob.hazard = dec("0");
    EXPECT_OK(coll_plan_score(a, &prob, dec("0"), NULL, COLL_ROUND_HALF_EVEN, &s));
    EXPECT_TRUE(num_is(s.expected_value, "150") && num_is(s.expected_npv, "150") && s.has_payment_to_income == 0);
    /* A hazard of 0.5: 0.5, 0.25, 0.125 of 100.00 = 50.00 + 25.00 + 12.50 = 87.50. */
    prob.kind = COLL_PROBABILITIES_CONSTANT_HAZARD;
    prob.values = NULL;
    prob.n_values = 0;
    prob.hazard = dec("0.5");
    EXPECT_OK(coll_plan_score(a, &prob, dec("0"), NULL, COLL_ROUND_HALF_EVEN, &s));
    EXPECT_TRUE(num_is(s.expected_value, "87.50"));
    /* The issue's bad inputs: probabilities outside [0, 1], discount rates at or below -100%. */
    POISON(s);
    prob.hazard = dec("1.5");
    EXPECT(coll_plan_score(a, &prob, dec("0"), NULL, COLL_ROUND_HALF_EVEN, &s), COLL_INVALID_ARGUMENT, "hazard");
    prob.hazard = dec("-0.1");
    EXPECT(coll_plan_score(a, &prob, dec("0"), NULL, COLL_ROUND_HALF_EVEN, &s), COLL_INVALID_ARGUMENT, "hazard");
    prob.kind = COLL_PROBABILITIES_PER_INSTALLMENT;
    prob.hazard = dec("0");
    prob.values = values;
    prob.n_values = 3;
    values[1] = dec("1.01");
    EXPECT(coll_plan_score(a, &prob, dec("0"), NULL, COLL_ROUND_HALF_EVEN, &s), COLL_INVALID_ARGUMENT,
           "probabilities");
    values[1] = dec("-0.01");
    EXPECT(coll_plan_score(a, &prob, dec("0"), NULL, COLL_ROUND_HALF_EVEN, &s), COLL_INVALID_ARGUMENT,
           "probabilities");
    values[1] = dec("0.5");
    prob.n_values = 2;
    EXPECT(coll_plan_score(a, &prob, dec("0"), NULL, COLL_ROUND_HALF_EVEN, &s), COLL_INVALID_ARGUMENT,
           "probabilities");
    prob.values = NULL;
    EXPECT(coll_plan_score(a, &prob, dec("0"), NULL, COLL_ROUND_HALF_EVEN, &s), COLL_NULL_ARGUMENT, "values");
    prob.kind = 3;
    EXPECT(coll_plan_score(a, &prob, dec("0"), NULL, COLL_ROUND_HALF_EVEN, &s), COLL_INVALID_ARGUMENT,
           "probabilities");
    prob.kind = COLL_PROBABILITIES_CERTAIN;
    prob.values = values;
    EXPECT(coll_plan_score(a, &prob, dec("0"), NULL, COLL_ROUND_HALF_EVEN, &s), COLL_INVALID_ARGUMENT, "values");
    prob.n_values = 0;
    prob.hazard = dec("0.1");
    EXPECT(coll_plan_score(a, &prob, dec("0"), NULL, COLL_ROUND_HALF_EVEN, &s), COLL_INVALID_ARGUMENT, "hazard");
    EXPECT(coll_plan_score(a, NULL, dec("-1"), NULL, COLL_ROUND_HALF_EVEN, &s), COLL_INVALID_RATE, "discount_rate");
    EXPECT(coll_plan_score(a, NULL, dec("-2.5"), NULL, COLL_ROUND_HALF_EVEN, &s), COLL_INVALID_RATE,
           "discount_rate");
    EXPECT(coll_plan_score(a, NULL, dec("0"), NULL, 42, &s), COLL_INVALID_ARGUMENT, "rounding");
    EXPECT_NULL(coll_plan_score(NULL, NULL, dec("0"), NULL, COLL_ROUND_HALF_EVEN, &s), "arrangement");
    EXPECT_NULL(coll_plan_score(a, NULL, dec("0"), NULL, COLL_ROUND_HALF_EVEN, NULL), "out");
    UNTOUCHED(s);

    /* Plan b: 150.00 on 2026-01-15 and 2026-02-15, 45 days; a's 73 days rank after it by duration. */
    p[0] = promise(ymd(2026, 1, 15), "150.00");
    p[1] = promise(ymd(2026, 2, 15), "150.00");
    EXPECT_OK(coll_arrangement_new(&t, NULL, p, 2, &b));
    plans[0] = a;
    plans[1] = b;
    EXPECT_OK(coll_plan_rank(plans, NULL, 2, dec("0"), NULL, COLL_ROUND_HALF_EVEN, COLL_RANK_BY_DURATION, order, NULL,
                             2, &n));
    EXPECT_TRUE(n == 2 && order[0] == 1 && order[1] == 0);
    /* By expected value with a certain and a half-paid plan: 300.00 before 150.00. */
    probs[0].kind = COLL_PROBABILITIES_CONSTANT_HAZARD;
    probs[0].values = NULL;
    probs[0].n_values = 0;
    probs[0].hazard = dec("0.5");
    probs[1] = probs[0];
    probs[1].kind = COLL_PROBABILITIES_CERTAIN;
    probs[1].hazard = dec("0");
    EXPECT_OK(coll_plan_rank(plans, probs, 2, dec("0"), NULL, COLL_ROUND_HALF_EVEN, COLL_RANK_BY_EXPECTED_VALUE,
                             order, NULL, 2, &n));
    EXPECT_TRUE(n == 2 && order[0] == 1 && order[1] == 0);
    probs[0].hazard = dec("2");
    EXPECT(coll_plan_rank(plans, probs, 2, dec("0"), NULL, COLL_ROUND_HALF_EVEN, COLL_RANK_BY_NPV, order, NULL, 2, &n),
           COLL_INVALID_ARGUMENT, "hazard");
    EXPECT(coll_plan_rank(plans, NULL, 2, dec("0"), NULL, COLL_ROUND_HALF_EVEN, 6, order, NULL, 2, &n),
           COLL_INVALID_ARGUMENT, "by");
    EXPECT(coll_plan_rank(plans, NULL, 2, dec("-1"), NULL, COLL_ROUND_HALF_EVEN, COLL_RANK_BY_NPV, order, NULL, 2, &n),
           COLL_INVALID_RATE, "discount_rate");
    n = 0;
    EXPECT(coll_plan_rank(plans, NULL, 2, dec("0"), NULL, COLL_ROUND_HALF_EVEN, COLL_RANK_BY_NPV, order, NULL, 1, &n),
           COLL_BUFFER_TOO_SMALL, "out_order");
    EXPECT_TRUE(n == 2);
    n = 0;
    EXPECT(coll_plan_rank(plans, NULL, 2, dec("0"), NULL, COLL_ROUND_HALF_EVEN, COLL_RANK_BY_NPV, NULL, NULL, 0, &n),
           COLL_BUFFER_TOO_SMALL, "out_order");
    EXPECT_TRUE(n == 2);
    /* With the scores: both total 300.00, so by total the input order stands, a (73 days) then b (45). */
    EXPECT_OK(coll_plan_rank(plans, NULL, 2, dec("0"), NULL, COLL_ROUND_HALF_EVEN, COLL_RANK_BY_TOTAL, order, scores, 2,
                             &n));
    EXPECT_TRUE(n == 2 && order[0] == 0 && scores[0].duration_days == 73 && scores[1].duration_days == 45);
    t.currency = currency("EUR");
    EXPECT_OK(coll_arrangement_new(&t, NULL, p, 2, &e));
    plans[1] = e;
    EXPECT(coll_plan_rank(plans, NULL, 2, dec("0"), NULL, COLL_ROUND_HALF_EVEN, COLL_RANK_BY_NPV, order, NULL, 2, &n),
           COLL_CURRENCY_MISMATCH, "plans");
    plans[1] = NULL;
    EXPECT(coll_plan_rank(plans, NULL, 2, dec("0"), NULL, COLL_ROUND_HALF_EVEN, COLL_RANK_BY_NPV, order, NULL, 2, &n),
           COLL_NULL_ARGUMENT, "plans");
    EXPECT_NULL(coll_plan_rank(NULL, NULL, 2, dec("0"), NULL, COLL_ROUND_HALF_EVEN, COLL_RANK_BY_NPV, order, NULL, 2,
                               &n),
                "plans");
    EXPECT_NULL(coll_plan_rank(plans, NULL, 0, dec("0"), NULL, COLL_ROUND_HALF_EVEN, COLL_RANK_BY_NPV, order, NULL, 2,
                               NULL),
                "out_len");

    /* Forecast by month from 2026-01-01 of a and b: January 100 + 150, February 100 + 150, March 100. */
    plans[1] = b;
    EXPECT_OK(coll_plan_forecast(plans, NULL, 2, ymd(2026, 1, 1), COLL_FORECAST_MONTHLY, COLL_ROUND_HALF_EVEN, &f));
    EXPECT_OK(coll_forecast_row_count(f, &n));
    EXPECT_TRUE(n == 3);
    EXPECT_OK(coll_forecast_row_at(f, 1, &row));
    EXPECT_TRUE(same_date(row.period_start, ymd(2026, 2, 1)) && row.promises == 2 && num_is(row.scheduled, "250") &&
                num_is(row.expected, "250"));
    EXPECT_OK(coll_forecast_totals(f, &row));
    EXPECT_TRUE(row.promises == 5 && num_is(row.scheduled, "600") && same_date(row.period_start, ymd(2026, 1, 1)));
    EXPECT(coll_forecast_row_at(f, 3, &row), COLL_INVALID_ARGUMENT, "index");
    EXPECT_OK(coll_forecast_to_json(f, buf, sizeof buf, &n));
    EXPECT_TRUE(strstr(buf, "\"monthly\"") != NULL);
    EXPECT_OK(coll_forecast_clone(f, &g));
    EXPECT_NULL(coll_forecast_clone(NULL, &g), "forecast");
    EXPECT_NULL(coll_forecast_row_count(NULL, &n), "forecast");
    EXPECT_NULL(coll_forecast_row_at(NULL, 0, &row), "forecast");
    EXPECT_NULL(coll_forecast_totals(NULL, &row), "forecast");
    EXPECT_NULL(coll_forecast_to_json(NULL, buf, sizeof buf, &n), "forecast");
    coll_forecast_free(g);
    coll_forecast_free(NULL);
    coll_forecast_free(f);
    f = NULL;
    EXPECT(coll_plan_forecast(plans, NULL, 2, ymd(2026, 1, 1), 2, COLL_ROUND_HALF_EVEN, &f), COLL_INVALID_ARGUMENT,
           "period");
    EXPECT(coll_plan_forecast(plans, NULL, 2, ymd(2026, 1, 1), COLL_FORECAST_WEEKLY, 9, &f), COLL_INVALID_ARGUMENT,
           "rounding");
    probs[0].hazard = dec("1.1");
    EXPECT(coll_plan_forecast(plans, probs, 2, ymd(2026, 1, 1), COLL_FORECAST_WEEKLY, COLL_ROUND_HALF_EVEN, &f),
           COLL_INVALID_ARGUMENT, "hazard");
    plans[1] = e;
    EXPECT(coll_plan_forecast(plans, NULL, 2, ymd(2026, 1, 1), COLL_FORECAST_WEEKLY, COLL_ROUND_HALF_EVEN, &f),
           COLL_CURRENCY_MISMATCH, "plans");
    EXPECT_NULL(coll_plan_forecast(NULL, NULL, 2, ymd(2026, 1, 1), COLL_FORECAST_WEEKLY, COLL_ROUND_HALF_EVEN, &f),
                "plans");
    EXPECT_NULL(coll_plan_forecast(plans, NULL, 2, ymd(2026, 1, 1), COLL_FORECAST_WEEKLY, COLL_ROUND_HALF_EVEN, NULL),
                "out");
    /* -262143-01-01, the earliest date, is not a Monday: the Monday starting its week does not exist
       (this panicked, COLL_PANIC). */
    EXPECT(coll_plan_forecast(NULL, NULL, 0, ymd(-262143, 1, 1), COLL_FORECAST_WEEKLY, COLL_ROUND_HALF_EVEN, &f),
           COLL_DATE_OUT_OF_RANGE, "from");
    EXPECT_TRUE(f == NULL);
    coll_arrangement_free(e);
    coll_arrangement_free(b);
    coll_arrangement_free(a);
}

static void test_plan_treatment(void) {
    coll_treatment_policy *p = NULL, *q = NULL;
    coll_treatment *t = NULL;
    coll_treatment_rule rule;
    coll_treatment_result r;
    coll_account_state s;
    const char *fact;
    size_t n, len;
    char buf[8192];
    static const char STATE[] = "{\"days_past_due\":120,\"balance\":\"3000\",\"broken_promises\":2,"
                                "\"failed_contact_attempts\":0,\"last_contact\":\"promised-to-pay\","
                                "\"affordability\":\"surplus\",\"disputed\":false,\"hardship\":false,"
                                "\"active_plan\":false}";

    EXPECT_OK(coll_treatment_policy_standard(&p));
    EXPECT_NULL(coll_treatment_policy_standard(NULL), "out");
    EXPECT_OK(coll_treatment_policy_rule_count(p, &n));
    EXPECT_TRUE(n == 12);
    EXPECT_OK(coll_treatment_policy_rule_at(p, 0, &rule));
    EXPECT_TRUE(lent_is(rule.name, rule.name_len, "dispute") && rule.action == COLL_ACTION_ESCALATE_TO_SUPERVISOR);
    EXPECT(coll_treatment_policy_rule_at(p, 12, &rule), COLL_INVALID_ARGUMENT, "index");
    EXPECT_NULL(coll_treatment_policy_rule_at(NULL, 0, &rule), "policy");
    EXPECT_NULL(coll_treatment_policy_rule_count(NULL, &n), "policy");

    /* 120 days, 3000.00, two promises broken: legal review (after dispute, hardship and the write-off,
       whose 180 days are not reached), with its three facts. */
    EXPECT_OK(coll_account_state_from_json(STATE, strlen(STATE), &s));
    EXPECT_TRUE(s.days_past_due == 120 && s.last_contact == COLL_LAST_CONTACT_PROMISED_TO_PAY &&
                s.affordability == COLL_AFFORDABILITY_SURPLUS);
    EXPECT_OK(coll_treatment_recommend(p, &s, &t));
    EXPECT_OK(coll_treatment_get_result(t, &r));
    EXPECT_TRUE(r.fired == 1 && r.action == COLL_ACTION_LEGAL_REVIEW && lent_is(r.rule, r.rule_len, "legal-review"));
    EXPECT_TRUE(r.n_facts == 3);
    EXPECT_OK(coll_treatment_fact_at(t, 0, &fact, &len));
    EXPECT_TRUE(lent_is(fact, len, "120 days past due >= 120"));
    EXPECT(coll_treatment_fact_at(t, 3, &fact, &len), COLL_INVALID_ARGUMENT, "index");
    EXPECT_NULL(coll_treatment_fact_at(NULL, 0, &fact, &len), "treatment");
    EXPECT_NULL(coll_treatment_fact_at(t, 0, NULL, &len), "out");
    EXPECT_NULL(coll_treatment_get_result(NULL, &r), "treatment");
    coll_treatment_free(t);
    t = NULL;
    /* A current account: no rule fires. */
    EXPECT_NULL(coll_account_state_init(NULL), "out");
    EXPECT_OK(coll_account_state_init(&s));
    EXPECT_OK(coll_treatment_recommend(p, &s, &t));
    EXPECT_OK(coll_treatment_get_result(t, &r));
    EXPECT_TRUE(r.fired == 0 && r.n_facts == 0 && r.rule_len == 0);
    coll_treatment_free(t);
    coll_treatment_free(NULL);
    t = NULL;
    s.last_contact = 7;
    EXPECT(coll_treatment_recommend(p, &s, &t), COLL_INVALID_ARGUMENT, "last_contact");
    s.last_contact = 0;
    s.affordability = 3;
    EXPECT(coll_treatment_recommend(p, &s, &t), COLL_INVALID_ARGUMENT, "affordability");
    s.affordability = 0;
    s.disputed = 2;
    EXPECT(coll_treatment_recommend(p, &s, &t), COLL_INVALID_ARGUMENT, "disputed");
    s.disputed = 0;
    s.balance.scale = 29;
    EXPECT(coll_treatment_recommend(p, &s, &t), COLL_INVALID_DECIMAL, "balance");
    s.balance = dec("0");
    EXPECT_NULL(coll_treatment_recommend(NULL, &s, &t), "policy");
    EXPECT_NULL(coll_treatment_recommend(p, NULL, &t), "state");
    EXPECT_NULL(coll_treatment_recommend(p, &s, NULL), "out");
    EXPECT_TRUE(t == NULL);
    EXPECT(coll_account_state_from_json("{\"days_past_due\":-1}", 20, &s), COLL_INVALID_ARGUMENT, "state");
    EXPECT_NULL(coll_account_state_from_json(NULL, 0, &s), "text");

    /* JSON both ways: the standard policy read back has its 12 rules. */
    EXPECT_OK(coll_treatment_policy_to_json(p, buf, sizeof buf, &len));
    EXPECT_OK(coll_treatment_policy_from_json(buf, len, &q));
    EXPECT_OK(coll_treatment_policy_rule_count(q, &n));
    EXPECT_TRUE(n == 12);
    coll_treatment_policy_free(q);
    q = NULL;
    EXPECT(coll_treatment_policy_from_json("{\"rules\":[]}", 12, &q), COLL_INVALID_ARGUMENT, "policy");
    EXPECT(coll_treatment_policy_from_json(BAD_UTF8, 2, &q), COLL_INVALID_UTF8, "text");
    EXPECT_NULL(coll_treatment_policy_from_json(NULL, 0, &q), "text");
    EXPECT_NULL(coll_treatment_policy_to_json(NULL, buf, sizeof buf, &len), "policy");
    EXPECT_OK(coll_treatment_policy_clone(p, &q));
    EXPECT_NULL(coll_treatment_policy_clone(NULL, &q), "policy");
    coll_treatment_policy_free(q);
    coll_treatment_policy_free(NULL);
    coll_treatment_policy_free(p);
}

static void test_plan_settlements(void) {
    coll_date dates[3] = {{2026, 1, 1}, {2026, 2, 1}, {2026, 3, 1}};
    coll_promise inst[3], cost;
    coll_settlement st;
    coll_expected_recovery rec;
    coll_minimum_settlement_result m;
    coll_discount_band bands[2], band;
    coll_settlement_policy *p = NULL, *q = NULL;
    coll_settlement_offer offers[2];
    coll_decimal floor = dec("450"), minimum = dec("800");
    size_t n, len;
    char buf[1024];
    static const char PATH[] = "{\"recoveries\":[{\"date\":\"2027-01-01\",\"amount\":\"1000\","
                               "\"probability\":\"0.5\"}],\"costs\":[{\"date\":\"2026-06-01\",\"amount\":\"100\"}]}";

    /* 60% of 1000.00 is 600.00, 400.00 forgiven, in 3 parts of 200.00. */
    EXPECT_OK(coll_settle(dec("1000"), currency("USD"), dec("60"), dates, 3, COLL_ROUND_HALF_UP, &st, inst, 3));
    EXPECT_TRUE(num_is(st.amount, "600") && num_is(st.discount, "400") && st.n_installments == 3);
    EXPECT_TRUE(num_is(inst[2].amount, "200") && same_date(inst[2].date, ymd(2026, 3, 1)));
    EXPECT_OK(coll_settle(dec("1000"), currency("USD"), dec("100"), dates, 1, COLL_ROUND_HALF_UP, &st, inst, 3));
    EXPECT_TRUE(num_is(st.amount, "1000") && num_is(st.discount, "0"));
    /* The issue's bad input: percentages outside (0, 100]. */
    POISON(st);
    EXPECT(coll_settle(dec("1000"), currency("USD"), dec("0"), dates, 3, COLL_ROUND_HALF_UP, &st, inst, 3),
           COLL_INVALID_ARGUMENT, "percent");
    EXPECT(coll_settle(dec("1000"), currency("USD"), dec("-10"), dates, 3, COLL_ROUND_HALF_UP, &st, inst, 3),
           COLL_INVALID_ARGUMENT, "percent");
    EXPECT(coll_settle(dec("1000"), currency("USD"), dec("100.01"), dates, 3, COLL_ROUND_HALF_UP, &st, inst, 3),
           COLL_INVALID_ARGUMENT, "percent");
    dates[1] = ymd(2026, 1, 1);
    EXPECT(coll_settle(dec("1000"), currency("USD"), dec("60"), dates, 3, COLL_ROUND_HALF_UP, &st, inst, 3),
           COLL_INVALID_ARGUMENT, "dates");
    dates[1] = ymd(2026, 2, 30);
    EXPECT(coll_settle(dec("1000"), currency("USD"), dec("60"), dates, 3, COLL_ROUND_HALF_UP, &st, inst, 3),
           COLL_INVALID_DATE, "dates");
    dates[1] = ymd(2026, 2, 1);
    EXPECT(coll_settle(dec("1000"), currency("USD"), dec("60"), dates, 0, COLL_ROUND_HALF_UP, &st, inst, 3),
           COLL_INVALID_ARGUMENT, "dates");
    EXPECT(coll_settle(dec("0"), currency("USD"), dec("60"), dates, 3, COLL_ROUND_HALF_UP, &st, inst, 3),
           COLL_INVALID_ARGUMENT, "balance");
    EXPECT(coll_settle(dec("1000"), currency("USD"), dec("60"), dates, 3, COLL_ROUND_HALF_UP, &st, inst, 2),
           COLL_BUFFER_TOO_SMALL, "out_installments");
    EXPECT(coll_settle(dec("1000"), currency("USD"), dec("60"), dates, 3, 11, &st, inst, 3), COLL_INVALID_ARGUMENT,
           "rounding");
    EXPECT_NULL(coll_settle(dec("1000"), currency("USD"), dec("60"), NULL, 3, COLL_ROUND_HALF_UP, &st, inst, 3),
                "dates");
    EXPECT_NULL(coll_settle(dec("1000"), currency("USD"), dec("60"), dates, 3, COLL_ROUND_HALF_UP, NULL, inst, 3),
                "out");
    EXPECT_NULL(coll_settle(dec("1000"), currency("USD"), dec("60"), dates, 3, COLL_ROUND_HALF_UP, &st, NULL, 3),
                "out_installments");
    UNTOUCHED(st);

    /* At 0%: half of 1000.00 expected, less 100.00 of costs, is 400.00; a floor of 450.00 raises it. */
    rec.date = ymd(2027, 1, 1);
    rec.amount = dec("1000");
    rec.probability = dec("0.5");
    cost = promise(ymd(2026, 6, 1), "100");
    EXPECT_OK(coll_minimum_settlement(&rec, 1, &cost, 1, ymd(2026, 1, 1), dec("0"), NULL, currency("USD"),
                                      COLL_ROUND_HALF_UP, &m));
    EXPECT_TRUE(num_is(m.recovery_npv, "500") && num_is(m.cost_npv, "100") && num_is(m.net, "400") &&
                num_is(m.minimum, "400") && m.has_floor == 0);
    EXPECT_OK(coll_minimum_settlement(&rec, 1, NULL, 0, ymd(2026, 1, 1), dec("0"), &floor, currency("USD"),
                                      COLL_ROUND_HALF_UP, &m));
    EXPECT_TRUE(num_is(m.net, "500") && m.has_floor == 1 && num_is(m.minimum, "500"));
    POISON(m);
    rec.probability = dec("1.5");
    EXPECT(coll_minimum_settlement(&rec, 1, NULL, 0, ymd(2026, 1, 1), dec("0"), NULL, currency("USD"),
                                   COLL_ROUND_HALF_UP, &m),
           COLL_INVALID_ARGUMENT, "probability");
    rec.probability = dec("0.5");
    EXPECT(coll_minimum_settlement(&rec, 1, NULL, 0, ymd(2026, 1, 1), dec("-1"), NULL, currency("USD"),
                                   COLL_ROUND_HALF_UP, &m),
           COLL_INVALID_RATE, "discount_rate");
    EXPECT(coll_minimum_settlement(&rec, 1, NULL, 0, ymd(2027, 6, 1), dec("0"), NULL, currency("USD"),
                                   COLL_ROUND_HALF_UP, &m),
           COLL_INVALID_ARGUMENT, "recoveries");
    cost.amount = dec("0");
    EXPECT(coll_minimum_settlement(&rec, 1, &cost, 1, ymd(2026, 1, 1), dec("0"), NULL, currency("USD"),
                                   COLL_ROUND_HALF_UP, &m),
           COLL_INVALID_ARGUMENT, "costs");
    floor = dec("-1");
    EXPECT(coll_minimum_settlement(&rec, 1, NULL, 0, ymd(2026, 1, 1), dec("0"), &floor, currency("USD"),
                                   COLL_ROUND_HALF_UP, &m),
           COLL_INVALID_ARGUMENT, "floor");
    EXPECT_NULL(coll_minimum_settlement(NULL, 1, NULL, 0, ymd(2026, 1, 1), dec("0"), NULL, currency("USD"),
                                        COLL_ROUND_HALF_UP, &m),
                "recoveries");
    EXPECT_NULL(coll_minimum_settlement(&rec, 1, NULL, 0, ymd(2026, 1, 1), dec("0"), NULL, currency("USD"),
                                        COLL_ROUND_HALF_UP, NULL),
                "out");
    UNTOUCHED(m);

    /* The same path as JSON: 500.00 expected, less 100.00. */
    EXPECT_OK(coll_minimum_settlement_with_path_json(PATH, strlen(PATH), ymd(2026, 1, 1), dec("0"), NULL,
                                                     currency("USD"), COLL_ROUND_HALF_UP, &m));
    EXPECT_TRUE(num_is(m.net, "400") && num_is(m.minimum, "400"));
    EXPECT(coll_minimum_settlement_with_path_json("{\"recoveries\":[{}]}", 18, ymd(2026, 1, 1), dec("0"), NULL,
                                                  currency("USD"), COLL_ROUND_HALF_UP, &m),
           COLL_INVALID_ARGUMENT, "path");
    EXPECT(coll_minimum_settlement_with_path_json(PATH, strlen(PATH), ymd(2026, 1, 1), dec("-1"), NULL,
                                                  currency("USD"), COLL_ROUND_HALF_UP, &m),
           COLL_INVALID_RATE, "discount_rate");
    EXPECT(coll_minimum_settlement_with_path_json(BAD_UTF8, 2, ymd(2026, 1, 1), dec("0"), NULL, currency("USD"),
                                                  COLL_ROUND_HALF_UP, &m),
           COLL_INVALID_UTF8, "path_json");
    EXPECT_NULL(coll_minimum_settlement_with_path_json(NULL, 0, ymd(2026, 1, 1), dec("0"), NULL, currency("USD"),
                                                       COLL_ROUND_HALF_UP, &m),
                "path_json");
    EXPECT_NULL(coll_minimum_settlement_with_path_json(PATH, strlen(PATH), ymd(2026, 1, 1), dec("0"), NULL,
                                                       currency("USD"), COLL_ROUND_HALF_UP, NULL),
                "out");

    /* Bands: from 0 days 20% / 10% over up to 6; from 90 days 40% / 30% over up to 12. */
    bands[0].min_days_past_due = 0;
    bands[0].lump_sum_discount_percent = dec("20");
    bands[0].installment_discount_percent = dec("10");
    bands[0].max_installments = 6;
    bands[1].min_days_past_due = 90;
    bands[1].lump_sum_discount_percent = dec("40");
    bands[1].installment_discount_percent = dec("30");
    bands[1].max_installments = 12;
    EXPECT_OK(coll_settlement_policy_new(bands, 2, &p));
    /* 100 days: a lump sum of 600.00 (40% off 1000.00), or 700.00 over 12. */
    EXPECT_OK(coll_settlement_offers(dec("1000"), currency("USD"), 100, NULL, p, offers, 2, &n));
    EXPECT_TRUE(n == 2 && offers[0].installments == 1 && num_is(offers[0].amount, "600") &&
                offers[1].installments == 12 && num_is(offers[1].amount, "700") &&
                offers[1].band_min_days_past_due == 90 && offers[1].at_minimum == 0);
    /* A minimum of 800.00 lifts both. */
    EXPECT_OK(coll_settlement_offers(dec("1000"), currency("USD"), 100, &minimum, p, offers, 2, &n));
    EXPECT_TRUE(num_is(offers[0].amount, "800") && offers[0].at_minimum == 1);
    n = 0;
    EXPECT(coll_settlement_offers(dec("1000"), currency("USD"), 100, NULL, p, offers, 1, &n), COLL_BUFFER_TOO_SMALL,
           "out");
    EXPECT_TRUE(n == 2);
    EXPECT(coll_settlement_offers(dec("-1"), currency("USD"), 100, NULL, p, offers, 2, &n), COLL_INVALID_ARGUMENT,
           "balance");
    EXPECT_NULL(coll_settlement_offers(dec("1000"), currency("USD"), 100, NULL, NULL, offers, 2, &n), "policy");
    EXPECT_NULL(coll_settlement_offers(dec("1000"), currency("USD"), 100, NULL, p, offers, 2, NULL), "out_len");
    EXPECT_OK(coll_settlement_policy_band_count(p, &n));
    EXPECT_TRUE(n == 2);
    EXPECT_OK(coll_settlement_policy_band_at(p, 1, &band));
    EXPECT_TRUE(band.min_days_past_due == 90 && band.max_installments == 12);
    EXPECT(coll_settlement_policy_band_at(p, 2, &band), COLL_INVALID_ARGUMENT, "index");
    EXPECT_NULL(coll_settlement_policy_band_at(NULL, 0, &band), "policy");
    EXPECT_NULL(coll_settlement_policy_band_count(NULL, &n), "policy");
    EXPECT_OK(coll_settlement_policy_to_json(p, buf, sizeof buf, &len));
    EXPECT_OK(coll_settlement_policy_from_json(buf, len, &q));
    coll_settlement_policy_free(q);
    q = NULL;
    EXPECT_NULL(coll_settlement_policy_to_json(NULL, buf, sizeof buf, &len), "policy");
    EXPECT(coll_settlement_policy_from_json("{\"bands\":[]}", 12, &q), COLL_INVALID_ARGUMENT, "policy");
    EXPECT_NULL(coll_settlement_policy_from_json(NULL, 0, &q), "text");
    EXPECT_OK(coll_settlement_policy_clone(p, &q));
    EXPECT_NULL(coll_settlement_policy_clone(NULL, &q), "policy");
    coll_settlement_policy_free(q);
    q = NULL;
    bands[0].min_days_past_due = 30;
    EXPECT(coll_settlement_policy_new(bands, 2, &q), COLL_INVALID_ARGUMENT, "bands");
    bands[0].min_days_past_due = 0;
    bands[1].lump_sum_discount_percent = dec("100");
    EXPECT(coll_settlement_policy_new(bands, 2, &q), COLL_INVALID_ARGUMENT, "lump_sum_discount_percent");
    bands[1].lump_sum_discount_percent = dec("40");
    bands[1].max_installments = 0;
    EXPECT(coll_settlement_policy_new(bands, 2, &q), COLL_INVALID_ARGUMENT, "max_installments");
    EXPECT(coll_settlement_policy_new(bands, 0, &q), COLL_INVALID_ARGUMENT, "bands");
    EXPECT_NULL(coll_settlement_policy_new(NULL, 2, &q), "bands");
    EXPECT_NULL(coll_settlement_policy_new(bands, 2, NULL), "out");
    EXPECT_TRUE(q == NULL);
    coll_settlement_policy_free(NULL);
    coll_settlement_policy_free(p);
}

static void test_plan_kpis(void) {
    coll_cei_inputs cei;
    coll_kpi k;
    coll_arrangement *a = card_plan();
    coll_plan_payment pay;
    coll_tracking *t = NULL;
    const coll_tracking *ts[1];
    coll_obligation ob;
    coll_aging_account acct;
    coll_aging_rules rules;
    coll_roll_matrix *m = NULL;
    coll_roll_cell cell;
    const char *label;
    size_t n, len;

    /* (1000 + 600 / 3 - 700) / (1000 + 600 / 3 - 200) x 100 = 500 / 1000 x 100 = 50. */
    cei.opening_receivables = dec("1000");
    cei.credit_sales = dec("600");
    cei.months = 3;
    cei.closing_receivables = dec("700");
    cei.closing_current_receivables = dec("200");
    EXPECT_OK(coll_collection_effectiveness_index(&cei, &k));
    EXPECT_TRUE(k.defined == 1 && num_is(k.value, "50"));
    cei.months = 0;
    EXPECT(coll_collection_effectiveness_index(&cei, &k), COLL_INVALID_ARGUMENT, "months");
    cei.months = 3;
    cei.closing_current_receivables = dec("800");
    EXPECT(coll_collection_effectiveness_index(&cei, &k), COLL_INVALID_ARGUMENT, "closing_current_receivables");
    cei.opening_receivables = dec("-1");
    EXPECT(coll_collection_effectiveness_index(&cei, &k), COLL_INVALID_ARGUMENT, "opening_receivables");
    EXPECT_NULL(coll_collection_effectiveness_index(NULL, &k), "inputs");
    EXPECT_NULL(coll_collection_effectiveness_index(&cei, NULL), "out");
    /* 500 / 1000 x 30 = 15 days. */
    EXPECT_OK(coll_days_sales_outstanding(dec("500"), dec("1000"), 30, &k));
    EXPECT_TRUE(k.defined == 1 && num_is(k.value, "15"));
    EXPECT(coll_days_sales_outstanding(dec("-500"), dec("1000"), 30, &k), COLL_INVALID_ARGUMENT, "receivables");
    EXPECT_NULL(coll_days_sales_outstanding(dec("500"), dec("1000"), 30, NULL), "out");
    EXPECT_OK(coll_recovery_rate(dec("250"), dec("1000"), &k));
    EXPECT_TRUE(k.defined == 1 && num_is(k.value, "0.25"));
    EXPECT(coll_recovery_rate(dec("250"), dec("-1"), &k), COLL_INVALID_ARGUMENT, "outstanding");
    EXPECT_NULL(coll_recovery_rate(dec("250"), dec("1000"), NULL), "out");
    EXPECT_OK(coll_liquidation_rate(dec("0"), dec("0"), &k));
    EXPECT_TRUE(k.defined == 0);
    EXPECT(coll_liquidation_rate(dec("-1"), dec("0"), &k), COLL_INVALID_ARGUMENT, "gross_recoveries");
    EXPECT_NULL(coll_liquidation_rate(dec("0"), dec("0"), NULL), "out");
    EXPECT_OK(coll_right_party_contact_rate(3, 12, &k));
    EXPECT_TRUE(k.defined == 1 && num_is(k.value, "0.25"));
    EXPECT(coll_right_party_contact_rate(13, 12, &k), COLL_INVALID_ARGUMENT, "right_party_contacts");
    EXPECT_NULL(coll_right_party_contact_rate(3, 12, NULL), "out");
    /* As of 2026-02-01 only January's promise has come due, and it was kept: 1 / 1. */
    pay.date = ymd(2026, 1, 14);
    pay.amount = dec("100");
    EXPECT_OK(coll_plan_track(a, &pay, 1, ymd(2026, 2, 1), NULL, &t));
    ts[0] = t;
    EXPECT_OK(coll_promise_kept_rate(ts, 1, &k));
    EXPECT_TRUE(k.defined == 1 && num_is(k.value, "1"));
    EXPECT_OK(coll_promise_kept_rate(NULL, 0, &k));
    EXPECT_TRUE(k.defined == 0);
    ts[0] = NULL;
    EXPECT(coll_promise_kept_rate(ts, 1, &k), COLL_NULL_ARGUMENT, "trackings");
    EXPECT_NULL(coll_promise_kept_rate(NULL, 1, &k), "trackings");
    coll_tracking_free(t);

    /* 100.00 due 2026-01-01, unpaid: 14 days past due on 01-15 (1-30), 45 on 02-15 (31-60). */
    ob.due_date = ymd(2026, 1, 1);
    ob.amount_due = dec("100");
    ob.amount_paid = dec("0");
    memset(&acct, 0, sizeof acct);
    acct.obligations = &ob;
    acct.n_obligations = 1;
    EXPECT_OK(coll_aging_rules_init(&rules));
    EXPECT_OK(coll_roll_rate_matrix(&acct, 1, ymd(2026, 1, 15), ymd(2026, 2, 15), &rules, &m));
    EXPECT_OK(coll_roll_matrix_size(m, &n));
    EXPECT_TRUE(n == 8);
    EXPECT_OK(coll_roll_matrix_cell(m, 1, 2, &cell));
    EXPECT_TRUE(cell.accounts == 1 && num_is(cell.outstanding, "100") && cell.has_rate == 1 && num_is(cell.rate, "1"));
    EXPECT_OK(coll_roll_matrix_cell(m, 0, 0, &cell));
    EXPECT_TRUE(cell.accounts == 0 && cell.has_rate == 0);
    EXPECT_OK(coll_roll_matrix_label(m, 2, &label, &len));
    EXPECT_TRUE(lent_is(label, len, "31-60"));
    EXPECT(coll_roll_matrix_cell(m, 8, 0, &cell), COLL_INVALID_ARGUMENT, "from");
    EXPECT(coll_roll_matrix_cell(m, 0, 8, &cell), COLL_INVALID_ARGUMENT, "to");
    EXPECT(coll_roll_matrix_label(m, 8, &label, &len), COLL_INVALID_ARGUMENT, "index");
    EXPECT_NULL(coll_roll_matrix_size(NULL, &n), "matrix");
    EXPECT_NULL(coll_roll_matrix_cell(NULL, 0, 0, &cell), "matrix");
    EXPECT_NULL(coll_roll_matrix_label(NULL, 0, &label, &len), "matrix");
    coll_roll_matrix_free(m);
    coll_roll_matrix_free(NULL);
    m = NULL;
    EXPECT(coll_roll_rate_matrix(&acct, 1, ymd(2026, 2, 15), ymd(2026, 2, 15), &rules, &m), COLL_INVALID_ARGUMENT,
           "to");
    ob.amount_due = dec("-5");
    EXPECT(coll_roll_rate_matrix(&acct, 1, ymd(2026, 1, 15), ymd(2026, 2, 15), &rules, &m), COLL_INVALID_ARGUMENT,
           "amount_due");
    rules.method = 9;
    EXPECT(coll_roll_rate_matrix(&acct, 1, ymd(2026, 1, 15), ymd(2026, 2, 15), &rules, &m), COLL_INVALID_ARGUMENT,
           "method");
    EXPECT_NULL(coll_roll_rate_matrix(&acct, 1, ymd(2026, 1, 15), ymd(2026, 2, 15), NULL, &m), "rules");
    EXPECT_NULL(coll_roll_rate_matrix(NULL, 1, ymd(2026, 1, 15), ymd(2026, 2, 15), &rules, &m), "accounts");
    EXPECT_TRUE(m == NULL);
    coll_arrangement_free(a);
}

int main(void) {
    test_conventions();
    test_null_arguments();
    test_decimals();
    test_money();
    test_rates();
    test_dates_and_day_counts();
    test_schedules();
    test_calendars();
    test_finance_structs();
    test_finance();
    test_when();
    test_apr();
    test_schedule_null_arguments();
    test_schedule_names();
    test_schedule_terms();
    test_schedule_results();
    test_late_interest();
    test_dunning();
    test_aging();
    test_debt_status();
    test_ledger_names();
    test_ledger_terms();
    test_ledger_posting();
    test_reconcile();
    test_aging_history();
    test_affordability_names();
    test_household_and_monthly();
    test_statements();
    test_guidelines();
    test_assessments();
    test_fair_shares();
    test_recommendations();
    test_contact_names();
    test_contact_policies();
    test_contact_inputs();
    test_contact_decisions();
    test_contact_native_profiles();
    test_plan_names();
    test_plan_arrangements();
    test_plan_tracking();
    test_plan_scores();
    test_plan_treatment();
    test_plan_settlements();
    test_plan_kpis();
    printf("test_errors: %d checks, %d failed\n", checks, failures);
    return failures == 0 ? 0 : 1;
}
