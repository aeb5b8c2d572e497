# UnicodeDecodeError/UnicodeEncodeError/UnicodeTranslateError attributes (encoding, object, start, end, reason), str() forms and direct construction.
try:
    b"ab\xffcd".decode("utf-8")
except UnicodeDecodeError as e:
    print(e.encoding, e.object, e.start, e.end, e.reason, str(e), e.args)
try:
    "aé€".encode("ascii")
except UnicodeEncodeError as e:
    print(e.encoding, e.object, e.start, e.end, e.reason, str(e))
e = UnicodeDecodeError("utf-8", b"\x80\x81", 0, 2, "bad bytes")
print(str(e), e.object, issubclass(UnicodeDecodeError, UnicodeError), issubclass(UnicodeError, ValueError))
e = UnicodeEncodeError("latin-1", "\u1234", 0, 1, "no map")
print(str(e), e.start, e.end)
e = UnicodeTranslateError("\u1234x", 0, 1, "cannot translate")
print(str(e), e.encoding, e.object)
e.start = 1; e.end = 2; e.reason = "changed"; print(str(e))
for args in [(), ("utf-8",), ("utf-8", "str-not-bytes", 0, 1, "r")]:
    try:
        UnicodeDecodeError(*args)
    except TypeError as ex:
        print(type(ex).__name__, ex)
try:
    b"\xc3".decode("utf-8")
except UnicodeDecodeError as e:
    print(e.reason, e.start, e.end, str(e))
try:
    b"\xed\xa0\x80".decode("utf-8")
except UnicodeDecodeError as e:
    print(e.reason, e.start, e.end)
