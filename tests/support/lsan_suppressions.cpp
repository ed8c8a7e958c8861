// LeakSanitizer: fontconfig (loaded by cairo's text drawing in the captcha) keeps its
// configuration for the life of the process by design; those are not leaks of ours. Any test
// program that draws captchas needs the same suppression.
extern "C" const char* __lsan_default_suppressions() { return "leak:libfontconfig.so\n"; }
