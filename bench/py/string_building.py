# string_building: building text piece by piece: += in a loop, str.join over
# lists and generators, f-strings, %-formatting and str.format, then taking
# the result apart again with split, replace, find, strip and case changes.
# Prints lengths and a checksum computed from characters, never from hash()
# (randomised per process).
#
#   string_building.py [N]
# quick: 2000

import sys

WORDS = ["alpha", "bravo", "charlie", "delta", "echo", "foxtrot", "golf",
         "hotel", "india", "juliet", "kilo", "lima", "mike", "november"]


def checksum(s):
    # Samples every 7th character, so the hashing does not dominate.
    total = len(s)
    for i in range(0, len(s), 7):
        total = (total * 131 + ord(s[i])) % 1000000007
    return total


def concatenate(n):
    # += builds short lines only: a long string grown by += is quadratic
    # unless the runtime can append in place (CPython can, when nothing
    # else refers to the string), which is not the point here.
    lines = []
    s = ""
    for i in range(n):
        s += WORDS[i % len(WORDS)]
        s += " "
        if i % 10 == 9:
            lines.append(s)
            s = ""
    lines.append(s)
    return "\n".join(lines)


def formatted(n):
    lines = []
    for i in range(n):
        w = WORDS[i % len(WORDS)]
        lines.append(f"{i:6d} {w:>10} {i * 0.5:8.2f} {w.upper()}")
        lines.append("%-8s|%5d|%x" % (w, i, i * 31))
        lines.append("{0}-{1}-{0}".format(w, i % 97))
    return "\n".join(lines)


def reworked(text):
    out = []
    for line in text.split("\n"):
        line = line.strip()
        if not line:
            continue
        fields = line.split()
        first = fields[0]
        if first.isdigit():
            out.append(first.zfill(8) + ":" + fields[-1].lower())
        elif line.find("|") >= 0:
            name, number, hexa = line.split("|")
            out.append(name.rstrip().capitalize() + "#" + hexa.upper())
        else:
            out.append(line.replace("-", "+").title())
    return "".join(s[::-1] if len(s) % 2 else s for s in out)


def main():
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 150000
    a = concatenate(n)
    b = formatted(n)
    c = reworked(b)
    d = ",".join(str(i) for i in range(n))
    e = a.replace("a", "AA").count("AA") + d.count("1") + c.count("Kilo")
    print("string_building %d: %d %d %d %d chars, checksums %d %d %d, %d" %
          (n, len(a), len(b), len(c), len(d),
           checksum(a), checksum(b), checksum(c), e))


main()
