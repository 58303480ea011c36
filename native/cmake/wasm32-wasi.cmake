# Toolchain for native/ as WebAssembly (wasm32-wasi, SIMD128): Debian's clang + lld + wasi-libc +
# libc++ for wasm32 (packages clang-14 lld-14 wasi-libc libc++-14-dev-wasm32 libc++abi-14-dev-wasm32
# libclang-rt-14-dev-wasm32). Single-threaded, no exceptions: allocation failures are reported as
# LITEQ_E_OUT_OF_MEMORY by the runtime itself.
#   cmake -S native -B build/wasm -DCMAKE_TOOLCHAIN_FILE=native/cmake/wasm32-wasi.cmake
list(APPEND CMAKE_MODULE_PATH ${CMAKE_CURRENT_LIST_DIR})
set(CMAKE_SYSTEM_NAME WASI)
set(CMAKE_SYSTEM_VERSION 1)
set(CMAKE_SYSTEM_PROCESSOR wasm32)
set(triple wasm32-wasi)

find_program(LITEQ_WASM_CLANG NAMES clang-14 clang REQUIRED)
find_program(LITEQ_WASM_CLANGXX NAMES clang++-14 clang++ REQUIRED)
set(CMAKE_C_COMPILER ${LITEQ_WASM_CLANG})
set(CMAKE_CXX_COMPILER ${LITEQ_WASM_CLANGXX})
set(CMAKE_C_COMPILER_TARGET ${triple})
set(CMAKE_CXX_COMPILER_TARGET ${triple})
set(CMAKE_C_FLAGS_INIT "-msimd128")
set(CMAKE_CXX_FLAGS_INIT "-msimd128 -fno-exceptions")
set(CMAKE_EXECUTABLE_SUFFIX ".wasm")
set(CMAKE_TRY_COMPILE_TARGET_TYPE STATIC_LIBRARY)
set(CMAKE_FIND_ROOT_PATH_MODE_PROGRAM NEVER)
set(CMAKE_FIND_ROOT_PATH_MODE_LIBRARY ONLY)
set(CMAKE_FIND_ROOT_PATH_MODE_INCLUDE ONLY)
set(LITEQ_WASM ON)
