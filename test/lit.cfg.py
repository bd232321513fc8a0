# -*- Python -*-
# lit configuration of the quant-mlir regression suite. Tools come from the
# build tree (quant-opt, ...) and from LLVM 22 (FileCheck, not, count): never
# from PATH, where an older LLVM may live.

import os

import lit.formats
from lit.llvm import llvm_config
from lit.llvm.subst import ToolSubst

config.name = "QUANT"
config.test_format = lit.formats.ShTest(not llvm_config.use_lit_shell)
config.suffixes = [".mlir"]
config.excludes = ["Inputs", "CMakeLists.txt", "lit.cfg.py", "lit.site.cfg.py"]
config.test_source_root = os.path.dirname(__file__)
config.test_exec_root = os.path.join(config.quant_obj_root, "test")

config.substitutions.append(("%PATH%", config.environment["PATH"]))
config.substitutions.append(("%quant_src_root", config.quant_src_root))

llvm_config.with_system_environment(["HOME", "INCLUDE", "LIB", "TMP", "TEMP"])
llvm_config.use_default_substitutions()

# FileCheck, not and count from LLVM 22 first, then our tools.
llvm_config.with_environment("PATH", config.llvm_tools_dir, append_path=True)
llvm_config.with_environment("PATH", config.quant_tools_dir, append_path=True)

# %onnx_node: the ONNX backend node tests (test_*/model.onnx); tests over them
# say `REQUIRES: onnx-testdata`.
config.substitutions.append(("%onnx_node", config.onnx_testdata_dir))
if os.path.isdir(config.onnx_testdata_dir):
    config.available_features.add("onnx-testdata")

tools = ["quant-opt", "quant-translate", "quant-compile", "quant-run", "qnn-ref"]
llvm_config.add_tool_substitutions(tools, [config.quant_tools_dir])

# End-to-end tests: the driver script, a C compiler from LLVM 22 (never the
# clang on PATH), and the host's vector extensions as lit features.
config.substitutions.append(
    ("%e2e-check", "bash " + os.path.join(config.test_source_root, "e2e",
                                         "e2e-check.sh")))
config.substitutions.append(
    ("%clang", os.path.join(config.llvm_tools_dir, "clang")))
# AArch64: cross-compiled, linked with aarch64-linux-gnu-gcc, run under
# qemu-aarch64 (Debian's qemu-user, gcc-aarch64-linux-gnu,
# libc6-dev-arm64-cross).
config.substitutions.append(
    ("%aarch64-check", "bash " + os.path.join(config.test_source_root, "e2e",
                                             "aarch64-check.sh")))
for tool, package in [("/usr/bin/qemu-aarch64", "qemu-user"),
                      ("/usr/bin/aarch64-linux-gnu-gcc",
                       "gcc-aarch64-linux-gnu")]:
    if not os.access(tool, os.X_OK):
        lit_config.fatal("%s is missing: run scripts/install-deps.sh "
                         "(package %s)" % (tool, package))

# Every external tool a RUN line calls must be there: a missing one is a
# missing install step (scripts/install-deps.sh), reported before any test
# runs rather than as scattered "No such file" failures.
for tool in ["clang", "FileCheck", "not", "count"]:
    if not os.access(os.path.join(config.llvm_tools_dir, tool), os.X_OK):
        lit_config.fatal(
            "%s is missing from %s: run scripts/install-deps.sh (package "
            "%s)" % (tool, config.llvm_tools_dir,
                     "clang-22" if tool == "clang" else "llvm-22-tools"))

# %python: /usr/bin/python3 with numpy (tests that say REQUIRES: python-numpy).
import subprocess
config.substitutions.append(("%python", "/usr/bin/python3"))
try:
    if subprocess.call(["/usr/bin/python3", "-c", "import numpy"],
                       stdout=subprocess.DEVNULL,
                       stderr=subprocess.DEVNULL) == 0:
        config.available_features.add("python-numpy")
except OSError:
    pass
try:
    with open("/proc/cpuinfo") as f:
        flags = set()
        for line in f:
            if line.startswith("flags"):
                flags.update(line.split(":", 1)[1].split())
    for feature in ["avx2", "avx512f", "avx512_vnni", "avx_vnni"]:
        if feature in flags:
            config.available_features.add("host-" + feature.replace("_", ""))
except OSError:
    pass
