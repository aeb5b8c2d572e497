# Docstrings of numpy's C-defined functions, types, methods, attributes and ufuncs (numpy sets many
# at import time with add_docstring), and of its Python functions; their names and pydoc's view.
import inspect
import pydoc

import numpy as np


def head(obj, lines=4):
    doc = obj.__doc__
    if doc is None:
        return None
    return doc.strip().splitlines()[:lines] + [f"({len(doc)} chars)"]


OBJECTS = {
    "np.array": np.array,
    "np.zeros": np.zeros,
    "np.arange": np.arange,
    "np.concatenate": np.concatenate,
    "np.where": np.where,
    "np.add": np.add,
    "np.sin": np.sin,
    "np.ndarray": np.ndarray,
    "np.ndarray.shape": np.ndarray.shape,
    "np.ndarray.T": np.ndarray.T,
    "np.ndarray.sum": np.ndarray.sum,
    "np.ndarray.reshape": np.ndarray.reshape,
    "np.ndarray.__array_finalize__": np.ndarray.__array_finalize__,
    "np.flatiter": np.flatiter,
    "np.flatiter.base": np.flatiter.base,
    "np.dtype": np.dtype,
    "np.dtype.itemsize": np.dtype.itemsize,
    "np.dtype.names": np.dtype.names,
    "np.generic": np.generic,
    "np.float64": np.float64,
    "np.int8": np.int8,
    "np.bool_": np.bool_,
    "np.datetime64": np.datetime64,
    "np.float64.is_integer": np.float64.is_integer,
    "np.generic.item": np.generic.item,
    "np.ufunc.reduce": np.ufunc.reduce,
    "np.ufunc.nin": np.ufunc.nin,
    "np.add.reduce": np.add.reduce,
    "np.sum": np.sum,
    "np.linalg.inv": np.linalg.inv,
    "np.random.default_rng": np.random.default_rng,
    "np.random.Generator.integers": np.random.Generator.integers,
    "np.fft.fft": np.fft.fft,
    "np.broadcast": np.broadcast,
    "np.nditer": np.nditer,
}

for label, obj in OBJECTS.items():
    print("==", label)
    for line in head(obj) or ["<no doc>"]:
        print("  " + line)

print("-- instances")
a = np.arange(3)
print(head(a.sum, 1), head(a, 1) == head(np.ndarray, 1), head(np.float64(1), 1), head(np.True_, 1))
print(head(np.add.accumulate, 1), head(a.flat, 1), head(np.dtype("f8"), 1))

print("-- names")
for obj in (np.array, np.add, np.ndarray.sum, np.ndarray.shape, np.float64.is_integer, np.sum, np.linalg.inv,
            np.random.Generator.integers):
    print(getattr(obj, "__name__", None), getattr(obj, "__qualname__", None), getattr(obj, "__module__", None),
          type(obj).__name__)
print(np.ndarray.__module__, np.ndarray.__name__, np.ndarray.__qualname__, np.dtype.__module__, np.float64.__module__)
print(inspect.isbuiltin(np.array), inspect.isroutine(np.ndarray.sum), inspect.isclass(np.ufunc), callable(np.add))
print(inspect.getdoc(np.ndarray.ndim).splitlines()[0], inspect.getdoc(np.sum).splitlines()[0])
print(str(inspect.signature(np.sum)), str(inspect.signature(np.linalg.inv)))
for obj in (np.array, np.ndarray.sum):
    try:
        print(inspect.signature(obj))
    except (ValueError, TypeError) as e:
        print(type(e).__name__, e)

print("-- pydoc")
for obj in (np.add, np.concatenate, np.ndarray.reshape):
    text = pydoc.render_doc(obj, renderer=pydoc.plaintext)
    print(text.splitlines()[:4], len(text.splitlines()) > 10)
