// A fixed pool of worker threads for data-parallel loops inside one op. The calling thread takes
// part in every loop, so a pool of N threads has N-1 workers.
#ifndef LITEQ_RUNTIME_THREAD_POOL_H_
#define LITEQ_RUNTIME_THREAD_POOL_H_

#include <atomic>
#include <cstdint>
#include <vector>

#include "runtime/function_ref.h"

// Builds without threads (WebAssembly without SharedArrayBuffer, wasm32-wasi): the pool runs every
// loop on the calling thread; results are the same, since every kernel's split is deterministic.
#if defined(__wasi__) || defined(LITEQ_SINGLE_THREADED)
#define LITEQ_THREADS 0
#else
#define LITEQ_THREADS 1
#include <condition_variable>
#include <mutex>
#include <thread>
#endif

namespace liteq {

class ThreadPool {
 public:
  explicit ThreadPool(int num_threads);
  ~ThreadPool();
  ThreadPool(const ThreadPool&) = delete;
  ThreadPool& operator=(const ThreadPool&) = delete;

#if LITEQ_THREADS
  int num_threads() const { return static_cast<int>(workers_.size()) + 1; }
#else
  int num_threads() const { return 1; }
#endif

  // Calls fn(task) for task in [0, num_tasks), spread over the threads; returns when all are done.
  void Run(int num_tasks, FunctionRef<void(int)> fn);

  // While a whole-graph run is in progress the workers keep spinning between loops instead of
  // sleeping after a short spin: the serial ops between two parallel ones (a small ADD, the SSD
  // post-process) would otherwise cost a wake-up each. Plan::Run brackets itself with these.
  void BeginBurst();
  void EndBurst();

 private:
#if LITEQ_THREADS
  void WorkerLoop(int self);

  // Claims and runs tasks of the current loop until none is left: first from thread `self`'s own
  // range, then from the others'.
  void Drain(int self);

  std::vector<std::thread> workers_;
  std::mutex mu_;
  std::condition_variable work_cv_;
  std::condition_variable done_cv_;
  // A loop is published by writing fn_/num_tasks_/next_task_/pending_ and then bumping generation_;
  // workers spin briefly on generation_ before sleeping, since layers take only 100-500 us and a
  // condition-variable wake-up costs tens of microseconds.
  std::atomic<const FunctionRef<void(int)>*> fn_{nullptr};
  // Each thread's contiguous share of a loop's tasks, as (end << 32) | next_task in one word, so a
  // claim and the bound it is checked against always belong to the same loop. Thread i (0 = the
  // caller) starts on range i, so consecutive ops split alike run the same rows on the same core and
  // find them in its cache; a thread done with its own range takes tasks from the others'.
  struct alignas(64) Range {
    std::atomic<uint64_t> word{0};
  };
  std::vector<Range> ranges_;
  std::atomic<int> pending_{0};
  std::atomic<uint64_t> generation_{0};
  std::atomic<bool> stop_{false};
  std::atomic<int> burst_{0};
#endif
};

// Threads to use when the caller asks for "default": the cores this process may run on.
int DefaultThreadCount();

}  // namespace liteq

#endif  // LITEQ_RUNTIME_THREAD_POOL_H_
