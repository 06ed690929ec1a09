# Get-FileHash: every algorithm on a known file, and -InputStream.
Get-FileHash -Path data/hello.txt | Format-Table Algorithm, Hash
foreach ($a in "SHA1", "SHA384", "SHA512", "MD5") { (Get-FileHash data/hello.txt -Algorithm $a).Hash }
(Get-FileHash data/hello.txt).Path -eq (Join-Path $PSScriptRoot "data/hello.txt")
(Get-FileHash -InputStream ([byte[]]@()) -Algorithm SHA256).Hash
Get-TimeZone -Id Etc/UTC
