/*
** ast: the node-kind name table and the Program lifecycle.  A Program owns a NUL-terminated
** copy of the source, the lexer over that copy, the arena holding every node and string,
** and the parse errors.  It is refcounted because script blocks made from it at run time
** keep it alive after the statement that created them has finished.
*/
#include "parser/ast.h"
#include "parser/parser.h"

#include <stdlib.h>
#include <string.h>

#include "runtime/mem.h"

#define X_ASTNAME(k, s) s,
const char *const ast_name[AST__COUNT] = {AST_KINDS(X_ASTNAME)};

struct Program {
    int refs;         /* prog_ref/prog_unref */
    char *src;        /* NUL-terminated copy of the text */
    size_t len;       /* bytes in src, not counting the NUL */
    char *file;       /* path for messages, or NULL */
    Lexer *lx;        /* scans src */
    Arena *arena;     /* nodes, strings */
    Node *root;       /* AST_SCRIPTBLOCK */
    ParseError *errs; /* xmalloc'd array */
    int nerrs;
    int continued; /* text ends in a backtick line continuation */
};

int ast_count(const Node *head)
{
    int n = 0;
    for (; head; head = head->next)
        n++;
    return n;
}

Program *prog_new(const char *src, size_t len, const char *file)
{
    Program *p = xcalloc(1, sizeof(Program));
    p->refs = 1;
    p->src = xmalloc(len + 1);
    if (len) memcpy(p->src, src, len);
    p->src[len] = '\0';
    p->len = len;
    p->file = file ? xstrdup(file) : NULL;
    p->lx = lex_new(p->src, len);
    p->arena = arena_new();
    return p;
}

void prog_finish(Program *p, Node *root, ParseError *errs, int nerrs, int continued)
{
    p->root = root;
    free(p->errs);
    p->errs = errs;
    p->nerrs = nerrs;
    p->continued = continued;
}

/* Atomic: a script block in a value shared with a thread job (runtime/value.h) is referenced
 * from both threads.  Programs are referenced per script block, not per statement, so the
 * cost does not show. */
Program *prog_ref(Program *p)
{
    __atomic_fetch_add(&p->refs, 1, __ATOMIC_RELAXED);
    return p;
}

void prog_unref(Program *p)
{
    if (!p || __atomic_sub_fetch(&p->refs, 1, __ATOMIC_ACQ_REL) > 0) return;
    lex_free(p->lx);
    arena_free(p->arena);
    free(p->errs);
    free(p->file);
    free(p->src);
    free(p);
}

Node *prog_root(const Program *p)
{
    return p->root;
}

int prog_nerrors(const Program *p)
{
    return p->nerrs;
}

const ParseError *prog_error(const Program *p, int i)
{
    return (i >= 0 && i < p->nerrs) ? &p->errs[i] : NULL;
}

/* Unfinished rather than wrong: there is something missing at the end (an incomplete error
 * or a trailing continuation) and nothing else is wrong. */
int prog_incomplete(const Program *p)
{
    for (int i = 0; i < p->nerrs; i++)
        if (!p->errs[i].incomplete) return 0;
    return p->nerrs > 0 || p->continued;
}

const char *prog_file(const Program *p)
{
    return p->file;
}

Lexer *prog_lexer(const Program *p)
{
    return p->lx;
}

Arena *prog_arena(const Program *p)
{
    return p->arena;
}

const char *prog_source(const Program *p)
{
    return p->src;
}
