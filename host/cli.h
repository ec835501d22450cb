/*
** cli: the psmini command line, parsed the way pwsh's CommandLineParameterParser does it.
** Parameter names are case-insensitive, start with '-', '--' or '/', and may be shortened to
** any prefix at least as long as pwsh's shortest accepted one (-nop, -noni, -c, -f, -comm).
** The first word that is not a parameter is the script file; everything after the file is
** the script's arguments, and everything after -Command is the command text.  Parsing never
** prints or exits: problems come back as CLI_ERROR with pwsh's message.
*/
#ifndef PSM_HOST_CLI_H
#define PSM_HOST_CLI_H

#define PSMINI_VERSION "0.1.0"
#define CLI_EXIT_BAD_PARAMETER 64 /* pwsh's ExitCodeBadCommandLineParameter */

typedef enum CliMode {
    CLI_REPL,    /* no script: interactive loop (stdin is a terminal) */
    CLI_STDIN,   /* script text from stdin: -Command -, -File -, or no terminal and no script */
    CLI_FILE,    /* [-File] path [args...] */
    CLI_COMMAND, /* -Command text... */
    CLI_VERSION, /* -Version */
    CLI_HELP,    /* -Help, -h, -? */
    CLI_ERROR,   /* bad command line: print error (stderr), maybe usage (stdout), exit 64 */
} CliMode;

typedef struct CliOptions {
    CliMode mode;
    int no_profile, no_logo, non_interactive; /* accepted; no profiles or banner exist yet */
    int dump_ast;          /* --dump-ast: print the parse tree instead of running */
    int test_repl;         /* --test-repl: the interactive loop on stdin without readline,
                              echoing prompts and lines (for tests, see host/repl.h) */
    char *file;            /* CLI_FILE: the script's full path (owned) */
    char *command;         /* CLI_COMMAND: the arguments after -Command joined by spaces (owned) */
    char **args;           /* CLI_FILE: the script's arguments (borrowed from argv) */
    int nargs;
    char *error;           /* CLI_ERROR: the message (owned) */
    int error_usage;       /* CLI_ERROR: also print the short usage text */
} CliOptions;

/* Parse argv[1..argc).  stdin_tty says whether stdin is a terminal (-Command - needs a
 * redirected stdin; no script and no terminal means CLI_STDIN).  Cannot fail: errors are
 * CLI_ERROR.  Release with cli_free. */
void cli_parse(CliOptions *o, int argc, char **argv, int stdin_tty);
void cli_free(CliOptions *o);

/* Usage text (ends with a newline).  extended: the -Help text with a line per parameter. */
const char *cli_usage(int extended);

/* Full path of a file name the way .NET's Path.GetFullPath makes it: relative to the
 * current directory, with "." and ".." segments and repeated slashes removed (symlinks are
 * kept).  Caller frees. */
char *cli_full_path(const char *path);

#endif
