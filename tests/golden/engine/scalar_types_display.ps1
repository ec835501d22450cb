# Display of the scalar types of bigint.h and enums.h through Out-Default, and of an uncaught
# exception object.
123456789012345678901234567890n
[System.DayOfWeek]::Wednesday
[System.IO.FileAttributes]'Archive, Hidden'
@([bigint]1, [DayOfWeek]::Monday, 'x')
throw [System.ArgumentException]::new('bad argument')
