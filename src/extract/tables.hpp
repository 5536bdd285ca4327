// Tables whose rows are sources. A fact sheet's "| Source | Dead | Injured |"
// table gives each row's figures to the body its first cell names; the
// sentence reader sees no speaker in "| Ministry of Transport | 33 | 72 |".
#pragma once

#include "extract/segmenter.hpp"

#include <string_view>
#include <vector>

namespace contra::detail::extraction {

struct SourceTable {
    ByteRange bytes;                  // the whole table, header to last row
    std::vector<ByteRange> header;    // the header's cells, trimmed
    struct Row {
        std::vector<ByteRange> cells; // trimmed; the first names the source
    };
    std::vector<Row> rows;
};

// The Markdown (pipe) tables of `text` whose first header cell's first word,
// folded, is one of `source_headers` ("Source", "Who"), in text order. A
// table is a header line, a delimiter line ("|---|:---:|") and the rows after
// them, every line opening with "|".
[[nodiscard]] std::vector<SourceTable> source_tables(std::string_view text,
                                                     const std::vector<std::string>& source_headers);

}  // namespace contra::detail::extraction
