# Install rules and the CMake package `QuantMLIR` (included from the
# top-level CMakeLists.txt after lib/ and tools/).
#
#   cmake --install build --prefix P
#
# puts into P:
#   bin/                       quant-opt, quant-translate, quant-compile,
#                              quant-run
#   lib/                       every library of lib/ (static archives)
#   include/quant/             the public headers (include/quant/**) and the
#                              TableGen output (*.h.inc from build/include)
#   lib/cmake/QuantMLIR/       QuantMLIRConfig.cmake, its version file and
#                              QuantMLIRTargets.cmake (imported targets
#                              QuantMLIR::<library> and QuantMLIR::<tool>)
#
# An out-of-tree project then does find_package(QuantMLIR REQUIRED CONFIG)
# with CMAKE_PREFIX_PATH=P; examples/out-of-tree/ is one, built and run by
# the ctest test package/out-of-tree (test/package/).
include(CMakePackageConfigHelpers)
include(GNUInstallDirs)

set(QUANT_INSTALL_PACKAGEDIR ${CMAKE_INSTALL_LIBDIR}/cmake/QuantMLIR)

# The libraries: every library target defined under lib/, found by walking
# the directory tree, so a new library is installed and exported without
# editing this file.
function(quant_collect_libraries dir out)
  get_property(targets DIRECTORY ${dir} PROPERTY BUILDSYSTEM_TARGETS)
  set(libs)
  foreach(target ${targets})
    get_target_property(type ${target} TYPE)
    if(type STREQUAL "STATIC_LIBRARY" OR type STREQUAL "SHARED_LIBRARY")
      list(APPEND libs ${target})
    endif()
  endforeach()
  get_property(subdirs DIRECTORY ${dir} PROPERTY SUBDIRECTORIES)
  foreach(subdir ${subdirs})
    quant_collect_libraries(${subdir} sublibs)
    list(APPEND libs ${sublibs})
  endforeach()
  set(${out} ${libs} PARENT_SCOPE)
endfunction()
quant_collect_libraries(${PROJECT_SOURCE_DIR}/lib QUANT_EXPORTED_LIBRARIES)

# The tools users run; qnn-ref (test/e2e/ref) is the test suite's reference
# evaluator, not a tool, and is not installed.
set(QUANT_INSTALLED_TOOLS quant-opt quant-translate quant-compile quant-run)

foreach(lib ${QUANT_EXPORTED_LIBRARIES})
  # Consumers compile our headers (and MLIR's) as C++17.
  target_compile_features(${lib} INTERFACE cxx_std_17)
endforeach()

foreach(tool ${QUANT_INSTALLED_TOOLS})
  # add_llvm_executable's install RPATH is $ORIGIN/../lib only; libMLIR.so
  # lives in LLVM's library directory, which is not on the loader's path.
  set_property(TARGET ${tool} APPEND PROPERTY INSTALL_RPATH "${LLVM_LIBRARY_DIR}")
endforeach()

install(TARGETS ${QUANT_EXPORTED_LIBRARIES} ${QUANT_INSTALLED_TOOLS}
  EXPORT QuantMLIRTargets
  ARCHIVE DESTINATION ${CMAKE_INSTALL_LIBDIR}
  LIBRARY DESTINATION ${CMAKE_INSTALL_LIBDIR}
  RUNTIME DESTINATION ${CMAKE_INSTALL_BINDIR}
  INCLUDES DESTINATION ${CMAKE_INSTALL_INCLUDEDIR})

install(DIRECTORY ${PROJECT_SOURCE_DIR}/include/quant
  DESTINATION ${CMAKE_INSTALL_INCLUDEDIR}
  FILES_MATCHING PATTERN "*.h" PATTERN "*.td")
install(DIRECTORY ${PROJECT_BINARY_DIR}/include/quant
  DESTINATION ${CMAKE_INSTALL_INCLUDEDIR}
  FILES_MATCHING PATTERN "*.h.inc"
  PATTERN "CMakeFiles" EXCLUDE)

install(EXPORT QuantMLIRTargets
  NAMESPACE QuantMLIR::
  DESTINATION ${QUANT_INSTALL_PACKAGEDIR})

# QuantMLIRConfig.cmake finds the MLIR (and LLVM) this build used, and ONNX
# and protobuf, which the static QuantONNXImport needs at link time.
configure_package_config_file(
  ${CMAKE_CURRENT_LIST_DIR}/QuantMLIRConfig.cmake.in
  ${PROJECT_BINARY_DIR}/lib/cmake/QuantMLIR/QuantMLIRConfig.cmake
  INSTALL_DESTINATION ${QUANT_INSTALL_PACKAGEDIR}
  PATH_VARS CMAKE_INSTALL_INCLUDEDIR CMAKE_INSTALL_BINDIR)
write_basic_package_version_file(
  ${PROJECT_BINARY_DIR}/lib/cmake/QuantMLIR/QuantMLIRConfigVersion.cmake
  VERSION ${PROJECT_VERSION}
  COMPATIBILITY SameMinorVersion)
install(FILES
  ${PROJECT_BINARY_DIR}/lib/cmake/QuantMLIR/QuantMLIRConfig.cmake
  ${PROJECT_BINARY_DIR}/lib/cmake/QuantMLIR/QuantMLIRConfigVersion.cmake
  DESTINATION ${QUANT_INSTALL_PACKAGEDIR})
