# about_Pipelines (PowerShell 7.5 docs) and language.md 5.1.

#### ForEach-Object in pipeline
1..3 | ForEach-Object { $_ * 2 }
## STDOUT:
2
4
6
## END

#### Where-Object filter
1..5 | Where-Object { $_ -gt 3 }
## STDOUT:
4
5
## END

#### Where-Object simplified syntax
'a', 'bb', 'ccc' | Where-Object Length -gt 1
## STDOUT:
bb
ccc
## END

#### Sort-Object
3, 1, 2 | Sort-Object
## STDOUT:
1
2
3
## END

#### Sort-Object descending
3, 1, 2 | Sort-Object -Descending
## STDOUT:
3
2
1
## END

#### Sort-Object unique
'b', 'a', 'b' | Sort-Object -Unique
## STDOUT:
a
b
## END

#### Sort-Object by property
$objs = [pscustomobject]@{ n = 2 }, [pscustomobject]@{ n = 1 }
($objs | Sort-Object -Property n | ForEach-Object { $_.n }) -join ','
## stdout: 1,2

#### Measure-Object sum
(1..5 | Measure-Object -Sum).Sum
## stdout: 15

#### Measure-Object count
(1..5 | Measure-Object).Count
## stdout: 5

#### Measure-Object average maximum minimum
$m = 2, 4, 6 | Measure-Object -Average -Maximum -Minimum
$m.Average
$m.Maximum
$m.Minimum
## STDOUT:
4
6
2
## END

#### Select-Object First
1..10 | Select-Object -First 3
## STDOUT:
1
2
3
## END

#### Select-Object Last
1..10 | Select-Object -Last 2
## STDOUT:
9
10
## END

#### Select-Object Skip
1..5 | Select-Object -Skip 3
## STDOUT:
4
5
## END

#### Select-Object Unique
'a', 'b', 'a' | Select-Object -Unique
## STDOUT:
a
b
## END

#### Select-Object ExpandProperty
[pscustomobject]@{ Name = 'n1' } | Select-Object -ExpandProperty Name
## stdout: n1

#### Select-Object property creates object
$o = [pscustomobject]@{ a = 1; b = 2 } | Select-Object -Property a
$o.a
@($o.psobject.Properties).Count
## STDOUT:
1
1
## END

#### Group-Object
'a', 'b', 'a' | Group-Object | ForEach-Object { "$($_.Name)=$($_.Count)" }
## STDOUT:
a=2
b=1
## END

#### Tee-Object to variable
'x' | Tee-Object -Variable t | Out-Null
$t
## stdout: x

#### pipeline of functions streams begin process end in order
$script:log = @()
function A { begin { $script:log += 'Ab' } process { $script:log += "A$_"; $_ } end { $script:log += 'Ae' } }
function B { begin { $script:log += 'Bb' } process { $script:log += "B$_" } end { $script:log += 'Be' } }
1, 2 | A | B
$log -join ' '
## stdout: Ab Bb A1 B1 A2 B2 Ae Be

#### null is a pipeline object
$null | ForEach-Object { 'ran' }
## stdout: ran

#### empty array sends nothing
@() | ForEach-Object { 'ran' }
'done'
## stdout: done

#### function with no output sends nothing
function Get-Nothing { }
Get-Nothing | ForEach-Object { 'ran' }
'done'
## stdout: done

#### array wrapped with unary comma is one object
, (1, 2, 3) | ForEach-Object { $_.Count }
## stdout: 3

#### strings are not enumerated
'abc' | ForEach-Object { $_.Length }
## stdout: 3

#### pipeline output collected into array
$r = 1..3 | ForEach-Object { $_ }
$r.GetType().Name
## stdout: Object[]

#### single pipeline result is scalar
$r = 'one', 'two' | Where-Object { $_ -like 't*' }
$r.GetType().Name
$r.Length
$r.Count
## STDOUT:
String
3
1
## END

#### parenthesized pipeline as expression
(1..3 | Measure-Object -Sum).Sum + 1
## stdout: 7

#### pipeline continues after leading pipe on next line
1..3
| ForEach-Object { $_ * 10 }
## STDOUT:
10
20
30
## END

#### pipeline continues after trailing pipe
1..2 |
    ForEach-Object { "item $_" }
## STDOUT:
item 1
item 2
## END

#### pipeline chain and and
Write-Output 'a' && Write-Output 'b'
## STDOUT:
a
b
## END

#### pipeline chain or runs on failure
Write-Error 'x' 2>$null || Write-Output 'fallback'
## stdout: fallback

#### pipeline chain and skips on failure
Write-Error 'x' 2>$null && Write-Output 'not run'
'end'
## stdout: end

#### pipeline chain or skips on success
Write-Output 'ok' || Write-Output 'not run'
## stdout: ok

#### pipeline chain result assigned
$r = Write-Output 'a' && Write-Output 'b'
$r -join ','
## stdout: a,b

#### ForEach-Object return skips item
1..3 | ForEach-Object { if ($_ -eq 2) { return }; $_ }
## STDOUT:
1
3
## END

#### pipeline with Out-String
$s = 'a', ' b' | Out-String
$s -eq "a`n b`n"
## stdout: True

#### Out-String Stream
('x', 'y' | Out-String -Stream).Count
## stdout: 2

#### input object parameter does not enumerate
(Measure-Object -InputObject (1, 2, 3)).Count
## stdout: 1

#### Get-Unique on sorted input
1, 1, 2, 2, 3 | Get-Unique
## STDOUT:
1
2
3
## END

#### Select-Object First stops upstream
$script:produced = 0
1..100 | ForEach-Object { $script:produced++; $_ } | Select-Object -First 2 | Out-Null
$produced
## stdout: 2

#### Where-Object with property comparison operators
$objs = [pscustomobject]@{ v = 1 }, [pscustomobject]@{ v = 5 }
($objs | Where-Object v -ge 2).v
## stdout: 5

#### ForEach-Object with pipeline variable
1, 2 | ForEach-Object -PipelineVariable pv { $_ * 10 } | ForEach-Object { "$pv->$_" }
## STDOUT:
10->10
20->20
## END

#### failing first command skips second in and chain
Write-Error 'Bad' 2>$null && Write-Output 'Second'
'end'
## stdout: end

#### failing first command runs second in or chain
Write-Error 'Bad' 2>$null || Write-Output 'Second'
## stdout: Second

#### failed assignment from pipeline chain leaves variable unset
try
{
    $result = Write-Output 'Value' && $(throw 'Bad')
}
catch
{
    # Do nothing, just squash the error
}
"Result: $result"
## stdout: Result: 

#### script-terminating error stops a pipeline chain
try
{
    $(throw 'Bad') || Write-Output '2'
}
catch
{
    Write-Output "Caught: $_"
}
Write-Output 'Done'
## STDOUT:
Caught: Bad
Done
## END

#### non-terminating error from WriteError continues an or chain
function Test-NonTerminatingError
{
    [CmdletBinding()]
    param()

    $exception = [System.Exception]::new('BAD')
    $errorId = 'BAD'
    $errorCategory = 'NotSpecified'

    $errorRecord = [System.Management.Automation.ErrorRecord]::new(
        $exception, $errorId, $errorCategory, $null
    )

    $PSCmdlet.WriteError($errorRecord)
}

Test-NonTerminatingError 2>$null || Write-Output 'Second'
## stdout: Second

#### error anywhere in a pipeline fails the and chain
function Test-NotTwo
{
    [CmdletBinding()]
    param(
      [Parameter(ValueFromPipeline)]
      $Input
    )

    process
    {
        if ($Input -ne 2)
        {
            return $Input
        }

        $exception = [System.Exception]::new('Input is 2')
        $errorId = 'InputTwo'
        $errorCategory = 'InvalidData'

        $errorRecord = [System.Management.Automation.ErrorRecord]::new(
            $exception, $errorId, $errorCategory, $null
        )

        $PSCmdlet.WriteError($errorRecord)
    }
}

1,2,3 | Test-NotTwo 2>$null && Write-Output 'All done!'
## STDOUT:
1
3
## END

#### break inside subexpression of a pipeline chain
foreach ($file in 'file1', 'file2', 'file3')
{
    /bin/sh -c "test $file = file2" && Write-Output "Found $file" && $(break)
}
'after'
## STDOUT:
Found file2
after
## END

#### pipeline chain is left associative
Write-Output 'a' || Write-Output 'b' && Write-Output 'c'
## STDOUT:
a
c
## END
