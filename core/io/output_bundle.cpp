#include "io/output_bundle.h"

#include <fstream>
#include <stdexcept>

namespace sdlab {

namespace {
std::filesystem::path temporaryName(const std::filesystem::path& target) {
    std::string name = ".";
    name += target.filename().string();
    name += ".partial";
    return target.parent_path() / name;
}

void removeQuietly(const std::filesystem::path& path) {
    std::error_code ignored;
    std::filesystem::remove(path, ignored);
}
} // namespace

void OutputBundle::commit(const std::filesystem::path& directory) const {
    std::error_code ec;
    std::filesystem::create_directories(directory, ec);
    if (ec || !std::filesystem::is_directory(directory))
        throw std::runtime_error(directory.string() + ": cannot create the output directory (" +
                                 ec.message() + ")");
    std::vector<std::filesystem::path> written;
    auto fail = [&](const std::string& message) {
        for (const auto& path : written)
            removeQuietly(path);
        throw std::runtime_error(message);
    };
    for (const auto& [name, content] : m_files) {
        const std::filesystem::path temp = temporaryName(directory / name);
        written.push_back(temp);
        std::ofstream out(temp, std::ios::binary | std::ios::trunc);
        out.write(content.data(), static_cast<std::streamsize>(content.size()));
        out.close();
        if (!out)
            fail((directory / name).string() + ": cannot be written");
    }
    for (std::size_t i = 0; i < m_files.size(); ++i) {
        std::filesystem::rename(written[i], directory / m_files[i].first, ec);
        if (ec)
            fail((directory / m_files[i].first).string() + ": cannot be renamed into place (" +
                 ec.message() + ")");
    }
}

} // namespace sdlab
