$objects = @{
  ReferenceObject = 'dog','squirrel','bird'
  DifferenceObject = 'cat','bird','racoon'
}
Compare-Object @objects -ExcludeDifferent
