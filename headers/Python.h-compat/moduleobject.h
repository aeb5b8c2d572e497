/* moduleobject.h — modules and their definitions (PEP 3121, PEP 489).
 *
 * ABI: PyModuleDef is 104 bytes and starts with a 40-byte PyModuleDef_Base
 * (a PyObject header, m_init, m_index, m_copy) so that PyModuleDef_Init
 * can turn the static definition into an object; m_name is at 40, m_size
 * at 56, m_methods at 64, m_slots at 72, m_free at 96. */
#ifndef Py_MODULEOBJECT_H
#define Py_MODULEOBJECT_H

#ifdef __cplusplus
extern "C" {
#endif

PyAPI_DATA(PyTypeObject) PyModule_Type;

#define PyModule_Check(op) PyObject_TypeCheck((op), &PyModule_Type)
#define PyModule_CheckExact(op) Py_IS_TYPE((op), &PyModule_Type)

PyAPI_FUNC(PyObject *) PyModule_NewObject(PyObject *name);
PyAPI_FUNC(PyObject *) PyModule_New(const char *name);
PyAPI_FUNC(PyObject *) PyModule_GetDict(PyObject *); /* borrowed */
PyAPI_FUNC(PyObject *) PyModule_GetNameObject(PyObject *);
PyAPI_FUNC(const char *) PyModule_GetName(PyObject *);
Py_DEPRECATED(3.2) PyAPI_FUNC(const char *) PyModule_GetFilename(PyObject *);
PyAPI_FUNC(PyObject *) PyModule_GetFilenameObject(PyObject *);
#ifndef Py_LIMITED_API
PyAPI_FUNC(void) _PyModule_Clear(PyObject *);
PyAPI_FUNC(void) _PyModule_ClearDict(PyObject *);
PyAPI_FUNC(int) _PyModuleSpec_IsInitializing(PyObject *);
#endif
PyAPI_FUNC(PyModuleDef *) PyModule_GetDef(PyObject *);
PyAPI_FUNC(void *) PyModule_GetState(PyObject *);

/* Multi-phase initialisation: PyInit_* returns its definition through
 * this, and the import machinery creates and executes the module. */
PyAPI_FUNC(PyObject *) PyModuleDef_Init(PyModuleDef *);
PyAPI_DATA(PyTypeObject) PyModuleDef_Type;

typedef struct PyModuleDef_Base {
    PyObject_HEAD
    PyObject *(*m_init)(void);
    Py_ssize_t m_index; /* slot in the interpreter's single-phase module list */
    PyObject *m_copy;   /* dict copied into re-created single-phase modules */
} PyModuleDef_Base;

#define PyModuleDef_HEAD_INIT                                                 \
    {                                                                         \
        PyObject_HEAD_INIT(_Py_NULL) /* m_init */ _Py_NULL,                   \
            /* m_index */ 0, /* m_copy */ _Py_NULL,                           \
    }

#if !defined(Py_LIMITED_API) || Py_LIMITED_API + 0 >= 0x03050000
struct PyModuleDef_Slot {
    int slot; /* Py_mod_* */
    void *value;
};

#define Py_mod_create 1 /* PyObject *(*)(PyObject *spec, PyModuleDef *) */
#define Py_mod_exec 2   /* int (*)(PyObject *module) */
#ifndef Py_LIMITED_API
#define _Py_mod_LAST_SLOT 2
#endif
#endif

struct PyModuleDef {
    PyModuleDef_Base m_base;
    const char *m_name;
    const char *m_doc;
    Py_ssize_t m_size; /* per-module state bytes; -1: single phase, no reload */
    PyMethodDef *m_methods;
    PyModuleDef_Slot *m_slots; /* NULL-terminated; multi-phase only */
    traverseproc m_traverse;
    inquiry m_clear;
    freefunc m_free;
};

#ifdef __cplusplus
}
#endif
#endif /* Py_MODULEOBJECT_H */
