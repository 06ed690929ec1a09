try { [int]::Parse("x") } catch [System.FormatException] { "format: " + $_.Exception.GetType().Name } catch { "other" }
try { [int]::Parse("x") } catch { $_.Exception.InnerException.GetType().FullName; $_.Exception.InnerException.Message }
try { [System.IO.File]::ReadAllText("/nonexistent_x2_file") } catch [System.IO.FileNotFoundException] { "fnf: " + $_.Exception.InnerException.Message }
try { [System.IO.File]::ReadAllText("/nonexistent_x2_dir/f") } catch [System.IO.DirectoryNotFoundException] { "dnf" }
try { [int]::Parse("x") } catch [System.Management.Automation.MethodInvocationException] { "mie" }
