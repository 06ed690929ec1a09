/* complete.h — tab completion (the REPL, and `hvsh -Complete` for golden tests). */
#ifndef HV_COMPLETE_H
#define HV_COMPLETE_H

#include "cmdlet.h"

/* Candidates for the word under the cursor: a malloc'd NULL-terminated array of malloc'd
 * whole replacement words (NULL when none); *word_start = byte offset the word starts at. */
char **hv_complete_line(hv_ctx *ctx, const char *line, size_t cursor, size_t *word_start);

#endif
