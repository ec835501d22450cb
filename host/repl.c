/*
** repl: the interactive loop (see repl.h).  The input so far is kept in one buffer, each line
** ending in '\n'; after every line the whole buffer is parsed again, which is cheap at
** interactive sizes and lets the parser alone decide whether the input is finished.
*/
#include "host/repl.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <unistd.h>

#include <readline/history.h>
#include <readline/readline.h>

#include "cmdlets/jobcmds.h"
#include "jobs/jobrun.h"
#include "runtime/error.h"
#include "runtime/mem.h"
#include "runtime/runloc.h"
#include "runtime/strbuf.h"

#define CONT_PROMPT ">> "

char *repl_prompt(const ReplConfig *cfg)
{
    /* The REPL's runspace owns the process, so the working directory follows its location
     * (runtime/runloc.h); thread runspaces never chdir.  On a provider drive the location is
     * the drive ("PS Env:\> ") while the process stays in the last file-system directory. */
    Interp *rs = cfg && cfg->runspace ? *cfg->runspace : NULL;
    char *cwd = rs && runloc_drive(rs) ? runloc_display(rs) : getcwd(NULL, 0);
    StrBuf sb = {0};
    if (cwd)
        sb_printf(&sb, "PS %s> ", cwd);
    else
        sb_puts(&sb, "PS> ");
    free(cwd);
    return sb_take(&sb);
}

/* Columns of the terminal on stderr, 0 when unknown (then messages are not wrapped). */
static int term_width(void)
{
    struct winsize ws;
    if (ioctl(STDERR_FILENO, TIOCGWINSZ, &ws) == 0)
        return ws.ws_col;
    return 0;
}

void repl_print_errors(const Program *p, int all)
{
    int tty = isatty(STDERR_FILENO);
    int n = all ? prog_nerrors(p) : prog_nerrors(p) > 0;
    StrBuf sb = {0};
    for (int i = 0; i < n; i++) {
        const ParseError *e = prog_error(p, i);
        ErrorSite site = {p, e->span.start, e->span.end};
        ErrorView v = {"ParserError", e->msg, &site, tty, tty ? term_width() : 0};
        error_format_view(&sb, &v);
    }
    fflush(stdout); /* keep the order of prompts and errors when both go to one file */
    fwrite(sb_str(&sb), 1, sb.len, stderr);
    fflush(stderr);
    sb_free(&sb);
}

/*
** Ctrl+C while readline waits.  readline catches SIGINT itself (it echoes "^C", restores the
** terminal and passes the signal on to the host's handler, which sets cfg->interrupted), then
** calls this hook: the line so far is dropped and a fresh primary prompt is drawn on the next
** line, as bash does; the loop then forgets any unfinished multi-line input.  readline's hook
** takes no argument, so the loop that is reading is a file static (readline's state is
** process-wide anyway).
*/
typedef struct ReplSignals {
    const ReplConfig *cfg; /* the loop reading now, or NULL */
    int discarded;         /* Ctrl+C dropped the input while reading this line */
} ReplSignals;

static ReplSignals rsig;

static int on_signal_event(void)
{
    const ReplConfig *cfg = rsig.cfg;
    if (!cfg || !cfg->interrupted || !*cfg->interrupted) return 0; /* SIGWINCH, SIGCHLD ... */
    *cfg->interrupted = 0;
    rsig.discarded = 1;
    rl_crlf();
    rl_replace_line("", 0);
    char *prompt = repl_prompt(cfg);
    rl_set_prompt(prompt);
    free(prompt);
    rl_on_new_line();
    rl_redisplay();
    return 0;
}

/* One line without its newline (caller frees), or NULL at end of input. */
static char *read_line(const ReplConfig *cfg, const char *prompt)
{
    if (!cfg->script)
        return readline(prompt);
    char *line = NULL;
    size_t cap = 0;
    fputs(prompt, stdout);
    ssize_t n;
    while ((n = getline(&line, &cap, cfg->script)) < 0 && errno == EINTR && !feof(cfg->script))
        clearerr(cfg->script); /* a SIGINT, not the end of the input */
    if (n < 0) {
        free(line);
        return NULL;
    }
    if (n > 0 && line[n - 1] == '\n')
        line[--n] = '\0';
    printf("%s\n", line);
    return line;
}

static int is_blank(const StrBuf *sb)
{
    for (size_t i = 0; i < sb->len; i++)
        if (!strchr(" \t\r\n\v\f", sb->buf[i]))
            return 0;
    return 1;
}

/* Unfinished input: the parser's only complaints are that the text ended too soon (an
 * unclosed brace, string, here-string, a trailing operator or pipe), or the last line ends in
 * a backtick line continuation. */
static int unfinished(const Program *p)
{
    return prog_incomplete(p);
}

/* One history entry per complete input (multi-line inputs keep their newlines). */
static void remember(const StrBuf *input)
{
    char *text = xstrndup(input->buf, input->len - 1);
    add_history(text);
    free(text);
}

/* A Ctrl+C while the input ran stopped it silently (as pwsh does); the terminal echoed "^C",
 * so the next prompt starts on a fresh line. */
static void after_run(const ReplConfig *cfg)
{
    if (!cfg->interrupted || !*cfg->interrupted) return;
    *cfg->interrupted = 0;
    fflush(stdout);
    if (!cfg->script) {
        putchar('\n');
        fflush(stdout);
    }
}

/*
** Parse the input so far.  Unless it is unfinished and more lines can come, record it in
** the history, report its parse errors or run it, and clear it.  Returns 1 when the loop
** should ask for another line with the continuation prompt.
*/
static int submit(const ReplConfig *cfg, StrBuf *input, int at_eof)
{
    if (is_blank(input)) {
        sb_clear(input);
        return 0;
    }
    /* Parse without the last newline: a backtick ending the last line is then a line
     * continuation at the end of the text, which the parser reports as incomplete. */
    Program *p = parse_program(input->buf, input->len - 1, NULL);
    int more = !at_eof && unfinished(p);
    if (!more) {
        remember(input);
        if (prog_nerrors(p) > 0)
            repl_print_errors(p, 0);
        else
            cfg->run(p, cfg->ctx);
        after_run(cfg);
        sb_clear(input);
    }
    prog_unref(p);
    return more;
}

/* Test mode: the history as "history N: entry" lines. */
static void list_history(void)
{
    HIST_ENTRY **h = history_list();
    for (int i = 0; h && h[i]; i++)
        printf("history %d: %s\n", i + 1, h[i]->line);
}

int repl_run(const ReplConfig *cfg)
{
    StrBuf input = {0};
    int more = 0;
    using_history();
    rl_catch_signals = 1; /* readline's default, which on_signal_event relies on */
    rl_signal_event_hook = on_signal_event;
    rsig.cfg = cfg;
    for (;;) {
        /* collect the runspace's job output while the shell waits */
        JobTable *jobs = cfg->runspace && *cfg->runspace ? jobcmds_jobs(*cfg->runspace) : NULL;
        if (jobs) jobrun_poll(jobs, 0);
        char *prompt = more ? xstrdup(CONT_PROMPT) : repl_prompt(cfg);
        if (cfg->interrupted) *cfg->interrupted = 0; /* pressed between inputs: nothing to do */
        rsig.discarded = 0;
        char *line = read_line(cfg, prompt);
        free(prompt);
        if (rsig.discarded) {
            sb_clear(&input);
            more = 0;
        }
        if (!line) {
            putchar('\n'); /* Ctrl+D: leave the terminal on a fresh line */
            if (!more)
                break;
            more = submit(cfg, &input, 1);
            continue;
        }
        sb_puts(&input, line);
        sb_putc(&input, '\n');
        free(line);
        more = submit(cfg, &input, 0);
    }
    rsig.cfg = NULL;
    rl_signal_event_hook = NULL;
    if (cfg->script)
        list_history();
    fflush(stdout);
    clear_history();
    sb_free(&input);
    return 0;
}
