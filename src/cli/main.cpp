// rescuecert: the operator's command. See `rescuecert --help` and README.md.
#include <malloc.h>

#include "cli/commands.h"

int main(int argc, char** argv) {
  // Keep freed memory mapped: without this, each large allocation (zip deflate, JSON bodies)
  // pays for fresh page faults (ARCHITECTURE.md, measured 744/s vs 19k/s deflates).
  mallopt(M_TRIM_THRESHOLD, 64 << 20);
  mallopt(M_MMAP_THRESHOLD, 64 << 20);

  CLI::App app{"RescueCert：应急救援员职业技能鉴定平台 (emergency-rescue-worker skill appraisal platform)"};
  app.set_version_flag("--version", std::string("rescuecert 0.1.0"));
  rc::cli::Globals globals;
  app.add_option("--config", globals.config_path, "configuration file (JSON); default $RESCUECERT_CONFIG or ./rescuecert.json");
  app.require_subcommand(1);

  rc::cli::Run run;
  rc::cli::add_init(app, globals, &run);
  rc::cli::add_serve(app, globals, &run);
  rc::cli::add_config(app, globals, &run);
  rc::cli::add_rules(app, globals, &run);
  rc::cli::add_id(app, globals, &run);
  rc::cli::add_demo(app, globals, &run);
  rc::cli::add_sms(app, globals, &run);
  rc::cli::add_cert(app, globals, &run);
  rc::cli::add_log(app, globals, &run);
  rc::cli::add_bench(app, globals, &run);

  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    const int code = app.exit(e);
    return code == 0 ? rc::cli::kExitOk : rc::cli::kExitUsage;
  }
  return run ? run() : rc::cli::kExitUsage;
}

#if defined(__SANITIZE_ADDRESS__)
// Sanitizer builds only: fontconfig (loaded by cairo for captchas and documents) keeps its
// configuration for the life of the process by design; LeakSanitizer must not count it.
extern "C" const char* __lsan_default_suppressions() { return "leak:libfontconfig.so\n"; }
#endif
