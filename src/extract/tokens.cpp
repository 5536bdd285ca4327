#include "extract/tokens.hpp"

#include <utf8proc.h>

#include <array>
#include <charconv>
#include <string>

namespace contra::detail::extraction {

namespace {

// A byte of a word of the folded text (a-z, 0-9, and every byte of a
// character outside ASCII), as a table: the tokenizer asks it of every byte.
constexpr auto k_word_byte = [] {
    std::array<bool, 256> table{};
    for (int c = 0; c < 256; ++c) table[c] = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c >= 0x80;
    return table;
}();

bool is_word_byte(unsigned char c) { return k_word_byte[c]; }

bool starts_upper(std::string_view original, std::size_t at)
{
    if (at >= original.size()) return false;
    auto byte = static_cast<unsigned char>(original[at]);
    if (byte < 0x80) return byte >= 'A' && byte <= 'Z';
    utf8proc_int32_t cp = 0;
    auto n = utf8proc_iterate(reinterpret_cast<const utf8proc_uint8_t*>(original.data() + at),
                              static_cast<utf8proc_ssize_t>(original.size() - at), &cp);
    return n > 0 && utf8proc_isupper(cp);
}

}  // namespace

void tokenize_words(const FoldedText& folded, std::string_view original, std::size_t first, std::size_t last,
                    std::vector<WordToken>& out)
{
    out.clear();
    const std::string_view text = folded.text;
    const auto& origin = folded.origin;
    auto push = [&](std::size_t a, std::size_t b, bool punct) {
        // Filled in place: a token built aside and copied in was assembled
        // from narrow stores and read back wide, which stalled the copy.
        WordToken& token = out.emplace_back();
        token.word = text.substr(a, b - a);
        token.start = origin[a];
        token.end = origin[b];
        token.punct = punct;
        token.number = !punct && text[a] >= '0' && text[a] <= '9';
        token.capital = !punct && starts_upper(original, token.start);
    };
    std::size_t i = first;
    while (i < last) {
        auto c = static_cast<unsigned char>(text[i]);
        if (c == ' ') {
            ++i;
            continue;
        }
        // Markdown's emphasis ("**five people have died**") marks no word
        // and no break: it is passed over.
        if (c == '*') {
            ++i;
            continue;
        }
        if (!is_word_byte(c)) {
            push(i, i + 1, true);
            ++i;
            continue;
        }
        std::size_t j = i + 1;
        bool apostrophe = false;  // only a word with one can end in "n't" or "'s"
        while (true) {
            while (j < last && is_word_byte(static_cast<unsigned char>(text[j]))) ++j;
            if (j + 1 < last && text[j] == '\'' && text[j + 1] >= 'a' && text[j + 1] <= 'z') {
                apostrophe = true;
                j += 2;
                continue;
            }
            break;
        }
        std::string_view word = text.substr(i, j - i);
        if (!apostrophe) {
            push(i, j, false);
        } else if (word.size() > 3 && word.ends_with("n't")) {
            push(i, j - 3, false);
            push(j - 3, j, false);
        } else if (word.size() > 2 && word.ends_with("'s")) {
            push(i, j - 2, false);
            push(j - 2, j, false);
        } else {
            push(i, j, false);
        }
        i = j;
    }
}

std::optional<int> year_of(const WordToken& token)
{
    if (!token.number || token.word.size() != 4) return std::nullopt;
    int year = 0;
    const auto [end, ec] = std::from_chars(token.word.data(), token.word.data() + 4, year);
    if (ec != std::errc() || end != token.word.data() + 4 || year < 1800 || year > 2100) return std::nullopt;
    return year;
}

std::vector<std::string> phrase_words(std::string_view phrase)
{
    const FoldedText folded = fold_with_map(phrase);
    std::vector<WordToken> tokens;
    tokenize_words(folded, phrase, 0, folded.text.size(), tokens);
    std::vector<std::string> words;
    words.reserve(tokens.size());
    for (const auto& token : tokens) words.emplace_back(token.word);
    return words;
}

}  // namespace contra::detail::extraction
