// The errno module: every error number of Linux by name, and `errorcode`
// (number -> name).
//
// The table is in CPython 3.11's order: the module's attributes appear in
// that order, and where two names share a number (EAGAIN/EWOULDBLOCK,
// EDEADLK/EDEADLOCK, EOPNOTSUPP/ENOTSUP) `errorcode` keeps the later one at
// the earlier one's position, as CPython's does.
#include <cerrno>

#include "runtime/modules/module.h"
#include "runtime/objects/dict.h"
#include "runtime/objects/int.h"
#include "runtime/objects/str.h"

namespace tern {

namespace {

struct ErrnoName {
  const char* name;
  int value;
};

#define E(name) {#name, name}
const ErrnoName kErrnoNames[] = {
    E(ENODEV), E(ENOCSI), E(EHOSTUNREACH), E(ENOMSG), E(EUCLEAN), E(EL2NSYNC), E(EL2HLT), E(ENODATA),
    E(ENOTBLK), E(ENOSYS), E(EPIPE), E(EINVAL), E(EOVERFLOW), E(EADV), E(EINTR), E(EUSERS), E(ENOTEMPTY),
    E(ENOBUFS), E(EPROTO), E(EREMOTE), E(ENAVAIL), E(ECHILD), E(ELOOP), E(EXDEV), E(E2BIG), E(ESRCH),
    E(EMSGSIZE), E(EAFNOSUPPORT), E(EBADR), E(EHOSTDOWN), E(EPFNOSUPPORT), E(ENOPROTOOPT), E(EBUSY),
    E(EWOULDBLOCK), E(EBADFD), E(EDOTDOT), E(EISCONN), E(ENOANO), E(ESHUTDOWN), E(ECHRNG), E(ELIBBAD),
    E(ENONET), E(EBADE), E(EBADF), E(EMULTIHOP), E(EIO), E(EUNATCH), E(EPROTOTYPE), E(ENOSPC), E(ENOEXEC),
    E(EALREADY), E(ENETDOWN), E(ENOTNAM), E(EACCES), E(ELNRNG), E(EILSEQ), E(ENOTDIR), E(ENOTUNIQ), E(EPERM),
    E(EDOM), E(EXFULL), E(ECONNREFUSED), E(EISDIR), E(EPROTONOSUPPORT), E(EROFS), E(EADDRNOTAVAIL), E(EIDRM),
    E(ECOMM), E(ESRMNT), E(EREMOTEIO), E(EL3RST), E(EBADMSG), E(ENFILE), E(ELIBMAX), E(ESPIPE), E(ENOLINK),
    E(ENETRESET), E(ETIMEDOUT), E(ENOENT), E(EEXIST), E(EDQUOT), E(ENOSTR), E(EBADSLT), E(EBADRQC), E(ELIBACC),
    E(EFAULT), E(EFBIG), E(EDEADLK), E(ENOTCONN), E(EDESTADDRREQ), E(ELIBSCN), E(ENOLCK), E(EISNAM),
    E(ECONNABORTED), E(ENETUNREACH), E(ESTALE), E(ENOSR), E(ENOMEM), E(ENOTSOCK), E(ESTRPIPE), E(EMLINK),
    E(ERANGE), E(ELIBEXEC), E(EL3HLT), E(ECONNRESET), E(EADDRINUSE), E(EOPNOTSUPP), E(EREMCHG), E(EAGAIN),
    E(ENAMETOOLONG), E(ENOTTY), E(ERESTART), E(ESOCKTNOSUPPORT), E(ETIME), E(EBFONT), E(EDEADLOCK),
    E(ETOOMANYREFS), E(EMFILE), E(ETXTBSY), E(EINPROGRESS), E(ENXIO), E(ENOPKG), E(ENOMEDIUM), E(EMEDIUMTYPE),
    E(ECANCELED), E(ENOKEY), E(EKEYEXPIRED), E(EKEYREVOKED), E(EKEYREJECTED), E(EOWNERDEAD),
    E(ENOTRECOVERABLE), E(ERFKILL), E(ENOTSUP),
};
#undef E

bool errnoInit(Value module) {
  Value d = moduleDict(module);
  Value errorcode = newDict();
  for (const ErrnoName& e : kErrnoNames) {
    Value name = internStr(e.name);
    Value number = newInt(e.value);
    if (dictSet(d, name, number) < 0 || dictSet(errorcode, number, name) < 0) return false;
  }
  return dictSet(d, internStr("errorcode"), errorcode) == 0;
}

const NativeModuleDef kErrnoModule = {
    .name = "errno",
    .init = errnoInit,
    .doc = "This module makes available standard errno system symbols.\n\nThe value of each symbol is the "
           "corresponding integer value,\ne.g., on most systems, errno.ENOENT equals the integer 2.\n\nThe "
           "dictionary errno.errorcode maps numeric codes to symbol names,\ne.g., errno.errorcode[2] could be "
           "the string 'ENOENT'.\n\nSymbols that are not relevant to the underlying system are not defined.\n\n"
           "To map error codes to error messages, use the function os.strerror(),\ne.g. os.strerror(2) could "
           "return 'No such file or directory'.",
};
TERN_REGISTER_MODULE(kErrnoModule);

}  // namespace

}  // namespace tern
