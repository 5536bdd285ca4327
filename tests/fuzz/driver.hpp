// What every libFuzzer driver shares: the resources, loaded once, a scratch
// folder of its own for the targets that read files, and the abort that
// turns a broken invariant into a crash libFuzzer records.
#pragma once

#include "fuzz/targets.hpp"

#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <string>

#include <unistd.h>

namespace contra::fuzz {

inline const Resources& resources()
{
    static const Resources loaded(std::filesystem::path(CONTRA_SOURCE_DIR) / "rules");
    return loaded;
}

inline const std::filesystem::path& scratch()
{
    static const std::filesystem::path dir = [] {
        std::string pattern = (std::filesystem::temp_directory_path() / "contra-fuzz-XXXXXX").string();
        if (::mkdtemp(pattern.data()) == nullptr) std::abort();
        static std::string remove_at_exit = pattern;
        std::atexit([] {
            std::error_code ignored;
            std::filesystem::remove_all(remove_at_exit, ignored);
        });
        return std::filesystem::path(pattern);
    }();
    return dir;
}

inline int report(const std::string& problem)
{
    if (problem.empty()) return 0;
    std::fprintf(stderr, "contra fuzz: invariant broken: %s\n", problem.c_str());
    std::abort();
}

}  // namespace contra::fuzz
