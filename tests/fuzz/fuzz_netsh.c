/* fuzz_netsh.c — libFuzzer target: the netsh argument parser (keyword abbreviation,
 * tag=value and positional arguments, addresses, masks) through the runtime. The input is
 * split at whitespace and NUL into arguments, each passed single-quoted, so netsh receives
 * exactly those strings: `netsh 'int' 'ip' 'add' 'dns' 'Ethernet' '1.1.1.1'`. Changes, if
 * the words make one, reach only the sandbox's own network namespace, state dir and
 * resolv.conf (fuzz_sandbox.h); a veth-less namespace makes most of them "not found". */
/* FUZZ_SOURCES: parser/[a-z]*.c pipeline/[a-z]*.c cmdlets/[a-z]*.c engine/[a-z]*.c */
#include <stdint.h>
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
    static const hv_module_def *const mods[] = {&hv_mod_nettcpip, &hv_mod_dnsclient, NULL};
    if (size > 2048)
        return -1;
    /* worst case: every byte a quote doubled, plus quotes and spaces per argument */
    char *src = malloc(16 + size * 4); /* a quote byte doubled: at most 2 per byte + 3 per arg */
    size_t n = 0;
    n += (size_t)sprintf(src, "netsh");
    bool in_arg = false;
    for (size_t i = 0; i < size; i++) {
        char c = (char)data[i];
        bool sep = c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == 0;
        if (sep) {
            if (in_arg)
                src[n++] = '\'';
            in_arg = false;
            continue;
        }
        if (!in_arg) {
            src[n++] = ' ';
            src[n++] = '\'';
            in_arg = true;
        }
        if (c == '\'') {
            src[n++] = '\''; /* '' inside a single-quoted string */
        } else if (c == (char)0xE2 && i + 2 < size && data[i + 1] == 0x80 &&
                   data[i + 2] >= 0x98 && data[i + 2] <= 0x9B) {
            /* U+2018..U+201B quote too in PowerShell: double them, or they end the string */
            memcpy(src + n, data + i, 3);
            n += 3;
        }
        src[n++] = c;
    }
    if (in_arg)
        src[n++] = '\'';
    src[n] = 0;
    fuzz_run(mods, src, n);
    free(src);
    return 0;
}
