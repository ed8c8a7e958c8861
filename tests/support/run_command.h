#pragma once
// Runs a shell command for tests, with optional standard input, and captures standard output,
// standard error and the exit code.

#include <string>

namespace rc::testing {

struct CommandResult {
  int exit_code = -1;
  std::string out;
  std::string err;
};

CommandResult run_command(const std::string& command, const std::string& stdin_text = "");

// Quotes a string for /bin/sh.
std::string shell_quote(const std::string& s);

}  // namespace rc::testing
