/* pyconfig.h — the build facts CPython's configure would record.
 *
 * Tern targets x86-64 Linux with glibc only, so these are constants rather
 * than probe results.  Extensions read the SIZEOF_* values to pick integer
 * conversions (Cython asserts SIZEOF_VOID_P against sizeof(void*)), and
 * expect Python.h to switch on the GNU/POSIX feature macros before any
 * system header is read, which is why Python.h must come first. */
#ifndef Py_PYCONFIG_H
#define Py_PYCONFIG_H

#ifndef _GNU_SOURCE
#define _GNU_SOURCE 1
#endif
#ifndef _FILE_OFFSET_BITS
#define _FILE_OFFSET_BITS 64
#endif
#ifndef _LARGEFILE_SOURCE
#define _LARGEFILE_SOURCE 1
#endif

#define SIZEOF_SHORT 2
#define SIZEOF_INT 4
#define SIZEOF_LONG 8
#define SIZEOF_LONG_LONG 8
#define SIZEOF_LONG_DOUBLE 16
#define SIZEOF_FLOAT 4
#define SIZEOF_DOUBLE 8
#define SIZEOF_VOID_P 8
#define SIZEOF_SIZE_T 8
#define SIZEOF_UINTPTR_T 8
#define SIZEOF_TIME_T 8
#define SIZEOF_OFF_T 8
#define SIZEOF_PID_T 4
#define SIZEOF_FPOS_T 16
#define SIZEOF_WCHAR_T 4
#define SIZEOF__BOOL 1
#define ALIGNOF_SIZE_T 8
#define ALIGNOF_LONG 8

#define SIZEOF_PTHREAD_T 8
#define SIZEOF_PTHREAD_KEY_T 4
#define PTHREAD_KEY_T_IS_COMPATIBLE_WITH_INT 1

/* The system headers and features extensions most often test for. */
#define STDC_HEADERS 1
#define HAVE_PROTOTYPES 1
#define HAVE_STDARG_PROTOTYPES 1
#define HAVE_SSIZE_T 1
#define HAVE_LONG_DOUBLE 1
#define HAVE_GCC_UINT128_T 1
#define HAVE_GCC_ASM_FOR_X64 1
#define HAVE_GCC_ASM_FOR_X87 1
#define HAVE_STDINT_H 1
#define HAVE_INTTYPES_H 1
#define HAVE_STDLIB_H 1
#define HAVE_STRING_H 1
#define HAVE_STRINGS_H 1
#define HAVE_ERRNO_H 1
#define HAVE_SIGNAL_H 1
#define HAVE_SETJMP_H 1
#define HAVE_UNISTD_H 1
#define HAVE_FCNTL_H 1
#define HAVE_DIRENT_H 1
#define HAVE_DLFCN_H 1
#define HAVE_ENDIAN_H 1
#define HAVE_POLL_H 1
#define HAVE_PTHREAD_H 1
#define HAVE_SCHED_H 1
#define HAVE_WCHAR_H 1
#define HAVE_SYS_TYPES_H 1
#define HAVE_SYS_STAT_H 1
#define HAVE_SYS_TIME_H 1
#define HAVE_SYS_MMAN_H 1
#define HAVE_SYS_PARAM_H 1
#define HAVE_SYS_SELECT_H 1
#define HAVE_SYS_SOCKET_H 1
#define HAVE_SYS_WAIT_H 1
#define HAVE_SYS_RANDOM_H 1
#define HAVE_CLOCK_GETTIME 1
#define HAVE_DLOPEN 1
#define HAVE_DYNAMIC_LOADING 1
#define HAVE_FORK 1
#define HAVE_GETRANDOM 1
#define HAVE_MMAP 1
#define HAVE_POLL 1
#define HAVE_SIGACTION 1
#define HAVE_STD_ATOMIC 1
#define HAVE_BUILTIN_ATOMIC 1
#define HAVE_LIBDL 1

#define RETSIGTYPE void
#define _REENTRANT 1
#define _POSIX_THREADS 1
#define WITH_DOC_STRINGS 1
#define WITH_PYMALLOC 1

/* Doubles are IEEE 754 little-endian (float pack/unpack and
 * Cython's fast paths test these). */
#define DOUBLE_IS_LITTLE_ENDIAN_IEEE754 1

#endif /* Py_PYCONFIG_H */
