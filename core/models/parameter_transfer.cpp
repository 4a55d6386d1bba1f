#include "models/parameter_transfer.h"

#include "io/input_error.h"

#include <map>
#include <string>
#include <type_traits>
#include <variant>

namespace sdlab {

namespace {

using Value = std::variant<RowMatrix, Eigen::MatrixXd, Eigen::VectorXd, double>;

// Visits a model, keeping a copy of each parameter by name.
class TransferSource : public LearnedParameterVisitor {
  public:
    std::map<std::string, Value> values;
    void visit(const std::string& name, RowMatrix& m) override { keep(name, m); }
    void visit(const std::string& name, Eigen::MatrixXd& m) override { keep(name, m); }
    void visit(const std::string& name, Eigen::VectorXd& v) override { keep(name, v); }
    void visit(const std::string& name, double& x) override { keep(name, x); }

  private:
    template <typename T> void keep(const std::string& name, const T& value) {
        values.emplace(name, value);
    }
};

template <typename T> std::string shapeText(const T& v) {
    if constexpr (std::is_same_v<T, double>)
        return "a number";
    else
        return std::to_string(v.rows()) + " x " + std::to_string(v.cols());
}

std::string shapeOf(const Value& value) {
    return std::visit([](const auto& v) { return shapeText(v); }, value);
}

// Visits the recipient: checks each parameter against the donor's, or writes it.
class TransferTarget : public LearnedParameterVisitor {
  public:
    TransferTarget(const std::map<std::string, Value>& donor, bool write)
        : m_donor(donor), m_write(write) {}
    std::size_t seen = 0;
    void visit(const std::string& name, RowMatrix& m) override { take(name, m); }
    void visit(const std::string& name, Eigen::MatrixXd& m) override { take(name, m); }
    void visit(const std::string& name, Eigen::VectorXd& v) override { take(name, v); }
    void visit(const std::string& name, double& x) override { take(name, x); }

  private:
    template <typename T> void take(const std::string& name, T& target) {
        ++seen;
        const auto it = m_donor.find(name);
        if (it == m_donor.end())
            throw InputError("the weights' donor has no parameter " + name);
        const T* source = std::get_if<T>(&it->second);
        if (!source || shapeOf(it->second) != shapeText(target)) // no copy of `target`
            throw InputError(name + " is " + shapeOf(it->second) + " in the donor and " +
                             shapeText(target) + " here");
        if (m_write)
            target = *source;
    }
    const std::map<std::string, Value>& m_donor;
    bool m_write;
};

} // namespace

void copyLearnedParameters(Classifier& from, Classifier& to) {
    TransferSource donor;
    if (!from.visitLearnedParameters(donor))
        throw InputError("the weights' donor has no parameters to give");
    TransferTarget check(donor.values, false); // every name and shape first: `to` stays unchanged
    if (!to.visitLearnedParameters(check))
        throw InputError("the weights' recipient cannot take parameters");
    if (check.seen != donor.values.size())
        throw InputError("the donor has " + std::to_string(donor.values.size()) +
                         " parameters and the recipient " + std::to_string(check.seen));
    TransferTarget write(donor.values, true);
    to.visitLearnedParameters(write);
}

} // namespace sdlab
