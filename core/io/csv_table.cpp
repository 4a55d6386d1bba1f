#include "io/csv_table.h"

#include "io/input_error.h"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <fstream>
#include <limits>
#include <sstream>
#include <stdexcept>

namespace sdlab {

namespace {

std::string_view trim(std::string_view s) {
    while (!s.empty() && (s.front() == ' ' || s.front() == '\t'))
        s.remove_prefix(1);
    while (!s.empty() && (s.back() == ' ' || s.back() == '\t' || s.back() == '\r'))
        s.remove_suffix(1);
    return s;
}

std::vector<std::string_view> splitCells(std::string_view line) {
    std::vector<std::string_view> cells;
    std::size_t start = 0;
    for (;;) {
        const std::size_t comma = line.find(',', start);
        cells.push_back(trim(line.substr(start, comma - start)));
        if (comma == std::string_view::npos)
            return cells;
        start = comma + 1;
    }
}

bool parseFiniteNumber(std::string_view cell, double& value) {
    if (!cell.empty() && cell.front() == '+')
        cell.remove_prefix(1);
    if (cell.empty())
        return false;
    const auto [end, error] = std::from_chars(cell.data(), cell.data() + cell.size(), value);
    return error == std::errc() && end == cell.data() + cell.size() && std::isfinite(value);
}

} // namespace

CsvTable CsvTable::read(const std::filesystem::path& path,
                        const std::vector<std::string>& mayBeEmpty,
                        const std::vector<std::string>& textColumns) {
    std::error_code ec;
    if (!std::filesystem::exists(path, ec))
        throw InputError(path.string() + ": no such file");
    if (std::filesystem::is_directory(path, ec))
        throw InputError(path.string() + ": is a directory, not a CSV file");
    std::ifstream in(path, std::ios::binary);
    if (!in)
        throw InputError(path.string() + ": cannot be opened for reading");
    std::ostringstream buffer;
    buffer << in.rdbuf();
    return parse(buffer.str(), path.string(), mayBeEmpty, textColumns);
}

CsvTable CsvTable::parse(std::string_view text, const std::string& sourceName,
                         const std::vector<std::string>& mayBeEmpty,
                         const std::vector<std::string>& textColumns) {
    CsvTable table;
    table.m_source = sourceName;
    std::size_t lineNumber = 0;
    std::size_t pos = 0;
    bool haveHeader = false;
    std::vector<bool> emptyAllowed;
    while (pos <= text.size()) {
        std::size_t newline = text.find('\n', pos);
        if (newline == std::string_view::npos)
            newline = text.size();
        const std::string_view line = trim(text.substr(pos, newline - pos));
        pos = newline + 1;
        ++lineNumber;
        if (line.empty())
            continue;
        if (line.find('\0') != std::string_view::npos)
            throw InputError(sourceName + ": line " + std::to_string(lineNumber) +
                             " holds binary data; expected a text CSV file");
        const std::vector<std::string_view> cells = splitCells(line);
        if (!haveHeader) {
            for (std::string_view name : cells) {
                if (name.empty())
                    throw InputError(sourceName + ": the header (line " +
                                     std::to_string(lineNumber) + ") has an empty column name");
                if (table.hasColumn(name))
                    throw InputError(sourceName + ": column '" + std::string(name) +
                                     "' appears twice in the header");
                table.m_names.emplace_back(name);
            }
            table.m_columns.resize(cells.size());
            table.m_text.resize(cells.size());
            for (const std::string& name : table.m_names) {
                emptyAllowed.push_back(std::find(mayBeEmpty.begin(), mayBeEmpty.end(), name) !=
                                       mayBeEmpty.end());
                table.m_isText.push_back(std::find(textColumns.begin(), textColumns.end(), name) !=
                                         textColumns.end());
            }
            haveHeader = true;
            continue;
        }
        if (cells.size() != table.m_names.size())
            throw InputError(sourceName + ": line " + std::to_string(lineNumber) + " has " +
                             std::to_string(cells.size()) + " cells but the header has " +
                             std::to_string(table.m_names.size()) + " columns");
        for (std::size_t c = 0; c < cells.size(); ++c) {
            double value = 0.0;
            if (table.m_isText[c]) {
                table.m_text[c].emplace_back(cells[c]);
                table.m_columns[c].push_back(std::numeric_limits<double>::quiet_NaN());
                continue;
            }
            if (cells[c].empty() && emptyAllowed[c]) {
                table.m_columns[c].push_back(std::numeric_limits<double>::quiet_NaN());
                continue;
            }
            if (cells[c].empty())
                throw InputError(sourceName + ": line " + std::to_string(lineNumber) +
                                 ", column '" + table.m_names[c] + "' is empty");
            if (!parseFiniteNumber(cells[c], value))
                throw InputError(sourceName + ": line " + std::to_string(lineNumber) +
                                 ", column '" + table.m_names[c] + "': '" +
                                 std::string(cells[c].substr(0, 40)) + "' is not a finite number");
            table.m_columns[c].push_back(value);
        }
    }
    if (!haveHeader)
        throw InputError(sourceName + ": the file is empty; expected a header row and data rows");
    if (table.rowCount() == 0)
        throw InputError(sourceName + ": has a header but no data rows");
    return table;
}

const std::vector<std::string>& CsvTable::textColumn(std::string_view name) const {
    for (std::size_t c = 0; c < m_names.size(); ++c)
        if (m_names[c] == name && m_isText[c])
            return m_text[c];
    column(name); // throws, naming the columns, when there is no such column
    throw InputError(m_source + ": column '" + std::string(name) + "' holds numbers, not names");
}

bool CsvTable::hasColumn(std::string_view name) const {
    for (const std::string& n : m_names)
        if (n == name)
            return true;
    return false;
}

const std::vector<double>& CsvTable::column(std::string_view name) const {
    for (std::size_t c = 0; c < m_names.size(); ++c)
        if (m_names[c] == name)
            return m_columns[c];
    std::string have;
    for (const std::string& n : m_names)
        have += (have.empty() ? "" : ", ") + n;
    throw InputError(m_source + ": has no column '" + std::string(name) + "' (columns: " + have +
                     ")");
}

std::string formatNumber(double value) {
    char buffer[32];
    const auto [end, error] = std::to_chars(buffer, buffer + sizeof buffer, value);
    return error == std::errc() ? std::string(buffer, end) : std::string("nan");
}

CsvWriter::CsvWriter(const std::vector<std::string>& header) : m_width(header.size()) {
    for (std::size_t i = 0; i < header.size(); ++i)
        m_text += (i ? "," : "") + header[i];
    m_text += '\n';
}

void CsvWriter::addRow(std::initializer_list<double> values) {
    addRow(std::vector<double>(values));
}

void CsvWriter::addRow(const std::vector<std::optional<double>>& values) {
    if (values.size() != m_width)
        throw std::logic_error("CsvWriter: row width differs from the header");
    for (std::size_t i = 0; i < values.size(); ++i) {
        if (i)
            m_text += ',';
        if (values[i])
            m_text += formatNumber(*values[i]);
    }
    m_text += '\n';
}

void CsvWriter::addCells(const std::vector<std::string>& cells) {
    if (cells.size() != m_width)
        throw std::logic_error("CsvWriter: row width differs from the header");
    for (std::size_t i = 0; i < cells.size(); ++i) {
        if (cells[i].find_first_of(",\"\r\n") != std::string::npos)
            throw std::logic_error("CsvWriter: a cell would need quoting: " + cells[i]);
        if (i)
            m_text += ',';
        m_text += cells[i];
    }
    m_text += '\n';
}

void CsvWriter::addRow(const std::vector<double>& values) {
    if (values.size() != m_width)
        throw std::logic_error("CsvWriter: row width differs from the header");
    for (std::size_t i = 0; i < values.size(); ++i) {
        if (i)
            m_text += ',';
        m_text += formatNumber(values[i]);
    }
    m_text += '\n';
}

void requireWholeNumbers(const std::vector<double>& values, const std::string& what) {
    for (std::size_t r = 0; r < values.size(); ++r)
        if (values[r] != std::round(values[r]))
            throw InputError(what + ": row " + std::to_string(r + 1) + " holds " +
                             formatNumber(values[r]) + "; spike counts must be whole numbers");
}

} // namespace sdlab
