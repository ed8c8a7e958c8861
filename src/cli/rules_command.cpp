// rescuecert rules evaluate [FILE|-]: reads a candidate's history (RULES.md "The rules
// interface") and prints the decision as JSON; refused input prints a JSON error and exits 1.
#include <fstream>
#include <iostream>
#include <iterator>
#include <memory>

#include "app/policy_loading.h"
#include "app/rules_evaluation.h"
#include "cli/commands.h"
#include "cli/load_config.h"

namespace rc::cli {
namespace {

// Reads at most limit+1 bytes so that an oversized input is told apart without reading it all.
Result<std::string> read_input(const std::string& file, std::size_t limit) {
  std::ifstream f;
  std::istream* in = &std::cin;
  if (file != "-") {
    f.open(file, std::ios::binary);
    if (!f) return fail(make_error(ErrorCode::kInvalidValue, "FILE", "无法读取文件 " + file));
    in = &f;
  }
  std::string text(limit + 1, '\0');
  in->read(text.data(), static_cast<std::streamsize>(text.size()));
  text.resize(static_cast<std::size_t>(in->gcount()));
  if (text.size() > limit) return fail(ErrorCode::kTooLarge, "FILE");
  return text;
}

}  // namespace

void add_rules(CLI::App& app, const Globals& g, Run* run) {
  auto* rules = app.add_subcommand("rules", "鉴定规则 (the appraisal rules)");
  rules->require_subcommand(1);
  auto* eval = rules->add_subcommand("evaluate", "evaluate a candidate history (JSON) and print the decision");
  auto file = std::make_shared<std::string>("-");
  eval->add_option("file", *file, "history document, or - for standard input")->default_val("-");
  eval->callback([&g, run, file] {
    *run = [&g, file] {
      auto cfg = load_config(g);
      if (!cfg) return print_error(cfg.error()), kExitFailure;
      auto policies = app::load_policy_catalog(*cfg);
      if (!policies) return print_error(policies.error()), kExitFailure;
      auto text = read_input(*file, app::kMaxRulesDocumentBytes);
      if (!text) return print_error(text.error()), kExitRefused;
      auto decision = app::evaluate_rules_document(*text, *policies);
      if (!decision) return print_error(decision.error()), kExitRefused;
      std::cout << decision->dump(2, ' ', false, nlohmann::json::error_handler_t::replace) << "\n";
      return kExitOk;
    };
  });
}

}  // namespace rc::cli
