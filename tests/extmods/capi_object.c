/* capi_object: the abstract object protocols.
 *
 * Attributes, items, repr/str/hash/truth, rich comparison, isinstance,
 * every PyObject_Call* variant including vectorcall, iteration
 * (PyObject_GetIter / PyIter_Next / PyIter_Send), and the number, sequence
 * and mapping protocols.  The functions are thin: each forwards to one API
 * call so that the driver (test_capi_object.py) can compare the result with
 * what the same operation gives in Python, on builtin objects and on Python
 * classes that implement the dunder methods.
 */
#define PY_SSIZE_T_CLEAN
#include <Python.h>

/* ---- attributes and items --------------------------------------------- */

static PyObject *
getattr_(PyObject *self, PyObject *args)
{
    PyObject *o, *name;
    if (!PyArg_ParseTuple(args, "OO", &o, &name))
        return NULL;
    return PyObject_GetAttr(o, name);
}

static PyObject *
getattr_string(PyObject *self, PyObject *args)
{
    PyObject *o;
    const char *name;
    if (!PyArg_ParseTuple(args, "Os", &o, &name))
        return NULL;
    return PyObject_GetAttrString(o, name);
}

/* setattr_(o, name, value); value NULL (omitted) deletes the attribute. */
static PyObject *
setattr_(PyObject *self, PyObject *args)
{
    PyObject *o, *name, *value = NULL;
    if (!PyArg_ParseTuple(args, "OO|O", &o, &name, &value))
        return NULL;
    if (PyObject_SetAttr(o, name, value) < 0)
        return NULL;
    Py_RETURN_NONE;
}

static PyObject *
setattr_string(PyObject *self, PyObject *args)
{
    PyObject *o, *value;
    const char *name;
    if (!PyArg_ParseTuple(args, "OsO", &o, &name, &value))
        return NULL;
    if (PyObject_SetAttrString(o, name, value) < 0)
        return NULL;
    Py_RETURN_NONE;
}

static PyObject *
delattr_string(PyObject *self, PyObject *args)
{
    PyObject *o;
    const char *name;
    if (!PyArg_ParseTuple(args, "Os", &o, &name))
        return NULL;
    if (PyObject_DelAttrString(o, name) < 0)
        return NULL;
    Py_RETURN_NONE;
}

/* hasattr_(o, name) -> (HasAttr, HasAttrString); both swallow errors. */
static PyObject *
hasattr_(PyObject *self, PyObject *args)
{
    PyObject *o, *name;
    if (!PyArg_ParseTuple(args, "OU", &o, &name))
        return NULL;
    int a = PyObject_HasAttr(o, name);
    int b = PyObject_HasAttrString(o, PyUnicode_AsUTF8(name));
    if (PyErr_Occurred())
        return NULL;
    return Py_BuildValue("(NN)", PyBool_FromLong(a), PyBool_FromLong(b));
}

static PyObject *
generic_getattr(PyObject *self, PyObject *args)
{
    PyObject *o, *name;
    if (!PyArg_ParseTuple(args, "OO", &o, &name))
        return NULL;
    return PyObject_GenericGetAttr(o, name);
}

static PyObject *
getitem(PyObject *self, PyObject *args)
{
    PyObject *o, *key;
    if (!PyArg_ParseTuple(args, "OO", &o, &key))
        return NULL;
    return PyObject_GetItem(o, key);
}

static PyObject *
setitem(PyObject *self, PyObject *args)
{
    PyObject *o, *key, *value;
    if (!PyArg_ParseTuple(args, "OOO", &o, &key, &value))
        return NULL;
    if (PyObject_SetItem(o, key, value) < 0)
        return NULL;
    Py_RETURN_NONE;
}

static PyObject *
delitem(PyObject *self, PyObject *args)
{
    PyObject *o, *key;
    if (!PyArg_ParseTuple(args, "OO", &o, &key))
        return NULL;
    if (PyObject_DelItem(o, key) < 0)
        return NULL;
    Py_RETURN_NONE;
}

static PyObject *
dir_(PyObject *self, PyObject *o)
{
    return PyObject_Dir(o);
}

/* ---- conversions and predicates --------------------------------------- */

/* strings(o) -> (Repr, Str, ASCII) */
static PyObject *
strings(PyObject *self, PyObject *o)
{
    return Py_BuildValue("(NNN)", PyObject_Repr(o), PyObject_Str(o), PyObject_ASCII(o));
}

static PyObject *
bytes_(PyObject *self, PyObject *o)
{
    return PyObject_Bytes(o);
}

static PyObject *
format_(PyObject *self, PyObject *args)
{
    PyObject *o, *spec;
    if (!PyArg_ParseTuple(args, "OU", &o, &spec))
        return NULL;
    return PyObject_Format(o, spec);
}

static PyObject *
hash_(PyObject *self, PyObject *o)
{
    Py_hash_t h = PyObject_Hash(o);
    if (h == -1 && PyErr_Occurred())
        return NULL;
    return PyLong_FromSsize_t(h);
}

/* truth(o) -> (IsTrue, Not) */
static PyObject *
truth(PyObject *self, PyObject *o)
{
    int t = PyObject_IsTrue(o);
    if (t < 0)
        return NULL;
    int n = PyObject_Not(o);
    if (n < 0)
        return NULL;
    return Py_BuildValue("(NN)", PyBool_FromLong(t), PyBool_FromLong(n));
}

/* richcompare(a, b, op) -> (RichCompare result, RichCompareBool) */
static PyObject *
richcompare(PyObject *self, PyObject *args)
{
    PyObject *a, *b;
    int op;
    if (!PyArg_ParseTuple(args, "OOi", &a, &b, &op))
        return NULL;
    PyObject *r = PyObject_RichCompare(a, b, op);
    if (r == NULL)
        return NULL;
    int rb = PyObject_RichCompareBool(a, b, op);
    if (rb < 0) {
        Py_DECREF(r);
        return NULL;
    }
    return Py_BuildValue("(NN)", r, PyBool_FromLong(rb));
}

/* isinstance_(o, cls) -> (IsInstance, IsSubclass(type(o), cls), TypeCheck) */
static PyObject *
isinstance_(PyObject *self, PyObject *args)
{
    PyObject *o, *cls;
    if (!PyArg_ParseTuple(args, "OO", &o, &cls))
        return NULL;
    int inst = PyObject_IsInstance(o, cls);
    if (inst < 0)
        return NULL;
    int sub = PyObject_IsSubclass((PyObject *)Py_TYPE(o), cls);
    if (sub < 0)
        return NULL;
    int check = PyType_Check(cls) ? PyObject_TypeCheck(o, (PyTypeObject *)cls) : -1;
    return Py_BuildValue("(NNi)", PyBool_FromLong(inst), PyBool_FromLong(sub), check);
}

/* type_(o) -> (PyObject_Type(o), Py_TYPE(o) is it, Py_IS_TYPE) */
static PyObject *
type_(PyObject *self, PyObject *o)
{
    PyObject *t = PyObject_Type(o);
    if (t == NULL)
        return NULL;
    return Py_BuildValue("(NNN)", t, PyBool_FromLong((PyObject *)Py_TYPE(o) == t),
                         PyBool_FromLong(Py_IS_TYPE(o, (PyTypeObject *)t)));
}

static PyObject *
size_(PyObject *self, PyObject *o)
{
    Py_ssize_t n = PyObject_Size(o);
    if (n < 0)
        return NULL;
    if (PyObject_Length(o) != n) {
        PyErr_SetString(PyExc_AssertionError, "Size != Length");
        return NULL;
    }
    return PyLong_FromSsize_t(n);
}

static PyObject *
callable_check(PyObject *self, PyObject *o)
{
    return PyBool_FromLong(PyCallable_Check(o));
}

/* Py_Is / Py_IsNone / Py_IsTrue / Py_IsFalse */
static PyObject *
identity(PyObject *self, PyObject *args)
{
    PyObject *a, *b;
    if (!PyArg_ParseTuple(args, "OO", &a, &b))
        return NULL;
    return Py_BuildValue("(NNNN)", PyBool_FromLong(Py_Is(a, b)), PyBool_FromLong(Py_IsNone(a)),
                         PyBool_FromLong(Py_IsTrue(a)), PyBool_FromLong(Py_IsFalse(a)));
}

/* ---- calls ------------------------------------------------------------ */

/* call(callable, args, kwargs-or-None) through PyObject_Call. */
static PyObject *
call(PyObject *self, PyObject *args)
{
    PyObject *callable, *cargs, *kwargs;
    if (!PyArg_ParseTuple(args, "OO!O", &callable, &PyTuple_Type, &cargs, &kwargs))
        return NULL;
    return PyObject_Call(callable, cargs, kwargs == Py_None ? NULL : kwargs);
}

/* call_object(callable[, args]): NULL args means no arguments. */
static PyObject *
call_object(PyObject *self, PyObject *args)
{
    PyObject *callable, *cargs = NULL;
    if (!PyArg_ParseTuple(args, "O|O", &callable, &cargs))
        return NULL;
    return PyObject_CallObject(callable, cargs);
}

/* The formatted and the varargs-of-objects variants, one result each (all
 * are expected to succeed: a failure would leave the rest running with an
 * exception set):
 * [CallFunction "is", CallFunction "O" (a tuple spreads), CallFunction NULL,
 *  CallFunctionObjArgs, CallNoArgs, CallOneArg] */
static PyObject *
call_variants(PyObject *self, PyObject *args)
{
    PyObject *callable, *arg;
    if (!PyArg_ParseTuple(args, "OO", &callable, &arg))
        return NULL;
    return Py_BuildValue("[NNNNNN]", PyObject_CallFunction(callable, "is", 1, "two"),
                         PyObject_CallFunction(callable, "O", arg),
                         PyObject_CallFunction(callable, NULL),
                         PyObject_CallFunctionObjArgs(callable, arg, arg, NULL),
                         PyObject_CallNoArgs(callable), PyObject_CallOneArg(callable, arg));
}

/* [CallMethod "i", CallMethod NULL, CallMethodObjArgs, CallMethodNoArgs,
 *  CallMethodOneArg, VectorcallMethod] on obj.<name> */
static PyObject *
call_method_variants(PyObject *self, PyObject *args)
{
    PyObject *obj, *name, *arg;
    if (!PyArg_ParseTuple(args, "OUO", &obj, &name, &arg))
        return NULL;
    const char *cname = PyUnicode_AsUTF8(name);
    if (cname == NULL)
        return NULL;
    /* Vectorcall of a method: args[0] is self, and the offset flag lets the
     * callee use the slot before args[0]. */
    PyObject *vargs[3] = {NULL, obj, arg};
    PyObject *vm = PyObject_VectorcallMethod(name, vargs + 1,
                                             2 | PY_VECTORCALL_ARGUMENTS_OFFSET, NULL);
    return Py_BuildValue("[NNNNNN]", PyObject_CallMethod(obj, cname, "i", 7),
                         PyObject_CallMethod(obj, cname, NULL),
                         PyObject_CallMethodObjArgs(obj, name, arg, NULL),
                         PyObject_CallMethodNoArgs(obj, name),
                         PyObject_CallMethodOneArg(obj, name, arg), vm);
}

/* vectorcall(callable, positional-tuple, kwargs-dict): builds the flat
 * argument array and kwnames tuple the vectorcall protocol wants, calls it
 * both with PyObject_Vectorcall and PyObject_VectorcallDict. */
static PyObject *
vectorcall(PyObject *self, PyObject *args)
{
    PyObject *callable, *pos, *kw;
    if (!PyArg_ParseTuple(args, "OO!O!", &callable, &PyTuple_Type, &pos, &PyDict_Type, &kw))
        return NULL;
    Py_ssize_t npos = PyTuple_GET_SIZE(pos), nkw = PyDict_GET_SIZE(kw);
    /* One spare slot in front for PY_VECTORCALL_ARGUMENTS_OFFSET. */
    PyObject **buf = PyMem_Malloc(sizeof(PyObject *) * (size_t)(1 + npos + nkw));
    if (buf == NULL)
        return PyErr_NoMemory();
    PyObject **vargs = buf + 1;
    for (Py_ssize_t i = 0; i < npos; i++)
        vargs[i] = PyTuple_GET_ITEM(pos, i);
    PyObject *kwnames = nkw ? PyTuple_New(nkw) : NULL;
    if (nkw && kwnames == NULL) {
        PyMem_Free(buf);
        return NULL;
    }
    Py_ssize_t p = 0, j = 0;
    PyObject *k, *v;
    while (PyDict_Next(kw, &p, &k, &v)) {
        PyTuple_SET_ITEM(kwnames, j, Py_NewRef(k));
        vargs[npos + j] = v;
        j++;
    }
    PyObject *r1 = PyObject_Vectorcall(callable, vargs,
                                       (size_t)npos | PY_VECTORCALL_ARGUMENTS_OFFSET, kwnames);
    Py_XDECREF(kwnames);
    PyObject *r2 = r1 ? PyObject_VectorcallDict(callable, vargs, (size_t)npos, kw) : NULL;
    PyMem_Free(buf);
    if (r1 == NULL || r2 == NULL) {
        Py_XDECREF(r1);
        return NULL;
    }
    return Py_BuildValue("(NN)", r1, r2);
}

/* ---- iteration -------------------------------------------------------- */

/* iterate(o) -> list of the items PyIter_Next yields; an error raised by the
 * iterator propagates (PyIter_Next returns NULL with it set). */
static PyObject *
iterate(PyObject *self, PyObject *o)
{
    PyObject *it = PyObject_GetIter(o);
    if (it == NULL)
        return NULL;
    if (!PyIter_Check(it)) {
        Py_DECREF(it);
        PyErr_SetString(PyExc_AssertionError, "GetIter returned a non-iterator");
        return NULL;
    }
    PyObject *out = PyList_New(0);
    if (out == NULL) {
        Py_DECREF(it);
        return NULL;
    }
    PyObject *item;
    while ((item = PyIter_Next(it)) != NULL) {
        int rc = PyList_Append(out, item);
        Py_DECREF(item);
        if (rc < 0)
            break;
    }
    Py_DECREF(it);
    if (PyErr_Occurred()) {
        Py_DECREF(out);
        return NULL;
    }
    return out;
}

/* send(gen, values) drives a generator with PyIter_Send, returning
 * [(status, value), ...] until it returns or raises. */
static PyObject *
send(PyObject *self, PyObject *args)
{
    PyObject *gen, *values;
    if (!PyArg_ParseTuple(args, "OO!", &gen, &PyList_Type, &values))
        return NULL;
    PyObject *out = PyList_New(0);
    if (out == NULL)
        return NULL;
    for (Py_ssize_t i = 0; i < PyList_GET_SIZE(values); i++) {
        PyObject *result = NULL;
        PySendResult status = PyIter_Send(gen, PyList_GET_ITEM(values, i), &result);
        if (status == PYGEN_ERROR) {
            Py_DECREF(out);
            return NULL;
        }
        const char *tag = status == PYGEN_RETURN ? "return" : "next";
        PyObject *pair = Py_BuildValue("(sN)", tag, result);
        if (pair == NULL || PyList_Append(out, pair) < 0) {
            Py_XDECREF(pair);
            Py_DECREF(out);
            return NULL;
        }
        Py_DECREF(pair);
        if (status == PYGEN_RETURN)
            break;
    }
    return out;
}

/* ---- number protocol -------------------------------------------------- */

/* binary(a, b) -> dict of every binary PyNumber_* result by operator name;
 * an operation that raises maps to the exception's type name. */
static PyObject *
power2(PyObject *a, PyObject *b)
{
    return PyNumber_Power(a, b, Py_None);
}

static PyObject *
number_binary(PyObject *self, PyObject *args)
{
    PyObject *a, *b;
    if (!PyArg_ParseTuple(args, "OO", &a, &b))
        return NULL;
    static const struct {
        const char *name;
        PyObject *(*fn)(PyObject *, PyObject *);
    } ops[] = {
        {"add", PyNumber_Add},           {"sub", PyNumber_Subtract},
        {"mul", PyNumber_Multiply},      {"truediv", PyNumber_TrueDivide},
        {"floordiv", PyNumber_FloorDivide}, {"mod", PyNumber_Remainder},
        {"divmod", PyNumber_Divmod},     {"lshift", PyNumber_Lshift},
        {"rshift", PyNumber_Rshift},     {"and", PyNumber_And},
        {"or", PyNumber_Or},             {"xor", PyNumber_Xor},
        {"matmul", PyNumber_MatrixMultiply}, {"pow", power2},
    };
    PyObject *out = PyDict_New();
    if (out == NULL)
        return NULL;
    for (size_t i = 0; i < sizeof ops / sizeof ops[0]; i++) {
        PyObject *r = ops[i].fn(a, b);
        if (r == NULL) {
            PyObject *type, *value, *tb;
            PyErr_Fetch(&type, &value, &tb);
            r = PyObject_GetAttrString(type, "__name__");
            Py_XDECREF(type);
            Py_XDECREF(value);
            Py_XDECREF(tb);
            if (r == NULL)
                goto error;
        }
        int rc = PyDict_SetItemString(out, ops[i].name, r);
        Py_DECREF(r);
        if (rc < 0)
            goto error;
    }
    return out;
error:
    Py_DECREF(out);
    return NULL;
}

/* unary(a) -> (Negative, Positive, Absolute, Invert) */
static PyObject *
number_unary(PyObject *self, PyObject *a)
{
    return Py_BuildValue("(NNNN)", PyNumber_Negative(a), PyNumber_Positive(a),
                         PyNumber_Absolute(a), PyNumber_Invert(a));
}

static PyObject *
number_power_mod(PyObject *self, PyObject *args)
{
    PyObject *a, *b, *c;
    if (!PyArg_ParseTuple(args, "OOO", &a, &b, &c))
        return NULL;
    return PyNumber_Power(a, b, c);
}

/* conversions(o) -> (Index, Long, Float); each may raise */
static PyObject *
number_index(PyObject *self, PyObject *o)
{
    return PyNumber_Index(o);
}

static PyObject *
number_long(PyObject *self, PyObject *o)
{
    return PyNumber_Long(o);
}

static PyObject *
number_float(PyObject *self, PyObject *o)
{
    return PyNumber_Float(o);
}

/* as_ssize_t(o, clamp): with clamp, overflow saturates instead of raising. */
static PyObject *
number_as_ssize_t(PyObject *self, PyObject *args)
{
    PyObject *o;
    int clamp;
    if (!PyArg_ParseTuple(args, "Op", &o, &clamp))
        return NULL;
    Py_ssize_t v = PyNumber_AsSsize_t(o, clamp ? NULL : PyExc_OverflowError);
    if (v == -1 && PyErr_Occurred())
        return NULL;
    return PyLong_FromSsize_t(v);
}

static PyObject *
number_to_base(PyObject *self, PyObject *args)
{
    PyObject *o;
    int base;
    if (!PyArg_ParseTuple(args, "Oi", &o, &base))
        return NULL;
    return PyNumber_ToBase(o, base);
}

/* In-place operators return the result; for mutable operands it is the
 * operand itself. */
static PyObject *
number_inplace_add(PyObject *self, PyObject *args)
{
    PyObject *a, *b;
    if (!PyArg_ParseTuple(args, "OO", &a, &b))
        return NULL;
    return PyNumber_InPlaceAdd(a, b);
}

static PyObject *
number_inplace_multiply(PyObject *self, PyObject *args)
{
    PyObject *a, *b;
    if (!PyArg_ParseTuple(args, "OO", &a, &b))
        return NULL;
    return PyNumber_InPlaceMultiply(a, b);
}

static PyObject *
number_checks(PyObject *self, PyObject *o)
{
    return Py_BuildValue("(NN)", PyBool_FromLong(PyNumber_Check(o)),
                         PyBool_FromLong(PyIndex_Check(o)));
}

/* ---- sequence protocol ------------------------------------------------ */

/* seq_read(s) -> (Check, Size, GetItem(0), GetItem(-1), GetSlice(1, 3),
 *                 Contains(2), Count(2), Index(2) or -1, List, Tuple) */
static PyObject *
seq_read(PyObject *self, PyObject *s)
{
    int check = PySequence_Check(s);
    Py_ssize_t size = PySequence_Size(s);
    if (size < 0)
        return NULL;
    PyObject *two = PyLong_FromLong(2);
    if (two == NULL)
        return NULL;
    int contains = PySequence_Contains(s, two);
    Py_ssize_t count = PySequence_Count(s, two);
    Py_ssize_t index = contains > 0 ? PySequence_Index(s, two) : -1;
    Py_DECREF(two);
    if (contains < 0 || count < 0 || (contains > 0 && index < 0))
        return NULL;
    return Py_BuildValue("(NnNNNNnnNN)", PyBool_FromLong(check), size, PySequence_GetItem(s, 0),
                         PySequence_GetItem(s, -1), PySequence_GetSlice(s, 1, 3),
                         PyBool_FromLong(contains), count, index, PySequence_List(s),
                         PySequence_Tuple(s));
}

/* seq_write(s): s[0] = "first"; del s[-1]; s[1:2] = ("x", "y") -- all
 * through PySequence_*. */
static PyObject *
seq_write(PyObject *self, PyObject *s)
{
    PyObject *first = PyUnicode_FromString("first");
    PyObject *repl = Py_BuildValue("(ss)", "x", "y");
    int ok = first && repl && PySequence_SetItem(s, 0, first) == 0 &&
             PySequence_DelItem(s, -1) == 0 && PySequence_SetSlice(s, 1, 2, repl) == 0;
    Py_XDECREF(first);
    Py_XDECREF(repl);
    if (!ok)
        return NULL;
    Py_RETURN_NONE;
}

/* seq_arith(a, b) -> (Concat, Repeat(a, 3), InPlaceConcat(a, b)), computed
 * in that order: the in-place step may mutate `a`. */
static PyObject *
seq_arith(PyObject *self, PyObject *args)
{
    PyObject *a, *b;
    if (!PyArg_ParseTuple(args, "OO", &a, &b))
        return NULL;
    PyObject *concat = PySequence_Concat(a, b);
    if (concat == NULL)
        return NULL;
    PyObject *repeat = PySequence_Repeat(a, 3);
    if (repeat == NULL) {
        Py_DECREF(concat);
        return NULL;
    }
    return Py_BuildValue("(NNN)", concat, repeat, PySequence_InPlaceConcat(a, b));
}

/* ---- mapping protocol ------------------------------------------------- */

/* map_read(m) -> (Check, Size, GetItemString("a"), HasKey("a"),
 *                 HasKeyString("zz"), Keys, Values, Items) */
static PyObject *
map_read(PyObject *self, PyObject *m)
{
    int check = PyMapping_Check(m);
    Py_ssize_t size = PyMapping_Size(m);
    if (size < 0)
        return NULL;
    PyObject *a = PyUnicode_FromString("a");
    if (a == NULL)
        return NULL;
    int has_a = PyMapping_HasKey(m, a);
    Py_DECREF(a);
    int has_zz = PyMapping_HasKeyString(m, "zz");
    return Py_BuildValue("(NnNNNNNN)", PyBool_FromLong(check), size,
                         PyMapping_GetItemString(m, "a"), PyBool_FromLong(has_a),
                         PyBool_FromLong(has_zz), PyMapping_Keys(m), PyMapping_Values(m),
                         PyMapping_Items(m));
}

static PyObject *
map_set_string(PyObject *self, PyObject *args)
{
    PyObject *m, *v;
    const char *key;
    if (!PyArg_ParseTuple(args, "OsO", &m, &key, &v))
        return NULL;
    if (PyMapping_SetItemString(m, key, v) < 0)
        return NULL;
    Py_RETURN_NONE;
}

static PyMethodDef capi_object_methods[] = {
    {"getattr", getattr_, METH_VARARGS, NULL},
    {"getattr_string", getattr_string, METH_VARARGS, NULL},
    {"setattr", setattr_, METH_VARARGS, NULL},
    {"setattr_string", setattr_string, METH_VARARGS, NULL},
    {"delattr_string", delattr_string, METH_VARARGS, NULL},
    {"hasattr", hasattr_, METH_VARARGS, NULL},
    {"generic_getattr", generic_getattr, METH_VARARGS, NULL},
    {"getitem", getitem, METH_VARARGS, NULL},
    {"setitem", setitem, METH_VARARGS, NULL},
    {"delitem", delitem, METH_VARARGS, NULL},
    {"dir", dir_, METH_O, NULL},
    {"strings", strings, METH_O, NULL},
    {"bytes", bytes_, METH_O, NULL},
    {"format", format_, METH_VARARGS, NULL},
    {"hash", hash_, METH_O, NULL},
    {"truth", truth, METH_O, NULL},
    {"richcompare", richcompare, METH_VARARGS, NULL},
    {"isinstance", isinstance_, METH_VARARGS, NULL},
    {"type", type_, METH_O, NULL},
    {"size", size_, METH_O, NULL},
    {"callable_check", callable_check, METH_O, NULL},
    {"identity", identity, METH_VARARGS, NULL},
    {"call", call, METH_VARARGS, NULL},
    {"call_object", call_object, METH_VARARGS, NULL},
    {"call_variants", call_variants, METH_VARARGS, NULL},
    {"call_method_variants", call_method_variants, METH_VARARGS, NULL},
    {"vectorcall", vectorcall, METH_VARARGS, NULL},
    {"iterate", iterate, METH_O, NULL},
    {"send", send, METH_VARARGS, NULL},
    {"number_binary", number_binary, METH_VARARGS, NULL},
    {"number_unary", number_unary, METH_O, NULL},
    {"number_power_mod", number_power_mod, METH_VARARGS, NULL},
    {"number_index", number_index, METH_O, NULL},
    {"number_long", number_long, METH_O, NULL},
    {"number_float", number_float, METH_O, NULL},
    {"number_as_ssize_t", number_as_ssize_t, METH_VARARGS, NULL},
    {"number_to_base", number_to_base, METH_VARARGS, NULL},
    {"number_inplace_add", number_inplace_add, METH_VARARGS, NULL},
    {"number_inplace_multiply", number_inplace_multiply, METH_VARARGS, NULL},
    {"number_checks", number_checks, METH_O, NULL},
    {"seq_read", seq_read, METH_O, NULL},
    {"seq_write", seq_write, METH_O, NULL},
    {"seq_arith", seq_arith, METH_VARARGS, NULL},
    {"map_read", map_read, METH_O, NULL},
    {"map_set_string", map_set_string, METH_VARARGS, NULL},
    {NULL, NULL, 0, NULL},
};

static struct PyModuleDef capi_object_def = {
    PyModuleDef_HEAD_INIT,
    .m_name = "capi_object",
    .m_doc = "The object, call, iterator, number, sequence and mapping protocols.",
    .m_size = -1,
    .m_methods = capi_object_methods,
};

PyMODINIT_FUNC
PyInit_capi_object(void)
{
    PyObject *m = PyModule_Create(&capi_object_def);
    if (m == NULL)
        return NULL;
    /* The rich-comparison opcodes, so the driver need not hard-code them. */
    if (PyModule_AddIntMacro(m, Py_LT) < 0 || PyModule_AddIntMacro(m, Py_LE) < 0 ||
        PyModule_AddIntMacro(m, Py_EQ) < 0 || PyModule_AddIntMacro(m, Py_NE) < 0 ||
        PyModule_AddIntMacro(m, Py_GT) < 0 || PyModule_AddIntMacro(m, Py_GE) < 0) {
        Py_DECREF(m);
        return NULL;
    }
    return m;
}
