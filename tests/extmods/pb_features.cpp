// pb_features: a pybind11 fixture.
//
// pybind11 builds its types with PyType_Ready on heap types it lays out
// itself, keeps instance registries keyed by C++ pointers, and crosses the
// C-API boundary in both directions for exceptions and callbacks, so it
// stresses a different corner than hand-written C.  Covered: classes with
// constructors, properties and methods; inheritance with virtual methods
// overridden in Python (a trampoline class); exceptions both ways; callbacks
// through std::function; STL container conversion; keep_alive; the buffer
// protocol.  Driver: test_pb_features.py.

#include <pybind11/functional.h>
#include <pybind11/pybind11.h>
#include <pybind11/stl.h>

#include <map>
#include <memory>
#include <numeric>
#include <stdexcept>
#include <string>
#include <vector>

namespace py = pybind11;

namespace {

int g_animals_alive = 0;

// A base class whose virtual methods Python subclasses may override.
class Animal {
public:
    explicit Animal(std::string name) : name_(std::move(name)) { ++g_animals_alive; }
    virtual ~Animal() { --g_animals_alive; }
    virtual std::string sound() const { return "..."; }
    virtual int legs() const { return 4; }
    std::string speak(int times) const {
        std::string out;
        for (int i = 0; i < times; ++i) out += (i ? " " : "") + sound();
        return name_ + ": " + out;
    }
    const std::string &name() const { return name_; }
    void set_name(const std::string &n) { name_ = n; }

private:
    std::string name_;
};

class Dog : public Animal {
public:
    using Animal::Animal;
    std::string sound() const override { return "woof"; }
};

// The trampoline: routes virtual calls made from C++ to Python overrides.
class PyAnimal : public Animal {
public:
    using Animal::Animal;
    std::string sound() const override { PYBIND11_OVERRIDE(std::string, Animal, sound); }
    int legs() const override { PYBIND11_OVERRIDE(int, Animal, legs); }
};

// C++ code that only knows the base class: calls go through the vtable.
std::string chorus(const std::vector<std::shared_ptr<Animal>> &animals) {
    std::string out;
    for (const auto &a : animals) out += a->sound() + "/";
    return out;
}

int total_legs(const std::vector<std::shared_ptr<Animal>> &animals) {
    int n = 0;
    for (const auto &a : animals) n += a->legs();
    return n;
}

// ---- exceptions ----------------------------------------------------------

class CustomError : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

void throw_kind(const std::string &kind) {
    if (kind == "runtime") throw std::runtime_error("runtime failure");
    if (kind == "range") throw std::out_of_range("out of range");
    if (kind == "invalid") throw std::invalid_argument("bad argument");
    if (kind == "custom") throw CustomError("custom failure");
    if (kind == "key") throw py::key_error("missing key");
}

// Calls a Python callable; a Python exception arrives as error_already_set.
std::string call_and_catch(const py::function &f) {
    try {
        f();
        return "no error";
    } catch (py::error_already_set &e) {
        if (e.matches(PyExc_ValueError)) return std::string("caught ValueError: ") + e.what();
        throw;  // anything else goes back to Python unchanged
    }
}

// ---- callbacks -------------------------------------------------------------

std::vector<int> apply(const std::function<int(int)> &f, const std::vector<int> &xs) {
    std::vector<int> out;
    for (int x : xs) out.push_back(f(x));
    return out;
}

std::function<int(int)> make_multiplier(int k) {
    return [k](int x) { return x * k; };
}

// ---- STL containers ----------------------------------------------------------

std::map<std::string, int> word_lengths(const std::vector<std::string> &words) {
    std::map<std::string, int> out;
    for (const auto &w : words) out[w] = static_cast<int>(w.size());
    return out;
}

std::vector<std::vector<int>> transpose(const std::vector<std::vector<int>> &m) {
    if (m.empty()) return {};
    std::vector<std::vector<int>> out(m[0].size(), std::vector<int>(m.size()));
    for (size_t i = 0; i < m.size(); ++i) {
        if (m[i].size() != m[0].size()) throw std::invalid_argument("ragged matrix");
        for (size_t j = 0; j < m[i].size(); ++j) out[j][i] = m[i][j];
    }
    return out;
}

// ---- keep_alive ----------------------------------------------------------------

// Holds a raw pointer to an Animal it does not own; keep_alive makes the
// Python side keep the animal alive as long as the Kennel lives.
class Kennel {
public:
    void add(Animal *a) { animals_.push_back(a); }
    std::string roll_call() const {
        std::string out;
        for (auto *a : animals_) out += a->name() + ",";
        return out;
    }

private:
    std::vector<Animal *> animals_;
};

// ---- buffers ---------------------------------------------------------------------

class Matrix {
public:
    Matrix(size_t rows, size_t cols) : rows_(rows), cols_(cols), data_(rows * cols, 0.0) {}
    double *data() { return data_.data(); }
    size_t rows() const { return rows_; }
    size_t cols() const { return cols_; }
    double get(size_t r, size_t c) const { return data_.at(r * cols_ + c); }
    void set(size_t r, size_t c, double v) { data_.at(r * cols_ + c) = v; }
    double sum() const { return std::accumulate(data_.begin(), data_.end(), 0.0); }

private:
    size_t rows_, cols_;
    std::vector<double> data_;
};

// Sums any C-contiguous buffer of doubles Python hands in (array, memoryview).
double sum_buffer(py::buffer b) {
    py::buffer_info info = b.request();
    if (info.format != py::format_descriptor<double>::format())
        throw std::invalid_argument("need a buffer of doubles");
    const double *p = static_cast<const double *>(info.ptr);
    double s = 0;
    for (py::ssize_t i = 0; i < info.size; ++i) s += p[i];
    return s;
}

}  // namespace

PYBIND11_MODULE(pb_features, m) {
    m.doc() = "pybind11 fixture: classes, overrides, exceptions, callbacks, STL, buffers.";

    py::class_<Animal, PyAnimal, std::shared_ptr<Animal>>(m, "Animal")
        .def(py::init<std::string>(), py::arg("name"))
        .def("sound", &Animal::sound)
        .def("legs", &Animal::legs)
        .def("speak", &Animal::speak, py::arg("times") = 1)
        .def_property("name", &Animal::name, &Animal::set_name)
        .def("__repr__", [](const Animal &a) { return "<Animal " + a.name() + ">"; });
    py::class_<Dog, Animal, std::shared_ptr<Dog>>(m, "Dog").def(py::init<std::string>());
    m.def("chorus", &chorus);
    m.def("total_legs", &total_legs);
    m.def("animals_alive", [] { return g_animals_alive; });

    // CustomError becomes pb_features.CustomError (a subclass of Exception).
    py::register_exception<CustomError>(m, "CustomError");
    m.def("throw_kind", &throw_kind);
    m.def("call_and_catch", &call_and_catch);

    m.def("apply", &apply);
    m.def("make_multiplier", &make_multiplier);

    m.def("word_lengths", &word_lengths);
    m.def("transpose", &transpose);
    m.def("sum_all", [](const std::vector<double> &v) {
        return std::accumulate(v.begin(), v.end(), 0.0);
    });

    py::class_<Kennel>(m, "Kennel")
        .def(py::init<>())
        .def("add", &Kennel::add, py::keep_alive<1, 2>())
        .def("roll_call", &Kennel::roll_call);

    py::class_<Matrix>(m, "Matrix", py::buffer_protocol())
        .def(py::init<size_t, size_t>())
        .def("get", &Matrix::get)
        .def("set", &Matrix::set)
        .def("sum", &Matrix::sum)
        .def_property_readonly("shape",
                               [](const Matrix &x) { return py::make_tuple(x.rows(), x.cols()); })
        .def_buffer([](Matrix &x) -> py::buffer_info {
            return py::buffer_info(x.data(), sizeof(double),
                                   py::format_descriptor<double>::format(), 2,
                                   {x.rows(), x.cols()},
                                   {sizeof(double) * x.cols(), sizeof(double)});
        });
    m.def("sum_buffer", &sum_buffer);
}
