"""Driver for capi_stubs.c: every stub of cpyext/unimplemented.cc (the C API
Tern does not implement yet) raises SystemError naming itself and returns
its type's error value.  Tern only: under CPython the functions are real."""

import pathlib
import re
import sys
import unittest

import capi_stubs as m

STUBS = pathlib.Path(__file__).resolve().parents[2] / "cpyext" / "unimplemented.cc"
# stub macro -> (kind for capi_stubs.call, the error value)
KINDS = {
    "TERN_STUB_POINTER": ("p", None),
    "TERN_STUB_INT": ("i", -1),
    "TERN_STUB_LONG": ("l", -1),
    "TERN_STUB_UINT": ("u", 2**32 - 1),
    "TERN_STUB_ULONG": ("U", 2**64 - 1),
    "TERN_STUB_DOUBLE": ("d", -1.0),
    "TERN_STUB_VOID": ("v", None),
}


def stubs():
    for macro, name in re.findall(r"^(TERN_STUB_\w+)\((\w+)\)$", STUBS.read_text(), re.M):
        yield macro, name


@unittest.skipUnless(sys.implementation.name == "tern", "CPython implements these functions")
class Stubs(unittest.TestCase):
    def test_every_stub_raises_system_error_naming_itself(self):
        called = 0
        for macro, name in stubs():
            if macro not in KINDS:
                continue  # PyStatus results, functions that never return, Py_complex
            kind, error_value = KINDS[macro]
            with self.subTest(name=name):
                result, exc = m.call(name, kind)
                self.assertEqual(result, error_value)
                self.assertIsInstance(exc, SystemError)
                self.assertEqual(str(exc), f"{name} is not implemented in Tern")
                called += 1
        self.assertGreater(called, 0)  # the stubs were found (most are of these kinds)

    def test_implemented_functions_are_not_stubs(self):
        # A function Tern implements is no longer listed (the Meson test
        # cpyext-inventory keeps the list current); PyLong_FromLong is real.
        self.assertNotIn("PyLong_FromLong", {name for _, name in stubs()})


if __name__ == "__main__":
    unittest.main(verbosity=2)
