/*
** strbuf: a growable byte string, always NUL-terminated.  Embedded NULs are allowed
** (len is the truth).  An all-zero StrBuf is a valid empty buffer.
*/
#ifndef PSM_RUNTIME_STRBUF_H
#define PSM_RUNTIME_STRBUF_H

#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

typedef struct StrBuf {
    char *buf;   /* NULL until the first append; then NUL-terminated */
    size_t len;  /* bytes used, not counting the NUL */
    size_t cap;  /* bytes allocated */
} StrBuf;

void sb_init(StrBuf *sb);
void sb_free(StrBuf *sb);                         /* releases buf; sb is empty again */
void sb_clear(StrBuf *sb);                        /* len = 0, keeps the memory */
void sb_append(StrBuf *sb, const char *s, size_t n);
void sb_puts(StrBuf *sb, const char *s);
void sb_putc(StrBuf *sb, char c);
void sb_put_utf8(StrBuf *sb, uint32_t cp);        /* encode one code point as UTF-8 */
void sb_printf(StrBuf *sb, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
void sb_vprintf(StrBuf *sb, const char *fmt, va_list ap);
const char *sb_str(const StrBuf *sb);             /* "" when empty; valid until the next append */
char *sb_take(StrBuf *sb);                        /* caller owns the result (never NULL); sb is reset */

#endif
