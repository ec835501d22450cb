/*
** test_numfmt: .NET numeric, composite, DateTime and TimeSpan formatting (runtime/numfmt.c,
** runtime/datefmt.c).  Expected strings come from the .NET docs pages "Standard numeric format
** strings", "Custom numeric format strings", "Standard/Custom date and time format strings",
** "TimeSpan format strings", PowerShell's Get-Date -UFormat docs and language.md 6.2 / 6.5.
*/
#include "runtime/numfmt.h"
#include "runtime/datefmt.h"

#include <math.h>

#include "tests/unit/check.h"

static StrBuf out;

/* Each helper formats into the shared buffer; "ERR:<message>" on failure. */
static const char *result(NfStatus st)
{
    if (st) {
        sb_clear(&out);
        sb_puts(&out, "ERR:");
        sb_puts(&out, nf_strerror(st));
    }
    return sb_str(&out);
}

static const char *D(double v, const char *f)
{
    sb_clear(&out);
    return result(nf_format_double(&out, v, f, NF_INVARIANT));
}

static const char *DU(double v, const char *f)
{
    sb_clear(&out);
    return result(nf_format_double(&out, v, f, NF_EN_US));
}

static const char *FL(float v, const char *f)
{
    sb_clear(&out);
    return result(nf_format_float(&out, v, f, NF_INVARIANT));
}

static const char *I(int32_t v, const char *f)
{
    sb_clear(&out);
    return result(nf_format_int(&out, v, 4, f, NF_INVARIANT));
}

static const char *IU(int32_t v, const char *f)
{
    sb_clear(&out);
    return result(nf_format_int(&out, v, 4, f, NF_EN_US));
}

static const char *IW(int64_t v, int width, const char *f)
{
    sb_clear(&out);
    return result(nf_format_int(&out, v, width, f, NF_INVARIANT));
}

static const char *U64(uint64_t v, const char *f)
{
    sb_clear(&out);
    return result(nf_format_uint(&out, v, 8, f, NF_INVARIANT));
}

static const char *M(uint64_t mant, int scale, int neg, const char *f, NfCulture cul)
{
    NfDecimal d = {(uint32_t)mant, (uint32_t)(mant >> 32), 0, (uint8_t)scale, (uint8_t)neg};
    sb_clear(&out);
    return result(nf_format_decimal(&out, &d, f, cul));
}

static const char *PS(double v)
{
    sb_clear(&out);
    nf_double_ps(&out, v);
    return sb_str(&out);
}

static void test_standard_integer(void)
{
    CHECK_STR(I(12345, NULL), "12345");
    CHECK_STR(I(-12345, ""), "-12345");
    CHECK_STR(I(12345, "D"), "12345");
    CHECK_STR(I(12345, "D8"), "00012345");
    CHECK_STR(I(-12345, "D8"), "-00012345");
    CHECK_STR(I(42, "D5"), "00042");
    CHECK_STR(I(42, "d1"), "42");
    CHECK_STR(I(0x2045e, "x"), "2045e");
    CHECK_STR(I(0x2045e, "X8"), "0002045E");
    CHECK_STR(I(123456789, "X"), "75BCD15");
    CHECK_STR(I(123456789, "X2"), "75BCD15");
    CHECK_STR(I(255, "X"), "FF");
    CHECK_STR(I(255, "x4"), "00ff");
    CHECK_STR(I(-1, "X"), "FFFFFFFF");
    CHECK_STR(IW(-1, 1, "X"), "FF");
    CHECK_STR(IW(-1, 2, "x"), "ffff");
    CHECK_STR(IW(-2, 8, "X"), "FFFFFFFFFFFFFFFE");
    CHECK_STR(IW(INT64_MIN, 8, NULL), "-9223372036854775808");
    CHECK_STR(IW(INT64_MIN, 8, "X"), "8000000000000000");
    CHECK_STR(IW(INT64_MAX, 8, "N0"), "9,223,372,036,854,775,807");
    CHECK_STR(U64(UINT64_MAX, NULL), "18446744073709551615");
    CHECK_STR(U64(UINT64_MAX, "x"), "ffffffffffffffff");
    CHECK_STR(U64(5, "B8"), "00000101");
    CHECK_STR(I(42, "B"), "101010");
    CHECK_STR(I(255, "b16"), "0000000011111111");
    CHECK_STR(IW(-1, 1, "x"), "ff");
    CHECK_STR(I(0, "b"), "0");
    CHECK_STR(I(1234, "N"), "1,234.00");
    CHECK_STR(I(123456789, "N1"), "123,456,789.0");
    CHECK_STR(I(-1234, "N0"), "-1,234");
    CHECK_STR(I(17843, "F"), "17843.00");
    CHECK_STR(I(-29541, "F3"), "-29541.000");
    CHECK_STR(I(1234, "G2"), "1.2E+03");
    CHECK_STR(I(1250, "G2"), "1.3E+03"); /* integers round half away from zero */
    CHECK_STR(I(123, "G5"), "123");
    CHECK_STR(I(12345, "E"), "1.234500E+004");
    CHECK_STR(I(-12345, "e2"), "-1.23e+004");
    CHECK_STR(I(5, "R"), "ERR:Format specifier was invalid.");
    CHECK_STR(IU(1234, "C"), "$1,234.00");
    CHECK_STR(IU(-1234, "C0"), "-$1,234");
    CHECK_STR(I(1234, "C"), "\xC2\xA4"
                            "1,234.00");
    CHECK_STR(I(-1234, "C"), "(\xC2\xA4"
                             "1,234.00)");
    CHECK_STR(I(1, "P"), "100.00 %");
    CHECK_STR(IU(1, "P0"), "100%");
    CHECK_STR(I(123, "Z"), "ERR:Format specifier was invalid.");
    CHECK_STR(I(123, "K5"), "ERR:Format specifier was invalid.");
}

static void test_standard_double(void)
{
    CHECK_STR(D(1234.567, "F"), "1234.57");
    CHECK_STR(D(-1234.56, "F4"), "-1234.5600");
    CHECK_STR(D(18934.1879, "F"), "18934.19");
    CHECK_STR(D(18934.1879, "F0"), "18934");
    CHECK_STR(D(-1898300.1987, "F1"), "-1898300.2");
    CHECK_STR(D(3.14159, "F1"), "3.1");
    CHECK_STR(D(0.001, "F2"), "0.00");
    CHECK_STR(D(0.006, "F2"), "0.01");
    CHECK_STR(D(0.0001, "F2"), "0.00");
    CHECK_STR(D(-0.001, "F2"), "-0.00"); /* .NET Core 3.0+: negative zero keeps its sign */
    CHECK_STR(D(-0.0, "F2"), "-0.00");
    CHECK_STR(D(0, "F3"), "0.000");
    CHECK_STR(D(1e21, "F0"), "1000000000000000000000");
    CHECK_STR(D(-12445.6789, "N"), "-12,445.68");
    CHECK_STR(D(-12445.6789, "N1"), "-12,445.7");
    CHECK_STR(D(1234.5, "N2"), "1,234.50");
    CHECK_STR(D(12345.6789, "N0"), "12,346");
    CHECK_STR(D(999.995, "N2"), "1,000.00"); /* 999.9950000000000045... */
    CHECK_STR(D(999999.999, "N2"), "1,000,000.00");
    CHECK_STR(D(12345.6789, "E"), "1.234568E+004");
    CHECK_STR(D(12345.6789, "E10"), "1.2345678900E+004");
    CHECK_STR(D(12345.6789, "e4"), "1.2346e+004");
    CHECK_STR(D(-0.00012, "E2"), "-1.20E-004");
    CHECK_STR(D(0, "E"), "0.000000E+000");
    CHECK_STR(D(1e100, "E0"), "1E+100");
    CHECK_STR(D(5e-324, "E3"), "4.941E-324");
    CHECK_STR(D(12345.6789, "G"), "12345.6789");
    CHECK_STR(D(12345.6789, "G7"), "12345.68");
    CHECK_STR(D(12345.6789, "G4"), "1.235E+04");
    CHECK_STR(D(0.0000023, "G"), "2.3E-06");
    CHECK_STR(D(0.0023, "G"), "0.0023");
    CHECK_STR(D(0.00012345, "G3"), "0.000123");
    CHECK_STR(D(3.141592653589793, "G5"), "3.1416");
    CHECK_STR(D(12345.6789, "g3"), "1.23e+04");
    CHECK_STR(D(0.1, "G17"), "0.10000000000000001");
    CHECK_STR(D(0.1 + 0.2, "G"), "0.30000000000000004");
    CHECK_STR(D(0.1 + 0.2, NULL), "0.30000000000000004");
    CHECK_STR(D(0.1 + 0.2, "G0"), "0.30000000000000004");
    CHECK_STR(D(1.0 / 3, NULL), "0.3333333333333333");
    CHECK_STR(D(100, NULL), "100");
    CHECK_STR(D(-60, "R"), "-60");
    CHECK_STR(D(1e15, NULL), "1000000000000000"); /* fixed up to 17 integer digits */
    CHECK_STR(D(1e17, NULL), "1E+17");
    CHECK_STR(D(1e14, NULL), "100000000000000");
    CHECK_STR(D(1e16, "R"), "10000000000000000");
    CHECK_STR(D(1234567890123456.0, NULL), "1234567890123456");
    CHECK_STR(D(123456789012345680.0, "R"), "1.2345678901234568E+17");
    CHECK_STR(D(1e20, "r"), "1e+20");
    CHECK_STR(D(1.7976931348623157e308, "R"), "1.7976931348623157E+308");
    CHECK_STR(D(5e-324, "R"), "5E-324");
    CHECK_STR(D(1e-7, "R"), "1E-07");
    CHECK_STR(D(0.0001, NULL), "0.0001");
    CHECK_STR(D(0.00001, NULL), "1E-05");
    CHECK_STR(D(-0.0, NULL), "-0");
    CHECK_STR(D(0.2468013, "P"), "24.68 %");
    CHECK_STR(D(0.2468013, "P1"), "24.7 %");
    CHECK_STR(D(-0.5, "P"), "-50.00 %");
    CHECK_STR(DU(0.5, "P"), "50.00%");
    CHECK_STR(DU(-0.39678, "P1"), "-39.7%");
    CHECK_STR(D(0, "P"), "0.00 %");
    CHECK_STR(DU(12345.6789, "C"), "$12,345.68");
    CHECK_STR(DU(12345.6789, "C3"), "$12,345.679");
    CHECK_STR(DU(-1234.5, "C"), "-$1,234.50");
    CHECK_STR(D(-1234.5, "C"), "(\xC2\xA4"
                               "1,234.50)");
    /* examples from the .NET docs table (culture-neutral ones) */
    CHECK_STR(D(1052.0329112756, "E"), "1.052033E+003");
    CHECK_STR(D(-1052.0329112756, "e2"), "-1.05e+003");
    CHECK_STR(D(-123.456, "G"), "-123.456");
    CHECK_STR(D(123.4546, "G4"), "123.5");
    CHECK_STR(D(-1.234567890e-25, "G"), "-1.23456789E-25");
    CHECK_STR(D(1234.567, "N"), "1,234.57");
    CHECK_STR(D(-1234.56, "N3"), "-1,234.560");
    CHECK_STR(D(1234, "F1"), "1234.0");
    CHECK_STR(D(123456789.12345678, "R"), "123456789.12345678");
    CHECK_STR(D(-1234567890.12345678, "R"), "-1234567890.1234567");
    CHECK_STR(DU(123.456, "C"), "$123.46");
    CHECK_STR(DU(-123.456, "C3"), "-$123.456"); /* ICU en-US; the docs show NLS "($123.456)" */
    CHECK_STR(D(1.5, "D"), "ERR:Format specifier was invalid.");
    CHECK_STR(D(1.5, "X"), "ERR:Format specifier was invalid.");
    CHECK_STR(D(1.5, "Q2"), "ERR:Format specifier was invalid.");
    CHECK_STR(D(NAN, "F2"), "NaN");
    CHECK_STR(D(INFINITY, NULL), "Infinity");
    CHECK_STR(D(-INFINITY, "N2"), "-Infinity");
    CHECK_STR(DU(INFINITY, NULL), "\xE2\x88\x9E");
    CHECK_STR(DU(-INFINITY, "0.0"), "-\xE2\x88\x9E");
}

/* Standard formats round the exact binary value, ties to even (.NET Core 3.0+). */
static void test_rounding(void)
{
    CHECK_STR(D(2.675, "F2"), "2.67"); /* 2.67499999999999982236431605997495353221893310546875 */
    CHECK_STR(D(1.005, "F2"), "1.00");
    CHECK_STR(D(0.125, "F2"), "0.12"); /* exact tie -> even */
    CHECK_STR(D(0.375, "F2"), "0.38");
    CHECK_STR(D(0.5, "F0"), "0");
    CHECK_STR(D(1.5, "F0"), "2");
    CHECK_STR(D(2.5, "F0"), "2");
    CHECK_STR(D(3.5, "F0"), "4");
    CHECK_STR(D(0.05, "F1"), "0.1");
    CHECK_STR(D(0.15, "F1"), "0.1");
    CHECK_STR(D(0.25, "F1"), "0.2");
    CHECK_STR(D(0.35, "F1"), "0.3");
    CHECK_STR(D(1.55, "F1"), "1.6");
    CHECK_STR(D(0.125, "E1"), "1.2E-001");
    CHECK_STR(D(0.125, "G2"), "0.12");
    CHECK_STR(D(9.995, "N2"), "9.99");
    CHECK_STR(D(9.9951, "N2"), "10.00");
    /* pwsh 7.1 outputs quoted in PowerShell/PowerShell#16150 ("{0:f1}" -f 0.05 ...) */
    static const double f1in[] = {0.05, 0.15, 0.25, 0.35, 0.45, 0.55, 0.65, 0.75, 0.85, 0.95};
    static const char *const f1out[] = {"0.1", "0.1", "0.2", "0.3", "0.5",
                                        "0.6", "0.7", "0.8", "0.8", "0.9"};
    static const double f2in[] = {0.005, 0.015, 0.025, 0.035, 0.045,
                                  0.055, 0.065, 0.075, 0.085, 0.095};
    static const char *const f2out[] = {"0.01", "0.01", "0.03", "0.04", "0.04",
                                        "0.06", "0.07", "0.07", "0.09", "0.10"};
    for (int k = 0; k < 10; k++) {
        CHECK_STR(D(f1in[k], "f1"), f1out[k]);
        CHECK_STR(D(f2in[k], "f2"), f2out[k]);
    }
    /* custom formats see 15 digits first, then round half away from zero */
    CHECK_STR(D(2.675, "0.00"), "2.68");
    CHECK_STR(D(0.125, "0.00"), "0.13");
    CHECK_STR(D(2.5, "0"), "3");
    CHECK_STR(D(0.5, "0"), "1");
    CHECK_STR(D(0.45, "0.0"), "0.5");
    CHECK_STR(D(5.25, "00.0"), "05.3");
    CHECK_STR(D(-0.1, "0"), "-0"); /* dotnet/runtime#32458 */
    CHECK_STR(D(0.1 + 0.2, "0.00000000000000000"), "0.30000000000000000");
    /* decimals and integers: half away from zero */
    CHECK_STR(M(125, 3, 0, "F2", NF_INVARIANT), "0.13");
    CHECK_STR(M(25, 1, 0, "F0", NF_INVARIANT), "3");
    CHECK_STR(M(15, 1, 1, "F0", NF_INVARIANT), "-2");
    CHECK_STR(M(1, 1, 1, "0", NF_INVARIANT), "0"); /* decimal -0.1 -> "0", no sign */
}

static void test_decimal(void)
{
    CHECK_STR(M(150, 2, 0, NULL, NF_INVARIANT), "1.50");
    CHECK_STR(M(0, 2, 0, NULL, NF_INVARIANT), "0.00");
    CHECK_STR(M(0, 0, 1, NULL, NF_INVARIANT), "0");
    CHECK_STR(M(150, 2, 1, "G", NF_INVARIANT), "-1.50");
    CHECK_STR(M(5, 5, 0, NULL, NF_INVARIANT), "0.00005"); /* no scientific for decimal G */
    CHECK_STR(M(12345678, 4, 0, "N2", NF_INVARIANT), "1,234.57");
    CHECK_STR(M(123456, 3, 0, "C", NF_EN_US), "$123.46");
    CHECK_STR(M(123456, 3, 0, "G4", NF_INVARIANT), "123.5");
    CHECK_STR(M(12345, 1, 0, "E2", NF_INVARIANT), "1.23E+003");
    CHECK_STR(M(5, 2, 0, "0.0", NF_INVARIANT), "0.1");
    CHECK_STR(M(1, 0, 0, "X", NF_INVARIANT), "ERR:Format specifier was invalid.");
    CHECK_STR(M(1, 0, 0, "D", NF_INVARIANT), "ERR:Format specifier was invalid.");
    CHECK_STR(M(1, 0, 0, "R", NF_INVARIANT), "ERR:Format specifier was invalid.");
    NfDecimal max = {0xFFFFFFFFu, 0xFFFFFFFFu, 0xFFFFFFFFu, 0, 0};
    sb_clear(&out);
    CHECK(nf_format_decimal(&out, &max, NULL, NF_INVARIANT) == NF_OK);
    CHECK_STR(sb_str(&out), "79228162514264337593543950335");
    max.scale = 28;
    sb_clear(&out);
    nf_format_decimal(&out, &max, NULL, NF_INVARIANT);
    CHECK_STR(sb_str(&out), "7.9228162514264337593543950335");
}

static void test_float_and_ps(void)
{
    CHECK_STR(FL(0.1f, NULL), "0.1");
    CHECK_STR(FL(1.0f / 3, NULL), "0.33333334");
    CHECK_STR(FL(16777216.0f, NULL), "16777216");
    CHECK_STR(FL(1e10f, NULL), "1E+10");
    CHECK_STR(FL(1e9f, NULL), "1E+09");
    CHECK_STR(FL(123456789.0f, NULL), "123456790");
    CHECK_STR(FL(-0.5f, "R"), "-0.5");
    CHECK_STR(FL(2.675f, "F2"), "2.67"); /* 2.6749999523162841796875 */
    CHECK_STR(FL(1.0f / 3, "0.000000000"), "0.333333300");
    sb_clear(&out);
    nf_float_ps(&out, 1.0f / 3);
    CHECK_STR(sb_str(&out), "0.3333333");
    /* PowerShell's own double -> string is G15 (language.md 6.2) */
    CHECK_STR(PS(0.1 + 0.2), "0.3");
    CHECK_STR(PS(1.0 / 3), "0.333333333333333");
    CHECK_STR(PS(2.0 / 3), "0.666666666666667");
    CHECK_STR(PS(1e20), "1E+20");
    CHECK_STR(PS(1.4e23 * 1099511627776.0), "1.5393162788864E+35");
    CHECK_STR(PS(1e15), "1E+15");
    CHECK_STR(PS(1e14), "100000000000000");
    CHECK_STR(PS(123456789012345.0), "123456789012345");
    CHECK_STR(PS(1234567890123456.0), "1.23456789012346E+15");
    CHECK_STR(PS(1.7976931348623157e308), "1.79769313486232E+308");
    CHECK_STR(PS(2147483648.0), "2147483648");
    CHECK_STR(PS(2.5), "2.5");
    CHECK_STR(PS(-1.5), "-1.5");
    CHECK_STR(PS(0.0001), "0.0001");
    CHECK_STR(PS(0.00001), "1E-05");
    CHECK_STR(PS(0), "0");
    CHECK_STR(PS(NAN), "NaN");
    CHECK_STR(PS(-INFINITY), "-Infinity");
}

static void test_custom(void)
{
    CHECK_STR(I(123, "00000"), "00123");
    CHECK_STR(D(1.2, "0.00"), "1.20");
    CHECK_STR(D(1.2, "00.00"), "01.20");
    CHECK_STR(D(0.56, "0.0"), "0.6");
    CHECK_STR(D(0.56, "#.##"), ".56");
    CHECK_STR(D(0.56, "00.00"), "00.56");
    CHECK_STR(I(1234567890, "#,#"), "1,234,567,890");
    CHECK_STR(D(1234567.89, "#,#"), "1,234,568");
    CHECK_STR(D(1234567.891, "#,##0.00"), "1,234,567.89");
    CHECK_STR(I(1234567890, "#,##0,,"), "1,235");
    CHECK_STR(I(1234567890, "#,,"), "1235");
    CHECK_STR(I(1234567890, "#,,,"), "1");
    CHECK_STR(I(1234567, "0,0"), "1,234,567");
    CHECK_STR(I(1234, "#,##0.00"), "1,234.00");
    CHECK_STR(I(123, "#####"), "123");
    CHECK_STR(I(0, "#"), "");
    CHECK_STR(I(0, "0"), "0");
    CHECK_STR(I(1234567890, "(###) ###-####"), "(123) 456-7890");
    CHECK_STR(I(42, "My Number = #"), "My Number = 42");
    CHECK_STR(D(0.086, "#0.##%"), "8.6%");
    CHECK_STR(D(0.3697, "%#0.00"), "%36.97");
    CHECK_STR(D(0.03697, "XX%00.00XX"), "XX%03.70XX");
    CHECK_STR(D(0.1234, "0.00%"), "12.34%");
    CHECK_STR(D(0.1234, "##0.0\xE2\x80\xB0"), "123.4\xE2\x80\xB0");
    CHECK_STR(D(86000, "0.###E+0"), "8.6E+4");
    CHECK_STR(D(86000, "0.###E+000"), "8.6E+004");
    CHECK_STR(D(86000, "0.###E-000"), "8.6E004");
    CHECK_STR(D(1234.5, "0.00E+00"), "1.23E+03");
    CHECK_STR(D(1234, "00.00E+0"), "12.34E+2");
    CHECK_STR(D(0.00012, "0.0e-0"), "1.2e-4");
    CHECK_STR(D(0, "0.0E+0"), "0.0E+0");
    CHECK_STR(I(5, "0E"), "5E"); /* E not followed by 0 is a literal */
    CHECK_STR(I(123, "\\#\\#\\# ##0 dollars and \\0\\0 cents \\#\\#\\#"),
              "### 123 dollars and 00 cents ###");
    CHECK_STR(D(1.1, "'#'0.0'#'"), "#1.1#");
    CHECK_STR(I(5, "\"[\"0\"]\""), "[5]");
    CHECK_STR(I(5, "0 'a;b'"), "5 a;b");
    CHECK_STR(I(-1234, "##;(##)"), "(1234)");
    CHECK_STR(I(0, "##;(##);**Zero**"), "**Zero**");
    CHECK_STR(I(-5, "0;0"), "5");
    CHECK_STR(I(-5, "0;"), "-5"); /* empty negative section: the first one with a sign */
    CHECK_STR(I(-5, "0;;zero"), "-5");
    CHECK_STR(I(0, "0;;zero"), "zero");
    CHECK_STR(D(12345.678, "#,##0.##;(#,##0.##);zero"), "12,345.68");
    CHECK_STR(D(-12345.678, "#,##0.##;(#,##0.##);zero"), "(12,345.68)");
    CHECK_STR(D(-0.001, "0.0;(0.0);zero"), "zero"); /* rounds to zero: zero section */
    /* no zero section: back to section 0, and a double keeps its sign */
    CHECK_STR(D(-0.001, "0.0;(0.0)"), "-0.0");
    CHECK_STR(M(1, 3, 1, "0.0;(0.0)", NF_INVARIANT), "0.0");
    CHECK_STR(D(1234.5, "00.0"), "1234.5");
    CHECK_STR(D(-1234.5, "0.0"), "-1234.5");
    char big[302] = "1";
    memset(big + 1, '0', 300);
    big[301] = '\0';
    CHECK_STR(D(1e300, "0"), big); /* 15 significant digits, then zeros */
}

/* ---------------------------------------------------------------- composite (-f) */

typedef struct Arg {
    char type; /* 'd' double, 'i' int32, 's' string */
    double d;
    int64_t i;
    const char *s;
} Arg;

static NfStatus fmt_arg(void *ctx, StrBuf *sb, int index, const char *fmt, size_t fmtlen)
{
    const Arg *a = (const Arg *)ctx + index;
    if (a->type == 'd') return nf_format_double(sb, a->d, fmt, NF_EN_US);
    if (a->type == 'i') return nf_format_int(sb, a->i, 4, fmt, NF_EN_US);
    sb_puts(sb, a->s); /* strings ignore the format */
    return NF_OK;
}

static StrBuf cout;

static const char *C(const char *fmt, int nargs, const Arg *args)
{
    sb_clear(&cout);
    NfStatus st = nf_composite(&cout, fmt, nargs, fmt_arg, (void *)args);
    if (st) {
        sb_clear(&cout);
        sb_puts(&cout, "ERR:");
        sb_puts(&cout, nf_strerror(st));
    }
    return sb_str(&cout);
}

static void test_composite(void)
{
    Arg n1234 = {'d', 1234.5, 0, NULL};
    Arg i42[] = {{'i', 0, 42, NULL}, {'s', 0, 0, "two"}};
    Arg i255 = {'i', 0, 255, NULL};
    Arg half = {'d', 0.5, 0, NULL};
    Arg pi = {'d', 3.14159, 0, NULL};
    Arg e = {'s', 0, 0, "\xC3\xA9"};
    CHECK_STR(C("[{0,10:N2}]", 1, &n1234), "[  1,234.50]");
    CHECK_STR(C("[{0,-10:N2}]", 1, &n1234), "[1,234.50  ]");
    CHECK_STR(C("{0:D5}", 1, i42), "00042");
    CHECK_STR(C("{0:X}", 1, &i255), "FF");
    CHECK_STR(C("{0:x4}", 1, &i255), "00ff");
    CHECK_STR(C("{0:F1}", 1, &pi), "3.1");
    CHECK_STR(C("{0:P}", 1, &half), "50.00%");
    CHECK_STR(C("{0:00.0}", 1, &pi), "03.1");
    CHECK_STR(C("{0} and {1}", 2, i42), "42 and two");
    CHECK_STR(C("{1}{0}{1}", 2, i42), "two42two");
    CHECK_STR(C("{0,5}|{0,-5}|", 1, i42), "   42|42   |");
    CHECK_STR(C("{0 , 5}", 1, i42), "   42");
    CHECK_STR(C("{0,1}", 1, i42), "42");
    CHECK_STR(C("{0,3}", 1, &e), "  \xC3\xA9"); /* alignment counts characters */
    CHECK_STR(C("{{0}} {{{0}}}", 1, i42), "{0} {42}");
    CHECK_STR(C("no items", 0, NULL), "no items");
    CHECK_STR(C("", 0, NULL), "");
    CHECK_STR(C("{0:#,##0;(#,##0)}", 1, &(Arg){'i', 0, -1234, NULL}), "(1,234)");
    CHECK_STR(C("{1}", 1, i42), "ERR:Index (zero based) must be greater than or equal to zero "
                                "and less than the size of the argument list.");
    CHECK_STR(C("{0}", 0, NULL), "ERR:Index (zero based) must be greater than or equal to zero "
                                 "and less than the size of the argument list.");
    CHECK_STR(C("{0", 1, i42), "ERR:Input string was not in a correct format.");
    CHECK_STR(C("{a}", 1, i42), "ERR:Input string was not in a correct format.");
    CHECK_STR(C("{-1}", 1, i42), "ERR:Input string was not in a correct format.");
    CHECK_STR(C("x}", 1, i42), "ERR:Input string was not in a correct format.");
    CHECK_STR(C("{0:N2", 1, i42), "ERR:Input string was not in a correct format.");
    CHECK_STR(C("{0,}", 1, i42), "ERR:Input string was not in a correct format.");
    CHECK_STR(C("{0,5x}", 1, i42), "ERR:Input string was not in a correct format.");
    CHECK_STR(C("{0:Q}", 1, i42), "ERR:Format specifier was invalid.");
    CHECK_STR(C("{0:D}", 1, &pi), "ERR:Format specifier was invalid.");
    CHECK_STR(C("{}", 1, i42), "ERR:Input string was not in a correct format.");
}

/* ---------------------------------------------------------------- dates */

static DtParts mkdate(int y, int mo, int d, int h, int mi, int s, int32_t frac, DtKind kind,
                      int off)
{
    DtParts p = {y, mo, d, h, mi, s, frac, 0, 0, kind, off};
    dt_from_ticks(dt_to_ticks(&p), &p); /* fills dow and yday */
    return p;
}

static const char *DT(const DtParts *p, const char *f, NfCulture cul)
{
    sb_clear(&out);
    return result(dt_format(&out, p, f, cul));
}

static void test_calendar(void)
{
    DtParts p = mkdate(2009, 6, 15, 13, 45, 30, 6170000, DT_UNSPECIFIED, 0);
    CHECK(dt_to_ticks(&p) == INT64_C(633806703306170000));
    CHECK(p.dow == 1);
    CHECK(p.yday == 166);
    DtParts q;
    dt_from_ticks(0, &q);
    CHECK(q.year == 1 && q.month == 1 && q.day == 1 && q.dow == 1);
    dt_from_ticks(DT_UNIX_EPOCH_TICKS, &q);
    CHECK(q.year == 1970 && q.month == 1 && q.day == 1 && q.dow == 4 && q.hour == 0);
    DtParts leap = mkdate(2024, 2, 29, 23, 59, 59, 9999999, DT_UTC, 0);
    dt_from_ticks(dt_to_ticks(&leap) + 1, &q);
    CHECK(q.year == 2024 && q.month == 3 && q.day == 1 && q.hour == 0 && q.frac == 0);
    CHECK(leap.yday == 60);
    DtParts now;
    dt_now(&now, 1);
    CHECK(now.kind == DT_UTC && now.offset_min == 0 && now.year >= 2024 && now.year < 9999);
    dt_now(&now, 0);
    CHECK(now.kind == DT_LOCAL && now.offset_min > -24 * 60 && now.offset_min < 24 * 60);
    DtParts last = mkdate(9999, 12, 31, 23, 59, 59, 9999999, DT_UTC, 0);
    CHECK(dt_to_ticks(&last) == INT64_C(3155378975999999999));
    CHECK(last.dow == 5);
}

static void test_date_standard(void)
{
    DtParts p = mkdate(2009, 6, 15, 13, 45, 30, 6170000, DT_LOCAL, -7 * 60);
    CHECK_STR(DT(&p, "d", NF_EN_US), "6/15/2009");
    CHECK_STR(DT(&p, "D", NF_EN_US), "Monday, June 15, 2009");
    CHECK_STR(DT(&p, "f", NF_EN_US), "Monday, June 15, 2009 1:45 PM");
    CHECK_STR(DT(&p, "F", NF_EN_US), "Monday, June 15, 2009 1:45:30 PM");
    CHECK_STR(DT(&p, "g", NF_EN_US), "6/15/2009 1:45 PM");
    CHECK_STR(DT(&p, "G", NF_EN_US), "6/15/2009 1:45:30 PM");
    CHECK_STR(DT(&p, "M", NF_EN_US), "June 15");
    CHECK_STR(DT(&p, "m", NF_EN_US), "June 15");
    CHECK_STR(DT(&p, "O", NF_EN_US), "2009-06-15T13:45:30.6170000-07:00");
    CHECK_STR(DT(&p, "R", NF_EN_US), "Mon, 15 Jun 2009 20:45:30 GMT");
    CHECK_STR(DT(&p, "s", NF_EN_US), "2009-06-15T13:45:30");
    CHECK_STR(DT(&p, "t", NF_EN_US), "1:45 PM");
    CHECK_STR(DT(&p, "T", NF_EN_US), "1:45:30 PM");
    CHECK_STR(DT(&p, "u", NF_EN_US), "2009-06-15 13:45:30Z");
    CHECK_STR(DT(&p, "U", NF_EN_US), "Monday, June 15, 2009 8:45:30 PM");
    CHECK_STR(DT(&p, "Y", NF_EN_US), "June 2009");
    CHECK_STR(DT(&p, NULL, NF_EN_US), "6/15/2009 1:45:30 PM");
    CHECK_STR(DT(&p, "d", NF_INVARIANT), "06/15/2009");
    CHECK_STR(DT(&p, "D", NF_INVARIANT), "Monday, 15 June 2009");
    CHECK_STR(DT(&p, "F", NF_INVARIANT), "Monday, 15 June 2009 13:45:30");
    CHECK_STR(DT(&p, "g", NF_INVARIANT), "06/15/2009 13:45");
    CHECK_STR(DT(&p, "M", NF_INVARIANT), "June 15");
    CHECK_STR(DT(&p, "T", NF_INVARIANT), "13:45:30");
    CHECK_STR(DT(&p, "Y", NF_INVARIANT), "2009 June");
    CHECK_STR(DT(&p, "", NF_INVARIANT), "06/15/2009 13:45:30");
    DtParts u = mkdate(2009, 6, 15, 13, 45, 30, 6170000, DT_UTC, 0);
    CHECK_STR(DT(&u, "o", NF_INVARIANT), "2009-06-15T13:45:30.6170000Z");
    CHECK_STR(DT(&u, "r", NF_INVARIANT), "Mon, 15 Jun 2009 13:45:30 GMT");
    CHECK_STR(DT(&u, "U", NF_INVARIANT), "Monday, 15 June 2009 13:45:30");
    DtParts un = mkdate(2009, 6, 15, 13, 45, 30, 6170000, DT_UNSPECIFIED, 0);
    CHECK_STR(DT(&un, "O", NF_INVARIANT), "2009-06-15T13:45:30.6170000");
    /* "$(Get-Date)" (invariant) vs the console display (en-US) -- prompt 2026-11-24 */
    DtParts now = mkdate(2026, 11, 24, 13, 45, 10, 0, DT_LOCAL, 0);
    CHECK_STR(DT(&now, NULL, NF_INVARIANT), "11/24/2026 13:45:10");
    sb_clear(&out);
    dt_format_display(&out, &now, NF_EN_US);
    CHECK_STR(sb_str(&out), "Tuesday, November 24, 2026 1:45:10 PM");
    sb_clear(&out);
    dt_format_display(&out, &now, NF_INVARIANT);
    CHECK_STR(sb_str(&out), "Tuesday, 24 November 2026 13:45:10");
    /* Get-Date.md (7.5) examples 3, 8 and 11 */
    DtParts ex3 = mkdate(2019, 6, 25, 16, 17, 0, 0, DT_LOCAL, -7 * 60);
    CHECK_STR(DT(&ex3, "dddd MM/dd/yyyy HH:mm K", NF_EN_US), "Tuesday 06/25/2019 16:17 -07:00");
    DtParts ex8 = mkdate(2019, 6, 27, 7, 59, 24, 4603750, DT_LOCAL, -7 * 60);
    CHECK_STR(DT(&ex8, "o", NF_EN_US), "2019-06-27T07:59:24.4603750-07:00");
    DtParts ex11 = mkdate(2024, 3, 19, 0, 0, 0, 0, DT_LOCAL, 0);
    CHECK_STR(DT(&ex11, NULL, NF_EN_US), "3/19/2024 12:00:00 AM");
    CHECK_STR(DT(&ex11, NULL, NF_INVARIANT), "03/19/2024 00:00:00");
    DtParts am = mkdate(2026, 1, 5, 0, 5, 0, 0, DT_LOCAL, 0);
    CHECK_STR(DT(&am, "G", NF_EN_US), "1/5/2026 12:05:00 AM");
    CHECK_STR(DT(&am, "x", NF_EN_US), "ERR:Input string was not in a correct format.");
    CHECK_STR(DT(&am, "Q", NF_EN_US), "ERR:Input string was not in a correct format.");
}

static void test_date_custom(void)
{
    DtParts p = mkdate(2009, 6, 15, 13, 45, 30, 6170000, DT_LOCAL, -7 * 60);
    DtParts q = mkdate(2009, 6, 1, 1, 5, 7, 500000, DT_UTC, 0);
    CHECK_STR(DT(&p, "yyyyMMdd", NF_INVARIANT), "20090615");
    CHECK_STR(DT(&p, "yyyy-MM-dd HH:mm:ss", NF_INVARIANT), "2009-06-15 13:45:30");
    CHECK_STR(DT(&q, "%d", NF_INVARIANT), "1");
    CHECK_STR(DT(&q, "dd", NF_INVARIANT), "01");
    CHECK_STR(DT(&q, "ddd", NF_INVARIANT), "Mon");
    CHECK_STR(DT(&q, "dddd", NF_INVARIANT), "Monday");
    CHECK_STR(DT(&q, "ddddd", NF_INVARIANT), "Monday");
    CHECK_STR(DT(&p, "%f", NF_INVARIANT), "6");
    CHECK_STR(DT(&p, "ff", NF_INVARIANT), "61");
    CHECK_STR(DT(&p, "fff", NF_INVARIANT), "617");
    CHECK_STR(DT(&p, "ffff", NF_INVARIANT), "6170");
    CHECK_STR(DT(&p, "fffffff", NF_INVARIANT), "6170000");
    CHECK_STR(DT(&p, "FFFF", NF_INVARIANT), "617");
    CHECK_STR(DT(&q, "FF", NF_INVARIANT), "05");
    CHECK_STR(DT(&q, "%F", NF_INVARIANT), "");
    CHECK_STR(DT(&q, "ss.F", NF_INVARIANT), "07"); /* empty F also drops the '.' */
    CHECK_STR(DT(&q, "hh:mm:ss.FFF", NF_INVARIANT), "01:05:07.05");
    CHECK_STR(DT(&p, "fffffffff", NF_INVARIANT), "ERR:Input string was not in a correct format.");
    CHECK_STR(DT(&p, "%h", NF_INVARIANT), "1");
    CHECK_STR(DT(&p, "hh", NF_INVARIANT), "01");
    CHECK_STR(DT(&p, "hhh", NF_INVARIANT), "01");
    CHECK_STR(DT(&p, "%H", NF_INVARIANT), "13");
    CHECK_STR(DT(&q, "%H", NF_INVARIANT), "1");
    CHECK_STR(DT(&q, "HH", NF_INVARIANT), "01");
    CHECK_STR(DT(&q, "%m", NF_INVARIANT), "5");
    CHECK_STR(DT(&q, "mm", NF_INVARIANT), "05");
    CHECK_STR(DT(&q, "%s", NF_INVARIANT), "7");
    CHECK_STR(DT(&q, "ss", NF_INVARIANT), "07");
    CHECK_STR(DT(&p, "%t", NF_INVARIANT), "P");
    CHECK_STR(DT(&p, "tt", NF_INVARIANT), "PM");
    CHECK_STR(DT(&q, "tt", NF_INVARIANT), "AM");
    CHECK_STR(DT(&p, "%M", NF_INVARIANT), "6");
    CHECK_STR(DT(&p, "MM", NF_INVARIANT), "06");
    CHECK_STR(DT(&p, "MMM", NF_INVARIANT), "Jun");
    CHECK_STR(DT(&p, "MMMM", NF_INVARIANT), "June");
    CHECK_STR(DT(&p, "%y", NF_INVARIANT), "9");
    CHECK_STR(DT(&p, "yy", NF_INVARIANT), "09");
    CHECK_STR(DT(&p, "yyy", NF_INVARIANT), "2009");
    CHECK_STR(DT(&p, "yyyyy", NF_INVARIANT), "02009");
    DtParts y1 = mkdate(1, 12, 1, 0, 0, 0, 0, DT_UNSPECIFIED, 0);
    CHECK_STR(DT(&y1, "yyy", NF_INVARIANT), "001");
    CHECK_STR(DT(&y1, "%g", NF_INVARIANT), "A.D.");
    CHECK_STR(DT(&p, "%z", NF_INVARIANT), "-7");
    CHECK_STR(DT(&p, "zz", NF_INVARIANT), "-07");
    CHECK_STR(DT(&p, "zzz", NF_INVARIANT), "-07:00");
    CHECK_STR(DT(&q, "zzz", NF_INVARIANT), "+00:00");
    DtParts in = mkdate(2009, 6, 15, 13, 45, 30, 0, DT_LOCAL, 5 * 60 + 30);
    CHECK_STR(DT(&in, "zzz|%K", NF_INVARIANT), "+05:30|+05:30");
    CHECK_STR(DT(&q, "%K", NF_INVARIANT), "Z");
    CHECK_STR(DT(&y1, "[%K]", NF_INVARIANT), "[]");
    CHECK_STR(DT(&p, "'The date is' yyyy", NF_INVARIANT), "The date is 2009");
    CHECK_STR(DT(&p, "\"d\"d", NF_INVARIANT), "d15");
    CHECK_STR(DT(&p, "\\d\\a\\y d", NF_INVARIANT), "day 15");
    CHECK_STR(DT(&p, "HH:mm 'o''clock'", NF_INVARIANT), "13:45 oclock");
    CHECK_STR(DT(&p, "dd/MM/yyyy", NF_INVARIANT), "15/06/2009");
    CHECK_STR(DT(&p, "'abc", NF_INVARIANT), "ERR:Input string was not in a correct format.");
    CHECK_STR(DT(&p, "%", NF_INVARIANT), "ERR:Input string was not in a correct format.");
    CHECK_STR(DT(&p, "d\\", NF_INVARIANT), "ERR:Input string was not in a correct format.");
    CHECK_STR(DT(&p, "dddd, MMMM d, yyyy h:mm:ss tt", NF_INVARIANT),
              "Monday, June 15, 2009 1:45:30 PM");
}

static const char *UF(const DtParts *p, const char *f)
{
    sb_clear(&out);
    dt_uformat(&out, p, f);
    return sb_str(&out);
}

/* Expected values follow PowerShell 7's GetDateCommand.UFormatDateString. */
static void test_uformat(void)
{
    DtParts p = mkdate(2026, 11, 24, 13, 45, 10, 0, DT_LOCAL, -5 * 60);
    CHECK_STR(UF(&p, "%Y-%m-%d %H:%M:%S"), "2026-11-24 13:45:10");
    CHECK_STR(UF(&p, "+%Y"), "2026");
    CHECK_STR(UF(&p, "%a %A %b %B %h"), "Tue Tuesday Nov November Nov");
    CHECK_STR(UF(&p, "%c"), "Tue 24 Nov 2026 13:45:10");
    CHECK_STR(UF(&p, "%C|%y|%D|%x|%F"), "20|26|11/24/26|11/24/26|2026-11-24");
    CHECK_STR(UF(&p, "%I|%l|%k|%p|%r|%R|%T|%X"), "01| 1|13|PM|01:45:10 PM|13:45|13:45:10|13:45:10");
    CHECK_STR(UF(&p, "%j|%u|%w|%U|%W|%V|%G|%g"), "328|2|2|47|46|48|2026|26");
    CHECK_STR(UF(&p, "%Z"), "-05");
    CHECK_STR(UF(&p, "%s"), "1795545910");
    CHECK_STR(UF(&p, "100%% %n%t|%q"), "100% \n\t|q");
    CHECK_STR(UF(&p, "Today is %A."), "Today is Tuesday.");
    CHECK_STR(UF(&p, "%A %m/%d/%Y %R %Z"), "Tuesday 11/24/2026 13:45 -05");
    DtParts q = mkdate(2021, 1, 3, 9, 5, 0, 5000000, DT_UTC, 0);
    CHECK_STR(UF(&q, "%e|%V|%G|%g|%U|%W|%u|%j|%k|%l"), " 3|53|2020|20|01|0|7|003| 9| 9");
    CHECK_STR(UF(&q, "%c"), "Sun 03 Jan 2021 09:05:00");
    CHECK_STR(UF(&q, "%s|%Z"), "1609664701|+00"); /* 0.5 s rounds up */
    DtParts r = mkdate(2024, 12, 30, 0, 0, 0, 0, DT_UTC, 0);
    CHECK_STR(UF(&r, "%V %G %a %U"), "01 2025 Mon 52");
    DtParts old = mkdate(1969, 12, 31, 23, 59, 59, 0, DT_UTC, 0);
    CHECK_STR(UF(&old, "%s"), "-1");
}

static const char *TS(int64_t ticks, const char *f)
{
    sb_clear(&out);
    return result(ts_format(&out, ticks, f));
}

#define SPAN(d, h, m, s, ms)                                                                       \
    ((((INT64_C(d) * 24 + (h)) * 60 + (m)) * 60 + (s)) * DT_TICKS_PER_SECOND + (ms)*10000)

static void test_timespan(void)
{
    int64_t t = SPAN(1, 2, 3, 4, 5);
    CHECK_STR(TS(t, NULL), "1.02:03:04.0050000");
    CHECK_STR(TS(t, "c"), "1.02:03:04.0050000");
    CHECK_STR(TS(t, "g"), "1:2:03:04.005");
    CHECK_STR(TS(t, "G"), "1:02:03:04.0050000");
    CHECK_STR(TS(-t, "c"), "-1.02:03:04.0050000");
    CHECK_STR(TS(-t, "g"), "-1:2:03:04.005");
    CHECK_STR(TS(0, NULL), "00:00:00");
    CHECK_STR(TS(0, "g"), "0:00:00");
    CHECK_STR(TS(0, "G"), "0:00:00:00.0000000");
    CHECK_STR(TS(-SPAN(0, 0, 0, 30, 0), NULL), "-00:00:30");
    CHECK_STR(TS(SPAN(0, 14, 30, 0, 0), "T"), "14:30:00");
    CHECK_STR(TS(SPAN(12, 0, 0, 0, 0), NULL), "12.00:00:00");
    CHECK_STR(TS(1, NULL), "00:00:00.0000001");
    CHECK_STR(TS(t, "hh\\:mm"), "02:03");
    CHECK_STR(TS(t, "d\\.hh\\:mm\\:ss"), "1.02:03:04");
    CHECK_STR(TS(t, "%d"), "1");
    CHECK_STR(TS(t, "dddd"), "0001");
    CHECK_STR(TS(t, "%h"), "2");
    CHECK_STR(TS(t, "fff"), "005");
    CHECK_STR(TS(t, "FFFFFFF"), "005");
    CHECK_STR(TS(SPAN(0, 0, 0, 1, 0), "ss'.'FFF"), "01.");
    CHECK_STR(TS(t, "'days: 'd"), "days: 1");
    CHECK_STR(TS(t, "'days:' d"), "ERR:Input string was not in a correct format."); /* bare space */
    CHECK_STR(TS(t, "hh:mm"), "ERR:Input string was not in a correct format.");
    CHECK_STR(TS(t, "hhh"), "ERR:Input string was not in a correct format.");
    CHECK_STR(TS(t, "ddddddddd"), "ERR:Input string was not in a correct format.");
}

static void test_pad(void)
{
    sb_clear(&out);
    nf_pad(&out, "ab", 2, 4);
    CHECK_STR(sb_str(&out), "  ab");
    sb_clear(&out);
    nf_pad(&out, "ab", 2, -4);
    CHECK_STR(sb_str(&out), "ab  ");
    sb_clear(&out);
    nf_pad(&out, "abcdef", 6, 3);
    CHECK_STR(sb_str(&out), "abcdef");
    CHECK_STR(nf_strerror(NF_OK), "");
}

int main(void)
{
    test_standard_integer();
    test_standard_double();
    test_rounding();
    test_decimal();
    test_float_and_ps();
    test_custom();
    test_composite();
    test_calendar();
    test_date_standard();
    test_date_custom();
    test_uformat();
    test_timespan();
    test_pad();
    sb_free(&out);
    sb_free(&cout);
    return check_done();
}
