#pragma once

#include <filesystem>
#include <string>
#include <utility>
#include <vector>

namespace sdlab {

// The result files of one run, written all-or-nothing: stage() keeps each file's
// content in memory; commit() creates the directory, writes every file under a
// temporary name and only then renames each into place, so an interrupted or failed
// run never leaves a half-written result file (a failure removes the temporaries and
// throws std::runtime_error naming the file).
class OutputBundle {
  public:
    void stage(std::string fileName, std::string content) {
        m_files.emplace_back(std::move(fileName), std::move(content));
    }
    void commit(const std::filesystem::path& directory) const;
    // The staged files, name and content, for a caller that reads them in memory.
    const std::vector<std::pair<std::string, std::string>>& files() const { return m_files; }

  private:
    std::vector<std::pair<std::string, std::string>> m_files;
};

} // namespace sdlab
