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

// The name of an input in single quotes, as every InputError message names it.
// (Built by appending: GCC 12 warns falsely on "'" + std::string, bug 105651.)
inline std::string quoted(const std::string& name) {
    std::string text;
    text.reserve(name.size() + 2);
    text += '\'';
    text += name;
    text += '\'';
    return text;
}

} // namespace sdlab
