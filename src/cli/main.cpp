#include "cli/commands.hpp"

int main(int argc, char** argv)
{
    return contra::cli::run(argc, argv);
}
