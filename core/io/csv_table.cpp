#include "io/csv_table.h"

#include "io/bounded_input.h"
#include "io/input_error.h"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <deque>
#include <limits>
#include <stdexcept>

namespace sdlab {

namespace {

// The most a CSV input may hold: far above any signal or result table we write, far
// below what would exhaust memory (issue 23: /dev/zero, an endless FIFO).
constexpr std::uint64_t kMaxCsvBytes = std::uint64_t{512} << 20;

// How a file separates its cells, read from its header line (outside quotes): a comma
// when it has one; else a semicolon, with decimal commas, as spreadsheets in many
// locales save CSV; else a tab. Excel's "sep=;" first line says so explicitly.
struct Dialect {
    char separator = ',';
    bool decimalComma = false;
};

bool isPadding(char c, char separator) {
    return c == ' ' || c == '\r' || (c == '\t' && separator != '\t');
}

std::string_view trim(std::string_view s, char separator) {
    while (!s.empty() && isPadding(s.front(), separator))
        s.remove_prefix(1);
    while (!s.empty() && isPadding(s.back(), separator))
        s.remove_suffix(1);
    return s;
}

bool occursOutsideQuotes(std::string_view line, char c) {
    bool quoted = false;
    for (char x : line) {
        if (x == '"')
            quoted = !quoted;
        else if (x == c && !quoted)
            return true;
    }
    return false;
}

Dialect dialectOf(std::string_view header) {
    if (occursOutsideQuotes(header, ','))
        return {',', false};
    if (occursOutsideQuotes(header, ';'))
        return {';', true};
    if (occursOutsideQuotes(header, '\t'))
        return {'\t', false};
    return {',', false};
}

// Excel's separator hint: a first line "sep=X".
std::optional<Dialect> separatorHint(std::string_view line) {
    if (line.size() != 5 || line.substr(0, 4) != "sep=")
        return std::nullopt;
    return Dialect{line[4], line[4] == ';'};
}

enum class SplitResult { ok, quoteNeverClosed, textAfterQuote };

// Splits one line into cells, with RFC 4180 quoting inside the line ("a ""b""" reads
// a "b"); spaces around a cell are dropped, those inside quotes kept. Cells are views
// into the line, except quoted cells with doubled quotes, which are unescaped into
// `unescaped` (a deque: its strings never move). A quote left open (a quoted line
// break, which we do not read) or text after a closing quote is reported.
SplitResult splitCells(std::string_view line, char separator, std::vector<std::string_view>& cells,
                       std::deque<std::string>& unescaped) {
    cells.clear();
    unescaped.clear();
    std::size_t i = 0;
    for (;;) {
        while (i < line.size() && isPadding(line[i], separator))
            ++i;
        if (i < line.size() && line[i] == '"') {
            const std::size_t begin = ++i;
            bool doubled = false;
            for (;; ++i) {
                if (i >= line.size())
                    return SplitResult::quoteNeverClosed;
                if (line[i] == '"' && i + 1 < line.size() && line[i + 1] == '"') {
                    doubled = true;
                    ++i;
                } else if (line[i] == '"') {
                    break;
                }
            }
            std::string_view cell = line.substr(begin, i - begin);
            if (doubled) {
                std::string& text = unescaped.emplace_back();
                for (std::size_t k = 0; k < cell.size(); ++k) {
                    text += cell[k];
                    if (cell[k] == '"') // "" stands for one quote
                        ++k;
                }
                cell = text;
            }
            cells.push_back(cell);
            for (++i; i < line.size() && isPadding(line[i], separator);)
                ++i;
            if (i < line.size() && line[i] != separator)
                return SplitResult::textAfterQuote;
        } else {
            const std::size_t end = std::min(line.find(separator, i), line.size());
            cells.push_back(trim(line.substr(i, end - i), separator));
            i = end;
        }
        if (i >= line.size())
            return SplitResult::ok;
        ++i; // the separator
    }
}

bool parseFiniteNumber(std::string_view cell, bool decimalComma, double& value) {
    std::string withPoint;
    if (decimalComma && cell.find(',') != std::string_view::npos &&
        cell.find('.') == std::string_view::npos) {
        withPoint.assign(cell);
        std::replace(withPoint.begin(), withPoint.end(), ',', '.');
        cell = withPoint;
    }
    if (!cell.empty() && cell.front() == '+')
        cell.remove_prefix(1);
    if (cell.empty())
        return false;
    const auto [end, error] = std::from_chars(cell.data(), cell.data() + cell.size(), value);
    return error == std::errc() && end == cell.data() + cell.size() && std::isfinite(value);
}

std::string lineName(const std::string& sourceName, std::size_t lineNumber) {
    return sourceName + ": line " + std::to_string(lineNumber);
}

} // namespace

CsvTable CsvTable::read(const std::filesystem::path& path,
                        const std::vector<std::string>& mayBeEmpty,
                        const std::vector<std::string>& textColumns) {
    return parse(readBoundedInput(path, kMaxCsvBytes, "a CSV input"), path.string(), mayBeEmpty,
                 textColumns);
}

CsvTable CsvTable::parse(std::string_view text, const std::string& sourceName,
                         const std::vector<std::string>& mayBeEmpty,
                         const std::vector<std::string>& textColumns) {
    if (text.starts_with("\xEF\xBB\xBF")) // a UTF-8 byte-order mark, as spreadsheets write
        text.remove_prefix(3);
    else if (text.starts_with("\xFF\xFE") || text.starts_with("\xFE\xFF"))
        throw InputError(sourceName + ": is UTF-16 text; save it as UTF-8 CSV");
    CsvTable table;
    table.m_source = sourceName;
    std::size_t lineNumber = 0;
    std::size_t pos = 0;
    bool haveHeader = false;
    std::optional<Dialect> dialect;
    std::vector<bool> emptyAllowed;
    std::vector<std::string_view> cells;
    std::deque<std::string> unescaped;
    while (pos <= text.size()) {
        std::size_t newline = text.find('\n', pos);
        if (newline == std::string_view::npos)
            newline = text.size();
        const std::string_view rawLine = text.substr(pos, newline - pos);
        pos = newline + 1;
        ++lineNumber;
        if (rawLine.find('\0') != std::string_view::npos)
            throw InputError(lineName(sourceName, lineNumber) +
                             " holds binary data; expected a text CSV file");
        if (!dialect) {
            const std::string_view line = trim(rawLine, ',');
            if (line.empty())
                continue;
            dialect = separatorHint(line);
            if (dialect)
                continue;
            dialect = dialectOf(line);
        }
        const std::string_view line = trim(rawLine, dialect->separator);
        if (line.empty())
            continue;
        switch (splitCells(line, dialect->separator, cells, unescaped)) {
        case SplitResult::ok:
            break;
        case SplitResult::quoteNeverClosed:
            throw InputError(lineName(sourceName, lineNumber) +
                             " has a quote that is never closed (a cell cannot span lines)");
        case SplitResult::textAfterQuote:
            throw InputError(lineName(sourceName, lineNumber) + " has text after a closing quote");
        }
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
        if (cells.size() != table.m_names.size()) {
            const std::size_t width = table.m_names.size();
            throw InputError(lineName(sourceName, lineNumber) + " has " +
                             std::to_string(cells.size()) + " cells but the header has " +
                             std::to_string(width) + (width == 1 ? " column" : " columns") +
                             (width == 1 && dialect->separator == ','
                                  ? " (if ',' is a decimal comma here, separate cells with ';')"
                                  : ""));
        }
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
                throw InputError(lineName(sourceName, lineNumber) + ", column '" +
                                 table.m_names[c] + "' is empty");
            if (!parseFiniteNumber(cells[c], dialect->decimalComma, value))
                throw InputError(lineName(sourceName, lineNumber) + ", column '" +
                                 table.m_names[c] + "': '" + std::string(cells[c].substr(0, 40)) +
                                 "' is not a finite number");
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

std::size_t wholeNumberCell(const CsvTable& table, std::string_view column, std::size_t row,
                            double limit) {
    const double value = table.column(column)[row];
    if (!(value >= 0.0 && value <= limit && value == std::floor(value)))
        throw InputError(table.sourceName() + ": line " + std::to_string(row + 2) + ": " +
                         std::string(column) + " " + formatNumber(value) +
                         " is not a whole number in 0.." + formatNumber(limit));
    return static_cast<std::size_t>(value);
}

} // namespace sdlab
