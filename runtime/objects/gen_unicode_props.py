#!/usr/bin/env python3
"""Writes the character-property tables of unicode_props.cc as a C++ header.

usage: gen_unicode_props.py UNICODE_DIR OUTPUT

Reads UnicodeData.txt, DerivedCoreProperties.txt, SpecialCasing.txt,
CaseFolding.txt, Unihan_NumericValues.txt.bz2 and DerivedAge.txt from
UNICODE_DIR (Debian's unicode-data package: /usr/share/unicode), restricted to
Unicode 14.0 by runtime/compiler/unicode_data.py, and derives every property
the way CPython 3.11's Tools/unicode/makeunicodedata.py does for
Objects/unicodectype.c.  utf8proc is not used: Debian 12's 2.8 is Unicode 15.

The layout is CPython's: each code point maps, through a two-level index
(kIndex1[cp >> kShift], then kIndex2), to one of a few thousand distinct
TypeRecords.  A case mapping is a delta from the code point when it is one
character, or a slice of kExtendedCase when SpecialCasing.txt or
CaseFolding.txt give several (at most three).
"""
import bz2
import os
import sys

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), '..', 'compiler'))
import unicode_data  # noqa: E402

SHIFT = 7

# Debian's files are Unicode 15.0, which changed properties of five 14.0
# characters: 15.0 made these modifier letters Other_Lowercase, hence
# Lowercase and Cased; in 14.0 (python3.11) they are neither.
# unicode_props_test.cc compares every code point with python3.11, so a
# further difference shows there.
NOT_LOWERCASE_IN_14 = {0x10FC, 0xA7F2, 0xA7F3, 0xA7F4, 0xAB69}

FLAGS = {
    'kAlpha': 1 << 0,
    'kDecimal': 1 << 1,
    'kDigit': 1 << 2,
    'kNumeric': 1 << 3,
    'kSpace': 1 << 4,
    'kPrintable': 1 << 5,
    'kLower': 1 << 6,
    'kUpper': 1 << 7,
    'kTitle': 1 << 8,
    'kCased': 1 << 9,
    'kCaseIgnorable': 1 << 10,
}


def unicode_data_records(unicode_dir, assigned):
    """code point -> UnicodeData.txt fields, First/Last ranges expanded."""
    out = {}
    first = None
    for fields in unicode_data.read_fields(os.path.join(unicode_dir, 'UnicodeData.txt')):
        code, name = int(fields[0], 16), fields[1]
        if name.endswith(', First>'):
            first = code
            continue
        codes = range(first, code + 1) if name.endswith(', Last>') else [code]
        first = None
        for c in codes:
            if c in assigned:
                out[c] = fields
    return out


def special_casing(unicode_dir, assigned):
    # Conditional mappings are language- or context-dependent; CPython keeps
    # none but Final_Sigma, which str.lower handles in code.
    out = {}
    for fields in unicode_data.read_fields(os.path.join(unicode_dir, 'SpecialCasing.txt')):
        if len(fields) > 4 and fields[4]:
            continue
        c = int(fields[0], 16)
        if c in assigned:
            out[c] = tuple([int(x, 16) for x in f.split()] for f in fields[1:4])
    return out


def case_folding(unicode_dir, assigned):
    out = {}
    for fields in unicode_data.read_fields(os.path.join(unicode_dir, 'CaseFolding.txt')):
        if fields[1] in ('C', 'F'):
            c = int(fields[0], 16)
            if c in assigned:
                out[c] = [int(x, 16) for x in fields[2].split()]
    return out


def unihan_numeric(unicode_dir, assigned):
    out = {}
    with bz2.open(os.path.join(unicode_dir, 'Unihan_NumericValues.txt.bz2'), 'rt', encoding='utf-8') as f:
        for line in f:
            if line.startswith('#') or not line.strip():
                continue
            code, tag, value = line.rstrip('\n').split('\t')
            if tag in ('kAccountingNumeric', 'kPrimaryNumeric', 'kOtherNumeric'):
                c = int(code[2:], 16)
                if c in assigned:
                    out[c] = value.strip().replace(',', '')
    return out


def numeric_double(text):
    num, _, den = text.partition('/')
    return float(int(num)) / float(int(den)) if den else float(int(num))


def main():
    unicode_dir, output = sys.argv[1], sys.argv[2]
    assigned = unicode_data.assigned_code_points(unicode_dir)
    records = unicode_data_records(unicode_dir, assigned)
    props = {p: unicode_data.derived_property(unicode_dir, p, assigned)
             for p in ('Lowercase', 'Uppercase', 'Cased', 'Case_Ignorable')}
    if unicode_data.UNICODE_VERSION == (14, 0):
        props['Lowercase'] -= NOT_LOWERCASE_IN_14
        props['Cased'] -= NOT_LOWERCASE_IN_14
    special = special_casing(unicode_dir, assigned)
    folding = case_folding(unicode_dir, assigned)
    unihan = unihan_numeric(unicode_dir, assigned)

    numeric_values = [0.0]  # index 0: not numeric
    numeric_index = {}
    extended = []
    extended_index = {}
    type_records = []
    type_record_index = {}

    def mapping(c, chars):
        if len(chars) == 1:
            return (chars[0] - c, 0)
        key = tuple(chars)
        if key not in extended_index:
            extended_index[key] = len(extended)
            extended.extend(chars)
        return (extended_index[key], len(chars))

    def record_for(c):
        fields = records.get(c)
        if fields is None:
            return (0, -1, -1, 0, (0, 0), (0, 0), (0, 0), (0, 0))
        category, bidi = fields[2], fields[4]
        flags = 0
        if category in ('Lm', 'Lt', 'Lu', 'Ll', 'Lo'):
            flags |= FLAGS['kAlpha']
        if category == 'Zs' or bidi in ('WS', 'B', 'S'):
            flags |= FLAGS['kSpace']
        if category == 'Lt':
            flags |= FLAGS['kTitle']
        if c == 0x20 or category[0] not in ('C', 'Z'):
            flags |= FLAGS['kPrintable']
        for prop, flag in (('Lowercase', 'kLower'), ('Uppercase', 'kUpper'), ('Cased', 'kCased'),
                           ('Case_Ignorable', 'kCaseIgnorable')):
            if c in props[prop]:
                flags |= FLAGS[flag]
        decimal = digit = -1
        if fields[6]:
            flags |= FLAGS['kDecimal']
            decimal = int(fields[6])
        if fields[7]:
            flags |= FLAGS['kDigit']
            digit = int(fields[7])
        numeric_text = unihan.get(c, fields[8])
        numeric = 0
        if numeric_text:
            flags |= FLAGS['kNumeric']
            value = numeric_double(numeric_text)
            if value not in numeric_index:
                numeric_index[value] = len(numeric_values)
                numeric_values.append(value)
            numeric = numeric_index[value]
        upper = int(fields[12], 16) if fields[12] else c
        lower = int(fields[13], 16) if fields[13] else c
        title = int(fields[14], 16) if fields[14] else upper
        sc = special.get(c, ([lower], [title], [upper]))
        fold = folding.get(c, [c])
        return (flags, decimal, digit, numeric, mapping(c, sc[0]), mapping(c, sc[2]), mapping(c, sc[1]),
                mapping(c, fold))

    # Record 0 is the unassigned code point's, for lookups past 0x10FFFF.
    type_records.append(record_for(0x10FFFF))
    type_record_index[type_records[0]] = 0
    index = []
    for c in range(0x110000):
        rec = record_for(c)
        if rec not in type_record_index:
            type_record_index[rec] = len(type_records)
            type_records.append(rec)
        index.append(type_record_index[rec])

    # Two-level index: identical blocks of 1 << SHIFT code points share one
    # slice of kIndex2.
    index1, index2, blocks = [], [], {}
    for start in range(0, 0x110000, 1 << SHIFT):
        block = tuple(index[start:start + (1 << SHIFT)])
        if block not in blocks:
            blocks[block] = len(index2) >> SHIFT
            index2.extend(block)
        index1.append(blocks[block])
    assert len(type_records) < 1 << 16 and len(blocks) < 1 << 16

    def numbers(values, per_line=12):
        values = list(values)
        return ['    ' + ', '.join(str(v) for v in values[i:i + per_line]) + ','
                for i in range(0, len(values), per_line)]

    def case(m):
        return '{.value = %d, .length = %d}' % m

    parts = [
        '// Generated by runtime/objects/gen_unicode_props.py from the Unicode data',
        '// files; do not edit.  Unicode %d.%d, as CPython 3.11.' % unicode_data.UNICODE_VERSION,
        '#pragma once',
        '',
        '#include <cstdint>',
        '',
        'namespace tern::objects::unicode_tables {',
        '',
    ]
    for name, bit in FLAGS.items():
        parts.append('constexpr uint16_t %s = 0x%04X;' % (name, bit))
    parts += [
        '',
        '// length 0: one character, value is its delta from the code point;',
        '// otherwise kExtendedCase[value, value + length).',
        'struct CaseMapping {',
        '  int32_t value;',
        '  uint8_t length;',
        '};',
        '',
        'struct TypeRecord {',
        '  uint16_t flags;',
        '  int8_t decimal;      // -1: none',
        '  int8_t digit;        // -1: none',
        '  uint16_t numeric;    // index into kNumericValues; 0: none',
        '  CaseMapping lower, upper, title, fold;',
        '};',
        '',
        'constexpr int kShift = %d;' % SHIFT,
        '',
        'constexpr TypeRecord kTypeRecords[] = {',
    ]
    for flags, decimal, digit, numeric, lower, upper, title, fold in type_records:
        parts.append('    {.flags = 0x%04X, .decimal = %d, .digit = %d, .numeric = %d, .lower = %s, .upper = %s, '
                     '.title = %s, .fold = %s},' % (flags, decimal, digit, numeric, case(lower), case(upper),
                                                   case(title), case(fold)))
    parts += ['};', '', 'constexpr double kNumericValues[] = {']
    parts += numbers((v.hex() for v in numeric_values), 6)
    parts += ['};', '', 'constexpr char32_t kExtendedCase[] = {']
    parts += numbers('0x%04X' % c for c in extended)
    parts += ['};', '', 'constexpr uint16_t kIndex1[] = {']
    parts += numbers(index1, 16)
    parts += ['};', '', 'constexpr uint16_t kIndex2[] = {']
    parts += numbers(index2, 16)
    parts += ['};', '', '}  // namespace tern::objects::unicode_tables']
    with open(output, 'w', encoding='utf-8') as f:
        f.write('\n'.join(parts) + '\n')


if __name__ == '__main__':
    main()
