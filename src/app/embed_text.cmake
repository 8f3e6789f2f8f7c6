# Writes a C++ file that returns the text of IN as a string_view (used for docs/openapi.json).
file(READ "${IN}" content)
file(WRITE "${OUT}" "#include <string_view>\nnamespace simpul::app {\nstd::string_view ${FUNCTION}() {\n  static constexpr std::string_view text = R\"SIMPULDOC(${content})SIMPULDOC\";\n  return text;\n}\n}  // namespace simpul::app\n")
