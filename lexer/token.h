/*
** token: the token kinds, operators and keywords of the PowerShell subset, as X-macros so
** that enums and their parallel name tables are generated from one list (jq opcode_list.h).
** A Token is a slice of the source [start, end) plus a kind; it never owns text.
*/
#ifndef PSM_LEXER_TOKEN_H
#define PSM_LEXER_TOKEN_H

#include <stdint.h>

/* Source position: byte offsets [start, end) and the 1-based line/column (in characters,
 * counted in UTF-8 code points) of start.  Computed on demand by lex_span(). */
typedef struct SrcSpan {
    uint32_t start, end;
    uint32_t line, col;
} SrcSpan;

/* X(kind, printable name) */
#define TOKEN_KINDS(X)                                                                             \
    X(TOK_EOF, "end of input")                                                                     \
    X(TOK_ERROR, "error")          /* lexical error: Token.err_id / err_msg say which */           \
    X(TOK_NEWLINE, "newline")                                                                      \
    X(TOK_SEMI, ";")                                                                               \
    X(TOK_VARIABLE, "variable")    /* $x ${x} $scope:x $_ $$ $? $^ */                              \
    X(TOK_SPLAT, "splat")          /* @x @using:x (command mode only) */                           \
    X(TOK_NUMBER, "number")        /* Token.num holds the value */                                 \
    X(TOK_STRING, "string")        /* '...' verbatim */                                            \
    X(TOK_XSTRING, "expandable string") /* "..." */                                                \
    X(TOK_HSTRING, "here-string")  /* @' ... '@ verbatim */                                        \
    X(TOK_XHSTRING, "expandable here-string") /* @" ... "@ */                                      \
    X(TOK_GENERIC, "bare word")    /* command mode word; TF_EXPANDABLE if it holds $ " ' ` */      \
    X(TOK_IDENT, "identifier")     /* expression mode word: member name, keyword, attribute */    \
    X(TOK_PARAM, "parameter")      /* -Name or -Name: (TF_COLON) */                                \
    X(TOK_LABEL, "label")          /* :name at statement start (command mode) */                   \
    X(TOK_DASHDASH, "--")          /* end of parameters (command mode) */                          \
    X(TOK_VERBATIM, "--%")         /* stop-parsing: token spans the rest of the line */            \
    X(TOK_OP, "operator")          /* Token.op says which (see OPERATORS) */                       \
    X(TOK_REDIR, "redirection")    /* Token.redir says which */                                    \
    X(TOK_LPAREN, "(")                                                                             \
    X(TOK_RPAREN, ")")                                                                             \
    X(TOK_LBRACE, "{")                                                                             \
    X(TOK_RBRACE, "}")                                                                             \
    X(TOK_LBRACKET, "[")                                                                           \
    X(TOK_RBRACKET, "]")                                                                           \
    X(TOK_AT_PAREN, "@(")                                                                          \
    X(TOK_AT_BRACE, "@{")                                                                          \
    X(TOK_DOLLAR_PAREN, "$(")                                                                      \
    X(TOK_COMMA, ",")                                                                              \
    X(TOK_DOT, ".")                /* member access, or dot-source at command start */            \
    X(TOK_DCOLON, "::")                                                                            \
    X(TOK_QDOT, "?.")                                                                              \
    X(TOK_QLBRACKET, "?[")                                                                         \
    X(TOK_QUESTION, "?")           /* ternary */                                                   \
    X(TOK_COLON, ":")              /* ternary */                                                   \
    X(TOK_PIPE, "|")                                                                               \
    X(TOK_AMP, "&")                /* call operator or background */                               \
    X(TOK_ANDAND, "&&")                                                                            \
    X(TOK_OROR, "||")

#define X_ENUM(k, s) k,
typedef enum TokKind { TOKEN_KINDS(X_ENUM) TOK__COUNT } TokKind;

/*
** Operators: X(id, text, binary precedence (0 = not binary), flags).
** Dash operators that have -i/-c variants carry OPF_CASE; the variant is a token flag
** (TF_CASE_SENS / TF_CASE_INS), so -ceq is OP_EQ + TF_CASE_SENS.
** Precedence levels follow language.md section 2.2 (higher binds tighter).
*/
enum { OPF_NONE = 0, OPF_CASE = 1, OPF_UNARY = 2, OPF_ASSIGN = 4, OPF_DASH = 8 };
#define PREC_LOGICAL 1
#define PREC_BITWISE 2
#define PREC_CMP 5
#define PREC_COALESCE 7
#define PREC_ADD 9
#define PREC_MUL 10
#define PREC_FORMAT 12
#define PREC_RANGE 13

#define OPERATORS(X)                                                                               \
    X(OP_ADD, "+", PREC_ADD, OPF_UNARY)                                                            \
    X(OP_SUB, "-", PREC_ADD, OPF_UNARY)                                                            \
    X(OP_MUL, "*", PREC_MUL, OPF_NONE)                                                             \
    X(OP_DIV, "/", PREC_MUL, OPF_NONE)                                                             \
    X(OP_MOD, "%", PREC_MUL, OPF_NONE)                                                             \
    X(OP_RANGE, "..", PREC_RANGE, OPF_NONE)                                                        \
    X(OP_COALESCE, "??", PREC_COALESCE, OPF_NONE)                                                  \
    X(OP_FORMAT, "-f", PREC_FORMAT, OPF_DASH)                                                      \
    X(OP_AND, "-and", PREC_LOGICAL, OPF_DASH)                                                      \
    X(OP_OR, "-or", PREC_LOGICAL, OPF_DASH)                                                        \
    X(OP_XOR, "-xor", PREC_LOGICAL, OPF_DASH)                                                      \
    X(OP_BAND, "-band", PREC_BITWISE, OPF_DASH)                                                    \
    X(OP_BOR, "-bor", PREC_BITWISE, OPF_DASH)                                                      \
    X(OP_BXOR, "-bxor", PREC_BITWISE, OPF_DASH)                                                    \
    X(OP_SHL, "-shl", PREC_CMP, OPF_DASH)                                                          \
    X(OP_SHR, "-shr", PREC_CMP, OPF_DASH)                                                          \
    X(OP_EQ, "-eq", PREC_CMP, OPF_DASH | OPF_CASE)                                                 \
    X(OP_NE, "-ne", PREC_CMP, OPF_DASH | OPF_CASE)                                                 \
    X(OP_GT, "-gt", PREC_CMP, OPF_DASH | OPF_CASE)                                                 \
    X(OP_GE, "-ge", PREC_CMP, OPF_DASH | OPF_CASE)                                                 \
    X(OP_LT, "-lt", PREC_CMP, OPF_DASH | OPF_CASE)                                                 \
    X(OP_LE, "-le", PREC_CMP, OPF_DASH | OPF_CASE)                                                 \
    X(OP_LIKE, "-like", PREC_CMP, OPF_DASH | OPF_CASE)                                             \
    X(OP_NOTLIKE, "-notlike", PREC_CMP, OPF_DASH | OPF_CASE)                                       \
    X(OP_MATCH, "-match", PREC_CMP, OPF_DASH | OPF_CASE)                                           \
    X(OP_NOTMATCH, "-notmatch", PREC_CMP, OPF_DASH | OPF_CASE)                                     \
    X(OP_REPLACE, "-replace", PREC_CMP, OPF_DASH | OPF_CASE)                                       \
    X(OP_CONTAINS, "-contains", PREC_CMP, OPF_DASH | OPF_CASE)                                     \
    X(OP_NOTCONTAINS, "-notcontains", PREC_CMP, OPF_DASH | OPF_CASE)                               \
    X(OP_IN, "-in", PREC_CMP, OPF_DASH | OPF_CASE)                                                 \
    X(OP_NOTIN, "-notin", PREC_CMP, OPF_DASH | OPF_CASE)                                           \
    X(OP_SPLIT, "-split", PREC_CMP, OPF_DASH | OPF_CASE | OPF_UNARY)                               \
    X(OP_JOIN, "-join", PREC_CMP, OPF_DASH | OPF_UNARY)                                            \
    X(OP_IS, "-is", PREC_CMP, OPF_DASH)                                                            \
    X(OP_ISNOT, "-isnot", PREC_CMP, OPF_DASH)                                                      \
    X(OP_AS, "-as", PREC_CMP, OPF_DASH)                                                            \
    X(OP_NOT, "-not", 0, OPF_DASH | OPF_UNARY)                                                     \
    X(OP_BANG, "!", 0, OPF_UNARY)                                                                  \
    X(OP_BNOT, "-bnot", 0, OPF_DASH | OPF_UNARY)                                                   \
    X(OP_INC, "++", 0, OPF_UNARY)                                                                  \
    X(OP_DEC, "--", 0, OPF_UNARY)                                                                  \
    X(OP_ASSIGN, "=", 0, OPF_ASSIGN)                                                               \
    X(OP_ADD_ASSIGN, "+=", 0, OPF_ASSIGN)                                                          \
    X(OP_SUB_ASSIGN, "-=", 0, OPF_ASSIGN)                                                          \
    X(OP_MUL_ASSIGN, "*=", 0, OPF_ASSIGN)                                                          \
    X(OP_DIV_ASSIGN, "/=", 0, OPF_ASSIGN)                                                          \
    X(OP_MOD_ASSIGN, "%=", 0, OPF_ASSIGN)                                                          \
    X(OP_COALESCE_ASSIGN, "?\?=", 0, OPF_ASSIGN) /* "?\?=": -std=c11 has trigraphs */

#define X_OPENUM(id, text, prec, flags) id,
typedef enum OpKind { OPERATORS(X_OPENUM) OP__COUNT } OpKind;

typedef struct OpInfo {
    const char *text;    /* "-eq", "+", ... (the case-neutral spelling) */
    uint8_t prec;        /* binary precedence, 0 if never binary */
    uint8_t flags;       /* OPF_* */
} OpInfo;
extern const OpInfo op_info[OP__COUNT];

/* Keywords, recognised by the parser (not the lexer) at statement start. */
#define KEYWORDS(X)                                                                                \
    X(KW_BEGIN, "begin") X(KW_BREAK, "break") X(KW_CATCH, "catch") X(KW_CLASS, "class")            \
    X(KW_CLEAN, "clean") X(KW_CONTINUE, "continue") X(KW_DATA, "data") X(KW_DEFINE, "define")      \
    X(KW_DO, "do") X(KW_DYNAMICPARAM, "dynamicparam") X(KW_ELSE, "else") X(KW_ELSEIF, "elseif")    \
    X(KW_END, "end") X(KW_ENUM, "enum") X(KW_EXIT, "exit") X(KW_FILTER, "filter")                  \
    X(KW_FINALLY, "finally") X(KW_FOR, "for") X(KW_FOREACH, "foreach") X(KW_FROM, "from")          \
    X(KW_FUNCTION, "function") X(KW_HIDDEN, "hidden") X(KW_IF, "if") X(KW_IN, "in")                \
    X(KW_PARAM, "param") X(KW_PROCESS, "process") X(KW_RETURN, "return") X(KW_STATIC, "static")    \
    X(KW_SWITCH, "switch") X(KW_THROW, "throw") X(KW_TRAP, "trap") X(KW_TRY, "try")                \
    X(KW_UNTIL, "until") X(KW_USING, "using") X(KW_VAR, "var") X(KW_WHILE, "while")

#define X_KWENUM(id, text) id,
typedef enum KwKind { KW_NONE = 0, KW__FIRST = 0, KEYWORDS(X_KWENUM) KW__COUNT } KwKind;
extern const char *const kw_text[KW__COUNT]; /* kw_text[KW_IF] == "if"; [KW_NONE] == NULL */

/* Number literal value, decided by the lexer (language.md 1.5). */
typedef enum NumType {
    NUM_INT32, NUM_INT64, NUM_DOUBLE, NUM_DECIMAL, NUM_INT16, NUM_UINT16,
    NUM_UINT32, NUM_UINT64, NUM_SBYTE, NUM_BYTE, NUM_BIGINT
} NumType;

typedef struct NumLit {
    NumType type;
    union {
        int64_t i;   /* all signed integer types */
        uint64_t u;  /* NUM_UINT32/NUM_UINT64/NUM_UINT16/NUM_BYTE */
        double d;    /* NUM_DOUBLE; also an approximation for NUM_DECIMAL and NUM_BIGINT */
    } v;
    /* NUM_DECIMAL/NUM_BIGINT keep their exact value as text: the runtime parses the token
     * source (digits, '.', exponent and multiplier applied by the runtime's decimal type). */
} NumLit;

/* Redirection: which stream (1..6, 0 = '*'), append, or merge into stream 1 (n>&1). */
typedef struct Redir {
    uint8_t stream;  /* 1..6, or 0 for '*' */
    uint8_t append;  /* '>>' */
    uint8_t merge;   /* 'n>&1' (no target follows) */
} Redir;

/* Token flags */
enum {
    TF_CASE_SENS = 1 << 0,   /* -ceq style operator */
    TF_CASE_INS = 1 << 1,    /* -ieq style operator */
    TF_COLON = 1 << 2,       /* parameter written -Name: */
    TF_EXPANDABLE = 1 << 3,  /* generic token containing $, quotes or backticks: use lex_expand */
    TF_BRACED = 1 << 4,      /* ${name} variable */
    TF_INCOMPLETE = 1 << 5,  /* TOK_ERROR raised because the input ended (needs more lines) */
};

/* 48 bytes: the number and the error never meet, so they share storage (the lexer returns
 * tokens by value and the parser caches them, so the size is paid on every token). */
typedef struct Token {
    TokKind kind;
    uint32_t start, end;     /* byte offsets of the token's text in the source */
    uint16_t flags;          /* TF_* */
    uint16_t op;             /* OpKind for TOK_OP */
    Redir redir;             /* TOK_REDIR */
    uint32_t err_start, err_end; /* TOK_ERROR: the extent pwsh reports, which may be a part of
                                    [start, end) (a bad `u{...} escape inside a string) */
    union {
        NumLit num;          /* TOK_NUMBER */
        struct {
            const char *err_id;  /* TOK_ERROR: FullyQualifiedErrorId, e.g.
                                    "TerminatorExpectedAtEndOfString" */
            const char *err_msg; /* TOK_ERROR: pwsh's message (static text) */
        };
    };
} Token;

extern const char *const tok_name[TOK__COUNT];

#endif
