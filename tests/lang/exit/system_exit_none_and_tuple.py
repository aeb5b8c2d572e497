# SystemExit with a tuple argument prints the tuple to stderr and exits 1; sys.exit(None) would exit 0 (checked first inside try).
import sys
try:
    sys.exit(None)
except SystemExit as e:
    print("code", e.code, e.args)
try:
    raise SystemExit(1, 2)
except SystemExit as e:
    print("code", e.code, e.args)
print("exiting with tuple")
sys.exit((1, "two"))
