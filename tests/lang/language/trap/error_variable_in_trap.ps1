trap { "message: $($_.Exception.Message)"; "type: $($_.Exception.GetType().Name)"; continue }
throw "custom failure"
