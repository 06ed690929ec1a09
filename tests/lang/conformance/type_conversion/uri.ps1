$u = [uri]"https://Example.com:8443/a/b.txt?b=1#frag"
$u.GetType().FullName
$u.Host
$u.Port
$u.Scheme
$u.AbsolutePath
$u.Query
$u.Fragment
$u.AbsoluteUri
$u.Segments[-1]
$u.PathAndQuery
"$u"
([uri]"http://x.org").AbsoluteUri
([uri]"http://x.org").Port
([uri]"rel/path").IsAbsoluteUri
