// The mmap module: mmap.mmap, a memory-mapped file or anonymous mapping,
// with CPython 3.11's Unix surface: file-like methods (read, readline,
// read_byte, write, write_byte, seek, tell, find, rfind, move, flush,
// resize, madvise, size, close), indexing and slicing (ints and bytes),
// len(), the context-manager protocol, and the buffer protocol, so that
// memoryview, bytes(), re and struct read the mapping in place.
//
// The mapping lives outside the heap and never moves, so a buffer's
// address is stable.  Exports are counted (BufferProcs.exports): close() and
// resize() refuse while a view holds one, as in CPython; views that died
// without release() are reclaimed first (bufferExports).  An mmap that is
// collected unmaps its memory and closes its duplicated descriptor
// (finalizer).
//
// Iterating an mmap yields 1-byte bytes objects (CPython's sq_item), while
// m[i] is an int: iter() goes through a small item-view object whose
// __getitem__ gives bytes, wrapped in the generic "iterator".
#include <errno.h>
#include <fcntl.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include <climits>
#include <cstdint>
#include <cstring>
#include <string>
#include <string_view>

#include "runtime/gc/heap.h"
#include "runtime/interp/errors.h"
#include "runtime/modules/fd_arg.h"
#include "runtime/modules/module.h"
#include "runtime/modules/posix_internal.h"
#include "runtime/objects/abstract.h"
#include "runtime/objects/buffer.h"
#include "runtime/objects/bytes.h"
#include "runtime/objects/int.h"
#include "runtime/objects/native.h"
#include "runtime/objects/slice.h"
#include "runtime/objects/str.h"
#include "runtime/objects/tuple.h"

namespace tern {

namespace {

enum Access : int64_t { kAccessDefault = 0, kAccessRead = 1, kAccessWrite = 2, kAccessCopy = 3 };

Type* g_mmap_type = nullptr;
Type* g_mmap_items_type = nullptr;

// Invariants: data null (closed) or a mapping of `size` bytes; 0 <= pos
// (pos may exceed size after a resize); exports >= 0.
struct MmapObj : Obj {
  char* data;
  int64_t size;
  int64_t pos;
  int64_t offset;
  int64_t exports;
  int64_t fd;      // a dup of the mapped file's descriptor, -1 for anonymous maps
  int64_t access;  // Access
};
MmapObj* asMmap(Value v) { return static_cast<MmapObj*>(v.asObject()); }

void unmap(MmapObj* m) {
  if (m->data != nullptr) {
    munmap(m->data, static_cast<size_t>(m->size));
    m->data = nullptr;
  }
  if (m->fd >= 0) {
    close(static_cast<int>(m->fd));
    m->fd = -1;
  }
}

void mmapFinalize(gc::Object* o) { unmap(static_cast<MmapObj*>(o)); }

// CHECK_VALID: false with ValueError on a closed map.
bool checkValid(Value self) {
  if (asMmap(self)->data == nullptr) {
    raise(exc::ValueError, "mmap closed or invalid");
    return false;
  }
  return true;
}

bool checkWritable(Value self) {
  if (asMmap(self)->access == kAccessRead) {
    raise(exc::TypeError, "mmap can't modify a readonly memory map.");
    return false;
  }
  return true;
}

// _Py_convert_optional_to_ssize_t: None keeps the default.
bool optionalSsizeArg(Value v, int64_t* out) {
  if (v.isNull() || isNone(v)) return true;
  if (!v.isSmallInt() && typeOf(v)->slots.nb_index == nullptr && !isInt(v)) {
    raisef(exc::TypeError, "argument should be integer or None, not '%s'", typeNameOf(v).c_str());
    return false;
  }
  return argSsizeT(v, out);
}

// ===========================================================================
// Construction

const MethodDef kMmapNewDef = {.name = "mmap",
                               .signature = "(fileno, length, flags=1, prot=3, access=0, offset=0)"};

Value mmap_new(Type* type, const Value* args, size_t nargs, Value kwnames) {
  Value bound[6];
  if (!bindArguments(&kMmapNewDef, Value(), args, nargs, kwnames, bound)) return Value();
  int fd, flags, prot, access_arg;
  int64_t length, offset;
  if (!argCInt(bound[0], &fd) || !argSsizeT(bound[1], &length) || !argCInt(bound[2], &flags) ||
      !argCInt(bound[3], &prot) || !argCInt(bound[4], &access_arg) || !argIndex(bound[5], &offset)) {
    return Value();
  }
  if (length < 0) return raise(exc::OverflowError, "memory mapped length must be positive");
  if (offset < 0) return raise(exc::OverflowError, "memory mapped offset must be positive");
  int64_t access = access_arg;
  if (access != kAccessDefault && (flags != MAP_SHARED || prot != (PROT_WRITE | PROT_READ))) {
    return raise(exc::ValueError, "mmap can't specify both access and flags, prot.");
  }
  switch (access) {
    case kAccessRead:
      flags = MAP_SHARED;
      prot = PROT_READ;
      break;
    case kAccessWrite:
      flags = MAP_SHARED;
      prot = PROT_READ | PROT_WRITE;
      break;
    case kAccessCopy:
      flags = MAP_PRIVATE;
      prot = PROT_READ | PROT_WRITE;
      break;
    case kAccessDefault:
      if ((prot & PROT_READ) != 0 && (prot & PROT_WRITE) != 0) {
        // stays ACCESS_DEFAULT
      } else if ((prot & PROT_WRITE) != 0) {
        access = kAccessWrite;
      } else {
        access = kAccessRead;
      }
      break;
    default:
      return raise(exc::ValueError, "mmap invalid access parameter.");
  }
  struct stat st;
  if (fd != -1 && fstat(fd, &st) == 0 && S_ISREG(st.st_mode)) {
    if (length == 0) {
      if (st.st_size == 0) return raise(exc::ValueError, "cannot mmap an empty file");
      if (offset >= st.st_size) return raise(exc::ValueError, "mmap offset is greater than file size");
      length = st.st_size - offset;
    } else if (offset > st.st_size || st.st_size - offset < length) {
      return raise(exc::ValueError, "mmap length is greater than file size");
    }
  }
  int dup_fd = -1;
  if (fd == -1) {
    flags |= MAP_ANONYMOUS;
  } else {
    dup_fd = fcntl(fd, F_DUPFD_CLOEXEC, 0);
    if (dup_fd < 0) return posix::raiseErrno(errno);
  }
  void* data = mmap(nullptr, static_cast<size_t>(length), prot, flags, fd, static_cast<off_t>(offset));
  if (data == MAP_FAILED) {
    int err = errno;
    if (dup_fd >= 0) close(dup_fd);
    return posix::raiseErrno(err);
  }
  Obj* o = newObject(type, type->basic_size);
  if (o == nullptr) {
    munmap(data, static_cast<size_t>(length));
    if (dup_fd >= 0) close(dup_fd);
    return Value();
  }
  MmapObj* m = static_cast<MmapObj*>(o);
  m->data = static_cast<char*>(data);
  m->size = length;
  m->pos = 0;
  m->offset = offset;
  m->exports = 0;
  m->fd = dup_fd;
  m->access = access;
  gc::setFinalizable(o);
  return Value(o);
}

// ===========================================================================
// Methods

Value mmap_close(Value* args) {
  Value self = args[0];
  if (asMmap(self)->exports > 0 && bufferExports(self) > 0) {
    return raise(exc::BufferError, "cannot close exported pointers exist");
  }
  unmap(asMmap(self));
  return None();
}

Value mmap_closed(Value self) { return Bool(asMmap(self)->data == nullptr); }

Value mmap_read_byte(Value* args) {
  Value self = args[0];
  if (!checkValid(self)) return Value();
  MmapObj* m = asMmap(self);
  if (m->pos >= m->size) return raise(exc::ValueError, "read byte out of range");
  return newInt(static_cast<unsigned char>(m->data[m->pos++]));
}

Value mmap_readline(Value* args) {
  Value self = args[0];
  if (!checkValid(self)) return Value();
  MmapObj* m = asMmap(self);
  int64_t remaining = m->pos < m->size ? m->size - m->pos : 0;
  if (remaining == 0) return emptyBytes();
  const char* start = m->data + m->pos;
  const void* eol = std::memchr(start, '\n', static_cast<size_t>(remaining));
  int64_t n = eol == nullptr ? remaining : static_cast<const char*>(eol) - start + 1;
  Value r = newBytes(start, n);
  if (!r.isNull()) asMmap(self)->pos += n;
  return r;
}

Value mmap_read(Value* args) {
  Value self = args[0];
  int64_t n = -1;
  if (!optionalSsizeArg(args[1], &n)) return Value();
  if (!checkValid(self)) return Value();
  MmapObj* m = asMmap(self);
  int64_t remaining = m->pos < m->size ? m->size - m->pos : 0;
  if (n < 0 || n > remaining) n = remaining;
  Value r = newBytes(m->data + m->pos, n);
  if (!r.isNull()) asMmap(self)->pos += n;
  return r;
}

Value mmapFind(Value* args, bool reverse) {
  Value self = args[0];
  if (!checkValid(self)) return Value();
  std::string sub;
  if (!bufferCopyBytes(args[1], &sub)) return Value();
  int64_t start = asMmap(self)->pos, end = asMmap(self)->size;
  if (!args[2].isNull() && !argSsizeT(args[2], &start)) return Value();
  if (!args[3].isNull() && !argSsizeT(args[3], &end)) return Value();
  if (!checkValid(self)) return Value();
  MmapObj* m = asMmap(self);
  auto clip = [&](int64_t v) {
    if (v < 0) v += m->size;
    if (v < 0) return int64_t{0};
    return v > m->size ? m->size : v;
  };
  start = clip(start);
  end = clip(end);
  if (end - start < static_cast<int64_t>(sub.size())) return newInt(-1);
  std::string_view hay(m->data + start, static_cast<size_t>(end - start));
  size_t at = reverse ? hay.rfind(sub) : hay.find(sub);
  return newInt(at == std::string_view::npos ? -1 : start + static_cast<int64_t>(at));
}
Value mmap_find(Value* args) { return mmapFind(args, false); }
Value mmap_rfind(Value* args) { return mmapFind(args, true); }

Value mmap_write(Value* args) {
  Value self = args[0];
  if (!checkValid(self)) return Value();
  std::string data;
  if (!bufferCopyBytes(args[1], &data)) return Value();
  if (!checkValid(self) || !checkWritable(self)) return Value();
  MmapObj* m = asMmap(self);
  int64_t n = static_cast<int64_t>(data.size());
  if (m->pos > m->size || m->size - m->pos < n) return raise(exc::ValueError, "data out of range");
  std::memcpy(m->data + m->pos, data.data(), data.size());
  m->pos += n;
  return newInt(n);
}

// PyArg_Parse's "b": an unsigned char.
bool byteArg(Value v, int* out) {
  int64_t n;
  if (!argIndex(v, &n)) return false;
  if (n < 0) {
    raise(exc::OverflowError, "unsigned byte integer is less than minimum");
    return false;
  }
  if (n > 255) {
    raise(exc::OverflowError, "unsigned byte integer is greater than maximum");
    return false;
  }
  *out = static_cast<int>(n);
  return true;
}

Value mmap_write_byte(Value* args) {
  Value self = args[0];
  if (!checkValid(self)) return Value();
  int value;
  if (!byteArg(args[1], &value) || !checkWritable(self)) return Value();
  MmapObj* m = asMmap(self);
  if (m->pos >= m->size) return raise(exc::ValueError, "write byte out of range");
  m->data[m->pos++] = static_cast<char>(value);
  return None();
}

Value mmap_size(Value* args) {
  Value self = args[0];
  if (!checkValid(self)) return Value();
  // CPython 3.11 fstat()s the descriptor even for anonymous maps (-1), so
  // size() of an anonymous map raises OSError EBADF there; so it does here.
  struct stat st;
  if (fstat(static_cast<int>(asMmap(self)->fd), &st) < 0) return posix::raiseErrno(errno);
  return newInt(st.st_size);
}

Value mmap_tell(Value* args) {
  if (!checkValid(args[0])) return Value();
  return newInt(asMmap(args[0])->pos);
}

Value mmap_seek(Value* args) {
  Value self = args[0];
  int64_t dist;
  int how;
  if (!argSsizeT(args[1], &dist) || !argCInt(args[2], &how)) return Value();
  if (!checkValid(self)) return Value();
  MmapObj* m = asMmap(self);
  int64_t where;
  switch (how) {
    case 0:
      if (dist < 0) return raise(exc::ValueError, "seek out of range");
      where = dist;
      break;
    case 1:
      if (INT64_MAX - m->pos < dist) return raise(exc::ValueError, "seek out of range");
      where = m->pos + dist;
      break;
    case 2:
      if (INT64_MIN + m->size > dist) return raise(exc::ValueError, "seek out of range");
      where = m->size + dist;
      break;
    default:
      return raise(exc::ValueError, "unknown seek type");
  }
  if (where > m->size || where < 0) return raise(exc::ValueError, "seek out of range");
  m->pos = where;
  return None();
}

Value mmap_move(Value* args) {
  Value self = args[0];
  int64_t dest, src, count;
  if (!argSsizeT(args[1], &dest) || !argSsizeT(args[2], &src) || !argSsizeT(args[3], &count)) return Value();
  if (!checkValid(self) || !checkWritable(self)) return Value();
  MmapObj* m = asMmap(self);
  if (dest < 0 || src < 0 || count < 0 || m->size - dest < count || m->size - src < count) {
    return raise(exc::ValueError, "source, destination, or count out of range");
  }
  std::memmove(m->data + dest, m->data + src, static_cast<size_t>(count));
  return None();
}

Value mmap_flush(Value* args) {
  Value self = args[0];
  int64_t offset = 0, size = asMmap(self)->size;
  if ((!args[1].isNull() && !argSsizeT(args[1], &offset)) || (!args[2].isNull() && !argSsizeT(args[2], &size))) {
    return Value();
  }
  if (!checkValid(self)) return Value();
  MmapObj* m = asMmap(self);
  if (size < 0 || offset < 0 || m->size - offset < size) return raise(exc::ValueError, "flush values out of range");
  if (m->access == kAccessRead || m->access == kAccessCopy) return None();
  if (msync(m->data + offset, static_cast<size_t>(size), MS_SYNC) < 0) return posix::raiseErrno(errno);
  return None();
}

Value mmap_resize(Value* args) {
  Value self = args[0];
  int64_t new_size;
  if (!argSsizeT(args[1], &new_size)) return Value();
  if (!checkValid(self)) return Value();
  if (asMmap(self)->exports > 0 && bufferExports(self) > 0) {
    return raise(exc::BufferError, "mmap can't resize with extant buffers exported.");
  }
  MmapObj* m = asMmap(self);
  if (m->access != kAccessWrite && m->access != kAccessDefault) {
    return raise(exc::TypeError, "mmap can't resize a readonly or copy-on-write memory map.");
  }
  if (new_size < 0 || INT64_MAX - new_size < m->offset) return raise(exc::ValueError, "new size out of range");
  if (m->fd >= 0 && ftruncate(static_cast<int>(m->fd), static_cast<off_t>(m->offset + new_size)) < 0) {
    return posix::raiseErrno(errno);
  }
  void* moved = mremap(m->data, static_cast<size_t>(m->size), static_cast<size_t>(new_size), MREMAP_MAYMOVE);
  if (moved == MAP_FAILED) return posix::raiseErrno(errno);
  m->data = static_cast<char*>(moved);
  m->size = new_size;
  return None();
}

Value mmap_madvise(Value* args) {
  Value self = args[0];
  int option;
  int64_t start = 0;
  if (!argCInt(args[1], &option) || (!args[2].isNull() && !argSsizeT(args[2], &start))) return Value();
  int64_t length = asMmap(self)->size - start;
  if (!args[3].isNull() && !argSsizeT(args[3], &length)) return Value();
  if (!checkValid(self)) return Value();
  MmapObj* m = asMmap(self);
  if (start < 0 || start >= m->size) return raise(exc::ValueError, "madvise start out of bounds");
  if (length < 0) return raise(exc::ValueError, "madvise length invalid");
  if (INT64_MAX - start < length) return raise(exc::OverflowError, "madvise length too large");
  if (start + length > m->size) length = m->size - start;
  if (madvise(m->data + start, static_cast<size_t>(length), option) < 0) return posix::raiseErrno(errno);
  return None();
}

Value mmap___enter__(Value* args) {
  if (!checkValid(args[0])) return Value();
  return args[0];
}

Value mmap___exit__(Value* args) { return mmap_close(args); }

// ===========================================================================
// Slots

Value mmap_repr(Value self) {
  MmapObj* m = asMmap(self);
  std::string name = typeOf(self) == g_mmap_type ? "mmap.mmap" : typeNameOf(self);
  if (m->data == nullptr) return newStr("<" + name + " closed=True>");
  static const char* const kNames[] = {"ACCESS_DEFAULT", "ACCESS_READ", "ACCESS_WRITE", "ACCESS_COPY"};
  char buf[200];
  std::snprintf(buf, sizeof buf, " closed=False, access=%s, length=%lld, pos=%lld, offset=%lld>",
                kNames[m->access], static_cast<long long>(m->size), static_cast<long long>(m->pos),
                static_cast<long long>(m->offset));
  return newStr("<" + name + buf);
}

int64_t mmap_length(Value self) {
  if (!checkValid(self)) return -1;
  return asMmap(self)->size;
}

bool isIndexable(Value v) { return v.isSmallInt() || isInt(v) || typeOf(v)->slots.nb_index != nullptr; }

// PyNumber_AsSsize_t(item, IndexError).
bool indexArg(Value item, int64_t* out) {
  Value i = index(item);
  if (i.isNull()) return false;
  if (!intToInt64(i, out)) {
    clearError();
    raisef(exc::IndexError, "cannot fit '%s' into an index-sized integer", typeNameOf(item).c_str());
    return false;
  }
  return true;
}

Value mmap_subscript(Value self, Value item) {
  if (!checkValid(self)) return Value();
  if (isIndexable(item)) {
    int64_t i;
    if (!indexArg(item, &i)) return Value();
    int64_t size = asMmap(self)->size;
    if (i < 0) i += size;
    if (i < 0 || i >= size) return raise(exc::IndexError, "mmap index out of range");
    return newInt(static_cast<unsigned char>(asMmap(self)->data[i]));
  }
  if (isSlice(item)) {
    int64_t start, stop, step;
    if (!sliceUnpack(item, &start, &stop, &step)) return Value();
    if (!checkValid(self)) return Value();  // __index__ may have closed it
    int64_t n = sliceAdjustIndices(asMmap(self)->size, &start, &stop, step);
    if (n <= 0) return emptyBytes();
    if (step == 1) return newBytes(asMmap(self)->data + start, n);
    std::string out(static_cast<size_t>(n), '\0');
    const char* data = asMmap(self)->data;
    for (int64_t k = 0, cur = start; k < n; ++k, cur += step) out[static_cast<size_t>(k)] = data[cur];
    return newBytes(out);
  }
  return raise(exc::TypeError, "mmap indices must be integers");
}

int mmap_ass_subscript(Value self, Value item, Value value) {
  if (!checkValid(self) || !checkWritable(self)) return -1;
  if (isIndexable(item)) {
    int64_t i;
    if (!indexArg(item, &i)) return -1;
    int64_t size = asMmap(self)->size;
    if (i < 0) i += size;
    if (i < 0 || i >= size) {
      raise(exc::IndexError, "mmap index out of range");
      return -1;
    }
    if (value.isNull()) {
      raise(exc::TypeError, "mmap doesn't support item deletion");
      return -1;
    }
    if (!isIndexable(value)) {
      raise(exc::TypeError, "mmap item value must be an int");
      return -1;
    }
    int64_t v;
    Value vi = index(value);
    if (vi.isNull()) return -1;
    if (!intToInt64(vi, &v)) {
      clearError();
      raisef(exc::TypeError, "cannot fit '%s' into an index-sized integer", typeNameOf(value).c_str());
      return -1;
    }
    if (v < 0 || v > 255) {
      raise(exc::ValueError, "mmap item value must be in range(0, 256)");
      return -1;
    }
    if (!checkValid(self)) return -1;
    asMmap(self)->data[i] = static_cast<char>(v);
    return 0;
  }
  if (isSlice(item)) {
    int64_t start, stop, step;
    if (!sliceUnpack(item, &start, &stop, &step)) return -1;
    if (!checkValid(self)) return -1;
    int64_t n = sliceAdjustIndices(asMmap(self)->size, &start, &stop, step);
    if (value.isNull()) {
      raise(exc::TypeError, "mmap object doesn't support slice deletion");
      return -1;
    }
    std::string bytes;
    if (!bufferCopyBytes(value, &bytes)) return -1;
    if (static_cast<int64_t>(bytes.size()) != n) {
      raise(exc::IndexError, "mmap slice assignment is wrong size");
      return -1;
    }
    if (!checkValid(self)) return -1;
    char* data = asMmap(self)->data;
    for (int64_t k = 0, cur = start; k < n; ++k, cur += step) data[cur] = bytes[static_cast<size_t>(k)];
    return 0;
  }
  raise(exc::TypeError, "mmap indices must be integer");
  return -1;
}

// iter(m): the generic iterator over an item view whose items are bytes.
struct MmapItemsObj : Obj {
  gc::HeapValue map;
};

Value mmap_items_subscript(Value self, Value item) {
  Value map = static_cast<MmapItemsObj*>(self.asObject())->map.get();
  if (!checkValid(map)) return Value();
  int64_t i;
  if (!indexArg(item, &i)) return Value();
  if (i < 0 || i >= asMmap(map)->size) return raise(exc::IndexError, "mmap index out of range");
  return newBytes(asMmap(map)->data + i, 1);
}

Value mmap_iter(Value self) {
  Obj* o = newObject(g_mmap_items_type, sizeof(MmapItemsObj));
  if (o == nullptr) return Value();
  static_cast<MmapItemsObj*>(o)->map.set(self);
  return newSeqIterator(Value(o));
}

// ===========================================================================
// The buffer protocol

bool mmap_getbuffer(Value obj, Buffer* view, int flags) {
  if (!checkValid(obj)) return false;
  MmapObj* m = asMmap(obj);
  bool readonly = m->access == kAccessRead;
  if ((flags & buffer_flags::kWritable) != 0 && readonly) {
    raise(exc::BufferError, "Object is not writable.");
    return false;
  }
  view->len = m->size;
  view->shape[0] = m->size;
  view->readonly = readonly;
  view->counted = true;
  m->exports += 1;
  return true;
}

void mmap_releasebuffer(Value obj) { asMmap(obj)->exports -= 1; }
int64_t mmap_exports(Value obj) { return asMmap(obj)->exports; }
char* mmap_data(Value obj) { return asMmap(obj)->data; }

// The mapping never moves; an export keeps it mapped.
const BufferProcs kMmapBufferProcs = {.get = mmap_getbuffer,
                                      .release = mmap_releasebuffer,
                                      .exports = mmap_exports,
                                      .data = mmap_data,
                                      .stable_data = mmap_data};
TERN_REGISTER_BUFFER(g_mmap_type, kMmapBufferProcs);

// ===========================================================================
// Tables

const uint32_t kMmapFields[] = {offsetof(MmapObj, ob_type)};
const gc::Layout kMmapLayout = {.name = "mmap.mmap", .fields = kMmapFields, .finalize = mmapFinalize};

const MethodDef kMmapMethods[] = {
    {.name = "close", .signature = "($self, /)", .fn = mmap_close},
    {.name = "find",
     .signature = "($self, sub, start=<unrepresentable>, end=<unrepresentable>, /)",
     .fn = mmap_find,
     .flags = method_flags::kLegacyArity | method_flags::kVarArgs},
    {.name = "rfind",
     .signature = "($self, sub, start=<unrepresentable>, end=<unrepresentable>, /)",
     .fn = mmap_rfind,
     .flags = method_flags::kLegacyArity | method_flags::kVarArgs},
    {.name = "flush", .signature = "($self, offset=<unrepresentable>, size=<unrepresentable>, /)", .fn = mmap_flush, .flags = method_flags::kLegacyArity | method_flags::kVarArgs},
    {.name = "madvise",
     .signature = "($self, option, start=<unrepresentable>, length=<unrepresentable>, /)",
     .fn = mmap_madvise, .flags = method_flags::kLegacyArity | method_flags::kVarArgs},
    {.name = "move", .signature = "($self, dest, src, count, /)", .fn = mmap_move, .flags = method_flags::kLegacyArity | method_flags::kVarArgs},
    {.name = "read", .signature = "($self, n=None, /)", .fn = mmap_read, .flags = method_flags::kLegacyArity | method_flags::kVarArgs},
    {.name = "read_byte", .signature = "($self, /)", .fn = mmap_read_byte},
    {.name = "readline", .signature = "($self, /)", .fn = mmap_readline},
    {.name = "resize", .signature = "($self, newsize, /)", .fn = mmap_resize, .flags = method_flags::kLegacyArity | method_flags::kVarArgs},
    {.name = "seek", .signature = "($self, pos, whence=0, /)", .fn = mmap_seek, .flags = method_flags::kLegacyArity | method_flags::kVarArgs},
    {.name = "size", .signature = "($self, /)", .fn = mmap_size},
    {.name = "tell", .signature = "($self, /)", .fn = mmap_tell},
    {.name = "write", .signature = "($self, bytes, /)", .fn = mmap_write, .flags = method_flags::kLegacyArity | method_flags::kVarArgs},
    {.name = "write_byte", .signature = "($self, byte, /)", .fn = mmap_write_byte, .flags = method_flags::kLegacyArity | method_flags::kVarArgs},
    {.name = "__enter__", .signature = "($self, /)", .fn = mmap___enter__},
    {.name = "__exit__", .signature = "($self, /, *args)", .fn = mmap___exit__},
};

const GetSetDef kMmapGetSets[] = {
    {.name = "closed", .get = mmap_closed},
};

const TypeSpec kMmapSpec = {
    .name = "mmap",
    .module = "mmap",
    .type = &g_mmap_type,
    .layout = &kMmapLayout,
    .basic_size = sizeof(MmapObj),
    .flags = type_flags::kBaseType,
    .slots = {.tp_repr = mmap_repr,
              .tp_iter = mmap_iter,
              .tp_new = mmap_new,
              .mp_length = mmap_length,
              .mp_subscript = mmap_subscript,
              .mp_ass_subscript = mmap_ass_subscript},
    .methods = kMmapMethods,
    .getsets = kMmapGetSets,
    .doc = "Windows: mmap(fileno, length[, tagname[, access[, offset]]])\n\nMaps length bytes from the file "
           "specified by the file handle fileno,\nand returns a mmap object.  If length is larger than the current "
           "size\nof the file, the file is extended to contain length bytes.  If length\nis 0, the maximum length of "
           "the map is the current size of the file,\nexcept that if the file is empty Windows raises an "
           "exception (you cannot\ncreate an empty mapping on Windows).\n\nUnix: mmap(fileno, length[, flags[, "
           "prot[, access[, offset]]]])\n\nMaps length bytes from the file specified by the file descriptor "
           "fileno,\nand returns a mmap object.  If length is 0, the maximum length of the map\nwill be the current "
           "size of the file when mmap is called.\nflags specifies the nature of the mapping. MAP_PRIVATE creates "
           "a\nprivate copy-on-write mapping, so changes to the contents of the mmap\nobject will be private to "
           "this process, and MAP_SHARED creates a mapping\nthat's shared with all other processes mapping the same "
           "areas of the file.\nThe default value is MAP_SHARED.\n\nTo map anonymous memory, pass -1 as the fileno "
           "(both versions).",
    .weakrefable = true,
};
TERN_REGISTER_TYPE(kMmapSpec);

const uint32_t kMmapItemsFields[] = {offsetof(MmapItemsObj, ob_type), offsetof(MmapItemsObj, map)};
const gc::Layout kMmapItemsLayout = {.name = "mmap._items", .fields = kMmapItemsFields};
const TypeSpec kMmapItemsSpec = {
    .name = "_items",
    .module = "mmap",
    .type = &g_mmap_items_type,
    .layout = &kMmapItemsLayout,
    .basic_size = sizeof(MmapItemsObj),
    .slots = {.mp_subscript = mmap_items_subscript},
};
TERN_REGISTER_TYPE(kMmapItemsSpec);

struct Constant {
  const char* name;
  int64_t value;
};

// clang-format off
const Constant kMmapConstants[] = {
    {"PROT_EXEC", PROT_EXEC}, {"PROT_READ", PROT_READ}, {"PROT_WRITE", PROT_WRITE},
    {"MAP_SHARED", MAP_SHARED}, {"MAP_PRIVATE", MAP_PRIVATE}, {"MAP_DENYWRITE", MAP_DENYWRITE},
    {"MAP_EXECUTABLE", MAP_EXECUTABLE}, {"MAP_ANON", MAP_ANONYMOUS}, {"MAP_ANONYMOUS", MAP_ANONYMOUS},
    {"MAP_POPULATE", MAP_POPULATE}, {"MAP_STACK", MAP_STACK},
    {"ACCESS_DEFAULT", kAccessDefault}, {"ACCESS_READ", kAccessRead}, {"ACCESS_WRITE", kAccessWrite},
    {"ACCESS_COPY", kAccessCopy},
    {"MADV_NORMAL", MADV_NORMAL}, {"MADV_RANDOM", MADV_RANDOM}, {"MADV_SEQUENTIAL", MADV_SEQUENTIAL},
    {"MADV_WILLNEED", MADV_WILLNEED}, {"MADV_DONTNEED", MADV_DONTNEED}, {"MADV_REMOVE", MADV_REMOVE},
    {"MADV_DONTFORK", MADV_DONTFORK}, {"MADV_DOFORK", MADV_DOFORK}, {"MADV_HWPOISON", MADV_HWPOISON},
    {"MADV_MERGEABLE", MADV_MERGEABLE}, {"MADV_UNMERGEABLE", MADV_UNMERGEABLE},
    {"MADV_HUGEPAGE", MADV_HUGEPAGE}, {"MADV_NOHUGEPAGE", MADV_NOHUGEPAGE}, {"MADV_DONTDUMP", MADV_DONTDUMP},
    {"MADV_DODUMP", MADV_DODUMP}, {"MADV_FREE", MADV_FREE},
};
// clang-format on

bool mmapInit(Value module) {
  for (const Constant& c : kMmapConstants) {
    if (!setModuleInt(module, c.name, c.value)) return false;
  }
  int64_t page = sysconf(_SC_PAGESIZE);
  return setModuleInt(module, "PAGESIZE", page) && setModuleInt(module, "ALLOCATIONGRANULARITY", page) &&
         setModuleAttr(module, "error", typeValue(exc::OSError)) &&
         setModuleAttr(module, "mmap", typeValue(g_mmap_type));
}

const NativeModuleDef kMmapModule = {
    .name = "mmap",
    .init = mmapInit,
};
TERN_REGISTER_MODULE(kMmapModule);

}  // namespace

}  // namespace tern
