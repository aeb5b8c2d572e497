/* The legacy pre-initialisation settings (deprecated in 3.11, still used):
 * Py_SetPath replaces sys.path and empties sys.prefix / exec_prefix;
 * Py_SetStandardStreamEncoding chooses the standard streams' encoding and
 * error handler (stderr keeps backslashreplace), and is refused after
 * Py_Initialize.  Built against libtern.so and libpython3.11 by
 * tests/embed/meson.build; both must print embed_legacy.expected. */
#define PY_SSIZE_T_CLEAN
#include <Python.h>

#include <stdio.h>
#include <stdlib.h>

#define CHECK(cond)                                                       \
    do {                                                                  \
        if (!(cond)) {                                                    \
            fprintf(stderr, "%s:%d: check failed: %s\n", __FILE__,        \
                    __LINE__, #cond);                                     \
            if (PyErr_Occurred()) PyErr_Print();                          \
            exit(3);                                                      \
        }                                                                 \
    } while (0)

int
main(void)
{
    Py_NoUserSiteDirectory = 1;
    Py_IgnoreEnvironmentFlag = 1;
    Py_SetPath(L"/usr/lib/python3.11:/usr/lib/python3.11/lib-dynload");
    CHECK(Py_SetStandardStreamEncoding("latin-1", "replace") == 0);
    Py_Initialize();
    CHECK(Py_SetStandardStreamEncoding("utf-8", NULL) == -1);
    CHECK(PyRun_SimpleString(
              "import sys\n"
              "print('path', sys.path)\n"
              "print('prefix', repr(sys.prefix), repr(sys.exec_prefix))\n"
              "for s in (sys.stdin, sys.stdout, sys.stderr):\n"
              "    print(s.name, s.encoding, s.errors)\n"
              "print('euro \\u20ac')\n"
              "sys.stdout.flush()\n") == 0);
    printf("prefix from C: '%ls'\n", Py_GetPrefix());
    return Py_FinalizeEx() < 0 ? 120 : 0;
}
