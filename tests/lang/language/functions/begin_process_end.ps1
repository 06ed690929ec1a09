function bpe {
    begin { "begin" }
    process { "process $_" }
    end { "end" }
}
1,2 | bpe
