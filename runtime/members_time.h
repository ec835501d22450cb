/*
** members_time: System.DateTime and System.TimeSpan, instance and static members.  Dates are
** inline ticks with a DateTimeKind; local time uses the C library's zone (datefmt.h).
*/
#ifndef PSM_RUNTIME_MEMBERS_TIME_H
#define PSM_RUNTIME_MEMBERS_TIME_H

#include "runtime/members_util.h"

extern const MbrMethod mbr_date_methods[];
extern const MbrProp mbr_date_props[];
extern const MbrMethod mbr_span_methods[];
extern const MbrProp mbr_span_props[];
extern const MbrMethod mbr_date_statics[]; /* [datetime]::Parse ... */
extern const MbrProp mbr_date_sprops[];    /* [datetime]::Now ... */
extern const MbrMethod mbr_span_statics[]; /* [timespan]::FromDays ... */
extern const MbrProp mbr_span_sprops[];    /* [timespan]::Zero ... */

#endif
