# Notes added with add_note appear after the exception line; the last line of stderr is the last note.
print("notes")
e = ValueError("bad value")
e.add_note("while parsing row 3")
raise e
