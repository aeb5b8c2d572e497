// memoryview and memory_iterator (memoryview.h): construction from any
// buffer exporter, indexing and slicing, item and slice assignment, cast,
// tobytes/tolist/hex, comparison and hashing, release and the context
// manager; and memoryview's own buffer export (buffer.h).
//
// GC discipline: a MemoryViewObj* and the data address are re-derived from
// the Value after anything that may allocate or run user code (__index__,
// __float__, __bool__ of an assigned value): the view itself moves, and user
// code may release it.  Reading goes through a Buffer filled from the view
// (viewOf), whose data() re-derives the address from the exporter.

#include "runtime/objects/memoryview.h"

#include <cmath>
#include <cstdio>
#include <cstring>
#include <string>
#include <utility>

#include "runtime/gc/heap.h"
#include "runtime/interp/errors.h"
#include "runtime/objects/abstract.h"
#include "runtime/objects/bytearray.h"
#include "runtime/objects/bytes.h"
#include "runtime/objects/containers_internal.h"
#include "runtime/objects/float.h"
#include "runtime/objects/hash.h"
#include "runtime/objects/int.h"
#include "runtime/objects/list.h"
#include "runtime/objects/native.h"
#include "runtime/objects/slice.h"
#include "runtime/objects/str.h"
#include "runtime/objects/tuple.h"

namespace tern {

namespace {

namespace mvf = memoryview_flags;

// ---------------------------------------------------------------------------
// Formats: the native single-character struct formats, optionally after '@'.

// The item size of a native format character, 0 for anything else.
int64_t nativeItemSize(char c) {
  switch (c) {
    case 'c':
    case 'b':
    case 'B':
    case '?':
      return 1;
    case 'h':
    case 'H':
      return 2;
    case 'i':
    case 'I':
    case 'f':
      return 4;
    case 'l':
    case 'L':
    case 'q':
    case 'Q':
    case 'n':
    case 'N':
    case 'd':
    case 'P':
      return 8;
    default:
      return 0;
  }
}

// The format character of "X" or "@X" when X is native, else 0.
char nativeFormatChar(std::string_view format) {
  if (!format.empty() && format[0] == '@') format.remove_prefix(1);
  if (format.size() != 1 || nativeItemSize(format[0]) == 0) return 0;
  return format[0];
}

bool isByteFormat(char c) { return c == 'B' || c == 'b' || c == 'c'; }

// The item at `p` as a Python object (may allocate; `p` is read first).
Value unpackItem(char fmt, const char* p) {
  switch (fmt) {
    case 'B':
      return newInt(*reinterpret_cast<const uint8_t*>(p));
    case 'b':
      return newInt(*reinterpret_cast<const int8_t*>(p));
    case 'c':
      return newBytes(p, 1);
    case '?':
      return Bool(*p != 0);
    case 'h': {
      int16_t v;
      std::memcpy(&v, p, sizeof v);
      return newInt(v);
    }
    case 'H': {
      uint16_t v;
      std::memcpy(&v, p, sizeof v);
      return newInt(v);
    }
    case 'i': {
      int32_t v;
      std::memcpy(&v, p, sizeof v);
      return newInt(v);
    }
    case 'I': {
      uint32_t v;
      std::memcpy(&v, p, sizeof v);
      return newInt(v);
    }
    case 'l':
    case 'q':
    case 'n': {
      int64_t v;
      std::memcpy(&v, p, sizeof v);
      return newInt(v);
    }
    case 'L':
    case 'Q':
    case 'N':
    case 'P': {
      uint64_t v;
      std::memcpy(&v, p, sizeof v);
      return newIntUnsigned(v);
    }
    case 'f': {
      float v;
      std::memcpy(&v, p, sizeof v);
      return newFloat(static_cast<double>(v));
    }
    case 'd': {
      double v;
      std::memcpy(&v, p, sizeof v);
      return newFloat(v);
    }
    default:
      return raise(exc::NotImplementedError, "memoryview: unsupported format");
  }
}

bool raiseFormatError(Type* type, const char* what, char fmt) {
  char f[2] = {fmt, 0};
  raisef(type, "memoryview: invalid %s for format '%s'", what, f);
  return false;
}

// After a failed conversion: TypeError becomes "invalid type", anything else
// (OverflowError, ValueError) "invalid value" (CPython's fix_error_int).
bool conversionFailed(char fmt) {
  bool type_error = errorMatches(exc::TypeError);
  bool value_error = errorMatches(exc::ValueError) || errorMatches(exc::OverflowError);
  if (!type_error && !value_error) return false;
  clearError();
  return raiseFormatError(type_error ? exc::TypeError : exc::ValueError, type_error ? "type" : "value", fmt);
}

// Converts `v` to the raw bytes of one item of `fmt` in `out` (may run user
// code: __index__, __float__, __bool__).  False with an exception pending.
bool packItem(char fmt, Value v, unsigned char out[8]) {
  switch (fmt) {
    case 'c': {
      if (!isBytes(v)) return raiseFormatError(exc::TypeError, "type", fmt);
      if (bytesLength(v) != 1) return raiseFormatError(exc::ValueError, "value", fmt);
      out[0] = static_cast<unsigned char>(asBytes(v)->data()[0]);
      return true;
    }
    case '?': {
      int t = isTrue(v);
      if (t < 0) return false;
      out[0] = static_cast<unsigned char>(t);
      return true;
    }
    case 'f':
    case 'd': {
      double d;
      if (!argDouble(v, &d)) return conversionFailed(fmt);
      if (fmt == 'f') {
        auto f = static_cast<float>(d);
        std::memcpy(out, &f, sizeof f);
      } else {
        std::memcpy(out, &d, sizeof d);
      }
      return true;
    }
    default:
      break;
  }
  // 'P' (a pointer) wants an int proper, not any object with __index__.
  if (fmt == 'P' && !isInt(v)) return raiseFormatError(exc::TypeError, "type", fmt);
  Value i = index(v);
  if (i.isNull()) return conversionFailed(fmt);
  bool is_unsigned = fmt == 'B' || fmt == 'H' || fmt == 'I' || fmt == 'L' || fmt == 'Q' || fmt == 'N' || fmt == 'P';
  int64_t s = 0;
  uint64_t u = 0;
  // 'P' (a pointer) takes both signed and unsigned 64-bit values.
  bool any_sign = fmt == 'P';
  if (i.isSmallInt()) {
    s = i.asSmallInt();
    if (is_unsigned && !any_sign && s < 0) return raiseFormatError(exc::ValueError, "value", fmt);
    u = static_cast<uint64_t>(s);
  } else {
    auto* big = static_cast<IntObj*>(i.asObject());
    int64_t limbs = big->size < 0 ? -big->size : big->size;
    static_assert(sizeof(objects::bigint::Limb) == 8);
    if (limbs > 1) return raiseFormatError(exc::ValueError, "value", fmt);
    if (any_sign && big->size < 0) {
      u = 0 - static_cast<uint64_t>(big->limbs()[0]);
      if (static_cast<uint64_t>(big->limbs()[0]) > uint64_t{1} << 63) {
        return raiseFormatError(exc::ValueError, "value", fmt);
      }
      return std::memcpy(out, &u, sizeof u), true;
    }
    if (is_unsigned && big->size < 0) return raiseFormatError(exc::ValueError, "value", fmt);
    u = limbs == 0 ? 0 : static_cast<uint64_t>(big->limbs()[0]);
    if (!is_unsigned) {
      if (big->size < 0) {
        if (u > uint64_t{1} << 63) return raiseFormatError(exc::ValueError, "value", fmt);
        s = static_cast<int64_t>(0 - u);
      } else {
        if (u > static_cast<uint64_t>(INT64_MAX)) return raiseFormatError(exc::ValueError, "value", fmt);
        s = static_cast<int64_t>(u);
      }
    }
  }
  auto store = [&](auto x) {
    std::memcpy(out, &x, sizeof x);
    return true;
  };
  auto range = [&](int64_t lo, int64_t hi) { return s >= lo && s <= hi; };
  switch (fmt) {
    case 'B':
      if (u > UINT8_MAX) break;
      return store(static_cast<uint8_t>(u));
    case 'b':
      if (!range(INT8_MIN, INT8_MAX)) break;
      return store(static_cast<int8_t>(s));
    case 'H':
      if (u > UINT16_MAX) break;
      return store(static_cast<uint16_t>(u));
    case 'h':
      if (!range(INT16_MIN, INT16_MAX)) break;
      return store(static_cast<int16_t>(s));
    case 'I':
      if (u > UINT32_MAX) break;
      return store(static_cast<uint32_t>(u));
    case 'i':
      if (!range(INT32_MIN, INT32_MAX)) break;
      return store(static_cast<int32_t>(s));
    case 'L':
    case 'Q':
    case 'N':
    case 'P':
      return store(u);
    default:  // l q n
      return store(s);
  }
  return raiseFormatError(exc::ValueError, "value", fmt);
}

// ---------------------------------------------------------------------------
// Views

MemoryViewObj* mv(Value v) { return asMemoryView(v); }
bool released(Value v) { return (mv(v)->flags & mvf::kReleased) != 0; }
char formatChar(Value v) { return static_cast<char>((mv(v)->flags >> mvf::kFormatCharShift) & 0xff); }
bool readonly(Value v) { return (mv(v)->flags & mvf::kReadonly) != 0; }

Value raiseReleased() { return raise(exc::ValueError, "operation forbidden on released memoryview object"); }

// True (no exception) while usable; false with ValueError once released.
bool checkReleased(Value v) {
  if (!released(v)) return true;
  raiseReleased();
  return false;
}

// Fills `out` with the view's layout (no export taken).  Precondition: not released.
void viewOf(Value self, Buffer* out) {
  MemoryViewObj* m = mv(self);
  out->obj = m->exporter.get();
  out->procs = m->procs;
  out->offset = m->offset;
  out->len = m->nbytes;
  out->itemsize = m->itemsize;
  out->readonly = (m->flags & mvf::kReadonly) != 0;
  out->counted = false;
  out->ndim = static_cast<int>(m->ndim);
  for (int d = 0; d < out->ndim; ++d) {
    out->shape[d] = m->shape()[d];
    out->strides[d] = m->strides()[d];
  }
}

// Recomputes nbytes and the contiguity flags from shape and strides.
void updateDerived(MemoryViewObj* m) {
  Buffer b;
  b.itemsize = m->itemsize;
  b.ndim = static_cast<int>(m->ndim);
  int64_t n = m->itemsize;
  for (int d = 0; d < b.ndim; ++d) {
    b.shape[d] = m->shape()[d];
    b.strides[d] = m->strides()[d];
    n *= b.shape[d];
  }
  b.len = n;
  m->nbytes = n;
  m->flags &= ~(mvf::kCContiguous | mvf::kFContiguous);
  if (b.isCContiguous()) m->flags |= mvf::kCContiguous;
  if (b.isFContiguous()) m->flags |= mvf::kFContiguous;
}

// A new view with `ndim` dimensions (shape and strides left for the caller)
// on the same exporter as `like` (a Buffer or a memoryview's layout); takes
// its own export on the exporter when it counts them.  Null on error.
Value allocView(int64_t ndim) {
  Obj* o = newObject(types::memoryview_type, sizeof(MemoryViewObj) + 2 * sizeof(int64_t) * static_cast<size_t>(ndim));
  auto* m = static_cast<MemoryViewObj*>(o);
  m->ndim = ndim;
  m->hash = -1;
  return Value(o);
}

void setFormat(Value view, char fmt_char, Value format) {
  MemoryViewObj* m = mv(view);
  m->format.set(format);
  m->flags = (m->flags & ~(int64_t{0xff} << mvf::kFormatCharShift)) |
             (static_cast<int64_t>(static_cast<unsigned char>(fmt_char)) << mvf::kFormatCharShift);
}

// Makes `view` own the export in `buf` (or take a new one on its exporter).
bool adoptExport(Value view, Buffer* buf) {
  if (!buf->counted) return true;
  Value record = bufferTrackOwner(view, buf);
  if (record.isNull()) {
    if (errorPending()) return false;
    return true;
  }
  mv(view)->record.set(record);
  return true;
}

// A new view on the exporter of `src` (a live memoryview) with its format,
// readonly flag and `ndim` dimensions; the caller sets shape and strides and
// then calls updateDerived.  Shares the export of `src`.  Null on error.
Value derivedView(Value src, int64_t ndim) {
  Value view = allocView(ndim);
  MemoryViewObj* s = mv(src);
  MemoryViewObj* m = mv(view);
  m->exporter.set(s->exporter.get());
  m->procs = s->procs;
  m->offset = s->offset;
  m->itemsize = s->itemsize;
  m->flags = s->flags & ~(mvf::kCContiguous | mvf::kFContiguous);
  m->format.set(s->format.get());
  // The new view shares the export of `src` (CPython's managed buffer).
  if (!s->record.get().isNull()) {
    Value record = bufferShareExport(view, s->record.get());
    if (record.isNull()) return record;
    mv(view)->record.set(record);
  }
  return view;
}

}  // namespace

// ---------------------------------------------------------------------------
// Construction

Value newMemoryView(Value obj) {
  if (isMemoryView(obj)) {
    if (!checkReleased(obj)) return Value();
    int64_t ndim = mv(obj)->ndim;
    Value view = derivedView(obj, ndim);
    if (view.isNull()) return view;
    MemoryViewObj* s = mv(obj);
    MemoryViewObj* m = mv(view);
    for (int64_t d = 0; d < 2 * ndim; ++d) m->shape()[d] = s->shape()[d];
    updateDerived(m);
    if (ndim == 0) m->nbytes = s->nbytes;  // the exporter's length (below)
    return view;
  }
  if (!hasBuffer(obj)) {
    return raisef(exc::TypeError, "memoryview: a bytes-like object is required, not '%s'", typeNameOf(obj).c_str());
  }
  ScopedBuffer buf;
  if (!getBuffer(obj, &buf, buffer_flags::kFullRO)) return Value();
  char fmt = nativeFormatChar(buf.format);
  Value format = fmt == 'B' && buf.format.size() == 1 ? strFromCodePoint(U'B') : newStr(buf.format);
  if (format.isNull()) return format;
  Value view = allocView(buf.ndim);
  MemoryViewObj* m = mv(view);
  m->exporter.set(buf.obj);
  m->procs = buf.procs;
  m->offset = buf.offset;
  m->itemsize = buf.itemsize;
  m->flags = buf.readonly ? mvf::kReadonly : 0;
  for (int d = 0; d < buf.ndim; ++d) {
    m->shape()[d] = buf.shape[d];
    m->strides()[d] = buf.strides[d];
  }
  updateDerived(m);
  // A 0-dimensional export says its length itself: _ctypes's structures
  // have an item size of 0 and the size of the object as length, as CPython's
  // memoryview keeps it (cast('B') then sees every byte).
  if (buf.ndim == 0) m->nbytes = buf.len;
  setFormat(view, fmt, format);
  if (!adoptExport(view, &buf)) return Value();
  return view;
}

namespace {

const MethodDef kMemoryViewNewDef = {.name = "memoryview", .signature = "(object)"};

Value memoryview_new(Type*, const Value* args, size_t nargs, Value kwnames) {
  Value a[1];
  if (!bindArguments(&kMemoryViewNewDef, Value(), args, nargs, kwnames, a)) return Value();
  return newMemoryView(a[0]);
}

// ---------------------------------------------------------------------------
// Reading items

// The item at the address of `buf` plus `byte_offset`.
Value unpackAt(Value self, const Buffer& buf, int64_t byte_offset) {
  char fmt = formatChar(self);
  if (fmt == 0) {
    return raisef(exc::NotImplementedError, "memoryview: unsupported format %s",
                  strToUtf8(mv(self)->format.get()).c_str());
  }
  return unpackItem(fmt, buf.data() + byte_offset);
}

// The byte offset of item `index` of dimension `dim` (negative counts from
// the end); false with IndexError when out of range.
bool offsetOf(const Buffer& buf, int dim, int64_t index, int64_t* out) {
  int64_t n = buf.shape[dim];
  if (index < 0) index += n;
  if (index < 0 || index >= n) {
    raisef(exc::IndexError, "index out of bounds on dimension %d", dim + 1);
    return false;
  }
  *out = index * buf.strides[dim];
  return true;
}

bool isIndexable(Value v) { return v.isSmallInt() || typeOf(v)->slots.nb_index != nullptr; }

// Are all items of the tuple indexable / slices?
bool isMultiIndex(Value key) {
  for (int64_t i = 0; i < tupleLength(key); ++i) {
    if (!isIndexable(tupleItem(key, i))) return false;
  }
  return true;
}
bool isMultiSlice(Value key) {
  for (int64_t i = 0; i < tupleLength(key); ++i) {
    if (!isSlice(tupleItem(key, i))) return false;
  }
  return true;
}

// The byte offset of the item named by a tuple of indices.
bool multiIndexOffset(const Buffer& buf, Value key, int64_t* out) {
  int64_t n = tupleLength(key);
  if (n < buf.ndim) {
    raise(exc::NotImplementedError, "sub-views are not implemented");
    return false;
  }
  if (n > buf.ndim) {
    raisef(exc::TypeError, "cannot index %d-dimension view with %lld-element tuple", buf.ndim,
           static_cast<long long>(n));
    return false;
  }
  int64_t total = 0;
  for (int d = 0; d < buf.ndim; ++d) {
    int64_t i;
    if (!indexToInt64(tupleItem(key, d), &i, exc::IndexError)) return false;
    int64_t off;
    if (!offsetOf(buf, d, i, &off)) return false;
    total += off;
  }
  *out = total;
  return true;
}

// mv[a:b:c]: a new view sliced along the first dimension.
Value sliceView(Value self, Value key) {
  int64_t start, stop, step, length;
  if (!sliceIndices(key, mv(self)->shape()[0], &start, &stop, &step, &length)) return Value();
  int64_t ndim = mv(self)->ndim;
  Value view = derivedView(self, ndim);
  if (view.isNull()) return view;
  MemoryViewObj* s = mv(self);
  MemoryViewObj* m = mv(view);
  for (int64_t d = 0; d < 2 * ndim; ++d) m->shape()[d] = s->shape()[d];
  m->offset += start * m->strides()[0];
  m->shape()[0] = length;
  m->strides()[0] *= step;
  updateDerived(m);
  return view;
}

Value memoryview_subscript(Value self, Value key) {
  if (!checkReleased(self)) return Value();
  Buffer buf;
  viewOf(self, &buf);
  if (buf.ndim == 0) {
    if (isTuple(key) && tupleLength(key) == 0) return unpackAt(self, buf, 0);
    if (key.asObject() == singletons::Ellipsis) return self;
    return raise(exc::TypeError, "invalid indexing of 0-dim memory");
  }
  if (isIndexable(key)) {
    int64_t i;
    if (!indexToInt64(key, &i, exc::IndexError)) return Value();
    if (!checkReleased(self)) return Value();
    if (buf.ndim != 1) return raise(exc::NotImplementedError, "multi-dimensional sub-views are not implemented");
    int64_t off;
    if (!offsetOf(buf, 0, i, &off)) return Value();
    return unpackAt(self, buf, off);
  }
  if (isSlice(key)) return sliceView(self, key);
  if (isTuple(key)) {
    if (isMultiIndex(key)) {
      int64_t off;
      if (!multiIndexOffset(buf, key, &off)) return Value();
      if (!checkReleased(self)) return Value();
      return unpackAt(self, buf, off);
    }
    if (isMultiSlice(key)) return raise(exc::NotImplementedError, "multi-dimensional slicing is not implemented");
  }
  return raise(exc::TypeError, "memoryview: invalid slice key");
}

// ---------------------------------------------------------------------------
// Writing items

// Stores `value` as the item at byte offset `off` from the view's origin.
int storeAt(Value self, int64_t off, Value value) {
  char fmt = formatChar(self);
  if (fmt == 0) {
    raisef(exc::NotImplementedError, "memoryview: unsupported format %s", strToUtf8(mv(self)->format.get()).c_str());
    return -1;
  }
  unsigned char raw[8];
  if (!packItem(fmt, value, raw)) return -1;
  // User code may have released the view meanwhile; while it has not, the
  // export is held and the storage kept its size.
  if (!checkReleased(self)) return -1;
  Buffer buf;
  viewOf(self, &buf);
  std::memcpy(buf.data() + off, raw, static_cast<size_t>(buf.itemsize));
  return 0;
}

bool sameFormat(const std::string& a, const std::string& b) {
  std::string_view x = a, y = b;
  if (!x.empty() && x[0] == '@') x.remove_prefix(1);
  if (!y.empty() && y[0] == '@') y.remove_prefix(1);
  return x == y;
}

// mv[a:b:c] = value for a 1-D view.
int assignSlice(Value self, Value key, Value value) {
  int64_t start, stop, step, length;
  if (!sliceIndices(key, mv(self)->shape()[0], &start, &stop, &step, &length)) return -1;
  std::string src_bytes;
  {
    ScopedBuffer src;
    if (!getBuffer(value, &src, buffer_flags::kFullRO)) return -1;
    if (!checkReleased(self)) return -1;
    std::string dst_format = strToUtf8(mv(self)->format.get());
    if (src.itemsize != mv(self)->itemsize || !sameFormat(src.format, dst_format) || src.ndim != 1 ||
        src.shape[0] != length) {
      raise(exc::ValueError, "memoryview assignment: lvalue and rvalue have different structures");
      return -1;
    }
    // A copy first: the source may overlap the destination.
    bufferCopyTo(src, 'C', &src_bytes);
  }
  if (!checkReleased(self)) return -1;
  Buffer buf;
  viewOf(self, &buf);
  char* base = buf.data() + start * buf.strides[0];
  int64_t stride = buf.strides[0] * step;
  auto item = static_cast<size_t>(buf.itemsize);
  for (int64_t i = 0; i < length; ++i) std::memcpy(base + i * stride, src_bytes.data() + i * buf.itemsize, item);
  return 0;
}

int memoryview_ass_subscript(Value self, Value key, Value value) {
  if (!checkReleased(self)) return -1;
  if (readonly(self)) {
    raise(exc::TypeError, "cannot modify read-only memory");
    return -1;
  }
  if (value.isNull()) {
    raise(exc::TypeError, "cannot delete memory");
    return -1;
  }
  Buffer buf;
  viewOf(self, &buf);
  if (buf.ndim == 0) {
    if (key.asObject() == singletons::Ellipsis || (isTuple(key) && tupleLength(key) == 0)) {
      return storeAt(self, 0, value);
    }
    raise(exc::TypeError, "invalid indexing of 0-dim memory");
    return -1;
  }
  if (isIndexable(key)) {
    if (buf.ndim > 1) {
      raise(exc::NotImplementedError, "sub-views are not implemented");
      return -1;
    }
    int64_t i, off;
    if (!indexToInt64(key, &i, exc::IndexError)) return -1;
    if (!offsetOf(buf, 0, i, &off)) return -1;
    return storeAt(self, off, value);
  }
  if (isSlice(key)) {
    if (buf.ndim != 1) {
      raise(exc::NotImplementedError, "memoryview slice assignments are currently restricted to ndim = 1");
      return -1;
    }
    return assignSlice(self, key, value);
  }
  if (isTuple(key)) {
    if (isMultiIndex(key)) {
      int64_t off;
      if (!multiIndexOffset(buf, key, &off)) return -1;
      return storeAt(self, off, value);
    }
    if (isMultiSlice(key)) {
      raise(exc::NotImplementedError, "memoryview slice assignments are currently restricted to ndim = 1");
      return -1;
    }
  }
  raise(exc::TypeError, "memoryview: invalid slice key");
  return -1;
}

// ---------------------------------------------------------------------------
// Slots

int64_t memoryview_len(Value self) {
  if (!checkReleased(self)) return -1;
  return mv(self)->ndim == 0 ? 1 : mv(self)->shape()[0];
}

Value memoryview_repr(Value self) {
  char buf[64];
  std::snprintf(buf, sizeof buf, released(self) ? "<released memory at %p>" : "<memory at %p>",
                reinterpret_cast<void*>(gc::identity(self.asObject())));
  return newStr(buf);
}

int64_t memoryview_hash(Value self) {
  MemoryViewObj* m = mv(self);
  if (m->hash != -1) return m->hash;
  if (!checkReleased(self)) return -1;
  if (!readonly(self)) {
    raise(exc::ValueError, "cannot hash writable memoryview object");
    return -1;
  }
  if (!isByteFormat(formatChar(self))) {
    raise(exc::ValueError, "memoryview: hashing is restricted to formats 'B', 'b' or 'c'");
    return -1;
  }
  // The exporter must be hashable too (a read-only view of a bytearray is not).
  if (hash(mv(self)->exporter.get()) == -1) return -1;
  if (!checkReleased(self)) return -1;
  Buffer buf;
  viewOf(self, &buf);
  std::string data;
  bufferCopyTo(buf, 'C', &data);
  int64_t h = objects::hash_bytes(data.data(), data.size());
  mv(self)->hash = h;
  return h;
}

// Compares the items of two views of equal shape; 1/0/-1.
int compareItems(const Buffer& va, char fa, const Buffer& vb, char fb) {
  // Fast path: same integer-like format, compare the bytes item by item.
  bool raw = fa == fb && fa != 'f' && fa != 'd';  // '?' too compares its bytes, as CPython
  std::string da, db;
  bufferCopyTo(va, 'C', &da);
  bufferCopyTo(vb, 'C', &db);
  if (raw) return da == db ? 1 : 0;
  int64_t n = va.itemsize == 0 ? 0 : static_cast<int64_t>(da.size()) / va.itemsize;
  for (int64_t i = 0; i < n; ++i) {
    Value x = unpackItem(fa, da.data() + i * va.itemsize);
    if (x.isNull()) return -1;
    Value y = unpackItem(fb, db.data() + i * vb.itemsize);
    if (y.isNull()) return -1;
    int r = richCompareBool(x, y, kEq);
    if (r <= 0) return r;
  }
  return 1;
}

Value memoryview_richcompare(Value self, Value other, int op) {
  if (op != kEq && op != kNe) return NotImplemented();
  // self may be the right operand: find the memoryview among the two.
  Value v = self, w = other;
  if (!isMemoryView(v)) std::swap(v, w);
  bool equal;
  if (released(v) || (isMemoryView(w) && released(w))) {
    equal = v.asObject() == w.asObject();
  } else {
    if (!hasBuffer(w)) return NotImplemented();
    Buffer vv;
    viewOf(v, &vv);
    char fv = formatChar(v);
    ScopedBuffer wv;
    if (!getBuffer(w, &wv, buffer_flags::kFullRO)) return Value();
    char fw = nativeFormatChar(wv.format);
    if (fv == 0 || fw == 0) return NotImplemented();
    equal = vv.ndim == wv.ndim;
    for (int d = 0; equal && d < vv.ndim; ++d) equal = vv.shape[d] == wv.shape[d];
    if (equal) {
      int r = compareItems(vv, fv, wv, fw);
      if (r < 0) return Value();
      equal = r == 1;
    }
  }
  return Bool(op == kEq ? equal : !equal);
}

// ---------------------------------------------------------------------------
// Iteration

struct MemoryIterObj : Obj {
  gc::HeapValue view;  // null once exhausted
  int64_t index;
};

Value memoryview_iter(Value self) {
  if (!checkReleased(self)) return Value();
  if (mv(self)->ndim == 0) return raise(exc::TypeError, "invalid indexing of 0-dim memory");
  if (mv(self)->ndim != 1) return raise(exc::NotImplementedError, "multi-dimensional sub-views are not implemented");
  if (formatChar(self) == 0) {
    return raisef(exc::NotImplementedError, "memoryview: unsupported format %s",
                  strToUtf8(mv(self)->format.get()).c_str());
  }
  auto* it = static_cast<MemoryIterObj*>(newObject(types::memory_iterator_type, sizeof(MemoryIterObj)));
  it->view.set(self);
  it->index = 0;
  return Value(it);
}

Value memoryiter_next(Value self) {
  auto* it = static_cast<MemoryIterObj*>(self.asObject());
  Value view = it->view.get();
  if (view.isNull()) return Value();
  if (it->index >= mv(view)->shape()[0]) {
    it->view.set(Value());
    return Value();
  }
  if (!checkReleased(view)) return Value();
  Buffer buf;
  viewOf(view, &buf);
  int64_t off = it->index * buf.strides[0];
  it->index += 1;
  return unpackAt(view, buf, off);
}

// ---------------------------------------------------------------------------
// Methods

Value memoryview_release(Value* args) {
  Value self = args[0];
  MemoryViewObj* m = mv(self);
  if ((m->flags & mvf::kReleased) != 0) return None();
  if (m->exports > 0) {
    return raisef(exc::BufferError, "memoryview has %lld exported buffer%s", static_cast<long long>(m->exports),
                  m->exports > 1 ? "s" : "");
  }
  Value record = m->record.get();
  m->record.set(Value());
  m->exporter.set(Value());
  m->flags |= mvf::kReleased;
  bufferUntrackOwner(record);  // may collect
  return None();
}

Value memoryview___enter__(Value* args) {
  if (!checkReleased(args[0])) return Value();
  return args[0];
}

Value memoryview___exit__(Value* args) { return memoryview_release(args); }

// The order argument of tobytes: 'C', 'F' or 'A'; 0 on error.
char orderArg(Value order) {
  if (order.isNull() || isNone(order)) return 'C';
  if (!isStr(order)) {
    raisef(exc::TypeError, "tobytes() argument 'order' must be str or None, not %s", typeNameOf(order).c_str());
    return 0;
  }
  if (strEqualsAscii(order, "C")) return 'C';
  if (strEqualsAscii(order, "F")) return 'F';
  if (strEqualsAscii(order, "A")) return 'A';
  raise(exc::ValueError, "order must be 'C', 'F' or 'A'");
  return 0;
}

Value memoryview_tobytes(Value* args) {
  Value self = args[0];
  if (!checkReleased(self)) return Value();
  char order = orderArg(args[1]);
  if (order == 0) return Value();
  if (!checkReleased(self)) return Value();
  Buffer buf;
  viewOf(self, &buf);
  std::string data;
  bufferCopyTo(buf, order, &data);
  return newBytes(data);
}

// The items of dimension `d` onward from byte offset `off`, as nested lists.
Value toList(Value self, const Buffer& buf, int d, int64_t off) {
  int64_t n = buf.shape[d];
  Value list = newList(n);
  if (list.isNull()) return list;
  for (int64_t i = 0; i < n; ++i) {
    Value item = d == buf.ndim - 1 ? unpackAt(self, buf, off + i * buf.strides[d])
                                   : toList(self, buf, d + 1, off + i * buf.strides[d]);
    if (item.isNull() || !listAppend(list, item)) return Value();
  }
  return list;
}

Value memoryview_tolist(Value* args) {
  Value self = args[0];
  if (!checkReleased(self)) return Value();
  if (formatChar(self) == 0) {
    return raisef(exc::NotImplementedError, "memoryview: unsupported format %s",
                  strToUtf8(mv(self)->format.get()).c_str());
  }
  Buffer buf;
  viewOf(self, &buf);
  if (buf.ndim == 0) return unpackAt(self, buf, 0);
  return toList(self, buf, 0, 0);
}

Value memoryview_toreadonly(Value* args) {
  Value self = args[0];
  Value view = newMemoryView(self);
  if (view.isNull()) return view;
  mv(view)->flags |= mvf::kReadonly;
  return view;
}

Value memoryview_hex(Value* args) {
  Value self = args[0], sep = args[1];
  if (!checkReleased(self)) return Value();
  char sep_char = 0;
  int64_t per_sep = 1;
  if (!sep.isNull()) {
    std::string text;
    if (isStr(sep)) {
      if (asStr(sep)->length != 1) return raise(exc::ValueError, "sep must be length 1.");
      char32_t c = asStr(sep)->at(0);
      if (c > 127) return raise(exc::ValueError, "sep must be ASCII.");
      sep_char = static_cast<char>(c);
    } else if (isBytes(sep) || isByteArray(sep)) {
      std::string_view v;
      bytesLikeView(sep, &v);
      if (v.size() != 1) return raise(exc::ValueError, "sep must be length 1.");
      if (static_cast<unsigned char>(v[0]) > 127) return raise(exc::ValueError, "sep must be ASCII.");
      sep_char = v[0];
    } else {
      int64_t n = length(sep);
      if (n < 0) return Value();
      if (n != 1) return raise(exc::ValueError, "sep must be length 1.");
      return raise(exc::TypeError, "sep must be str or bytes.");
    }
    // bytes_per_sep is a C int in CPython.
    if (!argIndex(args[2], &per_sep) || per_sep > INT32_MAX || per_sep < INT32_MIN) {
      if (errorPending() && !errorMatches(exc::OverflowError)) return Value();
      clearError();
      return raise(exc::OverflowError, "Python int too large to convert to C int");
    }
  }
  if (!checkReleased(self)) return Value();
  Buffer buf;
  viewOf(self, &buf);
  std::string data;
  bufferCopyTo(buf, 'C', &data);
  static const char kHex[] = "0123456789abcdef";
  std::string out;
  size_t n = data.size();
  uint64_t group = per_sep < 0 ? 0 - static_cast<uint64_t>(per_sep) : static_cast<uint64_t>(per_sep);
  out.reserve(3 * n);
  for (size_t i = 0; i < n; ++i) {
    if (sep_char != 0 && group > 0 && i > 0) {
      // Groups count from the right for a positive bytes_per_sep, from the
      // left for a negative one.
      bool boundary = per_sep > 0 ? (n - i) % group == 0 : i % group == 0;
      if (boundary) out.push_back(sep_char);
    }
    auto c = static_cast<unsigned char>(data[i]);
    out.push_back(kHex[c >> 4]);
    out.push_back(kHex[c & 15]);
  }
  return newStr(out);
}

Value memoryview_cast(Value* args) {
  Value self = args[0], format = args[1], shape = args[2];
  if (!checkReleased(self)) return Value();
  if (!argStr(format, "cast", "format")) return Value();
  MemoryViewObj* m = mv(self);
  if ((m->flags & mvf::kCContiguous) == 0) return raise(exc::TypeError, "memoryview: casts are restricted to C-contiguous views");
  bool has_shape = !shape.isNull();
  if (has_shape || m->ndim != 1) {
    for (int64_t d = 0; d < m->ndim; ++d) {
      if (m->shape()[d] == 0) return raise(exc::TypeError, "memoryview: cannot cast view with zeros in shape or strides");
    }
  }
  int64_t ndim = 1;
  if (has_shape) {
    if (!isList(shape) && !isTuple(shape)) return raise(exc::TypeError, "shape must be a list or a tuple");
    ndim = isList(shape) ? listLength(shape) : tupleLength(shape);
    if (m->ndim != 1 && ndim != 1) return raise(exc::TypeError, "memoryview: cast must be 1D -> ND or ND -> 1D");
    if (ndim > kMaxBufferDims) return raise(exc::ValueError, "memoryview: number of dimensions must not exceed 64");
  }
  // The destination format.  A non-ASCII one fails as CPython's: with the
  // UnicodeEncodeError of format.encode('ascii').
  if (!asStr(format)->ascii) {
    Value encode = getAttr(format, internStr("encode"));
    if (encode.isNull() || call1(encode, internStr("ascii")).isNull()) return Value();
  }
  std::string fmt_text = strToUtf8(format);
  char dest = nativeFormatChar(fmt_text);
  if (dest == 0) {
    return raise(exc::ValueError,
                 "memoryview: destination format must be a native single character format prefixed with an "
                 "optional '@'");
  }
  char src = formatChar(self);
  if (!isByteFormat(src) && !isByteFormat(dest)) {
    return raise(exc::TypeError, "memoryview: cannot cast between two non-byte formats");
  }
  int64_t itemsize = nativeItemSize(dest);
  int64_t nbytes = m->nbytes;
  if (nbytes % itemsize != 0) return raise(exc::TypeError, "memoryview: length is not a multiple of itemsize");
  // The destination shape.
  int64_t dims[kMaxBufferDims];
  if (has_shape) {
    int64_t product = itemsize;
    for (int64_t d = 0; d < ndim; ++d) {
      Value x = isList(shape) ? listItem(shape, d) : tupleItem(shape, d);
      if (!isInt(x)) return raise(exc::TypeError, "memoryview.cast(): elements of shape must be integers");
      int64_t n;
      if (!intToInt64(x, &n)) {
        clearError();
        return raise(exc::OverflowError, "Python int too large to convert to C ssize_t");
      }
      if (n <= 0) return raise(exc::ValueError, "memoryview.cast(): elements of shape must be integers > 0");
      if (n > INT64_MAX / product) return raise(exc::ValueError, "memoryview.cast(): product(shape) > SSIZE_MAX");
      product *= n;
      dims[d] = n;
    }
    if (product != nbytes) return raise(exc::TypeError, "memoryview: product(shape) * itemsize != buffer size");
  } else {
    dims[0] = nbytes / itemsize;
  }
  Value new_format = fmt_text == "B" ? strFromCodePoint(U'B') : newStr(fmt_text);
  if (new_format.isNull()) return new_format;
  Value view = derivedView(self, ndim);
  if (view.isNull()) return view;
  MemoryViewObj* out = mv(view);
  out->itemsize = itemsize;
  int64_t stride = itemsize;
  for (int64_t d = ndim - 1; d >= 0; --d) {
    out->shape()[d] = dims[d];
    out->strides()[d] = stride;
    stride *= dims[d];
  }
  updateDerived(out);
  setFormat(view, dest, new_format);
  return view;
}

// ---------------------------------------------------------------------------
// Attributes

#define TERN_MV_GETTER(name, expr)  \
  Value memoryview_get_##name(Value self) { \
    if (!checkReleased(self)) return Value(); \
    MemoryViewObj* m = mv(self);   \
    (void)m;                       \
    return expr;                   \
  }

Value dimsTuple(Value self, bool strides) {
  int64_t ndim = mv(self)->ndim;
  Value t = newTuple(ndim);
  if (t.isNull()) return t;
  for (int64_t d = 0; d < ndim; ++d) {
    MemoryViewObj* m = mv(self);
    Value n = newInt(strides ? m->strides()[d] : m->shape()[d]);
    if (n.isNull()) return n;
    tupleInit(t, d, n);
  }
  return t;
}

TERN_MV_GETTER(obj, m->exporter.get())
TERN_MV_GETTER(nbytes, newInt(m->nbytes))
TERN_MV_GETTER(readonly, Bool((m->flags & mvf::kReadonly) != 0))
TERN_MV_GETTER(itemsize, newInt(m->itemsize))
TERN_MV_GETTER(format, m->format.get())
TERN_MV_GETTER(ndim, newInt(m->ndim))
TERN_MV_GETTER(shape, dimsTuple(self, false))
TERN_MV_GETTER(strides, dimsTuple(self, true))
TERN_MV_GETTER(suboffsets, newTuple(0))
TERN_MV_GETTER(c_contiguous, Bool((m->flags & mvf::kCContiguous) != 0))
TERN_MV_GETTER(f_contiguous, Bool((m->flags & mvf::kFContiguous) != 0))
TERN_MV_GETTER(contiguous, Bool((m->flags & (mvf::kCContiguous | mvf::kFContiguous)) != 0))
#undef TERN_MV_GETTER

// ---------------------------------------------------------------------------
// memoryview as an exporter (getBuffer on a memoryview)

bool memoryview_getbuffer(Value obj, Buffer* view, int flags) {
  if (!checkReleased(obj)) return false;
  if ((flags & buffer_flags::kWritable) != 0 && readonly(obj)) {
    raise(exc::BufferError, "memoryview: underlying buffer is not writable");
    return false;
  }
  MemoryViewObj* m = mv(obj);
  bool c = (m->flags & mvf::kCContiguous) != 0, f = (m->flags & mvf::kFContiguous) != 0;
  if ((flags & buffer_flags::kCContiguous) == buffer_flags::kCContiguous && !c) {
    raise(exc::BufferError, "memoryview: underlying buffer is not C-contiguous");
    return false;
  }
  if ((flags & buffer_flags::kFContiguous) == buffer_flags::kFContiguous && !f) {
    raise(exc::BufferError, "memoryview: underlying buffer is not Fortran contiguous");
    return false;
  }
  if ((flags & buffer_flags::kAnyContiguous) == buffer_flags::kAnyContiguous && !c && !f) {
    raise(exc::BufferError, "memoryview: underlying buffer is not contiguous");
    return false;
  }
  if ((flags & buffer_flags::kStrides) != buffer_flags::kStrides && !c) {
    raise(exc::BufferError, "memoryview: underlying buffer is not C-contiguous");
    return false;
  }
  // The view's layout, but obj and procs stay the memoryview's (set by
  // getBuffer): data() goes through memoryview_data, release through
  // memoryview_releasebuffer.
  Value self_obj = view->obj;
  const BufferProcs* self_procs = view->procs;
  viewOf(obj, view);
  view->obj = self_obj;
  view->procs = self_procs;
  view->format = strToUtf8(mv(obj)->format.get());
  view->counted = true;
  mv(obj)->exports += 1;
  return true;
}

void memoryview_releasebuffer(Value obj) { mv(obj)->exports -= 1; }
int64_t memoryview_exports(Value obj) { return mv(obj)->exports; }
char* memoryview_data(Value obj) {
  MemoryViewObj* m = mv(obj);
  return m->procs->data(m->exporter.get());
}

const BufferProcs kMemoryViewBufferProcs = {.get = memoryview_getbuffer,
                                            .release = memoryview_releasebuffer,
                                            .exports = memoryview_exports,
                                            .data = memoryview_data};
TERN_REGISTER_BUFFER(types::memoryview_type, kMemoryViewBufferProcs);

// ---------------------------------------------------------------------------
// Tables

const uint32_t kMemoryViewFields[] = {offsetof(Obj, ob_type), offsetof(MemoryViewObj, exporter),
                                      offsetof(MemoryViewObj, format), offsetof(MemoryViewObj, record)};
const gc::Layout kMemoryViewLayout = {.name = "memoryview", .fields = kMemoryViewFields};
const uint32_t kMemoryIterFields[] = {offsetof(Obj, ob_type), offsetof(MemoryIterObj, view)};
const gc::Layout kMemoryIterLayout = {.name = "memory_iterator", .fields = kMemoryIterFields};

const MethodDef kMemoryViewMethods[] = {
    {.name = "release", .signature = "($self, /)", .fn = memoryview_release,
     .doc = "Release the underlying buffer exposed by the memoryview object."},
    {.name = "tobytes", .signature = "($self, /, order='C')", .fn = memoryview_tobytes,
     .doc = "Return the data in the buffer as a byte string.\n\n"
            "Order can be {'C', 'F', 'A'}. When order is 'C' or 'F', the data of the\n"
            "original array is converted to C or Fortran order. For contiguous views,\n"
            "'A' returns an exact copy of the physical memory. In particular, in-memory\n"
            "Fortran order is preserved. For non-contiguous views, the data is converted\n"
            "to C first. order=None is the same as order='C'."},
    {.name = "hex", .signature = "($self, /, sep=<unrepresentable>, bytes_per_sep=1)", .fn = memoryview_hex,
     .doc = "Return the data in the buffer as a str of hexadecimal numbers.\n\n"
            "  sep\n    An optional single character or byte to separate hex bytes.\n"
            "  bytes_per_sep\n    How many bytes between separators.  Positive values count from the\n"
            "    right, negative values count from the left.\n\nExample:\n"
            ">>> value = memoryview(b'\\xb9\\x01\\xef')\n>>> value.hex()\n'b901ef'\n"
            ">>> value.hex(':')\n'b9:01:ef'\n>>> value.hex(':', 2)\n'b9:01ef'\n"
            ">>> value.hex(':', -2)\n'b901:ef'"},
    {.name = "tolist", .signature = "($self, /)", .fn = memoryview_tolist,
     .doc = "Return the data in the buffer as a list of elements."},
    {.name = "cast", .signature = "($self, /, format, shape=<unrepresentable>)", .fn = memoryview_cast,
     .doc = "Cast a memoryview to a new format or shape."},
    {.name = "toreadonly", .signature = "($self, /)", .fn = memoryview_toreadonly,
     .doc = "Return a readonly version of the memoryview."},
    {.name = "__enter__", .signature = "($self, /)", .fn = memoryview___enter__},
    {.name = "__exit__", .signature = "($self, /, *args)", .fn = memoryview___exit__},
};

const GetSetDef kMemoryViewGetSets[] = {
    {.name = "obj", .get = memoryview_get_obj, .doc = "The underlying object of the memoryview."},
    {.name = "nbytes", .get = memoryview_get_nbytes,
     .doc = "The amount of space in bytes that the array would use in\n a contiguous representation."},
    {.name = "readonly", .get = memoryview_get_readonly, .doc = "A bool indicating whether the memory is read only."},
    {.name = "itemsize", .get = memoryview_get_itemsize, .doc = "The size in bytes of each element of the memoryview."},
    {.name = "format", .get = memoryview_get_format,
     .doc = "A string containing the format (in struct module style)\n for each element in the view."},
    {.name = "ndim", .get = memoryview_get_ndim,
     .doc = "An integer indicating how many dimensions of a multi-dimensional\n array the memory represents."},
    {.name = "shape", .get = memoryview_get_shape,
     .doc = "A tuple of ndim integers giving the shape of the memory\n as an N-dimensional array."},
    {.name = "strides", .get = memoryview_get_strides,
     .doc = "A tuple of ndim integers giving the size in bytes to access\n each element for each dimension of the array."},
    {.name = "suboffsets", .get = memoryview_get_suboffsets,
     .doc = "A tuple of integers used internally for PIL-style arrays."},
    {.name = "c_contiguous", .get = memoryview_get_c_contiguous,
     .doc = "A bool indicating whether the memory is C contiguous."},
    {.name = "f_contiguous", .get = memoryview_get_f_contiguous,
     .doc = "A bool indicating whether the memory is Fortran contiguous."},
    {.name = "contiguous", .get = memoryview_get_contiguous, .doc = "A bool indicating whether the memory is contiguous."},
};

const TypeSpec kMemoryViewSpec = {
    .name = "memoryview",
    .type = &types::memoryview_type,
    .layout = &kMemoryViewLayout,
    .basic_size = sizeof(MemoryViewObj),
    .item_size = 2 * sizeof(int64_t),
    .flags = type_flags::kSequence,
    .slots =
        {
            .tp_repr = memoryview_repr,
            .tp_hash = memoryview_hash,
            .tp_richcompare = memoryview_richcompare,
            .tp_iter = memoryview_iter,
            .tp_new = memoryview_new,
            .mp_length = memoryview_len,
            .mp_subscript = memoryview_subscript,
            .mp_ass_subscript = memoryview_ass_subscript,
        },
    .methods = kMemoryViewMethods,
    .getsets = kMemoryViewGetSets,
    .doc = "Create a new memoryview object which references the given object.",
    .weakrefable = true,
};
TERN_REGISTER_TYPE(kMemoryViewSpec);

const TypeSpec kMemoryIterSpec = {
    .name = "memory_iterator",
    .type = &types::memory_iterator_type,
    .layout = &kMemoryIterLayout,
    .basic_size = sizeof(MemoryIterObj),
    .slots = {.tp_iter = containers::selfIter, .tp_iternext = memoryiter_next},
};
TERN_REGISTER_TYPE(kMemoryIterSpec);

}  // namespace
}  // namespace tern
