# Measure-Object: GenericMeasureInfo list view (2026-11-24, cmdlet issue: objects).
1..10 | Measure-Object -Sum -Average -Maximum -Minimum
