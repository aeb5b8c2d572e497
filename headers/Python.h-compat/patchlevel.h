/* patchlevel.h — the CPython release these headers present themselves as.
 *
 * Tern implements the language and C API of CPython 3.11.2, and extensions
 * (Cython output above all) choose code paths by comparing PY_VERSION_HEX,
 * so the numbers must be exactly CPython's.  The hex form packs
 * major.minor.micro, the release level and the serial into one word:
 * 0x030B02F0 is 3.11.2 final. */
#ifndef Py_PATCHLEVEL_H
#define Py_PATCHLEVEL_H

#define PY_RELEASE_LEVEL_ALPHA 0xA
#define PY_RELEASE_LEVEL_BETA 0xB
#define PY_RELEASE_LEVEL_GAMMA 0xC /* release candidate */
#define PY_RELEASE_LEVEL_FINAL 0xF

#define PY_MAJOR_VERSION 3
#define PY_MINOR_VERSION 11
#define PY_MICRO_VERSION 2
#define PY_RELEASE_LEVEL PY_RELEASE_LEVEL_FINAL
#define PY_RELEASE_SERIAL 0

#define PY_VERSION "3.11.2"

#define PY_VERSION_HEX                                                        \
    ((PY_MAJOR_VERSION << 24) | (PY_MINOR_VERSION << 16) |                    \
     (PY_MICRO_VERSION << 8) | (PY_RELEASE_LEVEL << 4) |                      \
     (PY_RELEASE_SERIAL << 0))

#endif /* Py_PATCHLEVEL_H */
