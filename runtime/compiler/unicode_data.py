"""The Unicode Character Database as Python 3.11 sees it, for the generators.

gen_xid_tables.py and gen_unicode_names.py read the files of Debian's
unicode-data package (/usr/share/unicode) through this module.  Python 3.11
uses Unicode 14.0 while Debian 12 ships 15.0, so every code point DerivedAge.txt
dates after UNICODE_VERSION is left out here, once for both: it has no name,
no properties and counts as unassigned (not an identifier character, not
printable), as in python3.11.
"""

import os

UNICODE_VERSION = (14, 0)


def read_fields(path):
    """The ';'-separated fields of every data line of a UCD file, stripped;
    comments and blank lines are skipped."""
    with open(path, encoding='utf-8') as f:
        for line in f:
            line = line.split('#', 1)[0].strip()
            if line:
                yield [field.strip() for field in line.split(';')]


def code_points(field):
    """'0041..005A' or '00AA' -> the range of code points it names."""
    first, _, last = field.partition('..')
    return range(int(first, 16), int(last or first, 16) + 1)


def assigned_code_points(unicode_dir):
    """The code points assigned in UNICODE_VERSION or earlier."""
    out = set()
    for fields in read_fields(os.path.join(unicode_dir, 'DerivedAge.txt')):
        major, minor = (int(x) for x in fields[1].split('.'))
        if (major, minor) <= UNICODE_VERSION:
            out.update(code_points(fields[0]))
    return out


def characters(unicode_dir, assigned):
    """(code points, name, general category) for every entry of
    UnicodeData.txt, restricted to `assigned`.  A First/Last pair is one entry
    named like '<CJK Ideograph Extension A>'; its code points are a list, a
    single character's a one-element list."""
    first = None
    for fields in read_fields(os.path.join(unicode_dir, 'UnicodeData.txt')):
        code, name, category = int(fields[0], 16), fields[1], fields[2]
        if name.endswith(', First>'):
            first = code
            continue
        if name.endswith(', Last>'):
            name = name[:-len(', Last>')] + '>'
            codes = [c for c in range(first, code + 1) if c in assigned]
        else:
            codes = [code] if code in assigned else []
        first = None
        if codes:
            yield codes, name, category


def derived_property(unicode_dir, prop, assigned):
    """The assigned code points with a property of DerivedCoreProperties.txt."""
    out = set()
    for fields in read_fields(os.path.join(unicode_dir, 'DerivedCoreProperties.txt')):
        if fields[1] == prop:
            out.update(c for c in code_points(fields[0]) if c in assigned)
    return out


def ranges(points):
    """Sorted, merged [first, last] ranges (both inclusive) of a set of code
    points."""
    out = []
    for c in sorted(points):
        if out and out[-1][1] + 1 == c:
            out[-1][1] = c
        else:
            out.append([c, c])
    return out
