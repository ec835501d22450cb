Get-Item a &&
