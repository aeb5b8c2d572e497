"""Driver for capi_trace.c: PyEval_SetTrace / PyEval_SetProfile."""

import gc
import sys
import unittest

import capi_trace as m

CALL, EXCEPTION, LINE, RETURN, C_CALL, C_EXCEPTION, C_RETURN = range(7)


def target(n):
    total = 0
    for i in range(n):
        total += i
    return total


def raises_and_catches():
    try:
        raise KeyError("k")
    except KeyError:
        return "caught"


def fail_here():
    return 1


def uses_builtins(seq):
    return len(seq) + sorted(seq)[0]


def only(events, name):
    return [e for e in events if e[1] == name]


class Trace(unittest.TestCase):
    def tearDown(self):
        m.stop()

    def test_every_event_of_a_function(self):
        events = []
        m.set_trace(events)
        self.assertEqual(target(2), 1)
        m.stop()
        first = target.__code__.co_firstlineno
        self.assertEqual(only(events, "target"), [
            (CALL, "target", first, None),
            (LINE, "target", first + 1, None),
            (LINE, "target", first + 2, None),
            (LINE, "target", first + 3, None),
            (LINE, "target", first + 2, None),
            (LINE, "target", first + 3, None),
            (LINE, "target", first + 2, None),
            (LINE, "target", first + 4, None),
            (RETURN, "target", first + 4, 1),
        ])

    def test_gettrace_is_the_object(self):
        events = []
        m.set_trace(events)
        self.assertIs(sys.gettrace(), events)
        m.stop()
        self.assertIsNone(sys.gettrace())

    def test_exception_events(self):
        events = []
        m.set_trace(events)
        raises_and_catches()
        m.stop()
        got = only(events, "raises_and_catches")
        self.assertIn((EXCEPTION, "raises_and_catches", raises_and_catches.__code__.co_firstlineno + 2, KeyError), got)
        self.assertEqual(got[-1][::3], (RETURN, "caught"))

    def test_failing_function_stays_set(self):
        events = []
        m.set_trace(events)
        with self.assertRaisesRegex(RuntimeError, "trace function failed"):
            fail_here()
        still = sys.gettrace()
        m.stop()
        self.assertIs(still, events)
        self.assertEqual([e[0] for e in only(events, "fail_here")][:2], [CALL, LINE])

    def test_python_settrace_replaces_it(self):
        events = []
        m.set_trace(events)
        seen = []

        def tracer(frame, event, arg):
            seen.append(event)

        sys.settrace(tracer)
        target(1)
        sys.settrace(None)
        self.assertNotIn("target", [e[1] for e in events])
        self.assertIn("call", seen)

    def test_survives_collections(self):
        events = []
        m.set_trace(events)
        for _ in range(3):
            gc.collect()
            target(1)
        m.stop()
        self.assertEqual(len(only(events, "target")), 3 * 7)


class Profile(unittest.TestCase):
    def tearDown(self):
        m.stop()

    def test_calls_returns_and_builtins(self):
        events = []
        m.set_profile(events)
        uses_builtins([3, 1])
        m.stop()
        self.assertEqual([e[::3] for e in only(events, "uses_builtins")], [
            (CALL, None), (C_CALL, "len"), (C_RETURN, "len"), (C_CALL, "sorted"), (C_RETURN, "sorted"),
            (RETURN, 3),
        ])
        self.assertIs(sys.getprofile(), None)

    def test_getprofile_and_no_line_events(self):
        events = []
        m.set_profile(events)
        self.assertIs(sys.getprofile(), events)
        target(3)
        m.stop()
        self.assertEqual([e[0] for e in only(events, "target")], [CALL, RETURN])  # range() is a type

    def test_c_exception(self):
        events = []
        m.set_profile(events)
        with self.assertRaises(TypeError):
            len(5)
        m.stop()
        self.assertIn((C_EXCEPTION, "len"), [e[::3] for e in events])


if __name__ == "__main__":
    unittest.main(verbosity=2)
