/* core_history.c — Get-History, Invoke-History, Clear-History, Add-History over the
 * session history that the runtime keeps (the REPL feeds it, one entry per statement). */
#include "cmdlets/cmdlets.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define TICKS_PER_SECOND 10000000LL

static hv_value
hi_duration(const hv_value *self)
{
    const hv_value *d = hv_obj_get(self, "Duration");
    double secs = d && d->kind == HV_TIMESPAN ? (double)d->u.i / TICKS_PER_SECOND : 0;
    return hv_strf("%.3f", secs);
}

static const hv_view_column hi_view[] = {
    {.label = "Id", .property = "Id", .width = 4, .align = 1},
    {.label = "Duration", .compute = hi_duration, .width = 12, .align = 1},
    {.label = "CommandLine", .property = "CommandLine"},
    {.label = NULL},
};

static hv_value
hi_to_string(const hv_value *self)
{
    const hv_value *l = hv_obj_get(self, "CommandLine");
    return l ? hv_ref(l) : hv_str("");
}

static const hv_obj_class hi_class = {
    .type_name = "Microsoft.PowerShell.Commands.HistoryInfo",
    .table_view = hi_view,
    .to_string = hi_to_string,
};

static hv_value
hi_object(const hv_history_entry *e)
{
    hv_value o = hv_obj_new(&hi_class);
    hv_obj_set(&o, "Id", hv_long(e->id));
    hv_obj_set(&o, "CommandLine", hv_str(e->line));
    hv_obj_set(&o, "ExecutionStatus", hv_str(e->ok ? "Completed" : "Failed"));
    hv_obj_set(&o, "StartExecutionTime", hv_datetime(e->start_ticks, HV_DT_LOCAL));
    hv_obj_set(&o, "EndExecutionTime", hv_datetime(e->end_ticks, HV_DT_LOCAL));
    hv_obj_set(&o, "Duration", hv_timespan(e->end_ticks - e->start_ticks));
    return o;
}

static const hv_history_entry *
find_id(hv_ctx *ctx, int64_t id)
{
    for (size_t i = 0; i < hv_history_count(ctx); i++)
        if (hv_history_at(ctx, i)->id == id)
            return hv_history_at(ctx, i);
    return NULL;
}

/* ---- Get-History ---- */
enum { GH_ID, GH_COUNT, GH__N };
static const hv_param_def gh_params[GH__N + 1] = {
    [GH_ID] = {.name = "Id", .type = HV_PT_INT64, .position = 0, .flags = HV_PF_ARRAY | HV_PF_BY_VALUE,
               .help = "Specifies an array of the IDs of entries in the session history. Get-History "
                       "gets only specified entries."},
    [GH_COUNT] = {.name = "Count", .type = HV_PT_INT32, .position = 1, .min = 0, .max = 32767,
                  .help = "Specifies the number of the most recent history entries that this cmdlet "
                          "gets. By default, Get-History gets all entries in the session history."},
    [GH__N] = {.name = NULL},
};

static hv_status
gh_process(hv_cmd *cmd, const hv_value *input)
{
    (void)input;
    hv_ctx *ctx = hv_cmd_ctx(cmd);
    const hv_value *ids = hv_cmd_arg(cmd, GH_ID);
    hv_status st = HV_OK;
    if (ids) {
        for (size_t i = 0; i < hv_array_len(ids) && st == HV_OK; i++) {
            int64_t id = hv_int_of(hv_array_at(ids, i));
            const hv_history_entry *e = find_id(ctx, id);
            if (e)
                st = hv_emit(cmd, hi_object(e));
            else
                st = hv_write_error(cmd, hv_error_new(cmd, HV_CAT_ObjectNotFound,
                                                      "GetHistoryNotFound", hv_array_at(ids, i),
                                                      "Cannot locate history for Id %lld.",
                                                      (long long)id));
        }
        return st;
    }
    size_t n = hv_history_count(ctx), from = 0;
    const hv_value *count = hv_cmd_arg(cmd, GH_COUNT);
    if (count && (size_t)hv_int_of(count) < n)
        from = n - (size_t)hv_int_of(count);
    for (size_t i = from; i < n && st == HV_OK; i++)
        st = hv_emit(cmd, hi_object(hv_history_at(ctx, i)));
    return st;
}

/* ---- Invoke-History ---- */
enum { IH_ID, IH__N };
static const hv_param_def ih_params[IH__N + 1] = {
    [IH_ID] = {.name = "Id", .type = HV_PT_STRING, .position = 0, .flags = HV_PF_BY_VALUE,
               .help = "Specifies the ID of a command in the history, or the first characters of "
                       "a command line: the most recent match runs. Without it, the most recent "
                       "command runs."},
    [IH__N] = {.name = NULL},
};

static const hv_history_entry *
ih_find(hv_ctx *ctx, const char *spec)
{
    size_t n = hv_history_count(ctx);
    if (!spec || !*spec)
        return n ? hv_history_at(ctx, n - 1) : NULL;
    char *end;
    long long id = strtoll(spec, &end, 10);
    if (*end == '\0')
        return find_id(ctx, id);
    size_t sl = strlen(spec);
    for (size_t i = n; i-- > 0;)
        if (strncasecmp(hv_history_at(ctx, i)->line, spec, sl) == 0)
            return hv_history_at(ctx, i);
    return NULL;
}

static hv_status
ih_process(hv_cmd *cmd, const hv_value *input)
{
    (void)input;
    hv_ctx *ctx = hv_cmd_ctx(cmd);
    const hv_value *id = hv_cmd_arg(cmd, IH_ID);
    const char *spec = id ? hv_str_cstr(id) : NULL;
    const hv_history_entry *e = ih_find(ctx, spec);
    if (!e)
        return hv_throw(cmd, hv_error_new(cmd, HV_CAT_ObjectNotFound,
                                          "InvokeHistoryNoHistoryFound", id,
                                          spec ? "Cannot locate the history for command line %s."
                                               : "Cannot locate the most recent history.%s",
                                          spec ? spec : ""));
    /* pwsh echoes the command line it re-runs. */
    hv_write_host(cmd, e->line, true, NULL, NULL);
    char *line = hv_xstrdup(e->line); /* the entry may move while the command runs */
    hv_status st = hv_cmd_invoke_text(cmd, line, strlen(line));
    free(line);
    return st;
}

/* ---- Clear-History ---- */
enum { CH_ID, CH_COUNT, CH_COMMANDLINE, CH_NEWEST, CH__N };
enum { CH_SET_ID, CH_SET_COMMANDLINE };
static const hv_param_def ch_params[CH__N + 1] = {
    [CH_ID] = {.name = "Id", .type = HV_PT_INT32, .position = 0, .flags = HV_PF_ARRAY,
               .sets = HV_SET(CH_SET_ID),
               .help = "Specifies the history IDs of commands that this cmdlet deletes."},
    [CH_COUNT] = {.name = "Count", .type = HV_PT_INT32, .position = 1, .min = 1, .max = 2147483647,
                  .help = "Specifies the number of history entries that this cmdlet clears, "
                          "starting with the oldest entry in the history (or the newest with "
                          "-Newest)."},
    [CH_COMMANDLINE] = {.name = "CommandLine", .type = HV_PT_STRING, .position = HV_POS_NAMED,
                        .flags = HV_PF_ARRAY | HV_PF_WILDCARDS, .sets = HV_SET(CH_SET_COMMANDLINE),
                        .help = "Specifies commands that this cmdlet deletes (wildcards allowed)."},
    [CH_NEWEST] = {.name = "Newest", .type = HV_PT_SWITCH, .position = HV_POS_NAMED,
                   .help = "Indicates that this cmdlet deletes the newest entries in the history."},
    [CH__N] = {.name = NULL},
};

static bool
ch_selected(hv_cmd *cmd, const hv_history_entry *e)
{
    const hv_value *ids = hv_cmd_arg(cmd, CH_ID);
    const hv_value *lines = hv_cmd_arg(cmd, CH_COMMANDLINE);
    if (ids) {
        for (size_t i = 0; i < hv_array_len(ids); i++)
            if (hv_int_of(hv_array_at(ids, i)) == e->id)
                return true;
        return false;
    }
    if (lines) {
        for (size_t i = 0; i < hv_array_len(lines); i++)
            if (hv_wildcard_match(hv_str_cstr(hv_array_at(lines, i)), e->line, false))
                return true;
        return false;
    }
    return true;
}

static hv_status
ch_process(hv_cmd *cmd, const hv_value *input)
{
    (void)input;
    hv_ctx *ctx = hv_cmd_ctx(cmd);
    const hv_value *count = hv_cmd_arg(cmd, CH_COUNT);
    bool newest = hv_cmd_switch(cmd, CH_NEWEST);
    size_t limit = count ? (size_t)hv_int_of(count) : (size_t)-1;
    bool any_filter = hv_cmd_arg(cmd, CH_ID) || hv_cmd_arg(cmd, CH_COMMANDLINE);
    if (!any_filter && !count) {
        while (hv_history_count(ctx))
            hv_history_remove(ctx, hv_history_at(ctx, 0)->id);
        return HV_OK;
    }
    size_t n = hv_history_count(ctx);
    long *victims = hv_xcalloc(n ? n : 1, sizeof *victims);
    size_t nv = 0;
    for (size_t k = 0; k < n && nv < limit; k++) {
        const hv_history_entry *e = hv_history_at(ctx, newest ? n - 1 - k : k);
        if (ch_selected(cmd, e))
            victims[nv++] = e->id;
    }
    for (size_t i = 0; i < nv; i++)
        hv_history_remove(ctx, victims[i]);
    free(victims);
    return HV_OK;
}

/* ---- Add-History ---- */
enum { AH_INPUT, AH_PASSTHRU, AH__N };
static const hv_param_def ah_params[AH__N + 1] = {
    [AH_INPUT] = {.name = "InputObject", .type = HV_PT_ANY, .position = 0,
                  .flags = HV_PF_ARRAY | HV_PF_BY_VALUE,
                  .help = "Specifies an array of entries to add to the history: HistoryInfo "
                          "objects (from Get-History) or command lines."},
    [AH_PASSTHRU] = {.name = "Passthru", .type = HV_PT_SWITCH, .position = HV_POS_NAMED,
                     .help = "Indicates that this cmdlet returns a history object for each "
                             "history entry."},
    [AH__N] = {.name = NULL},
};

static hv_status
ah_process(hv_cmd *cmd, const hv_value *input)
{
    hv_ctx *ctx = hv_cmd_ctx(cmd);
    const hv_value *in = hv_cmd_arg(cmd, AH_INPUT);
    if (!in || in->kind != HV_ARRAY) /* the binder leaves -InputObject $null as $null */
        return HV_OK;
    (void)input;
    for (size_t i = 0; i < hv_array_len(in); i++) {
        const hv_value *item = hv_array_at(in, i);
        hv_value line = item->kind == HV_OBJECT && hv_obj_get(item, "CommandLine")
                            ? hv_conv_to_string(hv_obj_get(item, "CommandLine"), NULL)
                            : hv_conv_to_string(item, NULL);
        int64_t now = hv_dt_now_ticks(HV_DT_LOCAL);
        hv_history_add(ctx, hv_str_cstr(&line), now, now, true);
        hv_unref(line);
        if (hv_cmd_switch(cmd, AH_PASSTHRU)) {
            hv_status st = hv_emit(cmd, hi_object(hv_history_at(ctx, hv_history_count(ctx) - 1)));
            if (st != HV_OK)
                return st;
        }
    }
    return HV_OK;
}

static const hv_cmdlet_def history_cmdlets[] = {
    {
        .name = "Get-History",
        .aliases = (const char *const[]){"h", "history", "ghy", NULL},
        .params = gh_params,
        .ops = {.process = gh_process},
        .synopsis = "Gets a list of the commands entered during the current session.",
        .description = "The Get-History cmdlet gets the session history, that is, the list of "
                       "commands entered during the current session. hvsh also saves the "
                       "history of interactive sessions in ~/.local/share/hvsh/history; lines "
                       "that look like secrets are never saved.",
        .output_type = "Microsoft.PowerShell.Commands.HistoryInfo",
        .examples = (const hv_example[]){
            {.title = "Get the five most recent commands", .code = "Get-History -Count 5"},
            {.title = NULL}},
    },
    {
        .name = "Invoke-History",
        .aliases = (const char *const[]){"r", "ihy", NULL},
        .params = ih_params,
        .ops = {.process = ih_process},
        .flags = HV_CF_SHOULD_PROCESS,
        .synopsis = "Runs commands from the session history.",
        .description = "The Invoke-History cmdlet runs commands from the session history. You "
                       "can pass objects representing the commands from Get-History, or "
                       "identify a command by its Id or by the first characters of its text.",
        .examples = (const hv_example[]){
            {.title = "Run the most recent command", .code = "Invoke-History"},
            {.title = "Run the most recent command that starts with Get-VM", .code = "r Get-VM"},
            {.title = NULL}},
    },
    {
        .name = "Clear-History",
        .aliases = (const char *const[]){"clhy", NULL},
        .sets = (const char *const[]){"IDParameter", "CommandLineParameter", NULL},
        .params = ch_params,
        .ops = {.process = ch_process},
        .flags = HV_CF_SHOULD_PROCESS,
        .synopsis = "Deletes entries from the command history.",
        .description = "The Clear-History cmdlet deletes commands from the session history. "
                       "Without parameters it deletes the whole session history.",
        .examples = (const hv_example[]){
            {.title = "Delete the three newest entries", .code = "Clear-History -Count 3 -Newest"},
            {.title = NULL}},
    },
    {
        .name = "Add-History",
        .params = ah_params,
        .ops = {.process = ah_process},
        .synopsis = "Appends entries to the session history.",
        .description = "The Add-History cmdlet adds entries to the end of the session history.",
        .output_type = "Microsoft.PowerShell.Commands.HistoryInfo",
        .examples = (const hv_example[]){
            {.title = "Copy history entries", .code = "Get-History -Count 2 | Add-History"},
            {.title = NULL}},
    },
    {.name = NULL},
};

const hv_module_def hv_mod_history = {
    .name = "Microsoft.PowerShell.Core",
    .version = "7.4.0.0",
    .cmdlets = history_cmdlets,
};
