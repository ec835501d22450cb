# Measure-Object -Line -Word -Character: TextMeasureInfo table (2026-11-24, objects).
"One two three", "four five" | Measure-Object -Line -Word -Character
