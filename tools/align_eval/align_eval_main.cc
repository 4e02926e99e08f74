// align_eval: scores crosscheck's comparison report on fixture stories
// against their planted items (expected.textproto): precision and recall of
// DISCREPANCY verdicts and of groups, and traps flagged. See
// docs/accuracy.md, "Alignment".

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <iostream>
#include <sstream>
#include <string>
#include <vector>

#include "absl/flags/flag.h"
#include "absl/status/statusor.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "google/protobuf/text_format.h"
#include "proto/crosscheck/v1/expectation.pb.h"
#include "proto/crosscheck/v1/report.pb.h"
#include "src/base/flag_parse.h"
#include "src/cli/cli.h"
#include "tools/align_eval/score.h"
#include "tools/eval_io/eval_io.h"

ABSL_FLAG(bool, failures, false,
          "also list every missed item, flagged trap and wrong group");

namespace {

namespace fs = std::filesystem;
using crosscheck::align_eval::Ratio;
using crosscheck::align_eval::StoryScore;

constexpr int kExitOk = 0;
constexpr int kExitUsage = 2;

constexpr char kUsage[] =
    R"(align_eval: crosscheck's alignment verdicts on fixture stories

usage:
  bazel run -c opt //tools/align_eval -- [--failures] [STORY_DIR...]

Runs `crosscheck report` over the *.txt articles of each story directory
and scores the report against the story's expected.textproto: for each
story, planted items found, recall and precision of DISCREPANCY verdicts,
recall and precision of groups, and traps flagged. Without a directory,
every fixture story under <workspace>/fixtures. Rules: docs/accuracy.md,
"Alignment".

flags:
  --failures    also list every missed item, flagged trap and wrong group

Paths are relative to the directory bazel run was started in.

exit status: 0 success; 2 usage or input error.
)";

int Fail(const std::string& message) {
  std::cerr << "align_eval: error: " << message << "\n";
  return kExitUsage;
}

absl::StatusOr<StoryScore> ScoreDir(const fs::path& dir) {
  std::vector<std::string> inputs;
  std::error_code error;
  for (const auto& entry : fs::directory_iterator(dir, error)) {
    if (entry.path().extension() == ".txt") {
      inputs.push_back(entry.path().string());
    }
  }
  if (error) {
    return absl::NotFoundError(
        absl::StrCat("cannot list ", dir.string(), ": ", error.message()));
  }
  std::sort(inputs.begin(), inputs.end());
  if (inputs.empty()) {
    return absl::NotFoundError(
        absl::StrCat(dir.string(), ": no *.txt articles"));
  }
  absl::StatusOr<std::string> text =
      crosscheck::eval_io::ReadFile(dir / "expected.textproto");
  if (!text.ok()) return text.status();
  crosscheck::v1::Expectation expectation;
  if (!google::protobuf::TextFormat::ParseFromString(*text, &expectation)) {
    return absl::InvalidArgumentError(absl::StrCat(
        (dir / "expected.textproto").string(),
        ": not a crosscheck.v1.Expectation in text format"));
  }
  crosscheck::cli::CliOptions options;
  options.format = "binpb";
  std::ostringstream out, err;
  const int code =
      crosscheck::cli::RunCommand("report", inputs, options, out, err);
  if (code != 0) {
    return absl::InternalError(
        absl::StrCat("crosscheck report failed on ", dir.string(), ": ",
                     err.str()));
  }
  crosscheck::v1::Report report;
  if (!report.ParseFromString(out.str())) {
    return absl::InternalError("crosscheck report wrote no Report");
  }
  return crosscheck::align_eval::ScoreStory(report, expectation);
}

std::string Cell(int n, int d) {
  return absl::StrFormat("%d/%d = %.3f", n, d, Ratio(n, d));
}

}  // namespace

int main(int argc, char** argv) {
  if (crosscheck::base::AsksForHelp(argc, argv)) {
    std::cout << kUsage;
    return kExitOk;
  }
  const absl::StatusOr<std::vector<std::string>> positional =
      crosscheck::base::ParseOwnFlags(
          argc, argv, "tools/align_eval/align_eval_main", "--help");
  if (!positional.ok()) return Fail(std::string(positional.status().message()));

  const crosscheck::eval_io::RunDirs run = crosscheck::eval_io::BazelRunDirs();
  const fs::path& working = run.working;
  const fs::path& workspace = run.workspace;
  std::error_code error;
  std::vector<fs::path> dirs;
  for (const std::string& arg : *positional) {
    const fs::path p(arg);
    dirs.push_back(p.is_absolute() ? p : (working / p).lexically_normal());
  }
  if (dirs.empty()) {
    for (const auto& entry :
         fs::directory_iterator(workspace / "fixtures", error)) {
      if (fs::exists(entry.path() / "expected.textproto")) {
        dirs.push_back(entry.path());
      }
    }
    if (error) return Fail("cannot list fixtures/: " + error.message());
    std::sort(dirs.begin(), dirs.end());
  }

  std::cout << "| story | items found | discrepancy recall | discrepancy "
               "precision | group recall | group precision | traps flagged "
               "|\n|---|---|---|---|---|---|---|\n";
  std::string details;
  for (const fs::path& dir : dirs) {
    const absl::StatusOr<StoryScore> s = ScoreDir(dir);
    if (!s.ok()) return Fail(std::string(s.status().message()));
    const std::string name = dir.filename().string();
    std::cout << "| " << name << " | "
              << absl::StrCat(s->items_found, "/", s->items_planted) << " | "
              << Cell(s->discrepancy_found, s->discrepancy_planted) << " | "
              << Cell(s->discrepancy_flagged_right, s->discrepancy_flagged)
              << " | " << Cell(s->items_found, s->items_planted) << " | "
              << Cell(s->groups_right, s->groups_judged) << " | "
              << absl::StrCat(s->traps_flagged, "/", s->traps) << " |\n";
    if (!absl::GetFlag(FLAGS_failures)) continue;
    absl::StrAppend(&details, "\n## ", name, "\n");
    for (const auto& item : s->items) {
      if (item.ok) continue;
      absl::StrAppend(&details, "\n", item.trap ? "trap flagged" : "missed",
                      ": ", item.name);
      if (!item.trap) {
        absl::StrAppend(&details, " (expects ",
                        crosscheck::v1::Alignment::Verdict_Name(item.expected),
                        ")");
      }
      absl::StrAppend(&details, "\n");
      for (const auto& m : item.missing) {
        absl::StrAppend(&details, "  no claim: ", m, "\n");
      }
      for (const auto& g : item.groups) {
        absl::StrAppend(&details, "  in ", g, "\n");
      }
    }
    for (const auto& g : s->discrepancy_groups) {
      if (!g.right) {
        absl::StrAppend(&details, "\nfalse discrepancy: ", g.description,
                        "\n  ", g.why, "\n");
      }
    }
    for (const auto& g : s->judged_groups) {
      if (!g.right && g.description.find(" VERDICT_DISCREPANCY:") ==
                          std::string::npos) {
        absl::StrAppend(&details, "\nwrong group: ", g.description, "\n  ",
                        g.why, "\n");
      }
    }
    absl::StrAppend(&details, "\n", s->groups_unjudged,
                    " aligned groups hold no planted mention (not judged)\n");
  }
  std::cout << details;
  return kExitOk;
}
