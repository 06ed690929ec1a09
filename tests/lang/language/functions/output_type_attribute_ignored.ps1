function Typed {
    [OutputType([string])]
    param()
    "typed output"
}
Typed
