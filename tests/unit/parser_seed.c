/* parser_seed.c — the commands of the seed document (Microsoft's nested-virtualization
 * article, Korean edition), verbatim: en dashes before parameter names, curly quotes. The
 * <VMName> placeholders are replaced by a name as a user does; the placeholder form itself
 * must give pwsh's "'<' operator is reserved" error (see parser_errors.c). */
#include "parser_harness.h"

static const struct {
    const char *src, *dump;
} cases[] = {
    {"Set-VMProcessor -VMName LabVM -ExposeVirtualizationExtensions $true",
     "(ScriptBlock (Command <Set-VMProcessor> -VMName <LabVM> -ExposeVirtualizationExtensions $true))"},
    {"Set-VMProcessor -VMName LabVM -ExposeVirtualizationExtensions $false",
     "(ScriptBlock (Command <Set-VMProcessor> -VMName <LabVM> -ExposeVirtualizationExtensions $false))"},
    {"Get-VMNetworkAdapter -VMName LabVM | Set-VMNetworkAdapter -MacAddressSpoofing On",
     "(ScriptBlock (Pipeline (Command <Get-VMNetworkAdapter> -VMName <LabVM>) "
     "(Command <Set-VMNetworkAdapter> -MacAddressSpoofing <On>)))"},
    {"new-vmswitch -name VmNAT -SwitchType Internal",
     "(ScriptBlock (Command <new-vmswitch> -name <VmNAT> -SwitchType <Internal>))"},
    /* en dash U+2013 before the parameter names, curly double quotes around the prefix */
    {"New-NetNat \xE2\x80\x93Name LocalNAT \xE2\x80\x93InternalIPInterfaceAddressPrefix "
     "\xE2\x80\x9C" "192.168.100.0/24\xE2\x80\x9D",
     "(ScriptBlock (Command <New-NetNat> -Name <LocalNAT> -InternalIPInterfaceAddressPrefix "
     "\"192.168.100.0/24\"))"},
    {"get-netadapter \"vEthernet (VmNat)\" | New-NetIPAddress -IPAddress 192.168.100.1 "
     "-AddressFamily IPv4 -PrefixLength 24",
     "(ScriptBlock (Pipeline (Command <get-netadapter> \"vEthernet (VmNat)\") (Command "
     "<New-NetIPAddress> -IPAddress <192.168.100.1> -AddressFamily <IPv4> -PrefixLength 24)))"},
    {"get-netadapter \"Ethernet\" | New-NetIPAddress -IPAddress 192.168.100.2 -DefaultGateway "
     "192.168.100.1 -AddressFamily IPv4 -PrefixLength 24",
     "(ScriptBlock (Pipeline (Command <get-netadapter> \"Ethernet\") (Command <New-NetIPAddress> "
     "-IPAddress <192.168.100.2> -DefaultGateway <192.168.100.1> -AddressFamily <IPv4> "
     "-PrefixLength 24)))"},
    {"Netsh interface ip add dnsserver \xE2\x80\x9C" "Ethernet\xE2\x80\x9D address=192.168.100.1",
     "(ScriptBlock (Command <Netsh> <interface> <ip> <add> <dnsserver> \"Ethernet\" "
     "<address=192.168.100.1>))"},
    /* the same lines pasted together, with CRLF line ends as copied from a browser */
    {"new-vmswitch -name VmNAT -SwitchType Internal\r\n"
     "New-NetNat \xE2\x80\x93Name LocalNAT \xE2\x80\x93InternalIPInterfaceAddressPrefix "
     "\xE2\x80\x9C" "192.168.100.0/24\xE2\x80\x9D\r\n",
     "(ScriptBlock (Command <new-vmswitch> -name <VmNAT> -SwitchType <Internal>) (Command "
     "<New-NetNat> -Name <LocalNAT> -InternalIPInterfaceAddressPrefix \"192.168.100.0/24\"))"},
    /* em dash and horizontal bar work like the en dash */
    {"New-NetNat \xE2\x80\x94Name N \xE2\x80\x95InternalIPInterfaceAddressPrefix 10.0.0.0/24",
     "(ScriptBlock (Command <New-NetNat> -Name <N> -InternalIPInterfaceAddressPrefix <10.0.0.0/24>))"},
    /* mixed curly/straight quotes, as word processors produce */
    {"Get-NetAdapter \xE2\x80\x9C" "vEthernet (VmNat)\"",
     "(ScriptBlock (Command <Get-NetAdapter> \"vEthernet (VmNat)\"))"},
    {"Get-NetAdapter \xE2\x80\x98" "vEthernet (VmNat)'",
     "(ScriptBlock (Command <Get-NetAdapter> 'vEthernet (VmNat)'))"},
    {"Get-NetAdapter -Name \xE2\x80\x9C" "vEthernet (VmNat)\xE2\x80\x9D | Get-NetIPAddress",
     "(ScriptBlock (Pipeline (Command <Get-NetAdapter> -Name \"vEthernet (VmNat)\") (Command "
     "<Get-NetIPAddress>)))"},
    /* -Param:value with an en dash */
    {"Set-VMProcessor LabVM \xE2\x80\x93" "ExposeVirtualizationExtensions:$true",
     "(ScriptBlock (Command <Set-VMProcessor> <LabVM> (-ExposeVirtualizationExtensions: $true)))"},
    /* a variable holding the VM name, as in the lab scripts */
    {"$vm = 'LabVM'; Set-VMProcessor -VMName $vm -ExposeVirtualizationExtensions $true",
     "(ScriptBlock (= $vm 'LabVM') (Command <Set-VMProcessor> -VMName $vm "
     "-ExposeVirtualizationExtensions $true))"},
};

int
main(void)
{
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++)
        h_dump(cases[i].src, cases[i].dump);
    /* the placeholder forms are errors exactly as in pwsh */
    h_message("Set-VMProcessor -VMName <VMName> -ExposeVirtualizationExtensions $true",
              "The '<' operator is reserved for future use.");
    h_message("Netsh interface ip add dnsserver \xE2\x80\x9C" "Ethernet\xE2\x80\x9D address=<my DNS server>",
              "The '<' operator is reserved for future use.");
    return h_done();
}
