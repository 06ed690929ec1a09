/* mgmt_module.c — Microsoft.PowerShell.Management: items, content, locations, paths,
 * processes. Parameter tables and handlers live in mgmt_*.c. */
#include "cmdlets/cmdlets.h"
#include "cmdlets/data.h"

#include <stddef.h>

#define ONLINE(page) \
    "https://learn.microsoft.com/powershell/module/microsoft.powershell.management/" page
#define PATH_SETS (const char *const[]){"Path", "LiteralPath", NULL}

static const hv_cmdlet_def mgmt_cmdlets[] = {
    {
        .name = "Get-ChildItem",
        .aliases = (const char *const[]){"gci", "ls", "dir", NULL},
        .sets = (const char *const[]){"Items", "LiteralItems", NULL},
        .params = hvc_gci_params,
        .ops = {.process = hvc_gci_process},
        .synopsis = "Gets the items and child items in one or more specified locations.",
        .description =
            "The Get-ChildItem cmdlet gets the items in one or more specified locations. If "
            "the item is a container, it gets the items inside the container, known as child "
            "items. You can use -Recurse (or -Depth) to get items in all child containers. "
            "Locations can be file-system paths (with wildcards) or the env:, variable:, "
            "function: and alias: drives. Hidden (dot) files are listed with -Force.",
        .output_type = "System.IO.FileInfo, System.IO.DirectoryInfo, System.String",
        .examples = (const hv_example[]){
            {.title = "List the text files below a folder",
             .code = "Get-ChildItem -Path /var/log -Filter *.log -Recurse -File"},
            {.title = "List environment variables", .code = "Get-ChildItem env:"},
            {.title = NULL}},
        .online = ONLINE("get-childitem"),
    },
    {
        .name = "Get-Item",
        .aliases = (const char *const[]){"gi", NULL},
        .sets = PATH_SETS,
        .params = hvc_getitem_params,
        .ops = {.process = hvc_getitem_process},
        .synopsis = "Gets the item at the specified location.",
        .description =
            "The Get-Item cmdlet gets the item at the specified location. It doesn't get the "
            "contents of the item at the location unless you use a wildcard character (*) to "
            "request all the contents of the item.",
        .output_type = "System.IO.FileInfo, System.IO.DirectoryInfo, "
                       "System.Collections.DictionaryEntry",
        .examples = (const hv_example[]){
            {.title = "Get a directory", .code = "Get-Item /etc"},
            {.title = "Get an environment variable", .code = "Get-Item env:HOME"},
            {.title = NULL}},
        .online = ONLINE("get-item"),
    },
    {
        .name = "Test-Path",
        .sets = PATH_SETS,
        .params = hvc_testpath_params,
        .ops = {.process = hvc_testpath_process},
        .synopsis = "Determines whether all elements of a path exist.",
        .description =
            "The Test-Path cmdlet determines whether all elements of the path exist. It "
            "returns $true if all elements exist and $false if any are missing. -PathType "
            "checks for a Container (directory) or a Leaf; -IsValid checks only the syntax.",
        .output_type = "System.Boolean",
        .examples = (const hv_example[]){
            {.title = "Check for a directory", .code = "Test-Path -Path /etc -PathType Container"},
            {.title = "Check for an environment variable", .code = "Test-Path env:HOME"},
            {.title = NULL}},
        .online = ONLINE("test-path"),
    },
    {
        .name = "New-Item",
        .aliases = (const char *const[]){"ni", NULL},
        .sets = (const char *const[]){"pathSet", "nameSet", NULL},
        .params = hvc_newitem_params,
        .ops = {.process = hvc_newitem_process},
        .flags = HV_CF_SHOULD_PROCESS,
        .synopsis = "Creates a new item.",
        .description =
            "The New-Item cmdlet creates a new item and sets its value. In the file system "
            "it creates files (with -Value as their content) and directories (-ItemType "
            "Directory, including missing parents) and symbolic links; on the env: drive it "
            "creates environment variables.",
        .output_type = "System.IO.FileInfo, System.IO.DirectoryInfo",
        .examples = (const hv_example[]){
            {.title = "Create a directory", .code = "New-Item -ItemType Directory -Path ./logs"},
            {.title = "Create a file with content",
             .code = "New-Item -Path . -Name notes.txt -ItemType File -Value 'hello'"},
            {.title = NULL}},
        .online = ONLINE("new-item"),
    },
    {
        .name = "Set-Item",
        .aliases = (const char *const[]){"si", NULL},
        .params = hvc_setitem_params,
        .ops = {.process = hvc_setitem_process},
        .flags = HV_CF_SHOULD_PROCESS,
        .synopsis = "Changes the value of an item to the value specified in the command.",
        .description =
            "The Set-Item cmdlet changes the value of an item, such as a variable, an "
            "environment variable, a function or an alias, to the value specified in the "
            "command. The file system provider does not support Set-Item.",
        .output_type = "None",
        .examples = (const hv_example[]){
            {.title = "Set an environment variable", .code = "Set-Item -Path env:UserRole -Value Administrator"},
            {.title = "Create or change a function", .code = "Set-Item -Path function:prompt -Value {'PS> '}"},
            {.title = NULL}},
        .online = ONLINE("set-item"),
    },
    {
        .name = "Remove-Item",
        .aliases = (const char *const[]){"rm", "del", "ri", "rmdir", "rd", "erase", NULL},
        .sets = PATH_SETS,
        .params = hvc_removeitem_params,
        .ops = {.process = hvc_removeitem_process},
        .flags = HV_CF_SHOULD_PROCESS,
        .synopsis = "Deletes the specified items.",
        .description =
            "The Remove-Item cmdlet deletes one or more items: files, directories (with "
            "-Recurse when they are not empty) and environment variables. Wildcards select "
            "several items.",
        .output_type = "None",
        .examples = (const hv_example[]){
            {.title = "Delete a folder tree", .code = "Remove-Item -Path ./build -Recurse -Force"},
            {.title = "Remove an environment variable", .code = "Remove-Item env:FOO"},
            {.title = NULL}},
        .online = ONLINE("remove-item"),
    },
    {
        .name = "Copy-Item",
        .aliases = (const char *const[]){"cp", "copy", "cpi", NULL},
        .sets = PATH_SETS,
        .params = hvc_copyitem_params,
        .ops = {.process = hvc_copyitem_process},
        .flags = HV_CF_SHOULD_PROCESS,
        .synopsis = "Copies an item from one location to another.",
        .description =
            "The Copy-Item cmdlet copies an item from one location to another. Directories "
            "are copied with their contents when -Recurse is used. An existing destination "
            "directory receives the item under its own name.",
        .output_type = "None, System.IO.FileInfo, System.IO.DirectoryInfo",
        .examples = (const hv_example[]){
            {.title = "Copy a disk image", .code = "Copy-Item ./base.qcow2 -Destination ./vm1.qcow2"},
            {.title = NULL}},
        .online = ONLINE("copy-item"),
    },
    {
        .name = "Move-Item",
        .aliases = (const char *const[]){"mv", "move", "mi", NULL},
        .sets = PATH_SETS,
        .params = hvc_moveitem_params,
        .ops = {.process = hvc_moveitem_process},
        .flags = HV_CF_SHOULD_PROCESS,
        .synopsis = "Moves an item from one location to another.",
        .description =
            "The Move-Item cmdlet moves an item, including its properties, contents, and "
            "child items, from one location to another location.",
        .output_type = "None, System.IO.FileInfo, System.IO.DirectoryInfo",
        .examples = (const hv_example[]){
            {.title = "Move a file into a folder", .code = "Move-Item ./a.txt ./archive/"},
            {.title = NULL}},
        .online = ONLINE("move-item"),
    },
    {
        .name = "Rename-Item",
        .aliases = (const char *const[]){"rni", "ren", NULL},
        .sets = (const char *const[]){"ByPath", "ByLiteralPath", NULL},
        .params = hvc_renameitem_params,
        .ops = {.process = hvc_renameitem_process},
        .flags = HV_CF_SHOULD_PROCESS,
        .synopsis = "Renames an item in a PowerShell provider namespace.",
        .description = "The Rename-Item cmdlet changes the name of a specified item. It does "
                       "not affect the content of the item; the new name is a name, not a path.",
        .output_type = "None, System.IO.FileInfo, System.IO.DirectoryInfo",
        .examples = (const hv_example[]){
            {.title = "Rename a file", .code = "Rename-Item -Path ./old.txt -NewName new.txt"},
            {.title = NULL}},
        .online = ONLINE("rename-item"),
    },
    {
        .name = "Get-Content",
        .aliases = (const char *const[]){"gc", "cat", "type", NULL},
        .sets = PATH_SETS,
        .params = hvc_getcontent_params,
        .ops = {.process = hvc_getcontent_process},
        .synopsis = "Gets the content of the item at the specified location.",
        .description =
            "The Get-Content cmdlet gets the content of the item at the location specified "
            "by the path, such as the text in a file or the content of a function. For files, "
            "the content is read one line at a time and returns a collection of objects, each "
            "representing a line of content. -Raw returns the whole text as one string; "
            "-TotalCount and -Tail limit the lines.",
        .output_type = "System.String, System.Byte",
        .examples = (const hv_example[]){
            {.title = "Get the first five lines", .code = "Get-Content -Path ./log.txt -TotalCount 5"},
            {.title = "Get the last line", .code = "Get-Content ./log.txt -Tail 1"},
            {.title = NULL}},
        .online = ONLINE("get-content"),
    },
    {
        .name = "Set-Content",
        .sets = PATH_SETS,
        .params = hvc_setcontent_params,
        .ops = {.process = hvc_setcontent_process, .cleanup = hvc_content_cleanup},
        .state_size = HVC_CONTENT_STATE,
        .flags = HV_CF_SHOULD_PROCESS,
        .synopsis = "Writes new content or replaces existing content in a file.",
        .description =
            "Set-Content is a string-processing cmdlet that writes new content or replaces "
            "the content in a file. Each value is written as a line (its string form); "
            "-NoNewline concatenates them. The file is created when it does not exist.",
        .output_type = "None, System.String",
        .examples = (const hv_example[]){
            {.title = "Write a file", .code = "Set-Content -Path ./a.txt -Value 'Hello', 'World'"},
            {.title = NULL}},
        .online = ONLINE("set-content"),
    },
    {
        .name = "Add-Content",
        .aliases = (const char *const[]){"ac", NULL},
        .sets = PATH_SETS,
        .params = hvc_addcontent_params,
        .ops = {.process = hvc_addcontent_process, .cleanup = hvc_content_cleanup},
        .state_size = HVC_CONTENT_STATE,
        .flags = HV_CF_SHOULD_PROCESS,
        .synopsis = "Adds content to the specified items, such as adding words to a file.",
        .description = "The Add-Content cmdlet appends content to a specified item or file. "
                       "Each value is appended as a line; the file is created when needed.",
        .output_type = "None, System.String",
        .examples = (const hv_example[]){
            {.title = "Append a line", .code = "Add-Content -Path ./log.txt -Value 'done'"},
            {.title = NULL}},
        .online = ONLINE("add-content"),
    },
    {
        .name = "Clear-Content",
        .aliases = (const char *const[]){"clc", NULL},
        .sets = PATH_SETS,
        .params = hvc_clearcontent_params,
        .ops = {.process = hvc_clearcontent_process},
        .flags = HV_CF_SHOULD_PROCESS,
        .synopsis = "Deletes the contents of an item, but does not delete the item.",
        .description = "The Clear-Content cmdlet deletes the content of an item, such as the "
                       "text in a file, but it does not delete the item.",
        .output_type = "None",
        .examples = (const hv_example[]){
            {.title = "Empty the log files", .code = "Clear-Content ./logs/*.log"},
            {.title = NULL}},
        .online = ONLINE("clear-content"),
    },
    {
        .name = "Get-Location",
        .aliases = (const char *const[]){"gl", "pwd", NULL},
        .sets = (const char *const[]){"Location", "Stack", NULL},
        .params = hvc_getlocation_params,
        .ops = {.process = hvc_getlocation_process},
        .synopsis = "Gets information about the current working location or a location stack.",
        .description = "The Get-Location cmdlet gets an object that represents the current "
                       "directory, much like the print working directory (pwd) command. With "
                       "-Stack it lists the locations saved by Push-Location.",
        .output_type = "System.Management.Automation.PathInfo",
        .examples = (const hv_example[]){{.title = "Show the location", .code = "Get-Location"},
                                         {.title = NULL}},
        .online = ONLINE("get-location"),
    },
    {
        .name = "Set-Location",
        .aliases = (const char *const[]){"cd", "sl", "chdir", NULL},
        .sets = (const char *const[]){"Path", "LiteralPath", "Stack", NULL},
        .params = hvc_setlocation_params,
        .ops = {.process = hvc_setlocation_process},
        .synopsis = "Sets the current working location to a specified location.",
        .description = "The Set-Location cmdlet sets the working location to a specified "
                       "location. 'cd -' returns to the previous location and 'cd +' goes "
                       "forward again; with no path the location is the home directory.",
        .output_type = "None, System.Management.Automation.PathInfo",
        .examples = (const hv_example[]){{.title = "Go to a folder", .code = "Set-Location /var/lib/libvirt"},
                                         {.title = "Go back", .code = "cd -"},
                                         {.title = NULL}},
        .online = ONLINE("set-location"),
    },
    {
        .name = "Push-Location",
        .aliases = (const char *const[]){"pushd", NULL},
        .sets = PATH_SETS,
        .params = hvc_pushlocation_params,
        .ops = {.process = hvc_pushlocation_process},
        .synopsis = "Adds the current location to the top of a location stack.",
        .description = "The Push-Location cmdlet adds (pushes) the current location onto a "
                       "location stack and, if a path is given, changes to it.",
        .output_type = "None, System.Management.Automation.PathInfo",
        .examples = (const hv_example[]){{.title = "Save and change location", .code = "Push-Location /tmp"},
                                         {.title = NULL}},
        .online = ONLINE("push-location"),
    },
    {
        .name = "Pop-Location",
        .aliases = (const char *const[]){"popd", NULL},
        .params = hvc_poplocation_params,
        .ops = {.process = hvc_poplocation_process},
        .synopsis = "Changes the current location to the location most recently pushed onto "
                    "the stack.",
        .description = "The Pop-Location cmdlet changes the current location to the location "
                       "most recently pushed onto the stack by Push-Location.",
        .output_type = "None, System.Management.Automation.PathInfo",
        .examples = (const hv_example[]){{.title = "Return", .code = "Pop-Location"},
                                         {.title = NULL}},
        .online = ONLINE("pop-location"),
    },
    {
        .name = "Join-Path",
        .params = hvc_joinpath_params,
        .ops = {.process = hvc_joinpath_process},
        .synopsis = "Combines a path and a child path into a single path.",
        .description = "The Join-Path cmdlet combines a path and child-path into a single path, "
                       "with exactly one separator between the parts. -AdditionalChildPath "
                       "takes any number of further parts; -Resolve checks that it exists.",
        .output_type = "System.String",
        .examples = (const hv_example[]){{.title = "Join parts", .code = "Join-Path /var lib libvirt images"},
                                         {.title = NULL}},
        .online = ONLINE("join-path"),
    },
    {
        .name = "Split-Path",
        .sets = (const char *const[]){"ParentSet", "LeafSet", "LeafBaseSet", "ExtensionSet",
                                      "QualifierSet", "NoQualifierSet", "IsAbsoluteSet",
                                      "LiteralPathSet", NULL},
        .params = hvc_splitpath_params,
        .ops = {.process = hvc_splitpath_process},
        .synopsis = "Returns the specified part of a path.",
        .description = "The Split-Path cmdlet returns only the specified part of a path, such "
                       "as the parent folder (the default), the leaf, its base name or "
                       "extension, the drive qualifier, or whether the path is absolute.",
        .output_type = "System.String, System.Boolean",
        .examples = (const hv_example[]){{.title = "File name of a path", .code = "Split-Path /etc/hosts -Leaf"},
                                         {.title = NULL}},
        .online = ONLINE("split-path"),
    },
    {
        .name = "Resolve-Path",
        .aliases = (const char *const[]){"rvpa", NULL},
        .sets = PATH_SETS,
        .params = hvc_resolvepath_params,
        .ops = {.process = hvc_resolvepath_process},
        .synopsis = "Resolves the wildcard characters in a path, and displays the path contents.",
        .description = "The Resolve-Path cmdlet displays the items and containers that match "
                       "the wildcard pattern at the location specified, as absolute paths "
                       "(PathInfo objects) or, with -Relative, as paths relative to the "
                       "current location.",
        .output_type = "System.Management.Automation.PathInfo, System.String",
        .examples = (const hv_example[]){{.title = "Resolve a relative path", .code = "Resolve-Path ./*.txt"},
                                         {.title = NULL}},
        .online = ONLINE("resolve-path"),
    },
    {
        .name = "Convert-Path",
        .aliases = (const char *const[]){"cvpa", NULL},
        .sets = PATH_SETS,
        .params = hvc_convertpath_params,
        .ops = {.process = hvc_convertpath_process},
        .synopsis = "Converts a path from a PowerShell path to a PowerShell provider path.",
        .description = "The Convert-Path cmdlet converts a path from a PowerShell path to a "
                       "PowerShell provider path: relative paths, ~ and wildcards become the "
                       "absolute file-system paths of the items they name (strings).",
        .output_type = "System.String",
        .examples = (const hv_example[]){
            {.title = "Convert the working directory to a standard file system path",
             .code = "Convert-Path ."},
            {.title = "Convert a path with wildcards", .code = "Convert-Path ~/*.ps1"},
            {.title = NULL}},
        .online = ONLINE("convert-path"),
    },
    {
        .name = "Get-Process",
        .aliases = (const char *const[]){"gps", "ps", NULL},
        .sets = (const char *const[]){"Name", "Id", "InputObject", NULL},
        .params = hvc_getprocess_params,
        .ops = {.process = hvc_getprocess_process},
        .synopsis = "Gets the processes that are running on the local computer.",
        .description = "The Get-Process cmdlet gets the processes on the local computer (read "
                       "from /proc), by name (wildcards) or process ID, sorted by name.",
        .output_type = "System.Diagnostics.Process",
        .examples = (const hv_example[]){{.title = "Find QEMU processes", .code = "Get-Process qemu*"},
                                         {.title = NULL}},
        .online = ONLINE("get-process"),
    },
    {
        .name = "Start-Process",
        .aliases = (const char *const[]){"saps", "start", NULL},
        .params = hvc_startprocess_params,
        .ops = {.process = hvc_startprocess_process},
        .synopsis = "Starts one or more processes on the local computer.",
        .description = "The Start-Process cmdlet starts a program (found on PATH or by path) "
                       "without a shell. -Wait waits for it to exit; -PassThru returns a "
                       "Process object; standard streams can be redirected to files.",
        .output_type = "None, System.Diagnostics.Process",
        .examples = (const hv_example[]){
            {.title = "Run a program and wait",
             .code = "Start-Process -FilePath sleep -ArgumentList 1 -Wait -NoNewWindow"},
            {.title = NULL}},
        .online = ONLINE("start-process"),
    },
    {
        .name = "Stop-Process",
        .aliases = (const char *const[]){"spps", "kill", NULL},
        .sets = (const char *const[]){"Id", "Name", "InputObject", NULL},
        .params = hvc_stopprocess_params,
        .ops = {.process = hvc_stopprocess_process},
        .flags = HV_CF_SHOULD_PROCESS,
        .synopsis = "Stops one or more running processes.",
        .description = "The Stop-Process cmdlet stops one or more running processes, given by "
                       "process ID, name or process object (SIGKILL, as pwsh on Unix).",
        .output_type = "None, System.Diagnostics.Process",
        .examples = (const hv_example[]){{.title = "Stop a process by ID", .code = "Stop-Process -Id 4242"},
                                         {.title = NULL}},
        .online = ONLINE("stop-process"),
    },
    {
        .name = "Clear-Host",
        .aliases = (const char *const[]){"cls", "clear", NULL},
        .params = hvc_clearhost_params,
        .ops = {.process = hvc_clearhost_process},
        .synopsis = "Clears the display in the host program.",
        .description = "The Clear-Host cmdlet clears the terminal screen and scrollback.",
        .output_type = "None",
        .examples = (const hv_example[]){{.title = "Clear the screen", .code = "cls"},
                                         {.title = NULL}},
        .online = "https://learn.microsoft.com/powershell/module/microsoft.powershell.core/clear-host",
    },
    {
        .name = "Get-PSDrive",
        .aliases = (const char *const[]){"gdr", NULL},
        .params = hvc_getpsdrive_params,
        .ops = {.process = hvc_getpsdrive_process},
        .synopsis = "Gets drives in the current session.",
        .description = "The Get-PSDrive cmdlet gets the drives in the current session: the "
                       "file-system root and Temp, and the Alias, Env, Function and Variable "
                       "drives.",
        .output_type = "System.Management.Automation.PSDriveInfo",
        .examples = (const hv_example[]){{.title = "List drives", .code = "Get-PSDrive"},
                                         {.title = NULL}},
        .online = ONLINE("get-psdrive"),
    },
    {
        .name = "Get-ItemProperty",
        .aliases = (const char *const[]){"gp", NULL},
        .params = hvc_getitemprop_params,
        .ops = {.process = hvc_getitemprop_process},
        .synopsis = "Gets the properties of a specified item.",
        .description = "The Get-ItemProperty cmdlet gets the properties of the specified items "
                       "(all of them, or those named by -Name).",
        .output_type = "System.Management.Automation.PSCustomObject",
        .examples = (const hv_example[]){
            {.title = "Get a file's length", .code = "Get-ItemProperty ./a.txt -Name Length"},
            {.title = NULL}},
        .online = ONLINE("get-itemproperty"),
    },
    {.name = NULL},
};

const hv_module_def hv_mod_management = {
    .name = "Microsoft.PowerShell.Management",
    .version = "7.0.0.0",
    .cmdlets = mgmt_cmdlets,
};
