/*
** ast: the parse tree.  Nodes live in the Program's arena and die with it.  One compact
** node shape (56 bytes) serves every kind; the comment on each kind names the role of each
** field.  Lists are singly linked through `next` (a list's head is a field of its owner).
** `str` is always NUL-terminated (it may also hold NULs; `len` is its length in bytes).
** Source positions are byte offsets; lex_span() turns them into line/column.
*/
#ifndef PSM_PARSER_AST_H
#define PSM_PARSER_AST_H

#include <stdint.h>

#include "lexer/token.h"

/* X(kind, dump name)  -- field roles in the trailing comment */
#define AST_KINDS(X)                                                                               \
    /* ---- structure ---- */                                                                      \
    X(AST_SCRIPTBLOCK, "scriptblock") /* a=PARAMBLOCK|NULL, b=NAMEDBLOCK list; str=body text */   \
    X(AST_NAMEDBLOCK, "block")        /* op=KW_BEGIN/PROCESS/END/CLEAN/DYNAMICPARAM, a=STATEMENTS;  \
                                         NF_UNNAMED when the body had no named blocks (op=KW_END) */ \
    X(AST_PARAMBLOCK, "param")        /* a=PARAMETER list, b=ATTRIBUTE list written before param */ \
    X(AST_PARAMETER, "parameter")     /* str=name, a=ATTRIBUTE/TYPE list, b=default or NULL */      \
    X(AST_ATTRIBUTE, "attribute")     /* str=type name, a=positional args, b=NAMEDARG list */       \
    X(AST_NAMEDARG, "namedarg")       /* str=name, a=value or NULL (bare name means $true) */      \
    X(AST_STATEMENTS, "statements")   /* a=statement list, b=TRAP list */                          \
    /* ---- statements ---- */                                                                     \
    X(AST_PIPELINE, "pipeline")       /* a=element list (COMMAND or CMDEXPR), 2+ elements or    \
                                         one COMMAND; a lone expression is not wrapped */           \
    X(AST_CHAIN, "chain")             /* op=TOK_ANDAND/TOK_OROR, a=left, b=right */                 \
    X(AST_BACKGROUND, "background")   /* a=pipeline or chain to run as a job; str=its text */       \
    X(AST_COMMAND, "command")         /* op=0, TOK_AMP (&) or TOK_DOT (.); a=element list: name   \
                                         first, then arguments, CMDPARAMs, REDIRECTs */             \
    X(AST_CMDEXPR, "cmdexpr")         /* a=expression, b=REDIRECT list (pipeline element) */        \
    X(AST_CMDPARAM, "cmdparam")       /* str=name without '-', a=argument (after -Name:) or NULL; \
                                         NF_COLON when written -Name: */                            \
    X(AST_DASHDASH, "--")             /* end-of-parameters marker among command elements */        \
    X(AST_REDIRECT, "redirect")       /* op=stream (0='*',1..6), NF_APPEND, NF_MERGE (n>&1, no     \
                                         target), a=target */                                       \
    X(AST_ASSIGN, "assign")           /* op=OpKind (OP_ASSIGN, OP_ADD_ASSIGN...), a=lhs, b=rhs     \
                                         statement */                                               \
    X(AST_IF, "if")                   /* a=CLAUSE list (cond, body), b=else body or NULL */         \
    X(AST_CLAUSE, "clause")           /* a=condition/pattern, b=body STATEMENTS */                   \
    X(AST_SWITCH, "switch")           /* str=label, NF_REGEX/NF_WILDCARD/NF_EXACT/NF_CASESENS/     \
                                         NF_FILE, a=subject (pipeline, or path with NF_FILE),      \
                                         b=CLAUSE list, c=default body or NULL */                   \
    X(AST_FOREACH, "foreach")         /* str=label, a=VARIABLE, b=collection, c=body */             \
    X(AST_FOR, "for")                 /* str=label, a=FORHEAD, b=iterator or NULL, c=body */        \
    X(AST_FORHEAD, "forhead")         /* a=init or NULL, b=condition or NULL */                     \
    X(AST_WHILE, "while")             /* str=label, a=condition, c=body */                          \
    X(AST_DOWHILE, "dowhile")         /* str=label, a=condition, c=body */                          \
    X(AST_DOUNTIL, "dountil")         /* str=label, a=condition, c=body */                          \
    X(AST_FUNCTION, "function")       /* str=name (may hold scope: global:f), NF_FILTER,           \
                                         a=SCRIPTBLOCK; parameters written f($a) go to its a */     \
    X(AST_TRAP, "trap")               /* a=TYPE or NULL, b=body STATEMENTS */                       \
    X(AST_TRY, "try")                 /* a=body, b=CATCH list, c=finally body or NULL */            \
    X(AST_CATCH, "catch")             /* a=TYPE list (empty = catch all), b=body */                 \
    X(AST_RETURN, "return")           /* a=pipeline or NULL */                                      \
    X(AST_THROW, "throw")             /* a=pipeline or NULL */                                      \
    X(AST_EXIT, "exit")               /* a=pipeline or NULL */                                      \
    X(AST_BREAK, "break")             /* a=label expression or NULL */                              \
    X(AST_CONTINUE, "continue")       /* a=label expression or NULL */                              \
    X(AST_DATA, "data")               /* str=variable name or NULL, a=supported commands, b=body */ \
    /* ---- expressions ---- */                                                                    \
    X(AST_BINARY, "binary")           /* op=OpKind, NF_CASESENS/NF_CASEINS, a, b */                 \
    X(AST_UNARY, "unary")             /* op=OpKind (prefix: - + ! -not -bnot ++ -- -split -join)  \
                                         a=operand */                                               \
    X(AST_POSTFIX, "postfix")         /* op=OP_INC/OP_DEC, a=operand */                             \
    X(AST_COMMA, "unarycomma")        /* ,x: a=operand */                                           \
    X(AST_CONVERT, "convert")         /* a=TYPE, b=operand  ([int]$x, [ordered]@{}) */              \
    X(AST_TYPE, "type")               /* str=type name as written ("int[]", "System.Collections.  \
                                         Generic.List[string]") */                                  \
    X(AST_NUMBER, "number")           /* num=value, str=source text */                              \
    X(AST_STRING, "string")           /* str=value; NF_BAREWORD (command-mode word), NF_QUOTED     \
                                         ('..' or "..") NF_HERE (here-string) */                    \
    X(AST_EXPANDABLE, "expandable")   /* a=part list: STRING, VARIABLE, SUBEXPR; str=raw text;     \
                                         NF_BAREWORD / NF_HERE as for STRING */                     \
    X(AST_VARIABLE, "var")            /* str=name, a=NULL; NF_SPLAT (@x), NF_BRACED; scope in      \
                                         the SCOPE child: b=STRING with the qualifier or NULL */    \
    X(AST_MEMBER, "member")           /* a=object, b=name (STRING, or any expression),            \
                                         NF_STATIC (::), NF_NULLCOND (?.) */                        \
    X(AST_INVOKE, "invoke")           /* a=object, b=name, c=argument list; NF_STATIC, NF_NULLCOND */ \
    X(AST_INDEX, "index")             /* a=object, b=index expression, NF_NULLCOND (?[) */          \
    X(AST_ARRAY, "array")             /* a=element list (the comma operator) */                     \
    X(AST_ARRAYEXPR, "arrayexpr")     /* @( ): a=STATEMENTS */                                      \
    X(AST_SUBEXPR, "subexpr")         /* $( ): a=STATEMENTS */                                      \
    X(AST_PAREN, "paren")             /* ( ): a=pipeline, chain or assignment */                    \
    X(AST_HASH, "hash")               /* @{ }: a=PAIR list */                                       \
    X(AST_PAIR, "pair")               /* a=key expression, b=value statement */                     \
    X(AST_SBEXPR, "sb")               /* { } literal: a=SCRIPTBLOCK */                              \
    X(AST_TERNARY, "ternary")         /* a=condition, b=if true, c=if false */                      \
    X(AST_ERROR, "error")             /* placeholder where a parse error was reported */

#define X_ASTENUM(k, s) k,
typedef enum NodeKind { AST_KINDS(X_ASTENUM) AST__COUNT } NodeKind;
extern const char *const ast_name[AST__COUNT];

/* Node flags.  Each bit means something only on the kinds named; bits are reused across
 * kinds that never share them, so the flags fit 16 bits and a node stays 56 bytes. */
enum {
    NF_UNNAMED = 1 << 0,   /* NAMEDBLOCK: body without named blocks */
    NF_COLON = 1 << 1,     /* CMDPARAM: -Name: */
    NF_APPEND = 1 << 2,    /* REDIRECT: >> */
    NF_MERGE = 1 << 3,     /* REDIRECT: n>&1 */
    NF_REGEX = 1 << 4,     /* SWITCH flags */
    NF_WILDCARD = 1 << 5,
    NF_EXACT = 1 << 6,
    NF_CASESENS = 1 << 7,  /* SWITCH -casesensitive; BINARY/UNARY -c operator */
    NF_CASEINS = 1 << 8,   /* BINARY/UNARY -i operator */
    NF_FILE = 1 << 9,      /* SWITCH -file */
    NF_FILTER = 1 << 10,   /* FUNCTION: filter */
    NF_BAREWORD = 1 << 11, /* STRING/EXPANDABLE: command-mode word */
    NF_QUOTED = 1 << 12,   /* STRING: written in quotes */
    NF_HERE = 1 << 13,     /* STRING/EXPANDABLE: here-string */
    NF_SPLAT = 1 << 14,    /* VARIABLE: @name */
    NF_BRACED = 1 << 15,   /* VARIABLE: ${name} */
    NF_STATIC = 1 << 0,    /* MEMBER/INVOKE: :: */
    NF_NULLCOND = 1 << 1,  /* MEMBER/INVOKE/INDEX: ?. ?[ */
    NF_ORIGTEXT = 1 << 0,  /* NUMBER in argument mode: keep str (source text) for string use */
};

typedef struct Node Node;
struct Node {
    uint8_t kind;          /* NodeKind */
    uint8_t op;            /* OpKind, TokKind, KwKind or stream number: see the kind */
    uint16_t flags;        /* NF_*, per kind */
    uint32_t start, end;   /* source byte range */
    uint32_t len;          /* bytes in str */
    const char *str;       /* name or literal value (NUL-terminated), or NULL */
    Node *next;            /* next sibling when the node is in a list */
    union {
        struct {
            Node *a, *b, *c; /* children, roles per kind */
        };
        NumLit num;        /* AST_NUMBER */
    };
};

/* Number of nodes in a list starting at head (NULL = 0). */
int ast_count(const Node *head);

#endif
