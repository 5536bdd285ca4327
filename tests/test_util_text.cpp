#include "support.hpp"

#include <contra/hash.hpp>
#include <contra/text.hpp>

#include <catch2/catch.hpp>

#include <algorithm>
#include <array>
#include <span>
#include <string_view>

using namespace contra;

TEST_CASE("validate_utf8 names the byte offset, line and column of a bad sequence")
{
    REQUIRE(validate_utf8("Durrës ok", "a.txt"));
    auto bad = validate_utf8("line one\nab\xC3(", "a.txt");
    REQUIRE_FALSE(bad);
    CHECK(bad.error().where.file == "a.txt");
    CHECK(bad.error().where.line == 2);
    CHECK(bad.error().where.column == 3);
    CHECK(bad.error().where.offset == 11u);
    CHECK(bad.error().describe() == "a.txt:2:3: invalid UTF-8 at byte offset 11");
}

TEST_CASE("read_text_file refuses missing, empty, binary and invalid files")
{
    test::TempDir dir;
    test::write_file(dir / "empty.txt", "");
    test::write_file(dir / "binary.bin", std::string("ab\0cd", 5));
    test::write_file(dir / "latin1.txt", "Durr\xEBs");
    test::write_file(dir / "good.txt", "Manëz\n");
    CHECK(read_text_file((dir / "missing.txt").string()).error().message.starts_with("cannot read file"));
    CHECK(read_text_file((dir / "empty.txt").string()).error().message == "file is empty");
    CHECK(read_text_file((dir / "binary.bin").string()).error().message == "file is binary, not text");
    CHECK(read_text_file((dir / "latin1.txt").string()).error().where.column == 5);
    CHECK(read_text_file((dir / "good.txt").string()).value() == "Manëz\n");
}

TEST_CASE("LineIndex counts columns in code points")
{
    std::string text = "first\nÇuçi said\nthird";
    LineIndex index(text);
    CHECK(index.line_count() == 3);
    auto said = text.find("said");
    CHECK(index.at(said).line == 2);
    CHECK(index.at(said).column == 6);  // Ç and ç are two bytes each, one column each
    CHECK(index.at(0).column == 1);
    CHECK(index.line_start(3) == text.find("third"));
}

TEST_CASE("code_points counts eight bytes at a time with the same result as byte by byte")
{
    // Two-, three- and four-byte sequences at every place in and across the
    // 8-byte chunks, bytes above 0xC0 and a tail shorter than a chunk.
    const std::string text = "Çuçi — 12 € said: “ok” 😀 naïve Ωmega ÿ";
    for (std::size_t start = 0; start <= text.size(); ++start) {
        const std::string_view part = std::string_view(text).substr(start);
        const auto by_byte = static_cast<std::size_t>(std::ranges::count_if(
            part, [](char c) { return (static_cast<unsigned char>(c) & 0xC0) != 0x80; }));
        CHECK(code_points(part) == by_byte);
    }
    CHECK(code_points("") == 0);
    CHECK(code_points("Çuçi said") == 9);
}

TEST_CASE("fold makes case, diacritics, curly quotes and dashes match and maps back")
{
    CHECK(fold("Durrës") == fold("DURRES"));
    CHECK(fold("Bledi Çuçi") == "bledi cuci");
    CHECK(fold("\u201Cnot responsible\u201D") == "\"not responsible\"");
    CHECK(fold("2013\u20132016") == "2013-2016");
    CHECK(fold("a  \n\t b") == "a b");

    std::string original = "Manëz near Durrës";
    auto folded = fold_with_map(original);
    auto at = folded.text.find("durres");
    REQUIRE(at != std::string::npos);
    auto begin = folded.origin[at];
    auto end = folded.origin[at + 6];
    CHECK(original.substr(begin, end - begin) == "Durrës");
    CHECK(folded.origin.back() == original.size());
}

TEST_CASE("fold reads plain ASCII eight bytes at a time with the same result as byte by byte")
{
    // Runs long enough for whole 8-byte chunks, with white space runs, tabs,
    // line breaks, control bytes and the bytes either side of A-Z in them.
    const std::string original = "The QUICK brown  fox\tjumps\n\nOVER the lazy dog AZ@[`{az \x01 end  ";
    const FoldedText folded = fold_with_map(original);
    CHECK(folded.text == "the quick brown fox jumps over the lazy dog az@[`{az \x01 end ");
    REQUIRE(folded.origin.size() == folded.text.size() + 1);
    CHECK(folded.origin[16] == 17);  // "fox", after two spaces
    CHECK(folded.origin[26] == 28);  // "over", after two line breaks
    CHECK(folded.origin.back() == original.size());

    // A buffer reused for a shorter text holds only the new one.
    FoldedText reused = fold_with_map(std::string(40, 'X'));
    fold_with_map("Ab", reused);
    CHECK(reused.text == "ab");
    CHECK(reused.origin == std::vector<std::uint32_t>{0, 1, 2});
}

TEST_CASE("sha256_hex matches the standard test vector")
{
    CHECK(sha256_hex("abc") == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    CHECK(short_hash("abc", 8) == "ba7816bf");
}

TEST_CASE("is_ascii is false as soon as one byte is not ASCII, and plain ASCII folds to its lower case")
{
    CHECK(is_ascii(""));
    CHECK(is_ascii("Interior Ministry, 3 June"));
    CHECK_FALSE(is_ascii("Durrës"));
    CHECK_FALSE(is_ascii("\xE2\x80\x9Cquoted\xE2\x80\x9D"));
    CHECK(fold("Interior MINISTRY") == "interior ministry");
}

TEST_CASE("to_hex writes two lower-case digits per byte, most significant first")
{
    const std::array<unsigned char, 4> bytes{0x00, 0x0f, 0xa0, 0xff};
    CHECK(to_hex(bytes) == "000fa0ff");
    CHECK(to_hex(std::span<const unsigned char>()).empty());
}
