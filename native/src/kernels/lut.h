// out[i] = table[in[i]] for a 256-entry byte table: AVX-512 VBMI where the CPU has it and the ISA
// level allows (x86/lut_64__avx512vbmi.cc), else reference::LookupBytes — the same bytes.
// out[i] = table[256 * a[i] + b[i]] for a two-byte-index table (a binary op of two 8-bit operands,
// tabulated): AVX-512 gathers at the AVX-512 levels (x86/lut2_16__avx512.cc), else a plain loop.
#ifndef LITEQ_KERNELS_LUT_H_
#define LITEQ_KERNELS_LUT_H_

#include <cstddef>
#include <cstdint>

#include "kernels/reference/logistic.h"

namespace liteq {

void LookupBytes(const uint8_t table[256], const uint8_t* in, int64_t n, uint8_t* out);

// A pair table's bytes: 65536 entries and the 3 bytes a 4-byte gather of the last entry reads, rounded to 64.
constexpr size_t kPairTableBytes = 65536 + 64;
// Whether LookupPairs has a gather path at the active ISA level (else tabulating a binary op is no faster).
bool PairLookupIsFast();
// Ops with fewer elements keep their arithmetic: a table pays for itself once the op streams more operand
// bytes than the table holds (between inferences it leaves the cache, and it adds to the plan's memory).
constexpr int64_t kPairTableMinElements = 65536;
void LookupPairs(const uint8_t* table, const uint8_t* a, const uint8_t* b, int64_t n, uint8_t* out);

}  // namespace liteq

#endif  // LITEQ_KERNELS_LUT_H_
