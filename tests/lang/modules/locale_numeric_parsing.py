# Number parsing and formatting ignore LC_NUMERIC: after setlocale() to a
# locale with a comma decimal point (when one is installed; run with
# LOCPATH pointing at a localedef output to force one), float(), complex(),
# marshal (its text float formats, versions 0 and 1) and reprs still use ".".
# Without such a locale the same lines run in the C locale.
import locale, marshal
loc = None
for name in ("de_DE.UTF-8", "de_DE.utf8", "de_DE", "fr_FR.UTF-8", "fr_FR.utf8", "nl_NL.UTF-8", "es_ES.UTF-8", "it_IT.UTF-8", "ru_RU.UTF-8", "pt_BR.UTF-8"):
    try:
        locale.setlocale(locale.LC_ALL, name)
    except locale.Error:
        continue
    if locale.localeconv()["decimal_point"] == ",":
        loc = name
        break
    locale.setlocale(locale.LC_ALL, "C")
print("comma locale found" if loc else "no comma locale: skipped")
if loc:
    print(locale.localeconv()["decimal_point"], locale.str(1.5), locale.format_string("%.2f", 1234.5, grouping=True))
    print(locale.atof("1,5"), locale.delocalize("1.234,5"), locale.currency(3.5) if False else "")
print(float("1.5"), float(" -2.25e3 "), float("1_000.5"), float("inf"), float("nan"), float("1e400"), float("1e-400"))
for bad in ("1,5", "1.5.", ""):
    try:
        float(bad)
    except ValueError as e:
        print("ValueError", e)
print(complex("1.5+2.5j"), int("12"), round(2.675, 2), repr(0.1), str(1e22), 3.14159, "%.3f" % 2.5, "%g" % 1e-5, "{:.2e}".format(12345.678), f"{1.5:10.3f}|")
print(format(1234567.891, ","), format(0.5, "%"), (1.5).hex(), float.fromhex("0x1.8p1"), 1.5.as_integer_ratio())
for v in (1.5, -0.0, 1e300, 2.5e-310, float("inf"), float("-inf"), 1/3, 123456789.125):
    for ver in (0, 1, 2, 4):
        data = marshal.dumps(v, ver)
        print(ver, data.hex(), marshal.loads(data))
    data = marshal.dumps(complex(v, 1.25), 1)
    print(data.hex(), marshal.loads(data))
print(marshal.loads(marshal.dumps([1.5, (2.5, {"a": 3.25})], 0)))
import json
print(json.dumps({"a": 1.5}), json.loads('{"b": 2.75}'))
import struct, math
print(struct.pack("<d", 1.5).hex(), math.fsum([0.1] * 10), str(2.5), "%s" % 1.25, "{}".format(3.5))
import time
print(len(time.strftime("%c")) > 0)
