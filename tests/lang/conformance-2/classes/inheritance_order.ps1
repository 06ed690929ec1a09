# about_Classes_Inheritance: an instance lists the derived class's own properties first,
# then the inherited ones; a redefined property keeps the derived default and position.
class PublishedWork {
    [string] $Name
    [string] $Artist
    [string] $Category
    PublishedWork() { $this.Category = "$($this.GetType().FullName)s" }
    PublishedWork([string]$Name, [string]$Artist) {
        $this.Name = $Name
        $this.Artist = $Artist
        $this.Category = "$($this.GetType().FullName)s"
    }
    [string] ToString() { return "$($this.Name) by $($this.Artist)" }
}
class Album : PublishedWork {
    [string[]] $Genres = @()
}
class Illustration : PublishedWork {
    [string] $Category = 'Illustrations'
    [string] $Medium   = 'Unknown'
    Illustration() {}
    Illustration([string]$Name, [string]$Artist) : base($Name, $Artist) {}
}
$Albums = @(
    [Album]@{ Name = 'The Wall'; Artist = 'Pink Floyd'; Genres = 'Progressive rock', 'Art rock' }
    [Album]@{ Name = '36 Chambers'; Artist = 'Wu-Tang Clan'; Genres = 'Hip hop' }
)
$Albums | Format-Table
[Illustration]::new('Millions of Cats', 'Wanda Gag') | Format-Table
([Album]::new() | Get-Member -MemberType Property).Count
"$($Albums[0])"
