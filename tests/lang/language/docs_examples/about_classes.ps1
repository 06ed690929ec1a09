class Device {
    [string]$Brand
    [string]$Model
    [string]$VendorSku
    [string]ToString(){ return ("{0}|{1}|{2}" -f $this.Brand, $this.Model, $this.VendorSku) }
}
$dev = [Device]::new()
$dev.Brand = "Fabrikam, Inc."
$dev.Model = "Fbk5040"
$dev.VendorSku = "5072641000"
$dev.ToString()
class Book {
    [string]$Title
    [string]$Author
    [int]$Pages
    Book([hashtable]$Info) { foreach ($Property in $Info.Keys) { $this.$Property = $Info.$Property } }
    [string] ToString() { return "$($this.Title) by $($this.Author)" }
}
$b = [Book]::new(@{Title='The Hobbit'; Author='J.R.R. Tolkien'; Pages=310})
$b.ToString()
$b.Pages.GetType().Name
class Rack {
    [Device[]]$Devices = [Device[]]::new(2)
    [void] AddDevice([Device]$d, [int]$slot) { $this.Devices[$slot] = $d }
}
$r = [Rack]::new()
$r.AddDevice($dev, 1)
$r.Devices[1].Brand
$null -eq $r.Devices[0]
