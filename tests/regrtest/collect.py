"""Runs CPython's regression-test driver (`-m test`) and records every test's outcome.

    INTERPRETER collect.py EVENTS [REGRTEST-ARG...]

Runs `test` as `-m test REGRTEST-ARG...` would, after hooking the result class
regrtest gives its runner (test.support.testresult.RegressionTestResult), and
appends one line per reported outcome to EVENTS:

    KIND <tab> TEST-ID <tab> DETAIL

KIND is pass, fail, error or skip (an expected failure is a pass, an unexpected
success a failure); a subtest reports under the id of its test; DETAIL is the
skip reason or the exception's first line.  Lines are written with os.write as
they happen, so a run that hangs or crashes still leaves what it reached.
tools/run-regrtest runs this under Tern and under python3.11 and compares.
It runs under both interpreters: plain Python, no f-string tricks, nothing new.
"""

import os
import runpy
import sys


def main():
    if len(sys.argv) < 2:
        sys.stderr.write(__doc__)
        sys.exit(2)
    events_fd = os.open(sys.argv[1], os.O_WRONLY | os.O_CREAT | os.O_TRUNC | os.O_APPEND, 0o644)

    import unittest.case
    from test.support import testresult

    def test_id(test):
        if isinstance(test, unittest.case._SubTest):
            test = test.test_case
        try:
            return str(test.id())
        except Exception:
            return str(test)

    def first_line(err):
        try:
            text = "%s: %s" % (err[0].__name__, err[1])
        except Exception:
            text = "exception"
        return text.strip().split("\n")[0][:200]

    def record(kind, test, detail=""):
        line = "%s\t%s\t%s\n" % (kind, test_id(test).replace("\t", " ").replace("\n", " "),
                                  str(detail).replace("\t", " ").replace("\n", " ")[:200])
        os.write(events_fd, line.encode("utf-8", "backslashreplace"))

    result_class = testresult.RegressionTestResult

    def hook(name, report):
        original = getattr(result_class, name)

        def method(self, test, *rest):
            try:
                report(test, *rest)
            except Exception as exc:  # never let the recorder change a test's outcome
                os.write(events_fd, ("recorder-error\t%s\t%r\n" % (name, exc)).encode())
            return original(self, test, *rest)

        setattr(result_class, name, method)

    def on_failure(kind):
        return lambda test, err: record(kind, test, first_line(err))

    def on_subtest(test, subtest, err):
        if err is not None:
            failed = issubclass(err[0], getattr(test, "failureException", AssertionError))
            record("fail" if failed else "error", test, first_line(err))

    hook("addSuccess", lambda test: record("pass", test))
    hook("addExpectedFailure", lambda test, err: record("pass", test, "expected failure"))
    hook("addUnexpectedSuccess", lambda test: record("fail", test, "unexpected success"))
    hook("addFailure", on_failure("fail"))
    hook("addError", on_failure("error"))
    hook("addSkip", lambda test, reason: record("skip", test, reason))
    hook("addSubTest", on_subtest)

    sys.argv = ["-m test"] + sys.argv[2:]
    runpy.run_module("test", run_name="__main__", alter_sys=True)


main()
