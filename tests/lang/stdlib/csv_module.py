# csv over the native _csv: reading and writing with every quoting mode, dialects, DictReader/DictWriter,
# Sniffer, field_size_limit and the errors (type and message).
import csv, io, _csv

def attempt(f, *args, **kwargs):
    try:
        r = f(*args, **kwargs)
    except Exception as e:
        print(type(e).__name__, e)
    else:
        print('ok', repr(r)[:120])

def read(text, **kw):
    return list(csv.reader(io.StringIO(text, newline=''), **kw))

def write(rows, **kw):
    s = io.StringIO()
    w = csv.writer(s, **kw)
    for r in rows:
        w.writerow(r)
    return s.getvalue()

print('--- module')
print(csv.QUOTE_MINIMAL, csv.QUOTE_ALL, csv.QUOTE_NONNUMERIC, csv.QUOTE_NONE, csv.__version__)
print(issubclass(csv.Error, Exception), csv.Error.__module__, sorted(csv.list_dialects()))
print(type(csv.reader([])).__name__, type(csv.writer(io.StringIO())).__name__)

print('--- reading')
for text in ['a,b,c\r\n1,2,3\r\n', 'a,b\n\nc,d\n', '"a,b",c\n', '"a""b",c\n', '"multi\nline",x\r\ny,z\n',
             ' a, b ,c\n', 'a,"b"c,d\n', '"a"b,c\n', 'a,\n,b\n,\n', '"",""\n', 'x', '"unterminated', 'a\x00b,c\n',
             '\ufeffa,b\n', 'a;b;c\n', 'é,ü\n', 'a,b\r', '\r\n\r\n', 'a\\,b,c\n', '"a\\"b",c\n']:
    attempt(read, text)
print(read(' a, "b",c\n', skipinitialspace=True), read('a;b;"c;d"\n', delimiter=';'))
print(read("'a,b',c\n", quotechar="'"), read('a\\,b,"c\\"d"\n', escapechar='\\'))
print(read('"a""b"\n', doublequote=False), read('"a\\"b"\n', doublequote=False, escapechar='\\'))
print(read('1,2.5,"x",-3\n', quoting=csv.QUOTE_NONNUMERIC), read('"1",2\n', quoting=csv.QUOTE_NONE))
print(read('a\\\nb,c\n', escapechar='\\'), read('a,b\n', quotechar=None))
attempt(read, 'abc,x\n', quoting=csv.QUOTE_NONNUMERIC)
attempt(read, '"a"b,c\n', strict=True)
attempt(read, '"abc', strict=True)
attempt(read, 'a\rb\n')
attempt(lambda: list(csv.reader([b'a,b'])))
attempt(lambda: list(csv.reader([1])))
attempt(csv.reader, 5)
attempt(csv.reader)
attempt(csv.reader, [], 'nodialect')
r = csv.reader(['a,b', 'c,"d', 'e"', 'f'])
print(r.line_num, next(r), r.line_num, next(r), r.line_num, next(r), r.line_num)
print(r.dialect.delimiter, r.dialect.quoting)
attempt(next, r)

print('--- writing')
rows = [['a', 'b,c', 'd"e', 'f\ng', '', None, 1, 2.5, True], [''], [None], [], ['x y', ' lead', 'trail ']]
for q in (csv.QUOTE_MINIMAL, csv.QUOTE_ALL, csv.QUOTE_NONNUMERIC):
    print(q, repr(write(rows, quoting=q)))
print(repr(write([['a', 'b;c', 'd']], delimiter=';', lineterminator='\n')))
print(repr(write([['a\rb', 'c\nd', "x'y"]], lineterminator='\n', quotechar="'")))
print(repr(write([['a"b', 'c\\d']], doublequote=False, escapechar='\\')))
print(repr(write([['a,b', 'c"d', 'e\\f']], quoting=csv.QUOTE_NONE, escapechar='\\')))
attempt(write, [['a,b']], quoting=csv.QUOTE_NONE)
attempt(write, [['']], quoting=csv.QUOTE_NONE)
attempt(write, [['a"b']], doublequote=False)
attempt(write, [5])
attempt(write, ['abc'])
attempt(csv.writer, 5)
attempt(csv.writer)
class BadStr:
    def __str__(self):
        raise ValueError('no str')
attempt(write, [[BadStr()]])
s = io.StringIO()
w = csv.writer(s)
print(w.writerow(['x', 'y']), w.writerows([[1, 2], (3, 4), iter([5])]), repr(s.getvalue()), w.dialect.lineterminator == '\r\n')
def gen():
    yield ['a']
    raise KeyError('boom')
attempt(w.writerows, gen())

print('--- dialects')
D = _csv.Dialect
for kw in [dict(delimiter=None), dict(delimiter=1), dict(delimiter='ab'), dict(quotechar=1), dict(quotechar='ab'),
           dict(escapechar=5), dict(lineterminator=5), dict(lineterminator=None), dict(quoting=5), dict(quoting='a'),
           dict(quoting=True), dict(quotechar=None), dict(quotechar=None, quoting=0), dict(strict=[]), dict(foo=1),
           dict(delimiter=' ', skipinitialspace=True), dict(escapechar='\\', quotechar="'"), dict(quoting=2**70)]:
    try:
        d = D(**kw)
        print(kw, (d.delimiter, d.quotechar, d.escapechar, d.lineterminator, d.quoting, d.doublequote,
                   d.skipinitialspace, d.strict))
    except Exception as e:
        print(kw, type(e).__name__, e)
d = D(delimiter=';')
print(D(d) is d, D(d, quotechar="'").delimiter, D('excel').delimiter, D(csv.excel_tab).delimiter)
try:
    d.delimiter = ','
except AttributeError:
    print('AttributeError')  # (Tern names the type 'Dialect', CPython '_csv.Dialect')
attempt(D, 'missing')
class My(csv.Dialect):
    delimiter = '|'
    quotechar = '"'
    lineterminator = '\n'
    quoting = csv.QUOTE_MINIMAL
    doublequote = True
    skipinitialspace = False
csv.register_dialect('mine', My)
csv.register_dialect('pipes', delimiter='|', quoting=csv.QUOTE_ALL)
print(sorted(csv.list_dialects()), csv.get_dialect('pipes').quoting, read('a|b\n', dialect='mine'))
print(repr(write([['a', 'b']], dialect='pipes')), repr(write([['a', 'b']], dialect='pipes', delimiter=':')))
csv.unregister_dialect('pipes')
attempt(csv.get_dialect, 'pipes')
attempt(csv.unregister_dialect, 'pipes')
attempt(csv.register_dialect, 5)
attempt(csv.register_dialect, 'bad', delimiter='xx')
class Bad(csv.Dialect):
    delimiter = 'xx'
attempt(Bad)
print(sorted(csv.list_dialects()))

print('--- DictReader/DictWriter')
text = 'name,age\r\nann,30\r\nbob,25,extra\r\ncid\r\n'
for row in csv.DictReader(io.StringIO(text)):
    print(row)
print(list(csv.DictReader(io.StringIO(text), fieldnames=['a', 'b'], restkey='rest', restval='?')))
s = io.StringIO()
dw = csv.DictWriter(s, fieldnames=['x', 'y'], restval='-')
dw.writeheader()
dw.writerow({'x': 1, 'y': 2})
dw.writerows([{'x': 'a,b'}, {'y': 'q'}])
print(repr(s.getvalue()))
attempt(dw.writerow, {'z': 1})

print('--- Sniffer')
sn = csv.Sniffer()
sample = 'a;b;c\n1;2;3\n4;5;6\n'
dl = sn.sniff(sample)
print(dl.delimiter, sn.has_header('name,age\nann,30\nbob,25\n'), sn.sniff('"a","b"\n"c","d"\n').quotechar)

print('--- field_size_limit')
old = csv.field_size_limit()
print(old, csv.field_size_limit(10), csv.field_size_limit())
attempt(read, 'a' * 11 + '\n')
attempt(read, '"' + 'a' * 11 + '"\n')
print(read('a' * 10 + '\n'))
attempt(csv.field_size_limit, 'x')
attempt(csv.field_size_limit, 1, 2)
print(csv.field_size_limit(new_limit=old), csv.field_size_limit())
