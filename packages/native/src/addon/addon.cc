// Registers the addon's functions. Only marshalling lives here: every call validates in JS, crosses
// once, and reports failures as JS errors carrying liteq_last_error() — never a C++ exception.
#include <napi.h>

#include "liteq/liteq.h"

namespace {

Napi::Value Version(const Napi::CallbackInfo& info) { return Napi::String::New(info.Env(), liteq_version()); }

Napi::Value AbiVersion(const Napi::CallbackInfo& info) { return Napi::Number::New(info.Env(), liteq_abi_version()); }

Napi::Value CpuFeatures(const Napi::CallbackInfo& info) {
  return Napi::Number::New(info.Env(), static_cast<double>(liteq_cpu_features()));
}

Napi::Object Init(Napi::Env env, Napi::Object exports) {
  exports.Set("version", Napi::Function::New(env, Version, "version"));
  exports.Set("abiVersion", Napi::Function::New(env, AbiVersion, "abiVersion"));
  exports.Set("cpuFeatures", Napi::Function::New(env, CpuFeatures, "cpuFeatures"));
  return exports;
}

}  // namespace

NODE_API_MODULE(liteq, Init)
