// pybind11's embedding API (pybind11/embed.h) over the runtime: an embedded
// module, calls both ways, exec with globals and locals, a Python exception
// caught in C++.  pybind11 2.10 starts CPython >= 3.8 through the PyConfig
// API, which Tern does not have (docs/cpyext-inventory.md); the Tern build
// selects pybind11's Py_InitializeEx path with
// PYBIND11_PYCONFIG_SUPPORT_PY_VERSION_HEX.  Expected output:
// embed_pybind11.expected.
#include <pybind11/embed.h>

#include <iostream>
#include <string>

namespace py = pybind11;
using namespace pybind11::literals;

PYBIND11_EMBEDDED_MODULE(host_calc, m) {
  m.def("add", [](int i, int j) { return i + j; });
  m.def("apply", [](const py::function& f, int v) { return f(v).cast<int>() + 1; });
}

int main() {
  py::scoped_interpreter guard{};
  py::module_ calc = py::module_::import("host_calc");
  std::cout << "add: " << calc.attr("add")(1, 2).cast<int>() << std::endl;
  py::exec(R"(
import host_calc
print("apply:", host_calc.apply(lambda v: v * 10, 4))
message = "Hello, {name}! The answer is {number}".format(name="World", number=42)
print(message)
)");
  std::cout << "message from C++: " << py::globals()["message"].cast<std::string>() << std::endl;
  py::dict locals("x"_a = 7);
  py::exec("y = x * 6", py::globals(), locals);
  std::cout << "y: " << locals["y"].cast<int>() << std::endl;
  try {
    py::exec("raise ValueError('from python')");
  } catch (py::error_already_set& e) {
    std::cout << "caught: " << (e.matches(PyExc_ValueError) ? "ValueError" : "?") << ": "
              << py::str(e.value()).cast<std::string>() << std::endl;
  }
  return 0;
}
