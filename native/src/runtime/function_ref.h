// A non-owning reference to a callable, for the thread pool's loops: unlike std::function it never
// allocates (a lambda capturing more than two references would make std::function take heap memory on
// every ParallelFor, i.e. in every op of every inference). The referenced callable must outlive the
// call it is passed to, which holds for a lambda written in the call's argument list.
#ifndef LITEQ_RUNTIME_FUNCTION_REF_H_
#define LITEQ_RUNTIME_FUNCTION_REF_H_

#include <memory>
#include <type_traits>
#include <utility>

namespace liteq {

template <typename Signature>
class FunctionRef;

template <typename R, typename... Args>
class FunctionRef<R(Args...)> {
 public:
  template <typename F, typename = std::enable_if_t<!std::is_same<std::decay_t<F>, FunctionRef>::value>>
  FunctionRef(F&& f)  // NOLINT(google-explicit-constructor): used like std::function
      : object_(const_cast<void*>(static_cast<const void*>(std::addressof(f)))),
        call_([](void* object, Args... args) -> R { return (*static_cast<std::remove_reference_t<F>*>(object))(std::forward<Args>(args)...); }) {}

  R operator()(Args... args) const { return call_(object_, std::forward<Args>(args)...); }

 private:
  void* object_;
  R (*call_)(void*, Args...);
};

}  // namespace liteq

#endif  // LITEQ_RUNTIME_FUNCTION_REF_H_
