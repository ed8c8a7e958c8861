// rescuecert id check NUMBER: validates an identity number (D16) and prints what it says.
#include <iostream>
#include <memory>

#include "app/id_check.h"
#include "cli/commands.h"
#include "cli/load_config.h"
#include "domain/common/clock.h"

namespace rc::cli {

void add_id(CLI::App& app, const Globals&, Run* run) {
  auto* id = app.add_subcommand("id", "证件号码 (identity numbers)");
  id->require_subcommand(1);
  auto* check = id->add_subcommand("check", "validate an identity number and print JSON");
  struct Options {
    std::string number, today;
  };
  auto o = std::make_shared<Options>();
  check->add_option("number", o->number, "the identity number")->required();
  check->add_option("--today", o->today, "judge birth dates against this day (YYYY-MM-DD); default today in China");
  check->callback([run, o] {
    *run = [o] {
      CivilDate today = china_date(SystemClock{}.now());
      if (!o->today.empty()) {
        auto d = CivilDate::parse(o->today);
        if (!d) {
          print_error(make_error(ErrorCode::kInvalidDate, "--today"));
          return kExitUsage;
        }
        today = *d;
      }
      auto doc = app::id_check_json(o->number, today);
      std::cout << doc.dump(2, ' ', false, nlohmann::json::error_handler_t::replace) << "\n";
      return doc.value("valid", false) ? kExitOk : kExitRefused;
    };
  });
}

}  // namespace rc::cli
