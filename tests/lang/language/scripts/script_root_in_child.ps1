& ./fixtures/scriptroot.ps1
