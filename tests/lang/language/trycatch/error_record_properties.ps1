try { throw "bad thing" } catch {
    $_.FullyQualifiedErrorId
    $_.CategoryInfo.Category
    $_.Exception.GetType().Name
    "$_"
}
