#include "runtime/thread_pool.h"

#include <algorithm>

#include "runtime/op.h"

#if defined(__linux__)
#include <sched.h>
#endif

namespace liteq {

#if LITEQ_THREADS
namespace {

// Busy-wait iterations before a thread blocks (roughly 10-50 us with the pause hint).
constexpr int kSpinIterations = 5000;

inline void CpuRelax() {
#if defined(__x86_64__) || defined(__i386__)
  __builtin_ia32_pause();
#else
  std::this_thread::yield();
#endif
}

}  // namespace

ThreadPool::ThreadPool(int num_threads) : ranges_(static_cast<size_t>(std::max(1, num_threads))) {
  const int workers = std::max(0, num_threads - 1);
  workers_.reserve(workers);
  for (int i = 0; i < workers; ++i) workers_.emplace_back([this, i] { WorkerLoop(i + 1); });
}

ThreadPool::~ThreadPool() {
  {
    std::lock_guard<std::mutex> lock(mu_);
    stop_ = true;
  }
  work_cv_.notify_all();
  for (auto& t : workers_) t.join();
}

void ThreadPool::Drain(int self) {
  const int n = static_cast<int>(ranges_.size());
  for (int k = 0; k < n; ++k) {
    std::atomic<uint64_t>& word = ranges_[static_cast<size_t>((self + k) % n)].word;
    for (;;) {
      const uint64_t claim = word.fetch_add(1);
      const uint32_t task = static_cast<uint32_t>(claim);
      if (task >= static_cast<uint32_t>(claim >> 32)) break;
      // The loop that published this claim cannot have returned (this task is not done), so fn_ is its.
      (*fn_.load())(static_cast<int>(task));
      if (pending_.fetch_sub(1) == 1) {
        // Last task: wake the caller if it went to sleep (the lock orders this with its wait).
        std::lock_guard<std::mutex> lock(mu_);
        done_cv_.notify_all();
      }
    }
  }
}

void ThreadPool::Run(int num_tasks, FunctionRef<void(int)> fn) {
  if (num_tasks <= 0) return;
  if (workers_.empty() || num_tasks == 1) {
    for (int i = 0; i < num_tasks; ++i) fn(i);
    return;
  }
  // The previous loop returned only when all its tasks were done, so no worker holds one of its
  // tasks; a worker late to leave Drain() claims against the new words and either gets a valid task
  // of this loop (fn_ is already stored) or sees none left.
  fn_.store(&fn);
  pending_.store(num_tasks);
  const int n = static_cast<int>(ranges_.size());
  for (int i = 0; i < n; ++i) {
    const uint64_t begin = static_cast<uint64_t>(num_tasks) * i / n, end = static_cast<uint64_t>(num_tasks) * (i + 1) / n;
    ranges_[static_cast<size_t>(i)].word.store((end << 32) | begin);
  }
  {
    std::lock_guard<std::mutex> lock(mu_);
    generation_.fetch_add(1);
  }
  work_cv_.notify_all();
  Drain(0);
  for (int i = 0; i < kSpinIterations && pending_.load() != 0; ++i) CpuRelax();
  if (pending_.load() != 0) {
    std::unique_lock<std::mutex> lock(mu_);
    done_cv_.wait(lock, [this] { return pending_.load() == 0; });
  }
}

void ThreadPool::WorkerLoop(int self) {
  uint64_t seen = 0;
  for (;;) {
    for (int i = 0; (i < kSpinIterations || burst_.load(std::memory_order_relaxed) > 0) && generation_.load() == seen && !stop_.load(); ++i) {
      CpuRelax();
    }
    if (generation_.load() == seen) {
      std::unique_lock<std::mutex> lock(mu_);
      work_cv_.wait(lock, [&] { return stop_.load() || generation_.load() != seen; });
    }
    if (stop_.load()) return;
    seen = generation_.load();
    Drain(self);
  }
}

void ThreadPool::BeginBurst() { burst_.fetch_add(1); }
void ThreadPool::EndBurst() { burst_.fetch_sub(1); }

int DefaultThreadCount() {
#if defined(__linux__)
  cpu_set_t set;
  if (sched_getaffinity(0, sizeof(set), &set) == 0) return std::max(1, CPU_COUNT(&set));
#endif
  return std::max(1u, std::thread::hardware_concurrency());
}

#else  // !LITEQ_THREADS

ThreadPool::ThreadPool(int) {}
ThreadPool::~ThreadPool() = default;

void ThreadPool::Run(int num_tasks, FunctionRef<void(int)> fn) {
  for (int i = 0; i < num_tasks; ++i) fn(i);
}

void ThreadPool::BeginBurst() {}
void ThreadPool::EndBurst() {}

int DefaultThreadCount() { return 1; }

#endif  // LITEQ_THREADS

void ParallelForTasks(const OpContext& ctx, int64_t n, FunctionRef<void(int64_t, int64_t, int)> fn) {
  if (n <= 0) return;
  const int threads = ctx.pool ? ctx.pool->num_threads() : 1;
  const int tasks = static_cast<int>(std::min<int64_t>(threads, n));
  if (tasks <= 1) {
    fn(0, n, 0);
    return;
  }
  ctx.pool->Run(tasks, [&](int t) {
    const int64_t begin = n * t / tasks;
    const int64_t end = n * (t + 1) / tasks;
    if (begin < end) fn(begin, end, t);
  });
}

void ParallelFor(const OpContext& ctx, int64_t n, FunctionRef<void(int64_t, int64_t)> fn) {
  ParallelForTasks(ctx, n, [&](int64_t begin, int64_t end, int) { fn(begin, end); });
}

void ParallelForBlocks(const OpContext& ctx, int64_t n, int64_t block, FunctionRef<void(int64_t, int64_t)> fn) {
  ParallelFor(ctx, (n + block - 1) / block, [&](int64_t begin, int64_t end) { fn(begin * block, std::min(n, end * block)); });
}

}  // namespace liteq
