# sys.version_info fields and comparisons, sys.implementation attributes (shape only), hexversion consistency, argv for a script, and sys.flags fields.
import sys
vi = sys.version_info
print(vi.major, vi.minor, vi[0], vi[:2], vi >= (3, 11), vi < (3, 12), type(vi).__name__, len(vi), vi.releaselevel in ("alpha", "beta", "candidate", "final"))
print(tuple(vi)[:2], vi._fields if hasattr(vi, "_fields") else "n/a", isinstance(vi.micro, int))
print(sys.hexversion >> 24 == vi.major, (sys.hexversion >> 16) & 0xFF == vi.minor, sys.version.split()[0].startswith("3.11"))
impl = sys.implementation
print(type(impl.name).__name__, impl.name == impl.name.lower(), impl.version[:2] == (3, 11) or impl.name != "cpython", hasattr(impl, "cache_tag"), hasattr(impl, "hexversion"))
print(len(sys.argv), sys.argv[0], type(sys.argv).__name__)
sys.argv.append("extra"); print(sys.argv[1:])
print(type(sys.flags).__name__, sys.flags.optimize, sys.flags.verbose, sys.flags.isolated in (0, 1), sys.flags.safe_path in (True, False), sys.flags.int_max_str_digits in (-1, 4300))
try:
    vi.major = 4
except (AttributeError, TypeError) as e:
    print(type(e).__name__)
print(sys.float_info.max_exp, sys.float_info.min_exp, sys.float_info.radix, sys.float_info.rounds, sys.int_info.sizeof_digit in (2, 4))
print(sys.hash_info.width, sys.hash_info.inf, sys.hash_info.nan, sys.hash_info.imag, sys.hash_info.modulus == 2 ** 61 - 1)
