// Errors that input can cause, carried as values: std::expected<T, Error>.
#pragma once

#include <cstddef>
#include <expected>
#include <optional>
#include <string>

namespace contra {

// What kind of failure this is; the CLI maps it to an exit code.
enum class ErrorKind {
    bad_input,  // malformed file, unknown id, quote not found … (exit 2)
    usage,      // a command line that makes no sense (exit 2)
    internal,   // a bug or an environment failure we did not anticipate (exit 3)
};

// Where something happened. Line and column count from 1 (0 = unknown);
// columns are Unicode code points. `offset` is a byte offset into the file.
struct Location {
    std::string file;
    int line = 0;
    int column = 0;
    std::optional<std::size_t> offset;
};

struct Error {
    ErrorKind kind = ErrorKind::bad_input;
    std::string message;
    Location where;

    // "file:line:col: message", leaving out the parts that are unknown.
    [[nodiscard]] std::string describe() const;
};

template <class T>
using Expected = std::expected<T, Error>;

[[nodiscard]] inline std::unexpected<Error> bad_input(std::string message, Location where = {})
{
    return std::unexpected(Error{ErrorKind::bad_input, std::move(message), std::move(where)});
}

[[nodiscard]] inline std::unexpected<Error> usage_error(std::string message)
{
    return std::unexpected(Error{ErrorKind::usage, std::move(message), {}});
}

[[nodiscard]] inline std::unexpected<Error> internal_error(std::string message, Location where = {})
{
    return std::unexpected(Error{ErrorKind::internal, std::move(message), std::move(where)});
}

}  // namespace contra
