#include "cli/context.hpp"

#include <fmt/chrono.h>
#include <toml++/toml.h>
#include <unistd.h>

#include <cerrno>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <optional>
#include <system_error>

namespace contra::cli {

namespace fs = std::filesystem;

namespace {

std::optional<std::string> env(const char* name)
{
    const char* value = std::getenv(name);
    if (value == nullptr || *value == '\0') return std::nullopt;
    return std::string(value);
}

// The nearest contra.toml from the working directory up.
std::optional<fs::path> find_config()
{
    std::error_code ec;
    for (auto dir = fs::current_path(ec); !ec && !dir.empty(); dir = dir.parent_path()) {
        auto candidate = dir / "contra.toml";
        std::error_code missing;  // a folder without one is no reason to stop looking up
        if (fs::is_regular_file(candidate, missing)) return candidate;
        if (dir == dir.root_path()) break;
    }
    return std::nullopt;
}

// A path-valued key of contra.toml, resolved against the file's folder.
std::optional<std::string> config_path(std::string_view key)
{
    auto config = find_config();
    if (!config) return std::nullopt;
    toml::table table;
    try {
        table = toml::parse_file(config->string());
    } catch (const toml::parse_error& e) {
        const auto& begin = e.source().begin;
        throw Failure{Error{ErrorKind::bad_input, std::string(e.description()),
                            Location{config->string(), static_cast<int>(begin.line),
                                     static_cast<int>(begin.column), {}}}};
    }
    auto value = table[key].value<std::string>();
    if (!value) return std::nullopt;
    fs::path path(*value);
    if (path.is_relative()) path = config->parent_path() / path;
    return path.lexically_normal().string();
}

}  // namespace

std::string Context::db_path() const
{
    if (!db_option.empty()) return db_option;
    if (auto from_env = env("CONTRA_DB")) return *from_env;
    if (auto from_config = config_path("db")) return *from_config;
    return "contra.db";
}

std::string Context::rules_dir() const
{
    if (!rules_option.empty()) return rules_option;
    if (auto from_env = env("CONTRA_RULES")) return *from_env;
    if (auto from_config = config_path("rules")) return *from_config;
    return CONTRA_DEFAULT_RULES_DIR;
}

Store Context::open_store(OpenMode mode) const
{
    return require(Store::open(db_path(), mode));
}

RuleSet Context::load_rules() const
{
    return require(RuleSet::load(rules_dir()));
}

std::string Context::now() const
{
    if (!now_option.empty()) return now_option;
    if (auto from_env = env("CONTRA_NOW")) return *from_env;
    auto now = std::chrono::system_clock::to_time_t(std::chrono::system_clock::now());
    return fmt::format("{:%Y-%m-%dT%H:%M:%SZ}", fmt::gmtime(now));
}

std::optional<std::string> Context::config_file() const
{
    auto config = find_config();
    if (!config) return std::nullopt;
    return config->string();
}

void Context::write(std::string_view text) const
{
    if (std::fwrite(text.data(), 1, text.size(), out) != text.size()) {
        throw std::system_error(errno, std::generic_category(), "cannot write the output");
    }
}

void Context::exit_now() const
{
    if (std::fflush(out) != 0) throw std::system_error(errno, std::generic_category(), "cannot write the output");
    std::fflush(stderr);
    std::_Exit(exit_code);
}

bool Context::color() const
{
    return !env("NO_COLOR") && ::isatty(::fileno(out)) != 0;
}

}  // namespace contra::cli
