"""cc_fuzz_target: a libFuzzer target and the test that replays its inputs."""

load("@rules_cc//cc:defs.bzl", "cc_binary", "cc_test")

def cc_fuzz_target(name, srcs, deps, corpus = []):
    """Defines `name`, a libFuzzer binary, and `name + "_replay_test"`.

    The binary is tagged manual: it is built with --config=fuzz (clang and
    libFuzzer, see .bazelrc and tools/fuzz.sh), where it links
    -fsanitize=fuzzer; in any other configuration it links the replay main
    instead and replays the files given as arguments. The test, built with
    the default toolchain, replays every file of `corpus`, of
    seeds/<name>/ and of regressions/<name>/.

    Args:
      name: name of the fuzz target; its harness defines
        LLVMFuzzerTestOneInput.
      srcs: the harness.
      deps: what the harness uses.
      corpus: more labels of seed inputs (files or filegroups).
    """
    inputs = native.glob(
        ["seeds/%s/**" % name, "regressions/%s/**" % name],
        allow_empty = True,
    )
    cc_binary(
        name = name,
        testonly = True,
        srcs = srcs,
        deps = deps + select({
            ":libfuzzer": [],
            "//conditions:default": [":replay_main"],
        }),
        linkopts = select({
            ":libfuzzer": ["-fsanitize=fuzzer"],
            "//conditions:default": [],
        }),
        tags = ["manual"],
    )
    cc_test(
        name = name + "_replay_test",
        size = "small",
        srcs = srcs,
        data = inputs + corpus,
        args = ["$(location %s)" % f for f in inputs] +
               ["$(locations %s)" % c for c in corpus],
        deps = deps + [":replay_main"],
    )
