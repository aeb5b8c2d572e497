/* capi_containers: tuple, list, dict and set from C.
 *
 * Functions and macros side by side (PyTuple_SetItem / PyTuple_SET_ITEM,
 * PyList_GetItem / PyList_GET_ITEM, ...), the reference conventions each one
 * has (SetItem steals, GetItem borrows), and borrowed references kept across
 * a call back into Python that allocates and collects: the owner is alive,
 * so the borrowed pointer must still name the same object.  Lists and dicts
 * are mutated from C and from Python in turn; each side must see the other's
 * changes.  Driver: test_capi_containers.py.
 */
#define PY_SSIZE_T_CLEAN
#include <Python.h>

/* ---- tuple ------------------------------------------------------------ */

/* tuple_build(a, b) -> ((a, b) by SET_ITEM, (a, b) by SetItem, Pack(a, b),
 * an empty tuple) */
static PyObject *
tuple_build(PyObject *self, PyObject *args)
{
    PyObject *a, *b;
    if (!PyArg_ParseTuple(args, "OO", &a, &b))
        return NULL;
    PyObject *t1 = PyTuple_New(2);
    if (t1 == NULL)
        return NULL;
    PyTuple_SET_ITEM(t1, 0, Py_NewRef(a)); /* steals */
    PyTuple_SET_ITEM(t1, 1, Py_NewRef(b));
    PyObject *t2 = PyTuple_New(2);
    if (t2 == NULL) {
        Py_DECREF(t1);
        return NULL;
    }
    if (PyTuple_SetItem(t2, 0, Py_NewRef(a)) < 0 || PyTuple_SetItem(t2, 1, Py_NewRef(b)) < 0) {
        Py_DECREF(t1);
        Py_DECREF(t2);
        return NULL;
    }
    return Py_BuildValue("(NNNN)", t1, t2, PyTuple_Pack(2, a, b), PyTuple_New(0));
}

/* tuple_read(t, i) -> (GetItem(i) borrowed, GET_ITEM(i), Size, GET_SIZE). */
static PyObject *
tuple_read(PyObject *self, PyObject *args)
{
    PyObject *t;
    Py_ssize_t i;
    if (!PyArg_ParseTuple(args, "On", &t, &i))
        return NULL;
    PyObject *item = PyTuple_GetItem(t, i);
    if (item == NULL)
        return NULL;
    Py_ssize_t size = PyTuple_Size(t);
    if (size < 0)
        return NULL;
    return Py_BuildValue("(OOnn)", item, PyTuple_GET_ITEM(t, i), size, PyTuple_GET_SIZE(t));
}

/* PyTuple_SetItem steals its item even when it fails. */
static PyObject *
tuple_set_out_of_range(PyObject *self, PyObject *unused)
{
    PyObject *t = PyTuple_New(1);
    if (t == NULL)
        return NULL;
    PyTuple_SET_ITEM(t, 0, Py_NewRef(Py_None));
    int rc = PyTuple_SetItem(t, 5, PyLong_FromLong(1));
    Py_DECREF(t);
    if (rc == 0) {
        PyErr_SetString(PyExc_AssertionError, "PyTuple_SetItem accepted index 5");
        return NULL;
    }
    return NULL; /* the IndexError */
}

static PyObject *
tuple_slice(PyObject *self, PyObject *args)
{
    PyObject *t;
    Py_ssize_t lo, hi;
    if (!PyArg_ParseTuple(args, "Onn", &t, &lo, &hi))
        return NULL;
    return PyTuple_GetSlice(t, lo, hi);
}

/* ---- list ------------------------------------------------------------- */

/* list_build(n) -> [0, 1, ..., n-1] made with PyList_New + SET_ITEM, then
 * Append(n), Insert(0, -1), SetItem(1, "set"). */
static PyObject *
list_build(PyObject *self, PyObject *arg)
{
    Py_ssize_t n = PyLong_AsSsize_t(arg);
    if (n == -1 && PyErr_Occurred())
        return NULL;
    PyObject *list = PyList_New(n);
    if (list == NULL)
        return NULL;
    for (Py_ssize_t i = 0; i < n; i++) {
        PyObject *v = PyLong_FromSsize_t(i);
        if (v == NULL) {
            Py_DECREF(list);
            return NULL;
        }
        PyList_SET_ITEM(list, i, v);
    }
    PyObject *tail = PyLong_FromSsize_t(n);
    PyObject *head = PyLong_FromLong(-1);
    int ok = tail != NULL && head != NULL && PyList_Append(list, tail) == 0 &&
             PyList_Insert(list, 0, head) == 0 &&
             PyList_SetItem(list, 1, PyUnicode_FromString("set")) == 0;
    Py_XDECREF(tail); /* Append and Insert do not steal */
    Py_XDECREF(head);
    if (!ok) {
        Py_DECREF(list);
        return NULL;
    }
    return list;
}

/* list_read(l, i) -> (GetItem, GET_ITEM, Size, GET_SIZE) */
static PyObject *
list_read(PyObject *self, PyObject *args)
{
    PyObject *l;
    Py_ssize_t i;
    if (!PyArg_ParseTuple(args, "O!n", &PyList_Type, &l, &i))
        return NULL;
    PyObject *item = PyList_GetItem(l, i);
    if (item == NULL)
        return NULL;
    return Py_BuildValue("(OOnn)", item, PyList_GET_ITEM(l, i), PyList_Size(l),
                         PyList_GET_SIZE(l));
}

/* Replace items through the macro: the old item's reference is C's to drop. */
static PyObject *
list_set_macro(PyObject *self, PyObject *args)
{
    PyObject *l, *v;
    Py_ssize_t i;
    if (!PyArg_ParseTuple(args, "O!nO", &PyList_Type, &l, &i, &v))
        return NULL;
    if (i < 0 || i >= PyList_GET_SIZE(l)) {
        PyErr_SetString(PyExc_IndexError, "list_set_macro: index out of range");
        return NULL;
    }
    PyObject *old = PyList_GET_ITEM(l, i);
    PyList_SET_ITEM(l, i, Py_NewRef(v));
    Py_DECREF(old);
    Py_RETURN_NONE;
}

static PyObject *
list_set_item(PyObject *self, PyObject *args)
{
    PyObject *l, *v;
    Py_ssize_t i;
    if (!PyArg_ParseTuple(args, "OnO", &l, &i, &v))
        return NULL;
    if (PyList_SetItem(l, i, Py_NewRef(v)) < 0)
        return NULL;
    Py_RETURN_NONE;
}

/* Sum of the ints in a list, read through the macros only. */
static PyObject *
list_sum_macro(PyObject *self, PyObject *l)
{
    if (!PyList_Check(l)) {
        PyErr_SetString(PyExc_TypeError, "list_sum_macro: need a list");
        return NULL;
    }
    long total = 0;
    for (Py_ssize_t i = 0; i < PyList_GET_SIZE(l); i++) {
        long v = PyLong_AsLong(PyList_GET_ITEM(l, i));
        if (v == -1 && PyErr_Occurred())
            return NULL;
        total += v;
    }
    return PyLong_FromLong(total);
}

/* list_ops(l) -> (GetSlice(1, 3), AsTuple); then Sort, Reverse,
 * SetSlice(0, 1, NULL) in place, in that order. */
static PyObject *
list_ops(PyObject *self, PyObject *l)
{
    PyObject *slice = PyList_GetSlice(l, 1, 3);
    if (slice == NULL)
        return NULL;
    PyObject *tuple = PyList_AsTuple(l);
    if (tuple == NULL) {
        Py_DECREF(slice);
        return NULL;
    }
    if (PyList_Sort(l) < 0 || PyList_Reverse(l) < 0 || PyList_SetSlice(l, 0, 1, NULL) < 0) {
        Py_DECREF(slice);
        Py_DECREF(tuple);
        return NULL;
    }
    return Py_BuildValue("(NN)", slice, tuple);
}

/* Replace l[lo:hi] with the items of `v` (a list). */
static PyObject *
list_set_slice(PyObject *self, PyObject *args)
{
    PyObject *l, *v;
    Py_ssize_t lo, hi;
    if (!PyArg_ParseTuple(args, "OnnO", &l, &lo, &hi, &v))
        return NULL;
    if (PyList_SetSlice(l, lo, hi, v == Py_None ? NULL : v) < 0)
        return NULL;
    Py_RETURN_NONE;
}

/* list_view(l) -> (PyList_GET_SIZE(l), tuple of the PyList_GET_ITEM items) */
static PyObject *
list_view(PyObject *l)
{
    Py_ssize_t n = PyList_GET_SIZE(l);
    PyObject *items = PyTuple_New(n);
    if (items == NULL)
        return NULL;
    for (Py_ssize_t i = 0; i < n; i++)
        PyTuple_SET_ITEM(items, i, Py_NewRef(PyList_GET_ITEM(l, i)));
    return Py_BuildValue("(nN)", n, items);
}

/* list_view_around(l, fn) -> (view before, view after fn()): C keeps using
 * its pointer to l while Python code in fn mutates the list. */
static PyObject *
list_view_around(PyObject *self, PyObject *args)
{
    PyObject *l, *fn;
    if (!PyArg_ParseTuple(args, "O!O", &PyList_Type, &l, &fn))
        return NULL;
    PyObject *before = list_view(l);
    if (before == NULL)
        return NULL;
    PyObject *r = PyObject_CallNoArgs(fn);
    if (r == NULL) {
        Py_DECREF(before);
        return NULL;
    }
    Py_DECREF(r);
    PyObject *after = list_view(l);
    if (after == NULL) {
        Py_DECREF(before);
        return NULL;
    }
    return Py_BuildValue("(NN)", before, after);
}

/* A list C keeps between calls (as an extension object keeps a field). */
static PyObject *stashed_list;

static PyObject *
list_stash(PyObject *self, PyObject *l)
{
    if (!PyList_Check(l)) {
        PyErr_SetString(PyExc_TypeError, "list_stash: need a list");
        return NULL;
    }
    Py_XSETREF(stashed_list, Py_NewRef(l));
    Py_RETURN_NONE;
}

static PyObject *
list_stash_view(PyObject *self, PyObject *unused)
{
    if (stashed_list == NULL)
        Py_RETURN_NONE;
    return list_view(stashed_list);
}

/* list_stash_set(i, v): stashed[i] = v through the macro. */
static PyObject *
list_stash_set(PyObject *self, PyObject *args)
{
    Py_ssize_t i;
    PyObject *v;
    if (!PyArg_ParseTuple(args, "nO", &i, &v))
        return NULL;
    if (stashed_list == NULL || i < 0 || i >= PyList_GET_SIZE(stashed_list)) {
        PyErr_SetString(PyExc_IndexError, "list_stash_set: index out of range");
        return NULL;
    }
    PyObject *old = PyList_GET_ITEM(stashed_list, i);
    PyList_SET_ITEM(stashed_list, i, Py_NewRef(v));
    Py_DECREF(old);
    Py_RETURN_NONE;
}

/* The stashed list's items, each wrapped in a new 1-tuple built with
 * SET_ITEM, written back with the macro: C-made objects stored by macro. */
static PyObject *
list_stash_wrap(PyObject *self, PyObject *unused)
{
    if (stashed_list == NULL)
        Py_RETURN_NONE;
    for (Py_ssize_t i = 0; i < PyList_GET_SIZE(stashed_list); i++) {
        PyObject *t = PyTuple_New(1);
        if (t == NULL)
            return NULL;
        PyObject *old = PyList_GET_ITEM(stashed_list, i);
        PyTuple_SET_ITEM(t, 0, old); /* the list's reference moves into t */
        PyList_SET_ITEM(stashed_list, i, t);
    }
    Py_RETURN_NONE;
}

static PyObject *
list_stash_drop(PyObject *self, PyObject *unused)
{
    Py_CLEAR(stashed_list);
    Py_RETURN_NONE;
}

/* Cython's inlined list.append: store into the spare room and grow ob_size
 * when there is room (and the list is more than half full), else call
 * PyList_Append.  Returns True when the fast path was taken. */
static PyObject *
list_fast_append(PyObject *self, PyObject *args)
{
    PyObject *l, *v;
    if (!PyArg_ParseTuple(args, "O!O", &PyList_Type, &l, &v))
        return NULL;
    PyListObject *L = (PyListObject *)l;
    Py_ssize_t n = PyList_GET_SIZE(l);
    if (L->allocated > n && n > (L->allocated >> 1)) {
        PyList_SET_ITEM(l, n, Py_NewRef(v));
        Py_SET_SIZE(l, n + 1);
        Py_RETURN_TRUE;
    }
    if (PyList_Append(l, v) < 0)
        return NULL;
    Py_RETURN_FALSE;
}

/* Cython's inlined list.pop(): shrink ob_size and take over the last
 * item's reference when the list stays more than half full, else call the
 * method. */
static PyObject *
list_fast_pop(PyObject *self, PyObject *l)
{
    if (!PyList_Check(l)) {
        PyErr_SetString(PyExc_TypeError, "list_fast_pop: need a list");
        return NULL;
    }
    Py_ssize_t n = PyList_GET_SIZE(l);
    if (n > (((PyListObject *)l)->allocated >> 1)) {
        Py_SET_SIZE(l, n - 1);
        return PyList_GET_ITEM(l, n - 1);
    }
    return PyObject_CallMethod(l, "pop", NULL);
}

/* ---- borrowed references across allocation ---------------------------- */

/* hold_borrowed(container, key, churn): take a borrowed reference to
 * container[key] (list or tuple index, or dict key), call churn() -- which
 * allocates and collects -- then return the borrowed object.  The container
 * owns the item throughout, so the pointer must still be good. */
static PyObject *
hold_borrowed(PyObject *self, PyObject *args)
{
    PyObject *container, *key, *churn;
    if (!PyArg_ParseTuple(args, "OOO", &container, &key, &churn))
        return NULL;
    PyObject *item;
    if (PyDict_Check(container)) {
        item = PyDict_GetItemWithError(container, key);
        if (item == NULL) {
            if (!PyErr_Occurred())
                PyErr_SetObject(PyExc_KeyError, key);
            return NULL;
        }
    }
    else {
        Py_ssize_t i = PyLong_AsSsize_t(key);
        if (i == -1 && PyErr_Occurred())
            return NULL;
        item = PyList_Check(container) ? PyList_GetItem(container, i)
                                       : PyTuple_GetItem(container, i);
        if (item == NULL)
            return NULL;
    }
    /* Only the header is checked afterwards: a borrowed reference says
     * nothing about ob_refcnt (Tern counts C's references only, so it may
     * well be 0), but the type must still be the one the item had. */
    PyTypeObject *type_before = Py_TYPE(item);
    PyObject *r = PyObject_CallNoArgs(churn);
    if (r == NULL)
        return NULL;
    Py_DECREF(r);
    if (Py_TYPE(item) != type_before) {
        PyErr_SetString(PyExc_AssertionError, "borrowed item changed type: it died");
        return NULL;
    }
    return Py_NewRef(item);
}

/* PySequence_Fast_ITEMS over a list or a tuple: the raw item array. */
static PyObject *
fast_items(PyObject *self, PyObject *seq)
{
    PyObject *fast = PySequence_Fast(seq, "fast_items: need a sequence");
    if (fast == NULL)
        return NULL;
    Py_ssize_t n = PySequence_Fast_GET_SIZE(fast);
    PyObject **items = PySequence_Fast_ITEMS(fast);
    PyObject *out = PyList_New(n);
    if (out == NULL) {
        Py_DECREF(fast);
        return NULL;
    }
    for (Py_ssize_t i = 0; i < n; i++)
        PyList_SET_ITEM(out, i, Py_NewRef(items[i]));
    Py_DECREF(fast);
    return out;
}

/* ---- dict ------------------------------------------------------------- */

static PyObject *
dict_build(PyObject *self, PyObject *unused)
{
    PyObject *d = PyDict_New();
    if (d == NULL)
        return NULL;
    PyObject *k = PyLong_FromLong(1);
    PyObject *v = PyUnicode_FromString("one");
    int ok = k && v && PyDict_SetItem(d, k, v) == 0 &&
             PyDict_SetItemString(d, "two", v) == 0 &&
             PyDict_SetItemString(d, "three", Py_None) == 0 &&
             PyDict_DelItemString(d, "three") == 0;
    Py_XDECREF(k);
    Py_XDECREF(v);
    if (!ok) {
        Py_DECREF(d);
        return NULL;
    }
    return d;
}

/* dict_get(d, key) -> (GetItem or None, GetItemWithError or None,
 * Contains); GetItem swallows errors, GetItemWithError reports them. */
static PyObject *
dict_get(PyObject *self, PyObject *args)
{
    PyObject *d, *key;
    if (!PyArg_ParseTuple(args, "O!O", &PyDict_Type, &d, &key))
        return NULL;
    PyObject *quiet = PyDict_GetItem(d, key);
    if (PyErr_Occurred()) {
        PyErr_SetString(PyExc_AssertionError, "PyDict_GetItem left an error set");
        return NULL;
    }
    PyObject *loud = PyDict_GetItemWithError(d, key);
    if (loud == NULL && PyErr_Occurred())
        return NULL;
    int contains = PyDict_Contains(d, key);
    if (contains < 0)
        return NULL;
    return Py_BuildValue("(OON)", quiet ? quiet : Py_None, loud ? loud : Py_None,
                         PyBool_FromLong(contains));
}

static PyObject *
dict_get_string(PyObject *self, PyObject *args)
{
    PyObject *d;
    const char *key;
    if (!PyArg_ParseTuple(args, "O!s", &PyDict_Type, &d, &key))
        return NULL;
    PyObject *v = PyDict_GetItemString(d, key);
    return Py_NewRef(v ? v : Py_None);
}

static PyObject *
dict_del(PyObject *self, PyObject *args)
{
    PyObject *d, *key;
    if (!PyArg_ParseTuple(args, "OO", &d, &key))
        return NULL;
    if (PyDict_DelItem(d, key) < 0)
        return NULL;
    Py_RETURN_NONE;
}

/* dict_next(d) -> [(key, value), ...] in PyDict_Next order, checking that
 * the position cursor only moves forward. */
static PyObject *
dict_next(PyObject *self, PyObject *d)
{
    if (!PyDict_Check(d)) {
        PyErr_SetString(PyExc_TypeError, "dict_next: need a dict");
        return NULL;
    }
    PyObject *out = PyList_New(0);
    if (out == NULL)
        return NULL;
    Py_ssize_t pos = 0, last = 0;
    PyObject *key, *value;
    while (PyDict_Next(d, &pos, &key, &value)) {
        if (pos <= last) {
            Py_DECREF(out);
            PyErr_SetString(PyExc_AssertionError, "PyDict_Next did not advance pos");
            return NULL;
        }
        last = pos;
        PyObject *pair = PyTuple_Pack(2, key, value);
        if (pair == NULL || PyList_Append(out, pair) < 0) {
            Py_XDECREF(pair);
            Py_DECREF(out);
            return NULL;
        }
        Py_DECREF(pair);
    }
    return out;
}

/* Replacing values during PyDict_Next is allowed (the key set is fixed):
 * every value becomes value * 10. */
static PyObject *
dict_scale_values(PyObject *self, PyObject *d)
{
    Py_ssize_t pos = 0;
    PyObject *key, *value;
    while (PyDict_Next(d, &pos, &key, &value)) {
        PyObject *ten = PyLong_FromLong(10);
        PyObject *scaled = ten ? PyNumber_Multiply(value, ten) : NULL;
        Py_XDECREF(ten);
        if (scaled == NULL)
            return NULL;
        int rc = PyDict_SetItem(d, key, scaled);
        Py_DECREF(scaled);
        if (rc < 0)
            return NULL;
    }
    Py_RETURN_NONE;
}

/* dict_views(d) -> (Keys, Values, Items, Size, Copy) */
static PyObject *
dict_views(PyObject *self, PyObject *d)
{
    return Py_BuildValue("(NNNnN)", PyDict_Keys(d), PyDict_Values(d), PyDict_Items(d),
                         PyDict_Size(d), PyDict_Copy(d));
}

/* dict_merge(a, b, override) merges b into a with PyDict_Merge and returns a;
 * dict_update(a, b) uses PyDict_Update. */
static PyObject *
dict_merge(PyObject *self, PyObject *args)
{
    PyObject *a, *b;
    int override;
    if (!PyArg_ParseTuple(args, "OOp", &a, &b, &override))
        return NULL;
    if (PyDict_Merge(a, b, override) < 0)
        return NULL;
    return Py_NewRef(a);
}

static PyObject *
dict_update(PyObject *self, PyObject *args)
{
    PyObject *a, *b;
    if (!PyArg_ParseTuple(args, "OO", &a, &b))
        return NULL;
    if (PyDict_Update(a, b) < 0)
        return NULL;
    return Py_NewRef(a);
}

static PyObject *
dict_merge_seq2(PyObject *self, PyObject *args)
{
    PyObject *a, *seq;
    if (!PyArg_ParseTuple(args, "OO", &a, &seq))
        return NULL;
    if (PyDict_MergeFromSeq2(a, seq, 1) < 0)
        return NULL;
    return Py_NewRef(a);
}

/* PyDict_SetDefault returns a borrowed reference to what is now stored. */
static PyObject *
dict_setdefault(PyObject *self, PyObject *args)
{
    PyObject *d, *k, *v;
    if (!PyArg_ParseTuple(args, "OOO", &d, &k, &v))
        return NULL;
    PyObject *stored = PyDict_SetDefault(d, k, v);
    return Py_XNewRef(stored);
}

/* PyDict_GET_SIZE reads ma_used straight from the proxy: it must follow
 * mutations made from Python. */
static PyObject *
dict_size_macro(PyObject *self, PyObject *d)
{
    if (!PyDict_Check(d)) {
        PyErr_SetString(PyExc_TypeError, "dict_size_macro: need a dict");
        return NULL;
    }
    return PyLong_FromSsize_t(PyDict_GET_SIZE(d));
}

static PyObject *
dict_clear(PyObject *self, PyObject *d)
{
    PyDict_Clear(d);
    Py_RETURN_NONE;
}

/* ---- set -------------------------------------------------------------- */

/* set_ops(iterable) -> (the set made from it, Size after Add(99),
 * Contains(99), Discard(99) result, Contains(99) after it, an empty
 * PySet_New(NULL), a frozenset of the items including 99) */
static PyObject *
set_ops(PyObject *self, PyObject *iterable)
{
    PyObject *s = PySet_New(iterable);
    if (s == NULL)
        return NULL;
    PyObject *k = PyLong_FromLong(99);
    if (k == NULL || PySet_Add(s, k) < 0) {
        Py_XDECREF(k);
        Py_DECREF(s);
        return NULL;
    }
    Py_ssize_t size = PySet_Size(s);
    int before = PySet_Contains(s, k);
    PyObject *frozen = PyFrozenSet_New(s); /* a snapshot that includes 99 */
    int discarded = PySet_Discard(s, k);
    int after = PySet_Contains(s, k);
    Py_DECREF(k);
    if (frozen == NULL || before < 0 || discarded < 0 || after < 0) {
        Py_XDECREF(frozen);
        Py_DECREF(s);
        return NULL;
    }
    return Py_BuildValue("(NnNNNNN)", s, size, PyBool_FromLong(before),
                         PyBool_FromLong(discarded), PyBool_FromLong(after), PySet_New(NULL),
                         frozen);
}

/* set_pop_all(s) pops every item with PySet_Pop, then checks Size is 0. */
static PyObject *
set_pop_all(PyObject *self, PyObject *s)
{
    PyObject *out = PyList_New(0);
    if (out == NULL)
        return NULL;
    while (PySet_GET_SIZE(s) > 0) {
        PyObject *item = PySet_Pop(s);
        if (item == NULL || PyList_Append(out, item) < 0) {
            Py_XDECREF(item);
            Py_DECREF(out);
            return NULL;
        }
        Py_DECREF(item);
    }
    return out;
}

static PyObject *
set_contains(PyObject *self, PyObject *args)
{
    PyObject *s, *k;
    if (!PyArg_ParseTuple(args, "OO", &s, &k))
        return NULL;
    int r = PySet_Contains(s, k);
    if (r < 0)
        return NULL;
    return PyBool_FromLong(r);
}

static PyObject *
set_clear(PyObject *self, PyObject *s)
{
    if (PySet_Clear(s) < 0)
        return NULL;
    Py_RETURN_NONE;
}

static PyMethodDef capi_containers_methods[] = {
    {"tuple_build", tuple_build, METH_VARARGS, NULL},
    {"tuple_read", tuple_read, METH_VARARGS, NULL},
    {"tuple_set_out_of_range", tuple_set_out_of_range, METH_NOARGS, NULL},
    {"tuple_slice", tuple_slice, METH_VARARGS, NULL},
    {"list_build", list_build, METH_O, NULL},
    {"list_read", list_read, METH_VARARGS, NULL},
    {"list_set_macro", list_set_macro, METH_VARARGS, NULL},
    {"list_set_item", list_set_item, METH_VARARGS, NULL},
    {"list_sum_macro", list_sum_macro, METH_O, NULL},
    {"list_ops", list_ops, METH_O, NULL},
    {"list_set_slice", list_set_slice, METH_VARARGS, NULL},
    {"list_view_around", list_view_around, METH_VARARGS, NULL},
    {"list_stash", list_stash, METH_O, NULL},
    {"list_stash_view", list_stash_view, METH_NOARGS, NULL},
    {"list_stash_set", list_stash_set, METH_VARARGS, NULL},
    {"list_stash_wrap", list_stash_wrap, METH_NOARGS, NULL},
    {"list_stash_drop", list_stash_drop, METH_NOARGS, NULL},
    {"list_fast_append", list_fast_append, METH_VARARGS, NULL},
    {"list_fast_pop", list_fast_pop, METH_O, NULL},
    {"hold_borrowed", hold_borrowed, METH_VARARGS, NULL},
    {"fast_items", fast_items, METH_O, NULL},
    {"dict_build", dict_build, METH_NOARGS, NULL},
    {"dict_get", dict_get, METH_VARARGS, NULL},
    {"dict_get_string", dict_get_string, METH_VARARGS, NULL},
    {"dict_del", dict_del, METH_VARARGS, NULL},
    {"dict_next", dict_next, METH_O, NULL},
    {"dict_scale_values", dict_scale_values, METH_O, NULL},
    {"dict_views", dict_views, METH_O, NULL},
    {"dict_merge", dict_merge, METH_VARARGS, NULL},
    {"dict_update", dict_update, METH_VARARGS, NULL},
    {"dict_merge_seq2", dict_merge_seq2, METH_VARARGS, NULL},
    {"dict_setdefault", dict_setdefault, METH_VARARGS, NULL},
    {"dict_size_macro", dict_size_macro, METH_O, NULL},
    {"dict_clear", dict_clear, METH_O, NULL},
    {"set_ops", set_ops, METH_O, NULL},
    {"set_pop_all", set_pop_all, METH_O, NULL},
    {"set_contains", set_contains, METH_VARARGS, NULL},
    {"set_clear", set_clear, METH_O, NULL},
    {NULL, NULL, 0, NULL},
};

static struct PyModuleDef capi_containers_def = {
    PyModuleDef_HEAD_INIT,
    .m_name = "capi_containers",
    .m_doc = "tuple, list, dict and set from C.",
    .m_size = -1,
    .m_methods = capi_containers_methods,
};

PyMODINIT_FUNC
PyInit_capi_containers(void)
{
    return PyModule_Create(&capi_containers_def);
}
