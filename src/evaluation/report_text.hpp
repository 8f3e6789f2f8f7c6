#pragma once
// The report's text as it is printed: numbers in Indonesian notation and every string of the
// report made safe for the PDF once, so layout code can trust its input.
#include <string>

#include "evaluation/report.hpp"

namespace simpul::evaluation {

/// `value` with `decimals` places and the Indonesian decimal comma: "2,44"; "–" when not finite.
/// std::to_chars, not printf: the result must not depend on the process locale.
std::string decimal_id(double value, int decimals);

/// Up to `decimals` places but at least `keep`, trailing zeros dropped: weights "1,3", "10".
std::string trimmed_id(double value, int decimals, int keep = 0);

/// Index points gained: at least two places ("0,05") but never rounding a weight away ("0,0275").
inline std::string gain_id(double gain) { return trimmed_id(gain, 4, 2); }

/// Every string of the report passed through pdf::clean (explanations keep their newlines).
ReportData cleaned(const ReportData& in);

}  // namespace simpul::evaluation
