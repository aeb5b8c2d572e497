/* datetime.h — the datetime module's C API, reached through a capsule.
 *
 * ABI: the object structs are CPython 3.11's (PyDateTime_DateTime is 48
 * bytes: hastzinfo @24, ten packed bytes of date and time @25, fold @35,
 * tzinfo @40) and PyDateTime_CAPI is the 120-byte table of types and
 * constructors that PyDateTime_IMPORT fetches from the
 * "datetime.datetime_CAPI" capsule.  The accessor macros read the packed
 * bytes directly, so datetime objects handed to C carry this layout. */
#ifndef DATETIME_H
#define DATETIME_H
#ifndef Py_LIMITED_API

#ifdef __cplusplus
extern "C" {
#endif

/* Bytes of packed fields:
 *   date      year (2, big-endian), month, day
 *   time      hour, minute, second, microsecond (3, big-endian)
 *   datetime  the date bytes followed by the time bytes */
#define _PyDateTime_DATE_DATASIZE 4
#define _PyDateTime_TIME_DATASIZE 6
#define _PyDateTime_DATETIME_DATASIZE 10

typedef struct {
    PyObject_HEAD
    Py_hash_t hashcode; /* -1 until computed */
    int days;           /* |days| <= 999999999 */
    int seconds;        /* 0 <= seconds < 86400 */
    int microseconds;   /* 0 <= microseconds < 1000000 */
} PyDateTime_Delta;

typedef struct {
    PyObject_HEAD /* tzinfo is an abstract base with no state */
} PyDateTime_TZInfo;

/* The head of time and datetime objects; hastzinfo says whether the
 * object is the longer variant that ends in a tzinfo pointer. */
#define _PyTZINFO_HEAD                                                        \
    PyObject_HEAD                                                             \
    Py_hash_t hashcode;                                                       \
    char hastzinfo;

typedef struct {
    _PyTZINFO_HEAD
} _PyDateTime_BaseTZInfo;

#define _PyDateTime_TIMEHEAD                                                  \
    _PyTZINFO_HEAD                                                            \
    unsigned char data[_PyDateTime_TIME_DATASIZE];

typedef struct {
    _PyDateTime_TIMEHEAD
} _PyDateTime_BaseTime; /* without tzinfo */

typedef struct {
    _PyDateTime_TIMEHEAD
    unsigned char fold;
    PyObject *tzinfo;
} PyDateTime_Time; /* with tzinfo */

typedef struct {
    _PyTZINFO_HEAD
    unsigned char data[_PyDateTime_DATE_DATASIZE];
} PyDateTime_Date;

#define _PyDateTime_DATETIMEHEAD                                              \
    _PyTZINFO_HEAD                                                            \
    unsigned char data[_PyDateTime_DATETIME_DATASIZE];

typedef struct {
    _PyDateTime_DATETIMEHEAD
} _PyDateTime_BaseDateTime; /* without tzinfo */

typedef struct {
    _PyDateTime_DATETIMEHEAD
    unsigned char fold;
    PyObject *tzinfo;
} PyDateTime_DateTime; /* with tzinfo */

/* ---- Unchecked field accessors ----------------------------------------- */

/* o: a time or a datetime. */
#define _PyDateTime_HAS_TZINFO(o) (((_PyDateTime_BaseTZInfo *)(o))->hastzinfo)

/* Byte i of the packed data of o, viewed as struct type T. */
#define _PyDateTime_BYTE(T, o, i) (((T *)(o))->data[i])
/* Three big-endian bytes from index i. */
#define _PyDateTime_U24(T, o, i)                                              \
    ((_PyDateTime_BYTE(T, o, i) << 16) | (_PyDateTime_BYTE(T, o, (i) + 1) << 8) | \
     _PyDateTime_BYTE(T, o, (i) + 2))

/* For date and datetime objects. */
#define PyDateTime_GET_YEAR(o)                                                \
    ((_PyDateTime_BYTE(PyDateTime_Date, o, 0) << 8) |                         \
     _PyDateTime_BYTE(PyDateTime_Date, o, 1))
#define PyDateTime_GET_MONTH(o) _PyDateTime_BYTE(PyDateTime_Date, o, 2)
#define PyDateTime_GET_DAY(o) _PyDateTime_BYTE(PyDateTime_Date, o, 3)

/* For datetime objects. */
#define PyDateTime_DATE_GET_HOUR(o) _PyDateTime_BYTE(PyDateTime_DateTime, o, 4)
#define PyDateTime_DATE_GET_MINUTE(o) _PyDateTime_BYTE(PyDateTime_DateTime, o, 5)
#define PyDateTime_DATE_GET_SECOND(o) _PyDateTime_BYTE(PyDateTime_DateTime, o, 6)
#define PyDateTime_DATE_GET_MICROSECOND(o) _PyDateTime_U24(PyDateTime_DateTime, o, 7)
#define PyDateTime_DATE_GET_FOLD(o) (((PyDateTime_DateTime *)(o))->fold)
#define PyDateTime_DATE_GET_TZINFO(o)                                         \
    (_PyDateTime_HAS_TZINFO(o) ? ((PyDateTime_DateTime *)(o))->tzinfo : Py_None)

/* For time objects. */
#define PyDateTime_TIME_GET_HOUR(o) _PyDateTime_BYTE(PyDateTime_Time, o, 0)
#define PyDateTime_TIME_GET_MINUTE(o) _PyDateTime_BYTE(PyDateTime_Time, o, 1)
#define PyDateTime_TIME_GET_SECOND(o) _PyDateTime_BYTE(PyDateTime_Time, o, 2)
#define PyDateTime_TIME_GET_MICROSECOND(o) _PyDateTime_U24(PyDateTime_Time, o, 3)
#define PyDateTime_TIME_GET_FOLD(o) (((PyDateTime_Time *)(o))->fold)
#define PyDateTime_TIME_GET_TZINFO(o)                                         \
    (_PyDateTime_HAS_TZINFO(o) ? ((PyDateTime_Time *)(o))->tzinfo : Py_None)

/* For timedelta objects. */
#define PyDateTime_DELTA_GET_DAYS(o) (((PyDateTime_Delta *)(o))->days)
#define PyDateTime_DELTA_GET_SECONDS(o) (((PyDateTime_Delta *)(o))->seconds)
#define PyDateTime_DELTA_GET_MICROSECONDS(o)                                  \
    (((PyDateTime_Delta *)(o))->microseconds)

/* ---- The capsule's table ------------------------------------------------ */

typedef struct {
    PyTypeObject *DateType;
    PyTypeObject *DateTimeType;
    PyTypeObject *TimeType;
    PyTypeObject *DeltaType;
    PyTypeObject *TZInfoType;

    PyObject *TimeZone_UTC;

    /* Constructors; the last argument is the (sub)type to instantiate. */
    PyObject *(*Date_FromDate)(int, int, int, PyTypeObject *);
    PyObject *(*DateTime_FromDateAndTime)(int, int, int, int, int, int, int,
                                          PyObject *, PyTypeObject *);
    PyObject *(*Time_FromTime)(int, int, int, int, PyObject *, PyTypeObject *);
    PyObject *(*Delta_FromDelta)(int, int, int, int, PyTypeObject *);
    PyObject *(*TimeZone_FromTimeZone)(PyObject *offset, PyObject *name);

    /* For the DB API: class, args tuple (and kwargs for datetime). */
    PyObject *(*DateTime_FromTimestamp)(PyObject *, PyObject *, PyObject *);
    PyObject *(*Date_FromTimestamp)(PyObject *, PyObject *);

    /* With the PEP 495 fold. */
    PyObject *(*DateTime_FromDateAndTimeAndFold)(int, int, int, int, int, int,
                                                 int, PyObject *, int,
                                                 PyTypeObject *);
    PyObject *(*Time_FromTimeAndFold)(int, int, int, int, PyObject *, int,
                                      PyTypeObject *);
} PyDateTime_CAPI;

#define PyDateTime_CAPSULE_NAME "datetime.datetime_CAPI"

/* The datetime module defines _PY_DATETIME_IMPL and fills the table. */
#ifndef _PY_DATETIME_IMPL

/* One table pointer per translation unit, set by PyDateTime_IMPORT. */
static PyDateTime_CAPI *PyDateTimeAPI = _Py_NULL;

#define PyDateTime_IMPORT                                                     \
    PyDateTimeAPI = (PyDateTime_CAPI *)PyCapsule_Import(PyDateTime_CAPSULE_NAME, 0)

#define PyDateTime_TimeZone_UTC PyDateTimeAPI->TimeZone_UTC

#define PyDate_Check(op) PyObject_TypeCheck((op), PyDateTimeAPI->DateType)
#define PyDate_CheckExact(op) Py_IS_TYPE((op), PyDateTimeAPI->DateType)
#define PyDateTime_Check(op) PyObject_TypeCheck((op), PyDateTimeAPI->DateTimeType)
#define PyDateTime_CheckExact(op) Py_IS_TYPE((op), PyDateTimeAPI->DateTimeType)
#define PyTime_Check(op) PyObject_TypeCheck((op), PyDateTimeAPI->TimeType)
#define PyTime_CheckExact(op) Py_IS_TYPE((op), PyDateTimeAPI->TimeType)
#define PyDelta_Check(op) PyObject_TypeCheck((op), PyDateTimeAPI->DeltaType)
#define PyDelta_CheckExact(op) Py_IS_TYPE((op), PyDateTimeAPI->DeltaType)
#define PyTZInfo_Check(op) PyObject_TypeCheck((op), PyDateTimeAPI->TZInfoType)
#define PyTZInfo_CheckExact(op) Py_IS_TYPE((op), PyDateTimeAPI->TZInfoType)

/* Naive values of the exact builtin types. */
#define PyDate_FromDate(year, month, day)                                     \
    PyDateTimeAPI->Date_FromDate((year), (month), (day), PyDateTimeAPI->DateType)
#define PyDateTime_FromDateAndTime(year, month, day, hour, min, sec, usec)    \
    PyDateTimeAPI->DateTime_FromDateAndTime((year), (month), (day), (hour),   \
                                            (min), (sec), (usec), Py_None,    \
                                            PyDateTimeAPI->DateTimeType)
#define PyDateTime_FromDateAndTimeAndFold(year, month, day, hour, min, sec,   \
                                          usec, fold)                         \
    PyDateTimeAPI->DateTime_FromDateAndTimeAndFold(                           \
        (year), (month), (day), (hour), (min), (sec), (usec), Py_None,        \
        (fold), PyDateTimeAPI->DateTimeType)
#define PyTime_FromTime(hour, minute, second, usecond)                        \
    PyDateTimeAPI->Time_FromTime((hour), (minute), (second), (usecond),       \
                                 Py_None, PyDateTimeAPI->TimeType)
#define PyTime_FromTimeAndFold(hour, minute, second, usecond, fold)           \
    PyDateTimeAPI->Time_FromTimeAndFold((hour), (minute), (second),           \
                                        (usecond), Py_None, (fold),           \
                                        PyDateTimeAPI->TimeType)
/* The 1 asks for normalisation of the three components. */
#define PyDelta_FromDSU(days, seconds, useconds)                              \
    PyDateTimeAPI->Delta_FromDelta((days), (seconds), (useconds), 1,          \
                                   PyDateTimeAPI->DeltaType)
#define PyTimeZone_FromOffset(offset)                                         \
    PyDateTimeAPI->TimeZone_FromTimeZone((offset), _Py_NULL)
#define PyTimeZone_FromOffsetAndName(offset, name)                            \
    PyDateTimeAPI->TimeZone_FromTimeZone((offset), (name))

#define PyDateTime_FromTimestamp(args)                                        \
    PyDateTimeAPI->DateTime_FromTimestamp(                                    \
        (PyObject *)(PyDateTimeAPI->DateTimeType), (args), _Py_NULL)
#define PyDate_FromTimestamp(args)                                            \
    PyDateTimeAPI->Date_FromTimestamp((PyObject *)(PyDateTimeAPI->DateType),  \
                                      (args))

#endif /* !_PY_DATETIME_IMPL */

#ifdef __cplusplus
}
#endif
#endif /* !Py_LIMITED_API */
#endif /* DATETIME_H */
