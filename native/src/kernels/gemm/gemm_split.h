// How a GEMM (M rows of A, `panels` column panels of packed B) is split into tasks for the thread
// pool. Shared by the quantized (q8_gemm) and float (f32_gemm) drivers.
#ifndef LITEQ_KERNELS_GEMM_GEMM_SPLIT_H_
#define LITEQ_KERNELS_GEMM_GEMM_SPLIT_H_

#include <algorithm>
#include <cstdint>

#include "runtime/op.h"
#include "runtime/thread_pool.h"

namespace liteq {
namespace x86 {

struct GemmSplit {
  int M;
  int mr;       // rows per micro-kernel call
  int m_tiles;  // ceil(M / mr)
  int panels;
  bool split_m;
  int tasks;

  // Rows [m0, m1) and panels [p0, p1) of task t (empty when m0 >= m1 or p0 >= p1).
  void Range(int t, int* m0, int* m1, int* p0, int* p1) const {
    if (split_m) {
      *m0 = static_cast<int>(static_cast<int64_t>(m_tiles) * t / tasks) * mr;
      *m1 = std::min(M, static_cast<int>(static_cast<int64_t>(m_tiles) * (t + 1) / tasks) * mr);
      *p0 = 0;
      *p1 = panels;
    } else {
      *m0 = 0;
      *m1 = M;
      *p0 = panels * t / tasks;
      *p1 = panels * (t + 1) / tasks;
    }
  }
};

// Waking a worker costs microseconds, so GEMMs under `min_macs_per_task` multiply-adds per thread use
// fewer threads (FULLY_CONNECTED with one row stays on one). The larger operand is split: rows when A
// outweighs B (early, wide maps), else panels, so each core streams only its share of B (late layers:
// few pixels, 0.5-2 MB of weights). With more than one thread, ~tasks_per_thread tasks per thread are
// handed out by the pool on demand (ThreadPool::Run), so a thread that starts late or runs slower (a
// shared core) takes fewer; each task needs its own A slot.
inline GemmSplit PlanGemmSplit(int M, int N, int K, int panels, int mr, int num_threads, double min_macs_per_task,
                               int tasks_per_thread) {
  const double macs = static_cast<double>(M) * N * K;
  const int threads = std::max(1, std::min(num_threads, static_cast<int>(macs / min_macs_per_task) + 1));
  const int m_tiles = (M + mr - 1) / mr;
  const bool split_m = panels < threads || (m_tiles >= threads && M >= N);
  const int units = split_m ? m_tiles : panels;
  const int tasks = threads == 1 ? 1 : std::min(units, threads * tasks_per_thread);
  return {M, mr, m_tiles, panels, split_m, tasks};
}

// Upper bound of PlanGemmSplit(...).tasks: how many A slots a driver's scratch must hold.
inline int MaxGemmTasks(int num_threads, int tasks_per_thread) { return num_threads > 1 ? num_threads * tasks_per_thread : 1; }

// Runs fn(t) for every task, on the pool when there is more than one.
template <typename F>
void RunGemmTasks(const OpContext& ctx, const GemmSplit& split, const F& fn) {
  if (split.tasks > 1 && ctx.pool) {
    ctx.pool->Run(split.tasks, fn);
  } else {
    for (int t = 0; t < split.tasks; ++t) fn(t);
  }
}

}  // namespace x86
}  // namespace liteq

#endif  // LITEQ_KERNELS_GEMM_GEMM_SPLIT_H_
