/*
** main: psmini's entry point.  Parses the command line (host/cli.h), then runs one mode: a
** script file, -Command text, a script read from stdin, the interactive loop (host/repl.h),
** or a one-shot action (-Version, -Help, --dump-ast, a command-line error).  A script that
** does not parse is never run: its first error goes to stderr and the exit status is 1.
** This is the only file that calls exit().
*/
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cmdlets/registry.h"
#include "host/cli.h"
#include "host/repl.h"
#include "host/server.h"
#include "cmdlets/session.h"
#include "runtime/datefmt.h"
#include "jobs/jobrun.h"
#include "parser/parser.h"
#include "runtime/interp.h"
#include "runtime/mem.h"
#include "runtime/strbuf.h"


/*
** The one runspace of this process, made on first use (so -Version and --dump-ast never
** build one) and shared by every interactive input, so variables and functions persist.
*/
typedef struct Host {
    CliOptions o;    /* the parsed command line */
    Interp *interp;  /* NULL until the first program runs */
} Host;

/*
** Ctrl+C.  The SIGINT handler asks the foreground runspace to stop (interp_request_stop is
** async-signal-safe) and raises sigint_seen for the interactive loop (a Ctrl+C at the prompt
** discards the line).  A handler reaches nothing but globals, so these two are the only ones;
** they belong to the process, not to a runspace.  Native programs in the foreground get the
** terminal's SIGINT themselves (same process group); background jobs never see it (process
** jobs run in their own group, thread jobs in their own runspace).
*/
static Interp *volatile fg_interp;
static volatile sig_atomic_t sigint_seen;

static void on_sigint(int sig)
{
    (void)sig;
    sigint_seen = 1;
    Interp *I = fg_interp;
    if (I) interp_request_stop(I);
}

/* No SA_RESTART: a blocking read or wait returns EINTR and looks at the request. */
static void catch_sigint(void)
{
    struct sigaction sa;
    memset(&sa, 0, sizeof sa);
    sa.sa_handler = on_sigint;
    sigemptyset(&sa.sa_mask);
    sigaction(SIGINT, &sa, NULL);
}

static Interp *host_interp(Host *h, int interactive)
{
    if (!h->interp) {
        h->interp = interp_new();
        cmdlets_open_all(h->interp);
        interp_set_error_style(h->interp, interactive, isatty(STDERR_FILENO));
        fg_interp = h->interp;
    }
    return h->interp;
}

typedef int (*ModeFn)(Host *h);

/* Run a program that parsed without errors; returns the process exit status. */
static int host_run_program(Program *p, Host *h)
{
    Interp *I = host_interp(h, h->o.mode == CLI_REPL);
    return interp_run(I, p, h->o.args, h->o.nargs);
}

/* --dump-ast: the tree on stdout (exit 0), or every parse error on stderr (exit 1). */
static int dump_program(Program *p)
{
    if (prog_nerrors(p) > 0) {
        repl_print_errors(p, 1);
        return 1;
    }
    StrBuf sb = {0};
    ast_dump(p, prog_root(p), &sb);
    if (sb.len > 0 && sb.buf[sb.len - 1] != '\n')
        sb_putc(&sb, '\n');
    fwrite(sb_str(&sb), 1, sb.len, stdout);
    sb_free(&sb);
    return 0;
}

/* Parse, then dump, report errors, or run.  file is the path shown in messages (or NULL). */
static int run_source(const char *src, size_t len, const char *file, Host *h)
{
    /* A UTF-8 byte order mark is not part of the script (pwsh skips it too). */
    if (len >= 3 && memcmp(src, "\xef\xbb\xbf", 3) == 0) {
        src += 3;
        len -= 3;
    }
    Program *p = parse_program(src, len, file);
    int rc;
    if (h->o.dump_ast)
        rc = dump_program(p);
    else if (prog_nerrors(p) > 0) {
        repl_print_errors(p, 0);
        rc = 1;
    } else
        rc = host_run_program(p, h);
    prog_unref(p);
    return rc;
}

/* The whole of a stream, as a NUL-terminated buffer (caller frees); NULL on a read error. */
static char *slurp(FILE *f, size_t *len)
{
    StrBuf sb = {0};
    char chunk[8192];
    size_t n;
    while ((n = fread(chunk, 1, sizeof chunk, f)) > 0)
        sb_append(&sb, chunk, n);
    if (ferror(f)) {
        sb_free(&sb);
        return NULL;
    }
    *len = sb.len;
    return sb_take(&sb);
}

static int run_file(Host *h)
{
    const CliOptions *o = &h->o;
    FILE *f = fopen(o->file, "rb");
    size_t len = 0;
    char *src = f ? slurp(f, &len) : NULL;
    if (f)
        fclose(f);
    if (!src) {
        fprintf(stderr, "Unable to read from file '%s'.\n", o->file);
        return 1;
    }
    int rc = run_source(src, len, o->file, h);
    free(src);
    return rc;
}

static int run_command(Host *h)
{
    return run_source(h->o.command, strlen(h->o.command), NULL, h);
}

/* No terminal (or -Command -): stdin holds the whole script, parsed and run as one. */
static int run_stdin(Host *h)
{
    size_t len = 0;
    char *src = slurp(stdin, &len);
    if (!src) {
        fprintf(stderr, "Unable to read from standard input.\n");
        return 1;
    }
    int rc = run_source(src, len, NULL, h);
    free(src);
    return rc;
}

/* Local time as DateTime ticks, for the history's start and end times. */
static int64_t host_now(void)
{
    DtParts now;
    dt_now(&now, 0);
    return dt_to_ticks(&now);
}

/* Each complete interactive input: run it, then record it in the history. */
static int run_input(Program *p, void *ctx)
{
    Host *h = ctx;
    if (h->o.dump_ast)
        return dump_program(p);
    int64_t start = host_now();
    interp_clear_stop(host_interp(h, 1)); /* a Ctrl+C at the prompt stopped nothing */
    int rc = host_run_program(p, h);
    session_history_add(h->interp, prog_source(p), start, host_now()); /* Get-History */
    return rc;
}

static int run_repl(Host *h)
{
    const CliOptions *o = &h->o;
    ReplConfig cfg = {run_input, h, o->test_repl ? stdin : NULL, &sigint_seen, &h->interp};
    return repl_run(&cfg);
}

static int show_version(Host *h)
{
    (void)h;
    printf("psmini %s\n", PSMINI_VERSION);
    return 0;
}

/* pwsh writes a blank line, the help text, and a blank line. */
static int show_help(Host *h)
{
    (void)h;
    printf("\n%s\n", cli_usage(1));
    return 0;
}

/* pwsh: the message on stderr, then (for most errors) the short usage on stdout. */
static int show_error(Host *h)
{
    const CliOptions *o = &h->o;
    fprintf(stderr, "%s\n", o->error);
    fflush(stderr);
    if (o->error_usage)
        printf("\n%s\n", cli_usage(0));
    return CLI_EXIT_BAD_PARAMETER;
}

static const ModeFn modes[] = {
    [CLI_REPL] = run_repl,       [CLI_STDIN] = run_stdin,       [CLI_FILE] = run_file,
    [CLI_COMMAND] = run_command, [CLI_VERSION] = show_version, [CLI_HELP] = show_help,
    [CLI_ERROR] = show_error,
};

int main(int argc, char **argv)
{
    /* A job process (Start-Job's child: psmini --job-server) speaks the wire protocol. */
    if (server_wanted(argc, argv))
        exit(server_main(argc, argv));
    /* Job pipes and native pipes report EPIPE as an error instead of killing the shell. */
    signal(SIGPIPE, SIG_IGN);
    catch_sigint();
    Host h = {.interp = NULL};
    cli_parse(&h.o, argc, argv, isatty(STDIN_FILENO));
    if (h.o.test_repl && (h.o.mode == CLI_STDIN || h.o.mode == CLI_REPL))
        h.o.mode = CLI_REPL;
    int rc = modes[h.o.mode](&h);
    sigset_t block;
    sigemptyset(&block);
    sigaddset(&block, SIGINT);
    sigprocmask(SIG_BLOCK, &block, NULL); /* the runspace is going away */
    fg_interp = NULL;
    interp_free(h.interp);
    jobrun_shutdown(); /* running jobs die with the shell: their process groups are killed */
    cli_free(&h.o);
    fflush(stdout);
    exit(rc);
}
