/* fuzz_csv.c — libFuzzer target: ConvertFrom-Csv and the way back (ConvertTo-Csv),
 * through the runtime as a script uses them: the input is read as text, converted to
 * objects (whole, line by line, with -Delimiter and -Header) and back with ConvertTo-Csv.
 * Sandbox: see fuzz_sandbox.h. */
/* FUZZ_SOURCES: parser/[a-z]*.c pipeline/[a-z]*.c cmdlets/[a-z]*.c engine/[a-z]*.c */
#include <stdint.h>

#include "tests/fuzz/fuzz_sandbox.h"

int
LLVMFuzzerInitialize(int *argc, char ***argv)
{
    fuzz_sandbox(*argc, *argv);
    return 0;
}

static const char script[] =
    "$t = [System.IO.File]::ReadAllText((Join-Path $env:HOME 'in.txt'))\n"
    "try { $o = $t | ConvertFrom-Csv -ErrorAction Stop\n"
    "      $null = $o | ConvertTo-Csv -NoTypeInformation\n"
    "      $null = $o | Format-Table | Out-String } catch { }\n"
    "try { $o = $t -split \"`n\" | ConvertFrom-Csv -Delimiter ';' -ErrorAction Stop\n"
    "      $null = $o | ConvertTo-Csv -Delimiter ';' -UseQuotes AsNeeded } catch { }\n"
    "try { $o = ConvertFrom-Csv -InputObject ($t -split \"`n\") -Header a, b, a -ErrorAction Stop\n"
    "      $null = $o | ConvertTo-Csv } catch { }\n";

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    static const hv_module_def *const mods[] = {&hv_mod_utility, &hv_mod_utility_data,
                                                &hv_mod_management, NULL};
    fuzz_input_file(data, size);
    fuzz_run(mods, script, sizeof script - 1);
    return 0;
}
