/* fuzz_eval.c — libFuzzer target: the evaluator on arbitrary source (issue 7).
 * The input is a script, run in a fresh runtime that has only the object cmdlets
 * (Microsoft.PowerShell.Utility: ForEach-Object, Where-Object, Select-Object, Sort-Object,
 * Format-*, Measure-Object...) besides the runtime's own intrinsics; no file-system,
 * Hyper-V or network modules, no native programs (see fuzz_sandbox.h). A wall-clock budget
 * of 300 ms per input interrupts endless loops the way Ctrl-C does; memory is bounded by
 * libFuzzer's -rss_limit_mb. Any crash, sanitizer report, leak or hang past the budget is a
 * finding. */
/* FUZZ_SOURCES: parser/[a-z]*.c pipeline/[a-z]*.c cmdlets/[a-z]*.c engine/[a-z]*.c */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "tests/fuzz/fuzz_sandbox.h"

int
LLVMFuzzerInitialize(int *argc, char ***argv)
{
    fuzz_sandbox(*argc, *argv);
    return 0;
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    static const hv_module_def *const mods[] = {&hv_mod_utility, NULL};
    char *src = malloc(size + 1);
    memcpy(src, data, size);
    src[size] = 0;
    fuzz_run(mods, src, size);
    free(src);
    return 0;
}
