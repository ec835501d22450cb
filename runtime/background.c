/*
** background: `pipeline &` (jobs.md 1.6).  background_rewrite() walks the pipeline's AST for
** variable references (nested script blocks and expandable strings included), keeps those
** whose variable exists in the caller and rewrites them, by byte offset, to ${using:name}.
** background_run() then calls Start-Job through the command table with that text as the
** script block and the caller's directory as -WorkingDirectory.
*/
#include "runtime/background.h"

#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "runtime/mem.h"
#include "runtime/runloc.h"
#include "runtime/scope.h"
#include "runtime/scriptblock.h"
#include "runtime/strbuf.h"

/* Variables never rewritten (unqualified or global:), as pwsh's own list. */
static const char *const exempt_names[] = {"PID",    "PSVersionTable", "PSEdition", "PSHOME",
                                           "HOST",   "TRUE",           "FALSE",     "NULL"};

typedef struct VarList {
    const Node **item;
    size_t len, cap;
} VarList;

static void varlist_push(VarList *l, const Node *n)
{
    if (l->len == l->cap) {
        l->cap = l->cap ? l->cap * 2 : 16;
        l->item = xrealloc(l->item, l->cap * sizeof *l->item);
    }
    l->item[l->len++] = n;
}

/* Every AST_VARIABLE under n (n's list included). */
static void collect_vars(const Node *n, VarList *l)
{
    for (; n; n = n->next) {
        if (n->kind == AST_VARIABLE) {
            varlist_push(l, n);
            continue; /* its only child is the scope qualifier */
        }
        if (n->kind == AST_NUMBER) continue; /* a, b, c overlap the literal */
        collect_vars(n->a, l);
        collect_vars(n->b, l);
        collect_vars(n->c, l);
    }
}

static int by_start(const void *x, const void *y)
{
    const Node *a = *(const Node *const *)x, *b = *(const Node *const *)y;
    return a->start < b->start ? -1 : a->start > b->start;
}

static const char *qualifier_of(const Node *v)
{
    return v->b && v->b->kind == AST_STRING && v->b->str ? v->b->str : NULL;
}

static int is_exempt(const Node *v)
{
    const char *q = qualifier_of(v);
    if (q && str_icmp(q, "global") != 0) return 0;
    for (size_t i = 0; i < sizeof exempt_names / sizeof *exempt_names; i++)
        if (str_icmp(v->str, exempt_names[i]) == 0) return 1;
    return 0;
}

/* 1 when the variable v names exists as seen from the caller's scope.  Qualifiers other than
 * global/script/local/private (env:, using:, variable: ...) are never rewritten. */
static int var_exists(Interp *I, const Node *v)
{
    const char *q = qualifier_of(v);
    if (!v->str) return 0;
    if (!q) return scope_lookup(I->cur, v->str, v->len) != NULL;
    if (str_icmp(q, "global") == 0) return scope_local(I->global, v->str, v->len) != NULL;
    if (str_icmp(q, "script") == 0)
        return scope_local(scope_script(I->cur), v->str, v->len) != NULL;
    if (str_icmp(q, "local") == 0 || str_icmp(q, "private") == 0)
        return scope_local(I->cur, v->str, v->len) != NULL;
    return 0;
}

/* ${using:name}, or ${using:scope:name} for $global:x / $script:x / ... (as pwsh writes it),
 * with the characters special inside ${ } escaped by a backtick. */
static void put_using(StrBuf *sb, const Node *v)
{
    sb_puts(sb, "${using:");
    const char *q = qualifier_of(v);
    if (q) sb_printf(sb, "%s:", q);
    for (size_t i = 0; i < v->len; i++) {
        char c = v->str[i];
        if (c == '{' || c == '}' || c == '`') sb_putc(sb, '`');
        sb_putc(sb, c);
    }
    sb_putc(sb, '}');
}

char *background_rewrite(Interp *I, const Node *bg, size_t *len)
{
    VarList l = {NULL, 0, 0};
    collect_vars(bg->a, &l);
    if (l.len > 1) qsort(l.item, l.len, sizeof *l.item, by_start);
    StrBuf sb = {0};
    size_t pos = 0; /* next byte of bg->str to copy */
    for (size_t i = 0; i < l.len; i++) {
        const Node *v = l.item[i];
        if (v->start < bg->start || v->end > bg->start + bg->len) continue;
        size_t s = v->start - bg->start, e = v->end - bg->start;
        if (s < pos || is_exempt(v) || !var_exists(I, v)) continue;
        sb_append(&sb, bg->str + pos, s - pos);
        put_using(&sb, v);
        pos = e;
    }
    sb_append(&sb, bg->str + pos, bg->len - pos);
    free(l.item);
    *len = sb.len;
    return sb_take(&sb);
}

/* 1 when s starts with one of U+2018-201B, which PowerShell also takes as single quotes. */
static int is_quote_char(const char *s)
{
    const unsigned char *u = (const unsigned char *)s;
    return u[0] == 0xE2 && u[1] == 0x80 && u[2] >= 0x98 && u[2] <= 0x9B;
}

/* Start-Job -WorkingDirectory '<cwd>' -ScriptBlock {<text>} as the text of a script. */
static void start_job_text(StrBuf *sb, const char *cwd, const char *text, size_t len)
{
    sb_puts(sb, "Start-Job -WorkingDirectory '");
    for (const char *c = cwd; *c; c++) {
        if (*c == '\'') sb_putc(sb, '\'');
        if (is_quote_char(c)) sb_append(sb, c, 3); /* U+2018-201B: doubled like ' */
        sb_putc(sb, *c);
    }
    sb_puts(sb, "' -ScriptBlock {");
    sb_append(sb, text, len);
    sb_putc(sb, '}');
}

Status background_run(Interp *I, Node *bg, Pipe *out)
{
    if (!cmd_find(I, "Start-Job", 9))
        return eval_fail(I, bg, EXC_RUNTIME, "CommandNotFoundException",
                         "The term 'Start-Job' is not recognized as a name of a cmdlet, function, "
                         "script file, or executable program.");
    size_t len;
    char *text = background_rewrite(I, bg, &len);
    StrBuf src = {0};
    start_job_text(&src, runloc_get(I), text, len); /* the runspace location */
    free(text);
    Program *p = parse_program(sb_str(&src), src.len, NULL);
    sb_free(&src);
    Status st;
    if (prog_nerrors(p)) {
        st = eval_fail(I, bg, EXC_RUNTIME, "BackgroundParseError", "%s",
                       prog_error(p, 0)->msg);
    } else {
        Value sb = scriptblock_new(p, prog_root(p), NULL, 0);
        st = eval_invoke(I, sb, 1, NULL, 0, val_null(), 0, out);
        val_unref(sb);
    }
    prog_unref(p);
    return st;
}
