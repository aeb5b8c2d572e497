import os
import sys

here = os.path.dirname(os.path.abspath(__file__))
print("argv", [os.path.basename(a) if os.sep in a else a for a in sys.argv])
print("path0", "here" if sys.path[0] == here else repr(sys.path[0]))
print("name", __name__, "file", os.path.basename(__file__))
print("line", sys._getframe().f_lineno)
