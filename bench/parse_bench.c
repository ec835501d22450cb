/*
** parse_bench: times parse_program on one file and reports throughput and peak memory.
**   parse_bench FILE [RUNS]      (RUNS defaults to 5; the best run counts)
** Each run parses the whole file into a fresh Program and frees it.  Prints one line:
**   parse FILE: N bytes, best T ms of R runs, X MB/s, E errors, arena A bytes,
**   peak RSS P KB (Q KB before parsing), ratio Z x source (parsing alone W x)
** MB/s uses 10^6 bytes.  Peak RSS is getrusage(RUSAGE_SELF).ru_maxrss and so includes the
** file buffer read here; the ratio is peak RSS divided by the source size, and "parsing
** alone" counts only the growth of the peak during the runs.  Exit status 1
** if the file cannot be read or has parse errors (the first is printed on stderr).
*/
#include <stdio.h>
#include <stdlib.h>
#include <sys/resource.h>
#include <time.h>

#include "parser/parser.h"
#include "runtime/arena.h"
#include "runtime/mem.h"

/* Whole file into a malloc'd buffer; NULL if it cannot be read. */
static char *read_file(const char *path, size_t *len)
{
    FILE *f = fopen(path, "rb");
    if (!f) return NULL;
    size_t cap = 1 << 20, n = 0, got;
    char *buf = xmalloc(cap);
    while ((got = fread(buf + n, 1, cap - n, f)) > 0) {
        n += got;
        if (n == cap) buf = xrealloc(buf, cap *= 2);
    }
    int bad = ferror(f);
    fclose(f);
    if (bad) {
        free(buf);
        return NULL;
    }
    *len = n;
    return buf;
}

static double now_sec(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

static long peak_rss_kb(void)
{
    struct rusage ru;
    getrusage(RUSAGE_SELF, &ru);
    return ru.ru_maxrss; /* kilobytes on Linux */
}

/* Kilobytes of memory per byte of source. */
static double ratio(long kb, size_t len)
{
    return len ? (double)kb * 1024.0 / (double)len : 0.0;
}

/* Print the first parse error of p on stderr. */
static void report_error(const char *path, const Program *p)
{
    const ParseError *e = prog_error(p, 0);
    fprintf(stderr, "%s:%u:%u: %s: %s (%d errors)\n", path, e->span.line, e->span.col, e->id,
            e->msg, prog_nerrors(p));
}

int main(int argc, char **argv)
{
    if (argc < 2) {
        fprintf(stderr, "usage: parse_bench FILE [RUNS]\n");
        return 2;
    }
    int runs = argc > 2 ? atoi(argv[2]) : 5;
    if (runs < 1) runs = 1;
    size_t len = 0;
    char *src = read_file(argv[1], &len);
    if (!src) {
        perror(argv[1]);
        return 1;
    }
    long rss_before = peak_rss_kb();
    double best = 1e30;
    int nerr = 0;
    size_t arena = 0;
    for (int i = 0; i < runs; i++) {
        double t0 = now_sec();
        Program *p = parse_program(src, len, argv[1]);
        double t = now_sec() - t0;
        if (t < best) best = t;
        nerr = prog_nerrors(p);
        arena = arena_bytes(prog_arena(p));
        if (nerr) report_error(argv[1], p);
        prog_unref(p);
    }
    long rss = peak_rss_kb();
    printf("parse %s: %zu bytes, best %.1f ms of %d runs, %.1f MB/s, %d errors, arena %zu bytes, "
           "peak RSS %ld KB (%ld KB before parsing), ratio %.2f x source (parsing alone %.2f x)\n",
           argv[1], len, best * 1e3, runs, (double)len / 1e6 / best, nerr, arena, rss, rss_before,
           ratio(rss, len), ratio(rss - rss_before, len));
    free(src);
    return nerr ? 1 : 0;
}
