#pragma once

#include <cstddef>
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace sdlab {

// A numeric CSV table: one header row of column names, then one row of finite numbers
// per line, all rows as long as the header. Files as spreadsheets save them are read: a
// UTF-8 byte-order mark, CRLF line ends, quoted cells (RFC 4180, within one line),
// spaces around cells, and a semicolon-separated file with decimal commas (or Excel's
// "sep=;" first line); a tab-separated one too. Blank lines are skipped. Every defect
// (missing, empty, UTF-16 or binary file, one larger than 512 MiB or endless, no data
// rows, ragged row, a cell that is not a finite number, a duplicate column name)
// raises InputError naming the file, the line and the column. Columns named in
// `mayBeEmpty` accept empty cells, read as NaN (neuron.csv's syn for a neuron without
// a synaptic current). Columns named in `textColumns` hold words instead (scales'
// tradeoff.csv names its networks): their cells are kept as text, and read as NaN by
// column().
class CsvTable {
  public:
    static CsvTable read(const std::filesystem::path& path,
                         const std::vector<std::string>& mayBeEmpty = {},
                         const std::vector<std::string>& textColumns = {});
    static CsvTable parse(std::string_view text, const std::string& sourceName,
                          const std::vector<std::string>& mayBeEmpty = {},
                          const std::vector<std::string>& textColumns = {});

    const std::vector<std::string>& columnNames() const { return m_names; }
    std::size_t rowCount() const { return m_columns.empty() ? 0 : m_columns.front().size(); }
    bool hasColumn(std::string_view name) const;
    // The column's values; InputError naming the file and the columns it has if absent.
    const std::vector<double>& column(std::string_view name) const;
    const std::vector<double>& column(std::size_t index) const { return m_columns[index]; }
    // A text column's cells; InputError as column() when absent or not a text column.
    const std::vector<std::string>& textColumn(std::string_view name) const;
    const std::string& sourceName() const { return m_source; }

  private:
    std::string m_source;
    std::vector<std::string> m_names;
    std::vector<std::vector<double>> m_columns;
    std::vector<std::vector<std::string>> m_text; // per column; empty unless a text column
    std::vector<bool> m_isText;
};

// Formats a double in the shortest form that reads back to the same value.
std::string formatNumber(double value);

// Throws InputError naming `what` and the first row that is not a whole number (spike
// counts read from a file must be integers).
void requireWholeNumbers(const std::vector<double>& values, const std::string& what);
// Column `column`'s cell at data row `row` as an index or count (a layer, a unit, a step):
// InputError naming the file, the line and the column unless it is a whole number in
// [0, limit], so no cast of a negative or huge value follows.
std::size_t wholeNumberCell(const CsvTable& table, std::string_view column, std::size_t row,
                            double limit = 1e7);

// Builds CSV text: a header row, then rows of numbers in the shortest exact form.
class CsvWriter {
  public:
    explicit CsvWriter(const std::vector<std::string>& header);
    void addRow(std::initializer_list<double> values);
    void addRow(const std::vector<double>& values);
    // A row with gaps: nothing written for an empty cell.
    void addRow(const std::vector<std::optional<double>>& values);
    // A row of cells already formatted (numbers by formatNumber, or plain words: no comma,
    // quote or line break), for tables with a name column.
    void addCells(const std::vector<std::string>& cells);
    const std::string& text() const { return m_text; }

  private:
    std::size_t m_width;
    std::string m_text;
};

} // namespace sdlab
