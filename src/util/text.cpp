#include <contra/limits.hpp>
#include <contra/text.hpp>

#include <fmt/core.h>
#include <utf8proc.h>

#include <algorithm>
#include <array>
#include <cerrno>
#include <cstring>
#include <filesystem>
#include <fstream>

namespace contra {

namespace {

// Decodes one code point at `i`; returns its length, or -1 when invalid.
utf8proc_ssize_t decode(std::string_view text, std::size_t i, utf8proc_int32_t& cp)
{
    return utf8proc_iterate(reinterpret_cast<const utf8proc_uint8_t*>(text.data() + i),
                            static_cast<utf8proc_ssize_t>(text.size() - i), &cp);
}

bool is_space(utf8proc_int32_t cp)
{
    if (cp == ' ' || cp == '\t' || cp == '\n' || cp == '\r' || cp == '\f' || cp == '\v') return true;
    if (cp < 0x80) return false;
    auto category = utf8proc_category(cp);
    return category == UTF8PROC_CATEGORY_ZS || category == UTF8PROC_CATEGORY_ZL ||
           category == UTF8PROC_CATEGORY_ZP;
}

// Plain ASCII stand-ins for typographic punctuation.
utf8proc_int32_t plain_punctuation(utf8proc_int32_t cp)
{
    switch (cp) {
    case 0x2018: case 0x2019: case 0x201A: case 0x201B: case 0x2032: case 0x02BC:
        return '\'';
    case 0x201C: case 0x201D: case 0x201E: case 0x201F: case 0x2033: case 0x00AB: case 0x00BB:
        return '"';
    case 0x2010: case 0x2011: case 0x2012: case 0x2013: case 0x2014: case 0x2015: case 0x2212:
        return '-';
    default:
        return cp;
    }
}

void append_utf8(std::string& out, std::vector<std::uint32_t>& origin, utf8proc_int32_t cp,
                 std::uint32_t from)
{
    std::array<utf8proc_uint8_t, 4> buffer{};
    auto length = utf8proc_encode_char(cp, buffer.data());
    out.append(reinterpret_cast<const char*>(buffer.data()), static_cast<std::size_t>(length));
    origin.insert(origin.end(), static_cast<std::size_t>(length), from);
}

// Folds the ASCII bytes text[from, to): lower case, each run of white space
// one space. One byte out per byte in at most, so it writes straight into
// the buffers rather than growing them byte by byte.
void fold_ascii(std::string_view text, std::size_t from, std::size_t to, FoldedText& folded, bool& in_space)
{
    std::size_t out = folded.text.size();
    folded.text.resize(out + (to - from));
    folded.origin.resize(out + (to - from));
    // Locals, not the references: a char store may alias anything, which
    // would make the compiler reload them at every byte.
    const char* const in = text.data();
    char* const chars = folded.text.data();
    std::uint32_t* const origin = folded.origin.data();
    bool space_run = in_space;
    for (std::size_t i = from; i < to; ++i) {
        const auto byte = static_cast<unsigned char>(in[i]);
        const bool space = byte == ' ' || (byte >= '\t' && byte <= '\r');
        // Written always, kept unless it goes on a run of white space: no
        // branch to mispredict at every word's end.
        chars[out] = space ? ' ' : static_cast<char>(byte >= 'A' && byte <= 'Z' ? byte + 32 : byte);
        origin[out] = static_cast<std::uint32_t>(i);
        out += static_cast<std::size_t>(!(space && space_run));
        space_run = space;
    }
    in_space = space_run;
    folded.text.resize(out);
    folded.origin.resize(out);
}

}  // namespace

Expected<void> validate_utf8(std::string_view text, std::string_view file)
{
    std::size_t i = 0;
    while (i < text.size()) {
        if (static_cast<unsigned char>(text[i]) < 0x80) {
            ++i;
            continue;
        }
        utf8proc_int32_t cp = 0;
        auto length = decode(text, i, cp);
        if (length <= 0) {
            // Line and column are counted only now: everything before i is valid.
            const std::string_view before = text.substr(0, i);
            const auto newline = before.rfind('\n');
            const std::size_t line_start = newline == std::string_view::npos ? 0 : newline + 1;
            const auto line = static_cast<int>(std::ranges::count(before, '\n')) + 1;
            const auto column = static_cast<int>(code_points(before.substr(line_start))) + 1;
            return bad_input(fmt::format("invalid UTF-8 at byte offset {}", i),
                             Location{std::string(file), line, column, i});
        }
        i += static_cast<std::size_t>(length);
    }
    return {};
}

bool looks_binary(std::string_view bytes)
{
    auto head = bytes.substr(0, 8192);
    return head.find('\0') != std::string_view::npos;
}

Expected<std::string> read_text_file(const std::string& path)
{
    std::ifstream in(path, std::ios::binary);
    if (!in) {
        return bad_input(fmt::format("cannot read file: {}", std::strerror(errno)), Location{path});
    }
    // A file known to be too big is refused unread; one of unknown size (a
    // pipe) is read up to one chunk past the limit, never more.
    const auto too_big = [&] {
        return bad_input(fmt::format("file is larger than the {} MiB limit", k_max_document_bytes >> 20),
                         Location{path});
    };
    std::error_code size_error;
    const auto size = std::filesystem::file_size(path, size_error);
    if (!size_error && size > k_max_document_bytes) return too_big();
    std::string text;
    if (!size_error) text.reserve(size);
    std::array<char, 65536> chunk;  // not zeroed: only what was read is used
    while (in && text.size() <= k_max_document_bytes) {
        in.read(chunk.data(), static_cast<std::streamsize>(chunk.size()));
        text.append(chunk.data(), static_cast<std::size_t>(in.gcount()));
    }
    if (in.bad()) return bad_input("cannot read file", Location{path});
    if (text.size() > k_max_document_bytes) return too_big();
    if (text.empty()) return bad_input("file is empty", Location{path});
    if (looks_binary(text)) return bad_input("file is binary, not text", Location{path});
    if (auto valid = validate_utf8(text, path); !valid) return std::unexpected(valid.error());
    return text;
}

LineIndex::LineIndex(std::string_view text) : m_text(text)
{
    m_starts.push_back(0);
    for (auto newline = text.find('\n'); newline != std::string_view::npos; newline = text.find('\n', newline + 1)) {
        m_starts.push_back(newline + 1);
    }
}

LineColumn LineIndex::at(std::size_t offset) const
{
    offset = std::min(offset, m_text.size());
    auto it = std::upper_bound(m_starts.begin(), m_starts.end(), offset);
    auto line = static_cast<int>(it - m_starts.begin());
    auto start = m_starts[static_cast<std::size_t>(line - 1)];
    auto column = static_cast<int>(code_points(m_text.substr(start, offset - start))) + 1;
    return {line, column};
}

std::size_t LineIndex::line_start(int line) const
{
    if (line < 1) return 0;
    if (static_cast<std::size_t>(line) > m_starts.size()) return m_text.size();
    return m_starts[static_cast<std::size_t>(line - 1)];
}

FoldedText fold_with_map(std::string_view text)
{
    FoldedText folded;
    folded.text.reserve(text.size());
    folded.origin.reserve(text.size() + 1);
    bool in_space = false;
    std::size_t i = 0;
    std::array<utf8proc_int32_t, 32> parts{};
    while (i < text.size()) {
        std::size_t ascii_end = i;
        while (ascii_end < text.size() && static_cast<unsigned char>(text[ascii_end]) < 0x80) ++ascii_end;
        if (ascii_end > i) {
            fold_ascii(text, i, ascii_end, folded, in_space);
            i = ascii_end;
            continue;
        }
        // One code point beyond ASCII.
        auto from = static_cast<std::uint32_t>(i);
        utf8proc_int32_t cp = 0;
        auto length = decode(text, i, cp);
        if (length <= 0) {  // invalid byte: keep it as it is, matching only itself
            folded.text.push_back(text[i]);
            folded.origin.push_back(from);
            ++i;
            in_space = false;
            continue;
        }
        i += static_cast<std::size_t>(length);
        if (is_space(cp)) {
            if (!in_space) {
                folded.text.push_back(' ');
                folded.origin.push_back(from);
            }
            in_space = true;
            continue;
        }
        in_space = false;
        cp = plain_punctuation(cp);
        int last_boundclass = 0;
        auto count = utf8proc_decompose_char(
            cp, parts.data(), static_cast<utf8proc_ssize_t>(parts.size()),
            static_cast<utf8proc_option_t>(UTF8PROC_DECOMPOSE | UTF8PROC_COMPAT | UTF8PROC_CASEFOLD |
                                           UTF8PROC_STRIPMARK | UTF8PROC_IGNORE),
            &last_boundclass);
        if (count < 0 || count > static_cast<utf8proc_ssize_t>(parts.size())) {
            append_utf8(folded.text, folded.origin, cp, from);
            continue;
        }
        for (utf8proc_ssize_t k = 0; k < count; ++k) {
            append_utf8(folded.text, folded.origin, plain_punctuation(parts[static_cast<std::size_t>(k)]), from);
        }
    }
    folded.origin.push_back(static_cast<std::uint32_t>(text.size()));
    return folded;
}

std::string fold(std::string_view text)
{
    return fold_with_map(text).text;
}

std::size_t code_points(std::string_view text)
{
    return static_cast<std::size_t>(std::count_if(text.begin(), text.end(), [](char c) {
        return (static_cast<unsigned char>(c) & 0xC0) != 0x80;
    }));
}

std::string_view trim(std::string_view text)
{
    auto is_blank = [](char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; };
    while (!text.empty() && is_blank(text.front())) text.remove_prefix(1);
    while (!text.empty() && is_blank(text.back())) text.remove_suffix(1);
    return text;
}

}  // namespace contra
