/*
 * A dialer asks the C ABI before each call: may I call now, and if not, when? The person's mobile number
 * is a New York one and their address is in California, so they may be in either zone (Regulation F,
 * comment 6(b)(1)(i)-2: convenient only when it is 8 a.m. to 9 p.m. in both). The collector left a
 * limited-content message about the card debt on Wednesday, April 1, 2026, and placed unanswered calls
 * about it every day from Thursday, April 2, to Tuesday, April 7, all at 10:00 a.m. New York time.
 *
 * Worked by hand (the C tests check the lines marked *):
 *   now is Tuesday, April 7, 3:00 p.m. in New York (noon in Los Angeles; 19:00 UTC): inside 8 a.m. to
 *     9 p.m. in both zones, but seven calls about the card were placed within seven consecutive days
 *     (April 1 to 7), so a call now is blocked by reg_f.call_frequency, 12 CFR 1006.14(b)(2)-(4) *
 *   on Wednesday, April 8, the seven days are April 2 to 8, holding six calls: the frequency allows a
 *     call from the start of the day; the time of day allows it once it is 8 a.m. in Los Angeles, which
 *     is 11 a.m. in New York: the next eligible instant is 2026-04-08T15:00:00Z *
 *   asked again at that instant, the answer is yes *
 *
 * Build and run: make -C tests/c dialer-example (the C tests build and run it too), or by hand against
 * an installed library: cc dialer.c $(pkg-config --cflags --libs collections).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "collections.h"

#define CELL "+1 212 555 0100"

/* Stops the example with the library's message when a call fails. */
static void check(coll_status status, const char *what) {
    if (status != COLL_OK) {
        fprintf(stderr, "%s failed: %s: %s\n", what, coll_status_name(status), coll_last_error_message());
        exit(1);
    }
}

/* An instant as RFC 3339 text in UTC, in buf of 32 bytes. */
static const char *utc(int64_t at, char *buf) {
    size_t len;
    check(coll_instant_to_rfc3339(at, buf, 32, &len), "coll_instant_to_rfc3339");
    return buf;
}

static int64_t instant(const char *text) {
    int64_t at;
    check(coll_instant_from_rfc3339(text, strlen(text), &at), text);
    return at;
}

/* Adds an outbound call about the card to the history. */
static void add_call(coll_contact_history *history, const char *at, coll_contact_outcome outcome) {
    coll_contact_attempt a;
    coll_contact_text card;
    card.ptr = "card";
    card.len = 4;
    check(coll_contact_attempt_init(&a), "coll_contact_attempt_init");
    a.at_text = at;
    a.at_text_len = strlen(at);
    a.channel = COLL_CONTACT_CHANNEL_CALL;
    a.direction = COLL_CONTACT_DIRECTION_OUTBOUND;
    a.outcome = outcome;
    a.destination = CELL;
    a.destination_len = strlen(CELL);
    a.debts = &card;
    a.n_debts = 1;
    check(coll_contact_history_append(history, &a), at);
}

/* Asks and prints the answer: the reasons and warnings, the next eligible instant, the log line.
 * Returns the next eligible instant (or -1 when there is none). */
static int64_t ask(const coll_contact_policy *policy, const coll_contact_profile *profile,
                   const coll_contact_history *history, const coll_contact_request *request) {
    coll_contact_decision *d = NULL;
    bool allowed;
    uint8_t has;
    int64_t at, next;
    size_t n, i, len;
    char buf[32], *json;
    check(coll_contact_evaluate(policy, profile, history, request, &d), "coll_contact_evaluate");
    check(coll_contact_decision_allowed(d, &allowed), "coll_contact_decision_allowed");
    check(coll_contact_decision_instant(d, &at), "coll_contact_decision_instant");
    printf("may I call %s at %s? %s\n", CELL, utc(at, buf), allowed ? "yes" : "no");
    check(coll_contact_decision_reason_count(d, &n), "coll_contact_decision_reason_count");
    for (i = 0; i < n; i++) {
        coll_contact_reason r;
        check(coll_contact_decision_reason_at(d, i, &r), "coll_contact_decision_reason_at");
        printf("  blocked by %s [%s] (%s): %s\n", r.rule, r.mark, r.citation, r.message);
    }
    check(coll_contact_decision_warning_count(d, &n), "coll_contact_decision_warning_count");
    for (i = 0; i < n; i++) {
        coll_contact_warning w;
        check(coll_contact_decision_warning_at(d, i, &w), "coll_contact_decision_warning_at");
        printf("  warning %s (%s): %s\n", w.code, w.citation, w.message);
    }
    check(coll_contact_decision_next_eligible(d, &has, &next), "coll_contact_decision_next_eligible");
    if (has) {
        printf("  next eligible: %s\n", utc(next, buf));
    } else {
        printf("  next eligible: none\n");
        next = -1;
    }
    /* The decision as one line of JSON, for the dialer's log. */
    if (coll_contact_decision_to_json(d, NULL, 0, &len) == COLL_BUFFER_TOO_SMALL && (json = malloc(len)) != NULL) {
        check(coll_contact_decision_to_json(d, json, len, &len), "coll_contact_decision_to_json");
        printf("  log: %s\n", json);
        free(json);
    }
    coll_contact_decision_free(d);
    return next;
}

int main(void) {
    static const char profile_json[] =
        "{\"person\": \"p-1027\", \"time_zones\": [\"America/New_York\", \"America/Los_Angeles\"],"
        " \"destinations\": [{\"address\": \"" CELL "\", \"medium\": \"phone\", \"line\": \"cell\"}]}";
    coll_contact_policy *policy = NULL;
    coll_contact_profile *profile = NULL;
    coll_contact_history *history = NULL;
    coll_contact_request *now = NULL, *later = NULL;
    coll_contact_request_fields f;
    coll_contact_windows *windows = NULL;
    char day[16], start[32], end[32];
    size_t n, i;
    int64_t next;

    check(coll_contact_policy_us_federal(&policy), "coll_contact_policy_us_federal");
    check(coll_contact_profile_from_json(profile_json, strlen(profile_json), &profile),
          "coll_contact_profile_from_json");
    check(coll_contact_history_new(&history), "coll_contact_history_new");
    add_call(history, "2026-04-01T10:00:00-04:00", COLL_CONTACT_OUTCOME_LIMITED_CONTENT_MESSAGE);
    for (i = 2; i <= 7; i++) {
        snprintf(day, sizeof day, "2026-04-%02lu", (unsigned long)i);
        snprintf(start, sizeof start, "%sT10:00:00-04:00", day);
        add_call(history, start, COLL_CONTACT_OUTCOME_NO_ANSWER);
    }

    check(coll_contact_request_fields_init(&f), "coll_contact_request_fields_init");
    f.person = "p-1027";
    f.person_len = strlen(f.person);
    f.debt = "card";
    f.debt_len = 4;
    f.channel = COLL_CONTACT_CHANNEL_CALL;
    f.destination = CELL;
    f.destination_len = strlen(CELL);
    f.at = instant("2026-04-07T15:00:00-04:00");
    check(coll_contact_request_new(&f, &now), "coll_contact_request_new");

    next = ask(policy, profile, history, now);
    if (next >= 0) {
        check(coll_contact_request_at(now, next, &later), "coll_contact_request_at");
        ask(policy, profile, history, later);
    }

    /* When the dialer may call over the next three days (if it makes no other call). */
    check(coll_contact_eligible_windows(policy, profile, history, now, 3, &windows), "coll_contact_eligible_windows");
    check(coll_contact_windows_count(windows, &n), "coll_contact_windows_count");
    printf("eligible windows over 3 days:\n");
    for (i = 0; i < n; i++) {
        coll_contact_window w;
        check(coll_contact_windows_at(windows, i, &w), "coll_contact_windows_at");
        printf("  %s to %s\n", utc(w.start, start), utc(w.end, end));
    }

    coll_contact_windows_free(windows);
    coll_contact_request_free(later);
    coll_contact_request_free(now);
    coll_contact_history_free(history);
    coll_contact_profile_free(profile);
    coll_contact_policy_free(policy);
    return 0;
}
