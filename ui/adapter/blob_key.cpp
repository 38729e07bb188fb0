#include "ui/adapter/blob_key.h"

namespace lantern::ui {

QString blobKey(const core::BlobReference& reference, std::uint32_t sample)
{
    return QString::fromStdString(reference.file.string())
        + QStringLiteral("|%1|%2|%3|%4")
              .arg(reference.location.offset)
              .arg(reference.location.length)
              .arg(reference.valueIndex)
              .arg(sample);
}

} // namespace lantern::ui
