# sys basics: version_info, argv, path, modules, maxsize, byteorder, flags, streams, intern, getsizeof.
import sys
print(sys.version_info[:2], sys.version_info.major, sys.version_info >= (3, 11), sys.version.startswith("3.11"))
print(sys.implementation.name in ("cpython", "tern"), type(sys.implementation.version).__name__)
print(sys.argv, type(sys.path).__name__, all(isinstance(p, str) for p in sys.path))
print(sys.maxsize, sys.maxsize == 2 ** 63 - 1, sys.byteorder, sys.maxunicode)
print(sys.float_info.max, sys.float_info.epsilon, sys.float_info.dig, sys.float_info.mant_dig)
print(sys.int_info.bits_per_digit in (15, 30), sys.hash_info.modulus, sys.hash_info.algorithm in ("siphash13", "siphash24", "fnv"))
print("sys" in sys.modules, "builtins" in sys.modules, sys.modules["__main__"].__name__)
print(sys.stdout is sys.__stdout__, sys.stdin.fileno(), sys.stdout.fileno(), sys.stderr.fileno())
print(sys.stdout.encoding.lower().replace("-", ""), sys.getdefaultencoding(), sys.getfilesystemencoding())
print(sys.flags.optimize, sys.flags.dont_write_bytecode in (0, 1), sys.flags.hash_randomization, type(sys.flags).__name__)
print(sys.platform, sys.executable != "", isinstance(sys.prefix, str), sys.dont_write_bytecode)
s = sys.intern("interned string")
print(s is sys.intern("interned " + "string"))
print(sys.getsizeof(0) > 0, sys.getsizeof([]) < sys.getsizeof([1, 2, 3]))
print(sys.getrecursionlimit(), callable(sys.exit), callable(sys.exc_info), sys.exc_info())
print(sys._getframe().f_code.co_name, sys._getframe(0).f_back)
old = sys.stdout
import io
sys.stdout = io.StringIO()
print("captured")
captured = sys.stdout.getvalue()
sys.stdout = old
print(repr(captured))
print(sys.displayhook.__name__, sys.excepthook.__name__)
print(sorted(k for k in ("orig_argv", "stdlib_module_names", "builtin_module_names") if hasattr(sys, k)))
print(type(sys.stdlib_module_names).__name__, "os" in sys.stdlib_module_names, "sys" in sys.builtin_module_names)
