"""cc_proto_library for an offline build: runs Debian's protoc from a genrule."""

load("@rules_cc//cc:defs.bzl", "cc_library")

def cc_proto(name, srcs, imports = [], deps = [], **kwargs):
    """Compiles .proto files of this package into a C++ library.

    Args:
      name: name of the resulting cc_library.
      srcs: .proto files of this package to generate code for.
      imports: other .proto files (any package) that srcs import.
      deps: the cc_proto libraries generated from `imports`.
      **kwargs: passed to the cc_library (visibility, testonly).
    """
    stems = [s[:-len(".proto")] for s in srcs]
    hdrs = [s + ".pb.h" for s in stems]
    cc_srcs = [s + ".pb.cc" for s in stems]
    native.genrule(
        name = name + "_gen",
        srcs = srcs + imports,
        outs = hdrs + cc_srcs,
        cmd = "$(location @system//:protoc) --proto_path=. --cpp_out=$(GENDIR) " +
              " ".join(["$(location %s)" % s for s in srcs]),
        tools = ["@system//:protoc"],
        testonly = kwargs.get("testonly", False),
    )
    cc_library(
        name = name,
        srcs = cc_srcs,
        hdrs = hdrs,
        deps = deps + ["@system//:protobuf"],
        **kwargs
    )
