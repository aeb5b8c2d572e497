// cpyext: exception instances and types as C sees them (CPython's
// Objects/exceptions.c structs).
//
// An exception's proxy has CPython 3.11's layout for its builtin base:
// PyBaseExceptionObject (args, traceback, context, cause, suppress_context),
// extended as PyOSErrorObject, PyImportErrorObject, PySyntaxErrorObject,
// PyUnicodeErrorObject (Unicode{En,De}codeError, UnicodeTranslateError),
// PySystemExitObject, PyStopIterationObject, PyNameErrorObject,
// PyAttributeErrorObject or PyBaseExceptionGroupObject, because CPython's
// own extensions read those fields directly (ssl.SSLError's __str__ reads
// PyOSErrorObject.strerror).  The fields are filled when the proxy is made
// (object.cc's refreshPlain): a snapshot of the exception as it is then, as
// for slices and sets; later changes from Python are not seen by C through
// the fields (the accessor functions, PyException_GetTraceback & co., always
// read the object).  Each field holds a reference the proxy keeps until it
// is freed (keepAlive).  `dict` and `notes` stay NULL.
//
// The exception types' tp_basicsize is CPython's size of that struct too,
// so a C type deriving from an exception without fields of its own
// (PyType_FromSpecWithBases with basicsize sizeof(PyOSErrorObject), as
// _ssl's SSLError) is recognised as such (typeobject.cc's readyCType).
#include "Python.h"
#include "cpyext/proxy.h"
#include "cpyext/proxy_internal.h"
#include "runtime/objects/exceptions.h"
#include "runtime/objects/type.h"

namespace tern::cpyext {

namespace {

enum class ExcLayout {
  kBase,
  kOSError,
  kImportError,
  kSyntaxError,
  kUnicodeError,
  kSystemExit,
  kStopIteration,
  kNameError,
  kAttributeError,
  kGroup
};

ExcLayout layoutOf(Type* t) {
  if (isSubtype(t, exc::OSError)) return ExcLayout::kOSError;
  if (isSubtype(t, exc::ImportError)) return ExcLayout::kImportError;
  if (isSubtype(t, exc::SyntaxError)) return ExcLayout::kSyntaxError;
  // UnicodeError itself has no fields of its own in CPython.
  if (isSubtype(t, exc::UnicodeEncodeError) || isSubtype(t, exc::UnicodeDecodeError) ||
      isSubtype(t, exc::UnicodeTranslateError)) {
    return ExcLayout::kUnicodeError;
  }
  if (isSubtype(t, exc::SystemExit)) return ExcLayout::kSystemExit;
  if (isSubtype(t, exc::StopIteration)) return ExcLayout::kStopIteration;
  if (isSubtype(t, exc::NameError)) return ExcLayout::kNameError;
  if (isSubtype(t, exc::AttributeError)) return ExcLayout::kAttributeError;
  if (isSubtype(t, exc::BaseExceptionGroup)) return ExcLayout::kGroup;
  return ExcLayout::kBase;
}

// A field's reference: NULL for a null Value (never set), else the value's
// proxy, kept by the exception's proxy.
PyObject* fieldOf(PyObject* owner, Value v) {
  if (v.isNull()) return nullptr;
  PyObject* p = toNew(v);
  keepAlive(owner, p);
  return p;
}

// The same, with None read as NULL (traceback, context, cause: CPython keeps
// NULL for "none").
PyObject* optionalFieldOf(PyObject* owner, Value v) { return v == None() ? nullptr : fieldOf(owner, v); }

Py_ssize_t indexOf(Value v) { return v.isSmallInt() ? static_cast<Py_ssize_t>(v.asSmallInt()) : 0; }

}  // namespace

size_t exceptionProxyBytes(Type* type) {
  switch (layoutOf(type)) {
    case ExcLayout::kOSError:
      return sizeof(PyOSErrorObject);
    case ExcLayout::kImportError:
      return sizeof(PyImportErrorObject);
    case ExcLayout::kSyntaxError:
      return sizeof(PySyntaxErrorObject);
    case ExcLayout::kUnicodeError:
      return sizeof(PyUnicodeErrorObject);
    case ExcLayout::kSystemExit:
      return sizeof(PySystemExitObject);
    case ExcLayout::kStopIteration:
      return sizeof(PyStopIterationObject);
    case ExcLayout::kNameError:
      return sizeof(PyNameErrorObject);
    case ExcLayout::kAttributeError:
      return sizeof(PyAttributeErrorObject);
    case ExcLayout::kGroup:
      return sizeof(PyBaseExceptionGroupObject);
    case ExcLayout::kBase:
      break;
  }
  return sizeof(PyBaseExceptionObject);
}

void refreshException(PyObject* o, Value v) {
  auto* c = reinterpret_cast<PyBaseExceptionObject*>(o);
  if (c->args != nullptr) return;  // filled when made
  auto* e = static_cast<BaseExceptionObj*>(v.asObject());
  c->args = fieldOf(o, e->args.get());
  c->traceback = optionalFieldOf(o, e->traceback.get());
  c->context = optionalFieldOf(o, e->context.get());
  c->cause = optionalFieldOf(o, e->cause.get());
  c->suppress_context = e->suppress_context != 0 ? 1 : 0;
  switch (layoutOf(typeOf(v))) {
    case ExcLayout::kOSError: {
      auto* x = static_cast<OSErrorObj*>(e);
      auto* p = reinterpret_cast<PyOSErrorObject*>(o);
      p->myerrno = fieldOf(o, x->myerrno.get());
      p->strerror = fieldOf(o, x->strerror.get());
      p->filename = fieldOf(o, x->filename.get());
      p->filename2 = fieldOf(o, x->filename2.get());
      p->written = static_cast<Py_ssize_t>(x->written);
      break;
    }
    case ExcLayout::kImportError: {
      auto* x = static_cast<ImportErrorObj*>(e);
      auto* p = reinterpret_cast<PyImportErrorObject*>(o);
      p->msg = fieldOf(o, x->msg.get());
      p->name = fieldOf(o, x->name.get());
      p->path = fieldOf(o, x->path.get());
      break;
    }
    case ExcLayout::kSyntaxError: {
      auto* x = static_cast<SyntaxErrorObj*>(e);
      auto* p = reinterpret_cast<PySyntaxErrorObject*>(o);
      p->msg = fieldOf(o, x->msg.get());
      p->filename = fieldOf(o, x->filename.get());
      p->lineno = fieldOf(o, x->lineno.get());
      p->offset = fieldOf(o, x->offset.get());
      p->end_lineno = fieldOf(o, x->end_lineno.get());
      p->end_offset = fieldOf(o, x->end_offset.get());
      p->text = fieldOf(o, x->text.get());
      p->print_file_and_line = fieldOf(o, x->print_file_and_line.get());
      break;
    }
    case ExcLayout::kUnicodeError: {
      auto* x = static_cast<UnicodeErrorObj*>(e);
      auto* p = reinterpret_cast<PyUnicodeErrorObject*>(o);
      p->encoding = fieldOf(o, x->encoding.get());
      p->object = fieldOf(o, x->object.get());
      p->start = indexOf(x->start.get());
      p->end = indexOf(x->end.get());
      p->reason = fieldOf(o, x->reason.get());
      break;
    }
    case ExcLayout::kSystemExit:
      reinterpret_cast<PySystemExitObject*>(o)->code = fieldOf(o, static_cast<SystemExitObj*>(e)->code.get());
      break;
    case ExcLayout::kStopIteration:
      reinterpret_cast<PyStopIterationObject*>(o)->value =
          fieldOf(o, static_cast<StopIterationObj*>(e)->value.get());
      break;
    case ExcLayout::kNameError:
      reinterpret_cast<PyNameErrorObject*>(o)->name = fieldOf(o, static_cast<NameErrorObj*>(e)->name.get());
      break;
    case ExcLayout::kAttributeError: {
      auto* x = static_cast<AttributeErrorObj*>(e);
      auto* p = reinterpret_cast<PyAttributeErrorObject*>(o);
      p->obj = fieldOf(o, x->obj.get());
      p->name = fieldOf(o, x->name.get());
      break;
    }
    case ExcLayout::kGroup: {
      auto* x = static_cast<BaseExceptionGroupObj*>(e);
      auto* p = reinterpret_cast<PyBaseExceptionGroupObject*>(o);
      p->msg = fieldOf(o, x->msg.get());
      p->excs = fieldOf(o, x->excs.get());
      break;
    }
    case ExcLayout::kBase:
      break;
  }
}

void setExceptionTypeSizes() {
#define TERN_EXCEPTION(name, base, layout, doc) typeProxy(exc::name)->tp_basicsize = exceptionProxyBytes(exc::name);
#include "runtime/objects/exceptions.def"
#undef TERN_EXCEPTION
  if (exc::ExceptionGroup != nullptr) {
    typeProxy(exc::ExceptionGroup)->tp_basicsize = exceptionProxyBytes(exc::ExceptionGroup);
  }
}

}  // namespace tern::cpyext
