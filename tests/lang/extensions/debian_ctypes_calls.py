# Debian's _ctypes binary through cpyext: loading libc and libm, calling C
# functions with argtypes/restype, strings and buffers, errno, callbacks.
import ctypes
import ctypes.util
import errno
import os
import sys
from ctypes import (CDLL, CFUNCTYPE, POINTER, PyDLL, byref, c_char, c_char_p, c_double, c_int, c_long,
                    c_size_t, c_void_p, c_wchar, c_wchar_p, cast, create_string_buffer,
                    create_unicode_buffer, sizeof)

print(ctypes.__version__, ctypes._pointer_type_cache[None] is c_void_p)
libc_name = ctypes.util.find_library("c")
libm_name = ctypes.util.find_library("m")
print(libc_name, libm_name)

libc = CDLL(libc_name)
libm = CDLL(libm_name)

# Integers by default; restype/argtypes for the rest.
print(libc.abs(-42), libc.labs(-7), libc.atoi(b"1234"))
libc.strlen.restype = c_size_t
libc.strlen.argtypes = [c_char_p]
print(libc.strlen(b"hello world"))
libm.sqrt.restype = c_double
libm.sqrt.argtypes = [c_double]
libm.pow.restype = c_double
libm.pow.argtypes = (c_double, c_double)
print(libm.sqrt(2.0), libm.pow(2, 10), libm.sqrt(16))
try:
    libm.sqrt("x")
except ctypes.ArgumentError as e:
    print("ArgumentError", e)
try:
    libc.no_such_function_here
except AttributeError as e:
    print("AttributeError", "no_such_function_here" in str(e))
print(libc["strlen"] is not None, type(libc.strlen).__name__)

# Buffers and strings.
buf = create_string_buffer(32)
libc.snprintf(buf, 32, b"%d-%s-%.2f", 7, b"ab", c_double(3.14159))
print(buf.value, sizeof(buf), buf.raw[:12])
b2 = create_string_buffer(b"abc")
print(b2.value, len(b2), b2[0], b2[:])
w = create_unicode_buffer("h\u00e9llo")
print(w.value, len(w), sizeof(w) == 6 * sizeof(c_wchar))
libc.wcslen.restype = c_size_t
libc.wcslen.argtypes = [c_wchar_p]
print(libc.wcslen("caf\u00e9\u4e2d"), libc.wcslen(w))
libc.strchr.restype = c_char_p
libc.strchr.argtypes = [c_char_p, c_int]
print(libc.strchr(b"hello", ord("l")), libc.strchr(b"hello", ord("z")))
s = c_char_p(b"text")
print(s.value, c_wchar_p("wide").value, c_char_p().value)
libc.getenv.restype = c_char_p
os.environ["TERN_CTYPES_TEST"] = "found"
print(libc.getenv(b"TERN_CTYPES_TEST"), libc.getenv(b"TERN_CTYPES_NOPE"))

# memmove, memset, string_at, wstring_at.
dst = create_string_buffer(10)
ctypes.memmove(dst, b"0123456789", 5)
ctypes.memset(ctypes.byref(dst, 5), ord("x"), 3)
print(dst.raw, ctypes.string_at(dst), ctypes.string_at(dst, 4))
print(ctypes.wstring_at(w), ctypes.wstring_at(w, 2))
addr = ctypes.addressof(b2)
print(ctypes.string_at(addr, 3), c_char.from_address(addr + 1).value)

# errno with use_errno.
libc_e = CDLL(libc_name, use_errno=True)
libc_e.open.argtypes = [c_char_p, c_int]
ctypes.set_errno(0)
print(libc_e.open(b"/nonexistent/tern/ctypes", os.O_RDONLY), ctypes.get_errno() == errno.ENOENT)
print(ctypes.set_errno(5) == errno.ENOENT, ctypes.get_errno())

# Callbacks: qsort with a Python comparison function.
CMP = CFUNCTYPE(c_int, POINTER(c_int), POINTER(c_int))
calls = []


def py_cmp(a, b):
    calls.append(1)
    return a[0] - b[0]


values = (c_int * 8)(5, 1, 7, 33, 99, -3, 0, 12)
libc.qsort.restype = None
libc.qsort(values, len(values), sizeof(c_int), CMP(py_cmp))
print(list(values), len(calls) > 0)


def backwards(a, b):
    return b.contents.value - a.contents.value


libc.qsort(values, len(values), sizeof(c_int), CMP(backwards))
print(values[:])

# A callback that raises: the exception is printed as unraisable, C gets 0.
def failing(a, b):
    raise ValueError("from callback")


seen = []
old_hook = sys.unraisablehook
sys.unraisablehook = lambda u: seen.append(type(u.exc_value).__name__)
libc.qsort(values, 2, sizeof(c_int), CMP(failing))
sys.unraisablehook = old_hook
print(seen[:1])

# Callbacks called directly, and C function pointers as Python callables.
ADD = CFUNCTYPE(c_long, c_long, c_long)
add = ADD(lambda a, b: a + b)
print(add(2, 40), ADD(add)(1, 2))
abs_ptr = cast(libc.abs, c_void_p).value
c_abs = CFUNCTYPE(c_int, c_int)(abs_ptr)
print(c_abs(-9), cast(libc.abs, c_void_p).value == abs_ptr)

# Callbacks from threads C starts (pthread_create): each takes the GIL
# through PyGILState_Ensure while the main thread waits in pthread_join,
# which ctypes calls without the GIL.
import threading

THREAD = CFUNCTYPE(c_void_p, c_void_p)
ran = []


def thread_body(arg):
    ran.append((arg, threading.current_thread() is threading.main_thread()))
    return 0


thread_cb = THREAD(thread_body)
tids = [ctypes.c_ulong() for _ in range(3)]
print([libc.pthread_create(byref(tid), None, thread_cb, c_void_p(i + 1)) for i, tid in enumerate(tids)])
print([libc.pthread_join(tid, None) for tid in tids], sorted(ran))

# PyDLL: the Python C API called through ctypes, with the GIL held.
api = ctypes.pythonapi
api.PyLong_FromLong.restype = ctypes.py_object
api.PyLong_FromLong.argtypes = [c_long]
print(api.PyLong_FromLong(12345), type(api).__name__, isinstance(api, PyDLL))
api.PyUnicode_FromString.restype = ctypes.py_object
api.PyUnicode_FromString.argtypes = [c_char_p]
print(api.PyUnicode_FromString(b"from C"))
