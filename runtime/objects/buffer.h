// The buffer protocol, runtime side: how memoryview, bytes(x), b''.join and
// friends read the raw memory of bytes, bytearray, memoryview (and later
// array, mmap and C extensions) without knowing their types.
//
// Heap objects move (DESIGN.md §3), so a Buffer keeps NO raw pointer into its
// exporter.  It holds the exporter (`obj`, a Value: safe on the C++ stack,
// which is scanned conservatively) and the exporter's BufferProcs, and
// re-derives the address of the data on every access: `view.data()` is valid
// only until the next allocation, exactly like bytesLikeView's string_view.
// This is what Python-level memoryview needs and it is correct under the
// moving collector without pinning anything.  Handing a raw pointer to C code
// that keeps it across allocations (Py_buffer.buf for C extensions,
// PyByteArray_AS_STRING) is cpyext's business (issue #6): it must pin the
// exporter's storage or copy it to non-moving memory for as long as the
// Py_buffer lives; nothing here does that.
//
// Exports.  An exporter whose storage may be replaced (bytearray) counts the
// buffers taken from it, so that resizing while exported raises BufferError
// "Existing exports of data: object cannot be re-sized" as in CPython.  A
// Buffer holding such an export has `counted` set and gives it back in
// releaseBuffer.  A memoryview holds its export until release() (or the end
// of a `with` block).  A memoryview that dies without release() gives its
// export back lazily: bufferExports() (what a resize checks) first reclaims
// the exports of unreachable memoryviews by running a collection, so
//     m = memoryview(ba); del m; ba.append(1)
// works as in CPython.  No user code runs during that reclaim (it uses weak
// slots, not finalizers); a view still referenced from somewhere (or from a
// stale word on the C++ stack, which conservative scanning keeps alive) keeps
// its export.
//
// Exporters register their BufferProcs with registerBufferProcs (a small
// registry in buffer.cc; object.h's Slots has no buffer slot): bytes,
// bytearray and memoryview are registered by buffer.cc / memoryview.cc at
// start-up; native modules (array, mmap) call registerBufferProcs when they
// create their types; instances of Python subclasses find their base's procs.
//
// Views are 1-D for bytes and bytearray; memoryview.cast makes C-contiguous
// N-D views and slicing makes strided ones.  Suboffsets (PIL-style indirect
// arrays) are not supported: only C extensions export those (issue #6).
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include "runtime/objects/object.h"

namespace tern {

// Request flags: CPython's PyBUF_* values, so that cpyext passes them through.
namespace buffer_flags {
inline constexpr int kSimple = 0;
inline constexpr int kWritable = 0x0001;
inline constexpr int kFormat = 0x0004;
inline constexpr int kND = 0x0008;
inline constexpr int kStrides = 0x0010 | kND;
inline constexpr int kCContiguous = 0x0020 | kStrides;
inline constexpr int kFContiguous = 0x0040 | kStrides;
inline constexpr int kAnyContiguous = 0x0080 | kStrides;
inline constexpr int kIndirect = 0x0100 | kStrides;
inline constexpr int kFullRO = kIndirect | kFormat;
inline constexpr int kFull = kFullRO | kWritable;
inline constexpr int kRecordsRO = kStrides | kFormat;
}  // namespace buffer_flags

inline constexpr int kMaxBufferDims = 64;  // PyBUF_MAX_NDIM

struct Buffer;

// What an exporter provides.  `get` fills a view whose obj and procs are
// already set; `data` re-derives the storage address.
struct BufferProcs {
  // Fills len, readonly, itemsize, format, ndim, shape, strides and offset
  // (defaults: 0, false, 1, "B", 1, {len}, {1}, 0 are set before the call)
  // and takes an export if the exporter counts them (then sets `counted`).
  // False with an exception pending (BufferError for kWritable on read-only
  // storage, ...).
  bool (*get)(Value obj, Buffer* view, int flags) = nullptr;
  // Gives back one export that `get` took (called only for counted views);
  // null for exporters that do not count.
  void (*release)(Value obj) = nullptr;
  // The number of exports held now; null for exporters that do not count.
  int64_t (*exports)(Value obj) = nullptr;
  // The address of the first byte of the storage now; valid until the next
  // allocation.  Never allocates.
  char* (*data)(Value obj) = nullptr;
  // Where C may keep the storage's address for as long as an export is held
  // (moved where the collector never moves it, if need be), or null if this
  // exporter cannot promise that: cpyext then gives C a copy.  May allocate.
  char* (*stable_data)(Value obj) = nullptr;
  // The exporter watches its exports itself (a C type's bf_releasebuffer, a
  // count C reads): memoryview.release() gives the shared export back at
  // once when the other views sharing it are garbage, finding out by
  // collecting (bufferUntrackOwner).  Without it that waits for
  // bufferExports(), the only reader of the count.
  bool prompt_release = false;
};

// A view of an exporter's memory (CPython's Py_buffer, without the raw
// pointer; see the header comment).  Lives on the C++ stack.
struct Buffer {
  Value obj;                          // the exporter; null once released
  const BufferProcs* procs = nullptr;
  int64_t offset = 0;    // bytes from the storage start to the item whose indices are all 0
  int64_t len = 0;       // product(shape) * itemsize
  int64_t itemsize = 1;
  bool readonly = true;
  bool counted = false;  // holds one export of obj (releaseBuffer gives it back)
  int ndim = 1;
  std::string format = "B";  // struct-module syntax
  int64_t shape[kMaxBufferDims] = {};
  int64_t strides[kMaxBufferDims] = {};

  // The item whose indices are all 0: valid until the next allocation.
  char* data() const { return procs->data(obj) + offset; }
  bool isCContiguous() const;
  bool isFContiguous() const;
};

// --- exporters ---
// Registers `procs` (static storage) for instances of `*type` and of its
// subclasses.  Taking the address of the type variable lets a registration
// made before the type exists (a static initialiser) see it once created.
void registerBufferProcs(Type* const* type, const BufferProcs* procs);
#define TERN_REGISTER_BUFFER(type_var, procs_var)                                          \
  static const bool tern_buffer_registration_##procs_var = [] {                           \
    ::tern::registerBufferProcs(&(type_var), &(procs_var));                               \
    return true;                                                                           \
  }()
// The procs of `type` (or of its nearest base that has some), or null.
const BufferProcs* bufferProcsOf(Type* type);

// --- consumers ---
// PyObject_CheckBuffer.
bool hasBuffer(Value obj);
// PyObject_GetBuffer: fills `view` for `obj`; false with an exception pending:
// TypeError "a bytes-like object is required, not 'int'" when obj exports no
// buffer, BufferError "Object is not writable." for kWritable on read-only
// memory, BufferError "...is not C-contiguous" when flags ask for a contiguity
// the view lacks.  Pair with releaseBuffer (ScopedBuffer does it).
bool getBuffer(Value obj, Buffer* view, int flags);
// PyBuffer_Release: gives back the export, clears view->obj.  Idempotent.
void releaseBuffer(Buffer* view);

// A Buffer released when it goes out of scope.
struct ScopedBuffer : Buffer {
  ScopedBuffer() = default;
  ScopedBuffer(const ScopedBuffer&) = delete;
  ScopedBuffer& operator=(const ScopedBuffer&) = delete;
  ~ScopedBuffer() { releaseBuffer(this); }
};

// Appends the view's items in C order ('C'), Fortran order ('F'), or the
// memory's own order when contiguous ('A': Fortran order for an
// F-contiguous, not C-contiguous view, C order otherwise).  Never allocates
// heap objects.
void bufferCopyTo(const Buffer& view, char order, std::string* out);

// Helpers for bytes.cc / bytearray.cc and everything that accepts "bytes-like"
// arguments (CPython's Py_buffer users):
// The bytes of any C-contiguous exporter other than bytes and bytearray
// (memoryview, ...), valid until the next allocation; false WITHOUT an
// exception when `obj` is not an exporter or its view is not C-contiguous
// (then fall back to bufferCopyBytes).  Takes no export: do not allocate
// while using the view.
bool bufferContiguousView(Value obj, std::string_view* out);
// The bytes of any exporter in C order (contiguous or not), copied.  False
// with TypeError "a bytes-like object is required, not 'int'" (or the
// memoryview's ValueError when it is released).
bool bufferCopyBytes(Value obj, std::string* out);

// The number of live exports of `obj` (0 for exporters that do not count
// them).  When it is not 0, first reclaims the exports held by memoryviews
// that became unreachable without release(): this may run a collection (no
// user code).  bytearray's resize raises BufferError when this is not 0.
int64_t bufferExports(Value obj);

// Used by memoryview.cc: ties the export held by `view` (counted) to the
// lifetime of `owner` (a memoryview) and returns the record that
// bufferUntrackOwner takes to give the export back early (release()).  The
// export is reclaimed by bufferExports once `owner` is unreachable.  Null on
// MemoryError (the export is then released).  May collect.
Value bufferTrackOwner(Value owner, Buffer* view);
// A registration of `owner` on the export `record` holds, for a memoryview
// derived from another (memoryview(mv), mv.cast(), mv[a:b]): views share one
// export as CPython's share one managed buffer, and it goes back when the
// last registration does (given back, or its view found dead).  Null on
// MemoryError.
Value bufferShareExport(Value owner, Value record);
// Gives the registration of a record back now (memoryview.release()); the
// export goes back with the last one.  Idempotent.  For a prompt_release
// exporter whose export other views still share, first collects to give
// back the registrations of views that are garbage (no user code runs).
void bufferUntrackOwner(Value record);

}  // namespace tern
