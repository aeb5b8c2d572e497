// A pybind11 module compiled against the compat headers: pybind11 builds on
// PyTypeObject internals, the thread state and TSS API, capsules, weakrefs
// and the C++-mangled names of the header types.  Compiled only.
#include <pybind11/functional.h>
#include <pybind11/operators.h>
#include <pybind11/pybind11.h>
#include <pybind11/stl.h>

#include <map>
#include <stdexcept>
#include <string>
#include <vector>

namespace py = pybind11;

namespace {

struct Pet {
  explicit Pet(std::string n) : name(std::move(n)) {}
  std::string Greet() const { return "hello " + name; }
  bool operator==(const Pet& other) const { return name == other.name; }
  std::string name;
  int age = 0;
};

}  // namespace

PYBIND11_MODULE(practice_pybind11, m) {
  m.doc() = "Compile check of the compat headers with pybind11.";
  m.def("add", [](int a, int b) { return a + b; }, py::arg("a"), py::arg("b") = 2);
  m.def("apply", [](const std::function<int(int)>& f, int x) { return f(x); });
  m.def("total", [](const std::vector<double>& v) {
    double sum = 0;
    for (double d : v) sum += d;
    return sum;
  });
  m.def("count", [](const std::map<std::string, int>& d) { return d.size(); });
  m.def("fail", []() { throw std::runtime_error("boom"); });
  m.def("released", []() {
    py::gil_scoped_release release;
    return 1;
  });
  m.def("pack", [](py::args args, py::kwargs kwargs) { return py::make_tuple(args, kwargs); });
  py::class_<Pet>(m, "Pet", py::dynamic_attr())
      .def(py::init<std::string>())
      .def_readwrite("name", &Pet::name)
      .def_readwrite("age", &Pet::age)
      .def("greet", &Pet::Greet)
      .def(py::self == py::self)
      .def("__repr__", [](const Pet& p) { return "<Pet " + p.name + ">"; });
  py::register_exception<std::out_of_range>(m, "OutOfRange");
}
