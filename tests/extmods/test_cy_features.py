"""Driver for cy_features.pyx (Cython): cdef classes, inheritance, special
methods, generators, closures, exceptions and typed loops."""

import gc
import math
import os.path
import re
import traceback
import unittest

import cy_features as cy


def collect_until(pred, tries=10):
    for _ in range(tries):
        if pred():
            return True
        gc.collect()
    return pred()


class CdefClasses(unittest.TestCase):
    def test_base_class(self):
        s = cy.Shape("blob", 0)
        self.assertEqual(s.name, "blob")
        s.name = "renamed"  # cdef public
        self.assertEqual(s.name, "renamed")
        self.assertEqual(s.sides, 0)
        with self.assertRaises(AttributeError):
            s.sides = 3  # cdef readonly
        with self.assertRaises(TypeError):
            s.name = 5  # typed str attribute
        self.assertEqual(s.area(), 0.0)
        self.assertEqual(repr(s), "Shape('renamed')")
        self.assertEqual(len(s), 0)

    def test_subclasses(self):
        sq = cy.Square(3)
        self.assertIsInstance(sq, cy.Shape)
        self.assertEqual(sq.area(), 9.0)
        self.assertEqual(sq.describe(), "square with 4 sides, area 9.00")
        sq.scale = 2
        self.assertEqual(sq.area(), 18.0)
        with self.assertRaises(ValueError):
            sq.scale = -1
        with self.assertRaises(TypeError):
            sq.scale = "big"
        p = cy.Polygon([(0, 0), (4, 0), (4, 3)])
        self.assertEqual(p.area(), 6.0)
        self.assertEqual(len(p), 3)
        self.assertEqual(p[1], (4, 0))
        self.assertEqual(list(p), [(0, 0), (4, 0), (4, 3)])

    def test_special_methods(self):
        self.assertEqual((cy.Square(1) + cy.Square(2)).area(), 9.0)
        with self.assertRaises(TypeError):
            cy.Square(1) + 1
        self.assertTrue(cy.Square(2) == cy.Square(2))
        self.assertTrue(cy.Square(1) < cy.Square(2))
        self.assertFalse(cy.Square(1) == "x")

    def test_python_subclass_overrides_cpdef(self):
        class Circle(cy.Shape):
            def __init__(self, r):
                super().__init__("circle", 0)
                self.r = r

            def area(self):
                return math.pi * self.r ** 2
        c = Circle(1)
        self.assertEqual(c.describe(), "circle with 0 sides, area 3.14")
        # total_area calls area() through the C vtable: the override must win.
        self.assertAlmostEqual(cy.total_area([c, cy.Square(2)]), math.pi + 4)
        with self.assertRaises(TypeError):
            cy.total_area([1])

    def test_dealloc(self):
        gc.collect()
        base = cy.alive()
        shapes = [cy.Square(i) for i in range(50)] + [cy.Polygon([(0, 0)]) for _ in range(50)]
        self.assertEqual(cy.alive(), base + 100)
        del shapes
        self.assertTrue(collect_until(lambda: cy.alive() == base))


class TypedLoops(unittest.TestCase):
    def test_sum_squares(self):
        self.assertEqual(cy.sum_squares(1000), sum(i * i for i in range(1000)))
        with self.assertRaises(OverflowError):
            cy.sum_squares(2**70)
        with self.assertRaises(TypeError):
            cy.sum_squares("10")

    def test_norm(self):
        self.assertEqual(cy.norm([3.0, 4]), 5.0)
        with self.assertRaises(TypeError):
            cy.norm((3.0, 4.0))  # typed `list` argument

    def test_primes(self):
        self.assertEqual(cy.primes_below(30), [2, 3, 5, 7, 11, 13, 17, 19, 23, 29])


class GeneratorsAndClosures(unittest.TestCase):
    def test_generator(self):
        self.assertEqual(list(cy.countdown(3)), [3, 2, 1])
        g = cy.countdown(1)
        self.assertEqual(next(g), 1)
        with self.assertRaises(StopIteration) as cm:
            next(g)
        self.assertEqual(cm.exception.value, "liftoff")

    def test_send_and_throw(self):
        g = cy.echo_gen()
        self.assertEqual(next(g), 0)
        self.assertEqual(g.send("a"), 1)
        self.assertEqual(g.send("b"), 2)
        self.assertEqual(g.throw(KeyError), ("caught", ["a", "b"]))
        g.close()

    def test_closures(self):
        step = cy.make_counter(10)
        self.assertEqual(step(), 11)
        self.assertEqual(step(5), 16)
        other = cy.make_counter(0)
        self.assertEqual(other(), 1)
        self.assertEqual(step(), 17)  # independent cells
        adders = cy.make_adders(3)
        self.assertEqual([f(10) for f in adders], [10, 11, 12])
        self.assertEqual(cy.gen_expression_sum(range(6)), 2 * (1 + 3 + 5))


class Exceptions(unittest.TestCase):
    def test_cdef_except_values(self):
        self.assertEqual(cy.divide(7, 2), 3)
        with self.assertRaises(ZeroDivisionError):
            cy.divide(1, 0)
        self.assertEqual(cy.pred(0), -1)  # -1 without an error
        with self.assertRaises(ValueError):
            cy.pred(-5)

    def test_custom_exception(self):
        with self.assertRaises(cy.CyError) as cm:
            cy.raise_cy_error(7)
        self.assertEqual(cm.exception.code, 7)
        self.assertEqual(str(cm.exception), "code 7")

    def test_traceback_names_cython_function(self):
        try:
            cy.raise_cy_error(1)
        except cy.CyError as e:
            names = [fs.name for fs in traceback.extract_tb(e.__traceback__)]
        # Cython names the frame "cy_features.raise_cy_error".
        self.assertTrue(any(n.endswith("raise_cy_error") for n in names), names)

    def test_catching_python_exceptions(self):
        self.assertEqual(cy.call_and_catch(lambda: 5), ("value", 5))
        self.assertEqual(cy.call_and_catch(lambda: int("x"))[0], "ValueError")
        self.assertEqual(cy.call_and_catch(lambda: {}["k"]), ("other", "KeyError"))

    def test_raise_from(self):
        def inner():
            raise KeyError("inner")
        with self.assertRaises(RuntimeError) as cm:
            cy.reraise_with_context(inner)
        self.assertIsInstance(cm.exception.__cause__, KeyError)

    def test_with_statement(self):
        events = []

        class CM:
            def __enter__(self):
                events.append("enter")
                return "v"

            def __exit__(self, *exc):
                events.append("exit")
                return False
        self.assertEqual(cy.with_statement(CM()), "v")
        self.assertEqual(events, ["enter", "exit"])


def formatted(f):
    """traceback.format_exc() of what f() raises, with this driver's frames
    reduced to their function names (no line numbers or source lines, which
    move as this file changes) and Cython's file name to its base name
    (Cython records the path it was given)."""
    try:
        f()
    except Exception:
        text = traceback.format_exc()
    else:
        raise AssertionError("no exception")
    out = []
    in_driver = False
    for line in text.splitlines():
        m = re.match(r'  File "(.*)", line (\d+), in (.*)$', line)
        if m:
            in_driver = m.group(1) == __file__
            if in_driver:
                line = f"  File DRIVER, in {m.group(3)}"
            else:
                line = f'  File "{os.path.basename(m.group(1))}", line {m.group(2)}, in {m.group(3)}'
        elif in_driver and line.startswith("    "):
            continue  # the driver's source line and its carets
        out.append(line)
    return "\n".join(out) + "\n"


class TracebackText(unittest.TestCase):
    """The entries Cython adds for its functions (code objects and frames of
    its own, then PyTraceBack_Here) read in traceback.format_exc() as under
    CPython 3.11, line numbers of the .pyx included."""

    def test_nested_cython_functions(self):
        self.assertEqual(formatted(lambda: cy.divide(1, 0)), """\
Traceback (most recent call last):
  File DRIVER, in formatted
  File DRIVER, in <lambda>
  File "cy_features.pyx", line 216, in cy_features.divide
  File "cy_features.pyx", line 205, in cy_features.checked_div
ZeroDivisionError: checked_div by zero
""")

    def test_custom_exception(self):
        self.assertEqual(formatted(lambda: cy.raise_cy_error(3)), """\
Traceback (most recent call last):
  File DRIVER, in formatted
  File DRIVER, in <lambda>
  File "cy_features.pyx", line 224, in cy_features.raise_cy_error
cy_features.CyError: code 3
""")

    def test_cause_through_python_and_cython(self):
        def inner():
            raise KeyError("inner")
        self.assertEqual(formatted(lambda: cy.reraise_with_context(inner)), """\
Traceback (most recent call last):
  File "cy_features.pyx", line 241, in cy_features.reraise_with_context
  File DRIVER, in inner
KeyError: 'inner'

The above exception was the direct cause of the following exception:

Traceback (most recent call last):
  File DRIVER, in formatted
  File DRIVER, in <lambda>
  File "cy_features.pyx", line 243, in cy_features.reraise_with_context
RuntimeError: wrapped
""")

    def test_argument_conversion_error(self):
        self.assertEqual(formatted(lambda: cy.total_area([1])), """\
Traceback (most recent call last):
  File DRIVER, in formatted
  File DRIVER, in <lambda>
  File "cy_features.pyx", line 118, in cy_features.total_area
TypeError: Cannot convert int to cy_features.Shape
""")


if __name__ == "__main__":
    unittest.main(verbosity=2)
