// Facts about CPython 3.11's interpreter that extensions ask through the C
// API: the string hash function (PyHash_GetFuncDef), bytecode stack effects
// (PyCompile_OpcodeStackEffect*, CPython's bytecode as _opcode.stack_effect
// describes it), the tokenizer's operator tokens (PyToken_*Char(s)), and
// sys.path from a wide string (PySys_SetPath); the deprecated GIL calls
// PyEval_AcquireLock/ReleaseLock.
#include <climits>

#include "Python.h"

namespace {

// Grammar/Tokens' operators and their token numbers in CPython 3.11 (the
// `token` module's; Tern's compat headers have no token.h), plus "<>",
// which CPython's tokenizer also maps to NOTEQUAL (28, PEP 401).
constexpr int kOp = 54;  // OP

struct OperatorToken {
  const char* text;
  int type;
};
constexpr OperatorToken kOperators[] = {
    {"%", 24},  {"&", 19},  {"(", 7},   {")", 8},    {"*", 16},   {"+", 14},   {",", 12},   {"-", 15},
    {".", 23},  {"/", 17},  {":", 11},  {";", 13},   {"<", 20},   {"=", 22},   {">", 21},   {"@", 49},
    {"[", 9},   {"]", 10},  {"^", 32},  {"{", 25},   {"|", 18},   {"}", 26},   {"~", 31},   {"!=", 28},
    {"%=", 40}, {"&=", 41}, {"**", 35}, {"*=", 38},  {"+=", 36},  {"-=", 37},  {"->", 51},  {"//", 47},
    {"/=", 39}, {":=", 53}, {"<<", 33}, {"<=", 29},  {"<>", 28},  {"==", 27},  {">=", 30},  {">>", 34},
    {"@=", 50}, {"^=", 43}, {"|=", 42}, {"**=", 46}, {"...", 52}, {"//=", 48}, {"<<=", 44}, {">>=", 45},
};

// The operator spelled by the `n` characters of `chars`, OP when there is
// none (a NUL among them included).
int operatorToken(const char (&chars)[4], size_t n) {
  for (const OperatorToken& op : kOperators) {
    if (__builtin_strlen(op.text) == n && __builtin_strcmp(op.text, chars) == 0) return op.type;
  }
  return kOp;
}

Py_hash_t hashBytes(const void* data, Py_ssize_t len) { return _Py_HashBytes(data, len); }

constexpr int kHaveArgument = 90;  // CPython 3.11's HAVE_ARGUMENT: opcodes below take no oparg

// _opcode.stack_effect(opcode, oparg, jump=jump), PY_INVALID_STACK_EFFECT
// (no exception) for what it rejects, as CPython's compiler answers.
int stackEffect(int opcode, int oparg, PyObject* jump) {
  PyObject* module = PyImport_ImportModule("_opcode");
  PyObject* fn = module == nullptr ? nullptr : PyObject_GetAttrString(module, "stack_effect");
  Py_XDECREF(module);
  PyObject* r = nullptr;
  if (fn != nullptr) {
    PyObject* args =
        opcode >= kHaveArgument ? Py_BuildValue("(ii)", opcode, oparg) : Py_BuildValue("(iO)", opcode, Py_None);
    PyObject* kwargs = Py_BuildValue("{sO}", "jump", jump);
    if (args != nullptr && kwargs != nullptr) r = PyObject_Call(fn, args, kwargs);
    Py_XDECREF(args);
    Py_XDECREF(kwargs);
    Py_DECREF(fn);
  }
  long effect = r == nullptr ? PY_INVALID_STACK_EFFECT : PyLong_AsLong(r);
  Py_XDECREF(r);
  if (PyErr_Occurred()) {
    PyErr_Clear();
    return PY_INVALID_STACK_EFFECT;
  }
  return static_cast<int>(effect);
}

}  // namespace

extern "C" {

PyHash_FuncDef* PyHash_GetFuncDef(void) {
  // The runtime's str and bytes hash (_Py_HashBytes), as sys.hash_info says.
  static PyHash_FuncDef def = {hashBytes, "siphash13", 64, 128};
  return &def;
}

int PyCompile_OpcodeStackEffect(int opcode, int oparg) { return stackEffect(opcode, oparg, Py_None); }

// jump > 0: the effect when the jump is taken; 0: when it is not; < 0: the
// larger of the two.
int PyCompile_OpcodeStackEffectWithJump(int opcode, int oparg, int jump) {
  return stackEffect(opcode, oparg, jump > 0 ? Py_True : (jump == 0 ? Py_False : Py_None));
}

// Exported by hand: token.h is not among the compat headers.
PyAPI_FUNC(int) PyToken_OneChar(int c1) {
  const char chars[4] = {static_cast<char>(c1), 0, 0, 0};
  return operatorToken(chars, 1);
}

PyAPI_FUNC(int) PyToken_TwoChars(int c1, int c2) {
  const char chars[4] = {static_cast<char>(c1), static_cast<char>(c2), 0, 0};
  return operatorToken(chars, 2);
}

PyAPI_FUNC(int) PyToken_ThreeChars(int c1, int c2, int c3) {
  const char chars[4] = {static_cast<char>(c1), static_cast<char>(c2), static_cast<char>(c3), 0};
  return operatorToken(chars, 3);
}

// sys.path = path.split(':'), as CPython's (a fatal error when it cannot).
void PySys_SetPath(const wchar_t* path) {
  PyObject* text = PyUnicode_FromWideChar(path, -1);
  PyObject* delim = PyUnicode_FromString(":");
  PyObject* list = text == nullptr || delim == nullptr ? nullptr : PyUnicode_Split(text, delim, -1);
  Py_XDECREF(text);
  Py_XDECREF(delim);
  if (list == nullptr || PySys_SetObject("path", list) != 0) Py_FatalError("can't assign sys.path");
  Py_DECREF(list);
}

// The deprecated pair that takes and drops the GIL for the calling thread's
// state without changing the current thread state.
void PyEval_ReleaseLock(void) { PyEval_ReleaseThread(PyThreadState_Get()); }

void PyEval_AcquireLock(void) {
  PyThreadState* tstate = PyGILState_GetThisThreadState();
  if (tstate == nullptr) Py_FatalError("PyEval_AcquireLock: current thread state is NULL");
  PyEval_AcquireThread(tstate);
}

}  // extern "C"
