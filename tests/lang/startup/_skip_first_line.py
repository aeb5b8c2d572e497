this first line is not Python (-x skips it)
import sys
print("x line", sys._getframe().f_lineno, sys.argv)
