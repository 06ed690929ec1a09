Compare-Object -ReferenceObject 'dog','squirrel','bird' -DifferenceObject 'cat','bird','racoon'
