/* osdefs.h — path syntax of the platform (POSIX). */
#ifndef Py_OSDEFS_H
#define Py_OSDEFS_H

#include <limits.h>

#define SEP L'/'   /* path separator, as a wide character */
#define DELIM L':' /* separator of entries in PATH-like lists */

#if defined(PATH_MAX) && PATH_MAX > 1024
#define MAXPATHLEN PATH_MAX
#else
#define MAXPATHLEN 1024
#endif

#endif /* Py_OSDEFS_H */
