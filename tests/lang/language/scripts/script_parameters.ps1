& ./fixtures/params.ps1
& ./fixtures/params.ps1 -Name bob -Times 2
./fixtures/params.ps1 carol -Shout
