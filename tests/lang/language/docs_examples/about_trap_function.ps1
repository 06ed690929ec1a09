function TrapTest {
    trap { "Error found." }
    nonsenseString-cmd
    "after"
}
TrapTest
