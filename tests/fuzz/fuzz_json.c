/* fuzz_json.c — libFuzzer target: ConvertFrom-Json (jansson underneath) and the way back,
 * through the runtime as a script uses them: the input is read as text, converted to
 * objects (and with -AsHashtable), and the objects converted back with ConvertTo-Json.
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
    "try { $o = $t | ConvertFrom-Json -ErrorAction Stop\n"
    "      $null = $o | ConvertTo-Json -Depth 100\n"
    "      $null = ConvertTo-Json -InputObject $o -Compress -Depth 3\n"
    "      $null = $o | Format-List * | Out-String } catch { }\n"
    "try { $h = ConvertFrom-Json -InputObject $t -AsHashtable -ErrorAction Stop\n"
    "      $null = $h | ConvertTo-Json -Depth 100 } catch { }\n";

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    static const hv_module_def *const mods[] = {&hv_mod_utility, &hv_mod_utility_data,
                                                &hv_mod_management, NULL};
    fuzz_input_file(data, size);
    fuzz_run(mods, script, sizeof script - 1);
    return 0;
}
