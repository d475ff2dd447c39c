/*
 * An affordability assessment through the C ABI, as a collections system would run one: a household of
 * two adults and a child with one car, in the IRS South region, states its monthly income and spending
 * (USD, June 2025), which is assessed against the embedded IRS Collection Financial Standards (table
 * irs-2025). The flags and the derivation are printed line by line; then the disposable income is shared
 * among three creditors, and a plan per debt is recommended under a policy with a 25.00 minimum payment.
 *
 * Worked by hand (the C tests check the figures marked *):
 *   income: 1,350.00 a week x 52 / 12 = 5,850.00, plus 400.00 every four weeks x 13 / 12 = 433.33
 *     (half-up): 6,283.33 *
 *   allowable expenditure: housing 1,650 + utilities 320 + health insurance 410 + taxes 780 as stated;
 *     health care 3 persons under 65 x 84 = 252 in full (150 spent); vehicle ownership the lesser of 480
 *     and 662 = 480; vehicle operating the lesser of 350 and 281 (South) = 281, 69 over; public
 *     transportation the lesser of 0 and 244 = 0 (nothing spent: flagged low); national standards for 3
 *     persons 1,753 in full (1,970 spent: 217 over): 5,926.00 *
 *   disposable income: 6,283.33 - 5,926.00 - 120.00 priority debt payments = 237.33 *
 *   fair shares of 237.33 by 4,200 / 2,700 / 450 (7,350): 135.617..., 87.182..., 14.530...; the cent
 *     left over goes to the largest remainder: 135.62 / 87.18 / 14.53 *
 *   the catalogue's 14.53 is below the 25.00 minimum: no plan, the fallbacks instead *
 *
 * Build and run: make -C tests/c affordability-example (the C tests build and run it too), or by hand
 * against an installed library: cc affordability.c $(pkg-config --cflags --libs collections).
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

/* One statement item: a category by name, an amount and a frequency by name. */
static coll_statement_item item(const char *category, const char *amount, const char *frequency) {
    coll_statement_item it;
    memset(&it, 0, sizeof it);
    check(coll_category_from_name(category, strlen(category), &it.category), category);
    it.amount = decimal(amount);
    check(coll_frequency_from_name(frequency, strlen(frequency), &it.frequency), frequency);
    return it;
}

static void print_figure(const char *label, const coll_decimal *d) {
    char buf[COLL_DECIMAL_TEXT_CAPACITY];
    printf("  %-24s %10s\n", label, text(d, buf));
}

int main(void) {
    coll_statement_item items[13];
    coll_household household;
    coll_currency usd;
    coll_date june = {2025, 6, 1};
    coll_statement *statement = NULL;
    coll_guidelines *irs = NULL;
    coll_assessment *assessment = NULL;
    coll_assessment_figures figures;
    coll_creditor creditors[3];
    coll_plan_debt debts[3];
    coll_fair_share *shares = NULL;
    coll_fair_share_totals totals;
    coll_plan_policy policy;
    coll_recommendations *plans = NULL;
    size_t n, i, j;
    char a[COLL_DECIMAL_TEXT_CAPACITY], b[COLL_DECIMAL_TEXT_CAPACITY], c[COLL_DECIMAL_TEXT_CAPACITY];
    static const char *const names[3] = {"card", "loan", "catalogue"};
    static const char *const balances[3] = {"4200.00", "2700.00", "450.00"};
    static const char *const rates[3] = {"0.229", "0.069", "0"};

    /* The statement: income weekly and four-weekly, everything else monthly. */
    items[0] = item("earnings", "1350.00", "weekly");
    items[1] = item("other_income", "400.00", "four-weekly");
    items[2] = item("housing", "1650.00", "monthly");
    items[2].label = "rent";
    items[2].label_len = 4;
    items[3] = item("utilities", "320.00", "monthly");
    items[4] = item("health_insurance", "410.00", "monthly");
    items[5] = item("health_care", "150.00", "monthly");
    items[6] = item("vehicle_ownership", "480.00", "monthly");
    items[7] = item("vehicle_operating", "350.00", "monthly");
    items[8] = item("taxes", "780.00", "monthly");
    items[9] = item("food_and_housekeeping", "1250.00", "monthly");
    items[10] = item("personal_costs", "300.00", "monthly");
    items[11] = item("communications_and_leisure", "420.00", "monthly");
    items[12] = item("priority_debt_payments", "120.00", "monthly");
    check(coll_household_init(2, &household), "coll_household_init");
    household.children_under_16 = 1;
    household.vehicles = 1;
    household.region = "south";
    household.region_len = 5;
    check(coll_currency_from_code("USD", 3, &usd), "coll_currency_from_code");
    check(coll_statement_new(june, &usd, &household, items, 13, COLL_ROUND_HALF_UP, &statement),
          "coll_statement_new");

    /* The assessment against the IRS standards, with the default policy (NULL). */
    check(coll_guidelines_irs(&irs), "coll_guidelines_irs");
    check(coll_assess(statement, irs, NULL, &assessment), "coll_assess");
    check(coll_assessment_get_figures(assessment, &figures), "coll_assessment_get_figures");
    printf("Assessment of 2025-06-01 (USD), guideline table %s\n", figures.table);
    print_figure("income", &figures.income);
    print_figure("expenditure", &figures.expenditure);
    print_figure("allowable expenditure", &figures.allowable_expenditure);
    print_figure("priority debts", &figures.priority_debts);
    print_figure("surplus", &figures.surplus);
    print_figure("disposable income", &figures.disposable_income);
    printf("  deficit: %s\n", figures.is_deficit ? "yes" : "no");

    printf("\nFlags:\n");
    check(coll_assessment_flag_count(assessment, &n), "coll_assessment_flag_count");
    for (i = 0; i < n; i++) {
        coll_assessment_flag flag;
        const char *kind;
        check(coll_assessment_flag_at(assessment, i, &flag), "coll_assessment_flag_at");
        check(coll_flag_kind_name(flag.kind, &kind), "coll_flag_kind_name");
        printf("  %-24s %-15s spent %8s, standard %8s, difference %8s\n", flag.guideline, kind,
               text(&flag.actual, a), text(&flag.standard, b), text(&flag.difference, c));
    }

    printf("\nDerivation:\n");
    check(coll_assessment_line_count(assessment, &n), "coll_assessment_line_count");
    for (i = 0; i < n; i++) {
        coll_assessment_line line;
        const char *kind;
        check(coll_assessment_line_at(assessment, i, &line), "coll_assessment_line_at");
        check(coll_line_kind_name(line.kind, &kind), "coll_line_kind_name");
        printf("  %-9s %-27s %10s  %s\n", kind, line.label, text(&line.amount, a), line.derivation);
    }

    /* The disposable income shared among the creditors (the default offer policy: NULL). */
    for (i = 0; i < 3; i++) {
        creditors[i].id = names[i];
        creditors[i].id_len = strlen(names[i]);
        creditors[i].balance = decimal(balances[i]);
        debts[i].id = names[i];
        debts[i].id_len = strlen(names[i]);
        debts[i].balance = creditors[i].balance;
        debts[i].annual_rate = decimal(rates[i]);
    }
    check(coll_fair_share_new(&figures.max_affordable_payment, &usd, creditors, 3, NULL, &shares),
          "coll_fair_share_new");
    check(coll_fair_share_get_totals(shares, &totals), "coll_fair_share_get_totals");
    printf("\nFair shares of %s:\n", text(&totals.available, a));
    check(coll_fair_share_offer_count(shares, &n), "coll_fair_share_offer_count");
    for (i = 0; i < n; i++) {
        coll_offer offer;
        const char *basis;
        check(coll_fair_share_offer_at(shares, i, &offer), "coll_fair_share_offer_at");
        check(coll_offer_basis_name(offer.basis, &basis), "coll_offer_basis_name");
        printf("  %-10s owed %8s: %7s a month (%s)\n", offer.creditor, text(&offer.balance, a),
               text(&offer.amount, b), basis);
    }
    printf("  total %s\n", text(&totals.total, a));

    /* A plan per debt: the default policy with a minimum payment of 25.00. */
    check(coll_plan_policy_init(&policy), "coll_plan_policy_init");
    policy.minimum_payment = decimal("25.00");
    check(coll_recommend(assessment, debts, 3, &policy, &plans), "coll_recommend");
    printf("\nRecommendations:\n");
    check(coll_recommendations_count(plans, &n), "coll_recommendations_count");
    for (i = 0; i < n; i++) {
        coll_recommendation rec;
        check(coll_recommendations_at(plans, i, &rec), "coll_recommendations_at");
        if (rec.has_plan) {
            printf("  %-10s plan: %s a month for %u months, last %s, interest %s\n", rec.debt,
                   text(&rec.plan.payment, a), (unsigned)rec.plan.term_months, text(&rec.plan.final_payment, b),
                   rec.plan.freeze_interest ? "frozen" : "charged");
        } else {
            printf("  %-10s no plan; fallbacks:", rec.debt);
            for (j = 0; j < rec.n_fallbacks; j++) {
                coll_fallback f;
                const char *kind;
                check(coll_recommendations_fallback_at(plans, i, j, &f), "coll_recommendations_fallback_at");
                check(coll_fallback_kind_name(f.kind, &kind), "coll_fallback_kind_name");
                if (f.kind == COLL_FALLBACK_TOKEN_PAYMENT) {
                    printf(" %s %s", kind, text(&f.amount, a));
                } else if (f.kind == COLL_FALLBACK_BREATHING_SPACE) {
                    printf(" %s %u days", kind, (unsigned)f.days);
                } else {
                    printf(" %s %u months", kind, (unsigned)f.months);
                }
                printf(j + 1 < rec.n_fallbacks ? "," : "\n");
            }
        }
        for (j = 0; j < rec.n_reasons; j++) {
            const char *reason;
            size_t len;
            check(coll_recommendations_reason_at(plans, i, j, &reason, &len), "coll_recommendations_reason_at");
            printf("             - %.*s\n", (int)len, reason);
        }
    }

    coll_recommendations_free(plans);
    coll_fair_share_free(shares);
    coll_assessment_free(assessment);
    coll_guidelines_free(irs);
    coll_statement_free(statement);
    return 0;
}
