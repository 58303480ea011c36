# CMake has no platform file for WASI (wasm32-wasi); this empty one keeps it from warning. Everything
# the build needs is set in ../wasm32-wasi.cmake and in native/CMakeLists.txt (LITEQ_WASM).
set(CMAKE_EXECUTABLE_SUFFIX ".wasm")
