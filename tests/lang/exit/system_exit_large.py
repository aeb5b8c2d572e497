# SystemExit codes are taken modulo 256 by the OS: 258 becomes 2.
import sys
print("exit 258")
raise SystemExit(258)
