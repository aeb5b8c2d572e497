// sys.getrefcount's view of the proxies (refcount.h).
#include "cpyext/refcount.h"

#include <cstddef>

#include "cpyext/proxy.h"

namespace tern::cpyext {

int64_t proxyRefcount(Value v) {
  if (!v.isObject()) return 0;
  gc::ExternalLink* link = gc::findExternal(v.asObject());
  if (link == nullptr) return 0;
  auto* prefix = reinterpret_cast<ProxyPrefix*>(reinterpret_cast<char*>(link) - offsetof(ProxyPrefix, link));
  PyObject* object = objectOf(prefix);
  // A kStatic record holds the address of the object outside the arena.
  if (prefix->kind == ProxyKind::kStatic) object = *reinterpret_cast<PyObject**>(object);
  return static_cast<int64_t>(object->ob_refcnt);
}

}  // namespace tern::cpyext
