#include "runtime/thread_pool.h"

#include <algorithm>

#include "runtime/op.h"

#if defined(__linux__)
#include <sched.h>
#endif

namespace liteq {

ThreadPool::ThreadPool(int num_threads) {
  const int workers = std::max(0, num_threads - 1);
  workers_.reserve(workers);
  for (int i = 0; i < workers; ++i) workers_.emplace_back([this] { WorkerLoop(); });
}

ThreadPool::~ThreadPool() {
  {
    std::lock_guard<std::mutex> lock(mu_);
    stop_ = true;
  }
  work_cv_.notify_all();
  for (auto& t : workers_) t.join();
}

void ThreadPool::Run(int num_tasks, const std::function<void(int)>& fn) {
  if (num_tasks <= 0) return;
  if (workers_.empty() || num_tasks == 1) {
    for (int i = 0; i < num_tasks; ++i) fn(i);
    return;
  }
  std::unique_lock<std::mutex> lock(mu_);
  fn_ = &fn;
  num_tasks_ = num_tasks;
  next_task_ = 0;
  pending_ = num_tasks;
  ++generation_;
  work_cv_.notify_all();
  // The caller works too, then waits for the stragglers.
  while (next_task_ < num_tasks_) {
    const int task = next_task_++;
    lock.unlock();
    fn(task);
    lock.lock();
    --pending_;
  }
  done_cv_.wait(lock, [this] { return pending_ == 0; });
  fn_ = nullptr;
}

void ThreadPool::WorkerLoop() {
  uint64_t seen = 0;
  std::unique_lock<std::mutex> lock(mu_);
  for (;;) {
    work_cv_.wait(lock, [&] { return stop_ || (generation_ != seen && next_task_ < num_tasks_); });
    if (stop_) return;
    seen = generation_;
    while (fn_ != nullptr && next_task_ < num_tasks_) {
      const int task = next_task_++;
      const auto* fn = fn_;
      lock.unlock();
      (*fn)(task);
      lock.lock();
      if (--pending_ == 0) done_cv_.notify_all();
    }
  }
}

int DefaultThreadCount() {
#if defined(__linux__)
  cpu_set_t set;
  if (sched_getaffinity(0, sizeof(set), &set) == 0) return std::max(1, CPU_COUNT(&set));
#endif
  return std::max(1u, std::thread::hardware_concurrency());
}

void ParallelFor(const OpContext& ctx, int64_t n, const std::function<void(int64_t, int64_t)>& fn) {
  if (n <= 0) return;
  const int threads = ctx.pool ? ctx.pool->num_threads() : 1;
  const int tasks = static_cast<int>(std::min<int64_t>(threads, n));
  if (tasks <= 1) {
    fn(0, n);
    return;
  }
  ctx.pool->Run(tasks, [&](int t) {
    const int64_t begin = n * t / tasks;
    const int64_t end = n * (t + 1) / tasks;
    if (begin < end) fn(begin, end);
  });
}

}  // namespace liteq
