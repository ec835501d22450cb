/*
** test_bigint: System.Numerics.BigInteger arithmetic against known values (computed with
** Python's integers), parsing of literals and strings, and conversions.
*/
#include "runtime/bigint.h"
#include "runtime/mem.h"
#include "tests/unit/check.h"

#include <stdlib.h>

static char ring[8][512];
static int ring_at;

/* Decimal text of v (borrowed from a ring); consumes v. */
static const char *str_take(Value v)
{
    char *b = ring[ring_at++ % 8];
    StrBuf sb;
    sb_init(&sb);
    bigint_to_string(v, &sb);
    snprintf(b, 512, "%s", sb_str(&sb));
    sb_free(&sb);
    val_unref(v);
    return b;
}

static Value big(const char *s)
{
    Value v = val_null();
    if (bigint_parse(s, strlen(s), &v)) abort();
    return v;
}

typedef Value (*BinFn)(Value, Value);

static const char *bin(BinFn f, const char *a, const char *b)
{
    Value x = big(a), y = big(b);
    Value r = f(x, y);
    val_unref(x), val_unref(y);
    return str_take(r);
}

static const char *divmod(int q, const char *a, const char *b)
{
    Value x = big(a), y = big(b), r;
    int rc = q ? bigint_div(x, y, &r) : bigint_mod(x, y, &r);
    val_unref(x), val_unref(y);
    return rc ? "DIV0" : str_take(r);
}

static void test_parse_print(void)
{
    CHECK_STR(str_take(big("0")), "0");
    CHECK_STR(str_take(big("-0")), "0");
    CHECK_STR(str_take(big("  42 ")), "42");
    CHECK_STR(str_take(big("-1000000000")), "-1000000000");
    CHECK_STR(str_take(big("111111111111111111111111111111111111111111111111111111")),
              "111111111111111111111111111111111111111111111111111111");
    Value v;
    CHECK(bigint_parse("12a", 3, &v) == -1);
    CHECK(bigint_parse("", 0, &v) == -1);
    CHECK(bigint_parse("-", 1, &v) == -1);
    CHECK(bigint_parse_literal("482ngb", 6, &v) == 0);
    CHECK_STR(str_take(v), "517543559168");
    CHECK(bigint_parse_literal("0xFFn", 5, &v) == 0);
    CHECK_STR(str_take(v), "255");
    CHECK(bigint_parse_literal("0b101n", 6, &v) == 0);
    CHECK_STR(str_take(v), "5");
    CHECK(bigint_parse_literal("10", 2, &v) == -1);
}

static void test_arith(void)
{
    CHECK_STR(bin(bigint_add, "123456789012345678901234567890", "1"),
              "123456789012345678901234567891");
    CHECK_STR(bin(bigint_add, "4294967295", "1"), "4294967296");
    CHECK_STR(bin(bigint_add, "-5", "3"), "-2");
    CHECK_STR(bin(bigint_add, "5", "-5"), "0");
    CHECK_STR(bin(bigint_sub, "3", "5"), "-2");
    CHECK_STR(bin(bigint_sub, "100000000000000000000", "1"), "99999999999999999999");
    CHECK_STR(bin(bigint_sub, "-3", "-5"), "2");
    CHECK_STR(bin(bigint_mul, "123456789012345678901234567890", "987654321098765432109876543210"),
              "121932631137021795226185032733622923332237463801111263526900");
    CHECK_STR(bin(bigint_mul, "-18446744073709551616", "18446744073709551616"),
              "-340282366920938463463374607431768211456");
    CHECK_STR(bin(bigint_mul, "0", "-7"), "0");
    CHECK_STR(divmod(1, "121932631137021795226185032733622923332237463801111263526900",
                     "987654321098765432109876543210"),
              "123456789012345678901234567890");
    CHECK_STR(divmod(1, "-7", "2"), "-3");
    CHECK_STR(divmod(0, "-7", "2"), "-1");
    CHECK_STR(divmod(0, "7", "-2"), "1");
    CHECK_STR(divmod(0, "340282366920938463463374607431768211457", "18446744073709551616"), "1");
    CHECK_STR(divmod(1, "5", "0"), "DIV0");
}

static void test_convert(void)
{
    Value a = big("-9223372036854775808"), b = big("9223372036854775808"), v;
    int64_t i = 0;
    uint64_t u = 0;
    CHECK(bigint_to_int64(a, &i) == 0 && i == INT64_MIN);
    CHECK(bigint_to_int64(b, &i) == -1);
    CHECK(bigint_to_uint64(b, &u) == 0 && u == (uint64_t)1 << 63);
    CHECK(bigint_to_uint64(a, &u) == -1);
    CHECK(bigint_cmp(a, b) < 0 && bigint_cmp(b, a) > 0 && bigint_cmp(a, a) == 0);
    CHECK(bigint_sign(a) == -1);
    CHECK(bigint_to_double(b) == 9223372036854775808.0);
    val_unref(a), val_unref(b);
    CHECK(bigint_from_double(1e20, &v) == 0);
    CHECK_STR(str_take(v), "100000000000000000000");
    CHECK(bigint_from_double(-2.9, &v) == 0);
    CHECK_STR(str_take(v), "-2");
    CHECK(bigint_from_value(val_int(-12), &v) == 0);
    CHECK_STR(str_take(v), "-12");
    Value e = val_str_empty(), five = big("5");
    CHECK(bigint_from_value(e, &v) == -1);
    CHECK_STR(str_take(bigint_neg(five)), "-5");
    val_unref(e), val_unref(five);
}

static const char *fmt(const char *num, const char *f)
{
    char *b = ring[ring_at++ % 8];
    Value v = big(num);
    StrBuf sb;
    sb_init(&sb);
    int st = bigint_format(v, f, &sb);
    snprintf(b, 512, "%s", st ? "ERR" : sb_str(&sb));
    sb_free(&sb);
    val_unref(v);
    return b;
}

static void test_format(void)
{
    CHECK_STR(fmt("12345678901234567890123", "N0"), "12,345,678,901,234,567,890,123");
    CHECK_STR(fmt("12345678901234567890123", NULL), "12345678901234567890123");
    CHECK_STR(fmt("-42", "D5"), "-00042");
    CHECK_STR(fmt("0", "D"), "0");
    CHECK_STR(fmt("0", "N2"), "0.00");
    CHECK_STR(fmt("255", "X"), "0FF");
    CHECK_STR(fmt("127", "x"), "7f");
    CHECK_STR(fmt("15", "X4"), "000F");
    CHECK_STR(fmt("12345", "E2"), "1.23E+004");
    CHECK_STR(fmt("1234567", "#,0.0"), "1,234,567.0");
    CHECK_STR(fmt("5", "Q"), "ERR");
}

int main(void)
{
    test_format();
    test_parse_print();
    test_arith();
    test_convert();
    return check_done();
}
