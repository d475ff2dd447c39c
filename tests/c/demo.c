/*
 * `make demo`: a collections officer's day over the sample portfolio in collections-core/examples/portfolio
 * (300 synthetic loans with their installments, payments, contact attempts and household statements; see
 * its generate.py), through the C ABI. The Rust example (collections-core/examples/demo.rs) and the Python
 * demo (collections-py/examples/demo.py) print the same report, line for line, and `make demo` compares
 * them. The steps are described in demo.rs.
 *
 * Build: make -C tests/c demo. Run: demo [portfolio directory] (the default is the repository's, found
 * from the build's COLL_PORTFOLIO). The CSVs are read with fgets and split on commas (nothing is quoted).
 * Amounts are exact: every figure of the portfolio has cents, so sums are kept in int64_t cents and the
 * library's decimals are converted with coll_decimal_to_minor_units. Contact attempts are in local time:
 * they become instants through the C library's own time zone database (TZ and mktime, POSIX).
 */
#define _POSIX_C_SOURCE 200809L

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "collections.h"

#ifndef COLL_PORTFOLIO
#define COLL_PORTFOLIO "collections-core/examples/portfolio"
#endif

#define AS_OF_TEXT "2026-03-02"
#define OFFICER_AT "2026-03-02T14:30:00Z"
#define WEEK_END_TEXT "2026-03-07"
#define FIRST_PROMISE_TEXT "2026-03-06"
#define DISCOUNT_RATE "0.10"
#define SETTLEMENT_PERCENT 80
#define MAX_PLAN_MONTHS 12
#define SHOW 5
#define MAX_FIELDS 16
#define LINE_CAP 512

static const coll_date AS_OF = {2026, 3, 2};
static const coll_date WEEK_END = {2026, 3, 7};
/* The first promise of every proposed plan: Friday of the officer's week; then monthly. */
static const coll_date FIRST_PROMISE = {2026, 3, 6};

/* ------------------------------------------------------------------ errors and small helpers */

/* Stops the demo with the library's message when a call fails. */
static void check(coll_status status, const char *what) {
    if (status != COLL_OK) {
        fprintf(stderr, "%s failed: %s: %s\n", what, coll_status_name(status), coll_last_error_message());
        exit(1);
    }
}

static void die(const char *what) {
    fprintf(stderr, "demo: %s\n", what);
    exit(1);
}

static void *grow(void *p, size_t *cap, size_t len, size_t size) {
    if (len < *cap) {
        return p;
    }
    *cap = *cap ? *cap * 2 : 8;
    p = realloc(p, *cap * size);
    if (p == NULL) {
        die("out of memory");
    }
    return p;
}

static coll_decimal decimal(const char *text) {
    coll_decimal d;
    check(coll_decimal_from_string(text, strlen(text), &d), text);
    return d;
}

static int64_t cents(const coll_decimal *d) {
    int64_t out;
    coll_decimal r;
    check(coll_decimal_round(d, 2, COLL_ROUND_HALF_UP, &r), "coll_decimal_round");
    check(coll_decimal_to_minor_units(&r, 2, &out), "coll_decimal_to_minor_units");
    return out;
}

static coll_decimal from_cents(int64_t c) {
    coll_decimal d;
    check(coll_decimal_from_minor_units(c, 2, &d), "coll_decimal_from_minor_units");
    return d;
}

/* An amount in cents as text with two decimals (buf of at least 32 bytes). */
static const char *money(int64_t c, char *buf) {
    uint64_t a = c < 0 ? (uint64_t)(-(c + 1)) + 1 : (uint64_t)c;
    sprintf(buf, "%s%llu.%02llu", c < 0 ? "-" : "", (unsigned long long)(a / 100), (unsigned long long)(a % 100));
    return buf;
}

static coll_date date(const char *text) {
    coll_date d;
    check(coll_date_from_string(text, strlen(text), &d), text);
    return d;
}

static int date_cmp(coll_date a, coll_date b) {
    if (a.year != b.year) return a.year < b.year ? -1 : 1;
    if (a.month != b.month) return a.month < b.month ? -1 : 1;
    if (a.day != b.day) return a.day < b.day ? -1 : 1;
    return 0;
}

static coll_contact_text text(const char *s) {
    coll_contact_text t;
    t.ptr = s;
    t.len = strlen(s);
    return t;
}

/* ------------------------------------------------------------------ the CSVs */

typedef struct csv {
    FILE *f;
    char line[LINE_CAP];
    char *field[MAX_FIELDS];
    size_t n;
    const char *name;
} csv;

/* Opens dir/name and skips its header. */
static void csv_open(csv *c, const char *dir, const char *name) {
    char path[1024];
    snprintf(path, sizeof path, "%s/%s", dir, name);
    c->f = fopen(path, "r");
    c->name = name;
    if (c->f == NULL || fgets(c->line, sizeof c->line, c->f) == NULL) {
        fprintf(stderr, "demo: cannot read %s\n", path);
        exit(1);
    }
}

/* Reads the next row into c->field; 0 at the end. */
static int csv_next(csv *c, size_t fields) {
    char *p, *tok;
    while (fgets(c->line, sizeof c->line, c->f) != NULL) {
        c->line[strcspn(c->line, "\r\n")] = '\0';
        if (c->line[0] == '\0') continue;
        c->n = 0;
        for (tok = strtok_r(c->line, ",", &p); tok != NULL && c->n < MAX_FIELDS; tok = strtok_r(NULL, ",", &p)) {
            c->field[c->n++] = tok;
        }
        if (c->n != fields) {
            fprintf(stderr, "demo: %s: a row has %zu fields, not %zu\n", c->name, c->n, fields);
            exit(1);
        }
        return 1;
    }
    fclose(c->f);
    return 0;
}

typedef struct contact {
    int64_t at;
    char channel[12];
    char outcome[32];
    char kind[12];
} contact;

/* One row of payments.csv or week.csv: the payment's id, date and amount. */
typedef struct received {
    char id[24];
    coll_date date;
    coll_decimal amount;
} received;

typedef struct account {
    char id[16], customer[16], state[4], zones_text[96], phone[24], line[12], email[48];
    char *zones[4];
    size_t n_zones;
    coll_date opened;
    coll_dated_amount *dues;
    received *paid, *week;
    size_t n_dues, cap_dues, n_paid, cap_paid, n_week, cap_week;
    /* The account's event-sourced ledger. */
    coll_ledger *ledger;
    contact *contacts;
    size_t n_contacts, cap_contacts;
    coll_obligation *before, *after;
    coll_aging_result age_before, age_after;
    int has_statement;
    int64_t income, allowable, disposable;
    /* The chosen plan (NULL when none), its hazard and its tracking after the week. */
    coll_arrangement *plan;
    coll_decimal hazard;
    coll_tracking *tracking;
} account;

static account *accounts;
static size_t n_accounts;

static account *find(const char *id) {
    size_t i;
    for (i = 0; i < n_accounts; i++) {
        if (strcmp(accounts[i].id, id) == 0) return &accounts[i];
    }
    fprintf(stderr, "demo: unknown account %s\n", id);
    exit(1);
}

/* Inserts keeping date order, after any payment of the same date (as a stable sort does). */
static void add_payment(received **list, size_t *n, size_t *cap, received x) {
    size_t i;
    *list = grow(*list, cap, *n, sizeof **list);
    i = *n;
    while (i > 0 && date_cmp((*list)[i - 1].date, x.date) > 0) {
        (*list)[i] = (*list)[i - 1];
        i--;
    }
    (*list)[i] = x;
    (*n)++;
}

/* Whether the C library has the zone's rules (else mktime would quietly take it as UTC). */
static int zone_known(const char *zone) {
    char path[512];
    const char *dir = getenv("TZDIR");
    FILE *f;
    snprintf(path, sizeof path, "%s/%s", dir != NULL && dir[0] != '\0' ? dir : "/usr/share/zoneinfo", zone);
    f = fopen(path, "rb");
    if (f == NULL) return 0;
    fclose(f);
    return 1;
}

/* The instant of a local time (YYYY-MM-DDTHH:MM) in an IANA zone. */
static int64_t local_instant(const char *local, const char *zone) {
    struct tm tm;
    time_t t;
    memset(&tm, 0, sizeof tm);
    if (sscanf(local, "%d-%d-%dT%d:%d", &tm.tm_year, &tm.tm_mon, &tm.tm_mday, &tm.tm_hour, &tm.tm_min) != 5) {
        die("bad local_time");
    }
    tm.tm_year -= 1900;
    tm.tm_mon -= 1;
    tm.tm_isdst = -1;
    if (!zone_known(zone)) {
        fprintf(stderr, "demo: no time zone data for %s (install tzdata, or set TZDIR)\n", zone);
        exit(1);
    }
    setenv("TZ", zone, 1);
    tzset();
    t = mktime(&tm);
    return (int64_t)t;
}

static size_t n_installments, n_payments, n_week, n_contacts, n_statements, n_calls, n_right_party;

typedef struct statement_row {
    char id[16];
    coll_date date;
    coll_household household;
    char region[16];
    coll_statement_item items[16];
    size_t n_items;
} statement_row;

static void assess_one(statement_row *s, const coll_guidelines *irs) {
    coll_currency usd;
    coll_statement *statement = NULL;
    coll_assessment *assessment = NULL;
    coll_assessment_policy policy;
    coll_assessment_figures f;
    account *a = find(s->id);
    check(coll_currency_from_code("USD", 3, &usd), "coll_currency_from_code");
    s->household.region = s->region;
    s->household.region_len = strlen(s->region);
    check(coll_statement_new(s->date, &usd, &s->household, s->items, s->n_items, COLL_ROUND_HALF_UP, &statement),
          "coll_statement_new");
    check(coll_assessment_policy_init(&policy), "coll_assessment_policy_init");
    check(coll_assess(statement, irs, &policy, &assessment), "coll_assess");
    check(coll_assessment_get_figures(assessment, &f), "coll_assessment_get_figures");
    a->has_statement = 1;
    a->income = cents(&f.income);
    a->allowable = cents(&f.allowable_expenditure);
    a->disposable = cents(&f.disposable_income);
    coll_assessment_free(assessment);
    coll_statement_free(statement);
}

/* Reads dated amounts (account_id, an id, a date, an amount) into each account's installments (list 0),
 * payments before the day (1) or the week's payments (2); returns the number of rows. */
static size_t read_amounts(const char *dir, const char *name, int list) {
    csv c;
    size_t n = 0;
    csv_open(&c, dir, name);
    while (csv_next(&c, 4)) {
        account *a = find(c.field[0]);
        if (list == 0) {
            coll_dated_amount d;
            d.date = date(c.field[2]);
            d.amount = decimal(c.field[3]);
            a->dues = grow(a->dues, &a->cap_dues, a->n_dues, sizeof *a->dues);
            a->dues[a->n_dues++] = d;
        } else {
            received x;
            snprintf(x.id, sizeof x.id, "%s", c.field[1]);
            x.date = date(c.field[2]);
            x.amount = decimal(c.field[3]);
            if (list == 1) {
                add_payment(&a->paid, &a->n_paid, &a->cap_paid, x);
            } else {
                add_payment(&a->week, &a->n_week, &a->cap_week, x);
            }
        }
        n++;
    }
    return n;
}

static statement_row *statements;

static void load(const char *dir) {
    csv c;
    size_t cap = 0, i, cap_statements = 0;
    csv_open(&c, dir, "accounts.csv");
    while (csv_next(&c, 14)) {
        account *a;
        accounts = grow(accounts, &cap, n_accounts, sizeof *accounts);
        a = &accounts[n_accounts++];
        memset(a, 0, sizeof *a);
        snprintf(a->id, sizeof a->id, "%s", c.field[0]);
        snprintf(a->customer, sizeof a->customer, "%s", c.field[1]);
        a->opened = date(c.field[5]);
        snprintf(a->state, sizeof a->state, "%s", c.field[9]);
        snprintf(a->zones_text, sizeof a->zones_text, "%s", c.field[10]);
        snprintf(a->phone, sizeof a->phone, "%s", c.field[11]);
        snprintf(a->line, sizeof a->line, "%s", c.field[12]);
        snprintf(a->email, sizeof a->email, "%s", c.field[13]);
    }
    /* The zones point into zones_text, once the array no longer moves. */
    for (i = 0; i < n_accounts; i++) {
        account *a = &accounts[i];
        char *p, *tok;
        for (tok = strtok_r(a->zones_text, ";", &p); tok != NULL && a->n_zones < 4; tok = strtok_r(NULL, ";", &p)) {
            a->zones[a->n_zones++] = tok;
        }
    }

    n_installments = read_amounts(dir, "installments.csv", 0);
    n_payments = read_amounts(dir, "payments.csv", 1);
    n_week = read_amounts(dir, "week.csv", 2);
    csv_open(&c, dir, "contacts.csv");
    while (csv_next(&c, 7)) {
        account *a = find(c.field[0]);
        contact *x;
        a->contacts = grow(a->contacts, &a->cap_contacts, a->n_contacts, sizeof *a->contacts);
        x = &a->contacts[a->n_contacts++];
        x->at = local_instant(c.field[1], c.field[2]);
        snprintf(x->channel, sizeof x->channel, "%s", c.field[3]);
        /* The portfolio's "right_party" is a conversation with the consumer. */
        snprintf(x->outcome, sizeof x->outcome, "%s",
                 strcmp(c.field[5], "right_party") == 0 ? "right_party_conversation" : c.field[5]);
        snprintf(x->kind, sizeof x->kind, "%s", c.field[6]);
        if (strcmp(x->channel, "call") == 0) {
            n_calls++;
            n_right_party += strcmp(x->outcome, "right_party_conversation") == 0;
        }
        n_contacts++;
    }
    csv_open(&c, dir, "statements.csv");
    while (csv_next(&c, 10)) {
        statement_row *s = n_statements ? &statements[n_statements - 1] : NULL;
        coll_statement_item *item;
        if (s == NULL || strcmp(s->id, c.field[0]) != 0) {
            statements = grow(statements, &cap_statements, n_statements, sizeof *statements);
            s = &statements[n_statements++];
            memset(s, 0, sizeof *s);
            snprintf(s->id, sizeof s->id, "%s", c.field[0]);
            s->date = date(c.field[1]);
            check(coll_household_init((uint32_t)atoi(c.field[3]), &s->household), "coll_household_init");
            s->household.children_under_16 = (uint32_t)atoi(c.field[4]);
            s->household.vehicles = (uint32_t)atoi(c.field[5]);
            snprintf(s->region, sizeof s->region, "%s", c.field[6]);
        }
        if (s->n_items == 16) die("a statement with more than 16 items");
        item = &s->items[s->n_items++];
        memset(item, 0, sizeof *item);
        check(coll_category_from_name(c.field[7], strlen(c.field[7]), &item->category), c.field[7]);
        item->amount = decimal(c.field[8]);
        check(coll_frequency_from_name(c.field[9], strlen(c.field[9]), &item->frequency), c.field[9]);
    }
}

/* ------------------------------------------------------------------ the report */

static char labels[16][16];
static size_t n_buckets;

/* The portfolio's aging by bucket (coll_age_portfolio over every account's obligations). */
static void print_aging(const coll_aging_rules *rules, int after) {
    coll_aging_account *acc = calloc(n_accounts + 1, sizeof *acc);
    coll_account_age *ages = calloc(n_accounts + 1, sizeof *ages);
    coll_bucket_totals totals[16];
    int64_t total_out = 0, total_due = 0;
    uint64_t total_n = 0;
    size_t i;
    char b1[32], b2[32];
    if (acc == NULL || ages == NULL) die("out of memory");
    for (i = 0; i < n_accounts; i++) {
        acc[i].obligations = after ? accounts[i].after : accounts[i].before;
        acc[i].n_obligations = accounts[i].n_dues;
    }
    check(coll_age_portfolio(acc, n_accounts, after ? WEEK_END : AS_OF, rules, ages, n_accounts, totals, 16),
          "coll_age_portfolio");
    printf("  %-9s %8s %14s %14s\n", "bucket", "accounts", "outstanding", "past due");
    for (i = 0; i < n_buckets; i++) {
        printf("  %-9s %8llu %14s %14s\n", labels[i], (unsigned long long)totals[i].accounts,
               money(cents(&totals[i].outstanding), b1), money(cents(&totals[i].past_due), b2));
        total_n += totals[i].accounts;
        total_out += cents(&totals[i].outstanding);
        total_due += cents(&totals[i].past_due);
    }
    printf("  %-9s %8llu %14s %14s\n", "total", (unsigned long long)total_n, money(total_out, b1),
           money(total_due, b2));
    free(acc);
    free(ages);
}

/* How the ledgers allocate a payment: principal (the only component of an add-on loan at rate 0) past due,
 * then due that day, then not yet due, each oldest due date first: oldest first, a payment made before its
 * installment's due date prepaying it (see demo.rs). */
static const coll_allocation_pair ALLOCATION[3] = {
    {COLL_TIMING_PAST_DUE, COLL_COMPONENT_PRINCIPAL},
    {COLL_TIMING_DUE, COLL_COMPONENT_PRINCIPAL},
    {COLL_TIMING_NOT_YET_DUE, COLL_COMPONENT_PRINCIPAL},
};

/* A new, empty ledger for the account: rate 0 from the opening day, the demo's allocation, and `freeze`
 * when not NULL. The loans are precomputed-interest (add-on) installment loans: the finance charge is
 * already in the installments, so the principal is the sum of the installments. */
static coll_ledger *new_ledger(const account *a, const coll_date_range *freeze) {
    coll_ledger_terms terms;
    coll_currency usd;
    coll_decimal zero = decimal("0"), principal;
    coll_ledger *ledger = NULL;
    int64_t sum = 0;
    size_t k;
    for (k = 0; k < a->n_dues; k++) sum += cents(&a->dues[k].amount);
    principal = from_cents(sum);
    check(coll_currency_from_code("USD", 3, &usd), "coll_currency_from_code");
    check(coll_ledger_terms_init(&terms), "coll_ledger_terms_init");
    terms.rate_dates = &a->opened;
    terms.rates = &zero;
    terms.n_rates = 1;
    terms.advanced_allocation = ALLOCATION;
    terms.n_advanced_allocation = 3;
    if (freeze != NULL) {
        terms.freezes = freeze;
        terms.n_freezes = 1;
    }
    check(coll_ledger_new(a->id, strlen(a->id), &usd, a->opened, &principal, &terms, &ledger), "coll_ledger_new");
    return ledger;
}

/* Posts payments as payment events, all or nothing. */
static void post_payments(coll_ledger *ledger, const received *list, size_t n) {
    coll_ledger_event *events = calloc(n + 1, sizeof *events);
    size_t k;
    if (events == NULL) die("out of memory");
    for (k = 0; k < n; k++) {
        check(coll_ledger_event_init(COLL_LEDGER_EVENT_PAYMENT, list[k].date, &events[k]), "coll_ledger_event_init");
        events[k].amount = list[k].amount;
        events[k].id = list[k].id;
        events[k].id_len = strlen(list[k].id);
    }
    check(coll_ledger_post_all(ledger, events, n), "coll_ledger_post_all");
    free(events);
}

/* The account's ledger: an obligation event per installment (they add up to the principal exactly), then
 * the payments of payments.csv as payment events. */
static void open_ledger(account *a) {
    coll_ledger_event *events = calloc(a->n_dues + 1, sizeof *events);
    size_t k;
    if (events == NULL) die("out of memory");
    a->ledger = new_ledger(a, NULL);
    for (k = 0; k < a->n_dues; k++) {
        check(coll_ledger_event_init(COLL_LEDGER_EVENT_OBLIGATION, a->dues[k].date, &events[k]),
              "coll_ledger_event_init");
        events[k].amount = a->dues[k].amount;
    }
    check(coll_ledger_post_all(a->ledger, events, a->n_dues), "coll_ledger_post_all");
    free(events);
    post_payments(a->ledger, a->paid, a->n_paid);
}

/* The account's obligations on `as_of` as its ledger gives them (one per installment), and its aging. */
static void age_ledger(account *a, coll_date as_of, const coll_aging_rules *rules, coll_obligation **out,
                       coll_aging_result *age) {
    size_t len;
    *out = malloc((a->n_dues + 1) * sizeof **out);
    if (*out == NULL) die("out of memory");
    check(coll_ledger_obligations_on(a->ledger, as_of, *out, a->n_dues, &len), "coll_ledger_obligations_on");
    if (len != a->n_dues) die("an account with two installments on one day");
    check(coll_ledger_aging(a->ledger, as_of, rules, age), "coll_ledger_aging");
}

/* Every loan on its ledger, its payments to AS_OF posted (the week's come in step 5), aged on AS_OF. */
static void age_all(const coll_aging_rules *rules) {
    size_t i;
    for (i = 0; i < n_accounts; i++) {
        account *a = &accounts[i];
        open_ledger(a);
        age_ledger(a, AS_OF, rules, &a->before, &a->age_before);
    }
}

/* Counts of blocking rules, kept sorted by rule id. */
typedef struct rule_count {
    char rule[64];
    size_t n;
} rule_count;

static rule_count reasons[64];
static size_t n_reasons;

static void count_reason(const char *rule, size_t len) {
    size_t i, j;
    char key[64];
    snprintf(key, sizeof key, "%.*s", (int)len, rule);
    for (i = 0; i < n_reasons; i++) {
        int c = strcmp(reasons[i].rule, key);
        if (c == 0) {
            reasons[i].n++;
            return;
        }
        if (c > 0) break;
    }
    if (n_reasons == 64) die("too many rules");
    for (j = n_reasons; j > i; j--) reasons[j] = reasons[j - 1];
    snprintf(reasons[i].rule, sizeof reasons[i].rule, "%s", key);
    reasons[i].n = 1;
    n_reasons++;
}

static coll_contact_policy *policy_for(const char *state) {
    static char states[16][4];
    static coll_contact_policy *policies[16];
    static size_t n;
    coll_contact_text names[4];
    size_t i, k = 0;
    for (i = 0; i < n; i++) {
        if (strcmp(states[i], state) == 0) return policies[i];
    }
    if (n == 16) die("too many states");
    names[k++] = text("regulation_f");
    names[k++] = text("tcpa");
    names[k++] = text("status_holds");
    if (strcmp(state, "MA") == 0) names[k++] = text("massachusetts");
    if (strcmp(state, "WA") == 0) names[k++] = text("washington");
    if (strcmp(state, "FL") == 0) names[k++] = text("florida");
    check(coll_contact_policy_from_presets(names, k, &policies[n]), "coll_contact_policy_from_presets");
    snprintf(states[n], sizeof states[n], "%s", state);
    return policies[n++];
}

static void contact_section(void) {
    static const char *const channels[3] = {"call", "text", "email"};
    size_t allowed[3] = {0}, blocked[3] = {0}, shown = 0, i, k;
    char lines[SHOW][512];
    int64_t at;
    check(coll_instant_from_rfc3339(OFFICER_AT, strlen(OFFICER_AT), &at), "coll_instant_from_rfc3339");
    printf("\n2. Contact at %s (09:30 in New York): Regulation F, TCPA and status holds, plus MA, WA and FL rules\n",
           OFFICER_AT);
    for (i = 0; i < n_accounts; i++) {
        account *a = &accounts[i];
        coll_contact_profile *profile = NULL;
        coll_contact_history *history = NULL;
        coll_contact_destination dest;
        coll_contact_text zones[4], debt;
        char postal[64];
        if (a->age_before.days_past_due == 0) continue;
        for (k = 0; k < a->n_zones; k++) zones[k] = text(a->zones[k]);
        check(coll_contact_profile_new(a->customer, strlen(a->customer), zones, a->n_zones, &profile),
              "coll_contact_profile_new");
        check(coll_contact_destination_init(&dest), "coll_contact_destination_init");
        dest.address = a->phone;
        dest.address_len = strlen(a->phone);
        dest.medium = COLL_CONTACT_MEDIUM_PHONE;
        check(coll_contact_line_from_name(a->line, strlen(a->line), &dest.line), a->line);
        check(coll_contact_profile_add_destination(profile, &dest), "coll_contact_profile_add_destination");
        check(coll_contact_destination_init(&dest), "coll_contact_destination_init");
        dest.address = a->email;
        dest.address_len = strlen(a->email);
        dest.medium = COLL_CONTACT_MEDIUM_EMAIL;
        check(coll_contact_profile_add_destination(profile, &dest), "coll_contact_profile_add_destination");

        check(coll_contact_history_new(&history), "coll_contact_history_new");
        snprintf(postal, sizeof postal, "postal address of %s", a->customer);
        debt = text(a->id);
        for (k = 0; k < a->n_contacts; k++) {
            const contact *x = &a->contacts[k];
            coll_contact_attempt attempt;
            const char *destination = strcmp(x->kind, "phone") == 0   ? a->phone
                                      : strcmp(x->kind, "email") == 0 ? a->email
                                                                      : postal;
            check(coll_contact_attempt_init(&attempt), "coll_contact_attempt_init");
            attempt.at = x->at;
            check(coll_contact_channel_from_name(x->channel, strlen(x->channel), &attempt.channel), x->channel);
            check(coll_contact_outcome_from_name(x->outcome, strlen(x->outcome), &attempt.outcome), x->outcome);
            attempt.direction = COLL_CONTACT_DIRECTION_OUTBOUND;
            attempt.destination = destination;
            attempt.destination_len = strlen(destination);
            attempt.debts = &debt;
            attempt.n_debts = 1;
            check(coll_contact_history_append(history, &attempt), "coll_contact_history_append");
        }
        for (k = 0; k < 3; k++) {
            coll_contact_request_fields f;
            coll_contact_request *request = NULL;
            coll_contact_decision *decision = NULL;
            const char *destination = k == 2 ? a->email : a->phone;
            bool ok;
            size_t n, r;
            check(coll_contact_request_fields_init(&f), "coll_contact_request_fields_init");
            f.person = a->customer;
            f.person_len = strlen(a->customer);
            f.debt = a->id;
            f.debt_len = strlen(a->id);
            check(coll_contact_channel_from_name(channels[k], strlen(channels[k]), &f.channel), channels[k]);
            f.destination = destination;
            f.destination_len = strlen(destination);
            f.at = at;
            check(coll_contact_request_new(&f, &request), "coll_contact_request_new");
            check(coll_contact_evaluate(policy_for(a->state), profile, history, request, &decision),
                  "coll_contact_evaluate");
            check(coll_contact_decision_allowed(decision, &ok), "coll_contact_decision_allowed");
            if (ok) {
                allowed[k]++;
            } else {
                char rules[256] = "", next[64] = "none within the search";
                uint8_t has;
                int64_t when;
                blocked[k]++;
                check(coll_contact_decision_reason_count(decision, &n), "coll_contact_decision_reason_count");
                for (r = 0; r < n; r++) {
                    coll_contact_reason reason;
                    check(coll_contact_decision_reason_at(decision, r, &reason), "coll_contact_decision_reason_at");
                    count_reason(reason.rule, reason.rule_len);
                    snprintf(rules + strlen(rules), sizeof rules - strlen(rules), "%s%.*s", r ? ", " : "",
                             (int)reason.rule_len, reason.rule);
                }
                if (shown < SHOW) {
                    size_t len;
                    char zones_text[96] = "";
                    check(coll_contact_decision_next_eligible(decision, &has, &when),
                          "coll_contact_decision_next_eligible");
                    if (has) check(coll_instant_to_rfc3339(when, next, sizeof next, &len), "coll_instant_to_rfc3339");
                    for (r = 0; r < a->n_zones; r++) {
                        snprintf(zones_text + strlen(zones_text), sizeof zones_text - strlen(zones_text), "%s%s",
                                 r ? " " : "", a->zones[r]);
                    }
                    snprintf(lines[shown++], sizeof lines[0], "    %s %-5s %s (%s): blocked by %s; next eligible %s",
                             a->id, channels[k], a->state, zones_text, rules, next);
                }
            }
            coll_contact_decision_free(decision);
            coll_contact_request_free(request);
        }
        coll_contact_history_free(history);
        coll_contact_profile_free(profile);
    }
    for (k = 0; k < 3; k++) {
        printf("  %-5s allowed %4zu  blocked %4zu\n", channels[k], allowed[k], blocked[k]);
    }
    printf("  blocked by rule (a decision may cite several):\n");
    for (i = 0; i < n_reasons; i++) printf("    %-34s %4zu\n", reasons[i].rule, reasons[i].n);
    printf("  the first %zu blocked, with the next eligible instant:\n", shown);
    for (i = 0; i < shown; i++) printf("%s\n", lines[i]);
}

static void affordability_section(void) {
    coll_guidelines *irs = NULL;
    size_t i, surplus = 0;
    char b1[32], b2[32], b3[32];
    check(coll_guidelines_irs(&irs), "coll_guidelines_irs");
    printf("\n3. Affordability: %zu statements against the IRS Collection Financial Standards\n", n_statements);
    printf("  %-7s %10s %10s %10s\n", "account", "income", "allowable", "disposable");
    for (i = 0; i < n_statements; i++) {
        account *a;
        assess_one(&statements[i], irs);
        a = find(statements[i].id);
        printf("  %-7s %10s %10s %10s\n", a->id, money(a->income, b1), money(a->allowable, b2),
               money(a->disposable, b3));
        surplus += a->disposable > 0;
    }
    printf("  with a surplus: %zu; in deficit: %zu\n", surplus, n_statements - surplus);
    coll_guidelines_free(irs);
}

/* The ledger's payments posted (those of the week when `week_only`) as the tracking takes them
 * (coll_payment_records_to_plan_payments), into `*out` (allocated; the caller frees it); returns their
 * number. */
static size_t posted_payments(const coll_ledger *ledger, int week_only, coll_plan_payment **out) {
    coll_payment_record *records;
    size_t n = 0, len, k;
    coll_status st = coll_ledger_posted_payments(ledger, NULL, 0, &n);
    if (st != COLL_OK && st != COLL_BUFFER_TOO_SMALL) check(st, "coll_ledger_posted_payments");
    records = calloc(n + 1, sizeof *records);
    *out = calloc(n + 1, sizeof **out);
    if (records == NULL || *out == NULL) die("out of memory");
    check(coll_ledger_posted_payments(ledger, records, n, &len), "coll_ledger_posted_payments");
    n = 0;
    for (k = 0; k < len; k++) {
        if (week_only && (date_cmp(records[k].date, AS_OF) < 0 || date_cmp(records[k].date, WEEK_END) >= 0)) continue;
        records[n++] = records[k];
    }
    check(coll_payment_records_to_plan_payments(records, n, *out), "coll_payment_records_to_plan_payments");
    free(records);
    return n;
}

/* A chosen plan freezes interest (and fees) from its start to its last promise: the ledger's terms take
 * that freeze. Terms are fixed when an account opens, so the ledger is opened again with the freeze and
 * the same events (at rate 0 this changes no figure). Returns the number of ledgers frozen. */
static size_t freeze_planned(void) {
    size_t i, k, n, frozen = 0;
    for (i = 0; i < n_accounts; i++) {
        account *a = &accounts[i];
        bool interest, fees;
        coll_date_range period;
        coll_ledger *ledger;
        coll_ledger_event *events;
        if (a->plan == NULL) continue;
        check(coll_arrangement_freeze(a->plan, &interest, &fees), "coll_arrangement_freeze");
        if (!interest) continue;
        check(coll_arrangement_frozen_period(a->plan, &period), "coll_arrangement_frozen_period");
        ledger = new_ledger(a, &period);
        check(coll_ledger_event_count(a->ledger, &n), "coll_ledger_event_count");
        events = calloc(n + 1, sizeof *events);
        if (events == NULL) die("out of memory");
        for (k = 0; k < n; k++) check(coll_ledger_event_at(a->ledger, k, &events[k]), "coll_ledger_event_at");
        check(coll_ledger_post_all(ledger, events, n), "coll_ledger_post_all");
        free(events);
        coll_ledger_free(a->ledger);
        a->ledger = ledger;
        frozen++;
    }
    return frozen;
}

/* Prints a posted payment's journal entry: where the ledger allocated it. */
static void print_entry(const account *a, const received *x) {
    bool found;
    size_t index, k;
    coll_ledger_entry e;
    char b1[32], b2[32];
    check(coll_ledger_payment_entry(a->ledger, x->id, strlen(x->id), &found, &index), "coll_ledger_payment_entry");
    if (!found) die("a payment the ledger did not post");
    check(coll_ledger_entry_at(a->ledger, index, &e), "coll_ledger_entry_at");
    printf("    %s %04d-%02u-%02u %s: ", x->id, (int)e.date.year, (unsigned)e.date.month, (unsigned)e.date.day,
           money(cents(&e.amount), b1));
    if (e.n_allocations == 0) printf("nothing");
    for (k = 0; k < e.n_allocations; k++) {
        coll_ledger_allocation al;
        const char *component;
        check(coll_ledger_entry_allocation_at(a->ledger, index, k, &al), "coll_ledger_entry_allocation_at");
        check(coll_component_name(al.component, &component), "coll_component_name");
        printf("%s%s due ", k ? ", " : "", component);
        if (al.has_due_date) {
            printf("%04d-%02u-%02u", (int)al.due_date.year, (unsigned)al.due_date.month, (unsigned)al.due_date.day);
        } else {
            printf("unscheduled");
        }
        printf(" %s", money(cents(&al.amount), b2));
    }
    printf("; to credit %s\n", money(cents(&e.to_credit), b1));
}

static int64_t week_section(const coll_aging_rules *rules) {
    int64_t collected = 0, delinquent_collected = 0;
    size_t i, k, n_cured = 0, posted = 0, frozen, shown = 0;
    char cured[4096] = "", b1[32], b2[32];
    frozen = freeze_planned();
    for (i = 0; i < n_accounts; i++) {
        account *a = &accounts[i];
        post_payments(a->ledger, a->week, a->n_week);
        age_ledger(a, WEEK_END, rules, &a->after, &a->age_after);
    }
    for (i = 0; i < n_accounts; i++) {
        account *a = &accounts[i];
        coll_plan_payment *week;
        int64_t paid = 0;
        size_t n = posted_payments(a->ledger, 1, &week);
        for (k = 0; k < n; k++) paid += cents(&week[k].amount);
        free(week);
        posted += n;
        collected += paid;
        if (a->age_before.days_past_due > 0) {
            delinquent_collected += paid;
            if (a->age_after.days_past_due == 0) {
                snprintf(cured + strlen(cured), sizeof cured - strlen(cured), "%s%s", n_cured ? " " : "", a->id);
                n_cured++;
            }
        }
    }
    printf("\n5. The week: %zu payments posted (2026-03-02 to 2026-03-06), as of %s\n", posted, WEEK_END_TEXT);
    printf("  payment events on the ledgers; interest frozen on %zu ledgers over their chosen plan (its start to its "
           "last promise)\n",
           frozen);
    printf("  collected %s, of which from delinquent accounts %s\n", money(collected, b1),
           money(delinquent_collected, b2));
    printf("  the first %d posted, as the ledger allocated them:\n", SHOW);
    for (i = 0; i < n_accounts && shown < SHOW; i++) {
        for (k = 0; k < accounts[i].n_week && shown < SHOW; k++, shown++) print_entry(&accounts[i], &accounts[i].week[k]);
    }
    printf("  accounts cured (%zu): %s\n", n_cured, cured);
    return delinquent_collected;
}

static void dunning_section(void) {
    static const char *const actions[4] = {"reminder", "second notice", "final notice", "pre-legal"};
    static const uint32_t days[4] = {1, 30, 60, 90};
    coll_dunning_level levels[4];
    coll_dunning_policy policy;
    coll_dunning_invoice *invoices = NULL;
    char (*ids)[48] = NULL;
    size_t n = 0, cap = 0, cap_ids = 0, i, k, n_customers, highest[4] = {0};
    coll_dunning_run *run = NULL;
    coll_dunning_totals totals;
    char b1[32];
    printf("\n6. Dunning as of %s: reminder at 1 day overdue, second notice at 30, final notice at 60, pre-legal at 90 "
           "(no fee, no interest; levels may be skipped)\n",
           WEEK_END_TEXT);
    for (k = 0; k < 4; k++) {
        check(coll_dunning_level_init(days[k], &levels[k]), "coll_dunning_level_init");
        levels[k].action = actions[k];
        levels[k].action_len = strlen(actions[k]);
    }
    check(coll_dunning_policy_init(&policy), "coll_dunning_policy_init");
    check(coll_currency_from_code("USD", 3, &policy.currency), "coll_currency_from_code");
    policy.levels = levels;
    policy.n_levels = 4;
    policy.one_level_at_a_time = 0;
    /* First the ids (the array may move while it grows), then the invoices pointing at them. */
    for (i = 0; i < n_accounts; i++) {
        account *a = &accounts[i];
        for (k = 0; k < a->n_dues; k++) {
            const coll_obligation *o = &a->after[k];
            if (date_cmp(o->due_date, WEEK_END) < 0 && cents(&o->amount_due) > cents(&o->amount_paid)) {
                ids = grow(ids, &cap_ids, n, sizeof *ids);
                snprintf(ids[n], sizeof ids[n], "%s-%02zu", a->id, k + 1);
                invoices = grow(invoices, &cap, n, sizeof *invoices);
                check(coll_dunning_invoice_init(&invoices[n]), "coll_dunning_invoice_init");
                invoices[n].customer_id = a->customer;
                invoices[n].customer_id_len = strlen(a->customer);
                invoices[n].currency = policy.currency;
                invoices[n].amount = from_cents(cents(&o->amount_due) - cents(&o->amount_paid));
                invoices[n].due_date = o->due_date;
                n++;
            }
        }
    }
    for (i = 0; i < n; i++) {
        invoices[i].id = ids[i];
        invoices[i].id_len = strlen(ids[i]);
    }
    check(coll_dunning_run_new(invoices, n, &policy, WEEK_END, &run), "coll_dunning_run_new");
    check(coll_dunning_run_get_totals(run, &totals), "coll_dunning_run_get_totals");
    check(coll_dunning_run_customer_count(run, &n_customers), "coll_dunning_run_customer_count");
    for (i = 0; i < n_customers; i++) {
        coll_dunning_customer c;
        uint32_t top = 0;
        check(coll_dunning_run_customer_at(run, i, &c), "coll_dunning_run_customer_at");
        for (k = 0; k < c.n_lines; k++) {
            coll_dunning_line line;
            check(coll_dunning_run_line_at(run, c.first_line + k, &line), "coll_dunning_run_line_at");
            if (line.level > top) top = line.level;
        }
        if (top > 0) highest[top - 1]++;
    }
    printf("  %zu overdue installments of %zu customers, %zu notices, outstanding %s\n", totals.invoices, n_customers,
           totals.notices, money(cents(&totals.outstanding), b1));
    printf("  customers by the highest level reached:\n");
    for (k = 0; k < 4; k++) printf("    %zu %-14s %4zu\n", k + 1, actions[k], highest[k]);
    coll_dunning_run_free(run);
    free(invoices);
    free(ids);
}


/* ------------------------------------------------------------------ plans */

typedef struct proposal {
    const char *name;
    coll_decimal hazard;
    coll_arrangement *plan;
} proposal;

/* The chance a plan fails before each promise: low when the largest monthly payment fits the disposable
 * income, higher when it takes up to twice that, high beyond (or with no surplus). */
static coll_decimal hazard_of(int64_t largest, int64_t disposable) {
    if (disposable > 0 && largest <= disposable) return decimal("0.05");
    if (disposable > 0 && largest <= 2 * disposable) return decimal("0.25");
    return decimal("0.50");
}

static coll_date month_after(coll_date first, int k) {
    coll_date d = first;
    int m = (int)first.month - 1 + k;
    d.year = first.year + m / 12;
    d.month = (uint32_t)(m % 12) + 1;
    return d;
}

static coll_arrangement *arrangement(const account *a, const coll_decimal *arrears, const coll_promise *promises,
                                     size_t n) {
    coll_plan_terms terms;
    coll_plan_debt debt;
    coll_arrangement *plan = NULL;
    memset(&debt, 0, sizeof debt);
    debt.id = a->id;
    debt.id_len = strlen(a->id);
    debt.balance = *arrears;
    check(coll_plan_terms_init(&terms), "coll_plan_terms_init");
    check(coll_currency_from_code("USD", 3, &terms.currency), "coll_currency_from_code");
    terms.debts = &debt;
    terms.n_debts = 1;
    terms.start_date = AS_OF;
    check(coll_arrangement_new(&terms, NULL, promises, n, &plan), "coll_arrangement_new");
    return plan;
}

/* What the disposable income affords (at most 12 months; none without a surplus), the arrears in three
 * equal months, and a settlement at 80% in one payment. Returns the number of proposals. */
static size_t propose(const account *a, proposal *out) {
    int64_t arrears = cents(&a->age_before.past_due_amount), step = a->disposable;
    coll_decimal arrears_d = from_cents(arrears);
    coll_currency usd;
    coll_promise promises[MAX_PLAN_MONTHS];
    coll_date dates[3];
    coll_settlement st;
    size_t n = 0;
    int k;
    check(coll_currency_from_code("USD", 3, &usd), "coll_currency_from_code");
    if (step > arrears) step = arrears;
    if (step > 0) {
        int64_t months = (arrears + step - 1) / step;
        if (months <= MAX_PLAN_MONTHS) {
            for (k = 0; k < months; k++) {
                promises[k].date = month_after(FIRST_PROMISE, k);
                promises[k].amount = from_cents(k + 1 < months ? step : arrears - step * (months - 1));
            }
            out[n].name = "affordable";
            out[n].hazard = hazard_of(step, a->disposable);
            out[n].plan = arrangement(a, &arrears_d, promises, (size_t)months);
            n++;
        }
    }
    for (k = 0; k < 3; k++) dates[k] = month_after(FIRST_PROMISE, k);
    check(coll_settle(arrears_d, usd, decimal("100"), dates, 3, COLL_ROUND_HALF_UP, &st, promises, 3), "coll_settle");
    out[n].name = "three-months";
    out[n].hazard = hazard_of(cents(&promises[0].amount), a->disposable);
    out[n].plan = arrangement(a, &arrears_d, promises, 3);
    n++;
    check(coll_settle(arrears_d, usd, from_cents(SETTLEMENT_PERCENT * 100), &FIRST_PROMISE, 1, COLL_ROUND_HALF_UP, &st,
                      promises, 1),
          "coll_settle");
    out[n].name = "settlement-80";
    out[n].hazard = hazard_of(cents(&st.amount), a->disposable);
    out[n].plan = arrangement(a, &arrears_d, promises, 1);
    n++;
    return n;
}

static coll_probabilities constant_hazard(coll_decimal hazard) {
    coll_probabilities p;
    memset(&p, 0, sizeof p);
    p.kind = COLL_PROBABILITIES_CONSTANT_HAZARD;
    p.hazard = hazard;
    return p;
}

/* The plan names in sorted order, as the report counts them. */
static const char *const PLAN_NAMES[3] = {"affordable", "settlement-80", "three-months"};

static void plans_section(void) {
    size_t i, k, n_chosen = 0, listed = 0, by_plan[3] = {0};
    coll_decimal discount = decimal(DISCOUNT_RATE);
    char b1[32], b2[32], b3[32];
    printf("\n4. Plans for the arrears of delinquent accounts with a statement: affordable (at most %d months), three "
           "months, settlement at %d%% on %s\n",
           MAX_PLAN_MONTHS, SETTLEMENT_PERCENT, FIRST_PROMISE_TEXT);
    printf("  scored at %s a year, hazard 5%% a promise if it fits the disposable income, 25%% within twice it, else "
           "50%%; best by expected NPV\n",
           DISCOUNT_RATE);
    for (i = 0; i < n_accounts; i++) {
        account *a = &accounts[i];
        proposal props[3];
        const coll_arrangement *plans[3];
        coll_probabilities probs[3];
        coll_plan_score_result scores[3];
        coll_decimal disposable;
        size_t n, order[3], len, best;
        if (a->age_before.days_past_due == 0 || !a->has_statement) continue;
        disposable = from_cents(a->disposable);
        n = propose(a, props);
        for (k = 0; k < n; k++) {
            plans[k] = props[k].plan;
            probs[k] = constant_hazard(props[k].hazard);
            check(coll_plan_score(plans[k], &probs[k], discount, &disposable, COLL_ROUND_HALF_UP, &scores[k]),
                  "coll_plan_score");
        }
        check(coll_plan_rank(plans, probs, n, discount, &disposable, COLL_ROUND_HALF_UP, COLL_RANK_BY_EXPECTED_NPV,
                             order, NULL, 3, &len),
              "coll_plan_rank");
        best = order[0];
        if (listed < SHOW) {
            printf("  %s arrears %s disposable %s:\n", a->id, money(cents(&a->age_before.past_due_amount), b1),
                   money(a->disposable, b2));
            for (k = 0; k < n; k++) {
                printf("    %s %-13s %2u promises total %9s npv %9s expected npv %9s\n", k == best ? "*" : " ",
                       props[k].name, (unsigned)scores[k].promises, money(cents(&scores[k].total), b1),
                       money(cents(&scores[k].npv), b2), money(cents(&scores[k].expected_npv), b3));
            }
            listed++;
        }
        for (k = 0; k < 3; k++) by_plan[k] += strcmp(PLAN_NAMES[k], props[best].name) == 0;
        for (k = 0; k < n; k++) {
            if (k != best) coll_arrangement_free(props[k].plan);
        }
        a->plan = props[best].plan;
        a->hazard = props[best].hazard;
        n_chosen++;
    }
    printf("  chosen plans: %zu\n", n_chosen);
    for (k = 0; k < 3; k++) {
        if (by_plan[k]) printf("    %-13s %4zu\n", PLAN_NAMES[k], by_plan[k]);
    }
}

/* The chosen plans tracked as of WEEK_END against the payments the ledgers posted (those before the plan's
 * start are ignored by the tracking). */
static void track_plans(void) {
    size_t i, n_chosen = 0, kept = 0, missed = 0, with_payment = 0;
    coll_break_rule rule;
    check(coll_break_rule_init(&rule), "coll_break_rule_init");
    for (i = 0; i < n_accounts; i++) {
        account *a = &accounts[i];
        coll_plan_payment *paid;
        size_t n;
        coll_promise_track first;
        if (a->plan == NULL) continue;
        n = posted_payments(a->ledger, 1, &paid);
        with_payment += n > 0;
        free(paid);
        n = posted_payments(a->ledger, 0, &paid);
        check(coll_plan_track(a->plan, paid, n, WEEK_END, &rule, &a->tracking), "coll_plan_track");
        free(paid);
        check(coll_tracking_promise_at(a->tracking, 0, &first), "coll_tracking_promise_at");
        kept += first.status == COLL_PROMISE_KEPT;
        missed += first.status == COLL_PROMISE_PARTIALLY_KEPT || first.status == COLL_PROMISE_BROKEN;
        n_chosen++;
    }
    printf("  first promises (due %s): kept %zu, missed %zu, of %zu; %zu planned accounts paid in the week\n",
           FIRST_PROMISE_TEXT, kept, missed, n_chosen, with_payment);
}

/* A ratio (or, with `scaled`, a percentage) as a percentage with one decimal, half up. */
static const char *percent(const coll_kpi *k, int scaled, char *buf) {
    coll_decimal r;
    int64_t tenths;
    if (!k->defined) return "n/a";
    check(coll_decimal_round(&k->value, scaled ? 1 : 3, COLL_ROUND_HALF_UP, &r), "coll_decimal_round");
    check(coll_decimal_to_minor_units(&r, scaled ? 1 : 3, &tenths), "coll_decimal_to_minor_units");
    sprintf(buf, "%lld.%lld%%", (long long)(tenths / 10), (long long)(tenths % 10));
    return buf;
}

static const char *const ACTIONS[10] = {"reminder",     "call",          "payment-plan-offer",
                                        "settlement-offer", "final-notice", "escalate-to-supervisor",
                                        "legal-review", "agency-placement", "hardship-review",
                                        "write-off"};

static void kpis_treatment_forecast(int64_t delinquent_collected) {
    int64_t before = 0, after = 0, billed = 0;
    size_t i, k, n_chosen = 0, n_rows, actions[11] = {0}, n_actions = 0;
    coll_kpi kpi;
    coll_cei_inputs cei;
    const coll_tracking **trackings = malloc((n_accounts + 1) * sizeof *trackings);
    const coll_arrangement **plans = malloc((n_accounts + 1) * sizeof *plans);
    coll_probabilities *probs = malloc((n_accounts + 1) * sizeof *probs);
    coll_treatment_policy *policy = NULL;
    coll_forecast *f = NULL;
    coll_forecast_row row;
    char b1[32], b2[32], b3[32], b4[32];
    static const char *none = "none";
    const char *names[11];
    if (trackings == NULL || plans == NULL || probs == NULL) die("out of memory");
    for (i = 0; i < n_accounts; i++) {
        account *a = &accounts[i];
        before += cents(&a->age_before.past_due_amount);
        after += cents(&a->age_after.past_due_amount);
        for (k = 0; k < a->n_dues; k++) {
            if (date_cmp(a->dues[k].date, AS_OF) >= 0 && date_cmp(a->dues[k].date, WEEK_END) < 0) {
                billed += cents(&a->dues[k].amount);
            }
        }
        if (a->plan != NULL) {
            trackings[n_chosen] = a->tracking;
            plans[n_chosen] = a->plan;
            probs[n_chosen] = constant_hazard(a->hazard);
            n_chosen++;
        }
    }
    printf("  KPIs:\n");
    check(coll_promise_kept_rate(trackings, n_chosen, &kpi), "coll_promise_kept_rate");
    printf("    promise-kept rate      %7s  (the chosen plans' promises due by %s)\n", percent(&kpi, 0, b1),
           WEEK_END_TEXT);
    check(coll_recovery_rate(from_cents(delinquent_collected), from_cents(before), &kpi), "coll_recovery_rate");
    printf("    recovery rate          %7s  (the week's payments from delinquent accounts / their past due on %s)\n",
           percent(&kpi, 0, b1), AS_OF_TEXT);
    check(coll_right_party_contact_rate(n_right_party, n_calls, &kpi), "coll_right_party_contact_rate");
    printf("    right-party contacts   %7s  (%zu of %zu calls in contacts.csv)\n", percent(&kpi, 0, b1), n_right_party,
           n_calls);
    cei.opening_receivables = from_cents(before);
    cei.credit_sales = from_cents(billed);
    cei.months = 1;
    cei.closing_receivables = from_cents(after);
    cei.closing_current_receivables = from_cents(0);
    check(coll_collection_effectiveness_index(&cei, &kpi), "coll_collection_effectiveness_index");
    printf("    CEI (the week)         %7s  (past due %s + billed %s - past due %s)\n", percent(&kpi, 1, b4),
           money(before, b1), money(billed, b2), money(after, b3));

    /* Treatment: every account past due after the week, by the standard policy. */
    check(coll_treatment_policy_standard(&policy), "coll_treatment_policy_standard");
    for (i = 0; i < n_accounts; i++) {
        account *a = &accounts[i];
        coll_account_state state;
        coll_treatment *t = NULL;
        coll_treatment_result r;
        const contact *last = NULL;
        uint32_t failed = 0;
        if (a->age_after.days_past_due == 0) continue;
        for (k = 0; k < a->n_contacts; k++) {
            const contact *x = &a->contacts[k];
            if (strcmp(x->channel, "call") != 0) continue;
            if (last == NULL || x->at >= last->at) last = x; /* the last in the file among equal instants */
            failed += strcmp(x->outcome, "right_party_conversation") != 0;
        }
        check(coll_account_state_init(&state), "coll_account_state_init");
        state.days_past_due = a->age_after.days_past_due;
        state.balance = a->age_after.outstanding;
        state.failed_contact_attempts = failed;
        if (last == NULL) {
            state.last_contact = COLL_LAST_CONTACT_NOT_ATTEMPTED;
        } else if (strcmp(last->outcome, "right_party_conversation") == 0) {
            state.last_contact = COLL_LAST_CONTACT_RIGHT_PARTY_CONTACT;
        } else if (strcmp(last->outcome, "voicemail") == 0) {
            state.last_contact = COLL_LAST_CONTACT_LEFT_MESSAGE;
        } else if (strcmp(last->outcome, "wrong_number") == 0) {
            state.last_contact = COLL_LAST_CONTACT_WRONG_PARTY;
        } else {
            state.last_contact = COLL_LAST_CONTACT_NO_ANSWER;
        }
        state.affordability = !a->has_statement  ? COLL_AFFORDABILITY_NOT_ASSESSED
                              : a->disposable > 0 ? COLL_AFFORDABILITY_SURPLUS
                                                  : COLL_AFFORDABILITY_DEFICIT;
        if (a->tracking != NULL) {
            coll_tracking_summary s;
            check(coll_tracking_get_summary(a->tracking, &s), "coll_tracking_get_summary");
            state.broken_promises = s.missed;
            state.active_plan = s.status == COLL_ARRANGEMENT_ACTIVE;
        }
        check(coll_treatment_recommend(policy, &state, &t), "coll_treatment_recommend");
        check(coll_treatment_get_result(t, &r), "coll_treatment_get_result");
        actions[r.fired && r.action < 10 ? r.action : 10]++;
        n_actions++;
        coll_treatment_free(t);
    }
    coll_treatment_policy_free(policy);
    /* The actions in name order, "none" among them. */
    for (k = 0; k < 11; k++) names[k] = k < 10 ? ACTIONS[k] : none;
    printf("  treatment (standard policy) for the %zu accounts past due:\n", n_actions);
    for (;;) {
        size_t best = 11;
        for (k = 0; k < 11; k++) {
            if (actions[k] && (best == 11 || strcmp(names[k], names[best]) < 0)) best = k;
        }
        if (best == 11) break;
        printf("    %-24s %4zu\n", names[best], actions[best]);
        actions[best] = 0;
    }

    check(coll_plan_forecast(plans, probs, n_chosen, AS_OF, COLL_FORECAST_MONTHLY, COLL_ROUND_HALF_UP, &f),
          "coll_plan_forecast");
    check(coll_forecast_row_count(f, &n_rows), "coll_forecast_row_count");
    printf("  expected cash flow of the chosen plans by month:\n");
    printf("    %-7s %8s %12s %12s\n", "month", "promises", "scheduled", "expected");
    for (k = 0; k < n_rows; k++) {
        char month[16];
        check(coll_forecast_row_at(f, k, &row), "coll_forecast_row_at");
        snprintf(month, sizeof month, "%04d-%02u", (int)row.period_start.year, (unsigned)row.period_start.month);
        printf("    %-7s %8llu %12s %12s\n", month, (unsigned long long)row.promises, money(cents(&row.scheduled), b1),
               money(cents(&row.expected), b2));
    }
    check(coll_forecast_totals(f, &row), "coll_forecast_totals");
    printf("    %-7s %8llu %12s %12s\n", "total", (unsigned long long)row.promises, money(cents(&row.scheduled), b1),
           money(cents(&row.expected), b2));
    coll_forecast_free(f);
    free(trackings);
    free(plans);
    free(probs);
}

int main(int argc, char **argv) {
    const char *dir = argc > 1 ? argv[1] : COLL_PORTFOLIO;
    coll_aging_rules rules;
    size_t i, n_delinquent = 0, len;
    int64_t delinquent_collected;

    load(dir);
    check(coll_aging_rules_init(&rules), "coll_aging_rules_init");
    check(coll_aging_bucket_count(&rules, &n_buckets), "coll_aging_bucket_count");
    if (n_buckets > 16) die("more than 16 buckets");
    for (i = 0; i < n_buckets; i++) {
        check(coll_aging_bucket_label(&rules, i, labels[i], sizeof labels[i], &len), "coll_aging_bucket_label");
    }
    age_all(&rules);

    printf("A collections officer's day, Monday %s\n", AS_OF_TEXT);
    printf("portfolio: %zu accounts, %zu installments, %zu payments to 2026-03-01, %zu payments in the week, %zu "
           "contact attempts, %zu statements\n",
           n_accounts, n_installments, n_payments, n_week, n_contacts, n_statements);

    printf("\n1. Aging as of %s from the ledgers (add-on loans: principal the sum of the installments, rate 0; payments "
           "allocated advanced (",
           AS_OF_TEXT);
    for (i = 0; i < 3; i++) {
        const char *timing, *component;
        check(coll_timing_name(ALLOCATION[i].timing, &timing), "coll_timing_name");
        check(coll_component_name(ALLOCATION[i].component, &component), "coll_component_name");
        printf("%s%s %s", i ? ", " : "", timing, component);
    }
    printf("); days past due from the oldest unpaid installment)\n");
    print_aging(&rules, 0);
    for (i = 0; i < n_accounts; i++) n_delinquent += accounts[i].age_before.days_past_due > 0;
    printf("  delinquent accounts: %zu\n", n_delinquent);

    contact_section();
    affordability_section();
    plans_section();
    delinquent_collected = week_section(&rules);
    track_plans();
    dunning_section();

    printf("\n7. Report\n");
    printf("  aging as of %s:\n", WEEK_END_TEXT);
    print_aging(&rules, 1);
    kpis_treatment_forecast(delinquent_collected);

    for (i = 0; i < n_accounts; i++) {
        account *a = &accounts[i];
        free(a->dues);
        free(a->paid);
        free(a->week);
        coll_ledger_free(a->ledger);
        free(a->contacts);
        free(a->before);
        free(a->after);
        coll_arrangement_free(a->plan);
        coll_tracking_free(a->tracking);
    }
    free(accounts);
    free(statements);
    return 0;
}
