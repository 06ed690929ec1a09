# #Requires: built-in module names satisfy -Modules; a missing module stops the script;
# -RunAsAdministrator checks for root (the tests run as root); -Version 5.1 is met.
& ./fixtures/requires-modules.ps1
& ./fixtures/requires-admin.ps1
try { & ./fixtures/requires-missing.ps1 } catch { $_.FullyQualifiedErrorId; $_.Exception.Message }
