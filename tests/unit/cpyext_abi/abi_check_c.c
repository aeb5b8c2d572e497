/* The ABI checks compiled as C (see abi_checks.h). */
#include "abi_checks.h"

int main(void) {
    int failures = tern_abi_runtime_checks();
    if (failures == 0) {
        printf("cpyext ABI (C): all checks passed\n");
    }
    return failures == 0 ? 0 : 1;
}
