// The Node binding of liteq.h. Only marshalling lives here: JS validates, each call crosses once, and
// failures come back as JS errors carrying liteq_last_error() — never a C++ exception or an abort.
// Inference runs in a Napi::AsyncWorker whose Execute() touches no N-API (sharp's "baton" habit).
#include <napi.h>
#include <fcntl.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <memory>
#include <map>
#include <mutex>
#include <string>
#include <vector>

#include "liteq/liteq.h"

namespace {

// Owns a plan. Shared between the JS handle and in-flight workers, so dispose() during a run waits
// for the run instead of freeing memory under it.
// A plan that borrows its constants keeps references to the typed arrays holding them (a mapped
// model file stays mapped) until the plan is gone; every holder copy is dropped on the JS thread
// (workers are destroyed there), so the references are too.
struct PlanHolder {
  std::mutex mu;
  liteq_plan* plan = nullptr;
  std::vector<Napi::ObjectReference> borrowed;
  ~PlanHolder() { liteq_plan_destroy(plan); }  // before the members: the plan goes, then the references
};

using HolderPtr = std::shared_ptr<PlanHolder>;

Napi::Value ThrowError(Napi::Env env, const std::string& message) {
  Napi::Error::New(env, message).ThrowAsJavaScriptException();
  return env.Undefined();
}

// A failed core call: the error carries liteq_last_error() and the status as `status` (the JS side
// types LITEQ_E_MEMORY_LIMIT by it, not by the message).
Napi::Value ThrowStatus(Napi::Env env, int status) {
  Napi::Error e = Napi::Error::New(env, liteq_last_error());
  e.Set("status", Napi::Number::New(env, status));
  e.ThrowAsJavaScriptException();
  return env.Undefined();
}

bool IsFloat32Array(const Napi::Value& v) { return v.IsTypedArray() && v.As<Napi::TypedArray>().TypedArrayType() == napi_float32_array; }

bool GetHolder(const Napi::Value& v, HolderPtr* out) {
  if (!v.IsExternal()) return false;
  *out = *v.As<Napi::External<HolderPtr>>().Data();
  return true;
}

// Copies of the JS input buffers, so a run never reads JS memory from a worker thread.
bool CopyBuffers(const Napi::Value& v, std::vector<std::vector<uint8_t>>* out) {
  if (!v.IsArray()) return false;
  const Napi::Array arr = v.As<Napi::Array>();
  out->resize(arr.Length());
  for (uint32_t i = 0; i < arr.Length(); ++i) {
    const Napi::Value e = arr.Get(i);
    if (!e.IsTypedArray()) return false;
    const Napi::TypedArray t = e.As<Napi::TypedArray>();
    const uint8_t* p = static_cast<const uint8_t*>(t.ArrayBuffer().Data()) + t.ByteOffset();
    (*out)[i].assign(p, p + t.ByteLength());
  }
  return true;
}

bool GetIndices(const Napi::Value& v, std::vector<int32_t>* out) {
  if (!v.IsArray()) return false;
  const Napi::Array arr = v.As<Napi::Array>();
  out->resize(arr.Length());
  for (uint32_t i = 0; i < arr.Length(); ++i) {
    const Napi::Value e = arr.Get(i);
    if (!e.IsNumber()) return false;
    (*out)[i] = e.As<Napi::Number>().Int32Value();
  }
  return true;
}

// Views of the JS input buffers (runPlanSync: the plan copies them into its arena while the caller
// waits, so no copy of our own is needed).
bool ViewBuffers(const Napi::Value& v, std::vector<const void*>* ptrs, std::vector<size_t>* sizes) {
  if (!v.IsArray()) return false;
  const Napi::Array arr = v.As<Napi::Array>();
  ptrs->resize(arr.Length());
  sizes->resize(arr.Length());
  for (uint32_t i = 0; i < arr.Length(); ++i) {
    const Napi::Value e = arr.Get(i);
    if (!e.IsTypedArray()) return false;
    const Napi::TypedArray t = e.As<Napi::TypedArray>();
    (*ptrs)[i] = static_cast<const uint8_t*>(t.ArrayBuffer().Data()) + t.ByteOffset();
    (*sizes)[i] = t.ByteLength();
  }
  return true;
}

// Runs the plan on the given input bytes and hands each requested tensor to take(i, data, size) while
// the plan is still locked. Returns "" or an error message. Thread-safe.
template <typename Take>
std::string RunLocked(PlanHolder& h, const std::vector<const void*>& ptrs, const std::vector<size_t>& sizes,
                    const std::vector<int32_t>& wanted, Take take) {
  std::lock_guard<std::mutex> lock(h.mu);
  if (h.plan == nullptr) return "the model was disposed";
  if (liteq_plan_run(h.plan, ptrs.data(), sizes.data(), ptrs.size()) != LITEQ_OK) return liteq_last_error();
  for (size_t i = 0; i < wanted.size(); ++i) {
    const void* data = nullptr;
    size_t size = 0;
    if (liteq_plan_tensor(h.plan, wanted[i], &data, &size) != LITEQ_OK) return liteq_last_error();
    take(i, static_cast<const uint8_t*>(data), data ? size : 0);
  }
  return "";
}

// The worker-thread form: copies the requested tensors into `results`.
std::string RunAndCollect(PlanHolder& h, const std::vector<std::vector<uint8_t>>& inputs,
                          const std::vector<int32_t>& wanted, std::vector<std::vector<uint8_t>>* results) {
  std::vector<const void*> ptrs(inputs.size());
  std::vector<size_t> sizes(inputs.size());
  for (size_t i = 0; i < inputs.size(); ++i) {
    ptrs[i] = inputs[i].data();
    sizes[i] = inputs[i].size();
  }
  results->resize(wanted.size());
  return RunLocked(h, ptrs, sizes, wanted, [&](size_t i, const uint8_t* p, size_t size) { (*results)[i].assign(p, p + size); });
}

Napi::Array ToJsBuffers(Napi::Env env, std::vector<std::vector<uint8_t>>& results) {
  Napi::Array arr = Napi::Array::New(env, results.size());
  for (size_t i = 0; i < results.size(); ++i) {
    Napi::ArrayBuffer ab = Napi::ArrayBuffer::New(env, results[i].size());
    if (!results[i].empty()) std::memcpy(ab.Data(), results[i].data(), results[i].size());
    arr.Set(i, Napi::Uint8Array::New(env, results[i].size(), ab, 0));
  }
  return arr;
}

Napi::Value Version(const Napi::CallbackInfo& info) { return Napi::String::New(info.Env(), liteq_version()); }

Napi::Value AbiVersion(const Napi::CallbackInfo& info) { return Napi::Number::New(info.Env(), liteq_abi_version()); }

Napi::Value CpuFeatures(const Napi::CallbackInfo& info) {
  return Napi::Number::New(info.Env(), static_cast<double>(liteq_cpu_features()));
}

Napi::Value ActiveIsa(const Napi::CallbackInfo& info) { return Napi::String::New(info.Env(), liteq_active_isa()); }

Napi::Value KernelNames(const Napi::CallbackInfo& info) {
  const size_t n = liteq_kernel_count();
  Napi::Array arr = Napi::Array::New(info.Env(), n);
  for (size_t i = 0; i < n; ++i) arr.Set(i, Napi::String::New(info.Env(), liteq_kernel_name(i)));
  return arr;
}

// createPlan(description: Uint8Array, constants: Uint8Array[], threads: number, maxMemory: number,
//            borrow?: boolean) → handle. With borrow the plan uses 16-byte aligned constants where
// they are (liteq_plan_create_borrowing) and references their arrays until it is disposed.
Napi::Value CreatePlan(const Napi::CallbackInfo& info) {
  Napi::Env env = info.Env();
  if (info.Length() < 4 || !info[0].IsTypedArray() || !info[1].IsArray() || !info[2].IsNumber() || !info[3].IsNumber()) {
    return ThrowError(env, "createPlan(description: Uint8Array, constants: Uint8Array[], threads: number, maxMemory: number)");
  }
  const double max_memory = info[3].As<Napi::Number>().DoubleValue();
  if (!(max_memory >= 0) || max_memory > 9.0e18) return ThrowError(env, "createPlan: maxMemory must be >= 0 (0 = no limit)");
  const Napi::TypedArray desc = info[0].As<Napi::TypedArray>();
  const auto* desc_ptr = static_cast<const uint8_t*>(desc.ArrayBuffer().Data()) + desc.ByteOffset();
  const Napi::Array consts = info[1].As<Napi::Array>();
  std::vector<const uint8_t*> ptrs(consts.Length());
  std::vector<size_t> sizes(consts.Length());
  for (uint32_t i = 0; i < consts.Length(); ++i) {
    const Napi::Value e = consts.Get(i);
    if (!e.IsTypedArray()) return ThrowError(env, "createPlan: constants must be typed arrays");
    const Napi::TypedArray t = e.As<Napi::TypedArray>();
    ptrs[i] = static_cast<const uint8_t*>(t.ArrayBuffer().Data()) + t.ByteOffset();
    sizes[i] = t.ByteLength();
  }
  const bool borrow = info.Length() > 4 && info[4].IsBoolean() && info[4].As<Napi::Boolean>().Value();
  liteq_plan* plan = nullptr;
  // Without borrow, plan creation copies the constants, so the JS buffers need not outlive this call.
  const int status = (borrow ? liteq_plan_create_borrowing : liteq_plan_create)(
      desc_ptr, desc.ByteLength(), ptrs.data(), sizes.data(), ptrs.size(), info[2].As<Napi::Number>().Int32Value(),
      static_cast<uint64_t>(max_memory), &plan);
  if (status != LITEQ_OK) return ThrowStatus(env, status);
  auto holder = std::make_shared<PlanHolder>();
  holder->plan = plan;
  if (borrow) {
    holder->borrowed.reserve(consts.Length());
    for (uint32_t i = 0; i < consts.Length(); ++i) holder->borrowed.push_back(Napi::Persistent(consts.Get(i).As<Napi::Object>()));
  }
  return Napi::External<HolderPtr>::New(env, new HolderPtr(holder), [](Napi::Env, HolderPtr* p) { delete p; });
}

Napi::Value DisposePlan(const Napi::CallbackInfo& info) {
  HolderPtr h;
  if (info.Length() < 1 || !GetHolder(info[0], &h)) return ThrowError(info.Env(), "disposePlan(handle)");
  std::lock_guard<std::mutex> lock(h->mu);
  liteq_plan_destroy(h->plan);
  h->plan = nullptr;
  h->borrowed.clear();  // the constants' arrays may go now
  return info.Env().Undefined();
}

Napi::Value PlanMemory(const Napi::CallbackInfo& info) {
  HolderPtr h;
  if (info.Length() < 1 || !GetHolder(info[0], &h)) return ThrowError(info.Env(), "planMemory(handle)");
  std::lock_guard<std::mutex> lock(h->mu);
  if (!h->plan) return ThrowError(info.Env(), "the model was disposed");
  size_t arena = 0, scratch = 0;
  liteq_plan_memory(h->plan, &arena, &scratch);
  Napi::Object o = Napi::Object::New(info.Env());
  o.Set("arenaBytes", Napi::Number::New(info.Env(), static_cast<double>(arena)));
  o.Set("scratchBytes", Napi::Number::New(info.Env(), static_cast<double>(scratch)));
  return o;
}

// runPlanSync(handle, inputs: Uint8Array[], tensors: number[]) → Uint8Array[] (copies): the plan reads
// the JS inputs in place and each output is copied once, straight into its new ArrayBuffer.
Napi::Value RunPlanSync(const Napi::CallbackInfo& info) {
  Napi::Env env = info.Env();
  HolderPtr h;
  std::vector<const void*> ptrs;
  std::vector<size_t> sizes;
  std::vector<int32_t> wanted;
  if (info.Length() < 3 || !GetHolder(info[0], &h) || !ViewBuffers(info[1], &ptrs, &sizes) || !GetIndices(info[2], &wanted)) {
    return ThrowError(env, "runPlanSync(handle, inputs: TypedArray[], tensors: number[])");
  }
  Napi::Array arr = Napi::Array::New(env, wanted.size());
  const std::string err = RunLocked(*h, ptrs, sizes, wanted, [&](size_t i, const uint8_t* p, size_t size) {
    Napi::ArrayBuffer ab = Napi::ArrayBuffer::New(env, size);
    if (size != 0) std::memcpy(ab.Data(), p, size);
    arr.Set(static_cast<uint32_t>(i), Napi::Uint8Array::New(env, size, ab, 0));
  });
  if (!err.empty()) return ThrowError(env, err);
  return arr;
}

class RunWorker : public Napi::AsyncWorker {
 public:
  RunWorker(Napi::Env env, HolderPtr holder, std::vector<std::vector<uint8_t>> inputs, std::vector<int32_t> wanted)
      : Napi::AsyncWorker(env),
        deferred_(Napi::Promise::Deferred::New(env)),
        holder_(std::move(holder)),
        inputs_(std::move(inputs)),
        wanted_(std::move(wanted)) {}

  Napi::Promise Promise() { return deferred_.Promise(); }

  void Execute() override {
    const std::string err = RunAndCollect(*holder_, inputs_, wanted_, &results_);
    if (!err.empty()) SetError(err);
  }

  void OnOK() override { deferred_.Resolve(ToJsBuffers(Env(), results_)); }

  void OnError(const Napi::Error& e) override { deferred_.Reject(e.Value()); }

 private:
  Napi::Promise::Deferred deferred_;
  HolderPtr holder_;
  std::vector<std::vector<uint8_t>> inputs_;
  std::vector<int32_t> wanted_;
  std::vector<std::vector<uint8_t>> results_;
};

// runPlan(handle, inputs, tensors) → Promise<Uint8Array[]>
Napi::Value RunPlan(const Napi::CallbackInfo& info) {
  Napi::Env env = info.Env();
  HolderPtr h;
  std::vector<std::vector<uint8_t>> inputs;
  std::vector<int32_t> wanted;
  if (info.Length() < 3 || !GetHolder(info[0], &h) || !CopyBuffers(info[1], &inputs) || !GetIndices(info[2], &wanted)) {
    return ThrowError(env, "runPlan(handle, inputs: TypedArray[], tensors: number[])");
  }
  auto* worker = new RunWorker(env, std::move(h), std::move(inputs), std::move(wanted));
  Napi::Promise promise = worker->Promise();
  worker->Queue();
  return promise;
}

// quantizeUint8(x: Float32Array, scale: number, zeroPoint: number, qmin: number, qmax: number) → Uint8Array.
// Synchronous: one pass over a layer's weights while converting.
Napi::Value QuantizeUint8(const Napi::CallbackInfo& info) {
  Napi::Env env = info.Env();
  if (info.Length() < 5 || !IsFloat32Array(info[0]) ||
      !info[1].IsNumber() || !info[2].IsNumber() || !info[3].IsNumber() || !info[4].IsNumber()) {
    return ThrowError(env, "quantizeUint8(x: Float32Array, scale: number, zeroPoint: number, qmin: number, qmax: number)");
  }
  const Napi::Float32Array x = info[0].As<Napi::Float32Array>();
  Napi::Uint8Array out = Napi::Uint8Array::New(env, x.ElementLength());
  if (liteq_quantize_uint8(x.Data(), x.ElementLength(), info[1].As<Napi::Number>().DoubleValue(),
                           info[2].As<Napi::Number>().Int32Value(), info[3].As<Napi::Number>().Int32Value(),
                           info[4].As<Napi::Number>().Int32Value(), out.Data()) != LITEQ_OK) {
    return ThrowError(env, liteq_last_error());
  }
  return out;
}

// quantizeInt8PerChannel(x: Float32Array, scales: Float32Array, inner: number, qmin: number, qmax: number) → Int8Array.
Napi::Value QuantizeInt8PerChannel(const Napi::CallbackInfo& info) {
  Napi::Env env = info.Env();
  if (info.Length() < 5 || !IsFloat32Array(info[0]) ||
      !IsFloat32Array(info[1]) || !info[2].IsNumber() ||
      !info[3].IsNumber() || !info[4].IsNumber()) {
    return ThrowError(env, "quantizeInt8PerChannel(x: Float32Array, scales: Float32Array, inner: number, qmin: number, qmax: number)");
  }
  const Napi::Float32Array x = info[0].As<Napi::Float32Array>();
  const Napi::Float32Array scales = info[1].As<Napi::Float32Array>();
  const int64_t inner = info[2].As<Napi::Number>().Int64Value();
  if (inner <= 0) return ThrowError(env, "quantizeInt8PerChannel: inner must be > 0");
  Napi::Int8Array out = Napi::Int8Array::New(env, x.ElementLength());
  if (liteq_quantize_int8_per_channel(x.Data(), x.ElementLength(), scales.Data(), scales.ElementLength(), static_cast<size_t>(inner),
                                      info[3].As<Napi::Number>().Int32Value(), info[4].As<Napi::Number>().Int32Value(),
                                      out.Data()) != LITEQ_OK) {
    return ThrowError(env, liteq_last_error());
  }
  return out;
}

// ---- Large files: memory-mapped input, an output arena outside the JS heap --------------------------

// Live file mappings (start → where they come from): read-only inputs (mapFile) and shared outputs
// (mapOutput). The bulk calls never touch them: their hooks read a mapped input's pieces with pread and
// write results meant for a mapped output with pwrite (ReadHook, WriteHook), so no page of either is
// mapped into this process (a file in the page cache is copied at memory speed; mapping it costs
// page-table work per page, which on a paravirtualized MMU is several times a copy, and a written
// mapping would get a zeroed page per fault first).
struct FileMapping {
  size_t size;
  int fd;        // a duplicate owned by the mapping: valid for as long as the mapping is
  off_t offset;  // of the mapping's first byte in the file
};
std::mutex g_maps_mu;
std::map<uintptr_t, FileMapping> g_inputs, g_outputs;

void Register(std::map<uintptr_t, FileMapping>& maps, const void* p, FileMapping m) {
  std::lock_guard<std::mutex> lock(g_maps_mu);
  maps[reinterpret_cast<uintptr_t>(p)] = m;
}

void Unregister(std::map<uintptr_t, FileMapping>& maps, const void* p) {
  int fd = -1;
  {
    std::lock_guard<std::mutex> lock(g_maps_mu);
    auto it = maps.find(reinterpret_cast<uintptr_t>(p));
    if (it == maps.end()) return;
    fd = it->second.fd;
    maps.erase(it);
  }
  close(fd);
}

// The file and offset behind [p, p + n) when it lies inside one mapping of `maps`. The descriptor stays
// open while the hooks use it: a mapping is unregistered (and its descriptor closed) by its
// ArrayBuffer's finalizer, which runs on the JS thread, and that thread is inside the bulk call.
bool FindFile(const std::map<uintptr_t, FileMapping>& maps, const void* p, size_t n, int* fd, off_t* at) {
  const uintptr_t a = reinterpret_cast<uintptr_t>(p);
  std::lock_guard<std::mutex> lock(g_maps_mu);
  auto it = maps.upper_bound(a);
  if (it == maps.begin()) return false;
  --it;
  if (a + n > it->first + it->second.size) return false;
  *fd = it->second.fd;
  *at = it->second.offset + static_cast<off_t>(a - it->first);
  return true;
}

// pread/pwrite of all n bytes: 0, or the errno.
template <typename Io, typename Buf>
int AllBytes(Io io, int fd, Buf p, size_t n, off_t at) {
  while (n > 0) {
    const ssize_t k = io(fd, p, n, at);
    if (k < 0) {
      if (errno == EINTR) continue;
      return errno;
    }
    if (k == 0) return EIO;  // (reading: the file was truncated under its mapping)
    p += k;
    at += k;
    n -= static_cast<size_t>(k);
  }
  return 0;
}

// The bulk calls' input pieces: from the file behind a mapped input, else copied from memory.
int ReadHook(void* dst, const void* src, size_t bytes, void*) {
  int fd = -1;
  off_t at = 0;
  if (!FindFile(g_inputs, src, bytes, &fd, &at)) {
    std::memcpy(dst, src, bytes);
    return 0;
  }
  return AllBytes(pread, fd, static_cast<char*>(dst), bytes, at);
}

// The bulk calls' results: into the file behind a mapped output (its page cache pages filled whole),
// else copied to where they belong.
int WriteHook(void* dst, const void* src, size_t bytes, void*) {
  int fd = -1;
  off_t at = 0;
  if (!FindFile(g_outputs, dst, bytes, &fd, &at)) {
    std::memcpy(dst, src, bytes);
    return 0;
  }
  return AllBytes(pwrite, fd, static_cast<const char*>(src), bytes, at);
}

const liteq_bulk_hooks kHooks = {ReadHook, WriteHook, nullptr};

// releasePages(view)'s work: the pages of [p, p + n), inside a mapped input, dropped from this process
// (MADV_DONTNEED; the page cache keeps them), after the caller has read it through the mapping.
void ReleaseRead(const void* p, size_t n) {
  int fd = -1;
  off_t at = 0;
  if (n == 0 || !FindFile(g_inputs, p, n, &fd, &at)) return;
  const uintptr_t page = static_cast<uintptr_t>(sysconf(_SC_PAGESIZE));
  const uintptr_t lo = (reinterpret_cast<uintptr_t>(p) + page - 1) / page * page;
  const uintptr_t hi = (reinterpret_cast<uintptr_t>(p) + n) / page * page;
  if (hi > lo) madvise(reinterpret_cast<void*>(lo), hi - lo, MADV_DONTNEED);
}

// Node makes no external ArrayBuffer past 4 GiB (node-addon-api then crashes on the failed creation),
// so larger files are mapped as windows: 4 GiB long, one every 1 GiB (core's formats/file-bytes.ts
// WINDOW_STRIDE), so any part of up to 3 GiB lies wholly inside one window.
constexpr size_t kMaxExternal = size_t{1} << 32;
constexpr size_t kWindowStride = size_t{1} << 30;

// One read-only mapping of [offset, offset + size) of fd as an ArrayBuffer (unmapped when collected);
// registered (with its own descriptor of the file) for the bulk calls' reads and ReleaseRead.
Napi::Value MapRange(Napi::Env env, int fd, size_t offset, size_t size, const std::string& path) {
  void* p = mmap(nullptr, size, PROT_READ, MAP_PRIVATE, fd, static_cast<off_t>(offset));
  if (p == MAP_FAILED) return ThrowError(env, path + ": mmap: " + std::strerror(errno));
  madvise(p, size, MADV_SEQUENTIAL);
  const int own = fcntl(fd, F_DUPFD_CLOEXEC, 0);
  if (own < 0) {
    const int e = errno;
    munmap(p, size);
    return ThrowError(env, path + ": dup: " + std::strerror(e));
  }
  Register(g_inputs, p, FileMapping{size, own, static_cast<off_t>(offset)});
  return Napi::ArrayBuffer::New(env, p, size, [size](Napi::Env, void* data) {
    Unregister(g_inputs, data);
    munmap(data, size);
  });
}

// mapFile(path: string) → ArrayBuffer over the whole file, read-only (PROT_READ: a write faults); past
// 4 GiB an array of windows (window i = bytes [i GiB, i GiB + 4 GiB) of the file, the last one to its end).
Napi::Value MapFile(const Napi::CallbackInfo& info) {
  Napi::Env env = info.Env();
  if (info.Length() < 1 || !info[0].IsString()) return ThrowError(env, "mapFile(path: string)");
  const std::string path = info[0].As<Napi::String>().Utf8Value();
  const int fd = open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) return ThrowError(env, path + ": " + std::strerror(errno));
  struct stat st;
  if (fstat(fd, &st) != 0) {
    const int e = errno;
    close(fd);
    return ThrowError(env, path + ": " + std::strerror(e));
  }
  const size_t size = static_cast<size_t>(st.st_size);
  Napi::Value result;
  if (size == 0) {
    result = Napi::ArrayBuffer::New(env, 0);
  } else if (size <= kMaxExternal) {
    result = MapRange(env, fd, 0, size, path);
  } else {
    const size_t windows = (size - kMaxExternal + kWindowStride - 1) / kWindowStride + 1;
    Napi::Array list = Napi::Array::New(env, windows);
    for (size_t i = 0; i < windows && !env.IsExceptionPending(); ++i) {
      const size_t at = i * kWindowStride;
      list.Set(static_cast<uint32_t>(i), MapRange(env, fd, at, std::min(kMaxExternal, size - at), path));
    }
    result = list;
  }
  close(fd);  // the mappings keep the file
  return env.IsExceptionPending() ? env.Undefined() : result;
}

// allocate(bytes: number) → zero-filled ArrayBuffer (of any size, as mapFile's) from an anonymous mapping: address space only until
// written (MAP_NORESERVE), transparent huge pages where the kernel allows. Outputs are built in it.
Napi::Value Allocate(const Napi::CallbackInfo& info) {
  Napi::Env env = info.Env();
  if (info.Length() < 1 || !info[0].IsNumber()) return ThrowError(env, "allocate(bytes: number)");
  const double want = info[0].As<Napi::Number>().DoubleValue();
  if (!(want >= 1) || want > static_cast<double>(kMaxExternal)) {
    return ThrowError(env, "allocate: bytes must be in [1, 4 GiB] (larger memory: a JS ArrayBuffer)");
  }
  const size_t size = static_cast<size_t>(want);
  void* p = mmap(nullptr, size, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE, -1, 0);
  if (p == MAP_FAILED) return ThrowError(env, std::string("allocate: mmap: ") + std::strerror(errno));
  return Napi::ArrayBuffer::New(env, p, size, [size](Napi::Env, void* data) { munmap(data, size); });
}

// mapOutput(fd: number, offset: number, bytes: number) → ArrayBuffer: bytes [offset, offset + bytes) of
// an open output file, mapped shared and writable (what is written lands in the file's page cache: no
// copy, no second set of pages), from the page boundary at or below offset (the ArrayBuffer then starts
// byteLength - bytes before offset). The caller makes the file that long and reserves its blocks
// (reserveFile) before writing a range: a write to an unreserved range of a full disk would fault.
// The bulk calls (quantizeWeightsInt8, toFloat16) given an `out` inside it write to the file instead.
Napi::Value MapOutput(const Napi::CallbackInfo& info) {
  Napi::Env env = info.Env();
  if (info.Length() < 3 || !info[0].IsNumber() || !info[1].IsNumber() || !info[2].IsNumber()) {
    return ThrowError(env, "mapOutput(fd: number, offset: number, bytes: number)");
  }
  const int fd = info[0].As<Napi::Number>().Int32Value();
  const double offset = info[1].As<Napi::Number>().DoubleValue(), want = info[2].As<Napi::Number>().DoubleValue();
  const size_t page = static_cast<size_t>(sysconf(_SC_PAGESIZE));
  if (!(offset >= 0) || !(want >= 1) || offset + want > 9.0e15) return ThrowError(env, "mapOutput: bad offset or size");
  const size_t at = static_cast<size_t>(offset) / page * page;
  const size_t size = static_cast<size_t>(offset) - at + static_cast<size_t>(want);
  if (size > kMaxExternal) return ThrowError(env, "mapOutput: more than 4 GiB");
  void* p = mmap(nullptr, size, PROT_READ | PROT_WRITE, MAP_SHARED, fd, static_cast<off_t>(at));
  if (p == MAP_FAILED) return ThrowError(env, std::string("mapOutput: mmap: ") + std::strerror(errno));
  // The bulk calls write results meant for this mapping through the file (WriteHook).
  const int own = fcntl(fd, F_DUPFD_CLOEXEC, 0);
  if (own < 0) {
    const int e = errno;
    munmap(p, size);
    return ThrowError(env, std::string("mapOutput: dup: ") + std::strerror(e));
  }
  Register(g_outputs, p, FileMapping{size, own, static_cast<off_t>(at)});
  return Napi::ArrayBuffer::New(env, p, size, [size](Napi::Env, void* data) {
    Unregister(g_outputs, data);
    munmap(data, size);
  });
}

// reserveFile(fd: number, offset: number, bytes: number) → 0, or the errno of fallocate(2) (ENOSPC: the
// disk is full; EOPNOTSUPP: the file system cannot reserve, so the caller writes another way).
Napi::Value ReserveFile(const Napi::CallbackInfo& info) {
  Napi::Env env = info.Env();
  if (info.Length() < 3 || !info[0].IsNumber() || !info[1].IsNumber() || !info[2].IsNumber()) {
    return ThrowError(env, "reserveFile(fd: number, offset: number, bytes: number)");
  }
  const int fd = info[0].As<Napi::Number>().Int32Value();
  const off_t offset = static_cast<off_t>(info[1].As<Napi::Number>().DoubleValue());
  const off_t bytes = static_cast<off_t>(info[2].As<Napi::Number>().DoubleValue());
  int rc = 0;
  if (bytes > 0) {
    do {
      rc = fallocate(fd, 0, offset, bytes) == 0 ? 0 : errno;
    } while (rc == EINTR);
  }
  return Napi::Number::New(env, rc);
}

// releasePages(view: TypedArray): drops the pages of a read range of a mapped file from this process.
Napi::Value ReleasePages(const Napi::CallbackInfo& info) {
  if (info.Length() >= 1 && info[0].IsTypedArray()) {
    const Napi::TypedArray t = info[0].As<Napi::TypedArray>();
    ReleaseRead(static_cast<const uint8_t*>(t.ArrayBuffer().Data()) + t.ByteOffset(), t.ByteLength());
  }
  return info.Env().Undefined();
}

template <typename T>
bool OptionalOut(const Napi::CallbackInfo& info, size_t i, napi_typedarray_type type, size_t length, T** out) {
  *out = nullptr;
  if (info.Length() <= i || info[i].IsUndefined()) return true;
  if (!info[i].IsTypedArray() || info[i].As<Napi::TypedArray>().TypedArrayType() != type) return false;
  Napi::TypedArray t = info[i].As<Napi::TypedArray>();
  if (t.ElementLength() != length) return false;
  *out = reinterpret_cast<T*>(static_cast<uint8_t*>(t.ArrayBuffer().Data()) + t.ByteOffset());
  return true;
}

// quantizeWeightsInt8(x: Float32Array, channels: number, inner: number, qmax: number, out?: Int8Array)
//   → { data: Int8Array, scales: Float32Array } | { badIndex: number }  (liteq_quantize_int8_symmetric)
Napi::Value QuantizeWeightsInt8(const Napi::CallbackInfo& info) {
  Napi::Env env = info.Env();
  const char* usage = "quantizeWeightsInt8(x: Float32Array, channels: number, inner: number, qmax: number, out?: Int8Array)";
  if (info.Length() < 4 || !IsFloat32Array(info[0]) ||
      !info[1].IsNumber() || !info[2].IsNumber() || !info[3].IsNumber()) {
    return ThrowError(env, usage);
  }
  const Napi::Float32Array x = info[0].As<Napi::Float32Array>();
  const int64_t channels = info[1].As<Napi::Number>().Int64Value();
  const int64_t inner = info[2].As<Napi::Number>().Int64Value();
  if (channels <= 0 || inner <= 0) return ThrowError(env, "quantizeWeightsInt8: channels and inner must be > 0");
  int8_t* out = nullptr;
  if (!OptionalOut(info, 4, napi_int8_array, x.ElementLength(), &out)) return ThrowError(env, std::string(usage) + ": out must be an Int8Array of x's length");
  Napi::Value data = out != nullptr ? info[4] : Napi::Int8Array::New(env, x.ElementLength());
  if (out == nullptr) out = data.As<Napi::Int8Array>().Data();
  Napi::Float32Array scales = Napi::Float32Array::New(env, static_cast<size_t>(channels));
  size_t bad = 0;
  const int status = liteq_quantize_int8_symmetric(x.Data(), x.ElementLength(), static_cast<size_t>(channels), static_cast<size_t>(inner),
                                                   info[3].As<Napi::Number>().Int32Value(), scales.Data(), out, &bad, &kHooks);
  Napi::Object r = Napi::Object::New(env);
  if (status != LITEQ_OK) {
    if (bad == static_cast<size_t>(-1)) return ThrowStatus(env, status);
    r.Set("badIndex", Napi::Number::New(env, static_cast<double>(bad)));
    return r;
  }
  r.Set("data", data);
  r.Set("scales", scales);
  return r;
}

// minMax(x: Float32Array) → { min, max } over x and 0 (liteq_min_max).
Napi::Value MinMax(const Napi::CallbackInfo& info) {
  Napi::Env env = info.Env();
  if (info.Length() < 1 || !IsFloat32Array(info[0])) {
    return ThrowError(env, "minMax(x: Float32Array)");
  }
  const Napi::Float32Array x = info[0].As<Napi::Float32Array>();
  float lo = 0, hi = 0;
  const int status = liteq_min_max(x.Data(), x.ElementLength(), &lo, &hi);
  if (status != LITEQ_OK) return ThrowStatus(env, status);
  Napi::Object r = Napi::Object::New(env);
  r.Set("min", Napi::Number::New(env, lo));
  r.Set("max", Napi::Number::New(env, hi));
  return r;
}

// toFloat16(x: Float32Array, out?: Uint16Array) → Uint16Array (liteq_float_to_half).
Napi::Value ToFloat16(const Napi::CallbackInfo& info) {
  Napi::Env env = info.Env();
  if (info.Length() < 1 || !IsFloat32Array(info[0])) {
    return ThrowError(env, "toFloat16(x: Float32Array, out?: Uint16Array)");
  }
  const Napi::Float32Array x = info[0].As<Napi::Float32Array>();
  uint16_t* out = nullptr;
  if (!OptionalOut(info, 1, napi_uint16_array, x.ElementLength(), &out)) return ThrowError(env, "toFloat16: out must be a Uint16Array of x's length");
  Napi::Value data = out != nullptr ? info[1] : Napi::Uint16Array::New(env, x.ElementLength());
  if (out == nullptr) out = data.As<Napi::Uint16Array>().Data();
  const int status = liteq_float_to_half(x.Data(), x.ElementLength(), out, &kHooks);
  if (status != LITEQ_OK) return ThrowStatus(env, status);
  return data;
}

Napi::Object Init(Napi::Env env, Napi::Object exports) {
  exports.Set("version", Napi::Function::New(env, Version, "version"));
  exports.Set("abiVersion", Napi::Function::New(env, AbiVersion, "abiVersion"));
  exports.Set("cpuFeatures", Napi::Function::New(env, CpuFeatures, "cpuFeatures"));
  exports.Set("activeIsa", Napi::Function::New(env, ActiveIsa, "activeIsa"));
  exports.Set("kernelNames", Napi::Function::New(env, KernelNames, "kernelNames"));
  exports.Set("createPlan", Napi::Function::New(env, CreatePlan, "createPlan"));
  exports.Set("disposePlan", Napi::Function::New(env, DisposePlan, "disposePlan"));
  exports.Set("planMemory", Napi::Function::New(env, PlanMemory, "planMemory"));
  exports.Set("runPlanSync", Napi::Function::New(env, RunPlanSync, "runPlanSync"));
  exports.Set("runPlan", Napi::Function::New(env, RunPlan, "runPlan"));
  exports.Set("quantizeUint8", Napi::Function::New(env, QuantizeUint8, "quantizeUint8"));
  exports.Set("quantizeInt8PerChannel", Napi::Function::New(env, QuantizeInt8PerChannel, "quantizeInt8PerChannel"));
  exports.Set("quantizeWeightsInt8", Napi::Function::New(env, QuantizeWeightsInt8, "quantizeWeightsInt8"));
  exports.Set("toFloat16", Napi::Function::New(env, ToFloat16, "toFloat16"));
  exports.Set("minMax", Napi::Function::New(env, MinMax, "minMax"));
  exports.Set("mapFile", Napi::Function::New(env, MapFile, "mapFile"));
  exports.Set("allocate", Napi::Function::New(env, Allocate, "allocate"));
  exports.Set("releasePages", Napi::Function::New(env, ReleasePages, "releasePages"));
  exports.Set("mapOutput", Napi::Function::New(env, MapOutput, "mapOutput"));
  exports.Set("reserveFile", Napi::Function::New(env, ReserveFile, "reserveFile"));
  return exports;
}

}  // namespace

NODE_API_MODULE(liteq, Init)
