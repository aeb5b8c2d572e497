# SystemExit(-1): the status is 255.
import sys
print("exit -1")
sys.exit(-1)
