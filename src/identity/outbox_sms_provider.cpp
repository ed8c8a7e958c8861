#include <algorithm>

#include "identity/sms.h"
#include "identity/sms_sql.h"
#include "identity/timestamps.h"
#include "store/repository_support.h"
#include "store/statement.h"
#include "store/storage_error.h"

namespace rc::identity {

SmsProvider::~SmsProvider() = default;

OutboxSmsProvider::OutboxSmsProvider(store::Database& db, const Clock& clock) : db_(db), clock_(clock) {}

Result<void> OutboxSmsProvider::send(const std::string& phone, const std::string& text, const std::string& purpose) {
  const auto now = to_stored(clock_.now());
  return db_.transaction([&](store::Transaction& tx) -> Result<void> {
    return store::guarded("保存短信", [&]() -> Result<void> {
      store::Statement st(tx, sql::kInsertOutboxMessage);
      st.bind(phone).bind(text).bind(purpose).bind(now).bind("outbox").bind("stored");
      st.execute();
      return ok();
    });
  });
}

Result<std::vector<OutboxMessage>> OutboxSmsProvider::list_recent(int limit) {
  limit = std::clamp(limit, 1, 1000);
  return db_.read([&](store::Transaction& tx) -> Result<std::vector<OutboxMessage>> {
    return store::guarded("读取短信发件箱", [&]() -> Result<std::vector<OutboxMessage>> {
      OutboxMessage row;
      store::Statement st(tx, sql::kSelectRecentOutbox);
      st.bind(limit);
      st.into(row.id).into(row.phone).into(row.text).into(row.purpose).into(row.created_at);
      st.into(row.provider).into(row.status);
      return store::collect(st, row);
    });
  });
}

}  // namespace rc::identity
