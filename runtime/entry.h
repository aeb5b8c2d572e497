// The entry point of the `tern` command, exported from libtern.so.
#pragma once

#define TERN_EXPORT __attribute__((visibility("default")))

namespace tern {
TERN_EXPORT int main(int argc, char** argv);
}
