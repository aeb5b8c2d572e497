// The _socket module's address families beyond AF_INET, AF_INET6 and AF_UNIX
// (_socket_families.cc): AF_NETLINK (pid, groups), AF_PACKET (ifname, proto[,
// pkttype[, hatype[, addr]]]), AF_VSOCK (cid, port) and AF_ALG (type, name[,
// feat[, mask]]) addresses, and the constants of those families and of CAN,
// TIPC, J1939 and Bluetooth.  Private to _socket.cc.
#pragma once

#include <sys/socket.h>

#include <cstdint>
#include <span>

#include "runtime/gc/value.h"

namespace tern::socket_families {

// Whether parseAddress reads addresses of `family`.
bool readsAddressOf(int family);
// `addr` as a `family` address (readsAddressOf(family)) into *storage and
// *len; false with the exception pending.  `caller` names the method in
// messages ("bind").
bool parseAddress(int family, Value addr, const char* caller, struct sockaddr_storage* storage, socklen_t* len);

// Whether addressValue makes addresses of `family` (not AF_ALG: CPython
// gives its addresses as any unknown family's).
bool makesAddressOf(int family);
// The Python value of `sa` (makesAddressOf(sa->sa_family)).
Value addressValue(const struct sockaddr* sa);

// A named integer constant of the module.  (Each table makes its entries
// with a local macro: stringizing must see the name before the system
// headers' macros expand it, AF_INET to PF_INET to 2.)
struct Constant {
  const char* name;
  int64_t value;
};
// Adds `constants` to the module's dict; false with the exception pending.
bool addConstantTable(Value module_dict, std::span<const Constant> constants);

// Adds the families' constants to the module's dict; false with the
// exception pending.
bool addConstants(Value module_dict);

}  // namespace tern::socket_families
