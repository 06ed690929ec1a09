5 -band 3
5 -bor 3
5 -bxor 3
-bnot 0
1 -shl 4
256 -shr 2
0xFF -band 0x0F
