/*
** scriptblock: the ScriptBlock value, { ... } at run time.  It keeps the Program that owns its
** AST alive (prog_ref) and remembers the node to run and its source text (what "$sb" and
** .ToString() print: the text between the braces).
*/
#ifndef PSM_RUNTIME_SCRIPTBLOCK_H
#define PSM_RUNTIME_SCRIPTBLOCK_H

#include "parser/parser.h"
#include "runtime/value.h"

extern const ObjClass cls_scriptblock;

/* A new ScriptBlock on node n of p (takes its own reference to p); text/len is copied (the
 * body text without the braces; NULL for none).  Never fails. */
Value scriptblock_new(Program *p, Node *n, const char *text, size_t len);
Program *scriptblock_program(Value sb); /* borrowed */
Node *scriptblock_node(Value sb);       /* borrowed, lives as long as the program */
const char *scriptblock_text(Value sb); /* borrowed, "" when none */
/* A copy of sb bound to captured variables (GetNewClosure): vars is a hashtable of name ->
 * value, referenced.  Invoking it defines them in its new scope first. */
Value scriptblock_with_closure(Value sb, Value vars);
Value scriptblock_closure(Value sb); /* borrowed; $null when none */

#endif
