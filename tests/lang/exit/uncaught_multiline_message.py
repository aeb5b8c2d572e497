# A multi-line exception message: the last stderr line is the message's last line.
print("multiline")
raise ValueError("first line\nsecond line\nthird line")
