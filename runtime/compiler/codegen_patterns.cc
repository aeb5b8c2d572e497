// Code generation for `match` statements (PEP 634).
#include "runtime/compiler/codegen_internal.h"

namespace tern::compiler::codegen {

void Compiler::compile_match(const ast::Match* s) {
  (void)s;
  error("match statements are not supported yet");
}

}  // namespace tern::compiler::codegen
