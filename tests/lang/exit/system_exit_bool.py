# sys.exit(True) exits with status 1 (bool is an int); sys.exit(False) would be 0.
import sys
print("exit True")
sys.exit(True)
