# plistlib: XML (over pyexpat) and binary property lists both ways, with
# every value type, and its errors.
import datetime
import plistlib

value = {
    'str': 'text <&>', 'int': 42, 'neg': -7, 'big': 2 ** 63 - 1, 'float': 2.5, 'true': True, 'false': False,
    'bytes': b'\x00\x01binary', 'list': [1, 'two', [3.0]], 'dict': {'nested': {'deep': 'yes'}},
    'date': datetime.datetime(2024, 2, 29, 12, 30, 45), 'empty': {}, 'unicode': 'caf\xe9 \u20ac',
}
for fmt in (plistlib.FMT_XML, plistlib.FMT_BINARY):
    data = plistlib.dumps(value, fmt=fmt, sort_keys=True)
    back = plistlib.loads(data)
    print(fmt, back == value, sorted(back), type(data))
xml_data = plistlib.dumps(value, sort_keys=True)
print(xml_data.decode()[:400])
print(plistlib.loads(xml_data, dict_type=dict)['dict'])
print(plistlib.loads(b'<?xml version="1.0"?><plist version="1.0"><array><integer>0x10</integer>'
                     b'<real>1e3</real><data>AAEC</data><string/></array></plist>'))
for bad in (b'<plist><dict><key>a</key></dict></plist>', b'<plist><integer>x</integer></plist>',
            b'<plist><array></plist>', b'not a plist at all'):
    try:
        print(plistlib.loads(bad))
    except Exception as e:
        print(type(e).__name__, e)
uid = plistlib.loads(plistlib.dumps({'u': plistlib.UID(5)}, fmt=plistlib.FMT_BINARY))
print(uid)
