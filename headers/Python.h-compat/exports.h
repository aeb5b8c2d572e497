/* exports.h — symbol visibility attributes.
 *
 * Everything libtern.so exports is declared with default visibility, so
 * that the library can be built with -fvisibility=hidden and still export
 * exactly the C API. */
#ifndef Py_EXPORTS_H
#define Py_EXPORTS_H

#define Py_EXPORTED_SYMBOL __attribute__((visibility("default")))
#define Py_IMPORTED_SYMBOL __attribute__((visibility("default")))
#define Py_LOCAL_SYMBOL __attribute__((visibility("hidden")))

#endif /* Py_EXPORTS_H */
