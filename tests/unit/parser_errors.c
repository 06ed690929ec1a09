/* parser_errors.c — syntax errors (pwsh error ids, positions, messages) and the
 * `incomplete` flag the REPL uses to ask for another line. */
#include "parser_harness.h"

static const struct {
    const char *src, *id;
    unsigned line, col;
    int incomplete;
} errors[] = {
    /* ---- incomplete input: the REPL asks for more ---- */
    {"if ($x) {", "MissingEndCurlyBrace", 1, 9, 1},
    {"if ($x) {\n  1\n", "MissingEndCurlyBrace", 1, 9, 1},
    {"function f {", "MissingEndCurlyBrace", 1, 12, 1},
    {"{", "MissingEndCurlyBrace", 1, 1, 1},
    {"$x = @{", "IncompleteHashLiteral", 1, 8, 1},
    {"$x = @{ a = 1", "IncompleteHashLiteral", 1, 14, 1},
    {"$x = @{ a = 1\n  b = 2\n\n", "IncompleteHashLiteral", 2, 8, 1},
    {"$x = @(", "MissingEndParenthesisInSubexpression", 1, 6, 1},
    {"$x = $(", "MissingEndParenthesisInSubexpression", 1, 6, 1},
    {"(1 +", "ExpectedValueExpression", 1, 5, 1},
    {"(1", "MissingEndParenthesisInExpression", 1, 1, 1},
    {"'abc", "TerminatorExpectedAtEndOfString", 1, 1, 1},
    {"\"abc", "TerminatorExpectedAtEndOfString", 1, 1, 1},
    {"\"abc $(", "TerminatorExpectedAtEndOfString", 1, 1, 1},
    {"@\"\nabc\n", "TerminatorExpectedAtEndOfString", 1, 1, 1},
    {"@'\nabc\n", "TerminatorExpectedAtEndOfString", 1, 1, 1},
    {"@'\nabc\n", "TerminatorExpectedAtEndOfString", 1, 1, 1},
    {"@'\nabc\n '@", "WhitespaceBeforeHereStringFooter", 1, 1, 0},
    {"$x = @\"\n  abc\n    \"@\n", "WhitespaceBeforeHereStringFooter", 1, 6, 0},
    {"Get-Foo |", "EmptyPipeElement", 1, 10, 1},
    {"Get-Foo |\n", "EmptyPipeElement", 2, 1, 1},
    {"$x = 1 +", "ExpectedValueExpression", 1, 9, 1},
    {"$x -and", "ExpectedValueExpression", 1, 8, 1},
    {"$x =", "ExpectedValueExpression", 1, 5, 1},
    {"echo a `", "IncompleteInput", 1, 8, 1},
    {"echo a`", "IncompleteInput", 1, 6, 1},
    {"$x + `", "IncompleteInput", 1, 6, 1},
    {"if ($x)", "MissingStatementBlock", 1, 8, 1},
    {"if ($x) { } else", "MissingStatementBlockAfterElse", 1, 17, 1},
    {"if ($x", "MissingEndParenthesisAfterStatement", 1, 7, 1},
    {"foreach ($i in $x)", "MissingForeachStatement", 1, 19, 1},
    {"while ($true)", "MissingLoopStatement", 1, 14, 1},
    {"do { }", "MissingWhileOrUntilInDoWhile", 1, 7, 1},
    {"try { }", "MissingCatchOrFinally", 1, 8, 1},
    {"function f", "MissingFunctionBody", 1, 11, 1},
    {"a &&", "EmptyPipelineChainElement", 1, 5, 1},
    {"<# comment", "MissingTerminatorMultiLineComment", 1, 1, 1},
    {"$a.Foo(1,", "MissingExpressionAfterToken", 1, 10, 1},
    {"$a.Foo(", "MissingEndParenthesisInMethodCall", 1, 7, 1},
    {"$a.Foo(1", "MissingEndParenthesisInMethodCall", 1, 7, 1},
    {"$a.Foo(1 2)", "UnexpectedToken", 1, 10, 0},
    {"$a[", "MissingArrayIndexExpression", 1, 4, 1},
    {"class A {", "MissingEndCurlyBrace", 1, 9, 1},
    {"switch ($x) {", "MissingEndCurlyBrace", 1, 13, 1},
    {"\"$(Get-Date\"", "TerminatorExpectedAtEndOfString", 1, 1, 1},
    {"${abc", "IncompleteDollarVariableReference", 1, 1, 1},
    {"[int", "EndSquareBracketExpectedAtEndOfAttribute", 1, 5, 1},
    {"[", "MissingTypename", 1, 2, 1},
    /* pipe and backtick continuation errors, as pwsh's LineContinuance tests */
    {"'Hello' + `# not a comment\n    ' world'", "ExpectedValueExpression", 1, 11, 0},
    {"'Hello' + ``\n    ' world'", "ExpectedValueExpression", 1, 11, 0},
    {"'Hello' |\n\n", "EmptyPipeElement", 3, 1, 1},
    {"'Hello' |\n    |\n\n", "EmptyPipeElement", 2, 5, 0},
    {"'Hello'\n    | # nothing\n\n", "EmptyPipeElement", 4, 1, 1},
    {"'Hello'\n    |\n\n\n", "EmptyPipeElement", 5, 1, 1},
    {"'Hello'\n\n    | % { $_ }\n", "EmptyPipeElement", 3, 5, 0},
    {"'Hello'\n \t \n    | % { $_ }\n", "EmptyPipeElement", 3, 5, 0},
    {"class A", "MissingTypeBody", 1, 8, 1},
    {"$a ? 1 :", "ExpectedValueExpression", 1, 9, 1},
    {"$a ?", "ExpectedValueExpression", 1, 5, 1},
    {"[ordered]", "OrderedAttributeOnlyOnHashLiteralNode", 1, 1, 1},
    /* ---- real errors (not incomplete) ---- */
    {"switch ($x) 1", "MissingCurlyBraceInSwitchStatement", 1, 13, 0},
    {"$x = @y", "SplattingNotPermitted", 1, 6, 0},
    {"[ordered]$x", "OrderedAttributeOnlyOnHashLiteralNode", 1, 1, 0},
    {"[ordered]@(1)", "OrderedAttributeOnlyOnHashLiteralNode", 1, 1, 0},
    {"class A { B() : x() { } }", "MissingBaseCtorCall", 1, 17, 0},
    {"class A { B() : base { } }", "MissingMethodParameterList", 1, 22, 0},
    {"class A { B { } }", "MissingMethodParameterList", 1, 13, 0},
    {"}", "UnexpectedToken", 1, 1, 0},
    {")", "UnexpectedToken", 1, 1, 0},
    {"1 2", "UnexpectedToken", 1, 3, 0},
    {"$x $y", "UnexpectedToken", 1, 4, 0},
    {"if ($x) { } }", "UnexpectedToken", 1, 13, 0},
    {"(1))", "UnexpectedToken", 1, 4, 0},
    {"if $x { }", "MissingOpenParenthesisInIfStatement", 1, 4, 0},
    {"while $x { }", "MissingOpenParenthesisAfterKeyword", 1, 7, 0},
    {"while () { }", "MissingExpressionAfterKeyword", 1, 8, 0},
    {"switch { }", "PipelineValueRequired", 1, 8, 0},
    {"switch () { }", "MissingSwitchValueExpression", 1, 9, 0},
    {"switch ($x { }", "MissingEndParenthesisInSwitchStatement", 1, 11, 0},
    {"switch ($x) { a }", "MissingSwitchStatementClause", 1, 17, 0},
    {"try", "MissingTryStatementBlock", 1, 4, 1},
    {"try { } catch", "MissingCatchHandlerBlock", 1, 14, 1},
    {"try { } finally", "MissingFinallyStatementBlock", 1, 16, 1},
    {"trap", "MissingTrapStatement", 1, 5, 1},
    {"data", "MissingStatementBlockForDataSection", 1, 5, 1},
    {"for (;;)", "MissingLoopStatement", 1, 9, 1},
    {"do", "MissingLoopStatement", 1, 3, 1},
    {"\"`u{1234567}\"", "TooManyDigitsInUnicodeEscapeSequence", 1, 2, 0},
    {"\"`u{12\"", "MissingUnicodeEscapeSequenceTerminator", 1, 2, 0},
    {"\"`u12\"", "InvalidUnicodeEscapeSequence", 1, 2, 0},
    {"if () { }", "IfStatementMissingCondition", 1, 5, 0},
    {"if ($x) 1", "MissingStatementBlock", 1, 9, 0},
    {"else { }", "UnexpectedToken", 1, 1, 0},
    {"catch { }", "UnexpectedToken", 1, 1, 0},
    {"1 + + ", "MissingExpressionAfterOperator", 1, 7, 1},
    {"-", "MissingExpressionAfterOperator", 1, 2, 1},
    {"$x = -", "MissingExpressionAfterOperator", 1, 7, 1},
    {"a | | b", "EmptyPipeElement", 1, 5, 0},
    {"a | 1", "ExpressionsMustBeFirstInPipeline", 1, 5, 0},
    {"a | $x", "ExpressionsMustBeFirstInPipeline", 1, 5, 0},
    {"1 = 2", "InvalidLeftHandSide", 1, 1, 0},
    {"$a + $b = 2", "InvalidLeftHandSide", 1, 1, 0},
    {"foo < in.txt", "RedirectionNotSupported", 1, 5, 0},
    {"Set-VMProcessor -VMName <VMName> -ExposeVirtualizationExtensions $true", "RedirectionNotSupported", 1, 25, 0},
    {"Netsh interface ip add dnsserver \xE2\x80\x9C" "Ethernet\xE2\x80\x9D address=<my DNS server>",
     "RedirectionNotSupported", 1, 53, 0},
    {"a & b", "AmpersandNotAllowed", 1, 3, 0},
    {"${}", "EmptyVariableReference", 1, 1, 0},
    {"echo ${}", "EmptyVariableReference", 1, 6, 0},
    {"> out.txt", "EmptyPipeElement", 1, 1, 0},
    {"a | 2>&1", "EmptyPipeElement", 1, 5, 0},
    {"a & && b", "BackgroundOperatorInPipelineChain", 1, 5, 0},
    {"ls >", "MissingFileSpecification", 1, 5, 1},
    {"ls 2> | x", "MissingFileSpecification", 1, 7, 0},
    {"foreach $x in $y { }", "MissingOpenParenthesisAfterKeyword", 1, 9, 0},
    {"foreach (x in $y) { }", "MissingVariableNameAfterForeach", 1, 10, 0},
    {"foreach ($x of $y) { }", "MissingInInForeach", 1, 13, 0},
    {"foreach ($x in) { }", "MissingForeachExpression", 1, 15, 0},
    {"do { } loop ($x)", "MissingWhileOrUntilInDoWhile", 1, 8, 0},
    {"switch -foo ($x) { }", "InvalidSwitchFlag", 1, 8, 0},
    {"switch ($x) { default { } default { } }", "MultipleSwitchDefaultClauses", 1, 27, 0},
    {"function { }", "MissingNameAfterKeyword", 1, 10, 0},
    {"function f ($a $b) { }", "MissingEndParenthesisInFunctionParameterList", 1, 16, 0},
    {"function f { param(x) }", "InvalidFunctionParameter", 1, 20, 0},
    {"@{ a }", "MissingEqualsInHashLiteral", 1, 6, 0},
    {"@{ a = }", "MissingStatementInHashLiteral", 1, 8, 0},
    {"@{ a = 1 b = 2 }", "UnexpectedToken", 1, 10, 0},
    {"$a.", "MissingPropertyName", 1, 4, 1},
    {"$a.\n", "MissingPropertyName", 2, 1, 1},
    {"$a.;", "MissingPropertyName", 1, 4, 0},
    {"$a[]", "MissingArrayIndexExpression", 1, 4, 0},
    {"$a[1 2]", "UnexpectedToken", 1, 6, 0},
    {"()", "ExpectedExpression", 1, 2, 0},
    {"$x ? 1 2", "MissingColonInTernaryExpression", 1, 8, 0},
    {"[int]]", "UnexpectedToken", 1, 6, 0},
    {"[]", "MissingTypename", 1, 2, 0},
    {"[int[]", "EndSquareBracketExpectedAtEndOfAttribute", 1, 7, 1},
    {"[Parameter(Mandatory] $x", "UnexpectedToken", 1, 21, 0},
    {"$", "InvalidVariableReference", 1, 1, 0},
    {"$x = $ + 1", "InvalidVariableReference", 1, 6, 0},
    {"1 -foo 2", "UnexpectedToken", 1, 3, 0},
    {"\"`u{110000}\"", "InvalidUnicodeEscapeSequenceValue", 1, 2, 0},
    {"\"`u{}\"", "InvalidUnicodeEscapeSequence", 1, 2, 0},
    {"@\"abc\n\"@", "UnexpectedCharactersAfterHereStringHeader", 1, 1, 0},
    {"300y", "BadNumericConstant", 1, 1, 0},
    {"99999999999999999999l", "BadNumericConstant", 1, 1, 0},
    {"try { } catch [ { }", "MissingTypename", 1, 17, 0},
    {"trap [int { }", "EndSquareBracketExpectedAtEndOfType", 1, 11, 0},
    {"class A { 5 }", "IncompleteMemberDefinition", 1, 11, 0},
    {"class { }", "MissingNameAfterKeyword", 1, 7, 0},
    {"enum E { 1 }", "MissingEnumeratorName", 1, 10, 0},
    {"begin { } 1", "MissingNamedBlocks", 1, 11, 0},
    {"using foo", "MissingUsingStatementDirective", 1, 7, 0},
    {"echo ,1", "MissingArgument", 1, 6, 0},
    {"x | & ", "MissingExpression", 1, 7, 1},
    {"$x = \"a\" \"b\"", "UnexpectedToken", 1, 10, 0},
    {"for ($i = 0; $i -lt 3; $i++ { }", "MissingEndParenthesisAfterStatement", 1, 29, 0},
    {"while ($x { }", "MissingEndParenthesisAfterStatement", 1, 10, 0},
    {"[ValidateNotNull()]", "UnexpectedAttribute", 1, 1, 1},
};

static const struct {
    const char *src, *msg;
} messages[] = {
    {"if ($x) {", "Missing closing '}' in statement block or type definition."},
    {"(1", "Missing closing ')' in expression."},
    {"$(1", "Missing closing ')' in subexpression."},
    {"1 +", "You must provide a value expression following the '+' operator."},
    {"$a -eq", "You must provide a value expression following the '-eq' operator."},
    {"$a \xE2\x80\x93" "eq", "You must provide a value expression following the '-eq' operator."},
    {"-", "Missing expression after unary operator '-'."},
    {"-not", "Missing expression after unary operator '-not'."},
    {"x }", "Unexpected token '}' in expression or statement."},
    {"1 2", "Unexpected token '2' in expression or statement."},
    {"$x $y.z", "Unexpected token '$y' in expression or statement."},
    {"'abc", "The string is missing the terminator: '."},
    {"\"abc", "The string is missing the terminator: \"."},
    {"@\"\nx", "The string is missing the terminator: \"@."},
    {"a | | b", "An empty pipe element is not allowed."},
    {"a | 'x'", "Expressions are only allowed as the first element of a pipeline."},
    {"a < b", "The '<' operator is reserved for future use."},
    {"try { }", "The Try statement is missing its Catch or Finally block."},
    {"if ($x", "Missing closing ')' after expression in 'if' statement."},
    {"if $x", "Missing '(' after 'if' in if statement."},
    {"if ($x) 1", "Missing statement block after if ( condition )."},
    {"@{ a }", "Missing '=' operator after key in hash literal."},
    {"$a[]", "Array index expression is missing or not valid."},
    {"function f", "Missing function body in function declaration."},
    {"$a.;", "Missing property name after reference operator."},
    {"[]", "Missing type name after '['."},
    {"do { }", "Missing while or until keyword in do loop."},
    {"foreach ($x of $y) { }", "Missing 'in' after variable in foreach loop.\nThe correct form is: foreach ($a in $b) {...}"},
    {"$a.Foo(", "Missing ')' in method call."},
    {"x | &", "Missing expression after '&' in pipeline element."},
    {"a &&", "A pipeline chain operator must be followed by a pipeline."},
    {"class A", "Missing 'class' body in 'class' declaration."},
    {"enum E", "Missing 'enum' body in 'enum' declaration."},
    {"class A { 5 }", "Missing a property name or method definition."},
    {"class A { B() : x() { } }", "Missing 'base' after ':' in a base class constructor call."},
    {"class A { B { } }", "Missing '(' in class method parameter list."},
    {"begin { } x", "unexpected token 'x', expected 'begin', 'process', 'end', or 'dynamicparam'."},
    {"switch -foo ($x) { }", "The parameter -foo is not valid for the switch statement."},
    {"if ($x) { } elseif ($y) 1", "Missing statement block after elseif ( condition )."},
    {"<#", "The terminator '#>' is missing from the multiline comment."},
    {"${abc", "${variable} reference starting is missing the closing '}'."},
    {"\"`u{}\"", "The Unicode escape sequence is not valid. A valid sequence is `u{ followed by one to six hex digits and a closing '}'."},
    {"300y", "The numeric constant 300y is not valid."},
    {"1 = 2", "The assignment expression is not valid. The input to an assignment operator must be an "
              "object that is able to accept assignments, such as a variable or a property."},
};

/* Input nested far beyond the limit gets a clear error, not a crash. */
static void
deep_nesting(void)
{
    static char buf[200000];
    const char *opens[] = {"(", "{", "$(", "@(", "[int]", "-", "!", ",", "@{a=", "\"$("};
    for (size_t k = 0; k < sizeof opens / sizeof opens[0]; k++) {
        size_t n = 0, ol = strlen(opens[k]);
        while (n + ol < 100000) {
            memcpy(buf + n, opens[k], ol);
            n += ol;
        }
        buf[n] = '\0';
        hv_ast_unit *u = hv_parse(buf, n, "deep.ps1");
        char what[64];
        snprintf(what, sizeof what, "deep nesting of %s reports an error", opens[k]);
        h_ok(u->nerrors > 0, what, "#   no error for deeply nested input\n");
        hv_ast_unit_unref(u);
    }
    /* a long flat chain is fine or a clean error, never a crash */
    size_t n = 0;
    buf[n++] = '1';
    while (n + 4 < 100000) {
        memcpy(buf + n, " + 1", 4);
        n += 4;
    }
    buf[n] = '\0';
    hv_ast_unit *u = hv_parse(buf, n, "long.ps1");
    h_ok(u->nerrors == 1 && strcmp(u->errors[0].id, "ScriptTooComplex") == 0,
         "very long operator chain reports ScriptTooComplex", "#   expected one ScriptTooComplex\n");
    hv_ast_unit_unref(u);
    /* moderately deep nesting still parses */
    n = 0;
    for (int i = 0; i < 60; i++)
        buf[n++] = '(';
    buf[n++] = '1';
    for (int i = 0; i < 60; i++)
        buf[n++] = ')';
    buf[n] = '\0';
    u = hv_parse(buf, n, "ok.ps1");
    h_ok(u->nerrors == 0, "60 nested parens parse", "#   unexpected error\n");
    hv_ast_unit_unref(u);
}

/* Fuzzer finds, kept as regressions. */
static void
fuzz_regressions(void)
{
    /* exponential re-parsing: each "{[a(" made the param-block guess parse the nested
     * script blocks for real, then parse them again as statements */
    static char buf[4096];
    size_t n = 0;
    for (int i = 0; i < 40; i++) {
        memcpy(buf + n, "{[a({", 5);
        n += 5;
    }
    buf[n] = '\0';
    hv_ast_unit *u = hv_parse(buf, n, "fz.ps1");
    h_ok(u->nerrors == 1 && u->incomplete, "nested {[a({ guesses stay linear", NULL);
    hv_ast_unit_unref(u);
    n = 0;
    for (int i = 0; i < 40; i++) {
        memcpy(buf + n, "[a([b({", 7);
        n += 7;
    }
    buf[n] = '\0';
    u = hv_parse(buf, n, "fz.ps1");
    h_ok(u->nerrors == 1, "nested attribute statements stay linear", NULL);
    hv_ast_unit_unref(u);
}

/* NUL bytes and invalid UTF-8 never crash. */
static void
odd_bytes(void)
{
    const char src[] = "echo a\0b \xff\xfe \xC3 $\xE2\x80";
    hv_ast_unit *u = hv_parse(src, sizeof src - 1, "odd.ps1");
    h_ok(1, "NUL and invalid UTF-8 do not crash", NULL);
    hv_ast_unit_unref(u);
}

int
main(void)
{
    for (size_t i = 0; i < sizeof errors / sizeof errors[0]; i++)
        h_error(errors[i].src, errors[i].id, errors[i].line, errors[i].col, errors[i].incomplete);
    for (size_t i = 0; i < sizeof messages / sizeof messages[0]; i++)
        h_message(messages[i].src, messages[i].msg);
    deep_nesting();
    fuzz_regressions();
    odd_bytes();
    return h_done();
}
