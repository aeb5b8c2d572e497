#!/usr/bin/env python3
"""Generates unicode_data.inc, the Unicode tables of unicode_names.cc.

Inputs are the Unicode Character Database files of Debian's unicode-data
package.  Python 3.11 uses Unicode 14.0 while Debian 12 ships 15.0, so every
code point the database assigned after 14.0 (DerivedAge.txt) is left out: it
has no name and counts as unassigned (not printable), as in python3.11.

Names are stored as sequences of word numbers: the distinct words of all names
form a dictionary (most frequent first, so that they get one-byte codes), and
each name becomes a few varint tokens; names are sorted and front-coded in
blocks.  See unicode_names.cc for the layout.

usage: gen_unicode_names.py UNICODE_DIR OUTPUT
"""

import collections
import os
import re
import sys

MAX_AGE = (14, 0)
BLOCK = 16  # names per index entry

# NameAliases.txt does not date its lines; these are the aliases Unicode 15.0
# added, which Python 3.11 does not know.
ALIASES_AFTER_14 = {
    (0x0019, 'EM'),
    (0x0616, 'ARABIC SMALL HIGH LIGATURE ALEF WITH YEH BARREE'),
    (0x1BBD, 'SUNDANESE LETTER ARCHAIC I'),
}


def read_lines(path):
    with open(path, encoding='utf-8') as f:
        for line in f:
            line = line.split('#', 1)[0].strip()
            if line:
                yield [field.strip() for field in line.split(';')]


def parse_range(text):
    if '..' in text:
        first, last = text.split('..')
        return int(first, 16), int(last, 16)
    return int(text, 16), int(text, 16)


def main():
    unicode_dir, output = sys.argv[1], sys.argv[2]

    too_new = set()
    for fields in read_lines(os.path.join(unicode_dir, 'DerivedAge.txt')):
        first, last = parse_range(fields[0])
        major, minor = (int(x) for x in fields[1].split('.'))
        if (major, minor) > MAX_AGE:
            too_new.update(range(first, last + 1))

    # Category of every assigned code point, and the explicit names.
    category = {}
    names = {}
    cjk = set()
    range_start = None
    for fields in read_lines(os.path.join(unicode_dir, 'UnicodeData.txt')):
        code, name, cat = int(fields[0], 16), fields[1], fields[2]
        if name.endswith(', First>'):
            range_start = code
            continue
        if name.endswith(', Last>'):
            codes = range(range_start, code + 1)
            if name.startswith('<CJK Ideograph'):
                cjk.update(c for c in codes if c not in too_new)
        else:
            codes = [code]
            if not name.startswith('<') and code not in too_new:
                names[name] = code
        for c in codes:
            if c not in too_new:
                category[c] = cat

    # \N{...} also accepts every kind of alias (correction, control,
    # alternate, figment, abbreviation).
    for fields in read_lines(os.path.join(unicode_dir, 'NameAliases.txt')):
        code = int(fields[0], 16)
        if code not in too_new and (code, fields[1]) not in ALIASES_AFTER_14:
            names.setdefault(fields[1], code)

    # Printable as str.isprintable() says: not in Other (Cc Cf Cs Co Cn) or
    # Separator (Zl Zp Zs), except the space itself.
    printable = []
    for c in range(0x110000):
        cat = category.get(c, 'Cn')
        ok = c == 0x20 or cat[0] not in 'CZ'
        if ok and printable and printable[-1][1] == c:
            printable[-1][1] = c + 1
        elif ok:
            printable.append([c, c + 1])

    cjk_ranges = []
    for c in sorted(cjk):
        if cjk_ranges and cjk_ranges[-1][1] == c:
            cjk_ranges[-1][1] = c + 1
        else:
            cjk_ranges.append([c, c + 1])

    # Words and separators: "BKA- SHOG" is BKA '-', '' ' ', SHOG.
    split = {}
    counts = collections.Counter()
    for name in names:
        if not re.fullmatch(r'[A-Z0-9 -]+', name):
            sys.exit(f'unexpected character in name {name!r}')
        parts = re.split(r'([ -])', name)
        words, seps = parts[0::2], parts[1::2]
        split[name] = (words, seps)
        counts.update(words)
    words = sorted(counts, key=lambda w: (-counts[w], w))
    if len(words) * 2 >= 0x8000:
        sys.exit('too many words for two-byte tokens')
    word_id = {w: i for i, w in enumerate(words)}

    def encode(name):
        ws, seps = split[name]
        out = bytearray()
        for i, w in enumerate(ws):
            token = word_id[w] * 2 + (1 if i < len(seps) and seps[i] == '-' else 0)
            if token < 0x80:
                out.append(token)
            else:
                out += bytes([0x80 | (token >> 8), token & 0xFF])
        return bytes(out)

    entries = sorted((encode(n), c) for n, c in names.items())
    for a, b in zip(entries, entries[1:]):
        assert a[0] != b[0], 'two names encode the same'
    data = bytearray()
    block_offsets = []
    for i, (key, code) in enumerate(entries):
        shared = 0
        if i % BLOCK == 0:
            block_offsets.append(len(data))
        else:
            previous = entries[i - 1][0]
            while shared < min(len(key), len(previous)) and key[shared] == previous[shared]:
                shared += 1
        assert len(key) < 256
        data += bytes([shared, len(key) - shared])
        data += key[shared:]
        data += code.to_bytes(3, 'big')

    word_chars = ''.join(words)
    word_offsets = [0]
    for w in words:
        word_offsets.append(word_offsets[-1] + len(w))
    sorted_ids = sorted(range(len(words)), key=lambda i: words[i])

    def c_string(raw, width=100):
        lines, line = [], ''
        for b in raw:
            piece = chr(b) if (0x20 <= b < 0x7F and chr(b) not in '"\\?') else '\\%03o' % b
            if len(line) + len(piece) > width:
                lines.append('"' + line + '"')
                line = ''
            line += piece
        lines.append('"' + line + '"')
        return '\n    '.join(lines)

    def c_numbers(values, per_line=12):
        rows = [', '.join(str(v) for v in values[i:i + per_line]) for i in range(0, len(values), per_line)]
        return '\n    ' + ',\n    '.join(rows) + ',\n'

    def c_ranges(ranges):
        return c_numbers([f'{{0x{a:X}, 0x{b:X}}}' for a, b in ranges], per_line=6)

    with open(output, 'w', encoding='ascii') as f:
        f.write('// Generated by runtime/compiler/gen_unicode_names.py from the Unicode 14.0 subset of\n')
        f.write('// /usr/share/unicode; do not edit.\n\n')
        f.write(f'constexpr uint32_t kWordCount = {len(words)};\n')
        f.write(f'constexpr char kWordChars[] =\n    {c_string(word_chars.encode())};\n')
        f.write(f'constexpr uint32_t kWordOffsets[] = {{{c_numbers(word_offsets)}}};\n')
        f.write(f'constexpr uint16_t kWordsByText[] = {{{c_numbers(sorted_ids)}}};\n')
        f.write(f'constexpr uint32_t kNameCount = {len(entries)};\n')
        f.write(f'constexpr uint32_t kNameBlock = {BLOCK};\n')
        f.write(f'constexpr char kNameData[] =\n    {c_string(data)};\n')
        f.write(f'constexpr uint32_t kNameBlockOffsets[] = {{{c_numbers(block_offsets)}}};\n')
        f.write(f'constexpr UnicodeRange kCjkIdeographs[] = {{{c_ranges(cjk_ranges)}}};\n')
        f.write(f'constexpr UnicodeRange kPrintable[] = {{{c_ranges(printable)}}};\n')


if __name__ == '__main__':
    main()
