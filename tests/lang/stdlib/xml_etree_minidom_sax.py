# The XML packages over pyexpat: ElementTree (the Python classes: Tern has
# no _elementtree), iterparse and XMLPullParser, minidom, pulldom, SAX with
# namespaces, and xml.parsers.expat's re-exports.
import io
import xml.dom.minidom
import xml.dom.pulldom
import xml.etree.ElementTree as ET
import xml.parsers.expat
import xml.sax
import xml.sax.handler
import xml.sax.saxutils

DOC = '''<?xml version="1.0"?>
<catalog xmlns:x="urn:x">
  <!-- books -->
  <book id="b1" x:lang="en"><title>Dune</title><price cur="USD">9.99</price></book>
  <book id="b2"><title>Solaris &amp; more</title><price cur="EUR">7.50</price><![CDATA[<raw>]]></book>
</catalog>'''

print('--- ElementTree')
root = ET.fromstring(DOC)
print(root.tag, root.attrib, len(root), [b.get('id') for b in root.iter('book')])
print([t.text for t in root.findall('./book/title')], root.find('book/price').attrib)
print(root[0].attrib, root[1][-1].tail, repr(root[1].text))
print(ET.tostring(root[1], encoding='unicode'))
tree = ET.ElementTree(ET.fromstring('<a><b>1</b><c d="2"/></a>'))
out = io.BytesIO()
tree.write(out, encoding='utf-8', xml_declaration=True)
print(out.getvalue())
for event, elem in ET.iterparse(io.BytesIO(DOC.encode()), events=('start', 'end', 'start-ns', 'comment')):
    print(event, elem if event == 'start-ns' else elem.text if event == 'comment' else elem.tag)
pull = ET.XMLPullParser(events=('start', 'end'))
for piece in ('<r><a>', 'x</a><b/', '></r>'):
    pull.feed(piece)
    print([(e, el.tag) for e, el in pull.read_events()])
pull.close()
try:
    ET.fromstring('<a><b></a>')
except ET.ParseError as e:
    print('ParseError', e, e.code, e.position)
print(ET.canonicalize('<r b="2" a="1"><!--c--><x/></r>'))
ns = ET.fromstring('<r xmlns="urn:d" xmlns:p="urn:p"><p:e/></r>')
print(ns.tag, ns[0].tag)

print('--- minidom')
dom = xml.dom.minidom.parseString(DOC)
print(dom.documentElement.tagName, [b.getAttribute('id') for b in dom.getElementsByTagName('book')])
print(dom.getElementsByTagName('title')[1].firstChild.data)
print(dom.documentElement.toxml()[:80])
print(xml.dom.minidom.parseString('<a><b/>t</a>').toprettyxml(indent=' '))
dom = xml.dom.minidom.parse(io.BytesIO(b'<?xml version="1.0" encoding="latin-1"?><r v="\xe9"/>'))
print(dom.documentElement.getAttribute('v'), dom.encoding)

print('--- pulldom')
events = xml.dom.pulldom.parseString('<r><a>1</a><b/></r>')
for event, node in events:
    if event == xml.dom.pulldom.START_ELEMENT and node.tagName == 'a':
        events.expandNode(node)
        print(node.toxml())
    else:
        print(event, getattr(node, 'tagName', None))

print('--- sax')


class Handler(xml.sax.handler.ContentHandler):
    def startElementNS(self, name, qname, attrs):
        print('startNS', name, qname, list(attrs.items()))

    def endElementNS(self, name, qname):
        print('endNS', name)

    def startElement(self, name, attrs):
        print('start', name, sorted(attrs.items()))

    def characters(self, content):
        if content.strip():
            print('chars', repr(content))

    def startPrefixMapping(self, prefix, uri):
        print('prefix', prefix, uri)


xml.sax.parseString(DOC.encode(), Handler())
parser = xml.sax.make_parser()
parser.setFeature(xml.sax.handler.feature_namespaces, True)
parser.setContentHandler(Handler())
parser.parse(io.BytesIO(DOC.encode()))
try:
    xml.sax.parseString(b'<a></b>', Handler())
except xml.sax.SAXParseException as e:
    print('SAXParseException', e.getMessage(), e.getLineNumber(), e.getColumnNumber())
out = io.StringIO()
gen = xml.sax.saxutils.XMLGenerator(out)
xml.sax.parseString(b'<r a="&lt;"><s>t&amp;</s></r>', gen)
print(out.getvalue())

print('--- xml.parsers.expat')
print(xml.parsers.expat.ExpatError is xml.parsers.expat.error, xml.parsers.expat.errors.XML_ERROR_SYNTAX,
      xml.parsers.expat.model.XML_CTYPE_ANY, xml.parsers.expat.ParserCreate().buffer_size)
