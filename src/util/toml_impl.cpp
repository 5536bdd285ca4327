// toml++'s implementation, compiled once into contra when the build does not
// link Debian's shared libtomlplusplus (CONTRA_STATIC_LIBS, CMakeLists.txt):
// every other file includes its headers with TOML_HEADER_ONLY=0.
#if defined(CONTRA_TOML_COMPILED_IN)
#define TOML_IMPLEMENTATION 1
#include <toml++/toml.h>
#endif
