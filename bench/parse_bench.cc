// parse_bench [--quick] [--rounds N] [DIR]: the parser against python3.11's.
//
// Reads every .py under DIR (default /usr/lib/python3.11, site- and
// dist-packages left out, as tools/compare-ast does) into memory, then times
// tern::compiler::parse_module over all of them, and python3.11's ast.parse
// over the same bytes in one python3.11 process.  Only the parse calls are
// timed (each call on its own, the tree freed outside the clock), and the best
// of N rounds (default 3) is reported for each side, with the ratio.
// --quick parses every 16th file, one round.
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "runtime/compiler/parser.h"

namespace {

namespace fs = std::filesystem;

struct SourceFile {
  std::string path;
  std::string bytes;
};

std::vector<SourceFile> read_tree(const std::string& top, int stride) {
  std::vector<std::string> paths;
  auto options = fs::directory_options::skip_permission_denied;
  for (auto it = fs::recursive_directory_iterator(top, options); it != fs::recursive_directory_iterator(); ++it) {
    std::string name = it->path().filename().string();
    if (it->is_directory() && (name == "site-packages" || name == "dist-packages")) {
      it.disable_recursion_pending();
    } else if (it->is_regular_file() && it->path().extension() == ".py") {
      paths.push_back(it->path().string());
    }
  }
  std::sort(paths.begin(), paths.end());
  std::vector<SourceFile> files;
  for (size_t i = 0; i < paths.size(); i += stride) {
    std::ifstream in(paths[i], std::ios::binary);
    std::stringstream buffer;
    buffer << in.rdbuf();
    files.push_back({.path = paths[i], .bytes = buffer.str()});
  }
  return files;
}

struct Round {
  double ms = 0;
  int rejected = 0;
  size_t arena_bytes = 0;
};

Round tern_round(const std::vector<SourceFile>& files) {
  using Clock = std::chrono::steady_clock;
  Round round;
  Clock::duration total{};
  for (const SourceFile& f : files) {
    auto start = Clock::now();
    tern::compiler::ParseResult result = tern::compiler::parse_module(f.bytes, f.path);
    total += Clock::now() - start;
    if (!result.ok()) round.rejected++;
    if (result.arena) round.arena_bytes += result.arena->bytes_allocated();
  }
  round.ms = std::chrono::duration<double, std::milli>(total).count();
  return round;
}

// Runs in python3.11: argv[1] lists the files, one a line; argv[2] is the
// number of rounds.  Prints "<best ms> <rejected>".
const char kPythonSide[] = R"(
import ast, gc, sys, time, warnings
warnings.simplefilter('ignore')
paths = open(sys.argv[1], encoding='utf-8').read().split('\n')[:-1]
sources = [(p, open(p, 'rb').read()) for p in paths]
best, rejected = None, 0
for _ in range(int(sys.argv[2])):
    gc.collect()
    total, rejected = 0.0, 0
    for path, source in sources:
        start = time.perf_counter()
        try:
            tree = ast.parse(source, path)
        except (SyntaxError, ValueError):
            tree = None
            rejected += 1
        total += time.perf_counter() - start
        del tree
    best = total if best is None else min(best, total)
print('%.3f %d' % (best * 1000, rejected))
)";

// Returns false when python3.11 could not be run.
bool python_round(const std::vector<SourceFile>& files, int rounds, Round& out) {
  const char* python = access("/usr/bin/python3.11", X_OK) == 0 ? "/usr/bin/python3.11" : "python3.11";
  char list_path[] = "/tmp/parse_bench_XXXXXX";
  int fd = mkstemp(list_path);
  if (fd < 0) return false;
  std::string list;
  for (const SourceFile& f : files) list += f.path + "\n";
  bool written = write(fd, list.data(), list.size()) == static_cast<ssize_t>(list.size());
  close(fd);
  bool ok = false;
  if (written) {
    // The script goes through a file too: no shell quoting to get wrong.
    std::string script_path = std::string(list_path) + ".py";
    std::ofstream(script_path) << kPythonSide;
    std::string command = std::string(python) + " " + script_path + " " + list_path + " " + std::to_string(rounds);
    if (FILE* p = popen(command.c_str(), "r")) {
      ok = std::fscanf(p, "%lf %d", &out.ms, &out.rejected) == 2;
      ok = pclose(p) == 0 && ok;
    }
    std::remove(script_path.c_str());
  }
  std::remove(list_path);
  return ok;
}

}  // namespace

int main(int argc, char** argv) {
  std::string top = "/usr/lib/python3.11";
  int rounds = 3;
  int stride = 1;
  for (int i = 1; i < argc; i++) {
    if (std::strcmp(argv[i], "--quick") == 0) {
      rounds = 1;
      stride = 16;
    } else if (std::strcmp(argv[i], "--rounds") == 0 && i + 1 < argc) {
      rounds = std::max(1, std::atoi(argv[++i]));
    } else if (argv[i][0] != '-') {
      top = argv[i];
    } else {
      std::fprintf(stderr, "usage: parse_bench [--quick] [--rounds N] [DIR]\n");
      return 2;
    }
  }
  std::vector<SourceFile> files = read_tree(top, stride);
  double mb = 0;
  for (const SourceFile& f : files) mb += static_cast<double>(f.bytes.size()) / 1e6;
  std::printf("%zu files, %.1f MB under %s%s; best of %d round%s\n", files.size(), mb, top.c_str(),
              stride > 1 ? " (every 16th file)" : "", rounds, rounds > 1 ? "s" : "");

  Round tern{};
  for (int r = 0; r < rounds; r++) {
    Round round = tern_round(files);
    if (r == 0 || round.ms < tern.ms) tern = round;
  }
  std::printf("  %-26s %9.1f ms %7.1f MB/s   %d files rejected, %.0f MB of AST arenas\n", "tern parse_module", tern.ms,
              mb / (tern.ms / 1000), tern.rejected, static_cast<double>(tern.arena_bytes) / 1e6);
  std::fflush(stdout);

  Round python{};
  if (!python_round(files, rounds, python)) {
    std::printf("  python3.11 could not be run: no comparison\n");
    return 0;
  }
  std::printf("  %-26s %9.1f ms %7.1f MB/s   %d files rejected\n", "python3.11 ast.parse", python.ms,
              mb / (python.ms / 1000), python.rejected);
  std::printf("  tern/python time ratio     %9.2f\n", tern.ms / python.ms);
  return 0;
}
