#include <contra/limits.hpp>
#include <contra/text.hpp>

#include <fmt/core.h>
#include <utf8proc.h>

#include <algorithm>
#include <array>
#include <bit>
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

// The 8-byte helpers read the first byte of a chunk as its lowest.
static_assert(std::endian::native == std::endian::little);

constexpr std::uint64_t k_bytes_01 = 0x0101010101010101ULL;
constexpr std::uint64_t k_bytes_7f = 0x7F7F7F7F7F7F7F7FULL;
constexpr std::uint64_t k_bytes_80 = 0x8080808080808080ULL;

// The high bit of each byte of `chunk` (all below 0x80) that equals `c`.
std::uint64_t bytes_equal(std::uint64_t chunk, unsigned char c)
{
    const std::uint64_t x = chunk ^ (k_bytes_01 * c);
    return ~(((x & k_bytes_7f) + k_bytes_7f) | x) & k_bytes_80;
}

// True when the eight bytes (little-endian in `chunk`) fold to themselves
// lower-cased: all ASCII, no control byte (tabs and line breaks are white
// space to squeeze), and no space that follows white space, in the chunk or
// (`space_run`) before it.
bool plain_chunk(std::uint64_t chunk, bool space_run)
{
    if ((chunk & k_bytes_80) != 0) return false;
    // A byte below 0x20: adding 0x60 leaves its high bit clear (no carry, all bytes < 0x80).
    if ((~(chunk + k_bytes_01 * 0x60) & k_bytes_80) != 0) return false;
    const std::uint64_t spaces = bytes_equal(chunk, ' ');
    if ((spaces & (spaces << 8)) != 0) return false;
    return !(space_run && (spaces & 0x80) != 0);
}

// `chunk` (all ASCII) with A-Z lower-cased.
std::uint64_t lower_ascii(std::uint64_t chunk)
{
    const std::uint64_t at_least_a = chunk + k_bytes_01 * (0x80 - 'A');
    const std::uint64_t above_z = chunk + k_bytes_01 * (0x7F - 'Z');
    return chunk | ((at_least_a & ~above_z & k_bytes_80) >> 2);
}

}  // namespace

Expected<void> validate_utf8(std::string_view text, std::string_view file)
{
    std::size_t i = 0;
    while (i < text.size()) {
        if (i + 8 <= text.size()) {  // eight ASCII bytes at a time
            std::uint64_t chunk = 0;
            std::memcpy(&chunk, text.data() + i, 8);
            if ((chunk & k_bytes_80) == 0) {
                i += 8;
                continue;
            }
        }
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

namespace {

// Writes the folded text into buffers sized ahead, so the ASCII bytes (one
// byte out per byte in at most) are written without a capacity check each;
// only a code point beyond ASCII, which may fold to more bytes than it
// takes, makes room first.
class Folder {
public:
    Folder(std::string_view text, FoldedText& folded) : m_text(text), m_folded(folded)
    {
        reserve(text.size() + 1);
    }

    void run()
    {
        const std::string_view text = m_text;
        std::size_t i = 0;
        while (i < text.size()) {
            fold_ascii(i);
            if (i < text.size()) i = beyond_ascii(i);
        }
        m_origin[m_out] = static_cast<std::uint32_t>(text.size());
        m_folded.text.resize(m_out);
        m_folded.origin.resize(m_out + 1);
    }

private:
    // Folds the ASCII bytes from `i` on: lower case, each run of white space
    // one space. Stops at the first byte beyond ASCII.
    void fold_ascii(std::size_t& i)
    {
        // Locals, not the members: a char store may alias anything, which
        // would make the compiler reload them at every byte.
        const char* const in = m_text.data();
        const std::size_t size = m_text.size();
        char* const chars = m_chars;
        std::uint32_t* const origin = m_origin;
        std::size_t out = m_out;
        bool space_run = m_in_space;
        std::size_t at = i;
        for (; at < size; ++at) {
            // Eight plain bytes at a time while they need no more than
            // lower-casing (see plain_chunk), which is most of running prose.
            while (at + 8 <= size) {
                std::uint64_t chunk = 0;
                std::memcpy(&chunk, in + at, 8);
                if (!plain_chunk(chunk, space_run)) break;
                chunk = lower_ascii(chunk);
                std::memcpy(chars + out, &chunk, 8);
                for (std::size_t k = 0; k < 8; ++k) origin[out + k] = static_cast<std::uint32_t>(at + k);
                space_run = (chunk >> 56) == ' ';
                out += 8;
                at += 8;
            }
            if (at >= size) break;
            const auto byte = static_cast<unsigned char>(in[at]);
            if (byte >= 0x80) break;
            const bool space = byte == ' ' || (byte >= '\t' && byte <= '\r');
            // Written always, kept unless it goes on a run of white space:
            // no branch to mispredict at every word's end.
            chars[out] = space ? ' ' : static_cast<char>(byte >= 'A' && byte <= 'Z' ? byte + 32 : byte);
            origin[out] = static_cast<std::uint32_t>(at);
            out += static_cast<std::size_t>(!(space && space_run));
            space_run = space;
        }
        i = at;
        m_out = out;
        m_in_space = space_run;
    }

    // Folds the code point at `i`; returns the offset after it.
    std::size_t beyond_ascii(std::size_t i)
    {
        const auto from = static_cast<std::uint32_t>(i);
        utf8proc_int32_t cp = 0;
        const auto length = decode(m_text, i, cp);
        if (length <= 0) {  // invalid byte: keep it as it is, matching only itself
            put(m_text.substr(i, 1), from, i + 1);
            m_in_space = false;
            return i + 1;
        }
        const std::size_t next = i + static_cast<std::size_t>(length);
        if (is_space(cp)) {
            if (!m_in_space) put(" ", from, next);
            m_in_space = true;
            return next;
        }
        m_in_space = false;
        cp = plain_punctuation(cp);
        int last_boundclass = 0;
        const auto count = utf8proc_decompose_char(
            cp, m_parts.data(), static_cast<utf8proc_ssize_t>(m_parts.size()),
            static_cast<utf8proc_option_t>(UTF8PROC_DECOMPOSE | UTF8PROC_COMPAT | UTF8PROC_CASEFOLD |
                                           UTF8PROC_STRIPMARK | UTF8PROC_IGNORE),
            &last_boundclass);
        if (count < 0 || count > static_cast<utf8proc_ssize_t>(m_parts.size())) {
            put_code_point(cp, from, next);
            return next;
        }
        for (utf8proc_ssize_t k = 0; k < count; ++k) {
            put_code_point(plain_punctuation(m_parts[static_cast<std::size_t>(k)]), from, next);
        }
        return next;
    }

    void put_code_point(utf8proc_int32_t cp, std::uint32_t from, std::size_t next)
    {
        std::array<utf8proc_uint8_t, 4> buffer{};
        const auto length = utf8proc_encode_char(cp, buffer.data());
        put(std::string_view(reinterpret_cast<const char*>(buffer.data()), static_cast<std::size_t>(length)), from,
            next);
    }

    // Appends `bytes`, all from original offset `from`, keeping room for the
    // input left after `next` (one byte each) and the closing origin.
    void put(std::string_view bytes, std::uint32_t from, std::size_t next)
    {
        const std::size_t needed = m_out + bytes.size() + (m_text.size() - next) + 1;
        if (needed > m_folded.text.size()) reserve(std::max(needed, m_folded.text.size() * 2));
        for (const char c : bytes) {
            m_chars[m_out] = c;
            m_origin[m_out] = from;
            ++m_out;
        }
    }

    void reserve(std::size_t size)
    {
        m_folded.text.resize(size);
        m_folded.origin.resize(size);
        m_chars = m_folded.text.data();
        m_origin = m_folded.origin.data();
    }

    std::string_view m_text;
    FoldedText& m_folded;
    char* m_chars = nullptr;
    std::uint32_t* m_origin = nullptr;
    std::size_t m_out = 0;
    bool m_in_space = false;
    std::array<utf8proc_int32_t, 32> m_parts{};
};

}  // namespace

void fold_with_map(std::string_view text, FoldedText& folded)
{
    Folder(text, folded).run();
}

FoldedText fold_with_map(std::string_view text)
{
    FoldedText folded;
    fold_with_map(text, folded);
    return folded;
}

std::string fold(std::string_view text)
{
    return fold_with_map(text).text;
}

std::size_t FoldedCursor::at(std::size_t offset)
{
    if (offset < m_offset) m_index = m_offset = 0;  // out of order: start over
    const std::vector<std::uint32_t>& origin = m_folded.origin;
    const std::size_t end = origin.size() - 1;
    const std::size_t guess = std::min(end, m_index + (offset - m_offset));
    const bool none_before = guess == m_index || origin[guess - 1] < offset;
    const bool reached = guess == end || origin[guess] >= offset;
    if (none_before && reached) {
        m_index = guess;
    } else {
        // Every byte before m_index has an origin before the last offset, so
        // before this one too. Steps of 1, 2, 4 … find a byte at or past
        // the offset; the answer lies between it and the last step.
        std::size_t low = m_index;
        std::size_t high = m_index;
        for (std::size_t step = 1; high < end && origin[high] < offset; step *= 2) {
            low = high + 1;
            high = std::min(end, high + step);
        }
        m_index = static_cast<std::size_t>(
            std::lower_bound(origin.begin() + static_cast<std::ptrdiff_t>(low),
                             origin.begin() + static_cast<std::ptrdiff_t>(high), offset) - origin.begin());
    }
    m_offset = offset;
    return m_index;
}

bool is_ascii(std::string_view text)
{
    return std::ranges::none_of(text, [](char c) { return static_cast<unsigned char>(c) >= 0x80; });
}

std::size_t code_points(std::string_view text)
{
    // Every byte but a continuation byte (10xxxxxx) starts a code point.
    // Eight bytes at a time (every extracted claim counts its column over
    // the line before it): a continuation byte has its top bit set and the
    // bit below it clear, which `chunk & ~(chunk << 1)` shows in each
    // byte's top bit; the multiplication adds those bits up in the top byte.
    constexpr std::uint64_t k_top_bits = 0x8080808080808080ULL;
    constexpr std::uint64_t k_byte_sum = 0x0101010101010101ULL;
    std::size_t continuations = 0;
    std::size_t i = 0;
    for (; i + 8 <= text.size(); i += 8) {
        std::uint64_t chunk = 0;
        std::memcpy(&chunk, text.data() + i, 8);
        continuations += static_cast<std::size_t>((((chunk & ~(chunk << 1) & k_top_bits) >> 7) * k_byte_sum) >> 56);
    }
    for (; i < text.size(); ++i) continuations += (static_cast<unsigned char>(text[i]) & 0xC0) == 0x80 ? 1 : 0;
    return text.size() - continuations;
}

std::string_view trim(std::string_view text)
{
    auto is_blank = [](char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; };
    while (!text.empty() && is_blank(text.front())) text.remove_prefix(1);
    while (!text.empty() && is_blank(text.back())) text.remove_suffix(1);
    return text;
}

}  // namespace contra
