# Writes OUT: a C++ file defining `const std::map<std::string_view,
# std::string_view>& FUNC()` that maps each file's path (relative to BASE) to
# its contents, so the binary carries its templates, styles and maps.
# Called as: cmake -DOUT=... -DFUNC=... -DBASE=... -DFILES="a|b|c" -P embed.cmake
string(REPLACE "|" ";" FILES "${FILES}")
set(body "#include <map>\n#include <string_view>\nnamespace ntm {\nconst std::map<std::string_view, std::string_view>& ${FUNC}() {\n  static const std::map<std::string_view, std::string_view> kFiles = {\n")
foreach(f ${FILES})
  file(RELATIVE_PATH rel "${BASE}" "${f}")
  file(READ "${f}" content)
  # Split long files: compilers limit the length of one string literal piece.
  string(LENGTH "${content}" len)
  set(pieces "")
  set(pos 0)
  while(pos LESS len)
    string(SUBSTRING "${content}" ${pos} 30000 chunk)
    string(APPEND pieces "R\"ntmraw(${chunk})ntmraw\"\n")
    math(EXPR pos "${pos} + 30000")
  endwhile()
  if(pieces STREQUAL "")
    set(pieces "\"\"")
  endif()
  string(APPEND body "    {\"${rel}\", std::string_view(${pieces}, ${len})},\n")
endforeach()
string(APPEND body "  };\n  return kFiles;\n}\n}  // namespace ntm\n")
file(WRITE "${OUT}.tmp" "${body}")
file(COPY_FILE "${OUT}.tmp" "${OUT}" ONLY_IF_DIFFERENT)
