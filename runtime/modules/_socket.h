// What other components may know of the native _socket module's socket
// objects: cpyext shows them to C in CPython's PySocketSockObject layout
// (cpyext/socketmodule.cc), which Debian's _ssl reads directly.
#pragma once

#include <cstdint>

#include "runtime/gc/value.h"
#include "runtime/objects/object.h"

namespace tern {

struct SocketState {
  int64_t fd;  // -1 once closed or detached
  int64_t family;
  int64_t type;  // without SOCK_NONBLOCK / SOCK_CLOEXEC
  int64_t proto;
  double timeout;  // < 0: blocking (None); 0: non-blocking; > 0: seconds
};

// _socket.socket (null until the module is first imported).
Type* socketType();

// v's state, or false when v is not an instance of _socket.socket.
bool socketState(Value v, SocketState* out);

}  // namespace tern
