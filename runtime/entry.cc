#include "runtime/entry.h"

#include <cstdio>
#include <cstring>

#include "runtime/gc/heap.h"

namespace tern {

int main(int argc, char** argv) {
  if (argc >= 2 && (std::strcmp(argv[1], "--version") == 0 || std::strcmp(argv[1], "-V") == 0)) {
    std::printf("Tern 0.1.0 (Python 3.11)\n");
    return 0;
  }
  gc::initialize(gc::Config::fromEnvironment());
  std::fprintf(stderr,
               "tern: running Python code is not implemented yet: the compiler and interpreter come with "
               "issue #4 (this build has the garbage collector only)\n");
  return 2;
}

}  // namespace tern
