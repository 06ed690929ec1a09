function t($Name) { "name=$Name" }
t –Name “quoted”
