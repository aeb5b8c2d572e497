// The _socket module's address families beyond AF_INET, AF_INET6 and AF_UNIX
// (_socket_families.h): netlink, packet, VSOCK and ALG addresses, read as
// CPython 3.11's getsockaddrarg reads them (its messages, and PyArg_Parse's
// conversions: "I" and "H" keep the low bits of any int, "i" range-checks)
// and made as its makesockaddr makes them; and the constants of those
// families and of CAN, TIPC, J1939 and Bluetooth, whose addresses are not
// read here (docs/differences.md).
//
// The Linux uapi headers give the constants, except Bluetooth's, whose
// headers (libbluetooth) are not a dependency, and the ALG ones newer than
// Debian 12's headers: those few values are spelt out, as the kernel's ABI
// fixes them.
#include "runtime/modules/_socket_families.h"

#include <arpa/inet.h>

#include <linux/can.h>
#include <linux/can/bcm.h>
#include <linux/can/j1939.h>
#include <linux/can/raw.h>
#include <linux/if_alg.h>
#include <linux/if_packet.h>
#include <linux/netlink.h>
#include <linux/tipc.h>
#include <linux/vm_sockets.h>
#include <net/if.h>
#include <sys/ioctl.h>
#include <sys/socket.h>

#include <cerrno>
#include <climits>
#include <cstring>
#include <string>

#include "runtime/interp/errors.h"
#include "runtime/modules/posix_internal.h"
#include "runtime/objects/abstract.h"
#include "runtime/objects/buffer.h"
#include "runtime/objects/bytes.h"
#include "runtime/objects/dict.h"
#include "runtime/objects/int.h"
#include "runtime/objects/numbers_internal.h"
#include "runtime/objects/str.h"
#include "runtime/objects/tuple.h"

namespace tern::socket_families {

namespace {

// PyArg_Parse's "I"/"H"/"k": __index__, then the value modulo 2**64 (the
// caller keeps the bits its field holds).
bool maskedArg(Value v, uint64_t* out) {
  Value i = index(v);
  if (i.isNull()) return false;
  numbers::IntRef ref(i);
  uint64_t low = ref.mag.empty() ? 0 : static_cast<uint64_t>(ref.mag[0]);
  *out = ref.neg ? 0 - low : low;
  return true;
}

// PyArg_Parse's "i": __index__, OverflowError outside a C int.
bool intArg(Value v, int* out) {
  Value i = index(v);
  if (i.isNull()) return false;
  numbers::IntRef ref(i);
  uint64_t low = ref.mag.empty() ? 0 : static_cast<uint64_t>(ref.mag[0]);
  if (ref.mag.size() > 1 || (ref.neg ? low > uint64_t{1} << 31 : low > INT_MAX)) {
    raise(exc::OverflowError,
          ref.neg ? "signed integer is less than minimum" : "signed integer is greater than maximum");
    return false;
  }
  *out = ref.neg ? static_cast<int>(-static_cast<int64_t>(low)) : static_cast<int>(low);
  return true;
}

// PyArg_Parse's "s" under a custom message: a str without NUL, as UTF-8.
bool textArg(Value v, const char* message, std::string* out) {
  if (!isStr(v)) {
    raise(exc::TypeError, message);
    return false;
  }
  *out = strToUtf8(v);
  if (out->find('\0') != std::string::npos) {
    raise(exc::ValueError, "embedded null character");
    return false;
  }
  return true;
}

bool requireTuple(Value addr, const char* caller, const char* family) {
  if (isTuple(addr)) return true;
  raisef(exc::TypeError, "%s(): %s address must be tuple, not %s", caller, family, typeNameOf(addr).c_str());
  return false;
}

bool arity(Value addr, int64_t least, int64_t most, const char* message) {
  int64_t n = tupleLength(addr);
  if (n >= least && n <= most) return true;
  raise(exc::TypeError, message);
  return false;
}

// (pid, groups)
bool parseNetlink(Value addr, const char* caller, struct sockaddr_nl* a) {
  const char* kShape = "AF_NETLINK address must be a pair (pid, groups)";
  uint64_t pid, groups;
  if (!requireTuple(addr, caller, "AF_NETLINK") || !arity(addr, 2, 2, kShape) ||
      !maskedArg(tupleItem(addr, 0), &pid) || !maskedArg(tupleItem(addr, 1), &groups)) {
    return false;
  }
  a->nl_family = AF_NETLINK;
  a->nl_pid = static_cast<uint32_t>(pid);
  a->nl_groups = static_cast<uint32_t>(groups);
  return true;
}

// (ifname, proto[, pkttype[, hatype[, addr]]]); the interface must exist.
bool parsePacket(Value addr, const char* caller, struct sockaddr_ll* a) {
  const char* kShape = "AF_PACKET address must be a tuple of two to five elements";
  std::string ifname, hardware;
  int proto, pkttype = PACKET_HOST, hatype = 0;
  if (!requireTuple(addr, caller, "AF_PACKET") || !arity(addr, 2, 5, kShape) ||
      !textArg(tupleItem(addr, 0), kShape, &ifname)) {
    return false;
  }
  int64_t n = tupleLength(addr);
  if (!intArg(tupleItem(addr, 1), &proto) || (n > 2 && !intArg(tupleItem(addr, 2), &pkttype)) ||
      (n > 3 && !intArg(tupleItem(addr, 3), &hatype))) {
    if (errorMatches(exc::OverflowError)) {
      clearError();
      raisef(exc::OverflowError, "%s(): address argument out of range", caller);
    }
    return false;
  }
  if (n > 4 && !bufferCopyBytes(tupleItem(addr, 4), &hardware)) return false;
  // CPython copies at most IFNAMSIZ - 1 bytes of the name for SIOCGIFINDEX.
  unsigned ifindex = if_nametoindex(ifname.substr(0, IFNAMSIZ - 1).c_str());
  if (ifindex == 0) {
    posix::raiseErrno(errno);
    return false;
  }
  if (hardware.size() > sizeof a->sll_addr) {
    raise(exc::ValueError, "Hardware address must be 8 bytes or less");
    return false;
  }
  if (proto < 0 || proto > 0xffff) {
    raisef(exc::OverflowError, "%s(): proto must be 0-65535.", caller);
    return false;
  }
  a->sll_family = AF_PACKET;
  a->sll_protocol = htons(static_cast<uint16_t>(proto));
  a->sll_ifindex = static_cast<int>(ifindex);
  a->sll_pkttype = static_cast<unsigned char>(pkttype);
  a->sll_hatype = static_cast<unsigned short>(hatype);
  a->sll_halen = static_cast<unsigned char>(hardware.size());
  std::memcpy(a->sll_addr, hardware.data(), hardware.size());
  return true;
}

// (cid, port), with CPython 3.11's messages for this family.
bool parseVsock(Value addr, struct sockaddr_vm* a) {
  if (!isTuple(addr)) {
    raisef(exc::TypeError, "getsockaddrarg: AF_VSOCK address must be tuple, not %s", typeNameOf(addr).c_str());
    return false;
  }
  if (tupleLength(addr) != 2) {
    raisef(exc::TypeError, "getsockaddrarg() takes exactly 2 arguments (%lld given)",
           static_cast<long long>(tupleLength(addr)));
    return false;
  }
  uint64_t cid, port;
  if (!maskedArg(tupleItem(addr, 0), &cid) || !maskedArg(tupleItem(addr, 1), &port)) return false;
  a->svm_family = AF_VSOCK;
  a->svm_cid = static_cast<unsigned>(cid);
  a->svm_port = static_cast<unsigned>(port);
  return true;
}

// (type, name[, feat[, mask]]).  feat and mask are read as CPython reads
// them ("H" into the fields' first two bytes): their low 16 bits.
bool parseAlg(Value addr, const char* caller, struct sockaddr_alg* a) {
  const char* kShape = "AF_ALG address must be a tuple (type, name[, feat[, mask]])";
  std::string type, name;
  if (!requireTuple(addr, caller, "AF_ALG") || !arity(addr, 2, 4, kShape) ||
      !textArg(tupleItem(addr, 0), kShape, &type) || !textArg(tupleItem(addr, 1), kShape, &name)) {
    return false;
  }
  uint64_t feat = 0, mask = 0;
  int64_t n = tupleLength(addr);
  if ((n > 2 && !maskedArg(tupleItem(addr, 2), &feat)) || (n > 3 && !maskedArg(tupleItem(addr, 3), &mask))) {
    return false;
  }
  if (type.size() >= sizeof a->salg_type) {
    raise(exc::ValueError, "AF_ALG type too long.");
    return false;
  }
  if (name.size() >= sizeof a->salg_name) {
    raise(exc::ValueError, "AF_ALG name too long.");
    return false;
  }
  a->salg_family = AF_ALG;
  std::memcpy(a->salg_type, type.data(), type.size());
  std::memcpy(a->salg_name, name.data(), name.size());
  a->salg_feat = static_cast<uint16_t>(feat);
  a->salg_mask = static_cast<uint16_t>(mask);
  return true;
}

#define C(name) \
  { #name, static_cast<int64_t>(name) }
// clang-format off
const Constant kConstants[] = {
    C(AF_DECnet), C(PF_CAN), C(PF_PACKET), C(PF_RDS), C(SOL_ALG), C(SOL_TIPC),
    // netlink
    C(NETLINK_CRYPTO), C(NETLINK_DNRTMSG), C(NETLINK_FIREWALL), C(NETLINK_IP6_FW), C(NETLINK_NFLOG),
    C(NETLINK_ROUTE), C(NETLINK_USERSOCK), C(NETLINK_XFRM),
    // packet
    C(PACKET_BROADCAST), C(PACKET_FASTROUTE), C(PACKET_HOST), C(PACKET_LOOPBACK), C(PACKET_MULTICAST),
    C(PACKET_OTHERHOST), C(PACKET_OUTGOING),
    // VSOCK
    C(IOCTL_VM_SOCKETS_GET_LOCAL_CID), C(SO_VM_SOCKETS_BUFFER_MAX_SIZE), C(SO_VM_SOCKETS_BUFFER_MIN_SIZE),
    C(SO_VM_SOCKETS_BUFFER_SIZE), C(VMADDR_CID_ANY), C(VMADDR_CID_HOST), C(VMADDR_PORT_ANY),
    C(VM_SOCKETS_INVALID_VERSION),
    // ALG
    C(ALG_OP_DECRYPT), C(ALG_OP_ENCRYPT), C(ALG_SET_AEAD_ASSOCLEN), C(ALG_SET_AEAD_AUTHSIZE), C(ALG_SET_IV),
    C(ALG_SET_KEY), C(ALG_SET_OP), {"ALG_OP_SIGN", 2}, {"ALG_OP_VERIFY", 3}, {"ALG_SET_PUBKEY", 6},
    // CAN (raw, broadcast manager, ISO-TP, J1939)
    C(CAN_BCM), C(CAN_EFF_FLAG), C(CAN_EFF_MASK), C(CAN_ERR_FLAG), C(CAN_ERR_MASK), C(CAN_ISOTP), C(CAN_J1939),
    C(CAN_RAW), C(CAN_RAW_FD_FRAMES), C(CAN_RAW_FILTER), C(CAN_RAW_JOIN_FILTERS), C(CAN_RAW_LOOPBACK),
    C(CAN_RAW_RECV_OWN_MSGS), C(CAN_RTR_FLAG), C(CAN_SFF_MASK), C(SOL_CAN_BASE), C(SOL_CAN_RAW),
    {"CAN_BCM_TX_SETUP", TX_SETUP}, {"CAN_BCM_TX_DELETE", TX_DELETE}, {"CAN_BCM_TX_READ", TX_READ},
    {"CAN_BCM_TX_SEND", TX_SEND}, {"CAN_BCM_RX_SETUP", RX_SETUP}, {"CAN_BCM_RX_DELETE", RX_DELETE},
    {"CAN_BCM_RX_READ", RX_READ}, {"CAN_BCM_TX_STATUS", TX_STATUS}, {"CAN_BCM_TX_EXPIRED", TX_EXPIRED},
    {"CAN_BCM_RX_STATUS", RX_STATUS}, {"CAN_BCM_RX_TIMEOUT", RX_TIMEOUT}, {"CAN_BCM_RX_CHANGED", RX_CHANGED},
    {"CAN_BCM_SETTIMER", SETTIMER}, {"CAN_BCM_STARTTIMER", STARTTIMER}, {"CAN_BCM_TX_COUNTEVT", TX_COUNTEVT},
    {"CAN_BCM_TX_ANNOUNCE", TX_ANNOUNCE}, {"CAN_BCM_TX_CP_CAN_ID", TX_CP_CAN_ID},
    {"CAN_BCM_RX_FILTER_ID", RX_FILTER_ID}, {"CAN_BCM_RX_CHECK_DLC", RX_CHECK_DLC},
    {"CAN_BCM_RX_NO_AUTOTIMER", RX_NO_AUTOTIMER}, {"CAN_BCM_RX_ANNOUNCE_RESUME", RX_ANNOUNCE_RESUME},
    {"CAN_BCM_TX_RESET_MULTI_IDX", TX_RESET_MULTI_IDX}, {"CAN_BCM_RX_RTR_FRAME", RX_RTR_FRAME},
    {"CAN_BCM_CAN_FD_FRAME", CAN_FD_FRAME},
    C(J1939_EE_INFO_NONE), C(J1939_EE_INFO_TX_ABORT), C(J1939_FILTER_MAX), C(J1939_IDLE_ADDR),
    C(J1939_MAX_UNICAST_ADDR), C(J1939_NLA_BYTES_ACKED), C(J1939_NLA_PAD), C(J1939_NO_ADDR), C(J1939_NO_NAME),
    C(J1939_NO_PGN), C(J1939_PGN_ADDRESS_CLAIMED), C(J1939_PGN_ADDRESS_COMMANDED), C(J1939_PGN_MAX),
    C(J1939_PGN_PDU1_MAX), C(J1939_PGN_REQUEST), C(SCM_J1939_DEST_ADDR), C(SCM_J1939_DEST_NAME),
    C(SCM_J1939_ERRQUEUE), C(SCM_J1939_PRIO), C(SO_J1939_ERRQUEUE), C(SO_J1939_FILTER), C(SO_J1939_PROMISC),
    C(SO_J1939_SEND_PRIO),
    // TIPC
    C(TIPC_ADDR_ID), C(TIPC_ADDR_NAME), C(TIPC_ADDR_NAMESEQ), C(TIPC_CFG_SRV), C(TIPC_CLUSTER_SCOPE),
    C(TIPC_CONN_TIMEOUT), C(TIPC_CRITICAL_IMPORTANCE), C(TIPC_DEST_DROPPABLE), C(TIPC_HIGH_IMPORTANCE),
    C(TIPC_IMPORTANCE), C(TIPC_LOW_IMPORTANCE), C(TIPC_MEDIUM_IMPORTANCE), C(TIPC_NODE_SCOPE), C(TIPC_PUBLISHED),
    C(TIPC_SRC_DROPPABLE), C(TIPC_SUBSCR_TIMEOUT), C(TIPC_SUB_CANCEL), C(TIPC_SUB_PORTS), C(TIPC_SUB_SERVICE),
    C(TIPC_TOP_SRV), C(TIPC_WAIT_FOREVER), C(TIPC_WITHDRAWN), C(TIPC_ZONE_SCOPE),
    // Bluetooth (<bluetooth/bluetooth.h>, <bluetooth/hci.h>)
    {"BTPROTO_L2CAP", 0}, {"BTPROTO_HCI", 1}, {"BTPROTO_SCO", 2}, {"BTPROTO_RFCOMM", 3}, {"SOL_HCI", 0},
    {"HCI_DATA_DIR", 1}, {"HCI_FILTER", 2}, {"HCI_TIME_STAMP", 3},
};
// clang-format on
#undef C

}  // namespace

bool readsAddressOf(int family) {
  return family == AF_NETLINK || family == AF_PACKET || family == AF_VSOCK || family == AF_ALG;
}

bool parseAddress(int family, Value addr, const char* caller, struct sockaddr_storage* storage, socklen_t* len) {
  std::memset(storage, 0, sizeof *storage);
  switch (family) {
    case AF_NETLINK:
      *len = sizeof(struct sockaddr_nl);
      return parseNetlink(addr, caller, reinterpret_cast<struct sockaddr_nl*>(storage));
    case AF_PACKET:
      *len = sizeof(struct sockaddr_ll);
      return parsePacket(addr, caller, reinterpret_cast<struct sockaddr_ll*>(storage));
    case AF_VSOCK:
      *len = sizeof(struct sockaddr_vm);
      return parseVsock(addr, reinterpret_cast<struct sockaddr_vm*>(storage));
    default:
      *len = sizeof(struct sockaddr_alg);
      return parseAlg(addr, caller, reinterpret_cast<struct sockaddr_alg*>(storage));
  }
}

bool makesAddressOf(int family) { return family == AF_NETLINK || family == AF_PACKET || family == AF_VSOCK; }

Value addressValue(const struct sockaddr* sa) {
  switch (sa->sa_family) {
    case AF_NETLINK: {
      auto* a = reinterpret_cast<const struct sockaddr_nl*>(sa);
      return newTupleOf({newIntUnsigned(a->nl_pid), newIntUnsigned(a->nl_groups)});
    }
    case AF_PACKET: {
      auto* a = reinterpret_cast<const struct sockaddr_ll*>(sa);
      char name[IF_NAMESIZE] = "";
      if (a->sll_ifindex == 0 || if_indextoname(static_cast<unsigned>(a->sll_ifindex), name) == nullptr) name[0] = 0;
      size_t halen = a->sll_halen < sizeof a->sll_addr ? a->sll_halen : sizeof a->sll_addr;
      return newTupleOf({posix::fsDecode(name), newInt(ntohs(a->sll_protocol)), newInt(a->sll_pkttype),
                         newInt(a->sll_hatype), newBytes(a->sll_addr, static_cast<int64_t>(halen))});
    }
    default: {
      auto* a = reinterpret_cast<const struct sockaddr_vm*>(sa);
      return newTupleOf({newIntUnsigned(a->svm_cid), newIntUnsigned(a->svm_port)});
    }
  }
}

bool addConstantTable(Value module_dict, std::span<const Constant> constants) {
  for (const Constant& c : constants) {
    if (dictSet(module_dict, internStr(c.name), newInt(c.value)) < 0) return false;
  }
  return true;
}

bool addConstants(Value module_dict) {
  return addConstantTable(module_dict, kConstants) &&
         dictSet(module_dict, internStr("BDADDR_ANY"), newStr("00:00:00:00:00:00")) == 0 &&
         dictSet(module_dict, internStr("BDADDR_LOCAL"), newStr("00:00:00:FF:FF:FF")) == 0;
}

}  // namespace tern::socket_families
