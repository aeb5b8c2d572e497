// faulthandler at start-up: what -X faulthandler, PYTHONFAULTHANDLER and
// -X dev ask for.
#pragma once

namespace tern {

// faulthandler.enable() when the configuration asks for it (-X faulthandler,
// PYTHONFAULTHANDLER non-empty and not ignored, -X dev); true when it was not
// asked for or succeeded, false with the exception pending.
bool enableFaulthandlerAtStartup();

}  // namespace tern
