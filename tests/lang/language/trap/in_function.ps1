function tf {
    trap { "fn trap: $_"; continue }
    throw "inside"
    "fn continues"
}
tf
