// contra. `contra serve` hands over to contra-serve (cli/serve.hpp).
#include "cli/commands.hpp"
#include "cli/serve.hpp"

int main(int argc, char** argv)
{
    return contra::cli::run(argc, argv, &contra::cli::hand_over_serve);
}
