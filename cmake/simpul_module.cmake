# simpul_module(NAME [SEAM] SOURCES ... DEPENDS ... TESTS ...)
# Every module is wired the same way: a static library simpul_<NAME> with src/ on the include path,
# and one GoogleTest executable for the module's *_test.cpp files, registered with CTest.
# SEAM marks a domain module on the module seam (docs/adding-a-module.md): the composition root
# (src/app) links every one of them without naming it.
function(simpul_module NAME)
  cmake_parse_arguments(MOD "SEAM" "" "SOURCES;DEPENDS;TESTS" ${ARGN})
  add_library(simpul_${NAME} STATIC ${MOD_SOURCES})
  target_include_directories(simpul_${NAME} PUBLIC ${PROJECT_SOURCE_DIR}/src ${PROJECT_BINARY_DIR}/generated)
  if(MOD_SEAM)
    set_property(GLOBAL APPEND PROPERTY SIMPUL_SEAM_MODULES simpul_${NAME})
  endif()
  target_link_libraries(simpul_${NAME} PUBLIC ${MOD_DEPENDS})
  if(MOD_TESTS)
    add_executable(simpul_${NAME}_tests ${MOD_TESTS})
    target_link_libraries(simpul_${NAME}_tests PRIVATE simpul_${NAME} simpul_testing GTest::gtest_main)
    # Only tests read files from the source tree; libraries compile the same in every checkout
    # (so a compiler cache serves several worktrees).
    target_compile_definitions(simpul_${NAME}_tests PRIVATE SIMPUL_SOURCE_DIR="${PROJECT_SOURCE_DIR}")
    include(GoogleTest)
    gtest_discover_tests(simpul_${NAME}_tests DISCOVERY_TIMEOUT 60 PROPERTIES TIMEOUT 300)
  endif()
endfunction()
