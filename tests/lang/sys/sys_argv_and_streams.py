# sys.argv[0] is the script path as given; stdout/stderr are text streams with write/flush.
import sys, os
print(os.path.basename(sys.argv[0]), len(sys.argv))
print(sys.stdout.writable(), sys.stdin.readable(), hasattr(sys.stdout, "buffer"))
sys.stdout.buffer.write(b"bytes via buffer\n")
sys.stdout.buffer.flush()
sys.stdout.write("text via write\n")
sys.stderr.write("to stderr\n")
print(sys.stdout.isatty(), sys.stdin.isatty())
print(sys.stdout.line_buffering in (True, False), sys.stdout.encoding.lower().replace("-", ""))
