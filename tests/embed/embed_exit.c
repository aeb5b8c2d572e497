/* An embedding program ended by Python: the legacy flags and the -W / -X
 * options given before Py_InitializeEx (Py_NoSiteFlag, PySys_AddWarnOption,
 * PySys_AddXOption) and after it, and sys.exit() in PyRun_SimpleString,
 * which (through PyErr_Print) finalizes the runtime, running the atexit
 * callbacks, and ends the process with the exit status.  Expected output:
 * embed_exit.expected, exit status 7. */
#include <Python.h>

#include <stdio.h>

int
main(void)
{
    setvbuf(stdout, NULL, _IONBF, 0);
    Py_NoSiteFlag = 1;
    Py_UnbufferedStdioFlag = 1;
    PySys_AddWarnOption(L"ignore::DeprecationWarning");
    PySys_AddWarnOption(L"error::UserWarning");
    PySys_ResetWarnOptions();
    PySys_AddWarnOption(L"error::RuntimeWarning");
    PySys_AddXOption(L"embedder_flag");
    PySys_AddXOption(L"embedder_value=42");
    Py_InitializeEx(0);
    printf("has warn options: %d\n", PySys_HasWarnOptions());
    PySys_AddWarnOption(L"always::ImportWarning");
    PySys_AddXOption(L"late=yes");
    PyRun_SimpleString(
        "import sys, atexit, warnings\n"
        "print('warnoptions:', sys.warnoptions)\n"
        "print('xoptions:', sorted(sys._xoptions.items()))\n"
        "try:\n"
        "    warnings.warn('boom', RuntimeWarning)\n"
        "except RuntimeWarning as e:\n"
        "    print('RuntimeWarning is an error:', e)\n"
        "print('site imported:', 'site' in sys.modules)\n"
        "print('no_site flag:', sys.flags.no_site)\n"
        "atexit.register(print, 'atexit callback ran')\n"
        "sys.exit(7)\n");
    printf("not reached\n");
    return 0;
}
