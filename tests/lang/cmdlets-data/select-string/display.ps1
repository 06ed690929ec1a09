'apple', 'banana', 'cherry' | Select-String 'an|ch'
