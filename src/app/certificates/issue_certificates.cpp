#include "app/certificates/issue_certificates.h"

#include <sys/resource.h>
#include <unistd.h>

#include <deque>
#include <future>
#include <thread>

#include "app/certificates/certificate_log.h"
#include "app/certificates/certificate_number.h"
#include "app/certificates/certificate_snapshot.h"
#include "cert/certificate_file.h"
#include "store/certificate_issue_repository.h"
#include "store/certificate_repository.h"
#include "store/filing_repository.h"

namespace rc::app {
namespace {

constexpr int kMaxRaces = 20;

struct Signed {
  std::string file;
  std::string digest;
};

// Fills number, dates and URL of every certificate from `first_serial` on.
Result<void> number_chunk(const CertificateServices& s, std::vector<PreparedCertificate>& chunk, int first_serial,
                          CivilDate today) {
  for (std::size_t i = 0; i < chunk.size(); ++i) {
    auto& p = chunk[i];
    NumberFields f{today.year(), p.station.region_code, p.station.id, p.registration.level,
                   first_serial + static_cast<int>(i)};
    auto number = format_certificate_number(s.settings.pattern, f);
    if (!number) return fail(number.error());
    p.content.number = *number;
    p.content.scheme = s.settings.scheme;
    p.content.issued_on = today;
    p.content.valid_until.reset();
    if (p.validity_years) p.content.valid_until = today.last_day_within_years(*p.validity_years);
    p.content.verification_url = verification_url(s.settings, *number);
  }
  return ok();
}

// Signing threads run below normal priority (nice 10, this thread only): a batch's one writer
// thread is its bottleneck once the files are signed faster than they are stored, and with
// the signers at the same priority it got ~60 % of a core while they waited for it (perf
// timeline: 80-85 % of the two cores busy). At a lower priority they take the CPU the writer and
// the web requests leave. Best effort: a refusal changes nothing else.
void lower_this_threads_priority() { (void)setpriority(PRIO_PROCESS, static_cast<id_t>(gettid()), 10); }

// Signs every certificate, spread over settings.threads threads. Each thread takes groups of
// kGroup certificates, whose SM3 the OFD writer runs side by side (cert::write_certificate_ofds).
Result<std::vector<Signed>> sign_chunk(const CertificateServices& s, const std::vector<PreparedCertificate>& chunk,
                                       std::chrono::system_clock::time_point at) {
  constexpr std::size_t kGroup = 16;
  std::vector<Signed> out(chunk.size());
  std::vector<std::optional<Error>> errors(chunk.size());
  const std::size_t groups = (chunk.size() + kGroup - 1) / kGroup;
  const std::size_t n = std::max<std::size_t>(1, std::min<std::size_t>(s.settings.threads, groups));
  auto work = [&](std::size_t first_group) {
    std::vector<const cert::CertificateContent*> contents;
    for (std::size_t g = first_group; g < groups; g += n) {
      const std::size_t from = g * kGroup, to = std::min(chunk.size(), from + kGroup);
      contents.clear();
      for (std::size_t i = from; i < to; ++i) contents.push_back(&chunk[i].content);
      auto files = s.writer.write_many(contents, at);
      for (std::size_t i = from; i < to; ++i) {
        auto& file = files[i - from];
        if (!file) {
          errors[i] = file.error();
          continue;
        }
        out[i].digest = std::move(file->sm3_hex);
        out[i].file = std::move(file->bytes);
      }
    }
  };
  std::vector<std::thread> threads;
  for (std::size_t t = 1; t < n; ++t)
    threads.emplace_back([&work, t] {
      lower_this_threads_priority();
      work(t);
    });
  work(0);
  for (auto& t : threads) t.join();
  for (auto& e : errors)
    if (e) return fail(*e);
  return out;
}

// A reissue replaces the registration's valid certificate: it is revoked first (the unique index
// allows one valid certificate per registration), naming its replacement.
Result<void> retire_replaced(store::Transaction& tx, const Actor& actor, const PreparedCertificate& p,
                             store::Timestamp now) {
  if (!p.reissue_of) return ok();
  store::CertificateRepository certificates(tx);
  auto old = certificates.find(*p.reissue_of);
  if (!old) return fail(old.error());
  if (old->status != store::CertificateStatus::kValid) return ok();
  std::optional<store::Id> by;
  if (actor.user_id) by = actor.user_id;
  const std::string reason = "已补发电子证书（新证书编号 " + p.content.number + "）";
  if (auto r = certificates.revoke(old->id, {reason, now, by}); !r) return r;
  if (auto a = audit(tx, actor, now, {"certificate.revoke", "certificate", old->id, {{"reason", reason}}}); !a) return a;
  return log_certificate_event(tx, CertificateLogKind::kRevoke, old->number, old->file_digest, reason, now);
}

Result<store::Id> store_one(store::Transaction& tx, const CertificateServices& s, const Actor& actor,
                            const PreparedCertificate& p, const Signed& file, int serial, store::Timestamp now) {
  if (auto r = retire_replaced(tx, actor, p, now); !r) return fail(r.error());
  store::Certificate c;
  c.number = p.content.number;
  c.scheme = p.content.scheme;
  c.registration_id = p.registration.id;
  c.reissue_of = p.reissue_of;
  c.issued_on = p.content.issued_on;
  c.valid_until = p.content.valid_until;
  c.filed_on = p.filed_on;
  c.file_digest = file.digest;
  c.snapshot_json = snapshot_json(p.content, s.cipher, p.id_number_masked);
  c.created_at = now;
  auto id = store::CertificateRepository(tx).insert(c);
  if (!id) return fail(id.error());
  store::CertificateIssueRepository issues(tx);
  store::CertificateIssue issue{*id, p.station.id, p.candidate_id, p.content.issued_on.year(), serial, p.exam_on,
                                p.public_from};
  if (auto r = issues.insert_issue(issue); !r) return fail(r.error());
  store::CertificateFile f{*id, s.writer.media_type(), store::Bytes(file.file.begin(), file.file.end()), file.digest};
  if (auto r = issues.insert_file(f); !r) return fail(r.error());
  nlohmann::json detail{{"number", c.number}, {"registration_id", c.registration_id}, {"file_digest", c.file_digest}};
  if (p.reissue_of) detail["reissue_of"] = *p.reissue_of;
  if (auto a = audit(tx, actor, now, {"certificate.issue", "certificate", *id, detail}); !a) return fail(a.error());
  if (auto l = log_certificate_event(tx, CertificateLogKind::kIssue, c.number, c.file_digest, "", now); !l)
    return fail(l.error());
  return *id;
}

// One attempt at writing the chunk: nullopt when the race was lost (retry), the ids otherwise.
Result<std::optional<std::vector<store::Id>>> write_chunk(const CertificateServices& s, const Actor& actor,
                                                          std::vector<PreparedCertificate>& chunk,
                                                          const std::vector<Signed>& files, int first, store::Timestamp now,
                                                          const AlsoInTransaction& also) {
  using Out = std::optional<std::vector<store::Id>>;
  auto written = s.db.transaction([&](store::Transaction& tx) -> Result<Out> {
    store::CertificateIssueRepository issues(tx);
    const int year = chunk.front().content.issued_on.year();
    auto claimed = issues.claim_serials(chunk.front().station.id, year, first, static_cast<int>(chunk.size()));
    if (!claimed) return fail(claimed.error());
    if (!*claimed) return fail(ErrorCode::kConflict, "serial", "证书编号已被并发发证占用");
    std::vector<store::Id> ids;
    std::vector<std::string> numbers;
    for (std::size_t i = 0; i < chunk.size(); ++i) {
      if (!chunk[i].reissue) {
        auto had = issues.registration_has_certificate(chunk[i].registration.id);
        if (!had) return fail(had.error());
        if (*had) return fail(ErrorCode::kConflict, "registration_id", "该考生已由并发任务发证");
      }
      auto id = store_one(tx, s, actor, chunk[i], files[i], first + static_cast<int>(i), now);
      if (!id) return fail(id.error());
      ids.push_back(*id);
      numbers.push_back(chunk[i].content.number);
    }
    if (also)
      if (auto r = also(tx, ids, numbers); !r) return fail(r.error());
    return Out{std::move(ids)};
  });
  if (!written && written.error().code == ErrorCode::kConflict) return Out{};
  return written;
}

// A chunk numbered from `first` and signed at `at` (no store access), ready to be written.
struct SignedChunk {
  std::vector<PreparedCertificate> chunk;
  Result<std::vector<Signed>> files = std::vector<Signed>{};
  int first = 0;
  std::chrono::system_clock::time_point at;
};

SignedChunk number_and_sign(const CertificateServices& s, std::vector<PreparedCertificate> chunk, int first) {
  SignedChunk out;
  out.at = s.clock.now();
  out.first = first;
  if (auto r = number_chunk(s, chunk, first, china_date(out.at)); !r) out.files = fail(r.error());
  else out.files = sign_chunk(s, chunk, out.at);
  out.chunk = std::move(chunk);
  return out;
}

Result<int> peek_serial(const CertificateServices& s, store::Id station_id) {
  const int year = china_date(s.clock.now()).year();
  return s.db.transaction(
      [&](store::Transaction& tx) { return store::CertificateIssueRepository(tx).peek_next_serial(station_id, year); });
}

// One attempt at storing a signed chunk: what was committed, or nullopt when the race was lost
// (the counter moved, or a registration was issued meanwhile).
Result<std::optional<CommittedCertificates>> store_signed(const CertificateServices& s, const Actor& actor,
                                                          SignedChunk& sc, const AlsoInTransaction& also) {
  using Out = std::optional<CommittedCertificates>;
  if (!sc.files) return fail(sc.files.error());
  auto ids = write_chunk(s, actor, sc.chunk, *sc.files, sc.first, to_timestamp(sc.at), also);
  if (!ids) return fail(ids.error());
  if (!*ids) return Out{};
  CommittedCertificates done{std::move(**ids), {}};
  for (const auto& p : sc.chunk) done.numbers.push_back(p.content.number);
  certificates_changed(s);  // a cached "not found" for these numbers would now be wrong
  return Out{std::move(done)};
}

// After a lost race: the certificates still to issue (a registration issued meanwhile is
// dropped; a reissue stays).
Result<std::vector<PreparedCertificate>> drop_issued(const CertificateServices& s, std::vector<PreparedCertificate> chunk) {
  return s.db.read([&](store::Transaction& tx) -> Result<std::vector<PreparedCertificate>> {
    std::vector<PreparedCertificate> keep;
    for (auto& p : chunk) {
      auto had = store::CertificateIssueRepository(tx).registration_has_certificate(p.registration.id);
      if (!had) return fail(had.error());
      if (p.reissue || !*had) keep.push_back(std::move(p));
    }
    return keep;
  });
}

}  // namespace

Result<CommittedCertificates> commit_prepared(const CertificateServices& s, const Actor& actor,
                                              std::vector<PreparedCertificate> chunk, const AlsoInTransaction& also) {
  for (int race = 0; race < kMaxRaces; ++race) {
    if (chunk.empty()) return CommittedCertificates{};
    auto first = peek_serial(s, chunk.front().station.id);
    if (!first) return fail(first.error());
    auto sc = number_and_sign(s, std::move(chunk), *first);
    auto done = store_signed(s, actor, sc, also);
    if (!done) return fail(done.error());
    if (*done) return std::move(**done);
    // Lost a race: drop what was issued meanwhile, then number and sign again.
    auto still = drop_issued(s, std::move(sc.chunk));
    if (!still) return fail(still.error());
    chunk = std::move(*still);
  }
  return fail(ErrorCode::kConflict, "serial", "证书编号分配多次冲突，请稍后重试");
}

Result<std::vector<store::Id>> issuable_registrations(const CertificateServices& s, const Actor& actor) {
  if (actor.role != store::Role::kStation) return fail(ErrorCode::kForbidden, "", "只有鉴定站可以发证");
  return s.db.read([&](store::Transaction& tx) {
    return store::FilingRepository(tx).filed_without_certificate(actor.entity_id);
  });
}

namespace {

// Reads and checks one chunk; refusals go to the report.
Result<std::vector<PreparedCertificate>> prepare_chunk(const CertificateServices& s, const Actor& actor,
                                                       const std::vector<store::Id>& ids, std::size_t from,
                                                       std::size_t to, CivilDate today, IssuanceReport& report) {
  return s.db.read([&](store::Transaction& tx) -> Result<std::vector<PreparedCertificate>> {
    std::vector<PreparedCertificate> chunk;
    for (std::size_t i = from; i < to; ++i) {
      auto p = prepare_certificate(tx, s, actor, ids[i], today);
      if (!p && p.error().code == ErrorCode::kStorageFailure) return fail(p.error());
      if (!p) {
        ++report.refused;
        if (report.refusals.size() < 100) report.refusals.emplace_back(ids[i], p.error());
      } else if (!*p) {
        ++report.skipped;
      } else {
        chunk.push_back(std::move(**p));
      }
    }
    return chunk;
  });
}

}  // namespace

// A pipeline of three stages on their own threads: chunks are read and checked ahead, numbered and
// signed (settings.threads threads each) up to kSignAhead chunks ahead of the one being written,
// so the store's work and its fsync at commit overlap with signing and both cores stay busy (with
// one chunk ahead the signers sat idle while the writer waited for the disk).
// The numbers of a chunk signed ahead are predicted: they follow the previous chunk's, as they
// will if that one commits as numbered. If it does not (a concurrent issuance at the same station
// took serials, or issued one of the registrations), it goes through commit_prepared (numbered and
// signed again) and the chunks signed ahead with wrong predictions are signed again from the
// counter; a prediction still wrong at its write fails the compare-and-set and commit_prepared
// takes that chunk.
Result<IssuanceReport> issue_certificates(const CertificateServices& s, const Actor& actor,
                                          const std::vector<store::Id>& ids, const IssuanceProgress& progress,
                                          const std::atomic<bool>* stop) {
  if (actor.role != store::Role::kStation) return fail(ErrorCode::kForbidden, "", "只有鉴定站可以发证");
  IssuanceReport report;
  report.requested = ids.size();
  const CivilDate today = china_date(s.clock.now());
  const std::size_t step = std::max<std::size_t>(1, s.settings.chunk);
  struct Read {
    Result<std::vector<PreparedCertificate>> chunk;
    IssuanceReport refusals;
  };
  auto read = [&](std::size_t from) {
    Read r{std::vector<PreparedCertificate>{}, {}};
    r.chunk = prepare_chunk(s, actor, ids, from, std::min(ids.size(), from + step), today, r.refusals);
    return r;
  };
  constexpr std::size_t kSignAhead = 2;
  std::optional<int> predicted;  // the first serial after the last chunk being signed
  std::size_t next_from = 0;
  // Futures last: on an early return their destructors wait for the threads, which use the above.
  std::future<Read> reading;
  std::deque<std::future<SignedChunk>> signing;  // in serial order
  if (!ids.empty()) reading = std::async(std::launch::async, read, std::size_t{0});

  // The next chunk with something to issue (refusals and skips counted); nullopt at the end.
  auto next_chunk = [&]() -> Result<std::optional<std::vector<PreparedCertificate>>> {
    while (reading.valid()) {
      Read current = reading.get();
      next_from += step;
      if (next_from < ids.size()) reading = std::async(std::launch::async, read, next_from);
      report.skipped += current.refusals.skipped;
      report.refused += current.refusals.refused;
      for (auto& r : current.refusals.refusals)
        if (report.refusals.size() < 100) report.refusals.push_back(std::move(r));
      if (!current.chunk) return fail(current.chunk.error());
      if (!current.chunk->empty()) return std::optional{std::move(*current.chunk)};
    }
    return std::optional<std::vector<PreparedCertificate>>{};
  };
  auto start_signing = [&](std::vector<PreparedCertificate> chunk) -> Result<void> {
    int first = 0;
    if (predicted) {
      first = *predicted;
    } else {
      auto peeked = peek_serial(s, chunk.front().station.id);
      if (!peeked) return fail(peeked.error());
      first = *peeked;
    }
    predicted = first + static_cast<int>(chunk.size());
    signing.push_back(std::async(std::launch::async, [&s, first, c = std::move(chunk)]() mutable {
      lower_this_threads_priority();  // a thread of its own (launch::async), ending with the chunk
      return number_and_sign(s, std::move(c), first);
    }));
    return ok();
  };
  auto sign_ahead = [&]() -> Result<void> {
    while (signing.size() < kSignAhead) {
      auto following = next_chunk();
      if (!following) return fail(following.error());
      if (!*following) break;
      if (auto r = start_signing(std::move(**following)); !r) return fail(r.error());
    }
    return ok();
  };

  if (auto r = sign_ahead(); !r) return fail(r.error());
  while (!signing.empty()) {
    SignedChunk current = signing.front().get();
    signing.pop_front();
    if (auto r = sign_ahead(); !r) return fail(r.error());
    const std::size_t prepared = current.chunk.size();
    auto stored = store_signed(s, actor, current, {});
    if (!stored) return fail(stored.error());
    CommittedCertificates done;
    if (*stored) {
      done = std::move(**stored);
    } else {
      auto still = drop_issued(s, std::move(current.chunk));
      if (!still) return fail(still.error());
      auto again = commit_prepared(s, actor, std::move(*still));
      if (!again) return fail(again.error());
      done = std::move(*again);
      // Signed ahead with predictions that are now wrong: sign them again, in order.
      predicted.reset();
      std::vector<std::vector<PreparedCertificate>> stale;
      for (auto& f : signing) stale.push_back(f.get().chunk);
      signing.clear();
      for (auto& c : stale)
        if (auto r = start_signing(std::move(c)); !r) return fail(r.error());
    }
    report.issued += done.ids.size();
    report.skipped += prepared - done.ids.size();
    for (auto& n : done.numbers) report.numbers.push_back(std::move(n));
    if (progress) progress(report);
    if (stop && stop->load()) break;
  }
  return report;
}

}  // namespace rc::app
