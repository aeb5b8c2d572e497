"""Driver for capi_hooks.c: PySys_AddAuditHook and PyFile_SetOpenCodeHook.
The hooks cannot be removed: one test method sets them up for the rest."""

import importlib
import io
import os
import sys
import tempfile
import unittest

import capi_hooks as m


class Hooks(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        m.add_audit_hook()
        cls.first = m.set_open_code_hook()

    def test_audit_hook_hears_events(self):
        del m.audited[:]
        sys.audit("capi.event", 1, "two")
        sys.audit("other.event", 3)
        sys.audit("capi.empty")
        self.assertEqual(m.audited, [("capi.event", (1, "two")), ("capi.empty", ())])

    def test_audit_hook_failure_propagates(self):
        with self.assertRaisesRegex(PermissionError, "vetoed by the C hook"):
            sys.audit("capi.veto")

    def test_open_code_hook(self):
        self.assertEqual(self.first, 0)
        with tempfile.TemporaryDirectory() as d:
            path = os.path.join(d, "hooked_module_for_capi.py")
            with open(path, "w") as f:
                f.write("VALUE = 42\n")
            with m.open_code(path) as f:
                self.assertEqual(f.read(), b"VALUE = 42\n")
            with io.open_code(path) as f:
                self.assertEqual(f.read(), b"VALUE = 42\n")
            sys.path.insert(0, d)
            try:
                sys.dont_write_bytecode = True
                mod = importlib.import_module("hooked_module_for_capi")
            finally:
                sys.path.remove(d)
                sys.dont_write_bytecode = False
            self.assertEqual(mod.VALUE, 42)
            self.assertEqual(m.opened.count(path), 3)

    def test_open_code_hook_is_set_once(self):
        with self.assertRaisesRegex(SystemError, "failed to change existing open_code hook"):
            m.set_open_code_hook()

    def test_open_code_needs_a_str(self):
        with self.assertRaises(TypeError):
            m.open_code(b"path")


if __name__ == "__main__":
    unittest.main(verbosity=2)
