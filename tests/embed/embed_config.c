/* The configuration API (PyConfig, PyPreConfig, PyWideStringList,
 * Py_InitializeFromConfig, Py_RunMain, Py_GetArgcArgv).  Built against
 * CPython's headers (Tern's compat headers do not declare this API) and
 * linked with libtern.so or libpython3.11; prints the same with both. */
#include <Python.h>
#include <stdio.h>

static void
check(PyStatus status)
{
    if (PyStatus_Exception(status))
        Py_ExitStatusException(status);
}

static void
print_list(const char *what, const PyWideStringList *list)
{
    printf("%s:", what);
    for (Py_ssize_t i = 0; i < list->length; i++)
        printf(" [%ls]", list->items[i]);
    printf("\n");
}

int
main(void)
{
    PyPreConfig pre;
    PyPreConfig_InitIsolatedConfig(&pre);
    printf("isolated preconfig: isolated=%d use_environment=%d parse_argv=%d utf8_mode=%d\n",
           pre.isolated, pre.use_environment, pre.parse_argv, pre.utf8_mode);
    PyPreConfig_InitPythonConfig(&pre);
    printf("python preconfig: isolated=%d use_environment=%d parse_argv=%d utf8_mode=%d\n",
           pre.isolated, pre.use_environment, pre.parse_argv, pre.utf8_mode);
    check(Py_PreInitialize(&pre));

    PyConfig config;
    PyConfig_InitIsolatedConfig(&config);
    printf("isolated config: isolated=%d use_environment=%d site_import=%d install_signal_handlers=%d "
           "safe_path=%d parse_argv=%d\n", config.isolated, config.use_environment, config.site_import,
           config.install_signal_handlers, config.safe_path, config.parse_argv);
    PyConfig_Clear(&config);

    PyConfig_InitPythonConfig(&config);
    printf("python config: isolated=%d use_environment=%d site_import=%d install_signal_handlers=%d "
           "safe_path=%d parse_argv=%d verbose=%d\n", config.isolated, config.use_environment,
           config.site_import, config.install_signal_handlers, config.safe_path, config.parse_argv,
           config.verbose);

    PyWideStringList list = {0, NULL};
    check(PyWideStringList_Append(&list, L"b"));
    check(PyWideStringList_Insert(&list, 0, L"a"));
    check(PyWideStringList_Insert(&list, 99, L"z"));
    print_list("list", &list);
    PyStatus bad = PyWideStringList_Insert(&list, -1, L"x");
    printf("negative index: error=%d %s\n", PyStatus_IsError(bad), bad.err_msg);
    check(PyConfig_SetWideStringList(&config, &config.warnoptions, list.length, list.items));
    print_list("warnoptions", &config.warnoptions);
    check(PyConfig_SetWideStringList(&config, &config.warnoptions, 0, NULL));
    for (Py_ssize_t i = 0; i < list.length; i++)
        PyMem_RawFree(list.items[i]);
    PyMem_RawFree(list.items);

    check(PyConfig_SetString(&config, &config.program_name, L"configured"));
    printf("program_name: %ls\n", config.program_name);
    check(PyConfig_SetBytesString(&config, &config.run_filename, "caf\xc3\xa9.py"));
    printf("run_filename: %ls\n", config.run_filename);
    check(PyConfig_SetString(&config, &config.run_filename, NULL));
    printf("cleared: %d\n", config.run_filename == NULL);

    char *argv[] = {"embed_config", "-S", "-c",
                    "import sys; print('argv', sys.argv); print('site' in sys.modules, sys.flags.no_site); "
                    "raise SystemExit(3)",
                    "extra", "-v"};
    check(PyConfig_SetBytesArgv(&config, 6, argv));
    config.site_import = 1;
    check(Py_InitializeFromConfig(&config));
    PyConfig_Clear(&config);

    int argc;
    wchar_t **orig;
    Py_GetArgcArgv(&argc, &orig);
    printf("orig argv: %d %ls %ls\n", argc, orig[0], orig[argc - 1]);
    fflush(stdout);
    int status = Py_RunMain();
    printf("Py_RunMain: %d\n", status);
    return 0;
}
