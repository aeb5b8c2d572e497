/* capi_datetime: the datetime module's C API (datetime.h), as numpy,
 * Cython and database drivers use it.
 *
 * PyDateTime_IMPORT fetches the PyDateTime_CAPI table from the
 * "datetime.datetime_CAPI" capsule.  It runs in `import_api()`, not at module
 * init, so the driver sees it succeed (and Tern make the capsule on demand).
 * Through the table the module exposes:
 *   - the ten type checks (Check and CheckExact of the five types);
 *   - every accessor macro, each family's fields as one tuple;
 *   - every constructor macro, and the table's constructors called with a
 *     type C passes (a Python subclass);
 *   - the table's types themselves with their tp_basicsize, and
 *     PyDateTime_TimeZone_UTC.
 * Driver: test_capi_datetime.py.
 */
#define PY_SSIZE_T_CLEAN
#include <Python.h>
#include <datetime.h>

/* Every entry point but import_api needs the table: without it the macros
 * would dereference NULL. */
#define REQUIRE_API(result)                                                   \
    do {                                                                      \
        if (PyDateTimeAPI == NULL) {                                          \
            PyErr_SetString(PyExc_RuntimeError, "call import_api() first");   \
            return result;                                                    \
        }                                                                     \
    } while (0)

/* ---- the capsule -------------------------------------------------------- */

/* import_api() -> True once PyDateTime_IMPORT has set the table pointer;
 * a second call must find the same table. */
static PyObject *
import_api(PyObject *self, PyObject *unused)
{
    PyDateTime_CAPI *before = PyDateTimeAPI;
    PyDateTime_IMPORT;
    if (PyDateTimeAPI == NULL)
        return NULL;
    if (before != NULL && before != PyDateTimeAPI) {
        PyErr_SetString(PyExc_AssertionError, "a second import gave another table");
        return NULL;
    }
    Py_RETURN_TRUE;
}

static PyObject *
api_imported(PyObject *self, PyObject *unused)
{
    return PyBool_FromLong(PyDateTimeAPI != NULL);
}

/* identity(o) -> o: hands any object to C and back, nothing more. */
static PyObject *
identity(PyObject *self, PyObject *o)
{
    return Py_NewRef(o);
}

/* types() -> (date, datetime, time, timedelta, tzinfo) from the table. */
static PyObject *
types(PyObject *self, PyObject *unused)
{
    REQUIRE_API(NULL);
    return PyTuple_Pack(5, (PyObject *)PyDateTimeAPI->DateType,
                        (PyObject *)PyDateTimeAPI->DateTimeType,
                        (PyObject *)PyDateTimeAPI->TimeType,
                        (PyObject *)PyDateTimeAPI->DeltaType,
                        (PyObject *)PyDateTimeAPI->TZInfoType);
}

/* basicsizes_match() -> five bools: each table type's tp_basicsize is the
 * size of its instance struct, as Cython checks when it imports the types. */
static PyObject *
basicsizes_match(PyObject *self, PyObject *unused)
{
    REQUIRE_API(NULL);
    return Py_BuildValue(
        "(NNNNN)",
        PyBool_FromLong(PyDateTimeAPI->DateType->tp_basicsize ==
                        (Py_ssize_t)sizeof(PyDateTime_Date)),
        PyBool_FromLong(PyDateTimeAPI->DateTimeType->tp_basicsize ==
                        (Py_ssize_t)sizeof(PyDateTime_DateTime)),
        PyBool_FromLong(PyDateTimeAPI->TimeType->tp_basicsize ==
                        (Py_ssize_t)sizeof(PyDateTime_Time)),
        PyBool_FromLong(PyDateTimeAPI->DeltaType->tp_basicsize ==
                        (Py_ssize_t)sizeof(PyDateTime_Delta)),
        PyBool_FromLong(PyDateTimeAPI->TZInfoType->tp_basicsize ==
                        (Py_ssize_t)sizeof(PyDateTime_TZInfo)));
}

static PyObject *
utc(PyObject *self, PyObject *unused)
{
    REQUIRE_API(NULL);
    return Py_NewRef(PyDateTime_TimeZone_UTC);
}

/* ---- type checks -------------------------------------------------------- */

/* checks(o) -> (Date_Check, Date_CheckExact, DateTime_Check,
 * DateTime_CheckExact, Time_Check, Time_CheckExact, Delta_Check,
 * Delta_CheckExact, TZInfo_Check, TZInfo_CheckExact) */
static PyObject *
checks(PyObject *self, PyObject *o)
{
    REQUIRE_API(NULL);
    return Py_BuildValue(
        "(NNNNNNNNNN)", PyBool_FromLong(PyDate_Check(o)),
        PyBool_FromLong(PyDate_CheckExact(o)), PyBool_FromLong(PyDateTime_Check(o)),
        PyBool_FromLong(PyDateTime_CheckExact(o)), PyBool_FromLong(PyTime_Check(o)),
        PyBool_FromLong(PyTime_CheckExact(o)), PyBool_FromLong(PyDelta_Check(o)),
        PyBool_FromLong(PyDelta_CheckExact(o)), PyBool_FromLong(PyTZInfo_Check(o)),
        PyBool_FromLong(PyTZInfo_CheckExact(o)));
}

/* ---- accessors ---------------------------------------------------------- */

/* date_fields(date or datetime) -> (year, month, day) */
static PyObject *
date_fields(PyObject *self, PyObject *o)
{
    REQUIRE_API(NULL);
    if (!PyDate_Check(o)) {
        PyErr_SetString(PyExc_TypeError, "expected a date");
        return NULL;
    }
    return Py_BuildValue("(iii)", PyDateTime_GET_YEAR(o), PyDateTime_GET_MONTH(o),
                         PyDateTime_GET_DAY(o));
}

/* datetime_fields(datetime) -> (year, month, day, hour, minute, second,
 * microsecond, fold, tzinfo) */
static PyObject *
datetime_fields(PyObject *self, PyObject *o)
{
    REQUIRE_API(NULL);
    if (!PyDateTime_Check(o)) {
        PyErr_SetString(PyExc_TypeError, "expected a datetime");
        return NULL;
    }
    /* The tzinfo is borrowed from o; "O" takes a new reference. */
    return Py_BuildValue("(iiiiiiiiO)", PyDateTime_GET_YEAR(o), PyDateTime_GET_MONTH(o),
                         PyDateTime_GET_DAY(o), PyDateTime_DATE_GET_HOUR(o),
                         PyDateTime_DATE_GET_MINUTE(o), PyDateTime_DATE_GET_SECOND(o),
                         PyDateTime_DATE_GET_MICROSECOND(o), PyDateTime_DATE_GET_FOLD(o),
                         PyDateTime_DATE_GET_TZINFO(o));
}

/* time_fields(time) -> (hour, minute, second, microsecond, fold, tzinfo) */
static PyObject *
time_fields(PyObject *self, PyObject *o)
{
    REQUIRE_API(NULL);
    if (!PyTime_Check(o)) {
        PyErr_SetString(PyExc_TypeError, "expected a time");
        return NULL;
    }
    return Py_BuildValue("(iiiiiO)", PyDateTime_TIME_GET_HOUR(o),
                         PyDateTime_TIME_GET_MINUTE(o), PyDateTime_TIME_GET_SECOND(o),
                         PyDateTime_TIME_GET_MICROSECOND(o), PyDateTime_TIME_GET_FOLD(o),
                         PyDateTime_TIME_GET_TZINFO(o));
}

/* delta_fields(timedelta) -> (days, seconds, microseconds) */
static PyObject *
delta_fields(PyObject *self, PyObject *o)
{
    REQUIRE_API(NULL);
    if (!PyDelta_Check(o)) {
        PyErr_SetString(PyExc_TypeError, "expected a timedelta");
        return NULL;
    }
    return Py_BuildValue("(iii)", PyDateTime_DELTA_GET_DAYS(o),
                         PyDateTime_DELTA_GET_SECONDS(o),
                         PyDateTime_DELTA_GET_MICROSECONDS(o));
}

/* sum_fields(list of datetimes) -> the sum of every datetime's year, month,
 * day, hour, minute, second and microsecond: many objects read in one call,
 * with no allocation in between. */
static PyObject *
sum_fields(PyObject *self, PyObject *list)
{
    REQUIRE_API(NULL);
    if (!PyList_Check(list)) {
        PyErr_SetString(PyExc_TypeError, "expected a list");
        return NULL;
    }
    long long total = 0;
    for (Py_ssize_t i = 0; i < PyList_GET_SIZE(list); i++) {
        PyObject *o = PyList_GET_ITEM(list, i);
        if (!PyDateTime_Check(o)) {
            PyErr_SetString(PyExc_TypeError, "expected datetimes");
            return NULL;
        }
        total += PyDateTime_GET_YEAR(o) + PyDateTime_GET_MONTH(o) + PyDateTime_GET_DAY(o) +
                 PyDateTime_DATE_GET_HOUR(o) + PyDateTime_DATE_GET_MINUTE(o) +
                 PyDateTime_DATE_GET_SECOND(o) + PyDateTime_DATE_GET_MICROSECOND(o);
    }
    return PyLong_FromLongLong(total);
}

/* ---- the constructor macros --------------------------------------------- */

static PyObject *
date_from_date(PyObject *self, PyObject *args)
{
    int y, m, d;
    REQUIRE_API(NULL);
    if (!PyArg_ParseTuple(args, "iii", &y, &m, &d))
        return NULL;
    return PyDate_FromDate(y, m, d);
}

static PyObject *
datetime_from_date_and_time(PyObject *self, PyObject *args)
{
    int y, mo, d, h, mi, s, us;
    REQUIRE_API(NULL);
    if (!PyArg_ParseTuple(args, "iiiiiii", &y, &mo, &d, &h, &mi, &s, &us))
        return NULL;
    return PyDateTime_FromDateAndTime(y, mo, d, h, mi, s, us);
}

static PyObject *
datetime_from_date_and_time_and_fold(PyObject *self, PyObject *args)
{
    int y, mo, d, h, mi, s, us, fold;
    REQUIRE_API(NULL);
    if (!PyArg_ParseTuple(args, "iiiiiiii", &y, &mo, &d, &h, &mi, &s, &us, &fold))
        return NULL;
    return PyDateTime_FromDateAndTimeAndFold(y, mo, d, h, mi, s, us, fold);
}

static PyObject *
time_from_time(PyObject *self, PyObject *args)
{
    int h, m, s, us;
    REQUIRE_API(NULL);
    if (!PyArg_ParseTuple(args, "iiii", &h, &m, &s, &us))
        return NULL;
    return PyTime_FromTime(h, m, s, us);
}

static PyObject *
time_from_time_and_fold(PyObject *self, PyObject *args)
{
    int h, m, s, us, fold;
    REQUIRE_API(NULL);
    if (!PyArg_ParseTuple(args, "iiiii", &h, &m, &s, &us, &fold))
        return NULL;
    return PyTime_FromTimeAndFold(h, m, s, us, fold);
}

static PyObject *
delta_from_dsu(PyObject *self, PyObject *args)
{
    int d, s, us;
    REQUIRE_API(NULL);
    if (!PyArg_ParseTuple(args, "iii", &d, &s, &us))
        return NULL;
    return PyDelta_FromDSU(d, s, us);
}

static PyObject *
timezone_from_offset(PyObject *self, PyObject *offset)
{
    REQUIRE_API(NULL);
    if (!PyDelta_Check(offset)) {
        PyErr_SetString(PyExc_TypeError, "expected a timedelta");
        return NULL;
    }
    return PyTimeZone_FromOffset(offset);
}

static PyObject *
timezone_from_offset_and_name(PyObject *self, PyObject *args)
{
    PyObject *offset, *name;
    REQUIRE_API(NULL);
    if (!PyArg_ParseTuple(args, "O!U", PyDateTimeAPI->DeltaType, &offset, &name))
        return NULL;
    return PyTimeZone_FromOffsetAndName(offset, name);
}

/* datetime_from_timestamp(args tuple): PyDateTime_FromTimestamp */
static PyObject *
datetime_from_timestamp(PyObject *self, PyObject *args)
{
    REQUIRE_API(NULL);
    return PyDateTime_FromTimestamp(args);
}

/* date_from_timestamp(args tuple): PyDate_FromTimestamp */
static PyObject *
date_from_timestamp(PyObject *self, PyObject *args)
{
    REQUIRE_API(NULL);
    return PyDate_FromTimestamp(args);
}

/* ---- the table's constructors with a type C passes ---------------------- */

static int
want_type(PyObject *type, PyTypeObject *base)
{
    if (!PyType_Check(type) || !PyType_IsSubtype((PyTypeObject *)type, base)) {
        PyErr_Format(PyExc_TypeError, "expected a subclass of %s", base->tp_name);
        return -1;
    }
    return 0;
}

/* new_date(type, y, m, d) */
static PyObject *
new_date(PyObject *self, PyObject *args)
{
    PyObject *type;
    int y, m, d;
    REQUIRE_API(NULL);
    if (!PyArg_ParseTuple(args, "Oiii", &type, &y, &m, &d))
        return NULL;
    if (want_type(type, PyDateTimeAPI->DateType) < 0)
        return NULL;
    return PyDateTimeAPI->Date_FromDate(y, m, d, (PyTypeObject *)type);
}

/* new_datetime(type, y, mo, d, h, mi, s, us, tzinfo[, fold]): without a fold
 * DateTime_FromDateAndTime, with one DateTime_FromDateAndTimeAndFold. */
static PyObject *
new_datetime(PyObject *self, PyObject *args)
{
    PyObject *type, *tz;
    int y, mo, d, h, mi, s, us, fold = -1;
    REQUIRE_API(NULL);
    if (!PyArg_ParseTuple(args, "OiiiiiiiO|i", &type, &y, &mo, &d, &h, &mi, &s, &us, &tz,
                          &fold))
        return NULL;
    if (want_type(type, PyDateTimeAPI->DateTimeType) < 0)
        return NULL;
    if (fold < 0)
        return PyDateTimeAPI->DateTime_FromDateAndTime(y, mo, d, h, mi, s, us, tz,
                                                       (PyTypeObject *)type);
    return PyDateTimeAPI->DateTime_FromDateAndTimeAndFold(y, mo, d, h, mi, s, us, tz, fold,
                                                          (PyTypeObject *)type);
}

/* new_time(type, h, m, s, us, tzinfo[, fold]) */
static PyObject *
new_time(PyObject *self, PyObject *args)
{
    PyObject *type, *tz;
    int h, m, s, us, fold = -1;
    REQUIRE_API(NULL);
    if (!PyArg_ParseTuple(args, "OiiiiO|i", &type, &h, &m, &s, &us, &tz, &fold))
        return NULL;
    if (want_type(type, PyDateTimeAPI->TimeType) < 0)
        return NULL;
    if (fold < 0)
        return PyDateTimeAPI->Time_FromTime(h, m, s, us, tz, (PyTypeObject *)type);
    return PyDateTimeAPI->Time_FromTimeAndFold(h, m, s, us, tz, fold, (PyTypeObject *)type);
}

/* new_delta(type, days, seconds, microseconds): normalising. */
static PyObject *
new_delta(PyObject *self, PyObject *args)
{
    PyObject *type;
    int d, s, us;
    REQUIRE_API(NULL);
    if (!PyArg_ParseTuple(args, "Oiii", &type, &d, &s, &us))
        return NULL;
    if (want_type(type, PyDateTimeAPI->DeltaType) < 0)
        return NULL;
    return PyDateTimeAPI->Delta_FromDelta(d, s, us, 1, (PyTypeObject *)type);
}

/* datetime_from_timestamp_as(cls, args, kwargs or None): the table's
 * DateTime_FromTimestamp with a class and keywords. */
static PyObject *
datetime_from_timestamp_as(PyObject *self, PyObject *args)
{
    PyObject *cls, *targs, *kwargs;
    REQUIRE_API(NULL);
    if (!PyArg_ParseTuple(args, "OO!O", &cls, &PyTuple_Type, &targs, &kwargs))
        return NULL;
    if (want_type(cls, PyDateTimeAPI->DateTimeType) < 0)
        return NULL;
    if (kwargs == Py_None)
        kwargs = NULL;
    else if (!PyDict_Check(kwargs)) {
        PyErr_SetString(PyExc_TypeError, "kwargs must be a dict or None");
        return NULL;
    }
    return PyDateTimeAPI->DateTime_FromTimestamp(cls, targs, kwargs);
}

/* date_from_timestamp_as(cls, args): the table's Date_FromTimestamp. */
static PyObject *
date_from_timestamp_as(PyObject *self, PyObject *args)
{
    PyObject *cls, *targs;
    REQUIRE_API(NULL);
    if (!PyArg_ParseTuple(args, "OO!", &cls, &PyTuple_Type, &targs))
        return NULL;
    if (want_type(cls, PyDateTimeAPI->DateType) < 0)
        return NULL;
    return PyDateTimeAPI->Date_FromTimestamp(cls, targs);
}

static PyMethodDef capi_datetime_methods[] = {
    {"import_api", import_api, METH_NOARGS, NULL},
    {"api_imported", api_imported, METH_NOARGS, NULL},
    {"identity", identity, METH_O, NULL},
    {"types", types, METH_NOARGS, NULL},
    {"basicsizes_match", basicsizes_match, METH_NOARGS, NULL},
    {"utc", utc, METH_NOARGS, NULL},
    {"checks", checks, METH_O, NULL},
    {"date_fields", date_fields, METH_O, NULL},
    {"datetime_fields", datetime_fields, METH_O, NULL},
    {"time_fields", time_fields, METH_O, NULL},
    {"delta_fields", delta_fields, METH_O, NULL},
    {"sum_fields", sum_fields, METH_O, NULL},
    {"date_from_date", date_from_date, METH_VARARGS, NULL},
    {"datetime_from_date_and_time", datetime_from_date_and_time, METH_VARARGS, NULL},
    {"datetime_from_date_and_time_and_fold", datetime_from_date_and_time_and_fold,
     METH_VARARGS, NULL},
    {"time_from_time", time_from_time, METH_VARARGS, NULL},
    {"time_from_time_and_fold", time_from_time_and_fold, METH_VARARGS, NULL},
    {"delta_from_dsu", delta_from_dsu, METH_VARARGS, NULL},
    {"timezone_from_offset", timezone_from_offset, METH_O, NULL},
    {"timezone_from_offset_and_name", timezone_from_offset_and_name, METH_VARARGS, NULL},
    {"datetime_from_timestamp", datetime_from_timestamp, METH_VARARGS, NULL},
    {"date_from_timestamp", date_from_timestamp, METH_VARARGS, NULL},
    {"new_date", new_date, METH_VARARGS, NULL},
    {"new_datetime", new_datetime, METH_VARARGS, NULL},
    {"new_time", new_time, METH_VARARGS, NULL},
    {"new_delta", new_delta, METH_VARARGS, NULL},
    {"datetime_from_timestamp_as", datetime_from_timestamp_as, METH_VARARGS, NULL},
    {"date_from_timestamp_as", date_from_timestamp_as, METH_VARARGS, NULL},
    {NULL, NULL, 0, NULL},
};

static struct PyModuleDef capi_datetime_def = {
    PyModuleDef_HEAD_INIT,
    .m_name = "capi_datetime",
    .m_doc = "The datetime C API: checks, accessors and constructors.",
    .m_size = -1,
    .m_methods = capi_datetime_methods,
};

PyMODINIT_FUNC
PyInit_capi_datetime(void)
{
    return PyModule_Create(&capi_datetime_def);
}
