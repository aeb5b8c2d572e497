# The _warnings accelerator: one filter list shared with warnings.py, the
# actions (default, once, module, always, ignore, error), per-module
# registries reset by a filter change, stacklevel, warn_explicit with
# module_globals, source objects, and the display without _showwarnmsg.
import _warnings
import io
import sys
import warnings

print(warnings.filters is _warnings.filters, warnings.warn is _warnings.warn)
print(warnings.warn_explicit is _warnings.warn_explicit, _warnings._defaultaction, type(_warnings._onceregistry))
print(warnings.filters[-5:])

shown = []
warnings._showwarnmsg_orig = warnings._showwarnmsg
warnings._showwarnmsg = lambda msg: shown.append(
    (msg.category.__name__, str(msg.message), msg.lineno, type(msg.source).__name__, msg.file, msg.line))


def run(action, times=3, category=UserWarning, **kwargs):
    shown.clear()
    with warnings.catch_warnings():
        warnings.simplefilter(action)
        for i in range(times):
            warnings.warn("same text", category, **kwargs)  # one line: one location
    print(action, len(shown), shown[:1])


for action in ("default", "once", "module", "always", "ignore"):
    run(action)

with warnings.catch_warnings():
    warnings.simplefilter("error")
    try:
        warnings.warn("now an error", RuntimeWarning)
    except RuntimeWarning as e:
        print("raised", type(e).__name__, e)

with warnings.catch_warnings():
    warnings.simplefilter("error", DeprecationWarning)
    warnings.filterwarnings("ignore", message="quiet", category=DeprecationWarning)
    warnings.warn("quiet please", DeprecationWarning)
    try:
        warnings.warn("loud", DeprecationWarning)
    except DeprecationWarning as e:
        print("filtered by message:", e)


class Resource:
    pass


run("always", times=1, category=ResourceWarning, source=Resource())


def helper():
    warnings.warn("from helper", stacklevel=2)


shown.clear()
with warnings.catch_warnings():
    warnings.simplefilter("always")
    helper()
    warnings.warn(UserWarning("an instance"))
    warnings.warn_explicit("explicit", SyntaxWarning, "somefile.py", 42, module="mod", registry={})
print([(c, m, l == sys._getframe().f_lineno - 3 if m == "from helper" else l) for c, m, l, *_ in shown])

for bad in (int, "x", None.__class__):
    try:
        warnings.warn("bad category", bad)
    except TypeError as e:
        print("TypeError:", e)

registry = {}
with warnings.catch_warnings():
    warnings.simplefilter("default")
    shown.clear()
    for i in range(2):
        warnings.warn_explicit("reg", UserWarning, "f.py", 1, registry=registry)
    print("registry:", sorted(k for k in registry if k != "version"), len(shown))
    warnings.filterwarnings("default", message="other")  # a change empties registries
    warnings.warn_explicit("reg", UserWarning, "f.py", 1, registry=registry)
    print("after a filter change:", len(shown))

# Without _showwarnmsg, _warnings writes the warning itself.
warnings._showwarnmsg = warnings._showwarnmsg_orig
saved = warnings._showwarnmsg
del warnings._showwarnmsg
err = io.StringIO()
sys.stderr, old_err = err, sys.stderr
try:
    with warnings.catch_warnings():
        warnings.simplefilter("always")
        warnings.warn("written directly")
        warnings.warn_explicit("with globals", UserWarning, "spam.py", 1,
                               module_globals={"__name__": "m", "__loader__": None})
finally:
    sys.stderr = old_err
    warnings._showwarnmsg = saved
print(err.getvalue().replace(__file__, "<this file>"))

try:
    warnings.warn_explicit("x", UserWarning, "f.py", 1, module_globals=[])
except TypeError as e:
    print("TypeError:", e)
with warnings.catch_warnings():
    warnings.filters.insert(0, ("bogus", None, Warning, None, 0))
    try:
        warnings.warn("bogus action")
    except RuntimeError as e:
        print("RuntimeError:", str(e).splitlines()[0])
