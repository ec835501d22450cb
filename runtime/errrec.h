/*
** errrec: the ErrorRecord value ($_ in catch, $Error[0]) and the exception kinds it wraps.
** A record holds pwsh's message, FullyQualifiedErrorId, category, target object, the source
** site (a Program reference + byte range) and the command name.  The exception is a small
** object of its own class, so $_.Exception.GetType().FullName and catch [T] type tests work;
** kinds form a single-inheritance table (EXC_KINDS) walked by errrec_matches.
*/
#ifndef PSM_RUNTIME_ERRREC_H
#define PSM_RUNTIME_ERRREC_H

#include <stdint.h>

#include "parser/parser.h"
#include "runtime/convert.h"
#include "runtime/value.h"

/* X(id, Name, FullName, parent id) -- parents come first */
#define EXC_KINDS(X)                                                                               \
    X(EXC_EXCEPTION, "Exception", "System.Exception", EXC_EXCEPTION)                               \
    X(EXC_SYSTEM, "SystemException", "System.SystemException", EXC_EXCEPTION)                      \
    X(EXC_RUNTIME, "RuntimeException", "System.Management.Automation.RuntimeException",            \
      EXC_SYSTEM)                                                                                  \
    X(EXC_ARITH, "ArithmeticException", "System.ArithmeticException", EXC_SYSTEM)                  \
    X(EXC_DIVZERO, "DivideByZeroException", "System.DivideByZeroException", EXC_ARITH)             \
    X(EXC_OVERFLOW, "OverflowException", "System.OverflowException", EXC_ARITH)                    \
    X(EXC_INVALIDCAST, "InvalidCastException", "System.InvalidCastException", EXC_SYSTEM)          \
    X(EXC_FORMAT, "FormatException", "System.FormatException", EXC_SYSTEM)                         \
    X(EXC_ARGUMENT, "ArgumentException", "System.ArgumentException", EXC_SYSTEM)                   \
    X(EXC_INVALIDOP, "InvalidOperationException", "System.InvalidOperationException", EXC_SYSTEM)  \
    X(EXC_NOTSUPPORTED, "NotSupportedException", "System.NotSupportedException", EXC_SYSTEM)       \
    X(EXC_CMDNOTFOUND, "CommandNotFoundException",                                                 \
      "System.Management.Automation.CommandNotFoundException", EXC_RUNTIME)                        \
    X(EXC_PARAMBIND, "ParameterBindingException",                                                  \
      "System.Management.Automation.ParameterBindingException", EXC_RUNTIME)                       \
    X(EXC_METHOD, "MethodInvocationException",                                                     \
      "System.Management.Automation.MethodInvocationException", EXC_RUNTIME)                       \
    X(EXC_CALLDEPTH, "ScriptCallDepthException",                                                   \
      "System.Management.Automation.ScriptCallDepthException", EXC_SYSTEM)                         \
    X(EXC_WRITEERROR, "WriteErrorException", "Microsoft.PowerShell.Commands.WriteErrorException",  \
      EXC_SYSTEM)                                                                                  \
    X(EXC_ARGNULL, "ArgumentNullException", "System.ArgumentNullException", EXC_ARGUMENT)          \
    X(EXC_ARGRANGE, "ArgumentOutOfRangeException", "System.ArgumentOutOfRangeException",           \
      EXC_ARGUMENT)                                                                                \
    X(EXC_NULLREF, "NullReferenceException", "System.NullReferenceException", EXC_SYSTEM)          \
    X(EXC_INDEXRANGE, "IndexOutOfRangeException", "System.IndexOutOfRangeException", EXC_SYSTEM)   \
    X(EXC_NOTIMPL, "NotImplementedException", "System.NotImplementedException", EXC_SYSTEM)        \
    X(EXC_TIMEOUT, "TimeoutException", "System.TimeoutException", EXC_SYSTEM)                      \
    X(EXC_UNAUTHORIZED, "UnauthorizedAccessException", "System.UnauthorizedAccessException",       \
      EXC_SYSTEM)                                                                                  \
    X(EXC_KEYNOTFOUND, "KeyNotFoundException", "System.Collections.Generic.KeyNotFoundException",  \
      EXC_SYSTEM)                                                                                  \
    X(EXC_IO, "IOException", "System.IO.IOException", EXC_SYSTEM)                                  \
    X(EXC_FILENOTFOUND, "FileNotFoundException", "System.IO.FileNotFoundException", EXC_IO)        \
    X(EXC_DIRNOTFOUND, "DirectoryNotFoundException", "System.IO.DirectoryNotFoundException",       \
      EXC_IO)                                                                                      \
    X(EXC_APPLICATION, "ApplicationException", "System.ApplicationException", EXC_EXCEPTION)       \
    X(EXC_ITEMNOTFOUND, "ItemNotFoundException",                                                   \
      "System.Management.Automation.ItemNotFoundException", EXC_RUNTIME)                           \
    X(EXC_PSARGUMENT, "PSArgumentException", "System.Management.Automation.PSArgumentException",   \
      EXC_ARGUMENT)                                                                                \
    X(EXC_SSUNAUTH, "SessionStateUnauthorizedAccessException",                                     \
      "System.Management.Automation.SessionStateUnauthorizedAccessException", EXC_RUNTIME)

#define X_EXCENUM(id, n, f, p) id,
typedef enum ExcKind { EXC_KINDS(X_EXCENUM) EXC__COUNT } ExcKind;
#undef X_EXCENUM

/* pwsh's ErrorCategory, every value, in enum order (the C value is the .NET number):
 * X(id, Name). */
#define ERR_CATEGORIES(X)                                                                          \
    X(ERRCAT_NOTSPECIFIED, "NotSpecified")                                                         \
    X(ERRCAT_OPENERROR, "OpenError")                                                               \
    X(ERRCAT_CLOSEERROR, "CloseError")                                                             \
    X(ERRCAT_DEVICEERROR, "DeviceError")                                                           \
    X(ERRCAT_DEADLOCKDETECTED, "DeadlockDetected")                                                 \
    X(ERRCAT_INVALIDARGUMENT, "InvalidArgument")                                                   \
    X(ERRCAT_INVALIDDATA, "InvalidData")                                                           \
    X(ERRCAT_INVALIDOPERATION, "InvalidOperation")                                                 \
    X(ERRCAT_INVALIDRESULT, "InvalidResult")                                                       \
    X(ERRCAT_INVALIDTYPE, "InvalidType")                                                           \
    X(ERRCAT_METADATAERROR, "MetadataError")                                                       \
    X(ERRCAT_NOTIMPLEMENTED, "NotImplemented")                                                     \
    X(ERRCAT_NOTINSTALLED, "NotInstalled")                                                         \
    X(ERRCAT_OBJECTNOTFOUND, "ObjectNotFound")                                                     \
    X(ERRCAT_OPERATIONSTOPPED, "OperationStopped")                                                 \
    X(ERRCAT_OPERATIONTIMEOUT, "OperationTimeout")                                                 \
    X(ERRCAT_SYNTAXERROR, "SyntaxError")                                                           \
    X(ERRCAT_PARSERERROR, "ParserError")                                                           \
    X(ERRCAT_PERMISSIONDENIED, "PermissionDenied")                                                 \
    X(ERRCAT_RESOURCEBUSY, "ResourceBusy")                                                         \
    X(ERRCAT_RESOURCEEXISTS, "ResourceExists")                                                     \
    X(ERRCAT_RESOURCEUNAVAILABLE, "ResourceUnavailable")                                           \
    X(ERRCAT_READERROR, "ReadError")                                                               \
    X(ERRCAT_WRITEERROR, "WriteError")                                                             \
    X(ERRCAT_FROMSTDERR, "FromStdErr")                                                             \
    X(ERRCAT_SECURITYERROR, "SecurityError")                                                       \
    X(ERRCAT_PROTOCOLERROR, "ProtocolError")                                                       \
    X(ERRCAT_CONNECTIONERROR, "ConnectionError")                                                   \
    X(ERRCAT_AUTHENTICATIONERROR, "AuthenticationError")                                           \
    X(ERRCAT_LIMITSEXCEEDED, "LimitsExceeded")                                                     \
    X(ERRCAT_QUOTAEXCEEDED, "QuotaExceeded")                                                       \
    X(ERRCAT_NOTENABLED, "NotEnabled")

#define X_CATENUM(id, n) id,
typedef enum ErrCategory { ERR_CATEGORIES(X_CATENUM) ERRCAT__COUNT } ErrCategory;
#undef X_CATENUM

/* The category named name (case-insensitive); 0 when there is none. */
int errrec_category_lookup(const char *name, ErrCategory *out);
const char *errrec_category_name(ErrCategory cat);

extern const ObjClass cls_errorrecord;

/* Everything a new record needs; strings are copied, values referenced. */
typedef struct ErrInit {
    const char *msg; /* message text */
    const char *id;  /* FullyQualifiedErrorId */
    ExcKind exc;     /* exception kind ($_.Exception) */
    ExcKind inner;   /* wrapped exception kind (catch matches it too); = exc when none */
    ErrCategory cat;
    const char *command; /* command name or NULL */
    Program *prog;       /* source (referenced) or NULL */
    uint32_t start, end; /* byte range in prog */
    const char *reason;  /* ConciseView reason override ("Exception" for throw) or NULL */
} ErrInit;

Value errrec_new(const ErrInit *e); /* a new ErrorRecord; never fails */
/* A record from a failed conversion/operation; DivideByZero is recognised by its text. */
Value errrec_from_conv(const ConvError *ce, Program *prog, uint32_t start, uint32_t end);
int errrec_is(Value v);
const char *errrec_message(Value rec); /* borrowed */
const char *errrec_id(Value rec);
const char *errrec_command(Value rec); /* NULL when none */
/* The ErrorCategory name ("ObjectNotFound"); CategoryInfo.Category as text.  Borrowed. */
const char *errrec_category(Value rec);
ExcKind errrec_exc(Value rec);
Value errrec_target(Value rec); /* borrowed ($null when none) */
void errrec_set_target(Value rec, Value target);
/* The site, for rendering: *prog borrowed (NULL when none). */
void errrec_site(Value rec, Program **prog, uint32_t *start, uint32_t *end);
/* Set the site when the record has none yet. */
void errrec_fill_site(Value rec, Program *prog, uint32_t start, uint32_t end);
/* 1 when the record's exception (or the one it wraps) is type name/len or derives from it.
 * name may be short ("DivideByZeroException") or full ("System.DivideByZeroException"). */
int errrec_matches(Value rec, const char *name, size_t len);
/* The text before the colon in ConciseView: the command name, else the category when it
 * says something ("InvalidArgument", "InvalidOperation"), else the exception name
 * ("Exception" for throw, "RuntimeException" for 1/0). */
const char *errrec_reason(Value rec);
/* Texts a record can carry besides its message (Write-Error's -CategoryActivity and friends,
 * ErrorDetails): NULL or "" keeps what the record computes. */
typedef enum ErrText {
    ERRTXT_ACTIVITY,    /* CategoryInfo.Activity */
    ERRTXT_REASON,      /* CategoryInfo.Reason */
    ERRTXT_TARGETNAME,  /* CategoryInfo.TargetName */
    ERRTXT_TARGETTYPE,  /* CategoryInfo.TargetType */
    ERRTXT_DETAILS,     /* ErrorDetails.Message (the record then has ErrorDetails) */
    ERRTXT_RECOMMENDED, /* ErrorDetails.RecommendedAction */
    ERRTXT_EXCMSG,      /* $_.Exception.Message when it differs from the record's message */
    ERRTXT__COUNT
} ErrText;
void errrec_set_text(Value rec, ErrText which, const char *text);
/* A new record with the same contents as rec (Write-Error -ErrorRecord). */
Value errrec_copy(Value rec);
void errrec_set_id(Value rec, const char *id);
void errrec_set_category(Value rec, ErrCategory cat);
/* pwsh's catch looks at the wrapped exception first: when the kind rec wraps is type
 * name/len (or derives from it), a copy of rec whose exception is that inner one (its
 * message and type), for $_ in the handler; $null otherwise. */
Value errrec_unwrap(Value rec, const char *name, size_t len);

/* ---- standalone exception objects ([System.ArgumentException]::new('m'), throw $ex) ---- */
/* The kind named name/len (short or full name); 0 when psmini does not know it. */
int errrec_exc_lookup(const char *name, size_t len, ExcKind *k);
Value errrec_exception_new(ExcKind k, const char *msg); /* never fails */
/* 1 and the kind and message (borrowed) when v is an exception object. */
int errrec_exception_info(Value v, ExcKind *k, const char **msg);
const char *errrec_exc_name(ExcKind k);     /* "ArgumentException" */
const char *errrec_exc_fullname(ExcKind k); /* "System.ArgumentException" */
/* 1 when kind k is the type name/len or derives from it. */
int errrec_kind_is(ExcKind k, const char *name, size_t len);

#endif
