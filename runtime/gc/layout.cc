#include "runtime/gc/layout.h"

#include <cstdio>
#include <cstdlib>

namespace tern::gc {

namespace {
size_t g_layout_count = 1;  // id 0 is never a layout
}

LayoutId registerLayout(const Layout* layout) {
  if (g_layout_count > UINT16_MAX) {
    std::fprintf(stderr, "tern: too many heap layouts (limit %u)\n", unsigned{UINT16_MAX});
    std::abort();
  }
  g_layouts[g_layout_count] = layout;
  return static_cast<LayoutId>(g_layout_count++);
}

bool isRegisteredLayout(LayoutId id) { return id != 0 && id < g_layout_count; }

}  // namespace tern::gc
