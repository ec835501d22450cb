/*
** cli: command-line parsing (see cli.h).  One table row per parameter, in pwsh's matching
** order; a row's handler consumes its own values.  Messages are pwsh's, from
** CommandLineParameterParserStrings.
*/
#include "host/cli.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "runtime/mem.h"
#include "runtime/strbuf.h"

/* Parsing state: the options being filled and the position in argv. */
typedef struct CliState {
    CliOptions *o;
    int argc, i;  /* argv[i] is the current word */
    char **argv;
    int stdin_tty;
    int stop;     /* 1: stop parsing (a file, a command or an error took the rest) */
    int help;     /* -Help seen: wins over everything but an error, as in pwsh */
} CliState;

typedef void (*CliHandler)(CliState *s);

typedef struct CliParam {
    const char *name;     /* lower case, without the dash */
    const char *shortest; /* the shortest prefix accepted (pwsh's smallestUnambiguousMatch) */
    CliHandler handler;
} CliParam;

static const char usage_text[] =
    "Usage: psmini [-NoProfile] [-NoLogo] [-NonInteractive] [[-File] <filePath> [args]]\n"
    "              [-Command { - | <string> }] [-Version] [-Help]\n"
    "              [--dump-ast { <filePath> | -Command <string> }]\n"
    "\n"
    "       psmini -h | -Help | -? | /?\n"
    "\n"
    "All parameters are case-insensitive.\n";

static const char extended_text[] =
    "\n"
    "-File | -f <filePath> [args]\n"
    "    Runs the script file with the given arguments.  The first argument that is not a\n"
    "    parameter name is taken as the file, so -File may be left out.  '-File -' reads\n"
    "    the script from standard input.\n"
    "\n"
    "-Command | -c { - | <string> }\n"
    "    Runs the rest of the command line, joined with spaces, as a script.  '-Command -'\n"
    "    reads the script from standard input, which must be redirected.\n"
    "\n"
    "-NoProfile | -nop, -NoLogo | -nol, -NonInteractive | -noni\n"
    "    Accepted for compatibility with pwsh; psmini has no profiles and no banner.\n"
    "\n"
    "-Version | -v\n"
    "    Prints the version (psmini " PSMINI_VERSION ") and exits.\n"
    "\n"
    "-Help | -h | -?\n"
    "    Prints this text.\n"
    "\n"
    "--dump-ast\n"
    "    Parses the script (file or -Command text) and prints its syntax tree, or its\n"
    "    parse errors with exit status 1.\n"
    "\n"
    "Without a script, psmini starts an interactive shell when standard input is a\n"
    "terminal and otherwise runs the script read from standard input.  Parameter names may\n"
    "start with -, -- or / and may be shortened to a unique prefix.\n";

/* Names listed when an unknown -word is part of one (pwsh's "did you mean"). */
static const char *const valid_names[] = {"command", "file", "help", "nologo", "noninteractive",
                                          "noprofile", "version"};

const char *cli_usage(int extended)
{
    static char *both;
    if (!extended)
        return usage_text;
    if (!both) {
        StrBuf sb = {0};
        sb_puts(&sb, usage_text);
        sb_puts(&sb, extended_text);
        both = sb_take(&sb);
    }
    return both;
}

static void set_error(CliState *s, char *msg, int usage)
{
    if (s->o->error)
        free(s->o->error);
    s->o->mode = CLI_ERROR;
    s->o->error = msg;
    s->o->error_usage = usage;
    s->stop = 1;
}

static char *fmt(const char *f, const char *arg)
{
    StrBuf sb = {0};
    sb_printf(&sb, f, arg);
    return sb_take(&sb);
}

char *cli_full_path(const char *path)
{
    StrBuf sb = {0};
    if (path[0] != '/') {
        char *cwd = getcwd(NULL, 0);
        sb_puts(&sb, cwd ? cwd : "");
        free(cwd);
    }
    sb_putc(&sb, '/');
    sb_puts(&sb, path);
    /* Normalise segment by segment into out (always starts with '/'). */
    char *in = sb_take(&sb), *out = xmalloc(strlen(in) + 2);
    size_t n = 0;
    for (char *seg = strtok(in, "/"); seg; seg = strtok(NULL, "/")) {
        if (strcmp(seg, ".") == 0)
            continue;
        if (strcmp(seg, "..") == 0) {
            while (n > 0 && out[--n] != '/')
                ;
            continue;
        }
        out[n++] = '/';
        memcpy(out + n, seg, strlen(seg));
        n += strlen(seg);
    }
    if (n == 0)
        out[n++] = '/';
    out[n] = '\0';
    free(in);
    return out;
}

static int is_regular_file(const char *path)
{
    struct stat st;
    return stat(path, &st) == 0 && S_ISREG(st.st_mode);
}

/* "Invalid argument '-no', did you mean:" with the names containing the word, or NULL. */
static char *did_you_mean(const char *arg)
{
    StrBuf sb = {0};
    const char *word = arg + 1;
    size_t wl = strlen(word);
    for (size_t k = 0; k < sizeof valid_names / sizeof *valid_names; k++) {
        const char *v = valid_names[k];
        for (size_t j = 0; wl && j + wl <= strlen(v); j++) {
            if (str_nicmp(v + j, word, wl) == 0) {
                sb_printf(&sb, "\n  -%s", v);
                break;
            }
        }
    }
    if (sb.len == 0)
        return NULL;
    char *list = sb_take(&sb);
    sb_printf(&sb, "Invalid argument '%s', did you mean:\n%s", arg, list);
    free(list);
    return sb_take(&sb);
}

/* The script file at argv[i]; the rest of argv are its arguments (pwsh's ParseFile). */
static void take_file(CliState *s)
{
    CliOptions *o = s->o;
    if (s->i >= s->argc) {
        set_error(s,
                  xstrdup("The command cannot be run because the File parameter requires a "
                          "file path. Supply a path for the File parameter and then try the "
                          "command again."),
                  1);
        return;
    }
    const char *arg = s->argv[s->i];
    s->stop = 1;
    if (strcmp(arg, "-") == 0) {
        o->mode = CLI_STDIN;
        return;
    }
    char *full = cli_full_path(arg);
    if (!is_regular_file(full)) {
        free(full);
        char *hint = arg[0] == '-' && arg[1] ? did_you_mean(arg) : NULL;
        if (hint)
            set_error(s, hint, 0);
        else
            set_error(s,
                      fmt("The argument '%s' is not recognized as the name of a script file. "
                          "Check the spelling of the name, or if a path was included, verify "
                          "that the path is correct and try again.",
                          arg),
                      1);
        return;
    }
    o->mode = CLI_FILE;
    o->file = full;
    o->args = s->argv + s->i + 1;
    o->nargs = s->argc - s->i - 1;
}

/* -Command: "-" (stdin) or the rest of the words joined by spaces (pwsh's ParseCommand). */
static void opt_command(CliState *s)
{
    CliOptions *o = s->o;
    s->i++;
    s->stop = 1;
    if (s->i >= s->argc) {
        set_error(s,
                  xstrdup("Cannot process the command because of a missing parameter. A "
                          "command must follow -Command."),
                  1);
    } else if (strcmp(s->argv[s->i], "-") == 0) {
        if (s->i + 1 != s->argc)
            set_error(s,
                      xstrdup("'-' was specified with the -Command parameter; no other "
                              "arguments to -Command are permitted."),
                      1);
        else if (s->stdin_tty)
            set_error(s,
                      xstrdup("'-' was specified as the argument to -Command but standard "
                              "input has not been redirected for this process."),
                      1);
        else
            o->mode = CLI_STDIN;
    } else {
        StrBuf sb = {0};
        for (; s->i < s->argc; s->i++)
            sb_printf(&sb, "%s%s", sb.len ? " " : "", s->argv[s->i]);
        o->mode = CLI_COMMAND;
        o->command = sb_take(&sb);
    }
}

static void opt_file(CliState *s)
{
    s->i++;
    take_file(s);
}

static void opt_version(CliState *s)
{
    s->o->mode = CLI_VERSION;
    s->stop = 1; /* pwsh ignores everything after -Version */
}

static void opt_help(CliState *s)
{
    s->help = 1;
}

static void opt_noprofile(CliState *s)
{
    s->o->no_profile = 1;
}

static void opt_nologo(CliState *s)
{
    s->o->no_logo = 1;
}

static void opt_noninteractive(CliState *s)
{
    s->o->non_interactive = 1;
}

static void opt_login(CliState *s)
{
    (void)s; /* -Login: pwsh ignores it here too */
}

static void opt_dump_ast(CliState *s)
{
    s->o->dump_ast = 1;
}

static void opt_test_repl(CliState *s)
{
    s->o->test_repl = 1;
}

/* pwsh's order matters: "-c" is -Command, "-v" -Version, "-no" matches nothing. */
static const CliParam params[] = {
    {"version", "v", opt_version},
    {"help", "h", opt_help},
    {"?", "?", opt_help},
    {"login", "l", opt_login},
    {"noprofile", "nop", opt_noprofile},
    {"nologo", "nol", opt_nologo},
    {"noninteractive", "noni", opt_noninteractive},
    {"command", "c", opt_command},
    {"file", "f", opt_file},
    {"dump-ast", "dump-ast", opt_dump_ast},
    {"test-repl", "test-repl", opt_test_repl},
};

/* The parameter named by key (the word without its '-', '--' or '/'), or NULL. */
static const CliParam *find_param(const char *key)
{
    size_t kl = strlen(key);
    for (size_t k = 0; k < sizeof params / sizeof *params; k++) {
        const CliParam *p = &params[k];
        if (kl >= strlen(p->shortest) && kl <= strlen(p->name) && str_nicmp(p->name, key, kl) == 0)
            return p;
    }
    return NULL;
}

/* The switch name inside a word, or NULL when the word is not a switch (then it is a file). */
static const char *switch_key(const char *w)
{
    if (w[0] != '-' && w[0] != '/')
        return NULL;
    w++;
    return w[0] == '-' ? w + 1 : w;
}

void cli_parse(CliOptions *o, int argc, char **argv, int stdin_tty)
{
    CliState s = {o, argc, 1, argv, stdin_tty, 0, 0};
    memset(o, 0, sizeof(*o));
    o->mode = CLI_REPL;
    for (; s.i < argc && !s.stop; s.i++) {
        const char *key = switch_key(argv[s.i]);
        const CliParam *p = key && *key ? find_param(key) : NULL;
        if (p)
            p->handler(&s);
        else if (argv[s.i][0] != '\0')
            take_file(&s); /* pwsh: the first word not recognised is the file */
    }
    if (s.help && o->mode != CLI_ERROR)
        o->mode = CLI_HELP;
    else if (o->mode == CLI_REPL && !stdin_tty)
        o->mode = CLI_STDIN;
}

void cli_free(CliOptions *o)
{
    free(o->file);
    free(o->command);
    free(o->error);
    memset(o, 0, sizeof(*o));
}
