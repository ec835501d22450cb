/*
** mem: the one allocation path.  xmalloc/xrealloc/xstrdup never return NULL: running out
** of memory aborts (only mem.c calls abort()).  So callers never check.  Also the one
** case-insensitive ASCII compare used everywhere (PowerShell names are case-insensitive).
*/
#ifndef PSM_RUNTIME_MEM_H
#define PSM_RUNTIME_MEM_H

#include <stddef.h>

void *xmalloc(size_t n);             /* never NULL */
void *xcalloc(size_t n, size_t size); /* zeroed; never NULL */
void *xrealloc(void *p, size_t n);   /* never NULL (n == 0 gives a 1-byte block) */
char *xstrdup(const char *s);        /* caller frees */
char *xstrndup(const char *s, size_t n);

/* Grow a (ptr, len, cap) array so that one more element fits. */
#define GROW_CAPACITY(cap) ((cap) < 8 ? 8 : (cap) * 2)
#define ARRAY_PUSH(ptr, len, cap, val)                                                             \
    do {                                                                                           \
        if ((len) >= (cap)) {                                                                      \
            (cap) = GROW_CAPACITY(cap);                                                            \
            (ptr) = xrealloc((ptr), sizeof(*(ptr)) * (size_t)(cap));                               \
        }                                                                                          \
        (ptr)[(len)++] = (val);                                                                    \
    } while (0)

/* ASCII case-insensitive compares (Unicode case folding is the runtime's job). */
int str_icmp(const char *a, const char *b);
int str_nicmp(const char *a, const char *b, size_t n);
/* Compare a (ptr,len) slice with a NUL-terminated string, ignoring ASCII case: 1 if equal. */
int str_ieq_slice(const char *s, size_t len, const char *lit);

#endif
