// The buffer protocol (buffer.h): the registry of exporters, getBuffer and
// releaseBuffer, copying views out in C or Fortran order, the procs of bytes
// and bytearray, and the export records that give back the exports of
// memoryviews that died without release().
//
// Export records.  A memoryview holding a counted export (over a bytearray
// or a C exporter) owns one ExportRecord: a small GC object with WEAK slots
// to the memoryview and to the exporter.  When the memoryview dies the
// collector clears the first slot; pruneRecords() then gives the
// registration back.  Views derived from a view (memoryview(mv), cast,
// slices) share its export, as CPython's share a managed buffer: each has
// its own record (its registration) whose `manager` is the record of the
// view made from the exporter, which holds the export and counts the live
// registrations in `views` (its own included).  Records sit in one root
// vector, pruned when it has doubled since the last prune and whenever
// bufferExports() finds a non-zero count.  Invariants: a record with `live`
// set is one registration counted by its manager; a manager holds exactly
// one export of its exporter while `views` > 0; the memoryview that owns a
// record references it strongly (MemoryViewObj::record), so it stays in the
// vector at least as long as the view lives, and a record references its
// manager strongly.

#include "runtime/objects/buffer.h"

#include <cstddef>
#include <cstring>
#include <utility>
#include <vector>

#include "runtime/gc/heap.h"
#include "runtime/gc/roots.h"
#include "runtime/interp/errors.h"
#include "runtime/objects/bytearray.h"
#include "runtime/objects/bytes.h"
#include "runtime/objects/str.h"

namespace tern {

// ---------------------------------------------------------------------------
// The registry

namespace {

struct Registration {
  Type* const* type;
  const BufferProcs* procs;
};

// Filled by static initialisers (TERN_REGISTER_BUFFER) and by native modules
// at start-up; holds addresses of Type* variables, never heap references.
std::vector<Registration>& registry() {
  static auto* r = new std::vector<Registration>();
  return *r;
}

}  // namespace

void registerBufferProcs(Type* const* type, const BufferProcs* procs) { registry().push_back({type, procs}); }

const BufferProcs* bufferProcsOf(Type* type) {
  // The layout base chain: a Python subclass of bytearray has bytearray as
  // its base and shares its storage layout.
  for (Type* t = type; t != nullptr;) {
    for (const Registration& r : registry()) {
      if (*r.type == t) return r.procs;
    }
    Value base = t->base.get();
    t = base.isNull() ? nullptr : static_cast<Type*>(base.asObject());
  }
  return nullptr;
}

// ---------------------------------------------------------------------------
// Views

bool Buffer::isCContiguous() const {
  if (len == 0) return true;
  int64_t expected = itemsize;
  for (int d = ndim - 1; d >= 0; --d) {
    if (shape[d] > 1 && strides[d] != expected) return false;
    expected *= shape[d];
  }
  return true;
}

bool Buffer::isFContiguous() const {
  if (len == 0) return true;
  int64_t expected = itemsize;
  for (int d = 0; d < ndim; ++d) {
    if (shape[d] > 1 && strides[d] != expected) return false;
    expected *= shape[d];
  }
  return true;
}

bool hasBuffer(Value obj) { return !obj.isNull() && bufferProcsOf(typeOf(obj)) != nullptr; }

bool getBuffer(Value obj, Buffer* view, int flags) {
  const BufferProcs* procs = bufferProcsOf(typeOf(obj));
  if (procs == nullptr) {
    raisef(exc::TypeError, "a bytes-like object is required, not '%s'", typeNameOf(obj).c_str());
    return false;
  }
  view->obj = obj;
  view->procs = procs;
  view->offset = 0;
  view->len = 0;
  view->itemsize = 1;
  view->readonly = true;
  view->counted = false;
  view->ndim = 1;
  view->format.assign(1, 'B');  // not = "B": GCC 12 warns falsely (-Wrestrict)
  view->shape[0] = 0;
  view->strides[0] = 1;
  if (!procs->get(obj, view, flags)) {
    view->obj = Value();
    return false;
  }
  return true;
}

void releaseBuffer(Buffer* view) {
  if (view->obj.isNull()) return;
  if (view->counted && view->procs->release != nullptr) view->procs->release(view->obj);
  view->counted = false;
  view->obj = Value();
}

namespace {

// out->append(p, n), spelled so that GCC 12 does not see a false -Wrestrict.
void appendBytes(std::string* out, const char* p, size_t n) {
  size_t old = out->size();
  out->resize(old + n);
  std::memcpy(out->data() + old, p, n);
}

// Copies the items of dimension `d` onward starting at `src`, with dimension
// `fastest` varying fastest when it is the last one (C) or the first (F).
void copyDims(const Buffer& view, const char* src, int d, bool c_order, std::string* out) {
  int dim = c_order ? d : view.ndim - 1 - d;
  int64_t n = view.shape[dim], stride = view.strides[dim];
  if (d == view.ndim - 1) {
    if (stride == view.itemsize) {
      appendBytes(out, src, static_cast<size_t>(n * view.itemsize));
      return;
    }
    for (int64_t i = 0; i < n; ++i) appendBytes(out, src + i * stride, static_cast<size_t>(view.itemsize));
    return;
  }
  for (int64_t i = 0; i < n; ++i) copyDims(view, src + i * stride, d + 1, c_order, out);
}

}  // namespace

void bufferCopyTo(const Buffer& view, char order, std::string* out) {
  if (view.ndim == 0) {
    appendBytes(out, view.data(), static_cast<size_t>(view.itemsize));
    return;
  }
  if (view.len == 0) return;
  bool c_order = order != 'F';
  if (order == 'A') c_order = !(view.isFContiguous() && !view.isCContiguous());
  if ((c_order && view.isCContiguous()) || (!c_order && view.isFContiguous())) {
    // One block starting at data() (contiguity implies positive strides
    // wherever a dimension has more than one item).
    appendBytes(out, view.data(), static_cast<size_t>(view.len));
    return;
  }
  out->reserve(out->size() + static_cast<size_t>(view.len));
  copyDims(view, view.data(), 0, c_order, out);
}

bool bufferContiguousView(Value obj, std::string_view* out) {
  if (obj.isNull() || obj.isSmallInt()) return false;
  const BufferProcs* procs = bufferProcsOf(typeOf(obj));
  if (procs == nullptr) return false;
  Buffer view;
  if (!getBuffer(obj, &view, buffer_flags::kFullRO)) {
    clearError();
    return false;
  }
  bool ok = view.isCContiguous();
  if (ok && out != nullptr) *out = std::string_view(view.data(), static_cast<size_t>(view.len));
  releaseBuffer(&view);  // the view stays readable until the next allocation
  return ok;
}

bool bufferCopyBytes(Value obj, std::string* out) {
  ScopedBuffer view;
  if (!getBuffer(obj, &view, buffer_flags::kFullRO)) return false;
  bufferCopyTo(view, 'C', out);
  return true;
}

// ---------------------------------------------------------------------------
// bytes and bytearray

namespace {

bool bytes_getbuffer(Value obj, Buffer* view, int flags) {
  if ((flags & buffer_flags::kWritable) != 0) {
    raise(exc::BufferError, "Object is not writable.");
    return false;
  }
  view->len = bytesLength(obj);
  view->shape[0] = view->len;
  return true;
}

char* bytes_data(Value obj) { return asBytes(obj)->data(); }

const BufferProcs kBytesBufferProcs = {.get = bytes_getbuffer, .data = bytes_data};
TERN_REGISTER_BUFFER(types::bytes_type, kBytesBufferProcs);

bool bytearray_getbuffer(Value obj, Buffer* view, int) {
  view->len = byteArrayLength(obj);
  view->shape[0] = view->len;
  view->readonly = false;
  view->counted = true;
  asByteArray(obj)->exports += 1;
  return true;
}

void bytearray_releasebuffer(Value obj) { asByteArray(obj)->exports -= 1; }
int64_t bytearray_exports(Value obj) { return asByteArray(obj)->exports; }

const BufferProcs kByteArrayBufferProcs = {.get = bytearray_getbuffer,
                                           .release = bytearray_releasebuffer,
                                           .exports = bytearray_exports,
                                           .data = byteArrayData};
TERN_REGISTER_BUFFER(types::bytearray_type, kByteArrayBufferProcs);

// ---------------------------------------------------------------------------
// Export records

struct ExportRecord : gc::Object {
  gc::WeakHeapValue owner;     // the memoryview; cleared when it dies
  gc::WeakHeapValue exporter;  // cleared when it dies (then nothing to give back)
  gc::HeapValue manager;       // the record holding the export; null: this one
  const BufferProcs* procs;    // static storage
  uint64_t live;               // 1 while the registration is held
  uint64_t views;              // a manager's live registrations
};

const uint32_t kExportRecordStrong[] = {offsetof(ExportRecord, manager)};
const uint32_t kExportRecordWeak[] = {offsetof(ExportRecord, owner), offsetof(ExportRecord, exporter)};
const gc::Layout kExportRecordLayout = {
    .name = "buffer_export_record", .fields = kExportRecordStrong, .weak_fields = kExportRecordWeak};

gc::LayoutId recordLayout() {
  static gc::LayoutId id = gc::registerLayout(&kExportRecordLayout);
  return id;
}

gc::RootVector& records() {
  static auto* r = new gc::RootVector();
  return *r;
}
size_t g_records_after_prune = 0;

ExportRecord* asRecord(Value v) { return static_cast<ExportRecord*>(v.asObject()); }

ExportRecord* managerOf(ExportRecord* r) {
  Value m = r->manager.get();
  return m.isNull() ? r : asRecord(m);
}

void giveBack(ExportRecord* r) {
  if (r->live == 0) return;
  r->live = 0;
  ExportRecord* m = managerOf(r);
  if (--m->views != 0) return;
  Value exporter = m->exporter.get();
  if (!exporter.isNull() && m->procs->release != nullptr) m->procs->release(exporter);
}

// Gives back the exports of dead owners and drops finished records.
void pruneRecords() {
  gc::RootVector& rs = records();
  size_t kept = 0;
  for (size_t i = 0; i < rs.size(); ++i) {
    ExportRecord* r = asRecord(rs[i]);
    if (r->owner.get().isNull()) giveBack(r);
    if (r->live != 0) rs.set(kept++, rs[i]);
  }
  rs.resize(kept);
  g_records_after_prune = kept;
}

ExportRecord* newRecord(Value owner) {
  auto* r = static_cast<ExportRecord*>(gc::allocate(recordLayout(), sizeof(ExportRecord)));
  r->owner.set(owner);
  return r;
}

void addRecord(Value record) {
  gc::RootVector& rs = records();
  if (rs.size() >= 2 * g_records_after_prune + 64) pruneRecords();
  rs.push_back(record);
}

}  // namespace

Value bufferTrackOwner(Value owner, Buffer* view) {
  if (!view->counted) return Value();
  ExportRecord* r = newRecord(owner);
  r->exporter.set(view->obj);
  r->procs = view->procs;
  r->live = 1;
  r->views = 1;
  view->counted = false;  // the record holds the export now
  Value record(r);
  addRecord(record);
  return record;
}

Value bufferShareExport(Value owner, Value record) {
  ExportRecord* r = newRecord(owner);
  ExportRecord* m = managerOf(asRecord(record));  // after the allocation: records move
  r->exporter.set(m->exporter.get());
  r->procs = m->procs;
  r->manager.set(Value(m));
  r->live = 1;
  m->views += 1;
  Value shared(r);
  addRecord(shared);
  return shared;
}

void bufferUntrackOwner(Value record) {
  if (record.isNull()) return;
  giveBack(asRecord(record));
  Value manager = Value(managerOf(asRecord(record)));
  if (asRecord(manager)->views == 0 || !asRecord(manager)->procs->prompt_release) return;
  // Views derived from this one still share the export: CPython's would
  // have died with their last reference if they are garbage.
  gc::collect(gc::Generation::kYoung);
  pruneRecords();
  if (asRecord(manager)->views == 0) return;
  gc::collect(gc::Generation::kFull);
  pruneRecords();
}

int64_t bufferExports(Value obj) {
  const BufferProcs* procs = bufferProcsOf(typeOf(obj));
  if (procs == nullptr || procs->exports == nullptr) return 0;
  if (procs->exports(obj) == 0) return 0;
  // Views that died without release(): young ones first, then everything.
  gc::collect(gc::Generation::kYoung);
  pruneRecords();
  if (procs->exports(obj) == 0) return 0;
  gc::collect(gc::Generation::kFull);
  pruneRecords();
  return procs->exports(obj);
}

}  // namespace tern
