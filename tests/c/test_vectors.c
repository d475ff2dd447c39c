/*
 * Runs every case of every tests/vectors/(name).json file through the C ABI (see tests/vectors/README.md).
 *
 * Usage: test_vectors [VECTORS_DIR]. Prints a line per file and then "N passed, M failed"; exits 0 only
 * when nothing failed. An op this runner does not know is a failure, so new ops are never skipped.
 */
#define _POSIX_C_SOURCE 200809L

#include <dirent.h>
#include <errno.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "collections.h"
#include "json.h"

/* A status no library call returns: the vector case itself is malformed. */
#define HARNESS_ERROR 0xFFFFu

typedef struct {
    char why[1024];      /* the first reason the case failed */
    int mismatch;        /* a result differed from the expected value */
    const char *reading; /* the case field whose text is being converted by the library, if any */
} outcome;

static void note(outcome *o, const char *fmt, const char *a, const char *b, const char *c) {
    if (o->why[0] == '\0') {
        snprintf(o->why, sizeof o->why, fmt, a, b, c);
    }
}

static void mismatch(outcome *o, const char *what, const char *got, const char *want) {
    o->mismatch = 1;
    note(o, "%s: got %s, expected %s", what, got, want);
}

static coll_status harness(outcome *o, const char *what, const char *key) {
    note(o, "malformed case: %s %s%s", what, key, "");
    return HARNESS_ERROR;
}

/* ---------------------------------------------------------------- reading fields */

#define TRY(expr)                                                                                  \
    do {                                                                                           \
        st = (expr);                                                                               \
        if (st != COLL_OK) {                                                                       \
            goto done;                                                                             \
        }                                                                                          \
    } while (0)

static coll_status get_text(const json_value *c, const char *key, const char **out, outcome *o) {
    const char *s = json_scalar_text(json_get(c, key));
    if (s == NULL) {
        return harness(o, "missing text field", key);
    }
    *out = s;
    return COLL_OK;
}

static coll_status decimal_of(const char *s, coll_decimal *out) {
    return coll_decimal_from_string(s, strlen(s), out);
}

static coll_status get_decimal(const json_value *c, const char *key, coll_decimal *out, outcome *o) {
    const char *s;
    coll_status st = get_text(c, key, &s, o);
    if (st != COLL_OK) {
        return st;
    }
    o->reading = key;
    st = decimal_of(s, out);
    if (st == COLL_OK) {
        o->reading = NULL;
    }
    return st;
}

static coll_status get_date(const json_value *c, const char *key, coll_date *out, outcome *o) {
    const char *s;
    coll_status st = get_text(c, key, &s, o);
    if (st != COLL_OK) {
        return st;
    }
    /* As for decimals: a date refused by coll_date_from_string (`text`) is the field being read. */
    o->reading = key;
    st = coll_date_from_string(s, strlen(s), out);
    if (st == COLL_OK) {
        o->reading = NULL;
    }
    return st;
}

static coll_status get_int(const json_value *c, const char *key, long long *out, outcome *o) {
    const json_value *v = json_get(c, key);
    char *end;
    if (v == NULL || v->type != JSON_NUMBER) {
        return harness(o, "missing integer field", key);
    }
    errno = 0;
    *out = strtoll(v->text, &end, 10);
    if (errno != 0 || *end != '\0') {
        return harness(o, "not an integer:", key);
    }
    return COLL_OK;
}

static int get_bool(const json_value *c, const char *key, int fallback) {
    const json_value *v = json_get(c, key);
    return v != NULL && v->type == JSON_BOOL ? v->boolean : fallback;
}

static const json_value *get_array(const json_value *c, const char *key) {
    const json_value *v = json_get(c, key);
    return v != NULL && v->type == JSON_ARRAY ? v : NULL;
}

static coll_status get_currency(const json_value *c, const char *key, coll_currency *out, outcome *o) {
    const char *s;
    coll_status st = get_text(c, key, &s, o);
    return st != COLL_OK ? st : coll_currency_from_code(s, strlen(s), out);
}

static coll_status get_mode(const json_value *c, coll_rounding_mode *out, outcome *o) {
    const char *s;
    coll_status st = get_text(c, "mode", &s, o);
    return st != COLL_OK ? st : coll_rounding_mode_from_name(s, strlen(s), out);
}

static coll_status get_frequency(const json_value *c, const char *key, coll_frequency *out, outcome *o) {
    const char *s;
    coll_status st = get_text(c, key, &s, o);
    return st != COLL_OK ? st : coll_frequency_from_name(s, strlen(s), out);
}

/* ---------------------------------------------------------------- comparing results */

static void decimal_text(const coll_decimal *d, char *buf) {
    size_t len;
    if (coll_decimal_to_string(d, buf, COLL_DECIMAL_TEXT_CAPACITY, &len) != COLL_OK) {
        strcpy(buf, "<invalid decimal>");
    }
}

static void date_text(coll_date d, char *buf, size_t cap) {
    snprintf(buf, cap, "%04d-%02u-%02u", (int)d.year, (unsigned)d.month, (unsigned)d.day);
}

/* Compares a computed decimal with expected text: as text when exact_text, else by value. */
static coll_status expect_decimal(outcome *o, const json_value *c, const char *what, const coll_decimal *got,
                                  const char *want) {
    char got_text[COLL_DECIMAL_TEXT_CAPACITY];
    decimal_text(got, got_text);
    if (get_bool(c, "exact_text", 0)) {
        if (strcmp(got_text, want) != 0) {
            mismatch(o, what, got_text, want);
        }
    } else {
        coll_decimal expected;
        int order;
        if (decimal_of(want, &expected) != COLL_OK) {
            return harness(o, "expected value is not a decimal:", want);
        }
        if (coll_decimal_cmp(got, &expected, &order) != COLL_OK) {
            return harness(o, "cannot compare", what);
        }
        if (order != 0) {
            mismatch(o, what, got_text, want);
        }
    }
    return COLL_OK;
}

/* Rounds half-even to the case's `places` (when given) and compares with `key`. */
static coll_status expect_rounded(outcome *o, const json_value *c, const char *key, const coll_decimal *got) {
    const char *want;
    coll_decimal value = *got;
    coll_status st = get_text(c, key, &want, o);
    if (st != COLL_OK) {
        return st;
    }
    if (json_get(c, "places") != NULL) {
        long long places;
        if ((st = get_int(c, "places", &places, o)) != COLL_OK) {
            return st;
        }
        if (places < 0 || coll_decimal_round(got, (uint32_t)places, COLL_ROUND_HALF_EVEN, &value) != COLL_OK) {
            return harness(o, "bad places for", key);
        }
    }
    return expect_decimal(o, c, key, &value, want);
}

static coll_status expect_date(outcome *o, const char *what, coll_date got, const char *want) {
    char got_text[32];
    coll_date expected;
    if (want == NULL || coll_date_from_string(want, strlen(want), &expected) != COLL_OK) {
        return harness(o, "expected value is not a date for", what);
    }
    if (got.year != expected.year || got.month != expected.month || got.day != expected.day) {
        date_text(got, got_text, sizeof got_text);
        mismatch(o, what, got_text, want);
    }
    return COLL_OK;
}

static coll_status expect_dates(outcome *o, const char *what, const coll_date *got, size_t n,
                                const json_value *want) {
    size_t i;
    char count[64];
    if (want == NULL) {
        return harness(o, "missing list", what);
    }
    if (n != want->count) {
        char expected_count[32];
        snprintf(count, sizeof count, "%lu dates", (unsigned long)n);
        snprintf(expected_count, sizeof expected_count, "%lu", (unsigned long)want->count);
        mismatch(o, what, count, expected_count);
        return COLL_OK;
    }
    for (i = 0; i < n; i++) {
        coll_status st = expect_date(o, what, got[i], json_string(want->items[i]));
        if (st != COLL_OK) {
            return st;
        }
    }
    return COLL_OK;
}

static void expect_int(outcome *o, const char *what, long long got, long long want) {
    if (got != want) {
        char g[32], w[32];
        snprintf(g, sizeof g, "%lld", got);
        snprintf(w, sizeof w, "%lld", want);
        mismatch(o, what, g, w);
    }
}

/* ---------------------------------------------------------------- calendars */

static coll_status weekday_of(const char *name, coll_weekday *out) {
    static const char *const names[7] = {"mon", "tue", "wed", "thu", "fri", "sat", "sun"};
    coll_weekday i;
    for (i = 0; i < 7; i++) {
        if (name != NULL && strcmp(name, names[i]) == 0) {
            *out = i;
            return COLL_OK;
        }
    }
    return HARNESS_ERROR;
}

/* The case's calendar: a built-in by name, or `custom` with `weekend` and `holidays`. */
static coll_status make_calendar(const json_value *c, coll_calendar **out, outcome *o) {
    const char *name;
    const json_value *weekend, *holidays;
    coll_weekday days[8];
    coll_date *dates = NULL;
    size_t i;
    coll_status st = get_text(c, "calendar", &name, o);
    if (st != COLL_OK) {
        return st;
    }
    if (strcmp(name, "custom") != 0) {
        return coll_calendar_builtin(name, strlen(name), out);
    }
    weekend = get_array(c, "weekend");
    holidays = get_array(c, "holidays");
    if (weekend == NULL || weekend->count > 7) {
        return harness(o, "custom calendar needs", "weekend");
    }
    for (i = 0; i < weekend->count; i++) {
        if (weekday_of(json_string(weekend->items[i]), &days[i]) != COLL_OK) {
            return harness(o, "unknown weekday in", "weekend");
        }
    }
    if (holidays != NULL && holidays->count > 0) {
        dates = (coll_date *)calloc(holidays->count, sizeof *dates);
        if (dates == NULL) {
            return harness(o, "out of memory for", "holidays");
        }
        for (i = 0; i < holidays->count; i++) {
            const char *s = json_string(holidays->items[i]);
            if (s == NULL) {
                st = harness(o, "holiday is not text in", "holidays");
                goto done;
            }
            TRY(coll_date_from_string(s, strlen(s), &dates[i]));
        }
    }
    st = coll_calendar_new(days, weekend->count, dates, holidays ? holidays->count : 0, out);
done:
    free(dates);
    return st;
}

static coll_status get_convention(const json_value *c, coll_business_day_convention *out, outcome *o) {
    const char *s;
    coll_status st = get_text(c, "convention", &s, o);
    return st != COLL_OK ? st : coll_business_day_convention_from_name(s, strlen(s), out);
}

static coll_status op_adjust(const json_value *c, outcome *o) {
    coll_calendar *cal = NULL;
    coll_date date, got;
    coll_business_day_convention conv;
    coll_status st;
    TRY(make_calendar(c, &cal, o));
    TRY(get_date(c, "date", &date, o));
    TRY(get_convention(c, &conv, o));
    TRY(coll_calendar_adjust(cal, date, conv, &got));
    st = expect_date(o, "adjusted date", got, json_string(json_get(c, "expected")));
done:
    coll_calendar_free(cal);
    return st;
}

static coll_status op_add_business_days(const json_value *c, outcome *o) {
    coll_calendar *cal = NULL;
    coll_date date, got;
    long long n;
    coll_status st;
    TRY(make_calendar(c, &cal, o));
    TRY(get_date(c, "date", &date, o));
    TRY(get_int(c, "n", &n, o));
    TRY(coll_calendar_add_business_days(cal, date, (int64_t)n, &got));
    st = expect_date(o, "date", got, json_string(json_get(c, "expected")));
done:
    coll_calendar_free(cal);
    return st;
}

static coll_status op_is_business_day(const json_value *c, outcome *o) {
    coll_calendar *cal = NULL;
    coll_date date;
    bool got;
    const json_value *want;
    coll_status st;
    TRY(make_calendar(c, &cal, o));
    TRY(get_date(c, "date", &date, o));
    TRY(coll_calendar_is_business_day(cal, date, &got));
    want = json_get(c, "expected");
    if (want == NULL || want->type != JSON_BOOL) {
        st = harness(o, "missing boolean", "expected");
    } else if ((int)got != want->boolean) {
        mismatch(o, "is_business_day", got ? "true" : "false", want->boolean ? "true" : "false");
    }
done:
    coll_calendar_free(cal);
    return st;
}

static coll_status op_holidays(const json_value *c, outcome *o) {
    coll_calendar *cal = NULL;
    coll_date *dates = NULL;
    size_t needed = 0, len = 0;
    long long year;
    coll_status st;
    TRY(make_calendar(c, &cal, o));
    TRY(get_int(c, "year", &year, o));
    /* Ask for the size first (no buffer, capacity 0), as a C caller without a bound would. */
    st = coll_calendar_holidays(cal, (int32_t)year, NULL, 0, &needed);
    if (st == COLL_OK) {
        st = expect_dates(o, "holidays", NULL, needed, get_array(c, "expected"));
        goto done;
    }
    if (st != COLL_BUFFER_TOO_SMALL) {
        goto done;
    }
    dates = (coll_date *)calloc(needed, sizeof *dates);
    if (dates == NULL) {
        st = harness(o, "out of memory for", "holidays");
        goto done;
    }
    TRY(coll_calendar_holidays(cal, (int32_t)year, dates, needed, &len));
    st = expect_dates(o, "holidays", dates, len, get_array(c, "expected"));
done:
    free(dates);
    coll_calendar_free(cal);
    return st;
}

/* ---------------------------------------------------------------- date schedules */

static coll_status op_date_schedule(const json_value *c, outcome *o) {
    coll_date start, until;
    coll_date *dates = NULL;
    coll_frequency freq;
    coll_calendar *cal = NULL;
    long long count = 0;
    size_t needed = 0, len = 0, i;
    int has_until = json_get(c, "until") != NULL;
    int eom = get_bool(c, "end_of_month", 0);
    coll_status st;
    TRY(get_date(c, "start", &start, o));
    TRY(get_frequency(c, "frequency", &freq, o));
    if (json_get(c, "count") != NULL) {
        TRY(get_int(c, "count", &count, o));
    }
    if (has_until) {
        TRY(get_date(c, "until", &until, o));
    }
    /* Ask for the size first (no buffer, capacity 0). */
    st = coll_date_schedule(start, &freq, (int64_t)count, has_until ? &until : NULL, eom, NULL, 0, &needed);
    if (st != COLL_BUFFER_TOO_SMALL) {
        if (st == COLL_OK) {
            st = harness(o, "a schedule with no dates", "");
        }
        goto done;
    }
    dates = (coll_date *)calloc(needed, sizeof *dates);
    if (dates == NULL) {
        st = harness(o, "out of memory for", "dates");
        goto done;
    }
    TRY(coll_date_schedule(start, &freq, (int64_t)count, has_until ? &until : NULL, eom, dates, needed, &len));
    TRY(expect_dates(o, "schedule", dates, len, get_array(c, "expected")));
    if (json_get(c, "calendar") != NULL || json_get(c, "adjusted") != NULL) {
        coll_business_day_convention conv;
        TRY(make_calendar(c, &cal, o));
        TRY(get_convention(c, &conv, o));
        for (i = 0; i < len; i++) {
            TRY(coll_calendar_adjust(cal, dates[i], conv, &dates[i]));
        }
        TRY(expect_dates(o, "adjusted schedule", dates, len, get_array(c, "adjusted")));
    }
done:
    coll_calendar_free(cal);
    free(dates);
    return st;
}

/* ---------------------------------------------------------------- day counts */

static int names_icma(const char *name) {
    return strcmp(name, "ACT/ACT ICMA") == 0 || strcmp(name, "ACT/ACT ISMA") == 0;
}

static coll_status op_year_fraction(const json_value *c, outcome *o) {
    const char *name;
    coll_day_count dc;
    coll_date start, end;
    int has_days = json_get(c, "days") != NULL;
    int has_fraction = json_get(c, "year_fraction") != NULL;
    coll_status st;
    TRY(get_text(c, "convention", &name, o));
    /* ACT/ACT ICMA is made from its kind and reference period; by name alone it is refused. */
    if (names_icma(name) && json_get(c, "reference_start") != NULL) {
        TRY(coll_day_count_init(COLL_DAY_COUNT_ACT_ACT_ICMA, &dc));
        TRY(get_date(c, "reference_start", &dc.reference_start, o));
        TRY(get_date(c, "reference_end", &dc.reference_end, o));
        TRY(get_frequency(c, "frequency", &dc.frequency, o));
    } else {
        TRY(coll_day_count_from_name(name, strlen(name), &dc));
    }
    if (json_get(c, "maturity") != NULL) {
        TRY(get_date(c, "maturity", &dc.maturity, o));
        dc.has_maturity = 1;
    }
    dc.end_of_month_rule = (uint8_t)get_bool(c, "end_of_month_rule", dc.end_of_month_rule);
    TRY(get_date(c, "start", &start, o));
    TRY(get_date(c, "end", &end, o));
    if (has_days || !has_fraction) {
        int64_t days;
        TRY(coll_day_count_days(&dc, start, end, &days));
        if (has_days) {
            long long want;
            TRY(get_int(c, "days", &want, o));
            expect_int(o, "days", (long long)days, want);
        }
    }
    if (has_fraction || !has_days) {
        coll_decimal fraction;
        TRY(coll_year_fraction(&dc, start, end, &fraction));
        if (has_fraction) {
            TRY(expect_rounded(o, c, "year_fraction", &fraction));
        }
    }
    st = COLL_OK;
done:
    return st;
}

/* ---------------------------------------------------------------- money */

static coll_status get_money(const json_value *c, const char *amount_key, const char *currency_key,
                             coll_money *out, outcome *o) {
    coll_status st = get_decimal(c, amount_key, &out->amount, o);
    return st != COLL_OK ? st : get_currency(c, currency_key, &out->currency, o);
}

static coll_status op_round(const json_value *c, outcome *o) {
    coll_money m, got;
    coll_rounding_mode mode;
    const char *want;
    coll_status st;
    TRY(get_money(c, "amount", "currency", &m, o));
    TRY(get_mode(c, &mode, o));
    TRY(coll_money_round(&m, mode, &got));
    TRY(get_text(c, "expected", &want, o));
    st = expect_decimal(o, c, "rounded", &got.amount, want);
done:
    return st;
}

static coll_status op_round_decimal(const json_value *c, outcome *o) {
    coll_decimal value, got;
    coll_rounding_mode mode;
    long long places;
    const char *want;
    coll_status st;
    TRY(get_decimal(c, "value", &value, o));
    TRY(get_int(c, "places", &places, o));
    TRY(get_mode(c, &mode, o));
    if (places < 0 || places > (long long)UINT32_MAX) {
        st = harness(o, "places out of range", "");
        goto done;
    }
    TRY(coll_decimal_round(&value, (uint32_t)places, mode, &got));
    TRY(get_text(c, "expected", &want, o));
    st = expect_decimal(o, c, "rounded", &got, want);
done:
    return st;
}

static coll_status op_round_to_multiple(const json_value *c, outcome *o) {
    coll_money m, got;
    coll_decimal multiple;
    coll_rounding_mode mode;
    const char *want;
    coll_status st;
    TRY(get_money(c, "amount", "currency", &m, o));
    TRY(get_decimal(c, "multiple", &multiple, o));
    TRY(get_mode(c, &mode, o));
    TRY(coll_money_round_to_multiple(&m, &multiple, mode, &got));
    TRY(get_text(c, "expected", &want, o));
    st = expect_decimal(o, c, "rounded", &got.amount, want);
done:
    return st;
}

static coll_status op_split(const json_value *c, outcome *o) {
    coll_money total;
    coll_decimal *weights = NULL;
    coll_money *parts = NULL;
    const json_value *w = get_array(c, "weights");
    const json_value *want;
    size_t i, n;
    coll_status st;
    TRY(get_money(c, "total", "currency", &total, o));
    if (w == NULL) {
        st = harness(o, "missing list", "weights");
        goto done;
    }
    n = w->count;
    /* Never NULL, even for an empty list: the library refuses NULL arrays. */
    weights = (coll_decimal *)calloc(n ? n : 1, sizeof *weights);
    parts = (coll_money *)calloc(n ? n : 1, sizeof *parts);
    if (weights == NULL || parts == NULL) {
        st = harness(o, "out of memory for", "weights");
        goto done;
    }
    for (i = 0; i < n; i++) {
        const char *s = json_scalar_text(w->items[i]);
        if (s == NULL) {
            st = harness(o, "weight is not text in", "weights");
            goto done;
        }
        TRY(decimal_of(s, &weights[i]));
    }
    TRY(coll_money_split(&total, weights, n, parts, n));
    want = get_array(c, "expected");
    if (want == NULL || want->count != n) {
        st = harness(o, "expected list does not match", "weights");
        goto done;
    }
    for (i = 0; i < n; i++) {
        const char *s = json_scalar_text(want->items[i]);
        if (s == NULL) {
            st = harness(o, "expected part is not text", "");
            goto done;
        }
        TRY(expect_decimal(o, c, "part", &parts[i].amount, s));
    }
done:
    free(weights);
    free(parts);
    return st;
}

static coll_status op_add(const json_value *c, outcome *o) {
    coll_money left, right, got;
    const char *want;
    coll_status st;
    TRY(get_money(json_get(c, "left"), "amount", "currency", &left, o));
    TRY(get_money(json_get(c, "right"), "amount", "currency", &right, o));
    TRY(coll_money_add(&left, &right, &got));
    TRY(get_text(c, "expected", &want, o));
    st = expect_decimal(o, c, "sum", &got.amount, want);
done:
    return st;
}

static coll_status op_minor_units(const json_value *c, outcome *o) {
    coll_currency cur;
    long long want;
    coll_status st;
    TRY(get_currency(c, "currency", &cur, o));
    TRY(get_int(c, "expected", &want, o));
    expect_int(o, "minor units", (long long)cur.minor_units, want);
done:
    return st;
}

static coll_status op_to_minor_units(const json_value *c, outcome *o) {
    coll_money m;
    int64_t units;
    long long want;
    coll_status st;
    TRY(get_money(c, "amount", "currency", &m, o));
    TRY(coll_money_to_minor_units(&m, &units));
    TRY(get_int(c, "expected", &want, o));
    expect_int(o, "minor units", (long long)units, want);
done:
    return st;
}

static coll_status op_parse_decimal(const json_value *c, outcome *o) {
    coll_decimal got;
    const char *text, *want;
    coll_status st;
    TRY(get_text(c, "text", &text, o));
    TRY(decimal_of(text, &got));
    TRY(get_text(c, "expected", &want, o));
    st = expect_decimal(o, c, "parsed", &got, want);
done:
    return st;
}

/* ---------------------------------------------------------------- rates */

static coll_status get_compounding(const json_value *c, uint32_t *periods, bool *continuous, outcome *o) {
    long long n;
    coll_status st;
    *continuous = get_bool(c, "continuous", 0);
    *periods = 0;
    if (json_get(c, "periods_per_year") == NULL) {
        return *continuous ? COLL_OK : harness(o, "missing", "periods_per_year or continuous");
    }
    if ((st = get_int(c, "periods_per_year", &n, o)) != COLL_OK) {
        return st;
    }
    if (n < 0 || n > (long long)UINT32_MAX) {
        return harness(o, "out of range:", "periods_per_year");
    }
    *periods = (uint32_t)n;
    return COLL_OK;
}

static coll_status op_periodic(const json_value *c, outcome *o) {
    coll_decimal rate, got;
    coll_frequency freq;
    coll_status st;
    TRY(get_decimal(c, "rate", &rate, o));
    TRY(get_frequency(c, "frequency", &freq, o));
    TRY(coll_rate_periodic(&rate, &freq, &got));
    st = expect_rounded(o, c, "expected", &got);
done:
    return st;
}

static coll_status op_effective_annual(const json_value *c, outcome *o) {
    coll_decimal rate, got;
    uint32_t periods;
    bool continuous;
    coll_status st;
    TRY(get_decimal(c, "rate", &rate, o));
    TRY(get_compounding(c, &periods, &continuous, o));
    TRY(coll_rate_effective_annual(&rate, periods, continuous, &got));
    st = expect_rounded(o, c, "expected", &got);
done:
    return st;
}

static coll_status op_nominal_from_effective(const json_value *c, outcome *o) {
    coll_decimal effective, got;
    uint32_t periods;
    bool continuous;
    coll_status st;
    TRY(get_decimal(c, "effective", &effective, o));
    TRY(get_compounding(c, &periods, &continuous, o));
    TRY(coll_rate_nominal_from_effective(&effective, periods, continuous, &got));
    st = expect_rounded(o, c, "expected", &got);
done:
    return st;
}

static coll_status op_from_percent(const json_value *c, outcome *o) {
    coll_decimal percent, got;
    coll_status st;
    TRY(get_decimal(c, "percent", &percent, o));
    TRY(coll_rate_from_percent(&percent, &got));
    st = expect_rounded(o, c, "expected", &got);
done:
    return st;
}

/* ---------------------------------------------------------------- finance */

/* `when` by name, through the library (a case with an unknown `when` expects invalid_argument). */
static coll_status get_when(const json_value *c, coll_when *out, outcome *o) {
    const char *s;
    coll_status st = get_text(c, "when", &s, o);
    return st != COLL_OK ? st : coll_when_from_name(s, strlen(s), out);
}

/* The decimals of `n` fields, in order. */
static coll_status get_decimals(const json_value *c, const char *const *keys, size_t n, coll_decimal *out,
                                outcome *o) {
    size_t i;
    for (i = 0; i < n; i++) {
        coll_status st = get_decimal(c, keys[i], &out[i], o);
        if (st != COLL_OK) {
            return st;
        }
    }
    return COLL_OK;
}

/* A list of decimal text as a new array (never NULL, even when empty: the library refuses NULL arrays). */
static coll_status get_decimal_list(const json_value *c, const char *key, coll_decimal **out, size_t *n,
                                    outcome *o) {
    const json_value *list = get_array(c, key);
    coll_decimal *values;
    size_t i;
    if (list == NULL) {
        return harness(o, "missing list", key);
    }
    values = (coll_decimal *)calloc(list->count ? list->count : 1, sizeof *values);
    if (values == NULL) {
        return harness(o, "out of memory for", key);
    }
    *out = values;
    *n = list->count;
    for (i = 0; i < list->count; i++) {
        const char *s = json_scalar_text(list->items[i]);
        coll_status st;
        if (s == NULL) {
            return harness(o, "element is not text in", key);
        }
        if ((st = decimal_of(s, &values[i])) != COLL_OK) {
            return st;
        }
    }
    return COLL_OK;
}

/* `key`, a list of [date, amount] pairs, as two new parallel arrays (never NULL, even when empty). */
static coll_status get_dated_list(const json_value *c, const char *key, coll_date **dates,
                                  coll_decimal **amounts, size_t *n, outcome *o) {
    const json_value *list = get_array(c, key);
    size_t i, count;
    if (list == NULL) {
        return harness(o, "missing list", key);
    }
    count = list->count ? list->count : 1;
    *dates = (coll_date *)calloc(count, sizeof **dates);
    *amounts = (coll_decimal *)calloc(count, sizeof **amounts);
    if (*dates == NULL || *amounts == NULL) {
        return harness(o, "out of memory for", key);
    }
    *n = list->count;
    for (i = 0; i < list->count; i++) {
        const json_value *pair = list->items[i];
        const char *date, *amount;
        coll_status st;
        if (pair->type != JSON_ARRAY || pair->count != 2 || (date = json_string(pair->items[0])) == NULL ||
            (amount = json_scalar_text(pair->items[1])) == NULL) {
            return harness(o, "an element is not [date, amount] in", key);
        }
        if ((st = coll_date_from_string(date, strlen(date), &(*dates)[i])) != COLL_OK) {
            return st;
        }
        if ((st = decimal_of(amount, &(*amounts)[i])) != COLL_OK) {
            return st;
        }
    }
    return COLL_OK;
}

static coll_status get_day_count(const json_value *c, coll_day_count *out, outcome *o) {
    const char *s;
    coll_status st = get_text(c, "day_count", &s, o);
    return st != COLL_OK ? st : coll_day_count_from_name(s, strlen(s), out);
}

static coll_status op_fv(const json_value *c, outcome *o) {
    static const char *const keys[] = {"rate", "nper", "pmt", "pv"};
    coll_decimal a[4], got;
    coll_when when;
    coll_status st;
    TRY(get_decimals(c, keys, 4, a, o));
    TRY(get_when(c, &when, o));
    TRY(coll_fv(&a[0], &a[1], &a[2], &a[3], when, &got));
    st = expect_rounded(o, c, "expected", &got);
done:
    return st;
}

static coll_status op_pv(const json_value *c, outcome *o) {
    static const char *const keys[] = {"rate", "nper", "pmt", "fv"};
    coll_decimal a[4], got;
    coll_when when;
    coll_status st;
    TRY(get_decimals(c, keys, 4, a, o));
    TRY(get_when(c, &when, o));
    TRY(coll_pv(&a[0], &a[1], &a[2], &a[3], when, &got));
    st = expect_rounded(o, c, "expected", &got);
done:
    return st;
}

static coll_status op_pmt(const json_value *c, outcome *o) {
    static const char *const keys[] = {"rate", "nper", "pv", "fv"};
    coll_decimal a[4], got;
    coll_when when;
    coll_status st;
    TRY(get_decimals(c, keys, 4, a, o));
    TRY(get_when(c, &when, o));
    TRY(coll_pmt(&a[0], &a[1], &a[2], &a[3], when, &got));
    st = expect_rounded(o, c, "expected", &got);
done:
    return st;
}

static coll_status op_nper(const json_value *c, outcome *o) {
    static const char *const keys[] = {"rate", "pmt", "pv", "fv"};
    coll_decimal a[4], got;
    coll_when when;
    coll_status st;
    TRY(get_decimals(c, keys, 4, a, o));
    TRY(get_when(c, &when, o));
    TRY(coll_nper(&a[0], &a[1], &a[2], &a[3], when, &got));
    st = expect_rounded(o, c, "expected", &got);
done:
    return st;
}

/* ipmt and ppmt: rate, per, nper, pv, fv, when. */
static coll_status op_ipmt_or_ppmt(const json_value *c, outcome *o, int principal) {
    static const char *const keys[] = {"rate", "per", "nper", "pv", "fv"};
    coll_decimal a[5], got;
    coll_when when;
    coll_status st;
    TRY(get_decimals(c, keys, 5, a, o));
    TRY(get_when(c, &when, o));
    if (principal) {
        TRY(coll_ppmt(&a[0], &a[1], &a[2], &a[3], &a[4], when, &got));
    } else {
        TRY(coll_ipmt(&a[0], &a[1], &a[2], &a[3], &a[4], when, &got));
    }
    st = expect_rounded(o, c, "expected", &got);
done:
    return st;
}

static coll_status op_ipmt(const json_value *c, outcome *o) {
    return op_ipmt_or_ppmt(c, o, 0);
}

static coll_status op_ppmt(const json_value *c, outcome *o) {
    return op_ipmt_or_ppmt(c, o, 1);
}

/* cumipmt and cumprinc: rate, nper, pv, start_period, end_period, when. */
static coll_status op_cumulative(const json_value *c, outcome *o, int principal) {
    static const char *const keys[] = {"rate", "nper", "pv", "start_period", "end_period"};
    coll_decimal a[5], got;
    coll_when when;
    coll_status st;
    TRY(get_decimals(c, keys, 5, a, o));
    TRY(get_when(c, &when, o));
    if (principal) {
        TRY(coll_cumprinc(&a[0], &a[1], &a[2], &a[3], &a[4], when, &got));
    } else {
        TRY(coll_cumipmt(&a[0], &a[1], &a[2], &a[3], &a[4], when, &got));
    }
    st = expect_rounded(o, c, "expected", &got);
done:
    return st;
}

static coll_status op_cumipmt(const json_value *c, outcome *o) {
    return op_cumulative(c, o, 0);
}

static coll_status op_cumprinc(const json_value *c, outcome *o) {
    return op_cumulative(c, o, 1);
}

static coll_status op_rate(const json_value *c, outcome *o) {
    static const char *const keys[] = {"nper", "pmt", "pv", "fv"};
    coll_decimal a[4], got;
    coll_when when;
    coll_status st;
    TRY(get_decimals(c, keys, 4, a, o));
    TRY(get_when(c, &when, o));
    /* The default guess: NULL. */
    TRY(coll_rate(&a[0], &a[1], &a[2], &a[3], when, NULL, &got));
    st = expect_rounded(o, c, "expected", &got);
done:
    return st;
}

static coll_status op_npv(const json_value *c, outcome *o) {
    coll_decimal rate, got, *values = NULL;
    size_t n = 0;
    coll_status st;
    TRY(get_decimal(c, "rate", &rate, o));
    TRY(get_decimal_list(c, "values", &values, &n, o));
    TRY(coll_npv(&rate, values, n, &got));
    st = expect_rounded(o, c, "expected", &got);
done:
    free(values);
    return st;
}

static coll_status op_irr(const json_value *c, outcome *o) {
    coll_decimal got, *values = NULL;
    size_t n = 0;
    coll_status st;
    TRY(get_decimal_list(c, "values", &values, &n, o));
    TRY(coll_irr(values, n, NULL, &got));
    st = expect_rounded(o, c, "expected", &got);
done:
    free(values);
    return st;
}

static coll_status op_mirr(const json_value *c, outcome *o) {
    coll_decimal finance_rate, reinvest_rate, got, *values = NULL;
    size_t n = 0;
    coll_status st;
    TRY(get_decimal_list(c, "values", &values, &n, o));
    TRY(get_decimal(c, "finance_rate", &finance_rate, o));
    TRY(get_decimal(c, "reinvest_rate", &reinvest_rate, o));
    TRY(coll_mirr(values, n, &finance_rate, &reinvest_rate, &got));
    st = expect_rounded(o, c, "expected", &got);
done:
    free(values);
    return st;
}

static coll_status op_xnpv(const json_value *c, outcome *o) {
    coll_decimal rate, got, *amounts = NULL;
    coll_date *dates = NULL;
    coll_day_count dc;
    size_t n = 0;
    coll_status st;
    TRY(get_decimal(c, "rate", &rate, o));
    TRY(get_dated_list(c, "flows", &dates, &amounts, &n, o));
    TRY(get_day_count(c, &dc, o));
    TRY(coll_xnpv(&rate, dates, amounts, n, &dc, &got));
    st = expect_rounded(o, c, "expected", &got);
done:
    free(dates);
    free(amounts);
    return st;
}

static coll_status op_xirr(const json_value *c, outcome *o) {
    coll_decimal got, *amounts = NULL;
    coll_date *dates = NULL;
    coll_day_count dc;
    size_t n = 0;
    coll_status st;
    TRY(get_dated_list(c, "flows", &dates, &amounts, &n, o));
    TRY(get_day_count(c, &dc, o));
    TRY(coll_xirr(dates, amounts, n, &dc, NULL, &got));
    st = expect_rounded(o, c, "expected", &got);
done:
    free(dates);
    free(amounts);
    return st;
}

/* ---------------------------------------------------------------- annual percentage rates */

/* A unit period in the vector notation: `days:N`, `weeks:N`, `months:N` or `semimonth`. Another name
 * becomes a kind that is no COLL_UNIT_PERIOD_ constant, so that the library's own check reports it. */
static coll_status get_unit_period(const json_value *c, const char *key, coll_unit_period *out, outcome *o) {
    static const struct {
        const char *prefix;
        coll_unit_period_kind kind;
    } kinds[] = {{"days:", COLL_UNIT_PERIOD_DAYS}, {"weeks:", COLL_UNIT_PERIOD_WEEKS},
                 {"months:", COLL_UNIT_PERIOD_MONTHS}};
    const char *s;
    size_t i;
    coll_status st = get_text(c, key, &s, o);
    if (st != COLL_OK) {
        return st;
    }
    if (strcmp(s, "semimonth") == 0) {
        out->kind = COLL_UNIT_PERIOD_SEMIMONTH;
        out->count = 0;
        return COLL_OK;
    }
    for (i = 0; i < sizeof kinds / sizeof kinds[0]; i++) {
        size_t n = strlen(kinds[i].prefix);
        if (strncmp(s, kinds[i].prefix, n) == 0) {
            char *end;
            unsigned long count;
            errno = 0;
            count = strtoul(s + n, &end, 10);
            if (errno != 0 || end == s + n || *end != '\0' || count > UINT32_MAX) {
                return harness(o, "not a unit period:", key);
            }
            out->kind = kinds[i].kind;
            out->count = (uint32_t)count;
            return COLL_OK;
        }
    }
    out->kind = UINT32_MAX;
    out->count = 0;
    return COLL_OK;
}

/* A unit period in the vector notation. */
static void unit_period_text(coll_unit_period u, char *buf, size_t cap) {
    switch (u.kind) {
    case COLL_UNIT_PERIOD_DAYS:
        snprintf(buf, cap, "days:%lu", (unsigned long)u.count);
        break;
    case COLL_UNIT_PERIOD_WEEKS:
        snprintf(buf, cap, "weeks:%lu", (unsigned long)u.count);
        break;
    case COLL_UNIT_PERIOD_MONTHS:
        snprintf(buf, cap, "months:%lu", (unsigned long)u.count);
        break;
    case COLL_UNIT_PERIOD_SEMIMONTH:
        snprintf(buf, cap, "semimonth%s", u.count == 0 ? "" : "(with a count)");
        break;
    default:
        snprintf(buf, cap, "unknown kind %lu", (unsigned long)u.kind);
        break;
    }
}

static coll_status op_apr_regulation_z(const json_value *c, outcome *o) {
    coll_date *advance_dates = NULL, *payment_dates = NULL;
    coll_decimal *advance_amounts = NULL, *payment_amounts = NULL;
    size_t n_advances = 0, n_payments = 0;
    coll_unit_period unit;
    coll_regulation_z_apr got;
    const json_value *want_irregular;
    bool accurate;
    coll_status st;
    TRY(get_dated_list(c, "advances", &advance_dates, &advance_amounts, &n_advances, o));
    TRY(get_dated_list(c, "payments", &payment_dates, &payment_amounts, &n_payments, o));
    if (json_get(c, "unit_period") != NULL) {
        TRY(get_unit_period(c, "unit_period", &unit, o));
    }
    TRY(coll_apr_regulation_z(advance_dates, advance_amounts, n_advances, payment_dates, payment_amounts,
                              n_payments, json_get(c, "unit_period") != NULL ? &unit : NULL, &got));
    TRY(expect_rounded(o, c, "expected", &got.apr));
    if (json_get(c, "expected_unit_period") != NULL) {
        const char *want;
        char got_text[64];
        TRY(get_text(c, "expected_unit_period", &want, o));
        unit_period_text(got.unit_period, got_text, sizeof got_text);
        if (strcmp(got_text, want) != 0) {
            mismatch(o, "unit_period", got_text, want);
        }
    }
    want_irregular = json_get(c, "expected_irregular");
    if (want_irregular != NULL) {
        if (want_irregular->type != JSON_BOOL) {
            st = harness(o, "not a boolean:", "expected_irregular");
            goto done;
        }
        if ((int)got.irregular != want_irregular->boolean) {
            mismatch(o, "irregular", got.irregular ? "true" : "false", want_irregular->boolean ? "true" : "false");
        }
    }
    /* The tolerance goes with the irregular flag, and the APR is accurate against itself. */
    TRY(expect_decimal(o, c, "tolerance", &got.tolerance, got.irregular ? "0.0025" : "0.00125"));
    TRY(coll_apr_is_accurate(&got, &got.apr, &accurate));
    if (!accurate) {
        mismatch(o, "coll_apr_is_accurate(apr, apr)", "false", "true");
    }
done:
    free(advance_dates);
    free(advance_amounts);
    free(payment_dates);
    free(payment_amounts);
    return st;
}

/* The APRC basis by name; another name becomes a number that is no COLL_APRC_BASIS_ constant, so that
 * the library's own check reports it. */
static coll_status get_aprc_basis(const json_value *c, coll_aprc_basis *out, outcome *o) {
    const char *s;
    coll_status st = get_text(c, "basis", &s, o);
    if (st != COLL_OK) {
        return st;
    }
    if (strcmp(s, "days") == 0) {
        *out = COLL_APRC_BASIS_DAYS;
    } else if (strcmp(s, "weeks") == 0) {
        *out = COLL_APRC_BASIS_WEEKS;
    } else if (strcmp(s, "months") == 0) {
        *out = COLL_APRC_BASIS_MONTHS;
    } else {
        *out = UINT32_MAX;
    }
    return COLL_OK;
}

static coll_status op_aprc_eu(const json_value *c, outcome *o) {
    coll_date *drawdown_dates = NULL, *payment_dates = NULL;
    coll_decimal *drawdown_amounts = NULL, *payment_amounts = NULL, percent, rate;
    size_t n_drawdowns = 0, n_payments = 0;
    coll_aprc_basis basis;
    long long decimals;
    const char *want;
    coll_status st;
    TRY(get_dated_list(c, "drawdowns", &drawdown_dates, &drawdown_amounts, &n_drawdowns, o));
    TRY(get_dated_list(c, "payments", &payment_dates, &payment_amounts, &n_payments, o));
    TRY(get_aprc_basis(c, &basis, o));
    TRY(get_int(c, "decimals", &decimals, o));
    if (decimals < 0 || decimals > (long long)UINT32_MAX) {
        st = harness(o, "out of range:", "decimals");
        goto done;
    }
    TRY(coll_aprc_eu(drawdown_dates, drawdown_amounts, n_drawdowns, payment_dates, payment_amounts, n_payments,
                     basis, (uint32_t)decimals, &percent, &rate));
    /* Already rounded half up to `decimals` by the library: compared as a decimal, not rounded again. */
    TRY(get_text(c, "expected", &want, o));
    st = expect_decimal(o, c, "percent", &percent, want);
done:
    free(drawdown_dates);
    free(drawdown_amounts);
    free(payment_dates);
    free(payment_amounts);
    return st;
}

/* ---------------------------------------------------------------- amortized schedules */

/* The text of `key`, or `fallback` when the case leaves it out (the defaults of tests/vectors/README.md). */
static const char *text_or(const json_value *c, const char *key, const char *fallback) {
    const char *s = json_scalar_text(json_get(c, key));
    return s != NULL ? s : fallback;
}

/* A JSON number that is a uint32_t. */
static int u32_of(const json_value *v, uint32_t *out) {
    char *end;
    long long n;
    if (v == NULL || v->type != JSON_NUMBER) {
        return 0;
    }
    errno = 0;
    n = strtoll(v->text, &end, 10);
    if (errno != 0 || *end != '\0' || n < 0 || n > (long long)UINT32_MAX) {
        return 0;
    }
    *out = (uint32_t)n;
    return 1;
}

static coll_status get_u32(const json_value *c, const char *key, uint32_t *out, outcome *o) {
    return u32_of(json_get(c, key), out) ? COLL_OK : harness(o, "not a uint32 integer:", key);
}

/* `key`, a list of period numbers, as a new array (never NULL, even when empty). */
static coll_status get_u32_list(const json_value *c, const char *key, uint32_t **out, size_t *n, outcome *o) {
    const json_value *list = get_array(c, key);
    size_t i;
    if (list == NULL) {
        return harness(o, "missing list", key);
    }
    *out = (uint32_t *)calloc(list->count ? list->count : 1, sizeof **out);
    if (*out == NULL) {
        return harness(o, "out of memory for", key);
    }
    *n = list->count;
    for (i = 0; i < list->count; i++) {
        if (!u32_of(list->items[i], &(*out)[i])) {
            return harness(o, "not a period number in", key);
        }
    }
    return COLL_OK;
}

/* A date's text as the struct a C caller fills in, not checked here, so that the library's own check
 * names the field ("2026-02-30" is {2026, 2, 30}, refused as start_date); text of another shape goes
 * through coll_date_from_string. */
static coll_status get_struct_date(const json_value *c, const char *key, coll_date *out, outcome *o) {
    const char *s;
    int year;
    unsigned month, day;
    char tail;
    coll_status st = get_text(c, key, &s, o);
    if (st != COLL_OK) {
        return st;
    }
    if (sscanf(s, "%d-%u-%u%c", &year, &month, &day, &tail) == 3) {
        out->year = (int32_t)year;
        out->month = (uint32_t)month;
        out->day = (uint32_t)day;
        return COLL_OK;
    }
    o->reading = key;
    return coll_date_from_string(s, strlen(s), out);
}

/* An option given by name through the library's own `_from_name` function. */
typedef coll_status (*from_name_fn)(const char *name, size_t len, uint32_t *out);

static coll_status get_option(const json_value *c, const char *key, from_name_fn parse, uint32_t *out) {
    const char *s = json_scalar_text(json_get(c, key));
    return s == NULL ? COLL_OK : parse(s, strlen(s), out);
}

static coll_status get_named_day_count(const json_value *c, const char *key, coll_day_count *out) {
    const char *s = json_scalar_text(json_get(c, key));
    return s == NULL ? COLL_OK : coll_day_count_from_name(s, strlen(s), out);
}

/* The terms of a schedules.json case. `payments` and `holidays` receive the arrays the terms point to
 * (the caller frees them). */
static coll_status schedule_terms_of(const json_value *c, coll_schedule_terms *t, coll_decimal **payments,
                                     uint32_t **holidays, outcome *o) {
    const char *s;
    coll_status st;
    TRY(coll_schedule_terms_init(t));
    TRY(get_decimal(c, "principal", &t->principal, o));
    s = text_or(c, "currency", "USD");
    TRY(coll_currency_from_code(s, strlen(s), &t->currency));
    TRY(get_decimal(c, "annual_rate", &t->annual_rate, o));
    TRY(get_struct_date(c, "start_date", &t->start_date, o));
    TRY(get_struct_date(c, "first_due_date", &t->first_due_date, o));
    s = text_or(c, "frequency", "monthly");
    TRY(coll_frequency_from_name(s, strlen(s), &t->frequency));
    t->end_of_month = (uint8_t)get_bool(c, "end_of_month", 0);
    if (json_get(c, "term") != NULL) {
        TRY(get_u32(c, "term", &t->term, o));
    }
    if (json_get(c, "payment") != NULL) {
        t->has_payment = 1;
        TRY(get_decimal(c, "payment", &t->payment, o));
    }
    TRY(get_option(c, "interest_method", coll_interest_method_from_name, &t->interest_method));
    if (json_get(c, "day_count") != NULL) {
        t->has_day_count = 1;
        TRY(get_named_day_count(c, "day_count", &t->day_count));
    }
    TRY(get_option(c, "kind", coll_schedule_kind_from_name, &t->kind));
    if (json_get(c, "amortization_periods") != NULL) {
        TRY(get_u32(c, "amortization_periods", &t->amortization_periods, o));
    }
    if (json_get(c, "step_percent") != NULL) {
        TRY(get_decimal(c, "step_percent", &t->step_percent, o));
    }
    if (json_get(c, "every") != NULL) {
        TRY(get_u32(c, "every", &t->every, o));
    }
    if (json_get(c, "payments") != NULL) {
        TRY(get_decimal_list(c, "payments", payments, &t->n_payments, o));
        t->payments = *payments;
    }
    TRY(get_option(c, "odd_first_period", coll_odd_first_period_from_name, &t->odd_first_period));
    TRY(get_named_day_count(c, "stub_day_count", &t->stub_day_count));
    if (json_get(c, "payment_holidays") != NULL) {
        TRY(get_u32_list(c, "payment_holidays", holidays, &t->n_payment_holidays, o));
        t->payment_holidays = *holidays;
    }
    TRY(get_option(c, "holiday_interest", coll_holiday_interest_from_name, &t->holiday_interest));
    TRY(get_option(c, "payment_rounding", coll_rounding_mode_from_name, &t->payment_rounding));
    TRY(get_option(c, "interest_rounding", coll_rounding_mode_from_name, &t->interest_rounding));
    if (json_get(c, "payment_multiple") != NULL) {
        t->has_payment_multiple = 1;
        TRY(get_decimal(c, "payment_multiple", &t->payment_multiple, o));
    }
    if (json_get(c, "max_rows") != NULL) {
        TRY(get_u32(c, "max_rows", &t->max_rows, o));
    }
done:
    return st;
}

/* The case's `reamortize` object applied to *schedule, which is replaced by the new schedule. */
static coll_status reamortize(const json_value *change, coll_schedule **schedule, outcome *o) {
    coll_reamortization changes;
    coll_schedule *rebuilt = NULL;
    uint32_t from_row;
    coll_status st;
    memset(&changes, 0, sizeof changes);
    TRY(get_u32(change, "from_row", &from_row, o));
    if (json_get(change, "annual_rate") != NULL) {
        changes.has_annual_rate = 1;
        TRY(get_decimal(change, "annual_rate", &changes.annual_rate, o));
    }
    if (json_get(change, "term") != NULL) {
        changes.has_term = 1;
        TRY(get_u32(change, "term", &changes.term, o));
    }
    if (json_get(change, "payment") != NULL) {
        changes.has_payment = 1;
        TRY(get_decimal(change, "payment", &changes.payment, o));
    }
    TRY(coll_schedule_reamortize(*schedule, from_row, &changes, &rebuilt));
    coll_schedule_free(*schedule);
    *schedule = rebuilt;
done:
    return st;
}

/* Amounts of schedules are compared as exact text ("1000.00", never "1000"). */
static void expect_text(outcome *o, const char *what, const coll_decimal *got, const char *want) {
    char got_text[COLL_DECIMAL_TEXT_CAPACITY];
    decimal_text(got, got_text);
    if (want == NULL || strcmp(got_text, want) != 0) {
        mismatch(o, what, got_text, want != NULL ? want : "(not text)");
    }
}

/* The amount of a row named by a partial-row key, or NULL for a key that is no amount. */
static const coll_decimal *row_amount(const coll_schedule_row *r, const char *key) {
    static const struct {
        const char *key;
        size_t offset;
    } amounts[] = {
        {"opening_balance", offsetof(coll_schedule_row, opening_balance)},
        {"payment", offsetof(coll_schedule_row, payment)},
        {"interest", offsetof(coll_schedule_row, interest)},
        {"deferred_interest", offsetof(coll_schedule_row, deferred_interest)},
        {"principal", offsetof(coll_schedule_row, principal)},
        {"closing_balance", offsetof(coll_schedule_row, closing_balance)},
    };
    size_t i;
    for (i = 0; i < sizeof amounts / sizeof amounts[0]; i++) {
        if (strcmp(amounts[i].key, key) == 0) {
            return (const coll_decimal *)(const void *)((const char *)r + amounts[i].offset);
        }
    }
    return NULL;
}

/* Compares one partial row (`number` counts from the end when negative) with the schedule's row. */
static coll_status expect_row(outcome *o, const coll_schedule *schedule, size_t count, const json_value *want) {
    const json_value *number = json_get(want, "number");
    coll_schedule_row row;
    char what[96], got_text[32];
    long long n;
    size_t index, k;
    coll_status st;
    if (want->type != JSON_OBJECT || number == NULL || (st = get_int(want, "number", &n, o)) != COLL_OK) {
        return harness(o, "a partial row needs", "number");
    }
    if (n == 0 || (n > 0 && (unsigned long long)n > count) || (n < 0 && (unsigned long long)-n > count)) {
        snprintf(what, sizeof what, "row %lld", n);
        snprintf(got_text, sizeof got_text, "%lu rows", (unsigned long)count);
        mismatch(o, what, got_text, "that row");
        return COLL_OK;
    }
    index = n > 0 ? (size_t)(n - 1) : count - (size_t)-n;
    if ((st = coll_schedule_row_at(schedule, index, &row)) != COLL_OK) {
        return st;
    }
    snprintf(what, sizeof what, "row %lld number", n);
    expect_int(o, what, (long long)row.number, (long long)index + 1);
    for (k = 0; k < want->count; k++) {
        const char *key = want->keys[k];
        const json_value *v = want->items[k];
        const coll_decimal *amount = row_amount(&row, key);
        snprintf(what, sizeof what, "row %lld %s", n, key);
        if (strcmp(key, "number") == 0) {
            continue;
        } else if (amount != NULL) {
            expect_text(o, what, amount, json_string(v));
        } else if (strcmp(key, "due_date") == 0) {
            if ((st = expect_date(o, what, row.due_date, json_string(v))) != COLL_OK) {
                return st;
            }
        } else if (strcmp(key, "days") == 0) {
            long long days;
            if ((st = get_int(want, "days", &days, o)) != COLL_OK) {
                return st;
            }
            expect_int(o, what, (long long)row.days, days);
        } else if (strcmp(key, "holiday") == 0) {
            if (v->type != JSON_BOOL) {
                return harness(o, "not a boolean:", what);
            }
            if ((int)row.holiday != v->boolean) {
                mismatch(o, what, row.holiday ? "true" : "false", v->boolean ? "true" : "false");
            }
        } else {
            return harness(o, "unknown row field", key);
        }
    }
    return COLL_OK;
}

static coll_status op_amortize(const json_value *c, outcome *o) {
    coll_schedule_terms terms;
    coll_schedule *schedule = NULL;
    coll_schedule_row *rows = NULL;
    coll_decimal *payments = NULL, level;
    uint32_t *holidays = NULL;
    size_t count = 0, needed = 0, len = 0, i;
    bool has_level;
    const json_value *want;
    coll_status st;
    TRY(schedule_terms_of(c, &terms, &payments, &holidays, o));
    TRY(coll_schedule_new(&terms, &schedule));
    if (json_get(c, "reamortize") != NULL) {
        TRY(reamortize(json_get(c, "reamortize"), &schedule, o));
    }
    /* The row count three ways: the count, the bulk size query and the bulk copy. */
    TRY(coll_schedule_row_count(schedule, &count));
    st = coll_schedule_rows(schedule, NULL, 0, &needed);
    if (st != COLL_BUFFER_TOO_SMALL) {
        st = st == COLL_OK ? harness(o, "a schedule with no rows", "") : st;
        goto done;
    }
    rows = (coll_schedule_row *)calloc(needed, sizeof *rows);
    if (rows == NULL) {
        st = harness(o, "out of memory for", "rows");
        goto done;
    }
    TRY(coll_schedule_rows(schedule, rows, needed, &len));
    expect_int(o, "rows copied", (long long)len, (long long)count);
    expect_int(o, "rows needed", (long long)needed, (long long)count);
    for (i = 0; i < len; i++) {
        expect_int(o, "row number", (long long)rows[i].number, (long long)i + 1);
    }
    if (json_get(c, "expected_row_count") != NULL) {
        long long want_count;
        TRY(get_int(c, "expected_row_count", &want_count, o));
        expect_int(o, "row count", (long long)count, want_count);
    }
    want = json_get(c, "expected_level_payment");
    if (want != NULL) {
        TRY(coll_schedule_level_payment(schedule, &has_level, &level));
        if (want->type == JSON_NULL) {
            if (has_level) {
                char got_text[COLL_DECIMAL_TEXT_CAPACITY];
                decimal_text(&level, got_text);
                mismatch(o, "level payment", got_text, "null");
            }
        } else if (!has_level) {
            mismatch(o, "level payment", "null", json_scalar_text(want) ? json_scalar_text(want) : "?");
        } else {
            expect_text(o, "level payment", &level, json_string(want));
        }
    }
    want = json_get(c, "expected_rows");
    if (want != NULL) {
        if (want->type != JSON_ARRAY) {
            st = harness(o, "not a list:", "expected_rows");
            goto done;
        }
        for (i = 0; i < want->count; i++) {
            TRY(expect_row(o, schedule, count, want->items[i]));
        }
    }
    want = json_get(c, "expected_totals");
    if (want != NULL) {
        coll_schedule_totals totals;
        TRY(coll_schedule_get_totals(schedule, &totals));
        expect_text(o, "total payment", &totals.payment, json_string(json_get(want, "payment")));
        expect_text(o, "total interest", &totals.interest, json_string(json_get(want, "interest")));
        expect_text(o, "total principal", &totals.principal, json_string(json_get(want, "principal")));
    }
    st = COLL_OK;
done:
    free(rows);
    free(payments);
    free(holidays);
    coll_schedule_free(schedule);
    return st;
}

/* ---------------------------------------------------------------- debts */

/* Text of an optional field, or NULL. */
static const char *opt_text(const json_value *c, const char *key) {
    return json_string(json_get(c, key));
}

/* An optional integer field: fallback when absent. */
static coll_status opt_int(const json_value *c, const char *key, long long fallback, long long *out, outcome *o) {
    if (json_get(c, key) == NULL) {
        *out = fallback;
        return COLL_OK;
    }
    return get_int(c, key, out, o);
}

/* An optional decimal field: zero when absent. */
static coll_status opt_decimal(const json_value *c, const char *key, coll_decimal *out, outcome *o) {
    if (json_get(c, key) == NULL) {
        return decimal_of("0", out);
    }
    return get_decimal(c, key, out, o);
}

static coll_status opt_mode(const json_value *c, const char *key, coll_rounding_mode *out) {
    const char *s = opt_text(c, key);
    if (s == NULL) {
        *out = COLL_ROUND_HALF_UP;
        return COLL_OK;
    }
    return coll_rounding_mode_from_name(s, strlen(s), out);
}

/* A date of a JSON string value (a list element), read as the field `key`. */
static coll_status date_value(const json_value *v, const char *key, coll_date *out, outcome *o) {
    const char *s = json_string(v);
    coll_status st;
    if (s == NULL) {
        return harness(o, "not a date:", key);
    }
    o->reading = key;
    st = coll_date_from_string(s, strlen(s), out);
    if (st == COLL_OK) {
        o->reading = NULL;
    }
    return st;
}

static coll_status decimal_value(const json_value *v, const char *key, coll_decimal *out, outcome *o) {
    const char *s = json_scalar_text(v);
    coll_status st;
    if (s == NULL) {
        return harness(o, "not a decimal:", key);
    }
    o->reading = key;
    st = decimal_of(s, out);
    if (st == COLL_OK) {
        o->reading = NULL;
    }
    return st;
}

/* Each expectation is checked only when the case states it. */
static void want_int(outcome *o, const json_value *c, const char *key, long long got) {
    long long want;
    const json_value *v = json_get(c, key);
    if (v != NULL && get_int(c, key, &want, o) == COLL_OK) {
        expect_int(o, key, got, want);
    }
}

static void want_bool(outcome *o, const json_value *c, const char *key, int got) {
    const json_value *v = json_get(c, key);
    if (v != NULL && (v->type != JSON_BOOL || !v->boolean != !got)) {
        mismatch(o, key, got ? "true" : "false", v->type == JSON_BOOL && v->boolean ? "true" : "false");
    }
}

static void want_decimal(outcome *o, const json_value *c, const char *key, const coll_decimal *got) {
    const char *want = json_scalar_text(json_get(c, key));
    if (want != NULL) {
        expect_decimal(o, c, key, got, want);
    }
}

/* Exact canonical text (amounts inside result objects). */
static void want_exact(outcome *o, const json_value *c, const char *key, const coll_decimal *got) {
    const char *want = json_scalar_text(json_get(c, key));
    char text[COLL_DECIMAL_TEXT_CAPACITY];
    if (want != NULL) {
        decimal_text(got, text);
        if (strcmp(text, want) != 0) {
            mismatch(o, key, text, want);
        }
    }
}

/* A date or null. */
static void want_date(outcome *o, const json_value *c, const char *key, int has, coll_date got) {
    const json_value *v = json_get(c, key);
    char text[32];
    if (v == NULL) {
        return;
    }
    if (v->type == JSON_NULL) {
        if (has) {
            date_text(got, text, sizeof text);
            mismatch(o, key, text, "null");
        }
    } else if (!has) {
        mismatch(o, key, "null", json_string(v) ? json_string(v) : "?");
    } else {
        expect_date(o, key, got, json_string(v));
    }
}

/* Text (with its length) or null. */
static void want_text(outcome *o, const json_value *c, const char *key, const char *got, size_t len) {
    const json_value *v = json_get(c, key);
    char text[256];
    if (v == NULL) {
        return;
    }
    snprintf(text, sizeof text, "%.*s", (int)len, got ? got : "");
    if (v->type == JSON_NULL) {
        if (got != NULL) {
            mismatch(o, key, text, "null");
        }
    } else if (got == NULL || json_string(v) == NULL || strlen(json_string(v)) != len ||
               memcmp(got, json_string(v), len) != 0) {
        mismatch(o, key, got ? text : "null", json_string(v) ? json_string(v) : "?");
    }
}

static coll_status op_statutory_interest(const json_value *c, outcome *o) {
    coll_statutory_claim claim;
    coll_late_interest *li = NULL;
    coll_late_interest_summary s;
    const json_value *want;
    const char *t;
    coll_status st;
    size_t i, n;
    TRY(coll_statutory_claim_init(&claim));
    TRY(get_text(c, "statute", &t, o));
    TRY(coll_statute_from_name(t, strlen(t), &claim.statute));
    TRY(get_text(c, "debtor", &t, o));
    TRY(coll_debtor_kind_from_name(t, strlen(t), &claim.debtor));
    TRY(get_decimal(c, "principal", &claim.principal, o));
    TRY(get_currency(c, "currency", &claim.currency, o));
    TRY(get_date(c, "due_date", &claim.due_date, o));
    TRY(get_date(c, "through", &claim.through, o));
    if (json_get(c, "margin_points") != NULL) {
        claim.has_margin_points = 1;
        TRY(get_decimal(c, "margin_points", &claim.margin_points, o));
    }
    if (json_get(c, "obligation_date") != NULL) {
        claim.has_obligation_date = 1;
        TRY(get_date(c, "obligation_date", &claim.obligation_date, o));
    }
    if ((t = opt_text(c, "day_count")) != NULL) {
        claim.has_day_count = 1;
        TRY(coll_day_count_from_name(t, strlen(t), &claim.day_count));
    }
    TRY(opt_mode(c, "rounding", &claim.rounding));
    TRY(coll_late_interest_new(&claim, &li));
    TRY(coll_late_interest_get_summary(li, &s));
    want_decimal(o, c, "expected_interest", &s.interest);
    want_int(o, c, "expected_days", s.days);
    want_bool(o, c, "expected_any_unverified", s.any_unverified);
    want = json_get(c, "expected_fixed_compensation");
    if (want != NULL) {
        if (want->type == JSON_NULL) {
            if (s.has_fixed_compensation) {
                mismatch(o, "fixed compensation", "an amount", "null");
            }
        } else if (!s.has_fixed_compensation) {
            mismatch(o, "fixed compensation", "null", "an amount");
        } else {
            want_exact(o, want, "amount", &s.fixed_compensation.amount);
            want_text(o, want, "currency", s.fixed_compensation.currency.code, 3);
        }
    }
    want = get_array(c, "expected_segments");
    if (want != NULL) {
        TRY(coll_late_interest_segment_count(li, &n));
        expect_int(o, "segment count", (long long)n, (long long)want->count);
        for (i = 0; i < n && i < want->count; i++) {
            coll_interest_segment seg;
            const json_value *w = want->items[i];
            TRY(coll_late_interest_segment_at(li, i, &seg));
            expect_date(o, "segment from", seg.from, json_string(json_get(w, "from")));
            expect_date(o, "segment to", seg.to, json_string(json_get(w, "to")));
            want_int(o, w, "days", seg.days);
            want_exact(o, w, "rate_percent", &seg.rate_percent);
            want_int(o, w, "year_basis", seg.year_basis);
        }
    }
    st = COLL_OK;
done:
    coll_late_interest_free(li);
    return st;
}

static coll_status op_erpnext_dunning(const json_value *c, outcome *o) {
    coll_money outstanding;
    coll_decimal rate, fee;
    coll_date due, posting;
    long long earlier;
    coll_rounding_mode mode;
    coll_erpnext_dunning_result r;
    coll_status st;
    TRY(get_decimal(c, "outstanding", &outstanding.amount, o));
    TRY(get_currency(c, "currency", &outstanding.currency, o));
    TRY(get_decimal(c, "annual_rate_percent", &rate, o));
    TRY(get_date(c, "due_date", &due, o));
    TRY(get_date(c, "posting_date", &posting, o));
    TRY(get_decimal(c, "dunning_fee", &fee, o));
    TRY(opt_int(c, "earlier_dunnings", 0, &earlier, o));
    TRY(opt_mode(c, "rounding", &mode));
    TRY(coll_erpnext_dunning(&outstanding, &rate, due, posting, &fee, (uint32_t)earlier, mode, &r));
    want_int(o, c, "expected_overdue_days", r.overdue_days);
    want_decimal(o, c, "expected_interest", &r.interest);
    want_decimal(o, c, "expected_dunning_amount", &r.dunning_amount);
    want_int(o, c, "expected_level", r.level);
done:
    return st;
}

static coll_status op_finance_charge(const json_value *c, outcome *o) {
    coll_finance_charge_terms terms;
    coll_money remaining;
    coll_date due, as_of;
    coll_rounding_mode mode;
    coll_finance_charge_result r;
    long long n;
    const char *t;
    coll_status st;
    TRY(coll_finance_charge_terms_init(&terms));
    TRY(get_text(c, "method", &t, o));
    TRY(coll_finance_charge_method_from_name(t, strlen(t), &terms.method));
    TRY(get_decimal(c, "interest_rate_percent", &terms.interest_rate_percent, o));
    TRY(opt_int(c, "interest_period_days", 30, &n, o));
    terms.interest_period_days = (uint32_t)n;
    TRY(opt_int(c, "grace_days", 0, &n, o));
    terms.grace_days = (uint32_t)n;
    TRY(opt_decimal(c, "minimum_amount", &terms.minimum_amount, o));
    TRY(opt_decimal(c, "additional_fee", &terms.additional_fee, o));
    TRY(get_decimal(c, "remaining", &remaining.amount, o));
    TRY(get_currency(c, "currency", &remaining.currency, o));
    TRY(get_date(c, "due_date", &due, o));
    TRY(get_date(c, "as_of", &as_of, o));
    TRY(opt_mode(c, "rounding", &mode));
    TRY(coll_finance_charge(&terms, &remaining, due, as_of, mode, &r));
    want_int(o, c, "expected_days_overdue", r.days_overdue);
    want_bool(o, c, "expected_charged", r.charged);
    want_decimal(o, c, "expected_interest", &r.interest);
    want_decimal(o, c, "expected_total", &r.total);
done:
    return st;
}

static coll_status op_average_daily_balance(const json_value *c, outcome *o) {
    const json_value *items = get_array(c, "items");
    coll_balance_days *rows = NULL;
    coll_decimal rate, got;
    coll_currency cur;
    coll_rounding_mode mode;
    long long period;
    size_t i;
    coll_status st;
    if (items == NULL) {
        return harness(o, "missing list", "items");
    }
    rows = (coll_balance_days *)calloc(items->count + 1, sizeof *rows);
    if (rows == NULL) {
        return harness(o, "out of memory for", "items");
    }
    for (i = 0; i < items->count; i++) {
        const json_value *pair = items->items[i];
        char *end;
        if (pair->type != JSON_ARRAY || pair->count != 2 || pair->items[1]->type != JSON_NUMBER) {
            st = harness(o, "not an [amount, days] pair in", "items");
            goto done;
        }
        TRY(decimal_value(pair->items[0], "amount", &rows[i].amount, o));
        rows[i].days = strtoll(pair->items[1]->text, &end, 10);
    }
    TRY(get_decimal(c, "rate_percent", &rate, o));
    TRY(get_int(c, "interest_period_days", &period, o));
    TRY(get_currency(c, "currency", &cur, o));
    TRY(opt_mode(c, "rounding", &mode));
    TRY(coll_average_daily_balance_interest(rows, items->count, &rate, (uint32_t)period, &cur, mode, &got));
    want_decimal(o, c, "expected", &got);
done:
    free(rows);
    return st;
}

/* ---- dunning runs */

static coll_status dunning_level_of(const json_value *l, coll_dunning_level *out, outcome *o) {
    long long n;
    const json_value *interest = json_get(l, "interest");
    const char *t;
    coll_status st;
    TRY(get_int(l, "days_overdue", &n, o));
    TRY(coll_dunning_level_init((uint32_t)n, out));
    TRY(opt_int(l, "grace_days", 0, &n, o));
    out->grace_days = (uint32_t)n;
    TRY(opt_decimal(l, "fee", &out->fee, o));
    TRY(opt_decimal(l, "minimum_outstanding", &out->minimum_outstanding, o));
    TRY(get_text(l, "action", &out->action, o));
    out->action_len = strlen(out->action);
    if (interest != NULL) {
        TRY(get_text(interest, "method", &t, o));
        TRY(coll_dunning_interest_method_from_name(t, strlen(t), &out->interest_method));
        TRY(opt_decimal(interest, "rate_percent", &out->rate_percent, o));
        TRY(opt_int(interest, "interest_period_days", 0, &n, o));
        out->interest_period_days = (uint32_t)n;
        if ((t = opt_text(interest, "statute")) != NULL) {
            TRY(coll_statute_from_name(t, strlen(t), &out->statute));
        }
        if ((t = opt_text(interest, "debtor")) != NULL) {
            TRY(coll_debtor_kind_from_name(t, strlen(t), &out->debtor));
        }
    }
done:
    return st;
}

static void want_totals(outcome *o, const json_value *w, const coll_dunning_totals *t) {
    want_int(o, w, "invoices", (long long)t->invoices);
    want_int(o, w, "notices", (long long)t->notices);
    want_exact(o, w, "outstanding", &t->outstanding);
    want_exact(o, w, "fee", &t->fee);
    want_exact(o, w, "interest", &t->interest);
    want_exact(o, w, "total", &t->total);
}

static coll_status op_dunning_run(const json_value *c, outcome *o) {
    const json_value *p = json_get(c, "policy"), *levels_json, *invoices_json, *want;
    coll_dunning_policy policy;
    coll_dunning_level *levels = NULL;
    coll_dunning_invoice *invoices = NULL;
    coll_dunning_payment **payments = NULL;
    coll_dunning_run *run = NULL;
    coll_date as_of;
    size_t i, j, n_invoices = 0;
    coll_status st;
    levels_json = get_array(p, "levels");
    invoices_json = get_array(c, "invoices");
    if (levels_json == NULL || invoices_json == NULL) {
        return harness(o, "missing list", "policy.levels or invoices");
    }
    n_invoices = invoices_json->count;
    levels = (coll_dunning_level *)calloc(levels_json->count + 1, sizeof *levels);
    invoices = (coll_dunning_invoice *)calloc(n_invoices + 1, sizeof *invoices);
    payments = (coll_dunning_payment **)calloc(n_invoices + 1, sizeof *payments);
    if (levels == NULL || invoices == NULL || payments == NULL) {
        st = harness(o, "out of memory for", "dunning_run");
        goto done;
    }
    TRY(coll_dunning_policy_init(&policy));
    TRY(get_currency(p, "currency", &policy.currency, o));
    policy.one_level_at_a_time = (uint8_t)get_bool(p, "one_level_at_a_time", 1);
    for (i = 0; i < levels_json->count; i++) {
        TRY(dunning_level_of(levels_json->items[i], &levels[i], o));
    }
    policy.levels = levels;
    policy.n_levels = levels_json->count;
    for (i = 0; i < n_invoices; i++) {
        const json_value *inv = invoices_json->items[i], *pays = get_array(inv, "payments");
        long long level;
        coll_dunning_invoice *out = &invoices[i];
        TRY(coll_dunning_invoice_init(out));
        TRY(get_text(inv, "id", &out->id, o));
        out->id_len = strlen(out->id);
        TRY(get_text(inv, "customer_id", &out->customer_id, o));
        out->customer_id_len = strlen(out->customer_id);
        TRY(get_currency(json_get(inv, "currency") ? inv : p, "currency", &out->currency, o));
        TRY(get_decimal(inv, "amount", &out->amount, o));
        TRY(get_date(inv, "due_date", &out->due_date, o));
        TRY(opt_int(inv, "dunning_level", 0, &level, o));
        out->dunning_level = (uint32_t)level;
        out->blocked = (uint8_t)get_bool(inv, "blocked", 0);
        if (pays != NULL && pays->count > 0) {
            payments[i] = (coll_dunning_payment *)calloc(pays->count, sizeof **payments);
            if (payments[i] == NULL) {
                st = harness(o, "out of memory for", "payments");
                goto done;
            }
            for (j = 0; j < pays->count; j++) {
                const json_value *pay = pays->items[j];
                TRY(date_value(json_get(pay, "date"), "payments.date", &payments[i][j].date, o));
                TRY(decimal_value(json_get(pay, "amount"), "payments.amount", &payments[i][j].amount, o));
                if (json_get(pay, "currency") != NULL) {
                    TRY(get_currency(pay, "currency", &payments[i][j].currency, o));
                }
            }
            out->payments = payments[i];
            out->n_payments = pays->count;
        }
    }
    TRY(get_date(c, "as_of", &as_of, o));
    TRY(coll_dunning_run_new(invoices, n_invoices, &policy, as_of, &run));
    want = get_array(c, "expected_lines");
    if (want != NULL) {
        size_t n;
        TRY(coll_dunning_run_line_count(run, &n));
        expect_int(o, "line count", (long long)n, (long long)want->count);
        for (i = 0; i < n && i < want->count; i++) {
            const json_value *w = want->items[i], *lv = json_get(w, "level");
            coll_dunning_line line;
            const char *outcome_name = NULL;
            TRY(coll_dunning_run_line_at(run, i, &line));
            TRY(coll_dunning_outcome_name(line.outcome, &outcome_name));
            want_text(o, w, "invoice_id", line.invoice_id, line.invoice_id_len);
            want_int(o, w, "invoice_index", (long long)line.invoice_index);
            want_exact(o, w, "outstanding", &line.outstanding);
            want_int(o, w, "days_overdue", line.days_overdue);
            want_text(o, w, "outcome", outcome_name, strlen(outcome_name));
            if (lv != NULL && lv->type == JSON_NULL) {
                expect_int(o, "level", line.level, 0);
            } else {
                want_int(o, w, "level", line.level);
            }
            want_text(o, w, "action", line.action, line.action_len);
            want_exact(o, w, "fee", &line.fee);
            want_exact(o, w, "interest", &line.interest);
            want_exact(o, w, "total", &line.total);
            want_bool(o, w, "unverified_rate", line.unverified_rate);
        }
    }
    want = get_array(c, "expected_customers");
    if (want != NULL) {
        size_t n;
        TRY(coll_dunning_run_customer_count(run, &n));
        expect_int(o, "customer count", (long long)n, (long long)want->count);
        for (i = 0; i < n && i < want->count; i++) {
            const json_value *w = want->items[i];
            coll_dunning_customer customer;
            TRY(coll_dunning_run_customer_at(run, i, &customer));
            want_text(o, w, "customer_id", customer.customer_id, customer.customer_id_len);
            want_int(o, w, "first_line", (long long)customer.first_line);
            want_int(o, w, "n_lines", (long long)customer.n_lines);
            want_totals(o, w, &customer.totals);
        }
    }
    want = json_get(c, "expected_totals");
    if (want != NULL) {
        coll_dunning_totals totals;
        TRY(coll_dunning_run_get_totals(run, &totals));
        want_totals(o, want, &totals);
    }
    st = COLL_OK;
done:
    coll_dunning_run_free(run);
    for (i = 0; payments != NULL && i < n_invoices; i++) {
        free(payments[i]);
    }
    free(payments);
    free(invoices);
    free(levels);
    return st;
}

/* ---- aging */

typedef struct {
    coll_obligation *obligations;
    coll_date_range *frozen;
    uint32_t *bounds;
} aging_buffers;

static void aging_free(aging_buffers *b) {
    free(b->obligations);
    free(b->frozen);
    free(b->bounds);
    memset(b, 0, sizeof *b);
}

/* The account of `c` (obligations, frozen), its arrays in `b`. */
static coll_status aging_account_of(const json_value *c, coll_aging_account *out, aging_buffers *b, outcome *o) {
    const json_value *obs = get_array(c, "obligations"), *frozen = get_array(c, "frozen");
    size_t i;
    coll_status st = COLL_OK;
    if (obs == NULL) {
        return harness(o, "missing list", "obligations");
    }
    b->obligations = (coll_obligation *)calloc(obs->count + 1, sizeof *b->obligations);
    b->frozen = (coll_date_range *)calloc((frozen ? frozen->count : 0) + 1, sizeof *b->frozen);
    if (b->obligations == NULL || b->frozen == NULL) {
        return harness(o, "out of memory for", "obligations");
    }
    for (i = 0; i < obs->count; i++) {
        const json_value *ob = obs->items[i];
        if (ob->type != JSON_ARRAY || ob->count != 3) {
            return harness(o, "not a [due_date, amount_due, amount_paid] triple in", "obligations");
        }
        TRY(date_value(ob->items[0], "due_date", &b->obligations[i].due_date, o));
        TRY(decimal_value(ob->items[1], "amount_due", &b->obligations[i].amount_due, o));
        TRY(decimal_value(ob->items[2], "amount_paid", &b->obligations[i].amount_paid, o));
    }
    for (i = 0; frozen != NULL && i < frozen->count; i++) {
        const json_value *r = frozen->items[i];
        if (r->type != JSON_ARRAY || r->count != 2) {
            return harness(o, "not a [start, end] pair in", "frozen");
        }
        TRY(date_value(r->items[0], "frozen_periods", &b->frozen[i].start, o));
        TRY(date_value(r->items[1], "frozen_periods", &b->frozen[i].end, o));
    }
    out->obligations = b->obligations;
    out->n_obligations = obs->count;
    out->frozen = b->frozen;
    out->n_frozen = frozen ? frozen->count : 0;
done:
    return st;
}

static coll_status aging_rules_of(const json_value *c, coll_aging_rules *out, uint32_t **bounds, outcome *o) {
    const json_value *tol = json_get(c, "tolerance"), *b = get_array(c, "bucket_upper_bounds");
    const char *t;
    long long n;
    size_t i;
    coll_status st;
    TRY(coll_aging_rules_init(out));
    if ((t = opt_text(c, "method")) != NULL) {
        TRY(coll_shortfall_method_from_name(t, strlen(t), &out->method));
    }
    if (tol != NULL) {
        TRY(get_text(tol, "kind", &t, o));
        TRY(coll_tolerance_kind_from_name(t, strlen(t), &out->tolerance_kind));
        TRY(opt_decimal(tol, "value", &out->tolerance, o));
    }
    TRY(opt_int(c, "grace_days", 0, &n, o));
    out->grace_days = (uint32_t)n;
    if (b != NULL) {
        *bounds = (uint32_t *)calloc(b->count + 1, sizeof **bounds);
        if (*bounds == NULL) {
            return harness(o, "out of memory for", "bucket_upper_bounds");
        }
        for (i = 0; i < b->count; i++) {
            (*bounds)[i] = (uint32_t)strtoul(b->items[i]->text, NULL, 10);
        }
        out->bucket_upper_bounds = *bounds;
        out->n_bucket_upper_bounds = b->count;
    }
done:
    return st;
}

static coll_status op_aging(const json_value *c, outcome *o) {
    const char *op = opt_text(c, "op"), *t;
    aging_buffers b;
    coll_aging_account account;
    coll_aging_rules rules;
    coll_date as_of;
    coll_status st;
    memset(&b, 0, sizeof b);
    TRY(aging_rules_of(c, &rules, &b.bounds, o));
    TRY(aging_account_of(c, &account, &b, o));
    TRY(get_date(c, "as_of", &as_of, o));
    if (strcmp(op, "age_account") == 0) {
        coll_aging_result r;
        const json_value *by = get_array(c, "expected_past_due_by_bucket"), *label = json_get(c, "expected_bucket_label");
        TRY(coll_age_account(&account, as_of, &rules, &r));
        want_int(o, c, "expected_days_past_due", r.days_past_due);
        want_date(o, c, "expected_counting_from", r.has_counting_from, r.counting_from);
        want_int(o, c, "expected_bucket", r.bucket);
        want_decimal(o, c, "expected_past_due_amount", &r.past_due_amount);
        want_decimal(o, c, "expected_tolerated_shortfall", &r.tolerated_shortfall);
        want_decimal(o, c, "expected_outstanding", &r.outstanding);
        if (label != NULL) {
            char text[64];
            size_t len;
            TRY(coll_aging_bucket_label(&rules, r.bucket, text, sizeof text, &len));
            want_text(o, c, "expected_bucket_label", text, len);
        }
        if (by != NULL) {
            coll_decimal amounts[64];
            size_t n, i;
            TRY(coll_age_account_by_bucket(&account, as_of, &rules, amounts, 64, &n));
            expect_int(o, "bucket count", (long long)n, (long long)by->count);
            for (i = 0; i < n && i < by->count; i++) {
                TRY(expect_decimal(o, c, "past due by bucket", &amounts[i], json_scalar_text(by->items[i])));
            }
        }
    } else if (strcmp(op, "charge_off") == 0) {
        coll_charge_off_policy policy;
        coll_charge_off_result r;
        coll_credit_type credit;
        long long n;
        TRY(coll_charge_off_policy_init(&policy));
        TRY(opt_int(c, "closed_end_days", policy.closed_end_days, &n, o));
        policy.closed_end_days = (uint32_t)n;
        TRY(opt_int(c, "open_end_days", policy.open_end_days, &n, o));
        policy.open_end_days = (uint32_t)n;
        TRY(get_text(c, "credit_type", &t, o));
        TRY(coll_credit_type_from_name(t, strlen(t), &credit));
        TRY(coll_charge_off(&account, as_of, &rules, credit, &policy, &r));
        want_int(o, c, "expected_threshold_days", r.threshold_days);
        want_int(o, c, "expected_days_past_due", r.days_past_due);
        want_bool(o, c, "expected_eligible", r.eligible);
        want_date(o, c, "expected_eligible_on", r.has_eligible_on, r.eligible_on);
    } else {
        coll_limitation lim;
        coll_time_bar_result r;
        char unit[16];
        unsigned long length;
        TRY(coll_limitation_init(&lim));
        TRY(get_text(c, "limitation_start", &t, o));
        TRY(coll_limitation_start_from_name(t, strlen(t), &lim.start));
        TRY(get_text(c, "limitation_period", &t, o));
        if (sscanf(t, "%15[a-z]:%lu", unit, &length) != 2) {
            st = harness(o, "not unit:count:", "limitation_period");
            goto done;
        }
        TRY(coll_limitation_unit_from_name(unit, strlen(unit), &lim.unit));
        lim.length = (uint32_t)length;
        if (json_get(c, "last_payment") != NULL) {
            lim.has_last_payment = 1;
            TRY(get_date(c, "last_payment", &lim.last_payment, o));
        }
        if (json_get(c, "last_acknowledgment") != NULL) {
            lim.has_last_acknowledgment = 1;
            TRY(get_date(c, "last_acknowledgment", &lim.last_acknowledgment, o));
        }
        TRY(coll_time_bar(&account, as_of, &rules, &lim, &r));
        want_date(o, c, "expected_start", r.has_start, r.start);
        want_date(o, c, "expected_barred_on", r.has_barred_on, r.barred_on);
        want_bool(o, c, "expected_time_barred", r.time_barred);
    }
    st = COLL_OK;
done:
    aging_free(&b);
    return st;
}

static coll_status op_age_portfolio(const json_value *c, outcome *o) {
    const json_value *accounts_json = get_array(c, "accounts"), *want;
    coll_aging_account *accounts = NULL;
    aging_buffers *buffers = NULL;
    coll_account_age *ages = NULL;
    coll_bucket_totals totals[64];
    coll_aging_rules rules;
    uint32_t *bounds = NULL;
    coll_date as_of;
    size_t i, n = 0, n_buckets;
    coll_status st;
    if (accounts_json == NULL) {
        return harness(o, "missing list", "accounts");
    }
    n = accounts_json->count;
    accounts = (coll_aging_account *)calloc(n + 1, sizeof *accounts);
    buffers = (aging_buffers *)calloc(n + 1, sizeof *buffers);
    ages = (coll_account_age *)calloc(n + 1, sizeof *ages);
    if (accounts == NULL || buffers == NULL || ages == NULL) {
        st = harness(o, "out of memory for", "accounts");
        goto done;
    }
    TRY(aging_rules_of(c, &rules, &bounds, o));
    for (i = 0; i < n; i++) {
        TRY(aging_account_of(accounts_json->items[i], &accounts[i], &buffers[i], o));
    }
    TRY(get_date(c, "as_of", &as_of, o));
    TRY(coll_aging_bucket_count(&rules, &n_buckets));
    TRY(coll_age_portfolio(accounts, n, as_of, &rules, ages, n + 1, totals, 64));
    want = get_array(c, "expected_accounts");
    if (want != NULL) {
        expect_int(o, "account count", (long long)n, (long long)want->count);
        for (i = 0; i < n && i < want->count; i++) {
            const json_value *pair = want->items[i];
            if (pair->type != JSON_ARRAY || pair->count != 2) {
                st = harness(o, "not a [days, bucket] pair in", "expected_accounts");
                goto done;
            }
            expect_int(o, "days past due", ages[i].days_past_due, strtoll(pair->items[0]->text, NULL, 10));
            expect_int(o, "bucket", ages[i].bucket, strtoll(pair->items[1]->text, NULL, 10));
        }
    }
    want = get_array(c, "expected_totals");
    if (want != NULL) {
        expect_int(o, "bucket count", (long long)n_buckets, (long long)want->count);
        for (i = 0; i < n_buckets && i < want->count; i++) {
            want_int(o, want->items[i], "accounts", (long long)totals[i].accounts);
            want_exact(o, want->items[i], "outstanding", &totals[i].outstanding);
            want_exact(o, want->items[i], "past_due", &totals[i].past_due);
        }
    }
    st = COLL_OK;
done:
    for (i = 0; buffers != NULL && i < n; i++) {
        aging_free(&buffers[i]);
    }
    free(buffers);
    free(accounts);
    free(ages);
    free(bounds);
    return st;
}

/* ---- status lifecycle */

static coll_status get_status(const json_value *c, const char *key, coll_debt_status *out, outcome *o) {
    const char *s;
    coll_status st = get_text(c, key, &s, o);
    return st != COLL_OK ? st : coll_debt_status_from_name(s, strlen(s), out);
}

static coll_status op_can_become(const json_value *c, outcome *o) {
    coll_debt_status from, to;
    bool got;
    coll_status st;
    TRY(get_status(c, "from", &from, o));
    TRY(get_status(c, "to", &to, o));
    TRY(coll_debt_status_can_become(from, to, &got));
    want_bool(o, c, "expected", got);
done:
    return st;
}

/* Whether the last error message contains the case's `error_value`, when it states one. */
static coll_status check_error_value(const json_value *c, coll_status st, outcome *o) {
    const char *value = opt_text(c, "error_value");
    if (st != COLL_OK && value != NULL && strstr(coll_last_error_message(), value) == NULL) {
        note(o, "the error message does not contain %s%s%s", value, "", "");
        return HARNESS_ERROR;
    }
    return st;
}

static coll_status op_transition(const json_value *c, outcome *o) {
    coll_debt_status from, to;
    coll_date date;
    const char *reason;
    coll_status st;
    TRY(get_status(c, "from", &from, o));
    TRY(get_status(c, "to", &to, o));
    TRY(get_date(c, "date", &date, o));
    TRY(get_text(c, "reason", &reason, o));
    st = check_error_value(c, coll_debt_status_transition(from, to, date, reason, strlen(reason)), o);
done:
    return st;
}

static coll_status op_status_history(const json_value *c, outcome *o) {
    const json_value *changes = get_array(c, "changes"), *on = get_array(c, "expected_status_on"), *rt;
    coll_status_history *h = NULL;
    coll_debt_status initial, s;
    coll_date opened;
    bool has;
    size_t i, n;
    coll_status st;
    if (changes == NULL) {
        return harness(o, "missing list", "changes");
    }
    TRY(get_status(c, "initial", &initial, o));
    TRY(get_date(c, "opened_on", &opened, o));
    TRY(coll_status_history_new(initial, opened, &h));
    for (i = 0; i < changes->count; i++) {
        const json_value *ch = changes->items[i];
        coll_debt_status to;
        coll_date date;
        const char *reason;
        TRY(get_status(ch, "to", &to, o));
        TRY(get_date(ch, "date", &date, o));
        TRY(get_text(ch, "reason", &reason, o));
        st = check_error_value(c, coll_status_history_change(h, to, date, reason, strlen(reason)), o);
        if (st != COLL_OK) {
            goto done;
        }
    }
    if (json_get(c, "expected_current") != NULL) {
        const char *name;
        TRY(coll_status_history_current(h, &s));
        TRY(coll_debt_status_name(s, &name));
        want_text(o, c, "expected_current", name, strlen(name));
    }
    TRY(coll_status_history_change_count(h, &n));
    want_int(o, c, "expected_change_count", (long long)n);
    if ((rt = json_get(c, "expected_returns_to")) != NULL) {
        const char *name = NULL;
        TRY(coll_status_history_returns_to(h, &has, &s));
        if (has) {
            TRY(coll_debt_status_name(s, &name));
        }
        want_text(o, c, "expected_returns_to", name, name ? strlen(name) : 0);
    }
    for (i = 0; on != NULL && i < on->count; i++) {
        const json_value *pair = on->items[i];
        coll_date date;
        const char *name = NULL;
        char key[64];
        if (pair->type != JSON_ARRAY || pair->count != 2) {
            st = harness(o, "not a [date, status] pair in", "expected_status_on");
            goto done;
        }
        TRY(date_value(pair->items[0], "date", &date, o));
        TRY(coll_status_history_status_on(h, date, &has, &s));
        if (has) {
            TRY(coll_debt_status_name(s, &name));
        }
        snprintf(key, sizeof key, "status on %s", json_string(pair->items[0]));
        if (pair->items[1]->type == JSON_NULL) {
            if (name != NULL) {
                mismatch(o, key, name, "null");
            }
        } else if (name == NULL || json_string(pair->items[1]) == NULL || strcmp(name, json_string(pair->items[1])) != 0) {
            mismatch(o, key, name ? name : "null", json_string(pair->items[1]) ? json_string(pair->items[1]) : "?");
        }
    }
    st = COLL_OK;
done:
    coll_status_history_free(h);
    return st;
}

/* ---- the account ledger and reconciliation (tests/vectors/README.md: ledger.json, reconcile.json) */

static int status_of_kind(const char *kind, coll_status *out);
static int starts_with_field(const char *msg, const char *field);

/* A value of a list compared with a computed one: each returns HARNESS_ERROR for a malformed case. */
static coll_status want_decimal_value(outcome *o, const json_value *c, const char *what, const json_value *v,
                                      const coll_decimal *got) {
    const char *want = json_scalar_text(v);
    if (want == NULL) {
        return harness(o, "not a decimal:", what);
    }
    return expect_decimal(o, c, what, got, want);
}

static coll_status want_date_value(outcome *o, const char *what, const json_value *v, int has, coll_date got) {
    char text[32];
    if (v == NULL) {
        return harness(o, "missing date or null:", what);
    }
    if (v->type == JSON_NULL) {
        if (has) {
            date_text(got, text, sizeof text);
            mismatch(o, what, text, "null");
        }
        return COLL_OK;
    }
    if (!has) {
        mismatch(o, what, "null", json_string(v) ? json_string(v) : "?");
        return COLL_OK;
    }
    return expect_date(o, what, got, json_string(v));
}

/* An index or null (COLL_NO_INDEX). */
static coll_status want_index_value(outcome *o, const char *what, const json_value *v, size_t got) {
    char g[32], w[32];
    if (v == NULL || (v->type != JSON_NULL && v->type != JSON_NUMBER)) {
        return harness(o, "not an index or null:", what);
    }
    if (got == COLL_NO_INDEX) {
        snprintf(g, sizeof g, "null");
    } else {
        snprintf(g, sizeof g, "%lu", (unsigned long)got);
    }
    snprintf(w, sizeof w, "%s", v->type == JSON_NULL ? "null" : v->text);
    if (strcmp(g, w) != 0) {
        mismatch(o, what, g, w);
    }
    return COLL_OK;
}

static coll_status want_text_value(outcome *o, const char *what, const json_value *v, const char *got, size_t len) {
    const char *want = json_string(v);
    char text[512];
    if (want == NULL) {
        return harness(o, "not text:", what);
    }
    if (strlen(want) != len || memcmp(want, got, len) != 0) {
        snprintf(text, sizeof text, "\"%.*s\"", (int)len, got);
        mismatch(o, what, text, want);
    }
    return COLL_OK;
}

static void want_count(outcome *o, const char *what, size_t got, size_t want) {
    if (got != want) {
        char g[32], w[32];
        snprintf(g, sizeof g, "%lu items", (unsigned long)got);
        snprintf(w, sizeof w, "%lu", (unsigned long)want);
        mismatch(o, what, g, w);
    }
}

/* A list element that is itself a list of `n` items, or NULL (a harness error noted). */
static const json_value *tuple(const json_value *list, size_t i, size_t n, const char *what, outcome *o) {
    const json_value *v = list->items[i];
    if (v->type != JSON_ARRAY || v->count != n) {
        harness(o, "not a list of the right length in", what);
        return NULL;
    }
    return v;
}

/* An object of expected values with exactly the keys computed (as the Rust runner compares objects). */
static coll_status want_object(outcome *o, const char *what, const json_value *want, const char *const *keys,
                               size_t n) {
    size_t i;
    if (want == NULL || want->type != JSON_OBJECT) {
        return harness(o, "not an object:", what);
    }
    for (i = 0; i < n; i++) {
        if (json_get(want, keys[i]) == NULL) {
            mismatch(o, what, "a value", keys[i]);
            return COLL_OK;
        }
    }
    if (want->count != n) {
        mismatch(o, what, "fewer keys", "more (an unknown key)");
    }
    return COLL_OK;
}

static const char *const BALANCE_KEYS[] = {"principal", "interest", "fees", "penalties", "credit"};
static const char *const COMPONENT_KEYS[] = {"penalty", "fee", "interest", "principal"};
static const char *const TOTALS_KEYS[] = {"charged", "paid", "forgiven", "payments", "refunds", "capped"};

static coll_status want_balances(outcome *o, const json_value *c, const char *what, const json_value *want,
                                 const coll_ledger_balances *got) {
    const coll_decimal *values[5];
    char label[128];
    size_t i;
    coll_status st;
    values[0] = &got->principal;
    values[1] = &got->interest;
    values[2] = &got->fees;
    values[3] = &got->penalties;
    values[4] = &got->credit;
    TRY(want_object(o, what, want, BALANCE_KEYS, 5));
    for (i = 0; i < 5; i++) {
        snprintf(label, sizeof label, "%s.%s", what, BALANCE_KEYS[i]);
        TRY(want_decimal_value(o, c, label, json_get(want, BALANCE_KEYS[i]), values[i]));
    }
done:
    return st;
}

/* Per component, indexed by the COLL_COMPONENT_ constants (penalty, fee, interest, principal). */
static coll_status want_components(outcome *o, const json_value *c, const char *what, const json_value *want,
                                   const coll_decimal *got) {
    char label[128];
    size_t i;
    coll_status st;
    TRY(want_object(o, what, want, COMPONENT_KEYS, 4));
    for (i = 0; i < 4; i++) {
        uint32_t k;
        TRY(coll_component_from_name(COMPONENT_KEYS[i], strlen(COMPONENT_KEYS[i]), &k));
        snprintf(label, sizeof label, "%s.%s", what, COMPONENT_KEYS[i]);
        TRY(want_decimal_value(o, c, label, json_get(want, COMPONENT_KEYS[i]), &got[k]));
    }
done:
    return st;
}

typedef struct {
    coll_date *rate_dates;
    coll_decimal *rates;
    coll_date_range *freezes;
    coll_allocation_pair *pairs;
} terms_buffers;

static void terms_free(terms_buffers *b) {
    free(b->rate_dates);
    free(b->rates);
    free(b->freezes);
    free(b->pairs);
    memset(b, 0, sizeof *b);
}

/* The terms of a ledger case, read as the Rust runner reads them (ledger_terms in vectors.rs). */
static coll_status ledger_terms_of(const json_value *t, coll_ledger_terms *out, terms_buffers *b, outcome *o) {
    const json_value *rates = get_array(t, "rates"), *freezes = get_array(t, "freezes"), *p, *f, *a, *adv;
    const char *s;
    long long n;
    size_t i;
    coll_status st;
    TRY(coll_ledger_terms_init(out));
    if (rates == NULL) {
        return harness(o, "missing list", "terms.rates");
    }
    b->rate_dates = (coll_date *)calloc(rates->count + 1, sizeof *b->rate_dates);
    b->rates = (coll_decimal *)calloc(rates->count + 1, sizeof *b->rates);
    b->freezes = (coll_date_range *)calloc((freezes ? freezes->count : 0) + 1, sizeof *b->freezes);
    if (b->rate_dates == NULL || b->rates == NULL || b->freezes == NULL) {
        return harness(o, "out of memory for", "terms");
    }
    for (i = 0; i < rates->count; i++) {
        const json_value *row = tuple(rates, i, 2, "rates", o);
        if (row == NULL) {
            return HARNESS_ERROR;
        }
        TRY(date_value(row->items[0], "rates", &b->rate_dates[i], o));
        TRY(decimal_value(row->items[1], "rates", &b->rates[i], o));
    }
    out->rate_dates = b->rate_dates;
    out->rates = b->rates;
    out->n_rates = rates->count;
    if ((p = json_get(t, "penalty_rate")) != NULL) {
        TRY(decimal_value(json_get(p, "rate"), "penalty_rate", &out->penalty_rate, o));
        TRY(get_int(p, "after_days", &n, o));
        out->has_penalty_rate = 1;
        out->penalty_after_days = (uint32_t)n;
    }
    if (json_get(t, "max_rate") != NULL) {
        TRY(get_decimal(t, "max_rate", &out->max_rate, o));
        out->has_max_rate = 1;
    }
    if (json_get(t, "charge_cap") != NULL) {
        TRY(get_decimal(t, "charge_cap", &out->charge_cap, o));
        out->has_charge_cap = 1;
    }
    for (i = 0; freezes != NULL && i < freezes->count; i++) {
        const json_value *r = tuple(freezes, i, 2, "freezes", o);
        if (r == NULL) {
            return HARNESS_ERROR;
        }
        TRY(date_value(r->items[0], "freezes", &b->freezes[i].start, o));
        TRY(date_value(r->items[1], "freezes", &b->freezes[i].end, o));
    }
    if (freezes != NULL) {
        out->freezes = b->freezes;
        out->n_freezes = freezes->count;
    }
    if ((s = opt_text(t, "day_count")) != NULL) {
        TRY(coll_day_count_from_name(s, strlen(s), &out->day_count));
    }
    if ((s = opt_text(t, "interest_mode")) != NULL) {
        TRY(coll_interest_mode_from_name(s, strlen(s), &out->interest_mode));
    }
    if ((f = json_get(t, "late_fee")) != NULL) {
        const json_value *max = json_get(f, "maximum");
        out->has_late_fee = 1;
        if (json_get(f, "flat") != NULL) {
            TRY(decimal_value(json_get(f, "flat"), "flat", &out->late_fee.flat, o));
        }
        if (json_get(f, "percent") != NULL) {
            TRY(decimal_value(json_get(f, "percent"), "percent", &out->late_fee.percent, o));
        }
        if (json_get(f, "minimum") != NULL) {
            TRY(decimal_value(json_get(f, "minimum"), "minimum", &out->late_fee.minimum, o));
        }
        if (max != NULL && max->type != JSON_NULL) {
            TRY(decimal_value(max, "maximum", &out->late_fee.maximum, o));
            out->late_fee.has_maximum = 1;
        }
        TRY(opt_int(f, "grace_days", 0, &n, o));
        out->late_fee.grace_days = (uint32_t)n;
        if ((s = opt_text(f, "component")) != NULL) {
            TRY(coll_component_from_name(s, strlen(s), &out->late_fee.component));
        }
    }
    if ((a = json_get(t, "allocation")) != NULL) {
        if ((adv = get_array(a, "advanced")) != NULL) {
            b->pairs = (coll_allocation_pair *)calloc(adv->count + 1, sizeof *b->pairs);
            if (b->pairs == NULL) {
                return harness(o, "out of memory for", "allocation");
            }
            for (i = 0; i < adv->count; i++) {
                const json_value *pair = tuple(adv, i, 2, "allocation.advanced", o);
                const char *timing, *component;
                if (pair == NULL || (timing = json_string(pair->items[0])) == NULL ||
                    (component = json_string(pair->items[1])) == NULL) {
                    return harness(o, "not a [timing, component] pair in", "allocation.advanced");
                }
                /* A name the library refuses here is the case's `allocation` at fault (README). */
                o->reading = "allocation";
                TRY(coll_timing_from_name(timing, strlen(timing), &b->pairs[i].timing));
                TRY(coll_component_from_name(component, strlen(component), &b->pairs[i].component));
                o->reading = NULL;
            }
            out->advanced_allocation = b->pairs;
            out->n_advanced_allocation = adv->count;
        } else {
            TRY(get_text(a, "order", &s, o));
            TRY(coll_allocation_order_from_name(s, strlen(s), &out->allocation_order));
            TRY(get_text(a, "scope", &s, o));
            TRY(coll_allocation_scope_from_name(s, strlen(s), &out->allocation_scope));
        }
    }
    if ((s = opt_text(t, "overpayment")) != NULL) {
        TRY(coll_overpayment_rule_from_name(s, strlen(s), &out->overpayment));
    }
    if ((s = opt_text(t, "rounding")) != NULL) {
        TRY(coll_rounding_mode_from_name(s, strlen(s), &out->rounding));
    }
done:
    return st;
}

/* One event of a ledger case (ledger_event in vectors.rs); its text points into the case. */
static coll_status ledger_event_of(const json_value *e, coll_ledger_event *out, outcome *o) {
    coll_ledger_event_kind kind;
    coll_date date;
    const char *type, *s;
    long long n;
    coll_status st;
    TRY(get_date(e, "date", &date, o));
    TRY(get_text(e, "type", &type, o));
    TRY(coll_ledger_event_kind_from_name(type, strlen(type), &kind));
    TRY(coll_ledger_event_init(kind, date, out));
    switch (kind) {
    case COLL_LEDGER_EVENT_OBLIGATION:
    case COLL_LEDGER_EVENT_REFUND:
        TRY(get_decimal(e, "amount", &out->amount, o));
        break;
    case COLL_LEDGER_EVENT_ACCRUE:
        break;
    case COLL_LEDGER_EVENT_FEE:
    case COLL_LEDGER_EVENT_WAIVER:
    case COLL_LEDGER_EVENT_ADJUSTMENT:
        TRY(get_text(e, "component", &s, o));
        TRY(coll_component_from_name(s, strlen(s), &out->component));
        TRY(get_decimal(e, "amount", &out->amount, o));
        break;
    case COLL_LEDGER_EVENT_PAYMENT:
        TRY(get_text(e, "id", &out->id, o));
        out->id_len = strlen(out->id);
        TRY(get_decimal(e, "amount", &out->amount, o));
        if (json_get(e, "currency") != NULL) {
            TRY(get_currency(e, "currency", &out->currency, o));
        }
        break;
    case COLL_LEDGER_EVENT_REVERSAL:
        TRY(get_text(e, "payment_id", &out->id, o));
        out->id_len = strlen(out->id);
        break;
    case COLL_LEDGER_EVENT_EXTENSION:
        TRY(get_int(e, "days", &n, o));
        out->days = (uint32_t)n;
        break;
    case COLL_LEDGER_EVENT_STATUS_CHANGE:
        TRY(get_text(e, "to", &s, o));
        TRY(coll_debt_status_from_name(s, strlen(s), &out->to));
        break;
    default:
        break;
    }
    if (kind != COLL_LEDGER_EVENT_OBLIGATION && kind != COLL_LEDGER_EVENT_REFUND && kind != COLL_LEDGER_EVENT_ACCRUE &&
        kind != COLL_LEDGER_EVENT_PAYMENT) {
        TRY(get_text(e, "reason", &out->reason, o));
        out->reason_len = strlen(out->reason);
    }
done:
    return st;
}

/* A refusal as the event states it: `refused` (an error kind) and, when given, `refused_field`. */
static int refused_as_stated(const json_value *e, coll_status st, const outcome *o) {
    const char *kind = opt_text(e, "refused"), *field = opt_text(e, "refused_field");
    const char *msg = coll_last_error_message();
    coll_status want;
    if (kind == NULL || !status_of_kind(kind, &want) || st != want) {
        return 0;
    }
    return field == NULL || starts_with_field(msg, field) ||
           (o->reading != NULL && strcmp(o->reading, field) == 0 && starts_with_field(msg, "text"));
}

static int compare_text(const void *a, const void *b) {
    return strcmp(*(const char *const *)a, *(const char *const *)b);
}

static coll_status want_ledger_entry_allocations(outcome *o, const json_value *c, const coll_ledger *l,
                                                 const char *id, const json_value *want) {
    coll_ledger_entry entry;
    bool found;
    size_t index, i;
    char what[160];
    coll_status st;
    snprintf(what, sizeof what, "expected_allocations.%s", id);
    TRY(coll_ledger_payment_entry(l, id, strlen(id), &found, &index));
    if (!found) {
        mismatch(o, what, "no entry (not posted, or reversed)", "an entry");
        return COLL_OK;
    }
    if (want == NULL || want->type != JSON_ARRAY) {
        return harness(o, "not a list:", what);
    }
    TRY(coll_ledger_entry_at(l, index, &entry));
    want_count(o, what, entry.n_allocations, want->count);
    for (i = 0; i < entry.n_allocations && i < want->count; i++) {
        const json_value *w = tuple(want, i, 3, what, o);
        coll_ledger_allocation a;
        const char *name;
        if (w == NULL) {
            return HARNESS_ERROR;
        }
        TRY(coll_ledger_entry_allocation_at(l, index, i, &a));
        TRY(coll_component_name(a.component, &name));
        TRY(want_text_value(o, what, w->items[0], name, strlen(name)));
        TRY(want_date_value(o, what, w->items[1], a.has_due_date, a.due_date));
        TRY(want_decimal_value(o, c, what, w->items[2], &a.amount));
    }
done:
    return st;
}

static coll_status op_ledger(const json_value *c, outcome *o) {
    const json_value *a = json_get(c, "account"), *events = get_array(c, "events"), *want;
    static const char *const EXPECTED[] = {"expected_balances", "expected_status",   "expected_on",
                                           "expected_allocations", "expected_to_credit", "expected_entries",
                                           "expected_totals",      "expected_reversed"};
    terms_buffers buffers;
    coll_ledger_terms terms;
    coll_currency currency;
    coll_date opened;
    coll_decimal principal;
    coll_ledger *l = NULL;
    const char *id;
    const char **reversed = NULL;
    size_t i, n_reversed = 0, stated = 0;
    coll_status st;
    memset(&buffers, 0, sizeof buffers);
    if (a == NULL || events == NULL || json_get(c, "terms") == NULL) {
        return harness(o, "missing", "account, terms or events");
    }
    for (i = 0; i < sizeof EXPECTED / sizeof EXPECTED[0]; i++) {
        stated += json_get(c, EXPECTED[i]) != NULL;
    }
    if (stated == 0 && opt_text(c, "error") == NULL) {
        return harness(o, "the case states no expected value", "");
    }
    /* As the Rust runner: currency, opening date, principal, then the terms. */
    TRY(get_text(a, "id", &id, o));
    TRY(get_currency(a, "currency", &currency, o));
    TRY(get_date(a, "opened", &opened, o));
    TRY(get_decimal(a, "principal", &principal, o));
    TRY(ledger_terms_of(json_get(c, "terms"), &terms, &buffers, o));
    TRY(coll_ledger_new(id, strlen(id), &currency, opened, &principal, &terms, &l));

    /* Posted one at a time; a stated refusal must happen, and change nothing. */
    for (i = 0; i < events->count; i++) {
        const json_value *e = events->items[i];
        coll_ledger_event event;
        size_t index;
        char what[64];
        st = ledger_event_of(e, &event, o);
        if (st == HARNESS_ERROR) {
            goto done;
        }
        if (st == COLL_OK) {
            st = coll_ledger_post(l, &event, &index);
        }
        snprintf(what, sizeof what, "event %lu", (unsigned long)i);
        if (opt_text(e, "refused") == NULL) {
            if (st != COLL_OK) {
                goto done; /* the case's error, if it states one */
            }
        } else if (st == COLL_OK) {
            mismatch(o, what, "accepted", opt_text(e, "refused"));
        } else if (!refused_as_stated(e, st, o)) {
            mismatch(o, what, coll_last_error_message(), opt_text(e, "refused"));
        }
        o->reading = NULL;
    }

    if ((want = json_get(c, "expected_balances")) != NULL) {
        coll_ledger_balances b;
        TRY(coll_ledger_get_balances(l, &b));
        TRY(want_balances(o, c, "expected_balances", want, &b));
    }
    if (json_get(c, "expected_status") != NULL) {
        coll_debt_status s;
        const char *name;
        TRY(coll_ledger_status(l, &s));
        TRY(coll_debt_status_name(s, &name));
        TRY(want_text_value(o, "expected_status", json_get(c, "expected_status"), name, strlen(name)));
    }
    if ((want = json_get(c, "expected_on")) != NULL) {
        if (want->type != JSON_ARRAY) {
            st = harness(o, "not a list:", "expected_on");
            goto done;
        }
        for (i = 0; i < want->count; i++) {
            const json_value *w = want->items[i];
            coll_date as_of;
            char what[96];
            TRY(get_date(w, "as_of", &as_of, o));
            snprintf(what, sizeof what, "expected_on[%lu] (%s)", (unsigned long)i, json_string(json_get(w, "as_of")));
            if (json_get(w, "balances") != NULL) {
                coll_ledger_balances b;
                TRY(coll_ledger_balances_on(l, as_of, &b));
                TRY(want_balances(o, c, what, json_get(w, "balances"), &b));
            }
            if (json_get(w, "days_past_due") != NULL) {
                long long days;
                uint32_t got;
                TRY(coll_ledger_days_past_due(l, as_of, &got));
                TRY(get_int(w, "days_past_due", &days, o));
                expect_int(o, what, got, days);
            }
        }
    }
    if ((want = json_get(c, "expected_allocations")) != NULL) {
        if (want->type != JSON_OBJECT) {
            st = harness(o, "not an object:", "expected_allocations");
            goto done;
        }
        for (i = 0; i < want->count; i++) {
            TRY(want_ledger_entry_allocations(o, c, l, want->keys[i], want->items[i]));
        }
    }
    if ((want = json_get(c, "expected_to_credit")) != NULL) {
        if (want->type != JSON_OBJECT) {
            st = harness(o, "not an object:", "expected_to_credit");
            goto done;
        }
        for (i = 0; i < want->count; i++) {
            coll_ledger_entry entry;
            bool found;
            size_t index;
            char what[160];
            snprintf(what, sizeof what, "expected_to_credit.%s", want->keys[i]);
            TRY(coll_ledger_payment_entry(l, want->keys[i], strlen(want->keys[i]), &found, &index));
            if (!found) {
                mismatch(o, what, "no entry (not posted, or reversed)", "an entry");
                continue;
            }
            TRY(coll_ledger_entry_at(l, index, &entry));
            TRY(want_decimal_value(o, c, what, want->items[i], &entry.to_credit));
        }
    }
    if ((want = json_get(c, "expected_entries")) != NULL) {
        size_t n;
        if (want->type != JSON_ARRAY) {
            st = harness(o, "not a list:", "expected_entries");
            goto done;
        }
        TRY(coll_ledger_entry_count(l, &n));
        want_count(o, "expected_entries", n, want->count);
        for (i = 0; i < n && i < want->count; i++) {
            const json_value *w = tuple(want, i, 3, "expected_entries", o);
            coll_ledger_entry entry;
            const char *name;
            char what[64];
            if (w == NULL) {
                st = HARNESS_ERROR;
                goto done;
            }
            snprintf(what, sizeof what, "expected_entries[%lu]", (unsigned long)i);
            TRY(coll_ledger_entry_at(l, i, &entry));
            TRY(coll_ledger_entry_kind_name(entry.kind, &name));
            TRY(want_date_value(o, what, w->items[0], 1, entry.date));
            TRY(want_text_value(o, what, w->items[1], name, strlen(name)));
            TRY(want_decimal_value(o, c, what, w->items[2], &entry.amount));
        }
    }
    if ((want = json_get(c, "expected_totals")) != NULL) {
        coll_ledger_totals t;
        TRY(coll_ledger_get_totals(l, &t));
        TRY(want_object(o, "expected_totals", want, TOTALS_KEYS, 6));
        if (json_get(want, "charged") != NULL) {
            TRY(want_components(o, c, "expected_totals.charged", json_get(want, "charged"), t.charged));
        }
        if (json_get(want, "paid") != NULL) {
            TRY(want_components(o, c, "expected_totals.paid", json_get(want, "paid"), t.paid));
        }
        if (json_get(want, "forgiven") != NULL) {
            TRY(want_components(o, c, "expected_totals.forgiven", json_get(want, "forgiven"), t.forgiven));
        }
        if (json_get(want, "payments") != NULL) {
            TRY(want_decimal_value(o, c, "expected_totals.payments", json_get(want, "payments"), &t.payments));
        }
        if (json_get(want, "refunds") != NULL) {
            TRY(want_decimal_value(o, c, "expected_totals.refunds", json_get(want, "refunds"), &t.refunds));
        }
        if (json_get(want, "capped") != NULL) {
            TRY(want_decimal_value(o, c, "expected_totals.capped", json_get(want, "capped"), &t.capped));
        }
    }
    if ((want = json_get(c, "expected_reversed")) != NULL) {
        /* The ids of the payments posted (not refused) that are reversed, sorted, each once. */
        if (want->type != JSON_ARRAY) {
            st = harness(o, "not a list:", "expected_reversed");
            goto done;
        }
        reversed = (const char **)calloc(events->count + 1, sizeof *reversed);
        if (reversed == NULL) {
            st = harness(o, "out of memory for", "expected_reversed");
            goto done;
        }
        for (i = 0; i < events->count; i++) {
            const json_value *e = events->items[i];
            const char *pid = opt_text(e, "id");
            const char *type = opt_text(e, "type");
            bool yes;
            size_t k;
            int seen = 0;
            if (type == NULL || strcmp(type, "payment") != 0 || opt_text(e, "refused") != NULL || pid == NULL) {
                continue;
            }
            for (k = 0; k < n_reversed; k++) {
                seen = seen || strcmp(reversed[k], pid) == 0;
            }
            TRY(coll_ledger_is_reversed(l, pid, strlen(pid), &yes));
            if (yes && !seen) {
                reversed[n_reversed++] = pid;
            }
        }
        qsort((void *)reversed, n_reversed, sizeof *reversed, compare_text);
        want_count(o, "expected_reversed", n_reversed, want->count);
        for (i = 0; i < n_reversed && i < want->count; i++) {
            TRY(want_text_value(o, "expected_reversed", want->items[i], reversed[i], strlen(reversed[i])));
        }
    }
    st = COLL_OK;
done:
    free((void *)reversed);
    coll_ledger_free(l);
    terms_free(&buffers);
    return check_error_value(c, st, o);
}

/* The records of a reconcile case: [reference, account_id, date, amount, currency]. */
static coll_status records_of(const json_value *c, const char *key, coll_payment_record **out, size_t *n,
                              outcome *o) {
    const json_value *list = get_array(c, key);
    size_t i;
    coll_status st = COLL_OK;
    if (list == NULL) {
        return harness(o, "missing list", key);
    }
    *out = (coll_payment_record *)calloc(list->count + 1, sizeof **out);
    if (*out == NULL) {
        return harness(o, "out of memory for", key);
    }
    *n = list->count;
    for (i = 0; i < list->count; i++) {
        const json_value *r = tuple(list, i, 5, key, o);
        coll_payment_record *rec = &(*out)[i];
        const char *code;
        if (r == NULL || json_string(r->items[0]) == NULL || json_string(r->items[1]) == NULL ||
            (code = json_string(r->items[4])) == NULL) {
            return harness(o, "not a [reference, account_id, date, amount, currency] record in", key);
        }
        rec->reference = r->items[0]->text;
        rec->reference_len = r->items[0]->text_len;
        rec->account_id = r->items[1]->text;
        rec->account_id_len = r->items[1]->text_len;
        TRY(date_value(r->items[2], key, &rec->date, o));
        TRY(decimal_value(r->items[3], key, &rec->amount, o));
        TRY(coll_currency_from_code(code, strlen(code), &rec->currency));
    }
done:
    return st;
}

static coll_status op_reconcile(const json_value *c, outcome *o) {
    const json_value *t = json_get(c, "tolerances"), *want;
    coll_payment_record *reported = NULL, *posted = NULL;
    size_t n_reported = 0, n_posted = 0, n, i;
    coll_tolerances tol;
    coll_reconciliation *r = NULL;
    long long days;
    coll_status st;
    TRY(records_of(c, "reported", &reported, &n_reported, o));
    TRY(records_of(c, "posted", &posted, &n_posted, o));
    TRY(coll_tolerances_init(&tol));
    if (t != NULL) {
        if (json_get(t, "date_days") != NULL) {
            TRY(get_int(t, "date_days", &days, o));
            tol.date_days = (uint32_t)days;
        }
        if (json_get(t, "amount") != NULL) {
            TRY(get_decimal(t, "amount", &tol.amount, o));
        }
        if (json_get(t, "match_window_days") != NULL) {
            TRY(get_int(t, "match_window_days", &days, o));
            tol.match_window_days = (uint32_t)days;
        }
    }
    TRY(coll_reconcile(reported, n_reported, posted, n_posted, &tol, &r));
    if ((want = get_array(c, "expected_matched")) != NULL) {
        TRY(coll_reconciliation_matched_count(r, &n));
        want_count(o, "expected_matched", n, want->count);
        for (i = 0; i < n && i < want->count; i++) {
            const json_value *w = tuple(want, i, 2, "expected_matched", o);
            size_t rep, post;
            if (w == NULL) {
                st = HARNESS_ERROR;
                goto done;
            }
            TRY(coll_reconciliation_matched_at(r, i, &rep, &post));
            TRY(want_index_value(o, "expected_matched (reported)", w->items[0], rep));
            TRY(want_index_value(o, "expected_matched (posted)", w->items[1], post));
        }
    }
    if ((want = get_array(c, "expected_discrepancies")) != NULL) {
        TRY(coll_reconciliation_discrepancy_count(r, &n));
        want_count(o, "expected_discrepancies", n, want->count);
        for (i = 0; i < n && i < want->count; i++) {
            const json_value *w = tuple(want, i, 5, "expected_discrepancies", o);
            coll_discrepancy d;
            const char *name;
            char what[64];
            if (w == NULL) {
                st = HARNESS_ERROR;
                goto done;
            }
            snprintf(what, sizeof what, "expected_discrepancies[%lu]", (unsigned long)i);
            TRY(coll_reconciliation_discrepancy_at(r, i, &d));
            TRY(coll_discrepancy_kind_name(d.kind, &name));
            TRY(want_text_value(o, what, w->items[0], name, strlen(name)));
            TRY(want_index_value(o, what, w->items[1], d.reported));
            TRY(want_index_value(o, what, w->items[2], d.posted));
            if (w->items[3]->type == JSON_NULL) {
                if (d.has_difference) {
                    mismatch(o, what, "a difference", "null");
                }
            } else if (!d.has_difference) {
                mismatch(o, what, "null", "a difference");
            } else {
                TRY(want_decimal_value(o, c, what, w->items[3], &d.difference));
            }
            TRY(want_text_value(o, what, w->items[4], d.resolution, d.resolution_len));
        }
    }
    st = COLL_OK;
done:
    coll_reconciliation_free(r);
    free(reported);
    free(posted);
    return check_error_value(c, st, o);
}

/* A list of [date, amount] pairs read as the field `key` (dated in vectors.rs). */
static coll_status dated_pairs(const json_value *c, const char *key, coll_date *dates, coll_decimal *amounts,
                               outcome *o) {
    const json_value *list = get_array(c, key);
    size_t i;
    coll_status st = COLL_OK;
    for (i = 0; list != NULL && i < list->count; i++) {
        const json_value *p = tuple(list, i, 2, key, o);
        if (p == NULL) {
            return HARNESS_ERROR;
        }
        TRY(date_value(p->items[0], key, &dates[i], o));
        TRY(decimal_value(p->items[1], key, &amounts[i], o));
    }
done:
    return st;
}

static coll_status op_compare_to_expected(const json_value *c, outcome *o) {
    const json_value *exp = get_array(c, "expected"), *rec = get_array(c, "received"), *want;
    coll_expected_installment *plan = NULL;
    coll_dated_amount *paid = NULL;
    coll_date *dates = NULL;
    coll_decimal *amounts = NULL;
    coll_expected_comparison *cmp = NULL;
    coll_date as_of;
    long long grace;
    size_t i, n, most;
    coll_status st;
    if (exp == NULL || rec == NULL) {
        return harness(o, "missing list", "expected or received");
    }
    most = (exp->count > rec->count ? exp->count : rec->count) + 1;
    plan = (coll_expected_installment *)calloc(exp->count + 1, sizeof *plan);
    paid = (coll_dated_amount *)calloc(rec->count + 1, sizeof *paid);
    dates = (coll_date *)calloc(most, sizeof *dates);
    amounts = (coll_decimal *)calloc(most, sizeof *amounts);
    if (plan == NULL || paid == NULL || dates == NULL || amounts == NULL) {
        st = harness(o, "out of memory for", "compare_to_expected");
        goto done;
    }
    TRY(dated_pairs(c, "expected", dates, amounts, o));
    for (i = 0; i < exp->count; i++) {
        plan[i].due_date = dates[i];
        plan[i].amount = amounts[i];
    }
    TRY(dated_pairs(c, "received", dates, amounts, o));
    for (i = 0; i < rec->count; i++) {
        paid[i].date = dates[i];
        paid[i].amount = amounts[i];
    }
    TRY(opt_int(c, "grace_days", 0, &grace, o));
    TRY(get_date(c, "as_of", &as_of, o));
    TRY(coll_compare_to_expected(plan, exp->count, paid, rec->count, (uint32_t)grace, as_of, &cmp));
    if ((want = get_array(c, "expected_installments")) != NULL) {
        TRY(coll_expected_comparison_installment_count(cmp, &n));
        want_count(o, "expected_installments", n, want->count);
        for (i = 0; i < n && i < want->count; i++) {
            const json_value *w = tuple(want, i, 5, "expected_installments", o);
            coll_expected_outcome out;
            const char *name;
            char what[64];
            if (w == NULL) {
                st = HARNESS_ERROR;
                goto done;
            }
            snprintf(what, sizeof what, "expected_installments[%lu]", (unsigned long)i);
            TRY(coll_expected_comparison_installment_at(cmp, i, &out));
            TRY(coll_expected_status_name(out.status, &name));
            TRY(want_decimal_value(o, c, what, w->items[0], &out.covered));
            TRY(want_decimal_value(o, c, what, w->items[1], &out.shortfall));
            TRY(want_date_value(o, what, w->items[2], out.has_paid_on, out.paid_on));
            TRY(want_decimal_value(o, c, what, w->items[3], &out.over));
            TRY(want_text_value(o, what, w->items[4], name, strlen(name)));
        }
    }
    if (json_get(c, "expected_unapplied") != NULL) {
        coll_decimal unapplied;
        TRY(coll_expected_comparison_unapplied(cmp, &unapplied));
        TRY(want_decimal_value(o, c, "expected_unapplied", json_get(c, "expected_unapplied"), &unapplied));
    }
    st = COLL_OK;
done:
    coll_expected_comparison_free(cmp);
    free(plan);
    free(paid);
    free(dates);
    free(amounts);
    return check_error_value(c, st, o);
}

/* ---- affordability (tests/vectors/README.md: affordability.json) */

/* A mismatch when the case states none of the results an op computes (the Rust runner's rule). */
static void want_some(outcome *o, const json_value *c, const char *const *keys, size_t n) {
    size_t i;
    for (i = 0; i < n; i++) {
        if (json_get(c, keys[i]) != NULL) {
            return;
        }
    }
    mismatch(o, "the case", "no expected value stated", keys[0]);
}

static coll_status op_to_monthly(const json_value *c, outcome *o) {
    coll_decimal amount, got;
    coll_frequency frequency;
    coll_currency currency;
    coll_rounding_mode rounding;
    const char *want, *mode;
    coll_status st;
    TRY(get_decimal(c, "amount", &amount, o));
    TRY(get_frequency(c, "frequency", &frequency, o));
    TRY(get_currency(c, "currency", &currency, o));
    TRY(get_text(c, "rounding", &mode, o));
    TRY(coll_rounding_mode_from_name(mode, strlen(mode), &rounding));
    TRY(coll_to_monthly(&amount, &frequency, &currency, rounding, &got));
    TRY(get_text(c, "expected", &want, o));
    st = expect_decimal(o, c, "expected", &got, want);
done:
    return check_error_value(c, st, o);
}

/* The case's household: `adults` and the other counts (0 when absent), and the region if any. */
static coll_status household_of(const json_value *h, coll_household *out, outcome *o) {
    static const char *const keys[7] = {"adults",          "children_under_16", "children_16_to_18",
                                        "other_dependants", "non_dependants",    "aged_65_or_over",
                                        "vehicles"};
    uint32_t *fields[7];
    const char *region;
    size_t i;
    coll_status st;
    if (h == NULL || h->type != JSON_OBJECT) {
        return harness(o, "missing object", "household");
    }
    if ((st = coll_household_init(0, out)) != COLL_OK) {
        return st;
    }
    fields[0] = &out->adults;
    fields[1] = &out->children_under_16;
    fields[2] = &out->children_16_to_18;
    fields[3] = &out->other_dependants;
    fields[4] = &out->non_dependants;
    fields[5] = &out->aged_65_or_over;
    fields[6] = &out->vehicles;
    for (i = 0; i < 7; i++) {
        if (json_get(h, keys[i]) != NULL && (st = get_u32(h, keys[i], fields[i], o)) != COLL_OK) {
            return st;
        }
    }
    region = json_string(json_get(h, "region"));
    if (region != NULL) {
        out->region = region;
        out->region_len = strlen(region);
    }
    return COLL_OK;
}

/* The case's statement: `currency`, `items` ([category, amount, frequency], an optional label), the
 * optional `rounding`, `date` and `household`, read in the Rust runner's order. */
static coll_status statement_of(const json_value *c, coll_statement **out, outcome *o) {
    const json_value *items = get_array(c, "items");
    const char *mode = opt_text(c, "rounding");
    coll_statement_item *list = NULL;
    coll_currency currency;
    coll_household household;
    coll_rounding_mode rounding = COLL_ROUND_HALF_UP;
    coll_date date;
    size_t i;
    coll_status st;
    if (items == NULL) {
        return harness(o, "missing list", "items");
    }
    TRY(get_currency(c, "currency", &currency, o));
    list = (coll_statement_item *)calloc(items->count + 1, sizeof *list);
    if (list == NULL) {
        return harness(o, "out of memory for", "items");
    }
    for (i = 0; i < items->count; i++) {
        const json_value *it = items->items[i];
        const char *category, *frequency;
        if (it->type != JSON_ARRAY || (it->count != 3 && it->count != 4) ||
            (category = json_string(it->items[0])) == NULL || (frequency = json_string(it->items[2])) == NULL ||
            (it->count == 4 && json_string(it->items[3]) == NULL)) {
            st = harness(o, "not a [category, amount, frequency] item in", "items");
            goto done;
        }
        TRY(coll_category_from_name(category, strlen(category), &list[i].category));
        TRY(decimal_value(it->items[1], "amount", &list[i].amount, o));
        TRY(coll_frequency_from_name(frequency, strlen(frequency), &list[i].frequency));
        if (it->count == 4) {
            list[i].label = it->items[3]->text;
            list[i].label_len = it->items[3]->text_len;
        }
    }
    if (mode != NULL) {
        TRY(coll_rounding_mode_from_name(mode, strlen(mode), &rounding));
    }
    TRY(get_date(c, "date", &date, o));
    TRY(household_of(json_get(c, "household"), &household, o));
    st = coll_statement_new(date, &currency, &household, list, items->count, rounding, out);
done:
    free(list);
    return st;
}

/* The case's assessment: its statement against `guidelines` ("irs", a list of tables in JSON, or none)
 * under `policy`. */
static coll_status assessment_of(const json_value *c, coll_assessment **out, outcome *o) {
    const json_value *tables = json_get(c, "guidelines"), *p = json_get(c, "policy"), *cont;
    coll_statement *s = NULL;
    coll_guidelines *g = NULL;
    coll_assessment_policy policy;
    char *json = NULL;
    size_t len;
    coll_status st;
    TRY(statement_of(c, &s, o));
    if (tables != NULL && tables->type == JSON_STRING && strcmp(tables->text, "irs") == 0) {
        TRY(coll_guidelines_irs(&g));
    } else if (tables != NULL && tables->type != JSON_NULL) {
        if ((json = json_write(tables, &len)) == NULL) {
            st = harness(o, "cannot write", "guidelines");
            goto done;
        }
        TRY(coll_guidelines_from_json(json, len, &g));
    }
    TRY(coll_assessment_policy_init(&policy));
    if (p != NULL) {
        if ((cont = json_get(p, "contingency")) != NULL) {
            policy.has_contingency = 1;
            TRY(get_decimal(cont, "percent", &policy.contingency.percent, o));
            TRY(get_decimal(cont, "cap", &policy.contingency.cap, o));
        }
        if (json_get(p, "low_spending_fraction") != NULL) {
            TRY(get_decimal(p, "low_spending_fraction", &policy.low_spending_fraction, o));
        }
        if (json_get(p, "debt_administration_fee") != NULL) {
            TRY(get_decimal(p, "debt_administration_fee", &policy.debt_administration_fee, o));
        }
    }
    st = coll_assess(s, g, &policy, out);
done:
    coll_statement_free(s);
    coll_guidelines_free(g);
    free(json);
    return st;
}

/* The expected list `key` of a case, its length compared with the `n` items computed: NULL when the case
 * does not state it, a harness error when it is no list. */
static coll_status expected_list(outcome *o, const json_value *c, const char *key, size_t n,
                                 const json_value **out) {
    const json_value *v = json_get(c, key);
    if (v != NULL && v->type != JSON_ARRAY) {
        return harness(o, "not a list:", key);
    }
    if (v != NULL) {
        want_count(o, key, n, v->count);
    }
    *out = v;
    return COLL_OK;
}

/* Item `i` of an expected list, a list of `arity` values, with its name (`key[i]`) in `what`; NULL (a
 * harness error noted) when it is not such a list. */
static const json_value *expected_item(outcome *o, const json_value *list, size_t i, size_t arity, const char *key,
                                       char *what, size_t cap) {
    snprintf(what, cap, "%s[%lu]", key, (unsigned long)i);
    return tuple(list, i, arity, key, o);
}

static const char *const ASSESS_KEYS[] = {
    "expected_income",     "expected_expenditure", "expected_allowable_expenditure",
    "expected_surplus",    "expected_contingency", "expected_disposable_income",
    "expected_table",      "expected_guidelines",  "expected_flags"};

static coll_status op_assess(const json_value *c, outcome *o) {
    coll_assessment *a = NULL;
    coll_assessment_figures f;
    const json_value *want;
    char what[64];
    size_t n, i;
    coll_status st;
    TRY(assessment_of(c, &a, o));
    want_some(o, c, ASSESS_KEYS, sizeof ASSESS_KEYS / sizeof ASSESS_KEYS[0]);
    TRY(coll_assessment_get_figures(a, &f));
    want_decimal(o, c, "expected_income", &f.income);
    want_decimal(o, c, "expected_expenditure", &f.expenditure);
    want_decimal(o, c, "expected_allowable_expenditure", &f.allowable_expenditure);
    want_decimal(o, c, "expected_surplus", &f.surplus);
    want_decimal(o, c, "expected_contingency", &f.contingency);
    want_decimal(o, c, "expected_disposable_income", &f.disposable_income);
    want_text(o, c, "expected_table", f.table, f.table_len);
    TRY(coll_assessment_guideline_count(a, &n));
    TRY(expected_list(o, c, "expected_guidelines", n, &want));
    for (i = 0; want != NULL && i < n && i < want->count; i++) {
        const json_value *w = expected_item(o, want, i, 5, "expected_guidelines", what, sizeof what);
        coll_guideline_use u;
        const char *rule;
        if (w == NULL) {
            st = HARNESS_ERROR;
            goto done;
        }
        TRY(coll_assessment_guideline_at(a, i, &u));
        TRY(coll_guideline_rule_name(u.rule, &rule));
        TRY(want_text_value(o, what, w->items[0], u.guideline, u.guideline_len));
        TRY(want_text_value(o, what, w->items[1], rule, strlen(rule)));
        TRY(want_decimal_value(o, c, what, w->items[2], &u.actual));
        TRY(want_decimal_value(o, c, what, w->items[3], &u.standard));
        TRY(want_decimal_value(o, c, what, w->items[4], &u.allowed));
    }
    TRY(coll_assessment_flag_count(a, &n));
    TRY(expected_list(o, c, "expected_flags", n, &want));
    for (i = 0; want != NULL && i < n && i < want->count; i++) {
        const json_value *w = expected_item(o, want, i, 3, "expected_flags", what, sizeof what);
        coll_assessment_flag flag;
        const char *kind;
        if (w == NULL) {
            st = HARNESS_ERROR;
            goto done;
        }
        TRY(coll_assessment_flag_at(a, i, &flag));
        TRY(coll_flag_kind_name(flag.kind, &kind));
        TRY(want_text_value(o, what, w->items[0], flag.guideline, flag.guideline_len));
        TRY(want_text_value(o, what, w->items[1], kind, strlen(kind)));
        TRY(want_decimal_value(o, c, what, w->items[2], &flag.difference));
    }
    st = COLL_OK;
done:
    coll_assessment_free(a);
    return check_error_value(c, st, o);
}

static const char *const FAIR_SHARE_KEYS[] = {"expected_offers", "expected_total", "expected_no_surplus",
                                              "expected_minimum_set_aside"};

static coll_status op_fair_share(const json_value *c, outcome *o) {
    const json_value *list = get_array(c, "creditors"), *want;
    coll_creditor *creditors = NULL;
    coll_offer_policy policy;
    coll_decimal available;
    coll_currency currency;
    coll_fair_share *f = NULL;
    coll_fair_share_totals t;
    char what[64];
    size_t i, n;
    coll_status st;
    if (list == NULL) {
        return harness(o, "missing list", "creditors");
    }
    creditors = (coll_creditor *)calloc(list->count + 1, sizeof *creditors);
    if (creditors == NULL) {
        return harness(o, "out of memory for", "creditors");
    }
    for (i = 0; i < list->count; i++) {
        const json_value *cr = tuple(list, i, 2, "creditors", o);
        if (cr == NULL || json_string(cr->items[0]) == NULL) {
            st = harness(o, "not an [id, balance] pair in", "creditors");
            goto done;
        }
        creditors[i].id = cr->items[0]->text;
        creditors[i].id_len = cr->items[0]->text_len;
        TRY(decimal_value(cr->items[1], "balance", &creditors[i].balance, o));
    }
    TRY(coll_offer_policy_init(&policy));
    if (json_get(c, "token_payment") != NULL) {
        TRY(get_decimal(c, "token_payment", &policy.token_payment, o));
    }
    if (json_get(c, "minimum") != NULL) {
        TRY(get_decimal(c, "minimum", &policy.minimum, o));
    }
    TRY(get_decimal(c, "available", &available, o));
    TRY(get_currency(c, "currency", &currency, o));
    TRY(coll_fair_share_new(&available, &currency, list->count ? creditors : NULL, list->count, &policy, &f));
    want_some(o, c, FAIR_SHARE_KEYS, sizeof FAIR_SHARE_KEYS / sizeof FAIR_SHARE_KEYS[0]);
    TRY(coll_fair_share_offer_count(f, &n));
    TRY(expected_list(o, c, "expected_offers", n, &want));
    for (i = 0; want != NULL && i < n && i < want->count; i++) {
        const json_value *w = expected_item(o, want, i, 2, "expected_offers", what, sizeof what);
        coll_offer offer;
        const char *basis;
        if (w == NULL) {
            st = HARNESS_ERROR;
            goto done;
        }
        TRY(coll_fair_share_offer_at(f, i, &offer));
        TRY(coll_offer_basis_name(offer.basis, &basis));
        TRY(want_decimal_value(o, c, what, w->items[0], &offer.amount));
        TRY(want_text_value(o, what, w->items[1], basis, strlen(basis)));
    }
    TRY(coll_fair_share_get_totals(f, &t));
    want_decimal(o, c, "expected_total", &t.total);
    want_bool(o, c, "expected_no_surplus", t.no_surplus);
    want_bool(o, c, "expected_minimum_set_aside", t.minimum_set_aside);
    st = COLL_OK;
done:
    coll_fair_share_free(f);
    free(creditors);
    return check_error_value(c, st, o);
}

/* The case's plan policy: "default" (or absent), "irs_streamlined", or an object of overrides. */
static coll_status plan_policy_of(const json_value *c, coll_plan_policy *out, outcome *o) {
    const json_value *p = json_get(c, "plan_policy");
    const char *freeze;
    coll_status st;
    if (p != NULL && p->type == JSON_STRING && strcmp(p->text, "irs_streamlined") == 0) {
        return coll_plan_policy_irs_streamlined(out);
    }
    TRY(coll_plan_policy_init(out));
    if (p == NULL || p->type != JSON_OBJECT) {
        return COLL_OK;
    }
    if (json_get(p, "max_term_months") != NULL) {
        TRY(get_u32(p, "max_term_months", &out->max_term_months, o));
    }
    if (json_get(p, "minimum_payment") != NULL) {
        out->minimum_payment_kind = COLL_MINIMUM_PAYMENT_FIXED;
        TRY(get_decimal(p, "minimum_payment", &out->minimum_payment, o));
    }
    if (json_get(p, "max_share_of_surplus") != NULL) {
        TRY(get_decimal(p, "max_share_of_surplus", &out->max_share_of_surplus, o));
    }
    if ((freeze = opt_text(p, "freeze_interest")) != NULL) {
        TRY(coll_freeze_interest_from_name(freeze, strlen(freeze), &out->freeze_interest));
    }
    if (json_get(p, "token_payment") != NULL) {
        TRY(get_decimal(p, "token_payment", &out->token_payment, o));
    }
    if (json_get(p, "breathing_space_days") != NULL) {
        TRY(get_u32(p, "breathing_space_days", &out->breathing_space_days, o));
    }
    if (json_get(p, "forbearance_months") != NULL) {
        TRY(get_u32(p, "forbearance_months", &out->forbearance_months, o));
    }
done:
    return st;
}

static const char *const RECOMMEND_KEYS[] = {"expected_plans"};

static coll_status op_recommend(const json_value *c, outcome *o) {
    const json_value *list = get_array(c, "debts"), *want;
    coll_assessment *a = NULL;
    coll_plan_debt *debts = NULL;
    coll_plan_policy policy;
    coll_recommendations *r = NULL;
    char what[64];
    size_t i, n;
    coll_status st;
    if (list == NULL) {
        return harness(o, "missing list", "debts");
    }
    TRY(assessment_of(c, &a, o));
    debts = (coll_plan_debt *)calloc(list->count + 1, sizeof *debts);
    if (debts == NULL) {
        st = harness(o, "out of memory for", "debts");
        goto done;
    }
    for (i = 0; i < list->count; i++) {
        const json_value *d = tuple(list, i, 3, "debts", o);
        if (d == NULL || json_string(d->items[0]) == NULL) {
            st = harness(o, "not an [id, balance, annual rate] triple in", "debts");
            goto done;
        }
        debts[i].id = d->items[0]->text;
        debts[i].id_len = d->items[0]->text_len;
        TRY(decimal_value(d->items[1], "balance", &debts[i].balance, o));
        TRY(decimal_value(d->items[2], "annual_rate", &debts[i].annual_rate, o));
    }
    TRY(plan_policy_of(c, &policy, o));
    TRY(coll_recommend(a, list->count ? debts : NULL, list->count, &policy, &r));
    want_some(o, c, RECOMMEND_KEYS, 1);
    TRY(coll_recommendations_count(r, &n));
    TRY(expected_list(o, c, "expected_plans", n, &want));
    for (i = 0; want != NULL && i < n && i < want->count; i++) {
        /* [id, fair share, payment, term, final payment, frozen], or [id, fair share, null]. */
        const json_value *w = want->items[i];
        coll_recommendation rec;
        uint32_t term;
        int none = w->type == JSON_ARRAY && w->count == 3 && w->items[2]->type == JSON_NULL;
        if (!none && (w->type != JSON_ARRAY || w->count != 6 || !u32_of(w->items[3], &term) ||
                      w->items[5]->type != JSON_BOOL)) {
            st = harness(o, "not a plan or [id, fair share, null] in", "expected_plans");
            goto done;
        }
        snprintf(what, sizeof what, "expected_plans[%lu]", (unsigned long)i);
        TRY(coll_recommendations_at(r, i, &rec));
        TRY(want_text_value(o, what, w->items[0], rec.debt, rec.debt_len));
        TRY(want_decimal_value(o, c, what, w->items[1], &rec.fair_share));
        if (none || !rec.has_plan) {
            if (!none || rec.has_plan) {
                mismatch(o, what, rec.has_plan ? "a plan" : "no plan", none ? "none" : "a plan");
            }
            continue;
        }
        TRY(want_decimal_value(o, c, what, w->items[2], &rec.plan.payment));
        expect_int(o, what, rec.plan.term_months, term);
        TRY(want_decimal_value(o, c, what, w->items[4], &rec.plan.final_payment));
        if (!w->items[5]->boolean != !rec.plan.freeze_interest) {
            mismatch(o, what, rec.plan.freeze_interest ? "interest frozen" : "not frozen",
                     w->items[5]->boolean ? "frozen" : "not frozen");
        }
    }
    st = COLL_OK;
done:
    coll_recommendations_free(r);
    coll_assessment_free(a);
    free(debts);
    return check_error_value(c, st, o);
}

static const char *const CSV_KEYS[] = {"expected_tables"};

static coll_status op_guidelines_csv(const json_value *c, outcome *o) {
    const json_value *want;
    coll_guidelines *g = NULL;
    const char *csv;
    char what[64];
    size_t i, n;
    coll_status st;
    TRY(get_text(c, "csv", &csv, o));
    TRY(coll_guidelines_from_csv(csv, strlen(csv), &g));
    want_some(o, c, CSV_KEYS, 1);
    TRY(coll_guidelines_table_count(g, &n));
    TRY(expected_list(o, c, "expected_tables", n, &want));
    for (i = 0; want != NULL && i < n && i < want->count; i++) {
        const json_value *w = expected_item(o, want, i, 3, "expected_tables", what, sizeof what);
        coll_guideline_table t;
        uint32_t rows;
        if (w == NULL || !u32_of(w->items[2], &rows)) {
            st = harness(o, "not a [name, effective, row count] table in", "expected_tables");
            goto done;
        }
        TRY(coll_guidelines_table_at(g, i, &t));
        TRY(want_text_value(o, what, w->items[0], t.name, t.name_len));
        TRY(expect_date(o, what, t.effective, json_string(w->items[1])));
        expect_int(o, what, (long long)t.n_rows, rows);
    }
    st = COLL_OK;
done:
    coll_guidelines_free(g);
    return check_error_value(c, st, o);
}

/* ---------------------------------------------------------------- contact rules */

/* tests/vectors/contact.json: `policy`, `profile`, `history` and `request` are the core's own JSON
 * objects, re-serialized and read by the `_from_json` functions (`history` may be absent: none). */
typedef struct {
    coll_contact_policy *policy;
    coll_contact_profile *profile;
    coll_contact_history *history;
    coll_contact_request *request;
} contact_inputs;

static void contact_free(contact_inputs *in) {
    coll_contact_policy_free(in->policy);
    coll_contact_profile_free(in->profile);
    coll_contact_history_free(in->history);
    coll_contact_request_free(in->request);
}

static coll_status contact_load(const json_value *c, contact_inputs *in, outcome *o) {
    static const char *const keys[4] = {"policy", "profile", "history", "request"};
    size_t i;
    memset(in, 0, sizeof *in);
    for (i = 0; i < 4; i++) {
        const json_value *v = json_get(c, keys[i]);
        size_t len = 0;
        char *text;
        coll_status st = COLL_OK;
        if (v == NULL && i == 2) {
            st = coll_contact_history_new(&in->history);
            if (st != COLL_OK) {
                return st;
            }
            continue;
        }
        if (v == NULL) {
            return harness(o, "missing object", keys[i]);
        }
        text = json_write(v, &len);
        if (text == NULL) {
            return harness(o, "cannot write the JSON of", keys[i]);
        }
        switch (i) {
        case 0:
            st = coll_contact_policy_from_json(text, len, &in->policy);
            break;
        case 1:
            st = coll_contact_profile_from_json(text, len, &in->profile);
            break;
        case 2:
            st = coll_contact_history_from_json(text, len, &in->history);
            break;
        default:
            st = coll_contact_request_from_json(text, len, &in->request);
            break;
        }
        free(text);
        if (st != COLL_OK) {
            return st;
        }
    }
    return COLL_OK;
}

static void instant_text(int64_t t, char *buf, size_t cap) {
    size_t n;
    if (coll_instant_to_rfc3339(t, buf, cap, &n) != COLL_OK) {
        snprintf(buf, cap, "%lld seconds", (long long)t);
    }
}

/* An instant (Unix seconds) against RFC 3339 text, compared as instants. */
static coll_status expect_instant(outcome *o, const char *what, int64_t got, const json_value *want) {
    const char *s = json_string(want);
    int64_t w;
    char g[64];
    if (s == NULL || coll_instant_from_rfc3339(s, strlen(s), &w) != COLL_OK) {
        return harness(o, "not an RFC 3339 instant in", what);
    }
    if (got != w) {
        instant_text(got, g, sizeof g);
        mismatch(o, what, g, s);
    }
    return COLL_OK;
}

/* Text lent by the library against a JSON string. */
static void expect_lent(outcome *o, const char *what, const char *got, size_t got_len, const json_value *want) {
    const char *w = json_string(want);
    if (w == NULL || strlen(w) != got_len || memcmp(w, got, got_len) != 0) {
        char g[256];
        snprintf(g, sizeof g, "%.*s", (int)(got_len < 200 ? got_len : 200), got);
        mismatch(o, what, g, w == NULL ? "(not text)" : w);
    }
}

/* The decision's reason rule ids (warnings: codes) against a list of names, in order. */
static coll_status expect_decision_names(outcome *o, const json_value *c, const char *key,
                                         const coll_contact_decision *d, int warnings) {
    const json_value *want = json_get(c, key);
    size_t n, i;
    coll_status st;
    if (want == NULL) {
        return COLL_OK;
    }
    if (want->type != JSON_ARRAY) {
        return harness(o, "not a list:", key);
    }
    st = warnings ? coll_contact_decision_warning_count(d, &n) : coll_contact_decision_reason_count(d, &n);
    if (st != COLL_OK) {
        return st;
    }
    want_count(o, key, n, want->count);
    for (i = 0; i < n && i < want->count; i++) {
        if (warnings) {
            coll_contact_warning w;
            if ((st = coll_contact_decision_warning_at(d, i, &w)) != COLL_OK) {
                return st;
            }
            expect_lent(o, key, w.code, w.code_len, want->items[i]);
        } else {
            coll_contact_reason r;
            if ((st = coll_contact_decision_reason_at(d, i, &r)) != COLL_OK) {
                return st;
            }
            expect_lent(o, key, r.rule, r.rule_len, want->items[i]);
        }
    }
    return COLL_OK;
}

static coll_status op_contact_evaluate(const json_value *c, outcome *o) {
    contact_inputs in;
    coll_contact_decision *d = NULL;
    const json_value *want;
    bool allowed;
    uint8_t has;
    int64_t next;
    coll_status st;
    TRY(contact_load(c, &in, o));
    TRY(coll_contact_evaluate(in.policy, in.profile, in.history, in.request, &d));
    TRY(coll_contact_decision_allowed(d, &allowed));
    want_bool(o, c, "expected_allowed", allowed);
    TRY(expect_decision_names(o, c, "expected_rules", d, 0));
    TRY(expect_decision_names(o, c, "expected_warnings", d, 1));
    if ((want = json_get(c, "expected_next_eligible")) != NULL) {
        char g[64];
        TRY(coll_contact_decision_next_eligible(d, &has, &next));
        if (want->type == JSON_NULL) {
            if (has) {
                instant_text(next, g, sizeof g);
                mismatch(o, "expected_next_eligible", g, "null");
            }
        } else if (!has) {
            mismatch(o, "expected_next_eligible", "null", json_string(want) ? json_string(want) : "(not text)");
        } else {
            TRY(expect_instant(o, "expected_next_eligible", next, want));
        }
        /* The standalone search agrees with the decision. */
        {
            uint8_t has2;
            int64_t next2;
            TRY(coll_contact_next_eligible(in.policy, in.profile, in.history, in.request, &has2, &next2));
            if (has2 != has || next2 != next) {
                instant_text(next2, g, sizeof g);
                mismatch(o, "coll_contact_next_eligible", has2 ? g : "null", "the decision's next eligible instant");
            }
        }
    }
    st = COLL_OK;
done:
    coll_contact_decision_free(d);
    contact_free(&in);
    return st;
}

static coll_status op_contact_windows(const json_value *c, outcome *o) {
    contact_inputs in;
    coll_contact_windows *w = NULL;
    const json_value *want;
    long long days;
    size_t n, i;
    coll_status st;
    TRY(contact_load(c, &in, o));
    TRY(get_int(c, "days", &days, o));
    if (days < 0 || days > 0xFFFFFFFFLL) {
        st = harness(o, "not a day count:", "days");
        goto done;
    }
    TRY(coll_contact_eligible_windows(in.policy, in.profile, in.history, in.request, (uint32_t)days, &w));
    TRY(coll_contact_windows_count(w, &n));
    want = json_get(c, "expected_windows");
    if (want != NULL) {
        if (want->type != JSON_ARRAY) {
            st = harness(o, "not a list:", "expected_windows");
            goto done;
        }
        want_count(o, "expected_windows", n, want->count);
        for (i = 0; i < n && i < want->count; i++) {
            coll_contact_window got;
            const json_value *pair = tuple(want, i, 2, "expected_windows", o);
            if (pair == NULL) {
                st = HARNESS_ERROR;
                goto done;
            }
            TRY(coll_contact_windows_at(w, i, &got));
            TRY(expect_instant(o, "expected_windows start", got.start, pair->items[0]));
            TRY(expect_instant(o, "expected_windows end", got.end, pair->items[1]));
        }
    }
    st = COLL_OK;
done:
    coll_contact_windows_free(w);
    contact_free(&in);
    return st;
}

/* ---- repayment plans (tests/vectors/README.md: plan.json) */

/* The JSON of `v` read by `from_json` (a coll_<type>_from_json taking text and an out-pointer). */
static coll_status arrangement_of(const json_value *v, coll_arrangement **out, outcome *o) {
    size_t len = 0;
    char *text;
    coll_status st;
    if (v == NULL) {
        return harness(o, "missing object", "arrangement");
    }
    text = json_write(v, &len);
    if (text == NULL) {
        return harness(o, "cannot write the JSON of", "arrangement");
    }
    st = coll_arrangement_from_json(text, len, out);
    free(text);
    return st;
}

/* A list of [date, amount] pairs as promises (`key` names the field read). */
static coll_status promise_pairs(const json_value *list, const char *key, coll_promise **out, size_t *n,
                                 outcome *o) {
    size_t i;
    coll_status st = COLL_OK;
    if (list == NULL || list->type != JSON_ARRAY) {
        return harness(o, "missing list", key);
    }
    *n = list->count;
    *out = (coll_promise *)calloc(list->count + 1, sizeof **out);
    if (*out == NULL) {
        return harness(o, "out of memory for", key);
    }
    for (i = 0; i < list->count; i++) {
        const json_value *pair = tuple(list, i, 2, key, o);
        if (pair == NULL) {
            return HARNESS_ERROR;
        }
        TRY(date_value(pair->items[0], key, &(*out)[i].date, o));
        TRY(decimal_value(pair->items[1], key, &(*out)[i].amount, o));
    }
done:
    return st;
}

/* `probabilities` (the core's JSON: {"kind", "value"?}) as a coll_probabilities; absent is certain. The
 * per-installment values go to `*values` (the caller frees it). */
static coll_status probabilities_of(const json_value *v, coll_probabilities *out, coll_decimal **values,
                                    outcome *o) {
    const char *kind;
    const json_value *value;
    size_t i;
    coll_status st = COLL_OK;
    memset(out, 0, sizeof *out);
    *values = NULL;
    TRY(decimal_of("0", &out->hazard));
    out->kind = COLL_PROBABILITIES_CERTAIN;
    if (v == NULL) {
        return COLL_OK;
    }
    kind = opt_text(v, "kind");
    if (kind == NULL) {
        return harness(o, "no kind in", "probabilities");
    }
    TRY(coll_probabilities_kind_from_name(kind, strlen(kind), &out->kind));
    value = json_get(v, "value");
    if (out->kind == COLL_PROBABILITIES_PER_INSTALLMENT) {
        if (value == NULL || value->type != JSON_ARRAY) {
            return harness(o, "no list of values in", "probabilities");
        }
        *values = (coll_decimal *)calloc(value->count + 1, sizeof **values);
        if (*values == NULL) {
            return harness(o, "out of memory for", "probabilities");
        }
        for (i = 0; i < value->count; i++) {
            TRY(decimal_value(value->items[i], "probabilities", &(*values)[i], o));
        }
        out->values = *values;
        out->n_values = value->count;
    } else if (out->kind == COLL_PROBABILITIES_CONSTANT_HAZARD) {
        if (value == NULL) {
            return harness(o, "no hazard in", "probabilities");
        }
        TRY(decimal_value(value, "hazard", &out->hazard, o));
    }
done:
    return st;
}

/* A struct read from the JSON of member `key` by `from_json`, when the member is there. */
typedef coll_status (*struct_from_json)(const char *, size_t, void *);

static coll_status struct_of(const json_value *c, const char *key, struct_from_json from_json, void *out, int *given,
                             outcome *o) {
    const json_value *v = json_get(c, key);
    size_t len = 0;
    char *text;
    coll_status st;
    *given = v != NULL && v->type != JSON_NULL;
    if (!*given) {
        return COLL_OK;
    }
    text = json_write(v, &len);
    if (text == NULL) {
        return harness(o, "cannot write the JSON of", key);
    }
    st = from_json(text, len, out);
    free(text);
    return st;
}

static coll_status break_rule_json(const char *text, size_t len, void *out) {
    return coll_break_rule_from_json(text, len, (coll_break_rule *)out);
}

static coll_status replan_json(const char *text, size_t len, void *out) {
    return coll_replan_terms_from_json(text, len, (coll_replan_terms *)out);
}

static coll_status bounds_json(const char *text, size_t len, void *out) {
    return coll_plan_bounds_from_json(text, len, (coll_plan_bounds *)out);
}

static coll_status state_json(const char *text, size_t len, void *out) {
    return coll_account_state_from_json(text, len, (coll_account_state *)out);
}

/* The `track` inputs of `c` (arrangement, payments, as_of, break_rule?) tracked. */
static coll_status tracking_of(const json_value *c, coll_arrangement **a, coll_tracking **t, outcome *o) {
    coll_promise *pairs = NULL;
    coll_plan_payment *payments = NULL;
    coll_break_rule rule;
    coll_date as_of;
    size_t n = 0, i;
    int has_rule;
    coll_status st;
    TRY(arrangement_of(json_get(c, "arrangement"), a, o));
    TRY(promise_pairs(get_array(c, "payments"), "payments", &pairs, &n, o));
    payments = (coll_plan_payment *)calloc(n + 1, sizeof *payments);
    if (payments == NULL) {
        st = harness(o, "out of memory for", "payments");
        goto done;
    }
    for (i = 0; i < n; i++) {
        payments[i].date = pairs[i].date;
        payments[i].amount = pairs[i].amount;
    }
    TRY(get_date(c, "as_of", &as_of, o));
    TRY(struct_of(c, "break_rule", break_rule_json, &rule, &has_rule, o));
    TRY(coll_plan_track(*a, payments, n, as_of, has_rule ? &rule : NULL, t));
done:
    free(pairs);
    free(payments);
    return st;
}

/* An arrangement's promises against `expected_promises` ([date, amount] each). */
static coll_status expect_promises(outcome *o, const json_value *c, const coll_arrangement *a) {
    const json_value *want = get_array(c, "expected_promises");
    size_t n, i;
    coll_status st;
    if (want == NULL) {
        return COLL_OK;
    }
    TRY(coll_arrangement_promise_count(a, &n));
    want_count(o, "expected_promises", n, want->count);
    for (i = 0; i < n && i < want->count; i++) {
        coll_promise p;
        const json_value *pair = tuple(want, i, 2, "expected_promises", o);
        if (pair == NULL) {
            return HARNESS_ERROR;
        }
        TRY(coll_arrangement_promise_at(a, i, &p));
        TRY(expect_date(o, "expected_promises date", p.date, json_string(pair->items[0])));
        TRY(want_decimal_value(o, c, "expected_promises amount", pair->items[1], &p.amount));
    }
done:
    return st;
}

static coll_status op_plan_arrangement(const json_value *c, outcome *o) {
    const json_value *terms = json_get(c, "terms"), *down_json = get_array(c, "down_payment"), *shares;
    coll_promise *promises = NULL, *down = NULL;
    coll_arrangement *a = NULL;
    coll_decimal d;
    char *text = NULL;
    size_t n = 0, n_down = 0, len = 0, i, j;
    coll_status st;
    if (terms == NULL || (text = json_write(terms, &len)) == NULL) {
        return harness(o, "missing object", "terms");
    }
    TRY(promise_pairs(get_array(c, "promises"), "promises", &promises, &n, o));
    if (down_json != NULL) {
        json_value wrapper;
        json_value *items[1];
        memset(&wrapper, 0, sizeof wrapper);
        wrapper.type = JSON_ARRAY;
        wrapper.count = 1;
        items[0] = (json_value *)down_json;
        wrapper.items = items;
        TRY(promise_pairs(&wrapper, "promises", &down, &n_down, o));
    }
    TRY(coll_arrangement_new_with_terms_json(text, len, down, promises, n, &a));
    TRY(coll_arrangement_balance(a, &d));
    want_decimal(o, c, "expected_balance", &d);
    TRY(coll_arrangement_total_promised(a, &d));
    want_decimal(o, c, "expected_total_promised", &d);
    TRY(expect_promises(o, c, a));
    if ((shares = get_array(c, "expected_debt_shares")) != NULL) {
        for (i = 0; i < shares->count; i++) {
            coll_decimal row[64];
            const json_value *want = shares->items[i];
            if (want->type != JSON_ARRAY || want->count > 64) {
                st = harness(o, "not a list in", "expected_debt_shares");
                goto done;
            }
            TRY(coll_arrangement_debt_shares(a, i, row, 64, &len));
            want_count(o, "expected_debt_shares", len, want->count);
            for (j = 0; j < len && j < want->count; j++) {
                TRY(want_decimal_value(o, c, "expected_debt_shares", want->items[j], &row[j]));
            }
        }
        TRY(coll_arrangement_promise_count(a, &len));
        want_count(o, "expected_debt_shares", shares->count, len);
    }
    st = COLL_OK;
done:
    free(text);
    free(promises);
    free(down);
    coll_arrangement_free(a);
    return st;
}

/* A constant's name (from a coll_<enum>_name) against text or null. */
static coll_status expect_name(outcome *o, const char *what, coll_status (*name_of)(uint32_t, const char **),
                               uint32_t value, const json_value *want) {
    const char *name;
    coll_status st = name_of(value, &name);
    if (st != COLL_OK) {
        return st;
    }
    if (want == NULL || json_string(want) == NULL) {
        return harness(o, "not a name:", what);
    }
    if (strcmp(name, json_string(want)) != 0) {
        mismatch(o, what, name, json_string(want));
    }
    return COLL_OK;
}

static coll_status op_plan_track(const json_value *c, outcome *o) {
    coll_arrangement *a = NULL;
    coll_tracking *t = NULL;
    coll_tracking_summary s;
    const json_value *want;
    size_t i;
    coll_status st;
    TRY(tracking_of(c, &a, &t, o));
    TRY(coll_tracking_get_summary(t, &s));
    if (json_get(c, "expected_status") != NULL) {
        TRY(expect_name(o, "expected_status", coll_arrangement_status_name, s.status, json_get(c, "expected_status")));
    }
    want_date(o, c, "expected_status_date", s.has_status_date, s.status_date);
    want_decimal(o, c, "expected_paid", &s.paid);
    want_decimal(o, c, "expected_unmatched", &s.unmatched);
    want_decimal(o, c, "expected_tolerated_shortfall", &s.tolerated_shortfall);
    want_decimal(o, c, "expected_remaining", &s.remaining);
    want_int(o, c, "expected_missed", s.missed);
    if ((want = get_array(c, "expected_promises")) != NULL) {
        want_count(o, "expected_promises", s.n_promises, want->count);
        for (i = 0; i < s.n_promises && i < want->count; i++) {
            coll_promise_track p;
            const json_value *row = tuple(want, i, 3, "expected_promises", o);
            if (row == NULL) {
                st = HARNESS_ERROR;
                goto done;
            }
            TRY(coll_tracking_promise_at(t, i, &p));
            TRY(expect_name(o, "expected_promises status", coll_promise_status_name, p.status, row->items[0]));
            TRY(want_decimal_value(o, c, "expected_promises paid", row->items[1], &p.paid));
            TRY(want_decimal_value(o, c, "expected_promises paid_on_time", row->items[2], &p.paid_on_time));
        }
    }
    st = COLL_OK;
done:
    coll_tracking_free(t);
    coll_arrangement_free(a);
    return st;
}

static coll_status op_plan_replan(const json_value *c, outcome *o) {
    coll_arrangement *a = NULL, *r = NULL;
    coll_tracking *t = NULL;
    coll_replan_terms terms;
    coll_plan_bounds bounds;
    coll_decimal d;
    const json_value *want;
    int has_terms, has_bounds;
    size_t n, i;
    coll_status st;
    TRY(tracking_of(c, &a, &t, o));
    TRY(struct_of(c, "replan", replan_json, &terms, &has_terms, o));
    if (!has_terms) {
        st = harness(o, "missing object", "replan");
        goto done;
    }
    TRY(struct_of(c, "bounds", bounds_json, &bounds, &has_bounds, o));
    TRY(coll_arrangement_replan(a, t, &terms, has_bounds ? &bounds : NULL, &r));
    TRY(expect_promises(o, c, r));
    TRY(coll_arrangement_balance(r, &d));
    want_decimal(o, c, "expected_balance", &d);
    if ((want = get_array(c, "expected_debts")) != NULL) {
        TRY(coll_arrangement_debt_count(r, &n));
        want_count(o, "expected_debts", n, want->count);
        for (i = 0; i < n && i < want->count; i++) {
            coll_plan_debt debt;
            const json_value *row = tuple(want, i, 2, "expected_debts", o);
            if (row == NULL) {
                st = HARNESS_ERROR;
                goto done;
            }
            TRY(coll_arrangement_debt_at(r, i, &debt));
            if (json_string(row->items[0]) == NULL || strlen(json_string(row->items[0])) != debt.id_len ||
                memcmp(debt.id, json_string(row->items[0]), debt.id_len) != 0) {
                mismatch(o, "expected_debts id", debt.id, json_string(row->items[0]) ? json_string(row->items[0]) : "?");
            }
            TRY(want_decimal_value(o, c, "expected_debts balance", row->items[1], &debt.balance));
        }
    }
    st = COLL_OK;
done:
    coll_arrangement_free(r);
    coll_tracking_free(t);
    coll_arrangement_free(a);
    return st;
}

/* discount_rate, disposable_income? and rounding of a score or rank case. */
static coll_status scorer_of(const json_value *c, coll_decimal *rate, coll_decimal *income, int *has_income,
                             coll_rounding_mode *rounding, outcome *o) {
    coll_status st;
    TRY(get_decimal(c, "discount_rate", rate, o));
    *has_income = json_get(c, "disposable_income") != NULL && json_get(c, "disposable_income")->type != JSON_NULL;
    if (*has_income) {
        TRY(get_decimal(c, "disposable_income", income, o));
    }
    TRY(opt_mode(c, "rounding", rounding));
done:
    return st;
}

static coll_status op_plan_score(const json_value *c, outcome *o) {
    coll_arrangement *a = NULL;
    coll_probabilities p;
    coll_decimal *values = NULL, rate, income;
    coll_rounding_mode rounding;
    coll_plan_score_result s;
    const json_value *pti;
    int has_income;
    coll_status st;
    TRY(arrangement_of(json_get(c, "arrangement"), &a, o));
    TRY(scorer_of(c, &rate, &income, &has_income, &rounding, o));
    TRY(probabilities_of(json_get(c, "probabilities"), &p, &values, o));
    TRY(coll_plan_score(a, &p, rate, has_income ? &income : NULL, rounding, &s));
    want_decimal(o, c, "expected_total", &s.total);
    want_int(o, c, "expected_promise_count", s.promises);
    want_int(o, c, "expected_duration_days", s.duration_days);
    want_decimal(o, c, "expected_npv", &s.npv);
    want_decimal(o, c, "expected_recovery_ratio", &s.recovery_ratio);
    want_decimal(o, c, "expected_largest_monthly_payment", &s.largest_monthly_payment);
    if ((pti = json_get(c, "expected_payment_to_income")) != NULL) {
        if (pti->type == JSON_NULL) {
            if (s.has_payment_to_income) {
                mismatch(o, "expected_payment_to_income", "a ratio", "null");
            }
        } else if (!s.has_payment_to_income) {
            mismatch(o, "expected_payment_to_income", "null", json_scalar_text(pti) ? json_scalar_text(pti) : "?");
        } else {
            TRY(want_decimal_value(o, c, "expected_payment_to_income", pti, &s.payment_to_income));
        }
    }
    want_decimal(o, c, "expected_expected_value", &s.expected_value);
    want_decimal(o, c, "expected_expected_npv", &s.expected_npv);
    st = COLL_OK;
done:
    free(values);
    coll_arrangement_free(a);
    return st;
}

/* The `plans` of a rank or forecast case: arrangements and their probabilities. */
typedef struct {
    size_t n;
    coll_arrangement **plans;
    coll_probabilities *probabilities;
    coll_decimal **values;
} plan_list;

static void plan_list_free(plan_list *l) {
    size_t i;
    for (i = 0; i < l->n; i++) {
        coll_arrangement_free(l->plans[i]);
        free(l->values[i]);
    }
    free(l->plans);
    free(l->probabilities);
    free(l->values);
    memset(l, 0, sizeof *l);
}

static coll_status plan_list_of(const json_value *c, plan_list *l, outcome *o) {
    const json_value *plans = get_array(c, "plans");
    size_t i;
    coll_status st = COLL_OK;
    memset(l, 0, sizeof *l);
    if (plans == NULL) {
        return harness(o, "missing list", "plans");
    }
    l->plans = (coll_arrangement **)calloc(plans->count + 1, sizeof *l->plans);
    l->probabilities = (coll_probabilities *)calloc(plans->count + 1, sizeof *l->probabilities);
    l->values = (coll_decimal **)calloc(plans->count + 1, sizeof *l->values);
    if (l->plans == NULL || l->probabilities == NULL || l->values == NULL) {
        return harness(o, "out of memory for", "plans");
    }
    l->n = plans->count;
    for (i = 0; i < plans->count; i++) {
        TRY(arrangement_of(json_get(plans->items[i], "arrangement"), &l->plans[i], o));
        TRY(probabilities_of(json_get(plans->items[i], "probabilities"), &l->probabilities[i], &l->values[i], o));
    }
done:
    return st;
}

static coll_status op_plan_rank(const json_value *c, outcome *o) {
    plan_list l;
    coll_decimal rate, income;
    coll_rounding_mode rounding;
    coll_rank_by by = COLL_RANK_BY_EXPECTED_NPV;
    const json_value *want;
    size_t *order = NULL, n = 0, i;
    const char *by_name;
    int has_income;
    coll_status st;
    TRY(plan_list_of(c, &l, o));
    TRY(scorer_of(c, &rate, &income, &has_income, &rounding, o));
    if ((by_name = opt_text(c, "by")) != NULL) {
        TRY(coll_rank_by_from_name(by_name, strlen(by_name), &by));
    }
    order = (size_t *)calloc(l.n + 1, sizeof *order);
    if (order == NULL) {
        st = harness(o, "out of memory for", "order");
        goto done;
    }
    TRY(coll_plan_rank((const coll_arrangement *const *)l.plans, l.probabilities, l.n, rate,
                       has_income ? &income : NULL, rounding, by, order, NULL, l.n + 1, &n));
    if ((want = get_array(c, "expected_order")) != NULL) {
        want_count(o, "expected_order", n, want->count);
        for (i = 0; i < n && i < want->count; i++) {
            long long w = strtoll(json_scalar_text(want->items[i]) ? json_scalar_text(want->items[i]) : "-1", NULL, 10);
            expect_int(o, "expected_order", (long long)order[i], w);
        }
    }
    st = COLL_OK;
done:
    free(order);
    plan_list_free(&l);
    return st;
}

static coll_status op_plan_settle(const json_value *c, outcome *o) {
    const json_value *dates_json = get_array(c, "dates"), *want;
    coll_date *dates = NULL;
    coll_promise *installments = NULL;
    coll_decimal balance, percent;
    coll_currency cur;
    coll_rounding_mode rounding;
    coll_settlement s;
    size_t i, n;
    coll_status st;
    if (dates_json == NULL) {
        return harness(o, "missing list", "dates");
    }
    n = dates_json->count;
    dates = (coll_date *)calloc(n + 1, sizeof *dates);
    installments = (coll_promise *)calloc(n + 1, sizeof *installments);
    if (dates == NULL || installments == NULL) {
        st = harness(o, "out of memory for", "dates");
        goto done;
    }
    for (i = 0; i < n; i++) {
        TRY(date_value(dates_json->items[i], "dates", &dates[i], o));
    }
    TRY(get_decimal(c, "balance", &balance, o));
    TRY(get_currency(c, "currency", &cur, o));
    TRY(get_decimal(c, "percent", &percent, o));
    TRY(opt_mode(c, "rounding", &rounding));
    TRY(coll_settle(balance, cur, percent, dates, n, rounding, &s, installments, n + 1));
    want_decimal(o, c, "expected_amount", &s.amount);
    want_decimal(o, c, "expected_discount", &s.discount);
    if ((want = get_array(c, "expected_installments")) != NULL) {
        want_count(o, "expected_installments", s.n_installments, want->count);
        for (i = 0; i < s.n_installments && i < want->count; i++) {
            const json_value *pair = tuple(want, i, 2, "expected_installments", o);
            if (pair == NULL) {
                st = HARNESS_ERROR;
                goto done;
            }
            TRY(expect_date(o, "expected_installments date", installments[i].date, json_string(pair->items[0])));
            TRY(want_decimal_value(o, c, "expected_installments amount", pair->items[1], &installments[i].amount));
        }
    }
    st = COLL_OK;
done:
    free(dates);
    free(installments);
    return st;
}

/* Compares `got` with `key` after rounding to `places` when the key is there. */
static coll_status want_rounded(outcome *o, const json_value *c, const char *key, const coll_decimal *got) {
    return json_get(c, key) == NULL ? COLL_OK : expect_rounded(o, c, key, got);
}

static coll_status op_plan_minimum_settlement(const json_value *c, outcome *o) {
    const json_value *path = json_get(c, "path");
    coll_decimal rate, floor;
    coll_currency cur;
    coll_rounding_mode rounding;
    coll_date valuation;
    coll_minimum_settlement_result m;
    char *text = NULL;
    size_t len = 0;
    int has_floor;
    coll_status st;
    if (path == NULL || (text = json_write(path, &len)) == NULL) {
        return harness(o, "missing object", "path");
    }
    TRY(get_date(c, "valuation_date", &valuation, o));
    TRY(get_decimal(c, "discount_rate", &rate, o));
    has_floor = json_get(c, "floor") != NULL && json_get(c, "floor")->type != JSON_NULL;
    if (has_floor) {
        TRY(get_decimal(c, "floor", &floor, o));
    }
    TRY(get_currency(c, "currency", &cur, o));
    TRY(opt_mode(c, "rounding", &rounding));
    TRY(coll_minimum_settlement_with_path_json(text, len, valuation, rate, has_floor ? &floor : NULL, cur, rounding,
                                               &m));
    TRY(want_rounded(o, c, "expected_recovery_npv", &m.recovery_npv));
    TRY(want_rounded(o, c, "expected_cost_npv", &m.cost_npv));
    TRY(want_rounded(o, c, "expected_net", &m.net));
    TRY(want_rounded(o, c, "expected_minimum", &m.minimum));
    st = COLL_OK;
done:
    free(text);
    return st;
}

static coll_status op_plan_settlement_offers(const json_value *c, outcome *o) {
    const json_value *policy = json_get(c, "policy"), *want;
    coll_settlement_policy *p = NULL;
    coll_settlement_offer offers[4];
    coll_decimal balance, minimum;
    coll_currency cur;
    long long days;
    char *text = NULL;
    size_t len = 0, n, i;
    int has_minimum;
    coll_status st;
    if (policy == NULL || (text = json_write(policy, &len)) == NULL) {
        return harness(o, "missing object", "policy");
    }
    TRY(get_decimal(c, "balance", &balance, o));
    TRY(get_currency(c, "currency", &cur, o));
    TRY(get_int(c, "days_past_due", &days, o));
    has_minimum = json_get(c, "minimum") != NULL && json_get(c, "minimum")->type != JSON_NULL;
    if (has_minimum) {
        TRY(get_decimal(c, "minimum", &minimum, o));
    }
    TRY(coll_settlement_policy_from_json(text, len, &p));
    TRY(coll_settlement_offers(balance, cur, (uint32_t)days, has_minimum ? &minimum : NULL, p, offers, 4, &n));
    if ((want = get_array(c, "expected_offers")) != NULL) {
        want_count(o, "expected_offers", n, want->count);
        for (i = 0; i < n && i < want->count; i++) {
            const json_value *row = tuple(want, i, 5, "expected_offers", o);
            if (row == NULL) {
                st = HARNESS_ERROR;
                goto done;
            }
            expect_int(o, "expected_offers installments", offers[i].installments,
                       strtoll(json_scalar_text(row->items[0]) ? json_scalar_text(row->items[0]) : "-1", NULL, 10));
            TRY(want_decimal_value(o, c, "expected_offers amount", row->items[1], &offers[i].amount));
            TRY(want_decimal_value(o, c, "expected_offers discount", row->items[2], &offers[i].discount));
            expect_int(o, "expected_offers band", offers[i].band_min_days_past_due,
                       strtoll(json_scalar_text(row->items[3]) ? json_scalar_text(row->items[3]) : "-1", NULL, 10));
            if (row->items[4]->type != JSON_BOOL || !row->items[4]->boolean != !offers[i].at_minimum) {
                mismatch(o, "expected_offers at_minimum", offers[i].at_minimum ? "true" : "false", "the other");
            }
        }
    }
    st = COLL_OK;
done:
    free(text);
    coll_settlement_policy_free(p);
    return st;
}

/* A forecast row (or the totals, without the date) against [start?, promises, scheduled, expected]. */
static coll_status expect_forecast_row(outcome *o, const json_value *c, const char *what, const coll_forecast_row *r,
                                       const json_value *want, int dated) {
    size_t k = dated ? 1 : 0;
    coll_status st;
    if (want->type != JSON_ARRAY || want->count != 3 + k) {
        return harness(o, "not a row in", what);
    }
    if (dated && (st = expect_date(o, what, r->period_start, json_string(want->items[0]))) != COLL_OK) {
        return st;
    }
    expect_int(o, what, (long long)r->promises,
               strtoll(json_scalar_text(want->items[k]) ? json_scalar_text(want->items[k]) : "-1", NULL, 10));
    if ((st = want_decimal_value(o, c, what, want->items[k + 1], &r->scheduled)) != COLL_OK) {
        return st;
    }
    return want_decimal_value(o, c, what, want->items[k + 2], &r->expected);
}

static coll_status op_plan_forecast(const json_value *c, outcome *o) {
    plan_list l;
    coll_forecast *f = NULL;
    coll_forecast_row row;
    coll_forecast_period period = COLL_FORECAST_MONTHLY;
    coll_rounding_mode rounding;
    coll_date from;
    const json_value *want;
    const char *name;
    size_t n, i;
    coll_status st;
    TRY(plan_list_of(c, &l, o));
    TRY(get_date(c, "from", &from, o));
    if ((name = opt_text(c, "period")) != NULL) {
        TRY(coll_forecast_period_from_name(name, strlen(name), &period));
    }
    TRY(opt_mode(c, "rounding", &rounding));
    TRY(coll_plan_forecast((const coll_arrangement *const *)l.plans, l.probabilities, l.n, from, period, rounding,
                           &f));
    TRY(coll_forecast_row_count(f, &n));
    if ((want = get_array(c, "expected_rows")) != NULL) {
        want_count(o, "expected_rows", n, want->count);
        for (i = 0; i < n && i < want->count; i++) {
            TRY(coll_forecast_row_at(f, i, &row));
            TRY(expect_forecast_row(o, c, "expected_rows", &row, want->items[i], 1));
        }
    }
    if ((want = json_get(c, "expected_totals")) != NULL) {
        TRY(coll_forecast_totals(f, &row));
        TRY(expect_forecast_row(o, c, "expected_totals", &row, want, 0));
    }
    st = COLL_OK;
done:
    coll_forecast_free(f);
    plan_list_free(&l);
    return st;
}

/* A KPI against `expected` (rounded half-even to `places`), or null when undefined. */
static coll_status expect_kpi(outcome *o, const json_value *c, const coll_kpi *k) {
    const json_value *want = json_get(c, "expected");
    if (want == NULL) {
        return harness(o, "missing", "expected");
    }
    if (want->type == JSON_NULL) {
        if (k->defined) {
            char text[COLL_DECIMAL_TEXT_CAPACITY];
            decimal_text(&k->value, text);
            mismatch(o, "expected", text, "null");
        }
        return COLL_OK;
    }
    if (!k->defined) {
        mismatch(o, "expected", "null", json_scalar_text(want) ? json_scalar_text(want) : "?");
        return COLL_OK;
    }
    return expect_rounded(o, c, "expected", &k->value);
}

static coll_status op_plan_kpi(const json_value *c, outcome *o) {
    const char *op = opt_text(c, "op");
    coll_kpi k;
    coll_decimal a, b;
    long long x, y;
    coll_status st;
    if (strcmp(op, "cei") == 0) {
        coll_cei_inputs in;
        TRY(get_decimal(c, "opening_receivables", &in.opening_receivables, o));
        TRY(get_decimal(c, "credit_sales", &in.credit_sales, o));
        TRY(get_int(c, "months", &x, o));
        in.months = (uint32_t)x;
        TRY(get_decimal(c, "closing_receivables", &in.closing_receivables, o));
        TRY(get_decimal(c, "closing_current_receivables", &in.closing_current_receivables, o));
        TRY(coll_collection_effectiveness_index(&in, &k));
    } else if (strcmp(op, "dso") == 0) {
        TRY(get_decimal(c, "receivables", &a, o));
        TRY(get_decimal(c, "credit_sales", &b, o));
        TRY(get_int(c, "days", &x, o));
        TRY(coll_days_sales_outstanding(a, b, (uint32_t)x, &k));
    } else if (strcmp(op, "recovery_rate") == 0) {
        TRY(get_decimal(c, "collected", &a, o));
        TRY(get_decimal(c, "outstanding", &b, o));
        TRY(coll_recovery_rate(a, b, &k));
    } else if (strcmp(op, "liquidation_rate") == 0) {
        TRY(get_decimal(c, "gross_recoveries", &a, o));
        TRY(get_decimal(c, "placements", &b, o));
        TRY(coll_liquidation_rate(a, b, &k));
    } else {
        TRY(get_int(c, "right_party_contacts", &x, o));
        TRY(get_int(c, "denominator", &y, o));
        TRY(coll_right_party_contact_rate((uint64_t)x, (uint64_t)y, &k));
    }
    TRY(expect_kpi(o, c, &k));
done:
    return st;
}

static coll_status op_plan_promise_kept_rate(const json_value *c, outcome *o) {
    const json_value *list = get_array(c, "trackings");
    coll_arrangement **plans = NULL;
    coll_tracking **trackings = NULL;
    coll_kpi k;
    size_t i, n;
    coll_status st = COLL_OK;
    if (list == NULL) {
        return harness(o, "missing list", "trackings");
    }
    n = list->count;
    plans = (coll_arrangement **)calloc(n + 1, sizeof *plans);
    trackings = (coll_tracking **)calloc(n + 1, sizeof *trackings);
    if (plans == NULL || trackings == NULL) {
        st = harness(o, "out of memory for", "trackings");
        goto done;
    }
    for (i = 0; i < n; i++) {
        TRY(tracking_of(list->items[i], &plans[i], &trackings[i], o));
    }
    TRY(coll_promise_kept_rate((const coll_tracking *const *)trackings, n, &k));
    TRY(expect_kpi(o, c, &k));
done:
    for (i = 0; plans != NULL && trackings != NULL && i < n; i++) {
        coll_tracking_free(trackings[i]);
        coll_arrangement_free(plans[i]);
    }
    free(plans);
    free(trackings);
    return st;
}

static coll_status op_plan_roll_rate_matrix(const json_value *c, outcome *o) {
    const json_value *list = get_array(c, "accounts"), *counts, *outstanding, *rates;
    coll_aging_account *accounts = NULL;
    aging_buffers *buffers = NULL;
    coll_aging_rules rules;
    uint32_t *bounds = NULL;
    coll_roll_matrix *m = NULL;
    coll_date from, to;
    size_t n = 0, size, i, j;
    coll_status st;
    if (list == NULL) {
        return harness(o, "missing list", "accounts");
    }
    n = list->count;
    accounts = (coll_aging_account *)calloc(n + 1, sizeof *accounts);
    buffers = (aging_buffers *)calloc(n + 1, sizeof *buffers);
    if (accounts == NULL || buffers == NULL) {
        st = harness(o, "out of memory for", "accounts");
        goto done;
    }
    TRY(aging_rules_of(c, &rules, &bounds, o));
    for (i = 0; i < n; i++) {
        TRY(aging_account_of(list->items[i], &accounts[i], &buffers[i], o));
    }
    TRY(get_date(c, "from", &from, o));
    TRY(get_date(c, "to", &to, o));
    TRY(coll_roll_rate_matrix(accounts, n, from, to, &rules, &m));
    TRY(coll_roll_matrix_size(m, &size));
    counts = get_array(c, "expected_accounts");
    outstanding = get_array(c, "expected_outstanding");
    rates = get_array(c, "expected_rates");
    if (counts != NULL) {
        want_count(o, "expected_accounts", size, counts->count);
    }
    for (i = 0; i < size; i++) {
        for (j = 0; j < size; j++) {
            coll_roll_cell cell;
            TRY(coll_roll_matrix_cell(m, i, j, &cell));
            if (counts != NULL && i < counts->count && counts->items[i]->type == JSON_ARRAY &&
                j < counts->items[i]->count) {
                const char *w = json_scalar_text(counts->items[i]->items[j]);
                expect_int(o, "expected_accounts", (long long)cell.accounts, strtoll(w ? w : "-1", NULL, 10));
            }
            if (outstanding != NULL && i < outstanding->count && outstanding->items[i]->type == JSON_ARRAY &&
                j < outstanding->items[i]->count) {
                TRY(want_decimal_value(o, c, "expected_outstanding", outstanding->items[i]->items[j],
                                       &cell.outstanding));
            }
            if (rates != NULL && i < rates->count && rates->items[i]->type == JSON_ARRAY && j < rates->items[i]->count) {
                const json_value *w = rates->items[i]->items[j];
                if (w->type == JSON_NULL) {
                    if (cell.has_rate) {
                        mismatch(o, "expected_rates", "a rate", "null");
                    }
                } else if (!cell.has_rate) {
                    mismatch(o, "expected_rates", "null", json_scalar_text(w) ? json_scalar_text(w) : "?");
                } else {
                    coll_decimal r = cell.rate;
                    long long places;
                    TRY(opt_int(c, "places", 28, &places, o));
                    if (coll_decimal_round(&cell.rate, (uint32_t)places, COLL_ROUND_HALF_EVEN, &r) != COLL_OK) {
                        st = harness(o, "bad places for", "expected_rates");
                        goto done;
                    }
                    TRY(want_decimal_value(o, c, "expected_rates", w, &r));
                }
            }
        }
    }
    st = COLL_OK;
done:
    for (i = 0; buffers != NULL && i < n; i++) {
        aging_free(&buffers[i]);
    }
    free(buffers);
    free(accounts);
    free(bounds);
    coll_roll_matrix_free(m);
    return st;
}

static coll_status op_plan_treatment(const json_value *c, outcome *o) {
    const json_value *policy = json_get(c, "policy"), *want;
    coll_treatment_policy *p = NULL;
    coll_treatment *t = NULL;
    coll_treatment_result r;
    coll_account_state state;
    int has_state;
    coll_status st;
    if (policy == NULL) {
        return harness(o, "missing", "policy");
    }
    if (json_string(policy) != NULL && strcmp(json_string(policy), "standard") == 0) {
        TRY(coll_treatment_policy_standard(&p));
    } else {
        size_t len = 0;
        char *text = json_write(policy, &len);
        if (text == NULL) {
            return harness(o, "cannot write the JSON of", "policy");
        }
        st = coll_treatment_policy_from_json(text, len, &p);
        free(text);
        if (st != COLL_OK) {
            goto done;
        }
    }
    TRY(struct_of(c, "state", state_json, &state, &has_state, o));
    if (!has_state) {
        st = harness(o, "missing object", "state");
        goto done;
    }
    TRY(coll_treatment_recommend(p, &state, &t));
    TRY(coll_treatment_get_result(t, &r));
    if ((want = json_get(c, "expected_action")) != NULL) {
        if (want->type == JSON_NULL) {
            if (r.fired) {
                mismatch(o, "expected_action", "a rule fired", "null");
            }
        } else if (!r.fired) {
            mismatch(o, "expected_action", "no rule fired", json_string(want) ? json_string(want) : "?");
        } else {
            TRY(expect_name(o, "expected_action", coll_action_name, r.action, want));
        }
    }
    want_text(o, c, "expected_rule", r.fired ? r.rule : NULL, r.rule_len);
    st = COLL_OK;
done:
    coll_treatment_free(t);
    coll_treatment_policy_free(p);
    return st;
}

/* ---------------------------------------------------------------- the runner */

typedef struct {
    const char *name;
    coll_status (*run)(const json_value *c, outcome *o);
} op_entry;

static const op_entry OPS[] = {
    {"year_fraction", op_year_fraction},
    {"adjust", op_adjust},
    {"add_business_days", op_add_business_days},
    {"is_business_day", op_is_business_day},
    {"holidays", op_holidays},
    {"date_schedule", op_date_schedule},
    {"round", op_round},
    {"round_decimal", op_round_decimal},
    {"round_to_multiple", op_round_to_multiple},
    {"split", op_split},
    {"add", op_add},
    {"minor_units", op_minor_units},
    {"to_minor_units", op_to_minor_units},
    {"parse_decimal", op_parse_decimal},
    {"periodic", op_periodic},
    {"effective_annual", op_effective_annual},
    {"nominal_from_effective", op_nominal_from_effective},
    {"from_percent", op_from_percent},
    {"fv", op_fv},
    {"pv", op_pv},
    {"pmt", op_pmt},
    {"nper", op_nper},
    {"ipmt", op_ipmt},
    {"ppmt", op_ppmt},
    {"cumipmt", op_cumipmt},
    {"cumprinc", op_cumprinc},
    {"rate", op_rate},
    {"npv", op_npv},
    {"irr", op_irr},
    {"mirr", op_mirr},
    {"xnpv", op_xnpv},
    {"xirr", op_xirr},
    {"apr_regulation_z", op_apr_regulation_z},
    {"aprc_eu", op_aprc_eu},
    {"amortize", op_amortize},
    {"statutory_interest", op_statutory_interest},
    {"erpnext_dunning", op_erpnext_dunning},
    {"finance_charge", op_finance_charge},
    {"average_daily_balance", op_average_daily_balance},
    {"dunning_run", op_dunning_run},
    {"age_account", op_aging},
    {"charge_off", op_aging},
    {"time_bar", op_aging},
    {"age_portfolio", op_age_portfolio},
    {"can_become", op_can_become},
    {"transition", op_transition},
    {"status_history", op_status_history},
    {"ledger", op_ledger},
    {"reconcile", op_reconcile},
    {"compare_to_expected", op_compare_to_expected},
    {"to_monthly", op_to_monthly},
    {"assess", op_assess},
    {"fair_share", op_fair_share},
    {"recommend", op_recommend},
    {"guidelines_csv", op_guidelines_csv},
    {"evaluate", op_contact_evaluate},
    {"eligible_windows", op_contact_windows},
    {"arrangement", op_plan_arrangement},
    {"track", op_plan_track},
    {"replan", op_plan_replan},
    {"score", op_plan_score},
    {"rank", op_plan_rank},
    {"settle", op_plan_settle},
    {"minimum_settlement", op_plan_minimum_settlement},
    {"settlement_offers", op_plan_settlement_offers},
    {"forecast", op_plan_forecast},
    {"cei", op_plan_kpi},
    {"dso", op_plan_kpi},
    {"recovery_rate", op_plan_kpi},
    {"liquidation_rate", op_plan_kpi},
    {"right_party_contact_rate", op_plan_kpi},
    {"promise_kept_rate", op_plan_promise_kept_rate},
    {"roll_rate_matrix", op_plan_roll_rate_matrix},
    {"treatment", op_plan_treatment},
};

/* The status of an error kind: "invalid_date" is COLL_INVALID_DATE, found through coll_status_name. */
static int status_of_kind(const char *kind, coll_status *out) {
    char want[96];
    size_t i;
    coll_status code;
    if (strlen(kind) + 6 > sizeof want) {
        return 0;
    }
    strcpy(want, "COLL_");
    for (i = 0; kind[i] != '\0'; i++) {
        char ch = kind[i];
        want[5 + i] = (char)(ch >= 'a' && ch <= 'z' ? ch - 'a' + 'A' : ch);
    }
    want[5 + i] = '\0';
    for (code = 1; code < 128; code++) {
        if (strcmp(coll_status_name(code), want) == 0) {
            *out = code;
            return 1;
        }
    }
    return 0;
}

/* Text no library message is made of: parsed as a decimal before every case, it leaves a last error
 * message that only a failure during the case can replace. */
static const char SENTINEL_TEXT[] = "<vector runner: no failure yet in this case>";

/* Whether a message has the library's shape: the field at fault, a colon, a space and the reason
 * ("payments: amounts must be positive (got ...)"). */
static int names_a_field(const char *msg) {
    size_t i = 0;
    while ((msg[i] >= 'a' && msg[i] <= 'z') || (msg[i] >= '0' && msg[i] <= '9') || msg[i] == '_' ||
           msg[i] == '.') {
        i++;
    }
    return i > 0 && msg[i] == ':' && msg[i + 1] == ' ' && msg[i + 2] != '\0';
}

/* Whether a message starts with "<field>:". */
static int starts_with_field(const char *msg, const char *field) {
    size_t n = strlen(field);
    return strncmp(msg, field, n) == 0 && msg[n] == ':';
}

/* Runs one case; returns 1 when it passed, printing why when it did not. */
static int run_case(const char *file, size_t index, const json_value *c) {
    outcome o;
    coll_decimal scratch;
    char sentinel_message[256];
    const char *op = json_string(json_get(c, "op"));
    const char *error = json_string(json_get(c, "error"));
    const char *error_field = json_string(json_get(c, "error_field"));
    const op_entry *entry = NULL;
    coll_status st, expected = COLL_OK;
    size_t i;
    memset(&o, 0, sizeof o);
    /* contact.json states an error as `expected_error: {"kind", "field"}`. */
    if (error == NULL && json_get(c, "expected_error") != NULL) {
        const json_value *e = json_get(c, "expected_error");
        error = json_string(json_get(e, "kind"));
        error_field = json_string(json_get(e, "field"));
        if (error == NULL) {
            printf("FAIL %s case %lu: expected_error without a \"kind\"\n", file, (unsigned long)index);
            return 0;
        }
    }
    for (i = 0; op != NULL && i < sizeof OPS / sizeof OPS[0]; i++) {
        if (strcmp(OPS[i].name, op) == 0) {
            entry = &OPS[i];
        }
    }
    if (entry == NULL) {
        printf("FAIL %s case %lu: unknown op \"%s\"\n", file, (unsigned long)index, op ? op : "(none)");
        return 0;
    }
    if (error != NULL && !status_of_kind(error, &expected)) {
        printf("FAIL %s case %lu (%s): unknown error kind \"%s\"\n", file, (unsigned long)index, op, error);
        return 0;
    }
    /* Poison the last error message, so that an error case must leave one of its own. */
    if (coll_decimal_from_string(SENTINEL_TEXT, strlen(SENTINEL_TEXT), &scratch) != COLL_INVALID_DECIMAL ||
        strstr(coll_last_error_message(), SENTINEL_TEXT) == NULL) {
        printf("FAIL %s case %lu (%s): cannot set the sentinel error message\n", file, (unsigned long)index, op);
        return 0;
    }
    snprintf(sentinel_message, sizeof sentinel_message, "%s", coll_last_error_message());
    st = entry->run(c, &o);
    if (st == HARNESS_ERROR) {
        printf("FAIL %s case %lu (%s): %s\n", file, (unsigned long)index, op, o.why);
        return 0;
    }
    if (error != NULL) {
        if (st != expected) {
            printf("FAIL %s case %lu (%s): expected %s, got %s (%s)\n", file, (unsigned long)index, op,
                   coll_status_name(expected), coll_status_name(st),
                   st == COLL_OK ? "no error" : coll_last_error_message());
            return 0;
        }
        if (strcmp(coll_last_error_message(), sentinel_message) == 0) {
            printf("FAIL %s case %lu (%s): %s without a message of its own\n", file, (unsigned long)index, op,
                   coll_status_name(st));
            return 0;
        }
        if (!names_a_field(coll_last_error_message())) {
            printf("FAIL %s case %lu (%s): message \"%s\" does not start with the field at fault\n", file,
                   (unsigned long)index, op, coll_last_error_message());
            return 0;
        }
        /* Decimal text becomes a coll_decimal through coll_decimal_from_string, whose argument is `text`:
         * when a field's text is refused there, that field is the one the case was reading. */
        if (error_field != NULL && !starts_with_field(coll_last_error_message(), error_field) &&
            !(o.reading != NULL && strcmp(o.reading, error_field) == 0 &&
              (starts_with_field(coll_last_error_message(), "text") ||
               starts_with_field(coll_last_error_message(), "timing") ||
               starts_with_field(coll_last_error_message(), "component")))) {
            printf("FAIL %s case %lu (%s): message \"%s\" does not name the field %s\n", file, (unsigned long)index,
                   op, coll_last_error_message(), error_field);
            return 0;
        }
        return 1;
    }
    if (st != COLL_OK) {
        printf("FAIL %s case %lu (%s): %s: %s\n", file, (unsigned long)index, op, coll_status_name(st),
               coll_last_error_message());
        return 0;
    }
    if (o.mismatch) {
        printf("FAIL %s case %lu (%s): %s\n", file, (unsigned long)index, op, o.why);
        return 0;
    }
    return 1;
}

static char *read_file(const char *path, size_t *len) {
    FILE *f = fopen(path, "rb");
    char *data = NULL;
    size_t cap = 0, n = 0;
    if (f == NULL) {
        return NULL;
    }
    for (;;) {
        size_t got;
        if (n == cap) {
            char *bigger;
            cap = cap ? cap * 2 : 65536;
            bigger = (char *)realloc(data, cap);
            if (bigger == NULL) {
                free(data);
                fclose(f);
                return NULL;
            }
            data = bigger;
        }
        got = fread(data + n, 1, cap - n, f);
        n += got;
        if (got == 0) {
            break;
        }
    }
    if (ferror(f)) {
        free(data);
        fclose(f);
        return NULL;
    }
    fclose(f);
    *len = n;
    return data;
}

static int compare_names(const void *a, const void *b) {
    return strcmp(*(const char *const *)a, *(const char *const *)b);
}

int main(int argc, char **argv) {
    const char *dir = argc > 1 ? argv[1] : "tests/vectors";
    DIR *d = opendir(dir);
    struct dirent *entry;
    char **names = NULL;
    size_t n_names = 0, f;
    unsigned long passed = 0, failed = 0;
    if (d == NULL) {
        fprintf(stderr, "cannot open %s: %s\n", dir, strerror(errno));
        return 2;
    }
    while ((entry = readdir(d)) != NULL) {
        size_t len = strlen(entry->d_name);
        char **more;
        if (len < 6 || strcmp(entry->d_name + len - 5, ".json") != 0) {
            continue;
        }
        more = (char **)realloc(names, (n_names + 1) * sizeof *names);
        if (more == NULL) {
            return 2;
        }
        names = more;
        names[n_names] = (char *)malloc(len + 1);
        if (names[n_names] == NULL) {
            return 2;
        }
        memcpy(names[n_names++], entry->d_name, len + 1);
    }
    closedir(d);
    if (n_names == 0) {
        fprintf(stderr, "no *.json files in %s\n", dir);
        return 2;
    }
    qsort(names, n_names, sizeof *names, compare_names);
    for (f = 0; f < n_names; f++) {
        char path[4096], err[256];
        size_t len = 0, i;
        unsigned long file_passed = 0, file_failed = 0;
        char *text;
        json_value *doc;
        const json_value *cases;
        snprintf(path, sizeof path, "%s/%s", dir, names[f]);
        text = read_file(path, &len);
        if (text == NULL) {
            printf("FAIL %s: cannot read\n", names[f]);
            failed++;
            free(names[f]);
            continue;
        }
        doc = json_parse(text, len, err, sizeof err);
        free(text);
        cases = get_array(doc, "cases");
        if (doc == NULL || cases == NULL || cases->count == 0) {
            printf("FAIL %s: %s\n", names[f], doc == NULL ? err : "no \"cases\" list");
            failed++;
        } else {
            for (i = 0; i < cases->count; i++) {
                if (run_case(names[f], i, cases->items[i])) {
                    file_passed++;
                } else {
                    file_failed++;
                }
            }
            printf("%-22s %lu passed, %lu failed\n", names[f], file_passed, file_failed);
        }
        passed += file_passed;
        failed += file_failed;
        json_free(doc);
        free(names[f]);
    }
    free(names);
    printf("%lu passed, %lu failed\n", passed, failed);
    return failed == 0 ? 0 : 1;
}
