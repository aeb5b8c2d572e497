# str.encode and bytes.decode with codecs (utf-8, latin-1, ascii, utf-16/32) and error handlers.
s = "aé€😀"
for enc in ["utf-8", "utf-16-le", "utf-16-be", "utf-32-le", "latin-1", "ascii", "cp1252"]:
    for errors in ["strict", "ignore", "replace", "xmlcharrefreplace", "backslashreplace"]:
        try:
            print(enc, errors, s.encode(enc, errors))
        except UnicodeEncodeError as e:
            print(enc, errors, type(e).__name__, e)
print(s.encode(), s.encode(encoding="UTF8"), "x".encode("Latin1"), "é".encode("namereplace" and "ascii", "namereplace"))
bad = b"a\xff\xfeb\xc3"
for errors in ["strict", "ignore", "replace", "backslashreplace", "surrogateescape"]:
    try:
        r = bad.decode("utf-8", errors)
        print(errors, ascii(r))
    except UnicodeDecodeError as e:
        print(errors, type(e).__name__, e)
print(ascii("\udcff".encode("utf-8", "surrogateescape")), ascii("\ud800".encode("utf-8", "surrogatepass")))
try:
    "\ud800".encode("utf-8")
except UnicodeEncodeError as e:
    print(type(e).__name__, e, e.start, e.end, e.reason)
try:
    "x".encode("no-such-codec")
except LookupError as e:
    print(type(e).__name__, e)
try:
    "é".encode("ascii", "no-such-handler")
except LookupError as e:
    print(type(e).__name__, e)
print(b"\xff\xfea\x00".decode("utf-16"), "hi".encode("utf-16")[:2] in (b"\xff\xfe", b"\xfe\xff"), b"abc".decode("ascii"))
print(str(b"caf\xc3\xa9", "utf-8"), str(b"caf\xe9", "latin-1"), str(b"x\xff", "ascii", "replace"), str(b"\xff", errors="ignore"))
