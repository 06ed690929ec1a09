function p { $private:secret = 1; "p sees: [$secret]"; q }
function q { "q sees: [$secret]" }
p
