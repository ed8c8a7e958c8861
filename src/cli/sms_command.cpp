// rescuecert sms outbox [--phone P] [--limit N]: the built-in SMS outbox, newest first, as JSON.
// For operators of offline sites and for browser tests (the codes they must type).
#include <iostream>
#include <memory>

#include "app/platform.h"
#include "cli/commands.h"
#include "cli/load_config.h"

namespace rc::cli {

void add_sms(CLI::App& app, const Globals& g, Run* run) {
  auto* sms = app.add_subcommand("sms", "短信 (SMS)");
  sms->require_subcommand(1);
  auto* outbox = sms->add_subcommand("outbox", "print the built-in outbox, newest first, as JSON");
  struct Options {
    std::string phone;
    int limit = 20;
  };
  auto o = std::make_shared<Options>();
  outbox->add_option("--phone", o->phone, "only messages to this phone number");
  outbox->add_option("--limit", o->limit, "at most this many messages")->check(CLI::Range(1, 1000));
  outbox->callback([&g, run, o] {
    *run = [&g, o] {
      auto platform = open_platform(g);
      if (!platform) return print_error(platform.error()), kExitFailure;
      auto* box = (*platform)->sms_outbox();
      if (!box) return print_error(make_error(ErrorCode::kBadConfig, "sms.provider", "未使用内置短信发件箱")), kExitFailure;
      auto list = box->list_recent(1000);
      if (!list) return print_error(list.error()), kExitFailure;
      nlohmann::json out = nlohmann::json::array();
      for (const auto& m : *list) {
        if (!o->phone.empty() && m.phone != o->phone) continue;
        if (static_cast<int>(out.size()) >= o->limit) break;
        out.push_back({{"id", m.id}, {"phone", m.phone}, {"purpose", m.purpose}, {"text", m.text}});
      }
      std::cout << out.dump(2) << "\n";
      return kExitOk;
    };
  });
}

}  // namespace rc::cli
