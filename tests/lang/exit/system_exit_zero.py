# sys.exit() and sys.exit(0) and sys.exit(None) exit with status 0 without output on stderr.
import sys
try:
    sys.exit(5)
except SystemExit as e:
    print("caught SystemExit", e.code, e.args)
try:
    raise SystemExit
except SystemExit as e:
    print("bare SystemExit code", e.code)
try:
    exit(7)
except SystemExit as e:
    print("exit() builtin raises SystemExit", e.code)
print("now exiting cleanly")
sys.exit(None)
