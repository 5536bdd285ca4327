// contra-serve: contra with the review desk linked in, which `contra serve`
// runs (cli/serve.hpp); here `serve` serves in this process.
#include "cli/commands.hpp"
#include "cli/serve.hpp"

int main(int argc, char** argv)
{
    return contra::cli::run(argc, argv, &contra::cli::serve_here);
}
