# about_Classes_Constructors: a static constructor runs once, before the first use of the
# class (a static member or a new instance); a class with only a static constructor
# still has the default instance constructor.
class Registry {
    static [string[]] $Names
    static [int] $Created
    static Registry() {
        [Registry]::Names = @('first')
        [Registry]::Created = 100
    }
    Registry() { [Registry]::Created++ }
}
[Registry]::Names
[Registry]::Created
$null = [Registry]::new()
$null = [Registry]::new()
[Registry]::Created
class OnlyStatic {
    [string] $Name
    static [string] $Kind
    static OnlyStatic() { [OnlyStatic]::Kind = 'initialised' }
}
$o = [OnlyStatic]@{ Name = 'x' }
$o.Name
[OnlyStatic]::Kind
