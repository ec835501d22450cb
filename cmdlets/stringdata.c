/*
** stringdata: ConvertFrom-StringData.  Each line is trimmed; blank lines and '#' comments are
** skipped; the first delimiter splits name from value (both trimmed, then unescaped like
** Regex.Unescape: \n, \t, \\, \uXXXX ...).  One Hashtable per input string, as pwsh.
*/
#include "cmdlets/stringdata.h"

#include <stdlib.h>
#include <string.h>

#include "cmdlets/cmdutil.h"
#include "runtime/convert.h"
#include "runtime/hashtable.h"
#include "runtime/mem.h"

enum { SD_DATA, SD_DELIM };
const ParamSpec stringdata_params[STRINGDATA_NPARAMS] = {
    [SD_DATA] = {.name = "StringData",
                 .type = TY_STRING,
                 .position = 0,
                 .flags = PS_PIPELINE | PS_MANDATORY},
    [SD_DELIM] = {.name = "Delimiter", .type = TY_CHAR, .position = -1},
};

static int is_blank(char ch)
{
    return ch == ' ' || ch == '\t' || ch == '\r' || ch == '\n' || ch == '\f' || ch == '\v';
}

static int hexval(char ch)
{
    if (ch >= '0' && ch <= '9') return ch - '0';
    if (ch >= 'a' && ch <= 'f') return ch - 'a' + 10;
    if (ch >= 'A' && ch <= 'F') return ch - 'A' + 10;
    return -1;
}

/* \uXXXX / \xXX at s (after the letter): the code and the digits used, or 0 digits. */
static size_t hex_escape(const char *s, size_t len, size_t want, uint32_t *cp)
{
    *cp = 0;
    if (len < want) return 0;
    for (size_t i = 0; i < want; i++) {
        int h = hexval(s[i]);
        if (h < 0) return 0;
        *cp = *cp * 16 + (uint32_t)h;
    }
    return want;
}

/* Regex.Unescape of s[0..len) appended to out. */
static void unescape(const char *s, size_t len, StrBuf *out)
{
    static const char from[] = "ntrafev0", to[] = "\n\t\r\a\f\033\v";
    for (size_t i = 0; i < len; i++) {
        if (s[i] != '\\' || i + 1 == len) {
            sb_putc(out, s[i]);
            continue;
        }
        char e = s[++i];
        const char *k = strchr(from, e);
        uint32_t cp;
        size_t n = 0;
        if (e == 'u' || e == 'x') n = hex_escape(s + i + 1, len - i - 1, e == 'u' ? 4 : 2, &cp);
        if (n) {
            sb_put_utf8(out, cp);
            i += n;
        } else if (k && e) {
            sb_putc(out, e == '0' ? '\0' : to[k - from]);
        } else {
            sb_putc(out, e);
        }
    }
}

static Value unescaped(const char *s, size_t len)
{
    StrBuf sb = {0};
    unescape(s, len, &sb);
    return val_str_take_sb(&sb);
}

static void trim(const char **s, size_t *len)
{
    while (*len && is_blank(**s))
        (*s)++, (*len)--;
    while (*len && is_blank((*s)[*len - 1]))
        (*len)--;
}

/* One line into h; ST_THROW for a line without the delimiter or a repeated name. */
static Status add_line(CmdCtx *c, Value h, const char *line, size_t len, char delim)
{
    trim(&line, &len);
    if (!len || line[0] == '#') return ST_OK;
    const char *eq = memchr(line, delim, len);
    if (!eq || eq == line)
        return cmdutil_fail(c, EXC_INVALIDOP, ERRCAT_INVALIDOPERATION, "InvalidOperation",
                            "Data line '%.*s' is not in 'name=value' format.", (int)len, line);
    const char *k = line, *v = eq + 1;
    size_t klen = (size_t)(eq - line), vlen = len - klen - 1;
    trim(&k, &klen);
    trim(&v, &vlen);
    Value key = unescaped(k, klen), val = unescaped(v, vlen);
    Status st = ST_OK;
    if (!ht_add(h, key, val))
        st = cmdutil_fail(c, EXC_INVALIDOP, ERRCAT_INVALIDOPERATION, "InvalidOperation",
                          "Data item '%s' in line '%.*s' is already defined.", val_str_data(key),
                          (int)len, line);
    val_unref(key), val_unref(val);
    return st;
}

/* ConvertFrom-StringData [-StringData] <String> [-Delimiter <Char>] */
Status stringdata_convert(CmdCtx *c)
{
    if (c->phase != CMD_PROCESS) return ST_OK;
    if (!c->has_input && cmdutil_check_mandatory(c, 1)) return ST_THROW;
    Value in = c->has_input ? c->input : c->arg[SD_DATA];
    Value s = convert_to_string(in, NULL);
    char delim = c->bound[SD_DELIM] ? (char)c->arg[SD_DELIM].as.u : '=';
    Value h = ht_new(0);
    const char *p = val_str_data(s), *end = p + val_str_len(s);
    Status st = ST_OK;
    while (p <= end && !st) {
        const char *nl = memchr(p, '\n', (size_t)(end - p));
        size_t n = nl ? (size_t)(nl - p) : (size_t)(end - p);
        st = add_line(c, h, p, n, delim);
        p += n + 1;
    }
    if (!st) st = pipe_put(c->I, c->out, h);
    val_unref(h), val_unref(s);
    return st;
}
