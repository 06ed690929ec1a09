function count-args { $args.Count }
count-args a b c
count-args
