/* unicodeobject.h — str.
 *
 * ABI (PEP 393, as CPython 3.11 lays it out):
 *   PyASCIIObject           48 bytes: length @16, hash @24, state @32 (a
 *                           32-bit bitfield), wstr @40.  Compact ASCII text
 *                           follows the struct directly.
 *   PyCompactUnicodeObject  72 bytes: adds utf8_length @48, utf8 @56,
 *                           wstr_length @64.  Compact non-ASCII text
 *                           follows it.
 *   PyUnicodeObject         80 bytes: adds data @72 for the legacy,
 *                           non-compact form (separately allocated text).
 * state packs interned (bits 0-1), kind (bits 2-4: 1, 2 or 4 bytes per
 * code point), compact (bit 5), ascii (bit 6) and ready (bit 7).  The
 * accessors below are inline and read these fields directly, so a str
 * proxy is materialised once in exactly this form (DESIGN.md §6); the
 * runtime only builds compact, ready strings. */
#ifndef Py_UNICODEOBJECT_H
#define Py_UNICODEOBJECT_H

#include <stdarg.h>

#ifdef __cplusplus
extern "C" {
#endif

/* Code unit types of the three representations. */
typedef uint32_t Py_UCS4;
typedef uint16_t Py_UCS2;
typedef uint8_t Py_UCS1;

/* The pre-PEP-393 code unit, still the element type of wstr. */
typedef wchar_t Py_UNICODE;
#define Py_USING_UNICODE

PyAPI_DATA(PyTypeObject) PyUnicode_Type;
PyAPI_DATA(PyTypeObject) PyUnicodeIter_Type;

#define PyUnicode_Check(op)                                                   \
    PyType_FastSubclass(Py_TYPE(op), Py_TPFLAGS_UNICODE_SUBCLASS)
#define PyUnicode_CheckExact(op) Py_IS_TYPE((op), &PyUnicode_Type)

/* ======================================================================
 * Creation, access and interning
 * ====================================================================== */

PyAPI_FUNC(PyObject *) PyUnicode_FromStringAndSize(const char *u,
                                                   Py_ssize_t size);
PyAPI_FUNC(PyObject *) PyUnicode_FromString(const char *u);
PyAPI_FUNC(PyObject *) PyUnicode_Substring(PyObject *str, Py_ssize_t start,
                                           Py_ssize_t end);
PyAPI_FUNC(Py_UCS4 *) PyUnicode_AsUCS4(PyObject *unicode, Py_UCS4 *buffer,
                                       Py_ssize_t buflen, int copy_null);
PyAPI_FUNC(Py_UCS4 *) PyUnicode_AsUCS4Copy(PyObject *unicode);
PyAPI_FUNC(Py_ssize_t) PyUnicode_GetLength(PyObject *unicode);
Py_DEPRECATED(3.3) PyAPI_FUNC(Py_ssize_t) PyUnicode_GetSize(PyObject *unicode);
PyAPI_FUNC(Py_UCS4) PyUnicode_ReadChar(PyObject *unicode, Py_ssize_t index);
PyAPI_FUNC(int) PyUnicode_WriteChar(PyObject *unicode, Py_ssize_t index,
                                    Py_UCS4 character);
PyAPI_FUNC(int) PyUnicode_Resize(PyObject **unicode, Py_ssize_t length);
PyAPI_FUNC(PyObject *) PyUnicode_FromEncodedObject(PyObject *obj,
                                                   const char *encoding,
                                                   const char *errors);
PyAPI_FUNC(PyObject *) PyUnicode_FromObject(PyObject *obj);
PyAPI_FUNC(PyObject *) PyUnicode_FromFormatV(const char *format,
                                             va_list vargs);
PyAPI_FUNC(PyObject *) PyUnicode_FromFormat(const char *format, ...);
PyAPI_FUNC(void) PyUnicode_InternInPlace(PyObject **);
PyAPI_FUNC(PyObject *) PyUnicode_InternFromString(const char *u);
Py_DEPRECATED(3.10) PyAPI_FUNC(void) PyUnicode_InternImmortal(PyObject **);
PyAPI_FUNC(PyObject *) PyUnicode_FromWideChar(const wchar_t *w,
                                              Py_ssize_t size);
PyAPI_FUNC(Py_ssize_t) PyUnicode_AsWideChar(PyObject *unicode, wchar_t *w,
                                            Py_ssize_t size);
PyAPI_FUNC(wchar_t *) PyUnicode_AsWideCharString(PyObject *unicode,
                                                 Py_ssize_t *size);
PyAPI_FUNC(PyObject *) PyUnicode_FromOrdinal(int ordinal);
PyAPI_FUNC(const char *) PyUnicode_GetDefaultEncoding(void);

/* ======================================================================
 * Codecs
 * ====================================================================== */

PyAPI_FUNC(PyObject *) PyUnicode_Decode(const char *s, Py_ssize_t size,
                                        const char *encoding,
                                        const char *errors);
PyAPI_FUNC(PyObject *) PyUnicode_AsEncodedString(PyObject *unicode,
                                                 const char *encoding,
                                                 const char *errors);
Py_DEPRECATED(3.6) PyAPI_FUNC(PyObject *) PyUnicode_AsDecodedObject(
    PyObject *unicode, const char *encoding, const char *errors);
Py_DEPRECATED(3.6) PyAPI_FUNC(PyObject *) PyUnicode_AsDecodedUnicode(
    PyObject *unicode, const char *encoding, const char *errors);
Py_DEPRECATED(3.6) PyAPI_FUNC(PyObject *) PyUnicode_AsEncodedObject(
    PyObject *unicode, const char *encoding, const char *errors);
Py_DEPRECATED(3.6) PyAPI_FUNC(PyObject *) PyUnicode_AsEncodedUnicode(
    PyObject *unicode, const char *encoding, const char *errors);
PyAPI_FUNC(PyObject *) PyUnicode_BuildEncodingMap(PyObject *string);

PyAPI_FUNC(PyObject *) PyUnicode_DecodeUTF7(const char *string,
                                            Py_ssize_t length,
                                            const char *errors);
PyAPI_FUNC(PyObject *) PyUnicode_DecodeUTF7Stateful(const char *string,
                                                    Py_ssize_t length,
                                                    const char *errors,
                                                    Py_ssize_t *consumed);
PyAPI_FUNC(PyObject *) PyUnicode_DecodeUTF8(const char *string,
                                            Py_ssize_t length,
                                            const char *errors);
PyAPI_FUNC(PyObject *) PyUnicode_DecodeUTF8Stateful(const char *string,
                                                    Py_ssize_t length,
                                                    const char *errors,
                                                    Py_ssize_t *consumed);
PyAPI_FUNC(PyObject *) PyUnicode_AsUTF8String(PyObject *unicode);
/* The UTF-8 buffer is cached on the string and lives as long as it. */
PyAPI_FUNC(const char *) PyUnicode_AsUTF8AndSize(PyObject *unicode,
                                                 Py_ssize_t *size);

/* byteorder: in, -1 little, 0 native with BOM detection, 1 big; out, the
 * order found. */
PyAPI_FUNC(PyObject *) PyUnicode_DecodeUTF32(const char *string,
                                             Py_ssize_t length,
                                             const char *errors,
                                             int *byteorder);
PyAPI_FUNC(PyObject *) PyUnicode_DecodeUTF32Stateful(const char *string,
                                                     Py_ssize_t length,
                                                     const char *errors,
                                                     int *byteorder,
                                                     Py_ssize_t *consumed);
PyAPI_FUNC(PyObject *) PyUnicode_AsUTF32String(PyObject *unicode);
PyAPI_FUNC(PyObject *) PyUnicode_DecodeUTF16(const char *string,
                                             Py_ssize_t length,
                                             const char *errors,
                                             int *byteorder);
PyAPI_FUNC(PyObject *) PyUnicode_DecodeUTF16Stateful(const char *string,
                                                     Py_ssize_t length,
                                                     const char *errors,
                                                     int *byteorder,
                                                     Py_ssize_t *consumed);
PyAPI_FUNC(PyObject *) PyUnicode_AsUTF16String(PyObject *unicode);

PyAPI_FUNC(PyObject *) PyUnicode_DecodeUnicodeEscape(const char *string,
                                                     Py_ssize_t length,
                                                     const char *errors);
PyAPI_FUNC(PyObject *) PyUnicode_AsUnicodeEscapeString(PyObject *unicode);
PyAPI_FUNC(PyObject *) PyUnicode_DecodeRawUnicodeEscape(const char *string,
                                                        Py_ssize_t length,
                                                        const char *errors);
PyAPI_FUNC(PyObject *) PyUnicode_AsRawUnicodeEscapeString(PyObject *unicode);
PyAPI_FUNC(PyObject *) PyUnicode_DecodeLatin1(const char *string,
                                              Py_ssize_t length,
                                              const char *errors);
PyAPI_FUNC(PyObject *) PyUnicode_AsLatin1String(PyObject *unicode);
PyAPI_FUNC(PyObject *) PyUnicode_DecodeASCII(const char *string,
                                             Py_ssize_t length,
                                             const char *errors);
PyAPI_FUNC(PyObject *) PyUnicode_AsASCIIString(PyObject *unicode);
PyAPI_FUNC(PyObject *) PyUnicode_DecodeCharmap(const char *string,
                                               Py_ssize_t length,
                                               PyObject *mapping,
                                               const char *errors);
PyAPI_FUNC(PyObject *) PyUnicode_AsCharmapString(PyObject *unicode,
                                                 PyObject *mapping);

PyAPI_FUNC(PyObject *) PyUnicode_DecodeLocaleAndSize(const char *str,
                                                     Py_ssize_t len,
                                                     const char *errors);
PyAPI_FUNC(PyObject *) PyUnicode_DecodeLocale(const char *str,
                                              const char *errors);
PyAPI_FUNC(PyObject *) PyUnicode_EncodeLocale(PyObject *unicode,
                                              const char *errors);

/* PyArg_Parse "O&" converters for file system paths. */
PyAPI_FUNC(int) PyUnicode_FSConverter(PyObject *, void *);
PyAPI_FUNC(int) PyUnicode_FSDecoder(PyObject *, void *);
PyAPI_FUNC(PyObject *) PyUnicode_DecodeFSDefault(const char *s);
PyAPI_FUNC(PyObject *) PyUnicode_DecodeFSDefaultAndSize(const char *s,
                                                        Py_ssize_t size);
PyAPI_FUNC(PyObject *) PyUnicode_EncodeFSDefault(PyObject *unicode);

/* ======================================================================
 * Methods
 * ====================================================================== */

PyAPI_FUNC(PyObject *) PyUnicode_Concat(PyObject *left, PyObject *right);
/* Both replace *pleft (set it to NULL on error); AndDel also releases right. */
PyAPI_FUNC(void) PyUnicode_Append(PyObject **pleft, PyObject *right);
PyAPI_FUNC(void) PyUnicode_AppendAndDel(PyObject **pleft, PyObject *right);
PyAPI_FUNC(PyObject *) PyUnicode_Split(PyObject *s, PyObject *sep,
                                       Py_ssize_t maxsplit);
PyAPI_FUNC(PyObject *) PyUnicode_Splitlines(PyObject *s, int keepends);
PyAPI_FUNC(PyObject *) PyUnicode_Partition(PyObject *s, PyObject *sep);
PyAPI_FUNC(PyObject *) PyUnicode_RPartition(PyObject *s, PyObject *sep);
PyAPI_FUNC(PyObject *) PyUnicode_RSplit(PyObject *s, PyObject *sep,
                                        Py_ssize_t maxsplit);
PyAPI_FUNC(PyObject *) PyUnicode_Translate(PyObject *str, PyObject *table,
                                           const char *errors);
PyAPI_FUNC(PyObject *) PyUnicode_Join(PyObject *separator, PyObject *seq);
/* direction: -1 for a prefix / leftmost match, 1 for a suffix / rightmost. */
PyAPI_FUNC(Py_ssize_t) PyUnicode_Tailmatch(PyObject *str, PyObject *substr,
                                           Py_ssize_t start, Py_ssize_t end,
                                           int direction);
PyAPI_FUNC(Py_ssize_t) PyUnicode_Find(PyObject *str, PyObject *substr,
                                      Py_ssize_t start, Py_ssize_t end,
                                      int direction);
PyAPI_FUNC(Py_ssize_t) PyUnicode_FindChar(PyObject *str, Py_UCS4 ch,
                                          Py_ssize_t start, Py_ssize_t end,
                                          int direction);
PyAPI_FUNC(Py_ssize_t) PyUnicode_Count(PyObject *str, PyObject *substr,
                                       Py_ssize_t start, Py_ssize_t end);
PyAPI_FUNC(PyObject *) PyUnicode_Replace(PyObject *str, PyObject *substr,
                                         PyObject *replstr,
                                         Py_ssize_t maxcount);
PyAPI_FUNC(int) PyUnicode_Compare(PyObject *left, PyObject *right);
PyAPI_FUNC(int) PyUnicode_CompareWithASCIIString(PyObject *left,
                                                 const char *right);
PyAPI_FUNC(PyObject *) PyUnicode_RichCompare(PyObject *left, PyObject *right,
                                             int op);
PyAPI_FUNC(PyObject *) PyUnicode_Format(PyObject *format, PyObject *args);
PyAPI_FUNC(int) PyUnicode_Contains(PyObject *container, PyObject *element);
PyAPI_FUNC(int) PyUnicode_IsIdentifier(PyObject *s);

/* ======================================================================
 * The PEP 393 representation (not part of the limited API)
 * ====================================================================== */

#ifndef Py_LIMITED_API

/* Py_UNICODE is a 4-byte wchar_t on this platform. */
#define PY_UNICODE_TYPE wchar_t
#define Py_UNICODE_SIZE 4
#define Py_UNICODE_WIDE

#define Py_UNICODE_REPLACEMENT_CHARACTER ((Py_UCS4)0xFFFD)

#define Py_UNICODE_IS_SURROGATE(ch) (0xD800 <= (ch) && (ch) <= 0xDFFF)
#define Py_UNICODE_IS_HIGH_SURROGATE(ch) (0xD800 <= (ch) && (ch) <= 0xDBFF)
#define Py_UNICODE_IS_LOW_SURROGATE(ch) (0xDC00 <= (ch) && (ch) <= 0xDFFF)
#define Py_UNICODE_JOIN_SURROGATES(high, low)                                 \
    (((((Py_UCS4)(high)&0x03FF) << 10) | ((Py_UCS4)(low)&0x03FF)) + 0x10000)
#define Py_UNICODE_HIGH_SURROGATE(ch) (0xD800 - (0x10000 >> 10) + ((ch) >> 10))
#define Py_UNICODE_LOW_SURROGATE(ch) (0xDC00 + ((ch)&0x3FF))

/* PyASCIIObject.wstr caches the wchar_t form (PyUnicode_AsUnicode). */
#define USE_UNICODE_WCHAR_CACHE 1

typedef struct {
    PyObject_HEAD
    Py_ssize_t length; /* in code points */
    Py_hash_t hash;    /* -1 until computed */
    struct {
        unsigned int interned : 2; /* SSTATE_* */
        unsigned int kind : 3;     /* enum PyUnicode_Kind */
        unsigned int compact : 1;  /* text follows the struct */
        unsigned int ascii : 1;    /* all code points < 128 */
        unsigned int ready : 1;    /* PEP 393 fields valid */
        unsigned int : 24;
    } state;
    wchar_t *wstr; /* cached wchar_t form, or NULL */
} PyASCIIObject;

typedef struct {
    PyASCIIObject _base;
    Py_ssize_t utf8_length; /* bytes in utf8, without the NUL */
    char *utf8;             /* cached UTF-8 form, or NULL */
    Py_ssize_t wstr_length;
} PyCompactUnicodeObject;

typedef struct {
    PyCompactUnicodeObject _base;
    union {
        void *any;
        Py_UCS1 *latin1;
        Py_UCS2 *ucs2;
        Py_UCS4 *ucs4;
    } data;
} PyUnicodeObject;

#define _PyASCIIObject_CAST(op) _Py_CAST(PyASCIIObject *, (op))
#define _PyCompactUnicodeObject_CAST(op) _Py_CAST(PyCompactUnicodeObject *, (op))
#define _PyUnicodeObject_CAST(op) _Py_CAST(PyUnicodeObject *, (op))

/* Values of state.interned. */
#define SSTATE_NOT_INTERNED 0
#define SSTATE_INTERNED_MORTAL 1
#define SSTATE_INTERNED_IMMORTAL 2

static inline unsigned int PyUnicode_CHECK_INTERNED(PyObject *op) {
    return _PyASCIIObject_CAST(op)->state.interned;
}
#define PyUnicode_CHECK_INTERNED(op) PyUnicode_CHECK_INTERNED(_PyObject_CAST(op))

static inline unsigned int PyUnicode_IS_READY(PyObject *op) {
    return _PyASCIIObject_CAST(op)->state.ready;
}
#define PyUnicode_IS_READY(op) PyUnicode_IS_READY(_PyObject_CAST(op))

static inline unsigned int PyUnicode_IS_ASCII(PyObject *op) {
    return _PyASCIIObject_CAST(op)->state.ascii;
}
#define PyUnicode_IS_ASCII(op) PyUnicode_IS_ASCII(_PyObject_CAST(op))

static inline unsigned int PyUnicode_IS_COMPACT(PyObject *op) {
    return _PyASCIIObject_CAST(op)->state.compact;
}
#define PyUnicode_IS_COMPACT(op) PyUnicode_IS_COMPACT(_PyObject_CAST(op))

static inline int PyUnicode_IS_COMPACT_ASCII(PyObject *op) {
    return _PyASCIIObject_CAST(op)->state.ascii && PyUnicode_IS_COMPACT(op);
}
#define PyUnicode_IS_COMPACT_ASCII(op) PyUnicode_IS_COMPACT_ASCII(_PyObject_CAST(op))

/* Bytes per code point; WCHAR_KIND marks a string that is not ready. */
enum PyUnicode_Kind {
    PyUnicode_WCHAR_KIND = 0,
    PyUnicode_1BYTE_KIND = 1,
    PyUnicode_2BYTE_KIND = 2,
    PyUnicode_4BYTE_KIND = 4
};

/* A macro in 3.11 (not an inline function), yielding an rvalue. */
#define PyUnicode_KIND(op) _Py_RVALUE(_PyASCIIObject_CAST(op)->state.kind)

/* Compact text starts right after the struct: after PyASCIIObject when
 * the string is ASCII, after PyCompactUnicodeObject otherwise. */
static inline void *_PyUnicode_COMPACT_DATA(PyObject *op) {
    if (PyUnicode_IS_ASCII(op)) {
        return _Py_STATIC_CAST(void *, _PyASCIIObject_CAST(op) + 1);
    }
    return _Py_STATIC_CAST(void *, _PyCompactUnicodeObject_CAST(op) + 1);
}

static inline void *_PyUnicode_NONCOMPACT_DATA(PyObject *op) {
    return _PyUnicodeObject_CAST(op)->data.any;
}

static inline void *PyUnicode_DATA(PyObject *op) {
    if (PyUnicode_IS_COMPACT(op)) {
        return _PyUnicode_COMPACT_DATA(op);
    }
    return _PyUnicode_NONCOMPACT_DATA(op);
}
#define PyUnicode_DATA(op) PyUnicode_DATA(_PyObject_CAST(op))

#define PyUnicode_1BYTE_DATA(op) _Py_STATIC_CAST(Py_UCS1 *, PyUnicode_DATA(op))
#define PyUnicode_2BYTE_DATA(op) _Py_STATIC_CAST(Py_UCS2 *, PyUnicode_DATA(op))
#define PyUnicode_4BYTE_DATA(op) _Py_STATIC_CAST(Py_UCS4 *, PyUnicode_DATA(op))

static inline Py_ssize_t PyUnicode_GET_LENGTH(PyObject *op) {
    return _PyASCIIObject_CAST(op)->length;
}
#define PyUnicode_GET_LENGTH(op) PyUnicode_GET_LENGTH(_PyObject_CAST(op))

/* Store code point value at index of a kind-byte-per-code-point buffer. */
static inline void PyUnicode_WRITE(int kind, void *data, Py_ssize_t index,
                                   Py_UCS4 value) {
    if (kind == PyUnicode_1BYTE_KIND) {
        _Py_STATIC_CAST(Py_UCS1 *, data)[index] = _Py_STATIC_CAST(Py_UCS1, value);
    } else if (kind == PyUnicode_2BYTE_KIND) {
        _Py_STATIC_CAST(Py_UCS2 *, data)[index] = _Py_STATIC_CAST(Py_UCS2, value);
    } else {
        _Py_STATIC_CAST(Py_UCS4 *, data)[index] = value;
    }
}
#define PyUnicode_WRITE(kind, data, index, value)                             \
    PyUnicode_WRITE(_Py_STATIC_CAST(int, kind), _Py_CAST(void *, data),       \
                    (index), _Py_STATIC_CAST(Py_UCS4, value))

static inline Py_UCS4 PyUnicode_READ(int kind, const void *data,
                                     Py_ssize_t index) {
    if (kind == PyUnicode_1BYTE_KIND) {
        return _Py_STATIC_CAST(const Py_UCS1 *, data)[index];
    }
    if (kind == PyUnicode_2BYTE_KIND) {
        return _Py_STATIC_CAST(const Py_UCS2 *, data)[index];
    }
    return _Py_STATIC_CAST(const Py_UCS4 *, data)[index];
}
#define PyUnicode_READ(kind, data, index)                                     \
    PyUnicode_READ(_Py_STATIC_CAST(int, kind),                                \
                   _Py_STATIC_CAST(const void *, data), (index))

static inline Py_UCS4 PyUnicode_READ_CHAR(PyObject *unicode, Py_ssize_t index) {
    int kind = PyUnicode_KIND(unicode);
    return PyUnicode_READ(kind, PyUnicode_DATA(unicode), index);
}
#define PyUnicode_READ_CHAR(unicode, index)                                   \
    PyUnicode_READ_CHAR(_PyObject_CAST(unicode), (index))

/* An upper bound for the largest code point, from the kind alone. */
static inline Py_UCS4 PyUnicode_MAX_CHAR_VALUE(PyObject *op) {
    int kind;
    if (PyUnicode_IS_ASCII(op)) {
        return 0x7fU;
    }
    kind = PyUnicode_KIND(op);
    if (kind == PyUnicode_1BYTE_KIND) {
        return 0xffU;
    }
    if (kind == PyUnicode_2BYTE_KIND) {
        return 0xffffU;
    }
    return 0x10ffffU;
}
#define PyUnicode_MAX_CHAR_VALUE(op) PyUnicode_MAX_CHAR_VALUE(_PyObject_CAST(op))

PyAPI_FUNC(int) _PyUnicode_Ready(PyObject *unicode);

/* 0 when the PEP 393 fields are valid (always, for Tern's strings), -1
 * with an exception otherwise. */
static inline int PyUnicode_READY(PyObject *op) {
    if (PyUnicode_IS_READY(op)) {
        return 0;
    }
    return _PyUnicode_Ready(op);
}
#define PyUnicode_READY(op) PyUnicode_READY(_PyObject_CAST(op))

PyAPI_FUNC(PyObject *) PyUnicode_New(Py_ssize_t size, Py_UCS4 maxchar);
PyAPI_FUNC(PyObject *) _PyUnicode_Copy(PyObject *unicode);
PyAPI_FUNC(Py_ssize_t) PyUnicode_CopyCharacters(PyObject *to,
                                                Py_ssize_t to_start,
                                                PyObject *from,
                                                Py_ssize_t from_start,
                                                Py_ssize_t how_many);
/* Unchecked variant: the caller guarantees sizes and kinds fit. */
PyAPI_FUNC(void) _PyUnicode_FastCopyCharacters(PyObject *to,
                                               Py_ssize_t to_start,
                                               PyObject *from,
                                               Py_ssize_t from_start,
                                               Py_ssize_t how_many);
PyAPI_FUNC(Py_ssize_t) PyUnicode_Fill(PyObject *unicode, Py_ssize_t start,
                                      Py_ssize_t length, Py_UCS4 fill_char);
PyAPI_FUNC(void) _PyUnicode_FastFill(PyObject *unicode, Py_ssize_t start,
                                     Py_ssize_t length, Py_UCS4 fill_char);
PyAPI_FUNC(PyObject *) PyUnicode_FromKindAndData(int kind, const void *buffer,
                                                 Py_ssize_t size);
PyAPI_FUNC(PyObject *) _PyUnicode_FromASCII(const char *buffer,
                                            Py_ssize_t size);
PyAPI_FUNC(Py_UCS4) _PyUnicode_FindMaxChar(PyObject *unicode,
                                           Py_ssize_t start, Py_ssize_t end);

/* ---- The wchar_t interface, deprecated since 3.3 ----------------------- */

Py_DEPRECATED(3.3) PyAPI_FUNC(PyObject *) PyUnicode_FromUnicode(
    const Py_UNICODE *u, Py_ssize_t size);
Py_DEPRECATED(3.3) PyAPI_FUNC(Py_UNICODE *) PyUnicode_AsUnicode(
    PyObject *unicode);
PyAPI_FUNC(const Py_UNICODE *) _PyUnicode_AsUnicode(PyObject *unicode);
Py_DEPRECATED(3.3) PyAPI_FUNC(Py_UNICODE *) PyUnicode_AsUnicodeAndSize(
    PyObject *unicode, Py_ssize_t *size);

/* Length of the wstr form (equal to length with a 4-byte wchar_t). */
Py_DEPRECATED(3.3)
static inline Py_ssize_t PyUnicode_WSTR_LENGTH(PyObject *op) {
    if (PyUnicode_IS_COMPACT_ASCII(op)) {
        return _PyASCIIObject_CAST(op)->length;
    }
    return _PyCompactUnicodeObject_CAST(op)->wstr_length;
}
#define PyUnicode_WSTR_LENGTH(op) PyUnicode_WSTR_LENGTH(_PyObject_CAST(op))

/* Length of the wchar_t form, which is built (and cached in wstr) first
 * when missing. */
Py_DEPRECATED(3.3)
static inline Py_ssize_t PyUnicode_GET_SIZE(PyObject *op) {
    _Py_COMP_DIAG_PUSH
    _Py_COMP_DIAG_IGNORE_DEPR_DECLS
    Py_ssize_t size = 0;
    if (_PyASCIIObject_CAST(op)->wstr != _Py_NULL || PyUnicode_AsUnicode(op) != _Py_NULL) {
        size = PyUnicode_WSTR_LENGTH(op);
    }
    return size;
    _Py_COMP_DIAG_POP
}
#define PyUnicode_GET_SIZE(op) PyUnicode_GET_SIZE(_PyObject_CAST(op))

Py_DEPRECATED(3.3)
static inline Py_ssize_t PyUnicode_GET_DATA_SIZE(PyObject *op) {
    _Py_COMP_DIAG_PUSH
    _Py_COMP_DIAG_IGNORE_DEPR_DECLS
    return PyUnicode_GET_SIZE(op) * Py_UNICODE_SIZE;
    _Py_COMP_DIAG_POP
}
#define PyUnicode_GET_DATA_SIZE(op) PyUnicode_GET_DATA_SIZE(_PyObject_CAST(op))

Py_DEPRECATED(3.3)
static inline Py_UNICODE *PyUnicode_AS_UNICODE(PyObject *op) {
    wchar_t *wstr = _PyASCIIObject_CAST(op)->wstr;
    if (wstr != _Py_NULL) {
        return wstr;
    }
    _Py_COMP_DIAG_PUSH
    _Py_COMP_DIAG_IGNORE_DEPR_DECLS
    return PyUnicode_AsUnicode(op);
    _Py_COMP_DIAG_POP
}
#define PyUnicode_AS_UNICODE(op) PyUnicode_AS_UNICODE(_PyObject_CAST(op))

Py_DEPRECATED(3.3)
static inline const char *PyUnicode_AS_DATA(PyObject *op) {
    _Py_COMP_DIAG_PUSH
    _Py_COMP_DIAG_IGNORE_DEPR_DECLS
    const void *wide = PyUnicode_AS_UNICODE(op);
    return _Py_STATIC_CAST(const char *, wide);
    _Py_COMP_DIAG_POP
}
#define PyUnicode_AS_DATA(op) PyUnicode_AS_DATA(_PyObject_CAST(op))

PyAPI_FUNC(int) _PyUnicode_CheckConsistency(PyObject *op, int check_content);

/* ---- _PyUnicodeWriter: building a str piecewise ------------------------- */

typedef struct {
    PyObject *buffer;
    void *data;
    enum PyUnicode_Kind kind;
    Py_UCS4 maxchar;
    Py_ssize_t size;
    Py_ssize_t pos;
    Py_ssize_t min_length; /* allocate at least this many code points */
    Py_UCS4 min_char;      /* and room for code points up to this one */
    unsigned char overallocate;
    unsigned char readonly; /* buffer is a shared str: copy before writing */
} _PyUnicodeWriter;

PyAPI_FUNC(void) _PyUnicodeWriter_Init(_PyUnicodeWriter *writer);
PyAPI_FUNC(int) _PyUnicodeWriter_PrepareInternal(_PyUnicodeWriter *writer,
                                                 Py_ssize_t length,
                                                 Py_UCS4 maxchar);
PyAPI_FUNC(int) _PyUnicodeWriter_PrepareKindInternal(_PyUnicodeWriter *writer,
                                                     enum PyUnicode_Kind kind);

/* Make room for length more code points up to maxchar; 0 or -1. */
#define _PyUnicodeWriter_Prepare(WRITER, LENGTH, MAXCHAR)                     \
    (((MAXCHAR) <= (WRITER)->maxchar && (LENGTH) <= (WRITER)->size - (WRITER)->pos) \
         ? 0                                                                  \
         : (((LENGTH) == 0) ? 0                                               \
                            : _PyUnicodeWriter_PrepareInternal((WRITER), (LENGTH), \
                                                               (MAXCHAR))))
/* Widen the buffer to at least KIND; 0 or -1. */
#define _PyUnicodeWriter_PrepareKind(WRITER, KIND)                            \
    ((KIND) <= (WRITER)->kind ? 0                                             \
                              : _PyUnicodeWriter_PrepareKindInternal((WRITER), (KIND)))

PyAPI_FUNC(int) _PyUnicodeWriter_WriteChar(_PyUnicodeWriter *writer,
                                           Py_UCS4 ch);
PyAPI_FUNC(int) _PyUnicodeWriter_WriteStr(_PyUnicodeWriter *writer,
                                          PyObject *str);
PyAPI_FUNC(int) _PyUnicodeWriter_WriteSubstring(_PyUnicodeWriter *writer,
                                                PyObject *str,
                                                Py_ssize_t start,
                                                Py_ssize_t end);
PyAPI_FUNC(int) _PyUnicodeWriter_WriteASCIIString(_PyUnicodeWriter *writer,
                                                  const char *str,
                                                  Py_ssize_t len);
PyAPI_FUNC(int) _PyUnicodeWriter_WriteLatin1String(_PyUnicodeWriter *writer,
                                                   const char *str,
                                                   Py_ssize_t len);
PyAPI_FUNC(PyObject *) _PyUnicodeWriter_Finish(_PyUnicodeWriter *writer);
PyAPI_FUNC(void) _PyUnicodeWriter_Dealloc(_PyUnicodeWriter *writer);
/* format(obj, format_spec[start:end]) appended to the writer. */
PyAPI_FUNC(int) _PyUnicode_FormatAdvancedWriter(_PyUnicodeWriter *writer,
                                                PyObject *obj,
                                                PyObject *format_spec,
                                                Py_ssize_t start,
                                                Py_ssize_t end);
PyAPI_FUNC(Py_ssize_t) _PyUnicode_InsertThousandsGrouping(
    _PyUnicodeWriter *writer, Py_ssize_t n_buffer, PyObject *digits,
    Py_ssize_t d_pos, Py_ssize_t n_digits, Py_ssize_t min_width,
    const char *grouping, PyObject *thousands_sep, Py_UCS4 *maxchar);

/* ---- UTF-8 and other encodings ------------------------------------------ */

/* Like PyUnicode_AsUTF8AndSize without the size. */
PyAPI_FUNC(const char *) PyUnicode_AsUTF8(PyObject *unicode);
#define _PyUnicode_AsString PyUnicode_AsUTF8

PyAPI_FUNC(PyObject *) _PyUnicode_AsUTF8String(PyObject *unicode,
                                               const char *errors);
PyAPI_FUNC(PyObject *) _PyUnicode_EncodeUTF32(PyObject *object,
                                              const char *errors,
                                              int byteorder);
PyAPI_FUNC(PyObject *) _PyUnicode_EncodeUTF16(PyObject *unicode,
                                              const char *errors,
                                              int byteorder);
PyAPI_FUNC(PyObject *) _PyUnicode_EncodeUTF7(PyObject *unicode,
                                             int base64SetO,
                                             int base64WhiteSpace,
                                             const char *errors);
PyAPI_FUNC(PyObject *) _PyUnicode_DecodeUnicodeEscapeStateful(
    const char *string, Py_ssize_t length, const char *errors,
    Py_ssize_t *consumed);
/* Also reports the first invalid escape (a character, or an octal value
 * above 0xff) and where it is, for the compiler's warnings. */
PyAPI_FUNC(PyObject *) _PyUnicode_DecodeUnicodeEscapeInternal2(
    const char *string, Py_ssize_t length, const char *errors,
    Py_ssize_t *consumed, int *first_invalid_escape_char,
    const char **first_invalid_escape_ptr);
PyAPI_FUNC(PyObject *) _PyUnicode_DecodeUnicodeEscapeInternal(
    const char *string, Py_ssize_t length, const char *errors,
    Py_ssize_t *consumed, const char **first_invalid_escape);
PyAPI_FUNC(PyObject *) _PyUnicode_DecodeRawUnicodeEscapeStateful(
    const char *string, Py_ssize_t length, const char *errors,
    Py_ssize_t *consumed);
PyAPI_FUNC(PyObject *) _PyUnicode_AsLatin1String(PyObject *unicode,
                                                 const char *errors);
PyAPI_FUNC(PyObject *) _PyUnicode_AsASCIIString(PyObject *unicode,
                                                const char *errors);
PyAPI_FUNC(PyObject *) _PyUnicode_EncodeCharmap(PyObject *unicode,
                                                PyObject *mapping,
                                                const char *errors);
PyAPI_FUNC(PyObject *) _PyUnicode_TransformDecimalAndSpaceToASCII(
    PyObject *unicode);

PyAPI_FUNC(PyObject *) _PyUnicode_JoinArray(PyObject *separator,
                                            PyObject *const *items,
                                            Py_ssize_t seqlen);
PyAPI_FUNC(int) _PyUnicode_EqualToASCIIId(PyObject *left,
                                          _Py_Identifier *right);
PyAPI_FUNC(int) _PyUnicode_EqualToASCIIString(PyObject *left,
                                              const char *right);
PyAPI_FUNC(PyObject *) _PyUnicode_XStrip(PyObject *self, int striptype,
                                         PyObject *sepobj);
PyAPI_FUNC(PyObject *) _PyUnicode_FromId(_Py_Identifier *);
PyAPI_FUNC(int) _PyUnicode_EQ(PyObject *, PyObject *);
PyAPI_FUNC(int) _PyUnicode_Equal(PyObject *, PyObject *);
PyAPI_FUNC(PyObject *) _PyUnicode_FormatLong(PyObject *, int, int, int);
PyAPI_FUNC(int) _PyUnicode_WideCharString_Converter(PyObject *, void *);
PyAPI_FUNC(int) _PyUnicode_WideCharString_Opt_Converter(PyObject *, void *);
PyAPI_FUNC(Py_ssize_t) _PyUnicode_ScanIdentifier(PyObject *);

/* ---- Character properties ----------------------------------------------- */

/* 1 for each ASCII whitespace byte (Py_UNICODE_ISSPACE's fast path). */
PyAPI_DATA(const unsigned char) _Py_ascii_whitespace[];

PyAPI_FUNC(int) _PyUnicode_IsLowercase(Py_UCS4 ch);
PyAPI_FUNC(int) _PyUnicode_IsUppercase(Py_UCS4 ch);
PyAPI_FUNC(int) _PyUnicode_IsTitlecase(Py_UCS4 ch);
PyAPI_FUNC(int) _PyUnicode_IsXidStart(Py_UCS4 ch);
PyAPI_FUNC(int) _PyUnicode_IsXidContinue(Py_UCS4 ch);
PyAPI_FUNC(int) _PyUnicode_IsWhitespace(const Py_UCS4 ch);
PyAPI_FUNC(int) _PyUnicode_IsLinebreak(const Py_UCS4 ch);
PyAPI_FUNC(Py_UCS4) _PyUnicode_ToLowercase(Py_UCS4 ch);
PyAPI_FUNC(Py_UCS4) _PyUnicode_ToUppercase(Py_UCS4 ch);
Py_DEPRECATED(3.3) PyAPI_FUNC(Py_UCS4) _PyUnicode_ToTitlecase(Py_UCS4 ch);
/* Full case mappings write up to 3 code points to res, return the count. */
PyAPI_FUNC(int) _PyUnicode_ToLowerFull(Py_UCS4 ch, Py_UCS4 *res);
PyAPI_FUNC(int) _PyUnicode_ToTitleFull(Py_UCS4 ch, Py_UCS4 *res);
PyAPI_FUNC(int) _PyUnicode_ToUpperFull(Py_UCS4 ch, Py_UCS4 *res);
PyAPI_FUNC(int) _PyUnicode_ToFoldedFull(Py_UCS4 ch, Py_UCS4 *res);
PyAPI_FUNC(int) _PyUnicode_IsCaseIgnorable(Py_UCS4 ch);
PyAPI_FUNC(int) _PyUnicode_IsCased(Py_UCS4 ch);
PyAPI_FUNC(int) _PyUnicode_ToDecimalDigit(Py_UCS4 ch);
PyAPI_FUNC(int) _PyUnicode_ToDigit(Py_UCS4 ch);
PyAPI_FUNC(double) _PyUnicode_ToNumeric(Py_UCS4 ch);
PyAPI_FUNC(int) _PyUnicode_IsDecimalDigit(Py_UCS4 ch);
PyAPI_FUNC(int) _PyUnicode_IsDigit(Py_UCS4 ch);
PyAPI_FUNC(int) _PyUnicode_IsNumeric(Py_UCS4 ch);
PyAPI_FUNC(int) _PyUnicode_IsPrintable(Py_UCS4 ch);
PyAPI_FUNC(int) _PyUnicode_IsAlpha(Py_UCS4 ch);

/* ASCII through the table, everything else through the Unicode database. */
#define Py_UNICODE_ISSPACE(ch)                                                \
    ((Py_UCS4)(ch) < 128U ? _Py_ascii_whitespace[(ch)]                        \
                          : _PyUnicode_IsWhitespace(ch))

#define Py_UNICODE_ISLOWER(ch) _PyUnicode_IsLowercase(ch)
#define Py_UNICODE_ISUPPER(ch) _PyUnicode_IsUppercase(ch)
#define Py_UNICODE_ISTITLE(ch) _PyUnicode_IsTitlecase(ch)
#define Py_UNICODE_ISLINEBREAK(ch) _PyUnicode_IsLinebreak(ch)
#define Py_UNICODE_TOLOWER(ch) _PyUnicode_ToLowercase(ch)
#define Py_UNICODE_TOUPPER(ch) _PyUnicode_ToUppercase(ch)
#define Py_UNICODE_TOTITLE(ch) _PyUnicode_ToTitlecase(ch)
#define Py_UNICODE_ISDECIMAL(ch) _PyUnicode_IsDecimalDigit(ch)
#define Py_UNICODE_ISDIGIT(ch) _PyUnicode_IsDigit(ch)
#define Py_UNICODE_ISNUMERIC(ch) _PyUnicode_IsNumeric(ch)
#define Py_UNICODE_ISPRINTABLE(ch) _PyUnicode_IsPrintable(ch)
#define Py_UNICODE_TODECIMAL(ch) _PyUnicode_ToDecimalDigit(ch)
#define Py_UNICODE_TODIGIT(ch) _PyUnicode_ToDigit(ch)
#define Py_UNICODE_TONUMERIC(ch) _PyUnicode_ToNumeric(ch)
#define Py_UNICODE_ISALPHA(ch) _PyUnicode_IsAlpha(ch)

#define Py_UNICODE_ISALNUM(ch)                                                \
    (Py_UNICODE_ISALPHA(ch) || Py_UNICODE_ISDECIMAL(ch) ||                    \
     Py_UNICODE_ISDIGIT(ch) || Py_UNICODE_ISNUMERIC(ch))

#endif /* !Py_LIMITED_API */

#ifdef __cplusplus
}
#endif
#endif /* Py_UNICODEOBJECT_H */
