# The compiler's SyntaxWarnings (assert on a tuple, `is` with a literal, a missed comma, a
# number run into a keyword) and the SyntaxErrors they become when a filter makes them errors.
import warnings

SOURCES = [
    'assert(x, "msg")', 'assert(False, "msg")', 'assert(False,)', 'assert x, "msg"', 'assert ()',
    'assert (x,)\nassert (y, 1)',
    'x is 1', 'x is "thing"', '1 is x', 'x is y is 1', 'x is not 1', 'x is None', 'x is ...',
    'x is True', 'x is -1', 'x is (1, 2)', 'x is (y, 2)', 'if x is 1: pass', 'if x < y is 2: pass',
    'while x is not 2.5: pass', 'x is __debug__',
    '[(1, 2) (3, 4)]', '[(x, y) (3, 4)]', '[[1, 2] (3, 4)]', '[{1: 2} (3, 4)]', '[{1, 2} (3, 4)]',
    '[{i for i in x} (3, 4)]', '[(i for i in x) (3, 4)]', '[{i: i for i in x} (3, 4)]',
    '[f"{x}" (3, 4)]', '["abc" (3, 4)]', '[b"abc" (3, 4)]', '[12.3j (3, 4)]', '[None (3, 4)]',
    '[... (3, 4)]', '[x (3, 4)]', 'f()()', '(-1)(2)',
    '[{1, 2} [i, j]]', '[(lambda x, y: x) [i, j]]', '[123 [i, j]]', '[True [i, j]]', '[None [i]]',
    '[(1, 2) [i, j]]', '[[1, 2] [i, j]]', '[f"x={x}" [i, j]]', '[b"abc" [i, j]]', '[[1, 2] [3, 4]]',
    '[[1, 2] [[3, 4]]]', '[[1, 2] [{3: 4}]]', '[[1, 2] [{i for i in x}]]', '[[1, 2] [1.5]]',
    '[[1, 2][0]]', '[[1, 2][x]]', '"abc"[1:2]', '[(1, 2) [True]]', 'x[1] = 2', 'del (1, 2)[0]',
    '0xfor x in y: pass', '1if x else y', '1or x', '0o7and x', '0b1in x', '1.else', '1jif x else y',
    'x = 1\ny = 2\nz = [1, 2] [3, 4]',
]

for source in SOURCES:
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        try:
            compile(source, "<testcase>", "exec")
            outcome = "compiled"
        except SyntaxError as e:
            outcome = f"SyntaxError: {e.msg}"
    shown = [(w.category.__name__, str(w.message), w.filename, w.lineno) for w in caught]
    with warnings.catch_warnings():
        warnings.simplefilter("error", SyntaxWarning)
        try:
            compile(source, "<testcase>", "exec")
            as_error = None
        except SyntaxError as e:
            as_error = (e.msg, e.lineno, e.offset, e.end_lineno, e.end_offset, e.text)
    print(repr(source), outcome, shown, as_error)

# -O drops the assert, but the warning stays.
with warnings.catch_warnings(record=True) as caught:
    warnings.simplefilter("always")
    compile('assert(x, "msg")', "<o>", "exec", optimize=1)
print([str(w.message) for w in caught])
# Ignored warnings are not errors.
with warnings.catch_warnings():
    warnings.simplefilter("ignore")
    print(eval(compile("1 is 1", "<i>", "eval")), eval("1if 1 else 2"))
