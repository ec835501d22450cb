/*
** getmember: Get-Member over data tables of members.  Per input object of a type not seen
** yet: collect its members (the type's table or System.Object's methods, then its note and
** class properties), filter by -Name / -MemberType, sort by MemberType then Name (pwsh's
** comparer, case-insensitive), and emit MemberDefinition records.
*/
#include "cmdlets/getmember.h"

#include <stdlib.h>
#include <string.h>

#include "cmdlets/cmdutil.h"
#include "runtime/array.h"
#include "runtime/convert.h"
#include "runtime/eval.h"
#include "runtime/fmt_view.h"
#include "runtime/mem.h"
#include "runtime/object.h"
#include "runtime/wildcard.h"

#define NPARAMS(p) (int)(sizeof(p) / sizeof(p[0]))

typedef struct MemberSpec {
    const char *name, *kind, *def;
} MemberSpec;

typedef struct TypeMembers {
    TypeId id;
    const MemberSpec *m;
    size_t n;
    int convertible; /* the IConvertible members come too */
} TypeMembers;

/* ---- System.Object: what every type has ---- */
static const MemberSpec object_members[] = {
    {"Equals", "Method", "bool Equals(System.Object obj)"},
    {"GetHashCode", "Method", "int GetHashCode()"},
    {"GetType", "Method", "type GetType()"},
    {"ToString", "Method", "string ToString()"},
};

/* ---- the IConvertible members strings, numbers, bool and char share ---- */
static const MemberSpec convertible_members[] = {
    {"GetTypeCode", "Method",
     "System.TypeCode GetTypeCode(), System.TypeCode IConvertible.GetTypeCode()"},
    {"ToBoolean", "Method", "bool IConvertible.ToBoolean(System.IFormatProvider provider)"},
    {"ToByte", "Method", "byte IConvertible.ToByte(System.IFormatProvider provider)"},
    {"ToChar", "Method", "char IConvertible.ToChar(System.IFormatProvider provider)"},
    {"ToDateTime", "Method", "datetime IConvertible.ToDateTime(System.IFormatProvider provider)"},
    {"ToDecimal", "Method", "decimal IConvertible.ToDecimal(System.IFormatProvider provider)"},
    {"ToDouble", "Method", "double IConvertible.ToDouble(System.IFormatProvider provider)"},
    {"ToInt16", "Method", "short IConvertible.ToInt16(System.IFormatProvider provider)"},
    {"ToInt32", "Method", "int IConvertible.ToInt32(System.IFormatProvider provider)"},
    {"ToInt64", "Method", "long IConvertible.ToInt64(System.IFormatProvider provider)"},
    {"ToSByte", "Method", "sbyte IConvertible.ToSByte(System.IFormatProvider provider)"},
    {"ToSingle", "Method", "float IConvertible.ToSingle(System.IFormatProvider provider)"},
    {"ToType", "Method",
     "System.Object IConvertible.ToType(type conversionType, System.IFormatProvider provider)"},
    {"ToUInt16", "Method", "ushort IConvertible.ToUInt16(System.IFormatProvider provider)"},
    {"ToUInt32", "Method", "uint IConvertible.ToUInt32(System.IFormatProvider provider)"},
    {"ToUInt64", "Method", "ulong IConvertible.ToUInt64(System.IFormatProvider provider)"},
};

/* ---- System.String ---- */
static const MemberSpec string_members[] = {
    {"Clone", "Method", "System.Object Clone(), System.Object ICloneable.Clone()"},
    {"CompareTo", "Method",
     "int CompareTo(System.Object value), int CompareTo(string strB), int "
     "IComparable.CompareTo(System.Object obj), int IComparable[string].CompareTo(string other)"},
    {"Contains", "Method",
     "bool Contains(string value), bool Contains(string value, System.StringComparison "
     "comparisonType), bool Contains(char value), bool Contains(char value, "
     "System.StringComparison comparisonType)"},
    {"CopyTo", "Method",
     "void CopyTo(int sourceIndex, char[] destination, int destinationIndex, int count)"},
    {"EndsWith", "Method",
     "bool EndsWith(string value), bool EndsWith(string value, System.StringComparison "
     "comparisonType), bool EndsWith(string value, bool ignoreCase, cultureinfo culture), bool "
     "EndsWith(char value)"},
    {"EnumerateRunes", "Method", "System.Text.StringRuneEnumerator EnumerateRunes()"},
    {"Equals", "Method",
     "bool Equals(System.Object obj), bool Equals(string value), bool Equals(string value, "
     "System.StringComparison comparisonType), bool IEquatable[string].Equals(string other)"},
    {"GetEnumerator", "Method",
     "System.CharEnumerator GetEnumerator(), System.Collections.IEnumerator "
     "IEnumerable.GetEnumerator(), System.Collections.Generic.IEnumerator[char] "
     "IEnumerable[char].GetEnumerator()"},
    {"GetHashCode", "Method",
     "int GetHashCode(), int GetHashCode(System.StringComparison comparisonType)"},
    {"GetType", "Method", "type GetType()"},
    {"IndexOf", "Method",
     "int IndexOf(char value), int IndexOf(char value, int startIndex), int IndexOf(char value, "
     "System.StringComparison comparisonType), int IndexOf(char value, int startIndex, int "
     "count), int IndexOf(string value), int IndexOf(string value, int startIndex), int "
     "IndexOf(string value, int startIndex, int count), int IndexOf(string value, "
     "System.StringComparison comparisonType), int IndexOf(string value, int startIndex, "
     "System.StringComparison comparisonType), int IndexOf(string value, int startIndex, int "
     "count, System.StringComparison comparisonType)"},
    {"IndexOfAny", "Method",
     "int IndexOfAny(char[] anyOf), int IndexOfAny(char[] anyOf, int startIndex), int "
     "IndexOfAny(char[] anyOf, int startIndex, int count)"},
    {"Insert", "Method", "string Insert(int startIndex, string value)"},
    {"IsNormalized", "Method",
     "bool IsNormalized(), bool IsNormalized(System.Text.NormalizationForm normalizationForm)"},
    {"LastIndexOf", "Method",
     "int LastIndexOf(char value), int LastIndexOf(char value, int startIndex), int "
     "LastIndexOf(char value, int startIndex, int count), int LastIndexOf(string value), int "
     "LastIndexOf(string value, int startIndex), int LastIndexOf(string value, int startIndex, "
     "int count), int LastIndexOf(string value, int startIndex, int count, "
     "System.StringComparison comparisonType), int LastIndexOf(string value, int startIndex, "
     "System.StringComparison comparisonType), int LastIndexOf(string value, "
     "System.StringComparison comparisonType)"},
    {"LastIndexOfAny", "Method",
     "int LastIndexOfAny(char[] anyOf), int LastIndexOfAny(char[] anyOf, int startIndex), int "
     "LastIndexOfAny(char[] anyOf, int startIndex, int count)"},
    {"Normalize", "Method",
     "string Normalize(), string Normalize(System.Text.NormalizationForm normalizationForm)"},
    {"PadLeft", "Method",
     "string PadLeft(int totalWidth), string PadLeft(int totalWidth, char paddingChar)"},
    {"PadRight", "Method",
     "string PadRight(int totalWidth), string PadRight(int totalWidth, char paddingChar)"},
    {"Remove", "Method", "string Remove(int startIndex, int count), string Remove(int startIndex)"},
    {"Replace", "Method",
     "string Replace(string oldValue, string newValue, bool ignoreCase, cultureinfo culture), "
     "string Replace(string oldValue, string newValue, System.StringComparison comparisonType), "
     "string Replace(char oldChar, char newChar), string Replace(string oldValue, string "
     "newValue)"},
    {"Split", "Method",
     "string[] Split(char separator, System.StringSplitOptions options), string[] Split(char "
     "separator, int count, System.StringSplitOptions options), string[] Split(Params char[] "
     "separator), string[] Split(char[] separator, int count), string[] Split(char[] separator, "
     "System.StringSplitOptions options), string[] Split(char[] separator, int count, "
     "System.StringSplitOptions options), string[] Split(string separator, "
     "System.StringSplitOptions options), string[] Split(string separator, int count, "
     "System.StringSplitOptions options), string[] Split(string[] separator, "
     "System.StringSplitOptions options), string[] Split(string[] separator, int count, "
     "System.StringSplitOptions options)"},
    {"StartsWith", "Method",
     "bool StartsWith(string value), bool StartsWith(string value, System.StringComparison "
     "comparisonType), bool StartsWith(string value, bool ignoreCase, cultureinfo culture), bool "
     "StartsWith(char value)"},
    {"Substring", "Method",
     "string Substring(int startIndex), string Substring(int startIndex, int length)"},
    {"ToCharArray", "Method",
     "char[] ToCharArray(), char[] ToCharArray(int startIndex, int length)"},
    {"ToLower", "Method", "string ToLower(), string ToLower(cultureinfo culture)"},
    {"ToLowerInvariant", "Method", "string ToLowerInvariant()"},
    {"ToString", "Method",
     "string ToString(), string ToString(System.IFormatProvider provider), string "
     "IConvertible.ToString(System.IFormatProvider provider)"},
    {"ToUpper", "Method", "string ToUpper(), string ToUpper(cultureinfo culture)"},
    {"ToUpperInvariant", "Method", "string ToUpperInvariant()"},
    {"Trim", "Method",
     "string Trim(), string Trim(char trimChar), string Trim(Params char[] trimChars)"},
    {"TrimEnd", "Method",
     "string TrimEnd(), string TrimEnd(char trimChar), string TrimEnd(Params char[] trimChars)"},
    {"TrimStart", "Method",
     "string TrimStart(), string TrimStart(char trimChar), string TrimStart(Params char[] "
     "trimChars)"},
    {"Chars", "ParameterizedProperty", "char Chars(int index) {get;}"},
    {"Length", "Property", "int Length {get;}"},
};

static const MemberSpec string_statics[] = {
    {"Compare", "Method",
     "static int Compare(string strA, string strB), static int Compare(string strA, string strB, "
     "bool ignoreCase), static int Compare(string strA, string strB, System.StringComparison "
     "comparisonType)"},
    {"CompareOrdinal", "Method",
     "static int CompareOrdinal(string strA, string strB), static int CompareOrdinal(string strA, "
     "int indexA, string strB, int indexB, int length)"},
    {"Concat", "Method",
     "static string Concat(System.Object arg0), static string Concat(System.Object arg0, "
     "System.Object arg1), static string Concat(Params System.Object[] args), static string "
     "Concat(string str0, string str1), static string Concat(Params string[] values)"},
    {"Equals", "Method",
     "static bool Equals(string a, string b), static bool Equals(string a, string b, "
     "System.StringComparison comparisonType), static bool Equals(System.Object objA, "
     "System.Object objB)"},
    {"Format", "Method",
     "static string Format(string format, System.Object arg0), static string Format(string "
     "format, System.Object arg0, System.Object arg1), static string Format(string format, "
     "Params System.Object[] args)"},
    {"IsNullOrEmpty", "Method", "static bool IsNullOrEmpty(string value)"},
    {"IsNullOrWhiteSpace", "Method", "static bool IsNullOrWhiteSpace(string value)"},
    {"Join", "Method",
     "static string Join(char separator, Params string[] value), static string Join(char "
     "separator, Params System.Object[] values), static string Join(string separator, Params "
     "string[] value), static string Join(string separator, Params System.Object[] values)"},
    {"ReferenceEquals", "Method",
     "static bool ReferenceEquals(System.Object objA, System.Object objB)"},
    {"Empty", "Property", "static string Empty {get;}"},
};

/* ---- System.Int32, System.Int64, System.Double ---- */
#define NUMBER_MEMBERS(t)                                                                          \
    {"CompareTo", "Method",                                                                        \
     "int CompareTo(System.Object value), int CompareTo(" t " value), int "                        \
     "IComparable.CompareTo(System.Object obj), int IComparable[" t "].CompareTo(" t " other)"},   \
        {"Equals", "Method",                                                                       \
         "bool Equals(System.Object obj), bool Equals(" t " obj), bool IEquatable[" t              \
         "].Equals(" t " other)"},                                                                 \
        {"GetHashCode", "Method", "int GetHashCode()"}, {"GetType", "Method", "type GetType()"},   \
    {                                                                                              \
        "ToString", "Method",                                                                      \
            "string ToString(), string ToString(string format), string "                           \
            "ToString(System.IFormatProvider provider), string ToString(string format, "           \
            "System.IFormatProvider provider), string IFormattable.ToString(string format, "       \
            "System.IFormatProvider formatProvider)"                                               \
    }
static const MemberSpec int_members[] = {NUMBER_MEMBERS("int")};
static const MemberSpec long_members[] = {NUMBER_MEMBERS("long")};
static const MemberSpec double_members[] = {NUMBER_MEMBERS("double")};

static const MemberSpec int_statics[] = {
    {"Equals", "Method", "static bool Equals(System.Object objA, System.Object objB)"},
    {"Parse", "Method",
     "static int Parse(string s), static int Parse(string s, System.Globalization.NumberStyles "
     "style), static int Parse(string s, System.IFormatProvider provider), static int "
     "Parse(string s, System.Globalization.NumberStyles style, System.IFormatProvider provider)"},
    {"ReferenceEquals", "Method",
     "static bool ReferenceEquals(System.Object objA, System.Object objB)"},
    {"TryParse", "Method",
     "static bool TryParse(string s, [ref] int result), static bool TryParse(string s, "
     "System.Globalization.NumberStyles style, System.IFormatProvider provider, [ref] int "
     "result)"},
    {"MaxValue", "Property", "static int MaxValue {get;}"},
    {"MinValue", "Property", "static int MinValue {get;}"},
};

/* ---- System.Boolean, System.Char ---- */
static const MemberSpec bool_members[] = {
    {"CompareTo", "Method",
     "int CompareTo(System.Object obj), int CompareTo(bool value), int "
     "IComparable.CompareTo(System.Object obj), int IComparable[bool].CompareTo(bool other)"},
    {"Equals", "Method",
     "bool Equals(System.Object obj), bool Equals(bool obj), bool IEquatable[bool].Equals(bool "
     "other)"},
    {"GetHashCode", "Method", "int GetHashCode()"},
    {"GetType", "Method", "type GetType()"},
    {"ToString", "Method",
     "string ToString(), string ToString(System.IFormatProvider provider), string "
     "IConvertible.ToString(System.IFormatProvider provider)"},
};
static const MemberSpec char_members[] = {
    {"CompareTo", "Method",
     "int CompareTo(System.Object value), int CompareTo(char value), int "
     "IComparable.CompareTo(System.Object obj), int IComparable[char].CompareTo(char other)"},
    {"Equals", "Method",
     "bool Equals(System.Object obj), bool Equals(char obj), bool IEquatable[char].Equals(char "
     "other)"},
    {"GetHashCode", "Method", "int GetHashCode()"},
    {"GetType", "Method", "type GetType()"},
    {"ToString", "Method",
     "string ToString(), string ToString(System.IFormatProvider provider), string "
     "IConvertible.ToString(System.IFormatProvider provider)"},
};

/* ---- System.Collections.Hashtable ---- */
static const MemberSpec hashtable_members[] = {
    {"Add", "Method",
     "void Add(System.Object key, System.Object value), void IDictionary.Add(System.Object key, "
     "System.Object value)"},
    {"Clear", "Method", "void Clear(), void IDictionary.Clear()"},
    {"Clone", "Method", "System.Object Clone(), System.Object ICloneable.Clone()"},
    {"Contains", "Method",
     "bool Contains(System.Object key), bool IDictionary.Contains(System.Object key)"},
    {"ContainsKey", "Method", "bool ContainsKey(System.Object key)"},
    {"ContainsValue", "Method", "bool ContainsValue(System.Object value)"},
    {"CopyTo", "Method",
     "void CopyTo(array array, int arrayIndex), void ICollection.CopyTo(array array, int index)"},
    {"Equals", "Method", "bool Equals(System.Object obj)"},
    {"GetEnumerator", "Method",
     "System.Collections.IDictionaryEnumerator GetEnumerator(), "
     "System.Collections.IDictionaryEnumerator IDictionary.GetEnumerator(), "
     "System.Collections.IEnumerator IEnumerable.GetEnumerator()"},
    {"GetHashCode", "Method", "int GetHashCode()"},
    {"GetType", "Method", "type GetType()"},
    {"Remove", "Method",
     "void Remove(System.Object key), void IDictionary.Remove(System.Object key)"},
    {"ToString", "Method", "string ToString()"},
    {"Item", "ParameterizedProperty", "System.Object Item(System.Object key) {get;set;}"},
    {"Count", "Property", "int Count {get;}"},
    {"IsFixedSize", "Property", "bool IsFixedSize {get;}"},
    {"IsReadOnly", "Property", "bool IsReadOnly {get;}"},
    {"IsSynchronized", "Property", "bool IsSynchronized {get;}"},
    {"Keys", "Property", "System.Collections.ICollection Keys {get;}"},
    {"SyncRoot", "Property", "System.Object SyncRoot {get;}"},
    {"Values", "Property", "System.Collections.ICollection Values {get;}"},
};

/* ---- System.Object[] (Get-Member -InputObject of an array) ---- */
static const MemberSpec array_members[] = {
    {"Count", "AliasProperty", "Count = Length"},
    {"Clone", "Method", "System.Object Clone(), System.Object ICloneable.Clone()"},
    {"Contains", "Method", "bool IList.Contains(System.Object value)"},
    {"CopyTo", "Method",
     "void CopyTo(array array, int index), void CopyTo(array array, long index), void "
     "ICollection.CopyTo(array array, int index)"},
    {"Equals", "Method",
     "bool Equals(System.Object obj), bool IStructuralEquatable.Equals(System.Object other, "
     "System.Collections.IEqualityComparer comparer)"},
    {"GetEnumerator", "Method",
     "System.Collections.IEnumerator GetEnumerator(), System.Collections.IEnumerator "
     "IEnumerable.GetEnumerator()"},
    {"GetHashCode", "Method",
     "int GetHashCode(), int IStructuralEquatable.GetHashCode(System.Collections.IEqualityComparer "
     "comparer)"},
    {"GetLength", "Method", "int GetLength(int dimension)"},
    {"GetType", "Method", "type GetType()"},
    {"GetValue", "Method",
     "System.Object GetValue(Params int[] indices), System.Object GetValue(int index)"},
    {"IndexOf", "Method", "int IList.IndexOf(System.Object value)"},
    {"SetValue", "Method", "void SetValue(System.Object value, int index)"},
    {"ToString", "Method", "string ToString()"},
    {"Item", "ParameterizedProperty", "System.Object IList.Item(int index) {get;set;}"},
    {"IsFixedSize", "Property", "bool IsFixedSize {get;}"},
    {"IsReadOnly", "Property", "bool IsReadOnly {get;}"},
    {"IsSynchronized", "Property", "bool IsSynchronized {get;}"},
    {"Length", "Property", "int Length {get;}"},
    {"LongLength", "Property", "long LongLength {get;}"},
    {"Rank", "Property", "int Rank {get;}"},
    {"SyncRoot", "Property", "System.Object SyncRoot {get;}"},
};

/* ---- System.DateTime, System.TimeSpan ---- */
static const MemberSpec datetime_members[] = {
    {"Add", "Method", "datetime Add(timespan value)"},
    {"AddDays", "Method", "datetime AddDays(double value)"},
    {"AddHours", "Method", "datetime AddHours(double value)"},
    {"AddMilliseconds", "Method", "datetime AddMilliseconds(double value)"},
    {"AddMinutes", "Method", "datetime AddMinutes(double value)"},
    {"AddMonths", "Method", "datetime AddMonths(int months)"},
    {"AddSeconds", "Method", "datetime AddSeconds(double value)"},
    {"AddTicks", "Method", "datetime AddTicks(long value)"},
    {"AddYears", "Method", "datetime AddYears(int value)"},
    {"CompareTo", "Method",
     "int CompareTo(System.Object value), int CompareTo(datetime value), int "
     "IComparable.CompareTo(System.Object obj), int IComparable[datetime].CompareTo(datetime "
     "other)"},
    {"Equals", "Method",
     "bool Equals(System.Object value), bool Equals(datetime value), bool "
     "IEquatable[datetime].Equals(datetime other)"},
    {"GetHashCode", "Method", "int GetHashCode()"},
    {"GetType", "Method", "type GetType()"},
    {"Subtract", "Method", "timespan Subtract(datetime value), datetime Subtract(timespan value)"},
    {"ToLocalTime", "Method", "datetime ToLocalTime()"},
    {"ToLongDateString", "Method", "string ToLongDateString()"},
    {"ToLongTimeString", "Method", "string ToLongTimeString()"},
    {"ToShortDateString", "Method", "string ToShortDateString()"},
    {"ToShortTimeString", "Method", "string ToShortTimeString()"},
    {"ToString", "Method",
     "string ToString(), string ToString(string format), string ToString(System.IFormatProvider "
     "provider), string ToString(string format, System.IFormatProvider provider), string "
     "IFormattable.ToString(string format, System.IFormatProvider formatProvider), string "
     "IConvertible.ToString(System.IFormatProvider provider)"},
    {"ToUniversalTime", "Method", "datetime ToUniversalTime()"},
    {"Date", "Property", "datetime Date {get;}"},
    {"Day", "Property", "int Day {get;}"},
    {"DayOfWeek", "Property", "System.DayOfWeek DayOfWeek {get;}"},
    {"DayOfYear", "Property", "int DayOfYear {get;}"},
    {"Hour", "Property", "int Hour {get;}"},
    {"Kind", "Property", "System.DateTimeKind Kind {get;}"},
    {"Microsecond", "Property", "int Microsecond {get;}"},
    {"Millisecond", "Property", "int Millisecond {get;}"},
    {"Minute", "Property", "int Minute {get;}"},
    {"Month", "Property", "int Month {get;}"},
    {"Nanosecond", "Property", "int Nanosecond {get;}"},
    {"Second", "Property", "int Second {get;}"},
    {"Ticks", "Property", "long Ticks {get;}"},
    {"TimeOfDay", "Property", "timespan TimeOfDay {get;}"},
    {"Year", "Property", "int Year {get;}"},
};

static const MemberSpec timespan_members[] = {
    {"Add", "Method", "timespan Add(timespan ts)"},
    {"CompareTo", "Method",
     "int CompareTo(System.Object value), int CompareTo(timespan value), int "
     "IComparable.CompareTo(System.Object obj), int IComparable[timespan].CompareTo(timespan "
     "other)"},
    {"Duration", "Method", "timespan Duration()"},
    {"Equals", "Method",
     "bool Equals(System.Object value), bool Equals(timespan obj), bool "
     "IEquatable[timespan].Equals(timespan other)"},
    {"GetHashCode", "Method", "int GetHashCode()"},
    {"GetType", "Method", "type GetType()"},
    {"Negate", "Method", "timespan Negate()"},
    {"Subtract", "Method", "timespan Subtract(timespan ts)"},
    {"ToString", "Method",
     "string ToString(), string ToString(string format), string ToString(string format, "
     "System.IFormatProvider formatProvider), string IFormattable.ToString(string format, "
     "System.IFormatProvider formatProvider)"},
    {"Days", "Property", "int Days {get;}"},
    {"Hours", "Property", "int Hours {get;}"},
    {"Microseconds", "Property", "int Microseconds {get;}"},
    {"Milliseconds", "Property", "int Milliseconds {get;}"},
    {"Minutes", "Property", "int Minutes {get;}"},
    {"Nanoseconds", "Property", "int Nanoseconds {get;}"},
    {"Seconds", "Property", "int Seconds {get;}"},
    {"Ticks", "Property", "long Ticks {get;}"},
    {"TotalDays", "Property", "double TotalDays {get;}"},
    {"TotalHours", "Property", "double TotalHours {get;}"},
    {"TotalMicroseconds", "Property", "double TotalMicroseconds {get;}"},
    {"TotalMilliseconds", "Property", "double TotalMilliseconds {get;}"},
    {"TotalMinutes", "Property", "double TotalMinutes {get;}"},
    {"TotalNanoseconds", "Property", "double TotalNanoseconds {get;}"},
    {"TotalSeconds", "Property", "double TotalSeconds {get;}"},
};

/* ---- System.Collections.Specialized.OrderedDictionary ([ordered]) ---- */
static const MemberSpec ordered_members[] = {
    {"Add", "Method",
     "void Add(System.Object key, System.Object value), void IDictionary.Add(System.Object key, "
     "System.Object value)"},
    {"AsReadOnly", "Method", "System.Collections.Specialized.OrderedDictionary AsReadOnly()"},
    {"Clear", "Method", "void Clear(), void IDictionary.Clear()"},
    {"Contains", "Method",
     "bool Contains(System.Object key), bool IDictionary.Contains(System.Object key)"},
    {"CopyTo", "Method",
     "void CopyTo(array array, int index), void ICollection.CopyTo(array array, int index)"},
    {"Equals", "Method", "bool Equals(System.Object obj)"},
    {"GetEnumerator", "Method",
     "System.Collections.IDictionaryEnumerator GetEnumerator(), "
     "System.Collections.IDictionaryEnumerator IDictionary.GetEnumerator(), "
     "System.Collections.IEnumerator IEnumerable.GetEnumerator()"},
    {"GetHashCode", "Method", "int GetHashCode()"},
    {"GetType", "Method", "type GetType()"},
    {"Insert", "Method", "void Insert(int index, System.Object key, System.Object value)"},
    {"Remove", "Method",
     "void Remove(System.Object key), void IDictionary.Remove(System.Object key)"},
    {"RemoveAt", "Method", "void RemoveAt(int index)"},
    {"ToString", "Method", "string ToString()"},
    {"Item", "ParameterizedProperty",
     "System.Object Item(int index) {get;set;}, System.Object Item(System.Object key) {get;set;}"},
    {"Count", "Property", "int Count {get;}"},
    {"IsFixedSize", "Property", "bool IsFixedSize {get;}"},
    {"IsReadOnly", "Property", "bool IsReadOnly {get;}"},
    {"IsSynchronized", "Property", "bool IsSynchronized {get;}"},
    {"Keys", "Property", "System.Collections.ICollection Keys {get;}"},
    {"SyncRoot", "Property", "System.Object SyncRoot {get;}"},
    {"Values", "Property", "System.Collections.ICollection Values {get;}"},
};

/* Which table a type uses; conv: the IConvertible members come too.  Types missing here get
 * System.Object's methods and their own properties. */
#define TM(id, tbl, conv)                                                                          \
    {                                                                                              \
        id, tbl, sizeof tbl / sizeof tbl[0], conv                                                  \
    }
static const TypeMembers type_members[] = {
    TM(TY_STRING, string_members, 1),       TM(TY_INT32, int_members, 1),
    TM(TY_INT64, long_members, 1),          TM(TY_DOUBLE, double_members, 1),
    TM(TY_BOOL, bool_members, 1),           TM(TY_CHAR, char_members, 1),
    TM(TY_HASHTABLE, hashtable_members, 0), TM(TY_DATETIME, datetime_members, 1),
    TM(TY_TIMESPAN, timespan_members, 0),   TM(TY_ORDERED, ordered_members, 0),
};
static const TypeMembers type_statics[] = {
    TM(TY_STRING, string_statics, 0),
    TM(TY_INT32, int_statics, 0),
};

/* ================================================================ MemberDefinition ==== */

/* Microsoft.PowerShell.Commands.MemberDefinition: TypeName, Name, MemberType, Definition. */
typedef struct MemberDef {
    Obj obj;
    Value v[4];
} MemberDef;

static const char *const md_names[4] = {"TypeName", "Name", "MemberType", "Definition"};

static void md_free(Obj *o)
{
    for (size_t i = 0; i < 4; i++)
        val_unref(((MemberDef *)o)->v[i]);
}

static int md_get(Value self, const char *name, size_t len, Value *out)
{
    for (size_t i = 0; i < 4; i++)
        if (str_ieq_slice(name, len, md_names[i])) {
            *out = val_ref(((MemberDef *)self.as.o)->v[i]);
            return 1;
        }
    return 0;
}

static size_t md_nprops(Value self)
{
    return 4;
}

static void md_prop_at(Value self, size_t i, const char **name, size_t *len, Value *val)
{
    *name = md_names[i];
    *len = strlen(md_names[i]);
    *val = ((MemberDef *)self.as.o)->v[i];
}

/* ToString() is the Definition, as in pwsh. */
static void md_to_string(Value self, StrBuf *out)
{
    Value d = ((MemberDef *)self.as.o)->v[3];
    sb_append(out, val_str_data(d), val_str_len(d));
}

static const ObjClass cls_memberdef = {.name = "MemberDefinition",
                                       .full_name =
                                           "Microsoft.PowerShell.Commands.MemberDefinition",
                                       .type = TY_OTHER,
                                       .free = md_free,
                                       .to_string = md_to_string,
                                       .get_prop = md_get,
                                       .nprops = md_nprops,
                                       .prop_at = md_prop_at};

/* PowerShellCore_format_ps1xml.cs "memberinfo": GroupBy TypeName (auto label), three columns
 * without widths (sized from the data). */
static const FmtColumn md_cols[] = {
    {.label = "Name", .prop = "Name", .align = FMT_ALIGN_LEFT},
    {.label = "MemberType", .prop = "MemberType", .align = FMT_ALIGN_LEFT},
    {.label = "Definition", .prop = "Definition", .align = FMT_ALIGN_LEFT},
};
static const FmtColumn md_group = {.label = "TypeName", .prop = "TypeName"};
static const FmtView md_view = {
    .name = "memberinfo",
    .type_name = "Microsoft.PowerShell.Commands.MemberDefinition",
    .shape = FMT_TABLE,
    .cols = md_cols,
    .ncols = sizeof md_cols / sizeof md_cols[0],
    .group_by = &md_group,
};

void getmember_register_views(void)
{
    static int done;
    if (done) return;
    done = 1;
    fmt_view_register(&md_view);
}

/* ================================================================ member lists ==== */

/* One collected member: name and definition owned, kind static. */
typedef struct Mem {
    char *name;
    const char *kind;
    char *def;
} Mem;

typedef struct MemList {
    Mem *m;
    size_t n, cap;
} MemList;

static void mem_add(MemList *l, const char *name, size_t nlen, const char *kind, char *def_take)
{
    for (size_t i = 0; i < l->n; i++) /* a member already listed keeps its first definition */
        if (strcmp(l->m[i].kind, kind) == 0 && str_ieq_slice(name, nlen, l->m[i].name)) {
            free(def_take);
            return;
        }
    Mem m = {xstrndup(name, nlen), kind, def_take};
    ARRAY_PUSH(l->m, l->n, l->cap, m);
}

static void mem_add_specs(MemList *l, const MemberSpec *s, size_t n)
{
    for (size_t i = 0; i < n; i++)
        mem_add(l, s[i].name, strlen(s[i].name), s[i].kind, xstrdup(s[i].def));
}

static void mem_free(MemList *l)
{
    for (size_t i = 0; i < l->n; i++) {
        free(l->m[i].name);
        free(l->m[i].def);
    }
    free(l->m);
}

static int mem_cmp(const void *a, const void *b)
{
    const Mem *x = a, *y = b;
    int r = str_icmp(x->kind, y->kind);
    return r ? r : str_icmp(x->name, y->name);
}

/* The type name a definition shows for a value (ToStringCodeMethods.Type): C# keywords for
 * the primitive types, accelerators for a few more, full names otherwise; $null is object. */
static void def_type(Value v, StrBuf *sb)
{
    static const struct {
        TypeId id;
        const char *name;
    } shorts[] = {
        {TY_BOOL, "bool"},         {TY_CHAR, "char"},           {TY_SBYTE, "sbyte"},
        {TY_BYTE, "byte"},         {TY_INT16, "short"},         {TY_UINT16, "ushort"},
        {TY_INT32, "int"},         {TY_UINT32, "uint"},         {TY_INT64, "long"},
        {TY_UINT64, "ulong"},      {TY_SINGLE, "float"},        {TY_DOUBLE, "double"},
        {TY_DECIMAL, "decimal"},   {TY_STRING, "string"},       {TY_DATETIME, "datetime"},
        {TY_TIMESPAN, "timespan"}, {TY_HASHTABLE, "hashtable"}, {TY_SCRIPTBLOCK, "scriptblock"},
    };
    if (val_is_null(v)) {
        sb_puts(sb, "object");
        return;
    }
    TypeId t = val_type_id(val_base(v));
    for (size_t i = 0; i < sizeof shorts / sizeof shorts[0]; i++)
        if (shorts[i].id == t) {
            sb_puts(sb, shorts[i].name);
            return;
        }
    sb_puts(sb, val_type_fullname(v));
}

/* A note property's definition, as PSNoteProperty.ToString(): "int a=1", "object n=null". */
static char *note_def(const char *name, size_t len, Value v)
{
    StrBuf sb = {0};
    def_type(v, &sb);
    sb_putc(&sb, ' ');
    sb_append(&sb, name, len);
    sb_putc(&sb, '=');
    if (val_is_null(v))
        sb_puts(&sb, "null");
    else
        convert_append_scalar(v, &sb);
    return sb_take(&sb);
}

static const TypeMembers *find_members(const TypeMembers *t, size_t n, TypeId id)
{
    for (size_t i = 0; i < n; i++)
        if (t[i].id == id) return &t[i];
    return NULL;
}

/* Instance members of in: the type's table (or System.Object's methods), note properties and
 * the class's own properties. */
static void collect_instance(Value in, MemList *l)
{
    Value b = val_base(in);
    TypeId id = val_is_array(b) ? TY_ARRAY : val_type_id(b);
    const TypeMembers *tm =
        find_members(type_members, sizeof type_members / sizeof type_members[0], id);
    if (id == TY_ARRAY)
        mem_add_specs(l, array_members, sizeof array_members / sizeof array_members[0]);
    else if (tm)
        mem_add_specs(l, tm->m, tm->n);
    else
        mem_add_specs(l, object_members, sizeof object_members / sizeof object_members[0]);
    if (tm && tm->convertible)
        mem_add_specs(l, convertible_members,
                      sizeof convertible_members / sizeof convertible_members[0]);
    const char *name;
    size_t len;
    Value v;
    for (size_t i = 0; i < object_nprops(in); i++) {
        object_prop_peek(in, i, &name, &len, &v);
        mem_add(l, name, len, "NoteProperty", note_def(name, len, v));
    }
    const ObjClass *cls = val_class(b);
    if (tm || id == TY_ARRAY || val_is(b, &cls_pscustomobject) || !cls || !cls->nprops ||
        !cls->prop_at)
        return;
    for (size_t i = 0; i < cls->nprops(b); i++) {
        cls->prop_at(b, i, &name, &len, &v);
        StrBuf sb = {0};
        def_type(v, &sb);
        sb_putc(&sb, ' ');
        sb_append(&sb, name, len);
        sb_puts(&sb, " {get;}");
        mem_add(l, name, len, "Property", sb_take(&sb));
    }
}

/* The name list of a MemberSet definition: "psbase {Clone, CompareTo, ...}". */
static char *set_def(const char *set, const MemList *l, int notes)
{
    StrBuf sb = {0};
    sb_printf(&sb, "%s {", set);
    int first = 1;
    for (size_t i = 0; i < l->n; i++) {
        if ((strcmp(l->m[i].kind, "NoteProperty") == 0) != notes) continue;
        sb_printf(&sb, "%s%s", first ? "" : ", ", l->m[i].name);
        first = 0;
    }
    sb_putc(&sb, '}');
    return sb_take(&sb);
}

/* -Force: the hidden members too.  The property accessors ("int get_Length()"), pstypenames
 * and the psobject/psbase/psadapted/psextended member sets (their lists are psmini's members
 * in collection order; pwsh lists .NET's declaration order). */
static void collect_hidden(MemList *l)
{
    size_t n = l->n;
    for (size_t i = 0; i < n; i++) {
        const Mem *m = &l->m[i];
        if (strcmp(m->kind, "Property") != 0 && strcmp(m->kind, "ParameterizedProperty") != 0)
            continue;
        const char *sp = strchr(m->def, ' '), *paren = strchr(m->def, '(');
        if (!sp || strncmp(m->def, "static ", 7) == 0) continue;
        StrBuf sb = {0}, name = {0};
        sb_printf(&name, "get_%s", m->name);
        sb_append(&sb, m->def, (size_t)(sp - m->def));
        sb_printf(&sb, " get_%s", m->name);
        if (paren) { /* "char Chars(int index) {get;}": keep the parameter list */
            const char *close = strchr(paren, ')');
            sb_append(&sb, paren, close ? (size_t)(close - paren + 1) : strlen(paren));
        } else {
            sb_puts(&sb, "()");
        }
        mem_add(l, name.buf, name.len, "Method", sb_take(&sb));
        sb_free(&name);
    }
    char *adapted = set_def("psadapted", l, 0), *base = set_def("psbase", l, 0);
    mem_add(l, "psadapted", 9, "MemberSet", adapted);
    mem_add(l, "psbase", 6, "MemberSet", base);
    mem_add(l, "psextended", 10, "MemberSet", set_def("psextended", l, 1));
    mem_add(l, "psobject", 8, "MemberSet",
            xstrdup("psobject {BaseObject, Members, Properties, Methods, ImmediateBaseObject, "
                    "TypeNames, get_BaseObject, get_Members, get_Properties, get_Methods, "
                    "get_ImmediateBaseObject, get_TypeNames, ToString, Copy, CompareTo, Equals, "
                    "GetHashCode, GetType, GetMetaObject, GetObjectData}"));
    mem_add(l, "pstypenames", 11, "CodeProperty",
            xstrdup("System.Collections.ObjectModel.Collection`1[[System.String, "
                    "System.Private.CoreLib, Version=9.0.0.0, Culture=neutral, "
                    "PublicKeyToken=7cec85d7bea7798e]] pstypenames{get=PSTypeNames;}"));
}

/* -Static: the static members of type id (System.Object's two for a type without a table). */
static void collect_static(TypeId id, MemList *l)
{
    static const MemberSpec object_statics[] = {
        {"Equals", "Method", "static bool Equals(System.Object objA, System.Object objB)"},
        {"ReferenceEquals", "Method",
         "static bool ReferenceEquals(System.Object objA, System.Object objB)"},
    };
    const TypeMembers *tm =
        find_members(type_statics, sizeof type_statics / sizeof type_statics[0], id);
    if (tm)
        mem_add_specs(l, tm->m, tm->n);
    else
        mem_add_specs(l, object_statics, 2);
}

/* ================================================================ filters ==== */

/* PSMemberTypes names, with the flags they stand for. */
enum {
    MT_ALIAS = 1 << 0,
    MT_CODEPROP = 1 << 1,
    MT_PROP = 1 << 2,
    MT_NOTE = 1 << 3,
    MT_SCRIPTPROP = 1 << 4,
    MT_PROPSET = 1 << 5,
    MT_METHOD = 1 << 6,
    MT_CODEMETHOD = 1 << 7,
    MT_SCRIPTMETHOD = 1 << 8,
    MT_PARAMPROP = 1 << 9,
    MT_MEMBERSET = 1 << 10,
    MT_EVENT = 1 << 11,
    MT_DYNAMIC = 1 << 12,
    MT_INFERRED = 1 << 13,
    MT_PROPERTIES = MT_ALIAS | MT_CODEPROP | MT_PROP | MT_NOTE | MT_SCRIPTPROP,
    MT_METHODS = MT_METHOD | MT_CODEMETHOD | MT_SCRIPTMETHOD,
    MT_ALL = (1 << 14) - 1,
};

/* In value order, as Enum.GetNames lists them in the conversion error. */
static const struct {
    const char *name;
    unsigned flags;
} member_types[] = {
    {"None", 0},
    {"AliasProperty", MT_ALIAS},
    {"CodeProperty", MT_CODEPROP},
    {"Property", MT_PROP},
    {"NoteProperty", MT_NOTE},
    {"ScriptProperty", MT_SCRIPTPROP},
    {"Properties", MT_PROPERTIES},
    {"PropertySet", MT_PROPSET},
    {"Method", MT_METHOD},
    {"CodeMethod", MT_CODEMETHOD},
    {"ScriptMethod", MT_SCRIPTMETHOD},
    {"Methods", MT_METHODS},
    {"ParameterizedProperty", MT_PARAMPROP},
    {"MemberSet", MT_MEMBERSET},
    {"Event", MT_EVENT},
    {"Dynamic", MT_DYNAMIC},
    {"InferredProperty", MT_INFERRED},
    {"All", MT_ALL},
};
#define NMEMBER_TYPES (sizeof member_types / sizeof member_types[0])

static unsigned kind_flag(const char *kind)
{
    for (size_t i = 0; i < NMEMBER_TYPES; i++)
        if (strcmp(member_types[i].name, kind) == 0) return member_types[i].flags;
    return 0;
}

/* One -MemberType word ("Method", " property ") to flags; -1 when it names none. */
static long parse_type_word(const char *s, size_t len)
{
    while (len && (*s == ' ' || *s == '\t'))
        s++, len--;
    while (len && (s[len - 1] == ' ' || s[len - 1] == '\t'))
        len--;
    for (size_t i = 0; i < NMEMBER_TYPES; i++)
        if (str_ieq_slice(s, len, member_types[i].name)) return (long)member_types[i].flags;
    return -1;
}

/* "Cannot bind parameter 'MemberType'..." as the binder words an enum conversion failure. */
static Status bad_type(CmdCtx *c, const char *word)
{
    StrBuf names = {0};
    for (size_t i = 0; i < NMEMBER_TYPES; i++)
        sb_printf(&names, "%s%s", i ? ", " : "", member_types[i].name);
    Status st = cmdutil_fail(
        c, EXC_PARAMBIND, ERRCAT_INVALIDARGUMENT, "CannotConvertArgumentNoMessage",
        "Cannot bind parameter 'MemberType'. Cannot convert value \"%s\" to type "
        "\"System.Management.Automation.PSMemberTypes\". Error: \"Unable to match the identifier "
        "name %s to a valid enumerator name. Specify one of the following enumerator names and "
        "try again:\n%s\"",
        word, word, sb_str(&names));
    sb_free(&names);
    return st;
}

/* The -MemberType argument as flags (MT_ALL when not given); words may be comma-joined. */
static Status type_mask(CmdCtx *c, int i, unsigned *mask)
{
    *mask = MT_ALL;
    if (!c->bound[i] || val_is_null(c->arg[i])) return ST_OK;
    *mask = 0;
    for (size_t k = 0; k < cmdutil_count(c->arg[i]); k++) {
        Value w = convert_to_string(cmdutil_elem(c->arg[i], k), NULL);
        const char *s = val_str_data(w);
        for (const char *p = s;; p++) {
            const char *e = strchr(p, ',');
            size_t len = e ? (size_t)(e - p) : strlen(p);
            long f = parse_type_word(p, len);
            if (f < 0) {
                char *word = xstrndup(p, len);
                Status st = bad_type(c, word);
                free(word);
                val_unref(w);
                return st;
            }
            *mask |= (unsigned)f;
            if (!e) break;
            p = e;
        }
        val_unref(w);
    }
    return ST_OK;
}

/* ================================================================ Get-Member ==== */

/* Get-Member [[-Name] <String[]>] [-MemberType <PSMemberTypes>] [-InputObject <PSObject>]
 *            [-Static] [-Force] [-View <PSMemberViewTypes>]
 * -Force adds the hidden members (accessors, pstypenames, the psobject member sets). */
enum { GM_NAME, GM_TYPE, GM_INPUT, GM_STATIC, GM_FORCE, GM_VIEW };
static const ParamSpec member_params[] = {
    [GM_NAME] = {.name = "Name", .type = TY_STRING, .is_array = 1, .position = 0},
    [GM_TYPE] =
        {.name = "MemberType", .alias = "Type", .type = TY_STRING, .is_array = 1, .position = -1},
    [GM_INPUT] = {.name = "InputObject", .type = TY_OBJECT, .position = -1, .flags = PS_PIPELINE},
    [GM_STATIC] = {.name = "Static", .type = TY_SWITCH, .position = -1, .flags = PS_SWITCH},
    [GM_FORCE] = {.name = "Force", .type = TY_SWITCH, .position = -1, .flags = PS_SWITCH},
    [GM_VIEW] = {.name = "View", .type = TY_STRING, .is_array = 1, .position = -1},
};

static int name_selected(CmdCtx *c, const char *name)
{
    Value n = c->arg[GM_NAME];
    if (!c->bound[GM_NAME] || val_is_null(n)) return 1;
    for (size_t i = 0; i < cmdutil_count(n); i++) {
        Value p = convert_to_string(cmdutil_elem(n, i), NULL);
        int hit = wildcard_match(val_str_data(p), val_str_len(p), name, strlen(name), 1, NULL) == 1;
        val_unref(p);
        if (hit) return 1;
    }
    return 0;
}

static Status emit(CmdCtx *c, const char *tname, const Mem *m)
{
    MemberDef *d = (MemberDef *)obj_alloc(&cls_memberdef, sizeof(MemberDef));
    d->v[0] = val_str(tname);
    d->v[1] = val_str(m->name);
    d->v[2] = val_str(m->kind);
    d->v[3] = val_str(m->def);
    Value r = val_obj_take(&d->obj);
    Status st = pipe_put(c->I, c->out, r);
    val_unref(r);
    return st;
}

/* Has type tname been shown already?  Records it when not: each type shows once. */
static int seen_type(CmdCtx *c, const char *tname)
{
    for (size_t i = 0; i < cmdutil_count(c->state); i++)
        if (strcmp(val_str_data(cmdutil_elem(c->state, i)), tname) == 0) return 1;
    if (val_is_null(c->state)) c->state = arr_new(TY_OBJECT, 4);
    Value s = val_str(tname);
    arr_push(c->state, s);
    val_unref(s);
    return 0;
}

static Status member_item(CmdCtx *c, Value in, unsigned mask)
{
    int is_static = cmdutil_flag(c, GM_STATIC);
    Value b = val_base(in);
    TypeId id = val_type_id(b);
    const char *tname = val_type_fullname(in);
    if (is_static && val_is(b, &cls_typeref)) {
        id = typeref_is_array(b) ? TY_ARRAY : typeref_id(b);
        tname = typeref_fullname(b);
    }
    if (seen_type(c, tname)) return ST_OK;
    MemList l = {0};
    if (is_static)
        collect_static(id, &l);
    else
        collect_instance(in, &l);
    if (cmdutil_flag(c, GM_FORCE) && !is_static) collect_hidden(&l);
    qsort(l.m, l.n, sizeof *l.m, mem_cmp);
    Status st = ST_OK;
    for (size_t i = 0; !st && i < l.n; i++)
        if ((kind_flag(l.m[i].kind) & mask) && name_selected(c, l.m[i].name))
            st = emit(c, tname, &l.m[i]);
    mem_free(&l);
    return st;
}

static Status get_member(CmdCtx *c)
{
    unsigned mask;
    Status st = type_mask(c, GM_TYPE, &mask);
    if (st) return st;
    if (c->phase == CMD_PROCESS) {
        Value in = c->has_input ? c->input : c->arg[GM_INPUT];
        if (!c->has_input && !c->bound[GM_INPUT]) return ST_OK;
        if (val_is_null(in)) return ST_OK;
        c->count++;
        return member_item(c, in, mask);
    }
    if (c->phase == CMD_END && c->count == 0) {
        Value rec =
            cmdutil_error_rec(c, EXC_INVALIDOP, ERRCAT_NOTSPECIFIED, "NoObjectInGetMember",
                              val_null(), "You must specify an object for the Get-Member cmdlet.");
        cmd_write_error(c, rec);
        val_unref(rec);
    }
    return ST_OK;
}

/* ================================================================ the family ==== */

const CmdDef getmember_table[] = {
    {"Get-Member", "gm", get_member, member_params, NPARAMS(member_params)},
};
const int getmember_count = NPARAMS(getmember_table);
