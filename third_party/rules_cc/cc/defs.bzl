"""Re-exports Bazel's native C++ rules under the @rules_cc names.

Debian's bazel-rules-cc targets newer Bazel releases than Debian's
bazel-bootstrap (4.2.3), so the workspace uses this shim instead. Bazel's own
@bazel_tools loads several of these names, so all of them are exported.
"""

def cc_library(**kwargs):
    native.cc_library(**kwargs)

def cc_binary(**kwargs):
    native.cc_binary(**kwargs)

def cc_test(**kwargs):
    native.cc_test(**kwargs)

def cc_import(**kwargs):
    native.cc_import(**kwargs)

def cc_toolchain(**kwargs):
    native.cc_toolchain(**kwargs)

def cc_toolchain_suite(**kwargs):
    native.cc_toolchain_suite(**kwargs)

def cc_proto_library(**kwargs):
    native.cc_proto_library(**kwargs)

def objc_library(**kwargs):
    native.objc_library(**kwargs)
