/*
** ast_dump: the tree as compact S-expressions, used by the parser tests and --dump-ast.
** The root script block prints one top-level statement per line (its param block and any
** named blocks also get a line each).  Inside, the format is:
**
**   statements      {s1; s2}              (traps first; an empty block is {})
**   numbers         as written: 1  0x1a  1.5kb
**   strings         "quoted" (C escapes) when written in quotes; @"..." for here-strings;
**                   command-mode words and member names unquoted, unless they are empty,
**                   hold blanks, quotes, ( ) { } ; or a backslash, or start with $ @ [
**   expandable      (expandable "text " $x (subexpr {...}))
**   variables       $x  $global:x  ${a b}  @splat
**   operators       (+ 1 (* 2 3))  (-ceq a b)  (-not $x)  (, 1)  (post++ $i)  (? c a b)
**                   (.. 1 5)  (?? a b)  (convert [int] $x)  [int]  (array 1 2 3)
**   access          (. $a b)  (?. $a b)  (:: [int] MaxValue)  (invoke $s Split ".")
**                   (invoke:: [math] Round 2.5)  (index $a 0)  (index? $a 0)
**   grouping        (paren x)  (subexpr {..})  (arrayexpr {..})  (hash (key value) ...)
**                   (sb {..}) / (sb (param ...) {..}) / (sb (begin {..}) (process {..}))
**   pipelines       (pipeline (command Get-X (-Name) a) (command Sort))
**                   (call $sb a) for '& $sb a', (dotsource f) for '. f'
**                   (-Name: value), --, (> file) (2>> file) (2>&1) (*> $null)
**                   an expression element with redirections is (cmdexpr 1 (> f))
**   statements      (= $a 1) (+= $a 1) (&& a b) (background (pipeline ...))
**                   (if c {..} elseif c {..} else {..})  (while c {..})  (dowhile {..} c)
**                   (dountil {..} c)  (for init cond iter {..}) with _ for an empty part
**                   (foreach $x coll {..})  a label shows as (foreach:outer ...)
**                   (switch -regex subject (pattern {..}) (default {..}))
**                   (try {..} (catch [T1] [T2] {..}) (finally {..}))  (trap [T] {..})
**                   (return x) (throw) (exit 1) (break outer) (continue)
**                   (function name (sb ...)) (filter name (sb ...))
**                   (data name (supported a b) {..})
**   param blocks    (param (attribute CmdletBinding) (parameter $x [int] = 5))
**                   (attribute Parameter Mandatory Position=0 "positional")
**   errors          (error)
** Recursion follows the tree; the parser bounds tree height by PARSE_MAX_DEPTH.
*/
#include "parser/parser.h"

#include <string.h>

#include "runtime/strbuf.h"

typedef struct Dump {
    StrBuf *out;
} Dump;

static void dump(Dump *d, const Node *n);

static void put(Dump *d, const char *s)
{
    sb_puts(d->out, s);
}

/* ' ' then each node of the list, space-separated. */
static void dump_list(Dump *d, const Node *n)
{
    for (; n; n = n->next) {
        sb_putc(d->out, ' ');
        dump(d, n);
    }
}

/* ' ' then the node, or '_' for NULL. */
static void dump_opt(Dump *d, const Node *n)
{
    sb_putc(d->out, ' ');
    if (n)
        dump(d, n);
    else
        put(d, "_");
}

static void quoted(Dump *d, const char *s, size_t len)
{
    sb_putc(d->out, '"');
    for (size_t i = 0; i < len; i++) {
        unsigned char c = (unsigned char)s[i];
        if (c == '"' || c == '\\') {
            sb_putc(d->out, '\\');
            sb_putc(d->out, (char)c);
        } else if (c == '\n') {
            put(d, "\\n");
        } else if (c == '\t') {
            put(d, "\\t");
        } else if (c == '\r') {
            put(d, "\\r");
        } else if (c < 0x20 || c == 0x7f) {
            sb_printf(d->out, "\\x%02x", c);
        } else {
            sb_putc(d->out, (char)c);
        }
    }
    sb_putc(d->out, '"');
}

static int bare_safe(const char *s, size_t len)
{
    if (len == 0 || strchr("$@[\"'", s[0])) return 0;
    for (size_t i = 0; i < len; i++)
        if ((unsigned char)s[i] <= ' ' || strchr("\"(){};\\", s[i])) return 0;
    return 1;
}

static void dump_string(Dump *d, const Node *n, int force_quotes)
{
    if (!force_quotes && !(n->flags & NF_QUOTED) && bare_safe(n->str, n->len)) {
        sb_append(d->out, n->str, n->len);
        return;
    }
    if (n->flags & NF_HERE) sb_putc(d->out, '@');
    quoted(d, n->str, n->len);
}

static void dump_var(Dump *d, const Node *n)
{
    int braced = (n->flags & NF_BRACED) != 0;
    put(d, (n->flags & NF_SPLAT) ? "@" : "$");
    if (braced) put(d, "{");
    if (n->b) {
        sb_append(d->out, n->b->str, n->b->len);
        sb_putc(d->out, ':');
    }
    sb_append(d->out, n->str, n->len);
    if (braced) put(d, "}");
}

/* Operator text with the -c/-i variant spelled out. */
static void dump_op(Dump *d, const Node *n)
{
    const char *t = op_info[n->op].text;
    if (t[0] == '-' && (n->flags & (NF_CASESENS | NF_CASEINS))) {
        sb_putc(d->out, '-');
        sb_putc(d->out, (n->flags & NF_CASESENS) ? 'c' : 'i');
        put(d, t + 1);
    } else {
        put(d, t);
    }
}

/* {s1; s2} with traps first */
static void dump_statements(Dump *d, const Node *n)
{
    int first = 1;
    put(d, "{");
    for (int pass = 0; pass < 2; pass++) {
        for (const Node *s = pass ? n->a : n->b; s; s = s->next) {
            if (!first) put(d, "; ");
            first = 0;
            dump(d, s);
        }
    }
    put(d, "}");
}

/* The parts of a script block after its head: [ (param ...)] then blocks. */
static void dump_sb_inner(Dump *d, const Node *sb)
{
    if (sb->a) {
        sb_putc(d->out, ' ');
        dump(d, sb->a);
    }
    dump_list(d, sb->b);
}

static void dump_named_block(Dump *d, const Node *n)
{
    if (n->flags & NF_UNNAMED) {
        dump_statements(d, n->a);
        return;
    }
    sb_printf(d->out, "(%s ", kw_text[n->op]);
    dump_statements(d, n->a);
    put(d, ")");
}

static void dump_parameter(Dump *d, const Node *n)
{
    put(d, "(parameter $");
    sb_append(d->out, n->str, n->len);
    dump_list(d, n->a);
    if (n->b) {
        put(d, " =");
        dump_opt(d, n->b);
    }
    put(d, ")");
}

static void dump_attribute(Dump *d, const Node *n)
{
    put(d, "(attribute ");
    sb_append(d->out, n->str, n->len);
    dump_list(d, n->a);
    for (const Node *a = n->b; a; a = a->next) {
        sb_putc(d->out, ' ');
        sb_append(d->out, a->str, a->len);
        if (a->a) {
            sb_putc(d->out, '=');
            dump(d, a->a);
        }
    }
    put(d, ")");
}

static void dump_command(Dump *d, const Node *n)
{
    put(d, n->op == TOK_AMP ? "(call" : n->op == TOK_DOT ? "(dotsource" : "(command");
    dump_list(d, n->a);
    put(d, ")");
}

static void dump_cmdparam(Dump *d, const Node *n)
{
    put(d, "(-");
    sb_append(d->out, n->str, n->len);
    if (n->flags & NF_COLON) {
        put(d, ":");
        if (n->a) {
            sb_putc(d->out, ' ');
            dump(d, n->a);
        }
    }
    put(d, ")");
}

static void dump_redirect(Dump *d, const Node *n)
{
    put(d, "(");
    if (n->op == 0)
        put(d, "*");
    else if (n->op != 1)
        sb_printf(d->out, "%d", n->op);
    put(d, (n->flags & NF_APPEND) ? ">>" : ">");
    if (n->flags & NF_MERGE) put(d, "&1");
    if (n->a) {
        sb_putc(d->out, ' ');
        dump(d, n->a);
    }
    put(d, ")");
}

/* "(head" or "(head:label" */
static void head_label(Dump *d, const char *head, const Node *n)
{
    sb_printf(d->out, "(%s", head);
    if (n->str) {
        sb_putc(d->out, ':');
        sb_append(d->out, n->str, n->len);
    }
}

static void dump_if(Dump *d, const Node *n)
{
    put(d, "(if");
    for (const Node *c = n->a; c; c = c->next) {
        if (c != n->a) put(d, " elseif");
        dump_opt(d, c->a);
        dump_opt(d, c->b);
    }
    if (n->b) {
        put(d, " else ");
        dump(d, n->b);
    }
    put(d, ")");
}

static void dump_switch(Dump *d, const Node *n)
{
    static const struct {
        uint16_t flag;
        const char *text;
    } flags[] = {
        {NF_REGEX, " -regex"}, {NF_WILDCARD, " -wildcard"},
        {NF_EXACT, " -exact"}, {NF_CASESENS, " -casesensitive"},
        {NF_FILE, " -file"},
    };
    head_label(d, "switch", n);
    for (size_t i = 0; i < sizeof flags / sizeof flags[0]; i++)
        if (n->flags & flags[i].flag) put(d, flags[i].text);
    dump_opt(d, n->a);
    for (const Node *c = n->b; c; c = c->next) {
        put(d, " (");
        dump(d, c->a);
        sb_putc(d->out, ' ');
        dump(d, c->b);
        put(d, ")");
    }
    if (n->c) {
        put(d, " (default ");
        dump(d, n->c);
        put(d, ")");
    }
    put(d, ")");
}

static void dump_try(Dump *d, const Node *n)
{
    put(d, "(try");
    dump_opt(d, n->a);
    for (const Node *c = n->b; c; c = c->next) {
        put(d, " (catch");
        dump_list(d, c->a);
        dump_opt(d, c->b);
        put(d, ")");
    }
    if (n->c) {
        put(d, " (finally ");
        dump(d, n->c);
        put(d, ")");
    }
    put(d, ")");
}

static void dump_loop(Dump *d, const Node *n)
{
    switch (n->kind) {
    case AST_FOREACH:
        head_label(d, "foreach", n);
        dump_opt(d, n->a);
        dump_opt(d, n->b);
        break;
    case AST_FOR:
        head_label(d, "for", n);
        dump_opt(d, n->a ? n->a->a : NULL);
        dump_opt(d, n->a ? n->a->b : NULL);
        dump_opt(d, n->b);
        break;
    case AST_WHILE:
        head_label(d, "while", n);
        dump_opt(d, n->a);
        break;
    default: /* do loops: body first, as written */
        head_label(d, ast_name[n->kind], n);
        dump_opt(d, n->c);
        dump_opt(d, n->a);
        put(d, ")");
        return;
    }
    dump_opt(d, n->c);
    put(d, ")");
}

static void dump_function(Dump *d, const Node *n)
{
    put(d, (n->flags & NF_FILTER) ? "(filter " : "(function ");
    if (n->str) sb_append(d->out, n->str, n->len);
    if (n->a) {
        put(d, " (sb");
        dump_sb_inner(d, n->a);
        put(d, ")");
    }
    put(d, ")");
}

static void dump_data(Dump *d, const Node *n)
{
    put(d, "(data");
    if (n->str) {
        sb_putc(d->out, ' ');
        sb_append(d->out, n->str, n->len);
    }
    if (n->a) {
        put(d, " (supported");
        dump_list(d, n->a);
        put(d, ")");
    }
    dump_opt(d, n->b);
    put(d, ")");
}

static void dump_member(Dump *d, const Node *n)
{
    const char *op = (n->flags & NF_STATIC) ? "::" : (n->flags & NF_NULLCOND) ? "?." : ".";
    if (n->kind == AST_INVOKE)
        sb_printf(d->out, "(invoke%s", op[0] == '.' ? "" : op);
    else
        sb_printf(d->out, "(%s", op);
    dump_opt(d, n->a);
    dump_opt(d, n->b);
    if (n->kind == AST_INVOKE) dump_list(d, n->c);
    put(d, ")");
}

/* Kinds printed as (name a b c) with their non-NULL children, in order. */
static void dump_generic(Dump *d, const char *head, const Node *n)
{
    sb_printf(d->out, "(%s", head);
    if (n->a) {
        sb_putc(d->out, ' ');
        dump(d, n->a);
    }
    if (n->b) {
        sb_putc(d->out, ' ');
        dump(d, n->b);
    }
    if (n->c) {
        sb_putc(d->out, ' ');
        dump(d, n->c);
    }
    put(d, ")");
}

static void dump_expr(Dump *d, const Node *n)
{
    switch (n->kind) {
    case AST_BINARY:
    case AST_UNARY:
        put(d, "(");
        dump_op(d, n);
        dump_opt(d, n->a);
        if (n->kind == AST_BINARY) dump_opt(d, n->b);
        put(d, ")");
        break;
    case AST_POSTFIX:
        sb_printf(d->out, "(post%s", op_info[n->op].text);
        dump_opt(d, n->a);
        put(d, ")");
        break;
    case AST_COMMA:
        dump_generic(d, ",", n);
        break;
    case AST_TYPE:
        put(d, "[");
        sb_append(d->out, n->str, n->len);
        put(d, "]");
        break;
    case AST_NUMBER:
        sb_append(d->out, n->str, n->len);
        break;
    case AST_STRING:
        dump_string(d, n, 0);
        break;
    case AST_EXPANDABLE:
        put(d, "(expandable");
        for (const Node *x = n->a; x; x = x->next) {
            sb_putc(d->out, ' ');
            if (x->kind == AST_STRING)
                dump_string(d, x, 1);
            else
                dump(d, x);
        }
        put(d, ")");
        break;
    case AST_VARIABLE:
        dump_var(d, n);
        break;
    case AST_MEMBER:
    case AST_INVOKE:
        dump_member(d, n);
        break;
    case AST_INDEX:
        dump_generic(d, (n->flags & NF_NULLCOND) ? "index?" : "index", n);
        break;
    case AST_ARRAY:
        put(d, "(array");
        dump_list(d, n->a);
        put(d, ")");
        break;
    case AST_HASH:
        put(d, "(hash");
        for (const Node *e = n->a; e; e = e->next) {
            put(d, " (");
            dump(d, e->a);
            dump_opt(d, e->b);
            put(d, ")");
        }
        put(d, ")");
        break;
    case AST_SBEXPR:
        put(d, "(sb");
        dump_sb_inner(d, n->a);
        put(d, ")");
        break;
    case AST_TERNARY:
        dump_generic(d, "?", n);
        break;
    default:
        dump_generic(d, ast_name[n->kind], n);
        break;
    }
}

static void dump(Dump *d, const Node *n)
{
    switch (n->kind) {
    case AST_SCRIPTBLOCK:
        put(d, "(scriptblock");
        dump_sb_inner(d, n);
        put(d, ")");
        break;
    case AST_NAMEDBLOCK:
        dump_named_block(d, n);
        break;
    case AST_PARAMBLOCK:
        put(d, "(param");
        dump_list(d, n->b);
        dump_list(d, n->a);
        put(d, ")");
        break;
    case AST_PARAMETER:
        dump_parameter(d, n);
        break;
    case AST_ATTRIBUTE:
        dump_attribute(d, n);
        break;
    case AST_STATEMENTS:
        dump_statements(d, n);
        break;
    case AST_PIPELINE:
        put(d, "(pipeline");
        dump_list(d, n->a);
        put(d, ")");
        break;
    case AST_CMDEXPR:
        if (!n->b) {
            dump(d, n->a);
        } else {
            put(d, "(cmdexpr ");
            dump(d, n->a);
            dump_list(d, n->b);
            put(d, ")");
        }
        break;
    case AST_CHAIN:
        sb_printf(d->out, "(%s", n->op == TOK_ANDAND ? "&&" : "||");
        dump_opt(d, n->a);
        dump_opt(d, n->b);
        put(d, ")");
        break;
    case AST_COMMAND:
        dump_command(d, n);
        break;
    case AST_CMDPARAM:
        dump_cmdparam(d, n);
        break;
    case AST_DASHDASH:
        put(d, "--");
        break;
    case AST_REDIRECT:
        dump_redirect(d, n);
        break;
    case AST_ASSIGN:
        sb_printf(d->out, "(%s", op_info[n->op].text);
        dump_opt(d, n->a);
        dump_opt(d, n->b);
        put(d, ")");
        break;
    case AST_IF:
        dump_if(d, n);
        break;
    case AST_SWITCH:
        dump_switch(d, n);
        break;
    case AST_FOREACH:
    case AST_FOR:
    case AST_WHILE:
    case AST_DOWHILE:
    case AST_DOUNTIL:
        dump_loop(d, n);
        break;
    case AST_FUNCTION:
        dump_function(d, n);
        break;
    case AST_TRY:
        dump_try(d, n);
        break;
    case AST_TRAP:
        put(d, "(trap");
        if (n->a) {
            sb_putc(d->out, ' ');
            dump(d, n->a);
        }
        dump_opt(d, n->b);
        put(d, ")");
        break;
    case AST_DATA:
        dump_data(d, n);
        break;
    case AST_RETURN:
    case AST_THROW:
    case AST_EXIT:
    case AST_BREAK:
    case AST_CONTINUE:
    case AST_BACKGROUND:
    case AST_PAREN:
    case AST_SUBEXPR:
    case AST_ARRAYEXPR:
    case AST_CONVERT:
    case AST_ERROR:
        dump_generic(d, ast_name[n->kind], n);
        break;
    default:
        dump_expr(d, n);
        break;
    }
}

/* One line per top-level item of the root; any other node on one line. */
void ast_dump(const Program *p, const Node *n, StrBuf *out)
{
    Dump d = {out};
    if (!n) return;
    if (n != prog_root(p)) {
        dump(&d, n);
        sb_putc(out, '\n');
        return;
    }
    if (n->a) {
        dump(&d, n->a);
        sb_putc(out, '\n');
    }
    for (const Node *b = n->b; b; b = b->next) {
        if (!(b->flags & NF_UNNAMED)) {
            dump_named_block(&d, b);
            sb_putc(out, '\n');
            continue;
        }
        for (int pass = 0; pass < 2; pass++)
            for (const Node *s = pass ? b->a->a : b->a->b; s; s = s->next) {
                dump(&d, s);
                sb_putc(out, '\n');
            }
    }
}
