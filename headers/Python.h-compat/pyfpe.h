/* pyfpe.h — floating-point exception guards, no-ops since Python 3.7,
 * kept so that old extensions still compile. */
#ifndef Py_PYFPE_H
#define Py_PYFPE_H
#ifndef Py_LIMITED_API

#define PyFPE_START_PROTECT(err_string, leave_stmt)
#define PyFPE_END_PROTECT(v)

#endif /* !Py_LIMITED_API */
#endif /* Py_PYFPE_H */
