/*
** gen_script: writes a deterministic, realistic script of about the requested size to stdout,
** for the parser benchmark and the slow stress tests.  The same seed always gives the same
** bytes (a fixed 64-bit LCG, no libc rand).  Three languages share one shape -- functions
** with parameters, pipelines, tables, strings, here-documents, loops and comments -- so that
** `bash -n` and `luac -p` can parse a comparable file in the same benchmark run:
**   gen_script [-l ps|sh|lua] [-s bytes] [-r seed]      (defaults: ps, 10000000, 1)
** Every generated PowerShell unit is valid syntax (the stress tests assert zero errors).
*/
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

typedef struct Gen {
    unsigned long long state; /* LCG state */
    size_t written;           /* bytes written so far */
    unsigned long n;          /* unit counter, makes names unique */
} Gen;

/* Next pseudo-random number below n (Knuth's MMIX LCG constants). */
static unsigned pick(Gen *g, unsigned n)
{
    g->state = g->state * 6364136223846793005ULL + 1442695040888963407ULL;
    return (unsigned)((g->state >> 33) % n);
}

static void out(Gen *g, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

static void out(Gen *g, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    int n = vprintf(fmt, ap);
    va_end(ap);
    if (n > 0) g->written += (size_t)n;
}

static const char *const words[] = {"alpha", "beta",  "gamma", "delta",  "omega",
                                    "sigma", "kappa", "theta", "lambda", "zeta"};
#define NWORDS (sizeof words / sizeof words[0])

static const char *word(Gen *g)
{
    return words[pick(g, NWORDS)];
}

/* ---- PowerShell ---- */

/* One statement inside a process block; k chooses the form. */
static void ps_statement(Gen *g, unsigned k)
{
    unsigned long n = g->n;
    switch (k) {
    case 0:
        out(g,
            "        $h = @{ Name = $Name; Index = %lu; Tags = @('%s', '%s'); Nested = @{ X = %u } "
            "}\n",
            n, word(g), word(g), pick(g, 1000));
        break;
    case 1:
        out(g,
            "        foreach ($i in 1..$Count) {\n"
            "            if ($i %% %u -eq 0) { $total += $i * %u } elseif ($i -gt %u) { continue }"
            " else { $total-- }\n        }\n",
            2 + pick(g, 5), pick(g, 9), pick(g, 50));
        break;
    case 2:
        out(g,
            "        $msg = \"Item $Name (%s) has $($h.Count) keys and total ${total}: `t%lu\"\n",
            word(g), n);
        break;
    case 3:
        out(g,
            "        $text = @\"\nReport for $Name in %s\n  Count: $Count, sum: $($total + "
            "%u)\n\"@\n",
            word(g), pick(g, 100));
        break;
    case 4:
        out(g, "        $raw = @'\nliteral $not expanded %s\n'@\n", word(g));
        break;
    case 5:
        out(g,
            "        Get-ChildItem -Path \"/data/$Name/%s\" -Recurse -Filter *.log |\n"
            "            Where-Object { $_.Length -gt %u } |\n"
            "            Sort-Object -Property Length -Descending | Select-Object -First %u\n",
            word(g), 1024 * (1 + pick(g, 8)), 1 + pick(g, 20));
        break;
    case 6:
        out(g,
            "        $list = [System.Collections.Generic.List[string]]::new()\n"
            "        $list.Add('%s'); $s = $list.ToArray() -join ','; $n = $s.Length\n",
            word(g));
        break;
    case 7:
        out(g,
            "        switch -regex ($Name) {\n            '^%c' { '%s'; break }\n"
            "            default { 'other' }\n        }\n",
            'a' + pick(g, 26), word(g));
        break;
    case 8:
        out(g,
            "        try { [int]::Parse($Name) } catch [System.FormatException] {"
            " Write-Warning \"bad $_\" } finally { $null = %u }\n",
            pick(g, 10));
        break;
    case 9:
        out(g,
            "        while ($Count -gt %u) { $Count-- }\n"
            "        $r = $Force ? 'yes' : 'no'; $v = $null ?? %u\n",
            pick(g, 3), pick(g, 100));
        break;
    case 10:
        out(g,
            "        # %s: keep the running total in range\n"
            "        $total = [math]::Min($total, %u) -band 0xFFFF\n",
            word(g), 1000 + pick(g, 9000));
        break;
    default:
        out(g, "        Write-Output $msg 2>&1 | Out-Null\n");
        break;
    }
}

static void ps_unit(Gen *g)
{
    unsigned long n = g->n;
    const char *w = word(g);
    out(g, "<#\n.SYNOPSIS\n  Helper %lu for the %s records.\n#>\n", n, word(g));
    out(g,
        "function Get-%sItem%lu {\n    [CmdletBinding()]\n    param(\n"
        "        [Parameter(Mandatory = $true, Position = 0)]\n        [string] $Name,\n"
        "        [int] $Count = %u,\n        [switch] $Force\n    )\n"
        "    begin { $total = 0 }\n    process {\n",
        w, n, 1 + pick(g, 20));
    unsigned nstmt = 4 + pick(g, 6);
    for (unsigned i = 0; i < nstmt; i++)
        ps_statement(g, pick(g, 12));
    out(g, "    }\n    end { $total }\n}\n");
    out(g, "$result%lu = Get-%sItem%lu -Name '%s' -Count %u | ForEach-Object { $_ * 2 }\n\n", n, w,
        n, word(g), pick(g, 50));
}

/* ---- POSIX shell (bash -n / dash -n) ---- */

static void sh_unit(Gen *g)
{
    unsigned long n = g->n;
    const char *w = word(g);
    out(g, "# Helper %lu for the %s records.\n", n, word(g));
    out(g, "get_%s_item%lu() {\n    name=$1\n    count=${2:-%u}\n    total=0\n", w, n,
        1 + pick(g, 20));
    out(g,
        "    i=1\n    while [ \"$i\" -le \"$count\" ]; do\n"
        "        if [ $((i %% %u)) -eq 0 ]; then total=$((total + i * %u));"
        " elif [ \"$i\" -gt %u ]; then i=$((i + 1)); continue; else total=$((total - 1)); fi\n"
        "        i=$((i + 1))\n    done\n",
        2 + pick(g, 5), pick(g, 9), pick(g, 50));
    out(g, "    msg=\"Item $name (%s) has ${#name} chars and total ${total}: %lu\"\n", word(g), n);
    out(g, "    cat <<EOF\nReport for $name in %s\n  Count: $count, sum: $((total + %u))\nEOF\n",
        word(g), pick(g, 100));
    out(g,
        "    find \"/data/$name/%s\" -name '*.log' -size +%uk 2>/dev/null |\n"
        "        sort -r | head -n %u\n",
        word(g), 1 + pick(g, 8), 1 + pick(g, 20));
    out(g,
        "    case \"$name\" in\n        %c*) echo '%s' ;;\n        *) echo 'other' ;;\n    esac\n",
        'a' + pick(g, 26), word(g));
    out(g, "    for w in %s %s %s; do printf '%%s\\n' \"$w\" >/dev/null; done\n", word(g), word(g),
        word(g));
    out(g, "    echo \"$msg\" 2>&1 >/dev/null\n}\n");
    out(g, "result%lu=$(get_%s_item%lu '%s' %u | tr a-z A-Z)\n\n", n, w, n, word(g), pick(g, 50));
}

/* ---- Lua (luac -p) ---- */

static void lua_unit(Gen *g)
{
    unsigned long n = g->n;
    const char *w = word(g);
    out(g, "--[[ Helper %lu for the %s records. ]]\n", n, word(g));
    out(g,
        "function M.get_%s_item%lu(name, count, force)\n    count = count or %u\n"
        "    local total = 0\n    local h = { Name = name, Index = %lu, Tags = { '%s', '%s' },"
        " Nested = { X = %u } }\n",
        w, n, 1 + pick(g, 20), n, word(g), word(g), pick(g, 1000));
    out(g,
        "    for i = 1, count do\n        if i %% %u == 0 then total = total + i * %u"
        " elseif i > %u then goto continue else total = total - 1 end\n"
        "        ::continue::\n    end\n",
        2 + pick(g, 5), pick(g, 9), pick(g, 50));
    out(g,
        "    local msg = string.format(\"Item %%s (%s) has %%d keys and total %%d\", name, #h, "
        "total)\n",
        word(g));
    out(g, "    local text = [[\nReport for name in %s\n  Count: count\n]]\n", word(g));
    out(g,
        "    local list = {}\n    for _, v in ipairs(h.Tags) do if #v > %u then"
        " list[#list + 1] = v end end\n    table.sort(list, function(a, b) return a > b end)\n",
        pick(g, 6));
    out(g,
        "    local ok, err = pcall(function() return tonumber(name) or error('bad ' .. name) end)\n"
        "    while count > %u do count = count - 1 end\n"
        "    local r = force and 'yes' or 'no'\n    return total, msg, text, r, ok, err\nend\n",
        pick(g, 3));
    out(g, "M.result%lu = M.get_%s_item%lu('%s', %u)\n\n", n, w, n, word(g), pick(g, 50));
}

int main(int argc, char **argv)
{
    const char *lang = "ps";
    size_t size = 10000000;
    Gen g = {1, 0, 0};

    for (int i = 1; i + 1 < argc; i += 2) {
        if (strcmp(argv[i], "-l") == 0)
            lang = argv[i + 1];
        else if (strcmp(argv[i], "-s") == 0)
            size = strtoull(argv[i + 1], NULL, 10);
        else if (strcmp(argv[i], "-r") == 0)
            g.state = strtoull(argv[i + 1], NULL, 10);
    }
    void (*unit)(Gen *) = strcmp(lang, "sh") == 0    ? sh_unit
                          : strcmp(lang, "lua") == 0 ? lua_unit
                                                     : ps_unit;
    if (unit == lua_unit)
        out(&g, "-- generated by bench/gen_script -l lua\nlocal M = {}\n");
    else
        out(&g, "# generated by bench/gen_script -l %s\n", lang);
    while (g.written < size) {
        unit(&g);
        g.n++;
    }
    return fflush(stdout) == 0 ? 0 : 1;
}
