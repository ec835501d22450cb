/*
** arena: bump allocation for things that die together (tokens, AST nodes, parse errors),
** like dash's stackmark.  Blocks are never freed one by one; arena_free releases all.
*/
#ifndef PSM_RUNTIME_ARENA_H
#define PSM_RUNTIME_ARENA_H

#include <stddef.h>

typedef struct Arena Arena;

Arena *arena_new(void);                                  /* never NULL */
void arena_free(Arena *a);                               /* frees every block; NULL is fine */
void *arena_alloc(Arena *a, size_t n);                   /* zeroed, 16-byte aligned, never NULL */
char *arena_strndup(Arena *a, const char *s, size_t n);  /* NUL-terminated copy */
size_t arena_bytes(const Arena *a);                      /* bytes handed out, for benchmarks */

#endif
