# 2026-11-24 issue 3: Out-Default renders dictionaries through the DictionaryEntry view.
[ordered]@{ 1='one'; 2='two'; 'three'=3 }
