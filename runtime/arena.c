/*
** arena: a chain of blocks; each allocation bumps a pointer in the newest block.
** Requests larger than a quarter block get a block of their own.
*/
#include "runtime/arena.h"

#include <stdlib.h>
#include <string.h>

#include "runtime/mem.h"

#define ARENA_BLOCK (64 * 1024)

typedef struct Block {
    struct Block *next;
    size_t used, cap;    /* bytes used / available in data[] */
    _Alignas(16) unsigned char data[];
} Block;

struct Arena {
    Block *head;         /* newest block first */
    size_t total;        /* bytes handed out */
};

Arena *arena_new(void)
{
    return xcalloc(1, sizeof(Arena));
}

void arena_free(Arena *a)
{
    if (!a)
        return;
    for (Block *b = a->head, *next; b; b = next) {
        next = b->next;
        free(b);
    }
    free(a);
}

static Block *new_block(size_t cap)
{
    Block *b = xmalloc(sizeof(Block) + cap);
    b->next = NULL;
    b->used = 0;
    b->cap = cap;
    return b;
}

void *arena_alloc(Arena *a, size_t n)
{
    n = (n + 15) & ~(size_t)15;
    Block *b = a->head;
    if (!b || b->cap - b->used < n) {
        if (n > ARENA_BLOCK / 4) {
            /* big request: own block, linked behind the current one so bumping continues */
            Block *big = new_block(n);
            big->used = n;
            if (b) {
                big->next = b->next;
                b->next = big;
            } else {
                a->head = big;
            }
            a->total += n;
            memset(big->data, 0, n);
            return big->data;
        }
        b = new_block(ARENA_BLOCK);
        b->next = a->head;
        a->head = b;
    }
    void *p = b->data + b->used;
    b->used += n;
    a->total += n;
    memset(p, 0, n);
    return p;
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
