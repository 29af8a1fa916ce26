#include "twin/parkfile/source_edit.h"

#include <algorithm>

namespace twin {
namespace {

size_t offsetOf(std::string_view text, const SourceLoc& at) {
  size_t offset = 0;
  for (int line = 1; line < at.line; ++line) {
    offset = text.find('\n', offset);
    if (offset == std::string_view::npos) break;
    ++offset;
  }
  if (offset == std::string_view::npos || at.line < 1 || at.column < 1 ||
      offset + static_cast<size_t>(at.column) > text.size() + 1) {
    throw InputError(at.file + ":" + std::to_string(at.line) + ":" + std::to_string(at.column) +
                     ": no value there to replace");
  }
  return offset + static_cast<size_t>(at.column) - 1;
}

// Whether `begin` lies inside a flow collection ({...} or [...]): the text before it scanned for
// brackets outside quoted scalars and comments. A quote opens a quoted scalar only where a scalar
// can begin (after a line start, blank, ':', ',', '[', '{' or '-').
bool inFlow(std::string_view text, size_t begin) {
  int depth = 0;
  char quote = 0;
  for (size_t i = 0; i < begin; ++i) {
    const char c = text[i];
    const char before = i > 0 ? text[i - 1] : '\n';
    if (quote) {
      if (c == quote && !(quote == '"' && before == '\\')) quote = 0;
    } else if ((c == '"' || c == '\'') &&
               std::string_view(" \t\n:,[{-").find(before) != std::string_view::npos) {
      quote = c;
    } else if (c == '#' && (before == ' ' || before == '\n')) {
      while (i < begin && text[i] != '\n') ++i;
    } else if (c == '{' || c == '[') {
      ++depth;
    } else if ((c == '}' || c == ']') && depth > 0) {
      --depth;
    }
  }
  return depth > 0;
}

// Where the scalar beginning at `begin` ends: after its closing quote, or a plain scalar's last
// character before a comment, the line's end or, in a flow collection, a flow indicator.
size_t scalarEnd(std::string_view text, size_t begin) {
  const char open = text[begin];
  if (open == '"' || open == '\'') {
    for (size_t i = begin + 1; i < text.size(); ++i) {
      if (open == '"' && text[i] == '\\') {
        ++i;
      } else if (text[i] == open && open == '\'' && i + 1 < text.size() && text[i + 1] == '\'') {
        ++i;
      } else if (text[i] == open) {
        return i + 1;
      }
    }
    return text.size();
  }
  const std::string_view stops = inFlow(text, begin) ? "\n\r,}]" : "\n\r";
  size_t end = begin;
  while (end < text.size() && stops.find(text[end]) == std::string_view::npos &&
         !(text[end] == '#' && (text[end - 1] == ' ' || text[end - 1] == '\t'))) {
    ++end;
  }
  while (end > begin && (text[end - 1] == ' ' || text[end - 1] == '\t')) --end;
  return end;
}

std::string quoted(const std::string& value, char quote) {
  std::string out(1, quote);
  for (char c : value) {
    if (c == quote || (quote == '"' && c == '\\')) out += quote == '\'' ? '\'' : '\\';
    out += c;
  }
  return out + quote;
}

// Whether YAML reads `v` back as the same string when written plain, in block or flow context
// (no indicator or blank first, no flow indicator, ": " or " #" inside, no blank or ':' last).
bool safePlain(const std::string& v) {
  return !v.empty() &&
         std::string_view("-?:,[]{}#&*!|>'\"%@` \t").find(v.front()) == std::string_view::npos &&
         v.find_first_of(",[]{}") == std::string::npos && v.find(": ") == std::string::npos &&
         v.find(" #") == std::string::npos && v.back() != ' ' && v.back() != ':';
}

}  // namespace

std::string replaceScalars(std::string_view text, std::vector<ScalarEdit> edits) {
  std::vector<std::pair<size_t, const ScalarEdit*>> at;
  for (const ScalarEdit& e : edits) at.emplace_back(offsetOf(text, e.at), &e);
  std::sort(at.begin(), at.end(), [](const auto& a, const auto& b) { return a.first > b.first; });
  std::string out(text);
  for (const auto& [begin, edit] : at) {
    const size_t end = scalarEnd(out, begin);
    const char open = out[begin];
    std::string value;
    if (open == '"' || open == '\'') {
      value = quoted(edit->value, open);
    } else {
      value = safePlain(edit->value) ? edit->value : quoted(edit->value, '"');
    }
    out.replace(begin, end - begin, value);
  }
  return out;
}

}  // namespace twin
