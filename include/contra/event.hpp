// The incident covered by competing accounts.
#pragma once

#include <string>
#include <vector>

namespace contra {

struct Event {
    std::string id;  // slug, e.g. "durres-raid-2023"
    std::string title;
    std::string date;   // ISO date (YYYY-MM-DD) or empty
    std::string place;
    std::vector<std::string> aliases;  // other names a text may use for it

    friend bool operator==(const Event&, const Event&) = default;
};

}  // namespace contra
