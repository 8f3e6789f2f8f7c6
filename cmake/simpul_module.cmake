# simpul_module(NAME [SEAM] [OPENAPI namespace] SOURCES ... DEPENDS ... TESTS ...)
# Every module is wired the same way: a static library simpul_<NAME> with src/ on the include path,
# and one GoogleTest executable for the module's *_test.cpp files, registered with CTest.
# SEAM marks a domain module on the module seam (docs/adding-a-module.md): the composition root
# (src/app) links every one of them without naming it.
# OPENAPI names the module's C++ namespace: its openapi/*.json files (the module's part of the API
# contract, one file per resource) become that namespace's openapi_fragments().
function(simpul_module NAME)
  cmake_parse_arguments(MOD "SEAM" "OPENAPI" "SOURCES;DEPENDS;TESTS" ${ARGN})
  if(MOD_OPENAPI)
    file(GLOB contract CONFIGURE_DEPENDS ${CMAKE_CURRENT_SOURCE_DIR}/openapi/*.json)
    list(SORT contract)
    set(embedded ${PROJECT_BINARY_DIR}/generated/openapi/${NAME}_openapi.cpp)
    add_custom_command(
      OUTPUT ${embedded}
      COMMAND ${CMAKE_COMMAND} -DNAMESPACE=${MOD_OPENAPI} -DOUTPUT=${embedded} "-DINPUTS=${contract}"
              -P ${PROJECT_SOURCE_DIR}/cmake/embed_openapi.cmake
      DEPENDS ${contract} ${PROJECT_SOURCE_DIR}/cmake/embed_openapi.cmake
      COMMENT "Embedding the ${NAME} API contract"
      VERBATIM)
    list(APPEND MOD_SOURCES ${embedded})
  endif()
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
