# _locale under locale.py: setlocale set/query (C and C.UTF-8 only: what every Debian has), localeconv's
# dict, nl_langinfo with its constants, strcoll/strxfrm, getencoding, the gettext family, locale.Error,
# locale.py's helpers on top (format_string, atof, str, getlocale), and CPython's errors.
import _locale
import locale

def attempt(f, *args):
    try:
        r = f(*args)
    except BaseException as e:
        print(type(e).__name__, e)
    else:
        print('ok', repr(r))

print(sorted(n for n in dir(_locale) if not n.startswith('__')))
print(_locale.LC_ALL, _locale.LC_CTYPE, _locale.LC_NUMERIC, _locale.CHAR_MAX, _locale.CODESET, _locale.D_T_FMT,
      _locale.RADIXCHAR, _locale.YESEXPR, _locale._DATE_FMT)
print(locale.Error is _locale.Error, _locale.Error.__mro__, locale.setlocale is _locale.setlocale)

print(_locale.setlocale(_locale.LC_ALL, 'C'), _locale.setlocale(_locale.LC_ALL), _locale.setlocale(_locale.LC_NUMERIC))
print(_locale.setlocale(_locale.LC_CTYPE, 'C.UTF-8'), _locale.setlocale(_locale.LC_CTYPE, None))
print(_locale.setlocale(_locale.LC_ALL))
def norm(encoding):  # 'utf-8' in CPython's UTF-8 mode (C locale at start-up), 'UTF-8' otherwise
    return encoding.lower().replace('-', '')
print(_locale.nl_langinfo(_locale.CODESET), norm(_locale.getencoding()), norm(locale.getpreferredencoding(False)))
_locale.setlocale(_locale.LC_ALL, 'C')
conv = _locale.localeconv()
print(list(conv), conv)
for name in ['DAY_1', 'DAY_7', 'ABDAY_1', 'MON_1', 'MON_12', 'ABMON_5', 'D_T_FMT', 'D_FMT', 'T_FMT', 'T_FMT_AMPM',
             'AM_STR', 'PM_STR', 'RADIXCHAR', 'THOUSEP', 'YESEXPR', 'NOEXPR', 'CRNCYSTR', 'ERA', 'CODESET', '_DATE_FMT']:
    print(name, repr(_locale.nl_langinfo(getattr(_locale, name))))
print(_locale.strcoll('a', 'b') < 0, _locale.strcoll('b', 'a') > 0, _locale.strcoll('abc', 'abc'),
      _locale.strcoll('\u00e9', 'e') > 0)
print(_locale.strxfrm('abc'), _locale.strxfrm(''), _locale.strxfrm('x\u00e9\U0001f600'))
print(sorted(['b', 'A', 'a', 'B'], key=locale.strxfrm), sorted(['b', 'A', 'a'], key=__import__('functools').cmp_to_key(locale.strcoll)))

print(_locale.gettext('hello'), _locale.dgettext(None, 'hello'), _locale.dgettext('nosuchdomain', 'x'),
      _locale.dcgettext(None, 'hello', _locale.LC_MESSAGES))
old = _locale.textdomain(None)
print(old, _locale.textdomain('mydomain'), _locale.textdomain(None), _locale.textdomain(old))
print(_locale.bindtextdomain('mydomain', '/tmp/nowhere'), _locale.bindtextdomain('mydomain', None))
print(_locale.bind_textdomain_codeset('mydomain', None), _locale.bind_textdomain_codeset('mydomain', 'UTF-8'),
      _locale.bind_textdomain_codeset('mydomain', None))

# locale.py on top
print(locale.getlocale(locale.LC_NUMERIC), locale.format_string('%.2f', 3.14159), locale.format_string('%d', 1234567, grouping=True))
print(locale.atof('3.5'), locale.atoi('42'), locale.str(2.5), locale.currency(1.5) if conv['int_frac_digits'] != 127 else 'nocurrency')
print(locale.localeconv() == conv, locale.normalize('en_US'), locale.getlocale(locale.LC_CTYPE))
locale.setlocale(locale.LC_ALL, 'C.UTF-8')
print(locale.getlocale(), locale.setlocale(locale.LC_CTYPE))
locale.setlocale(locale.LC_ALL, 'C')

attempt(_locale.setlocale, _locale.LC_ALL, 'xx_YY')
attempt(locale.setlocale, locale.LC_ALL, 'xx_YY.UTF-8')
attempt(_locale.setlocale, 99)
attempt(_locale.setlocale, 99, 'C')
attempt(_locale.setlocale, _locale.LC_ALL, 5)
attempt(_locale.setlocale, 'a')
attempt(_locale.setlocale, _locale.LC_ALL, 'C\0')
attempt(_locale.nl_langinfo, 12345)
attempt(_locale.nl_langinfo, 'x')
attempt(_locale.strcoll, 'a', 1)
attempt(_locale.strcoll, 1, 'a')
attempt(_locale.strcoll, 'a\0', 'b')
attempt(_locale.strxfrm, 1)
attempt(_locale.strxfrm, 'a\0b')
attempt(_locale.bindtextdomain, '', None)
attempt(_locale.bindtextdomain, 'x', 5)
attempt(_locale.textdomain, 5)
attempt(_locale.gettext, 5)
