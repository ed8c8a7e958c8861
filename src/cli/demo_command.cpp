// rescuecert demo: fills an initialised store with the 南充 demo data and prints the logins.
#include <iostream>

#include "app/demo/seed_demo.h"
#include "app/platform.h"
#include "cli/commands.h"
#include "cli/load_config.h"

namespace rc::cli {

void add_demo(CLI::App& app, const Globals& g, Run* run) {
  auto* demo = app.add_subcommand("demo", "填充演示数据：南充鉴定站、两个申报单位、200 名考生 (demo data)");
  demo->callback([&g, run] {
    *run = [&g] {
      auto platform = open_platform(g);
      if (!platform) return print_error(platform.error()), kExitFailure;
      auto report = app::seed_demo(**platform);
      if (!report) return print_error(report.error()), kExitFailure;
      if (report->already_present) {
        std::cout << "演示数据已存在，未作改动 (demo data already present). Logins: README.md, \"Demo logins\".\n";
        return kExitOk;
      }
      std::cout << "演示数据已创建 (demo data created): " << report->candidates << " 名考生。登录账号 (logins):\n";
      for (const auto& l : report->logins)
        std::cout << "  " << l.role_label << "\t" << l.username << " / " << l.password << "\t" << l.note << "\n";
      std::cout << "短信验证码在管理员的“短信发件箱”或 `rescuecert sms outbox` 中查看。\n";
      return kExitOk;
    };
  });
}

}  // namespace rc::cli
