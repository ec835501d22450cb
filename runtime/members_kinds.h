/*
** members_kinds: object kinds that exist for the .NET surface: System.Guid and the regex
** results System.Text.RegularExpressions.Match / Group / GroupCollection / MatchCollection.
** A Match owns a copy of its input and its group spans; groups are indexable by number and by
** name (mkinds_group_at).  The evaluator uses mkinds_match_new for $Matches-style results.
*/
#ifndef PSM_RUNTIME_MEMBERS_KINDS_H
#define PSM_RUNTIME_MEMBERS_KINDS_H

#include "runtime/members_util.h"
#include "runtime/regex.h"

extern const ObjClass cls_guid, cls_rxmatch, cls_rxgroup, cls_rxgroups, cls_encoding;

/* A random version-4 GUID (from /dev/urandom, falling back to rand()).  Never fails. */
Value mkinds_guid_new(void);
/* Parse "xxxxxxxx-xxxx-xxxx-xxxx-xxxxxxxxxxxx" (also {..}, (..) and 32 bare digits).  0 when
 * malformed. */
int mkinds_guid_parse(const char *s, size_t len, Value *out);
Value mkinds_guid_empty(void);

/* A Match object for match m of re over s[0..len) (m == NULL: a failed match, Success false).
 * Copies what it needs; re gets a reference.  Never fails. */
Value mkinds_match_new(Regex *re, const char *s, size_t len, const RxMatch *m);
/* .Groups[key] of a Match (key: an integer or a name); 1 and a new reference when present. */
int mkinds_group_at(Value match, Value key, Value *out);
/* The groups of a Match or GroupCollection as a new object[] (for enumeration: $m.Groups | ...);
 * $null for anything else. */
Value mkinds_groups_items(Value coll);

extern const MbrMethod mbr_guid_statics[];
extern const MbrProp mbr_guid_sprops[];
extern const MbrMethod mbr_regex_statics[];
extern const MbrMethod mbr_guid_methods[]; /* instance methods */
extern const MbrMethod mbr_match_methods[];
extern const MbrMethod mbr_group_methods[];
extern const MbrMethod mbr_encoding_methods[];
extern const MbrMethod mbr_encoding_statics[]; /* [Text.Encoding]::GetEncoding */
extern const MbrProp mbr_encoding_sprops[];    /* [Text.Encoding]::UTF8 ... */

#endif
