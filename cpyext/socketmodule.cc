// cpyext: sockets as CPython's socket module shows them to C
// (Modules/socketmodule.h), for Debian's _ssl, which reads socket objects'
// fields directly:
//
//   - `_socket.CAPI`, a capsule holding PySocketModule_APIObject (the socket
//     type, socket.error, socket.timeout), added to the native _socket module
//     when cpyext starts, since _ssl imports it with PyCapsule_Import;
//   - socket proxies in PySocketSockObject's layout: sock_fd, sock_family,
//     sock_type, sock_proto and sock_timeout (a _PyTime_t in nanoseconds,
//     -1 s when blocking).  They are filled when the proxy is made and again
//     whenever C fetches the socket through a weak reference
//     (PyWeakref_GetObject), which is how _ssl reaches its socket before
//     every operation: so a timeout set or a socket closed from Python since
//     is seen.  Other paths see the fields as they were when the proxy was
//     made (or last fetched that way).
#include <cmath>

#include "Python.h"
#include "cpyext/proxy.h"
#include "cpyext/proxy_internal.h"
#include "runtime/interp/errors.h"
#include "runtime/modules/_socket.h"
#include "runtime/modules/module.h"
#include "runtime/objects/abstract.h"
#include "runtime/objects/str.h"

namespace tern::cpyext {

namespace {

// CPython 3.11's layout (x86-64: SOCKET_T is int, _PyTime_t int64_t).
struct PySocketSockObject {
  PyObject_HEAD
  int sock_fd;
  int sock_family;
  int sock_type;
  int sock_proto;
  PyObject* (*errorhandler)(void);
  int64_t sock_timeout;
};
static_assert(sizeof(PySocketSockObject) == 48 && offsetof(PySocketSockObject, sock_timeout) == 40);

struct PySocketModule_APIObject {
  PyTypeObject* Sock_Type;
  PyObject* error;
  PyObject* timeout_error;
};

PySocketModule_APIObject g_socket_api;

// CPython keeps timeouts rounded up to whole nanoseconds.
int64_t timeoutNs(double seconds) {
  if (seconds < 0) return -1000000000;
  double ns = std::ceil(seconds * 1e9);
  return ns >= 9.2e18 ? INT64_MAX : static_cast<int64_t>(ns);
}

}  // namespace

bool isSocket(Value v) {
  Type* t = socketType();
  return t != nullptr && v.isObject() && isSubtype(typeOf(v), t);
}

size_t socketProxyBytes() { return sizeof(PySocketSockObject); }

void refreshSocket(PyObject* o, Value v) {
  SocketState s;
  if (!socketState(v, &s)) return;
  auto* p = reinterpret_cast<PySocketSockObject*>(o);
  p->sock_fd = static_cast<int>(s.fd);
  p->sock_family = static_cast<int>(s.family);
  p->sock_type = static_cast<int>(s.type);
  p->sock_proto = static_cast<int>(s.proto);
  p->sock_timeout = timeoutNs(s.timeout);
}

// Adds _socket.CAPI (once the runtime's _socket module exists, importing
// it).  Failing is not fatal: extensions that need it fail their import.
void initializeSocketCapi() {
  Value module = importModule(internStr("_socket"));
  if (module.isNull()) {
    clearError();
    return;
  }
  g_socket_api.Sock_Type = typeProxy(socketType());
  g_socket_api.error = PyExc_OSError;
  g_socket_api.timeout_error = PyExc_TimeoutError;
  PyObject* capsule = PyCapsule_New(&g_socket_api, "_socket.CAPI", nullptr);
  if (capsule == nullptr) {
    clearError();
    return;
  }
  if (setAttr(module, internStr("CAPI"), takeNew(capsule)) < 0) clearError();
}

}  // namespace tern::cpyext
