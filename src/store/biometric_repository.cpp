#include "store/biometric_repository.h"

#include "store/biometric_sql.h"
#include "store/repository_support.h"
#include "store/storage_error.h"

namespace rc::store {

Result<Id> BiometricRepository::add_photo(const CandidatePhoto& p) {
  if (p.image.empty()) return fail(ErrorCode::kInvalidValue, "image", "照片内容为空");
  return guarded("保存考生照片", [&]() -> Result<Id> {
    Id id = 0;
    Statement st(tx_, sql::kInsertPhoto);
    st.bind(p.candidate_id).bind(p.media_type).bind(p.image).bind(p.key_id).bind(p.digest);
    st.bind(p.created_at).bind(p.delete_after).into(id);
    st.execute();
    return id;
  });
}

Result<std::optional<CandidatePhoto>> BiometricRepository::latest_photo(Id candidate_id) {
  return guarded("读取考生照片", [&]() -> Result<std::optional<CandidatePhoto>> {
    CandidatePhoto row;
    Statement st(tx_, sql::kSelectLatestPhoto);
    st.bind(candidate_id);
    st.into(row.id).into(row.candidate_id).into(row.media_type).into(row.image).into(row.key_id);
    st.into(row.digest).into(row.created_at).into(row.delete_after);
    return first(st, row);
  });
}

Result<Id> BiometricRepository::add_face_template(const FaceTemplate& f) {
  if (f.template_cipher.empty()) return fail(ErrorCode::kInvalidValue, "template", "人脸特征数据为空");
  return guarded("保存人脸特征", [&]() -> Result<Id> {
    Id id = 0;
    Statement st(tx_, sql::kInsertFaceTemplate);
    st.bind(f.candidate_id).bind(f.model).bind(f.template_cipher).bind(f.key_id);
    st.bind(f.created_at).bind(f.delete_after).into(id);
    st.execute();
    return id;
  });
}

Result<std::optional<FaceTemplate>> BiometricRepository::latest_face_template(Id candidate_id) {
  return guarded("读取人脸特征", [&]() -> Result<std::optional<FaceTemplate>> {
    FaceTemplate row;
    Statement st(tx_, sql::kSelectLatestFaceTemplate);
    st.bind(candidate_id);
    st.into(row.id).into(row.candidate_id).into(row.model).into(row.template_cipher).into(row.key_id);
    st.into(row.created_at).into(row.delete_after);
    return first(st, row);
  });
}

Result<ErasedBiometrics> BiometricRepository::delete_expired(Timestamp now) {
  return guarded("删除到期的生物识别数据", [&]() -> Result<ErasedBiometrics> {
    ErasedBiometrics erased;
    Statement photos(tx_, sql::kDeleteExpiredPhotos);
    photos.bind(now).execute();
    erased.photos = photos.affected_rows();
    Statement faces(tx_, sql::kDeleteExpiredFaceTemplates);
    faces.bind(now).execute();
    erased.face_templates = faces.affected_rows();
    return erased;
  });
}

}  // namespace rc::store
