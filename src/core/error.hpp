#pragma once
// The error type every domain module throws; the HTTP boundary renders it from the catalogue.
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>

#include <boost/json/object.hpp>

namespace simpul {

/// Catalogue entries, generated from errors.def.
enum class ErrorCode {
#define SIMPUL_ERROR(name, code, status, msg_id, msg_en) name,
#include "core/errors.def"
#undef SIMPUL_ERROR
};

/// The regulation article behind a refusal, so every refusal can cite it.
struct RuleRef {
  std::string id;
  std::string citation;
};

/// A catalogued failure with optional structured details and the rule that caused it.
class Error : public std::runtime_error {
 public:
  explicit Error(ErrorCode code, boost::json::object details = {}, std::optional<RuleRef> rule = {});
  Error(ErrorCode code, std::string_view field, std::string_view reason);

  ErrorCode code() const { return code_; }
  const boost::json::object& details() const { return details_; }
  const std::optional<RuleRef>& rule() const { return rule_; }

 private:
  ErrorCode code_;
  boost::json::object details_;
  std::optional<RuleRef> rule_;
};

enum class Language { Indonesian, English };

std::string_view error_code_string(ErrorCode code);
int error_http_status(ErrorCode code);
std::string_view error_message(ErrorCode code, Language lang);
/// All catalogue entries, for GET /api/errors and the catalogue test.
std::size_t error_count();
ErrorCode error_at(std::size_t index);

}  // namespace simpul
