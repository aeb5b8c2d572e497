// The thread-local storage API deprecated since 3.7 (PyThread_create_key &
// co.; CPython's Python/thread_pthread.h), over pthread keys as CPython's:
// a key is a pthread_key_t that fits an int.  Also PyThread_GetInfo.
#include <pthread.h>

#include <cerrno>
#include <climits>

#include "Python.h"

extern "C" {

int PyThread_create_key(void) {
  pthread_key_t key;
  if (pthread_key_create(&key, nullptr) != 0) return -1;
  if (key > static_cast<pthread_key_t>(INT_MAX)) {
    pthread_key_delete(key);
    errno = ENOMEM;
    return -1;
  }
  return static_cast<int>(key);
}

void PyThread_delete_key(int key) { pthread_key_delete(static_cast<pthread_key_t>(key)); }

int PyThread_set_key_value(int key, void* value) {
  return pthread_setspecific(static_cast<pthread_key_t>(key), value) == 0 ? 0 : -1;
}

void* PyThread_get_key_value(int key) { return pthread_getspecific(static_cast<pthread_key_t>(key)); }

void PyThread_delete_key_value(int key) { pthread_setspecific(static_cast<pthread_key_t>(key), nullptr); }

// After fork() the child's pthread keys are still valid: nothing to redo.
void PyThread_ReInitTLS(void) {}

// sys.thread_info.
PyObject* PyThread_GetInfo(void) {
  PyObject* info = PySys_GetObject("thread_info");
  if (info == nullptr) {
    if (!PyErr_Occurred()) PyErr_SetString(PyExc_RuntimeError, "lost sys.thread_info");
    return nullptr;
  }
  return Py_NewRef(info);
}

}  // extern "C"
