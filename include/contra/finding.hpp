// What a draft rule found in a draft.
#pragma once

#include <contra/flag.hpp>

#include <cstddef>
#include <string>
#include <vector>

namespace contra {

// One account behind a finding: who said what, and where.
struct FindingAccount {
    std::string claim;   // claim id
    std::string source;  // source name
    std::string value;   // as worded
    std::string quote;
    std::string document;  // document title or path
};

struct Finding {
    std::string path;  // the draft
    std::string rule;  // rule id
    Severity severity = Severity::warning;
    std::string message;
    // Where: bytes [start, end) of the draft; line and column (from 1,
    // columns in code points) of the first and of the last character + 1.
    std::size_t start = 0;
    std::size_t end = 0;
    int line = 0;
    int column = 0;
    int end_line = 0;
    int end_column = 0;
    std::string excerpt;  // the draft's words at the span
    std::vector<FindingAccount> accounts;
    std::vector<std::string> flags;  // related flag ids
    bool suppressed = false;
    // Stable across unrelated edits of the draft: rule, event and the
    // normalised excerpt, not line numbers.
    std::string fingerprint;
};

// The outcome of checking some drafts.
struct CheckReport {
    std::vector<Finding> findings;        // sorted by path, line, column, rule
    std::vector<std::string> notes;       // "drafts/x.md: no known event" …
    int drafts = 0;
    std::vector<std::string> paths;       // every draft checked, in the order given
};

}  // namespace contra
