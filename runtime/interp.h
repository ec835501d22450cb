/*
** interp: the runspace.  Everything the evaluator mutates hangs off an Interp (scopes,
** functions, the command table, $Error, the regex cache, output sinks); there is no global
** mutable state, so several runspaces may live in one process (one per thread).
*/
#ifndef PSM_RUNTIME_INTERP_H
#define PSM_RUNTIME_INTERP_H

#include <stddef.h>

#include "parser/parser.h"
#include "runtime/value.h"

/* Result of every eval_* step (STYLE.md): ST_OK is 0, so `if (st) return st;`.
 * ST_STOP: the pipeline is being stopped (pwsh's PipelineStoppedException): Ctrl+C, Stop-Job,
 * or a Select-Object -First downstream that has what it wants (StopUpstreamCommandsException).
 * It is not an error: try/catch and trap never see it, finally blocks run, nothing is printed. */
typedef enum Status {
    ST_OK = 0,
    ST_THROW,
    ST_BREAK,
    ST_CONTINUE,
    ST_RETURN,
    ST_EXIT,
    ST_STOP
} Status;

typedef struct Interp Interp;

/* One object that reached the end of the top-level pipeline (borrowed). */
typedef void (*OutputFn)(void *ctx, Value v);
/* Text for the host: rendered error records (stream 2) or Write-Host text (stream 6). */
typedef void (*TextFn)(void *ctx, const char *text, size_t len);

Interp *interp_new(void);    /* a runspace with the built-in commands; never NULL */
void interp_free(Interp *I); /* NULL is fine */

/*
** Run a parsed program in the script scope (args become $args).  Output objects go to the
** output sink (default: convert_to_string, one per line on stdout); errors are rendered by
** runtime/error.c to the error sink (default stderr).  Returns the process exit code: the
** value of `exit N` (wrapped to 0..255), 1 after an unhandled script-terminating error, else 0.
** A program with parse errors is not run: its first error is reported and 1 returned.
*/
int interp_run(Interp *I, Program *p, char **args, int nargs);

/* NULL fn restores the default: Out-Default, one Formatter (runtime/format.h) per top-level
 * interp_run, writing to stdout at the screen width. */
void interp_set_output(Interp *I, OutputFn fn, void *ctx);
/* Write out what the default output sink holds back (table rows waiting for their widths),
 * e.g. before a native command writes to the terminal itself. */
void interp_flush_output(Interp *I);
void interp_set_errors(Interp *I, TextFn fn, void *ctx); /* rendered errors */
void interp_set_host(Interp *I, TextFn fn, void *ctx);   /* Write-Host text (with newline) */
/* Where Read-Host reads a line when the runspace has no terminal of its own (a job's): 1 and an
 * owned line without its newline in *line; 0 when no input can be had (the read fails as in
 * pwsh -NonInteractive); -1 when the runspace was stopped meanwhile.  NULL fn: stdin. */
typedef int (*ReadFn)(void *ctx, Interp *I, char **line);
void interp_set_read(Interp *I, ReadFn fn, void *ctx);
/* How errors are rendered: oneline = the interactive "Reason: message" form (default: the
 * block form with the source line); color = VT sequences (when stderr is a terminal). */
void interp_set_error_style(Interp *I, int oneline, int color);

/* The native-command hook: called for a name that is neither a function nor a built-in
 * command.  Returns the definition of a raw command (runtime/command.h: params == NULL) that
 * will run it, or NULL (then "The term 'x' is not recognized ..." is raised). */
struct CmdDef;
typedef const struct CmdDef *(*NativeLookup)(Interp *I, const char *name, size_t len);
void interp_set_native(Interp *I, NativeLookup fn);

/*
** Interrupts.  interp_request_stop asks the runspace to stop what it runs (the host's SIGINT
** handler for the foreground runspace, Stop-Job for a thread job's); it may be called from any
** thread and from a signal handler (an atomic store and a write(2)).  The evaluator checks
** the request at statement boundaries, loop back-edges, function calls and pipeline hand-offs
** and unwinds with ST_STOP; blocking waits poll interp_stop_fd, which is readable while a stop
** is pending.  The outermost interp_run clears a request it was stopped by.
*/
void interp_request_stop(Interp *I);
int interp_stopping(Interp *I); /* 1 while a stop is pending */
void interp_clear_stop(Interp *I);
int interp_stop_fd(Interp *I); /* pollable (POLLIN) while a stop is pending */
/* Sleep ns nanoseconds unless a stop comes first: ST_OK, or ST_STOP at once when asked. */
Status interp_sleep(Interp *I, long long ns);

#endif
