// libFuzzer driver: the plain-TOML reader against toml++. Whenever the plain
// reader builds a tree, toml++ must read the same text to a table whose tree
// (tree_of) is the same;
// anything else is a bug in the reader (an abort, so libFuzzer keeps it).
#include "util/plain_toml.hpp"

#include <cstdint>
#include <cstdlib>
#include <string_view>

#include <toml++/toml.h>

#include <contra/text.hpp>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    const std::string_view text(reinterpret_cast<const char*>(data), size);
    if (!contra::validate_utf8(text, "fuzz")) return 0;  // the reader's precondition
    const auto plain = contra::detail::parse_plain_toml(text);
    if (!plain) return 0;
#if TOML_EXCEPTIONS
    try {
        if (!contra::detail::same_tree(contra::detail::tree_of(toml::parse(text)).root, plain->root)) std::abort();
    } catch (const toml::parse_error&) {
        std::abort();
    }
#else
    auto reference = toml::parse(text);
    if (!reference || !contra::detail::same_tree(contra::detail::tree_of(reference.table()).root, plain->root)) {
        std::abort();
    }
#endif
    return 0;
}
