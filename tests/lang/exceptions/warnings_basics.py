# The warnings module with catch_warnings(record=True): categories, filters, once/always, warn_explicit, error filter.
import warnings
with warnings.catch_warnings(record=True) as caught:
    warnings.simplefilter("always")
    warnings.warn("plain user warning")
    warnings.warn("deprecated thing", DeprecationWarning)
    warnings.warn(RuntimeWarning("instance warning"))
    for _ in range(2):
        warnings.warn("repeated", UserWarning)
    print([(w.category.__name__, str(w.message)) for w in caught])
    print(all(w.filename.endswith("warnings_basics.py") for w in caught), [w.lineno for w in caught][:3])
with warnings.catch_warnings(record=True) as caught:
    warnings.simplefilter("ignore")
    warnings.warn("ignored")
    print(len(caught))
with warnings.catch_warnings():
    warnings.simplefilter("error")
    try:
        warnings.warn("now an exception", FutureWarning)
    except FutureWarning as e:
        print(type(e).__name__, e)
with warnings.catch_warnings(record=True) as caught:
    warnings.simplefilter("always")
    warnings.filterwarnings("ignore", message="skip.*")
    warnings.warn("skip me")
    warnings.warn("keep me")
    print([str(w.message) for w in caught])
def deprecated_api():
    warnings.warn("old api", DeprecationWarning, stacklevel=2)
with warnings.catch_warnings(record=True) as caught:
    warnings.simplefilter("always")
    deprecated_api()
    print(caught[0].lineno, caught[0].category.__name__)
print(issubclass(DeprecationWarning, Warning), issubclass(Warning, Exception), warnings.formatwarning("m", UserWarning, "f.py", 3).strip())
