# `site` runs at start-up: os is imported first, the site-packages directories of Debian's layout are on sys.path, builtins gets exit/quit/help/copyright/credits/license.
import sys

print("site" in sys.modules, "os" in sys.modules, "sitecustomize" in sys.modules)
print(sys.flags.no_site, sys.flags.no_user_site, sys.flags.isolated, sys.flags.ignore_environment)

# genericpath first thing works because os is already imported.
import genericpath
print(genericpath.exists("/"), genericpath.isdir("/nonexistent-dir-xyz"))

import builtins
for name in ("exit", "quit", "help", "copyright", "credits", "license"):
    print(name, hasattr(builtins, name), type(getattr(builtins, name, None)).__name__)
print(repr(exit), repr(quit))
print(str(copyright).splitlines()[-1])

import os
import site
# The site-packages directories that exist, in Debian's order, all on sys.path.
expected = [d for d in site.getsitepackages() if os.path.isdir(d)]
print(expected == [p for p in sys.path if p in expected])
print([p for p in sys.path if p.endswith("-packages") and not p.startswith(os.path.expanduser("~"))])
print(site.getsitepackages())
print(site.getusersitepackages() == os.path.expanduser("~/.local/lib/python3.11/site-packages"))
print(site.getuserbase() == os.path.expanduser("~/.local"))
print(site.ENABLE_USER_SITE in (True, False, None))
print(sys.prefix, sys.exec_prefix, sys.base_prefix, sys.base_exec_prefix)
print(sys.path[1:4])

# site.main() does not add anything twice when run again.
before = list(sys.path)
site.main()
print(sys.path == before)
print(hasattr(sys, "__interactivehook__"))

# Exiting through the site's Quitter objects.
try:
    exit(3)
except SystemExit as e:
    print("SystemExit", e.code)
try:
    quit()
except SystemExit as e:
    print("SystemExit", e.code)
