# Select-Object.md example 14: -ExpandProperty adds the selected properties to the expanded
# object itself (2026-11-24, cmdlet issue: objects).
$object = [pscustomobject]@{
    name = 'USA'
    children = [pscustomobject]@{
        name = 'Southwest'
    }
}
$object | Select-Object @{n="country"; e={$_.name}} -ExpandProperty children
$object.children.country
