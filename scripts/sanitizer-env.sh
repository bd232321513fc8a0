# Sourced by scripts/test.sh --sanitize and scripts/fuzz.sh: the runtime
# options of the sanitized tools. Every report aborts (a signal, so `not`
# in a lit RUN line cannot mistake it for an ordinary error exit) and is
# symbolized; leaks are reported (LSan runs at exit of every tool). Values
# already in the environment win.
# allow_user_poisoning=0 is required: LLVM's BumpPtrAllocator (the
# StorageUniquer's arena) poisons fresh slabs and unpoisons what it hands
# out when compiled with ASan, i.e. in our inlined copies, but the copies
# in the uninstrumented libMLIR.so allocate from the same arenas without
# unpoisoning, and ASan then reports every write of libMLIR there as a
# use-after-poison. The fuzz targets set the same in
# __asan_default_options.
llvm_symbolizer=/usr/lib/llvm-22/bin/llvm-symbolizer
export ASAN_SYMBOLIZER_PATH=${ASAN_SYMBOLIZER_PATH:-$llvm_symbolizer}
export ASAN_OPTIONS=${ASAN_OPTIONS:-abort_on_error=1:allow_user_poisoning=0:detect_leaks=1:strict_string_checks=1:check_initialization_order=1}
export UBSAN_OPTIONS=${UBSAN_OPTIONS:-print_stacktrace=1:halt_on_error=1:abort_on_error=1}
export LSAN_OPTIONS=${LSAN_OPTIONS:-print_suppressions=0}
unset llvm_symbolizer
