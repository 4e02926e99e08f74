"""Re-exports Bazel's native Java rules under the @rules_java names.

crosscheck has no Java code, but Bazel 4.2.3's @bazel_tools loads these
names while registering its default toolchains; the real @rules_java is a
download, which an offline build cannot make.
"""

def java_binary(**kwargs):
    native.java_binary(**kwargs)

def java_import(**kwargs):
    native.java_import(**kwargs)

def java_library(**kwargs):
    native.java_library(**kwargs)

def java_runtime(**kwargs):
    native.java_runtime(**kwargs)

def java_toolchain(**kwargs):
    native.java_toolchain(**kwargs)
