# about_Member-Access_Enumeration: members missing on the collection are looked up on its
# items; a missing method is reported for the first item without it.
[System.Collections.Generic.List[string]]$Collection = @('a', 'b', 'c')
$Collection.Count
$Collection.Length
$Collection.ToUpper()
$null -eq $Collection.DoesNotExist
try { $Collection.DoesNotExist() } catch { $_.Exception.Message }
try { @('a', 1, 'c').ToUpper() } catch { $_.Exception.Message }
$a = @(, ('bar', 'baz'), 'foo')
$a.Count
$a.ToUpper()
class Class1 { [Object] Foo() { return 'Bar' } }
class Class3 {}
$example1 = ([Class1]::new(), [Class1]::new())
$example3 = ([Class1]::new(), [Class3]::new())
$example1.Foo()
try { $example3.Foo() } catch { $_.Exception.Message }
# PSCustomObject items without the property give $null once any item has it
$foo = [pscustomobject]@{ Foo = 'Foo' }
$bar = [pscustomobject]@{ Bar = 'Bar' }
$baz = [pscustomobject]@{ Baz = 'Baz' }
ConvertTo-Json ($foo, $bar, $baz).Foo
($bar, $foo).Foo.Count
$null -eq ($bar, $baz).Foo
