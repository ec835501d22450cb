/*
** test_scope: variables built on first use (scope_define_lazy), the one-object collector of
** runtime/pipeline.c, and the inline-number comparisons of runtime/convert.c, each against
** the general path they stand in for.  2026-11-24, engine speed issue.
*/
#include "runtime/scope.h"

#include <math.h>
#include <string.h>

#include "runtime/array.h"
#include "runtime/convert.h"
#include "runtime/object.h"
#include "runtime/pipeline.h"
#include "tests/unit/check.h"

static int made; /* how often make_answer ran */

static Value make_answer(void *ctx)
{
    made++;
    return val_int(*(int *)ctx);
}

static void count_var(void *ctx, const Var *v)
{
    (*(int *)ctx)++;
}

static void test_lazy(void)
{
    int answer = 42;
    Scope *g = scope_new(NULL, 1);
    Scope *s = scope_new(g, 0);
    made = 0;
    CHECK(scope_define_lazy(s, "Answer", make_answer, &answer) == 1);
    CHECK(made == 0);
    Scope *child = scope_new(s, 0);
    Var *v = scope_lookup(child, "answer", 6); /* reached from a child scope, any case */
    CHECK(v && var_value(v).kind == VAL_INT32 && var_value(v).as.i == 42 && made == 1);
    CHECK(scope_lookup(s, "ANSWER", 6) == v && made == 1); /* built once */
    scope_free(child);

    /* an existing variable wins: nothing is left pending */
    var_set_take(scope_define(s, "args", 4), val_int(7));
    CHECK(scope_define_lazy(s, "args", make_answer, &answer) == 0);
    CHECK(var_value(scope_local(s, "args", 4)).as.i == 7 && made == 1);

    /* remove, define and listing reach a pending variable */
    CHECK(scope_define_lazy(s, "gone", make_answer, &answer) == 1);
    CHECK(scope_remove(s, "gone", 4) == 1 && scope_local(s, "gone", 4) == NULL);
    CHECK(scope_define_lazy(s, "over", make_answer, &answer) == 1);
    var_set_take(scope_define(s, "over", 4), val_int(1));
    CHECK(var_value(scope_local(s, "over", 4)).as.i == 1);
    CHECK(scope_define_lazy(s, "listed", make_answer, &answer) == 1);
    int n = 0;
    scope_each_var(s, count_var, &n);
    CHECK(n == 4 && scope_local(s, "listed", 6) != NULL); /* answer, args, over, listed */

    /* a scope freed before the use never builds it; the parent's is not shadowed */
    int before = made;
    var_set_take(scope_define(g, "late", 4), val_int(5));
    Scope *t = scope_new(g, 0);
    CHECK(scope_define_lazy(t, "unused", make_answer, &answer) == 1);
    CHECK(var_value(scope_lookup(t, "late", 4)).as.i == 5);
    scope_free(t);
    CHECK(made == before);
    scope_free(s);
    scope_free(g);
}

/* A scope holding more variables than its inline slots, removed and looked up again. */
static void test_many(void)
{
    Scope *s = scope_new(NULL, 1);
    char name[16];
    for (int i = 0; i < 100; i++) {
        snprintf(name, sizeof name, "v%d", i);
        var_set_take(scope_define(s, name, strlen(name)), val_int(i));
    }
    CHECK(scope_remove(s, "v3", 2) == 1);
    int ok = 1;
    for (int i = 0; i < 100; i++) {
        snprintf(name, sizeof name, "V%d", i);
        Var *v = scope_local(s, name, strlen(name));
        ok &= i == 3 ? v == NULL : (v && var_value(v).as.i == i);
    }
    CHECK(ok);
    scope_free(s);
}

static void test_collector(void)
{
    Collector c;
    collector_init(&c);
    CHECK(collector_take(&c).kind == VAL_AUTONULL);
    Value inner = arr_new(TY_OBJECT, 0);
    arr_push_take(inner, val_int(1));
    c.pipe.put(NULL, &c.pipe, inner); /* one object that is itself an array stays that array */
    Value one = collector_take(&c);
    CHECK(one.kind == VAL_OBJ && one.as.o == inner.as.o);
    val_unref(one);
    c.pipe.put(NULL, &c.pipe, val_int(5));
    Value arr = collector_take_array(&c);
    CHECK(val_is_array(arr) && arr_len(arr) == 1 && arr_peek(arr, 0).as.i == 5);
    val_unref(arr);
    for (int i = 0; i < 3; i++)
        c.pipe.put(NULL, &c.pipe, val_int(i));
    Value three = collector_take(&c);
    CHECK(val_is_array(three) && arr_len(three) == 3 && arr_peek(three, 2).as.i == 2);
    val_unref(three);
    c.pipe.put(NULL, &c.pipe, inner);
    collector_free(&c);
    CHECK(collector_take(&c).kind == VAL_AUTONULL);
    val_unref(inner);
}

/* Inline numbers compare exactly as their general path does: the same values boxed in a
 * PSObject skip the fast path and must give the same answers. */
static void test_compare(void)
{
    Value nums[] = {val_int(3),         val_long(-1),     val_ulong(UINT64_MAX),
                    val_double(3.0),    val_double(NAN),  val_integer(VAL_BYTE, 3),
                    val_integer(VAL_SBYTE, -1), val_double(2.5)};
    int n = (int)(sizeof nums / sizeof nums[0]), same = 1;
    for (int i = 0; i < n; i++)
        for (int j = 0; j < n; j++) {
            Value a = nums[i], b = nums[j], wa = object_wrap(a);
            int c1 = 0, c2 = 0;
            same &= convert_equal(a, b, 0) == convert_equal(wa, b, 0);
            same &= convert_compare(a, b, 0, &c1, NULL) == convert_compare(wa, b, 0, &c2, NULL);
            same &= c1 == c2;
            val_unref(wa);
        }
    CHECK(same);
    CHECK(convert_equal(val_int(3), val_double(3.0), 0));
    CHECK(convert_equal(val_integer(VAL_BYTE, 3), val_int(3), 0));
    int c = 0;
    CHECK(convert_compare(val_ulong(UINT64_MAX), val_long(-1), 0, &c, NULL) == 0 && c > 0);
    Value r;
    CHECK(convert_cmp_op(CMP_LT, val_integer(VAL_SBYTE, -1), val_integer(VAL_BYTE, 1), 0, &r,
                         NULL) == 0 &&
          r.kind == VAL_BOOL && r.as.b);
}

int main(void)
{
    test_lazy();
    test_many();
    test_collector();
    test_compare();
    return check_done();
}
