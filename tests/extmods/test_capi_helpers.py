"""Driver for capi_helpers.c: small functions of the C API (C function
fields, members, struct sequences, _PyDict_Pop, _PyObject_GetMethod, the old
buffer API, PickleBuffer, allocators, hash, stack effects, tokens, sys.path,
the deprecated GIL pair)."""

import array
import dis
import gc
import opcode
import pickle
import sys
import token
import types
import unittest
import weakref

import capi_helpers as m

METH_VARARGS, METH_O, METH_STATIC = 0x0001, 0x0008, 0x0020


class CFunctions(unittest.TestCase):
    def test_flags_and_self_of_module_functions(self):
        self.assertEqual(m.cfunc_fields(m.meth_o), (METH_O, m))
        self.assertIs(m.cfunc_self(m.meth_o), m)

    def test_static_function_has_no_self(self):
        flags, self_ = m.cfunc_fields(m.meth_static)
        self.assertEqual(flags, METH_VARARGS | METH_STATIC)
        self.assertIsNone(self_)

    def test_self_of_bound_builtins(self):
        lst = [1]
        self.assertIs(m.cfunc_self(lst.append), lst)
        self.assertIs(m.cfunc_self(len), sys.modules["builtins"])

    def test_not_a_c_function(self):
        for f in (lambda: 0, 1, None.__class__):
            with self.assertRaisesRegex(SystemError, "bad argument to internal function"):
                m.cfunc_fields(f)

    def test_call(self):
        self.assertEqual(m.cfunc_call(m.meth_o, ("x",)), "x")
        self.assertEqual(m.cfunc_call(len, ([1, 2],)), 2)
        self.assertEqual(m.cfunc_call(sorted, ([3, 1],), {"reverse": True}), [3, 1])
        with self.assertRaises(TypeError):
            m.cfunc_call(m.meth_o, ())


class Members(unittest.TestCase):
    def test_get_and_set(self):
        r = m.Rec()
        self.assertEqual(m.member_get(r, "i"), 0)
        m.member_set(r, "i", 42)
        self.assertEqual((m.member_get(r, "i"), r.i), (42, 42))
        m.member_set(r, "d", 2.5)
        self.assertEqual(r.d, 2.5)
        obj = object()
        m.member_set(r, "obj", obj)
        self.assertIs(m.member_get(r, "obj"), obj)
        gc.collect()
        self.assertIs(r.obj, obj)
        m.member_set(r, "obj")
        with self.assertRaisesRegex(AttributeError, "'capi_helpers.Rec' object has no attribute 'obj'"):
            m.member_get(r, "obj")

    def test_errors(self):
        r = m.Rec()
        with self.assertRaisesRegex(AttributeError, "readonly attribute"):
            m.member_set(r, "ro", 1)
        with self.assertRaisesRegex(TypeError, "can't delete numeric/char attribute"):
            m.member_set(r, "i")
        with self.assertRaises(TypeError):
            m.member_set(r, "i", "x")

    def test_weakrefs_list_is_the_field(self):
        r = m.Rec()
        w = weakref.ref(r)
        self.assertTrue(m.weaklist_is_field(r))
        self.assertIs(w(), r)


class StructSequences(unittest.TestCase):
    def test_set_and_get_items(self):
        p = m.make_pair("a", [1])
        self.assertIsInstance(p, m.Pair)
        self.assertEqual((p.first, p.second), ("a", [1]))
        gc.collect()
        self.assertEqual(m.pair_item(p, 0), "a")
        self.assertIs(m.pair_item(p, 1), p.second)
        self.assertEqual(m.pair_item(sys.version_info, 0), 3)


class Objects(unittest.TestCase):
    def test_exception_class_name(self):
        self.assertEqual(m.exception_class_name(ValueError), "ValueError")
        self.assertEqual(m.exception_class_name(OSError), "OSError")

    def test_module_filename(self):
        self.assertEqual(m.module_filename(m), m.__file__)
        with self.assertRaisesRegex(SystemError, "module filename missing"):
            m.module_filename(types.ModuleType("nofile"))
        mod = types.ModuleType("badfile")
        mod.__file__ = 3
        with self.assertRaisesRegex(SystemError, "module filename missing"):
            m.module_filename(mod)
        with self.assertRaises(TypeError):
            m.module_filename(42)

    def test_dict_pop(self):
        d = {"a": 1, "b": 2}
        self.assertEqual(m.dict_pop(d, "a"), 1)
        self.assertEqual(d, {"b": 2})
        self.assertEqual(m.dict_pop(d, "zz", "dflt"), "dflt")
        with self.assertRaises(KeyError) as cm:
            m.dict_pop(d, ("t", 1))
        self.assertEqual(cm.exception.args, (("t", 1),))
        with self.assertRaises(KeyError):
            m.dict_pop({}, "x")
        self.assertIsNone(m.dict_pop({}, "x", None))
        with self.assertRaisesRegex(TypeError, "unhashable"):
            m.dict_pop(d, [])

    def test_dict_pop_bypasses_subclass(self):
        class D(dict):
            def pop(self, *a):
                raise AssertionError("called")

        d = D(k=1)
        self.assertEqual(m.dict_pop(d, "k"), 1)
        self.assertEqual(d, {})

    def test_get_method(self):
        lst = [3]
        found, meth = m.get_method(lst, "append")
        self.assertEqual(found, 1)
        self.assertIs(meth, list.__dict__["append"])

        class C:
            def f(self):
                return 7

        c = C()
        found, meth = m.get_method(c, "f")
        self.assertEqual(found, 1)
        self.assertIs(meth, C.__dict__["f"])
        c.f = lambda: 8
        found, meth = m.get_method(c, "f")
        self.assertEqual((found, meth()), (0, 8))
        c.x = 5
        self.assertEqual(m.get_method(c, "x"), (0, 5))
        found, meth = m.get_method("ab", "upper")
        self.assertEqual((found, meth("cd")), (1, "CD"))
        self.assertEqual(m.get_method(C, "f")[0], 0)  # on the class: a plain attribute
        with self.assertRaisesRegex(AttributeError, "'C' object has no attribute 'missing'"):
            m.get_method(c, "missing")

    def test_get_method_with_getattribute(self):
        class G:
            def __getattribute__(self, name):
                return name * 2

            def f(self):
                pass

        self.assertEqual(m.get_method(G(), "f"), (0, "ff"))

    def test_is_gc(self):
        class C:
            pass

        self.assertTrue(m.is_gc([]))
        self.assertTrue(m.is_gc({}))
        self.assertTrue(m.is_gc(C()))
        self.assertTrue(m.is_gc(m.Rec()))
        self.assertFalse(m.is_gc(1))
        self.assertFalse(m.is_gc("s"))
        self.assertFalse(m.is_gc(1.5))

    def test_supports_weakrefs(self):
        class C:
            pass

        class Slotted:
            __slots__ = ("a",)

        self.assertTrue(m.supports_weakrefs(C))
        self.assertTrue(m.supports_weakrefs(set))
        self.assertTrue(m.supports_weakrefs(m.Rec))
        self.assertFalse(m.supports_weakrefs(Slotted))
        self.assertFalse(m.supports_weakrefs(list))
        self.assertFalse(m.supports_weakrefs(int))


class OldBuffers(unittest.TestCase):
    def test_read(self):
        self.assertEqual(m.as_char_buffer(b"abc"), b"abc")
        self.assertEqual(m.as_read_buffer(bytearray(b"xyz")), b"xyz")
        self.assertEqual(m.as_read_buffer(memoryview(b"hello")[1:3]), b"el")
        self.assertEqual(m.as_read_buffer(array.array("b", [1, 2])), b"\x01\x02")
        self.assertEqual(m.as_char_buffer(b""), b"")

    def test_write(self):
        ba = bytearray(b"abcd")
        self.assertEqual(m.fill_write_buffer(ba, ord("z")), 4)
        self.assertEqual(ba, b"zzzz")
        a = array.array("B", [0, 0])
        m.fill_write_buffer(a, 7)
        self.assertEqual(a.tolist(), [7, 7])
        with self.assertRaisesRegex(TypeError, "expected a writable bytes-like object"):
            m.fill_write_buffer(b"ro", 1)
        with self.assertRaisesRegex(TypeError, "expected a writable bytes-like object"):
            m.fill_write_buffer("str", 1)

    def test_errors(self):
        with self.assertRaisesRegex(TypeError, "a bytes-like object is required, not 'int'"):
            m.as_char_buffer(1)
        with self.assertRaisesRegex(TypeError, "a bytes-like object is required, not 'str'"):
            m.as_read_buffer("s")
        with self.assertRaisesRegex(SystemError, "null argument to internal routine"):
            m.old_buffer_null_args()

    def test_check(self):
        self.assertTrue(m.check_read_buffer(b""))
        self.assertTrue(m.check_read_buffer(bytearray()))
        self.assertFalse(m.check_read_buffer(1))
        self.assertFalse(m.check_read_buffer("s"))


class PickleBuffers(unittest.TestCase):
    def test_from_object_view_release(self):
        data = bytearray(b"payload")
        pb = m.picklebuffer_from(data)
        self.assertIsInstance(pb, pickle.PickleBuffer)
        raw, n, readonly, _ = m.picklebuffer_view(pb)
        self.assertEqual((raw, n, readonly), (b"payload", 7, 0))
        gc.collect()
        self.assertEqual(m.picklebuffer_view(pb)[0], b"payload")
        self.assertEqual(bytes(pb.raw()), b"payload")
        m.picklebuffer_release(pb)
        with self.assertRaisesRegex(ValueError, "operation forbidden on released PickleBuffer object"):
            m.picklebuffer_view(pb)
        data.append(1)  # no export left

    def test_readonly_source(self):
        pb = m.picklebuffer_from(b"ro")
        self.assertEqual(m.picklebuffer_view(pb)[:3], (b"ro", 2, 1))

    def test_errors(self):
        with self.assertRaisesRegex(TypeError, "expected PickleBuffer, int found"):
            m.picklebuffer_view(1)
        with self.assertRaisesRegex(TypeError, "expected PickleBuffer, bytes found"):
            m.picklebuffer_release(b"x")
        with self.assertRaisesRegex(TypeError, "a bytes-like object is required, not 'int'"):
            m.picklebuffer_from(1)


class Allocators(unittest.TestCase):
    def test_raw_domain_hook(self):
        self.assertEqual(m.raw_hook(), (5, 0))

    def test_mem_and_obj_set_back(self):
        self.assertTrue(m.mem_allocator_roundtrip())


class InterpreterFacts(unittest.TestCase):
    def test_hash_funcdef(self):
        name, hash_bits, seed_bits, h = m.hash_funcdef(b"some bytes")
        self.assertEqual((name, hash_bits, seed_bits), (sys.hash_info.algorithm, 64, 128))
        self.assertEqual(h, hash(b"some bytes"))

    def test_stack_effects_match_dis(self):
        for op in sorted(set(opcode.opmap.values())):
            arg = 1 if op >= opcode.HAVE_ARGUMENT else None
            try:
                expected = dis.stack_effect(op, arg)
            except ValueError:
                expected = None
            self.assertEqual(m.stack_effect(op, arg or 0), expected, opcode.opname[op])
            for jump, flag in ((1, True), (0, False)):
                try:
                    expected = dis.stack_effect(op, arg, jump=flag)
                except ValueError:
                    expected = None
                self.assertEqual(m.stack_effect(op, arg or 0, jump), expected, opcode.opname[op])

    def test_invalid_opcodes(self):
        self.assertIsNone(m.stack_effect(255, 0))
        self.assertIsNone(m.stack_effect(-100, 0))

    def test_tokens(self):
        for text, number in token.EXACT_TOKEN_TYPES.items():
            self.assertEqual(m.token_of(text), number, text)
        self.assertEqual(m.token_of("<>"), token.NOTEQUAL)
        for text in ("$", "?", "a", "!", "=>", "+++", "..", "=\0"):
            self.assertEqual(m.token_of(text), token.OP, text)

    def test_sys_set_path(self):
        saved = sys.path[:]
        try:
            m.sys_set_path("/a:/b\u00e9::rel")
            self.assertEqual(sys.path, ["/a", "/b\u00e9", "", "rel"])
            m.sys_set_path("")
            self.assertEqual(sys.path, [""])
        finally:
            sys.path[:] = saved

    def test_release_and_acquire_lock(self):
        self.assertEqual(m.release_and_acquire(lambda: sum(range(10))), 45)


if __name__ == "__main__":
    unittest.main(verbosity=2)
