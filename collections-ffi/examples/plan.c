/*
 * A repayment plan through the C ABI, as an ERP plugin would run one: a card debt of 1,200.00 (USD) is
 * put on a plan from 2026-01-01 with interest and fees frozen, 3 grace days and FFIEC's 10% tolerance,
 * within bounds of 12 months and a 50.00 minimum installment: 200.00 down on 2026-01-05, then 200.00 on
 * the first of February to June. Payments are tracked to 2026-03-10; the plan is scored against a shorter
 * alternative; and, the debt being 120 days past due, a settlement is offered under a discount policy.
 *
 * Worked by hand (the C tests check the figures marked *):
 *   tracking as of 2026-03-10: 200.00 on 01-05 keeps the down payment; 180.00 on 02-03 (deadline 02-01 +
 *     3 = 02-04) is 20.00 short, within 10% of 200.00: kept, 20.00 tolerated; nothing by March's deadline
 *     (03-04): broken. One miss is not the default rule's two: still active *. Paid 200 + 180 = 380.00 *;
 *     remaining April to June 3 x 200 + March 200 = 800.00 *; 1 missed *
 *   plan A (the plan) at 0% with a 10% hazard: 200 x 0.9, 0.81, 0.729, 0.6561, 0.59049, 0.531441 =
 *     180.00 + 162.00 + 145.80 + 131.22 + 118.10 (118.098 half up) + 106.29 (106.2882) = 843.41 expected *
 *   plan B, 500.00 on 01-15 and 02-15, the same hazard: 450.00 + 405.00 = 855.00 expected *, so B ranks
 *     first by expected value * though A promises more (1,200.00 against 1,000.00)
 *   settlement: 120 days is in the band from 91 days: 20% off at once, 1,200 x 0.8 = 960.00 *, or 10% off
 *     in up to 3 installments, 1,080.00 *; settled at 80% over three dates: 960 / 3 = 320.00 each *
 *
 * Build and run: make -C tests/c plan-example (the C tests build and run it too), or by hand against an
 * installed library: cc plan.c $(pkg-config --cflags --libs collections).
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

/* The decimal rounded to cents, as text ("800.00" rather than "800"). */
static const char *cents(const coll_decimal *d, char *buf) {
    coll_decimal r;
    check(coll_decimal_round(d, 2, COLL_ROUND_HALF_EVEN, &r), "coll_decimal_round");
    return text(&r, buf);
}

static coll_promise promise(int32_t y, uint32_t m, uint32_t d, const char *amount) {
    coll_promise p;
    p.date.year = y;
    p.date.month = m;
    p.date.day = d;
    p.amount = decimal(amount);
    return p;
}

int main(void) {
    coll_plan_debt card;
    coll_plan_terms terms;
    coll_promise down, installments[5], short_plan[2];
    coll_arrangement *plan = NULL, *alternative = NULL;
    const coll_arrangement *plans[2];
    coll_plan_payment payments[2];
    coll_date as_of = {2026, 3, 10};
    coll_tracking *tracking = NULL;
    coll_tracking_summary summary;
    coll_probabilities hazard[2];
    coll_plan_score_result scores[2];
    size_t order[2], n, i;
    coll_discount_band bands[3];
    coll_settlement_policy *policy = NULL;
    coll_settlement_offer offers[2];
    coll_settlement settlement;
    coll_promise parts[3];
    coll_date dates[3] = {{2026, 4, 1}, {2026, 5, 1}, {2026, 6, 1}};
    coll_currency usd;
    const char *name;
    char a[COLL_DECIMAL_TEXT_CAPACITY], b[COLL_DECIMAL_TEXT_CAPACITY], c[COLL_DECIMAL_TEXT_CAPACITY];

    /* The terms and the plan. */
    check(coll_currency_from_code("USD", 3, &usd), "coll_currency_from_code");
    card.id = "card";
    card.id_len = 4;
    card.balance = decimal("1200.00");
    card.annual_rate = decimal("0");
    check(coll_plan_terms_init(&terms), "coll_plan_terms_init");
    terms.currency = usd;
    terms.debts = &card;
    terms.n_debts = 1;
    terms.start_date.year = 2026;
    terms.start_date.month = 1;
    terms.start_date.day = 1;
    terms.grace_days = 3;
    terms.tolerance_kind = COLL_TOLERANCE_PERCENT;
    terms.tolerance = decimal("10");
    terms.has_bounds = 1;
    terms.bounds.max_term_months = 12;
    terms.bounds.minimum_installment = decimal("50.00");
    down = promise(2026, 1, 5, "200.00");
    for (i = 0; i < 5; i++) {
        installments[i] = promise(2026, (uint32_t)(2 + i), 1, "200.00");
    }
    check(coll_arrangement_new(&terms, &down, installments, 5, &plan), "coll_arrangement_new");

    /* Tracking. */
    payments[0].date = down.date;
    payments[0].amount = decimal("200.00");
    payments[1].date.year = 2026;
    payments[1].date.month = 2;
    payments[1].date.day = 3;
    payments[1].amount = decimal("180.00");
    check(coll_plan_track(plan, payments, 2, as_of, NULL, &tracking), "coll_plan_track");
    check(coll_tracking_get_summary(tracking, &summary), "coll_tracking_get_summary");
    check(coll_arrangement_status_name(summary.status, &name), "coll_arrangement_status_name");
    printf("tracking as of 2026-03-10: %s, paid %s, remaining %s, missed %u\n", name, cents(&summary.paid, a),
           cents(&summary.remaining, b), summary.missed);
    for (i = 0; i < summary.n_promises; i++) {
        coll_promise_track p;
        check(coll_tracking_promise_at(tracking, i, &p), "coll_tracking_promise_at");
        check(coll_promise_status_name(p.status, &name), "coll_promise_status_name");
        printf("  %04d-%02u-%02u  %10s  %-14s paid %s\n", (int)p.date.year, (unsigned)p.date.month,
               (unsigned)p.date.day, cents(&p.amount, a), name, cents(&p.paid, b));
    }

    /* Two alternatives scored and ranked. */
    short_plan[0] = promise(2026, 1, 15, "500.00");
    short_plan[1] = promise(2026, 2, 15, "500.00");
    check(coll_arrangement_new(&terms, NULL, short_plan, 2, &alternative), "coll_arrangement_new");
    plans[0] = plan;
    plans[1] = alternative;
    for (i = 0; i < 2; i++) {
        memset(&hazard[i], 0, sizeof hazard[i]);
        hazard[i].kind = COLL_PROBABILITIES_CONSTANT_HAZARD;
        hazard[i].hazard = decimal("0.1");
    }
    check(coll_plan_rank(plans, hazard, 2, decimal("0"), NULL, COLL_ROUND_HALF_UP, COLL_RANK_BY_EXPECTED_VALUE,
                         order, scores, 2, &n),
          "coll_plan_rank");
    for (i = 0; i < n; i++) {
        printf("plan %c: total %s, expected %s over %lld days\n", order[i] == 0 ? 'A' : 'B',
               cents(&scores[i].total, a), cents(&scores[i].expected_value, b), (long long)scores[i].duration_days);
    }
    printf("best by expected value: plan %c\n", order[0] == 0 ? 'A' : 'B');

    /* A settlement offer at 120 days past due. */
    memset(bands, 0, sizeof bands);
    bands[0].lump_sum_discount_percent = decimal("0");
    bands[0].installment_discount_percent = decimal("0");
    bands[0].max_installments = 1;
    bands[1].min_days_past_due = 91;
    bands[1].lump_sum_discount_percent = decimal("20");
    bands[1].installment_discount_percent = decimal("10");
    bands[1].max_installments = 3;
    bands[2].min_days_past_due = 181;
    bands[2].lump_sum_discount_percent = decimal("40");
    bands[2].installment_discount_percent = decimal("25");
    bands[2].max_installments = 6;
    check(coll_settlement_policy_new(bands, 3, &policy), "coll_settlement_policy_new");
    check(coll_settlement_offers(card.balance, usd, 120, NULL, policy, offers, 2, &n), "coll_settlement_offers");
    printf("settlement offer: %s at once (%s off), or %s in %u installments\n", cents(&offers[0].amount, a),
           cents(&offers[0].discount, b), cents(&offers[1].amount, c), offers[1].installments);
    check(coll_settle(card.balance, usd, decimal("80"), dates, 3, COLL_ROUND_HALF_UP, &settlement, parts, 3),
          "coll_settle");
    printf("settled at 80%%: %s, forgiven %s:", cents(&settlement.amount, a), cents(&settlement.discount, b));
    for (i = 0; i < settlement.n_installments; i++) {
        printf(" %s on %04d-%02u-%02u", cents(&parts[i].amount, a), (int)parts[i].date.year,
               (unsigned)parts[i].date.month, (unsigned)parts[i].date.day);
    }
    printf("\n");

    coll_settlement_policy_free(policy);
    coll_tracking_free(tracking);
    coll_arrangement_free(alternative);
    coll_arrangement_free(plan);
    return 0;
}
