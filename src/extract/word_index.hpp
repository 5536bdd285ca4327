// The extraction code's name for util's WordIndex, where the quantity parser
// finds it too.
#pragma once

#include "util/word_index.hpp"

namespace contra::detail::extraction {

using detail::WordIndex;

}  // namespace contra::detail::extraction
