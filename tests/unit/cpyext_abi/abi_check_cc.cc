// The ABI checks compiled as C++20 (see abi_checks.h): the same layouts
// must come out of the headers in both languages.
#include "abi_checks.h"

int main() {
    int failures = tern_abi_runtime_checks();
    if (failures == 0) {
        printf("cpyext ABI (C++): all checks passed\n");
    }
    return failures == 0 ? 0 : 1;
}
