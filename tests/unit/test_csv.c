/*
** test_csv: ConvertTo-Csv / ConvertFrom-Csv cores (cmdlets/csv.c): the pwsh 7.5 docs examples,
** quoting modes, columns from the first object, the lenient record parser, default header
** names, duplicate headers, round trips and UTF-8.
*/
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "check.h"
#include "cmdlets/csv.h"
#include "runtime/array.h"
#include "runtime/datefmt.h"
#include "runtime/hashtable.h"
#include "runtime/mem.h"
#include "runtime/object.h"

static char outbuf[1 << 14];

/* ConvertTo-Csv of the items of array `in` (consumed): the lines joined with '\n'. */
static const char *to_csv(Value in, const CsvOpts *o)
{
    CsvOpts def;
    if (!o) {
        csv_opts_init(&def);
        o = &def;
    }
    CsvWriter *w = csv_writer_new(o);
    Value lines = arr_new(TY_STRING, 0);
    for (size_t i = 0; i < arr_len(in); i++)
        csv_write_object(w, arr_peek(in, i), lines);
    StrBuf sb = {0};
    for (size_t i = 0; i < arr_len(lines); i++) {
        if (i) sb_putc(&sb, '\n');
        sb_puts(&sb, val_str_data(arr_peek(lines, i)));
    }
    snprintf(outbuf, sizeof outbuf, "%s", sb_str(&sb));
    sb_free(&sb);
    val_unref(lines);
    csv_writer_free(w);
    val_unref(in);
    return outbuf;
}

static Value one(Value v) /* a one-element array, consuming v */
{
    Value a = arr_from(&v, 1);
    val_unref(v);
    return a;
}

static Value two(Value a, Value b)
{
    Value items[2] = {a, b};
    Value r = arr_from(items, 2);
    val_unref(a);
    val_unref(b);
    return r;
}

static void set(Value o, const char *k, Value v) /* consumes v */
{
    if (ht_is(o)) {
        Value key = val_str(k);
        ht_set(o, key, v);
        val_unref(key);
    } else {
        object_set_prop(o, k, strlen(k), v);
    }
    val_unref(v);
}

static Value person(int ht, const char *name, int number)
{
    Value o = ht ? ht_new(0) : object_new_custom();
    set(o, "Name", val_str(name));
    set(o, "Number", val_int(number));
    return o;
}

/* ConvertFrom-Csv: rows rendered as "a=1;b=2|a=..." ($null as <null>), or "ERR:<msg>". */
static CsvError lasterr;
static const char *from_csv(const char *text, const CsvOpts *o)
{
    CsvOpts def;
    if (!o) {
        csv_opts_init(&def);
        o = &def;
    }
    Value rows;
    if (csv_parse(text, strlen(text), o, &rows, &lasterr)) {
        snprintf(outbuf, sizeof outbuf, "ERR:%s", lasterr.msg);
        return outbuf;
    }
    StrBuf sb = {0};
    for (size_t i = 0; i < arr_len(rows); i++) {
        Value r = arr_peek(rows, i);
        if (i) sb_putc(&sb, '|');
        CHECK(val_is(r, &cls_pscustomobject));
        for (size_t j = 0; j < object_nprops(r); j++) {
            const char *name;
            size_t len;
            Value v;
            object_prop_peek(r, j, &name, &len, &v);
            if (j) sb_putc(&sb, ';');
            sb_append(&sb, name, len);
            sb_putc(&sb, '=');
            if (val_is_null(v))
                sb_puts(&sb, "<null>");
            else
                sb_append(&sb, val_str_data(v), val_str_len(v));
        }
    }
    snprintf(outbuf, sizeof outbuf, "%s", sb_str(&sb));
    sb_free(&sb);
    val_unref(rows);
    return outbuf;
}

static void test_docs_write(void)
{
    /* ConvertTo-Csv Example 6: hashtables, keys of the first one as headers */
    CHECK_STR(to_csv(two(person(1, "John Smith", 1), person(1, "Jane Smith", 2)), NULL),
              "\"Name\",\"Number\"\n\"John Smith\",\"1\"\n\"Jane Smith\",\"2\"");
    /* Example 7: a note property added to each hashtable joins the columns */
    Value p1 = person(1, "John Smith", 1), p2 = person(1, "Jane Smith", 2);
    Value w1 = object_with_note(p1, "ExtraProp", 9, val_int(42));
    Value w2 = object_with_note(p2, "ExtraProp", 9, val_int(42));
    val_unref(p1);
    val_unref(p2);
    CHECK_STR(to_csv(two(w1, w2), NULL), "\"Name\",\"Number\",\"ExtraProp\"\n\"John Smith\",\"1\","
                                         "\"42\"\n\"Jane Smith\",\"2\",\"42\"");
    /* a note with the same name as a key: the key wins */
    Value p3 = person(1, "K", 1);
    Value note = val_str("note");
    Value w3 = object_with_note(p3, "name", 4, note);
    val_unref(p3);
    val_unref(note);
    CHECK_STR(to_csv(one(w3), NULL), "\"Name\",\"Number\"\n\"K\",\"1\"");
    /* the same objects as PSCustomObjects */
    CHECK_STR(to_csv(two(person(0, "John Smith", 1), person(0, "Jane Smith", 2)), NULL),
              "\"Name\",\"Number\"\n\"John Smith\",\"1\"\n\"Jane Smith\",\"2\"");
}

/* Get-Date: a Local DateTime wrapped with the DisplayHint note, as Get-Date returns it. */
static Value get_date(int h, int m, int sec, int frac)
{
    DtParts p = {
        .year = 2019, .month = 8, .day = 22, .hour = h, .minute = m, .second = sec, .frac = frac};
    Value hint = val_str("DateTime");
    Value d = object_with_note(val_datetime(dt_to_ticks(&p), DT_LOCAL), "DisplayHint", 11, hint);
    val_unref(hint);
    return d;
}

/* ConvertTo-Csv Examples 4 and 5 (pwsh 7.5 adds .NET 9's Microsecond and Nanosecond). */
static void test_docs_dates(void)
{
    CsvOpts o;
    csv_opts_init(&o);
    const char *qf[] = {"DateTime", "Date"};
    o.quote_fields = qf;
    o.nquote_fields = 2;
    CHECK_STR(to_csv(one(get_date(11, 27, 34, 5699784)), &o),
              "DisplayHint,\"DateTime\",\"Date\",Day,DayOfWeek,DayOfYear,Hour,Kind,Millisecond,"
              "Microsecond,Nanosecond,Minute,Month,Second,Ticks,TimeOfDay,Year\n"
              "DateTime,\"Thursday, August 22, 2019 11:27:34 AM\",\"8/22/2019 12:00:00 AM\",22,"
              "Thursday,234,11,Local,569,978,400,27,8,34,637020700545699784,11:27:34.5699784,2019");
    csv_opts_init(&o);
    o.quote = CSV_QUOTE_ASNEEDED;
    CHECK_STR(to_csv(one(get_date(11, 31, 0, 7132640)), &o),
              "DisplayHint,DateTime,Date,Day,DayOfWeek,DayOfYear,Hour,Kind,Millisecond,"
              "Microsecond,Nanosecond,Minute,Month,Second,Ticks,TimeOfDay,Year\n"
              "DateTime,\"Thursday, August 22, 2019 11:31:00 AM\",8/22/2019 12:00:00 AM,22,"
              "Thursday,234,11,Local,713,264,0,31,8,0,637020702607132640,11:31:00.7132640,2019");
    /* a bare [datetime]: no DisplayHint; Kind Unspecified; invariant culture */
    DtParts p = {.year = 2026, .month = 11, .day = 24, .hour = 13, .minute = 45, .second = 10};
    o.culture = NF_INVARIANT;
    o.delimiter = ';';
    CHECK_STR(to_csv(one(val_datetime(dt_to_ticks(&p), DT_UNSPECIFIED)), &o),
              "DateTime;Date;Day;DayOfWeek;DayOfYear;Hour;Kind;Millisecond;Microsecond;Nanosecond;"
              "Minute;Month;Second;Ticks;TimeOfDay;Year\n"
              "Tuesday, 24 November 2026 13:45:10;11/24/2026 00:00:00;24;Tuesday;328;13;"
              "Unspecified;0;0;0;45;11;10;639311247100000000;13:45:10;2026");
}

static void test_quoting(void)
{
    CsvOpts o;
    csv_opts_init(&o);
    Value r = object_new_custom();
    set(r, "Plain", val_str("abc"));
    set(r, "Comma", val_str("a,b"));
    set(r, "Quote", val_str("say \"hi\""));
    set(r, "Line", val_str("l1\nl2"));
    set(r, "Empty", val_str(""));
    set(r, "Null", val_null());
    CHECK_STR(to_csv(one(val_ref(r)), &o),
              "\"Plain\",\"Comma\",\"Quote\",\"Line\",\"Empty\",\"Null\"\n"
              "\"abc\",\"a,b\",\"say \"\"hi\"\"\",\"l1\nl2\",\"\",");
    o.quote = CSV_QUOTE_ASNEEDED;
    CHECK_STR(to_csv(one(val_ref(r)), &o), "Plain,Comma,Quote,Line,Empty,Null\n"
                                           "abc,\"a,b\",\"say \"\"hi\"\"\",\"l1\nl2\",,");
    o.quote = CSV_QUOTE_NEVER;
    CHECK_STR(to_csv(one(val_ref(r)), &o), "Plain,Comma,Quote,Line,Empty,Null\n"
                                           "abc,a,b,say \"hi\",l1\nl2,,");
    /* -QuoteFields: only those columns (case-insensitive), header included */
    const char *qf[] = {"comma", "Plain"};
    o.quote = CSV_QUOTE_ALWAYS;
    o.quote_fields = qf;
    o.nquote_fields = 2;
    CHECK_STR(to_csv(one(val_ref(r)), &o), "\"Plain\",\"Comma\",Quote,Line,Empty,Null\n"
                                           "\"abc\",\"a,b\",say \"hi\",l1\nl2,,");
    o.quote_fields = NULL;
    o.nquote_fields = 0;
    /* -Delimiter ';' (docs Example 2 style) and AsNeeded sees the new delimiter */
    o.delimiter = ';';
    CHECK_STR(to_csv(one(val_ref(r)), &o),
              "\"Plain\";\"Comma\";\"Quote\";\"Line\";\"Empty\";\"Null\"\n"
              "\"abc\";\"a,b\";\"say \"\"hi\"\"\";\"l1\nl2\";\"\";");
    o.quote = CSV_QUOTE_ASNEEDED;
    CHECK_STR(to_csv(one(val_ref(r)), &o),
              "Plain;Comma;Quote;Line;Empty;Null\nabc;a,b;\"say \"\"hi\"\"\";\"l1\nl2\";;");
    /* a tab and a non-ASCII delimiter */
    o.delimiter = '\t';
    o.quote = CSV_QUOTE_ALWAYS;
    CHECK_STR(to_csv(one(person(0, "x", 1)), &o), "\"Name\"\t\"Number\"\n\"x\"\t\"1\"");
    o.delimiter = 0xA7; /* section sign */
    CHECK_STR(to_csv(one(person(0, "x", 1)), &o), "\"Name\"\xC2\xA7\"Number\"\n\"x\"\xC2\xA7\"1\"");
    val_unref(r);
}

static void test_header_options(void)
{
    CsvOpts o;
    csv_opts_init(&o);
    o.include_type = 1;
    CHECK_STR(
        to_csv(one(person(0, "a", 1)), &o),
        "#TYPE System.Management.Automation.PSCustomObject\n\"Name\",\"Number\"\n\"a\",\"1\"");
    CHECK_STR(to_csv(one(person(1, "a", 1)), &o),
              "#TYPE System.Collections.Hashtable\n\"Name\",\"Number\"\n\"a\",\"1\"");
    o.no_header = 1;
    CHECK_STR(to_csv(one(person(0, "a", 1)), &o),
              "#TYPE System.Management.Automation.PSCustomObject\n\"a\",\"1\"");
    o.include_type = 0;
    CHECK_STR(to_csv(two(person(0, "a", 1), person(0, "b", 2)), &o), "\"a\",\"1\"\n\"b\",\"2\"");
    /* fixed columns (Export-Csv -Append) */
    CsvOpts d;
    csv_opts_init(&d);
    CsvWriter *w = csv_writer_new(&d);
    const char *cols[] = {"Number", "Missing"};
    csv_writer_set_columns(w, cols, 2);
    CHECK(csv_writer_ncolumns(w) == 2);
    Value lines = arr_new(TY_STRING, 0);
    Value p = person(0, "a", 7);
    csv_write_object(w, p, lines);
    CHECK(arr_len(lines) == 1);
    CHECK_STR(val_str_data(arr_peek(lines, 0)), "\"7\",");
    StrBuf sb = {0};
    csv_write_header(w, &sb);
    CHECK_STR(sb_str(&sb), "\"Number\",\"Missing\"");
    sb_clear(&sb);
    csv_write_type(p, &sb);
    CHECK_STR(sb_str(&sb), "#TYPE System.Management.Automation.PSCustomObject");
    sb_free(&sb);
    val_unref(p);
    val_unref(lines);
    csv_writer_free(w);
}

static void test_columns(void)
{
    /* the first object's properties decide; missing ones are empty, extra ones ignored */
    Value a = object_new_custom();
    set(a, "A", val_int(1));
    set(a, "B", val_int(2));
    Value b = object_new_custom();
    set(b, "b", val_str("bee"));
    set(b, "C", val_str("ignored"));
    CHECK_STR(to_csv(two(a, b), NULL), "\"A\",\"B\"\n\"1\",\"2\"\n,\"bee\"");
    /* strings have one property, Length */
    CHECK_STR(to_csv(two(val_str("hello"), val_str("\xC3\xA9t\xC3\xA9")), NULL),
              "\"Length\"\n\"5\"\n\"3\"");
    /* scalars have none: empty lines */
    CHECK_STR(to_csv(two(val_int(1), val_int(2)), NULL), "\n\n");
    /* an ordered hashtable keeps its order */
    Value h = ht_new(1);
    set(h, "z", val_int(1));
    set(h, "a", val_int(2));
    CHECK_STR(to_csv(one(h), NULL), "\"z\",\"a\"\n\"1\",\"2\"");
    /* a hashtable after a PSCustomObject is looked up by key */
    Value h2 = ht_new(0);
    set(h2, "name", val_str("from-ht"));
    CHECK_STR(to_csv(two(person(0, "x", 1), h2), NULL),
              "\"Name\",\"Number\"\n\"x\",\"1\"\n\"from-ht\",");
    /* an empty PSCustomObject: empty header and row */
    CHECK_STR(to_csv(one(object_new_custom()), NULL), "\n");
}

static void test_cells(void)
{
    Value o = object_new_custom();
    set(o, "d", val_double(0.1 + 0.2));
    set(o, "i", val_double(1e20));
    set(o, "w", val_double(2.0));
    set(o, "f", val_single(0.1f));
    set(o, "b", val_bool(1));
    set(o, "c", val_char('x'));
    set(o, "l", val_long(-5));
    Value arr = two(val_int(1), val_int(2));
    set(o, "a", arr);
    set(o, "h", ht_new(0));
    Value inner = person(0, "n", 1);
    set(o, "o", inner);
    set(o, "t", val_timespan(900050000));
    CHECK_STR(to_csv(one(o), NULL),
              "\"d\",\"i\",\"w\",\"f\",\"b\",\"c\",\"l\",\"a\",\"h\",\"o\",\"t\"\n"
              "\"0.30000000000000004\",\"1E+20\",\"2\",\"0.1\",\"True\",\"x\",\"-5\","
              "\"System.Object[]\",\"System.Collections.Hashtable\",\"@{Name=n; Number=1}\","
              "\"00:01:30.0050000\"");
    DtParts p = {.year = 2019, .month = 8, .day = 22, .hour = 11, .minute = 27, .second = 34};
    Value d = object_new_custom();
    set(d, "Date", val_datetime(dt_to_ticks(&p), DT_UNSPECIFIED));
    CHECK_STR(to_csv(one(val_ref(d)), NULL), "\"Date\"\n\"8/22/2019 11:27:34 AM\"");
    CsvOpts o2;
    csv_opts_init(&o2);
    o2.culture = NF_INVARIANT;
    CHECK_STR(to_csv(one(d), &o2), "\"Date\"\n\"08/22/2019 11:27:34\"");
    Value u = object_new_custom();
    set(u, "s", val_str("caf\xC3\xA9 \xF0\x9F\x98\x80"));
    CHECK_STR(to_csv(one(u), NULL), "\"s\"\n\"caf\xC3\xA9 \xF0\x9F\x98\x80\"");
}

static void test_docs_read(void)
{
    /* Import-Csv Example 6: a missing header name becomes H1, with a warning */
    CHECK_STR(from_csv("ProjectID,ProjectName,,Completed\n13,Inventory,Redmond,True\n"
                       "440,,FarEast,True\n469,Marketing,Europe,False\n",
                       NULL),
              "ProjectID=13;ProjectName=Inventory;H1=Redmond;Completed=True|"
              "ProjectID=440;ProjectName=;H1=FarEast;Completed=True|"
              "ProjectID=469;ProjectName=Marketing;H1=Europe;Completed=False");
    CHECK_STR(lasterr.warning, "One or more headers weren't specified. Default names starting "
                               "with \"H\" have been used in place of any missing headers.");
    /* Example 5: -Header over headerless data */
    CsvOpts o;
    csv_opts_init(&o);
    const char *hdr[] = {"LinkID", "TopicTitle"};
    o.header = hdr;
    o.nheader = 2;
    CHECK_STR(from_csv("113207,about_Aliases\n113208,about_Arithmetic_Operators\n", &o),
              "LinkID=113207;TopicTitle=about_Aliases|"
              "LinkID=113208;TopicTitle=about_Arithmetic_Operators");
    CHECK_STR(lasterr.warning, "");
    /* more headers than values: $null; fewer: the rest is discarded */
    const char *h3[] = {"a", "b", "c"};
    o.header = h3;
    o.nheader = 3;
    CHECK_STR(from_csv("1,2\n1,2,3\n", &o), "a=1;b=2;c=<null>|a=1;b=2;c=3");
    o.nheader = 1;
    CHECK_STR(from_csv("1,2\n", &o), "a=1");
    /* ConvertTo-Csv output reads back (docs round trip) */
    CHECK_STR(from_csv("\"Name\",\"Number\"\n\"John Smith\",\"1\"\n\"Jane Smith\",\"2\"", NULL),
              "Name=John Smith;Number=1|Name=Jane Smith;Number=2");
}

static void test_parse_fields(void)
{
    CHECK_STR(from_csv("a,b\n\"x,y\",\"say \"\"hi\"\"\"\n", NULL), "a=x,y;b=say \"hi\"");
    CHECK_STR(from_csv("a,b\n\"multi\nline\",2\n", NULL), "a=multi\nline;b=2");
    CHECK_STR(from_csv("a,b\r\n\"l1\r\nl2\",2\r\n3,4\r\n", NULL), "a=l1\r\nl2;b=2|a=3;b=4");
    CHECK_STR(from_csv("a,b\r1,2\r3,4", NULL), "a=1;b=2|a=3;b=4");
    CHECK_STR(from_csv("a,b\n1,\n,2\n", NULL), "a=1;b=|a=;b=2");
    CHECK_STR(from_csv("a,b\n1\n", NULL), "a=1;b=<null>");
    CHECK_STR(from_csv("a,b\n1,2,3,4\n", NULL), "a=1;b=2");
    /* blank lines are skipped anywhere */
    CHECK_STR(from_csv("\n\na,b\n\n1,2\n\n\n3,4\n\n", NULL), "a=1;b=2|a=3;b=4");
    /* leading blanks of a field are dropped, trailing ones kept */
    CHECK_STR(from_csv("a, b\n 1 ,  \"2\"  \n", NULL), "a=1 ;b=2");
    /* quotes in the middle of a field are literal; text after a closing quote is kept */
    CHECK_STR(from_csv("a,b\nab\"c,\"x\"yz\n", NULL), "a=ab\"c;b=xyz");
    /* an unterminated quote runs to the end */
    CHECK_STR(from_csv("a\n\"open,still\nopen", NULL), "a=open,still\nopen");
    /* quoted header names, delimiters inside them */
    CHECK_STR(from_csv("\"a,1\",\"b\"\"2\"\nx,y", NULL), "a,1=x;b\"2=y");
    /* other delimiters */
    CsvOpts o;
    csv_opts_init(&o);
    o.delimiter = ';';
    CHECK_STR(from_csv("a;b\n1,5;2\n", &o), "a=1,5;b=2");
    o.delimiter = '\t';
    CHECK_STR(from_csv("a\tb\n1\t2\n", &o), "a=1;b=2");
    o.delimiter = 0xA7;
    CHECK_STR(from_csv("a\xC2\xA7"
                       "b\n1\xC2\xA7\"2\xC2\xA7\"\n",
                       &o),
              "a=1;b=2\xC2\xA7");
    /* the wrong delimiter: one column holding whole lines */
    o.delimiter = ':';
    CHECK_STR(from_csv("a,b\n1,2\n", &o), "a,b=1,2");
    /* UTF-8 */
    CHECK_STR(from_csv("n\xC3\xA4me,\xF0\x9F\x98\x80\ncaf\xC3\xA9,x\n", NULL),
              "n\xC3\xA4me=caf\xC3\xA9;\xF0\x9F\x98\x80=x");
}

static void test_parse_headers(void)
{
    /* #TYPE line and comments before the header */
    CHECK_STR(from_csv("#TYPE System.Management.Automation.PSCustomObject\n\"a\"\n1\n", NULL),
              "a=1");
    CHECK_STR(from_csv("#TYPE Foo\n# a comment\n#another\na,b\n1,2\n", NULL), "a=1;b=2");
    /* W3C #Fields: supplies the header */
    CHECK_STR(from_csv("#Version: 1.0\n#Fields: date,time\n2024-01-01,10:00\n", NULL),
              "date=2024-01-01;time=10:00");
    /* several empty names: H1, H2 */
    CHECK_STR(from_csv(",x,\n1,2,3\n", NULL), "H1=1;x=2;H2=3");
    CHECK(lasterr.warning[0] != 0);
    /* duplicate names fail, case-insensitively */
    CHECK_STR(from_csv("a,b,A\n1,2,3\n", NULL), "ERR:The member \"A\" is already present.");
    CHECK_STR(lasterr.id, "AlreadyPresentPSMemberInfoInternalCollectionAdd");
    CsvOpts o;
    csv_opts_init(&o);
    const char *dup[] = {"x", "y", "x"};
    o.header = dup;
    o.nheader = 3;
    CHECK_STR(from_csv("1,2,3\n", &o), "ERR:The member \"x\" is already present.");
    /* no data rows; no input at all */
    CHECK_STR(from_csv("a,b\n", NULL), "");
    CHECK_STR(from_csv("", NULL), "");
    CHECK_STR(from_csv("\n\n", NULL), "");
    Value rows;
    CsvError e;
    CHECK(csv_parse("a\n1\n2\n", 6, &(CsvOpts){.delimiter = ','}, &rows, &e) == 0);
    CHECK(arr_len(rows) == 2);
    CHECK_STR(val_type_name(arr_peek(rows, 0)), "PSCustomObject");
    Value v;
    CHECK(val_get_prop(arr_peek(rows, 1), "A", 1, &v)); /* case-insensitive property */
    CHECK_STR(val_str_data(v), "2");
    val_unref(v);
    val_unref(rows);
}

/* Export-Csv -Append: columns from the file, and the mismatch check. */
static void test_append(void)
{
    CsvOpts o;
    csv_opts_init(&o);
    Value names = csv_header_names("#TYPE X\n\"Name\",\"Number\"\n\"a\",\"1\"\n", 33, &o);
    CHECK(arr_len(names) == 2);
    CHECK_STR(val_type_name(names), "String[]");
    CHECK_STR(val_str_data(arr_peek(names, 0)), "Name");
    CHECK_STR(val_str_data(arr_peek(names, 1)), "Number");
    const char *cols[2] = {val_str_data(arr_peek(names, 0)), val_str_data(arr_peek(names, 1))};
    CsvWriter *w = csv_writer_new(&o);
    csv_writer_set_columns(w, cols, 2);
    val_unref(names);
    CsvError e;
    Value p = person(0, "b", 2);
    CHECK(csv_writer_check_append(w, p, "/tmp/x.csv", &e) == 0);
    val_unref(p);
    Value q = object_new_custom();
    set(q, "name", val_null()); /* present but $null: fine */
    CHECK(csv_writer_check_append(w, q, "/tmp/x.csv", &e) == -1);
    CHECK_STR(e.id, "CannotAppendCsvWithMismatchedPropertyNames");
    CHECK_STR(e.msg, "Cannot append CSV content to the following file: /tmp/x.csv. The appended "
                     "object does not have a property that corresponds to the following column: "
                     "Number. To continue with mismatched properties, add the -Force parameter, "
                     "and then retry the command.");
    Value lines = arr_new(TY_STRING, 0);
    csv_write_object(w, q, lines); /* -Force: the missing column is empty */
    CHECK(arr_len(lines) == 1);
    CHECK_STR(val_str_data(arr_peek(lines, 0)), ",");
    val_unref(lines);
    val_unref(q);
    csv_writer_free(w);
    names = csv_header_names("", 0, &o);
    CHECK(arr_len(names) == 0);
    val_unref(names);
    names = csv_header_names("\n\na;b\n", 7, &(CsvOpts){.delimiter = ';'});
    CHECK(arr_len(names) == 2);
    val_unref(names);
}

/* Write then read back: the values come back as strings, in order. */
static void test_roundtrip(void)
{
    const char *vals[] = {"plain", "with,comma", "with \"quotes\"", "multi\nline",
                          "",      " padded",    "caf\xC3\xA9",     "a;b"};
    size_t n = sizeof vals / sizeof *vals;
    CsvQuote modes[] = {CSV_QUOTE_ALWAYS, CSV_QUOTE_ASNEEDED};
    for (int m = 0; m < 2; m++) {
        Value o = object_new_custom();
        for (size_t i = 0; i < n; i++) {
            char name[8];
            snprintf(name, sizeof name, "c%zu", i);
            set(o, name, val_str(vals[i]));
        }
        CsvOpts opt;
        csv_opts_init(&opt);
        opt.quote = modes[m];
        char text[1024];
        snprintf(text, sizeof text, "%s", to_csv(one(o), &opt));
        Value rows;
        CsvError e;
        CHECK(csv_parse(text, strlen(text), &opt, &rows, &e) == 0);
        CHECK(arr_len(rows) == 1);
        Value r = arr_peek(rows, 0);
        CHECK(object_nprops(r) == n);
        for (size_t i = 0; i < n && i < object_nprops(r); i++) {
            const char *name;
            size_t len;
            Value v;
            object_prop_peek(r, i, &name, &len, &v);
            /* AsNeeded leaves " padded" unquoted, and the reader drops leading blanks */
            const char *want = (m == 1 && i == 5) ? "padded" : vals[i];
            CHECK_STR(val_str_data(v), want);
        }
        val_unref(rows);
    }
}

int main(void)
{
    test_docs_write();
    test_docs_dates();
    test_quoting();
    test_header_options();
    test_columns();
    test_cells();
    test_docs_read();
    test_parse_fields();
    test_parse_headers();
    test_append();
    test_roundtrip();
    return check_done();
}
