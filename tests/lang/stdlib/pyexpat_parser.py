# pyexpat: the module surface, the parser's settings (buffer_text,
# buffer_size, ordered/specified attributes, intern), positions, errors,
# Parse with str and bytes in pieces, ParseFile, encodings, and parsers
# that outlive the parser they were made from.
import gc
import io
import sys
import pyexpat

print('--- the module')
print([n for n in dir(pyexpat) if n != 'expat_CAPI'])
print(pyexpat.__doc__, pyexpat.native_encoding, type(pyexpat.version_info), len(pyexpat.version_info))
print(pyexpat.EXPAT_VERSION == 'expat_%d.%d.%d' % pyexpat.version_info)
print(all(isinstance(n, str) and isinstance(v, int) for n, v in pyexpat.features))
print(pyexpat.XML_PARAM_ENTITY_PARSING_NEVER, pyexpat.XML_PARAM_ENTITY_PARSING_UNLESS_STANDALONE,
      pyexpat.XML_PARAM_ENTITY_PARSING_ALWAYS)
print(pyexpat.error is pyexpat.ExpatError, pyexpat.ExpatError.__module__, pyexpat.ExpatError.__mro__[1:])
print(pyexpat.XMLParserType, pyexpat.XMLParserType.__doc__, type(pyexpat.ParserCreate()) is pyexpat.XMLParserType)
print(sys.modules['pyexpat.errors'] is pyexpat.errors, sys.modules['pyexpat.model'] is pyexpat.model)
print(pyexpat.errors.__name__, pyexpat.errors.__doc__, pyexpat.model.__doc__)
print(sorted(n for n in dir(pyexpat.model) if n.startswith('XML')))
print([(n, getattr(pyexpat.model, n)) for n in sorted(dir(pyexpat.model)) if n.startswith('XML')])
print(pyexpat.errors.XML_ERROR_SYNTAX, pyexpat.errors.codes['syntax error'], pyexpat.errors.messages[2])
print(len(pyexpat.errors.codes), list(pyexpat.errors.messages.items())[:3])
print([pyexpat.ErrorString(i) for i in (0, 1, 4, 43, 44, -1)])
for bad in (lambda: pyexpat.ErrorString('x'), lambda: pyexpat.ErrorString(2 ** 70), lambda: pyexpat.XMLParserType(),
            lambda: pyexpat.ParserCreate(1), lambda: pyexpat.ParserCreate(namespace_separator='ab'),
            lambda: pyexpat.ParserCreate(namespace_separator='é'), lambda: pyexpat.ParserCreate('utf-8\0'),
            lambda: pyexpat.ParserCreate(intern=[]), lambda: pyexpat.ParserCreate(bogus=1)):
    try:
        bad()
    except Exception as e:
        print(type(e).__name__, e)

print('--- the parser surface')
p = pyexpat.ParserCreate()
print([n for n in dir(p) if not n.startswith('__')])
print(p.buffer_text, p.buffer_size, p.buffer_used, p.ordered_attributes, p.specified_attributes,
      p.namespace_prefixes, p.intern, p.StartElementHandler)
print(p.ErrorCode, p.ErrorLineNumber, p.ErrorColumnNumber, p.ErrorByteIndex, p.CurrentLineNumber,
      p.CurrentColumnNumber, p.CurrentByteIndex)
print(p.GetBase(), p.SetBase('http://example.com/'), p.GetBase(), p.GetInputContext())
for bad in (lambda: setattr(p, 'buffer_size', 'a'), lambda: setattr(p, 'buffer_size', 0),
            lambda: setattr(p, 'buffer_size', 2 ** 31), lambda: setattr(p, 'buffer_size', 2 ** 70),
            lambda: delattr(p, 'StartElementHandler'), lambda: delattr(p, 'buffer_text'),
            lambda: setattr(p, 'intern', {}), lambda: setattr(p, 'other', 1), lambda: p.SetBase(1),
            lambda: p.Parse(1), lambda: p.Parse(b'', 'x'), lambda: p.ParseFile(1),
            lambda: p.ExternalEntityParserCreate(1), lambda: p.ExternalEntityParserCreate(None, 2),
            lambda: p.SetParamEntityParsing('x')):
    try:
        bad()
    except Exception as e:
        print(type(e).__name__, e)
p.StartElementHandler = print
print(p.StartElementHandler is print)
p.StartElementHandler = None
print(p.StartElementHandler)

print('--- attributes')
DOC = b'<!DOCTYPE r [<!ATTLIST r d CDATA "dflt">]><r b="2" a="1"><s c="3"/></r>'
for ordered in (False, True):
    for specified in (False, True):
        seen = []
        p = pyexpat.ParserCreate()
        p.ordered_attributes = ordered
        p.specified_attributes = specified
        p.StartElementHandler = lambda n, a: seen.append((n, a))
        p.Parse(DOC, True)
        print(ordered, specified, p.ordered_attributes, p.specified_attributes, seen)

print('--- intern')
names = []
p = pyexpat.ParserCreate()
p.StartElementHandler = lambda n, a: names.append(n)
p.EndElementHandler = names.append
p.Parse(b'<a><b/><b/></a>', True)
print(names, names[1] is names[2] is names[3], sorted(p.intern))
shared = {}
p = pyexpat.ParserCreate(intern=shared)
p.Parse(b'<x y="1"/>', True)
print(p.intern is shared, sorted(shared))
p = pyexpat.ParserCreate(intern=None)
print(p.intern)

print('--- buffer_text')
for size in (None, 4, 1000):
    data = []
    p = pyexpat.ParserCreate()
    p.CharacterDataHandler = data.append
    if size is not None:
        p.buffer_size = size
    else:
        p.buffer_text = True
    p.StartElementHandler = lambda n, a: data.append('<%s>' % n)
    p.Parse(b'<r>one &amp; two<x/>three\nfour', False)
    print(p.buffer_used)
    p.Parse(b'</r>', True)
    print(size, p.buffer_text, p.buffer_size, data)
p = pyexpat.ParserCreate()
p.buffer_text = True
data = []
p.CharacterDataHandler = data.append
p.Parse(b'<r>abc', False)
print(p.buffer_used)
p.buffer_text = False
print(data, p.buffer_used, p.buffer_text)

print('--- positions and input context')
pos = []
p = pyexpat.ParserCreate()


def start(name, attrs):
    pos.append((name, p.CurrentLineNumber, p.CurrentColumnNumber, p.CurrentByteIndex, p.GetInputContext()[:12]))


p.StartElementHandler = start
p.Parse(b'<a>\n  <b x="1"/>\n <c/></a>', True)
print(pos)

print('--- errors')
for doc in (b'<a><b></a>', b'<a>', b'', b'<a/><b/>', b'<a x="1" x="2"/>', b'<a>&undefined;</a>', b'\n\n  <a',
            b'<?xml version="1.0" encoding="no-such-codec"?><a/>'):
    p = pyexpat.ParserCreate()
    try:
        print(p.Parse(doc, True))
    except pyexpat.ExpatError as e:
        print(repr(e), e.code, e.lineno, e.offset, p.ErrorCode, p.ErrorLineNumber, p.ErrorColumnNumber,
              p.ErrorByteIndex)
    except Exception as e:
        print(type(e).__name__, e)
p = pyexpat.ParserCreate()
p.Parse(b'<a/>', True)
try:
    p.Parse(b'<b/>', True)
except pyexpat.ExpatError as e:
    print(e, e.code == pyexpat.errors.codes[pyexpat.errors.XML_ERROR_FINISHED])

print('--- Parse in pieces, str and bytes')
seen = []
p = pyexpat.ParserCreate()
p.CharacterDataHandler = seen.append
p.StartElementHandler = lambda n, a: seen.append((n, a))
for piece in (b'<r a="\xc3', b'\xa9">caf\xc3', b'\xa9 ', '\u20ac \U0001f600', bytearray(b' end'),
              memoryview(b'</r>')):
    print(p.Parse(piece, False), end=' ')
print(p.Parse(b'', True), seen)
seen.clear()
p = pyexpat.ParserCreate()
p.CharacterDataHandler = seen.append
p.Parse('<?xml version="1.0" encoding="latin-1"?><r>\xe9\u0100</r>', True)
print(seen)
try:
    pyexpat.ParserCreate().Parse('<r>\udc80</r>', True)
except UnicodeEncodeError as e:
    print('UnicodeEncodeError', e.reason)

print('--- encodings')
for doc, enc in ((b'<?xml version="1.0" encoding="iso-8859-1"?><r>\xe9</r>', None),
                 (b'<?xml version="1.0" encoding="cp1252"?><r>\x80\x99</r>', None),
                 (b'<?xml version="1.0" encoding="koi8-r"?><r>\xc1\xc2</r>', None),
                 (b'<?xml version="1.0" encoding="big5"?><r>x</r>', None),
                 ('<r>\xe9</r>'.encode('utf-16'), None),
                 (b'<r>\xe9</r>', 'iso-8859-15'),
                 (b'<r>\xe9</r>', 'bogus-codec')):
    seen = []
    p = pyexpat.ParserCreate(enc)
    p.CharacterDataHandler = seen.append
    try:
        p.Parse(doc, True)
        print(seen)
    except Exception as e:
        print(type(e).__name__, e)

print('--- ParseFile')


class Reader:
    def __init__(self, chunks):
        self.chunks = list(chunks)

    def read(self, n):
        return self.chunks.pop(0) if self.chunks else b''


seen = []
p = pyexpat.ParserCreate()
p.StartElementHandler = lambda n, a: seen.append(n)
print(p.ParseFile(io.BytesIO(b'<r>' + b'<e/>' * 2000 + b'</r>')), len(seen))
for chunks in ([b'<r>', 'str'], [b'<r>', 5], [b'x' * 3000], [b'<r>', bytearray(b'</r>')], [b'<r><'], [b'<r>', b'</s>']):
    p = pyexpat.ParserCreate()
    try:
        print(p.ParseFile(Reader(chunks)))
    except Exception as e:
        print(type(e).__name__, e)


class Failing:
    def read(self, n):
        raise OSError('cannot read')


try:
    pyexpat.ParserCreate().ParseFile(Failing())
except OSError as e:
    print('OSError', e)

print('--- big input and many parsers')
big = b'<r>' + b'<item n="1">text &amp; more</item>' * 40000 + b'</r>'
count = [0]
p = pyexpat.ParserCreate()
p.StartElementHandler = lambda n, a: count.__setitem__(0, count[0] + 1)
print(len(big) > 1 << 20, p.Parse(big, True), count[0])
for i in range(300):
    q = pyexpat.ParserCreate()
    q.StartElementHandler = lambda n, a, i=i: None
    q.Parse(b'<a><b/></a>', True)
del q
gc.collect()

print('--- children outliving their parent')
children = []


def make_child(*args):
    children.append(parent.ExternalEntityParserCreate(args[0]))
    return 1


parent = pyexpat.ParserCreate()
parent.ExternalEntityRefHandler = make_child
parent.SetParamEntityParsing(pyexpat.XML_PARAM_ENTITY_PARSING_ALWAYS)
parent.Parse(b'<!DOCTYPE r [<!ENTITY e SYSTEM "e.xml">]><r>&e;&e;</r>', True)
del parent
gc.collect()
out = []
for child in children:
    child.StartElementHandler = lambda n, a: out.append(n)
    child.CharacterDataHandler = out.append
    print(child.Parse(b'<inner>text</inner>', True))
print(out)
del children, child
gc.collect()

print('--- a __del__ in the same garbage cycle')


class Holder:
    def __del__(self):
        print('__del__ parses:', self.parser.Parse(b'<late/>', True), self.seen)


for i in range(3):
    h = Holder()
    h.seen = []
    h.parser = pyexpat.ParserCreate()
    h.parser.StartElementHandler = lambda name, attrs, h=h: h.seen.append(name)
    del h
    gc.collect()
gc.collect()


def pieces():
    # An abandoned generator's finally runs when the collector finds it.
    parser = pyexpat.ParserCreate()
    parser.EndElementHandler = lambda name: print('end in finally:', name)
    try:
        parser.Parse(b'<open>', False)
        yield 1
        yield 2
    finally:
        print('finally parses:', parser.Parse(b'</open>', True))


g = pieces()
next(g)
box = [g]
box.append(box)  # a cycle, so only the collector frees the generator
del g, box
gc.collect()
print('done')
