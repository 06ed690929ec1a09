switch ("x") { default { "def $_" } }
