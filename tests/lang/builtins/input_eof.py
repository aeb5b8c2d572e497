# input() with stdin at end of file raises EOFError; the prompt is written to stdout first.
try:
    input("prompt> ")
except EOFError as e:
    print()
    print(type(e).__name__, e)
import sys
print(sys.stdin.read() == "", sys.stdin.readline() == "")
