// The pool runs every task of every loop exactly once, also when loops follow each other closely
// (workers late to leave one loop must not run a task of the next twice).
#include <atomic>
#include <vector>

#include "runtime/thread_pool.h"
#include "testing.h"

LQ_TEST(ThreadPoolRunsEachTaskExactlyOnce) {
  for (int threads : {1, 2, 3, 4}) {
    liteq::ThreadPool pool(threads);
    for (int loop = 0; loop < 3000; ++loop) {
      const int n = 1 + (loop * 7) % 37;
      std::vector<std::atomic<int>> hits(n);
      for (auto& h : hits) h.store(0);
      pool.Run(n, [&](int t) { hits[t].fetch_add(1); });
      for (int t = 0; t < n; ++t) LQ_CHECK_EQ(hits[t].load(), 1);
    }
  }
}

LQ_TEST(ThreadPoolSplitsWorkAcrossThreads) {
  liteq::ThreadPool pool(2);
  // Builds without threads (WebAssembly) run every loop on the caller.
  LQ_CHECK_EQ(pool.num_threads(), LITEQ_THREADS ? 2 : 1);
  std::atomic<long> sum{0};
  pool.Run(1000, [&](int t) { sum.fetch_add(t); });
  LQ_CHECK_EQ(sum.load(), 999L * 1000 / 2);
}
