#include <contra/error.hpp>

#include <fmt/core.h>

namespace contra {

std::string Error::describe() const
{
    std::string out;
    if (!where.file.empty()) {
        out = where.file;
        if (where.line > 0) {
            out += fmt::format(":{}", where.line);
            if (where.column > 0) out += fmt::format(":{}", where.column);
        }
        out += ": ";
    }
    out += message;
    return out;
}

}  // namespace contra
