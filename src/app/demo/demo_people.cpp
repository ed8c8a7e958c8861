#include "app/demo/demo_people.h"

#include <array>
#include <cstdio>

#include "app/registration/submit_batch.h"
#include "domain/identity/id_number.h"
#include "store/registration_repository.h"

namespace rc::app {
namespace {

constexpr std::array<const char*, 20> kSurnames{"王", "李", "张", "刘", "陈", "杨", "黄", "赵", "吴", "周",
                                                "徐", "孙", "马", "朱", "胡", "郭", "何", "罗", "高", "林"};
constexpr std::array<const char*, 24> kGiven{"伟", "芳", "娜", "敏", "静", "丽", "强", "磊", "军", "洋", "勇", "艳",
                                             "杰", "娟", "涛", "明", "超", "秀英", "霞", "平", "刚", "建华", "晓东", "文"};
constexpr std::array<const char*, 9> kCounties{"511302", "511303", "511304", "511321", "511322",
                                               "511323", "511324", "511325", "511381"};

}  // namespace

ApplicantForm DemoPeople::next(const Clock& clock) {
  const int n = count_++;
  const CivilDate today = china_date(clock.now());
  const int age = 19 + static_cast<int>(random_.uniform(37));
  const CivilDate birth = CivilDate::from_days(today.days() - age * 365 - static_cast<long>(random_.uniform(300)));
  const bool male = random_.uniform(2) == 0;
  unsigned seq = 1 + static_cast<unsigned>(random_.uniform(498));
  seq = seq * 2 + (male ? 1 : 0);  // odd = male
  char body[18];
  std::snprintf(body, sizeof body, "%s%04d%02u%02u%03u", kCounties[random_.uniform(kCounties.size())], birth.year(),
                birth.month(), birth.day(), seq % 1000 == 0 ? 1u : seq % 1000);
  std::string id(body, 17);
  id += identity::mod11_2_check_character(id);

  ApplicantForm f;
  f.name = std::string(kSurnames[random_.uniform(kSurnames.size())]) + kGiven[random_.uniform(kGiven.size())];
  f.id_number = id;
  f.sex = male ? "男" : "女";
  char phone[16];
  std::snprintf(phone, sizeof phone, "1399%07d", 1000000 + n);
  f.mobile = phone;
  f.health = "是";
  f.employer = n % 2 ? "南充市某应急救援队" : "南充某物业管理有限公司";
  return f;
}

std::string candidate_username_of(Platform& platform, store::Id registration_id) {
  auto reg = platform.database().read(
      [&](store::Transaction& tx) { return store::RegistrationRepository(tx).find(registration_id); });
  return reg ? candidate_username(reg->candidate_id) : std::string();
}

}  // namespace rc::app
