# pyexpat: every handler attribute with the arguments CPython passes, the
# document type declarations, namespaces, external entities through
# ExternalEntityParserCreate, and a handler that raises.
import pyexpat
import traceback

DOC = b"""<?xml version="1.0" encoding="utf-8" standalone="no"?>
<!DOCTYPE root SYSTEM "root.dtd" [
  <!ELEMENT root (item+, (a | b)*, empty?)>
  <!ELEMENT item (#PCDATA | b)*>
  <!ELEMENT empty EMPTY>
  <!ELEMENT any ANY>
  <!ATTLIST item id ID #REQUIRED kind (x | y) "x" note CDATA #IMPLIED>
  <!ENTITY internal "replacement text">
  <!ENTITY external SYSTEM "ext.xml">
  <!ENTITY pub PUBLIC "-//Tern//Pub//EN" "pub.xml">
  <!NOTATION gif SYSTEM "image/gif">
  <!ENTITY picture SYSTEM "pic.gif" NDATA gif>
  <!ENTITY % param "ignored">
]>
<!-- a comment -->
<?target some data?>
<root xmlns="urn:default" xmlns:t="urn:tern">
  <item id="i1" t:extra="e">text &amp; &internal; &#65;</item>
  <t:item id="i2"><![CDATA[raw <cdata>]]></t:item>
  &external;
  <empty/>
</root>
"""

events = []


def record(name):
    def handler(*args):
        if name == 'ExternalEntityRefHandler':
            # expat lists the namespace bindings in its hash tables' order.
            args = ('\x0c'.join(sorted(args[0].split('\x0c'))),) + args[1:]
        events.append((name,) + args)
        if name == 'ExternalEntityRefHandler':
            return 1
        if name == 'NotStandaloneHandler':
            return 1
    return handler


handler_names = sorted(n for n in dir(pyexpat.ParserCreate()) if n.endswith('Handler') or n == 'DefaultHandlerExpand')
print(handler_names)

p = pyexpat.ParserCreate(namespace_separator=' ')
for name in handler_names:
    if name not in ('DefaultHandler', 'DefaultHandlerExpand'):
        setattr(p, name, record(name))
print(p.Parse(DOC, True))
for e in events:
    print(e)

print('--- default handlers')
for which in ('DefaultHandler', 'DefaultHandlerExpand'):
    events.clear()
    p = pyexpat.ParserCreate()
    setattr(p, which, record(which))
    p.StartElementHandler = record('start')
    p.Parse(b'<!DOCTYPE r [<!ENTITY e "ee">]><r a="1">x&e;y<!--c--></r>', True)
    for e in events:
        print(e)

print('--- namespace triplets')
for prefixes in (False, True):
    events.clear()
    p = pyexpat.ParserCreate(namespace_separator='!')
    p.namespace_prefixes = prefixes
    p.StartElementHandler = record('start')
    p.EndElementHandler = record('end')
    p.StartNamespaceDeclHandler = record('ns-start')
    p.EndNamespaceDeclHandler = record('ns-end')
    p.Parse(b'<a:r xmlns:a="urn:a" xmlns="urn:d"><x a:y="1"/></a:r>', True)
    print(p.namespace_prefixes, events)

print('--- external entities')
ENTITIES = {'ext.xml': b'<inner>from <b>outside</b></inner>', 'dtd.ent': b'<!ENTITY fromdtd "dtd value">'}
log = []


def start(name, attrs):
    log.append(('start', name, attrs))


def external(context, base, system_id, public_id):
    log.append(('ext', context, base, system_id, public_id))
    child = parent.ExternalEntityParserCreate(context)
    log.append(('child handlers', child.StartElementHandler is start, child.intern is parent.intern))
    log.append(('child parse', child.Parse(ENTITIES[system_id], True)))
    return 1


parent = pyexpat.ParserCreate()
parent.SetBase('base/')
parent.StartElementHandler = start
parent.ExternalEntityRefHandler = external
parent.CharacterDataHandler = lambda d: log.append(('cd', d))
parent.SetParamEntityParsing(pyexpat.XML_PARAM_ENTITY_PARSING_UNLESS_STANDALONE)
print(parent.Parse(b'<!DOCTYPE r [<!ENTITY x SYSTEM "ext.xml">]><r>&x;</r>', True))
for entry in log:
    print(entry)

print('--- the entity handler refusing')
p = pyexpat.ParserCreate()
p.ExternalEntityRefHandler = lambda *a: 0
try:
    p.Parse(b'<!DOCTYPE r [<!ENTITY x SYSTEM "ext.xml">]><r>&x;</r>', True)
except pyexpat.ExpatError as e:
    print('ExpatError', e, e.code, pyexpat.errors.messages[e.code])

print('--- UseForeignDTD')
log.clear()
p = pyexpat.ParserCreate()
p.UseForeignDTD(True)
p.SetParamEntityParsing(pyexpat.XML_PARAM_ENTITY_PARSING_ALWAYS)
p.ExternalEntityRefHandler = lambda *a: log.append(a) or 1
p.Parse(b'<r/>', True)
print(log)

print('--- a handler raising')


class Boom(Exception):
    pass


def bad_start(name, attrs):
    if name == 'b':
        raise Boom(name)
    events.append(('start', name))


events.clear()
p = pyexpat.ParserCreate()
p.StartElementHandler = bad_start
p.EndElementHandler = record('end')
p.CharacterDataHandler = record('cd')
try:
    p.Parse(b'<a>x<b>y</b><c/></a>', True)
except Boom as e:
    print('Boom', e, [(f.name, f.filename.endswith('pyexpat.c')) for f in traceback.extract_tb(e.__traceback__)][1:])
print(events)
print(p.ErrorCode, pyexpat.ErrorString(p.ErrorCode), p.StartElementHandler, p.EndElementHandler, p.CharacterDataHandler)
try:
    p.Parse(b'<more/>', True)
except pyexpat.ExpatError as e:
    print('then', e)

print('--- an int handler returning a non-int')
p = pyexpat.ParserCreate()
p.NotStandaloneHandler = lambda: 'yes'
try:
    p.Parse(b'<?xml version="1.0" standalone="no"?><!DOCTYPE r SYSTEM "x.dtd"><r/>', True)
except TypeError as e:
    print('TypeError', e)

print('--- the content model')
models = []
p = pyexpat.ParserCreate()
p.ElementDeclHandler = lambda name, model: models.append((name, model))
p.Parse(b'<!DOCTYPE r [<!ELEMENT r ((a, b?)+ | (c* , d))><!ELEMENT a (#PCDATA)><!ELEMENT b EMPTY>'
        b'<!ELEMENT c ANY><!ELEMENT d (#PCDATA|a|b)*>]><r/>', True)
for m in models:
    print(m)
print(pyexpat.model.XML_CTYPE_SEQ, pyexpat.model.XML_CQUANT_PLUS)

print('--- skipped entities and the XML declaration')
events.clear()
p = pyexpat.ParserCreate()
p.SkippedEntityHandler = record('skipped')
p.XmlDeclHandler = record('xmldecl')
p.Parse(b'<?xml version="1.0"?><!DOCTYPE r SYSTEM "r.dtd"><r>&undeclared;</r>', True)
print(events)
