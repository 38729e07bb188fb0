#include "ui/dashboards/graphs/node_details.h"

#include "ui/widgets/plain_tool_tip.h"

#include "graph.pb.h"

#include <QHeaderView>
#include <QLabel>
#include <QTreeWidget>
#include <QVBoxLayout>

#include <algorithm>
#include <map>

namespace lantern::ui {

namespace {

constexpr int kDetailsNodeRole = Qt::UserRole;
constexpr int kMaxListed = 50; // list values and tensors show their first few elements
constexpr int kMaxLength = 120;

QString dtypeText(int type)
{
    const std::string name = pb::DataType_Name(static_cast<pb::DataType>(type % 100));
    QString text = QString::fromStdString(name).toLower();
    if (text.startsWith(QLatin1String("dt_")))
        text = text.mid(3);
    if (type > 100)
        text += QStringLiteral("_ref");
    return text.isEmpty() ? QString::number(type) : text;
}

QString shapeText(const pb::TensorShapeProto& shape)
{
    if (shape.unknown_rank())
        return QStringLiteral("<unknown rank>");
    QStringList dims;
    for (const auto& dim : shape.dim())
        dims.append(dim.size() < 0 ? QStringLiteral("?") : QString::number(dim.size()));
    return QLatin1Char('[') + dims.join(QStringLiteral(", ")) + QLatin1Char(']');
}

QString bytesText(const std::string& bytes)
{
    return QLatin1Char('"') + QString::fromUtf8(bytes.data(), qsizetype(bytes.size()))
        + QLatin1Char('"');
}

template <typename Values, typename Format> QString listText(const Values& values, Format format)
{
    QStringList parts;
    for (int i = 0; i < std::min(int(values.size()), kMaxListed); ++i)
        parts.append(format(values.Get(i)));
    if (values.size() > kMaxListed)
        parts.append(QStringLiteral("…"));
    return QLatin1Char('[') + parts.join(QStringLiteral(", ")) + QLatin1Char(']');
}

QString fullAttrText(const pb::AttrValue& value)
{
    using V = pb::AttrValue;
    switch (value.value_case()) {
    case V::kS:
        return bytesText(value.s());
    case V::kI:
        return QString::number(value.i());
    case V::kF:
        return QString::number(double(value.f()));
    case V::kB:
        return value.b() ? QStringLiteral("true") : QStringLiteral("false");
    case V::kType:
        return dtypeText(value.type());
    case V::kShape:
        return shapeText(value.shape());
    case V::kTensor:
        return QStringLiteral("<tensor %1 %2>")
            .arg(dtypeText(value.tensor().dtype()), shapeText(value.tensor().tensor_shape()));
    case V::kPlaceholder:
        return QStringLiteral("$") + QString::fromStdString(value.placeholder());
    case V::kFunc:
        return QString::fromStdString(value.func().name());
    case V::kList: {
        const auto& list = value.list();
        if (list.s_size())
            return listText(list.s(), bytesText);
        if (list.i_size())
            return listText(list.i(), [](std::int64_t i) { return QString::number(i); });
        if (list.f_size())
            return listText(list.f(), [](float f) { return QString::number(double(f)); });
        if (list.b_size())
            return listText(list.b(),
                [](bool b) { return b ? QStringLiteral("true") : QStringLiteral("false"); });
        if (list.type_size())
            return listText(list.type(), [](int t) { return dtypeText(t); });
        if (list.shape_size())
            return listText(list.shape(), shapeText);
        if (list.func_size())
            return listText(list.func(),
                [](const pb::NameAttrList& f) { return QString::fromStdString(f.name()); });
        if (list.tensor_size())
            return NodeDetailsPanel::tr("[%n tensor(s)]", "", list.tensor_size());
        return QStringLiteral("[]");
    }
    case V::VALUE_NOT_SET:
        break;
    }
    return QString();
}

QString kindText(core::GraphHierarchy::Kind kind)
{
    switch (kind) {
    case core::GraphHierarchy::Kind::Root:
        return NodeDetailsPanel::tr("Graph");
    case core::GraphHierarchy::Kind::Scope:
        return NodeDetailsPanel::tr("Name scope");
    case core::GraphHierarchy::Kind::Series:
        return NodeDetailsPanel::tr("Series of numbered ops");
    case core::GraphHierarchy::Kind::Op:
        break;
    }
    return NodeDetailsPanel::tr("Op");
}

} // namespace

QString shortAttrText(const pb::AttrValue& value)
{
    const QString text = fullAttrText(value);
    return text.size() > kMaxLength ? text.left(kMaxLength - 1) + QStringLiteral("…") : text;
}

NodeDetailsPanel::NodeDetailsPanel(QWidget* parent)
    : QWidget(parent)
{
    setObjectName(QStringLiteral("nodeDetails"));
    m_title = new QLabel(this);
    m_title->setObjectName(QStringLiteral("nodeTitle"));
    m_title->setWordWrap(true);
    m_title->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_summary = new QLabel(this);
    m_summary->setObjectName(QStringLiteral("nodeSummary"));
    m_summary->setWordWrap(true);
    m_summary->setTextFormat(Qt::PlainText); // op and device names come from the log
    m_summary->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_tree = new QTreeWidget(this);
    m_tree->setObjectName(QStringLiteral("nodeDetailsTree"));
    m_tree->setColumnCount(2);
    m_tree->setHeaderLabels({tr("Name"), tr("Value")});
    m_tree->header()->setSectionResizeMode(0, QHeaderView::ResizeToContents);
    m_tree->setRootIsDecorated(true);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_title);
    layout->addWidget(m_summary);
    layout->addWidget(m_tree, 1);
    connect(m_tree, &QTreeWidget::itemClicked, this, [this](QTreeWidgetItem* item) {
        const QVariant node = item->data(0, kDetailsNodeRole);
        if (node.isValid())
            emit nodeRequested(node.toUInt());
    });
    clear();
}

void NodeDetailsPanel::clear()
{
    m_title->setText(tr("<i>Click a node to see its details.</i>"));
    m_summary->clear();
    m_tree->clear();
}

void NodeDetailsPanel::showNode(
    const core::GraphHierarchy& hierarchy, const pb::GraphDef& graph, std::uint32_t index)
{
    const core::GraphHierarchy::Node& node = hierarchy.node(index);
    m_tree->clear();
    m_title->setText(
        QStringLiteral("<b>%1</b>").arg(QString::fromStdString(node.name).toHtmlEscaped()));
    if (node.isGroup() || node.nodeDef < 0 || node.nodeDef >= graph.node_size()) {
        m_summary->setText(tr("%1 · %n op(s)", "", int(node.opCount)).arg(kindText(node.kind)));
        return;
    }
    const pb::NodeDef& def = graph.node(node.nodeDef);
    QStringList lines {tr("Op: %1").arg(QString::fromStdString(def.op()))};
    if (!def.device().empty())
        lines.append(tr("Device: %1").arg(QString::fromStdString(def.device())));
    m_summary->setText(lines.join(QLatin1Char('\n')));

    auto section = [this](const QString& name, int count) {
        auto* item = new QTreeWidgetItem(m_tree, {QStringLiteral("%1 (%2)").arg(name).arg(count)});
        item->setExpanded(true);
        item->setFirstColumnSpanned(true);
        return item;
    };
    // The protobuf map has no stable order: sort the keys.
    const std::map<std::string, const pb::AttrValue*> attrs = [&def] {
        std::map<std::string, const pb::AttrValue*> sorted;
        for (const auto& [key, value] : def.attr())
            sorted.emplace(key, &value);
        return sorted;
    }();
    QTreeWidgetItem* attrSection = section(tr("Attributes"), int(attrs.size()));
    for (const auto& [key, value] : attrs) {
        auto* item = new QTreeWidgetItem(
            attrSection, {QString::fromStdString(key), shortAttrText(*value)});
        item->setToolTip(1, plainToolTip(fullAttrText(*value).left(2000)));
    }

    auto addOp = [&hierarchy](QTreeWidgetItem* parent, std::uint32_t op, bool control) {
        QString name = QString::fromStdString(hierarchy.node(op).name);
        if (control)
            name = QStringLiteral("^") + name;
        auto* item = new QTreeWidgetItem(parent, {name});
        item->setFirstColumnSpanned(true);
        item->setData(0, kDetailsNodeRole, op);
        item->setForeground(0, QColor(0x1a, 0x5f, 0xb4));
        item->setToolTip(0, NodeDetailsPanel::tr("Click to go to this op"));
    };
    const auto inputs = hierarchy.inputsOf(index);
    QTreeWidgetItem* inputSection = section(tr("Inputs"), int(inputs.size()));
    for (const core::GraphHierarchy::Input& input : inputs)
        addOp(inputSection, input.op, input.control);

    // Outputs: every op that names this one among its inputs.
    std::vector<std::pair<std::uint32_t, bool>> outputs;
    const auto& nodes = hierarchy.nodes();
    for (std::uint32_t other = 0; other < nodes.size(); ++other) {
        if (nodes[other].isGroup())
            continue;
        for (const core::GraphHierarchy::Input& input : hierarchy.inputsOf(other))
            if (input.op == index) {
                outputs.emplace_back(other, input.control);
                break;
            }
    }
    QTreeWidgetItem* outputSection = section(tr("Outputs"), int(outputs.size()));
    for (const auto& [op, control] : outputs)
        addOp(outputSection, op, control);
}

} // namespace lantern::ui
