#include "app/document_type_label.h"

namespace rc::app {

std::string_view document_type_label(store::DocumentType t) {
  switch (t) {
    case store::DocumentType::kResidentId: return "居民身份证";
    case store::DocumentType::kHmtResidencePermit: return "港澳台居民居住证";
    case store::DocumentType::kForeignPermanentId: return "外国人永久居留身份证";
    case store::DocumentType::kHkMacaoPermit: return "港澳居民来往内地通行证";
    case store::DocumentType::kTaiwanPermit: return "台湾居民来往大陆通行证";
    case store::DocumentType::kPassport: return "护照";
  }
  return "";
}

}  // namespace rc::app
