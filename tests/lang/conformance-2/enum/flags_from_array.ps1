# about_Enum: a [Flags()] enum value can be built from several names; converting a list
# of names (or values) combines them with a bitwise OR, for casts and parameters alike.
[Flags()] enum Fixins {
    None = 0
    Pickles = 1
    Onions = 2
    Mustard = 4
}
function New-Burger {
    param([Fixins]$Fixins = 'None')
    "New burger with $Fixins"
}
New-Burger 'Pickles', 'None'
New-Burger Onions, Mustard
New-Burger
[Fixins]('Pickles', 'Mustard')
[int][Fixins]@(1, 2, 4)
([Fixins]'Onions, Mustard').HasFlag([Fixins]::Mustard)
