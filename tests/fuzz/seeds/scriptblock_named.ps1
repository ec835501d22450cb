$sb = {
  param($x)
  begin { "b" }
  process { $_ }
  end { "e" }
}
{ dynamicparam { } end { } }
