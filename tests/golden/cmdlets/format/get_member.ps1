# 2026-11-24 Get-Member.  MemberDefinition objects through pwsh's "memberinfo" view: a
# table grouped by TypeName ("   TypeName: System.String", 3 spaces), columns sized from the
# data, members sorted by MemberType then Name; one block per distinct input type.
'abc' | Get-Member -Name ToUpper, ToLower, Length, Chars
[pscustomobject]@{b = 'x'; a = 1; n = $null; d = 1.5; arr = 1, 2; ok = $true} | Get-Member
'--- an array piped gives its element types, each once'
1, 'a', 2, 'b' | Get-Member -MemberType Property
'--- -InputObject takes the array itself'
Get-Member -InputObject @(1, 2) -Name Count, Length, Rank
'--- -MemberType words and wildcards'
@{k = 1} | Get-Member -MemberType Properties -Name *Key*, Count
5 | Get-Member -MemberType Method -Name Equals, GetType, ToString
'--- dates, time spans, ordered dictionaries'
Get-Date | Get-Member -MemberType Property -Name Day*, Kind
New-TimeSpan -Days 1 | Get-Member -Name Total*, Add
[ordered]@{k = 1} | Get-Member -Name Insert, Item
'--- -Static'
[string] | Get-Member -Static -Name IsNullOrEmpty, Empty
[int] | Get-Member -Static -MemberType Property
'--- -Force adds the accessors'
'abc' | Get-Member -Force -Name get_*
'--- the records'
$m = 'abc' | Get-Member -Name Length
$m.TypeName
$m.MemberType
$m.Definition
"$m"
'--- errors'
Get-Member
'abc' | Get-Member -MemberType Nope
'done'
