# about_Classes_Properties (example 3): setting a property outside its validation
# attribute raises SetValueInvocationException "Exception setting ..." and keeps the value.
class ExampleProject3 {
                           [string]   $Name
    [ValidateRange(0, 16)] [int]      $Size
    [ValidateSet('Open', 'Closed')] [string] $State = 'Open'
}
$project = [ExampleProject3]::new()
$project.Size = 8
foreach ($bad in 32, -1) {
    try { $project.Size = $bad }
    catch {
        $_.Exception.Message
        $_.FullyQualifiedErrorId
        $_.Exception.GetType().Name
    }
}
$project.Size
try { $project.State = 'Lost' } catch { $_.Exception.Message }
$project.State
try { $project.Size = 'many' } catch { $_.Exception.Message }
