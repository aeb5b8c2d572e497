# Debian's CJK codec binaries (_multibytecodec, _codecs_cn/hk/iso2022/jp/kr/tw)
# through cpyext: one-shot, incremental and stream coding, error handlers,
# and the private _PyUnicodeWriter they build their results with.
import codecs, io
text = "中文 日本語テキスト 한국어 繁體中文 abc ÀÉ ½"
encodings = ["gbk", "gb2312", "gb18030", "hz", "big5", "cp950", "big5hkscs", "shift_jis", "cp932",
             "euc_jp", "euc_jis_2004", "shift_jisx0213", "iso2022_jp", "iso2022_jp_2", "iso2022_kr",
             "euc_kr", "cp949", "johab"]
for enc in encodings:
    for errors in ["strict", "replace", "ignore", "xmlcharrefreplace", "backslashreplace", "namereplace"]:
        try:
            b = text.encode(enc, errors)
            print(enc, errors, b.hex(), b.decode(enc))
        except UnicodeEncodeError as e:
            print(enc, errors, type(e).__name__, e.start, e.end, e.reason)
for enc, raw in [("gbk", b"\xd6\xd0\xff\xfe abc"), ("shift_jis", b"\x82\xa0\x82"), ("big5", b"\xa4\xa4\x80"),
                 ("iso2022_jp", b"\x1b$B\x30\x21\x1b(B ok \x1b$Bzz"), ("euc_kr", b"\xb0\xa1\xc8")]:
    for errors in ["strict", "replace", "ignore", "backslashreplace", "surrogateescape"]:
        try:
            print(enc, errors, ascii(raw.decode(enc, errors)))
        except UnicodeDecodeError as e:
            print(enc, errors, type(e).__name__, e.start, e.end, e.reason)
# incremental: split multibyte sequences across chunks
for enc in ["gb18030", "shift_jis", "iso2022_jp", "big5hkscs", "euc_kr"]:
    data = text.encode(enc, "replace")
    dec = codecs.getincrementaldecoder(enc)()
    out = "".join(dec.decode(data[i:i + 1]) for i in range(len(data))) + dec.decode(b"", final=True)
    encd = codecs.getincrementalencoder(enc)("replace")
    back = b"".join(encd.encode(ch) for ch in out) + encd.encode("", final=True)
    print(enc, out == data.decode(enc), back == data, encd.getstate() if hasattr(encd, "getstate") else None)
    try:
        codecs.getincrementaldecoder(enc)().decode(data[:1], final=True)
    except UnicodeDecodeError as e:
        print(enc, "truncated:", e.reason)
# streams
buf = io.BytesIO()
w = codecs.getwriter("euc_jp")(buf)
w.write("日本語"); w.write(" and more")
print(buf.getvalue())
r = codecs.getreader("euc_jp")(io.BytesIO(buf.getvalue()))
print(r.read(2), r.read())
with io.TextIOWrapper(io.BytesIO("第一行\n第二行\n".encode("gbk")), encoding="gbk") as f:
    print(f.readlines())
# a custom error handler called by the C codec
codecs.register_error("test.cjk", lambda e: ("<%d:%d>" % (e.start, e.end), e.end))
print("a€b中".encode("gb2312", "test.cjk"), b"a\xffb".decode("gbk", "test.cjk"))
try:
    "x".encode("gbk", "no.such.handler")
except LookupError as e:
    print("LookupError", e)
long = "汉字" * 5000
print(len(long.encode("gbk")), long.encode("gb18030").decode("gb18030") == long)
