// rescuecert cert sample | verify | render | verify-qr: the electronic certificate file (F17, F19)
// offline. verify prints JSON with result valid | invalid | indeterminate and exits 0 only when valid
// (1 invalid, 3 indeterminate); see src/cert/README.md. With --status-url it also asks the
// platform for revocation and expiry, with --log-url it checks the file's issuance in the
// transparency log (app/transparency/certificate_in_log.h).
#include <filesystem>
#include <fstream>
#include <iostream>
#include <memory>
#include <sstream>

#include "app/transparency/certificate_in_log.h"
#include "cert/certificate_file.h"
#include "cert/certificate_status.h"
#include "cert/ofd_verification.h"
#include "cert/page_render.h"
#include "cert/qr_payload.h"
#include "cert/sample_certificate.h"
#include "cli/commands.h"
#include "cli/http_json.h"
#include "cli/load_config.h"
#include "domain/common/clock.h"

namespace rc::cli {
namespace {

constexpr std::size_t kMaxInputBytes = 16u << 20;  // the verifier's own archive limit

Result<std::string> read_file(const std::string& path, std::size_t limit = kMaxInputBytes) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return fail(make_error(ErrorCode::kInvalidValue, path, "无法读取文件 " + path));
  std::string bytes(limit + 1, '\0');
  in.read(bytes.data(), static_cast<std::streamsize>(bytes.size()));
  bytes.resize(static_cast<std::size_t>(in.gcount()));
  if (bytes.size() > limit) return fail(make_error(ErrorCode::kTooLarge, path, "文件过大：" + path));
  return bytes;
}

Result<void> write_file(const std::string& path, std::string_view bytes) {
  std::ofstream out(path, std::ios::binary | std::ios::trunc);
  out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
  out.flush();
  if (!out) return fail(make_error(ErrorCode::kInvalidValue, path, "无法写入文件 " + path));
  return ok();
}

void print_json(const nlohmann::json& j) { std::cout << j.dump(2, ' ', false, nlohmann::json::error_handler_t::replace) << "\n"; }

nlohmann::json error_json(const Error& e) {
  return {{"code", code_name(e.code)}, {"field", e.field}, {"message", e.message}};
}

// The trusted public keys: each --key, else the platform's own signing key when readable. A
// named key that cannot be read is an error (never silently fewer keys).
Result<std::vector<cert::Sm2PublicKey>> trusted_keys(const Globals& g, const std::vector<std::string>& files) {
  std::vector<cert::Sm2PublicKey> keys;
  for (const auto& f : files) {
    auto pem = read_file(f, 1 << 16);
    if (!pem) return fail(make_error(ErrorCode::kKeyFailure, f, "无法读取公钥文件 " + f));
    auto key = cert::Sm2PublicKey::from_pem(*pem);
    if (!key) return fail(make_error(ErrorCode::kKeyFailure, f, key.error().message + "：" + f));
    keys.push_back(*key);
  }
  if (!files.empty()) return keys;
  if (auto cfg = load_config(g)) {
    const auto path = std::filesystem::path(cfg->keys_dir) / "signing-sm2.pub.pem";
    if (auto pem = read_file(path.string(), 1 << 16))
      if (auto key = cert::Sm2PublicKey::from_pem(*pem)) keys.push_back(*key);
  }
  return keys;
}

int exit_for(cert::Verdict v) {
  return v == cert::Verdict::kValid ? kExitOk : v == cert::Verdict::kInvalid ? kExitRefused : kExitFailure;
}

// A valid file is checked against the platform's status when asked; a failed look-up makes the
// answer indeterminate, never valid.
void apply_status(cert::OfdVerification& v, const std::string& status_url, nlohmann::json& out) {
  out["status"] = "not_checked";
  if (status_url.empty() || v.result != cert::Verdict::kValid) return;
  const auto number = v.fields.find("证书编号");
  auto status = cert::fetch_certificate_status(status_url, number == v.fields.end() ? "" : number->second);
  if (!status) {
    v.result = cert::Verdict::kIndeterminate;
    v.failed_check = "status";
    v.error = status.error();
    out["status"] = "unavailable";
    return;
  }
  out["status"] = cert::status_name(*status);
  if (*status == cert::CertificateStatus::kValid) return;
  const bool revoked = *status == cert::CertificateStatus::kRevoked;
  v.result = cert::Verdict::kInvalid;
  v.failed_check = "status";
  v.error = make_error(revoked ? ErrorCode::kCertificateRevoked : ErrorCode::kCertificateExpired, "status",
                       revoked ? "证书已撤销" : "证书已过期");
}

// A valid file is looked for in the transparency log when asked (certificate_in_log.h), with the
// key that signed the file trusted for the log's heads (the platform signs both with its key).
// Not in the log, or revoked there: invalid. The log cannot be read: indeterminate.
void apply_log(cert::OfdVerification& v, std::string_view file, const std::string& log_url,
               const std::vector<cert::Sm2PublicKey>& keys, nlohmann::json& out) {
  out["log"] = {{"result", "not_checked"}};
  if (log_url.empty() || v.result != cert::Verdict::kValid) return;
  auto base = parse_base_url(log_url, "--log-url");
  std::string pem;
  for (const auto& k : keys)
    if (k.fingerprint() == v.signer_fingerprint) pem = k.pem();
  const auto number = v.fields.find("证书编号");
  auto found = !base ? Result<app::CertificateInLog>(fail(base.error()))
                     : app::check_certificate_in_log([&](const std::string& target) { return http_get_json(*base, target); },
                                                     number == v.fields.end() ? "" : number->second,
                                                     cert::sm3_hex(file), pem);
  if (found) {
    out["log"] = {{"result", found->revoke_leaf ? "revoked" : "included"},
                  {"tree_size", found->tree_size},
                  {"leaf_index", found->issue_leaf}};
    if (!found->revoke_leaf) return;
    out["log"]["revocation_leaf_index"] = *found->revoke_leaf;
    v.result = cert::Verdict::kInvalid;
    v.failed_check = "log";
    v.error = make_error(ErrorCode::kCertificateRevoked, "log", "证书已撤销（透明日志）：" + found->revoke_reason);
    return;
  }
  const auto code = found.error().code;
  const bool absent = code == ErrorCode::kLogProofInvalid || code == ErrorCode::kNotFound;
  out["log"] = {{"result", absent ? "not_included" : "unavailable"}};
  v.result = absent ? cert::Verdict::kInvalid : cert::Verdict::kIndeterminate;
  v.failed_check = "log";
  v.error = found.error();
}

void add_sample(CLI::App& cert, Run* run) {
  auto* cmd = cert.add_subcommand("sample", "write a signed sample certificate for a fictitious demo candidate");
  auto out = std::make_shared<std::string>();
  cmd->add_option("--out", *out, "the .ofd file to write (its public key goes to FILE.pub.pem)")->required();
  cmd->callback([run, out] {
    *run = [out] {
      cert::tune_allocator();
      auto key = cert::Sm2PrivateKey::generate();
      if (!key) return print_error(key.error()), kExitFailure;
      const auto now = SystemClock{}.now();
      const auto content = cert::sample_certificate_content(china_date(now));
      auto bytes = cert::write_certificate_ofd(content, *key, now);
      if (!bytes) return print_error(bytes.error()), kExitFailure;
      const std::string pub = *out + ".pub.pem";
      for (auto w : {write_file(*out, *bytes), write_file(pub, key->public_pem())})
        if (!w) return print_error(w.error()), kExitFailure;
      std::cerr << "已写入 " << *out << "；签名公钥已写入 " << pub << "（验证时用 --key " << pub << "）\n";
      print_json({{"file", *out}, {"public_key", pub}, {"number", content.number}, {"fingerprint", key->fingerprint()}});
      return kExitOk;
    };
  });
}

void add_verify(CLI::App& cert, const Globals& g, Run* run) {
  auto* cmd = cert.add_subcommand("verify", "verify a certificate file offline (structure, digests, SM2 signature, key)");
  struct Options {
    std::string file, status_url, log_url;
    std::vector<std::string> keys;
  };
  auto o = std::make_shared<Options>();
  cmd->add_option("file", o->file, "the .ofd file")->required();
  cmd->add_option("--key", o->keys, "trusted SM2 public key (PEM); repeatable. Default: keys_dir/signing-sm2.pub.pem");
  cmd->add_option("--status-url", o->status_url, "platform base URL (http://host:port) to check revocation and expiry");
  cmd->add_option("--log-url", o->log_url,
                  "platform base URL (http://host:port) whose transparency log must prove this file's issuance");
  cmd->callback([&g, run, o] {
    *run = [&g, o] {
      if (!o->log_url.empty())
        if (auto base = parse_base_url(o->log_url, "--log-url"); !base) return print_error(base.error()), kExitUsage;
      auto bytes = read_file(o->file);
      if (!bytes) return print_error(bytes.error()), kExitRefused;
      auto keys = trusted_keys(g, o->keys);
      cert::OfdVerification v;
      if (keys) {
        v = cert::verify_certificate_ofd(*bytes, *keys);
      } else {
        v.result = cert::Verdict::kIndeterminate;
        v.failed_check = "key";
        v.error = keys.error();
      }
      nlohmann::json extra;
      apply_status(v, o->status_url, extra);
      apply_log(v, *bytes, o->log_url, keys ? *keys : std::vector<cert::Sm2PublicKey>{}, extra);
      auto j = cert::to_json(v);
      j["status"] = extra["status"];
      j["log"] = extra["log"];
      print_json(j);
      return exit_for(v.result);
    };
  });
}

void add_render(CLI::App& cert, Run* run) {
  auto* cmd = cert.add_subcommand("render", "draw the certificate page as PNG and/or PDF");
  struct Options {
    std::string file, png, pdf;
    double dpi = 200;
  };
  auto o = std::make_shared<Options>();
  cmd->add_option("file", o->file, "the .ofd file")->required();
  cmd->add_option("--png", o->png, "PNG file to write");
  cmd->add_option("--pdf", o->pdf, "PDF file to write");
  cmd->add_option("--dpi", o->dpi, "PNG resolution (36-600)")->default_val(200);
  cmd->callback([run, o] {
    *run = [o] {
      if (o->png.empty() && o->pdf.empty()) return print_error(make_error(ErrorCode::kMissingField, "--png", "需要 --png 或 --pdf")), kExitUsage;
      auto bytes = read_file(o->file);
      if (!bytes) return print_error(bytes.error()), kExitRefused;
      nlohmann::json done = nlohmann::json::object();
      for (const auto& [path, kind] : {std::pair{o->png, "png"}, std::pair{o->pdf, "pdf"}}) {
        if (path.empty()) continue;
        auto out = std::string_view(kind) == "png" ? cert::render_ofd_png(*bytes, o->dpi) : cert::render_ofd_pdf(*bytes);
        if (!out) return print_error(out.error()), kExitRefused;
        if (auto w = write_file(path, *out); !w) return print_error(w.error()), kExitFailure;
        done[kind] = path;
      }
      print_json(done);
      return kExitOk;
    };
  });
}

void add_verify_qr(CLI::App& cert, const Globals& g, Run* run) {
  auto* cmd = cert.add_subcommand("verify-qr", "check the signed payload of a certificate's QR code offline");
  struct Options {
    std::string text, key, holder, document;
  };
  auto o = std::make_shared<Options>();
  cmd->add_option("text", o->text, "the decoded QR text")->required();
  cmd->add_option("--key", o->key, "SM2 public key (PEM); default keys_dir/signing-sm2.pub.pem");
  cmd->add_option("--holder", o->holder, "the holder's name, to compare with the code (needs --document)");
  cmd->add_option("--document", o->document, "the holder's document number");
  cmd->callback([&g, run, o] {
    *run = [&g, o] {
      auto keys = trusted_keys(g, o->key.empty() ? std::vector<std::string>{} : std::vector<std::string>{o->key});
      if (!keys || keys->empty()) {
        const Error e = keys ? make_error(ErrorCode::kKeyFailure, "--key", "没有可用的公钥") : keys.error();
        print_json({{"result", "indeterminate"}, {"error", error_json(e)}});
        return kExitFailure;
      }
      auto p = cert::verify_qr_text(o->text, keys->front());
      if (!p) return print_json({{"result", "invalid"}, {"error", error_json(p.error())}}), kExitRefused;
      nlohmann::json j = {{"result", "valid"},         {"number", p->number}, {"holder_digest", p->holder_digest},
                          {"level", p->level},         {"issued_on", p->issued_on.to_string()}, {"url", p->url}};
      if (!o->holder.empty() || !o->document.empty())
        j["holder_matches"] = cert::holder_digest(p->number, o->holder, o->document) == p->holder_digest;
      print_json(j);
      return kExitOk;
    };
  });
}

}  // namespace

void add_cert(CLI::App& app, const Globals& g, Run* run) {
  auto* cert = app.add_subcommand("cert", "电子证书 (electronic certificates: OFD files)");
  cert->require_subcommand(1);
  add_sample(*cert, run);
  add_verify(*cert, g, run);
  add_render(*cert, run);
  add_verify_qr(*cert, g, run);
}

}  // namespace rc::cli
