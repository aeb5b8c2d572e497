# Every string prefix and escape.
plain = ['', "", 'a', "b", '''c''', """d""", '\'', "\"", 'it"s', "it's"]
raw = [r'\n', R'\n', r"\d+", r'''\x''', R"""\u0041""", r'\'', r"a\
b"]
byte = [b'', b'abc', B'x', b"\x00\xff", b'''multi
line''', b"\n\t\\"]
raw_bytes = [rb'\x', Rb'a', bR'b', BR'c', rB'd', br'\n', Br'e', bR"""f"""]
unicode = [u'x', U'y', u"""z"""]
escapes = '\a\b\f\n\r\t\v\0\01\012\x41\u00e9\U0001F600\N{BULLET}\N{LATIN SMALL LETTER A}\\\'\"'
line_continuation_in_string = 'abc\
def'
unknown_escapes = '\d \w \z'
octal_escapes = '\777 \400 \8'
byte_octals = b'\777'
triple = """first
  second	tab
"""
triple_single = '''it's "quoted" '''
empty_triple = """"""
quotes_at_end = """a\""""
non_ascii = 'héllo wörld — ☃ 😀'
mixed = 'ascii' 'ünï' "😀"
