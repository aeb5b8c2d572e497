// The `tern` executable: the runtime is linked in (meson.build says why).
#include "runtime/entry.h"

int main(int argc, char** argv) { return tern::main(argc, argv); }
