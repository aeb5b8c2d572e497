// The _typing module: typing.py's accelerator, _idfunc (the identity
// function NewType instances call).
#include "runtime/modules/module.h"
#include "runtime/objects/native.h"

namespace tern {

namespace {

Value _typing__idfunc(Value* args) { return args[1]; }

const MethodDef kTypingFunctions[] = {
    {.name = "_idfunc", .signature = "($module, x, /)", .fn = _typing__idfunc},
};

const NativeModuleDef kTypingModule = {
    .name = "_typing",
    .methods = kTypingFunctions,
    .doc = "Accelerators for the typing module.\n",
};
TERN_REGISTER_MODULE(kTypingModule);

}  // namespace

}  // namespace tern
