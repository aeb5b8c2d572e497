# Debian's readline binary through cpyext: history, completer settings,
# history files (PyOS_ReadlineFunctionPointer and friends exist for it).
import readline
readline.clear_history()
for line in ["first", "second", "third"]:
    readline.add_history(line)
print(readline.get_current_history_length(), readline.get_history_item(1), readline.get_history_item(3))
readline.replace_history_item(0, "FIRST")
readline.remove_history_item(1)
print([readline.get_history_item(i) for i in range(1, readline.get_current_history_length() + 1)])
readline.set_history_length(50); print(readline.get_history_length())
readline.set_completer(lambda text, state: None); print(readline.get_completer() is not None)
readline.set_completer_delims(" \t"); print(repr(readline.get_completer_delims()))
readline.parse_and_bind("tab: complete")
print(readline.get_line_buffer() == "", readline.get_begidx(), readline.get_endidx())
import tempfile, os
with tempfile.TemporaryDirectory() as d:
    p = os.path.join(d, "hist")
    readline.write_history_file(p)
    readline.clear_history()
    readline.read_history_file(p)
    print(readline.get_current_history_length(), readline.get_history_item(2))
    try:
        readline.read_history_file(os.path.join(d, "missing"))
    except OSError as e:
        print(type(e).__name__, e.errno)
import rlcompleter
c = rlcompleter.Completer({"alpha": 1, "alphabet": 2})
print(sorted(filter(None, (c.complete("alp", i) for i in range(3)))))
