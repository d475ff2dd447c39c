/*
 * Compiles include/collections.h on its own, as C99 (-pedantic) and as C++ (the Makefile builds this file
 * both ways), and checks a few layout facts the ABI promises.
 */
#include "collections.h"

#ifdef __cplusplus
#define STATIC_CHECK(cond, name) static_assert(cond, #name)
#else
#define STATIC_CHECK(cond, name) typedef char static_check_##name[(cond) ? 1 : -1]
#endif

STATIC_CHECK(sizeof(coll_status) == 4, status_is_32_bits);
STATIC_CHECK(sizeof(coll_decimal) == 24, decimal_is_24_bytes);
STATIC_CHECK(sizeof(coll_date) == 12, date_is_12_bytes);
STATIC_CHECK(sizeof(((coll_currency *)0)->code) == 4, currency_code_has_room_for_nul);
STATIC_CHECK(sizeof(coll_unit_period) == 8, unit_period_is_8_bytes);
/* Flags read from caller memory are single checked bytes, not bool. */
STATIC_CHECK(sizeof(((coll_day_count *)0)->end_of_month_rule) == 1, end_of_month_rule_is_a_byte);
STATIC_CHECK(sizeof(((coll_day_count *)0)->has_maturity) == 1, has_maturity_is_a_byte);
STATIC_CHECK(sizeof(((coll_regulation_z_apr *)0)->irregular) == 1, irregular_is_a_byte);
STATIC_CHECK(sizeof(((coll_schedule_terms *)0)->end_of_month) == 1, end_of_month_is_a_byte);
STATIC_CHECK(sizeof(((coll_schedule_terms *)0)->has_payment) == 1, has_payment_is_a_byte);
STATIC_CHECK(sizeof(((coll_schedule_terms *)0)->has_day_count) == 1, has_day_count_is_a_byte);
STATIC_CHECK(sizeof(((coll_schedule_terms *)0)->has_payment_multiple) == 1, has_payment_multiple_is_a_byte);
STATIC_CHECK(sizeof(((coll_reamortization *)0)->has_annual_rate) == 1, has_annual_rate_is_a_byte);
STATIC_CHECK(sizeof(((coll_reamortization *)0)->has_term) == 1, has_term_is_a_byte);
STATIC_CHECK(sizeof(((coll_reamortization *)0)->has_payment) == 1, reamortization_has_payment_is_a_byte);
STATIC_CHECK(sizeof(((coll_schedule_row *)0)->holiday) == 1, holiday_is_a_byte);
/* Enumerations are uint32_t, the schedule kinds in the core's order of names. */
STATIC_CHECK(sizeof(coll_schedule_kind) == 4 && COLL_SCHEDULE_KIND_CUSTOM == 5, schedule_kinds);
STATIC_CHECK(COLL_OK == 0, ok_is_zero);
STATIC_CHECK(COLL_PANIC == 99, panic_is_99);

int header_check(void);

int header_check(void) {
    coll_decimal d = {1234, 0, 2};
    coll_date date = {2026, 1, 31};
    coll_money m;
    m.amount = d;
    (void)date;
    (void)m;
    return COLL_VERSION_MAJOR + COLL_VERSION_MINOR + COLL_VERSION_PATCH;
}
