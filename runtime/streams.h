/*
** streams: the five non-output streams' plumbing (language.md 5.3).  Warning, Verbose, Debug
** and Information messages become InfoRecords (ToString = the message) that are shown with
** their "WARNING: " style prefix on the host, dropped, stopped on, merged into output (3>&1)
** or written to a file, as the preference variable or the command's common parameter says.
** Also the Out-Default / Out-Host / Out-String commands and file redirection targets
** (formatted text, UTF-8, like Out-File).
*/
#ifndef PSM_RUNTIME_STREAMS_H
#define PSM_RUNTIME_STREAMS_H

#include "runtime/command.h"

enum { STREAM_OUT = 1, STREAM_ERR, STREAM_WARN, STREAM_VERBOSE, STREAM_DEBUG, STREAM_INFO };

/* Warning/Verbose/Debug/Information records (one class each, named WarningRecord ...;
 * cls_inforecord is their common base name, unused for instances). */
extern const ObjClass cls_inforecord;
Value inforec_new(int stream, const char *msg); /* never fails */
int inforec_stream(Value v);                    /* STREAM_* of a record, 0 for anything else */
const char *inforec_message(Value v);           /* borrowed */
/* The InformationRecord of a host write (Write-Host, or a job's message shown on its host;
 * pwsh tags these PSHOST): a receiver shows it whatever its $InformationPreference. */
Value inforec_new_host(const char *msg);
int inforec_is_host(Value v);
/* A host write that did not end its line (Write-Host -NoNewline, a prompt). */
void inforec_set_nonewline(Value v);
int inforec_nonewline(Value v);

/* What Out-Default shows for v: "WARNING: msg" style text for a stream record, the error view
 * for an ErrorRecord (merged with 2>&1), else v itself.  A new reference. */
Value stream_display(Interp *I, Value v);

/* The action for stream (STREAM_WARN..STREAM_INFO) in force: the running command's override
 * (-WarningAction, -Verbose ...), else the preference variable.  An ErrAction value. */
int stream_action(Interp *I, int stream);

/* Write msg to stream as the command c (site for errors) would: shown, merged, collected in
 * -WarningVariable, dropped; Stop makes it a terminating error (returns ST_THROW). */
Status stream_write(Interp *I, int stream, Value msg, Node *site);

/* A pipe writing formatted text to path, taken against I's location (truncated, or appended
 * to); *st gets ST_THROW with Out-File's error record when the file cannot be opened (returns
 * NULL then). */
Pipe *stream_file_open(Interp *I, const char *path, int append, Node *site, Status *st);
void stream_file_close(Interp *I, Pipe *p); /* ends the formatting, closes; NULL is fine */

/* The commands of this module (registered by interp_new). */
extern const CmdDef stream_cmds[];
extern const int nstream_cmds;

#endif
