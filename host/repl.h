/*
** repl: the interactive loop.  Reads lines with GNU readline at the prompt "PS <cwd>> ",
** asks for more with ">> " while the parser says the input is unfinished (prog_incomplete:
** unclosed brace, paren, string or here-string, trailing '|' or operator, backtick
** continuation), keeps each complete input as one history entry, and hands it to the
** caller's runner.  Ctrl+D at the prompt ends the loop; Ctrl+D at ">> " drops the unfinished
** input (its parse errors are shown) and returns to the prompt.  Ctrl+C while editing
** discards the input (multi-line too) and shows a fresh prompt; the host's SIGINT handler
** stops a running command itself (interp_request_stop), and the loop then goes on with a new
** prompt on a fresh line.  Completion and history files belong here when they come.
*/
#ifndef PSM_HOST_REPL_H
#define PSM_HOST_REPL_H

#include <signal.h>
#include <stdio.h>

#include "parser/parser.h"

/* Runs one complete, error-free input; returns its status (ignored by the loop for now). */
typedef int (*ReplRunFn)(Program *p, void *ctx);

typedef struct ReplConfig {
    ReplRunFn run;  /* called for each input that parses */
    void *ctx;      /* passed to run */
    FILE *script;   /* NULL: readline.  Otherwise the test mode (psmini --test-repl): lines
                       come from this stream, and each prompt and line is echoed to stdout
                       as a terminal would show them; at the end the history is listed as
                       "history N: <entry>" lines. */
    volatile sig_atomic_t *interrupted; /* set by the host's SIGINT handler (or NULL); the
                                           loop clears it when it has acted on it */
    struct Interp *const *runspace; /* the host's runspace slot (NULL until the first input
                                       runs): its jobs are polled before each prompt */
} ReplConfig;

/* Run the loop until end of input.  Returns the exit status (0).  Parse errors of each
 * input go to stderr as ParserError records. */
int repl_run(const ReplConfig *cfg);

/* Write the parse errors of p to stderr as ParserError records: the first error only, as
 * pwsh does, or all of them (all = 1, for --dump-ast).  Colour and wrapping at the window
 * width only when stderr is a terminal.  stdout is flushed first. */
void repl_print_errors(const Program *p, int all);

/* The primary prompt for the current location: "PS /home/me> ", "PS Env:\> " on a provider
 * drive ("PS> " when the current directory is unknown).  cfg may be NULL.  Caller frees. */
char *repl_prompt(const ReplConfig *cfg);

#endif
