#pragma once
// A small JSON reader for the documents Lantern parses itself (Keras model configs): one pass
// over the text, so time and memory grow linearly with it, and a nesting limit that turns a
// hostile "[[[[…" into a clear error instead of deep recursion.

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace lantern::core {

struct JsonValue {
    enum class Type : std::uint8_t { Null, Bool, Number, String, Array, Object };

    Type type = Type::Null;
    bool boolean = false;
    double number = 0;
    std::string string;
    std::vector<JsonValue> elements; // Array
    // Object: member i is named memberNames[i], in document order (two vectors, since a pair
    // cannot hold the type being defined).
    std::vector<std::string> memberNames;
    std::vector<JsonValue> memberValues;

    bool isArray() const { return type == Type::Array; }
    bool isObject() const { return type == Type::Object; }
    bool isString() const { return type == Type::String; }
    bool isNumber() const { return type == Type::Number; }
    // The member named `name` of an object (the last one, if repeated), or nullptr.
    const JsonValue* member(std::string_view name) const;
};

struct JsonParseResult {
    JsonValue value;
    std::string error; // empty on success; else what is wrong and at which byte
    std::uint64_t valueCount = 0; // values read, a measure of the work done
};

inline constexpr int kDefaultJsonDepthLimit = 256;

// Strict JSON (RFC 8259), plus the NaN, Infinity and -Infinity that Python's json writes.
JsonParseResult parseJson(std::string_view text, int depthLimit = kDefaultJsonDepthLimit);

} // namespace lantern::core
