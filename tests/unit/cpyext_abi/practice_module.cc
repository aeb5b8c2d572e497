// practice_module.c compiled as C++20: extensions written in C++ include the
// same headers (extern "C" linkage, casts valid in both languages).
#include "practice_module.c"
