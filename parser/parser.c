/*
** parser: recursive descent over the mode-driven lexer (language.md section 2).  One static
** function per grammar rule, each opening with its production.  The parser owns the position
** (a byte offset) and a small token cache; it asks lex_scan() for "the token at pos in mode m"
** and may ask again in the other mode, which is how `2+2` (expression) and `Write-Output 2+2`
** (command, one argument) come apart.  Type names inside [...] are scanned here from the
** source text (the lexer has no type-name mode).
**
** Errors never stop the parse: they are appended to an array and the statement list
** resynchronizes at the next terminator (panic mode).  An error whose cause is the end of the
** input is flagged "incomplete" so the interactive loop can ask for more lines.
**
** Nesting is counted in p->depth (statements, unary/primary expressions, command arguments,
** and every left-nested fold of a binary, postfix or chain operator, so the tree height is
** bounded too).  Past PARSE_MAX_DEPTH the parser reports ScriptTooDeeplyNested ("The script is
** nested too deeply.", our own id: pwsh has no limit), jumps to the end of the input and
** unwinds with further errors suppressed.
**
** Only the first MAX_ERRORS errors are recorded (error-heavy input stays small).
**
** Memory: nodes are carved from 16 KB arena chunks (56 bytes each, no per-node padding) and
** short strings are packed into a string pool, so a script costs a small multiple of its size
** (about 12x for dense code: one node per 4-5 bytes of source).
**
** Representation choices the header leaves open:
**   - `--%` arrives as one bare STRING holding the whole token text ("--% rest of line");
**   - after `--`, -Name tokens become bare STRINGs ("-Name");
**   - a filter's unnamed body is op=KW_END + NF_UNNAMED like a function's; NF_FILTER on the
**     FUNCTION says it runs per input object;
**   - `-5` written without a blank folds into a NUMBER (-2147483648 is an Int32 as in pwsh);
**   - `using` statements are accepted and dropped; class/enum are ReservedKeywordNotAllowed.
*/
#include "parser/parser.h"

#include <string.h>

#include "runtime/arena.h"
#include "runtime/mem.h"
#include "runtime/strbuf.h"

#define NODE_CHUNK    292   /* nodes per pool chunk (292 * 56 = 16352 bytes) */
#define STR_CHUNK     16384 /* bytes per string-pool chunk */
#define TYPE_MAX_NEST 64    /* generic-argument nesting inside one type name */
#define MAX_ERRORS    1000  /* parse errors recorded; later ones only count for prog_incomplete */
#define TOK_CACHE     8     /* token cache entries (a power of two) */

typedef struct Parser {
    Lexer *lx;
    Arena *arena;
    const char *src; /* NUL-terminated copy owned by prog */
    uint32_t len;
    uint32_t pos;      /* where the next token is scanned */
    uint32_t last_end; /* end of the last consumed token other than a newline */
    const Token *tok;  /* the token last returned by peek(), for advance() */
    struct {
        Token tok;
        uint32_t pos;   /* scanned at pos (UINT32_MAX: empty); the mode is the slot's low bit */
    } cache[TOK_CACHE]; /* direct-mapped: rescans after a mode switch or a look past
                           newlines are cheap */
    int depth;          /* nesting, see the file comment */
    int fatal;          /* too deep: at EOF, errors suppressed */
    int nocomma;        /* >0: ',' separates arguments (method call, attribute, param) */
    int continued;      /* saw EOF after a line continuation */
    uint32_t limit;     /* >0: tokens reaching past this offset read as EOF (a "$(" piece) */
    Token limit_eof;    /* the EOF token peek() returns at the limit */
    ParseError *errs;
    int nerrs, cap;
    Node *nodes; /* node pool: next free, nleft remaining */
    int nleft;
    char *strs; /* string pool: next free, sleft remaining */
    size_t sleft;
} Parser;

typedef struct List {
    Node *head, *tail;
} List;

typedef struct Mark {
    uint32_t pos, last_end;
    int nerrs;
} Mark;

static Node *statement(Parser *p);
static Node *statement_list(Parser *p, TokKind closer);
static Node *chain(Parser *p);
static Node *expression(Parser *p);
static Node *unary(Parser *p);
static Node *primary(Parser *p);
static Node *postfix(Parser *p, Node *n, int cmdarg);
static Node *argument(Parser *p);
static Node *argument_single(Parser *p);
static Node *script_body(Parser *p, TokKind closer);
static Node *bracket(Parser *p);

/* ================================================================ pools and nodes */

static Node *node(Parser *p, NodeKind k, uint32_t start, uint32_t end)
{
    if (p->nleft == 0) {
        p->nodes = arena_alloc(p->arena, NODE_CHUNK * sizeof(Node));
        p->nleft = NODE_CHUNK;
    }
    Node *n = p->nodes++; /* arena memory comes zeroed */
    p->nleft--;
    n->kind = (uint8_t)k;
    n->start = start;
    n->end = end < start ? start : end; /* spans never invert (the fuzzer checks it) */
    return n;
}

/* NUL-terminated copy of s[0..n) in the string pool (long strings go to the arena). */
static const char *pool_str(Parser *p, const char *s, size_t n)
{
    if (n >= STR_CHUNK / 4) return arena_strndup(p->arena, s, n);
    if (p->sleft < n + 1) {
        p->strs = arena_alloc(p->arena, STR_CHUNK);
        p->sleft = STR_CHUNK;
    }
    char *d = p->strs;
    memcpy(d, s, n);
    d[n] = '\0';
    p->strs += n + 1;
    p->sleft -= n + 1;
    return d;
}

static void set_str(Node *n, const char *s, size_t len)
{
    n->str = s;
    n->len = (uint32_t)len;
}

/* Node whose str is the source text [start, end). */
static void set_slice(Parser *p, Node *n, uint32_t start, uint32_t end)
{
    set_str(n, pool_str(p, p->src + start, end - start), end - start);
}

/* n ends at the last consumed token (never before its start: blocks can be empty). */
static void end_here(Parser *p, Node *n)
{
    n->end = p->last_end > n->start ? p->last_end : n->start;
}

static void list_add(List *l, Node *n)
{
    if (!n) return;
    if (l->tail)
        l->tail->next = n;
    else
        l->head = n;
    l->tail = n;
    while (l->tail->next) /* n may itself be a list */
        l->tail = l->tail->next;
}

/* ================================================================ tokens */

/* Tokens that scan the same in both modes, so a scan in one mode serves the other. */
static int mode_free(TokKind k)
{
    switch (k) {
    case TOK_EOF:
    case TOK_NEWLINE:
    case TOK_SEMI:
    case TOK_LPAREN:
    case TOK_RPAREN:
    case TOK_LBRACE:
    case TOK_RBRACE:
    case TOK_PIPE:
    case TOK_ANDAND:
    case TOK_OROR:
    case TOK_AT_PAREN:
    case TOK_AT_BRACE:
    case TOK_DOLLAR_PAREN:
    case TOK_COMMA:
        return 1;
    default:
        return 0;
    }
}

/* Fill cache slot i (mode m) for the current position: from the other mode's slot when the
 * token there is mode-free, else by scanning. */
static __attribute__((noinline)) void fill(Parser *p, unsigned i, LexMode m)
{
    unsigned j = i ^ 1; /* the same position in the other mode */
    if (p->cache[j].pos == p->pos && mode_free(p->cache[j].tok.kind))
        p->cache[i].tok = p->cache[j].tok;
    else
        p->cache[i].tok = lex_scan(p->lx, p->pos, m);
    p->cache[i].pos = p->pos;
    if (p->cache[i].tok.kind == TOK_EOF && (p->cache[i].tok.flags & TF_INCOMPLETE))
        p->continued = 1;
}

/* While a "$(" piece of an expandable word is parsed, nothing past its end may be read:
 * otherwise an unclosed piece would parse the rest of the file once per piece. */
static __attribute__((noinline)) const Token *at_limit(Parser *p)
{
    memset(&p->limit_eof, 0, sizeof p->limit_eof);
    p->limit_eof.kind = TOK_EOF;
    p->limit_eof.start = p->limit_eof.end = p->pos < p->limit ? p->pos : p->limit;
    p->tok = &p->limit_eof;
    return p->tok;
}

/* The token at the current position in mode m.  The slot's low bit is the mode, so a slot
 * only ever holds tokens of one mode. */
static inline const Token *peek(Parser *p, LexMode m)
{
    unsigned i = ((p->pos << 1) | (unsigned)m) & (TOK_CACHE - 1);
    if (p->cache[i].pos != p->pos) fill(p, i, m);
    p->tok = &p->cache[i].tok;
    if (p->limit && p->tok->end > p->limit) return at_limit(p);
    return p->tok;
}

/* Consume token t (a copy or the cached token). */
static void consume(Parser *p, const Token *t)
{
    p->pos = t->end;
    if (t->kind != TOK_NEWLINE) p->last_end = t->end;
}

static void advance(Parser *p)
{
    consume(p, p->tok);
}

static int at(Parser *p, LexMode m, TokKind k)
{
    return peek(p, m)->kind == k;
}

static int accept(Parser *p, LexMode m, TokKind k)
{
    if (!at(p, m, k)) return 0;
    advance(p);
    return 1;
}

static int at_op(Parser *p, OpKind op)
{
    const Token *t = peek(p, LEX_EXPR);
    return t->kind == TOK_OP && t->op == op;
}

/* Keyword of the command-mode token here, or KW_NONE. */
static KwKind at_keyword(Parser *p)
{
    const Token *t = peek(p, LEX_COMMAND);
    if (t->kind != TOK_GENERIC || (t->flags & TF_EXPANDABLE)) return KW_NONE;
    return lex_keyword(p->lx, t);
}

/* No whitespace between the previous token and the next one. */
static int adjacent(Parser *p, const Token *t)
{
    return t->start == p->pos && p->pos == p->last_end;
}

static void skip_nl(Parser *p)
{
    while (at(p, LEX_EXPR, TOK_NEWLINE))
        advance(p);
}

static void skip_seps(Parser *p)
{
    for (;;) {
        TokKind k = peek(p, LEX_EXPR)->kind; /* both are mode-free: either scan serves */
        if (k != TOK_NEWLINE && k != TOK_SEMI) return;
        advance(p);
    }
}

static Mark mark(Parser *p)
{
    Mark m = {p->pos, p->last_end, p->nerrs};
    return m;
}

static void rewind_to(Parser *p, Mark m)
{
    if (p->fatal) return;
    p->pos = m.pos;
    p->last_end = m.last_end;
    p->nerrs = m.nerrs;
}

static int is_end(TokKind k)
{
    return k == TOK_NEWLINE || k == TOK_SEMI || k == TOK_EOF || k == TOK_RBRACE || k == TOK_RPAREN;
}

/* ================================================================ errors */

static void error_at(Parser *p, uint32_t start, uint32_t end, const char *id, const char *msg,
                     int incomplete)
{
    if (p->fatal) return;
    if (p->nerrs >= MAX_ERRORS) { /* keep the first ones; the verdict "incomplete" stays right */
        if (!incomplete) p->errs[p->nerrs - 1].incomplete = 0;
        return;
    }
    ParseError e;
    e.span = lex_span(p->lx, start, end);
    e.id = id;
    e.msg = msg;
    e.incomplete = incomplete;
    ARRAY_PUSH(p->errs, p->nerrs, p->cap, e);
}

/* msg with each "{0}" replaced by arg (an arena copy). */
static const char *fmt1(Parser *p, const char *msg, const char *arg)
{
    if (p->nerrs >= MAX_ERRORS || p->fatal) return msg; /* will not be recorded */
    StrBuf sb;
    sb_init(&sb);
    for (const char *s = msg; *s; s++) {
        if (s[0] == '{' && s[1] == '0' && s[2] == '}') {
            sb_puts(&sb, arg);
            s += 2;
        } else {
            sb_putc(&sb, *s);
        }
    }
    const char *r = arena_strndup(p->arena, sb_str(&sb), sb.len);
    sb_free(&sb);
    return r;
}

/* The source text of a token, for messages (arena copy). */
static const char *tok_text(Parser *p, const Token *t)
{
    if (p->nerrs >= MAX_ERRORS || p->fatal) return "?";
    return arena_strndup(p->arena, p->src + t->start, t->end - t->start);
}

/* The input ends here (or a string/here-string/braced variable runs to the end). */
static int at_input_end(Parser *p)
{
    const Token *t = peek(p, LEX_EXPR);
    if (t == &p->limit_eof) /* the end of a "$(" piece is the input's end only if it is */
        return p->limit >= p->len;
    return t->kind == TOK_EOF || (t->kind == TOK_ERROR && (t->flags & TF_INCOMPLETE));
}

/* Something is missing after the last consumed token; incomplete at the end of the input. */
static void error_after(Parser *p, const char *id, const char *msg)
{
    error_at(p, p->last_end, p->last_end, id, msg, at_input_end(p));
}

/* Something is missing before the next token: pwsh puts the marker under that token (or after
 * the last one at the end of the input). */
static void error_here(Parser *p, const char *id, const char *msg)
{
    const Token *t = peek(p, LEX_EXPR);
    if (at_input_end(p))
        error_after(p, id, msg);
    else
        error_at(p, t->start, t->end, id, msg, 0);
}

static void error_after_arg(Parser *p, const char *id, const char *msg, const char *arg)
{
    error_after(p, id, fmt1(p, msg, arg));
}

static void unexpected(Parser *p, const Token *t)
{
    error_at(p, t->start, t->end, "UnexpectedToken",
             fmt1(p, "Unexpected token '{0}' in expression or statement.", tok_text(p, t)), 0);
}

static Node *lex_error(Parser *p, const Token *t)
{
    Token c = *t; /* the error extent may be a part of the token (pwsh's position) */
    error_at(p, c.err_start, c.err_end, c.err_id ? c.err_id : "UnrecognizedToken",
             c.err_msg ? c.err_msg : "Unrecognized token in source text.",
             (c.flags & TF_INCOMPLETE) != 0);
    consume(p, &c);
    return node(p, AST_ERROR, c.start, c.end);
}

static void too_deep(Parser *p)
{
    if (p->fatal) return;
    error_at(p, p->pos, p->pos, "ScriptTooDeeplyNested", "The script is nested too deeply.", 0);
    p->fatal = 1;
    p->pos = p->len;
}

static int enter(Parser *p)
{
    if (++p->depth > PARSE_MAX_DEPTH) {
        too_deep(p);
        return 0;
    }
    return 1;
}

static void leave(Parser *p)
{
    p->depth--;
}

/* Expect token k; report id/msg after the previous token when it is missing. */
static int expect(Parser *p, LexMode m, TokKind k, const char *id, const char *msg)
{
    if (accept(p, m, k)) return 1;
    error_after(p, id, msg);
    return 0;
}

/* Expect the '}' that closes the block opened at lb; pwsh puts the error under the '{'. */
static int expect_rbrace(Parser *p, const Token *lb)
{
    if (accept(p, LEX_COMMAND, TOK_RBRACE)) return 1;
    const Token *t = peek(p, LEX_COMMAND);
    error_at(p, lb->start, lb->end, "MissingEndCurlyBrace",
             "Missing closing '}' in statement block or type definition.", t->kind == TOK_EOF);
    return 0;
}

/* Panic mode: skip to the next statement terminator, jumping over bracketed groups; an
 * unmatched '}' or ')' belongs to the enclosing rule. */
static void recover(Parser *p)
{
    int nest = 0;
    for (;;) {
        const Token *t = peek(p, LEX_COMMAND);
        TokKind k = t->kind;
        if (k == TOK_EOF || (nest == 0 && is_end(k))) return;
        if (k == TOK_LBRACE || k == TOK_LPAREN || k == TOK_AT_BRACE || k == TOK_AT_PAREN ||
            k == TOK_DOLLAR_PAREN)
            nest++;
        else if (k == TOK_RBRACE || k == TOK_RPAREN)
            nest--;
        if (k == TOK_ERROR)
            lex_error(p, t);
        else
            advance(p);
    }
}

/* ================================================================ leaves */

/* $name, $scope:name, ${any}, @name (flags NF_SPLAT). */
static Node *var_node(Parser *p, const Token *t, uint16_t flags)
{
    Node *n = node(p, AST_VARIABLE, t->start, t->end);
    n->flags = flags | ((t->flags & TF_BRACED) ? NF_BRACED : 0);
    const char *s = p->src + t->start;
    size_t len = t->end - t->start;
    if (!(t->flags & TF_BRACED) && len > 1 && (s[0] == '$' || s[0] == '@') &&
        !memchr(s + 1, ':', len - 1)) {
        set_slice(p, n, t->start + 1, t->end); /* the common case, no arena copy */
        return n;
    }
    char *scope = NULL;
    char *name = lex_var_name(p->lx, t, p->arena, &scope);
    set_str(n, name, strlen(name));
    if (scope) {
        n->b = node(p, AST_STRING, t->start, t->end);
        set_str(n->b, scope, strlen(scope));
    }
    return n;
}

static Node *number_node(Parser *p, const Token *t, int argmode)
{
    Node *n = node(p, AST_NUMBER, t->start, t->end);
    n->num = t->num;
    set_slice(p, n, t->start, t->end);
    if (argmode) n->flags = NF_ORIGTEXT;
    return n;
}

/* A STRING holding the token's source text (command-mode word without escapes). */
static Node *bare(Parser *p, const Token *t)
{
    Node *n = node(p, AST_STRING, t->start, t->end);
    n->flags = NF_BAREWORD;
    set_slice(p, n, t->start, t->end);
    return n;
}

static Node *part_node(Parser *p, const XPart *x)
{
    if (x->kind == XP_TEXT) {
        Node *n = node(p, AST_STRING, x->start, x->end);
        set_str(n, x->text, x->len);
        return n;
    }
    if (x->kind == XP_VAR) {
        Token v = lex_scan(p->lx, x->start, LEX_EXPR);
        if (v.kind == TOK_ERROR) { /* "$HOME: x": InvalidVariableReferenceWithDrive */
            error_at(p, v.err_start, v.err_end, v.err_id ? v.err_id : "UnrecognizedToken",
                     v.err_msg ? v.err_msg : "Unrecognized token in source text.", 0);
            return node(p, AST_ERROR, x->start, x->end);
        }
        return var_node(p, &v, 0);
    }
    /* XP_SUBEXPR: parse "$(...)" where it stands, within its bounds, then come back.  An
     * unclosed piece (the lexer ran to the end of the input) is reported, not parsed: parsing
     * it would read the rest of the file again for every nested piece. */
    if (x->end <= x->start + 2 || p->src[x->end - 1] != ')') {
        error_at(p, x->start, x->start + 2, "MissingEndParenthesisInSubexpression",
                 "Missing closing ')' in subexpression.", x->end >= p->len);
        return node(p, AST_ERROR, x->start, x->end);
    }
    uint32_t save = p->pos, save_end = p->last_end, save_limit = p->limit;
    p->pos = p->last_end = x->start;
    if (!p->limit || x->end < p->limit) p->limit = x->end;
    Node *n = primary(p);
    p->limit = save_limit;
    if (!p->fatal) {
        p->pos = save;
        p->last_end = save_end;
    }
    return n ? n : node(p, AST_ERROR, x->start, x->end);
}

/* An expandable token (t is a copy): STRING when it expands nothing, else EXPANDABLE with
 * STRING / VARIABLE / SUBEXPR parts.  str is the raw source text of the token. */
static Node *expandable(Parser *p, Token t, uint16_t flags)
{
    XPart *parts;
    int np = lex_expand(p->lx, &t, p->arena, &parts);
    int plain = 1;
    for (int i = 0; i < np; i++)
        if (parts[i].kind != XP_TEXT) plain = 0;
    if (plain) {
        Node *n = node(p, AST_STRING, t.start, t.end);
        n->flags = flags;
        if (np == 1) {
            set_str(n, parts[0].text, parts[0].len);
        } else {
            StrBuf sb;
            sb_init(&sb);
            for (int i = 0; i < np; i++)
                sb_append(&sb, parts[i].text, parts[i].len);
            set_str(n, pool_str(p, sb_str(&sb), sb.len), sb.len);
            sb_free(&sb);
        }
        return n;
    }
    Node *n = node(p, AST_EXPANDABLE, t.start, t.end);
    n->flags = flags;
    set_slice(p, n, t.start, t.end);
    List l = {0};
    for (int i = 0; i < np; i++)
        list_add(&l, part_node(p, &parts[i]));
    n->a = l.head;
    return n;
}

/* A command-mode word: bare STRING, or expandable when it holds $ ` or quotes. */
static Node *word(Parser *p, const Token *t)
{
    if (t->flags & TF_EXPANDABLE) return expandable(p, *t, NF_BAREWORD);
    return bare(p, t);
}

/* A one-line '...' or "..." holding nothing to unescape or expand: ASCII only, no quote,
 * no backtick, no '$'.  Its value is the text between the quotes, copied without the lexer. */
static int plain_string(Parser *p, const Token *t)
{
    const char *s = p->src + t->start;
    uint32_t n = t->end - t->start;
    if ((t->kind != TOK_STRING && t->kind != TOK_XSTRING) || n < 2 || s[0] != s[n - 1] ||
        (s[0] != '\'' && s[0] != '"'))
        return 0;
    for (uint32_t i = 1; i + 1 < n; i++) {
        unsigned char c = (unsigned char)s[i];
        if (c >= 0x80 || c == '\'' || c == '"' || c == '`' || c == '$') return 0;
    }
    return 1;
}

/* Length of a single-quote character at s (' or a typographic one), else 0. */
static int squote_len(const char *s, const char *end)
{
    if (s < end && *s == '\'') return 1;
    if (end - s >= 3 && (unsigned char)s[0] == 0xE2 && (unsigned char)s[1] == 0x80 &&
        (unsigned char)s[2] >= 0x98 && (unsigned char)s[2] <= 0x9B)
        return 3;
    return 0;
}

/* The value of '...' or @'...'@.  lex_text() is exact unless the text holds a NUL (its
 * result is only NUL-terminated), so then the value is cut out of the source here. */
static const char *verbatim_text(Parser *p, const Token *t, size_t *len)
{
    const char *s = p->src + t->start, *end = p->src + t->end;
    if (!memchr(s, '\0', t->end - t->start)) {
        char *r = lex_text(p->lx, t, p->arena);
        *len = strlen(r);
        return r;
    }
    StrBuf sb;
    sb_init(&sb);
    if (t->kind == TOK_HSTRING) { /* body: after the header line, before the last newline */
        const char *b = memchr(s, '\n', (size_t)(end - s));
        const char *e = end;
        while (e > s && *(e - 1) != '\n')
            e--;
        if (b && e > b + 1) sb_append(&sb, b + 1, (size_t)(e - 1 - (b + 1)));
        if (sb.len && sb.buf[sb.len - 1] == '\r') sb.buf[--sb.len] = '\0';
    } else { /* '' is one quote; the closing quote is not part of the value */
        const char *c = s + squote_len(s, end);
        while (c < end) {
            int q = squote_len(c, end);
            if (q && !squote_len(c + q, end)) break;
            if (q) c += q;
            int n = q ? squote_len(c, end) : 1;
            sb_append(&sb, c, (size_t)n);
            c += n;
        }
    }
    *len = sb.len;
    const char *r = arena_strndup(p->arena, sb_str(&sb), sb.len);
    sb_free(&sb);
    return r;
}

/* '...' "..." @'..'@ @".."@ (consumes the token). */
static Node *string_node(Parser *p)
{
    Token t = *peek(p, LEX_EXPR);
    consume(p, &t);
    uint16_t fl = NF_QUOTED;
    if (plain_string(p, &t)) {
        Node *n = node(p, AST_STRING, t.start, t.end);
        n->flags = fl;
        set_slice(p, n, t.start + 1, t.end - 1);
        return n;
    }
    if (t.kind == TOK_HSTRING || t.kind == TOK_XHSTRING) fl |= NF_HERE;
    if (t.kind == TOK_XSTRING || t.kind == TOK_XHSTRING) return expandable(p, t, fl);
    Node *n = node(p, AST_STRING, t.start, t.end);
    n->flags = fl;
    size_t len;
    const char *s = verbatim_text(p, &t, &len);
    set_str(n, s, len);
    return n;
}

/* Parameter name of a -Name / -Name: token. */
static const char *param_name(Parser *p, const Token *t, size_t *len)
{
    const char *s = p->src + t->start;
    uint32_t n = t->end - t->start;
    if (n > 1 && s[0] == '-') {
        uint32_t e = n;
        if ((t->flags & TF_COLON) && s[e - 1] == ':') e--;
        *len = e - 1;
        return pool_str(p, s + 1, e - 1);
    }
    char *r = lex_text(p->lx, t, p->arena);
    *len = strlen(r);
    return r;
}

/* Body text between braces [start, end) for SCRIPTBLOCK.str. */
static void set_body(Parser *p, Node *sb, uint32_t start, uint32_t end)
{
    if (!sb) return;
    if (p->fatal || end < start) end = start;
    set_slice(p, sb, start, end);
}

/* ================================================================ type names and attributes */

static int type_char(unsigned char c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' ||
           c == '.' || c == '+' || c == '#' || c == '&' || c == '`' || c >= 0x80;
}

static uint32_t skip_blanks(Parser *p, uint32_t i)
{
    while (i < p->len && (p->src[i] == ' ' || p->src[i] == '\t'))
        i++;
    return i;
}

/* typename -> name { '[' ( ','* ']' | typearg { ',' typearg } ']' ) }
 * typearg -> '[' typename ']' | typename
 * Scans the source directly (the lexer has no type-name mode).  Returns the end offset,
 * or 0 when there is no name or the brackets do not match. */
static uint32_t scan_typename(Parser *p, uint32_t i, int nest)
{
    uint32_t s = i;
    while (i < p->len && type_char((unsigned char)p->src[i]))
        i += (p->src[i] == '`' && i + 1 < p->len) ? 2 : 1;
    if (i == s || nest > TYPE_MAX_NEST) return 0;
    while (i < p->len && p->src[i] == '[') {
        uint32_t j = skip_blanks(p, i + 1);
        if (j < p->len && (p->src[j] == ']' || p->src[j] == ',')) {
            while (j < p->len && (p->src[j] == ',' || p->src[j] == ' '))
                j++;
            if (j >= p->len || p->src[j] != ']') return 0;
            i = j + 1;
            continue;
        }
        for (;;) {
            j = skip_blanks(p, j);
            int wrapped = j < p->len && p->src[j] == '[';
            j = scan_typename(p, skip_blanks(p, j + (uint32_t)wrapped), nest + 1);
            if (!j) return 0;
            j = skip_blanks(p, j);
            if (wrapped) {
                if (j >= p->len || p->src[j] != ']') return 0;
                j = skip_blanks(p, j + 1);
            }
            if (j < p->len && p->src[j] == ',') {
                j++;
                continue;
            }
            break;
        }
        if (j >= p->len || p->src[j] != ']') return 0;
        i = j + 1;
    }
    return i;
}

/* attr-arg -> name [ '=' NL* expression ] | expression */
static Node *attr_arg(Parser *p, List *named)
{
    const Token *t = peek(p, LEX_EXPR);
    if (t->kind == TOK_IDENT) {
        Token id = *t;
        advance(p);
        Node *n = node(p, AST_NAMEDARG, id.start, id.end);
        set_slice(p, n, id.start, id.end);
        if (at_op(p, OP_ASSIGN)) {
            advance(p);
            skip_nl(p);
            n->a = expression(p);
            if (!n->a)
                error_after(p, "MissingExpressionInNamedArgument",
                            "Missing statement after '=' in named argument.");
        }
        list_add(named, n);
        return n;
    }
    return expression(p);
}

/* attr-args -> '(' NL* [ attr-arg { ',' NL* attr-arg } ] NL* ')' */
static void attr_args(Parser *p, Node *attr)
{
    List pos = {0}, named = {0};
    advance(p); /* '(' */
    p->nocomma++;
    for (;;) {
        skip_nl(p);
        if (at(p, LEX_EXPR, TOK_RPAREN) || at(p, LEX_EXPR, TOK_EOF)) break;
        Node *a = attr_arg(p, &named);
        if (!a) {
            error_after(p, "MissingExpression", "Missing argument in parameter list.");
            break;
        }
        if (a->kind != AST_NAMEDARG) list_add(&pos, a);
        skip_nl(p);
        if (!accept(p, LEX_EXPR, TOK_COMMA)) break;
    }
    p->nocomma--;
    skip_nl(p);
    expect(p, LEX_EXPR, TOK_RPAREN, "MissingEndParenthesisInExpression",
           "Missing closing ')' in expression.");
    attr->a = pos.head;
    attr->b = named.head;
}

/* bracket -> '[' typename ( ']' | '(' attr-args ')' ']' )   : TYPE or ATTRIBUTE */
static Node *bracket(Parser *p)
{
    Token lb = *peek(p, LEX_EXPR);
    advance(p);
    uint32_t ns = skip_blanks(p, p->pos);
    uint32_t ne = scan_typename(p, ns, 0);
    if (!ne) {
        error_after(p, "MissingTypename", "Missing type name after '['.");
        return node(p, AST_ERROR, lb.start, lb.end);
    }
    p->pos = p->last_end = ne;
    const Token *t = peek(p, LEX_EXPR);
    Node *n = node(p, AST_TYPE, lb.start, ne);
    set_slice(p, n, ns, ne);
    if (t->kind == TOK_LPAREN && adjacent(p, t)) {
        n->kind = AST_ATTRIBUTE;
        attr_args(p, n);
        if (!accept(p, LEX_EXPR, TOK_RBRACKET))
            error_after(p, "EndSquareBracketExpectedAtEndOfAttribute",
                        "Missing ] at end of attribute or type literal.");
    } else if (!accept(p, LEX_EXPR, TOK_RBRACKET)) {
        error_after(p, "EndSquareBracketExpectedAtEndOfType", "Missing ] at end of type token.");
    }
    end_here(p, n);
    return n;
}

/* ================================================================ expressions */

/* paren -> '(' NL* chain NL* ')' */
static Node *paren(Parser *p)
{
    Token lp = *peek(p, LEX_EXPR);
    advance(p);
    skip_nl(p);
    Node *n = node(p, AST_PAREN, lp.start, lp.end);
    if (at(p, LEX_EXPR, TOK_RPAREN)) {
        error_after(p, "ExpectedExpression", "An expression was expected after '('.");
    } else {
        n->a = chain(p);
        skip_nl(p);
    }
    expect(p, LEX_EXPR, TOK_RPAREN, "MissingEndParenthesisInExpression",
           "Missing closing ')' in expression.");
    end_here(p, n);
    return n;
}

/* subexpr -> ( '$(' | '@(' ) statement-list ')' */
static Node *subexpr(Parser *p, NodeKind k)
{
    Token lp = *peek(p, LEX_EXPR);
    advance(p);
    Node *n = node(p, k, lp.start, lp.end);
    n->a = statement_list(p, TOK_RPAREN);
    if (!accept(p, LEX_COMMAND, TOK_RPAREN))
        error_here(p, "MissingEndParenthesisInSubexpression",
                   "Missing closing ')' in subexpression.");
    end_here(p, n);
    return n;
}

/* hash-entry -> key NL* '=' NL* statement ;  key -> name | unary */
static Node *hash_entry(Parser *p)
{
    const Token *t = peek(p, LEX_EXPR);
    Node *key;
    if (t->kind == TOK_IDENT) { /* a bare key may hold dashes: @{ Content-Type = 'x' } */
        uint32_t e = t->end;
        while (e < p->len && (p->src[e] == '-' || p->src[e] == '_' ||
                              ((p->src[e] | 0x20) >= 'a' && (p->src[e] | 0x20) <= 'z') ||
                              (p->src[e] >= '0' && p->src[e] <= '9')))
            e++;
        key = node(p, AST_STRING, t->start, e);
        set_slice(p, key, t->start, e);
        p->pos = p->last_end = e;
    } else {
        key = unary(p);
    }
    if (!key) return NULL; /* pwsh then reports the hash literal as unclosed */
    Node *pair = node(p, AST_PAIR, key->start, key->end);
    pair->a = key;
    if (!at_op(p, OP_ASSIGN)) {
        error_after(p, "MissingEqualsInHashLiteral",
                    "Missing '=' operator after key in hash literal.");
        return pair;
    }
    advance(p);
    skip_nl(p);
    pair->b = statement(p);
    if (!pair->b)
        error_after(p, "MissingStatementInHashLiteral",
                    "Missing statement after '=' in hash literal.");
    end_here(p, pair);
    return pair;
}

/* hash -> '@{' { NL | ';' } [ hash-entry { (NL|';')+ hash-entry } ] '}' */
static Node *hash(Parser *p)
{
    Token lb = *peek(p, LEX_EXPR);
    advance(p);
    Node *n = node(p, AST_HASH, lb.start, lb.end);
    List l = {0};
    for (;;) {
        skip_seps(p);
        TokKind k = peek(p, LEX_EXPR)->kind;
        if (k == TOK_RBRACE || k == TOK_EOF || p->fatal) break;
        Node *e = hash_entry(p);
        if (!e) break; /* no key: the literal counts as unclosed, as in pwsh */
        list_add(&l, e);
        k = peek(p, LEX_EXPR)->kind;
        if (k != TOK_NEWLINE && k != TOK_SEMI && k != TOK_RBRACE) break;
    }
    n->a = l.head;
    if (!accept(p, LEX_EXPR, TOK_RBRACE)) /* pwsh marks the place just after '@{' */
        error_at(p, lb.end, lb.end, "MissingEndCurlyBrace",
                 "Missing closing '}' in statement block or type definition.", at_input_end(p));
    end_here(p, n);
    return n;
}

/* sb-literal -> '{' script-body '}' */
static Node *sb_literal(Parser *p)
{
    Token lb = *peek(p, LEX_EXPR);
    advance(p);
    Node *n = node(p, AST_SBEXPR, lb.start, lb.end);
    int save = p->nocomma;
    p->nocomma = 0;
    n->a = script_body(p, TOK_RBRACE);
    p->nocomma = save;
    uint32_t body_end = p->pos;
    if (at(p, LEX_COMMAND, TOK_RBRACE)) body_end = peek(p, LEX_COMMAND)->start;
    expect_rbrace(p, &lb);
    set_body(p, n->a, lb.end, body_end);
    end_here(p, n);
    n->a->end = n->end;
    n->a->start = lb.start;
    return n;
}

/* primary -> variable | number | string | paren | subexpr | hash | sb-literal */
static Node *primary(Parser *p)
{
    const Token *t = peek(p, LEX_EXPR);
    Node *n = NULL;
    int save = p->nocomma;
    if (!enter(p)) {
        leave(p);
        return NULL;
    }
    p->nocomma = 0;
    switch (t->kind) {
    case TOK_VARIABLE:
        n = var_node(p, t, 0);
        advance(p);
        break;
    case TOK_SPLAT: {
        Token c = *t;
        const char *nm = tok_text(p, &c);
        error_at(p, c.start, c.end, "SplattingNotPermitted",
                 fmt1(p,
                      "The splatting operator '@' cannot be used to reference variables in an "
                      "expression. '@{0}' can be used only as an argument to a command. To "
                      "reference variables in an expression use '${0}'.",
                      nm + 1),
                 0);
        n = var_node(p, &c, NF_SPLAT);
        consume(p, &c);
        break;
    }
    case TOK_NUMBER:
        n = number_node(p, t, 0);
        advance(p);
        break;
    case TOK_STRING:
    case TOK_XSTRING:
    case TOK_HSTRING:
    case TOK_XHSTRING:
        n = string_node(p);
        break;
    case TOK_LPAREN:
        n = paren(p);
        break;
    case TOK_DOLLAR_PAREN:
        n = subexpr(p, AST_SUBEXPR);
        break;
    case TOK_AT_PAREN:
        n = subexpr(p, AST_ARRAYEXPR);
        break;
    case TOK_AT_BRACE:
        n = hash(p);
        break;
    case TOK_LBRACE:
        n = sb_literal(p);
        break;
    case TOK_ERROR:
        n = lex_error(p, t);
        break;
    default:
        break;
    }
    p->nocomma = save;
    leave(p);
    return n;
}

/* args -> '(' NL* [ expression { ',' NL* expression } ] NL* ')' */
static Node *call_args(Parser *p)
{
    List l = {0};
    advance(p); /* '(' */
    p->nocomma++;
    for (;;) {
        skip_nl(p);
        if ((at(p, LEX_EXPR, TOK_RPAREN) && !l.head) || at(p, LEX_EXPR, TOK_EOF)) break;
        Node *a = expression(p);
        if (!a) {
            error_after(p, "MissingArgument", "Missing argument in parameter list.");
            break;
        }
        list_add(&l, a);
        skip_nl(p);
        if (!accept(p, LEX_EXPR, TOK_COMMA)) break;
    }
    p->nocomma--;
    skip_nl(p);
    expect(p, LEX_EXPR, TOK_RPAREN, "MissingEndParenthesisInMethodCall",
           "Missing ')' in method call.");
    return l.head;
}

/* member -> ('.' | '::' | '?.') NL* name [ args | sb-literal ] ;  name -> ident | variable | string
 * | paren */
static Node *member(Parser *p, Node *obj, uint16_t flags)
{
    advance(p); /* the operator */
    skip_nl(p);
    const Token *t = peek(p, LEX_EXPR);
    Node *name;
    if (t->kind == TOK_IDENT || t->kind == TOK_GENERIC) {
        name = node(p, AST_STRING, t->start, t->end);
        set_slice(p, name, t->start, t->end);
        advance(p);
    } else {
        name = primary(p);
    }
    if (!name) {
        error_after(p, "MissingPropertyName", "Missing property name after reference operator.");
        name = node(p, AST_ERROR, p->last_end, p->last_end);
    }
    Node *n = node(p, AST_MEMBER, obj->start, p->last_end);
    n->a = obj;
    n->b = name;
    n->flags = flags;
    t = peek(p, LEX_EXPR);
    if (t->kind == TOK_LPAREN && adjacent(p, t)) {
        n->kind = AST_INVOKE;
        n->c = call_args(p);
    } else if (t->kind == TOK_LBRACE && adjacent(p, t)) {
        n->kind = AST_INVOKE;
        n->c = sb_literal(p);
    }
    end_here(p, n);
    return n;
}

/* index -> ('[' | '?[') NL* expression NL* ']' */
static Node *index_expr(Parser *p, Node *obj, uint16_t flags)
{
    advance(p);
    int save = p->nocomma;
    p->nocomma = 0;
    skip_nl(p);
    Node *n = node(p, AST_INDEX, obj->start, obj->end);
    n->a = obj;
    n->flags = flags;
    n->b = expression(p);
    p->nocomma = save;
    if (!n->b) {
        error_after(p, "MissingArrayIndexExpression",
                    "Array index expression is missing or not valid.");
        n->b = node(p, AST_ERROR, p->last_end, p->last_end);
    }
    skip_nl(p);
    expect(p, LEX_EXPR, TOK_RBRACKET, "MissingEndSquareBracket",
           "Missing ']' after array index expression.");
    end_here(p, n);
    return n;
}

/* Can a postfix operator start with byte c?  (A cheap test before scanning a token.) */
static int postfix_start(char c)
{
    switch (c) {
    case '.': case '[': case '?': case ':': case '+': case '-':
        return 1;
    default:
        return 0;
    }
}

/* $h.1: the lexer reads ".1" as a number; right after an operand it is member access with
 * the name "1" (pwsh allows a numeric member name; a dictionary finds the key 1).  */
static int is_digit_member(Parser *p, const Token *t)
{
    if (t->kind != TOK_NUMBER || p->src[t->start] != '.') return 0;
    for (uint32_t i = t->start + 1; i < t->end; i++)
        if (p->src[i] < '0' || p->src[i] > '9') return 0;
    return t->end > t->start + 1;
}

static Node *digit_member(Parser *p, Node *obj, const Token *t)
{
    Node *name = node(p, AST_STRING, t->start + 1, t->end);
    set_slice(p, name, t->start + 1, t->end);
    advance(p);
    Node *n = node(p, AST_MEMBER, obj->start, p->last_end);
    n->a = obj;
    n->b = name;
    end_here(p, n);
    return n;
}

/* postfix -> primary { '.' member | '::' member | '?.' member | '[' index | '?[' index
 *                     | '++' | '--' }     (no whitespace before any of them) */
static Node *postfix(Parser *p, Node *n, int cmdarg)
{
    int folds = 0;
    while (n && !p->fatal && p->pos == p->last_end && p->pos < p->len &&
           postfix_start(p->src[p->pos])) { /* cheap test before scanning */
        const Token *t = peek(p, LEX_EXPR);
        if (!adjacent(p, t)) break;
        if (t->kind == TOK_DOT)
            n = member(p, n, 0);
        else if (is_digit_member(p, t))
            n = digit_member(p, n, t);
        else if (t->kind == TOK_DCOLON)
            n = member(p, n, NF_STATIC);
        else if (t->kind == TOK_QDOT)
            n = member(p, n, NF_NULLCOND);
        else if (t->kind == TOK_LBRACKET)
            n = index_expr(p, n, 0);
        else if (t->kind == TOK_QLBRACKET)
            n = index_expr(p, n, NF_NULLCOND);
        else if (!cmdarg && t->kind == TOK_OP && (t->op == OP_INC || t->op == OP_DEC)) {
            Node *u = node(p, AST_POSTFIX, n->start, t->end);
            u->op = (uint8_t)t->op;
            u->a = n;
            advance(p);
            n = u;
        } else
            break;
        folds++;
        if (!enter(p)) break;
    }
    p->depth -= folds;
    return n;
}

static int starts_unary(const Token *t)
{
    switch (t->kind) {
    case TOK_VARIABLE:
    case TOK_NUMBER:
    case TOK_STRING:
    case TOK_XSTRING:
    case TOK_HSTRING:
    case TOK_XHSTRING:
    case TOK_LPAREN:
    case TOK_DOLLAR_PAREN:
    case TOK_AT_PAREN:
    case TOK_AT_BRACE:
    case TOK_LBRACE:
    case TOK_LBRACKET:
        return 1;
    case TOK_OP:
        return (op_info[t->op].flags & OPF_UNARY) != 0;
    default:
        return 0;
    }
}

static uint16_t case_flags(const Token *t)
{
    return (uint16_t)(((t->flags & TF_CASE_SENS) ? NF_CASESENS : 0) |
                      ((t->flags & TF_CASE_INS) ? NF_CASEINS : 0));
}

/* cast -> bracket ( unary | postfix ) : [int]$x is a conversion, [int]::MaxValue a member */
static Node *cast(Parser *p)
{
    Node *ty = bracket(p);
    const Token *t = peek(p, LEX_EXPR);
    if (adjacent(p, t) && (t->kind == TOK_DCOLON || t->kind == TOK_DOT)) return postfix(p, ty, 0);
    if (!starts_unary(t)) return ty;
    Node *n = node(p, AST_CONVERT, ty->start, ty->end);
    n->a = ty;
    n->b = unary(p);
    if (n->b) n->end = n->b->end;
    if (ty->kind == AST_TYPE && str_icmp(ty->str, "ordered") == 0 && n->b && n->b->kind != AST_HASH)
        error_at(p, ty->start, ty->end, "OrderedAttributeOnlyOnHashLiteralNode",
                 "The ordered attribute can be specified only on a hash literal node.", 0);
    return n;
}

/* '-' written right before a number literal is part of it (pwsh scans -12 as one token):
 * fold it into the NUMBER so that -2147483648 is an Int32, as in pwsh. */
static Node *negative_number(Parser *p, const Token *minus)
{
    const Token *t = peek(p, LEX_EXPR);
    NumLit v = t->num;
    if (t->kind != TOK_NUMBER || t->start != minus->end) return NULL;
    if (v.type == NUM_DOUBLE)
        v.v.d = -v.v.d;
    else if ((v.type == NUM_INT32 || v.type == NUM_INT64) && v.v.i != INT64_MIN)
        v.v.i = -v.v.i;
    else
        return NULL;
    if (v.type == NUM_INT64 && v.v.i >= INT32_MIN && v.v.i <= INT32_MAX &&
        !memchr(p->src + t->start, 'l', t->end - t->start) &&
        !memchr(p->src + t->start, 'L', t->end - t->start))
        v.type = NUM_INT32;
    if (v.type == NUM_INT32 && v.v.i > INT32_MAX) v.type = NUM_INT64; /* -0x80000000 */
    Node *n = node(p, AST_NUMBER, minus->start, t->end);
    n->num = v;
    set_slice(p, n, minus->start, t->end);
    advance(p);
    return n;
}

/* unary -> ('-'|'+'|'!'|'-not'|'-bnot'|'++'|'--'|'-split'|'-join') NL* unary
 *        | ',' NL* unary | cast | postfix */
static Node *unary(Parser *p)
{
    Node *n = NULL;
    if (!enter(p)) {
        leave(p);
        return NULL;
    }
    const Token *t = peek(p, LEX_EXPR);
    if ((t->kind == TOK_OP && (op_info[t->op].flags & OPF_UNARY)) || t->kind == TOK_COMMA) {
        Token op = *t;
        advance(p);
        if (op.kind == TOK_OP && op.op == OP_SUB && (n = negative_number(p, &op)) != NULL) {
            leave(p);
            return postfix(p, n, 0);
        }
        skip_nl(p);
        n = node(p, op.kind == TOK_COMMA ? AST_COMMA : AST_UNARY, op.start, op.end);
        n->op = (uint8_t)op.op;
        n->flags = case_flags(&op);
        n->a = unary(p);
        if (!n->a) {
            error_after_arg(p, "MissingExpressionAfterOperator",
                            "Missing expression after unary operator '{0}'.", tok_text(p, &op));
            n->a = node(p, AST_ERROR, p->last_end, p->last_end);
        }
        n->end = n->a->end;
    } else if (t->kind == TOK_LBRACKET) {
        n = cast(p);
    } else {
        n = postfix(p, primary(p), 0);
    }
    leave(p);
    return n;
}

/* The rest of a comma list whose first element is parsed: { ',' NL* elem }, elements read in
 * lexer mode m.  first itself when no ',' follows, else an AST_ARRAY of them all. */
static Node *comma_list(Parser *p, Node *first, LexMode m, Node *(*elem)(Parser *))
{
    if (!first || !at(p, m, TOK_COMMA)) return first;
    Node *n = node(p, AST_ARRAY, first->start, first->end);
    List l = {0};
    list_add(&l, first);
    while (accept(p, m, TOK_COMMA)) {
        skip_nl(p);
        Node *e = elem(p);
        if (!e) {
            error_after(p, "MissingExpressionAfterToken", "Missing expression after ','.");
            break;
        }
        list_add(&l, e);
    }
    n->a = l.head;
    end_here(p, n);
    return n;
}

/* array -> unary { ',' NL* unary }   (tighter than every binary operator) */
static Node *array(Parser *p)
{
    Node *first = unary(p);
    return p->nocomma ? first : comma_list(p, first, LEX_EXPR, unary);
}

/* binary(min) -> array { binop NL* binary(prec + 1) }   for binop with prec >= min */
static Node *binary(Parser *p, int minprec)
{
    Node *left = array(p);
    int folds = 0;
    while (left && !p->fatal) {
        const Token *t = peek(p, LEX_EXPR);
        if (t->kind != TOK_OP || op_info[t->op].prec == 0 || op_info[t->op].prec < minprec) break;
        Token op = *t;
        advance(p);
        skip_nl(p);
        Node *right = binary(p, op_info[op.op].prec + 1);
        if (!right) {
            error_after_arg(p, "ExpectedValueExpression",
                            "You must provide a value expression following the '{0}' operator.",
                            tok_text(p, &op));
            right = node(p, AST_ERROR, p->last_end, p->last_end);
        }
        Node *n = node(p, AST_BINARY, left->start, right->end);
        n->op = (uint8_t)op.op;
        n->flags = case_flags(&op);
        n->a = left;
        n->b = right;
        left = n;
        folds++;
        if (!enter(p)) break;
    }
    p->depth -= folds;
    return left;
}

/* ternary -> binary(1) [ '?' NL* ternary NL* ':' NL* ternary ] */
static Node *ternary(Parser *p)
{
    Node *c = binary(p, 1);
    if (!c || !at(p, LEX_EXPR, TOK_QUESTION)) return c;
    Token q = *peek(p, LEX_EXPR);
    advance(p);
    skip_nl(p);
    Node *n = node(p, AST_TERNARY, c->start, q.end);
    n->a = c;
    if (!enter(p)) {
        leave(p);
        return n;
    }
    n->b = ternary(p);
    if (!n->b) {
        error_after(p, "ExpectedValueExpression",
                    "You must provide a value expression following the '?' operator.");
    } else {
        skip_nl(p);
        if (expect(p, LEX_EXPR, TOK_COLON, "MissingColonInTernaryExpression",
                   "Missing ':' in the ternary expression.")) {
            skip_nl(p);
            n->c = ternary(p);
            if (!n->c)
                error_after(p, "ExpectedValueExpression",
                            "You must provide a value expression following the ':' operator.");
        }
    }
    leave(p);
    end_here(p, n);
    return n;
}

/* expression -> ternary */
static Node *expression(Parser *p)
{
    return ternary(p);
}

/* ================================================================ commands */

static int ends_command(TokKind k)
{
    return is_end(k) || k == TOK_PIPE || k == TOK_ANDAND || k == TOK_OROR || k == TOK_AMP;
}

/* argument-single -> word | number | variable postfix | splat | string postfix
 *                  | ( '(' | '$(' | '@(' | '@{' | '{' ) ... postfix        (command mode) */
static Node *argument_single(Parser *p)
{
    const Token *t = peek(p, LEX_COMMAND);
    Node *n = NULL;
    if (ends_command(t->kind) || t->kind == TOK_COMMA || t->kind == TOK_REDIR) return NULL;
    if (!enter(p)) {
        leave(p);
        return NULL;
    }
    Token c = *t;
    switch (c.kind) {
    case TOK_GENERIC:
        consume(p, &c);
        n = word(p, &c);
        break;
    case TOK_NUMBER:
        n = postfix(p, (consume(p, &c), number_node(p, &c, 1)), 1);
        break;
    case TOK_VARIABLE:
        n = postfix(p, (consume(p, &c), var_node(p, &c, 0)), 1);
        break;
    case TOK_SPLAT:
        consume(p, &c);
        n = var_node(p, &c, NF_SPLAT);
        break;
    case TOK_STRING:
    case TOK_XSTRING:
    case TOK_HSTRING:
    case TOK_XHSTRING:
    case TOK_LPAREN:
    case TOK_DOLLAR_PAREN:
    case TOK_AT_PAREN:
    case TOK_AT_BRACE:
    case TOK_LBRACE:
    case TOK_LBRACKET:
        n = postfix(p, c.kind == TOK_LBRACKET ? bracket(p) : primary(p), 1);
        break;
    case TOK_ERROR:
        n = lex_error(p, &c);
        break;
    default: /* labels, stray operators, '--%' text ...: the text as written */
        consume(p, &c);
        n = bare(p, &c);
        break;
    }
    leave(p);
    return n;
}

/* argument -> argument-single { ',' NL* argument-single } */
static Node *argument(Parser *p)
{
    return comma_list(p, argument_single(p), LEX_COMMAND, argument_single);
}

/* Each stream may be redirected once per command: *seen has a bit per stream (0 = '*'). */
static void check_stream(Parser *p, const Token *t, unsigned *seen)
{
    static const char *const names[] = {"* stream",          "output stream",  "error stream",
                                        "warning stream",    "verbose stream", "debug stream",
                                        "information stream"};
    unsigned s = t->redir.stream < 7 ? t->redir.stream : 0;
    if (*seen & (1u << s))
        error_at(p, t->start, t->end, "StreamAlreadyRedirected",
                 fmt1(p, "The {0} for this command is already redirected.", names[s]), 0);
    *seen |= 1u << s;
}

/* redirection -> REDIR [ argument-single ]     (no target after n>&1) */
static Node *redirection(Parser *p, unsigned *seen)
{
    Token t = *peek(p, LEX_COMMAND);
    check_stream(p, &t, seen);
    consume(p, &t);
    Node *n = node(p, AST_REDIRECT, t.start, t.end);
    n->op = t.redir.stream;
    n->flags = (uint16_t)((t.redir.append ? NF_APPEND : 0) | (t.redir.merge ? NF_MERGE : 0));
    if (!t.redir.merge) {
        n->a = argument_single(p);
        if (!n->a)
            error_after(p, "MissingFileSpecification",
                        "Missing file specification after redirection operator.");
        else
            n->end = n->a->end;
    }
    return n;
}

/* parameter-arg -> PARAM [ argument ]      (the argument only after -Name:) */
static Node *cmd_param(Parser *p)
{
    Token t = *peek(p, LEX_COMMAND);
    consume(p, &t);
    Node *n = node(p, AST_CMDPARAM, t.start, t.end);
    size_t len;
    const char *s = param_name(p, &t, &len);
    set_str(n, s, len);
    if (t.flags & TF_COLON) {
        n->flags = NF_COLON;
        n->a = argument(p);
        if (n->a) n->end = n->a->end;
    }
    return n;
}

/* command-element -> parameter-arg | redirection | '--' | argument */
static Node *command_element(Parser *p, int *args_only, unsigned *seen)
{
    const Token *t = peek(p, LEX_COMMAND);
    if (t->kind == TOK_PARAM && !*args_only) return cmd_param(p);
    if (t->kind == TOK_PARAM) {
        Token c = *t;
        consume(p, &c);
        return bare(p, &c);
    }
    if (t->kind == TOK_REDIR) return redirection(p, seen);
    if (t->kind == TOK_DASHDASH && !*args_only) {
        Node *n = node(p, AST_DASHDASH, t->start, t->end);
        advance(p);
        *args_only = 1;
        return n;
    }
    if (t->kind == TOK_COMMA) {
        Token c = *t;
        error_at(p, c.start, c.end, "MissingArgument", "Missing argument in parameter list.", 0);
        consume(p, &c);
        return node(p, AST_ERROR, c.start, c.end);
    }
    return argument(p);
}

/* command -> [ '&' | '.' ] command-name { command-element } */
static Node *command(Parser *p)
{
    Token t = *peek(p, LEX_COMMAND);
    Node *cmd = node(p, AST_COMMAND, t.start, t.end);
    Node *name;
    List l = {0};
    if (t.kind == TOK_AMP || t.kind == TOK_DOT) {
        cmd->op = (uint8_t)t.kind;
        consume(p, &t);
        name = argument_single(p);
        if (!name)
            error_after_arg(p, "MissingExpression",
                            "Missing expression after '{0}' in pipeline element.",
                            t.kind == TOK_AMP ? "&" : ".");
    } else if (t.kind == TOK_GENERIC) {
        consume(p, &t);
        name = word(p, &t);
    } else {
        name = argument_single(p);
    }
    list_add(&l, name);
    int args_only = 0;
    unsigned seen = 0;
    while (!p->fatal) {
        const Token *a = peek(p, LEX_COMMAND);
        if (ends_command(a->kind)) break;
        uint32_t before = p->pos;
        list_add(&l, command_element(p, &args_only, &seen));
        if (p->pos == before) { /* cannot happen, but never spin */
            unexpected(p, peek(p, LEX_COMMAND));
            advance(p);
        }
    }
    cmd->a = l.head;
    end_here(p, cmd);
    return cmd;
}

/* ================================================================ pipelines and statements */

/* At a statement or pipeline start: an expression, or a command?  A lexical error in
 * expression mode (an unterminated string, @x) stays an expression unless the text is a
 * command word (-x is an unknown operator but a fine command name). */
static int starts_expression(Parser *p)
{
    const Token *t = peek(p, LEX_EXPR);
    if (t->kind == TOK_ERROR) {
        TokKind k = peek(p, LEX_COMMAND)->kind;
        return k != TOK_GENERIC && k != TOK_PARAM;
    }
    return t->kind == TOK_COMMA || starts_unary(t);
}

static Node *wrap_cmdexpr(Parser *p, Node *e, Node *redirs)
{
    Node *n = node(p, AST_CMDEXPR, e->start, e->end);
    n->a = e;
    n->b = redirs;
    return n;
}

/* pipe-element -> command     (an expression here is an error) */
static Node *pipe_element(Parser *p)
{
    const Token *t = peek(p, LEX_COMMAND);
    if (ends_command(t->kind) && t->kind != TOK_AMP) {
        if (t->kind == TOK_EOF || (t->kind == TOK_ERROR && (t->flags & TF_INCOMPLETE)))
            error_after(p, "EmptyPipeElement", "An empty pipe element is not allowed.");
        else
            error_at(p, t->start, t->end, "EmptyPipeElement",
                     "An empty pipe element is not allowed.", 0);
        return NULL;
    }
    switch (t->kind) {
    case TOK_VARIABLE:
    case TOK_NUMBER:
    case TOK_STRING:
    case TOK_XSTRING:
    case TOK_HSTRING:
    case TOK_XHSTRING:
    case TOK_LPAREN:
    case TOK_DOLLAR_PAREN:
    case TOK_AT_PAREN:
    case TOK_AT_BRACE:
    case TOK_LBRACE: {
        error_at(p, t->start, t->end, "ExpressionsMustBeFirstInPipeline",
                 "Expressions are only allowed as the first element of a pipeline.", 0);
        Node *e = expression(p);
        return e ? wrap_cmdexpr(p, e, NULL) : NULL;
    }
    default:
        return command(p);
    }
}

/* A '|' here, or on the next non-empty line (PowerShell 7 leading pipe). */
static int accept_pipe(Parser *p)
{
    if (accept(p, LEX_COMMAND, TOK_PIPE)) return 1;
    if (!at(p, LEX_COMMAND, TOK_NEWLINE)) return 0;
    Mark m = mark(p);
    skip_nl(p);
    if (accept(p, LEX_COMMAND, TOK_PIPE)) return 1;
    rewind_to(p, m);
    return 0;
}

/* Can e be assigned to?  Variables, members, elements, [type]$x and lists of those. */
static int assignable(const Node *e)
{
    switch (e->kind) {
    case AST_VARIABLE:
        return !(e->flags & NF_SPLAT);
    case AST_MEMBER:
    case AST_INDEX:
        return 1;
    case AST_CONVERT:
        return e->b && assignable(e->b);
    case AST_ARRAY:
        for (const Node *x = e->a; x; x = x->next)
            if (!assignable(x)) return 0;
        return 1;
    default:
        return 0;
    }
}

/* assignment -> expression assignop NL* statement      (e is the parsed left side) */
static Node *assignment(Parser *p, Node *e)
{
    if (!assignable(e) && e->kind != AST_ERROR)
        error_at(p, e->start, e->end, "InvalidLeftHandSide",
                 "The assignment expression is not valid. The input to an assignment operator "
                 "must be an object that is able to accept assignments, such as a variable or a "
                 "property.",
                 0);
    Token op = *peek(p, LEX_EXPR);
    advance(p);
    skip_nl(p);
    Node *n = node(p, AST_ASSIGN, e->start, op.end);
    n->op = (uint8_t)op.op;
    n->a = e;
    n->b = statement(p);
    if (!n->b)
        error_after_arg(p, "ExpectedValueExpression",
                        "You must provide a value expression following the '{0}' operator.",
                        tok_text(p, &op));
    end_here(p, n);
    return n;
}

/* pipeline -> assignment
 *           | expression { redirection } { '|' NL* pipe-element }
 *           | command { '|' NL* pipe-element } */
static Node *pipeline(Parser *p)
{
    List l = {0};
    int piped = 0;
    const Token *t = peek(p, LEX_EXPR); /* the kinds tested first are mode-free */
    uint32_t start = t->start;
    if (is_end(t->kind) || t->kind == TOK_ANDAND || t->kind == TOK_OROR) return NULL;
    if (t->kind == TOK_PIPE) {
        error_at(p, t->start, t->end, "EmptyPipeElement", "An empty pipe element is not allowed.",
                 0);
    } else if (starts_expression(p)) {
        Node *e = expression(p);
        if (!e) return NULL;
        t = peek(p, LEX_EXPR);
        if (t->kind == TOK_OP && (op_info[t->op].flags & OPF_ASSIGN)) return assignment(p, e);
        List r = {0};
        unsigned seen = 0;
        while (at(p, LEX_COMMAND, TOK_REDIR))
            list_add(&r, redirection(p, &seen));
        if (!r.head) {
            if (!accept_pipe(p)) return e; /* a lone expression is not wrapped */
            piped = 1;
        }
        list_add(&l, wrap_cmdexpr(p, e, r.head));
    } else {
        list_add(&l, command(p));
    }
    while (!p->fatal && (piped || accept_pipe(p))) {
        piped = 0;
        skip_nl(p);
        list_add(&l, pipe_element(p));
    }
    if (!l.head) return NULL;
    Node *pl = node(p, AST_PIPELINE, start, start);
    end_here(p, pl); /* never before start: a command at a "$(" piece's limit consumes nothing */
    pl->a = l.head;
    return pl;
}

/* chain -> pipeline { ('&&' | '||') NL* pipeline } */
static Node *chain(Parser *p)
{
    Node *left = pipeline(p);
    int folds = 0;
    while (left && !p->fatal) {
        const Token *t = peek(p, LEX_COMMAND);
        if (t->kind != TOK_ANDAND && t->kind != TOK_OROR) break;
        Token op = *t;
        advance(p);
        skip_nl(p);
        Node *right = pipeline(p);
        if (!right) {
            error_after(p, "EmptyPipelineChainElement",
                        "A pipeline chain operator must be followed by a pipeline.");
            break;
        }
        Node *n = node(p, AST_CHAIN, left->start, right->end);
        n->op = (uint8_t)op.kind;
        n->a = left;
        n->b = right;
        left = n;
        folds++;
        if (!enter(p)) break;
    }
    p->depth -= folds;
    return left;
}

/* block -> NL* '{' statement-list '}'      (missing '{' reports id/msg) */
static Node *block(Parser *p, const char *id, const char *msg)
{
    skip_nl(p);
    if (!at(p, LEX_COMMAND, TOK_LBRACE)) {
        error_after(p, id, msg);
        return NULL;
    }
    Token lb = *peek(p, LEX_COMMAND);
    advance(p);
    Node *n = statement_list(p, TOK_RBRACE);
    n->start = lb.start;
    expect_rbrace(p, &lb);
    end_here(p, n);
    return n;
}

/* cond -> '(' NL* chain NL* ')'   after keyword kw; returns NULL after reporting an error */
static Node *condition(Parser *p, const char *kw, const char *missing_id, const char *missing_msg)
{
    skip_nl(p);
    if (!accept(p, LEX_EXPR, TOK_LPAREN)) {
        error_after_arg(p, "MissingOpenParenthesisAfterKeyword",
                        "Missing opening '(' after keyword '{0}'.", kw);
        return NULL;
    }
    skip_nl(p);
    Node *c = chain(p);
    if (!c) {
        error_after_arg(p, missing_id, missing_msg, kw);
        if (!at(p, LEX_EXPR, TOK_RPAREN)) return NULL;
        c = node(p, AST_ERROR, p->last_end, p->last_end);
    }
    skip_nl(p);
    if (!accept(p, LEX_EXPR, TOK_RPAREN)) {
        error_after(p, "MissingEndParenthesisAfterStatement",
                    fmt1(p, "Missing closing ')' after expression in '{0}' statement.", kw));
        return NULL;
    }
    return c;
}

/* Consume the keyword token; returns a node of kind k spanning it. */
static Node *keyword_node(Parser *p, NodeKind k)
{
    Token t = *peek(p, LEX_COMMAND);
    consume(p, &t);
    return node(p, k, t.start, t.end);
}

/* Is the next non-empty line's first word keyword kw?  Consumes it if so. */
static int accept_keyword_after_nl(Parser *p, KwKind kw, int *eof)
{
    Mark m = mark(p);
    skip_nl(p);
    if (eof) *eof = at(p, LEX_COMMAND, TOK_EOF);
    if (at_keyword(p) == kw) {
        advance(p);
        return 1;
    }
    rewind_to(p, m);
    return 0;
}

/* if -> 'if' '(' chain ')' block { 'elseif' '(' chain ')' block } [ 'else' block ] */
static Node *if_stmt(Parser *p, const char *label)
{
    Node *n = keyword_node(p, AST_IF);
    List l = {0};
    const char *kw = "if";
    for (;;) {
        skip_nl(p);
        if (!accept(p, LEX_EXPR, TOK_LPAREN)) {
            error_after_arg(p, "MissingOpenParenthesisInIfStatement",
                            "Missing '(' after '{0}' in if statement.", kw);
            break;
        }
        skip_nl(p);
        Node *c = chain(p);
        if (!c) {
            error_after_arg(p, "IfStatementMissingCondition",
                            "Missing condition in if statement after '{0} ('.", kw);
            if (!at(p, LEX_EXPR, TOK_RPAREN)) break;
            c = node(p, AST_ERROR, p->last_end, p->last_end);
        }
        skip_nl(p);
        if (!at(p, LEX_EXPR, TOK_RPAREN)) {
            error_here(p, "MissingEndParenthesisAfterStatement",
                       fmt1(p, "Missing closing ')' after expression in '{0}' statement.", kw));
            break;
        }
        Token rp = *peek(p, LEX_EXPR);
        advance(p);
        skip_nl(p);
        if (!at(p, LEX_COMMAND, TOK_LBRACE)) { /* pwsh marks the ')' */
            error_at(p, rp.start, rp.end, "MissingStatementBlock",
                     fmt1(p, "Missing statement block after {0} ( condition ).", kw),
                     at_input_end(p));
            break;
        }
        Node *body = block(p, "MissingStatementBlock", "");
        Node *cl = node(p, AST_CLAUSE, c->start, body->end);
        cl->a = c;
        cl->b = body;
        list_add(&l, cl);
        if (accept_keyword_after_nl(p, KW_ELSEIF, NULL)) {
            kw = "elseif";
            continue;
        }
        if (accept_keyword_after_nl(p, KW_ELSE, NULL))
            n->b = block(p, "MissingStatementBlockAfterElse",
                         "Missing statement block after 'else' keyword.");
        break;
    }
    n->a = l.head;
    end_here(p, n);
    return n;
}

typedef struct SwitchFlag {
    const char *name;
    uint16_t set, clear;
} SwitchFlag;

static const SwitchFlag switch_flags[] = {
    {"regex", NF_REGEX, NF_WILDCARD | NF_EXACT},
    {"wildcard", NF_WILDCARD, NF_REGEX | NF_EXACT},
    {"exact", NF_EXACT, NF_REGEX | NF_WILDCARD},
    {"casesensitive", NF_CASESENS, 0},
    {"file", NF_FILE, 0},
};

/* One -flag of a switch statement (a prefix is enough, as in pwsh). */
static void switch_flag(Parser *p, Node *n)
{
    Token t = *peek(p, LEX_COMMAND);
    consume(p, &t);
    size_t len;
    const char *name = param_name(p, &t, &len);
    for (size_t i = 0; len && i < sizeof switch_flags / sizeof switch_flags[0]; i++) {
        if (len <= strlen(switch_flags[i].name) &&
            str_nicmp(name, switch_flags[i].name, len) == 0) {
            n->flags = (uint16_t)((n->flags & ~switch_flags[i].clear) | switch_flags[i].set);
            if (switch_flags[i].set == NF_FILE) {
                skip_nl(p);
                n->a = argument_single(p);
                if (!n->a)
                    error_after(p, "MissingFilenameOption",
                                "Cannot process the 'switch' statement because of a missing file "
                                "name argument to the -file option.");
            }
            return;
        }
    }
    error_at(p, t.start, t.end, "InvalidSwitchFlag",
             fmt1(p, "The parameter {0} is not valid for the switch statement.", name), 0);
}

/* switch-clause -> ( 'default' | argument-single ) NL* block */
static void switch_clause(Parser *p, Node *n, List *l)
{
    const Token *t = peek(p, LEX_COMMAND);
    Node *cond = NULL;
    Token c = *t;
    int is_default = t->kind == TOK_GENERIC && !(t->flags & TF_EXPANDABLE) &&
                     str_ieq_slice(p->src + t->start, t->end - t->start, "default");
    if (is_default)
        consume(p, &c);
    else
        cond = argument_single(p);
    if (!is_default && !cond) {
        error_after(p, "MissingSwitchConditionExpression",
                    "Missing condition in switch statement clause.");
        recover(p);
        return;
    }
    Node *body = block(p, "MissingSwitchStatementClause",
                       "Missing statement block in switch statement clause.");
    if (!body) return;
    if (is_default) {
        if (n->c)
            error_at(p, c.start, c.end, "MultipleSwitchDefaultClauses",
                     "A switch statement can have only one default clause.", 0);
        n->c = body;
        return;
    }
    Node *cl = node(p, AST_CLAUSE, cond->start, body->end);
    cl->a = cond;
    cl->b = body;
    list_add(l, cl);
}

/* switch -> 'switch' { flag } ( '(' chain ')' | '-file' argument ) NL* '{' { clause } '}' */
static Node *switch_stmt(Parser *p, const char *label)
{
    Node *n = keyword_node(p, AST_SWITCH);
    while (at(p, LEX_COMMAND, TOK_PARAM))
        switch_flag(p, n);
    if (!(n->flags & NF_FILE)) {
        skip_nl(p);
        static const char need[] = "A switch statement must have one of the following:  "
                                   "'-file file_name' or '( expression )'.";
        if (!accept(p, LEX_EXPR, TOK_LPAREN)) {
            error_after(p, "PipelineValueRequired", need);
            return n;
        }
        skip_nl(p);
        n->a = chain(p);
        if (!n->a && at(p, LEX_EXPR, TOK_RPAREN))
            error_after(p, "PipelineValueRequired", need);
        else if (!n->a)
            error_after(p, "MissingSwitchValueExpression",
                        "Missing expression after '(' in switch statement.");
        skip_nl(p);
        if (!expect(p, LEX_EXPR, TOK_RPAREN, "MissingEndParenthesisInSwitchStatement",
                    "Missing ')' after expression in switch statement."))
            return n;
    }
    skip_nl(p);
    if (!at(p, LEX_COMMAND, TOK_LBRACE)) {
        error_after(p, "MissingCurlyBraceInSwitchStatement", "Missing '{' in switch statement.");
        return n;
    }
    Token lb = *peek(p, LEX_COMMAND);
    advance(p);
    List l = {0};
    for (;;) {
        skip_seps(p);
        TokKind k = peek(p, LEX_COMMAND)->kind;
        if (k == TOK_RBRACE || k == TOK_EOF || k == TOK_RPAREN || p->fatal) break;
        switch_clause(p, n, &l);
    }
    expect_rbrace(p, &lb);
    n->b = l.head;
    end_here(p, n);
    return n;
}

/* foreach -> 'foreach' NL* '(' NL* variable NL* 'in' NL* chain NL* ')' block */
static Node *foreach_stmt(Parser *p, const char *label)
{
    Node *n = keyword_node(p, AST_FOREACH);
    skip_nl(p);
    if (!accept(p, LEX_EXPR, TOK_LPAREN)) {
        error_after(p, "MissingOpenParenthesisAfterKeyword",
                    "Missing opening '(' after keyword 'foreach'.");
        return n;
    }
    skip_nl(p);
    const Token *t = peek(p, LEX_EXPR);
    if (t->kind != TOK_VARIABLE) {
        error_here(
            p, "MissingVariableNameAfterForeach",
            "Missing variable name after foreach.\nThe correct form is: foreach ($a in $b) {...}");
        return n;
    }
    n->a = var_node(p, t, 0);
    advance(p);
    skip_nl(p);
    if (at_keyword(p) != KW_IN) {
        error_after(p, "MissingInInForeach",
                    "Missing 'in' after variable in foreach loop.\nThe correct form is: foreach "
                    "($a in $b) {...}");
        return n;
    }
    advance(p);
    skip_nl(p);
    n->b = chain(p);
    if (!n->b) {
        error_after(
            p, "MissingForeachExpression",
            "Missing expression in foreach loop.\nThe correct form is: foreach ($a in $b) {...}");
        return n;
    }
    skip_nl(p);
    if (!accept(p, LEX_EXPR, TOK_RPAREN)) {
        error_after(p, "MissingEndParenthesisAfterForeach",
                    "Missing closing ')' after expression part of foreach loop.\nThe correct form "
                    "is: foreach ($a in $b) {...}");
        return n;
    }
    n->c = block(
        p, "MissingForeachStatement",
        "Missing statement body in foreach loop.\nThe correct form is: foreach ($a in $b) {...}");
    end_here(p, n);
    return n;
}

/* for-part -> NL* [ chain ] NL* [ ';' ]     (newlines may replace the ';') */
static Node *for_part(Parser *p, int last)
{
    skip_nl(p);
    Node *e = NULL;
    TokKind k = peek(p, LEX_EXPR)->kind;
    if (k != TOK_SEMI && k != TOK_RPAREN) e = chain(p);
    skip_nl(p);
    if (!last) accept(p, LEX_COMMAND, TOK_SEMI);
    return e;
}

/* for -> 'for' NL* '(' for-part for-part for-part ')' block */
static Node *for_stmt(Parser *p, const char *label)
{
    Node *n = keyword_node(p, AST_FOR);
    skip_nl(p);
    if (!accept(p, LEX_EXPR, TOK_LPAREN)) {
        error_after(p, "MissingOpenParenthesisAfterKeyword",
                    "Missing opening '(' after keyword 'for'.");
        return n;
    }
    Node *head = node(p, AST_FORHEAD, p->pos, p->pos);
    head->a = for_part(p, 0);
    head->b = for_part(p, 0);
    n->a = head;
    n->b = for_part(p, 1);
    if (!expect(p, LEX_EXPR, TOK_RPAREN, "MissingEndParenthesisAfterStatement",
                "Missing closing ')' after expression in 'for' statement."))
        return n;
    n->c = block(p, "MissingLoopStatement", "Missing statement body in for loop.");
    end_here(p, n);
    return n;
}

/* while -> 'while' '(' chain ')' block */
static Node *while_stmt(Parser *p, const char *label)
{
    Node *n = keyword_node(p, AST_WHILE);
    n->a = condition(p, "while", "MissingExpressionAfterKeyword",
                     "Missing expression after '{0}' in loop.");
    if (n->a) n->c = block(p, "MissingLoopStatement", "Missing statement body in while loop.");
    end_here(p, n);
    return n;
}

/* do -> 'do' block NL* ( 'while' | 'until' ) '(' chain ')' */
static Node *do_stmt(Parser *p, const char *label)
{
    Node *n = keyword_node(p, AST_DOWHILE);
    n->c = block(p, "MissingLoopStatement", "Missing statement body in do loop.");
    if (!n->c) return n;
    int eof = 0;
    const char *kw = "while";
    if (accept_keyword_after_nl(p, KW_UNTIL, &eof)) {
        n->kind = AST_DOUNTIL;
        kw = "until";
    } else if (!accept_keyword_after_nl(p, KW_WHILE, &eof)) {
        error_at(p, p->last_end, p->last_end, "MissingWhileOrUntilInDoWhile",
                 "Missing while or until keyword in do loop.", eof);
        return n;
    }
    n->a = condition(p, kw, "MissingExpressionAfterKeyword",
                     "Missing expression after '{0}' in loop.");
    end_here(p, n);
    return n;
}

/* parameter -> { bracket NL* } variable [ '=' NL* expression ] */
static Node *parameter(Parser *p)
{
    List attrs = {0};
    uint32_t start = peek(p, LEX_EXPR)->start;
    while (at(p, LEX_EXPR, TOK_LBRACKET) && !p->fatal) {
        list_add(&attrs, bracket(p));
        skip_nl(p);
    }
    const Token *t = peek(p, LEX_EXPR);
    if (t->kind != TOK_VARIABLE) {
        error_here(p, "InvalidFunctionParameter",
                   "Parameter declarations are a comma-separated "
                   "list of variable names with optional initializer expressions.");
        return NULL;
    }
    Node *v = var_node(p, t, 0);
    advance(p);
    Node *n = node(p, AST_PARAMETER, start, v->end);
    set_str(n, v->str, v->len);
    n->a = attrs.head;
    if (at_op(p, OP_ASSIGN)) {
        Token op = *peek(p, LEX_EXPR);
        advance(p);
        skip_nl(p);
        p->nocomma++;
        n->b = expression(p);
        p->nocomma--;
        if (!n->b)
            error_after_arg(p, "ExpectedValueExpression",
                            "You must provide a value expression following the '{0}' operator.",
                            tok_text(p, &op));
    }
    end_here(p, n);
    return n;
}

/* param-list -> '(' NL* [ parameter { NL* ',' NL* parameter } ] NL* ')' */
static Node *param_list(Parser *p, uint32_t start)
{
    Node *pb = node(p, AST_PARAMBLOCK, start, start);
    List l = {0};
    advance(p); /* '(' */
    for (;;) {
        skip_nl(p);
        if (at(p, LEX_EXPR, TOK_RPAREN) || at(p, LEX_EXPR, TOK_EOF) || p->fatal) break;
        Node *prm = parameter(p);
        if (!prm) break;
        int nq = 0; /* compared with the first 256 parameters only: linear time */
        for (Node *q = l.head; q && nq < 256; q = q->next, nq++)
            if (str_icmp(q->str, prm->str) == 0)
                error_at(p, prm->start, prm->end, "DuplicateFormalParameter",
                         fmt1(p, "Duplicate parameter ${0} in parameter list.", prm->str), 0);
        list_add(&l, prm);
        skip_nl(p);
        if (!accept(p, LEX_EXPR, TOK_COMMA)) break;
    }
    skip_nl(p);
    if (!accept(p, LEX_EXPR, TOK_RPAREN)) {
        error_after(p, "MissingEndParenthesisInFunctionParameterList",
                    "Missing ')' in function parameter list.");
        recover(p);
        accept(p, LEX_EXPR, TOK_RPAREN);
    }
    pb->a = l.head;
    end_here(p, pb);
    return pb;
}

/* param-block -> { bracket NL* } 'param' NL* param-list     (else nothing is consumed) */
static Node *param_block(Parser *p)
{
    Mark m = mark(p);
    List attrs = {0};
    uint32_t start = peek(p, LEX_EXPR)->start;
    while (at(p, LEX_EXPR, TOK_LBRACKET) && !p->fatal) {
        list_add(&attrs, bracket(p));
        skip_nl(p);
    }
    if (at_keyword(p) != KW_PARAM) {
        rewind_to(p, m);
        return NULL;
    }
    advance(p);
    skip_nl(p);
    if (!at(p, LEX_EXPR, TOK_LPAREN)) {
        error_after(p, "MissingOpenParenthesisAfterKeyword",
                    "Missing opening '(' after keyword 'param'.");
        return NULL;
    }
    Node *pb = param_list(p, start);
    pb->b = attrs.head;
    return pb;
}

/* function -> ('function' | 'filter') name [ param-list ] NL* '{' script-body '}' */
static Node *function_stmt(Parser *p, const char *label)
{
    KwKind kw = at_keyword(p);
    Node *n = keyword_node(p, AST_FUNCTION);
    if (kw == KW_FILTER) n->flags = NF_FILTER;
    const Token *t = peek(p, LEX_COMMAND);
    if (t->kind != TOK_GENERIC) {
        error_after_arg(p, "MissingNameAfterKeyword", "Missing name after {0} keyword.",
                        kw == KW_FILTER ? "filter" : "function");
        return n;
    }
    Token nt = *t;
    consume(p, &nt);
    char *name = (nt.flags & TF_EXPANDABLE) ? lex_text(p->lx, &nt, p->arena) : NULL;
    if (name)
        set_str(n, name, strlen(name));
    else
        set_slice(p, n, nt.start, nt.end);
    Node *params = NULL;
    if (at(p, LEX_EXPR, TOK_LPAREN)) params = param_list(p, peek(p, LEX_EXPR)->start);
    skip_nl(p);
    if (!at(p, LEX_COMMAND, TOK_LBRACE)) {
        error_after(p, "MissingFunctionBody", "Missing function body in function declaration.");
        return n;
    }
    Token lb = *peek(p, LEX_COMMAND);
    advance(p);
    Node *sb = script_body(p, TOK_RBRACE);
    uint32_t body_end = at(p, LEX_COMMAND, TOK_RBRACE) ? peek(p, LEX_COMMAND)->start : p->pos;
    expect_rbrace(p, &lb);
    set_body(p, sb, lb.end, body_end);
    sb->start = lb.start;
    end_here(p, sb);
    if (params && sb->a)
        error_at(p, sb->a->start, sb->a->end, "OnlyOneParameterListAllowed",
                 "The param statement cannot be used if arguments were specified in the function "
                 "declaration.",
                 0);
    else if (params)
        sb->a = params;
    n->a = sb;
    end_here(p, n);
    return n;
}

/* trap -> 'trap' [ bracket ] block */
static Node *trap_stmt(Parser *p, const char *label)
{
    Node *n = keyword_node(p, AST_TRAP);
    skip_nl(p);
    if (at(p, LEX_EXPR, TOK_LBRACKET)) n->a = bracket(p);
    n->b = block(p, "MissingTrapStatement",
                 "The 'trap' statement was incomplete. A trap statement requires a body.");
    end_here(p, n);
    return n;
}

/* catch -> 'catch' NL* [ bracket { NL* ',' NL* bracket } ] block */
static Node *catch_clause(Parser *p, uint32_t start)
{
    Node *n = node(p, AST_CATCH, start, p->last_end);
    List types = {0};
    skip_nl(p);
    while (at(p, LEX_EXPR, TOK_LBRACKET) && !p->fatal) {
        list_add(&types, bracket(p));
        skip_nl(p);
        if (!accept(p, LEX_EXPR, TOK_COMMA)) break;
        skip_nl(p);
    }
    n->a = types.head;
    n->b = block(p, "MissingCatchHandlerBlock", "The Catch block is missing its statement block.");
    end_here(p, n);
    return n;
}

/* try -> 'try' block { NL* catch } [ NL* 'finally' block ]      (one catch or finally at least) */
static Node *try_stmt(Parser *p, const char *label)
{
    Node *n = keyword_node(p, AST_TRY);
    n->a =
        block(p, "MissingTryStatementBlock", "The Try statement is missing its statement block.");
    if (!n->a) return n;
    List l = {0};
    int eof = 0;
    Node *untyped = NULL;
    while (!p->fatal && accept_keyword_after_nl(p, KW_CATCH, &eof)) {
        Node *c = catch_clause(p, p->last_end - 5);
        if (untyped)
            error_at(p, untyped->start, untyped->start + 5, "EmptyCatchNotLast",
                     "Catch block must be the last catch block.", 0);
        untyped = c->a ? NULL : c;
        list_add(&l, c);
        if (!c->b) break;
    }
    n->b = l.head;
    if (accept_keyword_after_nl(p, KW_FINALLY, &eof))
        n->c = block(p, "MissingFinallyStatementBlock",
                     "The Finally block is missing its statement block.");
    else if (!n->b)
        error_at(p, p->last_end, p->last_end, "MissingCatchOrFinally",
                 "The Try statement is missing its Catch or Finally block.", eof);
    end_here(p, n);
    return n;
}

/* flow -> ('return' | 'throw' | 'exit') [ chain ] */
static Node *flow_stmt(Parser *p, const char *label)
{
    static const struct {
        KwKind kw;
        NodeKind kind;
    } kinds[] = {
        {KW_RETURN, AST_RETURN}, {KW_THROW, AST_THROW},       {KW_EXIT, AST_EXIT},
        {KW_BREAK, AST_BREAK},   {KW_CONTINUE, AST_CONTINUE},
    };
    KwKind kw = at_keyword(p);
    NodeKind k = AST_RETURN;
    for (size_t i = 0; i < sizeof kinds / sizeof kinds[0]; i++)
        if (kinds[i].kw == kw) k = kinds[i].kind;
    Node *n = keyword_node(p, k);
    const Token *t = peek(p, LEX_COMMAND);
    if (ends_command(t->kind)) return n;
    n->a = (k == AST_BREAK || k == AST_CONTINUE) ? argument_single(p) : chain(p);
    end_here(p, n);
    return n;
}

/* data -> 'data' [ name ] [ '-SupportedCommand' argument ] NL* '{' statement-list '}' */
static Node *data_stmt(Parser *p, const char *label)
{
    Node *n = keyword_node(p, AST_DATA);
    const Token *t = peek(p, LEX_COMMAND);
    if (t->kind == TOK_GENERIC) {
        set_slice(p, n, t->start, t->end);
        advance(p);
    }
    while (at(p, LEX_COMMAND, TOK_PARAM) && !p->fatal) {
        Token pt = *peek(p, LEX_COMMAND);
        consume(p, &pt);
        size_t len;
        const char *name = param_name(p, &pt, &len);
        if (len == 0 || len > 16 || str_nicmp(name, "SupportedCommand", len) != 0) {
            error_at(p, pt.start, pt.end, "InvalidParameterForDataSectionStatement",
                     fmt1(p,
                          "The \"{0}\" parameter of the Data section is not valid. The valid Data "
                          "section parameter is SupportedCommand.",
                          name),
                     0);
            continue;
        }
        Node *a = argument(p);
        if (!a)
            error_after(p, "MissingValueForSupportedCommandInDataSectionStatement",
                        "The SupportedCommand parameter of the Data section is missing a value. "
                        "Supply a cmdlet or function name to the parameter.");
        else
            n->a = a->kind == AST_ARRAY ? a->a : a;
    }
    n->b = block(p, "MissingStatementBlockForDataSection",
                 "The Data section is missing its statement block.");
    end_here(p, n);
    return n;
}

/* Keywords that are reserved or out of place: an error, then panic mode. */
static Node *bad_keyword(Parser *p, const char *label)
{
    Token t = *peek(p, LEX_COMMAND);
    KwKind kw = lex_keyword(p->lx, &t);
    if (kw == KW_CLASS || kw == KW_ENUM || kw == KW_DEFINE || kw == KW_FROM || kw == KW_VAR)
        error_at(p, t.start, t.end, "ReservedKeywordNotAllowed",
                 fmt1(p, "The '{0}' keyword is not supported in this version of the language.",
                      kw_text[kw]),
                 0);
    else
        unexpected(p, &t);
    consume(p, &t);
    recover(p);
    return NULL;
}

/* using -> 'using' ...   (namespaces and modules: accepted and ignored) */
static Node *using_stmt(Parser *p, const char *label)
{
    advance(p);
    recover(p);
    return NULL;
}

typedef Node *(*KwRule)(Parser *p, const char *label);

/* Statement keywords.  Missing entries (begin, process, end, ...) start ordinary commands. */
static const KwRule kw_rules[KW__COUNT] = {
    [KW_IF] = if_stmt,
    [KW_SWITCH] = switch_stmt,
    [KW_FOREACH] = foreach_stmt,
    [KW_FOR] = for_stmt,
    [KW_WHILE] = while_stmt,
    [KW_DO] = do_stmt,
    [KW_FUNCTION] = function_stmt,
    [KW_FILTER] = function_stmt,
    [KW_TRAP] = trap_stmt,
    [KW_TRY] = try_stmt,
    [KW_DATA] = data_stmt,
    [KW_RETURN] = flow_stmt,
    [KW_THROW] = flow_stmt,
    [KW_EXIT] = flow_stmt,
    [KW_BREAK] = flow_stmt,
    [KW_CONTINUE] = flow_stmt,
    [KW_USING] = using_stmt,
    [KW_ELSE] = bad_keyword,
    [KW_ELSEIF] = bad_keyword,
    [KW_CATCH] = bad_keyword,
    [KW_FINALLY] = bad_keyword,
    [KW_UNTIL] = bad_keyword,
    [KW_PARAM] = bad_keyword,
    [KW_CLASS] = bad_keyword,
    [KW_ENUM] = bad_keyword,
    [KW_DEFINE] = bad_keyword,
    [KW_FROM] = bad_keyword,
    [KW_VAR] = bad_keyword,
};

static int is_loop_kw(KwKind kw)
{
    return kw == KW_FOREACH || kw == KW_FOR || kw == KW_WHILE || kw == KW_DO || kw == KW_SWITCH;
}

/* labelled -> LABEL ( foreach | for | while | do | switch )   (else the label is a command name) */
static Node *labelled(Parser *p)
{
    Mark m = mark(p);
    Token t = *peek(p, LEX_COMMAND);
    consume(p, &t);
    KwKind kw = at_keyword(p);
    if (!is_loop_kw(kw)) {
        rewind_to(p, m);
        return NULL;
    }
    char *label = lex_text(p->lx, &t, p->arena);
    Node *n = kw_rules[kw](p, label);
    n->start = t.start;
    set_str(n, label, strlen(label));
    return n;
}

/* statement -> labelled | keyword-statement | chain [ '&' ] */
static Node *statement(Parser *p)
{
    const Token *t = peek(p, LEX_EXPR);
    if (is_end(t->kind) || t->kind == TOK_ANDAND || t->kind == TOK_OROR) return NULL;
    if (!enter(p)) {
        leave(p);
        return NULL;
    }
    Node *n = NULL;
    KwKind kw = KW_NONE;
    /* keywords and labels are command-mode words: skip that scan when the statement plainly
     * starts with a variable or a literal */
    switch (t->kind) {
    case TOK_VARIABLE:
    case TOK_NUMBER:
    case TOK_STRING:
    case TOK_XSTRING:
    case TOK_HSTRING:
    case TOK_XHSTRING:
        break;
    default:
        t = peek(p, LEX_COMMAND);
        kw = at_keyword(p);
        if (t->kind == TOK_LABEL) n = labelled(p);
    }
    if (!n && kw != KW_NONE && kw_rules[kw]) {
        n = kw_rules[kw](p, NULL);
    } else if (!n) {
        uint32_t start = peek(p, LEX_EXPR)->start;
        n = chain(p);
        if (n && at(p, LEX_COMMAND, TOK_AMP)) {
            Node *bg = node(p, AST_BACKGROUND, start, peek(p, LEX_COMMAND)->end);
            set_slice(p, bg, start, p->last_end);
            advance(p);
            bg->a = n;
            n = bg;
            t = peek(p, LEX_COMMAND);
            if (t->kind == TOK_ANDAND || t->kind == TOK_OROR) {
                error_at(p, t->start, t->end, "BackgroundOperatorInPipelineChain",
                         "Background operators can only be used at the end of a pipeline chain.",
                         0);
                recover(p);
            }
        }
    }
    leave(p);
    return n;
}

/* Statements that end in a block need no terminator before the next one, as in pwsh:
 * `if ($x) { 1 } 2` and `function f {} f` are two statements each. */
static int self_terminated(const Node *s)
{
    switch (s->kind) {
    case AST_IF:
    case AST_SWITCH:
    case AST_FOREACH:
    case AST_FOR:
    case AST_WHILE:
    case AST_DOWHILE:
    case AST_DOUNTIL:
    case AST_FUNCTION:
    case AST_TRAP:
    case AST_TRY:
    case AST_DATA:
    case AST_BACKGROUND:
        return 1;
    default:
        return 0;
    }
}

/* statement-list -> { ';' | NL } [ statement { (';' | NL)+ statement } ]   up to closer */
static Node *statement_list(Parser *p, TokKind closer)
{
    Node *st = node(p, AST_STATEMENTS, p->pos, p->pos);
    List stmts = {0}, traps = {0};
    for (;;) {
        skip_seps(p);
        const Token *t = peek(p, LEX_EXPR); /* the kinds tested here are mode-free */
        if (t->kind == TOK_EOF || t->kind == closer || p->fatal) break;
        if (t->kind == TOK_RBRACE || t->kind == TOK_RPAREN) {
            if (closer != TOK_EOF) break; /* the enclosing rule reports its missing closer */
            unexpected(p, t);
            advance(p);
            continue;
        }
        uint32_t before = p->pos;
        Node *s = statement(p);
        if (s && s->kind == AST_TRAP)
            list_add(&traps, s);
        else
            list_add(&stmts, s);
        t = peek(p, LEX_EXPR);
        if (is_end(t->kind) || (s && self_terminated(s) && p->pos != before)) continue;
        t = peek(p, LEX_COMMAND); /* report the word as a command-mode token */
        if (t->kind == TOK_ERROR)
            lex_error(p, t);
        else
            unexpected(p, t);
        recover(p);
        if (p->pos == before) { /* nothing consumed (a "$(" piece's limit): never spin */
            const Token *u = peek(p, LEX_EXPR);
            if (u == &p->limit_eof || u->kind == TOK_EOF) break;
            advance(p);
        }
    }
    st->a = stmts.head;
    st->b = traps.head;
    end_here(p, st);
    return st;
}

static int is_block_kw(KwKind kw)
{
    return kw == KW_BEGIN || kw == KW_PROCESS || kw == KW_END || kw == KW_CLEAN ||
           kw == KW_DYNAMICPARAM;
}

/* named-block -> ('begin'|'process'|'end'|'clean'|'dynamicparam') NL* '{' statement-list '}' */
static Node *named_block(Parser *p, KwKind kw)
{
    Node *n = keyword_node(p, AST_NAMEDBLOCK);
    n->op = (uint8_t)kw;
    n->a = block(p, "MissingNamedStatementBlock",
                 fmt1(p, "Missing statement block after '{0}'.", kw_text[kw]));
    if (!n->a) n->a = node(p, AST_STATEMENTS, p->pos, p->pos);
    end_here(p, n);
    return n;
}

/* named-blocks -> { { NL | ';' } named-block }   up to closer */
static Node *named_blocks(Parser *p, TokKind closer)
{
    List l = {0};
    for (;;) {
        skip_seps(p);
        const Token *t = peek(p, LEX_EXPR); /* the kinds tested here are mode-free */
        if (t->kind == TOK_EOF || t->kind == closer || p->fatal) break;
        KwKind kw = at_keyword(p);
        if (is_block_kw(kw)) {
            list_add(&l, named_block(p, kw));
            continue;
        }
        Token c = *t;
        error_at(
            p, c.start, c.end, "MissingNamedBlocks",
            fmt1(p,
                 "unexpected token '{0}', expected 'begin', 'process', 'end', or 'dynamicparam'.",
                 tok_text(p, &c)),
            0);
        consume(p, &c);
        recover(p);
    }
    return l.head;
}

/* script-body -> { NL | ';' } [ param-block ] ( named-blocks | statement-list ) */
static Node *script_body(Parser *p, TokKind closer)
{
    Node *sb = node(p, AST_SCRIPTBLOCK, p->pos, p->pos);
    skip_seps(p);
    while (at_keyword(p) == KW_USING && !p->fatal) { /* using statements come first */
        using_stmt(p, NULL);
        skip_seps(p);
    }
    sb->a = param_block(p);
    skip_seps(p);
    if (is_block_kw(at_keyword(p))) {
        sb->b = named_blocks(p, closer);
    } else {
        Node *nb = node(p, AST_NAMEDBLOCK, p->pos, p->pos);
        nb->op = KW_END;
        nb->flags = NF_UNNAMED;
        nb->a = statement_list(p, closer);
        end_here(p, nb);
        sb->b = nb;
    }
    end_here(p, sb);
    return sb;
}

Program *parse_program(const char *src, size_t len, const char *file)
{
    Program *prog = prog_new(src, len, file);
    Parser p;
    memset(&p, 0, sizeof p);
    p.lx = prog_lexer(prog);
    p.arena = prog_arena(prog);
    p.src = prog_source(prog);
    p.len = (uint32_t)len;
    for (int i = 0; i < TOK_CACHE; i++)
        p.cache[i].pos = UINT32_MAX;
    Node *root = script_body(&p, TOK_EOF);
    root->start = 0;
    root->end = p.len;
    set_str(root, p.src, len);
    prog_finish(prog, root, p.errs, p.nerrs, p.continued);
    return prog;
}
