"""Driver for pb_features.cpp (pybind11): classes, virtual overrides in
Python, exceptions both ways, callbacks, STL containers, keep_alive, buffers."""

import array
import gc
import unittest

import pb_features as pb


def collect_until(pred, tries=10):
    for _ in range(tries):
        if pred():
            return True
        gc.collect()
    return pred()


class Classes(unittest.TestCase):
    def test_methods_and_properties(self):
        a = pb.Animal("generic")
        self.assertEqual(a.name, "generic")
        a.name = "renamed"
        self.assertEqual(a.name, "renamed")
        self.assertEqual(a.sound(), "...")
        self.assertEqual(a.speak(), "renamed: ...")
        self.assertEqual(a.speak(times=2), "renamed: ... ...")
        self.assertEqual(repr(a), "<Animal renamed>")
        with self.assertRaises(TypeError):
            pb.Animal(5)
        with self.assertRaises(TypeError):
            a.speak("x")

    def test_cpp_subclass(self):
        d = pb.Dog("rex")
        self.assertIsInstance(d, pb.Animal)
        self.assertEqual(d.speak(2), "rex: woof woof")

    def test_python_override_seen_by_cpp(self):
        class Cat(pb.Animal):
            def sound(self):
                return "meow"

        class Bird(pb.Animal):
            def sound(self):
                return "tweet"

            def legs(self):
                return 2
        animals = [pb.Dog("d"), Cat("c"), Bird("b"), pb.Animal("x")]
        # speak() and chorus() are C++ calling the virtual method.
        self.assertEqual(Cat("tom").speak(2), "tom: meow meow")
        self.assertEqual(pb.chorus(animals), "woof/meow/tweet/.../")
        self.assertEqual(pb.total_legs(animals), 4 + 4 + 2 + 4)

    def test_override_raising(self):
        class Bad(pb.Animal):
            def sound(self):
                raise KeyError("no sound")
        with self.assertRaises(KeyError):
            pb.chorus([Bad("b")])

    def test_instances_freed(self):
        gc.collect()
        base = pb.animals_alive()
        zoo = [pb.Dog(str(i)) for i in range(20)]
        self.assertEqual(pb.animals_alive(), base + 20)
        del zoo
        self.assertTrue(collect_until(lambda: pb.animals_alive() == base))


class Exceptions(unittest.TestCase):
    def test_cpp_to_python(self):
        for kind, exc in (("runtime", RuntimeError), ("range", IndexError),
                          ("invalid", ValueError), ("key", KeyError),
                          ("custom", pb.CustomError)):
            with self.assertRaises(exc, msg=kind):
                pb.throw_kind(kind)
        with self.assertRaises(pb.CustomError) as cm:
            pb.throw_kind("custom")
        self.assertEqual(str(cm.exception), "custom failure")
        self.assertTrue(issubclass(pb.CustomError, Exception))
        pb.throw_kind("none")

    def test_python_to_cpp(self):
        def bad_value():
            raise ValueError("bad")
        self.assertTrue(pb.call_and_catch(bad_value).startswith("caught ValueError: "))
        self.assertEqual(pb.call_and_catch(lambda: None), "no error")

        def bad_key():
            raise KeyError("passes through")
        with self.assertRaises(KeyError):
            pb.call_and_catch(bad_key)


class Callbacks(unittest.TestCase):
    def test_python_callable_into_cpp(self):
        self.assertEqual(pb.apply(lambda x: x * x, [1, 2, 3]), [1, 4, 9])
        with self.assertRaises(ZeroDivisionError):
            pb.apply(lambda x: 1 // x, [1, 0])

    def test_cpp_function_into_python(self):
        triple = pb.make_multiplier(3)
        self.assertEqual(triple(5), 15)
        # A C++ std::function passed back into C++.
        self.assertEqual(pb.apply(triple, [1, 2]), [3, 6])


class Containers(unittest.TestCase):
    def test_vector_and_map(self):
        self.assertEqual(pb.word_lengths(["a", "bbb", "cc"]), {"a": 1, "bbb": 3, "cc": 2})
        self.assertEqual(pb.word_lengths(("x",)), {"x": 1})  # any sequence
        self.assertEqual(pb.sum_all([1, 2.5, 3]), 6.5)
        self.assertEqual(pb.transpose([[1, 2, 3], [4, 5, 6]]), [[1, 4], [2, 5], [3, 6]])
        self.assertEqual(pb.transpose([]), [])
        with self.assertRaises(ValueError):
            pb.transpose([[1], [2, 3]])
        with self.assertRaises(TypeError):
            pb.word_lengths([1, 2])


class KeepAlive(unittest.TestCase):
    def test_keep_alive_ties_lifetimes(self):
        gc.collect()
        base = pb.animals_alive()
        k = pb.Kennel()
        k.add(pb.Dog("fido"))  # only the Kennel keeps fido alive now
        k.add(pb.Animal("spot"))
        gc.collect()
        self.assertEqual(pb.animals_alive(), base + 2)
        self.assertEqual(k.roll_call(), "fido,spot,")
        del k
        self.assertTrue(collect_until(lambda: pb.animals_alive() == base))


class Buffers(unittest.TestCase):
    def test_export_buffer(self):
        mat = pb.Matrix(2, 3)
        mat.set(1, 2, 7.5)
        mv = memoryview(mat)
        self.assertEqual(mv.shape, (2, 3))
        self.assertEqual(mv.format, "d")
        self.assertEqual(mv[1, 2], 7.5)
        mv[0, 0] = 1.25  # writes go to the C++ storage
        self.assertEqual(mat.get(0, 0), 1.25)
        self.assertEqual(mat.sum(), 8.75)
        self.assertEqual(mv.tolist(), [[1.25, 0.0, 0.0], [0.0, 0.0, 7.5]])
        mv.release()

    def test_consume_buffer(self):
        self.assertEqual(pb.sum_buffer(array.array("d", [1.0, 2.0, 3.5])), 6.5)
        mat = pb.Matrix(2, 2)
        mat.set(0, 1, 4.0)
        self.assertEqual(pb.sum_buffer(mat), 4.0)
        with self.assertRaises(ValueError):
            pb.sum_buffer(array.array("i", [1]))
        with self.assertRaises(TypeError):
            pb.sum_buffer([1.0])


if __name__ == "__main__":
    unittest.main(verbosity=2)
