"""Driver for capi_funcs.c: Python functions, code objects and contexts made
and changed from C (PyFunction_*, PyCode_*, PyContext_*)."""

import contextvars
import gc
import sys
import unittest

import capi_funcs as m

NULL = m.NULL
TERN = sys.implementation.name == "tern"


def sample(a, b=2, *, c=3) -> int:
    "sample's doc"
    return a + b + c


def make_closure():
    x = "outer x"

    def inner():
        return x

    return inner


class Functions(unittest.TestCase):
    def test_new_takes_name_doc_and_module_from_code_and_globals(self):
        g = {"__name__": "some.module", "c": 100}
        f = m.function_new(sample.__code__, g)
        self.assertIs(type(f), type(sample))
        self.assertEqual(f.__name__, "sample")
        self.assertEqual(f.__qualname__, "sample")
        self.assertEqual(f.__doc__, "sample's doc")
        self.assertEqual(f.__module__, "some.module")
        self.assertIs(f.__globals__, g)
        self.assertIsNone(f.__defaults__)
        self.assertIsNone(f.__kwdefaults__)
        self.assertIsNone(f.__closure__)
        self.assertEqual(f(1, 2, c=3), 6)
        with self.assertRaises(TypeError):
            f(1)  # no defaults

    def test_new_with_qualname(self):
        f = m.function_new(sample.__code__, {}, "Outer.sample")
        self.assertEqual(f.__qualname__, "Outer.sample")
        self.assertEqual(f.__name__, "sample")
        f = m.function_new(sample.__code__, {}, NULL)
        self.assertEqual(f.__qualname__, "sample")

    def test_new_without_module_name(self):
        f = m.function_new(sample.__code__, {})
        self.assertIsNone(f.__module__)
        self.assertIs(m.function_get("module", f), NULL)
        f = m.function_new(sample.__code__, {"__name__": None})
        self.assertIsNone(m.function_get("module", f))

    def test_new_reads_globals_and_builtins(self):
        def uses_globals():
            return len(GLOBAL_NAME)  # noqa: F821

        f = m.function_new(uses_globals.__code__, {"GLOBAL_NAME": "four"})
        self.assertEqual(f(), 4)

    def test_getters_return_what_python_sees(self):
        def f(a, b=(1, 2), *, k="kw") -> str:
            pass

        self.assertIs(m.function_get("code", f), f.__code__)
        self.assertIs(m.function_get("globals", f), f.__globals__)
        self.assertEqual(m.function_get("module", f), __name__)
        self.assertIs(m.function_get("defaults", f), f.__defaults__)
        self.assertIs(m.function_get("kwdefaults", f), f.__kwdefaults__)
        self.assertEqual(m.function_get("annotations", f), {"return": str})
        self.assertIs(m.function_get("annotations", f), f.__annotations__)
        inner = make_closure()
        closure = m.function_get("closure", inner)
        self.assertIs(closure, inner.__closure__)
        self.assertEqual(closure[0].cell_contents, "outer x")

    def test_getters_give_null_for_what_a_function_lacks(self):
        def bare():
            pass

        for what in ("defaults", "kwdefaults", "closure", "annotations"):
            with self.subTest(what=what):
                self.assertIs(m.function_get(what, bare), NULL)

    def test_getters_reject_non_functions(self):
        for what in ("code", "globals", "module", "defaults", "kwdefaults", "closure", "annotations"):
            for bad in (len, 42, NULL):
                with self.subTest(what=what, bad=bad), self.assertRaises(SystemError):
                    m.function_get(what, bad)

    def test_set_defaults(self):
        def f(a, b):
            return (a, b)

        m.function_set("defaults", f, (1, 2))
        self.assertEqual(f(), (1, 2))
        self.assertEqual(f(5), (5, 2))
        m.function_set("defaults", f, None)
        self.assertIsNone(f.__defaults__)
        with self.assertRaises(TypeError):
            f()
        for bad in ([1, 2], NULL):
            with self.assertRaisesRegex(SystemError, "non-tuple default args"):
                m.function_set("defaults", f, bad)

    def test_set_defaults_after_calls(self):
        # Call sites that ran the function before see the new defaults.
        def f(a=1):
            return a

        results = []
        for value in ((10,), (20,), None):
            if value is not None:
                m.function_set("defaults", f, value)
            for _ in range(3):
                try:
                    results.append(f())
                except TypeError:
                    results.append("TypeError")
        self.assertEqual(results, [10, 10, 10, 20, 20, 20, 20, 20, 20])

    def test_set_kwdefaults(self):
        def f(*, k):
            return k

        m.function_set("kwdefaults", f, {"k": "default"})
        self.assertEqual(f(), "default")
        m.function_set("kwdefaults", f, None)
        self.assertIsNone(f.__kwdefaults__)
        for bad in ((("k", 1),), NULL):
            with self.assertRaisesRegex(SystemError, "non-dict keyword only default args"):
                m.function_set("kwdefaults", f, bad)

    def test_set_annotations(self):
        def f():
            pass

        m.function_set("annotations", f, {"x": int})
        self.assertEqual(f.__annotations__, {"x": int})
        m.function_set("annotations", f, None)
        self.assertIs(m.function_get("annotations", f), NULL)
        self.assertEqual(f.__annotations__, {})  # made by Python's getter
        self.assertIs(m.function_get("annotations", f), f.__annotations__)
        for bad in ([], NULL):
            with self.assertRaisesRegex(SystemError, "non-dict annotations"):
                m.function_set("annotations", f, bad)

    def test_set_closure(self):
        inner = make_closure()
        cell = type(inner.__closure__[0])("replaced")
        m.function_set("closure", inner, (cell,))
        self.assertEqual(inner(), "replaced")
        self.assertIs(m.function_get("closure", inner)[0], cell)
        with self.assertRaisesRegex(SystemError, "expected tuple for closure, got 'list'"):
            m.function_set("closure", inner, [cell])

    def test_function_of_a_closure_code_gets_its_cells_later(self):
        code = make_closure().__code__
        f = m.function_new(code, {})
        cell = type(make_closure().__closure__[0])(123)
        m.function_set("closure", f, (cell,))
        self.assertEqual(f(), 123)

    @unittest.skipUnless(TERN, "CPython leaves a closure that does not fit the code to crash the call")
    def test_closure_must_fit_the_code(self):
        inner = make_closure()
        with self.assertRaisesRegex(SystemError, "closure of 0 items for a code object with 1 free variables"):
            m.function_set("closure", inner, None)
        with self.assertRaisesRegex(SystemError, "closure item 0 is a 'int', not a cell"):
            m.function_set("closure", inner, (1,))
        self.assertEqual(inner(), "outer x")

    @unittest.skipUnless(TERN, "CPython leaves the closure NULL, and calling the function crashes")
    def test_unset_closure_is_empty_cells_under_tern(self):
        f = m.function_new(make_closure().__code__, {})
        self.assertEqual(len(f.__closure__), 1)
        with self.assertRaises(NameError):
            f()

    def test_setters_reject_non_functions(self):
        for what in ("defaults", "kwdefaults", "closure", "annotations"):
            with self.subTest(what=what), self.assertRaises(SystemError):
                m.function_set(what, len, None)

    @unittest.skipUnless(TERN, "CPython only asserts its arguments' types")
    def test_new_rejects_bad_arguments(self):
        for args in ((sample, {}), (sample.__code__, []), (sample.__code__, {}, 42), (NULL, {}), (sample.__code__, NULL)):
            with self.subTest(args=args), self.assertRaises(SystemError):
                m.function_new(*args)

    @unittest.skipUnless(TERN, "CPython's function raises AssertionError when called")
    def test_new_rejects_code_without_instructions(self):
        with self.assertRaisesRegex(SystemError, "code object made has no instructions"):
            m.function_new(m.code_new(*code_args()), {})

    def test_borrowed_defaults_survive_collection(self):
        def f(a=("kept", 1), b=2.5):
            pass

        self.assertEqual(m.defaults_kept_borrowed(f), (("kept", 1), 2.5))

    def test_function_made_and_filled_in_c(self):
        def template(a, b):
            return f"{a}-{b}"

        f = m.function_from_c(template.__code__, {"__name__": "made"})
        gc.collect()
        self.assertEqual(f.__defaults__, (40, "two"))
        self.assertEqual(f(), "40-two")
        self.assertEqual(f.__module__, "made")

    def test_many_functions_made_in_c(self):
        fs = [m.function_new(sample.__code__, {"__name__": str(i)}) for i in range(200)]
        gc.collect()
        self.assertEqual([f.__module__ for f in fs], [str(i) for i in range(200)])
        self.assertEqual({f(1, 1, c=1) for f in fs}, {3})


def code_args(**changes):
    args = dict(
        posonly_api=True, argcount=2, posonly=1, kwonly=1, nlocals=4, stacksize=3, flags=0x3,
        code=b"", consts=("doc", None), names=("len",), varnames=("a", "b", "k", "tmp"),
        freevars=(), cellvars=(), filename="made.pyx", name="made", qualname="Cls.made",
        firstlineno=42, linetable=b"", exceptiontable=b"")
    args.update(changes)
    return tuple(args.values())


class CodeObjects(unittest.TestCase):
    def test_new_with_posonly_args(self):
        co = m.code_new(*code_args())
        self.assertIsInstance(co, type(sample.__code__))
        self.assertEqual((co.co_argcount, co.co_posonlyargcount, co.co_kwonlyargcount), (2, 1, 1))
        self.assertEqual(co.co_nlocals, 4)
        self.assertEqual(co.co_varnames, ("a", "b", "k", "tmp"))
        self.assertEqual(co.co_names, ("len",))
        self.assertEqual(co.co_consts, ("doc", None))
        self.assertEqual((co.co_name, co.co_qualname, co.co_filename), ("made", "Cls.made", "made.pyx"))
        self.assertEqual(co.co_firstlineno, 42)
        self.assertEqual(co.co_flags, 0x3)
        self.assertEqual(co.co_code, b"")
        self.assertEqual(m.code_get("fields", co), (2, 1, 1, 42, 0x3, "made", "made.pyx"))

    def test_new_without_posonly_args(self):
        co = m.code_new(*code_args(posonly_api=False, posonly=5))
        self.assertEqual((co.co_argcount, co.co_posonlyargcount, co.co_kwonlyargcount), (2, 0, 1))

    def test_new_with_cells_and_free_variables(self):
        co = m.code_new(*code_args(nlocals=3, varnames=("a", "b", "k"), cellvars=("c",), freevars=("f",)))
        self.assertEqual(co.co_cellvars, ("c",))
        self.assertEqual(co.co_freevars, ("f",))
        self.assertEqual(m.code_get("cellvars", co), ("c",))
        self.assertEqual(m.code_get("freevars", co), ("f",))

    def test_new_code_in_a_frame(self):
        co = m.code_new(*code_args())
        self.assertEqual(repr(co)[:len("<code object made at ")], "<code object made at ")
        self.assertTrue(repr(co).endswith(', file "made.pyx", line 42>'))

    def test_new_rejects_bad_arguments(self):
        for change in (dict(consts=["x"]), dict(names=None), dict(varnames="ab"), dict(filename=b"f"),
                       dict(name=None), dict(code="x"), dict(linetable=None), dict(exceptiontable=()),
                       dict(argcount=0, posonly=1), dict(kwonly=-1), dict(names=(1,)),
                       dict(varnames=("a", 2, "k", "t"))):
            with self.subTest(change=change), self.assertRaises(SystemError):
                m.code_new(*code_args(**change))
        with self.assertRaisesRegex(ValueError, "code: co_varnames is too small"):
            m.code_new(*code_args(varnames=("a", "b")))
        with self.assertRaisesRegex(ValueError, r"code: co_nlocals != len\(co_varnames\)"):
            m.code_new(*code_args(nlocals=5))

    @unittest.skipUnless(TERN, "CPython runs its own bytecode")
    def test_new_rejects_bytecode_under_tern(self):
        with self.assertRaisesRegex(SystemError, "CPython bytecode"):
            m.code_new(*code_args(code=b"\x97\x00"))

    def test_getters_of_a_python_code_object(self):
        def outer(p):
            cell = 1

            def inner():
                return cell + p

            return inner

        for co in (outer.__code__, outer(1).__code__, sample.__code__):
            with self.subTest(co=co.co_name):
                self.assertEqual(m.code_get("code", co), co.co_code)
                self.assertEqual(m.code_get("varnames", co), co.co_varnames)
                self.assertEqual(m.code_get("cellvars", co), co.co_cellvars)
                self.assertEqual(m.code_get("freevars", co), co.co_freevars)

    def test_addr2location_of_the_calling_instruction(self):
        frame = sys._getframe()
        location = m.frame_location(frame)
        line = sys._getframe().f_lineno - 1
        prefix = "        location = "
        call = "m.frame_location(frame)"
        self.assertEqual(location, (1, line, len(prefix), line, len(prefix) + len(call)))

    def test_addr2location_of_a_negative_address(self):
        frame = sys._getframe()
        first = frame.f_code.co_firstlineno
        self.assertEqual(m.frame_location(frame, -1), (1, first, 0, first, 0))

    def test_optimize_returns_the_code(self):
        self.assertIs(m.code_optimize(sample.__code__), sample.__code__)


var = contextvars.ContextVar("var", default="default")


class Contexts(unittest.TestCase):
    def test_new_is_empty(self):
        ctx = m.context_new()
        self.assertIs(type(ctx), contextvars.Context)
        self.assertEqual(len(ctx), 0)
        self.assertEqual(m.run_in_context(ctx, var.get), "default")

    def test_copy_current_is_a_snapshot(self):
        token = var.set("one")
        try:
            ctx = m.context_copy_current()
            var.set("two")
            self.assertEqual(ctx[var], "one")
            self.assertEqual(var.get(), "two")
        finally:
            var.reset(token)

    def test_copy(self):
        ctx = contextvars.Context()
        ctx.run(var.set, "inside")
        copy = m.context_copy(ctx)
        self.assertIsNot(copy, ctx)
        self.assertEqual(copy[var], "inside")
        copy.run(var.set, "changed")
        self.assertEqual(ctx[var], "inside")
        with self.assertRaisesRegex(TypeError, "an instance of Context was expected"):
            m.context_copy({})

    def test_enter_and_exit(self):
        ctx = contextvars.Context()
        before = contextvars.copy_context()
        m.context_enter(ctx)
        try:
            self.assertEqual(var.get(), "default")
            var.set("in ctx")
            self.assertEqual(contextvars.copy_context()[var], "in ctx")
        finally:
            m.context_exit(ctx)
        self.assertEqual(ctx[var], "in ctx")
        self.assertEqual(var.get(), before.get(var, "default"))

    def test_run_in_context_sees_and_keeps_changes(self):
        ctx = contextvars.Context()

        def body():
            var.set("set in body")
            return var.get()

        self.assertEqual(m.run_in_context(ctx, body), "set in body")
        self.assertEqual(ctx[var], "set in body")

        def failing():
            var.set("before failing")
            raise KeyError("body")

        with self.assertRaises(KeyError):
            m.run_in_context(ctx, failing)
        self.assertEqual(ctx[var], "before failing")
        self.assertNotEqual(var.get(), "before failing")

    def test_enter_twice_and_exit_unentered(self):
        ctx = contextvars.Context()
        m.context_enter(ctx)
        try:
            with self.assertRaisesRegex(RuntimeError, r"cannot enter context: .* is already entered"):
                m.context_enter(ctx)
            with self.assertRaisesRegex(RuntimeError, "cannot enter context"):
                ctx.run(lambda: None)
        finally:
            m.context_exit(ctx)
        with self.assertRaisesRegex(RuntimeError, r"cannot exit context: .* has not been entered"):
            m.context_exit(ctx)

    def test_exit_of_a_context_that_is_not_current(self):
        a, b = contextvars.Context(), contextvars.Context()
        m.context_enter(a)
        m.context_enter(b)
        with self.assertRaisesRegex(RuntimeError, "thread state references a different context object"):
            m.context_exit(a)
        m.context_exit(b)
        m.context_exit(a)

    def test_type_errors(self):
        for fn in (m.context_enter, m.context_exit, m.context_copy):
            with self.subTest(fn=fn.__name__):
                with self.assertRaisesRegex(TypeError, "an instance of Context was expected"):
                    fn(var)

    def test_reset(self):
        token = var.set("temporary")
        self.assertEqual(var.get(), "temporary")
        self.assertEqual(m.contextvar_reset(var, token), 0)
        self.assertEqual(var.get(), "default")
        with self.assertRaisesRegex(RuntimeError, "has already been used once"):
            m.contextvar_reset(var, token)
        other = contextvars.ContextVar("other")
        token = other.set(1)
        with self.assertRaisesRegex(ValueError, "was created by a different ContextVar"):
            m.contextvar_reset(var, token)
        other.reset(token)
        with self.assertRaisesRegex(TypeError, "an instance of Token was expected"):
            m.contextvar_reset(var, "token")
        with self.assertRaisesRegex(TypeError, "an instance of ContextVar was expected"):
            m.contextvar_reset("var", token)

    def test_reset_in_another_context(self):
        token = contextvars.Context().run(var.set, "elsewhere")
        with self.assertRaisesRegex(ValueError, "was created in a different Context"):
            m.contextvar_reset(var, token)


if __name__ == "__main__":
    unittest.main(verbosity=2)
