// out[i] = table[in[i]] for a 256-entry byte table: AVX-512 VBMI where the CPU has it and the ISA
// level allows (x86/lut_64__avx512vbmi.cc), else reference::LookupBytes — the same bytes.
#ifndef LITEQ_KERNELS_LUT_H_
#define LITEQ_KERNELS_LUT_H_

#include <cstdint>

#include "kernels/reference/logistic.h"

namespace liteq {

void LookupBytes(const uint8_t table[256], const uint8_t* in, int64_t n, uint8_t* out);

}  // namespace liteq

#endif  // LITEQ_KERNELS_LUT_H_
