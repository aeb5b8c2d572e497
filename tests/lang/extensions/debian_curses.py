# Debian's _curses and _curses_panel binaries through cpyext (they read the
# small ints 0 and 1 from _PyRuntime).  Without a terminal: terminfo queries.
import os
import curses
import curses.panel
import _curses
import _curses_panel

print(_curses.version, curses.A_BOLD, curses.KEY_LEFT, curses.COLOR_RED, curses.error.__mro__[1].__name__)
fd = os.open(os.devnull, os.O_WRONLY)
curses.setupterm("xterm", fd)
print(curses.tigetstr("clear"), curses.tigetstr("nosuchcap"), curses.tigetnum("colors"), curses.tigetnum("nosuch"),
      curses.tigetflag("am"), curses.tigetflag("nosuch"))
print(curses.tparm(curses.tigetstr("cup"), 5, 10), curses.tparm(curses.tigetstr("setaf"), 1))
for f in (lambda: curses.keyname(65), lambda: curses.newwin(1, 1), lambda: curses.panel.update_panels()):
    try:
        f()
    except curses.error as e:
        print("error", e)
try:
    curses.setupterm("no-such-terminal-xyz", fd)
except curses.error as e:
    print("error", e)
import curses.ascii
print(curses.ascii.isalpha("a"), curses.ascii.ctrl("c"), curses.has_key.__name__)
os.close(fd)
