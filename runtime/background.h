/*
** background: the PowerShell 7 background operator, `pipeline &` (AST_BACKGROUND).  The text
** of the pipeline has its references to the caller's existing variables rewritten to
** ${using:name}; then Start-Job runs it (through the command table, as any command call) in
** the caller's current directory and the job object is written to the output.
*/
#ifndef PSM_RUNTIME_BACKGROUND_H
#define PSM_RUNTIME_BACKGROUND_H

#include <stddef.h>

#include "runtime/eval.h"

/* The text of background node bg with every variable reference that exists in the caller
 * (except $PID, $true ... see jobs.md 1.6) rewritten to ${using:name}: a new string (free it),
 * its length in *len. */
char *background_rewrite(Interp *I, const Node *bg, size_t *len);

/* Evaluate AST_BACKGROUND node bg: start the job and emit it to out. */
Status background_run(Interp *I, Node *bg, Pipe *out);

#endif
