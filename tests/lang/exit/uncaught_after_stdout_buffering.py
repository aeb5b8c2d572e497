# Output buffered on stdout is flushed before exit even when an exception escapes.
import sys
for i in range(1000):
    sys.stdout.write(f"line {i}\n")
raise SystemError("after lots of output")
