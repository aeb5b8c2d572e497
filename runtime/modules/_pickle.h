// _pickle: what the module's three files share.  _pickle.cc holds the
// module (exceptions, dump/dumps/load/loads, PickleBuffer, the memo proxies
// and the state taken from copyreg, _compat_pickle, codecs and functools),
// _pickle_save.cc the Pickler and _pickle_load.cc the Unpickler.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include "runtime/gc/heap.h"
#include "runtime/objects/object.h"

namespace tern::pickle {

inline constexpr int kHighestProtocol = 5;
inline constexpr int kDefaultProtocol = 4;

// Objects the module takes from the stdlib at init; every field is set
// (never null) once _pickle is imported.
struct ModuleState {
  gc::GlobalRoot pickle_error, pickling_error, unpickling_error;
  gc::GlobalRoot dispatch_table;       // copyreg.dispatch_table
  gc::GlobalRoot extension_registry;   // copyreg._extension_registry
  gc::GlobalRoot inverted_registry;    // copyreg._inverted_registry
  gc::GlobalRoot extension_cache;      // copyreg._extension_cache
  gc::GlobalRoot name_mapping_2to3, import_mapping_2to3;  // _compat_pickle.NAME_MAPPING, IMPORT_MAPPING
  gc::GlobalRoot name_mapping_3to2, import_mapping_3to2;  // REVERSE_NAME_MAPPING, REVERSE_IMPORT_MAPPING
  gc::GlobalRoot codecs_encode;        // codecs.encode
  gc::GlobalRoot getattr;              // builtins.getattr
  gc::GlobalRoot partial;              // functools.partial
  gc::GlobalRoot memo_hole;            // marks the unset slots of an Unpickler's memo list
};
ModuleState& state();

Type* picklingErrorType();
Type* unpicklingErrorType();

struct PicklerObj : Obj {
  gc::HeapValue write;             // file.write; null before __init__, None for dumps()
  gc::HeapValue memo;              // dict: identity -> (index, obj)
  gc::HeapValue pers_func;         // persistent_id, or null
  gc::HeapValue dispatch_table;    // or null (copyreg.dispatch_table is used)
  gc::HeapValue buffer_callback;   // or null
  gc::HeapValue reducer_override;  // looked up at each dump; or null
  int64_t proto;
  int64_t bin;   // proto > 0
  int64_t fast;  // no memo (and no cycle support)
  uint64_t fix_imports;
};
inline PicklerObj* asPickler(Value v) { return static_cast<PicklerObj*>(v.asObject()); }

struct UnpicklerObj : Obj {
  gc::HeapValue read;       // file.read; null before __init__, None for loads()
  gc::HeapValue readline;   // file.readline, or None
  gc::HeapValue memo;       // list: index -> obj, state().memo_hole where unset
  gc::HeapValue pers_func;  // persistent_load, or null
  gc::HeapValue encoding;   // str
  gc::HeapValue errors;     // str
  gc::HeapValue buffers;    // an iterator, or null
  gc::HeapValue input;      // loads()'s bytes, or null
  int64_t memo_len;  // the memo's set slots (MEMOIZE's index)
  int64_t proto;
  uint64_t fix_imports;
};
inline UnpicklerObj* asUnpickler(Value v) { return static_cast<UnpicklerObj*>(v.asObject()); }

// Pickler / Unpickler types (registered by their files) and the pieces of
// the module functions that build them.
extern Type* g_pickler_type;
extern Type* g_unpickler_type;
extern Type* g_pickle_buffer_type;

// Pickler: sets up `self` as Pickler.__init__ does (write null: dumps, the
// output stays in memory); false with an exception pending.
bool picklerSetup(Value self, Value file, Value protocol, Value fix_imports, Value buffer_callback);
// Pickles `obj` into `out` (and into the file for a Pickler with one).
bool picklerDump(Value self, Value obj, std::string* out);
// Unpickler: sets up `self` as Unpickler.__init__ does; `file` null means
// the input is `data` (loads).
bool unpicklerSetup(Value self, Value file, Value fix_imports, Value encoding, Value errors, Value buffers);
void unpicklerSetData(Value self, std::string_view data);
Value unpicklerLoad(Value self);

// The Unpickler's memo as a dict {index: obj}, and emptied.
Value unpicklerMemoCopy(Value unpickler);
void unpicklerMemoClear(Value unpickler);

// The memo proxies (_pickle.cc).
Value newPicklerMemoProxy(Value pickler);
Value newUnpicklerMemoProxy(Value unpickler);
bool isPicklerMemoProxy(Value v);
bool isUnpicklerMemoProxy(Value v);
Value memoProxyOwner(Value proxy);

// The PickleBuffer's wrapped memoryview, or null with ValueError pending
// when it was released.
Value pickleBufferView(Value pb);

// PyImport_Import: __import__(name) (which waits for a module another
// thread is importing), then sys.modules[name].
Value importByName(Value name);

// getattr along a dotted path (a list of str); *parent gets the object the
// last name was looked up on when non-null.  Null without an exception when
// an attribute is missing.
Value getDeepAttribute(Value obj, Value names, Value* parent);
// name.split('.'), or null with AttributeError pending for a '<locals>'
// path: "Can't pickle local object ..." when `owner` is null (pickling),
// "Can't get local attribute ... on <owner>" otherwise (find_class).
Value getDottedPath(Value owner, Value name);

}  // namespace tern::pickle
