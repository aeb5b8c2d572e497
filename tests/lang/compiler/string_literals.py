# String and bytes literals: escapes, raw strings, implicit concatenation, triple quotes, unicode names.
print("tab:\t|newline:\\n|quote:\"|single:\'|backslash:\\|bell:\a|".encode())
print("\x41\101\u0042\U00000043\N{LATIN SMALL LETTER E WITH ACUTE}\N{SNOWMAN}")
print(r"raw \n \t \\ \x41", R"upper raw", rb"raw bytes \n", Rb"\d", br"\w")
print("implicit" " concatenation" ' of' """ literals""")
print("""triple
quoted "with" 'quotes'
""", end="")
print('''single triple \'''' + "x")
print(b"bytes \x00\xff \n", B"upper", b"\101")
print("line continuation \
joined")
print(len("\N{GRINNING FACE}"), "\u00e9" == "é", "\U0001F600" == "😀", "\0" == "\x00", "\777" if False else "\77")
print(repr("\r\n\v\f\b"), repr(b"\r\n\v\f\b"))
for src in [r'"\N{NOT A REAL NAME}"', r'"\x4"', r'"\u12"', "b'é'", r'"unterminated', r'b"\N{SNOWMAN}"']:
    try:
        print(repr(eval(src)))
    except SyntaxError as e:
        print("SyntaxError", e.msg)
import warnings
with warnings.catch_warnings(record=True) as w:
    warnings.simplefilter("always")
    compile(r'"\d"', "<s>", "eval")
    print([x.category.__name__ for x in w])
print(u"u prefix", type(u"").__name__)
print("a" 'b' f"{1 + 1}" "c", f"x" "y")
print("\
")
