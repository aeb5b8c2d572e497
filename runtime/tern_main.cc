// The `tern` executable: everything lives in libtern.so.
#include "runtime/entry.h"

int main(int argc, char** argv) { return tern::main(argc, argv); }
