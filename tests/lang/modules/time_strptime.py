# time.strptime (through the pure-Python _strptime, as CPython): struct_time results and errors.
import os
import time

os.environ["TZ"] = "UTC"
time.tzset()
p = time.strptime("2009-02-13 23:31:30", "%Y-%m-%d %H:%M:%S")
print(p, p.tm_zone)
print(time.strptime("Fri Feb 13 23:31:30 2009"))
try:
    time.strptime("nope", "%Y")
except ValueError as e:
    print("ValueError", e)
