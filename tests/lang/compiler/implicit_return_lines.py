# Line numbers (PEP 626) of code the compiler adds: the implicit `return None` after if/else,
# the re-raise after an unmatched or named `except`, the cleanup of `with`, and f_lineno of
# a frame an exception left.
import sys

TRUE = True


def if1(x):
    x()
    if TRUE:
        pass


def if2(x):
    x()
    if TRUE:
        pass
    else:
        pass


def if3(x):
    x()
    if TRUE:
        pass
    else:
        return None


def if4(x):
    x()
    if not TRUE:
        pass


def loop(x):
    x()
    for i in range(2):
        if i:
            pass


def nested_if(x):
    x()
    if TRUE:
        if not TRUE:
            pass


frame = None


def save_caller_frame():
    global frame
    frame = sys._getframe(1)


for func in [if1, if2, if3, if4, loop, nested_if]:
    func(save_caller_frame)
    print(func.__name__, frame.f_lineno - frame.f_code.co_firstlineno)


def no_code1():
    "doc string"


def no_code2():
    a: int


for func in (no_code1, no_code2):
    start, end, line = list(func.__code__.co_lines())[0]
    print(func.__name__, start, line - func.__code__.co_firstlineno)


def lines_after_raise(f):
    try:
        f()
    except Exception as ex:
        t = ex.__traceback__
    lines = []
    t = t.tb_next
    while t:
        fr = t.tb_frame
        lines.append(None if fr.f_lineno is None else fr.f_lineno - fr.f_code.co_firstlineno)
        t = t.tb_next
    print(f.__name__, tuple(lines))


def other_except():
    try:
        1/0
    except TypeError as ex:
        pass


def in_named_except():
    try:
        1/0
    except Exception as ex:
        1/0
        pass


def in_except():
    try:
        1/0
    except:
        1/0
        pass


class Noop:
    def __enter__(self):
        return self

    def __exit__(self, *args):
        pass


def after_with():
    with Noop():
        1/0
        pass


def in_try():
    try:
        1/0
    finally:
        pass


def in_finally_except():
    try:
        1/0
    finally:
        1/0


class ExitFails:
    def __enter__(self):
        return self

    def __exit__(self, *args):
        raise ValueError


def with_exit_fails():
    with ExitFails():
        1/0


def nested_handlers():
    try:
        try:
            1/0
        except ZeroDivisionError as e:
            raise KeyError from e
    except KeyError:
        [][0]


def raise_in_loop():
    for i in range(3):
        try:
            1/0
        except ValueError:
            pass


for f in [other_except, in_named_except, in_except, after_with, in_try, in_finally_except,
          with_exit_fails, nested_handlers, raise_in_loop]:
    lines_after_raise(f)
