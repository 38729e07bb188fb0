#pragma once
// How tags are grouped and ordered on every card tab: by the prefix before the first '/', in
// natural order ("a2" before "a10").

#include <QString>

namespace lantern::ui {

// The tag's group: the part before the first '/', or the whole tag.
QString groupOf(const QString& tag);
// Natural order: digit runs compare as numbers, case-insensitively otherwise.
bool naturalLess(const QString& a, const QString& b);

} // namespace lantern::ui
