/*
** check: the whole unit-test helper.  CHECK(cond) and CHECK_STR(got, want) count failures
** and print file:line of each; check_done() prints "N passed, N failed" and returns the exit
** status.  Each tests/unit/test_<module>.c is its own binary.
*/
#ifndef PSM_TESTS_CHECK_H
#define PSM_TESTS_CHECK_H

#include <stdio.h>
#include <string.h>

static int check_pass, check_fail;

#define CHECK(cond)                                                                                \
    do {                                                                                           \
        if (cond) {                                                                                \
            check_pass++;                                                                          \
        } else {                                                                                   \
            check_fail++;                                                                          \
            fprintf(stderr, "%s:%d: CHECK failed: %s\n", __FILE__, __LINE__, #cond);              \
        }                                                                                          \
    } while (0)

#define CHECK_STR(got, want)                                                                       \
    do {                                                                                           \
        const char *g_ = (got), *w_ = (want);                                                      \
        if (g_ && w_ && strcmp(g_, w_) == 0) {                                                     \
            check_pass++;                                                                          \
        } else {                                                                                   \
            check_fail++;                                                                          \
            fprintf(stderr, "%s:%d: CHECK_STR failed\n  want: %s\n  got:  %s\n", __FILE__,        \
                    __LINE__, w_ ? w_ : "(null)", g_ ? g_ : "(null)");                              \
        }                                                                                          \
    } while (0)

static inline int check_done(void)
{
    printf("%d passed, %d failed\n", check_pass, check_fail);
    return check_fail ? 1 : 0;
}

#endif
