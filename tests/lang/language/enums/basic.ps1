enum Color { Red; Green; Blue }
[Color]::Green
[int][Color]::Blue
[Color]'red'
[Color]2
