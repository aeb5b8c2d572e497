// cpyext: the signal-handler helpers of CPython's Python/pylifecycle.c:
// PyOS_getsig / PyOS_setsig, sigaction()-based (SA_ONSTACK, as CPython
// installs its handlers, so extensions' handlers run on an alternate stack
// when one is set).
// clang-format off
#include "Python.h"  // first: it sets feature macros <csignal> reads
#include <csignal>
// clang-format on

extern "C" {

using SigHandler = void (*)(int);

SigHandler PyOS_getsig(int sig) {
  struct sigaction context;
  if (sigaction(sig, nullptr, &context) == -1) return SIG_ERR;
  return context.sa_handler;
}

SigHandler PyOS_setsig(int sig, SigHandler handler) {
  struct sigaction context, ocontext;
  context.sa_handler = handler;
  sigemptyset(&context.sa_mask);
  context.sa_flags = SA_ONSTACK;
  if (sigaction(sig, &context, &ocontext) == -1) return SIG_ERR;
  return ocontext.sa_handler;
}

}  // extern "C"
