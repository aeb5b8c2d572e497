#!/usr/bin/env python3
"""Generates unicodedata_tables.h, the property tables of the unicodedata
module (unicodedata.cc), from Debian's unicode-data files restricted to
Unicode 14.0 (python3.11's version) by the compiler's unicode_data.py.

Tables:
  - kRecords: the distinct (category, bidirectional, combining,
    east_asian_width, mirrored, assigned-in-3.2) records; record 0 is an
    unassigned code point's, as CPython's.  kRecordIndex1/2 map a code point
    to its record (two-level, 128 code points per block, blocks shared).
  - kDecompositions: the distinct decomposition strings of UnicodeData.txt
    (entry 0 is ""); kDecompIndex1/2 map a code point to one.
  - kCompositionExclusions: Full_Composition_Exclusion code points, sorted.
  - kNamedSequences: NamedSequences.txt (name, code points).
Character names are the compiler's tables (runtime/compiler/unicode_names.h);
decimal/digit/numeric values are str's (runtime/objects/unicode_props.h).

usage: gen_unicodedata.py UNICODE_DIR OUTPUT
"""

import os
import sys

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), '..', 'compiler'))
import unicode_data  # noqa: E402

# CPython's orders (Modules/unicodedata_db.h), so index 0 means what it means there.
CATEGORIES = ['Cn', 'Lu', 'Ll', 'Lt', 'Mn', 'Mc', 'Me', 'Nd', 'Nl', 'No', 'Zs', 'Zl', 'Zp', 'Cc', 'Cf', 'Cs',
              'Co', 'Cn', 'Lm', 'Lo', 'Pc', 'Pd', 'Ps', 'Pe', 'Pi', 'Pf', 'Po', 'Sm', 'Sc', 'Sk', 'So']
BIDI = ['', 'L', 'LRE', 'LRO', 'R', 'AL', 'RLE', 'RLO', 'PDF', 'EN', 'ES', 'ET', 'AN', 'CS', 'NSM', 'BN', 'B', 'S',
        'WS', 'ON', 'LRI', 'RLI', 'FSI', 'PDI']
EAW = ['F', 'H', 'W', 'Na', 'A', 'N']
SHIFT = 7


def two_level(values):
    """(index1, index2) with values[c] == index2[(index1[c >> SHIFT] << SHIFT) + (c & mask)]."""
    size = 1 << SHIFT
    blocks = {}
    index1, index2 = [], []
    for start in range(0, 0x110000, size):
        block = tuple(values[start:start + size])
        if block not in blocks:
            blocks[block] = len(blocks)
            index2.extend(block)
        index1.append(blocks[block])
    return index1, index2


def main():
    unicode_dir, output = sys.argv[1], sys.argv[2]
    assigned = unicode_data.assigned_code_points(unicode_dir)
    in_3_2 = set()
    for fields in unicode_data.read_fields(os.path.join(unicode_dir, 'DerivedAge.txt')):
        major, minor = (int(x) for x in fields[1].split('.'))
        if (major, minor) <= (3, 2):
            in_3_2.update(unicode_data.code_points(fields[0]))

    # characters() expands First/Last ranges; the other fields come from the first line of each entry.
    rows = {}
    first = None
    for fields in unicode_data.read_fields(os.path.join(unicode_dir, 'UnicodeData.txt')):
        code = int(fields[0], 16)
        if fields[1].endswith(', First>'):
            first = code
            continue
        codes = range(first, code + 1) if fields[1].endswith(', Last>') else [code]
        first = None
        for c in codes:
            if c in assigned:
                rows[c] = fields
    widths = {}
    for fields in unicode_data.read_fields(os.path.join(unicode_dir, 'EastAsianWidth.txt')):
        for c in unicode_data.code_points(fields[0]):
            widths[c] = fields[1]

    records = [(0, 0, 0, 0, 0, 0)]
    record_id = {records[0]: 0}
    per_code = [0] * 0x110000
    decomp_strings = ['']
    decomp_id = {'': 0}
    per_code_decomp = [0] * 0x110000
    for c, fields in rows.items():
        record = (CATEGORIES.index(fields[2]), BIDI.index(fields[4]), int(fields[3]),
                  EAW.index(widths.get(c, 'N')), 1 if fields[9] == 'Y' else 0, 1 if c in in_3_2 else 0)
        if record not in record_id:
            record_id[record] = len(records)
            records.append(record)
        per_code[c] = record_id[record]
        d = fields[5]
        if d:
            if d not in decomp_id:
                decomp_id[d] = len(decomp_strings)
                decomp_strings.append(d)
            per_code_decomp[c] = decomp_id[d]

    exclusions = set()
    for fields in unicode_data.read_fields(os.path.join(unicode_dir, 'DerivedNormalizationProps.txt')):
        if fields[1] == 'Full_Composition_Exclusion':
            exclusions.update(c for c in unicode_data.code_points(fields[0]) if c in assigned)

    sequences = []
    for fields in unicode_data.read_fields(os.path.join(unicode_dir, 'NamedSequences.txt')):
        codes = [int(x, 16) for x in fields[1].split()]
        if all(c in assigned for c in codes):
            sequences.append((fields[0], codes))
    sequences.sort()

    r1, r2 = two_level(per_code)
    d1, d2 = two_level(per_code_decomp)

    def numbers(values, per_line=20):
        rows = [', '.join(str(v) for v in values[i:i + per_line]) for i in range(0, len(values), per_line)]
        return '\n    ' + ',\n    '.join(rows) + ',\n'

    def c_str(s):
        return '"' + s.replace('\\', '\\\\').replace('"', '\\"') + '"'

    with open(output, 'w', encoding='ascii') as f:
        f.write('// Generated by runtime/modules/gen_unicodedata.py from the Unicode 14.0 subset of\n')
        f.write('// /usr/share/unicode; do not edit.\n\n')
        f.write('constexpr const char* kCategoryNames[] = {%s};\n' % ', '.join(c_str(x) for x in CATEGORIES))
        f.write('constexpr const char* kBidiNames[] = {%s};\n' % ', '.join(c_str(x) for x in BIDI))
        f.write('constexpr const char* kEastAsianWidthNames[] = {%s};\n' % ', '.join(c_str(x) for x in EAW))
        f.write('constexpr int kIndexShift = %d;\n' % SHIFT)
        f.write('constexpr Record kRecords[] = {%s};\n' % numbers(['{%d, %d, %d, %d, %d, %d}' % r for r in records], 6))
        f.write('constexpr uint16_t kRecordIndex1[] = {%s};\n' % numbers(r1))
        f.write('constexpr uint16_t kRecordIndex2[] = {%s};\n' % numbers(r2))
        f.write('constexpr const char* kDecompositions[] = {%s};\n' % numbers([c_str(s) for s in decomp_strings], 6))
        f.write('constexpr uint16_t kDecompIndex1[] = {%s};\n' % numbers(d1))
        f.write('constexpr uint16_t kDecompIndex2[] = {%s};\n' % numbers(d2))
        f.write('constexpr char32_t kCompositionExclusions[] = {%s};\n' % numbers(sorted(exclusions)))
        f.write('constexpr NamedSequence kNamedSequences[] = {%s};\n' % numbers(
            ['{%s, {%s}, %d}' % (c_str(n), ', '.join(str(c) for c in cs), len(cs)) for n, cs in sequences], 2))


if __name__ == '__main__':
    main()
