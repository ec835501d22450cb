/*
** token: the parallel name tables for token kinds, operators and keywords, generated from
** the X-macro lists in token.h so that they can never drift out of order.
*/
#include "lexer/token.h"

#include <stddef.h>

#define X_NAME(k, s) s,
const char *const tok_name[TOK__COUNT] = {TOKEN_KINDS(X_NAME)};

#define X_OPINFO(id, text, prec, flags) {text, prec, flags},
const OpInfo op_info[OP__COUNT] = {OPERATORS(X_OPINFO)};

#define X_KWTEXT(id, text) text,
const char *const kw_text[KW__COUNT] = {NULL, KEYWORDS(X_KWTEXT)};
