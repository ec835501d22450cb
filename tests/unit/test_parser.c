/*
** test_parser: the parser against its S-expression dump (format in parser/ast_dump.c) and
** its errors (id, line:col of the '~' marker, incomplete flag).  Cases are data: source text
** and the exact expected output.  Written 2026-11-24 with the first parser (task "parser").
*/
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "parser/parser.h"
#include "runtime/strbuf.h"
#include "tests/unit/check.h"

typedef struct Case {
    const char *src;
    const char *want;
} Case;

/* The dump of src without the final newline (lines joined by '\n'). */
static char *dump_of(const char *src)
{
    Program *p = parse_program(src, strlen(src), NULL);
    StrBuf sb;
    sb_init(&sb);
    ast_dump(p, prog_root(p), &sb);
    if (sb.len && sb.buf[sb.len - 1] == '\n') sb.buf[--sb.len] = '\0';
    if (prog_nerrors(p)) sb_printf(&sb, "\n!%d errors", prog_nerrors(p));
    prog_unref(p);
    return sb_take(&sb);
}

/* "Id line:col[ inc]; ..." then " INCOMPLETE" when prog_incomplete(). */
static char *errors_of(const char *src)
{
    Program *p = parse_program(src, strlen(src), NULL);
    StrBuf sb;
    sb_init(&sb);
    for (int i = 0; i < prog_nerrors(p); i++) {
        const ParseError *e = prog_error(p, i);
        sb_printf(&sb, "%s%s %u:%u%s", i ? "; " : "", e->id, e->span.line, e->span.col,
                  e->incomplete ? " inc" : "");
    }
    if (prog_incomplete(p)) sb_puts(&sb, " INCOMPLETE");
    prog_unref(p);
    return sb_take(&sb);
}

static const char *first_msg(const char *src, char *buf, size_t n)
{
    Program *p = parse_program(src, strlen(src), NULL);
    snprintf(buf, n, "%s", prog_nerrors(p) ? prog_error(p, 0)->msg : "(none)");
    prog_unref(p);
    return buf;
}

static void run(const Case *c, size_t n, char *(*fn)(const char *))
{
    for (size_t i = 0; i < n; i++) {
        char *got = fn(c[i].src);
        if (strcmp(got, c[i].want) != 0) fprintf(stderr, "case: %s\n", c[i].src);
        CHECK_STR(got, c[i].want);
        free(got);
    }
}

#define RUN(table, fn) run(table, sizeof table / sizeof table[0], fn)

/* ---- precedence and expressions ---- */
static const Case expr_cases[] = {
    {"1 + 2 * 3", "(+ 1 (* 2 3))"},
    {"(1 + 2) * 3", "(* (paren (+ 1 2)) 3)"},
    {"1 - 2 - 3", "(- (- 1 2) 3)"},
    {"8 / 4 % 3", "(% (/ 8 4) 3)"},
    {"1,2 + 3", "(+ (array 1 2) 3)"},
    {"'a','b' -eq 'a'", "(-eq (array \"a\" \"b\") \"a\")"},
    {"$true -or $false -and $false", "(-and (-or $true $false) $false)"},
    {"1 -band 2 -bor 3", "(-bor (-band 1 2) 3)"},
    {"1 -shl 2 + 1", "(-shl 1 (+ 2 1))"},
    {"2 ?? 1 + 2", "(?? 2 (+ 1 2))"},
    {"$a ?? $b ?? 3", "(?? (?? $a $b) 3)"},
    {"'{0}' -f 1 + 2", "(+ (-f \"{0}\" 1) 2)"},
    {"1..5", "(.. 1 5)"},
    {"1..3 * 2", "(* (.. 1 3) 2)"},
    {"-not $a -eq $b", "(-eq (-not $a) $b)"},
    {"!$x", "(! $x)"},
    {"-bnot 5", "(-bnot 5)"},
    {"-split 'a b'", "(-split \"a b\")"},
    {"-split '1 2','a b'", "(array (-split \"1 2\") \"a b\")"},
    {"'a','b' -join ','", "(-join (array \"a\" \"b\") \",\")"},
    {"-join $a", "(-join $a)"},
    {"$a -ceq $b", "(-ceq $a $b)"},
    {"$a -ilike 'x*'", "(-ilike $a \"x*\")"},
    {"$a -cnotin $b", "(-cnotin $a $b)"},
    {"$a -csplit ','", "(-csplit $a \",\")"},
    {"$a -replace 'a','b'", "(-replace $a (array \"a\" \"b\"))"},
    {"$a -is [int]", "(-is $a [int])"},
    {"$a -isnot [string]", "(-isnot $a [string])"},
    {"$a -as [double]", "(-as $a [double])"},
    {"$a -match '^x' -and $b", "(-and (-match $a \"^x\") $b)"},
    {"1 -lt 2 -eq $true", "(-eq (-lt 1 2) $true)"},
    {"$c ? 1 : 2", "(? $c 1 2)"},
    {"$c ? 1 : $d ? 2 : 3", "(? $c 1 (? $d 2 3))"},
    {"$a -gt 1 ? 'y' : 'n'", "(? (-gt $a 1) \"y\" \"n\")"},
    {"$i++", "(post++ $i)"},
    {"$i--", "(post-- $i)"},
    {"++$i", "(++ $i)"},
    {"--$i", "(-- $i)"},
    {",1", "(, 1)"},
    {",1,2", "(array (, 1) 2)"},
    {"-5", "-5"},
    {"- 5", "(- 5)"},
    {"1 -1", "(- 1 1)"},
    {"-2147483648", "-2147483648"},
    {"$a-1", "(- $a 1)"},
    {"1 +\n2", "(+ 1 2)"},
    {"0x1F + 1e3 + 1.5d + 1kb", "(+ (+ (+ 0x1F 1e3) 1.5d) 1kb)"},
    {"1,2,3", "(array 1 2 3)"},
    {"1,\n2", "(array 1 2)"},
    {"(1,2),3", "(array (paren (array 1 2)) 3)"},
};

/* ---- casts, types, member access ---- */
static const Case access_cases[] = {
    {"[int]$x", "(convert [int] $x)"},
    {"[int] $x", "(convert [int] $x)"},
    {"[int]", "[int]"},
    {"[int[]]$a", "(convert [int[]] $a)"},
    {"[string[,]]$a", "(convert [string[,]] $a)"},
    {"[System.Collections.Generic.List[string]]::new()",
     "(invoke:: [System.Collections.Generic.List[string]] new)"},
    {"[System.Collections.Generic.Dictionary[string, int]]$d",
     "(convert [System.Collections.Generic.Dictionary[string, int]] $d)"},
    {"[int]::MaxValue", "(:: [int] MaxValue)"},
    {"[math]::Round(2.5)", "(invoke:: [math] Round 2.5)"},
    {"[math]::Max(1, 2)", "(invoke:: [math] Max 1 2)"},
    {"[string]1 + 2", "(+ (convert [string] 1) 2)"},
    {"[string]@('a','b')[0]", "(convert [string] (index (arrayexpr {(array \"a\" \"b\")}) 0))"},
    {"[int]-5", "(convert [int] -5)"},
    {"[int][char]'a'", "(convert [int] (convert [char] \"a\"))"},
    {"[void](Get-X)", "(convert [void] (paren (pipeline (command Get-X))))"},
    {"[ordered]@{a=1}", "(convert [ordered] (hash (a 1)))"},
    {"[pscustomobject]@{a=1; b='x'}", "(convert [pscustomobject] (hash (a 1) (b \"x\")))"},
    {"$a.b.c", "(. (. $a b) c)"},
    {"$a?.b", "(. $a? b)"},
    {"${a}?.b", "(?. ${a} b)"},
    {"${a}?[0]", "(index? ${a} 0)"},
    {"$a.$b", "(. $a $b)"},
    {"$a.'x y'", "(. $a \"x y\")"},
    {"$a::b", "(:: $a b)"},
    {"$s.Split('.')", "(invoke $s Split \".\")"},
    {"$s.Split('.', 2)", "(invoke $s Split \".\" 2)"},
    {"$s.Trim()", "(invoke $s Trim)"},
    {"$s.M((1,2))", "(invoke $s M (paren (array 1 2)))"},
    {"$s.M(\n1,\n2\n)", "(invoke $s M 1 2)"},
    {"$a.ForEach{ $_ * 2 }", "(invoke $a ForEach (sb {(* $_ 2)}))"},
    {"$a.Where({ $_ })", "(invoke $a Where (sb {$_}))"},
    {"$a[0]", "(index $a 0)"},
    {"$a[-1]", "(index $a -1)"},
    {"$a[1..3]", "(index $a (.. 1 3))"},
    {"$a[0,2]", "(index $a (array 0 2))"},
    {"$a[0,2+4..6]", "(index $a (+ (array 0 2) (.. 4 6)))"},
    {"$a[0][1]", "(index (index $a 0) 1)"},
    {"$a[0].b()", "(invoke (index $a 0) b)"},
    {"$a.b[0]", "(index (. $a b) 0)"},
    {"$h['k']", "(index $h \"k\")"},
    {"(Get-X).Count", "(. (paren (pipeline (command Get-X))) Count)"},
    {"(1).ToString()", "(invoke (paren 1) ToString)"},
    {"$a.\nb", "(. $a b)"},
    {"$a .b", "$a\n!1 errors"},
};

/* ---- literals: strings, here-strings, variables, collections ---- */
static const Case literal_cases[] = {
    {"'lit'", "\"lit\""},
    {"'it''s'", "\"it's\""},
    {"\"plain\"", "\"plain\""},
    {"\"a $b c\"", "(expandable \"a \" $b \" c\")"},
    {"\"$a.b\"", "(expandable $a \".b\")"},
    {"\"$a[0]\"", "(expandable $a \"[0]\")"},
    {"\"x $($a.b) y\"", "(expandable \"x \" (subexpr {(. $a b)}) \" y\")"},
    {"\"${a b}!\"", "(expandable ${a b} \"!\")"},
    {"\"$env:HOME/x\"", "(expandable $env:HOME \"/x\")"},
    {"\"tab`t\"", "\"tab\\t\""},
    {"\"`$a\"", "\"$a\""},
    {"@\"\nhello $x\n\"@", "(expandable \"hello \" $x)"},
    {"@\"\nplain\n\"@", "@\"plain\""},
    {"@'\nlit $x\n'@", "@\"lit $x\""},
    {"@'\nl1\nl2\n'@", "@\"l1\\nl2\""},
    {"$global:x", "$global:x"},
    {"$env:PATH", "$env:PATH"},
    {"${a b}", "${a b}"},
    {"$_", "$_"},
    {"$?", "$?"},
    {"@(1,2)", "(arrayexpr {(array 1 2)})"},
    {"@()", "(arrayexpr {})"},
    {"@(1; 2)", "(arrayexpr {1; 2})"},
    {"$(1;2)", "(subexpr {1; 2})"},
    {"@{}", "(hash)"},
    {"@{Content-Type = 'x'; a_b2=1}", "(hash (Content-Type \"x\") (a_b2 1))"},
    {"@{a=1; b = 'x'}", "(hash (a 1) (b \"x\"))"},
    {"@{\n a = 1\n b = 2\n}", "(hash (a 1) (b 2))"},
    {"@{'k' = 1; 2 = 3; $k = 4}", "(hash (\"k\" 1) (2 3) ($k 4))"},
    {"@{a = Get-X | Sort}", "(hash (a (pipeline (command Get-X) (command Sort))))"},
    {"@{a = if ($x) {1} else {2}}", "(hash (a (if $x {1} else {2})))"},
    {"{ 1 }", "(sb {1})"},
    {"{}", "(sb {})"},
    {"{ param($x) $x }", "(sb (param (parameter $x)) {$x})"},
    {"{ begin {1} process {2} end {3} }", "(sb (begin {1}) (process {2}) (end {3}))"},
    {"{ process { $_ } }", "(sb (process {$_}))"},
};

/* ---- command mode versus expression mode ---- */
static const Case command_cases[] = {
    {"2+2", "(+ 2 2)"},
    {"Write-Output 2+2", "(pipeline (command Write-Output 2+2))"},
    {"Get-X -Name a | Sort", "(pipeline (command Get-X (-Name) a) (command Sort))"},
    {"Get-X -Name:$true -Force", "(pipeline (command Get-X (-Name: $true) (-Force)))"},
    {"Get-X -Name: 5", "(pipeline (command Get-X (-Name: 5)))"},
    {"echo a,b,c", "(pipeline (command echo (array a b c)))"},
    {"echo a, b c", "(pipeline (command echo (array a b) c))"},
    {"echo 7 0x1a 1kb", "(pipeline (command echo 7 0x1a 1kb))"},
    {"echo a$a", "(pipeline (command echo (expandable \"a\" $a)))"},
    {"echo \"x $y\"", "(pipeline (command echo (expandable \"x \" $y)))"},
    {"echo 'q'", "(pipeline (command echo \"q\"))"},
    {"Write-Output $HOME.Length-more",
     "(pipeline (command Write-Output (. $HOME Length) (-more)))"},
    {"echo $a[0] $a.b()", "(pipeline (command echo (index $a 0) (invoke $a b)))"},
    {"echo $a .b", "(pipeline (command echo $a .b))"},
    {"Write-Output (1+2) $(3) @(4)",
     "(pipeline (command Write-Output (paren (+ 1 2)) (subexpr {3}) (arrayexpr {4})))"},
    {"echo @{a=1}", "(pipeline (command echo (hash (a 1))))"},
    {"echo { $_ }", "(pipeline (command echo (sb {$_})))"},
    {"f @args @h", "(pipeline (command f @args @h))"},
    {"f @splat -Name:x", "(pipeline (command f @splat (-Name: x)))"},
    {"& $sb 1 2", "(pipeline (call $sb 1 2))"},
    {"& { 1 }", "(pipeline (call (sb {1})))"},
    {"& 'my cmd' -x", "(pipeline (call \"my cmd\" (-x)))"},
    {". ./x.ps1", "(pipeline (dotsource ./x.ps1))"},
    {". $f a", "(pipeline (dotsource $f a))"},
    {".\\script.ps1 -x", "(pipeline (command \".\\\\script.ps1\" (-x)))"},
    {"Write-Output -- -InputObject", "(pipeline (command Write-Output -- -InputObject))"},
    {"cmd --% a b c", "(pipeline (command cmd \"--% a b c\"))"},
    {"ls > out.txt 2>&1", "(pipeline (command ls (> out.txt) (2>&1)))"},
    {"ls 2>> err *> $null", "(pipeline (command ls (2>> err) (*> $null)))"},
    {"ls >> log", "(pipeline (command ls (>> log)))"},
    {"1 > $null", "(pipeline (cmdexpr 1 (> $null)))"},
    {"Get-X | Where { $_ } | Sort",
     "(pipeline (command Get-X) (command Where (sb {$_})) (command Sort))"},
    {"Get-X |\n  Sort", "(pipeline (command Get-X) (command Sort))"},
    {"Get-X\n| Sort", "(pipeline (command Get-X) (command Sort))"},
    {"Get-X\n\n  | Sort\n  | Select -First 1",
     "(pipeline (command Get-X) (command Sort) (command Select (-First) 1))"},
    {"1..3 | % { $_ }", "(pipeline (.. 1 3) (command % (sb {$_})))"},
    {"$x | Out-Null", "(pipeline $x (command Out-Null))"},
    {"x = 1", "(pipeline (command x = 1))"},
    {"Get-X -ErrorAction Stop 2>&1 | Out-Null",
     "(pipeline (command Get-X (-ErrorAction) Stop (2>&1)) (command Out-Null))"},
    {"1; begin", "1\n(pipeline (command begin))"},
    {"begin", "(begin {})\n!1 errors"},
    {"if-x", "(pipeline (command if-x))"},
    {"echo `\n a", "(pipeline (command echo a))"},
    {"echo a # comment", "(pipeline (command echo a))"},
    {"<# block #> 1", "1"},
    {"&$sb", "(pipeline (call $sb))"},
    {". $PSScriptRoot\\helpers.ps1",
     "(pipeline (dotsource (expandable $PSScriptRoot \"\\\\helpers.ps1\")))"},
    {"git commit -m \"msg\" --amend", "(pipeline (command git commit (-m) \"msg\" --amend))"},
    {"echo a=b,c", "(pipeline (command echo (array a=b c)))"},
    {"Get-X -Name:", "(pipeline (command Get-X (-Name:)))"},
    {"Write-Host (\"{0:N2}\" -f $v)", "(pipeline (command Write-Host (paren (-f \"{0:N2}\" $v))))"},
    {"if (-not (Test-Path $p)) { mkdir $p | Out-Null }",
     "(if (-not (paren (pipeline (command Test-Path $p)))) {(pipeline (command mkdir $p) (command "
     "Out-Null))})"},
};

/* ---- statements ---- */
static const Case statement_cases[] = {
    {"$a = 1", "(= $a 1)"},
    {"$a, $b = 1, 2", "(= (array $a $b) (array 1 2))"},
    {"$x = $y = 1", "(= $x (= $y 1))"},
    {"$a += 1", "(+= $a 1)"},
    {"$a -= 1", "(-= $a 1)"},
    {"$a *= 2; $a /= 2; $a %= 2", "(*= $a 2)\n(/= $a 2)\n(%= $a 2)"},
    {"$a ?\?= 2", "(?\?= $a 2)"},
    {"$a =\n 1", "(= $a 1)"},
    {"[int]$x = 5", "(= (convert [int] $x) 5)"},
    {"$h.a = 1", "(= (. $h a) 1)"},
    {"$a[0] = 1", "(= (index $a 0) 1)"},
    {"$x = Get-X | Sort", "(= $x (pipeline (command Get-X) (command Sort)))"},
    {"$x = if ($c) {1} else {2}", "(= $x (if $c {1} else {2}))"},
    {"$x = foreach ($i in $l) { $i }", "(= $x (foreach $i $l {$i}))"},
    {"$x = switch ($v) { 1 {'a'} }", "(= $x (switch $v (1 {\"a\"})))"},
    {"$null = Get-X", "(= $null (pipeline (command Get-X)))"},
    {"a && b || c",
     "(|| (&& (pipeline (command a)) (pipeline (command b))) (pipeline (command c)))"},
    {"a &&\n b", "(&& (pipeline (command a)) (pipeline (command b)))"},
    {"Start-Sleep 1 &", "(background (pipeline (command Start-Sleep 1)))"},
    {"a & b", "(background (pipeline (command a)))\n(pipeline (command b))"},
    {"a && b &", "(background (&& (pipeline (command a)) (pipeline (command b))))"},
    {"1; 2\n3", "1\n2\n3"},
    {"if ($x) { 1 } 2", "(if $x {1})\n2"},
    {"function f {} f", "(function f (sb {}))\n(pipeline (command f))"},
    {"while (1) {} 2", "(while 1 {})\n2"},
    {"if ($x) { 1 }", "(if $x {1})"},
    {"if ($x) { 1 } elseif ($y) {2} else {3}", "(if $x {1} elseif $y {2} else {3})"},
    {"if ($x) { 1 }\nelse { 2 }", "(if $x {1} else {2})"},
    {"if ($x)\n{\n 1\n}\nelseif ($y)\n{ 2 }", "(if $x {1} elseif $y {2})"},
    {"if ($x = Get-X) {}", "(if (= $x (pipeline (command Get-X))) {})"},
    {"if ($a -and\n $b) {1}", "(if (-and $a $b) {1})"},
    {"switch ($x) { 1 {'one'} default {'other'} }",
     "(switch $x (1 {\"one\"}) (default {\"other\"}))"},
    {"switch -regex -casesensitive ($x) { '^a' { 1 } }",
     "(switch -regex -casesensitive $x (\"^a\" {1}))"},
    {"switch -wildcard -regex (1,2) { fo* {1}; {$_ -gt 1} {2} }",
     "(switch -regex (array 1 2) (fo* {1}) ((sb {(-gt $_ 1)}) {2}))"},
    {"switch -exact ($x) {\n a { 1 }\n $y { 2 }\n}", "(switch -exact $x (a {1}) ($y {2}))"},
    {"switch -file ./a.txt { a {1} }", "(switch -file ./a.txt (a {1}))"},
    {"switch -w ($x) { a* {1} }", "(switch -wildcard $x (a* {1}))"},
    {"foreach ($i in 1..3) { $i }", "(foreach $i (.. 1 3) {$i})"},
    {"foreach ($i in Get-X) { }", "(foreach $i (pipeline (command Get-X)) {})"},
    {"foreach ( $i\n in\n $l ) { }", "(foreach $i $l {})"},
    {"for ($i=0; $i -lt 3; $i++) { $i }", "(for (= $i 0) (-lt $i 3) (post++ $i) {$i})"},
    {"for (;;) {}", "(for _ _ _ {})"},
    {"for (;; $i++) {}", "(for _ _ (post++ $i) {})"},
    {"for ($i = 0\n $i -lt 2\n $i++) {}", "(for (= $i 0) (-lt $i 2) (post++ $i) {})"},
    {"while ($true) { break }", "(while $true {(break)})"},
    {"do { $i++ } while ($i -lt 3)", "(dowhile {(post++ $i)} (-lt $i 3))"},
    {"do {1}\nuntil ($x)", "(dountil {1} $x)"},
    {":outer foreach ($a in $b) { continue outer }", "(foreach:outer $a $b {(continue outer)})"},
    {":l while (1) { break l }", "(while:l 1 {(break l)})"},
    {":l for (;;) {}", "(for:l _ _ _ {})"},
    {":l do {} while (0)", "(dowhile:l {} 0)"},
    {":l switch (1) {}", "(switch:l 1)"},
    {"break", "(break)"},
    {"break $lbl", "(break $lbl)"},
    {"continue", "(continue)"},
    {"return", "(return)"},
    {"return 5", "(return 5)"},
    {"return Get-X | Sort", "(return (pipeline (command Get-X) (command Sort)))"},
    {"throw", "(throw)"},
    {"throw 'x'", "(throw \"x\")"},
    {"exit 1", "(exit 1)"},
    {"{ return }", "(sb {(return)})"},
    {"try { 1 } catch { 2 }", "(try {1} (catch {2}))"},
    {"try { 1 } finally { 2 }", "(try {1} (finally {2}))"},
    {"try { 1 } catch [System.IO.IOException], [Exception] { 2 } catch { 3 } finally { 4 }",
     "(try {1} (catch [System.IO.IOException] [Exception] {2}) (catch {3}) (finally {4}))"},
    {"try {\n 1\n}\ncatch\n[Exception]\n{ 2 }", "(try {1} (catch [Exception] {2}))"},
    {"trap { continue }", "(trap {(continue)})"},
    {"trap [Exception] { 1 }; 2", "(trap [Exception] {1})\n2"},
    {"1; trap { 2 }", "(trap {2})\n1"},
    {"{ 1; trap { 2 } }", "(sb {(trap {2}); 1})"},
    {"data { 'x' }", "(data {\"x\"})"},
    {"data d { 'x' }", "(data d {\"x\"})"},
    {"data -SupportedCommand ConvertFrom-StringData, Get-X { 'x' }",
     "(data (supported ConvertFrom-StringData Get-X) {\"x\"})"},
    {"using namespace System.Text\n1", "1"},
    {"using namespace System.Text\nparam($a)\n$a", "(param (parameter $a))\n$a"},
};

/* ---- functions, param blocks, attributes, named blocks ---- */
static const Case function_cases[] = {
    {"function f { 1 }", "(function f (sb {1}))"},
    {"function f($a, $b = 2) { $a + $b }",
     "(function f (sb (param (parameter $a) (parameter $b = 2)) {(+ $a $b)}))"},
    {"function f { param($x) $x }", "(function f (sb (param (parameter $x)) {$x}))"},
    {"function global:f { }", "(function global:f (sb {}))"},
    {"function Get-Thing\n{\n}", "(function Get-Thing (sb {}))"},
    {"filter g { $_ }", "(filter g (sb {$_}))"},
    {"function f { begin { 1 } process { $_ } end { 3 } }",
     "(function f (sb (begin {1}) (process {$_}) (end {3})))"},
    {"function f { dynamicparam { } clean { } }", "(function f (sb (dynamicparam {}) (clean {})))"},
    {"function f {\n [CmdletBinding()]\n param()\n}",
     "(function f (sb (param (attribute CmdletBinding)) {}))"},
    {"function f { param([Parameter(Mandatory, Position=0, ValueFromPipeline)][string]$n) }",
     "(function f (sb (param (parameter $n (attribute Parameter Mandatory Position=0 "
     "ValueFromPipeline) [string])) {}))"},
    {"function f { param([ValidateSet('a','b')][Alias('x')]$v) }",
     "(function f (sb (param (parameter $v (attribute ValidateSet \"a\" \"b\") (attribute Alias "
     "\"x\"))) {}))"},
    {"function f { param([ValidateRange(1,5)][int]$n = 3, [switch]$Force) }",
     "(function f (sb (param (parameter $n (attribute ValidateRange 1 5) [int] = 3) (parameter "
     "$Force [switch])) {}))"},
    {"function f { param([ValidateScript({ $_ -gt 0 })]$n) }",
     "(function f (sb (param (parameter $n (attribute ValidateScript (sb {(-gt $_ 0)})))) {}))"},
    {"function f { param([Parameter(Mandatory=$true, HelpMessage='h')]$n) }",
     "(function f (sb (param (parameter $n (attribute Parameter Mandatory=$true "
     "HelpMessage=\"h\"))) {}))"},
    {"function f {\n param(\n  [int]\n  $a = 1,\n  $b\n )\n}",
     "(function f (sb (param (parameter $a [int] = 1) (parameter $b)) {}))"},
    {"function f { param([int[]]$c = @(1,2)) }",
     "(function f (sb (param (parameter $c [int[]] = (arrayexpr {(array 1 2)}))) {}))"},
    {"[CmdletBinding()]\nparam([string]$a = 'x')\n$a",
     "(param (attribute CmdletBinding) (parameter $a [string] = \"x\"))\n$a"},
    {"param($a)\nbegin {1}\nend {2}", "(param (parameter $a))\n(begin {1})\n(end {2})"},
    {"[int]$x = 1\n$x", "(= (convert [int] $x) 1)\n$x"},
    {"{ [CmdletBinding()] param($a) }", "(sb (param (attribute CmdletBinding) (parameter $a)) {})"},
};

/* ---- errors: id line:col, 'inc' for incomplete, INCOMPLETE when only incomplete ---- */
static const Case error_cases[] = {
    {"1 + 2", ""},
    {"if ($x) {", "MissingEndCurlyBrace 1:9 inc INCOMPLETE"},
    {"if ($x) {\n 1\n", "MissingEndCurlyBrace 1:9 inc INCOMPLETE"},
    {"(1", "MissingEndParenthesisInExpression 1:3 inc INCOMPLETE"},
    {"(1\n", "MissingEndParenthesisInExpression 1:3 inc INCOMPLETE"},
    {"1 +", "ExpectedValueExpression 1:4 inc INCOMPLETE"},
    {"1 -eq", "ExpectedValueExpression 1:6 inc INCOMPLETE"},
    {"1 + foo", "ExpectedValueExpression 1:4; UnexpectedToken 1:5"},
    {"Get-X |", "EmptyPipeElement 1:8 inc INCOMPLETE"},
    {"Get-X |\n", "EmptyPipeElement 1:8 inc INCOMPLETE"},
    {"Get-X | | b", "EmptyPipeElement 1:9"},
    {"| b", "EmptyPipeElement 1:1"},
    {"try { 1 }", "MissingCatchOrFinally 1:10 inc INCOMPLETE"},
    {"try { 1 }\nfoo", "MissingCatchOrFinally 1:10"},
    {"\"abc", "TerminatorExpectedAtEndOfString 1:1 inc INCOMPLETE"},
    {"@'\nabc", "TerminatorExpectedAtEndOfString 1:1 inc INCOMPLETE"},
    {"echo \"abc", "TerminatorExpectedAtEndOfString 1:6 inc INCOMPLETE"},
    {"$x = \"abc", "TerminatorExpectedAtEndOfString 1:6 inc INCOMPLETE"},
    {"echo @\"\nabc", "TerminatorExpectedAtEndOfString 1:6 inc INCOMPLETE"},
    {"function f(", "MissingEndParenthesisInFunctionParameterList 1:12 inc; MissingFunctionBody "
                    "1:12 inc INCOMPLETE"},
    {"switch ($x)\n", "MissingCurlyBraceInSwitchStatement 1:12 inc INCOMPLETE"},
    {"[Parameter(", "MissingEndParenthesisInExpression 1:12 inc; "
                    "EndSquareBracketExpectedAtEndOfAttribute 1:12 inc INCOMPLETE"},
    {"$x = @(\n1,\n", "MissingExpressionAfterToken 2:3 inc; MissingEndParenthesisInSubexpression "
                      "2:3 inc INCOMPLETE"},
    {"a &&", "EmptyPipelineChainElement 1:5 inc INCOMPLETE"},
    {"a ||\n", "EmptyPipelineChainElement 1:5 inc INCOMPLETE"},
    {"$a =", "ExpectedValueExpression 1:5 inc INCOMPLETE"},
    {"$a = \n", "ExpectedValueExpression 1:5 inc INCOMPLETE"},
    {"1,", "MissingExpressionAfterToken 1:3 inc INCOMPLETE"},
    {"echo a,", "MissingExpressionAfterToken 1:8 inc INCOMPLETE"},
    {"@{a=1", "MissingEndCurlyBrace 1:3 inc INCOMPLETE"},
    {"@{a", "MissingEqualsInHashLiteral 1:4 inc; MissingEndCurlyBrace 1:3 inc INCOMPLETE"},
    {"@{a = }", "MissingStatementInHashLiteral 1:6"},
    {"@{a 1}", "MissingEqualsInHashLiteral 1:4; MissingEndCurlyBrace 1:3; UnexpectedToken 1:5; "
               "UnexpectedToken 1:6"},
    {"@{ = 1 }", "MissingEndCurlyBrace 1:3; InvalidLeftHandSide 1:1; UnexpectedToken 1:8"},
    {"$(1", "MissingEndParenthesisInSubexpression 1:4 inc INCOMPLETE"},
    {"@(1", "MissingEndParenthesisInSubexpression 1:4 inc INCOMPLETE"},
    {"{ 1", "MissingEndCurlyBrace 1:1 inc INCOMPLETE"},
    {"$a[", "MissingArrayIndexExpression 1:4 inc; MissingEndSquareBracket 1:4 inc INCOMPLETE"},
    {"$a[0", "MissingEndSquareBracket 1:5 inc INCOMPLETE"},
    {"$a.", "MissingPropertyName 1:4 inc INCOMPLETE"},
    {"$s.M(1", "MissingEndParenthesisInMethodCall 1:7 inc INCOMPLETE"},
    {"foo `", " INCOMPLETE"},
    {"do {1}", "MissingWhileOrUntilInDoWhile 1:7 inc INCOMPLETE"},
    {"foreach ($x in", "MissingForeachExpression 1:15 inc INCOMPLETE"},
    {"if ($x)", "MissingStatementBlock 1:7 inc INCOMPLETE"},
    {"if ($x) {} else", "MissingStatementBlockAfterElse 1:16 inc INCOMPLETE"},
    {"function f", "MissingFunctionBody 1:11 inc INCOMPLETE"},
    {"param($a", "MissingEndParenthesisInFunctionParameterList 1:9 inc INCOMPLETE"},
    {"[int", "EndSquareBracketExpectedAtEndOfType 1:5 inc INCOMPLETE"},
    {"switch ($x) {", "MissingEndCurlyBrace 1:13 inc INCOMPLETE"},
    {"-not", "MissingExpressionAfterOperator 1:5 inc INCOMPLETE"},
    {"$c ?", "ExpectedValueExpression 1:5 inc INCOMPLETE"},
    {"}", "UnexpectedToken 1:1"},
    {"1 = 2", "InvalidLeftHandSide 1:1"},
    {"$a + 1 = 2", "InvalidLeftHandSide 1:1"},
    {"$a, 1 = 2", "InvalidLeftHandSide 1:1"},
    {"[int]$a, $b.c, $d[0] = 1", ""},
    {"[ordered]$x", "OrderedAttributeOnlyOnHashLiteralNode 1:1"},
    {"ls > a > b", "StreamAlreadyRedirected 1:8"},
    {"ls 2> a 2>&1", "StreamAlreadyRedirected 1:9"},
    {"1 > a > b", "StreamAlreadyRedirected 1:7"},
    {"function f($a, $A) {}", "DuplicateFormalParameter 1:16"},
    {"a & && b", "BackgroundOperatorInPipelineChain 1:5"},
    {"a && b && &", "MissingExpression 1:12 inc INCOMPLETE"},
    {"$c ? 1 2", "MissingColonInTernaryExpression 1:7; UnexpectedToken 1:8"},
    {")", "UnexpectedToken 1:1"},
    {"1 2", "UnexpectedToken 1:3"},
    {"if $x {}", "MissingOpenParenthesisInIfStatement 1:3; UnexpectedToken 1:7"},
    {"if () {}", "IfStatementMissingCondition 1:5"},
    {"if ($x {}", "MissingEndParenthesisAfterStatement 1:8"},
    {"if ($x) 1", "MissingStatementBlock 1:7"},
    {"function {}", "MissingNameAfterKeyword 1:9"},
    {"foreach $x {}", "MissingOpenParenthesisAfterKeyword 1:8; UnexpectedToken 1:12"},
    {"foreach ($x) {}", "MissingInInForeach 1:12; UnexpectedToken 1:12"},
    {"while ($x {}", "MissingEndParenthesisAfterStatement 1:10"},
    {"while () {}", "MissingExpressionAfterKeyword 1:8"},
    {"for ($i) 1", "MissingLoopStatement 1:9"},
    {"switch ($x) { 1 }", "MissingSwitchStatementClause 1:16"},
    {"switch ($x) { default {1} default {2} }", "MultipleSwitchDefaultClauses 1:27"},
    {"switch -foo ($x) {}", "InvalidSwitchFlag 1:8"},
    {"switch $x {}", "PipelineValueRequired 1:7; UnexpectedToken 1:11"},
    {"switch () {}", "PipelineValueRequired 1:9"},
    {"switch ($x { 1 {2} }", "MissingEndParenthesisInSwitchStatement 1:11; UnexpectedToken 1:16"},
    {"foreach ($i 1..3) {}", "MissingInInForeach 1:12; UnexpectedToken 1:17"},
    {"foreach (1 in 2) {}",
     "MissingVariableNameAfterForeach 1:10; UnexpectedToken 1:12; UnexpectedToken 1:16"},
    {"foreach ($i in 1..3 { $i }", "MissingEndParenthesisAfterForeach 1:20"},
    {"foreach ($i in ) {}", "MissingForeachExpression 1:15; UnexpectedToken 1:16"},
    {"function f(1) { }",
     "InvalidFunctionParameter 1:12; MissingEndParenthesisInFunctionParameterList 1:12"},
    {"$s.Substring(1, )", "MissingArgument 1:16"},
    {"$x = $(Get-Date }", "MissingEndParenthesisInSubexpression 1:17; UnexpectedToken 1:17"},
    {"$x = @(1, 2 }", "MissingEndParenthesisInSubexpression 1:13; UnexpectedToken 1:13"},
    {"try { } catch { } catch [int] { }", "EmptyCatchNotLast 1:9"},
    {"try 1", "MissingTryStatementBlock 1:4"},
    {"class Foo {}", "ReservedKeywordNotAllowed 1:1"},
    {"else {}", "UnexpectedToken 1:1"},
    {"1 | 3", "ExpressionsMustBeFirstInPipeline 1:5"},
    {"Get-X | $x", "ExpressionsMustBeFirstInPipeline 1:9"},
    {"@x + 1", "SplattingNotPermitted 1:1"},
    {"$y = @x", "SplattingNotPermitted 1:6"},
    {"function f($a) { param($b) }", "OnlyOneParameterListAllowed 1:18"},
    {"{ begin {} 1 }", "MissingNamedBlocks 1:12"},
    {"[", "MissingTypename 1:2 inc INCOMPLETE"},
    {"[int]::", "MissingPropertyName 1:8 inc INCOMPLETE"},
    {"ls >", "MissingFileSpecification 1:5 inc INCOMPLETE"},
    {"& ", "MissingExpression 1:2 inc INCOMPLETE"},
    {"data d -Foo { }", "InvalidParameterForDataSectionStatement 1:8"},
    {"$a = 1 }\n$b = 2", "UnexpectedToken 1:8"},
    {"if ($x) {\n  1 +\n}", "ExpectedValueExpression 2:6"},
    {"(1 +",
     "ExpectedValueExpression 1:5 inc; MissingEndParenthesisInExpression 1:5 inc INCOMPLETE"},
    {"1 +\n)\n2 +",
     "ExpectedValueExpression 1:4; UnexpectedToken 2:1; ExpectedValueExpression 3:4 inc"},
};

static void test_messages(void)
{
    char b[512];
    CHECK_STR(first_msg("if ($x) {", b, sizeof b),
              "Missing closing '}' in statement block or type definition.");
    CHECK_STR(first_msg("(1", b, sizeof b), "Missing closing ')' in expression.");
    CHECK_STR(first_msg("1 +", b, sizeof b),
              "You must provide a value expression following the '+' operator.");
    CHECK_STR(first_msg("1 -ceq", b, sizeof b),
              "You must provide a value expression following the '-ceq' operator.");
    CHECK_STR(first_msg("a | | b", b, sizeof b), "An empty pipe element is not allowed.");
    CHECK_STR(first_msg("try {}", b, sizeof b),
              "The Try statement is missing its Catch or Finally block.");
    CHECK_STR(first_msg("1 x", b, sizeof b), "Unexpected token 'x' in expression or statement.");
    CHECK_STR(first_msg("if $x", b, sizeof b), "Missing '(' after 'if' in if statement.");
    CHECK_STR(first_msg("if ($x) {} elseif $y {}", b, sizeof b),
              "Missing '(' after 'elseif' in if statement.");
    CHECK_STR(first_msg("while ($x", b, sizeof b),
              "Missing closing ')' after expression in 'while' statement.");
    CHECK_STR(first_msg("if ($x)", b, sizeof b), "Missing statement block after if ( condition ).");
    CHECK_STR(first_msg("foreach $x", b, sizeof b), "Missing opening '(' after keyword 'foreach'.");
    CHECK_STR(first_msg("do {}", b, sizeof b), "Missing while or until keyword in do loop.");
    CHECK_STR(first_msg("function", b, sizeof b), "Missing name after function keyword.");
    CHECK_STR(first_msg("filter", b, sizeof b), "Missing name after filter keyword.");
    CHECK_STR(first_msg("-not", b, sizeof b), "Missing expression after unary operator '-not'.");
    CHECK_STR(first_msg("class X {}", b, sizeof b),
              "The 'class' keyword is not supported in this version of the language.");
    CHECK_STR(first_msg("echo @x", b, sizeof b), "(none)");
    CHECK_STR(first_msg("$y = @x", b, sizeof b),
              "The splatting operator '@' cannot be used to reference variables in an expression. "
              "'@x' can be used only as an argument to a command. To reference variables in an "
              "expression use '$x'.");
    CHECK_STR(first_msg("switch -bad (1) {}", b, sizeof b),
              "The parameter bad is not valid for the switch statement.");
    CHECK_STR(first_msg("{ begin {} x }", b, sizeof b),
              "unexpected token 'x', expected 'begin', 'process', 'end', or 'dynamicparam'.");
    CHECK_STR(first_msg("ls 2>a 2>b", b, sizeof b),
              "The error stream for this command is already redirected.");
    CHECK_STR(first_msg("ls >a >b", b, sizeof b),
              "The output stream for this command is already redirected.");
    CHECK_STR(first_msg("param($x, $x)", b, sizeof b), "Duplicate parameter $x in parameter list.");
    CHECK_STR(first_msg("[ordered]1", b, sizeof b),
              "The ordered attribute can be specified only on a hash literal node.");
    CHECK_STR(first_msg("a &&", b, sizeof b),
              "A pipeline chain operator must be followed by a pipeline.");
    CHECK_STR(first_msg("$c ? 1", b, sizeof b), "Missing ':' in the ternary expression.");
    CHECK_STR(first_msg("a & && b", b, sizeof b),
              "Background operators can only be used at the end of a pipeline chain.");
}

/* Spans, node positions and the Program API. */
static void test_program_api(void)
{
    const char *src = "$x = 1\nGet-X -Name a";
    Program *p = parse_program(src, strlen(src), "t.ps1");
    Node *root = prog_root(p);
    CHECK(root->kind == AST_SCRIPTBLOCK);
    CHECK_STR(root->str, src);
    CHECK(root->len == strlen(src));
    CHECK(root->a == NULL);
    CHECK(root->b && root->b->kind == AST_NAMEDBLOCK && root->b->op == KW_END);
    CHECK(root->b->flags & NF_UNNAMED);
    Node *s1 = root->b->a->a;
    CHECK(s1->kind == AST_ASSIGN && s1->op == OP_ASSIGN);
    CHECK(s1->start == 0 && s1->end == 6);
    CHECK(s1->a->kind == AST_VARIABLE && strcmp(s1->a->str, "x") == 0 && s1->a->len == 1);
    CHECK(s1->b->kind == AST_NUMBER && s1->b->num.type == NUM_INT32 && s1->b->num.v.i == 1);
    Node *s2 = s1->next;
    CHECK(s2->kind == AST_PIPELINE && ast_count(s2->a) == 1);
    CHECK(s2->a->kind == AST_COMMAND && ast_count(s2->a->a) == 3);
    CHECK(s2->a->a->flags & NF_BAREWORD);
    CHECK(s2->a->a->next->kind == AST_CMDPARAM && strcmp(s2->a->a->next->str, "Name") == 0);
    SrcSpan sp = lex_span(prog_lexer(p), s2->start, s2->end);
    CHECK(sp.line == 2 && sp.col == 1);
    CHECK_STR(prog_file(p), "t.ps1");
    CHECK(prog_nerrors(p) == 0 && !prog_incomplete(p) && prog_error(p, 0) == NULL);
    CHECK(prog_ref(p) == p);
    prog_unref(p);
    prog_unref(p);
    prog_unref(NULL);
    CHECK(ast_count(NULL) == 0);
    CHECK_STR(ast_name[AST_PIPELINE], "pipeline");
    CHECK_STR(ast_name[AST_ERROR], "error");
}

static void test_nodes(void)
{
    const char *src = "echo 0x1a $global:v @s 'q' -- -p";
    Program *p = parse_program(src, strlen(src), NULL);
    Node *cmd = prog_root(p)->b->a->a->a;
    Node *num = cmd->a->next;
    CHECK(num->kind == AST_NUMBER && (num->flags & NF_ORIGTEXT) && num->num.v.i == 26);
    CHECK_STR(num->str, "0x1a");
    Node *var = num->next;
    CHECK(var->kind == AST_VARIABLE && var->b && strcmp(var->b->str, "global") == 0);
    CHECK_STR(var->str, "v");
    Node *splat = var->next;
    CHECK(splat->kind == AST_VARIABLE && (splat->flags & NF_SPLAT) && strcmp(splat->str, "s") == 0);
    Node *q = splat->next;
    CHECK(q->kind == AST_STRING && (q->flags & NF_QUOTED) && !(q->flags & NF_BAREWORD));
    CHECK(q->next->kind == AST_DASHDASH);
    CHECK(q->next->next->kind == AST_STRING && strcmp(q->next->next->str, "-p") == 0);
    prog_unref(p);

    const char *src2 = "{ param($a) $a }";
    p = parse_program(src2, strlen(src2), NULL);
    Node *sb = prog_root(p)->b->a->a;
    CHECK(sb->kind == AST_SBEXPR && sb->a->kind == AST_SCRIPTBLOCK);
    CHECK_STR(sb->a->str, " param($a) $a ");
    CHECK(sb->start == 0 && sb->end == strlen(src2));
    prog_unref(p);

    const char *src3 = "function f { 1 }";
    p = parse_program(src3, strlen(src3), NULL);
    CHECK_STR(prog_root(p)->b->a->a->a->str, " 1 ");
    prog_unref(p);

    const char *src4 = "a | b &";
    p = parse_program(src4, strlen(src4), NULL);
    CHECK_STR(prog_root(p)->b->a->a->str, "a | b");
    prog_unref(p);
}

/* Deep nesting is an error, never a stack overflow, and the input is still consumed. */
static void test_depth(void)
{
    static const char *open[] = {"(", "{", "@(", "$(", "[int]", "-", "!", "if (1) {", "@{a="};
    for (size_t k = 0; k < sizeof open / sizeof open[0]; k++) {
        size_t n = 100000, ol = strlen(open[k]);
        char *s = malloc(n * ol + 2);
        for (size_t i = 0; i < n; i++)
            memcpy(s + i * ol, open[k], ol);
        s[n * ol] = '1';
        s[n * ol + 1] = '\0';
        Program *p = parse_program(s, n * ol + 1, NULL);
        CHECK(prog_nerrors(p) == 1);
        CHECK_STR(prog_error(p, 0)->id, "ScriptTooDeeplyNested");
        CHECK(!prog_incomplete(p));
        StrBuf sb;
        sb_init(&sb);
        ast_dump(p, prog_root(p), &sb);
        CHECK(sb.len > 0);
        sb_free(&sb);
        prog_unref(p);
        free(s);
    }
    /* left-nested chains are bounded too */
    size_t n = 100000;
    char *s = malloc(n * 3 + 2);
    s[0] = '1';
    for (size_t i = 0; i < n; i++)
        memcpy(s + 1 + i * 3, " +1", 3);
    s[1 + n * 3] = '\0';
    char *e = errors_of(s);
    CHECK_STR(e, "ScriptTooDeeplyNested 1:2998");
    free(e);
    free(s);
    /* moderate nesting is fine */
    char *ok = dump_of("((((((((((1))))))))))");
    CHECK_STR(ok,
              "(paren (paren (paren (paren (paren (paren (paren (paren (paren (paren 1))))))))))");
    free(ok);
}

/* Garbage never hangs or crashes and always makes progress. */
static void test_garbage(void)
{
    static const char *junk[] = {
        "}}}}",  ")))",   "]]]",    "@{=}",     "@{;;}",    "$a.(",      "[]",
        "[[",    "&&&",   "||",     "|||",      "-",        "--",        "...",
        "::",    ",,,",   "=",      "+=",       "? :",      "1 ? 2",     "$(}",
        "@(}",   "{)",    "\"$(\"", "function", "param",    "switch",    "switch (1) { {",
        "try",   "catch", "trap",   "data",     "do",       "foreach (", "for (",
        "while", "if",    "elseif", "`",        "\x01\x02", "@",         "$",
        "${",    "'",     "#",      "<#",       "[int]::(", "$a[1,]",    "f -x:",
        "& & &", ". .",   "2>&1",   "<",
    };
    for (size_t i = 0; i < sizeof junk / sizeof junk[0]; i++) {
        Program *p = parse_program(junk[i], strlen(junk[i]), NULL);
        StrBuf sb;
        sb_init(&sb);
        ast_dump(p, prog_root(p), &sb);
        CHECK(prog_root(p) != NULL);
        sb_free(&sb);
        prog_unref(p);
    }
    Program *p = parse_program("a\0b", 3, NULL); /* embedded NUL */
    CHECK(prog_root(p)->len == 3);
    prog_unref(p);
    /* 2026-11-24 stress issue: NULs inside verbatim strings are kept (len, not strlen) */
    static const struct {
        const char *src;
        size_t len;
        const char *want;
        size_t wlen;
    } nul[] = {
        {"'it''s\0x'", 9, "it's\0x", 6},
        {"@'\na\0b\n'@", 9, "a\0b", 3},
        {"'\0'", 3, "\0", 1},
        {"'a\0'''", 6, "a\0'", 3},
    };
    for (size_t i = 0; i < sizeof nul / sizeof nul[0]; i++) {
        p = parse_program(nul[i].src, nul[i].len, NULL);
        const Node *v = prog_root(p)->b->a->a;
        CHECK(prog_nerrors(p) == 0 && v && v->kind == AST_STRING);
        CHECK(v && v->len == nul[i].wlen && memcmp(v->str, nul[i].want, nul[i].wlen) == 0);
        prog_unref(p);
    }
}

/* Error-heavy input keeps the first 1000 errors (memory stays bounded). */
static void test_error_cap(void)
{
    char *s = malloc(3001);
    memset(s, '}', 3000);
    s[3000] = '\0';
    Program *p = parse_program(s, 3000, NULL);
    CHECK(prog_nerrors(p) == 1000);
    CHECK(!prog_incomplete(p));
    CHECK_STR(prog_error(p, 999)->id, "UnexpectedToken");
    CHECK(prog_error(p, 999)->span.col == 1000);
    prog_unref(p);
    free(s);
}

int main(void)
{
    RUN(expr_cases, dump_of);
    RUN(access_cases, dump_of);
    RUN(literal_cases, dump_of);
    RUN(command_cases, dump_of);
    RUN(statement_cases, dump_of);
    RUN(function_cases, dump_of);
    RUN(error_cases, errors_of);
    test_messages();
    test_program_api();
    test_nodes();
    test_depth();
    test_garbage();
    test_error_cap();
    return check_done();
}
