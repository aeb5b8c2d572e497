// -X track-resources (resource_tracking.h).
#include "runtime/modules/resource_tracking.h"

#include <string>

#include "runtime/interp/code.h"
#include "runtime/interp/config.h"
#include "runtime/interp/errors.h"
#include "runtime/interp/frame.h"
#include "runtime/interp/runtime.h"
#include "runtime/interp/thread_state.h"
#include "runtime/modules/_warnings.h"
#include "runtime/modules/module.h"
#include "runtime/objects/abstract.h"
#include "runtime/objects/exceptions.h"
#include "runtime/objects/int.h"
#include "runtime/objects/str.h"
#include "runtime/objects/tuple.h"

namespace tern {

bool trackResources() {
  static const bool on = config().hasXOption("track-resources");
  return on;
}

Value recordCreation() {
  if (!trackResources()) return Value();
  interp::ThreadState* ts = interp::currentThread();
  int64_t n = 0;
  for (interp::Frame* f = ts == nullptr ? nullptr : ts->frame; f != nullptr; f = f->previous()) ++n;
  Value frames = newTuple(n);
  if (frames.isNull()) {
    clearError();
    return Value();
  }
  int64_t i = n;
  for (interp::Frame* f = ts->frame; f != nullptr; f = f->previous()) {
    CodeObj* code = f->codeObj();
    Value entry = newTupleOf({code->filename.get(), newInt(f->line()), code->name.get()});
    if (entry.isNull()) {
      clearError();
      return Value();
    }
    tupleInit(frames, --i, entry);
  }
  return frames;
}

namespace {

// The stripped source line, through linecache as the traceback module reads
// it; empty when it cannot be had.
std::string sourceLine(Value filename, Value lineno) {
  Value linecache = importModule(internStr("linecache"));
  if (linecache.isNull()) {
    clearError();
    return "";
  }
  Value getline = lookupAttr(linecache, internStr("getline"));
  Value args[2] = {filename, lineno};
  Value line = getline.isNull() ? Value() : call(getline, args, 2);
  if (line.isNull() || !isStr(line)) {
    clearError();
    return "";
  }
  std::string text = strToUtf8(line);
  size_t first = text.find_first_not_of(" \t\f\r\n");
  if (first == std::string::npos) return "";
  size_t last = text.find_last_not_of(" \t\f\r\n");
  return text.substr(first, last - first + 1);
}

}  // namespace

void warnUnclosed(const char* what, Value source, Value created, Value reporter) {
  Value saved = takeError();
  Value r = repr(source);
  std::string message = std::string("unclosed ") + what + strToUtf8(r);
  if (!created.isNull() && isTuple(created)) {
    message += "\nObject created at (most recent call last):";
    for (int64_t i = 0; i < tupleLength(created); ++i) {
      Value entry = tupleItem(created, i);
      int64_t lineno = tupleItem(entry, 1).isSmallInt() ? tupleItem(entry, 1).asSmallInt() : 0;
      message += "\n  File \"" + strToUtf8(tupleItem(entry, 0)) + "\", line " + std::to_string(lineno) + ", in " +
                 strToUtf8(tupleItem(entry, 2));
      std::string line = sourceLine(tupleItem(entry, 0), tupleItem(entry, 1));
      if (!line.empty()) message += "\n    " + line;
    }
  }
  if (!warn(exc::ResourceWarning, message, 1)) {
    if (errorMatches(exc::Warning)) {
      printUnraisable(reporter);
    } else {
      clearError();
    }
  }
  restoreError(saved);
}

}  // namespace tern
