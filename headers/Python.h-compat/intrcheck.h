/* intrcheck.h — SIGINT polling and fork hooks. */
#ifndef Py_INTRCHECK_H
#define Py_INTRCHECK_H

#ifdef __cplusplus
extern "C" {
#endif

PyAPI_FUNC(int) PyOS_InterruptOccurred(void);

/* Call around fork() done outside os.fork so the runtime's locks and
 * threads stay consistent in both processes. */
PyAPI_FUNC(void) PyOS_BeforeFork(void);
PyAPI_FUNC(void) PyOS_AfterFork_Parent(void);
PyAPI_FUNC(void) PyOS_AfterFork_Child(void);
Py_DEPRECATED(3.7) PyAPI_FUNC(void) PyOS_AfterFork(void);

#ifndef Py_LIMITED_API
PyAPI_FUNC(int) _PyOS_IsMainThread(void);
#endif

#ifdef __cplusplus
}
#endif
#endif /* Py_INTRCHECK_H */
