#include "cert/ofd_signature.h"

#include <ctime>

#include "cert/base64.h"
#include "cert/ofd_text.h"
#include "cert/sm2.h"

namespace rc::cert {

std::string sm3_base64(std::string_view bytes) {
  const auto md = sm3(bytes);
  return base64_encode(std::string_view(reinterpret_cast<const char*>(md.data()), md.size()));
}

std::string signature_date_time(std::chrono::system_clock::time_point t) {
  const std::time_t secs = std::chrono::system_clock::to_time_t(t);
  std::tm tm{};
  gmtime_r(&secs, &tm);
  char buf[32];
  std::strftime(buf, sizeof buf, "%Y%m%d%H%M%SZ", &tm);
  return buf;
}

std::string signatures_xml() {
  // Numeric IDs as Suwell and ofdrw write them; the stock Signatures.xsd wants xs:ID here (OFD.md §4),
  // which is why the signature files are checked in code rather than by the schema.
  return std::string("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<ofd:Signatures xmlns:ofd=\"http://www.ofdspec.org/2016\">"
                     "<ofd:MaxSignId>1</ofd:MaxSignId><ofd:Signature ID=\"1\" Type=\"Sign\" BaseLoc=\"/") +
         std::string(kSignaturePath) + "\"/></ofd:Signatures>\n";
}

std::string signature_xml(const std::vector<FileReference>& refs, std::string_view date_time) {
  std::string x;
  x.reserve(256 + refs.size() * 128);
  x += "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<ofd:Signature xmlns:ofd=\"http://www.ofdspec.org/2016\"><ofd:SignedInfo>";
  x += "<ofd:Provider ProviderName=\"" + std::string(kProviderName) + "\" Version=\"" + std::string(kProviderVersion) +
       "\" Company=\"" + std::string(kProviderName) + "\"/>";
  x += "<ofd:SignatureMethod>" + std::string(kSm2WithSm3Oid) + "</ofd:SignatureMethod>";
  x += "<ofd:SignatureDateTime>";
  append_xml_escaped(x, date_time);
  x += "</ofd:SignatureDateTime><ofd:References CheckMethod=\"" + std::string(kSm3Oid) + "\">";
  for (const auto& r : refs) {
    x += "<ofd:Reference FileRef=\"/";
    append_xml_escaped(x, r.path);
    x += "\"><ofd:CheckValue>";
    append_xml_escaped(x, r.check_value);
    x += "</ofd:CheckValue></ofd:Reference>";
  }
  x += "</ofd:References></ofd:SignedInfo><ofd:SignedValue>/" + std::string(kSignedValuePath) +
       "</ofd:SignedValue></ofd:Signature>\n";
  return x;
}

}  // namespace rc::cert
