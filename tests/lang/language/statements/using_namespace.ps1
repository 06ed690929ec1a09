using namespace System.Text
"using accepted"
