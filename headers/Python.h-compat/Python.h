/* Python.h — the header C extensions include to build against Tern.
 *
 * Every declaration here is implemented by libtern.so (cpyext/); nothing
 * in these headers allocates or defines runtime state.  The structs that
 * public macros and inline functions reach into have CPython 3.11's
 * x86-64 layout byte for byte, so a module built against these headers and
 * one built against CPython's own behave the same under Tern.
 * tests/unit/cpyext_abi checks every size and offset.
 *
 * Include this first: pyconfig.h switches on the feature macros
 * (_GNU_SOURCE, ...) the system headers below must see.
 *
 * Defining Py_LIMITED_API selects the stable ABI subset: object layouts
 * other than PyObject / PyVarObject become opaque, as in CPython. */
#ifndef Py_PYTHON_H
#define Py_PYTHON_H

#include "patchlevel.h"
#include "pyconfig.h"

/* The 3.11 limited API stopped providing the C library headers. */
#if !defined(Py_LIMITED_API) || Py_LIMITED_API + 0 < 0x030B0000
#include <ctype.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#endif
#include <assert.h>
#include <stddef.h>
#include <unistd.h>
#include <wchar.h>

/* Foundations. */
#include "pyport.h"
#include "pymacro.h"
#include "pymath.h"
#include "pymem.h"
#include "pytypedefs.h"
#include "pybuffer.h"
#include "object.h"
#include "objimpl.h"
#include "typeslots.h"
#include "pyhash.h"
#include "pydebug.h"

/* Builtin object types. */
#include "bytearrayobject.h"
#include "bytesobject.h"
#include "unicodeobject.h"
#include "longobject.h"
#include "longintrepr.h"
#include "boolobject.h"
#include "floatobject.h"
#include "complexobject.h"
#include "rangeobject.h"
#include "memoryobject.h"
#include "tupleobject.h"
#include "listobject.h"
#include "dictobject.h"
#include "odictobject.h"
#include "enumobject.h"
#include "setobject.h"
#include "methodobject.h"
#include "moduleobject.h"
#include "funcobject.h"
#include "classobject.h"
#include "fileobject.h"
#include "pycapsule.h"
#include "code.h"
#include "pyframe.h"
#include "traceback.h"
#include "sliceobject.h"
#include "cellobject.h"
#include "iterobject.h"
#include "pystate.h"
#include "genobject.h"
#include "descrobject.h"
#include "genericaliasobject.h"
#include "warnings.h"
#include "weakrefobject.h"
#include "structseq.h"
#include "picklebufobject.h"
#include "codecs.h"
#include "pyerrors.h"
#include "pythread.h"
#include "context.h"

/* Modules, running code, the interpreter. */
#include "modsupport.h"
#include "compile.h"
#include "pythonrun.h"
#include "pylifecycle.h"
#include "ceval.h"
#include "sysmodule.h"
#include "osmodule.h"
#include "intrcheck.h"
#include "import.h"

/* Protocols and utilities. */
#include "abstract.h"
#include "bltinmodule.h"
#include "pyctype.h"
#include "pystrtod.h"
#include "pystrcmp.h"
#include "fileutils.h"
#include "pyfpe.h"
#include "tracemalloc.h"

#endif /* Py_PYTHON_H */
