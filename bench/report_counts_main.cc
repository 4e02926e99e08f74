// Prints what a binary Report (`crosscheck report --format=binpb`) holds,
// for bench/scale.sh: one line of tab-separated numbers
//
//   articles  claims  alignments  multi-source  agree  compatible  discrepancy
//   single-source
//
// where alignments counts every group and multi-source those of more than
// one claim.
//
//   bazel run -c opt //bench:report_counts -- /tmp/report.binpb

#include <unistd.h>

#include <cstdlib>
#include <fstream>
#include <iostream>

#include "proto/crosscheck/v1/report.pb.h"

int main(int argc, char** argv) {
  if (argc != 2) {
    std::cerr << "usage: report_counts REPORT.binpb\n";
    return 2;
  }
  if (const char* dir = std::getenv("BUILD_WORKING_DIRECTORY")) {
    if (::chdir(dir) != 0) return 2;
  }
  std::ifstream file(argv[1], std::ios::binary);
  crosscheck::v1::Report report;
  if (!file || !report.ParseFromIstream(&file)) {
    std::cerr << "report_counts: error: cannot read a Report from " << argv[1]
              << "\n";
    return 2;
  }
  const auto& c = report.counts();
  std::cout << report.articles_size() << '\t' << report.claims_size() << '\t'
            << report.alignments_size() << '\t'
            << c.agree() + c.compatible() + c.discrepancy() << '\t' << c.agree()
            << '\t' << c.compatible() << '\t' << c.discrepancy() << '\t'
            << c.single_source() << '\n';
  return 0;
}
