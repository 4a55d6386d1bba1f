#pragma once

#include <stdexcept>
#include <string>

namespace sdlab {

// Bad user input (a file, a column, a parameter). The message names the input and says
// what is wrong, in one sentence a user can act on; the CLI exits with status 2 on it.
class InputError : public std::runtime_error {
public:
    explicit InputError(const std::string& message) : std::runtime_error(message) {}
};

} // namespace sdlab
