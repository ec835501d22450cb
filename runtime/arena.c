/*
** arena: a chain of blocks; each allocation bumps a pointer in the newest block.
** Blocks grow geometrically from 64 KB (small scripts stay small) to 2 MB.  The 2 MB blocks
** are mmap'd on a 2 MB boundary with MADV_HUGEPAGE, so a big parse takes one page fault per
** 2 MB instead of one per 4 KB, and, being fresh anonymous memory that is never reused, they
** are already zero: only malloc'd blocks pay for memset.  Requests larger than a quarter
** block get a block of their own.
*/
#include "runtime/arena.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>

#include "runtime/mem.h"

#define ARENA_FIRST (64 * 1024)       /* first block */
#define ARENA_HUGE (2 * 1024 * 1024)  /* largest block: one transparent huge page */

typedef struct Block {
    struct Block *next;
    size_t used, cap;    /* bytes used / available in data[] */
    size_t mapped;       /* bytes mmap'd for the block (header included), 0 if malloc'd */
    _Alignas(16) unsigned char data[];
} Block;

struct Arena {
    Block *head;         /* newest block first */
    size_t total;        /* bytes handed out */
    size_t next_cap;     /* size of the next ordinary block */
};

Arena *arena_new(void)
{
    Arena *a = xcalloc(1, sizeof(Arena));
    a->next_cap = ARENA_FIRST;
    return a;
}

static void block_free(Block *b)
{
    if (b->mapped)
        munmap(b, b->mapped);
    else
        free(b);
}

void arena_free(Arena *a)
{
    if (!a)
        return;
    for (Block *b = a->head, *next; b; b = next) {
        next = b->next;
        block_free(b);
    }
    free(a);
}

/* A 2 MB-aligned, 2 MB mapping advised for huge pages (zero-filled), or NULL. */
static Block *map_huge(void)
{
    size_t want = ARENA_HUGE, span = 2 * ARENA_HUGE;
    unsigned char *m = mmap(NULL, span, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    if (m == MAP_FAILED)
        return NULL;
    uintptr_t at = ((uintptr_t)m + ARENA_HUGE - 1) & ~(uintptr_t)(ARENA_HUGE - 1);
    unsigned char *p = (unsigned char *)at;
    if (p > m)
        munmap(m, (size_t)(p - m));
    if (p + want < m + span)
        munmap(p + want, (size_t)(m + span - (p + want)));
#ifdef MADV_HUGEPAGE
    madvise(p, want, MADV_HUGEPAGE); /* advice only: failure just means 4 KB pages */
#endif
    Block *b = (Block *)p;
    b->mapped = want;
    b->cap = want - sizeof(Block);
    return b;
}

/* A block with at least cap bytes; malloc'd unless it is a huge one. */
static Block *new_block(size_t cap)
{
    Block *b = cap == ARENA_HUGE - sizeof(Block) ? map_huge() : NULL;
    if (!b) {
        b = xmalloc(sizeof(Block) + cap);
        b->mapped = 0;
        b->cap = cap;
    }
    b->next = NULL;
    b->used = 0;
    return b;
}

/* Zero n bytes at p unless they come from a fresh mapping (already zero, never reused). */
static void *zeroed(const Block *b, void *p, size_t n)
{
    if (!b->mapped)
        memset(p, 0, n);
    return p;
}

/* Big request: a block of its own, linked behind the current one so bumping continues. */
static void *alloc_big(Arena *a, size_t n)
{
    Block *big = new_block(n);
    big->used = n;
    if (a->head) {
        big->next = a->head->next;
        a->head->next = big;
    } else {
        a->head = big;
    }
    a->total += n;
    return zeroed(big, big->data, n);
}

void *arena_alloc(Arena *a, size_t n)
{
    n = (n + 15) & ~(size_t)15;
    Block *b = a->head;
    if (!b || b->cap - b->used < n) {
        if (n > a->next_cap / 4)
            return alloc_big(a, n);
        b = new_block(a->next_cap);
        if (a->next_cap < ARENA_HUGE - sizeof(Block))
            a->next_cap = a->next_cap * 2 >= ARENA_HUGE ? ARENA_HUGE - sizeof(Block)
                                                        : a->next_cap * 2;
        b->next = a->head;
        a->head = b;
    }
    void *p = b->data + b->used;
    b->used += n;
    a->total += n;
    return zeroed(b, p, n);
}

char *arena_strndup(Arena *a, const char *s, size_t n)
{
    char *d = arena_alloc(a, n + 1);
    memcpy(d, s, n);
    d[n] = '\0';
    return d;
}

size_t arena_bytes(const Arena *a)
{
    return a->total;
}
