// A fixed pool of worker threads for data-parallel loops inside one op. The calling thread takes
// part in every loop, so a pool of N threads has N-1 workers.
#ifndef LITEQ_RUNTIME_THREAD_POOL_H_
#define LITEQ_RUNTIME_THREAD_POOL_H_

#include <condition_variable>
#include <cstdint>
#include <functional>
#include <mutex>
#include <thread>
#include <vector>

namespace liteq {

class ThreadPool {
 public:
  explicit ThreadPool(int num_threads);
  ~ThreadPool();
  ThreadPool(const ThreadPool&) = delete;
  ThreadPool& operator=(const ThreadPool&) = delete;

  int num_threads() const { return static_cast<int>(workers_.size()) + 1; }

  // Calls fn(task) for task in [0, num_tasks), spread over the threads; returns when all are done.
  void Run(int num_tasks, const std::function<void(int)>& fn);

 private:
  void WorkerLoop();

  std::vector<std::thread> workers_;
  std::mutex mu_;
  std::condition_variable work_cv_;
  std::condition_variable done_cv_;
  const std::function<void(int)>* fn_ = nullptr;
  int num_tasks_ = 0;
  int next_task_ = 0;
  int pending_ = 0;
  uint64_t generation_ = 0;
  bool stop_ = false;
};

// Threads to use when the caller asks for "default": the cores this process may run on.
int DefaultThreadCount();

}  // namespace liteq

#endif  // LITEQ_RUNTIME_THREAD_POOL_H_
