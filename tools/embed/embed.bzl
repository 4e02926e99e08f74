"""cc_embedded_data: compiles data files into a C++ library."""

load("@rules_cc//cc:defs.bzl", "cc_library")

def cc_embedded_data(name, srcs, namespace, header, **kwargs):
    """A cc_library whose `header` declares
    `absl::string_view EmbeddedFile(absl::string_view basename)` in
    `namespace`, returning the contents of the data file of that base name.

    Args:
      name: name of the cc_library.
      srcs: the data files.
      namespace: C++ namespace of EmbeddedFile.
      header: the hand-written header that declares EmbeddedFile.
      **kwargs: passed to the cc_library.
    """
    out = name + "_embedded.cc"
    native.genrule(
        name = name + "_gen",
        srcs = srcs,
        outs = [out],
        cmd = "$(location //tools/embed:embed_files) $@ %s $(SRCS)" % namespace,
        tools = ["//tools/embed:embed_files"],
    )
    cc_library(
        name = name,
        srcs = [out],
        hdrs = [header],
        deps = ["@system//:absl"],
        **kwargs
    )
