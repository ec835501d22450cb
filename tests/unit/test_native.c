/*
** test_native: cmdpath resolution and the native-command layer: argument passing, stdin
** lines, byte pipes, streaming output, large data without deadlock, exit codes and signals,
** stderr, errors, working directory, environment, cancellation, fds and zombies.
** 2026-11-24, engine issue "Native commands".
*/
#include "runtime/native.h"
#include "runtime/cmdpath.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <pthread.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include "runtime/mem.h"
#include "runtime/strbuf.h"
#include "tests/unit/check.h"

static CmdPath *paths;
static NativeCtx *ctx;
static char tmpdir[] = "/tmp/psm-native-XXXXXX";

/* ---- helpers ---------------------------------------------------------------------------- */

typedef struct Got {
    StrBuf out;       /* stdout lines, each + "\n" */
    StrBuf err;       /* stderr lines as "stage:line\n" */
    long nlines;      /* stdout lines seen */
    size_t nbytes;    /* stdout bytes seen (without line ends) */
    int count_only;   /* do not store stdout */
    NativeRun *run;   /* for kill_after */
    int kill_after;   /* native_kill after this many stdout lines (0: never) */
    int unterminated; /* lines handed over without their NUL */
} Got;

static void on_out(void *ud, int stage, const char *line, size_t len)
{
    Got *g = ud;
    (void)stage;
    g->unterminated += line[len] != '\0';
    g->nlines++;
    g->nbytes += len;
    if (!g->count_only) {
        sb_append(&g->out, line, len);
        sb_putc(&g->out, '\n');
    }
    if (g->kill_after && g->nlines == g->kill_after) native_kill(g->run, SIGKILL);
}

static void on_err(void *ud, int stage, const char *line, size_t len)
{
    Got *g = ud;
    sb_printf(&g->err, "%d:%.*s\n", stage, (int)len, line);
}

static void got_free(Got *g)
{
    sb_free(&g->out);
    sb_free(&g->err);
}

/* Resolved path of a program on $PATH (caller frees). */
static char *which(const char *name)
{
    char *p = NULL;
    CHECK(cmdpath_resolve(paths, name, NULL, getenv("PATH"), &p) == CMDPATH_FOUND);
    return p ? p : xstrdup("/nonexistent");
}

/* A spec with one stage per argv (each NULL-terminated; argv[0] is looked up on PATH).  Stage
** stderr is captured as lines.  Paths are leaked into *keep for freeing by spec_free. */
typedef struct Pipe {
    NativeSpec spec;
    NativeStage st[4];
    char *path[4];
} Pipe;

static void pipe_init(Pipe *p, Got *g, int n, char **argvs[])
{
    memset(p, 0, sizeof *p);
    for (int i = 0; i < n; i++) {
        p->path[i] = which(argvs[i][0]);
        p->st[i] = (NativeStage){p->path[i], argvs[i], NULL, NATIVE_OUT_LINES, -1};
    }
    p->spec = (NativeSpec){.stages = p->st,
                           .nstages = n,
                           .in = NATIVE_IN_NULL,
                           .in_fd = -1,
                           .out = NATIVE_OUT_LINES,
                           .out_fd = -1,
                           .pgrp = NATIVE_PG_SHELL,
                           .on_out = on_out,
                           .on_err = on_err,
                           .ud = g};
}

static void pipe_free(Pipe *p)
{
    for (int i = 0; i < 4; i++)
        free(p->path[i]);
}

/* Start, feed input lines (NULL-terminated list, or NULL), wait; returns the status. */
static int run_pipe(Pipe *p, const char **input)
{
    NativeError err;
    if (input) p->spec.in = NATIVE_IN_LINES;
    NativeRun *r = native_start(ctx, &p->spec, &err);
    CHECK(r != NULL);
    if (!r) {
        fprintf(stderr, "start failed: %s\n", err.msg);
        native_error_clear(&err);
        return -1;
    }
    ((Got *)p->spec.ud)->run = r;
    for (; input && *input; input++)
        CHECK(native_feed(r, *input, strlen(*input)) == NATIVE_OK);
    int status = -2;
    native_wait(r, &status);
    native_free(r);
    CHECK(((Got *)p->spec.ud)->unterminated == 0);
    return status;
}

/* Run one command; returns its status, output in g. */
static int run1(Got *g, char **argv, const char **input)
{
    Pipe p;
    char **argvs[] = {argv};
    pipe_init(&p, g, 1, argvs);
    int st = run_pipe(&p, input);
    pipe_free(&p);
    return st;
}

static int count_fds(void)
{
    int n = 0;
    DIR *d = opendir("/proc/self/fd");
    for (struct dirent *e; d && (e = readdir(d));)
        n += e->d_name[0] != '.';
    if (d) closedir(d);
    return n;
}

static char *tmp_file(const char *name, const char *content, mode_t mode)
{
    StrBuf sb;
    sb_init(&sb);
    sb_printf(&sb, "%s/%s", tmpdir, name);
    int fd = open(sb_str(&sb), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, mode);
    CHECK(fd >= 0);
    CHECK(write(fd, content, strlen(content)) == (ssize_t)strlen(content));
    close(fd);
    chmod(sb_str(&sb), mode);
    return sb_take(&sb);
}

/* ---- cmdpath ---------------------------------------------------------------------------- */

static void test_cmdpath(void)
{
    char *p = NULL;
    char *tool = tmp_file("tool", "#!/bin/sh\necho tool\n", 0755);
    char *data = tmp_file("data", "x\n", 0644);
    StrBuf sb;
    sb_init(&sb);
    sb_printf(&sb, "%s/sub", tmpdir);
    mkdir(sb_str(&sb), 0755);

    CHECK(cmdpath_resolve(paths, "sh", NULL, getenv("PATH"), &p) == CMDPATH_FOUND);
    CHECK(p && p[0] == '/' && strcmp(p + strlen(p) - 3, "/sh") == 0);
    free(p);
    CHECK(cmdpath_resolve(paths, "no-such-cmd-psm", NULL, "/usr/bin:/bin", &p) ==
          CMDPATH_NOT_FOUND);
    CHECK(p == NULL);
    CHECK(cmdpath_resolve(paths, "", NULL, "/usr/bin", &p) == CMDPATH_NOT_FOUND);

    /* Paths are taken against the given location, not the process cwd, and normalized. */
    CHECK(cmdpath_resolve(paths, "./tool", tmpdir, "", &p) == CMDPATH_FOUND);
    CHECK_STR(p, tool);
    free(p);
    CHECK(cmdpath_resolve(paths, "sub/.././/tool", tmpdir, "", &p) == CMDPATH_FOUND);
    CHECK_STR(p, tool);
    free(p);
    CHECK(cmdpath_resolve(paths, tool, "/", "", &p) == CMDPATH_FOUND);
    CHECK_STR(p, tool);
    free(p);
    CHECK(cmdpath_resolve(paths, "./data", tmpdir, "", &p) == CMDPATH_NOT_EXECUTABLE);
    CHECK_STR(p, data);
    free(p);
    CHECK(cmdpath_resolve(paths, "./nope", tmpdir, "", &p) == CMDPATH_NOT_FOUND);
    CHECK(cmdpath_resolve(paths, "./sub", tmpdir, "", &p) == CMDPATH_NOT_FOUND);

    /* PATH search: executable regular files only; empty entries are not the cwd. */
    CHECK(cmdpath_resolve(paths, "data", tmpdir, tmpdir, &p) == CMDPATH_NOT_FOUND);
    CHECK(cmdpath_resolve(paths, "sub", tmpdir, tmpdir, &p) == CMDPATH_NOT_FOUND);
    CHECK(cmdpath_resolve(paths, "tool", tmpdir, ":/usr/bin:", &p) == CMDPATH_NOT_FOUND);
    CHECK(cmdpath_resolve(paths, "tool", tmpdir, ".", &p) == CMDPATH_FOUND);
    CHECK_STR(p, tool);
    free(p);

    /* The cache follows PATH changes and notices deleted files. */
    char *tool2 = tmp_file("sub/tool", "#!/bin/sh\n", 0755);
    sb_clear(&sb);
    sb_printf(&sb, "%s:%s/sub", tmpdir, tmpdir);
    CHECK(cmdpath_resolve(paths, "tool", NULL, sb_str(&sb), &p) == CMDPATH_FOUND);
    CHECK_STR(p, tool);
    free(p);
    CHECK(cmdpath_resolve(paths, "tool", NULL, sb_str(&sb) + strlen(tmpdir) + 1, &p) ==
          CMDPATH_FOUND);
    CHECK_STR(p, tool2);
    free(p);
    CHECK(cmdpath_resolve(paths, "tool", NULL, sb_str(&sb), &p) == CMDPATH_FOUND);
    CHECK_STR(p, tool);
    free(p);
    unlink(tool);
    CHECK(cmdpath_resolve(paths, "tool", NULL, sb_str(&sb), &p) == CMDPATH_FOUND);
    CHECK_STR(p, tool2);
    free(p);
    unlink(tool2);
    CHECK(cmdpath_resolve(paths, "tool", NULL, sb_str(&sb), &p) == CMDPATH_NOT_FOUND);

    char *env[] = {"A=1", "PATH=/x:/y", "PATHX=2", NULL};
    CHECK_STR(cmdpath_env_get(env, "PATH"), "/x:/y");
    CHECK(cmdpath_env_get(env, "PAT") == NULL);
    CHECK(cmdpath_env_get(NULL, "PATH") == NULL);
    unlink(data);
    sb_clear(&sb);
    sb_printf(&sb, "%s/sub", tmpdir);
    rmdir(sb_str(&sb));
    sb_free(&sb);
    free(tool);
    free(tool2);
    free(data);
}

/* ---- arguments, lines, pipes ------------------------------------------------------------ */

static void test_args(void)
{
    Got g = {0};
    char *a1[] = {"printf", "%s\\n", "a b", "", "c\"d", "it's", "$x", "*", " ", NULL};
    CHECK(run1(&g, a1, NULL) == 0);
    CHECK_STR(sb_str(&g.out), "a b\n\nc\"d\nit's\n$x\n*\n \n");
    got_free(&g);

    /* argv[0] and empty arguments reach the program as separate elements. */
    Got h = {0};
    char *a2[] = {"sh", "-c", "printf '%s|' \"$0\" \"$#\" \"$1\" \"$2\"", "zero", "", "two", NULL};
    CHECK(run1(&h, a2, NULL) == 0);
    CHECK_STR(sb_str(&h.out), "zero|2||two|\n");
    got_free(&h);
}

static void test_lines(void)
{
    Got g = {0};
    const char *in[] = {"one", "", "two words", NULL};
    char *cat[] = {"cat", NULL};
    CHECK(run1(&g, cat, in) == 0);
    CHECK_STR(sb_str(&g.out), "one\n\ntwo words\n");
    got_free(&g);

    /* "\r\n" ends a line; a lone "\r" does not; a last line without "\n" counts. */
    Got h = {0};
    char *crlf[] = {"printf", "a\\r\\nb\\rc\\n\\nlast", NULL};
    CHECK(run1(&h, crlf, NULL) == 0);
    CHECK_STR(sb_str(&h.out), "a\nb\rc\n\nlast\n");
    CHECK(h.nlines == 4);
    got_free(&h);

    Got e = {0};
    char *none[] = {"true", NULL};
    CHECK(run1(&e, none, NULL) == 0);
    CHECK(e.nlines == 0);
    got_free(&e);

    /* Sorting needs all input: stdin is closed at native_wait. */
    Got s = {0};
    const char *in2[] = {"pear", "apple", "fig", NULL};
    char *sort[] = {"sort", NULL};
    CHECK(run1(&s, sort, in2) == 0);
    CHECK_STR(sb_str(&s.out), "apple\nfig\npear\n");
    got_free(&s);
}

static void test_byte_pipes(void)
{
    Got g = {0};
    Pipe p;
    char *a[] = {"printf", "a\\nb", NULL}, *b[] = {"tr", "a-z", "A-Z", NULL};
    char **argvs[] = {a, b};
    pipe_init(&p, &g, 2, argvs);
    CHECK(run_pipe(&p, NULL) == 0);
    CHECK_STR(sb_str(&g.out), "A\nB\n");
    pipe_free(&p);
    got_free(&g);

    /* Bytes pass undecoded between native stages (0xff and NUL intact). */
    Got h = {0};
    char *c[] = {"printf", "\\377\\000x", NULL}, *d[] = {"od", "-An", "-tx1", NULL};
    char **argv2[] = {c, d};
    pipe_init(&p, &h, 2, argv2);
    CHECK(run_pipe(&p, NULL) == 0);
    CHECK_STR(sb_str(&h.out), " ff 00 78\n");
    pipe_free(&p);
    got_free(&h);

    /* Fed lines through three stages. */
    Got k = {0};
    char *e[] = {"cat", NULL}, *f[] = {"tr", "a-z", "A-Z", NULL}, *s[] = {"sort", "-r", NULL};
    char **argv3[] = {e, f, s};
    const char *in[] = {"b", "c", "a", NULL};
    pipe_init(&p, &k, 3, argv3);
    CHECK(run_pipe(&p, in) == 0);
    CHECK_STR(sb_str(&k.out), "C\nB\nA\n");
    pipe_free(&p);
    got_free(&k);
}

/* 10 MB through cat (fed and read at once: both pipes fill) and through a native pipe. */
static void test_large(void)
{
    char line[100];
    memset(line, 'x', sizeof line);
    Got g = {0};
    g.count_only = 1;
    Pipe p;
    char *cat[] = {"cat", NULL};
    char **argvs[] = {cat};
    pipe_init(&p, &g, 1, argvs);
    p.spec.in = NATIVE_IN_LINES;
    NativeError err;
    NativeRun *r = native_start(ctx, &p.spec, &err);
    CHECK(r != NULL);
    int ok = 1;
    for (int i = 0; r && i < 100000; i++)
        ok &= native_feed(r, line, sizeof line) == NATIVE_OK;
    CHECK(ok);
    int st = -1;
    CHECK(r && native_wait(r, &st) == NATIVE_OK);
    CHECK(st == 0);
    CHECK(g.nlines == 100000);
    CHECK(g.nbytes == 100000 * sizeof line);
    native_free(r);
    pipe_free(&p);

    Got h = {0};
    char *a[] = {"head", "-c", "10000000", "/dev/zero", NULL}, *b[] = {"wc", "-c", NULL};
    char **argv2[] = {a, b};
    pipe_init(&p, &h, 2, argv2);
    CHECK(run_pipe(&p, NULL) == 0);
    CHECK_STR(sb_str(&h.out), "10000000\n");
    pipe_free(&p);
    got_free(&h);
}

/* Output arrives while the program still runs: "first" is read before "go" is fed. */
static void test_streaming(void)
{
    Got g = {0};
    Pipe p;
    char *a[] = {"sh", "-c", "echo first; read x; echo \"second $x\"", NULL};
    char **argvs[] = {a};
    pipe_init(&p, &g, 1, argvs);
    p.spec.in = NATIVE_IN_LINES;
    NativeError err;
    NativeRun *r = native_start(ctx, &p.spec, &err);
    for (int i = 0; r && i < 20 && g.nlines == 0; i++)
        native_poll(r, 5000); /* each round ends on an event: the line, normally */
    CHECK_STR(sb_str(&g.out), "first\n");
    CHECK(r && native_feed(r, "go", 2) == NATIVE_OK);
    int st = -1;
    CHECK(r && native_wait(r, &st) == NATIVE_OK && st == 0);
    CHECK_STR(sb_str(&g.out), "first\nsecond go\n");
    native_poll(r, -1); /* over: returns at once */
    native_free(r);
    pipe_free(&p);
    got_free(&g);
}

/* ---- status, stderr, errors ------------------------------------------------------------- */

static int status_of(const char *script)
{
    Got g = {0};
    char *argv[] = {"sh", "-c", (char *)script, NULL};
    int st = run1(&g, argv, NULL);
    got_free(&g);
    return st;
}

static void test_status(void)
{
    CHECK(status_of("exit 0") == 0);
    CHECK(status_of("exit 3") == 3);
    CHECK(status_of("exit 255") == 255);
    CHECK(status_of("kill -TERM $$") == 128 + SIGTERM);
    CHECK(status_of("kill -KILL $$") == 128 + SIGKILL);

    /* The pipeline's status is the last stage's; each stage keeps its own. */
    Got g = {0};
    Pipe p;
    char *a[] = {"false", NULL}, *b[] = {"true", NULL};
    char **argvs[] = {a, b};
    pipe_init(&p, &g, 2, argvs);
    NativeError err;
    NativeRun *r = native_start(ctx, &p.spec, &err);
    int st = -1;
    CHECK(r && native_wait(r, &st) == NATIVE_OK);
    CHECK(st == 0);
    CHECK(r && native_stage_status(r, 0) == 1 && native_stage_status(r, 1) == 0);
    CHECK(r && native_stage_status(r, 2) == -1);
    native_free(r);
    pipe_free(&p);
    got_free(&g);
}

static void test_stderr(void)
{
    Got g = {0};
    char *a[] = {"sh", "-c", "echo out; echo err >&2; echo out2", NULL};
    CHECK(run1(&g, a, NULL) == 0);
    CHECK_STR(sb_str(&g.out), "out\nout2\n");
    CHECK_STR(sb_str(&g.err), "0:err\n");
    got_free(&g);

    /* Per-stage stderr: captured for stage 1, discarded for stage 0. */
    Got h = {0};
    Pipe p;
    char *b[] = {"sh", "-c", "echo lost >&2; echo x", NULL};
    char *c[] = {"sh", "-c", "cat; echo e1 >&2; printf 'no-newline' >&2", NULL};
    char **argvs[] = {b, c};
    pipe_init(&p, &h, 2, argvs);
    p.st[0].err = NATIVE_OUT_NULL;
    CHECK(run_pipe(&p, NULL) == 0);
    CHECK_STR(sb_str(&h.out), "x\n");
    CHECK_STR(sb_str(&h.err), "1:e1\n1:no-newline\n");
    pipe_free(&p);
    got_free(&h);
}

static void check_start_error(const char *path, const char *name, NativeCode code, const char *msg)
{
    char *argv[] = {(char *)name, NULL};
    NativeStage st = {path, argv, NULL, NATIVE_OUT_INHERIT, -1};
    NativeSpec spec = {.stages = &st,
                       .nstages = 1,
                       .cwd = tmpdir,
                       .in = NATIVE_IN_NULL,
                       .in_fd = -1,
                       .out = NATIVE_OUT_NULL,
                       .out_fd = -1,
                       .pgrp = NATIVE_PG_SHELL};
    NativeError err;
    CHECK(native_start(ctx, &spec, &err) == NULL);
    CHECK(err.code == code);
    CHECK_STR(err.msg, msg);
    native_error_clear(&err);
    CHECK(err.msg == NULL && err.code == NATIVE_OK);
}

static void test_errors(void)
{
    char *m = native_msg_not_found("nope");
    CHECK_STR(m, "The term 'nope' is not recognized as a name of a cmdlet, function, script "
                 "file, or executable program.\nCheck the spelling of the name, or if a path was "
                 "included, verify that the path is correct and try again.");
    check_start_error("/nonexistent/nope", "nope", NATIVE_ENOTFOUND, m);
    free(m);

    StrBuf want;
    sb_init(&want);
    char *data = tmp_file("data.txt", "hello\n", 0644);
    sb_printf(&want,
              "Program 'data.txt' failed to run: An error occurred trying to start process '%s' "
              "with working directory '%s'. Permission denied",
              data, tmpdir);
    check_start_error(data, "data.txt", NATIVE_ESPAWN, sb_str(&want));
    char *junk = tmp_file("junk",
                          "\x7f"
                          "garbage\n",
                          0755);
    sb_clear(&want);
    sb_printf(&want,
              "Program 'junk' failed to run: An error occurred trying to start process '%s' "
              "with working directory '%s'. Exec format error",
              junk, tmpdir);
    check_start_error(junk, "junk", NATIVE_ESPAWN, sb_str(&want));

    /* A later stage fails: the earlier ones are killed and reaped, nothing leaks. */
    char *sleep = which("sleep");
    char *a[] = {"sleep", "10", NULL}, *b[] = {"nope", NULL};
    NativeStage st[2] = {{sleep, a, NULL, NATIVE_OUT_INHERIT, -1},
                         {"/nonexistent/nope", b, NULL, NATIVE_OUT_INHERIT, -1}};
    NativeSpec spec = {.stages = st,
                       .nstages = 2,
                       .in = NATIVE_IN_NULL,
                       .in_fd = -1,
                       .out = NATIVE_OUT_NULL,
                       .out_fd = -1,
                       .pgrp = NATIVE_PG_NEW};
    NativeError err;
    CHECK(native_start(ctx, &spec, &err) == NULL);
    CHECK(err.code == NATIVE_ENOTFOUND && err.stage == 1);
    native_error_clear(&err);

    /* A missing working directory is a start failure, not "not found". */
    spec.stages = st;
    spec.nstages = 1;
    spec.cwd = "/nonexistent-dir";
    CHECK(native_start(ctx, &spec, &err) == NULL);
    CHECK(err.code == NATIVE_ESPAWN && err.errnum == ENOENT);
    native_error_clear(&err);
    unlink(data);
    unlink(junk);
    free(data);
    free(junk);
    free(sleep);
    sb_free(&want);
}

/* ---- environment of the child ----------------------------------------------------------- */

static void test_cwd_env(void)
{
    char real[PATH_MAX];
    CHECK(realpath(tmpdir, real) != NULL);
    Got g = {0};
    Pipe p;
    char *a[] = {"pwd", NULL};
    char **argvs[] = {a};
    pipe_init(&p, &g, 1, argvs);
    p.spec.cwd = tmpdir;
    CHECK(run_pipe(&p, NULL) == 0);
    StrBuf want;
    sb_init(&want);
    sb_printf(&want, "%s\n", real);
    CHECK_STR(sb_str(&g.out), sb_str(&want));
    pipe_free(&p);
    got_free(&g);
    sb_free(&want);

    /* The environment is exactly the one given. */
    Got h = {0};
    char *env[] = {"FOO=bar baz", "EMPTY=", NULL};
    char *b[] = {"env", NULL};
    char **argv2[] = {b};
    pipe_init(&p, &h, 1, argv2);
    p.spec.envp = env;
    CHECK(run_pipe(&p, NULL) == 0);
    CHECK_STR(sb_str(&h.out), "FOO=bar baz\nEMPTY=\n");
    pipe_free(&p);
    got_free(&h);
}

/* The child holds only 0, 1, 2 (plus the directory ls opens to list them). */
static void test_child_fds(void)
{
    Got g = {0};
    char *a[] = {"ls", "/proc/self/fd", NULL};
    const char *in[] = {NULL};
    CHECK(run1(&g, a, in) == 0);
    CHECK_STR(sb_str(&g.out), "0\n1\n2\n3\n");
    got_free(&g);
}

/* Caller fds and the inherited terminal: stdout to a file, and fd 1 passed through. */
static void test_fd_modes(void)
{
    char *path = tmp_file("out.txt", "", 0644);
    int fd = open(path, O_WRONLY | O_TRUNC | O_CLOEXEC);
    Got g = {0};
    Pipe p;
    char *a[] = {"printf", "to-file", NULL};
    char **argvs[] = {a};
    pipe_init(&p, &g, 1, argvs);
    p.spec.out = NATIVE_OUT_FD;
    p.spec.out_fd = fd;
    CHECK(run_pipe(&p, NULL) == 0);
    close(fd);

    /* NATIVE_OUT_INHERIT: the child writes straight to our fd 1 (pointed at the file). */
    fflush(stdout);
    int saved = dup(1);
    fd = open(path, O_WRONLY | O_APPEND | O_CLOEXEC);
    dup2(fd, 1);
    close(fd);
    char *b[] = {"echo", " inherited", NULL};
    char **argv2[] = {b};
    pipe_free(&p);
    pipe_init(&p, &g, 1, argv2);
    p.spec.out = NATIVE_OUT_INHERIT;
    CHECK(run_pipe(&p, NULL) == 0);
    dup2(saved, 1);
    close(saved);
    pipe_free(&p);

    char buf[64] = {0};
    fd = open(path, O_RDONLY | O_CLOEXEC);
    CHECK(read(fd, buf, sizeof buf - 1) == 18);
    close(fd);
    CHECK_STR(buf, "to-file inherited\n");
    CHECK(g.nlines == 0);
    unlink(path);
    free(path);
    got_free(&g);
}

/* Children get an empty signal mask and default dispositions, whatever the shell has. */
static void test_child_signals(void)
{
    struct sigaction ign = {0}, old_int;
    ign.sa_handler = SIG_IGN;
    sigaction(SIGINT, &ign, &old_int);
    sigset_t term, old_mask;
    sigemptyset(&term);
    sigaddset(&term, SIGTERM);
    pthread_sigmask(SIG_BLOCK, &term, &old_mask);
    CHECK(status_of("kill -INT $$; exit 7") == 128 + SIGINT);
    CHECK(status_of("kill -TERM $$; exit 7") == 128 + SIGTERM);

    /* With an empty reset set the ignored SIGINT is inherited (nohup-style hosts). */
    sigset_t none;
    sigemptyset(&none);
    native_ctx_set_sigdefault(ctx, &none);
    CHECK(status_of("kill -INT $$; exit 7") == 7);
    NativeCtx *fresh = native_ctx_new(); /* restore the default set */
    native_ctx_free(ctx);
    ctx = fresh;
    pthread_sigmask(SIG_SETMASK, &old_mask, NULL);
    sigaction(SIGINT, &old_int, NULL);
}

/* NATIVE_PG_SHELL keeps the shell's group; NATIVE_PG_NEW gives the pipeline its own. */
static void test_pgrp(void)
{
    char *a[] = {"cut", "-d", " ", "-f", "5", "/proc/self/stat", NULL};
    Got g = {0};
    CHECK(run1(&g, a, NULL) == 0);
    StrBuf want;
    sb_init(&want);
    sb_printf(&want, "%d\n", (int)getpgrp());
    CHECK_STR(sb_str(&g.out), sb_str(&want));
    got_free(&g);

    Got h = {0};
    Pipe p;
    char *b[] = {"sleep", "0", NULL};
    char *c[] = {"cut", "-d", " ", "-f", "5", "/proc/self/stat", NULL};
    char **argvs[] = {b, c};
    pipe_init(&p, &h, 2, argvs);
    p.spec.pgrp = NATIVE_PG_NEW;
    NativeError err;
    NativeRun *r = native_start(ctx, &p.spec, &err);
    int st = -1;
    CHECK(r && native_wait(r, &st) == NATIVE_OK && st == 0);
    sb_clear(&want);
    sb_printf(&want, "%d\n", r ? native_pgid(r) : -1);
    CHECK_STR(sb_str(&h.out), sb_str(&want));
    CHECK(r && native_pgid(r) != getpgrp());
    native_free(r);
    pipe_free(&p);
    got_free(&h);
    sb_free(&want);
}

/* ---- stopping --------------------------------------------------------------------------- */

static void *cancel_thread(void *arg)
{
    native_cancel(arg, SIGTERM);
    return NULL;
}

static void test_cancel(void)
{
    /* Stop-Job style: another thread cancels; the run's own thread kills its group. */
    Got g = {0};
    Pipe p;
    char *a[] = {"sleep", "10", NULL}, *b[] = {"cat", NULL};
    char **argvs[] = {a, b};
    pipe_init(&p, &g, 2, argvs);
    p.spec.pgrp = NATIVE_PG_NEW;
    NativeError err;
    NativeRun *r = native_start(ctx, &p.spec, &err);
    CHECK(r != NULL);
    CHECK(r && native_pgid(r) > 0 && getpgid(native_pgid(r)) == native_pgid(r));
    pthread_t t;
    pthread_create(&t, NULL, cancel_thread, ctx);
    int st = -1;
    CHECK(r && native_wait(r, &st) == NATIVE_ECANCELED);
    CHECK(st == 128 + SIGTERM);
    CHECK(r && native_stage_status(r, 0) == 128 + SIGTERM);
    pthread_join(t, NULL);
    native_free(r);
    pipe_free(&p);

    /* A run started after the cancel is not affected. */
    CHECK(status_of("exit 4") == 4);

    /* From a callback: stop after 5 lines of an endless producer. */
    Got h = {0};
    h.count_only = 1;
    h.kill_after = 5;
    char *c[] = {"yes", NULL};
    char **argv2[] = {c};
    pipe_init(&p, &h, 1, argv2);
    p.spec.pgrp = NATIVE_PG_NEW;
    r = native_start(ctx, &p.spec, &err);
    h.run = r;
    CHECK(r && native_wait(r, &st) == NATIVE_ECANCELED);
    CHECK(st == 128 + SIGKILL);
    CHECK(h.nlines == 5);
    native_free(r);
    pipe_free(&p);

    /* Freeing a run that was never waited for kills and reaps it. */
    char *d[] = {"sleep", "10", NULL};
    char **argv3[] = {d};
    pipe_init(&p, &h, 1, argv3);
    p.spec.out = NATIVE_OUT_NULL;
    native_free(native_start(ctx, &p.spec, &err));
    pipe_free(&p);
    got_free(&g);
    got_free(&h);
}

/* The program stops reading: feeding reports NATIVE_EPIPE and SIGPIPE does not kill us
** (SIGPIPE is at its default here). */
static void test_epipe(void)
{
    CHECK(signal(SIGPIPE, SIG_DFL) != SIG_ERR);
    Got g = {0};
    Pipe p;
    char *a[] = {"head", "-n", "1", NULL};
    char **argvs[] = {a};
    pipe_init(&p, &g, 1, argvs);
    p.spec.in = NATIVE_IN_LINES;
    NativeError err;
    NativeRun *r = native_start(ctx, &p.spec, &err);
    NativeCode rc = NATIVE_OK;
    char line[1000];
    memset(line, 'y', sizeof line);
    for (int i = 0; r && i < 100000 && rc == NATIVE_OK; i++)
        rc = native_feed(r, line, sizeof line);
    CHECK(rc == NATIVE_EPIPE);
    CHECK(r && native_feed(r, "z", 1) == NATIVE_EPIPE);
    int st = -1;
    CHECK(r && native_wait(r, &st) == NATIVE_OK);
    CHECK(st == 0);
    CHECK(g.nlines == 1 && g.nbytes == sizeof line);
    native_free(r);
    pipe_free(&p);
    got_free(&g);
}

/* Two runspaces (contexts) on two threads at once. */
static void *thread_run(void *arg)
{
    NativeCtx *c = native_ctx_new();
    char *path = arg;
    char *argv[] = {"sort", NULL};
    Got g = {0};
    NativeStage st = {path, argv, NULL, NATIVE_OUT_INHERIT, -1};
    NativeSpec spec = {.stages = &st,
                       .nstages = 1,
                       .in = NATIVE_IN_LINES,
                       .in_fd = -1,
                       .out = NATIVE_OUT_LINES,
                       .out_fd = -1,
                       .pgrp = NATIVE_PG_SHELL,
                       .on_out = on_out,
                       .ud = &g};
    NativeError err;
    NativeRun *r = native_start(c, &spec, &err);
    char line[16];
    for (int i = 2000; r && i > 0; i--) {
        snprintf(line, sizeof line, "%05d", i);
        native_feed(r, line, strlen(line));
    }
    int status = -1;
    if (r) native_wait(r, &status);
    native_free(r);
    native_ctx_free(c);
    int ok = status == 0 && g.nlines == 2000 && strncmp(g.out.buf, "00001\n00002\n", 12) == 0;
    got_free(&g);
    return ok ? arg : NULL;
}

static void test_threads(void)
{
    char *sort = which("sort");
    pthread_t t1, t2;
    void *r1 = NULL, *r2 = NULL;
    pthread_create(&t1, NULL, thread_run, sort);
    pthread_create(&t2, NULL, thread_run, sort);
    pthread_join(t1, &r1);
    pthread_join(t2, &r2);
    CHECK(r1 == sort && r2 == sort);
    free(sort);
}

/* Many short runs: every child reaped, no fd left behind. */
static void test_many(void)
{
    char *path = which("true");
    char *argv[] = {"true", NULL};
    NativeStage st = {path, argv, NULL, NATIVE_OUT_INHERIT, -1};
    NativeSpec spec = {.stages = &st,
                       .nstages = 1,
                       .in = NATIVE_IN_NULL,
                       .in_fd = -1,
                       .out = NATIVE_OUT_INHERIT,
                       .out_fd = -1,
                       .pgrp = NATIVE_PG_SHELL};
    int ok = 1;
    for (int i = 0; i < 200; i++) {
        NativeError err;
        NativeRun *r = native_start(ctx, &spec, &err);
        int status = -1;
        ok &= r && native_wait(r, &status) == NATIVE_OK && status == 0;
        native_free(r);
    }
    CHECK(ok);
    free(path);
}

int main(void)
{
    /* Fds inherited from whoever started us must not show up in the children's listing. */
    for (int fd = 3; fd < 256; fd++)
        fcntl(fd, F_SETFD, FD_CLOEXEC);
    CHECK(mkdtemp(tmpdir) != NULL);
    int fds0 = count_fds();
    paths = cmdpath_new();
    ctx = native_ctx_new();
    test_cmdpath();
    test_args();
    test_lines();
    test_byte_pipes();
    test_large();
    test_streaming();
    test_status();
    test_stderr();
    test_errors();
    test_cwd_env();
    test_child_fds();
    test_fd_modes();
    test_child_signals();
    test_pgrp();
    test_cancel();
    test_epipe();
    test_threads();
    test_many();
    native_ctx_free(ctx);
    cmdpath_free(paths);
    CHECK(count_fds() == fds0);                               /* no fd leaked */
    CHECK(waitpid(-1, NULL, WNOHANG) < 0 && errno == ECHILD); /* no child left, not even a zombie */
    rmdir(tmpdir);
    return check_done();
}
