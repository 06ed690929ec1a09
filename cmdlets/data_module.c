/* data_module.c — the data cmdlets of Microsoft.PowerShell.Utility (JSON, CSV, dates, random,
 * Select-String, Out-File, ...). The runtime merges this table with the object cmdlets of
 * hv_mod_utility (util_module.c). Parameter tables and handlers live in data_*.c. */
#include "cmdlets/cmdlets.h"
#include "cmdlets/data.h"

#include <stddef.h>

#define ONLINE(page) "https://learn.microsoft.com/powershell/module/microsoft.powershell.utility/" page

static const hv_cmdlet_def data_cmdlets[] = {
    {
        .name = "ConvertTo-Json",
        .params = hvc_tojson_params,
        .ops = {.process = hvc_tojson_process, .end = hvc_tojson_end,
                .cleanup = hvc_tojson_cleanup},
        .state_size = HVC_JSON_STATE,
        .synopsis = "Converts an object to a JSON-formatted string.",
        .description =
            "The ConvertTo-Json cmdlet converts any object to a string in JavaScript Object "
            "Notation (JSON) format. The properties are converted to field names, the field "
            "values are converted to property values, and the methods are removed. Objects "
            "nested deeper than -Depth (default 2) are replaced by their string form and a "
            "warning is written. Piped objects are collected and written as one JSON array.",
        .output_type = "System.String",
        .examples = (const hv_example[]){
            {.title = "Convert a hashtable to compact JSON",
             .code = "[ordered]@{Account=\"User01\";Domain=\"Domain01\";Admin=\"True\"} | "
                     "ConvertTo-Json -Compress",
             .remarks = "{\"Account\":\"User01\",\"Domain\":\"Domain01\",\"Admin\":\"True\"}"},
            {.title = "Serialize nested objects deeper than the default",
             .code = "$config | ConvertTo-Json -Depth 5"},
            {.title = NULL}},
        .online = ONLINE("convertto-json"),
    },
    {
        .name = "ConvertFrom-Json",
        .params = hvc_fromjson_params,
        .ops = {.process = hvc_fromjson_process, .end = hvc_fromjson_end,
                .cleanup = hvc_fromjson_cleanup},
        .state_size = HVC_JSON_STATE,
        .synopsis = "Converts a JSON-formatted string to a custom object or a hash table.",
        .description =
            "The ConvertFrom-Json cmdlet converts a JavaScript Object Notation (JSON) "
            "formatted string to a PSCustomObject that has a property for each field in the "
            "JSON string, in the order of the JSON text. Integers become Int64, other numbers "
            "Double, and ISO 8601 date strings DateTime. A JSON array is enumerated unless "
            "-NoEnumerate is used. Piped lines are joined when they are not complete JSON on "
            "their own.",
        .output_type = "System.Management.Automation.PSCustomObject",
        .examples = (const hv_example[]){
            {.title = "Read a JSON file into objects",
             .code = "Get-Content -Raw ./settings.json | ConvertFrom-Json"},
            {.title = "Get an ordered hash table",
             .code = "'{\"a\":1,\"A\":2}' | ConvertFrom-Json -AsHashtable"},
            {.title = NULL}},
        .online = ONLINE("convertfrom-json"),
    },
    {
        .name = "ConvertTo-Csv",
        .sets = (const char *const[]){"Delimiter", "UseCulture", NULL},
        .params = hvc_tocsv_params,
        .ops = {.process = hvc_tocsv_process, .cleanup = hvc_csv_cleanup},
        .state_size = HVC_CSV_STATE,
        .synopsis = "Converts .NET objects into a series of character-separated value (CSV) "
                    "strings.",
        .description =
            "The ConvertTo-Csv cmdlet returns a series of character-separated value (CSV) "
            "strings that represent the objects that you submit. The first string is the "
            "header with the property names of the first object; each object then becomes "
            "one line of quoted values. No #TYPE line is written unless "
            "-IncludeTypeInformation is used.",
        .output_type = "System.String",
        .examples = (const hv_example[]){
            {.title = "Convert objects to CSV strings",
             .code = "[pscustomobject]@{Name='vm1'; Memory=2GB} | ConvertTo-Csv"},
            {.title = NULL}},
        .online = ONLINE("convertto-csv"),
    },
    {
        .name = "ConvertFrom-Csv",
        .sets = (const char *const[]){"Delimiter", "UseCulture", NULL},
        .params = hvc_fromcsv_params,
        .ops = {.process = hvc_fromcsv_process, .cleanup = hvc_fromcsv_cleanup},
        .state_size = HVC_CSV_STATE,
        .synopsis = "Converts object properties in character-separated value (CSV) format "
                    "into CSV versions of the original objects.",
        .description =
            "The ConvertFrom-Csv cmdlet converts character-separated value (CSV) data to "
            "PSObject type objects. The first line is the header unless -Header is given; "
            "every other line becomes an object with one string property per column.",
        .output_type = "System.Management.Automation.PSCustomObject",
        .examples = (const hv_example[]){
            {.title = "Parse CSV text with a custom header",
             .code = "'a;1','b;2' | ConvertFrom-Csv -Delimiter ';' -Header Name,Value"},
            {.title = NULL}},
        .online = ONLINE("convertfrom-csv"),
    },
    {
        .name = "Import-Csv",
        .aliases = (const char *const[]){"ipcsv", NULL},
        .sets = (const char *const[]){"DelimiterPath", "DelimiterLiteralPath", "CulturePath",
                                      "CultureLiteralPath", NULL},
        .params = hvc_importcsv_params,
        .ops = {.process = hvc_importcsv_process},
        .synopsis = "Creates table-like custom objects from the items in a character-separated "
                    "value (CSV) file.",
        .description =
            "The Import-Csv cmdlet creates table-like custom objects from the items in CSV "
            "files. Each column in the CSV file becomes a property of the custom object and "
            "the items in rows become the property values. The file is read line by line.",
        .output_type = "System.Object",
        .examples = (const hv_example[]){
            {.title = "Import a CSV file", .code = "Import-Csv -Path ./vms.csv"},
            {.title = NULL}},
        .online = ONLINE("import-csv"),
    },
    {
        .name = "Export-Csv",
        .aliases = (const char *const[]){"epcsv", NULL},
        .sets = (const char *const[]){"Delimiter", "UseCulture", NULL},
        .params = hvc_exportcsv_params,
        .ops = {.process = hvc_exportcsv_process, .cleanup = hvc_csv_cleanup},
        .state_size = HVC_CSV_STATE,
        .flags = HV_CF_SHOULD_PROCESS,
        .synopsis = "Converts objects into a series of character-separated value (CSV) strings "
                    "and saves the strings to a file.",
        .description =
            "The Export-Csv cmdlet creates a CSV file of the objects that you submit. Each "
            "object is a row that includes a character-separated list of the object's "
            "property values. With -Append the file's existing header is used.",
        .output_type = "None",
        .examples = (const hv_example[]){
            {.title = "Export processes to a CSV file",
             .code = "Get-Process | Select-Object Name, Id | Export-Csv -Path ./p.csv"},
            {.title = NULL}},
        .online = ONLINE("export-csv"),
    },
    {
        .name = "Get-Date",
        .sets = (const char *const[]){"DateAndFormat", "DateAndUFormat",
                                      "UnixTimeSecondsAndFormat", "UnixTimeSecondsAndUFormat",
                                      NULL},
        .params = hvc_getdate_params,
        .ops = {.process = hvc_getdate_process},
        .synopsis = "Gets the current date and time.",
        .description =
            "The Get-Date cmdlet gets a DateTime object that represents the current date or a "
            "date that you specify. It can format the date and time in several .NET and UNIX "
            "formats (-Format, -UFormat), and set individual components (-Year, -Hour...).",
        .output_type = "System.DateTime, System.String",
        .examples = (const hv_example[]){
            {.title = "Get the date in a sortable format",
             .code = "Get-Date -Format 'yyyy-MM-dd HH:mm:ss'"},
            {.title = "Use a UNIX format", .code = "Get-Date -UFormat '%Y/%m/%d %R'"},
            {.title = NULL}},
        .online = ONLINE("get-date"),
    },
    {
        .name = "New-TimeSpan",
        .sets = (const char *const[]){"Date", "Time", NULL},
        .params = hvc_newtimespan_params,
        .ops = {.process = hvc_newtimespan_process},
        .synopsis = "Creates a TimeSpan object.",
        .description =
            "The New-TimeSpan cmdlet creates a TimeSpan object that represents a time "
            "interval: either between two dates (-Start, -End; both default to now) or built "
            "from -Days, -Hours, -Minutes, -Seconds and -Milliseconds.",
        .output_type = "System.TimeSpan",
        .examples = (const hv_example[]){
            {.title = "A time span of one hour and 25 minutes",
             .code = "New-TimeSpan -Hours 1 -Minutes 25"},
            {.title = "Days until a date", .code = "New-TimeSpan -End (Get-Date -Year 2030 -Month 1 -Day 1)"},
            {.title = NULL}},
        .online = ONLINE("new-timespan"),
    },
    {
        .name = "Start-Sleep",
        .aliases = (const char *const[]){"sleep", NULL},
        .sets = (const char *const[]){"Seconds", "Milliseconds", "FromTimeSpan", NULL},
        .params = hvc_sleep_params,
        .ops = {.process = hvc_sleep_process},
        .synopsis = "Suspends the activity in a script or session for the specified period of "
                    "time.",
        .description =
            "The Start-Sleep cmdlet suspends the activity in a script or session for the "
            "specified period of time. Ctrl-C ends the wait.",
        .output_type = "None",
        .examples = (const hv_example[]){
            {.title = "Pause for a second and a half", .code = "Start-Sleep -Seconds 1.5"},
            {.title = NULL}},
        .online = ONLINE("start-sleep"),
    },
    {
        .name = "Measure-Command",
        .params = hvc_measurecmd_params,
        .ops = {.process = hvc_measurecmd_process, .end = hvc_measurecmd_end},
        .state_size = HVC_DATE_STATE,
        .synopsis = "Measures the time it takes to run script blocks and cmdlets.",
        .description =
            "The Measure-Command cmdlet runs a script block internally and times the "
            "execution of the operation. The output of the script block is discarded; the "
            "result is a TimeSpan.",
        .output_type = "System.TimeSpan",
        .examples = (const hv_example[]){
            {.title = "Time a command", .code = "Measure-Command { Get-ChildItem -Recurse }"},
            {.title = NULL}},
        .online = ONLINE("measure-command"),
    },
    {
        .name = "Get-Uptime",
        .params = hvc_uptime_params,
        .ops = {.process = hvc_uptime_process},
        .synopsis = "Get the TimeSpan since last boot.",
        .description = "This cmdlet returns the time elapsed since the last boot of the "
                       "operating system, or with -Since the date and time of that boot.",
        .output_type = "System.TimeSpan, System.DateTime",
        .examples = (const hv_example[]){{.title = "Show the uptime", .code = "Get-Uptime"},
                                         {.title = NULL}},
        .online = ONLINE("get-uptime"),
    },
    {
        .name = "Get-Random",
        .sets = (const char *const[]){"RandomNumberGeneratorDefaultSet", "RandomListItemSet",
                                      "ShuffleSet", NULL},
        .params = hvc_getrandom_params,
        .ops = {.begin = hvc_getrandom_begin, .process = hvc_getrandom_process,
                .end = hvc_getrandom_end,
                .cleanup = hvc_getrandom_cleanup},
        .state_size = HVC_MISC_STATE,
        .synopsis = "Gets a random number, or selects objects randomly from a collection.",
        .description =
            "The Get-Random cmdlet gets a randomly selected number between -Minimum "
            "(inclusive) and -Maximum (exclusive). With -InputObject (or piped objects) it "
            "returns -Count distinct randomly selected objects; -Shuffle returns the whole "
            "collection in random order. -SetSeed makes the sequence reproducible.",
        .output_type = "System.Int32, System.Int64, System.Double, System.Object",
        .examples = (const hv_example[]){
            {.title = "A random number from 1 to 6", .code = "Get-Random -Minimum 1 -Maximum 7"},
            {.title = "Pick three items", .code = "1..10 | Get-Random -Count 3"},
            {.title = NULL}},
        .online = ONLINE("get-random"),
    },
    {
        .name = "Select-String",
        .aliases = (const char *const[]){"sls", NULL},
        .sets = (const char *const[]){"File", "Object", "LiteralFile", "FileRaw", "ObjectRaw",
                                      "LiteralFileRaw", NULL},
        .params = hvc_sls_params,
        .ops = {.process = hvc_sls_process, .end = hvc_sls_end, .cleanup = hvc_sls_cleanup},
        .state_size = HVC_SLS_STATE,
        .synopsis = "Finds text in strings and files.",
        .description =
            "The Select-String cmdlet uses regular expression matching to search for text "
            "patterns in input strings and files, like grep. It finds the first match in each "
            "line (all with -AllMatches) and returns MatchInfo objects that show the file "
            "name, line number and text, or only the line for piped strings.",
        .output_type = "Microsoft.PowerShell.Commands.MatchInfo, System.Boolean, System.String",
        .examples = (const hv_example[]){
            {.title = "Find lines in files", .code = "Select-String -Path ./*.log -Pattern 'error'"},
            {.title = "Filter piped strings", .code = "'Hello', 'HELLO' | Select-String -Pattern 'HELLO' -CaseSensitive"},
            {.title = NULL}},
        .online = ONLINE("select-string"),
    },
    {
        .name = "Get-Unique",
        .aliases = (const char *const[]){"gu", NULL},
        .sets = (const char *const[]){"AsString", "UniqueByType", NULL},
        .params = hvc_getunique_params,
        .ops = {.process = hvc_getunique_process, .cleanup = hvc_getunique_cleanup},
        .state_size = HVC_MISC_STATE,
        .synopsis = "Returns unique items from a sorted list.",
        .description =
            "The Get-Unique cmdlet compares each item in a sorted list to the next item, "
            "eliminates duplicates, and returns only one instance of each item. The list must "
            "be sorted for the cmdlet to work properly. Comparisons are case-sensitive unless "
            "-CaseInsensitive is used.",
        .output_type = "System.Management.Automation.PSObject",
        .examples = (const hv_example[]){
            {.title = "Unique words", .code = "'b','a','b' | Sort-Object | Get-Unique"},
            {.title = NULL}},
        .online = ONLINE("get-unique"),
    },
    {
        .name = "Get-Host",
        .params = hvc_gethost_params,
        .ops = {.process = hvc_gethost_process},
        .synopsis = "Gets an object that represents the current host program.",
        .description = "The Get-Host cmdlet gets an object that represents the program that is "
                       "hosting PowerShell: its name, version and cultures.",
        .output_type = "System.Management.Automation.Internal.Host.InternalHost",
        .examples = (const hv_example[]){{.title = "Show the host version",
                                          .code = "(Get-Host).Version"},
                                         {.title = NULL}},
        .online = ONLINE("get-host"),
    },
    {
        .name = "New-Guid",
        .params = hvc_newguid_params,
        .ops = {.process = hvc_newguid_process},
        .synopsis = "Creates a GUID.",
        .description = "The New-Guid cmdlet creates a random globally unique identifier (GUID, "
                       "version 4). -Empty returns the all-zero GUID.",
        .output_type = "System.Guid",
        .examples = (const hv_example[]){{.title = "Create a GUID", .code = "New-Guid"},
                                         {.title = NULL}},
        .online = ONLINE("new-guid"),
    },
    {
        .name = "Get-Culture",
        .params = hvc_getculture_params,
        .ops = {.process = hvc_getculture_process},
        .synopsis = "Gets the current culture set in the operating system.",
        .description = "The Get-Culture cmdlet gets information about the current culture "
                       "settings. hvsh always uses en-US.",
        .output_type = "System.Globalization.CultureInfo",
        .examples = (const hv_example[]){{.title = "Show the culture", .code = "Get-Culture"},
                                         {.title = NULL}},
        .online = ONLINE("get-culture"),
    },
    {
        .name = "Get-UICulture",
        .params = hvc_getuiculture_params,
        .ops = {.process = hvc_getuiculture_process},
        .synopsis = "Gets the current UI culture settings in the operating system.",
        .description = "The Get-UICulture cmdlet gets information about the current user "
                       "interface (UI) culture settings (en-US).",
        .output_type = "System.Globalization.CultureInfo",
        .examples = (const hv_example[]){{.title = "Show the UI culture", .code = "Get-UICulture"},
                                         {.title = NULL}},
        .online = ONLINE("get-uiculture"),
    },
    {
        .name = "ConvertFrom-StringData",
        .params = hvc_stringdata_params,
        .ops = {.process = hvc_stringdata_process},
        .synopsis = "Converts a string containing one or more key and value pairs to a hash table.",
        .description =
            "The ConvertFrom-StringData cmdlet converts a string that contains one or more key "
            "and value pairs into a hash table. Each pair must be on a separate line (a "
            "here-string is convenient); lines that are blank or start with # are ignored. "
            "Backslashes in values are escape characters (as in Regex.Unescape), so a literal "
            "backslash is written \\\\.",
        .output_type = "System.Collections.Hashtable",
        .examples = (const hv_example[]){
            {.title = "Convert a here-string to a hash table",
             .code = "$Here = @'\nMsg1 = The string parameter is required.\nMsg2 = Credentials "
                     "are required for this command.\n'@\nConvertFrom-StringData -StringData $Here"},
            {.title = "Use a different delimiter",
             .code = "'name:vm01' | ConvertFrom-StringData -Delimiter ':'"},
            {.title = NULL}},
        .online = ONLINE("convertfrom-stringdata"),
    },
    {
        .name = "Get-ExecutionPolicy",
        .params = hvc_getexecpolicy_params,
        .ops = {.process = hvc_getexecpolicy_process},
        .synopsis = "Gets the execution policies for the current session.",
        .description =
            "The Get-ExecutionPolicy cmdlet gets the execution policy. Execution policies are "
            "a Windows feature: on Linux, as in pwsh, every scope is Unrestricted. With -List "
            "it shows every scope in precedence order.",
        .output_type = "Microsoft.PowerShell.ExecutionPolicy",
        .examples = (const hv_example[]){
            {.title = "Get the effective execution policy", .code = "Get-ExecutionPolicy"},
            {.title = "Get all execution policies", .code = "Get-ExecutionPolicy -List"},
            {.title = NULL}},
        .online = "https://learn.microsoft.com/powershell/module/microsoft.powershell.security/get-executionpolicy",
    },
    {
        .name = "Set-ExecutionPolicy",
        .params = hvc_setexecpolicy_params,
        .ops = {.process = hvc_setexecpolicy_process},
        .flags = HV_CF_SHOULD_PROCESS,
        .synopsis = "Sets the PowerShell execution policies for Windows computers.",
        .description =
            "The Set-ExecutionPolicy cmdlet changes execution policies on Windows. On Linux, "
            "as in pwsh, execution policies are not supported: the command fails with "
            "\"Operation is not supported on this platform.\" and scripts run unrestricted.",
        .output_type = "None",
        .examples = (const hv_example[]){
            {.title = "Set an execution policy for the process (fails on Linux, as in pwsh)",
             .code = "Set-ExecutionPolicy -ExecutionPolicy Bypass -Scope Process -Force"},
            {.title = NULL}},
        .online = "https://learn.microsoft.com/powershell/module/microsoft.powershell.security/set-executionpolicy",
    },
    {
        .name = "ConvertTo-SecureString",
        .sets = (const char *const[]){"Secure", "PlainText", "Open", NULL},
        .params = hvc_tosecure_params,
        .ops = {.process = hvc_tosecure_process},
        .synopsis = "Converts plain text or encrypted strings to secure strings.",
        .description =
            "The ConvertTo-SecureString cmdlet converts encrypted standard strings (made by "
            "ConvertFrom-SecureString) into secure strings, or plain text with -AsPlainText. "
            "Secure strings are used for credentials such as Hyper-V guest passwords.",
        .output_type = "System.Security.SecureString",
        .examples = (const hv_example[]){
            {.title = "Make a secure string from plain text",
             .code = "$pw = ConvertTo-SecureString 'P@ssw0rd' -AsPlainText -Force"},
            {.title = NULL}},
        .online = "https://learn.microsoft.com/powershell/module/microsoft.powershell.security/convertto-securestring",
    },
    {
        .name = "ConvertFrom-SecureString",
        .sets = (const char *const[]){"Secure", "AsPlainText", "Open", NULL},
        .params = hvc_fromsecure_params,
        .ops = {.process = hvc_fromsecure_process},
        .synopsis = "Converts a secure string to an encrypted standard string.",
        .description =
            "The ConvertFrom-SecureString cmdlet converts a secure string into an encrypted "
            "standard string (on Linux, as in pwsh, the hexadecimal UTF-16 text), or into "
            "plain text with -AsPlainText.",
        .output_type = "System.String",
        .examples = (const hv_example[]){
            {.title = "Recover the text", .code = "$pw | ConvertFrom-SecureString -AsPlainText"},
            {.title = NULL}},
        .online = "https://learn.microsoft.com/powershell/module/microsoft.powershell.security/convertfrom-securestring",
    },
    {
        .name = "Out-File",
        .sets = (const char *const[]){"ByPath", "ByLiteralPath", NULL},
        .params = hvc_outfile_params,
        .ops = {.begin = hvc_outfile_begin, .process = hvc_outfile_process,
                .end = hvc_outfile_end, .cleanup = hvc_outfile_cleanup},
        .state_size = HVC_OUT_STATE,
        .flags = HV_CF_SHOULD_PROCESS,
        .synopsis = "Sends output to a file.",
        .description =
            "The Out-File cmdlet sends output to a file. It formats the objects as the "
            "console does (tables, lists) and writes the text; use -Width to set the line "
            "width and -Append to add to an existing file.",
        .output_type = "None",
        .examples = (const hv_example[]){
            {.title = "Save a process list", .code = "Get-Process | Out-File -FilePath ./p.txt"},
            {.title = NULL}},
        .online = ONLINE("out-file"),
    },
    {.name = NULL},
};

const hv_module_def hv_mod_utility_data = {
    .name = "Microsoft.PowerShell.Utility",
    .version = "7.0.0.0",
    .cmdlets = data_cmdlets,
};
