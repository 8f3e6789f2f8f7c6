#include "core/error.hpp"

#include <array>

namespace simpul {
namespace {

struct Entry {
  std::string_view code;
  int status;
  std::string_view message_id;
  std::string_view message_en;
};

constexpr std::array kEntries = {
#define SIMPUL_ERROR(name, code, status, msg_id, msg_en) Entry{code, status, msg_id, msg_en},
#include "core/errors.def"
#undef SIMPUL_ERROR
};

const Entry& entry(ErrorCode code) { return kEntries[static_cast<std::size_t>(code)]; }

}  // namespace

Error::Error(ErrorCode code, boost::json::object details, std::optional<RuleRef> rule)
    : std::runtime_error(std::string(entry(code).code)),
      code_(code),
      details_(std::move(details)),
      rule_(std::move(rule)) {}

Error::Error(ErrorCode code, std::string_view field, std::string_view reason)
    : Error(code, boost::json::object{{"field", field}, {"reason", reason}}) {}

std::string_view error_code_string(ErrorCode code) { return entry(code).code; }
int error_http_status(ErrorCode code) { return entry(code).status; }
std::string_view error_message(ErrorCode code, Language lang) {
  return lang == Language::English ? entry(code).message_en : entry(code).message_id;
}
std::size_t error_count() { return kEntries.size(); }
ErrorCode error_at(std::size_t index) { return static_cast<ErrorCode>(index); }

}  // namespace simpul
