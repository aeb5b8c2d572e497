// The termios module: POSIX terminal control (tcgetattr/tcsetattr, the
// line-control calls, tcgetwinsize/tcsetwinsize) and the termios
// constants of Linux.  Errors of the calls are termios.error(errno,
// strerror), an Exception subclass (not OSError), as in CPython.
//
// tcgetattr returns [iflag, oflag, cflag, lflag, ispeed, ospeed, cc] where
// cc is a list of NCCS one-byte bytes objects, except that in non-canonical
// mode (ICANON clear) cc[VMIN] and cc[VTIME] are ints.
#include <errno.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/ttydefaults.h>
#include <termios.h>

#include <climits>
#include <cstdint>

#include "runtime/gc/roots.h"
#include "runtime/interp/errors.h"
#include "runtime/modules/fd_arg.h"
#include "runtime/modules/module.h"
#include "runtime/objects/abstract.h"
#include "runtime/objects/bytes.h"
#include "runtime/objects/dict.h"
#include "runtime/objects/int.h"
#include "runtime/objects/list.h"
#include "runtime/objects/native.h"
#include "runtime/objects/str.h"
#include "runtime/objects/tuple.h"

namespace tern {

namespace {

gc::GlobalRoot g_termios_error;  // the termios.error class

Value raiseTermiosError(int err) {
  Value args = newTupleOf({newInt(err), newStr(strerror(err))});
  if (args.isNull()) return args;
  return raiseWithArgs(static_cast<Type*>(g_termios_error.get().asObject()), args);
}

Value termios_tcgetattr(Value* args) {
  int fd;
  if (!asFileDescriptor(args[1], &fd)) return Value();
  struct termios mode;
  if (tcgetattr(fd, &mode) < 0) return raiseTermiosError(errno);
  Value cc = newList(NCCS);
  if (cc.isNull()) return cc;
  for (int i = 0; i < NCCS; ++i) {
    char c = static_cast<char>(mode.c_cc[i]);
    if (!listAppend(cc, newBytes(&c, 1))) return Value();
  }
  if ((mode.c_lflag & ICANON) == 0) {
    listSetItem(cc, VMIN, newInt(mode.c_cc[VMIN]));
    listSetItem(cc, VTIME, newInt(mode.c_cc[VTIME]));
  }
  Value items[7] = {newInt(mode.c_iflag), newInt(mode.c_oflag), newInt(mode.c_cflag), newInt(mode.c_lflag),
                    newInt(cfgetispeed(&mode)), newInt(cfgetospeed(&mode)), cc};
  return newListFrom(items, 7);
}

Value termios_tcsetattr(Value* args) {
  int fd, when;
  if (!asFileDescriptor(args[1], &fd) || !argCInt(args[2], &when)) return Value();
  Value attrs = args[3];
  if (!isList(attrs) || listLength(attrs) != 7) {
    return raise(exc::TypeError, "tcsetattr, arg 3: must be 7 element list");
  }
  struct termios mode;
  if (tcgetattr(fd, &mode) < 0) return raiseTermiosError(errno);
  int64_t flags[6];
  for (int i = 0; i < 6; ++i) {
    if (!argIndex(listItem(attrs, i), &flags[i])) return Value();
  }
  Value cc = listItem(attrs, 6);
  if (!isList(cc) || listLength(cc) != NCCS) {
    return raisef(exc::TypeError, "tcsetattr: attributes[6] must be %d element list", NCCS);
  }
  mode.c_iflag = static_cast<tcflag_t>(flags[0]);
  mode.c_oflag = static_cast<tcflag_t>(flags[1]);
  mode.c_cflag = static_cast<tcflag_t>(flags[2]);
  mode.c_lflag = static_cast<tcflag_t>(flags[3]);
  for (int i = 0; i < NCCS; ++i) {
    Value v = listItem(cc, i);
    std::string_view b;
    if (isBytes(v) && bytesLikeView(v, &b) && b.size() == 1) {
      mode.c_cc[i] = static_cast<cc_t>(b[0]);
    } else if (isInt(v)) {
      int64_t n;
      if (!argIndex(v, &n)) return Value();
      mode.c_cc[i] = static_cast<cc_t>(n);
    } else {
      return raise(exc::TypeError, "tcsetattr: elements of attributes must be characters or integers");
    }
  }
  if (cfsetispeed(&mode, static_cast<speed_t>(flags[4])) < 0) return raiseTermiosError(errno);
  if (cfsetospeed(&mode, static_cast<speed_t>(flags[5])) < 0) return raiseTermiosError(errno);
  if (tcsetattr(fd, when, &mode) < 0) return raiseTermiosError(errno);
  return None();
}

// fd plus one int argument, then `call`.
template <int (*call)(int, int)>
Value fdIntCall(Value* args) {
  int fd, n;
  if (!asFileDescriptor(args[1], &fd) || !argCInt(args[2], &n)) return Value();
  if (call(fd, n) < 0) return raiseTermiosError(errno);
  return None();
}

Value termios_tcdrain(Value* args) {
  int fd;
  if (!asFileDescriptor(args[1], &fd)) return Value();
  if (tcdrain(fd) < 0) return raiseTermiosError(errno);
  return None();
}

Value termios_tcgetwinsize(Value* args) {
  int fd;
  if (!asFileDescriptor(args[1], &fd)) return Value();
  struct winsize w;
  if (ioctl(fd, TIOCGWINSZ, &w) < 0) return raiseTermiosError(errno);
  return newTupleOf({newInt(w.ws_row), newInt(w.ws_col)});
}

Value termios_tcsetwinsize(Value* args) {
  int fd;
  if (!asFileDescriptor(args[1], &fd)) return Value();
  Value size = args[2];
  // PySequence_Check and a length of 2.
  bool ok = !isDict(size) && typeOf(size)->slots.mp_subscript != nullptr;
  int64_t n = ok ? length(size) : -1;
  if (n < 0) clearError();
  if (!ok || n != 2) return raise(exc::TypeError, "tcsetwinsize, arg 2: must be a two-item sequence");
  struct winsize w;
  if (ioctl(fd, TIOCGWINSZ, &w) < 0) return raiseTermiosError(errno);
  int64_t rows, cols;
  Value r = getItem(size, newInt(0));
  if (r.isNull() || !argIndex(r, &rows)) return Value();
  Value c = getItem(size, newInt(1));
  if (c.isNull() || !argIndex(c, &cols)) return Value();
  if (rows < 0 || rows > USHRT_MAX || cols < 0 || cols > USHRT_MAX) {
    return raise(exc::OverflowError, "winsize value(s) out of range.");
  }
  w.ws_row = static_cast<unsigned short>(rows);
  w.ws_col = static_cast<unsigned short>(cols);
  if (ioctl(fd, TIOCSWINSZ, &w) < 0) return raiseTermiosError(errno);
  return None();
}

const MethodDef kTermiosFunctions[] = {
    {.name = "tcgetattr",
     .signature = "($module, fd, /)",
     .fn = termios_tcgetattr,
     .doc = "Get the tty attributes for file descriptor fd."},
    {.name = "tcsetattr",
     .signature = "($module, fd, when, attributes, /)",
     .fn = termios_tcsetattr,
     .doc = "Set the tty attributes for file descriptor fd."},
    {.name = "tcsendbreak",
     .signature = "($module, fd, duration, /)",
     .fn = fdIntCall<tcsendbreak>,
     .doc = "Send a break on file descriptor fd."},
    {.name = "tcdrain", .signature = "($module, fd, /)", .fn = termios_tcdrain, .doc = "Wait until all output written to file descriptor fd has been transmitted."},
    {.name = "tcflush",
     .signature = "($module, fd, queue, /)",
     .fn = fdIntCall<tcflush>,
     .doc = "Discard queued data on file descriptor fd."},
    {.name = "tcflow",
     .signature = "($module, fd, action, /)",
     .fn = fdIntCall<tcflow>,
     .doc = "Suspend or resume input or output on file descriptor fd."},
    {.name = "tcgetwinsize",
     .signature = "($module, fd, /)",
     .fn = termios_tcgetwinsize,
     .doc = "Get the tty winsize for file descriptor fd.\n\nReturns a tuple (ws_row, ws_col)."},
    {.name = "tcsetwinsize",
     .signature = "($module, fd, winsize, /)",
     .fn = termios_tcsetwinsize,
     .doc = "Set the tty winsize for file descriptor fd.\n\nThe winsize to be set is taken from the winsize "
            "argument, which\nis a two-item tuple (ws_row, ws_col) like the one returned by tcgetwinsize()."},
};

struct Constant {
  const char* name;
  int64_t value;
};

// clang-format off
const Constant kTermiosConstants[] = {
    {"B0", static_cast<int64_t>(B0)},
    {"B1000000", static_cast<int64_t>(B1000000)},
    {"B110", static_cast<int64_t>(B110)},
    {"B115200", static_cast<int64_t>(B115200)},
    {"B1152000", static_cast<int64_t>(B1152000)},
    {"B1200", static_cast<int64_t>(B1200)},
    {"B134", static_cast<int64_t>(B134)},
    {"B150", static_cast<int64_t>(B150)},
    {"B1500000", static_cast<int64_t>(B1500000)},
    {"B1800", static_cast<int64_t>(B1800)},
    {"B19200", static_cast<int64_t>(B19200)},
    {"B200", static_cast<int64_t>(B200)},
    {"B2000000", static_cast<int64_t>(B2000000)},
    {"B230400", static_cast<int64_t>(B230400)},
    {"B2400", static_cast<int64_t>(B2400)},
    {"B2500000", static_cast<int64_t>(B2500000)},
    {"B300", static_cast<int64_t>(B300)},
    {"B3000000", static_cast<int64_t>(B3000000)},
    {"B3500000", static_cast<int64_t>(B3500000)},
    {"B38400", static_cast<int64_t>(B38400)},
    {"B4000000", static_cast<int64_t>(B4000000)},
    {"B460800", static_cast<int64_t>(B460800)},
    {"B4800", static_cast<int64_t>(B4800)},
    {"B50", static_cast<int64_t>(B50)},
    {"B500000", static_cast<int64_t>(B500000)},
    {"B57600", static_cast<int64_t>(B57600)},
    {"B576000", static_cast<int64_t>(B576000)},
    {"B600", static_cast<int64_t>(B600)},
    {"B75", static_cast<int64_t>(B75)},
    {"B921600", static_cast<int64_t>(B921600)},
    {"B9600", static_cast<int64_t>(B9600)},
    {"BRKINT", static_cast<int64_t>(BRKINT)},
    {"BS0", static_cast<int64_t>(BS0)},
    {"BS1", static_cast<int64_t>(BS1)},
    {"BSDLY", static_cast<int64_t>(BSDLY)},
    {"CBAUD", static_cast<int64_t>(CBAUD)},
    {"CBAUDEX", static_cast<int64_t>(CBAUDEX)},
    {"CDSUSP", static_cast<int64_t>(CDSUSP)},
    {"CEOF", static_cast<int64_t>(CEOF)},
    {"CEOL", static_cast<int64_t>(CEOL)},
    {"CEOT", static_cast<int64_t>(CEOT)},
    {"CERASE", static_cast<int64_t>(CERASE)},
    {"CFLUSH", static_cast<int64_t>(CFLUSH)},
    {"CIBAUD", static_cast<int64_t>(CIBAUD)},
    {"CINTR", static_cast<int64_t>(CINTR)},
    {"CKILL", static_cast<int64_t>(CKILL)},
    {"CLNEXT", static_cast<int64_t>(CLNEXT)},
    {"CLOCAL", static_cast<int64_t>(CLOCAL)},
    {"CQUIT", static_cast<int64_t>(CQUIT)},
    {"CR0", static_cast<int64_t>(CR0)},
    {"CR1", static_cast<int64_t>(CR1)},
    {"CR2", static_cast<int64_t>(CR2)},
    {"CR3", static_cast<int64_t>(CR3)},
    {"CRDLY", static_cast<int64_t>(CRDLY)},
    {"CREAD", static_cast<int64_t>(CREAD)},
    {"CRPRNT", static_cast<int64_t>(CRPRNT)},
    {"CRTSCTS", static_cast<int64_t>(CRTSCTS)},
    {"CS5", static_cast<int64_t>(CS5)},
    {"CS6", static_cast<int64_t>(CS6)},
    {"CS7", static_cast<int64_t>(CS7)},
    {"CS8", static_cast<int64_t>(CS8)},
    {"CSIZE", static_cast<int64_t>(CSIZE)},
    {"CSTART", static_cast<int64_t>(CSTART)},
    {"CSTOP", static_cast<int64_t>(CSTOP)},
    {"CSTOPB", static_cast<int64_t>(CSTOPB)},
    {"CSUSP", static_cast<int64_t>(CSUSP)},
    {"CWERASE", static_cast<int64_t>(CWERASE)},
    {"ECHO", static_cast<int64_t>(ECHO)},
    {"ECHOCTL", static_cast<int64_t>(ECHOCTL)},
    {"ECHOE", static_cast<int64_t>(ECHOE)},
    {"ECHOK", static_cast<int64_t>(ECHOK)},
    {"ECHOKE", static_cast<int64_t>(ECHOKE)},
    {"ECHONL", static_cast<int64_t>(ECHONL)},
    {"ECHOPRT", static_cast<int64_t>(ECHOPRT)},
    {"EXTA", static_cast<int64_t>(EXTA)},
    {"EXTB", static_cast<int64_t>(EXTB)},
    {"FF0", static_cast<int64_t>(FF0)},
    {"FF1", static_cast<int64_t>(FF1)},
    {"FFDLY", static_cast<int64_t>(FFDLY)},
    {"FIOASYNC", static_cast<int64_t>(FIOASYNC)},
    {"FIOCLEX", static_cast<int64_t>(FIOCLEX)},
    {"FIONBIO", static_cast<int64_t>(FIONBIO)},
    {"FIONCLEX", static_cast<int64_t>(FIONCLEX)},
    {"FIONREAD", static_cast<int64_t>(FIONREAD)},
    {"FLUSHO", static_cast<int64_t>(FLUSHO)},
    {"HUPCL", static_cast<int64_t>(HUPCL)},
    {"ICANON", static_cast<int64_t>(ICANON)},
    {"ICRNL", static_cast<int64_t>(ICRNL)},
    {"IEXTEN", static_cast<int64_t>(IEXTEN)},
    {"IGNBRK", static_cast<int64_t>(IGNBRK)},
    {"IGNCR", static_cast<int64_t>(IGNCR)},
    {"IGNPAR", static_cast<int64_t>(IGNPAR)},
    {"IMAXBEL", static_cast<int64_t>(IMAXBEL)},
    {"INLCR", static_cast<int64_t>(INLCR)},
    {"INPCK", static_cast<int64_t>(INPCK)},
    {"IOCSIZE_MASK", static_cast<int64_t>(IOCSIZE_MASK)},
    {"IOCSIZE_SHIFT", static_cast<int64_t>(IOCSIZE_SHIFT)},
    {"ISIG", static_cast<int64_t>(ISIG)},
    {"ISTRIP", static_cast<int64_t>(ISTRIP)},
    {"IUCLC", static_cast<int64_t>(IUCLC)},
    {"IXANY", static_cast<int64_t>(IXANY)},
    {"IXOFF", static_cast<int64_t>(IXOFF)},
    {"IXON", static_cast<int64_t>(IXON)},
    {"NCC", static_cast<int64_t>(NCC)},
    {"NCCS", static_cast<int64_t>(NCCS)},
    {"NL0", static_cast<int64_t>(NL0)},
    {"NL1", static_cast<int64_t>(NL1)},
    {"NLDLY", static_cast<int64_t>(NLDLY)},
    {"NOFLSH", static_cast<int64_t>(NOFLSH)},
    {"N_MOUSE", static_cast<int64_t>(N_MOUSE)},
    {"N_PPP", static_cast<int64_t>(N_PPP)},
    {"N_SLIP", static_cast<int64_t>(N_SLIP)},
    {"N_STRIP", static_cast<int64_t>(N_STRIP)},
    {"N_TTY", static_cast<int64_t>(N_TTY)},
    {"OCRNL", static_cast<int64_t>(OCRNL)},
    {"OFDEL", static_cast<int64_t>(OFDEL)},
    {"OFILL", static_cast<int64_t>(OFILL)},
    {"OLCUC", static_cast<int64_t>(OLCUC)},
    {"ONLCR", static_cast<int64_t>(ONLCR)},
    {"ONLRET", static_cast<int64_t>(ONLRET)},
    {"ONOCR", static_cast<int64_t>(ONOCR)},
    {"OPOST", static_cast<int64_t>(OPOST)},
    {"PARENB", static_cast<int64_t>(PARENB)},
    {"PARMRK", static_cast<int64_t>(PARMRK)},
    {"PARODD", static_cast<int64_t>(PARODD)},
    {"PENDIN", static_cast<int64_t>(PENDIN)},
    {"TAB0", static_cast<int64_t>(TAB0)},
    {"TAB1", static_cast<int64_t>(TAB1)},
    {"TAB2", static_cast<int64_t>(TAB2)},
    {"TAB3", static_cast<int64_t>(TAB3)},
    {"TABDLY", static_cast<int64_t>(TABDLY)},
    {"TCFLSH", static_cast<int64_t>(TCFLSH)},
    {"TCGETA", static_cast<int64_t>(TCGETA)},
    {"TCGETS", static_cast<int64_t>(TCGETS)},
    {"TCIFLUSH", static_cast<int64_t>(TCIFLUSH)},
    {"TCIOFF", static_cast<int64_t>(TCIOFF)},
    {"TCIOFLUSH", static_cast<int64_t>(TCIOFLUSH)},
    {"TCION", static_cast<int64_t>(TCION)},
    {"TCOFLUSH", static_cast<int64_t>(TCOFLUSH)},
    {"TCOOFF", static_cast<int64_t>(TCOOFF)},
    {"TCOON", static_cast<int64_t>(TCOON)},
    {"TCSADRAIN", static_cast<int64_t>(TCSADRAIN)},
    {"TCSAFLUSH", static_cast<int64_t>(TCSAFLUSH)},
    {"TCSANOW", static_cast<int64_t>(TCSANOW)},
    {"TCSBRK", static_cast<int64_t>(TCSBRK)},
    {"TCSBRKP", static_cast<int64_t>(TCSBRKP)},
    {"TCSETA", static_cast<int64_t>(TCSETA)},
    {"TCSETAF", static_cast<int64_t>(TCSETAF)},
    {"TCSETAW", static_cast<int64_t>(TCSETAW)},
    {"TCSETS", static_cast<int64_t>(TCSETS)},
    {"TCSETSF", static_cast<int64_t>(TCSETSF)},
    {"TCSETSW", static_cast<int64_t>(TCSETSW)},
    {"TCXONC", static_cast<int64_t>(TCXONC)},
    {"TIOCCONS", static_cast<int64_t>(TIOCCONS)},
    {"TIOCEXCL", static_cast<int64_t>(TIOCEXCL)},
    {"TIOCGETD", static_cast<int64_t>(TIOCGETD)},
    {"TIOCGICOUNT", static_cast<int64_t>(TIOCGICOUNT)},
    {"TIOCGLCKTRMIOS", static_cast<int64_t>(TIOCGLCKTRMIOS)},
    {"TIOCGPGRP", static_cast<int64_t>(TIOCGPGRP)},
    {"TIOCGSERIAL", static_cast<int64_t>(TIOCGSERIAL)},
    {"TIOCGSOFTCAR", static_cast<int64_t>(TIOCGSOFTCAR)},
    {"TIOCGWINSZ", static_cast<int64_t>(TIOCGWINSZ)},
    {"TIOCINQ", static_cast<int64_t>(TIOCINQ)},
    {"TIOCLINUX", static_cast<int64_t>(TIOCLINUX)},
    {"TIOCMBIC", static_cast<int64_t>(TIOCMBIC)},
    {"TIOCMBIS", static_cast<int64_t>(TIOCMBIS)},
    {"TIOCMGET", static_cast<int64_t>(TIOCMGET)},
    {"TIOCMIWAIT", static_cast<int64_t>(TIOCMIWAIT)},
    {"TIOCMSET", static_cast<int64_t>(TIOCMSET)},
    {"TIOCM_CAR", static_cast<int64_t>(TIOCM_CAR)},
    {"TIOCM_CD", static_cast<int64_t>(TIOCM_CD)},
    {"TIOCM_CTS", static_cast<int64_t>(TIOCM_CTS)},
    {"TIOCM_DSR", static_cast<int64_t>(TIOCM_DSR)},
    {"TIOCM_DTR", static_cast<int64_t>(TIOCM_DTR)},
    {"TIOCM_LE", static_cast<int64_t>(TIOCM_LE)},
    {"TIOCM_RI", static_cast<int64_t>(TIOCM_RI)},
    {"TIOCM_RNG", static_cast<int64_t>(TIOCM_RNG)},
    {"TIOCM_RTS", static_cast<int64_t>(TIOCM_RTS)},
    {"TIOCM_SR", static_cast<int64_t>(TIOCM_SR)},
    {"TIOCM_ST", static_cast<int64_t>(TIOCM_ST)},
    {"TIOCNOTTY", static_cast<int64_t>(TIOCNOTTY)},
    {"TIOCNXCL", static_cast<int64_t>(TIOCNXCL)},
    {"TIOCOUTQ", static_cast<int64_t>(TIOCOUTQ)},
    {"TIOCPKT", static_cast<int64_t>(TIOCPKT)},
    {"TIOCPKT_DATA", static_cast<int64_t>(TIOCPKT_DATA)},
    {"TIOCPKT_DOSTOP", static_cast<int64_t>(TIOCPKT_DOSTOP)},
    {"TIOCPKT_FLUSHREAD", static_cast<int64_t>(TIOCPKT_FLUSHREAD)},
    {"TIOCPKT_FLUSHWRITE", static_cast<int64_t>(TIOCPKT_FLUSHWRITE)},
    {"TIOCPKT_NOSTOP", static_cast<int64_t>(TIOCPKT_NOSTOP)},
    {"TIOCPKT_START", static_cast<int64_t>(TIOCPKT_START)},
    {"TIOCPKT_STOP", static_cast<int64_t>(TIOCPKT_STOP)},
    {"TIOCSCTTY", static_cast<int64_t>(TIOCSCTTY)},
    {"TIOCSERCONFIG", static_cast<int64_t>(TIOCSERCONFIG)},
    {"TIOCSERGETLSR", static_cast<int64_t>(TIOCSERGETLSR)},
    {"TIOCSERGETMULTI", static_cast<int64_t>(TIOCSERGETMULTI)},
    {"TIOCSERGSTRUCT", static_cast<int64_t>(TIOCSERGSTRUCT)},
    {"TIOCSERGWILD", static_cast<int64_t>(TIOCSERGWILD)},
    {"TIOCSERSETMULTI", static_cast<int64_t>(TIOCSERSETMULTI)},
    {"TIOCSERSWILD", static_cast<int64_t>(TIOCSERSWILD)},
    {"TIOCSER_TEMT", static_cast<int64_t>(TIOCSER_TEMT)},
    {"TIOCSETD", static_cast<int64_t>(TIOCSETD)},
    {"TIOCSLCKTRMIOS", static_cast<int64_t>(TIOCSLCKTRMIOS)},
    {"TIOCSPGRP", static_cast<int64_t>(TIOCSPGRP)},
    {"TIOCSSERIAL", static_cast<int64_t>(TIOCSSERIAL)},
    {"TIOCSSOFTCAR", static_cast<int64_t>(TIOCSSOFTCAR)},
    {"TIOCSTI", static_cast<int64_t>(TIOCSTI)},
    {"TIOCSWINSZ", static_cast<int64_t>(TIOCSWINSZ)},
    {"TOSTOP", static_cast<int64_t>(TOSTOP)},
    {"VDISCARD", static_cast<int64_t>(VDISCARD)},
    {"VEOF", static_cast<int64_t>(VEOF)},
    {"VEOL", static_cast<int64_t>(VEOL)},
    {"VEOL2", static_cast<int64_t>(VEOL2)},
    {"VERASE", static_cast<int64_t>(VERASE)},
    {"VINTR", static_cast<int64_t>(VINTR)},
    {"VKILL", static_cast<int64_t>(VKILL)},
    {"VLNEXT", static_cast<int64_t>(VLNEXT)},
    {"VMIN", static_cast<int64_t>(VMIN)},
    {"VQUIT", static_cast<int64_t>(VQUIT)},
    {"VREPRINT", static_cast<int64_t>(VREPRINT)},
    {"VSTART", static_cast<int64_t>(VSTART)},
    {"VSTOP", static_cast<int64_t>(VSTOP)},
    {"VSUSP", static_cast<int64_t>(VSUSP)},
    {"VSWTC", static_cast<int64_t>(VSWTC)},
    {"VSWTCH", VSWTC},
    {"VT0", static_cast<int64_t>(VT0)},
    {"VT1", static_cast<int64_t>(VT1)},
    {"VTDLY", static_cast<int64_t>(VTDLY)},
    {"VTIME", static_cast<int64_t>(VTIME)},
    {"VWERASE", static_cast<int64_t>(VWERASE)},
    {"XCASE", static_cast<int64_t>(XCASE)},
    {"XTABS", static_cast<int64_t>(XTABS)},
};
// clang-format on

bool termiosInit(Value module) {
  if (g_termios_error.get().isNull()) {
    Value error = newModuleException("termios", "error", exc::Exception);
    if (error.isNull()) return false;
    g_termios_error.set(error);
  }
  if (!setModuleAttr(module, "error", g_termios_error.get())) return false;
  for (const Constant& c : kTermiosConstants) {
    if (!setModuleInt(module, c.name, c.value)) return false;
  }
  return true;
}

const NativeModuleDef kTermiosModule = {
    .name = "termios",
    .methods = kTermiosFunctions,
    .init = termiosInit,
    .doc = "This module provides an interface to the Posix calls for tty I/O control.\nFor a complete description "
           "of these calls, see the Posix or Unix manual pages.\nIt is only available for those Unix versions that "
           "support Posix\ntermios style tty I/O control.\n\nAll functions in this module take a file descriptor fd "
           "as their first\nargument. This can be an integer file descriptor, such as returned by\nsys.stdin.fileno(), "
           "or a file object, such as sys.stdin itself.",
};
TERN_REGISTER_MODULE(kTermiosModule);

}  // namespace

}  // namespace tern
