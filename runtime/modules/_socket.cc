// The _socket module, what socket.py and asyncio build on: the socket type
// over BSD sockets (AF_INET, AF_INET6 and AF_UNIX addresses here, AF_NETLINK,
// AF_PACKET, AF_VSOCK and AF_ALG ones in _socket_families.cc; blocking,
// non-blocking and timeout modes; sendmsg/recvmsg/recvmsg_into with
// ancillary data, so socket.send_fds/recv_fds work; sendmsg_afalg), name
// resolution (getaddrinfo, getnameinfo, gethostbyname*, getserv*/getproto*),
// socketpair, the inet_*, byte-order, CMSG_LEN/CMSG_SPACE and if_nameindex
// helpers, and the constants of Linux's headers.
//
// Not provided: sendfile's native path, addresses of the CAN, TIPC and
// Bluetooth families (their constants are), the CAPI capsule.
//
// Timeouts follow CPython's sock_call: a socket with a timeout is
// non-blocking underneath; each operation first waits with poll() for
// readiness until the deadline (TimeoutError "timed out"), then performs the
// call, and waits again on EWOULDBLOCK.  EINTR runs the signal handlers and
// retries (PEP 475).  Data to send is copied out of the caller's buffer first
// and received data lands in a std::string, so no pointer into the heap is
// held across a wait (objects move, and signal handlers may run).
//
// Invariant: `fd` is -1 once the socket is closed or detached; an open
// socket is finalizable (its layout's finalize closes the descriptor when
// the object is collected, for subclasses too).
#include <arpa/inet.h>
#include <fcntl.h>
#include <linux/if_alg.h>
#include <net/if.h>
#include <netdb.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <netinet/udp.h>
#include <poll.h>
#include <sys/socket.h>
#include <sys/un.h>
#include <time.h>
#include <unistd.h>

#include <cerrno>
#include <cmath>
#include <cstddef>
#include <cstdint>
#include <algorithm>
#include <cstring>
#include <memory>
#include <string>
#include <vector>

#include "runtime/gc/heap.h"
#include "runtime/gc/roots.h"
#include "runtime/interp/errors.h"
#include "runtime/interp/gil.h"
#include "runtime/modules/_socket.h"
#include "runtime/modules/_socket_families.h"
#include "runtime/modules/resource_tracking.h"
#include "runtime/modules/_signal.h"
#include "runtime/modules/module.h"
#include "runtime/modules/posix_internal.h"
#include "runtime/objects/abstract.h"
#include "runtime/objects/buffer.h"
#include "runtime/objects/bytes.h"
#include "runtime/objects/dict.h"
#include "runtime/objects/float.h"
#include "runtime/objects/int.h"
#include "runtime/objects/list.h"
#include "runtime/objects/native.h"
#include "runtime/objects/numbers_internal.h"
#include "runtime/objects/str.h"
#include "runtime/objects/tuple.h"
#include "runtime/objects/type.h"

namespace tern {

namespace {

Type* g_socket_type = nullptr;
gc::GlobalRoot g_gaierror;        // socket.gaierror
gc::GlobalRoot g_herror;          // socket.herror
double g_default_timeout = -1.0;  // setdefaulttimeout(); < 0: None

struct SocketObj : Obj {
  int64_t fd;
  int64_t family;
  int64_t type;  // without SOCK_NONBLOCK / SOCK_CLOEXEC
  int64_t proto;
  double timeout;  // < 0: blocking (None); 0: non-blocking; > 0: seconds
  gc::HeapValue created_at;  // -X track-resources: where it was made (resource_tracking.h)
};
SocketObj* asSocket(Value v) { return static_cast<SocketObj*>(v.asObject()); }
int sockFd(Value self) { return static_cast<int>(asSocket(self)->fd); }

int64_t monotonicNs() {
  struct timespec ts;
  clock_gettime(CLOCK_MONOTONIC, &ts);
  return static_cast<int64_t>(ts.tv_sec) * 1000000000 + ts.tv_nsec;
}

Value raiseErrno(int err) { return posix::raiseErrno(err); }
Value raiseTimeout() { return raise(exc::TimeoutError, "timed out"); }

Value raiseWithCode(const gc::GlobalRoot& type, int code, const char* message) {
  Value args = newTupleOf({newInt(code), newStr(message)});
  if (args.isNull()) return args;
  return raiseWithArgs(static_cast<Type*>(type.get().asObject()), args);
}

// A getaddrinfo()/getnameinfo() error: socket.gaierror(code, text), or the
// OSError of errno for EAI_SYSTEM.
Value raiseGaiError(int code) {
  if (code == EAI_SYSTEM) return raiseErrno(errno);
  return raiseWithCode(g_gaierror, code, gai_strerror(code));
}

// ===========================================================================
// Blocking modes and the generic call

bool setBlocking(int fd, bool blocking) {
  int flags = fcntl(fd, F_GETFL);
  if (flags < 0) {
    raiseErrno(errno);
    return false;
  }
  int wanted = blocking ? (flags & ~O_NONBLOCK) : (flags | O_NONBLOCK);
  if (wanted != flags && fcntl(fd, F_SETFL, wanted) < 0) {
    raiseErrno(errno);
    return false;
  }
  return true;
}

// Waits until the socket is readable/writable or the deadline passes:
// 1 ready, 0 timed out, -1 error pending.
int waitReady(Value self, bool writing, int64_t deadline) {
  for (;;) {
    int64_t left = deadline - monotonicNs();
    if (left <= 0) return 0;
    struct pollfd p = {.fd = sockFd(self), .events = static_cast<short>(writing ? POLLOUT : POLLIN), .revents = 0};
    int n;
    {
      interp::AllowThreads allow;  // gil.h
      n = ::poll(&p, 1, static_cast<int>((left + 999999) / 1000000));
    }
    if (n > 0) return 1;
    if (n == 0) return 0;
    if (errno != EINTR) {
      raiseErrno(errno);
      return -1;
    }
    if (!retryAfterSignal()) return -1;
  }
}

// The deadline of an operation starting now on a socket with a timeout.
int64_t socketDeadline(Value self) {
  double timeout = asSocket(self)->timeout;
  return timeout > 0 ? monotonicNs() + static_cast<int64_t>(timeout * 1e9) : 0;
}

// CPython's sock_call: `op` makes one system call and returns >= 0, or -1
// with errno set.  The result of the successful call is returned through
// `result`.  False with the error pending.  On a socket with a timeout,
// `deadline` (socketDeadline) ends the waiting.
template <typename Op>
bool sockCallUntil(Value self, bool writing, Op op, int64_t* result, int64_t deadline) {
  double timeout = asSocket(self)->timeout;
  for (;;) {
    if (timeout > 0) {
      int ready = waitReady(self, writing, deadline);
      if (ready < 0) return false;
      if (ready == 0) {
        raiseTimeout();
        return false;
      }
    }
    int64_t r;
    {
      // The socket object is on this stack (pinned); `op` reads only its fd.
      interp::AllowThreads allow;  // gil.h
      r = op();
    }
    if (r >= 0) {
      *result = r;
      return true;
    }
    if (errno == EINTR) {
      if (!retryAfterSignal()) return false;
      continue;
    }
    if (timeout > 0 && (errno == EWOULDBLOCK || errno == EAGAIN)) continue;
    raiseErrno(errno);
    return false;
  }
}

template <typename Op>
bool sockCall(Value self, bool writing, Op op, int64_t* result) {
  return sockCallUntil(self, writing, op, result, socketDeadline(self));
}

// A timeout argument: None -> -1, else non-negative seconds.
bool parseTimeout(Value v, double* out) {
  if (isNone(v)) {
    *out = -1.0;
    return true;
  }
  double d;
  if (isFloat(v)) {
    d = floatValue(v);
    if (std::isnan(d)) {
      raise(exc::ValueError, "Invalid value NaN (not a number)");
      return false;
    }
  } else {
    Value i = index(v);
    if (i.isNull()) return false;
    if (!intToDouble(i, &d)) return false;
  }
  if (d < 0) {
    raise(exc::ValueError, "Timeout value out of range");
    return false;
  }
  *out = d;
  return true;
}

// ===========================================================================
// Addresses

struct SockAddr {
  struct sockaddr_storage storage;
  socklen_t len = 0;
  struct sockaddr* sa() {
    return reinterpret_cast<struct sockaddr*>(&storage);
  }
};

// CPython's idna_converter: bytes as they are, ASCII str as it is, other
// str through the "idna" codec.
bool hostName(Value v, std::string* out) {
  if (isBytes(v) || (!v.isSmallInt() && typeOf(v) == types::bytearray_type)) return bytesLikeCopy(v, out);
  if (!isStr(v)) {
    raisef(exc::TypeError, "str, bytes or bytearray expected, not %s", typeNameOf(v).c_str());
    return false;
  }
  if (asStr(v)->ascii) {
    *out = strToUtf8(v);
    return true;
  }
  Value codec = newStr("idna");
  Value encoded = callMethod(v, internStr("encode"), &codec, 1);
  if (encoded.isNull()) return false;
  return bytesLikeCopy(encoded, out);
}

// CPython's setipaddr: '' is the wildcard, '<broadcast>' the broadcast
// address, numeric addresses are parsed, names resolved.
bool resolveHost(const std::string& name, int family, SockAddr* out) {
  std::memset(&out->storage, 0, sizeof out->storage);
  if (name.empty()) {
    if (family == AF_INET6) {
      auto* a = reinterpret_cast<struct sockaddr_in6*>(&out->storage);
      a->sin6_family = AF_INET6;
      a->sin6_addr = in6addr_any;
      out->len = sizeof *a;
    } else {
      auto* a = reinterpret_cast<struct sockaddr_in*>(&out->storage);
      a->sin_family = AF_INET;
      a->sin_addr.s_addr = htonl(INADDR_ANY);
      out->len = sizeof *a;
    }
    return true;
  }
  if (name == "<broadcast>" || name == "255.255.255.255") {
    if (family != AF_INET && family != AF_UNSPEC) {
      raise(exc::OSError, "address family mismatched");
      return false;
    }
    auto* a = reinterpret_cast<struct sockaddr_in*>(&out->storage);
    a->sin_family = AF_INET;
    a->sin_addr.s_addr = htonl(INADDR_BROADCAST);
    out->len = sizeof *a;
    return true;
  }
  if (family == AF_INET || family == AF_UNSPEC) {
    auto* a = reinterpret_cast<struct sockaddr_in*>(&out->storage);
    if (inet_pton(AF_INET, name.c_str(), &a->sin_addr) == 1) {
      a->sin_family = AF_INET;
      out->len = sizeof *a;
      return true;
    }
  }
  if (family == AF_INET6 || family == AF_UNSPEC) {
    auto* a = reinterpret_cast<struct sockaddr_in6*>(&out->storage);
    if (inet_pton(AF_INET6, name.c_str(), &a->sin6_addr) == 1) {
      a->sin6_family = AF_INET6;
      out->len = sizeof *a;
      return true;
    }
  }
  struct addrinfo hints = {}, *res = nullptr;
  hints.ai_family = family;
  int err = getaddrinfo(name.c_str(), nullptr, &hints, &res);
  if (err != 0) {
    raiseGaiError(err);
    return false;
  }
  std::memcpy(&out->storage, res->ai_addr, res->ai_addrlen);
  out->len = res->ai_addrlen;
  freeaddrinfo(res);
  return true;
}

// The port of an address tuple: an int in 0..65535.
bool portNumber(Value v, const char* caller, int* out) {
  int port;
  if (!argCInt(v, &port)) return false;
  if (port < 0 || port > 0xffff) {
    raisef(exc::OverflowError, "%s(): port must be 0-65535.", caller);
    return false;
  }
  *out = port;
  return true;
}

// CPython's getsockaddrarg for the families this module supports.
bool parseAddress(int family, Value addr, const char* caller, SockAddr* out) {
  std::memset(&out->storage, 0, sizeof out->storage);
  switch (family) {
    case AF_UNIX: {
      std::string path;
      if (isStr(addr)) {
        if (!posix::fsEncode(addr, &path)) return false;
      } else if (!bufferCopyBytes(addr, &path)) {
        return false;
      }
      auto* a = reinterpret_cast<struct sockaddr_un*>(&out->storage);
      if (path.size() > sizeof a->sun_path || (!path.empty() && path[0] != '\0' && path.size() == sizeof a->sun_path)) {
        raise(exc::OSError, "AF_UNIX path too long");
        return false;
      }
      a->sun_family = AF_UNIX;
      std::memcpy(a->sun_path, path.data(), path.size());
      // An abstract-namespace name (leading NUL) has no terminator; an empty
      // path is no name at all, so bind() picks an abstract one (autobind).
      bool abstract = !path.empty() && path[0] == '\0';
      size_t terminator = abstract || path.empty() ? 0 : 1;
      out->len = static_cast<socklen_t>(offsetof(struct sockaddr_un, sun_path) + path.size() + terminator);
      return true;
    }
    case AF_INET:
    case AF_INET6: {
      bool v6 = family == AF_INET6;
      if (!isTuple(addr)) {
        raisef(exc::TypeError, "%s(): %s address must be tuple, not %s", caller, v6 ? "AF_INET6" : "AF_INET",
               typeNameOf(addr).c_str());
        return false;
      }
      int64_t n = tupleLength(addr);
      if (v6 ? (n < 2 || n > 4) : n != 2) {
        raise(exc::TypeError, v6 ? "AF_INET6 address must be a tuple (host, port[, flowinfo[, scopeid]])"
                                 : "AF_INET address must be a pair (host, port)");
        return false;
      }
      std::string host;
      int port;
      if (!hostName(tupleItem(addr, 0), &host) || !portNumber(tupleItem(addr, 1), caller, &port)) return false;
      uint64_t flowinfo = 0, scope_id = 0;
      for (int64_t i = 2; i < n; ++i) {
        Value item = index(tupleItem(addr, i));
        if (item.isNull()) return false;
        numbers::IntRef ref(item);
        uint64_t value = ref.mag.empty() ? 0 : ref.mag[0];
        if (ref.neg || ref.mag.size() > 1 || value > UINT32_MAX) {
          raise(exc::OverflowError, ref.neg ? "can't convert negative value to unsigned int"
                                            : "Python int too large to convert to C unsigned long");
          return false;
        }
        (i == 2 ? flowinfo : scope_id) = value;
      }
      if (flowinfo > 0xfffff) {
        raisef(exc::OverflowError, "%s(): flowinfo must be 0-1048575.", caller);
        return false;
      }
      if (!resolveHost(host, family, out)) return false;
      if (v6) {
        auto* a = reinterpret_cast<struct sockaddr_in6*>(&out->storage);
        a->sin6_port = htons(static_cast<uint16_t>(port));
        a->sin6_flowinfo = htonl(static_cast<uint32_t>(flowinfo));
        a->sin6_scope_id = static_cast<uint32_t>(scope_id);
      } else {
        reinterpret_cast<struct sockaddr_in*>(&out->storage)->sin_port = htons(static_cast<uint16_t>(port));
      }
      return true;
    }
    default:
      if (socket_families::readsAddressOf(family)) {
        return socket_families::parseAddress(family, addr, caller, &out->storage, &out->len);
      }
      raisef(exc::OSError, "%s(): bad family", caller);
      return false;
  }
}

std::string numericHost(const struct sockaddr* sa) {
  char text[INET6_ADDRSTRLEN] = "";
  if (sa->sa_family == AF_INET) {
    inet_ntop(AF_INET, &reinterpret_cast<const struct sockaddr_in*>(sa)->sin_addr, text, sizeof text);
  } else {
    inet_ntop(AF_INET6, &reinterpret_cast<const struct sockaddr_in6*>(sa)->sin6_addr, text, sizeof text);
  }
  return text;
}

// CPython's makesockaddr.
Value addressValue(const struct sockaddr* sa, socklen_t len) {
  if (len == 0) return None();
  switch (sa->sa_family) {
    case AF_INET: {
      auto* a = reinterpret_cast<const struct sockaddr_in*>(sa);
      return newTupleOf({newStr(numericHost(sa)), newInt(ntohs(a->sin_port))});
    }
    case AF_INET6: {
      auto* a = reinterpret_cast<const struct sockaddr_in6*>(sa);
      return newTupleOf({newStr(numericHost(sa)), newInt(ntohs(a->sin6_port)), newInt(ntohl(a->sin6_flowinfo)),
                         newInt(a->sin6_scope_id)});
    }
    case AF_UNIX: {
      auto* a = reinterpret_cast<const struct sockaddr_un*>(sa);
      size_t n = len - offsetof(struct sockaddr_un, sun_path);
      if (n > 0 && a->sun_path[0] == '\0') return newBytes(a->sun_path, static_cast<int64_t>(n));
      return posix::fsDecode(std::string_view(a->sun_path, strnlen(a->sun_path, n)));
    }
    default:
      if (socket_families::makesAddressOf(sa->sa_family)) return socket_families::addressValue(sa);
      return newTupleOf({newInt(sa->sa_family), newBytes(sa->sa_data, sizeof sa->sa_data)});
  }
}

// ===========================================================================
// socket: construction

// The collector closes a socket the program left open, with CPython's
// ResourceWarning ("unclosed <socket.socket ...>"; -X track-resources adds
// where it was created).
void socketLayoutFinalize(gc::Object* object) {
  SocketObj* s = static_cast<SocketObj*>(object);
  if (s->fd >= 0) {
    Value self(object);
    warnUnclosed("", self, static_cast<SocketObj*>(self.asObject())->created_at.get(), self);
    s = static_cast<SocketObj*>(self.asObject());
  }
  if (s->fd >= 0) {
    ::close(static_cast<int>(s->fd));
    s->fd = -1;
  }
}

Value socket_new(Type* type, const Value* /*args*/, size_t /*nargs*/, Value /*kwnames*/) {
  SocketObj* s = static_cast<SocketObj*>(newObject(type, type->basic_size));
  s->fd = -1;
  s->timeout = -1.0;
  gc::setFinalizable(s);
  Value self(s);
  if (trackResources()) {
    Value created = recordCreation();
    static_cast<SocketObj*>(self.asObject())->created_at.set(created);
  }
  return self;
}

// Sets the fields of a socket around an open descriptor (CPython's init_sockobject).
bool initSocket(Value self, int fd, int family, int type, int proto) {
  SocketObj* s = asSocket(self);
  s->fd = fd;
  s->family = family;
  s->type = type & ~(SOCK_NONBLOCK | SOCK_CLOEXEC);
  s->proto = proto;
  if (type & SOCK_NONBLOCK) {
    s->timeout = 0.0;
  } else {
    s->timeout = g_default_timeout;
    if (g_default_timeout >= 0 && !setBlocking(fd, false)) return false;
  }
  return true;
}

const MethodDef kSocketInitDef = {.name = "socket", .signature = "(family=-1, type=-1, proto=-1, fileno=None)"};

int socket_init(Value self, const Value* args, size_t nargs, Value kwnames) {
  Value bound[4];
  if (!bindArguments(&kSocketInitDef, Value(), args, nargs, kwnames, bound)) return -1;
  int family, type, proto;
  if (!argCInt(bound[0], &family) || !argCInt(bound[1], &type) || !argCInt(bound[2], &proto)) return -1;
  Value fileno = bound[3];
  int fd;
  if (isNone(fileno)) {
    if (family == -1) family = AF_INET;
    if (type == -1) type = SOCK_STREAM;
    if (proto == -1) proto = 0;
    fd = ::socket(family, type | SOCK_CLOEXEC, proto);
    if (fd < 0) {
      raiseErrno(errno);
      return -1;
    }
  } else {
    if (isFloat(fileno)) {
      raise(exc::TypeError, "socket() argument 'fileno' must be int, not float");
      return -1;
    }
    if (!argCInt(fileno, &fd)) return -1;
    if (fd < 0) {
      raise(exc::ValueError, "negative file descriptor");
      return -1;
    }
    if (family == -1) {
      SockAddr addr;
      addr.len = sizeof addr.storage;
      if (getsockname(fd, addr.sa(), &addr.len) != 0) {
        raiseErrno(errno);
        return -1;
      }
      family = addr.storage.ss_family;
    }
    socklen_t n = sizeof(int);
    if (type == -1 && getsockopt(fd, SOL_SOCKET, SO_TYPE, &type, &n) != 0) {
      raiseErrno(errno);
      return -1;
    }
    n = sizeof(int);
    if (proto == -1 && getsockopt(fd, SOL_SOCKET, SO_PROTOCOL, &proto, &n) != 0) {
      raiseErrno(errno);
      return -1;
    }
  }
  return initSocket(self, fd, family, type, proto) ? 0 : -1;
}

Value newSocketFromFd(int fd, int family, int type, int proto) {
  Value s = socket_new(g_socket_type, nullptr, 0, Value());
  if (!initSocket(s, fd, family, type, proto)) return Value();
  return s;
}

// ===========================================================================
// socket: methods

Value socket_repr(Value self) {
  SocketObj* s = asSocket(self);
  char text[128];
  snprintf(text, sizeof text, "<socket object, fd=%lld, family=%lld, type=%lld, proto=%lld>",
           static_cast<long long>(s->fd), static_cast<long long>(s->family), static_cast<long long>(s->type),
           static_cast<long long>(s->proto));
  return newStr(text);
}

Value socket_fileno(Value* args) { return newInt(asSocket(args[0])->fd); }

Value socket_detach(Value* args) {
  int64_t fd = asSocket(args[0])->fd;
  asSocket(args[0])->fd = -1;
  return newInt(fd);
}

Value socket_close(Value* args) {
  int fd = sockFd(args[0]);
  if (fd < 0) return None();
  asSocket(args[0])->fd = -1;
  // The descriptor is released even when close() reports an error; a reset
  // connection is not worth an exception (bpo-30319).
  if (::close(fd) != 0 && errno != ECONNRESET) return raiseErrno(errno);
  return None();
}

Value socket_bind(Value* args) {
  SockAddr addr;
  if (!parseAddress(static_cast<int>(asSocket(args[0])->family), args[1], "bind", &addr)) return Value();
  if (::bind(sockFd(args[0]), addr.sa(), addr.len) != 0) return raiseErrno(errno);
  return None();
}

Value socket_listen(Value* args) {
  int backlog = SOMAXCONN < 128 ? SOMAXCONN : 128;
  if (!args[1].isNull() && !argCInt(args[1], &backlog)) return Value();
  if (backlog < 0) backlog = 0;
  if (::listen(sockFd(args[0]), backlog) != 0) return raiseErrno(errno);
  return None();
}

Value socket__accept(Value* args) {
  Value self = args[0];
  SockAddr addr;
  int64_t fd;
  bool ok = sockCall(
      self, false,
      [&]() -> int64_t {
        addr.len = sizeof addr.storage;
        return ::accept4(sockFd(self), addr.sa(), &addr.len, SOCK_CLOEXEC);
      },
      &fd);
  if (!ok) return Value();
  Value address = addressValue(addr.sa(), addr.len);
  if (address.isNull()) {
    ::close(static_cast<int>(fd));
    return address;
  }
  return newTupleOf({newInt(fd), address});
}

// connect() and connect_ex(): 0 or an errno value, -1 with an exception
// pending (timeouts and errors that are not the connection's own).
int connectTo(Value self, Value address, const char* caller) {
  SockAddr addr;
  if (!parseAddress(static_cast<int>(asSocket(self)->family), address, caller, &addr)) return -1;
  int r = ::connect(sockFd(self), addr.sa(), addr.len);
  int err = r == 0 ? 0 : errno;
  if (err == EINTR) {
    if (!retryAfterSignal()) return -1;
    // The connection goes on in the background: wait for it as a non-blocking one.
    err = EINPROGRESS;
  }
  double timeout = asSocket(self)->timeout;
  if (err == EINPROGRESS && timeout != 0) {
    int64_t deadline = timeout > 0 ? monotonicNs() + static_cast<int64_t>(timeout * 1e9) : INT64_MAX;
    int ready = waitReady(self, true, deadline);
    if (ready < 0) return -1;
    if (ready == 0) {
      raiseTimeout();
      return -1;
    }
    socklen_t n = sizeof err;
    if (getsockopt(sockFd(self), SOL_SOCKET, SO_ERROR, &err, &n) != 0) err = errno;
  }
  return err;
}

Value socket_connect(Value* args) {
  int err = connectTo(args[0], args[1], "connect");
  if (err < 0) return Value();
  if (err != 0) return raiseErrno(err);
  return None();
}

Value socket_connect_ex(Value* args) {
  int err = connectTo(args[0], args[1], "connect_ex");
  if (err < 0) return Value();
  return newInt(err);
}

bool bufferSize(Value v, const char* message, int64_t* out) {
  if (!argSsize(v, out)) return false;
  if (*out < 0) {
    raise(exc::ValueError, message);
    return false;
  }
  return true;
}

Value socket_recv(Value* args) {
  Value self = args[0];
  int64_t size;
  int flags;
  if (!bufferSize(args[1], "negative buffersize in recv", &size) || !argCInt(args[2], &flags)) return Value();
  std::string data(static_cast<size_t>(size), '\0');
  int64_t n;
  if (!sockCall(
          self, false, [&] { return static_cast<int64_t>(::recv(sockFd(self), data.data(), data.size(), flags)); },
          &n)) {
    return Value();
  }
  data.resize(static_cast<size_t>(n));
  return newBytes(data);
}

// recvfrom(2) into `data` (its size is the most to receive), with the
// sender's address; false with the error pending.
bool receiveFrom(Value self, std::string& data, int flags, SockAddr* addr, int64_t* n) {
  return sockCall(
      self, false,
      [&]() -> int64_t {
        addr->len = sizeof addr->storage;
        return ::recvfrom(sockFd(self), data.data(), data.size(), flags, addr->sa(), &addr->len);
      },
      n);
}

Value socket_recvfrom(Value* args) {
  Value self = args[0];
  int64_t size;
  int flags;
  if (!bufferSize(args[1], "negative buffersize in recvfrom", &size) || !argCInt(args[2], &flags)) return Value();
  std::string data(static_cast<size_t>(size), '\0');
  SockAddr addr;
  int64_t n;
  if (!receiveFrom(self, data, flags, &addr, &n)) return Value();
  data.resize(static_cast<size_t>(n));
  Value bytes = newBytes(data);
  if (bytes.isNull()) return bytes;
  Value address = addressValue(addr.sa(), addr.len);
  if (address.isNull()) return address;
  return newTupleOf({bytes, address});
}

// recv_into / recvfrom_into: receives into a copy, then writes the bytes
// into the caller's writable buffer.
Value receiveInto(Value self, Value buffer, Value nbytes_arg, Value flags_arg, bool with_address, const char* name) {
  ScopedBuffer view;
  if (!getBuffer(buffer, &view, buffer_flags::kWritable)) {
    if (errorMatches(exc::TypeError) || errorMatches(exc::BufferError)) {
      clearError();
      return raisef(exc::TypeError, "%s() argument 1 must be read-write bytes-like object, not %s", name,
                    typeNameOf(buffer).c_str());
    }
    return Value();
  }
  int64_t nbytes;
  int flags;
  std::string negative = std::string("negative buffersize in ") + name;
  if (!bufferSize(nbytes_arg, negative.c_str(), &nbytes) || !argCInt(flags_arg, &flags)) return Value();
  if (nbytes == 0) nbytes = view.len;
  if (nbytes > view.len) return raise(exc::ValueError, "buffer too small for requested bytes");
  std::string data(static_cast<size_t>(nbytes), '\0');
  SockAddr addr;
  int64_t n;
  if (!receiveFrom(self, data, flags, &addr, &n)) return Value();
  std::memcpy(view.data(), data.data(), static_cast<size_t>(n));
  if (!with_address) return newInt(n);
  Value address = addressValue(addr.sa(), addr.len);
  if (address.isNull()) return address;
  return newTupleOf({newInt(n), address});
}

Value socket_recv_into(Value* args) { return receiveInto(args[0], args[1], args[2], args[3], false, "recv_into"); }
Value socket_recvfrom_into(Value* args) {
  return receiveInto(args[0], args[1], args[2], args[3], true, "recvfrom_into");
}

Value socket_send(Value* args) {
  Value self = args[0];
  std::string data;
  int flags;
  if (!bufferCopyBytes(args[1], &data) || !argCInt(args[2], &flags)) return Value();
  int64_t n;
  if (!sockCall(
          self, true,
          [&] { return static_cast<int64_t>(::send(sockFd(self), data.data(), data.size(), flags | MSG_NOSIGNAL)); },
          &n)) {
    return Value();
  }
  return newInt(n);
}

Value socket_sendall(Value* args) {
  Value self = args[0];
  std::string data;
  int flags;
  if (!bufferCopyBytes(args[1], &data) || !argCInt(args[2], &flags)) return Value();
  // One deadline for the whole call.  Pending signal handlers run before
  // every send: a signal that cut the previous one short (or came while the
  // data was being copied) would otherwise wait behind a send that may
  // block for good.
  int64_t deadline = socketDeadline(self);
  size_t done = 0;
  while (done < data.size()) {
    if (signalsTripped() && !runSignalHandlers()) return Value();
    int64_t n;
    if (!sockCallUntil(
            self, true,
            [&] {
              return static_cast<int64_t>(
                  ::send(sockFd(self), data.data() + done, data.size() - done, flags | MSG_NOSIGNAL));
            },
            &n, deadline)) {
      return Value();
    }
    done += static_cast<size_t>(n);
  }
  return None();
}

// sendto(data[, flags], address): the optional argument comes in the middle.
Value socket_sendto(Value* args) {
  Value self = args[0], rest = args[1];
  int64_t nargs = tupleLength(rest);
  if (nargs != 2 && nargs != 3) {
    return raisef(exc::TypeError, "sendto() takes 2 or 3 arguments (%lld given)", static_cast<long long>(nargs));
  }
  std::string data;
  if (!bufferCopyBytes(tupleItem(rest, 0), &data)) return Value();
  int flags = 0;
  Value address = tupleItem(rest, nargs - 1);
  if (nargs == 3 && !argCInt(tupleItem(rest, 1), &flags)) return Value();
  SockAddr addr;
  if (!parseAddress(static_cast<int>(asSocket(self)->family), address, "sendto", &addr)) return Value();
  int64_t n;
  if (!sockCall(
          self, true,
          [&] {
            return static_cast<int64_t>(
                ::sendto(sockFd(self), data.data(), data.size(), flags | MSG_NOSIGNAL, addr.sa(), addr.len));
          },
          &n)) {
    return Value();
  }
  return newInt(n);
}

// ===========================================================================
// socket: sendmsg / recvmsg / recvmsg_into (scatter/gather and ancillary data)
//
// The data is copied out of the caller's buffers before the call and into
// them after it, so no pointer into the heap is held across the wait.

// Each item of `arg` as bytes, in order; `what` names the argument in the
// "must be an iterable" TypeError.
bool bytesItems(Value arg, const char* what, std::vector<std::string>* out) {
  Value items = listFromIterable(arg);
  if (items.isNull()) {
    if (errorMatches(exc::TypeError)) {
      clearError();
      raisef(exc::TypeError, "%s must be an iterable", what);
    }
    return false;
  }
  for (int64_t i = 0; i < listLength(items); ++i) {
    out->emplace_back();
    if (!bufferCopyBytes(listItem(items, i), &out->back())) return false;
  }
  return true;
}

struct AncillaryItem {
  int level;
  int type;
  std::string data;
};

// sendmsg()'s ancdata: (level, type, data) sequences, with PyArg_ParseTuple's
// "(iiy*)" errors.
bool ancillaryItems(Value arg, std::vector<AncillaryItem>* out) {
  Value items = listFromIterable(arg);
  if (items.isNull()) {
    if (errorMatches(exc::TypeError)) {
      clearError();
      raise(exc::TypeError, "sendmsg() argument 2 must be an iterable");
    }
    return false;
  }
  for (int64_t i = 0; i < listLength(items); ++i) {
    Value item = listItem(items, i);
    if (!isTuple(item) && !isList(item)) {
      raisef(exc::TypeError, "[sendmsg() ancillary data items]() argument must be 3-item sequence, not %s",
             typeNameOf(item).c_str());
      return false;
    }
    Value fields = isTuple(item) ? item : tupleFromIterable(item);
    if (fields.isNull()) return false;
    if (tupleLength(fields) != 3) {
      raisef(exc::TypeError, "[sendmsg() ancillary data items]() argument must be sequence of length 3, not %lld",
             static_cast<long long>(tupleLength(fields)));
      return false;
    }
    AncillaryItem a;
    if (!argCInt(tupleItem(fields, 0), &a.level) || !argCInt(tupleItem(fields, 1), &a.type) ||
        !bufferCopyBytes(tupleItem(fields, 2), &a.data)) {
      return false;
    }
    out->push_back(std::move(a));
  }
  return true;
}

// The control buffer of `items`: one cmsghdr each, CMSG_SPACE apart.
bool buildControl(const std::vector<AncillaryItem>& items, std::string* control) {
  size_t space = 0;
  for (const AncillaryItem& a : items) {
    if (a.data.size() > INT32_MAX - 64) {
      raise(exc::OSError, "ancillary data item too large");
      return false;
    }
    space += CMSG_SPACE(a.data.size());
  }
  control->assign(space, '\0');
  if (space == 0) return true;
  struct msghdr msg = {};
  msg.msg_control = control->data();
  msg.msg_controllen = space;
  struct cmsghdr* c = CMSG_FIRSTHDR(&msg);
  for (const AncillaryItem& a : items) {
    c->cmsg_level = a.level;
    c->cmsg_type = a.type;
    c->cmsg_len = CMSG_LEN(a.data.size());
    std::memcpy(CMSG_DATA(c), a.data.data(), a.data.size());
    c = CMSG_NXTHDR(&msg, c);
  }
  return true;
}

// sendmsg(2) of `buffers` with the control messages of `ancillary`, to
// `addr` when given; the number of bytes sent, or null.
Value sendMessage(Value self, std::vector<std::string>& buffers, const std::vector<AncillaryItem>& ancillary,
                  SockAddr* addr, int flags) {
  std::string control;
  if (!buildControl(ancillary, &control)) return Value();
  std::vector<struct iovec> iov;
  for (std::string& b : buffers) iov.push_back({.iov_base = b.data(), .iov_len = b.size()});
  struct msghdr msg = {};
  if (addr != nullptr) {
    msg.msg_name = addr->sa();
    msg.msg_namelen = addr->len;
  }
  msg.msg_iov = iov.data();
  msg.msg_iovlen = iov.size();
  if (!control.empty()) {
    msg.msg_control = control.data();
    msg.msg_controllen = control.size();
  }
  int64_t n;
  if (!sockCall(
          self, true, [&] { return static_cast<int64_t>(::sendmsg(sockFd(self), &msg, flags | MSG_NOSIGNAL)); }, &n)) {
    return Value();
  }
  return newInt(n);
}

Value socket_sendmsg(Value* args) {
  Value self = args[0];
  std::vector<std::string> buffers;
  std::vector<AncillaryItem> ancillary;
  int flags = 0;
  SockAddr addr;
  if (!bytesItems(args[1], "sendmsg() argument 1", &buffers)) return Value();
  if (!args[2].isNull() && !ancillaryItems(args[2], &ancillary)) return Value();
  if (!args[3].isNull() && !argCInt(args[3], &flags)) return Value();
  if (!args[4].isNull() && !isNone(args[4]) &&
      !parseAddress(static_cast<int>(asSocket(self)->family), args[4], "sendmsg", &addr)) {
    return Value();
  }
  return sendMessage(self, buffers, ancillary, addr.len != 0 ? &addr : nullptr, flags);
}

// sendmsg_afalg([msg], *, op[, iv[, assoclen[, flags=MSG_MORE]]]): sendmsg
// with the control messages of an AF_ALG operation socket: the operation,
// the IV (a struct af_alg_iv and its bytes) and the AEAD associated data
// length.  CPython's checks, in its order: the family first.
Value socket_sendmsg_afalg(Value* args) {
  Value self = args[0], msg_arg = args[1], op_arg = args[2], iv_arg = args[3], assoclen_arg = args[4];
  if (asSocket(self)->family != AF_ALG) return raise(exc::OSError, "algset is only supported for AF_ALG");
  for (auto [arg, name] : {std::pair{op_arg, "op"}, std::pair{assoclen_arg, "assoclen"}}) {
    if (!arg.isNull() && !isInt(arg)) {
      return raisef(exc::TypeError, "sendmsg_afalg() argument '%s' must be int, not %s", name, typeNameOf(arg).c_str());
    }
  }
  std::string iv;
  int flags = MSG_MORE, op = -1, assoclen = -1;
  if ((!iv_arg.isNull() && !bufferCopyBytes(iv_arg, &iv)) || (!args[5].isNull() && !argCInt(args[5], &flags))) {
    return Value();
  }
  if (!op_arg.isNull() && !argCInt(op_arg, &op)) clearError();  // reported as invalid below
  if (op < 0) return raise(exc::TypeError, "Invalid or missing argument 'op'");
  if (!assoclen_arg.isNull()) {
    if (!argCInt(assoclen_arg, &assoclen)) return Value();
    if (assoclen < 0) return raise(exc::TypeError, "assoclen must be positive");
  }
  std::vector<std::string> buffers;
  if (!msg_arg.isNull() && !bytesItems(msg_arg, "sendmsg() argument 1", &buffers)) return Value();
  auto word = [](uint32_t v) { return std::string(reinterpret_cast<const char*>(&v), sizeof v); };
  std::vector<AncillaryItem> ancillary{{SOL_ALG, ALG_SET_OP, word(static_cast<uint32_t>(op))}};
  if (!iv_arg.isNull()) {
    ancillary.push_back({SOL_ALG, ALG_SET_IV, word(static_cast<uint32_t>(iv.size())) + iv});  // struct af_alg_iv
  }
  if (assoclen >= 0) ancillary.push_back({SOL_ALG, ALG_SET_AEAD_ASSOCLEN, word(static_cast<uint32_t>(assoclen))});
  return sendMessage(self, buffers, ancillary, nullptr, flags);
}

// recvmsg(2) into `data` (its size is the most to receive) with room for
// `ancbufsize` bytes of control data; then (ancdata, msg_flags, address) as
// CPython returns them.  Null with the error pending.
Value receiveMessage(Value self, std::string& data, int64_t ancbufsize, int flags, int64_t* n) {
  std::string control(static_cast<size_t>(ancbufsize), '\0');
  SockAddr addr;
  struct iovec iov = {.iov_base = data.data(), .iov_len = data.size()};
  struct msghdr msg = {};
  if (!sockCall(
          self, false,
          [&]() -> int64_t {
            msg = {};
            msg.msg_name = addr.sa();
            msg.msg_namelen = sizeof addr.storage;
            msg.msg_iov = &iov;
            msg.msg_iovlen = 1;
            msg.msg_control = control.empty() ? nullptr : control.data();
            msg.msg_controllen = control.size();
            return ::recvmsg(sockFd(self), &msg, flags);
          },
          n)) {
    return Value();
  }
  Value ancdata = newList();
  if (ancdata.isNull()) return ancdata;
  // A truncated last item keeps the part that arrived.
  const char* end = control.data() + (msg.msg_control != nullptr ? msg.msg_controllen : 0);
  for (struct cmsghdr* c = msg.msg_control != nullptr ? CMSG_FIRSTHDR(&msg) : nullptr; c != nullptr;
       c = CMSG_NXTHDR(&msg, c)) {
    const char* start = reinterpret_cast<const char*>(CMSG_DATA(c));
    const char* stop = reinterpret_cast<const char*>(c) + c->cmsg_len;
    if (stop > end) stop = end;
    size_t size = stop > start ? static_cast<size_t>(stop - start) : 0;
    Value bytes = newBytes(std::string_view(start, size));
    if (bytes.isNull()) return bytes;
    Value item = newTupleOf({newInt(c->cmsg_level), newInt(c->cmsg_type), bytes});
    if (item.isNull() || !listAppend(ancdata, item)) return Value();
  }
  Value address = addressValue(addr.sa(), msg.msg_namelen);
  if (address.isNull()) return address;
  return newTupleOf({ancdata, newInt(msg.msg_flags), address});
}

bool ancillarySize(Value v, int64_t* out) {
  if (!argSsize(v, out)) return false;
  if (*out < 0) {
    raise(exc::ValueError, "invalid ancillary data buffer length");
    return false;
  }
  return true;
}

Value socket_recvmsg(Value* args) {
  int64_t bufsize, ancbufsize = 0;
  int flags = 0;
  if (!argSsize(args[1], &bufsize)) return Value();
  if (bufsize < 0) return raise(exc::ValueError, "negative buffer size in recvmsg()");
  if (!args[2].isNull() && !ancillarySize(args[2], &ancbufsize)) return Value();
  if (!args[3].isNull() && !argCInt(args[3], &flags)) return Value();
  std::string data(static_cast<size_t>(bufsize), '\0');
  int64_t n;
  Value rest = receiveMessage(args[0], data, ancbufsize, flags, &n);
  if (rest.isNull()) return rest;
  Value bytes = newBytes(std::string_view(data.data(), static_cast<size_t>(n)));
  if (bytes.isNull()) return bytes;
  return newTupleOf({bytes, tupleItem(rest, 0), tupleItem(rest, 1), tupleItem(rest, 2)});
}

Value socket_recvmsg_into(Value* args) {
  Value items = listFromIterable(args[1]);
  if (items.isNull()) {
    if (errorMatches(exc::TypeError)) {
      clearError();
      raise(exc::TypeError, "recvmsg_into() argument 1 must be an iterable");
    }
    return Value();
  }
  int64_t ancbufsize = 0;
  int flags = 0;
  if (!args[2].isNull() && !ancillarySize(args[2], &ancbufsize)) return Value();
  if (!args[3].isNull() && !argCInt(args[3], &flags)) return Value();
  // The views stay exported (their storage pinned) until the data is in.
  std::vector<std::unique_ptr<ScopedBuffer>> views;
  size_t total = 0;
  for (int64_t i = 0; i < listLength(items); ++i) {
    views.push_back(std::make_unique<ScopedBuffer>());
    if (!getBuffer(listItem(items, i), views.back().get(), buffer_flags::kWritable)) {
      if (errorMatches(exc::TypeError) || errorMatches(exc::BufferError)) {
        clearError();
        raise(exc::TypeError, "recvmsg_into() argument 1 must be an iterable of single-segment read-write buffers");
      }
      return Value();
    }
    total += static_cast<size_t>(views.back()->len);
  }
  std::string data(total, '\0');
  int64_t n;
  Value rest = receiveMessage(args[0], data, ancbufsize, flags, &n);
  if (rest.isNull()) return rest;
  size_t at = 0;
  for (const auto& view : views) {
    size_t part = std::min(static_cast<size_t>(view->len), static_cast<size_t>(n) - at);
    std::memcpy(view->data(), data.data() + at, part);
    at += part;
  }
  return newTupleOf({newInt(n), tupleItem(rest, 0), tupleItem(rest, 1), tupleItem(rest, 2)});
}

Value socket_shutdown(Value* args) {
  int how;
  if (!argCInt(args[1], &how)) return Value();
  if (::shutdown(sockFd(args[0]), how) != 0) return raiseErrno(errno);
  return None();
}

Value socket_getsockname(Value* args) {
  SockAddr addr;
  addr.len = sizeof addr.storage;
  std::memset(&addr.storage, 0, sizeof addr.storage);
  if (::getsockname(sockFd(args[0]), addr.sa(), &addr.len) != 0) return raiseErrno(errno);
  return addressValue(addr.sa(), addr.len);
}

Value socket_getpeername(Value* args) {
  SockAddr addr;
  addr.len = sizeof addr.storage;
  std::memset(&addr.storage, 0, sizeof addr.storage);
  if (::getpeername(sockFd(args[0]), addr.sa(), &addr.len) != 0) return raiseErrno(errno);
  return addressValue(addr.sa(), addr.len);
}

Value socket_getsockopt(Value* args) {
  int level, option, buflen = 0;
  if (!argCInt(args[1], &level) || !argCInt(args[2], &option)) return Value();
  if (!args[3].isNull() && !argCInt(args[3], &buflen)) return Value();
  if (buflen == 0 && asSocket(args[0])->family == AF_VSOCK) {
    uint64_t value = 0;  // VSOCK's options are 64-bit, as CPython reads them
    socklen_t n = sizeof value;
    if (::getsockopt(sockFd(args[0]), level, option, &value, &n) != 0) return raiseErrno(errno);
    return newIntUnsigned(value);
  }
  if (buflen == 0) {
    int value = 0;
    socklen_t n = sizeof value;
    if (::getsockopt(sockFd(args[0]), level, option, &value, &n) != 0) return raiseErrno(errno);
    return newInt(value);
  }
  if (buflen < 0 || buflen > 1024) return raise(exc::OSError, "getsockopt buflen out of range");
  std::string data(static_cast<size_t>(buflen), '\0');
  socklen_t n = static_cast<socklen_t>(buflen);
  if (::getsockopt(sockFd(args[0]), level, option, data.data(), &n) != 0) return raiseErrno(errno);
  data.resize(n);
  return newBytes(data);
}

Value socket_setsockopt(Value* args) {
  int level, option;
  if (!argCInt(args[1], &level) || !argCInt(args[2], &option)) return Value();
  Value value = args[3];
  int r;
  if (asSocket(args[0])->family == AF_VSOCK) {
    // setsockopt(level, option, int): a 64-bit value (PyArg_Parse's "K": any int, masked).
    if (!args[4].isNull()) return raise(exc::TypeError, "setsockopt() takes exactly 3 arguments (4 given)");
    if (!isInt(value)) return raisef(exc::TypeError, "setsockopt() argument 3 must be int, not %s", typeNameOf(value).c_str());
    numbers::IntRef ref(value);
    uint64_t low = ref.mag.empty() ? 0 : static_cast<uint64_t>(ref.mag[0]);
    uint64_t flag = ref.neg ? 0 - low : low;
    r = ::setsockopt(sockFd(args[0]), level, option, &flag, sizeof flag);
  } else if (!args[4].isNull()) {
    // setsockopt(level, option, None, optlen): a NULL value of optlen bytes.
    if (!isNone(value)) {
      return raise(exc::TypeError,
                   "setsockopt() takes an int, a bytes-like object or None as its third argument "
                   "when four arguments are given");
    }
    int64_t optlen;
    if (!argSsize(args[4], &optlen)) return Value();
    r = ::setsockopt(sockFd(args[0]), level, option, nullptr, static_cast<socklen_t>(optlen));
  } else if (isInt(value)) {
    int flag;
    if (!argCInt(value, &flag)) return Value();
    r = ::setsockopt(sockFd(args[0]), level, option, &flag, sizeof flag);
  } else {
    std::string data;
    if (!bufferCopyBytes(value, &data)) return Value();
    r = ::setsockopt(sockFd(args[0]), level, option, data.data(), static_cast<socklen_t>(data.size()));
  }
  if (r != 0) return raiseErrno(errno);
  return None();
}

Value socket_setblocking(Value* args) {
  int flag = isTrue(args[1]);
  if (flag < 0) return Value();
  asSocket(args[0])->timeout = flag ? -1.0 : 0.0;
  if (!setBlocking(sockFd(args[0]), flag != 0)) return Value();
  return None();
}

Value socket_getblocking(Value* args) { return Bool(asSocket(args[0])->timeout != 0.0); }

Value socket_settimeout(Value* args) {
  double timeout;
  if (!parseTimeout(args[1], &timeout)) return Value();
  asSocket(args[0])->timeout = timeout;
  if (!setBlocking(sockFd(args[0]), timeout < 0)) return Value();
  return None();
}

Value socket_gettimeout(Value* args) {
  double t = asSocket(args[0])->timeout;
  return t < 0 ? None() : newFloat(t);
}

Value socket_get_type(Value self) { return newInt(asSocket(self)->type); }
Value socket_get_timeout(Value self) {
  double t = asSocket(self)->timeout;
  return t < 0 ? None() : newFloat(t);
}

// ===========================================================================
// Module functions

Value socket_socketpair(Value* args) {
  int family, type, proto;
  if (!argCInt(args[1], &family) || !argCInt(args[2], &type) || !argCInt(args[3], &proto)) return Value();
  int fds[2];
  if (::socketpair(family, type | SOCK_CLOEXEC, proto, fds) != 0) return raiseErrno(errno);
  Value a = newSocketFromFd(fds[0], family, type, proto);
  if (a.isNull()) {
    ::close(fds[0]);
    ::close(fds[1]);
    return a;
  }
  Value b = newSocketFromFd(fds[1], family, type, proto);
  if (b.isNull()) {
    ::close(fds[1]);
    return b;
  }
  return newTupleOf({a, b});
}

Value socket_gethostname(Value* /*args*/) {
  char name[1024];
  if (::gethostname(name, sizeof name - 1) != 0) return raiseErrno(errno);
  name[sizeof name - 1] = '\0';
  return posix::fsDecode(name);
}

Value socket_gethostbyname(Value* args) {
  std::string host;
  if (!hostName(args[1], &host)) return Value();
  SockAddr addr;
  if (!resolveHost(host, AF_INET, &addr)) return Value();
  return newStr(numericHost(addr.sa()));
}

Value raiseHError(int code) { return raiseWithCode(g_herror, code, hstrerror(code)); }

// (name, aliases, addresses) of a hostent.
Value hostEntry(const struct hostent* h) {
  Value aliases = newList();
  if (aliases.isNull()) return aliases;
  for (char** a = h->h_aliases; a != nullptr && *a != nullptr; ++a) {
    Value alias = newStr(*a);
    if (alias.isNull() || !listAppend(aliases, alias)) return Value();
  }
  Value addresses = newList();
  if (addresses.isNull()) return addresses;
  for (char** a = h->h_addr_list; a != nullptr && *a != nullptr; ++a) {
    char text[INET6_ADDRSTRLEN];
    inet_ntop(h->h_addrtype, *a, text, sizeof text);
    Value address = newStr(text);
    if (address.isNull() || !listAppend(addresses, address)) return Value();
  }
  Value name = newStr(h->h_name);
  if (name.isNull()) return name;
  return newTupleOf({name, aliases, addresses});
}

Value socket_gethostbyname_ex(Value* args) {
  std::string host;
  if (!hostName(args[1], &host)) return Value();
  SockAddr addr;
  if (!resolveHost(host, AF_INET, &addr)) return Value();
  struct hostent entry, *result = nullptr;
  char buffer[16384];
  int herr = 0;
  auto* a = reinterpret_cast<struct sockaddr_in*>(&addr.storage);
  gethostbyname_r(host.c_str(), &entry, buffer, sizeof buffer, &result, &herr);
  if (result == nullptr) {
    // A numeric address that does not resolve back: CPython reports it as its own name.
    gethostbyaddr_r(&a->sin_addr, sizeof a->sin_addr, AF_INET, &entry, buffer, sizeof buffer, &result, &herr);
    if (result == nullptr) return raiseHError(herr);
  }
  return hostEntry(result);
}

Value socket_gethostbyaddr(Value* args) {
  std::string host;
  if (!hostName(args[1], &host)) return Value();
  SockAddr addr;
  if (!resolveHost(host, AF_UNSPEC, &addr)) return Value();
  struct hostent entry, *result = nullptr;
  char buffer[16384];
  int herr = 0;
  if (addr.storage.ss_family == AF_INET6) {
    auto* a = reinterpret_cast<struct sockaddr_in6*>(&addr.storage);
    gethostbyaddr_r(&a->sin6_addr, sizeof a->sin6_addr, AF_INET6, &entry, buffer, sizeof buffer, &result, &herr);
  } else {
    auto* a = reinterpret_cast<struct sockaddr_in*>(&addr.storage);
    gethostbyaddr_r(&a->sin_addr, sizeof a->sin_addr, AF_INET, &entry, buffer, sizeof buffer, &result, &herr);
  }
  if (result == nullptr) return raiseHError(herr);
  return hostEntry(result);
}

Value socket_getaddrinfo(Value* args) {
  Value host = args[1], port = args[2];
  std::string host_text, port_text;
  const char* host_ptr = nullptr;
  const char* port_ptr = nullptr;
  if (!isNone(host)) {
    if (!isStr(host) && !isBytes(host)) return raise(exc::TypeError, "getaddrinfo() argument 1 must be string or None");
    if (!hostName(host, &host_text)) return Value();
    host_ptr = host_text.c_str();
  }
  if (isInt(port)) {
    int64_t n;
    if (!intToInt64(port, &n)) return Value();
    port_text = std::to_string(n);
    port_ptr = port_text.c_str();
  } else if (isStr(port)) {
    // Strict UTF-8: a lone surrogate raises UnicodeEncodeError.
    Value encoded = callMethod(port, internStr("encode"), nullptr, 0);
    if (encoded.isNull()) return encoded;
    port_text = std::string(asBytes(encoded)->view());
    port_ptr = port_text.c_str();
  } else if (isBytes(port)) {
    port_text = std::string(asBytes(port)->view());
    port_ptr = port_text.c_str();
  } else if (!isNone(port)) {
    return raise(exc::OSError, "Int or String expected");
  }
  int family, type, proto, flags;
  if (!argCInt(args[3], &family) || !argCInt(args[4], &type) || !argCInt(args[5], &proto) || !argCInt(args[6], &flags)) {
    return Value();
  }
  struct addrinfo hints = {}, *res = nullptr;
  hints.ai_family = family;
  hints.ai_socktype = type;
  hints.ai_protocol = proto;
  hints.ai_flags = flags;
  int err = getaddrinfo(host_ptr, port_ptr, &hints, &res);
  if (err != 0) return raiseGaiError(err);
  Value result = newList();
  for (struct addrinfo* r = res; r != nullptr && !result.isNull(); r = r->ai_next) {
    Value address = addressValue(r->ai_addr, r->ai_addrlen);
    Value canon = newStr(r->ai_canonname != nullptr ? r->ai_canonname : "");
    Value entry =
        address.isNull() || canon.isNull()
            ? Value()
            : newTupleOf({newInt(r->ai_family), newInt(r->ai_socktype), newInt(r->ai_protocol), canon, address});
    if (entry.isNull() || !listAppend(result, entry)) result = Value();
  }
  freeaddrinfo(res);
  return result;
}

Value socket_getnameinfo(Value* args) {
  Value sockaddr = args[1];
  int flags;
  if (!argCInt(args[2], &flags)) return Value();
  if (!isTuple(sockaddr)) return raise(exc::TypeError, "getnameinfo() argument 1 must be a tuple");
  int64_t n = tupleLength(sockaddr);
  if (n < 2 || n > 4) return raise(exc::TypeError, "getnameinfo(): illegal sockaddr argument");
  std::string host;
  if (!isStr(tupleItem(sockaddr, 0))) return raise(exc::TypeError, "getnameinfo(): illegal sockaddr argument");
  host = strToUtf8(tupleItem(sockaddr, 0));
  int port;
  if (!argCInt(tupleItem(sockaddr, 1), &port)) return Value();
  int64_t flowinfo = 0, scope_id = 0;
  if (n > 2 && !intToInt64(index(tupleItem(sockaddr, 2)), &flowinfo)) return Value();
  if (n > 3 && !intToInt64(index(tupleItem(sockaddr, 3)), &scope_id)) return Value();
  if (flowinfo < 0 || flowinfo > 0xfffff)
    return raise(exc::OverflowError, "getnameinfo(): flowinfo must be 0-1048575.");
  std::string port_text = std::to_string(port);
  struct addrinfo hints = {}, *res = nullptr;
  hints.ai_family = AF_UNSPEC;
  hints.ai_socktype = SOCK_DGRAM;
  hints.ai_flags = AI_NUMERICHOST;
  int err = getaddrinfo(host.c_str(), port_text.c_str(), &hints, &res);
  if (err != 0) return raiseGaiError(err);
  if (res->ai_next != nullptr) {
    freeaddrinfo(res);
    return raise(exc::OSError, "sockaddr resolved to multiple addresses");
  }
  SockAddr addr;
  std::memcpy(&addr.storage, res->ai_addr, res->ai_addrlen);
  addr.len = res->ai_addrlen;
  freeaddrinfo(res);
  if (addr.storage.ss_family == AF_INET) {
    if (n != 2) return raise(exc::OSError, "IPv4 sockaddr must be 2 tuple");
  } else if (addr.storage.ss_family == AF_INET6) {
    auto* a = reinterpret_cast<struct sockaddr_in6*>(&addr.storage);
    a->sin6_flowinfo = htonl(static_cast<uint32_t>(flowinfo));
    a->sin6_scope_id = static_cast<uint32_t>(scope_id);
  }
  char host_out[NI_MAXHOST], serv_out[NI_MAXSERV];
  err = getnameinfo(addr.sa(), addr.len, host_out, sizeof host_out, serv_out, sizeof serv_out, flags);
  if (err != 0) return raiseGaiError(err);
  return newTupleOf({newStr(host_out), newStr(serv_out)});
}

bool optionalProto(Value v, std::string* out, bool* given) {
  *given = !v.isNull() && !isNone(v);
  if (!*given) return true;
  if (!isStr(v)) {
    raisef(exc::TypeError, "argument 2 must be str, not %s", typeNameOf(v).c_str());
    return false;
  }
  *out = strToUtf8(v);
  return true;
}

Value socket_getservbyname(Value* args) {
  if (!isStr(args[1]))
    return raisef(exc::TypeError, "getservbyname() argument 1 must be str, not %s", typeNameOf(args[1]).c_str());
  std::string name = strToUtf8(args[1]), proto;
  bool has_proto;
  if (!optionalProto(args[2], &proto, &has_proto)) return Value();
  struct servent entry, *result = nullptr;
  char buffer[4096];
  getservbyname_r(name.c_str(), has_proto ? proto.c_str() : nullptr, &entry, buffer, sizeof buffer, &result);
  if (result == nullptr) return raise(exc::OSError, "service/proto not found");
  return newInt(ntohs(static_cast<uint16_t>(result->s_port)));
}

Value socket_getservbyport(Value* args) {
  int port;
  if (!argCInt(args[1], &port)) return Value();
  if (port < 0 || port > 0xffff) return raise(exc::OverflowError, "getservbyport: port must be 0-65535.");
  std::string proto;
  bool has_proto;
  if (!optionalProto(args[2], &proto, &has_proto)) return Value();
  struct servent entry, *result = nullptr;
  char buffer[4096];
  getservbyport_r(htons(static_cast<uint16_t>(port)), has_proto ? proto.c_str() : nullptr, &entry, buffer,
                  sizeof buffer, &result);
  if (result == nullptr) return raise(exc::OSError, "port/proto not found");
  return newStr(result->s_name);
}

Value socket_getprotobyname(Value* args) {
  if (!isStr(args[1]))
    return raisef(exc::TypeError, "getprotobyname() argument 1 must be str, not %s", typeNameOf(args[1]).c_str());
  std::string name = strToUtf8(args[1]);
  struct protoent entry, *result = nullptr;
  char buffer[4096];
  getprotobyname_r(name.c_str(), &entry, buffer, sizeof buffer, &result);
  if (result == nullptr) return raise(exc::OSError, "protocol not found");
  return newInt(result->p_proto);
}

Value socket_getdefaulttimeout(Value* /*args*/) { return g_default_timeout < 0 ? None() : newFloat(g_default_timeout); }

Value socket_setdefaulttimeout(Value* args) {
  double timeout;
  if (!parseTimeout(args[1], &timeout)) return Value();
  g_default_timeout = timeout;
  return None();
}

// htons & co: CPython's checks and messages.
bool unsignedArg(Value v, const char* name, int bits, uint64_t* out) {
  if (bits == 16) {
    v = index(v);
    if (v.isNull()) return false;
  } else if (!isInt(v)) {
    raisef(exc::TypeError, "expected int, %s found", typeNameOf(v).c_str());
    return false;
  }
  numbers::IntRef ref(v);
  uint64_t n = ref.mag.empty() ? 0 : ref.mag[0];
  if (bits == 16) {
    if (ref.neg) {
      raisef(exc::OverflowError, "%s: can't convert negative Python int to C 16-bit unsigned integer", name);
      return false;
    }
    if (ref.mag.size() > 1 || n > 0xffff) {
      raisef(exc::OverflowError, "%s: Python int too large to convert to C 16-bit unsigned integer", name);
      return false;
    }
  } else {
    if (ref.neg) {
      raise(exc::OverflowError, "can't convert negative value to unsigned int");
      return false;
    }
    if (ref.mag.size() > 1 || n > 0xffffffffu) {
      raise(exc::OverflowError, "int larger than 32 bits");
      return false;
    }
  }
  *out = n;
  return true;
}

Value socket_htons(Value* args) {
  uint64_t n;
  if (!unsignedArg(args[1], "htons", 16, &n)) return Value();
  return newInt(htons(static_cast<uint16_t>(n)));
}
Value socket_ntohs(Value* args) {
  uint64_t n;
  if (!unsignedArg(args[1], "ntohs", 16, &n)) return Value();
  return newInt(ntohs(static_cast<uint16_t>(n)));
}
Value socket_htonl(Value* args) {
  uint64_t n;
  if (!unsignedArg(args[1], "htonl", 32, &n)) return Value();
  return newInt(htonl(static_cast<uint32_t>(n)));
}
Value socket_ntohl(Value* args) {
  uint64_t n;
  if (!unsignedArg(args[1], "ntohl", 32, &n)) return Value();
  return newInt(ntohl(static_cast<uint32_t>(n)));
}

Value socket_inet_aton(Value* args) {
  if (!isStr(args[1]))
    return raisef(exc::TypeError, "inet_aton() argument 1 must be str, not %s", typeNameOf(args[1]).c_str());
  std::string text = strToUtf8(args[1]);
  struct in_addr a;
  if (text.find('\0') != std::string::npos || inet_aton(text.c_str(), &a) == 0) {
    return raise(exc::OSError, "illegal IP address string passed to inet_aton");
  }
  return newBytes(&a, 4);
}

Value socket_inet_ntoa(Value* args) {
  std::string packed;
  if (!bufferCopyBytes(args[1], &packed)) return Value();
  if (packed.size() != 4) return raise(exc::OSError, "packed IP wrong length for inet_ntoa");
  char text[INET_ADDRSTRLEN];
  inet_ntop(AF_INET, packed.data(), text, sizeof text);
  return newStr(text);
}

Value socket_inet_pton(Value* args) {
  int family;
  if (!argCInt(args[1], &family)) return Value();
  if (!isStr(args[2]))
    return raisef(exc::TypeError, "inet_pton() argument 2 must be str, not %s", typeNameOf(args[2]).c_str());
  std::string text = strToUtf8(args[2]);
  unsigned char packed[16];
  int r = inet_pton(family, text.c_str(), packed);
  if (r < 0) return raiseErrno(errno);
  if (r == 0) return raise(exc::OSError, "illegal IP address string passed to inet_pton");
  return newBytes(packed, family == AF_INET ? 4 : 16);
}

Value socket_inet_ntop(Value* args) {
  int family;
  if (!argCInt(args[1], &family)) return Value();
  std::string packed;
  if (!bufferCopyBytes(args[2], &packed)) return Value();
  if (family == AF_INET) {
    if (packed.size() != 4) return raise(exc::ValueError, "invalid length of packed IP address string");
  } else if (family == AF_INET6) {
    if (packed.size() != 16) return raise(exc::ValueError, "invalid length of packed IP address string");
  } else {
    return raisef(exc::ValueError, "unknown address family %d", family);
  }
  char text[INET6_ADDRSTRLEN];
  if (inet_ntop(family, packed.data(), text, sizeof text) == nullptr) return raiseErrno(errno);
  return newStr(text);
}

Value socket_close_fd(Value* args) {
  int fd;
  if (!argCInt(args[1], &fd)) return Value();
  if (::close(fd) != 0 && errno != ECONNRESET) return raiseErrno(errno);
  return None();
}

Value socket_dup(Value* args) {
  int fd;
  if (!argCInt(args[1], &fd)) return Value();
  int copy = fcntl(fd, F_DUPFD_CLOEXEC, 0);
  if (copy < 0) return raiseErrno(errno);
  return newInt(copy);
}

// ===========================================================================
// Tables

// ===========================================================================
// Ancillary-data sizes and network interfaces

// CPython keeps every cmsg length within a C int (its SOCKLEN_T_LIMIT).
constexpr int64_t kSocklenLimit = INT32_MAX;

Value socket_CMSG_LEN(Value* args) {
  int64_t length;
  if (!argSsizeT(args[1], &length)) return Value();
  if (length < 0 || length > kSocklenLimit - static_cast<int64_t>(CMSG_LEN(0))) {
    return raise(exc::OverflowError, "CMSG_LEN() argument out of range");
  }
  return newInt(static_cast<int64_t>(CMSG_LEN(static_cast<size_t>(length))));
}

Value socket_CMSG_SPACE(Value* args) {
  int64_t length;
  if (!argSsizeT(args[1], &length)) return Value();
  if (length < 0 || length > kSocklenLimit - static_cast<int64_t>(CMSG_SPACE(1))) {
    return raise(exc::OverflowError, "CMSG_SPACE() argument out of range");
  }
  return newInt(static_cast<int64_t>(CMSG_SPACE(static_cast<size_t>(length))));
}

Value socket_if_nameindex(Value* /*args*/) {
  struct if_nameindex* list = ::if_nameindex();
  if (list == nullptr) return raiseErrno(errno);
  Value result = newList();
  for (struct if_nameindex* p = list; !result.isNull() && p->if_index != 0; ++p) {
    Value name = newStrReplacingInvalid(p->if_name);
    Value item = name.isNull() ? name : newTupleOf({newInt(p->if_index), name});
    if (item.isNull() || !listAppend(result, item)) result = Value();
  }
  ::if_freenameindex(list);
  return result;
}

Value socket_if_nametoindex(Value* args) {
  posix::PathArg name("if_nametoindex", "oname");
  if (!posix::convertPath(args[1], &name)) {
    if (errorMatches(exc::TypeError)) {
      clearError();
      return raisef(exc::TypeError, "expected str, bytes or os.PathLike object, not %s", typeNameOf(args[1]).c_str());
    }
    return Value();
  }
  unsigned index = ::if_nametoindex(name.c_str());
  if (index == 0) return raise(exc::OSError, "no interface with this name");
  return newInt(index);
}

Value socket_if_indextoname(Value* args) {
  Value v = args[1];
  if (!isInt(v)) return raise(exc::TypeError, "an integer is required");
  if (intSign(v) < 0) return raise(exc::OverflowError, "can't convert negative value to unsigned int");
  // CPython reads an unsigned long and passes it on as an unsigned int.
  int64_t wide = 0;
  if (!intToInt64(v, &wide)) return Value();
  char name[IF_NAMESIZE + 1];
  if (::if_indextoname(static_cast<unsigned>(wide), name) == nullptr) return raiseErrno(errno);
  return newStrReplacingInvalid(name);
}

const uint32_t kSocketFields[] = {offsetof(Obj, ob_type), offsetof(SocketObj, created_at)};
const gc::Layout kSocketLayout = {.name = "_socket.socket", .fields = kSocketFields, .finalize = socketLayoutFinalize};

const MethodDef kSocketMethods[] = {
    {.name = "_accept",
     .signature = "($self, /)",
     .fn = socket__accept,
     .doc = "_accept() -> (integer, address info)\n\nWait for an incoming connection.  Return a new socket file "
            "descriptor\nrepresenting the connection, and the address of the client.\nFor IP sockets, the "
            "address info is a pair (hostaddr, port)."},
    {.name = "bind",
     .signature = "($self, address, /)",
     .fn = socket_bind,
     .doc = "bind(address)\n\nBind the socket to a local address.  For IP sockets, the address is a\npair (host, "
            "port); the host must refer to the local host. For raw packet\nsockets the address is a tuple (ifname, "
            "proto [,pkttype [,hatype [,addr]]])"},
    {.name = "close",
     .signature = "($self, /)",
     .fn = socket_close,
     .doc = "close()\n\nClose the socket.  It cannot be used after this call."},
    {.name = "connect",
     .signature = "($self, address, /)",
     .fn = socket_connect,
     .doc = "connect(address)\n\nConnect the socket to a remote address.  For IP sockets, the address\nis a pair "
            "(host, port)."},
    {.name = "connect_ex",
     .signature = "($self, address, /)",
     .fn = socket_connect_ex,
     .doc = "connect_ex(address) -> errno\n\nThis is like connect(address), but returns an error code (the errno "
            "value)\ninstead of raising an exception when an error occurs."},
    {.name = "detach",
     .signature = "($self, /)",
     .fn = socket_detach,
     .doc = "detach()\n\nClose the socket object without closing the underlying file descriptor.\nThe object "
            "cannot be used after this call, but the file descriptor\ncan be reused for other purposes.  The file "
            "descriptor is returned."},
    {.name = "fileno",
     .signature = "($self, /)",
     .fn = socket_fileno,
     .doc = "fileno() -> integer\n\nReturn the integer file descriptor of the socket."},
    {.name = "getpeername",
     .signature = "($self, /)",
     .fn = socket_getpeername,
     .doc = "getpeername() -> address info\n\nReturn the address of the remote endpoint.  For IP sockets, the "
            "address\ninfo is a pair (hostaddr, port)."},
    {.name = "getsockname",
     .signature = "($self, /)",
     .fn = socket_getsockname,
     .doc = "getsockname() -> address info\n\nReturn the address of the local endpoint. The format depends on the\n"
            "address family. For IPv4 sockets, the address info is a pair\n(hostaddr, port)."},
    {.name = "getsockopt",
     .signature = "($self, level, option, buflen=<unrepresentable>, /)",
     .fn = socket_getsockopt, .flags = method_flags::kLegacyArity | method_flags::kVarArgs,
     .doc = "getsockopt(level, option[, buffersize]) -> value\n\nGet a socket option.  See the Unix manual for "
            "level and option.\nIf a nonzero buffersize argument is given, the return value is a\nstring of that "
            "length; otherwise it is an integer."},
    {.name = "listen",
     .signature = "($self, backlog=<unrepresentable>, /)",
     .fn = socket_listen, .flags = method_flags::kLegacyArity | method_flags::kVarArgs,
     .doc = "listen([backlog])\n\nEnable a server to accept connections.  If backlog is specified, it must be\nat "
            "least 0 (if it is lower, it is set to 0); it specifies the number of\nunaccepted connections that the "
            "system will allow before refusing new\nconnections. If not specified, a default reasonable value is "
            "chosen."},
    {.name = "recv",
     .signature = "($self, bufsize, flags=0, /)",
     .fn = socket_recv, .flags = method_flags::kLegacyArity | method_flags::kVarArgs,
     .doc = "recv(buffersize[, flags]) -> data\n\nReceive up to buffersize bytes from the socket.  For the optional "
            "flags\nargument, see the Unix manual.  When no data is available, block until\nat least one byte is "
            "available or until the remote end is closed.  When\nthe remote end is closed and all data is read, "
            "return the empty string."},
    {.name = "recv_into",
     .signature = "($self, /, buffer, nbytes=0, flags=0)",
     .fn = socket_recv_into,
     .doc = "recv_into(buffer, [nbytes[, flags]]) -> nbytes_read\n\nA version of recv() that stores its data into a "
            "buffer rather than creating\na new string.  Receive up to buffersize bytes from the socket.  If "
            "buffersize\nis not specified (or 0), receive up to the size available in the given buffer.\n\nSee "
            "recv() for documentation about the flags."},
    {.name = "recvfrom",
     .signature = "($self, bufsize, flags=0, /)",
     .fn = socket_recvfrom, .flags = method_flags::kLegacyArity | method_flags::kVarArgs,
     .doc = "recvfrom(buffersize[, flags]) -> (data, address info)\n\nLike recv(buffersize, flags) but also return "
            "the sender's address info."},
    {.name = "recvfrom_into",
     .signature = "($self, /, buffer, nbytes=0, flags=0)",
     .fn = socket_recvfrom_into,
     .doc = "recvfrom_into(buffer[, nbytes[, flags]]) -> (nbytes, address info)\n\nLike recv_into(buffer[, "
            "nbytes[, flags]]) but also return the sender's address info."},
    {.name = "send",
     .signature = "($self, data, flags=0, /)",
     .fn = socket_send,
     .doc = "send(data[, flags]) -> count\n\nSend a data string to the socket.  For the optional flags\nargument, "
            "see the Unix manual.  Return the number of bytes\nsent; this may be less than len(data) if the "
            "network is busy."},
    {.name = "sendall",
     .signature = "($self, data, flags=0, /)",
     .fn = socket_sendall, .flags = method_flags::kLegacyArity | method_flags::kVarArgs,
     .doc = "sendall(data[, flags])\n\nSend a data string to the socket.  For the optional flags\nargument, see the "
            "Unix manual.  This calls send() repeatedly\nuntil all data is sent.  If an error occurs, it's "
            "impossible\nto tell how much data has been sent."},
    {.name = "sendmsg",
     .signature = "($self, buffers, ancdata=<unrepresentable>, flags=<unrepresentable>, address=<unrepresentable>, /)",
     .fn = socket_sendmsg,
     .flags = method_flags::kLegacyArity | method_flags::kVarArgs,
     .doc = "sendmsg(buffers[, ancdata[, flags[, address]]]) -> count\n\nSend normal and ancillary data to the "
            "socket, gathering the\nnon-ancillary data from a series of buffers and concatenating it into\na "
            "single message.  The buffers argument specifies the non-ancillary\ndata as an iterable of bytes-like "
            "objects (e.g. bytes objects).\nThe ancdata argument specifies the ancillary data (control messages)\n"
            "as an iterable of zero or more tuples (cmsg_level, cmsg_type,\ncmsg_data), where cmsg_level and "
            "cmsg_type are integers specifying the\nprotocol level and protocol-specific type respectively, and "
            "cmsg_data\nis a bytes-like object holding the associated data.  The flags\nargument defaults to 0 "
            "and has the same meaning as for send().  If\naddress is supplied and not None, it sets a destination "
            "address for\nthe message.  The return value is the number of bytes of non-ancillary\ndata sent."},
    {.name = "sendmsg_afalg",
     .signature = "($self, msg=<unrepresentable>, *, op=<unrepresentable>, iv=<unrepresentable>, "
                  "assoclen=<unrepresentable>, flags=<unrepresentable>)",
     .fn = socket_sendmsg_afalg,
     .flags = method_flags::kLegacyArity | method_flags::kVarArgs,
     .doc = "sendmsg_afalg([msg], *, op[, iv[, assoclen[, flags=MSG_MORE]]])\n\nSet operation mode, IV and length "
            "of associated data for an AF_ALG\noperation socket."},
    {.name = "recvmsg",
     .signature = "($self, bufsize, ancbufsize=<unrepresentable>, flags=<unrepresentable>, /)",
     .fn = socket_recvmsg,
     .flags = method_flags::kLegacyArity | method_flags::kVarArgs,
     .doc = "recvmsg(bufsize[, ancbufsize[, flags]]) -> (data, ancdata, msg_flags, address)\n\nReceive normal "
            "data (up to bufsize bytes) and ancillary data from the\nsocket.  The ancbufsize argument sets the size "
            "in bytes of the\ninternal buffer used to receive the ancillary data; it defaults to 0,\nmeaning that "
            "no ancillary data will be received.  Appropriate buffer\nsizes for ancillary data can be calculated "
            "using CMSG_SPACE() or\nCMSG_LEN(), and items which do not fit into the buffer might be\ntruncated "
            "or discarded.  The flags argument defaults to 0 and has the\nsame meaning as for recv().\n\nThe "
            "return value is a 4-tuple: (data, ancdata, msg_flags, address).\nThe data item is a bytes object "
            "holding the non-ancillary data\nreceived.  The ancdata item is a list of zero or more tuples\n"
            "(cmsg_level, cmsg_type, cmsg_data) representing the ancillary data\n(control messages) received: "
            "cmsg_level and cmsg_type are\nintegers specifying the protocol level and protocol-specific type\n"
            "respectively, and cmsg_data is a bytes object holding the associated\ndata.  The msg_flags item is "
            "the bitwise OR of various flags\nindicating conditions on the received message; see your system\n"
            "documentation for details.  If the receiving socket is unconnected,\naddress is the address of the "
            "sending socket, if available; otherwise,\nits value is unspecified.\n\nIf recvmsg() raises an "
            "exception after the system call returns,\nit will first attempt to close any file descriptors "
            "received via the\nSCM_RIGHTS mechanism."},
    {.name = "recvmsg_into",
     .signature = "($self, buffers, ancbufsize=<unrepresentable>, flags=<unrepresentable>, /)",
     .fn = socket_recvmsg_into,
     .flags = method_flags::kLegacyArity | method_flags::kVarArgs,
     .doc = "recvmsg_into(buffers[, ancbufsize[, flags]]) -> (nbytes, ancdata, msg_flags, address)\n\nReceive "
            "normal data and ancillary data from the socket, scattering the\nnon-ancillary data into a series of "
            "buffers.  The buffers argument\nmust be an iterable of objects that export writable buffers\n(e.g. "
            "bytearray objects); these will be filled with successive chunks\nof the non-ancillary data until it "
            "has all been written or there are\nno more buffers.  The ancbufsize argument sets the size in bytes "
            "of\nthe internal buffer used to receive the ancillary data; it defaults to\n0, meaning that no "
            "ancillary data will be received.  Appropriate\nbuffer sizes for ancillary data can be calculated "
            "using CMSG_SPACE()\nor CMSG_LEN(), and items which do not fit into the buffer might be\ntruncated "
            "or discarded.  The flags argument defaults to 0 and has the\nsame meaning as for recv().\n\nThe "
            "return value is a 4-tuple: (nbytes, ancdata, msg_flags, address).\nThe nbytes item is the total "
            "number of bytes of non-ancillary data\nwritten into the buffers.  The ancdata, msg_flags and address "
            "items\nare the same as for recvmsg().\n\nIf recvmsg_into() raises an exception after the system "
            "call returns,\nit will first attempt to close any file descriptors received via the\nSCM_RIGHTS "
            "mechanism."},
    {.name = "sendto",
     .signature = "($self, /, *args)",
     .fn = socket_sendto,
     .flags = method_flags::kVarArgs,
     .doc = "sendto(data[, flags], address) -> count\n\nLike send(data, flags) but allows specifying the "
            "destination address.\nFor IP sockets, the address is a pair (hostaddr, port)."},
    {.name = "setblocking",
     .signature = "($self, flag, /)",
     .fn = socket_setblocking,
     .doc = "setblocking(flag)\n\nSet the socket to blocking (flag is true) or non-blocking (false).\n"
            "setblocking(True) is equivalent to settimeout(None);\nsetblocking(False) is equivalent to "
            "settimeout(0.0)."},
    {.name = "getblocking",
     .signature = "($self, /)",
     .fn = socket_getblocking,
     .doc = "getblocking()\n\nReturns True if socket is in blocking mode, or False if it\nis in non-blocking mode."},
    {.name = "settimeout",
     .signature = "($self, timeout, /)",
     .fn = socket_settimeout,
     .doc = "settimeout(timeout)\n\nSet a timeout on socket operations.  'timeout' can be a float,\ngiving in "
            "seconds, or None.  Setting a timeout of None disables\nthe timeout feature and is equivalent to "
            "setblocking(1).\nSetting a timeout of zero is the same as setblocking(0)."},
    {.name = "gettimeout",
     .signature = "($self, /)",
     .fn = socket_gettimeout,
     .doc = "gettimeout() -> timeout\n\nReturns the timeout in seconds (float) associated with socket\noperations. "
            "A timeout of None indicates that timeouts on socket\noperations are disabled."},
    {.name = "setsockopt",
     .signature = "($self, level, option, value, optlen=<unrepresentable>, /)",
     .fn = socket_setsockopt,
     .doc = "setsockopt(level, option, value: int)\nsetsockopt(level, option, value: buffer)\nsetsockopt(level, "
            "option, None, optlen: int)\n\nSet a socket option.  See the Unix manual for level and option.\nThe "
            "value argument can either be an integer, a string buffer, or\nNone, optlen."},
    {.name = "shutdown",
     .signature = "($self, how, /)",
     .fn = socket_shutdown,
     .doc = "shutdown(flag)\n\nShut down the reading side of the socket (flag == SHUT_RD), the writing side\nof "
            "the socket (flag == SHUT_WR), or both ends (flag == SHUT_RDWR)."},
};

const MemberDef kSocketMembers[] = {
    {.name = "family",
     .kind = MemberKind::kInt64,
     .offset = offsetof(SocketObj, family),
     .readonly = true,
     .doc = "the socket family"},
    {.name = "proto",
     .kind = MemberKind::kInt64,
     .offset = offsetof(SocketObj, proto),
     .readonly = true,
     .doc = "the socket protocol"},
};

const GetSetDef kSocketGetSets[] = {
    {.name = "type", .get = socket_get_type, .doc = "the socket type"},
    {.name = "timeout", .get = socket_get_timeout, .doc = "the socket timeout"},
};

const TypeSpec kSocketSpec = {
    .name = "socket",
    .module = "_socket",
    .type = &g_socket_type,
    .layout = &kSocketLayout,
    .basic_size = sizeof(SocketObj),
    .flags = type_flags::kBaseType,
    .slots = {.tp_repr = socket_repr, .tp_init = socket_init, .tp_new = socket_new},
    .methods = kSocketMethods,
    .getsets = kSocketGetSets,
    .members = kSocketMembers,
    .doc =
        "socket(family=AF_INET, type=SOCK_STREAM, proto=0) -> socket object\nsocket(family=-1, type=-1, "
        "proto=-1, fileno=None) -> socket object\n\nOpen a socket of the given type.  The family argument "
        "specifies the\naddress family; it defaults to AF_INET.  The type argument specifies\nwhether this is a "
        "stream (SOCK_STREAM, this is the default)\nor datagram (SOCK_DGRAM) socket.  The protocol argument "
        "defaults to 0,\nspecifying the default protocol.  Keyword arguments are accepted.\nThe socket is "
        "created as non-inheritable.\n\nWhen a fileno is passed in, family, type and proto are auto-detected,\n"
        "unless they are explicitly set.\n\nA socket object represents one endpoint of a network connection.",
};
TERN_REGISTER_TYPE(kSocketSpec);

const MethodDef kSocketFunctions[] = {
    {.name = "gethostbyname",
     .signature = "($module, host, /)",
     .fn = socket_gethostbyname, .flags = method_flags::kLegacyArity | method_flags::kVarArgs,
     .doc = "gethostbyname(host) -> address\n\nReturn the IP address (a string of the form '255.255.255.255') for a "
            "host."},
    {.name = "gethostbyname_ex",
     .signature = "($module, host, /)",
     .fn = socket_gethostbyname_ex, .flags = method_flags::kLegacyArity | method_flags::kVarArgs,
     .doc = "gethostbyname_ex(host) -> (name, aliaslist, addresslist)\n\nReturn the true host name, a list of "
            "aliases, and a list of IP addresses,\nfor a host.  The host argument is a string giving a host name "
            "or IP number."},
    {.name = "gethostbyaddr",
     .signature = "($module, host, /)",
     .fn = socket_gethostbyaddr, .flags = method_flags::kLegacyArity | method_flags::kVarArgs,
     .doc = "gethostbyaddr(host) -> (name, aliaslist, addresslist)\n\nReturn the true host name, a list of "
            "aliases, and a list of IP addresses,\nfor a host.  The host argument is a string giving a host name "
            "or IP number."},
    {.name = "gethostname",
     .signature = "($module, /)",
     .fn = socket_gethostname,
     .doc = "gethostname() -> string\n\nReturn the current host name."},
    {.name = "getservbyname",
     .signature = "($module, servicename, protocolname=<unrepresentable>, /)",
     .fn = socket_getservbyname, .flags = method_flags::kLegacyArity | method_flags::kVarArgs,
     .doc = "getservbyname(servicename[, protocolname]) -> integer\n\nReturn a port number from a service name "
            "and protocol name.\nThe optional protocol name, if given, should be 'tcp' or 'udp',\notherwise any "
            "protocol will match."},
    {.name = "getservbyport",
     .signature = "($module, port, protocolname=<unrepresentable>, /)",
     .fn = socket_getservbyport, .flags = method_flags::kLegacyArity | method_flags::kVarArgs,
     .doc = "getservbyport(port[, protocolname]) -> string\n\nReturn the service name from a port number and "
            "protocol name.\nThe optional protocol name, if given, should be 'tcp' or 'udp',\notherwise any "
            "protocol will match."},
    {.name = "getprotobyname",
     .signature = "($module, protocolname, /)",
     .fn = socket_getprotobyname, .flags = method_flags::kLegacyArity | method_flags::kVarArgs,
     .doc = "getprotobyname(name) -> integer\n\nReturn the protocol number for the named protocol.  (Rarely "
            "used.)"},
    {.name = "close",
     .signature = "($module, fd, /)",
     .fn = socket_close_fd,
     .doc = "close(integer) -> None\n\nClose an integer socket file descriptor.\nThis is like os.close(), but "
            "for sockets; on some platforms os.close()\nwon't work for socket file descriptors."},
    {.name = "CMSG_LEN",
     .signature = "($module, length, /)",
     .fn = socket_CMSG_LEN,
     .flags = method_flags::kLegacyArity | method_flags::kVarArgs,
     .doc = "CMSG_LEN(length) -> control message length\n\nReturn the total length, without trailing padding, of "
            "an ancillary\ndata item with associated data of the given length.  This value can\noften be used as "
            "the buffer size for recvmsg() to receive a single\nitem of ancillary data, but RFC 3542 requires "
            "portable applications to\nuse CMSG_SPACE() and thus include space for padding, even when the\nitem "
            "will be the last in the buffer.  Raises OverflowError if length\nis outside the permissible range of "
            "values."},
    {.name = "CMSG_SPACE",
     .signature = "($module, length, /)",
     .fn = socket_CMSG_SPACE,
     .flags = method_flags::kLegacyArity | method_flags::kVarArgs,
     .doc = "CMSG_SPACE(length) -> buffer size\n\nReturn the buffer size needed for recvmsg() to receive an "
            "ancillary\ndata item with associated data of the given length, along with any\ntrailing padding.  "
            "The buffer space needed to receive multiple items\nis the sum of the CMSG_SPACE() values for their "
            "associated data\nlengths.  Raises OverflowError if length is outside the permissible\nrange of "
            "values."},
    {.name = "if_nameindex",
     .signature = "($module, /)",
     .fn = socket_if_nameindex,
     .doc = "if_nameindex()\n\nReturns a list of network interface information (index, name) tuples."},
    {.name = "if_nametoindex",
     .signature = "($module, oname, /)",
     .fn = socket_if_nametoindex,
     .doc = "if_nametoindex(if_name)\n\nReturns the interface index corresponding to the interface name "
            "if_name."},
    {.name = "if_indextoname",
     .signature = "($module, index, /)",
     .fn = socket_if_indextoname,
     .doc = "if_indextoname(if_index)\n\nReturns the interface name corresponding to the interface index "
            "if_index."},
    {.name = "dup",
     .signature = "($module, fd, /)",
     .fn = socket_dup,
     .doc = "dup(integer) -> integer\n\nDuplicate an integer socket file descriptor.  This is like os.dup(), but "
            "for\nsockets; on some platforms os.dup() won't work for socket file descriptors."},
    {.name = "socketpair",
     .signature = "($module, family=1, type=1, proto=0, /)",
     .fn = socket_socketpair, .flags = method_flags::kLegacyArity | method_flags::kVarArgs,
     .doc = "socketpair([family[, type [, proto]]]) -> (socket object, socket object)\n\nCreate a pair of socket "
            "objects from the sockets returned by the platform\nsocketpair() function.\nThe arguments are the "
            "same as for socket() except the default family is\nAF_UNIX if defined on the platform; otherwise, the "
            "default is AF_INET."},
    {.name = "ntohs",
     .signature = "($module, x, /)",
     .fn = socket_ntohs, .flags = method_flags::kLegacyArity | method_flags::kVarArgs,
     .doc = "Convert a 16-bit unsigned integer from network to host byte order."},
    {.name = "ntohl",
     .signature = "($module, x, /)",
     .fn = socket_ntohl,
     .doc = "ntohl(integer) -> integer\n\nConvert a 32-bit integer from network to host byte order."},
    {.name = "htons",
     .signature = "($module, x, /)",
     .fn = socket_htons, .flags = method_flags::kLegacyArity | method_flags::kVarArgs,
     .doc = "Convert a 16-bit unsigned integer from host to network byte order."},
    {.name = "htonl",
     .signature = "($module, x, /)",
     .fn = socket_htonl,
     .doc = "htonl(integer) -> integer\n\nConvert a 32-bit integer from host to network byte order."},
    {.name = "inet_aton",
     .signature = "($module, ip_addr, /)",
     .fn = socket_inet_aton, .flags = method_flags::kLegacyArity | method_flags::kVarArgs,
     .doc = "Convert an IP address in string format (123.45.67.89) to the 32-bit packed binary format used in low-"
            "level network functions."},
    {.name = "inet_ntoa",
     .signature = "($module, packed_ip, /)",
     .fn = socket_inet_ntoa, .flags = method_flags::kLegacyArity | method_flags::kVarArgs,
     .doc = "Convert an IP address from 32-bit packed binary format to string format."},
    {.name = "inet_pton",
     .signature = "($module, address_family, ip_string, /)",
     .fn = socket_inet_pton, .flags = method_flags::kLegacyArity | method_flags::kVarArgs,
     .doc = "inet_pton(af, ip) -> packed IP address string\n\nConvert an IP address from string format to a packed "
            "string suitable\nfor use with low-level network functions."},
    {.name = "inet_ntop",
     .signature = "($module, address_family, packed_ip, /)",
     .fn = socket_inet_ntop, .flags = method_flags::kLegacyArity | method_flags::kVarArgs,
     .doc = "inet_ntop(af, packed_ip) -> string formatted IP address\n\nConvert a packed IP address of the given "
            "family to string format."},
    {.name = "getaddrinfo",
     .signature = "($module, /, host, port, family=0, type=0, proto=0, flags=0)",
     .fn = socket_getaddrinfo,
     .doc = "getaddrinfo(host, port [, family, type, proto, flags])\n    -> list of (family, type, proto, "
            "canonname, sockaddr)\n\nResolve host and port into addrinfo struct."},
    {.name = "getnameinfo",
     .signature = "($module, sockaddr, flags, /)",
     .fn = socket_getnameinfo, .flags = method_flags::kLegacyArity | method_flags::kVarArgs,
     .doc = "getnameinfo(sockaddr, flags) --> (host, port)\n\nGet host and port for a sockaddr."},
    {.name = "getdefaulttimeout",
     .signature = "($module, /)",
     .fn = socket_getdefaulttimeout,
     .doc = "getdefaulttimeout() -> timeout\n\nReturns the default timeout in seconds (float) for new socket "
            "objects.\nA value of None indicates that new socket objects have no timeout.\nWhen the socket module "
            "is first imported, the default is None."},
    {.name = "setdefaulttimeout",
     .signature = "($module, timeout, /)",
     .fn = socket_setdefaulttimeout,
     .doc = "setdefaulttimeout(timeout)\n\nSet the default timeout in seconds (float) for new socket objects.\nA "
            "value of None indicates that new socket objects have no timeout.\nWhen the socket module is first "
            "imported, the default is None."},
};

#define C(name) \
  { #name, static_cast<int64_t>(name) }
// The constants CPython 3.11's _socket defines on Linux, but for those of
// the families in _socket_families.cc; every one is a macro of the headers
// included above.
// clang-format off
const socket_families::Constant kConstants[] = {
    C(AF_ALG), C(AF_APPLETALK), C(AF_ASH), C(AF_ATMPVC), C(AF_ATMSVC), C(AF_AX25), C(AF_BLUETOOTH), C(AF_BRIDGE),
    C(AF_CAN), C(AF_ECONET), C(AF_INET), C(AF_INET6), C(AF_IPX), C(AF_IRDA), C(AF_KEY), C(AF_LLC), C(AF_NETBEUI),
    C(AF_NETLINK), C(AF_NETROM), C(AF_PACKET), C(AF_PPPOX), C(AF_QIPCRTR), C(AF_RDS), C(AF_ROSE), C(AF_ROUTE),
    C(AF_SECURITY), C(AF_SNA), C(AF_TIPC), C(AF_UNIX), C(AF_UNSPEC), C(AF_VSOCK), C(AF_WANPIPE), C(AF_X25),
    C(AI_ADDRCONFIG), C(AI_ALL), C(AI_CANONNAME), C(AI_NUMERICHOST), C(AI_NUMERICSERV), C(AI_PASSIVE), C(AI_V4MAPPED),
    C(EAI_ADDRFAMILY), C(EAI_AGAIN), C(EAI_BADFLAGS), C(EAI_FAIL), C(EAI_FAMILY), C(EAI_MEMORY), C(EAI_NODATA),
    C(EAI_NONAME), C(EAI_OVERFLOW), C(EAI_SERVICE), C(EAI_SOCKTYPE), C(EAI_SYSTEM), C(INADDR_ALLHOSTS_GROUP),
    C(INADDR_ANY), C(INADDR_BROADCAST), C(INADDR_LOOPBACK), C(INADDR_MAX_LOCAL_GROUP), C(INADDR_NONE),
    C(INADDR_UNSPEC_GROUP), C(IPPORT_RESERVED), C(IPPROTO_AH), C(IPPROTO_DSTOPTS), C(IPPROTO_EGP), C(IPPROTO_ESP),
    C(IPPROTO_FRAGMENT), C(IPPROTO_GRE), C(IPPROTO_HOPOPTS), C(IPPROTO_ICMP), C(IPPROTO_ICMPV6), C(IPPROTO_IDP),
    C(IPPROTO_IGMP), C(IPPROTO_IP), C(IPPROTO_IPIP), C(IPPROTO_IPV6), C(IPPROTO_MPTCP), C(IPPROTO_NONE),
    C(IPPROTO_PIM), C(IPPROTO_PUP), C(IPPROTO_RAW), C(IPPROTO_ROUTING), C(IPPROTO_RSVP), C(IPPROTO_SCTP),
    C(IPPROTO_TCP), C(IPPROTO_TP), C(IPPROTO_UDP), C(IPPROTO_UDPLITE), C(IPV6_CHECKSUM), C(IPV6_DONTFRAG),
    C(IPV6_DSTOPTS), C(IPV6_HOPLIMIT), C(IPV6_HOPOPTS), C(IPV6_JOIN_GROUP), C(IPV6_LEAVE_GROUP),
    C(IPV6_MULTICAST_HOPS), C(IPV6_MULTICAST_IF), C(IPV6_MULTICAST_LOOP), C(IPV6_NEXTHOP), C(IPV6_PATHMTU),
    C(IPV6_PKTINFO), C(IPV6_RECVDSTOPTS), C(IPV6_RECVHOPLIMIT), C(IPV6_RECVHOPOPTS), C(IPV6_RECVPATHMTU),
    C(IPV6_RECVPKTINFO), C(IPV6_RECVRTHDR), C(IPV6_RECVTCLASS), C(IPV6_RTHDR), C(IPV6_RTHDRDSTOPTS),
    C(IPV6_RTHDR_TYPE_0), C(IPV6_TCLASS), C(IPV6_UNICAST_HOPS), C(IPV6_V6ONLY), C(IP_ADD_MEMBERSHIP),
    C(IP_BIND_ADDRESS_NO_PORT), C(IP_DEFAULT_MULTICAST_LOOP), C(IP_DEFAULT_MULTICAST_TTL), C(IP_DROP_MEMBERSHIP),
    C(IP_HDRINCL), C(IP_MAX_MEMBERSHIPS), C(IP_MULTICAST_IF), C(IP_MULTICAST_LOOP), C(IP_MULTICAST_TTL),
    C(IP_OPTIONS), C(IP_RECVOPTS), C(IP_RECVRETOPTS), C(IP_RECVTOS), C(IP_RETOPTS), C(IP_TOS), C(IP_TRANSPARENT),
    C(IP_TTL), C(MSG_CMSG_CLOEXEC), C(MSG_CONFIRM), C(MSG_CTRUNC), C(MSG_DONTROUTE), C(MSG_DONTWAIT), C(MSG_EOR),
    C(MSG_ERRQUEUE), C(MSG_FASTOPEN), C(MSG_MORE), C(MSG_NOSIGNAL), C(MSG_OOB), C(MSG_PEEK), C(MSG_TRUNC),
    C(MSG_WAITALL), C(NI_DGRAM), C(NI_MAXHOST), C(NI_MAXSERV), C(NI_NAMEREQD), C(NI_NOFQDN), C(NI_NUMERICHOST),
    C(NI_NUMERICSERV), C(SCM_CREDENTIALS), C(SCM_RIGHTS), C(SHUT_RD), C(SHUT_RDWR), C(SHUT_WR), C(SOCK_CLOEXEC),
    C(SOCK_DGRAM), C(SOCK_NONBLOCK), C(SOCK_RAW), C(SOCK_RDM), C(SOCK_SEQPACKET), C(SOCK_STREAM), C(SOL_IP),
    C(SOL_RDS), C(SOL_SOCKET), C(SOL_TCP), C(SOL_UDP), C(SOMAXCONN), C(SO_ACCEPTCONN), C(SO_BINDTODEVICE),
    C(SO_BROADCAST), C(SO_DEBUG), C(SO_DOMAIN), C(SO_DONTROUTE), C(SO_ERROR), C(SO_INCOMING_CPU), C(SO_KEEPALIVE),
    C(SO_LINGER), C(SO_MARK), C(SO_OOBINLINE), C(SO_PASSCRED), C(SO_PASSSEC), C(SO_PEERCRED), C(SO_PEERSEC),
    C(SO_PRIORITY), C(SO_PROTOCOL), C(SO_RCVBUF), C(SO_RCVLOWAT), C(SO_RCVTIMEO), C(SO_REUSEADDR), C(SO_REUSEPORT),
    C(SO_SNDBUF), C(SO_SNDLOWAT), C(SO_SNDTIMEO), C(SO_TYPE), C(TCP_CONGESTION), C(TCP_CORK), C(TCP_DEFER_ACCEPT),
    C(TCP_FASTOPEN), C(TCP_INFO), C(TCP_KEEPCNT), C(TCP_KEEPIDLE), C(TCP_KEEPINTVL), C(TCP_LINGER2), C(TCP_MAXSEG),
    C(TCP_NODELAY), C(TCP_NOTSENT_LOWAT), C(TCP_QUICKACK), C(TCP_SYNCNT), C(TCP_USER_TIMEOUT), C(TCP_WINDOW_CLAMP),
    // Not macros in glibc's headers.
    {"IPPORT_USERRESERVED", 5000}, {"UDPLITE_SEND_CSCOV", 10}, {"UDPLITE_RECV_CSCOV", 11},
};
#undef C
// clang-format on

Value newOSErrorClass(const char* name) {
  Value ns = newDict();
  if (ns.isNull() || dictSet(ns, names::__module__, internStr("socket")) < 0) return Value();
  Value bases = newTupleOf({typeValue(exc::OSError)});
  if (bases.isNull()) return bases;
  return newClass(types::type_type, internStr(name), bases, ns, Value());
}

bool socketInit(Value module) {
  if (g_gaierror.get().isNull()) {
    Value herror = newOSErrorClass("herror");
    if (herror.isNull()) return false;
    g_herror.set(herror);
    Value gaierror = newOSErrorClass("gaierror");
    if (gaierror.isNull()) return false;
    g_gaierror.set(gaierror);
  }
  Value d = moduleDict(module);
  if (!socket_families::addConstantTable(d, kConstants) || !socket_families::addConstants(d)) return false;
  Value socket_type = typeValue(g_socket_type);
  return dictSet(d, internStr("socket"), socket_type) == 0 && dictSet(d, internStr("SocketType"), socket_type) == 0 &&
         dictSet(d, internStr("error"), typeValue(exc::OSError)) == 0 &&
         dictSet(d, internStr("timeout"), typeValue(exc::TimeoutError)) == 0 &&
         dictSet(d, internStr("herror"), g_herror.get()) == 0 &&
         dictSet(d, internStr("gaierror"), g_gaierror.get()) == 0 && dictSet(d, internStr("has_ipv6"), True()) == 0;
}

const NativeModuleDef kSocketModule = {
    .name = "_socket",
    .methods = kSocketFunctions,
    .init = socketInit,
    .doc = "Implementation module for socket operations.\n\nSee the socket module for documentation.",
};
TERN_REGISTER_MODULE(kSocketModule);

}  // namespace

Type* socketType() { return g_socket_type; }

bool socketState(Value v, SocketState* out) {
  if (g_socket_type == nullptr || !v.isObject() || !isSubtype(typeOf(v), g_socket_type)) return false;
  SocketObj* s = asSocket(v);
  *out = SocketState{.fd = s->fd, .family = s->family, .type = s->type, .proto = s->proto, .timeout = s->timeout};
  return true;
}

}  // namespace tern
