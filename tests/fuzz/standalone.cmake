# Included with -DCMAKE_PROJECT_INCLUDE=<checkout>/tests/fuzz/standalone.cmake (scripts/fuzz.sh
# does this): adds tests/fuzz right after project(), so a fuzz build directory can be configured
# with NEWSGRAPH_TESTS=OFF (no unit tests to build). The library targets it links are defined
# later by the top-level CMakeLists; CMake resolves target names at generate time. If
# tests/CMakeLists.txt adds tests/fuzz as well, that second inclusion returns at once.
add_subdirectory(${CMAKE_SOURCE_DIR}/tests/fuzz ${CMAKE_BINARY_DIR}/tests/fuzz)
